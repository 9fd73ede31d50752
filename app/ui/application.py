"""Starting the desktop application."""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from app import APP_NAME, __version__
from app.errors import FolioError
from app.resources import resource_path
from app.ui.idle_collect import IdleCollector
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.ui.translations import install_translations

if TYPE_CHECKING:
    from app.ui.welcome import WelcomeWindow

_windows: list[MainWindow] = []


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    if existing is None:
        install_translations(app)
        app.idle_collector = IdleCollector(app)  # type: ignore[attr-defined]
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The window's icon, and the name of the desktop entry (packaging/linux/folio.desktop)
    # that Wayland and the task bar match the window to.
    app.setDesktopFileName("folio")
    app.setWindowIcon(QIcon(str(resource_path("icons", "folio.png"))))
    return app  # type: ignore[return-value]


#: A lock file this old that names no process was left half-written by a crash; a younger
#: one may be another Folio writing it this moment.
UNREADABLE_LOCK_AGE = 5.0


def portfolio_lock(path: Path) -> QLockFile:
    """The lock beside ``path`` (``NAME.folio.lock``) that keeps a second Folio out.

    A lock left by a process that has died (its PID is gone, or belongs to another program)
    is stale and replaced when the lock is taken; so is one a crash left empty or garbled,
    which names no process at all. A lock held by a running Folio, or by one on another
    computer (a shared folder), is never taken over.
    """
    lock_path = path.with_name(path.name + ".lock")
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)  # never by age alone: a portfolio may stay open for days
    try:
        lines = lock_path.read_bytes().decode("utf-8", "replace").splitlines()
        age = time.time() - lock_path.stat().st_mtime
    except OSError:  # no lock file (the usual case), or one we cannot read: Qt decides
        return lock
    names_a_process = bool(lines) and lines[0].strip().isdigit() and int(lines[0]) > 0
    if not names_a_process and age > UNREADABLE_LOCK_AGE:
        with contextlib.suppress(OSError):
            lock_path.unlink()
    return lock


def open_window(
    path: Path, settings: QSettings | None = None, actor: str = "learner"
) -> MainWindow | None:
    """Open ``path`` in a new window; a file that cannot be opened is explained, not fatal.

    A portfolio open in this Folio is brought to the front; one open in another Folio
    process (its lock file is held) is not opened a second time.
    """
    path = path.resolve()
    _windows[:] = [w for w in _windows if isValid(w)]
    for window in _windows:
        if window.session.path.resolve() == path and window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    lock = portfolio_lock(path)
    if path.exists() and not lock.tryLock(200):
        _, pid, host, _app = lock.getLockInfo()
        QMessageBox.warning(
            None,
            QCoreApplication.translate("Application", "Portfolio already open"),
            QCoreApplication.translate(
                "Application",
                "'{0}' is already open in another Folio (process {1} on {2}). Close it there "
                "first, so no changes are lost.",
            ).format(path.name, pid, host),
        )
        return None
    try:
        session = PortfolioSession.open(path, actor=actor)
    except FolioError as error:
        lock.unlock()
        QMessageBox.warning(
            None, QCoreApplication.translate("Application", "Cannot open portfolio"), error.message
        )
        return None
    window = MainWindow(session, settings)
    window.lock = lock  # type: ignore[attr-defined]  # released when the window goes
    window.destroyed.connect(lock.unlock)
    window.closed.connect(lock.unlock)
    window.closed.connect(lambda: _windows.remove(window) if window in _windows else None)
    _windows.append(window)
    window.show()
    return window


def show_welcome(settings: QSettings | None = None) -> WelcomeWindow:
    from app.ui.welcome import WelcomeWindow  # with the wizard: only when no file is given

    welcome = WelcomeWindow(settings or QSettings())

    def chosen(path: Path) -> None:
        if open_window(path, settings) is not None:
            welcome.close()

    welcome.chosen.connect(chosen)
    welcome.show()
    return welcome


def run(path: Path | None) -> int:
    """Open ``path``, or the welcome window when there is none."""
    app = application()
    if path is None:
        welcome = show_welcome()  # noqa: F841 - kept alive until the loop ends
    elif open_window(path) is None:
        return 2
    return app.exec()
