"""Whatever a learner types is data, never markup, and survives every export format."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.export.service import export_portfolio
from app.export.text import clean
from app.exporters import fonts
from app.exporters.pdf import _register_fonts
from app.store import PortfolioStore
from tests.conftest import require
from tests.export.conftest import docx_text, pdf_text, squash

LONG_WORD = "Supercalifragilistic" * 12
HOSTILE = {
    "markup": "<b>bold</b> & <script>alert(1)</script> ]]> &amp; {{ x }} {% raw %}",
    "controls": "before\x00NUL\x07bell\x1bescape after",
    "emoji": "Great service 😀👍🏽 thanks ❤️ ✓ ☎",
    "rtl": "שלום עולם — مرحبا بالعالم",
    "accents": "Café £5 €10 naïve Zoë Łódź Ελληνικά Кириллица",
    "long_word": LONG_WORD,
}
# Numbered sentences: a 200 KB text that is not one sentence pasted to pad it.
HUGE = " ".join(f"Paragraph {n} of a very long reflection." for n in range(4700))


def _hostile_portfolio(tmp_path: Path, unit) -> PortfolioStore:
    store = PortfolioStore.create(
        tmp_path / "hostile.folio",
        unit,
        "Zoë <O'Brien> & Co 😀",
        candidate_number="\x07CN-1",
        centre_name="]]>",
    )
    for key, text in HOSTILE.items():
        store.add_item("feedback_item", source_type="survey", channel=key, text=text)
    store.add_item(
        "analysis_finding",
        theme=HOSTILE["markup"],
        root_cause=HOSTILE["emoji"],
        data_summary=HOSTILE["long_word"],
    )
    store.add_item("action_item", action=HOSTILE["rtl"], legislation=HOSTILE["accents"])
    store.add_item("metric", name="<NPS>", unit="&", baseline_value=-10, result_value=25)
    store.update_details(evaluation_narrative=HUGE)
    return store


@pytest.mark.slow
def test_hostile_text_survives_docx_pdf_and_html(tmp_path: Path, unit) -> None:
    with _hostile_portfolio(tmp_path, unit) as store:
        docx = export_portfolio(store, "docx", tmp_path / "h.docx", draft=True).path
        pdf = export_portfolio(store, "pdf", tmp_path / "h.pdf", draft=True).path
        html = export_portfolio(store, "html", tmp_path / "h.html", draft=True).path

    word = docx_text(docx)
    for text in HOSTILE.values():
        assert clean(text) in word
    assert "before[U+0000]NUL[U+0007]bell[U+001B]escape after" in word
    assert squash(HUGE) in squash(word)

    pages = [page.extract_text() or "" for page in PdfReader(pdf).pages]
    printed = squash("\n".join(pages))  # pdf_text, read once for every check below
    for key in ("markup", "controls", "accents", "long_word"):
        assert squash(clean(HOSTILE[key])) in printed, key
    # The 200 KB paragraph runs over many pages; without the page furniture (running head,
    # footer, watermark) every sentence of it is there.
    furniture = re.compile(
        r"· CSP3-02 ·|^DRAFT$|^Page \d+ of \d+$|"
        r"^Contribute to the continuous improvement of customer service$"
    )

    def body_of(text: str) -> str:
        return squash(
            "".join(line for line in text.splitlines() if not furniture.search(line.strip()))
        )

    body = "".join(body_of(text) for text in pages)
    sentence = squash("of a very long reflection.")
    assert body.count(sentence) == squash(HUGE).count(sentence)
    assert squash("Paragraph 4699 of a very long reflection.") in body
    # pdfplumber lays out every character, about half a second a page: it reads the pages
    # that hold more than a piece of the long paragraph and the page furniture.
    paragraph = squash(HUGE)
    others = [number for number, text in enumerate(pages) if body_of(text) not in paragraph]
    assert 0 < len(others) < len(pages) // 2, (len(others), len(pages))
    with pdfplumber.open(pdf) as opened:
        layout = "\n".join(opened.pages[number].extract_text() or "" for number in others)
    assert "Zoë <O'Brien> & Co" in layout
    for character in "❤✓☎":
        assert character in layout  # symbols stay real text

    page = html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in page
    assert "[U+0000]" in page and "\x00" not in page

    # Emoji outside the Basic Multilingual Plane are drawn in the symbol font, but reportlab's
    # text layer does not map them back; the font's glyphs must at least be embedded.
    require(fonts.symbol_font_file(), "the Symbola font (Debian package fonts-symbola)")
    names = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Symbola" in name for name in names), names


def _tools_with(store: PortfolioStore, text: str) -> None:
    """Every tool, its text fields holding ``text``, so every diagram draws it."""
    lane = store.add_item("process_lane", role=text[:60]).item_id
    first = store.add_item("process_step", lane_id=lane, label=text, step_type="start").item_id
    second = store.add_item("process_step", label=text, step_type="decision", bottleneck=True)
    store.set_related("process_step", first, [second.item_id])
    store.set_related("process_step", second.item_id, [first])
    store.add_item("journey_touchpoint", touchpoint=text, pain_point=text, emotion=-2)
    option = store.add_item("decision_option", name=text, chosen=True, reason=text).item_id
    criterion = store.add_item("decision_criterion", name=text, weight=2).item_id
    store.set_score(option, criterion, 3)
    metric = store.add_item(
        "metric", name=text[:80], unit=text[:10], baseline_value=1, baseline_on="2026-01-01"
    ).item_id
    store.add_item("metric_reading", metric_id=metric, taken_on="2026-02-01", value=2, note=text)
    store.add_item("legislation_link", entry_id="iso-10002", justification=text)
    case = store.add_item("complaint_case", title=text, constraints=text).item_id
    store.add_item("case_technique", case_id=case, technique="heat", rationale=text)
    store.add_item("rater_score", dimension="empathy", score=3, evidence=text)


@pytest.mark.slow
def test_hostile_text_in_the_tools_and_their_diagrams(tmp_path: Path, unit) -> None:
    with _hostile_portfolio(tmp_path, unit) as store:
        for text in HOSTILE.values():
            _tools_with(store, text)
        docx = export_portfolio(store, "docx", tmp_path / "t.docx", draft=True).path
        pdf = export_portfolio(store, "pdf", tmp_path / "t.pdf", draft=True).path
        html = export_portfolio(store, "html", tmp_path / "t.html", draft=True).path
    word = docx_text(docx)
    for text in HOSTILE.values():
        assert clean(text) in word
    assert "Swimlane map: current process" in pdf_text(pdf)
    page = html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "\x00" not in page
    assert page.count("<svg") >= 5


COVERED, _ = _register_fonts()


def _printable(character: str) -> bool:
    """A character the main font draws as itself: no space, control or combining mark."""
    return ord(character) in COVERED and unicodedata.category(character)[0] not in "CMZ"


def _left_to_right(text: str) -> str:
    """The printable characters of ``text`` whose order is the same in any direction of text
    (a PDF's text layer holds right-to-left runs in the order they are shown)."""
    return "".join(c for c in text if _printable(c) and unicodedata.bidirectional(c) in {"L", "EN"})


@pytest.mark.slow
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=300))
def test_any_unicode_text_exports(tmp_path_factory, unit, text: str) -> None:
    folder = tmp_path_factory.mktemp("prop")
    with PortfolioStore.create(folder / "p.folio", unit, f"Learner {text}") as store:
        store.add_item("feedback_item", source_type="complaint", text=text, channel=text[:40])
        store.add_item("action_item", action=text, owner=text[:20])
        _tools_with(store, text)
        docx = export_portfolio(store, "docx", folder / "p.docx", draft=True).path
        pdf = export_portfolio(store, "pdf", folder / "p.pdf", draft=True).path
    expected = clean(text)
    if expected.strip():
        # python-docx reads back what it wrote, line breaks as "\n".
        assert squash(expected) in squash(docx_text(docx))
    # Every character the main font draws is in the PDF's text, the left-to-right ones in order.
    printed = pdf_text(pdf)
    assert {c for c in expected if _printable(c)} <= set(printed)
    assert _left_to_right(expected) in _left_to_right(printed)
