"""Legislation judged against the library: small portfolios built through the store, as a
learner would, held against journey-review and service-foundations MP3 and their M3."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.checker import CheckResult, Status
from app.checker.rules import validate_rule
from app.errors import InvalidInputError
from app.store import PortfolioStore
from tests.checker.helpers import run_check
from tests.conftest import UNIT_IDS, make_demo

REFUND = (
    "Refund customers who bring back a faulty kettle within 30 days at the till, and log "
    "each kettle return on the returns sheet."
)
REFUND_WHY = (
    "A faulty kettle returned within 30 days gets a full refund, as the short-term right "
    "to reject requires; the till refund replaces the old repair-first reply."
)
IDENTITY = (
    "Ask callers to confirm their postcode and order number before the team discusses an "
    "order, and offer a call back or large print letter to callers who ask."
)
IDENTITY_WHY = (
    "Order details go only to the right person because callers confirm their identity "
    "first, and the call back or large print letter is a reasonable adjustment for "
    "disabled callers."
)


def action(store: PortfolioStore, text: str = REFUND, **fields: object) -> int:
    fields.setdefault("changes_process", True)
    return int(store.add_item("action_item", action=text, **fields).item_id)  # type: ignore[arg-type]


def link(store: PortfolioStore, entry: str, action_id: int, why: str) -> int:
    change = store.add_item(
        "legislation_link", entry_id=entry, action_id=action_id, justification=why
    )
    return int(change.item_id)  # type: ignore[arg-type]


def mp3(result: CheckResult) -> tuple[Status, str]:
    point = result.point("MP3")
    return point.status, " ".join(r.text for r in point.reasons)


def codes(result: CheckResult) -> set[str]:
    return {w.code for w in result.substance if w.code in WARNINGS}


WARNINGS = {"repealed-law", "not-legislation", "generic-law", "boilerplate-justification"}


# -- met ------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit_id", ["journey-review", "service-foundations"])
def test_an_abbreviated_correct_citation_is_met(portfolio, unit_id: str) -> None:
    store = portfolio(unit_id)
    action(store, legislation="CRA 2015 s.20", compliance_justification=REFUND_WHY)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.MET, text
    assert "Consumer Rights Act 2015" in text
    assert codes(result) == set() and not [w for w in result.misconceptions if w.code == "M3"]


def test_two_abbreviated_laws_in_one_field_are_each_judged_met(portfolio) -> None:
    store = portfolio("service-foundations")
    action(store, IDENTITY, legislation="DPA 2018; EqA 2010", compliance_justification=IDENTITY_WHY)
    status, text = mp3(run_check(store))
    assert status is Status.MET, text
    assert "2 current citations" in text and "Equality Act 2010" in text


def test_a_justified_link_meets_the_point_without_the_text_fields(portfolio) -> None:
    store = portfolio("journey-review")
    link(store, "consumer-rights-act-2015", action(store), REFUND_WHY)
    status, text = mp3(run_check(store))
    assert status is Status.MET, text


def test_past_four_justified_actions_the_rest_are_counted_not_listed(portfolio) -> None:
    store = portfolio("journey-review")
    for till in range(1, 6):
        action(
            store,
            REFUND.replace("at the till", f"at till {till}"),
            legislation="CRA 2015",
            compliance_justification=REFUND_WHY.replace("within 30 days", f"at till {till}"),
        )
    status, text = mp3(run_check(store))
    assert status is Status.MET, text
    assert "5 current citations, each justified (action 1: Consumer Rights Act 2015; " in text
    assert "; action 4: Consumer Rights Act 2015; and 1 more)" in text
    assert "action 5" not in text


# -- missing and partly ------------------------------------------------------------------------


def test_no_process_changing_action_is_missing(portfolio) -> None:
    store = portfolio("journey-review")
    action(store, changes_process=False, legislation="CRA 2015")
    status, text = mp3(run_check(store))
    assert status is Status.MISSING and "add 1 matching action" in text


def test_actions_citing_nothing_are_missing_and_contact_is_not_an_act(portfolio) -> None:
    store = portfolio("service-foundations")
    action(
        store,
        legislation="Contact the customer and act on the complaint",
        compliance_justification=REFUND_WHY,
    )
    status, text = mp3(run_check(store))
    assert status is Status.MISSING and "no law is cited" in text


def test_every_process_changing_action_needs_a_current_law(portfolio) -> None:
    store = portfolio("journey-review")
    action(store, legislation="CRA 2015", compliance_justification=REFUND_WHY)
    second = action(store, IDENTITY)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and "action 2" in text and "cites no current law" in text
    assert any(f.item_id == second and f.field == "legislation" for f in result.point("MP3").fixes)
    warning = next(w for w in result.misconceptions if w.code == "M3")
    assert "current legislation" in warning.text and warning.fixes


def test_a_standard_counts_where_the_unit_allows_standards_only(portfolio) -> None:
    why = (
        "Each kettle complaint at the till is acknowledged the same day and recorded, so "
        "returns are handled promptly and objectively."
    )
    journey = portfolio("journey-review")
    action(journey, legislation="ISO 10002", compliance_justification=why)
    assert mp3(run_check(journey))[0] is Status.MET
    foundations = portfolio("service-foundations")
    action(foundations, legislation="ISO 10002", compliance_justification=why)
    status, text = mp3(run_check(foundations))
    assert status is Status.PARTLY and "is a standard, not legislation" in text


def test_a_standard_is_not_judged_where_only_legislation_counts(portfolio) -> None:
    """A standard on a unit that asks for legislation is neither counted nor wrong, so a thin
    reason for it does not hold back a change whose law is cited and justified."""
    store = portfolio("service-foundations")
    action_id = action(store, legislation="CRA 2015 s.20", compliance_justification=REFUND_WHY)
    link(store, "iso-10002", action_id, "It is good practice for complaints in general.")
    status, text = mp3(run_check(store))
    assert status is Status.MET, text


@pytest.mark.parametrize(
    ("why", "words"),
    [
        ("", "has no compliance justification for the Consumer Rights Act 2015"),
        ("TBC", "reads as a placeholder"),
        (
            "This makes sure the kettle change at the till is legal and fair to everyone.",
            "does not name the duty the Consumer Rights Act 2015 sets",
        ),
        (
            "The Act says goods must be of satisfactory quality, fit for purpose and as described.",
            "does not say how the law applies to action 1",
        ),
    ],
)
def test_a_justification_must_name_the_duty_and_speak_to_the_item(
    portfolio, why: str, words: str
) -> None:
    store = portfolio("service-foundations")
    action_id = action(store, legislation="Consumer Rights Act", compliance_justification=why)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and words in text, text
    fix = result.point("MP3").fixes[0]
    assert (fix.item_id, fix.field) == (action_id, "compliance_justification")
    if why:
        assert f"“{why[:20]}" in text  # the reason quotes the rejected text


def test_a_justification_may_say_what_the_change_will_do(portfolio) -> None:
    """A justification is not a record of what happened: written in the future tense it is
    judged on what it says (here: it names no duty), never as an intention."""
    store = portfolio("service-foundations")
    why = "This will make sure the kettle change at the till is legal and fair to everyone."
    action(store, legislation="Consumer Rights Act", compliance_justification=why)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and "does not name the duty" in text, text
    (reading,) = [
        r for r in result.point("MP3").readings if r.location.field == "compliance_justification"
    ]
    assert (reading.text, reading.counts, reading.code) == (why, False, "")
    assert not [w for w in result.substance if w.code == "intention"]


# -- wrong law, and the warnings ---------------------------------------------------------------


def test_a_replaced_law_is_not_met_and_names_its_successor(portfolio) -> None:
    store = portfolio("journey-review")
    action_id = action(
        store, legislation="Sale of Goods Act 1979", compliance_justification=REFUND_WHY
    )
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY
    assert (
        "Sale of Goods Act 1979 was replaced by the Consumer Rights Act 2015 for consumer" in text
    )
    assert "; cite the law in force instead" in text
    warning = next(w for w in result.substance if w.code == "repealed-law")
    assert "“Sale of Goods Act 1979”" in warning.text
    assert warning.fixes[0].item_id == action_id and warning.fixes[0].field == "legislation"
    assert warning.category == "substance" and warning.marking_point_id == "journey-review.MP3"
    assert any(w.code == "M3" for w in result.misconceptions)


def test_a_repealed_act_beside_a_justified_current_law_is_flagged_not_held(portfolio) -> None:
    """Item by item: the change still rests on a current law, justified, so the stray old Act
    is named in a warning and the point holds."""
    store = portfolio("journey-review")
    action_id = action(
        store,
        IDENTITY,
        legislation="Data Protection Act 1998; Equality Act 2010",
        compliance_justification=IDENTITY_WHY,
    )
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.MET, text
    assert "flagged beside them" in text and "Data Protection Act 1998" in text
    warning = next(w for w in result.substance if w.code == "repealed-law")
    assert warning.fixes[0].item_id == action_id
    alone = portfolio("journey-review")
    action(
        alone,
        IDENTITY,
        legislation="Data Protection Act 1998",
        compliance_justification=IDENTITY_WHY,
    )
    assert mp3(run_check(alone))[0] is Status.PARTLY


@pytest.mark.parametrize(
    ("entry", "successor"),
    [
        ("data-protection-act-1998", "Data Protection Act 2018"),
        ("disability-discrimination-act-1995", "Equality Act 2010"),
        ("consumer-protection-distance-selling-regulations-2000", "Consumer Contracts"),
        ("unfair-terms-in-consumer-contracts-regulations-1999", "Consumer Rights Act 2015"),
        ("supply-of-goods-and-services-act-1982", "Consumer Rights Act 2015"),
    ],
)
def test_a_link_to_a_repealed_law_is_flagged_where_it_is_chosen(
    portfolio, entry: str, successor: str
) -> None:
    store = portfolio("journey-review")
    link_id = link(store, entry, action(store, IDENTITY), IDENTITY_WHY)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and successor in text
    warning = next(w for w in result.substance if w.code == "repealed-law")
    assert (warning.fixes[0].kind, warning.fixes[0].item_id) == ("legislation_link", link_id)
    assert warning.fixes[0].field == "entry_id" and warning.fixes[0].stage == "legislation"


def test_an_internal_policy_is_not_legislation(portfolio) -> None:
    store = portfolio("service-foundations")
    action(store, legislation="Our returns policy", compliance_justification=REFUND_WHY)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.MISSING and "“Our returns policy” is the organisation's own" in text
    assert codes(result) == {"not-legislation"}


def test_a_law_the_library_does_not_hold_cannot_count(portfolio) -> None:
    store = portfolio("service-foundations")
    action(store, legislation="the XYZ Act 2009", compliance_justification=REFUND_WHY)
    status, text = mp3(run_check(store))
    assert status is Status.MISSING and "“XYZ Act 2009” is not a law" in text


def test_a_generic_law_raises_the_seed_misconception(portfolio) -> None:
    store = portfolio("service-foundations")
    action(
        store,
        legislation="Health and Safety at Work Act 1974",
        compliance_justification="Staff lift returned kettles safely at the till.",
    )
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and "no customer-service duty in scope" in text
    assert codes(result) == {"generic-law"}
    warning = next(w for w in result.misconceptions if w.code == "M3")
    assert "citing generic laws" in warning.text and warning.fixes[0].field == "legislation"


def test_one_justification_pasted_on_every_law_is_boilerplate(portfolio) -> None:
    store = portfolio("journey-review")
    pasted = (
        "This change to the kettle returns at the till complies fully with the law and "
        "protects the refund rights of every customer who calls."
    )
    first = action(store, legislation="Consumer Rights Act 2015", compliance_justification=pasted)
    action(store, IDENTITY, legislation="Equality Act 2010", compliance_justification=pasted)
    link(store, "data-protection-act-2018", first, pasted.replace("law", "Data Protection Act"))
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and "is the same text as for the" in text
    warning = next(w for w in result.substance if w.code == "boilerplate-justification")
    assert "Equality Act 2010" in warning.text and len(warning.fixes) >= 2


def test_the_same_justification_for_one_law_in_two_places_is_not_boilerplate(portfolio) -> None:
    store = portfolio("journey-review")
    first = action(store, legislation="CRA 2015", compliance_justification=REFUND_WHY)
    link(store, "consumer-rights-act-2015", first, REFUND_WHY)
    result = run_check(store)
    assert mp3(result)[0] is Status.MET and codes(result) == set()


def test_the_criterion_wording_pasted_as_justification_is_flagged(portfolio) -> None:
    store = portfolio("journey-review")
    criterion = store.unit().marking_points[2].text
    action(store, legislation="CRA 2015", compliance_justification=criterion)
    result = run_check(store)
    status, text = mp3(result)
    assert status is Status.PARTLY and "repeats the marking point's wording" in text
    assert "boilerplate-justification" in codes(result)


# -- the rule's settings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ({"collections": ["log_entry"]}, "collections"),
        ({"where": {"no_such_field": True}}, "no_such_field"),
        ({"each": "yes"}, "true or false"),
        ({"same_text": 20}, "same_text"),
        ({"without": "bad-code"}, "without"),
        ({"min": 0}, "min"),
        ({"colour": "red"}, "unknown setting"),
    ],
)
def test_the_rule_settings_are_validated(rule: dict, words: str) -> None:
    with pytest.raises(InvalidInputError, match=words):
        validate_rule({"rule": "legislation", "label": "Law", **rule}, "MP9 rule 1")
    validate_rule(
        {
            "rule": "legislation",
            "label": "Law",
            "collections": ["action_item", "analysis_finding"],
            "min": 2,
            "standards": True,
            "require_justification": False,
            "same_text": 90,
        },
        "MP9 rule 1",
    )


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_every_demo_cites_its_law_soundly(tmp_path: Path, unit_id: str) -> None:
    with make_demo(tmp_path, unit_id) as store:
        result = run_check(store)
    assert codes(result) == set(), [w.text for w in result.substance]
    assert result.complete
    if unit_id in {"journey-review", "service-foundations"}:
        assert mp3(result)[0] is Status.MET
