"""Model objects -> RDF quads, exactly per the output contract (``../shared/CONTRACT.md``).

One named graph per document holds everything about it: the nif:Context, a nif:Phrase per mention,
a nif:Sentence per evidence span, labels (and kinds, for NIL entities) of every entity referenced,
reified facts (plus the plain triple when positive and asserted, and then also Wikidata's statement
form, ``kg.rdf.statements``), quotations, meetings, and the PROV-O
description of the run and of the extractors that produced those records. IRIs are derived from
content (``kg.rdf.iris``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from functools import lru_cache
from typing import TypeVar

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import (
    Document,
    DocumentResult,
    Entity,
    EntityKind,
    Extractor,
    Fact,
    Meeting,
    Mention,
    Quotation,
    RunProvenance,
    Span,
    TimePrecision,
    TimeRef,
)
from kg.rdf import namespaces as ns
from kg.rdf import terms as kgo
from kg.rdf.iris import (
    checked_base_iri,
    content_hash,
    document_graph_iri,
    entity_iri,
    extractor_iri,
    fragment_iri,
    run_iri,
)
from kg.rdf.statements import fact_statement, quotation_statement

log = logging.getLogger(__name__)

K = TypeVar("K")
V = TypeVar("V")

# NIL entities are typed with the ontology class named like their kind (kg.model.EntityKind values).
_KIND_CLASSES: dict[EntityKind, NamedNode] = {kind: kgo.LOCAL_NAMES[kind.value] for kind in EntityKind}


_TRUE = Literal(True)


def _string(value: str) -> Literal:
    return Literal(value)


def _text(value: str, lang: str) -> Literal:
    """A language-tagged literal; a plain string when the tag is not a valid BCP 47 tag."""
    if lang:
        try:
            return Literal(value, language=lang)
        except ValueError:
            pass
    return Literal(value)


@lru_cache(maxsize=65536)  # offsets repeat across a document's nodes and documents; a Literal is immutable
def _offset(value: int) -> Literal:
    return Literal(str(value), datatype=ns.XSD_NON_NEGATIVE_INTEGER)


def _double(value: float) -> Literal:
    # Oxigraph's canonical form ("0.9", "1"), so a graph read back from the store is the same graph.
    return Literal(float(value))


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=ns.XSD_DATE)


def _fact_time(time: TimeRef) -> Literal:
    """A fact's date as precise as the text gives it: "2023-04-04", "2023-04" or "2023"."""
    if time.precision is TimePrecision.YEAR:
        return Literal(f"{time.date.year:04d}", datatype=ns.XSD_G_YEAR)
    if time.precision is TimePrecision.MONTH:
        return Literal(f"{time.date.year:04d}-{time.date.month:02d}", datatype=ns.XSD_G_YEAR_MONTH)
    return _date(time.date)


def _datetime(value: dt.datetime) -> Literal:
    # In UTC, written as Oxigraph writes it ("…Z"), so the file and the store agree.
    value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return Literal(value.isoformat().replace("+00:00", "Z"), datatype=ns.XSD_DATETIME)


def _source(url: str) -> NamedNode | Literal:
    try:
        return NamedNode(url)
    except ValueError:
        return Literal(url)


