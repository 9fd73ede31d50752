"""A learner's whole journey through the real widgets, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWizard

from app.checker import Status
from app.store import PortfolioStore
from app.ui.stage_page import StagePage
from app.ui.wizard import NewPortfolioWizard
from tests.ui.test_workspace import _choose, _type


@pytest.fixture(autouse=True)
def _no_external_viewer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    return opened


def _wizard_creates(qtbot, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    wizard = NewPortfolioWizard(folder=folder)
    qtbot.addWidget(wizard)
    wizard.show()
    units = wizard.unit_page.units
    units.setCurrentRow(
        next(i for i in range(units.count()) if "continuous-improvement" in units.item(i).text())
    )
    assert (
        "Plan-Do-Review" in wizard.unit_page.synopsis.toPlainText()
        or "continuous improvement" in wizard.unit_page.synopsis.toPlainText()
    )
    wizard.next()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # name required
    qtbot.keyClicks(wizard.learner_page.edits["learner_name"], "Ada Learner")
    qtbot.keyClicks(wizard.learner_page.edits["candidate_number"], "C-77")
    qtbot.keyClicks(wizard.learner_page.edits["centre_name"], "Northfield College")
    wizard.next()
    assert wizard.save_page.path.text().endswith("Ada Learner - continuous-improvement.folio")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.created is not None and wizard.created.exists()
    return wizard.created


def _fill(qtbot, page: StagePage, **fields: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    for name, value in fields.items():
        widget = page.form.widgets[name]
        if name in {"source_type", "status"}:
            _choose(qtbot, widget, value)
        else:
            _type(qtbot, widget, value)


@pytest.mark.slow
def test_full_learner_journey(
    qtbot, window_for, tmp_path: Path, _no_external_viewer, checked
) -> None:
    path = _wizard_creates(qtbot, tmp_path)
    window = window_for(path)
    status = window.points.status_of

    feedback: StagePage = window.pages["feedback"]  # type: ignore[assignment]
    _fill(
        qtbot,
        feedback,
        text="Waited 25 minutes at the collection desk for my order",
        channel="in store",
        received_on="2026-10-01",
    )
    _fill(
        qtbot,
        feedback,
        source_type="complaint",
        channel="phone",
        text="Phoned to complain that the ready email came too early",
    )
    checked(window)
    assert status("continuous-improvement.MP1") == "Met"

    window.show_stage("analysis")
    analysis: StagePage = window.pages["analysis"]  # type: ignore[assignment]
    _fill(
        qtbot,
        analysis,
        theme="Ready emails sent too early",
        touchpoint="Collection desk",
        root_cause="The warehouse system sends the email when picking starts",
        data_summary="Two of two comments name the early ready email",
    )
    related = analysis.form.related
    assert related is not None and related.count() == 2
    related.item(0).setCheckState(Qt.CheckState.Checked)
    assert [f.id for f in window.session.document.findings[0].feedback_items]

    window.show_stage("action_plan")
    actions: StagePage = window.pages["action_plan"]  # type: ignore[assignment]
    _fill(
        qtbot,
        actions,
        action="Send the ready email only when the parcel is scanned at the collection desk",
        owner="Ada",
        resources="Four hours of the IT supplier's time",
        barriers="Warehouse staff worry about extra scanning",
        overcome_barriers="Timed trial showing the scan adds under ten seconds",
    )
    checked(window)
    assert status("continuous-improvement.MP4") == "Met"

    window.show_stage("implementation_log")
    log: StagePage = window.pages["implementation_log"]  # type: ignore[assignment]
    _fill(
        qtbot,
        log,
        logged_on="2026-10-20",
        what_done="Trialled the scan for a week and coached nine colleagues",
        reflection="Coaching on the shop floor worked better than a briefing",
    )

    window.show_stage("evaluation")
    metrics = window.pages["evaluation"].metrics  # type: ignore[attr-defined]
    checked(window)
    before = status("continuous-improvement.MP5")
    _fill(qtbot, metrics, name="Collection complaints", baseline_value="31")
    checked(window)
    assert status("continuous-improvement.MP5") == "Partly met"
    _type(qtbot, metrics.form.widgets["result_value"], "8")
    assert before == "Missing"
    checked(window)
    assert window.session.result.point("MP5").reasons[0].status is Status.MET

    evidence_file = tmp_path / "huddle notes.txt"
    evidence_file.write_text("Team huddle: scan on arrival, check the live list.")
    window.show_stage("evidence")
    evidence = window.pages["evidence"]
    evidence.filesDropped.emit([evidence_file])
    qtbot.waitUntil(lambda: evidence.list.count() == 1, timeout=10_000)  # added off-thread
    evidence.list.setCurrentRow(0)
    _choose(qtbot, evidence.mapping.point, "continuous-improvement.MP8")
    evidence.mapping.why.setText("My notes from the huddle where I briefed the team")
    qtbot.mouseClick(evidence.mapping.map, Qt.MouseButton.LeftButton)
    assert "MP8" in evidence.list.item(0).text()

    window.undo_action.trigger()  # the mapping
    assert "not mapped" in evidence.list.item(0).text()
    window.redo_action.trigger()

    window.show_stage("implementation_log")  # any stage item can be mapped too
    log.mapping.why.setText("Log of trialling the new procedure and coaching colleagues")
    _choose(qtbot, log.mapping.point, "continuous-improvement.MP8")
    qtbot.mouseClick(log.mapping.map, Qt.MouseButton.LeftButton)
    assert "MP8: Log of trialling" in log.mapping.existing.text()
    window.close()

    with PortfolioStore.open(path) as store:
        portfolio = store.load()
    assert len(portfolio.feedback_items) == 2 and len(portfolio.findings) == 1
    assert portfolio.metrics[0].result_value == 8
    assert [link.target[0] for link in portfolio.evidence_links] == ["evidence_file", "log_entry"]

    again = window_for(path)
    assert again.pages["feedback"].model.rowCount() == 2  # type: ignore[attr-defined]
    dialog = again.export_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.draft.isEnabled() and dialog.draft.isChecked()
    assert "A final copy needs every marking point met" in dialog.reasons.text()
    dialog.formats.button(1).setChecked(True)
    target = tmp_path / "out" / "ada.pdf"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Saved" in dialog.state.text()
    assert _no_external_viewer == [str(target)]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "DRAFT" in text and "Waited 25 minutes" in text
    dialog.done(0)


def test_same_file_is_not_opened_twice(
    qtbot, tmp_path: Path, new_portfolio: Path, settings, _no_modal_dialogs
) -> None:
    from app.ui.application import open_window

    first = open_window(new_portfolio, settings)
    assert first is not None
    qtbot.addWidget(first)
    assert open_window(new_portfolio, settings) is first  # same process: brought forward
    from PySide6.QtCore import QLockFile

    other = QLockFile(str(new_portfolio) + ".lock")
    assert not other.tryLock(0)  # another process would be refused
    first.close()
    assert other.tryLock(0)
    other.unlock()


def test_bad_file_gives_a_message_not_a_crash(
    qtbot, tmp_path: Path, settings, _no_modal_dialogs
) -> None:
    from app.ui.application import open_window

    bad = tmp_path / "bad.folio"
    bad.write_text("not a portfolio")
    assert open_window(bad, settings) is None
    assert "not a Folio portfolio" in _no_modal_dialogs[0]
    assert bad.read_text() == "not a portfolio"


def test_preview_shows_the_export(qtbot, window_for, tmp_path: Path) -> None:
    from tests.conftest import make_demo

    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    window.preview()
    browser = window.preview_dialog.findChild(object, "preview")
    text = browser.toPlainText()
    assert "Evidence mapping grid" in text and "Priya Shah" in text
    # a figure is a block of its own, never run into the heading before it
    lines = text.splitlines()
    heading = len(lines) - 1 - lines[::-1].index("Review: KPI tracker")  # the section, not
    assert lines[heading + 1] == "\ufffc"  # its contents entry; the picture on its own line
    assert any(line.startswith("Line charts of each metric over time") for line in lines)
    window.preview_dialog.close()
