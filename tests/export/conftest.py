"""Fixtures for export tests: exported files read back with real readers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdfplumber
from docx import Document
from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """Text in drawing order (pypdf), so a table cell's lines stay together."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdf_layout_text(path: Path) -> str:
    """Text as laid out on the page (pdfplumber)."""
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def squash(text: str) -> str:
    """Text with all white space removed, to compare across line wrapping."""
    return re.sub(r"\s+", "", text)


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def libreoffice_to_pdf(docx: Path, folder: Path) -> Path:
    """Convert ``docx`` with LibreOffice (its own profile in ``folder``); the PDF it wrote."""
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = folder / f"{docx.stem}.pdf"
    assert result.returncode == 0 and converted.exists(), result.stderr
    return converted
