"""The library queries stand alone: pasted into another endpoint (no prefixes pre-declared, as
Oxigraph, Fuseki or QLever run them), each parses, with its defaults and with Wikidata-id values."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store.library import library

QUERIES = library()


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_library_query_declares_every_prefix_it_uses(query: object) -> None:
    from kg.store.library import LibraryQuery

    assert isinstance(query, LibraryQuery)
    assert "PREFIX wd: <http://www.wikidata.org/entity/>" in query.text
    bare = ox.Store()  # no prefixes given: what a client pasting the text gets elsewhere
    renderings = [query.render()]
    renderings += [query.render({p.name: "wd:Q212"}) for p in query.parameters if p.default.startswith("wd:")]
    for text in renderings:
        try:
            bare.query(text)
        except SyntaxError as exc:
            pytest.fail(f"{query.name} does not parse on its own: {exc}")
        except OSError:  # a SERVICE call cannot be made here; the text parsed
            pass
