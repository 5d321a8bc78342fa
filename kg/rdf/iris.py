"""Deterministic IRIs: every data IRI is derived from the content it names, under a base IRI.

    {base}doc/{doc_id}                         the document's named graph
    {base}doc/{doc_id}#context                 its nif:Context
    {base}doc/{doc_id}#char={b},{e}            a mention (nif:Phrase), NIF-style offsets
    {base}doc/{doc_id}#sentence={b},{e}        an evidence span (nif:Sentence)
    {base}doc/{doc_id}#fact-{hash}             a fact: subject, predicate, object, polarity, modality,
                                               evidence offsets
    {base}doc/{doc_id}#quotation-{hash}        a quotation: offsets, speaker, words
    {base}doc/{doc_id}#meeting-{hash}          a meeting: participants, place, date, evidence
    {base}entity/{Kind}/{slug}-{hash}          a NIL entity: kind + normalised label
    {base}extractor/{name}/v{version}          an extractor
    {base}run/{hash}                           a run: all of its provenance fields

Same input, same IRIs: re-loading a document replaces its named graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, urlsplit

from pyoxigraph import NamedNode

from kg.errors import ConfigError
from kg.model import WD, Document, Entity, Extractor, RunProvenance

DEFAULT_BASE_IRI = "https://w3id.org/kg-news/id/"

_SLUG_MAX = 60


# The IRI functions are pure and called per mention, fact and document with few distinct arguments
# (one base IRI, a few dozen extractors, one run): cached, they cost a lookup (profiled: quote() and
# urlsplit() per call were a tenth of the mapping).


@lru_cache(maxsize=64)
def checked_base_iri(base_iri: str) -> str:
    """The base IRI, ending in ``/``; a ConfigError names what is wrong with a bad one."""
    parts = urlsplit(base_iri)
    if not parts.scheme or not (parts.netloc or parts.scheme == "urn") or parts.fragment or "#" in base_iri:
        raise ConfigError(
            f"base IRI {base_iri!r} must be an absolute IRI without a fragment, e.g. {DEFAULT_BASE_IRI}"
        )
    if not base_iri.endswith("/"):
        base_iri += "/"
    try:
        NamedNode(base_iri)
    except ValueError as exc:
        raise ConfigError(f"base IRI {base_iri!r} is not a valid IRI: {exc}") from None
    return base_iri


def content_hash(*fields: str, length: int = 16) -> str:
    """A short, stable hash of identifying fields (unit-separated so fields cannot run together)."""
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()[:length]


def _segment(value: str) -> str:
    """A path segment: ASCII letters, digits and sub-delimiters stay; the rest (``/``, spaces,
    non-ASCII letters) is %-encoded as UTF-8, so the IRI is also a plain URI."""
    return quote(value, safe="-._~:@!$&'()*+,;=")


def document_graph_iri(document: Document, base_iri: str) -> NamedNode:
    """The named graph (and the IRI stem of every node) of one document."""
    return NamedNode(f"{checked_base_iri(base_iri)}doc/{_segment(document.doc_id)}")


def fragment_iri(graph: NamedNode, fragment: str) -> NamedNode:
    return NamedNode(f"{graph.value}#{fragment}")


def normalised_label(label: str) -> str:
    """What makes two NIL labels the same entity: NFKC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", label).lower().split())


@lru_cache(maxsize=16384)
def entity_iri(entity: Entity, base_iri: str) -> NamedNode:
    """A linked entity *is* its Wikidata item; a NIL entity gets a dataset IRI from kind + label."""
    if entity.qid is not None:
        return NamedNode(WD + entity.qid)
    if not base_iri.endswith("/"):
        base_iri = checked_base_iri(base_iri)
    norm = normalised_label(entity.label)
    slug = re.sub(r"[^\w]+", "-", norm).strip("-")[:_SLUG_MAX].strip("-") or "x"
    digest = content_hash(entity.kind.value, norm, length=10)
    return NamedNode(f"{base_iri}entity/{entity.kind.value}/{_segment(slug)}-{digest}")


@lru_cache(maxsize=1024)
def extractor_iri(extractor: Extractor, base_iri: str) -> NamedNode:
    return NamedNode(f"{base_iri}extractor/{_segment(extractor.name)}/v{_segment(extractor.version)}")


@lru_cache(maxsize=64)
def run_iri(run: RunProvenance, base_iri: str) -> NamedNode:
    digest = content_hash(
        run.software_version,
        run.kb_version,
        run.pipeline,
        run.pipeline_version,
        run.started.isoformat(),
        *sorted(extractor.id for extractor in run.extractors),
    )
    return NamedNode(f"{base_iri}run/{digest}")
