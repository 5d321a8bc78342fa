"""kg serve over real HTTP: the SPARQL 1.1 Protocol, content negotiation, GSP, health, refusals, limits."""

from __future__ import annotations

import csv
import io
import json
import signal
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from _store_support import NEWS_TRIG, TOKEN, Server, http, kg_serve, load_fixture_store, select_json
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.store import Store

FACTS = "SELECT ?f WHERE { ?f a <https://w3id.org/kg-news/ontology#Fact> } ORDER BY ?f"
MEETINGS_CONSTRUCT = (
    "CONSTRUCT { ?m ?p ?o } WHERE { ?m a <https://w3id.org/kg-news/ontology#Meeting> ; ?p ?o }"
)
DOC_EN = "https://w3id.org/kg-news/id/doc-en1"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_fixture_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[Server]:
    with kg_serve(store_dir, "--max-rows", "250", "--timeout", "20") as srv:
        yield srv


def _reference() -> Store:
    """The fixture in an in-memory store: the expected answers, without touching the server's store."""
    store = Store.in_memory()
    store.load_file(NEWS_TRIG)
    return store


def _expected_facts(store_dir: Path) -> list[str]:
    return [r["f"].value for r in _reference().select(FACTS)]


def test_query_by_get_post_form_and_post_direct_agree(server: Server) -> None:
    status1, _, body1 = http("GET", server.sparql + "?" + urllib.parse.urlencode({"query": FACTS}))
    status2, _, body2 = http(
        "POST",
        server.sparql,
        body=urllib.parse.urlencode({"query": FACTS}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    status3, headers3, body3 = http(
        "POST", server.sparql, body=FACTS, headers={"Content-Type": "application/sparql-query"}
    )
    assert status1 == status2 == status3 == 200
    assert headers3["content-type"].startswith("application/sparql-results+json")
    rows = [r["f"] for r in select_json(body1)]
    assert rows == [r["f"] for r in select_json(body2)] == [r["f"] for r in select_json(body3)]
    assert len(rows) == 9 and all(r.startswith("https://w3id.org/kg-news/id/fact-") for r in rows)


def test_sparqlwrapper_client(server: Server, store_dir: Path) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(FACTS)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert [b["f"]["value"] for b in data["results"]["bindings"]] == _expected_facts(store_dir)


@pytest.mark.parametrize(
    ("accept", "parse"),
    [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/csv", ox.QueryResultsFormat.CSV),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_select_content_negotiation(
    server: Server, store_dir: Path, accept: str, parse: ox.QueryResultsFormat
) -> None:
    query = (
        "SELECT ?f ?conf ?label WHERE { ?f a <https://w3id.org/kg-news/ontology#Fact> ; "
        "<https://w3id.org/kg-news/ontology#confidence> ?conf . "
        "OPTIONAL { ?f <http://example.org/none> ?label } }"
        " ORDER BY ?f"
    )
    status, headers, body = http(
        "POST",
        server.sparql,
        body=query,
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    assert status == 200, body
    assert headers["content-type"].startswith(accept)
    if parse == ox.QueryResultsFormat.CSV:  # lossy, so pyoxigraph does not parse it: read it as CSV
        table = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
        rows = [(r["f"], r["conf"], r["label"] or None) for r in table]
    else:
        parsed = ox.parse_query_results(body, format=parse)
        rows = [(s["f"].value, s["conf"].value, s["label"]) for s in parsed]
    assert [r[0] for r in rows] == _expected_facts(store_dir)
    assert all(r[2] is None for r in rows)  # unbound stays unbound
    assert {float(r[1]) for r in rows} >= {0.9, 0.7}


def test_select_csv_keeps_unicode_and_quotes(server: Server) -> None:
    query = (
        "SELECT ?text WHERE { ?q a <https://w3id.org/kg-news/ontology#Quotation> ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?text } ORDER BY ?text"
    )
    status, _, body = http(
        "GET", server.sparql + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/csv"}
    )
    assert status == 200
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["text"]
    assert sorted(r[0] for r in rows[1:]) == ["Our support will not waver,", "Wir brauchen mehr Luftabwehr"]


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_content_negotiation(server: Server, accept: str) -> None:
    for query, expected in [
        ("ASK { ?x a <https://w3id.org/kg-news/ontology#Meeting> }", True),
        ("ASK { ?x a <http://example.org/Nothing> }", False),
    ]:
        status, headers, body = http(
            "POST",
            server.sparql,
            body=query,
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
        )
        assert status == 200 and headers["content-type"].startswith(accept)
        fmt = ox.QueryResultsFormat.JSON if "json" in accept else ox.QueryResultsFormat.XML
        assert bool(ox.parse_query_results(body, format=fmt)) is expected


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_and_describe_content_negotiation(
    server: Server, store_dir: Path, accept: str, rdflib_format: str
) -> None:
    status, headers, body = http(
        "POST",
        server.sparql,
        body=MEETINGS_CONSTRUCT,
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    assert status == 200 and headers["content-type"].startswith(accept)
    got = rdflib.Graph().parse(data=body, format=rdflib_format)
    expected = rdflib.Graph().parse(
        data=ox.serialize(_reference().query(MEETINGS_CONSTRUCT), format=ox.RdfFormat.N_TRIPLES),
        format="nt",
    )
    assert len(got) == len(expected) > 0
    assert rdflib.compare.isomorphic(got, expected)
    status, _, body = http(
        "GET",
        server.sparql
        + "?"
        + urllib.parse.urlencode({"query": "DESCRIBE <http://www.wikidata.org/entity/Q212>"}),
        headers={"Accept": accept},
    )
    assert status == 200
    described = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert (rdflib.URIRef("http://www.wikidata.org/entity/Q212"), None, None) in described


def test_an_accept_nothing_fits_gets_the_default_format_not_406(server: Server) -> None:
    status, headers, body = http("GET", server.sparql + "?query=ASK%7B%7D", headers={"Accept": "image/png"})
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
    assert json.loads(body)["boolean"] is True


def test_service_description(server: Server) -> None:
    status, headers, body = http("GET", server.sparql, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoints = list(graph.objects(None, sd.endpoint))
    assert endpoints == [rdflib.URIRef(server.sparql)]
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Update) not in graph  # read-only


def test_graph_store_get(server: Server, store_dir: Path) -> None:
    url = server.url + "/store?" + urllib.parse.urlencode({"graph": DOC_EN})
    status, _, body = http("GET", url, headers={"Accept": "application/n-triples"})
    assert status == 200
    got = rdflib.Graph().parse(data=body, format="nt")
    quads = _reference().graph_quads(DOC_EN)
    expected = rdflib.Graph().parse(
        data=ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES), format="nt"
    )
    assert rdflib.compare.isomorphic(got, expected)
    missing = server.url + "/store?" + urllib.parse.urlencode({"graph": "http://example.org/none"})
    assert http("GET", missing)[0] == 404
    status, _, body = http("GET", server.url + "/store", headers={"Accept": "application/n-quads"})
    assert status == 200 and len(list(ox.parse(body, format=ox.RdfFormat.N_QUADS))) == 270


def test_health_and_page(server: Server) -> None:
    status, _, body = http("GET", server.url + "/health")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, headers, body = http("GET", server.url + "/")
    assert status == 200 and b"yasgui.min.js" in body
    status, headers, _ = http("GET", server.url + "/assets/yasgui.min.js")
    assert status == 200 and "javascript" in headers["content-type"]
    assert http("GET", server.url + "/assets/../server.py")[0] == 404
    status, _, body = http("GET", server.url + "/queries.json")
    assert status == 200 and {q["name"] for q in json.loads(body)} >= {"office-holders", "entity"}


def test_bad_query_is_400_with_the_reason(server: Server) -> None:
    status, _, body = http("GET", server.sparql + "?query=SELECT%20%7B")
    assert status == 400 and b"bad query" in body


def test_update_is_refused_when_read_only(server: Server) -> None:
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        status, _, body = http(
            "POST",
            server.sparql,
            body="CLEAR ALL",
            headers={"Content-Type": "application/sparql-update", **headers},
        )
        assert status in (401, 403) and b"read-only" in body
    put = http(
        "PUT",
        server.url + "/store?graph=http%3A%2F%2Fexample.org%2Fg",
        body="<a:b> <a:c> <a:d> .",
        headers={"Content-Type": "text/turtle"},
    )
    assert put[0] in (401, 403)
    assert json.loads(http("GET", server.url + "/health")[2])["triples"] == 270


def test_service_outside_the_allow_list_is_refused(server: Server) -> None:
    for target in ("<http://127.0.0.1:9/sparql>", "ex:sparql", r"<http://127.0.0.1\u003A9/sparql>"):
        query = f"PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}"
        status, _, body = http(
            "POST", server.sparql, body=query, headers={"Content-Type": "application/sparql-query"}
        )
        assert status == 403 and b"not allowed" in body
    status, _, body = http(
        "POST",
        server.sparql,
        body="SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert status == 403


def test_row_cap(server: Server) -> None:
    status, _, body = http(
        "GET", server.sparql + "?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    )
    assert status == 413 and b"250" in body and b"LIMIT" in body
    ok = http("GET", server.sparql + "?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } LIMIT 250"))
    assert ok[0] == 200 and len(select_json(ok[2])) == 250


def test_updates_need_the_token_when_allowed(tmp_path: Path) -> None:
    store = load_fixture_store(tmp_path / "store")
    with kg_serve(store, "--allow-update", token=TOKEN) as srv:
        insert = (
            "INSERT DATA { GRAPH <http://example.org/g> "
            '{ <http://example.org/a> <http://example.org/b> "c" } }'
        )
        for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}):
            status, resp_headers, _ = http(
                "POST",
                srv.sparql,
                body=insert,
                headers={"Content-Type": "application/sparql-update", **headers},
            )
            assert status == 401 and "bearer" in resp_headers.get("www-authenticate", "").lower()
        status, _, _ = http(
            "POST",
            srv.sparql,
            body=insert,
            headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        )
        assert status in (200, 204)
        ask = http("GET", srv.sparql + "?query=" + urllib.parse.quote("ASK { <http://example.org/a> ?p ?o }"))
        assert json.loads(ask[2])["boolean"] is True
        # Graph Store Protocol write: PUT replaces, DELETE drops
        url = srv.url + "/store?graph=" + urllib.parse.quote("http://example.org/g", safe="")
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert (
            http(
                "PUT",
                url,
                body='<http://example.org/x> <http://example.org/y> "z" .',
                headers={"Content-Type": "text/turtle"},
            )[0]
            == 401
        )
        assert http(
            "PUT",
            url,
            body='<http://example.org/x> <http://example.org/y> "z" .',
            headers={"Content-Type": "text/turtle", **auth},
        )[0] in (201, 204)
        got = rdflib.Graph().parse(
            data=http("GET", url, headers={"Accept": "application/n-triples"})[2], format="nt"
        )
        assert len(got) == 1 and (rdflib.URIRef("http://example.org/x"), None, None) in got
        assert http("DELETE", url, headers=auth)[0] == 204
        assert http("GET", url)[0] == 404
        # even with the token, LOAD (which fetches any URL) is refused
        load = http(
            "POST",
            srv.sparql,
            body=f"LOAD <{srv.url}/health> INTO GRAPH <http://example.org/l>",
            headers={"Content-Type": "application/sparql-update", **auth},
        )
        assert load[0] == 403 and b"LOAD is disabled" in load[2]


def test_runaway_query_stops_at_the_timeout_and_others_still_run(tmp_path: Path) -> None:
    store = load_fixture_store(tmp_path / "store")
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    # The limit is only a margin: the quick query must come back before the runaway one is stopped,
    # however slow a busy machine is.
    with kg_serve(store, "--timeout", "10", "--max-running", "4") as srv:
        answer: dict[str, tuple[int, bytes]] = {}

        def slow() -> None:
            status, _, body = http(
                "POST", srv.sparql, body=runaway, headers={"Content-Type": "application/sparql-query"}
            )
            answer["slow"] = (status, body)

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.5)  # let the runaway query start first
        quick = http("GET", srv.sparql + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        still_running = thread.is_alive()
        thread.join(timeout=60)
        assert quick[0] == 200 and json.loads(quick[2])["boolean"] is True
        assert still_running, "a quick query waited for the runaway one: queries do not run in parallel"
        status, body = answer["slow"]
        assert status == 503
        assert b"10 s limit" in body and b"--timeout" in body
        # the server is still healthy afterwards
        assert http("GET", srv.url + "/health")[0] == 200


def test_keep_alive_connection_serves_get_then_post(server: Server) -> None:
    """Several requests on one connection (as browsers do): each request's body is its own."""
    import http.client

    port = int(server.url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/health")
        first = conn.getresponse()
        assert first.status == 200
        first.read()
        conn.request("GET", "/store", headers={"Accept": "application/n-quads"})  # streamed in chunks
        dump = conn.getresponse()
        assert dump.status == 200 and dump.getheader("Transfer-Encoding") == "chunked"
        assert len(list(ox.parse(dump.read(), format=ox.RdfFormat.N_QUADS))) == 270
        conn.request(
            "POST",
            "/sparql",
            body=urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        second = conn.getresponse()
        assert second.status == 200 and json.loads(second.read())["boolean"] is True
        conn.request(
            "POST",
            "/sparql",
            body="ASK { ?s a <http://example.org/None> }",
            headers={"Content-Type": "application/sparql-query"},
        )
        third = conn.getresponse()
        assert third.status == 200 and json.loads(third.read())["boolean"] is False
    finally:
        conn.close()


def test_timed_out_queries_still_hold_their_slot_so_runaways_cannot_pile_up(tmp_path: Path) -> None:
    store = load_fixture_store(tmp_path / "store")
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with kg_serve(store, "--timeout", "1", "--max-running", "1") as srv:
        status, _, body = http(
            "POST", srv.sparql, body=runaway, headers={"Content-Type": "application/sparql-query"}
        )
        assert status == 503 and b"limit" in body
        # the engine is still computing the COUNT (it cannot be cancelled): the one slot stays taken
        status, headers, body = http("GET", srv.sparql + "?query=" + urllib.parse.quote("ASK {}"))
        assert status == 503 and b"busy" in body and headers.get("retry-after") == "5"
        assert http("GET", srv.url + "/health")[0] == 200  # the rest of the server still answers
        # Ctrl-C stops the server although the abandoned query is still computing
        srv.proc.send_signal(signal.SIGINT)
        assert srv.proc.wait(timeout=60) == 0


def test_library_queries_are_served_with_parameters_filled_in(server: Server) -> None:
    status, headers, body = http("GET", server.url + "/queries/entity.rq?entity=wd%3AQ183")
    assert status == 200 and headers["content-type"].startswith("application/sparql-query")
    assert b"<http://www.wikidata.org/entity/Q183>" in body and b"$entity" not in body.split(b"PREFIX")[-1]
    hostile = http(
        "GET", server.url + "/queries/entity.rq?" + urllib.parse.urlencode({"entity": "x } DROP ALL {"})
    )
    assert hostile[0] == 200 and b'"x } DROP ALL {"' in hostile[2]
    assert http("GET", server.url + "/queries/entity.rq?nope=1")[0] == 400
    assert http("GET", server.url + "/queries/no-such.rq")[0] == 404
