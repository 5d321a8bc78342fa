"""Imported by the fork server that starts ``--jobs N`` workers (multiprocessing's 'forkserver'
preload): loads the bundled knowledge base and the pipelines once, before any worker is forked, so
every worker starts with them (shared copy-on-write) instead of spending its first seconds loading
its own. Without it, N workers paid N start-ups on the cores the extraction needed (profiled: most of
``--jobs 2``'s CPU overhead over ``--jobs 1``).

Only the default configuration is preloaded (no user KB files: a file could change between runs of
one process, the fork server outlives a run); anything else loads in the workers as before.
"""

from __future__ import annotations

import json
import logging
import os

from kg.batch.worker import PRELOAD_ENV


def _preload() -> None:
    spec = os.environ.get(PRELOAD_ENV)
    if not spec:
        return
    try:
        from kg.batch.worker import preload_worker_context

        preload_worker_context(json.loads(spec).get("model"))
    except Exception:  # never stop the fork server: workers load what they need themselves
        logging.getLogger(__name__).debug("fork server preload failed", exc_info=True)


_preload()
