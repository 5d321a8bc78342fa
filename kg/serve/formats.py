"""Choosing the answer's format: ``format=``/``output=``/``results=`` read by the kind of answer, then
``Accept``, then the kind's default — never a 406.

Real clients send hints that do not fit the query: SPARQLWrapper adds ``format=xml&output=xml&
results=xml`` to every query (``xml`` means RDF/XML for a CONSTRUCT), sometimes with a media type as a
second value (``format=json-ld&format=application/ld+json,…``); rdflib's SPARQLStore asks for
``application/sparql-results+json`` even for a CONSTRUCT. So a hint is read for the kind of answer
(``json`` is SPARQL JSON for SELECT/ASK and JSON-LD for a graph), a hint this kind has no format for
is ignored, and when nothing fits the kind's default is sent (HTTP allows ignoring ``Accept``; a
client can always tell what came from ``Content-Type``). A browser (``text/html`` ranked first, no
format hint) gets an HTML page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kg.serve.results import BOOLEAN_TYPES, DATASET_TYPES, GRAPH_ANSWER_TYPES, TABULAR_TYPES, parse_accept

HTML = "text/html"
FORMAT_PARAMS = ("format", "output", "results")

# The media types offered per kind of answer; the first is the default.
OFFERS: dict[str, tuple[str, ...]] = {
    "solutions": tuple(TABULAR_TYPES),
    "boolean": tuple(BOOLEAN_TYPES),
    "graph": tuple(GRAPH_ANSWER_TYPES),
    "dataset": tuple(DATASET_TYPES),
}

# Short names in format=/output=/results=, per kind of answer.
_TABLE_NAMES = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_GRAPH_NAMES = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/n3",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "json": "application/ld+json",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdf/xml": "application/rdf+xml",
    "nq": "application/n-quads",
    "nquads": "application/n-quads",
    "n-quads": "application/n-quads",
    "trig": "application/trig",
}
_DATASET_NAMES = {k: v for k, v in _GRAPH_NAMES.items() if v in DATASET_TYPES}
NAMES: dict[str, dict[str, str]] = {
    "solutions": _TABLE_NAMES,
    "boolean": _TABLE_NAMES,
    "graph": _GRAPH_NAMES,
    "dataset": _DATASET_NAMES,
}
# Media types clients send that mean one we offer, per kind.
_SYNONYMS: dict[str, dict[str, str]] = {
    "solutions": {
        "application/javascript": "application/sparql-results+json",
        "text/javascript": "application/sparql-results+json",
    },
    "boolean": {
        "application/javascript": "application/sparql-results+json",
        "text/javascript": "application/sparql-results+json",
    },
    "graph": {
        "application/json": "application/ld+json",
        "application/x-json+ld": "application/ld+json",
        "application/turtle": "text/turtle",
        "text/rdf+n3": "text/n3",
        "application/n3": "text/n3",
        "application/xml": "application/rdf+xml",
        "text/xml": "application/rdf+xml",
        "application/x-trig": "application/trig",
    },
    "dataset": {"application/x-trig": "application/trig"},
}


def format_hint(kind: str, params: Mapping[str, Sequence[str]]) -> str | None:
    """The first ``format=``/``output=``/``results=`` value (a short name or a media type, several may
    be given, comma-separated) that this kind of answer has a format for; ``None`` if none has."""
    names = NAMES[kind]
    for key in FORMAT_PARAMS:
        for value in params.get(key, ()):
            for piece in value.split(","):
                token = piece.split(";")[0].strip().lower()
                if not token:
                    continue
                media = names.get(token) or _media(kind, token)
                if media is not None and media in OFFERS[kind]:
                    return media
    return None


def _media(kind: str, token: str) -> str | None:
    if token in OFFERS[kind]:
        return token
    return _SYNONYMS[kind].get(token)


def wants_html(accept: str | None) -> bool:
    """A browser: ``text/html`` (or XHTML) is what it ranks first."""
    ranges = parse_accept(accept)
    return bool(accept) and bool(ranges) and ranges[0][0] in (HTML, "application/xhtml+xml")


def choose(kind: str, params: Mapping[str, Sequence[str]], accept: str | None, *, html: bool = False) -> str:
    """The media type to answer with: a fitting format hint, else the best the ``Accept`` header allows
    (``text/html`` when ``html`` and a browser asks), else the kind's default."""
    hinted = format_hint(kind, params)
    if hinted is not None:
        return hinted
    if html and wants_html(accept):
        return HTML
    offer = OFFERS[kind]
    for media, _q in parse_accept(accept):
        if media == "*/*":
            return offer[0]
        if media.endswith("/*"):
            for candidate in offer:
                if candidate.startswith(media[:-1]):
                    return candidate
            continue
        found = _media(kind, media)
        if found is not None:
            return found
    return offer[0]
