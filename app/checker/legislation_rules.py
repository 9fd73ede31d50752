"""Legislation judged against the library (resources/legislation.json), as an examiner would.

Every citation on an action or a finding is read: its legislation links (a library entry and
a justification) and, for an action, the law typed in ``legislation`` with its
``compliance_justification``. Each is resolved to a library entry and judged:

- a repealed or replaced law does not count, and the reason names what replaced it;
- an organisation's own policy, charter or code is not legislation;
- a law with no customer-service duty in scope (a generic "health and safety") does not show
  how the service complies;
- a name the library does not hold cannot be checked;
- a justification must name a duty the law governs (its ``justification_terms``), speak to
  the item it sits on (share content words with it), say something (not a placeholder), and
  be neither the marking point's own wording nor the same text given for another law.

``legislation``  at least ``min`` (default 1) accepted citations on items of ``collections``
                 (``action_item`` and/or ``analysis_finding``; default actions) filtered by
                 ``where``; with ``"each": true`` every matching item needs one. Any rejected
                 citation holds it at "partly". ``standards`` (default false): recognised
                 standards (ISO 10002, ServiceMark) count as well as legislation.
                 ``require_justification`` (default true): judge the justifications;
                 ``min_words`` content words a justification needs (default 5);
                 ``same_text`` similarity 0–100 at which two justifications count as one
                 pasted text (default 85). ``without`` (a problem code below) turns the rule
                 into a misconception condition: met when no citation shows that problem.

Problem codes: ``repealed-law``, ``not-legislation``, ``generic-law``,
``boilerplate-justification`` (pasted across laws, or the criterion's own wording) — also the
codes of the "substance" warnings ``legislation_warnings`` returns — and ``unknown-law``,
``unjustified``, ``uncited`` (a matching item with no current law).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import inspect

from app.catalogue.legislation import (
    LegalEntry,
    find_internal_policies,
    find_unresolved_laws,
    resolve_citations,
)
from app.checker import substance
from app.checker.context import Context, Examined
from app.checker.outcome import NOUN, Outcome, Rule, matches, sentence
from app.checker.result import Location, Status, Warning
from app.checker.substance import Term, find_term
from app.checker.text import join_names, quote
from app.errors import InvalidInputError
from app.models import ITEM_MODELS

#: Items a citation sits on, and the fields of an action that cite a law in its own words.
CITING = ("action_item", "analysis_finding")
TEXT_FIELDS = {"action_item": ("legislation", "compliance_justification")}
#: What an item says about itself: a justification must share content words with these.
ITEM_TEXT = {
    "action_item": (
        "action",
        "expected_benefit",
        "objective",
        "communication",
        "team_roles",
        "success_measure",
        "overcome_barriers",
    ),
    "analysis_finding": ("theme", "touchpoint", "root_cause", "data_summary"),
}


@cache
def _generic() -> frozenset[str]:
    """Content words every customer-service text shares: sharing them says nothing about an
    item. Lemmatised on first use, not at import: the lemma dictionary takes a fifth of a
    second to load, which a window that only shows verdicts never needs."""
    return frozenset(
        substance.lemmas(
            "customer customers service services staff team colleague business company "
            "organisation law laws legislation act regulation regulations comply complies "
            "compliance compliant ensure ensures follow follows right rights new change changes "
            "process procedure policy way always good keep keeps help helps"
        )
    )


PROBLEMS = (
    "repealed-law",
    "not-legislation",
    "generic-law",
    "boilerplate-justification",
    "unknown-law",
    "unjustified",
    "uncited",
)
WARNING_CODES = PROBLEMS[:4]
DEFAULT_SAME_TEXT = 85.0
DEFAULT_MIN_WORDS = 5
#: Above this many justifications, only identical texts count as pasted across laws.
FUZZY_LIMIT = 200


@dataclass
class Cited:
    """One law (or what was offered as one) cited on one item, and the verdict on it."""

    kind: str
    item: Any
    shown: str
    entry: LegalEntry | None = None
    section: str = ""
    link: Any = None
    justification: str = ""
    problem: str = ""
    why: str = ""
    #: a standard where the rule asks for legislation: neither counted nor wrong
    not_counted: str = ""
    #: the justification repeats a marking point's wording (a placeholder, not a reason)
    echo: bool = False

    @property
    def accepted(self) -> bool:
        return not self.problem and not self.not_counted

    @property
    def title(self) -> str:
        return self.entry.title if self.entry else self.shown

    @property
    def source(self) -> tuple[str, int, str]:
        """The text holding the justification: a link's, or the item's own field."""
        if self.link is not None:
            return ("legislation_link", self.link.id, "justification")
        return (self.kind, self.item.id, "compliance_justification")

    def location(self, context: Context, field_name: str) -> Location:
        if self.link is not None:
            return context.location("legislation_link", self.link, field_name)
        return context.location(self.kind, self.item, field_name)

    @property
    def fix_field(self) -> str:
        justification_problem = self.problem in {"unjustified", "boilerplate-justification"}
        if self.link is not None:
            return "justification" if justification_problem else "entry_id"
        return "compliance_justification" if justification_problem else "legislation"


@dataclass(frozen=True)
class Settings:
    collections: tuple[str, ...] = ("action_item",)
    where: Mapping[str, Any] | None = None
    standards: bool = False
    require_justification: bool = True
    min_words: int = DEFAULT_MIN_WORDS
    same_text: float = DEFAULT_SAME_TEXT

    @classmethod
    def of(cls, rule: Rule) -> Settings:
        return cls(
            tuple(rule.get("collections", ("action_item",))),
            rule.get("where"),
            bool(rule.get("standards", False)),
            bool(rule.get("require_justification", True)),
            int(rule.get("min_words", DEFAULT_MIN_WORDS)),
            float(rule.get("same_text", DEFAULT_SAME_TEXT)),
        )


@dataclass
class _Judged:
    items: list[tuple[str, Any]] = field(default_factory=list)
    cited: dict[tuple[str, int], list[Cited]] = field(default_factory=dict)


# -- reading the citations --------------------------------------------------------------------


def _links(context: Context, kind: str, item: Any) -> list[Any]:
    ref = "action_id" if kind == "action_item" else "finding_id"
    return [
        link for link in context.collection("legislation_link") if getattr(link, ref) == item.id
    ]


def citations_on(context: Context, kind: str, item: Any) -> list[Cited]:
    """Everything ``item`` cites: its legislation links, then the law typed in its fields."""
    from app.catalogue.legislation import load_library

    library = load_library()
    out: list[Cited] = []
    for link in _links(context, kind, item):
        entry = library.get(link.entry_id)
        shown = entry.title if entry else link.entry_id
        out.append(Cited(kind, item, shown, entry, "", link, link.justification or ""))
        if entry is None:
            out[-1].problem, out[-1].why = "unknown-law", f"{quote(shown)} is not in the library"
    fields = TEXT_FIELDS.get(kind)
    if fields:
        text = getattr(item, fields[0]) or ""
        why = getattr(item, fields[1]) or ""
        resolved = resolve_citations(text)
        current = any(c.entry.current for c in resolved)
        for citation in resolved:
            if current and not citation.entry.current and _mentioned_as_history(text, citation):
                continue  # "CRA 2015 (replaced the Sale of Goods Act 1979)"
            out.append(
                Cited(kind, item, citation.text, citation.entry, citation.section, None, why)
            )
        for name in find_unresolved_laws(text):
            out.append(
                Cited(
                    kind,
                    item,
                    name,
                    None,
                    justification=why,
                    problem="unknown-law",
                    why=f"{quote(name)} is not a law or standard the library holds: check its "
                    "name and year, or cite one from the library",
                )
            )
        for name in find_internal_policies(text):
            if current and _policy_under_law(text, name):
                continue  # "UK GDPR (our data protection policy follows it)"
            out.append(
                Cited(
                    kind,
                    item,
                    name,
                    None,
                    justification=why,
                    problem="not-legislation",
                    why=f"{quote(name)} is the organisation's own policy, not legislation: "
                    "name the law it puts into practice",
                )
            )
    return out


_HISTORY = re.compile(
    r"\b(?:replac\w*|repeal\w*|supersed\w*|formerly|previously|instead\s+of|used\s+to\s+be|"
    r"took\s+over\s+from|successor|old)\b",
    re.IGNORECASE,
)
_UNDER_LAW = re.compile(
    r"\b(?:follows?|implements?|in\s+line\s+with|based\s+on|puts?\s+(?:it\s+)?into\s+practice|"
    r"reflects?|under|applies|applying|complies|meets?)\b",
    re.IGNORECASE,
)
#: How far (characters) around a citation words can say it is history or practice of a law.
_NEAR = 40


def _mentioned_as_history(text: str, citation: Any) -> bool:
    """A superseded law named as what the cited law replaced, not cited itself."""
    return _HISTORY.search(text[max(0, citation.start - _NEAR) : citation.start]) is not None


def _policy_under_law(text: str, name: str) -> bool:
    """The organisation's policy named as how it follows a law that is cited beside it."""
    start = text.lower().find(name.lower())
    if start < 0:
        return False
    around = text[max(0, start - _NEAR) : start + len(name) + _NEAR]
    return _UNDER_LAW.search(around) is not None


