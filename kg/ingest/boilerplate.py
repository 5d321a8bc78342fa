"""Site chrome that text extraction leaves behind: audio-player prompts, comment forms, share bars.

The rules are general line classifiers, not matches against any one article: a line is dropped
when it has no letters, when it is a short line of a known chrome phrase family, or when it is a
short unpunctuated line trailing after the article's last sentence.
"""

from __future__ import annotations

import re

# Families of site-chrome lines (German and English). Each matches a whole short line.
CHROME_LINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(drücken|klicken|tippen) sie (auf )?play\b.*",
        r"(press|click|tap|hit) play\b.*",
        r"(listen to|anhören|hören sie) (this|diesen|den) (article|artikel).*",
        r"leave a (reply|comment).*",
        r"(hinterlasse|schreibe?) (einen|eine) (kommentar|antwort).*",
        r"(kommentar|antwort) (verfassen|schreiben|abbrechen).*",
        r"(cancel reply|post comment|add a comment|comments?|kommentare?)\s*(\(\d+\))?",
        r"(share|teilen|drucken|print|e-?mail|tweet|whatsapp|facebook|twitter|linkedin)"
        r"(\s*(this|on|auf|via|diesen artikel|this article|article)\b.*)?",
        r"(source|quelle)( site| website| link)?(\s*:.{0,40})?",
        r"(advertisement|anzeige|werbung|sponsored( content)?)",
        r"(read more|mehr lesen|weiterlesen|lesen sie (auch|mehr)|related( articles)?|mehr zum thema).*",
        r"(subscribe|jetzt abonnieren|sign up)\b.{0,60}|newsletter( abonnieren| bestellen)?|abonnieren",
        r"(accept|akzeptieren|alle akzeptieren).{0,20}cookies?.*|.*\bcookies?\b.{0,30}"
        r"\b(accept|akzeptieren|policy|richtlinie|einstellungen|settings|use|verwenden|nutzen)\b.*",
        r"(skip to (main )?content|zum inhalt springen|back to top|nach oben).*",
        r"(all rights reserved|alle rechte vorbehalten|©|\(c\)).*",
    )
)
MAX_CHROME_WORDS = 10  # a chrome line is short; a sentence of the article that happens to start so is not
MAX_TRAILING_WORDS = 4
SENTENCE_END = re.compile(r"[.!?…:;\"“”»«'’)\]]\s*$")


def is_chrome_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if not any(ch.isalpha() for ch in stripped):
        return True
    if len(stripped.split()) > MAX_CHROME_WORDS:
        return False
    candidate = stripped.rstrip(" .…:!")
    return any(p.fullmatch(candidate) for p in CHROME_LINE_PATTERNS)


def strip_boilerplate(text: str) -> str:
    """The text without chrome lines and without short unpunctuated lines trailing the article."""
    lines = [line for line in text.splitlines() if not is_chrome_line(line)]
    # Trailing short fragments after the last real sentence ("source site", a lone label).
    while lines:
        last = lines[-1].strip()
        if not last:
            lines.pop()
            continue
        if len(last.split()) <= MAX_TRAILING_WORDS and not SENTENCE_END.search(last):
            lines.pop()
            continue
        break
    # Collapse the blank lines the removals leave behind (one blank line between paragraphs).
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line.rstrip())
    while out and not out[0].strip():
        out.pop(0)
    return "\n".join(out).strip() + ("\n" if out else "")
