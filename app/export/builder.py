"""Build the export document model from a loaded portfolio and its check result.

The one walk over the portfolio for every export format. Items get stable reference codes
(F3 feedback, N1 finding, A2 action, L4 log entry, M1 metric, E5 evidence) that the mapping
grid, the sections and the appendix share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from app.catalogue import Unit
from app.checker import CheckResult, Status
from app.export import chart, tool_sections
from app.export.chart import Chart, ChartPanel
from app.export.model import (
    Block,
    BulletList,
    Cell,
    ExportDocument,
    Fields,
    Heading,
    Image,
    PageRef,
    Paragraph,
    Section,
    SignatureLines,
    StatusMark,
    Table,
    TableOfContents,
)
from app.export.text import CELL_LIMIT, clean, shorten, split_long
from app.formatting import human_size, long_date
from app.models import KINDS, Portfolio
from app.models.vocab import ACTION_STATUSES, EVIDENCE_AUTHORS, FEEDBACK_SOURCES, label

if TYPE_CHECKING:
    from app.export.attachments import ContentReader

#: Characters of table text across the page width, and the most lines one cell may take.
TEXT_WIDTH_CHARS = 105
MAX_CELL_LINES = 30

PREFIX = {name: kind.prefix for name, kind in KINDS.items() if kind.prefix}
SECTION_OF = {
    "feedback_item": "Feedback",
    "analysis_finding": "Analysis",
    "action_item": "Action plan",
    "log_entry": "Implementation log",
    "metric": "Evaluation",
    "evidence_file": "Appendix",
    "journey_touchpoint": "Journey map",
    "process_step": "Process maps",
    "decision_option": "Decision matrix",
    "metric_reading": "KPI tracker",
    "legislation_link": "Legislation",
    "complaint_case": "Complaint cases",
    "rater_score": "RATER",
    "assessment_record": "Assessment records",
}

#: The section an item kind is shown in, where a page reference falls back to when the item
#: itself has no anchor of its own.
SECTION_ANCHOR = {
    "feedback_item": "feedback",
    "analysis_finding": "analysis",
    "action_item": "action-plan",
    "log_entry": "implementation-log",
    "metric": "evaluation",
    "evidence_file": "appendix",
    "journey_touchpoint": "journey-map",
    "process_step": "process-maps",
    "decision_option": "decision-matrix",
    "metric_reading": "kpi-tracker",
    "legislation_link": "legislation",
    "complaint_case": "complaint-cases",
    "rater_score": "rater",
    "assessment_record": "assessment-records",
}


def _ranges(prefix: str, numbers: list[int]) -> str:
    """'F1–F4, F7, F9–F10': references in runs, so a long list stays short."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return ", ".join(f"{prefix}{a}" if a == b else f"{prefix}{a}–{prefix}{b}" for a, b in runs)


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}{unit}" if unit == "%" else (f"{text} {unit}".strip())


