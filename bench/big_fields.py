"""A portfolio with a 1 MB text in every text column of one item of each kind that holds
long writing: a feedback item, an action, a log entry, an assessment record and one of its
questions. Each text is numbered sentences ending in a sentinel word, so a reader can tell
that the whole of it was exported."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Text

from app.catalogue import load_catalogue
from app.demo import build_demo
from app.models.kinds import KINDS
from app.store import PortfolioStore
from app.store.fields import MAX_TEXT, editable_columns

#: The kinds whose first item gets a 1 MB text in every text column.
BIG_KINDS = ("feedback_item", "action_item", "log_entry", "assessment_record", "record_question")
#: Columns that hold a list or a choice, not writing.
NOT_WRITING = frozenset({"marking_points"})


def sentinel(kind: str, column: str) -> str:
    return f"Sentinel{kind.replace('_', '')}{column.replace('_', '')}End"


def big_text(kind: str, column: str, size: int = MAX_TEXT) -> str:
    """``size`` characters at most: numbered sentences, then the column's sentinel word."""
    end = " " + sentinel(kind, column)
    sentences: list[str] = []
    used = 0
    n = 0
    while True:
        sentence = f"Sentence {n} of the {column.replace('_', ' ')} text is here."
        if used + len(sentence) + 1 + len(end) > size:
            break
        sentences.append(sentence)
        used += len(sentence) + 1
        n += 1
    return " ".join(sentences) + end


def text_columns(kind: str) -> list[str]:
    return [
        name
        for name, column in editable_columns(KINDS[kind].model).items()
        if isinstance(column.type, Text) and name not in NOT_WRITING
    ]


def _texts(kind: str, size: int) -> dict[str, str]:
    return {column: big_text(kind, column, size) for column in text_columns(kind)}


def fill(path: Path, size: int = MAX_TEXT) -> None:
    """The learner's first feedback item, action and log entry get ``size`` characters in
    every text column; an assessor adds a questioning record and a question just as long."""
    with PortfolioStore.open(path) as store:
        portfolio = store.load()
        for kind in ("feedback_item", "action_item", "log_entry"):
            first = getattr(portfolio, KINDS[kind].collection)[0]
            store.update_item(kind, first.id, **_texts(kind, size))
    with PortfolioStore.open(path, actor="assessor: Bench Assessor") as store:
        record = store.add_item(
            "assessment_record", method="questioning", **_texts("assessment_record", size)
        ).item_id
        store.add_item("record_question", record_id=record, **_texts("record_question", size))


def build_big_fields(target: Path, unit_id: str = "continuous-improvement") -> Path:
    unit = load_catalogue().get(unit_id)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.folio"
        build_demo(base, unit).close()
        shutil.copyfile(base, target)
    fill(target)
    return target
