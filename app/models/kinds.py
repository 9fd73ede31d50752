"""Every kind of portfolio item in one table: its model, where the portfolio holds it, what a
person calls it, its reference letter in exports, and the page it is edited on.

The store, the checker, the exporters and the GUI read their per-kind names from here, so a
new kind of item is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.assessment import AssessmentRecord, AssessmentReview, PlanActivity, RecordQuestion
from app.models.base import Base
from app.models.evidence import EvidenceFile, EvidenceLink
from app.models.stages import ActionItem, AnalysisFinding, FeedbackItem, LogEntry, Metric
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


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[Base]
    #: Attribute of Portfolio holding the items, in order.
    collection: str
    noun: str
    #: Letter of its references in exports (F3, A1 …); "" when it has none.
    prefix: str
    #: The field that names an item in lists and messages.
    headline: str
    #: Workspace page it is edited on (keys of app.checker.result.STAGES).
    stage: str
    #: Whose record it is: "learner" (portfolio content) or "assessor" (the assessment
    #: record, written by staff and left out of the learner's submission).
    owner: str = "learner"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("feedback_item", FeedbackItem, "feedback_items", "feedback", "F", "text", "feedback"),
        Kind("analysis_finding", AnalysisFinding, "findings", "finding", "N", "theme", "analysis"),
        Kind("action_item", ActionItem, "actions", "action", "A", "action", "action_plan"),
        Kind(
            "log_entry",
            LogEntry,
            "log_entries",
            "log entry",
            "L",
            "what_done",
            "implementation_log",
        ),
        Kind("metric", Metric, "metrics", "metric", "M", "name", "evaluation"),
        Kind(
            "evidence_file",
            EvidenceFile,
            "evidence_files",
            "evidence file",
            "E",
            "original_name",
            "evidence",
        ),
        Kind(
            "evidence_link",
            EvidenceLink,
            "evidence_links",
            "mapping",
            "",
            "justification",
            "evidence",
        ),
        Kind(
            "journey_touchpoint",
            JourneyTouchpoint,
            "touchpoints",
            "touchpoint",
            "J",
            "touchpoint",
            "journey_map",
        ),
        Kind("process_lane", ProcessLane, "lanes", "lane", "", "role", "process_map"),
        Kind("process_step", ProcessStep, "process_steps", "step", "S", "label", "process_map"),
        Kind("decision_option", DecisionOption, "options", "option", "O", "name", "decision"),
        Kind(
            "decision_criterion",
            DecisionCriterion,
            "criteria",
            "criterion",
            "",
            "name",
            "decision",
        ),
        Kind("metric_reading", MetricReading, "readings", "reading", "K", "note", "kpi_tracker"),
        Kind(
            "legislation_link",
            LegislationLink,
            "legislation_links",
            "legislation link",
            "G",
            "justification",
            "legislation",
        ),
        Kind("complaint_case", ComplaintCase, "cases", "case", "C", "title", "complaint_cases"),
        Kind(
            "case_technique",
            CaseTechnique,
            "case_techniques",
            "technique",
            "",
            "rationale",
            "complaint_cases",
        ),
        Kind("rater_score", RaterScore, "rater_scores", "RATER score", "R", "dimension", "rater"),
        Kind(
            "assessment_record",
            AssessmentRecord,
            "records",
            "assessment record",
            "AR",
            "activity",
            "assessment_records",
            "assessor",
        ),
        Kind(
            "record_question",
            RecordQuestion,
            "record_questions",
            "question",
            "",
            "question",
            "assessment_records",
            "assessor",
        ),
        Kind(
            "plan_activity",
            PlanActivity,
            "plan_activities",
            "planned activity",
            "P",
            "activity",
            "assessment_plan",
            "assessor",
        ),
        Kind(
            "assessment_review",
            AssessmentReview,
            "reviews",
            "review",
            "V",
            "progress",
            "assessment_plan",
            "assessor",
        ),
    )
}

#: Kinds that make up the assessment record rather than the learner's work.
STAFF_KINDS = tuple(name for name, kind in KINDS.items() if kind.owner == "assessor")

#: The tool kinds (everything after the Plan-Do-Review stages and evidence).
TOOL_KINDS = tuple(name for name, kind in KINDS.items() if kind.model.__module__.endswith("tools"))
