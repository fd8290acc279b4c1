"""spaCy's lemmatizer with every lemma kept by word, part of speech and morphology: the same
lemmas, a fraction of the time.

The English models' rule lemmatizer works out a token's lemma from its word, its part of speech
and its morphology alone, but it walks the Doc token by token (a Python Token made for each)
and keeps only some of its answers: a word in its base form ("said" is not, "attack" is) is
worked out again at each occurrence, reading the morphology as a dict each time. On real news
(205 articles) that was 1.5 s of CPU, about as much as spaCy's parser. Here the Doc's words,
parts of speech, morphologies and lemmas are read as one array; a token the lemmatizer would
lemmatise (no lemma yet, or the lemmatizer overwrites) takes the lemma its (word, part of
speech, morphology) had before, and only a new combination is handed to the lemmatizer's own
``lemmatize``. The lemmas go back into the Doc as one array.

A new combination costs the rule lemmatizer a test of each candidate form against the
words its index knows for that part of speech, a Python list of thousands (a scan each): the
lists are given a set beside them for those tests (:class:`_Index`, still the same list to
everything else, its serialisation included). On real news the first sight of each of some
15,000 combinations cost 1.2 s of the lemmatizer's 1.5 s.

Only the "rule" and "lookup" modes are kept so (their lemma depends on nothing else); a
lemmatizer of another mode is left as it is.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.tokens import Doc

__all__ = ["cache_lemmatizer"]

#: the lemmatizer modes whose lemma is a function of a token's word, part of speech and
#: morphology
_MODES = ("rule", "lookup")


def cache_lemmatizer(nlp) -> bool:
    """Make ``nlp``'s lemmatizer keep its lemmas (see the module's docstring); False, and the
    lemmatizer left as it is, when the model has none or it is of another mode."""
    if "lemmatizer" not in nlp.component_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) not in _MODES or not hasattr(lemmatizer, "lemmatize"):
        return False
    lemmatizer.__class__ = _kept(type(lemmatizer))
    lemmatizer.kept_lemmas = {}
    index = lemmatizer.lookups.get_table("lemma_index") if lemmatizer.lookups.has_table(
        "lemma_index") else {}  # fmt: skip
    for pos, words in list(index.items()):
        if isinstance(words, list) and not isinstance(words, _Index):
            index[pos] = _Index(words)
    return True


class _Index(list):
    """A list of words whose membership test is a set's (the list is never changed)."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._words


def _kept(cls: type) -> type:
    """``cls`` (a spaCy Lemmatizer class) whose Docs are lemmatised as the module says."""
    if getattr(cls, "_keeps_lemmas", False):
        return cls

    class KeptLemmas(cls):
        _keeps_lemmas = True

        def __call__(self, doc: Doc) -> Doc:
            if not self._validated:
                self._validate_tables(Errors.E1004)
            try:
                return self._lemmatised(doc)
            except Exception as e:  # as spaCy's lemmatizer: its error handler decides
                self.get_error_handler()(self.name, self, [doc], e)

        def _lemmatised(self, doc: Doc) -> Doc:
            if not len(doc):
                return doc
            kept: dict[tuple[int, int, int], int] = self.kept_lemmas
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                found = kept.get(key)
                if found is None:
                    found = kept[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc

        def __reduce_ex__(self, protocol):
            # pickled as the spaCy class it extends (a class made here has no name to look up
            # in another process: `-j` under spawn or forkserver) and made ours again
            made, args, *rest = super().__reduce_ex__(protocol)
            if args and args[0] is type(self):
                args = (cls, *args[1:])
            return (_remade, (made, args), *rest)

    KeptLemmas.__name__ = KeptLemmas.__qualname__ = f"KeptLemmas{cls.__name__}"
    return KeptLemmas


def _remade(made, args):
    """An unpickled lemmatizer (see ``KeptLemmas.__reduce_ex__``), keeping its lemmas again."""
    lemmatizer = made(*args)
    lemmatizer.__class__ = _kept(type(lemmatizer))
    return lemmatizer
