"""``verify``: what in a portfolio can be trusted, and what was altered behind Folio's back.

Checked: each submitted version's snapshot and attachments against its digest and the
version chain; every decision, sign-off, reopening and countersignature against its staff
signature, the signer's certificate chain to a centre on this machine's trust list, its
validity and revocation when it was signed, and the rows as they are now; and the audit
trail's hash chain, against the heads that signatures pinned.

The learner's work carries no signature of its own (learners hold no key): it is pinned by
an assessor's signature over its digest, or, before assessment, only checked against its
own digest, which anyone could recompute. The report says which.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    AssessmentDecision,
    AuditEntry,
    EvidenceBlob,
    IqaReport,
    Portfolio,
    RecordSignature,
    StaffCertificate,
    Submission,
)
from app.store import PortfolioStore, staff_records
from app.store.assessment_records import parse_payload
from app.store.audit_chain import entry_hash
from app.trust import pki, records
from app.trust.keystore import KeyStore
from app.trust.validation import check_signature
from app.workflow.snapshot import canonical_content, differences, digest

#: Keys of a sign-off's payload holding the assessment record it covered, and their noun.
SIGNED_RECORD_KEYS = {
    "assessment_records": "assessment record",
    "assessment_plan": "planned activity",
    "reviews": "review",
}

KIND_LABELS = {
    "sign-off": "sign-off",
    "countersign": "IQA countersignature",
    "reopen": "reopening",
    "iqa-report": "IQA report",
}


@dataclass
class RecordReport:
    """One signed (or unsigned) record: a sign-off, countersignature or reopening."""

    kind: str
    version: int
    signer: pki.Identity | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    state: str = "verified"  # verified | unsigned | legacy | untrusted | altered
    signature: RecordSignature | None = None

    @property
    def verified(self) -> bool:
        return self.state == "verified"

    def describe(self) -> str:
        if self.state == "verified" and self.signer is not None:
            verb = "countersigned" if self.kind == "countersign" else "signed"
            if self.kind == "iqa-report":
                verdict = (parse_payload(self.signature) or {}) if self.signature else {}
                agrees = (verdict.get("iqa_report") or {}).get("agrees")
                verb = "agrees with the decision" if agrees else "disagrees with the decision"
                return f"{verb}; signed by {self.signer.describe()}, verified"
            return f"{verb} by {self.signer.describe()}, verified"
        if self.state == "legacy":
            return "unsigned (made before signatures)"
        if self.state == "unsigned":
            return "unsigned"
        if self.state == "untrusted":
            return "NOT TRUSTED: " + "; ".join(self.problems)
        return "ALTERED: " + "; ".join(self.problems)


@dataclass
class VersionReport:
    version: int
    digest: str
    problems: list[str] = field(default_factory=list)
    records: list[RecordReport] = field(default_factory=list)
    decision: str = ""
    pinned_by: str = ""

    @property
    def intact(self) -> bool:
        return not self.problems and not any(r.state == "altered" for r in self.records)

    @property
    def signed_off(self) -> RecordReport | None:
        """The report on the current decision of this version, if it has one."""
        return next((r for r in self.records if r.kind == "decision"), None)

    def work_line(self) -> str:
        if self.problems:
            return "learner work: ALTERED"
        if self.pinned_by:
            return f"learner work: intact, pinned by {self.pinned_by}'s signature"
        if self.decision:
            return (
                "learner work: intact against its own digest, but no trusted signature pins "
                "it (anyone could recompute the digest)"
            )
        return (
            "learner work: intact, but not yet assessed: integrity checked only against its "
            "own digest, which anyone could recompute"
        )

    def trust(self) -> str:
        """The decision's trust in a few words, for lists and exports."""
        record = self.signed_off
        if record is None:
            return "not signed off"
        if not self.intact and record.state == "verified":
            return "ALTERED: " + "; ".join(
                self.problems + [p for r in self.records for p in r.problems]
            )
        return record.describe()


