"""The lock file beside an open portfolio: kept while a Folio holds it, replaced when the
process that wrote it is gone."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSysInfo

from app.ui.application import UNREADABLE_LOCK_AGE, portfolio_lock


def _lock_path(portfolio: Path) -> Path:
    return portfolio.with_name(portfolio.name + ".lock")


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _age(path: Path) -> None:
    old = time.time() - UNREADABLE_LOCK_AGE - 60
    os.utime(path, (old, old))


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    path = tmp_path / "Ada.folio"
    path.write_bytes(b"")
    return path


def test_a_lock_left_by_a_dead_process_is_replaced(portfolio: Path) -> None:
    host = QSysInfo.machineHostName()
    _lock_path(portfolio).write_text(f"{_dead_pid()}\npython3\n{host}\n", encoding="utf-8")
    lock = portfolio_lock(portfolio)
    assert lock.tryLock(0)
    assert _lock_path(portfolio).read_text(encoding="utf-8").split()[0] == str(os.getpid())
    lock.unlock()
    assert not _lock_path(portfolio).exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x00\x00", b"garbage\n", b"-1\nfolio\n"])
def test_a_lock_a_crash_left_empty_or_garbled_is_replaced(portfolio: Path, content) -> None:
    _lock_path(portfolio).write_bytes(content)
    _age(_lock_path(portfolio))
    lock = portfolio_lock(portfolio)
    assert lock.tryLock(0)
    lock.unlock()


def test_an_unreadable_lock_being_written_now_is_left_alone(portfolio: Path) -> None:
    _lock_path(portfolio).write_bytes(b"")
    assert not portfolio_lock(portfolio).tryLock(0)
    assert _lock_path(portfolio).exists()


def test_a_lock_held_by_a_running_folio_is_kept(portfolio: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from PySide6.QtCore import QLockFile\n"
            f"lock = QLockFile({str(_lock_path(portfolio))!r})\n"
            "print(lock.tryLock(0), flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        _age(_lock_path(portfolio))
        assert not portfolio_lock(portfolio).tryLock(0)
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_from_another_computer_is_kept(portfolio: Path) -> None:
    _lock_path(portfolio).write_text(f"{_dead_pid()}\nfolio\nanother-pc\n", encoding="utf-8")
    _age(_lock_path(portfolio))
    assert not portfolio_lock(portfolio).tryLock(0)


def test_open_window_opens_a_portfolio_a_crash_left_locked(
    qtbot, new_portfolio: Path, settings, _no_modal_dialogs
) -> None:
    from app.ui.application import open_window

    _lock_path(new_portfolio).write_bytes(b"")
    _age(_lock_path(new_portfolio))
    window = open_window(new_portfolio, settings)
    assert window is not None and _no_modal_dialogs == []
    qtbot.addWidget(window)
    assert not QLockFile(str(_lock_path(new_portfolio))).tryLock(0)
    window.close()
