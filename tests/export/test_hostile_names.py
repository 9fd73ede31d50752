"""A learner's name full of markup, entities, quotes, emoji and a bidi override reaches every
place an export names the learner exactly: escaped once in HTML (never twice), as the same
characters in PDF metadata and outline, and in DOCX core properties within their limit.
Exact equality throughout: a name that is merely "in" a title could be mangled around it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader

from app.export.service import export_portfolio
from app.store import PortfolioStore
from tests.conftest import make_demo

NAME = 'Ada <b>&amp; "O\'Neil"</b> 🎓 \u202e'
UNIT = "strategic-service"
#: python-docx refuses core properties longer than this.
CORE_LIMIT = 255


class _Head(HTMLParser):
    """The <title>, the meta tags, the running head and the h2 headings, unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self.running = ""
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.meta[values["name"] or ""] = values.get("content") or ""
        if tag == "title":
            self._in = "title"
        if tag == "header" and values.get("class") == "running":
            self._in = "running"
        if tag == "span" and self._in == "running":
            self._in = "running-span"
        if tag in {"h2", "h3"}:
            self._in = "heading"
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in == "running-span":
            self._in = "running"
        elif tag in {"title", "header", "h2", "h3"}:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "running":
            self.running += data
        elif self._in == "heading":
            self.headings[-1] += data


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("hostile-names")
    with make_demo(folder, UNIT) as store:
        store.update_details(learner_name=NAME)
        case = store.load().cases[0]
        store.update_item("complaint_case", case.id, title=NAME)
        unit = store.unit()
        paths = {
            fmt: export_portfolio(store, fmt, folder / f"named.{fmt}", draft=True).path
            for fmt in ("docx", "pdf", "html")
        }
    return {"paths": paths, "unit": unit, "case": "C1"}


def _outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(entries: list[Any]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    return titles


def test_html_title_meta_and_running_head(exports: dict[str, Any]) -> None:
    raw = exports["paths"]["html"].read_text(encoding="utf-8")
    head = _Head()
    head.feed(raw)
    unit = exports["unit"]
    assert head.title == f"{unit.title} — Portfolio of {NAME}"
    assert head.meta["author"] == NAME
    assert head.running.strip() == f"{NAME} · {unit.unit_number} · DRAFT"
    assert f"{exports['case']} {NAME}" in head.headings
    # Escaped once: the literal "&amp;" typed by the learner is "&amp;amp;" in the source,
    # and no "&amp;lt;" (an escape escaped again) appears anywhere.
    assert "&amp;amp;" in raw and "&amp;lt;" not in raw and "<b>&amp;" not in raw


def test_pdf_metadata_and_outline(exports: dict[str, Any]) -> None:
    reader = PdfReader(exports["paths"]["pdf"])
    assert reader.metadata is not None
    assert reader.metadata.author == NAME
    unit = exports["unit"]
    assert reader.metadata.subject == f"{unit.qualification} — {unit.unit_number}"
    titles = _outline_titles(reader)
    assert [t for t in titles if NAME in t] == [f"{exports['case']} {NAME}"]


def test_pdf_running_head_prints_the_name(exports: dict[str, Any]) -> None:
    """The head is one line in the text font, its emoji drawn from the symbol font (not a
    missing glyph). reportlab's text layer maps a character beyond U+FFFF back wrongly, so
    the emoji is recognised by its font rather than by the extracted text."""
    with pdfplumber.open(exports["paths"]["pdf"]) as pdf:
        head = [c for c in pdf.pages[1].chars if c["top"] < 2 * 28.35]
    symbols = [c for c in head if "Symbola" in c["fontname"]]
    assert len(symbols) == 1
    text = "".join("🎓" if c in symbols else c["text"] for c in head)
    assert text == f"{NAME} · {exports['unit'].unit_number} · DRAFT"
    assert {c["fontname"].split("+")[-1] for c in head if c not in symbols} == {"DejaVuSans"}


def test_docx_core_properties(exports: dict[str, Any]) -> None:
    document = Document(str(exports["paths"]["docx"]))
    properties = document.core_properties
    assert properties.author == NAME
    assert properties.title == exports["unit"].title
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert f"{exports['case']} {NAME}" in headings
    headers = [p.text for section in document.sections for p in section.header.paragraphs]
    assert f"{NAME} · {exports['unit'].unit_number} · DRAFT" in headers


def test_docx_core_properties_keep_within_their_limit(tmp_path: Path, unit: Any) -> None:
    long_name = "Ada " + "Wolfeschlegelsteinhausenbergerdorff " * 9 + "🎓"
    assert len(long_name) > CORE_LIMIT
    with PortfolioStore.create(tmp_path / "long.folio", unit, long_name) as store:
        path = export_portfolio(store, "docx", tmp_path / "long.docx", draft=True).path
    author = Document(str(path)).core_properties.author
    assert len(author) <= CORE_LIMIT
    assert long_name.startswith(re.sub(r"\s*…$", "", author))
