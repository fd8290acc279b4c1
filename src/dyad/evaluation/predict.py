"""What the current pipeline predicts, read from a parsed Doc, for the scorers.

Each capability reads dyad's own Doc extensions once they exist; until then it either falls
back to the stated baseline (spaCy entities for actors and places) or raises NotBuilt, so the
harness reports "not built" instead of a silent zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..errors import NotBuilt

__all__ = [
    "ActorMention",
    "Toponym",
    "actor_mentions",
    "events",
    "normalise_name",
    "toponyms",
]

#: spaCy labels that count as actor mentions in the entity baseline
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
#: spaCy labels that count as toponyms in the entity baseline
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: str  # the actor it resolves to (baseline: its own normalised text)
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise_name(text: str) -> str:
    """Case-folded name without a leading article or trailing possessive."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    text = re.sub(r"'s?$", "", text)
    return text.casefold()


def actor_mentions(doc: Doc) -> list[ActorMention]:
    if actors_are_coded(doc):
        return [
            ActorMention(
                m["start"], m["end"], m["text"], m["actor"], m["country"], m["sector"], m["code"]
            )
            for m in doc._.dyad_actors
        ]
    return [
        ActorMention(e.start_char, e.end_char, e.text, normalise_name(e.text))
        for e in doc.ents
        if e.label_ in ACTOR_LABELS
    ]


def actors_are_coded(doc: Doc) -> bool:
    return Doc.has_extension("dyad_actors") and doc._.dyad_actors is not None


def toponyms(doc: Doc) -> list[Toponym]:
    """Every toponym ``dyad_places`` found (adjectives and embedded names included, as
    GeoWebNews annotates them); without the component, spaCy's place entities."""
    if places_are_geocoded(doc):
        return [
            Toponym(p["start"], p["end"], p["text"], p["lat"], p["lon"]) for p in doc._.dyad_places
        ]
    return [Toponym(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in PLACE_LABELS]


def places_are_geocoded(doc: Doc) -> bool:
    return Doc.has_extension("dyad_places") and doc._.dyad_places is not None


def events(doc: Doc) -> list[dict]:
    """The events ``dyad_events`` found (plain dicts, see dyad.events.component)."""
    if not Doc.has_extension("dyad_events") or doc._.dyad_events is None:
        raise NotBuilt("event extraction (dyad_events) is not in the pipeline")
    return list(doc._.dyad_events)
