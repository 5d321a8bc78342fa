"""Every query in queries/ runs on the fixture store with the expected answer, through `kg query --store`,
through `kg query --endpoint` (SPARQLWrapper) and through plain HTTP against `kg serve` — and all agree."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import rdflib
from _store_support import (
    FIXTURES,
    NEWS_TRIG,
    REPO_ROOT,
    Server,
    http,
    kg_serve,
    load_fixture_store,
    oxigraph_endpoint,
    run_kg,
    select_json,
)

from kg.store.library import library

WD = "http://www.wikidata.org/entity/"
KGO = "https://w3id.org/kg-news/ontology#"
WIKIDATA_SAMPLE = FIXTURES / "wikidata-sample.ttl"
Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def wikidata_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local Oxigraph holding a Wikidata-shaped sample; yields its SPARQL query URL."""
    with oxigraph_endpoint(tmp_path_factory.mktemp("wikidata"), WIKIDATA_SAMPLE) as url:
        yield url


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_fixture_store(tmp_path_factory.mktemp("local") / "store")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, wikidata_sample: str) -> Iterator[Server]:
    store = load_fixture_store(tmp_path_factory.mktemp("served") / "store")
    with kg_serve(store, "--allow-service", wikidata_sample) as srv:
        yield srv


def _params_for(name: str, wikidata_sample: str) -> list[str]:
    return ["--param", f"wikidata=<{wikidata_sample}>"] if name == "wikidata-countries" else []


