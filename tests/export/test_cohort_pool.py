"""A cohort exported over worker processes is the cohort exported in one process: the same
files under the same names with the same text, bad portfolios named with their reason and
skipped, and one progress line per portfolio on the command line."""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.export.cohort import SUMMARY_NAME, export_cohort
from tests.conftest import make_demo_cohort
from tests.export.conftest import pdf_text


def _summary(folder: Path) -> list[dict[str, str]]:
    with (folder / SUMMARY_NAME).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _newer_schema(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()


@pytest.fixture
def cohort(tmp_path: Path) -> list[Path]:
    """The demo cohort with a damaged file and one from a newer Folio among its portfolios."""
    folder, _centre = make_demo_cohort(tmp_path, signed=False)
    good = sorted(folder.glob("*.folio"))
    (folder / "damaged.folio").write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    _newer_schema(folder / "newer.folio", good[0])
    return sorted(folder.glob("*.folio"))


def test_the_pool_writes_what_one_process_writes(tmp_path: Path, cohort: list[Path]) -> None:
    here = export_cohort(cohort, "pdf", tmp_path / "here", draft=True, jobs=1)
    pooled = export_cohort(cohort, "pdf", tmp_path / "pool", draft=True, jobs=2)

    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "pool").iterdir())
    assert len(names) == len(cohort) - 2 + 1  # every good portfolio and the summary
    for name in names:
        if name.endswith(".pdf"):
            assert pdf_text(tmp_path / "pool" / name) == pdf_text(tmp_path / "here" / name), name
    assert _summary(tmp_path / "pool") == _summary(tmp_path / "here")
    assert [row.status for row in pooled] == [row.status for row in here]

    # The bad files are named with their reason; every other portfolio is exported.
    by_name = {row.source.name: row for row in pooled}
    assert by_name["damaged.folio"].status.startswith("error: ")
    assert "damaged" in by_name["damaged.folio"].status
    assert "newer version of Folio" in by_name["newer.folio"].status
    good = [row for name, row in by_name.items() if name not in {"damaged.folio", "newer.folio"}]
    assert all(row.ok and row.status == "exported (draft)" for row in good)
    for row in good:
        assert row.output is not None and row.output.parent == tmp_path / "pool"
        assert row.entry.learner in pdf_text(row.output)
    # Rows keep the order the portfolios were given in, whichever worker finished first.
    assert [row.source for row in pooled] == cohort


def test_names_follow_the_input_order_not_the_finishing_order(tmp_path: Path) -> None:
    """Two copies of one learner's portfolio: the first given gets the plain name."""
    folder, _centre = make_demo_cohort(tmp_path, signed=False)
    original = folder / "priya-continuous-improvement.folio"
    copy = folder / "a-copy.folio"
    shutil.copyfile(original, copy)
    for order in ([original, copy], [copy, original]):
        out = tmp_path / f"out-{order[0].stem}"
        rows = export_cohort(order, "html", out, draft=True, jobs=2)
        assert rows[0].output is not None and rows[1].output is not None
        assert rows[0].output.name == "Priya Shah - CS-2026-0417 - continuous-improvement.html"
        assert rows[1].output.name == (
            f"Priya Shah - CS-2026-0417 - continuous-improvement - {order[1].stem}.html"
        )


def test_cli_prints_a_progress_line_per_portfolio(
    tmp_path: Path, cohort: list[Path], capsys
) -> None:
    out = tmp_path / "out"
    flags = ["--format", "html", "--draft", "--out-dir", str(out)]
    code = main(["export", *map(str, cohort), *flags, "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 1  # some portfolios were not exported
    lines = captured.err.splitlines()
    total = len(cohort)
    assert [re.match(r"\[(\d+)/(\d+)\] ", line).groups() for line in lines] == [
        (str(n), str(total)) for n in range(1, total + 1)
    ]
    for source in cohort:
        assert sum(f"({source.name})" in line or f"] {source.name}:" in line for line in lines) == 1
    damaged = next(line for line in lines if "damaged.folio" in line)
    assert "error: " in damaged and "damaged" in damaged.split("error: ", 1)[1]
    assert f"{total - 2} of {total} exported" in captured.out
    assert "damaged.folio: error: " in captured.out

    good = [path for path in cohort if path.name not in {"damaged.folio", "newer.folio"}]
    again = main(["export", *map(str, good), *flags, "--jobs", "1"])
    assert again == 0  # every portfolio exported


def test_a_negative_job_count_is_refused(tmp_path: Path, cohort: list[Path], capsys) -> None:
    code = main(
        ["export", str(cohort[0]), "--format", "html", "--out-dir", str(tmp_path), "-j", "-2"]
    )
    assert code == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
