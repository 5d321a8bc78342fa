"""Quotation marks and quote-aware sentence boundaries (pure Python; works on any pipeline).

Pairs recognised: „…“ „…” “…” "…" »…« «…» ‚…‘ ‘…’. German news often closes „ with “ (and
machine translation sometimes opens with “ and closes with ”); an unclosed quotation ends with its
paragraph, which is how multi-paragraph quotations are written.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# opening mark -> the marks that may close it
DOUBLE_QUOTES: dict[str, str] = {
    "„": '“”"',
    "“": '”“"',
    '"': '"”“',
    "»": "«",
    "«": "»",
}
SINGLE_QUOTES: dict[str, str] = {"‚": "‘’", "‘": "’‘"}
ALL_MARKS = '„“”"»«‚‘’'
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# the scan jumps from mark to mark: the characters between them cannot open or close a quotation
OPENING_MARK = re.compile(f"[{re.escape(''.join(DOUBLE_QUOTES) + ''.join(SINGLE_QUOTES))}]")
CLOSING_MARKS = {
    closers: re.compile(f"[{re.escape(closers)}]")
    for closers in {*DOUBLE_QUOTES.values(), *SINGLE_QUOTES.values()}
}


@dataclass(frozen=True)
class QuoteMarks:
    """One quotation: offsets of the opening mark and of the closing mark (or paragraph end)."""

    open_at: int
    close_at: int  # index of the closing mark; == inner_end when the paragraph ended it
    inner_begin: int
    inner_end: int
    closed: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotations(text: str) -> list[QuoteMarks]:
    """Top-level quotations of ``text`` in order; nested single quotes stay inside their double quote."""
    found: list[QuoteMarks] = []
    paragraph_ends = [m.start() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    n = len(text)
    found_mark = OPENING_MARK.search(text)
    i = found_mark.start() if found_mark is not None else n
    while i < n:
        ch = text[i]
        closers = DOUBLE_QUOTES.get(ch)
        if closers is None and ch in SINGLE_QUOTES:
            # a single quote opens only at a word start (not an apostrophe inside a word)
            prev = text[i - 1] if i else " "
            if not _is_word(prev) and i + 1 < n and _is_word(text[i + 1]):
                closers = SINGLE_QUOTES[ch]
        if closers is None:
            found_mark = OPENING_MARK.search(text, i + 1)
            i = found_mark.start() if found_mark is not None else n
            continue
        para_end = next(e for e in paragraph_ends if e > i)
        j = i + 1
        close = -1
        closing = CLOSING_MARKS[closers]
        while j < para_end:
            at = closing.search(text, j, para_end)  # the next candidate closing mark, in C
            if at is None:
                break
            j = at.start()
            c = text[j]
            if c in closers:
                is_single = c in "‘’"
                nxt = text[j + 1] if j + 1 < n else " "
                # an apostrophe inside a word (don’t, Putin’s) closes nothing
                if not (is_single and _is_word(nxt) and _is_word(text[j - 1])):
                    # a straight/curly double quote that could also open: it closes when what follows
                    # is not a word start glued to it
                    close = j
                    break
            j += 1
        if close == -1:
            inner_end = para_end
            while inner_end > i + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            found.append(QuoteMarks(i, inner_end, i + 1, inner_end, closed=False))
            found_mark = OPENING_MARK.search(text, para_end)
            i = found_mark.start() if found_mark is not None else n
            continue
        found.append(QuoteMarks(i, close, i + 1, close, closed=True))
        found_mark = OPENING_MARK.search(text, close + 1)
        i = found_mark.start() if found_mark is not None else n
    return [_trimmed(q, text) for q in found if q.inner_end > q.inner_begin]


def _trimmed(q: QuoteMarks, text: str) -> QuoteMarks:
    begin, end = q.inner_begin, q.inner_end
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return QuoteMarks(q.open_at, q.close_at, begin, end, q.closed)


def quote_aware_boundaries(
    text: str, spans: list[tuple[int, int]], quotes: list[QuoteMarks]
) -> list[tuple[int, int]]:
    """Sentence spans (trimmed of surrounding white space) from a rule sentencizer's, corrected:

    - a paragraph break (blank line), or a line break after a title-like line, always ends a sentence;
    - an opening quotation mark the sentencizer left at the end of a sentence (``sagte er. „``)
      moves to the sentence it opens;
    - a break is undone when the next part starts lower-case right after a quotation or an
      unpunctuated end (``… scheitert.“ er sagte.``) or with a comma/closing mark.
    Quoted speech of several sentences keeps its internal sentence ends.
    """
    starts = {b for b, _ in spans}
    starts.add(0)
    for m in re.finditer(r"\n[ \t]*(?=\S)", text):
        line_start = m.end()
        prev_line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        blank_before = text[: m.start()].rstrip(" \t").endswith("\n") or not prev_line
        titleish = bool(prev_line) and (prev_line[-1] in ".!?:…" + ALL_MARKS or len(prev_line.split()) <= 12)
        if blank_before or (titleish and (text[line_start].isupper() or text[line_start] in ALL_MARKS)):
            starts.add(line_start)
    for q in quotes:
        # the opening mark belongs to the sentence it opens
        moved = [b for b in starts if q.open_at < b <= q.inner_begin]
        if moved:
            starts.difference_update(moved)
            starts.add(q.open_at)
    ordered = sorted(b for b in starts if b < len(text))
    bounds = [*ordered, len(text)]
    pieces = []
    for b, e in itertools.pairwise(bounds):
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if e > b:
            pieces.append((b, e))
    merged: list[tuple[int, int]] = []
    for begin, end in pieces:
        if merged and "\n" not in text[merged[-1][1] : begin]:
            first = text[begin]
            previous = text[merged[-1][0] : merged[-1][1]]
            after_quote_or_open = previous[-1] in ALL_MARKS or previous[-1] not in ".!?…"
            glue = (first.islower() and after_quote_or_open) or first in ",;:)"
            if first in ALL_MARKS and not _opens_quote_at(quotes, begin):
                glue = True
            if glue:
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((begin, end))
    return merged


def _opens_quote_at(quotes: list[QuoteMarks], offset: int) -> bool:
    return any(q.open_at == offset for q in quotes)
