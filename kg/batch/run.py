"""The coordinator: read documents lazily, skip finished ones, hand chunks to an engine, sink results.

Memory stays flat: documents are read as an iterator, at most ``engine.in_flight`` chunks are out at a
time, and every finished chunk goes straight to the store, the output file or a shard.
Ctrl-C or SIGTERM stops the run cleanly: running tasks are dropped, what was written stays whole, and
the same command resumes.
"""

from __future__ import annotations

import importlib.util
import signal
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from kg.batch.engines import Engine, Pending, ProcessEngine, make_engine
from kg.batch.progress import Progress, estimate_documents, folder_files
from kg.batch.report import ExtractOptions, ExtractReport, FailureLog, run_started
from kg.batch.resume import ShardIndex, document_key, settings_fingerprint, stored_keys
from kg.batch.sinks import FileSink, ShardSink, StoreSink, is_shard_directory
from kg.batch.worker import Task, TaskResult, WorkerConfig, graph_iri_of, ingest_task
from kg.errors import ConfigError, KgError
from kg.model import Document, IngestFailure

if TYPE_CHECKING:
    from kg.store import Store


class Sink(Protocol):
    def accept(self, result: TaskResult) -> None: ...

    def finish(self) -> bool: ...  # False: nothing was written (no document made it)

    def abort(self) -> None: ...


@dataclass
class _Plan:
    """Where output goes and what is already there."""

    store: Store | None
    shards: ShardIndex | None
    sinks: list[Sink]


def run_extract(options: ExtractOptions) -> ExtractReport:
    from kg.rdf import DEFAULT_BASE_IRI

    check_model(options.model)  # before anything runs or is written
    report = ExtractReport(output=options.output, store=options.store)
    base_iri = options.base_iri or DEFAULT_BASE_IRI
    shard_dir = (
        options.output
        if options.output
        and is_shard_directory(options.output, options.fmt, trailing_separator=options.output_is_folder)
        else None
    )
    config = WorkerConfig(
        base_iri=base_iri,
        model=options.model,
        kb_files=tuple(str(p) for p in options.kb_files),
        started=run_started(),
        shard_dir=str(shard_dir) if shard_dir else None,
        batch_size=options.chunk_size,
    )
    fingerprint = settings_fingerprint(base_iri=base_iri, model=options.model, kb_files=options.kb_files)
    total = estimate_documents(options.inputs) if options.progress else None

    with ExitStack() as stack:
        progress = stack.enter_context(Progress(enabled=options.progress, total=total))
        plan = _open_outputs(options, shard_dir)
        try:
            failures = stack.enter_context(FailureLog(report, options.failures_path, echo=progress.write))
        except BaseException:
            for sink in plan.sinks:
                sink.abort()
            raise
        interrupts = stack.enter_context(_Interrupts())
        engine: Engine | None = None
        try:
            engine = make_engine(config, jobs=options.jobs, dask_scheduler=options.dask_scheduler)
            documents = (
                _read_in_workers(engine, options)
                if isinstance(engine, ProcessEngine)
                else _read_here(options.inputs, options)
            )
            tasks = _tasks(documents, options, plan, fingerprint, base_iri, report, failures, progress)
            _drive(engine, tasks, plan, report, failures, progress, interrupts)
        except BaseException as exc:
            # Interrupted, or an error that concerns the whole run: stop the workers, drop partial
            # output files; what the store and the shards hold is whole documents only.
            if engine is not None:
                engine.close(cancel=True)
            for sink in plan.sinks:
                sink.abort()
            if not isinstance(exc, KeyboardInterrupt):
                raise
            report.interrupted = True
        else:
            # All chunks are in: finishing (closing the pool, renaming the output) is not interrupted.
            with interrupts.deferred(swallow=True):
                engine.close()
                for sink in plan.sinks:
                    if not sink.finish() and isinstance(sink, FileSink):
                        report.output = None  # no document made it: an existing file is left as it was
                    if isinstance(sink, ShardSink) and not sink.shards and not sink.directory.exists():
                        report.output = None  # nothing to do or nothing made it: no folder was left
        finally:
            if plan.shards is not None:
                plan.shards.prune()
        report.shards = sum(s.shards for s in plan.sinks if isinstance(s, ShardSink))
    return report


