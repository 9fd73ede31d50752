"""The folio command line: output, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store import PortfolioStore
from app.store.interchange import export_document
from tests.conftest import REPO, UNIT_IDS, require_seeds


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_units_json_lists_5_units_and_22_verbatim_points(capsys) -> None:
    code, out, _ = run(capsys, "units", "--json")
    units = json.loads(out)
    assert code == 0
    assert [u["id"] for u in units] == list(UNIT_IDS)
    points = [p for u in units for p in u["marking_points"]]
    assert len(points) == 22
    seed_lines = {
        line[2:]
        for path in require_seeds().glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("- ")
    }
    assert [point["text"] for point in points if point["text"] not in seed_lines] == []


def test_units_text_output(capsys) -> None:
    code, out, _ = run(capsys, "units")
    assert code == 0
    assert "process-reengineering" in out and "MP5" in out


def test_new_info_attach_and_map(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ada.folio"
    code, out, _ = run(
        capsys,
        "new",
        path,
        "--unit",
        "journey-review",
        "--learner",
        "Ada <&>",
        "--candidate-number",
        "123",
        "--centre",
        "Northfield",
    )
    assert code == 0 and "Created" in out
    evidence = tmp_path / "notes.txt"
    evidence.write_text("Workshop notes")
    code, out, _ = run(
        capsys,
        "attach",
        path,
        evidence,
        "--map",
        "journey-review.MP1",
        "--why",
        "Stakeholder workshop notes",
    )
    assert code == 0 and "mapped to journey-review.MP1" in out
    code, out, _ = run(capsys, "info", path, "--json")
    info = json.loads(out)
    assert info["learner_name"] == "Ada <&>" and info["candidate_number"] == "123"
    assert info["counts"]["evidence_file"] == 1 and info["counts"]["evidence_link"] == 1
    assert info["evidence_bytes"] == len("Workshop notes")
    code, out, _ = run(capsys, "info", path)
    assert "Evidence files: 1" in out and "Declaration: not signed" in out


def test_attach_to_unknown_marking_point_is_exit_2(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ada.folio"
    run(capsys, "new", path, "--unit", "journey-review", "--learner", "Ada")
    evidence = tmp_path / "notes.txt"
    evidence.write_text("x")
    code, _, err = run(capsys, "attach", path, evidence, "--map", "journey-review.MP9")
    assert code == 2 and "not a marking point" in err
    with PortfolioStore.open(path) as store:
        assert store.counts()["evidence_file"] == 0


def test_demo_and_json_round_trip(tmp_path: Path, capsys) -> None:
    demo = tmp_path / "demo.folio"
    assert run(capsys, "demo", demo, "--unit", "strategic-service")[0] == 0
    assert run(capsys, "export-json", demo, "-o", tmp_path / "demo.json")[0] == 0
    assert run(capsys, "import-json", tmp_path / "demo.json", "-o", tmp_path / "copy.folio")[0] == 0
    with PortfolioStore.open(demo) as a, PortfolioStore.open(tmp_path / "copy.folio") as b:
        assert export_document(a) == export_document(b)


def test_start_creates_the_demo_in_the_data_folder(capsys, _private_data_dir: Path) -> None:
    code, out, _ = run(capsys, "start", "--no-gui")
    assert code == 0 and "Priya Shah" in out
    assert (_private_data_dir / "Demo - continuous-improvement.folio").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "x.folio", "--unit", "astrophysics", "--learner", "Ada"], "unknown unit"),
        (["new", "x.folio", "--unit", "journey-review"], "--learner"),
        (["frobnicate"], "invalid choice"),
        (["import-json", "missing.json", "-o", "y.folio"], "does not exist"),
        (["catalogue", "import", "missing.json"], "does not exist"),
    ],
)
def test_bad_usage_is_exit_2_with_one_line(tmp_path: Path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("entry", [["-m", "app"], None])
def test_installed_entry_points_run(tmp_path: Path, entry) -> None:
    command = [sys.executable, *entry] if entry else [str(Path(sys.executable).with_name("folio"))]
    result = subprocess.run(
        [*command, "units"], capture_output=True, text=True, cwd=REPO, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "journey-review" in result.stdout


def test_a_closed_pipe_ends_quietly(tmp_path: Path, monkeypatch, capsys) -> None:
    """`folio check FILE | head -1`: once the reader has gone, Folio stops without a word."""
    import os

    portfolio = tmp_path / "demo.folio"
    assert main(["demo", str(portfolio), "--unit", "journey-review"]) == 0
    capsys.readouterr()
    read_end, write_end = os.pipe()
    os.close(read_end)

    class ClosedPipe:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return write_end

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["check", str(portfolio)]) == 0
    assert capsys.readouterr().err == ""
