"""Loading Folio's translations: a language is added by dropping its folio_<language>.qm
into resources/translations (or the user's data folder, translations/), with no code change.

English is always loaded first: it holds the plural forms of the strings that show a count
("%n other item(s)" -> "1 other item", "5 other items"); the user's own language, when there
is a translation for it, is searched before it.

Every string the window shows goes through tr() or QCoreApplication.translate(). Labels that
come from data (the form definitions in app/ui/forms.py, the vocabularies of app.models, the
item nouns, the cohort's columns) are translated by data_label() where they become widgets,
each in one fixed context, so one translation serves every place they are shown.
``make translations`` (app/ui/translation_sources.py) puts all of them in the .ts files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.checker.text import NOUNS as ITEM_NOUNS
from app.paths import data_dir
from app.resources import resource_path

#: The contexts of the labels that come from data (see data_label()).
FORM_TEXT = "forms"  # field labels, placeholders and list headings of app/ui/forms.py
CHOICE_TEXT = "choices"  # the labels of the controlled vocabularies (app.models.vocab)
NOUN_TEXT = "nouns"  # what each kind of item is called ("feedback item", "action")
COHORT_TEXT = "cohort"  # the cohort table's columns (app.workflow.cohort)


def data_label(context: str, text: str) -> str:
    """``text``, a label that came from data, in the user's language (``context``: one of
    FORM_TEXT, CHOICE_TEXT, NOUN_TEXT, COHORT_TEXT); with no translation, ``text`` itself."""
    return QCoreApplication.translate(context, text) if text else text


def noun(kind: str) -> str:
    """What an item of ``kind`` is called, in the user's language."""
    return data_label(NOUN_TEXT, ITEM_NOUNS.get(kind, kind.replace("_", " ")))


def translation_folders() -> list[Path]:
    """Where translations are looked for, the user's own folder last (so it wins)."""
    return [resource_path("translations"), data_dir() / "translations"]


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the English plural forms and the translation for ``locale`` (the system's by
    default) found in translation_folders(); returns the translators installed."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    wanted = [QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)]
    if locale.language() != QLocale.Language.English:
        wanted.append(locale)
    for language in wanted:
        for folder in translation_folders():
            translator = QTranslator(app)
            if translator.load(language, "folio", "_", str(folder)):
                app.installTranslator(translator)
                installed.append(translator)
    return installed
