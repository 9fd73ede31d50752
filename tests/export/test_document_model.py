"""The export document as it is laid out once for every format: what its sections hold and
where its page references land."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.checker import check
from app.export.builder import build_document
from app.export.model import ExportDocument, Heading, PageRef, Section, Table
from tests.conftest import make_demo


def _document(tmp_path: Path, unit_id: str) -> tuple[ExportDocument, Any]:
    with make_demo(tmp_path, unit_id) as store:
        portfolio, unit = store.load(), store.unit()
    return build_document(portfolio, unit, check(portfolio, unit)), portfolio


@pytest.fixture
def improvement(tmp_path: Path) -> tuple[ExportDocument, Any]:
    return _document(tmp_path, "continuous-improvement")


def _section(document: ExportDocument, title: str) -> Section:
    return next(section for section in document.sections if section.title == title)


def _tables(section: Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table)]


def test_a_finding_s_page_reference_lands_on_the_finding(improvement) -> None:
    document, portfolio = improvement
    sheet = _section(document, "Evidence location sheet")
    landed = {
        cell.anchor
        for table in _tables(sheet)
        for row in table.rows
        for cell in row
        if isinstance(cell, PageRef)
    }
    assert {f"finding-{finding.id}" for finding in portfolio.findings} <= landed
    assert "analysis" not in landed  # not the start of the findings' section


def test_each_action_s_details_are_in_the_contents(improvement) -> None:
    document, portfolio = improvement
    details = [(text, anchor) for _, text, anchor in document.headings() if "in detail" in text]
    assert details == [
        (f"A{number} in detail", f"action-{action.id}")
        for number, action in enumerate(portfolio.actions, start=1)
    ]


def test_the_appendix_lists_each_file_by_its_reference(improvement) -> None:
    document, portfolio = improvement
    (files, *_) = _tables(_section(document, "Appendix: evidence"))
    assert [row[0] for row in files.rows] == [
        f"E{number}" for number in range(1, len(portfolio.evidence_files) + 1)
    ]


def test_the_unit_declaration_has_the_learner_assessor_and_iqa_parts(improvement) -> None:
    document, _ = improvement
    section = _section(document, "Unit assessment and verification declaration")
    headings = [block.text for block in section.blocks if isinstance(block, Heading)]
    assert headings == ["Learner", "Assessor", "Internal quality assurance"]


def test_a_process_step_names_each_step_it_leads_to(tmp_path: Path) -> None:
    document, _ = _document(tmp_path, "process-reengineering")
    steps = [
        table
        for table in _tables(_section(document, "Plan: process maps"))
        if table.header[:5] == ("Ref", "Lane", "Step", "Type", "Next")
    ]
    nexts = {row[0]: row[4] for table in steps for row in table.rows}
    assert nexts["S1"] == "S2"
    assert nexts["S2"] == "S3, S4"
