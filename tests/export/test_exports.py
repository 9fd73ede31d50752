"""Word, PDF and HTML exports of real portfolios, read back with real readers."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from docx import Document
from markupsafe import escape
from PIL import Image
from pypdf import PdfReader

from app.cli import main
from app.export.service import IncompleteError, export_portfolio
from tests.conftest import make_demo, make_incomplete_demo, require_tool
from tests.export.conftest import docx_text, libreoffice_to_pdf, pdf_text, squash

SECTIONS = [
    "Candidate declaration of authenticity",
    "Contents",
    "Learner and centre details",
    "Witness status list",
    "Assessment plan and reviews",
    "Evidence mapping grid",
    "Evidence location sheet",
    "Plan: customer feedback",
    "Plan: analysis of the feedback",
    "Plan: RATER self-assessment",
    "Plan: SMART action plan",
    "Do: implementation log",
    "Review: evaluation",
    "Review: KPI tracker",
    "Assessment records",
    "Assessor's judgement",
    "Unit assessment and verification declaration",
    "Summary of achievement",
    "Appendix: evidence",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    paths = {}
    with make_demo(folder, "continuous-improvement") as store:
        unit = store.unit()
        for fmt in ("pdf", "docx", "html"):
            paths[fmt] = export_portfolio(store, fmt, folder / f"final.{fmt}").path
        paths["draft-pdf"] = export_portfolio(store, "pdf", folder / "draft.pdf", draft=True).path
        paths["draft-docx"] = export_portfolio(
            store, "docx", folder / "draft.docx", draft=True
        ).path
    paths["unit"] = unit  # type: ignore[assignment]
    return paths


def test_pdf_has_outline_metadata_pages_and_every_marking_point(exported) -> None:
    reader = PdfReader(exported["pdf"])
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[: len(SECTIONS)] == SECTIONS
    assert reader.metadata.title == "Contribute to the continuous improvement of customer service"
    assert reader.metadata.author == "Priya Shah"
    pages = len(reader.pages)
    assert pages >= 10
    text = pdf_text(exported["pdf"])
    for point in exported["unit"].marking_points:
        assert squash(point.text) in squash(text), point.id
    assert f"Page 2 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Priya Shah · CSP3-02" in text
    assert "DRAFT" not in text


def test_pdf_embeds_a_truetype_font(exported) -> None:
    reader = PdfReader(exported["pdf"])
    fonts = set()
    for page in reader.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                fonts.add(str(font["/BaseFont"]))
    assert any("DejaVu" in name for name in fonts), fonts


def test_pdf_contents_lists_sections_with_page_numbers(exported) -> None:
    contents_page = PdfReader(exported["pdf"]).pages[2].extract_text()
    assert "Contents" in contents_page
    assert "Evidence mapping grid" in contents_page
    assert any(line.strip().endswith(("4", "5")) for line in contents_page.splitlines())


def test_draft_pdf_is_marked_on_every_page(exported) -> None:
    reader = PdfReader(exported["draft-pdf"])
    for page in reader.pages:
        assert "DRAFT" in page.extract_text()
    assert "Draft only: gaps to close before submission" in pdf_text(exported["draft-pdf"])


def test_docx_headings_tables_fields_and_properties(exported) -> None:
    document = Document(str(exported["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[: len(SECTIONS)] == SECTIONS
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    text = docx_text(exported["docx"])
    for point in exported["unit"].marking_points:
        assert point.text in text, point.id
    grid = next(t for t in document.tables if t.rows[0].cells[0].text == "MP")
    assert [c.text for c in grid.rows[0].cells] == [
        "MP",
        "Marking point",
        "Evidence",
        "Methods",
        "Checker (advisory)",
        "Assessor's judgement",
    ]
    assert grid.rows[0]._tr.xml.count("w:tblHeader") == 1
    body = document.element.body.xml
    assert 'TOC \\o "1-2"' in body
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert document.core_properties.title.startswith("Contribute to the continuous")
    assert document.core_properties.author == "Priya Shah"


def test_docx_images_have_alt_text(exported) -> None:
    document = Document(str(exported["docx"]))
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(described) >= 2  # the chart and the evidence image
    assert all(described)
    assert any("Bar chart of each metric" in text for text in described)


def test_draft_docx_says_draft_in_the_header(exported) -> None:
    document = Document(str(exported["draft-docx"]))
    header = document.sections[0].header
    assert "DRAFT" in " ".join(p.text for p in header.paragraphs)


def test_html_is_escaped_and_complete(exported) -> None:
    html = exported["html"].read_text(encoding="utf-8")
    for point in exported["unit"].marking_points:
        assert str(escape(point.text)) in html, point.id
    assert "<svg" in html and 'role="img"' in html
    # The demo's one picture, named by its title; its data URL says the type of the image.
    picture = r'<img src="data:image/(\w+);base64,([^"]+)" alt="([^"]*)"'
    ((kind, data, alt),) = re.findall(picture, html)
    assert alt == "Before and after chart"
    assert kind == Image.open(io.BytesIO(base64.b64decode(data))).format.lower()
    assert html.count('<section id="') == len(SECTIONS)


@pytest.mark.slow
def test_libreoffice_converts_the_docx(exported, tmp_path: Path) -> None:
    require_tool("soffice", "libreoffice-writer-nogui")
    converted = libreoffice_to_pdf(exported["docx"], tmp_path)
    pages = [page.extract_text() for page in PdfReader(converted).pages]
    text = squash("\n".join(pages))
    for heading in SECTIONS:
        assert squash(heading) in text, heading
    for point in exported["unit"].marking_points:
        assert squash(point.text) in text, point.id
    # The running head and the footer's PAGE and NUMPAGES fields, filled in by LibreOffice.
    assert "Priya Shah · CSP3-02" in pages[1]
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_final_export_of_incomplete_portfolio_is_refused(tmp_path: Path, capsys) -> None:
    with make_incomplete_demo(tmp_path) as store, pytest.raises(IncompleteError):
        export_portfolio(store, "pdf", tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
    assert (
        main(
            [
                "export",
                str(tmp_path / "process-reengineering.folio"),
                "--format",
                "pdf",
                "-o",
                str(tmp_path / "out.pdf"),
            ]
        )
        == 1
    )
    captured = capsys.readouterr()
    assert "MP1 partly met" in captured.out and "swimlane process map" in captured.out
    assert "a final copy needs every marking point met" in captured.err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".folio-export-*"))
