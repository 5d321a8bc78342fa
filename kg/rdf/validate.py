"""SHACL validation of RDF files against ``ontology/shapes.ttl`` (pySHACL, so rdflib at this edge).

Files are parsed with pyoxigraph (which reports the line of a syntax error), then each graph is
validated on its own: every document lives in a named graph, and the shapes' cross-node rules
(offsets against the context's text) hold within one graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rdflib
from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple, parse, serialize
from rdflib.namespace import RDF, SH

from kg.errors import InputError
from kg.rdf import namespaces as ns
from kg.rdf.export import format_for
from kg.rdf.ontology import shapes_path

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


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with terms already shortened for people (``kgo:Fact``, ``<iri>``)."""

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
        return f"{self.focus} [{where}]: {self.message}{value}"


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
                lines.append(f"graph {graph or '(default)'}:")
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
        line = exc.lineno if exc.lineno is not None else "?"
        raise InputError(f"{path}:{line}: not valid {_FORMAT_NAMES[name]}: {message}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}:?: not valid {_FORMAT_NAMES[name]}: {_one_line(str(exc))}") from None


def load_shapes(path: Path | None = None) -> rdflib.Graph:
    return rdflib.Graph().parse(path or shapes_path(), format="turtle")


class _Shortener:
    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self.prefixes = sorted(
            [*ns.PREFIXES.items(), ("kgs", SHAPES_NS), ("sh", ns.SH_NS)], key=lambda p: -len(p[1])
        )

    def __call__(self, term: Any) -> str:
        if isinstance(term, rdflib.URIRef):
            iri = str(term)
            for prefix, namespace in self.prefixes:
                if iri.startswith(namespace) and len(iri) > len(namespace):
                    return f"{prefix}:{iri[len(namespace):]}"
            return f"<{iri}>"
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
    return sorted(found, key=lambda v: (v.focus, v.shape, v.path or "", v.message))


def validate_quads(
    quads: list[Quad], *, path: Path | str = "<quads>", shapes: rdflib.Graph | None = None
) -> ValidationReport:
    """Validate each graph of ``quads`` against the shapes."""
    import pyshacl

    shapes = shapes if shapes is not None else load_shapes()
    by_graph: dict[str, list[Triple]] = defaultdict(list)
    for quad in quads:
        key = "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)
        by_graph[key].append(Triple(quad.subject, quad.predicate, quad.object))
    violations: list[Violation] = []
    for key in sorted(by_graph):
        data = rdflib.Graph()
        data.parse(data=serialize(by_graph[key], format=RdfFormat.N_TRIPLES), format="nt")
        conforms, results, _ = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True
        )
        if not conforms:
            violations += _violations(results, shapes, key)
    triples = sum(len(t) for t in by_graph.values())
    return ValidationReport(
        path=Path(path), graphs=len(by_graph), triples=triples, violations=tuple(violations)
    )


def validate_file(
    path: Path | str, *, fmt: str | None = None, shapes: Path | None = None
) -> ValidationReport:
    """Parse and validate an RDF file. InputError (exit 2) when it cannot be read or parsed."""
    quads = read_quads(path, fmt=fmt)
    return validate_quads(quads, path=path, shapes=load_shapes(shapes))
