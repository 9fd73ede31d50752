"""GUI figures on a given portfolio (for make bench): prints one JSON object.

- keystroke: typing into a field of the feedback form, one key at a time, from the key press
  until the field has processed it and painted (QTest key clicks, then a synchronous repaint);
- saved edit: a field committed through the form (what leaving a field does), the part that
  runs on the GUI thread before control returns to the event loop;
- stall: the longest gap seen by a 1 ms heartbeat timer on the GUI thread from the edit until
  its verdict is on screen (the edit, applying the Change, the pages, and the panel);
- verdict: from the edit until the marking points panel shows the verdict for it.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest

from app.ui.application import application
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession

EDITS = 9


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Heartbeat:
    """A 1 ms timer on the GUI thread; the gaps between its ticks are the GUI's stalls."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return max(self.gaps)


def wait_for(app, condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > end:
            raise SystemExit("timed out waiting for the verdict")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def main() -> None:
    app = application()
    window = MainWindow(
        PortfolioSession.open(Path(sys.argv[1])), QSettings(sys.argv[2], QSettings.Format.IniFormat)
    )
    session = window.session
    window.resize(1280, 800)
    window.show()
    window.show_stage("feedback")
    page = window.pages["feedback"]
    app.processEvents()
    page.select(session.document.feedback_items[0].id)
    app.processEvents()
    # the worker is ready once it has answered a first edit
    session.update_item("feedback_item", page.selected_id, channel="warm-up")
    wait_for(app, lambda: session.result_is_current and session.checked_by != os.getpid())

    field = page.form.widgets["customer_ref"]
    field.setFocus()
    field.clear()
    keys: list[float] = []
    for character in "G-12345 keyed in at the desk, checked":
        start = time.perf_counter()
        QTest.keyClicks(field, character)
        field.repaint()
        keys.append(time.perf_counter() - start)
        app.processEvents()

    beat = Heartbeat()
    saved, stalls, verdicts = [], [], []
    for number in range(EDITS):
        text = f"Edited comment {number}: the wait at the desk was long and the reply late."
        box = page.form.widgets["text"]
        beat.start()
        app.processEvents()
        start = time.perf_counter()
        box.set_text(text)
        page.form._commit("text", text)  # what leaving the field or pausing does
        saved.append(time.perf_counter() - start)
        wait_for(app, lambda: session.result_is_current)
        app.processEvents()  # the panel paints
        verdicts.append(time.perf_counter() - start)
        stalls.append(beat.stop())
        assert session.document.feedback_items[0].text == text
        assert session.checked_by != os.getpid(), "checked in the window, not the worker"
    print(
        json.dumps(
            {
                "keystroke_p95": p95(keys),
                "saved_edit_median": statistics.median(saved),
                "stall_max": max(stalls),
                "stall_median": statistics.median(stalls),
                "verdict_median": statistics.median(verdicts),
                "verdict_max": max(verdicts),
                "full_loads": session.live.full_loads,
            }
        )
    )
    window.close()


if __name__ == "__main__":
    main()
