"""The structured tools of the worked example, and which unit's demo uses which.

Indices refer to the lists in scenario.py (feedback F, findings N, actions A, metrics M).
"""

from __future__ import annotations

from typing import Any

#: Tools each unit's demo fills in: the ones its marking points ask for, plus the KPI
#: tracker and RATER where the unit is about measuring or analysing service.
UNIT_TOOLS: dict[str, tuple[str, ...]] = {
    "continuous-improvement": ("kpi", "rater"),
    "journey-review": ("journey", "legislation", "kpi", "rater"),
    "process-reengineering": ("process", "matrix", "kpi"),
    "service-foundations": ("legislation", "rater"),
    "strategic-service": ("cases", "matrix", "kpi"),
}

TOUCHPOINTS: list[dict[str, Any]] = [
    {
        "stage": "awareness",
        "touchpoint": "Click-and-collect offer on the product page",
        "channel": "web",
        "emotion": 1,
        "pain_point": "",
        "opportunity": "Show the real collection time, not 'ready in 2 hours'.",
        "source": "Online review",
        "feedback": 4,
    },
    {
        "stage": "consideration",
        "touchpoint": "Question about stock sent through social media",
        "channel": "social",
        "emotion": 0,
        "pain_point": "Replies come from a different team with no order history.",
        "opportunity": "Route social questions into the same triaged inbox.",
        "source": "Direct comment",
        "feedback": 6,
    },
    {
        "stage": "purchase",
        "touchpoint": "Order placed and paid online",
        "channel": "web",
        "emotion": 1,
        "pain_point": "",
        "opportunity": "Confirm the collection store and slot in plain words.",
        "source": "Survey S-1042",
        "feedback": 0,
    },
    {
        "stage": "delivery",
        "touchpoint": "Order moved from warehouse to store",
        "channel": "internal",
        "back_office": True,
        "emotion": None,
        "pain_point": "Orders are marked ready before they leave the warehouse.",
        "opportunity": "Scan on arrival at the collection desk triggers the email.",
        "source": "Warehouse supervisor interview; complaint C-2210",
        "feedback": 2,
    },
    {
        "stage": "delivery",
        "touchpoint": "'Ready to collect' email",
        "channel": "email",
        "emotion": -1,
        "pain_point": "Customers arrive for orders that are not there yet.",
        "opportunity": "Send the email only after the scan on arrival.",
        "source": "Survey S-1042",
        "feedback": 0,
    },
    {
        "stage": "delivery",
        "touchpoint": "Collection desk pick-up",
        "channel": "store",
        "emotion": -2,
        "pain_point": "Waits of up to 25 minutes while staff search the stockroom.",
        "opportunity": "Any colleague takes ownership and keeps the customer informed.",
        "source": "Mystery shop; compliment",
        "feedback": 7,
    },
    {
        "stage": "post_purchase",
        "touchpoint": "Email about a faulty or missing part",
        "channel": "email",
        "emotion": -2,
        "pain_point": "Replies take 52 hours on average; some emails are never answered.",
        "opportunity": "Triage the inbox twice a day; faults answered the same day.",
        "source": "Complaint C-2231; inbox report",
        "feedback": 3,
    },
    {
        "stage": "post_purchase",
        "touchpoint": "Phone call to chase a missed collection",
        "channel": "phone",
        "emotion": -1,
        "pain_point": "The customer has to explain the problem again to each person.",
        "opportunity": "One named colleague owns the case until it is closed.",
        "source": "Complaint C-2210",
        "feedback": 2,
    },
]

LANES: list[dict[str, Any]] = [
    {"role": "Customer", "responsibility": "Orders online and collects in store."},
    {"role": "Warehouse", "responsibility": "Picks the order and sends it to the store."},
    {"role": "Order system", "responsibility": "Sends the 'ready to collect' email."},
    {"role": "Collection desk", "responsibility": "Hands the order over and resolves problems."},
]

#: Steps per version: (lane index, label, step type, bottleneck, outcome, following steps).
STEPS: dict[str, list[tuple[int, str, str, bool, str, tuple[int, ...]]]] = {
    "current": [
        (0, "Places click-and-collect order", "start", False, "", (1,)),
        (1, "Picks order and marks it ready", "task", True, "", (2, 3)),
        (2, "Sends 'ready to collect' email", "task", True, "", (4,)),
        (1, "Van takes order to store (next day)", "task", False, "", (5,)),
        (0, "Arrives to collect", "task", False, "", (5,)),
        (3, "Order on the desk?", "decision", True, "", (6, 7)),
        (3, "Searches stockroom, customer waits", "task", True, "", (7,)),
        (0, "Collects order", "end", False, "", ()),
    ],
    "redesigned": [
        (0, "Places click-and-collect order", "start", False, "", (1,)),
        (1, "Picks order and sends it to store", "task", False, "", (2,)),
        (
            3,
            "Scans order on arrival at the desk",
            "task",
            False,
            "Every order scanned before the email: 100% of orders",
            (3,),
        ),
        (
            2,
            "Sends 'ready to collect' email",
            "task",
            False,
            "Collection complaints below 10 a month",
            (4,),
        ),
        (0, "Arrives to collect", "task", False, "", (5,)),
        (
            3,
            "Hands over order, owner named on the ticket",
            "task",
            False,
            "Handover within 5 minutes of arrival",
            (6,),
        ),
        (0, "Collects order", "end", False, "", ()),
    ],
}

