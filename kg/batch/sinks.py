"""Where finished documents go: the store, one output file, or a directory of N-Quads shards.

Each sink takes whole documents only, so nothing half-written can appear: the store replaces each
chunk's graphs in one transaction; the output file is written under a temporary name and renamed at
the end; shards are renamed into place by the worker that wrote them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.batch.worker import TaskResult
from kg.errors import ConfigError

if TYPE_CHECKING:
    from kg.store import Store

SHARD_FORMATS = (None, "nquads")


def is_shard_directory(output: Path, fmt: str | None) -> bool:
    """``-o DIR``: an existing directory, a path ending in a separator, or a name without a suffix."""
    text = str(output)
    if text == "-":  # standard output
        return False
    directory = output.is_dir() or text.endswith(("/", os.sep)) or (not output.suffix and not output.exists())
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

    def finish(self) -> None:
        self.store.flush()

    def abort(self) -> None:
        self.store.flush()


class FileSink:
    """Streams N-Quads to a temporary file beside the output; converts and renames at the end."""

    def __init__(self, output: Path, fmt: str | None) -> None:
        self.output = output
        self.fmt = fmt
        if str(output) == "-":  # standard output: spooled, written canonically at the end
            fd, name = tempfile.mkstemp(prefix="kg-extract-", suffix=".nq.tmp")
            os.close(fd)
            self._tmp = Path(name)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            self._tmp = output.with_name(f".{output.name}.{os.getpid()}.nq.tmp")
        self._out = self._tmp.open("wb")

    def accept(self, result: TaskResult) -> None:
        for outcome in result.outcomes:
            if outcome.error is None:
                self._out.write(outcome.nquads)

    def finish(self) -> None:
        from kg.rdf import write_quads

        self._out.close()
        try:
            if str(self.output) != "-" and _is_nquads(self.output, self.fmt):
                os.replace(self._tmp, self.output)
            else:
                quads = ox.parse(path=str(self._tmp), format=ox.RdfFormat.N_QUADS)
                write_quads(quads, self.output, fmt=self.fmt)
        finally:
            self._tmp.unlink(missing_ok=True)

    def abort(self) -> None:
        self._out.close()
        self._tmp.unlink(missing_ok=True)


def _is_nquads(output: Path, fmt: str | None) -> bool:
    return fmt == "nquads" or (fmt is None and output.suffix.lower() in (".nq", ".nquads"))


class ShardSink:
    """Counts the shards workers wrote (they write them themselves, in parallel)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.shards = 0

    def accept(self, result: TaskResult) -> None:
        if result.shard is not None:
            self.shards += 1

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass
