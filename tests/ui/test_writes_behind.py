"""Edits shown at once and written behind: they land in the file in the order they were made,
closing and submitting wait for them, and a write the store refuses says why and puts the
stored value back on screen."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.checker import check
from app.store import PortfolioStore
from app.ui.main_window import MainWindow
from app.workflow import submission

WAITED = "Waited 25 minutes at the collection desk for my order"
PHONED = "Phoned to complain that the ready email came too early"


def hold(path: Path) -> Callable[[], None]:
    """Another program takes the file for writing (SQLite's reserved lock): Folio's writes
    wait for it, reads go on. Returns what lets it go."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")

    def release() -> None:
        other.rollback()
        other.close()

    return release


def release_after(release: Callable[[], None], seconds: float) -> None:
    threading.Timer(seconds, release).start()


@pytest.fixture
def window(window_for, new_portfolio: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = window_for(new_portfolio)
    window.show_stage("feedback")
    return window


def _select_new_item(window: MainWindow, **fields: object) -> int:
    item = window.session.add_item("feedback_item", **fields)
    assert item is not None
    window.pages["feedback"].select(item)  # type: ignore[attr-defined]
    return item


def _type_reference(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the customer reference field and press Return (which saves it)."""
    field = window.pages["feedback"].form.widgets["customer_ref"]  # type: ignore[attr-defined]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _references_in_audit(path: Path, item: int) -> list[str]:
    with PortfolioStore.open(path) as store:
        return [
            json.loads(entry.detail)["customer_ref"]
            for entry in store.load().audit_entries
            if entry.target == f"feedback_item:{item}" and "customer_ref" in entry.detail
        ]


def test_edits_show_while_the_file_is_busy_and_land_in_the_order_they_were_made(
    qtbot, window: MainWindow, new_portfolio: Path
) -> None:
    session, page = window.session, window.pages["feedback"]
    item = _select_new_item(window, source_type="survey", text=WAITED)
    release = hold(new_portfolio)
    try:
        for n in range(12):
            _type_reference(qtbot, window, f"C-{n}")
        session.update_item("feedback_item", item, text=PHONED)
        # nothing has reached the file yet, and the window shows every edit already
        assert session.writes.unfinished == 13
        assert session.item("feedback_item", item).customer_ref == "C-11"
        assert page.form.widgets["customer_ref"].text() == "C-11"  # type: ignore[attr-defined]
        assert page.model.data(page.model.index(0, 3)) == PHONED  # type: ignore[attr-defined]
    finally:
        release()
    qtbot.waitUntil(lambda: session.writes.unfinished == 0, timeout=15000)
    assert _references_in_audit(new_portfolio, item) == [f"C-{n}" for n in range(12)]
    with PortfolioStore.open(new_portfolio) as store:
        saved = store.load().feedback_items[0]
    assert (saved.customer_ref, saved.text) == ("C-11", PHONED)
    qtbot.waitUntil(lambda: session.result_is_current, timeout=15000)


def test_closing_with_writes_still_going_on_loses_nothing(
    qtbot, window: MainWindow, new_portfolio: Path
) -> None:
    session, page = window.session, window.pages["feedback"]
    item = _select_new_item(window, source_type="survey", text=WAITED)
    release = hold(new_portfolio)
    for n in range(5):
        _type_reference(qtbot, window, f"C-{n}")
    box = page.form.widgets["text"]  # type: ignore[attr-defined]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, PHONED)  # typed, not saved yet: closing saves it
    assert session.writes.unfinished == 5
    release_after(release, 0.5)
    window.close()
    assert not window.isVisible()
    assert session.writes.unfinished == 0
    assert _references_in_audit(new_portfolio, item) == [f"C-{n}" for n in range(5)]
    with PortfolioStore.open(new_portfolio) as store:
        saved = store.load().feedback_items[0]
    assert (saved.customer_ref, saved.text) == ("C-4", PHONED)


def test_a_write_the_store_refuses_says_why_and_the_view_shows_the_stored_value(
    qtbot, window: MainWindow, new_portfolio: Path
) -> None:
    session, page = window.session, window.pages["feedback"]
    item = _select_new_item(window, source_type="survey", text=WAITED, customer_ref="C-1")
    steps = session.undo_stack.count()
    # meanwhile the portfolio is submitted from the command line: the window does not know
    with PortfolioStore.open(new_portfolio) as other:
        submission.submit(other, "Ada Learner", check(other.load(), other.unit()), None, "Later")
    _type_reference(qtbot, window, "C-2210")
    message = (
        "version 1 is submitted and read-only; start a new draft (folio new-draft) to keep working"
    )
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == message, timeout=15000)
    field = page.form.widgets["customer_ref"]  # type: ignore[attr-defined]
    assert field.text() == "C-1"  # what the file holds
    assert session.item("feedback_item", item).customer_ref == "C-1"
    assert page.form.problem.text() == f"Not saved: {message}."  # type: ignore[attr-defined]
    assert session.undo_stack.count() == steps  # no undo step for an edit that did not happen
    with PortfolioStore.open(new_portfolio) as store:
        assert store.load().feedback_items[0].customer_ref == "C-1"


def test_submitting_after_a_burst_of_edits_freezes_them_all(
    qtbot, window: MainWindow, new_portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    _select_new_item(window, source_type="survey", text=WAITED)
    second = _select_new_item(window, source_type="survey", text=PHONED)
    # a slow disk: each write waits until the gate opens
    gate = threading.Event()
    store = session.store
    real = store.update_item

    def slow(*args, **fields):  # type: ignore[no-untyped-def]
        gate.wait(30)
        return real(*args, **fields)

    monkeypatch.setattr(store, "update_item", slow)
    for n in range(8):
        _type_reference(qtbot, window, f"C-{n}")
    session.update_item("feedback_item", second, source_type="complaint")
    assert session.writes.unfinished == 9
    threading.Timer(0.3, gate.set).start()
    session.submit("Ada Learner", dt.date.today(), "Not finished")
    with PortfolioStore.open(new_portfolio) as saved:
        frozen = json.loads(saved.load().submissions[0].snapshot_json)
    rows = {row["id"]: row for row in frozen["feedback_item"]}
    assert (rows[second]["customer_ref"], rows[second]["source_type"]) == ("C-7", "complaint")
    assert session.read_only
