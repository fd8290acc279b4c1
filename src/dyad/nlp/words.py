"""Small facts about tokens that several components need."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span, Token

__all__ = [
    "NAMING_VERBS",
    "according_to",
    "after_stance_prefix",
    "entities_by_token",
    "keep_text",
    "text_of",
]

STANCE_PREFIXES = ("pro", "anti")
#: prefixes that make a demonym or a state's name stand for the others ("non-Israeli")
OTHER_PREFIXES = ("non",)
#: verbs that give a name: "a group called X", "the movement better known as X"
NAMING_VERBS = frozenset({"call", "name", "know", "dub"})

#: each live Doc's text, joined once (dropped with the Doc)
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once a Doc: Doc.text joins every token's text anew on each call,
    and nine readers of each Doc asked for it (a Doc's text never changes once tokenised:
    the parse, the entities and dyad's components change annotations only)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Give :func:`text_of` the text ``doc`` was tokenised from: spaCy's tokeniser loses
    nothing (a Doc's text is its input, character for character), so it need not be joined."""
    _TEXTS[doc] = text


def after_stance_prefix(doc: Doc, i: int, *, stance_only: bool = False) -> bool:
    """Whether token ``i`` follows "pro-" or "anti-", or "non-" (unless ``stance_only``):
    "anti-American leaders" are no Americans, "pro-Iranian militias" no Iranian force and
    "non-Israeli passengers" no Israelis, and none of them names a place; only the first
    two are stances toward the country."""
    prefixes = STANCE_PREFIXES if stance_only else (*STANCE_PREFIXES, *OTHER_PREFIXES)
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in prefixes


def entities_by_token(doc: Doc) -> list[Span | None]:
    """Each token's entity (None outside one), found in one pass: ``doc.ents`` builds every
    entity anew on each call, so looking one up per token made a long text quadratic."""
    found: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            found[i] = ent
    return found


def according_to(token: Token) -> Token | None:
    """The head of X in "..., according to X" hung on ``token``, else None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            if to is not None:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None
