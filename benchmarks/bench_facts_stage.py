"""Time of the fact stage (and of the nlp stage, where the trigger Matcher now runs), in-process.

    python benchmarks/bench_facts_stage.py corpus.jsonl [--repeat 3]

Documents are read, analysed and linked once; then the nlp stage and the fact stage are each timed
over all documents (best of ``--repeat``). Run it for two checkouts in the same minutes (the host is
shared) with ``PYTHONPATH=<checkout>`` and compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.facts import extract_facts
from kg.ingest import read_documents
from kg.kb import load_knowledge_base
from kg.link import link_document
from kg.model import Document
from kg.pipeline import Pipelines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = [d for d in read_documents([args.corpus]) if isinstance(d, Document)]
    kb = load_knowledge_base()
    pipelines = Pipelines(model="blank")
    for lang in sorted({d.lang for d in docs}):
        pipelines.for_lang(lang)
    nlp_best = facts_best = float("inf")
    analyses = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        analyses = [pipelines.for_lang(d.lang).analyse(d) for d in docs]
        nlp_best = min(nlp_best, time.perf_counter() - start)
    mentions = [link_document(d, a, kb) for d, a in zip(docs, analyses, strict=True)]
    n_facts = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        n_facts = sum(
            len(extract_facts(d, a, m, kb).facts) for d, a, m in zip(docs, analyses, mentions, strict=True)
        )
        facts_best = min(facts_best, time.perf_counter() - start)
    print(f"documents {len(docs)}  facts {n_facts}  nlp {nlp_best:.3f} s  facts {facts_best:.3f} s")


if __name__ == "__main__":
    main()
