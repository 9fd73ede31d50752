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
    path: Path
    samples: int
    files: dict[str, str]


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


def build_pack(
    folder: Path,
    target: Path,
    keystore: KeyStore | None = None,
    report: Report | None = None,
    today: dt.date | None = None,
) -> PackResult:
    """Write the EQA pack for the cohort in ``folder`` to ``target`` (a ZIP). Uses the
    folder's sampling plan, making one with the default rules when there is none."""
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
    total = len(plan.samples)
    with tempfile.TemporaryDirectory(prefix="folio-eqa-") as scratch:
        for index, sample in enumerate(plan.samples):
            if report is not None:
                report(index, total, sample.file)
            source = folder / sample.file
            if not source.is_file():
                raise DomainError(f"{sample.file} is in the sampling plan but not in the folder")
            stem = _stem(sample.file)
            pdf = Path(scratch) / f"{stem}.pdf"
            with PortfolioStore.open(source) as store:
                portfolio = store.load()
                unit = store.unit()
                try:
                    export_portfolio(store, "pdf", pdf, today=today)
                except IncompleteError:
                    export_portfolio(store, "pdf", pdf, draft=True, today=today)
                verified = verify(store, keystore)
            files[f"portfolios/{sample.file}"] = source.read_bytes()
            files[f"pdfs/{stem}.pdf"] = pdf.read_bytes()
            files[f"achievement/{stem}.csv"] = _csv(
                achievement_rows(portfolio, unit), ACHIEVEMENT_COLUMNS
            )
            report_rows += _report_rows(
                sample.file, portfolio, verified, sample.assessor, sample.decision
            )
    if report is not None:
        report(total, total, "manifest")
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
    return PackResult(target, len(plan.samples), hashes)


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
