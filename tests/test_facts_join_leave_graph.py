"""Joining, leaving, suspension and appointments in the output graph: the time qualifiers (P580/P582,
a year alone as xsd:gYear), no plain ``wdt:P463`` for a membership that has ended, its statement not of
best rank, and ``kg validate`` (SHACL) passing on the output. Through the real CLI, blank pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from _facts_support import extract

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
"""

EN_TEXT = (
    "The United Kingdom left the European Union in 2020. Finland joined NATO on April 4, 2023. "
    "Mali was suspended from the African Union in 2021. Poland is a member of NATO."
)
DE_TEXT = (
    "Großbritannien ist 2020 aus der Europäischen Union ausgetreten. Finnland ist am 4. April 2023 der "
    "NATO beigetreten. Olaf Scholz wurde am 8. Dezember 2021 zum Bundeskanzler gewählt."
)


def ask(store: pyoxigraph.Store, where: str) -> bool:
    result = store.query(PREFIXES + "ASK { GRAPH ?g { " + where + " } }")
    assert isinstance(result, pyoxigraph.QueryBoolean)
    return bool(result)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("en"), EN_TEXT, "en", "2024-03-01")


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    return extract(tmp_path_factory.mktemp("de"), DE_TEXT, "de", "2024-03-01")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_ended_membership_is_no_plain_triple_but_a_dated_fact(
    lang: str, english: pyoxigraph.Store, german: pyoxigraph.Store
) -> None:
    store = english if lang == "en" else german
    # the reified fact: positive, asserted, ended, with its end year
    assert ask(
        store,
        "?f a kgo:Fact ; rdf:subject wd:Q145 ; rdf:predicate wdt:P463 ; rdf:object wd:Q458 ; "
        "kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; kgo:hasEnded true ; "
        'wdt:P582 "2020"^^xsd:gYear .',
    )
    # no truthy triple says the United Kingdom is a current member
    assert not ask(store, "wd:Q145 wdt:P463 wd:Q458 .")
    # the statement form holds the end as a qualifier, and is not of best rank
    assert ask(
        store,
        'wd:Q145 p:P463 ?st . ?st ps:P463 wd:Q458 ; pq:P582 "2020-01-01T00:00:00Z"^^xsd:dateTime ; '
        "wikibase:rank wikibase:NormalRank .",
    )
    assert not ask(store, "wd:Q145 p:P463 ?st . ?st a wikibase:BestRank .")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_joining_is_a_current_membership_with_its_start(
    lang: str, english: pyoxigraph.Store, german: pyoxigraph.Store
) -> None:
    store = english if lang == "en" else german
    assert ask(store, "wd:Q33 wdt:P463 wd:Q7184 .")
    assert ask(
        store,
        '?f rdf:subject wd:Q33 ; rdf:predicate wdt:P463 ; wdt:P580 "2023-04-04"^^xsd:date . '
        "FILTER NOT EXISTS { ?f kgo:hasEnded ?any }",
    )
    assert ask(
        store,
        'wd:Q33 p:P463 ?st . ?st a wikibase:BestRank ; pq:P580 "2023-04-04T00:00:00Z"^^xsd:dateTime .',
    )


def test_a_suspension_is_its_own_relation_and_leaves_membership_alone(english: pyoxigraph.Store) -> None:
    assert ask(
        english,
        "?f rdf:subject wd:Q912 ; rdf:predicate kgo:suspendedFrom ; rdf:object wd:Q7159 ; "
        'wdt:P580 "2021"^^xsd:gYear .',
    )
    assert not ask(english, "?f rdf:subject wd:Q912 ; rdf:predicate wdt:P463 .")
    assert ask(english, "wd:Q36 wdt:P463 wd:Q7184 .")  # an undated membership stays plain


def test_an_election_is_an_office_held_from_its_date(german: pyoxigraph.Store) -> None:
    assert ask(german, "wd:Q61053 wdt:P39 wd:Q4970706 .")
    assert ask(
        german,
        'wd:Q61053 p:P39 ?st . ?st ps:P39 wd:Q4970706 ; pq:P580 "2021-12-08T00:00:00Z"^^xsd:dateTime .',
    )


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600, check=False
    )


def _extract_file(tmp_path: Path, text: str, lang: str, name: str) -> Path:
    source = tmp_path / f"a.{lang}.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / name
    args = ["extract", str(source), "--lang", lang, "--published", "2024-03-01", "-o", str(out)]
    done = _kg(*args, "--model", "blank")
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize(("lang", "text"), [("en", EN_TEXT), ("de", DE_TEXT)])
def test_kg_validate_passes_on_the_new_facts(lang: str, text: str, tmp_path: Path) -> None:
    checked = _kg("validate", str(_extract_file(tmp_path, text, lang, "a.trig")))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_kg_validate_refuses_a_plain_triple_for_an_ended_membership(tmp_path: Path) -> None:
    out = _extract_file(tmp_path, "The United Kingdom left the European Union in 2020.", "en", "a.nq")
    graph = next(line.split()[-2] for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
    wd, wdt = "http://www.wikidata.org/entity/", "http://www.wikidata.org/prop/direct/"
    plain = f"<{wd}Q145> <{wdt}P463> <{wd}Q458> {graph} .\n"
    out.write_text(out.read_text(encoding="utf-8") + plain, encoding="utf-8")
    checked = _kg("validate", str(out))
    assert checked.returncode == 1
    assert "NoPlainTripleWhenEnded" in checked.stdout
