"""Name normalisation shared by the knowledge base's name index and the linker's matcher.

A name is cut into *pieces*: words split at whitespace and hyphens, with commas, brackets and
the like as pieces of their own ("Washington, D.C." -> Washington , D.C.). The matcher walks a
text's pieces the same way, so "Nato-Generalsekretär" offers the piece "Nato" on its own.

German inflects names inside phrases ("der Europäischen Kommission", "Russlands"), so non-final
pieces are compared by a crude adjective stem and final pieces may carry a genitive ending.
"""

from __future__ import annotations

import functools
import re
import unicodedata

HYPHENS = "-‐‑–"
_NAME_PIECE_RE = re.compile(r"[^\s\-‐‑–,;:()\[\]/\"„“”«»]+|[,;:()/]")
_HYPHEN_SPLIT_RE = re.compile(r"[^\-‐‑–]+")
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e", "n", "s")


def normalise(text: str) -> str:
    """The comparison key of a piece or name: NFC, case-folded, one kind of apostrophe."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'").replace("`", "'")


def name_pieces(name: str) -> list[str]:
    """``"Washington, D.C."`` -> ``["Washington", ",", "D.C."]``; hyphens separate pieces."""
    return _NAME_PIECE_RE.findall(name)


def hyphen_parts(text: str) -> list[tuple[int, int]]:
    """(begin, end) of the parts of a token between hyphens: ``"US-Außenministerin"`` -> 2 parts."""
    return [(m.start(), m.end()) for m in _HYPHEN_SPLIT_RE.finditer(text)]


def stem(key: str) -> str:
    """Key of a piece that is not the last of a name: strips one inflectional ending so
    "Europäischen"/"Europäische" and "Vereinigten"/"Vereinigte" meet. Short pieces stay whole."""
    if len(key) > 4 and key[-1].isalpha():
        for ending in _ADJECTIVE_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 4:
                return key[: -len(ending)]
    return key


def final_forms(key: str, *, capitalised: bool, in_phrase: bool) -> list[tuple[str, bool]]:
    """Keys a name's last piece may have in running text, each with "was inflected".

    English possessives ("Russia's", "NATO’s", "Brussels'") and German genitives ("Russlands",
    "Kremls", "Rates") for capitalised words; weak nouns ("Präsidenten") only inside a
    multi-word name, where the earlier pieces already make the match specific.
    """
    forms = [(key, False)]
    if key.endswith("'s") and len(key) > 3:
        forms.append((key[:-2], True))
        return forms
    if key.endswith("'") and len(key) > 2:
        forms.append((key[:-1], True))
        return forms
    if not capitalised or len(key) < 4:
        return forms
    if key.endswith("es") and len(key) > 4:
        forms.append((key[:-2], True))
    if key.endswith("s"):
        forms.append((key[:-1], True))
    if in_phrase and key.endswith("en"):
        forms.append((key[:-2], True))
    if in_phrase and key.endswith("n"):
        forms.append((key[:-1], True))
    return forms


@functools.lru_cache(maxsize=65536)  # asked for the same words in every document (the linker, profiled)
def is_acronym(piece: str) -> bool:
    """ "NATO", "U.S.", "G20": upper-case letters, maybe with dots and digits."""
    letters = [c for c in piece if c.isalpha()]
    if not all(c.isupper() for c in letters):
        return False
    # one capital with digits is an acronym too ("G20", "G7"); a lone capital is not
    return len(letters) >= 2 or (len(letters) == 1 and any(c.isdigit() for c in piece))


def case_fits(surface: str, name_piece: str) -> bool:
    """Whether a text piece may stand for a name piece that matched case-insensitively.

    Lower-case name pieces (particles, adjectives) fit any case; an acronym needs capitals
    ("us" is not the US, "Nato" is its own listed variant); other names need a capital.
    """
    if surface == name_piece or not name_piece[:1].isalpha():
        return True
    if name_piece[:1].islower():
        return True
    if is_acronym(name_piece):
        return is_acronym(surface)
    return surface[:1].isupper()
