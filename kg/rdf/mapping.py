"""Model objects -> RDF quads, exactly per the output contract (``../shared/CONTRACT.md``).

One named graph per document holds everything about it: the nif:Context, a nif:Phrase per mention,
a nif:Sentence per evidence span, labels (and kinds, for NIL entities) of every entity referenced,
reified facts (plus the plain triple when positive and asserted, and then also Wikidata's statement
form, ``kg.rdf.statements``), quotations, meetings, and the PROV-O
description of the run and of the extractors that produced those records. IRIs are derived from
content (``kg.rdf.iris``).

The graph is built as N-Quads lines (terms as text, ``kg.rdf.ntriples``): ``document_nquads`` is what
the batch writes; ``document_quads`` reads those lines back as pyoxigraph quads.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

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
from kg.rdf import ntriples as nt
from kg.rdf import terms as kgo
from kg.rdf.iris import (
    checked_base_iri,
    content_hash,
    document_graph_iri,
    entity_iri,
    extractor_iri,
    run_iri,
)
from kg.rdf.statements import fact_statement, quotation_statement

log = logging.getLogger(__name__)

K = TypeVar("K")
V = TypeVar("V")


class _T:
    """The vocabulary's terms as N-Triples text."""

    TYPE = nt.node(ns.RDF_TYPE)
    SUBJECT = nt.node(ns.RDF_SUBJECT)
    PREDICATE = nt.node(ns.RDF_PREDICATE)
    OBJECT = nt.node(ns.RDF_OBJECT)
    VALUE = nt.node(ns.RDF_VALUE)
    LABEL = nt.node(ns.RDFS_LABEL)
    XSD_DATE = nt.node(ns.XSD_DATE)
    XSD_DATETIME = nt.node(ns.XSD_DATETIME)
    XSD_G_YEAR = nt.node(ns.XSD_G_YEAR)
    XSD_G_YEAR_MONTH = nt.node(ns.XSD_G_YEAR_MONTH)
    XSD_BOOLEAN = nt.iri("http://www.w3.org/2001/XMLSchema#boolean")
    XSD_NON_NEGATIVE_INTEGER = nt.node(ns.XSD_NON_NEGATIVE_INTEGER)
    NIF_CONTEXT = nt.node(ns.NIF_CONTEXT)
    NIF_SENTENCE = nt.node(ns.NIF_SENTENCE)
    NIF_PHRASE = nt.node(ns.NIF_PHRASE)
    IS_STRING = nt.node(ns.NIF_IS_STRING)
    BEGIN_INDEX = nt.node(ns.NIF_BEGIN_INDEX)
    END_INDEX = nt.node(ns.NIF_END_INDEX)
    ANCHOR_OF = nt.node(ns.NIF_ANCHOR_OF)
    REFERENCE_CONTEXT = nt.node(ns.NIF_REFERENCE_CONTEXT)
    TA_IDENT_REF = nt.node(ns.ITSRDF_TA_IDENT_REF)
    WAS_DERIVED_FROM = nt.node(ns.PROV_WAS_DERIVED_FROM)
    WAS_GENERATED_BY = nt.node(ns.PROV_WAS_GENERATED_BY)
    WAS_ASSOCIATED_WITH = nt.node(ns.PROV_WAS_ASSOCIATED_WITH)
    STARTED_AT_TIME = nt.node(ns.PROV_STARTED_AT_TIME)
    LANGUAGE = nt.node(ns.DCTERMS_LANGUAGE)
    TITLE = nt.node(ns.DCTERMS_TITLE)
    ISSUED = nt.node(ns.DCTERMS_ISSUED)
    SOURCE = nt.node(ns.DCTERMS_SOURCE)
    IDENTIFIER = nt.node(ns.DCTERMS_IDENTIFIER)
    POINT_IN_TIME = nt.node(ns.WDT_P585_POINT_IN_TIME)
    PARTICIPANT = nt.node(ns.WDT_P710_PARTICIPANT)
    LOCATION = nt.node(ns.WDT_P276_LOCATION)
    CONTENT_HASH = nt.node(kgo.contentHash)
    HAS_ENDED = nt.node(kgo.hasEnded)
    FACT = nt.node(kgo.Fact)
    QUOTATION = nt.node(kgo.Quotation)
    MEETING = nt.node(kgo.Meeting)
    EXTRACTOR = nt.node(kgo.Extractor)
    EXTRACTION_RUN = nt.node(kgo.ExtractionRun)
    POLARITY = nt.node(kgo.polarity)
    MODALITY = nt.node(kgo.modality)
    ATTRIBUTED_TO = nt.node(kgo.attributedTo)
    SPEAKER = nt.node(kgo.speaker)
    EVIDENCE = nt.node(kgo.evidence)
    CONFIDENCE = nt.node(kgo.confidence)
    EXTRACTOR_OF = nt.node(kgo.extractor)
    EXTRACTOR_NAME = nt.node(kgo.extractorName)
    EXTRACTOR_VERSION = nt.node(kgo.extractorVersion)
    SOFTWARE_VERSION = nt.node(kgo.softwareVersion)
    KB_VERSION = nt.node(kgo.kbVersion)
    KB_SOURCE = nt.node(kgo.kbSource)
    NLP_PIPELINE = nt.node(kgo.nlpPipeline)
    NLP_PIPELINE_VERSION = nt.node(kgo.nlpPipelineVersion)


