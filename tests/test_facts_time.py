"""Time expressions in each form, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kg.facts.lang import RULES
from kg.facts.time import find_times

FRIDAY = dt.date(2022, 1, 7)


def resolve(text: str, published: dt.date | None = FRIDAY) -> list[dt.date]:
    words = text.lower().replace(",", " ").replace(".", " ").split()
    lang = "en" if re.search(r"\b(?:the|they|will|may|tomorrow)\b", text, re.I) else "de"
    return [t.date for t in find_times(text, 0, published, words, RULES[lang])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Gespräche beginnen am 10. Januar 2022 in Genf.", dt.date(2022, 1, 10)),
        ("The talks begin on January 10, 2022 in Geneva.", dt.date(2022, 1, 10)),
        ("The talks begin on 10 January 2022 in Geneva.", dt.date(2022, 1, 10)),
        ("Beginn: 2022-01-10.", dt.date(2022, 1, 10)),
        ("Die Frist endet am 10.01.2022.", dt.date(2022, 1, 10)),
        ("Das Treffen ist für den 3. Februar geplant.", dt.date(2022, 2, 3)),
        ("The meeting is set for Feb. 3.", dt.date(2022, 2, 3)),
        ("Der Gipfel fand am 20. Dezember statt.", dt.date(2021, 12, 20)),
        ("Heute beraten die Minister.", FRIDAY),
        ("Gestern sagte der Minister wenig.", dt.date(2022, 1, 6)),
        ("Tomorrow the ministers meet again.", dt.date(2022, 1, 8)),
    ],
)
def test_date_forms(text: str, expected: dt.date) -> None:
    assert resolve(text) == [expected]


def test_weekday_ahead_for_upcoming_events() -> None:
    assert resolve("Die Reihe der Treffen beginnt am Montag in Genf.") == [dt.date(2022, 1, 10)]
    assert resolve("The envoys will meet on Tuesday.") == [dt.date(2022, 1, 11)]


def test_weekday_back_in_past_tense() -> None:
    assert resolve("Der Minister sagte am Montag, er sei zufrieden.") == [dt.date(2022, 1, 3)]
    assert resolve("The envoys met on Tuesday in Vienna.") == [dt.date(2022, 1, 4)]


def test_weekday_of_publication_is_that_day() -> None:
    assert resolve("Der Minister sagte am Freitag, er sei zufrieden.") == [FRIDAY]
    assert resolve("The talks begin on Friday.") == [FRIDAY]


def test_explicit_next_and_last() -> None:
    assert resolve("Sie treffen sich am nächsten Freitag.") == [dt.date(2022, 1, 14)]
    assert resolve("They met last Friday.") == [dt.date(2021, 12, 31)]


def test_a_weekday_planned_for_is_the_one_to_come_even_in_the_past_tense() -> None:
    assert resolve("Der für Dienstag geplante Gipfel wurde abgesagt.") == [dt.date(2022, 1, 11)]
    assert resolve("The summit planned for Tuesday was called off.") == [dt.date(2022, 1, 11)]
    assert resolve("Der für Freitag geplante Gipfel wurde abgesagt.") == [FRIDAY]
    assert resolve("Der Gipfel fand am Dienstag statt.") == [dt.date(2022, 1, 4)]


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve("Die Gespräche beginnen am Montag.", published=None) == []
    assert resolve("Die Gespräche beginnen am 10. Januar 2022.", published=None) == [dt.date(2022, 1, 10)]


def test_may_the_verb_is_no_month() -> None:
    assert resolve("Sweden may apply for membership.") == []
    assert resolve("Der Morgen war kalt.") == []


def test_the_tense_of_the_time_expressions_own_clause() -> None:
    # the sentence is about the future, the clause with "am Montag" about the past
    assert resolve("Die Gespräche, die am Montag begannen, werden fortgesetzt.") == [dt.date(2022, 1, 3)]
    assert resolve("Stoltenberg, der am Montag in Genf zusammenkam, wird sprechen.") == [dt.date(2022, 1, 3)]
    # a participle without a finite verb does not make a clause past
    assert resolve("NATO will meet on Wednesday, followed by talks on Thursday.") == [
        dt.date(2022, 1, 12),
        dt.date(2022, 1, 13),
    ]


@pytest.mark.parametrize(
    ("words", "tense"),
    [
        ("Scholz ist am Dienstag in Vilnius eingetroffen", "past"),  # Perfekt
        ("Sie haben sich in Paris getroffen", "past"),
        ("Das Treffen ist für Montag geplant", "future"),  # a state passive of what is to come
        ("Die Gespräche sind für Dienstag angesetzt", "future"),
        ("Er ist Partner der NATO", None),
    ],
)
def test_german_perfect_is_past_and_planned_is_future(words: str, tense: str | None) -> None:
    from kg.facts.time import tense_of

    assert tense_of(words.split(), RULES["de"]) == tense
