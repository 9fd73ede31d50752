"""Files that are not intact .folio portfolios are refused, clearly, and left untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.errors import FolioFileError, NewerFormatError
from app.store import PortfolioStore
from tests.conftest import file_digest


def _text_file(path: Path, _good: Path) -> None:
    path.write_text("Dear assessor, please find my portfolio attached.\n")


def _empty_file(path: Path, _good: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path, _good: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.execute("INSERT INTO songs VALUES ('Yesterday')")
    connection.commit()
    connection.close()


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _newer_schema(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()


def _scribbled(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    page = 4096
    data[page * 3 : page * 5] = b"\xde\xad\xbe\xef" * (page // 2)
    path.write_bytes(bytes(data))


CASES: list[tuple[str, Callable[[Path, Path], None], str]] = [
    ("text", _text_file, "not a Folio portfolio (it is not an SQLite database)"),
    ("empty", _empty_file, "is empty"),
    ("foreign", _foreign_sqlite, "from another program, not a Folio portfolio"),
    ("truncated", _truncated, "truncated"),
    ("newer", _newer_schema, "newer version of Folio"),
    ("scribbled", _scribbled, "damaged"),
]


@pytest.fixture
def good_file(tmp_path: Path, unit) -> Path:
    path = tmp_path / "good.folio"
    with PortfolioStore.create(path, unit, "Ada") as store:
        # Long text spreads the file over many pages, so truncation and scribbles hit data.
        store.add_item("feedback_item", source_type="survey", text="comment " * 40_000)
    return path


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_and_untouched(
    tmp_path: Path, good_file: Path, name: str, make, message: str
) -> None:
    path = tmp_path / f"{name}.folio"
    make(path, good_file)
    digest = file_digest(path)
    with pytest.raises(FolioFileError) as raised:
        PortfolioStore.open(path)
    assert message in raised.value.message
    assert file_digest(path) == digest
    assert sorted(p.name for p in tmp_path.glob("*.folio*")) == sorted(["good.folio", path.name])


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_cli_reports_one_line_and_exit_code_2(
    tmp_path: Path, good_file: Path, capsys: pytest.CaptureFixture[str], name, make, message
) -> None:
    path = tmp_path / f"{name}.folio"
    make(path, good_file)
    digest = file_digest(path)
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert file_digest(path) == digest


def test_newer_schema_has_its_own_error_type(tmp_path: Path, good_file: Path) -> None:
    path = tmp_path / "newer.folio"
    _newer_schema(path, good_file)
    with pytest.raises(NewerFormatError, match="update Folio"):
        PortfolioStore.open(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FolioFileError, match="does not exist"):
        PortfolioStore.open(tmp_path / "nope.folio")
    with pytest.raises(FolioFileError, match="not a file"):
        PortfolioStore.open(tmp_path)


def test_foreign_keys_are_enforced(good_file: Path) -> None:
    with PortfolioStore.open(good_file) as store, store.engine.connect() as connection:
        (enabled,) = connection.exec_driver_sql("PRAGMA foreign_keys").one()
        (mode,) = connection.exec_driver_sql("PRAGMA journal_mode").one()
    assert enabled == 1
    assert mode == "delete"
