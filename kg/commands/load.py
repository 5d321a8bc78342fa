"""``kg load FILE… --store DIR``: load RDF files into the store, one atomic replace per file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, InputError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "load",
        help="load RDF files (TriG, N-Quads, Turtle, N-Triples, RDF/XML, JSON-LD) into a store",
        description=(
            "Each named graph in a TriG/N-Quads file replaces the store's graph of that name (so "
            "reloading a document never duplicates it). Triples outside a named graph go into --graph, "
            "or by default into a graph named after the file's absolute file: URI. All graphs of one "
            "file are replaced in one transaction."
        ),
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--store", required=True, type=Path, metavar="DIR", help="store directory (created)")
    p.add_argument("--graph", metavar="IRI", help="graph for triples outside a named graph")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store import Store

    if args.graph is not None:
        import pyoxigraph as ox

        try:
            ox.NamedNode(args.graph)
        except ValueError as exc:
            raise ConfigError(f"--graph {args.graph!r}: not an absolute IRI ({exc})") from None
    failed: list[InputError] = []
    readable: list[Path] = []
    for path in args.files:
        # A bad file is reported and skipped; the others still land (each file is one transaction).
        if path.is_dir():
            failed.append(InputError(f"{path}: is a directory; give the RDF files in it"))
        elif not path.is_file():
            failed.append(InputError(f"{path}: no such file"))
        else:
            readable.append(path)
            continue
        print(f"kg: error: {failed[-1]}", file=sys.stderr)
    if not readable:  # nothing to load: no store is created for it
        return max(exc.exit_code for exc in failed)
    store = Store.open(args.store)
    total = 0
    for path in readable:
        try:
            result = store.load_file(path, graph_iri=args.graph)
        except InputError as exc:
            failed.append(exc)
            print(f"kg: error: {exc}", file=sys.stderr)
            continue
        total += result.quads
        print(f"{path}: {result.quads} triples in {len(result.graphs)} graph(s)", file=sys.stderr)
    store.flush()
    loaded = len(args.files) - len(failed)
    print(
        f"loaded {total} triples from {loaded} file(s) into {args.store}"
        + (f"; {len(failed)} file(s) failed" if failed else ""),
        file=sys.stderr,
    )
    return max((exc.exit_code for exc in failed), default=0)
