"""The assessment forms of an export: the learner and centre details, the witness list, the
assessment plan and its reviews, each assessment record, the evidence location sheet, the
unit's assessment and verification declaration and the summary of achievement.

They are what an external quality assurer reads beside the learner's work: who assessed what,
how, when, where each piece of evidence is, and who decided. The checker's status is never
shown as a decision; the assessor's judgements come from the submitted version only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from app.export.model import (
    Block,
    Fields,
    Heading,
    PageRef,
    Paragraph,
    Section,
    SignatureLines,
)
from app.export.text import clean, shorten
from app.formatting import long_date
from app.models import KINDS
from app.models.vocab import ASSESSMENT_METHODS, PLAN_STATUSES, RECORD_OUTCOMES, label

if TYPE_CHECKING:
    from app.export.builder import DocumentBuilder

PRODUCT = "Product evidence"
UNCHECKED = "signature not checked"


def _numeric(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _yes(value: bool | None, unknown: str = "Not yet answered") -> str:
    return unknown if value is None else ("Yes" if value else "No")


def _record(builder: DocumentBuilder, item_id: int) -> Any:
    return builder.item_of("assessment_record", item_id)


def method_of(builder: DocumentBuilder, kind: str, item_id: int) -> str:
    """The method an item of evidence comes from: a record's own method; the learner's own
    work is product evidence."""
    if kind == "assessment_record":
        record = _record(builder, item_id)
        return label(ASSESSMENT_METHODS, record.method) if record is not None else ""
    return PRODUCT


def methods_for(builder: DocumentBuilder, support: Iterable[tuple[str, int]]) -> str:
    methods = dict.fromkeys(method_of(builder, kind, item_id) for kind, item_id in support)
    return ", ".join(method for method in methods if method)


def _judgements(builder: DocumentBuilder) -> dict[str, Any]:
    submission = builder.portfolio.current_submission
    return builder.portfolio.judgements_for(submission) if submission is not None else {}


def assessor_verdict(builder: DocumentBuilder, marking_point_id: str) -> str:
    """The assessor's judgement of a point on the submitted version, or that there is none."""
    record = _judgements(builder).get(marking_point_id)
    if record is None:
        return "Not yet judged"
    verdict = "Met" if record.judgement == "met" else "Not yet met"
    return f"{verdict}, {long_date(record.assessed_at.date())}"


# -- learner and centre details ------------------------------------------------------------


def details(builder: DocumentBuilder) -> Section:
    p = builder.portfolio
    rows = (
        ("Learner", clean(p.learner_name)),
        ("Registration number", clean(p.registration_number)),
        ("Candidate / enrolment number", clean(p.candidate_number)),
        ("Centre", clean(p.centre_name)),
        ("Centre number", clean(p.centre_number)),
        ("Assessor", clean(p.assessor_name)),
        ("Workplace / employer", clean(p.workplace)),
        ("Employer contact", clean(p.employer_contact)),
        ("Qualification", builder.qualification()),
        ("Unit", builder.unit_name()),
        ("Level", clean(builder.unit.level)),
        ("Start date", long_date(p.started_on)),
        ("Due date", long_date(p.submission_due_on)),
    )
    return Section(
        "Learner and centre details",
        "learner-details",
        (Fields(tuple((k, v or "—") for k, v in rows)),),
    )


# -- witnesses --------------------------------------------------------------------------------


def witnesses(builder: DocumentBuilder) -> Section:
    """Every witness named in the records, once, with the records they gave."""
    found: dict[str, tuple[Any, list[str]]] = {}
    for record in builder.portfolio.records:
        name = clean(record.witness_name).strip()
        if not name:
            continue
        entry = found.setdefault(name.casefold(), (record, []))
        entry[1].append(builder.ref("assessment_record", record.id))
    blocks: list[Block] = [
        Paragraph(
            "Everyone who gave a witness testimony or took part in an assessment as a witness, "
            "so their status can be confirmed. An expert witness holds occupational expertise "
            "in the area assessed.",
            "small",
        )
    ]
    if not found:
        blocks.append(Paragraph("No witnesses are named in the assessment records.", "muted"))
    else:
        blocks.append(
            builder.table(
                ("Witness", "Role", "Relationship to learner", "Contact", "Expert", "Records"),
                tuple(
                    (
                        clean(first.witness_name),
                        clean(first.witness_role),
                        clean(first.witness_relationship),
                        clean(first.witness_contact),
                        "expert witness: " + ("yes" if first.expert_witness else "no"),
                        ", ".join(codes),
                    )
                    for first, codes in found.values()
                ),
                (1.7, 1.5, 1.6, 3.0, 1.4, 1.1),
            )
        )
    return Section("Witness status list", "witnesses", tuple(blocks))


