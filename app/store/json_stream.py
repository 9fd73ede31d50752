"""Reading a JSON document from a text file a piece at a time, handing chosen strings over in
pieces instead of building them, so a document carrying a large attachment as base64 is read
in memory bounded by the piece size, not by the attachment.

Everything else is read as ``json.load`` would read it (NaN and Infinity included), with one
difference: an object that names the same key twice is refused, as an importer cannot tell
which of the two was meant.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from json.decoder import scanstring
from json.scanner import NUMBER_RE
from typing import Any, Protocol, TextIO

#: Characters read from the file at a time.
PIECE = 1024 * 1024

Path = tuple[str | int, ...]

_SPACE = re.compile(r"[ \t\n\r]*")
#: Characters JSON does not allow inside a string.
_CONTROL = re.compile(r"[\x00-\x1f]")
_LITERALS = (
    ("null", None),
    ("true", True),
    ("false", False),
    ("NaN", math.nan),
    ("Infinity", math.inf),
    ("-Infinity", -math.inf),
)


class JSONStreamError(ValueError):
    """The text is not JSON; where, as ``json.JSONDecodeError`` says it."""

    def __init__(self, msg: str, lineno: int, colno: int) -> None:
        super().__init__(f"{msg}: line {lineno} column {colno}")
        self.msg, self.lineno, self.colno = msg, lineno, colno


class DuplicateKeyError(JSONStreamError):
    """An object names the same key twice."""


class StringSink(Protocol):
    """Where a streamed string's text goes, piece by piece. A sink whose
    ``refuses_control_characters`` is true refuses every character outside its own alphabet
    (base64's, say), so the reader need not look for control characters in its text."""

    def write(self, text: str) -> None: ...

    def close(self) -> None: ...


#: Given where a string value starts (its path from the top) and the object it belongs to
#: (as read so far), a sink for it, or None to read it as a plain string.
Streamed = Callable[[Path, dict[str, Any]], StringSink | None]


class _Reader:
    """The file's text in a window that slides forward, and where a window index is in the
    whole text (for error messages)."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.eof = False
        self.lines = 0  # newlines before the window
        self.column = 0  # characters between the last of them and the window

    def more(self, want: int = 0) -> bool:
        """Read at least ``want`` more characters (fewer at the end); False at the end."""
        if self.eof:
            return False
        dropped = self.text[: self.pos]
        newline = dropped.rfind("\n")
        if newline < 0:
            self.column += len(dropped)
        else:
            self.lines += dropped.count("\n")
            self.column = len(dropped) - newline - 1
        piece = self.handle.read(max(want, PIECE))
        self.text = self.text[self.pos :] + piece
        self.pos = 0
        if not piece:
            self.eof = True
        return bool(piece)

    def ensure(self, count: int) -> None:
        """At least ``count`` characters after pos, unless the text ends first."""
        while len(self.text) - self.pos < count and self.more():
            pass

    def peek(self) -> str:
        """The next character after white space ("" at the end of the text)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos : self.pos + 1]

    def error(self, msg: str, index: int | None = None) -> JSONStreamError:
        return self._located(JSONStreamError, msg, index)

    def _located(self, kind: type[JSONStreamError], msg: str, index: int | None) -> Any:
        index = self.pos if index is None else index
        newline = self.text.rfind("\n", 0, index)
        if newline < 0:
            return kind(msg, self.lines + 1, self.column + index + 1)
        return kind(msg, self.lines + self.text.count("\n", 0, index) + 1, index - newline)

    def duplicate(self, key: str, index: int) -> DuplicateKeyError:
        return self._located(
            DuplicateKeyError, f"the key {key!r} appears twice in one object", index
        )


