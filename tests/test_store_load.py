"""kg load / kg stats and the Store API: named graphs replaced atomically, no duplicates, clear errors."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from _store_support import NEWS_TRIG, kg_command, run_kg

from kg.errors import InputError, StoreError
from kg.store import Store

NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
KGO = rdflib.Namespace("https://w3id.org/kg-news/ontology#")
ITSRDF = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")


def _expected_stats(path: Path) -> dict[str, int]:
    """Counted independently of the store, with rdflib."""
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    triples = list(ds.quads((None, None, None, None)))
    return {
        "documents": len({s for s, _, _, _ in ds.quads((None, rdflib.RDF.type, NIF.Context, None))}),
        "facts": len({s for s, _, _, _ in ds.quads((None, rdflib.RDF.type, KGO.Fact, None))}),
        "entities": len({o for _, _, o, _ in ds.quads((None, ITSRDF.taIdentRef, None, None))}),
        "triples": len(triples),
        "graphs": len({g for *_, g in triples}),
    }


def test_load_and_stats_count_documents_facts_entities_triples(tmp_path: Path) -> None:
    store = tmp_path / "store"
    loaded = run_kg("load", NEWS_TRIG, "--store", store)
    assert loaded.returncode == 0, loaded.stderr
    stats = run_kg("stats", "--store", store, "--json")
    assert stats.returncode == 0, stats.stderr
    import json

    assert json.loads(stats.stdout) == _expected_stats(NEWS_TRIG)
    table = run_kg("stats", "--store", store)
    assert "documents" in table.stdout and "facts" in table.stdout


def test_reloading_the_same_file_does_not_duplicate(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("load", NEWS_TRIG, "--store", store, check=True)
    run_kg("load", NEWS_TRIG, NEWS_TRIG, "--store", store, check=True)
    opened = Store.open(store)
    assert opened.stats().triples == _expected_stats(NEWS_TRIG)["triples"]


def test_a_changed_document_replaces_its_graph(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store")
    store.load_file(NEWS_TRIG)
    graph = "https://w3id.org/kg-news/id/doc-en1"
    before = store.graph_quads(graph)
    changed = tmp_path / "changed.trig"
    changed.write_text(
        f"<{graph}> {{ <{graph}> a "
        "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context> ; "
        '<http://purl.org/dc/terms/title> "Second version" . }\n',
        encoding="utf-8",
    )
    store.load_file(changed)
    after = store.graph_quads(graph)
    assert len(after) == 2 and len(before) > 2
    titles = store.select(
        f"SELECT ?t WHERE {{ GRAPH <{graph}> {{ ?d <http://purl.org/dc/terms/title> ?t }} }}"
    )
    assert [r["t"].value for r in titles] == ["Second version"]
    # the other document is untouched
    assert store.contains_graph("https://w3id.org/kg-news/id/doc-de1")


def test_replace_document_puts_quads_into_the_named_graph(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store")
    s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
    quads = [ox.Quad(s, p, ox.Literal(str(i))) for i in range(3)]
    store.replace_document("http://example.org/doc", quads)
    store.replace_document("http://example.org/doc", quads[:2])
    got = store.graph_quads("http://example.org/doc")
    assert sorted(q.object.value for q in got) == ["0", "1"]
    assert store.graph_quads(None) == []  # nothing leaked into the default graph


def test_turtle_goes_into_a_graph_named_after_the_file_or_the_given_graph(tmp_path: Path) -> None:
    ttl = tmp_path / "extra.ttl"
    ttl.write_text('<http://example.org/a> <http://example.org/b> "c" .\n', encoding="utf-8")
    store_dir = tmp_path / "store"
    run_kg("load", ttl, "--store", store_dir, check=True)
    run_kg("load", ttl, "--store", store_dir, "--graph", "http://example.org/g", check=True)
    store = Store.open(store_dir)
    assert store.graph_names() == sorted([ttl.resolve().as_uri(), "http://example.org/g"])
    assert len(store) == 2


def test_bad_input_is_a_one_line_error_and_leaves_the_store_alone(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    run_kg("load", NEWS_TRIG, "--store", store_dir, check=True)
    bad = tmp_path / "bad.trig"
    bad.write_text(
        "<http://example.org/g> { <http://example.org/a> <http://example.org/b> . }\n", encoding="utf-8"
    )
    result = run_kg("load", bad, "--store", store_dir)
    assert result.returncode == 2
    assert "bad.trig" in result.stderr and "Traceback" not in result.stderr
    assert Store.open(store_dir).stats().triples == _expected_stats(NEWS_TRIG)["triples"]
    unknown = run_kg("load", tmp_path / "notes.txt", "--store", store_dir)
    assert unknown.returncode == 2 and "no such file" in unknown.stderr


def test_a_bad_file_among_several_is_reported_and_the_others_still_land(tmp_path: Path) -> None:
    first = tmp_path / "first.nq"
    first.write_text('<http://example.org/s> <http://example.org/p> "1" <http://example.org/g1> .\n')
    broken = tmp_path / "broken.nq"
    broken.write_text('<http://example.org/s> <http://example.org/p> "2 <http://example.org/g2> .\n')
    last = tmp_path / "last.nq"
    last.write_text('<http://example.org/s> <http://example.org/p> "3" <http://example.org/g3> .\n')
    store_dir = tmp_path / "store"
    result = run_kg("load", first, broken, tmp_path / "missing.nq", last, "--store", store_dir)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 2
    assert any("broken.nq" in e for e in errors) and any("missing.nq: no such file" in e for e in errors)
    assert "2 file(s) failed" in result.stderr and "Traceback" not in result.stderr
    stats = Store.open(store_dir).stats()
    assert (stats.triples, stats.graphs) == (2, 2)  # first and last: the bad ones changed nothing


def test_store_errors(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(StoreError):
        Store.open(a_file)
    store = Store.open(tmp_path / "s")
    with pytest.raises(InputError):
        store.load_file(tmp_path / "x.csv")
    result = run_kg("stats", "--store", tmp_path / "nothing-here")
    assert result.returncode == 3 and "no store" in result.stderr


@pytest.mark.parametrize("replacing", [False, True], ids=["new-graph", "replaced-graph"])
def test_killed_load_leaves_old_or_new_graph_never_a_mix(tmp_path: Path, replacing: bool) -> None:
    """Kill `kg load` while it writes a big graph: the graph is then all old (or absent) or all new."""
    graph = "http://example.org/big"
    store_dir = tmp_path / "store"
    old = tmp_path / "old.trig"
    old.write_text(
        f'<{graph}> {{ <http://example.org/old> <http://example.org/p> "old" . }}\n', encoding="utf-8"
    )
    other = tmp_path / "other.trig"
    other.write_text(
        '<http://example.org/other> { <http://example.org/x> <http://example.org/p> "x" . }\n',
        encoding="utf-8",
    )
    run_kg("load", old if replacing else other, "--store", store_dir, check=True)
    big = tmp_path / "big.nq"
    count = 300_000
    with big.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(f'<http://example.org/s{i}> <http://example.org/p> "{i}" <{graph}> .\n')
    proc = subprocess.Popen(
        [*kg_command(), "load", str(big), "--store", str(store_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    journal = store_dir / "kg-pending-load.json"
    if replacing:
        time.sleep(
            3.0
        )  # usually inside the replacing transaction; the assertion holds whenever the kill lands
    else:  # kill in the middle of the bulk insert, which the journal marks
        for _ in range(600):
            if journal.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = Store.open(store_dir)  # recovers an interrupted bulk insert
    quads = store.graph_quads(graph)
    if replacing:
        assert len(quads) in (1, count)
        if len(quads) == 1:
            assert quads[0].object.value == "old"
    else:
        assert len(quads) in (0, count)
        assert len(store.graph_quads("http://example.org/other")) == 1
    assert not (store_dir / "kg-pending-load.json").exists()


def test_open_undoes_an_interrupted_bulk_insert(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    run_kg("load", NEWS_TRIG, "--store", store_dir, check=True)
    partial = "https://w3id.org/kg-news/id/doc-en1"
    (store_dir / "kg-pending-load.json").write_text(f'["{partial}"]', encoding="utf-8")
    stats = run_kg("stats", "--store", store_dir)  # read-only: cannot undo it, but says so
    assert stats.returncode == 0 and "a load is running or was interrupted" in stats.stderr
    assert (store_dir / "kg-pending-load.json").exists()
    store = Store.open(store_dir)
    assert store.graph_names() == ["https://w3id.org/kg-news/id/doc-de1"]
    assert not (store_dir / "kg-pending-load.json").exists()


def test_blank_nodes_of_different_files_stay_apart(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store")
    for name in ("a.ttl", "b.ttl"):
        path = tmp_path / name
        path.write_text(f'_:x <http://example.org/p> "{name}" .\n', encoding="utf-8")
        store.load_file(path)
    subjects = store.select("SELECT DISTINCT ?s WHERE { ?s <http://example.org/p> ?o }")
    assert len(subjects) == 2


def test_a_graph_named_by_a_blank_node_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.trig"
    path.write_text('_:g { <http://example.org/a> <http://example.org/p> "x" . }\n', encoding="utf-8")
    result = run_kg("load", path, "--store", tmp_path / "store")
    assert result.returncode == 2 and "blank node" in result.stderr
