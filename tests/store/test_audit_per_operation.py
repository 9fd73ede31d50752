"""Every operation of the store leaves exactly one audit entry (who, what, on which item), the
audit chain still verifies afterwards, and a refused operation leaves nothing behind.

The cases are enumerated against the class itself: a new public method that changes a
portfolio fails ``test_every_mutating_method_is_covered`` until it is given a case here.
"""

from __future__ import annotations

import datetime as dt
import inspect as pyinspect
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

from app.checker import check
from app.errors import DomainError, InvalidInputError
from app.models import KINDS, AuditEntry
from app.store import Change, PortfolioStore
from app.store.fields import vocabulary
from app.workflow import submission
from app.workflow.verification import verify
from tests.conftest import UNIT_IDS, Centre, make_demo

ASSESSOR = "assessor: Daniel Okafor"
IQA = "iqa: Grace Mensah"

#: Public names of PortfolioStore that read, open or close, or are hooks for workflows that
#: audit for themselves: none of them is an operation with an audit entry of its own.
NOT_OPERATIONS = {
    "open": "opens a file",
    "create": "creates a file (its 'create' entry is checked below)",
    "close": "closes the engine",
    "role": "a property",
    "reading": "a read-only session",
    "transaction": "a guarded session for workflows, which add their own entry",
    "audit": "the hook those workflows add their entry with",
    "audit_head": "reads the audit trail's head",
    "load": "reads the document model",
    "unit": "reads the unit",
    "counts": "reads counts",
    "dependents": "reads what a delete would take with it",
    "evidence_chunks": "reads content",
    "content_chunks": "reads content",
    "read_content": "reads content",
    "open_content": "reads content",
    "file_size": "reads the file's size",
    "read_evidence": "reads content",
    "save_evidence_as": "copies content out",
    "marking_point_list": "normalises a value",
    "checked_update": "checks an item's new values without writing them",
    "checked_details": "checks new portfolio details without writing them",
}

#: Kind -> the demo unit whose portfolio holds items of it (to copy a valid item from).
_LEARNER_KINDS = {
    name: next(
        unit_id
        for unit_id, kinds in {
            "continuous-improvement": {
                "feedback_item",
                "analysis_finding",
                "action_item",
                "log_entry",
                "metric",
                "metric_reading",
                "rater_score",
            },
            "journey-review": {"journey_touchpoint", "legislation_link"},
            "process-reengineering": {
                "process_lane",
                "process_step",
                "decision_option",
                "decision_criterion",
            },
            "strategic-service": {"complaint_case", "case_technique"},
        }.items()
        if name in kinds
    )
    for name, kind in KINDS.items()
    if kind.owner == "learner" and name not in {"evidence_file", "evidence_link"}
}


@dataclass
class Case:
    store: PortfolioStore
    run: Callable[[], Any]
    #: (action, target) of each entry expected; target may depend on the Change returned.
    expected: Callable[[Any], list[tuple[str, str]]]
    keys: Any = None


def _entries(store: PortfolioStore) -> list[AuditEntry]:
    with store.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.portfolio_id == store.portfolio_id)
                .order_by(AuditEntry.id)
            )
        )


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


def _copy_fields(item: Any) -> dict[str, Any]:
    """The editable values of an existing item, to add another like it."""
    skip = {"id", "portfolio_id", "position", "created_at"}
    return {c.key: getattr(item, c.key) for c in inspect(type(item)).columns if c.key not in skip}


def _first(store: PortfolioStore, kind: str) -> Any:
    return getattr(store.load(), KINDS[kind].collection)[0]


def _target(kind: str) -> Callable[[Change], list[tuple[str, str]]]:
    return lambda change: [(_ACTION[change.action], f"{kind}:{change.item_id}")]


_ACTION = {"add": "add", "update": "update", "delete": "delete", "move": "move"}


def _submitted(tmp_path: Path, unit_id: str = "continuous-improvement") -> Path:
    with make_demo(tmp_path, unit_id) as store:
        submission.submit(store, store.load().learner_name, check(store.load(), store.unit()))
        return store.path


def _judged(tmp_path: Path) -> Path:
    path = _submitted(tmp_path)
    with PortfolioStore.open(path, actor=ASSESSOR) as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "Seen in the portfolio.")
    return path


