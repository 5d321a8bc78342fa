"""The Python API: ``kg.Extractor().extract(text_or_path)`` → ``ExtractionResult``.

An ``Extractor`` loads the knowledge base and the spaCy pipelines once (on first use) and runs the same
stages as ``kg extract`` (``kg.pipeline``) in this process. Its result holds the documents' records
(``kg.model``) and gives them as RDF in every form kg writes::

    import kg

    result = kg.Extractor().extract("Deutschland ist Mitglied der NATO.", lang="de")
    result.facts_table()             # [{"subject": "http://www.wikidata.org/entity/Q183", …}, …]
    result.serialize("turtle")       # str; also "trig", "nquads", "nt", "jsonld"
    result.to_rdflib()               # rdflib.Dataset, one named graph per document
    result.to_store()                # kg.store.Store (in memory, or a directory) for SPARQL

Nothing heavy is imported by ``import kg``: spaCy, rdflib and the knowledge base load when used.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.model import Document, DocumentResult, Fact, IngestFailure, Meeting, Quotation, RunProvenance

if TYPE_CHECKING:
    import pyoxigraph as ox
    import rdflib

    from kg.kb import KnowledgeBase
    from kg.pipeline import Pipelines
    from kg.store import Store

Source = str | os.PathLike[str] | Document
_MAX_PATH_LENGTH = 4096


@dataclass(frozen=True)
class ExtractionResult:
    """What one ``extract`` call found: per document its ``DocumentResult``, and the inputs that could
    not be read (``failures``, one line each; a batch goes on without them)."""

    documents: tuple[DocumentResult, ...]
    runs: tuple[RunProvenance, ...]  # one per document, the same object for documents of one language
    base_iri: str
    failures: tuple[IngestFailure, ...] = ()

    # --- the records -----------------------------------------------------------------------------

    @property
    def facts(self) -> list[Fact]:
        return [f for d in self.documents for f in d.facts]

    @property
    def quotations(self) -> list[Quotation]:
        return [q for d in self.documents for q in d.quotations]

    @property
    def meetings(self) -> list[Meeting]:
        return [m for d in self.documents for m in d.meetings]

    # --- as RDF ----------------------------------------------------------------------------------

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """All quads, each document in its own named graph (the graph ``kg extract`` writes)."""
        from kg.rdf import document_quads

        return [
            q
            for result, run in zip(self.documents, self.runs, strict=True)
            for q in document_quads(result, run, base_iri=self.base_iri)
        ]

    def serialize(self, fmt: str = "turtle") -> str:
        """The RDF as text: ``turtle``/``ttl``, ``trig``, ``nquads``/``nq``, ``nt``, ``jsonld``."""
        from kg.rdf import serialize_quads

        return serialize_quads(self.quads, fmt).decode("utf-8")

    def write(self, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
        """Write the RDF to ``path`` (format from the extension, or ``fmt``), atomically."""
        from kg.rdf import write_quads

        target = Path(path)
        write_quads(self.quads, target, fmt=fmt)
        return target

    def to_rdflib(self) -> rdflib.Dataset:
        """An ``rdflib.Dataset`` with one named graph per document (its default graph empty)."""
        import rdflib

        dataset = rdflib.Dataset()
        dataset.parse(data=self.serialize("nquads"), format="nquads")
        return dataset

    def to_store(self, path: str | os.PathLike[str] | None = None) -> Store:
        """A kg store (Oxigraph) holding the graphs: in memory, or in a new or existing kg store
        directory ``path`` (each document graph replaced, as ``kg load`` does). Query it with
        ``.query(sparql)`` / ``.select(sparql)``; its default graph is the union of the documents."""
        from kg.store import Store

        store = Store.in_memory() if path is None else Store.open(Path(path))
        graphs: dict[str, list[ox.Quad]] = {}
        for quad in self.quads:
            graphs.setdefault(quad.graph_name.value, []).append(quad)  # type: ignore[union-attr]
        if graphs:
            store.replace_graphs(graphs)
        return store

    def facts_table(self) -> list[dict[str, str]]:
        """One row (a dict of strings, keys ``kg.rdf.tables.FACT_COLUMNS``) per fact, read from the
        RDF: document, fact IRI, subject / predicate / object with labels, polarity, modality,
        attribution, times, confidence and the evidence sentence with its offsets."""
        import pyoxigraph as ox

        from kg.rdf.tables import fact_rows

        dataset = ox.Store()
        dataset.extend(self.quads)
        return fact_rows(dataset)

    def facts_csv(self) -> str:
        """``facts_table()`` as CSV text with a header line."""
        from kg.rdf.tables import rows_csv

        return rows_csv(self.facts_table())


class Extractor:
    """Runs kg's extraction in this process; reuse one for many calls (the KB and pipelines load once).

    ``lang``: "auto" (detect per document), "de" or "en". ``model``: a spaCy pipeline package,
    "blank" for the rule-only path, or None for the best installed. ``kb_files``: extra KB files
    (Wikidata-shaped RDF). ``base_iri``: namespace of documents, facts and NIL entities.
    """

    def __init__(
        self,
        *,
        lang: str = "auto",
        model: str | None = None,
        kb_files: Sequence[str | os.PathLike[str]] = (),
        base_iri: str | None = None,
    ) -> None:
        from kg.rdf.iris import DEFAULT_BASE_IRI, checked_base_iri

        if lang not in ("auto", "de", "en"):
            raise InputError(f"lang {lang!r}: use 'auto', 'de' or 'en'")
        self.lang = lang
        self.model = model
        self.kb_files = tuple(Path(p) for p in kb_files)
        self.base_iri = checked_base_iri(base_iri or DEFAULT_BASE_IRI)
        self._kb: KnowledgeBase | None = None
        self._pipelines: Pipelines | None = None
        self._runs: dict[str, RunProvenance] = {}

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from kg.kb import load_knowledge_base

            self._kb = load_knowledge_base(extra_files=self.kb_files)
        return self._kb

    @property
    def pipelines(self) -> Pipelines:
        if self._pipelines is None:
            from kg.pipeline import Pipelines

            self._pipelines = Pipelines(model=self.model)
        return self._pipelines

    def extract(
        self,
        source: Source | Iterable[Source],
        *,
        lang: str | None = None,
        published: dt.date | str | None = None,
        title: str | None = None,
        source_url: str | None = None,
        doc_id: str | None = None,
    ) -> ExtractionResult:
        """Extract from article text, a file or folder (``.txt .md .html .jsonl``), a ``Document``, or
        several of these.

        A ``str`` is a path when it names an existing file or folder and has no line break, else it is
        the text itself; pass a ``pathlib.Path`` to be explicit. ``published`` (a date, or a string
        in any form ``kg extract --published`` takes) resolves relative dates; ``title``, ``doc_id``
        apply to text given as a string. Unreadable inputs are listed in ``failures``; if nothing
        could be read, ``InputError`` says why.
        """
        from kg.pipeline import process_documents

        date = _published(published)
        doc_lang = lang or self.lang
        documents: list[Document] = []
        failures: list[IngestFailure] = []
        sources: Iterable[Source] = (
            [source] if isinstance(source, (str, os.PathLike, Document)) else list(source)
        )
        for item in sources:
            for read in self._read(item, doc_lang, date, title, source_url, doc_id):
                if isinstance(read, Document):
                    documents.append(read)
                else:
                    failures.append(read)
        if not documents:
            reasons = "; ".join(f"{f.origin}: {f.message}" for f in failures) or "no input given"
            raise InputError(f"nothing to extract: {reasons}")
        results = tuple(process_documents(documents, pipelines=self.pipelines, kb=self.kb))
        runs = tuple(self._run(r.document.lang) for r in results)
        return ExtractionResult(results, runs, self.base_iri, tuple(failures))

    def _read(
        self,
        item: Source,
        lang: str,
        published: dt.date | None,
        title: str | None,
        source_url: str | None,
        doc_id: str | None,
    ) -> list[Document | IngestFailure]:
        from kg.ingest import document_from_text, read_documents

        if isinstance(item, Document):
            return [item]
        if isinstance(item, str) and not _names_a_path(item):
            return [
                document_from_text(
                    item, lang=lang, published=published, title=title, source_url=source_url, doc_id=doc_id
                )
            ]
        return list(read_documents([os.fspath(item)], lang=lang, published=published, source_url=source_url))

    def _run(self, lang: str) -> RunProvenance:
        if lang not in self._runs:
            from kg.batch.report import run_started
            from kg.pipeline import run_provenance

            self._runs[lang] = replace(run_provenance(self.pipelines, self.kb, lang), started=run_started())
        return self._runs[lang]


def _names_a_path(text: str) -> bool:
    if not text or "\n" in text or len(text) > _MAX_PATH_LENGTH:
        return False
    try:
        return Path(text).exists()
    except OSError:  # e.g. a name too long for the file system
        return False


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from kg.ingest.dates import parse_published

    try:
        return parse_published(value)
    except ValueError as exc:
        raise InputError(f"published: {exc}") from exc


def extract(source: Source | Iterable[Source], **options: Any) -> ExtractionResult:
    """``Extractor().extract(source, …)`` with the defaults, for one-off use."""
    return Extractor().extract(source, **options)
