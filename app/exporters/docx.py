"""DOCX renderer: python-docx with Word's own heading styles, so navigation and a contents
field work; header rows repeat across pages; pictures carry alt text; every page has the
running head and "Page X of Y"."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from app.checker import Status
from app.export.images import ImageSource
from app.export.model import (
    Attachment,
    Block,
    BulletList,
    ExportDocument,
    Fields,
    Figure,
    Heading,
    Image,
    Paragraph,
    SignatureLines,
    StatusMark,
    Table,
    TableOfContents,
    block_place,
)
from app.export.text import metadata
from app.exporters.docx_rows import append_rows, bookmark_xml
from app.exporters.drawing import to_png

TEXT_WIDTH_CM = 17.0
FIGURE_HEIGHT_CM = 22.0
STATUS_FILLS = {Status.MET: "DCFCE7", Status.PARTLY: "FEF3C7", Status.MISSING: "FEE2E2"}
MUTED = RGBColor(0x6B, 0x72, 0x80)
WARNING = RGBColor(0xB4, 0x53, 0x09)


#: Characters python-docx turns into their own elements (tabs, breaks).
_PLAIN = re.compile("[\t\n\r]")


def _element(tag: str, **attributes: str) -> OxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name), value)
    return element


def _add_field(paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
    field = _element("w:fldSimple", **{"w:instr": instruction})
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _shade(cell: object, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    properties.append(_element("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def _repeat_header(table: DocxTable) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    properties.append(_element("w:tblHeader", **{"w:val": "true"}))


class _RowXml:
    """Just enough of a row for _min_height, from its XML element."""

    def __init__(self, tr: object) -> None:
        self._tr = tr


def _min_height(row: object, height_cm: float) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(
        _element("w:trHeight", **{"w:val": str(int(height_cm * 567)), "w:hRule": "atLeast"})
    )


def _set_cell(cell: object, text: str, style: object) -> None:
    """Text in a cell, formatted by a paragraph style: one style id written straight into
    the XML (python-docx's style setter searches every style, per call)."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph._p.get_or_add_pPr().style = style.style_id  # type: ignore[attr-defined]
    paragraph.add_run(text)


def _cells(table: DocxTable) -> list[list[_Cell]]:
    """Every cell by row, read straight from the XML (python-docx's row.cells is
    quadratic in the table's size)."""
    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


class _Renderer:
    def __init__(self, document: ExportDocument, images: ImageSource) -> None:
        self.export = document
        self.images = images
        self.doc: DocxDocument = Document()
        self.bookmarks = 0
        self._end: Any = None  # the body's section properties, new paragraphs go before
        self._setup()

    def mark(self, anchor: str) -> str:
        """Bookmark XML for ``anchor``, each with its own id; "" for no anchor."""
        if not anchor:
            return ""
        self.bookmarks += 1
        return bookmark_xml(anchor, self.bookmarks)

    def bookmark(self, paragraph: DocxParagraph, anchor: str) -> None:
        """Put the bookmark ``anchor`` at the start of ``paragraph`` (PAGEREF's target)."""
        xml = self.mark(anchor)
        if xml:
            parsed = parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>")
            for position, element in enumerate(list(parsed)):
                paragraph._p.insert(position + 1, element)

    def _setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.0))
        section.different_first_page_header_footer = True
        normal = doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(10)
        self.cell_style = doc.styles.add_style("Folio Table Text", WD_STYLE_TYPE.PARAGRAPH)
        self.cell_style.base_style = normal
        self.cell_style.font.size = Pt(8.5)
        self.cell_style.paragraph_format.space_after = Pt(0)
        self.head_style = doc.styles.add_style("Folio Table Heading", WD_STYLE_TYPE.PARAGRAPH)
        self.head_style.base_style = self.cell_style
        self.head_style.font.bold = True
        self.field_style = doc.styles.add_style("Folio Field", WD_STYLE_TYPE.PARAGRAPH)
        self.field_style.base_style = self.cell_style
        self.field_style.font.size = Pt(9)
        self.label_style = doc.styles.add_style("Folio Field Label", WD_STYLE_TYPE.PARAGRAPH)
        self.label_style.base_style = self.field_style
        self.label_style.font.bold = True
        header = section.header.paragraphs[0]
        run = header.add_run(self.export.running_head)
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
        if self.export.draft:
            draft = section.header.add_paragraph()
            mark = draft.add_run("DRAFT — not for submission")
            mark.bold = True
            mark.font.size = Pt(14)
            mark.font.color.rgb = RGBColor(0xDC, 0x26, 0x26)
            first = section.first_page_header.paragraphs[0].add_run("DRAFT — not for submission")
            first.bold = True
            first.font.size = Pt(14)
            first.font.color.rgb = RGBColor(0xDC, 0x26, 0x26)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.add_run(f"{self.export.title} — Page ").font.size = Pt(8)
        _add_field(footer, "PAGE", "1")
        footer.add_run(" of ").font.size = Pt(8)
        _add_field(footer, "NUMPAGES", "1")
        properties = doc.core_properties
        properties.title = self.export.meta_title
        properties.author = self.export.meta_author
        properties.subject = self.export.meta_subject
        properties.keywords = metadata(", ".join(self.export.keywords))
        properties.comments = "Exported by Folio"
        # Ask Word to refresh the contents and page fields when the file is opened.
        doc.settings.element.append(_element("w:updateFields", **{"w:val": "true"}))

    # -- blocks ---------------------------------------------------------------------------

    def paragraph(self, block: Paragraph) -> None:
        if _PLAIN.search(block.text) is None:
            paragraph = self._plain_paragraph(block.text)
            run = paragraph.runs[0]
        else:
            paragraph = self.doc.add_paragraph()
            run = paragraph.add_run(block.text)
        if block.style == "muted":
            run.font.color.rgb = MUTED
        elif block.style in {"strong", "warning"}:
            run.bold = True
            if block.style == "warning":
                run.font.color.rgb = WARNING
        elif block.style == "small":
            run.font.size = Pt(8)

    def _plain_paragraph(self, text: str) -> DocxParagraph:
        """A paragraph of one run of ``text`` (no tabs or line breaks), put before the
        section properties directly: python-docx looks for its place among all the body's
        children on every paragraph and sets text one character at a time, which makes a
        long portfolio's thousands of paragraphs cost quadratic time."""
        body = self.doc.element.body
        if self._end is None or self._end.getparent() is not body:
            self._end = body.sectPr
        p = OxmlElement("w:p")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = text
        if text[:1].isspace() or text[-1:].isspace():
            t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
        if self._end is None:
            body.append(p)
        else:
            self._end.addprevious(p)
        return DocxParagraph(p, self.doc._body)

    def table(self, block: Table) -> None:
        if block.caption:
            caption = self.doc.add_paragraph()
            caption.add_run(block.caption).bold = True
        table = self.doc.add_table(rows=1, cols=len(block.header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # fixed layout: Word and LibreOffice use the grid widths below
        total = sum(block.widths)
        widths = [Cm(TEXT_WIDTH_CM * width / total) for width in block.widths]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for cell, text in zip(_cells(table)[0], block.header, strict=True):
            _set_cell(cell, text, self.head_style)
            _shade(cell, "E5E7EB")
        _repeat_header(table)
        head, body = self.head_style.style_id, self.cell_style.style_id
        append_rows(
            table._tbl,
            [
                [
                    (value.text, head, STATUS_FILLS[value.status])
                    if isinstance(value, StatusMark)
                    else (value, body, "")
                    for value in values
                ]
                for values in block.rows
            ],
            [width.twips for width in widths],
            int(block.min_row_height * 567),
            [self.mark(anchor) for anchor in block.anchors],
        )
        self.doc.add_paragraph()

    def fields(self, rows: tuple[tuple[str, str], ...], boxes: bool = False) -> None:
        table = self.doc.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        table.autofit = False
        table.columns[0].width, table.columns[1].width = Cm(5.4), Cm(11.6)
        for row_xml, (label_cell, value_cell), (label, value) in zip(
            table._tbl.tr_lst, _cells(table), rows, strict=True
        ):
            if boxes:
                _min_height(_RowXml(row_xml), 1.1)
            _set_cell(label_cell, label, self.label_style)
            _shade(label_cell, "F3F4F6")
            _set_cell(value_cell, value, self.field_style)
        self.doc.add_paragraph()

    def picture(
        self, data: bytes, width_cm: float, alt_text: str, title: str, anchor: str = ""
    ) -> None:
        paragraph = self.doc.add_paragraph()
        self.bookmark(paragraph, anchor)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))
        properties = shape._inline.docPr
        properties.set("descr", alt_text)
        properties.set("title", title)

    def caption(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED

    def contents(self) -> None:
        """A real TOC field (Word fills in page numbers), pre-filled with the headings so it
        reads sensibly before it is updated."""
        paragraph = self.doc.add_paragraph()
        begin = OxmlElement("w:r")
        begin.append(_element("w:fldChar", **{"w:fldCharType": "begin"}))
        instruction = OxmlElement("w:r")
        text = _element("w:instrText", **{"xml:space": "preserve"})
        text.text = 'TOC \\o "1-2" \\h \\z \\u'
        instruction.append(text)
        separate = OxmlElement("w:r")
        separate.append(_element("w:fldChar", **{"w:fldCharType": "separate"}))
        for element in (begin, instruction, separate):
            paragraph._p.append(element)
        for level, heading, _anchor in self.export.headings():
            if level > 2:
                continue
            run = paragraph.add_run(("    " if level == 2 else "") + heading)
            run.bold = level == 1
            run.add_break(WD_BREAK.LINE)
        end = OxmlElement("w:r")
        end.append(_element("w:fldChar", **{"w:fldCharType": "end"}))
        paragraph._p.append(end)

    def attachment(self, block: Attachment) -> None:
        self.bookmark(self.doc.add_heading(block.title, level=3), block.anchor)
        self.paragraph(Paragraph(block.note, "small"))
        for piece in block.pieces:
            self.paragraph(Paragraph(piece, "small"))

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Heading):
            self.bookmark(self.doc.add_heading(block.text, level=min(block.level, 3)), block.anchor)
        elif isinstance(block, Attachment):
            self.attachment(block)
        elif isinstance(block, BulletList):
            for item in block.items:
                self.doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Fields):
            self.fields(block.rows)
        elif isinstance(block, SignatureLines):
            self.fields(block.rows, boxes=True)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            width_cm = min(TEXT_WIDTH_CM, FIGURE_HEIGHT_CM * block.width / block.height)
            self.picture(
                to_png(list(block.shapes), block.width, block.height),
                width_cm,
                block.alt_text,
                block.title,
            )
        elif isinstance(block, Image):
            data = self.images(block.sha256)
            if data is None:
                self.paragraph(
                    Paragraph(f"{block.caption}: this image could not be read.", "muted")
                )
            else:
                width = min(16.0, data.width / 96 * 2.54)
                height = width * data.height / data.width
                if height > 12.0:
                    width = width * 12.0 / height
                self.picture(data.data, width, block.alt_text, block.caption, block.anchor)
                self.caption(block.caption)
        elif isinstance(block, TableOfContents):
            self.contents()
        else:
            raise TypeError(f"cannot render {type(block).__name__}")

    def render(self, target: Path) -> None:
        doc = self.doc
        for _ in range(5):
            doc.add_paragraph()
        doc.add_paragraph(self.export.title, style="Title")
        subtitle = doc.add_paragraph()
        run = subtitle.add_run(self.export.subtitle)
        run.font.size = Pt(14)
        run.font.color.rgb = MUTED
        for block in self.export.cover:
            self.block(block)
        for section in self.export.sections:
            heading = doc.add_heading(section.title, level=1)
            heading.paragraph_format.page_break_before = True
            self.bookmark(heading, section.anchor)
            for block in section.blocks:
                try:
                    self.block(block)
                except Exception as error:
                    if not hasattr(error, "folio_where"):
                        error.folio_where = block_place(section, block)  # type: ignore[attr-defined]
                    raise
        doc.save(str(target))


def render_docx(document: ExportDocument, target: Path, images: ImageSource) -> None:
    """Write ``document`` as a Word file at ``target``."""
    _Renderer(document, images).render(target)
