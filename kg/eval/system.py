"""What kg wrote, read back for scoring: per document its text, its mentions (as a NIF document),
the names of every entity, and its facts, quotations and meetings. Reads any format kg writes, a store,
or the quads of an extraction run in memory."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.eval.nif import NifDocument, nif_documents
from kg.model import WD, WDT
from kg.rdf.namespaces import PREFIXES

_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
LABELS = ("rdfs:label", "skos:prefLabel", "skos:altLabel")


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^\w]+", " ", s).strip()


@dataclass(frozen=True)
class SystemEnd:
    key: str | None  # the QID, a date or normalised literal; None for an entity outside Wikidata
    iri: str
    names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SystemFact:
    subject: SystemEnd
    property: str  # PID or local name
    object: SystemEnd
    polarity: str
    time: str | None = None
    evidence: tuple[int, int, str] | None = None


@dataclass(frozen=True)
class SystemQuote:
    speaker: SystemEnd | None
    text: str


@dataclass(frozen=True)
class SystemMeeting:
    places: tuple[SystemEnd, ...]
    participants: tuple[SystemEnd, ...]
    dates: tuple[str, ...]
    evidence: str | None = None


@dataclass(frozen=True)
class SystemDocument:
    doc_id: str
    context: str
    text: str
    nif: NifDocument
    entities: frozenset[str] = frozenset()  # IRIs of the mentioned entities
    names: dict[str, frozenset[str]] = field(default_factory=dict)  # IRI -> normalised names
    facts: tuple[SystemFact, ...] = ()
    quotes: tuple[SystemQuote, ...] = ()
    meetings: tuple[SystemMeeting, ...] = ()


def open_output(path: Path | None, store: Path | None, *, fmt: str | None = None) -> ox.Store:
    from kg.draw.read import open_file, open_store

    if store is not None:
        return open_store(store)
    assert path is not None
    return open_file(path, fmt=fmt)


def local(iri: str) -> str:
    if iri.startswith(WDT):
        return iri[len(WDT) :]
    if iri.startswith(WD):
        return iri[len(WD) :]
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def read_system(dataset: ox.Store, *, source: str) -> tuple[SystemDocument, ...]:
    """Every kg document (``nif:Context``) of ``dataset``; records belong to the context they are
    ``prov:wasDerivedFrom``."""
    contexts = {d.uri: d for d in nif_documents(dataset, source=source)}
    if not contexts:
        raise InputError(f"{source}: no document in it (no nif:Context with nif:isString); kg's output?")
    ids = {
        _key(r["c"]): _key(r["id"])
        for r in _rows(dataset, "SELECT ?c ?id { ?c a nif:Context ; dcterms:identifier ?id }")
    }
    names = _names(dataset)
    facts: dict[str, list[SystemFact]] = defaultdict(list)
    for r in _rows(
        dataset,
        """SELECT ?c ?s ?p ?o ?pol ?time ?b ?e ?ev { ?f rdf:predicate ?p ; rdf:subject ?s ;
            rdf:object ?o ; prov:wasDerivedFrom ?c . ?c a nif:Context .
            OPTIONAL { ?f kgo:polarity ?pol }
            OPTIONAL { ?f ?tp ?time VALUES ?tp { wdt:P585 wdt:P580 wdt:P582 } }
            OPTIONAL { ?f kgo:evidence ?sent .
                       ?sent nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?ev } }""",
    ):
        evidence = (int(_key(r["b"])), int(_key(r["e"])), _key(r["ev"])) if "b" in r else None
        facts[_key(r["c"])].append(
            SystemFact(
                _end(r["s"], names),
                local(_key(r["p"])),
                _end(r["o"], names),
                "-" if "pol" in r and local(_key(r["pol"])).lower().startswith("neg") else "+",
                _key(r["time"])[:10] if "time" in r else None,
                evidence,
            )
        )
    quotes: dict[str, list[SystemQuote]] = defaultdict(list)
    for r in _rows(
        dataset,
        """SELECT ?c ?q ?text ?speaker { ?q a kgo:Quotation ; rdf:value ?text ;
            prov:wasDerivedFrom ?c . ?c a nif:Context . OPTIONAL { ?q kgo:speaker ?speaker } }""",
    ):
        quotes[_key(r["c"])].append(
            SystemQuote(_end(r["speaker"], names) if "speaker" in r else None, _key(r["text"]))
        )
    meetings: dict[str, dict[str, tuple[set[SystemEnd], set[SystemEnd], set[str], set[str]]]] = defaultdict(
        dict
    )
    for r in _rows(
        dataset,
        """SELECT ?c ?m ?place ?who ?date ?ev { ?m a kgo:Meeting ; prov:wasDerivedFrom ?c .
            ?c a nif:Context . OPTIONAL { ?m wdt:P276 ?place } OPTIONAL { ?m wdt:P710 ?who }
            OPTIONAL { ?m wdt:P585 ?date } OPTIONAL { ?m kgo:evidence/nif:anchorOf ?ev } }""",
    ):
        entry = meetings[_key(r["c"])].setdefault(_key(r["m"]), (set(), set(), set(), set()))
        if "place" in r:
            entry[0].add(_end(r["place"], names))
        if "who" in r:
            entry[1].add(_end(r["who"], names))
        if "date" in r:
            entry[2].add(_key(r["date"])[:10])
        if "ev" in r:
            entry[3].add(_key(r["ev"]))
    documents = []
    for uri, nif in sorted(contexts.items()):
        doc_meetings = tuple(
            SystemMeeting(
                tuple(sorted(p, key=lambda e: e.iri)),
                tuple(sorted(w, key=lambda e: e.iri)),
                tuple(sorted(d)),
                min(ev) if ev else None,
            )
            for _, (p, w, d, ev) in sorted(meetings.get(uri, {}).items())
        )
        documents.append(
            SystemDocument(
                doc_id=ids.get(uri, uri),
                context=uri,
                text=nif.text,
                nif=nif,
                entities=frozenset(i for a in nif.annotations for i in a.identifiers),
                names=names,
                facts=tuple(facts.get(uri, ())),
                quotes=tuple(quotes.get(uri, ())),
                meetings=doc_meetings,
            )
        )
    return tuple(documents)


def _rows(dataset: ox.Store, body: str) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
    result = dataset.query(_PROLOGUE + body, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n] for n in names if s[n] is not None} for s in result]


def _key(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else f"_:{term.value}"


def _names(dataset: ox.Store) -> dict[str, frozenset[str]]:
    """Every name the output gives a node: its labels and the text of the mentions linked to it."""
    found: dict[str, set[str]] = defaultdict(set)
    values = " ".join(LABELS)
    for r in _rows(
        dataset,
        f"SELECT ?e ?n {{ {{ ?e ?p ?n VALUES ?p {{ {values} }} }} UNION"
        " { ?m itsrdf:taIdentRef ?e ; nif:anchorOf ?n } }",
    ):
        found[_key(r["e"])].add(norm_text(_key(r["n"])))
    return {k: frozenset(v) for k, v in found.items()}


def _end(term: ox.NamedNode | ox.Literal | ox.BlankNode, names: dict[str, frozenset[str]]) -> SystemEnd:
    text = _key(term)
    if isinstance(term, ox.NamedNode):
        key = text[len(WD) :] if text.startswith(WD) else None
        return SystemEnd(key, text, names.get(text, frozenset()))
    if isinstance(term, ox.Literal):
        key = text[:10] if re.match(r"\d{4}-\d\d-\d\d", text) else norm_text(text)
        return SystemEnd(key, text)
    return SystemEnd(None, text)
