"""Running one export in a child process, for its wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_child(*args: str) -> tuple[float, float, float]:
    """(seconds, peak RSS in MB, processor seconds) of a child process running
    bench/export_one.py. On a shared machine the wall time also counts the waits for a free
    core; the processor time does not."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(HERE / "export_one.py"), *args])
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"export failed: {args}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def spread_line(name: str, per_unit: list[float], target: float = 1.5) -> str:
    """The cost per unit (item, megabyte) at the largest size over that at the smallest:
    near 1 when the cost grows linearly, below 1 while start-up costs still weigh, above
    when it grows faster than the size."""
    spread = per_unit[-1] / per_unit[0]
    verdict = "ok" if spread <= target else "MISSED"
    return f"{name:<46} {spread:9.2f} x   (target <= {target} x: {verdict})"
