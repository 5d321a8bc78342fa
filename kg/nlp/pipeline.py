"""spaCy pipeline factory and conversion of spaCy docs to plain ``TextAnalysis`` records.

A trained pipeline (``de_core_news_lg`` …) is used when installed or asked for; otherwise a
blank pipeline with a rule sentencizer and the lookup lemmatizer from spacy-lookups-data.
"""

from __future__ import annotations

import bisect
import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.errors import ConfigError
from kg.model import Document, NamedEntitySpan, QuotationSpan, Sentence, Span, TextAnalysis, Token
from kg.nlp.quotes import find_quotations, quote_aware_boundaries

# Best first: the pipeline used for a language when none is named and one is installed.
TRAINED_PIPELINES: dict[str, tuple[str, ...]] = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm", "de_dep_news_trf"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_trf"),
}
SUPPORTED_LANGS = ("de", "en")


@dataclass(frozen=True)
class PipelineInfo:
    name: str
    version: str
    has_parser: bool
    has_ner: bool


class NlpPipeline:
    """Wraps one spaCy ``Language``; built by ``load_pipeline``."""

    def __init__(self, nlp: Any, info: PipelineInfo) -> None:
        self._nlp = nlp
        self.info = info

    def analyse(self, document: Document) -> TextAnalysis:
        return _to_analysis(document.doc_id, self._nlp(document.text), self.info)

    def analyse_many(self, documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[TextAnalysis]:
        """Like ``analyse`` over many documents, through ``nlp.pipe`` batching."""
        docs = list(documents) if not isinstance(documents, list) else documents
        texts = (d.text for d in docs)
        for document, spacy_doc in zip(docs, self._nlp.pipe(texts, batch_size=batch_size), strict=True):
            yield _to_analysis(document.doc_id, spacy_doc, self.info)


def installed_pipeline(lang: str) -> str | None:
    for name in TRAINED_PIPELINES.get(lang, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load_pipeline(lang: str, *, model: str | None = None) -> NlpPipeline:
    """A trained pipeline when ``model`` names one (or one is installed), else a blank one.

    ``model="blank"`` forces the blank pipeline (tests, reproducible runs).
    """
    import spacy

    if lang not in SUPPORTED_LANGS:
        raise ConfigError(f"language {lang!r} is not supported (use one of {', '.join(SUPPORTED_LANGS)})")
    name = model if model not in (None, "auto") else installed_pipeline(lang)
    if name and name != "blank":
        try:
            nlp = spacy.load(name, exclude=["textcat"])
        except OSError as exc:
            raise ConfigError(f"spaCy pipeline {name!r} is not installed: {exc}") from exc
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        meta = nlp.meta
        info = PipelineInfo(
            name=f"{meta.get('lang', lang)}_{meta.get('name', name)}",
            version=str(meta.get("version", "")),
            has_parser="parser" in nlp.pipe_names,
            has_ner="ner" in nlp.pipe_names,
        )
        return NlpPipeline(nlp, info)
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError, ImportError):  # lookups missing: lemmas fall back to the text
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
    version = spacy.about.__version__
    info = PipelineInfo(name=f"blank:{lang}", version=version, has_parser=False, has_ner=False)
    return NlpPipeline(nlp, info)


def _to_analysis(doc_id: str, doc: Any, info: PipelineInfo) -> TextAnalysis:
    text = doc.text
    quotes = find_quotations(text)
    raw_spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
    spans = quote_aware_boundaries(text, raw_spans, quotes)
    sentences = [Sentence(i, Span(b, e, text[b:e])) for i, (b, e) in enumerate(spans)]
    starts = [b for b, _ in spans]

    def sentence_at(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    sent_of_token = {t.i: sentence_at(t.idx) for t in doc}
    tokens = tuple(
        Token(
            index=t.i,
            text=t.text,
            lemma=t.lemma_ or t.text,
            begin=t.idx,
            end=t.idx + len(t.text),
            sentence=sent_of_token.get(t.i, 0),
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_ if info.has_parser else "",
            head=t.head.i if info.has_parser else -1,
            is_title=t.text[:1].isupper(),
        )
        for t in doc
        if not t.is_space
    )
    ents = tuple(
        NamedEntitySpan(Span(e.start_char, e.end_char, text[e.start_char : e.end_char]), e.label_)
        for e in doc.ents
    )
    quotations = tuple(
        QuotationSpan(
            Span(q.inner_begin, q.inner_end, text[q.inner_begin : q.inner_end]), sentence_at(q.open_at)
        )
        for q in quotes
    )
    return TextAnalysis(
        doc_id=doc_id,
        sentences=tuple(sentences),
        tokens=tokens,
        quotations=quotations,
        named_entities=ents,
        pipeline=info.name,
        pipeline_version=info.version,
        has_parser=info.has_parser,
    )
