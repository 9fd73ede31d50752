"""The marking points panel follows each verdict, redrawing only what changed in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem

from app.checker import CheckResult, check
from app.store import PortfolioStore
from app.ui.marking_points import MarkingPointsDock
from tests.conftest import make_demo

MP1 = "continuous-improvement.MP1"
NEW_TEXT = "The parcel came two days late and the driver left it out in the rain by the gate."


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[PortfolioStore]:
    with make_demo(tmp_path, "continuous-improvement") as store:
        yield store


def _check(store: PortfolioStore) -> CheckResult:
    return check(store.load(), store.unit(), dt.date.today())


def _texts(group: QTreeWidgetItem) -> list[str]:
    return [group.child(i).text(0) for i in range(group.childCount())]


def _rows(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]


@pytest.mark.parametrize("opened", [True, False], ids=["readings open", "readings closed"])
def test_a_new_reading_is_listed_and_the_point_keeps_its_rows(
    qtbot, demo: PortfolioStore, opened: bool
) -> None:
    dock = MarkingPointsDock()
    qtbot.addWidget(dock)
    before = _check(demo)
    first = demo.load().feedback_items[0]
    demo.update_item("feedback_item", first.id, text=NEW_TEXT)
    after = _check(demo)
    old, new = before.point(MP1), after.point(MP1)
    assert (old.status, old.reasons) == (new.status, new.reasons) and old != new

    dock.show_result(before)
    group = dock.readings_of(MP1) if opened else dock.points[f"{MP1}/read"]
    assert group is not None
    group.setExpanded(opened)
    rows = _rows(dock.points[MP1])
    assert not any(NEW_TEXT[:30] in text for text in _texts(group))

    dock.show_result(after)
    assert _rows(dock.points[MP1]) == rows  # the same rows: nothing laid out again
    assert dock.status_of(MP1) == "Met"
    shown = dock.readings_of(MP1)
    assert shown is group and shown.isExpanded() is opened
    assert any(text.startswith("✓ ") and NEW_TEXT[:30] in text for text in _texts(shown))
    assert len(_texts(shown)) == len(new.readings)


def test_a_point_whose_verdict_changes_is_drawn_again(qtbot, demo: PortfolioStore) -> None:
    dock = MarkingPointsDock()
    qtbot.addWidget(dock)
    before = _check(demo)
    for item in demo.load().feedback_items:  # one kind of feedback left: MP1 partly met
        demo.update_item("feedback_item", item.id, source_type="survey")
    after = _check(demo)
    assert after.point(MP1).status is not before.point(MP1).status

    dock.show_result(before)
    assert dock.status_of(MP1) == "Met"
    dock.show_result(after)
    assert dock.status_of(MP1) == "Partly met"
    reasons = [r.text for r in after.point(MP1).reasons]
    shown = [row.text(0) for row in _rows(dock.points[MP1])]
    assert all(any(text.startswith(reason) for text in shown) for reason in reasons)
