"""The export document model: what a submitted portfolio says, independent of file format.

Built once from the portfolio and its check result (builder.py) and rendered by the DOCX,
PDF and HTML renderers in app/exporters. Every string in it is already clean: no character
that XML cannot carry, no cell too long for a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.checker import Status
from app.export.shapes import Shape
from app.export.text import metadata


@dataclass(frozen=True)
class StatusMark:
    """A checker or assessor status, rendered as a coloured label."""

    status: Status

    @property
    def text(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class PageRef:
    """The page an anchor lands on: a real page number in the PDF, a PAGEREF field in the
    DOCX (Word and LibreOffice compute it), a link in HTML."""

    anchor: str

    @property
    def text(self) -> str:
        return "see"


Cell = str | StatusMark | PageRef


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | muted | strong | warning | small


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (sections carry their own level-1 title)."""

    text: str
    level: int = 2
    anchor: str = ""


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label/value pairs laid out as a two-column grid (cover sheet, an action's details)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: Relative column widths; renderers scale them to the page.
    widths: tuple[float, ...]
    caption: str = ""
    #: Rows at least this tall (cm): room to write by hand.
    min_row_height: float = 0.0
    #: Per row, the anchor of the item it shows ("" for none): where page references land.
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hotspot:
    """Where an item is drawn in a figure, so a click on it can open the item."""

    x: float
    y: float
    width: float
    height: float
    kind: str
    item_id: int

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass(frozen=True)
class Figure:
    """A picture laid out once in drawing primitives (points, y down): a chart or a diagram.
    Each renderer draws the same shapes (vectors in PDF, PNG in DOCX, SVG in HTML)."""

    title: str
    shapes: tuple[Shape, ...]
    width: float
    height: float
    alt_text: str
    hotspots: tuple[Hotspot, ...] = ()

    def item_at(self, x: float, y: float) -> Hotspot | None:
        return next((spot for spot in reversed(self.hotspots) if spot.contains(x, y)), None)


@dataclass(frozen=True)
class Image:
    """An evidence image; renderers ask the image source for downscaled bytes."""

    sha256: str
    caption: str
    alt_text: str
    anchor: str = ""


@dataclass(frozen=True)
class SignatureLines:
    """Boxes to sign or fill in by hand; a value fills the box when it is known."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Attachment:
    """An attached file reproduced in the appendix: its text (capped), or, for a PDF, its
    own pages appended to the exported PDF (``pdf_sha256``) with the text for other formats."""

    title: str
    anchor: str
    pieces: tuple[str, ...]
    note: str = ""
    pdf_sha256: str = ""


@dataclass(frozen=True)
class TableOfContents:
    """Where the contents list goes; each renderer builds it from the section titles."""


Block = (
    Paragraph
    | Heading
    | BulletList
    | Fields
    | Table
    | Figure
    | Image
    | SignatureLines
    | Attachment
    | TableOfContents
)


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    blocks: tuple[Block, ...]
    in_contents: bool = True


@dataclass(frozen=True)
class ExportDocument:
    title: str
    subtitle: str
    running_head: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    draft: bool
    cover: tuple[Block, ...]
    sections: tuple[Section, ...]

    @property
    def meta_title(self) -> str:
        return metadata(self.title)

    @property
    def meta_author(self) -> str:
        return metadata(self.author)

    @property
    def meta_subject(self) -> str:
        return metadata(self.subject)

    @property
    def meta_keywords(self) -> tuple[str, ...]:
        return tuple(metadata(word) for word in self.keywords)

    @property
    def page_title(self) -> str:
        """The HTML page's title: the unit and whose portfolio it is."""
        return metadata(f"{self.title} — {self.subtitle}")

    def headings(self) -> list[tuple[int, str, str]]:
        """(level, text, anchor) of every section and sub-heading, in order."""
        result: list[tuple[int, str, str]] = []
        for section in self.sections:
            if not section.in_contents:
                continue
            result.append((1, section.title, section.anchor))
            for block in section.blocks:
                if isinstance(block, Heading) and block.anchor:
                    result.append((block.level, block.text, block.anchor))
        return result


def block_place(section: Section, block: Block) -> str:
    """Where ``block`` stands, in words, for an error message: "'A3 in detail' in Action
    plan", "the table 'Feedback received' in Feedback"."""
    if isinstance(block, Heading):
        return f"the heading '{metadata(block.text, 80)}' in {metadata(section.title, 80)}"
    name = ""
    if isinstance(block, Table) and block.caption:
        name = f"the table '{metadata(block.caption, 80)}'"
    elif isinstance(block, Fields | SignatureLines):
        before = None
        for other in section.blocks:
            if other is block:
                break
            if isinstance(other, Heading):
                before = other
        if before is not None:
            name = f"the fields of '{metadata(before.text, 80)}'"
        elif block.rows:
            name = f"the fields '{metadata(block.rows[0][0], 60)}' …"
    elif isinstance(block, Attachment):
        name = f"the attachment '{metadata(block.title, 80)}'"
    kind = type(block).__name__.lower()
    return f"{name or 'a ' + kind} in {metadata(section.title, 80)}"
