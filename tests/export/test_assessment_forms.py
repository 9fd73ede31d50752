"""The assessment forms in the learner portfolio export (cover, details, witnesses, plan and
reviews, records, evidence location sheet, declarations, summary, attachments), read back
from the real DOCX, PDF and HTML files."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from app.demo.assessment import OBSERVATION, QUESTIONS
from app.demo.scenario import REGISTRATION_NUMBER
from app.export.service import export_portfolio
from tests.conftest import make_demo, require_tool
from tests.export.conftest import docx_text, libreoffice_to_pdf, pdf_text, squash

PDF_MARKER = "Appended attachment page: first aid certificate"
WORD_MARKER = "Word attachment: rota for the trial week, Monday to Sunday"
BINARY = bytes(range(256)) * 64


def _attachments(folder: Path) -> list[Path]:
    pdf = folder / "first-aid-certificate.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(72, 720, PDF_MARKER)
    canvas.showPage()
    canvas.save()
    word = folder / "trial-rota.docx"
    document = Document()
    document.add_paragraph(WORD_MARKER)
    document.save(str(word))
    binary = folder / "till-export.bin"
    binary.write_bytes(BINARY)
    return [pdf, word, binary]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("forms")
    with make_demo(folder, "journey-review") as store:
        for path in _attachments(folder):
            store.attach_file(path)
        paths: dict[str, object] = {
            fmt: export_portfolio(store, fmt, folder / f"forms.{fmt}", draft=True).path
            for fmt in ("pdf", "docx", "html")
        }
        paths["portfolio"] = store.load()
        paths["unit"] = store.unit()
    paths["folder"] = folder
    return paths


def _pages(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _page_of(pages: list[str], text: str) -> int:
    """The 1-based page whose text holds ``text`` (white space ignored); exactly one."""
    found = [n for n, page in enumerate(pages, start=1) if squash(text) in squash(page)]
    assert len(found) == 1, (text, found)
    return found[0]


def _location_rows(path: Path, pages: list[str]) -> dict[str, set[str]]:
    """Ref -> the page numbers the evidence location sheet prints for it (``pages``: the
    PDF's pages laid out, to find the sheet's)."""
    rows: dict[str, set[str]] = {}
    with pdfplumber.open(path) as pdf:
        for page, text in zip(pdf.pages, pages, strict=True):
            if "Evidence location sheet" not in text:
                continue
            for table in page.extract_tables():
                for row in table:
                    if row and row[0] and row[0].startswith("MP") and row[0] != "MP":
                        rows.setdefault(row[1], set()).add(row[-1])
    return rows


# Each test reads the one export; reading it back is what costs (pdfplumber lays out every
# character, seconds for the whole PDF), so each reading is made once for them all.


@pytest.fixture(scope="module")
def pages(exported) -> list[str]:  # type: ignore[no-untyped-def]
    """The exported PDF's pages as pdfplumber lays them out."""
    return _pages(exported["pdf"])


@pytest.fixture(scope="module")
def location_rows(exported, pages: list[str]) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    return _location_rows(exported["pdf"], pages)


@pytest.fixture(scope="module")
def printed(exported) -> str:  # type: ignore[no-untyped-def]
    """The exported PDF's text in drawing order (pypdf)."""
    return pdf_text(exported["pdf"])


@pytest.fixture(scope="module")
def word(exported) -> str:  # type: ignore[no-untyped-def]
    return docx_text(exported["docx"])


def _record(portfolio, method: str):  # type: ignore[no-untyped-def]
    return next(r for r in portfolio.records if r.method == method)


def test_cover_names_the_unit_number_registration_and_level(
    exported, pages: list[str], printed: str, word: str
) -> None:
    cover = squash(pages[0])
    unit = exported["unit"]
    assert squash(REGISTRATION_NUMBER) in cover
    assert squash(f"Unit {unit.unit_number}") in cover
    assert squash(f"Level{unit.level}") in cover
    text = printed + word
    assert unit.id not in text  # Folio's internal slug is shown nowhere, nor in the head
    assert f"Priya Shah · {unit.unit_number}" in pages[3]
    assert REGISTRATION_NUMBER in word


def test_assessment_records_questions_and_witnesses_are_in_pdf_and_docx(
    exported, printed: str, word: str
) -> None:
    question, answer = QUESTIONS[0]
    for text in (OBSERVATION, question, answer, "Helen Ward", "expert witness: no"):
        assert squash(text) in squash(printed), text
        assert squash(text) in squash(word), text
    document = Document(str(exported["docx"]))
    witnesses = next(t for t in document.tables if t.rows[0].cells[0].text == "Witness")
    row = [c.text for c in witnesses.rows[1].cells]
    assert row[:4] == ["Helen Ward", "Store Manager", "Line manager", "h.ward@harbourhale.example"]
    assert row[4] == "expert witness: no"
    record = _record(exported["portfolio"], "witness_testimony")
    assert row[5] == f"AR{exported['portfolio'].records.index(record) + 1}"


