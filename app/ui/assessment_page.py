"""The assessor's page: a judgement and feedback per marking point, then the decision and
its signed sign-off. Learners see the same page read-only, with the feedback. The decision's
trust (what verify found) is shown beside it; signing asks for the staff key's passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import FolioError
from app.ui.session import PortfolioSession
from app.ui.status_icons import status_icon

JUDGEMENTS = {"": "Not judged", "met": "Met", "not-yet": "Not yet met"}


class AssessmentPage(QWidget):
    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        heading = QLabel("Assessment")
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #4b5563;")
        self.rows: dict[str, tuple[QComboBox, QLineEdit, QLabel]] = {}
        grid = QWidget()
        form = QVBoxLayout(grid)
        for point in session.unit.marking_points:
            title = QLabel(f"<b>{point.short_id}</b> {point.text}")
            title.setWordWrap(True)
            status = QLabel()
            judgement = QComboBox()
            judgement.setObjectName(f"assess.{point.short_id}.judgement")
            judgement.setAccessibleName(f"{point.short_id} judgement")
            for value, text in JUDGEMENTS.items():
                judgement.addItem(text, value)
            feedback = QLineEdit()
            feedback.setObjectName(f"assess.{point.short_id}.feedback")
            feedback.setAccessibleName(f"{point.short_id} feedback")
            feedback.setPlaceholderText("Feedback to the learner")
            row = QHBoxLayout()
            row.addWidget(status)
            row.addWidget(judgement)
            row.addWidget(feedback, 1)
            form.addWidget(title)
            form.addLayout(row)
            self.rows[point.id] = (judgement, feedback, status)
        self.record = QPushButton("&Record judgements")
        self.record.setObjectName("assess.record")
        self.record.clicked.connect(self._record)
        form.addWidget(self.record)
        decision_box = QFormLayout()
        self.decision = QComboBox()
        self.decision.setObjectName("assess.decision")
        self.decision.addItem("Competent", "competent")
        self.decision.addItem("Refer", "refer")
        self.action_points = QPlainTextEdit()
        self.action_points.setObjectName("assess.action_points")
        self.action_points.setMaximumHeight(80)
        self.sign = QPushButton(self.tr("&Sign off…"))
        self.sign.setObjectName("assess.sign")
        self.sign.clicked.connect(self._sign)
        self.reopen = QPushButton(self.tr("&Reopen…"))
        self.reopen.setObjectName("assess.reopen")
        self.reopen.setToolTip(self.tr("Void the sign-off, saying why, to judge again"))
        self.reopen.clicked.connect(self._reopen)
        self.countersign = QPushButton(self.tr("&Countersign (IQA)…"))
        self.countersign.setObjectName("assess.countersign")
        self.countersign.clicked.connect(self._countersign)
        buttons = QHBoxLayout()
        for button in (self.sign, self.reopen, self.countersign):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.trust = QLabel()
        self.trust.setObjectName("assess.trust")
        self.trust.setWordWrap(True)
        self.key_state = QLabel()
        self.key_state.setObjectName("assess.key")
        self.key_state.setWordWrap(True)
        self.key_state.setStyleSheet("color: #4b5563;")
        decision_box.addRow(self.tr("&Decision"), self.decision)
        decision_box.addRow(self.tr("&Action points"), self.action_points)
        decision_box.addRow("", buttons)
        decision_box.addRow(self.tr("Signature"), self.trust)
        decision_box.addRow("", self.key_state)
        form.addLayout(decision_box)
        self.problem = QLabel()
        self.problem.setObjectName("assess.problem")
        self.problem.setStyleSheet("color: #b91c1c;")
        form.addWidget(self.problem)
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.about)
        layout.addWidget(scroll, 1)
        self.refresh()

    def refresh(self) -> None:
        document = self.session.document
        current = document.current_submission
        role = self.session.store.role
        judged = document.judgements_for(current) if current is not None else {}
        decision = document.decision_for(current) if current is not None else None
        for point in self.session.result.points:
            judgement, feedback, status = self.rows[point.marking_point_id]
            status.setPixmap(status_icon(point.status).pixmap(16, 16))
            status.setToolTip(f"Checker: {point.status.label}")
            record = judged.get(point.marking_point_id)
            judgement.setCurrentIndex(judgement.findData(record.judgement if record else ""))
            if not feedback.hasFocus():
                feedback.setText(record.feedback if record else "")
            editable = role == "assessor" and current is not None and decision is None
            judgement.setEnabled(editable)
            feedback.setReadOnly(not editable)
        can_mark = role == "assessor" and current is not None and decision is None
        has_key = self.session.staff_certificate() is not None
        self.record.setEnabled(can_mark)
        self.sign.setEnabled(can_mark and has_key)
        self.decision.setEnabled(can_mark)
        self.action_points.setReadOnly(not can_mark)
        self.reopen.setEnabled(role != "learner" and decision is not None)
        self.countersign.setVisible(role == "iqa")
        self.countersign.setEnabled(role == "iqa" and decision is not None and has_key)
        self._show_key(role, has_key)
        self._show_trust(current)
        if current is None:
            self.about.setText(
                self.tr("Version {0} is a draft; an assessor marks a submitted version.").format(
                    document.draft_version
                )
                if document.submissions
                else self.tr(
                    "Nothing has been submitted yet; an assessor marks a submitted version."
                )
            )
        elif decision is not None:
            self.about.setText(
                f"Version {current.version} was signed off by "
                f"{decision.assessor_name} on {decision.signed_on:%d %B %Y}: "
                f"{decision.decision}."
            )
            self.decision.setCurrentIndex(self.decision.findData(decision.decision))
            self.action_points.setPlainText(decision.action_points)
        else:
            self.about.setText(
                f"Version {current.version}, submitted by "
                f"{current.submitted_by}. Digest {current.digest[:16]}…"
            )

    def _show_key(self, role: str, has_key: bool) -> None:
        if role == "learner":
            self.key_state.clear()
        elif has_key:
            self.key_state.setText(self.tr("Signing as {0}.").format(self.session.signer_label()))
        else:
            self.key_state.setText(
                self.tr(
                    "No staff key for {0} on this machine: you can record judgements, but "
                    "signing off needs a key from your centre (folio key add)."
                ).format(self.session.staff_name or self.tr("you"))
            )

    def _show_trust(self, current) -> None:  # type: ignore[no-untyped-def]
        """The decision's signature as verify sees it: verified, unsigned or altered."""
        if current is None or self.session.document.decision_for(current) is None:
            self.trust.setText(self.tr("Not signed off."))
            self.trust.setStyleSheet("color: #4b5563;")
            return
        report = self.session.verification()
        version = next((v for v in report.versions if v.version == current.version), None)
        text = report.trust() if report.altered or version is None else version.trust()
        good = text.startswith("signed by")
        self.trust.setText(text)
        self.trust.setStyleSheet("color: #15803d;" if good else "color: #b91c1c; font-weight: 600;")

    def _passphrase(self, action: str) -> str | None:
        """Ask for the staff key's passphrase (never echoed); None when cancelled."""
        text, ok = QInputDialog.getText(
            self,
            action,
            self.tr("Passphrase for {0}:").format(self.session.signer_label()),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _record(self) -> None:
        values = {
            point_id: (judgement.currentData(), feedback.text())
            for point_id, (judgement, feedback, _status) in self.rows.items()
        }
        self._run(lambda: self.session.assess(values))

    def _sign(self) -> None:
        self._record()
        if self.problem.text():
            return
        passphrase = self._passphrase(self.tr("Sign off"))
        if passphrase is not None:
            self._run(
                lambda: self.session.sign_off(
                    self.decision.currentData(), self.action_points.toPlainText(), passphrase
                )
            )
        self.refresh()

    def _reopen(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Reopen"), self.tr("Why reopen this decision? (kept in the record)")
        )
        if not ok:
            return
        passphrase = self._passphrase(self.tr("Reopen")) if self.session.staff_certificate() else ""
        if passphrase is not None:
            self._run(lambda: self.session.reopen(reason, passphrase))
        self.refresh()

    def _countersign(self) -> None:
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Countersign"), self.tr("IQA comment (optional)")
        )
        if not ok:
            return
        passphrase = self._passphrase(self.tr("Countersign"))
        if passphrase is not None:
            self._run(lambda: self.session.countersign(comment, passphrase))
        self.refresh()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except FolioError as error:
            self.problem.setText(error.message)
            return
        self.problem.clear()
