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


def test_a_parsed_doc_keeps_its_tags_labels_and_heads() -> None:
    # No trained pipeline is installed here: a Doc annotated by hand stands in for a parser's output
    # (heads before and after the token, so negative relative offsets are read back correctly).
    from spacy.tokens import Doc

    from kg.nlp.pipeline import _tokens

    vocab = pipeline("en")._nlp.vocab
    doc = Doc(vocab, words=["Finland", "joined", "NATO", "."], spaces=[True, True, False, False],
              pos=["PROPN", "VERB", "PROPN", "PUNCT"], tags=["NNP", "VBD", "NNP", "."],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              lemmas=["Finland", "join", "NATO", "."])
    tokens = _tokens(doc, "Finland joined NATO.", [0], True, None)
    assert [(t.text, t.lemma, t.pos, t.tag, t.dep, t.head) for t in tokens] == [
        ("Finland", "Finland", "PROPN", "NNP", "nsubj", 1),
        ("joined", "join", "VERB", "VBD", "ROOT", 1),
        ("NATO", "NATO", "PROPN", "NNP", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_tokens_built_without_init_equal_tokens_built_with_it() -> None:
    # The conversion builds Token records without the dataclass __init__ (speed): each must be the very
    # record Token(...) gives, with every field set, for a blank and for a parsed doc.
    import dataclasses

    from kg.model import Token

    for text, lang in (("Annalena Baerbock traf am Montag in Paris ein.  Sie sagte nichts.", "de"),
                       ("NATO's chief met them. Then he left.", "en")):
        analysis = analyse(text, lang)
        for token in analysis.tokens:
            values = {f.name: getattr(token, f.name) for f in dataclasses.fields(Token)}
            assert vars(token) == values
            rebuilt = Token(**values)
            assert rebuilt == token and hash(rebuilt) == hash(token) and repr(rebuilt) == repr(token)
