"""The assessor's page: a judgement and feedback per marking point, then the decision and
sign-off. Learners see the same page read-only, with the feedback."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
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
        self.sign = QPushButton("&Sign off")
        self.sign.setObjectName("assess.sign")
        self.sign.clicked.connect(self._sign)
        decision_box.addRow("&Decision", self.decision)
        decision_box.addRow("&Action points", self.action_points)
        decision_box.addRow("", self.sign)
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
        latest = document.latest_submission
        assessor = self.session.store.role == "assessor"
        judged = {}
        if latest is not None:
            for record in document.assessments:
                if record.submission_id == latest.id:
                    judged[record.marking_point_id] = record
        decision = next(
            (d for d in document.decisions if latest is not None and d.submission_id == latest.id),
            None,
        )
        for point in self.session.result.points:
            judgement, feedback, status = self.rows[point.marking_point_id]
            status.setPixmap(status_icon(point.status).pixmap(16, 16))
            status.setToolTip(f"Checker: {point.status.label}")
            record = judged.get(point.marking_point_id)
            judgement.setCurrentIndex(judgement.findData(record.judgement if record else ""))
            if not feedback.hasFocus():
                feedback.setText(record.feedback if record else "")
            editable = assessor and latest is not None and decision is None
            judgement.setEnabled(editable)
            feedback.setReadOnly(not editable)
        can_mark = assessor and latest is not None and decision is None
        self.record.setEnabled(can_mark)
        self.sign.setEnabled(can_mark)
        self.decision.setEnabled(can_mark)
        self.action_points.setReadOnly(not can_mark)
        if latest is None:
            self.about.setText(
                "Nothing has been submitted yet; an assessor marks a submitted version."
            )
        elif decision is not None:
            self.about.setText(
                f"Version {latest.version} was signed off by "
                f"{decision.assessor_name} on {decision.signed_on:%d %B %Y}: "
                f"{decision.decision}."
            )
            self.decision.setCurrentIndex(self.decision.findData(decision.decision))
            self.action_points.setPlainText(decision.action_points)
        else:
            self.about.setText(
                f"Version {latest.version}, submitted by "
                f"{latest.submitted_by}. Digest {latest.digest[:16]}…"
            )

    def _record(self) -> None:
        values = {
            point_id: (judgement.currentData(), feedback.text())
            for point_id, (judgement, feedback, _status) in self.rows.items()
        }
        self._run(lambda: self.session.assess(values))

    def _sign(self) -> None:
        self._record()
        if not self.problem.text():
            self._run(
                lambda: self.session.sign_off(
                    self.decision.currentData(), self.action_points.toPlainText()
                )
            )

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except FolioError as error:
            self.problem.setText(error.message)
            return
        self.problem.clear()
