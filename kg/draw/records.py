"""What a picture shows, as frozen dataclasses: the reader fills them from RDF, the renderer draws
them. No third-party imports here, so the renderer never needs pyoxigraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

WD = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Entity:
    """An entity of the document: its IRI, its label in the document's language where it has one,
    and its kind when the graph types it (only entities not in Wikidata are typed)."""

    iri: str
    label: str
    kind: str | None = None  # local name of a kgo: class, e.g. "TreatyClause"

    @property
    def short_id(self) -> str:
        """``wd:Q212`` for a Wikidata item, else the kind ("treaty clause") or the IRI's last part."""
        if self.iri.startswith(WD):
            return "wd:" + self.iri[len(WD) :]
        if self.kind:
            return words(self.kind) + " (not in Wikidata)"
        if ":" not in self.iri:  # a literal object: its text is its label already
            return "value"
        return self.iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def words(name: str) -> str:
    """``TreatyClause`` -> ``treaty clause``, ``partnerOf`` -> ``partner of``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


@dataclass(frozen=True)
class FactTime:
    role: str  # "point in time", "start time", "end time"
    date: str  # as written: 2023-04-04


@dataclass(frozen=True)
class Fact:
    """One ``kgo:Fact`` with everything its edge and tooltip show."""

    iri: str
    subject: str  # entity IRI (a key of DocumentFacts.entities)
    predicate: str  # predicate IRI
    predicate_label: str  # "member of", "partner of", "position held"
    object: str  # entity IRI
    negative: bool
    modality: str  # local name of the kgo: individual, e.g. "Asserted", "Possible"
    modality_label: str  # "asserted", "applied for"
    confidence: float | None = None
    evidence: str | None = None  # the evidence sentence's text
    attributed_to: tuple[str, ...] = ()  # entity IRIs of the speakers the text attributes it to
    times: tuple[FactTime, ...] = ()

    @property
    def asserted(self) -> bool:
        return self.modality == "Asserted"


@dataclass(frozen=True)
class Quotation:
    speaker: str | None  # entity IRI
    text: str
    date: str | None = None


@dataclass(frozen=True)
class Meeting:
    participants: tuple[str, ...]  # entity IRIs
    place: str | None = None  # entity IRI
    date: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class DocumentFacts:
    """Everything one picture shows about one document graph."""

    doc_id: str
    graph: str | None  # the named graph's IRI; None for the default graph (Turtle, N-Triples)
    title: str | None
    issued: str | None
    language: str | None
    entities: tuple[Entity, ...]  # every entity a fact, quotation, meeting or mention names, by IRI
    facts: tuple[Fact, ...]
    quotations: tuple[Quotation, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    mentioned: tuple[str, ...] = ()  # entity IRIs of the document's mentions (shown when it has no facts)

    def entity_index(self) -> dict[str, Entity]:
        return {entity.iri: entity for entity in self.entities}
