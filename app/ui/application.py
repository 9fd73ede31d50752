"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from app import APP_NAME, __version__
from app.errors import FolioError
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.ui.translations import install_translations
from app.ui.welcome import WelcomeWindow

_windows: list[MainWindow] = []


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    if existing is None:
        install_translations(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


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
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)
    if path.exists() and not lock.tryLock(200):
        _, pid, host, _app = lock.getLockInfo()
        QMessageBox.warning(
            None,
            "Portfolio already open",
            f"'{path.name}' is already open in another Folio (process {pid} on {host}). "
            "Close it there first, so no changes are lost.",
        )
        return None
    try:
        session = PortfolioSession.open(path, actor=actor)
    except FolioError as error:
        lock.unlock()
        QMessageBox.warning(None, "Cannot open portfolio", error.message)
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
