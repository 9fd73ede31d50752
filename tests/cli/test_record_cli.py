"""``folio record``, ``folio plan`` and ``folio review`` write the assessment record, and
the interchange JSON carries it whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.store import PortfolioStore
from app.store.interchange import read_json, write_json


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def portfolio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.folio"
    code = run(capsys, "new", path, "--unit", "journey-review", "--learner", "Ada Lovelace",
               "--registration-number", "ALV1815")[0]  # fmt: skip
    assert code == 0
    with PortfolioStore.open(path) as store:
        assert store.load().registration_number == "ALV1815"
    return path


def test_assessor_adds_questioning_with_questions(portfolio: Path, capsys) -> None:
    code, out, err = run(
        capsys,
        "record", "add", portfolio, "--assessor", "Daniel Okafor", "--method", "questioning",
        "--date", "12/11/2026", "--points", "mp3,MP1", "--outcome", "satisfactory",
        "--question", "Which Act covers refunds?", "--answer", "The Consumer Rights Act 2015.",
        "--question", "What does UK GDPR ask of the email?", "--answer", "Only the data needed.",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Added AR1: questioning, 2 questions, evidence for MP1, MP3.\n"
    with PortfolioStore.open(portfolio) as store:
        loaded = store.load()
    record = loaded.records[0]
    assert (record.method, record.held_on, record.assessor_name, record.recorded_by) == (
        "questioning",
        dt.date(2026, 11, 12),
        "Daniel Okafor",
        "assessor",
    )
    assert [(q.question, q.answer, q.outcome) for q in loaded.record_questions] == [
        ("Which Act covers refunds?", "The Consumer Rights Act 2015.", "satisfactory"),
        ("What does UK GDPR ask of the email?", "Only the data needed.", "satisfactory"),
    ]
    code, out, _ = run(capsys, "record", "list", portfolio)
    assert out == (
        "AR1: Questioning 12/11/2026 by Daniel Okafor — MP1, MP3, 2 questions, satisfactory\n"
    )


def test_learner_adds_a_witness_testimony_but_not_an_observation(portfolio: Path, capsys) -> None:
    code, out, _ = run(
        capsys,
        "record", "add", portfolio, "--method", "witness_testimony", "--witness-name",
        "Helen Ward", "--witness-role", "Store Manager", "--relationship", "Line manager",
        "--account", "I saw Ada run the trial week.", "--points", "MP2", "--expert",
    )  # fmt: skip
    assert (code, out) == (0, "Added AR1: witness testimony, evidence for MP2.\n")
    code, out, err = run(capsys, "record", "add", portfolio, "--method", "observation")
    assert code != 0
    assert "Observation is recorded by the assessor; a learner can add a witness testimony" in err
    with PortfolioStore.open(portfolio) as store:
        records = store.load().records
    assert [(r.method, r.witness_name, r.expert_witness, r.recorded_by) for r in records] == [
        ("witness_testimony", "Helen Ward", True, "learner")
    ]


def test_unmatched_questions_are_refused(portfolio: Path, capsys) -> None:
    code, _, err = run(
        capsys, "record", "add", portfolio, "--assessor", "D", "--method", "questioning",
        "--question", "One?", "--question", "Two?", "--answer", "Only one.",
    )  # fmt: skip
    assert code != 0
    assert "give an --answer for each --question (2 questions, 1 answers)" in err
    with PortfolioStore.open(portfolio) as store:
        assert store.load().records == []


def test_plan_review_and_the_learners_answer(portfolio: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(
        capsys,
        "plan", "add", portfolio, "--assessor", "Daniel Okafor", "--activity",
        "Observe the huddle", "--method", "observation", "--date", "01/12/2026",
        "--points", "MP2",
    )  # fmt: skip
    assert (code, out) == (0, "Added P1 to the assessment plan: Observe the huddle.\n")
    code, out, _ = run(
        capsys,
        "review", "add", portfolio, "--assessor", "Daniel Okafor", "--date", "02/12/2026",
        "--progress", "Feedback stage complete.", "--feedback", "Add the channel to F3.",
        "--targets", "Finish the analysis.", "--employer", "Helen Ward",
        "--employer-date", "02/12/2026",
    )  # fmt: skip
    assert code == 0 and out.startswith("Added review V1, signed by Daniel Okafor")
    code, _, err = run(capsys, "review", "respond", portfolio, "--review", "V2", "--accept",
                       "--name", "Ada Lovelace")  # fmt: skip
    assert code != 0 and "there is no review V2 (this file has V1 to V1)" in err
    code, out, _ = run(
        capsys, "review", "respond", portfolio, "--review", "v1", "--do-not-accept",
        "--response", "F3 came by email; the channel is there.", "--name", "Ada Lovelace",
        "--date", "03/12/2026",
    )  # fmt: skip
    assert (code, out) == (0, "Answered review V1: feedback not accepted, with your reasons.\n")

    # The interchange JSON carries plan, review and answer through a round trip.
    exported = tmp_path / "p.json"
    with PortfolioStore.open(portfolio) as store:
        write_json(store, exported)
    copy = tmp_path / "copy.folio"
    read_json(exported, copy).close()
    with PortfolioStore.open(copy) as store:
        loaded = store.load()
    assert [
        (a.activity, a.method, a.planned_on, a.marking_points) for a in loaded.plan_activities
    ] == [("Observe the huddle", "observation", dt.date(2026, 12, 1), "MP2")]
    review = loaded.reviews[0]
    assert (
        review.progress,
        review.assessor_signed_name,
        review.employer_name,
        review.employer_signed_on,
        review.learner_accepts,
        review.learner_response,
        review.learner_signed_on,
    ) == (
        "Feedback stage complete.",
        "Daniel Okafor",
        "Helen Ward",
        dt.date(2026, 12, 2),
        False,
        "F3 came by email; the channel is there.",
        dt.date(2026, 12, 3),
    )
