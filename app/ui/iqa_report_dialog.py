"""The IQA's report on a sampled portfolio: agree or disagree with the assessor's decision,
comments, action points for the assessor, and why it was sampled. Presentation only: what a
report needs (action points when disagreeing, a signed decision to review) is the store's
rule, and its refusal is shown here with nothing typed lost."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class IqaReportDialog(QDialog):
    """Collects the report; the page signs it with the IQA's key."""

    def __init__(self, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("IQA report"))
        self.setMinimumWidth(520)
        self.agree = QRadioButton(self.tr("I &agree with the assessor's decision"))
        self.disagree = QRadioButton(self.tr("I &disagree with it"))
        self.agree.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.agree, self.disagree):
            group.addButton(button)
        self.comments = QPlainTextEdit()
        self.comments.setObjectName("iqa.comments")
        self.comments.setAccessibleName(self.tr("IQA comments"))
        self.comments.setPlaceholderText(
            self.tr("What you sampled and what you found: evidence, judgements, feedback")
        )
        self.action_points = QPlainTextEdit()
        self.action_points.setObjectName("iqa.action_points")
        self.action_points.setAccessibleName(self.tr("Action points for the assessor"))
        self.action_points.setPlaceholderText(self.tr("Needed when you disagree"))
        self.action_points.setMaximumHeight(90)
        self.reason = QLineEdit(reason)
        self.reason.setObjectName("iqa.reason")
        self.reason.setAccessibleName(self.tr("Why this portfolio was sampled"))
        self.reason.setPlaceholderText(self.tr("e.g. new assessor; unit sampled this term"))
        self.problem = QLabel()
        self.problem.setObjectName("iqa.problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.agree)
        form.addRow(self.disagree)
        form.addRow(self.tr("&Comments"), self.comments)
        form.addRow(self.tr("Action &points for the assessor"), self.action_points)
        form.addRow(self.tr("&Why sampled"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign.setText(self.tr("&Sign report…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> tuple[bool, str, str, str]:
        """(agrees, comments, action points, why sampled)."""
        return (
            self.agree.isChecked(),
            self.comments.toPlainText(),
            self.action_points.toPlainText(),
            self.reason.text(),
        )
