"""The worked example behind ``folio demo``: one believable improvement project.

Priya Shah, a customer service team leader at a three-store home-goods retailer, works through
a full Plan-Do-Review cycle on late click-and-collect orders and slow email replies. Dates are
days relative to the day the demo is made, so the evidence is always current.
"""

from __future__ import annotations

from typing import Any

DETAILS: dict[str, Any] = {
    "learner_name": "Priya Shah",
    "candidate_number": "CS-2026-0417",
    "centre_name": "Northfield College of Further Education",
    "centre_number": "C-48213",
    "assessor_name": "Daniel Okafor",
    "workplace": "Harbour & Hale Home Store (3 stores and online shop)",
}
#: The awarding body's registration number and the employer's contact for reviews.
REGISTRATION_NUMBER = "PSH7421"
EMPLOYER_CONTACT = "Helen Ward, Store Manager"
STARTED_DAYS_AGO = 150
DUE_IN_DAYS = 21

FEEDBACK: list[dict[str, Any]] = [
    {
        "source_type": "survey",
        "days_ago": 140,
        "channel": "email survey",
        "customer_ref": "S-1042",
        "rating": 2,
        "rating_scale": 5,
        "text": "Ordered a lamp for click and collect. The email said it was ready but when I got "
        "to the store nobody could find it and I waited 25 minutes.",
    },
    {
        "source_type": "survey",
        "days_ago": 138,
        "channel": "email survey",
        "customer_ref": "S-1057",
        "rating": 3,
        "rating_scale": 5,
        "text": "Staff were friendly, but I emailed twice about a missing part and it took four "
        "days to get a reply.",
    },
    {
        "source_type": "complaint",
        "days_ago": 135,
        "channel": "phone",
        "customer_ref": "C-2210",
        "text": "Customer phoned to complain that her collection slot was missed because the order "
        "was still in the warehouse; she had taken time off work to collect it.",
    },
    {
        "source_type": "complaint",
        "days_ago": 131,
        "channel": "email",
        "customer_ref": "C-2231",
        "text": "Formal complaint: three emails about a faulty kettle went unanswered for a week; "
        "customer asked for a refund under the Consumer Rights Act.",
    },
    {
        "source_type": "online_review",
        "days_ago": 128,
        "channel": "web review site",
        "customer_ref": "R-88",
        "rating": 1,
        "rating_scale": 5,
        "text": "Click and collect is a joke. Ready means nothing. Second time I've had to come "
        "back.",
    },
    {
        "source_type": "compliment",
        "days_ago": 126,
        "channel": "in store",
        "customer_ref": "K-301",
        "text": "Thank you to Sam at the collection desk who went to the warehouse himself and "
        "found my order while I waited.",
    },
    {
        "source_type": "direct_comment",
        "days_ago": 125,
        "channel": "social media",
        "customer_ref": "D-77",
        "text": "Why does it take days to get an answer by email when the chat closes at 5pm?",
    },
    {
        "source_type": "mystery_shop",
        "days_ago": 120,
        "channel": "in store",
        "customer_ref": "MS-Q3",
        "text": "Mystery shopper: collection desk unstaffed for 9 minutes at 12:40; order located "
        "after 14 minutes; no apology or update offered during the wait.",
    },
    {
        "source_type": "kpi_report",
        "days_ago": 118,
        "channel": "contact centre report",
        "customer_ref": "KPI-SEP",
        "text": "September report: average first email response 52 hours against a 24-hour "
        "standard; 31 click-and-collect complaints; CSAT 71%.",
    },
]

FINDINGS: list[dict[str, Any]] = [
    {
        "theme": "Orders marked ready before they reach the collection desk",
        "touchpoint": "Click-and-collect pick-up (store)",
        "back_office": True,
        "root_cause": "The warehouse system sends the 'ready' email when picking starts, not when "
        "the parcel is scanned at the desk; the desk has no list of incoming orders.",
        "data_summary": "31 of 58 complaints in September (53%) concerned collection; mystery shop "
        "wait 14 minutes; 2 of 9 survey comments name the same problem.",
        "feedback": [0, 2, 4, 7],
    },
    {
        "theme": "Email replies far slower than the 24-hour standard",
        "touchpoint": "Customer service email inbox",
        "back_office": False,
        "root_cause": "One shared inbox with no triage or ownership; urgent faults wait behind "
        "routine questions and there are no approved reply templates.",
        "data_summary": "Average first response 52 hours (standard 24); 3 complaints and 1 social "
        "comment about waiting for email replies in four weeks.",
        "feedback": [1, 3, 6, 8],
    },
    {
        "theme": "Staff who take ownership turn a complaint into praise",
        "touchpoint": "Collection desk (front stage)",
        "back_office": False,
        "root_cause": "Good practice depends on individuals; it is not written into the procedure "
        "or the escalation route.",
        "data_summary": "1 compliment names a colleague who took ownership; brand value "
        "'We do what we say' is broken when ready means not ready.",
        "feedback": [5],
    },
]

