"""Exporting portfolios: check, build the document once, render, write atomically.

Final exports of incomplete portfolios are refused with the gap list; drafts are marked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.checker import CheckResult, check
from app.errors import DomainError, FolioError, InvalidInputError
from app.export.attachments import append_pdf_pages
from app.export.builder import build_document
from app.export.images import ImageSource, store_image_source
from app.export.model import Attachment, ExportDocument
from app.models import Portfolio
from app.store import PortfolioStore
from app.trust.keystore import Signer

FORMATS = ("docx", "pdf", "html")


class ExportFailedError(FolioError):
    """A renderer failed on something in the document: one line naming where."""


def failure_line(fmt: str, error: Exception) -> str:
    """One line saying what could not be written, where and why."""
    where = getattr(error, "folio_where", "")
    why = " ".join(str(error).split()) or type(error).__name__
    if len(why) > 200:
        why = why[:199] + "…"
    verb = "lay out" if fmt == "pdf" else "write"
    place = f" {where}" if where else " the portfolio"
    return f"could not {verb}{place} as {fmt.upper()}: {why}"


class IncompleteError(DomainError):
    """A final export was asked for, but marking points are not met."""

    def __init__(self, result: CheckResult) -> None:
        missing = len(result.points) - result.met_count
        super().__init__(
            f"a final copy needs every marking point met; {missing} of {len(result.points)} "
            "are not (export with --draft, or close the gaps below)"
        )
        self.result = result


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    format: str
    result: CheckResult
    document: ExportDocument


def _renderer(fmt: str) -> Callable[[ExportDocument, Path, ImageSource], None]:
    if fmt == "pdf":
        from app.exporters.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from app.exporters.docx import render_docx

        return render_docx
    if fmt == "html":
        from app.exporters.html import render_html

        return render_html
    raise InvalidInputError(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _signing_reason(portfolio: Portfolio, fmt: str, draft: bool) -> str:
    """Why the PDF is signed: its decision. Only a final PDF of a signed-off version is."""
    if fmt != "pdf" or draft:
        raise InvalidInputError("only a final PDF export can be signed")
    current = portfolio.current_submission
    decision = portfolio.decision_for(current) if current is not None else None
    if current is None or decision is None:
        raise DomainError("only a signed-off version's PDF can be signed")
    return (
        f"Assessment decision: {decision.decision} on version {current.version} "
        f"(SHA-256 {current.digest[:16]}…), signed off by {decision.assessor_name}"
    )


def decision_trust(store: PortfolioStore) -> dict[int, str]:
    """Per submitted version, what verify says of its decision (shown beside it)."""
    from app.workflow.verification import verify

    report = verify(store)
    trust = {version.version: version.trust() for version in report.versions}
    if report.altered:
        found = report.trust()
        trust = {
            number: text if text.startswith("ALTERED") else found for number, text in trust.items()
        }
    return trust


def attached_pdfs(document: ExportDocument) -> list[str]:
    """The SHA-256 of each attached PDF whose pages go at the end of a PDF export."""
    return [
        block.pdf_sha256
        for section in document.sections
        for block in section.blocks
        if isinstance(block, Attachment) and block.pdf_sha256
    ]


def export_portfolio(
    store: PortfolioStore,
    fmt: str,
    target: Path,
    draft: bool = False,
    today: dt.date | None = None,
    signer: Signer | None = None,
) -> ExportOutcome:
    """Export the portfolio in ``store`` as ``fmt`` to ``target``; with ``signer``, a final
    PDF of a signed-off version is signed with that staff key (PAdES).

    The file appears only when it is complete: it is written beside the target and moved
    into place, so a failed export never leaves half a document behind.
    """
    render = _renderer(fmt)
    portfolio = store.load()
    unit = store.unit()
    result = check(portfolio, unit, today)
    if not draft and not result.complete:
        raise IncompleteError(result)
    reason = _signing_reason(portfolio, fmt, draft) if signer is not None else ""
    trust = decision_trust(store)
    document = build_document(
        portfolio, unit, result, draft=draft, trust=trust, content=store.open_content
    )
    target = Path(target)
    if not target.parent.is_dir():
        raise InvalidInputError(f"the folder '{target.parent}' does not exist")
    handle, temporary = tempfile.mkstemp(
        prefix=".folio-export-", suffix=f".{fmt}", dir=target.parent
    )
    os.close(handle)
    try:
        try:
            render(document, Path(temporary), store_image_source(store))
        except (FolioError, OSError, MemoryError, KeyboardInterrupt):
            raise
        except Exception as error:
            raise ExportFailedError(failure_line(fmt, error)) from error
        attached = attached_pdfs(document) if fmt == "pdf" else []
        if attached:
            append_pdf_pages(Path(temporary), attached, store.open_content)
        if signer is not None:
            from app.trust.pdf_signing import sign_pdf

            staged = Path(temporary).with_suffix(".unsigned.pdf")
            os.replace(temporary, staged)
            try:
                sign_pdf(staged, Path(temporary), signer, reason, portfolio.centre_name)
            finally:
                staged.unlink(missing_ok=True)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; exports are not
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return ExportOutcome(target, fmt, result, document)
