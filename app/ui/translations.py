"""Loading Folio's translations: a language is added by dropping its folio_<language>.qm
into resources/translations (or the user's data folder, translations/), with no code change.

English is always loaded first: it holds the plural forms of the strings that show a count
("%n other item(s)" -> "1 other item", "5 other items"); the user's own language, when there
is a translation for it, is searched before it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.paths import data_dir
from app.resources import resource_path


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
