"""The evidence page's thumbnails are decoded at icon size: a large JPEG by Qt's own reader
at a reduced scale, a 9000 x 9000 PNG (which Qt decodes only whole, and refuses as over its
allocation limit) by the exports' strip reader; each shows the picture's colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize

from app.export import images
from app.store import PortfolioStore
from bench.big_images import write_png


def _photo(path: Path) -> Path:
    """A 4000 x 3000 JPEG, red on the left half, blue on the right."""
    picture = Image.new("RGB", (4000, 3000), (20, 40, 200))
    picture.paste((200, 30, 30), (0, 0, 2000, 3000))
    picture.save(path, "JPEG", quality=90)
    return path


def _near(colour, expected: tuple[int, int, int]) -> bool:  # type: ignore[no-untyped-def]
    found = (colour.red(), colour.green(), colour.blue())
    return all(abs(a - b) <= 24 for a, b in zip(found, expected, strict=True))


def test_evidence_thumbnails_are_decoded_at_icon_size(
    qtbot, window_for, new_portfolio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    with PortfolioStore.open(new_portfolio) as store:
        store.attach_file(write_png(tmp_path / "plan.png", 9000, 9000))
        store.attach_file(_photo(tmp_path / "desk.jpg"))
    by_pillow: list[int] = []
    reduce = images.downscale_file  # what the thumbnails fall back on (read when used)
    monkeypatch.setattr(
        images,
        "downscale_file",
        lambda stream, side: by_pillow.append(side) or reduce(stream, side),
    )
    window = window_for(new_portfolio)
    window.show_stage("evidence")
    listed = window.pages["evidence"].list
    icons = {listed.item(n).text().split()[1]: listed.item(n).icon() for n in range(listed.count())}
    assert icons["plan.png"].availableSizes() == [QSize(96, 96)]
    assert icons["desk.jpg"].availableSizes() == [QSize(96, 72)]
    assert by_pillow == [96]  # the PNG only: Qt scaled the JPEG while decoding it
    plan = icons["plan.png"].pixmap(QSize(96, 96)).toImage()
    assert _near(plan.pixelColor(8, 8), (0xC0, 0x10, 0x10))
    assert _near(plan.pixelColor(80, 48), (0x20, 0x30, 0x60))
    assert _near(plan.pixelColor(80, 8), (0xFF, 0xFF, 0xFF))
    photo = icons["desk.jpg"].pixmap(QSize(96, 72)).toImage()
    assert _near(photo.pixelColor(10, 36), (200, 30, 30))
    assert _near(photo.pixelColor(86, 36), (20, 40, 200))
