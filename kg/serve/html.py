"""A query's answer as an HTML page, for a browser that opens a ``/sparql?query=…`` link.

The page shows the query (editable, re-run by the same GET), the answer as a table (rows of a SELECT,
true/false of an ASK, the triples of a CONSTRUCT/DESCRIBE), links to the query page with the query
filled in and to the same answer in the machine formats. No script: it works with JavaScript off.
"""

from __future__ import annotations

import urllib.parse
from html import escape
from typing import Any

import pyoxigraph as ox

from kg.serve.results import XSD_STRING, Outcome
from kg.store import PREFIXES

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1rem; }
textarea { width: 100%; font-family: monospace; }
table { border-collapse: collapse; margin-top: .8rem; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.lit { color: #1a5e1a; } .dt { color: #777; font-size: .85em; } .none { color: #aaa; }
nav a { margin-right: .8rem; }
"""


def _short(iri: str) -> str:
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best = namespace
            name = f"{prefix}:{iri[len(namespace) :]}"
    return name if best else iri


def _term(term: Any) -> str:
    if term is None:
        return '<span class="none">—</span>'
    if isinstance(term, ox.NamedNode):
        return f'<a href="{escape(term.value)}">{escape(_short(term.value))}</a>'
    if isinstance(term, ox.BlankNode):
        return escape("_:" + term.value)
    if isinstance(term, ox.Literal):
        text = f'<span class="lit">"{escape(term.value)}"</span>'
        if term.language:
            return text + f'<span class="dt">@{escape(term.language)}</span>'
        if term.datatype.value != XSD_STRING:
            return text + f'<span class="dt">^^{escape(_short(term.datatype.value))}</span>'
        return text
    return escape(str(term))


def _table(header: list[str], rows: list[tuple[Any, ...]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_term(t)}</td>" for t in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def results_page(sparql: str, outcome: Outcome, endpoint: str) -> str:
    """The whole page; ``endpoint`` is the path the form and the format links go to (``/sparql``)."""
    query = urllib.parse.urlencode({"query": sparql})
    if outcome.kind == "boolean":
        answer = f"<p>Answer: <strong>{'true' if outcome.boolean else 'false'}</strong></p>"
        formats = ["json", "xml", "csv", "tsv"]
    elif outcome.kind == "solutions":
        answer = f"<p>{len(outcome.rows)} rows</p>" + _table(outcome.variables, outcome.rows)
        formats = ["json", "xml", "csv", "tsv"]
    else:
        triples = [(t.subject, t.predicate, t.object) for t in outcome.triples]
        answer = f"<p>{len(triples)} triples</p>" + _table(["subject", "predicate", "object"], triples)
        formats = ["turtle", "nt", "jsonld", "xml"]
    links = " ".join(f'<a href="{escape(endpoint)}?{escape(query)}&amp;format={f}">{f}</a>' for f in formats)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>kg — query answer</title>'
        f"<style>{_STYLE}</style></head><body>"
        f'<nav><a href="/?{escape(query)}">open in the query page</a> · as {links}</nav>'
        f'<form method="get" action="{escape(endpoint)}"><textarea name="query" rows="8">'
        f'{escape(sparql)}</textarea><br><button type="submit">Run</button></form>'
        f"{answer}</body></html>\n"
    )
