"""Opening and creating .folio files: SQLite with Folio's pragmas, migrated to the current schema.

A file is probed read-only first (see fileformat); only a file that passes is ever written to.
An older schema is migrated after a backup copy is kept beside the file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Dialect, Engine, create_engine, event, text
from sqlalchemy.pool import NullPool
from sqlalchemy.util import LRUCache

from app.errors import FolioFileError, NewerFormatError
from app.store import schema, template
from app.store.fileformat import APPLICATION_ID, journal_path, probe
from app.store.value_check import check_values

#: SQL compiled for one portfolio serves every other: all .folio engines share one SQLite
#: dialect and one statement cache (SQLAlchemy keys compiled statements by dialect), so the
#: first read of the tenth file of a cohort costs what a second read of the first does
#: (about a third of a cold read of a demo portfolio was compiling its statements).
_STATEMENTS: LRUCache[Any, Any] = LRUCache(2000)


@cache
def _shared_dialect() -> Dialect:
    """The SQLite dialect, initialised once on an in-memory database (the same library
    serves every file)."""
    template = create_engine("sqlite+pysqlite://", poolclass=NullPool)
    with template.connect():
        pass
    return template.dialect


def _share_compiled_statements(engine: Engine) -> Engine:
    engine.dialect = _shared_dialect()
    return engine.execution_options(compiled_cache=_STATEMENTS)


def _engine(path: Path) -> Engine:
    resolved = str(path.resolve())

    def connect() -> sqlite3.Connection:
        # Wait up to 3 s for another writer before reporting the file as busy.
        return sqlite3.connect(resolved, check_same_thread=False, timeout=3.0)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # A rollback journal keeps the portfolio a single file between writes (no -wal/-shm).
        cursor.execute("PRAGMA journal_mode = DELETE")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return _share_compiled_statements(engine)


def backup_path(path: Path, revision: str) -> Path:
    """Where the copy kept before migrating ``path`` from ``revision`` goes."""
    return path.with_name(f"{path.stem}.before-upgrade-{revision}{path.suffix}")


def open_file(path: Path) -> tuple[Engine, str]:
    """An engine on an intact .folio, migrated to this Folio's schema if it was older, and a
    note for the person opening it ("" when there is nothing to say)."""
    found = probe(path)
    known = schema.known_revisions()
    if found.revision not in known:
        raise NewerFormatError(
            f"'{path.name}' was saved by a newer version of Folio (schema {found.revision}); "
            "update Folio to open it."
        )
    if found.revision != schema.head_revision():
        if not os.access(path, os.W_OK):
            raise FolioFileError(
                f"'{path.name}' needs upgrading to this Folio's format but is read-only."
            )
        shutil.copy2(path, backup_path(path, found.revision))
        engine = _engine(path)
        with engine.begin() as connection:
            schema.upgrade(connection)
    else:
        engine = _engine(path)
    try:
        with engine.connect() as connection:
            check_values(connection, path.name)
    except BaseException:
        engine.dispose()
        raise
    return engine, found.note


@contextmanager
def new_file(path: Path) -> Iterator[Engine]:
    """Build a new, stamped .folio for ``path`` (which must not exist yet) under a temporary
    name beside it; when the block completes, move it into place, never replacing a file
    that appeared meanwhile. On any failure (disk full, a bad import, a crash) nothing is
    left at ``path`` and the temporary file is removed, so a retry starts clean. What a
    create killed outright left behind (its process gone) is removed first."""
    if path.exists():
        raise FolioFileError(f"'{path.name}' already exists; choose another name.")
    if not path.parent.is_dir():
        raise FolioFileError(f"The folder '{path.parent}' does not exist.")
    remove_stale_creates(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    engine = _engine(temporary)
    try:
        _lay_down(temporary, engine)
        yield engine
        engine.dispose()
        _move_into_place(temporary, path)
    except BaseException:
        engine.dispose()
        temporary.unlink(missing_ok=True)
        journal_path(temporary).unlink(missing_ok=True)
        raise


def _lay_down(temporary: Path, engine: Engine) -> None:
    """Make ``temporary`` an empty .folio of the current schema: from the image of this
    process's first new file when there is one, else by stamping and migrating it (and
    keeping the result as that image)."""
    # Anything already under this name is a dead create's (the name holds this process's
    # id): SQLite would build on top of it, or roll its journal back into the new file.
    temporary.unlink(missing_ok=True)
    journal_path(temporary).unlink(missing_ok=True)
    image = template.image()
    if image is not None:
        template.write(temporary, image)
        return
    with engine.begin() as connection:
        connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        schema.upgrade(connection)
    template.keep(temporary)


#: The hidden name a file has while it is being created: ``.NAME.folio.PID.creating``.
_CREATING = re.compile(r"^\..+\.(\d+)\.creating(-journal)?$")

#: A temporary file touched this recently is left alone whatever its process id says: it
#: may belong to a create on another computer sharing the folder.
STALE_AFTER = 60.0


def _process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (True when unsure)."""
    if pid <= 0:
        return True
    if os.name == "nt":  # os.kill would end the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def remove_stale_creates(folder: Path) -> list[Path]:
    """Remove what creates that crashed in ``folder`` left behind (their hidden temporary
    files and journals), never a file of a create that is still running; what was removed."""
    removed = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(("creating", "-journal"))]
    except OSError:
        return removed
    now = time.time()
    for candidate in candidates:
        found = _CREATING.match(candidate.name)
        if found is None or _process_alive(int(found.group(1))):
            continue
        try:
            if now - candidate.stat().st_mtime < STALE_AFTER:
                continue
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def _move_into_place(temporary: Path, path: Path) -> None:
    """Give the finished file its name: a hard link fails if the name is taken meanwhile;
    where the file system has no hard links (FAT on a USB stick), a checked rename."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise FolioFileError(f"'{path.name}' already exists; choose another name.") from None
    except OSError:
        if path.exists():
            raise FolioFileError(f"'{path.name}' already exists; choose another name.") from None
        os.replace(temporary, path)
        return
    temporary.unlink()


def engine_for(path: Path) -> Engine:
    """An engine on a .folio this Folio has just made (no probe needed)."""
    return _engine(path)