class _GraphBuilder:
    """Collects the quads of one document graph in a stable order, without duplicates."""

    def __init__(self, result: DocumentResult, run: RunProvenance, base_iri: str) -> None:
        self.document = result.document
        self.base = base_iri
        self.graph = document_graph_iri(result.document, base_iri)
        self.context = fragment_iri(self.graph, "context")
        self.run = run_iri(run, base_iri)
        self._quads: dict[Quad, None] = {}
        self._labelled: set[tuple[str, str, str]] = set()
        self._extractors: dict[NamedNode, Extractor] = {}

    def add(self, subject: NamedNode, predicate: NamedNode, obj: NamedNode | Literal) -> None:
        self._quads[Quad(subject, predicate, obj, self.graph)] = None

    def quads(self) -> list[Quad]:
        return list(self._quads)

    # --- documents and spans -------------------------------------------------------------------

    def add_context(self) -> None:
        doc: Document = self.document
        c = self.context
        self.add(c, ns.RDF_TYPE, ns.NIF_CONTEXT)
        self.add(c, ns.NIF_IS_STRING, _string(doc.text))
        self.add(c, ns.NIF_BEGIN_INDEX, _offset(0))
        self.add(c, ns.NIF_END_INDEX, _offset(len(doc.text)))
        self.add(c, ns.DCTERMS_LANGUAGE, _string(doc.lang))
        self.add(c, ns.DCTERMS_IDENTIFIER, _string(doc.doc_id))
        self.add(c, kgo.contentHash, _string(doc.content_hash))
        if doc.title:
            self.add(c, ns.DCTERMS_TITLE, _text(doc.title, doc.lang))
        if doc.published is not None:
            self.add(c, ns.DCTERMS_ISSUED, _date(doc.published))
        if doc.source_url:
            self.add(c, ns.DCTERMS_SOURCE, _source(doc.source_url))

    def _check_span(self, span: Span, what: str) -> None:
        text = self.document.text
        if span.begin >= span.end:
            raise ValueError(f"{self.document.origin}: empty {what} span at {span.begin}")
        if span.end > len(text) or text[span.begin : span.end] != span.text:
            # A bug upstream, not bad input: the offsets do not point at the words they claim.
            raise ValueError(
                f"{self.document.origin}: {what} span {span.begin}..{span.end} {span.text!r} "
                f"does not match the document text there {text[span.begin : span.end]!r}"
            )

    def _add_offsets(self, node: NamedNode, span: Span) -> None:
        self.add(node, ns.NIF_REFERENCE_CONTEXT, self.context)
        self.add(node, ns.NIF_BEGIN_INDEX, _offset(span.begin))
        self.add(node, ns.NIF_END_INDEX, _offset(span.end))
        self.add(node, ns.NIF_ANCHOR_OF, _string(span.text))

    def evidence(self, span: Span) -> NamedNode:
        """The nif:Sentence node of an evidence span (one per span, however many records cite it)."""
        self._check_span(span, "evidence")
        node = fragment_iri(self.graph, f"sentence={span.begin},{span.end}")
        self.add(node, ns.RDF_TYPE, ns.NIF_SENTENCE)
        self._add_offsets(node, span)
        return node

    # --- entities, extractors, provenance ------------------------------------------------------

    def entity(self, entity: Entity) -> NamedNode:
        """The entity's IRI, labelled (and typed with its kind when NIL) in this graph."""
        iri = entity_iri(entity, self.base)
        key = (iri.value, entity.label, entity.label_lang)
        if key not in self._labelled:
            self._labelled.add(key)
            self.add(iri, ns.RDFS_LABEL, _text(entity.label, entity.label_lang))
            if entity.is_nil:
                self.add(iri, ns.RDF_TYPE, _KIND_CLASSES[entity.kind])
        return iri

    def extractor(self, extractor: Extractor) -> NamedNode:
        iri, description = _extractor_description(extractor, self.base)
        if iri not in self._extractors:
            self._extractors[iri] = extractor
            for predicate, obj in description:
                self.add(iri, predicate, obj)
        return iri

    def add_run(self, run: RunProvenance) -> None:
        """The run, associated with the extractors described so far: call it last."""
        r = self.run
        self.add(r, ns.RDF_TYPE, kgo.ExtractionRun)
        self.add(r, ns.PROV_STARTED_AT_TIME, _datetime(run.started))
        self.add(r, kgo.softwareVersion, _string(run.software_version))
        self.add(r, kgo.kbVersion, _string(run.kb_version))
        for source in run.kb_sources:
            self.add(r, kgo.kbSource, _string(source))
        self.add(r, kgo.nlpPipeline, _string(run.pipeline))
        self.add(r, kgo.nlpPipelineVersion, _string(run.pipeline_version))
        # Only the extractors that produced something here: the run's full list (some sixty) in every
        # document graph was a third of all quads; each graph stays self-contained all the same.
        for iri in sorted(self._extractors, key=lambda node: node.value):
            self.add(r, ns.PROV_WAS_ASSOCIATED_WITH, iri)

    def _provenance(self, node: NamedNode, evidence: Span, extractor: Extractor, confidence: float) -> None:
        sentence = self.evidence(evidence)
        self.add(node, kgo.evidence, sentence)
        # Derived from the document and from the evidence span, stated plainly (kgo:evidence is a
        # sub-property of prov:wasDerivedFrom, but queries should not need a reasoner).
        self.add(node, ns.PROV_WAS_DERIVED_FROM, self.context)
        self.add(node, ns.PROV_WAS_DERIVED_FROM, sentence)
        self.add(node, kgo.confidence, _double(confidence))
        self.add(node, kgo.extractor, self.extractor(extractor))
        self.add(node, ns.PROV_WAS_GENERATED_BY, self.run)

    # --- records -------------------------------------------------------------------------------

    def add_mention(self, mention: Mention) -> None:
        self._check_span(mention.span, "mention")
        node = fragment_iri(self.graph, f"char={mention.span.begin},{mention.span.end}")
        self.add(node, ns.RDF_TYPE, ns.NIF_PHRASE)
        self._add_offsets(node, mention.span)
        self.add(node, ns.ITSRDF_TA_IDENT_REF, self.entity(mention.entity))
        self.add(node, kgo.confidence, _double(mention.score))
        self.add(node, kgo.extractor, self.extractor(mention.linker))

    def fact_iri(self, fact: Fact) -> NamedNode:
        digest = content_hash(
            entity_iri(fact.subject, self.base).value,
            fact.predicate.value,
            entity_iri(fact.object, self.base).value,
            fact.polarity.value,
            fact.modality.value,
            str(fact.evidence.begin),
            str(fact.evidence.end),
            # "joined in 1999 and left in 2020": two facts of one sentence (existing IRIs unchanged)
            *(("ended",) if fact.ended else ()),
        )
        return fragment_iri(self.graph, f"fact-{digest}")

    def add_fact(self, node: NamedNode, fact: Fact) -> None:
        subject = self.entity(fact.subject)
        predicate = NamedNode(fact.predicate.value)
        obj = self.entity(fact.object)
        self.add(node, ns.RDF_TYPE, kgo.Fact)
        self.add(node, ns.RDF_SUBJECT, subject)
        self.add(node, ns.RDF_PREDICATE, predicate)
        self.add(node, ns.RDF_OBJECT, obj)
        self.add(node, kgo.polarity, kgo.LOCAL_NAMES[fact.polarity.value])
        self.add(node, kgo.modality, kgo.LOCAL_NAMES[fact.modality.value])
        if fact.attributed_to is not None:
            self.add(node, kgo.attributedTo, self.entity(fact.attributed_to))
        if fact.time is not None:
            self.add(node, NamedNode(fact.time.role.value), _fact_time(fact.time))
        if fact.ended:
            self.add(node, kgo.hasEnded, _TRUE)
        self._provenance(node, fact.evidence, fact.extractor, fact.confidence)
        if fact.is_plain:
            self.add(subject, predicate, obj)
        for triple in fact_statement(node, fact, subject, obj):
            self.add(*triple)

    def quotation_iri(self, quotation: Quotation) -> NamedNode:
        speaker = entity_iri(quotation.speaker, self.base).value if quotation.speaker else ""
        digest = content_hash(str(quotation.span.begin), str(quotation.span.end), speaker, quotation.text)
        return fragment_iri(self.graph, f"quotation-{digest}")

    def add_quotation(self, node: NamedNode, quotation: Quotation) -> None:
        self._check_span(quotation.span, "quotation")
        self.add(node, ns.RDF_TYPE, kgo.Quotation)
        words = _text(quotation.text, self.document.lang)
        self.add(node, ns.RDF_VALUE, words)
        if quotation.speaker is not None:
            speaker = self.entity(quotation.speaker)
            self.add(node, kgo.speaker, speaker)
            for triple in quotation_statement(node, quotation, speaker, words):
                self.add(*triple)
        if quotation.date is not None:
            self.add(node, ns.WDT_P585_POINT_IN_TIME, _date(quotation.date))
        self._provenance(node, quotation.evidence, quotation.extractor, quotation.confidence)

    def meeting_iri(self, meeting: Meeting) -> NamedNode:
        digest = content_hash(
            *sorted(entity_iri(p, self.base).value for p in meeting.participants),
            entity_iri(meeting.place, self.base).value if meeting.place else "",
            meeting.date.isoformat() if meeting.date else "",
            str(meeting.evidence.begin),
            str(meeting.evidence.end),
        )
        return fragment_iri(self.graph, f"meeting-{digest}")

    def add_meeting(self, node: NamedNode, meeting: Meeting) -> None:
        self.add(node, ns.RDF_TYPE, kgo.Meeting)
        if meeting.label:
            self.add(node, ns.RDFS_LABEL, _text(meeting.label, self.document.lang))
        for participant in meeting.participants:
            self.add(node, ns.WDT_P710_PARTICIPANT, self.entity(participant))
        if meeting.place is not None:
            self.add(node, ns.WDT_P276_LOCATION, self.entity(meeting.place))
        if meeting.date is not None:
            self.add(node, ns.WDT_P585_POINT_IN_TIME, _date(meeting.date))
        self._provenance(node, meeting.evidence, meeting.extractor, meeting.confidence)


