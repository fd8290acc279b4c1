"""Events: who did what to whom, coded in PLOVER 2021 with CAMEO codes alongside."""

from .ontology import PLOVER_TYPES, intensity, plover_type, quad
from .patterns import Pattern, PatternDictionary, load_patterns, read_patterns

__all__ = [
    "PLOVER_TYPES",
    "Pattern",
    "PatternDictionary",
    "intensity",
    "load_patterns",
    "plover_type",
    "quad",
    "read_patterns",
]
