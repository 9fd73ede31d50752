"""The translation files are what a translator needs: folio_en.ts holds every string of
app/ui and every label from data as `make translations` makes it, each count with its English
singular and plural, and folio_en.qm is compiled from it. (That every string shown goes
through translation is the layout walk's: test_layout_walk.py.)"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from app.resources import resource_path

TS = resource_path("translations", "folio_en.ts")


def test_make_translations_leaves_the_english_files_as_they_are(tmp_path: Path) -> None:
    if shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("pyside6-lupdate is not installed")
    from app.ui.translation_sources import update

    shutil.copyfile(TS, tmp_path / TS.name)
    update(folder=tmp_path)
    made = (tmp_path / TS.name).read_text(encoding="utf-8")
    assert made == TS.read_text(encoding="utf-8"), "run make translations and commit the result"
    assert (tmp_path / "folio_en.qm").read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_every_count_has_its_english_singular_and_plural() -> None:
    counts = [m for m in ElementTree.parse(TS).getroot().iter("message") if m.get("numerus")]
    assert len(counts) >= 10
    for message in counts:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        forms = [form.text or "" for form in translation.iter("numerusform")]
        assert len(forms) == 2 and all(forms), source
        assert not any("(s)" in form for form in forms), source
        assert all("%n" in form for form in forms) == ("%n" in source), source


def test_a_language_started_translated_and_dropped_in_needs_no_code(
    qtbot, window_for, tmp_path: Path, _private_data_dir: Path
) -> None:
    """As the README says: `make translations LANGUAGES=fr` starts folio_fr.ts, a translator
    fills it in, `make translations` compiles it, and the .qm dropped in the user's
    translations folder changes the window: its own strings, a form's labels and choices
    (labels from data, translated where they become widgets) and a count's plural."""
    if shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("pyside6-lupdate is not installed")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from app.ui.translation_sources import update
    from app.ui.translations import install_translations
    from tests.conftest import make_demo

    folder = _private_data_dir / "translations"
    folder.mkdir(parents=True)
    (started,) = update(["fr"], folder=folder)
    french = {
        ("StageNavigator", "Feedback"): "Retours",
        ("StagePage", "D&uplicate"): "D&upliquer",
        ("forms", "What the customer said"): "Ce que le client a dit",
        ("choices", "Survey"): "Enquête",
        ("EvaluationPage", "%n word(s)"): ("%n mot", "%n mots"),
    }
    tree = ElementTree.parse(started)
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            text = french.get((context.findtext("name") or "", message.findtext("source") or ""))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            del translation.attrib["type"]
            if isinstance(text, tuple):
                for form, value in zip(translation.iter("numerusform"), text, strict=True):
                    form.text = value
            else:
                translation.text = text
    tree.write(started, encoding="utf-8")
    update(folder=folder)
    assert (folder / "folio_fr.qm").exists()

    app = QApplication.instance()
    translators = install_translations(app, QLocale(QLocale.Language.French))
    try:
        make_demo(tmp_path, "continuous-improvement").close()
        window = window_for(tmp_path / "continuous-improvement.folio")
        window.show_stage("feedback")
        page = window.pages["feedback"]
        form = page.form
        label = form._layout.labelForField(form.widgets["text"])
        sources = [form.widgets["source_type"].itemText(i) for i in range(2)]
        navigator = window.navigator.entries["feedback"].text(0)
        duplicate = page.buttons["duplicate"].text()
        window.show_stage("evaluation")
        evaluation = window.pages["evaluation"]
        evaluation.text.set_text("un")  # shown, not typed: nothing to save
        one = evaluation.words.text()
        evaluation.text.set_text("un deux trois")
        three = evaluation.words.text()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert label.text() == "&Ce que le client a dit"
    assert sources == ["Enquête", "Complaint"]  # untranslated ones stay English
    assert (navigator, duplicate) == ("Retours", "D&upliquer")
    assert (one, three) == ("1 mot", "3 mots")
