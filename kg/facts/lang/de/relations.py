"""German relation rules, each with its ``tests:`` sentences (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import ObjectSource, RelationRule, RuleExample, Scope, Tokens
from kg.model import EntityKind, Modality, Polarity, Predicate, TimeRole

TREATY_DE = re.compile(
    r"\b(?:Artikel|Art\.)\s*\d+\b|\bBeistands(?:klausel|pflicht|verpflichtung|garantie)\b", re.I
)

# token patterns (spaCy Matcher): "CONTEXT" elements must match but are not the trigger; "SPAN" narrows
# the trigger inside a hyphenated compound ("Beitritt" in "EU-Beitritt")
PARTNER_COMPOUND = r"\b\w+-Partner(?:n|s|in|innen|staat\w*|land|länder\w*)?\b"
# "Schlüsselpartner", "Sicherheitspartner", "Partnerländern" too (partner_of v4)
PARTNER_NOUN = (
    r"\b(?:(?!Handels|Gesprächs|Verhandlungs|Koalitions|Geschäfts)[A-ZÄÖÜ][a-zäöüß]+p|P)artner"
    r"(?:n|s|in|land|ländern?|staat|staaten)?$"
)
PARTNER_BARE = r"\bPartner(?:in|land|länder|staat|staaten)?$"
MEMBER_COMPOUND = r"\b\w+-Mitglied(?:er|s|staat\w*)?\b|\b\w+-Mitgliedsl(?:a|ä)nd\w*\b"
MEMBER_NOUN = r"\b(?:Gründungsm|M)itglied(?:er|s)?$|\bVertragsstaat(?:en|es)?$"
PARTNERSHIP = r"^(?:[A-ZÄÖÜ][a-zäöüß]+p|P)artnerschaft$"
PARTNERSHIP_VERBS = [
    "unterzeichneten",
    "unterzeichnete",
    "vereinbarten",
    "vereinbarte",
    "schlossen",
    "schloss",
]
PARTNERSHIP_VERBS += ["besiegelten", "besiegelte", "gingen", "ging"]
PARTNERSHIP_PARTICIPLES = ["unterzeichnet", "vereinbart", "geschlossen", "besiegelt", "eingegangen"]
MEMBER_BARE = r"\bMitglied(?:er)?$|\bVertragsstaat(?:en)?$"
# nouns heading a list of members ("Ständige Mitglieder … sind", "Vertragsstaaten, darunter …")
MEMBER_LIST_NOUN = r"^(?:Vollm|M)itglied(?:er|ern)$|^(?:Mitglieds?|Vertrags)staaten$|^Mitgliedsländer[n]?$"
GENITIVE_LINKS = ["der", "des", "von", "im", "in"]
JOIN = r"\bbei(?:zu)?treten\b|\bbeiträten\b|\bbeitreten\w*|\bBeitritt(?!sprotokoll)\w*"
MEMBERSHIP = r"\bMitgliedschaft\b|\b(?:Mitglieds|Beitritts|Aufnahme)antrag\w*|\bBeitrittsgesuch\w*"
ADMISSION = r"\bAufnahme$"
CANDIDATE = r"\b(?:Beitritts)?[Kk]andidat(?:en)?(?:status)?\b"
INVITATION = r"\bEinladung\w*|\beingeladen\b"
WORD = r"^\w+$"
CHUNK = r"^[\w-]+$"
NO_STOP = r"^[^.;:!?]+$"  # any token but the end of a sentence or clause
BORDERS = ["grenzt", "grenzen", "grenzte", "grenzten"]
SANCTIONS = ["sanktionen", "strafmaßnahmen"]
SEAT = ["Sitz", "sitz", "Hauptsitz", "HauptSitz"]

RELATIONS_DE = (
    RelationRule(
        # "Brasilien und Deutschland haben eine strategische Partnerschaft unterzeichnet", "Japan vereinbarte
        # eine Partnerschaft mit Indien": a partnership of the parties (the first with the others)
        "partnership_signed",
        Tokens(
            (
                [
                    {"LOWER": {"IN": PARTNERSHIP_VERBS}},
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,4}"},
                    {"TEXT": {"REGEX": PARTNERSHIP}},
                ],
                [
                    {"TEXT": {"REGEX": PARTNERSHIP}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{0,4}", "CONTEXT": True},
                    {"LOWER": {"IN": PARTNERSHIP_PARTICIPLES}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.PARTNER_OF,
        ObjectSource.CO_SUBJECTS,
        Scope.CLAUSE,
        confidence=0.75,
        subject_kinds=frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION}),
        tests=(
            RuleExample(
                "Brasilien und Deutschland haben am Montag eine strategische Partnerschaft unterzeichnet.",
                frozenset({("Q155", Predicate.PARTNER_OF.value, "Q183", "Positive")}),
            ),
            RuleExample(
                "Japan vereinbarte eine Sicherheitspartnerschaft mit Indien.",
                frozenset({("Q17", Predicate.PARTNER_OF.value, "Q668", "Positive")}),
            ),
            RuleExample(
                "Kanada und die ASEAN haben eine umfassende strategische Partnerschaft geschlossen.",
                frozenset({("Q16", Predicate.PARTNER_OF.value, "Q7768", "Positive")}),
            ),
            RuleExample("Brasilien hat ein Partnerschaftsabkommen unterzeichnet.", frozenset()),
        ),
    ),
    RelationRule(
        "partner_compound",
        Tokens(([{"TEXT": {"REGEX": PARTNER_COMPOUND}, "SPAN": PARTNER_COMPOUND}],)),
        Predicate.PARTNER_OF,
        ObjectSource.IN_TRIGGER,
        Scope.LOCAL,
        confidence=0.85,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Schweden ist ein enger NATO-Partner.",
                frozenset({("Q34", Predicate.PARTNER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "partner_of",
        # "Partner der NATO", "Dialogpartner der SOZ"
        Tokens(
            (
                [
                    {"TEXT": {"REGEX": PARTNER_NOUN}, "SPAN": PARTNER_NOUN},
                    {"TEXT": {"IN": ["der", "des", "von"]}},
                ],
            )
        ),
        Predicate.PARTNER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: compounds ("Schlüsselpartner der OECD") and plural country nouns
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="5",
        tests=(
            RuleExample(
                "Brasilien ist ein Schlüsselpartner der OECD.",
                frozenset({("Q155", Predicate.PARTNER_OF.value, "Q41550", "Positive")}),
            ),
            RuleExample(
                "Finnland ist seit Jahren ein Partner der NATO.",
                frozenset({("Q33", Predicate.PARTNER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Die Ukraine sei ein geschätzter Partner, aber kein Mitglied": the organisation the text
        # is about, only when nothing follows that could name another partner
        "partner_bare",
        Tokens(
            (
                [
                    {"TEXT": {"REGEX": PARTNER_BARE}, "SPAN": PARTNER_BARE},
                    {"TEXT": {"REGEX": r"^[,.;:]|^(?:aber|sondern|und)$"}, "CONTEXT": True},
                ],
                # the last word of its sentence
                [
                    {"TEXT": {"REGEX": PARTNER_BARE}, "SPAN": PARTNER_BARE},
                    {"IS_SENT_START": True, "CONTEXT": True},
                ],
            )
        ),
        Predicate.PARTNER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        topic_object=True,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Die Ukraine sei ein geschätzter Partner, aber kein Mitglied der NATO.",
                frozenset(
                    {
                        ("Q212", Predicate.PARTNER_OF.value, "Q7184", "Positive"),
                        ("Q212", Predicate.MEMBER_OF.value, "Q7184", "Negative"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        "member_compound",
        Tokens(([{"TEXT": {"REGEX": MEMBER_COMPOUND}, "SPAN": MEMBER_COMPOUND}],)),
        Predicate.MEMBER_OF,
        ObjectSource.IN_TRIGGER,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Finnland ist seit 2023 NATO-Mitglied.",
                frozenset({("Q33", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "member_of",
        Tokens(([{"TEXT": {"REGEX": MEMBER_NOUN}, "SPAN": MEMBER_NOUN}, {"TEXT": {"IN": GENITIVE_LINKS}}],)),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: "Vertragsstaat des Strafgerichtshofs" (a state party is a member)
        version="4",
        tests=(
            RuleExample(
                "Polen ist Mitglied der Europäischen Union.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q458", "Positive")}),
            ),
            RuleExample(
                "Armenien ist seit 2024 Vertragsstaat des Internationalen Strafgerichtshofs.",
                frozenset({("Q399", Predicate.MEMBER_OF.value, "Q47488", "Positive")}),
            ),
            RuleExample(
                "Der Internationale Strafgerichtshof tagte. Die Ukraine ist seit Januar Vertragsstaat des "
                "Gerichts.",
                frozenset({("Q212", Predicate.MEMBER_OF.value, "Q47488", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Die Ukraine ist kein Mitglied": the organisation is the one the text is about
        "member_bare",
        Tokens(
            ([{"TEXT": {"REGEX": MEMBER_BARE}, "SPAN": MEMBER_BARE}],),
            unless=([{"TEXT": {"REGEX": MEMBER_BARE}}, {"TEXT": {"IN": GENITIVE_LINKS}, "CONTEXT": True}],),
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        # 2: not read inside a longer trigger ("als Mitglied aufgenommen": admit_as_member)
        # 3: negation after the noun ("neither … nor"), corrections ("sondern")
        # 4: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 5: "Vertragsstaat(en)" (a state party is a member)
        version="5",
        tests=(
            RuleExample(
                "Die NATO wächst. Schweden ist seit März Mitglied.",
                frozenset({("Q34", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
            RuleExample(
                "Der Internationale Strafgerichtshof tagt in Den Haag. Die USA und Israel sind keine "
                "Vertragsstaaten.",
                frozenset(
                    {
                        ("Q30", Predicate.MEMBER_OF.value, "Q47488", "Negative"),
                        ("Q801", Predicate.MEMBER_OF.value, "Q47488", "Negative"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "als Mitglied aufgenommen": admitted, a member (the bare "Mitglied" inside is not read alone)
        "admit_as_member",
        Tokens(
            (
                [
                    {"TEXT": "als"},
                    {"TEXT": {"IN": ["Mitglied", "Mitglieder"]}},
                    {"TEXT": {"IN": ["aufgenommen", "aufnahm"]}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        confidence=0.7,
        # 2: the infinitive and present ("… aufzunehmen") are to_admit_as_member's
        # 3: negation after the noun ("neither … nor"), corrections ("sondern")
        # 4: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="5",
        tests=(
            RuleExample(
                "Die NATO hat Schweden als Mitglied aufgenommen.",
                frozenset({("Q34", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "beschloss, Schweden als Mitglied aufzunehmen", "…, dass sie Schweden als Mitglied aufnimmt":
        # an admission decided or under way, not yet done — a candidacy (as admit_into beside admitted_into)
        "to_admit_as_member",
        Tokens(
            (
                [
                    {"TEXT": "als"},
                    {"TEXT": {"IN": ["Mitglied", "Mitglieder"]}},
                    {"TEXT": {"IN": ["aufzunehmen", "aufnehmen", "aufnimmt"]}},
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Die NATO beschloss, Schweden als Mitglied aufzunehmen.",
                frozenset({("Q34", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Österreich und Irland bleiben außerhalb der NATO": not members
        "outside",
        Tokens(
            (
                [
                    {
                        "TEXT": {
                            "IN": [
                                "bleibt",
                                "bleiben",
                                "blieb",
                                "blieben",
                                "ist",
                                "sind",
                                "war",
                                "waren",
                                "stehen",
                                "steht",
                            ]
                        }
                    },
                    {"TEXT": "außerhalb"},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        polarity=Polarity.NEGATIVE,
        confidence=0.7,
        subject_reach=12,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Österreich und Irland bleiben außerhalb der NATO.",
                frozenset(
                    {
                        ("Q40", Predicate.MEMBER_OF.value, "Q7184", "Negative"),
                        ("Q27", Predicate.MEMBER_OF.value, "Q7184", "Negative"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Moldau gehört nicht der NATO an", "die dem Bündnis angehören"
        "belongs_to",
        Tokens(
            (
                [
                    {"TEXT": {"IN": ["gehört", "gehören", "gehörte", "gehörten"]}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{1,8}", "CONTEXT": True},
                    {"TEXT": "an", "CONTEXT": True},
                ],
                [{"TEXT": {"IN": ["angehören", "angehört", "angehörte", "angehörten"]}}],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Norwegen gehört der NATO an.",
                frozenset({("Q20", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "joined",
        Tokens(
            (
                [{"TEXT": "beigetreten"}],
                [{"TEXT": {"IN": ["trat", "traten"]}}, {"OP": "{1,8}"}, {"TEXT": "bei"}],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.START,  # 3: the date is when the membership began (P580), a year alone too
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 4: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="5",
        tests=(
            RuleExample(
                "Polen ist 1999 der NATO beigetreten.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
                times=frozenset({("Q36", "P580", "1999")}),
            ),
        ),
    ),
    RelationRule(
        "join",
        # not "Beitrittsprotokoll": ratifying it is the ratifier's act, not a candidacy of theirs
        Tokens(([{"TEXT": {"REGEX": JOIN}, "SPAN": JOIN}],)),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: an open question after a negation states nothing; "left X to join Y" is a joining
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="5",
        tests=(
            RuleExample(
                "Österreich verließ 1995 die EFTA, um der EU beizutreten.",
                frozenset(
                    {
                        ("Q40", Predicate.MEMBER_OF.value, "Q458", "Positive"),
                        ("Q40", Predicate.MEMBER_OF.value, "Q166546", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "Georgien will der NATO beitreten.",
                frozenset({("Q230", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "membership",
        Tokens(([{"TEXT": {"REGEX": MEMBERSHIP}, "SPAN": MEMBERSHIP}],)),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: an open question after a negation states nothing; "left X to join Y" is a joining
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="5",
        tests=(
            RuleExample(
                "Argentinien hat noch nicht entschieden, ob es die Mitgliedschaft in der OECD anstrebt.",
                frozenset(),
            ),
            RuleExample(
                "Die Ukraine hat einen Antrag auf Mitgliedschaft in der Europäischen Union gestellt.",
                frozenset({("Q212", Predicate.CANDIDATE_FOR.value, "Q458", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "die Ukraine rasch in die NATO aufzunehmen": admitting into an organisation (a candidacy;
        # "in die NATO aufgenommen" below is membership, "… aufgenommen werden" a candidacy again)
        "admit_into",
        Tokens(
            (
                [
                    {"TEXT": "in"},
                    {"TEXT": {"IN": ["die", "das", "den"]}},
                    {"TEXT": {"REGEX": CHUNK}},
                    {"TEXT": {"REGEX": WORD}, "OP": "{0,2}"},
                    {"TEXT": {"IN": ["aufzunehmen", "aufnehmen", "aufnimmt"]}},
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Die Allianz versprach, die Ukraine rasch in die NATO aufzunehmen.",
                frozenset({("Q212", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "admitted_into",
        Tokens(
            (
                [
                    {"TEXT": "in"},
                    {"TEXT": {"IN": ["die", "das", "den"]}},
                    {"TEXT": {"REGEX": CHUNK}},
                    {"TEXT": {"REGEX": WORD}, "OP": "{0,2}"},
                    {"TEXT": {"IN": ["aufgenommen", "aufnahm"]}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Finnland wurde 2023 in die NATO aufgenommen.",
                frozenset({("Q33", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "die Aufnahme (der Ukraine) in die NATO": admission as a noun, only with its "in"
        "admission",
        # "die Aufnahme der Ukraine (in die NATO)", "eine Aufnahme Georgiens": the candidate follows
        Tokens(
            (
                [
                    {"TEXT": {"REGEX": ADMISSION}, "SPAN": ADMISSION},
                    {"TEXT": {"IN": ["der", "des", "in", "ins"]}, "CONTEXT": True},
                ],
                [
                    {"TEXT": {"REGEX": ADMISSION}, "SPAN": ADMISSION},
                    {"TEXT": {"REGEX": r"^[A-ZÄÖÜ][\w-]*s$"}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        genitive_subject=True,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Sie sprachen über die Aufnahme der Ukraine in die NATO.",
                frozenset({("Q212", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Die Ukraine strebt (seit Jahren) in die NATO", "drängt in die EU": aiming to get in
        "strive_into",
        Tokens(
            (
                [
                    {
                        "TEXT": {
                            "IN": [
                                "strebt",
                                "streben",
                                "strebte",
                                "strebten",
                                "drängt",
                                "drängen",
                                "drängte",
                                "drängten",
                            ]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,4}", "CONTEXT": True},
                    {"TEXT": "ins", "CONTEXT": True},
                ],
                [
                    {
                        "TEXT": {
                            "IN": [
                                "strebt",
                                "streben",
                                "strebte",
                                "strebten",
                                "drängt",
                                "drängen",
                                "drängte",
                                "drängten",
                            ]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,4}", "CONTEXT": True},
                    {"TEXT": "in", "CONTEXT": True},
                    {"TEXT": {"IN": ["die", "das", "den"]}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INTENDED,
        confidence=0.7,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Die Ukraine strebt seit Jahren in die NATO.",
                frozenset({("Q212", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "candidate",
        Tokens(([{"TEXT": {"REGEX": CANDIDATE}, "SPAN": CANDIDATE}],)),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.75,
        subject_reach=10,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Moldau ist seit 2022 Kandidat für die Europäische Union.",
                frozenset({("Q217", Predicate.CANDIDATE_FOR.value, "Q458", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "invitation",
        Tokens(([{"TEXT": {"REGEX": INVITATION}, "SPAN": INVITATION}],)),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INVITED,
        confidence=0.75,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: an open question after a negation states nothing; "left X to join Y" is a joining
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="5",
        tests=(
            RuleExample(
                "Bosnien erhielt eine Einladung der NATO.",
                frozenset({("Q225", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "border",
        Tokens(
            (
                [{"TEXT": {"IN": BORDERS}}, {"TEXT": {"REGEX": WORD}, "OP": "{0,2}"}, {"TEXT": "an"}],
                # "an Polen grenzt": "an", the neighbour and the verb after it
                [
                    {"TEXT": "an"},
                    {"TEXT": {"IN": ["die", "den"]}, "OP": "?", "CONTEXT": True},
                    {"CONTEXT": True},
                    {"TEXT": {"IN": BORDERS}, "CONTEXT": True},
                ],
                [
                    {"TEXT": {"IN": ["gemeinsame", "lange", "direkte"]}},
                    {"TEXT": "Grenze"},
                    {"TEXT": {"IN": ["mit", "zu"]}},
                ],
                [
                    {"TEXT": "Grenze"},
                    {"TEXT": {"IN": ["mit", "zu"]}},
                    {"OP": "{1,2}", "CONTEXT": True},
                    {"TEXT": {"IN": ["teilt", "teilen", "teilte", "teilten"]}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Estland grenzt an Lettland.",
                frozenset({("Q191", Predicate.SHARES_BORDER_WITH.value, "Q211", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Kanada verhängte neue Sanktionen gegen Belarus", "Japan verhängt Strafmaßnahmen gegen …"
        "imposes_sanctions",
        Tokens(
            (
                [
                    {
                        "LOWER": {
                            "IN": ["verhängt", "verhängen", "verhängte", "verhängten", "verhing", "verhingen"]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,3}"},
                    {"LOWER": {"IN": SANCTIONS}},
                    {"LOWER": "gegen"},
                ],
                # "hat keine Sanktionen gegen X verhängt": the participle ends the clause
                [
                    {"LOWER": {"IN": SANCTIONS}},
                    {"LOWER": "gegen"},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{1,14}", "CONTEXT": True},
                    {"LOWER": "verhängt", "CONTEXT": True},
                ],
                # "beschloss ein Sanktionspaket gegen Russland", "hat ihr 17. Sanktionspaket gegen Russland
                # beschlossen"
                [
                    {
                        "LOWER": {
                            "IN": [
                                "beschloss",
                                "beschlossen",
                                "verabschiedete",
                                "verabschiedeten",
                                "billigte",
                            ]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,4}"},
                    {"TEXT": {"REGEX": r"^Sanktionspaket"}},
                    {"LOWER": "gegen"},
                ],
                [
                    {"TEXT": {"REGEX": r"^Sanktionspaket"}},
                    {"LOWER": "gegen"},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{1,8}", "CONTEXT": True},
                    {"LOWER": {"IN": ["beschlossen", "verabschiedet", "gebilligt"]}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.IMPOSES_SANCTIONS_ON,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
        # v2: eine Organisation verhängt Sanktionen auch ("Die EU verhängte Sanktionen gegen Russland")
        subject_kinds=frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION}),
        # v4: people and firms are sanctioned too, named after a description ("on two generals, X and Y")
        object_kinds=frozenset({EntityKind.COUNTRY, EntityKind.PERSON, EntityKind.ORGANISATION}),
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 5: "Sanktionspaket gegen X beschlossen"; the participle further away; unlinked names after a
        # noun that says what they are ("die Reederei X", "die Richterinnen X und Y") are NIL targets
        version="5",
        tests=(
            RuleExample(
                "Die Europäische Union verhängte neue Sanktionen gegen Russland.",
                frozenset({("Q458", Predicate.IMPOSES_SANCTIONS_ON.value, "Q159", "Positive")}),
            ),
            RuleExample(
                "Kanada verhängte am Dienstag neue Sanktionen gegen Weißrussland.",
                frozenset({("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "Q184", "Positive")}),
            ),
            RuleExample(
                "Japan hat keine Sanktionen gegen Venezuela verhängt.",
                frozenset({("Q17", Predicate.IMPOSES_SANCTIONS_ON.value, "Q717", "Negative")}),
            ),
            RuleExample(
                "Japan verhängte Sanktionen gegen den russischen Unternehmer Igor Petrow.",
                frozenset(
                    {("Q17", Predicate.IMPOSES_SANCTIONS_ON.value, "nil:Person:Igor Petrow", "Positive")}
                ),
            ),
            RuleExample(
                "Kanada hat Sanktionen gegen die Richterinnen Amina Tsegaye und Reine Tshibanda sowie gegen "
                "die Reederei Kolmar Tank Shipping verhängt.",
                frozenset(
                    {
                        ("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "nil:Person:Amina Tsegaye", "Positive"),
                        (
                            "Q16",
                            Predicate.IMPOSES_SANCTIONS_ON.value,
                            "nil:Person:Reine Tshibanda",
                            "Positive",
                        ),
                        (
                            "Q16",
                            Predicate.IMPOSES_SANCTIONS_ON.value,
                            "nil:Organisation:Kolmar Tank Shipping",
                            "Positive",
                        ),
                    }
                ),
            ),
            RuleExample(
                "Die EU hat am Montag ihr 16. Sanktionspaket gegen Belarus beschlossen.",
                frozenset({("Q458", Predicate.IMPOSES_SANCTIONS_ON.value, "Q184", "Positive")}),
            ),
            RuleExample("Ungarn blockiert das Sanktionspaket gegen Russland.", frozenset()),
        ),
    ),
    RelationRule(
        "covered",
        Tokens(
            (
                [{"TEXT": {"IN": ["geschützt", "abgedeckt", "erfasst"]}}],
                [{"TEXT": "unter"}, {"TEXT": "den", "OP": "?"}, {"TEXT": "Schutz"}],
                # "fällt nicht unter Artikel 5", "Beide Länder fallen nicht unter …", "fiel unter"
                [
                    {"TEXT": {"IN": ["fällt", "fallen", "falle", "fiel", "fielen"]}},
                    {"TEXT": {"REGEX": WORD}, "OP": "{0,3}", "CONTEXT": True},
                    {"TEXT": "unter", "CONTEXT": True},
                ],
            )
        ),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_DE,
        confidence=0.8,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Schweden ist durch Artikel 5 geschützt.",
                frozenset({("Q34", Predicate.COVERED_BY.value, "nil:TreatyClause:Artikel 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Artikel 5 schützt auch Polen": the active verb, the protected country after it
        "protects",
        Tokens(([{"TEXT": {"IN": ["schützt", "schützen", "deckt", "erfasst"]}}],)),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_DE,
        # the object right after the verb, past focus and time adverbs ("schützt auch Polen")
        subject_after=re.compile(
            r"(?:\s+(?:auch|nun|jetzt|bereits|schon|ebenfalls|weiterhin|künftig|seither|seitdem|zudem))*(?=\s)"
        ),
        subject_after_only=True,
        confidence=0.75,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",  # 2: adverbs between the verb and the country
        tests=(
            RuleExample(
                "Artikel 5 schützt Polen.",
                frozenset({("Q36", Predicate.COVERED_BY.value, "nil:TreatyClause:Artikel 5", "Positive")}),
            ),
            RuleExample(
                "Artikel 5 schützt auch Polen.",
                frozenset({("Q36", Predicate.COVERED_BY.value, "nil:TreatyClause:Artikel 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "applies_to",
        Tokens(([{"TEXT": {"IN": ["gilt", "gelten", "gelte", "galt", "greift", "greifen", "greife"]}}],)),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_DE,
        subject_after=re.compile(r"\bfür\b"),
        confidence=0.7,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Artikel 5 gilt auch für Estland.",
                frozenset({("Q191", Predicate.COVERED_BY.value, "nil:TreatyClause:Artikel 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Die NATO hat ihren Sitz in Brüssel", "die OSZE mit Sitz in Wien": an organisation and a place
        "headquarters",
        Tokens(
            (
                [
                    {"TEXT": {"IN": ["hat", "haben", "hatte", "hatten"]}},
                    {"TEXT": {"IN": ["seinen", "ihren"]}},
                    {"TEXT": {"IN": SEAT}},
                    {"TEXT": "in"},
                ],
                [{"TEXT": "mit"}, {"TEXT": {"IN": SEAT}}, {"TEXT": "in"}],
            )
        ),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.8,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Die NATO hat ihren Sitz in Brüssel.",
                frozenset({("Q7184", Predicate.HEADQUARTERS.value, "Q239", "Positive")}),
            ),
            RuleExample(
                "Die OSZE mit Sitz in Wien beobachtet die Wahl.",
                frozenset({("Q81299", Predicate.HEADQUARTERS.value, "Q1741", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Großbritannien ist 2020 aus der EU ausgetreten", "Russland trat aus dem Europarat aus",
        # "verließ die Afrikanische Union": eine beendete Mitgliedschaft (P582), keine heutige
        "left",
        re.compile(
            r"\bausgetreten\b|\btrat(?:en)?\b(?:\s+\S+){1,6}?\s+aus\b(?=\s*[.,;:!?]|$)|\bverließ(?:en)?\b|\bverlassen\b"
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Großbritannien ist 2020 aus der Europäischen Union ausgetreten.",
                frozenset({("Q145", Predicate.MEMBER_OF.value, "Q458", "Positive")}),
                times=frozenset({("Q145", "P582", "2020")}),
                modality="Asserted",
            ),
            RuleExample(
                "Russland trat im vergangenen Jahr aus dem Europarat aus.",
                frozenset({("Q159", Predicate.MEMBER_OF.value, "Q8908", "Positive")}),
                times=frozenset({("Q159", "P582", "2023")}),
            ),
            RuleExample("Russland verließ am Montag Kiew.", frozenset()),
        ),
    ),
    RelationRule(
        # "Nicaragua kündigte seine Mitgliedschaft in der OAS": ein Austritt, keine Kandidatur
        "cancelled_membership",
        re.compile(r"\bkündigt(?:e|en)?\s+(?:die|seine|ihre)\s+Mitgliedschaft\b"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        excludes=("membership",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Nicaragua kündigte seine Mitgliedschaft in der Organisation Amerikanischer Staaten.",
                frozenset({("Q811", Predicate.MEMBER_OF.value, "Q123759", "Positive")}),
                modality="Asserted",
            ),
        ),
    ),
    RelationRule(
        # "Mali will aus der Afrikanischen Union austreten", "soll die EU verlassen": ein Austritt, der
        # kommt (Intended), keine beendete Mitgliedschaft
        "will_leave",
        re.compile(
            r"\b(?:wird|werden|will|wollen|soll|sollen|plant|plante|droht|drohte)\b"
            r"(?:\s+[^\s,;:!?]+){1,8}?\s+(?:austreten|verlassen)\b|\bAustritt\b(?=(?:\s+\S+){1,8}?\s+angekündigt\b)"
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INTENDED,
        confidence=0.7,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        excludes=("left",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Mali will zum 1. April aus der Afrikanischen Union austreten.",
                frozenset({("Q912", Predicate.MEMBER_OF.value, "Q7159", "Positive")}),
                times=frozenset({("Q912", "P582", "2024-04-01")}),
                modality="Intended",
            ),
        ),
    ),
    RelationRule(
        # "Mali wurde 2021 von der Afrikanischen Union suspendiert": Mitglied bleibt es (kgo:suspendedFrom)
        "suspended",
        # v3: "Venezuelas Mitgliedschaft bleibt ausgesetzt"
        re.compile(
            r"\bsuspendiert\b|\bSuspendierung\b"
            r"|\bMitgliedschaft\b(?=(?:\s+[^\s.,;:!?]+){0,4}\s+(?:ausgesetzt|suspendiert)\b)"
        ),
        Predicate.SUSPENDED_FROM,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.START,
        topic_fallback=False,
        genitive_subject=True,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        excludes=("membership",),
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="4",
        tests=(
            RuleExample(
                "Mali wurde 2021 von der Afrikanischen Union suspendiert.",
                frozenset({("Q912", Predicate.SUSPENDED_FROM.value, "Q7159", "Positive")}),
                times=frozenset({("Q912", "P580", "2021")}),
            ),
            RuleExample(
                "Die Afrikanische Union hat Mali am Montag suspendiert.",
                frozenset({("Q912", Predicate.SUSPENDED_FROM.value, "Q7159", "Positive")}),
            ),
            RuleExample(
                "Venezuelas Mitgliedschaft im Mercosur bleibt ausgesetzt.",
                frozenset({("Q717", Predicate.SUSPENDED_FROM.value, "Q4264", "Positive")}),
            ),
            # "die Organisation" is the union, not the NIL "Kommission" named after it
            RuleExample(
                "Die Afrikanische Union wählte einen neuen Vorsitzenden der Kommission. Gabun bleibt von der "
                "Organisation suspendiert.",
                frozenset({("Q1000", Predicate.SUSPENDED_FROM.value, "Q7159", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Friedrich Merz wurde zum Bundeskanzler gewählt", "Der Sejm wählte Donald Tusk zum
        # Ministerpräsidenten", "als Bundeskanzler vereidigt": das Amt ab dann (P39 mit P580)
        "appointed",
        re.compile(
            r"\b(?:zu(?:m|r)|als)\b(?=(?:\s+[^\s.,;:!?]+){1,8}?\s+"
            r"(?:gewählt|ernannt|vereidigt|bestimmt|berufen|bestellt|gekürt|wiedergewählt|eingesetzt)\b"
            r"(?!\s+werden\b))"
        ),
        Predicate.HOLDS_POSITION,
        ObjectSource.OFFICE_AFTER,
        Scope.CLAUSE,
        confidence=0.75,
        subject_kinds=frozenset({EntityKind.PERSON}),
        time_role=TimeRole.START,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Olaf Scholz wurde am 8. Dezember 2021 zum Bundeskanzler gewählt.",
                frozenset({("Q61053", Predicate.HOLDS_POSITION.value, "Q4970706", "Positive")}),
                times=frozenset({("Q61053", "P580", "2021-12-08")}),
                modality="Asserted",
            ),
        ),
    ),
    RelationRule(
        # "Der Bundestag wählte Olaf Scholz zum Bundeskanzler": das Aktiv, die Person nach dem Verb
        "appointed_active",
        re.compile(
            r"\b(?:wählte|wählten|ernannte|ernannten|vereidigte|vereidigten|kürte|kürten|berief|beriefen)\b"
            r"(?=(?:\s+[^\s.,;:!?]+){1,5}?\s+zu(?:m|r)\s)"
        ),
        Predicate.HOLDS_POSITION,
        ObjectSource.OFFICE_AFTER,
        Scope.CLAUSE,
        confidence=0.75,
        subject_kinds=frozenset({EntityKind.PERSON}),
        time_role=TimeRole.START,
        excludes=("appointed",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Der Bundestag wählte Olaf Scholz im Dezember 2021 zum Bundeskanzler.",
                frozenset({("Q61053", Predicate.HOLDS_POSITION.value, "Q4970706", "Positive")}),
                times=frozenset({("Q61053", "P580", "2021-12")}),
            ),
        ),
    ),
    RelationRule(
        # "soll am Freitag zum Kanzler gewählt werden": noch nicht im Amt (Intended)
        "to_be_appointed",
        re.compile(
            r"\b(?:zu(?:m|r)|als)\b(?=(?:\s+[^\s.,;:!?]+){1,8}?\s+"
            r"(?:gewählt|ernannt|vereidigt|bestimmt|berufen)\s+werden\b)"
        ),
        Predicate.HOLDS_POSITION,
        ObjectSource.OFFICE_AFTER,
        Scope.CLAUSE,
        modality=Modality.INTENDED,
        confidence=0.7,
        subject_kinds=frozenset({EntityKind.PERSON}),
        time_role=TimeRole.START,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Friedrich Merz soll im Mai zum Bundeskanzler gewählt werden.",
                frozenset({("Q566257", Predicate.HOLDS_POSITION.value, "Q4970706", "Positive")}),
                modality="Intended",
            ),
        ),
    ),
    RelationRule(
        # "Narva liegt an der Grenze zu Russland", "Finnland ist ein Nachbarland Russlands"
        "border_at",
        re.compile(
            r"\ban\s+der\s+(?:\w+\s+)?Grenze\s+(?:zu|mit)\b|\bNachbar(?:land|staat)?\s+(?:von|der|des)\b"
        ),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.75,
        subject_kinds=frozenset({EntityKind.COUNTRY, EntityKind.PLACE}),
        object_kinds=frozenset({EntityKind.COUNTRY, EntityKind.PLACE}),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Finnland liegt an der Grenze zu Russland.",
                frozenset({("Q33", Predicate.SHARES_BORDER_WITH.value, "Q159", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Österreich grenzt nicht an Russland": the negation stands inside the trigger of "border"
        "not_border",
        re.compile(r"\bgrenz(?:t|en|te|ten)\s+(?:\w+\s+)?nicht\s+an\b"),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        polarity=Polarity.NEGATIVE,
        confidence=0.75,
        excludes=("border",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Österreich grenzt nicht an Russland.",
                frozenset({("Q40", Predicate.SHARES_BORDER_WITH.value, "Q159", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        # "Der Hauptsitz der WHO ist in Genf", "Der Sitz der OSZE liegt in Wien"
        "headquarters_is_in",
        re.compile(r"\b(?:ist|liegt|befindet\s+sich|war|lag|bleibt)\s+in\b"),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        requires=re.compile(r"\b(?:Haupt)?[Ss]itz\b(?!\s+(?:nicht\s+)?in\b)"),
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        subject_reach=10,
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Der Hauptsitz der Weltgesundheitsorganisation ist in Genf.",
                frozenset({("Q7817", Predicate.HEADQUARTERS.value, "Q71", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Die OSZE hat ihren Sitz nicht in Brüssel, sondern in Wien": nicht dort, sondern in Wien
        "headquarters_not_in",
        re.compile(r"\b(?:Haupt)?[Ss]itz\s+nicht\s+in\b"),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        polarity=Polarity.NEGATIVE,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Die OSZE hat ihren Sitz nicht in Brüssel, sondern in Wien.",
                frozenset(
                    {
                        ("Q81299", Predicate.HEADQUARTERS.value, "Q239", "Negative"),
                        ("Q81299", Predicate.HEADQUARTERS.value, "Q1741", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        "headquarters_but",
        re.compile(r"\bsondern\s+in\b"),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        polarity=Polarity.POSITIVE,
        requires=re.compile(r"\b(?:Haupt)?[Ss]itz\s+nicht\s+in\b"),
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
    ),
    RelationRule(
        # "Dem Staatenbund gehören Saudi-Arabien, Kuwait und Katar an": the organisation first, the
        # members after the verb (belongs_to reads the members before it)
        "belongs_to_inverted",
        Tokens(
            (
                [
                    {"TEXT": {"IN": ["gehört", "gehören", "gehörte", "gehörten"]}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{1,16}", "CONTEXT": True},  # a long list
                    {"TEXT": "an", "CONTEXT": True},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.75,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Dem Golf-Kooperationsrat gehören Katar und Oman an.",
                frozenset(
                    {
                        ("Q846", Predicate.MEMBER_OF.value, "Q217172", "Positive"),
                        ("Q842", Predicate.MEMBER_OF.value, "Q217172", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "Die Andengemeinschaft tagte in Lima. Dem Staatenbund gehören Peru und Bolivien an.",
                frozenset(
                    {
                        ("Q419", Predicate.MEMBER_OF.value, "Q471690", "Positive"),
                        ("Q750", Predicate.MEMBER_OF.value, "Q471690", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Ständige Mitglieder des Rates sind China, Frankreich und Russland", "Zu den Gründungsmitgliedern
        # der BRICS zählen Brasilien und Indien": a list of members after the verb
        "members_are",
        Tokens(
            (
                [
                    {"TEXT": {"REGEX": MEMBER_LIST_NOUN}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{0,6}"},
                    {"TEXT": {"IN": ["sind", "waren"]}},
                ],
                [
                    {"LOWER": "zu"},
                    {"LOWER": "den"},
                    {"TEXT": {"REGEX": MEMBER_LIST_NOUN + r"|^Gründungsmitgliedern$"}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{0,6}"},
                    {"TEXT": {"IN": ["zählen", "zählten", "gehören", "gehörten", "zählt", "gehört"]}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        tests=(
            RuleExample(
                "Ständige Mitglieder des Sicherheitsrats der Vereinten Nationen sind China, Frankreich und "
                "Russland.",
                frozenset(
                    {
                        ("Q148", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                        ("Q142", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                        ("Q159", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "Zu den Gründungsmitgliedern der BRICS zählen Brasilien und Indien.",
                frozenset(
                    {
                        ("Q155", Predicate.MEMBER_OF.value, "Q243630", "Positive"),
                        ("Q668", Predicate.MEMBER_OF.value, "Q243630", "Positive"),
                    }
                ),
            ),
            RuleExample("Die Mitglieder der Afrikanischen Union sind uneins.", frozenset()),
            RuleExample(
                "Der Sicherheitsrat der Vereinten Nationen tagte in New York. Ständige Mitglieder des Rates "
                "sind China und Frankreich.",
                frozenset(
                    {
                        ("Q148", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                        ("Q142", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Der Gerichtshof hat 125 Vertragsstaaten, darunter Deutschland und Frankreich", "die
        # nichtständigen Mitglieder Dänemark und Griechenland": members named right after the noun
        "members_including",
        Tokens(
            (
                [
                    {"TEXT": {"REGEX": MEMBER_LIST_NOUN}},
                    {"TEXT": ","},
                    {"LOWER": {"IN": ["darunter", "etwa", "nämlich"]}},
                ],
                [
                    {"TEXT": {"REGEX": r"^(?:nicht)?ständigen$"}},
                    {"TEXT": {"REGEX": MEMBER_LIST_NOUN}},
                    {"TEXT": {"REGEX": r"^[A-ZÄÖÜ]"}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        tests=(
            RuleExample(
                "Der Internationale Strafgerichtshof hat 125 Vertragsstaaten, darunter Deutschland und "
                "Frankreich.",
                frozenset(
                    {
                        ("Q183", Predicate.MEMBER_OF.value, "Q47488", "Positive"),
                        ("Q142", Predicate.MEMBER_OF.value, "Q47488", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "Der Sicherheitsrat der Vereinten Nationen tagte in New York. Die nichtständigen Mitglieder "
                "Dänemark und Griechenland stimmten zu.",
                frozenset(
                    {
                        ("Q35", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                        ("Q41", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Gründungsmitglieder des Staatenbunds sind Bolivien, Kolumbien und Peru": a founding list
        "founding_members_are",
        Tokens(
            (
                [
                    {"TEXT": {"REGEX": r"^Gründungsmitglied(?:er)?$"}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{0,6}"},
                    {"TEXT": {"IN": ["sind", "waren", "ist", "war"]}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Gründungsmitglieder des Golf-Kooperationsrats sind Katar und Oman.",
                frozenset(
                    {
                        ("Q846", Predicate.MEMBER_OF.value, "Q217172", "Positive"),
                        ("Q842", Predicate.MEMBER_OF.value, "Q217172", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Die Andengemeinschaft wurde 1969 von Bolivien, Kolumbien und Peru gegründet", "gegründet von":
        # a founding list, Mitglieder seit der Gründung
        "founded_by",
        Tokens(
            (
                [
                    {"TEXT": "von"},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{1,12}", "CONTEXT": True},
                    {"TEXT": {"IN": ["gegründet", "gegründete", "gegründeten"]}, "CONTEXT": True},
                ],
                [{"TEXT": {"IN": ["gegründet", "gegründete"]}, "CONTEXT": True}, {"TEXT": "von"}],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        time_role=TimeRole.START,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Die Andengemeinschaft wurde 1969 von Bolivien, Kolumbien und Peru gegründet.",
                frozenset(
                    {
                        ("Q750", Predicate.MEMBER_OF.value, "Q471690", "Positive"),
                        ("Q739", Predicate.MEMBER_OF.value, "Q471690", "Positive"),
                        ("Q419", Predicate.MEMBER_OF.value, "Q471690", "Positive"),
                    }
                ),
                times=frozenset(
                    {("Q750", "P580", "1969"), ("Q739", "P580", "1969"), ("Q419", "P580", "1969")}
                ),
            ),
            RuleExample("Die Partei wurde von Studenten gegründet.", frozenset()),
        ),
    ),
    RelationRule(
        # "Bolivien ist nun Vollmitglied des Mercosur", "ist seit Montag Vollmitglied"
        "full_member",
        Tokens(([{"TEXT": {"REGEX": r"^Vollmitglied(?:er|s)?$"}}],)),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.75,
        subject_reach=10,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Bolivien ist nun Vollmitglied des Mercosur.",
                frozenset({("Q750", Predicate.MEMBER_OF.value, "Q4264", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Georgien wurde 1999 als 41. Mitglied aufgenommen", "als zehntes Mitglied in die SOZ
        # aufgenommen": the passive admission (admit_as_member reads the organisation before the subject)
        "admitted_as_nth_member",
        Tokens(
            (
                [
                    {"TEXT": {"IN": ["wurde", "wurden", "ist", "sind", "war"]}, "CONTEXT": True},
                    {"TEXT": {"REGEX": r"^[^;:!?]+$"}, "OP": "{0,6}", "CONTEXT": True},
                    {"TEXT": "als"},
                    {"TEXT": {"REGEX": r"^(?:\d+\.|\w+(?:te|ste)[smnr]?)$"}},
                    {"TEXT": {"IN": ["Mitglied", "Vollmitglied", "Mitgliedstaat"]}},
                    {"TEXT": {"REGEX": NO_STOP}, "OP": "{0,8}"},
                    {"TEXT": "aufgenommen"},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        time_role=TimeRole.START,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Der Europarat tagte. Georgien wurde 1999 als 41. Mitglied aufgenommen.",
                frozenset({("Q230", Predicate.MEMBER_OF.value, "Q8908", "Positive")}),
                times=frozenset({("Q230", "P580", "1999")}),
            ),
            RuleExample(
                "Belarus wurde am 4. Juli 2024 als zehntes Mitglied in die Shanghaier Organisation für "
                "Zusammenarbeit aufgenommen.",
                frozenset({("Q184", Predicate.MEMBER_OF.value, "Q485207", "Positive")}),
                times=frozenset({("Q184", "P580", "2024-07-04")}),
            ),
        ),
    ),
    RelationRule(
        # "die in Wien ansässige Organisation", "der in Riad ansässige Golf-Kooperationsrat"
        "based_attribute",
        Tokens(
            (
                [
                    {"LOWER": "in"},
                    {"IS_TITLE": True, "OP": "{1,3}", "CONTEXT": True},
                    {"TEXT": {"REGEX": r"^ansässig(?:e|en|er|es|em)?$"}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.LOCAL,
        # an attribute holds whatever the clause's verb says ("… plans a reform", "… did not cut output")
        modality=Modality.ASSERTED,
        polarity=Polarity.POSITIVE,
        subject_after=re.compile(r"ansässig\w*"),
        subject_after_only=True,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.75,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Der in Riad ansässige Golf-Kooperationsrat einigte sich auf ein Visum.",
                frozenset({("Q217172", Predicate.HEADQUARTERS.value, "Q3692", "Positive")}),
            ),
            RuleExample("Ein in London ansässiger Analyst erwartet Kürzungen.", frozenset()),
        ),
    ),
    RelationRule(
        # "Bundeskanzler Friedrich Merz wurde am Dienstag vereidigt": sworn in, the office the title
        # before the name gives (appointed reads "als/zum … vereidigt")
        "sworn_in",
        Tokens(([{"TEXT": {"IN": ["vereidigt", "vereidigte"]}}],)),
        Predicate.HOLDS_POSITION,
        ObjectSource.OFFICE_AFTER,
        Scope.CLAUSE,
        confidence=0.7,
        subject_kinds=frozenset({EntityKind.PERSON}),
        time_role=TimeRole.START,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Bundeskanzler Friedrich Merz wurde am 6. Mai 2025 vereidigt.",
                frozenset({("Q566257", Predicate.HOLDS_POSITION.value, "Q4970706", "Positive")}),
                times=frozenset({("Q566257", "P580", "2025-05-06")}),
            ),
            RuleExample("Die neuen Soldaten wurden am Montag in Berlin vereidigt.", frozenset()),
        ),
    ),
    RelationRule(
        # "Der Beitritt Indonesiens zur OECD wurde am Montag vollzogen", "… trat in Kraft": ein
        # vollzogener Beitritt ist eine Mitgliedschaft
        "accession_completed",
        Tokens(
            (
                [
                    # v2: "Die Aufnahme Boliviens in den Mercosur ist abgeschlossen" too
                    {"TEXT": {"REGEX": r"\b(?:Beitritt(?:s|es)?|Aufnahme)$"}},
                    {"TEXT": {"REGEX": r"^[^;:!?]+$"}, "OP": "{0,10}", "CONTEXT": True},
                    {"TEXT": {"IN": ["vollzogen", "abgeschlossen", "wirksam", "besiegelt"]}, "CONTEXT": True},
                ],
                [
                    {"TEXT": {"REGEX": r"\bBeitritt(?:s|es)?$"}},
                    {"TEXT": {"REGEX": r"^[^;:!?]+$"}, "OP": "{0,8}", "CONTEXT": True},
                    {"TEXT": {"IN": ["trat", "tritt"]}, "CONTEXT": True},
                    {"TEXT": {"REGEX": r"^[^;:!?]+$"}, "OP": "{0,4}", "CONTEXT": True},
                    {"TEXT": "in", "CONTEXT": True},
                    {"TEXT": "Kraft", "CONTEXT": True},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        genitive_subject=True,
        excludes=("join", "admission"),
        confidence=0.7,
        time_role=TimeRole.START,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Der Beitritt Indonesiens zur OECD wurde am 5. Mai 2025 vollzogen.",
                frozenset({("Q252", Predicate.MEMBER_OF.value, "Q41550", "Positive")}),
                times=frozenset({("Q252", "P580", "2025-05-05")}),
            ),
            RuleExample(
                "Die Aufnahme Boliviens in den Mercosur ist seit dem vergangenen Jahr abgeschlossen.",
                frozenset({("Q750", Predicate.MEMBER_OF.value, "Q4264", "Positive")}),
            ),
        ),
    ),
)
