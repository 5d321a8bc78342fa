"""``kg export quickstatements GRAPH_OR_STORE -o FILE [--csv]``: the QuickStatements export of the facts
``kg compare`` found new (and, as reference-only additions, confirmed). The command is top-level so it
merges with any ``kg export`` group: such a group can call ``add_arguments`` and ``run`` of this module."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "quickstatements",
        help="export new (and confirmed) facts as QuickStatements V1 with full references",
        description="Reads a graph or store that kg compare has marked; writes QuickStatements V1 (or CSV).",
    )
    add_arguments(p)
    p.set_defaults(func=run)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", type=Path, metavar="GRAPH_OR_STORE")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="default: standard output")
    p.add_argument("--csv", action="store_true", help="the CSV variant instead of V1")
    p.add_argument("--min-confidence", type=float, default=0.8, metavar="X")
    p.add_argument("--new-only", action="store_true", help="leave out the confirmed facts' references")
    p.add_argument("--create", action="store_true", help="create subjects not in Wikidata (CREATE/LAST)")


def run(args: argparse.Namespace) -> int:
    import kg
    from kg.errors import InputError
    from kg.rdf.export import write_bytes_atomically
    from kg.wikidata.compare import Verdict
    from kg.wikidata.facts import open_dataset, read_facts
    from kg.wikidata.quickstatements import commands_for, to_csv, to_v1

    dataset, _ = open_dataset(args.input)
    facts = read_facts(dataset)
    if not any(f.verdict for f in facts):
        raise InputError(f"{args.input}: no Wikidata verdicts in it; run kg compare first")
    labels: dict[str, tuple[str, str]] = {}
    if args.create:
        import pyoxigraph as ox

        rows = dataset.query(
            "SELECT ?e ?l WHERE { ?f a <https://w3id.org/kg-news/ontology#Fact> ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e . "
            "?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
            use_default_graph_as_union=True,
        )
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            label = row["l"]
            if isinstance(label, ox.Literal):
                labels.setdefault(str(row["e"].value), (label.value, label.language or "en"))
    verdicts = [Verdict(f, f.verdict or "", "") for f in facts]
    export = commands_for(
        verdicts,
        min_confidence=args.min_confidence,
        include_confirmed=not args.new_only,
        summary=f"kg {kg.__version__}: fact from a news article, with its source",
        create=args.create,
        labels=labels,
    )
    text = to_csv(export.commands) if args.csv else to_v1(export.commands)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_bytes_atomically(Path(args.output), text.encode("utf-8"))
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(export.skipped.items()))
    print(f"{len(export.commands)} commands; left out: {skipped or 'none'}", file=sys.stderr)
    return 0
