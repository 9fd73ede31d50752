"""Fixtures the checker's tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalogue import Unit
from app.store import PortfolioStore


@pytest.fixture
def portfolio(tmp_path: Path, catalogue) -> Iterator:  # type: ignore[no-untyped-def]
    """A factory: an empty portfolio for a unit, opened through the store."""
    opened: list[PortfolioStore] = []

    def make(unit_id: str) -> PortfolioStore:
        unit: Unit = catalogue.get(unit_id)
        store = PortfolioStore.create(tmp_path / f"{unit_id}-{len(opened)}.folio", unit, "Ada")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
