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
from app.models import AssessmentRecord, RecordQuestion
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
    """Refuse a change to a record that a signed decision relied on."""
    if kind in {"assessment_record", "record_question"} and record.locked_version is not None:
        raise DomainError(
            f"the {record_ref(record)} is part of the signed decision on version "
            f"{record.locked_version} and cannot change; add a new record instead"
        )


def check_learner_write(kind: str, values: dict[str, Any], record: Any) -> None:
    """A learner writes only witness testimonies, and only ones they recorded."""
    if kind != "assessment_record":
        raise DomainError(
            f"only an assessor can write a {kind.replace('_', ' ')}; "
            "a learner can answer a review's feedback"
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


def _content(record: AssessmentRecord, questions: Iterable[RecordQuestion]) -> str:
    """The record's words and facts. The file it points to is the learner's evidence, pinned
    by the submission's digest; deleting it in a later draft leaves the record as signed."""
    fields = {
        name: value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in (
            (column.key, getattr(record, column.key)) for column in record.__table__.columns
        )
        if name
        not in {
            "id",
            "portfolio_id",
            "position",
            "locked_version",
            "created_at",
            "evidence_file_id",
        }
    }
    fields["questions"] = [
        {"question": q.question, "answer": q.answer, "outcome": q.outcome} for q in questions
    ]
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def signed_records(session: Session, portfolio_id: int, version: int) -> list[dict[str, str]]:
    """What a sign-off of ``version`` says about the records it relied on: each record's
    method, date and the SHA-256 of its content (questions included), by meaning,
    not row id, so a copy in a centre database verifies the same."""
    rows = session.scalars(
        select(AssessmentRecord)
        .where(
            AssessmentRecord.portfolio_id == portfolio_id,
            AssessmentRecord.locked_version == version,
        )
        .order_by(AssessmentRecord.position, AssessmentRecord.id)
    ).all()
    result = []
    for record in rows:
        questions = session.scalars(
            select(RecordQuestion)
            .where(RecordQuestion.record_id == record.id)
            .order_by(RecordQuestion.position, RecordQuestion.id)
        ).all()
        content = _content(record, questions)
        result.append(
            {
                "method": record.method,
                "held_on": record.held_on.isoformat() if record.held_on else "",
                "sha256": hashlib.sha256(content.encode("utf-8")).hexdigest(),
            }
        )
    return sorted(result, key=lambda r: (r["held_on"], r["method"], r["sha256"]))


def lock(session: Session, portfolio_id: int, version: int) -> int:
    """Lock every unlocked record to ``version``'s sign-off; returns how many."""
    rows = session.scalars(
        select(AssessmentRecord).where(
            AssessmentRecord.portfolio_id == portfolio_id,
            AssessmentRecord.locked_version.is_(None),
        )
    ).all()
    for record in rows:
        record.locked_version = version
    session.flush()
    return len(rows)
