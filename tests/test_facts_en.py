"""English facts, quotations and meetings from our own test article (hand-built mentions)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path

from texts.lexicon import (
    FINLAND,
    GEORGIA,
    MACRON,
    MODI,
    NATO,
    NATO_SG,
    PARIS,
    PM_INDIA,
    PRESIDENT_FRANCE,
    STOLTENBERG,
    SWEDEN,
    UKRAINE,
    TinyKb,
    facts_graph,
    hand_mentions,
)

from kg.facts import extract_facts
from kg.model import Document, DocumentResult, Extraction
from kg.pipeline import load_pipeline

TEXT = (Path(__file__).parent / "texts" / "en_alliance.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2022, 1, 10)  # a Monday
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
KGO = "https://w3id.org/kg-news/ontology#"


@functools.cache
def extracted() -> tuple[Extraction, DocumentResult]:
    doc = Document(
        "en-test",
        TEXT,
        "en",
        "en_alliance.txt",
        hashlib.sha256(TEXT.encode()).hexdigest(),
        published=PUBLISHED,
    )
    analysis = load_pipeline("en", model="blank").analyse(doc)
    mentions = hand_mentions(TEXT)
    extraction = extract_facts(doc, analysis, mentions, TinyKb())
    return extraction, DocumentResult(
        doc, analysis.sentences, mentions, extraction.facts, extraction.quotations, extraction.meetings
    )


def test_exact_facts() -> None:
    extraction, _ = extracted()
    got = {
        (
            f.subject.key,
            f.predicate.name,
            f.object.key,
            f.polarity.value,
            f.modality.value,
            f.attributed_to.key if f.attributed_to else None,
        )
        for f in extraction.facts
    }
    assert got == {
        (MODI.key, "HOLDS_POSITION", PM_INDIA.key, "Positive", "Asserted", None),  # Indian Prime Minister X
        (MACRON.key, "HOLDS_POSITION", PRESIDENT_FRANCE.key, "Positive", "Asserted", None),
        (
            STOLTENBERG.key,
            "HOLDS_POSITION",
            NATO_SG.key,
            "Positive",
            "Asserted",
            None,
        ),  # X, the SG of the Alliance,
        (FINLAND.key, "PARTNER_OF", NATO.key, "Positive", "Asserted", None),
        (FINLAND.key, "MEMBER_OF", NATO.key, "Negative", "Asserted", None),  # … but not a member
        (FINLAND.key, "CANDIDATE_FOR", NATO.key, "Positive", "Invited", None),
        (GEORGIA.key, "CANDIDATE_FOR", NATO.key, "Negative", "Denied", None),  # declined the invitation
        (SWEDEN.key, "CANDIDATE_FOR", NATO.key, "Positive", "Possible", None),  # may apply
        (UKRAINE.key, "COVERED_BY", "nil:TreatyClause:Article 5", "Negative", "Asserted", STOLTENBERG.key),
    }


def test_quotations_and_speakers() -> None:
    extraction, _ = extracted()
    assert [(q.speaker.key if q.speaker else None, q.text) for q in extraction.quotations] == [
        (MODI.key, "Our partnership has never been stronger"),  # “…,” Modi said
        (STOLTENBERG.key, "We will defend every inch of allied territory"),  # "…," he said
        (STOLTENBERG.key, "Dialogue remains possible even now"),  # "…," the Secretary General added
    ]


def test_meeting_in_paris_last_tuesday() -> None:
    extraction, _ = extracted()
    [meeting] = extraction.meetings
    assert {p.key for p in meeting.participants} == {MODI.key, MACRON.key}
    assert meeting.place == PARIS
    assert meeting.date == dt.date(
        2022, 1, 4
    )  # "met … on Tuesday" in a Monday article: the day before yesterday


def test_graph() -> None:
    _, result = extracted()
    store = facts_graph(result)
    assert store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q33> <{KGO}partnerOf> <{WD}Q7184> }} }}")
    assert not store.query(f"ASK {{ GRAPH ?g {{ <{WD}Q33> <{WDT}P463> <{WD}Q7184> }} }}")
    assert store.query(f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        ASK {{ GRAPH ?g {{ ?f rdf:subject <{WD}Q230> ; rdf:predicate <{KGO}candidateFor> ;
                 rdf:object <{WD}Q7184> ;
                 <{KGO}polarity> <{KGO}Negative> ; <{KGO}modality> <{KGO}Denied> }} }}""")
    rows = list(
        store.query(f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?place ?date WHERE {{ GRAPH ?g {{
                 ?m a <{KGO}Meeting> ; <{WDT}P276> ?place ; <{WDT}P585> ?date ;
                 <{WDT}P710> <{WD}Q1058>, <{WD}Q3052772> }} }}""")
    )
    assert [(r["place"].value, r["date"].value) for r in rows] == [(WD + "Q90", "2022-01-04")]
    speakers = [
        r["s"].value
        for r in store.query(f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s WHERE {{ GRAPH ?g {{ ?q <{KGO}speaker> ?s ; rdf:value ?v }} }} ORDER BY ?v""")
    ]
    assert speakers == [WD + "Q57665", WD + "Q1058", WD + "Q57665"]
