"""What a rule says, and the small helpers every rule type shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.checker.context import Context
from app.checker.result import Location, Status
from app.checker.text import NOUNS, join_names, quote

Rule = Mapping[str, Any]


@dataclass(frozen=True)
class Outcome:
    status: Status
    text: str
    fixes: tuple[Location, ...] = ()
    support: tuple[tuple[str, int], ...] = ()


# -- helpers ----------------------------------------------------------------------------------


def field_specs(raw: Any) -> list[tuple[str, int]]:
    specs = []
    for entry in raw or []:
        if isinstance(entry, str):
            specs.append((entry, 1))
        else:
            specs.append((entry["name"], int(entry.get("min_words", 1))))
    return specs


def matches(item: Any, where: Mapping[str, Any] | None) -> bool:
    if not where:
        return True
    state = item.__dict__  # loaded fields: see context.attr
    for name, wanted in where.items():
        value = state[name] if name in state else getattr(item, name)
        if isinstance(wanted, list):
            if value not in wanted:
                return False
        elif value != wanted:
            return False
    return True


def missing_fields(context: Context, item: Any, specs: list[tuple[str, int]]) -> list[str]:
    return [name for name, min_words in specs if not context.filled(item, name, min_words)]


def readable(name: str) -> str:
    return name.replace("_", " ")


def shortfall(context: Context, kind: str, item: Any, names: list[str]) -> str:
    """Why an item falls short, quoting what it says: 'action 1 “…”: owner “TBC” reads as a
    placeholder, not an answer; no barriers'."""
    empty: list[str] = []
    said: list[str] = []
    for name in names:
        value = getattr(item, name)
        if not isinstance(value, str) or not value.strip():
            empty.append(readable(name))
            continue
        judgement = context.judgement(item, name)
        why = judgement.why if not judgement.counts else "says too little"
        said.append(f"{readable(name)} {quote(value)} {why}")
    name = context.name(kind, item)
    if not said:
        return f"{name} has no {join_names(empty)}"
    return f"{name}: " + "; ".join(said) + (f"; it has no {join_names(empty)}" if empty else "")


def sentence(label_text: str, detail: str) -> str:
    text = f"{label_text}: {detail}"
    return text if text.endswith((".", "?", "!")) else text + "."


NOUN = {**NOUNS, "feedback_item": "feedback item"}
