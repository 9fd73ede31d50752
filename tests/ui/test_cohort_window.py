"""The tutor's cohort view: every file listed, filter and sort, batch export with progress."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from shiboken6 import isValid

from app.ui.cohort_window import CohortWindow
from tests.conftest import make_demo, make_incomplete_demo


def test_cohort_view_lists_sorts_filters_and_exports(qtbot, tmp_path: Path, settings) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    for unit_id in ("continuous-improvement", "journey-review"):
        make_demo(folder, unit_id).close()
    make_incomplete_demo(folder).close()  # process-reengineering, 3 of 5 met
    (folder / "broken.folio").write_text("not a portfolio")
    window = CohortWindow(folder, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=20_000)

    # Sorted by the share of marking points met, not by the text: 3/3 above 3/5, and the
    # unreadable file last.
    window.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # marking points met
    met = [window.proxy.index(row, 4).data() for row in range(4)]
    assert sorted(met[:2]) == ["3/3", "8/8"] and met[2:] == ["3/5", ""]
    broken_row = next(r for r in range(4) if window.proxy.index(r, 0).data() == "broken.folio")
    assert window.proxy.index(broken_row, 5).data() == "unreadable"

    window.filter.setText("reengineering")
    assert window.proxy.rowCount() == 1
    window.filter.setText("")

    selection = window.table.selectionModel()
    for row in range(window.proxy.rowCount()):
        name = window.proxy.index(row, 0).data()
        if name in {"continuous-improvement.folio", "broken.folio"}:
            selection.select(
                window.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    out = tmp_path / "out"
    window.format.setCurrentIndex(window.format.findData("docx"))
    window.export_to(out)
    exporting = window.exporting.thread_ref  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "exported" in window.state.text(), timeout=60_000)
    # The window is deleted when the test ends, and Qt aborts on a thread still running.
    qtbot.waitUntil(lambda: not isValid(exporting) or exporting.isFinished())
    assert "1 of 2 exported" in window.state.text()
    with (out / "cohort-summary.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["source file"] for row in rows} == {"continuous-improvement.folio", "broken.folio"}
    assert len(list(out.glob("*.docx"))) == 1


def test_closing_the_window_while_it_reads_does_not_abort(
    qtbot, tmp_path: Path, settings, monkeypatch
) -> None:
    """Qt aborts the program when a running QThread is destroyed: the window waits for it."""
    import time

    import app.ui.cohort_window as cohort_window

    folder = tmp_path / "cohort"
    folder.mkdir()
    make_demo(folder, "journey-review").close()
    read_entry = cohort_window.read_entry
    monkeypatch.setattr(
        cohort_window, "read_entry", lambda path: (time.sleep(0.5), read_entry(path))[1]
    )
    window = CohortWindow(folder, settings)
    thread = window.reading.thread_ref  # type: ignore[attr-defined]
    assert thread.isRunning()
    window.close()
    assert not thread.isRunning()  # waited for, so deleting the window is safe
    window.deleteLater()
    qtbot.wait(50)
