"""Every marking point: met in the demo, partly met and missing when evidence is taken away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.checker import Status
from app.store import PortfolioStore
from tests.checker.helpers import (
    ATTRIBUTES,
    delete_all,
    delete_links,
    run_check,
    unlink_all,
    update_all,
)
from tests.conftest import UNIT_IDS, make_demo

Mutation = Callable[[PortfolioStore], None]


def steps(*mutations: Mutation) -> Mutation:
    def apply(store: PortfolioStore) -> None:
        for mutation in mutations:
            mutation(store)

    return apply


def drop(kind: str) -> Mutation:
    return lambda store: delete_all(store, kind)


def blank(kind: str, **fields: object) -> Mutation:
    return lambda store: update_all(store, kind, **fields)


def unmap(short_id: str) -> Mutation:
    return lambda store: delete_links(store, short_id)


def unlink(kind: str) -> Mutation:
    return lambda store: unlink_all(store, kind)


def edit_one(kind: str, index: int, **fields: object) -> Mutation:
    """Change one item only: the others keep their evidence."""

    def apply(store: PortfolioStore) -> None:
        item = getattr(store.load(), ATTRIBUTES[kind])[index]
        store.update_item(kind, item.id, **fields)

    return apply


# (unit, point, mutation, expected status, words the failing reason must contain)
CASES: list[tuple[str, str, Mutation, Status, str]] = [
    (
        "journey-review",
        "MP1",
        blank("journey_touchpoint", back_office=False),
        Status.PARTLY,
        "Back-office processes included in the journey map",
    ),
    (
        "journey-review",
        "MP1",
        blank("journey_touchpoint", source=""),
        Status.PARTLY,
        "has no source",
    ),
    (
        "journey-review",
        "MP1",
        steps(drop("journey_touchpoint"), drop("analysis_finding")),
        Status.MISSING,
        "Journey stages mapped end to end",
    ),
    ("journey-review", "MP2", unlink("action_item"), Status.PARTLY, "not linked: action 1"),
    ("journey-review", "MP2", drop("action_item"), Status.MISSING, "none found yet"),
    (
        "journey-review",
        "MP3",
        steps(
            blank("action_item", compliance_justification=""),
            blank("legislation_link", justification=""),
        ),
        Status.PARTLY,
        "has no compliance justification",
    ),
    (
        "journey-review",
        "MP3",
        steps(blank("action_item", changes_process=False), unmap("MP3")),
        Status.MISSING,
        "add 1 matching action",
    ),
    (
        "continuous-improvement",
        "MP1",
        blank("feedback_item", source_type="survey"),
        Status.PARTLY,
        "1 of 2 needed (Survey ×9)",
    ),
    (
        "continuous-improvement",
        "MP1",
        drop("feedback_item"),
        Status.MISSING,
        "Methods of collecting customer feedback",
    ),
    (
        "continuous-improvement",
        "MP2",
        drop("action_item"),
        Status.PARTLY,
        "A realistic improvement proposed",
    ),
    (
        "continuous-improvement",
        "MP2",
        steps(drop("analysis_finding"), drop("action_item")),
        Status.MISSING,
        "Feedback analysed into findings",
    ),
    (
        "continuous-improvement",
        "MP3",
        blank("action_item", team_roles=""),
        Status.PARTLY,
        "has no team roles",
    ),
    (
        "continuous-improvement",
        "MP3",
        steps(blank("action_item", team_roles=""), drop("log_entry")),
        Status.MISSING,
        "Team members involved",
    ),
    (
        "continuous-improvement",
        "MP4",
        blank("action_item", overcome_barriers=""),
        Status.PARTLY,
        "has no overcome barriers",
    ),
    (
        "continuous-improvement",
        "MP4",
        blank("action_item", barriers="", overcome_barriers=""),
        Status.MISSING,
        "Barriers to change",
    ),
    (
        "continuous-improvement",
        "MP5",
        blank("metric", result_value=None),
        Status.PARTLY,
        "has no result value",
    ),
    (
        "continuous-improvement",
        "MP5",
        steps(
            drop("metric"),
            drop("log_entry"),
            lambda s: s.update_details(evaluation_narrative=""),
        ),
        Status.MISSING,
        "Evaluation narrative reporting the outcomes: not written yet",
    ),
    (
        "continuous-improvement",
        "MP5",
        steps(
            blank("log_entry", what_done="Collected the figures.", outcome="Not reported yet."),
            lambda s: s.update_details(
                evaluation_narrative=(
                    "Collection complaints fell from 31 to 8 a month and first email replies "
                    "from 52 to 19 hours. CSAT rose from 71% to 83% and first contact "
                    "resolution from 64% to 77%. I have not reported these outcomes to "
                    "anyone yet, and nobody has seen the figures."
                )
            ),
        ),
        Status.PARTLY,
        "Outcomes reported to the people who need them: nothing mentions",
    ),
    (
        "continuous-improvement",
        "MP6",
        lambda s: [s.delete_item("analysis_finding", f.id) for f in s.load().findings[1:]],
        Status.PARTLY,
        "1 of 2 needed",
    ),
    (
        "continuous-improvement",
        "MP6",
        steps(drop("analysis_finding"), drop("feedback_item")),
        Status.MISSING,
        "Areas for improvement pinpointed",
    ),
    (
        "continuous-improvement",
        "MP7",
        blank("action_item", objective=""),
        Status.PARTLY,
        "has no objective",
    ),
    (
        "continuous-improvement",
        "MP7",
        drop("action_item"),
        Status.MISSING,
        "Improvement proposals with rationale",
    ),
    (
        "continuous-improvement",
        "MP8",
        blank("log_entry", reflection=""),
        Status.PARTLY,
        "has no reflection",
    ),
    (
        "continuous-improvement",
        "MP8",
        drop("log_entry"),
        Status.MISSING,
        "Active involvement in implementing",
    ),
    (
        "service-foundations",
        "MP1",
        unmap("MP1"),
        Status.PARTLY,
        "nothing is mapped to this point yet",
    ),
    (
        "service-foundations",
        "MP1",
        steps(
            drop("action_item"),
            drop("analysis_finding"),
            unmap("MP1"),
            lambda s: s.update_details(workplace=""),
        ),
        Status.MISSING,
        "Service practices linked to brand values: nothing mentions",
    ),
    ("service-foundations", "MP2", unmap("MP2"), Status.PARTLY, "nothing is mapped"),
    (
        "service-foundations",
        "MP2",
        steps(drop("analysis_finding"), unmap("MP2")),
        Status.MISSING,
        "Internal structures",
    ),
    (
        "service-foundations",
        "MP3",
        steps(
            blank("action_item", compliance_justification=""),
            blank("legislation_link", justification=""),
        ),
        Status.PARTLY,
        "has no compliance justification",
    ),
    (
        "service-foundations",
        "MP3",
        drop("action_item"),
        Status.MISSING,
        "Relevant legislation identified",
    ),
    (
        "process-reengineering",
        "MP1",
        unlink("process_step"),
        Status.PARTLY,
        "0 of 1 handoffs between lanes",
    ),
    (
        "process-reengineering",
        "MP1",
        drop("process_step"),
        Status.MISSING,
        "no current process or re-engineered process has been mapped",
    ),
    (
        "process-reengineering",
        "MP2",
        drop("analysis_finding"),
        Status.PARTLY,
        "Data analysed to support each improvement opportunity",
    ),
    (
        "process-reengineering",
        "MP2",
        steps(drop("analysis_finding"), drop("feedback_item")),
        Status.MISSING,
        "Data collected",
    ),
    (
        "process-reengineering",
        "MP3",
        blank("decision_option", chosen=False),
        Status.PARTLY,
        "no option marked as chosen",
    ),
    (
        "process-reengineering",
        "MP3",
        blank("decision_option", reason=""),
        Status.PARTLY,
        "does not say why it was chosen",
    ),
    (
        "process-reengineering",
        "MP3",
        steps(drop("decision_option"), drop("decision_criterion")),
        Status.MISSING,
        "no options or criteria yet",
    ),
    (
        "process-reengineering",
        "MP4",
        drop("metric"),
        Status.PARTLY,
        "Measurable outcomes with a target",
    ),
    (
        "process-reengineering",
        "MP4",
        steps(drop("action_item"), drop("metric"), drop("process_step")),
        Status.MISSING,
        "Re-engineered process documented",
    ),
    (
        "process-reengineering",
        "MP5",
        blank("action_item", communication=""),
        Status.PARTLY,
        "has no communication",
    ),
    (
        "process-reengineering",
        "MP5",
        steps(
            drop("action_item"),
            drop("log_entry"),
            lambda s: s.update_details(evaluation_narrative=""),
        ),
        Status.MISSING,
        "A review cycle",
    ),
    ("strategic-service", "MP1", drop("metric"), Status.PARTLY, "Baseline data"),
    (
        "strategic-service",
        "MP1",
        edit_one("analysis_finding", 0, data_summary=""),
        Status.PARTLY,
        "Each improvement opportunity identified with supporting data",
    ),
    (
        "strategic-service",
        "MP1",
        steps(drop("analysis_finding"), drop("metric")),
        Status.MISSING,
        "Each improvement opportunity identified",
    ),
    (
        "strategic-service",
        "MP2",
        blank("case_technique", rationale="too short"),
        Status.PARTLY,
        "has 0 of 2",
    ),
    (
        "strategic-service",
        "MP2",
        drop("complaint_case"),
        Status.MISSING,
        "A complex customer issue recorded as a case",
    ),
    (
        "strategic-service",
        "MP3",
        blank("complaint_case", constraints=""),
        Status.PARTLY,
        "has no constraints",
    ),
    (
        "strategic-service",
        "MP3",
        steps(drop("action_item"), drop("complaint_case")),
        Status.MISSING,
        "Solutions state the customer benefit",
    ),
]


def _case_id(case: tuple) -> str:
    return f"{case[0]}.{case[1]}-{case[3].value}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_marking_point_status_and_reason(tmp_path: Path, case: tuple) -> None:
    unit_id, short_id, mutation, expected, words = case
    with make_demo(tmp_path, unit_id) as store:
        mutation(store)
        if expected is Status.MISSING:
            # A justified mapping alone lifts a point to "partly", so "missing" needs it gone.
            delete_links(store, short_id)
        result = run_check(store)
    point = result.point(short_id)
    assert point.status is expected, [r.text for r in point.reasons]
    texts = [r.text for r in point.reasons if r.status is not Status.MET]
    assert any(words in text for text in texts), texts


def test_every_marking_point_has_a_partly_and_a_missing_case(catalogue) -> None:
    covered = {(c[0], c[1], c[3]) for c in CASES}
    for unit in catalogue:
        for point in unit.marking_points:
            for status in (Status.PARTLY, Status.MISSING):
                assert (unit.id, point.short_id, status) in covered, (point.id, status)


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_every_demo_checks_complete(tmp_path: Path, unit_id: str) -> None:
    with make_demo(tmp_path, unit_id) as store:
        result = run_check(store)
    for point in result.points:
        assert point.status is Status.MET, (point.marking_point_id, point.reasons)
        assert all(r.status is Status.MET for r in point.reasons), point.reasons
    assert result.misconceptions == () and result.gaps == () and result.quality == ()


def test_removing_a_stage_flips_only_the_points_that_need_it(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        before = {p.short_id: p.status for p in run_check(store).points}
        delete_all(store, "metric")
        after = {p.short_id: p.status for p in run_check(store).points}
    changed = {k for k in before if before[k] is not after[k]}
    assert changed == {"MP5"}
    assert after["MP5"] is Status.PARTLY


def test_a_costed_proposal_is_realistic_without_a_resources_note(tmp_path: Path) -> None:
    """The cost figure states the resource implication as well as a sentence does."""
    with make_demo(tmp_path, "continuous-improvement") as store:
        update_all(store, "action_item", resources="")
        costed = run_check(store).point("MP2")
        update_all(store, "action_item", cost=None)
        uncosted = run_check(store).point("MP2")
    assert costed.status is Status.MET, [r.text for r in costed.reasons]
    assert uncosted.status is Status.PARTLY
    assert any(
        r.text.startswith("A realistic improvement proposed, with its") for r in uncosted.reasons
    )
