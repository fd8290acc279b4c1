"""The evaluation harness: gold sets, scorers, and the quality gate (docs/evaluation.md)."""

from .harness import check_floors, default_data_root, evaluate, load_baseline, write_baseline
from .sets import NOT_BUILT, SETS, SetResult

__all__ = [
    "NOT_BUILT",
    "SETS",
    "SetResult",
    "check_floors",
    "default_data_root",
    "evaluate",
    "load_baseline",
    "write_baseline",
]
