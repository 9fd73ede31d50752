"""A field long enough to become hundreds of DOCX paragraphs keeps every piece, in order,
inside the body and before the section properties Word reads last."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from app.export.service import export_portfolio
from tests.conftest import make_demo


def test_a_long_field_becomes_ordered_paragraphs_before_the_section_properties(
    tmp_path: Path,
) -> None:
    barriers = " ".join(f"Barrier sentence {n} of a very long field." for n in range(3000))
    with make_demo(tmp_path, "continuous-improvement") as store:
        action = store.load().actions[0]
        store.update_item("action_item", action.id, barriers=barriers + " LastBarrierWord")
        path = export_portfolio(store, "docx", tmp_path / "long.docx", draft=True).path
    document = Document(str(path))
    body = document.element.body
    assert body[-1].tag == qn("w:sectPr")
    joined = " ".join(p.text for p in document.paragraphs)
    positions = [joined.index(f"Barrier sentence {n} of") for n in (0, 1000, 2000, 2999)]
    assert positions == sorted(positions)
    assert "LastBarrierWord" in joined
    assert " ".join(joined.split()).count("Barrier sentence 1500 of a very long field.") == 1
