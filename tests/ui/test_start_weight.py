"""What the first window costs: it builds the page it shows and loads no library or page it
does not show yet (signing, pictures, exports, the checker's engine, the other pages): each of
those held up the start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.demo import DEMO_UNIT
from tests.conftest import REPO, make_demo

_OPEN_AND_LIST = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from app.ui.application import application
from app.ui.main_window import MainWindow
from app.ui.session import PortfolioSession

app = application()
window = MainWindow(PortfolioSession.open(Path(sys.argv[1])),
                    QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()

def report():
    print(json.dumps({"modules": sorted(sys.modules), "built": sorted(window.pages.built())}))
    window.close()
    app.quit()

QTimer.singleShot(0, report)
app.exec()
"""

#: Loaded only once the user does something that needs them.
NOT_AT_START = (
    "cryptography",  # signing and verifying
    "PIL",  # evidence thumbnails and exported pictures
    "reportlab",
    "docx",
    "jinja2",
    "app.export.builder",
    "app.exporters",
    "app.checker.engine",  # the check worker checks; the window only shows verdicts
    "app.export",  # the tools' diagrams
    "app.ui.tool_pages",  # the pages not shown yet
    "app.ui.assessment_page",
    "app.ui.assessment_records",
    "app.ui.welcome",  # shown only when no portfolio is given
)


def _first_window(path: Path, settings: Path) -> dict[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-c", _OPEN_AND_LIST, str(path), str(settings)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_first_window_builds_one_page_and_loads_only_what_it_shows(tmp_path: Path) -> None:
    make_demo(tmp_path, DEMO_UNIT).close()  # with an evidence picture
    opened = _first_window(tmp_path / f"{DEMO_UNIT}.folio", tmp_path / "settings.ini")
    assert opened["built"] == ["feedback"]
    loaded = [
        name
        for name in opened["modules"]
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_AT_START)
    ]
    assert loaded == []
    # and what it does show is there: the store, the result types, the page's widgets
    for needed in ("app.store.service", "app.checker.result", "app.ui.stage_page"):
        assert needed in opened["modules"]
