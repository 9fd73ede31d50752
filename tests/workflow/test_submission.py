"""Submission snapshots, verification against edits behind Folio's back, and assessment."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.errors import DomainError, InvalidInputError
from app.store import PortfolioStore
from app.workflow import submission
from tests.conftest import make_demo, make_incomplete_demo


def _submit(store: PortfolioStore, **extra: str):  # type: ignore[no-untyped-def]
    return submission.submit(store, "Priya Shah", check(store.load(), store.unit()), **extra)


@pytest.fixture
def submitted(tmp_path: Path) -> Path:
    with make_demo(tmp_path, "continuous-improvement") as store:
        _submit(store)
    return tmp_path / "continuous-improvement.folio"


def _tamper(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(sql)
    connection.commit()
    connection.close()


def test_submit_then_verify_is_intact(submitted: Path, capsys) -> None:
    with PortfolioStore.open(submitted) as store:
        report = submission.verify(store)
        portfolio = store.load()
    assert [(r.version, r.intact) for r in report.versions] == [(1, True)]
    assert report.exit_code == 0
    assert portfolio.status == "submitted" and portfolio.declaration.is_signed
    assert main(["verify", str(submitted)]) == 0
    out = capsys.readouterr().out
    assert "Version 1: intact" in out
    assert "not yet assessed: integrity checked only against its own digest" in out


def test_verify_does_not_change_the_file(submitted: Path) -> None:
    before = submitted.read_bytes()
    with PortfolioStore.open(submitted) as store:
        submission.verify(store)
    assert submitted.read_bytes() == before


def test_edited_row_and_evidence_blob_are_detected_and_named(submitted: Path, capsys) -> None:
    _tamper(submitted, "UPDATE feedback_item SET text = 'forged' WHERE id = 2")
    _tamper(submitted, "UPDATE evidence_blob SET data = CAST('xx' AS BLOB) WHERE rowid = 1")
    with PortfolioStore.open(submitted) as store:
        (report,) = submission.verify(store).versions
    assert not report.intact
    assert "feedback_item #2: text was changed since submission" in report.problems
    assert any("content was altered" in p for p in report.problems)
    assert main(["verify", str(submitted)]) == 1
    assert "ALTERED" in capsys.readouterr().out


def test_edited_snapshot_is_detected(submitted: Path) -> None:
    _tamper(
        submitted, "UPDATE submission SET snapshot_json = replace(snapshot_json, 'Priya', 'Pria')"
    )
    with PortfolioStore.open(submitted) as store:
        (report,) = submission.verify(store).versions
    assert "the stored snapshot does not match its digest" in report.problems


def test_submitted_version_is_read_only_until_a_new_draft(submitted: Path) -> None:
    with PortfolioStore.open(submitted) as store:
        with pytest.raises(DomainError, match="version 1 is submitted and read-only"):
            store.add_item("feedback_item", source_type="survey", text="late addition")
        v1 = submission.verify(store).versions[0].digest
        assert submission.start_new_draft(store) == 2
        store.add_item("feedback_item", source_type="survey", text="a second round of survey")
        _submit(store)
        reports = submission.verify(store).versions
    assert [(r.version, r.intact) for r in reports] == [(1, True), (2, True)]
    assert reports[0].digest == v1 != reports[1].digest


def test_incomplete_submission_needs_a_reason(tmp_path: Path) -> None:
    with make_incomplete_demo(tmp_path) as store:
        with pytest.raises(DomainError, match="only with a reason"):
            _submit(store)
        with pytest.raises(InvalidInputError, match="type your name"):
            submission.submit(store, " ", check(store.load(), store.unit()))
        done = _submit(store, incomplete_reason="Swimlane map drawn on paper, attached")
    assert done.after["incomplete_reason"].startswith("Swimlane")


def test_assessor_and_learner_keep_to_their_own_records(submitted: Path) -> None:
    with PortfolioStore.open(submitted, actor="assessor: D. Okafor") as assessor:
        with pytest.raises(DomainError, match="assessor can read but not change"):
            assessor.update_item("feedback_item", 1, text="better wording")
        record = submission.assess(assessor, "MP1", "met", "Two methods, clearly shown").after
        digest = submission.verify(assessor).versions[0].digest
    assert record["snapshot_digest"] == digest and record["assessor_name"] == "D. Okafor"
    with PortfolioStore.open(submitted) as learner:
        with pytest.raises(DomainError, match="only an assessor"):
            submission.assess(learner, "MP1", "not-yet")
        with pytest.raises(DomainError, match="only an assessor"):
            submission.sign_off(learner, "competent")


def test_sign_off_needs_every_point_judged(submitted: Path, capsys, centre) -> None:
    args = ["--assessor", "Daniel Okafor"]
    assert main(["sign-off", str(submitted), *args, "--decision", "competent"]) == 1
    assert "only 0 of 8 marking points are judged" in capsys.readouterr().err
    for number in range(1, 9):
        assert (
            main(
                [
                    "assess",
                    str(submitted),
                    *args,
                    "--mp",
                    f"MP{number}",
                    "--judgement",
                    "met",
                    "--feedback",
                    f"Point {number} is met",
                ]
            )
            == 0
        )
    assert main(["sign-off", str(submitted), *args, "--decision", "competent"]) == 0
    args_refer = ["--decision", "refer", "--action-points", "More on MP3"]
    assert main(["sign-off", str(submitted), *args, *args_refer]) == 1
    with PortfolioStore.open(submitted) as store:
        actions = [entry.action for entry in store.load().audit_entries]
    assert actions.count("assess") == 8 and "sign-off" in actions and "submit" in actions


def test_exports_carry_the_assessment(submitted: Path, tmp_path: Path, centre) -> None:
    from docx import Document
    from pypdf import PdfReader

    from app.export.service import export_portfolio

    with PortfolioStore.open(submitted, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", f"{point.short_id}: clear evidence seen")
        submission.assess(store, "MP3", "not-yet", "Say more about each colleague's role")
        submission.sign_off(store, "refer", "Expand the team roles in action A2", centre.assessor)
        pdf = export_portfolio(store, "pdf", tmp_path / "assessed.pdf", draft=True).path
        docx = export_portfolio(store, "docx", tmp_path / "assessed.docx", draft=True).path
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "MP1: clear evidence seen" in text
    assert "Say more about each colleague's role" in text
    assert "Refer" in text and "Expand the team roles in action A2" in text
    table = next(
        t
        for t in Document(str(docx)).tables
        if t.rows[0].cells[0].text == "MP" and t.rows[0].cells[1].text == "Judgement"
    )
    mp3 = next(row for row in table.rows if row.cells[0].text == "MP3")
    assert mp3.cells[1].text.startswith("Not yet met") and "colleague" in mp3.cells[2].text
