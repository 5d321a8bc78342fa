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
        # English irregular pasts (regular ones end in -ed)
        "became",
        "began",
        "came",
        "went",
        "took",
        "gave",
        "sent",
        "left",
        "won",
        "made",
        "saw",
        "wrote",
        "led",
        "lost",
        "sought",
        "brought",
        "joined",
        "vergangenen",
        "letzten",
        "last",
    ]
)
FUTURE_WORDS = frozenset(
    [
        "geplant",  # "ist für Montag geplant": a state passive of what is to come
        "vorgesehen",
        "angesetzt",
        "anberaumt",
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
    weekdays: list[TimeMention] = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue
            # "morgen" after a weekday is part of it; "Morgen" capitalised is a noun in German
            if kind == "relative" and m.group(0) == "Morgen":
                continue
            tense_words = _tense_words(_clause_words_around(text, m.start(), m.end()), clause_words)
            date = _resolve(kind, m, published, tense_words)
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
            glue = WEEKDAY_DATE_GLUE.match(text, t.end - offset) if t in weekdays else None
            written = written_at.get(offset + glue.end()) if glue is not None else None
            if written is not None:
                absorbed.add(written.begin)
                phrase = text[t.begin - offset : written.end - offset]
                t = TimeMention(t.begin, written.end, phrase, written.date)
            merged.append(t)
        found = [t for t in merged if t.begin not in absorbed]
    return found


WEEKDAY_DATE_GLUE = re.compile(r",?\s*(?:den\s+|the\s+)?")


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
    past = any(w in phrase for w in ("vergangenen", "letzten", "last")) or tense_of(clause_words) == "past"
    if any(w in phrase for w in ("next", "nächsten", "kommenden")):
        past = False
    if past:
        delta = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=delta)
    delta = (weekday - published.weekday()) % 7 or 7
    return published + dt.timedelta(days=delta)


CLAUSE_BREAK = re.compile(
    r"[,;:„“”\"»«()–—]|\b(?:dass|wo|als|nachdem|bevor|weil|that|where|when|after|before)\b"
)
# German strong verbs in the simple past (also at the end of separable compounds: zusammenkam, teilnahm)
STRONG_PAST_DE = (
    "kam",
    "kamen",
    "traf",
    "trafen",
    "sprach",
    "sprachen",
    "gab",
    "gaben",
    "fand",
    "fanden",
    "nahm",
    "nahmen",
    "hielt",
    "hielten",
    "ging",
    "gingen",
    "stand",
    "standen",
    "rief",
    "riefen",
    "trat",
    "traten",
    "bat",
    "baten",
    "lud",
    "luden",
    "flog",
    "flogen",
    "wies",
    "wiesen",
    "begann",
    "begannen",
)


def _clause_words_around(text: str, begin: int, end: int) -> list[str]:
    """The words of the clause a time expression stands in: between the nearest breaks around it."""
    left = 0
    for m in CLAUSE_BREAK.finditer(text, 0, begin):
        left = m.end()
    right_match = CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    # capitalised words are names or German nouns ("Treffen"), never the verb whose tense counts
    return [w.lower() for w in re.findall(r"\w+", text[left:right]) if not w[:1].isupper()]


def _tense_words(local: list[str], sentence: list[str]) -> list[str]:
    """The words whose tense decides: the clause's when a listed verb form tells, else the sentence's;
    a mere suffix guess (-ed, -te) of the clause only when the sentence's verbs say nothing."""
    for words, strong in ((local, True), (sentence, True), (local, False), (sentence, False)):
        if tense_of(words, strong_only=strong) is not None:
            return words
    return sentence


PERFECT_AUXILIARIES_DE = frozenset({"ist", "sind", "hat", "haben"})
# past participles with ge- (getroffen, eingetroffen, gesprochen, zusammengekommen) or -iert
PARTICIPLE_DE = re.compile(r"[a-zäöüß]*ge[a-zäöüß]{3,}(?:t|en)|[a-zäöüß]{3,}iert")


def tense_of(words: list[str], *, strong_only: bool = False) -> str | None:
    """ "past", "future" (present counts as future for scheduled events) or None when no verb tells."""
    lowered = {w.lower() for w in words}
    if lowered & FUTURE_WORDS:
        return "future"
    if lowered & PAST_WORDS or any(w.endswith(STRONG_PAST_DE) for w in lowered):
        return "past"
    if lowered & PERFECT_AUXILIARIES_DE and any(PARTICIPLE_DE.fullmatch(w) for w in lowered):
        return "past"  # Perfekt: "ist am Dienstag in Vilnius eingetroffen", "hat … getroffen"
    if strong_only:
        return None
    if any(w.endswith("ed") and len(w) > 4 for w in lowered):
        return "past"
    if any(w.endswith(("te", "ten")) and len(w) > 5 and w not in NOT_PAST for w in lowered):
        return "past"  # weak German past: sagte, erklärten (adjectives like "nächste" are listed)
    return None


NOT_PAST = frozenset(
    [
        "nächste",
        "nächsten",
        "letzte",
        "letzten",
        "erste",
        "ersten",
        "zweite",
        "zweiten",
        "dritte",
        "dritten",
        "kommenden",
        "kommende",
        "meisten",
        "beste",
        "besten",
        "größte",
        "größten",
        "weitere",
        "weiteren",
        "mittlerweile",
        "gesamte",
        "gesamten",
    ]
)
