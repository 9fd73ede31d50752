"""Any text a learner types can be drawn in a figure, in every output (PNG, SVG, PDF)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.graphics import renderPDF

from app.export.shapes import Rect, Text
from app.exporters.drawing import to_drawing, to_png, to_svg
from app.exporters.pdf import _register_fonts

_register_fonts()


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_draws(text: str) -> None:
    shapes = [Rect(0, 0, 40, 20, "#ffffff", "#000000"), Text(4, 14, text, 8)]
    picture = Image.open(io.BytesIO(to_png(shapes, 120, 30, 1.0)))
    assert picture.size == (120, 30)
    assert to_svg(shapes, 120, 30, text).startswith("<svg")
    assert renderPDF.drawToString(to_drawing(shapes, 120, 30)).startswith(b"%PDF")


def test_separators_and_controls_are_drawn_as_spaces() -> None:
    spaced = to_png([Text(2, 10, "a b")], 40, 14, 3.0)
    assert spaced != to_png([Text(2, 10, "ab")], 40, 14, 3.0)
    for character in ("\x85", "\x1c", "\u2029", "\u2028", "\n", "\x00"):
        assert to_png([Text(2, 10, f"a{character}b")], 40, 14, 3.0) == spaced, repr(character)
