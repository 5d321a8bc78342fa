"""``kg draw INPUT | --store DIR [--document ID] -o OUT.svg|DIR/``: the facts of a document as an SVG."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

log = logging.getLogger("kg.draw")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "draw",
        help="draw the facts of a document as an SVG picture",
        description=(
            "Draw the facts kg extracted from a document (subjects on the left, objects on the right, "
            "colour by relation, line style by modality, negated facts red with a cross; hovering an "
            "edge shows its evidence sentence) as a self-contained SVG. The input is kg's RDF: a file "
            "(.trig .nq .ttl .nt .jsonld) or a store. -o FILE.svg takes one document (pick it with "
            "--document when there are several); -o DIR/ writes one DOC_ID.svg per document."
        ),
    )
    p.add_argument("input", nargs="?", type=Path, metavar="INPUT", help="an RDF file kg wrote")
    p.add_argument("--store", type=Path, metavar="DIR", help="read from this kg store instead of a file")
    p.add_argument(
        "--format",
        choices=["turtle", "trig", "nquads", "nt", "jsonld"],
        help="RDF format of INPUT (default: from its extension)",
    )
    p.add_argument(
        "--document",
        metavar="ID",
        help="the document to draw: its id (dcterms:identifier) or its graph IRI (default: all)",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=str,  # not Path: "DIR/" must keep its slash
        metavar="OUT",
        help="an .svg file, '-' for standard output, or a folder (ending in /) for one file per document",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.draw.output import write_pictures
    from kg.draw.read import open_file, open_store, read_documents, select_document

    if (args.input is None) == (args.store is None):
        raise ConfigError("give either an RDF file (INPUT) or --store DIR, not both or neither")
    if args.store is not None:
        if args.format:
            raise ConfigError("--format is for an INPUT file, not --store")
        source = str(args.store)
        dataset = open_store(args.store)
    else:
        source = str(args.input)
        dataset = open_file(args.input, fmt=args.format)
    documents = read_documents(dataset, source=source)
    if args.document is not None:
        documents = [select_document(documents, args.document, source=source)]
    for document in documents:
        if not document.facts:
            log.warning(
                "%s: no facts in document %s; its picture shows the entities it mentions instead",
                source,
                document.doc_id,
            )
    written = write_pictures(documents, args.output, source=source)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0
