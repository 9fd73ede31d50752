"""PortfolioStore: an open .folio file and every change that can be made to it.

Each public method is one operation: a short session, one commit, an audit entry, and a
returned Change that says what happened (and holds what is needed to undo it).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Engine, Table, delete, func, insert, inspect, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload

from app.catalogue import Unit, load_catalogue, validate_unit_document
from app.errors import DomainError, FolioFileError, InvalidInputError
from app.models import (
    DEFAULT_DECLARATION,
    ITEM_MODELS,
    KINDS,
    LINK_TARGETS,
    ActionItem,
    AnalysisFinding,
    AuditEntry,
    Base,
    ComplaintCase,
    DecisionOption,
    DecisionScore,
    Declaration,
    EvidenceBlob,
    EvidenceFile,
    EvidenceLink,
    Portfolio,
    ProcessStep,
    Submission,
    UnitSnapshot,
    utc_now,
)
from app.store import evidence_io, staff_records
from app.store.assessment_records import AssessmentRecords
from app.store.audit_chain import entry_hash
from app.store.database import engine_for, new_file, open_file
from app.store.fields import check_out_of, coerce_fields

#: Portfolio detail fields a person edits (the rest is the store's own bookkeeping).
DETAIL_FIELDS = (
    "qualification_title",
    "learner_name",
    "candidate_number",
    "registration_number",
    "centre_name",
    "centre_number",
    "assessor_name",
    "workplace",
    "employer_contact",
    "started_on",
    "submission_due_on",
    "submitted_on",
    "evaluation_narrative",
)

#: Many-to-many link tables (every column a foreign key). The first column is the owning
#: side: a finding owns the feedback it is based on, an action the findings it addresses, a
#: process step the steps that follow it.
_LINK_TABLES = tuple(
    table
    for table in Base.metadata.sorted_tables
    if all(column.foreign_keys for column in table.columns)
)


def _referring(table: Table) -> list[tuple[Table, str, str | None]]:
    """(table, column, on delete) for every column elsewhere that refers to ``table``'s rows,
    except the portfolio's own bookkeeping."""
    return [
        (other, key.parent.name, key.ondelete)
        for other in Base.metadata.sorted_tables
        for key in other.foreign_keys
        if key.column.table is table and other.name != "audit_entry"
    ]


def _owned_link(kind: str) -> tuple[Any, str, str, str] | None:
    """(table, own column, other column, other kind) for the links ``kind`` owns."""
    for table in _LINK_TABLES:
        own, other = list(table.columns)
        if next(iter(own.foreign_keys)).column.table.name == kind:
            return table, own.name, other.name, next(iter(other.foreign_keys)).column.table.name
    return None


#: The document model's object graph beyond the portfolio's own collections: the
#: relationships of items that load() fills (and app.store.live keeps up to date).
ITEM_RELATIONS: tuple[tuple[type[Base], str], ...] = (
    (AnalysisFinding, "feedback_items"),
    (AnalysisFinding, "legislation_links"),
    (ActionItem, "findings"),
    (ActionItem, "legislation_links"),
    (EvidenceLink, "evidence_file"),
    (ProcessStep, "next_steps"),
    (DecisionOption, "scores"),
    (ComplaintCase, "techniques"),
)
#: The portfolio's relationships load() fills besides the item collections.
PORTFOLIO_RELATIONS = (
    "declaration",
    "unit_snapshot",
    "audit_entries",
    "submissions",
    "assessments",
    "decisions",
    "signatures",
    "certificates",
    "iqa_reports",
)


def document_options() -> list[Any]:
    """Loader options for the whole document: every relationship it holds, eagerly."""
    collections = {kind.collection for kind in KINDS.values()}
    item_collection = {
        model: kind.collection for name, kind in KINDS.items() for model in [ITEM_MODELS[name]]
    }
    return [
        *(selectinload(getattr(Portfolio, name)) for name in PORTFOLIO_RELATIONS),
        *(selectinload(getattr(Portfolio, name)) for name in sorted(collections)),
        *(
            selectinload(getattr(Portfolio, item_collection[model])).selectinload(
                getattr(model, relation)
            )
            for model, relation in ITEM_RELATIONS
        ),
    ]


