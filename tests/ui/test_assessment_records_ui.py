"""The assessment record's pages driven through their widgets: the assessor writes records,
plans and questions; the learner reads them, adds a witness testimony and answers a review;
a record a sign-off relied on is read-only and says why."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from app.store import PortfolioStore
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.ui.stage_page import StagePage
from tests.conftest import make_demo

ASSESSOR = "assessor: Daniel Okafor"


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    if isinstance(widget, QPlainTextEdit):
        qtbot.waitUntil(lambda: not widget._timer.isActive(), timeout=5000)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def _choose(combo: QComboBox, value: str) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def _demo(tmp_path: Path) -> Path:
    make_demo(tmp_path, "continuous-improvement").close()
    return tmp_path / "continuous-improvement.folio"


def _window(qtbot, path: Path, settings, actor: str = "learner") -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(PortfolioSession.open(path, actor=actor), settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def _records(window: MainWindow, kind: str = "assessment_record") -> StagePage:
    window.show_stage("assessment_records")
    page = window.pages["assessment_records"].page_for(kind)  # type: ignore[attr-defined]
    assert page is not None
    return page


def _select(page: StagePage, method: str) -> int:
    record = next(r for r in page.session.document.records if r.method == method)
    page.select(record.id)
    return record.id


def _stored(path: Path):  # type: ignore[no-untyped-def]
    with PortfolioStore.open(path) as store:
        return store.load()


def test_the_assessor_adds_an_observation_and_picks_its_marking_points(
    qtbot, tmp_path, settings
) -> None:
    path = _demo(tmp_path)
    window = _window(qtbot, path, settings, ASSESSOR)
    page = _records(window)
    assert window.navigator.labels["assessment_records"] == "Records"
    before = len(page.session.document.records)
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    assert page.form.isEnabled() and not page.notice.isVisible()
    form = page.form
    assert form.widgets["method"].currentData() == "observation"
    # a witness's details belong to a witness testimony only
    assert not form.widgets["witness_name"].isVisible()
    _type(qtbot, form.widgets["location"], "Collection desk")
    _type(qtbot, form.widgets["activity"], "Handover of a delayed order to a customer")
    picker = form.widgets["marking_points"]
    assert picker.boxes["MP1"].toolTip().startswith("MP1: ")
    assert picker.boxes["MP3"].accessibleName() == "Marking point MP3"
    qtbot.mouseClick(picker.boxes["MP3"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.boxes["MP1"], Qt.MouseButton.LeftButton)
    window.close()

    records = _stored(path).records
    assert len(records) == before + 1
    added = records[-1]
    assert (added.method, added.location, added.recorded_by) == (
        "observation",
        "Collection desk",
        "assessor",
    )
    assert added.activity == "Handover of a delayed order to a customer"
    assert added.marking_points == "MP1, MP3"
    assert added.assessor_name == "Daniel Okafor"


def test_witness_fields_show_for_a_witness_testimony(qtbot, tmp_path, settings) -> None:
    window = _window(qtbot, _demo(tmp_path), settings, ASSESSOR)
    page = _records(window)
    _select(page, "witness_testimony")
    assert page.form.widgets["witness_name"].isVisible()
    assert page.form.widgets["witness_name"].text() == "Helen Ward"
    assert not window.pages["assessment_records"].lists["record_question"].isVisible()
    _select(page, "observation")
    assert not page.form.widgets["witness_name"].isVisible()
    assert not page.form.widgets["expert_witness"].isVisible()


def test_the_assessor_adds_a_question_to_a_questioning_record(qtbot, tmp_path, settings) -> None:
    path = _demo(tmp_path)
    window = _window(qtbot, path, settings, ASSESSOR)
    page = _records(window)
    record_id = _select(page, "questioning")
    questions = window.pages["assessment_records"].lists["record_question"]
    assert questions.isVisible() and questions.model.rowCount() == 3
    qtbot.mouseClick(questions.buttons["add"], Qt.MouseButton.LeftButton)
    _type(qtbot, questions.form.widgets["question"], "Who do you tell when a slot is missed?")
    _type(qtbot, questions.form.widgets["answer"], "The store manager, the same day.")
    _choose(questions.form.widgets["outcome"], "satisfactory")
    assert questions.model.rowCount() == 4
    _select(page, "observation")  # no questions in an observation
    assert not questions.isVisible()
    window.close()

    asked = [q for q in _stored(path).record_questions if q.record_id == record_id]
    assert len(asked) == 4
    assert (asked[-1].question, asked[-1].answer, asked[-1].outcome) == (
        "Who do you tell when a slot is missed?",
        "The store manager, the same day.",
        "satisfactory",
    )


def test_the_learner_reads_the_assessors_records_but_adds_a_witness_testimony(
    qtbot, tmp_path, settings
) -> None:
    path = _demo(tmp_path)
    window = _window(qtbot, path, settings)
    page = _records(window)
    observation = _select(page, "observation")
    assert not page.form.isEnabled()
    assert page.notice.isVisible()
    assert "is the assessor's; only they can change it" in page.notice.text()
    assert not page.buttons["delete"].isEnabled()
    questioning = _select(page, "questioning")
    questions = window.pages["assessment_records"].lists["record_question"]
    assert questions.isVisible() and not questions.buttons["add"].isEnabled()
    # a write the page would not offer is refused by the store, with its words
    assert not window.session.update_item("assessment_record", observation, location="Home")
    assert "is the assessor's" in window.session.last_error

    _select(page, "witness_testimony")  # the one the learner collected
    assert page.form.isEnabled() and not page.notice.isVisible()
    assert page.buttons["add"].isEnabled()
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    form = page.form
    assert form.widgets["method"].currentData() == "witness_testimony"
    assert form.widgets["witness_name"].isVisible()
    _type(qtbot, form.widgets["witness_name"], "Sam Reid")
    _type(qtbot, form.widgets["witness_role"], "Team leader")
    _type(qtbot, form.widgets["account"], "Priya coached me on the scanner in March.")
    # the learner is not offered the assessor's methods
    combo = form.widgets["method"]
    assert not combo.model().item(combo.findData("observation")).isEnabled()
    window.close()

    document = _stored(path)
    added = document.records[-1]
    assert (added.method, added.recorded_by, added.witness_name, added.witness_role) == (
        "witness_testimony",
        "learner",
        "Sam Reid",
        "Team leader",
    )
    unchanged = next(r for r in document.records if r.id == observation)
    assert unchanged.location == "Collection desk, Harbour Road store"
    assert questioning in {r.id for r in document.records}


def test_a_refused_edit_shows_the_stores_message_and_keeps_the_typing(
    qtbot, tmp_path, settings
) -> None:
    path = _demo(tmp_path)
    window = _window(qtbot, path, settings)
    page = _records(window)
    _select(page, "witness_testimony")
    # picking an assessor's method for it is refused by the store
    combo = page.form.widgets["method"]
    combo.model().item(combo.findData("observation")).setEnabled(True)
    _choose(combo, "observation")
    assert "Not saved" in page.form.problem.text()
    assert "recorded by the assessor" in page.form.problem.text()
    _type(qtbot, page.form.widgets["location"], "Harbour Road")
    assert _stored(path).records[0].location == "Harbour Road"


def test_the_learner_answers_a_review(qtbot, tmp_path, settings) -> None:
    path = _demo(tmp_path)
    window = _window(qtbot, path, settings)
    window.show_stage("assessment_plan")
    plan = window.pages["assessment_plan"]
    reviews = plan.page_for("assessment_review")
    assert not reviews.form.isEnabled()  # the review itself is the assessor's
    answer = plan.answer
    assert answer.isVisible() and answer.title() == "Answer this review"
    assert answer.send.isVisible()
    assert answer.response.accessibleName() and answer.name.accessibleName()
    answer.name.clear()
    qtbot.mouseClick(answer.send, Qt.MouseButton.LeftButton)
    assert "type your name" in answer.problem.text()  # the store's words, nothing saved
    answer.response.setPlainText("I will compare the result with the target.")
    qtbot.mouseClick(answer.accepts, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(answer.name, "Priya Shah")
    qtbot.mouseClick(answer.send, Qt.MouseButton.LeftButton)
    assert answer.problem.text() == ""
    assert "Answered by Priya Shah" in answer.state.text()
    window.close()

    review = _stored(path).reviews[0]
    assert review.learner_response == "I will compare the result with the target."
    assert review.learner_accepts is True and review.learner_signed_name == "Priya Shah"

    assessor = _window(qtbot, path, settings, ASSESSOR)
    assessor.show_stage("assessment_plan")
    page = assessor.pages["assessment_plan"]
    page.page_for("assessment_review")
    assert page.answer.title() == "The learner's answer"
    assert not page.answer.send.isVisible() and page.answer.response.isReadOnly()
    assert "accepts the feedback" in page.answer.state.text()


def test_a_record_locked_by_a_sign_off_is_read_only_and_says_why(qtbot, tmp_path, settings) -> None:
    path = _demo(tmp_path)
    with sqlite3.connect(path) as db:  # as a signed decision on version 1 leaves it
        db.execute("UPDATE assessment_record SET locked_version = 1 WHERE method = 'questioning'")
    window = _window(qtbot, path, settings, ASSESSOR)
    page = _records(window)
    _select(page, "questioning")
    assert not page.form.isEnabled()
    assert page.notice.isVisible()
    assert "signed decision on version 1" in page.notice.text()
    questions = window.pages["assessment_records"].lists["record_question"]
    assert not questions.buttons["add"].isEnabled() and not questions.form.isEnabled()
    _select(page, "observation")  # not locked: the assessor still writes it
    assert page.form.isEnabled() and not page.notice.isVisible()
