"""Disambiguation: type fit, document coherence, prior, one referent per name, NIL below the
threshold — and a trained pipeline's entities (given as ``TextAnalysis.named_entities``)."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import pytest

from kg.kb import KnowledgeBase, load_knowledge_base
from kg.link import THRESHOLD, link_document
from kg.link.resolve import Context, type_fit
from kg.model import Document, EntityKind, Mention, NamedEntitySpan, Span, TextAnalysis
from kg.nlp import NlpPipeline, load_pipeline

COLLISION = Path(__file__).parent / "fixtures" / "kb" / "person-named-like-a-city.ttl"


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))


@functools.lru_cache(maxsize=2)
def pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def analyse(text: str, lang: str) -> tuple[Document, TextAnalysis]:
    document = Document("t", text, lang, "test", "0")
    return document, pipeline(lang).analyse(document)


def link(text: str, lang: str = "en", kb: KnowledgeBase | None = None) -> tuple[Mention, ...]:
    document, analysis = analyse(text, lang)
    return link_document(document, analysis, kb or load_knowledge_base())


def by_text(mentions: tuple[Mention, ...]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.span.text, []).append(m)
    return out


def test_title_before_a_name_wants_a_person() -> None:
    kb = load_knowledge_base(extra_files=[COLLISION])  # "Genf": the city, and (test data) a person
    person = by_text(link("Präsident Genf sprach lange.", "de", kb))["Genf"][0]
    assert person.entity.qid == "Q3052772" and person.entity.kind is EntityKind.PERSON
    city = by_text(link("Die Gespräche in Genf begannen.", "de", kb))["Genf"][0]
    assert city.entity.qid == "Q71"
    assert type_fit(EntityKind.PERSON, Context(title_before=True)) > type_fit(
        EntityKind.PLACE, Context(title_before=True)
    )


def test_local_evidence_overrides_the_documents_referent() -> None:
    kb = load_knowledge_base(extra_files=[COLLISION])
    mentions = link("Die Konferenz in Genf begann. Frankreichs Präsident Genf eröffnete sie.", "de", kb)
    assert [(m.span.begin, m.entity.qid) for m in mentions] == [(17, "Q71"), (30, "Q142"), (52, "Q3052772")]


def test_place_preposition_and_nil_below_the_threshold() -> None:
    placed = by_text(link("The delegation landed in Washington."))["Washington"][0]
    assert placed.entity.qid == "Q61" and placed.score >= THRESHOLD
    # the city and the US government are equally likely: NIL rather than a coin toss
    unsure = by_text(link("Washington said the talks ended."))["Washington"][0]
    assert unsure.entity.is_nil and unsure.score < THRESHOLD
    assert unsure.entity.label == "Washington"
    assert unsure.entity.kind in (EntityKind.PLACE, EntityKind.ORGANISATION)


def test_document_coherence_picks_the_related_item() -> None:
    alone = by_text(link("Salvador hosted the summit."))["Salvador"][0]
    assert alone.entity.qid == "Q792"  # the prior: El Salvador, a country
    near_brazil = by_text(link("Brazil's president visited Salvador on Monday."))["Salvador"][0]
    assert near_brazil.entity.qid == "Q36947"  # the Brazilian city: its country is in the text


def test_one_referent_per_name_in_a_document() -> None:
    mentions = by_text(link("Salvador hosted the summit. Brazil's president visited Salvador on Monday."))
    assert [m.entity.qid for m in mentions["Salvador"]] == ["Q36947", "Q36947"]


def test_prior_prefers_labels_and_prominence() -> None:
    brussels = by_text(link("The ministers met in Brussels."))["Brussels"][0]
    assert brussels.entity.qid == "Q239"  # the city (label) over the region (alias)
    luxembourg = by_text(link("Luxembourg signed the treaty."))["Luxembourg"][0]
    assert luxembourg.entity.qid == "Q32"  # the country over its capital


def test_demonym_is_dropped_not_nil_when_unsure() -> None:
    # a lexicon variant below the threshold gives no mention rather than a NIL entity "Europäer"
    for m in link("Die Europäer und die Russen verhandelten.", "de"):
        assert not m.entity.is_nil


def ner_analysis(text: str, lang: str, entities: list[tuple[str, str]]) -> tuple[Document, TextAnalysis]:
    """The blank analysis plus the entities a trained NER component would report."""
    document, analysis = analyse(text, lang)
    spans = []
    for surface, label in entities:
        begin = text.index(surface)
        spans.append(NamedEntitySpan(Span(begin, begin + len(surface), surface), label))
    return document, replace(analysis, named_entities=tuple(spans), pipeline="de_core_news_lg")


def test_trained_pipeline_entities_fill_in() -> None:
    text = "Zhukovska sprach mit dem Bundesamt für Bevölkerungsschutz über Moskau und Kyjiwer Pläne."
    document, analysis = ner_analysis(
        text, "de", [("Zhukovska", "PER"), ("Bundesamt für Bevölkerungsschutz", "ORG"), ("Moskau", "LOC")]
    )
    rows = [
        (
            m.span.begin,
            m.span.end,
            m.entity.qid or f"NIL:{m.entity.kind.value}:{m.entity.label}",
            m.linker.name,
        )
        for m in link_document(document, analysis, load_knowledge_base())
    ]
    assert rows == [
        (0, 9, "NIL:Person:Zhukovska", "kg.link.ner"),
        (25, 57, "NIL:Organisation:Bundesamt für Bevölkerungsschutz", "kg.link.ner"),
        (63, 69, "Q649", "kg.link.lexicon"),  # the lexicon already had it
    ]


def test_trained_pipeline_entity_linked_through_the_kb() -> None:
    # lower-case text defeats the lexicon's case check; the NER span is looked up in the KB
    text = "ein interview mit wladimir putin aus moskau"
    document, analysis = ner_analysis(text, "de", [("wladimir putin", "PER")])
    mentions = link_document(document, analysis, load_knowledge_base())
    assert [(m.span.begin, m.span.end, m.entity.qid, m.linker.name) for m in mentions] == [
        (18, 32, "Q7747", "kg.link.ner")
    ]
    assert 0.5 <= mentions[0].score < 1.0


def test_trained_entity_of_another_type_becomes_nil() -> None:
    # an ORG span whose text names a country: not forced onto the country
    text = "die mitglieder von georgien tagten"
    document, analysis = ner_analysis(text, "de", [("georgien", "ORG")])
    mentions = link_document(document, analysis, load_knowledge_base())
    assert [(m.span.text, m.entity.qid, m.entity.kind) for m in mentions] == [
        ("georgien", None, EntityKind.ORGANISATION)
    ]


def test_trained_entities_overlapping_the_lexicon_are_skipped() -> None:
    text = "Der Verein Georgien e.V. tagte."
    document, analysis = ner_analysis(text, "de", [("Verein Georgien e.V.", "ORG")])
    mentions = link_document(document, analysis, load_knowledge_base())
    assert [(m.span.text, m.entity.qid, m.linker.name) for m in mentions] == [
        ("Georgien", "Q230", "kg.link.lexicon")
    ]
