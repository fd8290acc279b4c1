"""PLOVER 2021 types, CAMEO codes, quad classes and intensities, and how intent changes a type.

dyad codes every event with a CAMEO code first (the pattern dictionary gives one per trigger)
and derives the rest from it: the PLOVER type (the CAMEO → PLOVER conversion rules of the
PLOVER 2021 manual, written out here as prefix rules), the quad class and an intensity on the
−10 (most conflictual) .. +10 (most cooperative) scale, one value per CAMEO root, refined for
a few sub-codes, in the spirit of the Goldstein scale.
"""

from __future__ import annotations

__all__ = [
    "ATTACK_ROOTS",
    "DETENTIONS",
    "EXPULSIONS",
    "JOINT",
    "MODALITIES",
    "PLOVER_TYPES",
    "STATE_SECTORS",
    "cooperative",
    "intended",
    "intensity",
    "plover_type",
    "quad",
    "refused",
    "threatened",
]

#: CAMEO codes of expelling (166) and deporting (174): the state people are sent away "from"
#: sends them, and it happens there (dyad.events.component, dyad.events.anchor)
EXPULSIONS = ("166", "174")

#: CAMEO roots of attacks (unconventional violence, fighting, mass violence)
ATTACK_ROOTS = ("18", "19", "20")
#: CAMEO codes (and their sub-codes) of acts two parties do with each other: intending to
#: cooperate materially or to meet (031, 036), consulting, phoning, meeting and negotiating (040,
#: 041, 044, 046), diplomatic cooperation (050), signing an agreement (057), material
#: cooperation (06). Actors named together doing one of them and no one else are its two sides
#: ("Jordan and Britain agreed to hold joint exercises": Jordan with Britain); not mediating
#: (045), visiting (042, 043), praising (051) or giving (033), which several do to another,
#: nor a bare agreement (030: "Israel and Egypt agreed to a ceasefire" with a third party)
JOINT = ("031", "036", "040", "041", "044", "046", "050", "057", "06")

#: the sectors of a state's own bodies (a state named alone, with no sector, is its government)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

#: CAMEO codes of arresting, detaining and imprisoning (173): a state does it where it holds
#: power, so one done in a state with no one named doing it is that state's
#: (dyad.events.component: "a missionary was arrested in Lebanon")
DETENTIONS = ("173",)

#: modality values, strongest first: an event takes the first that applies; an attack that
#: the text attributes to someone is ``claimed`` (by them) or ``suspected`` (by others), apart
#: from what the text asserts (dyad.events.attribution)
MODALITIES = (
    "question", "negated", "hypothetical", "future", "reported", "asserted", "claimed",
    "suspected",
)  # fmt: skip

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

_ROOT_TYPES = {
    "02": "REQUEST",  # appeal
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",  # investigate
    "10": "REQUEST",  # demand
    "11": "ACCUSE",  # disapprove
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",  # fight
    "20": "ASSAULT",  # mass violence
}
# sub-codes whose PLOVER type differs from their root's, longest prefix first
_PREFIX_TYPES = {
    "0813": "RETREAT",  # ease curfew
    "0814": "RETREAT",  # ease state of emergency
    "084": "RETREAT",  # return, release
    "085": "RETREAT",  # ease economic sanctions
    "086": "RETREAT",  # allow international involvement
    "087": "RETREAT",  # de-escalate: ceasefire, withdraw, surrender
    "1712": "ASSAULT",  # destroy property
    "163": "COERCE",  # embargo, boycott, sanctions are restrictions
    "175": "ASSAULT",  # violent repression
    "191": "COERCE",  # blockade
    "192": "COERCE",  # occupy territory
}
_QUADS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "REQUEST": 3,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
_INTENSITY = {
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "042": 1.9,
    "043": 2.8,
    "046": 7.0,
    "05": 3.5,
    "057": 8.0,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "087": 9.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "138": -7.0,
    "14": -6.5,
    "145": -7.5,
    "15": -7.2,
    "16": -4.0,
    "166": -5.0,
    "17": -7.0,
    "173": -5.0,
    "174": -6.0,
    "18": -9.0,
    "186": -10.0,
    "19": -10.0,
    "20": -10.0,
}
# cooperative root -> the CAMEO code of "express intent to" do it (03x); conflictual root ->
# "threaten to" do it (13x); cooperative root -> "refuse to" do it (12x)
_INTENT = {
    "02": "030",
    "03": "030",
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "084": "0353",
    "085": "0354",
    "087": "0356",
}
_THREAT = {
    "09": "130",
    "10": "130",
    "11": "130",
    "12": "130",
    "13": "130",
    "14": "133",
    "15": "138",
    "16": "131",
    "163": "1312",
    "166": "136",
    "17": "137",
    "174": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
_REFUSAL = {
    "02": "120",
    "03": "120",
    "04": "125",
    "046": "125",
    "05": "120",
    "06": "121",
    "07": "122",
    "08": "124",
    "087": "1246",
}


def _lookup(table: dict[str, object], cameo: str, default: object = None) -> object:
    for n in (4, 3, 2):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return default


def plover_type(cameo: str) -> str | None:
    """The PLOVER 2021 type of a CAMEO code; None for public statements (root 01)."""
    found = _lookup(_PREFIX_TYPES, cameo)
    return found if found else _ROOT_TYPES.get(cameo[:2])  # type: ignore[return-value]


def quad(event_type: str) -> int:
    """Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal, 4 material conflict."""
    return _QUADS[event_type]


def intensity(cameo: str) -> float:
    """Conflict (−10) to cooperation (+10) score of a CAMEO code."""
    return float(_lookup(_INTENSITY, cameo, 0.0))  # type: ignore[arg-type]


def cooperative(cameo: str) -> bool:
    """Cooperation (CAMEO roots 01-08) rather than conflict (09-20)."""
    return cameo[:2] <= "08"


def intended(cameo: str) -> str:
    """The code for announcing, promising or threatening to do what ``cameo`` codes."""
    table = _INTENT if cooperative(cameo) else _THREAT
    return str(_lookup(table, cameo, "030" if cooperative(cameo) else "130"))


def threatened(cameo: str) -> str:
    """The code for threatening to do what ``cameo`` codes (a threat is conflict whatever it
    threatens)."""
    return "130" if cooperative(cameo) else str(_lookup(_THREAT, cameo, "130"))


def refused(cameo: str) -> str:
    """The code for refusing to do what ``cameo`` codes (PLOVER codes any refusal REJECT)."""
    return str(_lookup(_REFUSAL, cameo, "120"))
