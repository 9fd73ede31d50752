"""Table body rows for the DOCX, written as WordprocessingML text and parsed in one go.

python-docx builds a cell through several element look-ups and insertions per run; the
large portfolio's tables hold thousands of cells, where that was most of the DOCX export.
The rows written here are what python-docx writes for a cell of text in a paragraph style
(width, optional shading, line breaks and tabs as Word's own elements).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.export.model import PageRef

#: A cell: its text (or a page reference), the paragraph style id, and a fill colour.
CellXml = tuple["str | PageRef", str, str]


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an anchor: a letter first, letters, digits and _ only,
    at most 40 characters."""
    return ("F_" + re.sub(r"[^A-Za-z0-9_]", "_", anchor))[:40]


def bookmark_xml(anchor: str, number: int) -> str:
    name = escape(bookmark_name(anchor))
    return f'<w:bookmarkStart w:id="{number}" w:name="{name}"/><w:bookmarkEnd w:id="{number}"/>'


def _page_field(anchor: str) -> str:
    """A PAGEREF field: the page the bookmark is on, computed when the file is opened."""
    instruction = escape(f" PAGEREF {bookmark_name(anchor)} \\h ", {'"': "&quot;"})
    return f'<w:fldSimple w:instr="{instruction}"><w:r><w:t>?</w:t></w:r></w:fldSimple>'


def _runs(text: str) -> str:
    if not text:
        return ""
    parts = []
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append("<w:br/>")
        for index, piece in enumerate(line.split("\t")):
            if index:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{''.join(parts)}</w:r>"


def _cell(text: str | PageRef, style_id: str, fill: str, width: int, mark: str = "") -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    content = _page_field(text.anchor) if isinstance(text, PageRef) else _runs(text)
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{mark}{content}</w:p></w:tc>'
    )


def append_rows(
    tbl: object,
    rows: Sequence[Sequence[CellXml]],
    widths: Sequence[int],
    min_height: int = 0,
    marks: Sequence[str] = (),
) -> None:
    """Append ``rows`` to the table element ``tbl``; ``widths`` in twentieths of a point,
    ``min_height`` (the same unit) for rows with room to write by hand; ``marks``, per
    row, bookmark XML for its first cell."""
    height = (
        f'<w:trPr><w:trHeight w:val="{min_height}" w:hRule="atLeast"/></w:trPr>'
        if min_height
        else ""
    )
    marks = list(marks) + [""] * (len(rows) - len(marks))
    body = "".join(
        "<w:tr>"
        + height
        + "".join(
            _cell(text, style, fill, width, mark if column == 0 else "")
            for column, ((text, style, fill), width) in enumerate(zip(row, widths, strict=True))
        )
        + "</w:tr>"
        for row, mark in zip(rows, marks, strict=True)
    )
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>")
    for tr in list(parsed):
        tbl.append(tr)  # type: ignore[attr-defined]
