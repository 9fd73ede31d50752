"""Table body rows for the DOCX, written as WordprocessingML text and parsed in one go.

python-docx builds a cell through several element look-ups and insertions per run; the
large portfolio's tables hold thousands of cells, where that was most of the DOCX export.
The rows written here are what python-docx writes for a cell of text in a paragraph style
(width, optional shading, line breaks and tabs as Word's own elements).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

#: A cell: its text, the paragraph style id, and a fill colour ("" for none).
CellXml = tuple[str, str, str]


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


def _cell(text: str, style_id: str, fill: str, width: int) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{_runs(text)}</w:p></w:tc>'
    )


def append_rows(
    tbl: object,
    rows: Sequence[Sequence[CellXml]],
    widths: Sequence[int],
    min_height: int = 0,
) -> None:
    """Append ``rows`` to the table element ``tbl``; ``widths`` in twentieths of a point,
    ``min_height`` (the same unit) for rows with room to write by hand."""
    height = (
        f'<w:trPr><w:trHeight w:val="{min_height}" w:hRule="atLeast"/></w:trPr>'
        if min_height
        else ""
    )
    body = "".join(
        "<w:tr>"
        + height
        + "".join(
            _cell(text, style, fill, width)
            for (text, style, fill), width in zip(row, widths, strict=True)
        )
        + "</w:tr>"
        for row in rows
    )
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>")
    for tr in list(parsed):
        tbl.append(tr)  # type: ignore[attr-defined]
