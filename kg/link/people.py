"""People the lexicon does not name as such: NIL persons and later short references.

* A run of capitalised words after a title ("Außenministerin Wendy Sherman", "Minister Lawrow")
  or starting with a known given name ("Sergej Rjabkow") that no KB name covers is a NIL person:
  given names, then one surname (particles such as "von der" included).
* Once a person is named in full, the surname alone later in the document ("Stoltenberg",
  "Rjabkows", "von der Leyen") refers to the same person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from kg.kb import KnowledgeBase, Title
from kg.kb.names import is_acronym, name_pieces
from kg.model import Entity, EntityKind, Token

PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "del",
        "bin",
        "al",
        "el",
        "le",
        "la",
        "ten",
        "ter",
        "zu",
        "vom",
        "dos",
        "das",
    }
)
MAX_NAME_TOKENS = 4
_text = attrgetter("text")
# a word ending so is a (German) noun after the name, not a second surname ("sagte Tusk Journalisten")
NOUN_ENDINGS = ("en", "ern", "ung", "schaft", "innen", "ion")


@dataclass(frozen=True)
class PersonRun:
    first: int  # token indices, inclusive
    last: int
    label: str
    score: float


@lru_cache(maxsize=65536)  # asked for every person mention in several passes
def surname_of(label: str) -> str | None:
    """The part of a full name used alone later: from the first particle on ("von der Leyen"),
    else the last word; None for one-word names."""
    pieces = [p for p in label.split() if p]
    if len(pieces) < 2:
        return None
    for i, piece in enumerate(pieces[1:], 1):
        if piece in PARTICLES and i < len(pieces) - 1:
            return " ".join(pieces[i:])
    return pieces[-1]


def is_name_like(token: Token) -> bool:
    """Capitalised, letters (and hyphens, apostrophes), not an acronym: a word of a person's name."""
    return _name_like(token.text)


@lru_cache(maxsize=65536)  # a function of the word alone, asked for most tokens of every document
def _name_like(text: str) -> bool:
    if not text[:1].isupper() or len(text) < 2:
        return False
    if is_acronym(text):
        return False
    return all(c.isalpha() or c in "-'’." for c in text) and any(c.islower() for c in text)


def find_nil_persons(tokens: Sequence[Token], covered: Sequence[bool], kb: KnowledgeBase) -> list[PersonRun]:
    """Runs of tokens naming a person the KB lacks; ``covered[i]`` marks tokens already linked."""
    runs: list[PersonRun] = []
    title_of = kb.lexicon.title_of
    i = 0  # the first token no run has taken
    # only a name-like word starts a run: those are found per distinct word, in C (profiled: the
    # walk over every token was most of the pass)
    for start in compress(range(len(tokens)), map(_name_like, map(_text, tokens))):
        if start < i or covered[start]:
            continue
        token = tokens[start]
        if title_of(token.text) is not None:
            continue
        i = start
        same_sentence = i > 0 and tokens[i - 1].sentence == token.sentence
        title = title_of_token(tokens[i - 1], kb) if same_sentence else None
        after_title = title is not None
        given = kb.is_given_name(token.text)
        if not (after_title or given):
            continue
        j = i
        while j + 1 < len(tokens) and j + 1 - i < MAX_NAME_TOKENS and not covered[j + 1]:
            nxt = tokens[j + 1]
            if nxt.sentence != token.sentence:
                break
            # given names, then one surname: "Karoline Brandtners Delegation" stops at the surname;
            # an unknown first word may still take a surname unless it looks like a genitive
            current = tokens[j]
            if not kb.is_given_name(current.text) and (
                current.text.endswith("s") or (j > i and not _last_surname_piece(tokens, j + 1, covered))
            ):
                break
            if is_name_like(nxt) and title_of(nxt.text) is None:
                j += 1
                continue
            if (
                nxt.text in PARTICLES
                and j + 2 < len(tokens)
                and is_name_like(tokens[j + 2])
                and not covered[j + 2]
            ):
                j += 2
                continue
            break
        length = j - i + 1
        if length >= 2 or (title is not None and not title.weak and not given):
            label = " ".join(t.text for t in tokens[i : j + 1])
            label = label[:-2] if label.endswith(("'s", "’s")) else label
            score = 0.8 if after_title and given else 0.7
            runs.append(PersonRun(i, j, label, score))
        i = j + 1
    return runs


def _last_surname_piece(tokens: Sequence[Token], k: int, covered: Sequence[bool]) -> bool:
    """ "Ahmed Aboul Gheit", "Haitham Al Ghais", "Moussa Faki Mahamat": a second surname word ends the
    name when it is the run's last capitalised word and no noun."""
    nxt = tokens[k]
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        is_name_like(nxt)
        and not nxt.text.endswith(NOUN_ENDINGS)
        and not nxt.text.endswith(("'s", "’s"))
        and (after is None or after.sentence != nxt.sentence or covered[k + 1] or not is_name_like(after))
    )


def title_of_token(token: Token, kb: KnowledgeBase) -> Title | None:
    """The title the token is, or the head of a hyphen compound ("US-Außenministerin") is."""
    pieces = name_pieces(token.text)
    head = pieces[-1] if pieces else token.text
    return kb.lexicon.title_of(head)


def person_entity(label: str, lang: str) -> Entity:
    return Entity(label=label, kind=EntityKind.PERSON, qid=None, label_lang=lang)
