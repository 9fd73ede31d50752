"""Opening another portfolio reuses the SQL compiled for the last one: a cohort of files costs
one compilation, not one per file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from tests.conftest import make_demo


def _cache_misses(store, action) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(statements run, of which compiled afresh) while ``action`` runs on ``store``."""
    seen: list[bool] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if context is not None and context.compiled is not None:
            seen.append(context.cache_hit == context.dialect.CACHE_MISS)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen), sum(seen)


def test_a_second_portfolio_is_read_with_the_statements_the_first_compiled(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_demo(tmp_path / "a", "continuous-improvement")
    ran, _ = _cache_misses(first, first.load)
    assert ran > 10
    first.close()

    second = make_demo(tmp_path / "b", "continuous-improvement")
    ran, compiled = _cache_misses(second, second.load)
    item = second.load().feedback_items[0]
    assert ran > 10
    assert compiled == 0, f"{compiled} of {ran} statements compiled again for the second file"
    assert second.load().feedback_items[0].text == item.text
    second.close()
