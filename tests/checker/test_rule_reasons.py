"""What each rule type tells the learner when it is evaluated on a small portfolio built
through the store: the rule's label at the head of the reason, the count shown when a list is
cut short, the "no … yet" of an empty stage, where a fix points and which items the marking
point rests on. The rules are written here, so a default a shipped unit always overrides is
held as well."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.checker.context import Context
from app.checker.outcome import Outcome
from app.checker.result import Status
from app.checker.rules import evaluate
from app.store import PortfolioStore

TODAY = dt.date.today()


def _context(store: PortfolioStore) -> Context:
    return Context.build(store.load(), store.unit(), TODAY)


def _evaluate(store: PortfolioStore, rule: dict[str, Any]) -> Outcome:
    return evaluate(_context(store), rule)


def _actions(store: PortfolioStore, count: int, **fields: Any) -> list[int]:
    return [
        int(store.add_item("action_item", action=f"Put a sign by till {n}", **fields).item_id)  # type: ignore[arg-type]
        for n in range(1, count + 1)
    ]


# -- items -------------------------------------------------------------------------------------

RESOURCES = {"rule": "items", "label": "Resources stated", "collection": "action_item"}


def test_a_met_items_rule_rests_on_the_complete_items(portfolio) -> None:
    store = portfolio("journey-review")
    first, second, third = _actions(store, 3, resources="One printed sign")
    store.update_item("action_item", third, resources="")
    found = _evaluate(store, {**RESOURCES, "fields": ["resources"]})
    assert found.status is Status.MET
    assert found.support == (("action_item", first), ("action_item", second))


def test_an_each_items_rule_rests_on_every_item_once_all_are_complete(portfolio) -> None:
    store = portfolio("journey-review")
    ids = _actions(store, 3, resources="One printed sign")
    found = _evaluate(store, {**RESOURCES, "fields": ["resources"], "each": True})
    assert found.status is Status.MET
    assert found.text.startswith("Resources stated: all 3 complete (action 1 ")
    assert found.support == tuple(("action_item", item_id) for item_id in ids)


def test_an_each_items_rule_partly_met_still_rests_on_the_complete_items(portfolio) -> None:
    store = portfolio("journey-review")
    first, second, third = _actions(store, 3, resources="One printed sign")
    store.update_item("action_item", third, resources="")
    found = _evaluate(store, {**RESOURCES, "fields": ["resources"], "each": True})
    assert found.status is Status.PARTLY
    assert found.text == "Resources stated: action 3 “Put a sign by till 3” has no resources."
    assert found.support == (("action_item", first), ("action_item", second))


# -- text --------------------------------------------------------------------------------------

NARRATIVE = {
    "rule": "text",
    "label": "Evaluation narrative reporting the outcomes",
    "field": "evaluation_narrative",
    "min_words": 25,
}


def test_a_text_that_does_not_count_is_named_under_the_rules_label(portfolio) -> None:
    store = portfolio("continuous-improvement")
    store.update_details(evaluation_narrative="TBC")
    found = _evaluate(store, NARRATIVE)
    assert found.status is Status.MISSING
    assert found.text == (
        "Evaluation narrative reporting the outcomes: “TBC” reads as a placeholder, not an answer."
    )
    assert [(f.kind, f.field) for f in found.fixes] == [("portfolio", "evaluation_narrative")]


# -- tailored ----------------------------------------------------------------------------------

TAILORED = {
    "rule": "tailored",
    "label": "Every action tailored to the finding it addresses",
    "collection": "action_item",
    "field": "action",
    "relation": "findings",
}


def test_a_tailored_rule_with_nothing_written_says_there_is_none_yet(portfolio) -> None:
    found = _evaluate(portfolio("journey-review"), TAILORED)
    assert found.status is Status.MISSING
    assert found.text == "Every action tailored to the finding it addresses: no actions yet."
    assert [(f.kind, f.item_id) for f in found.fixes] == [("action_item", None)]


def test_a_generic_action_is_fixed_in_its_own_wording(portfolio) -> None:
    """The fix of an action that could be written anywhere opens the action's text, not just
    the action."""
    store = portfolio("journey-review")
    ids = _actions(store, 6)
    found = _evaluate(store, TAILORED)
    assert found.status is Status.MISSING
    assert "could be written for any organisation" in found.text
    assert [(f.item_id, f.field) for f in found.fixes] == [(i, "action") for i in ids[:5]]


# -- children, swimlane, SMART -----------------------------------------------------------------


def test_a_children_rule_with_no_parent_yet_says_so(portfolio) -> None:
    rule = {
        "rule": "children",
        "label": "Multiple resolution techniques applied",
        "collection": "complaint_case",
        "relation": "techniques",
        "min": 2,
    }
    found = _evaluate(portfolio("strategic-service"), rule)
    assert found.status is Status.MISSING
    assert found.text == "Multiple resolution techniques applied: no case yet."


def test_a_swimlane_rule_asks_for_two_lanes_unless_it_says_otherwise(portfolio) -> None:
    store = portfolio("process-reengineering")
    lane = store.add_item("process_lane", role="Front desk").item_id
    take = int(store.add_item("process_step", lane_id=lane, label="Take the order").item_id)  # type: ignore[arg-type]
    pack = int(store.add_item("process_step", lane_id=lane, label="Pack the order").item_id)  # type: ignore[arg-type]
    store.set_related("process_step", take, [pack])
    rule = {"rule": "swimlane", "label": "A swimlane map", "min_handoffs": 0}
    found = _evaluate(store, rule)
    assert found.status is Status.PARTLY
    assert found.text == "A swimlane map: the current process has 1 of 2 lanes (roles) in use."
    one_lane = _evaluate(store, {**rule, "min_lanes": 1})
    assert one_lane.status is Status.MET


def test_a_smart_rule_counts_the_actions_it_does_not_list(portfolio) -> None:
    store = portfolio("continuous-improvement")
    ids = _actions(store, 5)
    found = _evaluate(store, {"rule": "smart", "label": "SMART actions"})
    assert found.status is Status.MISSING
    assert found.text.count("has no owner") == 3
    assert found.text.endswith(
        "action 3 “Put a sign by till 3” has no owner, has no due date and has no measure of "
        "success; 2 more."
    )
    assert [(f.item_id, f.field) for f in found.fixes] == [(i, "owner") for i in ids]
