"""Evidence images, read from the portfolio and downscaled for embedding.

One image is decoded at a time and only a reduced copy is kept, so a portfolio of large
photos exports in bounded memory.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image as PilImage

from app.store import PortfolioStore

MAX_PIXELS = 1400


@dataclass(frozen=True)
class ImageData:
    data: bytes
    width: int
    height: int


ImageSource = Callable[[str], ImageData | None]


def downscale(raw: bytes, max_pixels: int = MAX_PIXELS) -> ImageData | None:
    """A JPEG (photos) or PNG (graphics with transparency) no larger than ``max_pixels``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PilImage.DecompressionBombWarning)
            image = PilImage.open(io.BytesIO(raw))
            image.draft("RGB", (max_pixels, max_pixels))  # JPEG: decode at reduced size
            image.load()
    except (
        OSError,
        ValueError,
        PilImage.DecompressionBombError,
        PilImage.DecompressionBombWarning,
    ):
        return None
    image.thumbnail((max_pixels, max_pixels))
    buffer = io.BytesIO()
    if image.mode in {"RGBA", "LA", "P"}:
        image.convert("RGBA").save(buffer, format="PNG", optimize=True)
    else:
        image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    return ImageData(buffer.getvalue(), image.width, image.height)


def store_image_source(store: PortfolioStore) -> ImageSource:
    def load(sha256: str) -> ImageData | None:
        return downscale(store.read_content(sha256))

    return load
