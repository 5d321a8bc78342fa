"""German relation rules, each with its ``tests:`` sentences (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import ObjectSource, RelationRule, RuleExample, Scope
from kg.model import EntityKind, Modality, Polarity, Predicate, TimeRole

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
        time_role=TimeRole.START,  # v2: the date is when the membership began (P580), a year alone too
        version="2",
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
        re.compile(r"\bbei(?:zu)?treten\b|\bbeiträten\b|\bbeitreten\w*|\bBeitritt(?!sprotokoll)\w*"),
        Predicate.CANDIDATE_FOR,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        genitive_subject=True,
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
        # v2: eine Organisation verhängt Sanktionen auch ("Die EU verhängte Sanktionen gegen Russland")
        subject_kinds=frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION}),
        version="2",
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
        re.compile(r"\bsuspendiert\b|\bSuspendierung\b"),
        Predicate.SUSPENDED_FROM,
        ObjectSource.NEAR,
        Scope.CLAUSE,
        confidence=0.75,
        time_role=TimeRole.START,
        topic_fallback=False,
        genitive_subject=True,
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
    ),
)
