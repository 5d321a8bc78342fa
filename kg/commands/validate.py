"""``kg validate FILE``: check an RDF file against the SHACL shapes of ``ontology/shapes.ttl``.

Exit 0 when it conforms, 1 with the violations listed (focus node, shape, path, message), 2 when the
file cannot be read or parsed (one line naming the file and the line).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kg.errors import ConfigError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "validate",
        help="check an RDF file against the output shapes (SHACL)",
        description="Validate an RDF file (.ttl .trig .nq .nt .jsonld) against ontology/shapes.ttl.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the RDF file to check")
    p.add_argument(
        "--format",
        choices=["turtle", "trig", "nquads", "nt", "jsonld"],
        help="RDF format (default: from FILE's extension)",
    )
    p.add_argument("--shapes", type=Path, help="validate against these shapes instead of the bundled ones")
    p.add_argument("--limit", type=int, default=50, help="list at most this many violations (0: all)")
    p.add_argument(
        "--engine",
        choices=["oxigraph", "pyshacl"],
        default="oxigraph",
        help="where the SPARQL rules run: oxigraph (fast, default) or pySHACL (the slow reference)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.rdf.validate import validate_file

    if args.limit < 0:
        raise ConfigError(f"--limit {args.limit}: want 0 (all) or more")
    report = validate_file(args.file, fmt=args.format, shapes=args.shapes, engine=args.engine)
    print(report.describe(limit=args.limit or None))
    return 0 if report.conforms else 1
