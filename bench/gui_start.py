"""Open a portfolio in the main window and quit as soon as it is on screen (for make bench)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, QTimer

from app.ui.application import application
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession


def main() -> None:
    app = application()
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    window = MainWindow(PortfolioSession.open(Path(sys.argv[1])), settings)
    window.show()

    def shown() -> None:  # the first turn of the event loop: the window is on screen
        if len(sys.argv) > 3:  # seconds since the launch (time.time() at launch is argv[3])
            print(f"{time.time() - float(sys.argv[3]):.4f}")
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


if __name__ == "__main__":
    main()
