"""Schema revisions of the .folio format, applied with Alembic from code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    (head,) = _script().get_heads()
    return head


@cache
def known_revisions() -> tuple[str, ...]:
    """Every revision this Folio knows, oldest first."""
    return tuple(reversed([rev.revision for rev in _script().walk_revisions()]))


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(_config(connection), target)
