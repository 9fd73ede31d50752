"""A create killed outright leaves its hidden ``.NAME.folio.PID.creating`` behind; the next
create in that folder removes it, and never the temporary file of a create still running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.catalogue import Unit
from app.store import PortfolioStore
from app.store.database import STALE_AFTER
from tests.conftest import REPO

KILLED_CREATE = textwrap.dedent(
    """
    import os, signal, sys
    from app.catalogue import load_catalogue
    from app.store import PortfolioStore, database
    unit = load_catalogue().get("journey-review")
    if sys.argv[2] == "migrating":  # the first create of a process runs the migrations
        original_upgrade = database.schema.upgrade
        def upgrade(connection, target="head"):
            original_upgrade(connection, "0003")
            os.kill(os.getpid(), signal.SIGKILL)
        database.schema.upgrade = upgrade
    else:  # a later one is written from the first one's image
        PortfolioStore.create(sys.argv[3], unit, "Ada").close()
        original_write = database.template.write
        def write(path, data):
            original_write(path, data[: len(data) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        database.template.write = write
    PortfolioStore.create(sys.argv[1], unit, "Ada")
    """
)
#: Where a create is killed: while migrating its file (the first create of a process) or
#: while writing it from the image of the first one (any later create).
KILLED_WHILE = ("migrating", "writing the image")


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _killed_create(target: Path, killed_while: str = "migrating") -> list[Path]:
    """Run a create in another process and SIGKILL it half way; the files it left."""
    first = target.parent.parent / f"first-{target.name}"  # outside the folder looked at
    process = subprocess.run(
        [sys.executable, "-c", KILLED_CREATE, str(target), killed_while, str(first)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert process.returncode == -signal.SIGKILL
    return sorted(target.parent.glob(f".{target.name}.*.creating*"))


@pytest.mark.parametrize("killed_while", KILLED_WHILE)
def test_the_next_create_removes_what_a_killed_create_left(
    tmp_path: Path, unit: Unit, killed_while: str
) -> None:
    folder = tmp_path / "portfolios"
    folder.mkdir()
    left = _killed_create(folder / "killed.folio", killed_while)
    assert left and left[0].name.startswith(".killed.folio.") and left[0].stat().st_size > 0
    for path in left:
        _age(path, STALE_AFTER + 5)
    unrelated = folder / "notes.creating"
    unrelated.write_text("mine")

    with PortfolioStore.create(folder / "next.folio", unit, "Ada") as store:
        assert store.load().learner_name == "Ada"
    assert sorted(p.name for p in folder.iterdir()) == ["next.folio", "notes.creating"]


def test_a_running_create_and_a_fresh_one_are_left_alone(tmp_path: Path, unit: Unit) -> None:
    folder = tmp_path / "portfolios"
    folder.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = folder / f".busy.folio.{sleeper.pid}.creating"
        running.write_bytes(b"being written")
        _age(running, STALE_AFTER + 5)
        # A dead process id but touched just now: perhaps another computer's create on a
        # shared folder, so it stays until it is old.
        dead = _killed_create(folder / "killed.folio")
        stale = folder / "old.folio.creating"  # not Folio's pattern: no process id
        stale.write_bytes(b"x")
        _age(stale, STALE_AFTER + 5)

        with PortfolioStore.create(folder / "next.folio", unit, "Ada"):
            pass
        assert running.read_bytes() == b"being written"
        assert all(path.exists() for path in dead) and stale.exists()

        for path in dead:
            _age(path, STALE_AFTER + 5)
        with PortfolioStore.create(folder / "third.folio", unit, "Ada"):
            pass
        assert not any(path.exists() for path in dead)
        assert running.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
