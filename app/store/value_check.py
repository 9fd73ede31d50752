"""Every stored value has the type its column says, checked when a file is opened.

SQLite stores whatever it is given, so a file edited outside Folio can hold text in a number
column or "yesterday" in a date; reading such a row would fail deep inside a view. One query
per table finds the first such value, and the file is refused with a message that names the
table, the row and the column, before any of it is shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Float, Integer, LargeBinary, Table, text

from app.errors import FolioFileError
from app.models import Base
from app.models.base import UtcDateTime


def _allowed(column: Any) -> tuple[str, ...]:
    """The SQLite storage classes a column's values may have."""
    kind = column.type
    if isinstance(kind, LargeBinary):
        allowed: tuple[str, ...] = ("blob",)
    elif isinstance(kind, Boolean | Integer):
        allowed = ("integer",)
    elif isinstance(kind, Float):
        allowed = ("real", "integer")
    else:
        allowed = ("text",)
    return (*allowed, "null") if column.nullable else allowed


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(connection: Connection, table: Table) -> list[Any]:
    """The table's columns that the file really has (an unknown name in SQL would be read as
    a string literal, not an error)."""
    present = {
        row[1] for row in connection.execute(text(f"PRAGMA table_info({_quoted(table.name)})"))
    }
    return [c for c in table.columns if c.name in present]


def _moment_parser(column: Any) -> Any:
    if isinstance(column.type, UtcDateTime):
        return dt.datetime.fromisoformat
    if isinstance(column.type, Date):
        return dt.date.fromisoformat
    return None


def _condition(column: Any) -> str:
    """SQL that holds when the column's value is not one Folio writes."""
    name = _quoted(column.name)
    allowed = ", ".join(repr(t) for t in _allowed(column))
    condition = f"typeof({name}) NOT IN ({allowed})"
    # SQLite's date() refuses garbage but takes 30 February: days past the 28th are
    # handed to Python's parser too.
    late = f"substr({name}, 9, 2) > '28'"
    if isinstance(column.type, UtcDateTime):
        # 'YYYY-MM-DD HH:MM:SS' with an optional '.ffffff'
        condition += (
            f" OR ({name} IS NOT NULL AND (datetime(substr({name}, 1, 19)) IS NOT "
            f"substr({name}, 1, 19) OR length({name}) NOT IN (19, 26) OR {late}))"
        )
    elif isinstance(column.type, Date):
        condition += f" OR ({name} IS NOT NULL AND (date({name}) IS NOT {name} OR {late}))"
    return condition


def _first_bad_value(connection: Connection, table: Table) -> tuple[Any, str, Any] | None:
    columns = _columns(connection, table)
    selected = ", ".join(_quoted(c.name) for c in columns)
    rows = connection.execute(
        text(
            f"SELECT rowid, {selected} FROM {_quoted(table.name)} "
            f"WHERE {' OR '.join(_condition(c) for c in columns)}"
        )
    )
    for row in rows:
        found = _bad_in_row(
            dict(zip(["rowid", *(c.name for c in columns)], row, strict=True)), columns
        )
        if found is not None:
            return found
    return None


def _bad_in_row(values: dict[str, Any], columns: list[Any]) -> tuple[Any, str, Any] | None:
    """The first value of a flagged row that really is wrong (a 31st may be a fine date)."""
    for column in columns:
        value = values[column.name]
        kind = "null" if value is None else _storage_class(value)
        if kind not in _allowed(column):
            return values["rowid"], column.name, value
        parse = _moment_parser(column)
        if parse is not None and value is not None:
            try:
                parse(value)
            except (TypeError, ValueError):
                return values["rowid"], column.name, value
            if isinstance(column.type, UtcDateTime) and len(value) not in (19, 26):
                return values["rowid"], column.name, value
    return None


def _storage_class(value: Any) -> str:
    if isinstance(value, bytes):
        return "blob"
    if isinstance(value, bool | int):
        return "integer"
    if isinstance(value, float):
        return "real"
    return "text"


def check_values(connection: Connection, name: str) -> None:
    """Refuse the file if any value does not fit its column (see the module's docstring)."""
    existing = {
        row[0] for row in connection.execute(text("SELECT name FROM sqlite_master")).fetchall()
    }
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            continue
        found = _first_bad_value(connection, table)
        if found is not None:
            rowid, column, value = found
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise FolioFileError(
                f"'{name}' is damaged or was edited outside Folio: {table.name} row {rowid} "
                f"holds {shown} in '{column}', which is not a value Folio writes there."
            )
