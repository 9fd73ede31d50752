"""Where Folio's bundled data lives (unit catalogue, schemas, fonts)."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any


def bundle_root() -> Path:
    """The folder holding Folio's code and data: the repository (or installed tree) when run
    from source, the unpacked bundle (``sys._MEIPASS``) in a desktop package built with
    PyInstaller (packaging/folio.spec), which puts resources/ and app/store/migrations there."""
    frozen = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


RESOURCES = bundle_root() / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema from resources/schema, parsed once."""
    return json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
