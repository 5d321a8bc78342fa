"""The persistent store (pyoxigraph), the SPARQL text helpers and the query library.

``Store.open(path)``, ``.replace_document(graph_iri, quads)``, ``.stats()``, ``.query(sparql)``.
"""

from kg.store._store import FORMATS, PREFIXES, LoadResult, Store, StoreStats

__all__ = ["FORMATS", "PREFIXES", "LoadResult", "Store", "StoreStats"]
