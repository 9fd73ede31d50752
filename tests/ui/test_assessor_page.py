"""The assessor's page: beside each marking point the evidence and records mapped to it,
each opening in one click; the checker's findings labelled as advice; feedback written with
a comment bank kept in the assessor's own data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.checker import check
from app.paths import data_dir
from app.store import PortfolioStore
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.workflow import submission
from tests.conftest import make_demo

ASSESSOR = "assessor: Daniel Okafor"


def _submitted(tmp_path: Path) -> Path:
    make_demo(tmp_path, "continuous-improvement").close()
    path = tmp_path / "continuous-improvement.folio"
    with PortfolioStore.open(path) as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    return path


def _assessor(qtbot, path: Path, settings):  # type: ignore[no-untyped-def]
    window = MainWindow(PortfolioSession.open(path, actor=ASSESSOR), settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_stage("assessment")
    return window, window.pages["assessment"]


def _row(page, short: str):  # type: ignore[no-untyped-def]
    return next(row for point_id, row in page.points.items() if point_id.endswith(short))


def test_each_point_lists_its_records_and_evidence_and_one_click_opens_them(
    qtbot, tmp_path, settings
) -> None:
    window, page = _assessor(qtbot, _submitted(tmp_path), settings)
    questioning = next(r for r in window.session.document.records if r.method == "questioning")
    row = _row(page, "MP4")  # the demo's questioning evidences MP4 and MP5
    buttons = [
        b for b in row.links if b.objectName().endswith(f"assessment_record.{questioning.id}")
    ]
    assert len(buttons) == 1
    button = buttons[0]
    assert button.text().startswith("AR") and "Questioning" in button.text()
    assert button.accessibleName().startswith("Open AR")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_stage() == "assessment_records"
    records = window.pages["assessment_records"].lists["assessment_record"]
    assert records.selected_id == questioning.id
    assert records.form.widgets["method"].currentData() == "questioning"

    window.show_stage("assessment")
    evidence = [b for b in _row(page, "MP1").links if ".open.feedback_item." in b.objectName()]
    assert evidence, "the demo maps feedback to MP1"
    item_id = int(evidence[0].objectName().rsplit(".", 1)[-1])
    qtbot.mouseClick(evidence[0], Qt.MouseButton.LeftButton)
    assert window.current_stage() == "feedback"
    assert window.pages["feedback"].selected_id == item_id


def test_the_checkers_findings_are_labelled_as_advice(qtbot, tmp_path, settings) -> None:
    window, page = _assessor(qtbot, _submitted(tmp_path), settings)
    # the page shows the checker's advice once the first verdict comes from the check worker
    qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)
    for point in window.session.result.points:
        text = _row(page, point.short_id).checker.text()
        assert text.startswith(f"Checker (advisory): {point.status.label}")
        assert point.reasons[0].text in text
        assert _row(page, point.short_id).checker.wordWrap()


def test_the_comment_bank_inserts_a_phrase_and_feedback_is_recorded(
    qtbot, tmp_path, settings
) -> None:
    path = _submitted(tmp_path)
    window, page = _assessor(qtbot, path, settings)
    row = _row(page, "MP2")
    row.feedback.setFocus()
    qtbot.keyClicks(row.feedback, "Good analysis.")
    assert "MP2" in page.bank_target.text()
    phrase = page.phrases.topLevelItem(3)
    rect = page.phrases.visualItemRect(phrase)
    qtbot.mouseClick(page.phrases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert row.feedback.toPlainText() == f"Good analysis. {phrase.text(0)}"
    row.judgement.setCurrentIndex(row.judgement.findData("met"))
    qtbot.mouseClick(page.record, Qt.MouseButton.LeftButton)
    assert page.problem.text() == ""
    window.close()
    with PortfolioStore.open(path) as store:
        document = store.load()
        judged = document.judgements_for(document.current_submission)
    assert next(j for p, j in judged.items() if p.endswith("MP2")).feedback == (
        f"Good analysis. {phrase.text(0)}"
    )


def test_a_saved_phrase_is_kept_for_the_next_session_outside_the_portfolio(
    qtbot, tmp_path, settings
) -> None:
    path = _submitted(tmp_path)
    window, page = _assessor(qtbot, path, settings)
    assert page.new_phrase.accessibleName() and page.phrases.accessibleName()
    qtbot.keyClicks(page.new_phrase, "Refer to the centre's complaints policy by name.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.new_phrase.text() == ""
    window.close()
    assert (data_dir() / "comment-bank.json").is_file()
    assert b"complaints policy by name" not in path.read_bytes()

    again, page = _assessor(qtbot, path, settings)  # a new window reads the bank afresh
    texts = [page.phrases.topLevelItem(i).text(0) for i in range(page.phrases.topLevelItemCount())]
    assert "Refer to the centre's complaints policy by name." in texts
    again.close()


def test_the_learner_sees_no_comment_bank(qtbot, tmp_path, settings) -> None:
    path = _submitted(tmp_path)
    window = MainWindow(PortfolioSession.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    window.show_stage("assessment")
    page = window.pages["assessment"]
    assert not page.bank_panel.isVisible()
    assert all(row.feedback.isReadOnly() for row in page.points.values())
