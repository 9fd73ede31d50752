"""The structured improvement tools: journey map, swimlane process map, decision matrix,
KPI readings, legislation links, complaint case log and RATER self-assessment.

Each is ordinary portfolio data (rows with a portfolio_id and a position), so the store's
add/update/delete/move, undo, the JSON interchange and the submission snapshot all cover them
without special cases. Diagrams are drawn from these rows; nothing here stores a picture.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, portfolio_fk

# -- customer journey map ---------------------------------------------------------------------


class JourneyTouchpoint(Base):
    """One touchpoint of the customer journey, in a stage, through a channel."""

    __tablename__ = "journey_touchpoint"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    stage: Mapped[str] = mapped_column(default="awareness", comment="Vocabulary: JOURNEY_STAGES")
    touchpoint: Mapped[str] = mapped_column(default="", comment="What the customer meets")
    channel: Mapped[str] = mapped_column(default="web", comment="Vocabulary: CHANNELS")
    back_office: Mapped[bool] = mapped_column(default=False, comment="Behind-the-scenes step")
    emotion: Mapped[int | None] = mapped_column(comment="Customer feeling, -2 (upset) to +2")
    pain_point: Mapped[str] = mapped_column(Text, default="")
    opportunity: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(default="", comment="Stakeholder or feedback behind it")
    feedback_id: Mapped[int | None] = mapped_column(
        ForeignKey("feedback_item.id", ondelete="SET NULL"), comment="Feedback it comes from"
    )


# -- swimlane process map ---------------------------------------------------------------------

process_flow = Table(
    "process_flow",
    Base.metadata,
    Column("from_step_id", ForeignKey("process_step.id", ondelete="CASCADE"), primary_key=True),
    Column("to_step_id", ForeignKey("process_step.id", ondelete="CASCADE"), primary_key=True),
    comment="Arrows of a process map: from a step to the step that follows it",
)


class ProcessLane(Base):
    """A swimlane: a role (or team, or system) that performs steps."""

    __tablename__ = "process_lane"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    role: Mapped[str] = mapped_column(default="")
    responsibility: Mapped[str] = mapped_column(Text, default="", comment="What this role owns")


class ProcessStep(Base):
    """A step of the current or the re-engineered process, in one lane."""

    __tablename__ = "process_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    version: Mapped[str] = mapped_column(default="current", comment="Vocabulary: PROCESS_VERSIONS")
    lane_id: Mapped[int | None] = mapped_column(
        ForeignKey("process_lane.id", ondelete="SET NULL"), comment="Who performs it"
    )
    label: Mapped[str] = mapped_column(default="")
    step_type: Mapped[str] = mapped_column(default="task", comment="Vocabulary: STEP_TYPES")
    bottleneck: Mapped[bool] = mapped_column(default=False, comment="Where work queues or fails")
    outcome: Mapped[str] = mapped_column(Text, default="", comment="Measurable outcome")

    next_steps: Mapped[list[ProcessStep]] = relationship(
        secondary=process_flow,
        primaryjoin=lambda: ProcessStep.id == process_flow.c.from_step_id,
        secondaryjoin=lambda: ProcessStep.id == process_flow.c.to_step_id,
        lazy="raise",
        order_by=lambda: ProcessStep.position,
    )


# -- weighted decision matrix -----------------------------------------------------------------


class DecisionOption(Base):
    """An improvement option weighed in the decision matrix."""

    __tablename__ = "decision_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(Text, default="")
    chosen: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="", comment="Why chosen, or why rejected")

    scores: Mapped[list[DecisionScore]] = relationship(lazy="raise", passive_deletes=True)


class DecisionCriterion(Base):
    """A criterion options are scored against, with its weight."""

    __tablename__ = "decision_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(default="")
    category: Mapped[str] = mapped_column(default="benefit", comment="Vocabulary: CRITERIA")
    weight: Mapped[float] = mapped_column(default=1.0)


class DecisionScore(Base):
    """How well one option meets one criterion (0 to 5)."""

    __tablename__ = "decision_score"

    option_id: Mapped[int] = mapped_column(
        ForeignKey("decision_option.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("decision_criterion.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[float]


# -- KPI tracker ------------------------------------------------------------------------------


class MetricReading(Base):
    """A metric measured on a date between (or after) baseline and result: the trend."""

    __tablename__ = "metric_reading"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric.id", ondelete="CASCADE"), index=True
    )
    taken_on: Mapped[dt.date | None]
    value: Mapped[float | None]
    note: Mapped[str] = mapped_column(Text, default="")


# -- legislation and standards ----------------------------------------------------------------


class LegislationLink(Base):
    """An action or finding tied to a library entry, with how compliance is ensured."""

    __tablename__ = "legislation_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    entry_id: Mapped[str] = mapped_column(comment="Id in resources/legislation.json")
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_item.id", ondelete="CASCADE"), index=True
    )
    finding_id: Mapped[int | None] = mapped_column(
        ForeignKey("analysis_finding.id", ondelete="CASCADE"), index=True
    )
    justification: Mapped[str] = mapped_column(Text, default="")


# -- complaint case log -----------------------------------------------------------------------


class ComplaintCase(Base):
    """A complex customer issue and how it was resolved."""

    __tablename__ = "complaint_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(default="")
    opened_on: Mapped[dt.date | None]
    feedback_id: Mapped[int | None] = mapped_column(
        ForeignKey("feedback_item.id", ondelete="SET NULL"), comment="The complaint behind it"
    )
    issue: Mapped[str] = mapped_column(Text, default="", comment="What made it complex")
    customer_requirements: Mapped[str] = mapped_column(Text, default="")
    constraints: Mapped[str] = mapped_column(
        Text, default="", comment="The organisation's operational or financial constraints"
    )
    solution: Mapped[str] = mapped_column(
        Text, default="", comment="The solution and how it satisfies both"
    )
    outcome: Mapped[str] = mapped_column(Text, default="")

    techniques: Mapped[list[CaseTechnique]] = relationship(
        lazy="raise", passive_deletes=True, order_by=lambda: CaseTechnique.position
    )


class CaseTechnique(Base):
    """A resolution technique applied to a case, and why it was chosen."""

    __tablename__ = "case_technique"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaint_case.id", ondelete="CASCADE"), index=True
    )
    technique: Mapped[str] = mapped_column(default="heat", comment="Vocabulary: TECHNIQUES")
    rationale: Mapped[str] = mapped_column(Text, default="", comment="Why this technique")
    how_applied: Mapped[str] = mapped_column(Text, default="")


# -- RATER self-assessment --------------------------------------------------------------------


class RaterScore(Base):
    """Self-assessment of one RATER dimension (1 to 5) with the evidence behind it."""

    __tablename__ = "rater_score"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = portfolio_fk()
    position: Mapped[int] = mapped_column(default=0)
    dimension: Mapped[str] = mapped_column(default="reliability", comment="Vocabulary: RATER")
    score: Mapped[float | None]
    evidence: Mapped[str] = mapped_column(Text, default="")
