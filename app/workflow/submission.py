"""Submitting, verifying and assessing a portfolio.

Trust is the point: a submission freezes a canonical snapshot and its digest; the submitted
version is read-only until the learner starts a new draft; ``verify`` recomputes everything
and names what was altered behind Folio's back; judgements are tied to the digest they were
made on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.checker import CheckResult
from app.errors import DomainError, InvalidInputError
from app.models import Assessment, AssessmentDecision, EvidenceFile, Portfolio, Submission
from app.store import PortfolioStore
from app.workflow.snapshot import canonical_content, canonical_json, differences, digest

JUDGEMENTS = ("met", "not-yet")
DECISIONS = ("competent", "refer")


def submit(
    store: PortfolioStore,
    name: str,
    result: CheckResult,
    on: dt.date | None = None,
    incomplete_reason: str = "",
) -> Submission:
    """Confirm the declaration and freeze the current content as the next version."""
    if not name.strip():
        raise InvalidInputError("type your name to confirm the declaration of authenticity")
    if not result.complete and not incomplete_reason.strip():
        missing = len(result.points) - result.met_count
        raise DomainError(
            f"{missing} of {len(result.points)} marking points are not met; submit anyway "
            "only with a reason (--incomplete-reason)"
        )
    on = on or dt.date.today()
    store.sign_declaration(name.strip(), on)
    with store.transaction("none") as session:
        portfolio = session.get_one(Portfolio, store.portfolio_id)
        if portfolio.status == "submitted":
            raise DomainError(f"version {portfolio.draft_version} is already submitted")
        previous = session.scalars(
            select(Submission)
            .where(Submission.portfolio_id == store.portfolio_id)
            .order_by(Submission.version.desc())
            .limit(1)
        ).first()
        snapshot = canonical_json(canonical_content(session.connection(), store.portfolio_id))
        submission = Submission(
            portfolio_id=store.portfolio_id,
            version=portfolio.draft_version,
            submitted_by=name.strip(),
            declared_on=on,
            incomplete_reason=incomplete_reason.strip(),
            digest=digest(snapshot),
            previous_digest=previous.digest if previous else "",
            snapshot_json=snapshot,
        )
        session.add(submission)
        portfolio.status = "submitted"
        portfolio.submitted_on = on
        session.flush()
        store.audit(
            session,
            "submit",
            f"submission:{submission.id}",
            {
                "version": submission.version,
                "digest": submission.digest,
                "incomplete_reason": submission.incomplete_reason,
            },
        )
    return submission


def start_new_draft(store: PortfolioStore) -> int:
    """Unfreeze the content as the next version; earlier submissions stay as they were."""
    with store.transaction("none") as session:
        portfolio = session.get_one(Portfolio, store.portfolio_id)
        if portfolio.status != "submitted":
            raise DomainError(f"version {portfolio.draft_version} is already a draft")
        if store.role == "assessor":
            raise DomainError("only the learner can start a new draft")
        portfolio.status = "draft"
        portfolio.draft_version += 1
        portfolio.submitted_on = None
        store.audit(session, "new-draft", "portfolio", {"version": portfolio.draft_version})
        return portfolio.draft_version


@dataclass
class VersionReport:
    version: int
    digest: str
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(store: PortfolioStore) -> list[VersionReport]:
    """Recompute every submitted version's digest and every evidence file's hash; compare
    the frozen content with the file when the latest version is still submitted."""
    reports: list[VersionReport] = []
    with store.reading() as session:
        submissions = list(
            session.scalars(
                select(Submission)
                .where(Submission.portfolio_id == store.portfolio_id)
                .order_by(Submission.version)
            )
        )
        portfolio = session.get_one(Portfolio, store.portfolio_id)
        current = canonical_content(session.connection(), store.portfolio_id)
        shas = session.scalars(
            select(EvidenceFile.blob_sha256)
            .where(EvidenceFile.portfolio_id == store.portfolio_id)
            .distinct()
        ).all()
        actual_hashes = _blob_hashes(store, shas)
        previous_digest = ""
        for submission in submissions:
            report = VersionReport(submission.version, submission.digest)
            if digest(submission.snapshot_json) != submission.digest:
                report.problems.append("the stored snapshot does not match its digest")
            if submission.previous_digest != previous_digest:
                report.problems.append("the link to the previous version's digest is broken")
            previous_digest = submission.digest
            try:
                frozen = json.loads(submission.snapshot_json)
            except json.JSONDecodeError:
                report.problems.append("the stored snapshot cannot be read")
                reports.append(report)
                continue
            for blob in frozen.get("evidence_blob", []):
                actual = actual_hashes.get(blob["sha256"])
                if actual is None:
                    report.problems.append(f"evidence content {blob['sha256'][:12]} is missing")
                elif actual != blob["sha256"]:
                    names = [
                        f["original_name"]
                        for f in frozen.get("evidence_file", [])
                        if f["blob_sha256"] == blob["sha256"]
                    ]
                    report.problems.append(
                        f"evidence file {', '.join(names) or blob['sha256'][:12]}: its content "
                        "was altered"
                    )
            is_latest = submission is submissions[-1]
            if is_latest and portfolio.status == "submitted" and current != frozen:
                report.problems += [
                    f"{line} since submission" for line in differences(frozen, current)
                ]
            reports.append(report)
    return reports


def _blob_hashes(store: PortfolioStore, shas: Sequence[str]) -> dict[str, str]:
    """Stored SHA-256 name -> SHA-256 of the bytes actually stored under it."""
    result = {}
    for sha in shas:
        hasher = hashlib.sha256()
        with store.content_chunks(sha) as chunks:
            for chunk in chunks:
                hasher.update(chunk)
        result[sha] = hasher.hexdigest()
    return result


def _latest_submission(store: PortfolioStore, session) -> Submission:  # type: ignore[no-untyped-def]
    submission = session.scalars(
        select(Submission)
        .where(Submission.portfolio_id == store.portfolio_id)
        .order_by(Submission.version.desc())
        .limit(1)
    ).first()
    if submission is None:
        raise DomainError("nothing has been submitted yet")
    return submission


def assess(
    store: PortfolioStore, marking_point_id: str, judgement: str, feedback: str = ""
) -> Assessment:
    """Record the assessor's judgement of one marking point on the latest submission."""
    if judgement not in JUDGEMENTS:
        raise InvalidInputError(f"judgement must be one of: {', '.join(JUDGEMENTS)}")
    unit = store.unit()
    if marking_point_id not in {p.id for p in unit.marking_points}:
        short = {p.short_id: p.id for p in unit.marking_points}
        if marking_point_id not in short:
            raise InvalidInputError(f"'{marking_point_id}' is not a marking point of this unit")
        marking_point_id = short[marking_point_id]
    with store.transaction("assessor") as session:
        submission = _latest_submission(store, session)
        record = Assessment(
            portfolio_id=store.portfolio_id,
            submission_id=submission.id,
            marking_point_id=marking_point_id,
            judgement=judgement,
            feedback=feedback,
            assessor_name=store.actor.split(":", 1)[-1].strip() or "assessor",
            snapshot_digest=submission.digest,
        )
        session.add(record)
        session.flush()
        store.audit(
            session,
            "assess",
            f"assessment:{record.id}",
            {
                "marking_point": marking_point_id,
                "judgement": judgement,
                "version": submission.version,
            },
        )
    return record