class DocumentBuilder:
    def __init__(
        self,
        portfolio: Portfolio,
        unit: Unit,
        result: CheckResult,
        draft: bool,
        trust: Mapping[int, str] | None = None,
        content: ContentReader | None = None,
    ):
        self.portfolio = portfolio
        self.content = content
        self.trust: Mapping[int, str] = trust or {}
        self.unit = unit
        self.result = result
        self.draft = draft
        self.refs: dict[tuple[str, int], str] = {}
        for kind, prefix in PREFIX.items():
            for number, item in enumerate(getattr(portfolio, KINDS[kind].collection), start=1):
                self.refs[(kind, item.id)] = f"{prefix}{number}"
        self.items = {code: key for key, code in self.refs.items()}
        #: (kind, id) -> the anchor where the item is shown, first placement wins.
        self.anchors: dict[tuple[str, int], str] = {}
        self.long_entries: list[tuple[str, str]] = []
        self._by_id: dict[str, dict[int, Any]] = {}

    # -- helpers --------------------------------------------------------------------------

    def item_of(self, kind: str, item_id: int) -> Any:
        """The item of ``kind`` with ``item_id`` (None if there is none), from an index made
        once per kind: forms look items up once per piece of evidence, which a search of
        the collection each time would make grow as the square of the portfolio."""
        index = self._by_id.get(kind)
        if index is None:
            items = getattr(self.portfolio, KINDS[kind].collection)
            index = self._by_id[kind] = {item.id: item for item in items}
        return index.get(item_id)

    def cell(self, text: str | None, where: str, limit: int = CELL_LIMIT) -> str:
        """Text for a cell; very long text is shortened here and printed in full later."""
        text = clean(text)
        if len(text) <= limit:
            return text
        self.long_entries.append((where, text))
        return shorten(text, limit) + f" (full text: Long entries, note {len(self.long_entries)})"

    def place(self, kind: str, item_id: int, anchor: str) -> str:
        """Record that the item is shown at ``anchor``; "" when it was placed already."""
        if (kind, item_id) in self.anchors:
            return ""
        self.anchors[(kind, item_id)] = anchor
        return anchor

    def anchor_of(self, kind: str, item_id: int) -> str:
        """Where a page reference to the item points: the item, else its section."""
        return self.anchors.get((kind, item_id)) or SECTION_ANCHOR.get(kind, "")

    def _row_anchor(self, first: Cell) -> str:
        key = self.items.get(first) if isinstance(first, str) else None
        return self.place(key[0], key[1], f"item-{key[0]}-{key[1]}") if key else ""

    def table(
        self,
        header: tuple[str, ...],
        rows: Iterable[tuple[Cell, ...]],
        widths: tuple[float, ...],
        caption: str = "",
        min_row_height: float = 0.0,
    ) -> Table:
        """A table whose cells all fit on a page: each column gets a character budget from
        its width, and longer text moves to the long entries. A row whose first cell is an
        item's reference is that item's anchor (unless it is shown elsewhere first)."""
        total = sum(widths)
        budgets = [max(60, int(TEXT_WIDTH_CHARS * w / total) * MAX_CELL_LINES) for w in widths]
        rows = tuple(rows)
        capped = tuple(
            tuple(
                value
                if isinstance(value, StatusMark | PageRef)
                else self.cell(
                    value, f"{caption or header[-1]} {row[0]}".strip(), min(budget, CELL_LIMIT)
                )
                for value, budget in zip(row, budgets, strict=True)
            )
            for row in rows
        )
        anchors = tuple(self._row_anchor(row[0]) for row in rows)
        return Table(
            header, capped, widths, caption, min_row_height, anchors if any(anchors) else ()
        )

    def ref(self, kind: str, item_id: int | None) -> str:
        return self.refs.get((kind, item_id), "") if item_id is not None else ""

    def refs_of(self, kind: str, items: Iterable[Any]) -> str:
        return ", ".join(self.ref(kind, it.id) for it in items)

    # -- document parts ---------------------------------------------------------------------

    def cover(self) -> tuple[Block, ...]:
        p = self.portfolio
        status = (
            "Complete: every marking point met"
            if self.result.complete
            else f"Draft: {self.result.met_count} of {len(self.result.points)} marking points met"
        )
        return (
            Paragraph(self.qualification(), "muted"),
            Fields(
                (
                    ("Qualification", self.qualification()),
                    ("Unit", self.unit_name()),
                    ("Level", clean(self.unit.level)),
                    ("Learner", clean(p.learner_name)),
                    ("Registration number", clean(p.registration_number)),
                    ("Candidate / enrolment number", clean(p.candidate_number)),
                    ("Centre", clean(p.centre_name)),
                    ("Centre number", clean(p.centre_number)),
                    ("Assessor", clean(p.assessor_name)),
                    ("Workplace", clean(p.workplace)),
                    ("Started", long_date(p.started_on)),
                    ("Submission date", long_date(p.submitted_on) or "Not yet submitted"),
                    ("Version", f"{p.draft_version} ({p.status})"),
                    ("Status", status),
                )
            ),
        )

    def qualification(self) -> str:
        """The qualification's title, with its number when the unit gives one."""
        title = clean(self.portfolio.qualification_title) or clean(self.unit.qualification)
        number = clean(self.unit.qualification_number)
        return f"{title} ({number})" if number else title

    def unit_name(self) -> str:
        """'Unit CSP3-01: title' — the unit's own number, never Folio's internal id."""
        number = clean(self.unit.unit_number)
        return f"Unit {number}: {clean(self.unit.title)}" if number else clean(self.unit.title)

    def declaration(self) -> Section:
        declaration = self.portfolio.declaration
        statement = clean(declaration.statement) if declaration else ""
        signed = declaration is not None and declaration.is_signed
        blocks: list[Block] = [Paragraph(statement)]
        blocks.append(
            SignatureLines(
                (
                    ("Candidate name", clean(self.portfolio.learner_name)),
                    ("Signature (typed)", clean(declaration.signed_name) if signed else ""),
                    ("Date", long_date(declaration.signed_on) if signed else ""),
                )
            )
        )
        if not signed:
            blocks.append(Paragraph("The declaration has not been signed in Folio.", "warning"))
        return Section("Candidate declaration of authenticity", "declaration", tuple(blocks))

    def mapping_grid(self) -> Section:
        from app.export.assessment_forms import assessor_verdict, methods_for

        rows = []
        for point in self.result.points:
            evidence = self._evidence_for(point.support)
            rows.append(
                (
                    point.short_id,
                    clean(point.text),
                    evidence or "—",
                    methods_for(self, point.support) or "—",
                    StatusMark(point.status),
                    assessor_verdict(self, point.marking_point_id),
                )
            )
        blocks: list[Block] = [
            Paragraph(
                "Each examiner marking point of the unit, quoted verbatim, with the evidence in "
                "this portfolio that supports it and the methods of assessment it comes from. "
                "References: F feedback, N analysis finding, A action, L log entry, M metric, "
                "E appendix evidence file, AR assessment record."
            ),
            Paragraph(
                "The checker column is Folio's automatic check of the learner's evidence: it "
                "is advisory and is not an assessment decision. The assessor's own judgement "
                "of each point on the submitted version is in the last column.",
                "small",
            ),
            self.table(
                (
                    "MP",
                    "Marking point",
                    "Evidence",
                    "Methods",
                    "Checker (advisory)",
                    "Assessor's judgement",
                ),
                rows,
                (0.75, 3.55, 2.2, 1.55, 1.5, 1.45),
            ),
        ]
        links = [link for link in self.portfolio.evidence_links if link.justification.strip()]
        if links:
            blocks.append(Heading("Learner's mapping justifications", 2, "justifications"))
            blocks.append(
                self.table(
                    ("MP", "Evidence", "Justification"),
                    tuple(
                        (
                            link.marking_point_id.rsplit(".", 1)[-1],
                            self.ref(*link.target) or link.target[0],
                            clean(link.justification),
                        )
                        for link in links
                    ),
                    (0.7, 1.2, 8.5),
                )
            )
        reasons = [
            f"{point.short_id} ({point.status.label.lower()}): "
            + " ".join(clean(r.text) for r in point.reasons if r.status is not Status.MET)
            for point in self.result.points
            if point.status is not Status.MET
        ]
        if reasons:
            blocks.append(Heading("What the checker found missing", 2, "checker-notes"))
            blocks.append(BulletList(tuple(reasons)))
        return Section("Evidence mapping grid", "mapping-grid", tuple(blocks))

    def _evidence_for(self, support: Iterable[tuple[str, int]]) -> str:
        grouped: dict[str, list[int]] = defaultdict(list)
        prefixes: dict[str, str] = {}
        for kind, item_id in support:
            code = self.ref(kind, item_id)
            if code:
                prefix = code.rstrip("0123456789")
                grouped[SECTION_OF[kind]].append(int(code[len(prefix) :]))
                prefixes[SECTION_OF[kind]] = prefix
        return "; ".join(
            f"{section} {_ranges(prefixes[section], numbers)}"
            for section, numbers in grouped.items()
        )

    def feedback(self) -> Section:
        blocks: list[Block] = []
        items = self.portfolio.feedback_items
        if not items:
            blocks.append(Paragraph("No feedback has been recorded.", "muted"))
        by_source: dict[str, list[Any]] = defaultdict(list)
        for item in items:
            by_source[item.source_type].append(item)
        for source, group in by_source.items():
            blocks.append(
                Heading(
                    f"{label(FEEDBACK_SOURCES, source)} ({len(group)})", 2, f"feedback-{source}"
                )
            )
            blocks.append(
                self.table(
                    ("Ref", "Date", "Channel · customer", "Rating", "Feedback"),
                    tuple(
                        (
                            self.ref("feedback_item", item.id),
                            long_date(item.received_on),
                            " · ".join(
                                clean(part) for part in (item.channel, item.customer_ref) if part
                            ),
                            self._rating(item),
                            clean(item.text),
                        )
                        for item in group
                    ),
                    (0.75, 1.35, 1.5, 1.15, 5.75),
                )
            )
        return Section("Plan: customer feedback", "feedback", tuple(blocks))

    @staticmethod
    def _rating(item: Any) -> str:
        if item.rating is None:
            return ""
        scale = f"/{_number(item.rating_scale)}" if item.rating_scale else ""
        return f"{_number(item.rating)}{scale}"

    def analysis(self) -> Section:
        blocks: list[Block] = []
        if not self.portfolio.findings:
            blocks.append(Paragraph("No analysis findings have been recorded.", "muted"))
        for finding in self.portfolio.findings:
            code = self.ref("analysis_finding", finding.id)
            self.place("analysis_finding", finding.id, f"finding-{finding.id}")
            blocks.append(
                Heading(
                    f"{code} {clean(finding.theme) or 'Untitled finding'}",
                    2,
                    f"finding-{finding.id}",
                )
            )
            blocks.append(
                Fields(
                    (
                        ("Touchpoint / channel", clean(finding.touchpoint)),
                        ("Back-office process", "Yes" if finding.back_office else "No"),
                        ("Root cause", self.cell(finding.root_cause, f"finding {code}")),
                        ("Supporting data", self.cell(finding.data_summary, f"finding {code}")),
                        (
                            "Based on feedback",
                            self.refs_of("feedback_item", finding.feedback_items) or "—",
                        ),
                    )
                )
            )
        return Section("Plan: analysis of the feedback", "analysis", tuple(blocks))

    def action_plan(self) -> Section:
        actions = self.portfolio.actions
        blocks: list[Block] = []
        if not actions:
            blocks.append(Paragraph("No actions have been planned.", "muted"))
        else:
            blocks.append(
                self.table(
                    ("Ref", "Action", "Owner", "Due", "Status", "Addresses"),
                    tuple(
                        (
                            self.ref("action_item", action.id),
                            clean(action.action),
                            clean(action.owner),
                            long_date(action.due_on),
                            label(ACTION_STATUSES, action.status),
                            self.refs_of("analysis_finding", action.findings) or "—",
                        )
                        for action in actions
                    ),
                    (0.75, 4.6, 1.8, 1.3, 1.2, 1.45),
                    "SMART action plan",
                )
            )
        for action in actions:
            code = self.ref("action_item", action.id)
            blocks.append(Heading(f"{code} in detail", 3, f"action-{action.id}"))
            rows = [
                ("Resources", self.cell(action.resources, code)),
                ("Estimated cost", f"£{_number(action.cost)}" if action.cost is not None else ""),
                ("Expected benefit", self.cell(action.expected_benefit, code)),
                ("Organisational objective", self.cell(action.objective, code)),
                ("Stakeholders", self.cell(action.stakeholders, code)),
                ("Team members' roles", self.cell(action.team_roles, code)),
                ("Barriers", self.cell(action.barriers, code)),
                ("How barriers are overcome", self.cell(action.overcome_barriers, code)),
                ("Communication and training", self.cell(action.communication, code)),
                ("Changes a policy or process", "Yes" if action.changes_process else "No"),
                ("Legislation / standard", self.cell(action.legislation, code)),
                ("How it ensures compliance", self.cell(action.compliance_justification, code)),
                ("Measure of success", self.cell(action.success_measure, code)),
            ]
            blocks.append(Fields(tuple((k, v) for k, v in rows if v)))
        return Section("Plan: SMART action plan", "action-plan", tuple(blocks))

    def implementation_log(self) -> Section:
        entries = self.portfolio.log_entries
        if not entries:
            return Section(
                "Do: implementation log",
                "implementation-log",
                (Paragraph("No implementation has been logged.", "muted"),),
            )
        rows = []
        for entry in entries:
            code = self.ref("log_entry", entry.id)
            done = clean(entry.what_done)
            if entry.who_involved:
                done += f"\nWho: {clean(entry.who_involved)}"
            outcome = clean(entry.outcome)
            if entry.reflection:
                outcome += f"\nReflection: {clean(entry.reflection)}"
            rows.append(
                (
                    code,
                    long_date(entry.logged_on),
                    self.ref("action_item", entry.action_id) or "—",
                    done,
                    outcome,
                )
            )
        return Section(
            "Do: implementation log",
            "implementation-log",
            (
                self.table(
                    ("Ref", "Date", "Action", "What was done", "Outcome and reflection"),
                    tuple(rows),
                    (0.75, 1.3, 1.1, 3.9, 3.9),
                ),
            ),
        )

    def evaluation(self) -> Section:
        metrics = self.portfolio.metrics
        blocks: list[Block] = []
        if metrics:
            rows = []
            for metric in metrics:
                change = metric.change
                direction = {True: " (better)", False: " (worse)", None: ""}[metric.improved]
                rows.append(
                    (
                        self.ref("metric", metric.id),
                        clean(metric.name),
                        _number(metric.baseline_value, metric.unit)
                        + f"\n{long_date(metric.baseline_on)}",
                        _number(metric.target_value, metric.unit),
                        _number(metric.result_value, metric.unit)
                        + f"\n{long_date(metric.result_on)}",
                        (
                            f"{'+' if change and change > 0 else ''}{_number(change, metric.unit)}"
                            f"{direction}"
                        )
                        if change is not None
                        else "",
                        clean(metric.source),
                    )
                )
            blocks.append(
                self.table(
                    ("Ref", "Metric", "Baseline", "Target", "Result", "Change", "Source"),
                    tuple(rows),
                    (0.75, 2.3, 1.5, 1.1, 1.5, 1.6, 2.0),
                    "Evaluation metrics",
                )
            )
            panels = tuple(
                ChartPanel(
                    clean(m.name),
                    clean(m.unit),
                    m.baseline_value,
                    m.target_value,
                    m.result_value,
                    m.higher_is_better,
                )
                for m in metrics
                if m.baseline_value is not None or m.result_value is not None
            )
            if panels:
                blocks.append(
                    chart.layout(
                        Chart(
                            "Before and after",
                            panels,
                            "Bar chart of each metric before and after the improvement: "
                            + "; ".join(
                                f"{p.label} from {_number(p.baseline, p.unit) or 'no baseline'} "
                                f"to {_number(p.result, p.unit) or 'no result yet'}"
                                + (
                                    f" (target {_number(p.target, p.unit)})"
                                    if p.target is not None
                                    else ""
                                )
                                for p in panels
                            ),
                        )
                    )
                )
        else:
            blocks.append(Paragraph("No metrics have been recorded.", "muted"))
        blocks.append(Heading("Evaluation narrative", 2, "evaluation-narrative"))
        narrative = clean(self.portfolio.evaluation_narrative)
        if narrative:
            blocks.extend(Paragraph(piece) for piece in split_long(narrative) if piece.strip())
        else:
            blocks.append(Paragraph("The evaluation narrative has not been written.", "muted"))
        return Section("Review: evaluation", "evaluation", tuple(blocks))

    def assessor(self) -> Section:
        """The assessor's record of the version being assessed (see assessor_section)."""
        from app.export.assessor_section import assessor

        return assessor(self, self.trust)

    def appendix(self) -> Section:
        files = self.portfolio.evidence_files
        blocks: list[Block] = []
        if not files:
            blocks.append(Paragraph("No evidence files are attached.", "muted"))
            return Section("Appendix: evidence", "appendix", tuple(blocks))
        shown = self._reproduced(files)  # placed first: each file's anchor is its copy
        blocks.append(
            self.table(
                ("Ref", "File", "Type", "Size", "Produced by", "SHA-256"),
                tuple(
                    (
                        self.ref("evidence_file", item.id),
                        clean(item.original_name)
                        + (f"\n{clean(item.title)}" if item.title else ""),
                        item.media_type,
                        human_size(item.size),
                        label(EVIDENCE_AUTHORS, item.author)
                        + (f": {clean(item.source_name)}" if item.source_name else "")
                        + (f", {long_date(item.produced_on)}" if item.produced_on else ""),
                        item.blob_sha256,
                    )
                    for item in files
                ),
                (0.75, 2.5, 1.6, 1.0, 2.0, 2.6),
                "Evidence index",
            )
        )
        blocks += [block for block, _ in shown if isinstance(block, Image)]
        copies = [block for block, _ in shown if not isinstance(block, Image)]
        if copies:
            blocks.append(Heading("Attached files reproduced", 2, "appendix-reproduced"))
            blocks += copies
        from app.export.attachments import unreadable

        shown_ids = {item_id for _, item_id in shown}
        others = [
            f"{self.ref('evidence_file', it.id)} {unreadable(it)}"
            for it in files
            if it.id not in shown_ids
        ]
        if others:
            blocks.append(Heading("Other evidence files", 2, "appendix-other"))
            blocks.append(BulletList(tuple(others)))
        return Section("Appendix: evidence", "appendix", tuple(blocks))

    def _reproduced(self, files: Iterable[Any]) -> list[tuple[Block, int]]:
        """Pictures and readable files, each with the file's id, anchored as the file."""
        from app.export.attachments import attachment

        shown: list[tuple[Block, int]] = []
        for item in files:
            code = self.ref("evidence_file", item.id)
            anchor = f"file-{item.id}"
            block: Block | None = None
            if item.media_type in {"image/png", "image/jpeg", "image/gif", "image/webp"}:
                block = Image(
                    item.blob_sha256,
                    f"{code} {clean(item.original_name)}",
                    clean(item.title or item.description or item.original_name),
                    anchor,
                )
            elif self.content is not None:
                block = attachment(self.content, item, code, anchor)
            if block is not None:
                self.place("evidence_file", item.id, anchor)
                shown.append((block, item.id))
        return shown

    def gaps(self) -> Section:
        lines = [clean(line) for line in self.result.gap_list()]
        lines += [clean(w.text) for w in self.result.misconceptions + self.result.quality]
        return Section(
            "Draft only: gaps to close before submission",
            "gaps",
            (
                Paragraph("This copy is a draft. The checker found the following:", "warning"),
                BulletList(tuple(lines) or ("No gaps found.",)),
            ),
        )

    def long_texts(self) -> Section:
        blocks: list[Block] = []
        for number, (where, text) in enumerate(self.long_entries, start=1):
            blocks.append(Heading(f"Note {number}: {where}", 3, f"long-{number}"))
            blocks.extend(Paragraph(piece) for piece in split_long(text) if piece.strip())
        return Section("Long entries in full", "long-entries", tuple(blocks))


