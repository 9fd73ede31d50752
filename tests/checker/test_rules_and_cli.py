"""Rule validation in unit files, the check command, and the checker's layering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.catalogue import import_unit_file
from app.cli import main
from app.errors import InvalidInputError
from tests.conftest import make_demo


def _unit_with_rule(rule: dict) -> dict:
    return {
        "format": "folio-unit",
        "format_version": 1,
        "id": "custom",
        "title": "Custom",
        "qualification": "Q",
        "synopsis": "S",
        "marking_points": [{"id": "custom.MP1", "text": "T", "rules": [rule]}],
    }


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"rule": "vibes", "label": "x"}, "unknown rule 'vibes'"),
        ({"rule": "items", "collection": "feedback_item"}, "needs label"),
        ({"rule": "items", "label": "x", "collection": "gossip"}, "unknown collection 'gossip'"),
        (
            {"rule": "items", "label": "x", "collection": "metric", "fields": ["colour"]},
            "metric has no field 'colour'",
        ),
        ({"rule": "distinct", "label": "x", "collection": "feedback_item"}, "needs field"),
        ({"rule": "items", "label": "x", "collection": "metric", "min": 0}, "at least 1"),
        (
            {"rule": "mentions", "label": "x", "any_of": ["a"], "in": ["metric"]},
            "must be written kind.field",
        ),
        ({"rule": "mapped", "label": "x", "colour": "red"}, "unknown setting colour"),
        ({"rule": "swimlane", "label": "x", "version": "future"}, "version must be one of"),
        ({"rule": "matrix", "label": "x", "min_options": 0}, "at least 1"),
        (
            {"rule": "children", "label": "x", "collection": "complaint_case", "relation": "pets"},
            "complaint_case has no field 'pets'",
        ),
        (
            {
                "rule": "children",
                "label": "x",
                "collection": "complaint_case",
                "relation": "techniques",
                "child_fields": ["colour"],
            },
            "case_technique has no field 'colour'",
        ),
        (
            {"rule": "any", "label": "x", "rules": [{"rule": "text", "label": "y"}]},
            "alternative 1: rule 'text' needs field",
        ),
    ],
)
def test_bad_rules_in_an_imported_unit_are_refused(tmp_path: Path, rule: dict, message: str):
    source = tmp_path / "custom.json"
    source.write_text(json.dumps(_unit_with_rule(rule)))
    with pytest.raises(InvalidInputError, match=message) as raised:
        import_unit_file(source)
    assert "custom.MP1 rule 1" in raised.value.message


def test_check_exit_codes_and_text(tmp_path: Path, capsys) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    with make_demo(tmp_path, "process-reengineering") as store:
        for option in store.load().options:
            store.update_item("decision_option", option.id, chosen=False)
    assert main(["check", str(tmp_path / "continuous-improvement.folio")]) == 0
    out = capsys.readouterr().out
    assert "8 of 8 marking points met — ready to submit" in out
    assert main(["check", str(tmp_path / "process-reengineering.folio")]) == 1
    out = capsys.readouterr().out
    assert "MP3   PARTLY MET" in out and "no option marked as chosen" in out
    assert "fix: Tools › Decision matrix" in out
    bad = tmp_path / "bad.folio"
    bad.write_text("not a portfolio")
    assert main(["check", str(bad)]) == 2
    assert "not a Folio portfolio" in capsys.readouterr().err


def test_check_json(tmp_path: Path, capsys) -> None:
    with make_demo(tmp_path, "strategic-service") as store:
        for technique in store.load().case_techniques[1:]:
            store.delete_item("case_technique", technique.id)
    code = main(
        ["check", str(tmp_path / "strategic-service.folio"), "--json", "--today", "2030-01-01"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["checked_on"] == "2030-01-01"
    assert [p["status"] for p in data["marking_points"]] == ["met", "partly", "met"]
    assert any(w["code"] == "not-current" for w in data["quality"])


def test_check_rejects_bad_options(tmp_path: Path, capsys) -> None:
    make_demo(tmp_path, "strategic-service").close()
    path = str(tmp_path / "strategic-service.folio")
    assert main(["check", path, "--today", "yesterday"]) == 2
    assert main(["check", path, "--currency-days", "0"]) == 2


def test_which_marking_points_use_which_tool() -> None:
    from app.catalogue import load_catalogue
    from app.checker.tool_rules import tool_points

    catalogue = load_catalogue()
    assert tool_points(catalogue.get("process-reengineering")) == {
        "process_map": ["MP1", "MP4"],
        "decision": ["MP3"],
    }
    assert tool_points(catalogue.get("strategic-service")) == {"complaint_cases": ["MP2", "MP3"]}
    assert tool_points(catalogue.get("journey-review")) == {
        "journey_map": ["MP1"],
        "legislation": ["MP3"],  # through an alternative ("any") and related links
    }
    assert tool_points(catalogue.get("continuous-improvement")) == {}
