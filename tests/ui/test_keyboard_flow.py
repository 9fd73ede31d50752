"""Keyboard only, a whole portfolio: the new-portfolio wizard, then feedback, analysis, action
plan, implementation log, evaluation, evidence, declaration and export, each with key presses
sent to the focused widget and no mouse event; and every widget that takes focus on the way
shows that it has it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget, QWizard

from app.store import PortfolioStore
from app.ui.export_dialog import ExportDialog
from app.ui.wizard import NewPortfolioWizard
from tests.export.conftest import pdf_text


class _NoMouse(QObject):
    """Counts mouse presses anywhere in the application: the flow must need none."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.presses += 1
        return False


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


class Keys:
    """Key presses on whatever has the focus, as a keyboard would send them."""

    def __init__(self, qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.window = window
        #: Widgets reached with Tab that showed no difference between focused and not.
        self.unmarked: list[str] = []

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        self.qtbot.keyClick(_focused() or self.window, key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(_focused(), text)

    def tab_to(self, target: QWidget, limit: int = 80) -> None:
        for _ in range(limit):
            if _focused() is target:
                self._check_focus_is_visible(target)
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reaches {target.objectName() or target}")

    def _check_focus_is_visible(self, target: QWidget) -> None:
        """The widget Tab reached must look different from the same widget a Shift+Tab
        later (the keyboard user's only way to know where they are)."""
        focused = target.grab().toImage()
        self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert _focused() is not target
        unfocused = target.grab().toImage()
        self.press(Qt.Key.Key_Tab)
        assert _focused() is target
        if focused == unfocused:
            self.unmarked.append(target.objectName() or type(target).__name__)

    def stage(self, window, stage: str) -> None:  # type: ignore[no-untyped-def]
        self.press(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # View › Stages
        assert _focused() is window.navigator
        self.press(Qt.Key.Key_Home)
        for _ in range(40):
            if window.current_stage() == stage:
                return
            self.press(Qt.Key.Key_Down)
        raise AssertionError(f"the navigator never reaches {stage}")

    def add_item(self, window, stage: str, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        """Add an item on a stage page and type its fields, leaving each with Tab."""
        self.stage(window, stage)
        page = window.pages[stage]
        self.tab_to(page.buttons["add"])
        self.press(Qt.Key.Key_Space)
        for name, text in fields.items():
            self.tab_to(page.form.widgets[name])
            self.type(text)
        self.press(Qt.Key.Key_Tab)  # leaving the last field saves it


def _create_with_the_wizard(qtbot, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    wizard = NewPortfolioWizard(folder=folder)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    keys = Keys(qtbot, wizard)
    units = wizard.unit_page.units
    units.setFocus()  # where the wizard opens
    keys.press(Qt.Key.Key_Home)
    while "continuous-improvement" not in units.currentItem().text():
        keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)  # Next
    assert wizard.currentPage() is wizard.learner_page
    keys.tab_to(wizard.learner_page.edits["learner_name"])
    keys.type("Ada Learner")
    keys.press(Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.save_page
    keys.tab_to(wizard.save_page.path)
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type(str(folder / "Ada.folio"))
    keys.press(Qt.Key.Key_Return)  # Finish
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)
    assert wizard.created == folder / "Ada.folio"
    return wizard.created


def test_keyboard_only_through_a_whole_portfolio(
    qtbot, window_for, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    mouse = _NoMouse()
    QApplication.instance().installEventFilter(mouse)
    try:
        _flow(qtbot, window_for, tmp_path, monkeypatch)
    finally:
        QApplication.instance().removeEventFilter(mouse)
    assert mouse.presses == 0


def _flow(qtbot, window_for, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _create_with_the_wizard(qtbot, tmp_path)
    window = window_for(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keys = Keys(qtbot, window)

    keys.add_item(
        window,
        "feedback",
        {"channel": "email", "text": "Waited twenty minutes at the collection point"},
    )
    keys.add_item(
        window,
        "analysis",
        {"theme": "Collection delays", "root_cause": "Ready emails go out before packing"},
    )
    keys.add_item(
        window,
        "action_plan",
        {"action": "Send the ready email only when the order is on the shelf", "owner": "Sam"},
    )
    keys.add_item(window, "implementation_log", {"what_done": "Changed the email trigger with IT"})

    keys.stage(window, "evaluation")
    evaluation = window.pages["evaluation"]
    keys.press(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # "Eva&luation narrative"
    assert _focused() is evaluation.text
    keys.type("Waits fell from twenty minutes to five after the change")
    keys.press(Qt.Key.Key_Tab)

    evidence_file = tmp_path / "huddle notes.txt"
    evidence_file.write_text("Team huddle: scan on arrival, check the live list.")
    # The file dialog is the platform's own; typing a name into it is its business.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(evidence_file)], ""))
    )
    keys.stage(window, "evidence")
    evidence = window.pages["evidence"]
    keys.tab_to(evidence.add)
    with qtbot.waitSignal(window.session.importFinished, timeout=20_000):
        keys.press(Qt.Key.Key_Space)

    keys.stage(window, "declaration")
    declaration = window.pages["declaration"]
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "Your &name"
    assert _focused() is declaration.name
    keys.type("Ada Learner")
    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Today
    qtbot.wait(300)  # a button's shortcut clicks it after a short animation
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Sign declaration
    qtbot.waitUntil(lambda: window.session.document.declaration.is_signed)

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
    keys.press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File › Export…
    assert shown and target.exists()

    with PortfolioStore.open(path) as store:  # what the keys wrote is in the file
        saved = store.load()
    assert saved.learner_name == "Ada Learner"
    assert saved.feedback_items[0].text == "Waited twenty minutes at the collection point"
    assert saved.findings[0].root_cause == "Ready emails go out before packing"
    assert saved.actions[0].owner == "Sam"
    assert saved.log_entries[0].what_done == "Changed the email trigger with IT"
    assert saved.evaluation_narrative.startswith("Waits fell from twenty minutes")
    assert [f.original_name for f in saved.evidence_files] == ["huddle notes.txt"]
    assert saved.declaration.is_signed
    text = " ".join(pdf_text(target).split())  # lines wrap where the page is narrow
    for expected in (
        "Ada Learner",
        "Waited twenty minutes",
        "Ready emails go out before packing",
        "Send the ready email only when the order is on the shelf",
        "Changed the email trigger with IT",
        "Waits fell from twenty minutes to five",
        "huddle notes.txt",
    ):
        assert expected in text, expected
    assert keys.unmarked == []  # every widget Tab reached showed its focus
