"""What rules read: the portfolio's items by kind, their display numbers, and valid mappings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.catalogue import MarkingPoint, Unit
from app.checker import substance
from app.checker.result import KIND_STAGE, Location
from app.checker.substance import Judgement
from app.checker.text import describe, is_filled, join_names
from app.models import KINDS, LINK_TARGETS, EvidenceLink, Portfolio
from app.models.vocab import VOCABULARIES

#: Rule collection name -> attribute of Portfolio holding that list.
COLLECTIONS: dict[str, str] = {name: kind.collection for name, kind in KINDS.items()}

#: Records of what happened, and the date that says when: dated after today, an item is not
#: evidence of anything yet and no rule counts it.
DATED_RECORDS: dict[str, str] = {
    "feedback_item": "received_on",
    "log_entry": "logged_on",
    "evidence_file": "produced_on",
    "metric_reading": "taken_on",
}
#: Values that record a result, and the date they were taken on.
DATED_VALUES: dict[tuple[str, str], str] = {
    ("metric", "result_value"): "result_on",
    ("metric", "baseline_value"): "baseline_on",
}
#: (kind, field) -> a test a recorded value must also pass to count, registered by the
#: modules that judge relations between records (a result taken before the change it
#: evaluates started says nothing about the change).
VALUE_CHECKS: dict[tuple[str, str], Callable[[Context, Any], bool]] = {}
#: Fields that record what was done: sentences about the future do not count there.
RECORD_FIELDS = frozenset(
    {
        ("log_entry", "what_done"),
        ("log_entry", "outcome"),
        ("portfolio", "evaluation_narrative"),
        ("metric", "source"),
        ("case_technique", "how_applied"),
        ("complaint_case", "outcome"),
    }
)
#: Texts that need not name anything of their own: the customers' words are evidence as
#: written ("Great service, thank you!"), not the learner's analysis.
OWN_WORDS_NOT_REQUIRED = frozenset({("feedback_item", "text")})
#: Text fields whose near-identical copies across sibling items count once.
SIBLING_TEXT: dict[str, tuple[str, ...]] = {
    "feedback_item": ("text",),
    "analysis_finding": ("root_cause", "data_summary"),
    "action_item": ("action",),
    "log_entry": ("what_done", "reflection"),
    "journey_touchpoint": ("pain_point",),
}
DEFAULT_NEAR_DUPLICATE = 92.0
#: kind -> fields whose values come from a fixed list (not free text to judge)
_VOCABULARY_FIELDS: dict[str, frozenset[str]] = {}
for _kind, _field in VOCABULARIES:
    _VOCABULARY_FIELDS[_kind] = _VOCABULARY_FIELDS.get(_kind, frozenset()) | {_field}

#: Texts kept per marking point for the audit trail: the first counted and rejected ones
#: (a portfolio with hundreds of copies needs no more to show what is wrong).
RELIED_LIMIT = 40
REJECTED_LIMIT = 100
#: Above this many items the near-duplicate search is limited to exact copies.
FUZZY_SIBLING_LIMIT = 400


class Memo(dict):  # type: ignore[type-arg]
    """Results computed from values alone (a text, a rule), kept from one check to the next:
    the check worker checks the same portfolio after every edit, and an edit changes one
    text of thousands. ``cache_clear`` as functools caches have it, so whatever empties
    those (tests/conftest.py) empties these too; past ``limit`` entries it starts again."""

    def __init__(self, module: str, limit: int) -> None:
        super().__init__()
        self.__module__ = module  # the module whose memo it is, as a cached function says
        self.limit = limit
        self.cache_clear = self.clear  # on each memo, not the class: the harness calls it

    def remember(self, key: Any, value: Any, size: int = 0) -> Any:
        """``value``, kept under ``key`` unless what it was made from is longer than
        LONGEST_REMEMBERED (``size``): a memo keeps what it was made from, and a megabyte of
        text edited a hundred times must not stay a hundred times."""
        if size > LONGEST_REMEMBERED:
            return value
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


#: The longest text (characters) memos keep what they made of (see Memo.remember).
LONGEST_REMEMBERED = 20_000


#: (echoes, criterion) of a unit -> (kind, field, text) -> substance.judge's verdict on the
#: text, which those decide (see Context._judge)
_WORDING_JUDGED = Memo(__name__, 8)


#: (kind, field, threshold, fuzzy) -> (the texts compared, in order; _copy_pairs of them):
#: which texts copy which depends on those alone, and an edit changes one kind's texts
_COPIES = Memo(__name__, 64)


@lru_cache(maxsize=16384)
def _sibling_key(text: str) -> tuple[str, int]:
    """A text as siblings are compared in (substance.normalised), and its number of words."""
    key = substance.normalised(text)
    return key, len(key.split())


def _copy_pairs(texts: tuple[str, ...], threshold: float, fuzzy: bool) -> list[tuple[int, int]]:
    """(position, position of the earlier text it copies) for each text that says what an
    earlier one said: the same words, or (``fuzzy``) at least ``threshold`` alike."""
    pairs: list[tuple[int, int]] = []
    kept: list[tuple[str, int]] = []
    exact: dict[str, int] = {}
    for position, key in enumerate(texts):
        earlier = exact.get(key)
        if earlier is None and fuzzy:
            earlier = next(
                (
                    other
                    for other_key, other in kept
                    if substance.similarity(key, other_key) >= threshold
                ),
                None,
            )
        if earlier is not None:
            pairs.append((position, earlier))
            continue
        exact[key] = position
        kept.append((key, position))
    return pairs


_UNREAD = object()


def link_target(link: EvidenceLink) -> tuple[str, int]:
    """``link.target``, read as attr() reads fields."""
    for kind, column in LINK_TARGETS.items():
        value = attr(link, column)
        if value is not None:
            return kind, value
    return link.target  # raises as it does


def attr(item: Any, name: str) -> Any:
    """``item.name``, read from the item's loaded state when it is there, as it is for every
    field of a loaded document: the ORM's attribute descriptor costs several times as much,
    and a check of a large portfolio reads fields tens of thousands of times."""
    state = item.__dict__
    return state[name] if name in state else getattr(item, name)


@dataclass(frozen=True)
class Examined:
    """One text a rule read for a marking point, and whether it counted (for --explain)."""

    kind: str
    item_id: int
    field: str
    text: str
    counts: bool
    code: str = ""
    why: str = ""


@dataclass
class Context:
    portfolio: Portfolio
    unit: Unit
    today: dt.date
    items: dict[str, list[Any]] = field(default_factory=dict)
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)
    by_id: dict[tuple[str, int], Any] = field(default_factory=dict)
    #: marking point id -> mappings whose justification is valid and whose evidence is authentic
    valid_links: dict[str, list[EvidenceLink]] = field(default_factory=dict)
    #: marking point id -> mappings present but not acceptable, with the reason why
    weak_links: dict[str, list[tuple[EvidenceLink, str]]] = field(default_factory=dict)
    point: MarkingPoint | None = None
    #: (kind, id) of records dated after today: kept out of every collection a rule reads
    future: list[tuple[str, Any, str]] = field(default_factory=list)
    #: (kind, id, field) -> the earlier sibling that already says the same
    copies: dict[tuple[str, int, str], Any] = field(default_factory=dict)
    #: marking point id -> every text its rules read, counted or not
    examined: dict[str, dict[tuple[str, int, str], Examined]] = field(default_factory=dict)
    #: (kind, id, field) -> why a text restates its sources ("" when it does not)
    restated: dict[tuple[str, int, str], str] = field(default_factory=dict)
    echoes: tuple[str, ...] = ()
    #: lemmas of the marking points' wording: a text made only of these and the trade's
    #: general words names nothing (app/checker/vague.py)
    criterion: frozenset[str] = frozenset()
    #: who reads texts when no marking point does ("misconception M2"), for the trail
    reader: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    names: dict[tuple[str, int], str] = field(default_factory=dict)
    #: reader -> how many counted texts its trail keeps (rejected ones are all kept)
    relied: dict[str, int] = field(default_factory=dict)
    rejected_count: dict[str, int] = field(default_factory=dict)
    judged: dict[tuple[str, int, str], Judgement] = field(default_factory=dict)
    #: misconception id -> the points it holds at "partly met", for the ways it was detected
    misconception_caps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: what checks derive from the whole document and read more than once (when each action
    #: started, ...), made once per check: the document does not change during one
    memo: dict[str, Any] = field(default_factory=dict)
    #: (kind, id of an item) -> the verdict on the copies of its text
    copied: dict[tuple[str, int], Judgement] = field(default_factory=dict)
    #: (kind, field) -> the unit's restatement setting for it, None when it has none
    restating: dict[tuple[str, str], Any] = field(default_factory=dict)
    #: (kind, id or None, field) -> where that is (see location)
    locations: dict[tuple[str, int | None, str | None], Location] = field(default_factory=dict)
    #: (kind, field, text) -> substance.judge's verdict on it for this unit's wording
    text_judged: Memo = field(default_factory=lambda: Memo(__name__, 65536))

    @classmethod
    def build(cls, portfolio: Portfolio, unit: Unit, today: dt.date) -> Context:
        context = cls(portfolio=portfolio, unit=unit, today=today)
        # Wording a learner may paste instead of answering: the marking points and the unit
        # guide's own sentences (key concepts, exam tips, common mistakes).
        context.echoes = (
            tuple(point.text for point in unit.marking_points)
            + tuple(concept.text for concept in unit.key_concepts)
            + tuple(unit.exam_tips)
            + tuple(m.text for m in unit.misconceptions)
        )
        context.criterion = frozenset(
            word for point in unit.marking_points for word in substance.content_lemmas(point.text)
        )
        context.settings = dict(unit.document.get("substance", {})) if unit.document else {}
        wording = (context.echoes, context.criterion)
        judged = _WORDING_JUDGED.get(wording)
        if judged is None:
            judged = _WORDING_JUDGED.remember(wording, Memo(__name__, 65536))
        context.text_judged = judged
        for kind, attribute in COLLECTIONS.items():
            items = list(getattr(portfolio, attribute))
            dated = DATED_RECORDS.get(kind)
            counted = []
            numbers, by_id = context.numbers, context.by_id
            for number, item in enumerate(items, start=1):
                state = item.__dict__
                key = (kind, state["id"])
                numbers[key] = number
                by_id[key] = item
                if dated:
                    when = attr(item, dated)
                    if when is not None and when > today:
                        context.future.append((kind, item, dated))
                        continue
                counted.append(item)
            context.items[kind] = counted
        context.items["portfolio"] = [portfolio]
        context.numbers[("portfolio", portfolio.id)] = 1
        context._find_copies()
        return context

    def _find_copies(self) -> None:
        """Mark near-identical texts among sibling items: only the first of them counts."""
        threshold = float(self.settings.get("near_duplicate", DEFAULT_NEAR_DUPLICATE))
        for kind, fields in SIBLING_TEXT.items():
            items = self.items.get(kind, [])
            if len(items) < 2:
                continue
            fuzzy = len(items) <= FUZZY_SIBLING_LIMIT
            # Two customers may well both write "Great service!"; a learner's own texts
            # pasted into several items are copies even when short.
            shortest = 3 if kind == "feedback_item" else 2
            for field_name in fields:
                compared = []
                keys = []
                for item in items:
                    key, size = _sibling_key(attr(item, field_name) or "")
                    if size >= shortest:
                        compared.append(item)
                        keys.append(key)
                texts = tuple(keys)
                held = _COPIES.get((kind, field_name, threshold, fuzzy))
                if held is not None and held[0] == texts:
                    pairs = held[1]
                else:
                    pairs = _copy_pairs(texts, threshold, fuzzy)
                    _COPIES.remember((kind, field_name, threshold, fuzzy), (texts, pairs))
                for later, earlier in pairs:
                    self.copies[(kind, compared[later].__dict__["id"], field_name)] = compared[
                        earlier
                    ]

    def collection(self, kind: str) -> list[Any]:
        return self.items[kind]

    def judgement(self, item: Any, field_name: str) -> Judgement:
        """What the text of ``item.field_name`` is worth (see substance.judge)."""
        kind = "portfolio" if item is self.portfolio else item.__tablename__
        key = (kind, attr(item, "id"), field_name)
        judged = self.judged.get(key)
        if judged is None:
            judged = self.judged[key] = self._judge(kind, item, field_name)
        return judged

    def _judge(self, kind: str, item: Any, field_name: str) -> Judgement:
        text = attr(item, field_name)
        judged = self.text_judged
        judgement = judged.get((kind, field_name, text))
        if judgement is None:
            judgement = judged.remember(
                (kind, field_name, text),
                substance.judge(
                    text,
                    field_name.replace("_", " "),
                    (kind, field_name) in RECORD_FIELDS,
                    self.echoes,
                    None if (kind, field_name) in OWN_WORDS_NOT_REQUIRED else self.criterion,
                ),
                len(text) if isinstance(text, str) else 0,
            )
        if not judgement.counts:
            return judgement
        key = (kind, attr(item, "id"), field_name)
        earlier = self.copies.get(key)
        if earlier is not None:
            copied = self.copied.get((kind, id(earlier)))
            if copied is None:  # one for all the copies of a text
                copied = self.copied[(kind, id(earlier))] = Judgement(
                    0,
                    "duplicate-text",
                    f"says the same as {self.name(kind, earlier)}",
                )
            return copied
        restated = self.restatement(kind, item, field_name)
        if restated:
            return Judgement(0, "restated", restated)
        return judgement

    def restatement(self, kind: str, item: Any, field_name: str) -> str:
        """Why a text only repeats what it analyses ("" when it adds something of its own)."""
        spec = self.restating.get((kind, field_name), _UNREAD)
        if spec is _UNREAD:
            rules = self.settings.get("restatement", {})
            spec = self.restating[(kind, field_name)] = rules.get(f"{kind}.{field_name}")
        if not spec:
            return ""
        key = (kind, attr(item, "id"), field_name)
        if key in self.restated:
            return self.restated[key]
        sources = [getattr(source, "text", "") or "" for source in getattr(item, spec["against"])]
        own = [getattr(item, name) or "" for name in spec.get("also", [])]
        text = getattr(item, field_name) or ""
        why = ""
        if (
            own
            and substance.covered(text, own) >= float(spec.get("max_similarity", 85))
            and (len(substance.new_content(text, own)) <= int(spec.get("min_new_words", 2)))
        ):
            why = "only repeats the finding's theme; say why it happens"
        elif sources:
            new = substance.new_content(text, sources)
            score = substance.covered(text, sources)
            if (
                score >= float(spec.get("max_similarity", 85))
                and len(new) < int(spec.get("min_new_words", 2))
            ) or substance.retells(text, sources):
                why = "only repeats the feedback it analyses; say why it happens"
        self.restated[key] = why
        return why

    def filled(self, item: Any, field_name: str, min_words: int = 1) -> bool:
        """Whether ``item.field_name`` says something: at least ``min_words`` content words
        of real content (not a placeholder, a negation, an intention in a record, a copy of a
        sibling or a restatement), or a value for a non-text field."""
        state = item.__dict__
        value = state[field_name] if field_name in state else getattr(item, field_name)
        kind = "portfolio" if item is self.portfolio else item.__tablename__
        if not isinstance(value, str):
            if value is None or not is_filled(value, min_words):
                return False
            date_field = DATED_VALUES.get((kind, field_name))
            when = getattr(item, date_field) if date_field else None
            if when is not None and when > self.today:
                return False
            check = VALUE_CHECKS.get((kind, field_name))
            return check is None or check(self, item)
        if field_name in _VOCABULARY_FIELDS.get(kind, ()):
            return bool(value)  # a value from a fixed list says what it says
        key = (kind, state["id"], field_name)
        judgement = self.judged.get(key) or self.judgement(item, field_name)
        counts = not judgement.code and judgement.content_words >= min_words
        reader = self.point.id if self.point is not None else self.reader
        if not reader:
            return counts
        trail = self.examined.get(reader)
        if trail is None:
            trail = self.examined[reader] = {}
        if counts:
            if key in trail:
                return counts
            relied = self.relied.get(reader, 0)
            if relied >= RELIED_LIMIT:
                return counts
            self.relied[reader] = relied + 1
            trail[key] = Examined(kind, key[1], field_name, value, True)
            return counts
        held = trail.get(key)
        if held is None:
            rejected = self.rejected_count.get(reader, 0)
            if rejected >= REJECTED_LIMIT:
                return counts
            self.rejected_count[reader] = rejected + 1
        why = judgement.why or (
            f"says too little ({judgement.content_words} of {min_words} content words)"
        )
        if (
            held is None
            or held.counts
            or held.why != why
            or held.code != judgement.code
            or held.text != value
        ):  # else it holds what it would be replaced with
            trail[key] = Examined(kind, key[1], field_name, value, False, judgement.code, why)
        return counts

    def filled_each(self, items: list[Any], field_name: str, min_words: int = 1) -> list[bool]:
        """``[self.filled(item, field_name, min_words) for item in items]``, for the thousands
        of items of a large portfolio: a text that counts and that the trail already holds,
        or need not hold (it keeps RELIED_LIMIT), is answered here; anything else by
        filled()."""
        reader = self.point.id if self.point is not None else self.reader
        portfolio, judged, examined, relied = (
            self.portfolio,
            self.judged,
            self.examined,
            self.relied,
        )
        answers = []
        for item in items:
            value = attr(item, field_name)
            if reader and item is not portfolio and isinstance(value, str):
                kind = item.__tablename__
                if field_name in _VOCABULARY_FIELDS.get(kind, ()):
                    answers.append(bool(value))
                    continue
                key = (kind, item.__dict__["id"], field_name)
                judgement = judged.get(key) or self.judgement(item, field_name)
                if not judgement.code and judgement.content_words >= min_words:
                    trail = examined.get(reader)
                    if trail is not None and (
                        key in trail or relied.get(reader, 0) >= RELIED_LIMIT
                    ):
                        answers.append(True)
                        continue
            answers.append(self.filled(item, field_name, min_words))
        return answers

    def join(self, kind: str, items: list[Any], limit: int = 4) -> str:
        """'a, b and c' naming items, describing only the ones shown."""
        shown = [self.name(kind, it) for it in items[:limit]]
        extra = len(items) - len(shown)
        return ", ".join(shown) + f" and {extra} more" if extra > 0 else join_names(shown)

    def name(self, kind: str, item: Any) -> str:
        if kind == "portfolio":
            return "the portfolio"
        key = (kind, attr(item, "id"))
        shown = self.names.get(key)
        if shown is None:
            shown = self.names[key] = describe(kind, self.numbers.get(key, 0), item)
        return shown

    def location(self, kind: str, item: Any = None, field_name: str | None = None) -> Location:
        whole = item is None or kind == "portfolio"
        key = (kind, None if whole else attr(item, "id"), field_name)
        found = self.locations.get(key)
        if found is not None:  # one for every reason and reading that points there
            return found
        stage = KIND_STAGE.get(kind, "details")
        if kind == "portfolio" and field_name == "evaluation_narrative":
            stage = "evaluation"
        if whole:
            found = Location(stage=stage, kind=kind, field=field_name)
        else:
            found = Location(
                stage=stage,
                kind=kind,
                item_id=key[1],
                item_label=self.name(kind, item),
                field=field_name,
            )
        self.locations[key] = found
        return found

    def link_location(self, link: EvidenceLink) -> Location:
        """Where to fix a mapping: its justification, on the evidence stage."""
        return Location(
            "evidence",
            "evidence_link",
            link.id,
            f"mapping of {self.target_name(link)}",
            "justification",
        )

    def target_name(self, link: EvidenceLink) -> str:
        kind, item_id = link_target(link)
        item = self.by_id.get((kind, item_id))
        return self.name(kind, item) if item is not None else f"{kind} {item_id}"
