"""`kg extract` over two wire-style articles of our own (German agency copy, English wire copy) with the
bundled knowledge base and the real linker: every relation fact, quotation and meeting, exactly. The
texts use phrasings the first test articles do not (beide Länder, Grenze mit … teilt, a relative
clause between subject and predicate, names without their accents, "its President X said")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

TEXTS = Path(__file__).parent / "texts"
ARTICLES = (
    ("antrag", "de_wire_antrag.txt", "de", "2022-05-18"),
    ("munich", "en_wire_munich.txt", "en", "2024-02-16"),
)
PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    folder = tmp_path_factory.mktemp("wire")
    lines = [
        json.dumps(
            {"id": doc_id, "text": (TEXTS / name).read_text(encoding="utf-8"), "lang": lang, "published": day}
        )
        for doc_id, name, lang, day in ARTICLES
    ]
    source = folder / "wire.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "out.trig"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(source), "-o", str(out), "--model", "blank"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    result = pyoxigraph.Store()
    result.load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    return result


def short(term: pyoxigraph.NamedNode | pyoxigraph.Literal | None) -> str:
    return "" if term is None else term.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def relation_facts(store: pyoxigraph.Store, doc_id: str) -> set[tuple[str, str, str, str, str]]:
    """(subject, predicate, object, polarity, modality) of every fact but offices, in one document."""
    rows = store.query(
        PREFIXES
        + """SELECT ?s ?p ?o ?pol ?mod WHERE { GRAPH ?g {
            ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ?pp ?pol ; ?mp ?mod .
            FILTER(STRENDS(STR(?pp), "#polarity") && STRENDS(STR(?mp), "#modality") && ?p != wdt:P39)
            FILTER(CONTAINS(STR(?g), DOC))
        } }""".replace("DOC", json.dumps(doc_id))
    )
    return {tuple(short(row[k]) for k in ("s", "p", "o", "pol", "mod")) for row in rows}  # type: ignore[misc]


def offices(store: pyoxigraph.Store, doc_id: str) -> set[tuple[str, str]]:
    rows = store.query(
        PREFIXES
        + """SELECT ?s ?o WHERE { GRAPH ?g { ?f rdf:subject ?s ; rdf:predicate wdt:P39 ; rdf:object ?o .
            FILTER(CONTAINS(STR(?g), DOC)) } }""".replace("DOC", json.dumps(doc_id))
    )
    return {(short(row["s"]), short(row["o"])) for row in rows}  # type: ignore[index]


def test_german_agency_copy(store: pyoxigraph.Store) -> None:
    assert relation_facts(store, "antrag") == {
        ("Q33", "candidateFor", "Q7184", "Positive", "Applied"),  # haben … die Aufnahme … beantragt
        ("Q34", "candidateFor", "Q7184", "Positive", "Applied"),
        ("Q43", "P463", "Q7184", "Positive", "Asserted"),  # ist seit 1952 Mitglied der Nato
        ("Q33", "partnerOf", "Q7184", "Positive", "Asserted"),  # Beide Länder …, sind aber enge Partner
        ("Q34", "partnerOf", "Q7184", "Positive", "Asserted"),
        ("Q159", "P47", "Q33", "Positive", "Asserted"),  # eine … lange Grenze mit Finnland teilt
    }
    assert offices(store, "antrag") >= {
        ("Q57665", "Q167662"),  # Generalsekretär Jens Stoltenberg
        ("Q39259", "Q1922067"),  # Präsident Recep Tayyip Erdoğan
        ("Q29207", "Q29558"),  # der finnische Präsident Sauli Niinistö
        ("Q4935873", "Q687075"),  # die schwedische Regierungschefin Magdalena Andersson
    }


def test_english_wire_copy(store: pyoxigraph.Store) -> None:
    assert relation_facts(store, "munich") == {
        ("Q191", "P463", "Q7184", "Positive", "Asserted"),  # Estonia, which has been a NATO member …
        ("Q191", "P47", "Q159", "Positive", "Asserted"),  # …, shares a border with Russia
        ("Q217", "candidateFor", "Q458", "Positive", "Asserted"),  # Moldova, a candidate for EU membership
        ("Q217", "candidateFor", "Q7184", "Negative", "Intended"),  # does not plan to join the alliance
    }
    assert offices(store, "munich") == {
        ("Q11869065", "Q737115"),  # Estonian Prime Minister Kaja Kallas
        ("Q57641", "Q3315094"),  # Hungarian Prime Minister Viktor Orban (no accent in the text)
        ("Q61053", "Q4970706"),  # German Chancellor Olaf Scholz
        ("Q3874799", "Q579677"),  # Ukrainian President Volodymyr Zelensky
        ("Q15071069", "Q312271"),  # its President Maia Sandu
    }


def test_quotations_and_meetings(store: pyoxigraph.Store) -> None:
    quotes = store.query(
        PREFIXES
        + """SELECT ?speaker ?text WHERE { GRAPH ?g { ?q rdf:value ?text ; ?sp ?speaker .
            FILTER(STRENDS(STR(?sp), "#speaker")) } }"""
    )
    assert {(short(r["speaker"]), r["text"].value) for r in quotes} == {  # type: ignore[index]
        ("Q57665", "Dies ist ein historischer Moment"),
        ("Q11869065", "We are not doing enough"),
        ("Q11869065", "If Ukraine loses, we all lose."),
    }
    meetings = store.query(
        PREFIXES
        + """SELECT ?place ?date (COUNT(?who) AS ?n) WHERE { GRAPH ?g { ?m wdt:P276 ?place ; wdt:P585 ?date ;
            wdt:P710 ?who } } GROUP BY ?m ?place ?date"""
    )
    # Niinistö and Andersson talked in Stockholm on Tuesday; Scholz and Zelensky met in Berlin on Friday
    assert {(short(r["place"]), r["date"].value, r["n"].value) for r in meetings} == {  # type: ignore[index]
        ("Q1754", "2022-05-17", "2"),
        ("Q64", "2024-02-16", "2"),
    }
