"""GUI figures on a given portfolio (for make bench): prints one JSON object.

- keystroke: typing into a field of the feedback form, one key at a time, from the key press
  until the field has processed it and painted (QTest key clicks, then a synchronous repaint);
- saved edit: a field committed through the form (what leaving a field does), the part that
  runs on the GUI thread before control returns to the event loop;
- stall: the longest gap seen by a 1 ms heartbeat timer on the GUI thread from the edit until
  its verdict is on screen (the edit, applying the Change, the pages, and the panel);
- verdict: from the edit until the marking points panel shows the verdict for it.

With ``--split`` it also prints where the verdict's time goes (medians, ms from the edit):
see STEPS. The worker's times come from its FOLIO_CHECK_TRACE file
(app.workflow.live_check); every process on the machine reads the same clock.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
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


#: in order: written (on the writer thread), sent (queued for the worker: after the write,
#: or before it when the window sends it as a preview), taken, applied, checked, replied (in
#: the worker: replied includes pickling the result), received (on the GUI thread), panel
#: (the marking points panel has shown it)
STEPS = ("written", "sent", "taken", "applied", "checked", "replied", "received", "panel")
#: and the processor time the check took in the worker
STEPS += ("check_cpu",)


class Split:
    """When each step between an edit and its verdict happened (see STEPS)."""

    def __init__(self, window: MainWindow, trace: str) -> None:
        session = self.session = window.session
        self.trace = trace
        self.marks: dict[int, dict[str, float]] = {}
        submit_write = session.writes.submit

        def write(work):  # type: ignore[no-untyped-def]
            version = session.version  # write_later bumps it, then submits

            def timed():  # type: ignore[no-untyped-def]
                done = work()
                self.mark(version, "written")
                return done

            return submit_write(timed)

        checker = session.checker
        submit, preview, reply = checker.submit, checker.preview, checker._reply

        def sent(version, change):  # type: ignore[no-untyped-def]
            done = submit(version, change)
            self.mark(version, "sent")
            return done

        def previewed(version, change):  # type: ignore[no-untyped-def]
            done = preview(version, change)
            self.mark(version, "sent")
            return done

        def received(answer):  # type: ignore[no-untyped-def]
            if answer[0] == "result":
                self.mark(answer[2], "received")
            reply(answer)

        show = window.points.show_result

        def shown(result):  # type: ignore[no-untyped-def]
            show(result)
            self.mark(session.checked_version, "panel")

        session.writes.submit = write  # type: ignore[method-assign]
        checker.submit, checker.preview = sent, previewed  # type: ignore[method-assign]
        checker._reply = received  # type: ignore[method-assign]
        window.points.show_result = shown  # type: ignore[method-assign]

    def mark(self, version: int, step: str) -> None:
        self.marks.setdefault(version, {})[step] = time.perf_counter()

    def figures(self, edits: dict[int, float]) -> dict[str, float]:
        """Median ms from the edit to each step (``edits``: version made -> when)."""
        with open(self.trace, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                self.marks.setdefault(row.pop("version"), {}).update(row)
        samples: dict[str, list[float]] = {step: [] for step in STEPS}
        for version, start in edits.items():
            for step, at in self.marks.get(version, {}).items():
                samples[step].append((at - (0 if step == "check_cpu" else start)) * 1000)
        return {step: round(statistics.median(samples[step]), 1) for step in STEPS if samples[step]}


def main() -> None:
    trace = ""
    if "--split" in sys.argv[3:]:
        handle, trace = tempfile.mkstemp(prefix="folio-check-", suffix=".jsonl")
        os.close(handle)
        os.environ["FOLIO_CHECK_TRACE"] = trace  # before the worker starts
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

    split = Split(window, trace) if trace else None
    edits: dict[int, float] = {}
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
        edits[session.version] = start
        wait_for(app, lambda: session.result_is_current)
        app.processEvents()  # the panel paints
        verdicts.append(time.perf_counter() - start)
        stalls.append(beat.stop())
        assert session.document.feedback_items[0].text == text
        assert session.checked_by != os.getpid(), "checked in the window, not the worker"
    figures = {}
    if split is not None:
        figures["split"] = split.figures(edits)
        os.unlink(trace)
    print(
        json.dumps(
            {
                **figures,
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
