"""The facts of kg's RDF as a flat table: one row per reified fact (``kgo:Fact``), every value a string.

Read from the graphs, not from the model objects, so the same table comes from a fresh extraction
(``kg.Extractor``), a file ``kg extract`` wrote, or a store (``kg export facts-csv``). Negated and
merely possible facts are rows too: the ``polarity`` and ``modality`` columns say what they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES

FACT_COLUMNS: tuple[str, ...] = (
    "document",
    "fact",
    "subject",
    "subject_label",
    "predicate",
    "object",
    "object_label",
    "polarity",
    "modality",
    "attributed_to",
    "attributed_to_label",
    "point_in_time",
    "start_time",
    "end_time",
    "confidence",
    "evidence",
    "evidence_begin",
    "evidence_end",
)
"""The columns of a fact row, in order (also the CSV header)."""

_TIME_COLUMNS = {
    "http://www.wikidata.org/prop/direct/P585": "point_in_time",
    "http://www.wikidata.org/prop/direct/P580": "start_time",
    "http://www.wikidata.org/prop/direct/P582": "end_time",
}

_QUERY = """
SELECT ?g ?f ?s ?p ?o ?polarity ?modality ?conf ?sl ?ol ?att ?attl ?timeprop ?time ?evidence ?begin ?end
WHERE { GRAPH ?g {
  ?f a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?f kgo:polarity ?polarity }
  OPTIONAL { ?f kgo:modality ?modality }
  OPTIONAL { ?f kgo:confidence ?conf }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?f kgo:attributedTo ?att OPTIONAL { ?att rdfs:label ?attl } }
  OPTIONAL { ?f ?timeprop ?time FILTER(?timeprop IN (wdt:P585, wdt:P580, wdt:P582)) }
  OPTIONAL { ?f kgo:evidence ?ev . ?ev nif:anchorOf ?evidence ; nif:beginIndex ?begin ; nif:endIndex ?end }
} }
"""


def compact(iri: str) -> str:
    """``wdt:P463`` for a known namespace, else the IRI itself."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best) and iri != namespace:
            best, short = namespace, f"{prefix}:{iri[len(namespace) :]}"
    return short if best else iri


def _value(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, (ox.Literal, ox.BlankNode)):
        return term.value
    return str(term)


def _local(term: object) -> str:
    value = _value(term)
    return value.rsplit("#", 1)[-1] if value else ""


def fact_rows(dataset: ox.Store) -> list[dict[str, str]]:
    """One dict per fact (keys: ``FACT_COLUMNS``), sorted by document, evidence offset and fact IRI.

    A label is the smallest of the entity's labels in the fact's own document graph, so the table does
    not depend on the order the store returns them in.
    """
    rows: dict[tuple[str, str], dict[str, str]] = {}
    result = dataset.query(_QUERY, prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    for solution in result:
        graph, fact = _value(solution["g"]), _value(solution["f"])
        row = rows.get((graph, fact))
        if row is None:
            row = dict.fromkeys(FACT_COLUMNS, "")
            row.update(
                document=graph,
                fact=fact,
                subject=_value(solution["s"]),
                predicate=compact(_value(solution["p"])),
                object=_value(solution["o"]),
                polarity=_local(solution["polarity"]),
                modality=_local(solution["modality"]),
                attributed_to=_value(solution["att"]),
                confidence=_value(solution["conf"]),
                evidence=_value(solution["evidence"]),
                evidence_begin=_value(solution["begin"]),
                evidence_end=_value(solution["end"]),
            )
            rows[(graph, fact)] = row
        for column, variable in (
            ("subject_label", "sl"),
            ("object_label", "ol"),
            ("attributed_to_label", "attl"),
        ):
            label = _value(solution[variable])
            if label and (not row[column] or label < row[column]):
                row[column] = label
        time_column = _TIME_COLUMNS.get(_value(solution["timeprop"]))
        if time_column is not None:
            row[time_column] = _value(solution["time"])
    return sorted(
        rows.values(),
        key=lambda r: (r["document"], int(r["evidence_begin"] or 0), r["fact"]),
    )


def rows_csv(rows: Iterable[dict[str, str]], columns: tuple[str, ...] = FACT_COLUMNS) -> str:
    """RFC 4180 CSV (``\\r\\n`` line ends, quoted where needed) with a header line."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
