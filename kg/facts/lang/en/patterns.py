"""English pattern tables."""

from __future__ import annotations

import re

from kg.facts.lang.en.relations import RELATIONS_EN
from kg.facts.patterns import (
    LanguagePatterns,
    MeetingExample,
    MeetingRule,
    words_re,
)
from kg.model import Modality

PATTERNS_EN = LanguagePatterns(
    lang="en",
    say=words_re(
        r"said",
        r"says",
        r"say",
        r"told",
        r"stated",
        r"added",
        r"noted",
        r"warned",
        r"stressed",
        r"insisted",
        r"explained",
        r"declared",
        r"argued",
        r"announced",
        r"wrote",
        r"tweeted",
        r"according\s+to",
        r"replied",
        r"asserted",
        r"emphasi[sz]ed",
        r"suggested",
        r"acknowledged",
        r"confirmed",
        r"continued",
        # welcomed the move as "…": only right before the quotation (the frame ends at its mark)
        r"(?:described|called|welcomed|hailed)\b[^.;:!?\"“”]{0,40}?\bas(?=\s*$)",
    ),
    pronouns=frozenset({"he", "she"}),
    role_nouns=re.compile(
        r"\bthe\s+((?:[\w-]+\s+){0,2}?(?:secretary[- ]general|secretary of state|secretary|president|"
        r"prime minister|chancellor|minister|premier|spokes(?:man|woman|person)|ambassador|envoy|chief|"
        r"commissioner|leader|chair(?:man|woman)?|high representative))\b",
        re.I,
    ),
    title_head=re.compile(
        r"(?:Secretary-General|Secretary|General|President|Minister|Chancellor|Chief|Leader|Spokes(?:man|woman|"
        r"person)|Ambassador|Commissioner|Representative|Premier|King|Queen|Governor|Mayor|Director|"
        r"Chairman|Chairwoman|Chair|Envoy|Admiral|Head)s?",
        re.I,
    ),
    title_modifier=re.compile(r"(?:[A-Z][\w.'’-]*|of|the|for|deputy|vice|foreign|defen[cs]e|prime|former)"),
    title_multiword=(
        "deputy secretary of state",
        "secretary of state",
        "secretary general",
        "secretary-general",
        "prime minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "foreign secretary",
        "high representative",
        "vice president",
        "vice-president",
        "president",
        "chancellor",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "commissioner",
        "envoy",
        "chief",
        "leader",
        "king",
        "queen",
        "governor",
        "mayor",
        "chairman",
        "chairwoman",
        "head",
    ),
    title_stop=frozenset(
        [
            "a",
            "an",
            "and",
            "or",
            "with",
            "by",
            "to",
            "for",
            "on",
            "at",
            "in",
            "as",
            "like",
            "where",
            "when",
            "that",
            "whether",
            "said",
            "says",
            "has",
            "have",
            "is",
            "was",
            "were",
            "including",
        ]
    ),
    genitive_link=frozenset({"of", "the", "for"}),
    org_anaphora=re.compile(r"\b(?:the\s+)?(?:[Aa]lliance|[Bb]loc)\b"),
    coordination=frozenset({"and", "or", ",", "as well as", "nor"}),  # nor: neither … nor
    negation=frozenset(["not", "no", "never", "without", "neither", "nor", "n't", "cannot"]),
    negation_phrases=("no longer", "not yet"),
    modality_cues=(
        (
            Modality.POSSIBLE,
            frozenset(
                [
                    "could",
                    "may",
                    "might",
                    "possibly",
                    "perhaps",
                    "potentially",
                    "likely",
                    "whether",
                    "considering",
                    "consider",
                    "considers",
                ]
            ),
        ),
        (Modality.INVITED, frozenset(["invited", "invitation", "invite", "invites"])),
        (
            Modality.APPLIED,
            frozenset(
                ["applied", "apply", "applies", "application", "asked", "asks", "requested", "request"]
            ),
        ),
        (
            Modality.DEMANDED,
            frozenset(
                [
                    "demands",
                    "demanded",
                    "demand",
                    "demanding",
                    "insists",
                    "insisted",
                    "call",
                    "calls",
                    "called",
                    "calling",
                    "urge",
                    "urges",
                    "urged",
                    "urging",
                    "pressed",
                    "presses",
                    "pressing",
                    "pushed",
                    "pushes",
                    "pushing",
                ]
            ),
        ),
        (
            Modality.INTENDED,
            frozenset(
                [
                    "interest",  # "expressed interest in joining"
                    "interested",
                    "wants",
                    "sought",
                    "seeks",
                    "seeking",
                    "want",
                    "wanted",
                    "intends",
                    "intend",
                    "plans",
                    "plan",
                    "seek",
                    "aims",
                    "aim",
                    "aspires",
                    "aspire",
                    "hopes",
                    "hoped",
                    "hoping",
                    "bid",
                    "bids",
                    "aspiration",
                    "aspirations",
                    "ambition",
                    "ambitions",
                    "eager",
                    "keen",
                ]
            ),
        ),
    ),
    denial_cues=frozenset(
        [
            "declined",
            "decline",
            "declines",
            "rejected",
            "reject",
            "rejects",
            "refused",
            "refuse",
            "refuses",
            "denied",
            "ruled",
            "excluded",
        ]
    ),
    country_anaphora=re.compile(
        r"\b(?:(?P<poss>his|her|its|their)|the|this|that)\s+(?:[a-z]+\s+)?country\b", re.I
    ),
    abandonment=(
        "give up",
        "gave up",
        "given up",
        "giving up",
        "abandon",
        "abandoned",
        "abandons",
        "dropped",
        "withdrew",
        "withdrawn",
        "lifted",  # "lifted its veto"
    ),
    transitive_join=re.compile(r"join(?:s|ed|ing)?", re.I),
    join_followers=frozenset(
        [
            "soon",
            "now",
            "later",
            "eventually",
            "too",
            "as",
            "in",
            "by",
            "within",
            "before",
            "after",
            "next",
            "this",
            "quickly",
            "swiftly",
            "immediately",
            "either",
            "at",
            "once",
            "if",
            "when",
            "until",
            "without",
            "and",
            "or",
            "but",
        ]
    ),
    group_anaphora=re.compile(
        r"\b(?:[Bb]oth|[Tt]he\s+two)\s+(?:[a-z]+\s+)?(?:countries|nations)\b"
        r"|\b[Nn]either\s+(?:of\s+the\s+two\s+)?(?:country|nation|countries|nations)\b"  # negated below
        r"|\b[Nn]either(?:\s+of\s+them)?(?=\s+(?:is|was|has|will|would|can|could)\b)"
    ),
    possessives=frozenset(["its", "his", "her", "their"]),
    place_prepositions=frozenset({"in", "at", "to"}),  # "travel to Washington for talks"
    participant_links=frozenset({"with", "between"}),
    relations=RELATIONS_EN,
    meetings=(
        MeetingRule(
            "meet_verb",
            words_re(
                r"meets?",
                r"met",
                r"meeting\s+with",
                r"hosts?",
                r"hosted",
                r"sat\s+down\s+with",
                r"gathered",
                r"gather",
                r"convened",
                r"convene",
                r"assembled",
            ),
            verbal=True,
            version="5",
            tests=(
                MeetingExample(
                    "Indian Prime Minister Narendra Modi met Japan's Prime Minister Fumio Kishida in "
                    "Tokyo on Friday.",
                    frozenset({("Q1490", "2024-03-01", frozenset({"Q1058", "Q359480"}))}),
                ),
                MeetingExample(
                    "G7 leaders gathered in Hiroshima on Friday for a three-day summit. On the sidelines "
                    "of the summit, Joe Biden met Fumio Kishida.",
                    frozenset({("Q34664", "2024-03-01", frozenset({"Q1764511", "Q6279", "Q359480"}))}),
                ),
                MeetingExample(
                    "Foreign ministers of the Council of Europe convened in Strasbourg on Thursday. "
                    "Ukraine's Foreign Minister Dmytro Kuleba addressed the session.",
                    frozenset({("Q6602", "2024-02-29", frozenset({"Q8908", "Q24025631"}))}),
                ),
            ),
        ),
        # "Putin received him", "Abiy Ahmed welcomed the delegations": a reception, or those who join a
        # meeting told before
        MeetingRule(
            "receive",
            words_re(r"received", r"receives", r"welcomed", r"welcomes", r"greeted"),
            verbal=True,
            min_people=2,
            needs_place=True,
            joins=True,
            version="3",
            tests=(
                MeetingExample(
                    "Turkish President Recep Tayyip Erdoğan arrived in Budapest on Monday for a two-day "
                    "visit. Prime Minister Viktor Orbán received him at the Carmelite Monastery.",
                    frozenset({("Q1781", "2024-02-26", frozenset({"Q39259", "Q57641"}))}),
                ),
                MeetingExample(
                    "Vladimir Putin received a letter from Joe Biden on Monday.",
                    frozenset(),
                ),
                MeetingExample(
                    "NATO foreign ministers met in Brussels on Tuesday. Later, Germany welcomed the decision "
                    "to boost defence spending.",
                    frozenset({("Q239", "2024-02-27", frozenset({"Q7184"}))}),
                ),
            ),
        ),
        # "Joe Biden also attended", "Participants included X and Y": those named join a meeting told before
        MeetingRule(
            "attend",
            words_re(r"attended", r"took\s+part", r"participants", r"attendees"),
            verbal=True,
            min_people=2,
            needs_place=True,
            joins=True,
            version="3",
            tests=(
                MeetingExample(
                    "ASEAN foreign ministers met in Vientiane on Friday. Antony Blinken and Wang Yi also "
                    "attended.",
                    frozenset({("Q9326", "2024-03-01", frozenset({"Q7768", "Q7821917", "Q701801"}))}),
                ),
                MeetingExample(
                    "Joe Biden attended a church service on Sunday.",
                    frozenset(),
                ),
            ),
        ),
        MeetingRule(
            "talk_with",
            re.compile(
                r"\b(?:spoke|speaks|talked|(?<!accession\s)(?<!membership\s)talks|conferred)"
                r"\s+(?:\w+\s+){0,2}?with\b",
                re.I,
            ),
            verbal=True,
            min_people=2,
            version="5",
            tests=(
                MeetingExample(
                    "Secretary of State Antony Blinken spoke with Chinese Foreign Minister Wang Yi in "
                    "Vientiane on Saturday.",
                    frozenset({("Q9326", "2024-02-24", frozenset({"Q7821917", "Q701801"}))}),
                ),
            ),
        ),
        MeetingRule(
            "visit",
            words_re(r"visit(?:ed|s|ing)?", r"trip"),
            verbal=False,
            visit=True,
            version="4",
            tests=(
                MeetingExample(
                    "Turkish President Recep Tayyip Erdoğan arrived in Budapest on Monday for a two-day "
                    "visit. There he met Prime Minister Viktor Orbán.",
                    frozenset({("Q1781", "2024-02-26", frozenset({"Q39259", "Q57641"}))}),
                ),
            ),
        ),
        MeetingRule(
            "meet_noun",
            words_re(
                # "open accession talks with Kyiv": a stage of a candidacy, not a meeting
                r"(?<!accession\s)(?<!membership\s)talks",
                r"summit",
                r"meetings?",
                r"(?<!accession\s)(?<!membership\s)negotiations",
                r"conference",
                r"session",
                r"gathering",
            ),
            verbal=False,
            version="5",
            tests=(
                MeetingExample(
                    "The summit of the African Union opened in Addis Ababa on Sunday. Cyril Ramaphosa "
                    "and António Guterres attended the meeting.",
                    frozenset({("Q3624", "2024-02-25", frozenset({"Q7159", "Q1148669", "Q311440"}))}),
                ),
                MeetingExample(
                    "Talks between Wang Yi and Sergey Lavrov took place in Beijing on Tuesday.",
                    frozenset({("Q956", "2024-02-27", frozenset({"Q701801", "Q58217"}))}),
                ),
                # called off: no meeting; "planned for Tuesday" is the Tuesday to come
                MeetingExample(
                    "A summit of the African Union planned for Tuesday in Addis Ababa has been called off.",
                    frozenset(),
                ),
                MeetingExample(
                    "The cancelled talks between Wang Yi and Sergey Lavrov in Beijing were not rescheduled.",
                    frozenset(),
                ),
                MeetingExample(
                    "The African Union summit in Addis Ababa, planned for Tuesday, will go ahead.",
                    frozenset({("Q3624", "2024-03-05", frozenset({"Q7159"}))}),
                ),
                MeetingExample(
                    "The summit in Addis Ababa, postponed from January, opened on Wednesday with leaders of "
                    "the African Union.",
                    frozenset({("Q3624", "2024-02-28", frozenset({"Q7159"}))}),
                ),
            ),
        ),
    ),
)
