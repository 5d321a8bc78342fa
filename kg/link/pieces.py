"""Text pieces: the analysis' tokens, hyphen compounds cut into their parts, with offsets.

"Nato-Generalsekretär" is one token (German) or three ("Nato", "-", "Generalsekretär", as the
English tokenizer splits hyphens); either way it gives two pieces, "Nato" (0..4) and
"Generalsekretär" (5..20), that belong to one *compound*, so a name can match one part of a
compound with exact offsets and the linker knows it is a part.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kg.kb.names import HYPHENS, hyphen_parts, normalise, stem
from kg.model import TextAnalysis


class Piece(NamedTuple):
    """A named tuple, not a frozen dataclass: a document has one per word, and building the
    dataclass (an ``object.__setattr__`` per field) was a third of ``text_pieces`` (profiled)."""

    position: int  # in the document's piece sequence
    text: str
    begin: int
    end: int
    token: int  # index into analysis.tokens
    sentence: int
    key: str  # normalise(text)
    stem_key: str  # stem(key)
    capitalised: bool  # starts upper-case
    compound_first: int = -1  # piece index of the first piece of its hyphen compound
    compound_last: int = -1  # … and of the last; both its own index outside compounds


_HYPHEN = re.compile(f"[{re.escape(HYPHENS)}]")


@lru_cache(maxsize=65536)
def _keys(text: str) -> tuple[str, str, bool]:
    """A word's comparison key, stem key and whether it is capitalised (words repeat: computed once
    per word)."""
    key = normalise(text)
    return key, stem(key), text[:1].isupper()


@lru_cache(maxsize=65536)
def _token_parts(text: str) -> tuple[tuple[int, int, str, str, str, bool], ...] | None:
    """A token's pieces as (begin, end, text, key, stem key, capitalised), offsets within the token;
    None for a token of hyphens only. A function of the token's text: computed once per word."""
    if text and not text.strip(HYPHENS):
        return None
    if text.endswith(".") and text[-2:-1].isdigit():
        # German ordinals: "Artikel 5." ends a sentence; "der G20." too
        text = text[:-1]
    parts = hyphen_parts(text) if len(text) > 2 and _HYPHEN.search(text) else [(0, len(text))]
    return tuple((b, e, text[b:e], *_keys(text[b:e])) for b, e in parts)


_new_tuple = tuple.__new__  # Piece's values as one tuple: no Python-level ``__new__`` per piece


def text_pieces(analysis: TextAnalysis) -> list[Piece]:
    """One pass over the tokens: a token's parts wait in ``compound`` until the next token shows
    whether a hyphen glues it on; then the compound's pieces are made with its first and last index."""
    pieces: list[Piece] = []
    # the current compound's pieces: (text, begin, end, token, sentence, key, stem key, capitalised)
    compound: list[tuple[str, int, int, int, int, str, str, bool]] = []
    pending_hyphen_end = -1  # end offset of a hyphen-only token right before
    for t_index, token in enumerate(analysis.tokens):
        parts = _token_parts(token.text)
        begin = token.begin
        if parts is None:  # only hyphens
            glued = bool(compound) and compound[-1][2] == begin
            pending_hyphen_end = token.end if glued else -1
            continue
        sentence = token.sentence
        if compound and not (pending_hyphen_end == begin and sentence == compound[-1][4]):
            _close(compound, pieces)
        for b, e, text, key, stem_key, capitalised in parts:
            compound.append((text, begin + b, begin + e, t_index, sentence, key, stem_key, capitalised))
        pending_hyphen_end = -1
    if compound:
        _close(compound, pieces)
    return pieces


def _close(compound: list[tuple[str, int, int, int, int, str, str, bool]], pieces: list[Piece]) -> None:
    """Append the compound's pieces (one piece for most words) and empty it."""
    first = len(pieces)
    last = first + len(compound) - 1
    for j, values in enumerate(compound, first):
        pieces.append(_new_tuple(Piece, (j, *values, first, last)))
    compound.clear()
