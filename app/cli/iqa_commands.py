"""The ``folio`` subcommands for quality assurance: the IQA's sampling plan and reports, the
EQA pack and its check, and the demo cohort to try them on."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands import Subparsers, command
from app.cli.keys import ask_passphrase
from app.cli.names import output_file
from app.cli.output import one_line, print_json
from app.cli.progress import add_jobs_option, progress_line
from app.errors import DomainError, InvalidInputError
from app.export.batch import resolve_jobs
from app.store import PortfolioStore
from app.trust import pki
from app.trust.keystore import KeyStore
from app.workflow import eqa_pack, iqa, submission


def _folder(path: Path) -> Path:
    if not path.is_dir():
        raise InvalidInputError(f"'{path}' is not a folder")
    return path


@command
def _iqa(sub: Subparsers) -> None:
    parser = sub.add_parser("iqa", help="internal quality assurance: sampling plan and reports")
    actions = parser.add_subparsers(dest="iqa_command", metavar="ACTION", required=True)
    plan = actions.add_parser("plan", help="choose the portfolios to sample and save the plan")
    plan.add_argument("folder", type=Path, metavar="FOLDER")
    plan.add_argument(
        "--rate", type=float, default=iqa.DEFAULT_RATE, help="share of an assessor's decisions"
    )
    plan.add_argument(
        "--new-assessor",
        action="append",
        default=[],
        metavar="NAME",
        help="an assessor new to the centre, sampled at 100%% (repeat for several)",
    )
    plan.add_argument(
        "--staff", type=Path, metavar="FILE", help="a file naming new assessors, one a line"
    )
    plan.add_argument(
        "--new-threshold",
        type=int,
        default=iqa.DEFAULT_NEW_THRESHOLD,
        metavar="N",
        help="an assessor with fewer signed decisions than N is new",
    )
    plan.add_argument("--due-days", type=int, default=iqa.DEFAULT_DUE_DAYS, metavar="N")
    plan.add_argument("--db", metavar="URL", help="read the cohort from a centre database")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.set_defaults(handler=run_iqa_plan)
    status = actions.add_parser("status", help="what of the sample is due, done or overdue")
    status.add_argument("folder", type=Path, metavar="FOLDER")
    status.add_argument("--db", metavar="URL", help="the cohort is in a centre database")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_iqa_status)
    report = actions.add_parser("report", help="sign the IQA's report on a sampled portfolio")
    report.add_argument("file", type=Path, metavar="FILE.folio")
    verdict = report.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--agree", dest="agrees", action="store_true")
    verdict.add_argument("--disagree", dest="agrees", action="store_false")
    report.add_argument("--comments", required=True, metavar="TEXT")
    report.add_argument("--actions", default="", metavar="TEXT", help="for the assessor")
    report.add_argument(
        "--reason", default=None, metavar="TEXT", help="why sampled (default: from the plan)"
    )
    report.add_argument(
        "--iqa", default="", metavar="NAME", help="whose key (default: the IQA key installed)"
    )
    report.set_defaults(handler=run_iqa_report)


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if not args.db:
        return None
    from app.store.centre import centre_engine

    return centre_engine(args.db)


def run_iqa_plan(args: argparse.Namespace) -> int:
    engine = _engine(args)
    folder = args.folder if engine is not None else _folder(args.folder)
    if engine is not None:
        folder.mkdir(parents=True, exist_ok=True)
    new = list(args.new_assessor)
    if args.staff is not None:
        new += iqa.read_staff_file(args.staff)
    plan = iqa.plan_cohort(
        folder,
        engine,
        rate=args.rate,
        new_assessors=new,
        new_threshold=args.new_threshold,
        due_days=args.due_days,
    )
    if args.json:
        print_json(plan.to_json())
        return 0
    for line in iqa.plan_lines(plan):
        print(one_line(line))
    print(f"Wrote {iqa.plan_path(folder)}.")
    return 0


def run_iqa_status(args: argparse.Namespace) -> int:
    engine = _engine(args)
    folder = args.folder if engine is not None else _folder(args.folder)
    plan = iqa.cohort_status(folder, engine)
    if args.json:
        print_json(plan.to_json())
        return 0
    for line in iqa.plan_lines(plan):
        print(one_line(line))
    return 0


def _planned_reason(path: Path) -> str:
    """Why the plan beside ``path`` samples it ('' when there is no plan or it is not in it)."""
    plan_file = iqa.plan_path(path.parent)
    if not plan_file.is_file():
        return ""
    sample = iqa.load_plan(plan_file).by_file().get(path.name)
    return "; ".join(sample.reasons) if sample is not None else ""


def run_iqa_report(args: argparse.Namespace) -> int:
    keystore = KeyStore()
    certificate = keystore.key_for(args.iqa, "iqa")
    if certificate is None:
        who = f"{args.iqa}'s " if args.iqa else "an "
        raise DomainError(f"no IQA key ({who}staff key) is installed here (folio key add)")
    identity = pki.identity(certificate)
    signer = keystore.unlock(certificate, ask_passphrase(f"Passphrase for {identity.describe()}"))
    reason = args.reason if args.reason is not None else _planned_reason(args.file)
    with PortfolioStore.open(args.file, actor=f"iqa: {identity.name}") as store:
        change = submission.iqa_report(
            store, args.agrees, args.comments, args.actions, reason, signer
        )
    assert change.after is not None
    verdict = "agrees with" if args.agrees else "disagrees with"
    print(
        f"IQA report on version {change.after['version']} of {args.file.name}: "
        f"{one_line(identity.name)} {verdict} the decision; signed with "
        f"{one_line(identity.describe())}."
    )
    return 0


# -- the EQA pack -----------------------------------------------------------------------------


@command
def _eqa_pack(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "eqa-pack", help="a ZIP of the sampled portfolios, plan, IQA reports and manifest"
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER")
    parser.add_argument("--out", type=Path, required=True, metavar="PACK.zip")
    add_jobs_option(parser)
    parser.epilog = (
        "A sampled portfolio that cannot be rendered is left out and named, in the output and "
        "in the manifest; the exit code is then 1 (and verify-pack reports the pack incomplete)."
    )
    parser.set_defaults(handler=run_eqa_pack)
    check = sub.add_parser(
        "verify-pack", help="check an EQA pack: every file's hash and every portfolio in it"
    )
    check.add_argument("pack", type=Path, metavar="PACK.zip")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=run_verify_pack)


def run_eqa_pack(args: argparse.Namespace) -> int:
    folder = _folder(args.folder)
    target = output_file(args.out)

    result = eqa_pack.build_pack(folder, target, report=progress_line, jobs=resolve_jobs(args.jobs))
    print(
        f"Wrote {result.path}: {result.samples} sampled portfolio(s), {len(result.files)} "
        "files and their SHA-256 manifest."
    )
    for name, why in result.skipped.items():
        print(f"Left out {one_line(name)}: {one_line(why)}")
    return 1 if result.skipped else 0


def run_verify_pack(args: argparse.Namespace) -> int:
    result = eqa_pack.verify_pack(args.pack)
    if args.json:
        print_json(
            {
                "pack": str(args.pack),
                "ok": not result.problems,
                "files_checked": result.checked,
                "portfolios": result.portfolios,
                "problems": result.problems,
            }
        )
        return result.exit_code
    for name, trust in result.portfolios.items():
        print(f"{name}: {one_line(trust)}")
    for problem in result.problems:
        print(f"- {one_line(problem)}")
    if result.problems:
        print(f"Result: ALTERED or incomplete — {len(result.problems)} problem(s).")
    else:
        print(f"Result: intact; {result.checked} files match the manifest.")
    return result.exit_code


# -- the demo cohort --------------------------------------------------------------------------


@command
def _demo_cohort(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "demo-cohort", help="write a demo cohort, signed by a throwaway demo centre"
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER")
    parser.add_argument(
        "--unsigned", action="store_true", help="no demo centre: judged but not signed off"
    )
    parser.add_argument(
        "--trust",
        action="store_true",
        help="trust the demo centre on this machine, so its signatures verify here",
    )
    parser.set_defaults(handler=run_demo_cohort)


def run_demo_cohort(args: argparse.Namespace) -> int:
    from app.demo.cohort import build_demo_cohort, make_demo_centre

    folder = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.glob("*.folio"))):
        raise InvalidInputError(f"'{folder}' already holds portfolios; give a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    staff = None
    centre_dir = folder / "demo-centre"
    if not args.unsigned:
        keys, staff = make_demo_centre(centre_dir)
        if args.trust:
            KeyStore().trust(keys.centre_certificate())
    paths = build_demo_cohort(folder, staff, progress=lambda name: print(f"Writing {name}"))
    print(f"Wrote {len(paths)} portfolios in {folder}.")
    if staff is not None:
        print(f"Signed by the demo centre in {centre_dir} (throwaway keys).")
        print(f"Sampling plan: {iqa.plan_path(folder)}")
        if not args.trust:
            print(
                "To verify its signatures here: folio trust add "
                f"{centre_dir / 'centre' / 'centre.pem'}"
            )
    return 0
