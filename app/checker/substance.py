"""Whether a text says something: the judgement behind every field a rule counts.

An examiner does not count filled boxes. "TBC", "See the attached spreadsheet", lorem ipsum,
"None. There were no barriers", a sentence pasted three times, the marking point's own
wording, or "I will…" in a log of what happened say nothing about what the learner did.
``judge`` reads a text once and returns a :class:`Judgement`: how many content words it
holds that count, and when it does not count, why (one of the ``substance`` codes a
reason or warning carries).

Words are compared as lemmas (simplemma), so "analysed" and "analysis" meet and "act"
never matches inside "contact"; near-identical texts are found with rapidfuzz. Every
function is pure and cached by its text, so a re-check after one edit costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.checker.text import flatten
from app.checker.vague import names_nothing

# -- words and lemmas ---------------------------------------------------------------------------


def words_of(block: str) -> frozenset[str]:
    return frozenset(block.split())


_TOKEN = re.compile(r"\b[nN]/[aA]\b|[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")

#: Words that carry no content of their own (function words, fillers, modal verbs).
STOPWORDS = words_of(
    """
    a about above across after again against all also am an and any anyone anything are as
    at be because been before being below between both but by can could did do does doing
    done down during each either else etc even ever every for from further get got had has
    have having he her here hers herself him himself his how however i if in into is it its
    itself just least less let like lot make many may me might mine more most much must my
    myself near need neither no nor not now of off often on once one only onto or other
    others our ours ourselves out over own per quite rather really same shall she should so
    some something still such than that the their theirs them themselves then there these
    they thing things this those though through thus to too under until up upon us very via
    was we well were what when where whether which while who whom whose why will with within
    without would yes yet you your yours yourself yourselves e g eg ie i.e etc
    """
)

#: Lemmas that a placeholder, a pointer elsewhere or a non-answer is made of.
PLACEHOLDER_LEMMAS = words_of(
    """
    tbc tbd tba tbs na n/a nil none nothing null void todo tba xxx xx x test testing asdf
    qwerty blah dunno unknown unsure sure know idea pending later soon follow complete
    completed confirm confirmed decide decided fill filled update updated add added insert
    write written see attach attached attachment above below previous earlier spreadsheet
    sheet file document doc appendix annex enclosed enclose refer reference page section tab
    folder link ok okay same answer placeholder text here detail details info information
    applicable relevant various stuff misc miscellaneous reject rejected choose chosen select
    selected pick fine whatever necessary require required usual normal
    """
)

#: Lemmas of a pointer elsewhere ("see attached", "refer to appendix 2").
POINTER_LEMMAS = frozenset({"see", "attach", "attached", "refer", "appendix", "above", "annex"})
#: Words that negate what a field asks for ("no barriers", "none identified").
NEGATORS = frozenset({"no", "none", "not", "nothing", "never", "nil", "n't", "without", "nobody"})
#: Verbs and fillers a negated answer is built from ("there were none identified here").
NEGATION_FILLER = words_of(
    """
    identify identified find found see seen there here have be exist any really at all
    encounter encountered face faced apply applicable report reported note noted expect
    expected occur occurred arise arose come came up need needed real major particular
    specific obvious significant actual currently current so far time moment this that
    issue issues problem problems concern concerns smoothly smooth fine well ok okay
    everything go went fine really
    """
)

#: Lorem ipsum and its kin: filler text, not an answer.
LOREM = words_of(
    """
    lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed
    eiusmod tempor incididunt labore dolore magna aliqua enim minim veniam quis nostrud
    exercitation ullamco laboris nisi aliquip commodo consequat duis aute irure
    reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat
    cupidatat proident sunt culpa officia deserunt mollit anim est laborum vestibulum
    pellentesque nunc
    """
)

#: How a deferred answer begins: "To be completed after…", "TBC once…", "Will add later".
_DEFERRED = re.compile(
    r"^\W*(?:to\s+be\s+(?:completed|confirmed|decided|added|done|agreed|written|updated|"
    r"filled(?:\s+in)?|finalised|finalized|arranged|determined)|tbc|tbd|tba|pending|"
    r"(?:i|we)\s+will\s+(?:add|complete|fill|write|finish|update)\b|coming\s+soon|"
    r"not\s+(?:yet\s+)?(?:known|started|done|written|completed)|whatever|anything|"
    r"as\s+(?:needed|required|necessary|usual)|the\s+usual)\b",
    re.IGNORECASE,
)
#: A deferred answer with at most this many further content words is still a placeholder.
DEFERRED_TAIL = 5

#: Phrases that put a sentence in the future or make it an intention, not a record.
_FUTURE = re.compile(
    r"\b(?:i|we|they|he|she|it|the team|staff|you)\s*(?:will|shall|'ll|’ll)\b"
    r"|\b(?:will|shall)\s+(?:be\s+)?(?:\w+ed|\w+)\b(?=.*)"
    r"|\b(?:am|are|is)\s+going\s+to\b|\bgoing\s+to\b"
    r"|\b(?:plan|plans|planning|intend|intends|intending|hope|hopes|aim|aims|want|wants|would like)"
    r"\s+to\b"
    r"|\bnext\s+(?:week|month|year|time|quarter)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one word, lower case ('analysed' -> 'analyse')."""
    lowered = word.lower().replace("’", "'")
    if not lowered.isalpha():
        return lowered
    import simplemma  # imported when first needed: loading it costs a window's start 0.3 s

    return simplemma.lemmatize(lowered, lang="en").lower()


