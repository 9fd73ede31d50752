"""Centre mode: many portfolios in one PostgreSQL database, for centres that outgrow a
shared folder. The same models, store, checker and exporters work on it.

A .folio is imported by copying every row with new ids, remapping each foreign key through
the table metadata; evidence content is shared by SHA-256 across learners.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Integer, create_engine, insert, select
from sqlalchemy.exc import SQLAlchemyError

from app.errors import FolioFileError, InvalidInputError
from app.models import Base, EvidenceBlob, Portfolio
from app.store import schema
from app.store.service import PortfolioStore


def centre_engine(url: str) -> Engine:
    """An engine on the centre database, its schema brought up to this Folio's revision."""
    if not url.startswith(("postgresql", "sqlite")):
        raise InvalidInputError("a centre database is given as postgresql+psycopg://… ")
    try:
        engine = create_engine(url)
        with engine.begin() as connection:
            schema.upgrade(connection)
    except SQLAlchemyError as error:
        raise FolioFileError(f"cannot use the centre database: {error.orig or error}") from None
    return engine


def _is_serial(table: Any) -> bool:
    columns = list(table.primary_key.columns)
    return len(columns) == 1 and columns[0].name == "id" and isinstance(columns[0].type, Integer)


def import_portfolio(engine: Engine, source: Path) -> int:
    """Copy the portfolio in ``source`` into the centre database; return its new id."""
    ids: dict[str, dict[int, int]] = {}
    with (
        PortfolioStore.open(source) as store,
        store.engine.connect() as reading,
        engine.begin() as writing,
    ):
        for table in Base.metadata.sorted_tables:
            mapping = ids.setdefault(table.name, {})
            for row in reading.execute(select(table)).mappings():
                values = dict(row)
                for key in table.foreign_keys:
                    column, target = key.parent.name, key.column.table.name
                    if values.get(column) is not None and _is_serial(key.column.table):
                        values[column] = ids[target][values[column]]
                if table.name == EvidenceBlob.__tablename__:
                    known = writing.scalar(
                        select(table.c.sha256).where(table.c.sha256 == values["sha256"])
                    )
                    if known is None:
                        writing.execute(insert(table).values(**values))
                elif _is_serial(table):
                    old = values.pop("id")
                    mapping[old] = writing.execute(
                        insert(table).values(**values).returning(table.c.id)
                    ).scalar_one()
                else:
                    writing.execute(insert(table).values(**values))
    return (
        ids[Portfolio.__tablename__][1]
        if 1 in ids[Portfolio.__tablename__]
        else next(iter(ids[Portfolio.__tablename__].values()))
    )


def portfolio_ids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.scalars(select(Portfolio.id).order_by(Portfolio.id)))


def open_portfolio(engine: Engine, portfolio_id: int, actor: str = "learner") -> PortfolioStore:
    label = Path(f"centre-{portfolio_id}")
    return PortfolioStore(label, engine, actor, portfolio_id=portfolio_id)
