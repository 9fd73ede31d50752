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


def label(vocabulary: Mapping[str, str], value: str | None) -> str:
    """The readable label for a stored value, or the value itself when it is unknown."""
    if value is None:
        return ""
    return vocabulary.get(value, value)