#: Where the evidence location sheet goes until it can be built.
LOCATION = Section("Evidence location sheet", "evidence-location", ())


def build_document(
    portfolio: Portfolio,
    unit: Unit,
    result: CheckResult,
    draft: bool = False,
    trust: Mapping[int, str] | None = None,
    content: ContentReader | None = None,
) -> ExportDocument:
    """The export document for ``portfolio``: cover, declaration, contents, the learner and
    centre details, witnesses, plan and reviews, grid, evidence location sheet, stages,
    assessment records, assessor section, declarations, summary, appendix (and, for drafts,
    the gaps). ``trust`` says, per submitted version, what verify found of its decision's
    signature; ``content`` reads attached files, to reproduce them in the appendix."""
    from app.export import assessment_forms as forms

    builder = DocumentBuilder(portfolio, unit, result, draft, trust, content)
    sections: list[Section | None] = [
        builder.declaration(),
        Section("Contents", "contents", (TableOfContents(),), in_contents=False),
        forms.details(builder),
        forms.witnesses(builder),
        forms.plan_and_reviews(builder),
        builder.mapping_grid(),
        LOCATION,  # the evidence location sheet, built once every item is placed
        builder.feedback(),
        builder.analysis(),
        tool_sections.journey_map(builder),
        tool_sections.rater(builder),
        builder.action_plan(),
        tool_sections.process_maps(builder),
        tool_sections.decision_matrix(builder),
        tool_sections.legislation(builder),
        builder.implementation_log(),
        tool_sections.complaint_cases(builder),
        builder.evaluation(),
        tool_sections.kpi_tracker(builder),
        forms.records(builder),
        builder.assessor(),
        forms.unit_declaration(builder),
        forms.summary(builder),
    ]
    sections.append(builder.appendix())
    sections[sections.index(LOCATION)] = forms.evidence_location(builder)
    if builder.long_entries:
        sections.append(builder.long_texts())
    if draft:
        sections.append(builder.gaps())
    learner = clean(portfolio.learner_name)
    unit_code = clean(unit.unit_number) or clean(unit.title)
    return ExportDocument(
        title=f"{clean(unit.title)}",
        subtitle=f"Portfolio of {learner}",
        running_head=f"{learner} · {unit_code}" + (" · DRAFT" if draft else ""),
        author=learner,
        subject=f"{clean(portfolio.qualification_title)} — {unit_code}",
        keywords=("portfolio", unit_code, "customer service"),
        draft=draft,
        cover=builder.cover(),
        sections=tuple(section for section in sections if section is not None),
    )
