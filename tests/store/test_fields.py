"""Values as people write them, checked once for the CLI, the GUI and the importer."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import InvalidInputError
from app.models import ITEM_MODELS
from app.store.fields import coerce_fields, format_date, parse_date

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
