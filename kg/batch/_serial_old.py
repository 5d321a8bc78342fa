"""The extract job: read inputs, run the pipeline over each document, write RDF to a file or a store.

One bad document is reported and skipped; the others still land. The output file is written to a
temporary name and renamed, so a failed run never leaves half a file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.model import Document, DocumentResult, IngestFailure, RunProvenance

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractOptions:
    inputs: tuple[str, ...]
    output: Path | None = None
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

    def add(self, result: DocumentResult, triples: int) -> None:
        self.documents_ok += 1
        self.mentions += len(result.mentions)
        self.entities.update(m.entity.key for m in result.mentions)
        self.facts += len(result.facts)
        self.quotations += len(result.quotations)
        self.meetings += len(result.meetings)
        self.triples += triples

    def summary(self) -> str:
        where = []
        if self.output is not None:
            where.append(f"wrote {self.output}")
        if self.store is not None:
            where.append(f"loaded into store {self.store}")
        lines = [
            "; ".join(where) or "nothing written",
            f"documents: {self.documents_ok} ok, {len(self.failures)} failed"
            + (f", {self.skipped_unchanged} unchanged (skipped)" if self.skipped_unchanged else ""),
            f"entities: {len(self.entities)} ({self.mentions} mentions), facts: {self.facts}, "
            f"quotations: {self.quotations}, meetings: {self.meetings}, triples: {self.triples}",
        ]
        return "\n".join(lines)


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


def iter_results(
    documents: Iterator[Document | IngestFailure], options: ExtractOptions, report: ExtractReport
) -> Iterator[tuple[DocumentResult, RunProvenance]]:
    """The serial path: results with the provenance of the run that made them."""
    from kg.kb import load_knowledge_base
    from kg.pipeline import Pipelines, process_document, run_provenance

    kb = load_knowledge_base(extra_files=options.kb_files)
    pipelines = Pipelines(model=options.model)
    fixed_time = source_date_epoch()
    for item in documents:
        if isinstance(item, IngestFailure):
            report_failure(report, item)
            continue
        try:
            result = process_document(item, pipelines=pipelines, kb=kb)
            run = run_provenance(pipelines, kb, item.lang)
        except KgError as exc:
            report_failure(report, IngestFailure(item.origin, str(exc)))
            continue
        if fixed_time is not None:
            run = _with_time(run, fixed_time)
        yield result, run


def _with_time(run: RunProvenance, when: dt.datetime) -> RunProvenance:
    from dataclasses import replace

    return replace(run, started=when)


def run_extract(options: ExtractOptions) -> ExtractReport:
    from kg.ingest import read_documents
    from kg.rdf import DEFAULT_BASE_IRI, document_graph_iri, document_quads, write_quads

    report = ExtractReport(output=options.output, store=options.store)
    base_iri = options.base_iri or DEFAULT_BASE_IRI
    documents = read_documents(
        options.inputs, lang=options.lang, published=options.published, source_url=options.source_url
    )
    store = None
    if options.store is not None:
        from kg.store import Store

        store = Store.open(options.store)
    all_quads = []
    for result, run in iter_results(documents, options, report):
        quads = document_quads(result, run, base_iri=base_iri)
        if store is not None:
            store.replace_document(document_graph_iri(result.document, base_iri), quads)
        if options.output is not None:
            all_quads.extend(quads)
        report.add(result, len(quads))
    if options.output is not None:
        write_quads(all_quads, options.output, fmt=options.fmt)
    if options.failures_path is not None:
        write_failures(options.failures_path, report.failures)
    return report
