"""Older .folio files are migrated on open, after a backup; the result matches the models."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.catalogue import Unit
from app.models import Base
from app.store import PortfolioStore, template
from app.store.database import backup_path
from app.store.schema import head_revision, known_revisions
from tests.conftest import REPO, file_digest

FIXTURE = REPO / "tests" / "fixtures" / "schema-0001.folio"


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _schema_differences(store: PortfolioStore) -> list:
    with store.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "old portfolio.folio"
    shutil.copy2(FIXTURE, path)
    return path


def test_fixture_is_really_older() -> None:
    assert _revision(FIXTURE) == "0001" != head_revision()
    assert known_revisions()[0] == "0001"


def test_older_file_is_migrated_after_a_backup(old_file: Path) -> None:
    original = file_digest(old_file)
    with PortfolioStore.open(old_file) as store:
        portfolio = store.load()
        differences = _schema_differences(store)
    assert _revision(old_file) == head_revision()
    backup = backup_path(old_file, "0001")
    assert backup.exists() and file_digest(backup) == original
    assert differences == []
    assert portfolio.learner_name == "Priya Shah"
    assert len(portfolio.feedback_items) == 9
    assert len(portfolio.evidence_links) == 7
    assert {f.author for f in portfolio.evidence_files} == {"learner"}
    assert all(f.produced_on is None for f in portfolio.evidence_files)
    connection = sqlite3.connect(old_file)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_migrated_file_opens_again_without_a_second_backup(old_file: Path) -> None:
    PortfolioStore.open(old_file).close()
    PortfolioStore.open(old_file).close()
    backups = [p.name for p in old_file.parent.glob("*.before-upgrade-*")]
    assert backups == ["old portfolio.before-upgrade-0001.folio"]


@pytest.mark.parametrize("made", ["migrated", "from the image"])
def test_new_file_schema_matches_the_models(tmp_path: Path, unit: Unit, made: str) -> None:
    """Both ways a new file is made: migrated (a process's first) and from its image."""
    if made == "migrated":
        template.forget()
    else:
        PortfolioStore.create(tmp_path / "first.folio", unit, "Ada").close()
        assert template.image() is not None
    with PortfolioStore.create(tmp_path / "new.folio", unit, "Ada") as store:
        assert _schema_differences(store) == []
    assert _revision(tmp_path / "new.folio") == head_revision()


SIGNED_OFF_0004 = REPO / "tests" / "fixtures" / "schema-0004-signed-off.folio"


def test_decisions_made_before_signatures_are_unsigned_never_altered(
    tmp_path: Path, capsys
) -> None:
    """A portfolio submitted, judged and signed off (competent) by a Folio of schema 0004."""
    from app.cli import main
    from app.workflow.verification import verify

    path = tmp_path / "signed off before signatures.folio"
    shutil.copy2(SIGNED_OFF_0004, path)
    assert _revision(path) == "0004"
    with PortfolioStore.open(path) as store:
        report = verify(store)
        differences = _schema_differences(store)
    assert differences == []
    assert not report.altered and report.audit_problems == []
    (version,) = report.versions
    assert version.decision == "competent"
    assert version.trust() == "unsigned (made before signatures)"
    assert report.exit_code == 1  # a decision needs a signature to be relied on
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert "decision competent: unsigned (made before signatures)" in out
    assert "ALTERED" not in out and "Audit trail: 82 entries, chain intact" in out
