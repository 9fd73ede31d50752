"""Rules that read the structured improvement tools (app/models/tools.py).

``swimlane``  a process map (``version`` current or redesigned, else either) with at least
              ``min_lanes`` lanes in use and ``min_handoffs`` arrows that cross from one lane to
              another; ``min_outcomes`` steps with an outcome when given (with ``measurable``:
              an outcome that names a figure or a measure, vague.measurable).
``matrix``    a decision matrix of at least ``min_options`` options × ``min_criteria`` criteria,
              every option scored on every criterion, a chosen option with its reason and a
              reason for each option rejected. The choice must follow from the totals: a
              chosen option that is not the top weighted total needs the record to say why
              each higher option was rejected, and a reason claiming the top score for an
              option that is not top is at most "partly" (relations.matrix_problems).
``children``  items of ``collection`` (filtered by ``where``) with at least ``min`` related
              items through ``relation`` whose ``child_fields`` are filled; with ``"each":
              true`` every matching item needs them, otherwise one is enough. ``distinct``
              lists child fields that must differ: a child with the same vocabulary value as
              an earlier one ("Other" only with near-identical text) or a near-identical text
              (similarity of 85 or more) counts once, so "multiple techniques, each with its
              rationale" means different techniques with their own rationales.
``smart``     at least ``min`` actions (filtered by ``where``; with ``"each": true`` every
              one) with a named owner (a person or a role one person holds, not "TBC", "the
              team" or "someone"), a due date and a measure of success of at least
              ``measure_words`` content words (default 2); with ``measurable`` the measure
              must name a figure or a measure (a rate, an average, a time, a count), not a
              hope ("staff feel more confident").
``any``       the best outcome of the ``rules`` listed (alternative ways to show the same thing).

One setting works on the ``items`` rule too (rules.py evaluates it after the rule):

``within``    ``{"amounts": [fields], "limits": field}``: an item whose ``amounts`` fields give
              more than a limit its ``limits`` field states ("up to £25", "£25 limit", "no
              more than 48 hours", "maximum of 10%"; like units only) makes a met rule at most
              "partly" (relations.apply_within).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from app.checker.context import Context
from app.checker.outcome import NOUN, Outcome, Rule, field_specs, matches, missing_fields, sentence
from app.checker.relations import (
    Repeat,
    matrix_problems,
    ranked_options,
    repeats,
    smart_gaps,
)
from app.checker.result import Location, Status
from app.checker.text import join_names
from app.checker.tool_use import handoffs, option_total, rule_kinds, tool_points
from app.checker.vague import measurable
from app.models.kinds import KINDS
from app.models.vocab import PROCESS_VERSIONS, label

__all__ = ["handoffs", "option_total", "rule_kinds", "tool_points"]


def rule_swimlane(context: Context, rule: Rule) -> Outcome:
    min_lanes = int(rule.get("min_lanes", 2))
    min_handoffs = int(rule.get("min_handoffs", 1))
    min_outcomes = int(rule.get("min_outcomes", 0))
    must_measure = bool(rule.get("measurable", False))
    wanted = [rule["version"]] if "version" in rule else list(PROCESS_VERSIONS)
    steps_all = context.collection("process_step")
    where = Location("process_map", "process_step")
    findings: list[tuple[int, str, str, tuple[tuple[str, int], ...]]] = []
    for version in wanted:
        steps = [s for s in steps_all if s.version == version]
        if not steps:
            continue
        lanes = {s.lane_id for s in steps if s.lane_id is not None}
        crossing = handoffs(steps)
        outcomes = [
            s
            for s in steps
            if context.filled(s, "outcome", 3) and (not must_measure or measurable(s.outcome))
        ]
        gaps = []
        if len(lanes) < min_lanes:
            gaps.append(f"{len(lanes)} of {min_lanes} lanes (roles) in use")
        if len(crossing) < min_handoffs:
            gaps.append(f"{len(crossing)} of {min_handoffs} handoffs between lanes")
        if len(outcomes) < min_outcomes:
            gaps.append(
                f"{len(outcomes)} of {min_outcomes} steps with a measurable outcome"
                + (" (a figure, a rate, a time or a count)" if must_measure else "")
            )
        name = label(PROCESS_VERSIONS, version).lower()
        support = tuple(("process_step", s.id) for s in steps)
        if not gaps:
            detail = (
                f"the {name} has {len(steps)} steps in {len(lanes)} lanes with "
                f"{len(crossing)} handoff{'s' if len(crossing) != 1 else ''}"
            )
            return Outcome(Status.MET, sentence(rule["label"], detail), (), support)
        findings.append((len(gaps), name, "; ".join(gaps), support))
    if not findings:
        which = " or ".join(label(PROCESS_VERSIONS, v).lower() for v in wanted)
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"no {which} has been mapped yet (add lanes and steps)"),
            (where,),
        )
    _, name, gaps, support = min(findings)
    return Outcome(
        Status.PARTLY, sentence(rule["label"], f"the {name} has {gaps}"), (where,), support
    )


def rule_matrix(context: Context, rule: Rule) -> Outcome:
    min_options = int(rule.get("min_options", 2))
    min_criteria = int(rule.get("min_criteria", 3))
    options = [o for o in context.collection("decision_option") if context.filled(o, "name")]
    criteria = [c for c in context.collection("decision_criterion") if context.filled(c, "name")]
    where = Location("decision", "decision_option")
    support = tuple(("decision_option", o.id) for o in options)
    if not options and not criteria:
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], "no options or criteria yet (build the decision matrix)"),
            (where,),
        )
    gaps: list[str] = []
    fixes: list[Location] = []
    if len(options) < min_options:
        gaps.append(f"{len(options)} of {min_options} options")
    if len(criteria) < min_criteria:
        gaps.append(f"{len(criteria)} of {min_criteria} criteria")
    criterion_ids = {c.id for c in criteria}
    unscored = [o for o in options if not criterion_ids <= {s.criterion_id for s in o.scores}]
    if unscored:
        gaps.append(f"{context.join('decision_option', unscored)} not scored on every criterion")
        fixes.append(context.location("decision_option", unscored[0]))
    chosen = [o for o in options if o.chosen]
    if not chosen:
        gaps.append("no option marked as chosen")
    elif not all(context.filled(o, "reason", 4) for o in chosen):
        gaps.append("the chosen option does not say why it was chosen")
        fixes.append(context.location("decision_option", chosen[0], "reason"))
    rejected = [o for o in options if not o.chosen and not context.filled(o, "reason", 4)]
    if rejected:
        gaps.append(f"no reason why {context.join('decision_option', rejected)} was rejected")
        fixes.append(context.location("decision_option", rejected[0], "reason"))
    if chosen and not unscored:
        for problem in matrix_problems(context):
            if problem.option in rejected:
                continue  # already asked for: its reason is missing
            gaps.append(problem.text)
            fixes.extend(problem.fixes)
    if not gaps:
        ranked, _ = ranked_options(context)
        detail = (
            f"{len(options)} options × {len(criteria)} criteria, "
            f"{context.name('decision_option', chosen[0])} chosen "
            f"(ranked {ranked.index(chosen[0]) + 1} of {len(ranked)})"
        )
        return Outcome(Status.MET, sentence(rule["label"], detail), (), support)
    return Outcome(
        Status.PARTLY, sentence(rule["label"], join_names(gaps, 5)), (*fixes, where)[:5], support
    )


def rule_children(context: Context, rule: Rule) -> Outcome:
    kind = rule["collection"]
    relation = rule["relation"]
    minimum = int(rule.get("min", 1))
    each = bool(rule.get("each", False))
    specs = field_specs(rule.get("child_fields"))
    items = [it for it in context.collection(kind) if matches(it, rule.get("where"))]
    noun = NOUN.get(kind, kind)
    if not items:
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"no {noun} yet"),
            (context.location(kind),),
        )
    distinct = list(rule.get("distinct") or [])
    child_kind = _child_kind(kind, relation)
    counted: dict[int, list[Any]] = {}
    repeated: dict[int, list[Repeat]] = {}
    for it in items:
        children = [c for c in getattr(it, relation) if not missing_fields(context, c, specs)]
        if distinct:
            repeated[it.id] = repeats(child_kind, children, distinct)
            again = {id(r.child) for r in repeated[it.id]}
            children = [c for c in children if id(c) not in again]
        counted[it.id] = children
    complete = [it for it in items if len(counted[it.id]) >= minimum]
    short = [it for it in items if len(counted[it.id]) < minimum]
    support = tuple((kind, it.id) for it in complete)
    if (each and not short) or (not each and complete):
        shown = complete if not each else items
        detail = f"{context.join(kind, shown)} with {minimum} or more"
        return Outcome(Status.MET, sentence(rule["label"], detail), (), support)
    child_noun = NOUN.get(child_kind, child_kind)
    gaps = [
        f"{context.name(kind, it)} has {len(counted[it.id])} of {minimum}"
        + (" different" if distinct else "")
        + "".join(
            f"; {child_noun}s {_number(it, relation, r.earlier)} and "
            f"{_number(it, relation, r.child)} count once ({r.why})"
            for r in repeated.get(it.id, [])[:2]
        )
        for it in short[:3]
    ]
    status = (
        Status.PARTLY
        if complete or any(counted[it.id] or getattr(it, relation) for it in items)
        else Status.MISSING
    )
    return Outcome(
        status,
        sentence(rule["label"], "; ".join(gaps)),
        tuple(context.location(kind, it) for it in short[:5]),
        support,
    )


def _child_kind(kind: str, relation: str) -> str:
    model = KINDS[kind].model
    return str(inspect(model).relationships[relation].mapper.class_.__tablename__)


def _number(item: Any, relation: str, child: Any) -> int:
    """A child's number within its parent (technique 2 of the case)."""
    return 1 + [id(c) for c in getattr(item, relation)].index(id(child))


