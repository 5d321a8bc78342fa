"""The shape of a language's pattern tables; the tables are in ``lang/<code>/patterns.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kg.model import EntityKind, Modality, Polarity, Predicate, TimeRole


class ObjectSource(StrEnum):
    """Where a relation rule finds its object (an organisation or a treaty clause)."""

    ADJACENT = "adjacent"  # NATO partner, NATO's partner, partner of/to/with NATO — nothing else
    IN_TRIGGER = "in_trigger"  # the organisation named inside the trigger (NATO-Partner, NATO member)
    NEAR = "near"  # the nearest organisation in the clause, after the trigger first, then before
    BEFORE_SUBJECT = (
        "before_subject"  # the organisation before the subject (die NATO … die Ukraine … aufnehmen)
    )
    TREATY = "treaty"  # a treaty clause in the clause (Artikel 5, Article 5)
    COUNTRY_AFTER = "country_after"  # grenzt an die Ukraine; borders Russia
    OFFICE_AFTER = "office_after"  # appointed Secretary General of NATO; zum Bundeskanzler gewählt
    # the other parties of a mutual relation: "A and B signed a partnership", "A signed a partnership with
    # B" (the first subject relates to the others)
    CO_SUBJECTS = "co_subjects"


class Scope(StrEnum):
    """How far negation and modality cues are looked for."""

    LOCAL = "local"  # a few words before the trigger (kein NATO-Partner, not a member)
    CLAUSE = "clause"  # from the subject to the trigger (… nie beitreten würden)


@dataclass(frozen=True)
class RuleExample:
    """A sentence a rule must read, and every fact expected of it (exactly these, no others):
    (subject QID, predicate IRI, object QID, polarity) — run by ``tests/test_facts_rules.py``."""

    text: str
    facts: frozenset[tuple[str, str, str, str]]
    published: str = "2024-03-01"
    # when given, exactly these (subject QID, Wikidata qualifier PID, date as written in RDF) of the
    # facts with a time, and the modality of every fact: checked by ``tests/test_facts_rules.py``
    times: frozenset[tuple[str, str, str]] | None = None
    modality: str | None = None


# One spaCy ``Matcher`` token pattern: a list of token specs (LOWER, IN, REGEX, NORM, SHAPE, IS_PUNCT,
# OP …); an element with ``"CONTEXT": True`` must match but is not part of the trigger.
TokenPattern = list[dict[str, Any]]


@dataclass(frozen=True)
class Tokens:
    """A trigger as token patterns, matched once per document by the nlp stage. ``unless``: patterns
    whose trigger part vetoes a hit it overlaps (a negative look-ahead: "Mitglied" but not "Mitglied
    der")."""

    patterns: tuple[TokenPattern, ...]
    unless: tuple[TokenPattern, ...] = ()


# A rule's trigger: token patterns, or (rules not converted yet) a regular expression, which the nlp
# stage runs once over the whole document's text
Trigger = Tokens | re.Pattern[str]


@dataclass(frozen=True)
class RelationRule:
    name: str
    trigger: Trigger
    predicate: Predicate
    obj: ObjectSource
    scope: Scope = Scope.CLAUSE
    modality: Modality | None = None  # fixed by the rule (invited), else from the cues
    polarity: Polarity | None = None
    requires: re.Pattern[str] | None = None  # the clause must also hold this (a treaty clause …)
    subject_after: re.Pattern[str] | None = None  # "apply to X": the subject follows this
    subject_after_only: bool = False  # an active verb ("covers X"): never a subject before it
    confidence: float = 0.8
    subject_reach: int = 20  # how many words before the trigger the subject may stand
    genitive_subject: bool = False  # "der Beitritt der Ukraine", "the accession of Finland": subject after
    # a noun that stands alone ("ist ein geschätzter Partner, aber …"): with no organisation near, its
    # object is the organisation the text is about (candidacy and membership rules always fall back so)
    topic_object: bool = False
    # what the subject and a COUNTRY_AFTER object may be: countries, unless the rule says otherwise
    # ("die NATO hat ihren Sitz in Brüssel": an organisation and a place)
    subject_kinds: frozenset[EntityKind] = frozenset({EntityKind.COUNTRY})
    object_kinds: frozenset[EntityKind] = frozenset({EntityKind.COUNTRY})
    version: str = "1"  # bumped whenever the rule's behaviour changes; written into PROV
    tests: tuple[RuleExample, ...] = ()
    # the qualifier the fact's date fills (joined: START, left: END; None: P585 unless "seit"/"bis"
    # say otherwise); with a role, a month or a year alone dates the fact too ("joined in 2023")
    time_role: TimeRole | None = None
    ends: bool = False  # the state is over when stated in the past ("left the EU"): no current member
    # names of rules whose triggers inside this one's are not read ("kündigte die Mitgliedschaft":
    # no candidacy of "Mitgliedschaft")
    excludes: tuple[str, ...] = ()
    # with no organisation near, the text's topic organisation may be the object (candidacies and
    # memberships); not for "Russia left Kyiv": a leaving names what it leaves
    topic_fallback: bool = True


@dataclass(frozen=True)
class MeetingExample:
    """A short text a meeting rule must read, and every meeting expected of it (exactly these): (place
    QID or "", date as YYYY-MM-DD or "", participant QIDs) — run by ``tests/test_meetings_rules.py``."""

    text: str
    meetings: frozenset[tuple[str, str, frozenset[str]]]
    published: str = "2024-03-01"


@dataclass(frozen=True)
class MeetingRule:
    name: str
    trigger: re.Pattern[str]
    verbal: bool  # a verb (trifft, met): participants are the people of its clause
    confidence: float = 0.75
    min_people: int = 0  # "sprach mit", "spoke with": a meeting only between two named people at least
    needs_place: bool = False  # "Polen und Frankreich beraten über …": a meeting only where a place is named
    visit: bool = False  # "bei einem Besuch in X": a place the next sentence's meeting happens at
    version: str = "1"  # bumped whenever the rule's behaviour changes; written into PROV
    # "Gastgeber war X", "X welcomed the delegations": those named join a meeting told just before; with
    # fewer people than ``min_people`` the hit counts only where it joins one
    joins: bool = False
    tests: tuple[MeetingExample, ...] = ()


@dataclass(frozen=True)
class LanguagePatterns:
    lang: str
    say: re.Pattern[str]  # verbs of saying and attribution markers, over lower-cased frame text
    pronouns: frozenset[str]  # personal pronouns that may stand for a speaker
    role_nouns: re.Pattern[str]  # "der Generalsekretär", "the Secretary General" standing for a person
    title_head: re.Pattern[str]  # a word that heads an office title (fullmatch on one word)
    title_modifier: re.Pattern[str]  # a word that may precede a title head inside the title
    title_multiword: tuple[str, ...]  # English titles of several words ("prime minister")
    title_stop: frozenset[str]  # determiners and prepositions that end a title leftwards
    genitive_link: frozenset[str]  # words that attach a complement to a title (der, des, of, the)
    org_anaphora: re.Pattern[str]  # "das Bündnis", "the Alliance": the organisation last named
    coordination: frozenset[str]  # und, oder, sowie, and, or, ","
    negation: frozenset[str]
    negation_phrases: tuple[str, ...]
    modality_cues: tuple[tuple[Modality, frozenset[str]], ...]  # in priority order
    denial_cues: frozenset[str]  # declined, lehnte … ab: negative and Denied
    place_prepositions: frozenset[str]
    participant_links: frozenset[str]  # mit, zwischen, with, between
    relations: tuple[RelationRule, ...]
    meetings: tuple[MeetingRule, ...]
    past_participle: re.Pattern[str] = field(default=re.compile(r"$^"))
    # "das Land", "the country", "his country": a country named before; group "poss" marks a possessive
    country_anaphora: re.Pattern[str] = field(default=re.compile(r"$^"))
    # verbs of giving an aim up ("aufgeben", "abandon"): they negate, and a negation of them affirms
    abandonment: tuple[str, ...] = ()
    # a verb of joining that takes its object after it ("join NATO"): "join Western sanctions" is no
    # candidacy; words that may follow it instead of the object (soon, in 2024, as a member)
    transitive_join: re.Pattern[str] = field(default=re.compile(r"$^"))
    join_followers: frozenset[str] = frozenset()
    # "beide Länder", "both countries": the countries named together before
    group_anaphora: re.Pattern[str] = field(default=re.compile(r"$^"))
    # possessive determiners that may stand for the candidate right before its trigger ("its membership")
    possessives: frozenset[str] = frozenset()


def words_re(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
