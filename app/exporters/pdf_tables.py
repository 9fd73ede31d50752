"""Tables of any number of rows for the PDF, laid out in time linear in their rows.

A platypus Table measures every one of its rows whenever it is wrapped, and splitting it at
the foot of a page makes a new table of all the rows left, measured again: a table of
12,000 feedback items spends minutes on rows already measured. A long table here is handed
to platypus a few dozen rows more than a page holds at a time; the rows are the same, the
header repeats at the top of each page, and what is drawn is ordinary Tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus import Table as RlTable

#: Rows per table handed to platypus: more than a page of one-line rows holds.
CHUNK = 80


class Piece(RlTable):
    """A Table that knows how many rows it has (its own and those of the parts it splits
    into), so a split says where the rest of the rows begin."""

    def __init__(self, data: list[list[Any]], *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.row_count = len(data)


#: Makes the Table of data rows ``start`` to ``stop``, the header above them when asked.
MakePiece = Callable[[int, int, bool], Piece]


class LongTable(Flowable):
    """The data rows from ``start`` on, laid out a chunk at a time.

    ``wrap`` claims more room than any frame has, so the frame always asks for a split;
    ``split`` makes a Table of the next chunk (with the header at the start of the table
    and at the top of a page), lets platypus split that, and hands on the rows it did not
    place.
    """

    def __init__(self, rows: int, make: MakePiece, start: int = 0) -> None:
        super().__init__()
        self.rows = rows
        self.make = make
        self.start = start

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = available_height + 1  # never drawn whole: always split
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        with_header = self.start == 0 or bool(getattr(frame, "_atTop", True))
        stop = min(self.rows, self.start + CHUNK)
        piece = self.make(self.start, stop, with_header)
        parts = piece.split(available_width, available_height)
        if not parts:
            return []
        first = parts[0]
        assert isinstance(first, Piece)
        placed = first.row_count - (1 if with_header else 0)
        rest = self.start + placed
        if rest >= self.rows:
            return [first]
        others = LongTable(self.rows, self.make, rest)
        if "folio_where" in self.__dict__:  # where the table is, for an error message
            others.__dict__["folio_where"] = self.__dict__["folio_where"]
        return [first, others]

    def draw(self) -> None:
        raise AssertionError("a LongTable is always split before it is drawn")
