"""What a check says: per marking point a status, reasons and where to fix; then warnings.

One result object feeds the CLI, the GUI's live panel and the exporters' mapping grid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.models.kinds import KINDS, TOOL_KINDS


class Status(StrEnum):
    MET = "met"
    PARTLY = "partly"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return {"met": "Met", "partly": "Partly met", "missing": "Missing"}[self.value]


#: The workspace stages a learner can be sent to, in the order the app shows them.
STAGES: dict[str, str] = {
    "details": "Learner details",
    "feedback": "Plan › Feedback",
    "analysis": "Plan › Analysis",
    "action_plan": "Plan › Action plan",
    "implementation_log": "Do › Implementation log",
    "evaluation": "Review › Evaluation",
    "journey_map": "Tools › Journey map",
    "process_map": "Tools › Process map",
    "decision": "Tools › Decision matrix",
    "kpi_tracker": "Tools › KPI tracker",
    "rater": "Tools › RATER",
    "complaint_cases": "Tools › Complaint cases",
    "legislation": "Tools › Legislation",
    "evidence": "Evidence",
    "declaration": "Declaration",
    "assessment_plan": "Assessment › Plan and reviews",
    "assessment_records": "Assessment › Records",
}

#: Which stage each kind of item is edited in.
KIND_STAGE: dict[str, str] = {
    "portfolio": "details",
    **{name: kind.stage for name, kind in KINDS.items()},
    "declaration": "declaration",
}

#: Stages of the improvement tools: a unit that does not ask for a tool leaves it empty.
TOOL_STAGES = frozenset(KINDS[name].stage for name in TOOL_KINDS)


@dataclass(frozen=True)
class Location:
    """Where to fix something: a stage, and optionally an item and a field in it."""

    stage: str
    kind: str | None = None
    item_id: int | None = None
    item_label: str = ""
    field: str | None = None

    @property
    def label(self) -> str:
        parts = [STAGES.get(self.stage, self.stage)]
        if self.item_label:
            parts.append(self.item_label)
        if self.field:
            parts.append(self.field.replace("_", " "))
        return " › ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "kind": self.kind,
            "item_id": self.item_id,
            "field": self.field,
            "label": self.label,
        }


@dataclass(frozen=True)
class Reason:
    """One plain sentence about a marking point, with the status it argues for."""

    status: Status
    text: str
    fixes: tuple[Location, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "text": self.text,
            "fix": [location.to_dict() for location in self.fixes],
        }


@dataclass(frozen=True)
class Reading:
    """A text a marking point's rules read, and whether it counted: what an assessor audits."""

    location: Location
    text: str
    counts: bool
    code: str = ""
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "where": self.location.to_dict(),
            "text": self.text,
            "counted": self.counts,
            "code": self.code or None,
            "why": self.why or None,
        }


@dataclass(frozen=True)
class PointResult:
    marking_point_id: str
    text: str
    status: Status
    reasons: tuple[Reason, ...]
    #: (kind, id) of every item that supports the point, rules and justified mappings alike.
    support: tuple[tuple[str, int], ...] = ()
    #: every text the rules read for this point, counted or rejected, with why
    readings: tuple[Reading, ...] = ()

    @property
    def relied_on(self) -> tuple[Reading, ...]:
        return tuple(r for r in self.readings if r.counts)

    @property
    def rejected(self) -> tuple[Reading, ...]:
        return tuple(r for r in self.readings if not r.counts)

    @property
    def short_id(self) -> str:
        return self.marking_point_id.rsplit(".", 1)[-1]

    @property
    def fixes(self) -> tuple[Location, ...]:
        seen: dict[Location, None] = {}
        for reason in self.reasons:
            if reason.status is not Status.MET:
                for location in reason.fixes:
                    seen.setdefault(location)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.marking_point_id,
            "text": self.text,
            "status": self.status.value,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "fix": [location.to_dict() for location in self.fixes],
            "support": [{"kind": kind, "id": item_id} for kind, item_id in self.support],
            "relied_on": [reading.to_dict() for reading in self.relied_on],
            "rejected": [reading.to_dict() for reading in self.rejected],
        }


@dataclass(frozen=True)
class Warning:
    """Something an assessor would query that is not itself a marking point."""

    category: str  # misconception | quality | substance | gap
    code: str
    text: str
    fixes: tuple[Location, ...] = ()
    marking_point_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "code": self.code,
            "text": self.text,
            "marking_point": self.marking_point_id,
            "fix": [location.to_dict() for location in self.fixes],
        }


@dataclass(frozen=True)
class CheckResult:
    unit_id: str
    unit_title: str
    checked_on: dt.date
    points: tuple[PointResult, ...]
    misconceptions: tuple[Warning, ...] = ()
    quality: tuple[Warning, ...] = ()
    gaps: tuple[Warning, ...] = ()
    #: texts that say nothing, records dated after today, copies and restatements
    substance: tuple[Warning, ...] = ()
    stage_status: dict[str, Status] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return all(point.status is Status.MET for point in self.points)

    @property
    def met_count(self) -> int:
        return sum(point.status is Status.MET for point in self.points)

    @property
    def warnings(self) -> tuple[Warning, ...]:
        return self.misconceptions + self.substance + self.quality + self.gaps

    def point(self, marking_point_id: str) -> PointResult:
        for point in self.points:
            if point.marking_point_id == marking_point_id or point.short_id == marking_point_id:
                return point
        raise KeyError(marking_point_id)

    def gap_list(self) -> list[str]:
        """Every unmet marking point and every gap, one line each (for refusals and drafts)."""
        lines = [
            f"{point.short_id} {point.status.label.lower()}: "
            + " ".join(r.text for r in point.reasons if r.status is not Status.MET)
            for point in self.points
            if point.status is not Status.MET
        ]
        lines += [warning.text for warning in self.gaps]
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": {"id": self.unit_id, "title": self.unit_title},
            "checked_on": self.checked_on.isoformat(),
            "complete": self.complete,
            "met": self.met_count,
            "total": len(self.points),
            "marking_points": [point.to_dict() for point in self.points],
            "misconceptions": [w.to_dict() for w in self.misconceptions],
            "quality": [w.to_dict() for w in self.quality],
            "substance": [w.to_dict() for w in self.substance],
            "gaps": [w.to_dict() for w in self.gaps],
            "stages": {stage: status.value for stage, status in self.stage_status.items()},
        }
