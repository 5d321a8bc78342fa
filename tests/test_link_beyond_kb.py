"""Issue 14: names beyond the KB (name cues, defined acronyms, longest match), demonyms as
references without nif:Phrase, and no link for a lone improbable alias. Sentences of our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.kb import load_knowledge_base
from kg.link import link_document
from kg.model import Document, DocumentResult, Mention, RunProvenance, Sentence, Span
from kg.nlp import load_pipeline
from kg.rdf import document_quads
from kg.rdf import namespaces as ns


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def pipelines():  # type: ignore[no-untyped-def]
    return {lang: load_pipeline(lang, model="blank") for lang in ("de", "en")}


def link(pipelines, text: str, lang: str) -> tuple[Mention, ...]:  # type: ignore[no-untyped-def]
    document = Document("t", text, lang, "test", "0")
    return link_document(document, pipelines[lang].analyse(document), load_knowledge_base())


def rows(mentions: tuple[Mention, ...]) -> list[tuple[str, str]]:
    return [
        (m.span.text, m.entity.qid or f"NIL:{m.entity.kind.value}:{m.entity.label}")
        for m in mentions
        if m.annotation
    ]


def test_a_country_inside_a_company_name_is_not_linked(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = "Shares of Georgia Power rose on Monday. Georgia Power said demand was strong."
    assert rows(link(pipelines, text, "en")) == [
        ("Georgia Power", "NIL:Organisation:Georgia Power"),
        ("Georgia Power", "NIL:Organisation:Georgia Power"),  # one entity for both
    ]


def test_a_country_inside_a_german_place_name_is_not_linked(pipelines) -> None:  # type: ignore[no-untyped-def]
    mentions = rows(link(pipelines, "Ein Tanker sank im Golf von Mexiko vor der Küste.", "de"))
    assert mentions == [("Golf von Mexiko", "NIL:Place:Golf von Mexiko")]


def test_city_inside_a_company_name(pipelines) -> None:  # type: ignore[no-untyped-def]
    mentions = rows(link(pipelines, "The mill of Burlington Industries closed in May.", "en"))
    assert mentions == [("Burlington Industries", "NIL:Organisation:Burlington Industries")]


def test_defined_acronym_is_the_same_entity_wherever_it_stands(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = "Die Deutsche Presse-Agentur (dpa) hat einen neuen Chef. Nach Angaben von dpa beginnt er im Mai."
    assert rows(link(pipelines, text, "de")) == [
        ("Deutsche Presse-Agentur", "NIL:Organisation:Deutsche Presse-Agentur"),
        ("dpa", "NIL:Organisation:Deutsche Presse-Agentur"),
        ("dpa", "NIL:Organisation:Deutsche Presse-Agentur"),
    ]


def test_defined_acronym_overrides_the_kb_candidate(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = "The International Olympic Committee (IOC) met in Lausanne. The IOC chose a new host."
    ioc = [r for r in rows(link(pipelines, text, "en")) if r[0] == "IOC"]
    assert ioc and {r[1] for r in ioc} == {"Q40970"}  # the committee, not the olive council


def test_a_lone_improbable_acronym_stays_nil_with_low_confidence(pipelines) -> None:  # type: ignore[no-untyped-def]
    mentions = [
        m for m in link(pipelines, "The IOC announced a new sponsor on Friday.", "en") if m.span.text == "IOC"
    ]
    assert len(mentions) == 1 and mentions[0].entity.qid is None and mentions[0].score < 0.5


def test_a_lone_common_noun_in_a_us_article_stays_nil(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = "In Chicago, the Commission approved the new bus lines on Tuesday."
    commission = [m for m in link(pipelines, text, "en") if m.span.text == "Commission"]
    assert all(m.entity.qid is None and m.score < 0.5 for m in commission)


def test_commission_after_its_full_name_keeps_the_link(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = "The European Commission fined the bank. The Commission said it would not wait."
    assert ("Commission", "Q8880") in rows(link(pipelines, text, "en"))


def test_demonyms_are_references_not_nif_phrases(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = "Die deutsche Regierung schickte einen Japanese-Experten nicht. Die US-Forscher blieben in Berlin."
    document = Document("t", text, "de", "test", "0")
    mentions = link_document(document, pipelines["de"].analyse(document), load_knowledge_base())
    references = {(m.span.text, m.entity.qid) for m in mentions if not m.annotation}
    assert {("deutsche", "Q183"), ("US", "Q30")} <= references  # still there for the fact rules
    result = DocumentResult(document, (Sentence(0, Span(0, len(text), text)),), mentions)
    run = RunProvenance("0", "kb-test", "blank:de", "0", dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    quads = document_quads(result, run, base_iri="https://example.org/")
    anchors = {
        q.object.value
        for q in quads
        if q.predicate == ns.NIF_ANCHOR_OF
        and any(p.subject == q.subject and p.object == ns.NIF_PHRASE for p in quads)
    }
    assert "Berlin" in anchors and "deutsche" not in anchors and "US" not in anchors


def test_people_with_a_verb_of_saying(pipelines) -> None:  # type: ignore[no-untyped-def]
    en = rows(link(pipelines, "The coach was pleased. Marlon Oduya said the team played well.", "en"))
    assert ("Marlon Oduya", "NIL:Person:Marlon Oduya") in en
    de = rows(link(pipelines, "Das Spiel war eng, sagte Till Hornbostel nach dem Abpfiff.", "de"))
    assert ("Till Hornbostel", "NIL:Person:Till Hornbostel") in de


def test_a_capitalised_word_before_a_verb_of_saying_alone_is_no_person(pipelines) -> None:  # type: ignore[no-untyped-def]
    mentions = rows(link(pipelines, "The weather was bad, Reuters said on Friday.", "en"))
    assert not any(kind.startswith("NIL:Person") for _, kind in mentions)
