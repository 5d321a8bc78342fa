"""Where finished documents go: the store, one output file, or a directory of N-Quads shards.

Each sink takes whole documents only, so nothing half-written can appear: the store replaces each
chunk's graphs in one transaction; the output file is written under a temporary name and renamed at
the end (N-Quads sorted, as every N-Quads file kg writes); shards are renamed into place by the worker
that wrote them.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.batch.report import cannot_write
from kg.batch.worker import TaskResult
from kg.errors import ConfigError

if TYPE_CHECKING:
    from kg.store import Store

SHARD_FORMATS = (None, "nquads")


def is_shard_directory(output: Path, fmt: str | None, *, trailing_separator: bool = False) -> bool:
    """``-o DIR``: an existing directory, a path ending in a separator, or a name without a suffix."""
    text = str(output)
    if text == "-":  # standard output
        return False
    directory = (
        trailing_separator
        or output.is_dir()
        or text.endswith(("/", os.sep))
        or (not output.suffix and not output.exists())
    )
    if directory and fmt not in SHARD_FORMATS:
        raise ConfigError(f"{output}: a directory gets N-Quads shards; --format {fmt} needs a file name")
    return directory


# RocksDB keeps written quads in memory tables until they are flushed to disk: about 1 KiB per quad
# over Oxigraph's nine indexes, so a long run would grow without bound. Flushing every so many quads
# keeps memory flat (measured: 10x the corpus, 1.0x the peak memory, instead of 2.3x).
FLUSH_EVERY_QUADS = 40_000


class StoreSink:
    """Replaces each finished chunk's document graphs in the store, one transaction per chunk."""

    def __init__(self, store: Store, *, flush_every: int = FLUSH_EVERY_QUADS) -> None:
        self.store = store
        self._flush_every = flush_every
        self._unflushed = 0

    def accept(self, result: TaskResult) -> None:
        graphs: dict[str, list[ox.Quad]] = {}
        for outcome in result.outcomes:
            if outcome.error is None and outcome.nquads:
                graphs[outcome.graph_iri] = list(ox.parse(outcome.nquads, format=ox.RdfFormat.N_QUADS))
        if not graphs and result.shard is not None:  # the worker wrote the graphs to a shard
            for quad in ox.parse(path=result.shard, format=ox.RdfFormat.N_QUADS):
                graphs.setdefault(quad.graph_name.value, []).append(quad)
        if graphs:
            self.store.replace_graphs(graphs)  # one transaction
        self._unflushed += sum(o.triples for o in result.outcomes if o.error is None)
        if self._unflushed >= self._flush_every:
            self.store.flush()
            self._unflushed = 0

    def finish(self) -> bool:
        self.store.flush()
        return True

    def abort(self) -> None:
        self.store.flush()


class FileSink:
    """Streams N-Quads to a temporary file beside the output; converts (or sorts) and renames at the end.

    The output is only replaced when some document made it: a run whose every input failed leaves
    an existing file as it was (and creates none).
    """

    def __init__(self, output: Path, fmt: str | None) -> None:
        self.output = output
        self.fmt = fmt
        self.documents = 0  # documents written to the temporary file
        self._made: list[Path] = []  # folders created for the output, removed again if nothing is written
        try:
            if str(output) == "-":  # standard output: spooled, written canonically at the end
                fd, name = tempfile.mkstemp(prefix="kg-extract-", suffix=".nq.tmp")
                os.close(fd)
                self._tmp = Path(name)
            else:
                self._made = _make_folders(output.parent)
                self._tmp = output.with_name(f".{output.name}.{os.getpid()}.nq.tmp")
            self._out = self._tmp.open("wb")
        except OSError as exc:
            self._remove_made()
            raise cannot_write(output, exc) from None

    def accept(self, result: TaskResult) -> None:
        try:
            for outcome in result.outcomes:
                if outcome.error is None:
                    self._out.write(outcome.nquads)
                    self.documents += 1
        except OSError as exc:  # e.g. a full disk
            raise cannot_write(self.output, exc) from None

    def finish(self) -> bool:
        """Put the output in place; False (and nothing written) when no document made it."""
        from kg.rdf import write_quads

        try:
            self._out.close()
            if not self.documents:
                self.abort()
                return False
            if str(self.output) != "-" and _is_nquads(self.output, self.fmt):
                _write_sorted(self._tmp, self.output)
            else:
                quads = ox.parse(path=str(self._tmp), format=ox.RdfFormat.N_QUADS)
                write_quads(quads, self.output, fmt=self.fmt)
        except OSError as exc:
            raise cannot_write(self.output, exc) from None
        finally:
            self._tmp.unlink(missing_ok=True)
        return True

    def abort(self) -> None:
        self._out.close()
        self._tmp.unlink(missing_ok=True)
        self._remove_made()

    def _remove_made(self) -> None:
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):  # not empty (someone else wrote there): it stays
                folder.rmdir()


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and missing parents; the ones created, outermost first."""
    missing = []
    for candidate in [folder, *folder.parents]:
        if candidate.exists():
            break
        missing.append(candidate)
    folder.mkdir(parents=True, exist_ok=True)
    return list(reversed(missing))


def _is_nquads(output: Path, fmt: str | None) -> bool:
    return fmt == "nquads" or (fmt is None and output.suffix.lower() in (".nq", ".nquads"))


# Lines sorted in memory at a time; more is sorted in runs on disk and merged, so memory stays flat.
SORT_CHUNK_BYTES = 64 * 1024 * 1024


def _write_sorted(source: Path, output: Path, *, chunk_bytes: int = SORT_CHUNK_BYTES) -> None:
    """``output`` := the distinct lines of ``source``, sorted bytewise: canonical N-Quads, as
    ``kg.rdf.write_quads`` writes them. An external sort: sorted runs on disk, merged with heapq."""
    tmp = output.with_name(f".{output.name}.{os.getpid()}.sorted.tmp")
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=f".{output.name}.runs.") as runs_dir:
        runs: list[Path] = []
        with source.open("rb") as lines_in:
            while True:
                lines = lines_in.readlines(chunk_bytes)
                if not lines:
                    break
                run = Path(runs_dir) / f"{len(runs)}"
                run.write_bytes(b"".join(sorted(_complete(lines))))
                runs.append(run)
        try:
            with ExitStack() as files, tmp.open("wb") as out:
                previous = None
                for line in heapq.merge(*(files.enter_context(r.open("rb")) for r in runs)):
                    if line != previous:
                        out.write(line)
                        previous = line
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, output)
        finally:
            tmp.unlink(missing_ok=True)


def _complete(lines: list[bytes]) -> list[bytes]:
    """Non-empty lines, each ending in a newline (the last one of a file may not)."""
    return [line if line.endswith(b"\n") else line + b"\n" for line in lines if line.strip()]


class ShardSink:
    """Counts the shards workers wrote (they write them themselves, in parallel)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        try:
            self._made = _make_folders(directory)
        except OSError as exc:
            raise cannot_write(directory, exc) from None
        self.shards = 0

    def accept(self, result: TaskResult) -> None:
        if result.shard is not None:
            self.shards += 1

    def finish(self) -> bool:
        if self.shards:
            return True
        self.abort()  # a folder made for this run and left empty goes again
        return False

    def abort(self) -> None:
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):  # not empty: it stays
                folder.rmdir()
