"""Where kg's time goes, stage by stage: CPU seconds of each stage on one generated corpus, in-process
after a warm-up, as shares of the whole and as multiples of spaCy's bare tokenizer on the same texts.

    python benchmarks/bench_stages.py                 # 400 articles, best of 3 rounds
    python benchmarks/bench_stages.py --articles 1000 --rounds 5

The stages are those of ``kg.pipeline`` and the batch worker: nlp (kg's analysis around spaCy's
tokenizer), link, facts, and the RDF mapping (``document_lines``). ``bench_extract.py`` measures the
whole command; this one says which stage a change has to be made in. CPU time (``process_time``),
so another process on the machine costs less accuracy than with wall time; still, compare figures
of one run only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import Article, generate  # noqa: E402

STAGES = ("spacy", "nlp", "link", "facts", "rdf")


def _documents(articles: list[Article]) -> list:
    from kg.ingest import document_from_text

    return [
        document_from_text(a.text, doc_id=a.doc_id, lang=a.lang, title=a.title, published=a.published)
        for a in articles
    ]


def one_round(documents: list, context, run_for, bare: dict) -> dict[str, float]:
    """CPU seconds per stage over all documents. "spacy" is spaCy's bare pipeline (blank tokenizer +
    sentencizer, as ``bench_extract.py``'s baseline); "nlp" is kg's analysis minus that."""
    from kg.facts import extract_facts
    from kg.link import link_document
    from kg.pipeline import document_result
    from kg.rdf.mapping import document_lines

    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for lang in ("de", "en"):
        batch = [d for d in documents if d.lang == lang]
        pipeline = context.pipelines.for_lang(lang)
        started = clock()
        list(bare[lang].pipe([d.text for d in batch], batch_size=32))
        spent["spacy"] += clock() - started
        started = clock()
        analyses = list(pipeline.analyse_many(batch, batch_size=32))
        spent["nlp"] += clock() - started
        run = run_for(lang)
        for document, analysis in zip(batch, analyses, strict=True):
            t0 = clock()
            mentions = link_document(document, analysis, context.kb)
            t1 = clock()
            extraction = extract_facts(document, analysis, mentions, context.kb)
            t2 = clock()
            result = document_result(document, analysis, mentions, extraction)
            document_lines(result, run, base_iri="https://kg.example.org/")
            t3 = clock()
            spent["link"] += t1 - t0
            spent["facts"] += t2 - t1
            spent["rdf"] += t3 - t2
    spent["nlp"] -= spent["spacy"]  # analyse_many runs spaCy's pipe too: kg's own share is the rest
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    import spacy

    from kg.batch.worker import WorkerContext

    bare = {lang: spacy.blank(lang) for lang in ("de", "en")}
    for nlp in bare.values():
        nlp.add_pipe("sentencizer")
    context = WorkerContext(None, ())
    started = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    documents = _documents(generate(args.articles))
    def run_for(lang: str):
        return context.run_for(lang, started)

    one_round(_documents(generate(20, seed=11)), context, run_for, bare)  # warm-up: lazy tables, caches
    rounds = [one_round(documents, context, run_for, bare) for _ in range(args.rounds)]
    best = {stage: min(r[stage] for r in rounds) for stage in STAGES}
    kg_total = sum(best[s] for s in STAGES)
    print(f"{args.articles} articles, best of {args.rounds} rounds, CPU seconds")
    print(f"{'stage':<8}{'seconds':>10}{'share':>8}{'x spaCy':>10}")
    for stage in STAGES:
        seconds = best[stage]
        print(f"{stage:<8}{seconds:>10.3f}{seconds / kg_total:>8.1%}{seconds / best['spacy']:>10.1f}")
    print(f"{'all':<8}{kg_total:>10.3f}{1:>8.0%}{kg_total / best['spacy']:>10.1f}")
    print(f"throughput ratio (spaCy / all stages, no start-up): {best['spacy'] / kg_total:.3f}")
    if args.json:
        figures = {"articles": args.articles, "rounds": args.rounds, "cpu_seconds": best,
                   "ratio_spacy_vs_all": round(best["spacy"] / kg_total, 4)}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
