"""Command line: parses arguments, sets up logging, maps errors to exit codes. No business logic.

Each sub-command lives in ``kg.commands.<name>`` with ``register(subparsers)``; the parser it adds
carries ``func(args) -> int``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from kg.errors import KgError

COMMANDS = (
    "extract",
    "validate",
    "kb",
    "load",
    "stats",
    "query",
    "serve",
    "push",
    "draw",
    "export",
    "eval",
    "compare",
    "wikidata",
    "version",
)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, only their sub-command's when they name one (importing every
    command's modules was a tenth of a short ``kg extract``'s start-up, profiled)."""
    words = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    named = words[0] if words and words[0] in COMMANDS else None
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge-graph exporter for news articles (entities, facts, quotations → RDF).",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (named,) if named else COMMANDS:
        module = importlib.import_module(f"kg.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="kg: %(levelname)s: %(message)s", stream=sys.stderr)
    try:
        code: int = args.func(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `kg query … | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:  # e.g. stdout on a full disk: still one line, not a traceback
        logging.getLogger("kg").debug("OS error", exc_info=True)
        if exc.filename:
            message = f"{exc.filename}: {exc.strerror or exc}"
        elif exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
            message = f"cannot write the output: {exc.strerror}"
        else:
            message = str(exc)
        print(f"kg: error: {message}", file=sys.stderr)
        with contextlib.suppress(OSError):  # what is left in the buffer cannot be written either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
