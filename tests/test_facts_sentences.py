"""One relation, polarity, modality, speaker form or date form per case, German and English, each in
sentences of our own with hand-built mentions."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib

import pytest
from texts.lexicon import TinyKb, hand_mentions

from kg.facts import extract_facts
from kg.model import Document, Extraction
from kg.nlp import NlpPipeline
from kg.pipeline import load_pipeline

PUBLISHED = dt.date(2022, 1, 7)  # a Friday


@functools.cache
def pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def extract(text: str, lang: str) -> Extraction:
    doc = Document("s", text, lang, "case", hashlib.sha256(text.encode()).hexdigest(), published=PUBLISHED)
    return extract_facts(doc, pipeline(lang).analyse(doc), hand_mentions(text), TinyKb())


def facts(text: str, lang: str) -> set[tuple[str, str, str, str, str]]:
    return {
        (f.subject.label, f.predicate.name, f.object.label, f.polarity.value, f.modality.value)
        for f in extract(text, lang).facts
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # partnership, membership, candidacy, coverage — both polarities
        (
            "de",
            "Schweden ist ein enger NATO-Partner.",
            {("Sweden", "PARTNER_OF", "NATO", "Positive", "Asserted")},
        ),
        (
            "en",
            "Sweden is no longer a partner of NATO.",
            {("Sweden", "PARTNER_OF", "NATO", "Negative", "Asserted")},
        ),
        ("de", "Norwegen ist Mitglied der NATO.", {("Norway", "MEMBER_OF", "NATO", "Positive", "Asserted")}),
        (
            "de",
            "Die Ukraine ist kein Mitglied der NATO.",
            {("Ukraine", "MEMBER_OF", "NATO", "Negative", "Asserted")},
        ),
        ("en", "NATO member Poland sent troops.", {("Poland", "MEMBER_OF", "NATO", "Positive", "Asserted")}),
        (
            "en",
            "Georgia is not a member of NATO.",
            {("Georgia", "MEMBER_OF", "NATO", "Negative", "Asserted")},
        ),
        (
            "de",
            "Polen ist durch Artikel 5 geschützt.",
            {("Poland", "COVERED_BY", "Artikel 5", "Positive", "Asserted")},
        ),
        (
            "en",
            "Poland is protected by Article 5.",
            {("Poland", "COVERED_BY", "Article 5", "Positive", "Asserted")},
        ),
        (
            "de",
            "Für Georgien gilt Artikel 5 nicht.",
            {("Georgia", "COVERED_BY", "Artikel 5", "Negative", "Asserted")},
        ),
        (
            "de",
            "Georgien bleibt in der NATO ohne offiziellen Kandidatenstatus.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Negative", "Asserted")},
        ),
        # each modality
        (
            "de",
            "Schweden hat die Mitgliedschaft in der NATO beantragt.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Applied")},
        ),
        (
            "en",
            "Finland applied for NATO membership.",
            {("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Applied")},
        ),
        (
            "de",
            "Finnland will der NATO beitreten.",
            {("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Intended")},
        ),
        ("en", "Ukraine wants to join NATO.", {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Intended")}),
        (
            "de",
            "Die NATO könnte Schweden bald aufnehmen, und Schweden könnte dem Bündnis beitreten.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Possible")},
        ),
        (
            "de",
            "Schweden wurde eingeladen, der NATO beizutreten.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Invited")},
        ),
        (
            "de",
            "Georgien lehnte die Einladung der NATO ab.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Negative", "Denied")},
        ),
        # a demand that an organisation never admit a country: a refused candidacy, not a membership
        (
            "de",
            "Russland fordert, dass die NATO die Ukraine niemals als Mitglied aufnimmt.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Negative", "Demanded")},
        ),
        (
            "en",
            "Russia demands that NATO never admit Ukraine as a member.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Negative", "Demanded")},
        ),
        # a partner must be a partner *of* the organisation, right at the word
        (
            "en",
            "Finland is NATO's closest partner.",
            {("Finland", "PARTNER_OF", "NATO", "Positive", "Asserted")},
        ),
        (
            "en",
            "Finland partnered with NATO in 1994.",
            {("Finland", "PARTNER_OF", "NATO", "Positive", "Asserted")},
        ),
        ("en", "Poland and its partners met in Madrid to discuss NATO.", set()),
        # a verb that is no copula: the noun is not about the subject
        ("de", "Russland droht den NATO-Mitgliedern.", set()),
        ("de", "Russland blockiert einen Beitritt zur NATO.", set()),
        ("en", "Russia opposes NATO membership.", set()),
        ("en", "Russia threatened NATO members.", set()),
        (
            "de",
            "Russland bedroht die NATO-Partner Finnland und Schweden.",
            {
                ("Finland", "PARTNER_OF", "NATO", "Positive", "Asserted"),
                ("Sweden", "PARTNER_OF", "NATO", "Positive", "Asserted"),
            },
        ),
        (
            "en",
            "Ukraine would never become a member of NATO.",
            {("Ukraine", "MEMBER_OF", "NATO", "Negative", "Asserted")},
        ),
        # borders, with coordinated objects
        (
            "de",
            "Polen grenzt an die Ukraine.",
            {("Poland", "SHARES_BORDER_WITH", "Ukraine", "Positive", "Asserted")},
        ),
        (
            "en",
            "Norway borders Sweden and Finland.",
            {
                ("Norway", "SHARES_BORDER_WITH", "Sweden", "Positive", "Asserted"),
                ("Norway", "SHARES_BORDER_WITH", "Finland", "Positive", "Asserted"),
            },
        ),
        (
            "de",
            "Schweden wird möglicherweise der NATO beitreten.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Possible")},
        ),
        (
            "de",
            "Finnland und Schweden beantragen die Mitgliedschaft in der NATO.",
            {
                ("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Applied"),
                ("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Applied"),
            },
        ),
        # the country whose accession it is, not the one that talks about it; another party's
        # rejection leaves it a candidate, denied (Georgia declining is the candidate's own "no")
        (
            "de",
            "Russland lehnt den Beitritt der Ukraine zur NATO ab.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Denied")},
        ),
        (
            "de",
            # another party blocking the accession rejects it: Denied (as "would not approve" is)
            "Russland blockiert den Beitritt Finnlands und Schwedens zur NATO.",
            {
                ("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Denied"),
                ("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Denied"),
            },
        ),
        # coordination
        (
            "en",
            "Finland and Sweden may join NATO.",
            {
                ("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Possible"),
                ("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Possible"),
            },
        ),
        # a demonym is no subject; no country, no fact
        ("de", "Russische Nachbarn könnten der NATO beitreten.", set()),
    ],
)
def test_relation(lang: str, text: str, expected: set[tuple[str, str, str, str, str]]) -> None:
    assert facts(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "date"),
    [
        ("en", "Finland joined NATO on April 4, 2023.", dt.date(2023, 4, 4)),
        ("de", "Schweden trat am 7. März 2024 der NATO bei.", dt.date(2024, 3, 7)),
        ("en", "Sweden joined NATO on 2024-03-07.", dt.date(2024, 3, 7)),
    ],
)
def test_fact_time(lang: str, text: str, date: dt.date) -> None:
    [fact] = extract(text, lang).facts
    assert fact.predicate.name == "MEMBER_OF" and fact.is_plain
    assert fact.time is not None and fact.time.date == date and fact.time.span is not None


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("en", '"We are ready for talks," Stoltenberg said.', "Jens Stoltenberg"),
        ("de", "Stoltenberg sagte: „Wir sind zu Gesprächen bereit.“", "Jens Stoltenberg"),
        ("de", "Macron traf Scholz. „Wir sind zu Gesprächen bereit“, sagte er.", "Olaf Scholz"),
        (
            "de",
            "„Wir sind zu Gesprächen bereit“, fügte von der Leyen am Freitag hinzu.",
            "Ursula von der Leyen",
        ),
        (
            "de",
            "Die Präsidentin der Europäischen Kommission, Ursula von der Leyen, traf Olaf Scholz in Berlin. "
            "„Wir sind zu Gesprächen bereit“, sagte die Kommissionschefin.",
            "Ursula von der Leyen",
        ),
        (
            "en",
            "Jens Stoltenberg, the Secretary General of the Alliance, met Emmanuel Macron. "
            '"We are ready for talks," the Secretary General said.',
            "Jens Stoltenberg",
        ),
        ("en", "“We are ready for talks and for more,” according to Macron.", "Emmanuel Macron"),
        (
            "de",
            "Josep Borrell reiste ab. „Wir sind zu Gesprächen bereit“, sagte der Spanier.",
            "Josep Borrell",
        ),
        ("en", "Emmanuel Macron arrived. “We are ready for talks,” the Frenchman said.", "Emmanuel Macron"),
        ("de", "„Wir sind zu Gesprächen bereit“, so Stoltenberg.", "Jens Stoltenberg"),
        ("de", "„Wir sind zu Gesprächen bereit“, so von der Leyen.", "Ursula von der Leyen"),
        ("de", "„Wir sind zu Gesprächen bereit“, erklärte die NATO.", "NATO"),
        ("en", '"We are ready for talks," NATO said.', "NATO"),
    ],
)
def test_quotation_speaker(lang: str, text: str, speaker: str) -> None:
    [quotation] = extract(text, lang).quotations
    assert quotation.speaker is not None and quotation.speaker.label == speaker
    assert quotation.text.startswith(("We are ready", "Wir sind"))


def test_quotation_date_from_its_frame() -> None:
    [q] = extract("„Wir sind zu Gesprächen bereit“, sagte Stoltenberg am Montag.", "de").quotations
    assert q.date == dt.date(2022, 1, 3)


def test_reported_speech_is_attributed() -> None:
    [fact] = extract("Sweden may join NATO next year, according to Stoltenberg.", "en").facts
    assert fact.attributed_to is not None and fact.attributed_to.label == "Jens Stoltenberg"
    [fact] = extract("Stoltenberg sagte, Schweden könnte der NATO beitreten.", "de").facts
    assert fact.attributed_to is not None and fact.attributed_to.label == "Jens Stoltenberg"
    [fact] = extract("Westliche Diplomaten erklärten, Schweden könnte der NATO beitreten.", "de").facts
    assert fact.attributed_to is None


def test_the_alliance_is_the_organisation_last_named() -> None:
    got = facts("NATO met in Brussels. Sweden wants to join the Alliance.", "en")
    assert got == {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Intended")}


def test_meeting_participant_named_by_a_pronoun() -> None:
    text = "Olaf Scholz sprach lange. Am Dienstag wird er in Paris mit Emmanuel Macron zusammentreffen."
    [meeting] = extract(text, "de").meetings
    assert {p.label for p in meeting.participants} == {"Olaf Scholz", "Emmanuel Macron"}
    assert meeting.place is not None and meeting.place.label == "Paris"
    assert meeting.date == dt.date(2022, 1, 11)


def test_meeting_from_a_participle_and_a_noun_with_places() -> None:
    text = "Scholz hat am Donnerstag in Berlin den Präsidenten Emmanuel Macron empfangen."
    [meeting] = extract(text, "de").meetings
    assert {p.label for p in meeting.participants} == {"Olaf Scholz", "Emmanuel Macron"}
    assert meeting.date == dt.date(2022, 1, 6)
    got = {
        (m.place.label if m.place else None)
        for m in extract("The talks in Geneva and Vienna ended without agreement.", "en").meetings
    }
    assert got == {"Geneva", "Vienna"}


def test_several_word_english_title() -> None:
    [fact] = extract("Secretary General Jens Stoltenberg arrived.", "en").facts
    assert fact.subject.label == "Jens Stoltenberg" and fact.object.is_nil
    assert fact.object.label == "Secretary General"
    # the organisation the sentence names makes the title specific
    [fact] = extract("Secretary General Jens Stoltenberg of NATO arrived.", "en").facts
    assert fact.object.qid == "Q167662"


def test_fact_time_role_from_since_and_until() -> None:
    [fact] = extract("Finland has been a member of NATO since April 4, 2023.", "en").facts
    assert fact.time is not None and fact.time.role.name == "START" and fact.time.date == dt.date(2023, 4, 4)
    [fact] = extract("Norwegen war bis zum 1. Mai 2023 Mitglied der NATO.", "de").facts
    assert fact.time is not None and fact.time.role.name == "END"


def test_a_group_is_no_speaker() -> None:
    text = (
        "Macron reiste ab. „Wir dürfen auf keinen Fall nachgeben, niemals, unter keinen Umständen“, "
        "sagten westliche Diplomaten."
    )
    [quotation] = extract(text, "de").quotations
    assert quotation.speaker is None


def test_meetings_each_at_its_own_place_and_day() -> None:
    text = (
        "Wendy Sherman and Vladimir Putin held talks in Geneva on Monday. "
        "NATO will meet in Brussels on Wednesday, followed by talks in Vienna on Thursday."
    )
    got = {
        (frozenset(p.label for p in m.participants), m.place.label if m.place else None, m.date)
        for m in extract(text, "en").meetings
    }
    assert got == {
        (frozenset({"Wendy Sherman", "Vladimir Putin"}), "Geneva", dt.date(2022, 1, 3)),  # held: past
        (frozenset({"NATO"}), "Brussels", dt.date(2022, 1, 12)),
        (frozenset(), "Vienna", dt.date(2022, 1, 13)),
    }


def test_the_alliance_prefers_the_organisation_named_most() -> None:
    text = (
        "NATO met. NATO agreed. Later the European Commission spoke. Sweden is not a member of the alliance."
    )
    assert facts(text, "en") == {("Sweden", "MEMBER_OF", "NATO", "Negative", "Asserted")}


@pytest.mark.parametrize(
    ("lang", "text", "place", "date"),
    [
        ("en", "The summit in Madrid begins on Tuesday.", "Madrid", dt.date(2022, 1, 11)),
        (
            "de",
            "Das Treffen der Außenminister findet am 20. Januar in Brüssel statt.",
            "Brussels",
            dt.date(2022, 1, 20),
        ),
        ("de", "Die Gespräche in Genf beginnen am Montag.", "Geneva", dt.date(2022, 1, 10)),
    ],
)
def test_meeting_nouns(lang: str, text: str, place: str, date: dt.date) -> None:
    [meeting] = extract(text, lang).meetings
    assert meeting.place is not None and meeting.place.label == place and meeting.date == date


def test_quotation_framed_by_the_next_sentence_and_continued() -> None:
    text = (
        "Macron kam. „Wir sind zu Gesprächen bereit.“ Das sagte Stoltenberg am Montag in Brüssel. "
        "„Und wir bleiben es, ganz sicher.“"
    )
    got = [(q.speaker.label if q.speaker else None, q.date, q.text) for q in extract(text, "de").quotations]
    assert got == [
        ("Jens Stoltenberg", dt.date(2022, 1, 3), "Wir sind zu Gesprächen bereit."),
        ("Jens Stoltenberg", dt.date(2022, 1, 3), "Und wir bleiben es, ganz sicher."),
    ]


def test_quotation_date_only_from_the_verbs_clause() -> None:
    text = (
        "„Wir werden eine Lösung finden“, sagte Stoltenberg, der am Montag in Berlin mit Scholz zusammenkam."
    )
    [quotation] = extract(text, "de").quotations
    assert quotation.speaker is not None and quotation.date is None
    [meeting] = extract(text, "de").meetings
    assert meeting.date == dt.date(2022, 1, 3) and {p.label for p in meeting.participants} == {
        "Jens Stoltenberg",
        "Olaf Scholz",
    }


def test_meeting_label_names_the_body_that_meets() -> None:
    [meeting] = extract("Am Mittwoch folgt ein Treffen des Russland-NATO-Rates in Brüssel.", "de").meetings
    assert meeting.label == "Russland-NATO-Rat"
    assert meeting.place is not None and meeting.place.label == "Brussels"
    assert meeting.date == dt.date(2022, 1, 12)


def test_someone_speaking_for_a_person_is_not_the_person() -> None:
    text = "„Wir sind zu Gesprächen bereit“, sagte ein Sprecher von Scholz."
    assert [q.speaker for q in extract(text, "de").quotations] == []  # unnamed speaker, short quote: dropped
    text = '"We are ready for talks and for much more than that," a spokesman for Macron said.'
    [quotation] = extract(text, "en").quotations
    assert quotation.speaker is None


def test_meeting_at_the_destination_of_a_trip() -> None:
    [meeting] = extract("Scholz will travel to Madrid on Monday for talks with Macron.", "en").meetings
    assert meeting.place is not None and meeting.place.label == "Madrid"
    assert meeting.date == dt.date(2022, 1, 10)
    assert {p.label for p in meeting.participants} == {"Olaf Scholz", "Emmanuel Macron"}
