"""German relation rules, each with its ``tests:`` sentences (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import ObjectSource, RelationRule, RuleExample, Scope
from kg.model import EntityKind, Modality, Polarity, Predicate

TREATY_DE = re.compile(
    r"\b(?:Artikel|Art\.)\s*\d+\b|\bBeistands(?:klausel|pflicht|verpflichtung|garantie)\b", re.I
)

RELATIONS_DE = (
    RelationRule(
        "partner_compound",
        re.compile(r"\b(?P<org>[\w]+)-Partner(?:n|s|in|innen|staat\w*|land|länder\w*)?\b"),
        Predicate.PARTNER_OF,
        ObjectSource.IN_TRIGGER,
        Scope.LOCAL,
        confidence=0.85,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        re.compile(r"\b(?:Dialogp|P)artner(?:n|s|in|land|staat)?\s+(?:der|des|von)\b"),
        Predicate.PARTNER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
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
        re.compile(
            r"\bPartner(?:in|land|länder|staat|staaten)?\b(?=\s*(?:[,.;:]|$|\s+(?:aber|sondern|und)\b))"
        ),
        Predicate.PARTNER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        topic_object=True,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        re.compile(
            r"\b(?P<org>[\w]+)-Mitglied(?:er|s|staat\w*)?\b|"
            r"\b(?P<org2>[\w]+)-Mitgliedsl(?:a|ä)nd\w*\b"
        ),
        Predicate.MEMBER_OF,
        ObjectSource.IN_TRIGGER,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Finnland ist seit 2023 NATO-Mitglied.",
                frozenset({("Q33", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "member_of",
        re.compile(r"\b(?:Gründungsm|M)itglied(?:er|s)?\s+(?:der|des|von|im|in)\b"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.8,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Polen ist Mitglied der Europäischen Union.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q458", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Die Ukraine ist kein Mitglied": the organisation is the one the text is about
        "member_bare",
        re.compile(r"\bMitglied(?:er)?\b(?!\s+(?:der|des|von|im|in)\b)(?!-)"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.7,
        subject_reach=10,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Die NATO wächst. Schweden ist seit März Mitglied.",
                frozenset({("Q34", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "admit_as_member",
        re.compile(
            r"\bals\s+Mitglied(?:er)?\s+(?:aufzunehmen|aufnehmen|aufnimmt|"
            r"aufgenommen|aufnahm)\b"
        ),
        Predicate.MEMBER_OF,
        ObjectSource.BEFORE_SUBJECT,
        Scope.CLAUSE,
        confidence=0.7,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Die NATO hat Schweden als Mitglied aufgenommen.",
                frozenset({("Q34", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        # "Österreich und Irland bleiben außerhalb der NATO": not members
        "outside",
        re.compile(r"\b(?:bleib(?:t|en)|blieb(?:en)?|ist|sind|war|waren|stehen|steht)\s+außerhalb\b"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.LOCAL,
        polarity=Polarity.NEGATIVE,
        confidence=0.7,
        subject_reach=12,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        re.compile(r"\bgehör(?:t|en|te|ten)\b(?=(?:\s+[^\s.;:!?]+){1,6}?\s+an\b)|\bangehör(?:en|t|te|ten)\b"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Norwegen gehört der NATO an.",
                frozenset({("Q20", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "joined",
        re.compile(r"\bbeigetreten\b|\btrat(?:en)?\b(?:\s+\S+){1,6}?\s+bei\b"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
        tests=(
            RuleExample(
                "Polen ist 1999 der NATO beigetreten.",
                frozenset({("Q36", Predicate.MEMBER_OF.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "join",
        # not "Beitrittsprotokoll": ratifying it is the ratifier's act, not a candidacy of theirs
        re.compile(r"\bbei(?:zu)?treten\b|\bbeiträten\b|\bbeitreten\w*|\bBeitritt(?!sprotokoll)\w*"),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Georgien will der NATO beitreten.",
                frozenset({("Q230", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "membership",
        re.compile(r"\bMitgliedschaft\b|\b(?:Mitglieds|Beitritts|Aufnahme)antrag\w*|\bBeitrittsgesuch\w*"),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
        version="2",  # another party's stance: one model, active and passive
        tests=(
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
        re.compile(r"\bin\s+(?:die|das|den)\s+[\w-]+\s+(?:\w+\s+){0,2}?(?:aufzunehmen|aufnehmen|aufnimmt)\b"),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Die Allianz versprach, die Ukraine rasch in die NATO aufzunehmen.",
                frozenset({("Q212", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "admitted_into",
        re.compile(r"\bin\s+(?:die|das|den)\s+[\w-]+\s+(?:\w+\s+){0,2}?(?:aufgenommen|aufnahm)\b"),
        Predicate.MEMBER_OF,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        version="2",  # negation after the noun ("neither … nor"), corrections ("sondern")
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
        re.compile(
            # "die Aufnahme der Ukraine (in die NATO)", "eine Aufnahme Georgiens": the candidate follows
            r"\bAufnahme\b(?=\s+(?:der|des)\s|\s+[A-ZÄÖÜ][\w-]*s\b|\s+in(?:s|\s+die|\s+den|\s+das)?\s)"
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.7,
        genitive_subject=True,
        version="2",  # another party's stance: one model, active and passive
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
        re.compile(
            r"\b(?:streb|dräng)(?:t|en|te|ten)\b(?=(?:\s+[\w-]+){0,4}?\s+in(?:s|\s+die|\s+das|\s+den)\s)"
        ),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INTENDED,
        confidence=0.7,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Die Ukraine strebt seit Jahren in die NATO.",
                frozenset({("Q212", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "candidate",
        re.compile(r"\b(?:Beitritts)?[Kk]andidat(?:en)?(?:status)?\b"),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.LOCAL,
        confidence=0.75,
        subject_reach=10,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Moldau ist seit 2022 Kandidat für die Europäische Union.",
                frozenset({("Q217", Predicate.CANDIDATE_FOR.value, "Q458", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "invitation",
        re.compile(r"\bEinladung\w*|\beingeladen\b"),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        modality=Modality.INVITED,
        confidence=0.75,
        version="2",  # another party's stance: one model, active and passive
        tests=(
            RuleExample(
                "Bosnien erhielt eine Einladung der NATO.",
                frozenset({("Q225", Predicate.CANDIDATE_FOR.value, "Q7184", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "border",
        re.compile(
            r"\bgrenz(?:t|en|te|ten)\s+(?:\w+\s+){0,2}?an\b|\ban(?=\s+(?:die\s+|den\s+)?\S+\s+grenz(?:t|en|te|ten)\b)|\b(?:gemeinsame|lange|direkte)\s+Grenze\s+(?:mit|zu)\b"
            r"|\bGrenze\s+(?:mit|zu)\b(?=\s+\S+(?:\s+\S+)?\s+teil(?:t|en|te|ten)\b)"
        ),
        Predicate.SHARES_BORDER_WITH,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
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
        re.compile(
            r"\bverh(?:ängt|ängen|ängte|ängten|ing|ingen)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:Sanktionen|Strafmaßnahmen)\s+gegen\b"
            # "hat keine Sanktionen gegen X verhängt": the participle ends the clause
            r"|\b(?:Sanktionen|Strafmaßnahmen)\s+gegen\b(?=(?:\s+[^\s.;:!?]+){1,4}?\s+verhängt\b)",
            re.I,
        ),
        Predicate.IMPOSES_SANCTIONS_ON,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        confidence=0.8,
        tests=(
            RuleExample(
                "Kanada verhängte am Dienstag neue Sanktionen gegen Weißrussland.",
                frozenset({("Q16", Predicate.IMPOSES_SANCTIONS_ON.value, "Q184", "Positive")}),
            ),
            RuleExample(
                "Japan hat keine Sanktionen gegen Venezuela verhängt.",
                frozenset({("Q17", Predicate.IMPOSES_SANCTIONS_ON.value, "Q717", "Negative")}),
            ),
        ),
    ),
    RelationRule(
        "covered",
        re.compile(
            r"\b(?:geschützt|abgedeckt|erfasst)\b|\bunter\s+(?:den\s+)?Schutz\b"
            # "fällt nicht unter Artikel 5", "Beide Länder fallen nicht unter …", "fiel unter"
            r"|\b(?:fällt|fallen|falle|fiel|fielen)\b(?=(?:\s+\w+){0,3}?\s+unter\b)"
        ),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_DE,
        confidence=0.8,
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
        re.compile(r"\b(?:schützt|schützen|deckt|erfasst)\b"),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_DE,
        subject_after=re.compile(r"(?=\s)"),
        subject_after_only=True,
        confidence=0.75,
        tests=(
            RuleExample(
                "Artikel 5 schützt Polen.",
                frozenset({("Q36", Predicate.COVERED_BY.value, "nil:TreatyClause:Artikel 5", "Positive")}),
            ),
        ),
    ),
    RelationRule(
        "applies_to",
        re.compile(r"\b(?:gilt|gelten|gelte|galt|greift|greifen|greife)\b"),
        Predicate.COVERED_BY,
        ObjectSource.TREATY,
        Scope.CLAUSE,
        requires=TREATY_DE,
        subject_after=re.compile(r"\bfür\b"),
        confidence=0.7,
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
        re.compile(
            r"\b(?:ha(?:t|ben|tte|tten)\s+(?:seinen|ihren)\s+(?:Haupt)?[Ss]itz|mit\s+(?:Haupt)?[Ss]itz)\s+in\b"
        ),
        Predicate.HEADQUARTERS,
        ObjectSource.COUNTRY_AFTER,
        Scope.CLAUSE,
        subject_kinds=frozenset({EntityKind.ORGANISATION}),
        object_kinds=frozenset({EntityKind.PLACE}),
        confidence=0.8,
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
)
