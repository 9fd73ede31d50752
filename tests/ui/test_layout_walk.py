"""The layout walk: every page of the navigator and every dialog, on the demo portfolio (as its
learner, and as the assessor of a submitted copy), at 1280×800, at 1024×768 and with the font
at 150 %, with every translated string 40 % longer. Nothing may be cut off, every combo
pop-up shows its choices whole, and every interactive widget has a name a screen reader can
say. At 1024×768 a page inside a scroll area may scroll sideways; nothing may be cut off."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from app.checker import check
from app.demo.assessment import ASSESSOR
from app.store import PortfolioStore
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.workflow.submission import submit
from tests.conftest import make_demo
from tests.ui.layout_walk import PseudoTranslator, grown, problems

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


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _pages_of(widget: QWidget) -> Iterator[str]:
    """Shows each tab of the tab widgets on the page in turn (tool pages, plan and reviews)."""
    yield ""
    for tabs in widget.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(1, tabs.count()):
            tabs.setCurrentIndex(index)
            _settle()
            yield f" › {tabs.tabText(index)}"
        tabs.setCurrentIndex(0)


def _walk_window(window: MainWindow, who: str, size: tuple[int, int], scroll_ok: bool) -> list[str]:
    found: list[str] = []
    window.resize(*size)
    window.show()
    _settle()
    if window.width() > size[0] or window.height() > size[1]:
        found.append(
            f"{who}: the window cannot be made {size[0]}×{size[1]}: it is at least "
            f"{window.width()}×{window.height()}"
        )
    for stage, label in window.navigator.labels.items():
        window.show_stage(stage)
        _settle()
        page = window.pages[stage]
        for tab in _pages_of(page):
            found += problems(window, f"{who} page {label}{tab}", scroll_ok)
    return found


def _walk_dialog(dialog: QWidget, where: str, scroll_ok: bool) -> list[str]:
    dialog.show()
    _settle()
    found = problems(dialog, where, scroll_ok)
    return found


def _submitted_copy(demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "submitted.folio"
    shutil.copyfile(demo, path)
    with PortfolioStore.open(path) as store:
        submit(store, "Priya Shah", check(store.load(), store.unit()))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("setup", list(SETUPS), indirect=True)
def test_nothing_is_cut_off_and_everything_is_named(
    qtbot, tmp_path: Path, settings: QSettings, setup, monkeypatch
) -> None:
    from app.ui.audit_dialog import AuditDialog
    from app.ui.cohort_window import CohortWindow
    from app.ui.iqa_report_dialog import IqaReportDialog
    from app.ui.submit_dialog import SubmitDialog
    from app.ui.welcome import WelcomeWindow
    from app.ui.wizard import NewPortfolioWizard

    name, size, scroll_ok = setup
    make_demo(tmp_path, "continuous-improvement").close()
    demo = tmp_path / "continuous-improvement.folio"
    assessor_copy = _submitted_copy(demo, tmp_path)
    found: list[str] = []

    window = MainWindow(PortfolioSession.open(demo), settings)
    qtbot.addWidget(window)
    assert window.pages["feedback"].form.problem.tr("Pick a date") == grown("Pick a date")
    found += _walk_window(window, f"[{name}] learner", size, scroll_ok)
    dialogs: list[tuple[str, QWidget]] = [
        ("export dialog", window.export_dialog()),
        ("submit dialog", SubmitDialog(window.session, window)),
        ("audit trail", AuditDialog(window.session.document, window)),
    ]
    for where, dialog in dialogs:
        found += _walk_dialog(dialog, f"[{name}] {where}", scroll_ok)
        dialog.close()

    wizard = NewPortfolioWizard(folder=tmp_path)
    qtbot.addWidget(wizard)
    found += _walk_dialog(wizard, f"[{name}] wizard, unit page", scroll_ok)
    wizard.next()
    found += _walk_dialog(wizard, f"[{name}] wizard, learner page", scroll_ok)
    wizard.learner_page.edits["learner_name"].setText("Ada Learner")
    wizard.next()
    found += _walk_dialog(wizard, f"[{name}] wizard, save page", scroll_ok)
    wizard.close()

    settings.setValue("recentFiles", [str(demo)])
    welcome = WelcomeWindow(settings)
    qtbot.addWidget(welcome)
    found += _walk_dialog(welcome, f"[{name}] welcome", scroll_ok)
    welcome.close()
    settings.setValue("recentFiles", [])
    first_run = WelcomeWindow(settings)
    qtbot.addWidget(first_run)
    found += _walk_dialog(first_run, f"[{name}] welcome, first run", scroll_ok)
    first_run.close()
    window.close()

    cohort_folder = tmp_path / "cohort"
    cohort_folder.mkdir()
    for source in (demo, assessor_copy):
        shutil.copyfile(source, cohort_folder / source.name)
    cohort = CohortWindow(cohort_folder, settings)
    qtbot.addWidget(cohort)
    cohort.resize(min(size[0], 1200), min(size[1], 600))
    cohort.show()
    qtbot.waitUntil(lambda: cohort.model.rowCount() == 2, timeout=30_000)
    found += _walk_dialog(cohort, f"[{name}] cohort window", scroll_ok)
    cohort.close()

    staff = MainWindow(
        PortfolioSession.open(assessor_copy, actor=f"assessor: {ASSESSOR}"), settings
    )
    qtbot.addWidget(staff)
    found += _walk_window(staff, f"[{name}] assessor", size, scroll_ok)
    report = IqaReportDialog(staff, reason="new assessor")
    found += _walk_dialog(report, f"[{name}] IQA report", scroll_ok)
    report.close()
    staff.close()

    unique = list(dict.fromkeys(found))
    assert not unique, f"{len(unique)} layout problems:\n" + "\n".join(unique)
