"""The streaming JSON reader reads what json.loads reads, refuses what it refuses at the same
line and column, and hands a streamed string over whole, however the file falls into pieces
(here a few characters each, so every value and escape is cut somewhere)."""

from __future__ import annotations

import io
import json
import os
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.store import json_stream
from tests.property.support import PROPERTY

pytestmark = pytest.mark.property

#: Parsing is cheap: many more examples than the file-writing properties.
MANY = settings(PROPERTY, max_examples=int(os.environ.get("FOLIO_PROPERTY_EXAMPLES", "300")))

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)
#: Characters that make up JSON and near-misses of it.
ALMOST = st.text(alphabet='{}[]",:0123456789.eE+-tnruefalsNIiy \\u\n', max_size=30)


@pytest.fixture(autouse=True)
def _small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_stream, "PIECE", 5)


def _plain(path: Any, row: Any) -> None:
    return None


def _load(text: str, streamed: json_stream.Streamed = _plain) -> Any:
    return json_stream.load(io.StringIO(text), streamed)


@MANY
@given(value=VALUES, indent=st.sampled_from([None, 0, 1, 3]), ascii=st.booleans())
def test_reads_what_json_reads(value: Any, indent: int | None, ascii: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii)
    assert _load(text) == json.loads(text)


@MANY
@given(text=ALMOST)
def test_refuses_what_json_refuses_where_json_does(text: str) -> None:
    try:
        expected = json.loads(text)
    except json.JSONDecodeError as refused:
        with pytest.raises(json_stream.JSONStreamError) as mine:
            _load(text)
        if not isinstance(mine.value, json_stream.DuplicateKeyError):
            assert (mine.value.lineno, mine.value.colno) == (refused.lineno, refused.colno)
        return
    except (ValueError, RecursionError):  # numbers too long for int(): not JSON's business
        return
    try:
        found = _load(text)
    except json_stream.DuplicateKeyError:  # json.loads keeps the last; refused here
        return
    assert repr(found) == repr(expected)


class _Sink:
    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.closed = False

    def write(self, text: str) -> None:
        self.pieces.append(text)

    def close(self) -> None:
        self.closed = True


@MANY
@given(streamed=st.text(), other=st.text())
def test_a_streamed_string_reaches_its_sink_whole(streamed: str, other: str) -> None:
    sinks: list[_Sink] = []

    def sink_for(path: Any, row: dict[str, Any]) -> _Sink | None:
        if path != ("rows", 0, "data"):
            return None
        assert row == {"before": other}  # what the object held so far
        sinks.append(_Sink())
        return sinks[-1]

    text = json.dumps({"rows": [{"before": other, "data": streamed}], "data": streamed})
    assert _load(text, sink_for) == {"rows": [{"before": other, "data": ""}], "data": streamed}
    (sink,) = sinks
    assert "".join(sink.pieces) == streamed and sink.closed
    assert max(map(len, sink.pieces), default=0) <= json_stream.PIECE + 12  # never whole


def test_a_control_character_in_a_streamed_string_is_refused() -> None:
    with pytest.raises(json_stream.JSONStreamError, match="Invalid control character"):
        _load('{"data": "ab\x01cd"}', lambda path, row: _Sink())
