"""Submit…: confirm the declaration with your typed name and freeze this version."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import FolioError
from app.ui.session import PortfolioSession


class SubmitDialog(QDialog):
    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Submit portfolio"))
        self.setObjectName("submitDialog")
        self.session = session
        result = session.current_result()
        declaration = session.document.declaration
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Submitting freezes version {0}: it becomes read-only, and your assessor marks "
                "exactly this. You can start a new draft afterwards."
            ).format(session.document.draft_version)
        )
        intro.setObjectName("submit.intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # the declaration as the portfolio holds it: the words the learner signs
        statement = QLabel(declaration.statement if declaration else "")
        statement.setObjectName("submit.statement")
        statement.setWordWrap(True)
        statement.setVisible(declaration is not None)
        layout.addWidget(statement)
        form = QFormLayout()
        self.name = QLineEdit(session.document.learner_name)
        self.name.setObjectName("submit.name")
        self.name.setAccessibleName(self.tr("Your name (signature)"))
        form.addRow(self.tr("Your &name"), self.name)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("submit.reason")
        self.reason.setAccessibleName(self.tr("Why you submit with marking points not met"))
        self.reason.setMaximumHeight(90)
        if not result.complete:
            missing = len(result.points) - result.met_count
            warning = QLabel(
                self.tr(
                    "{0} of {1} marking points are not met. Say why you are submitting now:"
                ).format(missing, len(result.points))
            )
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #92400e;")
            layout.addWidget(warning)
            form.addRow(self.tr("&Reason"), self.reason)
        else:
            self.reason.hide()
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("submit.problem")
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.submit_button = buttons.addButton(
            self.tr("&Submit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("submit.go")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _submit(self) -> None:
        try:
            self.session.submit(self.name.text(), dt.date.today(), self.reason.toPlainText())
        except FolioError as error:
            self.problem.setText(error.message)
            return
        self.accept()
