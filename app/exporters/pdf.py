"""PDF renderer: reportlab platypus, one BaseDocTemplate with a cover and a body page template.

Embedded DejaVu Sans (Symbola for emoji when present), a running head, "page X of Y",
PDF outline entries, a contents list and page references with page numbers, and a DRAFT
watermark on drafts. The document is laid out once: every page number that depends on the
layout is drawn when the canvas saves, when each page is known.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any, ClassVar
from weakref import ref
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Image as RlImage
from reportlab.platypus import Paragraph as RlParagraph
from reportlab.platypus import Table as RlTable

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
    PageRef,
    Paragraph,
    SignatureLines,
    StatusMark,
    Table,
    TableOfContents,
    block_place,
)
from app.exporters import fonts
from app.exporters.drawing import to_drawing
from app.exporters.pdf_cells import TextCell
from app.exporters.pdf_tables import CHUNK, LongTable, Piece
from app.exporters.pdf_text import PlainText

PAGE_WIDTH, PAGE_HEIGHT = A4
#: Plain text longer than this is set as PlainText, whose cost stays linear in its length.
LONG_TEXT = 500
MARGIN = 2.0 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
#: Tallest a figure is drawn: the body frame less room for the running head and a caption.
FIGURE_HEIGHT = PAGE_HEIGHT - 2 * MARGIN - 3 * cm
STATUS_COLOURS = {
    Status.MET: colors.HexColor("#dcfce7"),
    Status.PARTLY: colors.HexColor("#fef3c7"),
    Status.MISSING: colors.HexColor("#fee2e2"),
}
INK = colors.HexColor("#111827")
MUTED = colors.HexColor("#6b7280")
RULE = colors.HexColor("#9ca3af")


# -- fonts and text ------------------------------------------------------------------------


class _Font(TTFont):
    """DejaVu with a quick way through its subset encoding: a line whose every character
    already has a code in the first subset is translated in one step, where reportlab
    looks each character up in turn (most of the drawing time of a long portfolio). The
    document last drawn for is remembered with its state, so a line costs no look-up in
    reportlab's table of documents."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        #: (the document, its subset state, the quick table for that state's codes).
        self._last: tuple[Any, Any, tuple[int, dict[int, int], frozenset[str]]] | None = None

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list:  # type: ignore[type-arg]
        if isinstance(text, str) and text:
            last = self._last
            if last is not None and last[0]() is doc:
                _, state, quick = last
            else:
                state, quick = self.state.get(doc), None
            if state is not None:
                assignments = state.assignments
                if quick is None or quick[0] != len(assignments):
                    table = {c: n for c, n in assignments.items() if n < 256}
                    quick = (len(assignments), table, frozenset(map(chr, table)))
                    self._last = (ref(doc), state, quick)
                if quick[2].issuperset(text):
                    return [(0, text.translate(quick[1]).encode("latin-1"))]
        return super().splitString(text, doc, encoding)


@cache
def _register_fonts() -> tuple[frozenset[int], frozenset[int]]:
    """Register the fonts once; return the code points the main and symbol fonts cover."""
    for name, path in fonts.FONT_FILES.items():
        pdfmetrics.registerFont(_Font(name, str(path)))
    pdfmetrics.registerFontFamily(
        fonts.REGULAR,
        normal=fonts.REGULAR,
        bold=fonts.BOLD,
        italic=fonts.ITALIC,
        boldItalic=fonts.BOLD,
    )
    main = pdfmetrics.getFont(fonts.REGULAR)
    covered = frozenset(main.face.charToGlyph)  # type: ignore[attr-defined]
    symbol_file = fonts.symbol_font_file()
    symbols: frozenset[int] = frozenset()
    if symbol_file is not None:
        try:
            symbol_font = TTFont(fonts.SYMBOLS, str(symbol_file))
            pdfmetrics.registerFont(symbol_font)
            symbols = frozenset(symbol_font.face.charToGlyph)
        except Exception:  # a broken system font must not stop an export
            symbols = frozenset()
    return covered, symbols