def _read_here(inputs: Sequence[str], options: ExtractOptions) -> Iterator[Document | IngestFailure]:
    from kg.ingest import read_documents

    return read_documents(
        inputs, lang=options.lang, published=options.published, source_url=options.source_url
    )


def _read_in_workers(engine: ProcessEngine, options: ExtractOptions) -> Iterator[Document | IngestFailure]:
    """Documents in input order, files read by the pool's workers in groups (HTML extraction and
    language detection would otherwise make this process the bottleneck). JSONL files and stdin
    are read here: they are cheap per document, and a JSONL file cannot be split by path."""
    from kg.ingest.formats import JSONL_SUFFIXES

    def units() -> Iterator[tuple[bool, str]]:  # (read by a worker?, path)
        for name in options.inputs:
            path = Path(name)
            files = folder_files(path) if name != "-" and path.is_dir() else None
            if name == "-" or (files is not None and not files):  # stdin; an empty folder's message
                yield False, name
                continue
            for file in files if files is not None else [path]:
                yield file.suffix.lower() not in JSONL_SUFFIXES, str(file)

    pending: deque[tuple[tuple[str, ...], Any]] = deque()
    group: list[str] = []

    def submit() -> None:
        paths = tuple(group)
        group.clear()
        call = (paths, options.lang, options.published, options.source_url)
        pending.append((paths, engine.submit_call(ingest_task, *call)))

    def drain(keep: int) -> Iterator[Document | IngestFailure]:
        while len(pending) > keep:
            paths, future = pending.popleft()
            try:
                yield from future.result()
            except (KeyboardInterrupt, KgError):
                raise
            except Exception as exc:  # the worker died reading: its files failed, the run goes on
                reason = f"worker failed reading ({type(exc).__name__})"
                yield from (IngestFailure(p, reason) for p in paths)

    for in_worker, name in units():
        if not in_worker:
            if group:
                submit()
            yield from drain(0)
            yield from _read_here([name], options)
            continue
        group.append(name)
        if len(group) >= options.chunk_size:
            submit()
            yield from drain(engine.in_flight)
    if group:
        submit()
    yield from drain(0)


def check_model(model: str | None) -> None:
    """A named spaCy pipeline must be installed (a package) or a pipeline folder: else the run would
    fail every document one by one, in every worker."""
    if model in (None, "auto", "blank"):
        return
    assert model is not None
    if Path(model).is_dir():
        return
    try:
        found = importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):  # not a module name at all ("a/b", "x..y")
        found = False
    if not found:
        raise ConfigError(
            f"--model {model}: no such spaCy pipeline is installed (a package, a pipeline folder or 'blank')"
        )


def _open_outputs(options: ExtractOptions, shard_dir: Path | None) -> _Plan:
    """Open every output now, so a path that cannot be written stops the run before it starts."""
    sinks: list[Sink] = []
    store = None
    try:
        if options.store is not None:
            from kg.store import Store

            store = Store.open(options.store)
            sinks.append(StoreSink(store))
        shards = None
        if shard_dir is not None:
            shards = ShardIndex.scan(shard_dir)
            sinks.append(ShardSink(shard_dir))
        elif options.output is not None:
            sinks.append(FileSink(options.output, options.fmt))
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return _Plan(store, shards if options.resume else None, sinks)


def _tasks(
    documents: Iterator[Document | IngestFailure],
    options: ExtractOptions,
    plan: _Plan,
    fingerprint: str,
    base_iri: str,
    report: ExtractReport,
    failures: FailureLog,
    progress: Progress,
) -> Iterator[Task]:
    """Chunks of documents still to do; finished ones are counted as skipped, bad inputs as failed."""
    index = 0
    chunk: list[tuple[Document, str, str]] = []

    def flush() -> Task | None:
        nonlocal index
        todo = _still_to_do(chunk, options, plan)
        skipped = len(chunk) - len(todo)
        if skipped:
            report.skipped_unchanged += skipped
            progress.advance(skipped)
        chunk.clear()
        if not todo:
            return None
        index += 1
        return Task(index, tuple(d for d, _, _ in todo), tuple(k for _, _, k in todo))

    for item in documents:
        if isinstance(item, IngestFailure):
            failures.add(item)
            progress.advance(1)
            continue
        chunk.append((item, graph_iri_of(item, base_iri), document_key(item, fingerprint)))
        if len(chunk) >= options.chunk_size:
            task = flush()
            if task is not None:
                yield task
    if chunk:
        task = flush()
        if task is not None:
            yield task


