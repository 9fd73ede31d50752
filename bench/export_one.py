"""Run one export in its own process, so the benchmark can read its peak memory."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.export.service import export_portfolio
from app.store import PortfolioStore


def main() -> None:
    source, fmt, target = sys.argv[1], sys.argv[2], sys.argv[3]
    with PortfolioStore.open(Path(source)) as store:
        export_portfolio(store, fmt, Path(target), draft=True)


if __name__ == "__main__":
    main()