@lru_cache(maxsize=1024)
def _extractor_description(
    extractor: Extractor, base_iri: str
) -> tuple[NamedNode, tuple[tuple[NamedNode, NamedNode | Literal], ...]]:
    """An extractor's IRI and (predicate, object) pairs: the same in every document of a run, so built
    once (profiled: rebuilt per document and mention, they were a third of the mapping's time)."""
    iri = extractor_iri(extractor, base_iri)
    return iri, (
        (ns.RDF_TYPE, kgo.Extractor),
        (ns.RDFS_LABEL, _string(extractor.id)),
        (kgo.extractorName, _string(extractor.name)),
        (kgo.extractorVersion, _string(extractor.version)),
    )


def _most_confident(items: Iterable[tuple[K, V, float]]) -> dict[K, V]:
    """One record per IRI: two records with the same identifying content are the same statement;
    the most confident one (the first among equals) describes it."""
    best: dict[K, tuple[V, float]] = {}
    for key, value, confidence in items:
        if key not in best or confidence > best[key][1]:
            best[key] = (value, confidence)
    return {key: value for key, (value, _) in best.items()}


def document_quads(result: DocumentResult, run: RunProvenance, *, base_iri: str) -> list[Quad]:
    """All quads of one document, in its own named graph (``document_graph_iri``).

    Deterministic: the same result and run give the same quads in the same order.
    """
    builder = _GraphBuilder(result, run, checked_base_iri(base_iri))
    builder.add_context()
    # Demonyms and compound parts stay with the facts stage, but are no nif:Phrase mentions.
    annotated = (m for m in result.mentions if m.annotation)
    mentions = _most_confident(((m.span.begin, m.span.end), m, m.score) for m in annotated)
    for mention in mentions.values():
        builder.add_mention(mention)
    facts = _most_confident((builder.fact_iri(f), f, f.confidence) for f in result.facts)
    for node, fact in facts.items():
        builder.add_fact(node, fact)
    quotations = _most_confident((builder.quotation_iri(q), q, q.confidence) for q in result.quotations)
    for node, quotation in quotations.items():
        builder.add_quotation(node, quotation)
    meetings = _most_confident((builder.meeting_iri(m), m, m.confidence) for m in result.meetings)
    for node, meeting in meetings.items():
        builder.add_meeting(node, meeting)
    builder.add_run(run)
    dropped = (sum(m.annotation for m in result.mentions) - len(mentions)) + (len(result.facts) - len(facts))
    if dropped:
        log.debug("%s: %d duplicate mentions/facts merged", result.document.doc_id, dropped)
    return builder.quads()
