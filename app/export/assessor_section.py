"""The assessor's section of an export: judgements, decision and sign-off of the version
being assessed, with the trust ``verify`` found in each; earlier versions as history.

A new draft shows empty boxes: an earlier version's sign-off is history, never the current
decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from app.export.model import Block, Heading, Paragraph, Section, SignatureLines
from app.export.text import clean
from app.formatting import long_date

if TYPE_CHECKING:
    from app.export.builder import DocumentBuilder

UNCHECKED = "signature not checked"


def assessor(builder: DocumentBuilder, trust: Mapping[int, str]) -> Section:
    portfolio = builder.portfolio
    submission = portfolio.current_submission
    judged = portfolio.judgements_for(submission) if submission is not None else {}
    decision = portfolio.decision_for(submission) if submission is not None else None
    rows = []
    for point in builder.result.points:
        record = judged.get(point.marking_point_id)
        if record is None:
            rows.append((point.short_id, "Met  /  Not yet met", ""))
        else:
            verdict = "Met" if record.judgement == "met" else "Not yet met"
            rows.append(
                (
                    point.short_id,
                    f"{verdict}\n{clean(record.assessor_name)}, "
                    f"{long_date(record.assessed_at.date())}",
                    clean(record.feedback),
                )
            )
    blocks: list[Block] = []
    if submission is None:
        if portfolio.submissions:
            blocks.append(
                Paragraph(
                    f"Version {portfolio.draft_version} is a draft: it has not been submitted "
                    "or assessed. Earlier versions are listed below as history.",
                    "warning",
                )
            )
        else:
            blocks.append(Paragraph("To be completed by the assessor.", "muted"))
    else:
        blocks.append(
            Paragraph(
                f"Version {submission.version}, submitted "
                f"{long_date(submission.submitted_at.date())} by "
                f"{clean(submission.submitted_by)}; SHA-256 {submission.digest}.",
                "small",
            )
        )
        if submission.incomplete_reason:
            blocks.append(
                Paragraph(
                    "Submitted with marking points not met: " + clean(submission.incomplete_reason),
                    "warning",
                )
            )
    new_draft = submission is None and bool(portfolio.submissions)
    expected_assessor = "" if new_draft else clean(portfolio.assessor_name)
    signature = ""
    if decision is not None and submission is not None:
        signature = clean(trust.get(submission.version, UNCHECKED))
    blocks += [
        builder.table(
            ("MP", "Judgement", "Feedback"),
            rows,
            (0.7, 2.3, 7.4),
            min_row_height=0 if judged else 1.6,
        ),
        Heading("Overall decision", 2, "assessor-decision"),
        SignatureLines(
            (
                ("Decision (competent / refer)", decision.decision.title() if decision else ""),
                (
                    "Action points for resubmission",
                    clean(decision.action_points) if decision else "",
                ),
            )
        ),
        Heading("Sign-off", 2, "assessor-sign-off"),
        SignatureLines(
            (
                (
                    "Assessor name",
                    clean(decision.assessor_name) if decision else expected_assessor,
                ),
                ("Signature", signature),
                ("Date", long_date(decision.signed_on) if decision else ""),
            )
        ),
    ]
    if signature and not signature.startswith("signed by"):
        blocks.append(Paragraph(f"This decision is {signature}.", "warning"))
    blocks += _history(builder, trust, current=submission)
    return Section("Assessor's judgement", "assessor", tuple(blocks))


def _history(builder: DocumentBuilder, trust: Mapping[int, str], current) -> list[Block]:  # type: ignore[no-untyped-def]
    portfolio = builder.portfolio
    rows = []
    for submission in portfolio.submissions:
        if submission is current:
            continue
        for decision in (d for d in portfolio.decisions if d.submission_id == submission.id):
            state = (
                f"reopened: {clean(decision.reopen_reason)}"
                if decision.reopened_at is not None
                else clean(trust.get(submission.version, UNCHECKED))
            )
            rows.append(
                (
                    str(submission.version),
                    f"{decision.decision.title()}, {clean(decision.assessor_name)}, "
                    f"{long_date(decision.signed_on)}",
                    state,
                )
            )
    if not rows:
        return []
    return [
        Heading("Earlier decisions (history)", 2, "assessor-history"),
        builder.table(("Version", "Decision", "Signature"), rows, (1.2, 4.2, 5.0)),
    ]
