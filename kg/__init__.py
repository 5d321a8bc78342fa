"""kg: a knowledge-graph exporter for news articles.

Stages (each a module, plain frozen dataclasses in between, see ``kg.model``)::

    ingest -> nlp -> link -> facts -> rdf -> store / serve / export
"""

__version__ = "0.1.0"
