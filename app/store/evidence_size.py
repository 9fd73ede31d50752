"""Keeping a portfolio small enough to email: the size it would reach, and photos made
smaller before they go in.

A portfolio travels by email, and most mail services refuse messages over 20–25 MB; a phone
photo is 3–8 MB at a resolution no export needs. Attaching warns before a portfolio passes
the limit (a setting, default 20 MB) and offers to downscale photos to a size that still
prints sharply on an A4 page.
"""

from __future__ import annotations

from pathlib import Path

from app.formatting import human_size

#: Default size above which a portfolio is hard to send by email.
EMAIL_LIMIT_BYTES = 20 * 1024 * 1024
#: Longest side of a downscaled photo: 2,000 px is sharp across an A4 page at 240 dpi.
PHOTO_MAX_SIDE = 2000
#: Photos are only worth downscaling above this size.
PHOTO_MIN_BYTES = 1024 * 1024
PHOTO_TYPES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".tif", ".tiff", ".bmp"}


def size_warning(portfolio_bytes: int, adding: list[Path], limit: int = EMAIL_LIMIT_BYTES) -> str:
    """A sentence for the user when attaching ``adding`` takes the portfolio over ``limit``;
    "" when it stays under."""
    added = sum(path.stat().st_size for path in adding if path.is_file())
    total = portfolio_bytes + added
    if total <= limit:
        return ""
    photos = [path for path in adding if downscalable(path)]
    advice = (
        (
            " Downscaling the photo would make it much smaller."
            if len(photos) == 1
            else f" Downscaling the {len(photos)} photos would make them much smaller."
        )
        if photos
        else " Consider linking to large files instead of attaching them."
    )
    return (
        f"With {'this file' if len(adding) == 1 else 'these files'} the portfolio would be "
        f"about {human_size(total)}, more than the {human_size(limit)} most email services "
        f"accept.{advice}"
    )


def attach_warning(portfolio: Path, adding: list[Path], limit: int = EMAIL_LIMIT_BYTES) -> str:
    """``size_warning`` for adding ``adding`` to the portfolio file ``portfolio`` as it is on
    disk now (an unreadable size counts as empty: the warning is advice, never a refusal)."""
    try:
        current = portfolio.stat().st_size
    except OSError:
        current = 0
    return size_warning(current, adding, limit)


def downscalable(path: Path) -> bool:
    """A photo large enough in bytes that downscaling is worth it."""
    return (
        path.suffix.lower() in PHOTO_TYPES
        and path.is_file()
        and path.stat().st_size > PHOTO_MIN_BYTES
    )


def downscale_photo(source: Path, folder: Path, max_side: int = PHOTO_MAX_SIDE) -> Path:
    """A copy of the photo ``source`` in ``folder`` with its longest side at most
    ``max_side`` pixels, turned upright, re-encoded (JPEG, or PNG when it has transparency);
    the source itself when it is not a readable image or is already small enough."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # only when a photo is attached

    try:
        with Image.open(source) as opened:
            # Decode at about the size needed, not at the camera's full resolution.
            opened.draft("RGB", (max_side, max_side))
            image = ImageOps.exif_transpose(opened)
            if max(image.size) <= max_side and source.stat().st_size <= PHOTO_MIN_BYTES:
                return source
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            transparent = image.mode in {"RGBA", "LA", "P"} and "transparency" in image.info
            transparent = transparent or image.mode in {"RGBA", "LA"}
            if transparent:
                target = folder / f"{source.stem}.png"
                image.save(target, "PNG", optimize=True)
            else:
                target = folder / f"{source.stem}.jpg"
                image.convert("RGB").save(target, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, ValueError):
        return source
    return target if target.stat().st_size < source.stat().st_size else source


def downscale_photos(paths: list[Path], folder: Path) -> list[Path]:
    """``paths`` in the same order, each large photo replaced by a smaller copy made in its
    own sub-folder of ``folder`` (so two photos with the same name cannot overwrite each
    other); every other file as it is."""
    result = []
    for number, path in enumerate(paths):
        if downscalable(path):
            target = folder / str(number)
            target.mkdir(parents=True, exist_ok=True)
            path = downscale_photo(path, target)
        result.append(path)
    return result
