"""Reading what a picture shows from kg's RDF: a file in any format kg writes, or a kg store.

Every query runs in Oxigraph's SPARQL engine. A document is a ``nif:Context``; its facts, quotations
and meetings are read from the graph that holds the context. A Turtle or N-Triples file has no named
graphs (several documents share the default graph), so there a record belongs to the document it
says it was derived from (``prov:wasDerivedFrom`` the context).
"""

from __future__ import annotations

import re
import urllib.parse
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.draw.records import DocumentFacts, Entity, Fact, FactTime, Meeting, Quotation, words
from kg.errors import ConfigError, InputError
from kg.model import KGO, WDT
from kg.rdf.namespaces import PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())

WIKIDATA_LABELS: dict[str, str] = {
    WDT + "P463": "member of",
    WDT + "P39": "position held",
    WDT + "P47": "shares border with",
    WDT + "P159": "headquarters location",
    WDT + "P585": "point in time",
    WDT + "P580": "start time",
    WDT + "P582": "end time",
    WDT + "P710": "participant",
    WDT + "P276": "location",
}
"""Wikidata's own English labels of the direct properties kg writes."""

TIME_PROPERTIES = (WDT + "P585", WDT + "P580", WDT + "P582")


def open_file(path: Path, *, fmt: str | None = None) -> ox.Store:
    """An in-memory dataset of an RDF file; an InputError names the file and what is wrong with it."""
    from kg.rdf.validate import read_quads  # parses with pyoxigraph; errors name the file and line

    if path.is_dir():
        raise InputError(f"{path}: is a directory; give an RDF file, or --store DIR for a kg store")
    dataset = ox.Store()
    dataset.bulk_extend(read_quads(path, fmt=fmt))
    return dataset


def open_store(path: Path) -> ox.Store:
    from kg.store import Store  # read-only: drawing never writes the store, and kg serve may hold it

    return Store.open(path, read_only=True).oxigraph


@dataclass(frozen=True)
class _Context:
    iri: str
    graph: ox.NamedNode | ox.DefaultGraph
    shares_graph: bool  # another document's context is in the same graph


def read_documents(dataset: ox.Store, *, source: str) -> list[DocumentFacts]:
    """Every document of ``dataset`` with its facts, ordered by document id. ``source`` names the
    file or store in errors."""
    contexts = _contexts(dataset)
    if not contexts:
        raise InputError(f"{source}: no kg document in it (no nif:Context); is it kg's output?")
    documents = [_read_document(dataset, context) for context in contexts]
    return sorted(documents, key=lambda d: (d.doc_id, d.graph or ""))


def read_graph(dataset: ox.Store, graph_iri: str, *, source: str) -> DocumentFacts:
    """The document whose named graph is ``graph_iri`` (what ``kg serve`` draws: one graph of a
    large store, without reading the others)."""
    try:
        graph = ox.NamedNode(graph_iri)
    except ValueError:
        raise ConfigError(f"{graph_iri!r}: not an absolute IRI") from None
    rows = _select(dataset, "SELECT ?context WHERE { ?context a nif:Context }", default_graph=graph)
    contexts = sorted(_key(r["context"]) for r in rows if isinstance(r.get("context"), ox.NamedNode))
    if not contexts:
        raise InputError(f"{source}: no kg document in the graph <{graph_iri}>")
    return _read_document(dataset, _Context(contexts[0], graph, len(contexts) > 1))


def document_list(dataset: ox.Store, *, limit: int) -> list[tuple[str, str, str, str, int]]:
    """(graph IRI, document id, title, issued date, number of facts) of the document graphs, newest
    first, at most ``limit``."""
    rows = _select(
        dataset,
        "SELECT ?g (SAMPLE(?id) AS ?doc) (SAMPLE(?title) AS ?heading) (SAMPLE(?issued) AS ?date)"
        " (COUNT(DISTINCT ?fact) AS ?facts) WHERE { GRAPH ?g { ?context a nif:Context ."
        " OPTIONAL { ?context dcterms:identifier ?id } OPTIONAL { ?context dcterms:title ?title }"
        " OPTIONAL { ?context dcterms:issued ?issued } OPTIONAL { ?fact a kgo:Fact } } }"
        f" GROUP BY ?g ORDER BY DESC(?date) ?doc LIMIT {int(limit)}",
        default_graph=None,
    )

    def text(row: dict[str, Term], name: str) -> str:
        return _key(row[name]) if name in row else ""

    return [
        (text(r, "g"), text(r, "doc"), text(r, "heading"), text(r, "date"), int(text(r, "facts") or 0))
        for r in rows
    ]


