"""Writes behind the window: one thread, in order, refusals reported, nothing dropped at exit;
and the values a window shows before the write are the ones the store writes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.errors import InvalidInputError
from app.store import Change, PortfolioStore
from app.store.live import LiveDocument
from app.store.writer import StoreWriter
from tests.store.test_live_document import contents


@pytest.fixture
def store(tmp_path: Path, unit) -> PortfolioStore:  # type: ignore[no-untyped-def]
    path = tmp_path / "Ada.folio"
    with PortfolioStore.create(path, unit, "Ada Learner") as created:
        created.add_item("feedback_item", source_type="survey", text="Queue too long")
    opened = PortfolioStore.open(path)
    yield opened
    opened.close()


def _texts_in_audit(store: PortfolioStore, item_id: int) -> list[str]:
    return [
        json.loads(entry.detail)["text"]
        for entry in store.load().audit_entries
        if entry.action == "update" and entry.target == f"feedback_item:{item_id}"
    ]


def test_writes_run_one_at_a_time_in_order_off_the_callers_thread(store: PortfolioStore) -> None:
    item = store.load().feedback_items[0].id
    writer = StoreWriter()
    threads: set[int] = set()
    running: list[int] = []
    overlapped: list[int] = []

    def write(n: int):  # type: ignore[no-untyped-def]
        def work():  # type: ignore[no-untyped-def]
            threads.add(threading.get_ident())
            if running:
                overlapped.append(n)
            running.append(n)
            try:
                return store.update_item("feedback_item", item, text=f"edit {n}")
            finally:
                running.remove(n)

        return work

    tickets = [writer.submit(write(n)) for n in range(25)]
    assert writer.wait(timeout=60)
    assert writer.unfinished == 0
    finished = writer.take()
    assert [done.ticket for done in finished] == tickets
    assert [done.value.after["text"] for done in finished] == [f"edit {n}" for n in range(25)]
    assert threading.get_ident() not in threads and overlapped == []
    with PortfolioStore.open(store.path) as again:
        assert again.load().feedback_items[0].text == "edit 24"
        assert _texts_in_audit(again, item) == [f"edit {n}" for n in range(25)]


def test_a_refused_write_is_reported_and_the_writes_behind_it_still_run(
    store: PortfolioStore,
) -> None:
    item = store.load().feedback_items[0].id
    woken: list[int] = []
    writer = StoreWriter(lambda: woken.append(1))
    writer.submit(lambda: store.update_item("feedback_item", item, text="first"))
    writer.submit(lambda: store.update_item("feedback_item", 9999, text="nowhere"))
    writer.submit(lambda: store.update_item("feedback_item", item, text="third"))
    assert writer.wait(timeout=60)
    finished = writer.take()
    assert [done.error for done in finished] == [None, "there is no feedback item #9999", None]
    assert len(woken) == 3
    assert store.load().feedback_items[0].text == "third"


def test_writes_still_queued_when_the_program_ends_are_made(store: PortfolioStore) -> None:
    """The writing thread is not a daemon: ending the program waits for it."""
    item = store.load().feedback_items[0].id
    script = (
        "from pathlib import Path\n"
        "from app.store import PortfolioStore\n"
        "from app.store.writer import StoreWriter\n"
        f"store = PortfolioStore.open(Path({str(store.path)!r}))\n"
        "writer = StoreWriter()\n"
        f"edit = lambda n: store.update_item('feedback_item', {item}, text=f'edit {{n}}')\n"
        "for n in range(15):\n"
        "    writer.submit(lambda n=n: edit(n))\n"
        "print('queued', writer.unfinished > 0, flush=True)\n"
    )
    ended = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert ended.stdout.strip() == "queued True"
    with PortfolioStore.open(store.path) as again:
        assert _texts_in_audit(again, item) == [f"edit {n}" for n in range(15)]


def test_checked_update_gives_what_update_item_writes_and_refuses_what_it_refuses(
    store: PortfolioStore,
) -> None:
    item = store.load().feedback_items[0]
    current = {"rating": None, "rating_scale": 5.0, "text": item.text}
    checked = store.checked_update(
        "feedback_item", current, {"rating": "4", "received_on": "3/2/2025"}
    )
    assert checked is not None
    written = store.update_item("feedback_item", item.id, rating="4", received_on="3/2/2025")
    assert checked == written.after
    with pytest.raises(InvalidInputError) as refused:
        store.checked_update("feedback_item", {**current, "rating_scale": 5.0}, {"rating": "7"})
    store.update_item("feedback_item", item.id, rating_scale=5)
    with pytest.raises(InvalidInputError) as also_refused:
        store.update_item("feedback_item", item.id, rating="7")
    assert refused.value.message == also_refused.value.message
    # a field that names another item needs the file to be checked: written first
    assert store.checked_update("log_entry", {}, {"action_id": 1}) is None


def test_a_previewed_edit_once_written_and_caught_up_equals_a_fresh_load(
    store: PortfolioStore,
) -> None:
    live = LiveDocument(store)
    item = live.document.feedback_items[0]
    values = store.checked_update("feedback_item", {}, {"text": "Queue of twenty minutes"})
    assert values is not None
    live.preview(Change("update", "feedback_item", item.id, {"text": item.text}, values))
    assert live.document.feedback_items[0].text == "Queue of twenty minutes"
    store.update_item("feedback_item", item.id, **values)
    live.catch_up()
    assert live.full_loads == 1
    assert contents(live.document) == contents(store.load())
    live.close()


def test_a_waiter_goes_on_only_after_the_write_has_been_announced() -> None:
    """Closing a window waits for its writes, then deletes what ``wake`` posts to: the post
    must be over by the time the wait ends."""
    announced: list[float] = []

    def wake() -> None:
        time.sleep(0.2)
        announced.append(time.monotonic())

    writer = StoreWriter(wake)
    writer.submit(lambda: None)
    assert writer.wait(5)
    waited = time.monotonic()
    assert announced and announced[0] <= waited
