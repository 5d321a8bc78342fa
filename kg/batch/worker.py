"""What runs inside a worker (in-process, a local process pool or a Dask worker): documents in, N-Quads out.

A worker loads the knowledge base and the spaCy pipelines once per process (``worker_context``) and
keeps them for every task it is given. A task is a chunk of documents: one ``nlp.pipe`` batch per
language. Results cross the process boundary as N-Quads bytes per document (cheap to pickle, parsed in
Rust on the other side), never as pyoxigraph or spaCy objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import KGO, Document, DocumentResult, IngestFailure, RunProvenance

if TYPE_CHECKING:
    from kg.kb import KnowledgeBase
    from kg.pipeline import Pipelines

log = logging.getLogger(__name__)

# The resume state lives in each document's own graph, on its nif:Context, so the atomic graph replace
# that writes the data also writes the state: the two can never disagree.
CONTENT_HASH = KGO + "contentHash"  # sha256 of the document text (written by the RDF mapping)
EXTRACTION_KEY = KGO + "extractionKey"  # hash of the text, its metadata and the software/KB/settings

SHARD_SUFFIX = ".nq"
INDEX_SUFFIX = ".index.json"
# Set (to {"model": …}) only in the environment of the fork server as it starts: see kg.batch.preload
PRELOAD_ENV = "KG_FORKSERVER_PRELOAD"


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs besides the documents; decided once by the coordinating process."""

    base_iri: str
    model: str | None
    kb_files: tuple[str, ...]
    started: dt.datetime  # the run's time: the same in every worker
    shard_dir: str | None = None  # when set, workers write each task as one N-Quads shard here
    batch_size: int = 32


@dataclass(frozen=True)
class Task:
    index: int
    documents: tuple[Document, ...]
    keys: tuple[str, ...]  # the extraction key of each document (see kg.batch.resume)


@dataclass(frozen=True)
class DocumentOutcome:
    doc_id: str
    origin: str
    graph_iri: str
    nquads: bytes = b""  # the document's graph; empty when it went into a shard or failed
    triples: int = 0
    mentions: int = 0
    entity_keys: tuple[str, ...] = ()
    facts: int = 0
    quotations: int = 0
    meetings: int = 0
    error: str | None = None


@dataclass(frozen=True)
class TaskResult:
    index: int
    outcomes: tuple[DocumentOutcome, ...]
    shard: str | None = None  # the shard file written, if any


class WorkerContext:
    """The per-process state: knowledge base, pipelines and run provenance per language."""

    def __init__(self, model: str | None, kb_files: tuple[str, ...]) -> None:
        from kg.kb import load_knowledge_base
        from kg.pipeline import Pipelines

        self.loaded_in = os.getpid()  # the fork server's pid in a worker forked with it preloaded
        # taken before loading: a file changed while it loads gives a stale identity, so a reload
        self.kb_identity = kb_identity(kb_files)
        self.kb: KnowledgeBase = load_knowledge_base(extra_files=tuple(Path(p) for p in kb_files))
        self.pipelines: Pipelines = Pipelines(model=model)
        self._runs: dict[tuple[str, dt.datetime], RunProvenance] = {}

    def warm(self) -> None:
        """Load both languages' pipelines now (in parallel across workers) rather than on first use."""
        from kg.nlp.pipeline import SUPPORTED_LANGS

        for lang in SUPPORTED_LANGS:
            self.pipelines.for_lang(lang)

    def run_for(self, lang: str, started: dt.datetime) -> RunProvenance:
        from kg.pipeline import run_provenance

        key = (lang, started)
        if key not in self._runs:
            self._runs[key] = replace(run_provenance(self.pipelines, self.kb, lang), started=started)
        return self._runs[key]


# One context per worker process and (model, KB files): loading costs seconds, a task milliseconds.
# A context is kept while its KB files are the same files, unchanged (``kb_identity``): a KB file
# edited between two runs in one process (a server, a notebook, a Dask worker) is loaded again.
_CONTEXTS: dict[tuple[str | None, tuple[str, ...]], WorkerContext] = {}