OPTIONS: list[dict[str, Any]] = [
    {
        "name": "Scan on arrival triggers the email",
        "description": "Change the email trigger to the desk scan; no new system needed.",
        "chosen": True,
        "reason": "Highest weighted score: it removes the root cause at almost no cost and "
        "the warehouse and store teams can start it within a week.",
    },
    {
        "name": "Extra van run each afternoon",
        "description": "A second daily delivery from the warehouse to each store.",
        "chosen": False,
        "reason": "Rejected: it shortens the wait but costs about £9,000 a year and the "
        "email would still go out before the order arrives.",
    },
    {
        "name": "Collection lockers in every store",
        "description": "Self-service lockers customers open with a code.",
        "chosen": False,
        "reason": "Rejected for now: high set-up cost and a six-month lead time; kept for "
        "review next year once the process is stable.",
    },
]

CRITERIA: list[dict[str, Any]] = [
    {"name": "Removes the root cause", "category": "benefit", "weight": 3},
    {"name": "Cost to run", "category": "cost", "weight": 2},
    {"name": "Risk and time to introduce", "category": "risk", "weight": 2},
    {"name": "Fits the 24-hour service standard", "category": "standards", "weight": 1},
]

#: Score of each option (rows) on each criterion (columns), 0 to 5.
SCORES = [
    [5, 5, 4, 4],
    [2, 1, 4, 3],
    [4, 2, 1, 4],
]

#: Monthly readings of each metric between baseline and result: (metric, days ago, value).
READINGS: list[tuple[int, int, float, str]] = [
    (0, 88, 73, "First month of the new email trigger"),
    (0, 58, 78, "Inbox triage started"),
    (0, 30, 81, ""),
    (1, 88, 22, "Scan on arrival in store 1 only"),
    (1, 58, 13, "All three stores scanning"),
    (1, 30, 9, ""),
    (2, 88, 41, ""),
    (2, 58, 27, "Twice-daily triage"),
    (2, 30, 21, ""),
    (3, 88, 67, ""),
    (3, 58, 72, "Ownership procedure briefed"),
    (3, 30, 75, ""),
]

#: (library entry, action index or None, finding index or None, justification)
LEGISLATION: list[tuple[str, int | None, int | None, str]] = [
    (
        "consumer-rights-act-2015",
        0,
        None,
        "Customers are told an order is ready only when it is, so the service is performed "
        "with reasonable care and within the time promised.",
    ),
    (
        "data-protection-act-2018",
        1,
        None,
        "Triage moves emails between folders only inside the secured mailbox; no customer "
        "data is copied to spreadsheets, and templates ask for no more data than needed.",
    ),
    (
        "iso-10002",
        2,
        None,
        "The ownership procedure follows the ISO 10002 principles of accessibility and "
        "responsiveness: one named owner, acknowledgement the same day, a record of the outcome.",
    ),
    (
        "equality-act-2010",
        None,
        1,
        "Slow email replies hit customers who cannot phone hardest; same-day triage keeps the "
        "email channel as good as the phone for disabled customers.",
    ),
]

CASES: list[dict[str, Any]] = [
    {
        "title": "Missed collection after time off work (C-2210)",
        "opened_days_ago": 135,
        "feedback": 2,
        "issue": "The customer took unpaid time off to collect a sofa cover marked ready; it "
        "was still at the warehouse. She had already phoned twice and been told different "
        "things, and asked for compensation for lost wages.",
        "customer_requirements": "Her order the same week, an apology from someone who owns "
        "the problem, and recognition of the wages she lost.",
        "constraints": "No budget for cash compensation over £25 without a manager's approval; "
        "the next van to her store was two days away.",
        "solution": "The store manager approved delivery to her home the next evening at no "
        "charge and a £25 voucher; one named colleague called her back at each step. She kept "
        "her order and the cost stayed within the approval limit.",
        "outcome": "Customer accepted, withdrew the complaint and left a positive review.",
        "techniques": [
            (
                "heat",
                "She was angry after two calls; hearing her out and taking ownership first "
                "stopped her having to repeat the story again.",
                "Listened without interrupting, apologised, gave my name as her single contact.",
            ),
            (
                "root_cause",
                "The same failure had hit other customers, so fixing only her order would "
                "leave the cause in place.",
                "Traced the order: marked ready at picking, not on arrival at the desk.",
            ),
            (
                "escalation",
                "Her request went beyond my authority for compensation, so the decision had to "
                "sit with the manager.",
                "Escalated the same day with a summary and two options for the manager.",
            ),
            (
                "service_recovery",
                "A gesture the customer values turns a complaint into loyalty when the fault "
                "is ours.",
                "Free evening delivery and a voucher, confirmed in writing.",
            ),
        ],
    },
]

RATER: list[tuple[str, float, str]] = [
    ("reliability", 2, "Orders marked ready before they arrive (N1); 31 complaints a month."),
    ("assurance", 4, "Mystery shop praised product knowledge at the desk (F8)."),
    ("tangibles", 4, "Stores and desk are tidy; the stockroom search is visible to customers."),
    ("empathy", 4, "Compliment about a colleague who took ownership (F6)."),
    ("responsiveness", 2, "Email replies take 52 hours against a 24-hour standard (N2)."),
]