# NIL entities are typed with the ontology class named like their kind (kg.model.EntityKind values).
_LOCAL_NAMES: dict[str, str] = {name: nt.node(term) for name, term in kgo.LOCAL_NAMES.items()}
_KIND_CLASSES: dict[EntityKind, str] = {kind: _LOCAL_NAMES[kind.value] for kind in EntityKind}
_TRUE = nt.typed("true", _T.XSD_BOOLEAN)


@lru_cache(maxsize=65536)  # offsets repeat across a document's nodes and documents
def _offset(value: int) -> str:
    return f'"{value}"^^{_T.XSD_NON_NEGATIVE_INTEGER}'


def _date(value: dt.date) -> str:
    return nt.typed(value.isoformat(), _T.XSD_DATE)


def _fact_time(time: TimeRef) -> str:
    """A fact's date as precise as the text gives it: "2023-04-04", "2023-04" or "2023"."""
    if time.precision is TimePrecision.YEAR:
        return nt.typed(f"{time.date.year:04d}", _T.XSD_G_YEAR)
    if time.precision is TimePrecision.MONTH:
        return nt.typed(f"{time.date.year:04d}-{time.date.month:02d}", _T.XSD_G_YEAR_MONTH)
    return _date(time.date)


def _datetime(value: dt.datetime) -> str:
    # In UTC, written as Oxigraph writes it ("…Z"), so the file and the store agree.
    value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return nt.typed(value.isoformat().replace("+00:00", "Z"), _T.XSD_DATETIME)


def _source(url: str) -> str:
    try:
        return nt.node(NamedNode(url))
    except ValueError:
        return nt.string(url)


@lru_cache(maxsize=16384)
def _entity_term(entity: Entity, base_iri: str) -> str:
    return nt.node(entity_iri(entity, base_iri))


@dataclass(frozen=True)
class DocumentLines:
    """One document's graph as N-Quads lines, in the mapping's (deterministic) order."""

    graph_iri: str
    context_iri: str  # the nif:Context node, which carries the content hash
    lines: tuple[str, ...]  # an item may be a block of several lines (of one record's own node)
    count: int  # how many lines (statements) in all

    def nquads(self) -> bytes:
        return "".join(self.lines).encode("utf-8")


