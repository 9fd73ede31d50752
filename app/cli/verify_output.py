"""What ``folio verify`` prints: each version, its work and records, the audit trail, and a
last line saying whether the file can be trusted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.output import one_line, print_json
from app.errors import InvalidInputError
from app.workflow.verification import VerifyReport


def report_dict(path: Path, report: VerifyReport) -> dict[str, Any]:
    return {
        "file": str(path),
        "exit_code": report.exit_code,
        "trust": report.trust(),
        "versions": [
            {
                "version": v.version,
                "digest": v.digest,
                "intact": v.intact,
                "work": v.work_line(),
                "decision": v.decision,
                "trust": v.trust(),
                "records": [
                    {"kind": r.kind, "state": r.state, "text": r.describe(), "notes": r.notes}
                    for r in v.records
                ],
                "problems": v.problems,
            }
            for v in report.versions
        ],
        "audit": {"entries": report.audit_entries, "problems": report.audit_problems},
        "problems": report.file_problems,
    }


def print_report(path: Path, report: VerifyReport, as_json: bool = False) -> None:
    if as_json:
        print_json(report_dict(path, report))
        return
    if not report.versions:
        print(f"{path.name}: nothing has been submitted yet.")
    for version in report.versions:
        print(
            f"Version {version.version}: {'intact' if version.intact else 'ALTERED'} "
            f"(SHA-256 {version.digest})"
        )
        print(f"  {version.work_line()}")
        for problem in version.problems:
            print(f"  - {one_line(problem)}")
        for record in version.records:
            if record.kind == "decision":
                label = f"decision {version.decision}"
            else:
                label = {
                    "countersign": "IQA countersignature",
                    "reopen": "reopening",
                    "iqa-report": "IQA report",
                }.get(record.kind, record.kind)
            print(f"  {label}: {one_line(record.describe())}")
            for note in record.notes:
                print(f"    ({one_line(note)})")
    for problem in report.file_problems:
        print(f"- {one_line(problem)}")
    if report.audit_problems:
        print(f"Audit trail ({report.audit_entries} entries): ALTERED")
        for problem in report.audit_problems:
            print(f"  - {one_line(problem)}")
    else:
        print(f"Audit trail: {report.audit_entries} entries, chain intact")
    signed = any(r.signature is not None for v in report.versions for r in v.records)
    if report.trusted_centres == 0 and signed:
        print("No centre is trusted on this machine yet: folio trust add CENTRE.pem")
    if report.altered:
        print("Result: ALTERED — do not rely on this portfolio's records.")
    elif report.unsigned:
        versions = ", ".join(str(v.version) for v in report.unsigned)
        print(
            f"Result: intact, but the decision on version {versions} is not signed by a "
            "trusted assessor."
        )
    else:
        print(
            "Result: intact" + (" and signed." if any(v.decision for v in report.versions) else ".")
        )


def run_verify_pdf(args: Any) -> int:
    """``folio verify FILE.pdf``: 0 when every signature is intact and trusted."""
    from app.trust.pdf_signing import verify_pdf

    if not args.file.is_file():
        raise InvalidInputError(f"'{args.file}' does not exist")
    reports = verify_pdf(args.file)
    if args.json:
        print_json(
            {
                "file": str(args.file),
                "signatures": [
                    {"field": r.field, "verified": r.verified, "text": r.describe()}
                    for r in reports
                ],
            }
        )
    elif not reports:
        print(f"{args.file.name}: the PDF carries no signature.")
    for report in reports if not args.json else []:
        print(f"{args.file.name}: {one_line(report.describe())}")
    return 0 if reports and all(r.verified for r in reports) else 1
