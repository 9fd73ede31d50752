"""The assessor's and the IQA's records, kept beside the learner's work in the same file.

These are what a centre keeps as the assessment record: the methods of assessment
(observation, questioning, professional discussion, witness testimony, product evidence,
recognition of prior learning), the assessment plan and its reviews, and the internal quality
assurer's report on a sampled portfolio.

They are staff records, not learner content: they are left out of the learner's submission
digest, written under the staff guard, and once a signed decision relies on a record, a plan
activity or a review it is locked (``locked_version``) and its content is part of what the
assessor signed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, portfolio_fk, utc_now


class AssessmentRecord(Base):
    """One use of an assessment method: who, when, where, what was seen or said, and the
    judgement made of it, mapped to the marking points it gives evidence for."""

    __tablename__ = "assessment_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    method: Mapped[str] = mapped_column(comment="Vocabulary: ASSESSMENT_METHODS")
    held_on: Mapped[dt.date | None] = mapped_column(comment="When it took place")
    location: Mapped[str] = mapped_column(default="", comment="Where: workplace, site, online")
    recorded_by: Mapped[str] = mapped_column(
        default="assessor", comment="Vocabulary: RECORDED_BY (assessor | learner)"
    )
    assessor_name: Mapped[str] = mapped_column(default="", comment="Assessor who made it")
    witness_name: Mapped[str] = mapped_column(default="")
    witness_role: Mapped[str] = mapped_column(default="", comment="Job title")
    witness_relationship: Mapped[str] = mapped_column(
        default="", comment="Relationship to the learner (line manager, colleague …)"
    )
    witness_contact: Mapped[str] = mapped_column(default="", comment="Email or phone")
    expert_witness: Mapped[bool] = mapped_column(
        default=False, comment="The witness holds occupational expertise (expert witness)"
    )
    activity: Mapped[str] = mapped_column(
        Text, default="", comment="The activity, product or prior learning considered"
    )
    account: Mapped[str] = mapped_column(
        Text, default="", comment="What was seen, said or shown, in the recorder's words"
    )
    judgement: Mapped[str] = mapped_column(Text, default="", comment="The assessor's judgement")
    outcome: Mapped[str] = mapped_column(
        default="", comment="Vocabulary: RECORD_OUTCOMES; empty until judged"
    )
    marking_points: Mapped[str] = mapped_column(
        Text, default="", comment="Short ids of the marking points it evidences: MP1, MP3"
    )
    evidence_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_file.id", ondelete="SET NULL"),
        comment="A file it refers to (the product, a signed statement)",
    )
    learner_comment: Mapped[str] = mapped_column(Text, default="")
    locked_version: Mapped[int | None] = mapped_column(
        comment="The submitted version whose signed decision relied on it; locked from then"
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)

    questions: Mapped[list[RecordQuestion]] = relationship(
        lazy="raise", order_by="RecordQuestion.position", viewonly=True
    )

    @property
    def points(self) -> tuple[str, ...]:
        """The short ids of the marking points it is mapped to, in order."""
        return tuple(part for part in (p.strip() for p in self.marking_points.split(",")) if part)


class RecordQuestion(Base):
    """A question asked in questioning or professional discussion, the learner's answer and
    the assessor's view of it."""

    __tablename__ = "record_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_record.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="", comment="The learner's answer")
    outcome: Mapped[str] = mapped_column(default="", comment="Vocabulary: RECORD_OUTCOMES")


class PlanActivity(Base):
    """One planned assessment activity: what, by which method, when, with whom."""

    __tablename__ = "plan_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    activity: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(comment="Vocabulary: ASSESSMENT_METHODS")
    planned_on: Mapped[dt.date | None]
    involved: Mapped[str] = mapped_column(Text, default="", comment="Who takes part")
    marking_points: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(default="planned", comment="Vocabulary: PLAN_STATUSES")
    locked_version: Mapped[int | None] = mapped_column(
        comment="The submitted version whose signed decision covered it; locked from then"
    )

    @property
    def points(self) -> tuple[str, ...]:
        return tuple(part for part in (p.strip() for p in self.marking_points.split(",")) if part)


class AssessmentReview(Base):
    """A review of progress against the plan, with the assessor's feedback, the learner's
    response and the sign-offs of learner, assessor and employer."""

    __tablename__ = "assessment_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    reviewed_on: Mapped[dt.date | None]
    progress: Mapped[str] = mapped_column(Text, default="", comment="Progress since last review")
    feedback: Mapped[str] = mapped_column(Text, default="", comment="The assessor's feedback")
    next_targets: Mapped[str] = mapped_column(Text, default="")
    next_review_on: Mapped[dt.date | None]
    learner_response: Mapped[str] = mapped_column(Text, default="")
    learner_accepts: Mapped[bool | None] = mapped_column(
        comment="The learner accepts the feedback (None: not yet answered)"
    )
    learner_signed_name: Mapped[str] = mapped_column(default="")
    learner_signed_on: Mapped[dt.date | None]
    assessor_signed_name: Mapped[str] = mapped_column(default="")
    assessor_signed_on: Mapped[dt.date | None]
    employer_name: Mapped[str] = mapped_column(default="", comment="Employer's representative")
    employer_signed_on: Mapped[dt.date | None]
    locked_version: Mapped[int | None] = mapped_column(
        comment="The submitted version whose signed decision covered it; locked from then"
    )


class IqaReport(Base):
    """The internal quality assurer's report on one sampled, submitted version."""

    __tablename__ = "iqa_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    version: Mapped[int] = mapped_column(comment="The submitted version sampled")
    iqa_name: Mapped[str]
    sampled_on: Mapped[dt.date]
    sample_reason: Mapped[str] = mapped_column(
        default="", comment="Why sampled: new assessor, unit, method, risk …"
    )
    agrees: Mapped[bool] = mapped_column(comment="The IQA agrees with the assessor's decision")
    comments: Mapped[str] = mapped_column(Text, default="")
    action_points: Mapped[str] = mapped_column(Text, default="", comment="For the assessor")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
