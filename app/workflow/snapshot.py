"""The canonical serialisation of a portfolio's content, and its SHA-256 digest.

Every table of learner content, rows in primary-key order, columns by name, values encoded
as in the interchange format; evidence content is represented by its SHA-256 (checked
against the stored bytes separately). Bookkeeping that changes without the learner's work
changing (audit log, submissions, assessments, timestamps of the last edit, status) is left
out, so the same work always gives the same digest.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, Table, select

from app.models import Base
from app.store.interchange import _encode

EXCLUDED_TABLES = frozenset(
    {
        "audit_entry",
        "submission",
        "assessment",
        "assessment_decision",
        "record_signature",
        "staff_certificate",
        # The assessment record is the staff's, not the learner's work; a sign-off signs
        # the records it relied on instead (app.store.staff_records.signed_records).
        "assessment_record",
        "record_question",
        "plan_activity",
        "assessment_review",
        "iqa_report",
    }
)
VOLATILE_COLUMNS = {
    # The registration number and employer contact are the centre's details, often filled in
    # after the work is submitted; they are not the learner's work.
    "portfolio": frozenset(
        {
            "updated_at",
            "status",
            "draft_version",
            "submitted_on",
            "registration_number",
            "employer_contact",
        }
    ),
}


def _belongs_to(table: Table, portfolio_id: int) -> Any:
    """The condition selecting ``table``'s rows of one portfolio (a centre database holds
    many): by portfolio_id, or through the row that a link table or a blob hangs from."""
    tables = Base.metadata.tables
    if table.name == "portfolio":
        return table.c.id == portfolio_id
    if "portfolio_id" in table.c:
        return table.c.portfolio_id == portfolio_id
    if table.name == "evidence_blob":
        files = tables["evidence_file"]
        return table.c.sha256.in_(
            select(files.c.blob_sha256).where(files.c.portfolio_id == portfolio_id)
        )
    key = next(iter(table.foreign_keys))  # link tables: through their first parent
    parent = key.column.table
    return key.parent.in_(select(parent.c.id).where(parent.c.portfolio_id == portfolio_id))


def canonical_content(connection: Connection, portfolio_id: int) -> dict[str, list[dict[str, Any]]]:
    """One portfolio's content, table by table, rows in primary-key order."""
    content: dict[str, list[dict[str, Any]]] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in EXCLUDED_TABLES:
            continue
        skip = VOLATILE_COLUMNS.get(table.name, frozenset()) | (
            {"data"} if table.name == "evidence_blob" else frozenset()
        )
        columns = [c for c in table.columns if c.name not in skip]
        query = (
            select(*columns)
            .where(_belongs_to(table, portfolio_id))
            .order_by(*table.primary_key.columns)
        )
        content[table.name] = [
            {c.name: _encode(c, row[c.name]) for c in columns}
            for row in connection.execute(query).mappings()
        ]
    return content


def canonical_json(content: dict[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def differences(before: dict[str, Any], after: dict[str, Any], limit: int = 12) -> list[str]:
    """What changed between two canonical contents, as short sentences naming table, row and
    field."""
    found: list[str] = []
    for table in sorted(set(before) | set(after)):
        old = {_key(row): row for row in before.get(table, [])}
        new = {_key(row): row for row in after.get(table, [])}
        for key in sorted(set(old) - set(new), key=str):
            found.append(f"{table} {key} was removed")
        for key in sorted(set(new) - set(old), key=str):
            found.append(f"{table} {key} was added")
        for key in sorted(set(old) & set(new), key=str):
            for column in sorted(set(old[key]) | set(new[key])):
                if old[key].get(column) != new[key].get(column):
                    found.append(f"{table} {key}: {column} was changed")
    return found[:limit] + ([f"… and {len(found) - limit} more"] if len(found) > limit else [])


def _key(row: dict[str, Any]) -> str:
    if "id" in row:
        return f"#{row['id']}"
    if "sha256" in row:
        return str(row["sha256"])[:12]
    return ",".join(f"{k}={v}" for k, v in sorted(row.items()))
