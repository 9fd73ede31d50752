"""The JSON interchange format: a whole portfolio, attachments included, as one JSON document.

Lossless by construction: every row of every table, each column encoded by its type
(dates as ISO text, timestamps as ISO text with offset, binary as base64). The JSON Schema
(resources/schema/folio-interchange.schema.json) is generated from the same table metadata.

Files are written and read as streams: a row at a time, and an attachment's base64 a chunk
at a time (interchange_blobs), so a portfolio with a large video costs a chunk of memory,
not the video's size.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Float,
    Integer,
    LargeBinary,
    Table,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from app import __version__
from app.catalogue import load_catalogue, validate_unit_document
from app.errors import FolioError, FolioFileError, InvalidInputError
from app.models import Base
from app.models.base import UtcDateTime
from app.resources import load_schema
from app.store import evidence_io, json_stream, schema
from app.store.database import engine_for, new_file
from app.store.interchange_blobs import COLUMN, TABLE, IncomingBlob, IncomingBlobs, base64_pieces
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


def _header() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": schema.head_revision(),
        "exported_by": f"Folio {__version__}",
    }


def export_document(store: PortfolioStore) -> dict[str, Any]:
    """The portfolio in ``store`` as an interchange document (plain JSON-ready data), held
    in memory whole: for tests and tools; files are written by write_json, a row at a time."""
    result: dict[str, Any] = {**_header(), "tables": {}}
    with store.engine.connect() as connection:
        for table in tables():
            order = [column for column in table.primary_key.columns]
            rows = connection.execute(select(table).order_by(*order)).mappings()
            result["tables"][table.name] = [
                {column.name: _encode(column, row[column.name]) for column in table.columns}
                for row in rows
            ]
    return result


def _blob_chunks(connection: Connection, sha256: str) -> Iterator[bytes]:
    """A stored attachment in chunks: SQLite's incremental blob reads in a .folio, the one
    value from a centre database."""
    if connection.dialect.name == "sqlite":
        raw: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        yield from evidence_io.iter_blob(raw, sha256)
        return
    table = Base.metadata.tables[TABLE]
    yield bytes(
        connection.execute(select(table.c[COLUMN]).where(table.c.sha256 == sha256)).scalar_one()
    )


def _write_rows(connection: Connection, table: Table, out: TextIO) -> None:
    """The table's rows as a JSON array, one row at a time; an attachment's base64 goes
    out a chunk at a time, straight from the blob."""
    streamed = table.name == TABLE
    columns = [c for c in table.columns if not (streamed and c.name == COLUMN)]
    order = [column for column in table.primary_key.columns]
    result = connection.execute(select(*columns).order_by(*order)).mappings()
    rows: Any = result.all() if streamed else result  # blob reads are not interleaved
    out.write(f"  {json.dumps(table.name)}: [")
    separator = "\n"
    for row in rows:
        out.write(separator + "   {\n")
        separator = ",\n"
        out.write(
            ",\n".join(
                f"    {json.dumps(c.name)}: "
                f"{json.dumps(_encode(c, row[c.name]), ensure_ascii=False)}"
                for c in columns
            )
        )
        if streamed:
            out.write(f',\n    "{COLUMN}": "')
            for piece in base64_pieces(_blob_chunks(connection, row["sha256"])):
                out.write(piece)
            out.write('"')
        out.write("\n   }")
    out.write("]" if separator == "\n" else "\n  ]")


def write_json(store: PortfolioStore, target: Path) -> None:
    """Write the portfolio as an interchange file, laid out as ``json.dumps(indent=1)`` lays
    out export_document, streamed; under a temporary name moved into place when complete."""
    temporary = target.with_name(target.name + ".part")
    try:
        with (
            temporary.open("w", encoding="utf-8") as out,
            store.engine.connect() as connection,
        ):
            out.write("{\n")
            for key, value in _header().items():
                out.write(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
            out.write(' "tables": {\n')
            for number, table in enumerate(tables()):
                out.write(",\n" if number else "")
                _write_rows(connection, table, out)
            out.write("\n }\n}\n")
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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


def _decoded_rows(
    table: Table,
    rows: list[dict[str, Any]],
    source: str,
    blobs: dict[int, IncomingBlob],
) -> list[dict[str, Any]]:
    decoded = []
    for index, row in enumerate(rows):
        streamed = blobs.get(index) if table.name == TABLE else None
        try:
            if streamed is not None and streamed.error:
                raise ValueError(streamed.error)
            values = {
                name: _decode(table.columns[name], value)
                for name, value in row.items()
                if not (streamed is not None and name == COLUMN)
            }
        except (ValueError, TypeError) as exc:
            raise InvalidInputError(f"{source}: tables/{table.name}/{index}: {exc}") from exc
        if streamed is not None:
            values[COLUMN] = streamed
        decoded.append(values)
    if table.name == TABLE:
        for row in decoded:
            data = row[COLUMN]
            if isinstance(data, IncomingBlob):
                digest, size = data.sha256, data.size
            else:
                digest, size = hashlib.sha256(data).hexdigest(), len(data)
            if digest != row["sha256"] or size != row["size"]:
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


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert the decoded rows; attachments read into the new portfolio already are there,
    those kept aside are copied in, a chunk at a time."""
    aside = [row for row in rows if isinstance(row.get(COLUMN), IncomingBlob)]
    whole = [row for row in rows if not isinstance(row.get(COLUMN), IncomingBlob)]
    if whole:
        connection.execute(insert(table), whole)
    raw: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    for row in aside:
        if not row[COLUMN].stored:
            row[COLUMN].insert(raw, row["sha256"])


