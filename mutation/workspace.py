"""The scratch folder each area is mutated in, so mutants are never written into the checkout.

mutmut reads its settings from ``pyproject.toml`` in the folder it runs in and writes a mutated
copy of the code to ``mutants/`` there. Each area gets its own folder under
``build/mutation/AREA`` holding copies of ``app/``, ``bench/`` (some tests build their
workloads with it), ``tests/``, ``resources/`` and a ``pyproject.toml`` whose ``[tool.mutmut]``
names that area's files and tests, so the areas keep their results apart and a run picks up
where the last one stopped.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Copied into each workspace; mutmut copies them on into mutants/ (also_copy, tests/).
COPIED = ("app", "bench", "tests", "resources", "alembic.ini")
SKIPPED_NAMES = {"__pycache__", ".pytest_cache", ".hypothesis"}


@dataclass(frozen=True)
class Area:
    """One part of the code and the tests that guard it."""

    name: str
    mutate: tuple[str, ...]
    tests: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    target: float
    areas: dict[str, Area]
    mutmut: dict[str, object]


def load_settings(repo: Path = REPO) -> Settings:
    data = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    folio = data["tool"]["folio"]["mutation"]
    areas = {
        name: Area(name, tuple(table["mutate"]), tuple(table["tests"]))
        for name, table in folio["areas"].items()
    }
    return Settings(float(folio["target"]), areas, dict(data["tool"]["mutmut"]))


def workspace_root(repo: Path = REPO) -> Path:
    """``build/mutation`` in the checkout (ignored by git), or ``FOLIO_MUTATION_DIR``."""
    override = os.environ.get("FOLIO_MUTATION_DIR")
    return Path(override) if override else repo / "build" / "mutation"


def _sync_tree(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source``, copying only changed files and keeping their
    times: mutmut compares a source file's time with its mutant's to know what to redo."""
    if source.is_file():
        if not target.exists() or not filecmp.cmp(source, target, shallow=False):
            shutil.copy2(source, target)
        return
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.name for p in source.iterdir() if p.name not in SKIPPED_NAMES}
    for stale in target.iterdir():
        if stale.name not in wanted and stale.name not in SKIPPED_NAMES:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    for name in sorted(wanted):
        _sync_tree(source / name, target / name)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def area_pyproject(text: str, area: Area, mutmut: dict[str, object]) -> str:
    """The checkout's pyproject.toml with ``[tool.mutmut]`` narrowed to one area."""
    section = dict(mutmut)
    section["only_mutate"] = list(area.mutate)
    section["pytest_add_cli_args_test_selection"] = list(area.tests)
    body = "\n".join(f"{key} = {_toml_value(value)}" for key, value in section.items())
    without = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[)", "", text)
    return without.rstrip("\n") + "\n\n[tool.mutmut]\n" + body + "\n"


def prepare(area: Area, settings: Settings, repo: Path = REPO) -> Path:
    """The area's workspace, brought up to date with the checkout."""
    folder = workspace_root(repo) / area.name
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        _sync_tree(repo / name, folder / name)
    # Tests that need the seed documents look for them beside the repository (tests/conftest).
    shared = repo.parent / "shared"
    link = folder / "shared"
    if shared.is_dir() and not link.exists():
        link.symlink_to(shared)
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    pyproject = folder / "pyproject.toml"
    wanted = area_pyproject(text, area, settings.mutmut)
    if not pyproject.exists() or pyproject.read_text(encoding="utf-8") != wanted:
        pyproject.write_text(wanted, encoding="utf-8")
    # Stale tests in mutants/ would still be collected: mutmut copies tests/ over, never prunes.
    shutil.rmtree(folder / "mutants" / "tests", ignore_errors=True)
    return folder


def environment() -> dict[str, str]:
    """The tests' environment: offscreen Qt, nothing on PYTHONPATH (the mutated copy must be
    the only ``app`` found), and no CI flag (a tool missing here skips, it does not fail)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CI")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


GENERATE = """
import os
from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants
from mutmut.mutation.trampoline import set_mutant_under_test
set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
copy_src_dir()
copy_also_copy_files()
stats = create_mutants(1)
print(f"mutants written: {stats.mutated} files mutated, {stats.unmodified} unchanged")
"""


def generate(folder: Path) -> None:
    """Write (or bring up to date) the mutants without running any test, so they can be
    counted and a sample drawn before the run."""
    subprocess.run(
        [sys.executable, "-c", GENERATE],
        cwd=folder,
        env=environment(),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run_mutmut(folder: Path, names: list[str], jobs: int) -> int:
    """``mutmut run`` in the workspace; with ``names`` only those mutants (checked again)."""
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *names]
    return subprocess.run(command, cwd=folder, env=environment(), check=False).returncode
