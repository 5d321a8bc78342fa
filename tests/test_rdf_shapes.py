"""Deliberately broken graphs fail ontology/shapes.ttl with the expected shape or rule.

Each case takes the German golden graph, breaks one thing, and expects exactly the named
shape (property shape or SPARQL rule) to report it at the broken node.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from golden.cases import CASES, RUN
from pyoxigraph import Literal, NamedNode, Quad

from kg.model import KGO, Span
from kg.rdf import DEFAULT_BASE_IRI, document_quads
from kg.rdf import namespaces as ns
from kg.rdf.ontology import shapes_path
from kg.rdf.validate import compact, load_shapes, validate_quads

XSD = ns.XSD_NS
SHAPES = "https://w3id.org/kg-news/shapes#"
Mutation = Callable[[list[Quad]], list[Quad]]


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.fixture(scope="module")
def german() -> list[Quad]:
    return document_quads(CASES["german_meeting"](), RUN, base_iri=DEFAULT_BASE_IRI)


def _replace_object(
    predicate: NamedNode, match: Callable[[Quad], bool], new: Literal | NamedNode
) -> Mutation:
    def mutate(quads: list[Quad]) -> list[Quad]:
        out, hit = [], 0
        for q in quads:
            if q.predicate == predicate and match(q):
                q = Quad(q.subject, q.predicate, new, q.graph_name)
                hit += 1
            out.append(q)
        assert hit == 1, f"mutation matched {hit} quads"
        return out

    return mutate


def _drop(predicate: NamedNode, match: Callable[[Quad], bool]) -> Mutation:
    def mutate(quads: list[Quad]) -> list[Quad]:
        out = [q for q in quads if not (q.predicate == predicate and match(q))]
        assert len(out) == len(quads) - 1, "mutation must drop exactly one quad"
        return out

    return mutate


def _add(make: Callable[[list[Quad]], Quad]) -> Mutation:
    return lambda quads: [*quads, make(quads)]


def _subject_with(quads: list[Quad], predicate: NamedNode, obj: NamedNode | Literal) -> NamedNode:
    (subject,) = {q.subject for q in quads if q.predicate == predicate and q.object == obj}
    return subject  # type: ignore[return-value]


def _negative_fact(quads: list[Quad]) -> NamedNode:
    return _subject_with(quads, NamedNode(KGO + "polarity"), NamedNode(KGO + "Negative"))


def _mention(quads: list[Quad], anchor: str) -> NamedNode:
    return _subject_with(quads, ns.NIF_ANCHOR_OF, Literal(anchor))


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + "nonNegativeInteger"))


def _is(node_of: Callable[[list[Quad]], NamedNode]) -> Callable[[list[Quad]], Callable[[Quad], bool]]:
    return lambda quads: lambda q: q.subject == node_of(quads)


def _plain_triple_of_negated_fact(quads: list[Quad]) -> Quad:
    fact = _negative_fact(quads)
    value = {q.predicate: q.object for q in quads if q.subject == fact}
    return Quad(value[ns.RDF_SUBJECT], value[ns.RDF_PREDICATE], value[ns.RDF_OBJECT], quads[0].graph_name)


WIEN = "Wien"
MEMBER_OF_GERMANY = NamedNode("http://www.wikidata.org/entity/Q183")

# name -> (mutation built from the quads, expected shape or rule, how to find the expected focus node)
BROKEN: dict[str, tuple[Callable[[list[Quad]], Mutation], str, Callable[[list[Quad]], str]]] = {
    "wrong anchorOf": (
        lambda qs: _replace_object(ns.NIF_ANCHOR_OF, lambda q: q.object == Literal(WIEN), Literal("Wein")),
        "kgs:AnchorMatchesContext",
        lambda qs: _mention(qs, WIEN).value,
    ),
    "begin after end": (
        lambda qs: _replace_object(ns.NIF_BEGIN_INDEX, lambda q: q.subject == _mention(qs, WIEN), _int(41)),
        "kgs:BeginBeforeEnd",
        lambda qs: _mention(qs, WIEN).value,
    ),
    "end beyond the text": (
        lambda qs: _replace_object(ns.NIF_END_INDEX, lambda q: q.subject == _mention(qs, WIEN), _int(9999)),
        "kgs:EndWithinContext",
        lambda qs: _mention(qs, WIEN).value,
    ),
    "negative offset": (
        lambda qs: _replace_object(
            ns.NIF_BEGIN_INDEX, lambda q: q.subject == _mention(qs, WIEN), Literal(-1)
        ),
        "kgs:StringBeginIndex",
        lambda qs: _mention(qs, WIEN).value,
    ),
    "context length wrong": (
        lambda qs: _replace_object(ns.NIF_END_INDEX, lambda q: q.subject.value.endswith("#context"), _int(5)),
        "kgs:ContextEndIsLength",
        lambda qs: next(q.subject.value for q in qs if q.object == ns.NIF_CONTEXT),
    ),
    "confidence 1.5": (
        lambda qs: _replace_object(
            NamedNode(KGO + "confidence"), lambda q: q.subject == _negative_fact(qs), Literal(1.5)
        ),
        "kgs:ConfidenceInRange",
        lambda qs: _negative_fact(qs).value,
    ),
    "fact without polarity": (
        lambda qs: _drop(NamedNode(KGO + "polarity"), lambda q: q.subject == _negative_fact(qs)),
        "kgs:FactPolarity",
        lambda qs: _negative_fact(qs).value,
    ),
    "polarity not an individual": (
        lambda qs: _replace_object(
            NamedNode(KGO + "polarity"), lambda q: q.subject == _negative_fact(qs), NamedNode(KGO + "Maybe")
        ),
        "kgs:FactPolarity",
        lambda qs: _negative_fact(qs).value,
    ),
    "fact without object": (
        lambda qs: _drop(ns.RDF_OBJECT, lambda q: q.subject == _negative_fact(qs)),
        "kgs:FactObject",
        lambda qs: _negative_fact(qs).value,
    ),
    "plain triple of a negated fact": (
        lambda qs: _add(_plain_triple_of_negated_fact),
        "kgs:NoPlainTripleUnlessAsserted",
        lambda qs: _negative_fact(qs).value,
    ),
    "asserted fact without its plain triple": (
        lambda qs: _drop(
            NamedNode("http://www.wikidata.org/prop/direct/P463"), lambda q: q.subject == MEMBER_OF_GERMANY
        ),
        "kgs:PlainTripleWritten",
        lambda qs: _subject_with(qs, ns.RDF_SUBJECT, MEMBER_OF_GERMANY).value,
    ),
    "NIL entity without kind": (
        lambda qs: _drop(ns.RDF_TYPE, lambda q: q.object == NamedNode(KGO + "TreatyClause")),
        "kgs:NilEntityTyped",
        lambda qs: next(q.subject.value for q in qs if q.object == NamedNode(KGO + "TreatyClause")),
    ),
    "entity that is not a Wikidata item": (
        lambda qs: (
            lambda quads: (
                [
                    Quad(
                        q.subject, q.predicate, NamedNode("http://www.wikidata.org/entity/None"), q.graph_name
                    )
                    if q.predicate == ns.ITSRDF_TA_IDENT_REF and q.subject == _mention(qs, WIEN)
                    else q
                    for q in quads
                ]
                + [
                    Quad(
                        NamedNode("http://www.wikidata.org/entity/None"),
                        ns.RDFS_LABEL,
                        Literal("Wien", language="de"),
                        quads[0].graph_name,
                    )
                ]
            )
        ),
        "kgs:WikidataItemIri",
        lambda qs: "http://www.wikidata.org/entity/None",
    ),
    "entity without label": (
        lambda qs: _drop(
            ns.RDFS_LABEL, lambda q: q.subject == NamedNode("http://www.wikidata.org/entity/Q1741")
        ),
        "kgs:EntityLabel",
        lambda qs: "http://www.wikidata.org/entity/Q1741",
    ),
    "quotation with two speakers": (
        lambda qs: _add(
            lambda quads: Quad(
                _subject_with(quads, ns.RDF_TYPE, NamedNode(KGO + "Quotation")),
                NamedNode(KGO + "speaker"),
                NamedNode("http://www.wikidata.org/entity/Q57665"),
                quads[0].graph_name,
            )
        ),
        "kgs:QuotationSpeaker",
        lambda qs: _subject_with(qs, ns.RDF_TYPE, NamedNode(KGO + "Quotation")).value,
    ),
    "meeting without participants or place": (
        lambda qs: (
            lambda quads: [
                q for q in quads if q.predicate not in (ns.WDT_P710_PARTICIPANT, ns.WDT_P276_LOCATION)
            ]
        ),
        "kgs:MeetingParticipantOrPlace",
        lambda qs: _subject_with(qs, ns.RDF_TYPE, NamedNode(KGO + "Meeting")).value,
    ),
    "run without start time": (
        lambda qs: _drop(ns.PROV_STARTED_AT_TIME, lambda q: True),
        "kgs:RunStarted",
        lambda qs: _subject_with(qs, ns.RDF_TYPE, NamedNode(KGO + "ExtractionRun")).value,
    ),
    "date that is not an xsd:date": (
        lambda qs: _replace_object(
            ns.WDT_P585_POINT_IN_TIME,
            lambda q: q.subject == _subject_with(qs, ns.RDF_TYPE, NamedNode(KGO + "Meeting")),
            Literal("am Montag"),
        ),
        "kgs:MeetingDate",
        lambda qs: _subject_with(qs, ns.RDF_TYPE, NamedNode(KGO + "Meeting")).value,
    ),
}


def _names(report, focus: str) -> set[str]:
    """The shapes and rules that reported ``focus``, as prefixed names (kgs:…)."""
    return {
        compact(name)
        for v in report.violations
        if v.focus == f"<{focus}>"
        for name in (v.shape, v.constraint)
        if name
    }


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_rdf_shapes_reject_broken_graph(case: str, german: list[Quad], shapes) -> None:
    make_mutation, expected, focus_of = BROKEN[case]
    broken = make_mutation(german)(german)
    report = validate_quads(broken, shapes=shapes)
    assert not report.conforms
    focus = focus_of(german)
    assert expected in _names(report, focus), report.describe()
    # The break is reported where it is, not as noise all over the graph.
    assert {v.focus for v in report.violations} == {f"<{focus}>"}, report.describe()


def test_rdf_shapes_unbroken_graph_conforms(german: list[Quad], shapes) -> None:
    report = validate_quads(german, shapes=shapes)
    assert report.conforms, report.describe()


SPARQL_RULES = {
    f"kgs:{name}" for name in re.findall(r"^kgs:(\w+) a sh:SPARQLConstraint", shapes_path().read_text(), re.M)
}


@pytest.mark.parametrize(
    "case", sorted(name for name, (_, rule, _) in BROKEN.items() if rule in SPARQL_RULES)
)
def test_rdf_shapes_oxigraph_rules_agree_with_pyshacl(case: str, german: list[Quad], shapes) -> None:
    """The SPARQL rules run on Oxigraph for speed; pySHACL running them itself finds the same."""
    broken = BROKEN[case][0](german)(german)
    fast = validate_quads(broken, shapes=shapes, engine="oxigraph")
    reference = validate_quads(broken, shapes=shapes, engine="pyshacl")

    def key(report):
        return sorted(
            (v.graph, v.focus, v.shape, v.constraint or "", v.path or "") for v in report.violations
        )

    assert key(fast) == key(reference)
    assert key(fast)


def test_rdf_shapes_meeting_with_only_a_place_conforms(german: list[Quad], shapes) -> None:
    """Talks in Vienna whose participants went unrecognised are still a meeting."""
    placed_only = [q for q in german if q.predicate != ns.WDT_P710_PARTICIPANT]
    report = validate_quads(placed_only, shapes=shapes)
    assert report.conforms, report.describe()


def test_rdf_shapes_offsets_count_code_points_beyond_the_bmp(shapes) -> None:
    """Offsets are Python code points; a character outside the BMP (two UTF-16 units) before a
    mention must not shift the anchor check."""
    import dataclasses

    from golden.cases import LINKER, NATO_DE, document, span

    from kg.model import DocumentResult, Mention, Sentence

    text = "𝔑 Die NATO 🛡 tagt. Die NATO berät."
    first, second = span(text, "NATO"), span(text, "NATO", 2)
    assert text[second.begin : second.end] == "NATO" and len(text.encode("utf-16-le")) // 2 > len(text)
    result = DocumentResult(
        document=document("emoji", text, "de"),
        sentences=(Sentence(0, span(text, text)),),
        mentions=(Mention(first, 0, NATO_DE, 0.9, LINKER), Mention(second, 0, NATO_DE, 0.9, LINKER)),
    )
    quads = document_quads(result, RUN, base_iri=DEFAULT_BASE_IRI)
    assert validate_quads(quads, shapes=shapes).conforms
    # shifted by one, as a UTF-16 count would be, the anchors no longer match
    shifted = dataclasses.replace(
        result,
        mentions=tuple(
            dataclasses.replace(
                m, span=Span(m.span.begin + 1, m.span.end + 1, text[m.span.begin + 1 : m.span.end + 1])
            )
            for m in result.mentions
        ),
    )
    quads = document_quads(shifted, RUN, base_iri=DEFAULT_BASE_IRI)
    broken = [
        Quad(q.subject, q.predicate, Literal("NATO"), q.graph_name) if q.predicate == ns.NIF_ANCHOR_OF else q
        for q in quads
    ]
    report = validate_quads(broken, shapes=shapes)
    assert {compact(v.constraint or "") for v in report.violations} == {"kgs:AnchorMatchesContext"}
    assert len(report.violations) == 2


def test_rdf_shapes_document_without_findings_conforms(shapes) -> None:
    from golden.cases import document, span

    from kg.model import DocumentResult, Sentence

    text = "Heute nichts Neues."
    result = DocumentResult(document("empty", text, "de"), (Sentence(0, span(text, text)),))
    quads = document_quads(result, RUN, base_iri=DEFAULT_BASE_IRI)
    report = validate_quads(quads, shapes=shapes)
    assert report.conforms, report.describe()


def test_rdf_shapes_file_is_valid_shacl(shapes) -> None:
    """The shapes conform to the SHACL-SHACL meta-shapes (and a broken shape would not)."""
    import pyshacl
    import rdflib
    from pyshacl.errors import ReportableRuntimeError

    conforms, _, _ = pyshacl.validate(rdflib.Graph(), shacl_graph=shapes, meta_shacl=True, advanced=True)
    assert conforms
    broken = rdflib.Graph()
    for triple in shapes:
        broken.add(triple)
    sh = rdflib.Namespace(ns.SH_NS)
    broken.add(
        (rdflib.URIRef("https://w3id.org/kg-news/shapes#FactPolarity"), sh.minCount, rdflib.Literal("x"))
    )
    with pytest.raises(ReportableRuntimeError, match="MetaSHACL"):
        pyshacl.validate(rdflib.Graph(), shacl_graph=broken, meta_shacl=True, advanced=True)


def unused_shapes(shapes) -> list[str]:
    import rdflib

    sh = rdflib.Namespace(ns.SH_NS)
    kinds = (sh.NodeShape, sh.PropertyShape, sh.SPARQLConstraint)
    named = {s for kind in kinds for s in shapes.subjects(rdflib.RDF.type, kind) if str(s).startswith(SHAPES)}
    targets = (sh.targetClass, sh.targetSubjectsOf, sh.targetObjectsOf, sh.targetNode)
    return sorted(
        str(s)
        for s in named
        if not any(shapes.value(s, t) is not None for t in targets)
        and not any(True for p in (sh.property, sh.sparql) for _ in shapes.subjects(p, s))
    )


def test_rdf_shapes_every_named_shape_is_in_use(shapes) -> None:
    """No forgotten shapes: each kgs: shape has a target or hangs off a shape that has one."""
    import rdflib

    assert not unused_shapes(shapes)
    orphan = rdflib.Graph()
    for triple in shapes:
        orphan.add(triple)
    orphan.add(
        (rdflib.URIRef(SHAPES + "Forgotten"), rdflib.RDF.type, rdflib.URIRef(ns.SH_NS + "PropertyShape"))
    )
    assert unused_shapes(orphan) == [SHAPES + "Forgotten"]
