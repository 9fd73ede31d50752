"""Rules of the assessment record that the store applies on every write.

Assessment records, plan activities and reviews are the assessor's; the learner may write a
witness testimony (the witness's words, collected by the learner) and answer a review. A
record a signed decision relied on is locked: it stays exactly as signed, and a correction
is a new record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalogue import Unit
from app.errors import DomainError, InvalidInputError
from app.models import AssessmentRecord, AssessmentReview, PlanActivity, RecordQuestion
from app.models.vocab import ASSESSMENT_METHODS, LEARNER_METHODS, label

#: Methods whose record holds questions and answers.
QUESTION_METHODS = frozenset({"questioning", "professional_discussion"})


def marking_point_list(unit: Unit, value: Any) -> str:
    """Normalise a list of marking points ('mp1, MP3', full ids, or a list of either) to
    'MP1, MP3' in the unit's order; a point the unit does not have is refused."""
    if value is None:
        return ""
    parts = value if isinstance(value, list | tuple) else str(value).replace(";", ",").split(",")
    wanted = {str(part).strip().upper() for part in parts if str(part).strip()}
    known = {p.short_id: p for p in unit.marking_points}
    by_full = {p.id.upper(): p.short_id for p in unit.marking_points}
    shorts = set()
    for part in wanted:
        short = by_full.get(part, part)
        if short not in known:
            raise InvalidInputError(
                f"'{part}' is not a marking point of this unit "
                f"(it has {', '.join(known) or 'none'})"
            )
        shorts.add(short)
    return ", ".join(p.short_id for p in unit.marking_points if p.short_id in shorts)


def record_ref(record: AssessmentRecord) -> str:
    return f"{label(ASSESSMENT_METHODS, record.method).lower()} record #{record.id}"


def check_unlocked(kind: str, record: Any) -> None:
    """Refuse a change to a record, plan activity or review a signed decision relied on."""
    if getattr(record, "locked_version", None) is None:
        return
    if isinstance(record, AssessmentRecord):
        what, instead = f"the {record_ref(record)}", "add a new record instead"
    elif isinstance(record, PlanActivity):
        what, instead = f"planned activity #{record.id}", "add a new activity instead"
    else:
        what, instead = f"review #{record.id}", "add a new review instead"
    raise DomainError(
        f"{what} is part of the signed decision on version {record.locked_version} and "
        f"cannot change; {instead}"
    )


def check_learner_write(kind: str, values: dict[str, Any], record: Any) -> None:
    """A learner writes only witness testimonies, and only ones they recorded."""
    if kind != "assessment_record":
        noun = {"record_question": "question", "plan_activity": "planned activity"}.get(
            kind, kind.replace("_", " ")
        )
        article = "an" if noun[0] in "aeiou" else "a"
        raise DomainError(
            f"only an assessor can write {article} {noun}; a learner can answer a review's feedback"
        )
    if record is not None and record.recorded_by != "learner":
        raise DomainError(f"the {record_ref(record)} is the assessor's; only they can change it")
    method = values.get("method", record.method if record is not None else None)
    if method not in LEARNER_METHODS:
        raise DomainError(
            f"{label(ASSESSMENT_METHODS, method)} is recorded by the assessor; a learner can add "
            "a witness testimony"
        )


#: A review's fields that only the learner writes (through respond_to_review).
LEARNER_REVIEW_FIELDS = frozenset(
    {"learner_response", "learner_accepts", "learner_signed_name", "learner_signed_on"}
)


def check_review_fields(kind: str, values: dict[str, Any]) -> None:
    """The assessor cannot answer a review, or sign it, on the learner's behalf."""
    if kind == "assessment_review" and LEARNER_REVIEW_FIELDS & set(values):
        raise DomainError("the learner answers and signs a review's feedback themselves")


def owning_record(session: Session, kind: str, item: Any) -> Any:
    """The record whose rules apply to ``item``: a question's record, or the item itself."""
    if kind == "record_question":
        return session.get_one(AssessmentRecord, item.record_id)
    return item


def check_parent(session: Session, kind: str, values: dict[str, Any]) -> None:
    """A question belongs to an unlocked questioning or discussion record."""
    if kind != "record_question":
        return
    record_id = values.get("record_id")
    record = None if record_id is None else session.get(AssessmentRecord, record_id)
    if record is None:
        raise InvalidInputError("a question needs the record it was asked in (record_id)")
    if record.method not in QUESTION_METHODS:
        raise InvalidInputError(
            f"questions belong to a questioning or professional discussion record, not to the "
            f"{record_ref(record)}"
        )
    check_unlocked(kind, record)


#: Columns that are bookkeeping, not what a record says.
_NOT_CONTENT = frozenset(
    {"id", "portfolio_id", "position", "locked_version", "created_at", "evidence_file_id"}
)

#: The lockable kinds: (model, key of the signed payload, the date field naming a row).
SIGNED_KINDS: tuple[tuple[type[Any], str, str], ...] = (
    (AssessmentRecord, "assessment_records", "held_on"),
    (PlanActivity, "assessment_plan", "planned_on"),
    (AssessmentReview, "reviews", "reviewed_on"),
)


def _content(row: Any, questions: Iterable[RecordQuestion] = ()) -> str:
    """A row's words and facts. A record's file is the learner's evidence, pinned by the
    submission's digest; deleting it in a later draft leaves the record as signed."""
    fields = {
        name: value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in (
            (column.key, getattr(row, column.key)) for column in row.__table__.columns
        )
        if name not in _NOT_CONTENT
    }
    if isinstance(row, AssessmentRecord):
        fields["questions"] = [
            {"question": q.question, "answer": q.answer, "outcome": q.outcome} for q in questions
        ]
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _entry(row: Any, date_field: str, content: str) -> dict[str, str]:
    day = getattr(row, date_field)
    entry = {
        date_field: day.isoformat() if day else "",
        "sha256": hashlib.sha256(content.encode("utf-8")).hexdigest(),
    }
    if hasattr(row, "method"):
        entry["method"] = row.method
    return entry


def signed_facts(session: Session, portfolio_id: int, version: int) -> dict[str, list[Any]]:
    """What a sign-off of ``version`` says about the assessment record it relied on: per
    record, plan activity and review locked to it, its date (and method) and the SHA-256 of
    its content (a record's questions included). By meaning, not row id, so a copy in a
    centre database verifies the same."""
    facts: dict[str, list[Any]] = {}
    for model, key, date_field in SIGNED_KINDS:
        rows = session.scalars(
            select(model)
            .where(model.portfolio_id == portfolio_id, model.locked_version == version)
            .order_by(model.position, model.id)
        ).all()
        entries = []
        for row in rows:
            questions = (
                session.scalars(
                    select(RecordQuestion)
                    .where(RecordQuestion.record_id == row.id)
                    .order_by(RecordQuestion.position, RecordQuestion.id)
                ).all()
                if model is AssessmentRecord
                else ()
            )
            entries.append(_entry(row, date_field, _content(row, questions)))
        facts[key] = sorted(entries, key=lambda e: tuple(sorted(e.items())))
    return facts


def lock(session: Session, portfolio_id: int, version: int) -> int:
    """Lock every unlocked record, plan activity and review to ``version``'s sign-off;
    returns how many."""
    count = 0
    for model, _key, _date in SIGNED_KINDS:
        rows = session.scalars(
            select(model).where(model.portfolio_id == portfolio_id, model.locked_version.is_(None))
        ).all()
        for row in rows:
            row.locked_version = version
        count += len(rows)
    session.flush()
    return count
