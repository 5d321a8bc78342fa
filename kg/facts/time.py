"""Time expressions and their resolution against the document's publication date.

Weekdays resolve into the week around publication: the publication day itself when it is that
weekday; otherwise the previous one when the clause is in the past tense, the next one when not
("am Montag" in a Friday article about upcoming talks is the Monday after).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS: dict[str, int] = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dez": 12,
    "dec": 12,
}
RELATIVE_DAYS: dict[str, int] = {
    "heute": 0,
    "today": 0,
    "gestern": -1,
    "yesterday": -1,
    "morgen": 1,
    "tomorrow": 1,
    "vorgestern": -2,
    "übermorgen": 2,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_RELATIVE = "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True))

# Expressions, most specific first; each names its groups.
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("day_month_year", re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MONTH})\.?\s+(?P<y>\d{{4}})\b", re.I)),
    (
        "month_day_year",
        re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    ),
    ("numeric_de", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")),
    ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MONTH})\b(?!\.?\s+\d{{4}})", re.I)),
    (
        "month_day",
        re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})", re.I),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:am|an diesem|diesen|kommenden|nächsten|vergangenen|letzten|on|this|next|last)\s+)?"
            rf"(?P<wd>{_WEEKDAY})(?:s|abend|morgen|nachmittag|vormittag|mittag)?\b",
            re.I,
        ),
    ),
    ("relative", re.compile(rf"\b(?P<rel>{_RELATIVE})\b", re.I)),
)

# Clause-level tense cues.
PAST_WORDS = frozenset(
    [
        "sagte",
        "sagten",
        "erklärte",
        "erklärten",
        "traf",
        "trafen",
        "zusammentraf",
        "zusammentrafen",
        "war",
        "waren",
        "hatte",
        "hatten",
        "wurde",
        "wurden",
        "kam",
        "kamen",
        "fand",
        "fanden",
        "sprach",
        "sprachen",
        "betonte",
        "betonten",
        "teilte",
        "teilten",
        "gab",
        "gaben",
        "hat",
        "haben",
        "said",
        "met",
        "was",
        "were",
        "had",
        "did",
        "told",
        "announced",
        "held",
        "spoke",
        "stated",
        "added",
        "warned",
        "noted",
        "visited",
        "agreed",
        "signed",
        "vergangenen",
        "letzten",
        "last",
    ]
)
FUTURE_WORDS = frozenset(
    [
        "wird",
        "werden",
        "soll",
        "sollen",
        "beginnt",
        "beginnen",
        "folgt",
        "folgen",
        "trifft",
        "treffen",
        "kommenden",
        "nächsten",
        "bevorstehenden",
        "will",
        "shall",
        "begins",
        "begin",
        "starts",
        "start",
        "meets",
        "meet",
        "next",
        "upcoming",
    ]
)


@dataclass(frozen=True)
class TimeMention:
    begin: int
    end: int
    text: str
    date: dt.date


def find_times(
    text: str, offset: int, published: dt.date | None, clause_words: list[str]
) -> list[TimeMention]:
    """Dated expressions of ``text`` (which starts at document ``offset``), resolved where possible."""
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue
            # "morgen" after a weekday is part of it; "Morgen" capitalised is a noun in German
            if kind == "relative" and m.group(0) == "Morgen":
                continue
            date = _resolve(kind, m, published, clause_words)
            if date is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeMention(offset + m.start(), offset + m.end(), m.group(0), date))
    return sorted(found, key=lambda t: t.begin)


def _resolve(
    kind: str, m: re.Match[str], published: dt.date | None, clause_words: list[str]
) -> dt.date | None:
    groups = m.groupdict()
    try:
        if kind in ("iso", "numeric_de"):
            return dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        if kind in ("day_month_year", "month_day_year"):
            return dt.date(int(groups["y"]), MONTHS[groups["mon"].lower()], int(groups["d"]))
        if kind in ("day_month", "month_day"):
            if published is None:
                return None
            return _nearest_year(MONTHS[groups["mon"].lower()], int(groups["d"]), published)
    except ValueError:
        return None
    if published is None:
        return None
    if kind == "relative":
        return published + dt.timedelta(days=RELATIVE_DAYS[groups["rel"].lower()])
    if kind == "weekday":
        return resolve_weekday(WEEKDAYS[groups["wd"].lower()], published, m.group(0).lower(), clause_words)
    return None


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date:
    candidates = [dt.date(published.year + k, month, day) for k in (-1, 0, 1)]
    return min(candidates, key=lambda d: abs((d - published).days))


def resolve_weekday(weekday: int, published: dt.date, phrase: str, clause_words: list[str]) -> dt.date:
    if weekday == published.weekday() and not any(
        w in phrase for w in ("vergangenen", "letzten", "last", "next", "nächsten", "kommenden")
    ):
        return published
    words = {w.lower() for w in clause_words}
    past = (
        any(w in phrase for w in ("vergangenen", "letzten", "last"))
        or (bool(words & PAST_WORDS) and not bool(words & FUTURE_WORDS))
        or (any(w.endswith("ed") and len(w) > 4 for w in words) and not words & FUTURE_WORDS)
    )
    if any(w in phrase for w in ("next", "nächsten", "kommenden")):
        past = False
    if past:
        delta = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=delta)
    delta = (weekday - published.weekday()) % 7 or 7
    return published + dt.timedelta(days=delta)
