"""The extract job at any scale: files or a store, N local processes or a Dask cluster, resumable.

    run_extract(ExtractOptions) -> ExtractReport

``run`` coordinates; ``worker`` is what runs per chunk of documents (in-process, in a pool, on Dask);
``engines`` are the three ways to run it; ``sinks`` write the store, a file or shards; ``resume``
decides what is already done; ``progress`` draws the bar; ``report`` holds options and counts.
"""

from kg.batch.report import (
    ExtractOptions,
    ExtractReport,
    report_failure,
    source_date_epoch,
    write_failures,
)
from kg.batch.run import run_extract

__all__ = [
    "ExtractOptions",
    "ExtractReport",
    "report_failure",
    "run_extract",
    "source_date_epoch",
    "write_failures",
]
