"""Writes to a .folio on a thread of their own, one at a time, in the order they were asked for.

Why: each write commits with ``synchronous = FULL``, and waiting for the disk (8–10 ms on a
laptop's SSD, far longer on a USB stick or a network share, up to the 3 s busy timeout when
another program holds the file) must not hold up the window. SQLite lets go of Python's
interpreter lock while it waits, so the window keeps drawing meanwhile.

``submit(work)`` queues a write and returns its ticket; ``wake`` is called on the writing
thread after each one finishes (it must not block: it only posts, as emitting a queued
signal does); ``take()`` hands back the finished writes in the order they
were submitted; ``wait()`` blocks until every write submitted so far has finished (what
must see them all: a submission, an export, closing the file).

The thread lives only while writes are queued, and it is not a daemon: a program that ends
with writes still queued finishes them first, so quitting never drops the last edit.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.errors import FolioError

log = logging.getLogger("folio")


@dataclass(frozen=True)
class Written:
    """One finished write: what ``work`` returned, or the message of what refused it."""

    ticket: int
    value: Any = None
    error: str | None = None


class StoreWriter:
    """A queue of writes run one at a time on one thread."""

    def __init__(self, wake: Callable[[], None] = lambda: None) -> None:
        self._wake = wake
        self._lock = threading.Condition()
        self._queued: deque[tuple[int, Callable[[], Any]]] = deque()
        self._finished: deque[Written] = deque()
        self._unfinished = 0
        self._running = False
        self._tickets = itertools.count(1)

    def submit(self, work: Callable[[], Any]) -> int:
        """Queue ``work`` (a store operation) after every write queued before it."""
        with self._lock:
            ticket = next(self._tickets)
            self._queued.append((ticket, work))
            self._unfinished += 1
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="folio-writer").start()
        return ticket

    @property
    def unfinished(self) -> int:
        """Writes submitted and not finished yet."""
        with self._lock:
            return self._unfinished

    def take(self) -> list[Written]:
        """The writes finished since the last take, in the order they were submitted."""
        with self._lock:
            taken = list(self._finished)
            self._finished.clear()
        return taken

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every write submitted so far has finished (False: ``timeout`` seconds
        went by first)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._unfinished == 0, timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._queued:
                    self._running = False
                    return
                ticket, work = self._queued.popleft()
            try:
                written = Written(ticket, value=work())
            except FolioError as error:
                written = Written(ticket, error=error.message)
            except Exception as error:  # a bug must not stop the writes queued behind it
                log.exception("a write to the portfolio failed")
                written = Written(ticket, error=f"the change was not saved ({error})")
            with self._lock:
                self._finished.append(written)
                self._unfinished -= 1
                # before the waiters go on: one of them may be closing the window whose
                # ``wake`` this is. Whoever asked may have gone already: nobody takes it then.
                with contextlib.suppress(RuntimeError):
                    self._wake()
                self._lock.notify_all()
