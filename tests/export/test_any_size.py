"""Names and fields of any length export in every format: metadata is cut where a format
has a limit, the body keeps every word, long text splits across pages, and a failure is one
line naming where it happened."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from app import cli
from app.export.service import export_portfolio
from app.export.text import metadata
from app.store import PortfolioStore
from bench.big_fields import fill, sentinel, text_columns
from tests.conftest import make_demo
from tests.export.conftest import docx_text, pdf_text, squash


def _long(word: str, size: int) -> str:
    """``size`` characters of numbered words ending in a last word of its own."""
    text = " ".join(f"{word}{n}" for n in range(size))[: size - 8].rstrip()
    return f"{text} {word}End"[:size]


@pytest.mark.parametrize("size", [300, 1000])
def test_long_names_are_whole_in_the_body_and_cut_in_metadata(tmp_path: Path, unit, size) -> None:
    learner, centre, qualification = (
        _long("Learner", size),
        _long("Centre", size),
        _long("Qualif", size),
    )
    with PortfolioStore.create(
        tmp_path / "long.folio",
        unit,
        learner,
        centre_name=centre,
        qualification_title=qualification,
    ) as store:
        paths = {
            fmt: export_portfolio(store, fmt, tmp_path / f"long.{fmt}", draft=True).path
            for fmt in ("docx", "pdf", "html")
        }
    subject = metadata(f"{qualification} — {unit.unit_number}")
    assert len(metadata(learner)) == 255 and metadata(learner).endswith("…")

    properties = Document(str(paths["docx"])).core_properties
    assert properties.author == metadata(learner)
    assert properties.subject == subject
    word = docx_text(paths["docx"])
    for text in (learner, centre, qualification):
        assert text in word

    info = PdfReader(paths["pdf"]).metadata
    assert info["/Author"] == metadata(learner)
    assert info["/Subject"] == subject
    printed = squash(pdf_text(paths["pdf"]))
    for text in (learner, centre, qualification):
        assert squash(text) in printed

    page = paths["html"].read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title == metadata(f"{unit.title} — Portfolio of {learner}")
    assert f'<meta name="author" content="{metadata(learner)}">' in page
    body = page[page.index("<body") :]
    for text in (learner, centre, qualification):
        assert text in body


def test_a_field_longer_than_a_page_splits_and_keeps_its_last_words(tmp_path: Path) -> None:
    barriers = " ".join(f"Barrier sentence {n} of a field longer than a page." for n in range(900))
    barriers += " LastWordsOfTheBarriers"
    with make_demo(tmp_path, "continuous-improvement") as store:
        action = store.load().actions[0]
        store.update_item("action_item", action.id, barriers=barriers)
        pdf = export_portfolio(store, "pdf", tmp_path / "long.pdf", draft=True).path
    printed = squash(pdf_text(pdf))
    assert squash("Barrier sentence 899 of a field longer than a page.") in printed
    assert "LastWordsOfTheBarriers" in printed


@pytest.mark.slow
def test_huge_fields_export_whole_to_pdf_and_docx(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        path = store.path
    fill(path, size=100_000)
    with PortfolioStore.open(path) as store:
        pdf = export_portfolio(store, "pdf", tmp_path / "big.pdf", draft=True).path
        docx = export_portfolio(store, "docx", tmp_path / "big.docx", draft=True).path
    printed = pdf_text(pdf)
    word = docx_text(docx)
    for kind in ("feedback_item", "action_item", "log_entry", "assessment_record"):
        for column in text_columns(kind):
            assert sentinel(kind, column) in printed, (kind, column)
            assert sentinel(kind, column) in word, (kind, column)
    assert sentinel("record_question", "answer") in printed
    assert sentinel("record_question", "answer") in word


def test_an_unexpected_failure_is_one_line_naming_where(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from app.exporters import pdf

    with make_demo(tmp_path, "continuous-improvement") as store:
        path = store.path
        code = store.load().actions[0]
    real = pdf._fields

    def failing(rows, boxes=False):  # type: ignore[no-untyped-def]
        if any(label == "Barriers" for label, _ in rows):
            raise RuntimeError("the layout broke")
        return real(rows, boxes)

    monkeypatch.setattr(pdf, "_fields", failing)
    status = cli.main(["export", str(path), "-o", str(tmp_path / "out.pdf"), "--draft"])
    err = capsys.readouterr().err
    assert status != 0
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert "could not lay out the fields of 'A1 in detail'" in err, err
    assert "the layout broke" in err
    assert code is not None and not (tmp_path / "out.pdf").exists()
