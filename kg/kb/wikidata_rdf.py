"""Read Wikidata-shaped RDF (what a CONSTRUCT against the Wikidata Query Service returns) into
item records: ``rdfs:label``, ``skos:altLabel``, ``schema:description`` and ``wdt:P…`` claims.

The bundled build, ``kg kb import`` and ``kg kb pull`` all go through ``records_from_rdf``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KnowledgeBaseError
from kg.model import WD, WDT

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
SKOS_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
SCHEMA_DESCRIPTION = "http://schema.org/description"
SCHEMA_NAME = "http://schema.org/name"

# Properties kept as claims; others are dropped to keep the KB small.
KEPT_PROPERTIES = frozenset(
    {
        "P31",
        "P279",
        "P17",
        "P39",
        "P463",
        "P1001",
        "P1082",
        "P297",
        "P298",
        "P159",
        "P36",
        "P35",
        "P6",
        "P1813",
        "P47",
        "P30",
        "P131",
    }
)

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".n3": ox.RdfFormat.N3,
}


def format_of(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KnowledgeBaseError(
            f"{path}: cannot tell the RDF format from the extension (use one of {', '.join(sorted(FORMATS))})"
        )
    return fmt


def records_from_file(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return records_from_rdf(data, format_of(path), origin=str(path))


def records_from_rdf(data: bytes, fmt: ox.RdfFormat, *, origin: str) -> dict[str, dict[str, Any]]:
    """Item records keyed by QID from RDF bytes; subjects that are not Wikidata items are ignored."""
    records: dict[str, dict[str, Any]] = {}
    try:
        for quad in ox.parse(data, format=fmt):
            subject = quad.subject
            if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(WD):
                continue
            qid = subject.value[len(WD) :]
            if not _is_qid(qid):
                continue
            _add(records.setdefault(qid, {"id": qid}), quad.predicate.value, quad.object)
    except (SyntaxError, ValueError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise KnowledgeBaseError(f"{origin}: not readable as {fmt.name}: {message}") from exc
    return {qid: rec for qid, rec in records.items() if len(rec) > 1}


def _is_qid(value: str) -> bool:
    return len(value) > 1 and value[0] == "Q" and value[1:].isdigit()


def _add(record: dict[str, Any], predicate: str, obj: Any) -> None:
    if isinstance(obj, ox.Literal):
        lang = obj.language or ""
        if predicate in (RDFS_LABEL, SKOS_PREF_LABEL, SCHEMA_NAME):
            if lang and lang not in record.setdefault("labels", {}):
                record["labels"][lang] = obj.value
            elif lang and record["labels"][lang] != obj.value:
                _append(record.setdefault("aliases", {}), lang, obj.value)
            return
        if predicate == SKOS_ALT_LABEL and lang:
            _append(record.setdefault("aliases", {}), lang, obj.value)
            return
        if predicate == SCHEMA_DESCRIPTION and lang:
            record.setdefault("descriptions", {}).setdefault(lang, obj.value)
            return
    if not predicate.startswith(WDT):
        return
    prop = predicate[len(WDT) :]
    if prop not in KEPT_PROPERTIES:
        return
    if isinstance(obj, ox.NamedNode):
        value = obj.value[len(WD) :] if obj.value.startswith(WD) else obj.value
    elif isinstance(obj, ox.Literal):
        value = obj.value
    else:
        return
    _append(record.setdefault("claims", {}), prop, value)


def _append(target: dict[str, list[str]], key: str, value: str) -> None:
    values = target.setdefault(key, [])
    if value not in values:
        values.append(value)
