"""The rule vocabulary of the checker. Rules are data in unit files; this module evaluates them.

Every rule is an object with ``"rule"`` (its type) and ``"label"`` (the requirement in plain
words, used to begin the reason a learner reads). Types:

``items``     at least ``min`` items of ``collection`` (filtered by ``where``) whose ``fields``
              are all filled; ``partly_fields`` are enough for "partly met". With ``"each":
              true`` every matching item must be complete (and there must be ``min`` of them).
``distinct``  at least ``min`` different values of ``field`` among items of ``collection``
              (only items whose ``fields`` are filled count).
``linked``    items of ``collection`` connected through ``relation`` (a list relation such as
              ``findings`` or a reference such as ``action_id``); ``each`` (default true) or
              at least ``min``.
``mapped``    at least ``min`` explicit evidence mappings to this marking point whose
              justification is valid; a bare or generic justification is at most "partly".
``text``      the portfolio's narrative ``field`` has at least ``min_words`` content words
              that count (``partly_words`` for "partly").
``mentions``  at least ``min`` items mention one of ``any_of`` in one of the fields named in
              ``in`` (``"kind.field"``); with ``"each": true`` every item whose field says
              something must. Terms match whole words as lemmas ("briefed" is "brief",
              "briefly" is not); a term may be ``{"term": ..., "near": [...], "not_near":
              [...], "window": n}`` to require (or exclude) words around it, with
              ``followed_by`` / ``preceded_by`` for words after (before) it in its own
              clause and ``denied`` to match only where the text denies it; ``term`` may
              list several phrases that share one context. ``none_of``:
              an item mentioning one of these does not count; ``numbers``: a figure counts
              as a mention; ``where`` filters the items.
``improved``  most measured results (``min_share``, default a half) moved the right way
              (``higher_is_better``), or the evaluation narrative says which did not.
``measures``  at least ``min`` measured results that measure what the change was for, not the
              work of carrying it out (colleagues trained, templates written): read from the
              actions' measures of success and steps (substance_rules.counts_activity).
``tailored``  every (``each``, default) or one item of ``collection`` says in ``field``
              something specific to the items it is linked to through ``relation``: at
              least ``min_shared`` content words (beyond the ``generic`` list of words any
              plan could use) shared with their ``against`` fields. A recommendation that
              could be pasted into any portfolio is not tailored.
``legislation`` every citation on actions and findings judged against the legislation library
              (see app/checker/legislation_rules.py for its settings).

A field in ``fields`` is a name or ``{"name": ..., "min_words": n}``. ``where`` maps field
names to a required value or a list of allowed values.

A text field is *filled* only when it says something (app/checker/substance.py): ``min_words``
counts content words (not "the", "was", "will"), and placeholders (TBC, N/A, "see
attached", lorem ipsum, the field's own name, a marking point's wording, padding that names
nothing — app/checker/vague.py), negations ("none identified"), intentions in records of what
happened ("I will…"), sentences repeated to pad,
copies of a sibling item and restatements of the feedback analysed do not count. Records
dated after today are left out of every collection.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect

from app.checker.context import (
    COLLECTIONS,
    LONGEST_REMEMBERED,
    Context,
    Memo,
    attr,
    link_target,
)
from app.checker.legislation_rules import (
    OPTIONAL as LEGISLATION_SETTINGS,
)
from app.checker.legislation_rules import (
    rule_legislation,
    validate_legislation_rule,
)
from app.checker.outcome import (
    NOUN,
    Outcome,
    field_specs,
    matches,
    missing_fields,
    sentence,
    shortfall,
)
from app.checker.relations import WITHIN, apply_within
from app.checker.result import Location, Status
from app.checker.substance import Term, find_term
from app.checker.substance_rules import rule_improved, rule_measures, rule_tailored
from app.checker.text import join_names, plural, quote
from app.checker.tool_rules import rule_any, rule_children, rule_matrix, rule_smart, rule_swimlane
from app.errors import InvalidInputError
from app.models import ITEM_MODELS, Portfolio
from app.models.vocab import PROCESS_VERSIONS, VOCABULARIES, label

Rule = Mapping[str, Any]


# -- the rule types ---------------------------------------------------------------------------


def rule_items(context: Context, rule: Rule) -> Outcome:
    kind = rule["collection"]
    specs = field_specs(rule.get("fields"))
    partly_specs = field_specs(rule.get("partly_fields"))
    minimum = int(rule.get("min", 1))
    each = bool(rule.get("each", False))
    where = rule.get("where")
    items = [it for it in context.collection(kind) if matches(it, where)]
    # each item's missing fields, read once: reading the same fields again records nothing new
    missing = _missing_each(context, items, specs)
    full = [it for it, gone in zip(items, missing, strict=True) if not gone]
    lacking = [(it, gone) for it, gone in zip(items, missing, strict=True) if gone]
    incomplete = [it for it, _ in lacking]
    partial = [
        it
        for it, gone in lacking
        if (partly_specs and not missing_fields(context, it, partly_specs))
        or (not partly_specs and len(gone) < len(specs))
    ]
    # ... except after the partly_fields: the trail then keeps what ``fields`` say of a text
    # the two read with different minimums (as it always has), so the few shown read again
    shown = [missing_fields(context, it, specs) for it in incomplete[:5]]
    support = tuple((kind, attr(it, "id")) for it in full)
    gaps = [
        shortfall(context, kind, it, gone)
        for it, gone in zip(incomplete[:3], shown[:3], strict=True)
    ]
    fixes = tuple(
        context.location(kind, it, gone[0]) for it, gone in zip(incomplete[:5], shown, strict=True)
    )
    noun = NOUN.get(kind, kind)
    if not items or (each and len(items) < minimum):
        matching = " matching" if where else ""
        detail = "none found yet" if not items else f"{len(items)} of {minimum} found"
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"{detail} (add {minimum}{matching} {plural(noun, minimum)})"),
            (context.location(kind),),
        )
    if each:
        if not incomplete:
            return Outcome(
                Status.MET,
                sentence(rule["label"], f"all {len(items)} complete ({context.join(kind, full)})"),
                (),
                support,
            )
        status = Status.PARTLY if (full or partial) else Status.MISSING
        return Outcome(
            status,
            sentence(
                rule["label"],
                "; ".join(gaps[:3]) + (f" (and {len(gaps) - 3} more)" if len(gaps) > 3 else ""),
            ),
            fixes,
            support,
        )
    if len(full) >= minimum:
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{len(full)} found ({context.join(kind, full)})"),
            (),
            support,
        )
    found = f"{len(full)} of {minimum} needed" + (f" ({context.join(kind, full)})" if full else "")
    status = Status.PARTLY if (full or partial) else Status.MISSING
    detail = found + ("; " + "; ".join(gaps[:2]) if gaps else "")
    return Outcome(
        status, sentence(rule["label"], detail), fixes or (context.location(kind),), support
    )


def _missing_each(
    context: Context, items: list[Any], specs: list[tuple[str, int]]
) -> list[list[str]]:
    """``[missing_fields(context, item, specs) for item in items]``: one field is read for all
    the items at once (Context.filled_each)."""
    if len(specs) != 1:
        return [missing_fields(context, it, specs) for it in items]
    name, least = specs[0]
    return [[] if ok else [name] for ok in context.filled_each(items, name, least)]


def rule_distinct(context: Context, rule: Rule) -> Outcome:
    kind = rule["collection"]
    field_name = rule["field"]
    specs = field_specs(rule.get("fields"))
    minimum = int(rule.get("min", 2))
    where = rule.get("where")
    candidates = [it for it in context.collection(kind) if matches(it, where)]
    missing = _missing_each(context, candidates, specs)
    items = [it for it, gone in zip(candidates, missing, strict=True) if not gone]
    valued = [
        it for it, ok in zip(items, context.filled_each(items, field_name), strict=True) if ok
    ]
    values = Counter(attr(it, field_name) for it in valued)
    vocabulary = VOCABULARIES.get((kind, field_name))
    shown = [f"{label(vocabulary, v) if vocabulary else v} ×{n}" for v, n in values.items()]
    support = tuple((kind, attr(it, "id")) for it in valued)
    if len(values) >= minimum:
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{len(values)} different ({join_names(shown, 6)})"),
            (),
            support,
        )
    found = f"{len(values)} of {minimum} needed" + (f" ({join_names(shown, 6)})" if shown else "")
    status = Status.PARTLY if values else Status.MISSING
    return Outcome(
        status,
        sentence(rule["label"], found),
        (context.location(kind, None, field_name),),
        support,
    )


def _linked_to(item: Any, relation: str) -> bool:
    value = getattr(item, relation)
    return bool(value) if isinstance(value, list) else value is not None


def rule_linked(context: Context, rule: Rule) -> Outcome:
    kind = rule["collection"]
    relation = rule["relation"]
    each = bool(rule.get("each", True))
    minimum = int(rule.get("min", 1))
    items = [it for it in context.collection(kind) if matches(it, rule.get("where"))]
    linked = [it for it in items if _linked_to(it, relation)]
    unlinked = [it for it in items if not _linked_to(it, relation)]
    support = tuple((kind, it.id) for it in linked)
    noun = NOUN.get(kind, kind)
    if not items:
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"no {plural(noun)} yet"),
            (context.location(kind),),
        )
    fixes = tuple(context.location(kind, it, relation) for it in unlinked[:5])
    if (each and not unlinked and len(items) >= minimum) or (not each and len(linked) >= minimum):
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{len(linked)} of {len(items)} {plural(noun)} linked"),
            (),
            support,
        )
    names = context.join(kind, unlinked)
    status = Status.PARTLY if linked else Status.MISSING
    return Outcome(
        status,
        sentence(
            rule["label"],
            f"{len(linked)} of {len(items)} {plural(noun)} linked; not linked: {names}",
        ),
        fixes,
        support,
    )


def rule_mapped(context: Context, rule: Rule) -> Outcome:
    point = context.point
    assert point is not None
    minimum = int(rule.get("min", 1))
    valid = context.valid_links.get(point.id, [])
    weak = context.weak_links.get(point.id, [])
    support = tuple(link_target(link) for link in valid)
    names = [context.target_name(link) for link in valid[:4]]
    if len(valid) > 4:
        names.append(f"{len(valid) - 4} more")
    if len(valid) >= minimum:
        return Outcome(Status.MET, sentence(rule["label"], f"{join_names(names)}"), (), support)
    problems = [f"{context.target_name(link)}: {why}" for link, why in weak]
    fixes = tuple(context.link_location(link) for link, _ in weak[:5]) or (Location("evidence"),)
    if valid or weak:
        detail = f"{len(valid)} of {minimum} with a valid justification" + (
            f" ({join_names(names)})" if names else ""
        )
        if problems:
            detail += "; " + "; ".join(problems[:3])
        return Outcome(Status.PARTLY, sentence(rule["label"], detail), fixes, support)
    return Outcome(
        Status.MISSING, sentence(rule["label"], "nothing is mapped to this point yet"), fixes
    )


def rule_text(context: Context, rule: Rule) -> Outcome:
    field_name = rule["field"]
    minimum = int(rule.get("min_words", 1))
    partly = int(rule.get("partly_words", 1))
    portfolio = context.portfolio
    where = (context.location("portfolio", None, field_name),)
    support = (("portfolio", portfolio.id),)
    if context.filled(portfolio, field_name, minimum):
        count = context.judgement(portfolio, field_name).content_words
        return Outcome(
            Status.MET, sentence(rule["label"], f"{count} content words written"), (), support
        )
    judgement = context.judgement(portfolio, field_name)
    value = getattr(portfolio, field_name) or ""
    if judgement.code == "empty":
        return Outcome(Status.MISSING, sentence(rule["label"], "not written yet"), where)
    if not judgement.counts:
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"{quote(value)} {judgement.why}"),
            where,
        )
    if context.filled(portfolio, field_name, partly):
        return Outcome(
            Status.PARTLY,
            sentence(
                rule["label"],
                f"{judgement.content_words} content words, {minimum} expected: say more",
            ),
            where,
        )
    return Outcome(
        Status.MISSING, sentence(rule["label"], f"{quote(value)} says too little"), where
    )


def _terms(rule: Rule, key: str) -> list[Term]:
    """The rule's keywords, parsed once per rule object."""
    return [term for raw in rule.get(key, []) for term in Term.parse_all(raw)]


