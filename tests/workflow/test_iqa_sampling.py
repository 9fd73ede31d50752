"""The IQA sampling plan over a real cohort of .folio files: every assessor, unit and method
covered, new assessors at 100%, deterministic, and its status follows the IQA reports."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from app.demo.cohort import EXPERIENCED, IQA_NAME, LEARNERS, NEW_ASSESSOR
from app.store import PortfolioStore
from app.trust.keystore import Signer
from app.workflow import iqa, submission
from tests.conftest import Centre, make_demo_cohort


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, Centre]:
    return make_demo_cohort(tmp_path)


@pytest.fixture
def cohort(demo: tuple[Path, Centre]) -> Path:
    return demo[0]


@pytest.fixture
def iqa_key(demo: tuple[Path, Centre]) -> Signer:
    return demo[1].iqa


def _by_file(plan: iqa.Plan) -> dict[str, iqa.Sample]:
    return plan.by_file()


def test_every_assessor_unit_and_method_is_sampled(cohort: Path) -> None:
    plan = iqa.plan_cohort(cohort)
    candidates = iqa.read_candidates(cohort)
    sampled = {c.file: c for c in candidates if c.file in _by_file(plan)}
    assert {c.assessor for c in sampled.values()} == {EXPERIENCED, NEW_ASSESSOR}
    assert {c.unit_id for c in sampled.values()} == {learner.unit_id for learner in LEARNERS}
    used = {m for c in candidates for m in c.methods}
    assert "professional_discussion" in used
    assert {m for c in sampled.values() for m in c.methods} == used
    # the new assessor has 2 decisions (< 3): all of them; the experienced one is not at 100%
    new_files = {learner.file for learner in LEARNERS if learner.assessor == NEW_ASSESSOR}
    assert new_files <= set(_by_file(plan))
    for name in new_files:
        assert iqa.REASON_NEW in _by_file(plan)[name].reasons
    assert plan.assessors[NEW_ASSESSOR] == {"decisions": 2, "new": True, "sampled": 2}
    assert plan.assessors[EXPERIENCED]["new"] is False
    assert plan.assessors[EXPERIENCED]["sampled"] < plan.assessors[EXPERIENCED]["decisions"]
    saved = json.loads(iqa.plan_path(cohort).read_text("utf-8"))
    assert saved["format"] == iqa.PLAN_FORMAT
    first = saved["samples"][0]
    assert set(first) >= {
        "file",
        "learner",
        "unit",
        "assessor",
        "version",
        "reasons",
        "due_on",
        "status",
    }


def test_the_referral_is_chosen_first_and_an_assessor_flagged_new_is_sampled_fully(
    cohort: Path,
) -> None:
    plan = iqa.plan_cohort(cohort, save=False)
    referral = next(learner.file for learner in LEARNERS if learner.decision == "refer")
    assert iqa.REASON_REFERRAL in _by_file(plan)[referral].reasons
    assert any(r.startswith("assessor sample") for r in _by_file(plan)[referral].reasons)
    flagged = iqa.plan_cohort(cohort, save=False, new_assessors=[EXPERIENCED])
    assert {s.file for s in flagged.samples} == {learner.file for learner in LEARNERS}
    assert flagged.assessors[EXPERIENCED] == {"decisions": 4, "new": True, "sampled": 4}


def test_the_plan_is_deterministic(cohort: Path, tmp_path: Path) -> None:
    today = dt.date(2026, 6, 1)
    first = iqa.plan_cohort(cohort, save=False, today=today)
    copy = tmp_path / "copy"
    shutil.copytree(cohort, copy)
    again = iqa.plan_cohort(copy, save=False, today=today)
    assert first.to_json() == again.to_json()
    assert first.seed == iqa.cohort_seed(iqa.read_candidates(cohort))


def test_unassessed_portfolios_are_not_sampled(tmp_path: Path) -> None:
    folder = make_demo_cohort(tmp_path, signed=False)[0]
    plan = iqa.plan_cohort(folder, save=False)
    assert plan.samples == []
    assert plan.not_assessed == sorted(learner.file for learner in LEARNERS)


def test_status_is_due_done_and_overdue(cohort: Path, iqa_key: Signer) -> None:
    made = dt.date.today()
    plan = iqa.plan_cohort(cohort, today=made)
    assert {s.status for s in plan.samples} == {"due"}
    reported = plan.samples[0]
    with PortfolioStore.open(cohort / reported.file, actor=f"iqa: {IQA_NAME}") as store:
        submission.iqa_report(
            store,
            False,
            "MP1 judged on thin evidence",
            "Re-judge MP1",
            "; ".join(reported.reasons),
            iqa_key,
        )
    now = iqa.cohort_status(cohort)
    assert now.by_file()[reported.file].status == "done"
    assert now.by_file()[reported.file].agrees is False
    assert now.counts() == {"done": 1, "due": len(plan.samples) - 1, "overdue": 0}
    late = iqa.cohort_status(cohort, today=made + dt.timedelta(days=iqa.DEFAULT_DUE_DAYS + 1))
    assert late.counts() == {"done": 1, "due": 0, "overdue": len(plan.samples) - 1}
    labels = iqa.sample_labels(cohort)
    assert labels[reported.file] == "done (disagrees)"
    assert all(v.startswith("due ") for k, v in labels.items() if k != reported.file)
    with PortfolioStore.open(cohort / reported.file) as store:
        assert store.load().iqa_reports[0].sample_reason == "; ".join(reported.reasons)


def test_an_earlier_disagreement_weights_the_portfolio_up(cohort: Path, iqa_key: Signer) -> None:
    plan = iqa.plan_cohort(cohort, save=False)
    experienced = [learner.file for learner in LEARNERS if learner.assessor == EXPERIENCED]
    skipped = next(f for f in experienced if f not in plan.by_file())
    with PortfolioStore.open(cohort / skipped, actor=f"iqa: {IQA_NAME}") as store:
        submission.iqa_report(store, False, "Thin evidence", "Re-judge MP2", "", iqa_key)
    again = iqa.plan_cohort(cohort, save=False)
    assert iqa.REASON_DISAGREED in again.by_file()[skipped].reasons


def test_a_decision_reopened_before_weights_the_portfolio_up(
    demo: tuple[Path, Centre],
) -> None:
    cohort, centre = demo
    plan = iqa.plan_cohort(cohort, save=False)
    experienced = [learner.file for learner in LEARNERS if learner.assessor == EXPERIENCED]
    skipped = next(f for f in experienced if f not in plan.by_file())
    assert iqa.REASON_REOPENED not in {r for s in plan.samples for r in s.reasons}
    with PortfolioStore.open(cohort / skipped, actor=f"assessor: {EXPERIENCED}") as store:
        submission.reopen(store, "MP2 judged before the witness statement came in", centre.assessor)
        submission.sign_off(store, "competent", "", centre.assessor)
    again = iqa.plan_cohort(cohort, save=False)
    assert again.by_file()[skipped].reasons[-1] == iqa.REASON_REOPENED
