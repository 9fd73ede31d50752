"""Whether a text names anything, and whether it names something that can be measured.

Padding in the words of the trade is not an answer.

"Customers want a good experience at this stage and it is important that we always deliver
excellent service here" fills the box, is not a placeholder in the usual sense, and says
nothing an examiner could check: no figure, no named thing, nothing of this workplace — only
words any portfolio could use, or the marking point's own words handed back ("internal
structures directly affect customer outcomes", "a systematic, data-driven analysis identified
improvement opportunities"). An examiner reads such a text as padding.

A text *names something* when it holds a figure (in digits or words), a quotation, a proper
name or code, or one content word beyond the trade's general vocabulary
(:data:`GENERIC_WORDS`) and the words it is allowed to echo. That is deliberately a low bar:
"the desk has no list of incoming orders" names a desk and a list and passes, however plain.
"""

from __future__ import annotations

import re
from functools import cache

#: Words any customer-service text could use without saying what, where or how much:
#: evaluations, the names of things in general (service, process, outcome), the vocabulary
#: of method (analysis, data, trend, KPI) and the verbs that go with them.
GENERIC_WORDS = """
    good great excellent outstanding better best poor bad important vital key essential
    crucial critical significant major main effective efficient positive negative high low
    quality strong clear wide whole overall potential real true general common proper
    appropriate relevant suitable proportionate full fully direct directly indirectly
    internal internally external systematic systematically strategic strategically consistent
    consistently regular regularly properly effectively efficiently truly always usually
    generally seamless smooth smoothly robust proactive reactive holistic various several
    different particular certain right wrong further possible able sure happy satisfied
    satisfying valuable useful successful success
    customer client consumer service experience business organisation organization company
    firm colleague staff employee people person everyone anyone stakeholder stage part area
    aspect point place way thing matter level standard outcome result satisfaction value
    expectation need want journey touchpoint interaction benefit implication resource
    objective goal aim target strategy approach method practice structure procedure process
    system channel policy opportunity improvement issue problem efficiency effectiveness
    performance data feedback analysis evidence trend insight kpi kpis metric measure
    information relationship loyalty reputation importance priority focus progress
    development growth future term culture environment model framework principle basis time
    deal line lot kind sort range amount effect impact difference change action step plan
    project idea view importance role responsibility requirement expectation solution
    escalation communication
    provide ensure improve keep make work focus care show tell say feel help support boost
    enhance drive achieve meet exceed lead affect link align consider identify highlight
    analyse analyze review assess evaluate address increase reduce raise come go get give
    take look see know think believe happen include involve use create build develop
    maintain manage handle respond satisfy serve treat continue remain become seem appear
    allow enable contribute reflect demonstrate implement apply follow monitor track report
    communicate engage understand learn base structure deliver expect matter bring put
    forward back wider across deserve commit committed strive dedicate dedicated passionate
    prioritise prioritize promise
"""

#: Numbers written as words: a figure all the same ("nine colleagues", "half the calls").
_NUMBERS = """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million half third quarter dozen twice double triple
"""
NUMBER_WORDS = frozenset(_NUMBERS.split())
#: Below this many content words a text is a label or a short answer, judged as such.
MIN_WORDS = 5

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s+|\n+|\s[-–—]\s")
_QUOTATION = re.compile(r"(?:^|[\s(])['‘\"“][^'’\"”]{3,}['’\"”]")


@cache
def _lemmas_of(words: str) -> frozenset[str]:
    """A word list of this module as lemmas, made on first use (the lemma dictionary is slow
    to load)."""
    from app.checker.substance import lemma

    return frozenset(lemma(word) for word in words.split())


def _has_figure(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or any(
        word.lower() in NUMBER_WORDS for word in _WORD.findall(text)
    )


def _has_name(text: str, ordinary: frozenset[str]) -> bool:
    """A capitalised word inside a sentence (not its first word, not "I") that is not one of
    the ordinary words: a person, a place, a product, a code such as CSAT."""
    from app.checker.substance import lemma

    for sentence in _SENTENCE_BREAK.split(text):
        for word in _WORD.findall(sentence)[1:]:
            if word[0].isupper() and word != "I" and lemma(word) not in ordinary:
                return True
    return False


def names_nothing(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` is an attempt at an answer (at least MIN_WORDS content words) made
    only of words any portfolio could use — GENERIC_WORDS and ``allowed`` (the marking
    points' wording, the field's own name) — with no figure, quotation or proper name."""
    from app.checker.substance import content_lemmas

    content = content_lemmas(text)
    if len(content) < MIN_WORDS:
        return False
    ordinary = _lemmas_of(GENERIC_WORDS) | allowed
    if any(word not in ordinary for word in content):
        return False
    return not (_has_figure(text) or _QUOTATION.search(text) or _has_name(text, ordinary))


#: Measures and units: what makes an outcome something that can be counted or timed.
MEASURE_WORDS = """
    number count rate percent percentage share proportion ratio average mean median total
    time minute min mins hour hr hrs day week month year second daily weekly monthly yearly
    quarterly annual score rating csat nps fcr aht sla kpi per
"""


def measurable(text: str) -> bool:
    """Whether ``text`` names something that can be measured: a figure ("under 10 a month",
    "100% of orders", "five minutes") or a measure or unit ("average wait time", "share
    answered the same day", "CSAT"). "Staff feel more confident" and "a smoother handover"
    are hopes, not outcomes anyone could check."""
    from app.checker.substance import lemmas

    if "%" in text or _has_figure(text):
        return True
    return bool(set(lemmas(text)) & _lemmas_of(MEASURE_WORDS))
