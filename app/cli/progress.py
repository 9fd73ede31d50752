"""Progress of a batch on the command line: one line per finished portfolio on stderr,
``[3/12] Jane Smith - 1001 - journey-review.pdf``, so stdout keeps only the results a script
reads and a log shows how far a long run got."""

from __future__ import annotations

import sys

from app.cli.output import one_line


def progress_line(done: int, total: int, text: str) -> None:
    sys.stderr.write(f"[{done}/{total}] {one_line(text)}\n")
    sys.stderr.flush()


def add_jobs_option(parser) -> None:  # type: ignore[no-untyped-def]
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default 0: every core; 1 renders in this process)",
    )
