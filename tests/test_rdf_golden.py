"""Golden graphs: hand-built DocumentResults -> expected TriG, compared by isomorphism.

Regenerate after a deliberate mapping change with ``KG_UPDATE_GOLDEN=1 pytest tests/test_rdf_golden.py``
and review the diff of tests/golden/*.trig before committing.
"""

from __future__ import annotations

import os

import pytest
from golden.cases import CASES, RUN
from golden.compare import GOLDEN_DIR, dataset_from, isomorphism_diff

from kg.rdf import DEFAULT_BASE_IRI, document_quads, serialize_quads, write_quads
from kg.rdf.validate import load_shapes, validate_file

UPDATE = os.environ.get("KG_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.mark.parametrize("case", sorted(CASES))
def test_rdf_golden_graph_is_isomorphic_to_expected(case: str) -> None:
    quads = document_quads(CASES[case](), RUN, base_iri=DEFAULT_BASE_IRI)
    golden = GOLDEN_DIR / f"{case}.trig"
    if UPDATE:
        write_quads(quads, golden)
    assert golden.exists(), f"no golden file {golden}; run with KG_UPDATE_GOLDEN=1"
    expected = dataset_from(golden.read_bytes(), "trig")
    actual = dataset_from(serialize_quads(quads, "trig"), "trig")
    diff = isomorphism_diff(expected, actual)
    assert not diff, f"graph of {case} differs from {golden.name}:\n{diff}"


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
def test_rdf_golden_graph_conforms_to_shapes(case: str, engine: str, shapes) -> None:
    from kg.rdf.validate import validate_quads

    golden = GOLDEN_DIR / f"{case}.trig"
    report = validate_file(golden) if engine == "oxigraph" else None
    if report is None:
        from kg.rdf.validate import read_quads

        report = validate_quads(read_quads(golden), path=golden, shapes=shapes, engine="pyshacl")
    assert report.conforms, report.describe()
    assert report.triples > 100


def test_rdf_golden_diff_is_readable_when_graphs_differ() -> None:
    """The comparison itself must fail, and say what differs, when one triple changes."""
    golden = GOLDEN_DIR / "german_meeting.trig"
    text = golden.read_text(encoding="utf-8")
    assert '"Wien"@de' in text
    changed = text.replace('"Wien"@de', '"Vienna"@en', 1)
    diff = isomorphism_diff(dataset_from(text, "trig"), dataset_from(changed, "trig"))
    assert "only in expected (1):" in diff and '"Wien"@de' in diff
    assert "only in actual (1):" in diff and '"Vienna"@en' in diff
