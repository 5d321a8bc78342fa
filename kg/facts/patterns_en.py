"""English pattern tables."""

from __future__ import annotations

import re

from kg.facts.patterns import LanguagePatterns, MeetingRule, ObjectSource, RelationRule, Scope, words_re
from kg.model import Modality, Predicate

TREATY_EN = re.compile(r"\b(?:Article|Art\.)\s*\d+\b|\bmutual[- ]defen[cs]e clause\b", re.I)

PATTERNS_EN = LanguagePatterns(
    lang="en",
    say=words_re(
        r"said", r"says", r"say", r"told", r"stated", r"added", r"noted", r"warned", r"stressed",
        r"insisted", r"explained", r"declared", r"argued", r"announced", r"wrote", r"tweeted",
        r"according\s+to", r"replied", r"asserted", r"emphasi[sz]ed", r"suggested", r"acknowledged",
        r"confirmed", r"continued",
    ),
    pronouns=frozenset({"he", "she"}),
    role_nouns=re.compile(
        r"\bthe\s+((?:[\w-]+\s+){0,2}?(?:secretary[- ]general|president|prime minister|chancellor|minister|"
        r"spokes(?:man|woman|person)|ambassador|chief|commissioner|foreign secretary|leader))\b",
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
        "deputy secretary of state", "secretary of state", "secretary general", "secretary-general",
        "prime minister", "foreign minister", "defence minister", "defense minister", "foreign secretary",
        "high representative", "vice president", "vice-president", "president", "chancellor", "minister",
        "spokesman", "spokeswoman", "spokesperson", "ambassador", "commissioner", "envoy", "chief",
        "leader", "king", "queen", "governor", "mayor", "chairman", "chairwoman", "head",
    ),
    title_stop=frozenset(
        """a an and or with by to for on at in as like where when that whether said says has have is was
        were including""".split()
    ),
    genitive_link=frozenset({"of", "the", "for"}),
    org_anaphora=re.compile(r"\b(?:the\s+)?(?:[Aa]lliance|[Bb]loc)\b"),
    coordination=frozenset({"and", "or", ",", "as well as"}),
    negation=frozenset("not no never without neither nor n't cannot".split()),
    negation_phrases=("no longer", "not yet"),
    modality_cues=(
        (Modality.POSSIBLE, frozenset(
            "could may might possibly perhaps potentially likely whether considering consider considers".split())),
        (Modality.INVITED, frozenset("invited invitation invite invites".split())),
        (Modality.APPLIED, frozenset("applied apply applies application".split())),
        (Modality.DEMANDED, frozenset("demands demanded demand demanding insists insisted".split())),
        (Modality.INTENDED, frozenset(
            "wants want wanted intends intend plans plan seeks seek aims aim aspires aspire hopes".split())),
    ),
    denial_cues=frozenset("declined decline declines rejected reject rejects refused refuse refuses denied".split()),
    place_prepositions=frozenset({"in", "at"}),
    participant_links=frozenset({"with", "between"}),
    relations=(
        RelationRule("partner", re.compile(r"\bpartners?\b(?!\s+(?:countr|nation|state)s?\b.*\bwith\b)", re.I),
                     Predicate.PARTNER_OF, ObjectSource.IN_TRIGGER, Scope.LOCAL, confidence=0.8),
        RelationRule("member", re.compile(r"(?<!\bas )(?<!\bas a )\bmembers?\b(?:\s+(?:state|country|countries|states))?", re.I),
                     Predicate.MEMBER_OF, ObjectSource.IN_TRIGGER, Scope.LOCAL, confidence=0.8),
        RelationRule("admit_as_member", re.compile(
                         r"\badmit(?:s|ted|ting)?\b(?=(?:\s+\S+){1,5}?\s+as\s+(?:a\s+)?members?\b)", re.I),
                     Predicate.MEMBER_OF, ObjectSource.BEFORE_SUBJECT, Scope.CLAUSE,
                     subject_after=re.compile(r"(?=\s)"), confidence=0.7),
        RelationRule("joined", re.compile(r"\bjoined\b", re.I),
                     Predicate.MEMBER_OF, ObjectSource.NEAR, Scope.CLAUSE, confidence=0.75),
        RelationRule("join", re.compile(r"\bjoin(?:s|ing)?\b|\baccession\b|\bmembership\b", re.I),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.CLAUSE, confidence=0.75),
        RelationRule("candidate", re.compile(r"\bcandidate(?:\s+status)?\b|\bcandidacy\b", re.I),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.LOCAL, confidence=0.75),
        RelationRule("invitation", re.compile(r"\binvit(?:ed|ation)\b", re.I),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.CLAUSE, modality=Modality.INVITED,
                     confidence=0.75),
        RelationRule("covered", re.compile(r"\b(?:covered|protected|protects|covers)\b", re.I),
                     Predicate.COVERED_BY, ObjectSource.TREATY, Scope.CLAUSE, requires=TREATY_EN, confidence=0.8),
        RelationRule("applies_to", re.compile(r"\bappl(?:y|ies)\b", re.I),
                     Predicate.COVERED_BY, ObjectSource.TREATY, Scope.CLAUSE, requires=TREATY_EN,
                     subject_after=re.compile(r"\bto\b", re.I), confidence=0.7),
    ),
    meetings=(
        MeetingRule("meet_verb", words_re(r"meets?", r"met", r"meeting\s+with", r"hosts?", r"hosted",
                                          r"sat\s+down\s+with"), verbal=True),
        MeetingRule("meet_noun", words_re(r"talks", r"summit", r"meetings?", r"negotiations", r"conference",
                                          r"session"), verbal=False),
    ),
)
