"""Where Folio's bundled data lives (unit catalogue, schemas, fonts)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema from resources/schema, parsed once."""
    return json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
