"""Writing SVG text by hand: escaping, number formatting, element strings, and text widths.

There is no font at hand when laying out, so widths are estimated from Helvetica's metrics (which
Arial and Liberation Sans share), with a margin for the wider fonts a viewer may fall back to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

# Helvetica advance widths in thousandths of an em, for printable ASCII (32 to 126).
_HELVETICA = (
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
    + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015]
    + [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833]
    + [722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]
    + [278, 278, 278, 469, 556, 333]
    + [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833]
    + [556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]
    + [334, 260, 334, 584]
)
_SPARE = 1.06  # a viewer without Helvetica or Arial draws a little wider
_BOLD = 1.08
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _char_width(char: str) -> int:
    code = ord(char)
    if 32 <= code <= 126:
        return _HELVETICA[code - 32]
    base = unicodedata.normalize("NFD", char)[0]  # é is as wide as e
    if base != char and 32 <= ord(base) <= 126:
        return _HELVETICA[ord(base) - 32]
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    if unicodedata.category(char).startswith("M"):
        return 0
    return {"ß": 611, "–": 556, "—": 1000, "…": 1000, "„": 333, "“": 333, "”": 333, "’": 222}.get(char, 600)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in pixels of ``text`` set in ``size`` px (an estimate a little on the wide side)."""
    width = sum(_char_width(c) for c in text) * size / 1000 * _SPARE
    return width * _BOLD if bold else width


def fit(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text``, cut with an ellipsis where it is wider than ``max_width``."""
    if text_width(text, size, bold=bold) <= max_width:
        return text
    while text and text_width(text + "…", size, bold=bold) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, size: float, max_width: float, *, max_lines: int, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``max_width``; the last line that fits is
    cut with an ellipsis when more would follow."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, size, bold=bold) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], fit(" ".join(lines[max_lines - 1 :]) + " …", size, max_width)]
    return [fit(line, size, max_width, bold=bold) for line in lines] or [""]


def num(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zeros, never ``-0``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def escape_text(text: str) -> str:
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    escaped = escape_text(text).replace('"', "&quot;")
    return escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


AttributeValue = str | float | int | None


def attributes(attrs: Mapping[str, AttributeValue]) -> str:
    """`` name="value"`` for each attribute that is not None, in the order given."""
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        text = num(value) if isinstance(value, float) else str(value)
        parts.append(f' {name}="{escape_attribute(text)}"')
    return "".join(parts)


def element(name: str, attrs: Mapping[str, AttributeValue] | None = None, text: str | None = None) -> str:
    """One element: empty (``<rect …/>``) or holding ``text`` (escaped)."""
    opening = f"<{name}{attributes(attrs or {})}"
    return f"{opening}/>" if text is None else f"{opening}>{escape_text(text)}</{name}>"


def start(name: str, attrs: Mapping[str, AttributeValue] | None = None) -> str:
    return f"<{name}{attributes(attrs or {})}>"
