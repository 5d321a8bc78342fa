"""Publication dates as feeds and sites write them: ISO 8601 (with or without a time and zone), RSS's
RFC 822 (``Fri, 07 Jan 2022 10:15:00 +0100``), German ``07.01.2022`` (optionally with ``10:15 Uhr``),
and month names (``7. Januar 2022``, ``7 January 2022``, ``January 7, 2022``).

The date is the one the text names, in the zone it names: ``2022-01-07T23:30:00-05:00`` was published
on the 7th where it was written, although it was already the 8th in UTC. Forms that are ambiguous
(``01/02/2022``: January or February?) are refused, not guessed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

ACCEPTED = "YYYY-MM-DD (a time may follow), DD.MM.YYYY, RFC 822 (RSS) or '7 January 2022'"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "januar", "jän", "jänner"),
            ("february", "feb", "februar"),
            ("march", "mar", "märz", "maerz", "mär"),
            ("april", "apr"),
            ("may", "mai"),
            ("june", "jun", "juni"),
            ("july", "jul", "juli"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct", "oktober", "okt"),
            ("november", "nov"),
            ("december", "dec", "dezember", "dez"),
        ),
        start=1,
    )
    for name in names
}
_ZONE = r"(?:Z|\s*[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2})"
_TIME = r"(?:[,\s]+(?:um\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:uhr|h))?" + _ZONE + "?)?"
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?" + _ZONE + "?)?", re.I)
_GERMAN = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})" + _TIME, re.I)
_DAY_MONTH = re.compile(r"(?:\w+,?\s+)?(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})" + _TIME, re.I)
_MONTH_DAY = re.compile(r"(?:\w+,?\s+)?([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME, re.I)


def parse_published(value: str) -> dt.date:
    """The date of a publication-date string; ``ValueError`` naming the accepted forms otherwise."""
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]), value)
    match = _GERMAN.fullmatch(text)
    if match:
        return _date(int(match[3]), int(match[2]), int(match[1]), value)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        match = pattern.fullmatch(text)
        if match and match[month_group].lower() in _MONTHS:
            return _date(int(match[3]), _MONTHS[match[month_group].lower()], int(match[day_group]), value)
    try:
        rfc822 = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        rfc822 = None
    if rfc822 is not None:
        return rfc822.date()
    raise ValueError(f"not a date ({ACCEPTED}): {value!r}")


def _date(year: int, month: int, day: int, value: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a date ({exc}): {value!r}") from exc