def _signed_off(tmp_path: Path, centre: Centre) -> Path:
    path = _judged(tmp_path)
    with PortfolioStore.open(path, actor=ASSESSOR) as store:
        submission.sign_off(store, "competent", "", centre.assessor, dt.date(2026, 11, 30))
    return path


# -- the cases: one per operation (and per kind of item) --------------------------------------


def _add(kind: str) -> Callable[[Path, Centre], Case]:
    def build(tmp_path: Path, centre: Centre) -> Case:
        store = make_demo(tmp_path, _LEARNER_KINDS[kind])
        fields = _copy_fields(_first(store, kind))
        return Case(store, lambda: store.add_item(kind, **fields), _target(kind))

    return build


def _update(kind: str) -> Callable[[Path, Centre], Case]:
    def build(tmp_path: Path, centre: Centre) -> Case:
        store = make_demo(tmp_path, _LEARNER_KINDS[kind])
        item = _first(store, kind)
        name = next(
            c.key
            for c in inspect(type(item)).columns
            if isinstance(getattr(item, c.key), str)
            and vocabulary(kind, c.key) is None
            and not c.foreign_keys
        )
        new = getattr(item, name) + " (revised)"
        return Case(store, lambda: store.update_item(kind, item.id, **{name: new}), _target(kind))

    return build


def _delete(kind: str) -> Callable[[Path, Centre], Case]:
    def build(tmp_path: Path, centre: Centre) -> Case:
        store = make_demo(tmp_path, _LEARNER_KINDS[kind])
        item = _first(store, kind)
        return Case(store, lambda: store.delete_item(kind, item.id), _target(kind))

    return build


