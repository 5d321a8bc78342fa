"""Wikidata-shaped statements beside the reified facts: queries copied from Wikidata's query service
(no PREFIX lines, as WDQS pre-declares them) run on kg's graphs and see only positive asserted facts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyoxigraph as ox
from golden.cases import RUN, english_result, german_result

from kg.model import DocumentResult, TimeRef, TimeRole
from kg.rdf import DEFAULT_BASE_IRI, document_quads
from kg.store import Store


def _store(*results: DocumentResult) -> Store:
    store = Store.in_memory()
    quads = [q for r in results for q in document_quads(r, RUN, base_iri=DEFAULT_BASE_IRI)]
    store.oxigraph.extend(quads)
    return store


def _dated_membership() -> DocumentResult:
    """The German case with its membership dated from 1955 (a start time: pq:P580)."""
    result = german_result()
    first = result.facts[0]
    assert first.predicate.value.endswith("P463") and first.is_plain
    dated = dataclasses.replace(first, time=TimeRef(dt.date(1955, 5, 9), TimeRole.START))
    return dataclasses.replace(result, facts=(dated, *result.facts[1:]))


def test_wdqs_membership_query_with_start_time() -> None:
    rows = _store(_dated_membership()).select(
        "SELECT ?country ?org ?since WHERE { ?country p:P463 ?st . ?st ps:P463 ?org ; pq:P580 ?since }"
    )
    assert [(r["country"].value, r["org"].value, r["since"]) for r in rows] == [
        (
            "http://www.wikidata.org/entity/Q183",
            "http://www.wikidata.org/entity/Q7184",
            ox.Literal(
                "1955-05-09T00:00:00Z", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
            ),
        )
    ]


def test_wdqs_office_query_with_point_in_time_and_rank() -> None:
    rows = _store(german_result()).select(
        "SELECT ?who ?office ?when WHERE { ?who p:P39 ?st . ?st ps:P39 ?office ; "
        "wikibase:rank wikibase:NormalRank . ?st a wikibase:BestRank . OPTIONAL { ?st pq:P585 ?when } }"
    )
    dated = [(r["office"].value, r["when"].value) for r in rows if "when" in r]
    assert dated == [("http://www.wikidata.org/entity/Q167662", "2024-01-15T00:00:00Z")]
    assert len(rows) == 2  # the NIL office too: it is positive and asserted


def test_statements_exactly_for_plain_facts() -> None:
    store = _store(german_result(), english_result())
    # every statement is a positive asserted fact whose subject links to it, and vice versa
    mismatched = store.select(
        "SELECT ?f WHERE { ?f a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?pred ; rdf:object ?o . "
        "BIND(IRI(REPLACE(STR(?pred), '/direct/', '/')) AS ?p) "
        "BIND(IRI(REPLACE(STR(?pred), '/direct/', '/statement/')) AS ?ps) "
        "BIND(EXISTS { ?s ?p ?f . ?f ?ps ?o } AS ?has) "
        "BIND(STRSTARTS(STR(?pred), STR(wdt:)) && EXISTS { ?f kgo:polarity kgo:Positive ; "
        "kgo:modality kgo:Asserted } AS ?should) FILTER(?has != ?should) }"
    )
    assert mismatched == []
    negated = store.select("SELECT ?f WHERE { ?f a kgo:Fact ; kgo:polarity kgo:Negative }")
    assert negated, "the cases hold negated facts"
    assert not store.select(
        "SELECT ?st WHERE { ?s ?p ?st . ?st kgo:polarity kgo:Negative ; a wikibase:Statement }"
    )
    counts = store.select(
        "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?s ?p ?st . ?st a kgo:Fact . "
        "FILTER(STRSTARTS(STR(?p), STR(p:))) }"
    )
    plain = store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . "
        "FILTER(STRSTARTS(STR(?p), STR(wdt:)) && !STRSTARTS(STR(?s), STR(kgo:))) "
        "?f a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }"
    )
    assert int(counts[0]["n"].value) == int(plain[0]["n"].value) > 0


def test_quotation_statements() -> None:
    store = _store(german_result(), english_result())
    rows = store.select(
        "SELECT ?speaker ?words ?when WHERE { ?speaker p:P1683 ?st . ?st ps:P1683 ?words . "
        "OPTIONAL { ?st pq:P585 ?when } } ORDER BY ?words"
    )
    expected = store.select(
        "SELECT ?speaker ?words WHERE { ?q a kgo:Quotation ; kgo:speaker ?speaker ; rdf:value ?words } "
        "ORDER BY ?words"
    )
    assert [(r["speaker"], r["words"]) for r in rows] == [(r["speaker"], r["words"]) for r in expected]
    assert len(rows) == 2
    assert any(
        r.get("when")
        == ox.Literal(
            "2024-01-18T00:00:00Z", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
        )
        for r in rows
    )


def test_shapes_refuse_a_statement_for_a_negated_fact() -> None:
    from kg.rdf.validate import validate_quads

    quads = document_quads(english_result(), RUN, base_iri=DEFAULT_BASE_IRI)
    assert validate_quads(quads).conforms
    negated = [
        q.subject
        for q in quads
        if q.predicate.value == "https://w3id.org/kg-news/ontology#polarity"
        and q.object.value.endswith("Negative")
    ]
    assert negated
    graph = quads[0].graph_name
    forged = ox.Quad(
        negated[0], ox.NamedNode("http://www.wikidata.org/prop/statement/P463"), negated[0], graph
    )
    report = validate_quads([*quads, forged])
    assert not report.conforms
    assert "NoStatementUnlessAsserted" in report.describe()
