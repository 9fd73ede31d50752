"""Checker behaviour no other test pinned down, found by mutation testing (make mutate,
docs/mutation/survivors.md): the wording a learner reads when nothing mentions any of a rule's
terms, and the unit-file check of a misconception's alternative conditions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.catalogue import load_catalogue
from app.checker.context import Context
from app.checker.result import Status
from app.checker.rules import evaluate, validate_unit_rules
from app.errors import InvalidInputError
from tests.conftest import make_demo


def test_nothing_mentions_names_the_terms_as_alternatives(tmp_path: Path) -> None:
    """Any one term would do, so the learner is told "a, b or c", never "a, b and c"."""
    unit = load_catalogue().get("continuous-improvement")
    store = make_demo(tmp_path, unit.id)
    try:
        context = Context.build(store.load(), unit, dt.date.today())
        rule = {
            "rule": "mentions",
            "label": "Animals named",
            "any_of": ["zebra", "quokka", "narwhal"],
            "in": ["feedback_item.text"],
        }
        outcome = evaluate(context, rule)
    finally:
        store.close()
    assert outcome.status is Status.MISSING
    assert outcome.text == "Animals named: nothing mentions “zebra”, “quokka” or “narwhal”."


def test_a_bad_rule_among_a_misconceptions_alternatives_is_named() -> None:
    document = {
        "marking_points": [],
        "misconceptions": [
            {
                "id": "M1",
                "when": [],
                "when_any": [[{"rule": "no-such-rule", "label": "y"}]],
            }
        ],
    }
    with pytest.raises(
        InvalidInputError,
        match=r"misconception M1 alternative 1 condition 1: unknown rule 'no-such-rule'",
    ):
        validate_unit_rules(document)


def test_a_quote_exactly_at_the_limit_is_shown_whole() -> None:
    """Quoted learner text is cut with '…' only past the limit, never at it."""
    from app.checker.relations import _quote

    assert _quote("a" * 90) == "“" + "a" * 90 + "”"
    assert _quote("a" * 91) == "“" + "a" * 89 + "…”"


def test_a_denial_followed_by_five_words_of_reason_is_an_answer() -> None:
    """'None.' and up to four words say there is nothing; five words after it are a reason."""
    from app.checker.substance import judge

    assert judge("None. Customers queued beside tills.", "root cause").code == "negated"
    answer = judge("None. Customers queued beside the tills daily.", "root cause")
    assert (answer.code, answer.content_words) == ("", 5)


def test_an_unticked_box_is_not_filled(tmp_path: Path) -> None:
    """A yes/no field says something only when ticked: False is as empty as no answer."""
    unit = load_catalogue().get("continuous-improvement")
    store = make_demo(tmp_path, unit.id)
    try:
        portfolio = store.load()
        context = Context.build(portfolio, unit, dt.date.today())
        action = portfolio.actions[0]
        action.changes_process = False
        assert context.filled(action, "changes_process") is False
        action.changes_process = True
        assert context.filled(action, "changes_process") is True
    finally:
        store.close()
