"""Typed SQLAlchemy models of a portfolio. Nothing here imports Qt."""

from app.models.assessment import (
    AssessmentRecord,
    AssessmentReview,
    IqaReport,
    PlanActivity,
    RecordQuestion,
)
from app.models.audit import AuditEntry
from app.models.base import Base, utc_now
from app.models.evidence import LINK_TARGETS, EvidenceBlob, EvidenceFile, EvidenceLink
from app.models.kinds import KINDS, STAFF_KINDS, TOOL_KINDS, Kind
from app.models.portfolio import DEFAULT_DECLARATION, Declaration, Portfolio, UnitSnapshot
from app.models.signature import RecordSignature, StaffCertificate
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
from app.models.tools import (
    CaseTechnique,
    ComplaintCase,
    DecisionCriterion,
    DecisionOption,
    DecisionScore,
    JourneyTouchpoint,
    LegislationLink,
    MetricReading,
    ProcessLane,
    ProcessStep,
    RaterScore,
    process_flow,
)

#: Item kinds as the store, the checker and the interchange format name them.
ITEM_MODELS: dict[str, type[Base]] = {name: kind.model for name, kind in KINDS.items()}

__all__ = [
    "DEFAULT_DECLARATION",
    "ITEM_MODELS",
    "KINDS",
    "LINK_TARGETS",
    "STAFF_KINDS",
    "TOOL_KINDS",
    "ActionItem",
    "AnalysisFinding",
    "Assessment",
    "AssessmentDecision",
    "AssessmentRecord",
    "AssessmentReview",
    "AuditEntry",
    "Base",
    "CaseTechnique",
    "ComplaintCase",
    "DecisionCriterion",
    "DecisionOption",
    "DecisionScore",
    "Declaration",
    "EvidenceBlob",
    "EvidenceFile",
    "EvidenceLink",
    "FeedbackItem",
    "IqaReport",
    "JourneyTouchpoint",
    "Kind",
    "LegislationLink",
    "LogEntry",
    "Metric",
    "MetricReading",
    "PlanActivity",
    "Portfolio",
    "ProcessLane",
    "ProcessStep",
    "RaterScore",
    "RecordQuestion",
    "RecordSignature",
    "StaffCertificate",
    "Submission",
    "UnitSnapshot",
    "action_finding",
    "finding_feedback",
    "process_flow",
    "utc_now",
]
