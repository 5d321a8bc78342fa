"""The persistent store: a pyoxigraph (RocksDB) store on disk, one named graph per document.

Queries always run in Oxigraph's engine, never rdflib's. The default graph of a query is the union of
all named graphs, so ``?c wdt:P463 wd:Q7184`` works without ``GRAPH``.

Replacing a document's graph is one transaction: either the new graph is there completely or the old
one is untouched (a crash or Ctrl-C in the middle leaves no partial state, a reload no duplicates).
"""

from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, QueryError, StoreError
from kg.rdf.namespaces import PREFIXES as NAMESPACE_PREFIXES

log = logging.getLogger(__name__)

# Prefixes every query may use without declaring them (SPARQL that declares its own prefixes wins):
# the ones the exporter writes.
PREFIXES: dict[str, str] = dict(NAMESPACE_PREFIXES)

# File extension → format; ``.gz`` is not supported (decompress first).
FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

JOURNAL = "kg-pending-load.json"  # names of new graphs a bulk insert is writing (see replace_graphs)

_STATS_QUERY = """
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents)
  (COUNT(DISTINCT ?fact) AS ?facts)
  (COUNT(DISTINCT ?entity) AS ?entities)
WHERE {
  { ?doc a nif:Context } UNION { ?fact a kgo:Fact } UNION { ?mention itsrdf:taIdentRef ?entity }
}
"""


@dataclass(frozen=True)
class StoreStats:
    documents: int  # nif:Context nodes
    facts: int  # kgo:Fact nodes
    entities: int  # distinct itsrdf:taIdentRef targets
    triples: int  # quads in all graphs
    graphs: int  # named graphs

    def as_dict(self) -> dict[str, int]:
        return {
            "documents": self.documents,
            "facts": self.facts,
            "entities": self.entities,
            "triples": self.triples,
            "graphs": self.graphs,
        }


@dataclass(frozen=True)
class LoadResult:
    path: Path
    graphs: tuple[str, ...]
    quads: int


