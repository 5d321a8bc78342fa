"""Clauses around a fact: a relative clause whose antecedent is the subject ("X, which is now a member
of Y"), and a coordinated clause whose negation is its own ("wants to join … but has no candidate
status"), in German and English sentences of our own."""

from __future__ import annotations

import pytest
from test_facts_phrasings import relations


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the antecedent before ", which / das …" is the relative clause's subject
        (
            "en",
            "Poland signed a gas deal with Norway, which is now a member of NATO.",
            {("Norway", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        (
            "en",
            "France held talks in April with Finland, which is currently a member of the European Union.",
            {("Finland", "MEMBER_OF", "European Union", "Positive", "Asserted")},
        ),
        (
            "en",
            "Poland signed a gas deal with Norway, which is not a member of the European Union.",
            {("Norway", "MEMBER_OF", "European Union", "Negative", "Asserted")},
        ),
        (
            "de",
            "Polen unterzeichnete ein Gasabkommen mit Finnland, das inzwischen Mitglied der NATO ist.",
            {("Finland", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
        (
            "de",
            "Frankreich verhandelte im April mit Norwegen, das nun Mitglied der NATO ist.",
            {("Norway", "MEMBER_OF", "NATO", "Positive", "Asserted")},
        ),
    ],
)
def test_relative_clause_subject_is_its_antecedent(
    lang: str, text: str, expected: set[tuple[str, str, str, str, str]]
) -> None:
    assert relations(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "NATO met in Brussels. Ukraine still hopes to join the alliance but has no formal "
            "candidate status.",
            {
                ("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Intended"),
                ("Ukraine", "CANDIDATE_FOR", "NATO", "Negative", "Asserted"),
            },
        ),
        (
            "en",
            "Georgia wants to join the European Union but has no candidate status yet.",
            {
                ("Georgia", "CANDIDATE_FOR", "European Union", "Positive", "Intended"),
                ("Georgia", "CANDIDATE_FOR", "European Union", "Negative", "Asserted"),
            },
        ),
        (
            "de",
            "Die NATO tagte in Brüssel. Die Ukraine strebt seit Jahren in das Bündnis, hat aber keinen "
            "formellen Kandidatenstatus.",
            {
                ("Ukraine", "CANDIDATE_FOR", "NATO", "Positive", "Intended"),
                ("Ukraine", "CANDIDATE_FOR", "NATO", "Negative", "Asserted"),
            },
        ),
        # a negation in the first clause stays its own
        (
            "en",
            "Sweden does not want to join the European Union but is a partner of NATO.",
            {
                ("Sweden", "CANDIDATE_FOR", "European Union", "Negative", "Intended"),
                ("Sweden", "PARTNER_OF", "NATO", "Positive", "Asserted"),
            },
        ),
    ],
)
def test_negation_of_a_coordinated_clause_stays_in_it(
    lang: str, text: str, expected: set[tuple[str, str, str, str, str]]
) -> None:
    assert relations(text, lang) == expected
