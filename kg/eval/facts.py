"""Facts, entities, quotations and meetings of one document against its JSON gold.

Facts at document level (DocRED-style): a required gold fact is found when any output fact has its
property, polarity and both ends; an output fact is an extra when it matches no gold fact (required or
optional) and both its ends are known to Wikidata or literals (a fact with an unlinked end is judged
only when gold names it). The strict variant also needs the output fact's evidence span to overlap the
gold fact's ``evidence`` offsets and its time to equal the gold ``time`` (where gold gives them), one
output fact per gold fact (another output fact stating a gold fact that has no evidence offsets is
no extra). Optional gold items are never misses; found, they count as true positives unless
``optional_tp`` is off (then they are only excused, as score.py does). Quotations and meetings follow
../shared/eval/score.py's rules (60 % of the words; place, half the participants and date).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kg.eval.gold import GoldDocument, GoldFact, GoldMeeting, GoldQuote
from kg.eval.scores import Counts, counts
from kg.eval.system import SystemDocument, SystemEnd, SystemFact, SystemMeeting, norm_text

QID = re.compile(r"Q\d+")


@dataclass(frozen=True)
class Judged:
    """One category's counts for one document, with what was missed and what was extra."""

    counts: Counts
    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    per_property: tuple[tuple[str, Counts], ...] = ()


def _credit(c: Counts, found_optional: int) -> Counts:
    """Optional gold items that were found count as true positives (absent ones are no miss)."""
    return Counts(c.ptp + found_optional, c.fp, c.rtp + found_optional, c.fn)


def end_matches(gold: str, end: SystemEnd | None) -> bool:
    if end is None:
        return False
    if "|" not in gold and not gold.startswith("~"):
        return end.key == gold
    for alt in gold.split("|"):
        alt = alt.lstrip("~")
        if QID.fullmatch(alt):
            if end.key == alt:
                return True
        elif alt and any(norm_text(alt) in name for name in end.names if name):
            return True
    return False


def _fact_matches(gold: GoldFact, fact: SystemFact) -> bool:
    return (
        gold.property == fact.property
        and gold.polarity == fact.polarity
        and end_matches(gold.subject, fact.subject)
        and end_matches(gold.object, fact.object)
    )


def _strict_matches(gold: GoldFact, fact: SystemFact) -> bool:
    if not _fact_matches(gold, fact):
        return False
    if gold.time is not None and fact.time != gold.time:
        return False
    if gold.evidence is not None:
        return (
            fact.evidence is not None
            and fact.evidence[0] < gold.evidence[1]
            and gold.evidence[0] < fact.evidence[1]
        )
    return True


def _judged(fact: SystemFact) -> bool:
    return fact.subject.key is not None and fact.object.key is not None


def _show_fact(fact: SystemFact) -> str:
    sign = "" if fact.polarity == "+" else "not "
    evidence = f"  — {fact.evidence[2]!r}" if fact.evidence else ""
    subject, obj = fact.subject.key or fact.subject.iri, fact.object.key or fact.object.iri
    return f"{sign}{subject} {fact.property} {obj}{evidence}"


def _show_gold(fact: GoldFact) -> str:
    sign = "" if fact.polarity == "+" else "not "
    return f"{sign}{fact.subject} {fact.property} {fact.object}" + (f" @{fact.time}" if fact.time else "")


def judge_facts(
    gold: Sequence[GoldFact], system: Sequence[SystemFact], *, strict: bool = False, optional_tp: bool = True
) -> Judged:
    required = [g for g in gold if not g.optional]
    matches = _strict_matches if strict else _fact_matches
    per_property: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    if strict:
        instances = sorted(set(system), key=_show_fact)
        taken = [False] * len(instances)
        hit = []
        for g in required:
            i = next((i for i, f in enumerate(instances) if not taken[i] and matches(g, f)), None)
            if i is not None:
                taken[i] = True
            hit.append(i is not None)
        wrong_facts = [
            f
            for f, t in zip(instances, taken, strict=True)
            if not t
            and _judged(f)
            and not any(_fact_matches(g, f) for g in gold if g.optional)
            and not any(_strict_matches(g, f) for g in gold if g.evidence is None)
        ]
        wrong = [_show_fact(f) for f in wrong_facts]
    else:
        hit = [any(matches(g, f) for f in system) for g in required]
        wrong_by_show: dict[str, SystemFact] = {}
        for f in system:
            if not any(matches(g, f) for g in gold) and _judged(f):
                wrong_by_show.setdefault(_show_fact(f).split("  — ")[0], f)
        wrong = sorted(_show_fact(f) for f in wrong_by_show.values())
        wrong_facts = list(wrong_by_show.values())
    for g, h in zip(required, hit, strict=True):
        per_property[g.property][0 if h else 2] += 1
    for f in wrong_facts:
        per_property[f.property][1] += 1
    tp = sum(hit)
    bonus = sum(any(matches(g, f) for f in system) for g in gold if g.optional) if optional_tp else 0
    return Judged(
        _credit(counts(tp, len(wrong), len(required) - tp), bonus),
        tuple(_show_gold(g) for g, h in zip(required, hit, strict=True) if not h),
        tuple(sorted(wrong)),
        tuple(sorted((p, counts(c[0], c[1], c[2])) for p, c in per_property.items())),
    )


