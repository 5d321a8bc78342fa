"""The factuality model, sentence by sentence. Another party's stance on a candidacy, one model for
active and passive sentences: opposition, negation and giving up each turn the stance over ("did not
block" denies nothing, "has not lifted its veto" still denies); a party acting on a candidacy is no
candidate. Negation scope and contrast: "neither … nor" after the noun, "not X but Y" / "nicht X,
sondern Y". Read in-process (blank pipeline, bundled KB), asserted on exact fact sets."""

from __future__ import annotations

import pytest
from _analysis_support import analyse_text

from kg.model import Predicate

SWEDEN, ALBANIA, NATO, EU = "Q34", "Q222", "Q7184", "Q458"


def _facts(text: str, lang: str) -> set[tuple[str, Predicate, str, str, str]]:
    result = analyse_text(text, lang, "2024-03-01", "stance")
    return {
        (
            f.subject.qid or f.subject.key,
            f.predicate,
            f.object.qid or f.object.key,
            f.polarity.name,
            f.modality.name,
        )
        for f in result.facts
    }


def _candidacies(text: str, lang: str) -> set[tuple[str, str, str, str]]:
    return {
        (s, o, p, m) for s, predicate, o, p, m in _facts(text, lang) if predicate is Predicate.CANDIDATE_FOR
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # active: the other party named before the noun phrase
        ("en", "Turkey blocked Sweden's membership of NATO.", (SWEDEN, NATO, "POSITIVE", "DENIED")),
        ("en", "Turkey would not approve Sweden's membership of NATO.", (SWEDEN, NATO, "POSITIVE", "DENIED")),
        ("en", "Turkey did not block Sweden's membership of NATO.", (SWEDEN, NATO, "POSITIVE", "ASSERTED")),
        (
            "en",
            "Turkey has lifted its veto on Sweden's membership of NATO.",
            (SWEDEN, NATO, "POSITIVE", "ASSERTED"),
        ),
        (
            "en",
            "Turkey has not lifted its veto on Sweden's membership of NATO.",
            (SWEDEN, NATO, "POSITIVE", "DENIED"),
        ),
        ("de", "Die Türkei blockiert den Beitritt Schwedens zur NATO.", (SWEDEN, NATO, "POSITIVE", "DENIED")),
        (
            "de",
            "Die Türkei blockiert den Beitritt Schwedens zur NATO nicht.",
            (SWEDEN, NATO, "POSITIVE", "ASSERTED"),
        ),
        # passive: the noun phrase is the subject, the other party its agent
        ("en", "Albania's EU membership bid was blocked by Greece.", (ALBANIA, EU, "POSITIVE", "DENIED")),
        (
            "en",
            "Albania's EU membership bid was not blocked by Greece.",
            (ALBANIA, EU, "POSITIVE", "INTENDED"),
        ),
        ("en", "Albania's EU membership bid was welcomed by Greece.", (ALBANIA, EU, "POSITIVE", "INTENDED")),
        (
            "de",
            "Der Beitritt Albaniens zur EU wurde von Griechenland blockiert.",
            (ALBANIA, EU, "POSITIVE", "DENIED"),
        ),
        (
            "de",
            "Der Beitritt Albaniens zur EU wurde von Griechenland nicht blockiert.",
            (ALBANIA, EU, "POSITIVE", "ASSERTED"),
        ),
    ],
)
def test_another_partys_stance(lang: str, text: str, expected: tuple[str, str, str, str]) -> None:
    found = _candidacies(text, lang)
    assert {c for c in found if c[0] == expected[0]} == {expected}, found


SERBIA, SWITZERLAND, POLAND, UKRAINE, EFTA = "Q403", "Q39", "Q36", "Q212", "Q166546"
MEMBER, CANDIDATE = Predicate.MEMBER_OF, Predicate.CANDIDATE_FOR


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Serbia is a member of neither the EU nor NATO.",
            {(SERBIA, MEMBER, EU, "NEGATIVE"), (SERBIA, MEMBER, NATO, "NEGATIVE")},
        ),
        (
            "de",
            "Serbien ist Mitglied weder der EU noch der NATO.",
            {(SERBIA, MEMBER, EU, "NEGATIVE"), (SERBIA, MEMBER, NATO, "NEGATIVE")},
        ),
        (
            "en",
            "Switzerland is not a member of the EU but of EFTA.",
            {(SWITZERLAND, MEMBER, EU, "NEGATIVE"), (SWITZERLAND, MEMBER, EFTA, "POSITIVE")},
        ),
        (
            "de",
            "Die Schweiz ist nicht Mitglied der EU, sondern der EFTA.",
            {(SWITZERLAND, MEMBER, EU, "NEGATIVE"), (SWITZERLAND, MEMBER, EFTA, "POSITIVE")},
        ),
        # a "but" that opens another clause corrects nothing
        (
            "en",
            "Poland is not a member of the EU, but NATO counts it among its founders.",
            {(POLAND, MEMBER, EU, "NEGATIVE")},
        ),
        # a party acting on a candidacy is not its candidate
        ("en", "Germany has approved the accession to NATO.", set()),
        ("de", "Deutschland unterstützt einen Beitritt zur EU.", set()),
        ("de", "Ungarn hat den Beitritt zur NATO noch nicht ratifiziert.", set()),
        ("en", "Germany supported Ukraine's bid to join the EU.", {(UKRAINE, CANDIDATE, EU, "POSITIVE")}),
        ("de", "Die Ukraine hat den Beitritt zur EU beantragt.", {(UKRAINE, CANDIDATE, EU, "POSITIVE")}),
        (
            "en",
            "Ukraine welcomed the start of accession talks with the EU.",
            {(UKRAINE, CANDIDATE, EU, "POSITIVE")},
        ),
    ],
)
def test_negation_scope_contrast_and_acting_parties(
    lang: str, text: str, expected: set[tuple[str, Predicate, str, str]]
) -> None:
    assert {f[:4] for f in _facts(text, lang)} == expected
