"""Text and tables of any length in the PDF: long plain text in the lines a Paragraph would
set, split across pages with nothing lost, symbols in the symbol font; tables of many rows
with every row once, in order, the header on each page; page references printed in one
layout pass, each naming the page its item is on. Read back from real PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph as RlParagraph

from app.checker import Status
from app.demo.scenario import EVALUATION
from app.export.model import ExportDocument, PageRef, Paragraph, Section, StatusMark, Table
from app.export.text import clean
from app.exporters import fonts
from app.exporters import pdf as pdf_module
from app.exporters.pdf import FRAME_WIDTH, _register_fonts, _styles, markup, render_pdf
from app.exporters.pdf_tables import CHUNK
from app.exporters.pdf_text import WINDOW, PlainText
from tests.conftest import require
from tests.export.conftest import squash

TITLE = "Long text check"
HEAD = "Running head of the long text check"
FURNITURE = re.compile(rf"^{HEAD}$|^{TITLE} Page \d+ of \d+$|^{TITLE}$")


def _document(*sections: Section) -> ExportDocument:
    return ExportDocument(
        title=TITLE,
        subtitle="Read back",
        running_head=HEAD,
        author="Tester",
        subject="Long text",
        keywords=(),
        draft=False,
        cover=(),
        sections=sections,
    )


def _no_images(_sha256: str) -> None:
    return None


def _body_pages(path: Path) -> list[str]:
    """Each page's text without the running head and footer (the cover page left out)."""
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages[1:]]
    return [
        "\n".join(line for line in page.splitlines() if not FURNITURE.match(line.strip()))
        for page in pages
    ]


def _symbols() -> str:
    """Characters of the Basic Multilingual Plane the main font lacks and the symbol font
    has: set in the symbol font, and still read back as themselves."""
    covered, symbols = _register_fonts()
    found = [chr(c) for c in sorted(symbols) if 0x2100 <= c < 0xFFFF and c not in covered]
    return "".join(found[:: max(1, len(found) // 6)][:6])


def _paragraph_lines(text: str, width: float) -> list[str]:
    """The lines a platypus Paragraph breaks ``text`` into at ``width``."""
    paragraph = RlParagraph(markup(text), _styles()["body"])
    paragraph.wrap(width, 1e9)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(word.text for word in line.words).strip(" ") for line in lines]


def _plain_lines(text: str, width: float) -> list[str]:
    flowable = PlainText(text, _styles()["body"], fonts.SYMBOLS, pdf_module._runs)
    flowable.wrap(width, 1e9)
    return flowable.lines


WORDS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "a",
                "of",
                "the",
                "to",
                "8",
                "19",
                "24-hour",
                "service",
                "improvement,",
                "Zoë",
                "naïve",
                "£5",
                "complaints",
                "click-and-collect",
                "W",
                "mm",
                "illi",
                "average.",
                "CSAT",
                "71%",
                "standard.",
            ]
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzW,.", min_size=1, max_size=90),
    ),
    min_size=1,
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(
    words=WORDS,
    gaps=st.lists(st.sampled_from([" ", "  ", "\t", " \n ", "\n\n"])),
    width=st.floats(min_value=40, max_value=FRAME_WIDTH),
)
def test_plain_text_breaks_lines_where_a_paragraph_does(words: list[str], gaps, width) -> None:
    text = "".join(word + (gaps[n % len(gaps)] if gaps else " ") for n, word in enumerate(words))
    assert _plain_lines(text, width) == _paragraph_lines(text, width)


def _symbol_font_only() -> list[str]:
    """Characters only the symbol font has (none when it is missing here)."""
    covered, symbols = _register_fonts()
    return [chr(c) for c in sorted(symbols - covered) if c > 0x7F][::40]


#: Any text, with runs of characters only the symbol font has.
ANY_TEXT = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.text(alphabet=_symbol_font_only() or "x", min_size=1, max_size=5),
        st.just(" "),
    ),
    min_size=1,
    max_size=100,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=ANY_TEXT, width=st.floats(min_value=40, max_value=480))
