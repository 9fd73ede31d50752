"""The tamper matrix: one value changed in one column of one row, for every column of every
table of a submitted, signed-off, countersigned portfolio. Each change is either found by
verify (ALTERED, naming it) or refuses the file with a message naming the row; the columns
a change to which is no alteration are listed below with the reason."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.checker import check
from app.errors import FolioFileError
from app.models import Base
from app.store import PortfolioStore
from app.workflow import submission
from app.workflow.verification import verify
from tests.conftest import Centre, make_demo

#: (table, column) whose change is not an alteration of anything signed or submitted.
NOT_ALTERATIONS = {
    # The centre's details and Folio's bookkeeping of the file, not the learner's work.
    ("portfolio", "updated_at"): "the time of the last edit",
    ("portfolio", "status"): "workflow state; the submissions and signatures say what was done",
    ("portfolio", "submitted_on"): "shown on the cover; the submission row holds the real date",
    ("portfolio", "registration_number"): "centre's detail, often added after submission",
    ("portfolio", "employer_contact"): "centre's detail, often added after submission",
    # Row keys and back-references that nothing is judged by (records name things by
    # meaning, never by row id, so a copy in a centre database verifies the same).
    ("assessment", "id"): "row key",
    ("assessment", "portfolio_id"): "a .folio holds one portfolio",
    ("assessment", "snapshot_digest"): "judgements are compared by content with the sign-off",
    ("assessment_decision", "id"): "row key",
    ("assessment_decision", "portfolio_id"): "a .folio holds one portfolio",
    ("assessment_decision", "snapshot_digest"): "the sign-off pins the submission's digest",
    ("assessment_decision", "reopen_reason"): "empty on a current decision; reopenings are signed",
    ("staff_certificate", "subject"): "a readable copy; the DER is what is checked",
    ("staff_certificate", "id"): "row key; certificates are found by their SHA-256",
    ("assessment_decision", "signed_at"): "the sign-off date and the signature's time are signed",
    ("record_signature", "id"): "row key",
    ("assessment_record", "id"): "row key",
    ("assessment_record", "position"): "list order",
    ("assessment_record", "created_at"): "when it was typed, not what it says",
    ("assessment_record", "evidence_file_id"): "the file is the learner's, pinned by the digest",
    ("record_question", "id"): "row key",
    ("record_question", "portfolio_id"): "a .folio holds one portfolio",
    ("plan_activity", "id"): "row key",
    ("plan_activity", "position"): "list order",
    ("assessment_review", "id"): "row key",
    ("assessment_review", "position"): "list order",
}


def _changed(value: object, declared: str, rowid: int) -> object:
    """A different value of the same kind, as a forger editing the file would write."""
    declared = declared.upper()
    if value is None:
        return "2020-01-01" if "DATE" in declared else (1 if "INT" in declared else "forged")
    if isinstance(value, bytes):
        return bytes([value[0] ^ 1]) + value[1:]
    if isinstance(value, int):
        return 1 - value if "BOOL" in declared else value + 1000
    if isinstance(value, float):
        return value + 1.5
    assert isinstance(value, str)
    if declared == "DATE":
        return "2001-02-03"
    if declared == "DATETIME":
        return "2001-02-03 04:05:06.000000"
    if value.startswith("{"):
        return value[:-1] + ',"forged":[]}'
    return value + " (forged)"


@pytest.fixture(scope="module")
def signed_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Centre]:
    from tests.conftest import make_centre

    root = tmp_path_factory.mktemp("matrix")
    centre = make_centre(root / "keys")
    with make_demo(root, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
        path = store.path
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", f"{point.short_id}: seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    with PortfolioStore.open(path, actor="iqa: Grace Mensah") as store:
        submission.countersign(store, "Sampled; agree", centre.iqa)
    return path, centre


#: Every table of a .folio (one test each, so parallel workers share the matrix out).
TABLES = [table.name for table in Base.metadata.sorted_tables]


def test_the_matrix_names_every_table_of_a_signed_file(signed_file: tuple[Path, Centre]) -> None:
    path, centre = signed_file
    with PortfolioStore.open(path) as store:
        assert verify(store, centre.keys).exit_code == 0
    with sqlite3.connect(path) as connection:
        in_file = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        filled = {
            table
            for table in in_file
            if connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
        }
    assert in_file - {"alembic_version"} <= set(TABLES), in_file - set(TABLES)
    # The signed file exercises nearly every table; the matrix below changes each filled one.
    assert len(filled) >= 25, sorted(in_file - filled)
    assert {table for table, _ in NOT_ALTERATIONS} <= filled


@pytest.mark.slow
@pytest.mark.parametrize("table", [*TABLES, "alembic_version"])
def test_every_column_of_the_table_is_covered(
    signed_file: tuple[Path, Centre], tmp_path: Path, table: str
) -> None:
    path, centre = signed_file
    with sqlite3.connect(path) as connection:
        columns = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
        row = connection.execute(f'SELECT rowid, * FROM "{table}" LIMIT 1').fetchone()
    expected = {key for key in NOT_ALTERATIONS if key[0] == table}
    if row is None:
        assert not expected, f"{table} is empty in the signed file: {sorted(expected)} untested"
        return
    plan = [
        (column, _changed(row[index + 1], declared, row[0]), row[0])
        for index, (_cid, column, declared, *_rest) in enumerate(columns)
    ]
    undetected: dict[tuple[str, str], str] = {}
    for column, value, rowid in plan:
        copy = tmp_path / "forged.folio"
        shutil.copyfile(path, copy)
        with sqlite3.connect(copy) as connection:
            try:
                connection.execute(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (value, rowid)
                )
            except sqlite3.IntegrityError:
                continue  # the schema itself refuses it (unique keys, one target per link)
        try:
            with PortfolioStore.open(copy) as store:
                report = verify(store, centre.keys)
        except FolioFileError as refused:
            assert "'forged.folio'" in str(refused)
            continue
        if not report.altered:
            undetected[(table, column)] = report.trust()
    assert set(undetected) == expected, sorted(set(undetected) ^ expected)


def test_a_value_of_the_wrong_kind_refuses_the_file_naming_it(
    signed_file: tuple[Path, Centre], tmp_path: Path
) -> None:
    path, _centre = signed_file
    for statement, expected in (
        (
            "UPDATE feedback_item SET received_on = '2026-02-30' WHERE rowid = 2",
            "feedback_item row 2 holds '2026-02-30' in 'received_on'",
        ),
        (
            "UPDATE audit_entry SET at = 'yesterday' WHERE rowid = 3",
            "audit_entry row 3 holds 'yesterday' in 'at'",
        ),
        (
            "UPDATE metric SET baseline_value = 'lots' WHERE rowid = 1",
            "metric row 1 holds 'lots' in 'baseline_value'",
        ),
        (
            "UPDATE feedback_item SET text = x'00ff' WHERE rowid = 1",
            "feedback_item row 1 holds b'\\x00\\xff' in 'text'",
        ),
    ):
        copy = tmp_path / "edited.folio"
        shutil.copyfile(path, copy)
        with sqlite3.connect(copy) as connection:
            connection.execute(statement)
        with pytest.raises(FolioFileError) as refused:
            PortfolioStore.open(copy)
        assert str(refused.value) == (
            f"'edited.folio' is damaged or was edited outside Folio: {expected}, which is not "
            "a value Folio writes there."
        )
