"""Store benchmark: the endpoint's overhead and the loader's throughput, as ratios from one run.

1. Load: ``Store.load_file`` (the code path of ``kg load``) versus pyoxigraph's own ``bulk_load`` of the
   same TriG file into an empty store (goal: kg load throughput >= 0.7x of bulk load).
2. Queries: median latency of five library queries over HTTP against ``kg serve`` (keep-alive
   connection, JSON results read in full) versus the same queries in-process with pyoxigraph on the
   same store, every solution materialised (goal: HTTP <= 1.5x in-process).

The corpus is synthetic, in the shapes of the output contract, with Wikidata ids taken from the test
fixture. Usage::

    python benchmarks/bench_store.py [--docs 2000] [--runs 15] [--json bench_store.json]
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from kg.store import Store  # noqa: E402
from kg.store.library import find_query  # noqa: E402

# Wikidata ids used by tests/fixtures/store/news.trig (all from the project's knowledge base).
COUNTRIES = ["Q212", "Q230", "Q33", "Q34", "Q217", "Q183"]
PEOPLE = ["Q57792", "Q61053", "Q3874799"]
POSITIONS = ["Q167662", "Q4970706"]
PLACES = ["Q239", "Q216", "Q64"]
NATO = "Q7184"
MODALITIES = ["Asserted", "Possible", "Intended", "Applied", "Invited", "Demanded"]
QUERIES = [
    "facts-per-document",
    "negated-facts",
    "office-holders",
    "partners-not-covered",
    "membership-candidates",
]

PREFIXES = """@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/kg-news/id/> .
"""


def document(i: int, rng: random.Random) -> str:
    d = f"id:bench-{i}"
    lines = [
        f"{d} {{",
        f'  {d} a nif:Context ; nif:isString "Synthetic document {i}. " ; dcterms:language "en" ;',
        f'    dcterms:title "Document {i}" ; '
        f'dcterms:issued "2024-{1 + i % 12:02d}-{1 + i % 28:02d}"^^xsd:date .',
    ]
    for s in range(5):
        lines.append(
            f"  {d}-s{s} a nif:Sentence ; nif:referenceContext {d} ; nif:beginIndex {s * 40} ; "
            f'nif:endIndex {s * 40 + 39} ; nif:anchorOf "Sentence {s} of document {i}." .'
        )
    entities = [*rng.sample(COUNTRIES, 3), *rng.sample(PEOPLE, 2), rng.choice(PLACES), NATO]
    for m, qid in enumerate(entities):
        lines.append(
            f'  {d}-m{m} a nif:Phrase ; nif:referenceContext {d} ; nif:anchorOf "{qid}" ; '
            f"nif:beginIndex {m * 10} ; nif:endIndex {m * 10 + 4} ; itsrdf:taIdentRef wd:{qid} ."
        )
        lines.append(f'  wd:{qid} rdfs:label "label {qid}"@en .')
    for f in range(6):
        kind = rng.randrange(4)
        if kind == 0:
            subj, pred, obj = rng.choice(COUNTRIES), "kgo:partnerOf", NATO
        elif kind == 1:
            subj, pred, obj = rng.choice(COUNTRIES), "kgo:candidateFor", NATO
        elif kind == 2:
            subj, pred, obj = rng.choice(PEOPLE), "wdt:P39", rng.choice(POSITIONS)
        else:
            subj, pred, obj = rng.choice(COUNTRIES), "wdt:P463", NATO
        polarity = "Negative" if rng.random() < 0.2 else "Positive"
        modality = "Asserted" if kind != 1 else rng.choice(MODALITIES)
        obj_term = f"wd:{obj}"
        lines.append(
            f"  {d}-f{f} a kgo:Fact ; rdf:subject wd:{subj} ; rdf:predicate {pred} ; "
            f"rdf:object {obj_term} ; kgo:polarity kgo:{polarity} ; kgo:modality kgo:{modality} ; "
            f"kgo:confidence 0.{rng.randrange(50, 99)} ; prov:wasDerivedFrom {d}, {d}-s{f % 5} ."
        )
        if polarity == "Positive" and modality == "Asserted":
            lines.append(f"  wd:{subj} {pred} {obj_term} .")
    lines.append(
        f'  {d}-q0 a kgo:Quotation ; rdf:value "Quoted words {i}" ; kgo:speaker wd:{rng.choice(PEOPLE)} ; '
        f"prov:wasDerivedFrom {d} ."
    )
    lines.append(
        f"  {d}-e0 a kgo:Meeting ; wdt:P710 wd:{PEOPLE[0]}, wd:{PEOPLE[1]} ; "
        f"wdt:P276 wd:{rng.choice(PLACES)} ; "
        f'wdt:P585 "2024-05-{1 + i % 28:02d}"^^xsd:date ; prov:wasDerivedFrom {d} .'
    )
    lines.append("}")
    return "\n".join(lines)


def write_corpus(path: Path, docs: int) -> None:
    rng = random.Random(42)
    with path.open("w", encoding="utf-8") as out:
        out.write(PREFIXES)
        for i in range(docs):
            out.write(document(i, rng) + "\n")


def time_load(trig: Path, work: Path, reps: int) -> dict[str, float]:
    kg_times, bulk_times = [], []
    triples = 0
    for rep in range(reps):
        for which in ("kg", "bulk"):
            target = work / f"{which}-{rep}"
            start = time.perf_counter()
            if which == "kg":
                store = Store.open(target)
                store.load_file(trig)
                store.flush()
                kg_times.append(time.perf_counter() - start)
                triples = len(store)
                del store
            else:
                raw = ox.Store(str(target))
                raw.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
                raw.flush()
                bulk_times.append(time.perf_counter() - start)
                del raw
            gc.collect()
    kg_t, bulk_t = statistics.median(kg_times), statistics.median(bulk_times)
    return {
        "triples": triples,
        "kg_load_s": kg_t,
        "bulk_load_s": bulk_t,
        "kg_load_triples_per_s": triples / kg_t,
        "bulk_load_triples_per_s": triples / bulk_t,
        "ratio": bulk_t / kg_t,
    }


def compare_queries(store_dir: Path, queries: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    """Interleave in-process and HTTP runs so both see the same machine load.

    The in-process side opens a copy of the store (one RocksDB store cannot be open in two processes).
    """
    copy = store_dir.with_name(store_dir.name + "-copy")
    shutil.copytree(store_dir, copy)
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from kg.cli import main; sys.exit(main())",
            "serve",
            "--store",
            str(store_dir),
            "--port",
            str(port),
            "--max-rows",
            "10000000",
        ],
        stderr=subprocess.DEVNULL,
        cwd=REPO_ROOT,
    )
    store = Store.open(copy)
    try:
        _wait(port)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        out: dict[str, dict[str, float]] = {}
        for name, text in queries.items():
            local_times, http_times = [], []
            rows: list[tuple[object, ...]] = []
            body = text.encode()
            for n in range(runs + 2):  # two warm-up rounds
                start = time.perf_counter()
                rows = [tuple(s) for s in store.query(text)]
                local = time.perf_counter() - start
                start = time.perf_counter()
                conn.request(
                    "POST",
                    "/sparql",
                    body=body,
                    headers={
                        "Content-Type": "application/sparql-query",
                        "Accept": "application/sparql-results+json",
                    },
                )
                response = conn.getresponse()
                payload = response.read()
                remote = time.perf_counter() - start
                if response.status != 200:
                    raise SystemExit(f"{name}: HTTP {response.status}: {payload[:200]!r}")
                if n >= 2:
                    local_times.append(local)
                    http_times.append(remote)
            out[name] = {
                "rows": len(rows),
                "in_process": statistics.median(local_times),
                "http": statistics.median(http_times),
            }
        conn.close()
        return out
    finally:
        proc.terminate()
        proc.wait()
        del store
        gc.collect()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(port: int) -> None:
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("kg serve did not start")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per query (after two warm-ups)")
    parser.add_argument("--load-reps", type=int, default=3)
    results = Path(__file__).resolve().parent / "results"
    parser.add_argument("--json", type=Path, default=results / "bench_store.json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        trig = work / "corpus.trig"
        write_corpus(trig, args.docs)
        load = time_load(trig, work, args.load_reps)
        queries = {name: find_query(name).render() for name in QUERIES}
        measured = compare_queries(work / "kg-0", queries, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for name in QUERIES:
        m = measured[name]
        rows.append(
            {
                "query": name,
                "rows": int(m["rows"]),
                "in_process_ms": m["in_process"] * 1000,
                "http_ms": m["http"] * 1000,
                "ratio": m["http"] / m["in_process"],
            }
        )
    http_ratio = statistics.median(r["ratio"] for r in rows)
    print(f"corpus: {args.docs} documents, {load['triples']} triples")
    print(f"{'query':<24}{'rows':>7}{'in-process ms':>15}{'HTTP ms':>10}{'ratio':>8}")
    for r in rows:
        print(
            f"{r['query']:<24}{r['rows']:>7}{r['in_process_ms']:>15.2f}{r['http_ms']:>10.2f}{r['ratio']:>8.2f}"
        )
    print(f"{'median HTTP / in-process':<56}{http_ratio:>8.2f}   (goal <= 1.5)")
    print(
        f"kg load {load['kg_load_triples_per_s']:,.0f} triples/s, pyoxigraph bulk_load "
        f"{load['bulk_load_triples_per_s']:,.0f} triples/s: ratio {load['ratio']:.2f}   (goal >= 0.7)"
    )
    result = {
        "docs": args.docs,
        "runs": args.runs,
        "queries": rows,
        "http_over_in_process_median": http_ratio,
        "http_over_in_process_max": max(r["ratio"] for r in rows),
        "load": load,
    }
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {args.json}")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from chart import main as draw_chart

    draw_chart(["--results", str(args.json.parent)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
