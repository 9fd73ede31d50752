"""Figures laid out from a portfolio's items: what each one says, in which style."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageFont

from app.checker import check
from app.export import diagrams
from app.export.builder import build_document
from app.export.model import Figure
from app.export.shapes import Text
from app.exporters import fonts
from tests.conftest import UNIT_IDS, make_demo


def _texts(figure: Figure | None) -> list[Text]:
    assert figure is not None
    return [shape for shape in figure.shapes if isinstance(shape, Text)]


def test_the_weighted_totals_have_a_bold_heading_and_the_chosen_option_in_bold(
    tmp_path: Path,
) -> None:
    with make_demo(tmp_path, "process-reengineering") as store:
        portfolio = store.load()
    texts = _texts(diagrams.matrix_totals(portfolio.options, portfolio.criteria))
    assert (texts[0].text, texts[0].bold) == ("Weighted totals", True)
    (chosen,) = [option.name for option in portfolio.options if option.chosen]
    labels = [text for text in texts if text.anchor == "end"]
    assert len(labels) == len(portfolio.options)
    (bold,) = [label for label in labels if label.bold]
    assert chosen.startswith(bold.text.rstrip("…"))


def test_a_touchpoint_without_a_reference_is_labelled_by_its_text_alone(
    tmp_path: Path,
) -> None:
    """The journey map shown while touchpoints are still being added may know no reference
    for the newest one."""
    with make_demo(tmp_path, "journey-review") as store:
        touchpoints = store.load().touchpoints
    first, *others = touchpoints
    refs = {point.id: f"T{number}" for number, point in enumerate(others, start=2)}
    lines = " ".join(text.text for text in _texts(diagrams.journey_map(touchpoints, refs)))
    assert "None" not in lines
    assert " ".join(first.touchpoint.split()[:2]) in lines
    assert f"T2 {' '.join(others[0].touchpoint.split()[:1])}" in lines


def _extent(text: Text) -> tuple[float, float]:
    """Where a text runs from and to, measured in the font the figures are drawn in."""
    path = fonts.FONT_FILES[fonts.BOLD if text.bold else fonts.REGULAR]
    width = ImageFont.truetype(str(path), 100).getlength(text.text) * text.size / 100
    start = {"start": text.x, "middle": text.x - width / 2, "end": text.x - width}[text.anchor]
    return start, start + width


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_no_text_of_a_figure_runs_off_its_edges(tmp_path: Path, unit_id: str) -> None:
    with make_demo(tmp_path, unit_id) as store:
        portfolio, unit = store.load(), store.unit()
    document = build_document(portfolio, unit, check(portfolio, unit))
    figures = [b for s in document.sections for b in s.blocks if isinstance(b, Figure)]
    assert any(figure.title == "Before and after" for figure in figures)
    for figure in figures:
        for text in _texts(figure):
            start, end = _extent(text)
            assert start >= -0.5 and end <= figure.width + 0.5, (figure.title, text)


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_every_figure_is_headed_in_bold_by_its_title(tmp_path: Path, unit_id: str) -> None:
    """A chart's heading is what the reader looks for it by: the figure's own title (the
    contents and alt text name it so), in bold at the top."""
    with make_demo(tmp_path, unit_id) as store:
        portfolio, unit = store.load(), store.unit()
    document = build_document(portfolio, unit, check(portfolio, unit))
    figures = [b for s in document.sections for b in s.blocks if isinstance(b, Figure)]
    assert figures
    for figure in figures:
        heading = figure.shapes[0]
        assert isinstance(heading, Text) and heading.bold is True, figure.title
        assert heading.text.casefold().startswith(figure.title.casefold()), figure.title
        assert heading.y == min(t.y for t in _texts(figure)), figure.title
