"""Run a function on a worker thread and hear back on the GUI thread.

The function gets a ``report(index, total, text)`` callback for progress; its return value
arrives through ``done``, a FolioError's message through ``failed``. Connect these signals
to methods of a QObject living on the GUI thread, not to lambdas: Qt would call a lambda on
the worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.errors import FolioError

Report = Callable[[int, int, str], None]


class Task(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, function: Callable[[Report], Any]) -> None:
        super().__init__()
        self.function = function

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(lambda i, n, text: self.progress.emit(i, n, text))
        except FolioError as error:
            self.failed.emit(error.message)
        except Exception as error:  # a bug must not take the window down with it
            self.failed.emit(self.tr("something went wrong: {0}").format(error))
        else:
            self.done.emit(result)


def start_task(parent: QObject, function: Callable[[Report], Any]) -> Task:
    """Start ``function`` on its own thread; keep the returned Task to connect to it."""
    thread = QThread(parent)
    task = Task(function)
    task.moveToThread(thread)
    thread.started.connect(task.run)
    task.done.connect(thread.quit)
    task.failed.connect(thread.quit)
    thread.finished.connect(thread.deleteLater)
    task.thread_ref = thread  # type: ignore[attr-defined]
    thread.start()
    return task


def finish_tasks(parent: QObject) -> None:
    """Wait for ``parent``'s worker threads before it goes: Qt aborts the whole program when
    a QThread is destroyed while it still runs (a window closed during a read or export)."""
    for thread in parent.findChildren(QThread):
        if thread.isRunning():
            thread.quit()
            thread.wait()
