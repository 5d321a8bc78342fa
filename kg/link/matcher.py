"""A trie over name pieces: finds every KB name in a document's pieces in one pass.

Edges between pieces are keyed by the piece's stem ("europäisch" for Europäische/Europäischen),
the last piece by its full key, so German adjective inflection inside a name and genitive or
possessive endings on its last word still match. Case is checked after the lookup
(``names.case_fits``): "us" is not the US, "Nato" is NATO.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import Generic, NamedTuple, TypeVar

from kg.kb.names import case_fits, final_forms, name_pieces, normalise, stem
from kg.link.pieces import Piece, word_keys

T = TypeVar("T")
MAX_NAME_PIECES = 12
_FITTING_LIMIT = 200_000  # spellings remembered by _matches_at


@dataclass
class _Node(Generic[T]):
    next: dict[str, _Node[T]] = field(default_factory=dict)
    end: dict[str, list[tuple[T, tuple[str, ...]]]] = field(default_factory=dict)


# a word's one-piece name (payloads, empty for none; inflected) and the node its stem leads to
_Step = tuple[tuple[T, ...], bool, "_Node[T] | None"]


class Match(NamedTuple, Generic[T]):
    """A named tuple, not a frozen dataclass: one per name found in every document (profiled)."""

    first: int  # index of the first piece
    last: int  # index of the last piece (inclusive)
    payloads: tuple[T, ...]
    inflected: bool  # the last piece carried a genitive/possessive ending


_new_tuple = tuple.__new__


class NameTrie(Generic[T]):
    """Names -> payloads. ``add`` names, then ``find_all`` over a document's pieces."""

    def __init__(self) -> None:
        self._root: _Node[T] = _Node()
        self.size = 0
        # Keys a piece may have where a one-piece name ends at the root: the name's key and the
        # inflected forms ``final_forms`` maps back to it. With the root's edges (stem keys) these
        # say, by set lookups in C, which pieces can start a name at all (profiled: a Python step
        # per piece was the linker's top cost); ``_matches_at`` decides exactly where one does.
        self._start_keys: set[str] = set()
        # (hits, inflected, the pieces' texts) -> the payloads whose case fits: the same name in the
        # same spelling is met again and again, and one tuple per spelling lets the linker cache what
        # it derives from the payloads by the tuple itself
        self._fitting: dict[tuple[int, bool, tuple[str, ...]], tuple[T, ...]] = {}
        self._steps: dict[str, _Step[T] | None] = {}  # a word -> its ``_first_step``

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_fitting"], state["_steps"] = {}, {}  # caches, not content (the trie is pickled)
        return state

    def add(self, name: str, payload: T) -> None:
        self._fitting.clear()
        self._steps.clear()
        pieces = name_pieces(name)
        if not pieces or len(pieces) > MAX_NAME_PIECES:
            return
        node = self._root
        for piece in pieces[:-1]:
            node = node.next.setdefault(stem(normalise(piece)), _Node())
        last = normalise(pieces[-1])
        node.end.setdefault(last, []).append((payload, tuple(pieces)))
        if len(pieces) == 1:
            self._start_keys.update((last, last + "'s", last + "'", last + "es", last + "s"))
        self.size += 1

    def add_all(self, items: Iterable[tuple[str, T]]) -> None:
        for name, payload in items:
            self.add(name, payload)

    def matches_at(self, pieces: Sequence[Piece], start: int) -> list[Match[T]]:
        """Every name that starts at ``pieces[start]``, shortest first."""
        piece = pieces[start]
        step = self._first_step(piece.text, piece.key, piece.stem_key, piece.capitalised)
        if step is None:
            return []
        payloads, inflected, child = step
        found = [_new_tuple(Match, (start, start, payloads, inflected))] if payloads else []
        if child is not None:
            found.extend(self._walk(pieces, [p.text for p in pieces], start, child))
        return found

    def _first_step(self, text: str, key: str, stem_key: str, capitalised: bool) -> _Step[T] | None:
        """The one-piece name a word is (case checked) and the node its stem leads to, None for a
        word that starts no name; a function of the word (its key, stem key and case are)."""
        root = self._root
        child = root.next.get(stem_key)
        if key not in self._start_keys:  # no one-piece name ends here in any of the word's forms
            return None if child is None else ((), False, child)
        for form, inflected in _final_forms(key, capitalised, False):
            hits = root.end.get(form)
            if hits:
                payloads = _fitting(hits, (text,), 0, 0, inflected)
                if payloads:  # the uninflected form is tried first and wins
                    return payloads, inflected, child
        return None if child is None else ((), False, child)

    def _walk(
        self, pieces: Sequence[Piece], texts: Sequence[str], start: int, node: _Node[T]
    ) -> list[Match[T]]:
        """The names of two or more pieces from ``pieces[start]`` on, ``node`` reached by its stem."""
        found: list[Match[T]] = []
        sentence = pieces[start].sentence
        j = start + 1
        stop = min(len(pieces), start + MAX_NAME_PIECES)
        fitting = self._fitting
        while j < stop:
            piece = pieces[j]
            if piece.sentence != sentence:
                break
            if node.end:
                for form, inflected in _final_forms(piece.key, piece.capitalised, True):
                    hits = node.end.get(form)
                    if not hits:
                        continue
                    key = (id(hits), inflected, tuple(texts[start : j + 1]))
                    payloads = fitting.get(key)
                    if payloads is None:
                        if len(fitting) >= _FITTING_LIMIT:
                            fitting.clear()
                        payloads = fitting[key] = _fitting(hits, texts, start, j, inflected)
                    if payloads:
                        found.append(_new_tuple(Match, (start, j, payloads, inflected)))
                        break  # the uninflected form is tried first and wins
            child = node.next.get(piece.stem_key)
            if child is None:
                break
            node = child
            j += 1
        return found

    def find_all(self, pieces: Sequence[Piece], texts: Sequence[str] | None = None) -> list[Match[T]]:
        """Every name in ``pieces`` (``texts``: their texts, where the caller has them)."""
        if texts is None:
            texts = [p.text for p in pieces]
        # Most pieces start no name, and whether one does is a function of its word: decided once
        # per distinct word (``_steps``), and only the pieces whose word does are visited (profiled:
        # a Python step per piece was the linker's top cost).
        steps = self._steps
        unknown = set(texts).difference(steps)
        if unknown:
            if len(steps) + len(unknown) > _FITTING_LIMIT:
                steps.clear()
                unknown = set(texts)
            start_keys, edges = self._start_keys, self._root.next
            for text in unknown:
                key, stem_key, capitalised = word_keys(text)
                if key in start_keys or stem_key in edges:
                    steps[text] = self._first_step(text, key, stem_key, capitalised)
                else:
                    steps[text] = None
        out: list[Match[T]] = []
        n = len(texts)
        for start in compress(range(n), map(steps.__getitem__, texts)):
            payloads, inflected, child = steps[texts[start]]  # type: ignore[misc]
            if payloads:
                out.append(_new_tuple(Match, (start, start, payloads, inflected)))
            if child is not None and start + 1 < n:
                out.extend(self._walk(pieces, texts, start, child))
        return out


