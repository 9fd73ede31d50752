"""Run a function on a worker thread and hear back on the GUI thread.

The function gets a ``report(index, total, text)`` callback for progress; its return value
arrives through ``done``, a FolioError's message through ``failed``. Connect these signals
to methods of a QObject living on the GUI thread, not to lambdas: Qt would call a lambda on
the worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

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


class _Threads(QObject):
    """Holds every task's thread from its start until it has finished, on the GUI thread.

    Why not the window: a QThread destroyed while it runs makes Qt abort the whole program,
    and a window (or a session) can be deleted while its task runs — closed during an export,
    or let go by Python. A thread held here outlives whatever started it; what it would have
    told a window that is gone, Qt drops (the connection goes with the window).
    """

    def __init__(self) -> None:
        super().__init__()
        #: thread -> [the object that started it (None once deleted), its Task]
        self.running: dict[QThread, list[Any]] = {}

    @Slot()
    def _finished(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread) and thread in self.running:
            thread.wait()  # "finished" comes just before the thread ends: let it end
            del self.running[thread]  # the Task keeps it (thread_ref) as long as it is kept

    def add(self, thread: QThread, owner: QObject, task: Task) -> None:
        self.running[thread] = [owner, task]  # the Task too: it must not go while it runs
        owner.destroyed.connect(lambda *_: self._orphan(thread))
        thread.finished.connect(self._finished)  # queued: this object is on the GUI thread

    def _orphan(self, thread: QThread) -> None:
        if thread in self.running:
            self.running[thread][0] = None

    def of(self, owner: QObject) -> list[QThread]:
        return [thread for thread, held in self.running.items() if held[0] is owner]


_threads: _Threads | None = None


def _holder() -> _Threads:
    global _threads
    if _threads is None:
        _threads = _Threads()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(wait_for_all_tasks)
    return _threads


def start_task(parent: QObject, function: Callable[[Report], Any]) -> Task:
    """Start ``function`` on its own thread for ``parent``; keep the returned Task to connect
    to it."""
    thread = QThread()
    task = Task(function)
    task.moveToThread(thread)
    thread.started.connect(task.run)
    task.done.connect(thread.quit)
    task.failed.connect(thread.quit)
    task.thread_ref = thread  # type: ignore[attr-defined]
    _holder().add(thread, parent, task)
    thread.start()
    return task


def finish_tasks(parent: QObject) -> None:
    """Wait for the tasks ``parent`` started (a window that closes during a read or an export
    lets them end first, so no file is left half-written)."""
    for thread in _holder().of(parent):
        if thread.isRunning():
            thread.quit()
            thread.wait()


def wait_for_all_tasks() -> None:
    """Wait for every task still running (the program is about to end)."""
    for thread in list(_holder().running):
        if thread.isRunning():
            thread.quit()
            thread.wait()
