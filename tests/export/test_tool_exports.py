"""The tools in the exports: diagrams drawn in the PDF, pictures with alt text in the DOCX,
SVG in the HTML, and the tables behind them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader

from app.export.service import export_portfolio
from tests.conftest import make_demo, require_tool
from tests.export.conftest import docx_text, libreoffice_to_pdf, squash


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("tool-exports")
    paths: dict[str, dict[str, Path]] = {}
    for unit_id in ("process-reengineering", "journey-review", "strategic-service"):
        with make_demo(folder, unit_id) as store:
            paths[unit_id] = {
                fmt: export_portfolio(store, fmt, folder / f"{unit_id}.{fmt}").path
                for fmt in ("pdf", "docx", "html")
            }
    return paths


def _page_with(path: Path, words: str) -> pdfplumber.page.Page:
    pdf = pdfplumber.open(path)
    for page in pdf.pages:
        if words in (page.extract_text() or ""):
            return page
    raise AssertionError(f"no page shows {words!r}")


def test_swimlane_maps_are_drawn_as_vectors_in_the_pdf(exported) -> None:
    path = exported["process-reengineering"]["pdf"]
    outline = [item.title for item in PdfReader(path).outline if not isinstance(item, list)]
    assert "Plan: process maps" in outline and "Plan: decision matrix" in outline
    page = _page_with(path, "Swimlane map: current process")
    text = page.extract_text()
    for lane in ("Customer", "Warehouse", "Order system", "Collection desk"):
        assert lane in text
    assert "handoff between lanes (7)" in text
    # lane bands, step boxes and arrowheads are drawn objects, not a picture
    assert len(page.rects) >= 8 and len(page.lines) >= 10 and len(page.curves) >= 5
    assert not page.images
    redesigned = _page_with(path, "Swimlane map: re-engineered process")
    assert "handoff between lanes (6)" in redesigned.extract_text()


def test_decision_matrix_totals_and_ranking(exported) -> None:
    text = squash(docx_text(exported["process-reengineering"]["docx"]))
    assert squash("Scan on arrival triggers the email (chosen)") in text
    # weights 3, 2, 2, 1 × scores 5, 5, 4, 4 = 37; the others 19 and 22
    document = Document(str(exported["process-reengineering"]["docx"]))
    scores = next(t for t in document.tables if t.rows[0].cells[-2].text == "Weighted total")
    totals = {
        row.cells[1].text: (row.cells[-2].text, row.cells[-1].text) for row in scores.rows[1:]
    }
    assert totals == {
        "Scan on arrival triggers the email (chosen)": ("37", "1"),
        "Extra van run each afternoon": ("19", "3"),
        "Collection lockers in every store": ("22", "2"),
    }


def test_diagrams_are_pictures_with_alt_text_in_the_docx(exported) -> None:
    described = {
        unit_id: [
            shape._inline.docPr.get("descr") for shape in Document(str(paths["docx"])).inline_shapes
        ]
        for unit_id, paths in exported.items()
    }
    process = described["process-reengineering"]
    assert any(
        d.startswith("Swimlane map of the current process: 8 steps in 4 lanes") for d in process
    )
    assert any(d.startswith("Swimlane map of the re-engineered process") for d in process)
    assert any(d.startswith("Weighted totals of the options") for d in process)
    assert any(d.startswith("Line charts of each metric over time") for d in process)
    journey = described["journey-review"]
    assert any(
        d.startswith("Customer journey map of 8 touchpoints across 5 stages") for d in journey
    )
    assert any(d.startswith("RATER self-assessment: Reliability 2 of 5") for d in journey)


def test_journey_map_and_legislation_in_every_format(exported) -> None:
    paths = exported["journey-review"]
    page = _page_with(paths["pdf"], "Customer journey map")
    assert "line of visibility" in page.extract_text() and len(page.rects) >= 10
    html = paths["html"].read_text(encoding="utf-8")
    assert 'aria-label="Customer journey map of 8 touchpoints' in html
    assert html.count("<svg") >= 4  # before/after, journey map, RATER, KPI tracker
    text = squash(docx_text(paths["docx"]))
    assert squash("ISO 10002 complaints handling") in text
    assert squash("one named owner, acknowledgement the same day") in text


def test_complaint_case_log(exported) -> None:
    text = docx_text(exported["strategic-service"]["docx"])
    assert "Missed collection after time off work (C-2210)" in text
    assert "Organisation's constraints" in text and "£25" in text
    for technique in ("HEAT (hear", "Root cause analysis", "Escalation", "Service recovery"):
        assert technique in text


@pytest.mark.slow
def test_libreoffice_converts_a_docx_with_diagrams(exported, tmp_path: Path) -> None:
    require_tool("soffice", "libreoffice-writer-nogui")
    docx = exported["process-reengineering"]["docx"]
    converted = libreoffice_to_pdf(docx, tmp_path)
    # Every picture of the DOCX (the figures and an evidence image) is on a page, in order,
    # with the shape the DOCX gave it; the first one is on the process maps' page.
    shapes = [shape.width / shape.height for shape in Document(str(docx)).inline_shapes]
    with pdfplumber.open(converted) as pdf:
        drawn = [(page, image) for page in pdf.pages for image in page.images]
        ratios = [image["width"] / image["height"] for _, image in drawn]
        assert ratios == pytest.approx(shapes, rel=0.01)
        assert "Plan: process maps" in drawn[0][0].extract_text()
