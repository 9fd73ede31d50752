"""Submissions and assessments: what was submitted is what was marked.

A submission freezes the portfolio's content as a canonical JSON snapshot with its SHA-256
digest (and the previous submission's digest, so versions form a chain). Assessments and the
assessor's decision are tied to the digest they were made on.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utc_now


class Submission(Base):
    __tablename__ = "submission"
    __table_args__ = (UniqueConstraint("portfolio_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(comment="1, 2, 3 … in submission order")
    submitted_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    submitted_by: Mapped[str] = mapped_column(comment="The learner's typed name")
    declared_on: Mapped[dt.date]
    incomplete_reason: Mapped[str] = mapped_column(
        Text, default="", comment="Why it was submitted with marking points not met"
    )
    digest: Mapped[str] = mapped_column(comment="SHA-256 of snapshot_json")
    previous_digest: Mapped[str] = mapped_column(default="", comment="Digest of version - 1")
    snapshot_json: Mapped[str] = mapped_column(Text, comment="Canonical content at submission")


class Assessment(Base):
    """An assessor's judgement of one marking point of one submitted version."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    marking_point_id: Mapped[str]
    judgement: Mapped[str] = mapped_column(comment="met | not-yet")
    feedback: Mapped[str] = mapped_column(Text, default="")
    assessor_name: Mapped[str]
    assessed_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    snapshot_digest: Mapped[str] = mapped_column(comment="Digest of the version judged")


class AssessmentDecision(Base):
    """The assessor's overall decision and sign-off for one submitted version.

    At most one is current per version; a reopened decision stays as history."""

    __tablename__ = "assessment_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(comment="competent | refer")
    action_points: Mapped[str] = mapped_column(Text, default="")
    assessor_name: Mapped[str]
    signed_on: Mapped[dt.date]
    signed_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    snapshot_digest: Mapped[str]
    reopened_at: Mapped[dt.datetime | None] = mapped_column(
        comment="Set when the decision was reopened; a reopened decision is history"
    )
    reopen_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    made_before_signatures: Mapped[bool] = mapped_column(
        default=False, server_default="0", comment="Recorded by a Folio without signatures"
    )
