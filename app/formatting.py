"""Formatting values for people, shared by the command line and the exports."""

from __future__ import annotations

import datetime as dt


def long_date(value: dt.date | None) -> str:
    """A date as the exports print it, day first with the month named ("06 Sep 2026"): read
    the same way in every country, unlike 06/09/2026 or an ISO 2026-09-06."""
    return value.strftime("%d %b %Y") if value else ""


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"
