"""The progress bar (documents/s and ETA on a terminal, silent otherwise) and a cheap total estimate."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any


def estimate_documents(inputs: Iterable[str]) -> int | None:
    """How many documents the inputs hold, counted without parsing them; None when unknowable (stdin).

    Folders are walked as ingest walks them (known suffixes, no hidden parts); a JSONL file holds one
    document per non-empty line, any other file one.
    """
    from kg.ingest.formats import JSONL_SUFFIXES

    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        files = folder_files(path) if path.is_dir() else [path]
        for file in files:
            total += _count_lines(file) if file.suffix.lower() in JSONL_SUFFIXES else 1
    return total


def folder_files(path: Path) -> list[Path]:
    """The files of a folder that ingest reads, in its order: known suffixes, no hidden parts, sorted."""
    from kg.ingest.formats import KNOWN_SUFFIXES

    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and p.suffix.lower() in KNOWN_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with path.open("rb") as f:
            for line in f:
                if line.strip():
                    count += 1
    except OSError:
        return 0
    return count


def _terminal_width() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 0


class Progress:
    """A tqdm bar on stderr when enabled; every method is a no-op otherwise."""

    def __init__(self, *, enabled: bool, total: int | None) -> None:
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                unit="doc",
                file=sys.stderr,
                smoothing=0.05,
                mininterval=0.1,
                miniters=1,  # tqdm's adaptive default could leave the count shown far behind
                # A terminal that reports no size (a bare pty) would otherwise get no bar at all.
                **({"dynamic_ncols": True} if _terminal_width() else {"ncols": 100, "nrows": 24}),
            )

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.close()

    def write(self, line: str) -> None:
        """A message on stderr that does not tear the bar."""
        if self._bar is None:
            print(line, file=sys.stderr)
        else:
            self._bar.write(line, file=sys.stderr)

    def advance(self, documents: int, **status: int) -> None:
        if self._bar is None:
            return
        if status:
            self._bar.set_postfix(status, refresh=False)
        self._bar.update(documents)
