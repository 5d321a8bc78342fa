"""Rule triggers found in one pass per document: spaCy ``Matcher`` token patterns (Cython), and the
regular expressions of rules not yet written as token patterns (once over the whole text).

The rules come in as plain data (``TriggerPatterns``), so this module knows nothing of the facts
stage. A pattern is a spaCy Matcher pattern (``LOWER``, ``IN``, ``REGEX``, ``OP`` …); an element
with ``"CONTEXT": True`` must match but is not part of the trigger (a look-ahead or look-behind:
"gehört … an" is triggered by "gehört", "an" only has to follow). An element with ``"SPAN": <regex>``
narrows the trigger to what the regex finds inside that token (the first or last token of the
trigger): "Beitritt" inside "EU-Beitritt", as a regular expression over the text would read it.
``unless`` patterns veto a hit their trigger part overlaps ("Mitglied" is no bare membership noun in
"Mitglied der NATO").

Tests of a token's text the Matcher would run in Python for every token it reads (``IN``, ``NOT_IN``,
``REGEX`` on ``TEXT``/``ORTH``/``LOWER``) are compiled into lexeme flags (spaCy's free bits
``FLAG19`` … ``FLAG63``): decided once per distinct word when the vocabulary first sees it, and read
by the Matcher in compiled code. A test without a free bit stays a Matcher predicate.

The Matcher runs only around anchors: each pattern's required element with the longest words (a word,
a list of words, or a regex on one token) is looked up for the whole document at once in the token
array, and the Matcher reads the few tokens around each anchor found; a sentence without one costs no
matching at all.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.model import TriggerHit, TriggerPatterns

CONTEXT = "CONTEXT"  # the key marking a pattern element as context, not trigger
SPAN = "SPAN"  # the key of a regex narrowing the trigger inside the token
OWN_KEYS = (CONTEXT, SPAN)

TokenPattern = Sequence[Mapping[str, Any]]
MERGE_GAP = 10  # windows closer than this are read in one call (fewer calls; few tokens more)
UNBOUNDED = 10_000  # "+" or "*": the window of such a pattern is the whole document
FREE_FLAGS = range(19, 64)  # lexeme flag bits no spaCy attribute uses (FLAG19 … FLAG63)
WORD_ATTRS = {"TEXT": False, "ORTH": False, "LOWER": True}  # attribute -> tested lower-cased
WORD_TESTS = ("IN", "NOT_IN", "REGEX")


class TriggerMatcher:
    """The triggers of one rule set compiled into one ``Matcher`` for one vocabulary."""

    def __init__(self, vocab: Any, rules: Sequence[TriggerPatterns]) -> None:
        from spacy.matcher import Matcher
        from spacy.schemas import validate_token_pattern

        # validated as the rules write them; the compiled elements name flag bits the schema lacks
        self._matcher = Matcher(vocab, validate=False)
        # one key per pattern: the alignment of a match says which element each token matched,
        # and only the pattern's own context flags can say which of those are the trigger
        self._keys: dict[int, tuple[str, bool, tuple[bool, ...], tuple[re.Pattern[str] | None, ...]]] = {}
        self._regexes = [(r.rule, r.regex) for r in rules if r.regex is not None and not r.tokens]
        self._anchors = _Anchors(vocab)
        for rule in rules:
            for vetoes, patterns in ((False, rule.tokens), (True, rule.unless)):
                for i, pattern in enumerate(patterns):
                    key = f"{rule.rule}\x00{'unless' if vetoes else 'match'}\x00{i}"
                    elements = [{k: v for k, v in e.items() if k not in OWN_KEYS} for e in pattern]
                    errors = validate_token_pattern(elements)
                    if errors:
                        raise ValueError(f"rule {rule.rule}: invalid token pattern {pattern!r}: {errors}")
                    self._matcher.add(key, [[_compiled(vocab, e) for e in elements]])
                    self._anchors.add(elements)
                    context = tuple(bool(e.get(CONTEXT)) for e in pattern)
                    spans = tuple(re.compile(e[SPAN]) if SPAN in e else None for e in pattern)
                    self._keys[vocab.strings[key]] = (rule.rule, vetoes, context, spans)

    def __call__(self, doc: Any, text: str) -> tuple[TriggerHit, ...]:
        hits: dict[tuple[str, int, int], tuple[int, int]] = {}  # (rule, tokens) -> characters
        vetoes: dict[str, list[tuple[int, int]]] = {}
        matches: list[Any] = []
        for a, b in self._anchors.windows(doc) if len(self._matcher) else ():
            found: list[Any] = self._matcher(doc[a:b], with_alignments=True)
            matches.extend((k, a + s, a + e, al) for k, s, e, al in found)
        for key, start, _end, alignment in matches:
            rule, veto, context, spans = self._keys[key]
            inside = [i for i, element in enumerate(alignment) if not context[element]]
            if not inside:
                continue
            first, last = start + inside[0], start + inside[-1] + 1
            if veto:
                vetoes.setdefault(rule, []).append((first, last))
                continue
            begin, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
            head, tail = spans[alignment[inside[0]]], spans[alignment[inside[-1]]]
            if head is not None and (found := head.search(doc[first].text)) is not None:
                begin = doc[first].idx + found.start()
            if tail is not None and (found := tail.search(doc[last - 1].text)) is not None:
                end = doc[last - 1].idx + found.end()
            hits[(rule, first, last)] = (begin, end)
        out = []
        for (rule, first, last), (begin, end) in hits.items():
            if any(a < last and first < b for a, b in vetoes.get(rule, ())):
                continue
            out.append(TriggerHit(rule, first, last, begin, end, text[begin:end]))
        if self._regexes:
            out.extend(self._regex_hits(doc, text))
        return tuple(sorted(out, key=lambda h: (h.begin, h.end, h.rule)))

    def _regex_hits(self, doc: Any, text: str) -> list[TriggerHit]:
        """A rule still written as a regular expression: once over the document's text."""
        from spacy.attrs import IDX

        starts = doc.to_array(IDX).tolist()  # not ``t.idx for t in doc``: a Token object per token
        out = []
        for rule, regex in self._regexes:
            assert regex is not None
            for m in regex.finditer(text):
                if m.end() <= m.start():
                    continue
                first = max(0, bisect.bisect_right(starts, m.start()) - 1)
                last = max(first + 1, bisect.bisect_left(starts, m.end()))
                out.append(TriggerHit(rule, first, last, m.start(), m.end(), m.group(0)))
        return out


