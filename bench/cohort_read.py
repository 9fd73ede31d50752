"""Reading a cohort (for make bench): each portfolio of the demo cohort opened and loaded in
turn by a fresh process, as the cohort window and cohort export do. The first file pays for
compiling the SQL; the rest reuse it (app.store.database shares the statement cache)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def read_all(folder: Path) -> list[float]:
    """Seconds to open and load each .folio in ``folder``, in name order."""
    from app.store import PortfolioStore

    seconds = []
    for path in sorted(folder.glob("*.folio")):
        start = time.perf_counter()
        with PortfolioStore.open(path) as store:
            store.load()
        seconds.append(time.perf_counter() - start)
    return seconds


def report(folder: Path) -> None:
    from app.demo.cohort import build_demo_cohort

    cohort = folder / "cohort"
    build_demo_cohort(cohort)
    output = subprocess.run(
        [sys.executable, __file__, str(cohort)], capture_output=True, text=True, check=True
    ).stdout
    seconds = json.loads(output)
    rest = sorted(seconds[1:])
    print(f"Reading the demo cohort ({len(seconds)} portfolios) in a fresh process")
    print(f"  first portfolio opened and loaded               {seconds[0] * 1000:7.1f} ms")
    median = rest[len(rest) // 2]
    print(f"  each of the others (median)                     {median * 1000:7.1f} ms")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(read_all(Path(sys.argv[1]))))
    else:
        with tempfile.TemporaryDirectory(prefix="folio-bench-") as folder:
            report(Path(folder))
