"""kg's reified facts, with what the comparison and QuickStatements need, read from a graph or a store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.model import WD, WDT
from kg.wikidata.statements import KGO, WikidataTime, parse_time

_QUERY = """
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?fact ?s ?p ?o ?polarity ?modality ?attributed ?confidence ?role ?time ?sentence
       ?lang ?title ?source ?issued ?retrieved ?verdict WHERE {
  ?fact a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        kgo:polarity ?polarity ; kgo:modality ?modality .
  OPTIONAL { ?fact kgo:confidence ?confidence }
  OPTIONAL { ?fact kgo:attributedTo ?attributed }
  OPTIONAL { VALUES ?role { wdt:P585 wdt:P580 wdt:P582 } ?fact ?role ?time }
  OPTIONAL { ?fact kgo:evidence ?span . ?span nif:anchorOf ?sentence }
  OPTIONAL { ?fact prov:wasDerivedFrom ?context . ?context a nif:Context .
             OPTIONAL { ?context dcterms:language ?lang }
             OPTIONAL { ?context dcterms:title ?title }
             OPTIONAL { ?context dcterms:source ?source }
             OPTIONAL { ?context dcterms:issued ?issued } }
  OPTIONAL { ?fact prov:wasGeneratedBy ?run . ?run prov:startedAtTime ?retrieved }
  OPTIONAL { ?fact kgo:wikidataVerdict ?verdict }
}
"""


@dataclass(frozen=True)
class FactRecord:
    iri: str
    subject: str  # a QID, or the IRI of an entity not in Wikidata
    prop: str  # a Wikidata property id (P463), or the predicate's IRI when it is none
    obj: str
    positive: bool
    asserted: bool
    attributed: bool
    confidence: float
    time_role: str | None  # "P585" | "P580" | "P582"
    time: WikidataTime | None
    issued: WikidataTime | None
    sentence: str
    lang: str
    title: str
    source_url: str
    retrieved: WikidataTime | None
    verdict: str | None  # the local name of a kgo verdict, when the graph has one

    @property
    def is_wikidata(self) -> bool:
        return (
            _is_qid(self.subject) and _is_qid(self.obj) and self.prop[:1] == "P" and self.prop[1:].isdigit()
        )

    @property
    def reference_time(self) -> WikidataTime | None:
        """The time the fact speaks of: its own date, else the document's publication date."""
        return self.time or self.issued


def _is_qid(value: str) -> bool:
    return value[:1] == "Q" and value[1:].isdigit()


def _short(term: ox.NamedNode | None, namespace: str) -> str:
    if term is None:
        return ""
    value = term.value
    return value[len(namespace) :] if value.startswith(namespace) else value


def open_dataset(path: Path) -> tuple[ox.Store, bool]:
    """An in-memory copy of a graph file, or the store in directory ``path``; True for a store."""
    if path.is_dir():
        from kg.store import Store

        return Store.open(path, read_only=True).oxigraph, True
    from kg.kb.wikidata_rdf import FORMATS

    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: not a store directory nor an RDF file kg reads (.trig, .nq, .ttl, .nt, .jsonld)"
        )
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (OSError, SyntaxError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot read: {first}") from None
    return store, False


def read_facts(dataset: ox.Store) -> list[FactRecord]:
    rows = dataset.query(_QUERY, use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    facts: dict[str, FactRecord] = {}
    for row in rows:
        iri = row["fact"].value
        if iri in facts:
            continue
        role = row["role"]
        time = row["time"]
        issued = row["issued"]
        retrieved = row["retrieved"]
        confidence = row["confidence"]
        facts[iri] = FactRecord(
            iri=iri,
            subject=_short(row["s"], WD),
            prop=_short(row["p"], WDT),
            obj=_short(row["o"], WD),
            positive=row["polarity"].value == KGO + "Positive",
            asserted=row["modality"].value == KGO + "Asserted",
            attributed=row["attributed"] is not None,
            confidence=float(confidence.value) if confidence is not None else 0.0,
            time_role=_short(role, WDT) if role is not None else None,
            time=parse_time(time) if isinstance(time, ox.Literal) else None,
            issued=parse_time(issued) if isinstance(issued, ox.Literal) else None,
            sentence=row["sentence"].value if row["sentence"] is not None else "",
            lang=row["lang"].value if row["lang"] is not None else "",
            title=row["title"].value if row["title"] is not None else "",
            source_url=row["source"].value if row["source"] is not None else "",
            retrieved=parse_time(retrieved) if isinstance(retrieved, ox.Literal) else None,
            verdict=_short(row["verdict"], KGO) if row["verdict"] is not None else None,
        )
    return sorted(facts.values(), key=lambda f: f.iri)
