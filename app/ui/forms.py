"""How each kind of item is shown and edited: labels, widget kinds, list columns.

Presentation only; which values are acceptable is decided by app.store.fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.catalogue.legislation import load_library
from app.models.vocab import (
    ACTION_STATUSES,
    ASSESSMENT_METHODS,
    CHANNELS,
    CRITERIA,
    EMOTIONS,
    FEEDBACK_SOURCES,
    JOURNEY_STAGES,
    LEARNER_METHODS,
    PLAN_STATUSES,
    PROCESS_VERSIONS,
    RATER,
    RECORD_OUTCOMES,
    STEP_TYPES,
    TECHNIQUES,
    emotion_label,
)
from app.ui.translations import FORM_TEXT, data_label

#: The customer's feeling at a touchpoint; None when it is not known.
FEELINGS: dict[int | None, str] = {
    None: "— not known —",
    **{value: emotion_label(value) for value in EMOTIONS},
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    widget: str  # line | text | date | number | choice | check | ref | points
    choices: Mapping[Any, str] | None = None
    placeholder: str = ""
    ref_kind: str = ""


def field_label(spec: FieldSpec) -> str:
    """The field's label in the user's language: its form label and its accessible name."""
    return data_label(FORM_TEXT, spec.label)


def _f(name: str, label: str, widget: str = "line", **extra: object) -> FieldSpec:
    return FieldSpec(name, label, widget, **extra)  # type: ignore[arg-type]


#: Every entry, so an old link still shows; superseded ones say they are no longer current.
LEGISLATION = {key: entry.choice_label for key, entry in load_library().items()}

FORMS: dict[str, tuple[FieldSpec, ...]] = {
    "feedback_item": (
        _f("source_type", "Source", "choice", choices=FEEDBACK_SOURCES),
        _f("received_on", "Date received", "date"),
        _f("channel", "Channel", placeholder="phone, email, web, store, social…"),
        _f("customer_ref", "Customer reference", placeholder="anonymised, e.g. C-2210"),
        _f("rating", "Rating", "number"),
        _f("rating_scale", "Rating out of", "number", placeholder="e.g. 5"),
        _f("text", "What the customer said", "text"),
    ),
    "analysis_finding": (
        _f("theme", "Theme"),
        _f("touchpoint", "Touchpoint / channel"),
        _f("back_office", "Back-office process", "check"),
        _f("root_cause", "Root cause", "text"),
        _f("data_summary", "Supporting data", "text"),
    ),
    "action_item": (
        _f("action", "Action (specific)", "text"),
        _f("owner", "Owner"),
        _f("due_on", "Due date", "date"),
        _f("status", "Status", "choice", choices=ACTION_STATUSES),
        _f("resources", "Resources", "text"),
        _f("cost", "Estimated cost (£)", "number"),
        _f("expected_benefit", "Expected benefit", "text"),
        _f("objective", "Organisational objective", "text"),
        _f("stakeholders", "Stakeholders", "text"),
        _f("team_roles", "Team members' roles", "text"),
        _f("barriers", "Barriers", "text"),
        _f("overcome_barriers", "How barriers are overcome", "text"),
        _f("communication", "Communication and training", "text"),
        _f("changes_process", "Changes a policy or process", "check"),
        _f("legislation", "Legislation / standard (own words)"),
        _f("compliance_justification", "How it ensures compliance", "text"),
        _f("success_measure", "Measure of success", "text"),
    ),
    "log_entry": (
        _f("logged_on", "Date", "date"),
        _f("action_id", "Action", "ref", ref_kind="action_item"),
        _f("what_done", "What was done", "text"),
        _f("who_involved", "Who was involved", "text"),
        _f("outcome", "Outcome", "text"),
        _f("reflection", "Reflection", "text"),
    ),
    "metric": (
        _f("name", "Metric", placeholder="CSAT, FCR, NPS, complaint count…"),
        _f("unit", "Unit", placeholder="%, count, hours…"),
        _f("higher_is_better", "Higher is better", "check"),
        _f("baseline_value", "Baseline", "number"),
        _f("baseline_on", "Baseline date", "date"),
        _f("target_value", "Target", "number"),
        _f("result_value", "Result", "number"),
        _f("result_on", "Result date", "date"),
        _f("source", "Source of the figures"),
    ),
    "journey_touchpoint": (
        _f("stage", "Journey stage", "choice", choices=JOURNEY_STAGES),
        _f("touchpoint", "Touchpoint", placeholder="what the customer meets, e.g. order email"),
        _f("channel", "Channel", "choice", choices=CHANNELS),
        _f("back_office", "Back-office step (not seen by the customer)", "check"),
        _f("emotion", "Customer feeling", "choice", choices=FEELINGS),
        _f("pain_point", "Pain point", "text"),
        _f("opportunity", "Opportunity", "text"),
        _f("source", "Stakeholder or source", placeholder="who or what tells you this"),
        _f("feedback_id", "From feedback", "ref", ref_kind="feedback_item"),
    ),
    "process_lane": (
        _f("role", "Role (lane)", placeholder="customer, team, system…"),
        _f("responsibility", "Responsibility", "text"),
    ),
    "process_step": (
        _f("version", "Map", "choice", choices=PROCESS_VERSIONS),
        _f("lane_id", "Lane", "ref", ref_kind="process_lane"),
        _f("label", "Step"),
        _f("step_type", "Type", "choice", choices=STEP_TYPES),
        _f("bottleneck", "Bottleneck", "check"),
        _f("outcome", "Measurable outcome", "text"),
    ),
    "decision_option": (
        _f("name", "Option"),
        _f("description", "Description", "text"),
        _f("chosen", "Chosen option", "check"),
        _f("reason", "Why chosen, or why rejected", "text"),
    ),
    "decision_criterion": (
        _f("name", "Criterion"),
        _f("category", "Kind", "choice", choices=CRITERIA),
        _f("weight", "Weight", "number", placeholder="e.g. 1 to 5"),
    ),
    "metric_reading": (
        _f("metric_id", "Metric", "ref", ref_kind="metric"),
        _f("taken_on", "Date", "date"),
        _f("value", "Value", "number"),
        _f("note", "Note", "text"),
    ),
    "legislation_link": (
        _f("entry_id", "Law or standard", "choice", choices=LEGISLATION),
        _f("action_id", "Action", "ref", ref_kind="action_item"),
        _f("finding_id", "Finding", "ref", ref_kind="analysis_finding"),
        _f("justification", "How compliance is ensured", "text"),
    ),
    "complaint_case": (
        _f("title", "Case"),
        _f("opened_on", "Opened", "date"),
        _f("feedback_id", "From feedback", "ref", ref_kind="feedback_item"),
        _f("issue", "The issue (what made it complex)", "text"),
        _f("customer_requirements", "Customer's stated requirements", "text"),
        _f("constraints", "Organisation's constraints", "text"),
        _f("solution", "Solution and how it satisfies both", "text"),
        _f("outcome", "Outcome", "text"),
    ),
    "case_technique": (
        _f("technique", "Technique", "choice", choices=TECHNIQUES),
        _f("rationale", "Why this technique", "text"),
        _f("how_applied", "How it was applied", "text"),
    ),
    "rater_score": (
        _f("dimension", "Dimension", "choice", choices=RATER),
        _f("score", "Score (1–5)", "number"),
        _f("evidence", "Evidence", "text"),
    ),
    "assessment_record": (
        _f("method", "Method", "choice", choices=ASSESSMENT_METHODS),
        _f("held_on", "Date", "date"),
        _f("location", "Where", placeholder="workplace, site, online"),
        _f("assessor_name", "Assessor"),
        _f("witness_name", "Witness"),
        _f("witness_role", "Witness's job title"),
        _f("witness_relationship", "Relationship to the learner", placeholder="line manager…"),
        _f("witness_contact", "Witness's email or phone"),
        _f("expert_witness", "Expert witness", "check"),
        _f("activity", "Activity, product or prior learning", "text"),
        _f("account", "What was seen, said or shown", "text"),
        _f("marking_points", "Marking points it evidences", "points"),
        _f("evidence_file_id", "Evidence file", "ref", ref_kind="evidence_file"),
        _f("judgement", "Assessor's judgement", "text"),
        _f("outcome", "Outcome", "choice", choices=RECORD_OUTCOMES),
        _f("learner_comment", "Learner's comment", "text"),
    ),
    "record_question": (
        _f("question", "Question", "text"),
        _f("answer", "Learner's answer", "text"),
        _f("outcome", "Outcome", "choice", choices=RECORD_OUTCOMES),
    ),
    "plan_activity": (
        _f("activity", "Activity", "text"),
        _f("method", "Method", "choice", choices=ASSESSMENT_METHODS),
        _f("planned_on", "Planned for", "date"),
        _f("involved", "Who takes part", "text"),
        _f("marking_points", "Marking points", "points"),
        _f("status", "Status", "choice", choices=PLAN_STATUSES),
    ),
    "assessment_review": (
        _f("reviewed_on", "Reviewed on", "date"),
        _f("progress", "Progress since the last review", "text"),
        _f("feedback", "Assessor's feedback", "text"),
        _f("next_targets", "Targets to the next review", "text"),
        _f("next_review_on", "Next review", "date"),
        _f("assessor_signed_name", "Assessor's signature (typed name)"),
        _f("assessor_signed_on", "Assessor signed on", "date"),
        _f("employer_name", "Employer's representative"),
        _f("employer_signed_on", "Employer signed on", "date"),
    ),
}

#: Fields shown only while another field holds one of some values (field -> (the other
#: field, its values)): a witness's details belong to a witness testimony only.
SHOWN_WHEN: dict[str, dict[str, tuple[str, frozenset[Any]]]] = {
    "assessment_record": {
        name: ("method", frozenset({"witness_testimony"}))
        for name in (
            "witness_name",
            "witness_role",
            "witness_relationship",
            "witness_contact",
            "expert_witness",
        )
    },
}

#: Choices offered to a learner, where they may pick fewer than staff (field -> values).
LEARNER_CHOICES: dict[str, dict[str, frozenset[Any]]] = {
    "assessment_record": {"method": LEARNER_METHODS},
}

#: Columns of each stage's item list: (field, heading).
LIST_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "feedback_item": (("received_on", "Date"), ("source_type", "Source"), ("text", "Feedback")),
    "analysis_finding": (("theme", "Theme"), ("touchpoint", "Touchpoint")),
    "action_item": (("action", "Action"), ("owner", "Owner"), ("due_on", "Due")),
    "log_entry": (("logged_on", "Date"), ("what_done", "What was done")),
    "metric": (("name", "Metric"), ("baseline_value", "Baseline"), ("result_value", "Result")),
    "journey_touchpoint": (
        ("stage", "Stage"),
        ("touchpoint", "Touchpoint"),
        ("channel", "Channel"),
    ),
    "process_lane": (("role", "Role"),),
    "process_step": (
        ("version", "Map"),
        ("lane_id", "Lane"),
        ("label", "Step"),
        ("step_type", "Type"),
    ),
    "decision_option": (("name", "Option"), ("chosen", "Chosen")),
    "decision_criterion": (("name", "Criterion"), ("category", "Kind"), ("weight", "Weight")),
    "metric_reading": (
        ("metric_id", "Metric"),
        ("taken_on", "Date"),
        ("value", "Value"),
        ("note", "Note"),
    ),
    "legislation_link": (("entry_id", "Law or standard"), ("justification", "Justification")),
    "complaint_case": (("opened_on", "Opened"), ("title", "Case")),
    "case_technique": (("technique", "Technique"), ("rationale", "Why")),
    "rater_score": (("dimension", "Dimension"), ("score", "Score"), ("evidence", "Evidence")),
    "assessment_record": (
        ("held_on", "Date"),
        ("method", "Method"),
        ("marking_points", "Points"),
        ("activity", "Activity"),
        ("outcome", "Outcome"),
    ),
    "record_question": (("question", "Question"), ("outcome", "Outcome")),
    "plan_activity": (
        ("planned_on", "Date"),
        ("method", "Method"),
        ("activity", "Activity"),
        ("status", "Status"),
    ),
    "assessment_review": (
        ("reviewed_on", "Reviewed"),
        ("progress", "Progress"),
        ("next_review_on", "Next review"),
    ),
}

#: Related items a learner ticks in the form: kind -> (relation attribute, other kind, label).
RELATIONS: dict[str, tuple[str, str, str]] = {
    "analysis_finding": ("feedback_items", "feedback_item", "Based on feedback"),
    "action_item": ("findings", "analysis_finding", "Addresses findings"),
    "process_step": ("next_steps", "process_step", "Leads to (arrows)"),
}

#: Related items must share this field's value with the item (and not be the item itself).
RELATED_WITHIN: dict[str, str] = {"process_step": "version"}

#: A new item takes the first value of this field's choices that no item has yet (a RATER
#: self-assessment has one score per dimension).
NEXT_UNUSED: dict[str, str] = {"rater_score": "dimension"}

#: Defaults for a new item, so it is valid the moment it is added.
NEW_ITEM: dict[str, dict[str, object]] = {
    "feedback_item": {"source_type": "survey"},
    "legislation_link": {"entry_id": next(iter(LEGISLATION))},
    "assessment_record": {"method": "observation"},
    "plan_activity": {"method": "observation"},
}

#: A scoped list's parent kind (its items are added to, and locked with, the parent).
SCOPE_PARENT: dict[str, str] = {"record_question": "assessment_record"}

#: A learner's new item, where it differs: the one record a learner writes.
LEARNER_NEW_ITEM: dict[str, dict[str, object]] = {
    "assessment_record": {"method": "witness_testimony"},
}
