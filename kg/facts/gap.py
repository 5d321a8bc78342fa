"""Whether the words between a subject and a nominal trigger ("NATO-Mitglied", "a close partner")
leave the noun about the subject: a predicative gap of copulas, modals, adjectives, dates and
parentheses — and the verbs by which a third party acts against a candidacy."""

from __future__ import annotations

import re

from kg.facts.context import DocContext
from kg.facts.time import MONTHS, WEEKDAYS

# Words that may stand between a subject and a nominal trigger that describes it ("Norwegen ist seit
# Jahrzehnten Mitglied", "Finland, a close partner to NATO but not a member"); a verb that is not a
# copula means the noun is about something else ("Russland droht den NATO-Mitgliedern").
PREDICATIVE_GAP = frozenset(
    [
        "ist",
        "sind",
        "sei",
        "seien",
        "wäre",
        "wären",
        "sein",
        "war",
        "waren",
        "wird",
        "werden",
        "wurde",
        "wurden",
        "bleibt",
        "bleiben",
        "bleibe",
        "blieb",
        "gilt",
        "gelte",
        "galt",
        "hat",
        "haben",
        "hatte",
        "als",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "und",
        "oder",
        "sowie",
        "aber",
        "sondern",
        "auch",
        "bereits",
        "schon",
        "ebenfalls",
        "full",
        "fully",
        "vollwertiges",
        "vollwertig",
        "vollwertiger",
        "formal",
        "official",
        "permanent",
        "new",
        "one",
        "day",
        "someday",
        "eventually",
        "soon",
        "eines",
        "tages",
        "bald",
        "irgendwann",
        "likewise",
        "too",
        "noch",
        "längst",
        "seit",
        "langem",
        "jahren",
        "jahrzehnten",
        "jahrzehnte",
        "dagegen",
        "jedoch",
        "zwar",
        "weiterhin",
        "inzwischen",
        "mittlerweile",
        "nun",
        "jetzt",
        "derzeit",
        "in",
        "im",
        "welche",
        "welcher",
        "zu",
        "zur",
        "zum",
        "von",
        "vom",
        "mit",
        "ohne",
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "nie",
        "niemals",
        "mehr",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "be",
        "remains",
        "remain",
        "remained",
        "becomes",
        "became",
        "become",
        "a",
        "an",
        "the",
        "as",
        "and",
        "or",
        "but",
        "also",
        "already",
        "still",
        "long",
        "not",
        "no",
        "longer",
        "never",
        "yet",
        "now",  # "Finland, which is now a member of NATO"
        "currently",
        "which",
        "who",
        "that",
        "since",
        "of",
        "to",
        "with",
        "in",
        "for",
        "its",
        "their",
        "'s",
        "’s",
        "years",
        "decades",
        "many",
        "several",
        "some",
        "over",
        "more",
        "than",
        "almost",
        "nearly",
        "vielen",
        "einigen",
        "mehreren",
        "über",
        "fast",
        "offiziell",
        "formell",
        "bislang",
        "damals",  # "war damals Mitglied", "was then a member"
        "valued",  # participles as adjectives: "a valued partner", "a trusted ally"
        "trusted",
        "respected",
        "privileged",
        # "Australia and New Zealand, two other partners of NATO,": a counted apposition
        "both",  # "Austria and Ireland, both members of the EU,"
        "beide",
        "only",  # "the only NATO member that …"
        "einzige",
        "einziges",
        "einziger",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "other",
        "so-called",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "sogenannten",
        "weitere",
        "andere",
        "heute",
        "seither",
        "seitdem",
        "weder",  # "ist weder Mitglied der EU noch der NATO", "is neither a member"
        "then",
        "today",
        "neither",
        "bisher",
        "immer",
        "far",
        "officially",
        "formally",
        "partner",
        "partners",
        "partnerin",
        "partnerland",
        "partnerländer",
        "partnerstaat",
        "partnerstaaten",
        "mitglied",
        "mitglieder",
        "member",
        "members",
        "ally",
        "allies",
        ",",
        "(",
        ")",
        "–",
    ]
)
# Verbs by which a third party acts against a candidacy (a candidate declining is "lehnt ab", "declines")
OPPOSING = frozenset(
    [
        "blockiert",
        "blockieren",
        "blockierte",
        "blockierten",
        "verhindern",
        "verhindert",
        "verhinderte",
        "kritisiert",
        "kritisieren",
        "kritisierte",
        "warnt",
        "warnen",
        "warnte",
        "droht",
        "drohen",
        "drohte",
        "bekämpft",
        "opposes",
        "oppose",
        "opposed",
        "blocks",
        "block",
        "blocked",
        "criticises",
        "criticizes",
        "criticised",
        "criticized",
        "warns",
        "warned",
        "threatens",
        "threatened",
        "vetoes",
        "vetoed",
    ]
)
TIME_LINKS = frozenset({"bis", "ab", "am", "until", "from", "on", "dem"})
# modal auxiliaries and verbs of receiving a status keep the noun about the subject
MODAL_OR_RECEIVING = frozenset(
    [
        "would",
        "will",
        "could",
        "may",
        "might",
        "should",
        "must",
        "can",
        "cannot",
        "würde",
        "würden",
        "könnte",
        "könnten",
        "soll",
        "sollte",
        "sollten",
        "muss",
        "müsse",
        "kann",
        "dürfte",
        "dürften",
        "möchte",
        "will",
        "wollen",
        "erhielt",
        "erhält",
        "erhalten",
        "erhielten",
        "bekam",
        "bekommt",
        "bekommen",
        "received",
        "receives",
        "receive",
        "got",
        "gets",
        "granted",
        "obtained",
    ]
)
ADJECTIVE_LIKE = re.compile(
    r"[a-zäöüß][a-zäöüß-]*(?:e|er|en|es|em|est|ive|al|ful|ic|ing|ble|ant|ent|ong|time|key|close)$"
)


