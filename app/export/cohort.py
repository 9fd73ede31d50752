"""Exporting a cohort: many portfolios, one summary. A bad file is reported in its row;
it never stops the run."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.errors import FolioError
from app.export.service import IncompleteError, export_portfolio
from app.store import PortfolioStore
from app.store.evidence_io import safe_file_name

SUMMARY_NAME = "cohort-summary.csv"
SUMMARY_COLUMNS = (
    "source file",
    "learner",
    "candidate number",
    "unit",
    "marking points met",
    "status",
    "output file",
)


@dataclass(frozen=True)
class CohortRow:
    source: Path
    learner: str = ""
    candidate_number: str = ""
    unit_id: str = ""
    met: int = 0
    total: int = 0
    status: str = ""
    output: Path | None = None

    @property
    def ok(self) -> bool:
        return self.output is not None

    def as_csv(self) -> list[str]:
        return [
            self.source.name,
            self.learner,
            self.candidate_number,
            self.unit_id,
            f"{self.met}/{self.total}" if self.total else "",
            self.status,
            self.output.name if self.output else "",
        ]


def _output_name(store: PortfolioStore, fmt: str, taken: set[str]) -> str:
    portfolio = store.load()
    parts = [portfolio.learner_name, portfolio.candidate_number, portfolio.unit_id]
    stem = safe_file_name(" - ".join(p for p in parts if p.strip()), "portfolio")
    name = f"{stem}.{fmt}"
    counter = 2
    while name.lower() in taken:
        name = f"{stem} ({counter}).{fmt}"
        counter += 1
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
                name = _output_name(store, fmt, taken)
                details = dict(
                    learner=portfolio.learner_name,
                    candidate_number=portfolio.candidate_number,
                    unit_id=portfolio.unit_id,
                )
                try:
                    outcome = export_portfolio(store, fmt, out_dir / name, draft=draft)
                except IncompleteError as refused:
                    result = refused.result
                    rows.append(
                        CohortRow(
                            source,
                            **details,
                            met=result.met_count,
                            total=len(result.points),
                            status="refused: incomplete (export as draft)",
                        )
                    )
                    continue
            result = outcome.result
            rows.append(
                CohortRow(
                    source,
                    **details,
                    met=result.met_count,
                    total=len(result.points),
                    status="exported (draft)" if draft else "exported",
                    output=outcome.path,
                )
            )
        except FolioError as error:
            rows.append(CohortRow(source, status=f"error: {error.message}"))
    with (out_dir / SUMMARY_NAME).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_COLUMNS)
        writer.writerows(row.as_csv() for row in rows)
    return rows
