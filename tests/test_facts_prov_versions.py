"""Every extractor's version reaches PROV: a relation rule's and a meeting rule's ``version`` (rule
data) is the ``kgo:extractorVersion`` of the extractor its output names — asked with SPARQL over the
written graph. A city-state named as a meeting's place is that place (Singapore, per the KB's P31)."""

from __future__ import annotations

import pyoxigraph
import pytest
from _facts_support import KGO, PREFIXES, WD, extract

from kg.facts.lang import RULES

WDT_P276 = "http://www.wikidata.org/prop/direct/P276"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    text = (
        "Lloyd Austin met Minoru Kihara in Singapore on Friday. "
        "Turkey would not approve Sweden's membership of NATO."
    )
    return extract(tmp_path_factory.mktemp("prov"), text, "en", "2024-06-01")


def _versions(store: pyoxigraph.Store, pattern: str) -> set[tuple[str, str]]:
    rows = store.query(
        PREFIXES + "SELECT ?name ?version WHERE { GRAPH ?g { " + pattern + " ?x kgo:extractor ?e } "
        "GRAPH ?h { ?e kgo:extractorName ?name ; kgo:extractorVersion ?version } }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return {(r["name"].value, r["version"].value) for r in rows}


def _rule_version(kind: str, name: str) -> str:
    rules = RULES["en"].patterns.relations if kind == "relation" else RULES["en"].patterns.meetings
    return next(r.version for r in rules if r.name == name)


def test_a_relation_rules_version_is_its_extractors_version_in_prov(english: pyoxigraph.Store) -> None:
    found = _versions(english, f"?x a kgo:Fact ; rdf:predicate <{KGO}candidateFor> .")
    assert found == {("kg.facts.en.join", _rule_version("relation", "join"))}
    # 2: the stance model; 3: organisation anaphora; 4: open questions, "left X to join Y"; 5: a name the
    # KB lacks right after the trigger, "to" before a complement (session 6)
    assert _rule_version("relation", "join") == "5"


def test_a_meeting_rules_version_is_its_extractors_version_in_prov(english: pyoxigraph.Store) -> None:
    found = _versions(english, "?x a kgo:Meeting .")
    assert found == {("kg.facts.en.meetings.meet_verb", _rule_version("meeting", "meet_verb"))}
    # 4: meetings told across sentences; 5: a meeting called off ("postponed", "abgesagt") is none
    assert _rule_version("meeting", "meet_verb") == "5"


def test_a_city_state_is_the_meetings_place(english: pyoxigraph.Store) -> None:
    assert english.query(PREFIXES + f"ASK {{ GRAPH ?g {{ ?m a kgo:Meeting ; <{WDT_P276}> <{WD}Q334> }} }}")


def test_every_rule_has_a_version() -> None:
    for rules in RULES.values():
        for rule in (*rules.patterns.relations, *rules.patterns.meetings):
            assert rule.version.isdigit(), rule.name
