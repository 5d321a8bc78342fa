"""Knowledge-base items: one Wikidata item with its names and the few claims linking needs.

The JSON form (``item_to_json`` / ``item_from_json``) is what the bundled file and the user KB
store: ``{"id": "Q7184", "labels": {"de": …}, "aliases": {"de": […]}, "descriptions": {"en": …},
"claims": {"P31": ["Q484652"], "P1082": ["4467000"]}}`` — claim values are QIDs or literal strings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.model import EntityKind

# P31 classes -> coarse kind. First hit in this order wins (a capital city is a Place, a
# sovereign state a Country). Classes outside the table leave the kind to the fallbacks below.
KIND_OF_CLASS: tuple[tuple[str, EntityKind], ...] = (
    ("Q5", EntityKind.PERSON),  # human
    ("Q6256", EntityKind.COUNTRY),  # country
    ("Q3624078", EntityKind.COUNTRY),  # sovereign state
    ("Q4164871", EntityKind.POSITION),  # position
    ("Q515", EntityKind.PLACE),  # city
    ("Q5119", EntityKind.PLACE),  # capital
    ("Q1549591", EntityKind.PLACE),  # big city
    ("Q83057", EntityKind.PLACE),  # region (as used in the seed data)
    ("Q5107", EntityKind.PLACE),  # continent
    ("Q484652", EntityKind.ORGANISATION),  # international organisation
    ("Q1127126", EntityKind.ORGANISATION),  # military alliance
    ("Q245065", EntityKind.ORGANISATION),  # intergovernmental organisation
    ("Q1335818", EntityKind.ORGANISATION),  # supranational union
    ("Q748720", EntityKind.ORGANISATION),  # EU institution
)
_CLASS_KIND = dict(KIND_OF_CLASS)

# Words of an English description that tell the kind of an item without a known P31 class.
_DESCRIPTION_HINTS: tuple[tuple[tuple[str, ...], EntityKind], ...] = (
    (("war", "conflict", "invasion", "summit", "crisis", "krieg", "konflikt", "gipfel"), EntityKind.EVENT),
    (("former state", "country", "sovereign state", "staat", "land in"), EntityKind.COUNTRY),
    (
        (
            "government",
            "ministry",
            "alliance",
            "organization",
            "organisation",
            "pact",
            "council",
            "department",
            "agency",
            "party",
            "union",
            "company",
            "regierung",
            "ministerium",
            "bündnis",
            "partei",
            "behörde",
            "unternehmen",
        ),
        EntityKind.ORGANISATION,
    ),
    (
        (
            "headquarters",
            "complex",
            "building",
            "palace",
            "city",
            "town",
            "region",
            "residence",
            "stadt",
            "hauptstadt",
            "gebäude",
        ),
        EntityKind.PLACE,
    ),
)


@dataclass(frozen=True, eq=False)
class KbItem:
    """One item. ``labels``/``descriptions``: lang -> text; ``aliases``: lang -> names;
    ``claims``: property id -> values (QIDs, or literals as strings)."""

    qid: str
    labels: Mapping[str, str]
    aliases: Mapping[str, tuple[str, ...]]
    descriptions: Mapping[str, str]
    claims: Mapping[str, tuple[str, ...]]
    kind: EntityKind

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else English, else any label, else the QID."""
        for candidate in (lang, "en", "de"):
            if candidate in self.labels:
                return self.labels[candidate]
        return next(iter(self.labels.values()), self.qid)

    def label_lang(self, lang: str = "en") -> str:
        for candidate in (lang, "en", "de"):
            if candidate in self.labels:
                return candidate
        return next(iter(self.labels), "en")

    def description(self, lang: str = "en") -> str | None:
        return (
            self.descriptions.get(lang)
            or self.descriptions.get("en")
            or next(iter(self.descriptions.values()), None)
        )

    def names(self) -> Iterable[tuple[str, str, bool]]:
        """(name, lang, is_label) for every label and alias."""
        for lang, text in self.labels.items():
            yield text, lang, True
        for lang, texts in self.aliases.items():
            for text in texts:
                yield text, lang, False

    def values(self, prop: str) -> tuple[str, ...]:
        return self.claims.get(prop, ())

    @property
    def instance_of(self) -> tuple[str, ...]:
        return self.values("P31")

    @property
    def country(self) -> tuple[str, ...]:
        return self.values("P17")

    @property
    def positions(self) -> tuple[str, ...]:
        return self.values("P39")

    @property
    def member_of(self) -> tuple[str, ...]:
        return self.values("P463")

    @property
    def jurisdiction(self) -> tuple[str, ...]:
        return self.values("P1001")

    @property
    def population(self) -> int | None:
        for value in self.values("P1082"):
            try:
                return int(float(value))
            except ValueError:
                continue
        return None

    @property
    def prominence(self) -> float:
        """A name-independent prior in [0, 1]: countries and organisations high, big cities
        by population, items with more names and claims a little higher."""
        base = {
            EntityKind.COUNTRY: 0.9,
            EntityKind.ORGANISATION: 0.75,
            EntityKind.PERSON: 0.7,
            EntityKind.POSITION: 0.6,
            EntityKind.PLACE: 0.5,
            EntityKind.EVENT: 0.6,
        }.get(self.kind, 0.4)
        population = self.population
        if population:
            base += min(0.35, max(0.0, (math.log10(population) - 4.0) * 0.1))
        richness = len(self.labels) + sum(len(a) for a in self.aliases.values()) + len(self.descriptions)
        return min(1.0, base + min(0.1, richness * 0.01))


