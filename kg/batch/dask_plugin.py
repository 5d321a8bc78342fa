"""The Dask worker plugin: each worker loads the knowledge base and spaCy pipelines once, at start.

Kept in its own module so that only ``--dask`` runs import ``distributed``.
"""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from kg.batch.worker import WorkerConfig, worker_context


class KgWorkerPlugin(WorkerPlugin):
    """Warms the per-process cache ``extract_task`` uses, on every worker (and on ones that join later)."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        worker_context(self.config).warm()
