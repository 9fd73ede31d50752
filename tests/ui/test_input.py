"""Input as people write it, typed and clicked into the real widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.stage_page import StagePage


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _feedback_page(qtbot, window_for, new_portfolio: Path):  # type: ignore[no-untyped-def]
    window = window_for(new_portfolio)
    # active, as on a desktop: a focused field is then left alone by redraws from the store
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_stage("feedback")
    page: StagePage = window.pages["feedback"]  # type: ignore[assignment]
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    return window, page


def test_a_date_typed_day_first_is_saved_and_shown_day_first(qtbot, window_for, new_portfolio):
    window, page = _feedback_page(qtbot, window_for, new_portfolio)
    date = page.form.widgets["received_on"]
    for text in ("31/12/2026", "31 Dec 2026", "31 December 2026", "31-12-2026"):
        _type(qtbot, date, "1/1/2026")
        _type(qtbot, date, text)
        assert page.form.problem.text() == "", text
        assert window.session.document.feedback_items[0].received_on == dt.date(2026, 12, 31)
        assert date.hasFocus()
        assert date.text() == "31/12/2026"
    row = page.model.index(0, 1)
    assert page.model.data(row) == "31/12/2026"  # the list shows it day-first too


def test_a_month_first_date_is_refused_in_place(qtbot, window_for, new_portfolio):
    window, page = _feedback_page(qtbot, window_for, new_portfolio)
    date = page.form.widgets["received_on"]
    _type(qtbot, date, "12/31/2026")
    assert "use day/month/year" in page.form.problem.text()
    assert "use day/month/year" in date.toolTip()
    assert "dc2626" in date.styleSheet()
    assert window.session.document.feedback_items[0].received_on is None


def test_a_date_is_picked_from_the_calendar(qtbot, window_for, new_portfolio):
    window, page = _feedback_page(qtbot, window_for, new_portfolio)
    date = page.form.widgets["received_on"]
    _type(qtbot, date, "3 March 2026")
    qtbot.mouseClick(date.button, Qt.MouseButton.LeftButton)
    calendar = date.calendar
    assert calendar.isVisible()
    assert calendar.selectedDate() == QDate(2026, 3, 3)  # opens on the typed date
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    calendar.setSelectedDate(QDate(2026, 3, 17))
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert date.text() == "17/03/2026"
    assert window.session.document.feedback_items[0].received_on == dt.date(2026, 3, 17)
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # from the keyboard
    assert calendar.isVisible() and calendar.selectedDate() == QDate(2026, 3, 17)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Escape)
    assert not calendar.isVisible()
    assert window.session.document.feedback_items[0].received_on == dt.date(2026, 3, 17)


def test_a_rating_above_its_scale_is_refused_in_place(qtbot, window_for, new_portfolio):
    window, page = _feedback_page(qtbot, window_for, new_portfolio)
    _type(qtbot, page.form.widgets["rating_scale"], "5")
    rating = page.form.widgets["rating"]
    _type(qtbot, rating, "7")
    assert page.form.problem.text() == "Rating: 7 is more than the 5 it is out of. Not saved."
    assert "dc2626" in rating.styleSheet()
    assert window.session.document.feedback_items[0].rating is None
    _type(qtbot, rating, "4")
    assert page.form.problem.text() == "" and rating.styleSheet() == ""
    assert window.session.document.feedback_items[0].rating == 4


def test_delete_asks_first_when_the_item_has_links_or_evidence(
    qtbot, window_for, tmp_path, questions
):
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import make_demo

    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    window.show_stage("analysis")
    page: StagePage = window.pages["analysis"]  # type: ignore[assignment]
    first = window.session.document.findings[0]
    page.select(first.id)
    questions.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert questions[0].startswith("Delete finding N1?")
    assert "linked to" in questions[0]
    assert len(window.session.document.findings) == 3  # kept
    questions.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)
    assert len(window.session.document.findings) == 2


def test_delete_of_a_lone_item_does_not_ask(qtbot, window_for, new_portfolio, questions):
    window, page = _feedback_page(qtbot, window_for, new_portfolio)
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)
    assert questions == [] and window.session.document.feedback_items == []


def test_the_audit_trail_reads_in_plain_words(qtbot, tmp_path):
    from app.ui.audit_dialog import AuditDialog
    from tests.conftest import make_demo

    with make_demo(tmp_path, "continuous-improvement") as store:
        first = store.load().findings[0]
        store.update_item("analysis_finding", first.id, theme="Orders marked ready early")
        store.delete_item("log_entry", store.load().log_entries[-1].id)
        portfolio = store.load()
    dialog = AuditDialog(portfolio)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [
        (table.item(row, 2).text(), table.item(row, 3).text()) for row in range(table.rowCount())
    ]
    assert rows[0] == ("Deleted a log entry", "")
    assert rows[1] == ("Edited finding N1", "Theme: Orders marked ready early")
    assert ("Mapped survey-results-september.csv to MP6", "") in rows
    assert ("Mapped feedback F1 to MP1", "") in rows
    assert any(what.startswith("Linked finding N1 to feedback F1, ") for what, _ in rows)
    assert ("Attached survey-results-september.csv", "") in rows
    text = " ".join(what + details for what, details in rows)
    assert "evidence_link" not in text and "_item:" not in text and "{" not in text


def test_a_first_welcome_offers_new_open_the_demo_and_the_unit_guides(qtbot, settings):
    from PySide6.QtWidgets import QTextBrowser

    from app.ui.welcome import WelcomeWindow

    welcome = WelcomeWindow(settings)
    qtbot.addWidget(welcome)
    welcome.show()
    start = welcome.findChild(QWidget, "welcome.start")
    assert start is not None and start.isVisible()
    assert not welcome.recent.isVisible()  # no empty white box
    for key in ("new", "open", "demo"):
        assert welcome.buttons[key].isVisible()
    guides = [key for key in welcome.buttons if key.startswith("guide.")]
    assert "guide.continuous-improvement" in guides and len(guides) >= 5
    qtbot.mouseClick(welcome.buttons["guide.continuous-improvement"], Qt.MouseButton.LeftButton)
    assert welcome.guide_dialog is not None and welcome.guide_dialog.isVisible()
    guide = welcome.guide_dialog.findChild(QTextBrowser)
    assert "Contribute to the continuous improvement" in guide.toPlainText()
    with qtbot.waitSignal(welcome.chosen) as opened:
        qtbot.mouseClick(welcome.buttons["demo"], Qt.MouseButton.LeftButton)
    assert opened.args[0].exists()


def test_a_welcome_with_recent_portfolios_lists_them(qtbot, settings, new_portfolio):
    from app.ui.welcome import WelcomeWindow

    settings.setValue("recentFiles", [str(new_portfolio)])
    welcome = WelcomeWindow(settings)
    qtbot.addWidget(welcome)
    welcome.show()
    assert welcome.recent.isVisible() and welcome.recent.count() == 1
    assert welcome.findChild(QWidget, "welcome.start") is None
    assert welcome.buttons["new"].isVisible() and welcome.buttons["demo"].isVisible()


def _delete_question(qtbot, window_for, tmp_path, questions) -> str:  # type: ignore[no-untyped-def]
    from tests.conftest import make_demo

    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    page: StagePage = window.pages["analysis"]  # type: ignore[assignment]
    page.select(window.session.document.findings[0].id)
    from PySide6.QtWidgets import QMessageBox

    questions.answer = QMessageBox.StandardButton.No
    page.delete()
    return questions[-1]


def test_counts_are_shown_with_their_plural_forms(qtbot, window_for, tmp_path, questions):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from app.ui.translations import install_translations

    app = QApplication.instance()
    translators = install_translations(app, QLocale(QLocale.Language.English))
    try:
        text = _delete_question(qtbot, window_for, tmp_path, questions)
        page = window_for(tmp_path / "continuous-improvement.folio").pages["analysis"]
        one = page.tr("It is mapped as evidence to %n marking point(s).", "", 1)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert "It is linked to 5 other items." in text
    assert "It is mapped as evidence to 2 marking points." in text
    assert one == "It is mapped as evidence to 1 marking point."
    assert "(s)" not in text


def test_a_translation_is_added_by_dropping_its_file_in(
    qtbot, window_for, tmp_path, questions, _private_data_dir
):
    import shutil
    import subprocess
    import sys

    import pytest
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from app.ui.translations import install_translations

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    folder = _private_data_dir / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "folio_fr.ts").write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr"><context><name>StagePage</name>
<message numerus="yes"><source>It is linked to %n other item(s).</source><translation>
<numerusform>Il est lié à %n autre élément.</numerusform>
<numerusform>Il est lié à %n autres éléments.</numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    subprocess.run([lrelease, "-silent", str(folder / "folio_fr.ts")], check=True)
    app = QApplication.instance()
    translators = install_translations(app, QLocale(QLocale.Language.French))
    try:
        text = _delete_question(qtbot, window_for, tmp_path, questions)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert "Il est lié à 5 autres éléments." in text
    assert "It is mapped as evidence to 2 marking points." in text  # English for the rest


def test_details_and_declaration_dates_read_and_show_day_first(qtbot, window_for, tmp_path):
    import datetime as dt

    from tests.conftest import make_demo

    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    window.show_stage("details")
    details = window.pages["details"]
    started = window.session.document.started_on
    assert details.edits["started_on"].text() == started.strftime("%d/%m/%Y")
    assert details.edits["started_on"].placeholderText() == "dd/mm/yyyy"
    window.show_stage("declaration")
    page = window.pages["declaration"]
    page.date.setText("02/11/2026")
    page.sign.click()
    assert window.session.document.declaration.signed_on == dt.date(2026, 11, 2)
    page.refresh()
    assert page.date.text() == "02/11/2026"