def predicative_gap(ctx: DocContext, begin: int, end: int) -> bool:
    words = without_parentheses(ctx.words(begin, end))
    for i, (b, e, w) in enumerate(words):
        low = w.lower()
        if low in PREDICATIVE_GAP or low in MODAL_OR_RECEIVING or ctx.mentions_overlapping(b, e):
            continue
        if re.fullmatch(r"\d+\.?", low) or low.rstrip(".") in MONTHS or low in WEEKDAYS or low in TIME_LINKS:
            continue  # "war bis zum 1. Mai 2023 Mitglied", "since 1999"
        following = words[i + 1][2] if i + 1 < len(words) else ""
        prenominal = (
            i + 1 == len(words)
            or bool(ctx.mentions_overlapping(words[i + 1][0], words[i + 1][1]))
            or (
                following.lower() in PREDICATIVE_GAP
                and following.lower() not in ("und", "and", ",", "der", "die", "the")
            )
            or bool(ADJECTIVE_LIKE.fullmatch(following))
            or (  # coordinated adjectives: "a close and reliable partner", "enger und verlässlicher"
                following.lower() in ("and", "und", "or", "oder", ",")
                and i + 2 < len(words)
                and bool(ADJECTIVE_LIKE.fullmatch(words[i + 2][2]))
            )
        )
        if ADJECTIVE_LIKE.fullmatch(w) and prenominal:
            continue  # an adjective before the noun: "langjährige NATO-Partner", "a close partner"
        return False
    return True


def without_parentheses(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words without a parenthesis set off by a pair of commas ("Moldova, which borders Romania,
    received candidate status"): what it says is not what stands between subject and predicate."""
    commas = [i for i, (_, _, w) in enumerate(words) if w == ","]
    skip: set[int] = set()
    relative = [i for i in commas if i + 1 < len(words) and words[i + 1][2].lower() in RELATIVE_OPENERS]
    if relative and commas[-1] > relative[0]:
        # a relative clause may hold a list ("which borders Russia, Turkey and Armenia,"): to the last comma
        skip.update(range(relative[0], commas[-1] + 1))
        commas = [i for i in commas if i < relative[0]]
    for first, second in zip(commas[::2], commas[1::2], strict=False):
        skip.update(range(first, second + 1))
    return [w for i, w in enumerate(words) if i not in skip]


RELATIVE_OPENERS = frozenset(
    {
        "which",
        "who",
        "whose",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
    }
)
