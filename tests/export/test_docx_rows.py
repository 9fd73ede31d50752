"""Table rows written straight as WordprocessingML read back as python-docx wrote them."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Cm

from app.exporters.docx_rows import append_rows


def test_rows_keep_text_breaks_tabs_markup_widths_and_fills(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    style = document.styles["Normal"].style_id
    append_rows(
        table._tbl,
        [
            [
                ("line one\nline two\tafter a tab", style, ""),
                ("<b> & ]]> “quoted”", style, "DCFCE7"),
            ],
            [("", style, ""), ("Zoë 😀", style, "")],
        ],
        [Cm(3).twips, Cm(9).twips],
        min_height=int(1.1 * 567),
    )
    document.save(tmp_path / "rows.docx")
    read = Document(str(tmp_path / "rows.docx")).tables[0]
    assert [cell.text for cell in read.rows[1].cells] == [
        "line one\nline two\tafter a tab",
        "<b> & ]]> “quoted”",
    ]
    assert [cell.text for cell in read.rows[2].cells] == ["", "Zoë 😀"]
    assert [cell.width.twips for cell in read.rows[1].cells] == [Cm(3).twips, Cm(9).twips]
    shading = read.rows[1].cells[1]._tc.tcPr.xpath("./w:shd/@w:fill")
    assert shading == ["DCFCE7"]
    assert read.rows[2].height == int(1.1 * 567) * 635  # twips in EMU
