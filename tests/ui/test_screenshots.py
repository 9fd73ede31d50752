"""Every screen renders to a picture with real content (the pictures are for people)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageStat

from app.ui.screenshots import ASSESSOR_STAGES, STAGES, TAB_SHOTS, TOOL_SHOTS, take


@pytest.mark.slow
def test_screenshots_of_every_screen(tmp_path: Path) -> None:
    saved = take(tmp_path / "shots")
    assert len(saved) == len(STAGES) + 3 + len(TAB_SHOTS) + len(TOOL_SHOTS) + len(ASSESSOR_STAGES)
    for path in saved:
        image = Image.open(path)
        assert image.width >= 400 and image.height >= 300, path.name
        # Not a blank canvas: a rendered screen has text and lines in many shades.
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 8, path.name
