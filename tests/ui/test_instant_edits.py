"""Instant edits: an edit applies its Change instead of reloading the portfolio, the check runs
in the check worker, and the panel follows when a newer verdict arrives."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

import app.checker as checker_module
from app.checker import Status, check
from app.store import PortfolioStore
from app.store.live import LiveDocument
from app.ui.main_window import MainWindow

MP1 = "continuous-improvement.MP1"
WAITED = "Waited 25 minutes at the collection desk for my order"
PHONED = "Phoned to complain that the ready email came too early"


@pytest.fixture
def window(window_for, new_portfolio: Path, checked) -> MainWindow:  # type: ignore[no-untyped-def]
    window = window_for(new_portfolio)
    checked(window)  # its first verdict, from the check worker
    window.show_stage("feedback")
    return window


@pytest.fixture
def no_check_in_window(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Threads on which the window ran the checker itself (it should not, for an edit)."""
    ran: list[int] = []
    real = checker_module.check  # what the session's own check imports when it runs

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        ran.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(checker_module, "check", spy)
    return ran


def _one_source(window: MainWindow) -> int:
    item = window.session.add_item("feedback_item", source_type="survey", text=WAITED)
    assert item is not None
    return item


def test_an_edit_reads_only_what_changed(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = _one_source(window)
    loads: list[str] = []
    monkeypatch.setattr(PortfolioStore, "load", lambda self: loads.append("store.load"))
    monkeypatch.setattr(LiveDocument, "reload", lambda self: loads.append("reload"))
    page = window.pages["feedback"]
    window.session.update_item("feedback_item", item, text="Waited 25 minutes at the desk")
    window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    window.undo_action.trigger()
    assert loads == []
    assert window.session.document.feedback_items[0].text == "Waited 25 minutes at the desk"
    assert page.model.data(page.model.index(0, 3)) == "Waited 25 minutes at the desk"
    assert [f.text for f in window.session.document.feedback_items] == [
        "Waited 25 minutes at the desk"
    ]


def test_the_check_runs_in_the_worker_and_the_panel_follows(
    qtbot, window: MainWindow, no_check_in_window: list[int]
) -> None:
    _one_source(window)
    assert window.points.status_of(MP1) != "Met"
    with qtbot.waitSignal(window.session.checked, timeout=15000) as arrived:
        window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    assert no_check_in_window == []  # nothing was checked on the GUI thread
    assert window.session.checked_by != os.getpid()
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    assert arrived.args[0].point("MP1").status in {Status.PARTLY, Status.MET}
    assert window.session.result.point("MP1").status is Status.MET
    assert window.points.status_of(MP1) == "Met"
    assert window.navigator.badge("feedback") == "complete"


def test_fast_edits_end_on_the_last_verdict_and_never_go_back(
    qtbot, window: MainWindow, no_check_in_window: list[int]
) -> None:
    item = _one_source(window)
    second = window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    assert second is not None
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    shown: list[int] = []
    window.session.checked.connect(lambda _result: shown.append(window.session.checked_version))
    # met, not met (both sources the same), met again: only the last may stay on screen
    window.session.update_item("feedback_item", second, source_type="survey")
    window.session.update_item("feedback_item", item, text="")
    window.session.update_item("feedback_item", item, text=WAITED + " again")
    window.session.update_item("feedback_item", second, source_type="complaint")
    last = window.session.version
    qtbot.waitUntil(lambda: window.session.checked_version == last, timeout=15000)
    assert shown == sorted(set(shown)) and shown[-1] == last
    assert len(shown) <= 4  # coalesced: never more checks than edits
    assert window.points.status_of(MP1) == "Met"
    assert no_check_in_window == []


def test_a_late_verdict_for_an_older_version_is_not_shown(qtbot, window: MainWindow) -> None:
    _one_source(window)
    window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    newest = window.session.result
    stale = check(window.session.store.load(), window.session.unit, dt.date.today())
    emitted: list[object] = []
    window.session.checked.connect(emitted.append)
    window.session._result_arrived(window.session.version - 1, stale, 1)
    assert emitted == [] and window.session.result is newest


def test_undo_of_an_edit_brings_back_the_view_and_the_verdict(
    qtbot, window: MainWindow, checked
) -> None:
    _one_source(window)
    second = window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    checked(window)
    assert window.points.status_of(MP1) == "Met"
    page = window.pages["feedback"]
    page.select(second)
    window.session.update_item("feedback_item", second, source_type="survey")
    assert page.form.widgets["source_type"].currentData() == "survey"
    assert page.model.data(page.model.index(1, 2)) == "Survey"
    checked(window)
    assert window.points.status_of(MP1) == "Partly met"
    window.undo_action.trigger()
    assert page.form.widgets["source_type"].currentData() == "complaint"
    assert page.model.data(page.model.index(1, 2)) == "Complaint"
    with qtbot.waitSignal(window.session.checked, timeout=15000):
        pass
    checked(window)
    assert window.points.status_of(MP1) == "Met"


def test_submitting_acts_on_a_verdict_for_the_document_as_it_is(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that has not answered yet (here: one that never will) is not waited for and
    not trusted: the verdict is checked now."""
    _one_source(window)
    window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    monkeypatch.setattr(window.session.checker, "submit", lambda version, change: True)
    window.session.update_item(
        "feedback_item", window.session.document.feedback_items[1].id, source_type="survey"
    )
    assert not window.session.result_is_current
    assert window.session.result.point("MP1").status is Status.MET  # what the panel still says
    result = window.session.current_result()
    assert result.point("MP1").status is Status.PARTLY
    assert window.session.result_is_current and window.points.status_of(MP1) == "Partly met"
    recorded: list[int] = []
    store = window.session.store
    real = store.submit_version
    monkeypatch.setattr(
        store,
        "submit_version",
        lambda name, on, missing, *rest: recorded.append(missing) or real(name, on, missing, *rest),
    )
    window.session.update_item(
        "feedback_item", window.session.document.feedback_items[1].id, source_type="complaint"
    )
    window.session.submit("Ada Learner", dt.date.today(), "Not finished")  # MP1 met again
    assert recorded == [len(result.points) - result.met_count - 1]


def test_without_a_worker_the_window_checks_for_itself(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window.session.checker, "submit", lambda version, change: False)
    _one_source(window)
    window.session.add_item("feedback_item", source_type="complaint", text=PHONED)
    assert window.session.result_is_current
    assert window.session.checked_by == os.getpid()
    assert window.points.status_of(MP1) == "Met"


def test_the_window_shows_before_its_first_verdict_which_the_worker_sends(
    qtbot, window_for, new_portfolio: Path, no_check_in_window: list[int]
) -> None:
    window = window_for(new_portfolio)
    assert window.isVisible() and window.session.result is None
    assert window.points.tree.topLevelItem(0).text(0) == "Checking the portfolio…"
    assert window.summary.text() == "Checking the portfolio…"
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    assert no_check_in_window == [] and window.session.checked_by != os.getpid()
    assert window.points.status_of(MP1) == "Missing"
    assert window.summary.text() == "0 of 8 marking points met"


def test_the_page_on_screen_is_filled_when_the_window_shows(
    window_for, new_portfolio: Path
) -> None:
    """Its list is laid out once on screen (sized from the rows in view), not before."""
    with PortfolioStore.open(new_portfolio) as store:
        store.add_item("feedback_item", source_type="survey", text=WAITED)
        store.add_item("feedback_item", source_type="complaint", text=PHONED)
    window = window_for(new_portfolio)
    page = window.pages["feedback"]
    assert window.current_stage() == "feedback" and "feedback" not in window.dirty
    assert [page.model.data(page.model.index(row, 3)) for row in range(2)] == [WAITED, PHONED]


@pytest.fixture
def fresh_worker():  # type: ignore[no-untyped-def]
    """No worker running before the test, none left after it."""
    from app.ui import checking

    checking.stop_worker()
    yield
    checking.stop_worker()


def test_a_worker_started_before_the_window_checks_its_first_verdict(
    qtbot, window_for, new_portfolio: Path, fresh_worker, no_check_in_window: list[int]
) -> None:
    from app.workflow import check_process

    check_process.start_early()
    early = check_process._early
    assert early is not None and early.process.is_alive()
    window = window_for(new_portfolio)  # loads while the worker's process loads the checker
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    assert window.session.checked_by == early.process.pid  # the early one, not a second one
    assert check_process._early is None and no_check_in_window == []
    assert window.points.status_of(MP1) == "Missing"


def test_an_early_worker_that_died_is_replaced(
    qtbot, window_for, new_portfolio: Path, fresh_worker
) -> None:
    from app.workflow import check_process

    check_process.start_early()
    early = check_process._early
    assert early is not None
    early.process.terminate()
    early.process.join(5)
    window = window_for(new_portfolio)
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    assert window.session.checked_by not in {early.process.pid, os.getpid()}


def test_folio_start_starts_the_worker_before_it_loads_the_window(monkeypatch) -> None:
    import app.cli as cli
    from app.workflow import check_process

    began: list[bool] = []

    def parsed() -> None:  # the rest of `main` is not what this test is about
        raise SystemExit(0)

    monkeypatch.setattr(check_process, "start_early", lambda: began.append(True))
    monkeypatch.setattr(cli, "build_parser", parsed)
    for argv, expected in (
        (["start", "x.folio"], [True]),
        (["start"], [True]),
        (["start", "--no-gui", "x.folio"], []),
        (["check", "x.folio"], []),
        (["start", "-h"], []),
    ):
        began.clear()
        with pytest.raises(SystemExit):
            cli.main(argv)
        assert began == expected, argv
