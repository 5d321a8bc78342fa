"""``kg wikidata fetch``: the full statements (``p:/ps:/pq:``, ranks, ``wdno:``) of the facts' subjects
from a SPARQL endpoint, through kg.kb.pull's SparqlClient (SPARQLWrapper, POST, a User-Agent naming kg,
one request at a time, 429/503 retried honouring Retry-After, 60 s timeout), cached as N-Triples with
a PROV record (endpoint, time, query hash, the items and properties asked for)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.kb.pull import SparqlClient
from kg.rdf.export import write_bytes_atomically
from kg.wikidata.statements import COMPARED_PROPERTIES, KGO, PROV, Snapshot, read_snapshot

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wdno: <http://www.wikidata.org/prop/novalue/>
PREFIX wikibase: <http://wikiba.se/ontology#>
"""

_TEMPLATE = """CONSTRUCT {
  ?item ?p ?st . ?st wikibase:rank ?rank . ?st ?ps ?v . ?st a ?novalue .
  ?st ?pq ?qv . ?st ?pqv ?node . ?node wikibase:timeValue ?tv ; wikibase:timePrecision ?tp .
} WHERE {
  VALUES ?item { %s }
  VALUES (?p ?ps ?no) { %s }
  ?item ?p ?st . ?st wikibase:rank ?rank .
  OPTIONAL { ?st ?ps ?v }
  OPTIONAL { ?st a ?novalue . FILTER(?novalue = ?no) }
  OPTIONAL {
    VALUES (?pq ?pqv) { (pq:P580 pqv:P580) (pq:P582 pqv:P582) (pq:P585 pqv:P585) }
    ?st ?pq ?qv .
    OPTIONAL { ?st ?pqv ?node . ?node wikibase:timeValue ?tv ; wikibase:timePrecision ?tp }
  }
}
"""

_HOLDERS = """CONSTRUCT {
  ?item p:P39 ?st . ?st wikibase:rank ?rank ; ps:P39 ?office . ?st ?pq ?qv . ?st ?pqv ?node .
  ?node wikibase:timeValue ?tv ; wikibase:timePrecision ?tp .
} WHERE {
  VALUES ?office { %s }
  ?item p:P39 ?st . ?st ps:P39 ?office ; wikibase:rank ?rank .
  OPTIONAL {
    VALUES (?pq ?pqv) { (pq:P580 pqv:P580) (pq:P582 pqv:P582) }
    ?st ?pq ?qv .
    OPTIONAL { ?st ?pqv ?node . ?node wikibase:timeValue ?tv ; wikibase:timePrecision ?tp }
  }
}
"""


def statements_query(qids: Sequence[str], properties: Sequence[str] = COMPARED_PROPERTIES) -> str:
    values = " ".join(f"wd:{q}" for q in qids)
    props = " ".join(f"(p:{p} ps:{p} wdno:{p})" for p in properties)
    return PREFIXES + _TEMPLATE % (values, props)


def holders_query(offices: Sequence[str]) -> str:
    return PREFIXES + _HOLDERS % " ".join(f"wd:{q}" for q in offices)


def fetch(
    client: SparqlClient,
    subjects: Sequence[str],
    *,
    offices: Sequence[str] = (),
    properties: Sequence[str] = COMPARED_PROPERTIES,
    batch_size: int = 50,
    now: dt.datetime | None = None,
) -> bytes:
    """The snapshot's N-Triples: the statements, then the PROV record. Raises KnowledgeBaseError when
    the endpoint cannot be reached or keeps refusing; nothing is returned half."""
    queries = [
        statements_query(subjects[i : i + batch_size], properties)
        for i in range(0, len(subjects), batch_size)
    ]
    queries += [holders_query(offices[i : i + batch_size]) for i in range(0, len(offices), batch_size)]
    triples: set[ox.Triple] = set()
    for query in queries:  # one request at a time
        data, content_type = client.construct_bytes(query)
        fmt = ox.RdfFormat.from_media_type(content_type.split(";")[0].strip()) or ox.RdfFormat.TURTLE
        try:
            triples.update(q.triple for q in ox.parse(data, format=fmt))
        except (SyntaxError, ValueError) as exc:
            from kg.errors import KnowledgeBaseError

            raise KnowledgeBaseError(
                f"{client.endpoint}: the CONSTRUCT answer is not RDF: {str(exc).splitlines()[0]}"
            ) from None
    query_hash = "sha256:" + hashlib.sha256("\n".join(queries).encode()).hexdigest()
    when = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    record = ox.NamedNode(f"urn:kg:wikidata-snapshot:{query_hash[7:23]}")
    xsd_dt = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
    meta = [
        ox.Triple(
            record, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), _kgo("WikidataSnapshot")
        ),
        ox.Triple(record, _kgo("endpoint"), ox.Literal(client.endpoint)),
        ox.Triple(record, ox.NamedNode(PROV + "generatedAtTime"), ox.Literal(when, datatype=xsd_dt)),
        ox.Triple(record, _kgo("queryHash"), ox.Literal(query_hash)),
    ]
    meta += [ox.Triple(record, _kgo("coversItem"), ox.Literal(q)) for q in subjects]
    meta += [ox.Triple(record, _kgo("coversProperty"), ox.Literal(p)) for p in properties]
    lines = sorted(
        set(
            (ox.serialize(list(triples | set(meta)), format=ox.RdfFormat.N_TRIPLES) or b"")
            .decode()
            .splitlines()
        )
    )
    return ("\n".join(line for line in lines if line) + "\n").encode()


def write_snapshot(path: Path, data: bytes) -> Snapshot:
    snapshot = read_snapshot(data, ox.RdfFormat.N_TRIPLES, origin=str(path))  # check before writing
    write_bytes_atomically(path, data)
    return snapshot


def load_snapshot(path: Path) -> Snapshot:
    from kg.errors import InputError
    from kg.kb.wikidata_rdf import FORMATS

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the snapshot: {exc.strerror or exc}") from None
    fmt = FORMATS.get(path.suffix.lower(), ox.RdfFormat.N_TRIPLES)
    return read_snapshot(data, fmt, origin=str(path))


def _kgo(name: str) -> ox.NamedNode:
    return ox.NamedNode(KGO + name)


def _prov(name: str) -> ox.NamedNode:
    return ox.NamedNode(PROV + name)
