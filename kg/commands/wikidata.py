"""``kg wikidata fetch GRAPH_OR_STORE -o SNAPSHOT.nt [--endpoint URL]``: the statements of the facts'
subjects (and the holders of single-holder offices they name), cached as N-Triples with a PROV record."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.commands._checks import http_url
from kg.kb.pull import DEFAULT_ENDPOINT

if False:  # typing only
    from kg.wikidata.facts import FactRecord
    from kg.wikidata.statements import Snapshot


def register(sub: Any) -> None:
    p = sub.add_parser("wikidata", help="Wikidata statements for kg compare")
    inner = p.add_subparsers(dest="wikidata_command", metavar="SUBCOMMAND", required=True)
    f = inner.add_parser("fetch", help="fetch the statements of the facts' subjects from a SPARQL endpoint")
    f.add_argument("input", type=Path, metavar="GRAPH_OR_STORE")
    f.add_argument("-o", "--output", type=Path, required=True, metavar="SNAPSHOT.nt")
    f.add_argument("--endpoint", default=DEFAULT_ENDPOINT, help=f"default {DEFAULT_ENDPOINT}")
    f.add_argument("--timeout", type=float, default=60.0, help="seconds per request (server limit: 60)")
    f.add_argument("--retries", type=int, default=4, help="retries after 429/503 (Retry-After honoured)")
    f.add_argument("--batch-size", type=int, default=50)
    f.set_defaults(func=run_fetch)


def fetch_for(facts: Sequence[FactRecord], endpoint: str, args: argparse.Namespace) -> Snapshot:
    import pyoxigraph as ox

    from kg.kb.pull import SparqlClient
    from kg.rdf.export import write_bytes_atomically
    from kg.wikidata.compare import single_holder_offices
    from kg.wikidata.fetch import fetch
    from kg.wikidata.statements import read_snapshot

    subjects = sorted({f.subject for f in facts if f.is_wikidata}, key=lambda q: int(q[1:]))
    offices = sorted(
        {f.obj for f in facts if f.is_wikidata and f.prop == "P39" and f.obj in single_holder_offices()},
        key=lambda q: int(q[1:]),
    )
    client = SparqlClient(endpoint=endpoint, timeout=args.timeout, max_retries=args.retries)
    data = fetch(client, subjects, offices=offices, batch_size=getattr(args, "batch_size", 50))
    snapshot = read_snapshot(data, ox.RdfFormat.N_TRIPLES, origin=endpoint)
    cache = args.cache if hasattr(args, "cache") else args.output
    if cache is not None and str(cache).endswith(".nt"):
        write_bytes_atomically(Path(cache), data)
    return snapshot


def run_fetch(args: argparse.Namespace) -> int:
    from kg.wikidata.facts import open_dataset, read_facts

    endpoint = http_url(args.endpoint, "--endpoint", "a SPARQL endpoint")
    dataset, _ = open_dataset(args.input)
    snapshot = fetch_for(read_facts(dataset), endpoint, args)
    print(
        f"wrote {args.output}: {len(snapshot.statements)} statements of {len(snapshot.items)} items "
        f"from {endpoint} ({snapshot.query_hash[:19]}…)"
    )
    return 0
