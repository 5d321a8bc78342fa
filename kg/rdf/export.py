"""Serialising quads: Turtle, TriG, N-Quads, N-Triples and JSON-LD, written atomically.

Every format is written in a canonical order (sorted statements), so the same quads give the same
bytes; N-Quads and N-Triples are one sorted line per statement. Formats without graphs (Turtle,
N-Triples) get the union of all graphs.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from kg.errors import ConfigError
from kg.rdf import namespaces as ns

FORMATS: dict[str, RdfFormat | None] = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": None,  # written by _jsonld, with a @context of prefixes
}
"""Format names the CLI accepts (``--format``)."""

EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}

ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "n-quads": "nquads",
    "nq": "nquads",
    "n-triples": "nt",
    "ntriples": "nt",
    "json-ld": "jsonld",
}


def format_for(path: Path | str, fmt: str | None = None) -> str:
    """The format name: ``fmt`` if given (aliases allowed), else from the file extension."""
    if fmt is not None:
        name = ALIASES.get(fmt.lower(), fmt.lower())
        if name not in FORMATS:
            raise ConfigError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ConfigError(
            f"cannot tell the RDF format of {path} from its extension; "
            f"use .ttl, .trig, .nq, .nt or .jsonld, or give --format"
        )
    return EXTENSIONS[suffix]


def _sort_key(quad: Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def _sorted_quads(quads: Iterable[Quad]) -> list[Quad]:
    return sorted(set(quads), key=_sort_key)


def _union_triples(quads: Iterable[Quad]) -> list[Triple]:
    triples = {Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(data.splitlines()))
    return b"".join(line + b"\n" for line in lines if line)


def serialize_quads(quads: Iterable[Quad], fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """The bytes of ``quads`` in ``fmt`` (a name from FORMATS), canonically ordered."""
    name = format_for("", fmt)
    all_prefixes = {**ns.PREFIXES, **(prefixes or {})}
    quads = list(quads)
    if name == "jsonld":
        return _jsonld(_sorted_quads(quads), all_prefixes)
    if name == "nquads":
        return _sorted_lines(_bytes(serialize(quads, format=RdfFormat.N_QUADS)))
    if name == "nt":
        return _sorted_lines(_bytes(serialize(_union_triples(quads), format=RdfFormat.N_TRIPLES)))
    if name == "turtle":
        return _bytes(serialize(_union_triples(quads), format=RdfFormat.TURTLE, prefixes=all_prefixes))
    return _bytes(serialize(_sorted_quads(quads), format=RdfFormat.TRIG, prefixes=all_prefixes))


def _bytes(data: bytes | None) -> bytes:
    # pyoxigraph returns None only when given an output file; we never give one.
    assert data is not None
    return data


def write_quads(
    quads: Iterable[Quad], path: Path | str, *, fmt: str | None = None, prefixes: dict[str, str] | None = None
) -> Path:
    """Write ``quads`` to ``path`` (format from ``fmt`` or the extension; ``-`` is stdout).

    The file is written under a temporary name in the same directory and renamed into place, so a
    failure never leaves half a file.
    """
    if str(path) == "-":
        sys.stdout.buffer.write(serialize_quads(quads, fmt or "trig", prefixes=prefixes))
        sys.stdout.buffer.flush()
        return Path("-")
    path = Path(path)
    write_bytes_atomically(path, serialize_quads(quads, format_for(path, fmt), prefixes=prefixes))
    return path


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` under a temporary name in the same directory, renamed into place: a
    failure never leaves half a file (a ConfigError names the file)."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), _file_mode(path))
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def _file_mode(path: Path) -> int:
    """mkstemp makes the file 0600; the output gets the mode an ordinary write would give it: the
    mode of the file it replaces, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        pass
    mask = os.umask(0o022)  # the only portable way to read the umask is to set it and set it back
    os.umask(mask)
    return 0o666 & ~mask


# --- JSON-LD -----------------------------------------------------------------------------------

_XSD_STRING = ns.XSD_STRING.value
_RDF_TYPE = ns.RDF_TYPE.value


def _compactor(prefixes: dict[str, str]) -> Any:
    # Longest namespace first, so wdt: wins over a shorter namespace that is a prefix of it.
    ordered = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)

    def compact(iri: str) -> str:
        for prefix, namespace in ordered:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                local = iri[len(namespace) :]
                if not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri

    return compact


def _node_id(term: NamedNode | BlankNode, compact: Any) -> str:
    return compact(term.value) if isinstance(term, NamedNode) else f"_:{term.value}"


def _jsonld_object(term: Any, compact: Any) -> dict[str, str]:
    if isinstance(term, Literal):
        value: dict[str, str] = {"@value": term.value}
        if term.language:
            value["@language"] = term.language
        elif term.datatype.value != _XSD_STRING:
            value["@type"] = compact(term.datatype.value)
        return value
    if isinstance(term, NamedNode | BlankNode):
        return {"@id": _node_id(term, compact)}
    raise ValueError(f"JSON-LD export does not support the term {term}")


def _jsonld(quads: list[Quad], prefixes: dict[str, str]) -> bytes:
    """JSON-LD 1.1: one ``@graph`` entry per named graph, IRIs compacted with the prefixes."""
    compact = _compactor(prefixes)
    graphs: dict[str, dict[str, dict[str, Any]]] = {}
    for quad in quads:  # already sorted, so insertion order is canonical
        graph = "" if isinstance(quad.graph_name, DefaultGraph) else _node_id(quad.graph_name, compact)
        subject = _node_id(quad.subject, compact)  # type: ignore[arg-type]
        node = graphs.setdefault(graph, {}).setdefault(subject, {"@id": subject})
        if quad.predicate.value == _RDF_TYPE and isinstance(quad.object, NamedNode):
            node.setdefault("@type", []).append(compact(quad.object.value))
        else:
            node.setdefault(compact(quad.predicate.value), []).append(_jsonld_object(quad.object, compact))
    top: list[dict[str, Any]] = list(graphs.pop("", {}).values())
    for graph, nodes in graphs.items():
        top.append({"@id": graph, "@graph": list(nodes.values())})
    document = {"@context": dict(sorted(prefixes.items())), "@graph": top}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
