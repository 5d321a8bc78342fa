"""Another party's stance on a candidacy, one model for active and passive sentences: opposition,
negation and giving up each turn the stance over ("did not block" denies nothing, "has not lifted its
veto" still denies). Read in-process (blank pipeline, bundled KB), asserted on the exact candidacies."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache

import pytest

from kg.kb import KnowledgeBase, load_knowledge_base
from kg.model import Document, Predicate
from kg.nlp import NlpPipeline, load_pipeline
from kg.pipeline import analyse_document

SWEDEN, ALBANIA, NATO, EU = "Q34", "Q222", "Q7184", "Q458"


@cache
def _kb() -> KnowledgeBase:
    return load_knowledge_base()


@cache
def _pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def _candidacies(text: str, lang: str) -> set[tuple[str, str, str, str]]:
    doc = Document(
        "stance", text, lang, "stance", hashlib.sha256(text.encode()).hexdigest(),
        published=dt.date(2024, 3, 1),
    )  # fmt: skip
    result = analyse_document(doc, _pipeline(lang).analyse(doc), _kb())
    return {
        (f.subject.qid or f.subject.key, f.object.qid or f.object.key, f.polarity.name, f.modality.name)
        for f in result.facts
        if f.predicate is Predicate.CANDIDATE_FOR
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # active: the other party named before the noun phrase
        ("en", "Turkey blocked Sweden's membership of NATO.", (SWEDEN, NATO, "POSITIVE", "DENIED")),
        ("en", "Turkey would not approve Sweden's membership of NATO.", (SWEDEN, NATO, "POSITIVE", "DENIED")),
        ("en", "Turkey did not block Sweden's membership of NATO.", (SWEDEN, NATO, "POSITIVE", "ASSERTED")),
        (
            "en",
            "Turkey has lifted its veto on Sweden's membership of NATO.",
            (SWEDEN, NATO, "POSITIVE", "ASSERTED"),
        ),
        (
            "en",
            "Turkey has not lifted its veto on Sweden's membership of NATO.",
            (SWEDEN, NATO, "POSITIVE", "DENIED"),
        ),
        ("de", "Die Türkei blockiert den Beitritt Schwedens zur NATO.", (SWEDEN, NATO, "POSITIVE", "DENIED")),
        (
            "de",
            "Die Türkei blockiert den Beitritt Schwedens zur NATO nicht.",
            (SWEDEN, NATO, "POSITIVE", "ASSERTED"),
        ),
        # passive: the noun phrase is the subject, the other party its agent
        ("en", "Albania's EU membership bid was blocked by Greece.", (ALBANIA, EU, "POSITIVE", "DENIED")),
        (
            "en",
            "Albania's EU membership bid was not blocked by Greece.",
            (ALBANIA, EU, "POSITIVE", "INTENDED"),
        ),
        ("en", "Albania's EU membership bid was welcomed by Greece.", (ALBANIA, EU, "POSITIVE", "INTENDED")),
        (
            "de",
            "Der Beitritt Albaniens zur EU wurde von Griechenland blockiert.",
            (ALBANIA, EU, "POSITIVE", "DENIED"),
        ),
        (
            "de",
            "Der Beitritt Albaniens zur EU wurde von Griechenland nicht blockiert.",
            (ALBANIA, EU, "POSITIVE", "ASSERTED"),
        ),
    ],
)
def test_another_partys_stance(lang: str, text: str, expected: tuple[str, str, str, str]) -> None:
    found = _candidacies(text, lang)
    assert {c for c in found if c[0] == expected[0]} == {expected}, found
