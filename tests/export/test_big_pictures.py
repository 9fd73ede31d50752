"""Pictures are decoded at the size they are shown: a 9000 x 9000 PNG plan appears in the
PDF, DOCX and HTML at 1400 pixels with its shapes where they were, its export fits in a
capped address space, a PNG read in strips has exactly Pillow's pixels, and a picture too
large to decode at all is shown as unreadable instead of stopping the export."""

from __future__ import annotations

import base64
import io
import re
import struct
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PIL import Image, ImageDraw, JpegImagePlugin
from pypdf import PdfReader

from app.catalogue import load_catalogue
from app.export import images, png_strips
from app.export.service import export_portfolio
from app.store import PortfolioStore
from bench.big_images import write_png
from bench.memory import capped_step, portfolio_with
from tests.export.conftest import pdf_text

SIDE = 9000
SHOWN = images.MAX_PIXELS
MB = 1024 * 1024


def _bomb(path: Path, side: int = 20000) -> Path:
    """A PNG that says it is ``side`` x ``side`` pixels (far over the limit) and holds a row."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    row = zlib.compress(b"\x00" + bytes(3 * side))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", row) + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("big-pictures")
    plan = write_png(folder / "floor-plan.png", SIDE, SIDE)
    bomb = _bomb(folder / "bomb.png")
    unit = load_catalogue().get("continuous-improvement")
    with PortfolioStore.create(folder / "ada.folio", unit, "Ada Learner") as store:
        store.attach_file(plan, title="Floor plan of the collection desk")
        store.attach_file(bomb, title="Not really a photo")
        return {
            fmt: export_portfolio(store, fmt, folder / f"ada.{fmt}", draft=True).path
            for fmt in ("pdf", "docx", "html")
        }


def _looks_like_the_plan(picture: Image.Image) -> None:
    """The plan's shapes where write_png drew them: a red stripe down the left quarter, a
    dark band across the middle third, white elsewhere (within JPEG's error)."""
    assert picture.size == (SHOWN, SHOWN)
    rgb = picture.convert("RGB")

    def near(xy: tuple[int, int], colour: tuple[int, int, int]) -> bool:
        return all(abs(a - b) <= 24 for a, b in zip(rgb.getpixel(xy), colour, strict=True))

    assert near((SHOWN // 8, SHOWN // 8), (0xC0, 0x10, 0x10))
    assert near((SHOWN * 3 // 4, SHOWN // 8), (0xFF, 0xFF, 0xFF))
    assert near((SHOWN * 3 // 4, SHOWN // 2), (0x20, 0x30, 0x60))
    assert near((SHOWN // 8, SHOWN * 7 // 8), (0xC0, 0x10, 0x10))


def test_the_pdf_shows_the_plan_at_the_size_it_is_printed(exported: dict[str, Path]) -> None:
    pictures = [image.image for page in PdfReader(exported["pdf"]).pages for image in page.images]
    assert len(pictures) == 1
    _looks_like_the_plan(pictures[0])
    assert "E2 bomb.png: this image could not be read." in pdf_text(exported["pdf"])


def test_the_docx_shows_the_plan_at_the_size_it_is_printed(exported: dict[str, Path]) -> None:
    document = Document(str(exported["docx"]))
    media = [p for p in document.part.package.parts if p.partname.startswith("/word/media/")]
    assert len(media) == 1
    _looks_like_the_plan(Image.open(io.BytesIO(media[0].blob)))
    (shape,) = document.inline_shapes
    assert shape.width == shape.height  # laid out square, as the plan is
    assert shape._inline.docPr.get("descr") == "Floor plan of the collection desk"


def test_the_html_shows_the_plan_at_the_size_it_is_printed(exported: dict[str, Path]) -> None:
    page = exported["html"].read_text(encoding="utf-8")
    found = re.findall(
        r'<img src="data:image/\w+;base64,([^"]+)" alt="([^"]*)" width="(\d+)"', page
    )
    assert [(alt, int(width)) for _, alt, width in found] == [
        ("Floor plan of the collection desk", SHOWN)
    ]
    _looks_like_the_plan(Image.open(io.BytesIO(base64.b64decode(found[0][0]))))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and /proc are Linux's")
def test_exporting_the_plan_fits_in_a_constant(tmp_path: Path) -> None:
    """Capped at what exporting a 300 x 300 PNG takes plus 96 MB: the plan's pixels alone
    would take 324 MB decoded whole."""
    small = portfolio_with(tmp_path / "small.folio", write_png(tmp_path / "s.png", 300, 300))
    big = portfolio_with(tmp_path / "big.folio", write_png(tmp_path / "plan.png", SIDE, SIDE))
    status, floor, error = capped_step(None, "export", "pdf", str(small), str(tmp_path / "s.pdf"))
    assert status == 0 and floor > 0, error
    cap = floor + 96 * MB
    status, _, error = capped_step(cap, "export", "pdf", str(big), str(tmp_path / "big.pdf"))
    assert status == 0, f"the export did not fit in {cap // MB} MB: {error}"
    pages = PdfReader(tmp_path / "big.pdf").pages
    (picture,) = [image.image for page in pages for image in page.images]
    _looks_like_the_plan(picture)


def _drawing(mode: str, **options: Any) -> bytes:
    """A PNG in ``mode`` of noise and shapes (every PNG filter gets used), 123 x 77."""
    size = (123, 77)
    noise = Image.effect_noise(size, 60).convert("L")
    picture = Image.merge("RGB", (noise, noise.rotate(180), noise.transpose(0)))
    draw = ImageDraw.Draw(picture)
    for n in range(12):
        draw.ellipse((n * 9, n * 5, n * 9 + 30, n * 5 + 20), fill=(n * 20, 255 - n * 20, 90))
    if mode == "P":
        picture = picture.quantize(50)
    elif mode == "LA":
        picture = Image.merge("LA", (picture.convert("L"), noise))
    elif mode == "RGBA":
        picture = Image.merge("RGBA", (*picture.split(), noise))
    elif mode == "I;16":
        picture = Image.frombytes("I;16", size, picture.convert("RGB").tobytes()[: 2 * 123 * 77])
    elif mode != "RGB":
        picture = picture.convert(mode)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        ("1", {}),
        ("L", {}),
        ("L", {"transparency": 200}),
        ("LA", {}),
        ("P", {}),
        ("P", {"bits": 4}),
        ("P", {"bits": 2}),
        ("P", {"transparency": 3}),
        ("RGB", {}),
        ("RGB", {"optimize": True}),
        ("RGB", {"transparency": (255, 255, 255)}),
        ("RGBA", {}),
        ("I;16", {}),
    ],
)
def test_a_png_read_in_strips_has_exactly_pillows_pixels(
    monkeypatch: pytest.MonkeyPatch, mode: str, options: dict[str, Any]
) -> None:
    monkeypatch.setattr(png_strips, "STRIP_BYTES", 2000)  # a strip of a few rows: many seams
    data = _drawing(mode, **options)
    whole = Image.open(io.BytesIO(data))
    whole.load()
    opened = Image.open(io.BytesIO(data))
    assert png_strips.readable(opened)
    rebuilt = Image.new(whole.mode, whole.size)
    top = 0
    for strip in png_strips.strips(io.BytesIO(data), opened, opened.mode):
        assert strip.height < whole.height
        rebuilt.paste(strip, (0, top))
        top += strip.height
    assert top == whole.height
    assert rebuilt.tobytes() == whole.tobytes()
    shrunk = png_strips.reduced(io.BytesIO(data), Image.open(io.BytesIO(data)), "RGBA", 30)
    expected = whole.convert("RGBA").reduce(4)
    assert shrunk.size == expected.size
    assert max(abs(a - b) for a, b in zip(shrunk.tobytes(), expected.tobytes(), strict=True)) <= 4


def test_a_png_cut_short_is_unreadable_not_an_error() -> None:
    data = _drawing("RGB")
    cut = data[: len(data) // 2]
    assert images.downscale(cut, 30) is None


def test_a_jpeg_is_decoded_at_a_reduced_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[tuple[int, int]] = []
    load = JpegImagePlugin.JpegImageFile.load

    def spied(self: JpegImagePlugin.JpegImageFile) -> Any:
        decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spied)
    buffer = io.BytesIO()
    Image.new("L", (4000, 3000), 90).save(buffer, "JPEG")
    shown = images.downscale(buffer.getvalue())
    assert shown is not None and (shown.width, shown.height) == (SHOWN, 1050)
    assert decoded[0] == (2000, 1500)  # a quarter of the pixels: libjpeg's 1/2 scale
    assert (4000, 3000) not in decoded


def test_a_picture_with_no_reduced_decoding_is_decoded_whole_only_when_small(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(images, "DECODED_WHOLE", 10_000)

    def gif(size: tuple[int, int]) -> bytes:
        buffer = io.BytesIO()
        Image.new("P", size, 3).save(buffer, "GIF")
        return buffer.getvalue()

    assert images.downscale(gif((100, 100))) is not None
    assert images.downscale(gif((101, 100))) is None


class _CountedReads(io.BytesIO):
    """A file that remembers the largest single read made from it."""

    largest = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.largest = max(self.largest, len(data))
        return data


def test_a_png_read_in_strips_is_never_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A picture far larger than memory allows is read a piece at a time, its header too."""
    monkeypatch.setattr(png_strips, "STRIP_BYTES", 2000)
    side = 400
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), bytes(range(256)) * (side * side * 3 // 256)).save(
        buffer, "PNG", compress_level=0
    )
    data = buffer.getvalue()
    assert len(data) > 4 * 65536
    stream = _CountedReads(data)
    opened = Image.open(io.BytesIO(data))
    rows = sum(strip.height for strip in png_strips.strips(stream, opened, opened.mode))
    assert rows == side
    assert stream.largest <= 65536
