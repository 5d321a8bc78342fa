"""Real clients against kg serve on 127.0.0.1: SPARQLWrapper and rdflib's SPARQLStore/SPARQLUpdateStore,
every return format they offer for every query kind, both HTTP methods; Basic auth; browsers."""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.parse
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from _store_support import NEWS_TRIG, TOKEN, Server, http, kg_serve, load_fixture_store
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from kg.store import Store

KGO = "https://w3id.org/kg-news/ontology#"
FACTS = f"SELECT ?f ?conf WHERE {{ ?f a <{KGO}Fact> ; <{KGO}confidence> ?conf }} ORDER BY ?f"
ASK_TRUE = f"ASK {{ ?x a <{KGO}Meeting> }}"
ASK_FALSE = "ASK { ?x a <http://example.org/Nothing> }"
CONSTRUCT = f"CONSTRUCT {{ ?m ?p ?o }} WHERE {{ ?m a <{KGO}Meeting> ; ?p ?o }}"
DESCRIBE = "DESCRIBE <http://www.wikidata.org/entity/Q212>"
Q212 = rdflib.URIRef("http://www.wikidata.org/entity/Q212")
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = load_fixture_store(tmp_path_factory.mktemp("clients") / "store")
    with kg_serve(store) as srv:
        yield srv


@pytest.fixture(scope="module")
def reference() -> Store:
    store = Store.in_memory()
    store.load_file(NEWS_TRIG)
    return store


def _expected_facts(reference: Store) -> list[str]:
    return [r["f"].value for r in reference.select(FACTS)]


def _expected_graph(reference: Store, query: str) -> rdflib.Graph:
    data = ox.serialize(reference.query(query), format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def _wrapper(server: Server, query: str, fmt: str, method: str) -> Any:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = client.query()
        converted = result.convert()
    mismatches = [str(w.message) for w in caught if "Format requested" in str(w.message)]
    return converted, result.response.headers.get("Content-Type", ""), mismatches


# ---- SPARQLWrapper ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [XML, JSON, CSV, TSV])
def test_sparqlwrapper_select(server: Server, reference: Store, fmt: str, method: str) -> None:
    data, content_type, mismatches = _wrapper(server, FACTS, fmt, method)
    assert not mismatches, mismatches
    if fmt == XML:
        rows = [
            b.getElementsByTagName("uri")[0].firstChild.data
            for b in data.getElementsByTagName("binding")
            if b.getAttribute("name") == "f"
        ]
    elif fmt == JSON:
        rows = [b["f"]["value"] for b in data["results"]["bindings"]]
    elif fmt == CSV:
        assert content_type.startswith("text/csv")
        rows = [r["f"] for r in csv.DictReader(io.StringIO(data.decode("utf-8")))]
    else:
        assert content_type.startswith("text/tab-separated-values")
        lines = data.decode("utf-8").splitlines()
        assert lines[0].split("\t") == ["?f", "?conf"]
        rows = [line.split("\t")[0].strip("<>") for line in lines[1:]]
    assert rows == _expected_facts(reference) and len(rows) == 9


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [XML, JSON, CSV, TSV])
def test_sparqlwrapper_ask(server: Server, fmt: str, method: str) -> None:
    for query, expected in ((ASK_TRUE, True), (ASK_FALSE, False)):
        data, content_type, mismatches = _wrapper(server, query, fmt, method)
        if fmt == XML:
            assert not mismatches
            assert data.getElementsByTagName("boolean")[0].firstChild.data == str(expected).lower()
        else:
            # JSON asked for, or CSV/TSV, which define no boolean: the default, SPARQL JSON, comes back
            assert content_type.startswith("application/sparql-results+json")
            assert data["boolean"] is expected


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [XML, RDFXML, RDF, TURTLE, N3, JSONLD, JSON])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_sparqlwrapper_graphs(server: Server, reference: Store, query: str, fmt: str, method: str) -> None:
    data, content_type, mismatches = _wrapper(server, query, fmt, method)
    assert not mismatches, mismatches
    if isinstance(data, bytes):  # SPARQLWrapper hands Turtle and N3 over as they came
        assert fmt in (TURTLE, N3)
        data = rdflib.Graph().parse(data=data, format="turtle")
    assert isinstance(data, rdflib.Graph)
    expected_type = {
        XML: "application/rdf+xml",
        RDFXML: "application/rdf+xml",
        RDF: "application/rdf+xml",
        TURTLE: "text/turtle",
        N3: "text/n3",  # Turtle, which is N3
        JSONLD: "application/ld+json",
        JSON: "application/ld+json",
    }[fmt]
    assert content_type.startswith(expected_type)
    expected = _expected_graph(reference, query)
    assert len(data) == len(expected) > 0
    assert rdflib.compare.isomorphic(data, expected)
    if query == DESCRIBE:
        assert (Q212, None, None) in data


def test_sparqlwrapper_update_with_basic_credentials(tmp_path: Path) -> None:
    store = load_fixture_store(tmp_path / "store")
    insert = (
        'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> "c" } }'
    )
    with kg_serve(store, "--allow-update", token=TOKEN) as srv:
        wrong = SPARQLWrapper(srv.sparql)
        wrong.setCredentials("kg", "not-the-token-at-all")
        wrong.setMethod(POST)
        wrong.setQuery(insert)
        with pytest.raises(Exception, match=r"401|Unauthorized"):
            wrong.query()
        client = SPARQLWrapper(srv.sparql)
        client.setCredentials("anyone", TOKEN)
        client.setMethod(POST)
        client.setQuery(insert)
        assert client.query().response.status in (200, 204)
        ask = SPARQLWrapper(srv.sparql)
        ask.setQuery("ASK { GRAPH <http://example.org/g> { <http://example.org/a> ?p ?o } }")
        ask.setReturnFormat(JSON)
        assert ask.query().convert()["boolean"] is True


