"""The legislation and standards library (resources/legislation.json).

Plain-English summaries of what each law or standard requires of customer service, for the
unit guide, and for actions and findings that must say which law they rely on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.errors import InvalidInputError
from app.resources import load_schema, resource_path


@dataclass(frozen=True)
class LegalEntry:
    id: str
    title: str
    kind: str
    summary: str
    requires: tuple[str, ...]
    jurisdiction: str = ""


def library_document() -> dict:
    return json.loads(resource_path("legislation.json").read_text(encoding="utf-8"))


def validate_library(document: dict) -> None:
    """Raise InvalidInputError when ``document`` does not follow its schema (the tests hold
    the shipped library to it; reading it at start-up trusts it, like the built-in units)."""
    import jsonschema

    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(load_schema("legislation.schema.json")).iter_errors(
            document
        )
    )
    if error is not None:
        raise InvalidInputError(f"legislation library: {error.message}")


@cache
def load_library() -> dict[str, LegalEntry]:
    """Every entry by id."""
    entries: dict[str, LegalEntry] = {}
    for item in library_document()["entries"]:
        if item["id"] in entries:
            raise InvalidInputError(f"legislation library: '{item['id']}' appears twice")
        entries[item["id"]] = LegalEntry(
            id=item["id"],
            title=item["title"],
            kind=item["kind"],
            summary=item["summary"],
            requires=tuple(item["requires"]),
            jurisdiction=item.get("jurisdiction", ""),
        )
    return entries


def find_mentioned(text: str) -> list[LegalEntry]:
    """Library entries a piece of text names (by title or common short name)."""
    lowered = text.lower()
    aliases = {
        "consumer-rights-act-2015": ("consumer rights act",),
        "data-protection-act-2018": ("data protection act", "gdpr"),
        "equality-act-2010": ("equality act",),
        "consumer-contracts-regulations-2013": ("consumer contracts",),
        "iso-10002": ("iso 10002",),
        "institute-of-customer-service-standards": ("institute of customer service", "servicemark"),
    }
    library = load_library()
    return [
        library[key]
        for key, names in aliases.items()
        if key in library and any(name in lowered for name in names)
    ]
