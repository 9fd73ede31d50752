"""A portfolio with a 1 MB text in every text column of one item of each kind that holds
long writing: a feedback item, an action, a log entry, an assessment record and one of its
questions. Each text is numbered sentences ending in a sentinel word, so a reader can tell
that the whole of it was exported."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from sqlalchemy import Text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def build_big_fields(
    target: Path, unit_id: str = "continuous-improvement", size: int = MAX_TEXT
) -> Path:
    unit = load_catalogue().get(unit_id)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.folio"
        build_demo(base, unit).close()
        shutil.copyfile(base, target)
    fill(target, size)
    return target


def written_megabytes(size: int) -> float:
    """The long writing ``fill`` puts in a portfolio, in MB: what an export must carry."""
    return sum(len(text_columns(kind)) for kind in BIG_KINDS) * size / 1e6


def report(
    folder: Path,
    sizes: tuple[int, ...] = (MAX_TEXT // 4, MAX_TEXT // 2, MAX_TEXT),
    formats: tuple[str, ...] = ("pdf", "docx", "html"),
) -> None:
    """Each format's export time and peak memory with fields of each size, and its time per
    megabyte of writing (about the same at every size when the cost is linear)."""
    from bench.measure import run_child, spread_line

    per_mb: dict[str, list[float]] = {fmt: [] for fmt in formats}
    for size in sizes:
        path = build_big_fields(folder / f"big-fields-{size}.folio", size=size)
        megabytes = written_megabytes(size)
        for fmt in formats:
            seconds, peak, cpu = run_child(str(path), fmt, str(folder / f"big-fields-{size}.{fmt}"))
            per_mb[fmt].append(seconds / megabytes)
            target = "   (targets < 10000 ms, < 400 MB)" if size == MAX_TEXT else ""
            print(
                f"{f'{fmt.upper()} export, {size // 1000} KB in every text field':<46} "
                f"{seconds * 1000:9.0f} ms (cpu {cpu * 1000:6.0f} ms)   "
                f"{seconds / megabytes * 1000:6.0f} ms/MB of {megabytes:4.1f} MB   "
                f"peak {peak:6.0f} MB{target}"
            )
            (folder / f"big-fields-{size}.{fmt}").unlink()
        path.unlink()
    if len(sizes) > 1:
        for fmt in formats:
            print(spread_line(f"{fmt.upper()} time per MB, largest / smallest size", per_mb[fmt]))


def main() -> None:
    """``python bench/big_fields.py [SIZE ...]``: the figures for fields of SIZE characters
    (default a quarter, a half and the whole of the 1 MB limit)."""
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or (MAX_TEXT // 4, MAX_TEXT // 2, MAX_TEXT)
    with tempfile.TemporaryDirectory(prefix="folio-bench-big-") as folder:
        report(Path(folder), sizes)


if __name__ == "__main__":
    main()
