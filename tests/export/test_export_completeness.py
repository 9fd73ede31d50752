"""Every word a portfolio holds reaches every export: each non-empty text field of every item
of the document model (found by inspecting the models, not listed by hand) appears in the
DOCX, the PDF and the HTML of each demo portfolio, and every evidence file is indexed with
its full SHA-256. Each export is built once per unit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, Text, inspect

from app.export.service import export_portfolio
from app.export.text import clean
from app.models import KINDS, Portfolio
from app.store.fields import vocabulary
from tests.conftest import UNIT_IDS, make_demo
from tests.export.conftest import docx_text, pdf_text

FORMATS = ("docx", "pdf", "html")
#: Longer than this, a field is compared by its first and last EDGE characters.
LONG = 200
EDGE = 40

#: Fields the exports deliberately do not print as stored, and why.
NOT_PRINTED: dict[tuple[str, str], str] = {
    ("evidence_file", "blob_sha256"): "printed in the evidence index, checked on its own",
    ("evidence_file", "media_type"): "a MIME type for the program, not the reader",
    ("evidence_file", "stored_name"): "the file's name inside the portfolio",
    ("portfolio", "unit_id"): "the unit is printed by its title and number",
    ("portfolio", "status"): "a code; the export says DRAFT or final",
    ("assessment_record", "recorded_by"): "a code; the record says who wrote it by name",
    ("assessment_record", "marking_points"): "normalised list, printed per point",
    ("plan_activity", "marking_points"): "normalised list, printed per point",
    ("legislation_link", "entry_id"): "an id in the legislation library; its title is printed",
    ("evidence_link", "marking_point_id"): "a full id; the point is printed by its short id",
}


def _text_columns(model: Any) -> list[str]:
    return [
        column.key
        for column in inspect(model).columns
        if isinstance(column.type, String | Text) and not column.foreign_keys
    ]


def _fields(portfolio: Portfolio) -> Iterator[tuple[str, int, str, str]]:
    """(kind, id, field, text) of every non-empty text the document model holds."""
    owners: list[tuple[str, Any]] = [("portfolio", portfolio)]
    if portfolio.declaration is not None:
        owners.append(("declaration", portfolio.declaration))
    for name, kind in KINDS.items():
        owners += [(name, item) for item in getattr(portfolio, kind.collection)]
    for kind, item in owners:
        for name in _text_columns(type(item)):
            value = getattr(item, name)
            if not isinstance(value, str) or not value.strip():
                continue
            if (kind, name) in NOT_PRINTED or vocabulary(kind, name) is not None:
                continue  # vocabulary codes are printed as their labels
            yield kind, item.id, name, value


def _normal(text: str) -> str:
    """Text without white space, soft hyphens or hyphens (a line may break at any of them)
    and with typographic quotes made plain."""
    text = clean(text).replace("\u00ad", "")
    for fancy, plain in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("‐", "-")):
        text = text.replace(fancy, plain)
    return re.sub(r"[\s\-]+", "", text)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in {"style", "script"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


_BUILT: dict[str, Any] = {}


def _build(unit_id: str, factory: pytest.TempPathFactory) -> Any:
    """The demo portfolio of ``unit_id`` and its three exports' text (built once a run)."""
    if unit_id not in _BUILT:
        folder = factory.mktemp(unit_id)
        with make_demo(folder, unit_id) as store:
            portfolio = store.load()
            texts = {}
            for fmt in FORMATS:
                path = export_portfolio(store, fmt, folder / f"out.{fmt}", draft=True).path
                raw = {"docx": docx_text, "pdf": pdf_text, "html": html_text}[fmt](path)
                texts[fmt] = _normal(raw)
        _BUILT[unit_id] = (unit_id, portfolio, texts)
    return _BUILT[unit_id]


@pytest.fixture(scope="module", params=UNIT_IDS)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _build(request.param, tmp_path_factory)


def _missing(texts: dict[str, str], value: str) -> list[str]:
    wanted = [value] if len(value) <= LONG else [value[:EDGE], value[-EDGE:]]
    return [fmt for fmt in FORMATS if any(_normal(part) not in texts[fmt] for part in wanted)]


def test_every_text_field_is_in_every_format(exported: Any) -> None:
    unit_id, portfolio, texts = exported
    fields = list(_fields(portfolio))
    assert len(fields) > 100, "the walk found too little to be a portfolio"
    gaps = [
        f"{kind}:{item_id}.{name} missing from {', '.join(formats)}: {value[:50]!r}"
        for kind, item_id, name, value in fields
        if (formats := _missing(texts, value))
    ]
    assert not gaps, f"{len(gaps)} of {len(fields)} texts of {unit_id} missing:\n" + "\n".join(gaps)


def test_every_evidence_file_is_indexed_with_its_full_digest(exported: Any) -> None:
    unit_id, portfolio, texts = exported
    for item in portfolio.evidence_files:
        for fmt in FORMATS:
            assert item.blob_sha256 in texts[fmt], (unit_id, item.original_name, fmt)
            assert _normal(item.original_name) in texts[fmt], (unit_id, fmt)


def test_the_walk_covers_every_collection() -> None:
    """Every kind's model has text columns the walk reads, or is a pure link."""
    for name, kind in KINDS.items():
        assert _text_columns(kind.model) or name in {"rater_score"}, name


def test_html_reader_unescapes() -> None:
    assert html.unescape("&lt;b&gt;") == "<b>"
