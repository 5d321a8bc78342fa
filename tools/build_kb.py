#!/usr/bin/env python3
"""Build the bundled knowledge base ``kg/data/kb-wikidata-geo.json.gz`` from the seed data.

Usage: python tools/build_kb.py [SEED.ttl] [-o OUT]

Default seed: ``$KG_SHARED/kb/wikidata-geo.ttl`` (``../shared`` next to the checkout). Runs at
development time; the output is committed because users and CI do not have the seed. The same
input always gives the same bytes, so the KB version (a hash) only changes with the data.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from kg.errors import KgError  # noqa: E402
from kg.kb.files import BUNDLED_FILE, write_kb  # noqa: E402
from kg.kb.wikidata_rdf import records_from_file  # noqa: E402

SOURCE_NOTE = (
    "wikidata-geo.ttl seed (Wikidata ids verified against public sources; see kg/data/README.md "
    "for sources and licences: Wikidata CC0, Natural Earth PD, OpenSanctions/CoDEx MIT, ELEVANT "
    "Apache-2.0, SupraVerden organisation names CC BY-SA 4.0)"
)


def main() -> int:
    shared = Path(os.environ.get("KG_SHARED", REPO_ROOT.parent / "shared"))
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("seed", nargs="?", type=Path, default=shared / "kb" / "wikidata-geo.ttl")
    parser.add_argument("-o", "--output", type=Path, default=BUNDLED_FILE)
    args = parser.parse_args()
    try:
        records = records_from_file(args.seed)
        write_kb(args.output, "wikidata-geo", SOURCE_NOTE, records)
    except KgError as exc:
        print(f"build_kb: {exc}", file=sys.stderr)
        return 1
    size = args.output.stat().st_size
    print(f"build_kb: {len(records)} items from {args.seed} -> {args.output} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