_FIGURE = re.compile(r"\d")


def _mentions(text: str, terms: list[Term], numbers: bool) -> str | None:
    """The first term ``text`` mentions (a figure counts when ``numbers``), else None."""
    found = next((t.shown for t in terms if find_term(text, t)), None)
    if found is None and numbers and _FIGURE.search(text):
        found = "a figure"
    return found


@dataclass
class _Reader:
    """A mentions rule's keywords, parsed once per rule object, and what each text it read
    mentions: which term a text mentions depends on the text and the rule alone, so a text
    is read once, not again at every check of a portfolio whose texts mostly stay as they
    are (the worker checks after every edit)."""

    rule: Rule
    settings: tuple[Any, Any, bool]
    terms: list[Term]
    excluded: list[Term]
    numbers: bool
    read: dict[str, str | None] = field(default_factory=dict)

    def found(self, text: str) -> str | None:
        """The term ``text`` mentions, None when it mentions none or an excluded one."""
        found = self.read.get(text, _UNREAD)
        if found is _UNREAD:
            found = _mentions(text, self.terms, self.numbers)
            if found is not None and any(find_term(text, t) for t in self.excluded):
                found = None
            if len(text) <= LONGEST_REMEMBERED:
                if len(self.read) >= _READ_LIMIT:
                    self.read.clear()
                self.read[text] = found
        return found  # type: ignore[return-value]


