"""The PDF font's quick subset encoding gives exactly the codes reportlab's own gives, for
ASCII, accented and symbol text, no-break spaces, and text met again after new letters."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.exporters import fonts, pdf


class _Doc:
    """Stands for a PDF document: fonts keep their subset state per document."""


def test_quick_encoding_matches_reportlab() -> None:
    pdf._register_fonts()
    ours = pdfmetrics.getFont(fonts.REGULAR)
    reference = TTFont("Reference", str(fonts.FONT_FILES[fonts.REGULAR]))
    ours_doc, reference_doc = _Doc(), _Doc()
    samples = [
        "Hello world",
        "café ñ — “quotes”",
        "Hello\xa0there",
        "Hello world",
        "ŴŶŸ Ω≈ç√∫ " * 40,
        "Hello world ç",
        "Hello\xa0there",
    ]
    for text in samples:
        assert ours.splitString(text, ours_doc) == reference.splitString(text, reference_doc)


def test_quick_encoding_keeps_each_document_apart() -> None:
    """Two documents drawn in turn each get their own codes, as reportlab gives them."""
    pdf._register_fonts()
    ours = pdfmetrics.getFont(fonts.REGULAR)
    reference = TTFont("Reference", str(fonts.FONT_FILES[fonts.REGULAR]))
    documents = [(_Doc(), _Doc()), (_Doc(), _Doc())]
    samples = ["Hello world", "zyx wvu tsr", "Hello world", "Ωmega café", "zyx wvu tsr", "Hello"]
    for turn, text in enumerate(samples * 2):
        mine, theirs = documents[turn % 2]
        assert ours.splitString(text, mine) == reference.splitString(text, theirs), (turn, text)
