"""Actors: dictionaries, name keys, and the ``dyad_actors`` spaCy component."""

from .dictionary import Actor, ActorDictionary, Role, load_dictionary, read_petrarch, read_tsv
from .names import normalise, skeleton

__all__ = [
    "Actor",
    "ActorDictionary",
    "Role",
    "load_dictionary",
    "normalise",
    "read_petrarch",
    "read_tsv",
    "skeleton",
]