@dataclass
class VerifyReport:
    versions: list[VersionReport] = field(default_factory=list)
    audit_problems: list[str] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    audit_entries: int = 0
    trusted_centres: int = 0

    @property
    def altered(self) -> bool:
        return bool(self.audit_problems or self.file_problems) or any(
            not v.intact for v in self.versions
        )

    @property
    def unsigned(self) -> list[VersionReport]:
        """Versions whose current decision lacks a verified, trusted signature."""
        return [
            v
            for v in self.versions
            if v.signed_off is not None
            and v.signed_off.state in {"unsigned", "legacy", "untrusted"}
        ]

    @property
    def exit_code(self) -> int:
        return 1 if self.altered or self.unsigned else 0

    def latest(self) -> VersionReport | None:
        return self.versions[-1] if self.versions else None

    def trust(self) -> str:
        """The portfolio's trust in a few words (cohort lists)."""
        if self.altered:
            found = self.file_problems + self.audit_problems
            found += [p for v in self.versions for p in v.problems]
            found += [p for v in self.versions for r in v.records for p in r.problems]
            return "ALTERED: " + (found[0] if found else "see folio verify")
        latest = self.latest()
        if latest is None:
            return "not submitted"
        return latest.trust()


def verify(store: PortfolioStore, keystore: KeyStore | None = None) -> VerifyReport:
    """Check everything in the portfolio; read-only."""
    keystore = keystore or KeyStore()
    trusted = keystore.trusted()
    revocations = keystore.revocation_lists()
    report = VerifyReport(trusted_centres=len(trusted))
    with store.reading() as session:
        portfolio = session.get_one(Portfolio, store.portfolio_id)
        submissions = list(
            session.scalars(
                select(Submission)
                .where(Submission.portfolio_id == store.portfolio_id)
                .order_by(Submission.version)
            )
        )
        entries = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.portfolio_id == store.portfolio_id)
                .order_by(AuditEntry.id)
            )
        )
        report.audit_entries = len(entries)
        report.audit_problems += _audit_chain(entries)
        report.file_problems += _version_sequence(portfolio, submissions, entries)
        current = canonical_content(session.connection(), store.portfolio_id)
        for submission in submissions:
            version = _version(session, store, submission, portfolio, current, submissions)
            report.versions.append(version)
        _signatures(session, store, portfolio, submissions, report, entries, trusted, revocations)
    return report


# -- the learner's work -----------------------------------------------------------------------


def _version(
    session: Session,
    store: PortfolioStore,
    submission: Submission,
    portfolio: Portfolio,
    current: dict[str, Any],
    submissions: Sequence[Submission],
) -> VersionReport:
    report = VersionReport(submission.version, submission.digest)
    if digest(submission.snapshot_json) != submission.digest:
        report.problems.append("the stored snapshot does not match its digest")
    index = submissions.index(submission)
    expected_previous = submissions[index - 1].digest if index else ""
    if submission.previous_digest != expected_previous:
        report.problems.append("the link to the previous version's digest is broken")
    try:
        frozen = json.loads(submission.snapshot_json)
    except json.JSONDecodeError:
        frozen = None
    if not _is_content(frozen):
        report.problems.append("the stored snapshot cannot be read")
        return report
    for blob in frozen.get("evidence_blob", []):
        actual = _blob_hash(session, store, blob["sha256"])
        if actual is None:
            report.problems.append(f"evidence content {blob['sha256'][:12]} is missing")
        elif actual != blob["sha256"]:
            names = [
                f["original_name"]
                for f in frozen.get("evidence_file", [])
                if f["blob_sha256"] == blob["sha256"]
            ]
            report.problems.append(
                f"evidence file {', '.join(names) or blob['sha256'][:12]}: its content was altered"
            )
    is_current = submission is submissions[-1] and portfolio.status == "submitted"
    if is_current and current != frozen:
        report.problems += [f"{line} since submission" for line in differences(frozen, current)]
    return report


def _is_content(value: Any) -> bool:
    """Whether a stored snapshot has the shape of canonical content: table -> list of rows."""
    return isinstance(value, dict) and all(
        isinstance(rows, list) and all(isinstance(row, dict) for row in rows)
        for rows in value.values()
    )


