"""The EQA pack rendered over worker processes: it verifies, its manifest lists the same files
with the same hashes as a pack made in one process, and a sampled portfolio that cannot be
rendered is left out, named, and makes the pack fail verify-pack as incomplete."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.trust.keystore import KeyStore
from app.workflow import eqa_pack, iqa
from tests.conftest import Centre, make_demo_cohort


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory, module_data_dir: Path) -> tuple[Path, Centre]:
    """The demo cohort with its sampling plan saved, made once for the module."""
    folder, centre = make_demo_cohort(tmp_path_factory.mktemp("planned"))
    iqa.save_plan(iqa.plan_cohort(folder), iqa.plan_path(folder))
    return folder, centre


@pytest.fixture
def cohort(planned: tuple[Path, Centre]) -> tuple[Path, Centre]:
    """The planned cohort, for a test that only reads it (a pack is written elsewhere)."""
    return planned


@pytest.fixture
def own_cohort(tmp_path: Path, planned: tuple[Path, Centre]) -> tuple[Path, Centre]:
    """A copy of the planned cohort, for a test that changes its files."""
    folder, centre = planned
    shutil.copytree(folder, tmp_path / "cohort")
    return tmp_path / "cohort", centre


def _manifest(pack: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(pack) as opened:
        return json.loads(opened.read(eqa_pack.MANIFEST))


def test_a_pooled_pack_verifies_and_matches_one_built_in_process(
    tmp_path: Path, cohort: tuple[Path, Centre], capsys
) -> None:
    folder, centre = cohort
    keys = centre.verifier(tmp_path / "eqa")
    pooled = eqa_pack.build_pack(folder, tmp_path / "pooled.zip", keys, jobs=2)
    here = eqa_pack.build_pack(folder, tmp_path / "here.zip", keys, jobs=1)

    assert pooled.skipped == {} and pooled.samples == here.samples > 1
    # The same files; every hash the same but the PDFs' (each carries its own creation time).
    assert list(pooled.files) == list(here.files)
    assert {n: h for n, h in pooled.files.items() if not n.endswith(".pdf")} == {
        n: h for n, h in here.files.items() if not n.endswith(".pdf")
    }
    manifest = _manifest(tmp_path / "pooled.zip")
    assert list(manifest["files"]) == sorted(manifest["files"])
    assert manifest["skipped"] == {}

    checked = eqa_pack.verify_pack(tmp_path / "pooled.zip", keys)
    assert checked.problems == [] and len(checked.portfolios) == pooled.samples

    # folio verify-pack on a machine that trusts the centre
    KeyStore().add_file(centre.keys.centre_dir / "centre.pem")
    capsys.readouterr()
    assert main(["verify-pack", str(tmp_path / "pooled.zip")]) == 0
    assert "Result: intact" in capsys.readouterr().out


def test_a_bad_sampled_portfolio_is_left_out_and_named(
    tmp_path: Path, own_cohort: tuple[Path, Centre], capsys
) -> None:
    folder, centre = own_cohort
    KeyStore().add_file(centre.keys.centre_dir / "centre.pem")
    plan = iqa.load_plan(iqa.plan_path(folder))
    bad = plan.samples[0].file
    (folder / bad).write_bytes(b"not a portfolio at all")
    target = tmp_path / "pack.zip"

    code = main(["eqa-pack", str(folder), "--out", str(target), "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 1  # written, but a sampled portfolio is missing from it
    assert f"Left out {bad}: '{bad}' is not a Folio portfolio" in captured.out
    total = len(plan.samples)
    progress = captured.err.splitlines()
    assert [line.split("] ", 1)[0] for line in progress] == [
        f"[{n}/{total}" for n in range(1, total + 1)
    ]
    named = sorted(line.split("] ", 1)[1].split(":", 1)[0] for line in progress)
    assert named == sorted(s.file for s in plan.samples)
    reason = f"'{bad}' is not a Folio portfolio (it is not an SQLite database)."
    assert f"] {bad}: skipped: {reason}" in captured.err

    manifest = _manifest(target)
    assert list(manifest["skipped"]) == [bad]
    assert f"portfolios/{bad}" not in manifest["files"]
    others = [s.file for s in plan.samples[1:]]
    assert {f"portfolios/{name}" for name in others} <= set(manifest["files"])

    assert main(["verify-pack", str(target)]) == 1
    out = capsys.readouterr().out
    assert f"- {bad}: sampled but left out of the pack ('{bad}' is not a Folio portfolio" in out
    assert "Result: ALTERED or incomplete — 1 problem(s)." in out


def test_cancelling_writes_no_pack(tmp_path: Path, cohort: tuple[Path, Centre]) -> None:
    import threading

    from app.export.batch import CancelledError

    folder, _centre = cohort
    cancel = threading.Event()

    def first_then_cancel(done: int, total: int, text: str) -> None:
        cancel.set()

    with pytest.raises(CancelledError, match="no EQA pack was written"):
        eqa_pack.build_pack(
            folder, tmp_path / "pack.zip", report=first_then_cancel, jobs=1, cancel=cancel
        )
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".folio-pack-*")) == []