def kind_of(claims: Mapping[str, Iterable[str]], descriptions: Mapping[str, str]) -> EntityKind:
    """The coarse kind from P31 classes; without a known class, from other claims and words."""
    classes = set(claims.get("P31", ()))
    for cls, kind in KIND_OF_CLASS:
        if cls in classes:
            return kind
    if claims.get("P39"):
        return EntityKind.PERSON
    if claims.get("P1001"):
        return EntityKind.POSITION
    if claims.get("P297"):
        return EntityKind.COUNTRY
    text = " ".join(descriptions.values()).lower()
    for words, kind in _DESCRIPTION_HINTS:
        if any(_has_word(text, w) for w in words):
            return kind
    if claims.get("P17") or claims.get("P1082"):
        return EntityKind.PLACE
    return EntityKind.OTHER


def _has_word(text: str, word: str) -> bool:
    start = text.find(word)
    while start >= 0:
        before = text[start - 1] if start else " "
        after_index = start + len(word)
        after = text[after_index] if after_index < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False


def item_from_json(record: Mapping[str, Any]) -> KbItem:
    labels = dict(record.get("labels", {}))
    aliases = {lang: tuple(names) for lang, names in record.get("aliases", {}).items()}
    descriptions = dict(record.get("descriptions", {}))
    claims = {prop: tuple(values) for prop, values in record.get("claims", {}).items()}
    kind_value = record.get("kind")
    kind = EntityKind(kind_value) if kind_value else kind_of(claims, descriptions)
    return KbItem(record["id"], labels, aliases, descriptions, claims, kind)


def merge_records(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``extra`` extends ``base`` (same item): its labels win, aliases and claims add up."""
    merged: dict[str, Any] = {
        "id": base["id"],
        "labels": {**base.get("labels", {}), **extra.get("labels", {})},
        "descriptions": {**base.get("descriptions", {}), **extra.get("descriptions", {})},
        "aliases": {},
        "claims": {},
    }
    for key in ("aliases", "claims"):
        for name in set(base.get(key, {})) | set(extra.get(key, {})):
            values = list(base.get(key, {}).get(name, ()))
            values += [v for v in extra.get(key, {}).get(name, ()) if v not in values]
            merged[key][name] = values
    if extra.get("kind") or base.get("kind"):
        merged["kind"] = extra.get("kind") or base.get("kind")
    return merged