def _runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into runs, each marked True when it must be set in the symbol font (the
    main font lacks its characters and the symbol font has them)."""
    if text.isascii():  # the main font has every ASCII character
        return [(False, text)] if text else []
    covered, symbols = _register_fonts()
    runs: list[tuple[bool, str]] = []
    run: list[str] = []
    in_symbols = False
    for character in text:
        code = ord(character)
        wants_symbols = code > 0x7F and code not in covered and code in symbols
        if wants_symbols != in_symbols:
            if run:
                runs.append((in_symbols, "".join(run)))
                run = []
            in_symbols = wants_symbols
        run.append(character)
    if run:
        runs.append((in_symbols, "".join(run)))
    return runs


def markup(text: str) -> str:
    """Paragraph markup for plain text: escaped, line breaks kept, and runs of characters the
    main font lacks set in the symbol font, so emoji and symbols still print."""
    if text.isascii():  # the main font has every ASCII character: no run to look for
        return escape(text).replace("\n", "<br/>")
    out = [
        f'<font name="{fonts.SYMBOLS}">{escape(chunk)}</font>' if symbol else escape(chunk)
        for symbol, chunk in _runs(text)
    ]
    return "".join(out).replace("\n", "<br/>")


def text_flowable(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of plain text: long text in a left-aligned style as PlainText (the same
    lines, fonts and page splits as a Paragraph, in time linear in its length), the rest as
    a Paragraph, and so is text with a soft hyphen (where a Paragraph may break a word)."""
    plain = style.alignment == TA_LEFT and not (
        style.leftIndent or style.rightIndent or style.firstLineIndent
    )
    if plain and len(text) > LONG_TEXT and "\xad" not in text:
        _register_fonts()
        return PlainText(text, style, fonts.SYMBOLS, _runs)
    return RlParagraph(markup(text), style)


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """One line drawn straight on the page (running head, footer) with the same symbol-font
    fallback as paragraphs, so an emoji in a learner's name prints there too."""
    for symbol, chunk in _runs(text):
        name = fonts.SYMBOLS if symbol else font
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, name, size)


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=9.5, leading=13, textColor=INK, spaceAfter=5
    )
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "strong": ParagraphStyle("strong", parent=base, fontName=fonts.BOLD),
        "warning": ParagraphStyle(
            "warning", parent=base, fontName=fonts.BOLD, textColor=colors.HexColor("#b45309")
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.2, leading=10.4, spaceAfter=0),
        "cell-head": ParagraphStyle(
            "cell-head", parent=base, fontName=fonts.BOLD, fontSize=8.2, leading=10.4, spaceAfter=0
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=17,
            leading=21,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=fonts.BOLD, fontSize=24, leading=30, spaceAfter=8
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=14, leading=19, textColor=MUTED, spaceAfter=24
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8, textColor=MUTED, alignment=TA_CENTER
        ),
        "toc1": ParagraphStyle(
            "toc1", parent=base, fontName=fonts.BOLD, fontSize=10, leftIndent=0, spaceBefore=3
        ),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9, leftIndent=14, spaceAfter=1),
    }


# -- page furniture ---------------------------------------------------------------------------


class _Contents:
    """The contents list, drawn in a single layout pass.

    The story reserves room for it (placeholders record where they landed); headings record
    their pages as they are laid out; the canvas, which holds every page back until the end,
    then draws the entries with their page numbers into the reserved room.
    """

    LEADING: ClassVar[dict[int, float]] = {1: 16.0, 2: 13.0}

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        #: The page of every anchor (headings, items), which page references print.
        self.anchors: dict[str, int] = {}
        #: Per page, the reserved room for contents lines on it.
        self.slots: dict[int, list[tuple[float, float, float, list[tuple[int, str, str]]]]] = {}
        #: Per anchor a page reference points at, the form that prints its page number.
        self.numbers: dict[str, str] = {}

    def number_form(self, anchor: str) -> str:
        """The name of the form XObject that will print ``anchor``'s page number."""
        name = self.numbers.get(anchor)
        if name is None:
            name = self.numbers[anchor] = f"FolioPageNumber{len(self.numbers)}"
        return name

    def draw_numbers(self, canvas: Canvas) -> None:
        """Define each page-number form, once every anchor's page is known."""
        style = _styles()["cell"]
        for anchor, name in self.numbers.items():
            canvas.beginForm(name)
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            canvas.drawString(0, style.leading - style.fontSize, str(self.anchors.get(anchor, "…")))
            canvas.endForm()

    def draw(self, canvas: Canvas, page: int) -> None:
        for x, top, width, lines in self.slots.get(page, ()):
            y = top
            for level, text, key in lines:
                y -= self.LEADING[level]
                font = fonts.BOLD if level == 1 else fonts.REGULAR
                size = 10 if level == 1 else 9
                indent = 0 if level == 1 else 14
                number = str(self.pages.get(key, ""))
                canvas.setFont(font, size)
                canvas.setFillColor(INK)
                room = width - indent - 40
                while text and pdfmetrics.stringWidth(text, font, size) > room:
                    text = text[:-2] + "…"
                canvas.drawString(x + indent, y + 3, text)
                end = x + indent + pdfmetrics.stringWidth(text, font, size) + 4
                canvas.setFillColor(MUTED)
                dots = " ." * int(
                    max(0, (x + width - 28 - end))
                    / pdfmetrics.stringWidth(" .", fonts.REGULAR, size)
                )
                canvas.setFont(fonts.REGULAR, size)
                canvas.drawString(end, y + 3, dots)
                canvas.setFillColor(INK)
                canvas.drawRightString(x + width, y + 3, number)
                if number:
                    canvas.linkRect("", key, (x, y, x + width, y + self.LEADING[level]), relative=0)


