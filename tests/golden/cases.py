"""Hand-built DocumentResults for the RDF golden tests (our own sentences; QIDs from the seed KB)."""

from __future__ import annotations

import datetime as dt
import hashlib

from kg.model import (
    Document,
    DocumentResult,
    Entity,
    EntityKind,
    Extractor,
    Fact,
    Meeting,
    Mention,
    Modality,
    Polarity,
    Predicate,
    Quotation,
    RunProvenance,
    Sentence,
    Span,
    TimeRef,
    TimeRole,
)

LINKER = Extractor("kg.link.names", "1")
FACTS_DE = Extractor("kg.facts.de.patterns", "2")
FACTS_EN = Extractor("kg.facts.en.patterns", "1")
QUOTES = Extractor("kg.facts.quotes", "1")
MEETINGS = Extractor("kg.facts.meetings", "1")

RUN = RunProvenance(
    software_version="0.1.0",
    kb_version="seed-2024-01",
    pipeline="blank:de",
    pipeline_version="3.8.0",
    started=dt.datetime(2024, 1, 16, 12, 30, tzinfo=dt.UTC),
    extractors=(LINKER, FACTS_DE, FACTS_EN, QUOTES, MEETINGS),
)

# Linked entities (ids from ../shared/kb/wikidata-geo.ttl)
NATO_DE = Entity("NATO", EntityKind.ORGANISATION, "Q7184", "de")
NATO_EN = Entity("NATO", EntityKind.ORGANISATION, "Q7184", "en")
GERMANY = Entity("Deutschland", EntityKind.COUNTRY, "Q183", "de")
UKRAINE = Entity("Ukraine", EntityKind.COUNTRY, "Q212", "de")
BAERBOCK = Entity("Annalena Baerbock", EntityKind.PERSON, "Q564328", "de")
STOLTENBERG = Entity("Jens Stoltenberg", EntityKind.PERSON, "Q57665", "de")
SECRETARY_GENERAL = Entity("NATO-Generalsekretär", EntityKind.POSITION, "Q167662", "de")
VIENNA = Entity("Wien", EntityKind.PLACE, "Q1741", "de")
FINLAND = Entity("Finland", EntityKind.COUNTRY, "Q33", "en")
SWEDEN = Entity("Sweden", EntityKind.COUNTRY, "Q34", "en")
GEORGIA = Entity("Georgia", EntityKind.COUNTRY, "Q230", "en")
SCHOLZ = Entity("Olaf Scholz", EntityKind.PERSON, "Q61053", "en")
RUTTE = Entity("Mark Rutte", EntityKind.PERSON, "Q57792", "en")
BERLIN = Entity("Berlin", EntityKind.PLACE, "Q64", "en")

# NIL entities: not in the KB, they get dataset IRIs
ARTICLE_5 = Entity("Artikel 5", EntityKind.TREATY_CLAUSE, None, "de")
KATRIN_MUSTER = Entity("Katrin Muster", EntityKind.PERSON, None, "de")
DEPUTY_MINISTER = Entity("stellvertretende Außenministerin", EntityKind.POSITION, None, "de")  # no mention
THE_MINISTER = Entity("the minister", EntityKind.PERSON, None, "en")


def span(text: str, words: str, occurrence: int = 1) -> Span:
    """The span of the ``occurrence``-th ``words`` in ``text``."""
    begin = -1
    for _ in range(occurrence):
        begin = text.index(words, begin + 1)
    return Span(begin, begin + len(words), words)


def sentences(text: str, parts: list[str]) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, span(text, part)) for i, part in enumerate(parts))


def document(doc_id: str, text: str, lang: str, **fields: object) -> Document:
    return Document(
        doc_id=doc_id,
        text=text,
        lang=lang,
        origin=f"{doc_id}.txt",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **fields,  # type: ignore[arg-type]
    )


