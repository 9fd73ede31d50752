"""Exporting a cohort: many portfolios, one summary. A bad file is reported in its row;
it never stops the run.

Each portfolio is rendered in a worker process (app.export.batch) into a scratch folder
inside the output folder; the finished files are then named in the order the portfolios
were given, so the names never depend on which worker finished first. A cancelled run
keeps the files already finished, lists the rest as cancelled and leaves nothing half
written.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.checker import check
from app.export.batch import Cancel, Outcome, Progress, run_batch
from app.export.service import IncompleteError, export_portfolio
from app.store import PortfolioStore
from app.store.evidence_io import safe_file_name
from app.workflow.cohort import CohortEntry, entry_for, trust_text
from app.workflow.verification import verify

CANCELLED = "cancelled (not exported)"

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

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

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


def _output_name(entry: CohortEntry, fmt: str, taken: set[str]) -> str:
    """The export's file name: learner, candidate number and unit. Two portfolios of the
    same learner (a copy, or no candidate number to tell them apart) add the source file's
    name, then its folder's, so every name says which portfolio it came from."""
    parts = [entry.learner, entry.candidate_number, entry.unit_id]
    stem = " - ".join(p.strip() for p in parts if p.strip())
    resolved = entry.path.resolve()
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


@dataclass(frozen=True)
class CohortJob:
    """One portfolio to export, as it crosses into a worker process."""

    source: Path
    fmt: str
    staged: Path
    draft: bool


def export_one(job: CohortJob) -> CohortRow:
    """Export one portfolio to its staged name (in a worker process). A FolioError (a damaged
    file, a newer schema, a renderer's failure) goes back to the batch as this file's reason."""
    with PortfolioStore.open(job.source) as store:
        portfolio = store.load()
        report = verify(store)
        trust = trust_text(portfolio, report)
        if report.altered and not job.draft:
            entry = entry_for(job.source, portfolio, check(portfolio, store.unit()), trust)
            return CohortRow(entry, "refused: ALTERED (see folio verify)")
        try:
            outcome = export_portfolio(store, job.fmt, job.staged, draft=job.draft)
        except IncompleteError as refused:
            entry = entry_for(job.source, portfolio, refused.result, trust)
            return CohortRow(entry, "refused: incomplete (export as draft)")
    status = "exported (draft)" if job.draft else "exported"
    if report.altered:
        status += ", ALTERED"
    return CohortRow(entry_for(job.source, portfolio, outcome.result, trust), status, outcome.path)


def _row(source: Path, outcome: Outcome[CohortRow]) -> CohortRow:
    if outcome.cancelled:
        return CohortRow(CohortEntry(source), CANCELLED)
    if outcome.value is None:
        return CohortRow(CohortEntry(source), f"error: {outcome.error}")
    return outcome.value


def _describe(outcome: Outcome[CohortRow]) -> str:
    row = outcome.value
    if row is None:
        return f"{outcome.name}: error: {outcome.error}"
    who = f"{row.entry.learner} ({outcome.name})" if row.entry.learner else outcome.name
    return f"{who}: {row.status}"


def export_cohort(
    sources: Sequence[Path],
    fmt: str,
    out_dir: Path,
    draft: bool = False,
    progress: Progress | None = None,
    jobs: int | None = None,
    cancel: Cancel | None = None,
) -> list[CohortRow]:
    """Export every portfolio in ``sources`` into ``out_dir`` over ``jobs`` worker processes
    (every core by default, 1 for this process); write the summary CSV there. ``progress``
    hears of each portfolio as it finishes; setting ``cancel`` stops the run early."""
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".folio-cohort-", dir=out_dir))
    try:
        work = [
            CohortJob(source, fmt, scratch / f"{index:06d}.{fmt}", draft)
            for index, source in enumerate(sources)
        ]
        outcomes = run_batch(
            export_one,
            work,
            [source.name for source in sources],
            jobs=jobs,
            progress=progress,
            cancel=cancel,
            describe=_describe,
        )
        rows = [_row(source, outcome) for source, outcome in zip(sources, outcomes, strict=True)]
        taken: set[str] = {SUMMARY_NAME}
        for index, row in enumerate(rows):
            if row.output is not None:
                target = out_dir / _output_name(row.entry, fmt, taken)
                os.replace(row.output, target)
                rows[index] = replace(row, output=target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _write_summary(rows, out_dir / SUMMARY_NAME)
    return rows


def _write_summary(rows: list[CohortRow], target: Path) -> None:
    """The summary CSV, written beside its name and moved into place whole."""
    staged = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with staged.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(SUMMARY_COLUMNS)
            writer.writerows(row.as_csv() for row in rows)
        os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)
