"""The layout walk: every page of the navigator and every dialog, on the demo portfolio (as its
learner, and as the assessor of a submitted copy), at 1280×800, at 1024×768 and with the font
at 150 %, with every translated string 40 % longer. Nothing may be cut off, every combo
pop-up shows its choices whole, and every interactive widget has a name a screen reader can
say. At 1024×768 a page inside a scroll area may scroll sideways; nothing may be cut off.

The same walk with a translator that marks what it translates: every string shown goes
through translation, as a translator given folio_en.ts would see it, unless it is data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.resources import resource_path
from app.ui.main_window import MainWindow
from app.ui.translations import CHOICE_TEXT, COHORT_TEXT, FORM_TEXT, NOUN_TEXT
from tests.ui.layout_walk import (
    MarkingTranslator,
    PseudoTranslator,
    catalogue,
    grown,
    problems,
    untranslated,
    untranslated_words,
    visits,
)

SETUPS = {
    "1280x800": ((1280, 800), 1.0),
    "1024x768": ((1024, 768), 1.0),
    "font150": ((1280, 800), 1.5),
}


@pytest.fixture
def setup(request, qapp) -> Iterator[tuple[str, tuple[int, int], bool]]:  # type: ignore[no-untyped-def]
    """Pseudo-localised strings and the font scale, for the widgets built in the test."""
    name = request.param
    size, scale = SETUPS[name]
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    font = qapp.font()
    if scale != 1.0:
        bigger = qapp.font()
        bigger.setPointSizeF(font.pointSizeF() * scale)
        qapp.setFont(bigger)
    yield name, size, size[0] < 1280
    qapp.setFont(font)
    qapp.removeTranslator(translator)


@pytest.mark.slow
@pytest.mark.parametrize("setup", list(SETUPS), indirect=True)
def test_nothing_is_cut_off_and_everything_is_named(
    qtbot, tmp_path: Path, settings: QSettings, setup
) -> None:
    name, size, scroll_ok = setup
    found: list[str] = []
    for where, root in visits(qtbot, tmp_path, settings, size, name):
        if isinstance(root, QMainWindow):
            assert root.pages["feedback"].form.tr("a number") == grown("a number")  # type: ignore[attr-defined]
            if root.width() > size[0] or root.height() > size[1]:
                found.append(
                    f"{where}: the window cannot be made {size[0]}×{size[1]}: it is at least "
                    f"{root.width()}×{root.height()}"
                )
        found += problems(root, where, scroll_ok)
    unique = list(dict.fromkeys(found))
    assert not unique, f"{len(unique)} layout problems:\n" + "\n".join(unique)


@pytest.fixture
def marking(qapp) -> Iterator[MarkingTranslator]:  # type: ignore[no-untyped-def]
    translator = MarkingTranslator(catalogue(resource_path("translations", "folio_en.ts")), qapp)
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.mark.slow
def test_every_string_shown_goes_through_translation(
    qtbot, tmp_path: Path, settings: QSettings, marking: MarkingTranslator, questions
) -> None:
    found: list[str] = []
    questions.answer = QMessageBox.StandardButton.No
    for where, root in visits(qtbot, tmp_path, settings, (1280, 800), "1280x800"):
        found += untranslated(root, where)
        if isinstance(root, MainWindow) and root.current_stage() == "analysis" and not questions:
            root.pages["analysis"].delete()  # a linked, mapped finding: asks first
            assert questions, "deleting a linked finding asked nothing"
            found += [
                f"{where}: the question {text!r} is not translated"
                for text in questions
                if untranslated_words(text)
            ]
    unique = list(dict.fromkeys(found))
    # Qt's own strings, and labels from data a translator is not given (a law's title)
    skipped = ("Q", FORM_TEXT, CHOICE_TEXT, NOUN_TEXT, COHORT_TEXT)
    ours = sorted(missed for missed in marking.missed if not missed[0].startswith(skipped))
    assert not unique, (
        f"{len(unique)} strings shown without translation (run make translations after "
        "adding one; mark data in tests/ui/layout_walk.py DATA):\n"
        + "\n".join(unique)
        + "\nasked for but not in folio_en.ts (context, source): "
        + ", ".join(map(repr, ours))
    )
