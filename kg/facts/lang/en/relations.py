"""English relation rules, each with its ``tests:`` sentences (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import ObjectSource, RelationRule, RuleExample, Scope
from kg.model import EntityKind, Modality, Polarity, Predicate

TREATY_EN = re.compile(r"\b(?:Article|Art\.)\s*\d+\b|\b(?:mutual|collective)[- ]defen[cs]e clause\b", re.I)

RELATIONS_EN = (
    RelationRule(
        "partner",
        re.compile(r"\bpartner(?:s|ed)?\b", re.I),
        Predicate.PARTNER_OF,
        ObjectSource.ADJACENT,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Sweden is a close NATO partner.",
                frozenset({("Q34", Predicate.PARTNER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Ukraine is a valued partner, but not a member": the organisation the text is about,
        # only when nothing follows that could name another partner
        "partner_bare",
        re.compile(r"\bpartners?\b(?=\s*(?:[,.;:]|$|\s+(?:but|and|too|as\s+well)\b))", re.I),
        Predicate.PARTNER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        topic_object=True,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        re.compile(r"(?<!\bas )(?<!\bas a )\bmembers?\b(?:\s+(?:state|country|countries|states))?", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.IN_TRIGGER,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        re.compile(r"\bpart(?=\s+of\b)", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.ADJACENT,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Austria is not part of NATO.",
                frozenset({("Q40", Predicate.MEMBER_OF.value, "Q7184", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        "admit_as_member",
        re.compile(r"\badmit(?:s|ted|ting)?\b(?=(?:\s+\S+){1,5}?\s+as\s+(?:a\s+)?members?\b)", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        subject_after=re.compile(r"(?=\s)"),
        confidence=0.7,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "NATO admitted Finland as a member in 2023.",
                frozenset({("Q33", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Austria, Ireland, Malta and Cyprus remain outside the alliance": not members
        "outside",
        re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|is|are|was|were)\s+outside\b", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        polarity=Polarity.NEGATIVE,
        confidence=0.7,
        subject_reach=12,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        ),
    ),
    RelationRule(
        # "Norway and Iceland belong to NATO"
        "belongs_to",
        re.compile(r"\bbelong(?:s|ed|ing)?\s+to\b", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        ),
    ),
    RelationRule(
        "joined",
        re.compile(r"\bjoined\b", re.I),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Poland joined NATO in 1999.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "join",
        re.compile(r"\bjoin(?:s|ing)?\b|\baccession\b|\bmembership\b", re.I),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Georgia wants to join NATO.",
                frozenset({("Q230", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "candidate",
        re.compile(r"\bcandidate(?:\s+status)?\b|\bcandidacy\b", re.I),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.75,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Moldova is an EU candidate.",
                frozenset({("Q217", Predicate.CANDIDATE_FOR.value, "Q458", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "invitation",
        re.compile(r"\binvit(?:ed|ation)\b", re.I),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INVITED,
        confidence=0.75,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Bosnia received an invitation from NATO.",
                frozenset({("Q225", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "border",
        re.compile(
            r"\bborder(?:s|ed)\b|\b(?:shares?|has|have)\s+(?:a\s+)?(?:[\w,.-]+\s+){0,3}?border\s+with\b",
            re.I,
        ),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
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
        re.compile(
            r"\b(?:impos(?:e|es|ed|ing)|slapp(?:ed|ing)|slaps?)\s+(?:[\w-]+\s+){0,3}?sanctions\s+(?:on|against)\b",
            re.I,
        ),
        Predicate.IMPOSES_SANCTIONS_ON,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
        tests=(
            RuleExample(
                "Canada imposed new sanctions on Belarus on Tuesday.",
                frozenset({("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "Q184", "Positive")}),
            ),
            RuleExample(
                "Japan has not imposed sanctions on Venezuela.",
                frozenset({("Q17", Predicate.IMPOSES_SANCTIONS_ON.value, "Q717", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        "covered",
        re.compile(r"\b(?:covered|protected)\b", re.I),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_EN,
        confidence=0.8,
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
        re.compile(r"\b(?:cover|covers|protect|protects)\b", re.I),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_EN,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.75,
        tests=(
            RuleExample(
                "Article 5 covers Poland.",
                frozenset({("Q36", Predicate.COVERED_BY.value, "nil:TreatyClause:Article 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "applies_to",
        re.compile(r"\bappl(?:y|ies)\b", re.I),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_EN,
        subject_after=re.compile(r"\bto\b", re.I),
        confidence=0.7,
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
        re.compile(
            r"\bheadquartered\s+in\b|\b(?:is|are|was|were)\s+based\s+in\b|\bha(?:s|ve|d)\s+(?:its|their)\s+headquarters\s+in\b",
            re.I,
        ),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.8,
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
)
