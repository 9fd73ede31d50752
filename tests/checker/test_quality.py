"""Evidence quality (valid, authentic, current, sufficient), over-mapping, gaps, stages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.catalogue import import_unit_file
from app.checker import Status
from app.store import PortfolioStore
from tests.checker.helpers import delete_all, delete_links, run_check, update_all
from tests.conftest import UNIT_IDS, make_demo


def _first_file(store: PortfolioStore) -> int:
    return store.load().evidence_files[0].id


def test_bare_mapping_never_makes_a_point_met(tmp_path: Path) -> None:
    with make_demo(tmp_path, "service-foundations") as store:
        for link in store.load().evidence_links:
            if link.marking_point_id.endswith("MP1"):
                store.update_item("evidence_link", link.id, justification="")
        point = run_check(store).point("MP1")
    assert point.status is Status.PARTLY
    assert any("has no justification" in r.text for r in point.reasons)


def test_justification_must_speak_to_the_point(tmp_path: Path) -> None:
    with make_demo(tmp_path, "service-foundations") as store:
        delete_links(store, "MP1")
        store.link_evidence(
            "service-foundations.MP1",
            "action_item",
            store.load().actions[0].id,
            "I worked really hard on this one over several weeks",
        )
        point = run_check(store).point("MP1")
    assert point.status is Status.PARTLY
    assert any("does not say how it relates" in r.text for r in point.reasons)


@pytest.mark.parametrize(
    ("justification", "counts"),
    [
        ("Evidence that our internal structures have a direct effect on customer outcomes.", False),
        ("Shows how escalation procedures and communication channels affect outcomes.", False),
        ("The shared inbox had no owner, so replies took 52 hours and customers complained.", True),
    ],
)
def test_a_justification_in_the_points_own_words_does_not_count(
    tmp_path: Path, justification: str, counts: bool
) -> None:
    """Handing the marking point back claims it; the evidence has to be named."""
    with make_demo(tmp_path, "service-foundations") as store:
        delete_links(store, "MP2")
        finding = store.load().findings[1]
        store.link_evidence(
            "service-foundations.MP2", "analysis_finding", finding.id, justification
        )
        point = run_check(store).point("MP2")
    repeats = [r for r in point.reasons if "repeats the marking point's wording" in r.text]
    assert (point.status is Status.MET) is counts
    assert bool(repeats) is not counts


def test_reused_justification_is_flagged_and_does_not_count(tmp_path: Path) -> None:
    phrase = "This evidence shows my customer service practice and improvement work"
    with make_demo(tmp_path, "continuous-improvement") as store:
        file_id = _first_file(store)
        for short in ("MP2", "MP3", "MP4"):
            store.link_evidence(f"continuous-improvement.{short}", "evidence_file", file_id, phrase)
        result = run_check(store)
    codes = [w.code for w in result.quality]
    assert "reused-justification" in codes
    warning = next(w for w in result.quality if w.code == "reused-justification")
    assert "MP2, MP3 and MP4" in warning.text


def test_near_identical_justifications_count_as_one_phrase_reused(tmp_path: Path) -> None:
    phrases = {
        "MP2": "This evidence shows my customer service practice and improvement work",
        "MP3": "This evidence shows my customer service practice and my improvement work.",
        "MP4": "The evidence shows my customer service practice and improvement work!",
    }
    with make_demo(tmp_path, "continuous-improvement") as store:
        file_id = _first_file(store)
        for short, phrase in phrases.items():
            store.link_evidence(f"continuous-improvement.{short}", "evidence_file", file_id, phrase)
        result = run_check(store)
    warning = next(w for w in result.quality if w.code == "reused-justification")
    assert "MP2, MP3 and MP4" in warning.text


def test_item_mapped_to_most_points_is_flagged(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        file_id = _first_file(store)
        for n in range(1, 9):
            store.link_evidence(
                f"continuous-improvement.MP{n}",
                "evidence_file",
                file_id,
                f"Survey export supports point {n} about feedback analysis",
            )
        result = run_check(store)
    over = [w for w in result.quality if w.code == "over-mapped"]
    assert len(over) == 1 and "mapped to 8 of 8 marking points" in over[0].text


def test_evidence_from_others_must_name_its_source(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        witness = next(f for f in store.load().evidence_files if f.author == "witness")
        store.update_item("evidence_file", witness.id, source_name="")
        result = run_check(store)
    warning = next(w for w in result.quality if w.code == "unattributed")
    assert "witness-statement-store-manager.txt" in warning.text
    assert warning.fixes[0].field == "source_name"
    mp8 = result.point("MP8")
    assert any("does not name its source" in r.text for r in mp8.reasons)


def test_old_evidence_is_flagged_by_the_currency_window(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        first = store.load().feedback_items[0]
        store.update_item(
            "feedback_item", first.id, received_on=dt.date.today() - dt.timedelta(days=400)
        )
        default = run_check(store)
        wider = run_check(store, currency_days=500)
    warning = next(w for w in default.quality if w.code == "not-current")
    assert "feedback 1 (Survey)" in warning.text and "365 days" in warning.text
    assert not [w for w in wider.quality if w.code == "not-current"]


def test_sufficiency_needs_enough_distinct_items(tmp_path: Path, unit) -> None:
    with PortfolioStore.create(tmp_path / "thin.folio", unit, "Ada") as store:
        store.add_item(
            "log_entry",
            what_done="Coached two colleagues on the new rota",
            reflection="It worked because they helped design the rota itself",
        )
        store.add_item(
            "log_entry",
            what_done="Rewrote the returns checklist with the warehouse lead",
            reflection="Fewer parcels went missing once both teams signed the same sheet",
        )
        # MP8 needs 2 distinct items; both log entries count, so it is met ...
        assert run_check(store).point("MP8").status is Status.MET
        store.delete_item("log_entry", store.load().log_entries[0].id)
        point = run_check(store).point("MP8")
    # ... and with one it is partly met by the rule itself.
    assert point.status is Status.PARTLY


def test_sufficiency_count_downgrades_a_met_point(tmp_path: Path) -> None:
    document = {
        "format": "folio-unit",
        "format_version": 1,
        "id": "returns",
        "title": "Returns",
        "qualification": "Retail",
        "synopsis": "Handling returns.",
        "marking_points": [
            {
                "id": "returns.MP1",
                "text": "Evidence of handling returns",
                "sufficiency": 3,
                "rules": [
                    {
                        "rule": "items",
                        "label": "Returns handled",
                        "collection": "log_entry",
                        "fields": ["what_done"],
                    }
                ],
            }
        ],
    }
    source = tmp_path / "returns.json"
    source.write_text(json.dumps(document))
    unit = import_unit_file(source)
    with PortfolioStore.create(tmp_path / "r.folio", unit, "Ada") as store:
        store.add_item("log_entry", what_done="Refunded a faulty kettle")
        thin = run_check(store).point("MP1")
        for text in ("Exchanged a lamp", "Explained the 30-day policy"):
            store.add_item("log_entry", what_done=text)
        enough = run_check(store).point("MP1")
    assert thin.status is Status.PARTLY
    assert "1 distinct item support this point" in thin.reasons[-1].text
    assert "at least 3" in thin.reasons[-1].text
    assert enough.status is Status.MET


def test_new_portfolio_lists_gaps_and_empty_stages(store: PortfolioStore) -> None:
    result = run_check(store)
    codes = {w.code for w in result.gaps}
    assert {
        "details",
        "declaration",
        "empty-feedback",
        "empty-analysis",
        "empty-action_plan",
        "empty-implementation_log",
        "empty-evaluation",
        "no-evaluation",
    } <= codes
    details = next(w for w in result.gaps if w.code == "details")
    assert "candidate number, centre name and centre number are missing" in details.text
    assert all(p.status is Status.MISSING for p in result.points)
    assert result.stage_status["feedback"] is Status.MISSING
    assert not result.complete


def test_unmapped_evidence_is_a_gap(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        extra = tmp_path / "photo of rota.txt"
        extra.write_text("rota")
        store.attach_file(extra)
        result = run_check(store)
    gap = next(w for w in result.gaps if w.code == "unmapped-evidence")
    assert "photo of rota.txt" in gap.text
    assert result.stage_status["evidence"] is Status.PARTLY


def test_demo_stages_are_all_complete(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        stages = run_check(store).stage_status
    assert set(stages.values()) == {Status.MET}


MISCONCEPTION_CASES = {
    "journey-review": ("M1", lambda s: update_all(s, "analysis_finding", back_office=False)),
    "continuous-improvement": ("M4", lambda s: update_all(s, "metric", result_value=None)),
    "service-foundations": (
        "M3",
        lambda s: update_all(
            s, "action_item", legislation="Health and safety", compliance_justification=""
        ),
    ),
    "process-reengineering": ("M5", lambda s: delete_all(s, "metric")),
    "strategic-service": ("M1", lambda s: update_all(s, "action_item", resources="")),
}


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_each_unit_detects_a_seed_misconception(tmp_path: Path, unit_id: str) -> None:
    code, mutation = MISCONCEPTION_CASES[unit_id]
    with make_demo(tmp_path, unit_id) as store:
        assert run_check(store).misconceptions == ()
        mutation(store)
        result = run_check(store)
        unit = store.unit()
    warning = next(w for w in result.misconceptions if w.code == code)
    seed_text = next(m.text for m in unit.misconceptions if m.id == code)
    assert seed_text in warning.text
    assert warning.fixes, "a misconception warning says where to fix it"


def test_result_serialises_to_json(tmp_path: Path) -> None:
    with make_demo(tmp_path, "process-reengineering") as store:
        for step in store.load().process_steps:
            store.set_related("process_step", step.id, [])
        data = json.loads(json.dumps(run_check(store).to_dict()))
    assert data["total"] == 5 and data["met"] == 3 and data["complete"] is False
    assert data["marking_points"][0]["status"] == "partly"
    assert data["marking_points"][0]["fix"][0]["label"] == "Tools › Process map"


def test_loose_ends_in_the_tools_are_gaps(tmp_path: Path) -> None:
    with make_demo(tmp_path, "process-reengineering") as store:
        assert not [w for w in run_check(store).gaps if w.code.startswith(("step", "option"))]
        store.add_item("process_step", label="Orphan step")
        store.add_item("decision_option", name="Do nothing")
        store.add_item("legislation_link", entry_id="iso-10002", justification="General")
        store.add_item("metric_reading", taken_on="2026-01-01", value=3)
        gaps = {w.code: w for w in run_check(store).gaps}
    assert gaps["step-without-lane"].text.startswith("Step 16 “Orphan step”: in no lane")
    assert gaps["step-without-lane"].fixes[0].field == "lane_id"
    assert gaps["option-unscored"].text == "Option 4 “Do nothing”: not scored yet."
    assert gaps["legislation-unlinked"].fixes[0].stage == "legislation"
    assert gaps["reading-without-metric"].fixes[0].kind == "metric_reading"