def sign_off(
    store: PortfolioStore, decision: str, action_points: str = "", on: dt.date | None = None
) -> AssessmentDecision:
    if decision not in DECISIONS:
        raise InvalidInputError(f"decision must be one of: {', '.join(DECISIONS)}")
    with store.transaction("assessor") as session:
        submission = _latest_submission(store, session)
        judged = session.scalar(
            select(func.count(func.distinct(Assessment.marking_point_id))).where(
                Assessment.submission_id == submission.id
            )
        )
        total = len(store.unit().marking_points)
        if decision == "competent" and judged < total:
            raise DomainError(f"only {judged} of {total} marking points are judged")
        existing = session.scalars(
            select(AssessmentDecision).where(AssessmentDecision.submission_id == submission.id)
        ).first()
        if existing is not None:
            raise DomainError(f"version {submission.version} is already signed off")
        record = AssessmentDecision(
            portfolio_id=store.portfolio_id,
            submission_id=submission.id,
            decision=decision,
            action_points=action_points,
            assessor_name=store.actor.split(":", 1)[-1].strip() or "assessor",
            signed_on=on or dt.date.today(),
            snapshot_digest=submission.digest,
        )
        session.add(record)
        session.flush()
        store.audit(
            session,
            "sign-off",
            f"assessment_decision:{record.id}",
            {"decision": decision, "version": submission.version},
        )
    return record
