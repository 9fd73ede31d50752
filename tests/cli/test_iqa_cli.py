"""folio demo-cohort, iqa plan/status/report, eqa-pack and verify-pack from the command line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.workflow import iqa
from tests.conftest import Centre


def test_the_quality_assurance_commands(
    tmp_path: Path, centre: Centre, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cohort"
    assert main(["demo-cohort", str(folder), "--trust"]) == 0
    assert (
        main(["iqa", "plan", str(folder), "--rate", "0.25", "--new-assessor", "Amira Haddad"]) == 0
    )
    out = capsys.readouterr().out
    assert "Amira Haddad: 2 of 2 decisions sampled, new" in out
    plan = iqa.load_plan(iqa.plan_path(folder))
    due = next(s for s in plan.samples if s.status == "due")
    assert main(["iqa", "report", str(folder / due.file), "--disagree", "--comments", "Thin"]) == 2
    assert "needs action points" in capsys.readouterr().err
    code = main(
        [
            "iqa",
            "report",
            str(folder / due.file),
            "--disagree",
            "--comments",
            "MP1 judged on thin evidence",
            "--actions",
            "Re-judge MP1",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert "Grace Mensah disagrees with the decision" in capsys.readouterr().out
    assert main(["iqa", "status", str(folder), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    sample = next(s for s in status["samples"] if s["file"] == due.file)
    assert (sample["status"], sample["agrees"], sample["iqa"]) == ("done", False, "Grace Mensah")
    pack = tmp_path / "pack.zip"
    assert main(["eqa-pack", str(folder), "--out", str(pack)]) == 0
    capsys.readouterr()
    assert main(["verify-pack", str(pack)]) == 0
    assert "Result: intact" in capsys.readouterr().out
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(pack) as old, zipfile.ZipFile(altered, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == iqa.PLAN_NAME:
                data = data.replace(b'"due"', b'"done"', 1)
            new.writestr(name, data)
    assert main(["verify-pack", str(altered)]) == 1
    assert f"- {iqa.PLAN_NAME}: altered" in capsys.readouterr().out
