"""Mutation testing of the checker, store, workflow and export code: prints the kill rate per
area and writes the surviving mutants to docs/mutation/survivors.md.

Run with ``make mutate`` (every area), ``make mutate AREA=checker``,
``make mutate AREA=checker MODULE=app/checker/text.py`` (one module, or a glob), and
``SAMPLE=200`` to check a random 200 of the mutants not yet checked; ``RECHECK=1`` checks the
survivors again (after adding tests). Each area runs in its own
workspace (build/mutation/AREA) against only its own tests, and each run carries on from the
last: checked mutants keep their result until their function changes.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mutation import report, results, workspace

SURVIVORS = workspace.REPO / "docs" / "mutation" / "survivors.md"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--area", action="append", default=[], help="an area (default: all)")
    parser.add_argument(
        "--module", action="append", default=[], help="a module path or glob within the area"
    )
    parser.add_argument("--sample", type=int, default=0, help="check N unchecked mutants only")
    parser.add_argument("--seed", type=int, default=17, help="seed of the sample")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once")
    parser.add_argument(
        "--recheck", action="store_true", help="check the selection's survivors again (new tests)"
    )
    parser.add_argument(
        "--report-only", action="store_true", help="no test run: report what was found so far"
    )
    return parser.parse_args(argv)


def _mode(found: results.AreaResults) -> str:
    modules = found.by_module()
    if not found.tally().checked:
        return "not run yet"
    full = [path for path, tally in modules.items() if tally.complete]
    if len(full) == len(modules):
        return "every module run in full"
    if not full:
        return "sampled across the area"
    return "run in full: " + ", ".join(Path(p).name for p in full) + "; the rest sampled"


def _listed_not_checked(
    folder: Path, area: workspace.Area, found: results.AreaResults, modules: list[str]
) -> list[str]:
    """The survivors survivors.md lists for the area that this workspace has not checked (a
    fresh checkout, or a sample run elsewhere), found again by their key: only a mutant whose
    function and change are as listed is checked again."""
    text = SURVIVORS.read_text(encoding="utf-8") if SURVIVORS.exists() else ""
    rows = report.listed(text, area.name)
    wanted = set(rows.values())
    names = [
        name
        for name in found.select(modules, unchecked=True)
        if (found.paths[name], ".".join(results.qualname(name))) in wanted
    ]
    again = [
        name
        for name in names
        if results.describe(folder, name, found.paths[name], "not checked").key in rows
    ]
    if rows:
        print(f"{area.name}: {len(again)} of the {len(rows)} survivors listed found unchecked here")
    return again


def run_area(area: workspace.Area, settings: workspace.Settings, args: argparse.Namespace) -> int:
    folder = workspace.prepare(area, settings)
    workspace.generate(folder)
    found = results.load(folder, area.mutate)
    if args.report_only:
        return 0
    if args.recheck:
        pending = [
            name
            for name in found.select(args.module, unchecked=False)
            if found.statuses[name] in results.SURVIVING
        ]
        pending += _listed_not_checked(folder, area, found, args.module)
    else:
        pending = found.select(args.module, unchecked=True)
    if args.sample and len(pending) > args.sample:
        pending = sorted(random.Random(args.seed).sample(pending, args.sample))
    if not pending:
        print(f"{area.name}: every selected mutant already checked")
        return 0
    print(f"{area.name}: checking {len(pending)} mutants against {' '.join(area.tests)}")
    return workspace.run_mutmut(folder, pending, args.jobs)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    settings = workspace.load_settings()
    names = args.area or list(settings.areas)
    unknown = [name for name in names if name not in settings.areas]
    if unknown:
        print(f"unknown area {', '.join(unknown)}; areas: {', '.join(settings.areas)}")
        return 2
    failed = []
    for name in names:
        if run_area(settings.areas[name], settings, args) != 0:
            failed.append(name)

    sections = []
    for name in names:
        area = settings.areas[name]
        folder = workspace.workspace_root() / name
        found = results.load(folder, area.mutate)
        sections.append(
            report.AreaSection(name, found, results.survivors(folder, found), _mode(found))
        )
    open_rows = report.write(SURVIVORS, sections, list(settings.areas))

    print()
    print(f"{'area':<10} {'mutants':>8} {'checked':>8} {'killed':>8} {'survived':>9} {'rate':>9}")
    below = []
    for section in sections:
        tally = section.results.tally()
        rate = tally.rate
        shown = "—" if rate is None else f"{rate:.1f} %"
        label = "" if tally.complete else "  sampled" if tally.checked else "  not run yet"
        print(
            f"{section.name:<10} {tally.total:>8} {tally.checked:>8} {tally.detected:>8} "
            f"{tally.surviving:>9} {shown:>9}{label}"
        )
        if rate is None or rate < settings.target:
            below.append(section.name)
    print(f"\ntarget {settings.target:.0f} % killed in each area; survivors: {SURVIVORS}")
    for name, count in open_rows.items():
        if count:
            print(f"{name}: {count} survivors not judged yet (reason 'open')")
    if failed:
        print(f"mutmut did not finish for: {', '.join(failed)}")
    if below:
        print(f"below target: {', '.join(below)}")
    return 1 if failed or below else 0


if __name__ == "__main__":
    sys.exit(main())
