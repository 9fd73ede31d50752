"""What an assessor reads from the look of an export, not only its words: a dash where a
marking point has no evidence (a blank cell would look overlooked), grey for a sentence that
stands in for missing content, a chart headed as its caption names it. Read back from the
Word, PDF and HTML files of a portfolio with nothing in it but two RATER scores."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from docx import Document
from lxml import html as lxml_html

from app.catalogue import load_catalogue
from app.export.model import Attachment, Paragraph
from app.export.service import ExportOutcome, export_portfolio
from app.exporters.pdf import _styles as pdf_styles
from app.store import PortfolioStore

NO_FEEDBACK = "No feedback has been recorded."
GRID_HEADER = ("MP", "Marking point", "Evidence", "Methods")


@pytest.fixture(scope="module")
def sparse(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ExportOutcome]:
    folder = tmp_path_factory.mktemp("sparse")
    unit = load_catalogue().get("continuous-improvement")
    outcomes = {}
    with PortfolioStore.create(folder / "sparse.folio", unit, "Ada Learner") as store:
        store.add_item("rater_score", dimension="reliability", score=2, evidence="Late replies")
        store.add_item("rater_score", dimension="empathy", score=4, evidence="Compliments")
        action = store.add_item("action_item", action="Reply to every email within a day")
        store.link_evidence(
            unit.marking_points[0].id,
            "action_item",
            action.item_id,
            "The action answers the late email replies customers named: a one-day reply time.",
        )
        notes = folder / "survey-notes.txt"
        notes.write_text("Seven customers waited over two days for an email reply.\n")
        store.attach_file(notes, title="Survey notes")
        for fmt in ("docx", "pdf", "html"):
            outcomes[fmt] = export_portfolio(store, fmt, folder / f"sparse.{fmt}", draft=True)
    return outcomes


def _grey(red: float, green: float, blue: float) -> bool:
    """A grey (channels within 0.1 of each other), lighter than the near-black body text."""
    return max(red, green, blue) - min(red, green, blue) < 0.1 and min(red, green, blue) > 0.3


def _support(outcome: ExportOutcome) -> dict[str, bool]:
    """Marking point short id -> whether any item in the portfolio supports it."""
    return {point.short_id: bool(point.support) for point in outcome.result.points}


def _html_tree(outcome: ExportOutcome):  # type: ignore[no-untyped-def]
    return lxml_html.fromstring(outcome.path.read_bytes())


def _check_grid(rows: list[list[str]], support: dict[str, bool]) -> None:
    assert [row[0] for row in rows] == list(support)
    assert not all(support.values()) and any(support.values())
    for short_id, evidence, methods in ((r[0], r[2], r[3]) for r in rows):
        if support[short_id]:
            assert evidence.strip() not in ("", "—") and methods.strip() not in ("", "—")
        else:
            assert (evidence, methods) == ("—", "—"), short_id


def test_the_docx_mapping_grid_marks_a_point_without_evidence_with_a_dash(sparse) -> None:
    outcome = sparse["docx"]
    document = Document(str(outcome.path))
    grid = next(
        t for t in document.tables if tuple(c.text for c in t.rows[0].cells[:4]) == GRID_HEADER
    )
    _check_grid([[c.text for c in row.cells] for row in grid.rows[1:]], _support(outcome))


def test_the_html_mapping_grid_marks_a_point_without_evidence_with_a_dash(sparse) -> None:
    outcome = sparse["html"]
    grids = [
        table
        for table in _html_tree(outcome).iter("table")
        if tuple(th.text_content() for th in table.iter("th"))[:4] == GRID_HEADER
    ]
    assert len(grids) == 1
    body = next(grids[0].iter("tbody"))
    rows = [[td.text_content() for td in tr.iter("td")] for tr in body.iter("tr")]
    _check_grid(rows, _support(outcome))


def test_the_docx_placeholder_for_no_feedback_is_grey(sparse) -> None:
    document = Document(str(sparse["docx"].path))
    placeholder = next(p for p in document.paragraphs if p.text == NO_FEEDBACK)
    colour = placeholder.runs[0].font.color.rgb
    assert colour is not None
    assert _grey(*(channel / 255 for channel in colour))


def test_the_pdf_placeholder_for_no_feedback_is_grey(sparse) -> None:
    with pdfplumber.open(sparse["pdf"].path) as pdf:
        for page in pdf.pages:
            lines = page.extract_text_lines(return_chars=True)
            found = [line for line in lines if line["text"] == NO_FEEDBACK]
            if found:
                break
        else:
            raise AssertionError(f"{NO_FEEDBACK!r} is not in the PDF")
    colours = {tuple(char["non_stroking_color"]) for char in found[0]["chars"]}
    assert len(colours) == 1
    assert _grey(*colours.pop())


def _css_colour(stylesheet: str, css_class: str) -> tuple[float, float, float] | None:
    rule = re.search(r"\." + re.escape(css_class) + r"\s*\{([^}]*)\}", stylesheet)
    colour = rule and re.search(r"(?<![-\w])color:\s*#([0-9a-fA-F]{6})", rule.group(1))
    if not colour:
        return None
    value = colour.group(1)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def test_the_html_placeholder_for_no_feedback_is_grey(sparse) -> None:
    tree = _html_tree(sparse["html"])
    stylesheet = "".join(style.text_content() for style in tree.iter("style"))
    placeholder = next(p for p in tree.iter("p") if p.text_content() == NO_FEEDBACK)
    colour = _css_colour(stylesheet, placeholder.get("class", ""))
    assert colour is not None and _grey(*colour)


def _paragraphs(outcome: ExportOutcome) -> list[Paragraph]:
    document = outcome.document
    blocks = [*document.cover, *(b for s in document.sections for b in s.blocks)]
    return [block for block in blocks if isinstance(block, Paragraph)]


def test_every_paragraph_style_the_document_names_is_known_to_every_renderer(sparse) -> None:
    """A style a renderer does not know falls back to body text without a word: a grey
    placeholder or an orange warning would read as the learner's own content."""
    paragraphs = _paragraphs(sparse["html"])
    styles = {p.style for p in paragraphs}
    assert {"body", "muted", "warning", "small"} <= styles
    assert styles <= set(pdf_styles())
    stylesheet = "".join(s.text_content() for s in _html_tree(sparse["html"]).iter("style"))
    for style in styles - {"body"}:
        assert re.search(r"\." + style + r"\s*\{", stylesheet), style
    # Word: each styled paragraph's run is set apart from body text (colour, bold or size).
    runs = {p.text: p.runs for p in Document(str(sparse["docx"].path)).paragraphs if p.runs}
    for paragraph in paragraphs:
        if paragraph.style == "body" or paragraph.text not in runs:
            continue
        font = runs[paragraph.text][0].font
        assert font.color.rgb is not None or font.bold or font.size is not None, paragraph


