"""Forms met in a second round of articles written for this purpose (our own sentences): an
organisation as the subject of a membership ("The EU is a member of the G20"), names like "G20" and
"Brics", offices of an organ of the organisation a title names ("EU-Kommissionspräsidentin"), an
institution that reports a fact is not its subject ("NATO said Finland is …"), a pronoun repeating
the subject after "but", dialogue partners, English irregular pasts for weekday dates, lists set
off by commas, subjects "alongside" or "gemeinsam mit" another, invitations that are not to join, a
written-out date after a weekday, places the KB does not know and negotiations as a process; "Zypern",
"das Land"/"the country" as a member, and no organ of the sentence before as the organisation joined.
Each through the real pipeline and the bundled KB, asserted on the output graph."""

from __future__ import annotations

import pyoxigraph
import pytest
from _facts_support import KGO, PREFIXES, WD, WDT, extract, facts, memberships

GERMAN = (
    "Die EU ist Mitglied der G20. "
    "Am Dienstag traf Scholz EU-Kommissionspräsidentin Ursula von der Leyen. "
    "Saudi-Arabien ist Dialogpartner der Shanghaier Organisation. "
    "Die Türkei ist Mitglied der Nato und kein Mitglied der Shanghaier Organisation. "
    "Ob das Königreich Saudi-Arabien auch der Brics-Gruppe beitritt, ist weiter offen. "
    "Nordmazedonien ist Mitglied der Nato. "
    "Die Nato ist ein Bündnis. "
    "Schweden hatte im Mai 2022 gemeinsam mit Finnland die Mitgliedschaft in dem Bündnis beantragt. "
    "Maia Sandu sagte, Moldau werde die Verhandlungen mit Brüssel bis 2030 abschließen. "
    "Griechenland und Zypern, beide Mitglieder der EU, sehen das skeptisch. "
    "Estland ist reich. Das Land ist Mitglied der Nato."
)
ENGLISH = (
    "The European Union has been a member of the G20 since 1999. "
    "The African Union became a permanent member of the Group of Twenty on Saturday. "
    "NATO said Finland is a member. "
    "Japan and Australia are not members of the alliance, but they are among NATO's closest partners. "
    "North Macedonia joined NATO in 2020. "
    "Norway, Iceland and Liechtenstein, the three members of the European Free Trade Association, "
    "signed the deal. "
    "Beijing is a member of the Shanghai Cooperation Organisation, alongside Russia and India. "
    "South Korea and New Zealand, the other two partners, were also invited. "
    "Narendra Modi invited Azali Assoumani, the chair of the African Union, to take his seat. "
    "Narendra Modi and Swiss President Viola Amherd met in Brussels on Wednesday, April 3. "
    "Joe Biden is due to meet Swiss President Viola Amherd in Davos in January. "
    "Spajić said Montenegro hoped to complete negotiations with Brussels by 2026. "
    "Iceland applied in 2009. The country is a member of NATO. "
    "Serbia has made little progress, according to the European Commission. "
    "Kosovo, which applied in 2022, is still waiting for candidate status. "
    "The EU is divided. Serbia, which is also a candidate, has no plans to join NATO. "
    "Volodymyr Zelenskyy thanked him. "
    "According to Zelenskyy, Ukraine hopes to receive an invitation to join NATO."
)
ENGLISH_DATELINE = "GENEVA (Reuters) - " + ENGLISH
EU, G20, AU, NATO, SCO, BRICS = "Q458", "Q19771", "Q7159", "Q7184", "Q485207", "Q243630"
FINLAND, JAPAN, AUSTRALIA, TURKEY, SAUDI, NORTH_MACEDONIA = "Q33", "Q17", "Q408", "Q43", "Q851", "Q221"
COMMISSION_PRESIDENT, VON_DER_LEYEN = "Q8882", "Q60772"
NORWAY, ICELAND, LIECHTENSTEIN, EFTA = "Q20", "Q189", "Q347", "Q166546"
CHINA, RUSSIA, INDIA = "Q148", "Q159", "Q668"
SOUTH_KOREA, NEW_ZEALAND, SWEDEN, MOLDOVA = "Q884", "Q664", "Q34", "Q217"
GREECE, CYPRUS, ESTONIA, KOSOVO, COMMISSION = "Q41", "Q229", "Q191", "Q1246", "Q8880"
SERBIA, UKRAINE, ZELENSKYY = "Q403", "Q212", "Q3874799"
MODI, BIDEN, SANDU, BRUSSELS = "Q1058", "Q6279", "Q15071069", "Q239"  # Viola Amherd: NIL (not in the KB)


