"""The desktop starts where users are: Qt's xcb libraries are checked before the window
opens, and the real window comes up on an X server (Xvfb here)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app import desktop_check
from tests.conftest import REPO, make_demo, require_tool

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibmystery.so.9 => not found
"""


def test_the_libraries_ldd_cannot_find_become_one_install_command() -> None:
    missing = desktop_check.missing_from_ldd(LDD)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libmystery.so.9"]
    assert desktop_check.install_command(missing) == [
        "sudo", "apt-get", "install", "-y", "libxcb-icccm4", "libxcb-keysyms1",
    ]  # fmt: skip


def test_the_check_names_the_missing_package_and_fails(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(desktop_check, "missing_libraries", lambda: ["libxcb-keysyms.so.1"])
    with open(os.devnull) as no_terminal:  # no terminal: no question asked
        monkeypatch.setattr(sys, "stdin", no_terminal)
        assert desktop_check.main() == 1
    err = capsys.readouterr().err
    assert "libxcb-keysyms.so.1" in err
    assert "sudo apt-get install -y libxcb-keysyms1" in err


def test_offscreen_and_non_linux_need_no_desktop_libraries(monkeypatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not desktop_check.needs_checking()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert desktop_check.needs_checking()
    monkeypatch.setattr(sys, "platform", "win32")
    assert not desktop_check.needs_checking()


def _window_names(display: str) -> str:
    result = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        capture_output=True,
        text=True,
        env={**os.environ, "DISPLAY": display},
    )
    return result.stdout


def test_the_window_opens_on_a_real_x_server(tmp_path: Path) -> None:
    xvfb = require_tool("Xvfb", "xvfb")
    require_tool("xwininfo", "x11-utils")
    with make_demo(tmp_path, "journey-review") as store:
        demo = store.path
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        display = ":" + os.read(read, 16).decode().strip()
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
        check = subprocess.run(
            [sys.executable, "-m", "app.desktop_check"], env=env, stdin=subprocess.DEVNULL
        )
        assert check.returncode == 0
        app = subprocess.Popen(
            [sys.executable, "-m", "app", "start", str(demo)],
            env=env,
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and "Priya Shah" not in _window_names(display):
                assert app.poll() is None, app.stderr.read() if app.stderr else ""
                time.sleep(0.5)
            names = _window_names(display)
            assert "Priya Shah" in names and "Folio" in names
        finally:
            app.terminate()
            app.wait(timeout=20)
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=10)
