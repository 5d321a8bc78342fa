"""Mention detection and linking in English text (blank pipeline): possessives, U.S., demonyms,
offices, NIL persons and short references."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.kb import load_knowledge_base
from kg.link import link_document
from kg.model import Document, Mention
from kg.nlp import load_pipeline


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline("en", model="blank")


def link(nlp, text: str) -> tuple[Mention, ...]:  # type: ignore[no-untyped-def]
    document = Document("t", text, "en", "test", "0")
    return link_document(document, nlp.analyse(document), load_knowledge_base())


def rows(mentions: tuple[Mention, ...]) -> list[tuple[int, int, str, str]]:
    return [
        (m.span.begin, m.span.end, m.span.text, m.entity.qid or f"NIL:{m.entity.kind.value}:{m.entity.label}")
        for m in mentions
    ]


def test_possessives_us_and_case(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NATO's chief Jens Stoltenberg met U.S. officials in Washington on Monday. "
        "Let us talk about the Nato summit."
    )
    assert rows(link(nlp, text)) == [
        (0, 4, "NATO", "Q7184"),
        (13, 29, "Jens Stoltenberg", "Q57665"),
        (34, 38, "U.S.", "Q30"),
        (52, 62, "Washington", "Q61"),  # "in" wants the place
        (96, 100, "Nato", "Q7184"),  # "us" is not the US
    ]


def test_demonyms_and_curly_possessive(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia's foreign minister said the Russian troops would stay; "
        "Ukraine’s president disagreed with the Kremlin."
    )
    assert rows(link(nlp, text)) == [
        (0, 6, "Russia", "Q159"),
        (35, 42, "Russian", "Q159"),
        (62, 69, "Ukraine", "Q212"),
        (101, 108, "Kremlin", "Q133274"),  # the alias "the Kremlin" without its article
    ]


def test_nil_person_and_surname_then_article_5(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ambassador Julianne Smith spoke in Brussels. Smith said Article 5 applies to all NATO allies, "
        "and Georgia's bid was discussed."
    )
    assert rows(link(nlp, text)) == [
        (11, 25, "Julianne Smith", "NIL:Person:Julianne Smith"),
        (35, 43, "Brussels", "Q239"),
        (45, 50, "Smith", "NIL:Person:Julianne Smith"),
        (56, 65, "Article 5", "NIL:TreatyClause:Article 5 of the North Atlantic Treaty"),
        (81, 85, "NATO", "Q7184"),
        (98, 105, "Georgia", "Q230"),
    ]


def test_offices_keep_their_inner_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Secretary General of NATO and the President of the European Commission met in Vienna."
    assert rows(link(nlp, text)) == [
        (4, 29, "Secretary General of NATO", "Q167662"),
        (25, 29, "NATO", "Q7184"),
        (38, 74, "President of the European Commission", "Q8882"),
        (55, 74, "European Commission", "Q8880"),
        (82, 88, "Vienna", "Q1741"),
    ]


def test_surname_needs_a_full_mention_first(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Brandt" alone, before anyone of that name was introduced, is not anybody
    mentions = link(nlp, "Brandt arrived late. Later, Minister Karl Brandt spoke.")
    assert rows(mentions) == [(37, 48, "Karl Brandt", "NIL:Person:Karl Brandt")]


def test_abbreviated_title_and_later_title_with_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mr. Okonkwo arrived in Vienna. Later, Mr. Okonkwo left."
    assert rows(link(nlp, text)) == [
        (4, 11, "Okonkwo", "NIL:Person:Okonkwo"),
        (23, 29, "Vienna", "Q1741"),
        (42, 49, "Okonkwo", "NIL:Person:Okonkwo"),
    ]


def test_hyphens_split_by_the_tokenizer(nlp) -> None:  # type: ignore[no-untyped-def]
    # the English tokenizer makes "NATO", "-", "Russia": the compound is found all the same
    text = "The NATO-Russia Council met after a Kyiv-bound convoy of US-made weapons arrived."
    assert [t.text for t in nlp.analyse(Document("t", text, "en", "test", "0")).tokens][1:4] == [
        "NATO",
        "-",
        "Russia",
    ]
    assert rows(link(nlp, text)) == [
        (4, 8, "NATO", "Q7184"),
        (4, 23, "NATO-Russia Council", "NIL:Organisation:NATO-Russia Council"),
        (9, 15, "Russia", "Q159"),
        (36, 40, "Kyiv", "Q1899"),
        (57, 59, "US", "Q30"),
    ]


def test_words_of_another_language_stay_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # German "Island" is Iceland and "Hamburger" someone from Hamburg; in English they are not
    text = "Island nations met Iceland. Hamburger stands opened."
    assert rows(link(nlp, text)) == [(19, 26, "Iceland", "Q189")]


def test_a_place_name_that_starts_a_persons_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Victoria Nuland met Jordan Kessler in Jordan."
    assert rows(link(nlp, text)) == [
        (0, 15, "Victoria Nuland", "NIL:Person:Victoria Nuland"),
        (20, 34, "Jordan Kessler", "NIL:Person:Jordan Kessler"),
        (38, 44, "Jordan", "Q810"),
    ]


def test_a_place_name_after_a_title_or_used_again_as_a_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    # neither "Valencia" nor "Santiago" is a given name the KB knows; the title before one, and the
    # surname standing alone later, say that both start a person's name, here and where they recur
    text = (
        "Vice President Valencia Ortega met the envoy Santiago Quispe in Madrid. "
        "Quispe said Valencia Ortega had agreed."
    )
    linked = {(m.span.begin, m.span.text): m.entity.qid for m in link(nlp, text)}
    assert not {"Q8818", "Q54880", "Q2887"} & set(linked.values()), linked  # Valencias, Santiago
    assert linked[(text.index("Madrid"), "Madrid")] == "Q2807"
    # German: capitalised nouns after a place stay nouns ("in Madrid Gespräche ... Gespräche")
    german = Document("t", "In Madrid Gespräche. Gespräche gab es auch dort.", "de", "test", "0")
    de_linked = {m.span.text: m.entity.qid for m in link_document(
        german, load_pipeline("de", model="blank").analyse(german), load_knowledge_base())}
    assert de_linked.get("Madrid") == "Q2807", de_linked


def test_a_bare_title_links_an_office_only_where_its_jurisdiction_is_named(nlp) -> None:  # type: ignore[no-untyped-def]
    kb = load_knowledge_base()
    office = kb.item("Q12379704")  # labelled just "Prime Minister"; its jurisdiction is Belarus
    assert office is not None and office.jurisdiction == ("Q184",)
    elsewhere = link(nlp, "The Prime Minister met the King in London on Monday.")
    assert "Q12379704" not in {m.entity.qid for m in elsewhere}
    in_belarus = link(nlp, "In Minsk, the Prime Minister said Belarus would not join.")
    assert "Q12379704" in {m.entity.qid for m in in_belarus}
    in_minsk = link(nlp, "The Prime Minister spoke in Minsk.")  # a place in Belarus points at it too
    assert "Q12379704" in {m.entity.qid for m in in_minsk}


def test_names_written_without_their_accents(nlp) -> None:  # type: ignore[no-untyped-def]
    # wire copy drops diacritics; the KB writes them
    text = "Viktor Orban and Sauli Niinisto spoke in Brussels."
    linked = {m.span.text: m.entity.qid for m in link(nlp, text)}
    assert linked["Viktor Orban"] == "Q57641" and linked["Sauli Niinisto"] == "Q29207"


def test_a_place_naming_a_gathering(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Washington" alone may be the U.S. government; "the Washington summit" is held in the city
    linked = {
        m.span.text: m.entity.qid for m in link(nlp, "Leaders will meet at the Washington summit in July.")
    }
    assert linked["Washington"] == "Q61"


def test_bodies_named_by_their_organisations_acronym(nlp) -> None:  # type: ignore[no-untyped-def]
    # the KB labels them "United Nations Security Council", "Secretary-General of the United Nations"
    text = "The UN Security Council met as the UN Secretary-General spoke to the UN Human Rights Council."
    linked = [(m.span.text, m.entity.qid) for m in link(nlp, text)]
    assert ("UN Security Council", "Q37470") in linked
    assert ("UN Secretary-General", "Q81066") in linked
    assert ("UN Human Rights Council", "Q205650") in linked


def test_new_york_is_the_city_and_the_newspaper_no_mention_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Talks in New York ended, the New York Times said."
    linked = [(m.span.text, m.entity.qid) for m in link(nlp, text)]
    assert linked == [("New York", "Q60"), ("New York Times", None)]
