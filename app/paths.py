"""Per-user folders. FOLIO_DATA_DIR overrides them (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME


def data_dir() -> Path:
    """Folio's per-user data folder (imported units, the demo portfolio), created on demand."""
    override = os.environ.get("FOLIO_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_units_dir() -> Path:
    path = data_dir() / "units"
    path.mkdir(parents=True, exist_ok=True)
    return path
