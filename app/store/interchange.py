"""The JSON interchange format: a whole portfolio, attachments included, as one JSON document.

Lossless by construction: every row of every table, each column encoded by its type
(dates as ISO text, timestamps as ISO text with offset, binary as base64). The JSON Schema
(resources/schema/folio-interchange.schema.json) is generated from the same table metadata.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, LargeBinary, Table, insert, select
from sqlalchemy.exc import IntegrityError

from app import __version__
from app.catalogue import load_catalogue, validate_unit_document
from app.errors import FolioError, FolioFileError, InvalidInputError
from app.models import Base
from app.models.base import UtcDateTime
from app.resources import load_schema
from app.store import schema
from app.store.database import engine_for, new_file
from app.store.service import PortfolioStore

FORMAT = "folio-interchange"
FORMAT_VERSION = 1
SCHEMA_FILE = "folio-interchange.schema.json"


def tables() -> list[Table]:
    """Every table of the document, parents before children."""
    return list(Base.metadata.sorted_tables)


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(column.type, UtcDateTime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(column.type, Date):
        return value.isoformat()
    return value


#: SQLite stores integers in 64 bits.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value, validate=True)
    if isinstance(column.type, UtcDateTime):
        return dt.datetime.fromisoformat(value).astimezone(dt.UTC)
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column.type, Float):
        return float(value)
    if isinstance(column.type, Integer) and not INT64_MIN <= value <= INT64_MAX:
        raise ValueError(f"{column.name}: {value} is larger than a portfolio can hold")
    return value


def export_document(store: PortfolioStore) -> dict[str, Any]:
    """The portfolio in ``store`` as an interchange document (plain JSON-ready data)."""
    result: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": schema.head_revision(),
        "exported_by": f"Folio {__version__}",
        "tables": {},
    }
    with store.engine.connect() as connection:
        for table in tables():
            order = [column for column in table.primary_key.columns]
            rows = connection.execute(select(table).order_by(*order)).mappings()
            result["tables"][table.name] = [
                {column.name: _encode(column, row[column.name]) for column in table.columns}
                for row in rows
            ]
    return result


def write_json(store: PortfolioStore, target: Path) -> None:
    document = export_document(store)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    temporary = target.with_name(target.name + ".part")
    temporary.write_text(text + "\n", encoding="utf-8")
    temporary.replace(target)


def _validate(document: Any, source: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInputError(f"{source} is not a Folio interchange file")
    if document.get("format_version") != FORMAT_VERSION:
        raise InvalidInputError(
            f"{source} uses interchange format version {document.get('format_version')!r}; "
            f"this Folio reads version {FORMAT_VERSION}"
        )
    revision = document.get("schema_revision")
    if revision not in schema.known_revisions():
        raise InvalidInputError(
            f"{source} was written by a newer Folio (schema {revision}); update Folio to read it"
        )
    import jsonschema  # only interchange imports need it

    validator = jsonschema.Draft202012Validator(load_schema(SCHEMA_FILE))
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise InvalidInputError(f"{source}: {where}: {error.message}")
    portfolios = document["tables"].get("portfolio", [])
    if len(portfolios) != 1:
        raise InvalidInputError(f"{source} must hold exactly one portfolio, not {len(portfolios)}")


def _decoded_rows(table: Table, rows: list[dict[str, Any]], source: str) -> list[dict[str, Any]]:
    decoded = []
    for index, row in enumerate(rows):
        try:
            decoded.append(
                {name: _decode(table.columns[name], value) for name, value in row.items()}
            )
        except (ValueError, TypeError) as exc:
            raise InvalidInputError(f"{source}: tables/{table.name}/{index}: {exc}") from exc
    if table.name == "evidence_blob":
        for row in decoded:
            digest = hashlib.sha256(row["data"]).hexdigest()
            if digest != row["sha256"] or len(row["data"]) != row["size"]:
                raise InvalidInputError(
                    f"{source}: attachment {row['sha256'][:12]} does not match its SHA-256 or size"
                )
    return decoded


def _column_default(column: Column[Any]) -> Any:
    """What a row written before ``column`` existed holds in it: the column's default."""
    if column.default is not None and getattr(column.default, "is_scalar", False):
        return _encode(column, column.default.arg)
    if column.server_default is not None:
        text = str(getattr(column.server_default, "arg", ""))
        if isinstance(column.type, Boolean):
            return text not in {"0", "false", ""}
        if isinstance(column.type, Integer):
            return int(text)
        return text
    return None