def _without_names(text: str) -> str:
    """A justification with the laws it names taken out (naming the Act is not the duty)."""
    for citation in sorted(resolve_citations(text), key=lambda c: -c.start):
        text = text[: citation.start] + " " + text[citation.end :]
    return text


def _names_duty(entry: LegalEntry, text: str) -> bool:
    return any(find_term(text, Term.parse(term)) for term in entry.justification_terms)


def _item_words(kind: str, item: Any) -> set[str]:
    words: set[str] = set()
    for name in ITEM_TEXT.get(kind, ()):
        words.update(substance.content_lemmas(getattr(item, name) or ""))
    return words - _generic()


def _judge_entry(cited: Cited, settings: Settings) -> None:
    entry = cited.entry
    if entry is None or cited.problem:
        return
    if not entry.current:
        successor = entry.replaced_by
        cited.problem = "repealed-law"
        cited.why = f"{quote(cited.shown)}: {entry.status_text()}" + (
            "; cite the law in force instead" if successor else ""
        )
    elif entry.generic:
        cited.problem = "generic-law"
        cited.why = (
            f"{quote(cited.shown)} has no customer-service duty in scope: {entry.scope_note}"
        )
    elif entry.kind == "standard" and not settings.standards:
        cited.not_counted = f"{entry.title} is a standard, not legislation"