class _GraphBuilder:
    """Collects the N-Quads lines of one document graph in a stable order, without duplicates."""

    def __init__(self, result: DocumentResult, run: RunProvenance, base_iri: str) -> None:
        self.document = result.document
        self.base = base_iri
        self.graph_iri = document_graph_iri(result.document, base_iri).value
        self.context_iri = f"{self.graph_iri}#context"
        self.context = nt.iri(self.context_iri)
        self.run = nt.node(run_iri(run, base_iri))
        self._tail = f" {nt.iri(self.graph_iri)} .\n"
        self._lines: dict[str, None] = {}
        self._in_blocks = 0  # lines added as blocks beyond one per block (see ``add_block``)
        self._evidence: dict[tuple[int, int], str] = {}  # span -> its nif:Sentence node, once described
        self._labelled: set[tuple[str, str, str]] = set()
        self._extractors: dict[str, Extractor] = {}
        self._entities: dict[int, str] = {}  # id(entity) -> term, while the result holds the entities
        self._extractor_terms: dict[int, str] = {}  # id(extractor) -> term, likewise

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self._lines[f"{subject} {predicate} {obj}{self._tail}"] = None

    def add_block(self, subject: str, pairs: tuple[tuple[str, str], ...]) -> None:
        """Lines of a node that only this call describes (a mention's, a fact's own node): they cannot
        repeat, so they go in as one block, not as a line each to be checked for duplicates."""
        head, tail = subject + " ", self._tail
        self._lines["".join([f"{head}{p} {o}{tail}" for p, o in pairs])] = None
        self._in_blocks += len(pairs) - 1

    def lines(self) -> DocumentLines:
        return DocumentLines(
            self.graph_iri, self.context_iri, tuple(self._lines), len(self._lines) + self._in_blocks
        )

    def fragment(self, fragment: str) -> str:
        return nt.iri(f"{self.graph_iri}#{fragment}")

    # --- documents and spans -------------------------------------------------------------------

    def add_context(self) -> None:
        doc: Document = self.document
        c = self.context
        self.add(c, _T.TYPE, _T.NIF_CONTEXT)
        self.add(c, _T.IS_STRING, nt.string(doc.text))
        self.add(c, _T.BEGIN_INDEX, _offset(0))
        self.add(c, _T.END_INDEX, _offset(len(doc.text)))
        self.add(c, _T.LANGUAGE, nt.string(doc.lang))
        self.add(c, _T.IDENTIFIER, nt.string(doc.doc_id))
        self.add(c, _T.CONTENT_HASH, nt.string(doc.content_hash))
        if doc.title:
            self.add(c, _T.TITLE, nt.text(doc.title, doc.lang))
        if doc.published is not None:
            self.add(c, _T.ISSUED, _date(doc.published))
        if doc.source_url:
            self.add(c, _T.SOURCE, _source(doc.source_url))

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

    def _offsets(self, span: Span) -> tuple[tuple[str, str], ...]:
        return (
            (_T.REFERENCE_CONTEXT, self.context),
            (_T.BEGIN_INDEX, _offset(span.begin)),
            (_T.END_INDEX, _offset(span.end)),
            (_T.ANCHOR_OF, nt.string(span.text)),
        )

    def evidence(self, span: Span) -> str:
        """The nif:Sentence node of an evidence span (one per span, however many records cite it)."""
        key = (span.begin, span.end)
        node = self._evidence.get(key)
        if node is not None and self.document.text[span.begin : span.end] == span.text:
            return node  # described already (and checked: the same offsets, the same text)
        self._check_span(span, "evidence")
        node = self._evidence[key] = self.fragment(f"sentence={span.begin},{span.end}")
        self.add_block(node, ((_T.TYPE, _T.NIF_SENTENCE), *self._offsets(span)))
        return node

    # --- entities, extractors, provenance ------------------------------------------------------

    def entity_term(self, entity: Entity) -> str:
        term = self._entities.get(id(entity))
        if term is None:
            term = self._entities[id(entity)] = _entity_term(entity, self.base)
        return term

    def entity(self, entity: Entity) -> str:
        """The entity's IRI, labelled (and typed with its kind when NIL) in this graph."""
        term = self.entity_term(entity)
        key = (term, entity.label, entity.label_lang)
        if key not in self._labelled:
            self._labelled.add(key)
            self.add(term, _T.LABEL, nt.text(entity.label, entity.label_lang))
            if entity.is_nil:
                self.add(term, _T.TYPE, _KIND_CLASSES[entity.kind])
        return term

    def extractor(self, extractor: Extractor) -> str:
        term = self._extractor_terms.get(id(extractor))
        if term is not None:
            return term  # described in this graph already (hashing the dataclass again cost more)
        term, description = _extractor_description(extractor, self.base)
        self._extractor_terms[id(extractor)] = term
        if term not in self._extractors:
            self._extractors[term] = extractor
            for predicate, obj in description:
                self.add(term, predicate, obj)
        return term

    def add_run(self, run: RunProvenance) -> None:
        """The run, associated with the extractors described so far: call it last."""
        r = self.run
        self.add(r, _T.TYPE, _T.EXTRACTION_RUN)
        self.add(r, _T.STARTED_AT_TIME, _datetime(run.started))
        self.add(r, _T.SOFTWARE_VERSION, nt.string(run.software_version))
        self.add(r, _T.KB_VERSION, nt.string(run.kb_version))
        for source in run.kb_sources:
            self.add(r, _T.KB_SOURCE, nt.string(source))
        self.add(r, _T.NLP_PIPELINE, nt.string(run.pipeline))
        self.add(r, _T.NLP_PIPELINE_VERSION, nt.string(run.pipeline_version))
        # Only the extractors that produced something here: the run's full list (some sixty) in every
        # document graph was a third of all quads; each graph stays self-contained all the same.
        for term in sorted(self._extractors, key=lambda t: t[1:-1]):  # by IRI, not by "<iri>"
            self.add(r, _T.WAS_ASSOCIATED_WITH, term)

    def _provenance(self, node: str, evidence: Span, extractor: Extractor, confidence: float) -> None:
        # ``node`` is the record's own (one per record): its lines go in as one block
        sentence = self.evidence(evidence)
        self.add_block(
            node,
            (
                (_T.EVIDENCE, sentence),
                # Derived from the document and from the evidence span, stated plainly (kgo:evidence is
                # a sub-property of prov:wasDerivedFrom, but queries should not need a reasoner).
                (_T.WAS_DERIVED_FROM, self.context),
                (_T.WAS_DERIVED_FROM, sentence),
                (_T.CONFIDENCE, nt.double(confidence)),
            ),
        )
        self.add_block(node, ((_T.EXTRACTOR_OF, self.extractor(extractor)), (_T.WAS_GENERATED_BY, self.run)))

    # --- records -------------------------------------------------------------------------------

    def add_mention(self, mention: Mention) -> None:
        span = mention.span
        self._check_span(span, "mention")
        # The entity's label and the linker's description first (once per graph), then the node's own
        # seven lines as one block: one mention per span (document_lines), so they cannot repeat.
        entity = self.entity(mention.entity)
        linker = self.extractor(mention.linker)
        head, tail = f"<{self.graph_iri}#char={span.begin},{span.end}> ", self._tail
        self._lines[
            f"{head}{_T.TYPE} {_T.NIF_PHRASE}{tail}"
            f"{head}{_T.REFERENCE_CONTEXT} {self.context}{tail}"
            f"{head}{_T.BEGIN_INDEX} {_offset(span.begin)}{tail}"
            f"{head}{_T.END_INDEX} {_offset(span.end)}{tail}"
            f"{head}{_T.ANCHOR_OF} {nt.string(span.text)}{tail}"
            f"{head}{_T.TA_IDENT_REF} {entity}{tail}"
            f"{head}{_T.CONFIDENCE} {nt.double(mention.score)}{tail}"
            f"{head}{_T.EXTRACTOR_OF} {linker}{tail}"
        ] = None
        self._in_blocks += 7

    def fact_iri(self, fact: Fact) -> str:
        digest = content_hash(
            self.entity_term(fact.subject)[1:-1],
            fact.predicate.value,
            self.entity_term(fact.object)[1:-1],
            fact.polarity.value,
            fact.modality.value,
            str(fact.evidence.begin),
            str(fact.evidence.end),
            # "joined in 1999 and left in 2020": two facts of one sentence (existing IRIs unchanged)
            *(("ended",) if fact.ended else ()),
        )
        return self.fragment(f"fact-{digest}")

    def add_fact(self, node: str, fact: Fact) -> None:
        subject = self.entity(fact.subject)
        predicate = nt.iri(fact.predicate.value)
        obj = self.entity(fact.object)
        # one fact per node (document_lines): its own lines go in as one block
        self.add_block(
            node,
            (
                (_T.TYPE, _T.FACT),
                (_T.SUBJECT, subject),
                (_T.PREDICATE, predicate),
                (_T.OBJECT, obj),
                (_T.POLARITY, _LOCAL_NAMES[fact.polarity.value]),
                (_T.MODALITY, _LOCAL_NAMES[fact.modality.value]),
            ),
        )
        if fact.attributed_to is not None:
            self.add(node, _T.ATTRIBUTED_TO, self.entity(fact.attributed_to))
        if fact.time is not None:
            self.add(node, nt.iri(fact.time.role.value), _fact_time(fact.time))
        if fact.ended:
            self.add(node, _T.HAS_ENDED, _TRUE)
        self._provenance(node, fact.evidence, fact.extractor, fact.confidence)
        if fact.is_plain:
            self.add(subject, predicate, obj)
        for triple in fact_statement(node, fact, subject, obj):
            self.add(*triple)

    def quotation_iri(self, quotation: Quotation) -> str:
        speaker = self.entity_term(quotation.speaker)[1:-1] if quotation.speaker else ""
        digest = content_hash(str(quotation.span.begin), str(quotation.span.end), speaker, quotation.text)
        return self.fragment(f"quotation-{digest}")

    def add_quotation(self, node: str, quotation: Quotation) -> None:
        self._check_span(quotation.span, "quotation")
        self.add(node, _T.TYPE, _T.QUOTATION)
        words = nt.text(quotation.text, self.document.lang)
        self.add(node, _T.VALUE, words)
        if quotation.speaker is not None:
            speaker = self.entity(quotation.speaker)
            self.add(node, _T.SPEAKER, speaker)
            for triple in quotation_statement(node, quotation, speaker, words):
                self.add(*triple)
        if quotation.date is not None:
            self.add(node, _T.POINT_IN_TIME, _date(quotation.date))
        self._provenance(node, quotation.evidence, quotation.extractor, quotation.confidence)

    def meeting_iri(self, meeting: Meeting) -> str:
        digest = content_hash(
            *sorted(self.entity_term(p)[1:-1] for p in meeting.participants),
            self.entity_term(meeting.place)[1:-1] if meeting.place else "",
            meeting.date.isoformat() if meeting.date else "",
            str(meeting.evidence.begin),
            str(meeting.evidence.end),
        )
        return self.fragment(f"meeting-{digest}")

    def add_meeting(self, node: str, meeting: Meeting) -> None:
        self.add(node, _T.TYPE, _T.MEETING)
        if meeting.label:
            self.add(node, _T.LABEL, nt.text(meeting.label, self.document.lang))
        for participant in meeting.participants:
            self.add(node, _T.PARTICIPANT, self.entity(participant))
        if meeting.place is not None:
            self.add(node, _T.LOCATION, self.entity(meeting.place))
        if meeting.date is not None:
            self.add(node, _T.POINT_IN_TIME, _date(meeting.date))
        self._provenance(node, meeting.evidence, meeting.extractor, meeting.confidence)


