"""Cohort export and large evidence images."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader

from app.cli import main
from app.export.service import export_portfolio
from app.store import PortfolioStore
from tests.conftest import make_demo, make_incomplete_demo


@pytest.mark.slow
def test_cohort_exports_every_file_and_reports_bad_ones(tmp_path: Path, capsys) -> None:
    make_demo(tmp_path, "continuous-improvement").close()
    make_incomplete_demo(tmp_path).close()
    second = tmp_path / "second learner.folio"
    shutil.copyfile(tmp_path / "continuous-improvement.folio", second)
    with PortfolioStore.open(second) as store:
        store.update_details(learner_name="Sam Lee", candidate_number="CS-2")
    corrupt = tmp_path / "corrupt.folio"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    files = [
        tmp_path / "continuous-improvement.folio",
        second,
        tmp_path / "process-reengineering.folio",
        corrupt,
    ]
    out = tmp_path / "out"
    code = main(["export", *map(str, files), "--format", "docx", "--out-dir", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert "4/4" in captured.err  # the progress bar reached the end
    with (out / "cohort-summary.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["source file"] for r in rows] == [f.name for f in files]
    assert rows[0]["marking points met"] == "8/8" and rows[0]["status"] == "exported"
    assert rows[1]["learner"] == "Sam Lee" and rows[1]["output file"].startswith("Sam Lee")
    assert rows[2]["status"].startswith("refused") and rows[2]["output file"] == ""
    assert rows[3]["status"].startswith("error:") and "damaged" in rows[3]["status"]
    for row in rows[:2]:
        assert Document(str(out / row["output file"])).core_properties.author
    draft = main(
        [
            "export",
            *map(str, files[:3]),
            "--format",
            "pdf",
            "--out-dir",
            str(tmp_path / "drafts"),
            "--draft",
        ]
    )
    assert draft == 0
    drafts = sorted((tmp_path / "drafts").glob("*.pdf"))
    assert [path.name for path in drafts] == [
        "Priya Shah - CS-2026-0417 - continuous-improvement.pdf",
        "Priya Shah - CS-2026-0417 - process-reengineering.pdf",
        "Sam Lee - CS-2 - continuous-improvement.pdf",
    ]
    for path in drafts:  # each its own learner's draft, the incomplete one too
        reader = PdfReader(path)
        assert reader.metadata.author == path.name.split(" - ")[0]
        assert all("DRAFT" in page.extract_text() for page in reader.pages), path.name


def test_large_photo_is_downscaled_for_embedding(tmp_path: Path, unit) -> None:
    photo = tmp_path / "desk.jpg"
    Image.new("RGB", (4000, 3000), (40, 120, 200)).save(photo, format="JPEG", quality=95)
    with PortfolioStore.create(tmp_path / "p.folio", unit, "Ada") as store:
        change = store.attach_file(photo, title="The collection desk")
        store.link_evidence(
            "continuous-improvement.MP8",
            "evidence_file",
            change.item_id,
            "Photo of the collection desk after I reorganised it",
        )
        docx = export_portfolio(store, "docx", tmp_path / "p.docx", draft=True).path
        pdf = export_portfolio(store, "pdf", tmp_path / "p.pdf", draft=True).path
    document = Document(str(docx))
    embedded = [part for part in document.part.package.parts if part.content_type == "image/jpeg"]
    assert embedded
    width, height = Image.open(io.BytesIO(embedded[0].blob)).size
    assert max(width, height) <= 1400
    described = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert "The collection desk" in described
    images = [image for page in PdfReader(pdf).pages for image in page.images]
    assert images and max(images[0].image.size) <= 1400
