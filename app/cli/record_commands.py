"""``folio record``, ``folio plan`` and ``folio review``: the assessment record from the
command line. Who may write what is the store's rule; these commands only parse and print."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.commands import Subparsers, command
from app.cli.output import one_line
from app.errors import InvalidInputError
from app.models.vocab import ASSESSMENT_METHODS, PLAN_STATUSES, RECORD_OUTCOMES, label
from app.store import PortfolioStore

OUTCOMES = tuple(value for value in RECORD_OUTCOMES if value)


def _open(path: Path, assessor: str | None) -> PortfolioStore:
    """The file opened as the assessor when one is named, else as the learner."""
    return PortfolioStore.open(path, actor=f"assessor: {assessor}" if assessor else "learner")


def _given(args: argparse.Namespace, names: dict[str, str]) -> dict[str, Any]:
    """Field values from the options the user gave (option attribute -> field name)."""
    return {
        field: getattr(args, option)
        for option, field in names.items()
        if getattr(args, option) is not None
    }


def _ref(store: PortfolioStore, collection: str, prefix: str, item_id: int) -> str:
    items = getattr(store.load(), collection)
    index = next(i for i, item in enumerate(items) if item.id == item_id)
    return f"{prefix}{index + 1}"


def _by_ref(items: list[Any], prefix: str, ref: str, noun: str) -> Any:
    text = ref.strip().upper()
    number = text[len(prefix) :] if text.startswith(prefix) else text
    if not number.isdigit() or not 1 <= int(number) <= len(items):
        raise InvalidInputError(
            f"there is no {noun} {ref} (this file has {prefix}1 to {prefix}{len(items)})"
            if items
            else f"this file has no {noun} yet"
        )
    return items[int(number) - 1]


# -- records ----------------------------------------------------------------------------------

RECORD_FIELDS = {
    "method": "method",
    "date": "held_on",
    "location": "location",
    "activity": "activity",
    "account": "account",
    "judgement": "judgement",
    "outcome": "outcome",
    "points": "marking_points",
    "witness_name": "witness_name",
    "witness_role": "witness_role",
    "relationship": "witness_relationship",
    "contact": "witness_contact",
    "expert": "expert_witness",
}


@command
def _record(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "record", help="add or list assessment records (observation, questioning, witness …)"
    )
    actions = parser.add_subparsers(dest="record_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add an assessment record")
    add.add_argument("file", type=Path)
    add.add_argument(
        "--assessor",
        metavar="NAME",
        help="record it as this assessor (without it, a learner adds a witness testimony)",
    )
    add.add_argument("--method", required=True, choices=tuple(ASSESSMENT_METHODS))
    add.add_argument("--date", metavar="DD/MM/YYYY", help="when it took place")
    add.add_argument("--location", metavar="TEXT")
    add.add_argument("--activity", metavar="TEXT", help="the activity or product considered")
    add.add_argument("--account", metavar="TEXT", help="what was seen, said or shown")
    add.add_argument("--judgement", metavar="TEXT", help="the assessor's judgement")
    add.add_argument("--outcome", choices=OUTCOMES)
    add.add_argument("--points", metavar="MP1,MP3", help="marking points it evidences")
    add.add_argument("--witness-name", metavar="NAME")
    add.add_argument("--witness-role", metavar="TEXT")
    add.add_argument("--relationship", metavar="TEXT", help="the witness's relationship")
    add.add_argument("--contact", metavar="TEXT", help="the witness's email or phone")
    add.add_argument("--expert", action="store_true", default=None, help="an expert witness")
    add.add_argument(
        "--question", action="append", default=[], metavar="TEXT", help="a question (repeat)"
    )
    add.add_argument(
        "--answer", action="append", default=[], metavar="TEXT", help="its answer (repeat)"
    )
    add.set_defaults(handler=run_record_add)
    listing = actions.add_parser("list", help="list the assessment records")
    listing.add_argument("file", type=Path)
    listing.set_defaults(handler=run_record_list)


def run_record_add(args: argparse.Namespace) -> int:
    if len(args.question) != len(args.answer):
        raise InvalidInputError(
            f"give an --answer for each --question ({len(args.question)} questions, "
            f"{len(args.answer)} answers)"
        )
    with _open(args.file, args.assessor) as store:
        change = store.add_item("assessment_record", **_given(args, RECORD_FIELDS))
        record_id = int(change.item_id)  # type: ignore[arg-type]
        for question, answer in zip(args.question, args.answer, strict=True):
            store.add_item(
                "record_question",
                record_id=record_id,
                question=question,
                answer=answer,
                outcome=args.outcome or "",
            )
        ref = _ref(store, "records", "AR", record_id)
        points = store.load().records[int(ref[2:]) - 1].marking_points
    questions = f", {len(args.question)} questions" if args.question else ""
    print(
        f"Added {ref}: {label(ASSESSMENT_METHODS, args.method).lower()}{questions}"
        + (f", evidence for {points}" if points else ", not mapped to a marking point yet")
        + "."
    )
    return 0


def run_record_list(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file) as store:
        portfolio = store.load()
    if not portfolio.records:
        print("No assessment records yet.")
    for index, record in enumerate(portfolio.records, start=1):
        who = record.witness_name if record.method == "witness_testimony" else record.assessor_name
        questions = sum(1 for q in portfolio.record_questions if q.record_id == record.id)
        print(
            f"AR{index}: {label(ASSESSMENT_METHODS, record.method)}"
            + (f" {record.held_on:%d/%m/%Y}" if record.held_on else "")
            + (f" by {one_line(who)}" if who else "")
            + f" — {record.marking_points or 'no marking points'}"
            + (f", {questions} questions" if questions else "")
            + (f", {label(RECORD_OUTCOMES, record.outcome).lower()}" if record.outcome else "")
            + (
                f", locked by version {record.locked_version}'s sign-off"
                if record.locked_version
                else ""
            )
        )
    return 0


# -- plan and reviews -------------------------------------------------------------------------


@command
def _plan(sub: Subparsers) -> None:
    parser = sub.add_parser("plan", help="add an activity to the assessment plan")
    actions = parser.add_subparsers(dest="plan_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a planned assessment activity")
    add.add_argument("file", type=Path)
    add.add_argument("--assessor", required=True, metavar="NAME")
    add.add_argument("--activity", required=True, metavar="TEXT")
    add.add_argument("--method", required=True, choices=tuple(ASSESSMENT_METHODS))
    add.add_argument("--date", metavar="DD/MM/YYYY", help="when it is planned")
    add.add_argument("--involved", metavar="TEXT", help="who takes part")
    add.add_argument("--points", metavar="MP1,MP3")
    add.add_argument("--status", choices=tuple(PLAN_STATUSES))
    add.set_defaults(handler=run_plan_add)


def run_plan_add(args: argparse.Namespace) -> int:
    names = {
        "activity": "activity",
        "method": "method",
        "date": "planned_on",
        "involved": "involved",
        "points": "marking_points",
        "status": "status",
    }
    with _open(args.file, args.assessor) as store:
        change = store.add_item("plan_activity", **_given(args, names))
        ref = _ref(store, "plan_activities", "P", int(change.item_id))  # type: ignore[arg-type]
    print(f"Added {ref} to the assessment plan: {one_line(args.activity)}.")
    return 0


@command
def _review(sub: Subparsers) -> None:
    parser = sub.add_parser("review", help="record a progress review, or answer one")
    actions = parser.add_subparsers(dest="review_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="the assessor records a review")
    add.add_argument("file", type=Path)
    add.add_argument("--assessor", required=True, metavar="NAME")
    add.add_argument("--date", required=True, metavar="DD/MM/YYYY")
    add.add_argument("--progress", required=True, metavar="TEXT")
    add.add_argument("--feedback", metavar="TEXT")
    add.add_argument("--targets", metavar="TEXT", help="next targets")
    add.add_argument("--next-date", metavar="DD/MM/YYYY", help="date of the next review")
    add.add_argument("--employer", metavar="NAME", help="the employer's representative signing")
    add.add_argument("--employer-date", metavar="DD/MM/YYYY")
    add.set_defaults(handler=run_review_add)
    respond = actions.add_parser("respond", help="the learner answers a review's feedback")
    respond.add_argument("file", type=Path)
    respond.add_argument("--review", required=True, metavar="V1")
    respond.add_argument("--response", default="", metavar="TEXT")
    accepts = respond.add_mutually_exclusive_group(required=True)
    accepts.add_argument("--accept", dest="accepts", action="store_true")
    accepts.add_argument("--do-not-accept", dest="accepts", action="store_false")
    respond.add_argument("--name", required=True, metavar="NAME", help="your typed signature")
    respond.add_argument("--date", metavar="DD/MM/YYYY")
    respond.set_defaults(handler=run_review_respond)


def run_review_add(args: argparse.Namespace) -> int:
    names = {
        "date": "reviewed_on",
        "progress": "progress",
        "feedback": "feedback",
        "targets": "next_targets",
        "next_date": "next_review_on",
        "employer": "employer_name",
        "employer_date": "employer_signed_on",
    }
    with _open(args.file, args.assessor) as store:
        fields = _given(args, names)
        change = store.add_item(
            "assessment_review",
            assessor_signed_name=args.assessor,
            assessor_signed_on=fields["reviewed_on"],
            **fields,
        )
        ref = _ref(store, "reviews", "V", int(change.item_id))  # type: ignore[arg-type]
    print(f"Added review {ref}, signed by {one_line(args.assessor)}; the learner can answer it.")
    return 0


def run_review_respond(args: argparse.Namespace) -> int:
    with PortfolioStore.open(args.file) as store:
        review = _by_ref(store.load().reviews, "V", args.review, "review")
        store.respond_to_review(review.id, args.response, args.accepts, args.name, args.date)
    verdict = "accepted" if args.accepts else "not accepted, with your reasons"
    print(f"Answered review {args.review.upper()}: feedback {verdict}.")
    return 0
