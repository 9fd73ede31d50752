"""Decisions that agree with their judgements, locks after sign-off, reopening with a reason,
the learner's typed signature, and new drafts that carry no earlier sign-off."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.errors import DomainError, InvalidInputError
from app.export.builder import build_document
from app.store import PortfolioStore
from app.workflow import submission
from tests.conftest import Centre, make_demo

ASSESSOR = "assessor: Daniel Okafor"


@pytest.fixture
def submitted(tmp_path: Path) -> Path:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    return tmp_path / "continuous-improvement.folio"


def _judge_all(store: PortfolioStore, not_yet: tuple[str, ...] = ()) -> None:
    for point in store.unit().marking_points:
        verdict = "not-yet" if point.short_id in not_yet else "met"
        submission.assess(store, point.id, verdict, f"{point.short_id} judged")


def test_competent_needs_every_point_met(submitted: Path, centre: Centre, capsys) -> None:
    with PortfolioStore.open(submitted, actor=ASSESSOR) as store:
        _judge_all(store, not_yet=("MP8",))
    args = ["sign-off", str(submitted), "--assessor", "Daniel Okafor"]
    assert main([*args, "--decision", "competent"]) == 1
    assert "competent needs every marking point met; MP8 judged not yet met" in (
        capsys.readouterr().err
    )
    assert main([*args, "--decision", "refer"]) == 2
    assert "a referral needs action points" in capsys.readouterr().err
    assert main([*args, "--decision", "refer", "--action-points", "Reflect on MP8"]) == 0
    with PortfolioStore.open(submitted) as store:
        (decision,) = store.load().decisions
    assert decision.decision == "refer" and decision.assessor_name == "Daniel Okafor"


def test_nothing_changes_after_sign_off_except_through_a_reopen(
    submitted: Path, centre: Centre, capsys
) -> None:
    with PortfolioStore.open(submitted, actor=ASSESSOR) as store:
        _judge_all(store)
        submission.sign_off(store, "competent", "", centre.assessor)
    bypass = ["assess", str(submitted), "--assessor", "Learner Herself", "--mp", "MP8"]
    assert main([*bypass, "--judgement", "not-yet"]) == 1
    assert "version 1 is signed off; reopen it (with a reason)" in capsys.readouterr().err
    with PortfolioStore.open(submitted, actor=ASSESSOR) as store:
        with pytest.raises(DomainError, match="already signed off"):
            submission.sign_off(store, "refer", "again", centre.assessor)
        with pytest.raises(InvalidInputError, match="needs a reason"):
            submission.reopen(store, "  ", centre.assessor)
        with pytest.raises(DomainError, match="needs your staff key"):
            submission.reopen(store, "MP8 evidence was a copy", None)
    with PortfolioStore.open(submitted) as learner, pytest.raises(DomainError, match="only an"):
        submission.reopen(learner, "I would like a better mark", None)

    reopen = ["reopen", str(submitted), "--assessor", "Daniel Okafor"]
    assert main([*reopen, "--reason", "MP8 evidence turned out to be a colleague's"]) == 0
    assert main([*bypass[:3], "Daniel Okafor", *bypass[4:], "--judgement", "not-yet"]) == 0
    refer = ["--decision", "refer", "--action-points", "Show your own part in MP8"]
    assert main(["sign-off", str(submitted), "--assessor", "Daniel Okafor", *refer]) == 0
    capsys.readouterr()
    with PortfolioStore.open(submitted) as store:
        portfolio = store.load()
        report = submission.verify(store)
    old, new = portfolio.decisions
    assert old.reopened_at is not None and "colleague" in old.reopen_reason
    assert new.reopened_at is None and new.decision == "refer"
    assert [s.kind for s in portfolio.signatures] == ["sign-off", "reopen", "sign-off"]
    actions = [e.action for e in portfolio.audit_entries]
    assert actions[-3:] == ["reopen", "assess", "sign-off"]
    assert report.exit_code == 0, report.trust()
    assert report.versions[0].decision == "refer"
    assert report.versions[0].trust().startswith("signed by Daniel Okafor, assessor")


def test_a_user_without_a_key_judges_but_cannot_sign(submitted: Path, capsys) -> None:
    with PortfolioStore.open(submitted, actor=ASSESSOR) as store:
        _judge_all(store)
        with pytest.raises(DomainError, match="signing off needs your staff key"):
            submission.sign_off(store, "competent", "", None)
        assert store.load().decisions == []


def test_the_typed_signature_must_be_the_learners_name(submitted: Path) -> None:
    with PortfolioStore.open(submitted) as store:
        submission.start_new_draft(store)
    assert main(["submit", str(submitted), "--name", "Someone Else"]) == 2
    with PortfolioStore.open(submitted) as store:
        portfolio = store.load()
        assert portfolio.status == "draft" and len(portfolio.submissions) == 1
        assert portfolio.declaration.signed_name == "Priya Shah"  # nothing half-written
    assert main(["submit", str(submitted), "--name", "  priya   SHAH "]) == 0


def test_a_submission_is_one_commit(submitted: Path, tmp_path: Path) -> None:
    """Declaration, snapshot and status are written together: a failure writes none."""
    with PortfolioStore.open(submitted) as store:
        submission.start_new_draft(store)
        store.update_details(learner_name="Priya Shah-Patel")
    connection = sqlite3.connect(submitted)
    connection.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON submission BEGIN "
        "SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    connection.commit()
    connection.close()
    with PortfolioStore.open(submitted) as store:
        with pytest.raises(Exception, match="disk trouble"):
            submission.submit(store, "Priya Shah-Patel", check(store.load(), store.unit()))
        portfolio = store.load()
    assert portfolio.declaration.signed_name == "Priya Shah"
    assert portfolio.status == "draft" and [e.action for e in portfolio.audit_entries][-1] == (
        "update"
    )


def test_a_new_draft_carries_no_earlier_sign_off(submitted: Path, centre: Centre) -> None:
    with PortfolioStore.open(submitted, actor=ASSESSOR) as store:
        _judge_all(store)
        submission.sign_off(store, "competent", "", centre.assessor)
    with PortfolioStore.open(submitted) as store:
        submission.start_new_draft(store)
        portfolio, unit = store.load(), store.unit()
    document = build_document(portfolio, unit, check(portfolio, unit))
    section = next(s for s in document.sections if s.anchor == "assessor")
    text = repr(section)
    assert "Version 2 is a draft" in text
    assert "Earlier decisions (history)" in text
    assert "Competent, Daniel Okafor" in text  # version 1's, as history
    boxes = [b for b in section.blocks if type(b).__name__ == "SignatureLines"]
    assert boxes and all(value == "" for block in boxes for _label, value in block.rows)
    with (
        PortfolioStore.open(submitted, actor=ASSESSOR) as store,
        pytest.raises(DomainError, match="version 2 is a draft"),
    ):
        submission.assess(store, "MP1", "met")


def test_a_decision_made_before_signatures_can_be_reopened_and_signed(
    tmp_path: Path, centre: Centre
) -> None:
    import shutil

    from tests.conftest import REPO

    path = tmp_path / "old.folio"
    shutil.copy2(REPO / "tests" / "fixtures" / "schema-0004-signed-off.folio", path)
    with PortfolioStore.open(path, actor=ASSESSOR) as store:
        assert submission.verify(store).versions[0].trust() == "unsigned (made before signatures)"
        submission.reopen(store, "re-sign with the centre's new staff key", None)
        _judge_all(store)
        submission.sign_off(store, "competent", "", centre.assessor)
        report = submission.verify(store)
    assert report.exit_code == 0, report.trust()
    assert report.versions[0].trust().startswith("signed by Daniel Okafor, assessor")
