"""How each kind of item is shown and edited: labels, widget kinds, list columns.

Presentation only; which values are acceptable is decided by app.store.fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.models.vocab import ACTION_STATUSES, FEEDBACK_SOURCES


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    widget: str  # line | text | date | number | choice | check | ref
    choices: Mapping[str, str] | None = None
    placeholder: str = ""
    ref_kind: str = ""


def _f(name: str, label: str, widget: str = "line", **extra: object) -> FieldSpec:
    return FieldSpec(name, label, widget, **extra)  # type: ignore[arg-type]


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
        _f("legislation", "Legislation / standard"),
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
}

#: Columns of each stage's item list: (field, heading).
LIST_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "feedback_item": (("received_on", "Date"), ("source_type", "Source"), ("text", "Feedback")),
    "analysis_finding": (("theme", "Theme"), ("touchpoint", "Touchpoint")),
    "action_item": (("action", "Action"), ("owner", "Owner"), ("due_on", "Due")),
    "log_entry": (("logged_on", "Date"), ("what_done", "What was done")),
    "metric": (("name", "Metric"), ("baseline_value", "Baseline"), ("result_value", "Result")),
}

#: Related items a learner ticks in the form: kind -> (relation attribute, other kind, label).
RELATIONS: dict[str, tuple[str, str, str]] = {
    "analysis_finding": ("feedback_items", "feedback_item", "Based on feedback"),
    "action_item": ("findings", "analysis_finding", "Addresses findings"),
}

#: Defaults for a new item, so it is valid the moment it is added.
NEW_ITEM: dict[str, dict[str, object]] = {
    "feedback_item": {"source_type": "survey"},
    "analysis_finding": {},
    "action_item": {},
    "log_entry": {},
    "metric": {},
}
