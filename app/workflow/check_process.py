"""Starting the check worker's process (app.workflow.live_check), as early as wanted.

Why a module of its own: a new process spends about a second importing the checker and the
store before it can check anything. ``folio start`` starts it first thing (``start_early``),
before the window's own imports, so the two load side by side on two cores and the first
verdict follows the window instead of trailing it by that second. This module imports
nothing heavy itself, and the process's target is a trampoline here, so starting it does not
import the checker into the window's process either.
"""

from __future__ import annotations

import logging
import multiprocessing
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("folio")


@dataclass
class Started:
    """A worker process, the queue of requests to it and the end of its reply pipe."""

    process: Any
    requests: Any
    replies: Any


def _serve(requests: Any, replies: Any) -> None:
    from app.workflow.live_check import serve

    serve(requests, replies)


def start() -> Started:
    """A new worker process; raises what the system raised when it cannot be started."""
    # spawn: SQLite connections and Qt's threads do not survive fork
    context = multiprocessing.get_context("spawn")
    requests = context.Queue()
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(
        target=_serve, args=(requests, writer), name="folio-check", daemon=True
    )
    process.start()
    writer.close()  # the worker holds the only writer: its exit ends the reader
    return Started(process, requests, reader)


_early: Started | None = None


def start_early() -> None:
    """Start the worker now, for the first window to take (``take``); a failure here is only
    logged: the window then tries again, and checks for itself if that fails too."""
    global _early
    if _early is not None:
        return
    try:
        _early = start()
    except Exception as error:
        log.warning("the check worker did not start early (%s)", error)


def take() -> Started:
    """The worker started early if it is still running, else a new one."""
    global _early
    early, _early = _early, None
    if early is not None and early.process.is_alive():
        return early
    return start()
