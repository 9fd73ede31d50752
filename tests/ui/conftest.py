"""GUI fixtures: offscreen Qt, settings in a temporary file, no modal dialogs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from app.store import PortfolioStore
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda *args, **kwargs: shown.append(args[2]))
        )
    return shown


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions asked (their text); each is answered with ``questions.answer`` (Yes)."""

    class Asked(list):  # type: ignore[type-arg]
        answer = QMessageBox.StandardButton.Yes

    asked = Asked()

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Folio's English translation installed, as the application installs it: the plural
    forms of the strings that show a count come from it."""
    from PySide6.QtCore import QLocale

    from app.ui.translations import install_translations

    translators = install_translations(qapp, QLocale(QLocale.Language.English))
    assert translators, "resources/translations/folio_en.qm did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "folio-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window_for(qtbot, settings):  # type: ignore[no-untyped-def]
    opened: list[MainWindow] = []

    def open_window(path: Path) -> MainWindow:
        window = MainWindow(PortfolioSession.open(path), settings)
        qtbot.addWidget(window)
        if not settings.contains("window/geometry"):
            window.resize(1300, 820)
        window.show()
        opened.append(window)
        return window

    yield open_window
    for window in opened:
        if isValid(window) and window.isVisible():
            window.close()


@pytest.fixture
def new_portfolio(tmp_path: Path, unit) -> Iterator[Path]:
    path = tmp_path / "Ada.folio"
    PortfolioStore.create(path, unit, "Ada Learner", candidate_number="C-1").close()
    yield path


@pytest.fixture
def checked(qtbot):  # type: ignore[no-untyped-def]
    """``checked(window)`` waits for the verdict on the document as it is now: edits are
    checked in the check worker, and the panel follows when its verdict arrives."""

    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: window.session.result_is_current, timeout=15000)

    return wait
