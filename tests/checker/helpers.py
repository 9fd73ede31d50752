"""Ways to take evidence out of a demo portfolio, through the store, as a learner would."""

from __future__ import annotations

from typing import Any

from app.checker import CheckResult, check
from app.checker.context import COLLECTIONS
from app.store import PortfolioStore

ATTRIBUTES = COLLECTIONS


def delete_all(store: PortfolioStore, kind: str) -> None:
    attribute = ATTRIBUTES[kind]
    for item in getattr(store.load(), attribute):
        store.delete_item(kind, item.id)


def update_all(store: PortfolioStore, kind: str, **fields: Any) -> None:
    attribute = ATTRIBUTES[kind]
    for item in getattr(store.load(), attribute):
        store.update_item(kind, item.id, **fields)


def delete_links(store: PortfolioStore, short_id: str) -> None:
    for link in store.load().evidence_links:
        if link.marking_point_id.endswith(f".{short_id}"):
            store.delete_item("evidence_link", link.id)


def unlink_all(store: PortfolioStore, kind: str) -> None:
    attribute = COLLECTIONS[kind]
    for item in getattr(store.load(), attribute):
        store.set_related(kind, item.id, [])


def run_check(store: PortfolioStore, **options: Any) -> CheckResult:
    return check(store.load(), store.unit(), **options)
