"""Submission, judgement, decision, reopening, countersignature and the IQA's report as store
operations.

Each is one transaction with its guard, its audit entry and a returned Change, like every
other edit. The rules that make a decision trustworthy live here, where the write happens:
competent only when every marking point is judged met; refer only with action points;
nothing changes after sign-off except through a reopen with a reason; a decision is signed
with a staff key in the same transaction that records it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import DomainError, InvalidInputError
from app.models import (
    Assessment,
    AssessmentDecision,
    AuditEntry,
    Declaration,
    IqaReport,
    Portfolio,
    RecordSignature,
    StaffCertificate,
    Submission,
    utc_now,
)
from app.store import staff_records
from app.trust import records

if TYPE_CHECKING:
    from app.store.service import Change, PortfolioStore
    from app.trust.keystore import Signer

JUDGEMENTS = ("met", "not-yet")
DECISIONS = ("competent", "refer")


def same_name(first: str, second: str) -> bool:
    """Names match ignoring case and spacing (a typed signature is not a font)."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _change(*args: Any, **kwargs: Any) -> Change:
    from app.store.service import Change

    return Change(*args, **kwargs)


def _row(obj: Any) -> dict[str, Any]:
    from app.store.service import row_values

    return row_values(obj)


class AssessmentRecords:
    """Mixed into PortfolioStore: the operations on submissions and assessment records."""

    # -- helpers ------------------------------------------------------------------------------

    def _current_submission(self: PortfolioStore, session: Session) -> Submission:
        portfolio = session.get_one(Portfolio, self.portfolio_id)
        latest = self._latest_submission(session)
        if latest is None:
            raise DomainError("nothing has been submitted yet")
        if portfolio.status != "submitted" or latest.version != portfolio.draft_version:
            raise DomainError(
                f"version {portfolio.draft_version} is a draft; only a submitted version "
                "can be assessed"
            )
        return latest

    def _latest_submission(self: PortfolioStore, session: Session) -> Submission | None:
        return session.scalars(
            select(Submission)
            .where(Submission.portfolio_id == self.portfolio_id)
            .order_by(Submission.version.desc())
            .limit(1)
        ).first()

    def _current_decision(
        self: PortfolioStore, session: Session, submission: Submission
    ) -> AssessmentDecision | None:
        return session.scalars(
            select(AssessmentDecision).where(
                AssessmentDecision.submission_id == submission.id,
                AssessmentDecision.reopened_at.is_(None),
            )
        ).first()

    def _judgements(
        self: PortfolioStore, session: Session, submission: Submission
    ) -> list[Assessment]:
        """The latest judgement of each marking point on ``submission``."""
        latest: dict[str, Assessment] = {}
        for record in session.scalars(
            select(Assessment)
            .where(Assessment.submission_id == submission.id)
            .order_by(Assessment.id)
        ):
            latest[record.marking_point_id] = record
        return list(latest.values())

    def audit_head(self: PortfolioStore, session: Session) -> tuple[int, str]:
        """How many entries the audit trail has, and the hash of the last one."""
        count = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.portfolio_id == self.portfolio_id)
        )
        head = session.scalar(
            select(AuditEntry.entry_hash)
            .where(AuditEntry.portfolio_id == self.portfolio_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        return int(count or 0), head or ""

    def _staff_name(self: PortfolioStore, signer: Signer | None) -> str:
        typed = self.actor.split(":", 1)[-1].strip() if ":" in self.actor else ""
        if signer is None:
            return typed or self.role
        name = signer.identity.name
        if typed and not same_name(typed, name):
            raise DomainError(f"the key is {name}'s, not {typed}'s")
        return name

    def _sign(
        self: PortfolioStore,
        session: Session,
        signer: Signer,
        kind: str,
        submission: Submission,
        decision: AssessmentDecision | None,
        referred: RecordSignature | None = None,
        **facts: Any,
    ) -> RecordSignature:
        """Sign a record of ``kind`` over the rows as they are in this transaction, and keep
        the signer's certificate in the file."""
        session.flush()
        now = utc_now()
        certificate = signer.certificate
        valid_now = certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc
        if not valid_now:
            raise DomainError(
                f"{signer.identity.name}'s certificate is not valid now "
                f"(valid {signer.certificate.not_valid_before_utc:%Y-%m-%d} to "
                f"{signer.certificate.not_valid_after_utc:%Y-%m-%d})"
            )
        portfolio = session.get_one(Portfolio, self.portfolio_id)
        payload = records.record(
            kind,
            portfolio,
            submission,
            self.audit_head(session),
            signer.fingerprint,
            now,
            **records.expected_facts(
                kind,
                self._judgements(session, submission),
                decision,
                referred,
                staff_records.signed_facts(session, self.portfolio_id, submission.version)
                if kind == "sign-off"
                else None,
            ),
            **facts,
        )
        data = records.canonical(payload)
        signature = RecordSignature(
            portfolio_id=self.portfolio_id,
            kind=kind,
            version=submission.version,
            signer_name=signer.identity.name,
            certificate_sha256=signer.fingerprint,
            signed_at=now,
            payload_json=data.decode("utf-8"),
            signature=signer.sign(data),
        )
        session.add(signature)
        known = session.scalar(
            select(StaffCertificate.id).where(
                StaffCertificate.portfolio_id == self.portfolio_id,
                StaffCertificate.sha256 == signer.fingerprint,
            )
        )
        if known is None:
            from app.trust import pki  # cryptography: loaded where a certificate is at hand

            for certificate in (signer.certificate, *signer.chain):
                if (
                    session.scalar(
                        select(StaffCertificate.id).where(
                            StaffCertificate.portfolio_id == self.portfolio_id,
                            StaffCertificate.sha256 == pki.fingerprint(certificate),
                        )
                    )
                    is None
                ):
                    session.add(
                        StaffCertificate(
                            portfolio_id=self.portfolio_id,
                            sha256=pki.fingerprint(certificate),
                            der=pki.der(certificate),
                            subject=certificate.subject.rfc4514_string(),
                        )
                    )
        session.flush()
        return signature

    def _signature_of(
        self: PortfolioStore, session: Session, kind: str, submission: Submission
    ) -> RecordSignature | None:
        return session.scalars(
            select(RecordSignature)
            .where(
                RecordSignature.portfolio_id == self.portfolio_id,
                RecordSignature.kind == kind,
                RecordSignature.version == submission.version,
            )
            .order_by(RecordSignature.id.desc())
            .limit(1)
        ).first()

    # -- operations ---------------------------------------------------------------------------

    def submit_version(
        self: PortfolioStore,
        name: str,
        on: dt.date,
        missing: int,
        total: int,
        incomplete_reason: str = "",
    ) -> Change:
        """Sign the declaration and freeze the content as the next version, in one commit."""
        from app.workflow.snapshot import canonical_content, canonical_json, digest

        name, reason = name.strip(), incomplete_reason.strip()
        if not name:
            raise InvalidInputError("type your name to confirm the declaration of authenticity")
        if missing and not reason:
            raise DomainError(
                f"{missing} of {total} marking points are not met; submit anyway "
                "only with a reason (--incomplete-reason)"
            )
        with self._change("learner") as session:
            portfolio = session.get_one(Portfolio, self.portfolio_id)
            if not same_name(name, portfolio.learner_name):
                raise InvalidInputError(
                    f"the typed signature '{name}' is not the learner's name on record "
                    f"('{portfolio.learner_name}')"
                )
            declaration = session.scalars(
                select(Declaration).where(Declaration.portfolio_id == self.portfolio_id)
            ).one()
            declaration.signed_name, declaration.signed_on = name, on
            self._audit(session, "sign", "declaration", {"signed_name": name, "signed_on": on})
            session.flush()
            previous = self._latest_submission(session)
            snapshot = canonical_json(canonical_content(session.connection(), self.portfolio_id))
            submission = Submission(
                portfolio_id=self.portfolio_id,
                version=portfolio.draft_version,
                submitted_by=name,
                declared_on=on,
                incomplete_reason=reason,
                digest=digest(snapshot),
                previous_digest=previous.digest if previous else "",
                snapshot_json=snapshot,
            )
            session.add(submission)
            portfolio.status = "submitted"
            portfolio.submitted_on = on
            session.flush()
            self._audit(
                session,
                "submit",
                f"submission:{submission.id}",
                {
                    "version": submission.version,
                    "digest": submission.digest,
                    "incomplete_reason": reason,
                },
            )
            after = _row(submission)
        return _change("submit", "submission", submission.id, None, after)

    def start_draft(self: PortfolioStore) -> Change:
        """Unfreeze the content as the next version; earlier submissions stay as they were."""
        with self._change("none") as session:
            portfolio = session.get_one(Portfolio, self.portfolio_id)
            if self.role != "learner":
                raise DomainError("only the learner can start a new draft")
            if portfolio.status != "submitted":
                raise DomainError(f"version {portfolio.draft_version} is already a draft")
            before = portfolio.draft_version
            portfolio.status = "draft"
            portfolio.draft_version += 1
            portfolio.submitted_on = None
            self._audit(session, "new-draft", "portfolio", {"version": portfolio.draft_version})
            after = portfolio.draft_version
        return _change(
            "new-draft", "portfolio", self.portfolio_id, {"version": before}, {"version": after}
        )

    def record_judgement(
        self: PortfolioStore, marking_point_id: str, judgement: str, feedback: str = ""
    ) -> Change:
        """The assessor's judgement of one marking point of the submitted version. Needs no
        key: judgements are provisional until the decision is signed."""
        if judgement not in JUDGEMENTS:
            raise InvalidInputError(f"judgement must be one of: {', '.join(JUDGEMENTS)}")
        marking_point_id = self._marking_point(marking_point_id)
        with self._change("assessor") as session:
            submission = self._current_submission(session)
            if self._current_decision(session, submission) is not None:
                raise DomainError(
                    f"version {submission.version} is signed off; reopen it (with a reason) "
                    "to change a judgement"
                )
            record = Assessment(
                portfolio_id=self.portfolio_id,
                submission_id=submission.id,
                marking_point_id=marking_point_id,
                judgement=judgement,
                feedback=feedback,
                assessor_name=self._staff_name(None),
                snapshot_digest=submission.digest,
            )
            session.add(record)
            session.flush()
            self._audit(
                session,
                "assess",
                f"assessment:{record.id}",
                {
                    "marking_point": marking_point_id,
                    "judgement": judgement,
                    "version": submission.version,
                },
            )
            after = _row(record)
        return _change("assess", "assessment", record.id, None, after)

    def _marking_point(self: PortfolioStore, marking_point_id: str) -> str:
        unit = self.unit()
        if marking_point_id in {p.id for p in unit.marking_points}:
            return marking_point_id
        short = {p.short_id: p.id for p in unit.marking_points}
        if marking_point_id not in short:
            raise InvalidInputError(f"'{marking_point_id}' is not a marking point of this unit")
        return short[marking_point_id]

    def record_decision(
        self: PortfolioStore,
        decision: str,
        action_points: str,
        signer: Signer | None,
        on: dt.date | None = None,
    ) -> Change:
        """Sign off the submitted version: the decision, with every judgement, signed."""
        if decision not in DECISIONS:
            raise InvalidInputError(f"decision must be one of: {', '.join(DECISIONS)}")
        action_points = action_points.strip()
        if decision == "refer" and not action_points:
            raise InvalidInputError("a referral needs action points saying what to do next")
        with self._change("assessor") as session:
            if signer is None:
                raise DomainError(
                    "signing off needs your staff key (install it with 'folio key add'); "
                    "judgements can be recorded without one"
                )
            if signer.identity.role != "assessor":
                raise DomainError(f"{signer.identity.name}'s certificate is not an assessor's")
            submission = self._current_submission(session)
            if self._current_decision(session, submission) is not None:
                raise DomainError(f"version {submission.version} is already signed off")
            judged = {j.marking_point_id: j for j in self._judgements(session, submission)}
            points = self.unit().marking_points
            unjudged = [p.short_id for p in points if p.id not in judged]
            if decision == "competent":
                if unjudged:
                    raise DomainError(
                        f"only {len(points) - len(unjudged)} of {len(points)} marking points "
                        f"are judged ({', '.join(unjudged)} not yet)"
                    )
                not_met = [p.short_id for p in points if judged[p.id].judgement != "met"]
                if not_met:
                    raise DomainError(
                        f"competent needs every marking point met; {', '.join(not_met)} "
                        "judged not yet met (refer, with action points)"
                    )
            record = AssessmentDecision(
                portfolio_id=self.portfolio_id,
                submission_id=submission.id,
                decision=decision,
                action_points=action_points,
                assessor_name=self._staff_name(signer),
                signed_on=on or dt.date.today(),
                snapshot_digest=submission.digest,
            )
            session.add(record)
            session.flush()
            locked = staff_records.lock(session, self.portfolio_id, submission.version)
            signature = self._sign(session, signer, "sign-off", submission, record)
            self._audit(
                session,
                "sign-off",
                f"assessment_decision:{record.id}",
                {
                    "decision": decision,
                    "version": submission.version,
                    "records_locked": locked,
                    "signature": records.signature_ref(signature),
                },
            )
            after = _row(record)
        return _change("sign-off", "assessment_decision", record.id, None, after)

    def reopen_decision(self: PortfolioStore, reason: str, signer: Signer | None) -> Change:
        """Void the sign-off of the submitted version, saying why; judgements and the
        decision can then change and be signed again."""
        reason = reason.strip()
        if not reason:
            raise InvalidInputError("reopening a decision needs a reason")
        with self._change("staff") as session:
            submission = self._current_submission(session)
            decision = self._current_decision(session, submission)
            if decision is None:
                raise DomainError(f"version {submission.version} is not signed off")
            sign_off = self._signature_of(session, "sign-off", submission)
            if sign_off is not None and signer is None:
                raise DomainError("the sign-off is signed; reopening it needs your staff key")
            before = _row(decision)
            decision.reopened_at = utc_now()
            decision.reopen_reason = reason
            reference = ""
            if signer is not None:
                name = self._staff_name(signer)
                signature = self._sign(
                    session, signer, "reopen", submission, decision, sign_off, reason=reason
                )
                reference = records.signature_ref(signature)
            else:
                name = self._staff_name(None)
            self._audit(
                session,
                "reopen",
                f"assessment_decision:{decision.id}",
                {
                    "version": submission.version,
                    "reason": reason,
                    "by": name,
                    "signature": reference,
                },
            )
            after = _row(decision)
        return _change("reopen", "assessment_decision", decision.id, before, after)

    def countersign(self: PortfolioStore, comment: str, signer: Signer | None) -> Change:
        """The IQA's countersignature of the signed-off decision (internal quality assurance)."""
        with self._change("staff") as session:
            if signer is None:
                raise DomainError("countersigning needs your staff key (folio key add)")
            if signer.identity.role != "iqa":
                raise DomainError(f"{signer.identity.name}'s certificate is not an IQA's")
            submission = self._current_submission(session)
            decision = self._current_decision(session, submission)
            sign_off = self._signature_of(session, "sign-off", submission)
            if decision is None or sign_off is None:
                raise DomainError(
                    f"version {submission.version} has no signed decision to countersign"
                )
            self._staff_name(signer)
            signature = self._sign(
                session,
                signer,
                "countersign",
                submission,
                decision,
                sign_off,
                comment=comment.strip(),
            )
            self._audit(
                session,
                "countersign",
                f"record_signature:{signature.id}",
                {"version": submission.version, "comment": comment.strip()},
            )
            after = _row(signature)
        return _change("countersign", "record_signature", signature.id, None, after)

    def record_iqa_report(
        self: PortfolioStore,
        agrees: bool,
        comments: str,
        action_points: str,
        sample_reason: str,
        signer: Signer | None,
        on: dt.date | None = None,
    ) -> Change:
        """The IQA's report on the sampled, signed-off version: whether they agree with the
        assessor's decision, their comments and, when they disagree, action points for the
        assessor. Signed with the IQA's key over the report and the sign-off it reviews, so
        it is also the IQA's countersignature of that decision (one signed act)."""
        comments, action_points = comments.strip(), action_points.strip()
        sample_reason = " ".join(sample_reason.split())
        if not agrees and not action_points:
            raise InvalidInputError(
                "a report that disagrees with the decision needs action points for the assessor"
            )
        if not comments:
            raise InvalidInputError("an IQA report needs comments on what was sampled")
        with self._change("staff") as session:
            if self.role != "iqa":
                raise DomainError("only an IQA can write an IQA report")
            if signer is None:
                raise DomainError(
                    "an IQA report is signed: it needs your staff key (folio key add)"
                )
            if signer.identity.role != "iqa":
                raise DomainError(f"{signer.identity.name}'s certificate is not an IQA's")
            submission = self._current_submission(session)
            decision = self._current_decision(session, submission)
            sign_off = self._signature_of(session, "sign-off", submission)
            if decision is None or sign_off is None:
                raise DomainError(
                    f"version {submission.version} has no signed decision for an IQA to review"
                )
            reviewed = records.signature_ref(sign_off)
            for earlier in session.scalars(
                select(RecordSignature).where(
                    RecordSignature.portfolio_id == self.portfolio_id,
                    RecordSignature.kind == "iqa-report",
                    RecordSignature.version == submission.version,
                )
            ):
                if (parse_payload(earlier) or {}).get("refers_to") == reviewed:
                    raise DomainError(
                        f"{earlier.signer_name} has already reported on the sign-off of "
                        f"version {submission.version}"
                    )
            report = IqaReport(
                portfolio_id=self.portfolio_id,
                version=submission.version,
                iqa_name=self._staff_name(signer),
                sampled_on=on or dt.date.today(),
                sample_reason=sample_reason,
                agrees=agrees,
                comments=comments,
                action_points=action_points,
            )
            session.add(report)
            session.flush()
            signature = self._sign(
                session,
                signer,
                "iqa-report",
                submission,
                decision,
                sign_off,
                iqa_report=records.iqa_report_part(report),
            )
            self._audit(
                session,
                "iqa-report",
                f"iqa_report:{report.id}",
                {
                    "version": submission.version,
                    "agrees": agrees,
                    "sample_reason": sample_reason,
                    "signature": records.signature_ref(signature),
                },
            )
            after = _row(report)
        return _change("iqa-report", "iqa_report", report.id, None, after)


def parse_payload(signature: RecordSignature) -> dict[str, Any] | None:
    try:
        payload = json.loads(signature.payload_json)
    except json.JSONDecodeError:
        return None
    return payload if isinstance(payload, dict) else None