def _blob_hash(session: Session, store: PortfolioStore, sha256: str) -> str | None:
    """SHA-256 of the bytes stored under ``sha256``, None when nothing is stored there."""
    if session.get(EvidenceBlob, sha256) is None:
        return None
    hasher = hashlib.sha256()
    with store.content_chunks(sha256) as chunks:
        for chunk in chunks:
            hasher.update(chunk)
    return hasher.hexdigest()


def _version_sequence(
    portfolio: Portfolio, submissions: Sequence[Submission], entries: Sequence[AuditEntry]
) -> list[str]:
    """Versions run 1, 2, 3 … with none missing, as the portfolio and audit trail say."""
    problems = []
    versions = [s.version for s in submissions]
    expected_count = portfolio.draft_version - (0 if portfolio.status == "submitted" else 1)
    for number in range(1, max([expected_count, *versions], default=0) + 1):
        if number not in versions:
            problems.append(f"the submission of version {number} is missing (deleted)")
    digests = {s.version: s.digest for s in submissions}
    for entry in entries:
        if entry.action != "submit":
            continue
        try:
            detail = json.loads(entry.detail)
        except json.JSONDecodeError:
            continue
        number = detail.get("version")
        if number in digests and detail.get("digest") != digests[number]:
            problems.append(
                f"version {number}'s digest differs from the one recorded when it was "
                f"submitted (audit entry #{entry.id})"
            )
        elif (
            number not in digests
            and f"the submission of version {number} is missing (deleted)" not in problems
        ):
            problems.append(
                f"the submission of version {number} recorded in audit entry #{entry.id} "
                "is missing (deleted)"
            )
    return problems


# -- the audit trail --------------------------------------------------------------------------


def _audit_chain(entries: Sequence[AuditEntry]) -> list[str]:
    if not entries:
        return ["the audit trail is empty (it was deleted)"]
    problems = []
    previous = ""
    for entry in entries:
        if entry.previous_hash != previous:
            problems.append(
                f"audit entries are missing or were reordered before entry #{entry.id} "
                f"({entry.action})"
            )
        expected = entry_hash(
            entry.previous_hash, entry.at, entry.actor, entry.action, entry.target, entry.detail
        )
        if entry.entry_hash != expected:
            problems.append(f"audit entry #{entry.id} ({entry.action}) was edited")
        previous = entry.entry_hash
    if entries[0].action != "create":
        problems.append("the audit trail's first entries are missing (no 'create' entry)")
    return problems[:6]


def _pinned_audit(entries: Sequence[AuditEntry], payload: dict[str, Any]) -> bool:
    """Whether the trail still holds, at the signed position, the head the signer saw."""
    audit = payload.get("audit") or {}
    count, head = audit.get("entries"), audit.get("head")
    if not isinstance(count, int) or count < 1 or count > len(entries):
        return False
    chain_ok = all(
        entries[i].previous_hash == (entries[i - 1].entry_hash if i else "")
        and entries[i].entry_hash
        == entry_hash(
            entries[i].previous_hash,
            entries[i].at,
            entries[i].actor,
            entries[i].action,
            entries[i].target,
            entries[i].detail,
        )
        for i in range(count)
    )
    return chain_ok and entries[count - 1].entry_hash == head


# -- signatures and decisions -----------------------------------------------------------------


