"""Printing for the command line: plain text for people, JSON for scripts."""

from __future__ import annotations

import datetime as dt
import errno
import json
import sys
from pathlib import Path
from typing import Any

from app.checker import CheckResult


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_default) + "\n")


def one_line(text: str) -> str:
    """Text made safe for a single terminal line: no control characters, no line breaks."""
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


def print_check(learner_name: str, result: CheckResult) -> None:
    """The check result as a person reads it in a terminal."""
    write = sys.stdout.write
    write(f"{one_line(learner_name)} — {result.unit_id}: {result.unit_title}\n")
    write(
        f"Checked {result.checked_on.isoformat()}: {result.met_count} of {len(result.points)} "
        f"marking points met{' — ready to submit' if result.complete else ''}.\n"
    )
    for point in result.points:
        write(f"\n{point.short_id:<5} {point.status.label.upper():<11} {one_line(point.text)}\n")
        for reason in point.reasons:
            mark = {"met": "+", "partly": "~", "missing": "-"}[reason.status.value]
            write(f"      {mark} {one_line(reason.text)}\n")
        for location in point.fixes[:3]:
            write(f"        fix: {one_line(location.label)}\n")
    sections = (
        ("Common mistakes", result.misconceptions),
        ("Evidence quality", result.quality),
        ("Gaps", result.gaps),
    )
    for title, warnings in sections:
        if not warnings:
            continue
        write(f"\n{title}\n")
        for warning in warnings:
            write(f"  ! {one_line(warning.text)}\n")
            for location in warning.fixes[:3]:
                write(f"      fix: {one_line(location.label)}\n")


def os_error_line(error: OSError) -> str:
    """One line saying what went wrong with which file, in words a person acts on."""
    # a rename (``os.replace(part, target)``) names the target second: the file the user named
    named = error.filename2 or error.filename
    name = f"'{named}'" if named else "a file"
    if isinstance(error, PermissionError):
        text = f"no permission to use {name}"
    elif isinstance(error, FileNotFoundError):
        folder = Path(str(named)).parent if named else None
        if folder is not None and str(folder) not in ("", ".") and not folder.is_dir():
            text = f"the folder '{folder}' does not exist"
        else:
            text = f"{name} does not exist"
    elif isinstance(error, FileExistsError):
        text = f"{name} is already there (a file where a folder is needed?)"
    elif isinstance(error, IsADirectoryError):
        text = f"{name} is a folder, not a file"
    elif isinstance(error, NotADirectoryError):
        text = f"part of {name} is a file, not a folder"
    elif error.errno == errno.ENOSPC:
        text = f"the disk is full (writing {name})"
    elif error.strerror:
        text = f"{error.strerror.rstrip('.')} ({name})"
    else:
        text = str(error) or type(error).__name__
    return one_line(text)
