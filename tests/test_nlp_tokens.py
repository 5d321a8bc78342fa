"""Tokens as the nlp stage hands them on: offsets, sentences, lemmas, spaces dropped (blank pipelines)."""

from __future__ import annotations

import functools
import hashlib

import pytest

from kg.model import Document, TextAnalysis
from kg.nlp import NlpPipeline, load_pipeline


@functools.cache
def pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def analyse(text: str, lang: str) -> TextAnalysis:
    doc = Document("t", text, lang, "test", hashlib.sha256(text.encode()).hexdigest())
    return pipeline(lang).analyse(doc)


@pytest.mark.parametrize(
    ("text", "lang", "word", "lemma"),
    [
        ("Die Minister trafen sich in Oslo.", "de", "trafen", "treffen"),
        ("Die Außenminister der Länder reisten ab.", "de", "Länder", "Land"),
        ("The ministers were meeting in Oslo.", "en", "were", "be"),
        ("The ministers were meeting in Oslo.", "en", "ministers", "minister"),
    ],
)
def test_tokens_carry_lookup_lemmas(text: str, lang: str, word: str, lemma: str) -> None:
    tokens = {t.text: t for t in analyse(text, lang).tokens}
    assert tokens[word].lemma == lemma


def test_unknown_words_are_their_own_lemma() -> None:
    tokens = {t.text: t for t in analyse("Der Zworkelbaum blüht.", "de").tokens}
    assert tokens["Zworkelbaum"].lemma == "Zworkelbaum"


def test_tokens_have_exact_offsets_sentences_and_no_spaces() -> None:
    text = "  Erster Satz hier.\n\n  Zweiter  Satz, mit Komma.  "
    analysis = analyse(text, "de")
    assert all(t.text.strip() == t.text and t.text for t in analysis.tokens)
    for token in analysis.tokens:
        assert text[token.begin : token.end] == token.text
        sentence = analysis.sentences[token.sentence].span
        assert sentence.begin <= token.begin and token.end <= sentence.end
    assert [t.sentence for t in analysis.tokens if t.text in ("Erster", "Zweiter")] == [0, 1]
    assert [t.index for t in analysis.tokens] == sorted(t.index for t in analysis.tokens)
    assert {t.head for t in analysis.tokens} == {-1}  # no parser: no heads, no labels
    assert {t.dep for t in analysis.tokens} == {""}
