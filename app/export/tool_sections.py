"""Export sections of the structured tools: each a diagram (where the tool has one) and the
table behind it. A tool the portfolio does not use adds no section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.catalogue.legislation import load_library
from app.checker.tool_use import option_total
from app.export import diagrams
from app.export.model import Block, Fields, Heading, Paragraph, Section
from app.export.shapes import fmt
from app.export.text import clean
from app.formatting import long_date
from app.models.vocab import (
    CHANNELS,
    CRITERIA,
    EMOTIONS,
    JOURNEY_STAGES,
    PROCESS_VERSIONS,
    RATER,
    STEP_TYPES,
    TECHNIQUES,
    emotion_label,
    label,
)

if TYPE_CHECKING:
    from app.export.builder import DocumentBuilder


def _refs(builder: DocumentBuilder, kind: str) -> dict[int, str]:
    return {item_id: ref for (k, item_id), ref in builder.refs.items() if k == kind}


def journey_map(builder: DocumentBuilder) -> Section | None:
    touchpoints = builder.portfolio.touchpoints
    if not touchpoints:
        return None
    blocks: list[Block] = []
    figure = diagrams.journey_map(touchpoints, _refs(builder, "journey_touchpoint"))
    if figure is not None:
        blocks.append(figure)
    rows = [
        (
            builder.ref("journey_touchpoint", point.id),
            f"{clean(point.touchpoint)}\n{label(JOURNEY_STAGES, point.stage)} · "
            f"{label(CHANNELS, point.channel)}" + (" · back office" if point.back_office else ""),
            emotion_label(point.emotion) if point.emotion in EMOTIONS else "",
            clean(point.pain_point),
            clean(point.opportunity),
            clean(point.source)
            + (
                f" ({builder.ref('feedback_item', point.feedback_id)})" if point.feedback_id else ""
            ),
        )
        for point in touchpoints
    ]
    blocks.append(
        builder.table(
            ("Ref", "Touchpoint", "Feeling", "Pain point", "Opportunity", "Source"),
            rows,
            (0.7, 2.5, 1.3, 2.2, 2.2, 1.8),
            "Journey touchpoints",
        )
    )
    return Section("Plan: customer journey map", "journey-map", tuple(blocks))


def rater(builder: DocumentBuilder) -> Section | None:
    scores = builder.portfolio.rater_scores
    if not scores:
        return None
    blocks: list[Block] = []
    figure = diagrams.rater_profile(scores)
    if figure is not None:
        blocks.append(figure)
    blocks.append(
        builder.table(
            ("Ref", "Dimension", "Score (1–5)", "Evidence"),
            [
                (
                    builder.ref("rater_score", s.id),
                    label(RATER, s.dimension),
                    fmt(s.score) if s.score is not None else "",
                    clean(s.evidence),
                )
                for s in scores
            ],
            (0.6, 1.6, 1.1, 6.5),
            "RATER self-assessment",
        )
    )
    return Section("Plan: RATER self-assessment", "rater", tuple(blocks))


def process_maps(builder: DocumentBuilder) -> Section | None:
    portfolio = builder.portfolio
    if not portfolio.process_steps and not portfolio.lanes:
        return None
    lanes = {lane.id: clean(lane.role) for lane in portfolio.lanes}
    blocks: list[Block] = [
        Heading("Roles and responsibilities", 2, "process-roles"),
        builder.table(
            ("Lane", "Responsibility"),
            [(clean(lane.role), clean(lane.responsibility)) for lane in portfolio.lanes],
            (2.0, 7.0),
            "Lanes of the process maps",
        ),
    ]
    refs = _refs(builder, "process_step")
    for version, title in PROCESS_VERSIONS.items():
        steps = [s for s in portfolio.process_steps if s.version == version]
        if not steps:
            continue
        blocks.append(Heading(title, 2, f"process-{version}"))
        figure = diagrams.swimlane(version, portfolio.lanes, portfolio.process_steps, refs)
        if figure is not None:
            blocks.append(figure)
        blocks.append(
            builder.table(
                ("Ref", "Lane", "Step", "Type", "Next", "Measurable outcome"),
                [
                    (
                        refs.get(step.id, ""),
                        lanes.get(step.lane_id, "") if step.lane_id else "",
                        clean(step.label) + (" (bottleneck)" if step.bottleneck else ""),
                        label(STEP_TYPES, step.step_type),
                        ", ".join(refs.get(n.id, "") for n in step.next_steps),
                        clean(step.outcome),
                    )
                    for step in steps
                ],
                (0.6, 1.5, 2.8, 0.9, 0.9, 2.8),
                f"Steps of the {title.lower()}",
            )
        )
    return Section("Plan: process maps", "process-maps", tuple(blocks))


def decision_matrix(builder: DocumentBuilder) -> Section | None:
    options, criteria = builder.portfolio.options, builder.portfolio.criteria
    if not options and not criteria:
        return None
    weights = {c.id: c.weight for c in criteria}
    totals = {o.id: option_total(o, weights) for o in options}
    ranks = {o.id: rank for rank, o in enumerate(sorted(options, key=lambda o: -totals[o.id]), 1)}
    blocks: list[Block] = [
        builder.table(
            ("Criterion", "Kind", "Weight"),
            [(clean(c.name), label(CRITERIA, c.category), fmt(c.weight)) for c in criteria],
            (5.0, 3.0, 1.0),
            "Criteria and weights",
        )
    ]
    if options and criteria:
        header = ("Ref", "Option", *(clean(c.name) for c in criteria), "Weighted total", "Rank")
        rows = []
        for option in options:
            scores = {s.criterion_id: s.score for s in option.scores}
            rows.append(
                (
                    builder.ref("decision_option", option.id),
                    clean(option.name) + (" (chosen)" if option.chosen else ""),
                    *(fmt(scores[c.id]) if c.id in scores else "—" for c in criteria),
                    fmt(totals[option.id]),
                    str(ranks[option.id]),
                )
            )
        blocks.append(
            builder.table(
                header,
                rows,
                (0.6, 2.1, *(1.2 for _ in criteria), 1.3, 0.8),
                "Scores (0–5) × weights",
            )
        )
        figure = diagrams.matrix_totals(options, criteria)
        if figure is not None:
            blocks.append(figure)
    blocks.append(Heading("Decision and reasons", 2, "decision-reasons"))
    blocks.append(
        builder.table(
            ("Ref", "Option", "What it involves", "Decision", "Reason"),
            [
                (
                    builder.ref("decision_option", o.id),
                    clean(o.name),
                    clean(o.description),
                    "Chosen" if o.chosen else "Rejected",
                    clean(o.reason),
                )
                for o in options
            ],
            (0.6, 1.8, 2.6, 1.2, 3.6),
            "Chosen option and rejected options",
        )
    )
    return Section("Plan: decision matrix", "decision-matrix", tuple(blocks))


def legislation(builder: DocumentBuilder) -> Section | None:
    links = builder.portfolio.legislation_links
    if not links:
        return None
    library = load_library()
    rows = []
    for link in links:
        entry = library.get(link.entry_id)
        applies = ", ".join(
            ref
            for ref in (
                builder.ref("action_item", link.action_id),
                builder.ref("analysis_finding", link.finding_id),
            )
            if ref
        )
        rows.append(
            (
                builder.ref("legislation_link", link.id),
                entry.title if entry else clean(link.entry_id),
                applies,
                entry.summary if entry else "",
                clean(link.justification),
            )
        )
    blocks: list[Block] = [
        builder.table(
            (
                "Ref",
                "Law or standard",
                "Applies to",
                "What it requires",
                "How compliance is ensured",
            ),
            rows,
            (0.6, 1.8, 1.0, 3.0, 3.4),
            "Legislation and standards",
        )
    ]
    return Section("Plan: legislation and standards", "legislation", tuple(blocks))


def complaint_cases(builder: DocumentBuilder) -> Section | None:
    cases = builder.portfolio.cases
    if not cases:
        return None
    blocks: list[Block] = []
    for case in cases:
        reference = builder.ref("complaint_case", case.id)
        builder.place("complaint_case", case.id, f"case-{case.id}")
        blocks.append(Heading(f"{reference} {clean(case.title)}".strip(), 2, f"case-{case.id}"))
        blocks.append(
            Fields(
                (
                    ("Opened", long_date(case.opened_on)),
                    ("From feedback", builder.ref("feedback_item", case.feedback_id)),
                    ("The issue", clean(case.issue)),
                    ("Customer's stated requirements", clean(case.customer_requirements)),
                    ("Organisation's constraints", clean(case.constraints)),
                    ("Solution and how it satisfies both", clean(case.solution)),
                    ("Outcome", clean(case.outcome)),
                )
            )
        )
        if case.techniques:
            blocks.append(
                builder.table(
                    ("Technique", "Why it was chosen", "How it was applied"),
                    [
                        (label(TECHNIQUES, t.technique), clean(t.rationale), clean(t.how_applied))
                        for t in case.techniques
                    ],
                    (2.0, 3.6, 3.4),
                    f"Resolution techniques, {reference}",
                )
            )
        else:
            blocks.append(Paragraph("No resolution techniques recorded.", "muted"))
    return Section("Do: complaint case log", "complaint-cases", tuple(blocks))


def kpi_tracker(builder: DocumentBuilder) -> Section | None:
    readings = builder.portfolio.readings
    if not readings:
        return None
    metrics = {m.id: m for m in builder.portfolio.metrics}
    blocks: list[Block] = []
    figure = diagrams.kpi_trend(builder.portfolio.metrics, readings)
    if figure is not None:
        blocks.append(figure)
    ordered = sorted(readings, key=lambda r: (r.metric_id or 0, r.taken_on or r.id))
    rows: list[tuple[Any, ...]] = [
        (
            builder.ref("metric_reading", r.id),
            clean(metrics[r.metric_id].name) if r.metric_id in metrics else "",
            long_date(r.taken_on),
            (fmt(r.value) + f" {clean(metrics[r.metric_id].unit)}").strip()
            if r.value is not None and r.metric_id in metrics
            else "",
            clean(r.note),
        )
        for r in ordered
    ]
    blocks.append(
        builder.table(
            ("Ref", "Metric", "Date", "Value", "Note"),
            rows,
            (0.6, 2.6, 1.2, 1.2, 3.4),
            "Readings between baseline and result",
        )
    )
    return Section("Review: KPI tracker", "kpi-tracker", tuple(blocks))