@lru_cache(maxsize=1024)
def _extractor_description(extractor: Extractor, base_iri: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """An extractor's IRI and (predicate, object) pairs: the same in every document of a run, so built
    once (profiled: rebuilt per document and mention, they were a third of the mapping's time)."""
    term = nt.node(extractor_iri(extractor, base_iri))
    return term, (
        (_T.TYPE, _T.EXTRACTOR),
        (_T.LABEL, nt.string(extractor.id)),
        (_T.EXTRACTOR_NAME, nt.string(extractor.name)),
        (_T.EXTRACTOR_VERSION, nt.string(extractor.version)),
    )


def _most_confident(items: Iterable[tuple[K, V, float]]) -> dict[K, V]:
    """One record per IRI: two records with the same identifying content are the same statement;
    the most confident one (the first among equals) describes it."""
    best: dict[K, tuple[V, float]] = {}
    for key, value, confidence in items:
        if key not in best or confidence > best[key][1]:
            best[key] = (value, confidence)
    return {key: value for key, (value, _) in best.items()}


def document_lines(result: DocumentResult, run: RunProvenance, *, base_iri: str) -> DocumentLines:
    """All statements of one document, in its own named graph (``document_graph_iri``), as N-Quads
    lines. Deterministic: the same result and run give the same lines in the same order."""
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
    return builder.lines()


def document_quads(result: DocumentResult, run: RunProvenance, *, base_iri: str) -> list[Quad]:
    """All quads of one document, in its own named graph (``document_graph_iri``).

    Deterministic: the same result and run give the same quads in the same order.
    """
    data = document_lines(result, run, base_iri=base_iri).nquads()
    return list(parse(data, format=RdfFormat.N_QUADS))
