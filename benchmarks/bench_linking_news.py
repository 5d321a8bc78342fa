#!/usr/bin/env python3
"""Linking quality on the frozen general-news benchmark (``benchmarks/linking_news``).

Usage: python benchmarks/bench_linking_news.py [--label after] [--out benchmarks/results/linking_news.json]

Runs the whole pipeline (nlp -> link -> facts -> RDF mapping) on each article of ``de.ttl`` and
``en.ttl`` and compares the ``nif:Phrase`` mentions it writes with the gold ones: GERBIL A2KB micro
precision, recall and F1, *strong* (same begin and end) and *weak* (overlapping spans, each
gold and each system mention used once). An entity matches when both are the same ``wd:`` IRI or
both are NIL (any IRI that is not ``wd:``). Also reported: the share of gold mentions whose entity
is in the KB, and recall restricted to those. A small scorer of its own (``kg eval`` is elsewhere).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import rdflib

from kg.kb import load_knowledge_base
from kg.model import Document
from kg.pipeline import Pipelines, analyse_document, run_provenance
from kg.rdf import document_quads

HERE = Path(__file__).resolve().parent
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITS = rdflib.URIRef("http://www.w3.org/2005/11/its/rdf#taIdentRef")
WD = "http://www.wikidata.org/entity/"

Mention = tuple[int, int, str]  # begin, end, entity IRI


def gold(lang: str) -> list[tuple[str, str, list[Mention]]]:
    g = rdflib.Graph().parse(HERE / "linking_news" / f"{lang}.ttl")
    docs: dict[str, tuple[str, list[Mention]]] = {}
    for ctx in g.subjects(rdflib.RDF.type, NIF.Context):
        docs[str(ctx)] = (str(g.value(ctx, NIF.isString)), [])
    for phrase in g.subjects(rdflib.RDF.type, NIF.Phrase):
        ctx = str(g.value(phrase, NIF.referenceContext))
        docs[ctx][1].append(
            (
                int(g.value(phrase, NIF.beginIndex)),
                int(g.value(phrase, NIF.endIndex)),
                str(g.value(phrase, ITS)),
            )
        )
    return [(ctx, text, sorted(ms)) for ctx, (text, ms) in sorted(docs.items())]


def same_entity(a: str, b: str) -> bool:
    if a.startswith(WD) or b.startswith(WD):
        return a == b
    return True  # both NIL


def matches(gold_ms: list[Mention], system: list[Mention], weak: bool) -> int:
    used: set[int] = set()
    hits = 0
    for gb, ge, gi in gold_ms:
        for k, (sb, se, si) in enumerate(system):
            if k in used:
                continue
            span_ok = (sb < ge and gb < se) if weak else (sb == gb and se == ge)
            if span_ok and same_entity(gi, si):
                used.add(k)
                hits += 1
                break
    return hits


def prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def system_mentions(text: str, lang: str, pipelines: Pipelines, kb: object, run: object) -> list[Mention]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = Document(doc_id=digest[:16], text=text, lang=lang, origin="bench", content_hash=digest)
    analysis = pipelines.for_lang(lang).analyse(document)
    result = analyse_document(document, analysis, kb)  # type: ignore[arg-type]
    out: dict[tuple[int, int], Mention] = {}
    quads = document_quads(result, run, base_iri="https://example.org/bench/")  # type: ignore[arg-type]
    by_node: dict[str, dict[str, str]] = {}
    for q in quads:
        by_node.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    for props in by_node.values():
        if (props.get(str(rdflib.RDF.type)) == str(NIF.Phrase) or str(ITS) in props) and (
            str(ITS) in props and str(NIF.beginIndex) in props
        ):
            b, e = int(props[str(NIF.beginIndex)]), int(props[str(NIF.endIndex)])
            out[(b, e)] = (b, e, props[str(ITS)])
    return sorted(out.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--label", default="after", help="name of this run in the results file")
    parser.add_argument("--errors", action="store_true", help="print missed and spurious mentions")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "linking_news.json")
    args = parser.parse_args()
    kb = load_knowledge_base()
    pipelines = Pipelines()
    results: dict[str, object] = {}
    totals = {"gold": 0, "sys": 0, "strong": 0, "weak": 0, "in_kb": 0, "in_kb_strong": 0}
    for lang in ("de", "en"):
        run = run_provenance(pipelines, kb, lang)
        t = {k: 0 for k in totals}
        for _ctx, text, gold_ms in gold(lang):
            system = system_mentions(text, lang, pipelines, kb, run)
            if args.errors:
                show_errors(text, gold_ms, system)
            t["gold"] += len(gold_ms)
            t["sys"] += len(system)
            t["strong"] += matches(gold_ms, system, weak=False)
            t["weak"] += matches(gold_ms, system, weak=True)
            in_kb = [m for m in gold_ms if m[2].startswith(WD)]
            t["in_kb"] += len(in_kb)
            t["in_kb_strong"] += matches(in_kb, [s for s in system if s[2].startswith(WD)], weak=False)
        for k in totals:
            totals[k] += t[k]
        results[lang] = summary(t)
    results["all"] = summary(totals)
    results["kb_version"] = kb.version
    results["measured"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    print(json.dumps(results, indent=2))
    stored = json.loads(args.out.read_text()) if args.out.exists() else {}
    stored[args.label] = results
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(stored, indent=2) + "\n")
    return 0


def show_errors(text: str, gold_ms: list[Mention], system: list[Mention]) -> None:
    for b, e, iri in gold_ms:
        if (b, e, iri) not in system and not any(
            sb == b and se == e and same_entity(iri, si) for sb, se, si in system
        ):
            print(f"  missed   {text[b:e]!r} {iri.rsplit('/', 1)[-1]}", file=sys.stderr)
    for b, e, iri in system:
        if not any(gb == b and ge == e and same_entity(gi, iri) for gb, ge, gi in gold_ms):
            print(f"  spurious {text[b:e]!r} {iri.rsplit('/', 1)[-1]}", file=sys.stderr)


def summary(t: dict[str, int]) -> dict[str, object]:
    return {
        "gold_mentions": t["gold"],
        "system_mentions": t["sys"],
        "strong": prf(t["strong"], t["sys"], t["gold"]),
        "weak": prf(t["weak"], t["sys"], t["gold"]),
        "gold_in_kb_share": round(t["in_kb"] / t["gold"], 3) if t["gold"] else 0.0,
        "in_kb_strong_recall": round(t["in_kb_strong"] / t["in_kb"], 3) if t["in_kb"] else 0.0,
    }


if __name__ == "__main__":
    sys.exit(main())