_UNREAD = object()
#: texts remembered per rule (a portfolio's texts for it number in the thousands at most)
_READ_LIMIT = 20_000
#: id of a rule -> its reader
_READERS = Memo(__name__, 4096)


def _reader(rule: Rule) -> _Reader:
    settings = (rule.get("any_of"), rule.get("none_of"), bool(rule.get("numbers", False)))
    reader = _READERS.get(id(rule))
    # the rule itself (held here, so its id is not reused) with the settings it had
    if reader is None or reader.rule is not rule or reader.settings != settings:
        excluded = _terms(rule, "none_of") if rule.get("none_of") else []
        reader = _READERS.remember(
            id(rule),
            _Reader(rule, copy.deepcopy(settings), _terms(rule, "any_of"), excluded, settings[2]),
        )
    return reader


def rule_mentions(context: Context, rule: Rule) -> Outcome:
    reader = _reader(rule)
    terms = reader.terms
    each = bool(rule.get("each", False))
    minimum = int(rule.get("min", 1))
    hits: list[tuple[str, Any, str]] = []
    misses: list[tuple[str, Any, str]] = []
    hit_items: set[int] = set()  # id() of items already counted: a set, so many items stay linear
    where = rule.get("where")
    for path in rule["in"]:
        kind, field_name = path.split(".", 1)
        candidates = [it for it in context.collection(kind) if matches(it, where)]
        said = context.filled_each(candidates, field_name)
        for item, filled in zip(candidates, said, strict=True):
            if not filled:
                continue
            if id(item) in hit_items:
                continue
            found = reader.found(attr(item, field_name) or "")
            if found is not None:
                hits.append((kind, item, found))
                hit_items.add(id(item))
            else:
                misses.append((kind, item, field_name))
    misses = [m for m in misses if id(m[1]) not in hit_items]
    support = tuple((kind, item.id) for kind, item, _ in hits if kind != "portfolio")
    names = [f"{context.name(kind, item)} (“{word}”)" for kind, item, word in hits[:4]]
    if len(hits) > 4:
        names.append(f"{len(hits) - 4} more")
    wanted = join_names([f"“{t.shown}”" for t in terms[:4]]).replace(" and ", " or ")
    if each and misses:
        shown = join_names(
            [
                f"{context.name(kind, item)} {quote(getattr(item, f), 40)}"
                for kind, item, f in misses
            ]
        )
        fixes = tuple(context.location(kind, item, f) for kind, item, f in misses[:5])
        return Outcome(
            Status.PARTLY if hits else Status.MISSING,
            sentence(rule["label"], f"{shown} {'does' if len(misses) == 1 else 'do'} not say it"),
            fixes,
            support,
        )
    if len(hits) >= minimum:
        return Outcome(Status.MET, sentence(rule["label"], join_names(names)), (), support)
    first_kind = rule["in"][0].split(".", 1)
    fixes = (context.location(first_kind[0], None, first_kind[1]),)
    if hits:
        return Outcome(
            Status.PARTLY,
            sentence(rule["label"], f"{len(hits)} of {minimum} needed ({join_names(names)})"),
            fixes,
            support,
        )
    return Outcome(Status.MISSING, sentence(rule["label"], f"nothing mentions {wanted}"), fixes)


