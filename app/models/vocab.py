"""Controlled vocabularies: the stored value and the label a person reads.

Values are stored as plain text so a vocabulary can grow without a schema migration; the store
validates them on every write.
"""

from __future__ import annotations

from collections.abc import Mapping

FEEDBACK_SOURCES: Mapping[str, str] = {
    "survey": "Survey",
    "complaint": "Complaint",
    "compliment": "Compliment",
    "online_review": "Online review",
    "direct_comment": "Direct comment",
    "mystery_shop": "Mystery shop",
    "observation": "Observation",
    "kpi_report": "KPI / report",
}

ACTION_STATUSES: Mapping[str, str] = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}

#: Who produced an evidence file; anything but the learner must name its source (authenticity).
EVIDENCE_AUTHORS: Mapping[str, str] = {
    "learner": "Learner's own work",
    "witness": "Witness statement",
    "colleague": "Colleague",
    "manager": "Manager",
    "customer": "Customer",
    "system": "System report / export",
    "other": "Other",
}


#: Methods of assessment a centre records (City & Guilds recording forms RF04–RF07 and
#: witness testimony); each is a typed record in its own right.
ASSESSMENT_METHODS: Mapping[str, str] = {
    "observation": "Observation",
    "questioning": "Questioning",
    "professional_discussion": "Professional discussion",
    "witness_testimony": "Witness testimony",
    "product_evidence": "Product evidence",
    "rpl": "Recognition of prior learning",
}

#: Methods whose record the learner may write (the witness's words, collected by the
#: learner); every other method is the assessor's own record.
LEARNER_METHODS = frozenset({"witness_testimony"})

RECORDED_BY: Mapping[str, str] = {"assessor": "Assessor", "learner": "Learner"}

RECORD_OUTCOMES: Mapping[str, str] = {
    "": "Not yet judged",
    "satisfactory": "Satisfactory",
    "not_yet": "Not yet satisfactory",
}

PLAN_STATUSES: Mapping[str, str] = {
    "planned": "Planned",
    "done": "Done",
    "moved": "Rearranged",
    "cancelled": "Cancelled",
}


def label(vocabulary: Mapping[str, str], value: str | None) -> str:
    """The readable label for a stored value, or the value itself when it is unknown."""
    if value is None:
        return ""
    return vocabulary.get(value, value)


#: Stages of the customer journey, in the order a customer meets them.
JOURNEY_STAGES: Mapping[str, str] = {
    "awareness": "Awareness",
    "consideration": "Consideration",
    "purchase": "Purchase",
    "delivery": "Delivery / service",
    "post_purchase": "Post-purchase support",
}

CHANNELS: Mapping[str, str] = {
    "phone": "Phone",
    "email": "Email",
    "web": "Website",
    "app": "App",
    "chat": "Live chat",
    "social": "Social media",
    "store": "In store / face to face",
    "post": "Post / delivery",
    "internal": "Internal system",
}

PROCESS_VERSIONS: Mapping[str, str] = {
    "current": "Current process",
    "redesigned": "Re-engineered process",
}

STEP_TYPES: Mapping[str, str] = {
    "start": "Start",
    "task": "Task",
    "decision": "Decision",
    "end": "End",
}

CRITERIA: Mapping[str, str] = {
    "benefit": "Benefit",
    "cost": "Cost",
    "risk": "Risk",
    "standards": "Alignment with service standards",
    "custom": "Other",
}

TECHNIQUES: Mapping[str, str] = {
    "heat": "HEAT (hear, empathise, apologise, take ownership)",
    "last": "LAST (listen, apologise, solve, thank)",
    "root_cause": "Root cause analysis",
    "five_whys": "Five whys",
    "escalation": "Escalation",
    "empowerment": "Empowerment",
    "service_recovery": "Service recovery",
    "active_listening": "Active listening",
    "negotiation": "Negotiation",
    "other": "Other",
}

RATER: Mapping[str, str] = {
    "reliability": "Reliability",
    "assurance": "Assurance",
    "tangibles": "Tangibles",
    "empathy": "Empathy",
    "responsiveness": "Responsiveness",
}

#: The customer's feeling at a journey touchpoint (the store keeps it within -2 … +2).
EMOTIONS: Mapping[int, str] = {
    -2: "very unhappy",
    -1: "unhappy",
    0: "neutral",
    1: "happy",
    2: "very happy",
}


def emotion_label(value: int) -> str:
    """'−2 very unhappy', '+1 happy' …"""
    sign = "−" if value < 0 else ("+" if value > 0 else "")
    return f"{sign}{abs(value)} {EMOTIONS[value]}"


#: Which fields take a controlled vocabulary: (kind, field) -> vocabulary.
VOCABULARIES: Mapping[tuple[str, str], Mapping[str, str]] = {
    ("feedback_item", "source_type"): FEEDBACK_SOURCES,
    ("action_item", "status"): ACTION_STATUSES,
    ("evidence_file", "author"): EVIDENCE_AUTHORS,
    ("journey_touchpoint", "stage"): JOURNEY_STAGES,
    ("journey_touchpoint", "channel"): CHANNELS,
    ("process_step", "version"): PROCESS_VERSIONS,
    ("process_step", "step_type"): STEP_TYPES,
    ("decision_criterion", "category"): CRITERIA,
    ("case_technique", "technique"): TECHNIQUES,
    ("rater_score", "dimension"): RATER,
    ("assessment_record", "method"): ASSESSMENT_METHODS,
    ("assessment_record", "recorded_by"): RECORDED_BY,
    ("assessment_record", "outcome"): RECORD_OUTCOMES,
    ("record_question", "outcome"): RECORD_OUTCOMES,
    ("plan_activity", "method"): ASSESSMENT_METHODS,
    ("plan_activity", "status"): PLAN_STATUSES,
}
