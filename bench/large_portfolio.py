"""A large generated portfolio for benchmarks: the demo plus thousands of generated items.

Built as an interchange document and imported in one transaction, through Folio's own
importer, so it is a real .folio file.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path
from typing import Any

from app.catalogue import load_catalogue
from app.demo import build_demo
from app.models.vocab import FEEDBACK_SOURCES
from app.store import PortfolioStore
from app.store.interchange import export_document, import_document

FEEDBACK_ITEMS = 2000
LOG_ENTRIES = 300
EVIDENCE_LINKS = 500


def _next_id(rows: list[dict[str, Any]]) -> int:
    return max((row["id"] for row in rows), default=0) + 1


def build_large(
    target: Path,
    unit_id: str = "continuous-improvement",
    seed: int = 7,
    feedback_items: int = FEEDBACK_ITEMS,
) -> Path:
    random.seed(seed)
    unit = load_catalogue().get(unit_id)
    with (
        tempfile.TemporaryDirectory() as folder,
        build_demo(Path(folder) / "base.folio", unit) as store,
    ):
        document = export_document(store)
    tables = document["tables"]
    portfolio_id = tables["portfolio"][0]["id"]
    today = dt.date.today()
    sources = list(FEEDBACK_SOURCES)
    channels = ["phone", "email", "web chat", "in store", "social media", "app"]

    start = _next_id(tables["feedback_item"])
    for n in range(feedback_items):
        tables["feedback_item"].append(
            {
                "id": start + n,
                "portfolio_id": portfolio_id,
                "position": 100 + n,
                "source_type": sources[n % len(sources)],
                "received_on": (today - dt.timedelta(days=random.randint(1, 420))).isoformat(),
                "channel": random.choice(channels),
                "customer_ref": f"G-{n:05d}",
                "text": f"Generated comment {n}: the wait at the desk was {n % 40} minutes and "
                "the reply by email took longer than promised.",
                "rating": float(random.randint(1, 5)),
                "rating_scale": 5.0,
            }
        )
    actions = [row["id"] for row in tables["action_item"]]
    start = _next_id(tables["log_entry"])
    for n in range(LOG_ENTRIES):
        tables["log_entry"].append(
            {
                "id": start + n,
                "portfolio_id": portfolio_id,
                "position": 100 + n,
                "logged_on": (today - dt.timedelta(days=random.randint(1, 200))).isoformat(),
                "action_id": random.choice(actions),
                "what_done": f"Generated log entry {n}: coached a colleague on the new procedure.",
                "who_involved": "Team",
                "outcome": "Procedure followed",
                "reflection": "Coaching on the floor worked better than a briefing in the office.",
            }
        )
    points = [p.id for p in unit.marking_points]
    feedback_ids = [row["id"] for row in tables["feedback_item"]]
    start = _next_id(tables["evidence_link"])
    created = tables["evidence_link"][0]["created_at"]
    for n in range(EVIDENCE_LINKS):
        tables["evidence_link"].append(
            {
                "id": start + n,
                "portfolio_id": portfolio_id,
                "marking_point_id": points[n % len(points)],
                "justification": f"Feedback item {n} shows customer feedback analysed for "
                f"improvement number {n}",
                "created_at": created,
                "evidence_file_id": None,
                "feedback_item_id": feedback_ids[n % len(feedback_ids)],
                "finding_id": None,
                "action_id": None,
                "log_entry_id": None,
                "metric_id": None,
            }
        )
    import_document(document, target, "generated").close()
    return target


def open_large(folder: Path) -> PortfolioStore:
    return PortfolioStore.open(build_large(folder / "large.folio"))
