"""Photos made smaller before they go into a portfolio: a large photo is replaced by a
smaller copy, and a copy that would come out larger is not used."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from app.store.evidence_size import PHOTO_MAX_SIDE, PHOTO_MIN_BYTES, downscale_photo
from tests.conftest import noisy_photo


def test_a_large_photo_is_replaced_by_a_smaller_copy(tmp_path: Path) -> None:
    source = noisy_photo(tmp_path / "whiteboard.png", side=PHOTO_MAX_SIDE + 200)
    (tmp_path / "out").mkdir()
    copy = downscale_photo(source, tmp_path / "out")
    assert copy == tmp_path / "out" / "whiteboard.jpg"
    assert copy.stat().st_size < source.stat().st_size
    with Image.open(copy) as image:
        assert max(image.size) == PHOTO_MAX_SIDE


def test_a_copy_that_would_be_larger_is_not_used(tmp_path: Path) -> None:
    """A heavily compressed JPEG comes out larger at the quality copies are made at."""
    side = 1500
    source = tmp_path / "receipt.jpg"
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(source, quality=75)
    assert source.stat().st_size > PHOTO_MIN_BYTES
    (tmp_path / "out").mkdir()
    assert downscale_photo(source, tmp_path / "out") == source
