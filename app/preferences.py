"""The user's preferences that the desktop and the command line share.

They live in ``preferences.toml`` in Folio's data folder, so a setting made once applies to
``folio attach`` and to the window alike; a missing or damaged file means the defaults (a
preference must never stop Folio from opening a portfolio).
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass

from app.paths import data_dir
from app.store.evidence_size import EMAIL_LIMIT_BYTES

log = logging.getLogger(__name__)

FILE_NAME = "preferences.toml"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Preferences:
    #: Above this size a portfolio is hard to send by email: attaching warns first.
    email_limit_mb: int = EMAIL_LIMIT_BYTES // MEGABYTE

    @property
    def email_limit_bytes(self) -> int:
        return self.email_limit_mb * MEGABYTE


def load() -> Preferences:
    """The saved preferences, or the defaults where a value is missing or unusable."""
    path = data_dir() / FILE_NAME
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        log.warning("ignoring unreadable preferences %s: %s", path, error)
        return Preferences()
    limit = values.get("email_limit_mb")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        return Preferences()
    return Preferences(email_limit_mb=limit)


def save(preferences: Preferences) -> None:
    """Write the preferences (atomically: a crash leaves the old file or the new one)."""
    path = data_dir() / FILE_NAME
    part = path.with_suffix(".toml.part")
    part.write_text(
        "# Folio's preferences (Settings in the window changes them too).\n"
        "# Attaching evidence warns when the portfolio would pass this many megabytes.\n"
        f"email_limit_mb = {int(preferences.email_limit_mb)}\n",
        encoding="utf-8",
    )
    part.replace(path)