class _ContentsRoom(Flowable):
    """Reserved room for contents lines; splits across pages like a long paragraph."""

    def __init__(self, lines: list[tuple[int, str, str]], contents: _Contents) -> None:
        super().__init__()
        self.lines = lines
        self.contents = contents
        self._position = (0.0, 0.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(_Contents.LEADING[level] for level, _, _ in self.lines)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        used = 0.0
        count = 0
        for level, _, _ in self.lines:
            if used + _Contents.LEADING[level] > available_height:
                break
            used += _Contents.LEADING[level]
            count += 1
        if count == 0:
            return []
        return [
            _ContentsRoom(self.lines[:count], self.contents),
            _ContentsRoom(self.lines[count:], self.contents),
        ]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._position = (x, y)
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        x, y = self._position
        self.contents.slots.setdefault(self.canv.getPageNumber(), []).append(
            (x, y + self.height, self.width, self.lines)
        )


def _numbered_canvas(running_head: str, contents: _Contents) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each can say 'page X of Y', the
    contents can show every section's page and page references the page they point at."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            # The page's operators as the one string they become (joined by new lines, as
            # reportlab joins them): a held page is then a fraction of the memory.
            self._code = ["\n".join(self._code)]
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number in range(1, total + 1):
                state, self._pages[number - 1] = self._pages[number - 1], {}
                self.__dict__.update(state)
                contents.draw(self, number)
                if number > 1:
                    self.saveState()
                    self.setFont(fonts.REGULAR, 8)
                    self.setFillColor(MUTED)
                    self.drawRightString(PAGE_WIDTH - MARGIN, 1.1 * cm, f"Page {number} of {total}")
                    self.restoreState()
                super().showPage()
            contents.draw_numbers(self)
            super().save()

    NumberedCanvas.running_head = running_head  # type: ignore[attr-defined]
    return NumberedCanvas


def _watermark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.13))
    canvas.setFont(fonts.BOLD, 110)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -35, "DRAFT")
    canvas.restoreState()


class _PortfolioTemplate(BaseDocTemplate):
    """Cover and body page templates; headings become outline entries and contents lines."""

    def __init__(self, target: Any, document: ExportDocument, contents: _Contents) -> None:
        self.export = document
        self.contents = contents
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=document.meta_title,
            author=document.meta_author,
            subject=document.meta_subject,
            keywords=list(document.meta_keywords),
            creator="Folio",
            producer="Folio (reportlab)",
        )
        frame = Frame(
            MARGIN,
            MARGIN,
            FRAME_WIDTH,
            PAGE_HEIGHT - 2 * MARGIN,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", frames=[frame], onPage=self._cover_page),
                PageTemplate("body", frames=[frame], onPage=self._body_page),
            ]
        )

    def handle_documentBegin(self) -> None:
        self._outline_level = -1
        super().handle_documentBegin()

    def _cover_page(self, canvas: Canvas, _doc: Any) -> None:
        if self.export.draft:
            _watermark(canvas)

    def _body_page(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(MUTED)
        head = self.export.running_head
        draw_text(canvas, MARGIN, PAGE_HEIGHT - 1.2 * cm, head[:120], fonts.REGULAR, 8)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, PAGE_HEIGHT - 1.35 * cm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 1.35 * cm)
        draw_text(canvas, MARGIN, 1.1 * cm, self.export.title[:90], fonts.REGULAR, 8)
        canvas.restoreState()
        if self.export.draft:
            _watermark(canvas)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        flowable = flowables[0] if flowables else None
        try:
            super().handle_flowable(flowables)
        except Exception as error:
            where = getattr(flowable, "folio_where", "")
            if where and not hasattr(error, "folio_where"):
                error.folio_where = where  # type: ignore[attr-defined]
            raise

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "folio_entry", None)
        if entry is None:
            return
        level, text, key, in_contents = entry
        # The outline may go down one level at a time only.
        outline_level = min(level - 1, self._outline_level + 1)
        self._outline_level = outline_level
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=outline_level, closed=outline_level > 0)
        self.contents.anchors.setdefault(key, self.page)
        if in_contents:
            self.contents.pages[key] = self.page


