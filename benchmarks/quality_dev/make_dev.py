"""Writes dev.json: the quality dev set (texts and gold of our own; see README.md)."""

from __future__ import annotations

import json
from pathlib import Path

M, P159 = "P463", "P159"
CAND, PART, SANC, SUSP = "candidateFor", "partnerOf", "imposesSanctionsOn", "suspendedFrom"
OECD, EFTA, EU, UNSC, ASEAN, OSCE, ICC, WTO, MERCOSUR = (
    "Q41550",
    "Q166546",
    "Q458",
    "Q37470",
    "Q7768",
    "Q81299",
    "Q47488",
    "Q7825",
    "Q4264",
)
P5 = ["Q148", "Q142", "Q159", "Q145", "Q30"]  # China, France, Russia, United Kingdom, United States


def fact(s: str, p: str, o: str, pol: str = "+") -> list[str]:
    return [s, p, o, pol]


def members(qids: list[str], org: str) -> list[list[str]]:
    return [fact(q, M, org) for q in qids]


DOCS = [
    {
        "id": "q-en-oecd",
        "lang": "en",
        "published": "2025-06-03",
        "text": (
            "PARIS (Reuters) - Costa Rica's accession to the OECD was completed on Monday, making it the "
            "organisation's 38th member. The Paris-based OECD opened accession talks with Peru and "
            "Indonesia last year, and Thailand applied to join in February. Argentina, which was invited "
            "in 2022, has not confirmed whether it will take up membership. Brazil and India are key "
            "partners of the OECD."
        ),
        "facts": {
            "required": [
                fact("Q800", M, OECD),
                fact(OECD, P159, "Q90"),
                fact("Q419", CAND, OECD),
                fact("Q252", CAND, OECD),
                fact("Q869", CAND, OECD),
                fact("Q155", PART, OECD),
                fact("Q668", PART, OECD),
            ],
            "optional": [fact("Q414", CAND, OECD)],
        },
    },
    {
        "id": "q-en-efta",
        "lang": "en",
        "published": "2025-05-19",
        "text": (
            "GENEVA (AP) - Ministers of the European Free Trade Association met in Geneva on Monday, 65 "
            "years after the group was founded. Iceland, Liechtenstein, Norway and Switzerland are its "
            "members today. Austria, Finland and Sweden left EFTA in 1995 to join the European Union, as "
            "Denmark and the United Kingdom had done in 1973. Ukraine and Mercosur have signed free trade "
            "agreements with the bloc in recent years."
        ),
        "facts": {
            "required": members(["Q189", "Q347", "Q20", "Q39"], EFTA) + members(["Q40", "Q33", "Q34"], EU),
            "optional": members(["Q35", "Q145"], EU) + members(["Q40", "Q33", "Q34", "Q35", "Q145"], EFTA),
        },
        "meetings": [{"location": "Q71", "participants": [EFTA], "date": "2025-05-19"}],
    },
    {
        "id": "q-en-unsc",
        "lang": "en",
        "published": "2025-02-24",
        "text": (
            "NEW YORK (Reuters) - The United Nations Security Council will meet in New York on Thursday to "
            "vote on a resolution on Ukraine, diplomats said. The council has met more than 200 times "
            "since the start of the war. The council's 15 members are China, France, Russia, the United "
            "Kingdom and the United States, which hold permanent seats, and ten elected countries. The "
            "non-permanent members Algeria, Guyana, South Korea, Sierra Leone and Slovenia were elected in "
            "2023; Denmark, Greece, Pakistan, Panama and Somalia took their seats in January."
        ),
        "facts": {
            "required": members(
                [*P5, "Q262", "Q734", "Q884", "Q1044", "Q215", "Q35", "Q41", "Q843", "Q804", "Q1045"], UNSC
            ),
            "optional": [],
        },
        "meetings": [{"location": "Q60", "participants": [UNSC], "date": "2025-02-27"}],
    },
    {
        "id": "q-en-myanmar-sanctions",
        "lang": "en",
        "published": "2025-04-10",
        "text": (
            "WASHINGTON (Reuters) - The United States on Wednesday imposed sanctions on two Myanmar "
            "generals, Htun Lwin Oo and Zaw Min Thant, and on the trading firm Golden Lotus Holdings, "
            "which it accused of supplying jet fuel to the military. Britain and Canada also sanctioned "
            "the two generals. The Association of Southeast Asian Nations has barred Myanmar's military "
            "leaders from its summits since 2021. ASEAN's ten members include Indonesia, Malaysia and "
            "Thailand."
        ),
        "facts": {
            "required": [
                fact("Q30", SANC, "~Htun Lwin Oo"),
                fact("Q30", SANC, "~Zaw Min Thant"),
                fact("Q30", SANC, "~Golden Lotus"),
                fact("Q145", SANC, "~Htun Lwin Oo"),
                fact("Q145", SANC, "~Zaw Min Thant"),
                fact("Q16", SANC, "~Htun Lwin Oo"),
                fact("Q16", SANC, "~Zaw Min Thant"),
                *members(["Q252", "Q833", "Q869"], ASEAN),
            ],
            "optional": [fact("Q836", M, ASEAN)],
        },
    },
    {
        "id": "q-en-partners",
        "lang": "en",
        "published": "2025-09-17",
        "text": (
            "CANBERRA (AP) - Australia and Indonesia signed a comprehensive strategic partnership on "
            "Wednesday, deepening defence and trade ties. ASEAN's dialogue partners, including Japan, "
            "India and New Zealand, will attend the bloc's summit in Kuala Lumpur in October. Egypt and "
            "Israel have long been Mediterranean partners of the Organization for Security and "
            "Co-operation in Europe. The G20 summit in Johannesburg, planned for November, has been "
            "postponed."
        ),
        "facts": {
            "required": [
                fact("Q408", PART, "Q252"),
                fact("Q17", PART, ASEAN),
                fact("Q668", PART, ASEAN),
                fact("Q664", PART, ASEAN),
                fact("Q79", PART, OSCE),
                fact("Q801", PART, OSCE),
            ],
            "optional": [fact("Q252", PART, "Q408")],
        },
        "meetings": [],
        "meetings_optional": [{"location": "Q1865", "participants": [ASEAN]}],
    },
    {
        "id": "q-en-wto",
        "lang": "en",
        "published": "2025-11-20",
        "text": (
            "GENEVA (Reuters) - The World Trade Organization's ministerial conference in Cameroon, "
            "planned for next week, was postponed on Thursday. Comoros and East Timor became the 165th "
            "and 166th members of the WTO in 2024. Uzbekistan, which applied to join in 1994, hopes to "
            "complete its accession by 2026. Ethiopia's accession talks resumed in January. The admission "
            "of Turkmenistan is still years away."
        ),
        "facts": {
            "required": [
                fact("Q970", M, WTO),
                fact("Q574", M, WTO),
                fact("Q265", CAND, WTO),
                fact("Q115", CAND, WTO),
            ],
            "optional": [fact("Q874", CAND, WTO)],
        },
        "meetings": [],
    },
    {
        "id": "q-de-sicherheitsrat",
        "lang": "de",
        "published": "2025-03-03",
        "text": (
            "NEW YORK (dpa) - Der Sicherheitsrat der Vereinten Nationen hat am Montag in New York über eine "
            "Waffenruhe im Sudan beraten. Seit Beginn des Krieges hat das Gremium mehr als 30 Mal getagt. "
            "Ständige Mitglieder des Rates sind China, Frankreich, Russland, Großbritannien und die USA. "
            "Die nichtständigen Mitglieder Dänemark, Griechenland, Pakistan, Panama und Somalia sind seit "
            "Januar im Rat vertreten."
        ),
        "facts": {
            "required": members([*P5, "Q35", "Q41", "Q843", "Q804", "Q1045"], UNSC),
            "optional": [],
        },
        "meetings": [{"location": "Q60", "participants": [UNSC], "date": "2025-03-03"}],
    },
    {
        "id": "q-de-mercosur",
        "lang": "de",
        "published": "2025-07-08",
        "text": (
            "BRASÍLIA (dpa) - Brasilien und Deutschland haben am Montag eine strategische Partnerschaft "
            "unterzeichnet. Die Aufnahme Boliviens in den Mercosur ist seit dem vergangenen Jahr "
            "abgeschlossen, Venezuelas Mitgliedschaft bleibt ausgesetzt. Der für Donnerstag geplante "
            "Gipfel des Staatenbunds in Montevideo wurde abgesagt."
        ),
        "facts": {
            "required": [fact("Q155", PART, "Q183"), fact("Q750", M, MERCOSUR)],
            "optional": [fact("Q183", PART, "Q155"), fact("Q717", SUSP, MERCOSUR), fact("Q717", M, MERCOSUR)],
        },
        "meetings": [],
    },
    {
        "id": "q-de-oecd",
        "lang": "de",
        "published": "2025-10-14",
        "text": (
            "PARIS (AFP) - Die OECD hat Beitrittsgespräche mit Thailand aufgenommen. Der Beitritt Costa "
            "Ricas war 2021 abgeschlossen worden. Brasilien ist ein Schlüsselpartner der OECD, zu den "
            "Partnerländern der Organisation zählen auch Indien und Südafrika. Argentinien hat noch nicht "
            "entschieden, ob es die Einladung zur Mitgliedschaft annimmt."
        ),
        "facts": {
            "required": [
                fact("Q869", CAND, OECD),
                fact("Q800", M, OECD),
                fact("Q155", PART, OECD),
                fact("Q668", PART, OECD),
                fact("Q258", PART, OECD),
            ],
            "optional": [fact("Q414", CAND, OECD)],
        },
    },
    {
        "id": "q-de-istgh",
        "lang": "de",
        "published": "2025-04-04",
        "text": (
            "DEN HAAG (dpa) - Ungarn hat seinen Austritt aus dem Internationalen Strafgerichtshof "
            "angekündigt. Die Ukraine ist seit Januar Vertragsstaat des Gerichts, Armenien trat ihm 2024 "
            "bei. Die USA, Russland und China sind keine Mitglieder."
        ),
        "facts": {
            "required": [
                fact("Q28", M, ICC),
                fact("Q212", M, ICC),
                fact("Q399", M, ICC),
                fact("Q30", M, ICC, "-"),
                fact("Q159", M, ICC, "-"),
                fact("Q148", M, ICC, "-"),
            ],
            "optional": [],
        },
    },
    {
        "id": "q-de-sanktionen",
        "lang": "de",
        "published": "2025-01-28",
        "text": (
            "BERN (dpa) - Die Schweiz hat Sanktionen gegen den russischen Unternehmer Arkadi Semjonow und "
            "die Reederei Baltic Star Shipping verhängt. Auch Japan belegte den Geschäftsmann am Montag "
            "mit Sanktionen. Kanada hatte bereits im Dezember Strafmaßnahmen gegen Semjonow erlassen."
        ),
        "facts": {
            "required": [
                fact("Q39", SANC, "~Semjonow"),
                fact("Q39", SANC, "~Baltic Star"),
                fact("Q17", SANC, "~Semjonow"),
                fact("Q16", SANC, "~Semjonow"),
            ],
            "optional": [],
        },
    },
]


if __name__ == "__main__":
    out = Path(__file__).with_name("dev.json")
    out.write_text(json.dumps({"documents": DOCS}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(DOCS)} documents")
