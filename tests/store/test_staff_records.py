"""The assessment record in the file: who may write it, marking points it maps to, and the
lock that a signed decision puts on the records it relied on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.checker import check
from app.errors import DomainError, InvalidInputError
from app.store import PortfolioStore
from app.workflow import submission
from app.workflow.verification import verify
from tests.conftest import Centre, make_demo


def _as(path: Path, actor: str) -> PortfolioStore:
    return PortfolioStore.open(path, actor=actor)


def _submitted(tmp_path: Path) -> Path:
    with make_demo(tmp_path, "journey-review") as store:
        path = store.path
        portfolio = store.load()
        result = check(portfolio, store.unit())
        submission.submit(store, portfolio.learner_name, result, dt.date(2026, 11, 20))
    return path


def test_learner_may_add_a_witness_testimony_but_not_an_observation(store: PortfolioStore) -> None:
    change = store.add_item(
        "assessment_record",
        method="witness_testimony",
        witness_name="Sam Hale",
        witness_role="Team leader",
        account="I saw Ada rebuild the returns script with the team over two weeks.",
        marking_points="mp1",
    )
    record = next(r for r in store.load().records if r.id == change.item_id)
    assert record.recorded_by == "learner"
    assert record.marking_points == "MP1"
    with pytest.raises(DomainError, match="recorded by the assessor"):
        store.add_item("assessment_record", method="observation", account="x")
    with pytest.raises(DomainError, match="only an assessor"):
        store.add_item("plan_activity", method="observation", activity="Observe a call")


def test_marking_points_are_normalised_and_checked(store: PortfolioStore) -> None:
    change = store.add_item(
        "assessment_record", method="witness_testimony", marking_points="MP3; mp1 ,MP1"
    )
    assert store.load().records[-1].marking_points == "MP1, MP3"
    with pytest.raises(InvalidInputError, match="'MP9' is not a marking point"):
        store.update_item("assessment_record", int(change.item_id), marking_points="MP9")


def test_assessor_records_and_questions(tmp_path: Path) -> None:
    path = _submitted(tmp_path)
    with _as(path, "assessor: Daniel Okafor") as store:
        record = store.add_item(
            "assessment_record",
            method="questioning",
            held_on="12/11/2026",
            activity="Questions on the Consumer Rights Act and the returns policy",
            marking_points="MP3",
        )
        store.add_item(
            "record_question",
            record_id=record.item_id,
            question="Which duty of the Act does the 30-day refund rest on?",
            answer="The short-term right to reject under section 22.",
            outcome="satisfactory",
        )
        loaded = store.load().records[-1]
        assert loaded.recorded_by == "assessor"
        assert loaded.assessor_name == "Daniel Okafor"
        assert loaded.held_on == dt.date(2026, 11, 12)
        observation = store.add_item("assessment_record", method="observation", account="seen")
        with pytest.raises(InvalidInputError, match="questioning or professional discussion"):
            store.add_item("record_question", record_id=observation.item_id, question="q")
    with _as(path, "iqa: Grace Mensah") as store, pytest.raises(DomainError, match="IQA"):
        store.add_item("assessment_record", method="observation")


def test_sign_off_locks_the_records_it_relied_on_and_signs_them(
    tmp_path: Path, centre: Centre
) -> None:
    path = _submitted(tmp_path)
    with _as(path, "assessor: Daniel Okafor") as store:
        observed = store.add_item(
            "assessment_record",
            method="observation",
            held_on="10/11/2026",
            account="The learner ran the huddle and briefed the new returns script.",
            marking_points="MP2",
        )
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "Shown.")
        submission.sign_off(store, "competent", signer=centre.assessor)
        assert {r.locked_version for r in store.load().records} == {1}
        with pytest.raises(DomainError, match="part of the signed decision on version 1"):
            store.update_item("assessment_record", int(observed.item_id), account="changed")
        with pytest.raises(DomainError, match="part of the signed decision"):
            store.delete_item("assessment_record", int(observed.item_id))
        signed = store.load().signatures[-1].payload_json
        assert '{"held_on":"2026-11-10","method":"observation","sha256":' in signed
        assert verify(store, centre.keys).exit_code == 0

    # Someone edits the record behind Folio's back: verification names it.
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE assessment_record SET account = 'The learner watched.' WHERE id = ?",
            (observed.item_id,),
        )
    with _as(path, "assessor: Daniel Okafor") as store:
        report = verify(store, centre.keys)
        assert report.altered
        assert "the observation record of 2026-11-10 that Daniel Okafor signed on version 1 " in (
            report.trust()
        )


def test_review_feedback_is_answered_by_the_learner_only(tmp_path: Path) -> None:
    path = _submitted(tmp_path)
    with _as(path, "assessor: Daniel Okafor") as store:
        review = store.add_item(
            "assessment_review",
            reviewed_on="15/11/2026",
            progress="Plan and action stages complete.",
            feedback="Name the duty the refund rests on.",
            next_targets="Add the duty to A2.",
            assessor_signed_name="Daniel Okafor",
            assessor_signed_on="15/11/2026",
        )
        review_id = int(review.item_id)
        with pytest.raises(DomainError, match="learner answers and signs"):
            store.update_item("assessment_review", review_id, learner_accepts=True)
        with pytest.raises(DomainError, match="only the learner answers"):
            store.respond_to_review(review_id, "ok", True, "Daniel Okafor")
    with PortfolioStore.open(path) as store:  # the learner, while version 1 is submitted
        with pytest.raises(InvalidInputError, match="say why"):
            store.respond_to_review(review_id, " ", False, "Priya")
        store.respond_to_review(
            review_id, "Agreed; A2 now names s.22.", True, "Priya", "16/11/2026"
        )
        answered = next(r for r in store.load().reviews if r.id == review_id)
        assert (answered.learner_accepts, answered.learner_signed_on) == (
            True,
            dt.date(2026, 11, 16),
        )
        assert answered.feedback == "Name the duty the refund rests on."
        assert store.load().audit_entries[-1].action == "respond"


def test_a_referral_and_resubmission_keep_the_records_history(
    tmp_path: Path, centre: Centre
) -> None:
    path = _submitted(tmp_path)
    with _as(path, "assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "not-yet" if point.number == 3 else "met", "")
        submission.sign_off(store, "refer", "Name the duty behind the refund.", centre.assessor)
        first = {r.id for r in store.load().records}
        assert {r.locked_version for r in store.load().records} == {1}
    with PortfolioStore.open(path) as store:
        submission.start_new_draft(store)
        portfolio = store.load()
        submission.submit(store, portfolio.learner_name, check(portfolio, store.unit()))
    with _as(path, "assessor: Daniel Okafor") as store:
        questioning = store.add_item(
            "assessment_record",
            method="questioning",
            held_on="01/12/2026",
            activity="Follow-up questions after the referral",
            marking_points="MP3",
            outcome="satisfactory",
        )
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "")
        submission.sign_off(store, "competent", signer=centre.assessor)
        records = {r.id: r.locked_version for r in store.load().records}
        assert records == {**dict.fromkeys(first, 1), questioning.item_id: 2}
        report = verify(store, centre.keys)
        assert report.exit_code == 0, report.trust()
        payloads = [s.payload_json for s in store.load().signatures if s.kind == "sign-off"]
        assert len(payloads) == 2
        assert '"held_on":"2026-12-01","method":"questioning"' in payloads[1]
        assert '"held_on":"2026-12-01"' not in payloads[0]


def test_a_question_of_a_signed_record_cannot_change(tmp_path: Path, centre: Centre) -> None:
    """A question's record is what the signed decision relied on: the question is locked
    with it."""
    path = _submitted(tmp_path)
    with _as(path, "assessor: Daniel Okafor") as store:
        record = store.add_item(
            "assessment_record", method="questioning", held_on="12/11/2026", marking_points="MP3"
        )
        question = store.add_item(
            "record_question",
            record_id=record.item_id,
            question="Which duty of the Act does the 30-day refund rest on?",
            answer="The short-term right to reject under section 22.",
            outcome="satisfactory",
        )
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "Shown.")
        submission.sign_off(store, "competent", signer=centre.assessor)
        question_id = int(question.item_id)
        locked = r"the questioning record #\d+ is part of the signed decision on version 1"
        with pytest.raises(DomainError, match=locked):
            store.update_item("record_question", question_id, answer="Section 20.")
        with pytest.raises(DomainError, match="signed decision on version 1"):
            store.delete_item("record_question", question_id)
        kept = next(q for q in store.load().record_questions if q.id == question_id)
        assert kept.answer == "The short-term right to reject under section 22."
