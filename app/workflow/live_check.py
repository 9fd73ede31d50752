"""The check worker: a process that keeps its own live copy of each open portfolio and checks
it after every change, so the window never waits for the checker.

Why a process and not a thread: the checker is pure Python, and a thread running it holds
the interpreter lock for most of its 100–200 ms on a large portfolio, so the window would
stutter anyway. The worker opens each file with its own connection and keeps a LiveDocument
of it; it is sent the same Change the window applied, applies it, and checks. Nothing that
lives in one process is shared with the other: Changes and CheckResults are plain values.

Requests (one tuple each): ("open", token, path, portfolio_id, version) (a version to check
as soon as it is open, or 0), ("change", token, version, change), ("preview", token,
version, change) (an update of plain fields the window shows before the store has written
it: its values are taken from the change, as LiveDocument.preview takes them, not read from
the file), ("reload", token, version), ("close", token), ("stop",). Replies: ("result",
token, version, pid, result) or ("failed", token, version, message). Requests that arrive
while a check runs are applied together before the next check: however fast the edits
come, each portfolio has at most one check running and one waiting, and every reply is for
the latest version the worker has seen.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import queue
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from app.catalogue import Unit
from app.checker import check
from app.store.database import engine_for
from app.store.live import LiveDocument
from app.store.service import PortfolioStore


@dataclass
class _Open:
    store: PortfolioStore
    live: LiveDocument
    unit: Unit


def _take(requests: Any) -> list[tuple[Any, ...]]:
    """The next request (waiting for it), then every one already queued behind it. A window
    that went away without saying so (it crashed, it was killed) ends the worker too."""
    while True:
        try:
            taken = [requests.get(timeout=1.0)]
            break
        except queue.Empty:
            parent = multiprocessing.parent_process()
            if parent is not None and not parent.is_alive():
                return [("stop",)]
    while True:
        try:
            taken.append(requests.get_nowait())
        except queue.Empty:
            return taken


#: A file the worker appends one line of timings to for each check (FOLIO_CHECK_TRACE, set
#: by bench/gui_edit.py): when a request was taken, applied, checked and its reply sent, on
#: the clock time.perf_counter() reads in every process of the machine.
TRACE = os.environ.get("FOLIO_CHECK_TRACE", "")


def serve(requests: Any, replies: Connection) -> None:
    """The worker's loop (the target of the worker process)."""
    documents: dict[int, _Open] = {}
    while True:
        due: dict[int, int] = {}
        taken = _take(requests)
        times: dict[str, float] = {"taken": time.perf_counter()} if TRACE else {}
        for request in taken:
            action = request[0]
            if action == "stop":
                for held in documents.values():
                    held.live.close()
                    held.store.close()
                replies.close()
                return
            token = request[1]
            try:
                if action == "open":
                    path, portfolio_id = Path(request[2]), request[3]
                    store = PortfolioStore(path, engine_for(path), "checker", portfolio_id)
                    # the checker reads neither the audit trail nor the time of last change
                    live = LiveDocument(store, bookkeeping=False)
                    documents[token] = _Open(store, live, store.unit())
                    if request[4]:  # the window shows before its first verdict
                        due[token] = request[4]
                elif action == "close":
                    held = documents.pop(token, None)
                    if held is not None:
                        held.live.close()
                        held.store.close()
                elif token in documents:
                    version = request[2]
                    live = documents[token].live
                    if action == "change":
                        live.apply(request[3])
                    elif action == "preview":
                        live.preview(request[3])
                    else:
                        live.reload()
                    due[token] = version
                    if TRACE:
                        times["applied"] = time.perf_counter()
            except Exception as error:  # the window checks for itself instead
                version = (
                    request[2]
                    if action in {"change", "preview", "reload"}
                    else (request[4] if action == "open" else 0)
                )
                replies.send(("failed", token, version, str(error)))
                documents.pop(token, None)
        for token, version in due.items():
            held = documents.get(token)
            if held is None:  # closed meanwhile
                continue
            if TRACE:
                cpu = time.process_time()
            try:
                result = check(held.live.document, held.unit, dt.date.today())
            except Exception as error:
                replies.send(("failed", token, version, f"the check failed: {error}"))
                continue
            if TRACE:
                times["checked"] = time.perf_counter()
                times["check_cpu"] = time.process_time() - cpu
            replies.send(("result", token, version, os.getpid(), result))
            if TRACE:
                times["replied"] = time.perf_counter()
                with open(TRACE, "a", encoding="utf-8") as trace:
                    trace.write(json.dumps({"version": version, **times}) + "\n")
