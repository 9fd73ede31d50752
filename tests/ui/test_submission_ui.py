"""Submitting from the app: the version becomes read-only until a new draft; the audit
trail shows it; an assessor's window is read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit

from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.ui.submit_dialog import SubmitDialog
from app.workflow import submission
from tests.conftest import make_demo, make_incomplete_demo


def test_submit_makes_the_version_read_only_until_a_new_draft(
    qtbot, window_for, tmp_path, monkeypatch
):
    make_demo(tmp_path, "continuous-improvement").close()
    window = window_for(tmp_path / "continuous-improvement.folio")
    feedback = window.pages["feedback"]
    assert not window.banner.isVisible() and feedback.buttons["add"].isEnabled()

    shown: list[SubmitDialog] = []

    def run_dialog(dialog: SubmitDialog) -> int:  # instead of a modal exec()
        shown.append(dialog)
        assert dialog.name.text() == "Priya Shah"
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(SubmitDialog, "exec", run_dialog)
    window.show_stage("declaration")
    qtbot.mouseClick(window.pages["declaration"].submit, Qt.MouseButton.LeftButton)
    assert shown and shown[0].result() == SubmitDialog.DialogCode.Accepted

    assert window.banner.isVisible() and "Version 1 was submitted" in window.banner.text()
    assert not window.pages["declaration"].submit.isEnabled()
    window.show_stage("feedback")  # pages refresh when shown
    assert not feedback.buttons["add"].isEnabled() and not feedback.form.isEnabled()
    assert not window.submit_action.isEnabled()
    with PortfolioSession.open(window.session.path).store as store:
        assert [r.intact for r in submission.verify(store).versions] == [True]

    qtbot.mouseClick(window.new_draft_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible() and feedback.buttons["add"].isEnabled()
    assert window.session.document.draft_version == 2

    window.audit_trail()
    table = window.audit_dialog.table
    actions = [table.item(row, 2).text() for row in range(table.rowCount())]
    assert actions[:3] == [  # newest first, in plain words
        "Started a new draft (version 2)",
        "Submitted the portfolio (version 1)",
        "Signed the declaration",
    ]
    window.audit_dialog.close()


def test_incomplete_submission_asks_for_a_reason(qtbot, window_for, tmp_path: Path) -> None:
    make_incomplete_demo(tmp_path).close()
    window = window_for(tmp_path / "process-reengineering.folio")
    dialog = SubmitDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "only with a reason" in dialog.problem.text()
    assert window.session.document.status == "draft"
    dialog.reason.setPlainText("My swimlane map is on paper; photo attached as E2")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert window.session.document.status == "submitted"


def test_assessor_window_is_read_only(qtbot, tmp_path: Path, settings) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    path = tmp_path / "continuous-improvement.folio"
    session = PortfolioSession.open(path, actor="assessor: D. Okafor")
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    assert "Opened as assessor" in window.banner.text()
    assert not window.new_draft_button.isVisible()
    for stage in ("action_plan", "process_map", "decision"):
        window.show_stage(stage)
    page = window.pages["action_plan"]
    assert not page.buttons["add"].isEnabled() and not page.form.isEnabled()
    tool = window.pages["process_map"].lists["process_step"]  # type: ignore[attr-defined]
    assert not tool.buttons["add"].isEnabled() and not tool.form.isEnabled()
    grid = window.pages["decision"].grid  # type: ignore[attr-defined]
    assert all(
        not grid.item(row, column).flags() & Qt.ItemFlag.ItemIsEditable
        for row in range(grid.rowCount())
        for column in range(grid.columnCount())
    )
    assert window.session.update_item("action_item", 1, owner="Someone else") is False
    window.close()


def test_assessor_journey_marks_signs_off_and_exports(
    qtbot, tmp_path: Path, settings, centre, monkeypatch
) -> None:
    from pypdf import PdfReader

    from app.checker import check
    from app.export.service import export_portfolio
    from app.store import PortfolioStore

    make_demo(tmp_path, "continuous-improvement").close()
    path = tmp_path / "continuous-improvement.folio"
    with PortfolioStore.open(path) as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))

    window = MainWindow(PortfolioSession.open(path, actor="assessor: Daniel Okafor"), settings)
    qtbot.addWidget(window)
    window.show()
    window.show_stage("assessment")
    page = window.pages["assessment"]
    assert "submitted by Priya Shah" in page.about.text()
    for number, (judgement, feedback, _status) in enumerate(page.rows.values(), start=1):
        verdict = "not-yet" if number == 3 else "met"
        judgement.setCurrentIndex(judgement.findData(verdict))
        feedback.setPlainText(f"MP{number}: judged on the submitted evidence")
    page.decision.setCurrentIndex(page.decision.findData("refer"))
    page.action_points.setPlainText("Explain each team member's part in action A2")
    asked: list[tuple[str, object]] = []

    def passphrase(_parent, title, label, echo):  # type: ignore[no-untyped-def]
        asked.append((label, echo))
        return "staff-passphrase", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(passphrase))
    assert "Signing as Daniel Okafor, assessor" in page.key_state.text()
    qtbot.mouseClick(page.sign, Qt.MouseButton.LeftButton)
    assert page.problem.text() == ""
    assert asked == [
        (
            "Passphrase for Daniel Okafor, assessor, Northgate College (40123):",
            QLineEdit.EchoMode.Password,
        )
    ]
    assert "signed off by Daniel Okafor" in page.about.text()
    assert page.trust.text() == (
        "signed by Daniel Okafor, assessor, Northgate College (40123), verified"
    )
    page.resize(1280, 800)
    page.grab().save(str(tmp_path / "assessment-signed.png"))
    assert not page.sign.isEnabled()  # a signed-off version is closed

    target = tmp_path / "assessed.pdf"
    export_portfolio(window.session.store, "pdf", target, draft=True)
    window.close()
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "MP1: judged on the submitted evidence" in text
    assert "Not yet met" in text and "Refer" in text
    assert "Explain each team member's part in action A2" in text

    learner = MainWindow(PortfolioSession.open(path), settings)
    qtbot.addWidget(learner)
    learner.show_stage("assessment")
    assert not learner.pages["assessment"].record.isEnabled()  # learners read, never change
    assert "Refer" in learner.pages["assessment"].decision.currentText()
    learner.close()
