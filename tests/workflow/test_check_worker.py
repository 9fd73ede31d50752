"""The check worker's loop (app.workflow.live_check.serve), run on a thread of this process:
each request brings its copy of the portfolio up to date and each reply is the verdict a
check of the portfolio as the window shows it gives."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.checker import CheckResult, check
from app.store import Change, PortfolioStore
from app.workflow.live_check import serve
from tests.conftest import make_demo

TOKEN = 7


class Worker:
    """serve() on a thread, with a queue to it and a pipe back."""

    def __init__(self) -> None:
        self.requests: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self.replies, sender = multiprocessing.Pipe(duplex=False)
        self.thread = threading.Thread(target=serve, args=(self.requests, sender), daemon=True)
        self.thread.start()

    def ask(self, *request: Any) -> tuple[Any, ...]:
        self.requests.put(request)
        assert self.replies.poll(30), f"no reply to {request[0]}"
        return self.replies.recv()

    def stop(self) -> None:
        self.requests.put(("stop",))
        self.thread.join(10)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[PortfolioStore]:
    with make_demo(tmp_path, "continuous-improvement") as store:
        yield store


@pytest.fixture
def worker(demo: PortfolioStore) -> Iterator[Worker]:
    running = Worker()
    reply = running.ask("open", TOKEN, str(demo.path), demo.portfolio_id, 1)
    assert reply[:3] == ("result", TOKEN, 1)
    yield running
    running.stop()


def _verdict(store: PortfolioStore) -> CheckResult:
    return check(store.load(), store.unit(), dt.date.today())


def test_a_change_is_read_from_the_file_and_checked(worker: Worker, demo: PortfolioStore) -> None:
    item = demo.load().feedback_items[0]
    change = demo.update_item("feedback_item", item.id, text="TBC")
    reply = worker.ask("change", TOKEN, 2, change)
    assert reply[:3] == ("result", TOKEN, 2)
    assert reply[4] == _verdict(demo)


def test_a_preview_is_checked_before_the_file_has_it(worker: Worker, demo: PortfolioStore) -> None:
    """The window shows an edit of plain fields at once and the store writes it behind: the
    worker checks the values the change carries, with nothing yet in the file."""
    item = demo.load().feedback_items[0]
    before = _verdict(demo)
    shown = Change("update", "feedback_item", item.id, {"text": item.text}, {"text": "TBC"})
    reply = worker.ask("preview", TOKEN, 2, shown)
    assert reply[:3] == ("result", TOKEN, 2)
    assert demo.load().feedback_items[0].text == item.text  # not written yet
    assert reply[4] != before

    demo.update_item("feedback_item", item.id, text="TBC")  # the write, as shown
    assert reply[4] == _verdict(demo)
    # and a later edit is checked on top of what was shown, with nothing more sent
    later = demo.update_item("feedback_item", item.id, source_type="complaint")
    assert worker.ask("change", TOKEN, 3, later)[4] == _verdict(demo)


def test_a_preview_of_an_item_it_does_not_hold_fails_and_says_so(worker: Worker) -> None:
    shown = Change("update", "feedback_item", 987654, {"text": "a"}, {"text": "b"})
    reply = worker.ask("preview", TOKEN, 2, shown)
    assert reply[0] == "failed" and reply[1:3] == (TOKEN, 2)
