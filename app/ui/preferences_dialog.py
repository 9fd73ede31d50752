"""Settings… : the preferences Folio shares between the window and the command line."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from app import preferences


class PreferencesDialog(QDialog):
    """One form of the user's preferences; OK saves them to the preferences file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        current = preferences.load()
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.email_limit = QSpinBox()
        self.email_limit.setObjectName("preferences.emailLimit")
        self.email_limit.setAccessibleName(self.tr("Email size limit in megabytes"))
        self.email_limit.setRange(1, 10_000)
        self.email_limit.setSuffix(self.tr(" MB"))
        self.email_limit.setValue(current.email_limit_mb)
        form.addRow(self.tr("&Email size limit:"), self.email_limit)
        about = QLabel(
            self.tr(
                "Adding evidence warns before a portfolio passes this size, which most email "
                "services refuse, and offers to downscale photos."
            )
        )
        about.setWordWrap(True)
        form.addRow(about)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        preferences.save(preferences.Preferences(email_limit_mb=self.email_limit.value()))
        super().accept()
