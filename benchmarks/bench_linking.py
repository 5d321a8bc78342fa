#!/usr/bin/env python3
"""Linking throughput: mentions per second of ``kg.link.link_document`` on a generated corpus.

Usage: python benchmarks/bench_linking.py [--docs 200] [--sentences 20] [--lang de|en|both] [--seed 1]

Documents are made from sentence templates filled with names drawn from the bundled knowledge
base (countries, cities, organisations, people, with German inflections and compounds), plus
filler sentences without names. The spaCy analysis runs first and is not timed; the timing
covers linking only (trie matching, disambiguation, NIL persons, surnames). The KB load and the
one-off trie build are reported separately.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.kb import KnowledgeBase, load_knowledge_base
from kg.link import lexicon_trie, link_document
from kg.model import Document, EntityKind
from kg.nlp import load_pipeline

TEMPLATES = {
    "de": [
        "{person} traf am Montag in {city} Vertreter aus {country}.",
        "Die Beziehungen zwischen {country} und der {org} bleiben angespannt, sagte {person}.",
        "Nach der {city}-Reise kündigte {surname} neue Gespräche mit {country2}s Regierung an.",
        "Der Außenminister Karl Wendelin sprach mit {person} über die Lage in {country}.",
        "Die {org}-Mitglieder berieten in {city} über Sanktionen gegen {country}.",
        "Das Wetter war am Dienstag mild, und die Sitzung dauerte bis in den Abend.",
        "Kritiker warnten vor einer Eskalation, die niemand wolle.",
    ],
    "en": [
        "{person} met officials from {country} in {city} on Monday.",
        "Relations between {country} and the {org} remain tense, {person} said.",
        "After the talks, {surname} announced a visit to {country2}'s capital.",
        "Ambassador Julia Wendel discussed the situation in {country} with {person}.",
        "Members of the {org} met in {city} to discuss sanctions against {country}.",
        "The weather was mild on Tuesday and the session lasted into the evening.",
        "Critics warned of an escalation that nobody wanted.",
    ],
}


def name_pools(kb: KnowledgeBase, lang: str) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {"person": [], "country": [], "city": [], "org": []}
    kinds = {
        EntityKind.PERSON: "person",
        EntityKind.COUNTRY: "country",
        EntityKind.PLACE: "city",
        EntityKind.ORGANISATION: "org",
    }
    for item in kb:
        pool = kinds.get(item.kind)
        if pool is None or lang not in item.labels:
            continue
        label = item.labels[lang]
        if pool == "person" and len(label.split()) < 2:
            continue
        if pool == "org" and len(label) > 40:
            continue
        pools[pool].append(label)
    for names in pools.values():
        names.sort()
    return pools


def make_corpus(
    kb: KnowledgeBase, lang: str, docs: int, sentences: int, rng: random.Random
) -> list[Document]:
    pools = name_pools(kb, lang)
    corpus = []
    for d in range(docs):
        lines = []
        for _ in range(sentences):
            person = rng.choice(pools["person"])
            values = {
                "person": person,
                "surname": person.split()[-1],
                "country": rng.choice(pools["country"]),
                "country2": rng.choice(pools["country"]),
                "city": rng.choice(pools["city"]),
                "org": rng.choice(pools["org"]),
            }
            lines.append(rng.choice(TEMPLATES[lang]).format(**values))
        text = " ".join(lines)
        corpus.append(Document(f"bench-{lang}-{d}", text, lang, "bench", str(d)))
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=20)
    parser.add_argument("--lang", choices=("de", "en", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    kb = load_knowledge_base()
    loaded = time.perf_counter()
    lexicon_trie(kb)
    built = time.perf_counter()
    print(
        f"knowledge base {kb.version}: {len(kb)} items, load {loaded - started:.2f} s, "
        f"trie build {built - loaded:.2f} s"
    )

    rng = random.Random(args.seed)
    for lang in ("de", "en") if args.lang == "both" else (args.lang,):
        corpus = make_corpus(kb, lang, args.docs, args.sentences, rng)
        nlp = load_pipeline(lang, model="blank")
        analyses = list(nlp.analyse_many(corpus))
        tokens = sum(len(a.tokens) for a in analyses)
        t0 = time.perf_counter()
        mentions = 0
        linked = 0
        for document, analysis in zip(corpus, analyses, strict=True):
            result = link_document(document, analysis, kb)
            mentions += len(result)
            linked += sum(1 for m in result if m.entity.qid)
        elapsed = time.perf_counter() - t0
        print(
            f"{lang}: {len(corpus)} docs, {tokens} tokens, {mentions} mentions ({linked} linked) "
            f"in {elapsed:.2f} s -> {mentions / elapsed:,.0f} mentions/s, {tokens / elapsed:,.0f} tokens/s, "
            f"{len(corpus) / elapsed:,.1f} docs/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
