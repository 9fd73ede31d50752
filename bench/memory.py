"""Peak memory of moving large attachments in and out: export-json and import-json of a
portfolio with a 250 MB attachment, and exports and the thumbnail of a 9000 x 9000 PNG.

Each step runs in its own process (bench/memory_one.py) and its peak resident size is read
from the operating system. The target is memory bounded by a constant: a step may cost what
opening the portfolio costs plus a working margin, never the attachment's size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.catalogue import load_catalogue
from app.store import PortfolioStore
from bench.big_images import write_png

HERE = Path(__file__).resolve().parent
ATTACHMENT_MB = 250
#: Peak allowed above the floor (opening and loading the portfolio), whatever the attachment.
MARGIN_MB = 100


def run_step(*args: str) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one bench/memory_one.py step."""
    start = time.perf_counter()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    process = subprocess.Popen(
        [sys.executable, str(HERE / "memory_one.py"), *args], env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"step failed: {' '.join(args)}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def capped_step(cap: int | None, *args: str) -> tuple[int, int, str]:
    """(exit status, peak virtual size in bytes, last line of stderr) of one
    bench/memory_one.py step, its address space capped at ``cap`` bytes when given."""
    command = [sys.executable, str(HERE / "memory_one.py")]
    if cap is not None:
        command += ["--cap", str(cap)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run([*command, *args], capture_output=True, text=True, env=env)
    peaks = [line for line in done.stdout.splitlines() if line.startswith("peak-virtual-bytes")]
    peak = int(peaks[-1].split()[1]) if peaks else 0
    errors = done.stderr.strip().splitlines()
    return done.returncode, peak, errors[-1] if errors else ""


def random_file(path: Path, megabytes: int) -> Path:
    """Incompressible content, written a megabyte at a time."""
    with path.open("wb") as handle:
        for _ in range(megabytes):
            handle.write(os.urandom(1024 * 1024))
    return path


def portfolio_with(path: Path, attachment: Path) -> Path:
    """A new portfolio at ``path`` holding ``attachment`` (which is then removed)."""
    unit = load_catalogue().get("continuous-improvement")
    with PortfolioStore.create(path, unit, "Ada Learner") as store:
        store.attach_file(attachment, title=attachment.name)
    attachment.unlink()
    return path


def _line(name: str, seconds: float, mb: float, floor: float) -> None:
    verdict = "ok" if mb < floor + MARGIN_MB else "MISSED"
    print(
        f"{name:<46} {seconds * 1000:9.0f} ms   peak {mb:6.0f} MB "
        f"(target < {floor + MARGIN_MB:.0f} MB: {verdict})"
    )


def report(folder: Path) -> None:
    """Print each step's time and peak against the floor plus MARGIN_MB."""
    big = portfolio_with(
        folder / "big-attachment.folio", random_file(folder / "video.bin", ATTACHMENT_MB)
    )
    _, floor = run_step("floor", str(big))
    print(f"{'open + load a portfolio (the floor)':<46} {'':>9}      peak {floor:6.0f} MB")
    seconds, mb = run_step("export-json", str(big), str(folder / "big.json"))
    _line(f"export-json, {ATTACHMENT_MB} MB attachment", seconds, mb, floor)
    seconds, mb = run_step("import-json", str(folder / "big.json"), str(folder / "back.folio"))
    _line(f"import-json, {ATTACHMENT_MB} MB attachment", seconds, mb, floor)
    for name in ("big.json", "back.folio", "big-attachment.folio"):
        (folder / name).unlink(missing_ok=True)

    picture = portfolio_with(folder / "picture.folio", write_png(folder / "plan.png"))
    for fmt in ("pdf", "docx", "html"):
        seconds, mb = run_step("export", fmt, str(picture), str(folder / f"picture.{fmt}"))
        _line(f"{fmt.upper()} export, 9000 x 9000 PNG", seconds, mb, floor)
    seconds, mb = run_step("thumbnail", str(picture))
    _line("evidence thumbnail, 9000 x 9000 PNG", seconds, mb, floor)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="folio-bench-memory-") as folder:
        report(Path(folder))


if __name__ == "__main__":
    main()
