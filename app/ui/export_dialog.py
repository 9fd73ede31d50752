"""Export… : Word, PDF or HTML, draft or final, run off the GUI thread; a staff member with a
key can sign the final PDF of a signed-off version (the passphrase is asked for first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.checker import CheckResult
from app.errors import FolioError
from app.export.service import export_portfolio
from app.store import PortfolioStore
from app.store.evidence_io import safe_file_name
from app.trust.keystore import Signer
from app.ui.background import start_task

FORMAT_LABELS = {"docx": "&Word (.docx)", "pdf": "&PDF", "html": "&HTML (web page)"}


class ExportDialog(QDialog):
    finished_export = Signal(object)

    def __init__(
        self,
        source: Path,
        result: CheckResult,
        learner: str,
        parent: QWidget | None = None,
        unlock: Callable[[str], Signer] | None = None,
        signer_label: str = "",
    ) -> None:
        """``unlock`` turns a passphrase into the user's signer; given only when the user has
        a staff key and the version being assessed is signed off."""
        super().__init__(parent)
        self.unlock = unlock
        self.signer_label = signer_label
        self.setWindowTitle("Export portfolio")
        self.setObjectName("exportDialog")
        self.source = source
        self.result = result
        layout = QVBoxLayout(self)
        self.formats = QButtonGroup(self)
        row = QHBoxLayout()
        for index, (fmt, label) in enumerate(FORMAT_LABELS.items()):
            button = QRadioButton(label)
            button.setObjectName(f"export.{fmt}")
            button.setProperty("format", fmt)
            self.formats.addButton(button, index)
            row.addWidget(button)
            button.toggled.connect(self._suggest)
        layout.addLayout(row)
        self.draft = QCheckBox("&Draft: mark every page DRAFT and list what is missing")
        self.draft.setObjectName("export.draft")
        layout.addWidget(self.draft)
        self.sign = QCheckBox(self.tr("&Sign the PDF as {0}").format(signer_label))
        self.sign.setObjectName("export.sign")
        self.sign.setVisible(unlock is not None)
        self.sign.setChecked(unlock is not None)
        layout.addWidget(self.sign)
        self.reasons = QLabel()
        self.reasons.setObjectName("export.reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("color: #92400e;")
        layout.addWidget(self.reasons)
        if not result.complete:
            self.draft.setChecked(True)
            self.draft.setEnabled(False)
            lines = result.gap_list()
            shown = "\n".join(f"• {line}" for line in lines[:6])
            more = f"\n… and {len(lines) - 6} more" if len(lines) > 6 else ""
            self.reasons.setText(
                f"A final copy needs every marking point met ({result.met_count} of "
                f"{len(result.points)} are). Only a draft can be exported now:\n{shown}{more}"
            )
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("export.path")
        self.path.setAccessibleName("Save as")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        path_row.addWidget(QLabel("Save as"))
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        layout.addLayout(path_row)
        self.open_when_done = QCheckBox("&Open when done")
        self.open_when_done.setChecked(True)
        layout.addWidget(self.open_when_done)
        self.progress = QProgressBar()
        self.progress.setObjectName("export.progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.state = QLabel()
        self.state.setObjectName("export.state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export.go")
        self.export_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._stem = safe_file_name(f"{learner} - {result.unit_id}")
        self.formats.button(1).setChecked(True)
        self.resize(620, 360)

    def chosen_format(self) -> str:
        return self.formats.checkedButton().property("format")

    def _suggest(self) -> None:
        fmt = self.chosen_format()
        current = Path(self.path.text()) if self.path.text() else self.source.parent / self._stem
        self.path.setText(str(current.with_suffix(f".{fmt}")))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export as", self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _signer(self, fmt: str, draft: bool) -> Signer | bool | None:
        """The signer for this export, None for none, False when the user cancelled."""
        if self.unlock is None or not self.sign.isChecked() or fmt != "pdf" or draft:
            return None
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("Sign the PDF"),
            self.tr("Passphrase for {0}:").format(self.signer_label),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        try:
            return self.unlock(passphrase)
        except FolioError as error:
            self.state.setText(f"Not exported: {error.message}")
            return False

    def start(self) -> None:
        target = Path(self.path.text()).expanduser()
        fmt, draft, source = self.chosen_format(), self.draft.isChecked(), self.source
        signer = self._signer(fmt, draft)
        if signer is False:
            return
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy
        self.state.setText("Exporting…")

        def work(_report) -> Path:  # type: ignore[no-untyped-def]
            # Its own connection: SQLite connections stay in the thread that made them.
            with PortfolioStore.open(source) as store:
                return export_portfolio(store, fmt, target, draft=draft, signer=signer).path

        self.task = start_task(self, work)
        self.task.done.connect(self._done)
        self.task.failed.connect(self._failed)

    def _done(self, path: Path) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.export_button.setEnabled(True)
        self.state.setText(f"Saved {path}")
        self.finished_export.emit(path)
        if self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.export_button.setEnabled(True)
        self.state.setText(f"Not exported: {message}")

    def done(self, result: int) -> None:
        """Closing waits for a running export, so no file is left half-written."""
        task = getattr(self, "task", None)
        thread = getattr(task, "thread_ref", None)
        if thread is not None and isValid(thread) and thread.isRunning():
            thread.quit()
            thread.wait()
        super().done(result)
