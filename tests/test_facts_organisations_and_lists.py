"""Forms met in a second round of articles written for this purpose (our own sentences): an
organisation as the subject of a membership ("The EU is a member of the G20"), names like "G20" and
"Brics", offices of an organ of the organisation a title names ("EU-Kommissionspräsidentin"), an
institution that reports a fact is not its subject ("NATO said Finland is …"), a pronoun repeating
the subject after "but", dialogue partners, and English irregular pasts for weekday dates.
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
    "Nordmazedonien ist Mitglied der Nato."
)
ENGLISH = (
    "The European Union has been a member of the G20 since 1999. "
    "The African Union became a permanent member of the Group of Twenty on Saturday. "
    "NATO said Finland is a member. "
    "Japan and Australia are not members of the alliance, but they are among NATO's closest partners. "
    "North Macedonia joined NATO in 2020."
)
EU, G20, AU, NATO, SCO, BRICS = "Q458", "Q19771", "Q7159", "Q7184", "Q485207", "Q243630"
FINLAND, JAPAN, AUSTRALIA, TURKEY, SAUDI, NORTH_MACEDONIA = "Q33", "Q17", "Q408", "Q43", "Q851", "Q221"
COMMISSION_PRESIDENT, VON_DER_LEYEN = "Q8882", "Q60772"


PUBLISHED = "2024-06-10"  # a Monday
_facts, _memberships = facts, memberships


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("de"), GERMAN, "de", PUBLISHED)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("en"), ENGLISH, "en", PUBLISHED)


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
