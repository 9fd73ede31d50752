"""The subcommands of ``folio``. Each one parses, calls services, prints; no rules live here."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.catalogue import import_unit_file, load_catalogue
from app.checker import DEFAULT_CURRENCY_DAYS, check
from app.cli.keys import staff_signer
from app.cli.names import export_target, marking_point_id, output_file, portfolio_path
from app.cli.output import one_line, print_check, print_json
from app.cli.progress import add_jobs_option, progress_line
from app.demo import DEMO_UNIT, build_demo, ensure_demo_copy
from app.errors import InvalidInputError
from app.export.batch import resolve_jobs
from app.export.cohort import SUMMARY_NAME, export_cohort
from app.export.service import FORMATS, IncompleteError, export_portfolio
from app.formatting import human_size
from app.paths import data_dir
from app.store import PortfolioStore
from app.store.interchange import read_json, write_json
from app.workflow import cohort, submission

Subparsers = Any
REGISTRY: list[Callable[[Subparsers], None]] = []


def command(register: Callable[[Subparsers], None]) -> Callable[[Subparsers], None]:
    REGISTRY.append(register)
    return register


# -- units and catalogue ----------------------------------------------------------------------


@command
def _units(sub: Subparsers) -> None:
    parser = sub.add_parser("units", help="list the units and their marking points")
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(handler=run_units)


def run_units(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    if args.json:
        print_json(
            [
                {
                    "id": unit.id,
                    "title": unit.title,
                    "qualification": unit.qualification,
                    "origin": unit.origin,
                    "marking_points": [
                        {"id": point.id, "text": point.text} for point in unit.marking_points
                    ],
                }
                for unit in catalogue
            ]
        )
        return 0
    for unit in catalogue:
        origin = "" if unit.origin == "built-in" else f"  [{unit.origin}]"
        print(f"{unit.id}  {unit.title}{origin}")
        for point in unit.marking_points:
            print(f"  {point.short_id:>5}  {point.text}")
    return 0


@command
def _catalogue(sub: Subparsers) -> None:
    parser = sub.add_parser("catalogue", help="manage the unit catalogue")
    actions = parser.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    importer = actions.add_parser("import", help="add a unit from a unit file (JSON)")
    importer.add_argument("file", type=Path)
    importer.set_defaults(handler=run_catalogue_import)


def run_catalogue_import(args: argparse.Namespace) -> int:
    unit = import_unit_file(args.file)
    print(f"Imported unit '{unit.id}' ({len(unit.marking_points)} marking points).")
    return 0


# -- creating and inspecting portfolios -------------------------------------------------------


@command
def _new(sub: Subparsers) -> None:
    parser = sub.add_parser("new", help="create a new, empty portfolio file")
    parser.add_argument("out", type=Path, metavar="OUT.folio")
    parser.add_argument("--unit", required=True, metavar="ID")
    parser.add_argument("--learner", required=True, metavar="NAME")
    parser.add_argument("--candidate-number", default="", metavar="N")
    parser.add_argument(
        "--registration-number", default="", metavar="N", help="the awarding body's number"
    )
    parser.add_argument("--centre", default="", metavar="NAME")
    parser.add_argument("--centre-number", default="", metavar="N")
    parser.add_argument("--assessor", default="", metavar="NAME")
    parser.set_defaults(handler=run_new)


def run_new(args: argparse.Namespace) -> int:
    unit = load_catalogue().get(args.unit)
    args.out = output_file(portfolio_path(args.out))
    with PortfolioStore.create(
        args.out,
        unit,
        args.learner,
        candidate_number=args.candidate_number,
        registration_number=args.registration_number,
        centre_name=args.centre,
        centre_number=args.centre_number,
        assessor_name=args.assessor,
    ):
        pass
    print(f"Created {args.out} for {one_line(args.learner)} ({unit.id}).")
    return 0


STAGE_LABELS = {
    "feedback_item": "Feedback items",
    "analysis_finding": "Analysis findings",
    "action_item": "Actions",
    "log_entry": "Log entries",
    "metric": "Metrics",
    "evidence_file": "Evidence files",
    "evidence_link": "Evidence mappings",
    "assessment_record": "Assessment records",
    "plan_activity": "Planned assessment activities",
    "assessment_review": "Reviews",
}


def portfolio_info(store: PortfolioStore) -> dict[str, Any]:
    portfolio = store.load()
    unit = store.unit()
    counts = store.counts()
    declaration = portfolio.declaration
    return {
        "file": str(store.path),
        "unit": {"id": unit.id, "title": unit.title},
        "qualification_title": portfolio.qualification_title,
        "learner_name": portfolio.learner_name,
        "candidate_number": portfolio.candidate_number,
        "registration_number": portfolio.registration_number,
        "centre_name": portfolio.centre_name,
        "centre_number": portfolio.centre_number,
        "assessor_name": portfolio.assessor_name,
        "workplace": portfolio.workplace,
        "started_on": portfolio.started_on,
        "submission_due_on": portfolio.submission_due_on,
        "submitted_on": portfolio.submitted_on,
        "created_at": portfolio.created_at,
        "updated_at": portfolio.updated_at,
        "declaration_signed": bool(declaration and declaration.is_signed),
        "counts": {kind: counts[kind] for kind in STAGE_LABELS},
        "evidence_bytes": counts["evidence_bytes"],
    }


@command
def _info(sub: Subparsers) -> None:
    parser = sub.add_parser("info", help="show a portfolio's details and contents")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(handler=run_info)


def run_info(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file) as store:
        info = portfolio_info(store)
    if args.json:
        print_json(info)
        return 0
    print(f"{one_line(info['learner_name'])} — {info['unit']['id']}: {info['unit']['title']}")
    for label, key in (
        ("Candidate number", "candidate_number"),
        ("Centre", "centre_name"),
        ("Centre number", "centre_number"),
        ("Assessor", "assessor_name"),
        ("Qualification", "qualification_title"),
    ):
        if info[key]:
            print(f"  {label}: {one_line(info[key])}")
    print(f"  Declaration: {'signed' if info['declaration_signed'] else 'not signed'}")
    for kind, label in STAGE_LABELS.items():
        print(f"  {label}: {info['counts'][kind]}")
    print(f"  Evidence stored: {human_size(info['evidence_bytes'])}")
    return 0


@command
def _attach(sub: Subparsers) -> None:
    parser = sub.add_parser("attach", help="add evidence files to a portfolio")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    parser.add_argument(
        "--map", dest="mp", metavar="MP_ID", help="map them to a marking point, e.g. MP1"
    )
    parser.add_argument("--why", default="", metavar="TEXT", help="justification for --map")
    parser.add_argument(
        "--downscale",
        action="store_true",
        help="add large photos as smaller copies (longest side 2,000 px), keeping the "
        "portfolio small enough to email",
    )
    parser.set_defaults(handler=run_attach)


def run_attach(args: argparse.Namespace) -> int:
    if args.why and not args.mp:
        raise InvalidInputError("--why needs --map MP_ID")
    from app import preferences
    from app.store import evidence_size

    with PortfolioStore.open(args.file) as store, tempfile.TemporaryDirectory() as scratch:
        mp = marking_point_id(store.unit(), args.mp) if args.mp else ""
        paths = list(args.paths)
        if args.downscale:
            paths = evidence_size.downscale_photos(paths, Path(scratch))
        warning = evidence_size.attach_warning(
            args.file, paths, preferences.load().email_limit_bytes
        )
        if warning:
            hint = "" if args.downscale else " (--downscale makes large photos smaller)"
            print(f"folio: warning: {warning}{hint}", file=sys.stderr)
        for path in paths:
            change = store.attach_file(path)
            assert change.after is not None
            name = one_line(change.after["original_name"])
            line = f"Attached {name} as evidence #{change.item_id}"
            if mp:
                store.link_evidence(mp, "evidence_file", int(change.item_id), args.why)
                line += f", mapped to {mp}"
            print(line)
    return 0


# -- interchange and demo ---------------------------------------------------------------------


@command
def _export_json(sub: Subparsers) -> None:
    parser = sub.add_parser("export-json", help="write a portfolio as an interchange JSON file")
    parser.add_argument("file", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.json")
    parser.set_defaults(handler=run_export_json)


def run_export_json(args: argparse.Namespace) -> int:
    output_file(args.output)
    with PortfolioStore.open(args.file) as store:
        write_json(store, args.output)
    print(f"Wrote {args.output}.")
    return 0


@command
def _import_json(sub: Subparsers) -> None:
    parser = sub.add_parser("import-json", help="create a portfolio from an interchange JSON file")
    parser.add_argument("input", type=Path, metavar="IN.json")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.folio")
    parser.set_defaults(handler=run_import_json)


def run_import_json(args: argparse.Namespace) -> int:
    args.output = output_file(portfolio_path(args.output))
    with read_json(args.input, args.output):
        pass
    print(f"Created {args.output}.")
    return 0


@command
def _demo(sub: Subparsers) -> None:
    parser = sub.add_parser("demo", help="create a fully worked example portfolio")
    parser.add_argument("out", type=Path, metavar="OUT.folio")
    parser.add_argument("--unit", default=DEMO_UNIT, metavar="ID")
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    unit = load_catalogue().get(args.unit)
    args.out = output_file(portfolio_path(args.out))
    with build_demo(args.out, unit):
        pass
    print(f"Created demo portfolio {args.out} ({unit.id}).")
    return 0


@command
def _start(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "start", help="open a portfolio (the demo portfolio in your data folder when none is given)"
    )
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument(
        "--no-gui",
        action="store_true",
        help="print the portfolio's summary instead of opening the window",
    )
    parser.add_argument(
        "--welcome",
        action="store_true",
        help="show the welcome window (recent files, new, demo) instead",
    )
    parser.set_defaults(handler=run_start)


def run_start(args: argparse.Namespace) -> int:
    path = args.file or ensure_demo_copy(load_catalogue().get(DEMO_UNIT), data_dir())
    if args.no_gui:
        print(f"Opening {path}")
        return run_info(argparse.Namespace(file=path, json=False))
    from app.ui.application import run

    return run(None if args.welcome and not args.file else path)


# -- checking ---------------------------------------------------------------------------------


@command
def _check(sub: Subparsers) -> None:
    parser = sub.add_parser("check", help="hold a portfolio against its unit's marking points")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="check as of this date (default: today)"
    )
    parser.add_argument(
        "--currency-days",
        type=int,
        default=DEFAULT_CURRENCY_DAYS,
        metavar="N",
        help="flag evidence older than N days (default: %(default)s)",
    )
    parser.set_defaults(handler=run_check)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def run_check(args: argparse.Namespace) -> int:
    if args.currency_days < 1:
        raise InvalidInputError("--currency-days must be at least 1")
    with PortfolioStore.open(args.file) as store:
        portfolio = store.load()
        result = check(portfolio, store.unit(), args.today, args.currency_days)
    if args.json:
        print_json({"file": str(args.file), **result.to_dict()})
    else:
        print_check(portfolio.learner_name, result)
    return 0 if result.complete else 1


# -- exporting --------------------------------------------------------------------------------


@command
def _export(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "export", help="export portfolios to Word, PDF or HTML (one, or a cohort with --out-dir)"
    )
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="docx, pdf or html (default: from OUT's extension; needed with --out-dir)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="output file (one FILE)")
    parser.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="output folder (any number of FILEs), with cohort-summary.csv",
    )
    parser.add_argument(
        "--draft",
        action="store_true",
        help="export even if incomplete: every page marked DRAFT, gaps appended",
    )
    parser.add_argument(
        "--sign",
        metavar="NAME",
        help="sign the final PDF of a signed-off portfolio with NAME's staff key (PAdES)",
    )
    add_jobs_option(parser)
    parser.epilog = (
        "With --out-dir, portfolios render in parallel; a file that cannot be exported is "
        "reported and skipped. Exit code 1 when any was not exported."
    )
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    if args.out_dir is None:
        if len(args.files) != 1 or args.output is None:
            raise InvalidInputError("give -o OUT for one file, or --out-dir DIR for several")
        fmt, args.output = export_target(output_file(args.output), args.format)
        output_file(args.output)
        signer = None
        if args.sign:
            signer = staff_signer(args.sign, "")
            if signer is None:
                raise InvalidInputError(f"no staff key of {args.sign} is installed here")
        with PortfolioStore.open(args.files[0]) as store:
            try:
                export_portfolio(store, fmt, args.output, draft=args.draft, signer=signer)
            except IncompleteError as refused:
                print("Gaps to close before a final export:")
                for line in refused.result.gap_list():
                    print(f"  - {one_line(line)}")
                raise
        signed = f", signed by {signer.identity.describe()}" if signer else ""
        print(f"Wrote {args.output}{' (draft)' if args.draft else ''}{signed}.")
        return 0
    if args.sign:
        raise InvalidInputError("--sign signs one PDF (-o OUT), not a cohort")
    if args.output is not None:
        raise InvalidInputError("use either -o or --out-dir, not both")
    if args.format is None:
        raise InvalidInputError("--out-dir needs --format docx, pdf or html")
    if args.out_dir.exists() and not args.out_dir.is_dir():
        raise InvalidInputError(f"'{args.out_dir}' is a file, not a folder (--out-dir)")
    # a file named twice (`cohort/*.folio cohort/ada.folio`) is exported once
    files: list[Path] = []
    seen: set[Path] = set()
    for path in args.files:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            files.append(path)

    rows = export_cohort(
        files,
        args.format,
        args.out_dir,
        draft=args.draft,
        progress=progress_line,
        jobs=resolve_jobs(args.jobs),
    )
    for row in rows:
        print(f"{row.source.name}: {row.status}" + (f" -> {row.output.name}" if row.output else ""))
    exported = sum(row.ok for row in rows)
    print(f"{exported} of {len(rows)} exported; summary in {args.out_dir / SUMMARY_NAME}")
    return 0 if exported == len(rows) else 1


# -- submission and assessment ----------------------------------------------------------------


@command
def _submit(sub: Subparsers) -> None:
    parser = sub.add_parser("submit", help="confirm the declaration and submit this version")
    parser.add_argument("file", type=Path)
    parser.add_argument("--name", required=True, help="your typed name (the signature)")
    parser.add_argument(
        "--incomplete-reason",
        default="",
        metavar="TEXT",
        help="submit although marking points are not met, saying why",
    )
    parser.set_defaults(handler=run_submit)


def run_submit(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file) as store:
        result = check(store.load(), store.unit())
        done = submission.submit(store, args.name, result, incomplete_reason=args.incomplete_reason)
    assert done.after is not None
    print(
        f"Submitted version {done.after['version']} of {args.file.name} "
        f"(SHA-256 {done.after['digest']})."
    )
    return 0


@command
def _new_draft(sub: Subparsers) -> None:
    parser = sub.add_parser("new-draft", help="start a new draft after a submission")
    parser.add_argument("file", type=Path)
    parser.set_defaults(handler=run_new_draft)


def run_new_draft(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file) as store:
        version = submission.start_new_draft(store)
    print(f"Version {version} is now a draft; earlier submissions are kept unchanged.")
    return 0


@command
def _verify(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "verify",
        help="check a portfolio's work, decisions, signatures and audit trail, or a signed PDF",
    )
    parser.add_argument("file", type=Path, metavar="FILE.folio|FILE.pdf")
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() == ".pdf":
        from app.cli.verify_output import run_verify_pdf

        return run_verify_pdf(args)
    from app.cli.verify_output import print_report

    with PortfolioStore.open(args.file) as store:
        report = submission.verify(store)
    print_report(args.file, report, args.json)
    return report.exit_code


@command
def _assess(sub: Subparsers) -> None:
    parser = sub.add_parser("assess", help="record an assessor's judgement of a marking point")
    parser.add_argument("file", type=Path)
    parser.add_argument("--assessor", required=True, metavar="NAME")
    parser.add_argument("--mp", required=True, metavar="ID", help="e.g. MP3 or unit.MP3")
    parser.add_argument("--judgement", required=True, choices=submission.JUDGEMENTS)
    parser.add_argument("--feedback", default="", metavar="TEXT")
    parser.set_defaults(handler=run_assess)


def run_assess(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file, actor=f"assessor: {args.assessor}") as store:
        mp = marking_point_id(store.unit(), args.mp)
        record = submission.assess(store, mp, args.judgement, args.feedback).after
    assert record is not None
    print(
        f"{record['marking_point_id']}: {record['judgement']} (on version digest "
        f"{record['snapshot_digest'][:12]}; provisional until you sign off)."
    )
    return 0


@command
def _sign_off(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "sign-off", help="record and sign the assessor's decision (needs your staff key)"
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--assessor", required=True, metavar="NAME")
    parser.add_argument("--decision", required=True, choices=submission.DECISIONS)
    parser.add_argument("--action-points", default="", metavar="TEXT")
    parser.set_defaults(handler=run_sign_off)


def run_sign_off(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file, actor=f"assessor: {args.assessor}") as store:
        signer = staff_signer(args.assessor, "assessor")
        record = submission.sign_off(store, args.decision, args.action_points, signer).after
    assert record is not None
    print(
        f"Signed off: {record['decision']} by {record['assessor_name']} on "
        f"{record['signed_on']}, signed with {signer.identity.describe() if signer else ''}."
    )
    return 0


@command
def _reopen(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "reopen", help="void a sign-off, saying why, so judgements and decision can change"
    )
    parser.add_argument("file", type=Path)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--assessor", metavar="NAME")
    who.add_argument("--iqa", metavar="NAME")
    parser.add_argument("--reason", required=True, metavar="TEXT")
    parser.set_defaults(handler=run_reopen)


def run_reopen(args: argparse.Namespace) -> int:
    role, name = ("assessor", args.assessor) if args.assessor else ("iqa", args.iqa)
    with PortfolioStore.open(args.file, actor=f"{role}: {name}") as store:
        signer = staff_signer(name, role)
        change = submission.reopen(store, args.reason, signer)
    assert change.before is not None
    print(
        f"Reopened the {change.before['decision']} decision; its sign-off is void. "
        "Judge again and sign off."
    )
    return 0


@command
def _countersign(sub: Subparsers) -> None:
    parser = sub.add_parser("countersign", help="the IQA's countersignature of a sign-off")
    parser.add_argument("file", type=Path)
    parser.add_argument("--iqa", required=True, metavar="NAME")
    parser.add_argument("--comment", default="", metavar="TEXT")
    parser.set_defaults(handler=run_countersign)


def run_countersign(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file, actor=f"iqa: {args.iqa}") as store:
        signer = staff_signer(args.iqa, "iqa")
        submission.countersign(store, args.comment, signer)
    assert signer is not None
    print(f"Countersigned by {signer.identity.describe()}.")
    return 0


@command
def _cohort(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "cohort", help="list every portfolio in a folder, or in a centre database (--db)"
    )
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help="also write a CSV file")
    parser.add_argument(
        "--db", metavar="URL", help="centre database, e.g. postgresql+psycopg://user@host/folio"
    )
    parser.add_argument(
        "--import",
        dest="imports",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="with --db: copy these .folio files into the centre database",
    )
    parser.set_defaults(handler=run_cohort)


def run_cohort(args: argparse.Namespace) -> int:
    if args.db:
        from app.store.centre import centre_engine, import_portfolio

        engine = centre_engine(args.db)
        for path in args.imports or []:
            print(f"Imported {path.name} as portfolio {import_portfolio(engine, path)}.")
        entries = cohort.read_centre(engine)
    elif args.imports:
        raise InvalidInputError("--import needs --db URL")
    elif args.folder is None or not args.folder.is_dir():
        raise InvalidInputError(f"'{args.folder}' is not a folder")
    else:
        entries = cohort.read_cohort(args.folder)
    for entry in entries:
        if entry.problem:
            print(f"{entry.path.name}: {one_line(entry.problem)}")
            continue
        print(
            f"{entry.path.name}: {one_line(entry.learner)} ({entry.unit_id}) "
            f"{entry.met}/{entry.total} met, {entry.status} v{entry.version}"
            + (f", {entry.decision}" if entry.decision else "")
            + (f", {one_line(entry.trust)}" if entry.trust else "")
        )
    if args.csv:
        cohort.write_csv(entries, output_file(args.csv))
        print(f"Wrote {args.csv}.")
    return 0
