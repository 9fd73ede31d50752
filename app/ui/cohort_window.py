"""The tutor's cohort view: every portfolio in a folder; sort, filter, open, batch-export."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.export.cohort import CohortRow, export_cohort
from app.ui.background import finish_tasks, start_task
from app.ui.translations import COHORT_TEXT, data_label
from app.workflow.cohort import COLUMNS, CohortEntry, read_entry
from app.workflow.eqa_pack import PackResult, build_pack
from app.workflow.iqa import sample_labels

#: Worker processes for a batch (0: every core; 1: render on the window's worker thread).
JOBS_SETTING = "cohort/jobs"

#: The cohort's columns, and what the IQA sampling plan says of each portfolio.
SAMPLE_COLUMN = "IQA sample"
TABLE_COLUMNS = (*COLUMNS, SAMPLE_COLUMN)
#: Their headings as a translator is given them (translated in the context COHORT_TEXT).
HEADINGS = tuple(column[0].upper() + column[1:] for column in TABLE_COLUMNS)


def _mark_trust(item: QStandardItem, text: str) -> None:
    """Altered or untrusted records stand out; verified ones read calmly."""
    if text.startswith(("ALTERED", "NOT TRUSTED")):
        item.setForeground(QBrush(QColor("#b91c1c")))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    elif text.startswith("signed by"):
        item.setForeground(QBrush(QColor("#15803d")))
    item.setToolTip(text)


class CohortWindow(QWidget):
    def __init__(
        self, folder: Path, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cohortWindow")
        self.settings = settings
        self.folder = folder
        self.setWindowTitle(self.tr("Cohort — {0} — Folio").format(folder.name))
        self.model = QStandardItemModel(0, len(TABLE_COLUMNS))
        self.model.setHorizontalHeaderLabels(
            [data_label(COHORT_TEXT, heading) for heading in HEADINGS]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setObjectName("cohort.table")
        self.table.setAccessibleName(self.tr("Portfolios in the cohort"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.filter = QLineEdit()
        self.filter.setObjectName("cohort.filter")
        self.filter.setAccessibleName(self.tr("Filter"))
        self.filter.setPlaceholderText(self.tr("Filter: learner, unit, status…"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.format = QComboBox()
        self.format.setObjectName("cohort.format")
        self.format.setAccessibleName(self.tr("Export format"))
        for fmt, text in (
            ("pdf", self.tr("PDF")),
            ("docx", self.tr("Word")),
            ("html", self.tr("HTML")),
        ):
            self.format.addItem(text, fmt)
        self.draft = QCheckBox(self.tr("&Drafts"))
        self.draft.setObjectName("cohort.draft")
        self.export = QPushButton(self.tr("&Export selected…"))
        self.export.setObjectName("cohort.export")
        self.export.clicked.connect(self._choose_and_export)
        self.pack = QPushButton(self.tr("Build EQA &pack…"))
        self.pack.setObjectName("cohort.eqaPack")
        self.pack.setToolTip(
            self.tr(
                "A ZIP for the external quality assurer: the sampled portfolios and their "
                "PDFs, the IQA sampling plan and reports, achievement summaries and a SHA-256 "
                "manifest"
            )
        )
        self.pack.clicked.connect(self._choose_and_pack)
        self.progress = QProgressBar()
        self.progress.setObjectName("cohort.progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setVisible(False)
        self.cancel = QPushButton(self.tr("&Cancel"))
        self.cancel.setObjectName("cohort.cancel")
        self.cancel.setToolTip(
            self.tr("Stop after the portfolios being rendered now; nothing is left half written")
        )
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.cancel_batch)
        self.cancelling = threading.Event()
        self.state = QLabel()
        self.state.setObjectName("cohort.state")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.format)
        top.addWidget(self.draft)
        top.addWidget(self.export)
        top.addWidget(self.pack)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel)
        layout.addLayout(running)
        layout.addWidget(self.state)
        self.entries: list[CohortEntry] = []
        self.resize(1200, 600)
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancelling.set()
        finish_tasks(self)
        super().closeEvent(event)

    def reload(self) -> None:
        """Read every portfolio on a worker thread; the window stays responsive."""
        paths = sorted(self.folder.glob("*.folio"))
        self.state.setText(self.tr("Reading %n portfolio(s)…", "", len(paths)))

        folder = self.folder

        def read(report) -> tuple[list[CohortEntry], dict[str, str]]:  # type: ignore[no-untyped-def]
            entries = []
            for index, path in enumerate(paths, start=1):
                report(index, len(paths), path.name)
                entries.append(read_entry(path))
            return entries, sample_labels(folder)

        self.reading = start_task(self, read)
        self.reading.progress.connect(self._progress)
        self.reading.done.connect(self._read)

    def _read(self, result: tuple[list[CohortEntry], dict[str, str]]) -> None:
        self._show(*result)

    def _show(self, entries: list[CohortEntry], samples: dict[str, str] | None = None) -> None:
        self.entries = entries
        self.samples = samples or {}
        self.model.setRowCount(0)
        for entry in entries:
            row = []
            values = [*entry.row(), self.samples.get(entry.path.name, "")]
            for column, value in zip(TABLE_COLUMNS, values, strict=True):
                item = QStandardItem(value)
                sort_key = {
                    "marking points met": entry.met / entry.total if entry.total else -1,
                    "version": entry.version,
                }.get(column, value.lower())
                item.setData(sort_key, Qt.ItemDataRole.UserRole)
                item.setData(str(entry.path), Qt.ItemDataRole.UserRole + 1)
                if column == "trust":
                    _mark_trust(item, value)
                if column == SAMPLE_COLUMN and value.startswith("overdue"):
                    item.setForeground(QBrush(QColor("#b91c1c")))
                row.append(item)
            self.model.appendRow(row)
        self.progress.setVisible(False)
        sampled = len(self.samples)
        done = sum(1 for text in self.samples.values() if text.startswith("done"))
        text = self.tr("%n portfolio(s) in {0}", "", len(entries)).format(self.folder)
        if sampled:
            text = self.tr("{0}; IQA sample: {1} of {2} done").format(text, done, sampled)
        self.state.setText(text)

    def selected_paths(self) -> list[Path]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [
            Path(self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1))
            for row in sorted(rows)
        ]

    def _progress(self, index: int, total: int, name: str) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, total)
        self.progress.setValue(index)
        self.progress.setFormat(self.tr("{0} ({1} of {2})").format(name, index, total))

    def _choose_and_export(self) -> None:
        out = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), str(self.folder))
        if out:
            self.export_to(Path(out))

    def jobs(self) -> int:
        """Worker processes for a batch, from the settings (every core unless set)."""
        if self.settings is None:
            return 0
        try:
            return max(0, int(self.settings.value(JOBS_SETTING, 0)))
        except (TypeError, ValueError):
            return 0

    def _start_batch(self, total: int, text: str) -> None:
        self.cancelling = threading.Event()
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("{0} ({1} of {2})").format(text, 0, total))
        self.progress.setVisible(True)
        self.cancel.setEnabled(True)
        self.cancel.setVisible(True)
        self.state.setText(text)

    def _end_batch(self) -> None:
        self.progress.setVisible(False)
        self.cancel.setVisible(False)

    def cancel_batch(self) -> None:
        """Stop scheduling work: portfolios not yet started are dropped, the ones being
        rendered finish whole."""
        self.cancelling.set()
        self.cancel.setEnabled(False)
        self.state.setText(self.tr("Cancelling: finishing the portfolios being rendered…"))

    def export_to(self, out_dir: Path) -> None:
        paths = self.selected_paths()
        if not paths:
            self.state.setText(self.tr("Select the portfolios to export first."))
            return
        fmt, draft, jobs = self.format.currentData(), self.draft.isChecked(), self.jobs()
        self.export.setEnabled(False)
        self._start_batch(len(paths), self.tr("Exporting %n portfolio(s)…", "", len(paths)))
        cancel = self.cancelling
        self.exporting = start_task(
            self,
            lambda report: export_cohort(paths, fmt, out_dir, draft, report, jobs, cancel),
        )
        # Bound methods, never lambdas: Qt then delivers these on the GUI thread.
        self.exporting.progress.connect(self._export_progress)
        self.exporting.done.connect(self._exported)
        self.exporting.failed.connect(self._failed)

    def _export_progress(self, index: int, total: int, text: str) -> None:
        self._progress(index, total, text)

    def _failed(self, message: str) -> None:
        self.export.setEnabled(True)
        self._end_batch()
        self.state.setText(message)

    def _exported(self, rows: list[CohortRow]) -> None:
        self.export.setEnabled(True)
        self._end_batch()
        self.state.setText(export_summary(rows))

    def _choose_and_pack(self) -> None:
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Build EQA pack"),
            str(self.folder / "eqa-pack.zip"),
            self.tr("ZIP (*.zip)"),
        )
        if out:
            self.build_pack_to(Path(out))

    def build_pack_to(self, target: Path) -> None:
        """Build the EQA pack on a worker thread (app.workflow.eqa_pack.build_pack)."""
        folder, jobs = self.folder, self.jobs()
        self.pack.setEnabled(False)
        self._start_batch(0, self.tr("Building the EQA pack…"))
        cancel = self.cancelling
        self.packing = start_task(
            self,
            lambda report: build_pack(folder, target, report=report, jobs=jobs, cancel=cancel),
        )
        self.packing.progress.connect(self._export_progress)
        self.packing.done.connect(self._packed)
        self.packing.failed.connect(self._pack_failed)

    def _packed(self, result: PackResult) -> None:
        self.pack.setEnabled(True)
        self._end_batch()
        left_out = "".join(
            self.tr("; left out {0}: {1}").format(name, why) for name, why in result.skipped.items()
        )
        self.state.setText(
            self.tr("EQA pack written: {0} ({1}, {2}){3}").format(
                result.path,
                self.tr("%n sampled portfolio(s)", "", result.samples),
                self.tr("%n file(s) in its manifest", "", len(result.files)),
                left_out,
            )
        )

    def _pack_failed(self, message: str) -> None:
        self.pack.setEnabled(True)
        self._failed(message)

    def _open(self, index) -> None:  # type: ignore[no-untyped-def]
        from app.ui.application import open_window

        path = self.proxy.index(index.row(), 0).data(Qt.ItemDataRole.UserRole + 1)
        open_window(Path(path), self.settings)


def export_summary(rows: list[CohortRow]) -> str:
    """What a batch export did, in one line: how many exported, which failed, how many were
    cancelled before they started."""
    done = sum(row.ok for row in rows)
    cancelled = sum(row.cancelled for row in rows)
    failed = [row for row in rows if not row.ok and not row.cancelled]
    text = QCoreApplication.translate("CohortWindow", "{0} of {1} exported").format(done, len(rows))
    if cancelled:
        text = QCoreApplication.translate("CohortWindow", "Cancelled: {0}, {1} not started").format(
            text, cancelled
        )
    if failed:
        names = ", ".join(f"{row.source.name} ({row.status})" for row in failed[:3])
        if len(failed) > 3:
            names = QCoreApplication.translate("CohortWindow", "{0} and {1} more").format(
                names, len(failed) - 3
            )
        text = QCoreApplication.translate("CohortWindow", "{0}; not exported: {1}").format(
            text, names
        )
    return QCoreApplication.translate("CohortWindow", "{0}; see cohort-summary.csv").format(text)
