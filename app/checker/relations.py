"""Relations and dates between records: what an examiner checks across items, not inside one.

A box can be filled and still contradict another box. These checks read two or more records
together and say when they cannot both be true:

``date-order``       a metric's result dated before the action it evaluates started, a baseline
                     dated after its result, a log entry dated before the plan it implements
                     could exist.
``chosen-not-top``   the chosen option of the decision matrix is not the top weighted total and
                     the record does not say why each higher option was rejected, or a reason
                     claims a top score the totals do not give.
``same-technique``   a complaint case counts one technique twice (the same vocabulary value,
                     or "Other" twice with near-identical text), or two techniques share one
                     rationale.
``exceeds-limit``    a case solution gives more than a limit its own constraints state
                     (money, percentages, durations; like units only).

What "started" and "the plan" mean here, since the models hold no creation dates:

* an action *started* on its earliest log entry dated up to today (the first recorded step
  of doing it); with no such entry, the portfolio's start date is the floor.
* the *plan* behind a log entry could not exist before the portfolio was started, nor before
  the earliest feedback behind the findings its action addresses was received (an action
  answers that feedback); the later of the two is the floor.
* a metric *evaluates* the actions whose success measure shares a content word with the
  metric's name ("complaints", "CSAT"); when none does, it evaluates the improvement as a
  whole, which started with the earliest action.

Each check returns :class:`app.checker.result.Warning` values (category ``"substance"``); the
rule types that judge the same things (matrix, children with ``distinct``, a rule with
``within``) call the same functions so a verdict and its warning never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.checker.context import VALUE_CHECKS, Context
from app.checker.outcome import Outcome, matches, readable
from app.checker.result import Location, Status, Warning
from app.checker.substance import content_lemmas, similarity
from app.checker.tool_use import option_total, rule_kinds
from app.checker.vague import measurable
from app.models.stages import ActionItem, Metric
from app.models.tools import ComplaintCase, DecisionOption
from app.models.vocab import VOCABULARIES, label

CATEGORY = "substance"
#: Texts at least this alike (substance.similarity, 0–100) say the same thing.
SAME_TEXT = 85.0


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _quote(text: str, limit: int = 90) -> str:
    flat = " ".join((text or "").split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1].rstrip() + '…'}”"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _point_of(context: Context, wanted: Callable[[Mapping[str, Any]], bool]) -> str | None:
    """The one marking point with a rule for which ``wanted`` holds (None if none or several)."""
    found = [
        point.id
        for point in context.unit.marking_points
        if any(wanted(rule) for rule in _flat(point.rules))
    ]
    return found[0] if len(found) == 1 else None


def _flat(rules: Iterable[Mapping[str, Any]]) -> Iterable[Mapping[str, Any]]:
    for rule in rules:
        yield rule
        yield from _flat(rule.get("rules", []))


def _reads(kind: str) -> Callable[[Mapping[str, Any]], bool]:
    def wanted(rule: Mapping[str, Any]) -> bool:
        return kind in rule_kinds(rule)

    return wanted


# -- dates ------------------------------------------------------------------------------------


def _action_start(context: Context, action: ActionItem) -> tuple[dt.date, str] | None:
    """When ``action`` started: its earliest log entry dated up to today."""
    starts = context.memo.get("action_start")
    if starts is None:
        starts = context.memo["action_start"] = _action_starts(context)
    return starts.get(action.id)


def _action_starts(context: Context) -> dict[int, tuple[dt.date, str]]:
    """Every action's start (see _action_start), in one pass over the log: each metric
    and each check of dates asks for them."""
    first: dict[int, Any] = {}
    for entry in context.collection("log_entry"):
        day = entry.logged_on
        if entry.action_id is None or day is None or day > context.today:
            continue
        earliest = first.get(entry.action_id)
        if earliest is None or day < earliest.logged_on:  # the first of equal days
            first[entry.action_id] = entry
    return {
        action_id: (
            entry.logged_on,
            f"the date of its first log entry, {context.name('log_entry', entry)}",
        )
        for action_id, entry in first.items()
    }


def _plan_floor(context: Context, action: ActionItem | None) -> tuple[dt.date, str] | None:
    """The earliest day the plan behind ``action`` could exist, and why."""
    floors = context.memo.get("plan_floor")
    if floors is None:
        floors = context.memo["plan_floor"] = {}
    key = None if action is None else action.id
    if key not in floors:
        floors[key] = _floor(context, action)
    return floors[key]


def _floor(context: Context, action: ActionItem | None) -> tuple[dt.date, str] | None:
    floors: list[tuple[dt.date, str]] = []
    started = context.portfolio.started_on
    if started is not None:
        floors.append((started, "the portfolio was started"))
    if action is not None:
        received = [
            (item.received_on, item)
            for finding in action.findings
            for item in finding.feedback_items
            if item.received_on is not None
        ]
        if received:
            day, item = min(received, key=lambda pair: pair[0])
            floors.append(
                (
                    day,
                    f"{context.name('feedback_item', item)}, the earliest feedback "
                    f"{context.name('action_item', action)} answers, was received",
                )
            )
    return max(floors, key=lambda pair: pair[0]) if floors else None


#: Words too common in metric names to tie a metric to one action.
GENERIC_MEASURE_WORDS = _word_set(
    "customer average number rate time score monthly month week weekly per total level share "
    "percentage count"
)


def evaluated_actions(context: Context, metric: Metric) -> list[ActionItem]:
    """The actions ``metric`` measures: those whose success measure names it, else all."""
    actions = list(context.collection("action_item"))
    name = set(content_lemmas(metric.name or "")) - GENERIC_MEASURE_WORDS
    named = [
        action for action in actions if name & set(content_lemmas(action.success_measure or ""))
    ]
    return named or actions


def result_after_start(context: Context, metric: Metric) -> bool:
    """Whether ``metric``'s result could show the change: not dated before the earliest of
    the actions it evaluates started (a result with no date, or no start known, passes)."""
    if metric.result_on is None:
        return True
    starts = [s for a in evaluated_actions(context, metric) if (s := _action_start(context, a))]
    return not starts or metric.result_on >= min(day for day, _ in starts)


VALUE_CHECKS[("metric", "result_value")] = result_after_start


def date_order_warnings(context: Context) -> list[Warning]:
    warnings: list[Warning] = []
    metric_point = _point_of(context, _reads("metric"))
    for metric in context.collection("metric"):
        name = _capital(context.name("metric", metric))
        if metric.baseline_on and metric.result_on and metric.baseline_on > metric.result_on:
            warnings.append(
                Warning(
                    CATEGORY,
                    "date-order",
                    f"Dates: {name}: the baseline is dated {_day(metric.baseline_on)}, after the "
                    f"result ({_day(metric.result_on)}); a baseline is measured before the "
                    "change it is compared with.",
                    (context.location("metric", metric, "baseline_on"),),
                    metric_point,
                )
            )
        if metric.result_on is None:
            continue
        started = [
            (start, action)
            for action in evaluated_actions(context, metric)
            if (start := _action_start(context, action)) is not None
        ]
        if started:
            (start_on, why), action = min(started, key=lambda pair: pair[0][0])
            what = f"{context.name('action_item', action)} started ({_day(start_on)}, {why})"
        else:
            floor = _plan_floor(context, None)
            if floor is None:
                continue
            start_on, why = floor
            what = f"{why} ({_day(start_on)}), so before any action started"
        if metric.result_on < start_on:
            warnings.append(
                Warning(
                    CATEGORY,
                    "date-order",
                    f"Dates: {name}: the result is dated {_day(metric.result_on)}, before "
                    f"{what}; a result taken before the change cannot show what the change "
                    "achieved.",
                    (context.location("metric", metric, "result_on"),),
                    metric_point,
                )
            )
    log_point = _point_of(context, _reads("log_entry"))
    actions = {action.id: action for action in context.collection("action_item")}
    for entry in context.collection("log_entry"):
        if entry.logged_on is None:
            continue
        action = actions.get(entry.action_id) if entry.action_id is not None else None
        floor = _plan_floor(context, action)
        if floor is None or entry.logged_on >= floor[0]:
            continue
        implements = f" (it implements {context.name('action_item', action)})" if action else ""
        warnings.append(
            Warning(
                CATEGORY,
                "date-order",
                f"Dates: {_capital(context.name('log_entry', entry))}{implements} is dated "
                f"{_day(entry.logged_on)}, before {floor[1]} ({_day(floor[0])}); a log of "
                "carrying out the plan cannot begin before the plan could exist.",
                (context.location("log_entry", entry, "logged_on"),),
                log_point,
            )
        )
    return warnings


# -- the decision matrix ----------------------------------------------------------------------


#: A reason that says its option scored best overall.
_TOP = re.compile(
    r"\b(?:highest|best|top)(?:[- ]weighted)?[- ](?:weighted[- ])?"
    r"(?:score|scorer|scoring|total|ranked|rank|result|overall)\b"
    r"|\bscored\s+(?:the\s+)?(?:best|highest|most|top)\b"
    r"|\b(?:ranked|came(?:\s+out)?|placed|finished)\s+(?:first|1st|top|highest)\b"
    r"|\btop\s+scorer\b|\bnumber\s+one\s+(?:option|choice|scorer|on\s+the\s+matrix)\b",
    re.IGNORECASE,
)
#: A reason that says its option scored lower than another.
_LOWER = re.compile(
    r"\b(?:lower|lowest|worse|worst|poorer)\s+(?:weighted\s+)?(?:score|total|rank)"
    r"|\bscored\s+(?:lower|less|worse|badly|poorly)\b",
    re.IGNORECASE,
)
_NOT_AS_WELL = re.compile(
    r"\b(?:did\s+not|didn't|does\s+not|doesn't)\s+score\s+as\s+(?:well|high(?:ly)?)\b",
    re.IGNORECASE,
)
#: Words shortly before a claim that turn it round ("not the highest", "second highest").
_TURNED = re.compile(
    r"\b(?:not|never|no|n't|didn't|wasn't|isn't|doesn't|second|third|2nd|3rd|next)\b"
    r"[^.;:!?]{0,25}$",
    re.IGNORECASE,
)
#: A claim about one criterion ("scored best on cost"), not about the total.
_ON_CRITERION = re.compile(
    r"^\s+(?:on|for|in|against)\s+(?!(?:the\s+)?(?:matrix|decision|weighted|total|overall|"
    r"options?|scores?)\b)",
    re.IGNORECASE,
)


def _claim(pattern: re.Pattern[str], text: str) -> str:
    """The first claim ``pattern`` finds in ``text`` that is not negated or narrowed."""
    for match in pattern.finditer(text or ""):
        before, after = text[: match.start()], text[match.end() :]
        if _TURNED.search(before) or _ON_CRITERION.match(after):
            continue
        return match.group(0)
    return ""


def claims_top(text: str) -> str:
    """The words in ``text`` that claim the top score ("highest weighted score"), or ""."""
    return _claim(_TOP, text)


def claims_lower(text: str) -> str:
    """The words in ``text`` that say its option scored lower than another, or ""."""
    for match in _NOT_AS_WELL.finditer(text or ""):
        if not _ON_CRITERION.match(text[match.end() :]):
            return match.group(0)
    return _claim(_LOWER, text)


@dataclass(frozen=True)
class MatrixProblem:
    """Why the chosen option does not follow from the matrix, and where to fix it."""

    text: str
    fixes: tuple[Location, ...]
    #: the option whose reason is at fault
    option: DecisionOption
    #: "claim" (a false top-score claim) or "unexplained" (a higher option not ruled out)
    problem: str


def ranked_options(context: Context) -> tuple[list[DecisionOption], dict[int, float]]:
    """The named options, highest weighted total first, and each option's total."""
    weights = {c.id: c.weight for c in context.collection("decision_criterion")}
    options = [o for o in context.collection("decision_option") if context.filled(o, "name")]
    totals = {o.id: option_total(o, weights) for o in options}
    return sorted(options, key=lambda o: -totals[o.id]), totals


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names an option (most of the content words of its name)."""
    wanted = set(content_lemmas(name))
    return bool(wanted) and len(wanted & set(content_lemmas(text))) * 2 >= len(wanted)


def _total(value: float) -> str:
    return f"{value:g}"


def matrix_problems(context: Context) -> list[MatrixProblem]:
    """Chosen options the matrix does not support (empty when every choice follows)."""
    ranked, totals = ranked_options(context)
    if not ranked:
        return []
    top = totals[ranked[0].id]
    problems: list[MatrixProblem] = []
    for chosen in (o for o in ranked if o.chosen):
        name = context.name("decision_option", chosen)
        rank = 1 + sum(totals[o.id] > totals[chosen.id] for o in ranked)
        where = f"ranked {rank} of {len(ranked)} with {_total(totals[chosen.id])}"
        higher = [o for o in ranked if not o.chosen and totals[o.id] > totals[chosen.id]]
        claim = claims_top(chosen.reason or "")
        if claim and totals[chosen.id] < top:
            problems.append(
                MatrixProblem(
                    f"the reason for choosing {name} claims “{claim}” "
                    f"({_quote(chosen.reason)}), but it is {where} and "
                    f"{context.name('decision_option', ranked[0])} has the top total "
                    f"({_total(top)})",
                    (context.location("decision_option", chosen, "reason"),),
                    chosen,
                    "claim",
                )
            )
        unexplained = []
        for option in higher:
            said = option.reason or ""
            if _mentions(chosen.reason or "", option.name):
                continue
            if context.filled(option, "reason", 4) and not claims_lower(said):
                continue
            unexplained.append(option)
        for option in unexplained:
            said = option.reason or ""
            detail = (
                f"its reason says it scored lower ({_quote(said)}) although it totals "
                f"{_total(totals[option.id])}"
                if said.strip() and claims_lower(said)
                else "the record does not say why it was rejected"
            )
            problems.append(
                MatrixProblem(
                    f"{name} was chosen ({where}) over "
                    f"{context.name('decision_option', option)}, which scores higher "
                    f"({_total(totals[option.id])}); {detail}",
                    (context.location("decision_option", option, "reason"),),
                    option,
                    "unexplained",
                )
            )
    return problems


def matrix_warnings(context: Context) -> list[Warning]:
    point = _point_of(context, lambda rule: rule.get("rule") == "matrix")
    return [
        Warning(
            CATEGORY,
            "chosen-not-top",
            f"Decision matrix: {problem.text}.",
            problem.fixes,
            point,
        )
        for problem in matrix_problems(context)
    ]


# -- repeated children (techniques) -----------------------------------------------------------


@dataclass(frozen=True)
class Repeat:
    """A child that repeats an earlier one, so it does not count again."""

    child: Any
    earlier: Any
    why: str


def _texts(item: Any) -> str:
    return " ".join(
        value
        for key, value in item.__dict__.items()
        if not key.startswith("_") and isinstance(value, str) and key != "technique"
    )


#: What each technique is made of, to recognise one entered as "Other" under other words.
TECHNIQUE_TERMS: Mapping[str, tuple[str, ...]] = {
    "empowerment": (
        "authority",
        "empower",
        "empowered",
        "empowerment",
        "discretion",
        "own decision",
        "without asking",
        "without a manager",
        "myself",
        "my own authority",
    ),
    "escalation": ("escalate", "escalated", "escalation", "refer to a manager", "passed it up"),
    "heat": ("empathise", "empathised", "apologise", "apologised", "take ownership"),
    "active_listening": ("listen", "listened", "listening", "paraphrase", "summarise back"),
    "root_cause": ("root cause", "five whys", "underlying cause"),
    "service_recovery": ("gesture", "goodwill", "recovery", "make amends", "compensation"),
    "negotiation": ("negotiate", "negotiated", "compromise", "meet halfway", "counter-offer"),
}


#: Techniques that are one approach under different names: entered side by side they are one
#: technique, not "multiple" (what the approach is, as the learner reads it).
TECHNIQUE_FAMILIES: Mapping[str, str] = {
    "heat": "the same listen, apologise and put-it-right sequence",
    "last": "the same listen, apologise and put-it-right sequence",
    "root_cause": "one search for the cause (five whys is a way of finding the root cause)",
    "five_whys": "one search for the cause (five whys is a way of finding the root cause)",
}


def recognised_technique(item: Any) -> str:
    """The technique an "Other" entry describes, when its words say one clearly."""
    from app.checker.substance import Term, find_term

    text = _texts(item)
    scores = {
        name: sum(find_term(text, Term.parse(term)) for term in terms)
        for name, terms in TECHNIQUE_TERMS.items()
    }
    best = max(scores.values(), default=0)
    winners = [name for name, score in scores.items() if score == best]
    return winners[0] if best >= 2 and len(winners) == 1 else ""


def _same(kind: str, first: Any, second: Any, fields: Sequence[str]) -> str:
    """Why ``second`` repeats ``first`` on one of ``fields`` ("" when it does not)."""
    for field_name in fields:
        a, b = getattr(first, field_name), getattr(second, field_name)
        vocabulary = VOCABULARIES.get((kind, field_name))
        if vocabulary is not None and "other" in (a, b) and a != b:
            described = recognised_technique(second if b == "other" else first)
            named = a if b == "other" else b
            if described and described == named:
                return f"the “Other” technique describes {label(vocabulary, named)} again"
        if vocabulary is not None:
            family = TECHNIQUE_FAMILIES.get(a) if kind == "case_technique" else None
            if a != b and family is not None and TECHNIQUE_FAMILIES.get(b) == family:
                short = [label(vocabulary, v).split(" (")[0] for v in (a, b)]
                return f"{short[0]} and {short[1]} are {family}"
            if a != b or not a:
                continue
            if a != "other":
                return f"both are {label(vocabulary, a)}"
            if similarity(_texts(first), _texts(second)) >= SAME_TEXT:
                return f"both are {label(vocabulary, a)} with near-identical text"
        elif (
            isinstance(a, str)
            and isinstance(b, str)
            and a.strip()
            and b.strip()
            and similarity(a, b) >= SAME_TEXT
        ):
            return f"they share one {readable(field_name)} ({_quote(b, 70)})"
    return ""


def repeats(kind: str, children: Sequence[Any], fields: Sequence[str]) -> list[Repeat]:
    """Children that repeat an earlier kept child on one of ``fields`` (the later of each)."""
    kept: list[Any] = []
    found: list[Repeat] = []
    for child in children:
        for earlier in kept:
            why = _same(kind, earlier, child, fields)
            if why:
                found.append(Repeat(child, earlier, why))
                break
        else:
            kept.append(child)
    return found


#: The fields a technique must not share with another technique of the same case.
TECHNIQUE_FIELDS = ("technique", "rationale")


def technique_warnings(context: Context) -> list[Warning]:
    point = _point_of(context, _reads("case_technique"))
    warnings: list[Warning] = []
    for case in context.collection("complaint_case"):
        numbers = {t.id: n for n, t in enumerate(case.techniques, start=1)}
        for repeat in repeats("case_technique", case.techniques, TECHNIQUE_FIELDS):
            warnings.append(
                Warning(
                    CATEGORY,
                    "same-technique",
                    f"Techniques: {_capital(context.name('complaint_case', case))}: techniques "
                    f"{numbers[repeat.earlier.id]} and {numbers[repeat.child.id]} count as one "
                    f"({repeat.why}); multiple techniques means different techniques, each "
                    "chosen for its own reason.",
                    (context.location("case_technique", repeat.child, "technique"),),
                    point,
                )
            )
    return warnings


# -- stated limits ----------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUM = r"\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS)
_PERIODS = r"day|week|month|year|annum"
_AMOUNT = re.compile(
    rf"(?P<cur>[£$€])\s?(?P<money>\d[\d,]*(?:\.\d+)?)(?P<k>k\b)?"
    rf"(?:\s*(?:a|per|each|every|/)\s*(?P<period>{_PERIODS}))?"
    rf"|\b(?P<money2>\d[\d,]*(?:\.\d+)?)\s?(?P<cur2>pounds|gbp|euros?|dollars)\b"
    rf"(?:\s*(?:a|per|each|every|/)\s*(?P<period2>{_PERIODS}))?"
    r"|\b(?P<pct>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)"
    rf"|\b(?P<span>{_NUM})[\s-]?(?P<span_unit>(?:working|business)[\s-]days?|minutes?|mins?"
    r"|hours?|hrs?|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_CURRENCY = {"£": "£", "$": "$", "€": "€", "pounds": "£", "gbp": "£", "euro": "€", "euros": "€"}
_CURRENCY["dollars"] = "$"
#: Durations are compared in hours; working days and months only with their own kind.
_HOURS = {"minute": 1 / 60, "min": 1 / 60, "hour": 1, "hr": 1, "day": 24, "week": 168}

#: Words just before an amount that make it an upper limit ("up to £25", "within 48 hours").
_LIMIT_BEFORE = re.compile(
    r"(?:up\s+to|upto|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|not\s+exceeding"
    r"|(?:must|can|may|cannot|can't|should)\s*(?:not\s+)?exceed|not\s+to\s+exceed|maximum(?:\s+of)?"
    r"|max\.?|at\s+most|limit(?:ed)?(?:\s+(?:of|to|is|at))?|capped\s+at|cap(?:\s+(?:of|is|at))?"
    r"|ceiling(?:\s+of)?|within|under|below|less\s+than|budget(?:\s+(?:of|is))?)\s*$",
    re.IGNORECASE,
)
#: Words just after an amount that make it a limit ("£25 limit", "£100 budget").
_LIMIT_AFTER = re.compile(r"^\s*(?:limit|cap|maximum|max|ceiling|budget)\b", re.IGNORECASE)
#: "over £25" is a limit only when the clause forbids it or asks for approval above it.
_OVER_BEFORE = re.compile(r"(?:over|above|more\s+than|beyond|exceeding)\s*$", re.IGNORECASE)
_FORBIDS = re.compile(r"\b(?:no|not|never|cannot|can't|nothing|only)\b", re.IGNORECASE)
_NEEDS_APPROVAL = re.compile(
    r"\b(?:without|unless|needs?|requires?|must\s+be\s+(?:approved|authori[sz]ed))\b",
    re.IGNORECASE,
)
_APPROVAL = re.compile(
    r"\b(?:approv\w*|authori[sz]\w*|sign(?:ed)?[- ]off|signed\s+off|permission|sanction\w*)\b",
    re.IGNORECASE,
)
#: Words just before an amount in a solution that say it is not what was given.
_NOT_GIVEN = re.compile(
    r"\b(?:asked\s+for|requested|request(?:ing)?|wanted|demanded|claimed|claiming|instead\s+of"
    r"|rather\s+than|refused|declined|not|n't)\s+(?:(?:a|an|the|full|her|his|their)\s+)?$",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;\n]|\bbut\b")


@dataclass(frozen=True)
class Amount:
    """A quantity as written in a text: its value in the unit it is compared in."""

    value: float
    unit: str
    text: str
    start: int
    end: int


def _number(raw: str) -> float:
    raw = raw.lower().replace(",", "")
    return float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)


_UNITS_WORDS = {
    word: n
    for n, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        )
    )
}
_TENS_WORDS = {
    word: 10 * n
    for n, word in enumerate(
        ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
    if word
}
_SPELLED = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS_WORDS)
    + r")(?:[\s-](?P<unit>"
    + "|".join(list(_UNITS_WORDS)[1:10])
    + r"))?|(?P<small>"
    + "|".join(_UNITS_WORDS)
    + r"))"
    r"(?:\s+(?P<scale>hundred|thousand))?\b",
    re.IGNORECASE,
)


def numerals(text: str) -> str:
    """Numbers written as words in figures ("fifty pounds" -> "50 pounds"), so amounts and
    limits written either way compare."""

    def figure(match: re.Match[str]) -> str:
        if match.group("tens"):
            value = _TENS_WORDS[match.group("tens").lower()]
            if match.group("unit"):
                value += _UNITS_WORDS[match.group("unit").lower()]
        else:
            value = _UNITS_WORDS[match.group("small").lower()]
        scale = (match.group("scale") or "").lower()
        value *= {"hundred": 100, "thousand": 1000}.get(scale, 1)
        return str(value)

    return _SPELLED.sub(figure, text)


def amounts(text: str) -> list[Amount]:
    """Every sum of money, percentage and duration stated in ``text``."""
    found = []
    for match in _AMOUNT.finditer(text or ""):
        period = match.group("period") or match.group("period2")
        if match.group("money") or match.group("money2"):
            currency = _CURRENCY[(match.group("cur") or match.group("cur2")).lower()]
            value = _number(match.group("money") or match.group("money2"))
            if match.group("k"):
                value *= 1000
            unit = currency + (f" per {period.lower()}" if period else "")
        elif match.group("pct"):
            value, unit = float(match.group("pct")), "%"
        else:
            raw_unit = match.group("span_unit").lower().replace("-", " ")
            value = _number(match.group("span"))
            base = raw_unit.rstrip("s")
            if base.startswith(("working", "business")):
                unit = "working days"
            elif base == "month":
                unit = "months"
            else:
                value *= _HOURS[base]
                unit = "hours"
        found.append(Amount(value, unit, match.group(0).strip(), match.start(), match.end()))
    return found


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The part of the clause before ``start`` and after ``end``."""
    before = _CLAUSE.split(text[:start])[-1]
    after = _CLAUSE.split(text[end:])[0]
    return before, after


