"""Text pieces: the analysis' tokens, hyphen compounds cut into their parts, with offsets.

"Nato-Generalsekretär" is one token (German) or three ("Nato", "-", "Generalsekretär", as the
English tokenizer splits hyphens); either way it gives two pieces, "Nato" (0..4) and
"Generalsekretär" (5..20), that belong to one *compound*, so a name can match one part of a
compound with exact offsets and the linker knows it is a part.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
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
def word_keys(text: str) -> tuple[str, str, bool]:
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
    return tuple((b, e, text[b:e], *word_keys(text[b:e])) for b, e in parts)


_new_tuple = tuple.__new__  # Piece's values as one tuple: no Python-level ``__new__`` per piece
_token_text = attrgetter("text")


def text_pieces(analysis: TextAnalysis) -> list[Piece]:
    """One pass over the tokens. Every piece is made at once as its own compound; a token glued on by
    a hyphen (or cut at its hyphens) extends the compound, whose pieces get their first and last
    index when it ends (most words are no compound: profiled, closing each word's compound was
    a third of the pass)."""
    tokens = analysis.tokens
    pieces: list[Piece] = []
    append = pieces.append
    start = 0  # piece index of the current compound's first piece
    last_end = -1  # end offset of the current compound's last piece (-1: no compound yet)
    last_sentence = -1
    pending_hyphen_end = -1  # end offset of a hyphen-only token right before
    token_parts = map(_token_parts, map(_token_text, tokens))  # in C: parts are cached per word
    for t_index, (token, parts) in enumerate(zip(tokens, token_parts, strict=True)):
        begin = token.begin
        if parts is None:  # only hyphens
            pending_hyphen_end = token.end if last_end == begin else -1
            continue
        sentence = token.sentence
        j = len(pieces)
        if last_end < 0 or not (pending_hyphen_end == begin and sentence == last_sentence):
            if j - start > 1:
                _close(pieces, start, j)
            start = j
        for b, e, text, key, stem_key, capitalised in parts:
            values = (j, text, begin + b, begin + e, t_index, sentence, key, stem_key, capitalised, j, j)
            append(_new_tuple(Piece, values))
            j += 1
        last_end = pieces[-1][3]
        last_sentence = sentence
        pending_hyphen_end = -1
    if len(pieces) - start > 1:
        _close(pieces, start, len(pieces))
    return pieces


def _close(pieces: list[Piece], first: int, end: int) -> None:
    """Give the pieces ``first..end-1`` of a compound its first and last index."""
    last = end - 1
    for j in range(first, end):
        pieces[j] = _new_tuple(Piece, (*pieces[j][:9], first, last))
