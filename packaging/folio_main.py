"""The desktop package's entry point: the ``folio`` command (app.cli:main), plus what a file
manager sends when a portfolio is double-clicked.

Linux's desktop entry runs ``folio start FILE``; Windows' file association and macOS's open
event (argv emulation) may hand over the bare path instead, which here means ``start FILE``.
A macOS bundle started from the Finder with no file opens the window too.
"""

import multiprocessing
import sys

from app.cli import main


def arguments(argv: list[str]) -> list[str]:
    if len(argv) == 1 and argv[0].lower().endswith(".folio"):
        return ["start", argv[0]]
    if not argv and sys.platform == "darwin" and getattr(sys, "frozen", False):
        return ["start", "--welcome"]
    return argv


if __name__ == "__main__":
    # Cohort exports and the check worker run in spawned processes; in the frozen program
    # each starts this executable again, and this hands it to the worker instead of the command.
    multiprocessing.freeze_support()
    raise SystemExit(main(arguments(sys.argv[1:])))
