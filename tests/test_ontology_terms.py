"""The ontology: every term documented in English and German, typed, with domains and ranges;
the generated Python constants match the file; the model's enum values are its terms."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest
import rdflib
from golden.cases import CASES, RUN
from rdflib.namespace import OWL, RDF, RDFS

from kg.model import KGO, WD, WDT, EntityKind, Modality, Polarity, Predicate
from kg.rdf import DEFAULT_BASE_IRI, document_quads
from kg.rdf import terms as kgo
from kg.rdf.ontology import ontology_path, shapes_path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


def _terms(ontology: rdflib.Graph) -> list[rdflib.URIRef]:
    return sorted({s for s in ontology.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(KGO)})


def _gen_terms():
    spec = importlib.util.spec_from_file_location("gen_terms", REPO / "tools" / "gen_terms.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ontology_file_is_where_the_package_looks() -> None:
    """The installed package finds this checkout's ontology (editable install), or an identical copy."""
    assert ontology_path().read_bytes() == (REPO / "ontology" / "kg.ttl").read_bytes()
    assert shapes_path().read_bytes() == (REPO / "ontology" / "shapes.ttl").read_bytes()


def test_ontology_every_term_has_english_and_german_label_and_comment(ontology: rdflib.Graph) -> None:
    terms = _terms(ontology)
    assert len(terms) > 40
    missing = []
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(term, prop) if isinstance(o, rdflib.Literal)}
            missing += [f"{term} {prop} @{lang}" for lang in ("en", "de") if lang not in langs]
    assert not missing, "\n".join(missing)


def test_ontology_every_property_has_domain_and_range(ontology: rdflib.Graph) -> None:
    missing = []
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            for axiom in (RDFS.domain, RDFS.range):
                if ontology.value(prop, axiom) is None:
                    missing.append(f"{prop} has no {axiom}")
    assert not missing, "\n".join(missing)


def test_ontology_every_term_is_declared(ontology: rdflib.Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    undeclared = [t for t in _terms(ontology) if not kinds & set(ontology.objects(t, RDF.type))]
    assert not undeclared


def test_ontology_generated_constants_match_the_file() -> None:
    generated = _gen_terms().render(REPO / "ontology" / "kg.ttl")
    current = (REPO / "kg" / "rdf" / "terms.py").read_text(encoding="utf-8")
    assert current == generated, "kg/rdf/terms.py is out of date: run python tools/gen_terms.py"


def test_ontology_drift_is_detected(tmp_path: Path) -> None:
    """The check above can fail: a new term in the file changes the rendered constants."""
    changed = tmp_path / "kg.ttl"
    text = (REPO / "ontology" / "kg.ttl").read_text(encoding="utf-8")
    changed.write_text(text + '\nkgo:newTerm a owl:ObjectProperty ; rdfs:label "x"@en .\n', encoding="utf-8")
    rendered = _gen_terms().render(changed)
    assert 'newTerm = NamedNode(KGO + "newTerm")' in rendered
    assert rendered != (REPO / "kg" / "rdf" / "terms.py").read_text(encoding="utf-8")


def test_ontology_model_enums_are_ontology_terms(ontology: rdflib.Graph) -> None:
    for enum, cls in ((Polarity, kgo.Polarity), (Modality, kgo.Modality)):
        for member in enum:
            term = rdflib.URIRef(KGO + member.value)
            assert (term, RDF.type, rdflib.URIRef(cls.value)) in ontology, term
    for kind in EntityKind:
        term = rdflib.URIRef(KGO + kind.value)
        assert (term, RDF.type, OWL.Class) in ontology
        assert rdflib.URIRef(kgo.Referent.value) in set(ontology.transitive_objects(term, RDFS.subClassOf))
    for predicate in Predicate:
        if predicate.value.startswith(KGO):
            assert (rdflib.URIRef(predicate.value), RDF.type, OWL.ObjectProperty) in ontology
        else:  # a Wikidata property the ontology documents with an equivalent kgo term
            assert (None, OWL.equivalentProperty, rdflib.URIRef(predicate.value)) in ontology, predicate


def test_ontology_aligns_with_wikidata_properties(ontology: rdflib.Graph) -> None:
    aligned = {
        str(o)[len(WDT) :] for o in ontology.objects(None, OWL.equivalentProperty) if str(o).startswith(WDT)
    }
    assert {"P463", "P39", "P710", "P276", "P585", "P580", "P582"} <= aligned
    assert (rdflib.URIRef(kgo.Fact.value), RDFS.subClassOf, RDF.Statement) in ontology


def test_ontology_covers_every_kgo_term_the_mapping_writes(ontology: rdflib.Graph) -> None:
    declared = {str(t) for t in _terms(ontology)}
    used = {
        t.value
        for build in CASES.values()
        for q in document_quads(build(), RUN, base_iri=DEFAULT_BASE_IRI)
        for t in (q.predicate, q.object)
        if hasattr(t, "value") and str(getattr(t, "value", "")).startswith(KGO)
    }
    assert used and used <= declared, used - declared


def test_ontology_shapes_use_only_declared_terms(ontology: rdflib.Graph) -> None:
    declared = {str(t) for t in _terms(ontology)}
    shapes_text = shapes_path().read_text(encoding="utf-8")
    used = {KGO + local for local in re.findall(r"\bkgo:([A-Za-z][A-Za-z0-9]*)", shapes_text)}
    assert used and used <= declared, used - declared


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "kb" / "wikidata-geo.ttl").exists(), reason="needs ../shared")
def test_ontology_wikidata_items_it_names_exist_in_the_seed_kb(ontology: rdflib.Graph) -> None:
    kb = (SHARED / "kb" / "wikidata-geo.ttl").read_text(encoding="utf-8")
    items = {str(o)[len(WD) :] for o in ontology.objects() if str(o).startswith(WD)}
    assert items
    missing = [q for q in items if f"wd:{q} " not in kb]
    assert not missing


def test_ontology_references_only_terms_it_declares(ontology: rdflib.Graph) -> None:
    declared = {str(t) for t in _terms(ontology)}
    referenced = {
        str(o) for o in ontology.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(KGO)
    }
    assert referenced <= declared, referenced - declared