@dataclass(frozen=True)
class Limit:
    amount: Amount
    #: the limit may be passed with someone's approval ("over £25 without approval")
    with_approval: bool


def limits(text: str) -> list[Limit]:
    """The upper limits ``text`` states: "up to £25", "£25 limit", "no cash over £25"."""
    found = []
    for amount in amounts(text):
        before, after = _clause(text, amount.start, amount.end)
        is_limit = bool(_LIMIT_BEFORE.search(before) or _LIMIT_AFTER.search(after))
        if not is_limit and _OVER_BEFORE.search(before):
            is_limit = bool(_FORBIDS.search(before) or _NEEDS_APPROVAL.search(after))
        if is_limit:
            clause = before + " " + after
            found.append(Limit(amount, bool(_APPROVAL.search(clause))))
    return found


@dataclass(frozen=True)
class Breach:
    """An amount given that exceeds a limit stated for the same item."""

    item: Any
    field: str
    given: Amount
    limit: Limit
    limit_text: str


def breaches(item: Any, amount_fields: Sequence[str], limit_field: str) -> list[Breach]:
    """Amounts in ``amount_fields`` of ``item`` above the limits its ``limit_field`` states.

    Only like units are compared (pounds with pounds, hours with days); with several limits
    of one unit the largest applies, since the text does not say which amount it governs.
    A limit that may be passed with approval is not breached when the same text records the
    approval.
    """
    stated = numerals(getattr(item, limit_field) or "")
    by_unit: dict[str, Limit] = {}
    for limit in limits(stated):
        best = by_unit.get(limit.amount.unit)
        if best is None or limit.amount.value > best.amount.value:
            by_unit[limit.amount.unit] = limit
    if not by_unit:
        return []
    found = []
    for field_name in amount_fields:
        text = numerals(getattr(item, field_name) or "")
        for given in amounts(text):
            limit = by_unit.get(given.unit)
            if limit is None or given.value <= limit.amount.value:
                continue
            before, after = _clause(text, given.start, given.end)
            if _NOT_GIVEN.search(before) or _LIMIT_AFTER.search(after):
                continue
            if limit.with_approval and _APPROVAL.search(text):
                continue
            clause_before, clause_after = _clause(stated, limit.amount.start, limit.amount.end)
            found.append(
                Breach(
                    item,
                    field_name,
                    given,
                    limit,
                    (clause_before + limit.amount.text + clause_after).strip(),
                )
            )
    return found


