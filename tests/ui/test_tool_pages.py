"""The tools' pages: editing through the lists and the score grid, the diagram following."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.checker import Location, Status
from app.ui.tool_pages import CasesPage, DecisionPage, JourneyMapPage, ProcessMapPage
from tests.conftest import make_demo
from tests.ui.test_workspace import _choose, _type


def _open(tmp_path: Path, window_for, unit_id: str):  # type: ignore[no-untyped-def]
    make_demo(tmp_path, unit_id).close()
    return window_for(tmp_path / f"{unit_id}.folio")


def test_process_map_add_connect_and_undo(qtbot, window_for, tmp_path: Path) -> None:
    window = _open(tmp_path, window_for, "process-reengineering")
    window.show_stage("process_map")
    page: ProcessMapPage = window.pages["process_map"]  # type: ignore[assignment]
    assert page.diagram.figure.alt_text.startswith(
        "Swimlane map of the current process: 8 steps in 4 lanes"
    )
    page.version.setCurrentIndex(page.version.findData("redesigned"))
    assert (
        "re-engineered process: 7 steps in 4 lanes (Customer, Warehouse, Order system, "
        "Collection desk), 6 handoffs" in page.diagram.figure.alt_text
    )
    page.version.setCurrentIndex(page.version.findData("current"))

    steps = page.lists["process_step"]
    qtbot.mouseClick(steps.buttons["add"], Qt.MouseButton.LeftButton)
    _type(qtbot, steps.form.widgets["label"], "Phones customer if not ready")
    _choose(qtbot, steps.form.widgets["lane_id"], window.session.document.lanes[3].id)
    step = window.session.document.process_steps[-1]
    assert (step.version, step.label) == ("current", "Phones customer if not ready")
    # connect the decision "Order on the desk?" (S6) to the new step: a handoff? no, same lane
    decision = window.session.document.process_steps[5]
    steps.select(decision.id)
    related = steps.form.related
    options = [related.item(row).text() for row in range(related.count())]
    assert not any(text.startswith("S9") for text in options[:8] if "Re-engineered" in text)
    assert all("S6 " not in text for text in options)  # a step cannot lead to itself
    new_row = next(
        row for row in range(related.count()) if "Phones customer" in related.item(row).text()
    )
    related.item(new_row).setCheckState(Qt.CheckState.Checked)
    assert [n.label for n in window.session.document.process_steps[5].next_steps][-1] == (
        "Phones customer if not ready"
    )
    assert "9 steps in 4 lanes" in page.diagram.figure.alt_text
    window.undo_action.trigger()  # the arrow
    window.undo_action.trigger()  # the lane
    window.undo_action.trigger()  # the label
    window.undo_action.trigger()  # the step
    assert len(window.session.document.process_steps) == 15
    assert "8 steps in 4 lanes" in page.diagram.figure.alt_text


def test_score_grid_edits_totals_and_refuses_out_of_scale(
    qtbot, window_for, tmp_path: Path
) -> None:
    window = _open(tmp_path, window_for, "process-reengineering")
    window.show_stage("decision")
    page: DecisionPage = window.pages["decision"]  # type: ignore[assignment]
    grid = page.grid
    assert [grid.item(row, 0).text() for row in range(3)] == ["37", "19", "22"]
    grid.item(1, 2).setText("5")  # extra van run: removes the root cause 2 → 5 (weight 3)
    assert grid.item(1, 0).text() == "28"
    assert grid.item(1, 1).text() == "2"
    assert "Extra van run each afternoon 28," in page.diagram.figure.alt_text
    grid.item(1, 2).setText("9")
    assert grid.item(1, 2).text() == "5"  # refused, the stored value is shown again
    assert "outside the scale 0 to 5" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert grid.item(1, 0).text() == "19"


def test_journey_map_follows_edits_and_the_checker_notices(
    qtbot, window_for, tmp_path: Path, checked
) -> None:
    window = _open(tmp_path, window_for, "journey-review")
    window.show_stage("journey_map")
    page: JourneyMapPage = window.pages["journey_map"]  # type: ignore[assignment]
    touchpoints = page.lists["journey_touchpoint"]
    assert "8 touchpoints across 5 stages and 6 channels" in page.diagram.figure.alt_text
    qtbot.mouseClick(touchpoints.buttons["add"], Qt.MouseButton.LeftButton)
    checked(window)
    assert window.session.result.point("MP1").status is Status.PARTLY  # no source yet
    _type(qtbot, touchpoints.form.widgets["touchpoint"], "Live chat about a refund")
    _choose(qtbot, touchpoints.form.widgets["channel"], "chat")
    _choose(qtbot, touchpoints.form.widgets["emotion"], -1)
    _type(qtbot, touchpoints.form.widgets["source"], "Chat transcript")
    point = window.session.document.touchpoints[-1]
    assert (point.channel, point.emotion, point.source) == ("chat", -1, "Chat transcript")
    assert "9 touchpoints across 5 stages and 7 channels" in page.diagram.figure.alt_text
    checked(window)
    assert window.session.result.point("MP1").status is Status.MET
    emotion = touchpoints.form.widgets["emotion"]
    assert isinstance(touchpoints.form.widgets["touchpoint"], QLineEdit) and emotion.count() == 6


def test_cases_scope_their_techniques_and_checker_links_land(
    qtbot, window_for, tmp_path: Path
) -> None:
    window = _open(tmp_path, window_for, "strategic-service")
    window.show_stage("complaint_cases")
    page: CasesPage = window.pages["complaint_cases"]  # type: ignore[assignment]
    cases, techniques = page.lists["complaint_case"], page.lists["case_technique"]
    assert techniques.model.rowCount() == 4
    qtbot.mouseClick(cases.buttons["add"], Qt.MouseButton.LeftButton)
    new_case = window.session.document.cases[-1]
    assert cases.selected_id == new_case.id and techniques.model.rowCount() == 0
    qtbot.mouseClick(techniques.buttons["add"], Qt.MouseButton.LeftButton)
    assert [t.case_id for t in window.session.document.case_techniques][-1] == new_case.id
    # the checker points at the new case; following the link opens it
    window.show_stage("feedback")
    window.go_to(Location("complaint_cases", "complaint_case", new_case.id, "case", "issue"))
    assert window.stack.currentWidget() is page
    assert cases.selected_id == new_case.id
    assert window.focusWidget() is cases.form.widgets["issue"]


def test_an_action_links_a_law_from_its_own_form(qtbot, window_for, new_portfolio: Path) -> None:
    window = window_for(new_portfolio)
    window.show_stage("action_plan")
    page = window.pages["action_plan"]
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    box = page.legislation
    assert box.existing.text() == "No law or standard linked yet."
    box.entry.setCurrentIndex(box.entry.findData("equality-act-2010"))
    qtbot.keyClicks(box.why, "Templates offer large print & a phone call back")
    qtbot.mouseClick(box.link, Qt.MouseButton.LeftButton)
    link = window.session.document.legislation_links[0]
    action = window.session.document.actions[0]
    assert (link.entry_id, link.action_id) == ("equality-act-2010", action.id)
    assert box.existing.text() == (
        "Equality Act 2010: Templates offer large print & a phone call back"
    )
    window.show_stage("legislation")
    tool = window.pages["legislation"]
    assert tool.lists["legislation_link"].model.rowCount() == 1
    window.undo_action.trigger()
    assert window.session.document.legislation_links == []


def test_clicking_the_map_opens_a_step_and_ctrl_click_draws_an_arrow(
    qtbot, window_for, tmp_path: Path
) -> None:
    window = _open(tmp_path, window_for, "process-reengineering")
    window.show_stage("process_map")
    page: ProcessMapPage = window.pages["process_map"]  # type: ignore[assignment]
    steps = window.session.document.process_steps
    start, end = steps[0], steps[7]
    picture = page.diagram.picture
    qtbot.mouseClick(
        picture, Qt.MouseButton.LeftButton, pos=page.diagram.point_of("process_step", end.id)
    )
    assert page.lists["process_step"].selected_id == end.id
    ctrl = Qt.KeyboardModifier.ControlModifier
    target = page.diagram.point_of("process_step", start.id)
    drawn = len(page.diagram.figure.shapes)
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, ctrl, pos=target)
    assert [s.id for s in window.session.document.process_steps[7].next_steps] == [start.id]
    assert len(page.diagram.figure.shapes) == drawn + 4  # a looping arrow: 3 lines and a head
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, ctrl, pos=target)
    assert window.session.document.process_steps[7].next_steps == []
    assert page.lists["process_step"].selected_id == end.id


def test_clicking_a_journey_card_opens_the_touchpoint(qtbot, window_for, tmp_path: Path) -> None:
    window = _open(tmp_path, window_for, "journey-review")
    window.show_stage("journey_map")
    page: JourneyMapPage = window.pages["journey_map"]  # type: ignore[assignment]
    fourth = window.session.document.touchpoints[3]
    qtbot.mouseClick(
        page.diagram.picture,
        Qt.MouseButton.LeftButton,
        pos=page.diagram.point_of("journey_touchpoint", fourth.id),
    )
    touchpoints = page.lists["journey_touchpoint"]
    assert touchpoints.selected_id == fourth.id
    assert touchpoints.form.widgets["touchpoint"].text() == "Order moved from warehouse to store"


def test_each_new_rater_score_takes_the_next_dimension(
    qtbot, window_for, new_portfolio: Path
) -> None:
    window = window_for(new_portfolio)
    window.show_stage("rater")
    scores = window.pages["rater"].lists["rater_score"]  # type: ignore[attr-defined]
    for _ in range(6):
        qtbot.mouseClick(scores.buttons["add"], Qt.MouseButton.LeftButton)
    dimensions = [s.dimension for s in window.session.document.rater_scores]
    assert dimensions[:5] == ["reliability", "assurance", "tangibles", "empathy", "responsiveness"]
    assert len(dimensions) == 6  # a sixth is allowed (the learner picks its dimension)
    window.pages["rater"].redraw()  # type: ignore[attr-defined]
    assert window.pages["rater"].diagram.figure is None  # no scores given yet: nothing drawn


def test_pages_say_which_marking_points_use_each_tool(
    qtbot, window_for, tmp_path: Path, english
) -> None:
    window = _open(tmp_path, window_for, "process-reengineering")
    assert window.pages["process_map"].uses.text() == "Your unit's MP1 and MP4 use this tool."
    assert window.pages["decision"].uses.text() == "Your unit's MP3 uses this tool."
    journey = window.pages["journey_map"]
    assert journey.uses.text().startswith("Optional for your unit")
    entries = window.navigator.entries
    assert entries["journey_map"].toolTip(0) == "Journey map: optional for this unit"
    grey = entries["journey_map"].foreground(0).color().name()
    assert grey != entries["process_map"].foreground(0).color().name()
