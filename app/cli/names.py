"""What the command line makes of the names it is given: marking point ids, file names and
export formats. Each answer is either usable or a one-line refusal (exit code 2)."""

from __future__ import annotations

from pathlib import Path

from app.catalogue.model import Unit
from app.errors import InvalidInputError

PORTFOLIO_SUFFIX = ".folio"
FORMAT_SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}


def marking_point_id(unit: Unit, given: str) -> str:
    """The full id of the marking point ``given`` as ``MP1``, ``mp1`` or ``<unit>.MP1``."""
    wanted = given.strip().casefold()
    for point in unit.marking_points:
        if wanted in (point.id.casefold(), point.short_id.casefold()):
            return point.id
    points = ", ".join(point.short_id for point in unit.marking_points)
    raise InvalidInputError(
        f"'{given}' is not a marking point of the unit '{unit.id}' (points: {points})"
    )


def portfolio_path(path: Path) -> Path:
    """``path`` with ``.folio`` added when its name does not already end so, so that the
    Open dialog (which lists ``*.folio``) shows the file."""
    if path.suffix.lower() == PORTFOLIO_SUFFIX:
        return path
    return path.with_name(path.name + PORTFOLIO_SUFFIX)


def export_target(output: Path, fmt: str | None) -> tuple[str, Path]:
    """The format and file name of an export to ``output``. The extension decides the
    format; ``--format`` may repeat it but never contradict it; a name without an
    extension gets the format's."""
    suffix = output.suffix.lower()
    implied = FORMAT_SUFFIXES.get(suffix)
    if implied is None and suffix and fmt is not None:
        raise InvalidInputError(
            f"'{output.name}' does not end in .{fmt}; name the file for its format"
        )
    if implied is None and suffix:
        known = ", ".join(sorted(FORMAT_SUFFIXES))
        raise InvalidInputError(
            f"cannot tell the format from '{output.name}' (use {known}, or --format)"
        )
    if implied is None:
        if fmt is None:
            raise InvalidInputError(f"'{output.name}' has no extension; give --format")
        return fmt, output.with_name(f"{output.name}.{fmt}")
    if fmt is not None and fmt != implied:
        raise InvalidInputError(
            f"--format {fmt} disagrees with the file name '{output.name}' ({implied})"
        )
    return implied, output


def output_file(path: Path) -> Path:
    """``path`` if a file can be written there: refused up front when it names a folder or
    its folder is missing, so no half-written file is left beside it."""
    if path.is_dir():
        raise InvalidInputError(f"'{path}' is a folder; give a file name")
    parent = path.parent
    if not parent.is_dir():
        what = "is a file, not a folder" if parent.exists() else "does not exist"
        raise InvalidInputError(f"the folder '{parent}' {what} (for '{path.name}')")
    return path