def breach_text(context: Context, kind: str, breach: Breach) -> str:
    return (
        f"{context.name(kind, breach.item)}: the {readable(breach.field)} gives "
        f"“{breach.given.text}” but the {readable('constraints')} allow at most "
        f"“{breach.limit.amount.text}” ({_quote(breach.limit_text, 80)})"
    )


#: The rule setting ``within``: {"amounts": [fields], "limits": field}.
WITHIN = "within"


def within_settings(rule: Mapping[str, Any]) -> tuple[list[str], str]:
    setting = rule[WITHIN]
    raw = setting["amounts"]
    return ([raw] if isinstance(raw, str) else list(raw)), setting["limits"]


def rule_breaches(context: Context, rule: Mapping[str, Any]) -> list[Breach]:
    """Breaches among the items a rule with a ``within`` setting reads."""
    amount_fields, limit_field = within_settings(rule)
    return [
        breach
        for item in context.collection(rule["collection"])
        if matches(item, rule.get("where"))
        for breach in breaches(item, amount_fields, limit_field)
    ]


def apply_within(context: Context, rule: Mapping[str, Any], outcome: Outcome) -> Outcome:
    """At most "partly" when an item gives more than its own stated limit allows."""
    if WITHIN not in rule or outcome.status is not Status.MET:
        return outcome
    found = rule_breaches(context, rule)
    if not found:
        return outcome
    kind = rule["collection"]
    detail = "; ".join(breach_text(context, kind, breach) for breach in found[:2])
    text = outcome.text.rstrip(".") + f", but {detail}."
    fixes = tuple(context.location(kind, b.item, b.field) for b in found[:5])
    return Outcome(Status.PARTLY, text, fixes, outcome.support)


