"""The IQA's report on a sampled portfolio: only an IQA's key, only on a signed decision, a
disagreement only with action points; signed, audited, and verified like every signed record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.checker import check
from app.errors import DomainError, InvalidInputError
from app.models import AuditEntry
from app.store import PortfolioStore
from app.workflow import submission
from app.workflow.verification import VerifyReport, verify
from tests.conftest import Centre, make_demo

IQA = "iqa: Grace Mensah"


def _submitted(tmp_path: Path) -> Path:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    return tmp_path / "continuous-improvement.folio"


def _signed_off(tmp_path: Path, centre: Centre) -> Path:
    path = _submitted(tmp_path)
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    return path


def _report(path: Path, centre: Centre, agrees: bool = True, actions: str = "") -> None:
    with PortfolioStore.open(path, actor=IQA) as store:
        submission.iqa_report(
            store, agrees, "Judgements match the evidence", actions, "new assessor", centre.iqa
        )


def _verify(path: Path, centre: Centre, tmp_path: Path) -> VerifyReport:
    with PortfolioStore.open(path) as store:
        return verify(store, centre.verifier(tmp_path / "elsewhere"))


def _problems(report: VerifyReport) -> list[str]:
    found = report.file_problems + report.audit_problems
    for version in report.versions:
        found += version.problems + [p for r in version.records for p in r.problems]
    return found


def test_report_is_signed_audited_and_verified(tmp_path: Path, centre: Centre) -> None:
    path = _signed_off(tmp_path, centre)
    _report(path, centre)
    with PortfolioStore.open(path) as store:
        portfolio = store.load()
        (report,) = portfolio.iqa_reports
        assert (report.iqa_name, report.version, report.agrees) == ("Grace Mensah", 1, True)
        assert report.sample_reason == "new assessor"
        with store.reading() as session:
            actions = [e.action for e in session.query(AuditEntry).order_by(AuditEntry.id)]
        assert actions[-1] == "iqa-report"
    result = _verify(path, centre, tmp_path)
    assert result.exit_code == 0, _problems(result)
    kinds = [(r.kind, r.state) for r in result.versions[0].records]
    assert ("iqa-report", "verified") in kinds
    described = next(r for r in result.versions[0].records if r.kind == "iqa-report").describe()
    assert described.startswith("agrees with the decision; signed by Grace Mensah")


@pytest.mark.parametrize(
    ("column", "value", "named"),
    [
        ("comments", "'Looks fine'", "the comments"),
        ("agrees", "0", "the IQA's agreement"),
        ("sample_reason", "'random'", "the reason for sampling"),
        ("iqa_name", "'Sam Forger'", "the IQA's name ('Sam Forger') differs from what Grace"),
    ],
)
def test_altering_the_report_row_is_named(
    tmp_path: Path, centre: Centre, column: str, value: str, named: str
) -> None:
    path = _signed_off(tmp_path, centre)
    _report(path, centre)
    connection = sqlite3.connect(path)
    connection.execute(f"UPDATE iqa_report SET {column} = {value}")
    connection.commit()
    connection.close()
    result = _verify(path, centre, tmp_path)
    assert result.altered and result.exit_code == 1
    assert any(p.startswith(f"the IQA report on version 1: {named}") for p in _problems(result)), (
        _problems(result)
    )


def test_deleting_the_report_row_is_named(tmp_path: Path, centre: Centre) -> None:
    path = _signed_off(tmp_path, centre)
    _report(path, centre)
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM iqa_report")
    connection.commit()
    connection.close()
    result = _verify(path, centre, tmp_path)
    assert result.altered
    assert "the IQA report that Grace Mensah signed on version 1 is missing (deleted)" in (
        _problems(result)
    )


def test_a_report_added_outside_folio_is_named(tmp_path: Path, centre: Centre) -> None:
    path = _signed_off(tmp_path, centre)
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO iqa_report (portfolio_id, version, iqa_name, sampled_on, sample_reason,"
        " agrees, comments, action_points, created_at) VALUES (1, 1, 'Grace Mensah',"
        " '2026-01-01', '', 1, 'fine', '', '2026-01-01 00:00:00')"
    )
    connection.commit()
    connection.close()
    result = _verify(path, centre, tmp_path)
    assert result.altered
    assert any("is not signed" in p for p in _problems(result)), _problems(result)


def test_a_disagreement_needs_action_points(tmp_path: Path, centre: Centre) -> None:
    path = _signed_off(tmp_path, centre)
    with pytest.raises(InvalidInputError, match="needs action points"):
        _report(path, centre, agrees=False)
    _report(path, centre, agrees=False, actions="Re-judge MP3 against the observation")
    result = _verify(path, centre, tmp_path)
    assert result.exit_code == 0, _problems(result)


def test_refused_to_an_assessor_and_to_an_assessors_key(tmp_path: Path, centre: Centre) -> None:
    path = _signed_off(tmp_path, centre)
    with (
        PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store,
        pytest.raises(DomainError, match="only an IQA"),
    ):
        submission.iqa_report(store, True, "fine", "", "", centre.iqa)
    with (
        PortfolioStore.open(path, actor="iqa: Daniel Okafor") as store,
        pytest.raises(DomainError, match="not an IQA's"),
    ):
        submission.iqa_report(store, True, "fine", "", "", centre.assessor)
    with PortfolioStore.open(path) as store:
        assert store.load().iqa_reports == []


def test_refused_without_a_signed_decision(tmp_path: Path, centre: Centre) -> None:
    path = _submitted(tmp_path)
    with (
        PortfolioStore.open(path, actor=IQA) as store,
        pytest.raises(DomainError, match="no signed decision"),
    ):
        submission.iqa_report(store, True, "fine", "", "", centre.iqa)


def test_one_report_per_sign_off_and_countersign_still_works(
    tmp_path: Path, centre: Centre
) -> None:
    path = _signed_off(tmp_path, centre)
    _report(path, centre)
    with pytest.raises(DomainError, match="already reported"):
        _report(path, centre)
    with PortfolioStore.open(path, actor=IQA) as store:
        submission.countersign(store, "Sampled", centre.iqa)
    result = _verify(path, centre, tmp_path)
    assert result.exit_code == 0, _problems(result)
    assert {r.kind for r in result.versions[0].records} == {
        "decision",
        "iqa-report",
        "countersign",
    }
