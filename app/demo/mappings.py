"""Which demo items the learner mapped to each marking point, and why.

Targets are (kind, index into the scenario's list); evidence files by their name in FILES.
"""

from __future__ import annotations

Target = tuple[str, int | str]
Mapping = tuple[Target, str]

MAPPINGS: dict[str, dict[str, list[Mapping]]] = {
    "journey-review": {
        "MP1": [
            (
                ("analysis_finding", 0),
                "Traces the touchpoints of the click-and-collect journey from the online "
                "order through the warehouse (back office) to the pick-up desk, using complaints, "
                "a mystery shop and the KPI report.",
            ),
            (
                ("analysis_finding", 1),
                "Covers the email and social media channels of the "
                "after-sales journey, where replies took 52 hours against a 24-hour standard.",
            ),
            (
                ("evidence_file", "witness-statement-store-manager.txt"),
                "The store manager's "
                "statement records the stakeholder workshop where staff and managers reviewed each "
                "touchpoint with me.",
            ),
        ],
        "MP2": [
            (
                ("action_item", 0),
                "Recommendation aimed at the 'ready before it is ready' "
                "weakness, with owner, cost, trial and roll-out steps.",
            ),
            (
                ("action_item", 1),
                "Recommendation aimed at the slow email weakness, with the "
                "triage rota and templates as implementation steps.",
            ),
        ],
        "MP3": [
            (
                ("action_item", 0),
                "Links the new ready-email trigger to the Consumer Rights Act "
                "2015 and Consumer Contracts Regulations 2013 and explains how it keeps the "
                "delivery promise accurate.",
            ),
            (
                ("action_item", 1),
                "Links the inbox change to legislation: UK GDPR and the "
                "Equality Act 2010, with justification of compliance through identity checks and "
                "reasonable adjustments.",
            ),
        ],
    },
    "continuous-improvement": {
        "MP1": [
            (
                ("feedback_item", 0),
                "Customer satisfaction survey: the first method of collecting feedback I used.",
            ),
            (
                ("feedback_item", 2),
                "Complaints log: a second, different method of collecting "
                "feedback, recorded from a phone complaint.",
            ),
        ],
        "MP2": [
            (
                ("analysis_finding", 0),
                "My analysis of the collection feedback that found the "
                "root cause in the warehouse system.",
            ),
            (
                ("action_item", 0),
                "The realistic improvement I proposed from that analysis, costed at £500.",
            ),
        ],
        "MP3": [
            (
                ("action_item", 1),
                "Sets out what each team member does: triage pairs, category "
                "owners and the monthly template review.",
            ),
            (
                ("log_entry", 2),
                "Log of the workshop where the email team wrote the templates themselves.",
            ),
        ],
        "MP4": [
            (
                ("action_item", 0),
                "Names the warehouse team's worry and the need for sign-off "
                "as barriers, and how the timed trial overcame them.",
            ),
        ],
        "MP5": [
            (
                ("metric", 1),
                "Monitors collection complaints from a baseline of 31 to a result of 8 a month.",
            ),
            (
                ("log_entry", 4),
                "Records reporting the outcomes to the store manager and the management meeting.",
            ),
            (
                ("evidence_file", "collection-results-chart.png"),
                "Chart I made of the before and after figures for the report.",
            ),
        ],
        "MP6": [
            (
                ("analysis_finding", 0),
                "Systematic analysis across survey, complaint, review and "
                "mystery shop feedback pinpointing the collection desk.",
            ),
            (
                ("analysis_finding", 1),
                "Analysis of complaints and comments pinpointing the "
                "email inbox as the second area for improvement.",
            ),
            (
                ("evidence_file", "survey-results-september.csv"),
                "The raw survey export I analysed: ratings and comments by channel.",
            ),
        ],
        "MP7": [
            (
                ("action_item", 0),
                "Proposal with rationale, benefit, £500 resource cost and the "
                "company objective 'Make collecting as easy as shopping'.",
            ),
        ],
        "MP8": [
            (
                ("log_entry", 1),
                "I trialled the new procedure and coached nine colleagues on "
                "the scanner, with my reflection on what worked.",
            ),
            (
                ("evidence_file", "team-huddle-notes.txt"),
                "My notes from the huddle where I briefed the team on the new procedure.",
            ),
            (
                ("evidence_file", "witness-statement-store-manager.txt"),
                "The store manager confirms I led the trial and the coaching.",
            ),
        ],
    },
    "service-foundations": {
        "MP1": [
            (
                ("action_item", 2),
                "Shows how the brand value 'Friendly experts who do what we "
                "say' became a desk practice: ownership and a recovery voucher.",
            ),
            (
                ("analysis_finding", 2),
                "Shows that a colleague taking ownership earned a "
                "compliment, the brand value in action at Harbour & Hale.",
            ),
        ],
        "MP2": [
            (
                ("analysis_finding", 1),
                "Shows how a shared inbox with no owner (an internal "
                "communication channel) caused 52-hour replies and complaints.",
            ),
            (
                ("action_item", 2),
                "Shows how changing the escalation procedure lets desk staff "
                "resolve issues without a manager, improving customer outcomes.",
            ),
        ],
        "MP3": [
            (
                ("action_item", 1),
                "Applies UK GDPR and the Equality Act 2010 to the email "
                "scenario and justifies why each applies.",
            ),
            (
                ("action_item", 0),
                "Applies the Consumer Rights Act 2015 to late collections and "
                "justifies the change.",
            ),
        ],
    },
    "process-reengineering": {
        "MP1": [
            (
                ("evidence_file", "collection-swimlane.png"),
                "My swimlane diagram of the current "
                "collection process across customer, website, warehouse and desk lanes.",
            ),
        ],
        "MP2": [
            (
                ("analysis_finding", 0),
                "Complaint counts, mystery-shop timings and survey "
                "comments collected and analysed to find the bottleneck.",
            ),
            (
                ("evidence_file", "survey-results-september.csv"),
                "The survey data I collected and analysed.",
            ),
        ],
        "MP3": [
            (
                ("evidence_file", "options-comparison.txt"),
                "My comparison of three options "
                "against cost, benefit, risk and fit with service standards.",
            ),
        ],
        "MP4": [
            (
                ("action_item", 0),
                "The re-engineered collection process with roles (warehouse "
                "scans, desk checks list), an owner and a measurable outcome.",
            ),
            (
                ("action_item", 2),
                "The ownership step with responsibilities and the number of "
                "escalations as its measure.",
            ),
        ],
        "MP5": [
            (
                ("action_item", 0),
                "Plan with huddle communication, scanner training for every "
                "colleague and the monthly figures review.",
            ),
            (("log_entry", 4), "Shows the monthly review cycle that keeps improving the process."),
        ],
    },
    "strategic-service": {
        "MP1": [
            (
                ("analysis_finding", 0),
                "Systematic review backed by complaint data, mystery-shop "
                "timings and survey comments.",
            ),
            (
                ("metric", 1),
                "Data that identified the opportunity: 31 collection complaints a month.",
            ),
        ],
        "MP2": [
            (
                ("feedback_item", 3),
                "The complex kettle complaint: I used HEAT to de-escalate, "
                "root cause analysis to find the inbox problem and empowerment to refund at once.",
            ),
        ],
        "MP3": [
            (
                ("action_item", 2),
                "Meets the customer's need for a quick fix while staying "
                "within the £150 monthly voucher budget and the refund policy.",
            ),
            (
                ("action_item", 0),
                "Gives customers a reliable ready message at a cost of £500, "
                "within the store's improvement budget.",
            ),
        ],
    },
}