PUBLISHED = "2024-06-10"  # a Monday
_facts, _memberships = facts, memberships


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("de"), GERMAN, "de", PUBLISHED)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("en"), ENGLISH_DATELINE, "en", PUBLISHED)


def test_an_organisation_opening_the_clause_is_a_member(
    german: pyoxigraph.Store, english: pyoxigraph.Store
) -> None:
    assert (EU, G20, "Positive") in _memberships(german)  # "der G20." ends the sentence
    assert {(EU, G20, "Positive"), (AU, G20, "Positive")} <= _memberships(english)


def test_became_is_past_so_saturday_is_the_one_before_publication(english: pyoxigraph.Store) -> None:
    dates = {
        r["d"].value
        for r in english.query(
            PREFIXES + f"SELECT ?d WHERE {{ GRAPH ?g {{ ?f rdf:subject wd:{AU} ; rdf:object wd:{G20} ; "
            f"<{WDT}P585> ?d }} }}"
        )
    }
    assert dates == {"2024-06-08"}  # published Monday 10 June: "became … on Saturday" is the 8th


def test_an_institution_reporting_a_fact_is_its_source_not_its_subject(english: pyoxigraph.Store) -> None:
    rows = list(
        english.query(
            PREFIXES
            + f"SELECT ?who WHERE {{ GRAPH ?g {{ ?f rdf:subject wd:{FINLAND} ; rdf:object wd:{NATO} ; "
            "kgo:attributedTo ?who } }"
        )
    )
    assert [r["who"].value for r in rows] == [WD + NATO]


def test_a_pronoun_after_but_repeats_the_listed_subjects(english: pyoxigraph.Store) -> None:
    partners = {(s, o) for s, o, polarity, _ in _facts(english, KGO + "partnerOf") if polarity == "Positive"}
    assert {(JAPAN, NATO), (AUSTRALIA, NATO)} <= partners
    assert {(JAPAN, NATO, "Negative"), (AUSTRALIA, NATO, "Negative")} <= _memberships(english)


def test_names_with_digits_short_forms_and_dialogue_partners(
    german: pyoxigraph.Store, english: pyoxigraph.Store
) -> None:
    assert (SAUDI, SCO) in {(s, o) for s, o, _, _ in _facts(german, KGO + "partnerOf")}
    memberships = _memberships(german)
    assert {(TURKEY, NATO, "Positive"), (TURKEY, SCO, "Negative")} <= memberships
    assert (TURKEY, NATO, "Negative") not in memberships
    assert (NORTH_MACEDONIA, NATO, "Positive") in memberships
    assert (NORTH_MACEDONIA, NATO, "Positive") in _memberships(english)
    its = "http://www.w3.org/2005/11/its/rdf#taIdentRef"
    assert german.query(PREFIXES + f"ASK {{ GRAPH ?g {{ ?m <{its}> wd:{BRICS} }} }}")


def test_an_office_of_an_organ_of_the_organisation_in_the_title(german: pyoxigraph.Store) -> None:
    assert german.query(
        PREFIXES
        + f"ASK {{ GRAPH ?g {{ ?f rdf:subject wd:{VON_DER_LEYEN} ; rdf:object wd:{COMMISSION_PRESIDENT} }} }}"
    )


def test_a_list_set_off_by_commas_and_subjects_alongside_another(
    german: pyoxigraph.Store, english: pyoxigraph.Store
) -> None:
    memberships = _memberships(english)
    assert {(country, EFTA, "Positive") for country in (NORWAY, ICELAND, LIECHTENSTEIN)} <= memberships
    assert {(CHINA, SCO, "Positive"), (RUSSIA, SCO, "Positive"), (INDIA, SCO, "Positive")} <= memberships
    applied = {(s, o) for s, o, _, modality in _facts(german, KGO + "candidateFor") if modality == "Applied"}
    assert {(SWEDEN, NATO), (FINLAND, NATO)} <= applied


