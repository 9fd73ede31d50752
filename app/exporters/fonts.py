"""Fonts for the exports: DejaVu Sans (shipped in resources/fonts) and, for emoji and other
symbols DejaVu lacks, Symbola when the system has it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app.resources import resource_path

REGULAR = "Folio"
BOLD = "Folio-Bold"
ITALIC = "Folio-Italic"
SYMBOLS = "Folio-Symbols"

FONT_FILES = {
    REGULAR: resource_path("fonts", "DejaVuSans.ttf"),
    BOLD: resource_path("fonts", "DejaVuSans-Bold.ttf"),
    ITALIC: resource_path("fonts", "DejaVuSans-Oblique.ttf"),
}
SYMBOL_CANDIDATES = (
    resource_path("fonts", "Symbola.ttf"),
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    Path("/usr/share/fonts/truetype/symbola/Symbola.ttf"),
    Path("C:/Windows/Fonts/seguisym.ttf"),
    Path("/System/Library/Fonts/Apple Symbols.ttf"),
)


@cache
def symbol_font_file() -> Path | None:
    return next((path for path in SYMBOL_CANDIDATES if path.is_file()), None)
