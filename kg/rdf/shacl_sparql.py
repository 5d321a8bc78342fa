"""SHACL-SPARQL constraints (``sh:sparql`` / ``sh:select``) evaluated with Oxigraph.

pySHACL parses a constraint's query again for every focus node, which takes minutes on a real
output file; here each query runs once per graph, its focus nodes bound by a sub-select over the
shape's targets, which gives the same solutions as pre-binding ``$this`` for the kind of query the
shapes use. ``kg.rdf.validate`` gives the core constraints to pySHACL and these to this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import rdflib
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, QuerySolutions, Store
from rdflib.namespace import RDF, SH

_THIS = re.compile(r"\$this\b")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class SparqlConstraint:
    shape: rdflib.term.Node
    constraint: rdflib.term.Node
    query: str  # ready to run: prefixes declared, focus nodes bound
    messages: tuple[str, ...]
    severity: str


@dataclass(frozen=True)
class SparqlResult:
    shape: rdflib.term.Node
    constraint: rdflib.term.Node
    focus: NamedNode | BlankNode
    value: object | None
    message: str
    severity: str


def _n3(term: rdflib.term.Node) -> str:
    if isinstance(term, rdflib.URIRef):
        return f"<{term}>"
    raise ValueError(f"SHACL target must be an IRI, not {term!r}")


def _target_pattern(shapes: rdflib.Graph, shape: rdflib.term.Node) -> str | None:
    parts = []
    for cls in shapes.objects(shape, SH.targetClass):
        parts.append(f"{{ ?this <{RDF.type}>/<{rdflib.RDFS.subClassOf}>* {_n3(cls)} }}")
    if (shape, RDF.type, rdflib.RDFS.Class) in shapes:
        parts.append(f"{{ ?this <{RDF.type}>/<{rdflib.RDFS.subClassOf}>* {_n3(shape)} }}")
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        parts.append(f"{{ ?this {_n3(prop)} ?target_any }}")
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        parts.append(f"{{ ?target_any {_n3(prop)} ?this }}")
    for node in shapes.objects(shape, SH.targetNode):
        parts.append(f"{{ VALUES ?this {{ {_n3(node)} }} }}")
    if not parts:
        return None
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def _prefixes(shapes: rdflib.Graph, constraint: rdflib.term.Node) -> str:
    lines = []
    for holder in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(holder, SH.declare):
            prefix = shapes.value(decl, SH.prefix)
            namespace = shapes.value(decl, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines)))


def sparql_constraints(shapes: rdflib.Graph) -> list[SparqlConstraint]:
    """Every active SPARQL constraint of a node shape that has targets."""
    found = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if shapes.value(shape, SH.deactivated) == rdflib.Literal(True):
            continue
        if shapes.value(constraint, SH.deactivated) == rdflib.Literal(True):
            continue
        targets = _target_pattern(shapes, shape)
        select = shapes.value(constraint, SH.select)
        if targets is None or select is None:
            continue
        body = _THIS.sub("?this", str(select))
        match = _WHERE.search(body)
        if match is None:
            raise ValueError(f"cannot find the WHERE group of SPARQL constraint {constraint}")
        query = f"{_prefixes(shapes, constraint)}\n{body[: match.end()]} {targets} {body[match.end() :]}"
        severity = shapes.value(shape, SH.severity) or SH.Violation
        messages = tuple(str(m) for m in shapes.objects(constraint, SH.message)) or tuple(
            str(m) for m in shapes.objects(shape, SH.message)
        )
        found.append(SparqlConstraint(shape, constraint, query, messages, str(severity).rsplit("#", 1)[-1]))
    return sorted(found, key=lambda c: (str(c.shape), str(c.constraint)))


def _fill(template: str, values: dict[str, object]) -> str:
    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if isinstance(value, Literal | NamedNode):
            return value.value
        return match.group(0) if value is None else str(value)

    return _TEMPLATE.sub(replace, template)


def evaluate(
    store: Store,
    graph: NamedNode | DefaultGraph,
    constraints: list[SparqlConstraint],
    *,
    on_result: Callable[[SparqlResult], None],
) -> None:
    """Run every constraint against one graph of ``store``; report each solution as a result."""
    for constraint in constraints:
        solutions = store.query(constraint.query, default_graph=graph)
        assert isinstance(solutions, QuerySolutions)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            values = {name: solution[name] for name in names}
            focus = values.get("this")
            if not isinstance(focus, NamedNode | BlankNode):
                continue
            messages = constraint.messages or ("does not satisfy " + str(constraint.constraint),)
            for template in messages:
                on_result(
                    SparqlResult(
                        shape=constraint.shape,
                        constraint=constraint.constraint,
                        focus=focus,
                        value=values.get("value"),
                        message=_fill(template, values),
                        severity=constraint.severity,
                    )
                )