@dataclass(frozen=True)
class RuleType:
    evaluate: Callable[[Context, Rule], Outcome]
    required: frozenset[str]
    optional: frozenset[str]
    #: checks of the settings beyond the shared ones (a rule type with its own vocabulary)
    validate: Callable[[Rule, str], None] | None = None


_COMMON = frozenset({"rule", "label", "negate"})
RULE_TYPES: dict[str, RuleType] = {
    "items": RuleType(
        rule_items,
        frozenset({"collection"}),
        frozenset({"fields", "partly_fields", "min", "each", "where", WITHIN}),
    ),
    "distinct": RuleType(
        rule_distinct, frozenset({"collection", "field"}), frozenset({"min", "fields", "where"})
    ),
    "linked": RuleType(
        rule_linked, frozenset({"collection", "relation"}), frozenset({"each", "min", "where"})
    ),
    "mapped": RuleType(rule_mapped, frozenset(), frozenset({"min"})),
    "text": RuleType(rule_text, frozenset({"field"}), frozenset({"min_words", "partly_words"})),
    "mentions": RuleType(
        rule_mentions,
        frozenset({"any_of", "in"}),
        frozenset({"min", "each", "where", "numbers", "none_of"}),
    ),
    "improved": RuleType(rule_improved, frozenset(), frozenset({"min_share"})),
    "measures": RuleType(rule_measures, frozenset(), frozenset({"min"})),
    "tailored": RuleType(
        rule_tailored,
        frozenset({"collection", "field", "relation"}),
        frozenset({"each", "min_shared", "against", "generic"}),
    ),
    "swimlane": RuleType(
        rule_swimlane,
        frozenset(),
        frozenset({"version", "min_lanes", "min_handoffs", "min_outcomes", "measurable"}),
    ),
    "matrix": RuleType(rule_matrix, frozenset(), frozenset({"min_options", "min_criteria"})),
    "children": RuleType(
        rule_children,
        frozenset({"collection", "relation"}),
        frozenset({"min", "each", "where", "child_fields", "distinct"}),
    ),
    "smart": RuleType(
        rule_smart,
        frozenset(),
        frozenset({"min", "each", "where", "measure_words", "measurable"}),
    ),
    "any": RuleType(rule_any, frozenset({"rules"}), frozenset()),
    "legislation": RuleType(
        rule_legislation, frozenset(), LEGISLATION_SETTINGS, validate_legislation_rule
    ),
}


