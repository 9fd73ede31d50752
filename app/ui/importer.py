"""Adding evidence files on a worker thread, so a large video does not freeze the window."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.errors import FolioError
from app.store import PortfolioStore


class ImportWorker(QObject):
    """Copies files into the portfolio with its own connection (one per thread)."""

    progress = Signal(int, int, str)
    attached = Signal(object)  # Change
    failed = Signal(str)
    finished = Signal()

    def __init__(self, portfolio: Path, paths: Sequence[Path]) -> None:
        super().__init__()
        self.portfolio = portfolio
        self.paths = list(paths)

    @Slot()
    def run(self) -> None:
        try:
            with PortfolioStore.open(self.portfolio) as store:
                for index, path in enumerate(self.paths, start=1):
                    self.progress.emit(index, len(self.paths), path.name)
                    try:
                        self.attached.emit(store.attach_file(path))
                    except FolioError as error:
                        self.failed.emit(error.message)
        except FolioError as error:
            self.failed.emit(error.message)
        finally:
            self.finished.emit()


def start_import(parent: QObject, portfolio: Path, paths: Sequence[Path]) -> ImportWorker:
    """Run an ImportWorker on its own thread; the caller connects to its signals."""
    thread = QThread(parent)
    worker = ImportWorker(portfolio, paths)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    thread.finished.connect(thread.deleteLater)
    worker.thread_ref = thread  # type: ignore[attr-defined]
    thread.start()
    return worker