# -- plan and reviews -------------------------------------------------------------------------


def plan_and_reviews(builder: DocumentBuilder) -> Section:
    p = builder.portfolio
    blocks: list[Block] = [Heading("Assessment plan", 2, "assessment-plan")]
    if not p.plan_activities:
        blocks.append(Paragraph("No assessment activities have been planned.", "muted"))
    else:
        blocks.append(
            builder.table(
                ("Ref", "Activity", "Method", "Planned", "Who takes part", "MPs", "Status"),
                tuple(
                    (
                        builder.ref("plan_activity", a.id),
                        clean(a.activity),
                        label(ASSESSMENT_METHODS, a.method),
                        _numeric(a.planned_on),
                        clean(a.involved),
                        ", ".join(a.points) or "—",
                        label(PLAN_STATUSES, a.status),
                    )
                    for a in p.plan_activities
                ),
                (0.75, 3.35, 1.5, 1.45, 2.0, 0.9, 1.1),
            )
        )
    blocks.append(Heading("Reviews of progress", 2, "assessment-reviews"))
    if not p.reviews:
        blocks.append(Paragraph("No review has been held yet.", "muted"))
    for review in p.reviews:
        blocks += _review(builder, review)
    return Section("Assessment plan and reviews", "assessment-plan-reviews", tuple(blocks))


def _signed(name: str, on: dt.date | None) -> str:
    name = clean(name).strip()
    return f"{name}, {long_date(on)}" if name and on else ""


def _review(builder: DocumentBuilder, review: Any) -> list[Block]:
    code = builder.ref("assessment_review", review.id)
    anchor = builder.place("assessment_review", review.id, f"review-{review.id}")
    employer = _signed(review.employer_name, review.employer_signed_on)
    return [
        Heading(f"{code} Review of {long_date(review.reviewed_on) or 'an undated day'}", 3, anchor),
        Fields(
            (
                ("Date of review", long_date(review.reviewed_on)),
                ("Progress since the last review", builder.cell(review.progress, code)),
                ("Assessor's feedback", builder.cell(review.feedback, code)),
                ("Next targets", builder.cell(review.next_targets, code)),
                ("Next review", long_date(review.next_review_on) or "—"),
                ("Learner's response", builder.cell(review.learner_response, code) or "—"),
                ("Learner accepts the feedback", _yes(review.learner_accepts)),
            )
        ),
        SignatureLines(
            (
                (
                    "Learner (name, date)",
                    _signed(review.learner_signed_name, review.learner_signed_on),
                ),
                (
                    "Assessor (name, date)",
                    _signed(review.assessor_signed_name, review.assessor_signed_on),
                ),
                ("Employer (name, date)", employer),
            )
        ),
    ]


# -- assessment records -----------------------------------------------------------------------


def records(builder: DocumentBuilder) -> Section | None:
    p = builder.portfolio
    if not p.records:
        return Section(
            "Assessment records",
            "assessment-records",
            (Paragraph("No assessment has been recorded yet.", "muted"),),
        )
    questions: dict[int, list[Any]] = {}
    for question in p.record_questions:
        questions.setdefault(question.record_id, []).append(question)
    blocks: list[Block] = []
    for record in p.records:
        blocks += _record_form(builder, record, questions.get(record.id, []))
    return Section("Assessment records", "assessment-records", tuple(blocks))


def _witness_rows(record: Any) -> list[tuple[str, str]]:
    if not clean(record.witness_name).strip():
        return []
    return [
        ("Witness", clean(record.witness_name)),
        ("Witness's role", clean(record.witness_role)),
        ("Relationship to learner", clean(record.witness_relationship)),
        ("Witness's contact", clean(record.witness_contact)),
        ("Expert witness", "Yes" if record.expert_witness else "No"),
    ]


