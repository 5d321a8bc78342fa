"""With a dependency parse (as a trained pipeline gives), the subject and negation come from it.

The parse is written by hand here (no trained pipeline is installed): TextAnalysis is plain data."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from texts.lexicon import TinyKb, hand_mentions

from kg.facts import extract_facts
from kg.model import Document, Sentence, Span, TextAnalysis, Token
from kg.pipeline import load_pipeline

# (text, pos, dep, head index) per token; German TIGER labels: the subject stands after the verb
PARSED = [
    ("Der", "DET", "nk", 1),
    ("NATO", "PROPN", "da", 2),
    ("beitreten", "VERB", "oc", 3),
    ("will", "AUX", "ROOT", 3),
    ("nun", "ADV", "mo", 3),
    ("auch", "ADV", "mo", 6),
    ("Schweden", "PROPN", "sb", 3),
    (".", "PUNCT", "punct", 3),
]
PARSED_NEG = [
    ("Georgia", "PROPN", "nsubj", 3),
    ("will", "AUX", "aux", 3),
    ("not", "PART", "neg", 3),
    ("join", "VERB", "ROOT", 3),
    ("the", "DET", "det", 5),
    ("Alliance", "PROPN", "dobj", 3),
    ("soon", "ADV", "advmod", 3),
    (",", "PUNCT", "punct", 3),
    ("NATO", "PROPN", "npadvmod", 3),
    ("said", "VERB", "parataxis", 3),
    (".", "PUNCT", "punct", 3),
]


def analysed(rows: list[tuple[str, str, str, int]], lang: str = "en") -> tuple[Document, TextAnalysis]:
    text, tokens, at = "", [], 0
    for i, (word, pos, dep, head) in enumerate(rows):
        if text and word not in ".,":
            text += " "
        at = len(text)
        text += word
        tokens.append(Token(i, word, word, at, at + len(word), 0, pos=pos, dep=dep, head=head))
    doc = Document("p", text, lang, "parsed", hashlib.sha256(text.encode()).hexdigest())
    # the rules' triggers as the nlp stage finds them (by characters: the same text)
    triggers = load_pipeline(lang, model="blank").analyse(doc).triggers
    analysis = TextAnalysis(
        "p", (Sentence(0, Span(0, len(text), text)),), tuple(tokens), has_parser=True, triggers=triggers
    )
    return doc, analysis


def test_subject_after_the_verb_from_the_parse() -> None:
    doc, analysis = analysed(PARSED, "de")
    facts = extract_facts(doc, analysis, hand_mentions(doc.text), TinyKb()).facts
    assert {(f.subject.label, f.predicate.name, f.object.label, f.modality.value) for f in facts} == {
        ("Sweden", "CANDIDATE_FOR", "NATO", "Intended")
    }
    # without the parse the rules look for the subject before the trigger, and find none
    unparsed = replace(analysis, has_parser=False)
    assert extract_facts(doc, unparsed, hand_mentions(doc.text), TinyKb()).facts == ()


def test_negation_from_the_parse() -> None:
    doc, analysis = analysed(PARSED_NEG)
    [fact] = extract_facts(doc, analysis, hand_mentions(doc.text), TinyKb()).facts
    assert (fact.subject.label, fact.polarity.value) == ("Georgia", "Negative")
