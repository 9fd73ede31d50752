"""Exporting a cohort: many portfolios, one summary. A bad file is reported in its row;
it never stops the run."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.checker import check
from app.errors import FolioError
from app.export.service import IncompleteError, export_portfolio
from app.store import PortfolioStore
from app.store.evidence_io import safe_file_name
from app.workflow.cohort import CohortEntry, entry_for, trust_text
from app.workflow.verification import verify

SUMMARY_NAME = "cohort-summary.csv"
SUMMARY_COLUMNS = (
    "source file",
    "learner",
    "candidate number",
    "unit",
    "marking points met",
    "status",
    "decision",
    "trust",
    "output file",
)


@dataclass(frozen=True)
class CohortRow:
    """One portfolio of a cohort export: who it is (the cohort listing's entry), what
    happened, and the file written."""

    entry: CohortEntry
    status: str
    output: Path | None = None

    @property
    def source(self) -> Path:
        return self.entry.path

    @property
    def ok(self) -> bool:
        return self.output is not None

    def as_csv(self) -> list[str]:
        entry = self.entry
        return [
            entry.path.name,
            entry.learner,
            entry.candidate_number,
            entry.unit_id,
            f"{entry.met}/{entry.total}" if entry.total else "",
            self.status,
            entry.decision,
            entry.trust,
            self.output.name if self.output else "",
        ]


def _output_name(store: PortfolioStore, source: Path, fmt: str, taken: set[str]) -> str:
    """The export's file name: learner, candidate number and unit. Two portfolios of the
    same learner (a copy, or no candidate number to tell them apart) add the source file's
    name, then its folder's, so every name says which portfolio it came from."""
    portfolio = store.load()
    parts = [portfolio.learner_name, portfolio.candidate_number, portfolio.unit_id]
    stem = " - ".join(p.strip() for p in parts if p.strip())
    resolved = source.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    for extra in ([], [resolved.stem], [resolved.parent.name, resolved.stem], [digest]):
        name = safe_file_name(" - ".join([stem, *extra]) if stem else " - ".join(extra), "")
        if name and f"{name}.{fmt}".lower() not in taken:
            break
    else:
        name = f"{safe_file_name(stem, 'portfolio')} - {digest}"
    name = f"{name}.{fmt}"
    taken.add(name.lower())
    return name


def export_cohort(
    sources: Sequence[Path],
    fmt: str,
    out_dir: Path,
    draft: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[CohortRow]:
    """Export every portfolio in ``sources`` into ``out_dir``; write the summary CSV there."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: list[CohortRow] = []
    taken: set[str] = {SUMMARY_NAME}
    for index, source in enumerate(sources, start=1):
        if progress:
            progress(index, len(sources), str(source))
        try:
            with PortfolioStore.open(source) as store:
                portfolio = store.load()
                report = verify(store)
                trust = trust_text(portfolio, report)
                if report.altered and not draft:
                    entry = entry_for(source, portfolio, check(portfolio, store.unit()), trust)
                    rows.append(CohortRow(entry, "refused: ALTERED (see folio verify)"))
                    continue
                name = _output_name(store, source, fmt, taken)
                try:
                    outcome = export_portfolio(store, fmt, out_dir / name, draft=draft)
                except IncompleteError as refused:
                    entry = entry_for(source, portfolio, refused.result, trust)
                    rows.append(CohortRow(entry, "refused: incomplete (export as draft)"))
                    continue
            status = "exported (draft)" if draft else "exported"
            if report.altered:
                status += ", ALTERED"
            entry = entry_for(source, portfolio, outcome.result, trust)
            rows.append(CohortRow(entry, status, outcome.path))
        except FolioError as error:
            rows.append(CohortRow(CohortEntry(source), f"error: {error.message}"))
    with (out_dir / SUMMARY_NAME).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_COLUMNS)
        writer.writerows(row.as_csv() for row in rows)
    return rows
