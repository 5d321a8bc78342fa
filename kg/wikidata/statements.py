"""Wikidata statements as frozen records, read from Wikidata-shaped RDF (``p:/ps:/pq:``, ``wikibase:rank``,
``wdno:`` classes, ``pqv:`` time values with ``wikibase:timePrecision``), or made from the bundled KB.

A ``Snapshot`` also says which items and properties it covers: absence of a statement only means
something (a "new" fact) for a covered item and property.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import InputError
from kg.model import WD

P = "http://www.wikidata.org/prop/"
PS = P + "statement/"
PQ = P + "qualifier/"
PQV = P + "qualifier/value/"
WDNO = P + "novalue/"
WIKIBASE = "http://wikiba.se/ontology#"
RANK = WIKIBASE + "rank"
DEPRECATED = WIKIBASE + "DeprecatedRank"
PREFERRED = WIKIBASE + "PreferredRank"
NORMAL = WIKIBASE + "NormalRank"
TIME_VALUE = WIKIBASE + "timeValue"
TIME_PRECISION = WIKIBASE + "timePrecision"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
GENID = "http://www.wikidata.org/.well-known/genid/"
KGO = "https://w3id.org/kg-news/ontology#"
PROV = "http://www.w3.org/ns/prov#"

COMPARED_PROPERTIES = ("P463", "P39", "P47", "P159")
SOMEVALUE = "somevalue"
NOVALUE = "novalue"
YEAR, MONTH, DAY = 9, 10, 11


@dataclass(frozen=True)
class WikidataTime:
    """A date with Wikidata's precision (9 year, 10 month, 11 day)."""

    date: dt.date
    precision: int = DAY

    def key(self, precision: int) -> tuple[int, ...]:
        parts = (self.date.year, self.date.month, self.date.day)
        return parts[: max(1, min(3, precision - 8))]

    def compare(self, other: WikidataTime) -> int:
        """-1, 0, 1 at the coarser precision of the two."""
        precision = min(self.precision, other.precision)
        a, b = self.key(precision), other.key(precision)
        return (a > b) - (a < b)

    def quickstatements(self) -> str:
        d = self.date
        month = d.month if self.precision >= MONTH else 0
        day = d.day if self.precision >= DAY else 0
        return f"+{d.year:04d}-{month:02d}-{day:02d}T00:00:00Z/{self.precision}"


@dataclass(frozen=True)
class Statement:
    """One statement: ``value`` is a QID, ``somevalue`` or ``novalue``."""

    iri: str
    subject: str
    prop: str
    value: str
    rank: str = NORMAL
    start: WikidataTime | None = None
    end: WikidataTime | None = None
    point: WikidataTime | None = None

    @property
    def deprecated(self) -> bool:
        return self.rank == DEPRECATED

    def valid_at(self, when: WikidataTime | None) -> bool:
        if when is None:
            return True
        if self.start is not None and self.start.compare(when) > 0:
            return False
        return not (self.end is not None and self.end.compare(when) < 0)


