"""The live document, brought up to date from each Change, equals a fresh load of the file."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.models import KINDS
from app.store import Change, PortfolioStore
from app.store.live import LiveDocument
from app.store.service import ITEM_RELATIONS, row_values
from tests.conftest import make_demo


def contents(document: Any) -> dict[str, Any]:
    """Everything a view, the checker or an export reads: every row of every collection in
    order, every held relationship as ids, the details, the declaration, the audit trail."""
    held: dict[str, Any] = {"portfolio": row_values(document)}
    held["declaration"] = row_values(document.declaration)
    held["audit"] = [entry.id for entry in document.audit_entries]
    for name, kind in KINDS.items():
        held[name] = [row_values(item) for item in getattr(document, kind.collection)]
    for model, relation in ITEM_RELATIONS:
        collection = next(k.collection for k in KINDS.values() if k.model is model)
        for item in getattr(document, collection):
            value = getattr(item, relation)
            held[f"{model.__name__}.{relation}.{item.id}"] = (
                [row_values(other) for other in value]
                if isinstance(value, list)
                else (None if value is None else row_values(value))
            )
    return held


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with tool items besides: scores, arrows between steps, a case."""
    store = make_demo(tmp_path_factory.mktemp("live"), "continuous-improvement")
    options = [store.add_item("decision_option", name=n).item_id for n in ("Kiosk", "Staff")]
    criteria = [
        store.add_item("decision_criterion", name=n, weight=w).item_id
        for n, w in (("Cost", 2), ("Speed", 1))
    ]
    for option in options:
        for score, criterion in enumerate(criteria, start=2):
            store.set_score(option, criterion, score)  # type: ignore[arg-type]
    lane = store.add_item("process_lane", role="Desk").item_id
    steps = [
        store.add_item("process_step", lane_id=lane, label=f"Step {n}").item_id for n in range(3)
    ]
    store.set_related("process_step", steps[0], steps[1:])  # type: ignore[arg-type]
    store.set_related("process_step", steps[2], steps[:1])  # type: ignore[arg-type]
    case = store.add_item("complaint_case", title="Lost parcel").item_id
    store.add_item("case_technique", case_id=case, technique="heat")
    store.close()
    return store.path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[PortfolioStore]:
    shutil.copy(template, tmp_path / "demo.folio")
    with PortfolioStore.open(tmp_path / "demo.folio") as store:
        yield store


def _first(store: PortfolioStore, collection: str) -> Any:
    return getattr(store.load(), collection)[0]


def _undo_delete(kind: str, pick: Callable[[PortfolioStore], Any]):  # type: ignore[no-untyped-def]
    def run(store: PortfolioStore) -> list[Change]:
        deleted = store.delete_item(kind, pick(store).id)
        return [deleted, store.restore_item(kind, deleted.before)]  # type: ignore[arg-type]

    return run


def _delete(kind: str, pick: Callable[[PortfolioStore], Any]):  # type: ignore[no-untyped-def]
    return lambda store: [store.delete_item(kind, pick(store).id)]


