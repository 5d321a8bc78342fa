"""Text pieces: the analysis' tokens, hyphen compounds cut into their parts, with offsets.

"Nato-Generalsekretär" is one token and two pieces, "Nato" (0..4) and "Generalsekretär"
(5..20), so a name can match one part of a compound with exact offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.kb.names import hyphen_parts, normalise, stem
from kg.model import TextAnalysis


@dataclass(frozen=True)
class Piece:
    index: int  # position in the document's piece sequence
    text: str
    begin: int
    end: int
    token: int  # index into analysis.tokens
    part: int  # which hyphen part of its token (0 for the first or only one)
    parts: int  # how many hyphen parts its token has
    sentence: int
    key: str  # normalise(text)
    stem_key: str  # stem(key)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def text_pieces(analysis: TextAnalysis) -> list[Piece]:
    pieces: list[Piece] = []
    for t_index, token in enumerate(analysis.tokens):
        text_of_token = token.text
        if text_of_token.endswith(".") and text_of_token[:-1].isdigit():
            text_of_token = text_of_token[:-1]  # German ordinals: "Artikel 5." ends a sentence
        parts = hyphen_parts(text_of_token) if len(text_of_token) > 2 else [(0, len(text_of_token))]
        if not parts:  # a token of hyphens only
            continue
        for p_index, (b, e) in enumerate(parts):
            text = text_of_token[b:e]
            key = normalise(text)
            pieces.append(
                Piece(
                    len(pieces),
                    text,
                    token.begin + b,
                    token.begin + e,
                    t_index,
                    p_index,
                    len(parts),
                    token.sentence,
                    key,
                    stem(key),
                )
            )
    return pieces
