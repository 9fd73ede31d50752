"""The canonical forms that staff sign.

A signed record is plain JSON with sorted keys and no spaces, so the same facts always give
the same bytes. Records name things by meaning (version, marking point), never by row id,
so a portfolio copied into a centre database still verifies. Every record carries the
submitted snapshot's digest and the version chain, so it pins exactly what was assessed,
and the audit trail's head, so the trail up to the signature cannot be rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from app.models import (
    Assessment,
    AssessmentDecision,
    IqaReport,
    Portfolio,
    RecordSignature,
    Submission,
)

FORMAT = "folio-signed-record/1"
KINDS = ("sign-off", "countersign", "reopen", "iqa-report")
#: Kinds that name the sign-off they are about (``refers_to``).
REFERRING_KINDS = frozenset({"countersign", "reopen", "iqa-report"})


def canonical(payload: Mapping[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def _moment(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def portfolio_part(portfolio: Portfolio) -> dict[str, str]:
    return {
        "learner_name": portfolio.learner_name,
        "candidate_number": portfolio.candidate_number,
        "unit_id": portfolio.unit_id,
    }


def submission_part(submission: Submission) -> dict[str, Any]:
    return {
        "version": submission.version,
        "digest": submission.digest,
        "previous_digest": submission.previous_digest,
        "submitted_by": submission.submitted_by,
        "declared_on": submission.declared_on.isoformat(),
        "incomplete_reason": submission.incomplete_reason,
        "submitted_at": _moment(submission.submitted_at),
    }


def judgements_part(judgements: Iterable[Assessment]) -> list[dict[str, str]]:
    return sorted(
        (
            {
                "marking_point": a.marking_point_id,
                "judgement": a.judgement,
                "feedback": a.feedback,
                "assessor": a.assessor_name,
                "assessed_at": _moment(a.assessed_at),
            }
            for a in judgements
        ),
        key=lambda j: j["marking_point"],
    )


def decision_part(decision: AssessmentDecision) -> dict[str, str]:
    return {
        "decision": decision.decision,
        "action_points": decision.action_points,
        "assessor": decision.assessor_name,
        "signed_on": decision.signed_on.isoformat(),
    }


def iqa_report_part(report: IqaReport) -> dict[str, Any]:
    """The facts of an IQA report that its signature covers."""
    return {
        "iqa": report.iqa_name,
        "sampled_on": report.sampled_on.isoformat(),
        "sample_reason": report.sample_reason,
        "agrees": bool(report.agrees),
        "comments": report.comments,
        "action_points": report.action_points,
    }


def signature_ref(signature: RecordSignature) -> str:
    """How a later record names an earlier signature: the SHA-256 of its signature bytes."""
    return hashlib.sha256(signature.signature).hexdigest()


def record(
    kind: str,
    portfolio: Portfolio,
    submission: Submission,
    audit: tuple[int, str],
    signer_fingerprint: str,
    signed_at: dt.datetime,
    **facts: Any,
) -> dict[str, Any]:
    """A record of ``kind`` about ``submission``, with its kind's own ``facts``."""
    return {
        "format": FORMAT,
        "kind": kind,
        "portfolio": portfolio_part(portfolio),
        "submission": submission_part(submission),
        "audit": {"entries": audit[0], "head": audit[1]},
        "certificate_sha256": signer_fingerprint,
        "signed_at": _moment(signed_at),
        **facts,
    }


def expected_facts(
    kind: str,
    judgements: Iterable[Assessment],
    decision: AssessmentDecision | None,
    referred: RecordSignature | None,
    assessment_record: dict[str, list[Any]] | None = None,
) -> dict[str, Any]:
    """What a record of ``kind`` says about the rows as they are now (for signing, and for
    verification to compare with what was signed). ``assessment_record`` is what a sign-off
    says of the records, plan and reviews it relied on (staff_records.signed_facts)."""
    facts: dict[str, Any] = {}
    if kind == "sign-off":
        facts["judgements"] = judgements_part(judgements)
        if assessment_record is not None:
            facts.update(assessment_record)
    if decision is not None:
        facts["decision"] = decision_part(decision)
    if kind in REFERRING_KINDS and referred is not None:
        facts["refers_to"] = signature_ref(referred)
    return facts