#: Longest text read whole. A longer one (a pasted report, a megabyte in one field) is read
#: as its first and last ``READ_LIMIT // 2`` characters: thousands of words already say
#: whether it answers, and judging every one of a million would cost the check seconds.
READ_LIMIT = 20_000


def readable(text: str) -> str:
    """``text`` itself, or for a text longer than READ_LIMIT its start and its end, cut at
    white space and kept apart by a line break (so no sentence or word runs across)."""
    if len(text) <= READ_LIMIT:
        return text
    half = READ_LIMIT // 2
    head = text[:half]
    tail = text[-half:]
    cut = max(head.rfind(" "), head.rfind("\n"))
    head = head[:cut] if cut > 0 else head
    cut = max(tail.find(" "), tail.find("\n"))
    tail = tail[cut + 1 :] if cut >= 0 else tail
    return f"{head}\n{tail}"


def tokens(text: str | None) -> list[str]:
    """The words of ``text`` as written (letters and digits; "don't" stays one word); of a
    very long text, the words of its readable part."""
    return _TOKEN.findall(readable(text or ""))


@lru_cache(maxsize=8192)
def lemmas(text: str) -> tuple[str, ...]:
    """Every word of ``text`` as a lemma, in order (stopwords kept: phrases need them)."""
    return tuple(map(lemma, tokens(text)))


def is_content(word_lemma: str) -> bool:
    """Whether a lemma carries content: not a stopword, and a number or a real word."""
    if word_lemma in STOPWORDS:
        return False
    return word_lemma.isdigit() or len(word_lemma) > 1


