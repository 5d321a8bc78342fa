"""kg export: the fact table as CSV, the facts as GraphML and GEXF networks, from files and stores."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest
from _store_support import run_kg

from kg.rdf.gephi import GEXF_NS, GRAPHML_NS
from kg.rdf.tables import FACT_COLUMNS
from kg.store import Store

GOLDEN = Path(__file__).parent / "golden"
FILES = sorted(GOLDEN.glob("*.trig"))


def _facts() -> list[tuple[str, str, str, str, str]]:
    store = Store.in_memory()
    for path in FILES:
        store.load_file(path)
    rows = store.select(
        "SELECT ?f ?s ?p ?o ?pol WHERE { ?f a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?p ; "
        "rdf:object ?o ; kgo:polarity ?pol }"
    )
    return sorted(
        (r["f"].value, r["s"].value, r["p"].value, r["o"].value, r["pol"].value.rsplit("#")[-1]) for r in rows
    )


def _expand(short: str) -> str:
    prefix, _, local = short.partition(":")
    spaces = {"wdt": "http://www.wikidata.org/prop/direct/", "kgo": "https://w3id.org/kg-news/ontology#"}
    return spaces[prefix] + local if prefix in spaces else short


def test_facts_csv_has_one_row_per_fact(tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    result = run_kg("export", "facts-csv", *FILES, "-o", out)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == FACT_COLUMNS
    got = sorted((r["fact"], r["subject"], _expand(r["predicate"]), r["object"], r["polarity"]) for r in rows)
    assert got == _facts() and len(got) >= 8
    assert {r["polarity"] for r in rows} == {"Positive", "Negative"}
    dated = [r for r in rows if r["point_in_time"] or r["start_time"]]
    assert dated and all(r["evidence"] and int(r["evidence_end"]) > int(r["evidence_begin"]) for r in rows)
    assert all(r["subject_label"] and r["object_label"] for r in rows)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networks_read_back_with_networkx(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"facts.{fmt}"
    result = run_kg("export", fmt, *FILES, "-o", out)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag == f"{{{GRAPHML_NS if fmt == 'graphml' else GEXF_NS}}}{fmt}"
    graph = nx.read_graphml(out, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(out)
    assert graph.is_directed()
    facts = _facts()
    assert graph.number_of_edges() == len(facts)
    edges = sorted(
        (data.get("id", key), u, _expand(data["predicate"]), v, data["polarity"])
        for u, v, key, data in graph.edges(keys=True, data=True)  # GraphML's edge id is the key
    )
    assert edges == facts
    nato = graph.nodes["http://www.wikidata.org/entity/Q7184"]
    assert nato["label"] == "NATO" and nato["wikidata"] == "Q7184"
    assert all(0 <= float(data["confidence"]) <= 1 for _, _, data in graph.edges(data=True))


def test_export_from_a_store_and_errors(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("load", *FILES, "--store", store, check=True)
    out = tmp_path / "from-store.csv"
    assert run_kg("export", "facts-csv", "--store", store, "-o", out).returncode == 0
    from_files = tmp_path / "from-files.csv"
    assert run_kg("export", "facts-csv", *FILES, "-o", from_files).returncode == 0
    assert out.read_text(encoding="utf-8") == from_files.read_text(encoding="utf-8")
    neither = run_kg("export", "gexf", "-o", tmp_path / "x.gexf")
    assert neither.returncode == 2 and "either" in neither.stderr
    missing = run_kg("export", "graphml", tmp_path / "nope.trig", "-o", tmp_path / "y.graphml")
    assert missing.returncode == 2 and "nope.trig" in missing.stderr
    assert not (tmp_path / "x.gexf").exists() and not (tmp_path / "y.graphml").exists()
    assert "Traceback" not in missing.stderr
