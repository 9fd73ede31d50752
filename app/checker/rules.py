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
``text``      the portfolio's narrative ``field`` has at least ``min_words`` words
              (``partly_words`` for "partly").
``mentions``  at least ``min`` items mention one of ``any_of`` (case-insensitive) in one of the
              fields named in ``in`` (``"kind.field"``).

A field in ``fields`` is a name or ``{"name": ..., "min_words": n}``. ``where`` maps field
names to a required value or a list of allowed values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect

from app.checker.context import COLLECTIONS, Context
from app.checker.outcome import (
    NOUN,
    Outcome,
    field_specs,
    matches,
    missing_fields,
    readable,
    sentence,
)
from app.checker.relations import WITHIN, apply_within
from app.checker.result import Location, Status
from app.checker.text import join_names, word_count
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
    items = [it for it in context.collection(kind) if matches(it, rule.get("where"))]
    full = [it for it in items if not missing_fields(context, it, specs)]
    incomplete = [it for it in items if missing_fields(context, it, specs)]
    partial = [
        it
        for it in incomplete
        if (partly_specs and not missing_fields(context, it, partly_specs))
        or (not partly_specs and len(missing_fields(context, it, specs)) < len(specs))
    ]
    support = tuple((kind, it.id) for it in full)
    gaps = [
        f"{context.name(kind, it)} has no "
        + join_names([readable(name) for name in missing_fields(context, it, specs)])
        for it in incomplete[:3]
    ]
    fixes = tuple(
        context.location(kind, it, missing_fields(context, it, specs)[0]) for it in incomplete[:5]
    )
    noun = NOUN.get(kind, kind)
    if not items or (each and len(items) < minimum):
        where = " matching" if rule.get("where") else ""
        detail = "none found yet" if not items else f"{len(items)} of {minimum} found"
        return Outcome(
            Status.MISSING,
            sentence(
                rule["label"], f"{detail} (add {minimum}{where} {noun}{'s' if minimum > 1 else ''})"
            ),
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


def rule_distinct(context: Context, rule: Rule) -> Outcome:
    kind = rule["collection"]
    field_name = rule["field"]
    specs = field_specs(rule.get("fields"))
    minimum = int(rule.get("min", 2))
    items = [
        it
        for it in context.collection(kind)
        if matches(it, rule.get("where")) and not missing_fields(context, it, specs)
    ]
    valued = [it for it in items if context.filled(it, field_name)]
    values = Counter(getattr(it, field_name) for it in valued)
    vocabulary = VOCABULARIES.get((kind, field_name))
    shown = [f"{label(vocabulary, v) if vocabulary else v} ×{n}" for v, n in values.items()]
    support = tuple((kind, it.id) for it in valued)
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
            Status.MISSING, sentence(rule["label"], f"no {noun}s yet"), (context.location(kind),)
        )
    fixes = tuple(context.location(kind, it, relation) for it in unlinked[:5])
    if (each and not unlinked and len(items) >= minimum) or (not each and len(linked) >= minimum):
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{len(linked)} of {len(items)} {noun}s linked"),
            (),
            support,
        )
    names = context.join(kind, unlinked)
    status = Status.PARTLY if linked else Status.MISSING
    return Outcome(
        status,
        sentence(
            rule["label"], f"{len(linked)} of {len(items)} {noun}s linked; not linked: {names}"
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
    support = tuple(link.target for link in valid)
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
    value = getattr(context.portfolio, field_name) or ""
    count = word_count(value)
    where = (context.location("portfolio", None, field_name),)
    if count >= minimum:
        return Outcome(
            Status.MET,
            sentence(rule["label"], f"{count} words written"),
            (),
            (("portfolio", context.portfolio.id),),
        )
    if count >= partly:
        return Outcome(
            Status.PARTLY,
            sentence(rule["label"], f"{count} words written, {minimum} expected"),
            where,
        )
    return Outcome(Status.MISSING, sentence(rule["label"], "not written yet"), where)


def rule_mentions(context: Context, rule: Rule) -> Outcome:
    keywords = [k.lower() for k in rule["any_of"]]
    minimum = int(rule.get("min", 1))
    hits: list[tuple[str, Any, str]] = []
    for path in rule["in"]:
        kind, field_name = path.split(".", 1)
        for item in context.collection(kind):
            text = (getattr(item, field_name) or "").lower()
            found = next((k for k in keywords if k in text), None)
            if found and all(h[1] is not item for h in hits):
                hits.append((kind, item, found))
    support = tuple((kind, item.id) for kind, item, _ in hits if kind != "portfolio")
    names = [f"{context.name(kind, item)} (“{word}”)" for kind, item, word in hits[:4]]
    if len(hits) > 4:
        names.append(f"{len(hits) - 4} more")
    if len(hits) >= minimum:
        return Outcome(Status.MET, sentence(rule["label"], join_names(names)), (), support)
    first_kind = rule["in"][0].split(".", 1)
    fixes = (context.location(first_kind[0], None, first_kind[1]),)
    wanted = join_names([f"“{k}”" for k in rule["any_of"][:4]]).replace(" and ", " or ")
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
    "mentions": RuleType(rule_mentions, frozenset({"any_of", "in"}), frozenset({"min"})),
    "swimlane": RuleType(
        rule_swimlane,
        frozenset(),
        frozenset({"version", "min_lanes", "min_handoffs", "min_outcomes"}),
    ),
    "matrix": RuleType(rule_matrix, frozenset(), frozenset({"min_options", "min_criteria"})),
    "children": RuleType(
        rule_children,
        frozenset({"collection", "relation"}),
        frozenset({"min", "each", "where", "child_fields", "distinct"}),
    ),
    "smart": RuleType(
        rule_smart, frozenset(), frozenset({"min", "each", "where", "measure_words"})
    ),
    "any": RuleType(rule_any, frozenset({"rules"}), frozenset()),
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
    for misconception in document.get("misconceptions", []):
        for index, rule in enumerate(misconception.get("when", [])):
            validate_rule(rule, f"misconception {misconception['id']} condition {index + 1}")