@lru_cache(maxsize=8192)
def content_lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of ``text`` that carry content, in order."""
    return tuple(w for w in lemmas(text) if is_content(w))


@lru_cache(maxsize=8192)
def normalised(text: str) -> str:
    """Content lemmas joined by spaces: the form texts are compared in."""
    return " ".join(content_lemmas(text))


def similarity(first: str, second: str) -> float:
    """0–100: how alike two texts are in what they say (order and padding aside)."""
    a, b = normalised(first or ""), normalised(second or "")
    if not a or not b:
        return 0.0
    return _similarity(a, b) if a <= b else _similarity(b, a)


@lru_cache(maxsize=32768)
def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(a, b))


def covered(text: str, sources: Iterable[str]) -> float:
    """0–100: how much of what ``text`` says is already said by ``sources`` (restatement).

    token_set_ratio scores 100 when every content word of the shorter text stands in the
    longer one, so a root cause that only repeats the feedback it analyses scores high.
    """
    own = normalised(text or "")
    if not own:
        return 0.0
    from rapidfuzz import fuzz

    best = 0.0
    for source in sources:
        other = normalised(source or "")
        if other:
            best = max(best, float(fuzz.token_set_ratio(own, other)))
    return best


def new_content(text: str, sources: Iterable[str]) -> tuple[str, ...]:
    """The content lemmas of ``text`` that none of ``sources`` uses."""
    seen: set[str] = set()
    for source in sources:
        seen.update(content_lemmas(source or ""))
    return tuple(dict.fromkeys(w for w in content_lemmas(text or "") if w not in seen))


#: The words a retelling is framed in — who said it and how ("Customers told us…"): they
#: add no cause of their own.
REPORTING_WORDS = words_of(
    """
    customer customers client clients say said tell told mention mentioned complain
    complained comment commented write wrote report reported explain explained ask asked
    thank thanked feel felt us someone people
    """
)
#: At most this share of a text's own words new to what it analyses: the rest retells it.
RETELLING_SHARE = 0.4


def retells(text: str, sources: Iterable[str]) -> bool:
    """Whether ``text`` mostly retells ``sources`` in other words: at most RETELLING_SHARE of
    its content words (leaving out the who-said-what frame and denials) are new to them, and
    no reason of its own follows a "because" or "so".

    "Customers said the email told them the order was ready, but it wasn't there and they
    had to come back another day" repeats the complaint it should explain. Words are matched
    as lemmas, or as two forms of one word the lemmatiser left apart: one begins the other
    ("thank", "thanke") or they share their first six letters ("apologise", "apology");
    "colleague" and "collection" are different words.
    """
    seen: set[str] = set()
    for source in sources:
        seen.update(content_lemmas(source or ""))
    # Indexes, so a cause linked to thousands of feedback items stays linear: every beginning
    # (of four letters or more) of a word seen, and every first six letters.
    beginnings = {w[:k] for w in seen for k in range(4, len(w) + 1)}
    six = {w[:6] for w in seen if len(w) >= 6}

    def is_new(word: str) -> bool:
        if word in seen or word in beginnings:
            return False
        if any(word[:k] in seen for k in range(4, len(word))):
            return False
        return not (len(word) >= 6 and word[:6] in six)

    def own(part: str) -> list[str]:
        return [
            w
            for w in content_lemmas(part)
            if w not in REPORTING_WORDS and w not in NEGATORS and not w.endswith("n't")
        ]

    words = own(text)
    if len(words) < 3:
        return False
    parts = _BECAUSE.split(text, maxsplit=1)
    if len(parts) == 2 and sum(map(is_new, own(parts[1]))) >= 2:
        return False  # a reason with words of its own
    return sum(map(is_new, words)) <= RETELLING_SHARE * len(words)


# -- the judgement ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Judgement:
    """What a text is worth to an examiner."""

    #: content words that count (repeats and future-tense sentences in records left out)
    content_words: int
    #: why the text does not count: "" when it does; else a substance code
    code: str = ""
    #: the reason in plain words ("reads as a placeholder", ...)
    why: str = ""

    @property
    def counts(self) -> bool:
        return not self.code

    def enough(self, minimum: int) -> bool:
        return not self.code and self.content_words >= minimum


EMPTY = Judgement(0, "empty", "is empty")

#: Why each code rejects a text, in the words a learner reads.
WHY = {
    "empty": "is empty",
    "placeholder": "reads as a placeholder, not an answer",
    "lorem": "is filler text (lorem ipsum), not an answer",
    "pointer": "points elsewhere instead of saying it here",
    "negated": "says there is none, which does not answer what is asked",
    "intention": "says what will be done, not what was done",
    "padding": "repeats the same sentence instead of saying more",
    "echo": "repeats the wording of the question instead of answering it",
    "label": "repeats the field's own name instead of answering it",
    "circular": "explains a thing by itself (“… because of the process”), not by a cause",
    "vague": "names nothing specific (no figure, no named thing, nothing of this workplace)",
}
#: Codes a warning or a calibration case sees (pointers, filler and echoes are placeholders).
PUBLIC_CODE = {
    "lorem": "placeholder",
    "pointer": "placeholder",
    "echo": "placeholder",
    "label": "placeholder",
    "padding": "placeholder",
    "vague": "placeholder",
    "circular": "restated",
}


def public_code(code: str) -> str:
    return PUBLIC_CODE.get(code, code)


#: Fields that give a reason: there, "X because X" explains nothing.
CIRCULAR_FIELDS = frozenset({"root cause", "rationale", "reason"})
_BECAUSE = re.compile(r"\b(?:because|since|as|so|which\s+is\s+why|due\s+to|caused\s+by)\b", re.I)
#: Words a circular reason pads itself with.
_CIRCULAR_FILLER = words_of(
    "process cause causes caused reason reasons problem problems issue issues technique "
    "techniques use used make makes made thing way happen happens happened right best good "
    "one work works"
)


def _circular(text: str) -> bool:
    """'Orders are late because the process makes them late': the reason adds no cause."""
    parts = _BECAUSE.split(text, maxsplit=1)
    if len(parts) != 2:
        return False
    claim = set(content_lemmas(parts[0])) - _CIRCULAR_FILLER
    reason = set(content_lemmas(parts[1])) - _CIRCULAR_FILLER
    return bool(claim) and reason <= claim


def _is_future(sentence: str) -> bool:
    return _FUTURE.search(sentence) is not None


def _negated(all_lemmas: Sequence[str], label_lemmas: frozenset[str]) -> bool:
    """A text that only denies: negators, fillers and the field's own subject."""
    if not any(w in NEGATORS or w.endswith("n't") for w in all_lemmas):
        return False
    rest = [
        w
        for w in all_lemmas
        if w not in NEGATORS
        and not w.endswith("n't")
        and w not in NEGATION_FILLER
        and w not in STOPWORDS
        and w not in label_lemmas
        and w not in PLACEHOLDER_LEMMAS
    ]
    return len(rest) == 0


