"""Any text a learner types or pastes goes into the store, the checker and the three
exporters: the store takes it or refuses it with a one-line reason (a lone surrogate cannot
be saved in any encoding), and text that was stored is found back in the DOCX, the PDF and
the HTML."""

from __future__ import annotations

import html.parser
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.checker import check
from app.errors import FolioError, InvalidInputError
from app.export.service import export_portfolio
from app.export.text import clean
from app.store import PortfolioStore
from tests.export.conftest import docx_text, pdf_text, squash
from tests.export.test_hostile_text import _left_to_right, _printable
from tests.property.support import PROPERTY

pytestmark = [pytest.mark.property, pytest.mark.slow]

#: What breaks naive exporters: markup, controls XML cannot carry, bidi controls, a BOM,
#: non-characters, emoji with modifiers, a combining accent and both halves of a surrogate.
HOSTILE = [
    *"<>&\"'\x00\x07\x1b\x0b\x0c\r\n\t\x7f\x85",
    *"\u202e\u202d\u200f\u200e\u2066\u2069\u200b\ufeff\ufffe\uffff\u0301",
    "😀",
    "👍🏽",
    "❤️",
    "ש",
    "م",
    "\ud800",
    "\udfff",
    "]]>",
    "{{ x }}",
]
PIECES = st.one_of(st.characters(), st.sampled_from(HOSTILE))


def _text(max_pieces: int) -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=1, max_size=max_pieces).map("".join)


TEXT = st.one_of(
    _text(120),
    # very long: a few words repeated over many pages
    st.builds(lambda w, n: " ".join([w] * n), _text(6), st.integers(100, 400)),
)


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(path: Path) -> str:
    reader = _Text()
    reader.feed(path.read_text(encoding="utf-8"))
    return "".join(reader.parts)  # character references already resolved


def _store(store: PortfolioStore, text: str) -> None:
    store.add_item("feedback_item", source_type="complaint", text=text, channel=text[:40])
    store.add_item("action_item", action=text, owner=text[:20])
    store.update_details(evaluation_narrative=text)


@PROPERTY
@given(text=TEXT)
@example(text="half a pair \ud83d here")
@example(text="<b>bold</b> &amp; \x00\x07 \u202eevil\u202c שלום 👍🏽 ]]>")
def test_any_text_is_stored_or_refused_and_found_in_every_export(
    tmp_path_factory, unit, text: str
) -> None:
    folder = tmp_path_factory.mktemp("text")
    path = folder / "p.folio"
    broken = any("\ud800" <= c <= "\udfff" for c in text)
    try:
        store = PortfolioStore.create(path, unit, "Ada Learner")
    except FolioError as error:  # pragma: no cover - the name is plain
        pytest.fail(f"a plain portfolio was refused: {error}")
    with store:
        try:
            _store(store, text)
        except InvalidInputError as refused:
            assert broken, f"refused text it could have stored: {refused.message}"
            assert "broken character" in refused.message and "\n" not in refused.message
            # nothing of the refused text was saved
            assert store.load().feedback_items == []
            return
        assert not broken, "a lone surrogate reached the database"
        portfolio = store.load()
        assert portfolio.feedback_items[0].text == text  # stored exactly
        check(portfolio, store.unit())
        written = {}
        for fmt in ("docx", "pdf", "html"):
            try:
                written[fmt] = export_portfolio(store, fmt, folder / f"p.{fmt}", draft=True).path
            except FolioError as error:  # a clear, one-line refusal is acceptable
                assert error.message and "\n" not in error.message
                assert not (folder / f"p.{fmt}").exists()
    expected = clean(text)
    if not expected.strip():
        return
    if "docx" in written:
        assert squash(expected) in squash(docx_text(written["docx"]))
    if "html" in written:
        assert squash(expected) in squash(html_text(written["html"]))
    if "pdf" in written:
        printed = pdf_text(written["pdf"])
        # Characters beyond the Basic Multilingual Plane (most emoji) are drawn from the
        # symbol font, whose glyphs reportlab's text layer does not map back to text.
        expected = "".join(c for c in expected if ord(c) < 0x10000)
        assert {c for c in expected if _printable(c)} <= set(printed)
        if len(expected) <= 200:
            assert _left_to_right(expected) in _left_to_right(printed)