def evaluate(context: Context, rule: Rule) -> Outcome:
    return apply_within(context, rule, RULE_TYPES[rule["rule"]].evaluate(context, rule))


# -- validation of rules in unit files --------------------------------------------------------


def _model_for(kind: str, where: str) -> Any:
    if kind == "portfolio":
        return Portfolio
    if kind not in COLLECTIONS:
        raise InvalidInputError(
            f"{where}: unknown collection '{kind}' (known: {', '.join(COLLECTIONS)})"
        )
    return ITEM_MODELS[kind]


def _attributes(model: Any) -> set[str]:
    mapper = inspect(model)
    return {c.key for c in mapper.columns} | {r.key for r in mapper.relationships}


def validate_rule(rule: Rule, where: str) -> None:
    """Raise InvalidInputError naming ``where`` when ``rule`` is not a well-formed rule."""
    kind_name = rule.get("rule")
    if kind_name not in RULE_TYPES:
        raise InvalidInputError(
            f"{where}: unknown rule '{kind_name}' (rules: {', '.join(RULE_TYPES)})"
        )
    spec = RULE_TYPES[kind_name]
    keys = set(rule)
    missing = spec.required - keys
    unknown = keys - spec.required - spec.optional - _COMMON
    if "label" not in rule:
        missing = missing | {"label"}
    if missing:
        raise InvalidInputError(f"{where}: rule '{kind_name}' needs {', '.join(sorted(missing))}")
    if unknown:
        raise InvalidInputError(
            f"{where}: rule '{kind_name}' has unknown setting {', '.join(sorted(unknown))}"
        )
    if spec.validate is not None:
        spec.validate(rule, where)
    if kind_name == "any":
        if not isinstance(rule["rules"], list) or not rule["rules"]:
            raise InvalidInputError(f"{where}: rule 'any' needs a list of rules")
        for index, alternative in enumerate(rule["rules"]):
            validate_rule(alternative, f"{where} alternative {index + 1}")
        return
    if "version" in rule and rule["version"] not in PROCESS_VERSIONS:
        raise InvalidInputError(f"{where}: version must be one of {', '.join(PROCESS_VERSIONS)}")
    fields_to_check: list[tuple[str, str]] = []
    if "child_fields" in rule or "distinct" in rule:
        relation = inspect(_model_for(rule["collection"], where)).relationships.get(
            rule["relation"]
        )
        if relation is None:
            raise InvalidInputError(f"{where}: {rule['collection']} has no '{rule['relation']}'")
        child = relation.mapper.class_.__tablename__
        for name, _ in field_specs(rule.get("child_fields")):
            fields_to_check.append((child, name))
        distinct = rule.get("distinct", [])
        if not isinstance(distinct, list) or not all(isinstance(n, str) for n in distinct):
            raise InvalidInputError(f"{where}: 'distinct' must be a list of field names")
        fields_to_check += [(child, name) for name in distinct]
    if WITHIN in rule:
        setting = rule[WITHIN]
        if (
            not isinstance(setting, Mapping)
            or set(setting) != {"amounts", "limits"}
            or not isinstance(setting["limits"], str)
            or not isinstance(setting["amounts"], str | list)
        ):
            raise InvalidInputError(
                f'{where}: \'{WITHIN}\' must be {{"amounts": [fields], "limits": field}}'
            )
        amounts = setting["amounts"]
        for name in [amounts] if isinstance(amounts, str) else amounts:
            fields_to_check.append((rule["collection"], str(name)))
        fields_to_check.append((rule["collection"], setting["limits"]))
    if "collection" in rule:
        collection = rule["collection"]
        _model_for(collection, where)
        for name, _ in field_specs(rule.get("fields")) + field_specs(rule.get("partly_fields")):
            fields_to_check.append((collection, name))
        for name in rule.get("where") or {}:
            fields_to_check.append((collection, name))
        for key in ("field", "relation"):
            if key in rule:
                fields_to_check.append((collection, rule[key]))
    elif "field" in rule:
        fields_to_check.append(("portfolio", rule["field"]))
    if kind_name == "smart":  # reads the actions without naming them
        fields_to_check += [("action_item", name) for name in rule.get("where") or {}]
    for path in rule.get("in", []):
        if "." not in path:
            raise InvalidInputError(f"{where}: '{path}' must be written kind.field")
        fields_to_check.append(tuple(path.split(".", 1)))  # type: ignore[arg-type]
    for kind, name in fields_to_check:
        if name not in _attributes(_model_for(kind, where)):
            raise InvalidInputError(f"{where}: {kind} has no field '{name}'")
    for key in (
        "min",
        "min_words",
        "partly_words",
        "min_lanes",
        "min_handoffs",
        "min_options",
        "min_criteria",
        "min_outcomes",
        "measure_words",
    ):
        if key in rule and (not isinstance(rule[key], int) or rule[key] < 1):
            raise InvalidInputError(f"{where}: '{key}' must be a whole number of at least 1")


