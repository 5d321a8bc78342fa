"""``kg extract INPUT… -o OUT``: articles in, RDF out (a file, or a store with ``--store``)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from kg.errors import ConfigError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract entities, facts, quotations and meetings from articles into RDF",
        description="Read articles (txt, md, html, jsonl, folders, '-' for stdin) and write RDF.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    p.add_argument(
        "-o",
        "--output",
        type=str,  # not Path: "DIR/" must keep its slash (a folder of shards)
        help="output file (format from its extension), or a directory (ending in /) for N-Quads shards",
    )
    p.add_argument(
        "--store", type=Path, help="load the graphs into this kg store instead of (or besides) a file"
    )
    p.add_argument(
        "--format",
        choices=["turtle", "trig", "nquads", "nt", "jsonld"],
        help="output format (default: from -o)",
    )
    p.add_argument("--lang", default="auto", choices=["auto", "de", "en"], help="document language")
    p.add_argument(
        "--published",
        type=_date,
        help="publication date: YYYY-MM-DD, DD.MM.YYYY, RSS/RFC 822, ISO with time (resolves 'on Monday')",
    )
    p.add_argument("--source-url", help="the article's URL, recorded as dcterms:source")
    p.add_argument("--base-iri", default=None, help="base IRI for documents, facts and NIL entities")
    p.add_argument(
        "--model", default=None, help="spaCy pipeline: a package name, 'blank', or the best installed"
    )
    p.add_argument("--kb", action="append", type=Path, default=[], help="extra knowledge-base file(s) (RDF)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (each loads KB and pipeline once)")
    p.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on a Dask cluster at this scheduler address (tcp://host:8786)",
    )
    p.add_argument("--failures", type=Path, help="write failed documents as JSON lines to this file")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument(
        "--chunk-size", type=int, default=32, help="documents per task (one spaCy batch, one transaction)"
    )
    p.add_argument(
        "--no-resume", action="store_true", help="extract every document again, even unchanged ones"
    )
    p.set_defaults(func=run)


def _date(value: str) -> dt.date:
    from kg.ingest.dates import parse_published

    try:
        return parse_published(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    from kg.batch import ExtractOptions, run_extract

    if args.output is None and args.store is None:
        raise ConfigError("say where the graph goes: -o OUT (a file) or --store DIR")
    if args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    if args.chunk_size < 1:
        raise ConfigError("--chunk-size must be at least 1")
    options = ExtractOptions(
        inputs=tuple(args.inputs),
        output=Path(args.output) if args.output is not None else None,
        output_is_folder=args.output is not None and args.output.endswith(("/", os.sep)),
        store=args.store,
        fmt=args.format,
        lang=args.lang,
        published=args.published,
        source_url=args.source_url,
        base_iri=args.base_iri,
        model=args.model,
        kb_files=tuple(args.kb),
        jobs=args.jobs,
        dask_scheduler=args.dask,
        failures_path=args.failures,
        progress=not args.no_progress and sys.stderr.isatty(),
        chunk_size=args.chunk_size,
        resume=not args.no_resume,
    )
    report = run_extract(options)
    if report.interrupted:
        print(report.summary(), file=sys.stderr)
        return 130
    # With -o - the graph is on stdout: the summary must not mix into it.
    print(report.summary(), file=sys.stderr if str(args.output) == "-" else sys.stdout)
    return 0 if report.documents_ok or report.skipped_unchanged or not report.failures else 1
