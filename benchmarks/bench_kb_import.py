#!/usr/bin/env python3
"""``kg kb import`` throughput on a generated Wikidata JSON dump slice (gzip, one entity per line).

Usage: python benchmarks/bench_kb_import.py [--entities 100000]

The dump is GENERATED here, in a temporary directory, for a throughput measurement only: its
entity ids are made up in a clearly fake range (Q900000000 and up) and are never used as Wikidata
ids anywhere in the project; the type ids it points to (Q5 human, Q183 Germany, Q515 city) are
items of the bundled KB. Reports wall time, peak memory (tracemalloc peak of Python objects and
the process's max RSS) and the size of the KB file written, for a filter that keeps one entity in
ten (humans with a position) and for one that keeps all of them (with-country).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FAKE_BASE = 900_000_000


def claim(value: dict[str, str]) -> dict[str, object]:
    return {"mainsnak": {"snaktype": "value", "datavalue": {"value": value}}, "rank": "normal"}


def entity(n: int) -> str:
    qid = f"Q{FAKE_BASE + n}"
    human = n % 10 == 0
    claims: dict[str, list[object]] = {
        "P31": [claim({"id": "Q5" if human else "Q515"})],
        "P17": [claim({"id": "Q183"})],
        "P1082": [claim({"amount": f"+{n * 7}"})],
    }
    if human:
        claims["P39"] = [claim({"id": "Q4970706"})]
    name = f"Testort {n}" if not human else f"Testperson {n}"
    return json.dumps(
        {
            "id": qid,
            "type": "item",
            "modified": "2024-05-01T00:00:00Z",
            "labels": {lang: {"language": lang, "value": name} for lang in ("de", "en", "fr", "es")},
            "descriptions": {"en": {"language": "en", "value": "generated benchmark entity"}},
            "claims": claims,
            "sitelinks": {"dewiki": {"site": "dewiki", "title": name}},
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    args = parser.parse_args()
    kg = Path(sys.executable).with_name("kg")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "slice.json.gz"
        with gzip.open(dump, "wt", encoding="utf-8", compresslevel=5) as out:
            out.write("[\n")
            for n in range(args.entities):
                out.write(entity(n) + (",\n" if n + 1 < args.entities else "\n"))
            out.write("]\n")
        results["dump_entities"] = args.entities
        results["dump_bytes"] = dump.stat().st_size
        for types in ("humans-with-position", "with-country"):
            env = dict(os.environ, KG_HOME=str(Path(tmp) / f"home-{types}"))
            start = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            proc = subprocess.run(
                [str(kg), "kb", "import", str(dump), "--types", types, "--name", "bench"],
                env=env, capture_output=True, text=True, check=False,
            )
            seconds = time.perf_counter() - start
            rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            kb_file = Path(env["KG_HOME"]) / "kb" / "bench.json.gz"
            if not kb_file.exists():
                kb_file = next(Path(env["KG_HOME"]).rglob("bench.json.gz"))
            results[types] = {
                "seconds": round(seconds, 2),
                "entities_per_second": round(args.entities / seconds),
                "peak_rss_mb_max_so_far": round(max(rss, before) / 1024, 1),
                "kb_file_bytes": kb_file.stat().st_size,
                "kept": proc.stderr.strip().splitlines()[-1],
            }
    print(json.dumps(results, indent=2))
    out = Path(__file__).resolve().parent / "results" / "kb_import.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
