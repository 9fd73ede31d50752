"""After the first new file of a process (migrated), new files are written from its image: the
same schema, stamp and pragmas, without running a migration again."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.catalogue import Unit
from app.models import Base
from app.store import PortfolioStore, database, template
from app.store.fileformat import APPLICATION_ID, journal_path
from tests.conftest import _clear_memoised


def _schema(path: Path) -> dict[str, object]:
    connection = sqlite3.connect(path)
    try:
        return {
            "master": connection.execute(
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY name"
            ).fetchall(),
            "user_version": connection.execute("PRAGMA user_version").fetchone()[0],
            "application_id": connection.execute("PRAGMA application_id").fetchone()[0],
            "page_size": connection.execute("PRAGMA page_size").fetchone()[0],
            "journal_mode": connection.execute("PRAGMA journal_mode").fetchone()[0],
            "alembic_version": connection.execute("SELECT * FROM alembic_version").fetchall(),
        }
    finally:
        connection.close()


def _no_migrations(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a migration ran")

    monkeypatch.setattr(database.schema, "upgrade", refuse)


def test_a_file_from_the_image_is_the_migrated_file(
    tmp_path: Path, unit: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    template.forget()
    with PortfolioStore.create(tmp_path / "migrated.folio", unit, "Ada") as migrated:
        migrated_names = migrated.load().learner_name
    assert template.image() is not None
    _no_migrations(monkeypatch)
    with PortfolioStore.create(tmp_path / "from image.folio", unit, "Bea") as made:
        assert made.load().learner_name == "Bea"
        with made.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert migrated_names == "Ada"

    found = _schema(tmp_path / "from image.folio")
    assert found == _schema(tmp_path / "migrated.folio")
    assert found["application_id"] == APPLICATION_ID and found["journal_mode"] == "delete"
    assert found["alembic_version"] == [(database.schema.head_revision(),)]
    tables = {row[1] for row in found["master"] if row[0] == "table"}  # type: ignore[union-attr]
    assert tables == {*Base.metadata.tables, "alembic_version"}
    modes = {(tmp_path / name).stat().st_mode for name in ("migrated.folio", "from image.folio")}
    assert len(modes) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".folio") == [
        "from image.folio",
        "migrated.folio",
    ]
    assert not any(p.name.endswith(("-journal", ".creating")) for p in tmp_path.iterdir())


def test_the_image_is_the_empty_migrated_file(tmp_path: Path, unit: Unit) -> None:
    """Nothing the first create wrote after its migration is in the image."""
    template.forget()
    PortfolioStore.create(tmp_path / "first.folio", unit, "Ada Learner").close()
    image = template.image()
    assert image is not None
    empty = tmp_path / "empty.folio"
    empty.write_bytes(image)
    connection = sqlite3.connect(empty)
    try:
        assert connection.execute("SELECT count(*) FROM portfolio").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM audit_entry").fetchone() == (0,)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    assert b"Ada Learner" not in image


@pytest.mark.parametrize("change", ["revision", "application id"])
def test_the_image_serves_only_the_schema_and_id_it_was_made_for(
    tmp_path: Path, unit: Unit, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    PortfolioStore.create(tmp_path / "first.folio", unit, "Ada").close()
    assert template.image() is not None
    if change == "revision":
        monkeypatch.setattr(template.schema, "head_revision", lambda: "9999")
    else:
        monkeypatch.setattr(template, "APPLICATION_ID", APPLICATION_ID + 1)
    assert template.image() is None


def test_emptying_the_memoised_caches_drops_the_image(tmp_path: Path, unit: Unit) -> None:
    """Each mutant, and each test while mutmut records, migrates its first new file."""
    PortfolioStore.create(tmp_path / "first.folio", unit, "Ada").close()
    assert template.image() is not None
    _clear_memoised()
    assert template.image() is None


@pytest.mark.parametrize("path", ["migrated", "from the image"])
def test_what_a_dead_create_of_the_same_process_id_left_is_replaced(
    tmp_path: Path, unit: Unit, path: str
) -> None:
    if path == "migrated":
        template.forget()
    else:
        PortfolioStore.create(tmp_path / "first.folio", unit, "Ada").close()
    folder = tmp_path / "portfolios"
    folder.mkdir()
    left = folder / f".new.folio.{os.getpid()}.creating"
    left.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    journal_path(left).write_bytes(os.urandom(4096))

    with PortfolioStore.create(folder / "new.folio", unit, "Ada") as created:
        assert created.load().learner_name == "Ada"
    assert sorted(p.name for p in folder.iterdir()) == ["new.folio"]
    with sqlite3.connect(folder / "new.folio") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
