"""Submitting and assessing a portfolio: the workflow over the store's operations.

A submission freezes a canonical snapshot and its digest; the submitted version is read-only
until the learner starts a new draft; judgements are provisional until the assessor signs
off, with a staff key, over the snapshot's digest; after sign-off nothing changes except
through a signed reopening. ``verify`` (app.workflow.verification) checks all of it.
"""

from __future__ import annotations

import datetime as dt

from app.checker import CheckResult
from app.store import Change, PortfolioStore
from app.store.assessment_records import DECISIONS, JUDGEMENTS
from app.trust.keystore import Signer
from app.workflow.verification import VerifyReport, verify

__all__ = [
    "DECISIONS",
    "JUDGEMENTS",
    "VerifyReport",
    "assess",
    "countersign",
    "iqa_report",
    "reopen",
    "sign_off",
    "start_new_draft",
    "submit",
    "verify",
]


def submit(
    store: PortfolioStore,
    name: str,
    result: CheckResult,
    on: dt.date | None = None,
    incomplete_reason: str = "",
) -> Change:
    """Confirm the declaration with the learner's typed name and freeze the current content
    as the next version (one commit)."""
    missing = len(result.points) - result.met_count
    return store.submit_version(
        name, on or dt.date.today(), missing, len(result.points), incomplete_reason
    )


def start_new_draft(store: PortfolioStore) -> int:
    change = store.start_draft()
    assert change.after is not None
    return int(change.after["version"])


def assess(
    store: PortfolioStore, marking_point_id: str, judgement: str, feedback: str = ""
) -> Change:
    return store.record_judgement(marking_point_id, judgement, feedback)


def sign_off(
    store: PortfolioStore,
    decision: str,
    action_points: str = "",
    signer: Signer | None = None,
    on: dt.date | None = None,
) -> Change:
    return store.record_decision(decision, action_points, signer, on)


def reopen(store: PortfolioStore, reason: str, signer: Signer | None = None) -> Change:
    return store.reopen_decision(reason, signer)


def countersign(store: PortfolioStore, comment: str, signer: Signer | None) -> Change:
    return store.countersign(comment, signer)


def iqa_report(
    store: PortfolioStore,
    agrees: bool,
    comments: str,
    action_points: str = "",
    sample_reason: str = "",
    signer: Signer | None = None,
    on: dt.date | None = None,
) -> Change:
    return store.record_iqa_report(agrees, comments, action_points, sample_reason, signer, on)
