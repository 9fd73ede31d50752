"""The tutor's cohort listing: every file, bad ones reported in their row."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from app.cli import main
from tests.conftest import make_demo, make_incomplete_demo


def test_cohort_csv_lists_every_file_and_reports_a_corrupt_one(tmp_path: Path, capsys) -> None:
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    make_demo(cohort, "continuous-improvement").close()
    make_incomplete_demo(cohort).close()
    shutil.copyfile(cohort / "continuous-improvement.folio", cohort / "submitted.folio")
    assert main(["submit", str(cohort / "submitted.folio"), "--name", "Priya Shah"]) == 0
    (cohort / "zz-broken.folio").write_bytes(b"SQLite format 3\x00garbage")
    capsys.readouterr()
    assert main(["cohort", str(cohort), "--csv", str(tmp_path / "cohort.csv")]) == 0
    out = capsys.readouterr().out
    assert "zz-broken.folio: 'zz-broken.folio' is damaged" in out
    with (tmp_path / "cohort.csv").open(encoding="utf-8") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {
        "continuous-improvement.folio",
        "process-reengineering.folio",
        "submitted.folio",
        "zz-broken.folio",
    }
    assert rows["continuous-improvement.folio"]["marking points met"] == "8/8"
    assert rows["process-reengineering.folio"]["marking points met"] == "3/5"
    assert rows["submitted.folio"]["status"] == "submitted"
    assert rows["submitted.folio"]["version"] == "1"
    assert rows["zz-broken.folio"]["status"] == "unreadable"
    assert "truncated" in rows["zz-broken.folio"]["problem"]
