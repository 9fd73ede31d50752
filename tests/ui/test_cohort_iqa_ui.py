"""The cohort window shows what the IQA sampling plan says of each portfolio, and builds the
EQA pack off the GUI thread."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.ui.cohort_window import SAMPLE_COLUMN, TABLE_COLUMNS, CohortWindow
from app.workflow import eqa_pack, iqa
from tests.conftest import make_demo_cohort


def test_sample_column_and_eqa_pack(qtbot, tmp_path: Path, settings) -> None:
    folder, _centre = make_demo_cohort(tmp_path)
    plan = iqa.plan_cohort(folder)
    window = CohortWindow(folder, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=30_000)
    column = TABLE_COLUMNS.index(SAMPLE_COLUMN)
    shown = {
        window.model.item(row, 0).text(): window.model.item(row, column).text()
        for row in range(window.model.rowCount())
    }
    sampled = {s.file for s in plan.samples}
    assert {name for name, text in shown.items() if text} == sampled
    assert all(shown[name] == f"due {plan.by_file()[name].due_on}" for name in sampled)
    assert f"IQA sample: 0 of {len(sampled)} done" in window.state.text()
    target = tmp_path / "pack.zip"
    window.build_pack_to(target)
    qtbot.waitUntil(lambda: "EQA pack written" in window.state.text(), timeout=60_000)
    assert window.pack.isEnabled()
    with zipfile.ZipFile(target) as pack:
        assert eqa_pack.MANIFEST in pack.namelist()
