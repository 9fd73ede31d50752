"""The assessor's comment bank: reusable feedback phrases, inserted with one click.

A built-in set (shown in the user's language), plus the phrases the assessor saves. Those
are the assessor's own, kept in their data folder (app.paths.data_dir), never in a learner's
portfolio.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.paths import data_dir

BUILT_IN: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CommentBank", "Well evidenced: the records and your own account agree."),
    QT_TRANSLATE_NOOP(
        "CommentBank", "Clear link from the customer feedback to the action you took."
    ),
    QT_TRANSLATE_NOOP("CommentBank", "Explain why, not only what: say what made you choose this."),
    QT_TRANSLATE_NOOP(
        "CommentBank", "Compare the result with the target, not only with the baseline."
    ),
    QT_TRANSLATE_NOOP("CommentBank", "Name who was involved and what each person did."),
    QT_TRANSLATE_NOOP("CommentBank", "Add a dated record of what happened, in the past tense."),
    QT_TRANSLATE_NOOP(
        "CommentBank", "Say how this complies with the legislation you name, in your own words."
    ),
    QT_TRANSLATE_NOOP(
        "CommentBank", "Map this evidence to the marking point and say how it meets it."
    ),
    QT_TRANSLATE_NOOP("CommentBank", "Not yet met: see the action points and resubmit."),
)

FILE_NAME = "comment-bank.json"


def bank_path() -> Path:
    return data_dir() / FILE_NAME


class CommentBank:
    """The phrases on offer: built-in first, then the assessor's own in the order saved."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or bank_path()
        self.own: list[str] = self._read()

    def _read(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []  # no bank yet, or an unreadable one: start from the built-in set
        phrases = data.get("phrases", []) if isinstance(data, dict) else []
        return [p for p in phrases if isinstance(p, str) and p.strip()]

    @property
    def phrases(self) -> list[str]:
        return [*BUILT_IN, *(p for p in self.own if p not in BUILT_IN)]

    def add(self, phrase: str) -> bool:
        """Save a phrase of the assessor's own; False when it is empty or already there."""
        phrase = " ".join(phrase.split())
        if not phrase or phrase in self.phrases:
            return False
        self.own.append(phrase)
        self._write()
        return True

    def remove(self, phrase: str) -> bool:
        if phrase not in self.own:
            return False
        self.own.remove(phrase)
        self._write()
        return True

    def _write(self) -> None:
        """Replace the file whole, so a crash leaves the old bank or the new one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"phrases": self.own}, out, ensure_ascii=False, indent=1)
        os.replace(temporary, self.path)