def _judge_justification(context: Context, cited: Cited, settings: Settings) -> None:
    if cited.problem or cited.entry is None or not settings.require_justification:
        return
    text = cited.justification
    if cited.link is not None:
        where = f"the link to the {cited.entry.title}"
    else:
        where = f"{context.name(cited.kind, cited.item)} (for the {cited.entry.title})"
    if not text.strip():
        cited.problem = "unjustified"
        cited.why = (
            f"the link to the {cited.entry.title} has no justification"
            if cited.link is not None
            else f"{context.name(cited.kind, cited.item)} has no compliance justification "
            f"for the {cited.entry.title}"
        )
        return
    judgement = substance.judge(text, "justification", False, context.echoes)
    point_texts = context.echoes or ()
    if judgement.code == "echo" or any(
        substance.similarity(text, echo) >= settings.same_text for echo in point_texts
    ):
        cited.problem = "boilerplate-justification"
        cited.echo = True
        cited.why = (
            f"the justification {quote(text)} in {where} repeats the marking point's wording "
            "instead of saying how the action complies"
        )
        return
    if not judgement.counts:
        cited.problem, cited.why = "unjustified", f"{where}: {quote(text)} {judgement.why}"
        return
    own = _without_names(text)
    if judgement.content_words < settings.min_words:
        cited.problem = "unjustified"
        cited.why = f"{where}: {quote(text)} says too little to justify compliance"
    elif not _names_duty(cited.entry, own):
        examples = join_names([f"‘{duty}’" for duty in cited.entry.scope[:2]]).replace(
            " and ", " or "
        )
        cited.problem = "unjustified"
        cited.why = (
            f"{where}: {quote(text)} does not name the duty the {cited.entry.title} sets "
            f"(for example {examples})"
        )
    elif not (set(substance.content_lemmas(own)) - _generic()) & _item_words(
        cited.kind, cited.item
    ):
        cited.problem = "unjustified"
        cited.why = (
            f"{where}: {quote(text)} does not say how the law applies to "
            f"{context.name(cited.kind, cited.item)}"
        )