@example(text="\xa0🇦", width=40.0)  # a no-break space before a symbol-font run
def test_any_text_breaks_as_a_paragraph_breaks_it(text: str, width: float) -> None:
    """Accents, scripts, emoji and symbols in the symbol font, controls made visible; soft
    hyphens aside (text with one stays a Paragraph)."""
    text = clean(text).replace("\xad", "")
    assert _plain_lines(text, width) == _paragraph_lines(text, width)


def test_long_text_with_a_soft_hyphen_stays_a_paragraph() -> None:
    text = " ".join(f"Sentence {n} of a reflection." for n in range(40))
    assert isinstance(pdf_module.text_flowable(text, _styles()["body"]), PlainText)
    hyphened = text.replace("reflection", "reflec\xadtion")
    assert isinstance(pdf_module.text_flowable(hyphened, _styles()["body"]), RlParagraph)


@pytest.mark.parametrize("width", [FRAME_WIDTH, 300.0, 150.0, 97.0])
def test_prose_breaks_as_a_paragraph_breaks_it(width: float) -> None:
    """Lines a Paragraph fits by shrinking their spaces a little fit here too."""
    text = " ".join([EVALUATION] * 3)
    lines = _plain_lines(text, width)
    assert len(lines) > 12
    assert lines == _paragraph_lines(text, width)


@pytest.mark.parametrize("narrow", ["", "\u200d" * (3 * WINDOW)])
def test_a_line_longer_than_the_measuring_window_breaks_as_a_paragraph(narrow: str) -> None:
    """One line of text many times the characters measured at a time, and a run of
    characters of no width at all (whose line holds more than the window)."""
    words = [f"word{n}" + (narrow if n == 900 else "") for n in range(3000)]
    text = " ".join(words)
    assert len(text) > 5 * WINDOW and "\n" not in text
    lines = _plain_lines(text, 200.0)
    assert lines == _paragraph_lines(text, 200.0)
    assert " ".join(lines) == text


def test_a_text_of_several_pages_splits_and_loses_nothing(tmp_path: Path) -> None:
    require(fonts.symbol_font_file(), "the Symbola font (Debian package fonts-symbola)")
    symbols = _symbols()
    assert len(symbols) >= 3
    sentences = [
        f"Sentence {n} of the long reflection, Zoë's café £{n}"
        + (f" {symbols[n % len(symbols)]}" if n % 9 == 0 else "")
        + ("." if n % 400 else ".\n")
        for n in range(1200)
    ]
    sentences.insert(600, "Unbroken" * 40 + ".")  # wider than a line: broken, not lost
    text = " ".join(sentences) + " LastWordsOfTheReflection"
    flowable = pdf_module.text_flowable(text, _styles()["body"])
    assert isinstance(flowable, PlainText)
    path = tmp_path / "long.pdf"
    render_pdf(_document(Section("Reflection", "reflection", (Paragraph(text),))), path, _no_images)

    pages = _body_pages(path)
    assert len(pages) >= 5
    assert pages[0].startswith("Reflection\nSentence 0 of the long reflection")
    assert squash("".join(pages)) == squash("Reflection" + text)
    assert pages[-1].rstrip().endswith("LastWordsOfTheReflection")
    # Every page but the last is full: the text runs on from page to page.
    line_counts = [len(page.splitlines()) for page in pages]
    assert min(line_counts[1:-1]) == max(line_counts[1:-1]) > 40
    # The symbols are drawn in the symbol font, and only there.
    reader = PdfReader(path)
    used = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages[1:]
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Symbola" in name for name in used), used


def _location_document(count: int) -> ExportDocument:
    """A sheet of ``count`` page references at the front (itself several pages long), then
    each target in its own table row, spread over the pages by text between them."""
    sheet = Table(
        ("Ref", "Page"),
        tuple((f"T{n}", PageRef(f"target-{n}")) for n in range(count)),
        (4.0, 1.0),
    )
    blocks: list[Paragraph | Table] = []
    for n in range(count):
        blocks.append(Paragraph(" ".join(f"Filler {n}.{k} text." for k in range(n % 6 * 15))))
        blocks.append(
            Table(
                ("Ref", "What"),
                ((f"T{n}", f"Target {n} is here"),),
                (1.0, 4.0),
                "",
                0.0,
                (f"target-{n}",),
            )
        )
    return _document(
        Section("Where everything is", "sheet", (sheet,)),
        Section("Targets", "targets", tuple(blocks)),
    )