def _record_form(builder: DocumentBuilder, record: Any, asked: list[Any]) -> list[Block]:
    code = builder.ref("assessment_record", record.id)
    method = label(ASSESSMENT_METHODS, record.method)
    anchor = builder.place("assessment_record", record.id, f"record-{record.id}")
    recorder = "Learner (collected from the witness)" if record.recorded_by == "learner" else ""
    recorder = (
        recorder or f"Assessor{': ' + clean(record.assessor_name) if record.assessor_name else ''}"
    )
    head = [
        ("Reference", code),
        ("Method", method),
        ("Date", long_date(record.held_on)),
        ("Location", clean(record.location)),
        ("Recorded by", recorder),
    ]
    body = [
        ("Activity", builder.cell(record.activity, code) or "—"),
        ("Account", builder.cell(record.account, code) or "—"),
    ]
    blocks: list[Block] = [
        Heading(f"{code} {method}, {long_date(record.held_on) or 'undated'}", 2, anchor),
        Fields(tuple(head + _witness_rows(record) + body)),
    ]
    if asked:
        blocks.append(
            builder.table(
                ("Q", "Question", "Learner's answer", "Outcome"),
                tuple(
                    (
                        f"Q{number}",
                        clean(q.question),
                        clean(q.answer),
                        label(RECORD_OUTCOMES, q.outcome),
                    )
                    for number, q in enumerate(asked, start=1)
                ),
                (0.6, 3.3, 4.9, 1.65),
                f"Questions asked, {code}",
            )
        )
    evidence = ""
    if record.evidence_file_id is not None:
        file = next(
            (f for f in builder.portfolio.evidence_files if f.id == record.evidence_file_id), None
        )
        if file is not None:
            evidence = f"{builder.ref('evidence_file', file.id)} {clean(file.original_name)}"
    tail = [
        ("Assessor's judgement", builder.cell(record.judgement, code) or "Not yet judged"),
        ("Outcome", label(RECORD_OUTCOMES, record.outcome)),
        ("Marking points", ", ".join(record.points) or "—"),
        ("Evidence file", evidence or "—"),
    ]
    if record.learner_comment:
        tail.append(("Learner's comment", builder.cell(record.learner_comment, code)))
    if record.locked_version is not None:
        tail.append(
            ("Locked", f"relied on by the signed decision on version {record.locked_version}")
        )
    blocks.append(Fields(tuple(tail)))
    return blocks


# -- evidence location ------------------------------------------------------------------------


def _what(builder: DocumentBuilder, kind: str, item_id: int) -> str:
    spec = KINDS[kind]
    item = builder.item_of(kind, item_id)
    if item is None:
        return spec.noun
    if kind == "evidence_file":
        name = clean(item.title) or clean(item.original_name)
        return f"Evidence file: {shorten(name, 90)}"
    if kind == "assessment_record":
        return f"{label(ASSESSMENT_METHODS, item.method)}: {shorten(clean(item.activity), 80)}"
    headline = clean(str(getattr(item, spec.headline, "") or ""))
    return f"{spec.noun[:1].upper()}{spec.noun[1:]}: {shorten(headline, 80)}".rstrip(": ")


def evidence_location(builder: DocumentBuilder) -> Section:
    """Per marking point, each piece of evidence, its method and the page it is on. Built
    after every other section, so each item's anchor is known."""
    rows = []
    for point in builder.result.points:
        for kind, item_id in point.support:
            code = builder.ref(kind, item_id)
            if not code:
                continue
            rows.append(
                (
                    point.short_id,
                    code,
                    _what(builder, kind, item_id),
                    method_of(builder, kind, item_id),
                    PageRef(builder.anchor_of(kind, item_id)),
                )
            )
    blocks: list[Block] = [
        Paragraph(
            "Where each piece of evidence for each marking point is in this document. In the "
            "PDF the page is the printed page number; in the Word copy the page numbers are "
            "fields that update when the document is opened (or on Update field); in the web "
            "copy each entry is a link.",
            "small",
        )
    ]
    if rows:
        blocks.append(
            builder.table(
                ("MP", "Ref", "Evidence", "Method", "Page"), rows, (0.6, 0.7, 5.4, 2.1, 0.8)
            )
        )
    else:
        blocks.append(Paragraph("No evidence is mapped to the marking points yet.", "muted"))
    return Section("Evidence location sheet", "evidence-location", tuple(blocks))


