"""Writes dev.json: the second quality dev set (texts and gold of our own; see README.md)."""

from __future__ import annotations

import json
from pathlib import Path

M, P159, P39 = "P463", "P159", "P39"
CAND, PART, SANC, SUSP = "candidateFor", "partnerOf", "imposesSanctionsOn", "suspendedFrom"
ECOWAS, AU, WHO, ICC, ASEAN, MERCOSUR, COE, EU, BRICS, EAC, SCO = (
    "Q193272",
    "Q7159",
    "Q7817",
    "Q47488",
    "Q7768",
    "Q4264",
    "Q8908",
    "Q458",
    "Q243630",
    "Q337456",
    "Q485207",
)
SCHENGEN = "~Schengen"


def fact(s: str, p: str, o: str, pol: str = "+") -> list[str]:
    return [s, p, o, pol]


def members(qids: list[str], org: str, pol: str = "+") -> list[list[str]]:
    return [fact(q, M, org, pol) for q in qids]


DOCS = [
    {
        "id": "q2-en-ecowas",
        "lang": "en",
        "published": "2025-01-30",
        "text": (
            "ABUJA (Reuters) - Mali, Burkina Faso and Niger formally left the Economic Community of West "
            "African States on Wednesday, a year after the three military-led countries announced their "
            "withdrawal. The bloc, which is headquartered in Abuja, now has 12 members. ECOWAS suspended "
            "Guinea after the 2021 coup and has not yet lifted the measure. Senegal and Ghana have offered "
            "to mediate between the bloc and the three Sahel states."
        ),
        "facts": {
            "required": [
                *members(["Q912", "Q965", "Q1032"], ECOWAS),
                fact(ECOWAS, P159, "Q3787"),
                fact("Q1006", SUSP, ECOWAS),
            ],
            "optional": members(["Q1041", "Q117", "Q1006"], ECOWAS),
        },
    },
    {
        "id": "q2-de-au",
        "lang": "de",
        "published": "2025-02-17",
        "text": (
            "ADDIS ABEBA (dpa) - Die Staats- und Regierungschefs der Afrikanischen Union sind am Samstag "
            "in Addis Abeba zu ihrem jährlichen Gipfel zusammengekommen. Die Union mit Sitz in der "
            "äthiopischen Hauptstadt wählte den Dschibutier Mahamoud Ali Youssouf zum Vorsitzenden der "
            "Kommission. Gabun und der Sudan bleiben von der Organisation suspendiert. Marokko war 2017 "
            "nach mehr als drei Jahrzehnten in die Union zurückgekehrt."
        ),
        "facts": {
            "required": [
                fact(AU, P159, "Q3624"),
                fact("Q1000", SUSP, AU),
                fact("Q1049", SUSP, AU),
                fact("Q1028", M, AU),
            ],
            "optional": [
                fact("~Youssouf", P39, "Q2571270"),
                fact("Q1000", M, AU),
                fact("Q1049", M, AU),
            ],
        },
        "meetings": [{"location": "Q3624", "participants": [AU], "date": "2025-02-15"}],
    },
    {
        "id": "q2-en-who",
        "lang": "en",
        "published": "2025-05-20",
        "text": (
            "GENEVA (AP) - Argentina confirmed on Monday that it will leave the World Health Organization, "
            "following the United States, which began its withdrawal in January. The Geneva-based agency "
            "now has 194 member states. Director-General Tedros Adhanom Ghebreyesus told delegates that "
            "the organisation would have to cut a fifth of its budget. Taiwan, which is not a member of "
            "the WHO, was again denied observer status."
        ),
        "facts": {
            "required": [
                fact("Q414", M, WHO),
                fact("Q30", M, WHO),
                fact(WHO, P159, "Q71"),
                fact("Q16196017", P39, "Q62070236"),
                fact("Q865", M, WHO, "-"),
            ],
            "optional": [],
        },
    },
    {
        "id": "q2-de-istgh",
        "lang": "de",
        "published": "2025-06-06",
        "text": (
            "DEN HAAG (AFP) - Die USA haben Sanktionen gegen die Richterinnen Solomy Bossa und Luz del "
            "Carmen Ibáñez Carranza vom Internationalen Strafgerichtshof verhängt. Der Gerichtshof mit Sitz "
            "in Den Haag hat 125 Vertragsstaaten, darunter Deutschland und Frankreich. Ungarn will das "
            "Gericht verlassen. Die USA, Russland und Israel sind keine Vertragsstaaten."
        ),
        "facts": {
            "required": [
                fact("Q30", SANC, "~Bossa"),
                fact("Q30", SANC, "~Carranza"),
                fact(ICC, P159, "Q36600"),
                *members(["Q183", "Q142", "Q28"], ICC),
                *members(["Q30", "Q159", "Q801"], ICC, "-"),
            ],
            "optional": [],
        },
    },
    {
        "id": "q2-en-asean",
        "lang": "en",
        "published": "2025-10-27",
        "text": (
            "KUALA LUMPUR (Reuters) - East Timor was admitted as the 11th member of the Association of "
            "Southeast Asian Nations on Sunday at a summit in Kuala Lumpur. The bloc's leaders also "
            "upgraded ties with Canada, and Canada and ASEAN signed a comprehensive strategic partnership. "
            "Myanmar's military leaders were again not invited. Papua New Guinea, an observer, has applied "
            "to become a full member."
        ),
        "facts": {
            "required": [
                fact("Q574", M, ASEAN),
                fact("Q16", PART, ASEAN),
                fact("Q691", CAND, ASEAN),
            ],
            "optional": [fact(ASEAN, PART, "Q16"), fact("Q836", M, ASEAN)],
        },
        "meetings": [{"location": "Q1865", "participants": [ASEAN], "date": "2025-10-26"}],
    },
    {
        "id": "q2-de-mercosur",
        "lang": "de",
        "published": "2025-12-15",
        "text": (
            "MONTEVIDEO (dpa) - Der für Donnerstag geplante Gipfel des Mercosur in Asunción ist auf Januar "
            "verschoben worden. Die Außenminister des Staatenbunds trafen sich stattdessen am Montag in "
            "Montevideo. Bolivien ist seit 2024 Vollmitglied des Mercosur, die Mitgliedschaft Venezuelas "
            "bleibt suspendiert. Chile und Kolumbien sind assoziierte Staaten."
        ),
        "facts": {
            "required": [fact("Q750", M, MERCOSUR), fact("Q717", SUSP, MERCOSUR)],
            "optional": [
                fact("Q298", PART, MERCOSUR),
                fact("Q739", PART, MERCOSUR),
                fact("Q717", M, MERCOSUR),
            ],
        },
        "meetings": [{"location": "Q1335", "participants": [MERCOSUR], "date": "2025-12-15"}],
    },
    {
        "id": "q2-en-uk-sanctions",
        "lang": "en",
        "published": "2025-03-12",
        "text": (
            "LONDON (Reuters) - Britain on Tuesday imposed sanctions on the Russian oligarch Pavel "
            "Yermakov and on businessman Dmitri Sokolenko, accusing them of helping Moscow evade the oil "
            "price cap. Britain also sanctioned the shipping company Arctic Tide Maritime and two of its "
            "tankers. The European Union is preparing a 17th sanctions package against Russia."
        ),
        "facts": {
            "required": [
                fact("Q145", SANC, "~Yermakov"),
                fact("Q145", SANC, "~Sokolenko"),
                fact("Q145", SANC, "~Arctic Tide"),
            ],
            "optional": [fact(EU, SANC, "Q159")],
        },
    },
    {
        "id": "q2-de-europarat",
        "lang": "de",
        "published": "2025-06-25",
        "text": (
            "STRASSBURG (dpa) - Der Generalsekretär des Europarats, Alain Berset, hat am Dienstag in "
            "Straßburg den ukrainischen Präsidenten Wolodymyr Selenskyj empfangen. Russland war 2022 aus "
            "dem Europarat ausgeschlossen worden. Die Organisation mit Sitz in Straßburg hat 46 "
            "Mitgliedstaaten. Belarus ist kein Mitglied des Europarats, der Kosovo hat die Aufnahme "
            "beantragt."
        ),
        "facts": {
            "required": [
                fact("~Berset", P39, "Q2942251"),
                fact("Q159", M, COE),
                fact(COE, P159, "Q6602"),
                fact("Q184", M, COE, "-"),
                fact("Q1246", CAND, COE),
            ],
            "optional": [fact("Q3874799", P39, "~Präsident")],
        },
        "meetings": [{"location": "Q6602", "participants": ["~Berset", "Q3874799"], "date": "2025-06-24"}],
    },
    {
        "id": "q2-en-merz",
        "lang": "en",
        "published": "2025-05-07",
        "text": (
            "BERLIN (Reuters) - Friedrich Merz was elected Chancellor of Germany by the Bundestag on "
            "Tuesday after losing a first vote. He will travel to Paris and Warsaw on Wednesday. In Paris "
            "Merz will meet French President Emmanuel Macron, and in Warsaw Polish Prime Minister Donald "
            "Tusk."
        ),
        "facts": {
            "required": [fact("Q566257", P39, "Q4970706")],
            "optional": [fact("Q3052772", P39, "Q191954"), fact("Q946", P39, "Q3259469")],
        },
        "meetings": [
            {"location": "Q90", "participants": ["Q566257", "Q3052772"], "date": "2025-05-07"},
            {"location": "Q270", "participants": ["Q566257", "Q946"], "date": "2025-05-07"},
        ],
    },
    {
        "id": "q2-de-sco-brics",
        "lang": "de",
        "published": "2025-08-12",
        "text": (
            "PEKING (dpa) - Chinas Präsident Xi Jinping wird den indischen Premierminister Narendra Modi am "
            "Rande des für Sonntag geplanten Gipfels der Shanghaier Organisation für Zusammenarbeit in "
            "Tianjin treffen. Beide Länder gehören auch der BRICS-Gruppe an. Zu den Gründungsmitgliedern "
            "der BRICS zählen Brasilien, Russland, Indien und China. Indonesien ist seit Januar "
            "Vollmitglied, Vietnam ist Partnerland der Gruppe."
        ),
        "facts": {
            "required": [
                *members(["Q155", "Q159", "Q668", "Q148", "Q252"], BRICS),
                fact("Q881", PART, BRICS),
            ],
            "optional": members(["Q148", "Q668"], SCO),
        },
        "meetings": [{"location": "Q11736", "participants": ["Q15031", "Q1058"], "date": "2025-08-17"}],
    },
    {
        "id": "q2-en-schengen",
        "lang": "en",
        "published": "2025-01-02",
        "text": (
            "SOFIA (AP) - Bulgaria and Romania became full members of the Schengen area on Wednesday, "
            "ending border checks with the rest of the zone. Cyprus and Ireland are members of the "
            "European Union but remain outside Schengen. Switzerland, Norway, Iceland and Liechtenstein "
            "belong to the passport-free area although they are not EU members."
        ),
        "facts": {
            "required": [
                *members(["Q219", "Q218", "Q39", "Q20", "Q189", "Q347"], SCHENGEN),
                *members(["Q229", "Q27"], EU),
                *members(["Q39", "Q20", "Q189", "Q347"], EU, "-"),
            ],
            "optional": members(["Q229", "Q27"], SCHENGEN, "-"),
        },
    },
    {
        "id": "q2-de-sanktionspaket",
        "lang": "de",
        "published": "2025-05-21",
        "text": (
            "BRÜSSEL (AFP) - Die EU hat am Dienstag ihr 17. Sanktionspaket gegen Russland beschlossen. Es "
            "richtet sich gegen fast 200 Schiffe der Schattenflotte sowie gegen den Geschäftsmann Viktor "
            "Lagunow und die Generäle Sergej Markin und Oleg Tschernow. Auch Großbritannien verhängte neue "
            "Sanktionen gegen Russland. Norwegen will sich den Maßnahmen anschließen."
        ),
        "facts": {
            "required": [
                fact(EU, SANC, "Q159"),
                fact(EU, SANC, "~Lagunow"),
                fact(EU, SANC, "~Markin"),
                fact(EU, SANC, "~Tschernow"),
                fact("Q145", SANC, "Q159"),
            ],
            "optional": [fact("Q20", SANC, "Q159")],
        },
    },
    {
        "id": "q2-en-eac",
        "lang": "en",
        "published": "2025-09-09",
        "text": (
            "NAIROBI (AP) - A summit of the East African Community planned for Saturday in Arusha has "
            "been postponed, the bloc's secretariat said on Monday. Somalia joined the EAC last year as "
            "its eighth member. Kenya, Uganda and the Democratic Republic of Congo are also members. The "
            "bloc's foreign ministers will instead meet in Nairobi on Friday."
        ),
        "facts": {
            "required": members(["Q1045", "Q114", "Q1036", "Q974"], EAC),
            "optional": [],
        },
        "meetings": [{"location": "Q3870", "participants": [EAC], "date": "2025-09-12"}],
    },
]


if __name__ == "__main__":
    out = Path(__file__).with_name("dev.json")
    out.write_text(json.dumps({"documents": DOCS}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(DOCS)} documents")
