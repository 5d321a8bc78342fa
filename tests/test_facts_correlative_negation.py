"""Negation and membership forms met in new articles: "weder … noch" / "neither … nor" (on the
subjects or the objects), "gehört (nicht) der NATO an", a time adverb between subject and noun
("war damals Mitglied"), and a country after "in" that is where a meeting is, not who meets.
Our own sentences, the bundled knowledge base and the real linker; asserted on the output graph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
KGO = "https://w3id.org/kg-news/ontology#"
PREFIXES = f"PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX kgo: <{KGO}> PREFIX wd: <{WD}> "

GERMAN = (
    "Die Schweiz ist weder Mitglied der EU noch der NATO. "
    "Weder Irland noch Österreich waren damals Mitglieder der NATO. "
    "Moldau gehört aber nicht der NATO an. "
    "Estland gehört der NATO seit langem an. "
    "Finnland war damals noch kein Mitglied der NATO. "
    "Am Freitag wollen sich die Außenminister der EU in Luxemburg treffen."
)
ENGLISH = (
    "Switzerland is neither a member of the EU nor of NATO. "
    "Neither Austria nor Ireland is a member of NATO. "
    "Norway was then a member of NATO."
)
SWITZERLAND, AUSTRIA, IRELAND, MOLDOVA, ESTONIA, FINLAND, NORWAY = (
    "Q39", "Q40", "Q27", "Q217", "Q191", "Q33", "Q20"
)
NATO, EU, LUXEMBOURG = "Q7184", "Q458", "Q32"


def _extract(tmp_path: Path, text: str, lang: str) -> pyoxigraph.Store:
    source = tmp_path / f"article.{lang}.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.trig"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(source), "--lang", lang, "--published",
         "2023-11-08", "-o", str(out), "--model", "blank"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    store = pyoxigraph.Store()
    store.load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    return store


def _memberships(store: pyoxigraph.Store) -> set[tuple[str, str, str]]:
    rows = store.query(
        PREFIXES + "SELECT ?s ?o ?polarity WHERE { GRAPH ?g { ?f a kgo:Fact ; rdf:subject ?s ; "
        "rdf:predicate <" + WDT + "P463> ; rdf:object ?o ; kgo:polarity ?polarity } }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return {
        (r["s"].value.removeprefix(WD), r["o"].value.removeprefix(WD), r["polarity"].value.removeprefix(KGO))
        for r in rows
    }


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


def test_english_neither_nor_and_then(english: pyoxigraph.Store) -> None:
    facts = _memberships(english)
    assert {(SWITZERLAND, EU, "Negative"), (SWITZERLAND, NATO, "Negative")} <= facts
    assert {(AUSTRIA, NATO, "Negative"), (IRELAND, NATO, "Negative")} <= facts
    assert (NORWAY, NATO, "Positive") in facts
    assert not {f for f in facts if f[0] in (SWITZERLAND, AUSTRIA, IRELAND) and f[2] == "Positive"}
