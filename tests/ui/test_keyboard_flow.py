"""Keyboard only: from a new portfolio, reach a stage, add a feedback item and type it, sign
the declaration and export to PDF, with key presses on the focused widget and no mouse."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.export_dialog import ExportDialog
from tests.export.conftest import pdf_text


def _focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def test_keyboard_only_feedback_declaration_and_export(
    qtbot, window_for, new_portfolio: Path, tmp_path: Path, monkeypatch
) -> None:
    window = window_for(new_portfolio)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def keys(key, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
        qtbot.keyClick(_focused() or window, key, modifier)

    keys(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # View › Stages
    assert _focused() is window.navigator
    keys(Qt.Key.Key_Home)
    while window.current_stage() != "feedback":
        keys(Qt.Key.Key_Down)
    page = window.pages["feedback"]
    for _ in range(40):  # Tab to "Add feedback", Space presses it
        if _focused() is page.buttons["add"]:
            break
        keys(Qt.Key.Key_Tab)
    keys(Qt.Key.Key_Space)
    assert len(window.session.document.feedback_items) == 1
    text = page.form.widgets["text"]
    for _ in range(40):
        if _focused() is text:
            break
        keys(Qt.Key.Key_Tab)
    qtbot.keyClicks(text, "Waited twenty minutes at the collection point")
    keys(Qt.Key.Key_Tab)  # leaving the field saves it
    assert window.session.document.feedback_items[0].text.startswith("Waited twenty")

    keys(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    while window.current_stage() != "declaration":
        keys(Qt.Key.Key_Down)
    declaration = window.pages["declaration"]
    keys(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "Your &name"
    assert _focused() is declaration.name
    qtbot.keyClicks(declaration.name, "Ada Learner")
    keys(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Today
    qtbot.wait(300)  # a button's shortcut clicks it after a short animation
    keys(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Sign declaration
    qtbot.waitUntil(lambda: window.session.document.declaration.is_signed)
    assert window.session.document.declaration.is_signed

    target = tmp_path / "Ada.pdf"
    shown: list[ExportDialog] = []

    def run(dialog: ExportDialog) -> int:  # the dialog, driven by keys, instead of exec()
        shown.append(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        dialog.open_when_done.setChecked(False)
        dialog.path.setFocus()
        dialog.path.selectAll()
        qtbot.keyClicks(dialog.path, str(target))
        qtbot.keyClick(dialog.path, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Export
        qtbot.wait(300)
        qtbot.waitUntil(lambda: target.exists() and "Saved" in dialog.state.text(), timeout=60_000)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", run)
    keys(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File › Export…
    assert shown and target.exists()
    text_of_pdf = pdf_text(target)
    assert "Ada Learner" in text_of_pdf and "Waited twenty minutes" in text_of_pdf
