"""The structured tools in the store: validation, undo of deletes, JSON round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalogue import load_catalogue
from app.errors import DomainError, InvalidInputError
from app.store import PortfolioStore
from app.store.interchange import read_json, write_json


@pytest.fixture
def store(tmp_path: Path):
    unit = load_catalogue().get("process-reengineering")
    with PortfolioStore.create(tmp_path / "tools.folio", unit, "Sam Lee") as opened:
        yield opened


def _new(store: PortfolioStore, kind: str, **fields: object) -> int:
    return int(store.add_item(kind, **fields).item_id)  # type: ignore[arg-type]


def _swimlane(store: PortfolioStore) -> tuple[list[int], list[int]]:
    lanes = [_new(store, "process_lane", role=role) for role in ("Customer", "Desk")]
    steps = [
        _new(store, "process_step", lane_id=lanes[0], label="Asks", step_type="start"),
        _new(store, "process_step", lane_id=lanes[1], label="Checks", step_type="decision"),
        _new(store, "process_step", lane_id=lanes[0], label="Collects", step_type="end"),
    ]
    store.set_related("process_step", steps[0], [steps[1]])
    store.set_related("process_step", steps[1], [steps[2], steps[0]])
    return lanes, steps


def test_values_outside_a_scale_or_vocabulary_are_refused(store: PortfolioStore) -> None:
    with pytest.raises(InvalidInputError, match="outside the scale -2 to 2"):
        store.add_item("journey_touchpoint", touchpoint="Till", emotion=3)
    with pytest.raises(InvalidInputError, match="is not one of"):
        store.add_item("journey_touchpoint", touchpoint="Till", channel="pigeon")
    with pytest.raises(InvalidInputError, match="is not one of: consumer-rights-act-2015"):
        store.add_item("legislation_link", entry_id="made-up-act")
    with pytest.raises(InvalidInputError, match="outside the scale 1 to 5"):
        store.add_item("rater_score", dimension="empathy", score=0)
    with pytest.raises(DomainError, match="there is no process lane #99"):
        store.add_item("process_step", lane_id=99, label="Orphan")
    option = _new(store, "decision_option", name="A")
    criterion = _new(store, "decision_criterion", name="Cost", category="cost", weight=2)
    with pytest.raises(InvalidInputError, match="outside the scale 0 to 5"):
        store.set_score(option, criterion, 6)
    assert store.load().touchpoints == []


def test_scores_set_change_and_clear(store: PortfolioStore) -> None:
    option = _new(store, "decision_option", name="A")
    criterion = _new(store, "decision_criterion", name="Cost", category="cost", weight=2)
    change = store.set_score(option, criterion, "4")
    assert change.before["score"] is None and change.after["score"] == 4.0
    store.set_score(option, criterion, 3.5)
    assert [s.score for s in store.load().options[0].scores] == [3.5]
    store.set_score(option, criterion, "")
    assert store.load().options[0].scores == []


def test_deleting_a_step_and_undoing_brings_back_its_arrows(store: PortfolioStore) -> None:
    _, steps = _swimlane(store)
    change = store.delete_item("process_step", steps[1])
    flows = {(s.id, n.id) for s in store.load().process_steps for n in s.next_steps}
    assert flows == set()
    store.restore_item("process_step", change.before)
    flows = {(s.id, n.id) for s in store.load().process_steps for n in s.next_steps}
    assert flows == {(steps[0], steps[1]), (steps[1], steps[2]), (steps[1], steps[0])}


def test_deleting_a_lane_and_undoing_puts_its_steps_back_in_it(store: PortfolioStore) -> None:
    lanes, _ = _swimlane(store)
    change = store.delete_item("process_lane", lanes[0])
    assert [s.lane_id for s in store.load().process_steps] == [None, lanes[1], None]
    store.restore_item("process_lane", change.before)
    assert [s.lane_id for s in store.load().process_steps] == [lanes[0], lanes[1], lanes[0]]


def test_deleting_an_option_or_case_and_undoing_restores_what_hung_from_it(
    store: PortfolioStore,
) -> None:
    option = _new(store, "decision_option", name="A")
    criterion = _new(store, "decision_criterion", name="Risk", category="risk")
    store.set_score(option, criterion, 2)
    change = store.delete_item("decision_option", option)
    store.restore_item("decision_option", change.before)
    assert [(s.criterion_id, s.score) for s in store.load().options[0].scores] == [(criterion, 2)]

    case = _new(store, "complaint_case", title="Missed delivery")
    for technique in ("heat", "escalation"):
        _new(store, "case_technique", case_id=case, technique=technique, rationale="Because")
    change = store.delete_item("complaint_case", case)
    assert store.load().case_techniques == []
    store.restore_item("complaint_case", change.before)
    techniques = store.load().cases[0].techniques
    assert [t.technique for t in techniques] == ["heat", "escalation"]


def test_every_tool_survives_the_json_round_trip(store: PortfolioStore, tmp_path: Path) -> None:
    _swimlane(store)
    feedback = _new(store, "feedback_item", source_type="complaint", text="Late <b>&</b> 😠")
    _new(
        store,
        "journey_touchpoint",
        stage="delivery",
        touchpoint="Desk",
        channel="store",
        emotion=-2,
        source="Complaint",
        feedback_id=feedback,
    )
    option = _new(store, "decision_option", name="Lockers", chosen=True, reason="Cheapest")
    criterion = _new(store, "decision_criterion", name="Cost", category="cost", weight=2.5)
    store.set_score(option, criterion, 4)
    metric = _new(store, "metric", name="CSAT", baseline_value=70, result_value=80)
    _new(store, "metric_reading", metric_id=metric, taken_on="2026-10-01", value=74.5)
    action = _new(store, "action_item", action="Triage the inbox")
    _new(store, "legislation_link", entry_id="iso-10002", action_id=action, justification="Why")
    case = _new(store, "complaint_case", title="Case", constraints="£25 limit")
    _new(store, "case_technique", case_id=case, technique="last", rationale="Calm")
    _new(store, "rater_score", dimension="empathy", score=4, evidence="Compliments")
    before = store.load()
    write_json(store, tmp_path / "tools.json")
    with read_json(tmp_path / "tools.json", tmp_path / "copy.folio") as copy:
        after = copy.load()

    def picture(portfolio):
        return (
            [(t.stage, t.channel, t.emotion, t.feedback_id) for t in portfolio.touchpoints],
            [(s.label, s.lane_id, [n.id for n in s.next_steps]) for s in portfolio.process_steps],
            [
                (o.name, o.chosen, [(x.criterion_id, x.score) for x in o.scores])
                for o in portfolio.options
            ],
            [(c.name, c.weight) for c in portfolio.criteria],
            [(r.metric_id, r.taken_on, r.value) for r in portfolio.readings],
            [(g.entry_id, g.action_id) for g in portfolio.legislation_links],
            [
                (c.title, c.constraints, [t.technique for t in c.techniques])
                for c in portfolio.cases
            ],
            [(r.dimension, r.score) for r in portfolio.rater_scores],
        )

    assert picture(after) == picture(before)
    assert picture(before)[1][1] == ("Checks", 2, [1, 3])
