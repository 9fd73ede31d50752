"""The learner's workspace driven through its real widgets, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from app.checker import Status
from app.store import PortfolioStore
from app.ui.stage_page import StagePage
from tests.conftest import make_demo


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    if isinstance(widget, QPlainTextEdit):
        widget.selectAll()
        qtbot.keyClicks(widget, text)
        # A pause in typing saves the text.
        qtbot.waitUntil(lambda: not widget._timer.isActive(), timeout=5000)
    else:
        widget.selectAll()
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def _choose(qtbot, combo: QComboBox, value: str) -> None:  # type: ignore[no-untyped-def]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_adding_feedback_of_two_sources_meets_mp1_and_undo_reverts(
    qtbot, window_for, new_portfolio: Path, checked
) -> None:
    window = window_for(new_portfolio)
    checked(window)  # the first verdict comes from the check worker once the window is up
    page: StagePage = window.pages["feedback"]  # type: ignore[assignment]
    window.show_stage("feedback")
    assert window.points.status_of("continuous-improvement.MP1") == "Missing"
    assert window.navigator.badge("feedback") == "empty"

    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    _type(qtbot, page.form.widgets["text"], "The email said ready but it was not there")
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    _choose(qtbot, page.form.widgets["source_type"], "complaint")
    checked(window)
    assert window.points.status_of("continuous-improvement.MP1") == "Partly met"
    _type(qtbot, page.form.widgets["text"], "Customer phoned: collection slot missed twice")

    assert page.model.rowCount() == 2
    checked(window)
    assert window.points.status_of("continuous-improvement.MP1") == "Met"
    assert window.summary.text() == "1 of 8 marking points met"

    window.undo_action.trigger()  # the last edit: the complaint's text
    checked(window)
    assert window.points.status_of("continuous-improvement.MP1") == "Partly met"
    assert window.summary.text() == "0 of 8 marking points met"
    assert page.form.widgets["text"].toPlainText() == ""
    window.redo_action.trigger()
    checked(window)
    assert window.points.status_of("continuous-improvement.MP1") == "Met"
    window.close()

    with PortfolioStore.open(new_portfolio) as store:
        items = store.load().feedback_items
    assert [(i.source_type, i.text) for i in items] == [
        ("survey", "The email said ready but it was not there"),
        ("complaint", "Customer phoned: collection slot missed twice"),
    ]


def test_invalid_date_is_shown_in_place_and_not_saved(
    qtbot, window_for, new_portfolio: Path
) -> None:
    window = window_for(new_portfolio)
    page: StagePage = window.pages["feedback"]  # type: ignore[assignment]
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    date: QLineEdit = page.form.widgets["received_on"]  # type: ignore[assignment]
    _type(qtbot, date, "12/31/2026")  # month first
    assert "use day/month/year" in page.form.problem.text()
    assert "dc2626" in date.styleSheet()
    assert window.session.document.feedback_items[0].received_on is None
    _type(qtbot, date, "2026-10-01")
    assert page.form.problem.text() == ""
    assert str(window.session.document.feedback_items[0].received_on) == "2026-10-01"
    assert date.text() == "01/10/2026"


def test_delete_and_undo_restores_item_and_its_links(qtbot, window_for, tmp_path: Path) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    window.show_stage("analysis")
    page: StagePage = window.pages["analysis"]  # type: ignore[assignment]
    first = window.session.document.findings[0]
    linked = [f.id for f in first.feedback_items]
    page.select(first.id)
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)
    assert len(window.session.document.findings) == 2
    window.undo_action.trigger()
    restored = window.session.document.findings[0]
    assert restored.id == first.id and [f.id for f in restored.feedback_items] == linked


def test_reason_link_jumps_to_the_item_and_field(
    qtbot, window_for, tmp_path: Path, checked
) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    with PortfolioStore.open(tmp_path / "continuous-improvement.folio") as store:
        for other in store.load().actions:
            store.update_item("action_item", other.id, overcome_barriers="")
    window = window_for(tmp_path / "continuous-improvement.folio")
    checked(window)
    window.show_stage("feedback")
    assert window.points.status_of("continuous-improvement.MP4") == "Partly met"
    point = window.points.points["continuous-improvement.MP4"]
    link = next(
        point.child(i)
        for i in range(point.childCount())
        if point.child(i).data(0, Qt.ItemDataRole.UserRole + 1) is not None
    )
    window.points.tree.itemActivated.emit(link, 0)
    assert window.current_stage() == "action_plan"
    page: StagePage = window.pages["action_plan"]  # type: ignore[assignment]
    assert page.selected_id == window.session.document.actions[0].id  # the first to fix
    # The field to fix has the keyboard focus (offscreen, the window itself is not active).
    assert window.focusWidget() is page.form.widgets["overcome_barriers"]


def test_navigator_badges_follow_the_checker(qtbot, window_for, tmp_path: Path, checked) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    checked(window)
    assert {
        window.navigator.badge(s)
        for s in ("feedback", "analysis", "action_plan", "implementation_log", "evaluation")
    } == {"complete"}
    window.session.update_details(evaluation_narrative="")
    checked(window)
    assert window.navigator.badge("evaluation") == "partial"
    assert window.session.result.point("MP5").status is Status.PARTLY
    # Tools the unit does not ask for carry no status: no green "complete" dot for the KPI
    # tracker the demo happens to fill, while the unit's own stages keep theirs.
    assert window.navigator.badge("kpi_tracker") == "optional for this unit"
    assert (
        window.navigator.entries["kpi_tracker"]
        .icon(0)
        .pixmap(16, 16)
        .toImage()
        .pixelColor(8, 8)
        .alpha()
        == 0
    )
    assert (
        window.navigator.entries["feedback"]
        .icon(0)
        .pixmap(16, 16)
        .toImage()
        .pixelColor(8, 8)
        .alpha()
        > 0
    )


def test_layout_and_recent_files_are_remembered(qtbot, window_for, new_portfolio, settings):
    window = window_for(new_portfolio)
    window.resize(640, 480)  # within the offscreen screen, which restoreGeometry respects
    window.close()
    assert settings.value("recentFiles", [], list)[0] == str(new_portfolio)
    again = window_for(new_portfolio)
    # The offscreen screen is 800 px wide, narrower than the window's minimum; height is kept.
    assert again.size().height() == 480


def test_files_dropped_on_the_evidence_page_are_added(qtbot, window_for, new_portfolio, tmp_path):
    from PIL import Image
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    photo = tmp_path / "desk photo.png"
    Image.new("RGB", (300, 200), "teal").save(photo)
    notes = tmp_path / "notes.txt"
    notes.write_text("huddle notes")
    window = window_for(new_portfolio)
    window.show_stage("evidence")
    page = window.pages["evidence"]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(notes))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)
    qtbot.waitUntil(lambda: page.list.count() == 2, timeout=10_000)  # added off-thread
    assert "desk photo.png" in page.list.item(0).text()
    assert not page.list.item(0).icon().isNull()  # a thumbnail for the image
    assert page.list.item(1).icon().isNull()
    window.undo_action.trigger()
    assert page.list.count() == 1


def test_keyboard_only_adds_and_fills_an_item(qtbot, window_for, new_portfolio) -> None:
    window = window_for(new_portfolio)
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.navigator.setFocus()
    window.navigator.select("feedback")
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)  # Feedback -> Analysis
    assert window.current_stage() == "analysis"
    page: StagePage = window.pages["analysis"]  # type: ignore[assignment]
    qtbot.keyClick(
        window.navigator,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    # A button's shortcut animates the click, which lands a moment later.
    qtbot.waitUntil(lambda: len(window.session.document.findings) == 1, timeout=2000)
    theme = page.form.widgets["theme"]
    assert window.focusWidget() is theme  # a new item puts the cursor in its first field
    qtbot.keyClicks(theme, "Slow replies")
    qtbot.keyClick(theme, Qt.Key.Key_Return)
    assert window.session.document.findings[0].theme == "Slow replies"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.findings[0].theme == ""
    # What a screen reader announces: set names, or a button's own text without its "&".
    names = [
        QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        for widget in (page.table, theme, page.buttons["add"], window.navigator)
    ]
    assert names == ["finding list", "Theme", "Add finding", "Stages"]


def test_unit_guide_shows_the_unit_and_the_legislation_library(qtbot, window_for, new_portfolio):
    window = window_for(new_portfolio)
    window.show_stage("unit_guide")
    text = window.pages["unit_guide"].toPlainText()
    assert "Contribute to the continuous improvement of customer service" in text
    assert "Common mistakes to avoid" in text
    assert "Consumer Rights Act 2015" in text and "reasonable adjustments" in text


def test_links_moves_and_signing_undo_and_redo(qtbot, tmp_path: Path) -> None:
    from app.ui.session import PortfolioSession

    make_demo(tmp_path, "continuous-improvement").close()
    session = PortfolioSession.open(tmp_path / "continuous-improvement.folio")
    finding = session.document.findings[0]
    linked = [f.id for f in finding.feedback_items]
    session.set_related("analysis_finding", finding.id, linked[:1])
    assert [f.id for f in session.document.findings[0].feedback_items] == linked[:1]

    order = [entry.id for entry in session.document.log_entries]
    session.move_item("log_entry", order[0], 3)
    moved = [entry.id for entry in session.document.log_entries]
    assert moved.index(order[0]) == 3

    session.sign_declaration("Someone Else", "2026-01-02")
    assert session.document.declaration.signed_name == "Someone Else"

    session.undo_stack.undo()
    assert session.document.declaration.signed_name == "Priya Shah"
    session.undo_stack.undo()
    assert [entry.id for entry in session.document.log_entries] == order
    session.undo_stack.undo()
    assert [f.id for f in session.document.findings[0].feedback_items] == linked
    for _ in range(3):
        session.undo_stack.redo()
    assert [f.id for f in session.document.findings[0].feedback_items] == linked[:1]
    assert [entry.id for entry in session.document.log_entries] == moved
    assert session.document.declaration.signed_name == "Someone Else"
    session.close()


def test_marking_point_shows_what_the_checker_read_on_demand(qtbot, window_for, tmp_path, checked):
    make_demo(tmp_path, "continuous-improvement").close()
    with PortfolioStore.open(tmp_path / "continuous-improvement.folio") as store:
        second = store.load().actions[1]
        store.update_item("action_item", second.id, team_roles="TBC")
    window = window_for(tmp_path / "continuous-improvement.folio")
    checked(window)
    group = window.points.readings_of("continuous-improvement.MP3")
    assert group is not None and not group.isExpanded()  # shown when asked for
    assert group.text(0).startswith("What the checker read: ")
    assert group.text(0).endswith(", 1 not counted")
    rejected = group.child(0)
    assert rejected.text(0).startswith("✗ Plan › Action plan › action 2")
    assert rejected.text(0).endswith("team roles: “TBC” — reads as a placeholder, not an answer")
    counted = [group.child(i).text(0) for i in range(1, group.childCount())]
    assert counted and all(text.startswith("✓ ") for text in counted)
    window.points.tree.itemActivated.emit(rejected, 0)
    page: StagePage = window.pages["action_plan"]  # type: ignore[assignment]
    assert page.selected_id == second.id
    assert window.focusWidget() is page.form.widgets["team_roles"]


def test_marking_point_reasons_wrap_instead_of_being_cut(qtbot, window_for, tmp_path, checked):
    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    checked(window)
    tree = window.points.tree
    point = window.points.points["continuous-improvement.MP3"]
    point.setExpanded(True)
    reason = point.child(1)  # "The role of team members … explained: 2 found (…)"
    assert len(reason.text(0)) > 120
    qtbot.waitUntil(lambda: tree.visualItemRect(reason).height() > 0)
    line = tree.fontMetrics().height()
    rect = tree.visualItemRect(reason)
    assert rect.height() >= 3 * line  # several lines, not one line cut off with "…"
    assert rect.right() <= tree.viewport().width()


def test_item_form_fits_a_laptop_screen_with_labels_above_fields(qtbot, window_for, tmp_path):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QFormLayout, QScrollArea

    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    window.resize(1280, 800)
    window.show_stage("action_plan")
    page: StagePage = window.pages["action_plan"]  # type: ignore[assignment]
    qtbot.waitUntil(lambda: page.form.isVisible())
    qtbot.wait(50)
    scroll = next(a for a in page.findChildren(QScrollArea) if a.isAncestorOf(page.form))
    viewport = scroll.viewport()
    assert page.form.layout().rowWrapPolicy() is QFormLayout.RowWrapPolicy.WrapAllRows
    for name in ("action", "owner", "resources", "expected_benefit"):
        field = page.form.widgets[name]
        right = field.mapTo(viewport, QPoint(field.width(), 0)).x()
        assert right <= viewport.width(), (name, right, viewport.width())
        assert field.width() >= 250, name  # a usable width, not a sliver
    # The mapping row under the form: its justification has a line of its own, in view.
    why = page.mapping.why
    right = why.mapTo(viewport, QPoint(why.width(), 0)).x()
    assert right <= viewport.width() and why.width() >= 250
    window.resize(1900, 1000)
    qtbot.waitUntil(
        lambda: page.form.layout().rowWrapPolicy() is QFormLayout.RowWrapPolicy.DontWrapRows
    )
