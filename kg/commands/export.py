"""``kg export FORMAT INPUT… | --store DIR -o OUT``: kg's RDF as other tools read it.

Subcommands: ``facts-csv`` (the flat fact table), ``graphml`` and ``gexf`` (the facts as a network for
Gephi). To add one, write a ``register(export_sub)`` in a module of its own and list the module in
``EXPORT_MODULES``; the table-based ones here share ``add_input_arguments`` and ``read_fact_rows``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

log = logging.getLogger("kg.export")

# Modules with more ``kg export`` subcommands (each with ``register(export_sub)``).
EXPORT_MODULES: tuple[str, ...] = ("kg.commands.quickstatements",)


def _facts_csv(rows: list[dict[str, str]]) -> bytes:
    from kg.rdf.tables import rows_csv

    return rows_csv(rows).encode("utf-8")


def _graphml(rows: list[dict[str, str]]) -> bytes:
    from kg.rdf.gephi import graphml

    return graphml(rows)


def _gexf(rows: list[dict[str, str]]) -> bytes:
    from kg.rdf.gephi import gexf

    return gexf(rows)


# name -> (help, writer of the fact rows)
TABLE_EXPORTS: dict[str, tuple[str, Callable[[list[dict[str, str]]], bytes]]] = {
    "facts-csv": ("the facts as a CSV table, one row per fact (negated and possible ones too)", _facts_csv),
    "graphml": (
        "the facts as a GraphML network (entities as nodes, facts as edges) for Gephi, yEd",
        _graphml,
    ),
    "gexf": ("the facts as a GEXF 1.2 network for Gephi", _gexf),
}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="export kg's RDF as a fact table (CSV) or a network (GraphML, GEXF)",
        description="Export the facts of kg's RDF (a file kg extract wrote, or a store) for other tools.",
    )
    export_sub = p.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    for name, (help_text, writer) in TABLE_EXPORTS.items():
        q = export_sub.add_parser(name, help=help_text, description=help_text)
        add_input_arguments(q)
        q.set_defaults(func=run_table_export, export_writer=writer)
    for module in EXPORT_MODULES:
        importlib.import_module(module).register(export_sub)


def add_input_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="RDF files kg wrote")
    p.add_argument("--store", type=Path, metavar="DIR", help="read from this kg store instead of files")
    p.add_argument(
        "--format",
        choices=["turtle", "trig", "nquads", "nt", "jsonld"],
        help="RDF format of the INPUT files (default: from their extension)",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write, or '-' for stdout"
    )


def read_fact_rows(args: argparse.Namespace) -> list[dict[str, str]]:
    import pyoxigraph as ox

    from kg.draw.read import open_file, open_store
    from kg.rdf.tables import fact_rows

    if bool(args.inputs) == (args.store is not None):
        raise ConfigError("give either RDF files (INPUT …) or --store DIR, not both or neither")
    if args.store is not None:
        if args.format:
            raise ConfigError("--format is for INPUT files, not --store")
        dataset = open_store(args.store)
        source = str(args.store)
    else:
        dataset = ox.Store()
        for path in args.inputs:
            dataset.bulk_extend(open_file(path, fmt=args.format))
        source = ", ".join(map(str, args.inputs))
    rows = fact_rows(dataset)
    if not rows:
        log.warning("%s: no facts (kgo:Fact) found; the export is empty", source)
    return rows


def write_output(data: bytes, output: str) -> None:
    from kg.rdf.export import write_bytes_atomically

    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(output)
    if path.is_dir():
        raise ConfigError(f"-o {output}: is a folder; give a file name")
    write_bytes_atomically(path, data)
    print(f"wrote {path}", file=sys.stderr)


def run_table_export(args: argparse.Namespace) -> int:
    rows = read_fact_rows(args)
    write_output(args.export_writer(rows), args.output)
    return 0
