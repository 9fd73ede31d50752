"""Folio's benchmarks: prints figures against the targets; never fails a build.

Run with ``make bench``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.checker import check
from bench import cohort_read, dist, exports, memory
from bench.large_portfolio import (
    EVIDENCE_LINKS,
    FEEDBACK_ITEMS,
    LOG_ENTRIES,
    open_large,
)


def timed(function, repeat: int = 1) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """Median wall time over ``repeat`` runs (shared machines are noisy; the median is robust)."""
    samples = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def report(name: str, seconds: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = "  (target < {:.0f} ms: {})".format(
            target * 1000, "ok" if seconds < target else "MISSED"
        )
    print(f"{name:<46} {seconds * 1000:9.1f} ms{verdict}")


def gui_start(folder: Path) -> None:
    """Cold start: a new process until the main window is shown, on the demo and large files."""
    import subprocess

    from app.catalogue import load_catalogue
    from app.demo import DEMO_UNIT, build_demo

    demo = folder / "demo.folio"
    build_demo(demo, load_catalogue().get(DEMO_UNIT)).close()
    script = Path(__file__).with_name("gui_start.py")
    # As on a user's machine after the first start: the bytecode is cached (an environment
    # with PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start).
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "app")], check=True)
    print("GUI cold start, a new process from its launch, bytecode cached (median of 3):")
    for label, path, target in (
        ("demo", demo, 1.0),
        ("large", folder / "large.folio", 1.5),
    ):
        shown, verdicts = [], []
        for _ in range(3):  # from the launch of a new process
            run = subprocess.run(
                [sys.executable, str(script), str(path), str(folder / "gui.ini"), str(time.time())],
                check=True,
                capture_output=True,
                text=True,
            )
            figures = json.loads(run.stdout.strip().splitlines()[-1])
            shown.append(figures["shown"])
            verdicts.append(figures["verdict"])
        report(f"{label}: until the window shows", statistics.median(shown), target)
        report(f"{label}: until its first verdict shows", statistics.median(verdicts))
    edit = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("gui_edit.py")),
            str(folder / "large.folio"),
            str(folder / "gui.ini"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(edit.stdout.strip().splitlines()[-1])
    print("\nGUI on the large portfolio (edits checked in the check worker):")
    report("keystroke to screen, p95", figures["keystroke_p95"], 0.016)
    report("one saved edit on the GUI thread (median)", figures["saved_edit_median"], 0.016)
    report("longest GUI thread stall, edit + check", figures["stall_max"], 0.016)
    report("GUI thread stall, edit + check (median)", figures["stall_median"], 0.016)
    report("edit until the panel shows its verdict (median)", figures["verdict_median"], 0.150)
    report("edit until the panel shows its verdict (worst)", figures["verdict_max"])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="folio-bench-") as folder:
        build_seconds, store = timed(lambda: open_large(Path(folder)))
        print(
            f"Large portfolio: {FEEDBACK_ITEMS} feedback items, {LOG_ENTRIES} log entries, "
            f"{EVIDENCE_LINKS} evidence links (plus the demo)\n"
        )
        report("generate and import (one transaction)", build_seconds)
        with store:  # type: ignore[attr-defined]
            load_seconds, portfolio = timed(store.load, repeat=5)  # type: ignore[attr-defined]
            unit = store.unit()  # type: ignore[attr-defined]
            check_seconds, result = timed(lambda: check(portfolio, unit), repeat=31)
            report("load the document (median of 5)", load_seconds)
            report("check against 8 marking points (median of 31)", check_seconds, 0.050)
            report("load + check", load_seconds + check_seconds)
            print(
                f"\nresult: {result.met_count}/{len(result.points)} met, "  # type: ignore[attr-defined]
                f"{len(result.warnings)} warnings\n"
            )  # type: ignore[attr-defined]
        cohort_read.report(Path(folder))
        print()
        exports.report(Path(folder) / "large.folio")
        print()
        exports.any_size(Path(folder))
        print()
        memory.report(Path(folder))
        print()
        gui_start(Path(folder))
        print()
        dist.report(Path(folder))


if __name__ == "__main__":
    main()
