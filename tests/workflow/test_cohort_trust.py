"""Everywhere a cohort shows a decision it shows its trust: the listing, its CSV, the
cohort export (which refuses altered files) and the GUI cohort window."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.export.cohort import export_cohort
from app.store import PortfolioStore
from app.workflow import cohort, submission
from tests.conftest import Centre, make_demo

VERIFIED = "signed by Daniel Okafor, assessor, Northgate College (40123), verified"


def _signed_off(folder: Path, name: str, centre: Centre) -> Path:
    folder.mkdir(exist_ok=True)
    with make_demo(folder, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    path = folder / f"{name}.folio"
    (folder / "continuous-improvement.folio").rename(path)
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    return path


@pytest.fixture
def cohort_folder(tmp_path: Path, centre: Centre) -> Path:
    folder = tmp_path / "cohort"
    _signed_off(folder, "honest", centre)
    altered = _signed_off(folder, "altered", centre)
    connection = sqlite3.connect(altered)
    connection.execute("UPDATE assessment SET judgement = 'met', feedback = 'Met — Learner'")
    connection.commit()
    connection.close()
    return folder


def test_the_cohort_listing_and_csv_show_trust(cohort_folder: Path, capsys) -> None:
    entries = {e.path.stem: e for e in cohort.read_cohort(cohort_folder)}
    assert entries["honest"].decision == "competent" and entries["honest"].trust == VERIFIED
    assert entries["altered"].decision == "competent"
    assert entries["altered"].trust.startswith("ALTERED: ")
    assert main(["cohort", str(cohort_folder), "--csv", str(cohort_folder / "c.csv")]) == 0
    out = capsys.readouterr().out
    assert f"submitted v1, competent, {VERIFIED}" in out
    altered = "altered.folio: Priya Shah (continuous-improvement) 8/8 met, submitted v1"
    assert f"{altered}, competent, ALTERED: " in out
    with (cohort_folder / "c.csv").open(encoding="utf-8") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    assert rows["honest.folio"]["trust"] == VERIFIED
    assert rows["altered.folio"]["trust"].startswith("ALTERED")


def test_cohort_export_refuses_altered_files(cohort_folder: Path, tmp_path: Path) -> None:
    rows = {
        r.source.stem: r
        for r in export_cohort(sorted(cohort_folder.glob("*.folio")), "html", tmp_path / "out")
    }
    assert rows["honest"].ok and rows["honest"].status == "exported"
    assert (
        not rows["altered"].ok and rows["altered"].status == "refused: ALTERED (see folio verify)"
    )
    with (tmp_path / "out" / "cohort-summary.csv").open(encoding="utf-8") as handle:
        summary = {row["source file"]: row for row in csv.DictReader(handle)}
    assert summary["honest.folio"]["trust"] == VERIFIED
    assert summary["altered.folio"]["trust"].startswith("ALTERED")
