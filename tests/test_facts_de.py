"""German facts, quotations and meetings from our own test article, with hand-built mentions (so the
test does not depend on the linker) and the real RDF mapping for the graph-level checks."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path

from texts.lexicon import (
    BERLIN,
    FINLAND,
    GEORGIA,
    MACRON,
    MADRID,
    NATO,
    NATO_SG,
    NORWAY,
    PRESIDENT_EC,
    PRESIDENT_FRANCE,
    SCHOLZ,
    STOLTENBERG,
    SWEDEN,
    UKRAINE,
    VON_DER_LEYEN,
    TinyKb,
    facts_graph,
    hand_mentions,
)

from kg.facts import extract_facts
from kg.model import Document, DocumentResult, Extraction, Fact
from kg.pipeline import load_pipeline

TEXT = (Path(__file__).parent / "texts" / "de_buendnis.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2022, 3, 4)  # a Friday
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
KGO = "https://w3id.org/kg-news/ontology#"


@functools.cache
def extracted() -> tuple[Document, Extraction, DocumentResult]:
    doc = Document(
        "de-test",
        TEXT,
        "de",
        "de_buendnis.txt",
        hashlib.sha256(TEXT.encode()).hexdigest(),
        published=PUBLISHED,
    )
    analysis = load_pipeline("de", model="blank").analyse(doc)
    mentions = hand_mentions(TEXT)
    extraction = extract_facts(doc, analysis, mentions, TinyKb())
    result = DocumentResult(
        doc, analysis.sentences, mentions, extraction.facts, extraction.quotations, extraction.meetings
    )
    return doc, extraction, result


def summary(f: Fact) -> tuple[str, str, str, str, str, str | None]:
    return (
        f.subject.key,
        f.predicate.name,
        f.object.key,
        f.polarity.value,
        f.modality.value,
        f.attributed_to.key if f.attributed_to else None,
    )


def test_exact_facts() -> None:
    _, extraction, _ = extracted()
    assert {summary(f) for f in extraction.facts} == {
        (MACRON.key, "HOLDS_POSITION", PRESIDENT_FRANCE.key, "Positive", "Asserted", None),
        (STOLTENBERG.key, "HOLDS_POSITION", NATO_SG.key, "Positive", "Asserted", None),
        (VON_DER_LEYEN.key, "HOLDS_POSITION", PRESIDENT_EC.key, "Positive", "Asserted", None),
        (UKRAINE.key, "PARTNER_OF", NATO.key, "Positive", "Asserted", STOLTENBERG.key),
        (UKRAINE.key, "COVERED_BY", "nil:TreatyClause:Artikel 5", "Negative", "Asserted", STOLTENBERG.key),
        (SWEDEN.key, "CANDIDATE_FOR", NATO.key, "Positive", "Possible", None),
        (FINLAND.key, "CANDIDATE_FOR", NATO.key, "Positive", "Possible", None),
        (NORWAY.key, "MEMBER_OF", NATO.key, "Positive", "Asserted", None),
        (GEORGIA.key, "CANDIDATE_FOR", NATO.key, "Negative", "Asserted", None),
    }


def test_provenance_of_every_fact() -> None:
    doc, extraction, _ = extracted()
    for f in extraction.facts:
        assert 0.0 <= f.confidence <= 1.0
        assert f.evidence.text == doc.text[f.evidence.begin : f.evidence.end]
        assert f.extractor.name.startswith("kg.facts.") and f.extractor.version
    covered = next(f for f in extraction.facts if f.predicate.name == "COVERED_BY")
    assert covered.evidence.text.startswith("Nato-Generalsekretär Jens Stoltenberg erklärte")


def test_quotations_with_speakers() -> None:
    _, extraction, _ = extracted()
    assert [(q.speaker.key if q.speaker else None, q.text) for q in extraction.quotations] == [
        (MACRON.key, "Wir stehen fest an der Seite unserer Partner"),
        (STOLTENBERG.key, "Das Bündnis verteidigt jeden Zentimeter seines Gebiets."),  # „…“ er sagte.
        (STOLTENBERG.key, "Aber wir lassen unsere Partner nicht allein."),  # continued quotation
        (STOLTENBERG.key, "Wir werden über jeden Antrag rasch entscheiden"),  # »…«, fügte X hinzu
    ]
    for q in extraction.quotations:
        assert TEXT[q.span.begin : q.span.end] == q.text


def test_meetings_with_place_date_and_participants() -> None:
    _, extraction, _ = extracted()
    got = {
        (frozenset(p.key for p in m.participants), m.place.key if m.place else None, m.date)
        for m in extraction.meetings
    }
    assert got == {
        (frozenset({MACRON.key, SCHOLZ.key}), BERLIN.key, dt.date(2022, 3, 2)),  # traf am Mittwoch: past
        (frozenset({VON_DER_LEYEN.key}), MADRID.key, dt.date(2022, 3, 7)),  # trifft am Montag: ahead
    }


def test_graph_plain_triples_only_for_positive_asserted_facts() -> None:
    _, _, result = extracted()
    store = facts_graph(result)
    assert store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q20> <{WDT}P463> <{WD}Q7184> }} }}")
    assert store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q212> <{KGO}partnerOf> <{WD}Q7184> }} }}")
    assert store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q57665> <{WDT}P39> <{WD}Q167662> }} }}")
    # possible and negated facts are reified only
    assert not store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q34> <{KGO}candidateFor> <{WD}Q7184> }} }}")
    assert not store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q230> <{KGO}candidateFor> <{WD}Q7184> }} }}")
    assert not store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q212> <{KGO}coveredBy> ?o }} }}")


def test_graph_reified_negative_coverage_attributed_to_the_speaker() -> None:
    _, _, result = extracted()
    store = facts_graph(result)
    query = f"""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?polarity ?modality ?speaker WHERE {{ GRAPH ?g {{
            ?f rdf:subject <{WD}Q212> ; rdf:predicate <{KGO}coveredBy> ; rdf:object ?o ;
               <{KGO}polarity> ?polarity ; <{KGO}modality> ?modality ; <{KGO}attributedTo> ?speaker .
            ?o rdfs:label ?label .
        }} }}"""
    rows = [
        (r["label"].value, r["polarity"].value, r["modality"].value, r["speaker"].value)
        for r in store.query(query)
    ]
    assert rows == [("Artikel 5", KGO + "Negative", KGO + "Asserted", WD + "Q57665")]
    possible = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s WHERE {{ GRAPH ?g {{ ?f rdf:subject ?s ; rdf:predicate <{KGO}candidateFor> ;
            <{KGO}modality> <{KGO}Possible> ; <{KGO}polarity> <{KGO}Positive> }} }} ORDER BY ?s"""
    assert [r["s"].value for r in store.query(possible)] == [WD + "Q33", WD + "Q34"]
