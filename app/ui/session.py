"""The open portfolio as the GUI sees it: the store, the undo stack, the latest document and
check result, and the signals that tell every view what changed.

An edit never reloads the world: the store's Change is applied to the live document (only the
rows it touched are read again), views are told what changed, and the check runs in the
check worker; ``checked`` brings its verdict when it is ready. An edit of fields does not
even wait for the file: the live document and the views show the new values at once, the
store writes them on its writer thread (app.store.writer), in order, and the check is asked
for when the write is done. A write the store refuses is reported and the view goes back to
the stored value. Whatever else touches the file (adding, deleting, submitting, exporting,
closing) first waits for the writes still going on: ``flush()``. Every change bumps
``version``; a verdict is shown only when it is newer than the one on screen, so a slow
check never overwrites a later one. What must act on a verdict that is up to date (submit,
sign-off, export, preview) asks ``current_result()``, which checks now if the latest verdict
is behind the document.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import isValid

from app.catalogue import Unit
from app.checker import CheckResult
from app.errors import DomainError
from app.models import KINDS, Portfolio
from app.store import Change, PortfolioStore
from app.store.live import LiveDocument
from app.store.service import row_values
from app.store.writer import StoreWriter
from app.ui import commands
from app.ui.translations import noun

if TYPE_CHECKING:
    from cryptography import x509

    from app.trust.keystore import KeyStore, Signer
    from app.workflow.verification import VerifyReport


@dataclass
class _Behind:
    """An edit shown before the file has it: its command, what it changed, its version."""

    command: commands.StoreCommand
    change: Change
    version: int
    undoing: bool


class PortfolioSession(QObject):
    """Every edit goes through here as an undoable command; views listen to the signals."""

    #: The document is up to date after a change (Portfolio, Change; None: anything may have
    #: changed, refresh everything).
    documentChanged = Signal(object, object)
    #: A newer check result is available (CheckResult); see ``result_is_current``.
    checked = Signal(object)
    #: An operation failed with a message for the user (str).
    failed = Signal(str)
    #: Evidence import: (file number, of how many, name), then finished.
    importProgress = Signal(int, int, str)
    importFinished = Signal()
    #: A write finished on the writer's thread (delivered on the GUI thread).
    _written = Signal()

    def __init__(
        self, store: PortfolioStore, parent: QObject | None = None, keys: KeyStore | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._keys = keys
        self._verified: VerifyReport | None = None
        self.undo_stack = QUndoStack(self)
        self.unit: Unit = store.unit()
        self.live = LiveDocument(store)
        self.document: Portfolio = self.live.document
        #: Bumped by every change; ``checked_version`` is the version ``result`` is for.
        #: The document as opened is version 1, and its first verdict comes from the check
        #: worker: the window shows before it (``result`` is None until then).
        self.version = 1
        self.checked_version = 0
        self.result: CheckResult | None = None
        #: Who checked the verdict on screen: the worker's process id, or this process's.
        self.checked_by = os.getpid()
        from app.ui.checking import CheckClient

        self.checker = CheckClient(store.path, store.portfolio_id, self, check=self.version)
        self.checker.resultReady.connect(self._result_arrived)
        self.checker.failed.connect(self._worker_failed)
        if not self.checker.available:
            self._check_now()
        self._importers: list[QObject] = []
        self.writes = StoreWriter(self._written.emit)
        self._written.connect(self._take_writes)
        #: Edits shown and not yet written, oldest first.
        self._behind: deque[_Behind] = deque()
        #: Edits were written since the document last read the file's bookkeeping.
        self._settle = False
        self._pushing = False
        #: The message of the last refused operation, for the view that asked for it.
        self.last_error = ""
        self.failed.connect(self._remember_failure)

    def _remember_failure(self, message: str) -> None:
        self.last_error = message

    @classmethod
    def open(
        cls, path: Path, parent: QObject | None = None, actor: str = "learner"
    ) -> PortfolioSession:
        return cls(PortfolioStore.open(path, actor=actor), parent)

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.flush()
        self.checker.close()
        self.live.close()
        self.store.close()

    # -- refreshing ---------------------------------------------------------------------------

    def _after(self, change: Change | None) -> None:
        """Apply what changed to the document, tell the views, and have it checked."""
        self.live.apply(change)
        self._changed(change)
        if not self.checker.submit(self.version, change):
            self._check_now()

    def _changed(self, change: Change | None) -> None:
        self.version += 1
        self.document = self.live.document
        self._verified = None
        self.documentChanged.emit(self.document, change)

    # -- writing behind -----------------------------------------------------------------------

    def plan_update(
        self, kind: str, item_id: int, fields: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(the values the fields hold now, the values to write) for an edit that can be shown
        before it is written; None when it must be written first. A value the store would
        refuse raises as the store would (see PortfolioStore.checked_update)."""
        if self.read_only:
            return None  # the store refuses it, in its own words
        if kind == "portfolio":
            target: Any = self.document
            values: dict[str, Any] | None = self.store.checked_details(fields)
        else:
            target = self.item(kind, item_id)
            if target is None:
                return None
            values = self.store.checked_update(kind, row_values(target), fields)
        if values is None:
            return None
        return {name: getattr(target, name) for name in values}, values

    def write_later(
        self,
        command: commands.StoreCommand,
        change: Change,
        work: Callable[[], Change],
        undoing: bool,
    ) -> None:
        """Show ``change`` now and have the store write it (``work``) after the writes
        before it; the check is asked for when it is written."""
        self.live.preview(change)
        self._changed(change)
        self._behind.append(_Behind(command, change, self.version, undoing))
        self.writes.submit(work)

    def merged(self, gone: commands.StoreCommand, into: commands.StoreCommand) -> None:
        """An undo step merged into the one before it: its writes now belong to that one."""
        for behind in self._behind:
            if behind.command is gone:
                behind.command = into

    def flush(self) -> list[str]:
        """Wait for the writes still going on and take in what they did; the messages of
        the ones refused. What acts on the file as it is (adding, submitting, exporting,
        closing) comes after this, so it sees every edit shown."""
        refused = []
        if self._behind:
            self.writes.wait()
            refused = self._take_writes()
        if self._settle:
            self.live.catch_up()  # the audit entries of the writes (what the audit trail lists)
            self._settle = False
        return refused

    def _take_writes(self) -> list[str]:
        """On the GUI thread, after writes finished: confirm them or undo what they showed."""
        finished = self.writes.take()
        if not finished:
            return []
        if any(done.error for done in finished) and self.writes.unfinished:
            # the rest first: what the file holds is read back once, when it is settled
            self.writes.wait()
            finished += self.writes.take()
        refused: list[str] = []
        for done in finished:
            behind = self._behind.popleft()
            if done.error is None:
                self._written_as_shown(behind, done.value)
            else:
                refused.append(done.error)
                self._refused(behind, done.error)
        self._settle = True  # read when something needs the audit trail: see flush()
        return refused

    def _written_as_shown(self, behind: _Behind, change: Change) -> None:
        if change.after != behind.change.after:  # the store wrote something else: read it
            self.live.apply(change)
            self._changed(change)
            behind.version = self.version
        if not self.checker.submit(behind.version, change):
            self._check_now()

    def _refused(self, behind: _Behind, message: str) -> None:
        """The view goes back to what the file holds, and the undo step goes with it."""
        shown = behind.change
        fields = dict.fromkeys(shown.after or {})
        self.live.apply(Change("update", shown.kind, shown.item_id, None, fields))
        if shown.kind == "portfolio":
            target: Any = self.document
        else:
            target = self.item(shown.kind, int(shown.item_id))  # type: ignore[arg-type]
        stored = {name: getattr(target, name) for name in fields}
        self._forget(behind, stored)
        self.failed.emit(message)
        change = Change(
            "update", shown.kind, shown.item_id, shown.after, stored, {"refused": message}
        )
        self._changed(change)
        if not self.checker.submit(self.version, change):
            self._check_now()

    def _forget(self, behind: _Behind, stored: dict[str, Any]) -> None:
        """A refused write leaves its undo step holding what the file holds: a step that
        changed nothing is dropped (at once when it is the last one)."""
        command = behind.command
        if behind.undoing or not isValid(command) or not isinstance(command, commands.SetCommand):
            return
        if stored != command.before:
            command.after = stored
            return
        command.setObsolete(True)  # QUndoStack drops an obsolete step instead of undoing it
        stack = self.undo_stack
        if not self._pushing and stack.index() > 0 and stack.command(stack.index() - 1) is command:
            stack.undo()

    def refresh(self) -> None:
        self._after(None)

    @property
    def result_is_current(self) -> bool:
        """The verdict on screen is for the document as it is now."""
        return self.checked_version == self.version

    def current_result(self) -> CheckResult:
        """A verdict for the document as it is now: the latest, or one checked now (what
        submitting, signing off and exporting act on)."""
        self.flush()
        if not self.result_is_current:
            self._check_now()
        assert self.result is not None
        return self.result

    def _check_now(self) -> None:
        from app.checker import check  # the worker checks; this is the fallback

        self._show(self.version, check(self.document, self.unit, dt.date.today()), os.getpid())

    def _show(self, version: int, result: CheckResult, pid: int) -> None:
        if version <= self.checked_version:
            return  # not newer than the verdict on screen
        self.result, self.checked_version, self.checked_by = result, version, pid
        self.checked.emit(result)

    def _result_arrived(self, version: int, result: CheckResult, pid: int) -> None:
        self._show(version, result, pid)

    def _worker_failed(self, version: int, message: str) -> None:
        import logging

        logging.getLogger("folio").warning("checking in the window: %s", message)
        if not self.result_is_current:
            self._check_now()

    def _push(self, command: commands.StoreCommand) -> bool:
        """Run a command through the undo stack; a refused edit is reported and dropped."""
        command.host = self
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        if command.error is not None:
            self.failed.emit(command.error)
            return False
        return True

    # -- operations ---------------------------------------------------------------------------

    def add_item(self, kind: str, **fields: Any) -> int | None:
        command = commands.AddItemCommand(
            self.store, self._after, kind, fields, self.tr("Add {0}").format(noun(kind))
        )
        return command.item_id if self._push(command) else None

    def update_item(self, kind: str, item_id: int, **fields: Any) -> bool:
        label = ", ".join(name.replace("_", " ") for name in fields)
        return self._push(
            commands.UpdateItemCommand(
                self.store,
                self._after,
                kind,
                item_id,
                fields,
                self.tr("Edit {0} {1}").format(noun(kind), label),
            )
        )

    def delete_item(self, kind: str, item_id: int) -> bool:
        return self._push(
            commands.DeleteItemCommand(
                self.store, self._after, kind, item_id, self.tr("Delete {0}").format(noun(kind))
            )
        )

    def dependents(self, kind: str, item_id: int) -> dict[str, int]:
        """What deleting the item would take with it or unlink (see PortfolioStore)."""
        self.flush()
        return self.store.dependents(kind, item_id)

    def update_details(self, **fields: Any) -> bool:
        label = ", ".join(name.replace("_", " ") for name in fields)
        return self._push(
            commands.update_details(
                self.store, self._after, fields, self.tr("Edit {0}").format(label)
            )
        )

    def set_related(self, kind: str, item_id: int, related: Sequence[int]) -> bool:
        return self._push(
            commands.set_related(
                self.store, self._after, kind, item_id, related, self.tr("Change links")
            )
        )

    def move_item(self, kind: str, item_id: int, index: int) -> bool:
        return self._push(
            commands.move_item(
                self.store,
                self._after,
                kind,
                item_id,
                index,
                self.tr("Move {0}").format(noun(kind)),
            )
        )

    def set_score(self, option_id: int, criterion_id: int, score: object) -> bool:
        return self._push(
            commands.set_score(
                self.store, self._after, option_id, criterion_id, score, self.tr("Score an option")
            )
        )

    def sign_declaration(self, name: str, on: object) -> bool:
        return self._push(
            commands.sign_declaration(
                self.store, self._after, name, on, self.tr("Sign the declaration")
            )
        )

    def attach_files(self, paths: Sequence[Path]) -> None:
        """Add files as evidence on a worker thread (its own connection to the file); each
        becomes one undoable step when it is in."""
        from app.errors import FolioError
        from app.ui.background import start_task

        portfolio, files = self.path, list(paths)

        def work(report) -> tuple[list[Change], list[str]]:  # type: ignore[no-untyped-def]
            changes, problems = [], []
            with PortfolioStore.open(portfolio) as store:
                for index, path in enumerate(files, start=1):
                    report(index, len(files), path.name)
                    try:
                        changes.append(store.attach_file(path))
                    except FolioError as error:
                        problems.append(error.message)
            return changes, problems

        task = start_task(self, work)
        task.progress.connect(self.importProgress)
        task.done.connect(self._attached)
        task.failed.connect(self.failed)
        task.failed.connect(self.importFinished)
        self._importers.append(task)

    def _attached(self, outcome: tuple[list[Change], list[str]]) -> None:
        changes, problems = outcome
        for change in changes:
            name = (change.after or {}).get("original_name", "file")
            self._push(
                commands.AttachedFileCommand(
                    self.store, self._after, change, self.tr("Add {0}").format(name)
                )
            )
        for problem in problems:
            self.failed.emit(problem)
        self.importFinished.emit()

    def link_evidence(
        self, marking_point_id: str, kind: str, item_id: int, justification: str
    ) -> bool:
        return self._push(
            commands.LinkEvidenceCommand(
                self.store,
                self._after,
                marking_point_id,
                kind,
                item_id,
                justification,
                self.tr("Map to {0}").format(marking_point_id.rsplit(".", 1)[-1]),
            )
        )

    def export_evidence_copy(self, file_id: int, name: str) -> Path:
        """A copy of an evidence file in a private temporary folder, to open in its viewer."""
        import tempfile

        from app.store.evidence_io import safe_file_name

        folder = Path(tempfile.mkdtemp(prefix="folio-open-"))
        target = folder / safe_file_name(name)
        with target.open("wb") as handle:
            self.store.save_evidence_as(file_id, handle)
        return target

    def refusal(self, kind: str, item: Any = None) -> str | None:
        """Why this user cannot change ``item`` (or, with no item, add one of ``kind``); None
        when they can. Asks the store's own rules of the assessment record, so a page shows
        read-only exactly what the store would refuse."""
        from app.store import staff_records

        role = self.store.role
        submitted = self.document.status == "submitted"
        if KINDS[kind].owner != "assessor":
            if role != "learner":
                return self.tr("the learner's work is read-only to staff")
            return self.tr("this version is submitted and read-only") if submitted else None
        if role == "iqa":
            return self.tr("an IQA can read but not change the assessor's records")
        record = item
        if kind == "record_question" and item is not None:
            record = self.item("assessment_record", item.record_id)
        try:
            if record is not None and kind in {"assessment_record", "record_question"}:
                staff_records.check_unlocked(kind, record)
            if role == "learner":
                staff_records.check_learner_write(
                    kind, {"method": "witness_testimony"} if record is None else {}, record
                )
                if submitted:
                    return self.tr(
                        "version {0} is submitted; start a new draft to add or change a witness "
                        "testimony"
                    ).format(self.document.draft_version)
        except DomainError as error:
            return error.message
        return None

    def respond_to_review(
        self, review_id: int, response: str, accepts: bool, signed_name: str
    ) -> bool:
        """The learner's signed answer to a review (a record: not undoable)."""
        from app.errors import FolioError

        self.flush()
        try:
            self.store.respond_to_review(review_id, response, accepts, signed_name)
        except FolioError as error:
            self.failed.emit(error.message)
            return False
        self._after(None)
        return True

    @property
    def read_only(self) -> bool:
        """The learner's work cannot be changed: submitted, or opened as an assessor."""
        return self.document.status == "submitted" or self.store.role != "learner"

    def submit(self, name: str, on: object, incomplete_reason: str = "") -> None:
        """Freeze this version (not undoable: a submission is a record)."""
        from app.workflow.submission import submit

        self.flush()
        submit(self.store, name, self.current_result(), on, incomplete_reason)  # type: ignore[arg-type]
        self.undo_stack.clear()
        self._after(None)

    def start_new_draft(self) -> int:
        from app.workflow.submission import start_new_draft

        self.flush()
        version = start_new_draft(self.store)
        self._after(None)
        return version

    def assess(self, judgements: Mapping[str, tuple[str, str]]) -> None:
        """Record each changed judgement (marking point id -> (judgement, feedback))."""
        from app.workflow.submission import assess

        self.flush()
        current = self.document.current_submission
        recorded = {
            point: (a.judgement, a.feedback)
            for point, a in (self.document.judgements_for(current) if current else {}).items()
        }
        for point_id, (judgement, feedback) in judgements.items():
            if judgement and recorded.get(point_id) != (judgement, feedback):
                assess(self.store, point_id, judgement, feedback)
        self._after(None)

    # -- staff keys and signed records --------------------------------------------------------

    @property
    def keys(self) -> KeyStore:
        """This machine's staff keys and trusted centres, opened when first needed (with
        cryptography, which a learner's window does not otherwise load)."""
        if self._keys is None:
            from app.trust.keystore import KeyStore

            self._keys = KeyStore()
        return self._keys

    @property
    def staff_name(self) -> str:
        return self.store.actor.split(":", 1)[-1].strip() if ":" in self.store.actor else ""

    def staff_certificate(self) -> x509.Certificate | None:
        """This user's staff certificate on this machine, if they have a key."""
        if self.store.role == "learner":
            return None
        return self.keys.key_for(self.staff_name, self.store.role)

    def signer_label(self) -> str:
        from app.trust import pki

        certificate = self.staff_certificate()
        return pki.identity(certificate).describe() if certificate is not None else ""

    def unlock(self, passphrase: str) -> Signer:
        """This user's staff key, unlocked (for signing a PDF export)."""
        return self._signer(passphrase)

    def _signer(self, passphrase: str) -> Signer:
        certificate = self.staff_certificate()
        if certificate is None:
            raise DomainError(
                self.tr(
                    "no staff key for {0} on this machine; judgements can be recorded, but "
                    "signing needs a key from your centre"
                ).format(self.staff_name or self.tr("you"))
            )
        return self.keys.unlock(certificate, passphrase)

    def sign_off(self, decision: str, action_points: str, passphrase: str) -> None:
        from app.workflow.submission import sign_off

        self.flush()
        sign_off(self.store, decision, action_points, self._signer(passphrase))
        self._after(None)

    def reopen(self, reason: str, passphrase: str) -> None:
        from app.workflow.submission import reopen

        self.flush()
        signer = self._signer(passphrase) if self.staff_certificate() is not None else None
        reopen(self.store, reason, signer)
        self._after(None)

    def countersign(self, comment: str, passphrase: str) -> None:
        from app.workflow.submission import countersign

        self.flush()
        countersign(self.store, comment, self._signer(passphrase))
        self._after(None)

    def iqa_report(
        self, agrees: bool, comments: str, action_points: str, reason: str, passphrase: str
    ) -> None:
        from app.workflow.submission import iqa_report

        self.flush()
        iqa_report(self.store, agrees, comments, action_points, reason, self._signer(passphrase))
        self._after(None)

    def verification(self) -> VerifyReport:
        """What verify says of the open file (kept until the next change)."""
        if self._verified is None:
            from app.workflow.verification import verify

            self.flush()
            self._verified = verify(self.store, self.keys)
        return self._verified

    def item(self, kind: str, item_id: int) -> Any:
        for item in getattr(self.document, KINDS[kind].collection):
            if item.id == item_id:
                return item
        return None

    def values(self, kind: str, item_id: int) -> Mapping[str, Any]:
        from app.store.service import row_values

        item = self.item(kind, item_id)
        return row_values(item) if item is not None else {}