# -- blocks -----------------------------------------------------------------------------------


class _Anchor(Flowable):
    """Where an item lands: a PDF destination, and its page for the page references."""

    def __init__(self, key: str, contents: _Contents) -> None:
        super().__init__()
        self.key = key
        self.contents = contents

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.contents.anchors.setdefault(self.key, self.canv.getPageNumber())


class _PageNumber(Flowable):
    """The page an anchor lands on, in a table cell: one line of room whose number is a
    form drawn when the canvas saves, by when every anchor's page is known, so the document
    is laid out once."""

    def __init__(self, anchor: str, contents: _Contents, style: ParagraphStyle) -> None:
        super().__init__()
        self.anchor = anchor
        self.contents = contents
        self.style = style

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        self.canv.doForm(self.contents.number_form(self.anchor))


def _heading(text: str, level: int, key: str, in_contents: bool = True) -> RlParagraph:
    paragraph = RlParagraph(markup(text), _styles()[f"h{min(level, 3)}"])
    paragraph.folio_entry = (level, text, key, in_contents)  # type: ignore[attr-defined]
    return paragraph


def _cell(value: Any, head: bool = False, contents: _Contents | None = None) -> Flowable:
    style = _styles()["cell-head" if head else "cell"]
    if isinstance(value, PageRef) and contents is not None:
        return _PageNumber(value.anchor, contents, style)
    text = value.text if isinstance(value, StatusMark | PageRef) else str(value)
    covered, _ = _register_fonts()
    if text.isascii() or all(ord(character) in covered for character in text):
        return TextCell(text, style.fontName, style.fontSize, style.leading, style.textColor)
    return RlParagraph(markup(text), style)


def _table(block: Table, contents: _Contents) -> list[Flowable]:
    total = sum(block.widths)
    widths = [FRAME_WIDTH * w / total for w in block.widths]
    header = [_cell(h, head=True) for h in block.header]
    rows: list[list[Any]] = [[_cell(v, contents=contents) for v in row] for row in block.rows]
    for row_data, anchor in zip(rows, block.anchors, strict=False):
        if anchor:
            row_data[0] = [_Anchor(anchor, contents), row_data[0]]
    #: Per row, the cells whose background shows a status.
    marks = [
        [(n, STATUS_COLOURS[v.status]) for n, v in enumerate(row) if isinstance(v, StatusMark)]
        for row in block.rows
    ]
    height = block.min_row_height * cm if block.min_row_height else None

    def piece(start: int, stop: int, with_header: bool) -> Piece:
        """The rows ``start`` to ``stop`` as one Table, the header above them if asked."""
        top = 1 if with_header else 0
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if with_header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e5e7eb")))
        for row_index, row_marks in enumerate(marks[start:stop], start=top):
            for column, colour in row_marks:
                style.append(("BACKGROUND", (column, row_index), (column, row_index), colour))
        heights = None
        if height is not None:
            heights = [None] * top + [height] * (stop - start)
        table = Piece(
            [header] * top + rows[start:stop],
            colWidths=widths,
            rowHeights=heights,
            repeatRows=top,
            splitByRow=True,
        )
        table.setStyle(TableStyle(style))
        return table

    flowables: list[Flowable] = []
    if block.caption:
        flowables.append(RlParagraph(markup(block.caption), _styles()["strong"]))
    if len(rows) > CHUNK:
        flowables.append(LongTable(len(rows), piece))
    else:
        flowables.append(piece(0, len(rows), True))
    flowables.append(Spacer(1, 8))
    return flowables


