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


def text_pieces(analysis: TextAnalysis) -> list[Piece]:
    raw: list[tuple[str, int, int, int, int]] = []  # text, begin, end, token, sentence
    joined: list[bool] = []  # piece i is joined to piece i-1 by a hyphen, without space
    pending_hyphen_end = -1  # end offset of a hyphen-only token right before
    for t_index, token in enumerate(analysis.tokens):
        text_of_token = token.text
        if text_of_token and not text_of_token.strip(HYPHENS):  # only hyphens
            glued = bool(raw) and raw[-1][2] == token.begin
            pending_hyphen_end = token.end if glued else -1
            continue
        if text_of_token.endswith(".") and text_of_token[-2:-1].isdigit():
            # German ordinals: "Artikel 5." ends a sentence; "der G20." too
            text_of_token = text_of_token[:-1]
        if len(text_of_token) > 2 and _HYPHEN.search(text_of_token):
            parts = hyphen_parts(text_of_token)
        else:
            parts = [(0, len(text_of_token))]
        for p_index, (b, e) in enumerate(parts):
            if p_index > 0:
                joined.append(True)
            else:
                joined.append(pending_hyphen_end == token.begin and token.sentence == raw[-1][4])
            raw.append((text_of_token[b:e], token.begin + b, token.begin + e, t_index, token.sentence))
        pending_hyphen_end = -1
    pieces: list[Piece] = []
    start = 0
    for i in range(len(raw) + 1):
        if i == len(raw) or (i > 0 and not joined[i]):
            for j in range(start, i):
                text, begin, end, t_index, sentence = raw[j]
                key, stem_key, capitalised = _keys(text)
                pieces.append(
                    Piece(j, text, begin, end, t_index, sentence, key, stem_key, capitalised, start, i - 1)
                )
            start = i
    return pieces
