"""Cancelling a batch export from the cohort window: the portfolios being rendered finish,
the rest are not started, nothing half written is left, and the window says which is which."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from shiboken6 import isValid

from app.ui.cohort_window import JOBS_SETTING, CohortWindow
from tests.conftest import make_demo


def _select_all(window: CohortWindow) -> None:
    selection = window.table.selectionModel()
    for row in range(window.proxy.rowCount()):
        selection.select(
            window.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_cancel_keeps_finished_files_whole_and_names_the_rest(
    qtbot, tmp_path: Path, settings
) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    make_demo(folder, "journey-review").close()
    for n in range(1, 9):
        shutil.copyfile(folder / "journey-review.folio", folder / f"copy-{n}.folio")
    settings.setValue(JOBS_SETTING, 2)
    window = CohortWindow(folder, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 9, timeout=30_000)
    _select_all(window)
    out = tmp_path / "out"

    window.draft.setChecked(True)
    window.export_to(out)
    assert window.progress.isVisible() and window.cancel.isVisible()
    exporting = window.exporting
    thread = exporting.thread_ref  # type: ignore[attr-defined]
    with qtbot.waitSignal(exporting.progress, timeout=120_000):
        pass
    window.cancel.click()  # after the first portfolio is done
    assert not window.cancel.isEnabled()
    assert window.state.text().startswith("Cancelling")
    qtbot.waitUntil(lambda: "exported" in window.state.text(), timeout=120_000)
    qtbot.waitUntil(lambda: not isValid(thread) or thread.isFinished())

    assert not window.cancel.isVisible() and not window.progress.isVisible()
    with (out / "cohort-summary.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    exported = [row for row in rows if row["status"] == "exported (draft)"]
    cancelled = [row for row in rows if row["status"] == "cancelled (not exported)"]
    assert len(rows) == 9 and len(exported) + len(cancelled) == 9
    assert exported and cancelled
    assert window.state.text().startswith(
        f"Cancelled: {len(exported)} of 9 exported, {len(cancelled)} not started"
    )
    # Only whole files: the finished PDFs and the summary, no staging folder or temp names.
    written = sorted(path.name for path in out.iterdir())
    assert written == sorted([*(row["output file"] for row in exported), "cohort-summary.csv"])
    for row in exported:
        reader = PdfReader(out / row["output file"])
        assert reader.metadata.author == "Priya Shah"
        assert len(reader.pages) > 1
    assert all(row["output file"] == "" for row in cancelled)