def select_document(documents: list[DocumentFacts], wanted: str, *, source: str) -> DocumentFacts:
    """The document whose id, graph IRI or context IRI is ``wanted``."""
    for document in documents:
        names = [document.doc_id] + ([document.graph, f"{document.graph}#context"] if document.graph else [])
        if wanted in names:
            return document
    ids = [d.doc_id for d in documents]
    listed = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    raise ConfigError(f"--document {wanted}: not in {source} (its documents: {listed})")


# --- the documents ---------------------------------------------------------------------------


def _contexts(dataset: ox.Store) -> list[_Context]:
    rows = _select(
        dataset,
        "SELECT ?context ?g WHERE"
        " { { ?context a nif:Context } UNION { GRAPH ?g { ?context a nif:Context } } }",
        default_graph=None,
    )
    found: list[tuple[str, ox.NamedNode | ox.DefaultGraph]] = []
    for row in rows:
        named = row.get("g")
        if not isinstance(row["context"], ox.NamedNode):
            continue  # kg names every context; a blank one is not a kg document
        found.append((_key(row["context"]), named if isinstance(named, ox.NamedNode) else ox.DefaultGraph()))
    per_graph: dict[str, int] = defaultdict(int)
    for _, graph in found:
        per_graph[str(graph)] += 1
    return [_Context(iri, graph, per_graph[str(graph)] > 1) for iri, graph in sorted(set(found), key=str)]


def _read_document(dataset: ox.Store, context: _Context) -> DocumentFacts:
    graph = context.graph
    ctx = f"<{context.iri}>"
    about = _select(
        dataset,
        f"SELECT ?id ?title ?issued ?lang WHERE {{ OPTIONAL {{ {ctx} dcterms:identifier ?id }}"
        f" OPTIONAL {{ {ctx} dcterms:title ?title }} OPTIONAL {{ {ctx} dcterms:issued ?issued }}"
        f" OPTIONAL {{ {ctx} dcterms:language ?lang }} }}",
        default_graph=graph,
    )
    language = _first(row.get("lang") for row in about)
    titles = [t for row in about if isinstance(t := row.get("title"), ox.Literal)]
    title = _best_literal(titles, language)
    graph_iri = graph.value if isinstance(graph, ox.NamedNode) else None
    doc_id = _first(row.get("id") for row in about) or _id_from_iri(graph_iri or context.iri)
    # Where several documents share a graph, a record is this document's when derived from its context.
    scope = f"?record prov:wasDerivedFrom {ctx} ." if context.shares_graph else ""
    facts = _facts(dataset, graph, scope)
    quotations = _quotations(dataset, graph, scope)
    meetings = _meetings(dataset, graph, scope)
    mentioned = sorted(
        {
            _key(row["entity"])
            for row in _select(
                dataset,
                f"SELECT ?entity WHERE {{ ?m nif:referenceContext {ctx} ; itsrdf:taIdentRef ?entity }}",
                default_graph=graph,
            )
        }
    )
    named: set[str] = set(mentioned)
    for fact in facts:
        named.update((fact.subject, fact.object, *fact.attributed_to))
    for quotation in quotations:
        named.update([quotation.speaker] if quotation.speaker else [])
    for meeting in meetings:
        named.update((*meeting.participants, *([meeting.place] if meeting.place else [])))
    return DocumentFacts(
        doc_id=doc_id,
        graph=graph_iri,
        title=title,
        issued=_first(row.get("issued") for row in about),
        language=language,
        entities=_entities(dataset, graph, named, language),
        facts=facts,
        quotations=quotations,
        meetings=meetings,
        mentioned=tuple(mentioned),
    )


