"""Plain-text table cells in the PDF: wrapped within the column, nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from app.checker import Status
from app.export.model import StatusMark
from app.exporters import fonts
from app.exporters.pdf import _cell, _register_fonts
from app.exporters.pdf_cells import TextCell, wrap_lines

_register_fonts()
FONT, SIZE = fonts.REGULAR, 8.2


def test_words_wrap_long_words_break_and_line_breaks_stay() -> None:
    lines = wrap_lines("one  two\tthree\n\nfour " + "x" * 80, FONT, SIZE, 60)
    assert lines[:2] == ["one two three", ""]
    # A word wider than the column fills the line it starts on, then breaks (as a Paragraph).
    assert lines[2].startswith("four x")
    assert "".join(lines[2:]) == "four " + "x" * 80 and len(lines) > 4
    assert all(stringWidth(line, FONT, SIZE) <= 60 for line in lines)
    assert wrap_lines(" \n ", FONT, SIZE, 60) == []


@given(st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=400))
def test_every_word_kept_and_no_line_too_wide(text: str) -> None:
    lines = wrap_lines(text, FONT, SIZE, 90)
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert all(stringWidth(line, FONT, SIZE) <= 90 for line in lines)


def test_cells_needing_another_font_stay_paragraphs() -> None:
    assert isinstance(_cell("Café £5 <b> & ]]>"), TextCell)
    assert isinstance(_cell(StatusMark(Status.MET)), TextCell)
    covered, _ = _register_fonts()
    assert 0x1F984 not in covered  # a unicorn: not in the main font
    assert isinstance(_cell("thanks 🦄"), Paragraph)
