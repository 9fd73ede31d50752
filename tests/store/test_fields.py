"""Values as people write them, checked once for the CLI, the GUI and the importer."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import InvalidInputError
from app.models import ITEM_MODELS
from app.store.fields import coerce_fields, format_date, parse_date, validate_field

NEW_YEARS_EVE = dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "31/12/2026",
        "31-12-2026",
        "31.12.2026",
        "31 Dec 2026",
        "31 dec 2026",
        "31 December 2026",
        "31st December 2026",
        "  31/12/2026 ",
        "2026-12-31",
    ],
)
def test_a_date_is_read_day_first(text: str) -> None:
    assert parse_date(text) == NEW_YEARS_EVE


def test_a_short_day_first_date_is_not_read_month_first() -> None:
    assert parse_date("1/2/2026") == dt.date(2026, 2, 1)
    assert parse_date("3 Sept 2026") == dt.date(2026, 9, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12/31/2026", "use day/month/year"),
        ("31/02/2026", "not a day of the calendar"),
        ("31 Decembre 2026", "is not a month"),
        ("next Tuesday", "use day/month/year"),
        ("31/12/26", "use day/month/year"),
    ],
)
def test_a_date_that_cannot_be_read_day_first_is_refused_saying_why(text, reason) -> None:
    with pytest.raises(InvalidInputError, match=reason):
        coerce_fields("feedback_item", ITEM_MODELS["feedback_item"], {"received_on": text})


def test_a_typed_date_is_stored_as_a_date_and_shown_day_first() -> None:
    values = coerce_fields(
        "feedback_item", ITEM_MODELS["feedback_item"], {"received_on": "31 Dec 2026"}
    )
    assert values == {"received_on": NEW_YEARS_EVE}
    assert format_date(values["received_on"]) == "31/12/2026"


FEEDBACK = ITEM_MODELS["feedback_item"]


def test_a_rating_above_its_scale_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="7 is more than the 5 it is out of"):
        coerce_fields("feedback_item", FEEDBACK, {"rating": "7", "rating_scale": "5"})
    with pytest.raises(InvalidInputError, match="7 is more than the 5 it is out of"):
        coerce_fields("feedback_item", FEEDBACK, {"rating": 7}, current={"rating_scale": 5})
    with pytest.raises(InvalidInputError, match="3 is less than the rating of 4"):
        coerce_fields("feedback_item", FEEDBACK, {"rating_scale": 3}, current={"rating": 4})
    with pytest.raises(InvalidInputError, match="outside the scale"):
        coerce_fields("feedback_item", FEEDBACK, {"rating_scale": 0})
    assert coerce_fields("feedback_item", FEEDBACK, {"rating": 5}, {"rating_scale": 5}) == {
        "rating": 5
    }


def test_the_store_refuses_a_rating_above_the_scale_the_item_already_has(store) -> None:
    item_id = store.add_item("feedback_item", source_type="survey", rating_scale=5).item_id
    with pytest.raises(InvalidInputError, match="more than the 5"):
        store.update_item("feedback_item", item_id, rating=7)
    store.update_item("feedback_item", item_id, rating=4)
    with pytest.raises(InvalidInputError, match="less than the rating of 4"):
        store.update_item("feedback_item", item_id, rating_scale=3)
    store.update_item("feedback_item", item_id, rating_scale=10, rating=7)
    assert store.load().feedback_items[0].rating == 7


def test_a_negative_rating_or_cost_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="-1 is below 0"):
        coerce_fields("feedback_item", FEEDBACK, {"rating": "-1"})
    with pytest.raises(InvalidInputError, match="-250 is below 0"):
        coerce_fields("action_item", ITEM_MODELS["action_item"], {"cost": "-250"})
    assert coerce_fields("action_item", ITEM_MODELS["action_item"], {"cost": "1,250"}) == {
        "cost": 1250
    }


def test_a_form_field_is_checked_against_the_item_s_other_values() -> None:
    """What a form shows next to a rating as it is typed: judged with the scale the item
    already has, and the message without the field's name (the form shows it beside it)."""
    assert validate_field("feedback_item", FEEDBACK, "rating", "7", {"rating_scale": 5}) == (
        None,
        "7 is more than the 5 it is out of",
    )
    assert validate_field("feedback_item", FEEDBACK, "rating", "4", {"rating_scale": 5}) == (4, "")


def test_a_refused_portfolio_detail_names_the_portfolio_s_field(store) -> None:
    with pytest.raises(InvalidInputError) as refused:
        store.update_details(started_on="next Tuesday")
    assert refused.value.message.startswith("portfolio.started_on: ")
