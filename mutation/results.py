"""What mutmut found in an area: every mutant's status, counts per module, and the survivors.

mutmut keeps one ``mutants/PATH.meta`` file per mutated source file, mapping each mutant's name
to the exit code of its test run; the statuses below are mutmut's reading of those codes.
"""

from __future__ import annotations

import ast
import contextlib
import fnmatch
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# mutmut's statuses, grouped: a detected mutant made a test fail (or hang, or crash, or not
# even type-check); a surviving one passed every test that reached it, or no test reached it.
DETECTED = {"killed", "timeout", "segfault", "caught by type check"}
SURVIVING = {"survived", "no tests", "suspicious"}


def status(exit_code: int | None) -> str:
    from mutmut.stats import status_by_exit_code

    return status_by_exit_code[exit_code]


@dataclass
class Tally:
    total: int = 0
    checked: int = 0
    detected: int = 0
    surviving: int = 0

    def add(self, state: str) -> None:
        self.total += 1
        if state in DETECTED:
            self.checked += 1
            self.detected += 1
        elif state in SURVIVING:
            self.checked += 1
            self.surviving += 1

    @property
    def rate(self) -> float | None:
        return 100.0 * self.detected / self.checked if self.checked else None

    @property
    def complete(self) -> bool:
        return self.checked == self.total


@dataclass
class AreaResults:
    """Mutant name -> status for one area, with the source file each belongs to."""

    statuses: dict[str, str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)

    def tally(self, names: list[str] | None = None) -> Tally:
        tally = Tally()
        for name in self.statuses if names is None else names:
            tally.add(self.statuses[name])
        return tally

    def by_module(self) -> dict[str, Tally]:
        modules: dict[str, Tally] = {}
        for name, state in self.statuses.items():
            modules.setdefault(self.paths[name], Tally()).add(state)
        return dict(sorted(modules.items()))

    def select(self, modules: list[str], *, unchecked: bool) -> list[str]:
        """Mutants of the given modules (path globs; all when empty), optionally only those
        not yet checked."""
        chosen = []
        for name, path in self.paths.items():
            if modules and not any(fnmatch.fnmatch(path, pattern) for pattern in modules):
                continue
            if unchecked and self.statuses[name] != "not checked":
                continue
            chosen.append(name)
        return sorted(chosen)


def load(folder: Path, mutate: tuple[str, ...]) -> AreaResults:
    """Every mutant of the area's files from the workspace's meta files."""
    results = AreaResults()
    mutants = folder / "mutants"
    for meta in sorted(mutants.rglob("*.py.meta")):
        path = meta.relative_to(mutants).as_posix()[: -len(".meta")]
        if not any(fnmatch.fnmatch(path, pattern) for pattern in mutate):
            continue
        if not (folder / path).exists():
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, exit_code in data["exit_code_by_key"].items():
            results.statuses[name] = status(exit_code)
            results.paths[name] = path
    return results


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@dataclass(frozen=True)
class Survivor:
    key: str
    name: str
    where: str
    mutation: str
    state: str


def _function_span(source: str, qualname: list[str]) -> tuple[int, int]:
    """First and last line of the function (or method) ``qualname`` in a module."""
    body = ast.parse(source).body
    node: ast.AST | None = None
    for part in qualname:
        node = next(
            (
                child
                for child in body
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                and child.name == part
            ),
            None,
        )
        if node is None:
            return 1, len(source.splitlines())
        body = node.body  # type: ignore[attr-defined]
    assert node is not None
    return node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]


def qualname(name: str) -> list[str]:
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    function, klass = orig_function_and_class_names_from_key(name)
    return [klass, function] if klass else [function]


def describe(folder: Path, name: str, path: str, state: str) -> Survivor:
    """Where a surviving mutant is (file:line in the checkout's source) and what it changed."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    with _inside(folder):
        diff = get_diff_for_mutant(name, path=path)
    removed = [line[1:].strip() for line in diff.splitlines() if line.startswith("-")][1:]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+")][1:]
    source = (folder / path).read_text(encoding="utf-8")
    first, last = _function_span(source, qualname(name))
    lines = source.splitlines()
    line = first
    if removed:
        for number in range(first, last + 1):
            if lines[number - 1].strip() == removed[0]:
                line = number
                break
    mutation = " / ".join(removed) + " → " + (" / ".join(added) if added else "(removed)")
    function = ".".join(qualname(name))
    # A key that survives renumbering: the file, the function and the change itself.
    key = hashlib.sha1(f"{path}\n{function}\n{mutation}".encode()).hexdigest()[:10]
    return Survivor(key, name, f"{path}:{line}", f"{function}: {mutation}", state)


def survivors(folder: Path, results: AreaResults) -> list[Survivor]:
    found = [
        describe(folder, name, results.paths[name], state)
        for name, state in results.statuses.items()
        if state in SURVIVING
    ]
    return sorted(found, key=lambda s: (s.where.split(":")[0], int(s.where.split(":")[1]), s.key))
