"""Apostrophes written with look-alike characters, read as apostrophes.

News typed on other keyboards, or passed through a transliterating system, writes the
possessive with an acute accent ("Colombia´s actions", "Ghani´s government"), a modifier
letter ("the governmentʼs request"), a backtick or a prime. spaCy's English tokenizer splits
"'s" and "’s" off a word, not those: "Colombia´s" stays one token, and the state it names is
lost to every component after it. The tokenizer here reads such a character between two
letters as the typographic apostrophe before tokenizing, one character for one, so every
character offset of the text is kept."""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["ApostropheTokenizer", "read_apostrophes"]

#: an acute accent, a modifier letter apostrophe, a backtick or a prime between two letters
_LOOK_ALIKE = re.compile(r"(?<=[^\W\d_])[\u00b4\u02bc\u0060\u2032](?=[^\W\d_])")


def read_apostrophes(text: str) -> str:
    """``text`` with each look-alike apostrophe between two letters made "’"."""
    return _LOOK_ALIKE.sub("\u2019", text) if _LOOK_ALIKE.search(text) else text


class ApostropheTokenizer:
    """A spaCy tokenizer that reads look-alike apostrophes first (:func:`read_apostrophes`);
    everything else is the wrapped tokenizer's (its special cases, serialisation, pipes)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(read_apostrophes(text))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
