"""Phrasings beyond the first test article, German and English, each in sentences of our own with
hand-built mentions: a second predicate of the subject, a person demanding for their country, the
noun "Aufnahme", striving into an organisation, wire-service role nouns for speakers."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib

import pytest
from texts.lexicon import (
    EU,
    EU_COMMISSION,
    GEORGIA,
    SURFACES,
    UKRAINE,
    USA,
    TinyKb,
    hand_mentions,
)

from kg.facts import extract_facts
from kg.model import Document, Entity, EntityKind, Extraction
from kg.nlp import NlpPipeline
from kg.pipeline import load_pipeline

PUBLISHED = dt.date(2023, 3, 15)  # a Wednesday
ZELENSKY = Entity("Volodymyr Zelenskyy", EntityKind.PERSON, "Q3874799")
BLINKEN = Entity("Antony Blinken", EntityKind.PERSON, "Q7821917")
KOBACHIDSE = Entity("Irakli Kobachidse", EntityKind.PERSON)  # a NIL person
MORE = {
    **SURFACES,
    "Wolodymyr Selenskyj": ZELENSKY,
    "Selenskyj": ZELENSKY,
    "Volodymyr Zelensky": ZELENSKY,
    "Zelensky": ZELENSKY,
    "Antony Blinken": BLINKEN,
    "Blinken": BLINKEN,
    "Irakli Kobachidse": KOBACHIDSE,
    "ukrainische": UKRAINE,
    "Ukrainian": UKRAINE,
    "georgische": GEORGIA,
    "Georgian": GEORGIA,
    "Europäischen Union": EU,
    "Europäische Union": EU,
    "Europäische Kommission": EU_COMMISSION,
    "European Union": EU,
    "U.S.": USA,
    "Turkey": Entity("Turkey", EntityKind.COUNTRY, "Q43"),
    "PARIS": Entity("Paris", EntityKind.PLACE, "Q90"),
    "indischen": Entity("India", EntityKind.COUNTRY, "Q668"),
    "Ungarn": Entity("Hungary", EntityKind.COUNTRY, "Q28"),
}


@functools.cache
def pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def extract(text: str, lang: str) -> Extraction:
    doc = Document("p", text, lang, "case", hashlib.sha256(text.encode()).hexdigest(), published=PUBLISHED)
    return extract_facts(doc, pipeline(lang).analyse(doc), hand_mentions(text, MORE), TinyKb())


def relations(text: str, lang: str) -> set[tuple[str, str, str, str, str]]:
    return {
        (f.subject.label, f.predicate.name, f.object.label, f.polarity.value, f.modality.value)
        for f in extract(text, lang).facts
        if f.predicate.name != "HOLDS_POSITION"
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a second predicate of the same subject, further back than a noun usually reaches
        (
            "en",
            "Finland has for many decades been a close and reliable partner of NATO "
            "but is still not a member.",
            {
                ("Finland", "PARTNER_OF", "NATO", "Positive", "Asserted"),
                ("Finland", "MEMBER_OF", "NATO", "Negative", "Asserted"),
            },
        ),
        # ... but not across a verb that is no copula
        ("en", "Russia has for many years threatened the NATO members.", set()),
        # a person with a country's office demands, applies or intends for that country
        (
            "de",
            "Der georgische Regierungschef Irakli Kobachidse hat am Dienstag erneut den Beitritt zur "
            "Europäischen Union gefordert.",
            {("Georgia", "CANDIDATE_FOR", "European Union", "Positive", "Demanded")},
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky on Tuesday again called for swift membership of NATO.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Demanded")},
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky says his country wants to join the European Union.",
            {("Ukraine", "CANDIDATE_FOR", "European Union", "Positive", "Intended")},
        ),
        # a person with an organisation's office is no candidate
        ("en", "NATO chief Jens Stoltenberg wants to talk about membership.", set()),
        # the noun "Aufnahme" with its "in", the candidate in the genitive or before it
        (
            "de",
            "Polen unterstützt die Aufnahme der Ukraine in die NATO.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Asserted")},
        ),
        (
            "de",
            "Schweden hofft auf eine rasche Aufnahme in die NATO.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Intended")},
        ),
        ("de", "Polen kritisiert die Aufnahme von Flüchtlingen in Deutschland.", set()),
        # striving into an organisation
        (
            "de",
            "Georgien strebt seit vielen Jahren in die NATO.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Intended")},
        ),
        (
            "de",
            "Die Ukraine drängt in die Europäische Union.",
            {("Ukraine", "CANDIDATE_FOR", "European Union", "Positive", "Intended")},
        ),
        # demands and intentions in other words
        (
            "de",
            "Finnland hat den Beitritt zur NATO verlangt.",
            {("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Demanded")},
        ),
        (
            "en",
            "Georgia urged NATO to grant it membership.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Demanded")},
        ),
        # "the country", "das Land", a possessive: the country named before, or the person's country
        (
            "en",
            "Georgia sent troops to NATO missions. Officials say its membership bid is not on the agenda.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Negative", "Intended")},
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky met Olaf Scholz. He said his country hopes to join "
            "NATO soon.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Intended")},
        ),
        (
            "de",
            "Die Präsidentin von Polen lobte Finnland. Der NATO will das neutrale Land aber nicht beitreten.",
            {("Finland", "CANDIDATE_FOR", "NATO", "Negative", "Intended")},
        ),
        # a second predicate of the sentence's subject
        (
            "de",
            "Georgien hat die Mitgliedschaft in der NATO beantragt und ist seit Jahren offiziell "
            "Beitrittskandidat.",
            {
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Applied"),
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Asserted"),
            },
        ),
        (
            "de",
            "Polen hat Truppen in die Ukraine geschickt und ist ein NATO-Mitglied.",
            {
                ("Poland", "MEMBER_OF", "NATO", "Positive", "Asserted"),
            },
        ),
        # an active verb of protection: the country after it
        (
            "en",
            "Article 5 of the treaty does not yet cover Finland, NATO said.",
            {("Finland", "COVERED_BY", "Article 5", "Negative", "Asserted")},
        ),
        (
            "de",
            "Artikel 5 schützt die Ukraine nicht.",
            {("Ukraine", "COVERED_BY", "Artikel 5", "Negative", "Asserted")},
        ),
        (
            "de",
            "Die Verbündeten wollen Polen abschrecken und sich gegenseitig nach Artikel 5 schützen.",
            set(),
        ),
        (
            "en",
            "Sweden's bid to join NATO stalled.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Intended")},
        ),
        # another party's "not" or rejection is not the candidate's: it rejects the candidacy
        (
            "en",
            "Turkey would not approve Sweden's membership of NATO.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Denied")},
        ),
        (
            "de",
            "Ungarn will einen Beitritt der Ukraine zur EU nicht unterstützen.",
            {("Ukraine", "CANDIDATE_FOR", "European Union", "Positive", "Denied")},
        ),
        (
            "en",
            "Russia rejected Finland's accession to NATO.",
            {("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Denied")},
        ),
        (
            "en",
            "Finland's membership of NATO is not possible.",
            {("Finland", "CANDIDATE_FOR", "NATO", "Negative", "Asserted")},
        ),
        # asking is applying; pressing for an invitation is no invitation yet
        (
            "en",
            "Ukraine has asked to join NATO.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Applied")},
        ),
        (
            "de",
            "Georgien bat um die Aufnahme in die NATO.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Applied")},
        ),
        (
            "en",
            "Georgia keeps pressing for an invitation from NATO.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Demanded")},
        ),
        # a month is no modal verb
        (
            "en",
            "Finland and Sweden applied for membership of the alliance last May. NATO welcomed it.",
            {
                ("Finland", "CANDIDATE_FOR", "NATO", "Positive", "Applied"),
                ("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Applied"),
            },
        ),
        # "kein Mitglied" without the organisation: the one the text is about
        (
            "de",
            "Die NATO berät in Brüssel. Georgien sei kein Mitglied, sagte Scholz.",
            {("Georgia", "MEMBER_OF", "NATO", "Negative", "Asserted")},
        ),
        (
            "de",
            "Polen ist Mitglied des Sicherheitsrats der NATO.",
            {("Poland", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        # "unter den Schutz von Artikel 5 fallen", "fällt unter Artikel 5"
        (
            "de",
            "Die NATO tagte. Die Ukraine kann nicht unter den Schutz von Artikel 5 fallen.",
            {("Ukraine", "COVERED_BY", "Artikel 5", "Negative", "Asserted")},
        ),
        (
            "de",
            "Die NATO tagte. Finnland fällt seit April unter Artikel 5.",
            {("Finland", "COVERED_BY", "Artikel 5", "Positive", "Asserted")},
        ),
        (
            "de",
            "Die NATO tagte. Georgien fällt bisher nicht unter Artikel 5.",
            {("Georgia", "COVERED_BY", "Artikel 5", "Negative", "Asserted")},
        ),
        # a relative clause between the subject and its predicate
        (
            "en",
            "NATO met. Georgia, which borders Russia, received candidate status in 2022.",
            {
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Asserted"),
                ("Georgia", "SHARES_BORDER_WITH", "Russia", "Positive", "Asserted"),
            },
        ),
        (
            "de",
            "Auch Georgien strebt in die NATO, hat aber bislang keinen Kandidatenstatus erhalten.",
            {
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Intended"),
                ("Georgia", "CANDIDATE_FOR", "NATO", "Negative", "Asserted"),
            },
        ),
        # "beide Länder", "both countries"; a second predicate after a comma ("…, sind aber …")
        (
            "de",
            "Norwegen und Schweden berieten. Beide Länder waren lange neutral, sind aber enge "
            "Partner der NATO.",
            {
                ("Norway", "PARTNER_OF", "NATO", "Positive", "Asserted"),
                ("Sweden", "PARTNER_OF", "NATO", "Positive", "Asserted"),
            },
        ),
        (
            "en",
            "The French president met the Indian prime minister. Both countries are close partners of NATO.",
            {
                ("France", "PARTNER_OF", "NATO", "Positive", "Asserted"),
                ("India", "PARTNER_OF", "NATO", "Positive", "Asserted"),
            },
        ),
        # borders in other words
        (
            "de",
            "Polen, das eine lange Grenze mit der Ukraine teilt, schickt Hilfe.",
            {("Poland", "SHARES_BORDER_WITH", "Ukraine", "Positive", "Asserted")},
        ),
        (
            "en",
            "Finland has a 1,300-kilometre border with Russia.",
            {("Finland", "SHARES_BORDER_WITH", "Russia", "Positive", "Asserted")},
        ),
        ("de", "Polen schickt Truppen an die Grenze zu Belarus.", set()),
        # accession talks with a country
        (
            "de",
            "Die NATO will Beitrittsverhandlungen mit Georgien und der Ukraine aufnehmen.",
            {  # NATO's will, not the candidates'
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Asserted"),
                ("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Asserted"),
            },
        ),
        (
            "en",
            "The European Union opened accession talks with Ukraine.",
            {("Ukraine", "CANDIDATE_FOR", "European Union", "Positive", "Asserted")},
        ),
        # an organisation set against the object: the opposite polarity
        (
            "en",
            "Sweden is a member of the European Union but not of NATO.",
            {
                ("Sweden", "MEMBER_OF", "European Union", "Positive", "Asserted"),
                ("Sweden", "MEMBER_OF", "NATO", "Negative", "Asserted"),
            },
        ),
        (
            "de",
            "Schweden ist Mitglied der Europäischen Union, aber nicht der NATO.",
            {
                ("Sweden", "MEMBER_OF", "European Union", "Positive", "Asserted"),
                ("Sweden", "MEMBER_OF", "NATO", "Negative", "Asserted"),
            },
        ),
        # a member or partner of something that is no organisation
        ("en", "NATO met. Germany is not a member of the coalition.", set()),
        ("de", "Die NATO tagte. Polen ist ein enger Partner der Ukraine.", set()),
        (
            "de",
            "Die NATO tagte. Russland lehnt den Beitritt der Ukraine ab.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Denied")},
        ),
        # giving an aim up negates; never giving it up affirms
        (
            "en",
            "NATO met. Georgia gave up its bid to join the alliance.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Negative", "Intended")},
        ),
        (
            "de",
            "Die NATO tagte. Georgien werde das Ziel eines NATO-Beitritts niemals aufgeben.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Asserted")},
        ),
        # the candidate's own head of government ruling it out; a verb-final border; "ebenfalls kein"
        (
            "de",
            "Bundeskanzler Olaf Scholz hat einen NATO-Beitritt Schwedens ausgeschlossen.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Denied")},
        ),
        (
            "de",
            "Polen, das an die Ukraine grenzt, ist ebenfalls Mitglied der NATO.",
            {
                ("Poland", "SHARES_BORDER_WITH", "Ukraine", "Positive", "Asserted"),
                ("Poland", "MEMBER_OF", "NATO", "Positive", "Asserted"),
            },
        ),
        (
            "en",
            "NATO met. Sweden ruled out joining the alliance.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Negative", "Denied")},
        ),
        # becoming a member is a candidacy; having become one is membership
        (
            "en",
            "NATO met. Ukraine will one day become a member of the alliance.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Asserted")},
        ),
        (
            "de",
            "Die NATO tagte. Die Ukraine soll eines Tages Mitglied der NATO werden.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Asserted")},
        ),
        (
            "en",
            "Finland became a member of NATO in April.",
            {("Finland", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        # invited to attend is no candidacy; an organisation without KB members is still joinable
        ("en", "NATO met. India was invited as a guest.", set()),
        ("en", "NATO met. Georgia was invited to the summit.", set()),
        # admitting into an organisation: a candidacy; admitted: membership; to be admitted: a candidacy
        (
            "de",
            "Polen forderte erneut, die Ukraine rasch in die NATO aufzunehmen.",
            {("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Demanded")},
        ),
        (
            "de",
            "Finnland wurde im April in die NATO aufgenommen.",
            {("Finland", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        (
            "de",
            "Schweden soll bald in die NATO aufgenommen werden.",
            {("Sweden", "CANDIDATE_FOR", "NATO", "Positive", "Asserted")},
        ),
        # "as a full member", "als vollwertiges Mitglied"
        (
            "en",
            "NATO ministers met, the first meeting with Sweden as a full member.",
            {("Sweden", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        (
            "de",
            "Die NATO tagte erstmals mit Schweden als vollwertiges Mitglied.",
            {("Sweden", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        # a relative clause holding a list, the subject before it further back than a noun reaches
        (
            "en",
            "Georgia, which borders Russia, Poland, Finland and Norway, has been a NATO partner since 1994 "
            "but is not a member of the alliance.",
            {
                ("Georgia", "SHARES_BORDER_WITH", "Russia", "Positive", "Asserted"),
                ("Georgia", "SHARES_BORDER_WITH", "Poland", "Positive", "Asserted"),
                ("Georgia", "SHARES_BORDER_WITH", "Finland", "Positive", "Asserted"),
                ("Georgia", "SHARES_BORDER_WITH", "Norway", "Positive", "Asserted"),
                ("Georgia", "PARTNER_OF", "NATO", "Positive", "Asserted"),
                ("Georgia", "MEMBER_OF", "NATO", "Negative", "Asserted"),
            },
        ),
        # joining something that is no organisation
        ("en", "NATO met. Georgia refused to join Western sanctions against Russia.", set()),
        (
            "en",
            "NATO met. Georgia wants to join soon.",
            {("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Intended")},
        ),
        # coordinated organisations
        (
            "en",
            "Poland is a member of both NATO and the European Union.",
            {
                ("Poland", "MEMBER_OF", "NATO", "Positive", "Asserted"),
                ("Poland", "MEMBER_OF", "European Union", "Positive", "Asserted"),
            },
        ),
        (
            "de",
            "Polen ist Mitglied der NATO und der Europäischen Union.",
            {
                ("Poland", "MEMBER_OF", "NATO", "Positive", "Asserted"),
                ("Poland", "MEMBER_OF", "European Union", "Positive", "Asserted"),
            },
        ),
        # no organisation near the word: the one named earlier in the sentence, not the text's topic
        (
            "en",
            "The European Union sent aid. Georgia applied to join NATO last year, but the members are "
            "still divided over whether the country should ever be invited.",
            {
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Applied"),
                ("Georgia", "CANDIDATE_FOR", "NATO", "Positive", "Invited"),
            },
        ),
    ],
)
def test_relation_phrasing(lang: str, text: str, expected: set[tuple[str, str, str, str, str]]) -> None:
    assert relations(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            'U.S. Secretary of State Antony Blinken arrived in Brussels. "We will stand with our allies '
            'for as long as it takes," the Secretary of State told reporters.',
            "Antony Blinken",
        ),
        (
            "en",
            'German Chancellor Olaf Scholz flew to Paris. "Europe has to take more responsibility for its '
            'own security," the chancellor said.',
            "Olaf Scholz",
        ),
        (
            "de",
            "Bundeskanzler Olaf Scholz reiste nach Paris. „Europa muss mehr Verantwortung für die eigene "
            "Sicherheit übernehmen“, sagte der Kanzler.",
            "Olaf Scholz",
        ),
    ],
)
def test_role_noun_speaker(lang: str, text: str, speaker: str) -> None:
    (quotation,) = extract(text, lang).quotations
    assert quotation.speaker is not None and quotation.speaker.label == speaker


def test_person_country_never_makes_a_member_or_partner() -> None:
    text = "Der ukrainische Präsident Wolodymyr Selenskyj ist ein enger Partner der NATO."
    assert relations(text, "de") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "According to a government spokesperson, Olaf Scholz will travel to Paris."),
        ("de", "Laut einem Sprecher der Regierung, Olaf Scholz reist nach Paris."),
    ],
)
def test_no_office_from_an_unrelated_title(lang: str, text: str) -> None:
    assert [f for f in extract(text, lang).facts if f.predicate.name == "HOLDS_POSITION"] == []


def test_no_speaker_from_what_was_spoken_of() -> None:
    text = "Russia, which borders Georgia, has repeatedly warned against NATO enlargement."
    (fact,) = [f for f in extract(text, "en").facts if f.predicate.name == "SHARES_BORDER_WITH"]
    assert fact.subject.label == "Russia" and fact.object.label == "Georgia" and fact.attributed_to is None


def test_office_after_a_preposition_is_still_the_persons() -> None:
    text = "Olaf Scholz sprach mit der Präsidentin der Europäischen Kommission, Ursula von der Leyen, in Rom."
    offices = {(f.subject.label, f.object.label) for f in extract(text, "de").facts}
    assert offices == {("Ursula von der Leyen", "President of the European Commission")}


def test_a_council_is_no_meeting() -> None:
    text = "Der Russland-NATO-Rat warnte in Brüssel vor neuen Sanktionen."
    assert extract(text, "de").meetings == ()


@pytest.mark.parametrize(
    ("lang", "text", "participants"),
    [
        # a description as the subject after the verb: the person last named
        (
            "de",
            "Olaf Scholz reiste nach Paris. Am Mittwoch traf der SPD-Politiker den Präsidenten "
            "Emmanuel Macron.",
            {"Olaf Scholz", "Emmanuel Macron"},
        ),
        # a description with a country, taken up by a pronoun: the person with that country's office,
        # not the person named last
        (
            "en",
            "U.S. Secretary of State Antony Blinken spoke in Brussels. Olaf Scholz stayed in Berlin. "
            "The top U.S. diplomat will travel to Paris on Thursday, where he is due to meet "
            "Emmanuel Macron.",
            {"Antony Blinken", "Emmanuel Macron"},
        ),
        # an apposition names the person: no description to resolve
        (
            "de",
            "Jens Stoltenberg sprach in Brüssel. Die Präsidentin der Europäischen Kommission, Ursula von der "
            "Leyen, trifft am Montag in Madrid die Regierungschefs der Region.",
            {"Ursula von der Leyen"},
        ),
    ],
)
def test_meeting_participant_described(lang: str, text: str, participants: set[str]) -> None:
    (meeting,) = [m for m in extract(text, lang).meetings if m.participants]
    assert {p.label for p in meeting.participants} == participants


def test_noun_in_the_clause_does_not_make_it_future() -> None:
    # "Treffen" is a noun, not the verb "treffen": the clause is in the past, Monday is the one before
    text = "Scholz gab am Montag nach einem Treffen mit Emmanuel Macron in Paris seinen Widerstand auf."
    (meeting,) = extract(text, "de").meetings
    assert (
        meeting.date == dt.date(2023, 3, 13) and meeting.place is not None and meeting.place.label == "Paris"
    )


def test_separable_meeting_verb_far_apart() -> None:
    text = (
        "Am Freitag kommt Olaf Scholz in Madrid mit den Staats- und Regierungschefs der Europäischen "
        "Union zusammen."
    )
    (meeting,) = extract(text, "de").meetings
    assert (
        meeting.date == dt.date(2023, 3, 17) and meeting.place is not None and meeting.place.label == "Madrid"
    )
    # the EU's leaders meet him: the organisation whose people meet is a participant (meetings v3)
    assert [p.label for p in meeting.participants] == ["Olaf Scholz", "European Union"]


@pytest.mark.parametrize(
    ("lang", "text", "place", "participants", "date"),
    [
        # a visit gives its place to the meeting of the next sentence
        (
            "de",
            "Olaf Scholz hat bei einem Besuch in Madrid Hilfe zugesagt. Am Montag traf der Kanzler "
            "den Präsidenten Emmanuel Macron.",
            "Madrid",
            {"Olaf Scholz", "Emmanuel Macron"},
            dt.date(2023, 3, 13),
        ),
        # the infinitive "treffen" (lower case: "Treffen" is the noun) with a pronoun for the visitor
        (
            "de",
            "Olaf Scholz reiste nach Madrid. Am Donnerstag will er in Madrid Emmanuel Macron treffen.",
            "Madrid",
            {"Olaf Scholz", "Emmanuel Macron"},
            dt.date(2023, 3, 16),
        ),
        # a place before the noun names where the gathering is
        (
            "en",
            "Olaf Scholz and Emmanuel Macron will attend the Madrid summit on Friday.",
            "Madrid",
            {"Olaf Scholz", "Emmanuel Macron"},
            dt.date(2023, 3, 17),
        ),
        # talking with someone, a body conferring
        (
            "de",
            "Olaf Scholz hatte am Dienstag in Paris mit Emmanuel Macron gesprochen.",
            "Paris",
            {"Olaf Scholz", "Emmanuel Macron"},
            dt.date(2023, 3, 14),
        ),
        (
            "en",
            "Olaf Scholz spoke with Emmanuel Macron in Berlin on Monday.",
            "Berlin",
            {"Olaf Scholz", "Emmanuel Macron"},
            dt.date(2023, 3, 13),
        ),
        (
            "de",
            "Die EU-Außenminister wollen am 20. März in Brüssel beraten.",
            "Brussels",
            {"European Union"},
            dt.date(2023, 3, 20),
        ),
    ],
)
def test_meeting_phrasing(lang: str, text: str, place: str, participants: set[str], date: dt.date) -> None:
    (meeting,) = extract(text, lang).meetings
    assert meeting.place is not None and meeting.place.label == place
    assert {p.label for p in meeting.participants} == participants and meeting.date == date


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Olaf Scholz hat in Berlin mit Journalisten gesprochen."),  # one person: no meeting
        ("de", "Olaf Scholz hatte in Berlin mit Emmanuel Macron telefoniert."),  # a call is no meeting
        ("de", "Polen und Frankreich beraten seit Monaten über Rüstung."),  # conferring, but nowhere
        ("en", "Olaf Scholz spoke with reporters in Berlin."),
        ("de", "Olaf Scholz hat bei einem Besuch in Madrid Hilfe zugesagt."),  # a visit nobody is met at
        ("de", "In den vergangenen Tagen war Olaf Scholz in Berlin und Emmanuel Macron in Paris."),
    ],
)
def test_no_meeting_phrasing(lang: str, text: str) -> None:
    assert extract(text, lang).meetings == ()


def test_pronoun_after_the_fact_means_the_person_before_the_verb() -> None:
    text = (
        "Olaf Scholz spoke in Berlin. Indian Prime Minister Narendra Modi, whose country borders Russia, "
        "said he wants closer ties."
    )
    (fact,) = [f for f in extract(text, "en").facts if f.predicate.name == "SHARES_BORDER_WITH"]
    assert fact.attributed_to is not None and fact.attributed_to.label == "Narendra Modi"


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("en", 'Jens Stoltenberg welcomed the decision as "a truly historic step."', "Jens Stoltenberg"),
        (
            "de",
            "Jens Stoltenberg bezeichnete die Entscheidung als „einen historischen Schritt“.",
            "Jens Stoltenberg",
        ),
    ],
)
def test_quotation_framed_as_a_description(lang: str, text: str, speaker: str) -> None:
    (quotation,) = extract(text, lang).quotations
    assert quotation.speaker is not None and quotation.speaker.label == speaker


def test_one_joins_an_organisation_with_members_not_its_commission() -> None:
    from kg.kb import load_knowledge_base

    text = (
        "Die Europäische Union berät. Die Europäische Kommission empfahl am Mittwoch "
        "Beitrittsverhandlungen mit der Ukraine."
    )
    doc = Document("j", text, "de", "case", hashlib.sha256(text.encode()).hexdigest(), published=PUBLISHED)
    found = extract_facts(doc, pipeline("de").analyse(doc), hand_mentions(text, MORE), load_knowledge_base())
    assert {(f.subject.qid, f.object.qid) for f in found.facts} == {("Q212", "Q458")}


def test_a_capital_stands_for_its_country() -> None:
    from kg.kb import load_knowledge_base

    kyiv = Entity("Kyiv", EntityKind.PLACE, "Q1899")
    text = "NATO met in Brussels. Kyiv wants to join the alliance, officials in Kyiv said."
    doc = Document("k", text, "en", "case", hashlib.sha256(text.encode()).hexdigest(), published=PUBLISHED)
    mentions = hand_mentions(text, {**MORE, "Kyiv": kyiv})
    found = extract_facts(doc, pipeline("en").analyse(doc), mentions, load_knowledge_base())
    assert {(f.subject.qid, f.predicate.name, f.object.qid) for f in found.facts} == {
        ("Q212", "CANDIDATE_FOR", "Q7184")
    }


def test_dateline_is_the_place_of_a_meeting_without_one() -> None:
    text = (
        "Summit ends\n\nPARIS, March 14 - Leaders met for two days. Olaf Scholz met Narendra Modi on the "
        "sidelines on Tuesday."
    )
    (meeting,) = extract(text, "en").meetings
    assert meeting.place is not None and meeting.place.label == "Paris"
    assert {p.label for p in meeting.participants} == {"Olaf Scholz", "Narendra Modi"}


def test_role_noun_with_a_country_means_that_countrys_office_holder() -> None:
    text = (
        "Der französische Präsident Emmanuel Macron empfing den indischen Präsidenten Narendra Modi. "
        "„Wir stehen zusammen an der Seite der Ukraine“, sagte der französische Präsident."
    )
    (quotation,) = extract(text, "de").quotations
    assert quotation.speaker is not None and quotation.speaker.label == "Emmanuel Macron"


def test_an_english_adjective_of_nationality_before_a_noun_is_no_subject() -> None:
    from kg.kb import load_knowledge_base

    finnish = Entity("Finland", EntityKind.COUNTRY, "Q33")
    text = "NATO met. A Finnish diplomat said membership was close. Finland wants to join soon."
    doc = Document("f", text, "en", "case", hashlib.sha256(text.encode()).hexdigest(), published=PUBLISHED)
    mentions = hand_mentions(text, {**MORE, "Finnish": finnish})
    found = extract_facts(doc, pipeline("en").analyse(doc), mentions, load_knowledge_base())
    assert [(f.subject.qid, f.sentence) for f in found.facts] == [("Q33", 2)]

