"""The SPARQL 1.1 endpoint and its query page: ``serve(store, host, port, config)``."""

from kg.serve.engine import WIKIDATA_SPARQL, EngineConfig
from kg.serve.server import ServerConfig, make_server, serve

__all__ = ["WIKIDATA_SPARQL", "EngineConfig", "ServerConfig", "make_server", "serve"]
