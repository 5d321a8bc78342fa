"""A KB's name trie, and what the linker derives from the entries the trie finds, once per KB.

The trie gives one tuple of entries per spelling of a name ("Nato", "NATO’s"), the same tuple in
every document; what the linker asks of a name's entries (which of them count in the document's
language, how many targets they have, whether all are offices, how the candidates score in a
given context and coherence) is a function of that tuple, so it is computed once per tuple, not
once per mention (profiled: these per-mention checks were half of candidate search and scoring).
Every cache here holds the tuples it is keyed by, so an ``id`` never outlives its object, and is
bounded: a long run empties it now and then.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Callable

from kg.kb import KnowledgeBase, NameEntry
from kg.kb.cache import cached
from kg.kb.names import is_acronym
from kg.link.matcher import NameTrie
from kg.link.resolve import Scored
from kg.model import EntityKind

CACHE_LIMIT = 200_000  # entries per cache before it is emptied


def without_accents(name: str) -> str:
    """``"Viktor Orbán"`` -> ``"Viktor Orban"``: the name with its combining marks dropped (ß, ø stay)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def build_trie(kb: KnowledgeBase) -> NameTrie[NameEntry]:
    trie: NameTrie[NameEntry] = NameTrie()
    for _key, entry in kb.name_entries():
        trie.add(entry.form, entry)
        if entry.source in ("label", "alias") and entry.target[:1] == "Q":
            folded = without_accents(entry.form)
            if folded != entry.form:  # wire copy drops accents: "Viktor Orban", "Sauli Niinisto"
                trie.add(folded, entry)
    return trie


class Entries:
    """One tuple of a name's entries and what follows from it alone (for one KB)."""

    __slots__ = ("all_positions", "entries", "has_context", "head", "head_known", "single", "targets")

    def __init__(self, entries: tuple[NameEntry, ...], kb: KnowledgeBase) -> None:
        self.entries = entries
        self.targets = tuple(dict.fromkeys(e.target for e in entries))  # distinct, in order
        self.single = self.targets[0] if len(self.targets) == 1 else None  # the one target, if one
        self.has_context = any(e.context for e in entries)  # some entry needs a context item
        self.all_positions = all(kb.kind(t) is EntityKind.POSITION for t in self.targets)
        self.head: Entries | None = None  # ``Lexicon.head`` once ``head_known``
        self.head_known = False


class Lexicon:
    """The name trie of a KB with the caches of what its tuples of entries give."""

    def __init__(self, trie: NameTrie[NameEntry]) -> None:
        self.trie = trie
        # (id(payloads), lang, capitalised inside a German sentence) -> (payloads, usable entries)
        self._usable: dict[tuple[int, str, bool], tuple[tuple[NameEntry, ...], Entries | None]] = {}
        self._interned: dict[tuple[int, ...], Entries] = {}  # entry ids -> their Entries
        # (id(entries), context, lang, coherence of each target) -> (entries, scored candidates)
        self.scores: dict[tuple[object, ...], tuple[tuple[NameEntry, ...], list[Scored]]] = {}

    def usable(
        self,
        payloads: tuple[NameEntry, ...],
        lang: str,
        capitalised_inside: bool,
        kb: KnowledgeBase,
        keep: Callable[[NameEntry], bool],
    ) -> Entries | None:
        """The entries of a trie match that count in the document (``keep``), None for none."""
        key = (id(payloads), lang, capitalised_inside)
        found = self._usable.get(key)
        if found is None:
            usable = tuple(e for e in payloads if keep(e))
            if capitalised_inside:
                # German adjectives are lower-case unless a proper name starts there: "die Deutsche
                # Bank" is no mention of Germany, "die deutsche Regierung" is
                usable = tuple(e for e in usable if e.source != "demonym")
            if len(self._usable) >= CACHE_LIMIT:
                self._usable.clear()
            found = self._usable[key] = (payloads, self.entries(usable, kb) if usable else None)
        return found[1]

    def entries(self, entries: tuple[NameEntry, ...], kb: KnowledgeBase) -> Entries:
        """The one ``Entries`` of these entries (the same entries give the same object)."""
        key = tuple(map(id, entries))
        found = self._interned.get(key)
        if found is None:
            if len(self._interned) >= CACHE_LIMIT:
                self._interned.clear()
            found = self._interned[key] = Entries(entries, kb)
        return found

    def head(self, of: Entries, kb: KnowledgeBase) -> Entries | None:
        """The entries that may name the head of a German compound: "Ethik-Kommission" is no EU
        Commission, "Ost-Ukraine" is Ukraine (labels and acronyms only)."""
        if not of.head_known:
            head = tuple(e for e in of.entries if e.source != "alias" or is_acronym(e.form))
            of.head = self.entries(head, kb) if head else None
            of.head_known = True
        return of.head

    def clear_scores_if_full(self) -> None:
        if len(self.scores) >= CACHE_LIMIT:
            self.scores.clear()


_LEXICONS: weakref.WeakKeyDictionary[KnowledgeBase, Lexicon] = weakref.WeakKeyDictionary()


def lexicon_of(kb: KnowledgeBase) -> Lexicon:
    """The lexicon of ``kb``; built once per KB (a KB never changes)."""
    lexicon = _LEXICONS.get(kb)
    if lexicon is None:
        # the trie is kept in the start-up cache too (kg.kb.cache), by the KB's version: a hash of its files
        identity = (kb.version, tuple((s.name, s.path, s.items) for s in kb.sources))
        trie = cached("name-trie", identity, NameTrie, lambda: build_trie(kb))
        lexicon = _LEXICONS[kb] = Lexicon(trie)
    return lexicon


def lexicon_trie(kb: KnowledgeBase) -> NameTrie[NameEntry]:
    """The trie of every name in ``kb``; built once per KB (a KB never changes)."""
    return lexicon_of(kb).trie

