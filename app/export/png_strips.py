"""A PNG decoded a strip of rows at a time, so a 9000 x 9000 plan is shrunk for a page in a
few megabytes instead of the quarter gigabyte its pixels take whole.

Pillow decodes a PNG only whole. Here the compressed rows are inflated with zlib as they are
read; each strip is unfiltered by Pillow's own PNG decoder, given the strip's rows after the
previous strip's last row (unfiltered, so the filters that look one row up find it), and the
strip's pixels are unpacked with the image's own mode, palette and transparency. Interlaced
PNGs and 16-bit colour ones (which Pillow cannot hand back unchanged) are not read this way.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from PIL import Image

#: Bytes of pixels decoded at a time, about.
STRIP_BYTES = 2 * 1024 * 1024
#: A mode Pillow unpacks and packs back unchanged, by bytes per pixel: the PNG filters work
#: on bytes a pixel apart, so a strip is unfiltered as rows of such pixels.
_CARRIERS = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class _Header:
    def __init__(self, data: bytes) -> None:
        (self.width, self.height, self.depth, self.colour, _, _, self.interlace) = struct.unpack(
            ">IIBBBBB", data[:13]
        )
        bits = _CHANNELS.get(self.colour, 0) * self.depth
        self.row_bytes = (self.width * bits + 7) // 8
        self.pixel_bytes = max(1, bits // 8)


def _chunks(stream: BinaryIO) -> Iterator[tuple[bytes, int]]:
    """(type, length) of each chunk, the stream left at the chunk's data."""
    stream.seek(8)
    while True:
        head = stream.read(8)
        if len(head) < 8:
            raise OSError("the PNG file is truncated")
        length, kind = struct.unpack(">I4s", head)
        start = stream.tell()
        yield kind, length
        stream.seek(start + length + 4)  # past the data and its CRC


def _image_data(stream: BinaryIO) -> Iterator[bytes]:
    """The compressed image data (the IDAT chunks, read 64 KB at a time)."""
    seen = False
    for kind, length in _chunks(stream):
        if kind != b"IDAT":
            if seen or kind == b"IEND":
                return
            continue
        seen = True
        while length:
            piece = stream.read(min(length, 65536))
            if not piece:
                raise OSError("the PNG file is truncated")
            length -= len(piece)
            yield piece


def _rows(stream: BinaryIO, size: int, count: int) -> Iterator[bytes]:
    """The filtered rows (filter byte first) ``count`` at a time, ``size`` bytes each."""
    inflater = zlib.decompressobj()
    pending = bytearray()
    want = size * count
    for piece in _image_data(stream):
        while piece:
            pending += inflater.decompress(piece, want)
            piece = inflater.unconsumed_tail
            while len(pending) >= want:
                yield bytes(pending[:want])
                del pending[:want]
    pending += inflater.flush()
    for start in range(0, len(pending) - len(pending) % size, size * count):
        yield bytes(pending[start : start + size * count])


def readable(image: Image.Image) -> bool:
    """Whether ``image`` (opened, not loaded) is a PNG this module can read in strips."""
    if image.format != "PNG" or image.info.get("interlace"):
        return False
    tile = getattr(image, "tile", None)
    if not tile or len(tile) != 1 or tuple(tile[0][1]) != (0, 0, *image.size):
        return False
    return tile[0][3] not in {"RGB;16B", "RGBA;16B"}  # 16-bit colour comes back 8-bit


def strips(stream: BinaryIO, image: Image.Image, mode: str) -> Iterator[Image.Image]:
    """The picture in ``stream`` (opened as ``image``) as strips of whole rows in ``mode``,
    top to bottom; OSError when the file is damaged or ends early."""
    stream.seek(16)
    header = _Header(stream.read(13))
    carrier = _CARRIERS.get(header.pixel_bytes)
    if carrier is None or header.row_bytes % header.pixel_bytes:
        raise OSError("this PNG cannot be read in strips")
    width, rawmode = header.width, image.tile[0][3]
    count = max(1, STRIP_BYTES // max(1, width * 4))
    previous = bytes(header.row_bytes)  # the rows start from a row of zeros
    done = 0
    for block in _rows(stream, header.row_bytes + 1, count):
        rows = min(len(block) // (header.row_bytes + 1), header.height - done)
        block = block[: rows * (header.row_bytes + 1)]
        carried = Image.frombytes(
            carrier,
            (header.row_bytes // header.pixel_bytes, rows + 1),
            zlib.compress(b"\x00" + previous + block, 0),
            "zip",
            carrier,
        )
        raw = carried.tobytes()
        del carried
        previous = raw[-header.row_bytes :]
        strip = Image.frombytes(image.mode, (width, rows), raw[header.row_bytes :], "raw", rawmode)
        del raw
        if image.mode == "P" and image.palette is not None:
            strip.putpalette(image.palette)
        if "transparency" in image.info:
            strip.info["transparency"] = image.info["transparency"]
        done += rows
        yield strip.convert(mode) if strip.mode != mode else strip
        if done >= header.height:
            return
    if done < header.height:
        raise OSError("the PNG file is truncated")


def reduced(stream: BinaryIO, image: Image.Image, mode: str, longest: int) -> Image.Image:
    """The picture shrunk by a whole factor to about ``longest`` pixels on its longer side
    (at least that), averaging each box of pixels, read a strip at a time."""
    width, height = image.size
    factor = max(1, max(width, height) // longest)
    result = Image.new(mode, (math.ceil(width / factor), math.ceil(height / factor)))
    waiting: Image.Image | None = None  # narrowed rows not yet averaged down
    top = 0
    for strip in strips(stream, image, mode):
        narrow = strip.reduce((factor, 1)) if factor > 1 else strip
        if waiting is not None:
            joined = Image.new(mode, (narrow.width, waiting.height + narrow.height))
            joined.paste(waiting, (0, 0))
            joined.paste(narrow, (0, waiting.height))
            narrow = joined
        whole = narrow.height - narrow.height % factor
        if whole:
            block = narrow.crop((0, 0, narrow.width, whole))
            result.paste(block.reduce((1, factor)) if factor > 1 else block, (0, top))
            top += whole // factor
        left = narrow.height > whole
        waiting = narrow.crop((0, whole, narrow.width, narrow.height)) if left else None
    if waiting is not None:
        result.paste(waiting.reduce((1, factor)), (0, top))
    return result
