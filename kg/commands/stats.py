"""``kg stats --store DIR``: documents, facts, entities, triples."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="count documents, facts, entities and triples in a store")
    p.add_argument("--store", required=True, type=Path, metavar="DIR")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store import Store

    stats = Store.open(args.store, read_only=True).stats().as_dict()
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        width = max(len(k) for k in stats)
        for key, value in stats.items():
            print(f"{key:<{width}}  {value}")
    return 0
