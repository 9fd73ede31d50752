"""The ``folio`` command. Exit codes: 0 ok, 1 a domain failure, 2 bad input or usage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.errors import FolioError


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"folio: {message} (see 'folio --help')\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from app.cli import (  # noqa: F401 - registers their commands
        commands,
        iqa_commands,
        record_commands,
        trust_commands,
    )

    parser = _Parser(
        prog="folio",
        description="Offline learner portfolios for customer-service units: build, check, export.",
    )
    parser.add_argument("--version", action="version", version=f"Folio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in commands.REGISTRY:
        register(sub)
    return parser


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _opens_a_window(argv: Sequence[str]) -> bool:
    return bool(argv) and argv[0] == "start" and "--no-gui" not in argv and "-h" not in argv


def main(argv: Sequence[str] | None = None) -> int:
    if _opens_a_window(sys.argv[1:] if argv is None else argv):
        # the check worker loads the checker on the other core while this process loads
        # the window: the first verdict then comes with the window, not a second after it
        from app.workflow import check_process

        check_process.start_early()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors end here
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except FolioError as exc:
        from app.cli.output import one_line

        sys.stderr.write(f"folio: {one_line(exc.message)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("folio: interrupted\n")
        return 130
    except BrokenPipeError:
        # `folio check FILE | head -1`: the reader has what it wanted; say nothing more, and
        # keep Python from complaining when it flushes stdout on the way out.
        _silence_stdout()
        return 0
    except OSError as exc:
        from app.cli.output import os_error_line

        sys.stderr.write(f"folio: {os_error_line(exc)}\n")
        return 2
