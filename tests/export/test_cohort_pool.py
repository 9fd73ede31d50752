"""A cohort exported over worker processes is the cohort exported in one process: the same
files under the same names with the same text, bad portfolios named with their reason and
skipped, and one progress line per portfolio on the command line.

Starting a pool costs each worker seconds of imports, so one run over the pool (from the
command line, as a person runs it) serves every test here; the others run in this process."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main
from app.export.cohort import SUMMARY_NAME, CohortRow, export_cohort
from tests.conftest import make_demo_cohort
from tests.export.conftest import pdf_text

ORIGINAL = "priya-continuous-improvement.folio"
#: A copy of ORIGINAL: the same learner twice, so the names must say which file is which.
COPY = "a-copy.folio"


def _summary(folder: Path) -> list[dict[str, str]]:
    with (folder / SUMMARY_NAME).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _newer_schema(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory, module_data_dir: Path) -> list[Path]:
    """The demo cohort with a copy of one portfolio, a damaged file and one from a newer
    Folio among its portfolios (only read by the tests)."""
    folder, _centre = make_demo_cohort(tmp_path_factory.mktemp("pool"), signed=False)
    good = sorted(folder.glob("*.folio"))
    shutil.copyfile(folder / ORIGINAL, folder / COPY)
    (folder / "damaged.folio").write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    _newer_schema(folder / "newer.folio", good[0])
    return sorted(folder.glob("*.folio"))


@dataclass(frozen=True)
class PooledRun:
    """``folio export COHORT --format pdf --draft --out-dir OUT --jobs 2``: its exit code,
    what it printed, and the rows export_cohort gave the command."""

    code: int
    out: str
    err: str
    rows: list[CohortRow]
    folder: Path


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory, cohort: list[Path]) -> PooledRun:
    folder = tmp_path_factory.mktemp("pooled") / "out"
    rows: list[CohortRow] = []

    def export_and_keep_rows(*args: object, **kwargs: object) -> list[CohortRow]:
        rows.extend(export_cohort(*args, **kwargs))  # type: ignore[arg-type]
        return rows

    out, err = io.StringIO(), io.StringIO()
    flags = ["--format", "pdf", "--draft", "--out-dir", str(folder), "--jobs", "2"]
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
        patch.setattr("app.cli.commands.export_cohort", export_and_keep_rows)
        code = main(["export", *map(str, cohort), *flags])
    return PooledRun(code, out.getvalue(), err.getvalue(), rows, folder)


def test_the_pool_writes_what_one_process_writes(
    tmp_path: Path, cohort: list[Path], pooled: PooledRun
) -> None:
    here = export_cohort(cohort, "pdf", tmp_path / "here", draft=True, jobs=1)
    pool = pooled.folder

    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names == sorted(p.name for p in pool.iterdir())
    assert len(names) == len(cohort) - 2 + 1  # every good portfolio and the summary
    printed = {name: pdf_text(pool / name) for name in names if name.endswith(".pdf")}
    for name, text in printed.items():
        assert text == pdf_text(tmp_path / "here" / name), name
    assert _summary(pool) == _summary(tmp_path / "here")
    assert [row.status for row in pooled.rows] == [row.status for row in here]

    # The bad files are named with their reason; every other portfolio is exported.
    by_name = {row.source.name: row for row in pooled.rows}
    assert by_name["damaged.folio"].status.startswith("error: ")
    assert "damaged" in by_name["damaged.folio"].status
    assert "newer version of Folio" in by_name["newer.folio"].status
    good = [row for name, row in by_name.items() if name not in {"damaged.folio", "newer.folio"}]
    assert all(row.ok and row.status == "exported (draft)" for row in good)
    for row in good:
        assert row.output is not None and row.output.parent == pool
        assert row.entry.learner in printed[row.output.name]
    # Rows keep the order the portfolios were given in, whichever worker finished first.
    assert [row.source for row in pooled.rows] == cohort
    # The same learner twice: the first given gets the plain name, in the pool as here.
    assert by_name[COPY].output.name == "Priya Shah - CS-2026-0417 - continuous-improvement.pdf"  # type: ignore[union-attr]
    assert by_name[ORIGINAL].output.name == (  # type: ignore[union-attr]
        "Priya Shah - CS-2026-0417 - continuous-improvement - priya-continuous-improvement.pdf"
    )


def test_names_follow_the_input_order_not_the_finishing_order(
    tmp_path: Path, cohort: list[Path]
) -> None:
    """Two copies of one learner's portfolio: the first given gets the plain name. Files are
    named once every portfolio is back, so the pool names them as this process does (above)."""
    folder = cohort[0].parent
    original, copy = folder / ORIGINAL, folder / COPY
    for order in ([original, copy], [copy, original]):
        out = tmp_path / f"out-{order[0].stem}"
        rows = export_cohort(order, "html", out, draft=True, jobs=1)
        assert rows[0].output is not None and rows[1].output is not None
        assert rows[0].output.name == "Priya Shah - CS-2026-0417 - continuous-improvement.html"
        assert rows[1].output.name == (
            f"Priya Shah - CS-2026-0417 - continuous-improvement - {order[1].stem}.html"
        )


def test_cli_prints_a_progress_line_per_portfolio(
    tmp_path: Path, cohort: list[Path], pooled: PooledRun, capsys
) -> None:
    assert pooled.code == 1  # some portfolios were not exported
    lines = pooled.err.splitlines()
    total = len(cohort)
    assert [re.match(r"\[(\d+)/(\d+)\] ", line).groups() for line in lines] == [
        (str(n), str(total)) for n in range(1, total + 1)
    ]
    for source in cohort:
        assert sum(f"({source.name})" in line or f"] {source.name}:" in line for line in lines) == 1
    damaged = next(line for line in lines if "damaged.folio" in line)
    assert "error: " in damaged and "damaged" in damaged.split("error: ", 1)[1]
    assert f"{total - 2} of {total} exported" in pooled.out
    assert "damaged.folio: error: " in pooled.out

    good = [path for path in cohort if path.name not in {"damaged.folio", "newer.folio"}]
    flags = ["--format", "html", "--draft", "--out-dir", str(tmp_path / "out")]
    again = main(["export", *map(str, good), *flags, "--jobs", "1"])
    assert again == 0  # every portfolio exported


def test_a_negative_job_count_is_refused(tmp_path: Path, cohort: list[Path], capsys) -> None:
    code = main(
        ["export", str(cohort[0]), "--format", "html", "--out-dir", str(tmp_path), "-j", "-2"]
    )
    assert code == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
