"""The SPARQL 1.1 service description of the endpoint (served on GET /sparql without a query)."""

from __future__ import annotations

import pyoxigraph as ox


def service_description(endpoint_url: str, *, update: bool) -> list[ox.Triple]:
    endpoint = ox.NamedNode(endpoint_url)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default_graph = ox.BlankNode("defaultGraph")

    def n(local: str) -> ox.NamedNode:
        return ox.NamedNode(sd + local)

    triples = [
        ox.Triple(service, rdf_type, n("Service")),
        ox.Triple(service, n("endpoint"), endpoint),
        ox.Triple(service, n("supportedLanguage"), n("SPARQL11Query")),
        ox.Triple(service, n("feature"), n("UnionDefaultGraph")),
        ox.Triple(service, n("feature"), n("BasicFederatedQuery")),
        ox.Triple(service, n("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, n("Dataset")),
        ox.Triple(dataset, n("defaultGraph"), default_graph),
        ox.Triple(default_graph, rdf_type, n("Graph")),
    ]
    if update:
        triples.append(ox.Triple(service, n("supportedLanguage"), n("SPARQL11Update")))
    for fmt in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        triples.append(
            ox.Triple(service, n("resultFormat"), ox.NamedNode("http://www.w3.org/ns/formats/" + fmt))
        )
    return triples
