"""Mention labels the store's queries share with the ``dyad_actors`` component, kept apart
from it so that reading a database (the CLI's read commands, the web app) never imports spaCy."""

from __future__ import annotations

__all__ = ["ACTING_LABELS"]

#: labels of mentions where the actor itself is meant; "place" (a country as a location) and
#: "modifier" ("the Iranian consulate") refer to the actor without it acting
ACTING_LABELS = {"name", "acronym", "short", "metonym", "nominal", "demonym", "reference"}
