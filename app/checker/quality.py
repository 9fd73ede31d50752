"""Evidence quality as assessors judge it (valid, authentic, current, sufficient) and gaps.

Also sorts every mapping into valid or weak for the rules, since a mapping only counts when
its justification is valid and its evidence authentic.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from typing import Any

from app.checker import substance
from app.checker.context import Context, attr, link_target
from app.checker.result import STAGES, Location, Warning
from app.checker.text import content_stems, join_names, normalise, words
from app.models import EvidenceLink
from app.models.vocab import ASSESSMENT_METHODS, label

#: A justification shorter than this says too little to be judged.
MIN_JUSTIFICATION_WORDS = 6
#: The same justification on this many marking points is a generic phrase, not a reason.
REUSED_JUSTIFICATION_POINTS = 3
#: Similarity (0–100) at which two justifications are one phrase reused.
NEAR_SAME_JUSTIFICATION = 90.0
#: Above this many mappings only identical justifications are compared.
FUZZY_LINK_LIMIT = 200
GENERIC_PHRASES = frozenset(
    {
        "see attached",
        "as above",
        "see above",
        "evidence",
        "this shows it",
        "relevant evidence",
        "this is evidence",
        "see file",
        "n a",
        "na",
    }
)


def _is_authentic(link: EvidenceLink) -> bool:
    evidence = link.evidence_file
    if evidence is None:
        return True
    return evidence.author == "learner" or bool(evidence.source_name.strip())


def sort_links(context: Context) -> list[Warning]:
    """Fill context.valid_links / weak_links; return validity and over-mapping warnings."""
    links = list(context.portfolio.evidence_links)
    points = {point.id: point for point in context.unit.marking_points}
    # (link, its id, justification, marking point), read once: see context.attr
    fields = [
        (link, attr(link, "id"), attr(link, "justification"), attr(link, "marking_point_id"))
        for link in links
    ]
    read = {link_id: _justification(justification or "") for _, link_id, justification, _ in fields}
    normalised = {link_id: facts[1] for link_id, facts in read.items()}
    reuse: dict[str, set[str]] = defaultdict(set)
    fuzzy = len(links) <= FUZZY_LINK_LIMIT
    for _, link_id, _, point_id in fields:
        text = normalised[link_id]
        if not text:
            continue
        if text not in reuse and fuzzy:
            # "Shows how I met the point" and "This shows how I met this point" are one
            # phrase reused, not two reasons.
            text = next(
                (
                    seen
                    for seen in reuse
                    if substance.similarity(seen, text) >= NEAR_SAME_JUSTIFICATION
                ),
                text,
            )
            normalised[link_id] = text
        reuse[text].add(point_id)
    generic = {text for text, ids in reuse.items() if len(ids) >= REUSED_JUSTIFICATION_POINTS}
    warnings: list[Warning] = []
    point_stems = {point_id: content_stems(point.text) for point_id, point in points.items()}

    for link, link_id, justification, point_id in fields:
        point = points.get(point_id)
        if point is None:
            continue
        text = normalised[link_id]
        count, _, stems = read[link_id]
        reason = ""
        if not text:
            reason = "the mapping has no justification"
        elif text in GENERIC_PHRASES or count < MIN_JUSTIFICATION_WORDS:
            reason = "the justification is too short to show how it meets the point"
        elif text in generic:
            reason = "the same justification is used for several marking points"
        elif not (stems & point_stems[point.id]):
            reason = "the justification does not say how it relates to this marking point"
        elif _echoes_point(justification, point.text):
            reason = (
                "the justification repeats the marking point's wording instead of saying "
                "what in the evidence meets it"
            )
        elif not _is_authentic(link):
            reason = "the evidence was produced by someone else and does not name its source"
        if reason:
            context.weak_links.setdefault(point.id, []).append((link, reason))
        else:
            context.valid_links.setdefault(point.id, []).append(link)

    for text in generic:
        ids = sorted(reuse[text])
        warnings.append(
            Warning(
                "quality",
                "reused-justification",
                f"Valid: the same justification is used for {len(ids)} marking points "
                f"({join_names([i.rsplit('.', 1)[1] for i in ids])}); assessors read this as "
                "mapped just in case. Say how the evidence meets each point.",
                (Location("evidence"),),
            )
        )
    per_target: dict[tuple[str, int], set[str]] = defaultdict(set)
    for link, _, _, point_id in fields:
        per_target[link_target(link)].add(point_id)
    limit = max(3, len(points) // 2 + 1)
    for target, ids in per_target.items():
        if len(ids) >= limit:
            name = context.name(target[0], _find(context, *target))
            warnings.append(
                Warning(
                    "quality",
                    "over-mapped",
                    f"Valid: {name} is mapped to {len(ids)} of {len(points)} marking points; "
                    "assessors reject evidence mapped just in case. Keep the points it "
                    "really shows.",
                    (context.location(target[0], _find(context, *target)),),
                )
            )
    return warnings


@lru_cache(maxsize=8192)
def _justification(text: str) -> tuple[int, str, frozenset[str]]:
    """A justification's word count, normalised text and content stems: read once per text,
    not at every check of a portfolio whose hundreds of mappings mostly stay as they are."""
    tokens = words(text)
    return len(tokens), normalise(None, tokens), frozenset(content_stems(None, tokens))


@lru_cache(maxsize=16384)
def _echoes_point(justification: str, point_text: str) -> bool:
    """A justification made of the marking point's own words and the trade's general ones
    ("This shows how internal structures directly affect customer outcomes") claims the point
    without naming anything in the evidence that shows it."""
    wording = frozenset(substance.content_lemmas(point_text))
    judgement = substance.judge(justification, "justification", False, (point_text,), wording)
    return judgement.code in {"echo", "vague"}


def _find(context: Context, kind: str, item_id: int) -> Any:
    return context.by_id.get((kind, item_id))


def authenticity_warnings(context: Context) -> list[Warning]:
    warnings = []
    for item in context.collection("evidence_file"):
        if item.author != "learner" and not item.source_name.strip():
            warnings.append(
                Warning(
                    "quality",
                    "unattributed",
                    f"Authentic: {context.name('evidence_file', item)} was not produced by you "
                    "but does not name who produced it (for example the witness's name and "
                    "role).",
                    (context.location("evidence_file", item, "source_name"),),
                )
            )
    return warnings


#: kind -> the date field that says when the item happened
DATED = {"feedback_item": "received_on", "log_entry": "logged_on", "evidence_file": "produced_on"}


def currency_warnings(context: Context, window_days: int) -> list[Warning]:
    cutoff = context.today - dt.timedelta(days=window_days)
    warnings = []
    for kind, field_name in DATED.items():
        old = [it for it in context.collection(kind) if (d := attr(it, field_name)) and d < cutoff]
        if old:
            names = join_names([context.name(kind, it) for it in old])
            warnings.append(
                Warning(
                    "quality",
                    "not-current",
                    f"Current: {names} {'is' if len(old) == 1 else 'are'} dated more than "
                    f"{window_days} days before {context.today.isoformat()}; assessors may not "
                    "accept evidence that is not current.",
                    tuple(context.location(kind, it, field_name) for it in old[:5]),
                )
            )
    return warnings


def sufficiency_note(count: int, needed: int) -> str:
    return (
        f"Sufficient: {count} distinct item{'s' if count != 1 else ''} support this point; "
        f"an assessor expects evidence from at least {needed}."
    )


def methods_note(methods: list[str], needed: int, short_id: str) -> str:
    """Why a point is held back for want of assessment methods (the records are staff's)."""
    used = ", ".join(label(ASSESSMENT_METHODS, m).lower() for m in methods) or "none yet"
    return (
        f"Assessed by {len(methods)} method{'s' if len(methods) != 1 else ''} ({used}); this "
        f"point needs {needed} distinct methods, e.g. an observation, questioning or a witness "
        f"testimony mapped to {short_id}."
    )


DETAIL_FIELDS = {
    "learner_name": "learner name",
    "candidate_number": "candidate number",
    "centre_name": "centre name",
    "centre_number": "centre number",
}
STAGE_KINDS = {
    "feedback": "feedback_item",
    "analysis": "analysis_finding",
    "action_plan": "action_item",
    "implementation_log": "log_entry",
    "evaluation": "metric",
}


def gap_warnings(context: Context) -> list[Warning]:
    portfolio = context.portfolio
    warnings = []
    missing = [
        label for name, label in DETAIL_FIELDS.items() if not getattr(portfolio, name).strip()
    ]
    if missing:
        warnings.append(
            Warning(
                "gap",
                "details",
                f"Learner details: the {join_names(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} missing.",
                (Location("details"),),
            )
        )
    declaration = portfolio.declaration
    if declaration is None or not declaration.is_signed:
        warnings.append(
            Warning(
                "gap",
                "declaration",
                "Declaration: the declaration of authenticity is not signed (type your name "
                "and the date).",
                (Location("declaration"),),
            )
        )
    mapped_files = {
        link.evidence_file_id for link in portfolio.evidence_links if link.evidence_file_id
    }
    unmapped = [it for it in context.collection("evidence_file") if it.id not in mapped_files]
    if unmapped:
        warnings.append(
            Warning(
                "gap",
                "unmapped-evidence",
                f"Evidence: {join_names([context.name('evidence_file', it) for it in unmapped])} "
                f"{'is' if len(unmapped) == 1 else 'are'} not mapped to any marking point.",
                tuple(context.location("evidence_file", it) for it in unmapped[:5]),
            )
        )
    for stage, kind in STAGE_KINDS.items():
        if not context.collection(kind):
            warnings.append(
                Warning("gap", f"empty-{stage}", f"{STAGES[stage]} is empty.", (Location(stage),))
            )
    if not portfolio.evaluation_narrative.strip():
        warnings.append(
            Warning(
                "gap",
                "no-evaluation",
                "Review › Evaluation: the evaluation narrative is not written yet.",
                (Location("evaluation", "portfolio", field="evaluation_narrative"),),
            )
        )
    return warnings
