"""Small text helpers for the checker: words, stems, and how items are named to a learner."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from app.models.kinds import KINDS
from app.models.vocab import FEEDBACK_SOURCES, VOCABULARIES, label

_WORD = re.compile(r"[^\W_]+")

STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "can",
        "clear",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "my",
        "of",
        "on",
        "or",
        "our",
        "such",
        "that",
        "the",
        "their",
        "them",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "with",
        "will",
        "your",
        "you",
        "e",
        "g",
        "eg",
        "award",
        "credit",
        "evidence",
        "demonstrating",
        "demonstrate",
        "look",
        "assess",
        "check",
        "expect",
        "must",
        "should",
        "learners",
        "learner",
        "ability",
        "including",
        "include",
        "includes",
        "clearly",
        "specific",
    }
)


def words(text: str | None) -> list[str]:
    return _WORD.findall(text or "")


def word_count(text: str | None) -> int:
    return len(words(text))


def stem(word: str) -> str:
    """A crude stem: lower case, first five letters (analyse/analysis, team/teams)."""
    return word.lower()[:5]


def content_stems(text: str | None, tokens: list[str] | None = None) -> set[str]:
    tokens = words(text) if tokens is None else tokens
    return {stem(w) for w in tokens if len(w) > 2 and w.lower() not in STOPWORDS}


def normalise(text: str | None, tokens: list[str] | None = None) -> str:
    tokens = words(text) if tokens is None else tokens
    return " ".join(w.lower() for w in tokens)


def is_filled(value: Any, min_words: int = 1) -> bool:
    """Whether a field holds real content (text of at least ``min_words`` words)."""
    if value is None:
        return False
    if isinstance(value, str):
        return word_count(value) >= min_words
    if isinstance(value, bool):
        return value
    return True


NOUNS = {**{name: kind.noun for name, kind in KINDS.items()}, "portfolio": "portfolio"}


def flatten(text: str, limit: int) -> str:
    """``text`` on one line of printable characters, cut to ``limit`` with an ellipsis.

    Only as much of the text is read as the cut needs: the start of a megabyte-long field
    gives the same snippet as the whole of it, and costs nothing like a megabyte's work.
    """
    if not text:
        return ""
    read = 4 * limit + 64
    while True:
        part = text[:read]
        flat = " ".join("".join(ch if ch.isprintable() else " " for ch in part).split())
        if len(flat) > limit:
            return flat[: limit - 1].rstrip() + "…"
        if read >= len(text):
            return flat
        read *= 4


@lru_cache(maxsize=16384)
def quote(text: str, limit: int = 60) -> str:
    """A short quotation of a learner's text for a reason: “…” (remembered: the same texts
    are quoted in every check, by several rules)."""
    return f"“{flatten(text, limit)}”"


@lru_cache(maxsize=16384)
def _snippet(text: str, limit: int = 48) -> str:
    return flatten(text, limit)


def describe(kind: str, number: int, item: Any) -> str:
    """How a learner recognises an item: 'action 2 “Triage the inbox…”'."""
    noun = NOUNS.get(kind, kind)
    if kind == "feedback_item":
        return f"{noun} {number} ({label(FEEDBACK_SOURCES, item.source_type)})"
    if kind == "evidence_file":
        name = "".join(ch for ch in item.original_name if ch.isprintable())
        return f"{noun} {number} “{name if len(name) <= 48 else name[:47] + '…'}”"
    info = KINDS.get(kind)
    headline = info.headline if info else ""
    value = getattr(item, headline, "") if headline else ""
    vocabulary = VOCABULARIES.get((kind, headline))
    snippet = _snippet(label(vocabulary, value) if vocabulary else str(value or ""))
    return f"{noun} {number} “{snippet}”" if snippet else f"{noun} {number}"


def plural(noun: str, count: int = 2) -> str:
    """'log entry' -> 'log entries', 'action' -> 'actions' (one: the noun as it is)."""
    if count == 1:
        return noun
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    return noun if noun.endswith("s") else noun + "s"


def join_names(names: list[str], limit: int = 4) -> str:
    """'a, b and c' — with '… and N more' past ``limit``."""
    if not names:
        return ""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
