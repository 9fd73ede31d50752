"""Full garbage collections wait for a quiet window (app/ui/idle_collect.py)."""

from __future__ import annotations

import gc
import time
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.idle_collect import IdleCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def full_passes():
    """The full (generation 2) passes the collector starts while the test runs."""
    seen: list[float] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(time.monotonic())

    gc.callbacks.append(watch)
    yield seen
    gc.callbacks.remove(watch)


def _churn(rounds: int) -> None:
    """Enough surviving objects to bring a full pass due several times over."""
    kept = []
    for _ in range(rounds):
        kept.append([_Cycle() for _ in range(1000)])
    kept.clear()


def _shown_field(qtbot) -> QLineEdit:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is field.windowHandle())
    field.setFocus()
    return field


def _type(field: QLineEdit, seconds: float, churn: bool = True) -> float:
    """Keys as a keyboard sends them: to the window, which hands them to the focused field;
    returns when the last one was pressed."""
    end = time.monotonic() + seconds
    while True:
        QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)
        pressed = time.monotonic()
        if pressed >= end:
            return pressed
        if churn:
            _churn(20)
        QTest.qWait(20)


def test_no_full_pass_while_typing_then_one_when_it_stops(qtbot, full_passes):
    collector = IdleCollector(QApplication.instance(), idle_seconds=1.0, latest_seconds=60)
    field = _shown_field(qtbot)
    try:
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        gc.collect()  # it is old now: only a full pass can free it
        full_passes.clear()
        del garbage
        stopped = _type(field, 0.8)
        assert field.text().startswith("aaaa")  # the keys went through the window
        assert full_passes == []  # Python's own schedule would have run several by now
        assert gone() is not None  # cyclic garbage waits for the quiet
        qtbot.waitUntil(lambda: collector.collections >= 1, timeout=3000)
        assert full_passes and full_passes[0] - stopped >= 0.9
        assert gone() is None
    finally:
        collector.uninstall()


def test_a_window_never_quiet_is_still_collected(qtbot, full_passes):
    clock = [1000.0]
    collector = IdleCollector(
        QApplication.instance(), idle_seconds=30, latest_seconds=60, clock=lambda: clock[0]
    )
    field = _shown_field(qtbot)
    try:
        window = field.windowHandle()
        for seconds, expected in ((59.0, 0), (2.0, 1), (30.0, 1), (31.0, 2), (1.0, 2)):
            clock[0] += seconds
            QTest.keyClick(window, Qt.Key.Key_A)
            assert collector.collections == expected, seconds
        assert len(full_passes) == 2
    finally:
        collector.uninstall()


def test_uninstalling_gives_python_its_schedule_back(qtbot, full_passes):
    before = gc.get_threshold()
    collector = IdleCollector(QApplication.instance(), idle_seconds=30)
    assert gc.get_threshold()[:2] == before[:2]
    assert gc.get_threshold()[2] > 1_000_000
    collector.uninstall()
    assert gc.get_threshold() == before
    _churn(400)
    assert full_passes  # automatic full passes are back