def _fields(rows: tuple[tuple[str, str], ...], boxes: bool = False) -> list[Flowable]:
    data = [[_cell(label, head=True), _cell(value)] for label, value in rows]
    table = RlTable(
        data,
        colWidths=[FRAME_WIDTH * 0.32, FRAME_WIDTH * 0.68],
        rowHeights=[1.1 * cm] * len(rows) if boxes else None,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f3f4f6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [table, Spacer(1, 8)]


def _image(block: Image, images: ImageSource, contents: _Contents) -> list[Flowable]:
    data = images(block.sha256)
    anchor: list[Flowable] = [_Anchor(block.anchor, contents)] if block.anchor else []
    if data is None:
        text = markup(f"{block.caption}: this image could not be read.")
        return [*anchor, RlParagraph(text, _styles()["muted"])]
    # Fit the frame; never blow a small picture up past about 96 dots per inch.
    scale = min(16 * cm / data.width, 11 * cm / data.height, 0.75)
    picture = RlImage(io.BytesIO(data.data), width=data.width * scale, height=data.height * scale)
    return [
        KeepTogether([*anchor, picture, RlParagraph(markup(block.caption), _styles()["caption"])]),
        Spacer(1, 10),
    ]


def _attachment(block: Attachment) -> list[Flowable]:
    styles = _styles()
    flowables: list[Flowable] = [
        CondPageBreak(3 * cm),
        _heading(block.title, 3, block.anchor),
        RlParagraph(markup(block.note), styles["small"]),
    ]
    if block.pdf_sha256:
        return flowables
    return flowables + [text_flowable(piece, styles["small"]) for piece in block.pieces]


def _block(
    block: Block,
    images: ImageSource,
    counter: list[int],
    contents: _Contents,
    document: ExportDocument,
) -> list[Flowable]:
    styles = _styles()
    if isinstance(block, Paragraph):
        return [text_flowable(block.text, styles.get(block.style, styles["body"]))]
    if isinstance(block, Heading):
        counter[0] += 1
        return [
            CondPageBreak(3 * cm),
            _heading(block.text, block.level, block.anchor or f"h{counter[0]}"),
        ]
    if isinstance(block, BulletList):
        return [RlParagraph(markup(item), styles["body"], bulletText="•") for item in block.items]
    if isinstance(block, Fields):
        return _fields(block.rows)
    if isinstance(block, SignatureLines):
        return _fields(block.rows, boxes=True)
    if isinstance(block, Table):
        return _table(block, contents)
    if isinstance(block, Attachment):
        return _attachment(block)
    if isinstance(block, Figure):
        scale = min(FRAME_WIDTH / block.width, FIGURE_HEIGHT / block.height)
        return [
            CondPageBreak(min(block.height * scale, FIGURE_HEIGHT) + 8),
            to_drawing(list(block.shapes), block.width, block.height, scale),
            Spacer(1, 8),
        ]
    if isinstance(block, Image):
        return _image(block, images, contents)
    if isinstance(block, TableOfContents):
        lines = [(level, text, anchor) for level, text, anchor in document.headings() if level <= 2]
        return [_ContentsRoom(lines, contents)]
    raise TypeError(f"cannot render {type(block).__name__}")


def story(document: ExportDocument, images: ImageSource, contents: _Contents) -> list[Flowable]:
    styles = _styles()
    flowables: list[Flowable] = [
        Spacer(1, 4 * cm),
        text_flowable(document.title, styles["title"]),
        text_flowable(document.subtitle, styles["subtitle"]),
    ]
    counter = [0]
    for block in document.cover:
        flowables += _block(block, images, counter, contents, document)
    flowables.append(NextPageTemplate("body"))
    for section in document.sections:
        flowables.append(PageBreak())
        flowables.append(_heading(section.title, 1, section.anchor, section.in_contents))
        for block in section.blocks:
            where = block_place(section, block)
            try:
                laid_out = _block(block, images, counter, contents, document)
            except Exception as error:
                error.__dict__.setdefault("folio_where", where)
                raise
            for flowable in laid_out:
                flowable.__dict__["folio_where"] = where  # a Drawing refuses setattr
            flowables += laid_out
    return flowables


def render_pdf(document: ExportDocument, target: Path, images: ImageSource) -> None:
    """Write ``document`` as a PDF at ``target``, laid out in one pass."""
    contents = _Contents()
    template = _PortfolioTemplate(str(target), document, contents)
    template.build(
        story(document, images, contents),
        canvasmaker=_numbered_canvas(document.running_head, contents),
    )
