"""Export: five formats, canonical bytes, round trips, atomic writes."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from golden.cases import CASES, RUN
from golden.compare import isomorphism_diff
from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple, parse

from kg.errors import ConfigError
from kg.rdf import DEFAULT_BASE_IRI, document_quads, serialize_quads, write_quads

REPO = Path(__file__).resolve().parent.parent

EXTENSIONS = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "nt": ".nt", "jsonld": ".jsonld"}
OX = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS,
      "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}  # fmt: skip
RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "nt": "nt", "jsonld": "json-ld"}
HAS_GRAPHS = {"trig", "nquads", "jsonld"}


@pytest.fixture(scope="module")
def quads() -> list[Quad]:
    """Two documents, so graphs matter."""
    return [q for build in CASES.values() for q in document_quads(build(), RUN, base_iri=DEFAULT_BASE_IRI)]


def _triples(quads: list[Quad]) -> set[Triple]:
    return {Triple(q.subject, q.predicate, q.object) for q in quads}


def test_rdf_export_nquads_are_byte_identical_for_the_same_input(quads: list[Quad]) -> None:
    again = [q for build in CASES.values() for q in document_quads(build(), RUN, base_iri=DEFAULT_BASE_IRI)]
    first, second = serialize_quads(quads, "nquads"), serialize_quads(again, "nquads")
    assert first == second
    lines = first.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(quads))
    assert first.endswith(b"\n")


def test_rdf_export_nquads_are_byte_identical_across_processes(quads: list[Quad]) -> None:
    """A fresh interpreter with another hash seed: no set or dict order leaks into the output."""
    script = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from golden.cases import CASES, RUN\n"
        "from kg.rdf import DEFAULT_BASE_IRI, document_quads, serialize_quads\n"
        "qs = [q for b in CASES.values() for q in document_quads(b(), RUN, base_iri=DEFAULT_BASE_IRI)]\n"
        "sys.stdout.buffer.write(serialize_quads(qs, 'nquads'))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, check=True)
    assert out.stdout == serialize_quads(quads, "nquads")


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_rdf_export_bytes_do_not_depend_on_quad_order(fmt: str, quads: list[Quad]) -> None:
    shuffled = list(quads)
    random.Random(7).shuffle(shuffled)
    assert serialize_quads(shuffled, fmt) == serialize_quads(quads, fmt)


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_rdf_export_round_trips_through_pyoxigraph(fmt: str, quads: list[Quad], tmp_path: Path) -> None:
    path = write_quads(quads, tmp_path / f"out{EXTENSIONS[fmt]}", fmt=None)  # format from the extension
    back = list(parse(path.read_bytes(), format=OX[fmt]))
    if fmt in HAS_GRAPHS:
        assert set(back) == set(quads)
    else:
        assert all(isinstance(q.graph_name, DefaultGraph) for q in back)
        assert _triples(back) == _triples(quads)  # the union of the documents' graphs


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_rdf_export_round_trips_through_rdflib(fmt: str, quads: list[Quad], tmp_path: Path) -> None:
    """What users' tools (and the evaluation's scorer) read: isomorphic to the canonical N-Quads."""
    path = write_quads(quads, tmp_path / f"out{EXTENSIONS[fmt]}")
    reference = rdflib.Dataset()
    reference.parse(
        data=serialize_quads(quads, "nquads" if fmt in HAS_GRAPHS else "nt"),
        format=RDFLIB["nquads" if fmt in HAS_GRAPHS else "nt"],
    )
    back = rdflib.Dataset()
    back.parse(path, format=RDFLIB[fmt])
    assert len(back) == len(reference) > 0
    diff = isomorphism_diff(reference, back)
    assert not diff, diff


def test_rdf_export_jsonld_has_a_context_and_compact_iris(quads: list[Quad], tmp_path: Path) -> None:
    doc = json.loads(write_quads(quads, tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["kgo"] == "https://w3id.org/kg-news/ontology#"
    assert doc["@context"]["wd"] == "http://www.wikidata.org/entity/"
    graphs = {g["@id"]: g["@graph"] for g in doc["@graph"]}
    assert len(graphs) == 2
    nodes = [n for g in graphs.values() for n in g]
    facts = [n for n in nodes if "kgo:Fact" in n.get("@type", [])]
    assert len(facts) == 9
    subjects = {f["rdf:subject"][0]["@id"] for f in facts}
    assert "wd:Q183" in subjects  # linked: compacted with wd:
    assert any(s.startswith(DEFAULT_BASE_IRI + "entity/Person/") for s in subjects)  # NIL: dataset IRI
    assert {f["kgo:polarity"][0]["@id"] for f in facts} == {"kgo:Positive", "kgo:Negative"}


def test_rdf_export_turtle_and_nt_hold_the_union_of_graphs(quads: list[Quad]) -> None:
    nt = serialize_quads(quads, "nt").decode("utf-8").splitlines()
    assert len(nt) == len(_triples(quads)) < len(set(quads))  # shared triples (extractors, run) merge
    assert "@prefix kgo: <https://w3id.org/kg-news/ontology#>" in serialize_quads(quads, "turtle").decode()


def test_rdf_export_failed_write_leaves_the_old_file_and_no_temp(quads: list[Quad], tmp_path: Path) -> None:
    target = tmp_path / "out.nq"
    write_quads(quads, target)
    before = target.read_bytes()

    def broken():
        yield from quads[:10]
        raise RuntimeError("stage failed half-way")

    with pytest.raises(RuntimeError):
        write_quads(broken(), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nq"]


def test_rdf_export_format_follows_extension_unless_given(quads: list[Quad], tmp_path: Path) -> None:
    path = write_quads(quads, tmp_path / "out.ttl", fmt="nquads")
    assert path.read_bytes() == serialize_quads(quads, "nquads")
    with pytest.raises(ConfigError, match=r"out\.xyz"):
        write_quads(quads, tmp_path / "out.xyz")
    with pytest.raises(ConfigError, match="unknown RDF format"):
        write_quads(quads, tmp_path / "out.ttl", fmt="rdfxml")


def test_rdf_export_missing_directory_is_a_config_error(quads: list[Quad], tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot write"):
        write_quads(quads, tmp_path / "missing" / "out.trig")


def test_rdf_export_dash_writes_to_stdout(
    quads: list[Quad], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    write_quads(quads, "-", fmt="nt")
    assert capsysbinary.readouterr().out == serialize_quads(quads, "nt")


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_rdf_export_file_mode_follows_the_umask(quads: list[Quad], tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        out = write_quads(quads, tmp_path / "out.ttl")
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_rdf_export_keeps_the_mode_of_the_file_it_replaces(quads: list[Quad], tmp_path: Path) -> None:
    target = tmp_path / "out.nq"
    target.write_bytes(b"")
    target.chmod(0o640)
    write_quads(quads, target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_bytes() == serialize_quads(quads, "nquads")
