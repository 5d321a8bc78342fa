"""The data passed between stages: plain frozen dataclasses, no third-party imports.

ingest -> ``Document``; nlp -> ``TextAnalysis`` (sentences, tokens, quotation spans);
link -> ``Mention`` / ``Entity``; facts -> ``Fact``, ``Quotation``, ``Meeting``;
the whole of one document is a ``DocumentResult``; the run is a ``RunProvenance``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
KGO = "https://w3id.org/kg-news/ontology#"
"""The project's ontology namespace (``ontology/kg.ttl``). Stable: queries depend on it."""


class EntityKind(StrEnum):
    """Coarse entity types; the RDF mapping types NIL entities with them."""

    PERSON = "Person"
    COUNTRY = "Country"
    PLACE = "Place"  # cities, regions, continents
    ORGANISATION = "Organisation"
    POSITION = "Position"  # an office, e.g. Secretary General of NATO
    TREATY_CLAUSE = "TreatyClause"  # e.g. Article 5 of the North Atlantic Treaty
    EVENT = "Event"
    OTHER = "Other"


class Polarity(StrEnum):
    POSITIVE = "Positive"
    NEGATIVE = "Negative"


class Modality(StrEnum):
    """How firmly the text holds a fact; values are the ontology individuals' local names."""

    ASSERTED = "Asserted"
    POSSIBLE = "Possible"
    INTENDED = "Intended"
    DEMANDED = "Demanded"
    APPLIED = "Applied"
    INVITED = "Invited"
    DENIED = "Denied"


class Predicate(StrEnum):
    """Relation predicates (full IRIs): Wikidata's where it has one, ours otherwise."""

    MEMBER_OF = WDT + "P463"
    HOLDS_POSITION = WDT + "P39"
    SHARES_BORDER_WITH = WDT + "P47"
    HEADQUARTERS = WDT + "P159"
    PARTNER_OF = KGO + "partnerOf"
    CANDIDATE_FOR = KGO + "candidateFor"
    COVERED_BY = KGO + "coveredBy"
    IMPOSES_SANCTIONS_ON = KGO + "imposesSanctionsOn"
    SUSPENDED_FROM = KGO + "suspendedFrom"


class TimeRole(StrEnum):
    """Which Wikidata qualifier a fact's time fills."""

    POINT = WDT + "P585"
    START = WDT + "P580"
    END = WDT + "P582"


