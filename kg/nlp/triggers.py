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
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kg.model import TriggerHit

CONTEXT = "CONTEXT"  # the key marking a pattern element as context, not trigger
SPAN = "SPAN"  # the key of a regex narrowing the trigger inside the token
OWN_KEYS = (CONTEXT, SPAN)

TokenPattern = Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class TriggerPatterns:
    """One rule's trigger as data: token patterns, vetoing patterns, or (compatibility) a regex."""

    rule: str
    tokens: tuple[TokenPattern, ...] = ()
    unless: tuple[TokenPattern, ...] = ()
    regex: re.Pattern[str] | None = None


class TriggerMatcher:
    """The triggers of one rule set compiled into one ``Matcher`` for one vocabulary."""

    def __init__(self, vocab: Any, rules: Sequence[TriggerPatterns]) -> None:
        from spacy.matcher import Matcher

        self._matcher = Matcher(vocab, validate=True)
        # one key per pattern: the alignment of a match says which element each token matched,
        # and only the pattern's own context flags can say which of those are the trigger
        self._keys: dict[int, tuple[str, bool, tuple[bool, ...], tuple[re.Pattern[str] | None, ...]]] = {}
        self._regexes = [(r.rule, r.regex) for r in rules if r.regex is not None and not r.tokens]
        for rule in rules:
            for vetoes, patterns in ((False, rule.tokens), (True, rule.unless)):
                for i, pattern in enumerate(patterns):
                    key = f"{rule.rule}\x00{'unless' if vetoes else 'match'}\x00{i}"
                    elements = [{k: v for k, v in e.items() if k not in OWN_KEYS} for e in pattern]
                    self._matcher.add(key, [elements])
                    context = tuple(bool(e.get(CONTEXT)) for e in pattern)
                    spans = tuple(re.compile(e[SPAN]) if SPAN in e else None for e in pattern)
                    self._keys[vocab.strings[key]] = (rule.rule, vetoes, context, spans)

    def __call__(self, doc: Any, text: str) -> tuple[TriggerHit, ...]:
        hits: dict[tuple[str, int, int], tuple[int, int]] = {}  # (rule, tokens) -> characters
        vetoes: dict[str, list[tuple[int, int]]] = {}
        matches: list[Any] = self._matcher(doc, with_alignments=True) if len(self._matcher) else []
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
        starts = [t.idx for t in doc]
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
