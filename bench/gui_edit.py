"""Time one saved edit in the main window on a given portfolio (for make bench)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings

from app.ui.application import application
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession


def main() -> None:
    app = application()
    window = MainWindow(
        PortfolioSession.open(Path(sys.argv[1])), QSettings(sys.argv[2], QSettings.Format.IniFormat)
    )
    window.show()
    window.show_stage("feedback")
    app.processEvents()
    item_id = window.session.document.feedback_items[0].id
    samples = []
    for number in range(7):
        start = time.perf_counter()
        window.session.update_item("feedback_item", item_id, channel=f"edit {number}")
        app.processEvents()
        samples.append(time.perf_counter() - start)
    print(f"{statistics.median(samples):.4f}")


if __name__ == "__main__":
    main()
