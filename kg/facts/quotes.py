"""Direct quotations with their speakers.

The speaker comes from a verb of saying in the quotation's frame (the words of its sentence outside
the quotation marks), in either order; a quotation whose sentence has no frame continues the
previous quotation's speaker when it directly follows it (``sagte er. „Aber …“``).
"""

from __future__ import annotations

import datetime as dt

from kg.facts.context import DocContext, outside_quotations, speaker_in_frame
from kg.model import Entity, Extractor, Quotation, QuotationSpan


def quote_extractor(lang: str) -> Extractor:
    return Extractor(f"kg.facts.{lang}.quotes", "1")


MIN_WORDS_WITHOUT_SPEAKER = 8  # shorter quoted words without a speaker are titles or scare quotes
MIN_WORDS = 3


def extract_quotations(ctx: DocContext) -> list[Quotation]:
    out: list[Quotation] = []
    # the last quotation with a speaker: where its frame ended, who spoke, when
    previous: tuple[int, Entity | None, dt.date | None] | None = None
    for raw in ctx.quotations:
        q = _without_trailing_comma(ctx, raw)
        words = q.span.text.split()
        first_sentence = ctx.sentence_at(q.span.begin)
        last_sentence = ctx.sentence_at(max(q.span.begin, q.span.end - 1))
        frame_begin = ctx.sentence(first_sentence).span.begin
        frame_end = ctx.sentence(last_sentence).span.end
        speaker, verb_at = speaker_in_frame(ctx, frame_begin, frame_end, q.span.begin)
        confidence = 0.9
        inherited_date = None
        if verb_at < 0:
            speaker = None
            if previous is not None and previous[1] is not None and _continues(ctx, previous[0], q):
                speaker = previous[1]
                inherited_date = previous[2]
                confidence = 0.8
            else:
                # „…“ Das sagte Stoltenberg am Freitag. — the frame is the next sentence
                speaker, frame_end = _frame_in_next_sentence(ctx, last_sentence, frame_end)
                confidence = 0.8
        if len(words) < MIN_WORDS or (speaker is None and len(words) < MIN_WORDS_WITHOUT_SPEAKER):
            previous = (frame_end, speaker, None) if speaker is not None else previous
            continue
        evidence = ctx.span(frame_begin, frame_end)
        frame_parts = outside_quotations(ctx, frame_begin, frame_end)
        times = [
            t
            for t in ctx.times_in(evidence.begin, evidence.end)
            if any(b <= t.begin < e for b, e in frame_parts) and _same_clause(ctx, verb_at, t.begin)
        ]
        date = times[0].date if times else inherited_date
        out.append(
            Quotation(
                text=q.span.text,
                span=q.span,
                evidence=evidence,
                sentence=first_sentence,
                extractor=quote_extractor(ctx.lang),
                confidence=confidence if speaker is not None else 0.5,
                speaker=speaker,
                date=date,
            )
        )
        previous = (frame_end, speaker, date)
    return out


def _frame_in_next_sentence(ctx: DocContext, last_sentence: int, frame_end: int) -> tuple[Entity | None, int]:
    """A quotation standing alone, framed by the next sentence ("Das sagte X.", "That is what X said.")."""
    if last_sentence + 1 >= len(ctx.analysis.sentences):
        return None, frame_end
    following = ctx.sentence(last_sentence + 1).span
    first = following.text.split(maxsplit=1)[0].lower() if following.text.strip() else ""
    if first not in ctx.vocab.frame_openers:
        return None, frame_end
    speaker, verb_at = speaker_in_frame(ctx, following.begin, following.end, following.begin)
    if verb_at < 0 or speaker is None:
        return None, frame_end
    return speaker, following.end


def _continues(ctx: DocContext, previous_frame_end: int, q: QuotationSpan) -> bool:
    """``q`` follows the previous quotation and its frame directly: in the same sentence or the next."""
    gap_sentences = ctx.sentence_at(q.span.begin) - ctx.sentence_at(max(0, previous_frame_end - 1))
    return 0 <= gap_sentences <= 1


def _without_trailing_comma(ctx: DocContext, q: QuotationSpan) -> QuotationSpan:
    """English puts the comma of "…,” he said" inside the marks; it is not part of the quoted words."""
    end = q.span.end
    while end > q.span.begin and ctx.text[end - 1] in ",;: ":
        end -= 1
    if end == q.span.end:
        return q
    return QuotationSpan(ctx.span(q.span.begin, end), q.sentence)


def _same_clause(ctx: DocContext, verb_at: int, time_at: int) -> bool:
    """A date dates the saying only in the verb's own clause ("sagte X am Freitag"), not in a
    relative clause after it ("sagte X, der am Sonntag … zusammenkam")."""
    if verb_at < 0:
        return True
    lo, hi = sorted((verb_at, time_at))
    return ctx.vocab.other_clause.search(ctx.text, lo, hi) is None
