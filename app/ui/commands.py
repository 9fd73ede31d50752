"""One QUndoCommand per store operation, so every edit can be undone and redone.

Commands call the store and hand the Change to the session, which refreshes the views; they
hold no rules of their own. The session that pushes a command becomes its ``host``: an edit
of fields is shown at once and written behind (``host.write_later``); every other operation
first waits for the writes still going on (``host.flush``), so the file sees them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from app.errors import FolioError
from app.store import Change, PortfolioStore

Notify = Callable[[Change], None]


class Host(Protocol):
    """What a command needs of the session that pushed it (see PortfolioSession)."""

    def flush(self) -> list[str]: ...

    def plan_update(
        self, kind: str, item_id: int, fields: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any]] | None: ...

    def write_later(
        self, command: StoreCommand, change: Change, work: Callable[[], Change], undoing: bool
    ) -> None: ...

    def merged(self, gone: StoreCommand, into: StoreCommand) -> None: ...


class StoreCommand(QUndoCommand):
    """Base: subclasses implement apply() and revert(); a refused edit marks the command
    obsolete, so QUndoStack.push drops it instead of recording a step that did nothing."""

    def __init__(self, store: PortfolioStore, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.notify = notify
        self.error: str | None = None
        #: The session that pushed it (None: run straight through the store).
        self.host: Host | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _after_earlier_writes(self) -> None:
        if self.host is not None:
            self.host.flush()

    def redo(self) -> None:
        self._after_earlier_writes()
        try:
            self.apply()
        except FolioError as error:
            self.error = error.message
            self.setObsolete(True)

    def undo(self) -> None:
        self._after_earlier_writes()
        try:
            self.revert()
        except FolioError as error:
            self.error = error.message


class CreateCommand(StoreCommand):
    """Create something; undo deletes it; redo puts it back under the same id, so later
    commands that refer to it stay valid."""

    kind = ""

    def __init__(self, store: PortfolioStore, notify: Notify, text: str) -> None:
        super().__init__(store, notify, text)
        self.item_id: int | None = None
        self.snapshot: dict[str, Any] | None = None

    def create(self) -> Change:
        raise NotImplementedError

    def apply(self) -> None:
        if self.snapshot is None:
            change = self.create()
            self.item_id = int(change.item_id)  # type: ignore[arg-type]
        else:
            change = self.store.restore_item(self.kind, self.snapshot)
        self.notify(change)

    def revert(self) -> None:
        assert self.item_id is not None
        change = self.store.delete_item(self.kind, self.item_id)
        self.snapshot = change.before
        self.notify(change)


class AddItemCommand(CreateCommand):
    def __init__(
        self, store: PortfolioStore, notify: Notify, kind: str, fields: Mapping[str, Any], text: str
    ) -> None:
        super().__init__(store, notify, text)
        self.kind = kind
        self.fields = dict(fields)

    def create(self) -> Change:
        return self.store.add_item(self.kind, **self.fields)


class DeleteItemCommand(StoreCommand):
    def __init__(
        self, store: PortfolioStore, notify: Notify, kind: str, item_id: int, text: str
    ) -> None:
        super().__init__(store, notify, text)
        self.kind = kind
        self.item_id = item_id
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        change = self.store.delete_item(self.kind, self.item_id)
        self.snapshot = change.before
        self.notify(change)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.notify(self.store.restore_item(self.kind, self.snapshot))


class SetCommand(StoreCommand):
    """Set a value through the store; the first run records the value it replaced (read
    from the returned Change), undo sets that back, redo sets the new value again."""

    def __init__(
        self,
        store: PortfolioStore,
        notify: Notify,
        text: str,
        setter: Callable[[Any], Change],
        value: Any,
        old_value: Callable[[Change], Any],
    ) -> None:
        super().__init__(store, notify, text)
        self.setter = setter
        self.after = value
        self.old_value = old_value
        self.before: Any = None
        self._recorded = False

    def apply(self) -> None:
        change = self.setter(self.after)
        if not self._recorded:
            self.before = self.old_value(change)
            self._recorded = True
        self.notify(change)

    def revert(self) -> None:
        assert self._recorded
        self.notify(self.setter(self.before))


class FieldsCommand(SetCommand):
    """Set fields of an item, or the portfolio's details (kind "portfolio"). With a host the
    new values are shown at once and written behind; what the host cannot show before the
    file has it (a field naming another item, a staff record) is written first, as any
    other command."""

    def __init__(
        self,
        store: PortfolioStore,
        notify: Notify,
        text: str,
        kind: str,
        item_id: int,
        setter: Callable[[Any], Change],
        fields: Mapping[str, Any],
    ) -> None:
        super().__init__(store, notify, text, setter, dict(fields), lambda change: change.before)
        self.kind = kind
        self.item_id = item_id

    def redo(self) -> None:
        if not self._later(self.after, undoing=False):
            super().redo()

    def undo(self) -> None:
        if not self._later(self.before, undoing=True):
            super().undo()

    def _later(self, values: dict[str, Any], undoing: bool) -> bool:
        """Hand the write to the host to show now and write behind; False: write it now."""
        if self.host is None:
            return False
        try:
            plan = self.host.plan_update(self.kind, self.item_id, values)
        except FolioError as error:  # refused as the store would refuse it
            self.error = error.message
            if not undoing:
                self.setObsolete(True)
            return True
        if plan is None:
            return False
        before, checked = plan
        if not self._recorded:
            self.before, self._recorded = before, True
        change = Change("update", self.kind, self.item_id, before, checked)
        self.host.write_later(self, change, lambda: self.setter(values), undoing)
        return True


class UpdateItemCommand(FieldsCommand):
    """Change fields of an item; consecutive edits of the same fields merge into one step."""

    MERGE_ID = 1001

    def __init__(
        self,
        store: PortfolioStore,
        notify: Notify,
        kind: str,
        item_id: int,
        fields: Mapping[str, Any],
        text: str,
    ) -> None:
        super().__init__(
            store,
            notify,
            text,
            kind,
            item_id,
            lambda values: store.update_item(kind, item_id, **values),
            fields,
        )

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, UpdateItemCommand)
            and other.kind == self.kind
            and other.item_id == self.item_id
            and set(other.after) == set(self.after)
        ):
            return False
        self.after = other.after
        if self.host is not None:
            self.host.merged(other, self)
        return True


def update_details(
    store: PortfolioStore, notify: Notify, fields: Mapping[str, Any], text: str
) -> SetCommand:
    return FieldsCommand(
        store,
        notify,
        text,
        "portfolio",
        store.portfolio_id,
        lambda values: store.update_details(**values),
        fields,
    )


def set_related(
    store: PortfolioStore,
    notify: Notify,
    kind: str,
    item_id: int,
    related: Sequence[int],
    text: str,
) -> SetCommand:
    """Which feedback supports a finding, or which findings an action addresses."""
    return SetCommand(
        store,
        notify,
        text,
        lambda ids: store.set_related(kind, item_id, ids),
        list(related),
        lambda change: list(change.before["ids"]) if change.before else [],
    )


def move_item(
    store: PortfolioStore, notify: Notify, kind: str, item_id: int, index: int, text: str
) -> SetCommand:
    return SetCommand(
        store,
        notify,
        text,
        lambda at: store.move_item(kind, item_id, at),
        index,
        lambda change: change.before["index"] if change.before else index,
    )


def sign_declaration(
    store: PortfolioStore, notify: Notify, name: str, on: object, text: str
) -> SetCommand:
    return SetCommand(
        store,
        notify,
        text,
        lambda signed: store.sign_declaration(*signed),
        (name, on),
        lambda change: (change.before["signed_name"], change.before["signed_on"]),
    )


def set_score(
    store: PortfolioStore,
    notify: Notify,
    option_id: int,
    criterion_id: int,
    score: object,
    text: str,
) -> SetCommand:
    """One cell of the decision matrix."""
    return SetCommand(
        store,
        notify,
        text,
        lambda value: store.set_score(option_id, criterion_id, value),
        score,
        lambda change: change.before["score"] if change.before else None,
    )


class AttachedFileCommand(CreateCommand):
    """An evidence file added by the import worker: the first run only records it;
    undo removes the entry (content stays until compaction), redo restores it."""

    kind = "evidence_file"

    def __init__(self, store: PortfolioStore, notify: Notify, change: Change, text: str) -> None:
        super().__init__(store, notify, text)
        self.done = change

    def create(self) -> Change:
        return self.done


class LinkEvidenceCommand(CreateCommand):
    kind = "evidence_link"

    def __init__(
        self,
        store: PortfolioStore,
        notify: Notify,
        marking_point_id: str,
        kind: str,
        item_id: int,
        justification: str,
        text: str,
    ) -> None:
        super().__init__(store, notify, text)
        self.args = (marking_point_id, kind, item_id, justification)

    def create(self) -> Change:
        return self.store.link_evidence(*self.args)
