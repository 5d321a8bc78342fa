"""NIF 2.0 corpora as GERBIL reads and writes them: documents (``nif:Context`` with ``nif:isString``)
and their entity annotations (a node with ``nif:referenceContext``, ``nif:beginIndex``/``nif:endIndex``
in code points and ``itsrdf:taIdentRef``; typed ``nif:Phrase`` or ``nif:RFC5147String``, or untyped).

An annotation whose identifiers hold no knowledge-base IRI (by default: no Wikidata item) is NIL,
whatever IRI it carries. kg's own output is a NIF corpus too, so the same reader reads both sides.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.model import WD

__all__ = [
    "KB_PREFIXES",
    "WD",
    "NifAnnotation",
    "NifDocument",
    "nif_documents",
    "read_nif_corpus",
    "write_nif_corpus",
]

log = logging.getLogger("kg.eval")

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KB_PREFIXES: tuple[str, ...] = (WD,)
"""IRIs under these prefixes are knowledge-base entities; every other IRI is NIL."""

_WIKIDATA_FORMS = (
    "https://www.wikidata.org/entity/",
    "http://www.wikidata.org/wiki/",
    "https://www.wikidata.org/wiki/",
)


def normalise_iri(iri: str) -> str:
    """Wikidata item IRIs in their canonical form (``http://www.wikidata.org/entity/Q1``)."""
    for form in _WIKIDATA_FORMS:
        if iri.startswith(form):
            return WD + iri[len(form) :]
    return iri


@dataclass(frozen=True)
class NifAnnotation:
    begin: int
    end: int
    anchor: str
    identifiers: tuple[str, ...]  # itsrdf:taIdentRef values, normalised and sorted

    def kb_identifiers(self, kb_prefixes: Sequence[str] = KB_PREFIXES) -> frozenset[str]:
        return frozenset(i for i in self.identifiers if i.startswith(tuple(kb_prefixes)))

    def is_nil(self, kb_prefixes: Sequence[str] = KB_PREFIXES) -> bool:
        return not self.kb_identifiers(kb_prefixes)

    def overlaps(self, other: NifAnnotation) -> bool:
        return self.begin < other.end and other.begin < self.end


@dataclass(frozen=True)
class NifDocument:
    uri: str  # the context's IRI
    text: str
    annotations: tuple[NifAnnotation, ...]  # by begin, end


def read_nif_corpus(path: Path, *, fmt: str | None = None) -> tuple[NifDocument, ...]:
    """The documents of a NIF file (any RDF format kg reads), ordered by context IRI."""
    from kg.rdf.validate import read_quads

    store = ox.Store()
    store.bulk_extend(read_quads(path, fmt=fmt))
    return nif_documents(store, source=str(path))


def nif_documents(store: ox.Store, *, source: str) -> tuple[NifDocument, ...]:
    """The NIF documents of a dataset (all graphs together). An InputError names ``source`` and the
    node when a context has no text or an annotation's offsets are missing or outside the text."""
    texts: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(NIF + "isString"), None, None):
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
            texts[quad.subject.value] = quad.object.value
    for quad in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(NIF + "Context"), None):
        if isinstance(quad.subject, ox.NamedNode) and quad.subject.value not in texts:
            raise InputError(f"{source}: context <{quad.subject.value}> has no nif:isString")
    found: dict[str, list[NifAnnotation]] = defaultdict(list)
    nodes: dict[str, dict[str, list[ox.NamedNode | ox.Literal | ox.BlankNode | ox.Triple]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for quad in store.quads_for_pattern(None, ox.NamedNode(NIF + "referenceContext"), None, None):
        key = str(quad.subject)
        nodes[key]["context"].append(quad.object)
    for key in nodes:
        subject = _node(key)
        for name, prop in (("begin", "beginIndex"), ("end", "endIndex"), ("anchor", "anchorOf")):
            nodes[key][name] = [
                q.object for q in store.quads_for_pattern(subject, ox.NamedNode(NIF + prop), None, None)
            ]
        nodes[key]["ref"] = [
            q.object
            for q in store.quads_for_pattern(subject, ox.NamedNode(ITSRDF + "taIdentRef"), None, None)
        ]
    for key, values in nodes.items():
        if not values["ref"]:
            continue  # a sentence or an unlinked string: not an entity annotation
        context = values["context"][0]
        if not isinstance(context, ox.NamedNode) or context.value not in texts:
            raise InputError(f"{source}: annotation {key} refers to {context}, which is no nif:Context")
        text = texts[context.value]
        begin, end = (
            _offset(values["begin"], key, "beginIndex", source),
            _offset(values["end"], key, "endIndex", source),
        )
        if not 0 <= begin < end <= len(text):
            raise InputError(
                f"{source}: annotation {key} has offsets {begin},{end} outside its "
                f"context's text (length {len(text)})"
            )
        anchor = text[begin:end]
        given = [a.value for a in values["anchor"] if isinstance(a, ox.Literal)]
        if given and given[0] != anchor:
            log.warning(
                "%s: annotation %s: nif:anchorOf %r is not the text at its offsets (%r)",
                source,
                key,
                given[0],
                anchor,
            )
        identifiers = tuple(
            sorted({normalise_iri(r.value) for r in values["ref"] if isinstance(r, ox.NamedNode)})
        )
        found[context.value].append(NifAnnotation(begin, end, anchor, identifiers))
    return tuple(
        NifDocument(
            uri, text, tuple(sorted(set(found.get(uri, [])), key=lambda a: (a.begin, a.end, a.identifiers)))
        )
        for uri, text in sorted(texts.items())
    )


def _node(key: str) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(key[2:]) if key.startswith("_:") else ox.NamedNode(key.strip("<>"))


def _offset(values: Sequence[object], node: str, name: str, source: str) -> int:
    if not values or not isinstance(values[0], ox.Literal):
        raise InputError(f"{source}: annotation {node} has no nif:{name}")
    try:
        return int(values[0].value)
    except ValueError:
        raise InputError(
            f"{source}: annotation {node}: nif:{name} {values[0].value!r} is not an integer"
        ) from None


# --- writing --------------------------------------------------------------------------------


def document_base(uri: str) -> str:
    """The part of a context IRI before ``#`` (GERBIL's ``…/doc#char=0,120`` → ``…/doc``)."""
    return uri.split("#", 1)[0]


def nif_quads(documents: Iterable[NifDocument]) -> list[ox.Quad]:
    """GERBIL's shape: the context typed nif:Context and nif:RFC5147String, each annotation typed
    nif:Phrase and nif:RFC5147String with ``#char=begin,end`` IRIs under the document's base."""
    quads: list[ox.Quad] = []
    nn = ox.NamedNode

    def integer(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=nn(XSD + "nonNegativeInteger"))

    for document in documents:
        context = nn(document.uri)
        for cls in ("Context", "RFC5147String", "String"):
            quads.append(ox.Quad(context, nn(RDF_TYPE), nn(NIF + cls)))
        quads += [
            ox.Quad(context, nn(NIF + "isString"), ox.Literal(document.text)),
            ox.Quad(context, nn(NIF + "beginIndex"), integer(0)),
            ox.Quad(context, nn(NIF + "endIndex"), integer(len(document.text))),
        ]
        base = document_base(document.uri)
        for annotation in document.annotations:
            node = nn(f"{base}#char={annotation.begin},{annotation.end}")
            for cls in ("Phrase", "RFC5147String", "String"):
                quads.append(ox.Quad(node, nn(RDF_TYPE), nn(NIF + cls)))
            quads += [
                ox.Quad(node, nn(NIF + "referenceContext"), context),
                ox.Quad(node, nn(NIF + "anchorOf"), ox.Literal(annotation.anchor)),
                ox.Quad(node, nn(NIF + "beginIndex"), integer(annotation.begin)),
                ox.Quad(node, nn(NIF + "endIndex"), integer(annotation.end)),
            ]
            quads += [ox.Quad(node, nn(ITSRDF + "taIdentRef"), nn(i)) for i in annotation.identifiers]
    return quads


def write_nif_corpus(documents: Iterable[NifDocument], path: Path) -> None:
    """A Turtle file (GERBIL's upload format); written whole or not at all."""
    store = ox.Store()
    store.bulk_extend(nif_quads(documents))
    prefixes = {"nif": NIF, "itsrdf": ITSRDF, "xsd": XSD, "wd": WD}
    data = store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    assert data is not None
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
