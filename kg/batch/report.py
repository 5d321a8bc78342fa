"""The extract job's options, its run report and the JSON-lines failures log."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from kg.errors import ConfigError
from kg.model import DocumentResult, IngestFailure


def cannot_write(path: Path, exc: OSError) -> ConfigError:
    """One line naming the path the user gave (not a temporary file beside it) and why."""
    reason = exc.strerror or str(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        files = [p for p in path.parents if p.exists() and not p.is_dir()]
        if files:
            reason = f"{files[-1]} is a file, not a folder"
    return ConfigError(f"cannot write {path}: {reason}")


@dataclass(frozen=True)
class ExtractOptions:
    inputs: tuple[str, ...]
    output: Path | None = None  # a file (format from its extension) or a directory of N-Quads shards
    output_is_folder: bool = False  # the user wrote -o DIR/ (a Path loses the trailing separator)
    store: Path | None = None
    fmt: str | None = None
    lang: str = "auto"
    published: dt.date | None = None
    source_url: str | None = None
    base_iri: str | None = None
    model: str | None = None
    kb_files: tuple[Path, ...] = ()
    jobs: int = 1
    dask_scheduler: str | None = None
    failures_path: Path | None = None
    progress: bool = False
    chunk_size: int = 32  # documents per task: one spaCy batch, one store transaction, one shard
    resume: bool = True  # skip documents whose graph already holds the same content hash and settings


@dataclass
class ExtractReport:
    documents_ok: int = 0
    skipped_unchanged: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    mentions: int = 0
    entities: set[str] = field(default_factory=set)
    facts: int = 0
    quotations: int = 0
    meetings: int = 0
    triples: int = 0
    output: Path | None = None
    store: Path | None = None
    shards: int = 0
    interrupted: bool = False

    def add(self, result: DocumentResult, triples: int) -> None:
        self.add_counts(
            mentions=len(result.mentions),
            entity_keys=(m.entity.key for m in result.mentions),
            facts=len(result.facts),
            quotations=len(result.quotations),
            meetings=len(result.meetings),
            triples=triples,
        )

    def add_counts(
        self,
        *,
        mentions: int,
        entity_keys: Iterable[str],
        facts: int,
        quotations: int,
        meetings: int,
        triples: int,
    ) -> None:
        self.documents_ok += 1
        self.mentions += mentions
        self.entities.update(entity_keys)
        self.facts += facts
        self.quotations += quotations
        self.meetings += meetings
        self.triples += triples

    @property
    def documents_seen(self) -> int:
        return self.documents_ok + self.skipped_unchanged + len(self.failures)

    def summary(self) -> str:
        where = []
        if self.output is not None:
            where.append(f"wrote {self.output}" + (f" ({self.shards} shards)" if self.shards else ""))
        if self.store is not None:
            where.append(f"loaded into store {self.store}")
        lines = [
            ("interrupted: " if self.interrupted else "") + ("; ".join(where) or "nothing written"),
            f"documents: {self.documents_ok} ok, {len(self.failures)} failed"
            + (f", {self.skipped_unchanged} unchanged (skipped)" if self.skipped_unchanged else ""),
            f"entities: {len(self.entities)} ({self.mentions} mentions), facts: {self.facts}, "
            f"quotations: {self.quotations}, meetings: {self.meetings}, triples: {self.triples}",
        ]
        if self.interrupted:
            lines.append("run the same command again to resume: finished documents are skipped")
        return "\n".join(lines)


class FailureLog:
    """Failed documents: kept in the report, told on stderr, and streamed as JSON lines to a file.

    The file is written as the run goes, so an interrupted run still leaves its failures behind.
    """

    def __init__(
        self, report: ExtractReport, path: Path | None, *, echo: Callable[[str], None] | None = None
    ) -> None:
        self._report = report
        self._path = path
        self._echo = echo if echo is not None else _to_stderr
        self._out: IO[str] | None = None

    def __enter__(self) -> FailureLog:
        if self._path is not None:
            try:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                self._out = self._path.open("w", encoding="utf-8")
            except OSError as exc:
                raise cannot_write(self._path, exc) from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def add(self, failure: IngestFailure, *, doc_id: str | None = None) -> None:
        self._report.failures.append(failure)
        self._echo(f"kg: skipped {failure.origin}: {failure.message}")
        if self._out is not None:
            record = {"document": failure.origin, "reason": failure.message}
            if doc_id is not None:
                record["doc_id"] = doc_id
            self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._out.flush()


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def report_failure(report: ExtractReport, failure: IngestFailure) -> None:
    report.failures.append(failure)
    print(f"kg: skipped {failure.origin}: {failure.message}", file=sys.stderr)


def write_failures(path: Path, failures: list[IngestFailure]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for f in failures:
            out.write(json.dumps({"document": f.origin, "reason": f.message}, ensure_ascii=False) + "\n")


def source_date_epoch() -> dt.datetime | None:
    """Reproducible-builds convention: a fixed run time makes two runs byte-identical."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    return dt.datetime.fromtimestamp(int(value), dt.UTC)


def run_started() -> dt.datetime:
    """The run's time, decided once by the coordinating process so every worker writes the same."""
    return source_date_epoch() or dt.datetime.now(dt.UTC).replace(microsecond=0)
