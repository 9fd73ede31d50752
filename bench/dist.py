"""The desktop package's figures (``make dist`` builds it): its size on disk and how fast the
frozen program starts, for ``folio --version`` (start-up alone) and ``folio check`` of the demo
portfolio (start-up plus the catalogue, the file and the checker)."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from pathlib import Path

DIST = Path(__file__).resolve().parent.parent / "dist" / "folio"
PROGRAM = DIST / "folio"


def folder_size(folder: Path) -> int:
    """Bytes on disk, counting each file once (the bundle has symbolic links to its Qt)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _wall(arguments: list[str], env: dict[str, str], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(PROGRAM), *arguments], env=env, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(folder: Path) -> None:
    if not PROGRAM.is_file():
        print(f"Desktop package: not built ({DIST} is missing; 'make dist' builds it)")
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["FOLIO_DATA_DIR"] = str(folder / "dist-data")
    demo = folder / "dist-demo.folio"
    subprocess.run([str(PROGRAM), "demo", str(demo)], env=env, capture_output=True, check=True)
    print(f"Desktop package {DIST}: {folder_size(DIST) / 1e6:.0f} MB")
    for label, arguments in (
        ("frozen folio --version (median of 5)", ["--version"]),
        ("frozen folio check of the demo (median of 5)", ["check", str(demo)]),
    ):
        print(f"{label:<46} {_wall(arguments, env) * 1000:9.1f} ms")