def test_the_rater_chart_is_headed_as_its_caption_names_it_with_its_axis_range(sparse) -> None:
    tree = _html_tree(sparse["html"])
    figure = next(
        f
        for f in tree.iter("figure")
        if f.findtext("figcaption", "").startswith("RATER self-assessment:")
    )
    texts = [t for t in figure.iter("{*}text", "text")]
    heading = next(t for t in texts if t.get("font-weight") == "bold").text_content()
    ticks = [
        t.text_content()
        for t in texts
        if t.get("text-anchor") == "middle" and t.text_content().isdigit()
    ]
    name = figure.findtext("figcaption").split(":")[0]
    assert heading == f"{name} ({ticks[0]}–{ticks[-1]})"
    assert (ticks[0], ticks[-1]) == ("1", "5")


def _font_name(style):  # type: ignore[no-untyped-def]
    """The font a Word paragraph style gives its text, through the styles it is based on."""
    while style is not None:
        if style.font.name:
            return style.font.name
        style = style.base_style
    return None


def test_docx_table_text_is_in_the_body_font(sparse) -> None:
    """Table cells are set in a style of their own (smaller, no space after) that keeps the
    body's font: a table in Word's default font would stand out from the rest of the text."""
    document = Document(str(sparse["docx"].path))
    body_font = _font_name(document.styles["Normal"])
    cell_styles = {
        paragraph.style.name
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    }
    assert len(cell_styles) >= 3
    for name in cell_styles:
        assert _font_name(document.styles[name]) == body_font, name


def test_docx_attachment_text_is_in_the_small_print_of_the_rest(sparse) -> None:
    """An attached file's text is small print, as in the PDF and HTML, and as the document's
    other small paragraphs (the mapping grid's note) are in Word."""
    outcome = sparse["docx"]
    blocks = [b for s in outcome.document.sections for b in s.blocks]
    attachment = next(b for b in blocks if isinstance(b, Attachment))
    small = next(b for b in blocks if isinstance(b, Paragraph) and b.style == "small")
    document = Document(str(outcome.path))
    sizes = {p.text: p.runs[0].font.size for p in document.paragraphs if p.runs}
    assert sizes[small.text] is not None
    assert sizes[small.text] < document.styles["Normal"].font.size
    for piece in (attachment.note, *attachment.pieces):
        assert sizes[piece.strip()] == sizes[small.text], piece