def _signatures(
    session: Session,
    store: PortfolioStore,
    portfolio: Portfolio,
    submissions: Sequence[Submission],
    report: VerifyReport,
    entries: Sequence[AuditEntry],
    trusted: Sequence[Any],
    revocations: Any,
) -> None:
    signatures = list(
        session.scalars(
            select(RecordSignature)
            .where(RecordSignature.portfolio_id == store.portfolio_id)
            .order_by(RecordSignature.id)
        )
    )
    certificates = {
        c.sha256: c.der
        for c in session.scalars(
            select(StaffCertificate).where(StaffCertificate.portfolio_id == store.portfolio_id)
        )
    }
    by_version = {s.version: s for s in submissions}
    versions = {v.version: v for v in report.versions}
    checked: dict[int, RecordReport] = {}
    by_ref: dict[str, RecordSignature] = {records.signature_ref(s): s for s in signatures}
    for signature in signatures:
        record = RecordReport(signature.kind, signature.version, signature=signature)
        checked[signature.id] = record
        payload = parse_payload(signature)
        if payload is None or payload.get("format") != records.FORMAT:
            record.problems.append(
                f"{_label(signature)} #{signature.id}: the signed record cannot be read"
            )
            record.state = "altered"
            continue
        signed_at = _signed_at(payload)
        outcome = check_signature(
            signature.kind,
            signature.payload_json.encode("utf-8"),
            signature.signature,
            certificates.get(str(payload.get("certificate_sha256"))),
            signed_at or signature.signed_at,
            trusted,
            revocations,
        )
        record.signer, record.notes = outcome.signer, outcome.notes
        who = outcome.signer.name if outcome.signer else "an unknown signer"
        prefix = f"{_label(signature)} of version {signature.version} by {who}"
        record.problems += [f"{prefix}: {p}" for p in outcome.problems]
        if (
            signed_at is None
            or payload.get("kind") != signature.kind
            or signature.certificate_sha256 != payload.get("certificate_sha256")
            or signature.signed_at != signed_at
            or (outcome.signer is not None and signature.signer_name != outcome.signer.name)
        ):
            record.problems.append(f"{prefix}: the signed record does not match its row")
        submission = by_version.get(signature.version)
        if submission is None:
            record.problems.append(f"{prefix}: the version it signed is missing")
        else:
            record.problems += [
                f"{prefix}: {p}" for p in _compare_submission(payload, portfolio, submission)
            ]
        if not _pinned_audit(entries, payload):
            record.problems.append(
                f"{prefix}: the audit trail up to this signature was altered (entries "
                "deleted, edited or inserted)"
            )
        if outcome.untrusted and len(record.problems) == 1:
            record.state = "untrusted"
        elif record.problems:
            record.state = "altered"
        elif submission is not None and signature.version in versions:
            versions[signature.version].pinned_by = versions[signature.version].pinned_by or who
    for signature in signatures:  # references between records, once each is checked
        payload = parse_payload(signature) or {}
        if signature.kind in records.REFERRING_KINDS:
            referred = by_ref.get(str(payload.get("refers_to")))
            if (
                referred is None
                or referred.kind != "sign-off"
                or referred.version != signature.version
            ):
                checked[signature.id].problems.append(
                    f"{_label(signature)} of version {signature.version}: the sign-off it "
                    "refers to is missing"
                )
                checked[signature.id].state = "altered"
    for submission in submissions:
        version = versions[submission.version]
        paired = _decisions(session, submission, version, signatures, checked)
        _iqa_reports(session, submission, version, signatures, checked)
        version.records += [
            checked[s.id]
            for s in signatures
            if s.version == submission.version
            and s.id not in paired
            and checked[s.id].state == "altered"
        ]
        version.records += [
            checked[s.id]
            for s in signatures
            if s.version == submission.version
            and s.kind in {"countersign", "iqa-report"}
            and checked[s.id].verified
        ]
    for signature in signatures:
        if signature.version not in versions:
            report.file_problems += checked[signature.id].problems


