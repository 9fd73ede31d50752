"""Updates the translations (``make translations``): every resources/translations/folio_*.ts
gets the strings of app/ui (pyside6-lupdate reads its tr() and translate() calls) and the
labels that come from data, which the window translates where it turns them into widgets
(app.ui.translations.data_label()); the English plural forms are filled in; each .ts is compiled
to the .qm Folio loads.

    python -m app.ui.translation_sources          # update every language there is
    python -m app.ui.translation_sources de fr    # and start folio_de.ts, folio_fr.ts

A translator opens folio_<language>.ts in Qt Linguist (pyside6-linguist), translates it, and
runs this again (or ``pyside6-lrelease folio_<language>.ts``) for the .qm.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from app.checker.text import NOUNS as ITEM_NOUNS
from app.ui.cohort_window import HEADINGS
from app.ui.forms import FORMS, LEGISLATION, LIST_COLUMNS, RELATIONS
from app.ui.translations import CHOICE_TEXT, COHORT_TEXT, FORM_TEXT, NOUN_TEXT

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
SOURCES = ROOT / "app" / "ui"


def data_labels() -> dict[str, list[str]]:
    """The labels from data a translator is given, by context (see app.ui.translations).
    The legislation library's titles are left out: a law is cited by its own name."""
    forms: list[str] = []
    choices: list[str] = []
    for specs in FORMS.values():
        for spec in specs:
            forms += [spec.label, spec.placeholder]
            if spec.choices and spec.choices is not LEGISLATION:
                choices += spec.choices.values()
    for columns in LIST_COLUMNS.values():
        forms += [heading for _field, heading in columns]
    forms += [title for _attribute, _kind, title in RELATIONS.values()]
    return {
        FORM_TEXT: _unique(forms),
        CHOICE_TEXT: _unique(choices),
        NOUN_TEXT: _unique(ITEM_NOUNS.values()),
        COHORT_TEXT: _unique(HEADINGS),
    }


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(text for text in texts if text))


def _stub(labels: dict[str, list[str]]) -> str:
    """The labels as QT_TRANSLATE_NOOP calls, which lupdate reads like any other source."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for context, texts in labels.items():
        lines += [
            f"QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)})"
            for text in texts
        ]
    return "\n".join(lines) + "\n"


_NOTE = re.compile(r"\n *<extracomment>[^<]*</extracomment>")

#: A numerus message lupdate left empty: its English forms are filled from "(s)".
_EMPTY_NUMERUS = re.compile(
    r'(<message numerus="yes">\s*<source>(?P<source>[^<]*)</source>\s*'
    r"(?:<comment>[^<]*</comment>\s*)?)"
    r'<translation type="unfinished">\s*<numerusform></numerusform>\s*'
    r"<numerusform></numerusform>\s*</translation>"
)


def fill_english_plurals(text: str) -> tuple[str, list[str]]:
    """folio_en.ts with the plural forms of each new count message filled in ("%n item(s)":
    "%n item", "%n items"); the sources it cannot do so for (they need their English forms
    written into folio_en.ts by hand, where lupdate keeps them)."""
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        source = match["source"]
        if "(s)" not in source:
            missing.append(source)
            return match[0]
        indent = " " * 12
        one, many = source.replace("(s)", ""), source.replace("(s)", "s")
        return (
            f"{match[1]}<translation>\n{indent}<numerusform>{one}</numerusform>\n"
            f"{indent}<numerusform>{many}</numerusform>\n{' ' * 8}</translation>"
        )

    return _EMPTY_NUMERUS.sub(fill, text), missing


def _tool(name: str) -> str:
    tool = Path(sys.executable).with_name(name)
    return str(tool) if tool.exists() else name


def update(languages: Iterable[str] = (), folder: Path = FOLDER) -> list[Path]:
    """Update (and compile) every folio_*.ts in ``folder``, starting one for each of
    ``languages``; the files updated."""
    targets = sorted(folder.glob("folio_*.ts"))
    targets += [folder / f"folio_{code}.ts" for code in languages]
    targets = list(dict.fromkeys(targets))
    sources = sorted(str(path) for path in SOURCES.glob("*.py") if path.name != Path(__file__).name)
    with tempfile.TemporaryDirectory(prefix="folio-lupdate-") as scratch:
        stub = Path(scratch) / "data_labels.py"
        stub.write_text(_stub(data_labels()), encoding="utf-8")
        for target in targets:
            language = target.stem.split("_", 1)[1]
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    *sources,
                    str(stub),
                    "-ts",
                    str(target),
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    "-silent",
                ],
                check=True,
            )
    for target in targets:
        # lupdate takes a "#:" comment before a call for a note to translators; here "#:"
        # documents the attribute that follows, which is no note for them
        text = _NOTE.sub("", target.read_text(encoding="utf-8"))
        target.write_text(text, encoding="utf-8")
    english = folder / "folio_en.ts"
    missing: list[str] = []
    if english.exists():
        text, missing = fill_english_plurals(english.read_text(encoding="utf-8"))
        english.write_text(text, encoding="utf-8")
    if missing:
        raise SystemExit(
            "Write the English singular and plural of these in folio_en.ts (no '(s)' to "
            "fill them from):\n" + "\n".join(missing)
        )
    for target in targets:
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(target)], check=True)
    return targets


def main(argv: list[str] | None = None) -> None:
    for target in update(sys.argv[1:] if argv is None else argv):
        print(f"{target} and {target.with_suffix('.qm').name} updated")


if __name__ == "__main__":
    main()
