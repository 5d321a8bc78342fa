"""spaCy pipeline factory and conversion of spaCy docs to plain ``TextAnalysis`` records.

A trained pipeline (``de_core_news_lg`` …) is used when installed or asked for; otherwise a
blank pipeline with a rule sentencizer and the lookup lemmatizer from spacy-lookups-data.
"""

from __future__ import annotations

import bisect
import importlib.util
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kg.errors import ConfigError
from kg.kb.files import kg_home
from kg.model import (
    Document,
    NamedEntitySpan,
    QuotationSpan,
    Sentence,
    Span,
    TextAnalysis,
    Token,
    TriggerPatterns,
)
from kg.nlp.lemmas import LemmaTable, lemma_table
from kg.nlp.quotes import find_quotations, quote_aware_boundaries
from kg.nlp.triggers import TriggerMatcher, trigger_matcher

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
    """Wraps one spaCy ``Language``; built by ``load_pipeline``.

    ``lemma_table`` (blank pipelines): spaCy's lookup lemmatizer's table, applied while converting
    tokens instead of by the lemmatizer component (which walks the doc's Token objects in Python:
    an eighth of the whole extraction, profiled); same lemmas, the token's text when not listed.
    A ``kg.nlp.lemmas.LemmaTable`` (read word by word from a cache) or a plain dict.
    """

    def __init__(
        self,
        nlp: Any,
        info: PipelineInfo,
        lemma_table: LemmaTable | dict[str, Any] | None = None,
        triggers: Sequence[TriggerPatterns] | None = None,
    ) -> None:
        self._nlp = nlp
        self.info = info
        if isinstance(lemma_table, dict):
            lemma_table = LemmaTable.from_dict(nlp.lang, lemma_table)
        self._lemmas = lemma_table
        # the rules' triggers, matched once per document (None: no rules given, no triggers found)
        self._triggers = trigger_matcher(nlp.vocab, triggers) if triggers is not None else None

    def analyse(self, document: Document) -> TextAnalysis:
        return _to_analysis(document, self._nlp(document.text), self.info, self._lemmas, self._triggers)

    def analyse_many(self, documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[TextAnalysis]:
        """Like ``analyse`` over many documents, through ``nlp.pipe`` batching."""
        docs = list(documents) if not isinstance(documents, list) else documents
        texts = (d.text for d in docs)
        for document, spacy_doc in zip(docs, self._nlp.pipe(texts, batch_size=batch_size), strict=True):
            yield _to_analysis(document, spacy_doc, self.info, self._lemmas, self._triggers)


def installed_pipeline(lang: str) -> str | None:
    for name in TRAINED_PIPELINES.get(lang, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load_pipeline(
    lang: str, *, model: str | None = None, triggers: Sequence[TriggerPatterns] | None = None
) -> NlpPipeline:
    """A trained pipeline when ``model`` names one (or one is installed), else a blank one.

    ``model="blank"`` forces the blank pipeline (tests, reproducible runs). ``triggers``: the rules'
    triggers to find in every document (``kg.pipeline`` passes the facts stage's).
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
        return NlpPipeline(nlp, info, triggers=triggers)
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    version = spacy.about.__version__
    info = PipelineInfo(name=f"blank:{lang}", version=version, has_parser=False, has_ner=False)
    return NlpPipeline(nlp, info, lemma_table(lang, kg_home() / "cache"), triggers)


# Token attributes read in one call as an array: iterating spaCy Token objects (one Python object
# built per token and per attribute) was a fifth of the whole extraction (profiled).
_TOKEN_ATTRS = ("IDX", "LENGTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "IS_SPACE")


def _names(strings: Any, column: Any) -> list[str]:
    """The strings of a column of hash keys (a numpy array), each distinct key looked up once; a
    column of zeros (no annotation: a blank pipeline's tags) without a look-up per token."""
    if not column.any():
        return [""] * len(column)
    keys = column.tolist()
    names = {key: strings[key] if key else "" for key in set(keys)}
    return [names[key] for key in keys]


def _tokens(
    doc: Any, text: str, sentence_starts: list[int], has_parser: bool, lemmas: LemmaTable | None
) -> tuple[Token, ...]:
    """The non-space tokens of ``doc`` with the index of the sentence (by ``sentence_starts``) each is
    in; lemmas from the doc, else from ``lemmas``, else the word itself.

    The fields are made column by column from one ``doc.to_array`` (spaces dropped, sentence indices
    by one ``searchsorted``, tag columns of zeros not looked up): per token only the record is built.
    Token records are made without the frozen dataclass's ``__init__`` (eleven ``object.__setattr__``
    calls, two thirds of building a token: profiled): ``object.__new__`` and the field values as its
    ``__dict__``, inline (Token has no ``__post_init__`` to skip; ``tests/test_nlp_tokens.py`` checks
    each equals ``Token(**values)``).
    """
    import numpy

    if len(doc) == 0:
        return ()
    rows = doc.to_array(list(_TOKEN_ATTRS))
    kept = numpy.flatnonzero(rows[:, 7] == 0)  # not IS_SPACE
    if not len(kept):
        return ()
    rows = rows[kept]
    starts = rows[:, 0].astype("int64")
    indices = kept.tolist()
    begins = starts.tolist()
    ends = (starts + rows[:, 1].astype("int64")).tolist()
    later_starts = numpy.asarray(sentence_starts[1:], dtype="int64")
    # a token's sentence: how many later sentence starts are at or before it
    sentences = numpy.searchsorted(later_starts, starts, side="right").tolist()
    words = [text[b:e] for b, e in zip(begins, ends, strict=True)]
    strings = doc.vocab.strings
    pos, tag = _names(strings, rows[:, 3]), _names(strings, rows[:, 4])
    if has_parser:
        dep = _names(strings, rows[:, 5])
        heads = (kept + rows[:, 6].astype("int64")).tolist()  # relative offsets
    else:
        dep = [""] * len(kept)
        heads = [-1] * len(kept)
    known: dict[str, str] = lemmas.known if lemmas is not None else {}  # lemmas looked up so far
    if rows[:, 2].any():
        doc_lemmas = _names(strings, rows[:, 2])
        lemma_of = [
            lemma or (known[w] if w in known else lemmas[w] if lemmas is not None else w)
            for w, lemma in zip(words, doc_lemmas, strict=True)
        ]
    elif lemmas is not None:
        get = known.get
        lemma_of = [found if (found := get(w)) is not None else lemmas[w] for w in words]
    else:
        lemma_of = words
    new, set_field = object.__new__, object.__setattr__
    tokens: list[Token] = []
    append = tokens.append
    for i, word, lemma, begin, end, sentence, p, t, d, head in zip(
        indices, words, lemma_of, begins, ends, sentences, pos, tag, dep, heads, strict=True
    ):
        token = new(Token)
        set_field(token, "__dict__", {
            "index": i,
            "text": word,
            "lemma": lemma,
            "begin": begin,
            "end": end,
            "sentence": sentence,
            "pos": p,
            "tag": t,
            "dep": d,
            "head": head,
            "is_title": word[:1].isupper(),
        })
        append(token)
    return tuple(tokens)


def _to_analysis(
    document: Document,
    doc: Any,
    info: PipelineInfo,
    lemmas: LemmaTable | None = None,
    triggers: TriggerMatcher | None = None,
) -> TextAnalysis:
    text = document.text  # what spaCy was given; doc.text would join it again from every token
    quotes = find_quotations(text)
    raw_spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
    spans = quote_aware_boundaries(text, raw_spans, quotes)
    sentences = [Sentence(i, Span(b, e, text[b:e])) for i, (b, e) in enumerate(spans)]
    starts = [b for b, _ in spans]

    def sentence_at(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    tokens = _tokens(doc, text, starts, info.has_parser, lemmas)
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
        doc_id=document.doc_id,
        sentences=tuple(sentences),
        tokens=tokens,
        quotations=quotations,
        named_entities=ents,
        pipeline=info.name,
        pipeline_version=info.version,
        has_parser=info.has_parser,
        triggers=triggers(doc, text) if triggers is not None else None,
    )