def _kg_query(*args: str) -> Rows:
    result = run_kg("query", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def _pairs(rows: Rows, *keys: str) -> set[tuple[str, ...]]:
    return {tuple(r.get(k, "") for k in keys) for r in rows}


# ---- expected answers on tests/fixtures/store/news.trig ----------------------------------------------


def _partners(rows: Rows) -> None:
    assert _pairs(rows, "partner", "organisation", "explicitlyDenied") == {
        (WD + "Q212", WD + "Q7184", "true"),
        (WD + "Q230", WD + "Q7184", "false"),
    }
    ukraine = next(r for r in rows if r["partner"] == WD + "Q212")
    assert "Artikel 5" in ukraine["evidence"]


def _candidates(rows: Rows) -> None:
    assert _pairs(rows, "organisation", "candidate", "modality") == {
        (WD + "Q7184", WD + "Q212", KGO + "Possible"),
        (WD + "Q7184", WD + "Q34", KGO + "Applied"),
    }


def _office(rows: Rows) -> None:
    assert _pairs(rows, "person", "position") == {
        (WD + "Q57792", WD + "Q167662"),
        (WD + "Q61053", WD + "Q4970706"),
    }
    assert _pairs(rows, "person", "date") >= {(WD + "Q61053", "2023-07-11")}


def _quotations(rows: Rows) -> None:
    assert _pairs(rows, "speaker", "text") == {
        (WD + "Q3874799", "Wir brauchen mehr Luftabwehr"),
        (WD + "Q61053", "Our support will not waver,"),
    }


def _meetings(rows: Rows) -> None:
    assert [(r["place"], r["date"], r["participantCount"]) for r in rows] == [
        (WD + "Q239", "2024-06-13", "2"),
        (WD + "Q216", "2023-07-11", "2"),
    ]  # newest first
    assert "Olaf Scholz" in rows[1]["participants"]


def _negated(rows: Rows) -> None:
    assert _pairs(rows, "subject", "predicate", "object") == {
        (WD + "Q212", KGO + "coveredBy", "https://w3id.org/kg-news/id/treaty-clause-article-5"),
        (WD + "Q217", "http://www.wikidata.org/prop/direct/P463", WD + "Q7184"),
    }
    assert all(r["evidence"] for r in rows)


def _evidence(rows: Rows) -> None:
    assert len(rows) == 9
    for row in rows:
        assert len(row["evidence"]) == int(row["end"]) - int(row["begin"]) > 0
        assert row["document"].startswith("https://w3id.org/kg-news/id/doc-")


def _entity(rows: Rows) -> None:  # default entity: wd:Q212 (Ukraine)
    roles = sorted(r["role"] for r in rows)
    assert roles == ["mentioned", "subject of fact", "subject of fact", "subject of fact"]


def _per_document(rows: Rows) -> None:
    assert _pairs(rows, "document", "facts", "negatedFacts", "quotations", "meetings") == {
        ("https://w3id.org/kg-news/id/doc-de1", "4", "1", "1", "1"),
        ("https://w3id.org/kg-news/id/doc-en1", "5", "1", "1", "1"),
    }


def _countries(rows: Rows) -> None:
    # expected: the mentioned entities (news.trig) that the Wikidata sample types as countries
    news = rdflib.Dataset()
    news.parse(NEWS_TRIG, format="trig")
    mentioned = {
        str(o)
        for _, _, o, _ in news.quads(
            (None, rdflib.URIRef("http://www.w3.org/2005/11/its/rdf#taIdentRef"), None, None)
        )
    }
    sample = rdflib.Graph().parse(WIKIDATA_SAMPLE, format="turtle")
    p31, p297 = (rdflib.URIRef("http://www.wikidata.org/prop/direct/" + p) for p in ("P31", "P297"))
    countries = {
        str(s): str(sample.value(s, p297)) for s in sample.subjects(p31, rdflib.URIRef(WD + "Q6256"))
    }
    expected = {(c, iso) for c, iso in countries.items() if c in mentioned}
    assert expected and _pairs(rows, "country", "iso") == expected


def _not_compared(rows: Rows) -> None:
    # news.trig has not been through kg compare: no verdicts (tests/test_wikidata_compare.py runs
    # these two queries on a compared store)
    assert rows == []


EXPECTED: dict[str, Callable[[Rows], None]] = {
    "facts-not-in-wikidata": _not_compared,
    "contradicted-by-wikidata": _not_compared,
    "partners-not-covered": _partners,
    "membership-candidates": _candidates,
    "office-holders": _office,
    "quotations-by-speaker": _quotations,
    "meetings": _meetings,
    "negated-facts": _negated,
    "facts-with-evidence": _evidence,
    "entity": _entity,
    "facts-per-document": _per_document,
    "wikidata-countries": _countries,
}


def test_every_library_query_has_a_header_and_an_expected_answer() -> None:
    queries = library(REPO_ROOT / "queries")
    assert {q.name for q in queries} == set(EXPECTED)
    for q in queries:
        assert q.title and q.title != q.name and q.description, q.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_library_query_local_endpoint_and_http_agree(
    name: str, local_store: Path, server: Server, wikidata_sample: str
) -> None:
    params = _params_for(name, wikidata_sample)
    local = _kg_query(name, "--store", str(local_store), *params)
    EXPECTED[name](local)
    remote = _kg_query(name, "--endpoint", server.sparql, *params)
    # plain HTTP with the rendered query text
    shown = run_kg("query", name, "--show", *params)
    assert shown.returncode == 0
    status, _, body = http(
        "POST",
        server.sparql,
        body=urllib.parse.urlencode({"query": shown.stdout}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    assert status == 200, body
    plain = select_json(body)
    canon = [sorted(r.items()) for r in local]
    assert [sorted(r.items()) for r in remote] == canon
    assert [sorted(r.items()) for r in plain] == canon


def test_parameters_are_substituted_as_terms(local_store: Path) -> None:
    rows = _kg_query("quotations-by-speaker", "--store", str(local_store), "--param", "speaker=wd:Q61053")
    assert [r["text"] for r in rows] == ["Our support will not waver,"]
    rows = _kg_query("entity", "--store", str(local_store), "--param", f"entity=<{WD}Q3874799>")
    assert sorted(r["role"] for r in rows) == [
        "mentioned",
        "mentioned",
        "participant of meeting",
        "participant of meeting",
        "speaker of quotation",
    ]
    # a bare Wikidata id, as Wikidata editors write it, is the same entity
    bare = _kg_query("entity", "--store", str(local_store), "--param", "entity=Q3874799")
    assert sorted(r["role"] for r in bare) == sorted(r["role"] for r in rows)
    # an attempt to inject SPARQL becomes a harmless literal: no row, no error
    rows = _kg_query("entity", "--store", str(local_store), "--param", "entity=x } ?s ?p ?o . {")
    assert rows == []


def test_query_errors_are_one_line(local_store: Path) -> None:
    unknown = run_kg("query", "no-such-query", "--store", str(local_store))
    assert unknown.returncode == 1 and "office-holders" in unknown.stderr  # lists the library
    bad_param = run_kg("query", "entity", "--store", str(local_store), "--param", "nope=1")
    assert bad_param.returncode == 1 and "unknown parameter" in bad_param.stderr
    bad_prefix = run_kg("query", "entity", "--store", str(local_store), "--param", "entity=wdd:Q212")
    assert bad_prefix.returncode == 1 and "unknown prefix 'wdd'" in bad_prefix.stderr
    assert len(bad_prefix.stderr.strip().splitlines()) == 1
    nowhere = run_kg("query", "entity")
    assert nowhere.returncode == 2 and "--store" in nowhere.stderr
    for result in (unknown, bad_param, bad_prefix, nowhere):
        assert "Traceback" not in result.stderr


def test_a_query_file_by_path_and_table_output(local_store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text(
        "# title: count meetings\nSELECT (COUNT(*) AS ?n) WHERE { ?m a kgo:Meeting }\n", encoding="utf-8"
    )
    result = run_kg("query", str(rq), "--store", str(local_store))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "n" and lines[2].strip() == "2" and lines[-1] == "(1 row)"
    csv_out = run_kg("query", str(rq), "--store", str(local_store), "--format", "csv")
    assert csv_out.stdout.splitlines() == ["n", "2"]


def test_federated_query_is_refused_when_not_allowed(tmp_path: Path, wikidata_sample: str) -> None:
    store = load_fixture_store(tmp_path / "store")
    with kg_serve(store) as srv:  # default allow-list: only Wikidata's endpoint
        result = run_kg(
            "query",
            "wikidata-countries",
            "--endpoint",
            srv.sparql,
            "--param",
            f"wikidata=<{wikidata_sample}>",
        )
        assert result.returncode == 1 and "not allowed" in result.stderr


def test_construct_query_prints_the_same_graph_locally_and_remotely(
    local_store: Path, server: Server, tmp_path: Path
) -> None:
    rq = tmp_path / "meetings-graph.rq"
    rq.write_text(
        "# title: meetings as a graph\nCONSTRUCT { ?m ?p ?o } WHERE { ?m a kgo:Meeting ; ?p ?o }\n",
        encoding="utf-8",
    )
    local = run_kg("query", str(rq), "--store", str(local_store))
    remote = run_kg("query", str(rq), "--endpoint", server.sparql)
    assert local.returncode == 0 and remote.returncode == 0, local.stderr + remote.stderr
    import rdflib.compare

    local_graph = rdflib.Graph().parse(data=local.stdout, format="turtle")
    remote_graph = rdflib.Graph().parse(data=remote.stdout, format="turtle")
    assert len(local_graph) > 0 and rdflib.compare.isomorphic(local_graph, remote_graph)


def test_a_store_in_use_by_the_server_can_still_be_queried(tmp_path: Path) -> None:
    store = load_fixture_store(tmp_path / "store")
    alone = run_kg("query", "meetings", "--store", str(store), "--format", "csv")
    assert alone.returncode == 0, alone.stderr
    with kg_serve(store):  # the server holds the store's write lock; queries open it read-only
        result = run_kg("query", "meetings", "--store", str(store), "--format", "csv")
        stats = run_kg("stats", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert result.stdout == alone.stdout and len(alone.stdout.splitlines()) > 1
    assert stats.returncode == 0 and "documents" in stats.stdout
