"""`kg extract` on our own German and English articles with the bundled knowledge base and the real
linker: the facts, quotations and meetings as a user queries them in the output graph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

TEXTS = Path(__file__).parent / "texts"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
KGO = "https://w3id.org/kg-news/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def extract(tmp_path: Path, name: str, lang: str, published: str) -> pyoxigraph.Store:
    out = tmp_path / "out.trig"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "extract",
            str(TEXTS / name),
            "--lang",
            lang,
            "--published",
            published,
            "-o",
            str(out),
            "--model",
            "blank",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    store = pyoxigraph.Store()
    store.load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    return store


def ask(store: pyoxigraph.Store, pattern: str) -> bool:
    return bool(store.query(f"PREFIX rdf: <{RDF}> ASK {{ GRAPH ?g {{ {pattern} }} }}"))


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("de"), "de_buendnis.txt", "de", "2022-03-04")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("en"), "en_alliance.txt", "en", "2022-01-10")


def test_german_offices_and_relations(german: pyoxigraph.Store) -> None:
    assert ask(german, f"<{WD}Q57665> <{WDT}P39> <{WD}Q167662>")
    assert ask(german, f"<{WD}Q3052772> <{WDT}P39> <{WD}Q191954>")
    assert ask(german, f"<{WD}Q60772> <{WDT}P39> <{WD}Q8882>")
    assert ask(german, f"<{WD}Q212> <{KGO}partnerOf> <{WD}Q7184>")
    assert ask(german, f"<{WD}Q20> <{WDT}P463> <{WD}Q7184>")
    assert ask(
        german,
        f"?f rdf:subject <{WD}Q212> ; rdf:predicate <{KGO}coveredBy> ; <{KGO}polarity> <{KGO}Negative> ;"
        f" <{KGO}attributedTo> <{WD}Q57665>",
    )
    for country in ("Q33", "Q34"):
        assert ask(
            german,
            f"?f rdf:subject <{WD}{country}> ; rdf:predicate <{KGO}candidateFor> ;"
            f" rdf:object <{WD}Q7184> ; <{KGO}modality> <{KGO}Possible>",
        )
        assert not ask(german, f"<{WD}{country}> <{KGO}candidateFor> <{WD}Q7184>")


def test_german_quotations_and_meetings(german: pyoxigraph.Store) -> None:
    rows = german.query(f"SELECT ?s ?v WHERE {{ GRAPH ?g {{ ?q <{KGO}speaker> ?s ; <{RDF}value> ?v }} }}")
    speakers = {(r["s"].value, r["v"].value) for r in rows}
    assert (WD + "Q3052772", "Wir stehen fest an der Seite unserer Partner") in speakers
    assert (WD + "Q57665", "Aber wir lassen unsere Partner nicht allein.") in speakers
    assert ask(
        german,
        f"?m a <{KGO}Meeting> ; <{WDT}P276> <{WD}Q64> ; <{WDT}P710> <{WD}Q3052772>, <{WD}Q61053> ;"
        f" <{WDT}P585> ?d FILTER(STR(?d) = '2022-03-02')",
    )


def test_english_relations_and_meeting(english: pyoxigraph.Store) -> None:
    assert ask(english, f"<{WD}Q57665> <{WDT}P39> <{WD}Q167662>")
    assert ask(english, f"<{WD}Q33> <{KGO}partnerOf> <{WD}Q7184>")
    assert not ask(english, f"<{WD}Q33> <{WDT}P463> <{WD}Q7184>")
    assert ask(
        english,
        f"?f rdf:subject <{WD}Q230> ; rdf:predicate <{KGO}candidateFor> ;"
        f" <{KGO}polarity> <{KGO}Negative> ; <{KGO}modality> <{KGO}Denied>",
    )
    assert ask(
        english,
        f"?m a <{KGO}Meeting> ; <{WDT}P276> <{WD}Q90> ; <{WDT}P710> <{WD}Q1058> ;"
        f" <{WDT}P585> ?d FILTER(STR(?d) = '2022-01-04')",
    )
