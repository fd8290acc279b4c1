"""dyad's spaCy components. Each is registered by name and configured from ``default.cfg``.

Components annotate the ``Doc`` only; they never touch the store.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ParagraphBreaks"]


class ParagraphBreaks:
    """Start a sentence after every paragraph break, and never inside a run of newlines.

    dyad stores articles as paragraphs separated by blank lines. A headline has no final stop,
    so without this the parser glues it to the first sentence of the body ("... For MEK
    Yesterday, the Iraqi government announced ...") and every later step sees one long
    sentence. Must run before the parser, which keeps boundaries already set.
    """

    def __init__(self, min_newlines: int) -> None:
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= self.min_newlines:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory(
    "dyad_paragraphs",
    assigns=["token.is_sent_start"],
)
def make_paragraph_breaks(nlp: Language, name: str, min_newlines: int) -> ParagraphBreaks:
    return ParagraphBreaks(min_newlines=min_newlines)
