"""Who states a relation fact and when it holds: a verb of saying around its clause, a quotation it
stands in or a source phrase ("according to X", "X zufolge"); a date of its own clause, or one opening
the sentence, not one of another clause. Used by ``relations``."""

from __future__ import annotations

from kg.facts.context import DocContext, speaker_in_frame
from kg.facts.factuality import Window
from kg.model import Entity, EntityKind, Quotation, TimeRef, TimeRole


def attribution(
    ctx: DocContext, window: Window, sentence_index: int, quotations: list[Quotation], subject_begin: int
) -> Entity | None:
    for q in quotations:
        if q.span.begin <= window.begin < q.span.end:
            return q.speaker
    s = ctx.sentence(sentence_index).span
    # the frame ends where the fact's clause begins: its subject ("Orbán said Ukraine was …"), or its
    # window when that starts first
    frame_end = max(window.begin, subject_begin) if subject_begin < window.end else window.begin
    speaker, verb_at = speaker_in_frame(ctx, s.begin, frame_end, frame_end)
    if verb_at < 0:  # "Article 5 does not apply to Ukraine, Stoltenberg said."
        # "Moldovan President Maia Sandu, whose country borders Ukraine, said she …": the pronoun after
        # the fact means the person named before the verb, in this sentence too
        # … but not the verb of a clause coordinated after it: "Ukraine is not a member, and U.S.
        # officials have said …" is the writer's statement
        joined = ctx.vocab.next_clause.search(ctx.text, window.end, s.end)
        speaker, verb_at = speaker_in_frame(ctx, window.end, joined.start() if joined else s.end, window.end)
    if verb_at < 0 or speaker is None:
        # "According to Zelenskyy, Ukraine hopes …" when the subject found is Zelenskyy standing for
        # Ukraine: the source phrase still names him
        return _source_inside(ctx, window) or speaker
    return speaker


def _source_inside(ctx: DocContext, window: Window) -> Entity | None:
    """ "Moldau will nach Angaben von Maia Sandu der EU beitreten", "Finland is, according to
    Stoltenberg, a close partner": the person such a phrase names, right after it (or right before
    "zufolge")."""
    for phrase in ctx.vocab.source_phrase.finditer(ctx.text, window.begin, window.end):
        if phrase.group(0).lower() in ctx.vocab.postposed_source:
            sentence_begin = ctx.sentence(ctx.sentence_at(phrase.start())).span.begin
            people = ctx.mentions_in(max(sentence_begin, phrase.start() - 40), phrase.start(), PERSON_KIND)
            if people:
                return people[-1].entity
            continue
        people = ctx.mentions_in(phrase.end(), min(window.end + 40, phrase.end() + 40), PERSON_KIND)
        if people:
            return people[0].entity
    return None


PERSON_KIND = frozenset({EntityKind.PERSON})


def _fronted(ctx: DocContext, begin: int, end: int, sentence_begin: int, window_begin: int) -> bool:
    """ "Am 18. Mai 2022 beantragte Schweden …", "On May 18, 2022, Sweden applied …": a date opening the
    sentence right before the fact's clause (not "On Monday, NATO said …": that is when it was said)."""
    if begin >= window_begin:
        return False
    opening = [w for w in ctx.lower_words(sentence_begin, begin) if w[:1].isalnum()]
    between = [w for w in ctx.lower_words(end, max(end, window_begin)) if w[:1].isalnum()]
    return (
        len(opening) <= 1
        and len(between) <= 1
        and ctx.patterns.say.search(ctx.text, end, max(end, window_begin)) is None
    )


def _other_clause(ctx: DocContext, begin: int, end: int, trigger_at: int) -> bool:
    """ "joined NATO on March 7, … after it applied for membership": the date is the main clause's."""
    between = ctx.lower_words(end, trigger_at) if end <= trigger_at else ctx.lower_words(trigger_at, begin)
    return bool(set(between) & ctx.vocab.subordinators)


def fact_time(
    ctx: DocContext, window: Window, begin: int, end: int, trigger_at: int, role: TimeRole | None = None
) -> TimeRef | None:
    """The date of the fact's clause. With a ``role`` (the rule's: joined is a START) that role, and a
    month or year alone counts too ("trat 2004 der EU bei"); without, P585 unless "seit"/"bis"."""
    times = ctx.coarse_times_in(begin, end) if role is not None else ctx.times_in(begin, end)
    clause_end = window.end
    for b, _, w in ctx.words(window.end, end):
        if w in ",;:":
            break
        clause_end = max(clause_end, b + len(w))
    inside = [
        t
        for t in times
        if (window.begin <= t.begin < clause_end or _fronted(ctx, t.begin, t.end, begin, window.begin))
        and not _other_clause(ctx, t.begin, t.end, trigger_at)
    ]
    if not inside:
        return None
    t = inside[0]
    # "seit dem 4. April 2023 Mitglied", "member since April 4, 2023": when it began; "bis", "until": ended
    before = [w.lower() for w in ctx.lower_words(max(begin, t.begin - 12), t.begin)][-2:]
    if role is None:
        role = TimeRole.POINT
        if any(w in ctx.vocab.start_links for w in before):
            role = TimeRole.START
        elif any(w in ctx.vocab.end_links for w in before):
            role = TimeRole.END
    return TimeRef(date=t.date, role=role, span=ctx.span(t.begin, t.end), precision=t.precision)
