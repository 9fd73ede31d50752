"""A check after an edit says what a check of the portfolio read afresh says.

The checker remembers, from one check to the next, what it made of texts (the verdict on a
text, which texts copy which, what a text mentions, a justification's words): the check
worker checks the same portfolio after every edit. Each edit here changes the verdict
through one of those memories; a memory that outlived the text it was made from would give
the verdict from before the edit.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.checker import CheckResult, check
from app.checker import context as checker_context
from app.checker import rules as rules_module
from app.checker.context import Memo
from app.store import PortfolioStore
from app.store.live import LiveDocument
from tests.conftest import _clear_memoised, make_demo

TODAY = dt.date.today()  # the demo is built for today


def _memos() -> list[Memo]:
    return [
        value
        for name, module in list(sys.modules.items())
        if name.startswith("app.checker") and module is not None
        for value in vars(module).values()
        if isinstance(value, Memo)
    ]


def _fresh(store: PortfolioStore) -> CheckResult:
    """The portfolio read again and checked with nothing remembered."""
    _clear_memoised()
    assert _memos() and not any(_memos()), "the test harness must empty every memo"
    return check(store.load(), store.unit(), TODAY)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[PortfolioStore, LiveDocument]]:
    store = make_demo(tmp_path, "continuous-improvement")
    live = LiveDocument(store)
    yield store, live
    live.close()
    store.close()


def _codes(result: CheckResult) -> set[str]:
    return {f"{w.category}:{w.code}" for w in result.warnings}


def _rejected(result: CheckResult) -> set[tuple[str, int | None, str | None, str]]:
    return {
        (r.location.kind or "", r.location.item_id, r.location.field, r.code)
        for point in result.points
        for r in point.rejected
    }


#: (what it edits, kind, which item, fields): each changes the verdict through one memory
EDITS: list[tuple[str, str, int, dict[str, Any]]] = [
    ("a text judged a placeholder", "feedback_item", 0, {"text": "TBC"}),
    ("a record that says what will be done", "log_entry", 0, {"what_done": "I will do it"}),
    ("an action's measure with no figure", "action_item", 0, {"success_measure": "Better."}),
    ("a justification that says nothing", "evidence_link", 0, {"justification": "see attached"}),
]


@pytest.mark.parametrize(("edits", "kind", "index", "fields"), EDITS, ids=[e[0] for e in EDITS])
def test_a_check_after_an_edit_agrees_with_a_fresh_check(
    demo: tuple[PortfolioStore, LiveDocument],
    edits: str,
    kind: str,
    index: int,
    fields: dict[str, Any],
) -> None:
    store, live = demo
    unit = store.unit()
    before = check(live.document, unit, TODAY)
    check(live.document, unit, TODAY)  # and again: everything it reads is remembered now
    item = getattr(live.document, checker_context.COLLECTIONS[kind])[index]
    kept = {name: getattr(item, name) for name in fields}

    live.apply(store.update_item(kind, item.id, **fields))
    after = check(live.document, unit, TODAY)
    assert after != before, f"{edits}: the edit must change the verdict for this to test it"
    assert after == _fresh(store)

    check(live.document, unit, TODAY)  # remembered again, the edited text this time
    live.apply(store.update_item(kind, item.id, **kept))
    assert check(live.document, unit, TODAY) == before


def test_a_copy_of_a_sibling_and_its_undoing_are_seen(
    demo: tuple[PortfolioStore, LiveDocument],
) -> None:
    store, live = demo
    unit = store.unit()
    first, second = live.document.feedback_items[:2]
    own = second.text
    before = check(live.document, unit, TODAY)
    assert ("feedback_item", second.id, "text", "duplicate-text") not in _rejected(before)

    live.apply(store.update_item("feedback_item", second.id, text=first.text))
    copied = check(live.document, unit, TODAY)
    assert ("feedback_item", second.id, "text", "duplicate-text") in _rejected(copied)
    assert "substance:duplicate-text" in _codes(copied)
    assert copied == _fresh(store)

    live.apply(store.update_item("feedback_item", second.id, text=own))
    assert check(live.document, unit, TODAY) == before


def test_copies_among_many_siblings_are_compared_word_for_word(
    demo: tuple[PortfolioStore, LiveDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past FUZZY_SIBLING_LIMIT items only the same words make a copy: remembered apart."""
    store, live = demo
    unit = store.unit()
    first, second = live.document.feedback_items[:2]
    near = first.text.rstrip(".") + " today."  # nearly the same: a copy only when fuzzy
    live.apply(store.update_item("feedback_item", second.id, text=near))
    fuzzy = check(live.document, unit, TODAY)
    assert ("feedback_item", second.id, "text", "duplicate-text") in _rejected(fuzzy)

    monkeypatch.setattr(checker_context, "FUZZY_SIBLING_LIMIT", 2)
    exact = check(live.document, unit, TODAY)
    assert ("feedback_item", second.id, "text", "duplicate-text") not in _rejected(exact)
    assert exact == _fresh(store)


def test_a_long_text_is_judged_every_time_and_not_kept(
    demo: tuple[PortfolioStore, LiveDocument],
) -> None:
    """A memo keeps the texts it was made from: a megabyte typed into and edited a hundred
    times must not stay in memory a hundred times."""
    store, live = demo
    unit = store.unit()
    item = live.document.log_entries[0]
    long = " ".join(f"Step {n}: reported the queue figures to the team." for n in range(600))
    assert len(long) > checker_context.LONGEST_REMEMBERED
    live.apply(store.update_item("log_entry", item.id, what_done=long))
    after = check(live.document, unit, TODAY)

    def kept(memo: dict) -> bool:  # type: ignore[type-arg]
        return any(long in (key if isinstance(key, tuple) else (key,)) for key in memo)

    readers = [reader.read for reader in rules_module._READERS.values()]
    assert not any(kept(memo) for memo in [*_memos(), *readers, *_nested()])
    assert after == _fresh(store)


def _nested() -> list[dict]:  # type: ignore[type-arg]
    return [memo for memo in checker_context._WORDING_JUDGED.values()]
