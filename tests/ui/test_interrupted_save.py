"""A portfolio whose last save was cut short opens, and the window says what happened."""

from __future__ import annotations

from pathlib import Path

from app.store import PortfolioStore
from tests.store.test_durable_files import _crash_mid_save


def test_the_window_says_an_unfinished_save_was_undone(new_portfolio: Path, window_for) -> None:
    with PortfolioStore.open(new_portfolio) as store:
        store.add_item("feedback_item", source_type="survey", text="Queue too long.")
    _crash_mid_save(new_portfolio)
    window = window_for(new_portfolio)
    assert window.banner.isVisible()
    assert window.banner.text() == (
        "'Ada.folio' was closed in the middle of a save; the unfinished change was undone and "
        "the portfolio is as it was at its last completed save."
    )
    assert window.session.document.learner_name == "Ada Learner"
    assert window.session.document.feedback_items[0].text == "Queue too long."
