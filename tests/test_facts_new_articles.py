"""Forms met in new articles written for this purpose (our own sentences, German and English), each
through the real pipeline with the bundled knowledge base and asserted on the output graph: "weder …
noch" / "neither … nor", "gehört (nicht) der NATO an" / "belong to", a second predicate after
"but"/"aber", time adverbs, another party's stance on a candidacy, "the bloc", "accession talks",
meetings "there" and in a country, German Perfekt, subject lists beyond the reach, the mutual
defence clause, counted appositions, colon-introduced quotations, surnames that are also cities,
bare partner nouns and deputy titles."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from _facts_support import KGO, PREFIXES, WD, WDT, extract, facts, memberships

GERMAN = (
    "Die Schweiz ist weder Mitglied der EU noch der NATO. "
    "Weder Irland noch Österreich waren damals Mitglieder der NATO. "
    "Moldau gehört aber nicht der NATO an. "
    "Estland gehört der NATO seit langem an. "
    "Finnland war damals noch kein Mitglied der NATO. "
    "Norwegen ist kein Mitglied der EU, gehört aber der NATO an. "
    "Ungarn will einen Beitritt der Ukraine zur EU nicht unterstützen. "
    "Am Freitag wollen sich die Außenminister der EU in Luxemburg treffen."
)
ENGLISH = (
    "Switzerland is neither a member of the EU nor of NATO. "
    "Neither Austria nor Ireland is a member of NATO. "
    "Norway was then a member of NATO. "
    "Iceland is not a member of the EU but belongs to NATO. "
    "The EU is the largest trading partner of Moldova, and NATO is an alliance. "
    "The European Union welcomed the reforms. "
    "Moldova applied to join the bloc in March 2022, and Ukraine urged the bloc to open accession "
    "talks with Kyiv. Hungary said Budapest would not support EU membership for Ukraine."
)
SWITZERLAND, AUSTRIA, IRELAND, MOLDOVA, ESTONIA, FINLAND, NORWAY = (
    "Q39", "Q40", "Q27", "Q217", "Q191", "Q33", "Q20"
)
NATO, EU, LUXEMBOURG, ICELAND, UKRAINE = "Q7184", "Q458", "Q32", "Q189", "Q212"


def _extract(tmp_path: Path, text: str, lang: str) -> pyoxigraph.Store:
    return extract(tmp_path, text, lang, "2023-11-08")


_facts, _memberships = facts, memberships


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return _extract(tmp_path_factory.mktemp("de"), GERMAN, "de")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return _extract(tmp_path_factory.mktemp("en"), ENGLISH, "en")


def test_german_weder_noch_negates_every_coordinated_subject_and_object(german: pyoxigraph.Store) -> None:
    facts = _memberships(german)
    assert {(SWITZERLAND, EU, "Negative"), (SWITZERLAND, NATO, "Negative")} <= facts
    assert {(IRELAND, NATO, "Negative"), (AUSTRIA, NATO, "Negative")} <= facts
    assert not {f for f in facts if f[0] in (SWITZERLAND, IRELAND, AUSTRIA) and f[2] == "Positive"}


def test_german_angehoeren_is_membership_with_its_polarity(german: pyoxigraph.Store) -> None:
    facts = _memberships(german)
    assert (MOLDOVA, NATO, "Negative") in facts and (MOLDOVA, NATO, "Positive") not in facts
    assert (ESTONIA, NATO, "Positive") in facts
    assert (FINLAND, NATO, "Negative") in facts  # "war damals noch kein Mitglied"
    # only positive facts become plain triples
    assert german.query(PREFIXES + f"ASK {{ GRAPH ?g {{ wd:{ESTONIA} <{WDT}P463> wd:{NATO} }} }}")
    assert not german.query(PREFIXES + f"ASK {{ GRAPH ?g {{ wd:{MOLDOVA} <{WDT}P463> wd:{NATO} }} }}")


def test_a_country_after_in_is_no_participant_of_a_meeting(german: pyoxigraph.Store) -> None:
    participant = german.query(
        PREFIXES + f"ASK {{ GRAPH ?g {{ ?m a kgo:Meeting ; <{WDT}P710> wd:{LUXEMBOURG} }} }}"
    )
    assert not participant
    # "in Luxemburg treffen": the meeting is in the city of that name (Q1842), not in the country
    assert german.query(PREFIXES + f"ASK {{ GRAPH ?g {{ ?m a kgo:Meeting ; <{WDT}P276> wd:Q1842 }} }}")


def test_english_neither_nor_and_then(english: pyoxigraph.Store) -> None:
    facts = _memberships(english)
    assert {(SWITZERLAND, EU, "Negative"), (SWITZERLAND, NATO, "Negative")} <= facts
    assert {(AUSTRIA, NATO, "Negative"), (IRELAND, NATO, "Negative")} <= facts
    assert (NORWAY, NATO, "Positive") in facts
    assert not {f for f in facts if f[0] in (SWITZERLAND, AUSTRIA, IRELAND) and f[2] == "Positive"}


def test_a_second_predicate_after_but_or_aber_has_its_own_polarity(
    german: pyoxigraph.Store, english: pyoxigraph.Store
) -> None:
    assert {(NORWAY, EU, "Negative"), (NORWAY, NATO, "Positive")} <= _memberships(german)
    assert (NORWAY, NATO, "Negative") not in _memberships(german)
    assert {(ICELAND, EU, "Negative"), (ICELAND, NATO, "Positive")} <= _memberships(english)


def test_another_party_refusing_support_denies_the_candidacy(
    german: pyoxigraph.Store, english: pyoxigraph.Store
) -> None:
    for store in (german, english):
        assert (UKRAINE, EU, "Positive", "Denied") in _facts(store, KGO + "candidateFor")


def test_the_bloc_is_the_organisation_the_text_is_about_and_accession_talks_are_no_meeting(
    english: pyoxigraph.Store,
) -> None:
    candidacies = _facts(english, KGO + "candidateFor")
    assert (MOLDOVA, EU, "Positive", "Applied") in candidacies
    assert (UKRAINE, EU, "Positive", "Demanded") in candidacies
    assert not {c for c in candidacies if c[1] == NATO}
    assert not english.query(PREFIXES + "ASK { GRAPH ?g { ?m a kgo:Meeting } }")


STANCES_DE = (
    "Die Türkei hat ihren Widerstand gegen den NATO-Beitritt Schwedens aufgegeben. "
    "Ungarn hält an seinem Widerstand gegen den EU-Beitritt der Ukraine fest. "
    "Präsident Recep Tayyip Erdoğan werde das Beitrittsprotokoll dem Parlament in Ankara vorlegen."
)
STANCES_EN = (
    "Turkey lifted its veto on Sweden's membership of NATO. "
    "Hungary kept its objections to Ukraine's membership of the EU."
)
SWEDEN, TURKEY = "Q34", "Q43"


@pytest.mark.parametrize(("text", "lang"), [(STANCES_DE, "de"), (STANCES_EN, "en")], ids=["de", "en"])
def test_given_up_opposition_leaves_a_candidacy_asserted_kept_opposition_denies_it(
    text: str, lang: str, tmp_path: Path
) -> None:
    candidacies = _facts(_extract(tmp_path, text, lang), KGO + "candidateFor")
    assert (SWEDEN, NATO, "Positive", "Asserted") in candidacies
    assert (UKRAINE, EU, "Positive", "Denied") in candidacies
    assert not {c for c in candidacies if c[0] == SWEDEN and c[2:] != ("Positive", "Asserted")}
    assert not {c for c in candidacies if c[0] == TURKEY}  # ratifying a protocol is no candidacy


def _meetings(store: pyoxigraph.Store) -> set[tuple[frozenset[str], str, str]]:
    rows = store.query(
        PREFIXES + f"SELECT ?m ?who ?place ?date WHERE {{ GRAPH ?g {{ ?m a kgo:Meeting . "
        f"OPTIONAL {{ ?m <{WDT}P710> ?who }} OPTIONAL {{ ?m <{WDT}P276> ?place }} "
        f"OPTIONAL {{ ?m <{WDT}P585> ?date }} }} }}"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    found: dict[str, tuple[set[str], str, str]] = {}
    for r in rows:
        who, place, date = found.setdefault(r["m"].value, (set(), "", ""))
        if r["who"] is not None:
            who.add(r["who"].value.removeprefix(WD))
        found[r["m"].value] = (
            who,
            r["place"].value.removeprefix(WD) if r["place"] is not None else place,
            r["date"].value if r["date"] is not None else date,
        )
    return {(frozenset(who), place, date) for who, place, date in found.values()}


SCHOLZ, MACRON, VILNIUS = "Q61053", "Q3052772", "Q216"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bundeskanzler Olaf Scholz ist am Dienstag in Vilnius eingetroffen. "
         "Dort kam er mit Frankreichs Präsident Emmanuel Macron zusammen.", "de"),
        ("Chancellor Olaf Scholz arrived in Vilnius on Tuesday. "
         "There he met French President Emmanuel Macron.", "en"),
    ],
    ids=["de", "en"],
)
def test_a_meeting_there_is_at_the_place_and_on_the_day_of_the_sentence_before(
    text: str, lang: str, tmp_path: Path
) -> None:
    # published on a Wednesday: "Tuesday" in a past-tense sentence is the day before
    meetings = _meetings(_extract(tmp_path, text, lang))
    assert (frozenset({SCHOLZ, MACRON}), VILNIUS, "2023-11-07") in meetings


JAPAN, SOUTH_KOREA, ARTICLE_5 = "Q17", "Q884", "Article 5 of the North Atlantic Treaty"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Japan and South Korea are close partners of NATO but are not members. Neither country is "
         "covered by the alliance's mutual defense clause.", "en"),
        ("Japan und Südkorea sind enge Partner der NATO, aber keine Mitglieder. Beide Länder fallen "
         "nicht unter die Beistandsklausel des Bündnisses.", "de"),
    ],
    ids=["en", "de"],
)
def test_a_listed_subject_beyond_the_reach_and_the_mutual_defence_clause(
    text: str, lang: str, tmp_path: Path
) -> None:
    store = _extract(tmp_path, text, lang)
    assert {(JAPAN, NATO, "Negative"), (SOUTH_KOREA, NATO, "Negative")} <= _memberships(store)
    covered = _covered_labels(store, polarity="Negative")
    # "Neither country" / "Beide Länder … nicht": the two countries named together before
    assert {(JAPAN, ARTICLE_5), (SOUTH_KOREA, ARTICLE_5)} <= covered


AUSTRALIA, NEW_ZEALAND = "Q408", "Q664"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Australia and New Zealand, two other partners of NATO, also sent leaders. "
         "Russia threatened two other partners of NATO.", "en"),
        ("Australien und Neuseeland, zwei weitere Partner der NATO, schickten ebenfalls ihre "
         "Regierungschefs.", "de"),
    ],
    ids=["en", "de"],
)
def test_a_counted_apposition_names_partners(text: str, lang: str, tmp_path: Path) -> None:
    partners = _facts(_extract(tmp_path, text, lang), KGO + "partnerOf")
    expected = {(AUSTRALIA, NATO, "Positive", "Asserted"), (NEW_ZEALAND, NATO, "Positive", "Asserted")}
    assert partners == expected  # and Russia, which threatens partners, is none


def _quotations(store: pyoxigraph.Store) -> set[tuple[str, str]]:
    rows = store.query(
        PREFIXES + "SELECT ?speaker ?text WHERE { GRAPH ?g { ?q a kgo:Quotation ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?text . OPTIONAL { ?q kgo:speaker ?speaker } } }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return {(r["speaker"].value.removeprefix(WD) if r["speaker"] else "", r["text"].value) for r in rows}


STOLTENBERG, ITALY = "Q57665", "Q38"


@pytest.mark.parametrize(
    ("text", "lang", "quote"),
    [
        ("Italien ist Gründungsmitglied der NATO und der EU. Jens Stoltenberg zeigte sich erfreut: "
         "„Das ist ein guter Tag für unser Bündnis.“", "de", "Das ist ein guter Tag für unser Bündnis."),
        ("Italy is a founding member of NATO and the EU. Jens Stoltenberg was blunt: "
         "\"There will be no compromise on our open door.\"", "en",
         "There will be no compromise on our open door."),
    ],
    ids=["de", "en"],
)
def test_founding_members_and_a_speaker_named_before_a_colon(
    text: str, lang: str, quote: str, tmp_path: Path
) -> None:
    store = _extract(tmp_path, text, lang)
    assert {(ITALY, NATO, "Positive"), (ITALY, EU, "Positive")} <= _memberships(store)
    assert (STOLTENBERG, quote) in _quotations(store)


LLOYD_AUSTIN, AUSTIN_TEXAS, USA = "Q941013", "Q16559", "Q30"


def test_a_surname_that_is_also_a_city_is_the_person_named_before(tmp_path: Path) -> None:
    text = (
        "U.S. Defense Secretary Lloyd Austin visited Kyiv on Monday. "
        "\"We will stand with Ukraine,\" Austin told reporters. He later flew back from Austin, Texas. "
        "Ukraine is not a member of NATO, and U.S. officials have said membership is not on the table."
    )
    store = _extract(tmp_path, text, "en")
    assert (LLOYD_AUSTIN, "We will stand with Ukraine") in _quotations(store)
    links = store.query(
        PREFIXES + "SELECT ?anchor ?e WHERE { GRAPH ?g { ?m <http://persistence.uni-leipzig.org/nlp2rdf/"
        "ontologies/nif-core#anchorOf> ?anchor ; <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e } }"
    )
    assert isinstance(links, pyoxigraph.QuerySolutions)
    austins = {r["e"].value.removeprefix(WD) for r in links if r["anchor"].value == "Austin"}
    assert austins == {LLOYD_AUSTIN, AUSTIN_TEXAS}  # "from Austin, Texas" stays the city
    # "U.S. officials" are not the U.S. as a candidate; the writer, not they, says Ukraine is no member
    candidacies = _facts(store, KGO + "candidateFor")
    assert not {c for c in candidacies if c[0] == USA}
    attributed = store.query(
        PREFIXES + f"ASK {{ GRAPH ?g {{ ?f rdf:subject wd:{UKRAINE} ; rdf:predicate <{WDT}P463> ; "
        "kgo:attributedTo ?who } }"
    )
    assert not attributed




@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die NATO berät in Brüssel. Die Ukraine sei ein geschätzter Partner, aber kein Mitglied. "
         "Deshalb gilt die Beistandsgarantie nach Artikel 5 nicht für die Ukraine.", "de"),
        ("NATO met in Brussels. Ukraine is a valued partner, but not a member. "
         "Russia threatened NATO partners.", "en"),
    ],
    ids=["de", "en"],
)
def test_a_bare_partner_noun_means_the_organisation_the_text_is_about(
    text: str, lang: str, tmp_path: Path
) -> None:
    store = _extract(tmp_path, text, lang)
    assert _facts(store, KGO + "partnerOf") == {(UKRAINE, NATO, "Positive", "Asserted")}
    assert (UKRAINE, NATO, "Negative") in _memberships(store)
    if lang == "de":  # the link word "für" stands far after "gilt"; the clause is Article 5
        assert (UKRAINE, ARTICLE_5) in _covered_labels(store)


def _covered_labels(store: pyoxigraph.Store, *, polarity: str = "Negative") -> set[tuple[str, str]]:
    """(subject, label of the treaty clause) of the coveredBy facts with ``polarity``."""
    rows = store.query(
        PREFIXES + "SELECT ?s ?label WHERE { GRAPH ?g { ?f rdf:subject ?s ; rdf:predicate kgo:coveredBy ; "
        f"rdf:object ?clause ; kgo:polarity kgo:{polarity} . "
        "?clause <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return {(r["s"].value.removeprefix(WD), r["label"].value) for r in rows}


def test_a_deputy_minister_holds_no_ministers_office(tmp_path: Path) -> None:
    text = "Die US-Vizeaußenministerin traf den russischen Vizeaußenminister Sergej Rjabkow in Genf."
    store = _extract(tmp_path, text, "de")
    rows = store.query(
        PREFIXES + f"SELECT ?office ?label WHERE {{ GRAPH ?g {{ ?f rdf:predicate <{WDT}P39> ; "
        "rdf:object ?office . ?office <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    offices = {(r["office"].value, r["label"].value) for r in rows}
    assert offices and all("Vizeaußenminister" in label for _, label in offices)
    assert all(not office.startswith(WD) for office, _ in offices)  # a NIL office, not the minister's


SOUTH_AFRICA, BRICS_IRAN, BRICS_EGYPT = "Q258", "Q794", "Q79"


def test_a_dateline_city_is_no_candidate_and_interest_in_joining_is_an_intention(tmp_path: Path) -> None:
    text = (
        "JOHANNESBURG (Reuters) - The BRICS group invited Argentina, Egypt, Ethiopia, Iran and Saudi "
        "Arabia to join the bloc, South African President Cyril Ramaphosa announced on Thursday. "
        "Turkey, a NATO member since 1952, has also expressed interest in joining BRICS."
    )
    candidacies = _facts(_extract(tmp_path, text, "en"), KGO + "candidateFor")
    assert not {c for c in candidacies if c[0] == SOUTH_AFRICA}  # the host, named by its dateline
    assert {c[0] for c in candidacies if c[3] == "Invited"} >= {BRICS_EGYPT, BRICS_IRAN}
    assert {c for c in candidacies if c[0] == TURKEY} and all(
        c[3] == "Intended" for c in candidacies if c[0] == TURKEY
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die NATO tagt. Nach Angaben von Jens Stoltenberg ist Finnland ein Partner der NATO.", "de"),
        ("Die NATO tagt in Brüssel. Finnland ist Jens Stoltenberg zufolge ein enger Partner der NATO.", "de"),
        ("NATO met in Brussels. Finland is, according to Jens Stoltenberg, a close partner of NATO.", "en"),
    ],
    ids=["nach-angaben", "zufolge-inside", "according-to-inside"],
)
def test_a_source_phrase_attributes_a_fact_even_inside_its_clause(
    text: str, lang: str, tmp_path: Path
) -> None:
    store = _extract(tmp_path, text, lang)
    assert store.query(
        PREFIXES + f"ASK {{ GRAPH ?g {{ ?f rdf:subject wd:{FINLAND} ; rdf:predicate kgo:partnerOf ; "
        f"kgo:attributedTo wd:{STOLTENBERG} }} }}"
    )


MALTA, CYPRUS = "Q233", "Q229"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("NATO met in Brussels. Austria, Ireland, Malta and Cyprus remain outside the alliance. "
         "Troops were outside the city.", "en", {AUSTRIA, IRELAND, MALTA, CYPRUS}),
        ("Die NATO tagt in Brüssel. Österreich und Irland bleiben außerhalb des Bündnisses.", "de",
         {AUSTRIA, IRELAND}),
    ],
    ids=["en", "de"],
)
def test_remaining_outside_the_alliance_is_no_membership(
    text: str, lang: str, expected: set[str], tmp_path: Path
) -> None:
    facts = _memberships(_extract(tmp_path, text, lang))
    assert facts == {(country, NATO, "Negative") for country in expected}
