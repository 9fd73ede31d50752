"""The desktop package built by ``make dist`` (dist/folio/): the frozen program itself runs.

Building takes about a minute, too slow for the suite, so these tests use the folder that
``make dist`` left (.ci/run builds it before the tests); without it they skip here and fail
under CI. Every command runs the frozen program from an unrelated folder with no PYTHONPATH,
so it can only use what is inside the bundle: its Python, Qt, the unit catalogue, fonts,
templates and the Alembic revision scripts.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from app import __version__
from app.store.schema import head_revision
from tests.conftest import REPO, require

PROGRAM = REPO / "dist" / "folio" / "folio"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dist")


@pytest.fixture(scope="module")
def folio(workdir: Path):  # type: ignore[no-untyped-def]
    """Runs the frozen ``folio`` with arguments; fails on a non-zero exit unless told not to."""
    require(PROGRAM.is_file() and os.access(PROGRAM, os.X_OK), f"{PROGRAM} (run 'make dist')")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    env["FOLIO_DATA_DIR"] = str(workdir / "data")

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(PROGRAM), *args],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check:
            assert done.returncode == 0, f"folio {' '.join(args)}: {done.stderr}"
        return done

    run.env = env  # type: ignore[attr-defined]
    return run


@pytest.fixture(scope="module")
def demo(folio, workdir: Path) -> Path:  # type: ignore[no-untyped-def]
    path = workdir / "x.folio"
    done = folio("demo", str(path))
    assert "Created demo portfolio" in done.stdout
    return path


def test_version(folio) -> None:  # type: ignore[no-untyped-def]
    assert folio("--version").stdout.strip() == f"Folio {__version__}"


def test_check_uses_the_bundled_catalogue(folio, demo: Path) -> None:  # type: ignore[no-untyped-def]
    result = json.loads(folio("check", str(demo), "--json").stdout)
    text = json.dumps(result)
    assert "continuous-improvement" in text
    assert "MP1" in text


def test_exports(folio, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf, docx, html = (tmp_path / f"x.{ext}" for ext in ("pdf", "docx", "html"))
    for out in (pdf, docx, html):
        folio("export", str(demo), "-o", str(out))
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert b"DejaVuSans" in pdf.read_bytes()  # the bundled font, embedded
    with zipfile.ZipFile(docx) as archive:
        assert "word/document.xml" in archive.namelist()
    assert "<html" in html.read_text(encoding="utf-8").lower()


def test_an_old_file_is_migrated_by_the_bundled_revisions(  # type: ignore[no-untyped-def]
    folio, tmp_path: Path
) -> None:
    old = tmp_path / "old.folio"
    old.write_bytes((FIXTURES / "schema-0001.folio").read_bytes())
    done = folio("check", str(old), check=False)  # 1: checked, with marking points not met
    assert done.returncode in (0, 1), done.stderr
    assert "fix:" in done.stdout
    with sqlite3.connect(old) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == head_revision()


def test_start_stays_up(folio, demo: Path) -> None:  # type: ignore[no-untyped-def]
    process = subprocess.Popen(
        [str(PROGRAM), "start", str(demo)],
        cwd=demo.parent,
        env=folio.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = demo.with_name(demo.name + ".lock")
    try:
        # The window has the portfolio open once its lock file is held beside it (a loaded
        # machine can take many seconds to get there), and it stays up after that.
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and process.poll() is None and not lock.exists():
            time.sleep(0.2)
        if process.poll() is not None:
            _, err = process.communicate()
            pytest.fail(f"folio start exited with {process.returncode}: {err}")
        assert lock.exists(), "the window did not open the portfolio within 90 s"
        time.sleep(2)
        assert process.poll() is None, "folio start exited after opening the portfolio"
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
