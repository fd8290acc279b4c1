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

:func:`mend_verb_lemmas` corrects two classes of the rule lemmatizer's verb lemmas. Its rules
try "-ed" -> "-e" before "-ed" -> "" and keep the last candidate its index knows, so where
both a short verb and the same verb with an "e" exist ("stag" and "stage", "wag" and "wage",
"fin" and "fine", "hop" and "hope"), "staged", "staging" and "stages" all become "stag":
"staged a protest", "waged war", "fined the company" and "hoped for talks" lost their verb.
English spelling settles it: a one-syllable verb ending in one vowel and one consonant doubles
the consonant ("stagged", "hopping"), so its single-consonant forms are the "e" verb's. And
no rule turns "-ied" into "-y": a past its exceptions do not list ("readied", "remedied",
"misidentified") became "readie". And an irregular past the tagger reads as a present ("troops
retook the city": VBP) is taken for a base form, so its exception ("retook" -> "retake") is never
read: a verb form the exceptions list that is no verb's base form takes the exception's lemma.
It also gives a plural in "-men" the tagger read as a singular ("American servicemen", NN)
its noun in "-man", which the rules never try on a singular.
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc

__all__ = ["cache_lemmatizer", "mend_verb_lemmas"]

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
    lemmatizer.mended_verbs = {}
    lemmatizer.mended_nouns = {}
    index = lemmatizer.lookups.get_table("lemma_index") if lemmatizer.lookups.has_table(
        "lemma_index") else {}  # fmt: skip
    for pos, words in list(index.items()):
        if isinstance(words, list) and not isinstance(words, _Index):
            index[pos] = _Index(words)
    return True


#: a one-syllable verb ending in one vowel and one consonant that doubles ("stag": "stagged");
#: w, x and y never double ("sew": "sewed"), nor s and z here ("bus": "bused" or "bussed")
_DOUBLING = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwxysz]$")
#: a verb ending in a consonant and "y", whose past ends in "-ied" ("ready": "readied")
_CONSONANT_Y = re.compile(r"[^aeiouy]y$")


def mend_verb_lemmas(nlp) -> int:
    """Give the "-ed", "-ing" and "-es" forms of each verb X+"e" of the rule lemmatizer's
    index whose shorter X doubles its consonant the lemma X+"e" ("staged" -> "stage", not
    "stag"), and each "-ied" form without an exception the verb in "-y" ("readied" ->
    "ready", not "readie"), and each "-men" plural of a noun in "-man" read as a singular the
    noun ("servicemen" -> "serviceman"); the number of forms mended, 0 where ``nlp``'s
    lemmatizer is not a kept rule lemmatizer (:func:`cache_lemmatizer`). spaCy's exceptions
    cannot say it: an exception that is also a rule's candidate keeps the candidate's place
    behind "stag"."""
    if "lemmatizer" not in nlp.component_names:
        return 0
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not getattr(lemmatizer, "_keeps_lemmas", False) or lemmatizer.mode != "rule":
        return 0
    if not lemmatizer.lookups.has_table("lemma_index"):
        return 0
    verbs = set(lemmatizer.lookups.get_table("lemma_index").get("verb") or ())
    exceptions = {}
    if lemmatizer.lookups.has_table("lemma_exc"):
        exceptions = lemmatizer.lookups.get_table("lemma_exc").get("verb") or {}
    mended = {}
    for short in verbs:
        verb = short + "e"
        if _DOUBLING.match(short) and verb in verbs:
            for form in (verb + "d", short + "ing", verb + "s"):
                mended[form] = verb
        # no rule turns "-ied" back into "-y": "readied" was "readie" where spaCy's own
        # exceptions do not list it ("skied" is "ski"'s)
        stem = short[:-1]
        if (
            _CONSONANT_Y.search(short)
            and {stem + "i", stem + "ie"}.isdisjoint(verbs)
            and stem + "ied" not in exceptions
        ):
            mended[stem + "ied"] = short
    # an irregular form that is no base form ("retook", "overran"; not "found", "saw", "lay",
    # verbs of their own) is the exception's verb whatever its tag says
    for form, lemmas in exceptions.items():
        if lemmas and lemmas[0] != form and form not in verbs:
            mended.setdefault(form, lemmas[0])
    lemmatizer.mended_verbs = mended
    # and a plural in "-men" of a noun in "-man" the tagger read as singular ("servicemen",
    # NN, stayed "servicemen" and named no soldiers: review 44), never a word of its own
    # ("specimen", "abdomen": no "speciman" is a noun)
    nouns = set(lemmatizer.lookups.get_table("lemma_index").get("noun") or ())
    lemmatizer.mended_nouns = {
        noun[:-3] + "men": noun for noun in nouns if noun.endswith("man") and len(noun) > 4
    }
    lemmatizer.kept_lemmas.clear()
    return len(mended) + len(lemmatizer.mended_nouns)


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
            mended: dict[str, str] = self.mended_verbs
            plurals: dict[str, str] = self.mended_nouns
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                found = kept.get(key)
                if found is None:
                    lemma = self.lemmatize(doc[i])[0]
                    if pos == VERB and mended:
                        lemma = mended.get(doc[i].lower_, lemma)
                    elif pos == NOUN and plurals and lemma == doc[i].lower_:
                        lemma = plurals.get(lemma, lemma)
                    found = kept[key] = self.vocab.strings.add(lemma)
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
