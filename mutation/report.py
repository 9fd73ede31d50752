"""docs/mutation/survivors.md: every surviving mutant with why it is left alive.

The file is rewritten by each run for the areas that run covered; the reason column is written
by hand and kept across runs by each survivor's key (file, function and the change itself, so
it holds when other code moves). A survivor nobody has judged yet reads "open".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mutation.results import AreaResults, Survivor, Tally

ROW = re.compile(r"^\| `?([0-9a-f]{10}(?:-\d+)?)`? \|")
SECTION = re.compile(r"^## (\S+)", re.M)
OPEN = "open"

HEADER = """# Surviving mutants

Written by `make mutate` (mutation/run.py, with mutmut): for each area, how many of its mutants
the area's tests kill, and one row for every mutant that survived — where it is, what it
changed, and why it is left alive: *equivalent* (no input can tell it from the original),
*not worth a test* (with the reason), or *open* (not judged yet; a test should kill it).
The reason column is written by hand and kept across runs by the row's key. A kill rate over
part of an area's mutants is marked *sampled*; the mutants listed are then those of the sample.
"""


@dataclass(frozen=True)
class AreaSection:
    name: str
    results: AreaResults
    survivors: list[Survivor]
    mode: str


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def _rate(tally: Tally) -> str:
    rate = tally.rate
    return "—" if rate is None else f"{rate:.1f} %"


def _rows(text: str) -> Iterator[tuple[str, list[str]]]:
    """Each survivor row of ``text``: its key and its cells (escaped bars kept inside)."""
    for line in text.splitlines():
        match = ROW.match(line)
        if match:
            yield match.group(1), re.split(r"(?<!\\) \| ", line.strip().strip("|").strip())


def known_reasons(text: str) -> dict[str, str]:
    return {key: cells[-1].strip() for key, cells in _rows(text)}


def listed(text: str, area: str) -> dict[str, tuple[str, str]]:
    """The survivors an area's section lists: key (without a "-2" suffix) -> (source file,
    function), for finding them again in a workspace that has not checked them."""
    return {
        key.split("-")[0]: (cells[1].rsplit(":", 1)[0], cells[2].strip("`").split(": ", 1)[0])
        for key, cells in _rows(_sections(text).get(area, ""))
    }


def _sections(text: str) -> dict[str, str]:
    starts = [(m.group(1), m.start()) for m in SECTION.finditer(text)]
    found = {}
    for index, (name, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(text)
        found[name] = text[start:end].rstrip("\n") + "\n"
    return found


def render_section(section: AreaSection, reasons: dict[str, str]) -> str:
    tally = section.results.tally()
    label = "" if tally.complete else " (sampled)" if tally.checked else " (not run yet)"
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        f"## {section.name}",
        "",
        f"Kill rate {_rate(tally)}{label}: {tally.detected} of {tally.checked} mutants checked "
        f"killed, {tally.total} mutants in all; {section.mode}, {day}.",
        "",
        "| module | mutants | checked | killed | survived | kill rate |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for path, module in section.results.by_module().items():
        lines.append(
            f"| {path} | {module.total} | {module.checked} | {module.detected} "
            f"| {module.surviving} | {_rate(module)} |"
        )
    lines += ["", "| key | where | mutation | status | reason |", "| --- | --- | --- | --- | --- |"]
    seen: dict[str, int] = {}
    for survivor in section.survivors:
        key = survivor.key
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        reason = reasons.get(key, OPEN)
        lines.append(
            f"| `{key}` | {survivor.where} | `{_cell(survivor.mutation)}` "
            f"| {survivor.state} | {reason} |"
        )
    if not section.survivors:
        lines.append("| | | (none) | | |")
    return "\n".join(lines) + "\n"


def write(path: Path, sections: list[AreaSection], order: list[str]) -> dict[str, int]:
    """Rewrite the sections of the areas run, keep the others; returns open rows per area."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    reasons = known_reasons(old)
    kept = _sections(old)
    fresh = {section.name: render_section(section, reasons) for section in sections}
    parts = [HEADER]
    for name in order:
        if name in fresh:
            parts.append(fresh[name])
        elif name in kept:
            parts.append(kept[name])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    unjudged = f"| {OPEN} |"
    return {
        name: sum(1 for line in text.splitlines() if ROW.match(line) and line.endswith(unjudged))
        for name, text in fresh.items()
    }
