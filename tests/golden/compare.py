"""Graph comparison for the RDF tests: isomorphism per named graph, with a readable diff."""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.compare import graph_diff, to_isomorphic

GOLDEN_DIR = Path(__file__).resolve().parent


def dataset_from(data: bytes | str, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=fmt)
    return ds


def _graphs(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    graphs = {}
    for graph in ds.graphs():
        if len(graph):
            graphs[str(graph.identifier)] = graph
    return graphs


def _lines(graph: rdflib.Graph) -> list[str]:
    return sorted(f"    {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)


def isomorphism_diff(expected: rdflib.Dataset, actual: rdflib.Dataset) -> str:
    """Empty when every named graph of the two datasets is isomorphic; else what differs, per graph."""
    want, got = _graphs(expected), _graphs(actual)
    report = []
    for name in sorted(set(want) | set(got)):
        if name not in got:
            report.append(f"graph {name}: missing ({len(want[name])} triples expected)")
            continue
        if name not in want:
            report.append(f"graph {name}: unexpected ({len(got[name])} triples)")
            continue
        iso_want, iso_got = to_isomorphic(want[name]), to_isomorphic(got[name])
        if iso_want == iso_got:
            continue
        _, only_want, only_got = graph_diff(iso_want, iso_got)
        report.append(f"graph {name}:")
        report.append(f"  only in expected ({len(only_want)}):")
        report += _lines(only_want)
        report.append(f"  only in actual ({len(only_got)}):")
        report += _lines(only_got)
    return "\n".join(report)