def _restore(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    finding = store.load().findings[0]
    removed = store.delete_item("analysis_finding", finding.id)
    return Case(
        store,
        lambda: store.restore_item("analysis_finding", removed.before or {}),
        lambda c: [("restore", f"analysis_finding:{finding.id}")],
    )


def _move(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    item = store.load().feedback_items[0]
    return Case(
        store,
        lambda: store.move_item("feedback_item", item.id, 3),
        lambda c: [("move", f"feedback_item:{item.id}")],
    )


def _relate(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    portfolio = store.load()
    finding, feedback = portfolio.findings[0], portfolio.feedback_items
    return Case(
        store,
        lambda: store.set_related("analysis_finding", finding.id, [feedback[0].id, feedback[1].id]),
        lambda c: [("relate", f"analysis_finding:{finding.id}")],
    )


def _score(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "process-reengineering")
    portfolio = store.load()
    option, criterion = portfolio.options[0], portfolio.criteria[0]
    return Case(
        store,
        lambda: store.set_score(option.id, criterion.id, 4),
        lambda c: [("score", f"decision_option:{option.id}")],
    )


def _attach(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    source = tmp_path / "rota.txt"
    source.write_text("Huddle rota for the returns desk, week 46.\n", encoding="utf-8")
    return Case(
        store,
        lambda: store.attach_file(source, description="The huddle rota"),
        lambda c: [("attach", f"evidence_file:{c.item_id}")],
    )


def _link(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    point = store.unit().marking_points[0].id
    log = store.load().log_entries[0]
    return Case(
        store,
        lambda: store.link_evidence(
            point, "log_entry", log.id, "The log shows the change made on the returns desk."
        ),
        lambda c: [("map", f"evidence_link:{c.item_id}")],
    )


def _drop_blobs(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    for item in store.load().evidence_files:
        store.delete_item("evidence_file", item.id)
    return Case(store, store.drop_unused_blobs, lambda c: [("compact", "evidence_blob")])


def _details(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    return Case(
        store,
        lambda: store.update_details(workplace="Northgate Retail, Leeds"),
        lambda c: [("update", f"portfolio:{store.portfolio_id}")],
    )


def _declaration(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    name = store.load().learner_name
    return Case(
        store,
        lambda: store.sign_declaration(name, dt.date(2026, 11, 20)),
        lambda c: [("sign", "declaration")],
    )


def _respond(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    portfolio = store.load()
    review = portfolio.reviews[0]
    return Case(
        store,
        lambda: store.respond_to_review(
            review.id, "Agreed; I will add the rota.", True, portfolio.learner_name
        ),
        lambda c: [("respond", f"assessment_review:{review.id}")],
    )


def _submit(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    name = store.load().learner_name
    # Submitting signs the declaration and freezes the version in one commit; the trail
    # records both facts, the declaration's signature first.
    return Case(
        store,
        lambda: store.submit_version(name, dt.date(2026, 11, 20), 0, 8),
        lambda c: [("sign", "declaration"), ("submit", f"submission:{c.item_id}")],
    )


def _new_draft(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_submitted(tmp_path))
    return Case(store, store.start_draft, lambda c: [("new-draft", "portfolio")])


def _learner_witness(tmp_path: Path, centre: Centre) -> Case:
    store = make_demo(tmp_path, "continuous-improvement")
    return Case(
        store,
        lambda: store.add_item(
            "assessment_record",
            method="witness_testimony",
            witness_name="Sam Hale",
            witness_role="Team leader",
            account="I saw the learner rebuild the returns script with the team.",
            marking_points="MP1",
        ),
        _target("assessment_record"),
    )


def _assessor_add(kind: str, **fields: Any) -> Callable[[Path, Centre], Case]:
    def build(tmp_path: Path, centre: Centre) -> Case:
        store = PortfolioStore.open(_submitted(tmp_path), actor=ASSESSOR)
        values = dict(fields)
        if kind == "record_question":
            values["record_id"] = next(
                r.id for r in store.load().records if r.method == "questioning"
            )
        return Case(store, lambda: store.add_item(kind, **values), _target(kind))

    return build


def _assessor_update(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_submitted(tmp_path), actor=ASSESSOR)
    activity = store.load().plan_activities[0]
    return Case(
        store,
        lambda: store.update_item("plan_activity", activity.id, status="done"),
        _target("plan_activity"),
    )


def _judgement(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_submitted(tmp_path), actor=ASSESSOR)
    point = store.unit().marking_points[0].id
    return Case(
        store,
        lambda: store.record_judgement(point, "met", "Shown in F1 to F9."),
        lambda c: [("assess", f"assessment:{c.item_id}")],
    )


def _decision(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_judged(tmp_path), actor=ASSESSOR)
    return Case(
        store,
        lambda: store.record_decision("competent", "", centre.assessor, dt.date(2026, 11, 30)),
        lambda c: [("sign-off", f"assessment_decision:{c.item_id}")],
        centre.keys,
    )


def _reopen(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_signed_off(tmp_path, centre), actor=ASSESSOR)
    return Case(
        store,
        lambda: store.reopen_decision("MP3 was judged on the wrong log entry", centre.assessor),
        lambda c: [("reopen", f"assessment_decision:{c.item_id}")],
        centre.keys,
    )


def _countersign(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_signed_off(tmp_path, centre), actor=IQA)
    return Case(
        store,
        lambda: store.countersign("Sampled; judgements match the evidence.", centre.iqa),
        lambda c: [("countersign", f"record_signature:{c.item_id}")],
        centre.keys,
    )


def _iqa_report(tmp_path: Path, centre: Centre) -> Case:
    store = PortfolioStore.open(_signed_off(tmp_path, centre), actor=IQA)
    return Case(
        store,
        lambda: store.record_iqa_report(
            True, "Judgements match the evidence.", "", "new assessor", centre.iqa
        ),
        lambda c: [("iqa-report", f"iqa_report:{c.item_id}")],
        centre.keys,
    )


CASES: dict[str, tuple[str, Callable[[Path, Centre], Case]]] = {
    **{f"add_item[{kind}]": ("add_item", _add(kind)) for kind in _LEARNER_KINDS},
    "add_item[assessment_record, learner]": ("add_item", _learner_witness),
    "add_item[assessment_record, assessor]": (
        "add_item",
        _assessor_add(
            "assessment_record",
            method="observation",
            held_on="10/11/2026",
            account="The learner ran the huddle and briefed the new returns script.",
            marking_points="MP2",
        ),
    ),
    "add_item[record_question]": (
        "add_item",
        _assessor_add(
            "record_question",
            question="Why did the refunds queue shorten?",
            answer="Because the script removed a second approval.",
            outcome="satisfactory",
        ),
    ),
    "add_item[plan_activity]": (
        "add_item",
        _assessor_add("plan_activity", activity="Observe a huddle", method="observation"),
    ),
    "add_item[assessment_review]": (
        "add_item",
        _assessor_add("assessment_review", progress="Good progress", feedback="Add the rota."),
    ),
    **{f"update_item[{kind}]": ("update_item", _update(kind)) for kind in _LEARNER_KINDS},
    "update_item[plan_activity]": ("update_item", _assessor_update),
    **{f"delete_item[{kind}]": ("delete_item", _delete(kind)) for kind in _LEARNER_KINDS},
    "restore_item": ("restore_item", _restore),
    "move_item": ("move_item", _move),
    "set_related": ("set_related", _relate),
    "set_score": ("set_score", _score),
    "attach_file": ("attach_file", _attach),
    "link_evidence": ("link_evidence", _link),
    "drop_unused_blobs": ("drop_unused_blobs", _drop_blobs),
    "update_details": ("update_details", _details),
    "sign_declaration": ("sign_declaration", _declaration),
    "respond_to_review": ("respond_to_review", _respond),
    "submit_version": ("submit_version", _submit),
    "start_draft": ("start_draft", _new_draft),
    "record_judgement": ("record_judgement", _judgement),
    "record_decision": ("record_decision", _decision),
    "reopen_decision": ("reopen_decision", _reopen),
    "countersign": ("countersign", _countersign),
    "record_iqa_report": ("record_iqa_report", _iqa_report),
}


def _public_methods() -> set[str]:
    # Under `make mutate` the classes also hold mutmut's copies of each method, named
    # "xǁClassǁmethod__mutmut_N": not methods of the store.
    return {
        name
        for name, _ in pyinspect.getmembers(PortfolioStore)
        if not name.startswith("_") and "ǁ" not in name and name not in {"engine", "path", "actor"}
    }


def test_every_mutating_method_is_covered() -> None:
    covered = {method for method, _ in CASES.values()}
    uncovered = _public_methods() - covered - set(NOT_OPERATIONS)
    assert not uncovered, f"public store methods without an audit case: {sorted(uncovered)}"
    assert not (covered & set(NOT_OPERATIONS))
    assert not (covered | set(NOT_OPERATIONS)) - _public_methods(), "a listed method is gone"


def test_every_learner_kind_is_covered() -> None:
    assert set(_LEARNER_KINDS) == {
        name
        for name, kind in KINDS.items()
        if kind.owner == "learner" and name not in {"evidence_file", "evidence_link"}
    }
    assert {k for k, kind in KINDS.items() if kind.owner == "assessor"} <= {
        case.split("[")[1].split(",")[0].rstrip("]") for case in CASES if case.startswith("add_")
    }


@pytest.mark.parametrize("case_id", list(CASES))
def test_one_operation_one_audit_entry(case_id: str, tmp_path: Path, centre: Centre) -> None:
    case = CASES[case_id][1](tmp_path, centre)
    with case.store as store:
        before = _entries(store)
        change = case.run()
        after = _entries(store)
        expected = case.expected(change)
        added = after[len(before) :]
        assert [e.id for e in after[: len(before)]] == [e.id for e in before]
        assert [(e.action, e.target) for e in added] == expected
        assert {e.actor for e in added} == {store.actor}
        report = verify(store, case.keys)
        assert report.audit_problems == []


def test_creating_a_portfolio_is_its_first_entry(tmp_path: Path, unit: Any) -> None:
    with PortfolioStore.create(tmp_path / "new.folio", unit, "Ada Learner") as store:
        entries = _entries(store)
        assert [(e.actor, e.action, e.target) for e in entries] == [
            ("learner", "create", f"portfolio:{store.portfolio_id}")
        ]
        assert entries[0].previous_hash == ""


def test_dropping_nothing_adds_no_entry(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        before = _entries(store)
        assert store.drop_unused_blobs() == 0
        assert len(_entries(store)) == len(before)


# -- refused operations: no entry, nothing changed ---------------------------------------------


def _draft(tmp_path: Path) -> PortfolioStore:
    return make_demo(tmp_path, "continuous-improvement")


REFUSALS: dict[str, tuple[str, Callable[[Path, Centre], tuple[PortfolioStore, Callable]]]] = {
    "update unknown item": (
        "no feedback",
        lambda t, c: (s := _draft(t), lambda: s.update_item("feedback_item", 99999, text="x")),
    ),
    "add with a bad vocabulary value": (
        "is not one of",
        lambda t, c: (
            s := _draft(t),
            lambda: s.add_item("feedback_item", text="Slow", source_type="rumour"),
        ),
    ),
    "learner writes an observation": (
        "recorded by the assessor",
        lambda t, c: (
            s := _draft(t),
            lambda: s.add_item("assessment_record", method="observation", account="x"),
        ),
    ),
    "empty learner name": (
        "name is required",
        lambda t, c: (s := _draft(t), lambda: s.update_details(learner_name="  ")),
    ),
    "unknown detail": (
        "no editable field",
        lambda t, c: (s := _draft(t), lambda: s.update_details(status="submitted")),
    ),
    "score out of range": (
        "outside the scale",
        lambda t, c: (
            s := make_demo(t, "process-reengineering"),
            lambda: s.set_score(s.load().options[0].id, s.load().criteria[0].id, 9),
        ),
    ),
    "map to a point the unit lacks": (
        "not a marking point",
        lambda t, c: (
            s := _draft(t),
            lambda: s.link_evidence("nope.MP9", "log_entry", s.load().log_entries[0].id, "x"),
        ),
    ),
    "relate to another kind's id": (
        "no feedback",
        lambda t, c: (
            s := _draft(t),
            lambda: s.set_related("analysis_finding", s.load().findings[0].id, [99999]),
        ),
    ),
    "submit under another name": (
        "not the learner's name",
        lambda t, c: (
            s := _draft(t),
            lambda: s.submit_version("Someone Else", dt.date.today(), 0, 8),
        ),
    ),
    "submit with points unmet and no reason": (
        "3 of 8 marking points are not met; submit anyway only with a reason",
        lambda t, c: (
            s := _draft(t),
            lambda: s.submit_version(s.load().learner_name, dt.date.today(), 3, 8, " "),
        ),
    ),
    "unsigned answer to a review": (
        "type your name",
        lambda t, c: (
            s := _draft(t),
            lambda: s.respond_to_review(s.load().reviews[0].id, "ok", True, " "),
        ),
    ),
    "edit a submitted version": (
        "read-only",
        lambda t, c: (
            s := PortfolioStore.open(_submitted(t)),
            lambda: s.delete_item("feedback_item", s.load().feedback_items[0].id),
        ),
    ),
    "learner judges": (
        "only an assessor",
        lambda t, c: (
            s := PortfolioStore.open(_submitted(t)),
            lambda: s.record_judgement(s.unit().marking_points[0].id, "met"),
        ),
    ),
    "referral without action points": (
        "action points",
        lambda t, c: (
            s := PortfolioStore.open(_judged(t), actor=ASSESSOR),
            lambda: s.record_decision("refer", " ", c.assessor),
        ),
    ),
    "sign-off with an IQA's key": (
        "not an assessor",
        lambda t, c: (
            s := PortfolioStore.open(_judged(t), actor=ASSESSOR),
            lambda: s.record_decision("competent", "", c.iqa),
        ),
    ),
    "reopen without a reason": (
        "needs a reason",
        lambda t, c: (
            s := PortfolioStore.open(_signed_off(t, c), actor=ASSESSOR),
            lambda: s.reopen_decision("  ", c.assessor),
        ),
    ),
    "countersign without a key": (
        "staff key",
        lambda t, c: (
            s := PortfolioStore.open(_signed_off(t, c), actor=IQA),
            lambda: s.countersign("fine", None),
        ),
    ),
    "disagreeing IQA report without action points": (
        "action points",
        lambda t, c: (
            s := PortfolioStore.open(_signed_off(t, c), actor=IQA),
            lambda: s.record_iqa_report(False, "Not enough", "", "", c.iqa),
        ),
    ),
    "new draft of a draft": (
        "already a draft",
        lambda t, c: (s := _draft(t), s.start_draft),
    ),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_a_refused_operation_adds_no_entry_and_changes_nothing(
    refusal: str, tmp_path: Path, centre: Centre
) -> None:
    message, build = REFUSALS[refusal]
    store, run = build(tmp_path, centre)
    with store:
        before_entries = [(e.id, e.entry_hash) for e in _entries(store)]
        before = _dump(store.path)
        with pytest.raises((DomainError, InvalidInputError), match=message):
            run()
        assert [(e.id, e.entry_hash) for e in _entries(store)] == before_entries
        assert _dump(store.path) == before


def test_demo_units_are_the_conftest_units() -> None:
    assert set(_LEARNER_KINDS.values()) <= set(UNIT_IDS)