def test_review_has_its_three_sign_offs_and_the_plan_dates_day_first(
    exported, printed: str, word: str
) -> None:
    review = exported["portfolio"].reviews[0]
    document = Document(str(exported["docx"]))
    lines = next(t for t in document.tables if t.rows[0].cells[0].text == "Learner (name, date)")
    signed = {row.cells[0].text: row.cells[1].text for row in lines.rows}
    day = "%d %b %Y"
    assert signed == {
        "Learner (name, date)": f"{review.learner_signed_name}, "
        f"{review.learner_signed_on.strftime(day)}",
        "Assessor (name, date)": f"{review.assessor_signed_name}, "
        f"{review.assessor_signed_on.strftime(day)}",
        "Employer (name, date)": f"{review.employer_name}, "
        f"{review.employer_signed_on.strftime(day)}",
    }
    for value in signed.values():
        assert squash(value) in squash(printed)
    first = exported["portfolio"].plan_activities[0]
    assert first.planned_on.strftime("%d/%m/%Y") in word


def test_mapping_grid_labels_the_checker_apart_from_the_assessor(exported, printed: str) -> None:
    document = Document(str(exported["docx"]))
    grid = next(t for t in document.tables if t.rows[0].cells[0].text == "MP")
    header = [c.text for c in grid.rows[0].cells]
    assert header[3:] == ["Methods", "Checker (advisory)", "Assessor's judgement"]
    first = [c.text for c in grid.rows[1].cells]
    assert "Observation" in first[3] and "Product evidence" in first[3]
    assert first[5] == "Not yet judged"  # a draft: the checker's Met is no decision
    assert "Checker(advisory)" in squash(printed)


def test_evidence_location_pages_are_where_the_items_are_printed(
    exported, pages: list[str], location_rows: dict[str, set[str]]
) -> None:
    rows = location_rows
    portfolio = exported["portfolio"]
    observation = portfolio.records.index(_record(portfolio, "observation")) + 1
    assert rows[f"AR{observation}"] == {str(_page_of(pages, OBSERVATION[:80]))}
    statement = "I confirm that Priya Shah led the click-and-collect review."
    assert rows["E1"] == {str(_page_of(pages, statement))}
    assert all(page.isdigit() for found in rows.values() for page in found), rows


def test_every_location_row_names_a_page_that_shows_its_item(
    pages: list[str], location_rows: dict[str, set[str]]
) -> None:
    """Each reference's printed page holds the item itself: a row that starts with its
    reference (on the sheet, rows start with the marking point)."""
    rows = location_rows
    assert len(rows) >= 15
    for ref, printed in rows.items():
        assert len(printed) == 1, (ref, printed)
        page = int(next(iter(printed)))
        assert re.search(rf"(^|\n){re.escape(ref)}[ \n]", pages[page - 1]), (ref, page)


def test_attachments_are_reproduced_or_listed_with_their_sha256(
    pages: list[str], word: str
) -> None:
    printed = squash("".join(pages))
    assert squash("I confirm that Priya Shah led the click-and-collect review.") in printed
    assert squash(WORD_MARKER) in printed
    assert PDF_MARKER in pages[-1]  # the attached PDF's own page, appended
    digest = hashlib.sha256(BINARY).hexdigest()
    listed = next(page for page in pages if "till-export.bin" in page and "Other evidence" in page)
    assert digest in squash(listed)
    assert WORD_MARKER in word and PDF_MARKER in word and digest in word


def test_docx_page_references_point_at_bookmarks_libreoffice_fills_in(exported) -> None:
    portfolio = exported["portfolio"]
    observation = _record(portfolio, "observation")
    body = Document(str(exported["docx"])).element.body.xml
    assert f'w:name="F_record_{observation.id}"' in body
    assert f"PAGEREF F_record_{observation.id} \\h" in body
    html = exported["html"].read_text(encoding="utf-8")
    assert f'href="#record-{observation.id}"' in html and f'id="record-{observation.id}"' in html
    require_tool("soffice", "libreoffice-writer")
    converted = libreoffice_to_pdf(exported["docx"], exported["folder"])
    pages = _pages(converted)
    sheet = next(page for page in pages if "Where each piece of evidence" in page)
    code = f"AR{portfolio.records.index(observation) + 1}"
    line = next(line for line in sheet.splitlines() if re.match(rf"MP1 {code} ", line))
    assert line.rsplit(" ", 1)[-1] == str(_page_of(pages, OBSERVATION[:80]))
    assert len(PdfReader(converted).pages) > 10


def test_the_location_sheet_names_each_record_by_its_method_and_activity(exported) -> None:
    portfolio = exported["portfolio"]
    observation = _record(portfolio, "observation")
    code = f"AR{portfolio.records.index(observation) + 1}"
    document = Document(str(exported["docx"]))
    sheet = next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["MP", "Ref", "Evidence", "Method", "Page"]
    )
    named = {row.cells[2].text for row in sheet.rows[1:] if row.cells[1].text == code}
    assert named == {f"Observation: {observation.activity}"}


def test_the_docx_bullet_lists_keep_their_lines(exported) -> None:
    """The draft's gaps and the evidence files listed, not reproduced, are bullet points."""
    document = Document(str(exported["docx"]))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(bullets)
    digest = hashlib.sha256(BINARY).hexdigest()
    assert any("till-export.bin" in line and digest in line for line in bullets), bullets
