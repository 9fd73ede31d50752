"""What rules read: the portfolio's items by kind, their display numbers, and valid mappings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.catalogue import MarkingPoint, Unit
from app.checker.result import KIND_STAGE, Location
from app.checker.text import describe, has_words, is_filled, join_names
from app.models import KINDS, EvidenceLink, Portfolio

#: Rule collection name -> attribute of Portfolio holding that list.
COLLECTIONS: dict[str, str] = {name: kind.collection for name, kind in KINDS.items()}


@dataclass
class Context:
    portfolio: Portfolio
    unit: Unit
    today: dt.date
    items: dict[str, list[Any]] = field(default_factory=dict)
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)
    by_id: dict[tuple[str, int], Any] = field(default_factory=dict)
    #: marking point id -> mappings whose justification is valid and whose evidence is authentic
    valid_links: dict[str, list[EvidenceLink]] = field(default_factory=dict)
    #: marking point id -> mappings present but not acceptable, with the reason why
    weak_links: dict[str, list[tuple[EvidenceLink, str]]] = field(default_factory=dict)
    point: MarkingPoint | None = None

    @classmethod
    def build(cls, portfolio: Portfolio, unit: Unit, today: dt.date) -> Context:
        context = cls(portfolio=portfolio, unit=unit, today=today)
        for kind, attribute in COLLECTIONS.items():
            items = list(getattr(portfolio, attribute))
            context.items[kind] = items
            for number, item in enumerate(items, start=1):
                key = (kind, item.__dict__["id"])
                context.numbers[key] = number
                context.by_id[key] = item
        context.items["portfolio"] = [portfolio]
        context.numbers[("portfolio", portfolio.id)] = 1
        return context

    def collection(self, kind: str) -> list[Any]:
        return self.items[kind]

    def filled(self, item: Any, field_name: str, min_words: int = 1) -> bool:
        """Whether ``item.field_name`` holds real content (at least ``min_words`` words)."""
        state = item.__dict__  # loaded ORM state: much cheaper than the attribute descriptor
        value = state[field_name] if field_name in state else getattr(item, field_name)
        if not isinstance(value, str):
            return is_filled(value, min_words)
        return has_words(value, min_words)

    def join(self, kind: str, items: list[Any], limit: int = 4) -> str:
        """'a, b and c' naming items, describing only the ones shown."""
        shown = [self.name(kind, it) for it in items[:limit]]
        extra = len(items) - len(shown)
        return ", ".join(shown) + f" and {extra} more" if extra > 0 else join_names(shown)

    def name(self, kind: str, item: Any) -> str:
        if kind == "portfolio":
            return "the portfolio"
        return describe(kind, self.numbers.get((kind, item.id), 0), item)

    def location(self, kind: str, item: Any = None, field_name: str | None = None) -> Location:
        stage = KIND_STAGE.get(kind, "details")
        if kind == "portfolio" and field_name == "evaluation_narrative":
            stage = "evaluation"
        if item is None or kind == "portfolio":
            return Location(stage=stage, kind=kind, field=field_name)
        return Location(
            stage=stage,
            kind=kind,
            item_id=item.id,
            item_label=self.name(kind, item),
            field=field_name,
        )

    def link_location(self, link: EvidenceLink) -> Location:
        """Where to fix a mapping: its justification, on the evidence stage."""
        return Location(
            "evidence",
            "evidence_link",
            link.id,
            f"mapping of {self.target_name(link)}",
            "justification",
        )

    def target_name(self, link: EvidenceLink) -> str:
        kind, item_id = link.target
        item = self.by_id.get((kind, item_id))
        return self.name(kind, item) if item is not None else f"{kind} {item_id}"