OPERATIONS: dict[str, Callable[[PortfolioStore], list[Change]]] = {
    "edit a field": lambda s: [
        s.update_item("feedback_item", _first(s, "feedback_items").id, text="Changed")
    ],
    "edit a reference": lambda s: [
        s.update_item("log_entry", _first(s, "log_entries").id, action_id=s.load().actions[-1].id)
    ],
    "move a legislation link to another finding": lambda s: [
        link := s.add_item(
            "legislation_link",
            entry_id="equality-act-2010",
            finding_id=_first(s, "findings").id,
        ),
        s.update_item("legislation_link", int(link.item_id), finding_id=s.load().findings[-1].id),  # type: ignore[arg-type]
    ],
    "add an item": lambda s: [s.add_item("feedback_item", source_type="survey", text="New")],
    "add a technique to a case": lambda s: [
        s.add_item("case_technique", case_id=_first(s, "cases").id, technique="heat")
    ],
    "delete a mapped, linked feedback item": _delete(
        "feedback_item", lambda s: s.load().findings[0].feedback_items[0]
    ),
    "undo that delete": _undo_delete(
        "feedback_item", lambda s: s.load().findings[0].feedback_items[0]
    ),
    "delete a finding": _delete("analysis_finding", lambda s: _first(s, "findings")),
    "undo a finding's delete": _undo_delete("analysis_finding", lambda s: _first(s, "findings")),
    "delete an action (log entries lose it)": _delete(
        "action_item", lambda s: _first(s, "actions")
    ),
    "undo an action's delete": _undo_delete("action_item", lambda s: _first(s, "actions")),
    "delete a criterion (scores go)": _delete(
        "decision_criterion", lambda s: _first(s, "criteria")
    ),
    "undo a criterion's delete": _undo_delete(
        "decision_criterion", lambda s: _first(s, "criteria")
    ),
    "delete a process step": _delete("process_step", lambda s: _first(s, "process_steps")),
    "undo a step's delete": _undo_delete("process_step", lambda s: _first(s, "process_steps")),
    "delete an evidence file": _delete("evidence_file", lambda s: _first(s, "evidence_files")),
    "undo a file's delete": _undo_delete("evidence_file", lambda s: _first(s, "evidence_files")),
    "move an item": lambda s: [s.move_item("feedback_item", _first(s, "feedback_items").id, 3)],
    "relate": lambda s: [
        s.set_related(
            "analysis_finding",
            _first(s, "findings").id,
            [item.id for item in s.load().feedback_items[-2:]],
        )
    ],
    "score, rescore, clear": lambda s: [
        s.set_score(_first(s, "options").id, _first(s, "criteria").id, 1),
        s.set_score(_first(s, "options").id, _first(s, "criteria").id, 4),
        s.set_score(_first(s, "options").id, _first(s, "criteria").id, None),
    ],
    "map evidence": lambda s: [
        s.link_evidence(
            s.unit().marking_points[0].id, "feedback_item", _first(s, "feedback_items").id, "Why"
        )
    ],
    "edit details": lambda s: [s.update_details(learner_name="Ada B", workplace="Depot")],
    "sign the declaration": lambda s: [s.sign_declaration("Ada B", "2026-01-05")],
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_applying_each_change_gives_the_document_a_fresh_load_gives(
    demo: PortfolioStore, name: str
) -> None:
    live = LiveDocument(demo)
    for change in OPERATIONS[name](demo):
        assert live.apply(change), f"{change} took a full reload"
    assert contents(live.document) == contents(demo.load())
    assert live.full_loads == 1


def test_a_change_it_cannot_apply_reloads_the_whole_document(demo: PortfolioStore) -> None:
    live = LiveDocument(demo)
    demo.update_details(workplace="Depot")
    assert not live.apply(None)
    assert live.full_loads == 2
    assert live.document.workplace == "Depot"


def test_the_live_document_never_writes(demo: PortfolioStore) -> None:
    live = LiveDocument(demo)
    live.document.feedback_items[0].text = "typed into the document, not the store"
    assert not live.apply(demo.update_details(workplace="Depot"))  # refused, so reloaded
    stored = demo.load().feedback_items[0].text
    assert stored != "typed into the document, not the store"
    assert live.document.feedback_items[0].text == stored


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_a_change_the_document_already_holds_is_applied_again_harmlessly(
    demo: PortfolioStore, name: str
) -> None:
    """The check worker may load the file after the window's first edits reached it, then be
    sent those edits too."""
    changes = OPERATIONS[name](demo)
    live = LiveDocument(demo)
    for change in changes:
        live.apply(change)
    assert contents(live.document) == contents(demo.load())


def _without_bookkeeping(held: dict[str, Any]) -> dict[str, Any]:
    portfolio = {name: v for name, v in held["portfolio"].items() if name != "updated_at"}
    return {**held, "portfolio": portfolio, "audit": None}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_the_check_workers_copy_is_the_document_but_for_its_bookkeeping(
    demo: PortfolioStore, name: str
) -> None:
    """Without bookkeeping (the check worker's copy) apply() reads what a change changed
    and leaves the audit trail and the time of last change as they were read."""
    live = LiveDocument(demo, bookkeeping=False)
    audit = [entry.id for entry in live.document.audit_entries]
    for change in OPERATIONS[name](demo):
        assert live.apply(change), f"{change} took a full reload"
    assert _without_bookkeeping(contents(live.document)) == _without_bookkeeping(
        contents(demo.load())
    )
    assert [entry.id for entry in live.document.audit_entries] == audit
    assert len(demo.load().audit_entries) > len(audit)
