"""Verdicts of kg's facts against a Wikidata snapshot.

Rules (the reference time t of a fact is its own date, else its document's publication date; dates are
compared at the coarser precision of the two; deprecated statements are never evidence for a fact):

positive fact S P O
  confirmed     a statement S P O valid at t (no P580 after t, no P582 before t); for a fact dated with
                P580/P582, a statement whose same qualifier is absent or equal
  contradicted  a statement S P O that is not valid at t (ended before t, began after t, or its
                P580/P582 differs from the fact's); only deprecated S P O statements; a ``wdno:``
                (no value) statement S P valid at t; for an office of the single-holder list, another
                person's dated statement for that office valid at t
  no-evidence   S P has a ``somevalue`` (unknown) statement valid at t; the snapshot does not cover S or
                P; subject or object not a Wikidata item, or a predicate with no Wikidata property
  new           otherwise: the snapshot covers S and P and has no statement S P O
negative fact "S is not P O"
  contradicted  a statement S P O valid at t (an open one)
  confirmed     a ``wdno:`` statement S P valid at t, or S P O statements that all end before t or
                begin after it
  no-evidence   otherwise (absence in Wikidata is no evidence: open world); never new
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.kb.files import DATA_DIR
from kg.wikidata.facts import FactRecord
from kg.wikidata.statements import KGO, NOVALUE, PROV, SOMEVALUE, Snapshot, Statement

CONFIRMED, NEW, CONTRADICTED, NO_EVIDENCE = "Confirmed", "New", "Contradicted", "NoEvidence"
VERDICTS = (CONFIRMED, NEW, CONTRADICTED, NO_EVIDENCE)
LABELS = {CONFIRMED: "confirmed", NEW: "new", CONTRADICTED: "contradicted", NO_EVIDENCE: "no-evidence"}


@dataclass(frozen=True)
class Verdict:
    fact: FactRecord
    verdict: str  # one of VERDICTS
    reason: str
    statements: tuple[str, ...] = ()  # IRIs of the Wikidata statements the verdict rests on


@lru_cache(maxsize=4)
def single_holder_offices(path: Path | None = None) -> frozenset[str]:
    source = path or DATA_DIR / "single-holder-offices.tsv"
    lines = source.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")
    )


def compare_fact(fact: FactRecord, snapshot: Snapshot, single_holder: frozenset[str]) -> Verdict:
    if not fact.is_wikidata:
        return Verdict(fact, NO_EVIDENCE, "not comparable: no Wikidata item or property")
    if not snapshot.covers(fact.subject, fact.prop):
        return Verdict(fact, NO_EVIDENCE, f"the snapshot has no {fact.prop} statements of {fact.subject}")
    when = fact.reference_time
    statements = [s for s in snapshot.of(fact.subject, fact.prop)]
    live = [s for s in statements if not s.deprecated]
    same = [s for s in live if s.value == fact.obj]
    matching = [s for s in same if _matches(s, fact)]
    novalue = [s for s in live if s.value == NOVALUE and s.valid_at(when)]
    unknown = [s for s in live if s.value == SOMEVALUE and s.valid_at(when)]
    if not fact.positive:
        if matching:
            return Verdict(
                fact, CONTRADICTED, "Wikidata has the statement, open at the fact's time", _iris(matching)
            )
        if novalue:
            return Verdict(fact, CONFIRMED, "Wikidata says no value", _iris(novalue))
        if same:
            return Verdict(
                fact, CONFIRMED, "Wikidata's statement does not cover the fact's time", _iris(same)
            )
        return Verdict(fact, NO_EVIDENCE, "no matching statement (open world)")
    if matching:
        return Verdict(fact, CONFIRMED, "Wikidata has the statement", _iris(matching))
    if same:
        return Verdict(fact, CONTRADICTED, _why_not(same, fact), _iris(same))
    deprecated = [s for s in statements if s.deprecated and s.value == fact.obj]
    if deprecated:
        return Verdict(fact, CONTRADICTED, "Wikidata deprecates the statement", _iris(deprecated))
    if novalue:
        return Verdict(fact, CONTRADICTED, "Wikidata says no value", _iris(novalue))
    if fact.prop == "P39" and fact.obj in single_holder and when is not None:
        others = [
            s
            for s in snapshot.holders("P39", fact.obj)
            if s.subject != fact.subject and not s.deprecated and s.start is not None and s.valid_at(when)
        ]
        if others:
            holders = ", ".join(sorted({s.subject for s in others}))
            return Verdict(fact, CONTRADICTED, f"single-holder office held by {holders} then", _iris(others))
    if unknown:
        return Verdict(fact, NO_EVIDENCE, "Wikidata has an unknown value (somevalue)", _iris(unknown))
    return Verdict(fact, NEW, f"no {fact.prop} statement with this value")


def _matches(statement: Statement, fact: FactRecord) -> bool:
    if fact.time is not None and fact.time_role in ("P580", "P582"):
        own = statement.start if fact.time_role == "P580" else statement.end
        return own is None or own.compare(fact.time) == 0
    return statement.valid_at(fact.reference_time)


def _why_not(statements: Sequence[Statement], fact: FactRecord) -> str:
    s = statements[0]
    if fact.time_role in ("P580", "P582"):
        return f"Wikidata's {fact.time_role} differs"
    if s.end is not None and fact.reference_time is not None and s.end.compare(fact.reference_time) < 0:
        return f"Wikidata's statement ended {s.end.date.isoformat()[: 4 + 3 * (s.end.precision - 9)]}"
    return "Wikidata's statement begins after the fact's time"


def _iris(statements: Iterable[Statement]) -> tuple[str, ...]:
    return tuple(sorted({s.iri for s in statements}))


def compare(
    facts: Sequence[FactRecord], snapshot: Snapshot, single_holder: frozenset[str] | None = None
) -> list[Verdict]:
    offices = single_holder_offices() if single_holder is None else single_holder
    return [compare_fact(f, snapshot, offices) for f in facts]


def counts(verdicts: Iterable[Verdict]) -> dict[str, int]:
    result = {LABELS[v]: 0 for v in VERDICTS}
    for verdict in verdicts:
        result[LABELS[verdict.verdict]] += 1
    return result


def comparison_graph(base_iri: str) -> ox.NamedNode:
    return ox.NamedNode(base_iri.rstrip("/#") + "/wikidata-comparison")


def verdict_quads(
    verdicts: Sequence[Verdict], snapshot: Snapshot, *, base_iri: str, started: dt.datetime, version: str
) -> list[ox.Quad]:
    """The comparison as quads of its own named graph: a verdict on each fact node, and the comparison
    (a prov:Activity) that used the snapshot (a prov:Entity with its source, time and query hash)."""
    graph = comparison_graph(base_iri)
    digest = hashlib.sha256(
        f"{snapshot.source} {snapshot.retrieved} {snapshot.query_hash}".encode()
    ).hexdigest()[:16]
    activity = ox.NamedNode(graph.value + "#comparison")
    entity = ox.NamedNode(graph.value + f"#snapshot-{digest}")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    quads = [
        ox.Quad(activity, rdf_type, _kgo("WikidataComparison"), graph),
        ox.Quad(
            activity,
            _prov("startedAtTime"),
            ox.Literal(started.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=ox.NamedNode(xsd + "dateTime")),
            graph,
        ),
        ox.Quad(activity, _kgo("softwareVersion"), ox.Literal(version), graph),
        ox.Quad(activity, _prov("used"), entity, graph),
        ox.Quad(entity, rdf_type, _kgo("WikidataSnapshot"), graph),
        ox.Quad(entity, _kgo("snapshotSource"), ox.Literal(snapshot.source), graph),
    ]
    if snapshot.retrieved:
        quads.append(
            ox.Quad(
                entity,
                _prov("generatedAtTime"),
                ox.Literal(snapshot.retrieved, datatype=ox.NamedNode(xsd + "dateTime")),
                graph,
            )
        )
    if snapshot.query_hash:
        quads.append(ox.Quad(entity, _kgo("queryHash"), ox.Literal(snapshot.query_hash), graph))
    for v in verdicts:
        node = ox.NamedNode(v.fact.iri)
        quads.append(ox.Quad(node, _kgo("wikidataVerdict"), _kgo(v.verdict), graph))
        quads.append(ox.Quad(node, _kgo("verdictReason"), ox.Literal(v.reason, language="en"), graph))
        quads.append(ox.Quad(node, _kgo("comparedIn"), activity, graph))
        for iri in v.statements:
            quads.append(ox.Quad(node, _kgo("wikidataStatement"), ox.NamedNode(iri), graph))
    return quads


def _kgo(name: str) -> ox.NamedNode:
    return ox.NamedNode(KGO + name)


def _prov(name: str) -> ox.NamedNode:
    return ox.NamedNode(PROV + name)