def german_result() -> DocumentResult:
    parts = [
        "Annalena Baerbock traf am Montag in Wien den NATO-Generalsekretär Jens Stoltenberg.",
        "Deutschland ist Mitglied der NATO.",
        "Die Ukraine fällt nicht unter Artikel 5, sagte Stoltenberg.",
        "„Wir stehen fest an der Seite unserer Partner“, sagte Baerbock.",
        "Katrin Muster, die stellvertretende Außenministerin, reist weiter nach Kyjiw.",
    ]
    text = " ".join(parts)
    doc = document(
        "de-treffen-wien",
        text,
        "de",
        title="Baerbock trifft Stoltenberg in Wien",
        published=dt.date(2024, 1, 16),
        source_url="https://example.org/nachrichten/baerbock-wien",
    )
    sents = sentences(text, parts)

    def mention(
        words: str, entity: Entity, sentence: int, occurrence: int = 1, score: float = 0.9
    ) -> Mention:
        return Mention(span(text, words, occurrence), sentence, entity, score, LINKER)

    mentions = (
        mention("Annalena Baerbock", BAERBOCK, 0, score=1.0),
        mention("Wien", VIENNA, 0),
        mention("NATO-Generalsekretär", SECRETARY_GENERAL, 0, score=0.8),
        mention("Jens Stoltenberg", STOLTENBERG, 0, score=1.0),
        mention("Deutschland", GERMANY, 1),
        mention("NATO", NATO_DE, 1, occurrence=2),
        mention("Ukraine", UKRAINE, 2),
        mention("Artikel 5", ARTICLE_5, 2, score=0.5),
        mention("Stoltenberg", STOLTENBERG, 2, occurrence=2, score=0.85),
        mention("Baerbock", BAERBOCK, 3, occurrence=2, score=0.85),
        mention("Katrin Muster", KATRIN_MUSTER, 4, score=0.4),
    )
    monday = dt.date(2024, 1, 15)
    facts = (
        Fact(GERMANY, Predicate.MEMBER_OF, NATO_DE, sents[1].span, 1, FACTS_DE, 0.9),
        Fact(
            STOLTENBERG,
            Predicate.HOLDS_POSITION,
            SECRETARY_GENERAL,
            sents[0].span,
            0,
            FACTS_DE,
            0.75,
            time=TimeRef(monday, TimeRole.POINT, span(text, "am Montag")),
        ),
        Fact(
            UKRAINE,
            Predicate.COVERED_BY,
            ARTICLE_5,
            sents[2].span,
            2,
            FACTS_DE,
            0.8,
            polarity=Polarity.NEGATIVE,
            attributed_to=STOLTENBERG,
        ),
        Fact(KATRIN_MUSTER, Predicate.HOLDS_POSITION, DEPUTY_MINISTER, sents[4].span, 4, FACTS_DE, 0.6),
    )
    quote_words = "Wir stehen fest an der Seite unserer Partner"
    quotations = (
        Quotation(quote_words, span(text, quote_words), sents[3].span, 3, QUOTES, 0.95, speaker=BAERBOCK),
    )
    meetings = (Meeting((BAERBOCK, STOLTENBERG), sents[0].span, 0, MEETINGS, 0.7, place=VIENNA, date=monday),)
    return DocumentResult(doc, sents, mentions, facts, quotations, meetings)


def english_result() -> DocumentResult:
    parts = [
        "Finland and Sweden are partners of NATO but not members.",
        "Finland has been a partner of NATO since 1994.",
        "Georgia wants to join NATO, the minister said.",
        "Olaf Scholz met Mark Rutte in Berlin for talks.",
        "“We are ready to talk on Friday,” Rutte said on Thursday.",
        "“Nobody wants a war,” a diplomat said.",
    ]
    text = " ".join(parts)
    doc = document("en/partners 1", text, "en")  # an id that needs %-encoding in the IRI
    sents = sentences(text, parts)

    def mention(
        words: str, entity: Entity, sentence: int, occurrence: int = 1, score: float = 0.9
    ) -> Mention:
        return Mention(span(text, words, occurrence), sentence, entity, score, LINKER)

    mentions = (
        mention("Finland", FINLAND, 0),
        mention("Sweden", SWEDEN, 0),
        mention("NATO", NATO_EN, 0),
        mention("Finland", FINLAND, 1, occurrence=2),
        mention("NATO", NATO_EN, 1, occurrence=2),
        mention("Georgia", GEORGIA, 2, score=0.7),
        mention("NATO", NATO_EN, 2, occurrence=3),
        mention("Olaf Scholz", SCHOLZ, 3, score=1.0),
        mention("Mark Rutte", RUTTE, 3, score=1.0),
        mention("Berlin", BERLIN, 3),
        mention("Rutte", RUTTE, 4, occurrence=2, score=0.8),
    )
    facts = (
        Fact(FINLAND, Predicate.PARTNER_OF, NATO_EN, sents[0].span, 0, FACTS_EN, 0.85),
        Fact(SWEDEN, Predicate.PARTNER_OF, NATO_EN, sents[0].span, 0, FACTS_EN, 0.85),
        Fact(
            FINLAND,
            Predicate.MEMBER_OF,
            NATO_EN,
            sents[0].span,
            0,
            FACTS_EN,
            0.7,
            polarity=Polarity.NEGATIVE,
        ),
        Fact(
            FINLAND,
            Predicate.PARTNER_OF,
            NATO_EN,
            sents[1].span,
            1,
            FACTS_EN,
            0.8,
            time=TimeRef(dt.date(1994, 1, 1), TimeRole.START, span(text, "since 1994")),
        ),
        Fact(
            GEORGIA,
            Predicate.CANDIDATE_FOR,
            NATO_EN,
            sents[2].span,
            2,
            FACTS_EN,
            0.65,
            modality=Modality.INTENDED,
            attributed_to=THE_MINISTER,
        ),
    )
    meetings = (Meeting((SCHOLZ, RUTTE), sents[3].span, 3, MEETINGS, 0.6, place=BERLIN, label="talks"),)
    ready, nobody = "We are ready to talk on Friday,", "Nobody wants a war,"
    quotations = (
        Quotation(
            ready, span(text, ready), sents[4].span, 4, QUOTES, 0.9, speaker=RUTTE, date=dt.date(2024, 1, 18)
        ),
        Quotation(nobody, span(text, nobody), sents[5].span, 5, QUOTES, 0.5),  # speaker unknown
    )
    return DocumentResult(doc, sents, mentions, facts, quotations, meetings)


CASES = {"german_meeting": german_result, "english_partners": english_result}
"""Golden case name -> builder; the expected graph is tests/golden/<name>.trig."""
