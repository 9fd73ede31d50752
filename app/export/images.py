"""Evidence images, read from the portfolio and decoded at the size they are shown.

A picture is read straight from the portfolio's blob (nothing copied), its pixel size taken
from its header before anything is decoded: a JPEG is decoded at a reduced scale, a PNG a
strip of rows at a time (png_strips), anything else whole only when that is small. Only the
reduced copy is kept, so memory stays bounded whatever the picture; a picture too large to
decode at all (a decompression bomb) is shown as one that could not be read.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image as PilImage

from app.export import png_strips
from app.store import PortfolioStore

MAX_PIXELS = 1400
#: Most pixels a picture may have to be shown at all (about 179 million): Pillow's
#: decompression-bomb limit, above which it refuses to open a picture.
LARGEST_PICTURE = 2 * PilImage.MAX_IMAGE_PIXELS
#: Most pixels decoded whole, for formats with no reduced decoding (GIF, WebP, interlaced
#: PNG...): 24 megapixels, under 100 MB at Pillow's 4 bytes a pixel.
DECODED_WHOLE = 24_000_000


@dataclass(frozen=True)
class ImageData:
    data: bytes
    width: int
    height: int


ImageSource = Callable[[str], ImageData | None]


def _mode(image: PilImage.Image) -> str:
    """The mode a reduced copy is made in: with alpha when the picture has transparency."""
    if image.mode in {"RGBA", "LA", "PA", "P"} or "transparency" in image.info:
        return "RGBA"
    if image.mode in {"1", "L", "I;16", "I;16B", "I"}:
        return "L"
    return "RGB"


def _decoded(stream: BinaryIO, image: PilImage.Image, longest: int) -> PilImage.Image | None:
    """The picture at about ``longest`` pixels (at least), decoded the cheapest way."""
    width, height = image.size
    if image.format == "JPEG":
        image.draft("RGB", (longest, longest))  # decoded at 1/2, 1/4 or 1/8 scale
        image.load()
        return image
    if png_strips.readable(image) and max(width, height) > longest:
        return png_strips.reduced(stream, image, _mode(image), longest)
    if width * height > DECODED_WHOLE:
        return None
    image.load()
    return image


def downscale_file(stream: BinaryIO, max_pixels: int = MAX_PIXELS) -> ImageData | None:
    """A JPEG (photos) or PNG (graphics with transparency) no larger than ``max_pixels``
    from the picture in ``stream`` (a seekable file); None when it cannot be shown."""
    try:
        with warnings.catch_warnings():
            # Opening reads the header only and refuses a picture over LARGEST_PICTURE
            # (DecompressionBombError); below that, memory is bounded here, so no warning.
            warnings.simplefilter("ignore", PilImage.DecompressionBombWarning)
            image = PilImage.open(stream)
            decoded = _decoded(stream, image, max_pixels)
    except (OSError, ValueError, SyntaxError, EOFError, PilImage.DecompressionBombError):
        return None
    if decoded is None:
        return None
    decoded.thumbnail((max_pixels, max_pixels))
    buffer = io.BytesIO()
    if _mode(decoded) == "RGBA":
        decoded.convert("RGBA").save(buffer, format="PNG", optimize=True)
    else:
        decoded.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    return ImageData(buffer.getvalue(), decoded.width, decoded.height)


def downscale(raw: bytes, max_pixels: int = MAX_PIXELS) -> ImageData | None:
    """``downscale_file`` of a picture held in memory."""
    return downscale_file(io.BytesIO(raw), max_pixels)


def store_image_source(store: PortfolioStore) -> ImageSource:
    def load(sha256: str) -> ImageData | None:
        with store.open_content(sha256) as stream:
            return downscale_file(stream)

    return load