def judge_entities(gold: GoldDocument, system: SystemDocument | None, *, optional_tp: bool = True) -> Judged:
    """Document level, as score.py: the set of Wikidata items mentioned. A label-only gold entity
    (``~name``) is found by any mentioned entity with that name; entities outside Wikidata are never
    extras."""
    assert gold.entities is not None
    mentioned = [
        SystemEnd(
            i[len("http://www.wikidata.org/entity/") :] if "wikidata.org/entity/" in i else None,
            i,
            (system.names if system else {}).get(i, frozenset()),
        )
        for i in sorted(system.entities if system else ())
    ]
    found_qids = {e.key for e in mentioned if e.key}
    hit = [any(end_matches(g, e) for e in mentioned) for g in gold.entities]
    allowed = set(gold.entities) | set(gold.entities_optional)
    extra = sorted(
        q
        for q in found_qids
        if q not in allowed and not any(end_matches(g, SystemEnd(q, "", frozenset())) for g in allowed)
    )
    tp = sum(hit)
    bonus = (
        sum(any(end_matches(g, e) for e in mentioned) for g in gold.entities_optional) if optional_tp else 0
    )
    return Judged(
        _credit(counts(tp, len(extra), len(gold.entities) - tp), bonus),
        tuple(g for g, h in zip(gold.entities, hit, strict=True) if not h),
        tuple(extra),
    )


def _words(s: str) -> set[str]:
    return set(norm_text(s).split())


def judge_quotes(
    gold: Sequence[GoldQuote], system: SystemDocument | None, *, optional_tp: bool = True
) -> Judged:
    """Recall: a required quotation is found when an output quotation of the same speaker holds 60 %
    of its words. Precision: an output quotation is right when 60 % of its words are in the gold
    quotations (optional ones too) of its speaker."""
    extracted = list(system.quotes) if system else []
    required = [q for q in gold if not q.optional] + ([q for q in gold if q.optional] if optional_tp else [])
    found = [
        any(
            end_matches(q.speaker, x.speaker)
            and len(_words(q.text) & _words(x.text)) >= 0.6 * len(_words(q.text))
            for x in extracted
        )
        for q in required
    ]

    def right(speaker: SystemEnd | None, text: str) -> bool:
        pool: set[str] = set().union(*[_words(q.text) for q in gold if end_matches(q.speaker, speaker)])
        return bool(_words(text)) and len(_words(text) & pool) >= 0.6 * len(_words(text))

    wrong = [x for x in extracted if not right(x.speaker, x.text)]
    # An optional quotation counts for recall only when found (it is never a miss).
    misses = sum(1 for q, h in zip(required, found, strict=True) if not h and not q.optional)
    result = Counts(len(extracted) - len(wrong), len(wrong), sum(found), misses)
    return Judged(
        result,
        tuple(q.text for q, h in zip(required, found, strict=True) if not h and not q.optional),
        tuple(f"{(x.speaker.key or x.speaker.iri) if x.speaker else '?'}: {x.text}" for x in wrong),
    )


def judge_meetings(
    gold: Sequence[GoldMeeting], system: SystemDocument | None, *, optional_tp: bool = True
) -> Judged:
    """A required gold meeting is found when an output meeting has its place, at least half its
    participants and its date (those gold gives). An output meeting placed where no gold meeting
    (optional ones too) is placed is an extra; one without a place is not judged."""
    found_meetings = list(system.meetings) if system else []
    required = [m for m in gold if not m.optional]

    def meets(m: GoldMeeting, fm: SystemMeeting) -> bool:
        if m.location and not any(end_matches(m.location, p) for p in fm.places):
            return False
        if m.participants:
            present = sum(any(end_matches(p, w) for w in fm.participants) for p in m.participants)
            if present < 0.5 * len(m.participants):
                return False
        return not (m.date and m.date not in fm.dates)

    hit = [any(meets(m, fm) for fm in found_meetings) for m in required]
    places = [m.location for m in gold if m.location]
    wrong = [
        fm
        for fm in found_meetings
        if fm.places and not any(end_matches(g, p) for g in places for p in fm.places)
    ]
    tp = sum(hit)
    return Judged(
        counts(tp, len(wrong), len(required) - tp),
        tuple(
            f"at {m.location or '?'} on {m.date or '?'} with {', '.join(m.participants) or '?'}"
            for m, h in zip(required, hit, strict=True)
            if not h
        ),
        tuple(
            f"at {', '.join(p.key or p.iri for p in fm.places)} on {', '.join(fm.dates) or '?'}"
            + (f"  — {fm.evidence!r}" if fm.evidence else "")
            for fm in wrong
        ),
    )