def rule_smart(context: Context, rule: Rule) -> Outcome:
    kind = "action_item"
    minimum = int(rule.get("min", 1))
    each = bool(rule.get("each", False))
    measure_words = int(rule.get("measure_words", 2))
    must_measure = bool(rule.get("measurable", False))
    items = [it for it in context.collection(kind) if matches(it, rule.get("where"))]
    if not items or (each and len(items) < minimum):
        detail = "no actions yet" if not items else f"{len(items)} of {minimum} actions"
        return Outcome(Status.MISSING, sentence(rule["label"], detail), (context.location(kind),))
    gaps = {it.id: smart_gaps(context, it, measure_words, must_measure) for it in items}
    smart = [it for it in items if not gaps[it.id]]
    short = [it for it in items if gaps[it.id]]
    support = tuple((kind, it.id) for it in smart)
    if (each and not short) or (not each and len(smart) >= minimum):
        detail = f"{len(smart)} of {len(items)} SMART ({context.join(kind, smart)})"
        return Outcome(Status.MET, sentence(rule["label"], detail), (), support)
    problems = [
        f"{context.name(kind, it)} {join_names([why for _, why in gaps[it.id]])}"
        for it in short[:3]
    ]
    if len(short) > 3:
        problems.append(f"{len(short) - 3} more")
    fixes = tuple(context.location(kind, it, gaps[it.id][0][0]) for it in short[:5])
    status = Status.PARTLY if smart or any(len(g) < 3 for g in gaps.values()) else Status.MISSING
    return Outcome(status, sentence(rule["label"], "; ".join(problems)), fixes, support)


def rule_any(context: Context, rule: Rule) -> Outcome:
    from app.checker.rules import evaluate  # the registry of every rule type lives there

    rank = {Status.MET: 0, Status.PARTLY: 1, Status.MISSING: 2}
    outcomes = [evaluate(context, alternative) for alternative in rule["rules"]]
    return min(outcomes, key=lambda outcome: rank[outcome.status])
