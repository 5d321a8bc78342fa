"""Relation facts on fresh news (issue #11, relations): organisations named by an anaphor ("the group",
"die Organisation"), names the KB lacks that must not pass their facts to another organisation,
former office holders, a month without a year, a pronoun object, a country anaphor as object, and an
office given only by the title before the name. Sentences of our own, the bundled KB and the blank
pipeline; every test asserts the document's exact fact set."""

from __future__ import annotations

import pytest
from _analysis_support import analyse_text

from kg.model import Fact, TimePrecision

P39, P47, P159, P463 = "P39", "P47", "P159", "P463"
SANCTIONS = "imposesSanctionsOn"


def _time(f: Fact) -> str | None:
    if f.time is None:
        return None
    role = f.time.role.value.rsplit("/", 1)[-1]
    if f.time.precision is TimePrecision.YEAR:
        return f"{role} {f.time.date.year:04d}"
    if f.time.precision is TimePrecision.MONTH:
        return f"{role} {f.time.date.year:04d}-{f.time.date.month:02d}"
    return f"{role} {f.time.date.isoformat()}"


def _facts(lang: str, text: str, published: str) -> set[tuple[object, ...]]:
    result = analyse_text(text, lang, published, "news")
    return {
        (
            f.subject.qid or f.subject.label,
            f.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1],
            f.object.qid or f.object.label,
            "+" if f.polarity.name == "POSITIVE" else "-",
            "ended" if f.ended else ("plain" if f.is_plain else f.modality.value),
            _time(f),
        )
        for f in result.facts
    }


CASES = [
    # an organisation named by a description, as object and as subject
    (
        "en",
        "Ministers of the Andean Community met in Lima. Peru joined the group in 1969.",
        "2024-05-14",
        {("Q419", P463, "Q471690", "+", "plain", "P580 1969")},
    ),
    (
        "de",
        "Der Golf-Kooperationsrat tagte am Montag. Die Organisation hat ihren Sitz in Riad.",
        "2024-05-14",
        {("Q217172", P159, "Q3692", "+", "plain", None)},
    ),
    (
        "en",
        "The Pacific Islands Forum ended its summit. Fiji and Samoa are members of the Suva-based forum.",
        "2024-05-14",
        {
            ("Q712", P463, "Q757276", "+", "plain", None),
            ("Q683", P463, "Q757276", "+", "plain", None),
            ("Q757276", P159, "Q38807", "+", "plain", None),
        },
    ),
    (
        "de",
        "Der Nordische Rat tagte in Reykjavík. Dem Gremium gehören Dänemark und Island an. Die in "
        "Kopenhagen ansässige Organisation plant eine Reform.",
        "2024-05-14",
        {
            ("Q35", P463, "Q146165", "+", "plain", None),
            ("Q189", P463, "Q146165", "+", "plain", None),
            ("Q146165", P159, "Q1748", "+", "plain", None),
        },
    ),
    # a name the KB lacks: no fact rather than one about another organisation
    (
        "de",
        "Die EU begrüßte den Schritt. Kroatien trat am Sonntag dem Schengen-Raum bei.",
        "2024-05-14",
        set(),
    ),
    (
        "de",
        "Die Afrikanische Union tagte. Mali und Niger sind Mitglieder der Allianz der Sahelstaaten.",
        "2024-05-14",
        set(),
    ),
    ("en", "The African Union met on Monday. Mali joined the Alliance of Sahel States.", "2024-05-14", set()),
    # a former office holder holds it no longer: an ended fact, no plain triple
    (
        "en",
        "Former Prime Minister Fumio Kishida attended the ceremony.",
        "2024-10-02",
        {("Q359480", P39, "Q274948", "+", "ended", None)},
    ),
    (
        "de",
        "Ex-Kanzler Olaf Scholz gratulierte.",
        "2025-05-07",
        {("Q61053", P39, "Q4970706", "+", "ended", None)},
    ),
    # a month without a year: the last such month up to the publication
    (
        "en",
        "Chile joined the Andean Community in March.",
        "2025-05-20",
        {("Q298", P463, "Q471690", "+", "plain", "P580 2025-03")},
    ),
    (
        "de",
        "Chile ist im Oktober der Andengemeinschaft beigetreten.",
        "2025-02-10",
        {("Q298", P463, "Q471690", "+", "plain", "P580 2024-10")},
    ),
    # a pronoun object of a verb of joining
    (
        "en",
        "The Council of Europe met in Strasbourg. Ukraine joined it in 1995.",
        "2024-05-14",
        {("Q212", P463, "Q8908", "+", "plain", "P580 1995")},
    ),
    # a country anaphor as the object; not one of the sentence's own subjects
    (
        "de",
        "Die EU verhängte Sanktionen gegen Belarus. Auch Kanada und Japan verhängten Sanktionen gegen "
        "das Land.",
        "2024-05-14",
        {
            ("Q458", SANCTIONS, "Q184", "+", "plain", None),
            ("Q16", SANCTIONS, "Q184", "+", "plain", None),
            ("Q17", SANCTIONS, "Q184", "+", "plain", None),
        },
    ),
    # a list of organisations opens the clause
    (
        "en",
        "The European Union and the African Union are members of the G20.",
        "2024-05-14",
        {("Q458", P463, "Q19771", "+", "plain", None), ("Q7159", P463, "Q19771", "+", "plain", None)},
    ),
    (
        "en",
        "NATO's chief and the European Union are partners.",
        "2024-05-14",
        set(),
    ),
    # sworn in with the title before the name: that office, from the date
    (
        "en",
        "Prime Minister Shigeru Ishiba was sworn in on Tuesday.",
        "2024-10-02",
        {
            ("Q1335527", P39, "Q274948", "+", "plain", None),
            ("Q1335527", P39, "Q274948", "+", "plain", "P580 2024-10-01"),
        },
    ),
    (
        "en",
        "Prime Minister Shigeru Ishiba was elected party leader on Tuesday.",
        "2024-10-02",
        {("Q1335527", P39, "Q274948", "+", "plain", None)},
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CASES, ids=[c[1][:48] for c in CASES])
def test_relation_facts_on_news(
    lang: str, text: str, published: str, expected: set[tuple[object, ...]]
) -> None:
    assert _facts(lang, text, published) == expected
