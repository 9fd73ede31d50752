"""Tasks on worker threads outlive the window that started them (app/ui/background.py).

Qt aborts the whole program when a QThread is destroyed while it runs; these run in a child
process so that such an abort fails the test instead of taking the test run down.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import gc, sys, threading, time
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from app.ui import background

    app = QApplication([])
    release, ran = threading.Event(), []

    def work(report):
        release.wait(10)
        time.sleep(0.05)
        ran.append("finished")
        return 42

    window = QWidget()
    task = background.start_task(window, work)
    heard = []
    task.done.connect(window.close)  # a slot of the window: dropped once the window is gone
    if sys.argv[1] == "delete":
        window.deleteLater()  # Qt deletes the window (and, were it its child, the thread)
    del window, task
    gc.collect()  # and Python lets go of both while the task runs

    def later():
        release.set()
        QTimer.singleShot(500, app.quit)

    QTimer.singleShot(200, later)
    app.exec()
    background.wait_for_all_tasks()
    print(ran, len(background._holder().running))
    """
)


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )


def test_a_window_let_go_while_its_task_runs_does_not_abort_the_program() -> None:
    run = _run("drop")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['finished'] 0"


def test_a_window_deleted_while_its_task_runs_does_not_abort_the_program() -> None:
    run = _run("delete")
    assert run.returncode == 0, run.stderr
    assert "Destroyed while thread is still running" not in run.stderr
    assert run.stdout.strip() == "['finished'] 0"