# ---- rdflib SPARQLStore / SPARQLUpdateStore ---------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("fmt", ["xml", "json", "csv", "tsv"])
def test_rdflib_sparqlstore_every_kind(server: Server, reference: Store, fmt: str, method: str) -> None:
    graph = rdflib.Graph(SPARQLStore(server.sparql, returnFormat=fmt, method=method))
    rows = [str(row[0]) for row in graph.query(FACTS)]
    assert rows == _expected_facts(reference)
    assert graph.query(ASK_TRUE).askAnswer is True
    assert graph.query(ASK_FALSE).askAnswer is False
    for query in (CONSTRUCT, DESCRIBE):
        got = graph.query(query).graph
        assert got is not None
        assert rdflib.compare.isomorphic(got, _expected_graph(reference, query)) and len(got) > 0


def test_rdflib_sparqlupdatestore_with_auth(tmp_path: Path) -> None:
    store_dir = load_fixture_store(tmp_path / "store")
    target = rdflib.URIRef("http://example.org/rdflib-graph")
    ex = rdflib.Namespace("http://example.org/")
    triple = (ex.s, ex.p, rdflib.Literal("o"))
    with kg_serve(store_dir, "--allow-update", token=TOKEN) as srv:
        refused = SPARQLUpdateStore(srv.sparql, srv.sparql, auth=("kg", "wrong-token-wrong-token"))
        with pytest.raises(urllib.error.HTTPError) as excinfo:
            rdflib.Graph(refused, identifier=target).add(triple)
        assert excinfo.value.code == 401
        store = SPARQLUpdateStore(srv.sparql, srv.sparql, auth=("kg", TOKEN), returnFormat="json")
        graph = rdflib.Graph(store, identifier=target)
        graph.add(triple)
        assert triple in graph
        assert len(graph) == 1
        graph.remove(triple)
        assert len(graph) == 0


# ---- other clients' habits --------------------------------------------------------------------------


def test_accept_n_quads_for_a_construct(server: Server, reference: Store) -> None:
    url = server.sparql + "?" + urllib.parse.urlencode({"query": CONSTRUCT})
    status, headers, body = http("GET", url, headers={"Accept": "application/n-quads"})
    assert status == 200 and headers["content-type"].startswith("application/n-quads")
    got = rdflib.Graph().parse(data=body, format="nquads")
    assert rdflib.compare.isomorphic(got, _expected_graph(reference, CONSTRUCT))


def test_format_hint_that_does_not_fit_the_query_kind_is_ignored(server: Server) -> None:
    # csv for a graph: ignored, Accept decides; unknown names: ignored, the default decides
    url = server.sparql + "?" + urllib.parse.urlencode({"query": CONSTRUCT, "format": "csv"})
    status, headers, _ = http("GET", url, headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    url = server.sparql + "?" + urllib.parse.urlencode({"query": FACTS, "output": "weird", "results": "nt"})
    status, headers, _ = http("GET", url)
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")


def test_browser_gets_an_html_page(server: Server, reference: Store) -> None:
    url = server.sparql + "?" + urllib.parse.urlencode({"query": FACTS})
    status, headers, body = http("GET", url, headers={"Accept": BROWSER_ACCEPT})
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "<table>" in page and "9 rows" in page
    assert all(iri in page for iri in _expected_facts(reference))
    assert "<textarea" in page and "/?query=" in page  # editable, and a link to the query page
    construct = server.sparql + "?" + urllib.parse.urlencode({"query": CONSTRUCT})
    status, headers, body = http("GET", construct, headers={"Accept": BROWSER_ACCEPT})
    assert status == 200 and headers["content-type"].startswith("text/html") and b"triples" in body
    # the endpoint's address itself: a browser goes to the query page, a client gets the description
    status, headers, _ = http("GET", server.sparql, headers={"Accept": BROWSER_ACCEPT})
    assert status == 200 and headers["content-type"].startswith("text/html")  # urllib followed the 303
    status, headers, _ = http("GET", server.sparql, headers={"Accept": "application/rdf+xml"})
    assert status == 200 and headers["content-type"].startswith("application/rdf+xml")
    # an explicit format wins over the browser's Accept
    status, headers, _ = http("GET", url + "&format=csv", headers={"Accept": BROWSER_ACCEPT})
    assert status == 200 and headers["content-type"].startswith("text/csv")


def test_graph_store_default_is_the_union_the_queries_see(server: Server) -> None:
    nt = {"Accept": "application/n-triples"}
    status, headers, body = http("GET", server.url + "/store?default", headers=nt)
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    got = rdflib.Graph().parse(data=body, format="nt")
    url = server.sparql + "?" + urllib.parse.urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"})
    answer = http("GET", url, headers={"Accept": "text/turtle"})[2]
    everything = rdflib.Graph().parse(data=answer, format="turtle")
    assert len(got) > 100 and rdflib.compare.isomorphic(got, everything)
    # SPARQLWrapper-style format hints on the Graph Store too
    status, headers, body = http("GET", server.url + "/store?default&format=xml")
    assert status == 200 and headers["content-type"].startswith("application/rdf+xml")
    assert len(rdflib.Graph().parse(data=body, format="xml")) == len(got)