def kb_identity(kb_files: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """(resolved path, mtime_ns, size) of every file the KB is loaded from, the user's included."""
    from kg.kb import knowledge_base_key

    return knowledge_base_key(tuple(Path(p) for p in kb_files))


def worker_context(config: WorkerConfig) -> WorkerContext:
    key = (config.model, config.kb_files)
    context = _CONTEXTS.get(key)
    if context is None or context.kb_identity != kb_identity(config.kb_files):
        _CONTEXTS.pop(key, None)  # the stale context's KB and pipelines are not kept alive
        context = _CONTEXTS[key] = WorkerContext(config.model, config.kb_files)
    return context


def preload_worker_context(model: str | None) -> None:
    """Load the default context (bundled KB, both pipelines) into this process ahead of any task:
    the fork server does, so the workers it forks have it (see ``kg.batch.preload``)."""
    key: tuple[str | None, tuple[str, ...]] = (model, ())
    if key not in _CONTEXTS:
        context = WorkerContext(model, ())
        context.warm()
        _CONTEXTS[key] = context


def context_origin(config: WorkerConfig) -> tuple[int, int]:
    """(this process, the process that loaded its context for ``config``): they differ in a worker
    that inherited a preloaded context from the fork server."""
    return os.getpid(), worker_context(config).loaded_in


def init_worker(config: WorkerConfig) -> None:
    """Process-pool initializer: Ctrl-C is the coordinator's to handle; load everything once."""
    import signal

    from kg.errors import KgError

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        worker_context(config).warm()
    except KgError:  # e.g. a bad KB file: raised again by the first task, which tells the coordinator
        log.debug("worker start-up failed", exc_info=True)


def ingest_task(
    paths: tuple[str, ...], lang: str, published: dt.date | None, source_url: str | None
) -> list[Document | IngestFailure]:
    """Read files in a worker (HTML extraction and language detection are costly), in order."""
    from kg.ingest import read_documents

    return list(read_documents(paths, lang=lang, published=published, source_url=source_url))


def extract_task(task: Task, config: WorkerConfig) -> TaskResult:
    """Run the pipeline over one chunk; a failing document is reported, the others go on."""
    context = worker_context(config)
    results = _process(task.documents, context, config)
    outcomes = []
    for document, key, result in zip(task.documents, task.keys, results, strict=True):
        if isinstance(result, str):
            outcomes.append(DocumentOutcome(document.doc_id, document.origin, "", error=result))
            continue
        try:
            outcomes.append(_outcome(document, key, result, context, config))
        except Exception as exc:  # a bug in one document's mapping must not sink the batch
            log.debug("%s: RDF mapping failed", document.origin, exc_info=True)
            outcomes.append(DocumentOutcome(document.doc_id, document.origin, "", error=_reason(exc)))
    shard = None
    if config.shard_dir is not None:
        outcomes, shard = _write_shard(Path(config.shard_dir), outcomes, task.keys)
    return TaskResult(task.index, tuple(outcomes), shard)


def _process(
    documents: tuple[Document, ...], context: WorkerContext, config: WorkerConfig
) -> list[DocumentResult | str]:
    """Results per document (a string: why it failed). Batched; one by one only to isolate a failure."""
    from kg.errors import ConfigError
    from kg.pipeline import process_document, process_documents

    # One nlp.pipe batch per language: process_documents batches runs of one language, and a mixed
    # chunk (de, en, de, …) would otherwise be batches of one.
    order = sorted(range(len(documents)), key=lambda i: documents[i].lang)
    try:
        grouped = process_documents(
            [documents[i] for i in order],
            pipelines=context.pipelines,
            kb=context.kb,
            batch_size=config.batch_size,
        )
        by_index: dict[int, DocumentResult | str] = dict(zip(order, grouped, strict=True))
        return [by_index[i] for i in range(len(documents))]
    except ConfigError:  # the run's settings (a pipeline that will not load): no document can succeed
        raise
    except Exception:
        log.debug("a batch failed; retrying its documents one by one", exc_info=True)
    results: list[DocumentResult | str] = []
    for document in documents:
        try:
            results.append(process_document(document, pipelines=context.pipelines, kb=context.kb))
        except ConfigError:
            raise
        except Exception as exc:
            log.debug("%s: extraction failed", document.origin, exc_info=True)
            results.append(_reason(exc))
    return results


def _reason(exc: BaseException) -> str:
    from kg.errors import KgError

    text = " ".join(str(exc).split())
    if isinstance(exc, KgError):
        return text or type(exc).__name__
    name = type(exc).__name__
    return f"internal error ({name}: {text})" if text else f"internal error ({name})"


def _outcome(
    document: Document, key: str, result: DocumentResult, context: WorkerContext, config: WorkerConfig
) -> DocumentOutcome:
    from kg.rdf.mapping import document_lines

    run = context.run_for(document.lang, config.started)
    graph_iri = graph_iri_of(document, config.base_iri)
    built = document_lines(result, run, base_iri=config.base_iri)
    if built.graph_iri != graph_iri:  # both derive it from the document: a bug if they ever differ
        raise ValueError(f"{document.origin}: mapped into {built.graph_iri}, expected {graph_iri}")
    # In the mapping's (deterministic) order, as N-Quads lines written directly (kg.rdf.ntriples):
    # sorting cost 3x the serialisation, building pyoxigraph quads most of the mapping (profiled).
    data = built.nquads() + state_line(built.context_iri, graph_iri, key)
    return DocumentOutcome(
        doc_id=document.doc_id,
        origin=document.origin,
        graph_iri=graph_iri,
        nquads=data,
        triples=built.count + 1,
        mentions=len(result.mentions),
        entity_keys=tuple(sorted({m.entity.key for m in result.mentions})),
        facts=len(result.facts),
        quotations=len(result.quotations),
        meetings=len(result.meetings),
    )


def graph_iri_of(document: Document, base_iri: str) -> str:
    from kg.rdf import document_graph_iri

    return str(document_graph_iri(document, base_iri).value)


def state_line(context_iri: str, graph_iri: str, key: str) -> bytes:
    """``<context> kgo:extractionKey "…"`` on the node the mapping gave the content hash."""
    from kg.rdf import ntriples as nt

    return f"<{context_iri}> <{EXTRACTION_KEY}> {nt.string(key)} <{graph_iri}> .\n".encode()


def _write_shard(
    directory: Path, outcomes: list[DocumentOutcome], keys: tuple[str, ...]
) -> tuple[list[DocumentOutcome], str | None]:
    """Write the chunk's graphs as one N-Quads shard, named after its content, and drop the bytes.

    The index (graph → extraction key) is renamed into place before the shard: a shard that exists
    always has its index; an index without its shard is ignored on resume.
    """
    done = [(o, k) for o, k in zip(outcomes, keys, strict=True) if o.error is None]
    if not done:
        return outcomes, None
    digest = hashlib.sha256()
    for outcome, key in done:
        digest.update(f"{outcome.graph_iri}\t{key}\n".encode())
    name = f"part-{digest.hexdigest()[:20]}"
    shard = directory / (name + SHARD_SUFFIX)
    index = directory / (name + INDEX_SUFFIX)
    graphs = {o.graph_iri: k for o, k in done}
    _atomic_write(index, json.dumps({"graphs": graphs}, sort_keys=True).encode())
    _atomic_write(shard, b"".join(o.nquads for o, _ in done))
    return [replace(o, nquads=b"") for o in outcomes], str(shard)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
