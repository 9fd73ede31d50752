"""The assessment record's pages: the plan and its reviews, and the methods records with the
questions of a questioning or discussion.

The store decides who may write what (app/store/staff_records.py); these pages show its
answer: an assessor edits everything not locked by a sign-off, a learner adds and edits the
witness testimonies they collected and answers a review, an IQA reads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from app.store.staff_records import QUESTION_METHODS
from app.ui.session import PortfolioSession
from app.ui.stage_page import StagePage
from app.ui.tool_pages import ToolPage


class _AssessmentToolPage(ToolPage):
    """A page of the assessment record: lists and forms like a tool's, with no line about
    which marking points use it (the record serves them all)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.uses.hide()

    def build(self) -> None:
        if self.built:
            return
        super().build()
        for page in self.lists.values():
            # records keep their order by date; the room goes to the form instead
            for key in ("up", "down"):
                page.buttons[key].hide()
            page.splitter.setSizes([330, 470])


class ReviewAnswerBox(QGroupBox):
    """The learner's answer to the selected review: typed, accepted or not, signed with their
    name. The learner writes it; staff read it."""

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Answer this review"), parent)
        self.setObjectName("review.answer")
        self.session = session
        self.review_id: int | None = None
        self.state = QLabel()
        self.state.setObjectName("review.answerState")
        self.state.setWordWrap(True)
        self.response = QPlainTextEdit()
        self.response.setObjectName("review.response")
        self.response.setAccessibleName(self.tr("Your response to the feedback"))
        self.response.setTabChangesFocus(True)
        self.response.setMaximumHeight(110)
        self.accepts = QCheckBox(self.tr("I &accept the feedback"))
        self.accepts.setObjectName("review.accepts")
        self.accepts.setAccessibleName(self.tr("I accept the feedback"))
        self.name = QLineEdit()
        self.name.setObjectName("review.name")
        self.name.setAccessibleName(self.tr("Your name, typed as your signature"))
        self.name.setPlaceholderText(self.tr("type your name to sign"))
        self.send = QPushButton(self.tr("Sign and &send answer"))
        self.send.setObjectName("review.send")
        self.send.clicked.connect(self._send)
        self.problem = QLabel()
        self.problem.setObjectName("review.problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.state)
        response_label = QLabel(self.tr("&Your response"))
        response_label.setBuddy(self.response)
        form.addRow(response_label, self.response)
        form.addRow(self.accepts)
        name_label = QLabel(self.tr("Your &name (signature)"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        row = QHBoxLayout()
        row.addWidget(self.send)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.problem)

    def show_review(self, review_id: int | None) -> None:
        self.review_id = review_id
        review = None if review_id is None else self.session.item("assessment_review", review_id)
        self.setVisible(review is not None)
        if review is None:
            return
        learner = self.session.store.role == "learner"
        self.setTitle(self.tr("Answer this review") if learner else self.tr("The learner's answer"))
        if review.learner_signed_name:
            self.state.setText(
                (
                    self.tr("Answered by {0} on {1}: accepts the feedback.")
                    if review.learner_accepts
                    else self.tr("Answered by {0} on {1}: does not accept it.")
                ).format(review.learner_signed_name, f"{review.learner_signed_on:%d/%m/%Y}")
            )
        else:
            self.state.setText(
                self.tr(
                    "Not answered yet. Say what you make of the feedback, tick whether you "
                    "accept it, and type your name to sign."
                )
                if learner
                else self.tr("The learner has not answered this review yet.")
            )
        if not self.response.hasFocus():
            self.response.setPlainText(review.learner_response)
        self.accepts.setChecked(bool(review.learner_accepts))
        if not self.name.hasFocus():
            self.name.setText(
                review.learner_signed_name
                or (self.session.document.learner_name if learner else "")
            )
        for widget in (self.response, self.name):
            widget.setReadOnly(not learner)
        self.accepts.setEnabled(learner)
        self.send.setVisible(learner)
        self.problem.clear()

    def _send(self) -> None:
        if self.review_id is None:
            return
        if not self.session.respond_to_review(
            self.review_id,
            self.response.toPlainText(),
            self.accepts.isChecked(),
            self.name.text(),
        ):
            self.problem.setText(self.tr("Not sent: {0}.").format(self.session.last_error))


class PlanReviewsPage(_AssessmentToolPage):
    """The assessment plan's activities, and the reviews with the learner's answer."""

    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Assessment › Plan and reviews"),
            self.tr(
                "What the assessor plans to assess, how and when, and the reviews of progress "
                "against it; the learner answers each review's feedback here."
            ),
            (("plan_activity", None), ("assessment_review", None)),
            stage="assessment_plan",
        )

    def setup(self) -> None:
        reviews = self.lists["assessment_review"]
        self.answer = ReviewAnswerBox(self.session)
        # the learner's part of a review comes first for them; staff read it after the review
        learner = self.session.store.role == "learner"
        reviews.form_layout.insertWidget(1 if learner else 2, self.answer)
        reviews.shown.connect(self.answer.show_review)
        self.answer.show_review(reviews.selected_id)


class RecordsPage(_AssessmentToolPage):
    """The assessment records; beside a questioning or discussion record, its questions."""

    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Assessment › Records"),
            self.tr(
                "The assessor's records of each assessment method (observation, questioning, "
                "professional discussion, product evidence, prior learning) and the witness "
                "testimonies; a record a signed decision relied on is locked as signed."
            ),
            (("assessment_record", None), ("record_question", "record_id")),
            stage="assessment_records",
        )

    def setup(self) -> None:
        records, questions = self.lists["assessment_record"], self.lists["record_question"]
        self.tabs.clear()
        self.side = side = QSplitter(Qt.Orientation.Vertical)
        side.setChildrenCollapsible(False)
        side.addWidget(records)
        side.addWidget(questions)
        side.setSizes([470, 290])
        records.show()
        self.tabs.insertTab(0, side, self.tr("Records and questions"))
        self.tabs.tabBar().hide()
        self.tabs.setCurrentIndex(0)
        records.shown.connect(self._record_shown)
        self._record_shown(records.selected_id)

    def _record_shown(self, record_id: int | None) -> None:
        """Questions belong to questioning and professional discussion only."""
        questions = self.lists["record_question"]
        record = None if record_id is None else self.session.item("assessment_record", record_id)
        asks = record is not None and record.method in QUESTION_METHODS
        questions.set_scope(record_id if asks else None)
        if asks and not questions.isVisible():
            questions.setVisible(True)
            total = sum(self.side.sizes()) or 760
            self.side.setSizes([total * 3 // 5, total - total * 3 // 5])
        questions.setVisible(asks)

    def page_for(self, kind: str | None) -> StagePage | None:
        self.build()
        return self.lists.get(kind or "", self.lists["assessment_record"])
