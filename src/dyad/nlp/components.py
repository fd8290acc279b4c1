"""dyad's spaCy components. Each is registered by name and configured from ``default.cfg``.

Components annotate the ``Doc`` only; they never touch the store.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["ParagraphBreaks"]

#: characters that end a sentence: a run of tokens without one is a single sentence, as far as
#: the cap on a sentence's length is concerned
_SENTENCE_ENDS = frozenset(".!?…")
#: where an overlong run is best cut: after the last of these in its second half
_SOFT_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "--"})


class ParagraphBreaks:
    """Start a sentence after every paragraph break, and never inside a run of newlines; cut
    a run-on sentence into sentences of at most ``max_sentence_tokens`` tokens.

    dyad stores articles as paragraphs separated by blank lines. A headline has no final stop,
    so without this the parser glues it to the first sentence of the body ("... For MEK
    Yesterday, the Iraqi government announced ...") and every later step sees one long
    sentence. Must run before the parser, which keeps boundaries already set.

    The cap is a guard: the parse of one sentence is a tree that dyad's components walk from
    each mention and each verb, so their cost grows faster than a sentence's length, and a
    100,000-character text without a full stop (a list, a scraped table) would stall a run.
    A run of more tokens than the cap with no sentence end (. ! ? …) or line break in it gets
    a sentence start after the last comma, semicolon, colon or dash in the second half of each
    ``max_sentence_tokens`` tokens (after exactly that many when there is none). News sentences
    are far shorter than the cap and are never cut.
    """

    def __init__(self, min_newlines: int, max_sentence_tokens: int) -> None:
        self.min_newlines = min_newlines
        self.max_sentence_tokens = max_sentence_tokens

    def __call__(self, doc: Doc) -> Doc:
        run_start = 0  # the first token of the current run without a sentence end
        soft = -1  # the last soft break in the current run
        cap = self.max_sentence_tokens
        for token in doc[:-1]:
            i = token.i
            if token.is_space and token.text.count("\n") >= self.min_newlines:
                doc[i + 1].is_sent_start = True
                run_start, soft = i + 1, -1
            elif _ends_sentence(token):
                run_start, soft = i + 1, -1
            elif token.text in _SOFT_BREAKS:
                soft = i
            if i + 1 - run_start >= cap:  # the run holds `cap` tokens: the next one starts anew
                cut = soft + 1 if soft >= run_start + cap // 2 else i + 1
                doc[cut].is_sent_start = True
                run_start, soft = cut, -1
        return doc


def _ends_sentence(token: Token) -> bool:
    return token.is_punct and not _SENTENCE_ENDS.isdisjoint(token.text)


@Language.factory(
    "dyad_paragraphs",
    assigns=["token.is_sent_start"],
)
def make_paragraph_breaks(
    nlp: Language, name: str, min_newlines: int, max_sentence_tokens: int
) -> ParagraphBreaks:
    return ParagraphBreaks(min_newlines=min_newlines, max_sentence_tokens=max_sentence_tokens)
