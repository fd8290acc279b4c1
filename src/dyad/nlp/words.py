"""Small facts about tokens that several components need."""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["after_stance_prefix", "entities_by_token"]

STANCE_PREFIXES = ("pro", "anti")


def after_stance_prefix(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows "pro-" or "anti-": "anti-American leaders" are no
    Americans and "pro-Iranian militias" no Iranian force, and neither names a place."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES


def entities_by_token(doc: Doc) -> list[Span | None]:
    """Each token's entity (None outside one), found in one pass: ``doc.ents`` builds every
    entity anew on each call, so looking one up per token made a long text quadratic."""
    found: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            found[i] = ent
    return found