@dataclass(frozen=True)
class Change:
    """What one operation did: enough to refresh a view and to undo it."""

    action: str
    kind: str
    item_id: int | str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def row_values(obj: Base) -> dict[str, Any]:
    """Column values of an ORM object, by attribute name."""
    return {column.key: getattr(obj, column.key) for column in inspect(type(obj)).columns}


def _json_detail(values: Mapping[str, Any]) -> str:
    def short(value: Any) -> Any:
        if isinstance(value, str) and len(value) > 200:
            return value[:200] + "…"
        if isinstance(value, dt.date | dt.datetime):
            return value.isoformat()
        return value

    return json.dumps({k: short(v) for k, v in values.items()}, ensure_ascii=False, default=str)


def _database_problem(path: Path, error: OperationalError) -> str:
    detail = str(error.orig).lower()
    if "locked" in detail or "busy" in detail:
        return (
            f"'{path.name}' is busy in another program (perhaps another Folio); the change "
            "was not saved. Close it there and try again."
        )
    if "readonly" in detail or "read-only" in detail:
        return f"'{path.name}' cannot be written (it is read-only); the change was not saved."
    if "disk" in detail and "full" in detail:
        return f"The disk holding '{path.name}' is full; the change was not saved."
    return f"'{path.name}' could not be read or written ({str(error.orig).splitlines()[0]})."


def _chained_entry(previous_hash: str, **values: Any) -> AuditEntry:
    at = utc_now()
    return AuditEntry(
        at=at,
        previous_hash=previous_hash,
        entry_hash=entry_hash(
            previous_hash,
            at,
            values["actor"],
            values["action"],
            values["target"],
            values["detail"],
        ),
        **values,
    )


