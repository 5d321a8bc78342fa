"""Disambiguation: which of a name's candidates a mention means, and how sure we are.

score = 0.45·name prior + 0.20·prominence + 0.15·type fit + 0.20·coherence

* name prior — label 1.0, alias 0.85, hand-written variant/demonym as written in the lexicon;
* prominence — ``KbItem.prominence`` (countries high, big cities by population);
* type fit — a title right before the name wants a person ("Präsident Macron"), a place
  preposition wants a place or country ("in Washington");
* coherence — the document's unambiguous mentions: the candidate itself, its country, its
  memberships, its jurisdiction, or items that name it in theirs ("Georgia" next to NATO and
  Ukraine is the country).

Several candidates close together lower the score (``ambiguity``); below ``THRESHOLD`` a
mention becomes NIL instead of getting a wrong QID.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from kg.kb import KbItem, KnowledgeBase, NameEntry
from kg.model import EntityKind

THRESHOLD = 0.5
PLACE_PREPOSITIONS = frozenset(
    {"in", "im", "nach", "aus", "bei", "nahe", "von", "vom", "from", "to", "at", "into", "near", "across"}
)


@dataclass(frozen=True)
class Context:
    """What the words around a mention say about its type."""

    title_before: bool = False
    place_preposition_before: bool = False
    inflected: bool = False


@dataclass(frozen=True)
class Scored:
    target: str
    score: float
    entry: NameEntry


def type_fit(kind: EntityKind, context: Context) -> float:
    if context.title_before:
        if kind is EntityKind.PERSON:
            return 1.0
        return 0.5 if context.inflected else 0.0  # "Präsident Russlands": a genitive after a title
    if context.place_preposition_before:
        if kind in (EntityKind.PLACE, EntityKind.COUNTRY):
            return 0.85
        if kind in (EntityKind.ORGANISATION, EntityKind.EVENT):
            return 0.55
        return 0.1 if kind is EntityKind.PERSON else 0.3
    return 0.5


def related(item: KbItem, kb: KnowledgeBase) -> frozenset[str]:
    """Items an item points to: country, memberships, jurisdiction, offices and their jurisdictions.

    A KB never changes: computed once per item (asked for every candidate of every mention)."""
    cache = _related_cache(kb)
    found = cache.get(item.qid)
    if found is None or found[0] is not item:
        out = set(item.country) | set(item.member_of) | set(item.jurisdiction) | set(item.positions)
        out |= set(item.values("P159")) | set(item.values("P36"))
        for position in item.positions:
            office = kb.item(position)
            if office is not None:
                out |= set(office.jurisdiction)
        found = cache[item.qid] = (item, frozenset(out))
    return found[1]


def _related_cache(kb: KnowledgeBase) -> dict[str, tuple[KbItem, frozenset[str]]]:
    """qid -> (its item, ``related`` of it), for the items of ``kb`` asked about so far."""
    cache = _RELATED.get(kb)
    if cache is None:
        cache = _RELATED[kb] = {}
    return cache


def prominence(item: KbItem | None, kb: KnowledgeBase) -> float:
    """``item.prominence`` (0.7 without an item), computed once per item of a KB."""
    if item is None:
        return 0.7
    cache = _PROMINENCE.get(kb)
    if cache is None:
        cache = _PROMINENCE[kb] = {}
    found = cache.get(item.qid)
    if found is None or found[0] is not item:
        found = cache[item.qid] = (item, item.prominence)
    return found[1]


_RELATED: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, tuple[KbItem, frozenset[str]]]] = (
    weakref.WeakKeyDictionary()
)
_PROMINENCE: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, tuple[KbItem, float]]] = (
    weakref.WeakKeyDictionary()
)


_INCOMING: weakref.WeakKeyDictionary[KnowledgeBase, Counter[str]] = weakref.WeakKeyDictionary()


def incoming_links(kb: KnowledgeBase, target: str) -> int:
    """How many KB items point to ``target`` (members, country, offices): a prior for an item
    whose name alone is weak evidence (NATO: 32, the International Olive Council: 0)."""
    counts = _INCOMING.get(kb)
    if counts is None:
        counts = Counter()
        for item in kb:
            counts.update(
                set(item.member_of) | set(item.country) | set(item.jurisdiction) | set(item.positions)
            )
        _INCOMING[kb] = counts
    return counts[target]


class Coherence:
    """The document's anchor items (mentions with a single candidate) and what they point to."""

    def __init__(self, anchors: Iterable[str], kb: KnowledgeBase) -> None:
        self.anchors = frozenset(anchors)
        self._kb = kb
        self._related = _related_cache(kb)
        # how many anchors point to each item, counted in C
        self._pointed_to: Counter[str] = Counter(
            chain.from_iterable(self._related_of(qid) or () for qid in self.anchors)
        )

    def _related_of(self, qid: str) -> frozenset[str] | None:
        """``related`` of the item ``qid``, None for a target that is no item."""
        found = self._related.get(qid)
        if found is not None:
            return found[1]
        item = self._kb.item(qid)
        return None if item is None else related(item, self._kb)

    def of(self, target: str) -> float:
        if target in self.anchors:
            return 1.0
        pointing = self._related_of(target)
        if pointing is None:
            return 0.5
        hits = len(pointing & self.anchors) + self._pointed_to.get(target, 0)
        return 0.3 + 0.7 * min(1.0, hits / 2)


def score_candidates(
    entries: Sequence[NameEntry], kb: KnowledgeBase, context: Context, coherence: Coherence, lang: str
) -> list[Scored]:
    """Each target's best score, best first."""
    best: dict[str, Scored] = {}
    for entry in entries:
        item = kb.item(entry.target)
        prior = entry.prior
        if entry.source == "label" and entry.lang not in ("*", lang):
            prior -= 0.03
        score = (
            0.45 * prior
            + 0.2 * prominence(item, kb)
            + 0.15 * type_fit(kb.kind(entry.target), context)
            + 0.2 * coherence.of(entry.target)
        )
        if entry.target not in best or score > best[entry.target].score:
            best[entry.target] = Scored(entry.target, round(score, 4), entry)
    return sorted(best.values(), key=lambda s: (-s.score, s.target))


def ambiguity(scores: Sequence[float]) -> float:
    """Factor for the winner's score: 1 when it stands alone or far ahead, 0.7 on a tie."""
    if len(scores) < 2:
        return 1.0
    margin = scores[0] - scores[1]
    return 0.7 + 0.3 * min(1.0, margin / 0.1)