def _facts(dataset: ox.Store, graph: ox.NamedNode | ox.DefaultGraph, scope: str) -> tuple[Fact, ...]:
    rows = _select(
        dataset,
        f"""SELECT ?record ?s ?p ?o ?polarity ?modality ?confidence ?sentence ?speaker ?time ?date WHERE {{
          ?record a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . {scope}
          OPTIONAL {{ ?record kgo:polarity ?polarity }}
          OPTIONAL {{ ?record kgo:modality ?modality }}
          OPTIONAL {{ ?record kgo:confidence ?confidence }}
          OPTIONAL {{ ?record kgo:evidence/nif:anchorOf ?sentence }}
          OPTIONAL {{ ?record kgo:attributedTo ?speaker }}
          OPTIONAL {{ ?record ?time ?date VALUES ?time {{ wdt:P585 wdt:P580 wdt:P582 }} }}
        }}""",
        default_graph=graph,
    )
    facts = []
    for iri, fact_rows in _by_record(rows):
        first = fact_rows[0]
        modality = _local_name(_first(row.get("modality") for row in fact_rows) or KGO + "Asserted")
        times = {
            FactTime(vocabulary_label(_key(row["time"])), row["date"].value)  # type: ignore[union-attr]
            for row in fact_rows
            if "time" in row and "date" in row
        }
        facts.append(
            Fact(
                iri=iri,
                subject=_key(first["s"]),
                predicate=_key(first["p"]),
                predicate_label=vocabulary_label(_key(first["p"])),
                object=_key(first["o"]),
                negative=_first(row.get("polarity") for row in fact_rows) == KGO + "Negative",
                modality=modality,
                modality_label=vocabulary_label(KGO + modality),
                confidence=_float(_first(row.get("confidence") for row in fact_rows)),
                evidence=_first(row.get("sentence") for row in fact_rows),
                attributed_to=tuple(sorted({_key(r["speaker"]) for r in fact_rows if "speaker" in r})),
                times=tuple(sorted(times, key=lambda t: (TIME_ROLE_ORDER.get(t.role, 9), t.date))),
            )
        )
    return tuple(facts)


TIME_ROLE_ORDER = {"point in time": 0, "start time": 1, "end time": 2}


def _quotations(
    dataset: ox.Store, graph: ox.NamedNode | ox.DefaultGraph, scope: str
) -> tuple[Quotation, ...]:
    rows = _select(
        dataset,
        f"""SELECT ?record ?text ?speaker ?date WHERE {{
          ?record a kgo:Quotation ; rdf:value ?text . {scope}
          OPTIONAL {{ ?record kgo:speaker ?speaker }}
          OPTIONAL {{ ?record wdt:P585 ?date }}
        }}""",
        default_graph=graph,
    )
    quotations = {
        (
            _key(row["record"]),
            Quotation(
                speaker=_key(row["speaker"]) if "speaker" in row else None,
                text=row["text"].value,  # type: ignore[union-attr]
                date=row["date"].value if "date" in row else None,  # type: ignore[union-attr]
            ),
        )
        for row in rows
    }
    return tuple(q for _, q in sorted(quotations, key=lambda pair: pair[0]))


def _meetings(dataset: ox.Store, graph: ox.NamedNode | ox.DefaultGraph, scope: str) -> tuple[Meeting, ...]:
    rows = _select(
        dataset,
        f"""SELECT ?record ?participant ?place ?date ?sentence WHERE {{
          ?record a kgo:Meeting . {scope}
          OPTIONAL {{ ?record wdt:P710 ?participant }}
          OPTIONAL {{ ?record wdt:P276 ?place }}
          OPTIONAL {{ ?record wdt:P585 ?date }}
          OPTIONAL {{ ?record kgo:evidence/nif:anchorOf ?sentence }}
        }}""",
        default_graph=graph,
    )
    meetings = []
    for _, meeting_rows in _by_record(rows):
        place = _first(row.get("place") for row in meeting_rows)
        meetings.append(
            Meeting(
                participants=tuple(
                    sorted({_key(r["participant"]) for r in meeting_rows if "participant" in r})
                ),
                place=place,
                date=_first(row.get("date") for row in meeting_rows),
                evidence=_first(row.get("sentence") for row in meeting_rows),
            )
        )
    # A meeting's IRI says nothing to a reader; the order they happened in does.
    return tuple(sorted(meetings, key=lambda m: (m.date or "", m.place or "", m.participants)))


