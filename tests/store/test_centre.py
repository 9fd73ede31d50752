"""Centre mode against a real PostgreSQL server, started by the test on a private socket."""

from __future__ import annotations

import csv
import glob
import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.store import PortfolioStore
from app.store.centre import centre_engine, import_portfolio, open_portfolio, portfolio_ids
from app.workflow import submission
from tests.conftest import make_demo, make_incomplete_demo, require

pytestmark = pytest.mark.slow  # starts a PostgreSQL server


def _binary(name: str) -> str | None:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    return found


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the 'postgres' account then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    require(initdb and pg_ctl, "PostgreSQL's initdb and pg_ctl (Debian package postgresql)")
    require(importlib.util.find_spec("psycopg"), "psycopg (pip install -e '.[test]')")
    base = Path(tempfile.mkdtemp(prefix="folio-pg-"))
    data, socket = base / "data", base / "socket"
    socket.mkdir()
    base.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(socket, "postgres")
    subprocess.run(
        _as_server_user([initdb, "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_server_user(
            [
                pg_ctl,
                "-D",
                str(data),
                "-w",
                "-l",
                str(base / "server.log"),
                "-o",
                f"-k {socket} -c listen_addresses=''",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        import psycopg

        with psycopg.connect(
            f"host={socket} user=postgres dbname=postgres", autocommit=True
        ) as connection:
            connection.execute("CREATE DATABASE folio")
        yield f"postgresql+psycopg://postgres@/folio?host={socket}"
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "stop"]), capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


def test_portfolios_import_and_read_the_same_in_postgresql(
    pg_url: str, tmp_path: Path, capsys
) -> None:
    first = make_demo(tmp_path, "continuous-improvement")
    first.close()
    make_incomplete_demo(tmp_path).close()
    files = [tmp_path / "continuous-improvement.folio", tmp_path / "process-reengineering.folio"]
    code = main(
        [
            "cohort",
            "--db",
            pg_url,
            "--import",
            *map(str, files),
            "--csv",
            str(tmp_path / "centre.csv"),
        ]
    )
    assert code == 0
    with (tmp_path / "centre.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["unit"], r["marking points met"]) for r in rows[-2:]] == [
        ("continuous-improvement", "8/8"),
        ("process-reengineering", "3/5"),
    ]

    engine = centre_engine(pg_url)
    ids = portfolio_ids(engine)
    centre = open_portfolio(engine, ids[-2])
    with PortfolioStore.open(files[0]) as original:
        here, there = original.load(), centre.load()
        assert [f.text for f in there.feedback_items] == [f.text for f in here.feedback_items]
        assert [[f.text for f in x.feedback_items] for x in there.findings] == [
            [f.text for f in x.feedback_items] for x in here.findings
        ]
        assert [e.original_name for e in there.evidence_files] == [
            e.original_name for e in here.evidence_files
        ]
        assert centre.read_evidence(there.evidence_files[0].id) == original.read_evidence(
            here.evidence_files[0].id
        )
    assert check(centre.load(), centre.unit()).complete


def test_second_import_shares_evidence_and_keeps_portfolios_apart(
    pg_url: str, tmp_path: Path
) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    source = tmp_path / "continuous-improvement.folio"
    engine = centre_engine(pg_url)
    a, b = import_portfolio(engine, source), import_portfolio(engine, source)
    assert a != b
    first, second = open_portfolio(engine, a), open_portfolio(engine, b)
    second.update_item("feedback_item", second.load().feedback_items[0].id, text="changed in b")
    assert first.load().feedback_items[0].text != "changed in b"
    with engine.connect() as connection:
        blobs = connection.exec_driver_sql("SELECT count(*) FROM evidence_blob").scalar_one()
        files = connection.exec_driver_sql(
            "SELECT count(DISTINCT blob_sha256) FROM evidence_file"
        ).scalar_one()
    assert blobs == files  # identical content stored once for the whole centre


def test_submission_and_verify_work_per_portfolio_in_the_centre(
    pg_url: str, tmp_path: Path
) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    engine = centre_engine(pg_url)
    one = open_portfolio(
        engine, import_portfolio(engine, tmp_path / "continuous-improvement.folio")
    )
    other = open_portfolio(
        engine, import_portfolio(engine, tmp_path / "continuous-improvement.folio")
    )
    submission.submit(one, "Priya Shah", check(one.load(), one.unit()))
    other.add_item("feedback_item", source_type="survey", text="another learner's new item")
    report = submission.verify(one)
    assert [r.intact for r in report.versions] == [True]  # others' edits don't count
    assert report.audit_problems == []  # each portfolio's audit chain is its own
    with engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE feedback_item SET text = 'forged' WHERE portfolio_id = {one.portfolio_id} "
            "AND position = 0"
        )
    (version,) = submission.verify(one).versions
    assert any("text was changed since submission" in p for p in version.problems)
