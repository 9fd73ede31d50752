"""The portfolio itself: learner and submission details, the declaration, the unit it targets."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, utc_now

if TYPE_CHECKING:
    from app.models.assessment import (
        AssessmentRecord,
        AssessmentReview,
        IqaReport,
        PlanActivity,
        RecordQuestion,
    )
    from app.models.audit import AuditEntry
    from app.models.evidence import EvidenceFile, EvidenceLink
    from app.models.signature import RecordSignature, StaffCertificate
    from app.models.stages import ActionItem, AnalysisFinding, FeedbackItem, LogEntry, Metric
    from app.models.submission import Assessment, AssessmentDecision, Submission
    from app.models.tools import (
        CaseTechnique,
        ComplaintCase,
        DecisionCriterion,
        DecisionOption,
        JourneyTouchpoint,
        LegislationLink,
        MetricReading,
        ProcessLane,
        ProcessStep,
        RaterScore,
    )

_ORDERED = {"lazy": "raise", "cascade": "all, delete-orphan", "passive_deletes": True}


class Portfolio(Base):
    """One learner's portfolio for one unit. A .folio file holds exactly one."""

    __tablename__ = "portfolio"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[str] = mapped_column(comment="Catalogue id of the unit, e.g. journey-review")
    qualification_title: Mapped[str] = mapped_column(default="")
    learner_name: Mapped[str]
    candidate_number: Mapped[str] = mapped_column(default="", comment="Candidate/enrolment no.")
    registration_number: Mapped[str] = mapped_column(
        default="", server_default="", comment="Awarding body's learner registration number"
    )
    employer_contact: Mapped[str] = mapped_column(
        default="", server_default="", comment="Employer's contact (line manager) for reviews"
    )
    centre_name: Mapped[str] = mapped_column(default="")
    centre_number: Mapped[str] = mapped_column(default="")
    assessor_name: Mapped[str] = mapped_column(default="")
    started_on: Mapped[dt.date | None]
    submission_due_on: Mapped[dt.date | None]
    submitted_on: Mapped[dt.date | None]
    workplace: Mapped[str] = mapped_column(default="", comment="Organisation the work is set in")
    evaluation_narrative: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(
        default="draft", server_default="draft", comment="draft | submitted"
    )
    draft_version: Mapped[int] = mapped_column(
        default=1, server_default="1", comment="The version being worked on or last submitted"
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now)

    declaration: Mapped[Declaration | None] = relationship(
        back_populates="portfolio", lazy="raise", cascade="all, delete-orphan"
    )
    unit_snapshot: Mapped[UnitSnapshot | None] = relationship(
        lazy="raise", cascade="all, delete-orphan"
    )
    feedback_items: Mapped[list[FeedbackItem]] = relationship(
        order_by="FeedbackItem.position", **_ORDERED
    )
    findings: Mapped[list[AnalysisFinding]] = relationship(
        order_by="AnalysisFinding.position", **_ORDERED
    )
    actions: Mapped[list[ActionItem]] = relationship(order_by="ActionItem.position", **_ORDERED)
    log_entries: Mapped[list[LogEntry]] = relationship(order_by="LogEntry.position", **_ORDERED)
    metrics: Mapped[list[Metric]] = relationship(order_by="Metric.position", **_ORDERED)
    evidence_files: Mapped[list[EvidenceFile]] = relationship(
        order_by="EvidenceFile.position", **_ORDERED
    )
    evidence_links: Mapped[list[EvidenceLink]] = relationship(
        order_by="EvidenceLink.id", **_ORDERED
    )
    touchpoints: Mapped[list[JourneyTouchpoint]] = relationship(
        order_by="JourneyTouchpoint.position", **_ORDERED
    )
    lanes: Mapped[list[ProcessLane]] = relationship(order_by="ProcessLane.position", **_ORDERED)
    process_steps: Mapped[list[ProcessStep]] = relationship(
        order_by="ProcessStep.position", **_ORDERED
    )
    options: Mapped[list[DecisionOption]] = relationship(
        order_by="DecisionOption.position", **_ORDERED
    )
    criteria: Mapped[list[DecisionCriterion]] = relationship(
        order_by="DecisionCriterion.position", **_ORDERED
    )
    readings: Mapped[list[MetricReading]] = relationship(
        order_by="MetricReading.position", **_ORDERED
    )
    legislation_links: Mapped[list[LegislationLink]] = relationship(
        order_by="LegislationLink.position", **_ORDERED
    )
    cases: Mapped[list[ComplaintCase]] = relationship(order_by="ComplaintCase.position", **_ORDERED)
    case_techniques: Mapped[list[CaseTechnique]] = relationship(
        order_by="CaseTechnique.position", **_ORDERED
    )
    rater_scores: Mapped[list[RaterScore]] = relationship(
        order_by="RaterScore.position", **_ORDERED
    )
    records: Mapped[list[AssessmentRecord]] = relationship(
        order_by="AssessmentRecord.position", **_ORDERED
    )
    record_questions: Mapped[list[RecordQuestion]] = relationship(
        order_by="RecordQuestion.position", **_ORDERED
    )
    plan_activities: Mapped[list[PlanActivity]] = relationship(
        order_by="PlanActivity.position", **_ORDERED
    )
    reviews: Mapped[list[AssessmentReview]] = relationship(
        order_by="AssessmentReview.position", **_ORDERED
    )
    iqa_reports: Mapped[list[IqaReport]] = relationship(order_by="IqaReport.id", **_ORDERED)
    audit_entries: Mapped[list[AuditEntry]] = relationship(order_by="AuditEntry.id", **_ORDERED)
    submissions: Mapped[list[Submission]] = relationship(order_by="Submission.version", **_ORDERED)
    assessments: Mapped[list[Assessment]] = relationship(order_by="Assessment.id", **_ORDERED)
    decisions: Mapped[list[AssessmentDecision]] = relationship(
        order_by="AssessmentDecision.id", **_ORDERED
    )
    signatures: Mapped[list[RecordSignature]] = relationship(
        order_by="RecordSignature.id", **_ORDERED
    )
    certificates: Mapped[list[StaffCertificate]] = relationship(
        order_by="StaffCertificate.id", **_ORDERED
    )

    @property
    def latest_submission(self) -> Submission | None:
        return self.submissions[-1] if self.submissions else None

    @property
    def current_submission(self) -> Submission | None:
        """The submission being assessed: the latest, unless a new draft has begun since."""
        latest = self.latest_submission
        if latest is None or self.status != "submitted" or latest.version != self.draft_version:
            return None
        return latest

    def decision_for(self, submission: Submission) -> AssessmentDecision | None:
        """The current (not reopened) decision on ``submission``."""
        return next(
            (
                d
                for d in self.decisions
                if d.submission_id == submission.id and d.reopened_at is None
            ),
            None,
        )

    def judgements_for(self, submission: Submission) -> dict[str, Assessment]:
        """Marking point id -> the latest judgement of it on ``submission``."""
        return {a.marking_point_id: a for a in self.assessments if a.submission_id == submission.id}


class Declaration(Base):
    """The learner's declaration that the work is their own."""

    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), unique=True
    )
    statement: Mapped[str] = mapped_column(Text)
    signed_name: Mapped[str] = mapped_column(default="", comment="Typed name, acts as signature")
    signed_on: Mapped[dt.date | None]

    portfolio: Mapped[Portfolio] = relationship(back_populates="declaration", lazy="raise")

    @property
    def is_signed(self) -> bool:
        return bool(self.signed_name.strip()) and self.signed_on is not None


class UnitSnapshot(Base):
    """A copy of the unit definition the portfolio was made for.

    It travels inside the file, so an assessor who lacks a tutor-imported unit can still read
    and check the portfolio.
    """

    __tablename__ = "unit_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), unique=True
    )
    unit_id: Mapped[str]
    definition_json: Mapped[str] = mapped_column(Text, comment="Unit file as JSON text")


DEFAULT_DECLARATION = (
    "I confirm that the evidence in this portfolio is my own work, that it was produced in the "
    "workplace or situations described, and that any contribution from others is clearly "
    "identified and attributed."
)
