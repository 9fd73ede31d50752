"""The document kept up to date from each Change, reading only the rows the change touched.

A full ``PortfolioStore.load()`` of a large portfolio takes a few hundred milliseconds; an
edit changes one row. LiveDocument holds the document in its own long-lived, read-only
session (its identity map is what keeps every reference to an item pointing at one object)
and applies each Change by re-reading that row, the relationships around it and the new
audit entries, in one short read transaction. What it cannot apply precisely (a workflow
step such as a submission, a Change it does not know) it answers with a full reload, so the
document is never wrong, only occasionally slower to bring up to date.

One LiveDocument belongs to one thread: the window's on the GUI thread, the check worker's in
its own process. Nothing here writes; a flush raises.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, with_parent
from sqlalchemy.orm.attributes import set_committed_value

from app.models import ITEM_MODELS, KINDS, AuditEntry, Base, Declaration, Portfolio
from app.store.service import ITEM_RELATIONS, Change, PortfolioStore, document_options

log = logging.getLogger("folio")

#: model -> the portfolio collection that holds its items
_COLLECTION = {ITEM_MODELS[name]: kind.collection for name, kind in KINDS.items()}
#: model -> the relationships of its items that the document holds
_RELATIONS: dict[type[Base], list[str]] = {}
for _model, _name in ITEM_RELATIONS:
    _RELATIONS.setdefault(_model, []).append(_name)
_TABLE_MODEL = {model.__table__.name: model for model in ITEM_MODELS.values()}  # type: ignore[attr-defined]


def _refuse_flush(*_args: object) -> None:
    raise RuntimeError("the live document is read-only; change the portfolio through the store")


class LiveDocument:
    """``document`` is the portfolio as the store holds it now; ``apply(change)`` keeps it so."""

    def __init__(self, store: PortfolioStore, bookkeeping: bool = True) -> None:
        """``bookkeeping``: whether apply() also reads what every write adds besides its
        values (the audit entries, the portfolio's time of last change); the check worker's
        copy does without, since the checker reads neither."""
        self.store = store
        self.bookkeeping = bookkeeping
        self.full_loads = 0
        self._session: Session | None = None
        self.document: Portfolio = self.reload()

    # -- whole document -----------------------------------------------------------------------

    def reload(self) -> Portfolio:
        """Read the whole document again (what a workflow step or an unknown Change needs)."""
        if self._session is not None:
            self._session.close()
        session = Session(self.store.engine, expire_on_commit=False, autoflush=False)
        event.listen(session, "before_flush", _refuse_flush)
        self._session = session
        self.document = session.scalars(
            select(Portfolio)
            .where(Portfolio.id == self.store.portfolio_id)
            .options(*document_options())
        ).one()
        session.commit()  # ends the read transaction; the objects stay loaded
        self.full_loads += 1
        return self.document

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    # -- one change ---------------------------------------------------------------------------

    def apply(self, change: Change | None) -> bool:
        """Bring the document up to date after ``change``; True when only the touched rows
        were read, False when it took a full reload."""
        if change is None or not self._knows(change):
            self.reload()
            return False
        session = self._session
        assert session is not None
        try:
            self._apply(session, change)
            if self.bookkeeping:
                self._audit_entries(session)
                session.refresh(self.document, ["updated_at"])
            session.commit()
        except LookupError:  # read after the file moved on (an add already undone): reload
            session.rollback()
            self.reload()
            return False
        except Exception:  # a Change applied wrongly must not leave a wrong document
            log.exception("could not apply %s; reloading the document", change)
            session.rollback()
            self.reload()
            return False
        return True

    def preview(self, change: Change) -> None:
        """Show an update of plain fields before the store has written it: the held item
        (or the portfolio) takes the new values, as apply() would read them once the write
        is done. The write's own bookkeeping follows with catch_up()."""
        if change.kind == "portfolio":
            target: Any = self.document
        else:
            target = self._find(ITEM_MODELS[change.kind], int(change.item_id))  # type: ignore[arg-type]
        for name, value in (change.after or {}).items():
            set_committed_value(target, name, value)

    def catch_up(self) -> None:
        """Read what the writes shown by preview() added besides their values: the audit
        entries and the portfolio's time of last change."""
        session = self._session
        assert session is not None
        try:
            self._audit_entries(session)
            session.refresh(self.document, ["updated_at"])
        finally:
            session.commit()

    def _knows(self, change: Change) -> bool:
        if change.kind in {"portfolio", "declaration"}:
            return change.action == "update"
        return change.kind in ITEM_MODELS and change.action in {
            "add",
            "update",
            "delete",
            "move",
            "relate",
            "score",
        }

    def _apply(self, session: Session, change: Change) -> None:
        if change.kind == "portfolio":
            session.refresh(self.document, list(change.after or {}))
            return
        if change.kind == "declaration":
            declaration = self.document.declaration
            assert isinstance(declaration, Declaration)
            session.refresh(declaration, list(change.after or {}))
            return
        model = ITEM_MODELS[change.kind]
        item_id = int(change.item_id)  # type: ignore[arg-type]
        if change.action == "update":
            item = self._find(model, item_id)
            session.refresh(item, list(change.after or {}))
            if any(self._is_reference(model, name) for name in change.after or {}):
                self._fill(session, item)
                self._owners_of(session, model)
        elif change.action == "add":
            self._add(session, model, item_id, change.extra.get("restored"))
        elif change.action == "delete":
            self._delete(model, item_id, change.before or {})
        elif change.action == "move":
            self._positions(session, model)
        elif change.action == "relate":
            self._fill(session, self._find(model, item_id))
        elif change.action == "score":
            option = self._find(model, item_id)
            for score in list(option.scores):
                session.expunge(score)
            self._fill(session, option)

    # -- pieces -------------------------------------------------------------------------------

    def _find(self, model: type[Base], item_id: int) -> Any:
        item = self._session.get(model, item_id)  # type: ignore[union-attr]
        # get() answers from the identity map; an item missing there is read (and filled)
        if item is None:
            raise LookupError(f"{model.__name__} #{item_id} is not in the portfolio")
        return item

    @staticmethod
    def _is_reference(model: type[Base], name: str) -> bool:
        column = inspect(model).columns.get(name)
        return column is not None and bool(column.foreign_keys)

    def _collection(self, model: type[Base]) -> list[Any]:
        return list(getattr(self.document, _COLLECTION[model]))

    def _set_collection(self, model: type[Base], items: Iterable[Any]) -> None:
        """Put a collection back in the order load() reads it in (its order_by, then id)."""
        name = _COLLECTION[model]
        keys = [column.key for column in getattr(Portfolio, name).property.order_by or ()]
        # once each: a change the document already holds (read after it) is applied again
        unique = list({id(item): item for item in items}.values())
        set_committed_value(
            self.document,
            name,
            sorted(unique, key=lambda item: (*(getattr(item, k) for k in keys), item.id)),
        )

    def _load_relation(self, session: Session, item: Any, name: str) -> None:
        """Read one relationship of one item again (the rows come from the identity map)."""
        attribute = getattr(type(item), name)
        prop = attribute.property
        target = prop.mapper.class_
        if not prop.uselist and all(
            getattr(item, column.key) is None for column in prop.local_columns
        ):
            set_committed_value(item, name, None)  # e.g. a mapping of an item, not a file
            return
        query = select(target).where(with_parent(item, attribute))
        if prop.order_by:
            query = query.order_by(*prop.order_by)
        related = list(session.scalars(query))
        for other in related:
            if type(other) in _RELATIONS and not self._filled(other):
                self._fill(session, other)
        set_committed_value(item, name, related if prop.uselist else (related or [None])[0])

    @staticmethod
    def _filled(item: Any) -> bool:
        unloaded = inspect(item).unloaded
        return not any(name in unloaded for name in _RELATIONS.get(type(item), []))

    def _fill(self, session: Session, item: Any) -> None:
        for name in _RELATIONS.get(type(item), []):
            self._load_relation(session, item, name)

    def _owners_of(self, session: Session, model: type[Base]) -> None:
        """Read again every held relationship that lists items of ``model`` (a reference
        changed, an item came or went)."""
        for owner, name in ITEM_RELATIONS:
            if getattr(owner, name).property.mapper.class_ is model:
                for item in self._collection(owner):
                    self._load_relation(session, item, name)

    def _relations_reading(self, session: Session, table: str) -> None:
        """Read again every held relationship whose rows live in ``table`` (a link table,
        decision scores) after rows there came or went."""
        for owner, name in ITEM_RELATIONS:
            prop = getattr(owner, name).property
            secondary = prop.secondary
            if (secondary is not None and secondary.name == table) or (
                prop.mapper.local_table.name == table
            ):
                for item in self._collection(owner):
                    self._load_relation(session, item, name)

    def _add(
        self, session: Session, model: type[Base], item_id: int, restored: dict[str, Any] | None
    ) -> None:
        item = self._find(model, item_id)
        self._fill(session, item)
        self._set_collection(model, [*self._collection(model), item])
        if restored is None:
            values = inspect(item).dict
            if any(
                values.get(column.key) is not None and column.foreign_keys
                for column in inspect(model).columns
                if column.key != "portfolio_id"
            ):
                self._owners_of(session, model)  # e.g. a technique joins its case's list
            return
        # an undone delete: the rows that went with it come back, and the references to it
        touched = {model}
        for table, rows in restored["children"]:
            child = _TABLE_MODEL.get(table)
            if child is None:  # a link table or scores: the relationships that read it
                self._relations_reading(session, table)
                continue
            found = [self._find(child, row["id"]) for row in rows]
            for other in found:
                self._fill(session, other)
            self._set_collection(child, [*self._collection(child), *found])
            touched.add(child)
        for table, column, referring in restored["references"]:
            referrer = _TABLE_MODEL.get(table)
            if referrer is not None:
                for row_id, _target in referring:
                    session.refresh(self._find(referrer, row_id), [column])
        for kind in touched:
            self._owners_of(session, kind)

    def _delete(self, model: type[Base], item_id: int, snapshot: dict[str, Any]) -> None:
        session = self._session
        assert session is not None
        gone: dict[type[Base], set[int]] = {model: {item_id}}
        for table, rows in snapshot.get("children", []):
            child = _TABLE_MODEL.get(table)
            if child is not None:
                gone.setdefault(child, set()).update(row["id"] for row in rows)
            else:
                self._relations_reading(session, table)
        removed = []
        for kind, ids in gone.items():
            keep = []
            for item in self._collection(kind):
                (removed if item.id in ids else keep).append(item)
            self._set_collection(kind, keep)
        dropped = {id(item) for item in removed}
        for owner in _RELATIONS:
            for item in self._collection(owner):
                for name in _RELATIONS[owner]:
                    value = getattr(item, name)
                    if isinstance(value, list):
                        if any(id(other) in dropped for other in value):
                            set_committed_value(
                                item, name, [o for o in value if id(o) not in dropped]
                            )
                    elif value is not None and id(value) in dropped:
                        set_committed_value(item, name, None)
        for table, column, referring in snapshot.get("references", []):
            referrer = _TABLE_MODEL.get(table)
            if referrer is not None:
                for row_id, _target in referring:
                    other = session.identity_map.get(
                        inspect(referrer).identity_key_from_primary_key([row_id])
                    )
                    if other is not None:
                        set_committed_value(other, column, None)
        for item in removed:
            session.expunge(item)

    def _positions(self, session: Session, model: type[Base]) -> None:
        """A move renumbers every item of the kind: read the positions, sort again."""
        positions = dict(
            session.execute(
                select(model.id, model.position).where(  # type: ignore[attr-defined]
                    model.portfolio_id == self.store.portfolio_id  # type: ignore[attr-defined]
                )
            ).all()
        )
        for item in self._collection(model):
            set_committed_value(item, "position", positions[item.id])
        self._set_collection(model, self._collection(model))
        for owner, name in ITEM_RELATIONS:
            prop = getattr(owner, name).property
            if prop.mapper.class_ is model and prop.uselist:
                for item in self._collection(owner):
                    set_committed_value(
                        item, name, sorted(getattr(item, name), key=lambda o: (o.position, o.id))
                    )

    def _audit_entries(self, session: Session) -> None:
        entries = list(self.document.audit_entries)
        last = entries[-1].id if entries else 0
        new = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.portfolio_id == self.store.portfolio_id, AuditEntry.id > last)
            .order_by(AuditEntry.id)
        ).all()
        if new:
            set_committed_value(self.document, "audit_entries", [*entries, *new])
