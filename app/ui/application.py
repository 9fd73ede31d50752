"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.errors import FolioError
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession

_windows: list[MainWindow] = []


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def open_window(path: Path, settings: QSettings | None = None) -> MainWindow | None:
    """Open ``path`` in a new window; a file that cannot be opened is explained, not fatal."""
    try:
        session = PortfolioSession.open(path)
    except FolioError as error:
        QMessageBox.warning(None, "Cannot open portfolio", error.message)
        return None
    window = MainWindow(session, settings)
    _windows.append(window)
    window.destroyed.connect(lambda: _windows.remove(window) if window in _windows else None)
    window.show()
    return window


def run(path: Path) -> int:
    app = application()
    if open_window(path) is None:
        return 2
    return app.exec()