@dataclass(frozen=True)
class Snapshot:
    statements: tuple[Statement, ...]
    items: frozenset[str]  # items whose statements were asked for
    properties: frozenset[str]
    source: str  # endpoint URL, file or "bundled KB <version>"
    retrieved: str = ""  # xsd:dateTime of the retrieval
    query_hash: str = ""
    _by_subject: dict[tuple[str, str], list[Statement]] = field(default_factory=dict, compare=False)
    _by_value: dict[tuple[str, str], list[Statement]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for st in self.statements:
            self._by_subject.setdefault((st.subject, st.prop), []).append(st)
            self._by_value.setdefault((st.prop, st.value), []).append(st)

    def of(self, subject: str, prop: str) -> list[Statement]:
        return self._by_subject.get((subject, prop), [])

    def holders(self, prop: str, value: str) -> list[Statement]:
        return self._by_value.get((prop, value), [])

    def covers(self, subject: str, prop: str) -> bool:
        return subject in self.items and prop in self.properties


def _qid(term: object) -> str | None:
    if isinstance(term, ox.NamedNode) and term.value.startswith(WD):
        local = term.value[len(WD) :]
        if local[:1] == "Q" and local[1:].isdigit():
            return local
    return None


def _value(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal) else str(term)


def parse_time(literal: ox.Literal, precision: int | None = None) -> WikidataTime:
    text = literal.value.lstrip("+")
    year, month, day = text[:10].split("-") if len(text) >= 10 else (text[:4], "1", "1")
    guess = DAY
    if literal.datatype.value.endswith("#gYear"):
        guess = YEAR
    elif literal.datatype.value.endswith("#gYearMonth"):
        guess = MONTH
    return WikidataTime(dt.date(int(year), max(1, int(month)), max(1, int(day))), precision or guess)


def read_snapshot(data: bytes, fmt: ox.RdfFormat, *, origin: str) -> Snapshot:
    """Statements and the PROV record of a snapshot file (as ``kg wikidata fetch`` writes it)."""
    try:
        quads = list(ox.parse(data, format=fmt))
    except (SyntaxError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{origin}: not a readable {fmt.name} snapshot: {first}") from None
    return snapshot_from_quads(quads, origin=origin)


def snapshot_from_quads(quads: Iterable[ox.Quad], *, origin: str) -> Snapshot:
    by_node: dict[str, list[ox.Quad]] = defaultdict(list)
    claims: list[tuple[str, str, str]] = []  # item, prop, statement node key
    meta: dict[str, list[str]] = defaultdict(list)
    for quad in quads:
        key = str(quad.subject)
        by_node[key].append(quad)
        pred = quad.predicate.value
        item = _qid(quad.subject)
        if item and pred.startswith(P) and "/" not in pred[len(P) :]:
            claims.append((item, pred[len(P) :], str(quad.object)))
        if pred.startswith(KGO) and not item:
            meta[pred[len(KGO) :]].append(_value(quad.object))
        if pred == PROV + "generatedAtTime":
            meta["retrieved"].append(_value(quad.object))
    statements = []
    for item, prop, node in claims:
        statements.append(_statement(item, prop, node, by_node.get(node, []), by_node))
    items = set(meta.get("coversItem", ())) or {s.subject for s in statements}
    props = set(meta.get("coversProperty", ())) or {s.prop for s in statements}
    if not statements and not meta:
        raise InputError(f"{origin}: no Wikidata statements (p:/ps:) and no snapshot record in it")
    return Snapshot(
        tuple(statements),
        frozenset(q.rsplit("/", 1)[-1] for q in items),
        frozenset(props),
        (meta.get("endpoint") or [origin])[0],
        (meta.get("retrieved") or [""])[0],
        (meta.get("queryHash") or [""])[0],
    )


def _statement(
    item: str, prop: str, node: str, quads: list[ox.Quad], by_node: dict[str, list[ox.Quad]]
) -> Statement:
    value: str | None = None
    rank = NORMAL
    times: dict[str, WikidataTime] = {}
    precisions: dict[str, int] = {}
    for quad in quads:
        pred, obj = quad.predicate.value, quad.object
        if isinstance(obj, ox.Triple):
            continue
        if pred == PS + prop:
            if isinstance(obj, ox.BlankNode) or (
                isinstance(obj, ox.NamedNode) and obj.value.startswith(GENID)
            ):
                value = SOMEVALUE
            else:
                value = _qid(obj) or obj.value
        elif pred == RDF_TYPE and obj.value == WDNO + prop:
            value = NOVALUE
        elif pred == RANK:
            rank = obj.value
        elif pred.startswith(PQV):
            for vq in by_node.get(str(obj), []):
                if vq.predicate.value == TIME_PRECISION:
                    precisions[pred[len(PQV) :]] = int(_value(vq.object))
        elif pred.startswith(PQ) and isinstance(obj, ox.Literal):
            times[pred[len(PQ) :]] = parse_time(obj)
    for qual, precision in precisions.items():
        if qual in times:
            times[qual] = WikidataTime(times[qual].date, precision)
    iri = node.strip("<>")
    return Statement(
        iri, item, prop, value or SOMEVALUE, rank, times.get("P580"), times.get("P582"), times.get("P585")
    )


def bundled_snapshot() -> Snapshot:
    """The bundled KB's memberships (P463) and offices (P39) as normal-rank statements without
    qualifiers; it covers the KB's items for those two properties."""
    from kg.kb import load_knowledge_base

    kb = load_knowledge_base()
    statements = []
    for item in kb:
        for prop in ("P463", "P39"):
            for value in item.values(prop):
                digest = hashlib.sha256(f"{item.qid} {prop} {value}".encode()).hexdigest()[:16]
                statements.append(Statement(f"urn:kg:kb-statement:{digest}", item.qid, prop, value))
    return Snapshot(
        tuple(statements),
        frozenset(item.qid for item in kb),
        frozenset({"P463", "P39"}),
        f"bundled KB {kb.version}",
        "",
        "",
    )
