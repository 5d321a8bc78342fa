"""``kg compare GRAPH_OR_STORE [--snapshot FILE | --wikidata URL] [-o OUT] [--format table|csv|json]``."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

from kg.commands._checks import http_url


def register(sub: Any) -> None:
    p = sub.add_parser(
        "compare",
        help="mark each fact confirmed / new / contradicted / no-evidence against Wikidata's statements",
        description=(
            "Compares every fact of a graph file or store with Wikidata's full statements (ranks, "
            "qualifiers, no-value). Default snapshot: the bundled KB's memberships and offices. A store "
            "gets the verdicts in its graph <base>/wikidata-comparison; a file's graph with the verdicts "
            "is written to -o."
        ),
    )
    p.add_argument("input", type=Path, metavar="GRAPH_OR_STORE")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--snapshot", type=Path, metavar="FILE", help="a snapshot from kg wikidata fetch")
    where.add_argument("--wikidata", metavar="ENDPOINT", help="fetch the statements from this endpoint")
    p.add_argument("--cache", type=Path, metavar="FILE.nt", help="with --wikidata: keep the snapshot here")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="graph with the verdicts (.trig, .nq)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per request (server limit: 60)")
    p.add_argument("--retries", type=int, default=4)
    p.add_argument("--base-iri", default="https://w3id.org/kg-news/id/")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import kg
    from kg.rdf.export import write_quads
    from kg.wikidata.compare import LABELS, compare, counts, verdict_quads
    from kg.wikidata.facts import open_dataset, read_facts
    from kg.wikidata.fetch import load_snapshot
    from kg.wikidata.statements import bundled_snapshot

    dataset, is_store = open_dataset(args.input)
    facts = read_facts(dataset)
    if args.snapshot is not None:
        snapshot = load_snapshot(args.snapshot)
    elif args.wikidata is not None:
        from kg.commands.wikidata import fetch_for

        snapshot = fetch_for(facts, http_url(args.wikidata, "--wikidata", "a SPARQL endpoint"), args)
    else:
        snapshot = bundled_snapshot()
    verdicts = compare(facts, snapshot)
    quads = verdict_quads(
        verdicts, snapshot, base_iri=args.base_iri, started=dt.datetime.now(dt.UTC), version=kg.__version__
    )
    if is_store:
        from kg.store import Store

        del dataset
        Store.open(args.input).replace_document(quads[0].graph_name.value, quads)  # type: ignore[union-attr]
    elif args.output is not None:
        write_quads([*dataset.quads_for_pattern(None, None, None), *quads], args.output)
    rows = [
        {
            "fact": v.fact.iri,
            "subject": v.fact.subject,
            "property": v.fact.prop,
            "object": v.fact.obj,
            "polarity": "positive" if v.fact.positive else "negative",
            "verdict": LABELS[v.verdict],
            "reason": v.reason,
            "statements": " ".join(v.statements),
        }
        for v in verdicts
    ]
    total = counts(verdicts)
    if args.format == "json":
        print(json.dumps({"snapshot": snapshot.source, "counts": total, "facts": rows}, indent=1))
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["fact"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
    else:
        for r in rows:
            short = r["property"].rsplit("#", 1)[-1]
            obj = r["object"].rsplit("/", 1)[-1][:24]
            line = f"{r['verdict']:<13} {r['polarity'][:3]} {r['subject']:<10} {short:<13} {obj:<24}"
            print(f"{line} {r['reason']}")
        print(f"snapshot: {snapshot.source}")
        print("  ".join(f"{k}: {n}" for k, n in total.items()))
    return 0
