"""The HTML page behind ``/draw``: the store's documents, each linked to its picture."""

from __future__ import annotations

import urllib.parse
from html import escape

DRAW_LIST_LIMIT = 500  # documents listed on /draw (newest first); SPARQL finds any other


def document_index(rows: list[tuple[str, str, str, str, int]]) -> str:
    """The HTML list behind /draw: date, id, title and number of facts, each linked to its picture."""
    items = "\n".join(
        f'<tr><td>{escape(date)}</td><td><a href="/draw?{escape(urllib.parse.urlencode({"graph": graph}))}">'
        f"{escape(doc or graph)}</a></td><td>{escape(title)}</td><td>{facts}</td></tr>"
        for graph, doc, title, date, facts in rows
    )
    more = (
        f"<p>The newest {DRAW_LIST_LIMIT} documents; draw any other with /draw?graph=IRI.</p>"
        if len(rows) >= DRAW_LIST_LIMIT
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>kg: documents</title>'
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.25em .8em;text-align:left}"
        "tr:nth-child(even){background:#f4f4f4}</style></head><body>"
        f'<h1>Documents</h1><p><a href="/">SPARQL query page</a></p>{more}'
        f"<table><thead><tr><th>published</th><th>document</th><th>title</th><th>facts</th></tr></thead>"
        f"<tbody>\n{items}\n</tbody></table></body></html>\n"
    )