_COMPILED: dict[tuple[int, str], TriggerMatcher] = {}


def trigger_matcher(vocab: Any, rules: Sequence[TriggerPatterns]) -> TriggerMatcher:
    """The compiled matcher of ``rules`` for ``vocab``, built once per process and rule set."""
    fingerprint = json.dumps(
        [(r.rule, r.tokens, r.unless, (r.regex.pattern, r.regex.flags) if r.regex else None) for r in rules],
        sort_keys=True,
        default=str,
    )
    key = (id(vocab), fingerprint)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = TriggerMatcher(vocab, rules)
    return found


@dataclass(frozen=True)
class _WordTest:
    """One ``IN``/``REGEX`` test of a word (``NOT_IN``: the ``IN`` test's flag must be off), as a
    lexeme flag getter: called with a word's text when the vocabulary adds the word."""

    lower: bool
    words: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None
    lower_of: Callable[[str], str] = field(default=str.lower, compare=False)

    def __call__(self, orth: str) -> bool:
        word = self.lower_of(orth) if self.lower else orth
        return bool(self.regex.search(word)) if self.regex is not None else word in self.words


def _compiled(vocab: Any, element: Mapping[str, Any]) -> dict[str, Any]:
    """``element`` with its word tests as lexeme flags (``{"FLAG19": True}``) where a bit is free."""
    from spacy.attrs import LOWER

    out: dict[str, Any] = {}
    for attr, value in element.items():
        lower = WORD_ATTRS.get(attr.upper()) if isinstance(attr, str) else None
        if (
            lower is None
            or not isinstance(value, Mapping)
            or len(value) != 1
            or next(iter(value)) not in WORD_TESTS
        ):
            out[attr] = value
            continue
        [(op, arg)] = value.items()
        test = _WordTest(
            lower,
            words=frozenset(arg) if op != "REGEX" else frozenset(),
            regex=re.compile(arg) if op == "REGEX" else None,
            lower_of=vocab.lex_attr_getters.get(LOWER, str.lower),
        )
        bit = _flag(vocab, test)
        if bit is None:
            out[attr] = value
        else:
            out[f"FLAG{bit}"] = op != "NOT_IN"
    return out


def _flag(vocab: Any, test: _WordTest) -> int | None:
    """The flag bit of ``test`` in ``vocab``: the one already given to an equal test, else a free one
    (None when all are taken)."""
    getters = vocab.lex_attr_getters
    for bit in FREE_FLAGS:
        if getters.get(bit) == test:
            return bit
    for bit in FREE_FLAGS:
        if bit not in getters:
            return int(vocab.add_flag(test, flag_id=bit))
    return None


