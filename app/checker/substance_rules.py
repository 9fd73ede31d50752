"""Rule types that judge what texts say about each other (see rules.py for the vocabulary)."""

from __future__ import annotations

from functools import cache
from typing import Any

from app.checker.context import Context
from app.checker.outcome import NOUN, Outcome, Rule, matches, sentence
from app.checker.relations import GENERIC_MEASURE_WORDS
from app.checker.result import Status
from app.checker.substance import content_lemmas, lemma, words_of
from app.checker.text import join_names, plural, quote


@cache
def _generic_words() -> frozenset[str]:
    """Words any recommendation could use: they do not tailor it to a service gap.
    Lemmatised on first use, not at import (loading the lemma dictionary is slow)."""
    return frozenset(
        lemma(word)
        for word in words_of(
            """
            customer customers service services staff team teams all every everyone provide
            improve improvement ensure better good great make sure deliver excellent experience
            quality communication communicate training train trained always high standard
            standards business across organisation company more best level levels offer give
            help support satisfaction happy happier focus increase approach new way ways work
            process store stores shop shops branch branches site sites three two all week
            weekend day every each
            """
        )
    )


def _ownwords_of(text: str, generic: frozenset[str]) -> set[str]:
    return {w for w in content_lemmas(text) if w not in generic and not w.isdigit()}


def rule_tailored(context: Context, rule: Rule) -> Outcome:
    kind = rule["collection"]
    field_name = rule["field"]
    relation = rule["relation"]
    against = rule.get("against") or ["theme", "touchpoint", "root_cause", "data_summary"]
    each = bool(rule.get("each", True))
    minimum = int(rule.get("min_shared", 1))
    generic = _generic_words() | frozenset(lemma(w) for w in rule.get("generic", []))
    written = [
        it
        for it in context.collection(kind)
        if matches(it, rule.get("where")) and (getattr(it, field_name) or "").strip()
    ]
    # A recommendation that says nothing of its own (pasted from the guide, a placeholder)
    # is no more tailored than a generic one.
    items = written
    noun = NOUN.get(kind, kind)
    if not items:
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"no {plural(noun)} yet"),
            (context.location(kind),),
        )
    tailored: list[Any] = []
    generic_items: list[Any] = []
    for item in items:
        own = _ownwords_of(getattr(item, field_name) or "", generic)
        related = getattr(item, relation)
        related = related if isinstance(related, list) else [related] if related else []
        theirs: set[str] = set()
        for other in related:
            for name in against:
                theirs |= _ownwords_of(getattr(other, name, "") or "", generic)
            theirs |= _ownwords_of(getattr(other, "text", "") or "", generic)
            for feedback in getattr(other, "feedback_items", ()):
                theirs |= _ownwords_of(feedback.text or "", generic)
        (tailored if len(own & theirs) >= minimum else generic_items).append(item)
    support = tuple((kind, it.id) for it in tailored)
    if (each and not generic_items) or (not each and tailored):
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{len(tailored)} of {len(items)} {plural(noun)} specific"),
            (),
            support,
        )
    shown = join_names(
        [f"{context.name(kind, it)} {quote(getattr(it, field_name), 50)}" for it in generic_items]
    )
    return Outcome(
        Status.PARTLY if tailored else Status.MISSING,
        sentence(
            rule["label"],
            f"{shown} could be written for any organisation: name the gap it closes",
        ),
        tuple(context.location(kind, it, field_name) for it in generic_items[:5]),
        support,
    )


#: Where a plan says what its change is for, and where it says what is done to make it.
TARGET_FIELDS = ("success_measure", "expected_benefit")
DOING_FIELDS = ("action", "communication", "team_roles", "resources", "overcome_barriers")


def _measure_words(text: str) -> set[str]:
    return set(content_lemmas(text or "")) - GENERIC_MEASURE_WORDS


def plan_words(context: Context) -> tuple[set[str], set[str]]:
    """The words of what the plan's actions are for (measures of success, expected
    benefits), and of what is done to carry them out (steps, communication, roles, resources,
    what the log records): read once per check, for every metric."""
    targets: set[str] = set()
    doing: set[str] = set()
    for action in context.collection("action_item"):
        for field_name in TARGET_FIELDS:
            targets |= _measure_words(getattr(action, field_name))
        for field_name in DOING_FIELDS:
            doing |= _measure_words(getattr(action, field_name))
    for entry in context.collection("log_entry"):
        doing |= _measure_words(entry.what_done)
    return targets, doing


