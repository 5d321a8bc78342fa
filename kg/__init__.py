"""kg: a knowledge-graph exporter for news articles.

Stages (each a module, plain frozen dataclasses in between, see ``kg.model``)::

    ingest -> nlp -> link -> facts -> rdf -> store / serve / export

The Python API (``kg.api``)::

    import kg
    result = kg.Extractor().extract("article.txt")   # or the text itself, a folder, a .jsonl feed
    result.facts_table(); result.serialize("trig"); result.to_rdflib(); result.to_store()

``import kg`` stays light: the API's module (and spaCy, rdflib, the knowledge base) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["ExtractionResult", "Extractor", "__version__", "extract"]

if TYPE_CHECKING:
    from kg.api import ExtractionResult, Extractor, extract

_API = frozenset({"Extractor", "ExtractionResult", "extract"})


def __getattr__(name: str) -> Any:
    if name in _API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _API)
