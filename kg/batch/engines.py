"""Where tasks run: in this process, in a local process pool, or on a Dask cluster.

Each engine takes ``Task``s and gives back something with ``.result()``; the coordinator keeps a
bounded number of tasks in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from kg.batch.worker import PRELOAD_ENV, Task, TaskResult, WorkerConfig, extract_task
from kg.errors import ConfigError

T = TypeVar("T")


class Pending(Protocol):
    def result(self) -> TaskResult: ...


class Engine(Protocol):
    in_flight: int  # how many tasks to keep submitted at once

    def submit(self, task: Task) -> Pending: ...

    def close(self, *, cancel: bool = False) -> None: ...


class _Deferred:
    """A task run when its result is asked for (the in-process engine)."""

    def __init__(self, task: Task, config: WorkerConfig) -> None:
        self._task = task
        self._config = config

    def result(self) -> TaskResult:
        return extract_task(self._task, self._config)


class InProcessEngine:
    """``--jobs 1``: no pool, no pickling; the same task code as the workers."""

    in_flight = 1

    def __init__(self, config: WorkerConfig) -> None:
        self._config = config

    def submit(self, task: Task) -> Pending:
        return _Deferred(task, self._config)

    def close(self, *, cancel: bool = False) -> None:
        pass


class ProcessEngine:
    """``--jobs N``: N worker processes, each loading the knowledge base and pipelines once.

    Workers are started by 'forkserver' (POSIX) or 'spawn', never plain fork: a fork of a process
    holding an open store, threads or a half-initialised spaCy is not safe.
    """

    def __init__(self, config: WorkerConfig, jobs: int) -> None:
        method = "forkserver" if sys.platform != "win32" and sys.platform != "darwin" else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            # Imported once in the fork server, inherited by every worker it forks; with the default
            # KB, the KB and pipelines are loaded there too (see kg.batch.preload and _executor).
            preload = ["kg.batch.worker", "kg.pipeline", "pyoxigraph"]
            if not config.kb_files:
                preload.append("kg.batch.preload")
            context.set_forkserver_preload(preload)
        self._config = config
        self._jobs = jobs
        self._context = context
        self.in_flight = 2 * jobs  # one running and one waiting per worker
        self._pool: ProcessPoolExecutor | None = None  # started on the first task: none if all is done
        self._generation = 0  # bumped when a broken pool is replaced
        self._spool = tempfile.mkdtemp(prefix="kg-results-")  # task results, see _spooled_extract_task

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            from kg.batch.worker import init_worker

            if self._context.get_start_method() == "forkserver":
                _start_fork_server(self._config)

            self._pool = ProcessPoolExecutor(
                max_workers=self._jobs,
                mp_context=self._context,
                initializer=init_worker,
                initargs=(self._config,),
            )
            self._generation += 1
        return self._pool

    def submit(self, task: Task) -> Pending:
        pool = self._executor()
        generation = self._generation
        try:
            future = pool.submit(_spooled_extract_task, task, self._config, self._spool)
        except BrokenProcessPool:  # a worker died since the last task: start a fresh pool
            future = self._resubmit(task, generation)
        return _PoolPending(self, task, future, self._generation)

    def submit_call(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """Any picklable call on the pool (used to read files in the workers)."""
        return self._executor().submit(function, *args)

    def _resubmit(self, task: Task, generation: int) -> Future[str]:
        """A worker died: replace the broken pool (once per breakage) and run the task again."""
        if generation == self._generation and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        return self._executor().submit(_spooled_extract_task, task, self._config, self._spool)

    def close(self, *, cancel: bool = False) -> None:
        try:
            self._close_pool(cancel=cancel)
        finally:
            shutil.rmtree(self._spool, ignore_errors=True)

    def _close_pool(self, *, cancel: bool) -> None:
        if self._pool is None:
            return
        if not cancel:
            self._pool.shutdown(wait=True)
            return
        # Interrupted: drop queued tasks and stop running ones now (their results would be discarded
        # anyway; every sink only ever holds whole documents).
        processes = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)


def _start_fork_server(config: WorkerConfig) -> None:
    """Start the fork server (once per process) with what kg.batch.preload should load in its
    environment, and only in its: the variable is not left for other children of this process."""
    from multiprocessing import forkserver

    previous = os.environ.get(PRELOAD_ENV)
    os.environ[PRELOAD_ENV] = json.dumps({"model": config.model})
    try:
        forkserver.ensure_running()
    finally:
        if previous is None:
            os.environ.pop(PRELOAD_ENV, None)
        else:
            os.environ[PRELOAD_ENV] = previous


def _spooled_extract_task(task: Task, config: WorkerConfig, spool: str) -> str:
    """``extract_task`` in a pool worker, its result pickled into a file in ``spool``; only the file's
    name goes back through the pool's result pipe. A worker killed (kill -9, out of memory) while
    writing a large result into that pipe leaves half a message, which CPython's ProcessPoolExecutor
    then waits for forever; a short name is one atomic pipe write, and the pool sees the death."""
    result = extract_task(task, config)
    fd, path = tempfile.mkstemp(dir=spool, prefix=f"task-{task.index}-", suffix=".pickle")
    with os.fdopen(fd, "wb") as out:
        pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _unspooled(path: str) -> TaskResult:
    with open(path, "rb") as spooled:
        result: TaskResult = pickle.load(spooled)  # our own worker's file, in our own temp dir
    os.unlink(path)
    return result


class _PoolPending:
    """A pool task that is run once more in a fresh pool if its worker died (killed, out of memory)."""

    def __init__(self, engine: ProcessEngine, task: Task, future: Future[str], generation: int) -> None:
        self._engine = engine
        self._task = task
        self._future = future
        self._generation = generation

    def result(self) -> TaskResult:
        try:
            return _unspooled(self._future.result())
        except BrokenProcessPool:
            return _unspooled(self._engine._resubmit(self._task, self._generation).result())


class DaskEngine:
    """``--dask ADDRESS``: tasks on a Dask cluster; a worker plugin loads the pipeline once per worker."""

    def __init__(self, config: WorkerConfig, address: str) -> None:
        try:
            import dask
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
            raise ConfigError("--dask needs dask[distributed]: pip install 'dask[distributed]'") from exc
        from kg.batch.dask_plugin import KgWorkerPlugin

        try:
            # how long to try: Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, 30 s)
            timeout = dask.config.get("distributed.comm.timeouts.connect")
            self._client: Any = Client(address, timeout=timeout)  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        self._config = config
        self._client.register_plugin(KgWorkerPlugin(config), name="kg-extract")
        workers = max(1, sum(self._client.nthreads().values()))  # type: ignore[no-untyped-call]
        self.in_flight = 2 * workers
        self._run = uuid.uuid4().hex[:12]  # task keys unique per run on a shared cluster

    def submit(self, task: Task) -> Pending:
        future = self._client.submit(
            extract_task, task, self._config, pure=False, key=f"kg-extract-{self._run}-{task.index}"
        )
        return _DaskPending(future)

    def close(self, *, cancel: bool = False) -> None:
        self._client.close()


class _DaskPending:
    def __init__(self, future: Any) -> None:
        self._future = future

    def result(self) -> TaskResult:
        result: TaskResult = self._future.result()
        self._future.release()
        return result


def make_engine(config: WorkerConfig, *, jobs: int, dask_scheduler: str | None) -> Engine:
    if dask_scheduler:
        return DaskEngine(config, dask_scheduler)
    if jobs > 1:
        return ProcessEngine(config, jobs)
    return InProcessEngine(config)