class Store:
    """A pyoxigraph store on disk. Open it with :meth:`open`; one process may write at a time."""

    def __init__(self, inner: ox.Store, path: Path | None) -> None:
        self._inner = inner
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open the store in ``path``; unless ``read_only``, a new or empty directory becomes a new store.

        A read-only store can be opened while another process (``kg serve``, ``kg load``) writes it.
        """
        directory = Path(path)
        _check_store_directory(directory, must_exist=read_only)
        try:
            if read_only:
                inner = ox.Store.read_only(str(directory))
                if (directory / JOURNAL).exists():  # cannot be undone without writing
                    log.warning(
                        "%s: a load is running or was interrupted; its new graphs may be partial "
                        "(the next kg load or kg extract --store removes an interrupted one)",
                        directory,
                    )
            else:
                directory.mkdir(parents=True, exist_ok=True)
                inner = ox.Store(str(directory))
                store = cls(inner, directory)
                store._recover()
                return store
        except (OSError, RuntimeError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in reason.lower():
                reason = "the store is in use by another process (kg serve or kg load?); " + reason
            raise StoreError(f"{directory}: cannot open store: {reason}") from exc
        return cls(inner, directory)

    @classmethod
    def in_memory(cls) -> Store:
        return cls(ox.Store(), None)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for callers that need its full API)."""
        return self._inner

    # ---- writing -------------------------------------------------------------------------------

    def replace_document(self, graph_iri: str, quads: Sequence[ox.Quad]) -> None:
        """Atomically replace the named graph ``graph_iri`` with ``quads`` (their graph is set to it)."""
        graph = ox.NamedNode(graph_iri)
        self.replace_graphs({graph_iri: [_in_graph(q, graph) for q in quads]})

    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad]], *, bulk: bool = False) -> None:
        """Replace named graphs; each quad must already be in its graph.

        Graphs that exist are replaced in one transaction (a SPARQL update: drop, then insert). New
        graphs are inserted in one transaction, or with ``bulk`` through Oxigraph's bulk loader (about
        twice as fast, not transactional) guarded by a journal: their names are written to
        ``kg-pending-load.json`` first and the file removed after; if the process dies in between, the
        next :meth:`open` drops those graphs again, so a new graph is there completely or not at all.
        """
        if not graphs:
            return
        existing = {iri for iri in graphs if self._inner.contains_named_graph(ox.NamedNode(iri))}
        try:
            if existing:
                self._inner.update(_replace_update({iri: graphs[iri] for iri in existing}))
            new = {iri: quads for iri, quads in graphs.items() if iri not in existing}
            if not new:
                return
            if bulk and self.path is not None:
                self._bulk_insert(new)
            else:
                self._inner.extend(q for quads in new.values() for q in quads)
                for iri in new:  # an empty document still exists as a graph
                    self._inner.add_graph(ox.NamedNode(iri))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write graphs {', '.join(graphs)}: {exc}") from exc

    def _bulk_insert(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
        assert self.path is not None
        journal = self.path / JOURNAL
        journal.write_text(json.dumps(sorted(graphs)), encoding="utf-8")
        _fsync(journal)
        self._inner.bulk_extend(q for quads in graphs.values() for q in quads)
        for iri in graphs:
            self._inner.add_graph(ox.NamedNode(iri))
        self._inner.flush()
        journal.unlink()

    def _recover(self) -> None:
        """Undo a bulk insert that did not finish (see :meth:`replace_graphs`)."""
        assert self.path is not None
        journal = self.path / JOURNAL
        if not journal.exists():
            return
        try:
            pending = [str(iri) for iri in json.loads(journal.read_text(encoding="utf-8"))]
        except (OSError, ValueError) as exc:
            raise StoreError(f"{journal}: unreadable journal of an interrupted load: {exc}") from exc
        if pending:
            self._inner.update(" ;\n".join(f"DROP SILENT GRAPH <{_check_iri(iri)}>" for iri in pending))
            self._inner.flush()
        journal.unlink()
        log.warning("%s: removed %d graph(s) of an interrupted load", self.path, len(pending))

    def remove_document(self, graph_iri: str) -> None:
        self._inner.update(f"DROP SILENT GRAPH <{_check_iri(graph_iri)}>")

    def load_file(self, path: Path, *, graph_iri: str | None = None) -> LoadResult:
        """Load one RDF file; every named graph it contains replaces the store's graph of that name.

        Triples outside a named graph (Turtle, N-Triples, RDF/XML, or the default graph of TriG and
        N-Quads) go into ``graph_iri`` or, by default, into a graph named after the file's absolute
        ``file:`` URI. Each graph is replaced atomically (see :meth:`replace_graphs`). A file whose graphs
        are all new and that has no blank nodes is handed whole to Oxigraph's bulk loader.
        """
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            known = ", ".join(sorted(FORMATS))
            raise InputError(f"{path}: unknown RDF format (known extensions: {known})")
        file_graph = ox.NamedNode(graph_iri or path.resolve().as_uri())
        named, has_default, has_blank, count = self._scan(path, fmt)
        names = named | ({file_graph.value} if has_default else set())
        if (
            self.path is not None
            and not has_blank  # the bulk loader keeps blank node labels: they could meet other files'
            and not (has_default and named)
            and not any(self._inner.contains_named_graph(ox.NamedNode(n)) for n in names)
        ):
            self._bulk_load_file(path, fmt, sorted(names), file_graph if has_default else None)
            return LoadResult(path, tuple(sorted(names)), count)
        grouped: dict[str, list[ox.Quad]] = defaultdict(list)
        for quad in self._parse(path, fmt):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                grouped[file_graph.value].append(_in_graph(quad, file_graph))
            else:
                grouped[quad.graph_name.value].append(quad)
        self.replace_graphs(grouped, bulk=True)
        return LoadResult(path, tuple(grouped), sum(len(q) for q in grouped.values()))

    def _parse(self, path: Path, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
        try:
            for quad in ox.parse(path=str(path), format=fmt, rename_blank_nodes=True):
                if isinstance(quad.graph_name, ox.BlankNode):
                    # a blank-node graph name cannot be addressed or replaced later
                    raise InputError(f"{path}: graph named by a blank node; name it with an IRI")
                yield quad
        except SyntaxError as exc:
            raise InputError(f"{path}: not valid {fmt.name}: {exc}") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc}") from exc

    def _scan(self, path: Path, fmt: ox.RdfFormat) -> tuple[set[str], bool, bool, int]:
        """(named graphs, any default-graph triple?, any blank node?, quads) — and the file is valid."""
        named: set[str] = set()
        has_default = has_blank = False
        count = 0
        blank, default = ox.BlankNode, ox.DefaultGraph
        last_graph = None
        try:
            # a tight loop: this pass is the whole overhead of kg load over Oxigraph's bulk loader
            for quad in ox.parse(path=str(path), format=fmt):
                count += 1
                graph = quad.graph_name
                if graph != last_graph:
                    last_graph = graph
                    if type(graph) is default:
                        has_default = True
                    elif type(graph) is blank:
                        raise InputError(f"{path}: graph named by a blank node; name it with an IRI")
                    else:
                        named.add(graph.value)
                if not has_blank and (type(quad.subject) is blank or type(quad.object) is blank):
                    has_blank = True
        except SyntaxError as exc:
            raise InputError(f"{path}: not valid {fmt.name}: {exc}") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc}") from exc
        return named, has_default, has_blank, count

    def _bulk_load_file(
        self, path: Path, fmt: ox.RdfFormat, names: list[str], to_graph: ox.NamedNode | None
    ) -> None:
        """Bulk-load a file of new graphs, under the same journal as :meth:`_bulk_insert`."""
        assert self.path is not None
        journal = self.path / JOURNAL
        journal.write_text(json.dumps(names), encoding="utf-8")
        _fsync(journal)
        try:
            self._inner.bulk_load(path=str(path), format=fmt, to_graph=to_graph)
        except (SyntaxError, OSError) as exc:
            self._recover()  # take out what the bulk loader wrote before it failed
            raise StoreError(f"{self.path}: cannot load {path}: {exc}") from exc
        for iri in names:
            self._inner.add_graph(ox.NamedNode(iri))
        self._inner.flush()
        journal.unlink()

    def flush(self) -> None:
        self._inner.flush()

    # ---- reading -------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> Any:
        """Run a SPARQL query in Oxigraph: a bool (ASK), triples (CONSTRUCT/DESCRIBE) or solutions.

        Without a protocol dataset the default graph is the union of all named graphs.
        """
        kwargs: dict[str, Any] = {"prefixes": PREFIXES, "base_iri": base_iri}
        if default_graph is not None or named_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(_check_iri(g)) for g in default_graph or ()]
            if named_graphs is not None:
                kwargs["named_graphs"] = [ox.NamedNode(_check_iri(g)) for g in named_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        try:
            return self._inner.query(sparql, **kwargs)
        except SyntaxError as exc:
            raise QueryError(f"bad query: {_one_line(exc)}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {_one_line(exc)}") from exc

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """A SELECT query's rows as dicts of variable name → pyoxigraph term (unbound left out)."""
        result = self.query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("not a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append({n: solution[n] for n in names if solution[n] is not None})
        return rows

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        try:
            self._inner.update(sparql, prefixes=PREFIXES, base_iri=base_iri)
        except SyntaxError as exc:
            raise QueryError(f"bad update: {_one_line(exc)}") from exc
        except OSError as exc:
            raise QueryError(f"update failed: {_one_line(exc)}") from exc

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._inner.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_quads(self, graph_iri: str | None) -> list[ox.Quad]:
        """All quads of one named graph (``None``: the store's default graph)."""
        graph: ox.NamedNode | ox.DefaultGraph = (
            ox.DefaultGraph() if graph_iri is None else ox.NamedNode(_check_iri(graph_iri))
        )
        return list(self._inner.quads_for_pattern(None, None, None, graph))

    def contains_graph(self, graph_iri: str) -> bool:
        return bool(self._inner.contains_named_graph(ox.NamedNode(_check_iri(graph_iri))))

    def stats(self) -> StoreStats:
        result = self._inner.query(_STATS_QUERY, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        row = next(iter(result))
        return StoreStats(
            documents=int(row["documents"].value),
            facts=int(row["facts"].value),
            entities=int(row["entities"].value),
            triples=len(self._inner),
            graphs=sum(1 for _ in self._inner.named_graphs()),
        )

    def __len__(self) -> int:
        return len(self._inner)


def _check_store_directory(directory: Path, *, must_exist: bool) -> None:
    """Refuse what is not a store, so a typo never turns a folder of the user's into a database."""
    try:
        if directory.exists() and not directory.is_dir():
            raise StoreError(f"{directory}: not a directory (a store is a directory)")
        if (directory / "CURRENT").is_file():  # every RocksDB (Oxigraph) database has one
            return
        if must_exist:
            raise StoreError(f"{directory}: no store here")
        in_use = directory.is_dir() and any(directory.iterdir())
    except OSError as exc:  # e.g. a folder we may not read
        raise StoreError(f"{directory}: cannot open store: {exc.strerror or exc}") from exc
    if in_use:
        raise StoreError(f"{directory}: not a store and not empty (a new store needs an empty directory)")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _in_graph(quad: ox.Quad, graph: ox.NamedNode) -> ox.Quad:
    if quad.graph_name == graph:
        return quad
    return ox.Quad(quad.subject, quad.predicate, quad.object, graph)


def _replace_update(graphs: Mapping[str, Sequence[ox.Quad]]) -> str:
    """One SPARQL update (one transaction in Oxigraph): drop each graph, insert its new triples."""
    parts = [f"DROP SILENT GRAPH <{_check_iri(iri)}> ;" for iri in graphs]
    parts.append("INSERT DATA {")
    for iri, quads in graphs.items():
        parts.append(f"GRAPH <{iri}> {{")
        parts.extend(f"{q.triple} ." for q in quads)
        parts.append("}")
    parts.append("}")
    # INSERT DATA of an empty graph would not create it; a graph with no triples does not exist in SPARQL.
    return "\n".join(parts)


def _check_iri(iri: str) -> str:
    if not iri or any(c in iri for c in '<>"{}|^`\\ \n\r\t'):
        raise QueryError(f"not a valid IRI: {iri!r}")
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"not a valid IRI: {iri!r} ({exc})") from None
    return iri


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return " ".join(text.split()) if text else type(exc).__name__


def load_files(store: Store, paths: Iterable[Path], *, graph_iri: str | None = None) -> list[LoadResult]:
    return [store.load_file(p, graph_iri=graph_iri) for p in paths]
