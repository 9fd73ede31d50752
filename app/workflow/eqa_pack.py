"""The pack a centre gives its external quality assurer (EQA): for every portfolio the IQA
sampled, the learner's PDF and the .folio file itself, with the sampling plan, the IQA
reports, each learner's achievement summary and a manifest of the SHA-256 of every file.

``verify_pack`` checks a pack as the EQA receives it: every file against the manifest, none
missing and none added, and each portfolio inside with ``verify`` (signatures checked
against the centres this machine trusts). Every problem names the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from app import __version__
from app.errors import DomainError, FolioError, InvalidInputError
from app.export.batch import Cancel, CancelledError, run_batch
from app.export.service import IncompleteError, export_portfolio
from app.models import Portfolio
from app.store import PortfolioStore
from app.trust.keystore import KeyStore
from app.workflow import iqa
from app.workflow.verification import VerifyReport, verify

MANIFEST = "manifest.json"
PACK_FORMAT = "folio-eqa-pack/1"
REPORTS_CSV = "iqa-reports.csv"
REPORTS_JSON = "iqa-reports.json"
REPORT_COLUMNS = (
    "file",
    "learner",
    "unit",
    "version",
    "assessor",
    "decision",
    "iqa",
    "sampled on",
    "sample reason",
    "agrees",
    "comments",
    "action points",
    "trust",
)
ACHIEVEMENT_COLUMNS = (
    "marking point",
    "text",
    "judgement",
    "feedback",
    "assessor",
    "assessed at",
    "version",
    "decision",
)

Report = Callable[[int, int, str], None]


@dataclass
class PackResult:
    """The pack written: how many sampled portfolios it holds, the SHA-256 of each file, and
    the sampled portfolios left out with why."""

    path: Path
    samples: int
    files: dict[str, str]
    skipped: dict[str, str] = field(default_factory=dict)


def _csv(rows: list[list[Any]], header: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _stem(name: str) -> str:
    return PurePosixPath(name).stem


def achievement_rows(portfolio: Portfolio, unit: Any) -> list[list[Any]]:
    """Per marking point of the unit, the assessor's latest judgement of the current version."""
    current = portfolio.current_submission
    decision = portfolio.decision_for(current) if current is not None else None
    latest = {}
    for assessment in portfolio.assessments:
        if current is not None and assessment.submission_id == current.id:
            latest[assessment.marking_point_id] = assessment
    rows = []
    for point in unit.marking_points:
        judged = latest.get(point.id)
        rows.append(
            [
                point.short_id,
                point.text,
                judged.judgement if judged else "not judged",
                judged.feedback if judged else "",
                judged.assessor_name if judged else "",
                judged.assessed_at.strftime("%Y-%m-%d %H:%M") if judged else "",
                current.version if current is not None else "",
                decision.decision if decision is not None else "",
            ]
        )
    return rows


def _report_rows(
    name: str, portfolio: Portfolio, report: VerifyReport, assessor: str, decision: str
) -> list[dict[str, Any]]:
    trust = {
        r.signature.id: r.describe()
        for v in report.versions
        for r in v.records
        if r.kind == "iqa-report" and r.signature is not None
    }
    signed = [s for s in portfolio.signatures if s.kind == "iqa-report"]
    rows = []
    for index, item in enumerate(portfolio.iqa_reports):
        same_version = [s for s in signed if s.version == item.version]
        earlier = [r for r in portfolio.iqa_reports[:index] if r.version == item.version]
        signature = same_version[len(earlier)] if len(earlier) < len(same_version) else None
        rows.append(
            {
                "file": name,
                "learner": portfolio.learner_name,
                "unit": portfolio.unit_id,
                "version": item.version,
                "assessor": assessor,
                "decision": decision,
                "iqa": item.iqa_name,
                "sampled on": item.sampled_on.isoformat(),
                "sample reason": item.sample_reason,
                "agrees": "yes" if item.agrees else "no",
                "comments": item.comments,
                "action points": item.action_points,
                "trust": (
                    trust.get(signature.id, "ALTERED or not trusted: see folio verify")
                    if signature is not None
                    else "unsigned"
                ),
            }
        )
    return rows