def _entities(
    dataset: ox.Store, graph: ox.NamedNode | ox.DefaultGraph, iris: set[str], language: str | None
) -> tuple[Entity, ...]:
    named = sorted(iri for iri in iris if _is_iri(iri))
    labels: dict[str, list[ox.Literal]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(named, 500):
        values = " ".join(f"<{iri}>" for iri in chunk)
        for row in _select(
            dataset,
            f"SELECT ?e ?label ?kind WHERE {{ VALUES ?e {{ {values} }}"
            f" {{ ?e rdfs:label ?label }} UNION {{ ?e a ?kind FILTER(STRSTARTS(STR(?kind), STR(kgo:))) }} }}",
            default_graph=graph,
        ):
            literal = row.get("label")
            if isinstance(literal, ox.Literal):
                labels[_key(row["e"])].append(literal)
            if "kind" in row:
                kinds[_key(row["e"])].add(_local_name(_key(row["kind"])))
    entities = []
    for iri in sorted(iris):
        label = _best_literal(labels.get(iri, []), language) or _fallback_label(iri)
        kind = min(kinds[iri] - {"Referent"}, default=None) if iri in kinds else None
        entities.append(Entity(iri=iri, label=label, kind=kind))
    return tuple(entities)


# --- vocabulary ------------------------------------------------------------------------------


def vocabulary_label(iri: str) -> str:
    """The English display name of a predicate or modality: Wikidata's label for its direct
    properties, the ontology's ``rdfs:label@en`` for kgo terms, else words from the local name."""
    return WIKIDATA_LABELS.get(iri) or _ontology_labels().get(iri) or words(_local_name(iri))


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, str]:
    from kg.rdf.ontology import ontology_path

    try:
        path = ontology_path()
        ontology = ox.Store()
        ontology.load(path=str(path), format=ox.RdfFormat.TURTLE)
    except (ConfigError, OSError, SyntaxError):
        return {}  # an installation without ontology/ still draws, with names made from local names
    rows = ontology.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?term ?label WHERE "
        '{ ?term rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en")) }'
    )
    assert isinstance(rows, ox.QuerySolutions)
    return {row["term"].value: row["label"].value for row in rows}


# --- helpers ---------------------------------------------------------------------------------


def _select(
    dataset: ox.Store, body: str, *, default_graph: ox.NamedNode | ox.DefaultGraph | None
) -> list[dict[str, Term]]:
    """Rows of a SELECT as dicts (unbound variables left out). With ``default_graph`` the query sees
    that graph only; without, the store's own default graph (and GRAPH the named ones)."""
    kwargs = {} if default_graph is None else {"default_graph": [default_graph]}
    result = dataset.query(_PROLOGUE + body, **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n] for n in names if s[n] is not None} for s in result]


def _by_record(rows: list[dict[str, Term]]) -> list[tuple[str, list[dict[str, Term]]]]:
    """Rows grouped by ``?record`` (one row per combination of a record's optional values)."""
    grouped: dict[str, list[dict[str, Term]]] = defaultdict(list)
    for row in rows:
        grouped[_key(row["record"])].append(row)
    return sorted(grouped.items())


def _key(term: Term) -> str:
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _first(values: Iterable[Term | None]) -> str | None:
    """The smallest of the bound values (a stable choice where a property has several)."""
    found = sorted(_key(value) for value in values if value is not None)
    return found[0] if found else None


def _best_literal(literals: list[ox.Literal], language: str | None) -> str | None:
    """The literal in ``language``, else English, else without a language, else any (the smallest)."""

    def rank(literal: ox.Literal) -> tuple[int, str, str]:
        lang = (literal.language or "").lower()
        order = 0 if language and lang == language.lower() else 1 if lang == "en" else 2 if not lang else 3
        return (order, lang, literal.value)

    return min(literals, key=rank).value if literals else None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _is_iri(key: str) -> bool:
    return ":" in key and not key.startswith("_:") and not any(c in key for c in '<>" {}|\\^`')


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _fallback_label(key: str) -> str:
    return urllib.parse.unquote(_local_name(key)) if _is_iri(key) else key


def _id_from_iri(iri: str) -> str:
    return urllib.parse.unquote(iri.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