class _Anchors:
    """Where in a document a match can be: around the anchors of all patterns, found as hashes of exact
    words (ORTH or LOWER) and by regexes over a token's text (decided once per distinct word)."""

    def __init__(self, vocab: Any) -> None:
        self._strings = vocab.strings
        self._orth: dict[int, tuple[int, int]] = {}  # word hash -> widest (before, after) reach
        self._lower: dict[int, tuple[int, int]] = {}
        self._regexes: list[tuple[re.Pattern[str], tuple[int, int]]] = []
        self._regex_reach: dict[int, tuple[int, int] | None] = {}  # ORTH hash -> reach, None: no anchor
        self._everywhere = False  # a pattern without an anchor: the Matcher reads the whole document

    def add(self, elements: Sequence[Mapping[str, Any]]) -> None:
        lengths = [_most(e.get("OP")) for e in elements]
        best: tuple[int, int, str, Any] | None = None  # (shortest word, index, attribute, words or regex)
        for i, e in enumerate(elements):
            anchor = _anchor(e)
            if anchor is not None and (best is None or anchor[0] > best[0]):
                best = (anchor[0], i, anchor[1], anchor[2])
        if best is None or sum(lengths) >= UNBOUNDED:
            self._everywhere = True
            return
        _, i, attr, value = best
        reach = (sum(lengths[:i]), sum(lengths[i:]))
        if isinstance(value, re.Pattern):
            self._regexes.append((value, reach))
            self._regex_reach.clear()
            return
        target = self._lower if attr == "LOWER" else self._orth
        for word in value:
            h = self._strings.add(word)
            old = target.get(h, (0, 0))
            target[h] = (max(old[0], reach[0]), max(old[1], reach[1]))

    def windows(self, doc: Any) -> list[tuple[int, int]]:
        """Token ranges [a, b) covering every possible match, disjoint, in order.

        The tokens are filtered by one set test each (the anchors' hashes; the regexes decided once
        per distinct word, across documents): the reach is looked up only for the anchors found."""
        n = len(doc)
        if self._everywhere or not n:
            return [(0, n)] if n else []
        from spacy.attrs import LOWER, ORTH

        rows = doc.to_array([ORTH, LOWER])
        orths = rows[:, 0].tolist()
        spans = []
        for keys, table in ((orths, self._orth), (rows[:, 1].tolist() if self._lower else [], self._lower)):
            if not table:
                continue
            for i in [i for i, key in enumerate(keys) if key in table]:
                reach = table[keys[i]]
                spans.append((max(0, i - reach[0]), min(n, i + reach[1])))
        if self._regexes:
            cache = self._regex_reach
            distinct = set(orths)
            for orth in distinct.difference(cache):
                self._by_regex(orth, cache)
            anchored = {orth for orth in distinct if cache[orth] is not None}
            for i in [i for i, orth in enumerate(orths) if orth in anchored] if anchored else ():
                found = cache[orths[i]]
                assert found is not None
                spans.append((max(0, i - found[0]), min(n, i + found[1])))
        spans.sort()
        out: list[tuple[int, int]] = []
        for a, b in spans:
            if out and a <= out[-1][1] + MERGE_GAP:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return out

    def _by_regex(self, orth: int, cache: dict[int, tuple[int, int] | None]) -> tuple[int, int] | None:
        if not self._regexes:
            return None
        if orth not in cache:
            text = self._strings[orth]
            found = [reach for regex, reach in self._regexes if regex.search(text)]
            cache[orth] = (max(r[0] for r in found), max(r[1] for r in found)) if found else None
        return cache[orth]


def _anchor(element: Mapping[str, Any]) -> tuple[int, str, list[str] | re.Pattern[str]] | None:
    """A required element's words (or regex), with the length of its shortest word; None if it has
    none (a wildcard, an optional element, other attributes)."""
    if element.get("OP") not in (None, "+"):
        return None
    keys = set(element) - {"OP", CONTEXT, SPAN}
    if len(keys) != 1 or not keys <= {"TEXT", "ORTH", "LOWER"}:
        return None
    attr = next(iter(keys))
    value = element[attr]
    if isinstance(value, str):
        return len(value), attr, [value]
    if isinstance(value, Mapping) and set(value) == {"IN"} and value["IN"]:
        return min(len(w) for w in value["IN"]), attr, list(value["IN"])
    if isinstance(value, Mapping) and set(value) == {"REGEX"} and attr != "LOWER":
        return 5, attr, re.compile(value["REGEX"])  # a regex: ranked as a word of five letters
    return None


def _most(op: Any) -> int:
    """The most tokens one pattern element may match."""
    if op in (None, "!", "?"):
        return 1
    if op in ("+", "*"):
        return UNBOUNDED
    found = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", str(op))
    if found is None:
        return UNBOUNDED
    if found.group(2):
        return int(found.group(3)) if found.group(3) else UNBOUNDED
    return int(found.group(1))
