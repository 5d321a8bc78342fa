"""SHACL validation of RDF files against ``ontology/shapes.ttl``.

Files are parsed with pyoxigraph (which reports the line of a syntax error), then each graph is
validated on its own: every document lives in a named graph, and the shapes' cross-node rules
(offsets against the context's text) hold within one graph. The core constraints go to pySHACL (so
rdflib at this edge); the SHACL-SPARQL rules run on Oxigraph (``kg.rdf.shacl_sparql``), because
pySHACL would parse each rule's query again for every focus node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rdflib
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Store,
    Triple,
    parse,
    serialize,
)
from rdflib.namespace import RDF, SH

from kg.errors import ConfigError, InputError
from kg.rdf import namespaces as ns
from kg.rdf.export import format_for
from kg.rdf.ontology import shapes_path
from kg.rdf.shacl_sparql import SparqlResult, evaluate, sparql_constraints

SHAPES_NS = "https://w3id.org/kg-news/shapes#"

_OX_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}

_FORMAT_NAMES = {
    "turtle": "Turtle",
    "trig": "TriG",
    "nquads": "N-Quads",
    "nt": "N-Triples",
    "jsonld": "JSON-LD",
}


_PREFIXES = sorted([*ns.PREFIXES.items(), ("kgs", SHAPES_NS), ("sh", ns.SH_NS)], key=lambda p: -len(p[1]))
_IRI = re.compile(r"<([^<>\s]+)>")


def compact(text: str) -> str:
    """``<https://w3id.org/kg-news/ontology#Fact>`` -> ``kgo:Fact`` wherever a known prefix fits."""

    def replace(match: re.Match[str]) -> str:
        iri = match.group(1)
        for prefix, namespace in _PREFIXES:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return match.group(0)

    return _IRI.sub(replace, text)


@dataclass(frozen=True)
class Violation:
    """One SHACL result. Terms are written out in full (``<iri>``, ``'literal'``); ``describe()``
    shortens them with the usual prefixes."""

    graph: str  # "" for the default graph
    focus: str
    shape: str
    path: str | None
    message: str
    severity: str
    value: str | None = None
    constraint: str | None = None  # the named SPARQL constraint that fired, e.g. kgs:AnchorMatchesContext

    def describe(self) -> str:
        where = f"shape {self.shape}" + (f", rule {self.constraint}" if self.constraint else "")
        where += f", path {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value is not None else ""
        return compact(f"{self.focus} [{where}]: {self.message}{value}")


@dataclass(frozen=True)
class ValidationReport:
    path: Path
    graphs: int
    triples: int
    violations: tuple[Violation, ...]

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def describe(self, *, limit: int | None = None) -> str:
        """A readable listing, grouped by graph; at most ``limit`` results."""
        if not self.violations:
            return f"{self.path}: conforms ({self.triples} triples in {self.graphs} graph(s))"
        lines = [f"{self.path}: {len(self.violations)} violation(s) in {self.triples} triples"]
        shown = self.violations if limit is None else self.violations[:limit]
        graph = None
        for violation in shown:
            if violation.graph != graph:
                graph = violation.graph
                lines.append(f"graph <{graph}>:" if graph else "default graph:")
            lines.append(f"  - {violation.describe()}")
        if len(shown) < len(self.violations):
            lines.append(f"  … and {len(self.violations) - len(shown)} more")
        return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_quads(path: Path | str, *, fmt: str | None = None) -> list[Quad]:
    """Parse an RDF file; an InputError names the file and the line of the first syntax error."""
    path = Path(path)
    name = format_for(path, fmt)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return list(parse(data, format=_OX_FORMATS[name]))
    except SyntaxError as exc:
        message = _one_line(str(exc.args[0]) if exc.args else str(exc))
        where = f"{path}:{exc.lineno}" if exc.lineno is not None else str(path)
        raise InputError(f"{where}: not valid {_FORMAT_NAMES[name]}: {message}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid {_FORMAT_NAMES[name]}: {_one_line(str(exc))}") from None


def load_shapes(path: Path | None = None) -> rdflib.Graph:
    """The shapes graph: ``ontology/shapes.ttl``, or ``path``; a ConfigError when it cannot be read."""
    path = path or shapes_path()
    try:
        graph = rdflib.Graph().parse(path, format="turtle")
    except FileNotFoundError:
        raise ConfigError(f"no shapes file {path}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read shapes {path}: {exc.strerror or exc}") from None
    except Exception as exc:  # rdflib raises many types for bad Turtle
        raise ConfigError(f"cannot read shapes {path}: {_one_line(str(exc))}") from None
    shacl = str(rdflib.namespace.SH)
    if not any(str(p).startswith(shacl) for p in graph.predicates(unique=True)):
        # validating against no shapes would report every file as conforming
        raise ConfigError(f"no SHACL shapes in {path}")
    return graph


