"""Schema revisions of the .folio format, applied with Alembic from code.

Revision ids are the migration files' name prefixes (0001_..., 0002_...), so opening an
up-to-date file needs no Alembic import; Alembic is loaded only to migrate.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from app.resources import bundle_root

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

#: Alembic reads the revision scripts from disk at run time, so the desktop package ships the
#: folder as data at the same place inside its bundle (packaging/folio.spec).
MIGRATIONS = bundle_root() / "app" / "store" / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


@cache
def known_revisions() -> tuple[str, ...]:
    """Every revision this Folio knows, oldest first."""
    names = (path.name for path in (MIGRATIONS / "versions").glob("*.py"))
    return tuple(sorted(m.group(1) for name in names if (m := _REVISION_FILE.match(name))))


def head_revision() -> str:
    return known_revisions()[-1]


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(connection), target)
