"""Export… : Word, PDF or HTML, draft or final, run off the GUI thread; a staff member with a
key can sign the final PDF of a signed-off version (the passphrase is asked for first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, Signal
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

FORMAT_LABELS = {
    "docx": QT_TRANSLATE_NOOP("ExportDialog", "&Word (.docx)"),
    "pdf": QT_TRANSLATE_NOOP("ExportDialog", "&PDF"),
    "html": QT_TRANSLATE_NOOP("ExportDialog", "&HTML (web page)"),
}


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
        self.setWindowTitle(self.tr("Export portfolio"))
        self.setObjectName("exportDialog")
        self.source = source
        self.result = result
        layout = QVBoxLayout(self)
        self.formats = QButtonGroup(self)
        row = QHBoxLayout()
        for index, (fmt, label) in enumerate(FORMAT_LABELS.items()):
            button = QRadioButton(self.tr(label))
            button.setObjectName(f"export.{fmt}")
            button.setProperty("format", fmt)
            self.formats.addButton(button, index)
            row.addWidget(button)
            button.toggled.connect(self._suggest)
        layout.addLayout(row)
        self.draft = QCheckBox(self.tr("&Draft: mark every page DRAFT and list what is missing"))
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
            more = "\n" + self.tr("… and {0} more").format(len(lines) - 6) if len(lines) > 6 else ""
            self.reasons.setText(
                self.tr(
                    "A final copy needs every marking point met ({0} of {1} are). Only a draft "
                    "can be exported now:"
                ).format(result.met_count, len(result.points))
                + f"\n{shown}{more}"
            )
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("export.path")
        self.path.setAccessibleName(self.tr("Save as"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(QLabel(self.tr("Save as")))
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        layout.addLayout(path_row)
        self.open_when_done = QCheckBox(self.tr("&Open when done"))
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
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.export_button = buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
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
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export as"), self.path.text())
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
            self.state.setText(self.tr("Not exported: {0}").format(error.message))
            return False

    def start(self) -> None:
        target = Path(self.path.text()).expanduser()
        fmt, draft, source = self.chosen_format(), self.draft.isChecked(), self.source
        signer = self._signer(fmt, draft)
        if signer is False:
            return
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy
        self.state.setText(self.tr("Exporting…"))

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
        self.state.setText(self.tr("Saved {0}").format(path))
        self.finished_export.emit(path)
        if self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.export_button.setEnabled(True)
        self.state.setText(self.tr("Not exported: {0}").format(message))

    def done(self, result: int) -> None:
        """Closing waits for a running export, so no file is left half-written."""
        task = getattr(self, "task", None)
        thread = getattr(task, "thread_ref", None)
        if thread is not None and isValid(thread) and thread.isRunning():
            thread.quit()
            thread.wait()
        super().done(result)
