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
_MAY_START_LIMIT = 200_000  # distinct words remembered by find_all's pre-check


@dataclass
class _Node(Generic[T]):
    next: dict[str, _Node[T]] = field(default_factory=dict)
    end: dict[str, list[tuple[T, tuple[str, ...]]]] = field(default_factory=dict)


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
        self._may_start: dict[str, bool] = {}
        # (hits, inflected, the pieces' texts) -> the payloads whose case fits: the same name in the
        # same spelling is met again and again, and one tuple per spelling lets the linker cache what
        # it derives from the payloads by the tuple itself
        self._fitting: dict[tuple[int, bool, str | tuple[str, ...]], tuple[T, ...]] = {}
        # First characters of the root's keys: a piece's stem and final forms all begin with its key's
        # first character, so a piece whose key begins otherwise starts no name (a cheap test that
        # skips most pieces for a small trie, e.g. a document's surnames)
        self._first_chars: set[str] = set()

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_may_start"], state["_fitting"] = {}, {}  # caches, not content (the trie is pickled)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.__dict__.setdefault("_fitting", {})

    def add(self, name: str, payload: T) -> None:
        self._may_start.clear()
        self._fitting.clear()
        pieces = name_pieces(name)
        if not pieces or len(pieces) > MAX_NAME_PIECES:
            return
        node = self._root
        for piece in pieces[:-1]:
            node = node.next.setdefault(stem(normalise(piece)), _Node())
        last = normalise(pieces[-1])
        node.end.setdefault(last, []).append((payload, tuple(pieces)))
        self._first_chars.add((stem(normalise(pieces[0])) if len(pieces) > 1 else last)[:1])
        self.size += 1

    def add_all(self, items: Iterable[tuple[str, T]]) -> None:
        for name, payload in items:
            self.add(name, payload)

    def matches_at(self, pieces: Sequence[Piece], start: int) -> list[Match[T]]:
        """Every name that starts at ``pieces[start]``, shortest first."""
        return self._matches_at(pieces, [p.text for p in pieces], start)

    def _matches_at(self, pieces: Sequence[Piece], texts: Sequence[str], start: int) -> list[Match[T]]:
        found: list[Match[T]] = []
        node = self._root
        sentence = pieces[start].sentence
        j = start
        stop = min(len(pieces), start + MAX_NAME_PIECES)
        fitting = self._fitting
        while j < stop:
            piece = pieces[j]
            if piece.sentence != sentence:
                break
            if node.end:
                for form, inflected in _final_forms(piece.key, piece.capitalised, j > start):
                    hits = node.end.get(form)
                    if not hits:
                        continue
                    key = (id(hits), inflected, texts[start] if j == start else tuple(texts[start : j + 1]))
                    payloads = fitting.get(key)
                    if payloads is None:
                        if len(fitting) >= _MAY_START_LIMIT:
                            fitting.clear()
                        payloads = fitting[key] = _fitting(hits, pieces, start, j, inflected)
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
        may_start = self._may_start
        # Most pieces start no name; whether one can depends on its key and case alone, so that is
        # decided once per distinct word (key, stem key and case are functions of the piece's text),
        # and only the pieces whose word can are visited (profiled: the walk over every piece was the
        # linker's top cost)
        unknown = set(texts).difference(may_start)
        if unknown:
            if len(may_start) + len(unknown) > _MAY_START_LIMIT:
                may_start.clear()
                unknown = set(texts)
            first_chars = self._first_chars
            for text in unknown:
                key, stem_key, capitalised = word_keys(text)
                verdict = key[:1] in first_chars and self._starts_something(key, stem_key, capitalised)
                may_start[text] = verdict
        out: list[Match[T]] = []
        for start in compress(range(len(texts)), map(may_start.__getitem__, texts)):
            out.extend(self._matches_at(pieces, texts, start))
        return out

    def _starts_something(self, key: str, stem_key: str, capitalised: bool) -> bool:
        """Whether the root has an edge for the piece or a one-piece name in one of its final forms."""
        root = self._root
        if stem_key in root.next:
            return True
        return any(form in root.end for form, _ in _final_forms(key, capitalised, False))


# Pure functions of short strings, asked again for every piece of every document: cached (profiled:
# the case checks were half of matches_at).
@lru_cache(maxsize=65536)
def _final_forms(key: str, capitalised: bool, in_phrase: bool) -> tuple[tuple[str, bool], ...]:
    return tuple(final_forms(key, capitalised=capitalised, in_phrase=in_phrase))


_piece_fits = lru_cache(maxsize=65536)(case_fits)


def _fitting(
    hits: list[tuple[T, tuple[str, ...]]], pieces: Sequence[Piece], first: int, last: int, inflected: bool
) -> tuple[T, ...]:
    """The payloads whose name's case fits the pieces ``first..last``; decided once per distinct name
    (many payloads share one)."""
    verdicts: dict[tuple[str, ...], bool] = {}
    payloads = []
    for payload, name in hits:
        fits = verdicts.get(name)
        if fits is None:
            fits = verdicts[name] = _case_fits(pieces, first, last, name, inflected)
        if fits:
            payloads.append(payload)
    return tuple(payloads)


def _case_fits(
    pieces: Sequence[Piece], first: int, last: int, name: tuple[str, ...], inflected: bool
) -> bool:
    if last - first + 1 != len(name):
        return False
    for i, name_piece in enumerate(name):
        text = pieces[first + i].text
        if inflected and i == len(name) - 1:
            text = text[: len(name_piece)] if len(text) > len(name_piece) else text
        if not _piece_fits(text, name_piece):
            return False
    return True
