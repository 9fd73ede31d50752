"""The calibration set: graded portfolios and the verdict an examiner gives them.

Full agreement is the yardstick for the substance checker; see README.md.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.checker import check
from tests.calibration import runner

CASES = runner.all_cases()


def _case_id(item: tuple[str, dict]) -> str:  # type: ignore[type-arg]
    return f"{item[0]}/{item[1].get('id', '?')}"


@pytest.mark.parametrize("item", CASES, ids=[_case_id(item) for item in CASES])
def test_case_file_is_well_formed(item: tuple[str, dict]) -> None:  # type: ignore[type-arg]
    unit_id, case = item
    problems = runner.validate_case(unit_id, case)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("item", CASES, ids=[_case_id(item) for item in CASES])
def test_checker_agrees_with_the_examiner(item: tuple[str, dict], tmp_path: Path) -> None:  # type: ignore[type-arg]
    unit_id, case = item
    problems = runner.validate_case(unit_id, case)
    if problems:
        pytest.fail("case file error:\n" + "\n".join(problems))
    try:
        outcome = runner.run_case(unit_id, case, tmp_path)
    except runner.CaseError as error:
        pytest.fail(f"case file error (not the checker): {error}")
    assert outcome.agrees, (
        f"{unit_id}/{case['id']} ({case['kind']}): {case['reason']}\n  "
        + "\n  ".join(outcome.disagreements)
    )


def test_ids_are_unique() -> None:
    counts = Counter(case["id"] for _, case in CASES)
    assert not [cid for cid, n in counts.items() if n > 1]


@pytest.mark.parametrize("unit_id", runner.UNIT_IDS)
def test_enough_cases_and_controls(unit_id: str) -> None:
    cases = runner.load_cases(unit_id)
    controls = [case for case in cases if case["kind"] == "control"]
    assert len(cases) >= 10, f"{unit_id}: {len(cases)} cases, at least 10 wanted"
    assert 3 * len(controls) >= len(cases), (
        f"{unit_id}: {len(controls)} controls of {len(cases)} cases, a third wanted"
    )


def test_every_category_is_covered() -> None:
    counts = Counter(
        category for _, case in CASES if case["kind"] == "weak" for category in case["categories"]
    )
    thin = {
        name: counts[name] for name in runner.CATEGORIES if counts[name] < runner.MIN_PER_CATEGORY
    }
    assert not thin, f"categories with fewer than {runner.MIN_PER_CATEGORY} weak cases: {thin}"


@pytest.mark.parametrize("unit_id", runner.UNIT_IDS)
def test_every_misconception_is_calibrated(unit_id: str) -> None:
    wanted = {f"misconception:{m.id}" for m in runner.unit(unit_id).misconceptions}
    found = {w for case in runner.load_cases(unit_id) for w in case["warnings"]}
    assert not wanted - found, f"{unit_id}: no case expects {sorted(wanted - found)}"


@pytest.mark.parametrize("unit_id", runner.UNIT_IDS)
def test_bare_demo_is_complete_without_warnings(unit_id: str, tmp_path: Path) -> None:
    store = runner.open_demo(unit_id, tmp_path)
    try:
        result = check(store.load(), store.unit(), today=runner.TODAY)
    finally:
        store.close()
    unmet = [f"{p.short_id} {p.status.value}" for p in result.points if p.status.value != "met"]
    raised = [f"{w.category}:{w.code} {w.text}" for w in runner._all_warnings(result)]
    assert not unmet and not raised, "\n".join(unmet + raised)
