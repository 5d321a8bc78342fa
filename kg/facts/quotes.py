"""Direct quotations with their speakers.

The speaker comes from a verb of saying in the quotation's frame (the words of its sentence outside
the quotation marks), in either order; a quotation whose sentence has no frame continues the
previous quotation's speaker when it directly follows it (``sagte er. „Aber …“``).
"""

from __future__ import annotations

from kg.facts.context import DocContext, speaker_in_frame
from kg.facts.time import find_times
from kg.model import Entity, Extractor, Quotation, QuotationSpan

QUOTE_EXTRACTOR = Extractor("kg.facts.quotes", "1")
MIN_WORDS_WITHOUT_SPEAKER = 8  # shorter quoted words without a speaker are titles or scare quotes
MIN_WORDS = 3


def extract_quotations(ctx: DocContext) -> list[Quotation]:
    out: list[Quotation] = []
    previous: tuple[QuotationSpan, Entity | None] | None = None
    for raw in ctx.quotations:
        q = _without_trailing_comma(ctx, raw)
        words = q.span.text.split()
        first_sentence = ctx.sentence_at(q.span.begin)
        last_sentence = ctx.sentence_at(max(q.span.begin, q.span.end - 1))
        frame_begin = ctx.sentence(first_sentence).span.begin
        frame_end = ctx.sentence(last_sentence).span.end
        speaker, verb_at = speaker_in_frame(ctx, frame_begin, frame_end, q.span.begin)
        confidence = 0.9
        if verb_at < 0:
            speaker = None
            if previous is not None and previous[1] is not None and _continues(ctx, previous[0], q):
                speaker = previous[1]
                confidence = 0.8
        if len(words) < MIN_WORDS or (speaker is None and len(words) < MIN_WORDS_WITHOUT_SPEAKER):
            previous = (q, speaker) if speaker is not None else previous
            continue
        evidence = ctx.span(frame_begin, frame_end)
        date = None
        outside = [
            t
            for t in find_times(
                evidence.text,
                evidence.begin,
                ctx.document.published,
                ctx.lower_words(evidence.begin, evidence.end),
            )
            if not (q.span.begin <= t.begin < q.span.end)
        ]
        if outside:
            date = outside[0].date
        out.append(
            Quotation(
                text=q.span.text,
                span=q.span,
                evidence=evidence,
                sentence=first_sentence,
                extractor=QUOTE_EXTRACTOR,
                confidence=confidence if speaker is not None else 0.5,
                speaker=speaker,
                date=date,
            )
        )
        previous = (q, speaker)
    return out


def _continues(ctx: DocContext, before: QuotationSpan, q: QuotationSpan) -> bool:
    """``q`` follows ``before`` with nothing but its frame in between: the same sentence, the next
    sentence, or the next paragraph opening with it."""
    gap_sentences = ctx.sentence_at(q.span.begin) - ctx.sentence_at(
        max(before.span.begin, before.span.end - 1)
    )
    return 0 <= gap_sentences <= 1


def _without_trailing_comma(ctx: DocContext, q: QuotationSpan) -> QuotationSpan:
    """English puts the comma of "…,” he said" inside the marks; it is not part of the quoted words."""
    end = q.span.end
    while end > q.span.begin and ctx.text[end - 1] in ",;: ":
        end -= 1
    if end == q.span.end:
        return q
    return QuotationSpan(ctx.span(q.span.begin, end), q.sentence)
