"""How a fact looks: a colour per predicate, a line style per modality, red for a negated fact, and
the words on its edge."""

from __future__ import annotations

from kg.draw.records import Fact

_WDT = "http://www.wikidata.org/prop/direct/"
_KGO = "https://w3id.org/kg-news/ontology#"

NEGATIVE_COLOUR = "#c62828"
"""Negated facts are red whatever their predicate; so no predicate is drawn in red."""

# Colour-blind-safe hues (after Okabe and Ito), none of them red.
PREDICATE_COLOURS: dict[str, str] = {
    _WDT + "P463": "#0a6bb0",  # member of: blue
    _KGO + "partnerOf": "#d98b00",  # partner of: orange
    _KGO + "candidateFor": "#b8509b",  # candidate for: reddish purple
    _KGO + "coveredBy": "#5b3f99",  # covered by: violet
    _WDT + "P39": "#00896a",  # position held: bluish green
    _WDT + "P47": "#7a6a2f",  # shares border with: olive
    _WDT + "P159": "#1a8fa8",  # headquarters location: teal
}
_OTHER_COLOURS = ("#555555", "#8a5a44", "#4d6b3c", "#3f5a7a")

MODALITY_DASHES: dict[str, str | None] = {
    "Asserted": None,  # solid
    "Possible": "7 5",
    "Intended": "12 4",
    "Demanded": "12 4 2 4",
    "Applied": "2 4",
    "Invited": "7 3 2 3 2 3",
    "Denied": "1 3",
}
MODALITY_ORDER = tuple(MODALITY_DASHES)


def predicate_colour(predicate: str, others: tuple[str, ...] = ()) -> str:
    """The colour of ``predicate``; a predicate outside the table gets one by its place in
    ``others`` (the document's other predicates, sorted), so the choice is stable."""
    if predicate in PREDICATE_COLOURS:
        return PREDICATE_COLOURS[predicate]
    place = others.index(predicate) if predicate in others else 0
    return _OTHER_COLOURS[place % len(_OTHER_COLOURS)]


def edge_colour(fact: Fact, others: tuple[str, ...] = ()) -> str:
    return NEGATIVE_COLOUR if fact.negative else predicate_colour(fact.predicate, others)


def dashes(modality: str) -> str | None:
    return MODALITY_DASHES.get(modality, "4 4")


def edge_label(fact: Fact) -> str:
    """``member of``, ``not member of``, ``candidate for (possible)``."""
    text = ("not " if fact.negative else "") + fact.predicate_label
    return text if fact.asserted else f"{text} ({fact.modality_label})"
