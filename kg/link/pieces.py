"""Text pieces: the analysis' tokens, hyphen compounds cut into their parts, with offsets.

"Nato-Generalsekretär" is one token (German) or three ("Nato", "-", "Generalsekretär", as the
English tokenizer splits hyphens); either way it gives two pieces, "Nato" (0..4) and
"Generalsekretär" (5..20), that belong to one *compound*, so a name can match one part of a
compound with exact offsets and the linker knows it is a part.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.kb.names import HYPHENS, hyphen_parts, normalise, stem
from kg.model import TextAnalysis


@dataclass(frozen=True)
class Piece:
    index: int  # position in the document's piece sequence
    text: str
    begin: int
    end: int
    token: int  # index into analysis.tokens
    sentence: int
    key: str  # normalise(text)
    stem_key: str  # stem(key)
    compound_first: int = -1  # piece index of the first piece of its hyphen compound
    compound_last: int = -1  # … and of the last; both its own index outside compounds

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def text_pieces(analysis: TextAnalysis) -> list[Piece]:
    pieces: list[Piece] = []
    joined: list[bool] = []  # piece i is joined to piece i-1 by a hyphen, without space
    pending_hyphen_end = -1  # end offset of a hyphen-only token right before
    for t_index, token in enumerate(analysis.tokens):
        text_of_token = token.text
        if text_of_token and all(c in HYPHENS for c in text_of_token):
            glued = bool(pieces) and pieces[-1].end == token.begin
            pending_hyphen_end = token.end if glued else -1
            continue
        if text_of_token.endswith(".") and text_of_token[:-1].isdigit():
            text_of_token = text_of_token[:-1]  # German ordinals: "Artikel 5." ends a sentence
        parts = hyphen_parts(text_of_token) if len(text_of_token) > 2 else [(0, len(text_of_token))]
        if not parts:
            continue
        for p_index, (b, e) in enumerate(parts):
            text = text_of_token[b:e]
            key = normalise(text)
            if p_index > 0:
                joined.append(True)
            else:
                joined.append(pending_hyphen_end == token.begin and token.sentence == pieces[-1].sentence)
            pieces.append(
                Piece(
                    len(pieces),
                    text,
                    token.begin + b,
                    token.begin + e,
                    t_index,
                    token.sentence,
                    key,
                    stem(key),
                )
            )
        pending_hyphen_end = -1
    return _with_compounds(pieces, joined)


def _with_compounds(pieces: list[Piece], joined: list[bool]) -> list[Piece]:
    out: list[Piece] = []
    start = 0
    for i in range(len(pieces) + 1):
        if i == len(pieces) or (i > 0 and not joined[i]):
            for j in range(start, i):
                p = pieces[j]
                out.append(
                    Piece(
                        p.index, p.text, p.begin, p.end, p.token, p.sentence, p.key, p.stem_key, start, i - 1
                    )
                )
            start = i
    return out
