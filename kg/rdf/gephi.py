"""The fact table as a network for Gephi (or networkx, yEd, Cytoscape): GraphML and GEXF 1.2.

Nodes are the entities facts connect (id: the entity IRI; a label; the Wikidata id where linked),
edges are the facts (id: the fact IRI; directed subject → object; several between the same two
entities when the texts say several things), with the predicate as label, the confidence as
weight, and polarity, modality, time, document and evidence sentence as attributes — negated and
possible facts included, so filter on ``polarity``/``modality`` in Gephi to see only what is asserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from kg.model import WD

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (("label", "string"), ("wikidata", "string"))
EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("predicate", "string"),
    ("polarity", "string"),
    ("modality", "string"),
    ("confidence", "double"),
    ("attributed_to", "string"),
    ("point_in_time", "string"),
    ("start_time", "string"),
    ("end_time", "string"),
    ("document", "string"),
    ("evidence", "string"),
)


def _nodes(rows: Sequence[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Entity IRI → attributes, in order of first appearance."""
    nodes: dict[str, dict[str, str]] = {}
    for row in rows:
        for iri, label in ((row["subject"], row["subject_label"]), (row["object"], row["object_label"])):
            node = nodes.setdefault(
                iri, {"label": "", "wikidata": iri[len(WD) :] if iri.startswith(WD) else ""}
            )
            if label and (not node["label"] or label < node["label"]):
                node["label"] = label
    for iri, node in nodes.items():
        node["label"] = node["label"] or iri.rsplit("/", 1)[-1]
    return nodes


def _edge_values(row: dict[str, str]) -> list[tuple[str, str]]:
    return [(name, row[name]) for name, _type in EDGE_ATTRIBUTES if row[name]]


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def graphml(rows: Sequence[dict[str, str]]) -> bytes:
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", XSI_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(
        q + "graphml",
        {
            f"{{{XSI_NS}}}schemaLocation": f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
        },
    )
    for name, kind in NODE_ATTRIBUTES:
        ET.SubElement(
            root, q + "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind}
        )
    for name, kind in EDGE_ATTRIBUTES:
        ET.SubElement(
            root, q + "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, q + "graph", {"id": "kg", "edgedefault": "directed"})
    for iri, attributes in _nodes(rows).items():
        node = ET.SubElement(graph, q + "node", {"id": iri})
        for name, _kind in NODE_ATTRIBUTES:
            if attributes[name]:
                ET.SubElement(node, q + "data", {"key": f"n_{name}"}).text = attributes[name]
    for row in rows:
        edge = ET.SubElement(
            graph, q + "edge", {"id": row["fact"], "source": row["subject"], "target": row["object"]}
        )
        for name, value in _edge_values(row):
            ET.SubElement(edge, q + "data", {"key": f"e_{name}"}).text = value
    return _bytes(root)


def gexf(rows: Sequence[dict[str, str]]) -> bytes:
    ET.register_namespace("", GEXF_NS)
    q = f"{{{GEXF_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.2"})
    meta = ET.SubElement(root, q + "meta")
    ET.SubElement(meta, q + "creator").text = "kg"
    ET.SubElement(meta, q + "description").text = "facts extracted from news articles (kg export gexf)"
    graph = ET.SubElement(root, q + "graph", {"mode": "static", "defaultedgetype": "directed"})
    node_attributes = ET.SubElement(graph, q + "attributes", {"class": "node"})
    ET.SubElement(node_attributes, q + "attribute", {"id": "wikidata", "title": "wikidata", "type": "string"})
    edge_attributes = ET.SubElement(graph, q + "attributes", {"class": "edge"})
    for name, kind in EDGE_ATTRIBUTES:
        ET.SubElement(edge_attributes, q + "attribute", {"id": name, "title": name, "type": kind})
    nodes = ET.SubElement(graph, q + "nodes")
    for iri, attributes in _nodes(rows).items():
        node = ET.SubElement(nodes, q + "node", {"id": iri, "label": attributes["label"]})
        if attributes["wikidata"]:
            values = ET.SubElement(node, q + "attvalues")
            ET.SubElement(values, q + "attvalue", {"for": "wikidata", "value": attributes["wikidata"]})
    edges = ET.SubElement(graph, q + "edges")
    for row in rows:
        attrs = {
            "id": row["fact"],
            "source": row["subject"],
            "target": row["object"],
            "label": row["predicate"],
        }
        if row["confidence"]:
            attrs["weight"] = row["confidence"]
        edge = ET.SubElement(edges, q + "edge", attrs)
        values = ET.SubElement(edge, q + "attvalues")
        for name, value in _edge_values(row):
            ET.SubElement(values, q + "attvalue", {"for": name, "value": value})
    return _bytes(root)