class _Shortener:
    """Names terms of a result for the report: ``<iri>``, a quoted literal, or what a blank shape
    constrains."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph

    def __call__(self, term: Any) -> str:
        if isinstance(term, rdflib.URIRef):
            return f"<{term}>"
        if isinstance(term, rdflib.Literal):
            text = str(term)
            return repr(text[:60] + "…" if len(text) > 60 else text)
        if isinstance(term, rdflib.BNode):
            return self._describe_bnode(term)
        return str(term)

    def _describe_bnode(self, node: rdflib.BNode) -> str:
        # An anonymous shape or path: name it by what it constrains.
        path = self.graph.value(node, SH.path)
        if path is not None and not isinstance(path, rdflib.BNode):
            return f"[path {self(path)}]"
        return "[anonymous]"


def _violations(results: rdflib.Graph, shapes: rdflib.Graph, graph_label: str) -> list[Violation]:
    shorten = _Shortener(shapes)
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = results.value(result, SH.sourceConstraintComponent)
        constraint = results.value(result, SH.sourceConstraint)
        message = "; ".join(messages) or (shorten(component) if component is not None else "does not conform")
        found.append(
            Violation(
                graph=graph_label,
                focus=shorten(focus),
                shape=shorten(shape),
                path=shorten(path) if path is not None else None,
                message=_one_line(message),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=shorten(value) if value is not None and value != focus else None,
                constraint=shorten(constraint) if isinstance(constraint, rdflib.URIRef) else None,
            )
        )
    return found


def _core_shapes(shapes: rdflib.Graph) -> rdflib.Graph:
    """The shapes without their SPARQL constraints (those run on Oxigraph)."""
    core = rdflib.Graph()
    for triple in shapes:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


def _to_rdflib(term: object) -> Any:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        return rdflib.Literal(term.value)
    return None


def validate_quads(
    quads: list[Quad],
    *,
    path: Path | str = "<quads>",
    shapes: rdflib.Graph | None = None,
    engine: str = "oxigraph",
) -> ValidationReport:
    """Validate each graph of ``quads`` against the shapes.

    ``engine="oxigraph"`` (default) runs the SPARQL constraints on Oxigraph and the core ones on
    pySHACL; ``engine="pyshacl"`` gives everything to pySHACL (slow; the reference for tests).
    """
    import pyshacl

    if engine not in ("oxigraph", "pyshacl"):
        raise ValueError(f"unknown validation engine {engine!r}")
    shapes = shapes if shapes is not None else load_shapes()
    shorten = _Shortener(shapes)
    native = engine == "oxigraph"
    pyshacl_shapes = _core_shapes(shapes) if native else shapes
    constraints = sparql_constraints(shapes) if native else []
    # The store is only for the SPARQL constraints: it normalises literals (nonNegativeInteger ->
    # integer), so the core constraints see the triples as they were written.
    store = Store()
    store.bulk_extend(quads)
    by_graph: dict[NamedNode | DefaultGraph, list[Triple]] = {}
    for quad in quads:
        graph_name = quad.graph_name if isinstance(quad.graph_name, NamedNode) else DefaultGraph()
        by_graph.setdefault(graph_name, []).append(Triple(quad.subject, quad.predicate, quad.object))
    graph_names = sorted(by_graph, key=lambda g: "" if isinstance(g, DefaultGraph) else g.value)
    violations: list[Violation] = []
    triples = 0
    for graph in graph_names:
        label = "" if isinstance(graph, DefaultGraph) else graph.value
        graph_triples = list(dict.fromkeys(by_graph[graph]))
        triples += len(graph_triples)
        data = rdflib.Graph()
        data.parse(data=_bytes(serialize(graph_triples, format=RdfFormat.N_TRIPLES)), format="nt")
        conforms, results, _ = pyshacl.validate(
            data, shacl_graph=pyshacl_shapes, inference="none", allow_warnings=True, advanced=True
        )
        if not conforms:
            violations += _violations(results, shapes, label)

        def on_result(result: SparqlResult, label: str = label, found: list[Violation] = violations) -> None:
            value = _to_rdflib(result.value)
            found.append(
                Violation(
                    graph=label,
                    focus=shorten(_to_rdflib(result.focus)),
                    shape=shorten(result.shape),
                    path=None,
                    message=_one_line(result.message),
                    severity=result.severity,
                    value=shorten(value) if value is not None else None,
                    constraint=shorten(result.constraint),
                )
            )

        evaluate(store, graph, constraints, on_result=on_result)
    violations.sort(key=lambda v: (v.graph, v.focus, v.shape, v.constraint or "", v.path or "", v.message))
    return ValidationReport(
        path=Path(path), graphs=len(graph_names), triples=triples, violations=tuple(violations)
    )


def _bytes(data: bytes | None) -> bytes:
    assert data is not None
    return data


def validate_file(
    path: Path | str, *, fmt: str | None = None, shapes: Path | None = None, engine: str = "oxigraph"
) -> ValidationReport:
    """Parse and validate an RDF file. InputError (exit 2) when it cannot be read or parsed."""
    quads = read_quads(path, fmt=fmt)
    return validate_quads(quads, path=path, shapes=load_shapes(shapes), engine=engine)
