"""Helpers shared by the fact tests that run whole articles: extract through the CLI, read facts back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
KGO = "https://w3id.org/kg-news/ontology#"
PREFIXES = f"PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX kgo: <{KGO}> PREFIX wd: <{WD}> "


def extract(tmp_path: Path, text: str, lang: str, published: str) -> pyoxigraph.Store:
    """``kg extract`` of one text (blank pipeline, bundled KB), loaded into a store."""
    source = tmp_path / f"article.{lang}.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.trig"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(source), "--lang", lang, "--published",
         published, "-o", str(out), "--model", "blank"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    store = pyoxigraph.Store()
    store.load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    return store


def facts(store: pyoxigraph.Store, predicate: str) -> set[tuple[str, str, str, str]]:
    """(subject, object, polarity, modality) of the facts with ``predicate``, ids without namespaces."""
    rows = store.query(
        PREFIXES + "SELECT ?s ?o ?polarity ?modality WHERE { GRAPH ?g { ?f a kgo:Fact ; rdf:subject ?s ; "
        f"rdf:predicate <{predicate}> ; rdf:object ?o ; kgo:polarity ?polarity ; kgo:modality ?modality }} }}"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return {
        (r["s"].value.removeprefix(WD), r["o"].value.removeprefix(WD), r["polarity"].value.removeprefix(KGO),
         r["modality"].value.removeprefix(KGO))
        for r in rows
    }


def memberships(store: pyoxigraph.Store) -> set[tuple[str, str, str]]:
    return {(s, o, polarity) for s, o, polarity, _ in facts(store, WDT + "P463")}
