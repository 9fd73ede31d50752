"""One QUndoCommand per store operation, so every edit can be undone and redone.

Commands call the store and hand the Change to the session, which refreshes the views; they
hold no rules of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from app.errors import FolioError
from app.store import Change, PortfolioStore

Notify = Callable[[Change], None]


class StoreCommand(QUndoCommand):
    """Base: subclasses implement apply() and revert(); a refused edit marks the command
    obsolete, so QUndoStack.push drops it instead of recording a step that did nothing."""

    def __init__(self, store: PortfolioStore, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.notify = notify
        self.error: str | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.apply()
        except FolioError as error:
            self.error = error.message
            self.setObsolete(True)

    def undo(self) -> None:
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


class UpdateItemCommand(SetCommand):
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
            lambda values: store.update_item(kind, item_id, **values),
            dict(fields),
            lambda change: change.before,
        )
        self.kind = kind
        self.item_id = item_id

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
        return True


def update_details(
    store: PortfolioStore, notify: Notify, fields: Mapping[str, Any], text: str
) -> SetCommand:
    return SetCommand(
        store,
        notify,
        text,
        lambda values: store.update_details(**values),
        dict(fields),
        lambda change: change.before,
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
