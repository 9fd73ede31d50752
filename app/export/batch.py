"""Running one job per portfolio over every core, for the cohort export and the EQA pack.

Jobs run in a process pool started with ``spawn``: SQLite connections and Qt's threads do not
survive ``fork``, and a spawned worker imports only the job's own (Qt-free) modules. Results
come back as each job finishes; callers put them in the order of their input, so what is
written never depends on which worker was quicker. ``jobs=1`` runs every job in this process
(for a debugger). A job that raises is reported by its name with a one-line reason; it never
stops the others. Cancelling stops new work and drops the jobs not yet started; the jobs
already running finish, and their (atomically written) files are complete.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from app.errors import FolioError, InvalidInputError

T = TypeVar("T")
R = TypeVar("R")

#: ``progress(done, total, text)``: called once per finished job, ``text`` from ``describe``.
Progress = Callable[[int, int, str], None]

#: How often the pool loop looks at the cancel flag while jobs run, in seconds.
_POLL = 0.1


class Cancel(Protocol):
    """What a batch asks of a cancel flag: ``threading.Event`` answers it."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """One job's end: its value, or why it failed, or that it was cancelled before it ran."""

    index: int
    name: str
    value: R | None = None
    error: str = ""
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.error and not self.cancelled


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    """``None`` or 0 means every core; a negative count is refused."""
    if jobs is None or jobs == 0:
        return default_jobs()
    if jobs < 0:
        raise InvalidInputError(f"--jobs must be 1 or more (0 for every core), not {jobs}")
    return jobs


def failure_reason(error: BaseException) -> str:
    """One line saying why a job failed, in the words a person acts on."""
    if isinstance(error, FolioError):
        text = error.message
    elif isinstance(error, BrokenProcessPool):
        text = "the worker process stopped unexpectedly (out of memory, or killed)"
    elif isinstance(error, OSError):
        named = error.filename2 or error.filename
        text = f"{error.strerror or error}" + (f" ('{named}')" if named else "")
    else:
        text = f"unexpected error: {type(error).__name__}: {error}"
    return " ".join(text.split())[:300] or type(error).__name__


def run_batch(
    job: Callable[[T], R],
    items: Sequence[T],
    names: Sequence[str],
    jobs: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    describe: Callable[[Outcome[R]], str] | None = None,
) -> list[Outcome[R]]:
    """Run ``job(item)`` for every item; the outcomes in the order of ``items``.

    ``job`` must be a module-level function and the items picklable (they cross into the
    worker processes). ``names`` name the items in failures and progress.
    """
    if len(names) != len(items):
        raise ValueError("one name per item")
    workers = min(resolve_jobs(jobs), len(items))
    cancel = cancel or threading.Event()
    outcomes: list[Outcome[R] | None] = [None] * len(items)
    finished = 0

    def record(outcome: Outcome[R]) -> None:
        nonlocal finished
        outcomes[outcome.index] = outcome
        finished += 1
        if progress is not None:
            text = describe(outcome) if describe is not None else outcome.name
            progress(finished, len(items), text)

    if workers <= 1:
        for index, item in enumerate(items):
            if cancel.is_set():
                break
            record(_run_here(job, item, index, names[index]))
    else:
        _run_pool(job, items, names, workers, cancel, record)
    return [
        outcome if outcome is not None else Outcome(index, names[index], cancelled=True)
        for index, outcome in enumerate(outcomes)
    ]


def _run_here(job: Callable[[T], R], item: T, index: int, name: str) -> Outcome[R]:
    try:
        return Outcome(index, name, value=job(item))
    except Exception as error:  # one bad portfolio never stops the batch
        return Outcome(index, name, error=failure_reason(error))


def _run_pool(
    job: Callable[[T], R],
    items: Sequence[T],
    names: Sequence[str],
    workers: int,
    cancel: Cancel,
    record: Callable[[Outcome[R]], None],
) -> None:
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    pending: dict[Future[Any], int] = {}
    try:
        for index, item in enumerate(items):
            pending[executor.submit(job, item)] = index
        while pending:
            if cancel.is_set():
                for future in pending:
                    future.cancel()  # only the ones not yet started
            done, _ = wait(pending, timeout=_POLL, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                if future.cancelled():
                    continue
                error = future.exception()
                if error is None:
                    record(Outcome(index, names[index], value=future.result()))
                else:
                    record(Outcome(index, names[index], error=failure_reason(error)))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


class CancelledError(FolioError):
    """The person cancelled the batch; what it would have written was not written."""

    exit_code = 1