# -- declaration and summary ------------------------------------------------------------------


def unit_declaration(builder: DocumentBuilder) -> Section:
    p = builder.portfolio
    declaration = p.declaration
    signed = declaration is not None and declaration.is_signed
    submission = p.current_submission
    decision = p.decision_for(submission) if submission is not None else None
    signature = ""
    if decision is not None and submission is not None:
        signature = clean(builder.trust.get(submission.version, UNCHECKED))
    blocks: list[Block] = [
        Heading("Learner", 2, "unit-declaration-learner"),
        Paragraph(
            "I confirm that the evidence in this portfolio is my own work and that the "
            "assessment records show what I did.",
            "small",
        ),
        SignatureLines(
            (
                ("Learner's name (typed)", clean(declaration.signed_name) if signed else ""),
                ("Date", long_date(declaration.signed_on) if signed else ""),
            )
        ),
        Heading("Assessor", 2, "unit-declaration-assessor"),
        SignatureLines(
            (
                ("Decision", decision.decision.title() if decision else ""),
                ("Assessor's name", clean(decision.assessor_name) if decision else ""),
                ("Date", long_date(decision.signed_on) if decision else ""),
                ("Staff key signature", signature),
            )
        ),
    ]
    if signature and not signature.startswith("signed by"):
        blocks.append(Paragraph(f"This decision is {signature}.", "warning"))
    blocks += _iqa(builder, submission)
    return Section(
        "Unit assessment and verification declaration", "unit-declaration", tuple(blocks)
    )


def _iqa(builder: DocumentBuilder, submission: Any) -> list[Block]:
    reports = builder.portfolio.iqa_reports
    if submission is not None:
        reports = [r for r in reports if r.version == submission.version] or reports
    report = reports[-1] if reports else None
    blocks: list[Block] = [Heading("Internal quality assurance", 2, "unit-declaration-iqa")]
    if report is None:
        blocks.append(Paragraph("This portfolio has not been sampled.", "muted"))
    rows = (
        ("IQA's name", clean(report.iqa_name) if report else ""),
        ("Date sampled", long_date(report.sampled_on) if report else ""),
        ("Version sampled", str(report.version) if report else ""),
        ("Why sampled", clean(report.sample_reason) if report else ""),
        (
            "Agrees with the assessor's decision",
            ("Agree" if report.agrees else "Disagree") if report else "Agree  /  Disagree",
        ),
        ("Comments", builder.cell(report.comments, "IQA report") if report else ""),
        ("Action points", builder.cell(report.action_points, "IQA report") if report else ""),
    )
    blocks.append(SignatureLines(rows))
    return blocks


def summary(builder: DocumentBuilder) -> Section:
    judged = _judgements(builder)
    rows = []
    for point in builder.result.points:
        record = judged.get(point.marking_point_id)
        verdict = "" if record is None else ("Met" if record.judgement == "met" else "Not yet met")
        rows.append(
            (
                point.short_id,
                clean(point.text),
                verdict or "Not yet judged",
                long_date(record.assessed_at.date()) if record is not None else "",
                methods_for(builder, point.support) or "—",
            )
        )
    p = builder.portfolio
    submission = p.current_submission
    decision = p.decision_for(submission) if submission is not None else None
    return Section(
        "Summary of achievement",
        "summary",
        (
            builder.table(
                ("MP", "Marking point", "Assessor's judgement", "Date judged", "Methods used"),
                rows,
                (0.75, 4.45, 1.6, 1.3, 2.3),
            ),
            Fields(
                (
                    (
                        "Overall decision",
                        decision.decision.title() if decision else "Not yet decided",
                    ),
                    ("Date", long_date(decision.signed_on) if decision else ""),
                )
            ),
        ),
    )
