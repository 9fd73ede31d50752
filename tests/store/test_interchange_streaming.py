"""export-json and import-json move attachments a chunk at a time: every byte goes through
SQLite's incremental blob reads and writes, no blob is read or written whole, the file is laid
out as before, and a damaged attachment is still refused in one line, leaving nothing."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, ClassVar

import pytest

from app.catalogue import load_catalogue
from app.errors import InvalidInputError
from app.store import PortfolioStore, json_stream
from app.store.evidence_io import CHUNK
from app.store.interchange import export_document, read_json, write_json
from app.store.interchange_blobs import IncomingBlob
from tests.property.test_json_stream import _Sink

#: More than two chunks, and a size neither chunks nor base64's 3-byte groups divide.
SIZE = 2 * CHUNK + CHUNK // 2 + 1


class _Recorder:
    reads: ClassVar[list[int]] = []
    writes: ClassVar[list[int]] = []
    #: The size of each blob made for an attachment (zeros reserved for it).
    reserved: ClassVar[list[int]] = []


class _SpiedBlob:
    """A blob handle that records the size of every read and write."""

    def __init__(self, blob: sqlite3.Blob) -> None:
        self._blob = blob

    def read(self, length: int = -1) -> bytes:
        data = self._blob.read(length)
        _Recorder.reads.append(len(data))
        return data

    def write(self, data: bytes) -> None:
        _Recorder.writes.append(len(data))
        self._blob.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._blob, name)

    def __enter__(self) -> _SpiedBlob:
        return self

    def __exit__(self, *exc: object) -> None:
        self._blob.close()


class _SpiedConnection(sqlite3.Connection):
    def blobopen(self, *args: Any, **kwargs: Any) -> Any:
        return _SpiedBlob(super().blobopen(*args, **kwargs))

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if "INTO evidence_blob" in sql and "zeroblob" in sql:
            _Recorder.reserved.append(parameters[-1])
        return super().execute(sql, parameters)


@pytest.fixture
def blob_io(monkeypatch: pytest.MonkeyPatch) -> type[_Recorder]:
    """Sizes of the blob reads and writes of every .folio connection opened from now on."""
    connect = sqlite3.connect
    monkeypatch.setattr(
        sqlite3, "connect", lambda *a, **k: connect(*a, **{**k, "factory": _SpiedConnection})
    )
    _Recorder.reads, _Recorder.writes, _Recorder.reserved = [], [], []
    return _Recorder


def _with_attachment(tmp_path: Path, content: bytes) -> PortfolioStore:
    source = tmp_path / "walkthrough.mp4"
    source.write_bytes(content)
    unit = load_catalogue().get("continuous-improvement")
    store = PortfolioStore.create(tmp_path / "ada.folio", unit, "Ada Learner")
    store.attach_file(source, title="Walkthrough")
    return store


def test_a_multi_chunk_attachment_streams_out_and_back_byte_identical(
    tmp_path: Path, blob_io: type[_Recorder]
) -> None:
    content = os.urandom(SIZE)
    exported = tmp_path / "ada.json"
    with _with_attachment(tmp_path, content) as store:
        blob_io.reads.clear()
        write_json(store, exported)
        assert sum(blob_io.reads) == SIZE  # every byte came through blob reads...
        assert max(blob_io.reads) <= CHUNK  # ...none of them whole
        # Laid out exactly as the whole document was written before it was streamed.
        whole = json.dumps(export_document(store), ensure_ascii=False, indent=1) + "\n"
    assert exported.read_text(encoding="utf-8") == whole
    blob_io.writes.clear()
    with read_json(exported, tmp_path / "copy.folio") as copy:
        assert sum(blob_io.writes) == SIZE  # written straight into the blob...
        assert max(blob_io.writes) <= CHUNK  # ...a piece at a time
        (item,) = copy.load().evidence_files
        assert copy.read_evidence(item.id) == content
        assert item.blob_sha256 == hashlib.sha256(content).hexdigest()


def _document_text(tmp_path: Path, content: bytes = b"shift notes " * 1000) -> str:
    """The interchange text of a portfolio with one attachment."""
    with _with_attachment(tmp_path, content) as store:
        write_json(store, tmp_path / "good.json")
    return (tmp_path / "good.json").read_text(encoding="utf-8")


def _blob_row(text: str) -> dict[str, Any]:
    (row,) = json.loads(text)["tables"]["evidence_blob"]
    return row


def test_an_attachment_whose_data_comes_before_its_size_is_kept_aside_and_imports(
    tmp_path: Path,
) -> None:
    content = os.urandom(CHUNK + 7)
    document = json.loads(_document_text(tmp_path, content))
    (row,) = document["tables"]["evidence_blob"]
    document["tables"]["evidence_blob"] = [
        {"data": row["data"], "size": row["size"], "sha256": row["sha256"]}
    ]
    source = tmp_path / "reordered.json"
    source.write_text(json.dumps(document))
    with read_json(source, tmp_path / "copy.folio") as copy:
        (item,) = copy.load().evidence_files
        assert copy.read_evidence(item.id) == content


def _refused(tmp_path: Path, text: str) -> str:
    """The one-line message the import of ``text`` is refused with; nothing is left."""
    folder = tmp_path / "import"
    folder.mkdir()
    source = folder / "in.json"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as refused:
        read_json(source, folder / "out.folio")
    assert sorted(p.name for p in folder.iterdir()) == ["in.json"]
    assert "\n" not in refused.value.message
    return refused.value.message


def _replace_data(text: str, data: str) -> str:
    row = _blob_row(text)
    return text.replace(f'"data": "{row["data"]}"', f'"data": "{data}"')


def test_attachment_text_that_is_not_base64_is_refused(tmp_path: Path) -> None:
    text = _document_text(tmp_path)
    message = _refused(tmp_path, _replace_data(text, "not*base64"))
    assert message.startswith("'in.json': tables/evidence_blob/0: ")


def test_base64_that_goes_on_after_its_padding_is_refused(tmp_path: Path) -> None:
    text = _document_text(tmp_path)
    data = _blob_row(text)["data"]
    message = _refused(tmp_path, _replace_data(text, "QQ==" + data))
    assert message == "'in.json': tables/evidence_blob/0: Excess data after padding"


@pytest.mark.parametrize("change", [-1, +1, 10**9])
def test_an_attachment_of_another_size_than_its_row_says_is_refused(
    tmp_path: Path, change: int, blob_io: type[_Recorder]
) -> None:
    """Shorter or longer than said (written as it is read, then found out), or claiming more
    than the whole file could hold (kept aside: a gigabyte of zeros is never reserved)."""
    text = _document_text(tmp_path)
    row = _blob_row(text)
    lied = text.replace(f'"size": {row["size"]},', f'"size": {row["size"] + change},', 1)
    assert lied != text
    blob_io.reserved.clear()
    assert _refused(tmp_path, lied) == (
        f"'in.json': attachment {row['sha256'][:12]} does not match its SHA-256 or size"
    )
    assert max(blob_io.reserved, default=0) <= len(lied)


def test_base64_split_just_after_its_padding_is_refused() -> None:
    """The reader hands text over in pieces; padding at a piece's end still ends it."""
    sink = IncomingBlob(0, None)
    sink.write("QQ==")
    sink.write("QUJD")
    sink.close()
    assert sink.error == "Excess data after padding"


