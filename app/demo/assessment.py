"""The demo's assessment record: the assessor's plan and first review, an observation, a
questioning record, and the store manager's witness testimony collected by the learner.

The same click-and-collect project serves every unit; each unit maps the records to the
marking points they give evidence for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.store import PortfolioStore

ASSESSOR = "Daniel Okafor"

#: unit id -> method -> marking points the demo record evidences
POINTS: dict[str, dict[str, str]] = {
    "journey-review": {"observation": "MP1, MP2", "questioning": "MP3", "witness": "MP2"},
    "continuous-improvement": {
        "observation": "MP3, MP8",
        "questioning": "MP4, MP5",
        "witness": "MP8",
    },
    "process-reengineering": {"observation": "MP4, MP5", "questioning": "MP3", "witness": "MP5"},
    "service-foundations": {"observation": "MP2", "questioning": "MP3", "witness": "MP1"},
    "strategic-service": {"observation": "MP2", "questioning": "MP3", "witness": "MP1"},
}

PLAN = (
    (
        "Agree the project: review of the click-and-collect journey at Harbour Road, with the "
        "store manager's agreement to trial a change.",
        "professional_discussion",
        125,
        "Priya Shah, Daniel Okafor (assessor), Helen Ward (store manager)",
        "done",
    ),
    (
        "Observe Priya brief the collection desk team on the scan-on-arrival change at the "
        "morning huddle.",
        "observation",
        40,
        "Priya Shah, collection desk team, Daniel Okafor",
        "done",
    ),
    (
        "Question Priya on the legislation and standards the changes rely on, and on how "
        "the team's part was agreed.",
        "questioning",
        30,
        "Priya Shah, Daniel Okafor",
        "done",
    ),
    (
        "Witness testimony from the store manager on the trial week and the results report.",
        "witness_testimony",
        20,
        "Helen Ward (store manager)",
        "done",
    ),
)

OBSERVATION = (
    "At the 08:45 huddle Priya explained why parcels are now scanned on arrival at the desk "
    "before the 'ready to collect' email goes, showed the live list on the desk screen and "
    "had each of the four colleagues scan a test parcel. When a colleague asked what to do if "
    "the scanner failed she gave the fallback (paper log, tell the shift lead) and wrote it on "
    "the briefing sheet. She checked understanding by asking two colleagues to explain the "
    "ownership rule back to her, and agreed with the shift lead who would check the list at "
    "each shift change. The briefing took twelve minutes and every colleague signed the sheet."
)

QUESTIONS = (
    (
        "Which law does the refund for a missing collection rest on, and what does it require?",
        "The Consumer Rights Act 2015: goods must be as described and, when an order we said "
        "was ready is not there, the customer can reject it within 30 days for a full refund, "
        "so the desk now refunds the same day instead of asking them to wait.",
    ),
    (
        "How does the new collection email handle the customer's personal data?",
        "It only uses the order number and first name already held for the order, under UK "
        "GDPR's data minimisation principle; the desk list shows the order number, not the "
        "address, and the list is cleared after collection.",
    ),
    (
        "How did you get the team to support the change rather than resist it?",
        "I ran a workshop with desk and warehouse staff first, used their idea for the live "
        "list, trialled it for one week and reported back at the huddle, so they could see "
        "the complaints fall before it became the standard.",
    ),
)

WITNESS = (
    "I am Priya's store manager. I confirm that she led the click-and-collect review. She ran "
    "a workshop with desk and warehouse staff and me to walk through every step from the "
    "online order to the collection desk, trialled the scan-on-arrival change for a week, "
    "coached nine colleagues on the scanner, and reported the results to our monthly "
    "management meeting, where the change was adopted for all three stores."
)


def _day(today: dt.date, days_ago: int) -> dt.date:
    return today - dt.timedelta(days=days_ago)


def add_learner_records(
    store: PortfolioStore, unit_id: str, today: dt.date, statement_file: int | None
) -> None:
    """The witness testimony the learner collected (as the learner)."""
    store.add_item(
        "assessment_record",
        method="witness_testimony",
        held_on=_day(today, 20),
        location="Harbour & Hale, Harbour Road",
        witness_name="Helen Ward",
        witness_role="Store Manager",
        witness_relationship="Line manager",
        witness_contact="h.ward@harbourhale.example",
        expert_witness=False,
        activity="The click-and-collect review and the trial of scan-on-arrival",
        account=WITNESS,
        marking_points=POINTS[unit_id]["witness"],
        evidence_file_id=statement_file,
    )


def add_assessor_records(path: Path, unit_id: str, today: dt.date) -> None:
    """The assessor's plan, review, observation and questioning (as the assessor)."""
    points = POINTS[unit_id]
    with PortfolioStore.open(path, actor=f"assessor: {ASSESSOR}") as store:
        for activity, method, days_ago, involved, status in PLAN:
            store.add_item(
                "plan_activity",
                activity=activity,
                method=method,
                planned_on=_day(today, days_ago),
                involved=involved,
                marking_points=points.get(
                    "witness" if method == "witness_testimony" else method, ""
                ),
                status=status,
            )
        store.add_item(
            "assessment_record",
            method="observation",
            held_on=_day(today, 40),
            location="Collection desk, Harbour Road store",
            activity="Morning huddle: briefing the team on scan-on-arrival",
            account=OBSERVATION,
            judgement=(
                "Priya led the change with the team, not for them: she explained the reason, "
                "checked understanding and agreed who owns the check. Satisfactory."
            ),
            outcome="satisfactory",
            marking_points=points["observation"],
        )
        questioning = store.add_item(
            "assessment_record",
            method="questioning",
            held_on=_day(today, 30),
            location="Training room, Harbour Road store",
            activity="Oral questions on legislation and the team's part in the change",
            judgement="Answers name the duties and apply them to the collection desk.",
            outcome="satisfactory",
            marking_points=points["questioning"],
        )
        for question, answer in QUESTIONS:
            store.add_item(
                "record_question",
                record_id=questioning.item_id,
                question=question,
                answer=answer,
                outcome="satisfactory",
            )
        store.add_item(
            "assessment_review",
            reviewed_on=_day(today, 25),
            progress=(
                "Feedback, analysis and the action plan are complete; the trial week ran and "
                "the observation and questioning are done."
            ),
            feedback=(
                "Strong link from the complaints to the scan-on-arrival action. In the "
                "evaluation, compare the result with the target, not only with the baseline."
            ),
            next_targets=(
                "Add the evaluation against the target; collect the store manager's witness "
                "testimony; sign the declaration."
            ),
            next_review_on=_day(today, 5),
            assessor_signed_name=ASSESSOR,
            assessor_signed_on=_day(today, 25),
            employer_name="Helen Ward",
            employer_signed_on=_day(today, 25),
        )
