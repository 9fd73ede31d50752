"""The legislation and standards library: valid data, the entries the units rely on."""

from __future__ import annotations

import pytest

from app.catalogue.legislation import (
    find_mentioned,
    library_document,
    load_library,
    validate_library,
)
from app.demo import scenario
from app.errors import InvalidInputError


def test_library_has_the_laws_and_standards_the_units_name() -> None:
    library = load_library()
    for key in (
        "consumer-rights-act-2015",
        "data-protection-act-2018",
        "equality-act-2010",
        "consumer-contracts-regulations-2013",
        "iso-10002",
        "institute-of-customer-service-standards",
    ):
        entry = library[key]
        assert entry.summary and len(entry.requires) >= 3
    assert {entry.kind for entry in library.values()} == {"legislation", "standard"}


def test_demo_actions_name_library_entries() -> None:
    named = {
        entry.id for action in scenario.ACTIONS for entry in find_mentioned(action["legislation"])
    }
    assert {
        "consumer-rights-act-2015",
        "consumer-contracts-regulations-2013",
        "data-protection-act-2018",
        "equality-act-2010",
        "iso-10002",
    } <= named
    assert find_mentioned("health and safety at work") == []


def test_shipped_library_follows_its_schema() -> None:
    document = library_document()
    validate_library(document)
    del document["entries"][0]["summary"]
    with pytest.raises(InvalidInputError, match="summary"):
        validate_library(document)
