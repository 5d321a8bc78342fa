"""One function composing the stages; the CLI, the batch runner and library users all call it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import kg
from kg.kb import KnowledgeBase
from kg.link import link_document
from kg.model import Document, DocumentResult, Extraction, Mention, RunProvenance, TextAnalysis
from kg.nlp import NlpPipeline
from kg.nlp import load_pipeline as load_nlp_pipeline

log = logging.getLogger(__name__)


def load_pipeline(lang: str, *, model: str | None = None) -> NlpPipeline:
    """The nlp stage for ``lang``, finding the triggers of the facts stage's rules in every document."""
    from kg.facts import rule_triggers

    return load_nlp_pipeline(lang, model=model, triggers=rule_triggers(lang))


@dataclass
class Pipelines:
    """spaCy pipelines per language, built on first use (loading one costs seconds)."""

    model: str | None = None  # "blank", a package name, or None for the best installed

    def __post_init__(self) -> None:
        self._by_lang: dict[str, NlpPipeline] = {}

    def for_lang(self, lang: str) -> NlpPipeline:
        if lang not in self._by_lang:
            self._by_lang[lang] = load_pipeline(lang, model=self.model)
        return self._by_lang[lang]


def analyse_document(document: Document, analysis: TextAnalysis, kb: KnowledgeBase) -> DocumentResult:
    """link -> facts for one document already through the nlp stage."""
    from kg.facts import extract_facts

    mentions = link_document(document, analysis, kb)
    extraction: Extraction = extract_facts(document, analysis, mentions, kb)
    log.debug(
        "%s: %d mentions, %d facts, %d quotations, %d meetings",
        document.doc_id,
        len(mentions),
        len(extraction.facts),
        len(extraction.quotations),
        len(extraction.meetings),
    )
    return document_result(document, analysis, mentions, extraction)


def document_result(
    document: Document, analysis: TextAnalysis, mentions: tuple[Mention, ...], extraction: Extraction
) -> DocumentResult:
    """What the stages found in one document, as the RDF mapping reads it."""
    return DocumentResult(
        document=document,
        sentences=analysis.sentences,
        mentions=mentions,
        facts=extraction.facts,
        quotations=extraction.quotations,
        meetings=extraction.meetings,
    )


def process_document(document: Document, *, pipelines: Pipelines, kb: KnowledgeBase) -> DocumentResult:
    analysis = pipelines.for_lang(document.lang).analyse(document)
    return analyse_document(document, analysis, kb)


def process_documents(
    documents: Iterable[Document], *, pipelines: Pipelines, kb: KnowledgeBase, batch_size: int = 32
) -> Iterator[DocumentResult]:
    """Documents in, results out, in input order; spaCy batches per run of one language."""
    batch: list[Document] = []
    for document in documents:
        if batch and (document.lang != batch[0].lang or len(batch) >= batch_size):
            yield from _process_batch(batch, pipelines, kb, batch_size)
            batch = []
        batch.append(document)
    if batch:
        yield from _process_batch(batch, pipelines, kb, batch_size)


def _process_batch(
    batch: list[Document], pipelines: Pipelines, kb: KnowledgeBase, batch_size: int
) -> Iterator[DocumentResult]:
    nlp = pipelines.for_lang(batch[0].lang)
    for document, analysis in zip(batch, nlp.analyse_many(batch, batch_size=batch_size), strict=True):
        yield analyse_document(document, analysis, kb)


def run_provenance(pipelines: Pipelines, kb: KnowledgeBase, lang: str) -> RunProvenance:
    from kg.facts import EXTRACTORS
    from kg.kb.files import BUNDLED_FILE
    from kg.link import LINKERS

    info = pipelines.for_lang(lang).info
    return RunProvenance(
        software_version=kg.__version__,
        kb_version=kb.version,
        kb_sources=tuple(f"{s.name}: {s.source}" for s in kb.sources if s.path != str(BUNDLED_FILE)),
        pipeline=info.name,
        pipeline_version=info.version,
        started=dt.datetime.now(dt.UTC).replace(microsecond=0),
        extractors=tuple(LINKERS) + tuple(EXTRACTORS),
    )
