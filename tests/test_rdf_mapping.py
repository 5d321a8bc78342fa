"""The mapping per the output contract, checked with SPARQL over the produced quads."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from golden.cases import (
    ARTICLE_5,
    CASES,
    DEPUTY_MINISTER,
    FACTS_DE,
    GERMANY,
    NATO_DE,
    RUN,
    german_result,
)
from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, Store

from kg.errors import ConfigError
from kg.model import Fact, Predicate, Span
from kg.rdf import DEFAULT_BASE_IRI, document_graph_iri, document_quads, entity_iri

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""


def _store(quads: list[Quad]) -> Store:
    store = Store()
    store.extend(quads)
    return store


def ask(quads: list[Quad], query: str) -> bool:
    result = _store(quads).query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(result, QueryBoolean)
    return bool(result)


def select(quads: list[Quad], query: str) -> list[tuple[str, ...]]:
    result = _store(quads).query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return sorted(tuple(s[n].value if s[n] is not None else "" for n in names) for s in result)


@pytest.fixture(scope="module")
def german() -> list[Quad]:
    return document_quads(german_result(), RUN, base_iri=DEFAULT_BASE_IRI)


@pytest.fixture(scope="module")
def english() -> list[Quad]:
    return document_quads(CASES["english_partners"](), RUN, base_iri=DEFAULT_BASE_IRI)


def test_rdf_mapping_puts_everything_in_the_document_graph(german: list[Quad]) -> None:
    graph = document_graph_iri(german_result().document, DEFAULT_BASE_IRI)
    assert {q.graph_name for q in german} == {graph}
    assert graph.value == DEFAULT_BASE_IRI + "doc/de-treffen-wien"


def test_rdf_mapping_context_holds_the_text_and_metadata(german: list[Quad]) -> None:
    text = german_result().document.text
    rows = select(german, "SELECT ?s ?e ?lang ?issued ?src WHERE { ?c a nif:Context ; nif:isString ?s ; "
                  "nif:beginIndex 0 ; nif:endIndex ?e ; dcterms:language ?lang ; dcterms:issued ?issued ; "
                  "dcterms:source ?src ; dcterms:title ?t }")  # fmt: skip
    assert rows == [
        (text, str(len(text)), "de", "2024-01-16", "https://example.org/nachrichten/baerbock-wien")
    ]


def test_rdf_mapping_plain_triple_only_for_positive_asserted_facts(
    german: list[Quad], english: list[Quad]
) -> None:
    assert ask(german, "ASK { wd:Q183 wdt:P463 wd:Q7184 }")  # Deutschland ist Mitglied der NATO
    assert ask(german, "ASK { ?f a kgo:Fact ; rdf:subject wd:Q212 ; rdf:predicate kgo:coveredBy ; "
               "kgo:polarity kgo:Negative ; kgo:attributedTo wd:Q57665 }")  # fmt: skip
    assert not ask(german, "ASK { wd:Q212 kgo:coveredBy ?clause }")  # negated: no plain triple
    assert ask(english, "ASK { wd:Q33 kgo:partnerOf wd:Q7184 }")
    assert not ask(english, "ASK { wd:Q33 wdt:P463 wd:Q7184 }")  # "… but not members"
    assert not ask(english, "ASK { wd:Q230 kgo:candidateFor wd:Q7184 }")  # only intended
    assert ask(
        english, "ASK { ?f rdf:subject wd:Q230 ; kgo:modality kgo:Intended ; kgo:polarity kgo:Positive }"
    )


def test_rdf_mapping_fact_provenance_and_time(german: list[Quad]) -> None:
    rows = select(
        german,
        """
        SELECT ?anchor ?conf ?date ?name ?version ?pipeline WHERE {
            ?f rdf:subject wd:Q57665 ; rdf:predicate wdt:P39 ; kgo:evidence ?sentence ;
               prov:wasDerivedFrom ?context ; kgo:confidence ?conf ; wdt:P585 ?date ;
               kgo:extractor ?x ; prov:wasGeneratedBy ?run .
            ?sentence a nif:Sentence ; nif:anchorOf ?anchor ; nif:referenceContext ?context .
            ?context a nif:Context .
            ?x kgo:extractorName ?name ; kgo:extractorVersion ?version .
            ?run a kgo:ExtractionRun ; kgo:nlpPipeline ?pipeline ; prov:wasAssociatedWith ?x ;
                 prov:startedAtTime ?t ; kgo:kbVersion ?kb ; kgo:softwareVersion ?sw ;
                 kgo:nlpPipelineVersion ?pv .
            FILTER (datatype(?date) = xsd:date && datatype(?conf) = xsd:double)
        }""",
    )
    sentence = german_result().sentences[0].span.text
    assert rows == [(sentence, "0.75", "2024-01-15", "kg.facts.de.patterns", "2", "blank:de")]


def test_rdf_mapping_mentions_link_to_wikidata_or_typed_nil_entities(german: list[Quad]) -> None:
    rows = select(german, "SELECT ?anchor ?entity WHERE { ?m a nif:Phrase ; nif:anchorOf ?anchor ; "
                  "itsrdf:taIdentRef ?entity }")  # fmt: skip
    assert ("Wien", "http://www.wikidata.org/entity/Q1741") in rows
    assert len(rows) == len(german_result().mentions)
    clause = entity_iri(ARTICLE_5, DEFAULT_BASE_IRI).value
    assert ("Artikel 5", clause) in rows
    assert clause.startswith(DEFAULT_BASE_IRI + "entity/TreatyClause/")
    assert ask(german, f'ASK {{ <{clause}> a kgo:TreatyClause ; rdfs:label "Artikel 5"@de }}')
    assert not ask(german, "ASK { ?x owl:sameAs ?y }")


def test_rdf_mapping_labels_entities_that_only_facts_mention(german: list[Quad]) -> None:
    office = entity_iri(DEPUTY_MINISTER, DEFAULT_BASE_IRI).value
    assert not ask(german, f"ASK {{ ?m itsrdf:taIdentRef <{office}> }}")
    assert ask(
        german, f'ASK {{ <{office}> a kgo:Position ; rdfs:label "stellvertretende Außenministerin"@de }}'
    )
    # linked entities are labelled too, never typed with our kind classes
    assert ask(german, 'ASK { wd:Q57665 rdfs:label "Jens Stoltenberg"@de }')
    assert not ask(german, "ASK { wd:Q57665 a ?kind }")


def test_rdf_mapping_quotation_and_meeting(german: list[Quad]) -> None:
    assert select(
        german,
        "SELECT ?text ?speaker WHERE { ?q a kgo:Quotation ; rdf:value ?text ; "
        "kgo:speaker ?speaker ; kgo:evidence ?s ; prov:wasDerivedFrom ?s, ?c . "
        "?c a nif:Context . ?s a nif:Sentence }",
    ) == [("Wir stehen fest an der Seite unserer Partner", "http://www.wikidata.org/entity/Q564328")]
    rows = select(german, "SELECT ?p ?place ?date WHERE { ?m a kgo:Meeting ; wdt:P710 ?p ; wdt:P276 ?place ; "
                  "wdt:P585 ?date FILTER (datatype(?date) = xsd:date) }")  # fmt: skip
    assert {r[0] for r in rows} == {
        "http://www.wikidata.org/entity/Q564328",
        "http://www.wikidata.org/entity/Q57665",
    }
    assert {r[1:] for r in rows} == {("http://www.wikidata.org/entity/Q1741", "2024-01-15")}


def test_rdf_mapping_is_deterministic_and_only_run_time_changes_the_run(german: list[Quad]) -> None:
    assert document_quads(german_result(), RUN, base_iri=DEFAULT_BASE_IRI) == german
    later = dataclasses.replace(RUN, started=RUN.started + dt.timedelta(hours=1))
    moved = document_quads(german_result(), later, base_iri=DEFAULT_BASE_IRI)
    runs = {q.subject for qs in (german, moved) for q in qs if q.object == NamedNode(
        "https://w3id.org/kg-news/ontology#ExtractionRun")}  # fmt: skip
    assert len(runs) == 2
    facts = [{q.subject for q in qs if q.predicate.value.endswith("#polarity")} for qs in (german, moved)]
    assert facts[0] == facts[1] and len(facts[0]) == 4


def test_rdf_mapping_base_iri_is_configurable() -> None:
    base = "http://example.org/news-kg/"
    quads = document_quads(german_result(), RUN, base_iri="http://example.org/news-kg")  # "/" is added
    iris = {t.value for q in quads for t in (q.subject, q.object, q.graph_name) if isinstance(t, NamedNode)}
    assert not any(i.startswith(DEFAULT_BASE_IRI) for i in iris)
    assert f"{base}doc/de-treffen-wien" in iris
    assert any(i.startswith(f"{base}entity/Position/") for i in iris)
    with pytest.raises(ConfigError, match="base IRI"):
        document_quads(german_result(), RUN, base_iri="not an iri")


def test_rdf_mapping_merges_duplicate_facts_keeping_the_most_confident() -> None:
    result = german_result()
    member = next(f for f in result.facts if f.predicate is Predicate.MEMBER_OF)
    twice = dataclasses.replace(result, facts=(*result.facts, dataclasses.replace(member, confidence=0.99)))
    quads = document_quads(twice, RUN, base_iri=DEFAULT_BASE_IRI)
    query = "SELECT ?c WHERE { ?f rdf:subject wd:Q183 ; rdf:predicate wdt:P463 ; kgo:confidence ?c }"
    assert select(quads, query) == [("0.99",)]


def test_rdf_mapping_refuses_offsets_that_miss_the_words() -> None:
    result = german_result()
    wrong = Fact(GERMANY, Predicate.MEMBER_OF, NATO_DE, Span(0, 4, "NATO"), 0, FACTS_DE, 0.5)
    with pytest.raises(ValueError, match="does not match the document text"):
        document_quads(dataclasses.replace(result, facts=(wrong,)), RUN, base_iri=DEFAULT_BASE_IRI)


def test_rdf_mapping_refuses_empty_spans() -> None:
    result = german_result()
    empty = Fact(GERMANY, Predicate.MEMBER_OF, NATO_DE, Span(3, 3, ""), 0, FACTS_DE, 0.5)
    with pytest.raises(ValueError, match="empty evidence span"):
        document_quads(dataclasses.replace(result, facts=(empty,)), RUN, base_iri=DEFAULT_BASE_IRI)


def test_rdf_mapping_entity_iri_accepts_a_base_without_slash() -> None:
    with_slash = entity_iri(ARTICLE_5, "http://example.org/kg/")
    assert entity_iri(ARTICLE_5, "http://example.org/kg") == with_slash
    assert with_slash.value.startswith("http://example.org/kg/entity/TreatyClause/artikel-5-")


def test_rdf_mapping_run_is_associated_with_the_extractors_that_produced_records(german: list[Quad]) -> None:
    # The run's full list has the English patterns too; a German document's graph describes only
    # the extractors whose records it holds, each with its name and version.
    associated = select(german, "SELECT ?x WHERE { ?run a kgo:ExtractionRun ; prov:wasAssociatedWith ?x }")
    used = select(german, "SELECT DISTINCT ?x WHERE { ?record kgo:extractor ?x }")
    described = select(german, "SELECT ?x WHERE { ?x a kgo:Extractor ; kgo:extractorVersion ?v }")
    assert associated == used == described
    assert (f"{DEFAULT_BASE_IRI}extractor/kg.facts.de.patterns/v2",) in associated
    assert (f"{DEFAULT_BASE_IRI}extractor/kg.facts.en.patterns/v1",) not in associated
    assert FACTS_DE in RUN.extractors