def counts_activity(metric: Any, words: tuple[set[str], set[str]]) -> bool:
    """Whether ``metric`` counts the plan's own doing — colleagues trained, templates written,
    stores briefed, huddles attended — rather than what the change was for.

    Read from the portfolio itself (``words``: :func:`plan_words`): the metric's name shares
    words with what the actions do or what the log records, and none with the actions'
    measures of success or expected benefits. A metric that matches neither (CSAT, where no
    action names it) is taken as an outcome.
    """
    name = _measure_words(metric.name)
    if not name:
        return False
    targets, doing = words
    return not (name & targets) and bool(name & doing)


def rule_measures(context: Context, rule: Rule) -> Outcome:
    """At least ``min`` measured metrics (a baseline and a result) that measure what the
    change was for, not the activity of carrying it out (see :func:`counts_activity`)."""
    minimum = int(rule.get("min", 1))
    measured = [
        m
        for m in context.collection("metric")
        if context.filled(m, "baseline_value") and context.filled(m, "result_value")
    ]
    if not measured:
        return Outcome(Status.MISSING, sentence(rule["label"], "no measured results yet"))
    words = plan_words(context)
    activity = [m for m in measured if counts_activity(m, words)]
    outcomes = [m for m in measured if m not in activity]
    support = tuple(("metric", m.id) for m in outcomes)
    if len(outcomes) >= minimum:
        return Outcome(
            Status.MET,
            sentence(
                rule["label"],
                f"{len(outcomes)} of {len(measured)} measured results measure what the change "
                f"was for ({context.join('metric', outcomes)})",
            ),
            (),
            support,
        )
    shown = context.join("metric", activity)
    return Outcome(
        Status.PARTLY if outcomes else Status.MISSING,
        sentence(
            rule["label"],
            f"{shown} {'counts' if len(activity) == 1 else 'count'} the work of carrying out "
            "the plan, not what it changed: measure what the actions' measures of success "
            "name (the complaints, waits or replies the change was for)",
        ),
        tuple(context.location("metric", m, "name") for m in activity[:5]),
        support,
    )


#: Words with which an evaluation owns up to results that went the wrong way.
ADMITS_DECLINE = (
    "worse",
    "got worse",
    "did not improve",
    "didn't improve",
    "not improve",
    "decline",
    "declined",
    "fell short",
    "missed the target",
    "missed",
    "deteriorate",
    "deteriorated",
    "no better",
    "did not work",
    "didn't work",
    "not work",
    "failed",
    "disappointing",
)


def rule_improved(context: Context, rule: Rule) -> Outcome:
    """Most measured results moved the right way, or the evaluation says they did not.

    A portfolio whose figures all got worse while its evaluation calls the change a success
    has not evaluated it: the verdict must follow the numbers.
    """
    from app.checker.substance import Term, find_term

    measured = [
        m
        for m in context.collection("metric")
        if context.filled(m, "baseline_value") and context.filled(m, "result_value")
    ]
    if not measured:
        return Outcome(Status.MISSING, sentence(rule["label"], "no measured results yet"))
    better = [m for m in measured if m.improved]
    worse = [m for m in measured if m.improved is False and m.change]
    share = float(rule.get("min_share", 0.5))
    if len(better) >= share * len(measured) or not worse:
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{len(better)} of {len(measured)} results improved"),
            (),
            tuple(("metric", m.id) for m in better),
        )
    narrative = context.portfolio.evaluation_narrative or ""
    if any(find_term(narrative, Term.parse(words)) for words in ADMITS_DECLINE):
        return Outcome(
            Status.MET,
            sentence(rule["label"], "the evaluation says which results went the wrong way"),
        )
    names = join_names([context.name("metric", m) for m in worse])
    return Outcome(
        Status.PARTLY,
        sentence(
            rule["label"],
            f"{names} got worse, but the evaluation does not say so: evaluate what the "
            "figures show",
        ),
        (context.location("portfolio", None, "evaluation_narrative"),),
    )
