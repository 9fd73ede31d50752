"""A portfolio written, closed and reopened reads back exactly as it was written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import DomainError, InvalidInputError
from app.store import PortfolioStore
from app.store.interchange import export_document

HOSTILE = "<b>bold</b> & ]]> \x00 NUL \x07 bell 😀 emoji, שלום עולם, " + "x" * 5000


def test_create_close_reopen_keeps_every_field(tmp_path: Path, unit) -> None:
    path = tmp_path / "p.folio"
    with PortfolioStore.create(path, unit, "Zoë O'Brien", candidate_number="C-42") as store:
        feedback = store.add_item(
            "feedback_item",
            source_type="complaint",
            text=HOSTILE,
            received_on="2026-01-05",
            rating="2.5",
            rating_scale=5,
            channel="phone",
        )
        finding = store.add_item("analysis_finding", theme="Waiting", back_office="yes")
        store.set_related("analysis_finding", finding.item_id, [feedback.item_id])
        action = store.add_item(
            "action_item",
            action="Do it",
            cost="1,250.50",
            changes_process=True,
            due_on=dt.date(2026, 3, 1),
        )
        store.set_related("action_item", action.item_id, [finding.item_id])
        store.add_item(
            "log_entry",
            logged_on="2026-02-01",
            action_id=action.item_id,
            what_done="Trained the team",
        )
        store.add_item("metric", name="CSAT", baseline_value=70, result_value="81.5")
        store.update_details(evaluation_narrative="Went well", centre_name="Centre & Co")
        store.sign_declaration("Zoë O'Brien", "2026-03-02")
        before = export_document(store)

    with PortfolioStore.open(path) as reopened:
        after = export_document(reopened)
        portfolio = reopened.load()

    assert after == before
    assert portfolio.learner_name == "Zoë O'Brien"
    assert portfolio.feedback_items[0].text == HOSTILE
    assert portfolio.feedback_items[0].rating == 2.5
    assert portfolio.findings[0].back_office is True
    assert [f.id for f in portfolio.findings[0].feedback_items] == [feedback.item_id]
    assert portfolio.actions[0].cost == 1250.5
    assert portfolio.actions[0].findings[0].theme == "Waiting"
    assert portfolio.metrics[0].change == pytest.approx(11.5)
    assert portfolio.declaration is not None and portfolio.declaration.is_signed
    actions = [entry.action for entry in portfolio.audit_entries]
    assert actions[0] == "create" and actions.count("add") == 5 and "sign" in actions


def test_audit_log_names_actor_and_target(store: PortfolioStore) -> None:
    store.actor = "learner: Ada on the shared laptop"
    change = store.add_item("feedback_item", source_type="survey", text="ok")
    last = store.load().audit_entries[-1]
    assert (last.actor, last.action, last.target) == (
        "learner: Ada on the shared laptop",
        "add",
        f"feedback_item:{change.item_id}",
    )


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("feedback_item", {"source_type": "rumour"}, "not one of"),
        (
            "feedback_item",
            {"source_type": "survey", "received_on": "12/31/2026"},
            "use day/month/year",
        ),
        ("metric", {"baseline_value": "lots"}, "not a number"),
        ("metric", {"baseline_value": "nan"}, "not a finite number"),
        ("action_item", {"colour": "red"}, "has no field 'colour'"),
        ("action_item", {"status": "someday"}, "not one of"),
        ("feedback_item", {"source_type": "survey", "text": "x" * 1_000_001}, "longer than"),
        ("spaceship", {}, "unknown item kind"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    store: PortfolioStore, kind: str, fields: dict, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        store.add_item(kind, **fields)
    assert store.counts()["feedback_item"] == 0


def test_delete_then_restore_puts_item_and_its_links_back(store: PortfolioStore) -> None:
    feedback = store.add_item("feedback_item", source_type="survey", text="slow")
    finding = store.add_item("analysis_finding", theme="Speed")
    store.set_related("analysis_finding", finding.item_id, [feedback.item_id])
    store.link_evidence("continuous-improvement.MP6", "analysis_finding", finding.item_id, "why")
    before = export_document(store)["tables"]

    deleted = store.delete_item("analysis_finding", finding.item_id)
    tables = export_document(store)["tables"]
    assert tables["analysis_finding"] == [] and tables["evidence_link"] == []
    assert tables["finding_feedback"] == []

    store.restore_item("analysis_finding", deleted.before)
    restored = export_document(store)["tables"]
    for name in ("analysis_finding", "finding_feedback", "evidence_link", "feedback_item"):
        assert restored[name] == before[name]


def test_update_returns_previous_values(store: PortfolioStore) -> None:
    change = store.add_item("metric", name="NPS", baseline_value=10)
    update = store.update_item("metric", change.item_id, baseline_value=12, name="NPS (web)")
    assert update.before == {"baseline_value": 10.0, "name": "NPS"}
    assert store.load().metrics[0].name == "NPS (web)"


def test_move_item_renumbers_positions(store: PortfolioStore) -> None:
    ids = [store.add_item("log_entry", what_done=f"step {n}").item_id for n in range(3)]
    store.move_item("log_entry", ids[2], 0)
    assert [e.what_done for e in store.load().log_entries] == ["step 2", "step 0", "step 1"]


def test_unknown_item_is_a_domain_error(store: PortfolioStore) -> None:
    with pytest.raises(DomainError, match="no metric #99"):
        store.update_item("metric", 99, name="x")


def test_create_refuses_to_overwrite(tmp_path: Path, unit) -> None:
    path = tmp_path / "exists.folio"
    path.write_bytes(b"precious")
    with pytest.raises(Exception, match="already exists"):
        PortfolioStore.create(path, unit, "Ada")
    assert path.read_bytes() == b"precious"


def test_learner_name_is_required(tmp_path: Path, unit) -> None:
    with pytest.raises(InvalidInputError, match="name is required"):
        PortfolioStore.create(tmp_path / "x.folio", unit, "  ")
    assert not (tmp_path / "x.folio").exists()


@pytest.mark.slow
def test_file_locked_by_another_program_gives_a_clear_error(store: PortfolioStore) -> None:
    import sqlite3

    from app.errors import FolioFileError

    other = sqlite3.connect(store.path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FolioFileError, match="busy in another program"):
            store.add_item("feedback_item", source_type="survey", text="blocked")
    finally:
        other.rollback()
        other.close()
    store.add_item("feedback_item", source_type="survey", text="now it works")
    assert [i.text for i in store.load().feedback_items] == ["now it works"]