def _decisions(
    session: Session,
    submission: Submission,
    version: VersionReport,
    signatures: Sequence[RecordSignature],
    checked: dict[int, RecordReport],
) -> set[int]:
    """Pair each decision on ``submission`` with its sign-off, oldest first, and say what
    the current one's trust is; returns the ids of the sign-offs paired."""
    decisions = list(
        session.scalars(
            select(AssessmentDecision)
            .where(AssessmentDecision.submission_id == submission.id)
            .order_by(AssessmentDecision.id)
        )
    )
    sign_offs = [s for s in signatures if s.kind == "sign-off" and s.version == submission.version]
    reopens = {
        str((parse_payload(s) or {}).get("refers_to")): s
        for s in signatures
        if s.kind == "reopen" and s.version == submission.version and checked[s.id].verified
    }
    judgements = _latest_judgements(session, submission)
    current = [d for d in decisions if d.reopened_at is None]
    if len(current) > 1:
        version.problems.append(
            f"version {submission.version} has {len(current)} current decisions"
        )
    signable = [d for d in decisions if not d.made_before_signatures]
    paired = dict(zip((d.id for d in signable), sign_offs, strict=False))
    for decision in decisions:
        signature = paired.get(decision.id)
        is_current = decision.reopened_at is None
        record = RecordReport("decision", submission.version)
        if signature is None:
            record.state = "legacy" if decision.made_before_signatures else "unsigned"
            if not is_current and not decision.made_before_signatures:
                record.state = "altered"
                record.problems.append(
                    f"decision {decision.decision} on version {submission.version} was "
                    "reopened, but the reopening was not signed"
                )
        else:
            checked_signature = checked[signature.id]
            record.signer, record.notes = checked_signature.signer, checked_signature.notes
            record.signature = signature
            record.problems += checked_signature.problems
            payload = parse_payload(signature) or {}
            facts = records.expected_facts(
                "sign-off",
                judgements if is_current else [],
                decision,
                None,
                {
                    key: value
                    for key, value in staff_records.signed_facts(
                        session, submission.portfolio_id, submission.version
                    ).items()
                    if key in payload
                }
                if is_current
                else None,
            )
            if not is_current:
                facts.pop("judgements", None)
                payload = {
                    k: v for k, v in payload.items() if k not in {"judgements", *SIGNED_RECORD_KEYS}
                }
            who = checked_signature.signer.name if checked_signature.signer else "its signer"
            record.problems += _compare_facts(payload, facts, submission.version, who)
            if not is_current and records.signature_ref(signature) not in reopens:
                record.problems.append(
                    f"the sign-off of version {submission.version} by {who} is marked "
                    "reopened, but no signed reopening voids it"
                )
            if checked_signature.state == "untrusted" and record.problems == (
                checked_signature.problems
            ):
                record.state = "untrusted"
            elif record.problems:
                record.state = "altered"
            else:
                checked_signature.state = "verified"
        if is_current:
            version.decision = decision.decision
            version.records.insert(0, record)
        elif record.state == "altered":
            version.records.append(record)
    for signature in sign_offs[len(signable) :]:
        checked[signature.id].problems.append(
            f"the decision signed in version {submission.version}'s sign-off is missing (deleted)"
        )
        checked[signature.id].state = "altered"
    return {s.id for s in paired.values()}


def _iqa_reports(
    session: Session,
    submission: Submission,
    version: VersionReport,
    signatures: Sequence[RecordSignature],
    checked: dict[int, RecordReport],
) -> None:
    """Pair each IQA report on ``submission`` with its signature, oldest first, and name
    every difference between the report as it is now and what the IQA signed."""
    reports = list(
        session.scalars(
            select(IqaReport)
            .where(
                IqaReport.portfolio_id == submission.portfolio_id,
                IqaReport.version == submission.version,
            )
            .order_by(IqaReport.id)
        )
    )
    signed = [s for s in signatures if s.kind == "iqa-report" and s.version == submission.version]
    labels = {
        "iqa": "the IQA's name",
        "sampled_on": "the sampling date",
        "sample_reason": "the reason for sampling",
        "agrees": "the IQA's agreement",
        "comments": "the comments",
        "action_points": "the action points",
    }
    for report, signature in zip(reports, signed, strict=False):
        record = checked[signature.id]
        who = record.signer.name if record.signer else "its signer"
        payload = (parse_payload(signature) or {}).get("iqa_report") or {}
        now = records.iqa_report_part(report)
        for key, value in now.items():
            if payload.get(key) != value:
                record.problems.append(
                    f"the IQA report on version {submission.version}: {labels[key]} "
                    f"('{value}') differs from what {who} signed ('{payload.get(key)}')"
                )
        if record.problems:
            record.state = "altered"
    for report in reports[len(signed) :]:
        version.problems.append(
            f"the IQA report by {report.iqa_name} on version {submission.version} is not "
            "signed (it was added outside Folio)"
        )
    for signature in signed[len(reports) :]:
        checked[signature.id].problems.append(
            f"the IQA report that {signature.signer_name} signed on version "
            f"{submission.version} is missing (deleted)"
        )
        checked[signature.id].state = "altered"