def _pasted(context: Context, everything: list[Cited], threshold: float) -> None:
    """Mark justifications given, near word for word, for different laws."""
    texts: dict[tuple[str, int, str], tuple[str, set[str], list[Cited]]] = {}
    for cited in everything:
        if cited.entry is None or not cited.justification.strip():
            continue
        key = substance.normalised(_without_names(cited.justification))
        if len(key.split()) < 3:
            continue
        entry = texts.setdefault(cited.source, (key, set(), []))
        entry[1].add(cited.entry.id)
        entry[2].append(cited)
    sources = list(texts.items())
    fuzzy = len(sources) <= FUZZY_LIMIT
    for index, (_, (key, laws, group)) in enumerate(sources):
        for _, (other_key, other_laws, other_group) in sources[index + 1 :]:
            if laws & other_laws:
                continue
            same = key == other_key or (fuzzy and substance.similarity(key, other_key) >= threshold)
            if not same:
                continue
            for mine, theirs in ((group, other_group), (other_group, group)):
                other = theirs[0]
                for cited in mine:
                    if cited.problem in {"", "unjustified"} and not cited.not_counted:
                        cited.problem = "boilerplate-justification"
                        cited.why = (
                            f"the justification {quote(cited.justification)} for the "
                            f"{cited.title} on {context.name(cited.kind, cited.item)} is the "
                            f"same text as for the {other.title} on "
                            f"{context.name(other.kind, other.item)}: say how each law applies"
                        )


def judge_citations(
    context: Context, settings: Settings, items: list[tuple[str, Any]]
) -> dict[tuple[str, int], list[Cited]]:
    """Every citation on ``items``, judged; pasted text is sought across the whole portfolio."""
    every = [(kind, item) for kind in CITING for item in context.collection(kind)]
    judged: dict[tuple[str, int], list[Cited]] = {}
    for kind, item in every:
        found = citations_on(context, kind, item)
        for cited in found:
            _judge_entry(cited, settings)
        judged[(kind, item.id)] = found
    everything = [cited for found in judged.values() for cited in found]
    if settings.require_justification:
        _pasted(context, everything, settings.same_text)
        for cited in everything:
            # A standard where the rule asks for legislation is neither counted nor wrong:
            # how well it is justified cannot hold the point back.
            if not cited.problem and not cited.not_counted:
                _judge_justification(context, cited, settings)
    for found in judged.values():  # a law justified once on an item needs no second one
        good = {c.entry.id for c in found if c.accepted and c.entry is not None}
        # "CRA 2015 s.49; CCRs 2013" with one justification naming the CRA's duty: the
        # justification serves the citation it names; the other is not wrong, only uncounted.
        shared = {c.justification for c in found if c.accepted and c.link is None}
        for cited in found:
            if cited.problem != "unjustified" or cited.entry is None:
                continue
            if cited.entry.id in good:
                cited.problem, cited.not_counted = "", "justified elsewhere on the item"
            elif cited.link is None and cited.justification in shared:
                cited.problem, cited.not_counted = "", "cited beside a law the text justifies"
    return {(kind, item.id): judged[(kind, item.id)] for kind, item in items}


# -- the rule ---------------------------------------------------------------------------------


def _record(context: Context, citations: list[Cited]) -> None:
    """Keep the justifications read for the point, counted or not, for the audit trail."""
    if context.point is None:
        return
    trail = context.examined.setdefault(context.point.id, {})
    for cited in citations:
        if cited.entry is None and cited.link is None:
            key = (cited.kind, cited.item.id, "legislation")
            text = getattr(cited.item, "legislation", "") or ""
        else:
            key = cited.source
            text = cited.justification
        counts = cited.accepted or bool(cited.not_counted and not cited.problem)
        if key in trail and (counts or not trail[key].counts):
            continue
        code = ""
        if cited.problem == "boilerplate-justification" and (
            cited.echo or any(substance.similarity(text, e) >= 85 for e in context.echoes)
        ):
            code = "echo"  # the criterion pasted in: a placeholder as well as boilerplate
        if cited.problem == "unjustified" and text.strip():
            judgement = substance.judge(text, "justification", False, context.echoes)
            code = judgement.code if judgement.code not in {"echo", "empty"} else ""
        why = cited.why or cited.not_counted
        trail[key] = Examined(key[0], key[1], key[2], text, counts, code, why)


def _record_uncited(
    context: Context, items: list[tuple[str, Any]], judged: dict[tuple[str, int], list[Cited]]
) -> None:
    """An item that cites nothing was read too: a mapping of it shows no law either."""
    if context.point is None:
        return
    trail = context.examined.setdefault(context.point.id, {})
    for kind, item in items:
        fields = TEXT_FIELDS.get(kind)
        if not fields or judged.get((kind, item.id)):
            continue
        text = getattr(item, fields[0]) or ""
        judgement = substance.judge(text, "legislation", False, ())
        code = judgement.code if judgement.code != "empty" else ""
        why = judgement.why if code else "names no law or standard"
        trail.setdefault(
            (kind, item.id, fields[0]), Examined(kind, item.id, fields[0], text, False, code, why)
        )