def validate_unit_rules(document: Mapping[str, Any]) -> None:
    for point in document["marking_points"]:
        for index, rule in enumerate(point.get("rules", [])):
            validate_rule(rule, f"{point['id']} rule {index + 1}")
    short_ids = {point["id"].rsplit(".", 1)[-1] for point in document["marking_points"]}
    for misconception in document.get("misconceptions", []):
        for index, rule in enumerate(misconception.get("when", [])):
            validate_rule(rule, f"misconception {misconception['id']} condition {index + 1}")
        for group, entry in enumerate(misconception.get("when_any", []), start=1):
            rules = entry["rules"] if isinstance(entry, Mapping) else entry
            for capped in entry.get("caps", []) if isinstance(entry, Mapping) else []:
                if capped not in short_ids:
                    raise InvalidInputError(
                        f"misconception {misconception['id']} alternative {group} caps "
                        f"'{capped}', which is not a marking point of this unit"
                    )
            for index, rule in enumerate(rules):
                validate_rule(
                    rule,
                    f"misconception {misconception['id']} alternative {group} condition "
                    f"{index + 1}",
                )
        for capped in misconception.get("caps", []):
            if capped not in short_ids:
                raise InvalidInputError(
                    f"misconception {misconception['id']} caps '{capped}', which is not a "
                    "marking point of this unit"
                )
    for path, spec in document.get("substance", {}).get("restatement", {}).items():
        kind, _, field_name = path.partition(".")
        model = _model_for(kind, f"substance restatement '{path}'")
        if field_name not in _attributes(model) or spec["against"] not in _attributes(model):
            raise InvalidInputError(
                f"substance restatement '{path}': {kind} has no field '{field_name}' or "
                f"relation '{spec['against']}'"
            )