def test_page_references_name_the_page_their_item_is_on_in_one_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts: list[int] = []
    real = pdf_module._PortfolioTemplate.build

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pdf_module._PortfolioTemplate, "build", counting)
    count = 150
    path = tmp_path / "refs.pdf"
    render_pdf(_location_document(count), path, _no_images)
    assert len(layouts) == 1

    printed: dict[str, str] = {}
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        first_target = next(n for n, text in enumerate(texts) if "Target 0 is here" in text)
        for page in pdf.pages[1:first_target]:  # the sheet, after the cover
            for table in page.extract_tables():
                printed.update({row[0]: row[1] for row in table if row[0] != "Ref"})
    assert first_target >= 4  # the sheet's own length moves every target's page
    assert sorted(printed) == sorted(f"T{n}" for n in range(count))
    for n in range(count):
        number = int(printed[f"T{n}"])
        assert re.search(rf"^T{n} Target {n} is here$", texts[number - 1], re.M), (n, number)
    assert int(printed[f"T{count - 1}"]) > int(printed["T0"]) + 10


def test_a_table_of_many_rows_keeps_every_row_once_with_the_header_on_each_page(
    tmp_path: Path,
) -> None:
    count = CHUNK * 6 + 7
    rows = tuple(
        (f"R{n}", f"Row {n} of the long table", StatusMark(Status.MET) if n % 7 == 0 else "")
        for n in range(count)
    )
    table = Table(("Ref", "What", "Status"), rows, (1.0, 4.0, 1.0), "Many rows")
    path = tmp_path / "rows.pdf"
    render_pdf(_document(Section("Rows", "rows", (table,))), path, _no_images)

    seen: list[str] = []
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages[1:]
        assert len(pages) >= 5
        for page in pages:
            lines = [line for line in (page.extract_text() or "").splitlines() if line]
            body = [line for line in lines if not FURNITURE.match(line)]
            start = 2 if page is pages[0] else 0  # the section title and the caption
            assert body[start] == "Ref What Status", (page.page_number, body[:3])
            assert sum(line == "Ref What Status" for line in body) == 1
            seen += [line.split()[0] for line in body[start + 1 :]]
            # Each row marked Met, and only those, has the green background behind it.
            words = {w["text"]: w for w in page.extract_words() if re.fullmatch(r"R\d+", w["text"])}
            green = [
                r
                for r in page.rects
                if r.get("non_stroking_color") == (0.862745, 0.988235, 0.905882)
            ]
            marked = {
                name
                for name, word in words.items()
                for rect in green
                if rect["top"] <= word["top"] <= rect["bottom"]
            }
            expected = {name for name in words if int(name[1:]) % 7 == 0}
            assert marked == expected, page.page_number
    assert seen == [f"R{n}" for n in range(count)]


def test_the_text_after_a_symbol_goes_back_to_the_main_font(tmp_path: Path) -> None:
    """Within one line of a long text: main font, a symbol in the symbol font, and the words
    after it in the main font again."""
    require(fonts.symbol_font_file(), "the Symbola font (Debian package fonts-symbola)")
    symbol = _symbols()[0]
    text = " ".join(f"Entry {n}: Zoë's café {symbol} then Marker{n} words." for n in range(20))
    assert isinstance(pdf_module.text_flowable(text, _styles()["body"]), PlainText)
    path = tmp_path / "symbols.pdf"
    render_pdf(_document(Section("Reflection", "reflection", (Paragraph(text),))), path, _no_images)
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages[1:] for c in page.chars]
    fonts_of = {c["text"]: set() for c in chars}
    for c in chars:
        fonts_of[c["text"]].add(c["fontname"].split("+")[-1])
    assert all("Symbola" in name for name in fonts_of[symbol]), fonts_of[symbol]
    for letter in "Marker":
        assert not any("Symbola" in name for name in fonts_of[letter]), (letter, fonts_of[letter])