def _matching(context: Context, settings: Settings) -> list[tuple[str, Any]]:
    return [
        (kind, item)
        for kind in settings.collections
        for item in context.collection(kind)
        if matches(item, settings.where)
    ]


def rule_legislation(context: Context, rule: Rule) -> Outcome:
    settings = Settings.of(rule)
    items = _matching(context, settings)
    judged = judge_citations(context, settings, items)
    everything = [cited for found in judged.values() for cited in found]
    if "without" in rule:
        return _without(context, rule, everything)
    minimum = int(rule.get("min", 1))
    each = bool(rule.get("each", False))
    noun = join_names([NOUN.get(kind, kind) for kind in settings.collections]).replace(
        " and ", " or "
    )
    if not items:
        where = " matching" if settings.where else ""
        return Outcome(
            Status.MISSING,
            sentence(rule["label"], f"none found yet (add {minimum}{where} {noun})"),
            tuple(context.location(kind) for kind in settings.collections),
        )
    _record(context, everything)
    _record_uncited(context, items, judged)
    accepted = {(c.kind, c.item.id, c.entry.id): c for c in everything if c.accepted and c.entry}
    rejected = [c for c in everything if c.problem]
    uncited = [
        (kind, item) for kind, item in items if not any(c.accepted for c in judged[(kind, item.id)])
    ]
    support = tuple(
        dict.fromkeys(
            ("legislation_link", c.link.id) if c.link is not None else (c.kind, c.item.id)
            for c in accepted.values()
        )
    )
    by_item: dict[tuple[str, int], list[str]] = {}
    for c in accepted.values():
        assert c.entry is not None
        by_item.setdefault((c.kind, c.item.id), []).append(c.entry.title)
    shown = [
        f"{NOUN.get(kind, kind)} {context.numbers.get((kind, item_id), 0)}: {join_names(titles)}"
        for (kind, item_id), titles in by_item.items()
    ]
    flagged = [c for c in rejected if _beside_sound_citation(c, by_item)]
    if len(accepted) >= minimum and len(flagged) == len(rejected) and not (each and uncited):
        aside = "; ".join(dict.fromkeys(c.why for c in flagged[:2]))
        return Outcome(
            Status.MET,
            sentence(
                rule["label"],
                f"{len(accepted)} current citation{'s' if len(accepted) != 1 else ''}, "
                f"each justified ({'; '.join(shown[:4])}"
                + (f"; and {len(shown) - 4} more" if len(shown) > 4 else "")
                + ")"
                + (f"; flagged beside them: {aside}" if aside else ""),
            ),
            (),
            support,
        )
    problems = [c.why for c in rejected]
    fixes = [c.location(context, c.fix_field) for c in rejected]
    if each or not accepted:
        for kind, item in uncited:
            if any(c.problem for c in judged[(kind, item.id)]):
                continue
            uncounted = [c.not_counted for c in judged[(kind, item.id)] if c.not_counted]
            problems.append(
                f"{context.name(kind, item)} cites no current law"
                + (f" ({uncounted[0]})" if uncounted else "")
            )
            fixes.append(
                context.location(kind, item, "legislation")
                if kind in TEXT_FIELDS
                else context.location("legislation_link")
            )
    found = f"{len(accepted)} of {minimum} needed"
    detail = "; ".join(dict.fromkeys(problems[:3])) + (
        f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    )
    anything = bool(everything)
    # A policy or an unknown "law" is no legislation at all: nothing creditable was cited.
    creditable = any(c.problem not in {"not-legislation", "unknown-law"} for c in everything)
    status = Status.PARTLY if creditable else Status.MISSING
    if not anything:
        detail = (
            f"no law is cited on any {noun} yet (name one, or link one on the Legislation tool)"
        )
    return Outcome(
        status,
        sentence(rule["label"], f"{found}; {detail}" if anything else detail),
        tuple(dict.fromkeys(fixes))[:5],
        support,
    )


def _beside_sound_citation(cited: Cited, by_item: Mapping[tuple[str, int], list[str]]) -> bool:
    """Whether a wrong citation sits on an item that also cites a current law, justified.

    Judged item by item: the change is still linked to the law it must comply with, so the
    stray citation (a repealed Act beside its successor, a policy beside the law) is named in
    a warning rather than held against the point. Only problems a warning names qualify, so
    the learner is always told what to correct.
    """
    return cited.problem in WARNING_CODES and (cited.kind, cited.item.id) in by_item


