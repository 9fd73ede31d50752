"""Plain text for the PDF broken into lines in time linear in its length, and long text that
splits across pages at its line boundaries.

A platypus Paragraph measures its text word by word in Python and breaks it again each time
it is split at the foot of a page, so a megabyte of writing takes most of a minute. Here
each character's width is looked up once, a line's end is found by bisecting the running
total of widths, and a split hands on the lines already broken. The lines are those a
Paragraph would give: the same white space, the longest run of words that fits, a word
wider than the line broken where it must be.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

#: The characters a Paragraph treats as white space between words (not the no-break
#: spaces U+00A0, which hold words together).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000"
)
#: The white space of ASCII other than the space (and the line feed, split on first).
_ASCII_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
_RUN_OF_SPACES = re.compile(f"[{re.escape(SPACES.replace(chr(10), ''))}]+")
#: How many characters' widths are summed at a time: a line ends within it, and the running
#: totals of a megabyte-long line are never all held at once.
WINDOW = 4096
#: Lines are kept this far (in thousandths of an em) inside the width, against rounding.
_SLACK = 1e-7

#: Runs of a text, each marked True when it is set in the symbol font.
Runs = Callable[[str], list[tuple[bool, str]]]


class Widths(dict[str, float]):
    """Each character's advance in thousandths of an em, as the PDF sets it: in the main
    font, or in the symbol font for a character ``runs`` puts there.

    A Paragraph lets the spaces of a line shrink by a part of their width (its style's
    ``spaceShrinkage``) to fit one more word: here a space counts that much narrower, and
    ``space_cut`` is what it gave up.
    """

    def __init__(
        self, font: str, symbol_font: str = "", runs: Runs | None = None, shrink: float = 0.0
    ) -> None:
        super().__init__()
        self.font = font
        self.symbol_font = symbol_font
        self.runs = runs
        space = self._measure(" ")
        self.space_cut = space * shrink
        self[" "] = space - self.space_cut

    def _measure(self, character: str) -> float:
        in_symbols = self.runs is not None and self.runs(character)[0][0]
        face = getFont(self.symbol_font if in_symbols else self.font).face  # type: ignore[attr-defined]
        return float(face.charWidths.get(ord(character), face.defaultWidth))

    def __missing__(self, character: str) -> float:
        width = self[character] = self._measure(character)
        return width


class _WordWidths(dict[str, float]):
    """Each word's width with the (shrunk) space after it, summed from its characters once
    and kept while the words are few enough (most writing uses the same words again)."""

    LIMIT = 50_000

    def __init__(self, table: Widths) -> None:
        super().__init__()
        self.table = table
        self.space = table[" "]

    def __missing__(self, word: str) -> float:
        if len(self) >= self.LIMIT:
            self.clear()
        width = self[word] = sum(map(self.table.__getitem__, word)) + self.space
        return width


_WORDS: dict[int, _WordWidths] = {}


def _words_of(table: Widths) -> _WordWidths:
    found = _WORDS.get(id(table))
    if found is None or found.table is not table:
        found = _WORDS[id(table)] = _WordWidths(table)
    return found


_TABLES: dict[tuple[str, str, float], Widths] = {}


def widths(
    font: str, symbol_font: str = "", runs: Runs | None = None, shrink: float = 0.0
) -> Widths:
    """The one width table for ``font`` (with ``symbol_font`` for what ``runs`` puts there,
    spaces shrinking by ``shrink``)."""
    key = (font, symbol_font if runs is not None else "", shrink)
    table = _TABLES.get(key)
    if table is None:
        table = _TABLES[key] = Widths(font, symbol_font, runs, shrink)
    return table


def break_lines(text: str, table: Widths, size: float, width: float) -> tuple[list[str], list[str]]:
    """``text`` in lines no wider than ``width`` at ``size`` points (its spaces shrunk as
    ``table`` says), and what followed each line in the text: "\n" (a line break), " " (a
    space) or "" (a word broken in two). Runs of white space become one space and line
    breaks are kept, as in a Paragraph (which ends the text at a last line break with
    nothing after it)."""
    lines: list[str] = []
    joins: list[str] = []
    if not text.strip(SPACES):
        return lines, joins
    limit = width * 1000 / size - _SLACK
    sources = text.split("\n")
    if not sources[-1].strip(SPACES):
        sources.pop()
    words_of = _words_of(table).__getitem__
    for source in sources:
        line = _one_space(source)
        if line:
            if not _break_words(line, words_of, table[" "], limit, lines, joins):
                _break(line, table, limit, lines, joins)
        else:
            lines.append("")  # a blank line, as <br/><br/> gives in a Paragraph
            joins.append(" ")
        joins[-1] = "\n"
    joins[-1] = ""
    return lines, joins


def _one_space(text: str) -> str:
    """``text`` with each run of white space one space, none at either end. Most text has
    single spaces already, which a few scans find; Python's own split is quicker than the
    pattern and differs from a Paragraph's white space only in the no-break space (which
    holds words together) and the zero-width space (which parts them)."""
    if text.isascii() and "  " not in text and not any(c in text for c in _ASCII_SPACES):
        return text.strip(" ")
    if "\xa0" in text or "\u200b" in text:
        return _RUN_OF_SPACES.sub(" ", text).strip(" ")
    return " ".join(text.split())


class _Totals:
    """Running totals of the widths of a stretch of a text, from ``base``: the width of
    ``text[a:b]`` is ``totals[b - base] - totals[a - base]``."""

    __slots__ = ("base", "end", "totals")

    def __init__(self, text: str, table: Widths, base: int, count: int) -> None:
        self.base = base
        self.end = min(len(text), base + count)
        self.totals = list(accumulate(map(table.__getitem__, text[base : self.end]), initial=0.0))

    def fit(self, start: int, limit: float) -> int:
        """The furthest ``stop`` (at most ``end``) with ``text[start:stop]`` within ``limit``."""
        totals, offset = self.totals, start - self.base
        return self.base - 1 + bisect_right(totals, totals[offset] + limit, offset)


def _break_words(
    text: str,
    words_of: Callable[[str], float],
    space: float,
    limit: float,
    lines: list[str],
    joins: list[str],
) -> bool:
    """Append the lines of ``text`` found a word at a time, the quick way when no word is
    wider than a line; False (and nothing appended) when one is."""
    words = text.split(" ")
    widths = list(map(words_of, words))
    if max(widths) - space > limit:
        return False
    # totals[i] - totals[a] - space: the width of words a to i on one line.
    totals = list(accumulate(widths, initial=0.0))
    count = len(words)
    start = 0
    while start < count:
        stop = bisect_right(totals, totals[start] + space + limit, start + 1) - 1
        stop = max(stop, start + 1)  # (every word fits a line of its own)
        lines.append(" ".join(words[start:stop]))
        joins.append(" ")
        start = stop
    joins[-1] = ""
    return True


def _break(text: str, table: Widths, limit: float, lines: list[str], joins: list[str]) -> None:
    """Append the lines of ``text`` (one space between words, none at either end): each the
    most words that fit; a word wider than a line fills the rest of the line it starts on
    (its spaces at their full width) and goes on over the next lines."""
    size = len(text)
    window = WINDOW
    totals = _Totals(text, table, 0, window)
    position = 0
    while position < size:
        stop = totals.fit(position, limit)
        space = -1
        if stop < size and text[stop] != " ":
            space = text.rfind(" ", position, stop)
        # The word that runs past the line: wider than a line of its own?
        word_fits = stop
        if space > position:
            word_fits = totals.fit(space + 1, limit)
        if max(stop, word_fits) == totals.end < size:  # the line may run past the totals
            window = window * 2 if position == totals.base else WINDOW
            totals = _Totals(text, table, position, window)
            continue
        if stop >= size:
            lines.append(text[position:])
            joins.append("")
            return
        if text[stop] == " ":
            lines.append(text[position:stop])
            joins.append(" ")
            position = stop + 1
            continue
        if space > position:
            word_end = text.find(" ", space + 1)
            if word_fits >= (word_end if word_end >= 0 else size):
                lines.append(text[position:space])  # the word starts the next line
                joins.append(" ")
                position = space + 1
                continue
            cut = table.space_cut * text.count(" ", position, space + 1)
            stop = totals.fit(position, limit - cut)
            if stop <= space + 1:  # no room left for a piece of it
                lines.append(text[position:space])
                joins.append(" ")
                position = space + 1
                continue
        stop = max(stop, position + 1)  # a character wider than the line goes alone
        lines.append(text[position:stop])  # as much of a long word as fits here
        joins.append("")
        position = stop


class _Broken:
    """A text's lines at one width, shared by the parts it is split into."""

    __slots__ = ("joins", "lines", "width")

    def __init__(self, width: float, lines: list[str], joins: list[str]) -> None:
        self.width = width
        self.lines = lines
        self.joins = joins


