"""Moving evidence files in and out of a .folio without holding them in memory.

Content is written into SQLite with incremental blob I/O in fixed-size chunks, and read back
the same way, so a large video costs a chunk of memory, not its size.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from app.errors import InvalidInputError

CHUNK = 1024 * 1024
#: Largest evidence file accepted; a portfolio still has to travel by email or USB stick.
MAX_EVIDENCE_BYTES = 256 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)


def sniff_media_type(path: Path, head: bytes) -> str:
    """Media type from the content's signature, else from the name."""
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    guessed, _ = mimetypes.guess_type(path.name)
    if guessed and guessed.startswith("image/"):
        # A name that claims to be an image whose content is not one is not trusted.
        return "application/octet-stream"
    return guessed or "application/octet-stream"


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def clean_display_name(name: str) -> str:
    """The file's own name, stripped of any path and of characters that cannot be shown."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip() or "unnamed"


def safe_file_name(name: str, fallback: str = "evidence") -> str:
    """A name safe to create on any desktop OS when a file is saved out of the portfolio."""
    cleaned = _UNSAFE.sub("_", clean_display_name(name)).strip(" .")
    if cleaned.upper().split(".")[0] in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}:
        cleaned = f"_{cleaned}"
    return (cleaned or fallback)[:180]


def hash_file(path: Path) -> tuple[str, int, bytes]:
    """SHA-256 hex digest, size and first bytes of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                if not head:
                    head = chunk[:64]
                digest.update(chunk)
                size += len(chunk)
                if size > MAX_EVIDENCE_BYTES:
                    raise InvalidInputError(
                        f"'{clean_display_name(path.name)}' is larger than the "
                        f"{MAX_EVIDENCE_BYTES // (1024 * 1024)} MB allowed for one evidence "
                        "file; link to it or compress it instead"
                    )
    except FileNotFoundError:
        raise InvalidInputError(f"'{path}' does not exist") from None
    except IsADirectoryError:
        raise InvalidInputError(f"'{path}' is a folder, not a file") from None
    except PermissionError:
        raise InvalidInputError(f"'{path}' cannot be read (permission denied)") from None
    return digest.hexdigest(), size, head


def write_blob(connection: sqlite3.Connection, path: Path, sha256: str, size: int) -> None:
    """Insert the content of ``path`` as the blob ``sha256``, streaming it in chunks."""
    with path.open("rb") as source:
        write_blob_from(connection, source, sha256, size, f"'{path.name}'")


def write_blob_from(
    connection: sqlite3.Connection, source: BinaryIO, sha256: str, size: int, name: str
) -> None:
    """Insert what ``source`` holds from where it stands as the blob ``sha256`` of ``size``
    bytes, in chunks; refused when it is not that content (``name`` says whose)."""
    cursor = connection.execute(
        "INSERT INTO evidence_blob (sha256, size, data) VALUES (?, ?, zeroblob(?))",
        (sha256, size, size),
    )
    rowid = cursor.lastrowid
    if size == 0:
        return
    digest = hashlib.sha256()
    with connection.blobopen("evidence_blob", "data", rowid) as blob:
        while chunk := source.read(CHUNK):
            if blob.tell() + len(chunk) > size:
                raise InvalidInputError(f"{name} changed while it was being added")
            digest.update(chunk)
            blob.write(chunk)
    if digest.hexdigest() != sha256:
        raise InvalidInputError(f"{name} changed while it was being added")


def _blob_row(connection: sqlite3.Connection, sha256: str) -> tuple[int, int]:
    row = connection.execute(
        "SELECT rowid, size FROM evidence_blob WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if row is None:
        raise InvalidInputError(f"evidence content {sha256[:12]} is missing from the portfolio")
    return row


def iter_blob(connection: sqlite3.Connection, sha256: str) -> Iterator[bytes]:
    """Yield a stored blob's content in chunks."""
    rowid, size = _blob_row(connection, sha256)
    if size == 0:
        return
    with connection.blobopen("evidence_blob", "data", rowid, readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            yield chunk


class _BlobFile(io.RawIOBase):
    """A SQLite blob handle as a raw file: readers such as zipfile ask seekable()."""

    def __init__(self, blob: sqlite3.Blob) -> None:
        super().__init__()
        self._blob = blob

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._blob.read(min(len(buffer), CHUNK))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._blob.seek(offset, whence)
        return self._blob.tell()

    def tell(self) -> int:
        return self._blob.tell()


@contextmanager
def open_blob(connection: sqlite3.Connection, sha256: str) -> Iterator[BinaryIO]:
    """A stored blob as a read-only, buffered file (read, seek, tell), for readers that seek
    about in it (pictures, PDF and Word files) without a copy of it in memory."""
    rowid, _ = _blob_row(connection, sha256)
    with connection.blobopen("evidence_blob", "data", rowid, readonly=True) as blob:
        yield io.BufferedReader(_BlobFile(blob), buffer_size=64 * 1024)


def copy_stream(chunks: Iterator[bytes], target: BinaryIO) -> int:
    written = 0
    for chunk in chunks:
        target.write(chunk)
        written += len(chunk)
    return written
