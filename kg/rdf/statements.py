"""Wikidata-shaped statement links beside the reified form, so queries copied from Wikidata's query
service work on kg's data::

    ?country p:P463 ?st . ?st ps:P463 ?org ; pq:P580 ?since .     # as on query.wikidata.org
    ?speaker p:P1683 ?st . ?st ps:P1683 ?words ; pq:P585 ?when .

The statement node is the fact (or quotation) node itself, so everything the reified form says about
it (polarity, modality, evidence, confidence) is one hop away. Only positive, asserted facts with a
Wikidata property get a statement, of normal rank and typed ``wikibase:BestRank`` as Wikidata's
truthy statements are (all but ended facts, below, which also get the plain ``wdt:`` triple). Negated and
merely possible facts get no statement: on Wikidata a ``p:``/``ps:`` pair is a claim, whatever its
rank, and queries that ignore ranks (most do) would read "Ukraine is not a member" as a membership.
Times become qualifiers in Wikidata's form, ``xsd:dateTime`` at midnight UTC (a month or a year given
alone: its first day, as Wikidata's truthy values of that precision are written).

An ended fact ("trat 2020 aus der EU aus") is a claim too — it held until then — so it gets its
statement with ``pq:P582``, of normal rank but not typed ``wikibase:BestRank``: as on Wikidata, where a
former membership is not what ``wdt:`` gives, it has no plain triple either.
"""

from __future__ import annotations

import datetime as dt

from kg.model import WDT, Fact, Modality, Polarity, Quotation
from kg.rdf import namespaces as ns
from kg.rdf import ntriples as nt

P = "http://www.wikidata.org/prop/"
PS = "http://www.wikidata.org/prop/statement/"
PQ = "http://www.wikidata.org/prop/qualifier/"
WIKIBASE = "http://wikiba.se/ontology#"
PREFIXES = {"p": P, "ps": PS, "pq": PQ, "wikibase": WIKIBASE}

# Terms as N-Triples text (``kg.rdf.ntriples``): the mapping writes N-Quads lines directly.
WIKIBASE_STATEMENT = nt.iri(WIKIBASE + "Statement")
WIKIBASE_BEST_RANK = nt.iri(WIKIBASE + "BestRank")
WIKIBASE_RANK = nt.iri(WIKIBASE + "rank")
WIKIBASE_NORMAL_RANK = nt.iri(WIKIBASE + "NormalRank")
QUOTATION_PID = "P1683"  # Wikidata's "quotation"
_RDF_TYPE = nt.node(ns.RDF_TYPE)
_XSD_DATETIME = nt.node(ns.XSD_DATETIME)

Triple = tuple[str, str, str]
"""Subject, predicate, object as N-Triples terms."""


def wikidata_datetime(date: dt.date) -> str:
    """A date as Wikidata's query service writes times: ``"2022-01-07T00:00:00Z"^^xsd:dateTime``."""
    return nt.typed(f"{date.isoformat()}T00:00:00Z", _XSD_DATETIME)


def _statement(subject: str, pid: str, node: str, value: str, *, best: bool = True) -> list[Triple]:
    return [
        (subject, nt.iri(P + pid), node),
        (node, _RDF_TYPE, WIKIBASE_STATEMENT),
        *([(node, _RDF_TYPE, WIKIBASE_BEST_RANK)] if best else []),
        (node, WIKIBASE_RANK, WIKIBASE_NORMAL_RANK),
        (node, nt.iri(PS + pid), value),
    ]


def fact_statement(node: str, fact: Fact, subject: str, obj: str) -> list[Triple]:
    """The statement form of a fact: empty unless it is positive and asserted and its predicate is a
    Wikidata property; of best rank unless the fact has ended."""
    asserted = fact.polarity is Polarity.POSITIVE and fact.modality is Modality.ASSERTED
    if not asserted or not fact.predicate.value.startswith(WDT):
        return []
    pid = fact.predicate.value[len(WDT) :]
    triples = _statement(subject, pid, node, obj, best=not fact.ended)
    if fact.time is not None:
        qualifier = nt.iri(PQ + fact.time.role.value[len(WDT) :])
        triples.append((node, qualifier, wikidata_datetime(fact.time.date)))
    return triples


def quotation_statement(node: str, quotation: Quotation, speaker: str, words: str) -> list[Triple]:
    """``speaker p:P1683 node . node ps:P1683 words`` (with ``pq:P585`` when dated)."""
    triples = _statement(speaker, QUOTATION_PID, node, words)
    if quotation.date is not None:
        triples.append((node, nt.iri(PQ + "P585"), wikidata_datetime(quotation.date)))
    return triples
