"""Checking off the GUI thread: the window's side of the check worker (app.workflow.live_check).

One worker process serves every open window; it starts with the first. Each session has a
CheckClient: ``submit(version, change)`` returns at once, and ``resultReady(version, result)``
arrives on the GUI thread when the worker has checked that version (or a later one). When the
worker cannot be started or goes away, ``available`` turns False and ``failed`` says so: the
session then checks for itself, on the GUI thread, as before.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import threading
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from app.store import Change
from app.workflow import check_process

log = logging.getLogger("folio")


class CheckClient(QObject):
    """One portfolio's connection to the worker."""

    #: (version, CheckResult, pid of the process that checked)
    resultReady = Signal(int, object, int)
    #: (version, message): the worker could not check; the session checks for itself
    failed = Signal(int, str)

    def __init__(
        self, path: Path, portfolio_id: int, parent: QObject | None = None, check: int = 0
    ) -> None:
        """``check``: a version to check as soon as the worker has the file open (0: none)."""
        super().__init__(parent)
        self.worker = _worker()
        self.token = self.worker.register(self)
        self.destroyed.connect(self.worker.forget_later(self.token))
        self.available = self.worker.send(("open", self.token, str(path), portfolio_id, check))

    def submit(self, version: int, change: Change | None) -> bool:
        """Ask for a check of ``version`` (after ``change``; None: reload the document)."""
        if not self.available:
            return False
        if change is None:
            request: tuple[Any, ...] = ("reload", self.token, version)
        else:
            request = ("change", self.token, version, change)
        self.available = self.worker.send(request)
        return self.available

    def preview(self, version: int, change: Change) -> bool:
        """Ask for a check of ``version``: ``change`` is an update of plain fields shown
        before the store has written it (PortfolioSession.write_later), whose values the
        worker takes from the change instead of waiting for the write and reading the file.
        Once the write is done as shown, nothing more need be sent."""
        if not self.available:
            return False
        self.available = self.worker.send(("preview", self.token, version, change))
        return self.available

    def close(self) -> None:
        if self.available:
            self.worker.send(("close", self.token))
        self.worker.forget(self.token)
        self.available = False

    def _reply(self, reply: tuple[Any, ...]) -> None:
        """On the GUI thread (see _Dispatcher): pass the reply on."""
        if reply[0] == "result":
            _, _token, version, pid, result = reply
            self.resultReady.emit(version, result, pid)
        else:
            self.available = False
            self.failed.emit(reply[2], reply[3])


class _Dispatcher(QObject):
    """Lives on the GUI thread for the program's life: the reader thread hands it each reply
    through a queued signal, and it finds the client there, so a window closed meanwhile
    (its client deleted on the GUI thread) is never called from another thread."""

    replied = Signal(object)

    def __init__(self, clients: weakref.WeakValueDictionary[int, CheckClient]) -> None:
        super().__init__()
        self.clients = clients
        self.replied.connect(self._deliver)

    def _deliver(self, reply: tuple[Any, ...]) -> None:
        client = self.clients.get(reply[1])
        if client is not None and isValid(client):
            client._reply(reply)


class _Worker:
    """The process, its request queue, and the thread that reads its replies."""

    def __init__(self) -> None:
        self.clients: weakref.WeakValueDictionary[int, CheckClient] = weakref.WeakValueDictionary()
        self.dispatcher = _Dispatcher(self.clients)  # made on the GUI thread
        self.tokens = itertools.count(1)
        self.alive = False
        try:
            started = check_process.take()
        except Exception as error:
            log.warning("the check worker did not start (%s); checking in the window", error)
            return
        self.process, self.requests = started.process, started.requests
        self.alive = True
        self.reader = threading.Thread(target=self._read, args=(started.replies,), daemon=True)
        self.reader.start()

    def register(self, client: CheckClient) -> int:
        token = next(self.tokens)
        self.clients[token] = client
        return token

    def forget(self, token: int) -> None:
        self.clients.pop(token, None)

    def forget_later(self, token: int):  # type: ignore[no-untyped-def]
        """A slot for a client's ``destroyed``: the worker lets that portfolio go."""

        def gone() -> None:
            if token in self.clients:
                self.forget(token)
                self.send(("close", token))

        return gone

    def send(self, request: tuple[Any, ...]) -> bool:
        if not self.alive:
            return False
        try:
            self.requests.put(request)  # a feeder thread writes it: never blocks the window
        except Exception as error:
            log.warning("the check worker cannot be reached (%s)", error)
            self.alive = False
        return self.alive

    def _read(self, reader: Any) -> None:
        while True:
            try:
                reply = reader.recv()
            except (EOFError, OSError):
                break
            self.dispatcher.replied.emit(reply)
        self.alive = False
        for token in list(self.clients.keys()):
            self.dispatcher.replied.emit(("failed", token, 0, "the check worker stopped"))

    def stop(self) -> None:
        if not hasattr(self, "process"):
            return
        if self.alive:
            self.alive = False
            self.requests.put(("stop",))
            self.process.join(timeout=0.2)  # it only reads: quitting needs no long wait
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=2)


_lock = threading.Lock()
_current: _Worker | None = None


def _worker() -> _Worker:
    global _current
    with _lock:
        if _current is None or not _current.alive:
            _current = _Worker()
            atexit.register(_current.stop)
        return _current


def stop_worker() -> None:
    """End the worker process (at exit; tests that need a fresh one)."""
    global _current
    with _lock:
        if _current is not None:
            _current.stop()
            _current = None