ACTIONS: list[dict[str, Any]] = [
    {
        "action": "Change the trigger of the 'ready to collect' email so it is sent only when the "
        "parcel is scanned into the collection desk, and give the desk a live list of "
        "orders due that day.",
        "owner": "Priya Shah with the warehouse supervisor",
        "due_in": -80,
        "status": "done",
        "resources": "4 hours of the IT supplier's time (£360), one handheld scanner (£140).",
        "cost": 500,
        "expected_benefit": "Customers only travel when the order is really there; target: "
        "collection complaints down from 31 to under 10 a month.",
        "objective": "Company objective 2026: 'Make collecting as easy as shopping' and the brand "
        "value 'We do what we say'.",
        "stakeholders": "Customers, collection desk team, warehouse team, IT supplier, store "
        "manager.",
        "team_roles": "Warehouse team scan parcels on arrival; desk colleagues check the live "
        "list at the start of each shift; I coach new starters on the scanner.",
        "barriers": "Warehouse staff worried the extra scan would slow picking; IT change needed "
        "manager sign-off.",
        "overcome_barriers": "Trialled for one week at one store with timings recorded to show "
        "the scan adds under 10 seconds; presented the complaint figures to "
        "the store manager to get sign-off.",
        "communication": "Team huddle briefing, one-page quick guide at the desk, 15-minute "
        "scanner training for every desk and warehouse colleague.",
        "changes_process": True,
        "legislation": "Consumer Rights Act 2015; Consumer Contracts Regulations 2013",
        "compliance_justification": "Goods must be supplied within the agreed time and as "
        "described; telling customers an order is ready only when it "
        "is at the desk keeps our promise accurate, and the live list "
        "lets staff give correct information if delivery is late.",
        "success_measure": "Monthly collection complaints and average collection wait time.",
        "findings": [0],
    },
    {
        "action": "Triage the customer service inbox twice a day into faults, orders and general "
        "questions, give each category an owner, and introduce six approved reply "
        "templates.",
        "owner": "Priya Shah",
        "due_in": -60,
        "status": "done",
        "resources": "2 hours a week of team time for triage; no extra cost.",
        "cost": 0,
        "expected_benefit": "First email response within 24 hours for 90% of emails; fewer repeat "
        "emails and complaints.",
        "objective": "Service standard: reply to every email within one working day.",
        "stakeholders": "Customers, email team, store managers, data protection lead.",
        "team_roles": "Two colleagues triage each morning and afternoon; category owners reply; "
        "I review templates monthly with the team.",
        "barriers": "Team felt templates would sound robotic; busy Saturdays.",
        "overcome_barriers": "Wrote the templates together with the team and left space to "
        "personalise; added a Saturday triage rota.",
        "communication": "Team meeting to agree the templates; shared rota; refresher on data "
        "protection when quoting order details by email.",
        "changes_process": True,
        "legislation": "UK GDPR and Data Protection Act 2018; Equality Act 2010",
        "compliance_justification": "Templates ask customers to confirm identity before order "
        "details are shared, so personal data is only disclosed to the "
        "right person; customers who ask for another format (large "
        "print, phone call back) are offered it as a reasonable "
        "adjustment.",
        "success_measure": "Average first response time and share answered within 24 hours.",
        "findings": [1],
    },
    {
        "action": "Write 'take ownership' into the collection desk procedure: any colleague who "
        "is asked about a missing order owns it until it is found, and may offer a "
        "£5 voucher without a manager.",
        "owner": "Store manager, drafted by Priya Shah",
        "due_in": -45,
        "status": "done",
        "resources": "Voucher budget £150 a month.",
        "cost": 150,
        "expected_benefit": "Fewer escalations, faster recovery when something goes wrong.",
        "objective": "Brand value 'Friendly experts who do what we say'.",
        "stakeholders": "Desk colleagues, store manager, customers.",
        "team_roles": "Desk colleagues use the empowerment; supervisors review voucher use weekly.",
        "barriers": "Worry that vouchers would be over-used.",
        "overcome_barriers": "Weekly review of voucher use and a clear limit.",
        "communication": "Procedure update e-mailed and discussed in huddles.",
        "changes_process": True,
        "legislation": "ISO 10002 complaints handling guidance",
        "compliance_justification": "ISO 10002 expects complaints to be acknowledged and resolved "
        "promptly by empowered staff; the procedure gives desk staff "
        "clear authority and a record of each recovery.",
        "success_measure": "Number of collection issues escalated to a manager.",
        "findings": [2],
    },
]

