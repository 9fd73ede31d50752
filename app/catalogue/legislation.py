"""The legislation and standards library (resources/legislation.json), and reading citations.

Plain-English summaries of what each law or standard requires of customer service, for the
unit guide, and for actions and findings that must say which law they rely on. Each entry
also says whether it is still the law to cite (``status``, ``replaced_by``), which
customer-service duties it governs (``scope``) and the words a justification uses to name
one of them (``justification_terms``).

``resolve_citations`` reads what a learner typed ("CRA 2015 s.49", "DPA 2018; EqA 2010",
"UK GDPR") into library entries, from the names kept in the data: whole words only, any
case, loose about punctuation and spacing; a year picks between laws of the same name
("Data Protection Act 1998" is not the 2018 Act) and a bare name means the current one.
``find_unresolved_laws`` and ``find_internal_policies`` say what else was cited: a law the
library does not hold, or a company's own policy put forward as if it were law.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from app.errors import InvalidInputError
from app.resources import load_schema, resource_path

STATUSES = ("in-force", "replaced", "repealed")


@dataclass(frozen=True)
class LegalEntry:
    id: str
    title: str
    kind: str
    summary: str
    requires: tuple[str, ...]
    jurisdiction: str = ""
    status: str = "in-force"
    replaced_by: str = ""
    status_note: str = ""
    year: int | None = None
    aliases: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    scope_note: str = ""
    justification_terms: tuple[str, ...] = ()

    @property
    def current(self) -> bool:
        """Whether this is still the law (or standard) to cite."""
        return self.status == "in-force"

    @property
    def generic(self) -> bool:
        """A law that governs no customer-service duty (health and safety, say)."""
        return not self.scope

    @property
    def choice_label(self) -> str:
        """The title as a list of choices shows it: superseded entries say so."""
        return self.title if self.current else f"{self.title} (no longer current)"

    def status_text(self) -> str:
        """'X was replaced by Y for …': why a superseded entry is not the one to cite."""
        if self.current:
            return f"{self.title} is in force"
        successor = load_library().get(self.replaced_by)
        name = successor.title if successor else self.replaced_by
        verb = "was replaced by" if self.status == "replaced" else "was repealed and replaced by"
        note = f" {self.status_note}" if self.status_note else ""
        return f"{self.title} {verb} the {name}{note}"


def library_document() -> dict:
    return json.loads(resource_path("legislation.json").read_text(encoding="utf-8"))


def validate_library(document: dict) -> None:
    """Raise InvalidInputError when ``document`` does not follow its schema, or names an entry
    that is not there (the tests hold the shipped library to it; reading it at start-up
    trusts it, like the built-in units)."""
    import jsonschema

    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(load_schema("legislation.schema.json")).iter_errors(
            document
        )
    )
    if error is not None:
        raise InvalidInputError(f"legislation library: {error.message}")
    ids = {item["id"] for item in document["entries"]}
    for item in document["entries"]:
        successor = item.get("replaced_by")
        if successor is not None and successor not in ids:
            raise InvalidInputError(
                f"legislation library: '{item['id']}' is replaced by unknown '{successor}'"
            )


@cache
def load_library() -> dict[str, LegalEntry]:
    """Every entry by id, current and superseded alike (old links must still be read)."""
    entries: dict[str, LegalEntry] = {}
    for item in library_document()["entries"]:
        if item["id"] in entries:
            raise InvalidInputError(f"legislation library: '{item['id']}' appears twice")
        entries[item["id"]] = LegalEntry(
            id=item["id"],
            title=item["title"],
            kind=item["kind"],
            summary=item["summary"],
            requires=tuple(item["requires"]),
            jurisdiction=item.get("jurisdiction", ""),
            status=item.get("status", "in-force"),
            replaced_by=item.get("replaced_by", ""),
            status_note=item.get("status_note", ""),
            year=item.get("year"),
            aliases=tuple(item.get("aliases", ())),
            scope=tuple(item.get("scope", ())),
            scope_note=item.get("scope_note", ""),
            justification_terms=tuple(item.get("justification_terms", ())),
        )
    return entries


def current_entries() -> dict[str, LegalEntry]:
    """The entries a learner may choose for a new link: only those still in force."""
    return {key: entry for key, entry in load_library().items() if entry.current}


# -- reading citations -----------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9]+|&")
_TRAILING_YEAR = re.compile(r"^(?P<base>.*?)[\s,:(]*(?P<year>(?:1[89]|20)\d\d)\)?$")
_JOIN = r"[\s.,:'’()\-]*"
_YEAR = r"(?:[\s,:(]*(?P<year>(?:1[89]|20)\d\d)\)?)?"
_SECTION_WORDS = (
    r"(?:ss?|sec|section|sections|regs?|regulation|regulations|arts?|article|articles|"
    r"para|paragraph|part|sch|schedule)"
)
_SECTION_NUMBER = r"\d+[A-Za-z]?(?:\(\d+\))?"
_SECTION_AFTER = re.compile(
    rf"[\s,]*(?P<section>{_SECTION_WORDS}\.?\s*{_SECTION_NUMBER})(?![A-Za-z0-9])", re.IGNORECASE
)
_SECTION_BEFORE = re.compile(
    rf"(?P<section>{_SECTION_WORDS}\.?\s*{_SECTION_NUMBER})\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def _key(text: str) -> str:
    """A name reduced to its letters and digits ('ISO 10002' == 'ISO10002', & == and)."""
    return "".join("and" if t == "&" else t.lower() for t in _TOKEN.findall(text))


def _pattern(base: str) -> str:
    parts = []
    for token in _TOKEN.findall(base):
        parts.append(r"(?:and|&)" if token.lower() in {"and", "&"} else re.escape(token))
    return _JOIN.join(parts)


@dataclass(frozen=True)
class _Index:
    pattern: re.Pattern[str]
    #: name key -> year (None: written without one) -> entry id
    names: dict[str, dict[int | None, str]]


@cache
def _index() -> _Index:
    names: dict[str, dict[int | None, str]] = {}
    bases: set[str] = set()
    for entry in load_library().values():
        for alias in (entry.title, *entry.aliases):
            found = _TRAILING_YEAR.match(alias.strip())
            base, year = (found["base"], int(found["year"])) if found else (alias, None)
            key = _key(base)
            if not key:
                continue
            bases.add(base)
            years = names.setdefault(key, {})
            owner = years.setdefault(year, entry.id)
            if owner != entry.id:
                raise InvalidInputError(
                    f"legislation library: '{alias}' names both '{owner}' and '{entry.id}'"
                )
            if year is None and entry.year is not None:
                years.setdefault(entry.year, entry.id)  # "CRA" also answers to "CRA 2015"
    alternatives = sorted({_pattern(b) for b in bases}, key=len, reverse=True)
    pattern = re.compile(
        rf"(?<![A-Za-z0-9])(?P<name>{'|'.join(alternatives)}){_YEAR}(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    return _Index(pattern, names)


@dataclass(frozen=True)
class Citation:
    """One law or standard cited in a text, resolved to its library entry."""

    entry: LegalEntry
    #: the words as the learner wrote them, year and section included
    text: str
    section: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class _Reading:
    citations: tuple[Citation, ...]
    #: names with a year the library does not hold ("Consumer Rights Act 2016")
    wrong_years: tuple[tuple[str, int, int], ...]


@cache
def _read(text: str) -> _Reading:
    index = _index()
    library = load_library()
    citations: list[Citation] = []
    wrong: list[tuple[str, int, int]] = []
    for found in index.pattern.finditer(text):
        years = index.names.get(_key(found["name"]), {})
        year = int(found["year"]) if found["year"] else None
        entry_id = years.get(year)
        if entry_id is None:
            if year is not None:
                wrong.append((found.group(0), found.start(), found.end()))
            continue
        start, end = found.start(), found.end()
        section = ""
        after = _SECTION_AFTER.match(text, end)
        if after:
            section, end = after["section"], after.end()
        else:
            before = _SECTION_BEFORE.search(text[max(0, start - 40) : start])
            if before:
                section = before["section"]
                start = start - len(text[max(0, start - 40) : start]) + before.start()
        citations.append(Citation(library[entry_id], text[start:end], section, start, end))
    return _Reading(tuple(citations), tuple(wrong))


def resolve_citations(text: str) -> list[Citation]:
    """Every library entry ``text`` cites, in order, with the words and section used."""
    return list(_read(text or "").citations)


def find_mentioned(text: str) -> list[LegalEntry]:
    """Library entries a piece of text names, each once."""
    seen: dict[str, LegalEntry] = {}
    for citation in resolve_citations(text):
        seen.setdefault(citation.entry.id, citation.entry)
    return list(seen.values())


_LAW_NAME = re.compile(
    r"(?:(?:[A-Z][A-Za-z'’\-]*|[A-Z]{2,})\s+(?:(?:of|and|for|the|in|on|to|at|etc\.?|&)\s+)*){1,8}"
    r"(?:Act|Regulations?|Regs|Directive|Order|Bill|Statute)"
    r"(?:[\s,]*\(?(?:1[89]|20)\d\d\)?)?(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?:[a-z][a-z'’\-]*\s+){1,6}(?:act|regulations?)\s+(?:1[89]|20)\d\d"
    r"(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?:BS\s+)?(?:EN\s+)?ISO\s*\d{3,5}(?::(?:19|20)\d\d)?(?![A-Za-z0-9])",
)
_NOT_A_NAME = {"the", "this", "that", "an", "a", "our", "any", "each", "which", "new", "relevant"}

_POLICY = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?:our|the|my|company|company'?s|companies|business|store|shop|in-?house|internal|"
    r"organisation(?:al|'s)?|organization(?:al|'s)?|employer'?s?|staff|team)"
    r"\s+(?:[A-Za-z\-]+\s+){0,3}?"
    r"(?:policy|policies|charter|code\s+of\s+conduct|handbook|procedures?|guidelines|"
    r"rules|terms\s+and\s+conditions|t&cs|sop)"
    r"|customer\s+(?:service\s+)?charter|code\s+of\s+conduct|staff\s+handbook"
    r"|(?:returns?|refunds?|exchange|complaints?|privacy|data|cookie)\s+polic(?:y|ies)"
    r"|(?:[A-Za-z\-]+\s+){1,2}polic(?:y|ies)"
    r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in spans)


def find_unresolved_laws(text: str) -> list[str]:
    """What looks like a law or standard in ``text`` but is not in the library, as written
    ("the XYZ Act 2009", "Consumer Rights Act 2016", "ISO 9001")."""
    text = text or ""
    reading = _read(text)
    spans = [(c.start, c.end) for c in reading.citations]
    found: list[str] = [name for name, _, _ in reading.wrong_years]
    spans += [(a, b) for _, a, b in reading.wrong_years]
    for match in _LAW_NAME.finditer(text):
        start, end = match.span()
        words = match.group(0).split()
        while words and words[0].lower() in _NOT_A_NAME:
            start += text[start:end].find(words[0]) + len(words[0])
            words = words[1:]
        if len(words) < 2 or not _outside(spans, start, end):
            continue
        found.append(" ".join(words))
    return found


def find_internal_policies(text: str) -> list[str]:
    """An organisation's own policy, charter or code put forward as a law ("our returns
    policy", "company policy", "customer charter")."""
    text = text or ""
    spans = [(c.start, c.end) for c in _read(text).citations]
    return [
        " ".join(m.group(0).split())
        for m in _POLICY.finditer(text)
        if _outside(spans, m.start(), m.end())
    ]
