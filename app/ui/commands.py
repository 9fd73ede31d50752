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


class UpdateItemCommand(StoreCommand):
    """Change fields of an item; consecutive edits of the same field merge into one step."""

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
        super().__init__(store, notify, text)
        self.kind = kind
        self.item_id = item_id
        self.after = dict(fields)
        self.before: dict[str, Any] | None = None

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

    def apply(self) -> None:
        change = self.store.update_item(self.kind, self.item_id, **self.after)
        if self.before is None:
            self.before = change.before
        self.notify(change)

    def revert(self) -> None:
        assert self.before is not None
        self.notify(self.store.update_item(self.kind, self.item_id, **self.before))


class UpdateDetailsCommand(StoreCommand):
    def __init__(
        self, store: PortfolioStore, notify: Notify, fields: Mapping[str, Any], text: str
    ) -> None:
        super().__init__(store, notify, text)
        self.after = dict(fields)
        self.before: dict[str, Any] | None = None

    def apply(self) -> None:
        change = self.store.update_details(**self.after)
        if self.before is None:
            self.before = change.before
        self.notify(change)

    def revert(self) -> None:
        assert self.before is not None
        self.notify(self.store.update_details(**self.before))


class RelateCommand(StoreCommand):
    """Set which feedback supports a finding, or which findings an action addresses."""

    def __init__(
        self,
        store: PortfolioStore,
        notify: Notify,
        kind: str,
        item_id: int,
        related: Sequence[int],
        text: str,
    ) -> None:
        super().__init__(store, notify, text)
        self.kind = kind
        self.item_id = item_id
        self.after = list(related)
        self.before: list[int] | None = None

    def apply(self) -> None:
        change = self.store.set_related(self.kind, self.item_id, self.after)
        if self.before is None:
            self.before = list(change.before["ids"]) if change.before else []
        self.notify(change)

    def revert(self) -> None:
        assert self.before is not None
        self.notify(self.store.set_related(self.kind, self.item_id, self.before))


class MoveItemCommand(StoreCommand):
    def __init__(
        self, store: PortfolioStore, notify: Notify, kind: str, item_id: int, index: int, text: str
    ) -> None:
        super().__init__(store, notify, text)
        self.kind = kind
        self.item_id = item_id
        self.index = index
        self.old_index: int | None = None

    def apply(self) -> None:
        change = self.store.move_item(self.kind, self.item_id, self.index)
        if self.old_index is None and change.before:
            self.old_index = change.before["index"]
        self.notify(change)

    def revert(self) -> None:
        assert self.old_index is not None
        self.notify(self.store.move_item(self.kind, self.item_id, self.old_index))


class SignDeclarationCommand(StoreCommand):
    def __init__(
        self, store: PortfolioStore, notify: Notify, name: str, on: object, text: str
    ) -> None:
        super().__init__(store, notify, text)
        self.after = (name, on)
        self.before: tuple[str, object] | None = None

    def apply(self) -> None:
        change = self.store.sign_declaration(*self.after)  # type: ignore[arg-type]
        if self.before is None and change.before:
            self.before = (change.before["signed_name"], change.before["signed_on"])
        self.notify(change)

    def revert(self) -> None:
        assert self.before is not None
        self.notify(self.store.sign_declaration(*self.before))  # type: ignore[arg-type]


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