# Pure functions of short strings, asked again for every piece of every document: cached (profiled:
# the case checks were half of matches_at).
@lru_cache(maxsize=65536)
def _final_forms(key: str, capitalised: bool, in_phrase: bool) -> tuple[tuple[str, bool], ...]:
    return tuple(final_forms(key, capitalised=capitalised, in_phrase=in_phrase))


_piece_fits = lru_cache(maxsize=65536)(case_fits)


def _fitting(
    hits: list[tuple[T, tuple[str, ...]]], texts: Sequence[str], first: int, last: int, inflected: bool
) -> tuple[T, ...]:
    """The payloads whose name's case fits the pieces' ``texts[first..last]``; decided once per
    distinct name (many payloads share one)."""
    verdicts: dict[tuple[str, ...], bool] = {}
    payloads = []
    for payload, name in hits:
        fits = verdicts.get(name)
        if fits is None:
            fits = verdicts[name] = _case_fits(texts, first, last, name, inflected)
        if fits:
            payloads.append(payload)
    return tuple(payloads)


def _case_fits(texts: Sequence[str], first: int, last: int, name: tuple[str, ...], inflected: bool) -> bool:
    if last - first + 1 != len(name):
        return False
    for i, name_piece in enumerate(name):
        text = texts[first + i]
        if inflected and i == len(name) - 1:
            text = text[: len(name_piece)] if len(text) > len(name_piece) else text
        if not _piece_fits(text, name_piece):
            return False
    return True