class PortfolioStore(AssessmentRecords):
    """The one way to read and change a .folio file."""

    def __init__(
        self, path: Path, engine: Engine, actor: str = "learner", portfolio_id: int | None = None
    ) -> None:
        """``portfolio_id`` picks one portfolio in a centre database; a .folio holds one."""
        self.path = path
        self.engine = engine
        self.actor = actor
        #: Things the person opening the file should be told (an interrupted save undone).
        self.notes: list[str] = []
        self._unit: Unit | None = None
        if portfolio_id is None:
            with self._session() as session:
                portfolio_id = session.scalar(select(Portfolio.id).order_by(Portfolio.id).limit(1))
        if portfolio_id is None:
            raise DomainError(f"'{path.name}' holds no portfolio")
        self.portfolio_id: int = portfolio_id

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, actor: str = "learner") -> PortfolioStore:
        path = Path(path)
        engine, note = open_file(path)
        store = cls(path, engine, actor)
        if note:
            store.notes.append(note)
            logging.getLogger("folio").warning(note)
        return store

    @classmethod
    def create(
        cls,
        path: Path | str,
        unit: Unit,
        learner_name: str,
        actor: str = "learner",
        **details: Any,
    ) -> PortfolioStore:
        """Create a new portfolio file for ``unit``; refuses to overwrite anything."""
        path = Path(path)
        if not learner_name.strip():
            raise InvalidInputError("the learner's name is required")
        values = coerce_fields("portfolio", Portfolio, {"learner_name": learner_name, **details})
        values.setdefault("qualification_title", unit.qualification)
        with new_file(path) as engine, Session(engine) as session, session.begin():
            portfolio = Portfolio(unit_id=unit.id, **values)
            portfolio.declaration = Declaration(statement=DEFAULT_DECLARATION)
            portfolio.unit_snapshot = UnitSnapshot(
                unit_id=unit.id,
                definition_json=json.dumps(unit.document, ensure_ascii=False, sort_keys=True),
            )
            session.add(portfolio)
            session.flush()
            session.add(
                _chained_entry(
                    "",
                    portfolio_id=portfolio.id,
                    actor=actor,
                    action="create",
                    target=f"portfolio:{portfolio.id}",
                    detail=_json_detail({"unit_id": unit.id, "learner_name": learner_name}),
                )
            )
        return cls(path, engine_for(path), actor)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> PortfolioStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """A short session; a file another program holds or that cannot be written becomes
        a FolioFileError with a message a person can act on."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except OperationalError as error:
            raise FolioFileError(_database_problem(self.path, error)) from error

    @property
    def role(self) -> str:
        """'assessor' or 'iqa' when the file was opened as staff (actor 'assessor: Name',
        'iqa: Name'), else 'learner'."""
        for role in ("assessor", "iqa"):
            if self.actor.startswith(role):
                return role
        return "learner"

    @contextmanager
    def _change(self, guard: str = "learner") -> Iterator[Session]:
        """A session for one write; the caller adds its audit entry before it commits.

        ``guard`` says whose record the write touches: "learner" (portfolio content: refused
        to staff, and while the current version is submitted), "assessor" (judgements and
        decisions: refused to anyone else), "staff" (reopening, countersigning: an assessor
        or IQA), or "none" (bookkeeping).
        """
        with self._session() as session, session.begin():
            self._check_guard(session, guard)
            yield session
            session.execute(
                Portfolio.__table__.update()
                .where(Portfolio.id == self.portfolio_id)
                .values(updated_at=utc_now())
            )

    def _check_guard(self, session: Session, guard: str) -> None:
        if guard == "none":
            return
        if guard == "assessor":
            if self.role != "assessor":
                raise DomainError("only an assessor can record judgements and sign-off")
            return
        if guard == "staff":
            if self.role == "learner":
                raise DomainError("only an assessor or IQA can do this")
            return
        if guard == "record":
            if self.role == "assessor":
                return
            if self.role == "iqa":
                raise DomainError("an IQA can read but not change the assessor's records")
        if self.role != "learner":
            who = "an IQA" if self.role == "iqa" else "an assessor"
            raise DomainError(f"{who} can read but not change the learner's work")
        status, version = session.execute(
            select(Portfolio.status, Portfolio.draft_version).where(
                Portfolio.id == self.portfolio_id
            )
        ).one()
        if status == "submitted":
            raise DomainError(
                f"version {version} is submitted and read-only; start a new draft "
                "(folio new-draft) to keep working"
            )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads (verification must leave the file as it is)."""
        with self._session() as session:
            yield session

    @contextmanager
    def transaction(self, guard: str) -> Iterator[Session]:
        """A guarded write for workflows built on the store (submission, assessment)."""
        with self._change(guard) as session:
            yield session

    def audit(self, session: Session, action: str, target: str, detail: Mapping[str, Any]) -> None:
        self._audit(session, action, target, detail)

    def _audit(self, session: Session, action: str, target: str, detail: Mapping[str, Any]) -> None:
        """Append an entry to the audit trail's hash chain."""
        previous = session.scalar(
            select(AuditEntry.entry_hash)
            .where(AuditEntry.portfolio_id == self.portfolio_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        session.add(
            _chained_entry(
                previous or "",
                portfolio_id=self.portfolio_id,
                actor=self.actor,
                action=action,
                target=target,
                detail=_json_detail(detail),
            )
        )
        session.flush()

    # -- reading ------------------------------------------------------------------------------

    def load(self) -> Portfolio:
        """The whole portfolio as one detached object graph: the document model.

        The checker, the exporters and the GUI all read this; relationships are loaded
        eagerly and any attempt at lazy loading raises, so no view ever issues hidden SQL.
        """
        with self._session() as session:
            portfolio = session.scalars(
                select(Portfolio)
                .where(Portfolio.id == self.portfolio_id)
                .options(*document_options())
            ).one()
        return portfolio

    def unit(self) -> Unit:
        """The portfolio's unit: from this machine's catalogue, else the copy in the file.

        Read once per open store (a portfolio's unit never changes), not on every mapping.
        """
        if self._unit is None:
            self._unit = self._read_unit()
        return self._unit

    def _read_unit(self) -> Unit:
        with self._session() as session:
            unit_id = session.scalar(
                select(Portfolio.unit_id).where(Portfolio.id == self.portfolio_id)
            )
            snapshot = session.scalar(
                select(UnitSnapshot.definition_json).where(
                    UnitSnapshot.portfolio_id == self.portfolio_id
                )
            )
        catalogue = load_catalogue()
        if unit_id in catalogue.units:
            return catalogue.units[unit_id]
        if snapshot is None:
            raise DomainError(f"the unit '{unit_id}' is unknown and the file carries no copy")
        return validate_unit_document(json.loads(snapshot), f"unit copy in '{self.path.name}'")

    def counts(self) -> dict[str, int]:
        """Number of items per stage, plus evidence bytes."""
        result: dict[str, int] = {}
        with self._session() as session:
            for kind, model in ITEM_MODELS.items():
                result[kind] = (
                    session.scalar(
                        select(func.count())
                        .select_from(model)
                        .where(
                            model.portfolio_id == self.portfolio_id  # type: ignore[attr-defined]
                        )
                    )
                    or 0
                )
            result["evidence_bytes"] = (
                session.scalar(
                    select(func.coalesce(func.sum(EvidenceFile.size), 0)).where(
                        EvidenceFile.portfolio_id == self.portfolio_id
                    )
                )
                or 0
            )
        return result

    # -- portfolio details and declaration ----------------------------------------------------

    def checked_details(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The values update_details(**fields) writes, refused as it refuses them; reads
        nothing from the file, so a window can show them before the write is done."""
        unknown = set(fields) - set(DETAIL_FIELDS)
        if unknown:
            raise InvalidInputError(
                f"portfolio has no editable field {', '.join(sorted(unknown))} "
                f"(fields: {', '.join(DETAIL_FIELDS)})"
            )
        values = coerce_fields("portfolio", Portfolio, fields)
        if "learner_name" in values and not values["learner_name"].strip():
            raise InvalidInputError("the learner's name is required")
        return values

    def update_details(self, **fields: Any) -> Change:
        values = self.checked_details(fields)
        with self._change() as session:
            portfolio = session.get_one(Portfolio, self.portfolio_id)
            before = {name: getattr(portfolio, name) for name in values}
            for name, value in values.items():
                setattr(portfolio, name, value)
            self._audit(session, "update", f"portfolio:{self.portfolio_id}", values)
        return Change("update", "portfolio", self.portfolio_id, before, values)

    def sign_declaration(self, signed_name: str, signed_on: dt.date | str | None) -> Change:
        values = coerce_fields(
            "declaration", Declaration, {"signed_name": signed_name, "signed_on": signed_on}
        )
        with self._change() as session:
            declaration = session.scalars(
                select(Declaration).where(Declaration.portfolio_id == self.portfolio_id)
            ).one()
            before = {"signed_name": declaration.signed_name, "signed_on": declaration.signed_on}
            declaration.signed_name = values["signed_name"]
            declaration.signed_on = values["signed_on"]
            self._audit(session, "sign", "declaration", values)
        return Change("update", "declaration", declaration.id, before, values)

    def respond_to_review(
        self,
        review_id: int,
        response: str,
        accepts: bool,
        signed_name: str,
        signed_on: dt.date | str | None = None,
    ) -> Change:
        """The learner's answer to a review's feedback, signed with their typed name. Allowed
        while a version is submitted: answering feedback does not change the work."""
        if self.role != "learner":
            raise DomainError("only the learner answers a review's feedback")
        values = coerce_fields(
            "assessment_review",
            ITEM_MODELS["assessment_review"],
            {
                "learner_response": response,
                "learner_accepts": accepts,
                "learner_signed_name": signed_name,
                "learner_signed_on": signed_on or dt.date.today(),
            },
        )
        if not values["learner_signed_name"].strip():
            raise InvalidInputError("type your name to sign your answer to the review")
        if not values["learner_accepts"] and not values["learner_response"].strip():
            raise InvalidInputError("say why, when you do not accept the feedback")
        with self._change("none") as session:
            review = self._get(session, "assessment_review", review_id)
            staff_records.check_unlocked("assessment_review", review)
            before = {name: getattr(review, name) for name in values}
            for name, value in values.items():
                setattr(review, name, value)
            self._audit(session, "respond", f"assessment_review:{review_id}", values)
        return Change("update", "assessment_review", review_id, before, values)

    # -- stage items --------------------------------------------------------------------------

    @staticmethod
    def _model(kind: str) -> type[Base]:
        try:
            return ITEM_MODELS[kind]
        except KeyError:
            raise InvalidInputError(
                f"unknown item kind '{kind}' (kinds: {', '.join(ITEM_MODELS)})"
            ) from None

    def _get(self, session: Session, kind: str, item_id: int) -> Any:
        item = session.get(self._model(kind), item_id)
        if item is None or item.portfolio_id != self.portfolio_id:
            raise DomainError(f"there is no {kind.replace('_', ' ')} #{item_id}")
        return item

    def _check_references(
        self, session: Session, model: type[Base], values: Mapping[str, Any]
    ) -> None:
        """A reference to another item must name an item of this portfolio."""
        for column in inspect(model).columns:
            if column.key in values and values[column.key] is not None and column.foreign_keys:
                target = next(iter(column.foreign_keys)).column.table.name
                if target in ITEM_MODELS:
                    self._get(session, target, values[column.key])

    def _guard(self, kind: str) -> str:
        """The guard of a write to ``kind``: the learner's work, or the assessment record."""
        return "record" if KINDS[kind].owner == "assessor" else "learner"

    def _prepare(self, kind: str, values: dict[str, Any], item: Any = None) -> None:
        """Kind-specific rules of the assessment record, checked before a write: who may
        write which record, signed records stay as signed, marking points are the unit's."""
        if "marking_points" in values:
            values["marking_points"] = self.marking_point_list(values["marking_points"])
        if KINDS[kind].owner != "assessor":
            return
        if item is not None:
            staff_records.check_unlocked(kind, item)
        if self.role == "assessor":
            staff_records.check_review_fields(kind, values)
            if kind == "assessment_record" and item is None:
                values.setdefault("recorded_by", "assessor")
                if not values.get("assessor_name"):
                    values["assessor_name"] = self._staff_name(None)
            return
        if self.role == "iqa":
            raise DomainError("an IQA can read but not change the assessor's records")
        staff_records.check_learner_write(kind, values, item)
        if kind == "assessment_record":
            values["recorded_by"] = "learner"

    def marking_point_list(self, value: Any) -> str:
        """'mp1, MP3' or full ids -> 'MP1, MP3', in the unit's order; anything else refused."""
        return staff_records.marking_point_list(self.unit(), value)

    def add_item(self, kind: str, **fields: Any) -> Change:
        """Add a stage item at the end of its list."""
        if kind in {"evidence_file", "evidence_link"}:
            raise InvalidInputError(f"use attach_file/link_evidence to add a {kind}")
        model = self._model(kind)
        values = coerce_fields(kind, model, fields)
        self._prepare(kind, values)
        with self._change(self._guard(kind)) as session:
            self._check_references(session, model, values)
            staff_records.check_parent(session, kind, values)
            position = session.scalar(
                select(func.coalesce(func.max(model.position), -1)).where(  # type: ignore[attr-defined]
                    model.portfolio_id == self.portfolio_id  # type: ignore[attr-defined]
                )
            )
            item = model(portfolio_id=self.portfolio_id, position=position + 1, **values)
            session.add(item)
            session.flush()
            self._audit(session, "add", f"{kind}:{item.id}", values)
            after = row_values(item)
        return Change("add", kind, item.id, None, after)

    def checked_update(
        self, kind: str, current: Mapping[str, Any], fields: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """The values update_item(kind, id, **fields) writes over an item that holds
        ``current``, refused as update_item refuses them, without reading the file: what a
        window shows at once while the write goes on behind it. None when only the file can
        tell: a field naming another item, an assessment record, a writer who is staff."""
        model = self._model(kind)
        if KINDS[kind].owner == "assessor" or self.role != "learner":
            return None
        values = coerce_fields(kind, model, fields)
        if any(column.key in values and column.foreign_keys for column in inspect(model).columns):
            return None
        self._prepare(kind, values)  # the learner's items: marking points in the unit's order
        check_out_of(kind, {**current, **values}, values)
        return values

    def update_item(self, kind: str, item_id: int, **fields: Any) -> Change:
        model = self._model(kind)
        values = coerce_fields(kind, model, fields)
        with self._change(self._guard(kind)) as session:
            item = self._get(session, kind, item_id)
            self._prepare(kind, values, staff_records.owning_record(session, kind, item))
            if kind == "assessment_record" and "recorded_by" in values:
                values.pop("recorded_by")  # who wrote a record does not change
            check_out_of(kind, {**row_values(item), **values}, values)
            self._check_references(session, model, values)
            before = {name: getattr(item, name) for name in values}
            for name, value in values.items():
                setattr(item, name, value)
            self._audit(session, "update", f"{kind}:{item_id}", values)
        return Change("update", kind, item_id, before, values)

    def delete_item(self, kind: str, item_id: int) -> Change:
        """Delete an item; the Change holds a snapshot that restore_item() puts back."""
        with self._change(self._guard(kind)) as session:
            item = self._get(session, kind, item_id)
            self._prepare(kind, {}, staff_records.owning_record(session, kind, item))
            snapshot = self._snapshot(session, kind, item)
            session.delete(item)
            self._audit(session, "delete", f"{kind}:{item_id}", {})
        return Change("delete", kind, item_id, snapshot, None)

    def dependents(self, kind: str, item_id: int) -> dict[str, int]:
        """What deleting an item would take with it or unlink, without deleting it: table
        name -> rows (evidence_link rows are its mappings to marking points)."""
        with self.reading() as session:
            snapshot = self._snapshot(session, kind, self._get(session, kind, item_id))
        counts: dict[str, int] = {}
        for table, rows in snapshot["children"]:
            counts[table] = counts.get(table, 0) + len(rows)
        for table, _column, referring in snapshot["references"]:
            counts[table] = counts.get(table, 0) + len(referring)
        return counts

    def _snapshot(self, session: Session, kind: str, item: Any) -> dict[str, Any]:
        """The item's row, every row deleted with it (links, scores, techniques …, parents
        before children), and the references that deleting it will clear."""
        snapshot: dict[str, Any] = {"row": row_values(item), "children": [], "references": []}
        self._capture(session, self._model(kind).__table__, [item.id], snapshot)
        return snapshot

    def _capture(
        self, session: Session, table: Table, ids: list[Any], snapshot: dict[str, Any]
    ) -> None:
        seen = {
            (name, tuple(row[c.name] for c in Base.metadata.tables[name].primary_key))
            for name, rows in snapshot["children"]
            for row in rows
        }
        for other, column, ondelete in _referring(table):
            condition = other.c[column].in_(ids)
            if ondelete == "CASCADE":
                keys = [c.name for c in other.primary_key]
                rows = [
                    dict(row)
                    for row in session.execute(select(other).where(condition)).mappings()
                    if (other.name, tuple(row[k] for k in keys)) not in seen
                ]
                if rows:
                    snapshot["children"].append((other.name, rows))
                    if "id" in other.c:
                        self._capture(session, other, [row["id"] for row in rows], snapshot)
            elif ondelete == "SET NULL":
                referring = [
                    tuple(row)
                    for row in session.execute(select(other.c.id, other.c[column]).where(condition))
                ]
                if referring:
                    snapshot["references"].append((other.name, column, referring))

    def restore_item(self, kind: str, snapshot: Mapping[str, Any]) -> Change:
        """Put back an item removed by delete_item, under its old id, with everything that
        went with it and the references to it."""
        model = self._model(kind)
        tables = Base.metadata.tables
        with self._change(self._guard(kind)) as session:
            session.execute(insert(model), [snapshot["row"]])
            for table_name, rows in snapshot["children"]:
                session.execute(insert(tables[table_name]), rows)
            for table_name, column, referring in snapshot["references"]:
                table = tables[table_name]
                for row_id, target in referring:
                    session.execute(
                        update(table).where(table.c.id == row_id).values({column: target})
                    )
            self._audit(session, "restore", f"{kind}:{snapshot['row']['id']}", {})
        return Change(
            "add", kind, snapshot["row"]["id"], None, dict(snapshot["row"]), {"restored": snapshot}
        )

    def move_item(self, kind: str, item_id: int, new_index: int) -> Change:
        """Move an item to ``new_index`` within its list, renumbering the others."""
        model = self._model(kind)
        with self._change(self._guard(kind)) as session:
            self._prepare(
                kind,
                {},
                staff_records.owning_record(session, kind, self._get(session, kind, item_id)),
            )
            items = list(
                session.scalars(
                    select(model)
                    .where(model.portfolio_id == self.portfolio_id)  # type: ignore[attr-defined]
                    .order_by(model.position, model.id)  # type: ignore[attr-defined]
                )
            )
            old_index = next(i for i, it in enumerate(items) if it.id == item_id)
            moved = items.pop(old_index)
            new_index = max(0, min(new_index, len(items)))
            items.insert(new_index, moved)
            for position, item in enumerate(items):
                item.position = position
            self._audit(session, "move", f"{kind}:{item_id}", {"to": new_index})
        return Change("move", kind, item_id, {"index": old_index}, {"index": new_index})

    def set_related(self, kind: str, item_id: int, related_ids: Sequence[int]) -> Change:
        """Set which feedback supports a finding, or which findings an action addresses."""
        link = _owned_link(kind)
        if link is None:
            raise InvalidInputError(f"{kind} has no related items to set")
        table, own_column, other_column, other_kind = link
        with self._change() as session:
            self._get(session, kind, item_id)
            for related_id in related_ids:
                self._get(session, other_kind, related_id)
            before = list(
                session.scalars(select(table.c[other_column]).where(table.c[own_column] == item_id))
            )
            session.execute(delete(table).where(table.c[own_column] == item_id))
            unique_ids = list(dict.fromkeys(related_ids))
            if unique_ids:
                session.execute(
                    insert(table),
                    [{own_column: item_id, other_column: rid} for rid in unique_ids],
                )
            self._audit(session, "relate", f"{kind}:{item_id}", {other_kind: unique_ids})
        return Change("relate", kind, item_id, {"ids": before}, {"ids": unique_ids})

    # -- decision matrix scores ---------------------------------------------------------------

    def set_score(self, option_id: int, criterion_id: int, score: float | str | None) -> Change:
        """Score an option against a criterion (0 to 5); None or "" clears the score."""
        value = None
        if score is not None and score != "":
            value = coerce_fields("decision_score", DecisionScore, {"score": score})["score"]
        with self._change() as session:
            self._get(session, "decision_option", option_id)
            self._get(session, "decision_criterion", criterion_id)
            row = session.get(DecisionScore, (option_id, criterion_id))
            before = None if row is None else row.score
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    DecisionScore(option_id=option_id, criterion_id=criterion_id, score=value)
                )
            else:
                row.score = value
            self._audit(
                session,
                "score",
                f"decision_option:{option_id}",
                {"criterion": criterion_id, "score": value},
            )
        key = {"option_id": option_id, "criterion_id": criterion_id}
        return Change(
            "score", "decision_option", option_id, {**key, "score": before}, {**key, "score": value}
        )

    # -- evidence -----------------------------------------------------------------------------

    def attach_file(self, source: Path | str, **fields: Any) -> Change:
        """Copy a file into the portfolio as evidence; identical content is stored once."""
        source = Path(source)
        sha256, size, head = evidence_io.hash_file(source)
        values = coerce_fields("evidence_file", EvidenceFile, fields)
        values.setdefault("original_name", evidence_io.clean_display_name(source.name))
        values.setdefault("media_type", evidence_io.sniff_media_type(source, head))
        with self._change() as session:
            twin = session.scalars(
                select(EvidenceFile).where(
                    EvidenceFile.portfolio_id == self.portfolio_id,
                    EvidenceFile.blob_sha256 == sha256,
                )
            ).first()
            if twin is not None:
                ref = self._evidence_ref(session, twin)
                raise DomainError(
                    f"'{values['original_name']}' is the same file as evidence {ref} "
                    f"'{twin.original_name}', already in the portfolio; it was not added again"
                )
            if session.get(EvidenceBlob, sha256) is None:
                if self.engine.dialect.name == "sqlite":
                    raw: sqlite3.Connection = session.connection().connection.driver_connection
                    evidence_io.write_blob(raw, source, sha256, size)
                else:
                    session.add(EvidenceBlob(sha256=sha256, size=size, data=source.read_bytes()))
            position = session.scalar(
                select(func.coalesce(func.max(EvidenceFile.position), -1)).where(
                    EvidenceFile.portfolio_id == self.portfolio_id
                )
            )
            item = EvidenceFile(
                portfolio_id=self.portfolio_id,
                position=position + 1,
                blob_sha256=sha256,
                size=size,
                **values,
            )
            session.add(item)
            session.flush()
            self._audit(
                session,
                "attach",
                f"evidence_file:{item.id}",
                {"name": item.original_name, "sha256": sha256, "size": size},
            )
            after = row_values(item)
        return Change("add", "evidence_file", item.id, None, after)

    def _evidence_ref(self, session: Session, item: EvidenceFile) -> str:
        """E1, E2 … as the exports and the evidence page number the files."""
        ids = session.scalars(
            select(EvidenceFile.id)
            .where(EvidenceFile.portfolio_id == self.portfolio_id)
            .order_by(EvidenceFile.position, EvidenceFile.id)
        ).all()
        return f"E{list(ids).index(item.id) + 1}"

    def file_size(self) -> int:
        """The .folio's size on disk: what an email would carry."""
        return self.path.stat().st_size if self.path.exists() else 0

    @contextmanager
    def evidence_chunks(self, file_id: int) -> Iterator[Iterator[bytes]]:
        """The content of an evidence file, as chunks read straight from the portfolio."""
        with self._session() as session:
            item = self._get(session, "evidence_file", file_id)
            sha256 = item.blob_sha256
        with self.content_chunks(sha256) as chunks:
            yield chunks

    @contextmanager
    def content_chunks(self, sha256: str) -> Iterator[Iterator[bytes]]:
        """Stored content by its SHA-256, in chunks: streamed from a .folio with SQLite's
        blob I/O; read as one value from a centre database."""
        with self._session() as session:
            if self.engine.dialect.name == "sqlite":
                raw: sqlite3.Connection = session.connection().connection.driver_connection
                yield evidence_io.iter_blob(raw, sha256)
                return
            data = session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha256))
            if data is None:
                raise InvalidInputError(f"evidence content {sha256[:12]} is missing")
            yield iter([bytes(data)])

    @contextmanager
    def open_content(self, sha256: str) -> Iterator[BinaryIO]:
        """Stored content by its SHA-256 as a read-only file to seek in (pictures, PDF and
        Word files are read that way): SQLite's blob handle in a .folio, so nothing is
        copied; the one value, in memory, from a centre database."""
        with self._session() as session:
            if self.engine.dialect.name == "sqlite":
                raw: sqlite3.Connection = session.connection().connection.driver_connection
                with evidence_io.open_blob(raw, sha256) as blob:
                    yield blob
                return
            data = session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha256))
            if data is None:
                raise InvalidInputError(f"evidence content {sha256[:12]} is missing")
            yield io.BytesIO(bytes(data))

    def read_content(self, sha256: str) -> bytes:
        """Stored content by its SHA-256 (for exports, which refer to content, not files)."""
        with self.content_chunks(sha256) as chunks:
            return b"".join(chunks)

    def read_evidence(self, file_id: int) -> bytes:
        with self.evidence_chunks(file_id) as chunks:
            return b"".join(chunks)

    def save_evidence_as(self, file_id: int, target: BinaryIO) -> int:
        with self.evidence_chunks(file_id) as chunks:
            return evidence_io.copy_stream(chunks, target)

    def link_evidence(
        self, marking_point_id: str, target_kind: str, target_id: int, justification: str = ""
    ) -> Change:
        """Map an evidence file or stage item to a marking point of the portfolio's unit."""
        unit = self.unit()
        if marking_point_id not in {point.id for point in unit.marking_points}:
            raise InvalidInputError(
                f"'{marking_point_id}' is not a marking point of the unit '{unit.id}' "
                f"(points: {', '.join(p.id for p in unit.marking_points)})"
            )
        column = LINK_TARGETS.get(target_kind)
        if column is None:
            raise InvalidInputError(
                f"cannot map a '{target_kind}' (mappable: {', '.join(LINK_TARGETS)})"
            )
        values = coerce_fields("evidence_link", EvidenceLink, {"justification": justification})
        with self._change() as session:
            self._get(session, target_kind, target_id)
            link = EvidenceLink(
                portfolio_id=self.portfolio_id,
                marking_point_id=marking_point_id,
                **{column: target_id},
                **values,
            )
            session.add(link)
            session.flush()
            self._audit(
                session,
                "map",
                f"evidence_link:{link.id}",
                {"marking_point": marking_point_id, "target": f"{target_kind}:{target_id}"},
            )
            after = row_values(link)
        return Change("add", "evidence_link", link.id, None, after)

    def drop_unused_blobs(self) -> int:
        """Remove stored content no evidence file refers to any more, keeping what a
        submitted version holds (its snapshot names it); returns how many."""
        with self._change() as session:
            used = select(EvidenceFile.blob_sha256)
            submitted = {
                blob["sha256"]
                for text in session.scalars(
                    select(Submission.snapshot_json).where(
                        Submission.portfolio_id == self.portfolio_id
                    )
                )
                for blob in json.loads(text).get("evidence_blob", [])
            }
            result = session.execute(
                delete(EvidenceBlob).where(
                    EvidenceBlob.sha256.not_in(used), EvidenceBlob.sha256.not_in(submitted)
                )
            )
            count = result.rowcount or 0
            if count:
                self._audit(session, "compact", "evidence_blob", {"removed": count})
        return count
