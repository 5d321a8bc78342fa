"""Offline language identification (langdetect), seeded so that the same text always gets the same answer."""

from __future__ import annotations

SUPPORTED_LANGS = ("de", "en")
SAMPLE_CHARS = 5000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is nothing to go on."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        ranked = detect_langs(text[:SAMPLE_CHARS])
    except LangDetectException:
        return None
    if not ranked:
        return None
    # Between the languages we support, prefer one that is a close second over an unsupported winner:
    # short German texts full of names are sometimes scored as Dutch or Danish.
    for candidate in ranked:
        if candidate.lang in SUPPORTED_LANGS and candidate.prob >= 0.2:
            return str(candidate.lang)
    return str(ranked[0].lang)
