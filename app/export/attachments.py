"""Attached files reproduced in the export's appendix, so a reader of the PDF or Word copy
can read them: text files as text, Word files as their paragraphs, PDF files as their own
pages (appended to the exported PDF) or their text; anything else by name, size and SHA-256.

Memory stays bounded: files are read straight from the portfolio's blob (Word and PDF
readers seek about in it; nothing is copied whole), text only up to a cap, and a Word or PDF
file is opened only when it is below a size limit; what is cut or left out says so, with
the file's SHA-256.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from app.export.model import Attachment
from app.export.text import clean, split_long
from app.formatting import human_size

#: open_content of the store: the content with that SHA-256 as a read-only, seekable file.
ContentReader = Callable[[str], AbstractContextManager[BinaryIO]]

#: Characters of an attachment's text reproduced at most.
TEXT_LIMIT = 40_000
#: Largest Word or PDF file opened to reproduce it (bytes).
OPEN_LIMIT = 20 * 1024 * 1024
#: Most pages of an attached PDF appended to the exported PDF.
PAGE_LIMIT = 60

TEXT_TYPES = {"text/plain", "text/csv", "text/markdown", "text/tab-separated-values"}
TEXT_SUFFIXES = {".txt", ".csv", ".md", ".tsv", ".log"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _kind(item: Any) -> str:
    suffix = Path(item.original_name).suffix.lower()
    if item.media_type in TEXT_TYPES or suffix in TEXT_SUFFIXES:
        return "text"
    if item.media_type == DOCX or suffix == ".docx":
        return "docx"
    if item.media_type == "application/pdf" or suffix == ".pdf":
        return "pdf"
    return ""


def _text(read: ContentReader, item: Any) -> str:
    with read(item.blob_sha256) as stream:
        raw = stream.read(TEXT_LIMIT * 4)
    return raw.decode("utf-8", errors="replace")


def _docx_text(stream: BinaryIO) -> str:
    from docx import Document

    document = Document(stream)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _pdf_text(stream: BinaryIO) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(stream)
    parts: list[str] = []
    size = 0
    for page in reader.pages:
        if size > TEXT_LIMIT:
            break
        parts.append(page.extract_text() or "")
        size += len(parts[-1])
    return "\n".join(parts), len(reader.pages)


def _listed(item: Any, why: str) -> str:
    return (
        f"{clean(item.original_name)} ({item.media_type}, {human_size(item.size)}) {why} "
        f"It is kept inside the portfolio file; SHA-256 {item.blob_sha256}."
    )


def attachment(read: ContentReader, item: Any, code: str, anchor: str) -> Attachment | None:
    """The file reproduced for the appendix, or None when it cannot be (listed instead)."""
    kind = _kind(item)
    if not kind:
        return None
    title = f"{code} {clean(item.original_name)}"
    pdf_sha = ""
    try:
        if kind == "text":
            text = _text(read, item)
        elif item.size > OPEN_LIMIT:
            return None
        else:
            with read(item.blob_sha256) as stream:
                if kind == "docx":
                    text = _docx_text(stream)
                else:
                    text, pages = _pdf_text(stream)
                    pdf_sha = item.blob_sha256 if pages <= PAGE_LIMIT else ""
    except Exception:
        return None  # an unreadable file is listed, never stops an export
    text = clean(text)
    note = f"SHA-256 {item.blob_sha256}, {human_size(item.size)}."
    if len(text) > TEXT_LIMIT:
        text = text[:TEXT_LIMIT]
        note = (
            f"Only the first {TEXT_LIMIT:,} characters are reproduced; the whole file is kept "
            f"inside the portfolio file. " + note
        )
    if pdf_sha:
        note = "Its own pages are appended at the end of the PDF copy. " + note
    pieces = tuple(piece for piece in split_long(text) if piece.strip())
    return Attachment(title, anchor, pieces or ("(The file has no text.)",), note, pdf_sha)


def unreadable(item: Any) -> str:
    """The appendix line for a file that is not reproduced."""
    if item.media_type.startswith("image/"):
        return _listed(item, "is a picture that could not be shown here.")
    return _listed(item, "cannot be reproduced in this document.")


def append_pdf_pages(target: Path, shas: list[str], read: ContentReader) -> None:
    """Append the pages of the attached PDFs ``shas`` to the exported PDF ``target``, each
    read straight from its blob (kept open until the result is written)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=str(target))
    with ExitStack() as opened:
        for sha in shas:
            try:
                writer.append(PdfReader(opened.enter_context(read(sha))))
            except Exception:
                continue
        with open(target, "wb") as handle:
            writer.write(handle)
