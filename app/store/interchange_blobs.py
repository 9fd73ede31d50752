"""Attachments going in and out of an interchange document as base64, a chunk at a time.

Exporting encodes each blob straight from SQLite's incremental blob reads into the output;
importing decodes the base64 text as the reader hands it over, hashing and counting it, and
writes it straight into an incremental blob write of the new portfolio when the row said its
SHA-256 and size first (as Folio writes rows), else into a temporary file first. Whether the
attachment is what its row says is judged after the whole document has been validated.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from app.store import evidence_io

#: The one column that is streamed: everything else in a document is small.
TABLE, COLUMN = "evidence_blob", "data"


def base64_pieces(chunks: Iterator[bytes]) -> Iterator[str]:
    """The base64 text of the content ``chunks`` make up, a piece per chunk (a chunk's last
    one or two bytes carry over, so the pieces join into one valid encoding)."""
    rest = b""
    for chunk in chunks:
        chunk = rest + chunk if rest else chunk
        cut = len(chunk) - len(chunk) % 3
        if cut:
            yield base64.b64encode(chunk[:cut]).decode("ascii")
        rest = chunk[cut:]
    if rest:
        yield base64.b64encode(rest).decode("ascii")


class IncomingBlob:
    """One attachment's base64 text, decoded as it arrives; what it held is known on close:
    ``sha256``, ``size`` and ``error`` (why the text is not base64, "" when it is)."""

    #: Strict base64 decoding refuses anything outside its alphabet, control characters too.
    refuses_control_characters = True

    def __init__(
        self, claimed_size: int | None, blob: sqlite3.Blob | None, folder: Path | None = None
    ) -> None:
        self._claimed = claimed_size
        self._blob = blob
        self._spool: BinaryIO | None = None
        if claimed_size is None:  # the size comes after the data: keep it aside until then
            self._spool = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (see discard)
        self._pending = ""
        self._padded = False
        self._digest = hashlib.sha256()
        self.size = 0
        self.error = ""
        self.sha256 = ""

    @property
    def stored(self) -> bool:
        """Whether the content is already in the new portfolio (written as it was read)."""
        return self._spool is None

    def write(self, text: str) -> None:
        if self.error:
            return
        text = self._pending + text
        usable = len(text) - len(text) % 4
        self._pending = text[usable:]
        if usable:
            self._decode(text[:usable])

    def _decode(self, text: str) -> None:
        try:
            if self._padded:  # "=" ended the content already
                raise binascii.Error("Excess data after padding")
            data = base64.b64decode(text, validate=True)
        except ValueError as exc:  # binascii.Error, or not ASCII
            self.error = str(exc)
            return
        self._padded = text.endswith("=")
        self._digest.update(data)
        self.size += len(data)
        if self._spool is not None:
            self._spool.write(data)
        elif self._blob is not None and self.size <= (self._claimed or 0):
            self._blob.write(data)
        elif self._blob is not None:  # longer than its row says: refused later, keep counting
            self._blob.close()
            self._blob = None

    def close(self) -> None:
        if self._pending and not self.error:
            try:
                base64.b64decode(self._pending, validate=True)
            except ValueError as exc:
                self.error = str(exc)
        self._pending = ""
        self.sha256 = self._digest.hexdigest()
        if self._blob is not None:
            self._blob.close()
            self._blob = None

    def insert(self, connection: sqlite3.Connection, sha256: str) -> None:
        """Insert a content kept aside as the blob ``sha256`` (after it has been checked)."""
        assert self._spool is not None
        self._spool.seek(0)
        evidence_io.write_blob_from(connection, self._spool, sha256, self.size, sha256[:12])

    def discard(self) -> None:
        if self._blob is not None:
            self._blob.close()
            self._blob = None
        if self._spool is not None:
            self._spool.close()


class IncomingBlobs:
    """The attachments of one document being imported into ``connection``'s new portfolio,
    by their row's position in the document's evidence_blob table."""

    def __init__(self, connection: sqlite3.Connection, input_size: int, folder: Path) -> None:
        self.connection = connection
        self.input_size = input_size
        #: Where contents kept aside go: beside the new portfolio, on the disk it goes to.
        self.folder = folder
        self.found: dict[int, IncomingBlob] = {}

    def streamed(self, path: tuple[str | int, ...], row: dict[str, Any]) -> IncomingBlob | None:
        """The sink for the string at ``path`` when it is an attachment's base64 text."""
        if len(path) != 4 or path[0] != "tables" or path[1] != TABLE or path[3] != COLUMN:
            return None
        index = path[2]
        if not isinstance(index, int):
            return None
        sink = self._direct(row) or IncomingBlob(None, None, self.folder)
        self.found[index] = sink
        return sink

    def _direct(self, row: dict[str, Any]) -> IncomingBlob | None:
        """A sink writing into the new portfolio, when the row's SHA-256 and size came first
        and are plausible (never more zeros reserved than the document could fill)."""
        sha256, size = row.get("sha256"), row.get("size")
        if not isinstance(sha256, str) or type(size) is not int:
            return None
        if not 0 <= size <= self.input_size:
            return None
        try:
            cursor = self.connection.execute(
                "INSERT INTO evidence_blob (sha256, size, data) VALUES (?, ?, zeroblob(?))",
                (sha256, size, size),
            )
        except sqlite3.Error:  # a second row with that SHA-256: refused later, in its turn
            return None
        blob = None
        if size:
            blob = self.connection.blobopen(TABLE, COLUMN, cursor.lastrowid)
        return IncomingBlob(size, blob)

    def close(self) -> None:
        for sink in self.found.values():
            sink.discard()