class PlainText(Flowable):
    """Plain text in a left-aligned paragraph style, of any length: broken into lines once
    per width, split across pages between lines (never leaving one line alone at the foot
    of a page, as a Paragraph), characters the main font lacks set in the symbol font."""

    def __init__(self, text: str, style: ParagraphStyle, symbol_font: str, runs: Runs) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.symbol_font = symbol_font
        self.runs = runs
        self._broken: _Broken | None = None
        self._start = 0
        self._stop = 0

    def _part(self, start: int, stop: int) -> PlainText:
        part = PlainText("", self.style, self.symbol_font, self.runs)
        part._broken, part._start, part._stop = self._broken, start, stop
        return part

    def _own_text(self) -> str:
        broken = self._broken
        if broken is None:
            return self.text
        pieces = zip(
            broken.lines[self._start : self._stop],
            broken.joins[self._start : self._stop],
            strict=True,
        )
        return "".join(line + join for line, join in pieces)

    @property
    def lines(self) -> list[str]:
        """The lines this flowable draws (after ``wrap``)."""
        broken = self._broken
        return broken.lines[self._start : self._stop] if broken is not None else []

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        if self._broken is None or self._broken.width != available_width:
            style = self.style
            table = widths(style.fontName, self.symbol_font, self.runs, style.spaceShrinkage)
            lines, joins = break_lines(self._own_text(), table, style.fontSize, available_width)
            self._broken = _Broken(available_width, lines, joins)
            self._start, self._stop = 0, len(lines)
        self.width = available_width
        self.height = (self._stop - self._start) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fits = int(available_height / self.style.leading)
        if fits <= 1:  # no room, or room for one line left alone: all of it goes on
            return []
        if self._stop - self._start <= fits:
            return [self]
        middle = self._start + fits
        return [self._part(self._start, middle), self._part(middle, self._stop)]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        lines = self.lines
        if not lines:
            return
        style = self.style
        font, size, leading = style.fontName, style.fontSize, style.leading
        text = self.canv.beginText(0, self.height - size)
        text.setFont(font, size, leading)
        text.setFillColor(style.textColor)
        in_main = True
        for line in lines:
            if line.isascii():
                if not in_main:
                    text.setFont(font, size, leading)
                    in_main = True
                text.textLine(line)
                continue
            for symbol, chunk in self.runs(line):
                if symbol == in_main:
                    text.setFont(self.symbol_font if symbol else font, size, leading)
                    in_main = not symbol
                text.textOut(chunk)
            text.textLine()
        self.canv.drawText(text)