_CLAUSE = re.compile(r"[.;:!?]|\s[-–—]\s|\s[-–—]|[-–—]\s")


_NUMBER_ABBREVIATION = re.compile(r"^\W*no\.?\s*(?:of\b|\d)", re.IGNORECASE)
#: Answers made of the writer alone ("Me", "Myself"): short, but they name who.
_SELF = frozenset({"me", "myself", "i"})

#: A clause that is nothing but a denial: "None.", "No –", "Nothing:", "N/A -".
_BARE_DENIAL = frozenset({"none", "no", "nothing", "nil", "na", "n/a", "nope"})


#: Openings that deny the field's subject in so many words.
_DENIAL_PHRASE = re.compile(
    r"^\W*(?:"
    r"not\s+(?:the\s+)?(?:team['’]?s|my|our|their|his|her)\s+(?:job|responsibility|department|"
    r"role|problem|call|concern)"
    r"|not\s+(?:needed|required|necessary|applicable|relevant|an?\s+(?:issue|problem|factor))"
    r"|(?:\w+\s+){0,2}(?:is\s+|was\s+)?not\s+an?\s+(?:issue|problem|concern|factor|constraint)"
    r"|no\s+(?:\w+\s+){0,4}?(?:needed|required|necessary)"
    r"|not\s+(?:yet\s+)?(?:looked\s+at|considered|thought\s+about|worked\s+out|costed|known)"
    r")",
    re.IGNORECASE,
)


