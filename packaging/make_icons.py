"""Draws Folio's icon (resources/icons/folio.svg's shapes) as PNG, ICO and ICNS with Pillow.

Run ``python packaging/make_icons.py`` after changing the design; the results are committed,
so building the desktop package needs nothing drawn.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256
SCALE = 4  # drawn large, then downscaled: smooth edges without an anti-aliasing renderer


def draw(size: int = SIZE) -> Image.Image:
    big = size * SCALE
    k = big / 256
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        return (x * k, y * k, (x + w) * k, (y + h) * k)

    pen.rounded_rectangle(box(8, 8, 240, 240), radius=44 * k, fill="#1f5f8b")
    # The folder's back with its tab, then its front.
    pen.polygon(
        [
            (40 * k, 84 * k),
            (104 * k, 84 * k),
            (120 * k, 102 * k),
            (216 * k, 102 * k),
            (216 * k, 150 * k),
            (40 * k, 150 * k),
        ],
        fill="#f4c95d",
    )
    pen.rounded_rectangle(box(40, 112, 176, 104), radius=10 * k, fill="#ffd97a")
    # The tick.
    tick = [(88 * k, 164 * k), (118 * k, 192 * k), (170 * k, 132 * k)]
    pen.line(tick, fill="#1f7a3a", width=int(20 * k), joint="curve")
    for x, y in (tick[0], tick[-1]):
        r = 10 * k
        pen.ellipse((x - r, y - r, x + r, y + r), fill="#1f7a3a")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    icon = draw(SIZE)
    icon.save(ICONS / "folio.png")
    icon.save(ICONS / "folio.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (256, 256)])
    draw(512).save(ICONS / "folio.icns")
    print(f"Wrote folio.png, folio.ico and folio.icns in {ICONS}")


if __name__ == "__main__":
    main()
