"""Text pieces: the analysis' tokens, hyphen compounds cut into their parts, with offsets.

"Nato-Generalsekretär" is one token (German) or three ("Nato", "-", "Generalsekretär", as the
English tokenizer splits hyphens); either way it gives two pieces, "Nato" (0..4) and
"Generalsekretär" (5..20), that belong to one *compound*, so a name can match one part of a
compound with exact offsets and the linker knows it is a part.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count, repeat
from operator import add, attrgetter
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


@lru_cache(maxsize=65536)
def _shape(text: str) -> int:
    """0 for a word that is its own single piece (most), 1 for hyphens only, 2 for a word cut at its
    hyphens or with a piece shorter than itself (a German ordinal's dot)."""
    parts = _token_parts(text)
    if parts is None:
        return 1
    return 0 if len(parts) == 1 and parts[0][0] == 0 and parts[0][1] == len(text) else 2


_new_tuple = tuple.__new__  # Piece's values as one tuple: no Python-level ``__new__`` per piece
_token_text = attrgetter("text")
_token_begin = attrgetter("begin")
_token_sentence = attrgetter("sentence")


def text_pieces(analysis: TextAnalysis) -> list[Piece]:
    """One pass over the tokens. Runs of plain words (one piece each, their own compound) are made
    column by column in C; the other tokens, hyphens and the words after them, one by one: a token
    glued on by a hyphen (or cut at its hyphens) extends the compound, whose pieces get their first
    and last index when it ends (profiled: a Python step per word was most of the pass)."""
    tokens = analysis.tokens
    n = len(tokens)
    texts = list(map(_token_text, tokens))
    shapes = list(map(_shape, texts))
    special = set(compress(range(n), shapes))
    special.update(i + 1 for i in compress(range(n), map((1).__eq__, shapes)))  # may be glued on
    begins = list(map(_token_begin, tokens))
    ends = list(map(add, begins, map(len, texts)))
    sentences = list(map(_token_sentence, tokens))
    keys, stems, capitals = zip(*map(word_keys, texts), strict=True) if n else ((), (), ())
    pieces: list[Piece] = []
    append = pieces.append
    start = 0  # piece index of the current compound's first piece
    last_end = -1  # end offset of the current compound's last piece (-1: no compound yet)
    last_sentence = -1
    pending_hyphen_end = -1  # end offset of a hyphen-only token right before
    i = 0  # the first token not yet made into pieces
    for t_index in [*sorted(k for k in special if k < n), n]:
        if t_index > i:  # plain words i..t_index-1
            if len(pieces) - start > 1:
                _close(pieces, start, len(pieces))
            j = len(pieces)
            columns = (
                count(j),
                texts[i:t_index],
                begins[i:t_index],
                ends[i:t_index],
                range(i, t_index),
                sentences[i:t_index],
                keys[i:t_index],
                stems[i:t_index],
                capitals[i:t_index],
                count(j),
                count(j),
            )
            pieces.extend(map(_new_tuple, repeat(Piece), zip(*columns, strict=False)))  # counts: endless
            start = len(pieces) - 1
            last_end, last_sentence, pending_hyphen_end = ends[t_index - 1], sentences[t_index - 1], -1
        if t_index == n:
            break
        i = t_index + 1
        begin = begins[t_index]
        parts = _token_parts(texts[t_index])
        if parts is None:  # only hyphens
            pending_hyphen_end = tokens[t_index].end if last_end == begin else -1
            continue
        sentence = sentences[t_index]
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
