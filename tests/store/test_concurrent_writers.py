"""Two programs writing one portfolio at once, and a disk that fills during a save: every
change either lands whole or is refused with a one-line reason, and the file stays intact."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import event

from app.catalogue import Unit
from app.errors import FolioFileError
from app.store import PortfolioStore
from app.workflow.verification import verify
from tests.conftest import REPO, file_digest

WRITER = textwrap.dedent(
    """
    import sys
    from app.errors import FolioFileError
    from app.store import PortfolioStore
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()
    saved = refused = 0
    with PortfolioStore.open(path) as store:
        for n in range(count):
            try:
                store.add_item("feedback_item", source_type="survey", text=f"{name} {n}")
                saved += 1
            except FolioFileError as error:
                assert "busy in another program" in error.message, error.message
                refused += 1
    print(saved, refused, flush=True)
    """
)


def test_two_writers_at_once_lose_nothing_and_break_nothing(tmp_path: Path, unit: Unit) -> None:
    path = tmp_path / "shared.folio"
    PortfolioStore.create(path, unit, "Ada").close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "25"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:  # start both together
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    counts = {}
    for name, writer in zip(("first", "second"), writers, strict=True):
        out, _ = writer.communicate(timeout=300)
        assert writer.returncode == 0, out
        saved, refused = map(int, out.split())
        assert saved + refused == 25
        counts[name] = saved

    with PortfolioStore.open(path) as store:
        texts = [item.text for item in store.load().feedback_items]
        report = verify(store)
    # Every change reported saved is there, once; none reported refused is.
    for name, saved in counts.items():
        mine = [text for text in texts if text.startswith(f"{name} ")]
        assert len(mine) == len(set(mine)) == saved
    assert sum(counts.values()) == len(texts) and sum(counts.values()) > 25
    assert not report.altered  # the audit chain has no fork


def test_a_disk_filling_during_a_save_keeps_the_last_saved_portfolio(
    tmp_path: Path, unit: Unit
) -> None:
    path = tmp_path / "full.folio"
    with PortfolioStore.create(path, unit, "Ada") as store:
        store.add_item("feedback_item", source_type="survey", text="saved before")
    before = file_digest(path)
    store = PortfolioStore.open(path)

    # The file may not grow: SQLite then fails exactly as on a full disk (SQLITE_FULL).
    @event.listens_for(store.engine, "connect")
    def _no_room(connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    try:
        refused = None
        try:
            store.add_item("feedback_item", source_type="survey", text="too big " * 20_000)
        except FolioFileError as error:
            refused = error
        assert refused is not None
        assert refused.message == "The disk holding 'full.folio' is full; the change was not saved."
    finally:
        event.remove(store.engine, "connect", _no_room)
        store.close()
    assert file_digest(path) == before
    with PortfolioStore.open(path) as reopened:
        assert [i.text for i in reopened.load().feedback_items] == ["saved before"]
        reopened.add_item("feedback_item", source_type="survey", text="room again")
        assert len(reopened.load().feedback_items) == 2
