"""Pictures in an export say what they show to someone who cannot see them: each evidence
image and each chart or diagram carries its alt text in the DOCX (docPr descr) and the HTML
(alt on an image, aria-label on a drawn SVG); the PDF, which has no alt text, captions
them."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

from app.checker import check
from app.export.builder import build_document
from app.export.model import Figure, Image
from app.export.service import export_portfolio
from tests.conftest import make_demo
from tests.export.conftest import pdf_text, squash


def _pictures(tmp_path: Path) -> tuple[list[Image], list[Figure]]:
    with make_demo(tmp_path / "read", "continuous-improvement") as store:
        portfolio, unit = store.load(), store.unit()
        document = build_document(portfolio, unit, check(portfolio, unit))
    blocks = [block for section in document.sections for block in section.blocks]
    images = [block for block in blocks if isinstance(block, Image)]
    figures = [block for block in blocks if isinstance(block, Figure)]
    return images, figures


def test_docx_and_html_pictures_carry_alt_text_and_the_pdf_captions_them(tmp_path: Path) -> None:
    (tmp_path / "read").mkdir()
    images, figures = _pictures(tmp_path)
    assert images and figures  # the demo has a photo of its chart, and charts of its metrics
    with make_demo(tmp_path, "continuous-improvement") as store:
        docx = export_portfolio(store, "docx", tmp_path / "out.docx").path
        html = export_portfolio(store, "html", tmp_path / "out.html").path
        pdf = export_portfolio(store, "pdf", tmp_path / "out.pdf").path

    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    described = [unescape(d) for d in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)]
    pictures = body.count("<pic:pic")
    assert len(described) == pictures == len(images) + len(figures)
    assert all(text.strip() for text in described)
    for block in (*images, *figures):
        assert block.alt_text in described

    page = html.read_text(encoding="utf-8")
    alts = [unescape(a) for a in re.findall(r'<img [^>]*alt="([^"]*)"', page)]
    assert len(alts) == len(images) and all(a.strip() for a in alts)
    assert {image.alt_text for image in images} <= set(alts)
    labels = [unescape(t) for t in re.findall(r'<svg [^>]*role="img" aria-label="([^"]*)"', page)]
    assert len(labels) == len(figures)
    for figure in figures:
        assert figure.alt_text in labels

    text = squash(pdf_text(pdf))
    for image in images:
        assert squash(image.caption) in text
