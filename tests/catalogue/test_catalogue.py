"""The unit catalogue: five units from the seed documents, marking points verbatim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.catalogue import import_unit_file, load_catalogue
from app.errors import InvalidInputError
from app.resources import resource_path
from app.store import PortfolioStore
from tests.conftest import UNIT_IDS, require_seeds


def _seed_text(index: int) -> str:
    (path,) = require_seeds().glob(f"{index:03d}_*.txt")
    return path.read_text(encoding="utf-8")


def _seed_marking_points(seed_text: str) -> list[str]:
    lines = seed_text.splitlines()
    start = lines.index("Examiner Marking Points") + 1
    return [line[2:] for line in lines[start:] if line.startswith("- ")]


@pytest.mark.parametrize(("index", "unit_id"), list(enumerate(UNIT_IDS)))
def test_marking_points_are_the_seed_lines_verbatim(index: int, unit_id: str) -> None:
    seed_text = _seed_text(index)
    unit = load_catalogue().get(unit_id)
    assert [p.text for p in unit.marking_points] == _seed_marking_points(seed_text)
    assert [p.id for p in unit.marking_points] == [
        f"{unit_id}.MP{n}" for n in range(1, len(unit.marking_points) + 1)
    ]
    assert unit.synopsis in " ".join(seed_text.split())
    for misconception in unit.misconceptions:
        assert f"- {misconception.text}" in seed_text
    for tip in unit.exam_tips:
        assert f"- {tip}" in seed_text


def test_catalogue_has_five_units_and_22_marking_points() -> None:
    catalogue = load_catalogue()
    assert [unit.id for unit in catalogue] == list(UNIT_IDS)
    assert sum(len(unit.marking_points) for unit in catalogue) == 22
    for unit in catalogue:
        assert unit.title and unit.synopsis and unit.key_concepts and unit.misconceptions


def _unit_document(**changes: object) -> dict:
    document = json.loads(resource_path("units", "journey-review.json").read_text())
    document.update(id="retail-returns", title="Handle retail returns")
    document["marking_points"] = [
        {"id": "retail-returns.MP1", "text": "Explain the returns policy to a customer."}
    ]
    document["misconceptions"] = []
    document.update(changes)
    return document


def test_tutor_can_import_a_unit_and_use_it(tmp_path: Path) -> None:
    source = tmp_path / "returns.json"
    source.write_text(json.dumps(_unit_document()))
    unit = import_unit_file(source)
    assert load_catalogue().get("retail-returns").origin == "imported"
    with PortfolioStore.create(tmp_path / "r.folio", unit, "Ada") as store:
        assert store.unit().marking_points[0].text == "Explain the returns policy to a customer."


def test_portfolio_carries_its_unit_to_a_machine_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "returns.json"
    source.write_text(json.dumps(_unit_document()))
    unit = import_unit_file(source)
    PortfolioStore.create(tmp_path / "r.folio", unit, "Ada").close()
    monkeypatch.setenv("FOLIO_DATA_DIR", str(tmp_path / "assessor-machine"))
    assert "retail-returns" not in load_catalogue().units
    with PortfolioStore.open(tmp_path / "r.folio") as store:
        assert store.unit().title == "Handle retail returns"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "Bad Id!"}, "at id"),
        ({"marking_points": []}, "marking_points"),
        ({"marking_points": [{"id": "retail-returns.MP2", "text": "x"}]}, "must have the id"),
        ({"format_version": 9}, "format_version"),
        (
            {"id": "journey-review", "marking_points": [{"id": "journey-review.MP1", "text": "x"}]},
            "belongs to a built-in unit",
        ),
        ({"synopsis": 42}, "synopsis"),
    ],
)
def test_invalid_unit_files_are_refused(tmp_path: Path, changes: dict, message: str) -> None:
    source = tmp_path / "unit.json"
    source.write_text(json.dumps(_unit_document(**changes)))
    with pytest.raises(InvalidInputError, match=message):
        import_unit_file(source)
    assert "retail-returns" not in load_catalogue().units


def test_unreadable_unit_files_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ')
    with pytest.raises(InvalidInputError, match="not valid JSON"):
        import_unit_file(broken)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InvalidInputError, match="UTF-8"):
        import_unit_file(binary)


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_builtin_unit_files_match_the_published_schema(unit_id: str) -> None:
    """Folio's own units skip the schema pass at start-up, so it is enforced here."""
    import jsonschema

    from app.resources import load_schema

    document = json.loads(resource_path("units", f"{unit_id}.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, load_schema("unit.schema.json"))
