"""Screenshots of every screen, for reviewing the layout: ``python -m app.ui.screenshots DIR``.

Runs offscreen on the demo portfolio; ``make screenshots`` writes them to out/screenshots.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.catalogue import load_catalogue
from app.demo import DEMO_UNIT, build_demo
from app.ui.application import application
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession
from app.ui.welcome import WelcomeWindow
from app.ui.wizard import NewPortfolioWizard

STAGES = (
    "details",
    "feedback",
    "analysis",
    "action_plan",
    "implementation_log",
    "evaluation",
    "evidence",
    "declaration",
    "assessment_plan",
    "assessment_records",
    "assessment",
    "unit_guide",
)

#: Lists on a page's other tabs, shown to the learner: (stage, kind).
TAB_SHOTS = (("assessment_plan", "assessment_review"),)

#: The assessor's view of a submitted copy of the demo.
ASSESSOR_STAGES = ("assessment", "assessment_records", "assessment_plan")

#: Each tool's page, shown on the demo of a unit that uses it.
TOOL_SHOTS = (
    ("journey-review", "journey_map"),
    ("process-reengineering", "process_map"),
    ("process-reengineering", "decision"),
    ("journey-review", "kpi_tracker"),
    ("journey-review", "rater"),
    ("strategic-service", "complaint_cases"),
    ("journey-review", "legislation"),
)


def _save(widget: QWidget, target: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(target))
    return target


def take(folder: Path, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    application()
    work = Path(tempfile.mkdtemp(prefix="folio-shots-"))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    demo = work / "Priya Shah - continuous-improvement.folio"
    build_demo(demo, load_catalogue().get(DEMO_UNIT)).close()
    saved = []
    settings.setValue("recentFiles", [str(demo)])
    welcome = WelcomeWindow(settings)
    welcome.show()
    saved.append(_save(welcome, folder / "00-welcome.png"))
    welcome.close()
    wizard = NewPortfolioWizard(folder=work)
    wizard.show()
    saved.append(_save(wizard, folder / "01-wizard-unit.png"))
    wizard.close()
    window = MainWindow(PortfolioSession.open(demo), settings)
    window.resize(*size)
    window.show()
    window.session.current_result()  # its verdict now, not when the check worker sends it
    for number, stage in enumerate(STAGES, start=2):
        window.show_stage(stage)
        saved.append(_save(window, folder / f"{number:02d}-{stage}.png"))
    dialog = window.export_dialog()
    dialog.show()
    saved.append(_save(dialog, folder / f"{len(STAGES) + 2:02d}-export.png"))
    dialog.close()
    number = len(STAGES) + 3
    for stage, kind in TAB_SHOTS:
        window.show_stage(stage)
        window.pages[stage].page_for(kind)  # type: ignore[attr-defined]
        saved.append(_save(window, folder / f"{number:02d}-{stage}-{kind}.png"))
        number += 1
    window.close()
    for unit_id in dict.fromkeys(unit for unit, _ in TOOL_SHOTS):
        path = work / f"Priya Shah - {unit_id}.folio"
        build_demo(path, load_catalogue().get(unit_id)).close()
        window = MainWindow(PortfolioSession.open(path), settings)
        window.resize(*size)
        window.show()
        window.session.current_result()
        for _unit, stage in (shot for shot in TOOL_SHOTS if shot[0] == unit_id):
            window.show_stage(stage)
            saved.append(_save(window, folder / f"{number:02d}-tool-{stage}.png"))
            number += 1
        window.close()
    saved += _assessor_shots(folder, work, demo, settings, size, number)
    return saved


def _assessor_shots(
    folder: Path,
    work: Path,
    demo: Path,
    settings: QSettings,
    size: tuple[int, int],
    number: int,
) -> list[Path]:
    """The demo, submitted, as its assessor opens it to mark."""
    from app.checker import check
    from app.demo.assessment import ASSESSOR
    from app.store import PortfolioStore
    from app.workflow.submission import submit

    path = work / "Priya Shah - submitted.folio"
    shutil.copyfile(demo, path)
    with PortfolioStore.open(path) as store:
        submit(store, "Priya Shah", check(store.load(), store.unit()))
    window = MainWindow(PortfolioSession.open(path, actor=f"assessor: {ASSESSOR}"), settings)
    window.resize(*size)
    window.show()
    window.session.current_result()  # its verdict now, not when the check worker sends it
    saved = []
    for offset, stage in enumerate(ASSESSOR_STAGES):
        window.show_stage(stage)
        if stage == "assessment_records":  # the questioning record, with its questions
            records = window.pages[stage].page_for("assessment_record")  # type: ignore[attr-defined]
            records.select(
                next(r.id for r in window.session.document.records if r.method == "questioning")
            )
        saved.append(_save(window, folder / f"{number + offset:02d}-assessor-{stage}.png"))
    window.close()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots")
    for path in take(target):
        print(path)
