"""What makes a file a .folio: SQLite, Folio's application id, an Alembic-stamped schema.

Everything here reads the file without writing to it, so a refused file stays byte-identical.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from app.errors import FolioFileError

SQLITE_MAGIC = b"SQLite format 3\x00"
#: PRAGMA application_id of every .folio file: "Foli" in ASCII.
APPLICATION_ID = 0x466F6C69
REQUIRED_TABLES = frozenset({"alembic_version", "portfolio"})


@dataclass(frozen=True)
class FileProbe:
    """What a read-only look at a candidate .folio found."""

    revision: str
    #: A note for the person opening it (an interrupted save was undone), or "".
    note: str = ""


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def has_hot_journal(path: Path) -> bool:
    """Whether a save was interrupted: SQLite's rollback journal is still beside the file."""
    journal = journal_path(path)
    return journal.is_file() and journal.stat().st_size > 0


def recover_hot_journal(path: Path) -> str:
    """Undo an interrupted save, as SQLite does when it next opens the file read-write, so
    the read-only checks that follow see the last completed save. Returns the note to show."""
    name = _describe(path)
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise FolioFileError(
            f"{name} was left in the middle of a save (its '{journal_path(path).name}' is beside "
            "it); Folio must write to it once to undo the unfinished change, but it is "
            "read-only. Copy both files to a folder you can write to and open it there."
        )
    try:
        connection = sqlite3.connect(path, timeout=3.0)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise FolioFileError(
            f"{name} could not be recovered from an interrupted save ({exc})."
        ) from exc
    return (
        f"{name} was closed in the middle of a save; the unfinished change was undone and the "
        "portfolio is as it was at its last completed save."
    )


def _describe(path: Path) -> str:
    return f"'{path.name}'"


def read_only_connection(path: Path) -> sqlite3.Connection:
    """Open without any chance of writing, journal recovery included."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def _check_header(path: Path) -> None:
    name = _describe(path)
    if not path.exists():
        raise FolioFileError(f"{name} does not exist.")
    if not path.is_file():
        raise FolioFileError(f"{name} is not a file.")
    size = path.stat().st_size
    if size == 0:
        raise FolioFileError(f"{name} is empty: it is not a Folio portfolio.")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise FolioFileError(f"{name} is not a Folio portfolio (it is not an SQLite database).")
    if len(header) < 100:
        raise FolioFileError(f"{name} is damaged: the file is truncated.")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    expected = page_size * page_count if valid_for == change_counter else 0
    if size % page_size or (expected and size < expected):
        raise FolioFileError(
            f"{name} is damaged: the file is truncated ({size} of {expected or '?'} bytes)."
        )


def probe(path: Path) -> FileProbe:
    """Check that ``path`` is an intact .folio file and return its schema revision.

    Raises FolioFileError with a one-line, human message for anything else.
    """
    _check_header(path)
    name = _describe(path)
    note = recover_hot_journal(path) if has_hot_journal(path) else ""
    try:
        connection = read_only_connection(path)
    except sqlite3.Error as exc:
        raise FolioFileError(f"{name} cannot be opened: {exc}.") from exc
    try:
        try:
            (check,) = connection.execute("PRAGMA quick_check(1)").fetchone()
            (app_id,) = connection.execute("PRAGMA application_id").fetchone()
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            raise FolioFileError(f"{name} is damaged and cannot be read ({exc}).") from exc
        if check != "ok":
            detail = " ".join(str(check).split())
            raise FolioFileError(f"{name} is damaged: the integrity check failed ({detail}).")
        if app_id != APPLICATION_ID or not tables >= REQUIRED_TABLES:
            raise FolioFileError(
                f"{name} is an SQLite database from another program, not a Folio portfolio."
            )
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise FolioFileError(f"{name} is damaged and cannot be read ({exc}).") from exc
    finally:
        connection.close()
    if len(rows) != 1:
        raise FolioFileError(f"{name} has no recognisable schema version.")
    return FileProbe(revision=rows[0][0], note=note)
