"""Names the KB does not hold: typed NIL mentions where the text's evidence is clear.

* A name cue (``kg/data/link/<lang>/name_cues.tsv``) with capitalised words before it ("Georgia
  Power", "Deutschen Bank", "Deutsche Presse-Agentur") or after it ("Vereinigung Cockpit", "Golf
  von Mexiko", "FC Bayern München") is a name of the cue's kind. The longest name wins: KB
  mentions inside it ("Georgia", "Mexiko", "Burlington") are dropped.
* An acronym defined in the text, "Long Name (LN)", names the same entity as the long name, here
  and wherever else it stands in the document, whatever the KB's candidate for it was ("IOC").

NIL entities are keyed by kind and label, so identical names in one document are one entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from pathlib import Path

from kg.kb import KnowledgeBase
from kg.kb.names import is_acronym, name_pieces
from kg.link.people import is_name_like
from kg.model import Document, Entity, EntityKind, Extractor, Mention, Span, Token

NIL_NAME = Extractor("kg.link.nil_name", "1")
ACRONYM = Extractor("kg.link.acronym", "1")

LANG_DIR = Path(__file__).resolve().parent.parent / "data" / "link"
LEFT_WORDS = {"de": 1, "en": 3}  # German nouns are capitalised: "Gewerkschaft Vereinigung Cockpit"
RIGHT_WORDS = 3
CONNECTORS = {"de": frozenset({"von"}), "en": frozenset({"of"})}


@dataclass(frozen=True)
class Cue:
    word: str
    kind: EntityKind
    first: bool  # the name starts with the cue (else it ends with it)


@lru_cache(maxsize=8)
def name_cues(lang: str) -> dict[str, Cue]:
    path = LANG_DIR / lang / "name_cues.tsv"
    cues: dict[str, Cue] = {}
    if not path.is_file():
        return cues
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind, where = line.split("\t")[:3]
        cues[word] = Cue(word, EntityKind(kind), where.strip() == "first")
    return cues


@lru_cache(maxsize=8)
def function_words(lang: str) -> frozenset[str]:
    path = LANG_DIR / lang / "function_words.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def add_names_beyond_kb(
    mentions: Sequence[Mention], tokens: Sequence[Token], document: Document, kb: KnowledgeBase
) -> list[Mention]:
    named = _cue_names(tokens, document, kb)
    out = _longest(mentions, named)
    return _defined_acronyms(out, tokens, document)


def _word(token: Token, lang: str, kb: KnowledgeBase) -> bool:
    """A capitalised word that can be part of a name (no sentence-opening article, no title)."""
    if token.text in function_words(lang) or kb.lexicon.title_of(token.text) is not None:
        return False
    return is_name_like(token) or is_acronym(token.text)


def _adjacent(a: Token, b: Token, text: str) -> bool:
    return a.sentence == b.sentence and text[a.end : b.begin].strip() == ""


def _cue_of(token: Token, lang: str) -> Cue | None:
    return _cue_of_word(token.text, lang)


@lru_cache(maxsize=65536)  # a function of the word alone, asked for every token of every document
def _cue_of_word(word: str, lang: str) -> Cue | None:
    cues = name_cues(lang)
    cue = cues.get(word)
    if cue is None:
        pieces = name_pieces(word)
        if len(pieces) > 1:  # "Presse-Agentur": the head of a compound
            head = cues.get(pieces[-1])
            cue = head if head is not None and not head.first else None
    return cue


_CUES_BY_WORD: dict[str, dict[str, Cue | None]] = {}  # lang -> word -> its cue (a pure cache)
_CUE_WORDS_LIMIT = 200_000
_text = attrgetter("text")


def _cue_names(tokens: Sequence[Token], document: Document, kb: KnowledgeBase) -> list[Mention]:
    lang, text = document.lang, document.text
    connectors = CONNECTORS.get(lang, frozenset())
    out: list[Mention] = []
    texts = list(map(_text, tokens))
    cues = _CUES_BY_WORD.setdefault(lang, {})
    unknown = set(texts).difference(cues)
    if unknown:
        if len(cues) + len(unknown) > _CUE_WORDS_LIMIT:
            cues.clear()
            unknown = set(texts)
        for word in unknown:
            cues[word] = _cue_of_word(word, lang)
    for i in compress(range(len(texts)), map(cues.__getitem__, texts)):  # cached per word, in C
        token, cue = tokens[i], cues[texts[i]]
        assert cue is not None
        first = last = i
        if cue.first:
            words = 0
            while (
                last + 1 < len(tokens)
                and words < RIGHT_WORDS
                and _adjacent(tokens[last], tokens[last + 1], text)
            ):
                nxt = tokens[last + 1]
                if _word(nxt, lang, kb):
                    last, words = last + 1, words + 1
                elif nxt.text in connectors and last + 2 < len(tokens) and _word(tokens[last + 2], lang, kb):
                    last, words = last + 2, words + 1
                else:
                    break
        else:
            words = 0
            while (
                first > 0
                and words < LEFT_WORDS.get(lang, 1)
                and _adjacent(tokens[first - 1], tokens[first], text)
            ):
                before = tokens[first - 1]
                if _word(before, lang, kb):
                    first, words = first - 1, words + 1
                elif before.text in connectors and first > 1 and _word(tokens[first - 2], lang, kb):
                    first, words = first - 2, words + 1
                else:
                    break
        if first == last:
            continue
        begin, end = tokens[first].begin, tokens[last].end
        surface = text[begin:end]
        if surface.endswith(("'s", "’s")):
            end -= 2
            surface = surface[:-2]
        entity = Entity(label=surface, kind=cue.kind, qid=None, label_lang=lang)
        out.append(Mention(Span(begin, end, surface), token.sentence, entity, 0.7, NIL_NAME))
    return out


def _longest(mentions: Sequence[Mention], named: Sequence[Mention]) -> list[Mention]:
    """Cue names over the KB mentions inside them; a KB name as long or longer keeps its place."""
    kept_names: list[Mention] = []
    for n in named:
        if any(
            m.annotation and m.span.begin <= n.span.begin and n.span.end <= m.span.end for m in mentions
        ) or any(k.span.begin < n.span.end and n.span.begin < k.span.end for k in kept_names):
            continue
        kept_names.append(n)
    if not kept_names:
        return list(mentions)
    out = [
        m
        for m in mentions
        if not any(n.span.begin <= m.span.begin and m.span.end <= n.span.end for n in kept_names)
    ]
    return out + kept_names


def _initials(name: str) -> str:
    return "".join(piece[:1] for word in name.split() for piece in name_pieces(word)).lower()


def _defined_acronyms(mentions: list[Mention], tokens: Sequence[Token], document: Document) -> list[Mention]:
    text = document.text
    defined: dict[str, Entity] = {}
    texts = list(map(_text, tokens))
    if "(" not in texts:
        return mentions
    for i in compress(range(len(texts) - 2), map("(".__eq__, texts)):
        if i < 1:
            continue
        opening, short, closing = tokens[i], tokens[i + 1], tokens[i + 2]
        if closing.text != ")" or not 2 <= len(short.text) <= 6:
            continue
        before = [
            m
            for m in mentions
            if m.annotation and m.span.end <= opening.begin and text[m.span.end : opening.begin].strip() == ""
        ]
        long_form = max(before, key=lambda m: m.span.end - m.span.begin, default=None)
        if long_form is None:
            continue
        if not (is_acronym(short.text) or _initials(long_form.span.text) == short.text.lower()):
            continue
        defined[short.text] = long_form.entity
    if not defined:
        return mentions
    out: list[Mention] = []
    taken: set[tuple[int, int]] = set()
    for m in mentions:
        entity = defined.get(m.span.text)
        if entity is not None and m.annotation:
            if entity != m.entity:
                m = replace(m, entity=entity, score=0.8, linker=ACRONYM)
            taken.add((m.span.begin, m.span.end))
        out.append(m)
    starts = {(m.span.begin, m.span.end) for m in mentions}
    for t in tokens:
        entity = defined.get(t.text)
        if entity is None or (t.begin, t.end) in taken or (t.begin, t.end) in starts:
            continue
        if any(m.span.begin < t.end and t.begin < m.span.end for m in out):
            continue
        out.append(Mention(Span(t.begin, t.end, t.text), t.sentence, entity, 0.8, ACRONYM))
    return out


@lru_cache(maxsize=8)
def saying_verbs(lang: str) -> frozenset[str]:
    path = LANG_DIR / lang / "saying_verbs.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def find_speakers(
    tokens: Sequence[Token], covered: Sequence[bool], document: Document, kb: KnowledgeBase
) -> list[tuple[int, int]]:
    """Token ranges (first, last) of two or three free capitalised words right before or after a
    verb of saying ("Scottie Scheffler said", "sagte Juri Knorr"): people the KB lacks."""
    lang, text = document.lang, document.text
    verbs = saying_verbs(lang)
    out: list[tuple[int, int]] = []

    def free_word(k: int) -> bool:
        t = tokens[k]
        return not covered[k] and _word(t, lang, kb) and not is_acronym(t.text) and _cue_of(t, lang) is None

    for v in compress(range(len(tokens)), map(verbs.__contains__, map(_text, tokens))):
        verb = tokens[v]
        last = v - 1  # the run before the verb
        first = last
        while first - 1 >= 0 and last - first < 2 and free_word(first - 1):
            if not _adjacent(tokens[first - 1], tokens[first], text):
                break
            first -= 1
        if last >= 0 and first < last and free_word(last) and tokens[last].sentence == verb.sentence:
            out.append((first, last))
            continue
        first = v + 1  # the run after the verb
        last = first
        while last + 1 < len(tokens) and last - first < 2 and free_word(last + 1):
            if not _adjacent(tokens[last], tokens[last + 1], text):
                break
            last += 1
        if (
            first < len(tokens)
            and first < last
            and free_word(first)
            and tokens[first].sentence == verb.sentence
        ):
            out.append((first, last))
    return out
