"""A tutor's view of a cohort: every portfolio in a folder, one row each.

A file that cannot be read is reported in its row; it never stops the listing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.checker import CheckResult, check
from app.errors import FolioError
from app.models import Portfolio
from app.store import PortfolioStore
from app.trust.keystore import KeyStore
from app.workflow.verification import VerifyReport, verify

COLUMNS = (
    "file",
    "learner",
    "candidate number",
    "unit",
    "marking points met",
    "status",
    "version",
    "decision",
    "trust",
    "last change",
    "problem",
)


@dataclass(frozen=True)
class CohortEntry:
    path: Path
    learner: str = ""
    candidate_number: str = ""
    unit_id: str = ""
    met: int = 0
    total: int = 0
    status: str = ""
    version: int = 0
    decision: str = ""
    trust: str = ""
    last_change: str = ""
    problem: str = ""

    def row(self) -> list[str]:
        return [
            self.path.name,
            self.learner,
            self.candidate_number,
            self.unit_id,
            f"{self.met}/{self.total}" if self.total else "",
            self.status,
            str(self.version or ""),
            self.decision,
            self.trust,
            self.last_change,
            self.problem,
        ]


def read_entry(path: Path, keystore: KeyStore | None = None) -> CohortEntry:
    try:
        with PortfolioStore.open(path) as store:
            portfolio = store.load()
            result = check(portfolio, store.unit())
            report = verify(store, keystore)
    except FolioError as error:
        return CohortEntry(path, status="unreadable", problem=error.message)
    return entry_for(path, portfolio, result, trust_text(portfolio, report))


def trust_text(portfolio: Portfolio, report: VerifyReport) -> str:
    """The trust of the decision a cohort row shows: that of the version being assessed."""
    if report.altered:
        return report.trust()
    current = portfolio.current_submission
    if current is None:
        return ""
    version = next((v for v in report.versions if v.version == current.version), None)
    return version.trust() if version is not None else ""


def entry_for(
    path: Path, portfolio: Portfolio, result: CheckResult, trust: str = ""
) -> CohortEntry:
    """One cohort row from a loaded portfolio, its check result and its trust."""
    current = portfolio.current_submission
    found = portfolio.decision_for(current) if current is not None else None
    decision = found.decision if found is not None else ""
    return CohortEntry(
        path,
        portfolio.learner_name,
        portfolio.candidate_number,
        portfolio.unit_id,
        result.met_count,
        len(result.points),
        portfolio.status,
        portfolio.draft_version,
        decision,
        trust,
        portfolio.updated_at.strftime("%Y-%m-%d %H:%M"),
    )


def read_cohort(folder: Path) -> list[CohortEntry]:
    return [read_entry(path) for path in sorted(folder.glob("*.folio"))]


def write_csv(entries: list[CohortEntry], target: Path) -> None:
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(entry.row() for entry in entries)


def read_centre(engine: Engine) -> list[CohortEntry]:
    """Every portfolio in a centre database, as cohort rows."""
    from app.store.centre import open_portfolio, portfolio_ids

    entries = []
    for portfolio_id in portfolio_ids(engine):
        store = open_portfolio(engine, portfolio_id)
        portfolio = store.load()
        trust = trust_text(portfolio, verify(store))
        entries.append(entry_for(store.path, portfolio, check(portfolio, store.unit()), trust))
    return entries
