"""Time expressions and their resolution against the document's publication date.

Weekdays resolve into the week around publication: the publication day itself when it is that
weekday; otherwise the previous one when the clause is in the past tense, the next one when not
("am Montag" in a Friday article about upcoming talks is the Monday after).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.facts.lang import LanguageRules
from kg.model import TimePrecision


def _alternatives(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(words, key=len, reverse=True))


def _date_patterns(rules: LanguageRules) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A language's date expressions, most specific first; each names its groups (built once)."""
    known = _DATE_PATTERNS.get(rules.lang)
    if known is not None:
        return known
    v = rules.vocab
    month, weekday, relative = (
        _alternatives(list(v.months)),
        _alternatives(list(v.weekdays)),
        _alternatives(list(v.relative_days)),
    )
    ordinal = f"(?:{_alternatives(v.ordinal_suffixes)})?" if v.ordinal_suffixes else ""
    openers = "|".join(v.weekday_openers + v.schedule_openers)
    patterns = (
        ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
        (
            "day_month_year",
            re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<mon>{month})\.?\s+(?P<y>\d{{4}})\b", re.I),
        ),
        (
            "month_day_year",
            re.compile(rf"\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}}){ordinal},?\s+(?P<y>\d{{4}})\b", re.I),
        ),
        ("numeric_de", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")),
        ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<mon>{month})\b(?!\.?\s+\d{{4}})", re.I)),
        (
            "month_day",
            re.compile(rf"\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}}){ordinal}\b(?!,?\s+\d{{4}})", re.I),
        ),
        (
            "weekday",
            re.compile(
                rf"\b(?:(?:{openers})\s+)?(?P<wd>{weekday})(?:{'|'.join(v.weekday_suffixes)})?\b",
                re.I,
            ),
        ),
        ("relative", re.compile(rf"\b(?P<rel>{relative})\b", re.I)),
    )
    _DATE_PATTERNS[rules.lang] = patterns
    # Every pattern above needs a digit, a weekday or a relative day: a text with none has no date
    # (most sentences), found with one search instead of a search per pattern.
    _DATE_CUES[rules.lang] = re.compile(rf"\d|{weekday}|{relative}", re.I)
    # … and each pattern needs its own one of the three: a pattern whose cue is absent is not run
    _KIND_CUES[rules.lang] = (
        ("digit", re.compile(r"\d")),
        ("weekday", re.compile(weekday, re.I)),
        ("relative", re.compile(relative, re.I)),
    )
    return patterns


_DATE_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
_DATE_CUES: dict[str, re.Pattern[str]] = {}
_KIND_CUES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}


@dataclass(frozen=True)
class TimeMention:
    begin: int
    end: int
    text: str
    date: dt.date
    precision: TimePrecision = TimePrecision.DAY  # MONTH, YEAR: ``date`` is the first day


def may_hold_date(text: str, begin: int, end: int, rules: LanguageRules) -> bool:
    """Whether ``text[begin:end]`` has a cue every dated expression needs (most sentences have none);
    the cue pattern has no anchors or look-arounds, so searching in place equals searching the slice."""
    _date_patterns(rules)
    return _DATE_CUES[rules.lang].search(text, begin, end) is not None


def find_times(
    text: str, offset: int, published: dt.date | None, clause_words: list[str], rules: LanguageRules
) -> list[TimeMention]:
    """Dated expressions of ``text`` (which starts at document ``offset``), resolved where possible."""
    patterns = _date_patterns(rules)
    cues = {cue for cue, pattern in _KIND_CUES[rules.lang] if pattern.search(text) is not None}
    if not cues:  # no digit, weekday or relative day (the three alternatives of ``_DATE_CUES``)
        return []
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    weekdays: list[TimeMention] = []
    glue_words = "|".join(rules.vocab.weekday_date_glue)
    weekday_date_glue = re.compile(rf",?\s*(?:(?:{glue_words})\s+)?")
    for kind, pattern in patterns:
        # a weekday or relative pattern is named after its cue; every other pattern needs a digit
        if (kind if kind in ("weekday", "relative") else "digit") not in cues:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue
            # "morgen" after a weekday is part of it; "Morgen" capitalised is a noun in German
            if kind == "relative" and m.group(0) in rules.grammar.capitalised_relative_days:
                continue
            tense_words = _tense_words(
                _clause_words_around(text, m.start(), m.end(), rules), clause_words, rules
            )
            date = _resolve(kind, m, published, tense_words, rules)
            if date is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeMention(offset + m.start(), offset + m.end(), m.group(0), date))
            if kind == "weekday":
                weekdays.append(found[-1])
    found.sort(key=lambda t: t.begin)
    if weekdays:
        # "on Wednesday, April 3", "am Mittwoch, den 3. April": one expression, of the date written out
        written_at = {t.begin: t for t in found if t not in weekdays}
        merged: list[TimeMention] = []
        absorbed: set[int] = set()
        for t in found:
            glue = weekday_date_glue.match(text, t.end - offset) if t in weekdays else None
            written = written_at.get(offset + glue.end()) if glue is not None else None
            if written is not None:
                absorbed.add(written.begin)
                phrase = text[t.begin - offset : written.end - offset]
                t = TimeMention(t.begin, written.end, phrase, written.date)
            merged.append(t)
        found = [t for t in merged if t.begin not in absorbed]
    return found


def _resolve(
    kind: str, m: re.Match[str], published: dt.date | None, clause_words: list[str], rules: LanguageRules
) -> dt.date | None:
    vocab = rules.vocab
    groups = m.groupdict()
    try:
        if kind in ("iso", "numeric_de"):
            return dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        if kind in ("day_month_year", "month_day_year"):
            return dt.date(int(groups["y"]), vocab.months[groups["mon"].lower()], int(groups["d"]))
        if kind in ("day_month", "month_day"):
            if published is None:
                return None
            return _nearest_year(vocab.months[groups["mon"].lower()], int(groups["d"]), published)
    except ValueError:
        return None
    if published is None:
        return None
    if kind == "relative":
        return published + dt.timedelta(days=vocab.relative_days[groups["rel"].lower()])
    if kind == "weekday":
        return resolve_weekday(
            vocab.weekdays[groups["wd"].lower()], published, m.group(0).lower(), clause_words, rules
        )
    return None


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date:
    candidates = [dt.date(published.year + k, month, day) for k in (-1, 0, 1)]
    return min(candidates, key=lambda d: abs((d - published).days))


def resolve_weekday(
    weekday: int, published: dt.date, phrase: str, clause_words: list[str], rules: LanguageRules
) -> dt.date:
    past_markers, next_markers = rules.vocab.past_markers, rules.vocab.next_markers
    if weekday == published.weekday() and not any(w in phrase for w in past_markers + next_markers):
        return published
    past = any(w in phrase for w in past_markers) or tense_of(clause_words, rules) == "past"
    if any(w in phrase for w in next_markers) or phrase.split()[0] in rules.vocab.schedule_openers:
        past = False  # "der für Donnerstag geplante Gipfel … wurde abgesagt": the Thursday to come
    if past:
        delta = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=delta)
    delta = (weekday - published.weekday()) % 7 or 7
    return published + dt.timedelta(days=delta)


def _clause_words_around(text: str, begin: int, end: int, rules: LanguageRules) -> list[str]:
    """The words of the clause a time expression stands in: between the nearest breaks around it."""
    left = 0
    for m in rules.vocab.time_clause_break.finditer(text, 0, begin):
        left = m.end()
    right_match = rules.vocab.time_clause_break.search(text, end)
    right = right_match.start() if right_match else len(text)
    # capitalised words are names or German nouns ("Treffen"), never the verb whose tense counts
    return [w.lower() for w in re.findall(r"\w+", text[left:right]) if not w[:1].isupper()]


def _tense_words(local: list[str], sentence: list[str], rules: LanguageRules) -> list[str]:
    """The words whose tense decides: the clause's when a listed verb form tells, else the sentence's;
    a mere suffix guess (-ed, -te) of the clause only when the sentence's verbs say nothing."""
    for words, strong in ((local, True), (sentence, True), (local, False), (sentence, False)):
        if tense_of(words, rules, strong_only=strong) is not None:
            return words
    return sentence


