"""Small facts about tokens that several components need."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["after_stance_prefix"]

STANCE_PREFIXES = ("pro", "anti")


def after_stance_prefix(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows "pro-" or "anti-": "anti-American leaders" are no
    Americans and "pro-Iranian militias" no Iranian force, and neither names a place."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES
