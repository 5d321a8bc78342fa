"""Offices named with the bundled knowledge base: composed from title + jurisdiction, from the title
word alone only when it names its jurisdiction, never a stranger's office for a bare title."""

from __future__ import annotations

import functools
import hashlib

import pytest
from texts.lexicon import hand_mentions

from kg.facts import extract_facts
from kg.kb import KnowledgeBase, load_knowledge_base
from kg.model import Entity, EntityKind, Fact
from kg.nlp import NlpPipeline
from kg.pipeline import load_pipeline

MUSTER = Entity("Max Muster", EntityKind.PERSON)  # a NIL person


@functools.cache
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@functools.cache
def pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def offices(text: str, lang: str) -> list[Fact]:
    from kg.model import Document

    doc = Document("o", text, lang, "case", hashlib.sha256(text.encode()).hexdigest())
    surfaces = {
        "Max Muster": MUSTER,
        "Karl Nehammer": Entity("Karl Nehammer", EntityKind.PERSON, "Q42860944"),
        "Annalena Baerbock": Entity("Annalena Baerbock", EntityKind.PERSON, "Q564328"),
        "German": Entity("Germany", EntityKind.COUNTRY, "Q183"),
        "Bundeskanzler": Entity("Bundeskanzler", EntityKind.POSITION, "Q4970706"),  # as the linker links it
    }
    mentions = tuple(sorted(hand_mentions(text) + hand_mentions(text, surfaces), key=lambda m: m.span.begin))
    return [
        f
        for f in extract_facts(doc, pipeline(lang).analyse(doc), mentions, kb()).facts
        if f.predicate.name == "HOLDS_POSITION"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "position"),
    [
        (
            "de",
            "Kommissionspräsidentin Ursula von der Leyen reiste ab.",
            "Q8882",
        ),  # feminine, title word names it
        ("de", "Der französische Präsident Emmanuel Macron reiste ab.", "Q191954"),  # title + demonym
        ("en", "French President Emmanuel Macron left.", "Q191954"),
        ("de", "Präsident Wladimir Putin drohte.", "Q218295"),  # the presidency the KB knows he held
        ("de", "Der EU-Außenbeauftragte Josep Borrell warnte.", "Q634291"),  # weak adjectival inflection
        ("de", "Die Kommissionschefin Ursula von der Leyen reiste ab.", "Q8882"),  # Chef ~ Präsident
        ("en", "NATO chief Jens Stoltenberg spoke.", "Q167662"),  # the organisation's one executive office
        ("en", "UN Secretary-General Max Muster spoke.", "Q81066"),  # a hyphenated title
        # the linked title is Germany's chancellorship; the office this person held is Austria's
        ("de", "Bundeskanzler Karl Nehammer sprach in Wien.", "Q1006398"),
        # the KB names the office otherwise (Federal Minister for Foreign Affairs); the one she held
        ("en", "German Foreign Minister Annalena Baerbock spoke.", "Q568605"),
    ],
)
def test_position_items(lang: str, text: str, position: str) -> None:
    [fact] = offices(text, lang)
    assert fact.object.qid == position


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("en", "Secretary General Max Muster spoke.", "Secretary General"),
        ("de", "Generalsekretär Max Muster sprach.", "Generalsekretär"),
        (
            "de",
            "Der stellvertretende russische Außenminister Max Muster sprach.",
            "stellvertretende russische Außenminister",
        ),
    ],
)
def test_bare_or_deputy_titles_stay_nil(lang: str, text: str, label: str) -> None:
    [fact] = offices(text, lang)
    assert fact.object.is_nil and fact.object.kind is EntityKind.POSITION
    assert fact.object.label == label
