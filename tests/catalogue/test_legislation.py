"""The legislation and standards library: valid data, the entries the units rely on, and
citations read the way learners write them."""

from __future__ import annotations

import pytest

from app.catalogue.legislation import (
    current_entries,
    find_internal_policies,
    find_mentioned,
    find_unresolved_laws,
    library_document,
    load_library,
    resolve_citations,
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
        assert entry.current and entry.scope and entry.justification_terms
    assert {entry.kind for entry in library.values()} == {"legislation", "standard"}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("sale-of-goods-act-1979", "consumer-rights-act-2015"),
        ("supply-of-goods-and-services-act-1982", "consumer-rights-act-2015"),
        ("data-protection-act-1998", "data-protection-act-2018"),
        ("disability-discrimination-act-1995", "equality-act-2010"),
        (
            "consumer-protection-distance-selling-regulations-2000",
            "consumer-contracts-regulations-2013",
        ),
        ("unfair-terms-in-consumer-contracts-regulations-1999", "consumer-rights-act-2015"),
        (
            "consumer-protection-from-unfair-trading-regulations-2008",
            "digital-markets-competition-and-consumers-act-2024",
        ),
    ],
)
def test_superseded_laws_name_what_replaced_them(old: str, new: str) -> None:
    library = load_library()
    entry = library[old]
    assert not entry.current and entry.replaced_by == new and library[new].current
    assert library[new].title in entry.status_text()
    assert old not in current_entries() and new in current_entries()
    assert "no longer current" in entry.choice_label


def test_a_generic_law_governs_no_customer_service_duty() -> None:
    entry = load_library()["health-and-safety-at-work-act-1974"]
    assert entry.current and entry.kind == "legislation" and entry.generic and entry.scope_note


def _cited(text: str) -> list[tuple[str, str, str]]:
    return [(c.entry.id, c.text, c.section) for c in resolve_citations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CRA 2015 s.49", [("consumer-rights-act-2015", "CRA 2015 s.49", "s.49")]),
        ("Consumer Rights Act", [("consumer-rights-act-2015", "Consumer Rights Act", "")]),
        (
            "consumer rights act (2015), s 9",
            [("consumer-rights-act-2015", "consumer rights act (2015), s 9", "s 9")],
        ),
        ("EqA 2010", [("equality-act-2010", "EqA 2010", "")]),
        (
            "DPA 2018; EqA 2010",
            [("data-protection-act-2018", "DPA 2018", ""), ("equality-act-2010", "EqA 2010", "")],
        ),
        ("UK GDPR", [("data-protection-act-2018", "UK GDPR", "")]),
        ("GDPR art 15", [("data-protection-act-2018", "GDPR art 15", "art 15")]),
        ("DPA", [("data-protection-act-2018", "DPA", "")]),
        (
            "Data Protection Act 1998",
            [("data-protection-act-1998", "Data Protection Act 1998", "")],
        ),
        ("Sale of Goods Act 1979", [("sale-of-goods-act-1979", "Sale of Goods Act 1979", "")]),
        ("CCRs 2013", [("consumer-contracts-regulations-2013", "CCRs 2013", "")]),
        ("ISO 10002:2018", [("iso-10002", "ISO 10002:2018", "")]),
        (
            "section 20 of the Equality Act",
            [("equality-act-2010", "section 20 of the Equality Act", "section 20")],
        ),
        ("Health & Safety", [("health-and-safety-at-work-act-1974", "Health & Safety", "")]),
        ("Please contact the customer, then act on it", []),
        ("Physics topics and democracy", []),
        ("our returns policy", []),
    ],
)
def test_citations_resolve_as_learners_write_them(text: str, expected: list) -> None:
    assert _cited(text) == expected


def test_a_superseded_citation_resolves_to_its_entry_and_successor() -> None:
    (citation,) = resolve_citations("Sale of Goods Act 1979")
    assert citation.entry.status == "replaced"
    assert citation.entry.replaced_by == "consumer-rights-act-2015"
    (citation,) = resolve_citations("Data Protection Act 1998")
    assert citation.entry.status == "repealed"


def test_what_is_not_in_the_library_is_found_as_written() -> None:
    assert find_unresolved_laws("We follow the XYZ Act 2009.") == ["XYZ Act 2009"]
    assert find_unresolved_laws("Consumer Rights Act 2016") == ["Consumer Rights Act 2016"]
    assert find_unresolved_laws("ISO 9001") == ["ISO 9001"]
    assert find_unresolved_laws("CRA 2015 and the Act itself; contact us") == []
    assert find_internal_policies("our returns policy") == ["our returns policy"]
    assert find_internal_policies("Company policy and the customer charter") == [
        "Company policy",
        "the customer charter",
    ]
    assert find_internal_policies("Code of conduct") == ["Code of conduct"]
    assert find_internal_policies("Consumer Rights Act 2015") == []


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
    assert [e.id for e in find_mentioned("health and safety at work")] == [
        "health-and-safety-at-work-act-1974"
    ]


def test_shipped_library_follows_its_schema() -> None:
    document = library_document()
    validate_library(document)
    del document["entries"][0]["summary"]
    with pytest.raises(InvalidInputError, match="summary"):
        validate_library(document)


def test_a_superseded_entry_must_name_a_successor_in_the_library() -> None:
    document = library_document()
    entry = next(e for e in document["entries"] if e["id"] == "sale-of-goods-act-1979")
    entry["replaced_by"] = "no-such-act"
    with pytest.raises(InvalidInputError, match="no-such-act"):
        validate_library(document)
    del entry["replaced_by"]
    with pytest.raises(InvalidInputError, match="replaced_by"):
        validate_library(document)