def _import(
    document: Any, connection: Connection, source: str, blobs: dict[int, IncomingBlob]
) -> None:
    _upgrade_document(document)
    _validate(document, source)
    converted = {
        table.name: _decoded_rows(table, document["tables"].get(table.name, []), source, blobs)
        for table in tables()
    }
    _check_unit(converted, source)
    for table in tables():
        _insert(connection, table, converted[table.name])


def _inconsistent(source: str, exc: Exception) -> InvalidInputError:
    detail = str(getattr(exc, "orig", exc)).splitlines()[0]
    return InvalidInputError(f"{source}: the data is inconsistent ({detail})")


def import_document(document: Any, target: Path, source: str = "input") -> PortfolioStore:
    """Create the .folio ``target`` from an interchange document held in memory (of this
    Folio's schema or an older one)."""
    try:
        with new_file(target) as engine, engine.begin() as connection:
            _import(document, connection, source, {})
    except (IntegrityError, sqlite3.IntegrityError) as exc:
        raise _inconsistent(source, exc) from None
    return PortfolioStore(target, engine_for(target))


def _read_into(handle: TextIO, size: int, target: Path, name: str) -> None:
    """Read the document in ``handle`` into the new portfolio ``target``, streaming its
    attachments in; nothing is left at ``target`` when it is refused."""
    with new_file(target) as engine, engine.begin() as connection:
        raw: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        blobs = IncomingBlobs(raw, size, target.parent)
        try:
            try:
                document = json_stream.load(handle, blobs.streamed)
            except UnicodeDecodeError as exc:
                raise InvalidInputError(f"{name} is not UTF-8 text ({exc.reason})") from None
            except json_stream.DuplicateKeyError as exc:
                raise InvalidInputError(
                    f"{name}: line {exc.lineno}, column {exc.colno}: {exc.msg}"
                ) from None
            except json_stream.JSONStreamError as exc:
                raise InvalidInputError(
                    f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
                ) from None
            _import(document, connection, name, blobs.found)
        finally:
            blobs.close()


def read_json(path: Path, target: Path) -> PortfolioStore:
    """Create the .folio ``target`` from the interchange file ``path``, read as a stream."""
    name = f"'{path.name}'"
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInputError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise InvalidInputError(f"{name} is a folder, not a file") from None
    with handle:
        if target.exists():
            raise FolioFileError(f"'{target.name}' already exists; choose another name")
        try:
            _read_into(handle, os.fstat(handle.fileno()).st_size, target, name)
        except (IntegrityError, sqlite3.IntegrityError) as exc:
            raise _inconsistent(name, exc) from None
    return PortfolioStore(target, engine_for(target))


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