def _opens_with_denial(text: str, label_lemmas: frozenset[str]) -> bool:
    """'None. The customer is always right…', 'No – staff were happy': a bare denial first,
    and whatever follows only says why there is nothing."""
    if _NUMBER_ABBREVIATION.match(text):
        return False  # "No. of complaints", "No 3 store"
    first = _CLAUSE.split(text, maxsplit=1)[0]
    if _DENIAL_PHRASE.match(first):
        return True
    opening = [w for w in lemmas(first) if w not in NEGATION_FILLER and w not in label_lemmas]
    if not set(opening) & _BARE_DENIAL or not set(opening) <= _BARE_DENIAL | STOPWORDS:
        return False
    rest = text[len(first) :]
    if not tokens(rest):
        return False  # "N/A" alone is a placeholder, judged as one
    if re.search(r"\d", rest):
        return False  # "No – about £9,000 a year…": a reason with figures follows
    tail = [w for w in content_lemmas(rest) if w not in label_lemmas]
    return len(tail) <= 4 or _negated(lemmas(rest), label_lemmas) or _denies_again(rest)


def _denies_again(text: str) -> bool:
    """Whether what follows a bare denial denies once more ("None really – cost shouldn't
    come into it", "No – staff were never worried"): a reason why there is nothing, not a
    thing named. Called only once no figure follows the denial."""
    return any(w in NEGATORS or w.endswith("n't") for w in lemmas(text))


@lru_cache(maxsize=1024)
def _content_set(text: str) -> frozenset[str]:
    """The distinct content lemmas of ``text`` (whether one text says nothing new)."""
    return frozenset(content_lemmas(text))


@lru_cache(maxsize=65536)
def _content_lemma(word: str) -> str:
    """The lemma of one word when it carries content, else ""."""
    word_lemma = lemma(word)
    return word_lemma if is_content(word_lemma) else ""


@lru_cache(maxsize=1024)
def _tally(text: str, record: bool) -> tuple[int, int, int, int]:
    """Count each sentence once; in a record, leave out what is only intended.

    (content words counted, repeated sentences, future sentences, distinct sentences), read
    in one pass per text and kept: one text is judged under several labels, and a long one
    has thousands of sentences that must not crowd the per-text caches out.
    """
    seen: set[str] = set()
    counted = repeated = future = 0
    for part in _SENTENCE.split(readable(text)):
        sentence = part.strip()
        content = [w for w in map(_content_lemma, _TOKEN.findall(sentence)) if w]
        if not content:
            continue
        key = " ".join(content)
        if key in seen:
            repeated += 1
            continue
        seen.add(key)
        if record and _is_future(sentence):
            future += 1
            continue
        counted += sum(1 for w in content if w not in PLACEHOLDER_LEMMAS)
    return counted, repeated, future, len(seen)


