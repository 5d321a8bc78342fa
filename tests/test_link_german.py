"""Mention detection and linking in German text (blank pipeline): compounds, inflection,
demonyms, case variants, short references, NIL persons and NIL lexicon entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.kb import load_knowledge_base
from kg.link import LINKERS, link_document
from kg.model import Document, EntityKind, Mention
from kg.nlp import load_pipeline


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline("de", model="blank")


def link(nlp, text: str) -> tuple[Mention, ...]:  # type: ignore[no-untyped-def]
    document = Document("t", text, "de", "test", "0")
    return link_document(document, nlp.analyse(document), load_knowledge_base())


def rows(mentions: tuple[Mention, ...]) -> list[tuple[int, int, str, str]]:
    return [
        (m.span.begin, m.span.end, m.span.text, m.entity.qid or f"NIL:{m.entity.kind.value}:{m.entity.label}")
        for m in mentions
    ]


def test_hyphen_compounds_title_and_demonyms(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nato-Generalsekretär Jens Stoltenberg empfing am Dienstag den finnischen Außenminister "
        "in der Brüsseler Zentrale."
    )
    assert rows(link(nlp, text)) == [
        (0, 4, "Nato", "Q7184"),  # the NATO part of the compound, exact offsets
        (0, 20, "Nato-Generalsekretär", "Q167662"),  # the office as a whole
        (21, 37, "Jens Stoltenberg", "Q57665"),
        (62, 72, "finnischen", "Q33"),  # adjective -> country
        (94, 103, "Brüsseler", "Q239"),  # city adjective -> the city
    ]


def test_genitives(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Die Kritik des Kremls an Russlands Nachbarn wuchs; Stoltenbergs Antwort kam prompt."
    assert rows(link(nlp, text)) == [
        (15, 21, "Kremls", "Q133274"),
        (25, 34, "Russlands", "Q159"),
        (51, 63, "Stoltenbergs", "Q57665"),
    ]


def test_compound_parts_and_nil_council(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Nach der Kiew-Reise der US-Außenministerin beriet der Russland-NATO-Rat über die EU-Außenpolitik."
    assert rows(link(nlp, text)) == [
        (9, 13, "Kiew", "Q1899"),
        (24, 26, "US", "Q30"),
        (54, 62, "Russland", "Q159"),
        (54, 71, "Russland-NATO-Rat", "NIL:Organisation:NATO-Russia Council"),
        (63, 67, "NATO", "Q7184"),
        (81, 83, "EU", "Q458"),
    ]


def test_inflected_multiword_names_and_offices(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Der französische Präsident traf die Präsidentin der Europäischen Kommission "
        "und Vertreter der Vereinigten Staaten."
    )
    assert rows(link(nlp, text)) == [
        (4, 16, "französische", "Q142"),
        (4, 26, "französische Präsident", "Q191954"),
        (36, 75, "Präsidentin der Europäischen Kommission", "Q8882"),
        (52, 75, "Europäischen Kommission", "Q8880"),  # kept inside the office
        (94, 113, "Vereinigten Staaten", "Q30"),
    ]


def test_nil_person_after_title_and_surname_reference(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Die stellvertretende Außenministerin Karoline Brandtner reiste nach Wien. "
        "Brandtner traf dort den Außenminister Österreichs. Verteidigungsminister Olszewski schwieg."
    )
    mentions = link(nlp, text)
    assert rows(mentions) == [
        (37, 55, "Karoline Brandtner", "NIL:Person:Karoline Brandtner"),
        (68, 72, "Wien", "Q1741"),
        (74, 83, "Brandtner", "NIL:Person:Karoline Brandtner"),  # the same NIL entity
        (112, 123, "Österreichs", "Q40"),
        (147, 156, "Olszewski", "NIL:Person:Olszewski"),
    ]
    assert {m.linker.name for m in mentions} == {"kg.link.nil_person", "kg.link.lexicon", "kg.link.surname"}
    assert all(m.linker in LINKERS for m in mentions)


def test_given_name_starts_a_nil_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Den Bericht schrieben Tobias Wernecke und Lili Marschall aus Genf."
    assert rows(link(nlp, text)) == [
        (22, 37, "Tobias Wernecke", "NIL:Person:Tobias Wernecke"),
        (42, 56, "Lili Marschall", "NIL:Person:Lili Marschall"),
        (61, 65, "Genf", "Q71"),
    ]


def test_a_nil_person_may_have_two_surname_words_but_no_noun_after_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Den Vorsitz hatte Ahmed Aboul Gheit. Danach sagte Tobias Wernecke Journalisten, er sei zufrieden."
    names = [r[2] for r in rows(link(nlp, text))]
    assert "Ahmed Aboul Gheit" in names
    assert "Tobias Wernecke" in names and not any("Journalisten" in n for n in names)


def test_particle_surname_reference(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ursula von der Leyen sprach in Straßburg. Später sagte von der Leyen, Europa müsse handeln."
    assert rows(link(nlp, text)) == [
        (0, 20, "Ursula von der Leyen", "Q60772"),
        (31, 40, "Straßburg", "Q6602"),
        (55, 68, "von der Leyen", "Q60772"),
        (70, 76, "Europa", "Q46"),
    ]


def test_article_5_is_a_nil_treaty_clause_only_next_to_nato(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = link(nlp, "Die NATO bekräftigte Artikel 5.")
    assert rows(mentions) == [
        (4, 8, "NATO", "Q7184"),
        (21, 30, "Artikel 5", "NIL:TreatyClause:Article 5 of the North Atlantic Treaty"),
    ]
    clause = mentions[1].entity
    assert clause.is_nil and clause.kind is EntityKind.TREATY_CLAUSE
    assert rows(link(nlp, "Artikel 5 des Grundgesetzes schützt die Meinungsfreiheit.")) == []


def test_case_variants_and_acronyms(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Die Nato und die NATO-Staaten, die USA und die OSZE."
    assert rows(link(nlp, text)) == [
        (4, 8, "Nato", "Q7184"),
        (17, 21, "NATO", "Q7184"),
        (35, 38, "USA", "Q30"),
        (47, 51, "OSZE", "Q81299"),
    ]
    # lower-case words are not acronyms, and lower-case nouns are not names
    assert rows(link(nlp, "Die nato-freundliche osze und usa.")) == []


def test_scores_and_labels(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = link(nlp, "Russlands Präsident Wladimir Putin sprach in Moskau.")
    assert [m.entity.qid for m in mentions] == ["Q159", "Q7747", "Q649"]
    assert all(0.5 <= m.score <= 1.0 for m in mentions)
    assert mentions[1].entity.label == "Wladimir Putin" and mentions[1].entity.label_lang == "de"
    assert [m.sentence for m in mentions] == [0, 0, 0]


def test_title_with_surname_refers_to_the_person_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Die Ministerin Henrike Albrecht reiste ab. Frau Albrecht sagte, Albrechts Ministerium bleibe."
    mentions = link(nlp, text)
    assert rows(mentions) == [
        (15, 31, "Henrike Albrecht", "NIL:Person:Henrike Albrecht"),
        (48, 56, "Albrecht", "NIL:Person:Henrike Albrecht"),
        (64, 73, "Albrechts", "NIL:Person:Henrike Albrecht"),
    ]
    assert [m.linker.name for m in mentions] == ["kg.link.nil_person", "kg.link.surname", "kg.link.surname"]


def test_offsets_are_code_points_and_empty_text_is_fine(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "🇪🇺 Gipfel: 😀 Die NATO und Russland."
    mentions = link(nlp, text)
    assert [(m.span.begin, m.span.end, m.entity.qid) for m in mentions] == [
        (17, 21, "Q7184"),
        (26, 34, "Q159"),
    ]
    assert all(text[m.span.begin : m.span.end] == m.span.text for m in mentions)
    assert link(nlp, "") == ()


def test_linking_is_deterministic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Präsident Emmanuel Macron traf Olaf Scholz in Paris. Macron und Scholz sprachen über die Ukraine."
    assert link(nlp, text) == link(nlp, text)


def test_nil_person_named_in_the_genitive_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Die Reise der Ministerin Karoline Brandtners Delegation begann. "
        "Brandtner flog nach Kiew. Jens Lewis kam mit."
    )
    mentions = link(nlp, text)
    assert rows(mentions)[:2] == [
        (25, 44, "Karoline Brandtners", "NIL:Person:Karoline Brandtner"),  # the anchor keeps the ending
        (64, 73, "Brandtner", "NIL:Person:Karoline Brandtner"),
    ]
    assert ("Jens Lewis", "NIL:Person:Jens Lewis") in [
        (r[2], r[3]) for r in rows(mentions)
    ]  # a name ending in s


def test_capitalised_adjective_inside_a_sentence_belongs_to_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Die Deutsche Bank und die deutsche Regierung. Deutsche Truppen zogen ab."
    mentions = link(nlp, text)
    assert rows(mentions) == [
        (4, 17, "Deutsche Bank", "NIL:Organisation:Deutsche Bank"),  # a name cue (issue 14)
        (26, 34, "deutsche", "Q183"),
        (46, 54, "Deutsche", "Q183"),  # at the start of a sentence the adjective may be either
    ]
    # the adjectives stay references for the fact rules, but are no entity mentions
    assert [m.annotation for m in mentions] == [True, False, False]


def test_acronyms_written_as_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # German copy writes acronyms spoken as words in title case; the upper-case form still links
    text = "Die Opec und die Asean berieten, die Osze schwieg. Später tagte die OPEC allein."
    assert [(m.span.text, m.entity.qid) for m in link(nlp, text)] == [
        ("Opec", "Q7795"),
        ("Asean", "Q7768"),
        ("Osze", "Q81299"),
        ("OPEC", "Q7795"),
    ]


def test_bodies_named_by_their_organisations_acronym(nlp) -> None:  # type: ignore[no-untyped-def]
    # the KB labels them "Sicherheitsrat der Vereinten Nationen", "Gerichtshof der Europäischen Union"
    text = "Der UN-Sicherheitsrat tagte, der EU-Gerichtshof urteilte, die UN-Generalversammlung wählte."
    linked = {(m.span.text, m.entity.qid) for m in link(nlp, text)}
    wholes = {pair for pair in linked if "-" in pair[0]}
    assert wholes == {
        ("UN-Sicherheitsrat", "Q37470"),
        ("EU-Gerichtshof", "Q4951"),
        ("UN-Generalversammlung", "Q47423"),
    }
    assert {("UN", "Q1065"), ("EU", "Q458")} <= linked  # the organisation in the compound, as before


def test_a_title_only_one_office_has_links_it_without_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Bundeskanzler" is no other office's core (unlike the KB's bare "Prime Minister")
    text = "Bundeskanzler Tobias Wernecke sprach am Montag."
    assert ("Bundeskanzler", "Q4970706") in {(m.span.text, m.entity.qid) for m in link(nlp, text)}
