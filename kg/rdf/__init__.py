"""RDF: ontology terms (generated from ``ontology/kg.ttl``), the mapping of model objects to quads
per document graph, export in five formats, and SHACL validation against ``ontology/shapes.ttl``.

pyoxigraph builds and serialises; rdflib is used only at the edges (pySHACL, tools).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.rdf.export import FORMATS, serialize_quads, write_quads
from kg.rdf.iris import DEFAULT_BASE_IRI, document_graph_iri, entity_iri
from kg.rdf.mapping import document_quads

if TYPE_CHECKING:
    from kg.rdf.validate import ValidationReport

__all__ = [
    "DEFAULT_BASE_IRI",
    "FORMATS",
    "document_graph_iri",
    "document_quads",
    "entity_iri",
    "serialize_quads",
    "validate_file",
    "write_quads",
]


def validate_file(path: Any, *, fmt: str | None = None) -> ValidationReport:
    """Validate an RDF file against the shapes (imports rdflib and pySHACL only when called)."""
    from kg.rdf.validate import validate_file as _validate_file

    return _validate_file(path, fmt=fmt)
