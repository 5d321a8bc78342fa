"""Whether the words between a subject and a nominal trigger ("NATO-Mitglied", "a close partner")
leave the noun about the subject: a predicative gap of copulas, modals, adjectives, dates and
parentheses — and the verbs by which a third party acts against a candidacy."""

from __future__ import annotations

import re

from kg.facts.context import DocContext


def predicative_gap(ctx: DocContext, begin: int, end: int) -> bool:
    words = without_parentheses(ctx, ctx.words(begin, end))
    for i, (b, e, w) in enumerate(words):
        low = w.lower()
        if (
            low in ctx.vocab.predicative_gap
            or low in ctx.vocab.modal_or_receiving
            or ctx.mentions_overlapping(b, e)
        ):
            continue
        if (
            re.fullmatch(r"\d+\.?", low)
            or low.rstrip(".") in ctx.vocab.months
            or low in ctx.vocab.weekdays
            or low in ctx.vocab.time_links
            or ctx.vocab.ordinals.fullmatch(low)  # "the tenth member", "als 41. Mitglied"
        ):
            continue  # "war bis zum 1. Mai 2023 Mitglied", "since 1999"
        following = words[i + 1][2] if i + 1 < len(words) else ""
        prenominal = (
            i + 1 == len(words)
            or bool(ctx.mentions_overlapping(words[i + 1][0], words[i + 1][1]))
            or (
                following.lower() in ctx.vocab.predicative_gap
                and following.lower() not in ("und", "and", ",", "der", "die", "the")
            )
            or bool(ctx.vocab.adjective_like.fullmatch(following))
            or (  # coordinated adjectives: "a close and reliable partner", "enger und verlässlicher"
                following.lower() in ("and", "und", "or", "oder", ",")
                and i + 2 < len(words)
                and bool(ctx.vocab.adjective_like.fullmatch(words[i + 2][2]))
            )
        )
        if ctx.vocab.adjective_like.fullmatch(w) and prenominal:
            continue  # an adjective before the noun: "langjährige NATO-Partner", "a close partner"
        return False
    return True


def without_parentheses(ctx: DocContext, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words without a parenthesis set off by a pair of commas ("Moldova, which borders Romania,
    received candidate status"): what it says is not what stands between subject and predicate."""
    commas = [i for i, (_, _, w) in enumerate(words) if w == ","]
    skip: set[int] = set()
    relative = [
        i for i in commas if i + 1 < len(words) and words[i + 1][2].lower() in ctx.vocab.relative_openers
    ]
    if relative and commas[-1] > relative[0]:
        # a relative clause may hold a list ("which borders Russia, Turkey and Armenia,"): to the last comma
        skip.update(range(relative[0], commas[-1] + 1))
        commas = [i for i in commas if i < relative[0]]
    for first, second in zip(commas[::2], commas[1::2], strict=False):
        skip.update(range(first, second + 1))
    return [w for i, w in enumerate(words) if i not in skip]
