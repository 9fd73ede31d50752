"""Before files go into a portfolio: warn when it would grow too big to email and offer to
downscale the photos. The sizes and the downscaling are app.store.evidence_size's; this
module only asks the user."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import preferences
from app.store.evidence_size import attach_warning, downscalable, downscale_photos

DOWNSCALE = "downscale"
AS_THEY_ARE = "as-they-are"


def ask(parent: QWidget, warning: str, photos: int) -> str | None:
    """The user's choice for files that take the portfolio over the email limit:
    DOWNSCALE, AS_THEY_ARE, or None to add nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("AttachPrompt", "Portfolio too big to email"))
    box.setText(warning)
    box.setInformativeText(
        QCoreApplication.translate("AttachPrompt", "The limit can be changed in File → Settings….")
    )
    choices = {}
    if photos:
        button = box.addButton(
            QCoreApplication.translate("AttachPrompt", "&Downscale photos and add"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        choices[button] = DOWNSCALE
        box.setDefaultButton(button)
    button = box.addButton(
        QCoreApplication.translate("AttachPrompt", "Add &as they are"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    choices[button] = AS_THEY_ARE
    if not photos:
        box.setDefaultButton(button)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return choices.get(box.clickedButton())


def prepare(
    parent: QWidget, portfolio: Path, paths: list[Path], keep: list[tempfile.TemporaryDirectory]
) -> list[Path] | None:
    """The files to add: ``paths``, or downscaled copies of their photos when the user
    chooses so; None when the user cancels. The copies' folder is appended to ``keep``: the
    caller holds it until the worker that adds them has read them."""
    warning = attach_warning(portfolio, paths, preferences.load().email_limit_bytes)
    if not warning:
        return paths
    choice = ask(parent, warning, sum(1 for path in paths if downscalable(path)))
    if choice is None:
        return None
    if choice == AS_THEY_ARE:
        return paths
    scratch = tempfile.TemporaryDirectory(prefix="folio-downscaled-")
    keep.append(scratch)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return downscale_photos(paths, Path(scratch.name))
    finally:
        QApplication.restoreOverrideCursor()
