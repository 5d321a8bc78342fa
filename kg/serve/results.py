"""Query results: materialised under a deadline and a row cap, then written in the negotiated format.

Tabular results (SELECT, ASK) are written here in Python (JSON, XML, CSV, TSV) because the rows are
counted and checked against the deadline one by one; graphs (CONSTRUCT, DESCRIBE) go through
pyoxigraph's serializers (Turtle, N-Triples, JSON-LD, RDF/XML).
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.store import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

TABULAR_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
# The W3C CSV/TSV notes define no boolean: an ASK asked for in CSV/TSV gets the default (JSON), which
# every client reads by its Content-Type (a one-cell "_askResult" table would read as a non-empty
# SELECT, i.e. true, in rdflib).
BOOLEAN_TYPES = {k: v for k, v in TABULAR_TYPES.items() if v in ("json", "xml")}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
DATASET_TYPES = {
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
# Graph answers (CONSTRUCT, DESCRIBE, GET of one graph) in any graph format, as N3 (Turtle is N3) and as
# a dataset format (the triples in the default graph): clients ask for all of these.
GRAPH_ANSWER_TYPES = {
    **GRAPH_TYPES,
    "text/n3": ox.RdfFormat.TURTLE,
    **DATASET_TYPES,
}


class QueryTimeout(Exception):
    pass


class RowCapExceeded(Exception):
    pass


@dataclass
class Outcome:
    """A query's materialised result: exactly one of ``boolean``, ``rows`` (+ ``variables``), ``triples``."""

    kind: str  # "boolean" | "solutions" | "graph"
    boolean: bool = False
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    triples: list[ox.Triple] = field(default_factory=list)


def materialise(result: Any, *, max_rows: int, deadline: float, cancelled: threading.Event) -> Outcome:
    """Pull a pyoxigraph result into memory, stopping at the deadline, on cancel or past the row cap.

    Checking between rows stops a streaming query (the engine's iterator is dropped with its work);
    a query whose first row needs all the work (ORDER BY, GROUP BY, COUNT) cannot be interrupted.
    """
    if isinstance(result, (ox.QueryBoolean, bool)):
        return Outcome("boolean", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[tuple[Any, ...]] = []
        for n, solution in enumerate(result):
            if n % 256 == 0:
                _check(deadline, cancelled)
            if n >= max_rows:
                raise RowCapExceeded(max_rows)
            rows.append(tuple(solution))
        _check(deadline, cancelled)
        return Outcome("solutions", variables=variables, rows=rows)
    triples: list[ox.Triple] = []
    for n, triple in enumerate(result):
        if n % 256 == 0:
            _check(deadline, cancelled)
        if n >= max_rows:
            raise RowCapExceeded(max_rows)
        triples.append(triple)
    _check(deadline, cancelled)
    return Outcome("graph", triples=triples)


def _check(deadline: float, cancelled: threading.Event) -> None:
    if cancelled.is_set() or time.monotonic() > deadline:
        raise QueryTimeout()


# ---- content negotiation ---------------------------------------------------------------------------


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges from an Accept header, best first (order kept among equal q)."""
    if not header:
        return [("*/*", 1.0)]
    ranges = []
    for index, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media, q, index))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


# ---- writers ---------------------------------------------------------------------------------------


def write(outcome: Outcome, media_type: str) -> bytes:
    if outcome.kind == "graph":
        return serialize(outcome.triples, GRAPH_ANSWER_TYPES[media_type], _prefixes_for(media_type))
    fmt = TABULAR_TYPES[media_type]
    if outcome.kind == "boolean":
        return _boolean(outcome.boolean, fmt)
    return {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](outcome.variables, outcome.rows)


def serialize(items: Iterable[Any], fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
    """pyoxigraph's serializer into bytes (it returns bytes when given no output)."""
    data = ox.serialize(items, format=fmt, prefixes=prefixes)
    assert data is not None
    return data


def _prefixes_for(media_type: str) -> dict[str, str] | None:
    return PREFIXES if media_type in _WITH_PREFIXES else None


_WITH_PREFIXES = ("text/turtle", "application/x-turtle", "text/n3", "application/rdf+xml", "application/trig")


def _boolean(value: bool, fmt: str) -> bytes:
    if fmt == "xml":
        text = (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        )
        return text.encode()
    return json.dumps({"head": {}, "boolean": value}).encode()


def term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_json(term.subject),
                "predicate": term_json(term.predicate),
                "object": term_json(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {term!r}")


def _json(variables: list[str], rows: Iterable[tuple[Any, ...]]) -> bytes:
    out = io.StringIO()
    out.write('{"head":{"vars":')
    out.write(json.dumps(variables))
    out.write('},"results":{"bindings":[')
    dumps = json.dumps
    for n, row in enumerate(rows):
        if n:
            out.write(",")
        out.write(
            dumps(
                {v: term_json(t) for v, t in zip(variables, row, strict=True) if t is not None},
                ensure_ascii=False,
            )
        )
    out.write("]}}\n")
    return out.getvalue().encode()


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>"
        )
    raise TypeError(f"not an RDF term: {term!r}")


def _xml(variables: list[str], rows: Iterable[tuple[Any, ...]]) -> bytes:
    out = io.StringIO()
    out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>')
    for v in variables:
        out.write(f"<variable name={quoteattr(v)}/>")
    out.write("</head><results>")
    for row in rows:
        out.write("<result>")
        for v, t in zip(variables, row, strict=True):
            if t is not None:
                out.write(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
        out.write("</result>")
    out.write("</results></sparql>\n")
    return out.getvalue().encode()


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        text = "_:" + term.value
    elif isinstance(term, ox.Triple):
        text = str(term)
    else:
        text = term.value
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(variables: list[str], rows: Iterable[tuple[Any, ...]]) -> bytes:
    lines = [",".join(variables)]
    lines.extend(",".join(_csv_value(t) for t in row) for row in rows)
    return ("\r\n".join(lines) + "\r\n").encode()


def _tsv(variables: list[str], rows: Iterable[tuple[Any, ...]]) -> bytes:
    lines = ["\t".join("?" + v for v in variables)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)
    return ("\n".join(lines) + "\n").encode()
