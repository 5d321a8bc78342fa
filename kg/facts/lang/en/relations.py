"""English relation rules, each with its ``tests:`` sentences (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import ObjectSource, RelationRule, RuleExample, Scope, Tokens
from kg.model import EntityKind, Modality, Polarity, Predicate, TimeRole

TREATY_EN = re.compile(r"\b(?:Article|Art\.)\s*\d+\b|\b(?:mutual|collective)[- ]defen[cs]e clause\b", re.I)

# token patterns (spaCy Matcher): "CONTEXT" elements must match but are not the trigger
MEMBER = ["member", "members"]
CHUNK = r"^[\w-]+$"

RELATIONS_EN = (
    RelationRule(
        "partner",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["partner", "partners", "partnered"]}},
                    # v4: "a partner country of NATO", "partner nations of the OSCE"
                    {
                        "LOWER": {"IN": ["country", "countries", "nation", "nations", "state", "states"]},
                        "OP": "?",
                    },
                ],
            )
        ),
        Predicate.PARTNER_OF,
        ObjectSource.ADJACENT,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: "partner country of", prenominal adjectives ("key", "major", "Mediterranean partners")
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="5",
        tests=(
            RuleExample(
                "Sweden is a close NATO partner.",
                frozenset({("Q34", Predicate.PARTNER_OF.value, "Q7184", "Positive")}),
            ),
            RuleExample(
                "Mongolia is a partner country of NATO.",
                frozenset({("Q711", Predicate.PARTNER_OF.value, "Q7184", "Positive")}),
            ),
            RuleExample(
                "Egypt and Israel are key Mediterranean partners of the OSCE.",
                frozenset(
                    {
                        ("Q79", Predicate.PARTNER_OF.value, "Q81299", "Positive"),
                        ("Q801", Predicate.PARTNER_OF.value, "Q81299", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Australia and Indonesia signed a strategic partnership", "Japan agreed a partnership with
        # India": a partnership of the parties (the first with the others)
        "partnership_signed",
        Tokens(
            (
                [
                    {
                        "LOWER": {
                            "IN": [
                                "signed",
                                "sign",
                                "signs",
                                "agreed",
                                "agree",
                                "agrees",
                                "launched",
                                "forged",
                                "sealed",
                                "upgraded",
                                "established",
                                "concluded",
                            ]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,4}"},
                    {"LOWER": {"IN": ["partnership", "partnerships"]}},
                ],
            )
        ),
        Predicate.PARTNER_OF,
        ObjectSource.CO_SUBJECTS,
        Scope.CLAUSE,
        confidence=0.75,
        # 2: an organisation is a party too ("Canada and ASEAN signed a strategic partnership"); a place
        # after the noun is no complement ("signed a partnership in Canberra")
        subject_kinds=frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION}),
        version="2",
        tests=(
            RuleExample(
                "Australia and Indonesia signed a comprehensive strategic partnership on Wednesday.",
                frozenset({("Q408", Predicate.PARTNER_OF.value, "Q252", "Positive")}),
            ),
            RuleExample(
                "Canada and ASEAN signed a comprehensive strategic partnership in Kuala Lumpur.",
                frozenset({("Q16", Predicate.PARTNER_OF.value, "Q7768", "Positive")}),
            ),
            RuleExample(
                "Japan signed a security partnership with India.",
                frozenset({("Q17", Predicate.PARTNER_OF.value, "Q668", "Positive")}),
            ),
            RuleExample("Brazil signed a partnership agreement.", frozenset()),
        ),
    ),
    RelationRule(
        # "ASEAN's dialogue partners, including Japan and India", "NATO's partners such as Mongolia":
        # the partners named after the noun
        "partners_including",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["partner", "partners"]}},
                    {"LOWER": {"IN": ["country", "countries", "nations", "states"]}, "OP": "?"},
                    {"LOWER": ",", "OP": "?", "CONTEXT": True},
                    {
                        "LOWER": {"IN": ["including", "include", "includes", "such", "are", "were"]},
                        "CONTEXT": True,
                    },
                ],
            )
        ),
        Predicate.PARTNER_OF,
        ObjectSource.ADJACENT,
        Scope.LOCAL,
        subject_after=re.compile(r"\b(?:including|include|includes|such as|are|were)\b", re.I),
        subject_after_only=True,
        confidence=0.75,
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="2",
        tests=(
            RuleExample(
                "ASEAN's dialogue partners, including Japan, India and New Zealand, will attend.",
                frozenset(
                    {
                        ("Q17", Predicate.PARTNER_OF.value, "Q7768", "Positive"),
                        ("Q668", Predicate.PARTNER_OF.value, "Q7768", "Positive"),
                        ("Q664", Predicate.PARTNER_OF.value, "Q7768", "Positive"),
                    }
                ),
            ),
            RuleExample("NATO's partners are worried about the war.", frozenset()),
        ),
    ),
    RelationRule(
        # "Ukraine is a valued partner, but not a member": the organisation the text is about,
        # only when nothing follows that could name another partner
        "partner_bare",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["partner", "partners"]}},
                    {"LOWER": {"REGEX": r"^[,.;:]|^(?:but|and|too)$"}, "CONTEXT": True},
                ],
                [
                    {"LOWER": {"IN": ["partner", "partners"]}},
                    {"LOWER": "as", "CONTEXT": True},
                    {"LOWER": "well", "CONTEXT": True},
                ],
                # the last word of its sentence
                [{"LOWER": {"IN": ["partner", "partners"]}}, {"IS_SENT_START": True, "CONTEXT": True}],
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
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Ukraine is a valued partner, but not a member of NATO.",
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
        "member",
        Tokens(
            (
                [
                    {"LOWER": {"IN": MEMBER}},
                    {"LOWER": {"IN": ["state", "country", "countries", "states"]}, "OP": "?"},
                ],
            ),
            # "admitted as a member": the admission's (admit_as_member)
            unless=(
                [
                    {"LOWER": "as", "CONTEXT": True},
                    {"LOWER": "a", "OP": "?", "CONTEXT": True},
                    {"LOWER": {"IN": MEMBER}},
                ],
            ),
        ),
        Predicate.MEMBER_OF,
        ObjectSource.IN_TRIGGER,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Poland is a member of NATO.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Austria is not part of NATO": only with the organisation right after "of"
        "part_of",
        Tokens(([{"LOWER": "part"}, {"LOWER": "of", "CONTEXT": True}],)),
        Predicate.MEMBER_OF,
        ObjectSource.ADJACENT,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Austria is not part of NATO.",
                frozenset({("Q40", Predicate.MEMBER_OF.value, "Q7184", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        # "NATO admitted Finland as a member": admitted, a member
        "admit_as_member",
        Tokens(
            (
                [
                    {"LOWER": "admitted"},
                    {"OP": "{1,7}", "CONTEXT": True},
                    {"LOWER": "as", "CONTEXT": True},
                    {"LOWER": "a", "OP": "?", "CONTEXT": True},
                    {"LOWER": {"IN": MEMBER}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        confidence=0.7,
        # 2: "admit", "admits", "admitting" are to_admit_as_member's
        # 3: negation after the noun ("neither … nor"), corrections ("sondern")
        # 4: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="5",
        tests=(
            RuleExample(
                "NATO admitted Finland as a member in 2023.",
                frozenset({("Q33", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "NATO decided to admit Sweden as a member", "never admit Ukraine as a member": an admission
        # decided, asked for or refused, not done — a candidacy
        "to_admit_as_member",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["admit", "admits", "admitting"]}},
                    {"OP": "{1,7}", "CONTEXT": True},
                    {"LOWER": "as", "CONTEXT": True},
                    {"LOWER": "a", "OP": "?", "CONTEXT": True},
                    {"LOWER": {"IN": MEMBER}, "CONTEXT": True},
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="3",
        tests=(
            RuleExample(
                "NATO decided to admit Sweden as a member.",
                frozenset({("Q34", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Austria, Ireland, Malta and Cyprus remain outside the alliance": not members
        "outside",
        Tokens(
            (
                [
                    {
                        "LOWER": {
                            "IN": [
                                "remain",
                                "remains",
                                "remained",
                                "stay",
                                "stays",
                                "stayed",
                                "is",
                                "are",
                                "was",
                                "were",
                            ]
                        }
                    },
                    {"LOWER": "outside"},
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
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Austria and Ireland remain outside NATO.",
                frozenset(
                    {
                        ("Q40", Predicate.MEMBER_OF.value, "Q7184", "Negative"),
                        ("Q27", Predicate.MEMBER_OF.value, "Q7184", "Negative"),
                    }
                ),
            ),
            # a name the KB lacks: not NATO named before
            RuleExample("NATO met in Brussels. Cyprus remains outside Schengen.", frozenset()),
        ),
    ),
    RelationRule(
        # "Norway and Iceland belong to NATO"
        "belongs_to",
        Tokens(([{"LOWER": {"IN": ["belong", "belongs", "belonged", "belonging"]}}, {"LOWER": "to"}],)),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Norway and Iceland belong to NATO.",
                frozenset(
                    {
                        ("Q20", Predicate.MEMBER_OF.value, "Q7184", "Positive"),
                        ("Q189", Predicate.MEMBER_OF.value, "Q7184", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "The European Union met in Brussels. Norway belongs to the passport-free area.", frozenset()
            ),
        ),
    ),
    RelationRule(
        "joined",
        Tokens(([{"LOWER": "joined"}],)),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.START,  # 3: the date is when the membership began (P580), a year alone too
        # 2: negation after the noun ("neither … nor"), corrections ("sondern")
        # 4: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="5",
        tests=(
            RuleExample(
                "Poland joined NATO in 1999.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
                times=frozenset({("Q36", "P580", "1999")}),
            ),
            RuleExample(
                "Finland joined NATO on April 4, 2023.",
                frozenset({("Q33", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
                times=frozenset({("Q33", "P580", "2023-04-04")}),
            ),
        ),
    ),
    RelationRule(
        "join",
        Tokens(([{"LOWER": {"IN": ["join", "joins", "joining", "accession", "membership"]}}],)),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 4: an open question after a negation states nothing; "left X to join Y" is a joining
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="5",
        tests=(
            RuleExample(
                "Austria and Sweden left EFTA in 1995 to join the European Union.",
                frozenset(
                    {
                        ("Q40", Predicate.MEMBER_OF.value, "Q458", "Positive"),
                        ("Q34", Predicate.MEMBER_OF.value, "Q458", "Positive"),
                        ("Q40", Predicate.MEMBER_OF.value, "Q166546", "Positive"),
                        ("Q34", Predicate.MEMBER_OF.value, "Q166546", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "Argentina has not confirmed whether it will take up membership of the OECD.", frozenset()
            ),
            RuleExample(
                "Finland completed its accession talks with the EU.",
                frozenset({("Q33", Predicate.CANDIDATE_FOR.value, "Q458", "Positive")}),
            ),
            RuleExample(
                "Georgia wants to join NATO.",
                frozenset({("Q230", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "candidate",
        Tokens(([{"LOWER": "candidate"}, {"LOWER": "status", "OP": "?"}], [{"LOWER": "candidacy"}])),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.75,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Moldova is an EU candidate.",
                frozenset({("Q217", Predicate.CANDIDATE_FOR.value, "Q458", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "invitation",
        Tokens(([{"LOWER": {"IN": ["invited", "invitation"]}}],)),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INVITED,
        confidence=0.75,
        # 2: another party's stance: one model, active and passive
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="4",
        tests=(
            RuleExample(
                "Bosnia received an invitation from NATO.",
                frozenset({("Q225", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "NATO invited Bosnia to start talks", "invited Finland and Sweden to join": the organisation
        # invites, the invitee follows the verb and is asked to do something (not "to the summit")
        "invites",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["invite", "invites", "invited", "inviting"]}},
                    {"OP": "{1,6}", "CONTEXT": True},
                    {"LOWER": "to", "CONTEXT": True},
                    {
                        "LOWER": {"NOT_IN": ["the", "a", "an", "its", "their", "his", "her", "this"]},
                        "IS_ALPHA": True,
                        "CONTEXT": True,
                    },
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INVITED,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="3",
        tests=(
            RuleExample(
                "NATO invited Bosnia to start talks.",
                frozenset({("Q225", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
            RuleExample("NATO invited Ukraine's president to the summit.", frozenset()),
        ),
    ),
    RelationRule(
        "border",
        Tokens(
            (
                [{"LOWER": {"IN": ["borders", "bordered"]}}],
                [
                    {"LOWER": {"IN": ["share", "shares", "has", "have"]}},
                    {"LOWER": "a", "OP": "?"},
                    {"TEXT": {"REGEX": r"^[\w,.-]+$"}, "OP": "{0,5}"},
                    {"LOWER": "border"},
                    {"LOWER": "with"},
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
                "Estonia borders Latvia.",
                frozenset({("Q191", Predicate.SHARES_BORDER_WITH.value, "Q211", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "The United States imposed new sanctions on Iran", "Canada imposes sanctions against Russia"
        "imposes_sanctions",
        Tokens(
            (
                [
                    {
                        "LOWER": {
                            "IN": [
                                "impose",
                                "imposes",
                                "imposed",
                                "imposing",
                                "slap",
                                "slaps",
                                "slapped",
                                "slapping",
                            ]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,5}"},
                    {"LOWER": "sanctions"},
                    {"LOWER": {"IN": ["on", "against"]}},
                ],
                # "adopted its 17th sanctions package against Russia"
                [
                    {
                        "LOWER": {
                            "IN": [
                                "adopted",
                                "adopts",
                                "approved",
                                "approves",
                                "imposed",
                                "imposes",
                                "agreed",
                            ]
                        }
                    },
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,4}"},
                    {"LOWER": "sanctions"},
                    {"LOWER": "package"},
                    {"LOWER": {"IN": ["on", "against"]}},
                ],
                # "Britain also sanctioned the shipping company X" (not "was sanctioned by")
                [{"LOWER": {"IN": ["sanctioned", "sanctioning"]}}],
            ),
            unless=(
                [
                    {
                        "LOWER": {"IN": ["is", "are", "was", "were", "be", "been", "being", "not"]},
                        "CONTEXT": True,
                    },
                    {"LOWER": "sanctioned"},
                ],
                [{"LOWER": "sanctioned"}, {"LOWER": "by", "CONTEXT": True}],
            ),
        ),
        Predicate.IMPOSES_SANCTIONS_ON,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
        # v2: an organisation imposes sanctions too ("The EU imposed sanctions on Russia")
        subject_kinds=frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION}),
        # v4: people and firms are sanctioned too, named after a description ("on two generals, X and Y")
        object_kinds=frozenset({EntityKind.COUNTRY, EntityKind.PERSON, EntityKind.ORGANISATION}),
        # 3: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # 5: "sanctioned X", "adopted a sanctions package against X"; unlinked names after a noun that
        # says what they are ("the oligarch X", "the shipping company X") are NIL targets
        version="5",
        tests=(
            RuleExample(
                "The European Union imposed sanctions on Russia.",
                frozenset({("Q458", Predicate.IMPOSES_SANCTIONS_ON.value, "Q159", "Positive")}),
            ),
            RuleExample(
                "Canada imposed new sanctions on Belarus on Tuesday.",
                frozenset({("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "Q184", "Positive")}),
            ),
            RuleExample(
                "Japan has not imposed sanctions on Venezuela.",
                frozenset({("Q17", Predicate.IMPOSES_SANCTIONS_ON.value, "Q717", "Negative")}),
            ),
            RuleExample(
                "Canada imposed sanctions on Russian businessman Oleg Volkov and on two firms, Baltic Star "
                "Group and Igor Sechin's Northern Energy.",
                frozenset(
                    {
                        ("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "nil:Person:Oleg Volkov", "Positive"),
                        (
                            "Q16",
                            Predicate.IMPOSES_SANCTIONS_ON.value,
                            "nil:Organisation:Baltic Star Group",
                            "Positive",
                        ),
                    }
                ),
            ),
            RuleExample(
                "Japan sanctioned the oligarch Marat Kulibaev and the trading firm Nordic Amber Logistics.",
                frozenset(
                    {
                        (
                            "Q17",
                            Predicate.IMPOSES_SANCTIONS_ON.value,
                            "nil:Person:Marat Kulibaev",
                            "Positive",
                        ),
                        (
                            "Q17",
                            Predicate.IMPOSES_SANCTIONS_ON.value,
                            "nil:Organisation:Nordic Amber Logistics",
                            "Positive",
                        ),
                    }
                ),
            ),
            RuleExample(
                "Canada imposed sanctions on two generals, Tin Maung Soe and Kyaw Zin Htet, on Monday.",
                frozenset(
                    {
                        ("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "nil:Person:Tin Maung Soe", "Positive"),
                        ("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "nil:Person:Kyaw Zin Htet", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "The European Union adopted its 16th sanctions package against Belarus on Friday.",
                frozenset({("Q458", Predicate.IMPOSES_SANCTIONS_ON.value, "Q184", "Positive")}),
            ),
            RuleExample("Belarus was sanctioned by Canada in 2021.", frozenset()),
            RuleExample(
                "Japan imposed sanctions on the company, which Marat Kulibaev Holdings denied.",
                frozenset(),
            ),
        ),
    ),
    RelationRule(
        "covered",
        Tokens(([{"LOWER": {"IN": ["covered", "protected"]}}],)),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_EN,
        confidence=0.8,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Estonia is protected by Article 5.",
                frozenset({("Q191", Predicate.COVERED_BY.value, "nil:TreatyClause:Article 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Article 5 does not yet cover Sweden": the active verb, the covered country after it
        "covers",
        Tokens(([{"LOWER": {"IN": ["cover", "covers", "protect", "protects"]}}],)),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_EN,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.75,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Article 5 covers Poland.",
                frozenset({("Q36", Predicate.COVERED_BY.value, "nil:TreatyClause:Article 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "applies_to",
        Tokens(([{"LOWER": {"IN": ["apply", "applies"]}}],)),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_EN,
        subject_after=re.compile(r"\bto\b", re.I),
        confidence=0.7,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Article 5 applies to Latvia.",
                frozenset({("Q211", Predicate.COVERED_BY.value, "nil:TreatyClause:Article 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "NATO is headquartered in Brussels", "the OSCE is based in Vienna": an organisation and a place
        "headquarters",
        Tokens(
            (
                [{"LOWER": "headquartered"}, {"LOWER": "in"}],
                [{"LOWER": {"IN": ["is", "are", "was", "were"]}}, {"LOWER": "based"}, {"LOWER": "in"}],
                [
                    {"LOWER": {"IN": ["has", "have", "had"]}},
                    {"LOWER": {"IN": ["its", "their"]}},
                    {"LOWER": "headquarters"},
                    {"LOWER": "in"},
                ],
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
                "NATO is headquartered in Brussels.",
                frozenset({("Q7184", Predicate.HEADQUARTERS.value, "Q239", "Positive")}),
            ),
            RuleExample(
                "The OSCE is based in Vienna.",
                frozenset({("Q81299", Predicate.HEADQUARTERS.value, "Q1741", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Britain left the European Union in 2020", "Burkina Faso withdrew from ECOWAS": an ended
        # membership (P582), never a current one
        "left",
        re.compile(r"\b(?:left|quit|exited|withdrew\s+from|withdrawn\s+from|pulled\s+out\s+of)\b", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="3",
        tests=(
            RuleExample(
                "The United Kingdom left the European Union in 2020.",
                frozenset({("Q145", Predicate.MEMBER_OF.value, "Q458", "Positive")}),
                times=frozenset({("Q145", "P582", "2020")}),
                modality="Asserted",
            ),
            RuleExample(
                "Russia withdrew from the Council of Europe last year.",
                frozenset({("Q159", Predicate.MEMBER_OF.value, "Q8908", "Positive")}),
                times=frozenset({("Q159", "P582", "2023")}),
            ),
            RuleExample("Russia left Kyiv on Monday.", frozenset()),
            RuleExample("Hungary has not left the European Union.", frozenset()),
        ),
    ),
    RelationRule(
        # "Britain ended its membership of the EU": a leaving; "membership" is no candidacy here
        "ended_membership",
        re.compile(r"\b(?:ended|terminated|renounced|cancelled)\s+(?:its|their)\s+membership\b", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        excludes=("join",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="3",
        tests=(
            RuleExample(
                "Nicaragua ended its membership in the Organization of American States.",
                frozenset({("Q811", Predicate.MEMBER_OF.value, "Q123759", "Positive")}),
                modality="Asserted",
            ),
        ),
    ),
    RelationRule(
        # "Britain is set to leave the EU", "announced its withdrawal from …, effective …": a leaving to
        # come (Intended), not an ended membership
        "will_leave",
        re.compile(
            r"\b(?:will|would|is\s+set\s+to|are\s+set\s+to|is\s+to|are\s+to|is\s+due\s+to|plans\s+to|"
            r"intends\s+to|wants\s+to|threatened\s+to|voted\s+to)\s+(?:formally\s+)?"
            r"(?:leave|quit|exit|withdraw\s+from)\b|\bannounced\s+(?:its|their)\s+withdrawal\s+from\b",
            re.I,
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INTENDED,
        confidence=0.7,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="3",
        tests=(
            RuleExample(
                "Mali announced its withdrawal from the African Union effective April 1.",
                frozenset({("Q912", Predicate.MEMBER_OF.value, "Q7159", "Positive")}),
                times=frozenset({("Q912", "P582", "2024-04-01")}),
                modality="Intended",
            ),
        ),
    ),
    RelationRule(
        # "Mali was suspended from ECOWAS", "ECOWAS suspended Guinea": the member stays one, its
        # rights are suspended (kgo:suspendedFrom, dated with P580)
        "suspended",
        re.compile(r"\bsuspended\b|\bsuspension\s+from\b", re.I),
        Predicate.SUSPENDED_FROM,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        confidence=0.75,
        time_role=TimeRole.START,
        topic_fallback=False,
        excludes=("join",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Mali was suspended from the African Union in 2021.",
                frozenset({("Q912", Predicate.SUSPENDED_FROM.value, "Q7159", "Positive")}),
                times=frozenset({("Q912", "P580", "2021")}),
            ),
            RuleExample(
                "The African Union suspended Mali on Monday.",
                frozenset({("Q912", Predicate.SUSPENDED_FROM.value, "Q7159", "Positive")}),
                times=frozenset({("Q912", "P580", "2024-02-26")}),
            ),
        ),
    ),
    RelationRule(
        # "Donald Tusk was elected prime minister of Poland", "The Sejm elected Donald Tusk as prime
        # minister", "was sworn in as President": the office held from then (P39 with P580)
        "appointed",
        re.compile(
            r"\b(?:elected|appointed|named|sworn\s+in|installed|chosen|re-elected|reelected|took\s+office)"
            r"(?:\s+as)?\b|\bconfirmed\s+as\b",
            re.I,
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
                "Donald Tusk was elected Prime Minister of Poland on December 11, 2023.",
                frozenset({("Q946", Predicate.HOLDS_POSITION.value, "Q3259469", "Positive")}),
                times=frozenset({("Q946", "P580", "2023-12-11")}),
                modality="Asserted",
            ),
            RuleExample(
                "NATO allies appointed Mark Rutte as Secretary General of NATO.",
                frozenset({("Q57792", Predicate.HOLDS_POSITION.value, "Q167662", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "will be sworn in as president", "is set to be named prime minister": not yet in office
        "to_be_appointed",
        re.compile(
            r"\b(?:will|is\s+to|is\s+set\s+to|is\s+expected\s+to|is\s+due\s+to)\s+be\s+"
            r"(?:elected|appointed|named|sworn\s+in|installed)(?:\s+as)?\b|\bwill\s+take\s+office\s+as\b",
            re.I,
        ),
        Predicate.HOLDS_POSITION,
        ObjectSource.OFFICE_AFTER,
        Scope.CLAUSE,
        modality=Modality.INTENDED,
        confidence=0.7,
        subject_kinds=frozenset({EntityKind.PERSON}),
        time_role=TimeRole.START,
        excludes=("appointed",),
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Keir Starmer will be sworn in as Prime Minister of the United Kingdom on Friday.",
                frozenset({("Q6383803", Predicate.HOLDS_POSITION.value, "Q14211", "Positive")}),
                times=frozenset({("Q6383803", "P580", "2024-03-01")}),  # published on a Friday
                modality="Intended",
            ),
        ),
    ),
    RelationRule(
        # "Poland neighbours Ukraine", "Finland is a neighbour of Russia", "Russia massed troops on its
        # border with Ukraine"
        "neighbour",
        re.compile(
            r"\bneighbou?rs\b(?=\s+[A-Z])|\bneighbou?r(?:ing\s+country)?\s+(?:of|to)\b"
            r"|\b(?:on|at|along)\s+(?:the|its|their)\s+(?:\w+\s+)?border\s+with\b",
        ),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.75,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Finland is a neighbour of Russia.",
                frozenset({("Q33", Predicate.SHARES_BORDER_WITH.value, "Q159", "Positive")}),
            ),
            RuleExample(
                "Russia massed troops on its border with Ukraine.",
                frozenset({("Q159", Predicate.SHARES_BORDER_WITH.value, "Q212", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Austria does not border Russia": the negation is inside the trigger
        "not_border",
        re.compile(r"\b(?:does|do|did)(?:\s+not|n['’]t)\s+border\b", re.I),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        polarity=Polarity.NEGATIVE,
        confidence=0.75,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "Austria does not border Russia.",
                frozenset({("Q40", Predicate.SHARES_BORDER_WITH.value, "Q159", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        # "The OSCE, based in Vienna, …", "the Geneva-based WHO" is not read; "headquarters are in"
        "headquarters_more",
        re.compile(
            r",\s+(?:which\s+is\s+)?(?:based|headquartered)\s+in\b",
            re.I,
        ),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.75,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
        tests=(
            RuleExample(
                "The OSCE, based in Vienna, sent observers.",
                frozenset({("Q81299", Predicate.HEADQUARTERS.value, "Q1741", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "The headquarters of the WHO are in Geneva", "Its headquarters remain in Vienna"
        "headquarters_are_in",
        re.compile(r"\b(?:is|are|was|were|lies|remain|remains)\s+in\b", re.I),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        requires=re.compile(r"\bheadquarters\b(?!\s+in\b)", re.I),
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
                "The headquarters of the World Health Organization are in Geneva.",
                frozenset({("Q7817", Predicate.HEADQUARTERS.value, "Q71", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "The OSCE is based not in Brussels but in Vienna": not there, but in the place after "but"
        "headquarters_not_in",
        re.compile(r"\b(?:based|headquartered)\s+not\s+in\b", re.I),
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
                "The OSCE is based not in Brussels but in Vienna.",
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
        # "… based not in Brussels but in Vienna": the place set against the denied one
        "headquarters_but",
        re.compile(r"\bbut\s+in\b", re.I),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        polarity=Polarity.POSITIVE,
        requires=re.compile(r"\b(?:based|headquartered|headquarters)\s+not\s+in\b", re.I),
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        subject_reach=20,
        confidence=0.7,
        # 2: organisation anaphora as mentions, names the KB lacks, a month alone (shared steps)
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="3",
    ),
    RelationRule(
        # "The Andean Community was founded in 1969 by Bolivia, Colombia …": a founding list, members
        # from the founding (the organisation before the list, named or "the group")
        "founded_by",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["founded", "established", "created", "formed"]}},
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,3}"},
                    {"LOWER": "by"},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        time_role=TimeRole.START,
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="2",
        tests=(
            RuleExample(
                "The Andean Community was founded in 1969 by Bolivia, Colombia and Peru.",
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
            RuleExample(
                "Ministers of the Gulf Cooperation Council met in Doha. The group was founded by Qatar "
                "and Oman.",
                frozenset(
                    {
                        ("Q846", Predicate.MEMBER_OF.value, "Q217172", "Positive"),
                        ("Q842", Predicate.MEMBER_OF.value, "Q217172", "Positive"),
                    }
                ),
            ),
            RuleExample("The party was founded by Nigeria's former president.", frozenset()),
        ),
    ),
    RelationRule(
        # "The council's 15 members are China, France …", "ASEAN's ten members include Indonesia": a list
        # of members after the noun
        "members_are",
        Tokens(
            (
                [
                    {"LOWER": {"IN": MEMBER}},
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,6}"},
                    {"LOWER": {"IN": ["are", "were", "include", "included", "includes", "comprise"]}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="2",
        tests=(
            RuleExample(
                "The United Nations Security Council's five permanent members are China, France and Russia.",
                frozenset(
                    {
                        ("Q148", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                        ("Q142", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                        ("Q159", Predicate.MEMBER_OF.value, "Q37470", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "ASEAN's ten members include Indonesia and Malaysia.",
                frozenset(
                    {
                        ("Q252", Predicate.MEMBER_OF.value, "Q7768", "Positive"),
                        ("Q833", Predicate.MEMBER_OF.value, "Q7768", "Positive"),
                    }
                ),
            ),
            RuleExample(
                "The members of the United Nations Security Council are divided over Iran.", frozenset()
            ),
            RuleExample(
                "The UN Security Council met in New York. The council's permanent members are China and "
                "France.",
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
        # "The founding members of OPEC were Iran, Iraq and Kuwait"
        "founding_members_are",
        Tokens(
            (
                [
                    {"LOWER": "founding"},
                    {"LOWER": {"IN": MEMBER}},
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,6}"},
                    {"LOWER": {"IN": ["are", "were", "include", "included"]}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.7,
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="2",
        tests=(
            RuleExample(
                "The founding members of OPEC were Iran, Iraq and Kuwait.",
                frozenset(
                    {
                        ("Q794", Predicate.MEMBER_OF.value, "Q7795", "Positive"),
                        ("Q796", Predicate.MEMBER_OF.value, "Q7795", "Positive"),
                        ("Q817", Predicate.MEMBER_OF.value, "Q7795", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "Belarus became the tenth member of the SCO", "became a full member of Mercosur": joined
        "became_member",
        Tokens(
            (
                [
                    # only the past: "will become a member" is a candidacy ("member" reads it so)
                    {"LOWER": "became"},
                    {"LOWER": {"IN": ["a", "an", "the", "its", "their"]}},
                    {
                        "LOWER": {
                            "REGEX": r"^(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd)|full|formal|official)$"
                        },
                        "OP": "{0,2}",
                    },
                    {"LOWER": {"IN": MEMBER}},
                ],
                # "East Timor was admitted as the 11th member of ASEAN"
                [
                    {"LOWER": {"IN": ["was", "were", "been"]}},
                    {"LOWER": {"IN": ["admitted", "accepted", "welcomed"]}},
                    {"LOWER": "as"},
                    {"LOWER": {"IN": ["a", "an", "the", "its", "their"]}, "OP": "?"},
                    {
                        "LOWER": {"REGEX": r"^(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd)|full|formal|new)$"},
                        "OP": "{0,2}",
                    },
                    {"LOWER": {"IN": MEMBER}},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.START,
        # 2: "was admitted as the 11th member of …"
        version="2",
        tests=(
            RuleExample(
                "Comoros was admitted as the 164th member of the World Trade Organization on Monday.",
                frozenset({("Q970", Predicate.MEMBER_OF.value, "Q7825", "Positive")}),
                times=frozenset({("Q970", "P580", "2024-02-26")}),
            ),
            RuleExample(
                "Belarus became the tenth member of the Shanghai Cooperation Organisation on July 4, 2024.",
                frozenset({("Q184", Predicate.MEMBER_OF.value, "Q485207", "Positive")}),
                times=frozenset({("Q184", "P580", "2024-07-04")}),
            ),
            RuleExample(
                "Bolivia became a full member of Mercosur in March.",
                frozenset({("Q750", Predicate.MEMBER_OF.value, "Q4264", "Positive")}),
                times=frozenset({("Q750", "P580", "2024-03")}),
                published="2024-07-09",
            ),
            RuleExample("Brazil became a member of the OPEC+ alliance last year.", frozenset()),
        ),
    ),
    RelationRule(
        # "Papua New Guinea has applied to become a full member", "Ukraine wants to become a member of
        # the EU": a membership asked for, a candidacy
        "to_become_member",
        Tokens(
            (
                [
                    {
                        "LOWER": {
                            "IN": ["applied", "apply", "applies", "applying", "seeks", "sought", "seeking"]
                        }
                    },
                    {"LOWER": "to"},
                    {"LOWER": "become"},
                    {"LOWER": {"IN": ["a", "an", "the", "its"]}, "OP": "?"},
                    {"LOWER": {"IN": ["full", "formal", "permanent", "new"]}, "OP": "?"},
                    {"LOWER": {"IN": MEMBER}},
                ],
            )
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        tests=(
            RuleExample(
                "The World Trade Organization met in Geneva. Ethiopia, an observer, has applied to become a "
                "full member.",
                frozenset({("Q115", Predicate.CANDIDATE_FOR.value, "Q7825", "Positive")}),
            ),
            RuleExample(
                "Bolivia applied to become a member of Mercosur in 2015.",
                frozenset({("Q750", Predicate.CANDIDATE_FOR.value, "Q4264", "Positive")}),
            ),
            RuleExample(
                "Mercosur met in Montevideo. Bolivia has not applied to become a member.",
                frozenset({("Q750", Predicate.CANDIDATE_FOR.value, "Q4264", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        # "Syria shares borders with Jordan, Lebanon and Iraq": the plural the "border" rule lacks
        "shares_borders",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["share", "shares", "shared", "sharing"]}},
                    {"TEXT": {"REGEX": CHUNK}, "OP": "{0,3}"},
                    {"LOWER": "borders"},
                    {"LOWER": "with"},
                ],
            )
        ),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Syria shares long borders with Jordan and Iraq.",
                frozenset(
                    {
                        ("Q858", Predicate.SHARES_BORDER_WITH.value, "Q810", "Positive"),
                        ("Q858", Predicate.SHARES_BORDER_WITH.value, "Q796", "Positive"),
                    }
                ),
            ),
        ),
    ),
    RelationRule(
        # "the Vienna-based organisation", "the Geneva-based WHO": the place, then the organisation
        "based_attribute",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["the", "a", "an"]}},
                    {"IS_TITLE": True, "OP": "{1,3}", "CONTEXT": True},
                    {"TEXT": "-", "CONTEXT": True},
                    {"LOWER": "based", "CONTEXT": True},
                ],
            )
        ),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.LOCAL,
        # an attribute holds whatever the clause's verb says ("… plans a reform", "… did not cut output")
        modality=Modality.ASSERTED,
        polarity=Polarity.POSITIVE,
        subject_after=re.compile(r"-based\b"),
        subject_after_only=True,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.75,
        # s6: organisation anaphora: a NIL organ ("Kommission") is no antecedent; "das Gericht", "der
        # Rat", "the council" refer back (shared step)
        version="2",
        tests=(
            RuleExample(
                "Ministers of the Gulf Cooperation Council met on Monday. The Riyadh-based organisation "
                "agreed on a common visa.",
                frozenset({("Q217172", Predicate.HEADQUARTERS.value, "Q3692", "Positive")}),
            ),
            RuleExample(
                "The Geneva-based World Health Organization sent experts.",
                frozenset({("Q7817", Predicate.HEADQUARTERS.value, "Q71", "Positive")}),
            ),
            RuleExample("A London-based analyst said OPEC would cut output.", frozenset()),
        ),
    ),
    RelationRule(
        # "Indonesia completed its accession to the OECD", "Timor-Leste's accession took effect on
        # Sunday", "the accession of X to Y was completed": an accession done is a membership
        "accession_completed",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["completed", "completes", "finalised", "finalized"]}},
                    {"LOWER": {"IN": ["its", "their", "the"]}},
                    {"LOWER": "formal", "OP": "?"},
                    {"LOWER": "accession"},
                ],
                [
                    {"LOWER": "accession"},
                    {"TEXT": {"REGEX": r"^[^.;:!?]+$"}, "OP": "{0,8}", "CONTEXT": True},
                    {"LOWER": {"IN": ["took", "takes"]}, "CONTEXT": True},
                    {"LOWER": "effect", "CONTEXT": True},
                ],
                [
                    {"LOWER": "accession"},
                    {"TEXT": {"REGEX": r"^[^.;:!?]+$"}, "OP": "{0,8}", "CONTEXT": True},
                    {"LOWER": {"IN": ["was", "has", "had"]}, "CONTEXT": True},
                    {"LOWER": "been", "OP": "?", "CONTEXT": True},
                    {"LOWER": {"IN": ["completed", "finalised", "finalized"]}, "CONTEXT": True},
                ],
            ),
            # v2: "completed its accession talks" is a step of a candidacy, not the accession
            unless=(
                [
                    {"LOWER": "accession"},
                    {"LOWER": {"IN": ["talks", "negotiations", "process", "bid", "application", "protocol"]}},
                ],
            ),
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        genitive_subject=True,
        excludes=("join",),
        confidence=0.7,
        time_role=TimeRole.START,
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="3",
        tests=(
            RuleExample(
                "Indonesia completed its accession to the OECD on May 5, 2025.",
                frozenset({("Q252", Predicate.MEMBER_OF.value, "Q41550", "Positive")}),
                times=frozenset({("Q252", "P580", "2025-05-05")}),
            ),
            RuleExample(
                "The accession of Indonesia to the OECD was completed in 2025.",
                frozenset({("Q252", Predicate.MEMBER_OF.value, "Q41550", "Positive")}),
                times=frozenset({("Q252", "P580", "2025")}),
            ),
        ),
    ),
    RelationRule(
        # "Nicaragua completed its withdrawal from the OAS", "the withdrawal took effect on Sunday": a
        # leaving done (will_leave reads "announced its withdrawal from")
        "withdrawal_completed",
        Tokens(
            (
                [
                    {"LOWER": {"IN": ["completed", "completes", "finalised", "finalized"]}},
                    {"LOWER": {"IN": ["its", "their", "the"]}},
                    {"LOWER": "formal", "OP": "?"},
                    {"LOWER": {"IN": ["withdrawal", "exit"]}},
                ],
                [
                    {"LOWER": {"IN": ["withdrawal", "exit"]}},
                    {"TEXT": {"REGEX": r"^[^.;:!?]+$"}, "OP": "{0,8}", "CONTEXT": True},
                    {"LOWER": {"IN": ["took", "takes"]}, "CONTEXT": True},
                    {"LOWER": "effect", "CONTEXT": True},
                ],
            )
        ),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        genitive_subject=True,
        confidence=0.7,
        time_role=TimeRole.END,
        ends=True,
        topic_fallback=False,
        # s6: no candidate for a name the KB lacks right after the trigger ("outside Schengen") or a
        # complement after "to" that is no organisation ("belong to the passport-free area")
        version="2",
        tests=(
            RuleExample(
                "Nicaragua completed its withdrawal from the Organization of American States on "
                "November 19, 2023.",
                frozenset({("Q811", Predicate.MEMBER_OF.value, "Q123759", "Positive")}),
                times=frozenset({("Q811", "P582", "2023-11-19")}),
                modality="Asserted",
            ),
            RuleExample("The army completed its withdrawal from the border town.", frozenset()),
        ),
    ),
)
