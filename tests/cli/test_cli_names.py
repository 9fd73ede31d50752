"""The command line's handling of names: marking point ids, file extensions, export formats,
OS errors, and cohort file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.store import PortfolioStore


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def portfolio(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "ada.folio"
    assert run(capsys, "new", path, "--unit", "journey-review", "--learner", "Ada")[0] == 0
    return path


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.folio"
    assert main(["demo", str(path)]) == 0
    return path


@pytest.mark.parametrize("given", ["MP1", "mp1", "journey-review.MP1"])
def test_attach_maps_to_a_short_or_full_marking_point_id(
    tmp_path: Path, portfolio: Path, capsys, given: str
) -> None:
    evidence = tmp_path / "notes.txt"
    evidence.write_text("survey notes")
    code, out, err = run(capsys, "attach", portfolio, evidence, "--map", given, "--why", "notes")
    assert code == 0, err
    assert "mapped to journey-review.MP1" in out
    with PortfolioStore.open(portfolio) as store:
        links = store.load().evidence_links
        assert [link.marking_point_id for link in links] == ["journey-review.MP1"]


def test_an_unknown_marking_point_names_the_points_there_are(
    tmp_path: Path, portfolio: Path, capsys
) -> None:
    evidence = tmp_path / "notes.txt"
    evidence.write_text("x")
    code, _, err = run(capsys, "attach", portfolio, evidence, "--map", "MP9")
    assert code == 2 and err.count("\n") == 1
    assert "'MP9' is not a marking point" in err and "MP1" in err


@pytest.mark.parametrize("command", ["new", "demo", "import-json"])
def test_a_portfolio_name_without_folio_gets_it(tmp_path: Path, capsys, command: str) -> None:
    target = tmp_path / "z"
    if command == "new":
        args = ["new", target, "--unit", "journey-review", "--learner", "Zoe"]
    elif command == "demo":
        args = ["demo", target]
    else:
        source = tmp_path / "source.folio"
        run(capsys, "new", source, "--unit", "journey-review", "--learner", "Zoe")
        run(capsys, "export-json", source, "-o", tmp_path / "z.json")
        args = ["import-json", tmp_path / "z.json", "-o", target]
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert (tmp_path / "z.folio").is_file() and not target.exists()
    assert "z.folio" in out


def test_a_folio_name_is_kept_as_it_is(tmp_path: Path, capsys) -> None:
    target = tmp_path / "Ada.FOLIO"
    assert run(capsys, "new", target, "--unit", "journey-review", "--learner", "A")[0] == 0
    assert target.is_file() and not (tmp_path / "Ada.FOLIO.folio").exists()


def test_format_disagreeing_with_the_extension_is_refused(
    tmp_path: Path, complete: Path, capsys
) -> None:
    target = tmp_path / "x.pdf"
    code, _, err = run(capsys, "export", complete, "--format", "docx", "-o", target)
    assert code == 2 and err.count("\n") == 1
    assert "--format docx disagrees" in err
    assert not target.exists()


def test_the_extension_gives_the_format(tmp_path: Path, complete: Path, capsys) -> None:
    target = tmp_path / "x.HTML"
    code, _, err = run(capsys, "export", complete, "-o", target)
    assert code == 0, err
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_a_name_without_extension_gets_the_formats(tmp_path: Path, complete: Path, capsys) -> None:
    code, out, err = run(capsys, "export", complete, "--format", "html", "-o", tmp_path / "x")
    assert code == 0, err
    assert (tmp_path / "x.html").is_file() and not (tmp_path / "x").exists()
    assert "x.html" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x"], "give --format"),
        (["-o", "x.txt"], "cannot tell the format"),
        (["--format", "pdf", "-o", "x.txt"], "does not end in .pdf"),
        (["--out-dir", "out"], "--out-dir needs --format"),
    ],
)
def test_an_export_without_a_format_is_refused(
    tmp_path: Path, complete: Path, capsys, monkeypatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "export", complete, *args)
    assert code == 2 and err.count("\n") == 1
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_out_dir_that_is_a_file_is_one_clear_line(tmp_path: Path, complete: Path, capsys) -> None:
    taken = tmp_path / "ci.pdf"
    taken.write_bytes(b"%PDF-1.4")
    code, _, err = run(capsys, "export", complete, "--format", "pdf", "--out-dir", taken)
    assert code == 2 and err.count("\n") == 1
    assert "is a file, not a folder" in err and "File exists" not in err
    assert taken.read_bytes() == b"%PDF-1.4"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(13, "Permission denied", "locked.folio"), "no permission to use"),
        (FileNotFoundError(2, "No such file or directory", "gone.folio"), "does not exist"),
        (FileExistsError(17, "File exists", "ci.pdf"), "is already there"),
        (IsADirectoryError(21, "Is a directory", "out"), "is a folder, not a file"),
        (NotADirectoryError(20, "Not a directory", "a.pdf/b"), "is a file, not a folder"),
        (OSError(28, "No space left on device", "big.pdf"), "the disk is full"),
        (OSError(5, "Input/output error\nat sector 9", "usb.folio"), "Input/output error"),
        (OSError("something odd"), "something odd"),
    ],
)
def test_every_os_error_is_one_line(
    tmp_path: Path, portfolio: Path, capsys, monkeypatch, error: OSError, words: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(PortfolioStore, "open", fail)
    code, out, err = run(capsys, "info", portfolio)
    assert code == 2 and out == ""
    assert err.startswith("folio: ") and err.count("\n") == 1
    assert words in err and "Traceback" not in err
    if error.filename:
        assert f"'{error.filename}'" in err


def test_a_real_unwritable_folder_is_one_line(tmp_path: Path, complete: Path, capsys) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, so nothing can be made under it")
    code, _, err = run(capsys, "export", complete, "--format", "html", "-o", blocked / "x.html")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def _learner(path: Path, capsys, name: str, number: str) -> Path:
    assert run(capsys, "new", path, "--unit", "journey-review", "--learner", name,
               "--candidate-number", number)[0] == 0  # fmt: skip
    return path


def test_cohort_export_names_files_from_learner_and_candidate_number(
    tmp_path: Path, capsys
) -> None:
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    files = [
        _learner(cohort / "ada.folio", capsys, "Ada Lovelace", "1001"),
        _learner(cohort / "ada-copy.folio", capsys, "Ada Lovelace", "1001"),
        _learner(cohort / "sam.folio", capsys, "Sam Lee", ""),
        _learner(cohort / "sam-2.folio", capsys, "Sam Lee", ""),
    ]
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "export", *files, files[0], "--format", "html", "--out-dir", out, "--draft"
    )
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir() if p.suffix == ".html")
    assert len(names) == 4  # the file named twice is exported once
    assert not any("(" in name for name in names), names
    assert sum(name.startswith("Ada Lovelace - 1001") for name in names) == 2
    assert sum(name.startswith("Sam Lee") for name in names) == 2
    assert any("ada-copy" in name for name in names)
    assert any("sam-2" in name for name in names)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export-json", "{p}", "-o", "nodir/x.json"], "the folder 'nodir' does not exist"),
        (["export-json", "{p}", "-o", "d"], "'d' is a folder"),
        (["export", "{p}", "--draft", "--format", "html", "-o", "d"], "'d' is a folder"),
        (["export", "{p}", "--draft", "-o", "ada.folio/x.html"], "is a file, not a folder"),
        (["new", "nodir/x", "--unit", "journey-review", "--learner", "A"], "does not exist"),
        (["import-json", "x.json", "-o", "d"], "'d.folio'"),
        (["cohort", "d", "--csv", "nodir/x.csv"], "the folder 'nodir' does not exist"),
    ],
)
def test_a_missing_folder_or_a_folder_for_a_file_is_one_line_and_leaves_nothing(
    tmp_path: Path, portfolio: Path, capsys, monkeypatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d.folio").mkdir()
    run(capsys, "export-json", portfolio, "-o", "x.json")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, _, err = run(capsys, *[a.replace("{p}", str(portfolio)) for a in args])
    assert code == 2 and err.count("\n") == 1, err
    assert message in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_assess_takes_the_same_marking_point_names_as_attach(
    tmp_path: Path, complete: Path, capsys
) -> None:
    submitted = tmp_path / "submitted.folio"
    submitted.write_bytes(complete.read_bytes())
    with PortfolioStore.open(submitted) as store:
        learner = store.load().learner_name
    assert run(capsys, "submit", submitted, "--name", learner)[0] == 0
    for given in ("mp1", "MP2", "continuous-improvement.MP3"):
        code, out, err = run(
            capsys, "assess", submitted, "--assessor", "D. Okafor", "--mp", given,
            "--judgement", "met",
        )  # fmt: skip
        assert code == 0, err
        assert out.startswith(f"continuous-improvement.MP{given[-1]}: met")
    code, _, err = run(
        capsys, "assess", submitted, "--assessor", "D. Okafor", "--mp", "MP99", "--judgement", "met"
    )
    assert code == 2 and "'MP99' is not a marking point" in err and err.count("\n") == 1