class _Parser:
    def __init__(self, handle: TextIO, streamed: Streamed) -> None:
        self.reader = _Reader(handle)
        self.streamed = streamed

    def document(self) -> Any:
        reader = self.reader
        value = self.value(())
        if reader.peek():
            raise reader.error("Extra data")
        return value

    def value(self, path: Path) -> Any:
        reader = self.reader
        first = reader.peek()
        if first == "{":
            return self.object(path)
        if first == "[":
            return self.array(path)
        if first == '"':
            return self.string()
        return self.scalar()

    def object(self, path: Path) -> dict[str, Any]:
        reader = self.reader
        reader.pos += 1
        result: dict[str, Any] = {}
        if reader.peek() == "}":
            reader.pos += 1
            return result
        while True:
            if reader.peek() != '"':
                raise reader.error("Expecting property name enclosed in double quotes")
            start = reader.pos
            key = self.string()
            if key in result:
                raise reader.duplicate(key, start)
            if reader.peek() != ":":
                raise reader.error("Expecting ':' delimiter")
            reader.pos += 1
            child = (*path, key)
            sink = self.streamed(child, result) if reader.peek() == '"' else None
            result[key] = self.value(child) if sink is None else self.stream(sink)
            following = reader.peek()
            reader.pos += 1
            if following == "}":
                return result
            if following != ",":
                raise reader.error("Expecting ',' delimiter", reader.pos - 1)

    def array(self, path: Path) -> list[Any]:
        reader = self.reader
        reader.pos += 1
        result: list[Any] = []
        if reader.peek() == "]":
            reader.pos += 1
            return result
        while True:
            result.append(self.value((*path, len(result))))
            following = reader.peek()
            reader.pos += 1
            if following == "]":
                return result
            if following != ",":
                raise reader.error("Expecting ',' delimiter", reader.pos - 1)

    def string(self) -> str:
        """A whole string value (pos at its opening quote), read with json's own scanner."""
        reader = self.reader
        while True:
            try:
                text, reader.pos = scanstring(reader.text, reader.pos + 1, True)
                return text
            except json.JSONDecodeError as exc:
                cut = exc.msg.startswith("Unterminated") or exc.pos >= len(reader.text) - 12
                if not cut or reader.eof:
                    raise reader.error(exc.msg, exc.pos) from None
                # A long string: read as much again, so the scans add up to linear time.
                reader.more(len(reader.text) - reader.pos)

    def stream(self, sink: StringSink) -> str:
        """Hand a string's text to ``sink`` in pieces (pos at its opening quote); ""."""
        reader = self.reader
        reader.pos += 1
        # Plain runs are found with str.find, far faster than a pattern over megabytes.
        check = not getattr(sink, "refuses_control_characters", False)
        while True:
            text, start = reader.text, reader.pos
            quote = text.find('"', start)
            end = quote if quote >= 0 else len(text)
            backslash = text.find("\\", start, end)
            end = backslash if backslash >= 0 else end
            control = _CONTROL.search(text, start, end) if check else None
            if control is not None:
                raise reader.error("Invalid control character at", control.start())
            if end > start:
                sink.write(text[start:end])
            reader.pos = end
            if backslash >= 0:
                sink.write(self.escape())
            elif quote >= 0:
                reader.pos += 1
                sink.close()
                return ""
            elif not reader.more():
                raise reader.error("Unterminated string")

    def escape(self) -> str:
        """One escape inside a streamed string (pos at its backslash), decoded."""
        reader = self.reader
        reader.ensure(12)  # \uD83D\uDE00: a surrogate pair is the longest escape
        text = reader.text
        length = 2
        if text.startswith("\\u", reader.pos):
            length = 6
            code = text[reader.pos + 2 : reader.pos + 6]
            hexadecimal = len(code) == 4 and all(c in "0123456789abcdefABCDEF" for c in code)
            high = hexadecimal and 0xD800 <= int(code, 16) <= 0xDBFF
            if high and text.startswith("\\u", reader.pos + 6):
                length = 12
        try:
            decoded, _ = scanstring(f'"{text[reader.pos : reader.pos + length]}"', 1, True)
        except json.JSONDecodeError as exc:
            raise reader.error(exc.msg) from None
        reader.pos += length
        return decoded

    def scalar(self) -> Any:
        reader = self.reader
        reader.ensure(len("-Infinity") + 1)
        for literal, value in _LITERALS:
            if reader.text.startswith(literal, reader.pos):
                reader.pos += len(literal)
                return value
        while True:
            match = NUMBER_RE.match(reader.text, reader.pos)
            if match is None:
                raise reader.error("Expecting value")
            # "1.5e" at the window's end may go on "1.5e+07": look past any cut.
            if match.end() + 2 < len(reader.text) or reader.eof:
                break
            reader.more()
        integer, fraction, exponent = match.groups()
        reader.pos = match.end()
        if fraction or exponent:
            return float(integer + (fraction or "") + (exponent or ""))
        try:
            return int(integer)
        except ValueError as exc:  # more digits than Python converts
            raise reader.error(str(exc), match.start()) from None


def load(handle: TextIO, streamed: Streamed) -> Any:
    """The JSON document in ``handle``; strings ``streamed`` asks for go to their sinks and
    are "" in the result. Raises JSONStreamError (and UnicodeDecodeError from the file)."""
    try:
        return _Parser(handle, streamed).document()
    except RecursionError:
        raise JSONStreamError("nested too deeply", 1, 1) from None
