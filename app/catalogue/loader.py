"""Loading, validating and importing unit files.

Built-in units live in resources/units; a tutor's imported units live in the user data folder
and are loaded after them (an imported unit may not replace a built-in one).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.catalogue.model import Unit
from app.errors import InvalidInputError
from app.paths import user_units_dir
from app.resources import load_schema, resource_path


def _schema_error_message(error: Any) -> str:
    where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
    return f"{where}: {error.message}"


def validate_unit_document(document: Any, source: str, trusted: bool = False) -> Unit:
    """Validate a parsed unit file; raise InvalidInputError naming the first problem.

    ``trusted`` skips the JSON Schema pass for Folio's own unit files, which the test suite
    validates; the structural and rule checks below always run.
    """
    if not trusted:
        import jsonschema  # loaded only when a unit from outside Folio is read

        validator = jsonschema.Draft202012Validator(load_schema("unit.schema.json"))
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is not None:
            raise InvalidInputError(
                f"{source}: invalid unit file at {_schema_error_message(error)}"
            )
    unit_id = document["id"]
    for number, point in enumerate(document["marking_points"], start=1):
        expected = f"{unit_id}.MP{number}"
        if point["id"] != expected:
            raise InvalidInputError(
                f"{source}: marking point {number} must have the id '{expected}', "
                f"not '{point['id']}'"
            )
    # The checker owns the rule vocabulary; importing here keeps catalogue -> checker one-way
    # at load time (the checker imports the catalogue's types).
    from app.checker.rules import validate_unit_rules

    try:
        validate_unit_rules(document)
    except InvalidInputError as exc:
        raise InvalidInputError(f"{source}: {exc.message}") from exc
    return Unit.from_document(document)


def read_unit_file(path: Path, origin: str = "built-in", trusted: bool = False) -> Unit:
    name = f"'{path.name}'"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InvalidInputError(f"{name} does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"{name} cannot be read as UTF-8 text ({exc})") from exc
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    unit = validate_unit_document(document, name, trusted=trusted)
    return Unit.from_document(unit.document, origin=origin)


@dataclass
class Catalogue:
    """Every unit Folio knows on this machine, in a stable order (built-in first)."""

    units: dict[str, Unit]

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units.values())

    def __len__(self) -> int:
        return len(self.units)

    def get(self, unit_id: str) -> Unit:
        try:
            return self.units[unit_id]
        except KeyError:
            known = ", ".join(self.units)
            raise InvalidInputError(f"unknown unit '{unit_id}' (known: {known})") from None


BUILTIN_UNIT_ORDER = (
    "journey-review",
    "continuous-improvement",
    "service-foundations",
    "process-reengineering",
    "strategic-service",
)


def load_catalogue(include_user_units: bool = True) -> Catalogue:
    units: dict[str, Unit] = {}
    builtin_dir = resource_path("units")
    for unit_id in BUILTIN_UNIT_ORDER:
        units[unit_id] = read_unit_file(builtin_dir / f"{unit_id}.json", trusted=True)
    if include_user_units:
        for path in sorted(user_units_dir().glob("*.json")):
            unit = read_unit_file(path, origin="imported")
            units.setdefault(unit.id, unit)
    return Catalogue(units)


def import_unit_file(path: Path) -> Unit:
    """Validate a tutor's unit file and copy it into the user catalogue."""
    unit = read_unit_file(path, origin="imported")
    if unit.id in BUILTIN_UNIT_ORDER:
        raise InvalidInputError(
            f"'{path.name}': the unit id '{unit.id}' belongs to a built-in unit; choose another id"
        )
    target = user_units_dir() / f"{unit.id}.json"
    target.write_text(json.dumps(unit.document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return unit