def _upgrade_document(document: Any) -> None:
    """Give the rows of a document written by an older Folio the columns added since, with
    their defaults, so last year's export imports today (newer documents are refused)."""
    if not isinstance(document, dict) or not isinstance(document.get("tables"), dict):
        return
    revision = document.get("schema_revision")
    if revision not in schema.known_revisions() or revision == schema.head_revision():
        return
    known = {table.name: table for table in tables()}
    for name, rows in document["tables"].items():
        table = known.get(name)
        if table is None or not isinstance(rows, list):
            continue
        for row in rows:
            if isinstance(row, dict):
                for column in table.columns:
                    if column.name not in row:
                        row[column.name] = _column_default(column)


def _check_unit(converted: dict[str, list[dict[str, Any]]], source: str) -> None:
    """Refuse a document whose unit neither this machine knows nor the document carries a
    readable copy of: it would import, then could never be checked or exported."""
    portfolio = converted["portfolio"][0]
    unit_id = portfolio.get("unit_id")
    if unit_id in load_catalogue().units:
        return
    copies = [
        row
        for row in converted.get("unit_snapshot", [])
        if row.get("portfolio_id") == portfolio.get("id")
    ]
    if not copies:
        raise InvalidInputError(
            f"{source}: the unit '{unit_id}' is not known here and the document carries no "
            "copy of it"
        )
    try:
        validate_unit_document(json.loads(copies[0]["definition_json"]), "its copy of the unit")
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidInputError(f"{source}: its copy of the unit is unreadable ({exc})") from None
    except FolioError as exc:
        raise InvalidInputError(f"{source}: {exc.message}") from None


def import_document(document: Any, target: Path, source: str = "input") -> PortfolioStore:
    """Create the .folio ``target`` from an interchange document (of this Folio's schema or
    an older one)."""
    _upgrade_document(document)
    _validate(document, source)
    converted = {
        table.name: _decoded_rows(table, document["tables"].get(table.name, []), source)
        for table in tables()
    }
    _check_unit(converted, source)
    try:
        with new_file(target) as engine, engine.begin() as connection:
            for table in tables():
                rows = converted[table.name]
                if rows:
                    connection.execute(insert(table), rows)
    except IntegrityError as exc:
        detail = str(exc.orig).splitlines()[0]
        raise InvalidInputError(f"{source}: the data is inconsistent ({detail})") from None
    return PortfolioStore(target, engine_for(target))


def read_json(path: Path, target: Path) -> PortfolioStore:
    name = f"'{path.name}'"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInputError(f"{name} does not exist") from None
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{name} is not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if target.exists():
        raise FolioFileError(f"'{target.name}' already exists; choose another name")
    return import_document(document, target, name)


# -- the published schema ---------------------------------------------------------------------


def _column_schema(column: Column[Any]) -> dict[str, Any]:
    column_type = column.type
    if isinstance(column_type, LargeBinary):
        spec: dict[str, Any] = {"type": "string", "contentEncoding": "base64"}
    elif isinstance(column_type, UtcDateTime):
        spec = {"type": "string", "format": "date-time"}
    elif isinstance(column_type, Date):
        spec = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif isinstance(column_type, Boolean):
        spec = {"type": "boolean"}
    elif isinstance(column_type, Integer):
        spec = {"type": "integer"}
    elif isinstance(column_type, Float):
        spec = {"type": "number"}
    else:
        spec = {"type": "string"}
    if column.nullable:
        spec["type"] = [spec["type"], "null"]
    if column.comment:
        spec["description"] = column.comment
    return spec


def build_schema() -> dict[str, Any]:
    """The JSON Schema of the interchange format, derived from the table metadata."""
    table_specs: dict[str, Any] = {}
    for table in tables():
        table_specs[table.name] = {
            "type": "array",
            "description": table.comment or f"Rows of the {table.name} table.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [column.name for column in table.columns],
                "properties": {column.name: _column_schema(column) for column in table.columns},
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://folio.invalid/schema/folio-interchange.schema.json",
        "title": "Folio portfolio interchange document",
        "description": (
            "A whole portfolio as JSON: every row of every table of a .folio file, attachments "
            "included as base64. Written by `folio export-json`, read by `folio import-json`. "
            "Row ids are kept, so references between tables stay valid."
        ),
        "type": "object",
        "required": ["format", "format_version", "schema_revision", "tables"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "schema_revision": {"type": "string", "description": "Alembic revision of the data."},
            "exported_by": {"type": "string"},
            "tables": {
                "type": "object",
                "additionalProperties": False,
                "required": ["portfolio"],
                "properties": table_specs,
            },
        },
    }


if __name__ == "__main__":
    print(json.dumps(build_schema(), indent=2, ensure_ascii=False))
