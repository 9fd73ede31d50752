"""The catalogue's data: units, their guidance and their examiner marking points."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class KeyConcept:
    term: str
    text: str


@dataclass(frozen=True)
class Misconception:
    id: str
    text: str
    warning: str = ""
    when: tuple[dict[str, Any], ...] = ()
    #: short ids of the marking points this mistake holds at "partly met" when detected
    caps: tuple[str, ...] = ()
    #: further condition lists: the mistake is shown when ``when`` or any of these holds
    when_any: tuple[tuple[dict[str, Any], ...], ...] = ()
    #: per entry of ``when_any``, the points it holds back when it is the way the mistake
    #: shows, or None for ``caps`` (a mistake in the recording of an item may leave the
    #: analysis sound, the same mistake in the analysis may not)
    when_any_caps: tuple[tuple[str, ...] | None, ...] = ()
    #: per entry of ``when_any``, what the learner is told when it is the way the mistake
    #: shows ("" for ``warning``)
    when_any_warnings: tuple[str, ...] = ()

    def detections(self) -> tuple[Detection, ...]:
        """Every way the mistake is detected: its conditions, the points each holds back and
        what the learner is told."""
        found = [Detection(self.when, self.caps, self.warning)] if self.when else []
        for index, conditions in enumerate(self.when_any):
            caps = self.when_any_caps[index] if index < len(self.when_any_caps) else None
            said = self.when_any_warnings[index] if index < len(self.when_any_warnings) else ""
            found.append(
                Detection(conditions, self.caps if caps is None else caps, said or self.warning)
            )
        return tuple(found)


@dataclass(frozen=True)
class Detection:
    """One way a misconception is detected."""

    conditions: tuple[dict[str, Any], ...]
    caps: tuple[str, ...]
    warning: str


@dataclass(frozen=True)
class MarkingPoint:
    id: str
    text: str
    rules: tuple[dict[str, Any], ...] = ()
    sufficiency: int | None = None
    #: Distinct assessment methods an assessor must have used before it is met (None: any)
    methods: int | None = None

    @property
    def number(self) -> int:
        return int(self.id.rsplit(".MP", 1)[1])

    @property
    def short_id(self) -> str:
        return f"MP{self.number}"


@dataclass(frozen=True)
class Unit:
    id: str
    title: str
    qualification: str
    synopsis: str
    kind: str = "unit"
    source_document: str = ""
    #: The unit's number as the qualification lists it, and its level (cover, forms)
    unit_number: str = ""
    level: str = ""
    qualification_number: str = ""
    key_concepts: tuple[KeyConcept, ...] = ()
    exam_tips: tuple[str, ...] = ()
    misconceptions: tuple[Misconception, ...] = ()
    marking_points: tuple[MarkingPoint, ...] = ()
    #: The validated document the unit was read from, kept for embedding in portfolios.
    document: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    origin: str = "built-in"

    def marking_point(self, mp_id: str) -> MarkingPoint:
        for point in self.marking_points:
            if point.id == mp_id:
                return point
        raise KeyError(mp_id)

    @classmethod
    def from_document(cls, document: dict[str, Any], origin: str = "built-in") -> Unit:
        """Build from a document already validated against unit.schema.json."""
        return cls(
            id=document["id"],
            title=document["title"],
            qualification=document["qualification"],
            synopsis=document["synopsis"],
            kind=document.get("kind", "unit"),
            source_document=document.get("source_document", ""),
            unit_number=document.get("unit_number", ""),
            level=str(document.get("level", "")),
            qualification_number=document.get("qualification_number", ""),
            key_concepts=tuple(KeyConcept(**c) for c in document.get("key_concepts", [])),
            exam_tips=tuple(document.get("exam_tips", [])),
            misconceptions=tuple(
                Misconception(
                    id=m["id"],
                    text=m["text"],
                    warning=m.get("warning", ""),
                    when=tuple(m.get("when", [])),
                    caps=tuple(m.get("caps", [])),
                    when_any=tuple(
                        tuple(group["rules"] if isinstance(group, dict) else group)
                        for group in m.get("when_any", [])
                    ),
                    when_any_caps=tuple(
                        tuple(group["caps"])
                        if isinstance(group, dict) and "caps" in group
                        else None
                        for group in m.get("when_any", [])
                    ),
                    when_any_warnings=tuple(
                        group.get("warning", "") if isinstance(group, dict) else ""
                        for group in m.get("when_any", [])
                    ),
                )
                for m in document.get("misconceptions", [])
            ),
            marking_points=tuple(
                MarkingPoint(
                    id=p["id"],
                    text=p["text"],
                    rules=tuple(p.get("rules", [])),
                    sufficiency=p.get("sufficiency"),
                    methods=p.get("methods"),
                )
                for p in document["marking_points"]
            ),
            document=document,
            origin=origin,
        )
