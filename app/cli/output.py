"""Printing for the command line: plain text for people, JSON for scripts."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_default) + "\n")


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def one_line(text: str) -> str:
    """Text made safe for a single terminal line: no control characters, no line breaks."""
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()
