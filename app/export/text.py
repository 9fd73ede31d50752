"""Making any text a learner typed safe to put in DOCX, PDF and HTML — without losing it."""

from __future__ import annotations

import re

#: Characters XML 1.0 cannot carry: C0 controls except tab/newline/return, U+FFFE/U+FFFF,
#: and lone surrogates.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: A table cell longer than this is shortened, and its full text printed after the table.
CELL_LIMIT = 700


#: Longest a metadata value may be (python-docx refuses a core property over 255 characters;
#: PDF viewers and browsers show no more of a title or author either).
METADATA_LIMIT = 255


def metadata(text: str, limit: int = METADATA_LIMIT) -> str:
    """``text`` on one line and at most ``limit`` characters, for a document property; the
    full text stays in the document's body."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def marker(character: str) -> str:
    """The visible stand-in for a character that cannot be written: [U+0007]."""
    return f"[U+{ord(character):04X}]"


def clean(text: str | None) -> str:
    """Replace characters XML cannot carry by a visible marker; normalise line endings."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub(lambda match: marker(match.group()), text)


def shorten(text: str, limit: int = CELL_LIMIT) -> str:
    """The start of ``text`` up to a word boundary, for a table cell."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


def split_long(text: str, size: int = 1500) -> list[str]:
    """Split very long text into paragraph-sized pieces at line or word boundaries."""
    pieces: list[str] = []
    for line in text.split("\n"):
        while len(line) > size:
            cut = line.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        pieces.append(line)
    return pieces
