"""Runs queries for the endpoint: in parallel worker threads, under a timeout and a row cap.

pyoxigraph releases the GIL while it evaluates, so queries run truly in parallel. It has no way to
cancel a query, so at the timeout the HTTP response is sent at once with a clear error, and the worker
is told to stop: a streaming query stops at its next row; a query that computes everything before its
first row (ORDER BY, GROUP BY, aggregates) keeps its worker busy until the engine finishes or the
server stops. Such abandoned workers still count against ``max_running``, so runaway queries cannot
pile up: past the limit, new queries are refused with "busy" instead of slowing everyone down.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.serve.results import Outcome, QueryTimeout, RowCapExceeded, materialise
from kg.store import PREFIXES, Store
from kg.store.sparql_text import keywords, service_iris

log = logging.getLogger(__name__)

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"


class Refused(QueryError):
    """The query is well-formed but not allowed here (SERVICE outside the allow-list)."""


class Busy(QueryError):
    pass


class TimedOut(QueryError):
    pass


class TooManyRows(QueryError):
    pass


@dataclass(frozen=True)
class EngineConfig:
    timeout: float = 30.0  # seconds per query
    max_rows: int = 100_000  # rows (or triples) per result
    max_running: int = 8  # queries running at once, abandoned ones included
    service_allow: tuple[str, ...] = (WIKIDATA_SPARQL,)


@dataclass
class QueryEngine:
    store: Store
    config: EngineConfig = field(default_factory=EngineConfig)

    def __post_init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=self.config.max_running, thread_name_prefix="kg-query")
        self._slots = threading.BoundedSemaphore(self.config.max_running)
        self._write_lock = threading.Lock()

    def check_services(self, sparql: str) -> None:
        allowed = {_normalise(iri) for iri in self.config.service_allow}
        try:
            called = service_iris(sparql, PREFIXES)
        except QueryError as exc:  # SERVICE ?var or an unresolvable name: cannot be checked, so refused
            raise Refused(
                f"{exc} (SERVICE is limited to: {', '.join(self.config.service_allow) or 'none'})"
            ) from exc
        for iri in called:
            if _normalise(iri) not in allowed:
                have = ", ".join(self.config.service_allow) or "none"
                raise Refused(
                    f"SERVICE <{iri}> is not allowed (allowed: {have}; see kg serve --allow-service)"
                )

    def run(
        self,
        sparql: str,
        *,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> Outcome:
        self.check_services(sparql)
        if not self._slots.acquire(blocking=False):
            raise Busy(
                f"the server is busy: {self.config.max_running} queries are running (--max-running); "
                "retry later"
            )
        deadline = time.monotonic() + self.config.timeout
        cancelled = threading.Event()

        def work() -> Outcome:
            try:
                result = self.store.query(
                    sparql, default_graph=default_graph, named_graphs=named_graphs, base_iri=base_iri
                )
                return materialise(
                    result, max_rows=self.config.max_rows, deadline=deadline, cancelled=cancelled
                )
            finally:
                self._slots.release()

        try:
            future: Future[Outcome] = self._pool.submit(work)
        except RuntimeError as exc:  # pool shut down
            self._slots.release()
            raise Busy("the server is shutting down") from exc
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except (FutureTimeout, QueryTimeout) as exc:
            cancelled.set()
            raise TimedOut(
                f"query stopped: it ran longer than the {self.config.timeout:g} s limit (--timeout)"
            ) from exc
        except RowCapExceeded as exc:
            raise TooManyRows(
                f"query result has more than {self.config.max_rows} rows, the limit (--max-rows); "
                "add a LIMIT or narrow the query"
            ) from exc

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        if "LOAD" in keywords(sparql):
            raise Refused("LOAD is disabled here (it would fetch any URL); use kg load or a Graph Store PUT")
        self.check_services(sparql)
        with self._write_lock:
            self.store.update(sparql, base_iri=base_iri)

    def write_lock(self) -> threading.Lock:
        return self._write_lock

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _normalise(iri: str) -> str:
    return iri.rstrip("/")
