"""Open a portfolio in the main window, time it, and quit (for make bench).

Prints one JSON object: ``shown``, seconds from the launch (``time.time()`` at launch is
argv[3]) until the window is on screen (the first turn of the event loop after show());
``verdict``, until the marking points panel shows the first verdict, which the check worker
sends once the window is up; ``shown_cpu``, the processor time this process had spent by
then (what a loaded machine does not inflate as much as the wall clock).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    launched = float(sys.argv[3]) if len(sys.argv) > 3 else time.time()
    # as `folio start` does (app.cli.main): the check worker first, then the window's imports
    # (here, not at the top: the worker's process imports this script again)
    from app.workflow import check_process

    check_process.start_early()
    from PySide6.QtCore import QSettings, QTimer

    from app.ui.application import application
    from app.ui.main_window import MainWindow
    from app.ui.session import PortfolioSession

    app = application()
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    window = MainWindow(PortfolioSession.open(Path(sys.argv[1])), settings)
    window.show()
    figures: dict[str, float] = {}

    def shown() -> None:
        figures["shown"] = time.time() - launched
        figures["shown_cpu"] = time.process_time()
        if window.session.result_is_current:
            verdict()
        else:
            window.session.checked.connect(verdict)

    def verdict(*_result: object) -> None:
        QTimer.singleShot(0, lambda: done())  # once the panel has painted it

    def done() -> None:
        figures.setdefault("verdict", time.time() - launched)
        print(json.dumps(figures))
        window.close()
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


if __name__ == "__main__":
    main()