def _still_to_do(
    chunk: list[tuple[Document, str, str]], options: ExtractOptions, plan: _Plan
) -> list[tuple[Document, str, str]]:
    """Drop documents every output already holds with the same key (all outputs must have them)."""
    if not options.resume or (plan.store is None and plan.shards is None):
        return list(chunk)
    if options.output is not None and plan.shards is None:
        return list(chunk)  # a single output file is rewritten whole: nothing can be skipped
    in_store = stored_keys(plan.store, [g for _, g, _ in chunk]) if plan.store is not None else None
    todo = []
    for document, graph, key in chunk:
        done = True
        if in_store is not None and in_store.get(graph) != key:
            done = False
        if plan.shards is not None and not plan.shards.is_done(graph, key):
            done = False
        if not done:
            todo.append((document, graph, key))
    return todo


def _drive(
    engine: Engine,
    tasks: Iterator[Task],
    plan: _Plan,
    report: ExtractReport,
    failures: FailureLog,
    progress: Progress,
    interrupts: _Interrupts,
) -> None:
    pending: deque[tuple[Task, Pending]] = deque()

    def collect() -> None:
        task, result = pending.popleft()
        _collect(task, result, plan, report, failures, progress, interrupts)

    for task in tasks:
        pending.append((task, engine.submit(task)))
        while len(pending) >= engine.in_flight:
            collect()
    while pending:
        collect()


def _collect(
    task: Task,
    pending: Pending,
    plan: _Plan,
    report: ExtractReport,
    failures: FailureLog,
    progress: Progress,
    interrupts: _Interrupts,
) -> None:
    try:
        result = pending.result()
    except (KeyboardInterrupt, KgError):  # a KgError out of a task is the run's (bad KB, bad model)
        raise
    except Exception as exc:  # a worker died (killed, out of memory): its documents failed, the run goes on
        reason = f"worker failed ({type(exc).__name__}: {' '.join(str(exc).split())})"
        for document in task.documents:
            failures.add(IngestFailure(document.origin, reason), doc_id=document.doc_id)
        progress.advance(len(task.documents))
        return
    with interrupts.deferred():  # a chunk is written to every output and counted, or not at all
        _accept(task, result, plan, report, failures, progress)


def _accept(
    task: Task,
    result: TaskResult,
    plan: _Plan,
    report: ExtractReport,
    failures: FailureLog,
    progress: Progress,
) -> None:
    for sink in plan.sinks:
        sink.accept(result)
    for outcome, key in zip(result.outcomes, task.keys, strict=True):
        if outcome.error is not None:
            failures.add(IngestFailure(outcome.origin, outcome.error), doc_id=outcome.doc_id)
            continue
        report.add_counts(
            mentions=outcome.mentions,
            entity_keys=outcome.entity_keys,
            facts=outcome.facts,
            quotations=outcome.quotations,
            meetings=outcome.meetings,
            triples=outcome.triples,
        )
        if plan.shards is not None and result.shard is not None:
            plan.shards.record(outcome.graph_iri, Path(result.shard).name, key)
    progress.advance(len(result.outcomes), facts=report.facts, failed=len(report.failures))


class _Interrupts:
    """Ctrl-C (SIGINT) and kill (SIGTERM) stop the run cleanly, but never in the middle of writing a
    chunk: a signal that arrives then is held until the chunk is in every output, so the store, the
    shards and the report always agree and the next run resumes after the last whole chunk."""

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}
        self._deferring = 0
        self._pending = False

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                if signal.getsignal(signum) is signal.SIG_IGN:  # e.g. SIGINT of a background job
                    continue
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._deferring:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextmanager
    def deferred(self, *, swallow: bool = False) -> Iterator[None]:
        """Hold signals while the block runs; then raise one that came (or drop it: ``swallow``)."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
        if not self._deferring and self._pending:
            self._pending = False
            if not swallow:
                raise KeyboardInterrupt
