"""The image of a new, empty .folio, kept after the first create of a process.

Running every migration for each new file cost about a third of a second (some hundred
tables, one transaction per revision); every later create of the process writes the bytes of
the first file as they were right after its migration instead. The image is kept per schema
head and application id, so a Folio that knows another revision never uses it.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.store import schema
from app.store.fileformat import APPLICATION_ID

_IMAGES: dict[tuple[str, int], bytes] = {}


def _key() -> tuple[str, int]:
    return schema.head_revision(), APPLICATION_ID


def image() -> bytes | None:
    """The bytes of a freshly stamped and migrated empty .folio, if this process made one."""
    return _IMAGES.get(_key())


def keep(path: Path) -> None:
    """Keep the file at ``path`` (just migrated and committed, nothing else in it yet) as the
    image later creates start from."""
    _IMAGES[_key()] = path.read_bytes()


def forget() -> None:
    """Drop the image, so the next create migrates again (for tests of the migrations)."""
    _IMAGES.clear()


def write(path: Path, data: bytes) -> None:
    """Write ``data`` as the file ``path``, on the disk before this returns (as a committed
    migration would be)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o644)  # the mode SQLite gives the files it creates
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