def test_an_attachment_named_twice_in_its_row_is_refused(tmp_path: Path) -> None:
    text = _document_text(tmp_path)
    row = _blob_row(text)
    twice = text.replace(f'"data": "{row["data"]}"', f'"data": "{row["data"]}", "data": ""')
    message = _refused(tmp_path, twice)
    assert message.startswith("'in.json': line ")
    assert message.endswith("the key 'data' appears twice in one object")


def test_two_attachments_with_one_sha256_are_refused(tmp_path: Path) -> None:
    document = json.loads(_document_text(tmp_path))
    blobs = document["tables"]["evidence_blob"]
    blobs.append(dict(blobs[0]))
    message = _refused(tmp_path, json.dumps(document))
    assert message.startswith("'in.json': the data is inconsistent (UNIQUE constraint failed")


def test_an_unterminated_attachment_is_not_valid_json(tmp_path: Path) -> None:
    text = _document_text(tmp_path)
    cut = text[: text.index('"data": "') + 200]
    assert _refused(tmp_path, cut).startswith("'in.json' is not valid JSON (line ")


def test_an_attachment_whose_size_comes_first_is_never_kept_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As Folio writes rows (SHA-256 and size before the data), the content goes straight
    into the new portfolio as it is read; only a row with its data first needs a temporary
    file."""
    content = os.urandom(CHUNK + 7)
    text = _document_text(tmp_path, content)
    spooled: list[object] = []
    make = tempfile.TemporaryFile
    monkeypatch.setattr(
        tempfile, "TemporaryFile", lambda *a, **k: spooled.append(k) or make(*a, **k)
    )
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    with read_json(tmp_path / "in.json", tmp_path / "copy.folio") as copy:
        (item,) = copy.load().evidence_files
        assert copy.read_evidence(item.id) == content
    assert spooled == []
    document = json.loads(text)
    row = _blob_row(text)
    document["tables"]["evidence_blob"] = [{"data": row["data"], **row}]
    (tmp_path / "reordered.json").write_text(json.dumps(document), encoding="utf-8")
    read_json(tmp_path / "reordered.json", tmp_path / "reordered.folio").close()
    assert len(spooled) == 1


def test_an_escape_at_the_start_of_a_read_is_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wherever the reads of the file fall, an escaped character in a streamed string is
    handed over decoded, the string whole."""
    monkeypatch.setattr(json_stream, "PIECE", 8)
    for length in range(1, 24):
        value = "a" * length + '\\"b\n'
        sink = _Sink()
        read = json_stream.load(
            io.StringIO(json.dumps({"note": value, "after": 1})),
            lambda path, row, sink=sink: sink if path == ("note",) else None,
        )
        assert read == {"note": "", "after": 1}
        assert "".join(sink.pieces) == value and sink.closed, length


def test_a_document_nested_too_deeply_is_refused_saying_so(tmp_path: Path) -> None:
    message = _refused(tmp_path, "[" * 100_000)
    assert message == "'in.json' is not valid JSON (line 1, column 1: nested too deeply)"