LOG: list[dict[str, Any]] = [
    {
        "days_ago": 100,
        "action": 0,
        "what_done": "Met the warehouse supervisor and IT supplier; mapped when the ready email "
        "is sent and agreed the scan-on-arrival change.",
        "who_involved": "Warehouse supervisor, IT supplier, me",
        "outcome": "Change request raised and approved by the store manager.",
        "reflection": "Showing the complaint figures made the case quickly; I should have "
        "involved the warehouse team earlier because they had ideas of their own.",
    },
    {
        "days_ago": 86,
        "action": 0,
        "what_done": "Ran a one-week trial at the Harbour Road store; trained 9 colleagues on the "
        "scanner and timed 120 scans.",
        "who_involved": "Desk and warehouse colleagues (9)",
        "outcome": "Average extra time 7 seconds per parcel; no ready emails sent early during the "
        "trial.",
        "reflection": "Coaching on the shop floor worked better than a briefing in the office.",
    },
    {
        "days_ago": 70,
        "action": 1,
        "what_done": "Workshop with the email team to write six reply templates and set up the "
        "triage rota.",
        "who_involved": "Email team (5), data protection lead",
        "outcome": "Templates approved; rota live from the following Monday.",
        "reflection": "The team owned the templates because they wrote them; resistance dropped.",
    },
    {
        "days_ago": 40,
        "action": 2,
        "what_done": "Updated the collection desk procedure and briefed all three stores in "
        "huddles.",
        "who_involved": "Store managers, desk colleagues",
        "outcome": "Procedure signed off; 11 vouchers used in the first month.",
        "reflection": "Next time I would agree the review of voucher use before launch.",
    },
    {
        "days_ago": 14,
        "action": None,
        "what_done": "Collected October and November figures and compared them with the "
        "September baseline; reported results to the store manager.",
        "who_involved": "Store manager, me",
        "outcome": "Results shared at the monthly management meeting; change adopted in all "
        "stores.",
        "reflection": "The review cycle is now monthly so the improvement keeps going.",
    },
]

METRICS: list[dict[str, Any]] = [
    {
        "name": "Customer satisfaction (CSAT)",
        "unit": "%",
        "higher_is_better": True,
        "baseline_value": 71,
        "baseline_days_ago": 118,
        "target_value": 80,
        "result_value": 83,
        "result_days_ago": 16,
        "source": "Monthly email survey (n≈220)",
    },
    {
        "name": "Click-and-collect complaints",
        "unit": "per month",
        "higher_is_better": False,
        "baseline_value": 31,
        "baseline_days_ago": 118,
        "target_value": 10,
        "result_value": 8,
        "result_days_ago": 16,
        "source": "Complaints log",
    },
    {
        "name": "Average first email response",
        "unit": "hours",
        "higher_is_better": False,
        "baseline_value": 52,
        "baseline_days_ago": 118,
        "target_value": 24,
        "result_value": 19,
        "result_days_ago": 16,
        "source": "Inbox report",
    },
    {
        "name": "First contact resolution (FCR)",
        "unit": "%",
        "higher_is_better": True,
        "baseline_value": 64,
        "baseline_days_ago": 118,
        "target_value": 75,
        "result_value": 77,
        "result_days_ago": 16,
        "source": "Contact centre report",
    },
]

EVALUATION = (
    "Before the changes, 31 customers a month complained about click-and-collect and email "
    "replies took 52 hours on average. After the scan-on-arrival change, the inbox triage and "
    "the ownership procedure, collection complaints fell to 8 a month and the first email "
    "response to 19 hours, below the 24-hour standard. CSAT rose from 71% to 83% and first "
    "contact resolution from 64% to 77%. The results were reported to the store manager and the "
    "monthly management meeting, and the changes were adopted in all three stores. What worked "
    "best was involving the team: colleagues who wrote the templates used them. What I would "
    "change is involving the warehouse team from the start. The figures are now reviewed every "
    "month, so the improvement is part of routine service rather than a one-off project."
)

DECLARATION_DAYS_AGO = 2
