"""Typed SQLAlchemy models of a portfolio. Nothing here imports Qt."""

from app.models.audit import AuditEntry
from app.models.base import Base, utc_now
from app.models.evidence import LINK_TARGETS, EvidenceBlob, EvidenceFile, EvidenceLink
from app.models.portfolio import DEFAULT_DECLARATION, Declaration, Portfolio, UnitSnapshot
from app.models.stages import (
    ActionItem,
    AnalysisFinding,
    FeedbackItem,
    LogEntry,
    Metric,
    action_finding,
    finding_feedback,
)
from app.models.submission import Assessment, AssessmentDecision, Submission

#: Stage item kinds as the store, the checker and the interchange format name them.
ITEM_MODELS: dict[str, type[Base]] = {
    "feedback_item": FeedbackItem,
    "analysis_finding": AnalysisFinding,
    "action_item": ActionItem,
    "log_entry": LogEntry,
    "metric": Metric,
    "evidence_file": EvidenceFile,
    "evidence_link": EvidenceLink,
}

__all__ = [
    "DEFAULT_DECLARATION",
    "ITEM_MODELS",
    "LINK_TARGETS",
    "ActionItem",
    "AnalysisFinding",
    "Assessment",
    "AssessmentDecision",
    "AuditEntry",
    "Base",
    "Declaration",
    "EvidenceBlob",
    "EvidenceFile",
    "EvidenceLink",
    "FeedbackItem",
    "LogEntry",
    "Metric",
    "Portfolio",
    "Submission",
    "UnitSnapshot",
    "action_finding",
    "finding_feedback",
    "utc_now",
]