class TimePrecision(StrEnum):
    """How much of a fact's date the text gives: "am 4. April 2023", "im April 2023", "2023"."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Span:
    """Characters ``text[begin:end]`` of a document (Python code-point offsets)."""

    begin: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.begin < 0 or self.end < self.begin:
            raise ValueError(f"bad span offsets {self.begin}..{self.end}")
        if len(self.text) != self.end - self.begin:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.begin}..{self.end}")


@dataclass(frozen=True)
class Document:
    """One input article as read, before any analysis."""

    doc_id: str  # stable: the JSONL id, else derived from the content hash
    text: str
    lang: str  # ISO 639-1, e.g. "de"
    origin: str  # where it came from, for messages: a path, "path:line", or "<stdin>"
    content_hash: str  # sha256 hex of the text
    title: str | None = None
    published: dt.date | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class IngestFailure:
    """A document that could not be read; the batch goes on without it."""

    origin: str
    message: str


@dataclass(frozen=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True)
class Token:
    """A token as the nlp stage saw it; ``head``/``dep`` only when a parser ran."""

    index: int  # position in the document's token sequence
    text: str
    lemma: str
    begin: int
    end: int
    sentence: int  # index of its sentence
    pos: str = ""
    tag: str = ""
    dep: str = ""
    head: int = -1
    is_title: bool = False  # starts upper-case


@dataclass(frozen=True)
class NamedEntitySpan:
    """A span a trained NER component found (empty list on a blank pipeline)."""

    span: Span
    label: str  # the model's label, e.g. "PER", "LOC", "ORG"


@dataclass(frozen=True)
class TriggerPatterns:
    """One rule's trigger as the facts stage hands it to the nlp stage: spaCy ``Matcher`` token
    patterns and vetoing patterns, or (rules not written as token patterns yet) a regular expression."""

    rule: str
    tokens: tuple[Sequence[Mapping[str, Any]], ...] = ()
    unless: tuple[Sequence[Mapping[str, Any]], ...] = ()
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True)
class TriggerHit:
    """Where a rule's trigger matched (the nlp stage runs every rule's trigger once per document):
    ``rule`` is the rule's key as the facts stage registered it, ``token_start``/``token_end`` the
    spaCy token range (end exclusive), ``begin``/``end`` the characters of the trigger proper."""

    rule: str
    token_start: int
    token_end: int
    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class QuotationSpan:
    """A direct quotation: the quoted words, without the quotation marks."""

    span: Span
    sentence: int  # the sentence the quotation opens in


@dataclass(frozen=True)
class TextAnalysis:
    """What the nlp stage hands on: no spaCy objects, only offsets and strings."""

    doc_id: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotations: tuple[QuotationSpan, ...] = ()
    named_entities: tuple[NamedEntitySpan, ...] = ()
    pipeline: str = "blank"  # the spaCy pipeline's name, e.g. "blank:de" or "de_core_news_lg"
    pipeline_version: str = ""
    has_parser: bool = False
    # every rule trigger of the document, in text order; None: the nlp stage was given no rules
    triggers: tuple[TriggerHit, ...] | None = None


@dataclass(frozen=True)
class Entity:
    """A referent. Linked: ``qid`` set and the entity *is* ``wd:<qid>``. NIL: ``qid`` is None and
    the RDF mapping derives an IRI of the dataset from ``kind`` and ``label``."""

    label: str
    kind: EntityKind
    qid: str | None = None
    label_lang: str = "en"
    description: str | None = None

    @property
    def is_nil(self) -> bool:
        return self.qid is None

    @property
    def key(self) -> str:
        """Identity within a run: the QID, or kind+label for NIL entities."""
        return self.qid or f"nil:{self.kind.value}:{self.label}"


@dataclass(frozen=True)
class Extractor:
    """A versioned component name, e.g. ``kg.facts.de.apposition`` version ``1``."""

    name: str
    version: str

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"


@dataclass(frozen=True)
class Mention:
    span: Span
    sentence: int
    entity: Entity
    score: float  # link confidence in [0, 1]
    linker: Extractor
    # False: a reference the fact rules may use (a demonym, "deutsche"; a part of a hyphen compound,
    # "US-Forscher") that is no entity mention in NIF/GERBIL terms, so the RDF mapping writes no
    # nif:Phrase for it (ontology/README.md, "Mentions and references").
    annotation: bool = True


@dataclass(frozen=True)
class TimeRef:
    date: dt.date
    role: TimeRole = TimeRole.POINT
    span: Span | None = None  # the words that gave it, e.g. "am Montag"
    precision: TimePrecision = TimePrecision.DAY  # a month or year: ``date`` is its first day


@dataclass(frozen=True)
class Fact:
    subject: Entity
    predicate: Predicate
    object: Entity
    evidence: Span  # the sentence it came from
    sentence: int
    extractor: Extractor
    confidence: float
    polarity: Polarity = Polarity.POSITIVE
    modality: Modality = Modality.ASSERTED
    attributed_to: Entity | None = None
    time: TimeRef | None = None
    # the state it describes is over: the subject left the organisation ("trat 2020 aus der EU aus")
    ended: bool = False

    @property
    def is_plain(self) -> bool:
        """Positive, asserted facts that still hold are also written as plain triples (an ended
        membership is not a current one: ontology/README.md, "Ended facts")."""
        return self.polarity is Polarity.POSITIVE and self.modality is Modality.ASSERTED and not self.ended


@dataclass(frozen=True)
class Quotation:
    text: str  # the quoted words
    span: Span  # where the quoted words stand
    evidence: Span  # the sentence(s) around it
    sentence: int
    extractor: Extractor
    confidence: float
    speaker: Entity | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Meeting:
    participants: tuple[Entity, ...]
    evidence: Span
    sentence: int
    extractor: Extractor
    confidence: float
    place: Entity | None = None
    date: dt.date | None = None
    label: str | None = None  # e.g. "Russland-NATO-Rat"


@dataclass(frozen=True)
class Extraction:
    """What the facts stage returns for one document."""

    facts: tuple[Fact, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    meetings: tuple[Meeting, ...] = ()


@dataclass(frozen=True)
class DocumentResult:
    """Everything extracted from one document: the unit the RDF mapping turns into a named graph."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    meetings: tuple[Meeting, ...] = ()


@dataclass(frozen=True)
class RunProvenance:
    """Who made the graph and with what: written as a PROV-O activity."""

    software_version: str
    kb_version: str
    pipeline: str
    pipeline_version: str
    started: dt.datetime
    extractors: tuple[Extractor, ...] = field(default_factory=tuple)
    # Where the KB's items came from beyond the bundled file ("name: source", e.g. a dump slice
    # with its date and filters): written as kgo:kbSource so every output names them.
    kb_sources: tuple[str, ...] = ()