def _latest_judgements(session: Session, submission: Submission) -> list[Assessment]:
    latest: dict[str, Assessment] = {}
    for record in session.scalars(
        select(Assessment).where(Assessment.submission_id == submission.id).order_by(Assessment.id)
    ):
        latest[record.marking_point_id] = record
    return list(latest.values())


def _compare_submission(
    payload: dict[str, Any], portfolio: Portfolio, submission: Submission
) -> list[str]:
    problems = []
    if payload.get("portfolio") != records.portfolio_part(portfolio):
        signed = payload.get("portfolio") or {}
        problems.append(
            "it was made for another portfolio (learner "
            f"{signed.get('learner_name', '?')}, {signed.get('unit_id', '?')})"
            if signed.get("learner_name") != portfolio.learner_name
            else "the learner's details differ from those signed"
        )
    signed = payload.get("submission") or {}
    now = records.submission_part(submission)
    if signed.get("digest") != now["digest"]:
        problems.append(
            f"the submitted work differs from what was signed (signed digest "
            f"{str(signed.get('digest'))[:12]}, file {now['digest'][:12]})"
        )
    elif any(signed.get(k) != now[k] for k in now if k in signed) or set(signed) - set(now):
        # Records signed before a fact was added to the format do not carry it.
        changed = sorted(k for k in set(now) | set(signed) if signed.get(k) != now.get(k))
        changed = [k for k in changed if k in signed]
        problems.append(f"the submission's {', '.join(changed)} differ from those signed")
    return problems


def _compare_facts(
    payload: dict[str, Any], facts: dict[str, Any], version: int, who: str
) -> list[str]:
    """Name each difference between what was signed and the rows as they are now."""
    problems = []
    signed_decision = payload.get("decision") or {}
    labels = {
        "decision": "the decision",
        "action_points": "the action points",
        "assessor": "the deciding assessor",
        "signed_on": "the sign-off date",
    }
    for key, value in (facts.get("decision") or {}).items():
        if signed_decision.get(key) != value:
            problems.append(
                f"{labels.get(key, key)} on version {version} is '{value}', but {who} "
                f"signed '{signed_decision.get(key)}'"
            )
    if "judgements" in facts:
        signed = {j.get("marking_point"): j for j in payload.get("judgements") or []}
        now = {j["marking_point"]: j for j in facts["judgements"]}
        for point in sorted(set(signed) | set(now), key=str):
            short = str(point).rsplit(".", 1)[-1]
            if point not in now:
                problems.append(f"the judgement of {short} that {who} signed is missing")
            elif point not in signed:
                problems.append(f"a judgement of {short} was added after {who} signed")
            else:
                for key in sorted(now[point]):
                    if signed[point].get(key) != now[point][key]:
                        problems.append(
                            f"the judgement of {short} ({key.replace('_', ' ')}) differs from "
                            f"what {who} signed"
                        )
    for key, noun in SIGNED_RECORD_KEYS.items():
        if key not in facts:
            continue
        signed_rows = payload.get(key) or []
        now_rows = facts[key]
        missing = [r for r in signed_rows if r not in now_rows]
        added = [r for r in now_rows if r not in signed_rows]
        for entry in missing:
            method = str(entry.get("method", "")).replace("_", " ")
            what = f"{method} record" if key == "assessment_records" else noun
            day = next((v for k, v in entry.items() if k.endswith("_on") and v), "")
            when = f" of {day}" if day else ""
            problems.append(
                f"the {what}{when} that {who} signed on version {version} has been altered "
                "or removed"
            )
        if added and not missing:
            problems.append(
                f"{len(added)} {noun}(s) are marked as covered by version {version}'s "
                f"sign-off, but {who} did not sign them"
            )
    return problems


def _signed_at(payload: dict[str, Any]) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(payload.get("signed_at")), "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.UTC
        )
    except ValueError:
        return None


def _label(signature: RecordSignature) -> str:
    return KIND_LABELS.get(signature.kind, signature.kind)
