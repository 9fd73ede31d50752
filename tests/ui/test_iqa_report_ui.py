"""The IQA reports on a sampled portfolio from the assessment page: signed with their key,
refused (with the store's reason and nothing typed lost) when it disagrees without action
points."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.store import PortfolioStore
from app.workflow import submission
from app.workflow.verification import verify
from tests.conftest import Centre
from tests.ui.test_trust_ui import _page, _submitted


def test_the_iqa_signs_a_report_from_the_assessment_page(
    qtbot, tmp_path: Path, settings, centre: Centre, monkeypatch
) -> None:
    path = _submitted(tmp_path)
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    window, page = _page(qtbot, path, settings, "iqa: Grace Mensah")
    assert page.iqa_button.isVisible() and page.iqa_button.isEnabled()
    assert page.iqa_state.text() == "Not sampled yet."
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args: ("staff-passphrase", True))
    )
    qtbot.mouseClick(page.iqa_button, Qt.MouseButton.LeftButton)
    dialog = page.iqa_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.disagree.setChecked(True)
    dialog.comments.setPlainText("MP8's log entries do not show the learner's own part.")
    dialog.reason.setText("New assessor")
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: a disagreement needs action points
    assert "action points" in dialog.problem.text()
    assert dialog.comments.toPlainText().startswith("MP8's log entries")
    assert window.session.document.iqa_reports == []
    dialog.action_points.setPlainText("Re-judge MP8 with the learner's log and a witness.")
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)
    (report,) = window.session.document.iqa_reports
    assert (report.agrees, report.iqa_name, report.sample_reason) == (
        False,
        "Grace Mensah",
        "New assessor",
    )
    assert page.iqa_state.text().startswith("Reported by Grace Mensah on ")
    assert "disagrees with the decision. Action points: Re-judge MP8" in page.iqa_state.text()
    window.close()
    with PortfolioStore.open(path) as store:
        assert verify(store, centre.keys).exit_code == 0
        assert "iqa-report" in [s.kind for s in store.load().signatures]


def test_an_assessor_is_not_offered_the_iqa_report(qtbot, tmp_path: Path, settings) -> None:
    window, page = _page(qtbot, _submitted(tmp_path), settings, "assessor: Daniel Okafor")
    assert not page.iqa_button.isVisible()
    window.close()