@dataclass(frozen=True)
class SampleJob:
    """One sampled portfolio to render, as it crosses into a worker process."""

    source: Path
    file: str
    pdf: Path
    assessor: str
    decision: str
    keystore: KeyStore | None
    today: dt.date | None


@dataclass(frozen=True)
class SampleFiles:
    """What one sampled portfolio puts in the pack besides its own bytes."""

    pdf: Path
    achievement: bytes
    report_rows: list[dict[str, Any]]


def render_sample(job: SampleJob) -> SampleFiles:
    """The PDF (final when complete, else a draft), achievement summary and IQA report rows of
    one sampled portfolio (in a worker process)."""
    if not job.source.is_file():
        raise DomainError(f"{job.file} is in the sampling plan but not in the folder")
    with PortfolioStore.open(job.source) as store:
        portfolio = store.load()
        unit = store.unit()
        try:
            export_portfolio(store, "pdf", job.pdf, today=job.today)
        except IncompleteError:
            export_portfolio(store, "pdf", job.pdf, draft=True, today=job.today)
        verified = verify(store, job.keystore)
    return SampleFiles(
        job.pdf,
        _csv(achievement_rows(portfolio, unit), ACHIEVEMENT_COLUMNS),
        _report_rows(job.file, portfolio, verified, job.assessor, job.decision),
    )


