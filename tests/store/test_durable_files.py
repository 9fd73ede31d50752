"""A save cut short and a file half made: the portfolio opens as it was at its last completed
save, and a file is either whole at its name or not there at all."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.catalogue import Unit
from app.errors import FolioFileError
from app.store import PortfolioStore, template
from app.store.fileformat import journal_path
from tests.conftest import REPO

CRASH_MID_SAVE = textwrap.dedent(
    """
    import os, sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE portfolio SET learner_name = 'Half-saved name'")
    connection.execute("UPDATE feedback_item SET text = 'half-saved text'")
    # Force the changed pages into the file before the commit, as a big transaction does.
    connection.execute("PRAGMA cache_spill = 1")
    connection.execute("PRAGMA cache_size = 1")
    connection.execute("CREATE TABLE ballast AS WITH RECURSIVE n(i) AS "
                       "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                       "SELECT i, hex(randomblob(64)) AS b FROM n")
    print("ready", flush=True)
    sys.stdin.readline()
    """
)


def _crash_mid_save(path: Path) -> None:
    """Start a save in another process and kill it (SIGKILL) before it commits."""
    process = subprocess.Popen(
        [sys.executable, "-c", CRASH_MID_SAVE, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_save_killed_half_way_is_undone_when_the_file_is_next_opened(
    store: PortfolioStore, caplog: pytest.LogCaptureFixture
) -> None:
    store.add_item("feedback_item", source_type="survey", text="Queue too long at the desk.")
    path = store.path
    store.close()
    _crash_mid_save(path)
    assert journal_path(path).stat().st_size > 0  # the hot journal is there
    emailed = path.with_name("emailed.folio")  # as sent without its journal, the file
    shutil.copyfile(path, emailed)  # holds the unfinished pages (not asserted on further)

    with caplog.at_level("WARNING", logger="folio"), PortfolioStore.open(path) as reopened:
        portfolio = reopened.load()
        assert portfolio.learner_name == "Ada Learner"
        assert portfolio.feedback_items[0].text == "Queue too long at the desk."
        assert reopened.notes == [
            "'learner.folio' was closed in the middle of a save; the unfinished change was "
            "undone and the portfolio is as it was at its last completed save."
        ]
    assert "closed in the middle of a save" in caplog.text
    assert not journal_path(path).exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "ballast" not in tables
    with PortfolioStore.open(path) as again:
        assert again.notes == []


def test_a_read_only_file_with_an_unfinished_save_is_refused_with_the_way_out(
    store: PortfolioStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.path
    store.close()
    _crash_mid_save(path)
    before = path.read_bytes()
    # As on a read-only share or a CD (root may write anything, so ask os.access).
    monkeypatch.setattr("app.store.fileformat.os.access", lambda *_args: False)
    with pytest.raises(FolioFileError, match="left in the middle of a save") as refused:
        PortfolioStore.open(path)
    assert "Copy both files to a folder you can write to" in str(refused.value)
    assert path.read_bytes() == before and journal_path(path).exists()


@pytest.fixture(params=["migrated", "from the image"])
def create_path(request: pytest.FixtureRequest, tmp_path: Path, unit: Unit) -> str:
    """The way the next create of this process makes its file: the first create of a
    process migrates it, every later one writes the image of that first one."""
    if request.param == "migrated":
        template.forget()
    else:
        PortfolioStore.create(tmp_path / "first.folio", unit, "Ada").close()
        assert template.image() is not None
    return request.param


def test_a_failed_create_leaves_nothing_and_a_retry_works(
    tmp_path: Path, unit: Unit, monkeypatch: pytest.MonkeyPatch, create_path: str
) -> None:
    folder = tmp_path / "portfolios"
    folder.mkdir()
    target = folder / "new.folio"

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr("app.store.service._chained_entry", disk_full)
        with pytest.raises(sqlite3.OperationalError):
            PortfolioStore.create(target, unit, "Ada")
    assert list(folder.iterdir()) == []
    with PortfolioStore.create(target, unit, "Ada") as created:
        assert created.load().learner_name == "Ada"
    assert sorted(p.name for p in folder.iterdir()) == ["new.folio"]


def test_a_create_whose_image_cannot_reach_the_disk_leaves_nothing(
    tmp_path: Path, unit: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file written from the image is on the disk before it is given its name: a failing
    flush (a full disk, a USB stick pulled out) fails the create and leaves nothing behind."""
    PortfolioStore.create(tmp_path / "first.folio", unit, "Ada").close()
    folder = tmp_path / "portfolios"
    folder.mkdir()
    target = folder / "new.folio"

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("app.store.template.os.fsync", no_space)
        with pytest.raises(OSError, match="No space left"):
            PortfolioStore.create(target, unit, "Ada")
    assert list(folder.iterdir()) == []
    with PortfolioStore.create(target, unit, "Ada") as created:
        assert created.load().learner_name == "Ada"
    assert sorted(p.name for p in folder.iterdir()) == ["new.folio"]


#: Killed while the file is being built: by the migrations (the first create of a process)
#: or while the image of the first create is written (a later one).
KILLED_CREATE = textwrap.dedent(
    """
    import os, signal, sys
    from app.catalogue import load_catalogue
    from app.store import PortfolioStore, database
    target, killed_while, first = sys.argv[1:]
    unit = load_catalogue().get("journey-review")
    if killed_while == "migrating":
        original_upgrade = database.schema.upgrade
        def upgrade(connection, target="head"):
            original_upgrade(connection, "0003")
            os.kill(os.getpid(), signal.SIGKILL)
        database.schema.upgrade = upgrade
    else:
        PortfolioStore.create(first, unit, "Ada").close()
        original_write = database.template.write
        def write(path, data):
            original_write(path, data[: len(data) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        database.template.write = write
    PortfolioStore.create(target, unit, "Ada")
    """
)


@pytest.mark.parametrize("killed_while", ["migrating", "writing the image"])
def test_a_create_killed_half_way_leaves_no_file_at_the_name(
    tmp_path: Path, killed_while: str
) -> None:
    """Killed while the file is being built: the name stays free (only a hidden
    temporary, never a half-made portfolio, can be left)."""
    target = tmp_path / "killed.folio"
    result = subprocess.run(
        [sys.executable, "-c", KILLED_CREATE, str(target), killed_while, str(tmp_path / "a.folio")],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == -signal.SIGKILL
    assert not target.exists()
    assert [p.name for p in tmp_path.glob(".killed.folio.*.creating")]  # what it was writing
    from app.catalogue import load_catalogue

    with PortfolioStore.create(target, load_catalogue().get("journey-review"), "Ada") as store:
        assert store.load().learner_name == "Ada"