def _without(context: Context, rule: Rule, everything: list[Cited]) -> Outcome:
    codes = rule["without"] if isinstance(rule["without"], list) else [rule["without"]]
    offending = [c for c in everything if c.problem in codes]
    if not offending:
        return Outcome(
            Status.MET, sentence(rule["label"], f"no citation shows {' or '.join(codes)}")
        )
    return Outcome(
        Status.PARTLY,
        sentence(rule["label"], "; ".join(c.why for c in offending[:3])),
        tuple(dict.fromkeys(c.location(context, c.fix_field) for c in offending))[:5],
        tuple(dict.fromkeys((c.kind, c.item.id) for c in offending)),
    )


def validate_legislation_rule(rule: Rule, where: str) -> None:
    """Raise InvalidInputError naming ``where`` when the settings of ``rule`` are not valid."""
    collections = rule.get("collections", ["action_item"])
    if not isinstance(collections, list) or not collections or set(collections) - set(CITING):
        raise InvalidInputError(f"{where}: 'collections' must list {' and/or '.join(CITING)}")
    for name in rule.get("where") or {}:
        for kind in collections:
            mapper = inspect(ITEM_MODELS[kind])
            if name not in {c.key for c in mapper.columns}:
                raise InvalidInputError(f"{where}: {kind} has no field '{name}'")
    for key in ("each", "standards", "require_justification"):
        if key in rule and not isinstance(rule[key], bool):
            raise InvalidInputError(f"{where}: '{key}' must be true or false")
    if "min_words" in rule and (not isinstance(rule["min_words"], int) or rule["min_words"] < 1):
        raise InvalidInputError(f"{where}: 'min_words' must be a whole number of at least 1")
    same = rule.get("same_text", DEFAULT_SAME_TEXT)
    if isinstance(same, bool) or not isinstance(same, int | float) or not 50 <= same <= 100:
        raise InvalidInputError(f"{where}: 'same_text' must be a similarity from 50 to 100")
    if "min" in rule and (not isinstance(rule["min"], int) or rule["min"] < 1):
        raise InvalidInputError(f"{where}: 'min' must be a whole number of at least 1")
    if "without" in rule:
        codes = rule["without"] if isinstance(rule["without"], list) else [rule["without"]]
        if not codes or any(code not in PROBLEMS for code in codes):
            raise InvalidInputError(
                f"{where}: 'without' must be one (or a list) of {', '.join(PROBLEMS)}"
            )


#: Settings the rule accepts besides rule, label and negate.
OPTIONAL = frozenset(
    {
        "collections",
        "where",
        "min",
        "each",
        "standards",
        "require_justification",
        "min_words",
        "same_text",
        "without",
    }
)


# -- warnings ---------------------------------------------------------------------------------

HEADLINES = {
    "repealed-law": "Legislation: a law that is no longer current is cited",
    "not-legislation": "Legislation: an organisation's own policy is cited as if it were law",
    "generic-law": "Legislation: a law with no customer-service duty in scope is cited",
    "boilerplate-justification": "Legislation: a justification is pasted rather than written "
    "for its law and its item",
}


def legislation_warnings(context: Context) -> list[Warning]:
    """One "substance" warning per kind of wrong citation, naming each and where to fix it."""
    rules = [
        rule for point in context.unit.marking_points for rule in _legislation_rules(point.rules)
    ]
    points = [point.id for point in context.unit.marking_points if _legislation_rules(point.rules)]
    base = Settings.of(rules[0]) if rules else Settings()
    settings = Settings(CITING, None, True, True, base.min_words, base.same_text)
    items = [(kind, item) for kind in CITING for item in context.collection(kind)]
    everything = [c for found in judge_citations(context, settings, items).values() for c in found]
    warnings = []
    for code in WARNING_CODES:
        offending = [c for c in everything if c.problem == code]
        if not offending:
            continue
        whys = list(dict.fromkeys(c.why for c in offending))
        text = f"{HEADLINES[code]}: " + "; ".join(whys[:4])
        if len(whys) > 4:
            text += f" (and {len(whys) - 4} more)"
        warnings.append(
            Warning(
                "substance",
                code,
                text if text.endswith(".") else text + ".",
                tuple(dict.fromkeys(c.location(context, c.fix_field) for c in offending))[:5],
                points[0] if len(points) == 1 else None,
            )
        )
    return warnings


def _legislation_rules(rules: Any) -> list[Rule]:
    found: list[Rule] = []
    for rule in rules:
        if rule.get("rule") == "legislation" and "without" not in rule:
            found.append(rule)
        found += _legislation_rules(rule.get("rules", []))
    return found