@lru_cache(maxsize=65536)
def judge(
    text: str | None,
    label: str = "",
    record: bool = False,
    echoes: tuple[str, ...] = (),
    criterion: frozenset[str] | None = None,
) -> Judgement:
    """Judge ``text`` written in a field called ``label``.

    ``record``: the field records what happened (a log entry, an outcome, an evaluation), so
    sentences about the future do not count. ``echoes``: wording the text must not merely
    repeat (the unit's marking points). ``criterion``: the lemmas of the marking points'
    wording, when the text must name something of its own beyond them and the trade's
    general words (app/checker/vague.py); None for a text that need not (a customer's words).
    """
    if not text or not text.strip():
        return EMPTY
    words = lemmas(text)
    content = [w for w in words if is_content(w)]
    label_lemmas = frozenset(content_lemmas(label)) if label else frozenset()
    if not content and words and set(words) <= _SELF:
        return Judgement(1)
    if not content:
        # Only stopwords and punctuation: "-", "?", "N/A", "no", "none at all".
        code = "negated" if any(w in NEGATORS for w in words) and label else "placeholder"
        return Judgement(0, code, WHY[code])
    lorem = sum(w in LOREM for w in content)
    if lorem >= 2 and lorem * 3 >= len(content):
        return Judgement(0, "lorem", WHY["lorem"])
    if _negated(words, label_lemmas) or _opens_with_denial(text, label_lemmas):
        return Judgement(0, "negated", WHY["negated"])
    meaningful = [w for w in content if w not in PLACEHOLDER_LEMMAS and w not in label_lemmas]
    if not meaningful:
        pointer = any(w in POINTER_LEMMAS for w in content)
        code = "pointer" if pointer else ("label" if label_lemmas & set(content) else "placeholder")
        return Judgement(0, code, WHY[code])
    if label in CIRCULAR_FIELDS and _circular(text):
        return Judgement(0, "circular", WHY["circular"])
    if _DEFERRED.search(text) and len(meaningful) <= DEFERRED_TAIL:
        return Judgement(0, "placeholder", WHY["placeholder"])
    if len(content) >= 4:
        for echo in echoes:
            # Most of a guide sentence, and nothing of the learner's own: pasted, not an
            # answer. A short phrase that happens to stand in a long sentence is not.
            if (
                len(content) * 5 >= len(content_lemmas(echo)) * 3
                and _content_set(text) <= _content_set(echo)
                and covered(text, (echo,)) >= 90
            ):
                return Judgement(0, "echo", WHY["echo"])
    if criterion is not None and names_nothing(text, criterion | label_lemmas):
        return Judgement(0, "vague", WHY["vague"])
    counted, repeated, future, distinct = _tally(text, record)
    if counted == 0 and future:
        return Judgement(0, "intention", WHY["intention"])
    if repeated and repeated >= distinct:
        return Judgement(counted, "padding", WHY["padding"])
    return Judgement(counted)


@lru_cache(maxsize=16384)
def quote(text: str, limit: int = 60) -> str:
    """A short quotation of a learner's text for a reason: “…” (remembered: the same texts
    are quoted in every check, by several rules)."""
    return f"“{flatten(text, limit)}”"