def build_pack(
    folder: Path,
    target: Path,
    keystore: KeyStore | None = None,
    report: Report | None = None,
    today: dt.date | None = None,
    jobs: int | None = None,
    cancel: Cancel | None = None,
) -> PackResult:
    """Write the EQA pack for the cohort in ``folder`` to ``target`` (a ZIP). Uses the
    folder's sampling plan, making one with the default rules when there is none.

    The sampled portfolios render over ``jobs`` worker processes (every core by default).
    One that cannot be rendered is left out, named with its reason in ``PackResult.skipped``
    and in the manifest; setting ``cancel`` stops the build and writes no pack."""
    if not folder.is_dir():
        raise InvalidInputError(f"'{folder}' is not a folder")
    if not target.parent.is_dir():
        raise InvalidInputError(f"the folder '{target.parent}' does not exist")
    if iqa.plan_path(folder).is_file():
        plan = iqa.cohort_status(folder, today=today)
    else:
        plan = iqa.plan_cohort(folder, today=today)
    if not plan.samples:
        raise DomainError(
            "the sampling plan samples nothing: no portfolio in the folder has a signed decision"
        )
    files: dict[str, bytes] = {}
    report_rows: list[dict[str, Any]] = []
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="folio-eqa-") as scratch:
        work = [
            SampleJob(
                folder / sample.file,
                sample.file,
                Path(scratch) / f"{index:06d}.pdf",
                sample.assessor,
                sample.decision,
                keystore,
                today,
            )
            for index, sample in enumerate(plan.samples)
        ]
        outcomes = run_batch(
            render_sample,
            work,
            [sample.file for sample in plan.samples],
            jobs=jobs,
            progress=report,
            cancel=cancel,
            describe=lambda o: o.name if o.ok else f"{o.name}: skipped: {o.error}",
        )
        if any(outcome.cancelled for outcome in outcomes):
            raise CancelledError("cancelled: no EQA pack was written")
        for outcome in outcomes:
            stem = _stem(outcome.name)
            if outcome.value is None:
                skipped[outcome.name] = outcome.error
                continue
            files[f"portfolios/{outcome.name}"] = (folder / outcome.name).read_bytes()
            files[f"pdfs/{stem}.pdf"] = outcome.value.pdf.read_bytes()
            files[f"achievement/{stem}.csv"] = outcome.value.achievement
            report_rows += outcome.value.report_rows
    if len(skipped) == len(plan.samples):
        first, why = next(iter(skipped.items()))
        raise DomainError(f"no sampled portfolio could be packed ({first}: {why})")
    files[iqa.PLAN_NAME] = (json.dumps(plan.to_json(), indent=2, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )
    files[REPORTS_CSV] = _csv([[r[c] for c in REPORT_COLUMNS] for r in report_rows], REPORT_COLUMNS)
    files[REPORTS_JSON] = (json.dumps(report_rows, indent=2, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    manifest = {
        "format": PACK_FORMAT,
        "made_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "made_with": f"Folio {__version__}",
        "samples": len(plan.samples),
        "files": hashes,
        "skipped": dict(sorted(skipped.items())),
    }
    handle, staged = tempfile.mkstemp(prefix=".folio-pack-", suffix=".zip", dir=target.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(staged, "w", zipfile.ZIP_DEFLATED) as pack:
            for name in sorted(files):
                pack.writestr(name, files[name])
            pack.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
        os.replace(staged, target)
    finally:
        Path(staged).unlink(missing_ok=True)
    return PackResult(target, len(plan.samples) - len(skipped), hashes, skipped)


# -- checking a pack --------------------------------------------------------------------------


@dataclass
class PackCheck:
    path: Path
    problems: list[str] = field(default_factory=list)
    portfolios: dict[str, str] = field(default_factory=dict)
    checked: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0


def verify_pack(path: Path, keystore: KeyStore | None = None) -> PackCheck:
    """Check every file of the pack against its manifest and verify every portfolio in it."""
    result = PackCheck(path)
    try:
        pack = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InvalidInputError(f"'{path}' does not exist") from None
    except zipfile.BadZipFile:
        result.problems.append(f"{path.name}: not a ZIP file (damaged or not an EQA pack)")
        return result
    with pack:
        names = [i.filename for i in pack.infolist() if not i.is_dir()]
        if MANIFEST not in names:
            result.problems.append(f"{MANIFEST}: missing, so nothing in the pack can be checked")
            return result
        try:
            manifest = json.loads(pack.read(MANIFEST))
            listed = dict(manifest["files"])
        except (ValueError, KeyError, TypeError):
            result.problems.append(f"{MANIFEST}: cannot be read")
            return result
        if manifest.get("format") != PACK_FORMAT:
            result.problems.append(f"{MANIFEST}: not a Folio EQA pack's manifest")
        skipped = manifest.get("skipped") or {}
        for name, why in sorted(skipped.items() if isinstance(skipped, dict) else []):
            result.problems.append(f"{name}: sampled but left out of the pack ({why})")
        for name in sorted(set(listed) - set(names)):
            result.problems.append(f"{name}: missing from the pack (listed in the manifest)")
        for name in sorted(set(names) - set(listed) - {MANIFEST}):
            result.problems.append(f"{name}: not in the manifest (added to the pack)")
        with tempfile.TemporaryDirectory(prefix="folio-verify-pack-") as scratch:
            for name in sorted(set(listed) & set(names)):
                try:
                    data = pack.read(name)
                except (zipfile.BadZipFile, OSError) as error:
                    result.problems.append(f"{name}: cannot be read from the pack ({error})")
                    continue
                result.checked += 1
                if hashlib.sha256(data).hexdigest() != listed[name]:
                    result.problems.append(
                        f"{name}: altered (its SHA-256 differs from the manifest's)"
                    )
                if name.endswith(".folio"):
                    _verify_folio(name, data, Path(scratch), keystore, result)
    return result


def _verify_folio(
    name: str, data: bytes, scratch: Path, keystore: KeyStore | None, result: PackCheck
) -> None:
    copy = scratch / PurePosixPath(name).name
    copy.write_bytes(data)
    try:
        with PortfolioStore.open(copy) as store:
            report = verify(store, keystore)
    except FolioError as error:
        result.portfolios[name] = f"cannot be opened: {error.message}"
        result.problems.append(f"{name}: cannot be opened as a portfolio ({error.message})")
        return
    except Exception as error:  # a damaged database must name the file, not stop the check
        result.portfolios[name] = f"cannot be opened: {error}"
        result.problems.append(f"{name}: cannot be opened as a portfolio ({error})")
        return
    result.portfolios[name] = report.trust()
    if report.exit_code != 0:
        result.problems.append(f"{name}: verify fails: {report.trust()}")
