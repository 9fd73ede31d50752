"""The EQA pack built from a demo cohort verifies on a machine that trusts the centre, and any
file altered, removed or added inside the ZIP is named."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

from app.store import PortfolioStore
from app.trust.keystore import KeyStore
from app.workflow import eqa_pack, iqa, submission
from tests.conftest import Centre, make_demo_cohort

_BUILT: list[tuple[Path, Centre]] = []


@pytest.fixture
def pack(tmp_path: Path) -> tuple[Path, KeyStore]:
    """A pack of the demo cohort with one signed IQA report (built once per run), and a key
    store that trusts the cohort's centre."""
    if not _BUILT:
        root = Path(tempfile.mkdtemp(prefix="folio-pack-cache-"))
        folder, centre = make_demo_cohort(root)
        plan = iqa.plan_cohort(folder)
        first = folder / plan.samples[0].file
        with PortfolioStore.open(first, actor="iqa: Grace Mensah") as store:
            submission.iqa_report(
                store, True, "Judgements agree with the evidence", "", "new", centre.iqa
            )
        eqa_pack.build_pack(folder, root / "pack.zip", centre.verifier(root / "eqa"))
        _BUILT.append((root / "pack.zip", centre))
    built, centre = _BUILT[0]
    target = tmp_path / "pack.zip"
    shutil.copyfile(built, target)
    return target, centre.verifier(tmp_path / "eqa-machine")


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> None:
    """Copy the ZIP, replacing (or, with None, leaving out) the named members; new names
    are added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in change:
                continue
            new.writestr(info.filename, old.read(info.filename))
        for name, data in change.items():
            if data is not None:
                new.writestr(name, data)


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def test_the_pack_holds_everything_and_verifies(pack: tuple[Path, KeyStore]) -> None:
    path, keys = pack
    with zipfile.ZipFile(path) as opened:
        names = set(opened.namelist())
        manifest = json.loads(opened.read(eqa_pack.MANIFEST))
        plan = json.loads(opened.read(iqa.PLAN_NAME))
        reports = list(csv.DictReader(io.StringIO(opened.read(eqa_pack.REPORTS_CSV).decode())))
        first = plan["samples"][0]
        stem = first["file"].removesuffix(".folio")
        achievement = list(
            csv.DictReader(io.StringIO(opened.read(f"achievement/{stem}.csv").decode()))
        )
    for sample in plan["samples"]:
        stem_of = sample["file"].removesuffix(".folio")
        assert {f"portfolios/{sample['file']}", f"pdfs/{stem_of}.pdf"} <= names
    assert set(manifest["files"]) == names - {eqa_pack.MANIFEST}
    assert [r["file"] for r in reports] == [first["file"]]
    assert reports[0]["agrees"] == "yes"
    assert reports[0]["trust"].startswith("agrees with the decision; signed by Grace Mensah")
    assert plan["samples"][0]["status"] == "done"
    assert achievement and {r["judgement"] for r in achievement} == {"met"}
    result = eqa_pack.verify_pack(path, keys)
    assert result.problems == []
    assert result.exit_code == 0
    assert len(result.portfolios) == len(plan["samples"])


def test_one_byte_changed_in_a_folio_is_named(pack: tuple[Path, KeyStore], tmp_path: Path) -> None:
    path, keys = pack
    with zipfile.ZipFile(path) as opened:
        name = next(n for n in opened.namelist() if n.endswith(".folio"))
        data = opened.read(name)
    altered = tmp_path / "altered.zip"
    _rewrite(path, altered, {name: _flip(data, len(data) // 2)})
    result = eqa_pack.verify_pack(altered, keys)
    assert result.exit_code == 1
    assert f"{name}: altered (its SHA-256 differs from the manifest's)" in result.problems
    assert all(p.startswith(name) for p in result.problems), result.problems


def test_a_changed_pdf_is_named(pack: tuple[Path, KeyStore], tmp_path: Path) -> None:
    path, keys = pack
    with zipfile.ZipFile(path) as opened:
        name = next(n for n in opened.namelist() if n.endswith(".pdf"))
        data = opened.read(name)
    altered = tmp_path / "altered.zip"
    _rewrite(path, altered, {name: _flip(data, 200)})
    result = eqa_pack.verify_pack(altered, keys)
    assert result.exit_code == 1
    assert result.problems == [f"{name}: altered (its SHA-256 differs from the manifest's)"]


def test_a_missing_and_an_extra_file_are_named(pack: tuple[Path, KeyStore], tmp_path: Path) -> None:
    path, keys = pack
    missing = tmp_path / "missing.zip"
    _rewrite(path, missing, {eqa_pack.REPORTS_CSV: None})
    result = eqa_pack.verify_pack(missing, keys)
    assert result.exit_code == 1
    assert result.problems == [
        f"{eqa_pack.REPORTS_CSV}: missing from the pack (listed in the manifest)"
    ]
    extra = tmp_path / "extra.zip"
    _rewrite(path, extra, {"pdfs/another-learner.pdf": b"%PDF-1.7 not ours"})
    result = eqa_pack.verify_pack(extra, keys)
    assert result.exit_code == 1
    assert result.problems == ["pdfs/another-learner.pdf: not in the manifest (added to the pack)"]


def test_a_portfolio_altered_and_rehashed_fails_verify(
    pack: tuple[Path, KeyStore], tmp_path: Path
) -> None:
    """A forger who rewrites the manifest to match is still caught by verify on the file."""
    import sqlite3

    path, keys = pack
    with zipfile.ZipFile(path) as opened:
        name = next(n for n in opened.namelist() if n.endswith(".folio"))
        data = opened.read(name)
        manifest = json.loads(opened.read(eqa_pack.MANIFEST))
    copy = tmp_path / "forged.folio"
    copy.write_bytes(data)
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE assessment_decision SET decision = 'refer'")
    connection.commit()
    connection.close()
    forged = copy.read_bytes()
    import hashlib

    manifest["files"][name] = hashlib.sha256(forged).hexdigest()
    target = tmp_path / "forged.zip"
    _rewrite(path, target, {name: forged, eqa_pack.MANIFEST: json.dumps(manifest).encode()})
    result = eqa_pack.verify_pack(target, keys)
    assert result.exit_code == 1
    assert len(result.problems) == 1 and result.problems[0].startswith(f"{name}: verify fails")


def test_signatures_from_an_untrusted_centre_fail(
    pack: tuple[Path, KeyStore], tmp_path: Path
) -> None:
    path, _keys = pack
    result = eqa_pack.verify_pack(path, KeyStore(tmp_path / "trusts-nobody"))
    assert result.exit_code == 1
    assert all(": verify fails" in p for p in result.problems)
    assert len(result.problems) == len(result.portfolios)


def test_a_pack_built_for_a_later_day_marks_unreported_samples_overdue(tmp_path: Path) -> None:
    folder, centre = make_demo_cohort(tmp_path)
    made = dt.date.today()
    planned = iqa.plan_cohort(folder, today=made)
    assert {s.status for s in planned.samples} == {"due"}
    later = made + dt.timedelta(days=iqa.DEFAULT_DUE_DAYS + 1)
    target = tmp_path / "pack.zip"
    eqa_pack.build_pack(folder, target, centre.verifier(tmp_path / "eqa"), today=later, jobs=1)
    with zipfile.ZipFile(target) as opened:
        plan = json.loads(opened.read(iqa.PLAN_NAME))
    assert [s["file"] for s in plan["samples"]] == [s.file for s in planned.samples]
    assert {s["status"] for s in plan["samples"]} == {"overdue"}


def test_a_portfolio_with_no_version_under_assessment_is_summarised_as_not_judged(
    tmp_path: Path, catalogue
) -> None:  # type: ignore[no-untyped-def]
    unit = catalogue.get("continuous-improvement")
    with PortfolioStore.create(tmp_path / "draft.folio", unit, "Ada Learner") as store:
        rows = eqa_pack.achievement_rows(store.load(), store.unit())
    assert [row[0] for row in rows] == [point.short_id for point in unit.marking_points]
    assert {tuple(row[2:]) for row in rows} == {("not judged", "", "", "", "", "")}
