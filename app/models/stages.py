"""The Plan-Do-Review stages: feedback, analysis, action plan, implementation log, metrics."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, portfolio_fk

if TYPE_CHECKING:
    from app.models.tools import LegislationLink


finding_feedback = Table(
    "finding_feedback",
    Base.metadata,
    Column("finding_id", ForeignKey("analysis_finding.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "feedback_item_id", ForeignKey("feedback_item.id", ondelete="CASCADE"), primary_key=True
    ),
    comment="Feedback items that support an analysis finding",
)

action_finding = Table(
    "action_finding",
    Base.metadata,
    Column("action_id", ForeignKey("action_item.id", ondelete="CASCADE"), primary_key=True),
    Column("finding_id", ForeignKey("analysis_finding.id", ondelete="CASCADE"), primary_key=True),
    comment="Findings (service gaps) an action addresses",
)


class FeedbackItem(Base):
    """Plan: one piece of raw customer feedback."""

    __tablename__ = "feedback_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    source_type: Mapped[str] = mapped_column(comment="Vocabulary: FEEDBACK_SOURCES")
    received_on: Mapped[dt.date | None]
    channel: Mapped[str] = mapped_column(default="", comment="Phone, email, web, store ...")
    customer_ref: Mapped[str] = mapped_column(default="", comment="Anonymised customer reference")
    text: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[float | None]
    rating_scale: Mapped[float | None] = mapped_column(comment="Best possible rating, e.g. 5")


class AnalysisFinding(Base):
    """Plan: a theme found in the feedback, with its root cause and supporting data."""

    __tablename__ = "analysis_finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    theme: Mapped[str] = mapped_column(default="")
    touchpoint: Mapped[str] = mapped_column(default="", comment="Touchpoint or channel")
    back_office: Mapped[bool] = mapped_column(default=False, comment="Behind-the-scenes process")
    root_cause: Mapped[str] = mapped_column(Text, default="")
    data_summary: Mapped[str] = mapped_column(Text, default="", comment="Figures that support it")

    feedback_items: Mapped[list[FeedbackItem]] = relationship(
        secondary=finding_feedback, lazy="raise", order_by=FeedbackItem.position
    )
    legislation_links: Mapped[list[LegislationLink]] = relationship(
        lazy="raise", viewonly=True, order_by="LegislationLink.position"
    )


class ActionItem(Base):
    """Plan: one SMART action of the improvement plan."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    action: Mapped[str] = mapped_column(Text, default="", comment="What will be done (specific)")
    owner: Mapped[str] = mapped_column(default="")
    due_on: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(default="planned", comment="Vocabulary: ACTION_STATUSES")
    resources: Mapped[str] = mapped_column(Text, default="", comment="Resources and cost")
    cost: Mapped[float | None] = mapped_column(comment="Estimated cost in GBP")
    expected_benefit: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[str] = mapped_column(Text, default="", comment="Organisational objective")
    stakeholders: Mapped[str] = mapped_column(Text, default="")
    team_roles: Mapped[str] = mapped_column(Text, default="", comment="Team members' part in it")
    barriers: Mapped[str] = mapped_column(Text, default="")
    overcome_barriers: Mapped[str] = mapped_column(Text, default="")
    communication: Mapped[str] = mapped_column(Text, default="", comment="Communication/training")
    changes_process: Mapped[bool] = mapped_column(
        default=False, comment="Changes a policy or process"
    )
    legislation: Mapped[str] = mapped_column(Text, default="", comment="Legislation/standard")
    compliance_justification: Mapped[str] = mapped_column(Text, default="")
    success_measure: Mapped[str] = mapped_column(
        Text, default="", comment="How success is measured"
    )

    findings: Mapped[list[AnalysisFinding]] = relationship(
        secondary=action_finding, lazy="raise", order_by=AnalysisFinding.position
    )
    legislation_links: Mapped[list[LegislationLink]] = relationship(
        lazy="raise", viewonly=True, order_by="LegislationLink.position"
    )


class LogEntry(Base):
    """Do: a dated entry of the implementation log."""

    __tablename__ = "log_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    logged_on: Mapped[dt.date | None]
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_item.id", ondelete="SET NULL"), comment="Action it implements"
    )
    what_done: Mapped[str] = mapped_column(Text, default="")
    who_involved: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")


class Metric(Base):
    """Review: a measure of the improvement, before and after."""

    __tablename__ = "metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(default="", comment="CSAT, FCR, NPS, complaint count ...")
    unit: Mapped[str] = mapped_column(default="", comment="%, score, count, minutes ...")
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    baseline_value: Mapped[float | None]
    baseline_on: Mapped[dt.date | None]
    target_value: Mapped[float | None]
    result_value: Mapped[float | None]
    result_on: Mapped[dt.date | None]
    source: Mapped[str] = mapped_column(default="", comment="Where the figures come from")

    @property
    def change(self) -> float | None:
        if self.baseline_value is None or self.result_value is None:
            return None
        return self.result_value - self.baseline_value

    @property
    def improved(self) -> bool | None:
        change = self.change
        if change is None:
            return None
        return change > 0 if self.higher_is_better else change < 0