def limit_warnings(context: Context) -> list[Warning]:
    warnings: list[Warning] = []
    kind = "complaint_case"
    point = _point_of(
        context, lambda rule: WITHIN in rule and rule.get("collection") == kind
    ) or _point_of(context, _reads(kind))
    case: ComplaintCase
    for case in context.collection(kind):
        for breach in breaches(case, ["solution"], "constraints"):
            warnings.append(
                Warning(
                    CATEGORY,
                    "exceeds-limit",
                    f"Constraints: {_capital(breach_text(context, kind, breach))}; a solution "
                    "has to satisfy the organisation's constraints as well as the customer.",
                    (context.location(kind, case, "solution"),),
                    point,
                )
            )
    return warnings


# -- SMART actions ----------------------------------------------------------------------------

#: Words that name no one in particular: an owner made only of these is nobody.
NOBODY = _word_set(
    """
    tbc tbd tba tbs n a na none nobody someone somebody anyone anybody everyone everybody
    whoever unknown unassigned various all team teams staff management managers colleagues
    employees people us we they them others department dept whole entire some any to be
    confirmed decided agreed assigned later the of and or our my relevant appropriate
    """
)


#: An owner written as the learner themself ("Me", "myself").
_LEARNER = frozenset({"me", "myself", "i"})


