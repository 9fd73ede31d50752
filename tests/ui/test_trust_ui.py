"""Trust in the GUI: the assessment page shows the decision's signature as verify sees it,
asks for the passphrase to sign or reopen, and lets a user without a key judge but not sign;
the cohort window has a trust column where altered files stand out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog

from app.checker import check
from app.store import PortfolioStore
from app.ui.cohort_window import CohortWindow
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.workflow import cohort, submission
from tests.conftest import Centre, make_demo
from tests.workflow.test_cohort_trust import VERIFIED, cohort_folder  # noqa: F401 - fixture


def _submitted(tmp_path: Path) -> Path:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    return tmp_path / "continuous-improvement.folio"


def _page(qtbot, path: Path, settings, actor: str):  # type: ignore[no-untyped-def]
    window = MainWindow(PortfolioSession.open(path, actor=actor), settings)
    qtbot.addWidget(window)
    window.show()
    window.show_stage("assessment")
    return window, window.pages["assessment"]


def test_without_a_key_an_assessor_judges_but_cannot_sign(qtbot, tmp_path: Path, settings) -> None:
    path = _submitted(tmp_path)
    window, page = _page(qtbot, path, settings, "assessor: Supply Assessor")
    assert page.record.isEnabled() and not page.sign.isEnabled()
    assert "No staff key for Supply Assessor on this machine" in page.key_state.text()
    judgement, _feedback, _status = next(iter(page.rows.values()))
    judgement.setCurrentIndex(judgement.findData("met"))
    qtbot.mouseClick(page.record, Qt.MouseButton.LeftButton)
    assert page.problem.text() == ""
    assert len(window.session.document.assessments) == 1
    assert page.trust.text() == "Not signed off."
    window.close()


def test_reopening_in_the_gui_asks_why_and_for_the_passphrase(
    qtbot, tmp_path: Path, settings, centre: Centre, monkeypatch
) -> None:
    path = _submitted(tmp_path)
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    window, page = _page(qtbot, path, settings, "assessor: Daniel Okafor")
    assert page.trust.text() == VERIFIED and not page.record.isEnabled()
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *args: ("MP8 evidence was not the learner's own", True)),
    )
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args: ("staff-passphrase", True))
    )
    qtbot.mouseClick(page.reopen, Qt.MouseButton.LeftButton)
    assert page.problem.text() == ""
    assert page.record.isEnabled() and page.sign.isEnabled()
    assert page.trust.text() == "Not signed off."
    (decision,) = window.session.document.decisions
    assert decision.reopen_reason == "MP8 evidence was not the learner's own"
    assert [s.kind for s in window.session.document.signatures] == ["sign-off", "reopen"]
    window.close()


def test_a_learner_sees_an_altered_decision_marked(
    qtbot, tmp_path: Path, settings, centre: Centre
) -> None:
    path = _submitted(tmp_path)
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            verdict = "not-yet" if point.short_id == "MP8" else "met"
            submission.assess(store, point.id, verdict, "seen")
        submission.sign_off(store, "refer", "Redo MP8", centre.assessor)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE assessment_decision SET decision = 'competent'")
    connection.commit()
    connection.close()
    window, page = _page(qtbot, path, settings, "learner")
    assert page.trust.text().startswith("ALTERED: ")
    assert "but Daniel Okafor signed 'refer'" in page.trust.text()
    assert "font-weight: 600" in page.trust.styleSheet()
    assert not page.reopen.isEnabled() and not page.sign.isEnabled()
    window.resize(1280, 800)
    window.grab().save(str(tmp_path / "assessment-altered.png"))
    window.close()


def test_the_cohort_window_shows_trust(qtbot, cohort_folder: Path, tmp_path: Path) -> None:  # noqa: F811
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = CohortWindow(cohort_folder, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=20_000)
    column = cohort.COLUMNS.index("trust")
    assert window.model.horizontalHeaderItem(column).text() == "Trust"
    shown = {
        window.model.item(row, 0).text(): window.model.item(row, column)
        for row in range(window.model.rowCount())
    }
    assert shown["honest.folio"].text() == VERIFIED
    assert shown["altered.folio"].text().startswith("ALTERED")
    assert shown["altered.folio"].font().bold()
    window.resize(1280, 800)
    window.grab().save(str(tmp_path / "cohort.png"))


def test_an_assessor_signs_the_final_pdf_from_the_export_dialog(
    qtbot, tmp_path: Path, settings, centre: Centre, monkeypatch
) -> None:
    from app.trust.pdf_signing import verify_pdf

    path = _submitted(tmp_path)
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", "seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    window, _ = _page(qtbot, path, settings, "assessor: Daniel Okafor")
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.sign.isVisibleTo(dialog) and dialog.sign.isChecked()
    assert "Daniel Okafor, assessor" in dialog.sign.text()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a: ("wrong-pass", True)))
    dialog.open_when_done.setChecked(False)
    dialog.path.setText(str(tmp_path / "signed.pdf"))
    dialog.start()
    assert "wrong passphrase" in dialog.state.text()
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a: ("staff-passphrase", True))
    )
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state.text().startswith("Saved"), timeout=30_000)
    (report,) = verify_pdf(tmp_path / "signed.pdf")
    assert report.verified and report.signer.name == "Daniel Okafor"
    dialog.resize(1280, 800)
    dialog.grab().save(str(tmp_path / "export-dialog.png"))
    window.close()


def test_a_learner_is_not_offered_pdf_signing(qtbot, tmp_path: Path, settings) -> None:
    window, _ = _page(qtbot, _submitted(tmp_path), settings, "learner")
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.sign.isVisibleTo(dialog)
    window.close()
