"""Attached PDF and Word files reach the export read straight from the portfolio's blob (the
readers seek about in it): no whole copy of an attachment is made, yet the PDF's own pages
are appended and the Word file's text is reproduced."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from reportlab.pdfgen.canvas import Canvas

from app.catalogue import load_catalogue
from app.export.service import export_portfolio
from app.store import PortfolioStore
from tests.export.conftest import docx_text, pdf_text

PDF_MARKER = "Certificate page appended from the attachment"
WORD_MARKER = "Rota for the trial week, read from the attachment"


def _attachments(folder: Path) -> list[Path]:
    pdf = folder / "certificate.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(72, 720, PDF_MARKER)
    canvas.showPage()
    canvas.save()
    word = folder / "rota.docx"
    document = Document()
    document.add_paragraph(WORD_MARKER)
    document.save(str(word))
    return [pdf, word]


def test_attachments_are_read_from_their_blob_never_copied_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = load_catalogue().get("continuous-improvement")
    with PortfolioStore.create(tmp_path / "ada.folio", unit, "Ada Learner") as store:
        for path in _attachments(tmp_path):
            store.attach_file(path)

        def whole(*args: object, **kwargs: object) -> None:
            raise AssertionError("an attachment was read whole or in chunks joined up")

        for name in ("read_content", "content_chunks", "read_evidence", "evidence_chunks"):
            monkeypatch.setattr(PortfolioStore, name, whole)
        pdf = export_portfolio(store, "pdf", tmp_path / "ada.pdf", draft=True).path
        docx = export_portfolio(store, "docx", tmp_path / "ada.docx", draft=True).path
    printed = pdf_text(pdf)
    assert printed.rstrip().endswith(PDF_MARKER)  # the attachment's own page, last
    assert WORD_MARKER in printed
    assert WORD_MARKER in docx_text(docx)