def tense_of(words: list[str], rules: LanguageRules, *, strong_only: bool = False) -> str | None:
    """ "past", "future" (present counts as future for scheduled events) or None when no verb tells."""
    vocab, grammar = rules.vocab, rules.grammar
    lowered = {w.lower() for w in words}
    if lowered & vocab.future_words:
        return "future"
    if lowered & vocab.past_words or any(w.endswith(vocab.strong_past) for w in lowered):
        return "past"
    participle = vocab.time_participle
    if lowered & vocab.perfect_auxiliaries_time and any(participle.fullmatch(w) for w in lowered):
        return "past"  # Perfekt: "ist am Dienstag in Vilnius eingetroffen", "hat … getroffen"
    if strong_only:
        return None
    suffixes, shortest = grammar.weak_past_suffixes, grammar.weak_past_min_length
    if any(w.endswith(suffixes) and len(w) >= shortest and w not in vocab.not_past for w in lowered):
        return "past"  # -ed, weak German past: sagte, erklärten (adjectives like "nächste" are listed)
    return None


def _coarse_patterns(rules: LanguageRules) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A language's month-and-year, relative-year and year expressions (built once)."""
    known = _COARSE_PATTERNS.get(rules.lang)
    if known is not None:
        return known
    v = rules.vocab
    month = _alternatives(list(v.months))
    openers = _alternatives(list(v.year_openers))
    patterns = (
        ("month_year", re.compile(rf"\b(?P<mon>{month})\.?\s+(?P<y>(?:1[89]|20)\d\d)\b", re.I)),
        ("relative_year", re.compile(rf"\b(?P<rel>{_alternatives(list(v.relative_years))})\b", re.I)),
        # "in March", "im März": a month without a year, the last one up to the publication
        (
            "month_alone",
            re.compile(
                rf"\b(?:{_alternatives(list(v.month_openers))})\s*(?P<mon>{month})\b(?!\.?\s*\d)", re.I
            ),
        ),
        # a year alone, not part of a number or a date ("2023-24", "3.4.2023" are taken before)
        (
            "year",
            re.compile(rf"(?<![\d.,/-])\b(?:(?:{openers})\s+)?(?P<y>(?:1[89]|20)\d\d)\b(?![.,/-]?\d)", re.I),
        ),
    )
    _COARSE_PATTERNS[rules.lang] = patterns
    return patterns


_COARSE_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}


def find_coarse_times(
    text: str, offset: int, published: dt.date | None, taken: list[tuple[int, int]], rules: LanguageRules
) -> list[TimeMention]:
    """Months and years of ``text`` given without a day ("im März 2023", "in 2023", "last year"), where
    no dated expression (``taken``, document offsets) stands; a relative year needs the publication."""
    spans = [(b - offset, e - offset) for b, e in taken]
    found: list[TimeMention] = []
    for kind, pattern in _coarse_patterns(rules):
        for m in pattern.finditer(text):
            if any(m.start() < e and b < m.end() for b, e in spans):
                continue
            groups = m.groupdict()
            if kind == "month_year":
                date = dt.date(int(groups["y"]), rules.vocab.months[groups["mon"].lower()], 1)
                precision = TimePrecision.MONTH
            elif kind == "month_alone":
                if published is None:
                    continue
                number = rules.vocab.months[groups["mon"].lower()]
                year = published.year if number <= published.month else published.year - 1
                date, precision = dt.date(year, number, 1), TimePrecision.MONTH
            elif kind == "relative_year":
                if published is None:
                    continue
                phrase = re.sub(r"\s+", " ", groups["rel"].lower())
                date = dt.date(published.year + rules.vocab.relative_years[phrase], 1, 1)
                precision = TimePrecision.YEAR
            else:
                date, precision = dt.date(int(groups["y"]), 1, 1), TimePrecision.YEAR
            spans.append((m.start(), m.end()))
            found.append(TimeMention(offset + m.start(), offset + m.end(), m.group(0), date, precision))
    found.sort(key=lambda t: t.begin)
    return found