def owner_problem(context: Context, action: ActionItem) -> str:
    """Why the action's owner is not a named owner ("" when it is).

    An examiner accepts a person or a role one person holds ("Priya Shah", "Team leader
    (Priya)", "Customer service manager", "me"); not a placeholder, nor a crowd in which no
    one is accountable ("the team", "all staff", "management", "someone").
    """
    owner = action.owner or ""
    if not owner.strip():
        return "has no owner"
    words = re.findall(r"[^\W_]+", owner.lower())
    if words and set(words) <= _LEARNER:
        return ""  # the learner: the portfolio names them
    if not context.filled(action, "owner") or not words or set(words) <= NOBODY:
        return f"has owner {_quote(owner, 40)}, which names no one accountable"
    return ""


def smart_gaps(
    context: Context, action: ActionItem, measure_words: int, must_measure: bool = False
) -> list[tuple[str, str]]:
    """What keeps ``action`` from being SMART (a named owner, a due date, a measure): the
    field to fix and what is wrong, for each. ``must_measure``: the measure must name a
    figure or a measure (vague.measurable), not only say something."""
    gaps = []
    problem = owner_problem(context, action)
    if problem:
        gaps.append(("owner", problem))
    if action.due_on is None:
        gaps.append(("due_on", "has no due date"))
    if not context.filled(action, "success_measure", measure_words):
        gaps.append(("success_measure", "has no measure of success"))
    elif must_measure and not measurable(action.success_measure):
        gaps.append(
            (
                "success_measure",
                f"has a measure of success that nothing could be counted or timed by "
                f"({_quote(action.success_measure, 50)}): name a figure, a rate, a time or "
                "a count",
            )
        )
    return gaps


# -- all of them ------------------------------------------------------------------------------


def relation_warnings(context: Context) -> list[Warning]:
    """Every relation and date problem in the portfolio, as substance warnings."""
    return (
        date_order_warnings(context)
        + matrix_warnings(context)
        + technique_warnings(context)
        + limit_warnings(context)
    )
