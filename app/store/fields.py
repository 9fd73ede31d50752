"""Checking and converting the values a person gives for an item's fields.

One place for it, driven by the model's columns, so the CLI, the GUI and the interchange
importer accept exactly the same values.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, inspect

from app.errors import InvalidInputError
from app.models import Base
from app.models.base import UtcDateTime
from app.models.vocab import VOCABULARIES

#: Longest text accepted in one field (characters); far beyond any real answer.
MAX_TEXT = 1_000_000
#: Columns the store owns; nobody sets them through an edit.
SYSTEM_COLUMNS = frozenset(
    {"id", "portfolio_id", "position", "created_at", "blob_sha256", "locked_version"}
)

#: Numbers that only make sense within a scale: (lowest, highest).
RANGES: Mapping[tuple[str, str], tuple[float, float]] = {
    ("journey_touchpoint", "emotion"): (-2, 2),
    ("decision_criterion", "weight"): (0, 100),
    ("decision_score", "score"): (0, 5),
    ("rater_score", "score"): (1, 5),
    ("feedback_item", "rating_scale"): (1, 100),
    ("feedback_item", "rating"): (0, math.inf),
    ("action_item", "cost"): (0, math.inf),
}

#: Numbers bounded by another field of the same item: (kind, field) -> the field holding the
#: highest value (a rating of 7 is refused when it is out of 5).
OUT_OF: Mapping[tuple[str, str], str] = {("feedback_item", "rating"): "rating_scale"}


def vocabulary(kind: str, name: str) -> Mapping[str, str] | None:
    """The values a field accepts (value -> label), or None when it is free."""
    if (kind, name) == ("legislation_link", "entry_id"):
        from app.catalogue.legislation import load_library

        return {key: entry.title for key, entry in load_library().items()}
    return VOCABULARIES.get((kind, name))


def editable_columns(model: type[Base]) -> dict[str, Any]:
    """Column name -> Column, for the columns a person may edit."""
    mapper = inspect(model)
    return {column.key: column for column in mapper.columns if column.key not in SYSTEM_COLUMNS}


#: Month names and their usual abbreviations, as people write them in a UK date.
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS: Mapping[str, int] = {
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")

DATE_HINT = "use day/month/year, e.g. 31/12/2026"


def parse_date(text: str) -> dt.date:
    """A date as a UK learner writes it: 31/12/2026, 31-12-2026, 31.12.2026, 31 Dec 2026,
    31 December 2026, or ISO 2026-12-31. Raises ValueError with the reason."""
    flat = " ".join(text.strip().lower().split())
    if match := _ISO.fullmatch(flat):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC.fullmatch(flat):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        if month > 12 and day <= 12:
            raise ValueError(f"'{text.strip()}' reads as month first; {DATE_HINT}")
    elif match := _WORDS.fullmatch(flat):
        if match[2] not in MONTHS:
            raise ValueError(f"'{text.strip()}': '{match[2]}' is not a month")
        day, month, year = int(match[1]), MONTHS[match[2]], int(match[3])
    else:
        raise ValueError(f"'{text.strip()}' is not a date ({DATE_HINT})")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a day of the calendar ({DATE_HINT})") from None


def format_date(value: dt.date) -> str:
    """How a date is shown back to a UK learner: 31/12/2026."""
    return value.strftime("%d/%m/%Y")


def _as_date(name: str, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not str(value).strip():
        return None
    try:
        return parse_date(str(value))
    except ValueError as error:
        raise InvalidInputError(f"{name}: {error}") from None


def _as_float(name: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidInputError(f"{name}: expected a number, got {value!r}")
    try:
        number = (
            float(str(value).strip().replace(",", "")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        raise InvalidInputError(f"{name}: '{value}' is not a number") from None
    if not math.isfinite(number):
        raise InvalidInputError(f"{name}: '{value}' is not a finite number")
    return number


def _as_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y", "on"}:
        return True
    if text in {"0", "false", "no", "n", "off", ""}:
        return False
    raise InvalidInputError(f"{name}: '{value}' is not yes/no")


#: Half of a UTF-16 pair on its own: no encoding can store it (pasted from a broken source).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    broken = _LONE_SURROGATE.search(value)
    if broken is not None:
        raise InvalidInputError(
            f"{name}: the text holds a broken character (U+{ord(broken.group()):04X}, "
            f"character {broken.start() + 1}) that cannot be saved; type that part again"
        )
    if len(value) > MAX_TEXT:
        raise InvalidInputError(
            f"{name}: text of {len(value):,} characters is longer than the "
            f"{MAX_TEXT:,} allowed in one field"
        )
    return value


def check_out_of(kind: str, values: Mapping[str, Any], changed: Iterable[str]) -> None:
    """Refuse a number above the scale it is out of, naming the field that was changed.

    ``values`` are the item's values after the change; ``changed`` the fields it sets.
    """
    changed = set(changed)
    for (scaled_kind, name), scale_name in OUT_OF.items():
        if scaled_kind != kind or not {name, scale_name} & changed:
            continue
        number, scale = values.get(name), values.get(scale_name)
        if number is None or scale is None or number <= scale:
            continue
        if name in changed:
            raise InvalidInputError(
                f"{kind}.{name}: {number:g} is more than the {scale:g} it is out of"
            )
        raise InvalidInputError(
            f"{kind}.{scale_name}: {scale:g} is less than the {name} of {number:g}"
        )


def coerce_fields(
    kind: str,
    model: type[Base],
    fields: Mapping[str, Any],
    current: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate ``fields`` for an item of ``kind``; return them converted to column types.

    ``current`` holds the item's other values, for the rules between fields (a rating and
    the scale it is out of).
    """
    columns = editable_columns(model)
    result: dict[str, Any] = {}
    for name, value in fields.items():
        column = columns.get(name)
        if column is None:
            known = ", ".join(sorted(columns))
            raise InvalidInputError(f"{kind} has no field '{name}' (fields: {known})")
        label = f"{kind}.{name}"
        column_type = column.type
        if isinstance(column_type, Date):
            converted: Any = _as_date(label, value)
        elif isinstance(column_type, UtcDateTime):
            converted = value
        elif isinstance(column_type, Boolean):
            converted = _as_bool(label, value)
        elif isinstance(column_type, Float):
            converted = _as_float(label, value)
        elif isinstance(column_type, Integer):
            number = _as_float(label, value)
            converted = None if number is None else int(number)
        else:
            converted = _as_text(label, value)
        if converted is None and not column.nullable:
            raise InvalidInputError(f"{label} is required")
        allowed = vocabulary(kind, name)
        if allowed is not None and converted not in allowed:
            raise InvalidInputError(f"{label}: '{converted}' is not one of: {', '.join(allowed)}")
        scale = RANGES.get((kind, name))
        if scale is not None and converted is not None and not scale[0] <= converted <= scale[1]:
            if math.isinf(scale[1]):
                raise InvalidInputError(f"{label}: {converted:g} is below {scale[0]:g}")
            raise InvalidInputError(
                f"{label}: {converted:g} is outside the scale {scale[0]:g} to {scale[1]:g}"
            )
        result[name] = converted
    check_out_of(kind, {**(current or {}), **result}, result)
    return result


def validate_field(
    kind: str,
    model: type[Base],
    name: str,
    raw: Any,
    current: Mapping[str, Any] | None = None,
) -> tuple[Any, str]:
    """Check one value as the store would: (converted value, "") or (None, message).

    Lets a form show a problem inline, next to the field, before anything is saved;
    ``current`` holds the item's other values.
    """
    try:
        return coerce_fields(kind, model, {name: raw}, current)[name], ""
    except InvalidInputError as error:
        return None, error.message.split(": ", 1)[-1]