# -- keywords as whole words --------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A keyword or phrase matched on whole lemmas, optionally only in context.

    ``near``: at least one of these lemmas within ``window`` words (the phrase is about the
    right thing); ``not_near``: none of these within the window (a customer's *online*
    review is not a review of the process). ``denied``: the phrase counts only where the
    text denies it ("it isn't my place", "they weren't really complaints"): what a learner
    disowns can be the mistake itself. ``followed_by`` / ``preceded_by``: one of these
    within the window after (before) the phrase, in the same sentence or clause — who does
    what: in "colleagues check the list" the colleagues act; in "I wrote the templates
    myself; the team just work from them" they do not, though "write" stands near "team".
    """

    phrase: tuple[str, ...]
    near: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    window: int = 6
    shown: str = ""
    denied: bool = False
    followed_by: frozenset[str] = frozenset()
    preceded_by: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, raw: str | dict) -> Term:
        if isinstance(raw, str):
            return cls(lemmas(raw), shown=raw)
        return cls(
            lemmas(raw["term"]),
            frozenset(lemma(w) for w in raw.get("near", [])),
            frozenset(lemma(w) for w in raw.get("not_near", [])),
            int(raw.get("window", 6)),
            raw["term"],
            bool(raw.get("denied", False)),
            frozenset(lemma(w) for w in raw.get("followed_by", [])),
            frozenset(lemma(w) for w in raw.get("preceded_by", [])),
        )

    @classmethod
    def parse_all(cls, raw: str | dict) -> list[Term]:
        """One term, or one per phrase when ``term`` lists several sharing one context
        ({"term": ["team", "colleague", "staff"], "followed_by": [...]})."""
        if isinstance(raw, dict) and isinstance(raw.get("term"), list):
            return [cls.parse({**raw, "term": phrase}) for phrase in raw["term"]]
        return [cls.parse(raw)]


@lru_cache(maxsize=16384)
def lemma_set(text: str) -> frozenset[str]:
    return frozenset(lemmas(text))


#: Words that may stand between "not" and a term it denies: "not really a structure issue",
#: "not linked to any brand value", "didn't look at the warehouse".
_DENIAL_BRIDGE = words_of(
    """
    really a an the any our their its linked link related relate to about due cause caused
    by of an issue very much at all look looked consider considered analyse analysed
    investigate investigated examine examined include included cover covered part do with
    yet
    """
)
#: After "no TERM", words that make it a denial rather than a finding ("no training needed").
_DENIAL_TAIL = words_of(
    "need needed require required necessary plan planned issue issues problem problems "
    "relevant apply applicable"
)


#: Pairs that set what follows aside: "X rather than Y" asserts X and denies Y.
_SET_ASIDE = frozenset({("rather", "than"), ("instead", "of")})


def _denied(words: Sequence[str], start: int, size: int) -> bool:
    """Whether the term at ``words[start:start+size]`` is denied rather than asserted.

    "no TERM … needed" denies it, "no owner for the inbox" states a finding; "not (really)
    a TERM issue", "nothing to do with our TERM" and "a suggestion rather than a TERM" deny
    it, "did not know the TERM" does not (the denial is of another verb).
    """
    before = words[max(0, start - 6) : start]
    after = words[start + size : start + size + 4]
    if "no" in before[-4:] and any(w in _DENIAL_TAIL for w in after):
        return True
    for offset in range(len(before) - 2, -1, -1):
        if tuple(before[offset : offset + 2]) in _SET_ASIDE:
            return all(w in _DENIAL_BRIDGE for w in before[offset + 2 :])
    for offset in range(len(before) - 1, -1, -1):
        word = before[offset]
        if word in {"not", "never", "nothing"} or word.endswith("n't"):
            between = before[offset + 1 :]
            # one word right before the term may qualify it ("brand value", "team meeting")
            if between and between[-1] not in _DENIAL_BRIDGE:
                between = between[:-1]
            return all(w in _DENIAL_BRIDGE for w in between)
    return False


def find_term(text: str, term: Term) -> bool:
    """Whether ``term`` stands in ``text`` as whole words, in the context it asks for, and is
    not denied there ("no training needed", "not really a structure issue") — or, for a
    ``denied`` term, is denied there."""
    size = len(term.phrase)
    if not size or term.phrase[0] not in lemma_set(text):
        return False
    words = lemmas(text)
    first = term.phrase[0]
    for start, word in enumerate(words):
        if word != first or tuple(words[start : start + size]) != term.phrase:
            continue
        around = set(words[max(0, start - term.window) : start + size + term.window])
        if term.not_near and term.not_near & around:
            continue
        if term.near and not term.near & around:
            continue
        if _denied(words, start, size) is not term.denied:
            continue
        if (term.followed_by or term.preceded_by) and not _acts(text, term, start, size):
            continue
        return True
    return False


_CLAUSE_BREAK = re.compile(r"[.;!?\n•]")


@lru_cache(maxsize=4096)
def _clause_numbers(text: str) -> tuple[int, ...]:
    """For each word of ``text`` (as :func:`lemmas` reads them), the number of its sentence or
    clause: a full stop, semicolon, line break or bullet between two words parts them."""
    numbers: list[int] = []
    clause = 0
    end = 0
    readable_text = readable(text)
    for match in _TOKEN.finditer(readable_text):
        if _CLAUSE_BREAK.search(readable_text, end, match.start()):
            clause += 1
        numbers.append(clause)
        end = match.end()
    return tuple(numbers)


def _acts(text: str, term: Term, start: int, size: int) -> bool:
    """Whether the words ``term`` wants after (and before) it stand in its own clause."""
    words = lemmas(text)
    clause = _clause_numbers(text)
    own = clause[start]
    if term.followed_by:
        after = range(start + size, min(len(words), start + size + term.window))
        if not any(clause[i] == own and words[i] in term.followed_by for i in after):
            return False
    if term.preceded_by:
        before = range(max(0, start - term.window), start)
        if not any(clause[i] == own and words[i] in term.preceded_by for i in before):
            return False
    return True
