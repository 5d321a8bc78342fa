"""kg push against a real `oxigraph serve`: each document graph arrives whole, and pushing is idempotent."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import rdflib
import rdflib.compare
from _store_support import NEWS_TRIG, http, load_fixture_store, oxigraph_serve, run_kg

from kg.store import Store


def _remote_graph(base: str, graph: str) -> rdflib.Graph:
    status, _, body = http(
        "GET",
        base + "/store?graph=" + urllib.parse.quote(graph, safe=""),
        headers={"Accept": "application/n-triples"},
    )
    assert status == 200, body
    return rdflib.Graph().parse(data=body, format="nt")


def _local_graph(store: Store, graph: str) -> rdflib.Graph:
    data = ox.serialize([q.triple for q in store.graph_quads(graph)], format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def _remote_count(base: str) -> int:
    status, _, body = http(
        "GET",
        base
        + "/query?query="
        + urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        headers={"Accept": "text/csv"},
    )
    assert status == 200
    return int(body.decode().split()[1])


def test_push_copies_every_graph_and_is_idempotent(tmp_path: Path) -> None:
    store_dir = load_fixture_store(tmp_path / "store")
    with oxigraph_serve(tmp_path / "remote") as remote:
        # something already in the remote store that push must leave alone
        other = "http://example.org/other"
        http(
            "PUT",
            remote + "/store?graph=" + urllib.parse.quote(other, safe=""),
            body='<http://example.org/a> <http://example.org/b> "kept" .',
            headers={"Content-Type": "text/turtle"},
        )
        first = run_kg("push", "--store", store_dir, "--to", remote + "/store")
        assert first.returncode == 0, first.stderr
        assert "pushed 2 graph(s)" in first.stderr
        reference = Store.in_memory()
        reference.load_file(NEWS_TRIG)
        for graph in reference.graph_names():
            assert rdflib.compare.isomorphic(_remote_graph(remote, graph), _local_graph(reference, graph))
        count = _remote_count(remote)
        assert count == len(reference) + 1
        again = run_kg("push", "--store", store_dir, "--to", remote + "/store")
        assert again.returncode == 0
        assert _remote_count(remote) == count  # no duplicates

        # a reloaded (changed) document replaces its remote graph on the next push
        doc = "https://w3id.org/kg-news/id/doc-en1"
        changed = tmp_path / "changed.trig"
        changed.write_text(
            f'<{doc}> {{ <{doc}> <http://purl.org/dc/terms/title> "v2" . }}\n', encoding="utf-8"
        )
        run_kg("load", changed, "--store", store_dir, check=True)
        only = run_kg("push", "--store", store_dir, "--to", remote + "/store", "--graph", doc)
        assert only.returncode == 0 and "pushed 1 graph(s)" in only.stderr
        assert len(_remote_graph(remote, doc)) == 1
        assert len(_remote_graph(remote, other)) == 1


def test_push_errors(tmp_path: Path) -> None:
    store_dir = load_fixture_store(tmp_path / "store")
    unreachable = run_kg("push", "--store", store_dir, "--to", "http://127.0.0.1:9/store")
    assert unreachable.returncode == 3 and "cannot reach" in unreachable.stderr
    bad_url = run_kg("push", "--store", store_dir, "--to", "ftp://example.org/x")
    assert bad_url.returncode == 2
    with oxigraph_serve(tmp_path / "remote") as remote:
        wrong_path = run_kg("push", "--store", store_dir, "--to", remote + "/nothing-here")
        assert wrong_path.returncode == 3 and "HTTP 404" in wrong_path.stderr
    for result in (unreachable, bad_url, wrong_path):
        assert "Traceback" not in result.stderr