def test_an_invitation_is_a_candidacy_only_to_join(english: pyoxigraph.Store) -> None:
    candidates = {s for s, _, _, _ in _facts(english, KGO + "candidateFor")}
    assert not candidates & {SOUTH_KOREA, NEW_ZEALAND, INDIA}


def _meetings(store: pyoxigraph.Store) -> list[tuple[frozenset[str], str | None, str | None]]:
    rows = store.query(
        PREFIXES
        + "SELECT ?m (GROUP_CONCAT(STR(?p)) AS ?ps) (SAMPLE(?place) AS ?at) (SAMPLE(?d) AS ?on) WHERE { "
        f"GRAPH ?g {{ ?m a kgo:Meeting . OPTIONAL {{ ?m <{WDT}P710> ?p }} "
        f"OPTIONAL {{ ?m <{WDT}P276> ?place }} OPTIONAL {{ ?m <{WDT}P585> ?d }} }} }} GROUP BY ?m"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return [
        (
            frozenset(p.removeprefix(WD) for p in r["ps"].value.split()) if r["ps"] else frozenset(),
            r["at"].value.removeprefix(WD) if r["at"] else None,
            r["on"].value if r["on"] else None,
        )
        for r in rows
    ]


def test_meetings_written_out_dates_unknown_places_and_negotiations(
    german: pyoxigraph.Store, english: pyoxigraph.Store
) -> None:
    meetings = _meetings(english)
    # "on Wednesday, April 3": the date written out, not the Wednesday before publication
    assert [(place, on) for people, place, on in meetings if MODI in people and len(people) == 2] == [
        (BRUSSELS, "2024-04-03")
    ]
    # "in Davos": a place the KB does not know; the dateline's Geneva is not where they meet
    davos = [m for m in meetings if BIDEN in m[0] and len(m[0]) == 2]
    assert davos and all(place is None for _, place, _ in davos)
    # "complete negotiations with Brussels", "die Verhandlungen … abschließen": no meeting
    assert not [m for m in _meetings(german) if SANDU in m[0] or m[1] == BRUSSELS]
    assert not [m for m in meetings if m[1] == BRUSSELS and MODI not in m[0]]


def test_zypern_the_country_and_no_organ_joined(german: pyoxigraph.Store, english: pyoxigraph.Store) -> None:
    memberships = _memberships(german)
    assert {(GREECE, EU, "Positive"), (CYPRUS, EU, "Positive")} <= memberships  # "beide Mitglieder der EU"
    assert (ESTONIA, NATO, "Positive") in memberships  # "Das Land ist Mitglied der Nato"
    assert (ICELAND, NATO, "Positive") in _memberships(english)  # "The country is a member of NATO"
    kosovo = {o for s, o, _, _ in _facts(english, KGO + "candidateFor") if s == KOSOVO}
    # one joins an organisation, not the Commission named the sentence before (this mixed text's topic
    # organisation is NATO; in an article about the EU it is the EU)
    assert kosovo and COMMISSION not in kosovo


def test_the_organisation_of_the_triggers_clause_and_a_source_phrase(english: pyoxigraph.Store) -> None:
    serbia = {(o, polarity) for s, o, polarity, _ in _facts(english, KGO + "candidateFor") if s == SERBIA}
    # "Serbia, which is also a candidate, has no plans to join NATO": a candidate of the EU (the relative
    # clause names no organisation; NATO is the main clause's), not of NATO
    assert (NATO, "Positive") not in serbia
    assert (NATO, "Negative") in serbia
    rows = english.query(
        PREFIXES
        + f"SELECT ?who WHERE {{ GRAPH ?g {{ ?f rdf:subject wd:{UKRAINE} ; kgo:attributedTo ?who }} }}"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    assert ZELENSKYY in {r["who"].value.removeprefix(WD) for r in rows}  # "According to Zelenskyy, …"
