"""Declarative base shared by every table of a .folio file.

The naming convention gives constraints stable names, which Alembic's batch mode on SQLite
needs to alter them later.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, Float, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC timestamps, stored as naive UTC (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it as a class attribute
        str: String(),
        dt.date: Date(),
        dt.datetime: UtcDateTime(),
        float: Float(),
    }


def utc_now() -> dt.datetime:
    """The current time, second precision, so round trips through text are exact."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def portfolio_fk() -> Any:
    """The column tying an item to its portfolio (deleted with it)."""
    return mapped_column(ForeignKey("portfolio.id", ondelete="CASCADE"), index=True)
