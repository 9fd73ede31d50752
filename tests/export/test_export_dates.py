"""Dates in an export read day first with the month named, in every table of every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.export.service import export_portfolio
from app.store import PortfolioStore
from tests.export.conftest import docx_text, pdf_text, squash


@pytest.fixture
def dated(store: PortfolioStore) -> PortfolioStore:
    """A KPI reading and a complaint case, the two tool tables that print a date."""
    metric = store.add_item(
        "metric", name="Repeat calls", unit="%", baseline_value=9, baseline_on="2026-01-05"
    ).item_id
    store.add_item("metric_reading", metric_id=metric, taken_on="2026-02-01", value=7)
    store.add_item("complaint_case", title="Late refund", opened_on="2026-03-09")
    return store


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_tool_tables_print_dates_day_first(dated: PortfolioStore, tmp_path: Path, fmt) -> None:
    path = export_portfolio(dated, fmt, tmp_path / f"dates.{fmt}", draft=True).path
    text = {"docx": docx_text, "pdf": pdf_text}.get(fmt, lambda p: p.read_text("utf-8"))(path)
    text = squash(text)
    for shown, iso in (("01 Feb 2026", "2026-02-01"), ("09 Mar 2026", "2026-03-09")):
        assert squash(shown) in text, (fmt, shown)
        assert squash(iso) not in text, (fmt, iso)
