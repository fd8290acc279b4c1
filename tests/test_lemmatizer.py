"""The lemmatizer that keeps its lemmas (dyad.nlp.lemmatizer) gives the lemmas spaCy's gives."""

from __future__ import annotations

import spacy

from dyad.config import load_settings
from dyad.nlp.lemmatizer import cache_lemmatizer

#: words read as two parts of speech ("attacks", "saw", "meeting", "left"), the same word
#: with two morphologies ("met", "meets"), lemmas the attribute_ruler sets ("n't", "'s"),
#: names, numbers, space
TEXTS = [
    "The attacks left 12 dead. Rebels attacks the town every night, and she saw the saw.",
    "Ministers met on Monday; the council meets again at the meeting in Geneva.\n\n",
    "They ain't gonna stop: Iran's leaders didn't say why they'd left the talks.",
    "Police were meeting residents who had left. Meeting them, he left   early.",
]


def _lemmas(docs) -> list[list[tuple[str, str, str]]]:
    return [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in docs]


def test_the_kept_lemmas_are_spacys():
    model = load_settings().model
    bare, kept = spacy.load(model), spacy.load(model)
    assert cache_lemmatizer(kept)
    assert type(kept.get_pipe("lemmatizer")).__name__.startswith("KeptLemmas")
    texts = TEXTS * 2  # the second time from what was kept
    expected = _lemmas(bare.pipe(texts))
    assert _lemmas(kept.pipe(texts)) == expected
    assert kept.get_pipe("lemmatizer").kept_lemmas
    # one word, two parts of speech: two lemmas ("attacks" a noun, then a verb)
    first = expected[0]
    assert [lemma for text, _, lemma in first if text == "saw"] == ["see", "saw"]


def test_dyads_pipeline_keeps_lemmas_and_its_index_is_still_a_list(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer).__name__.startswith("KeptLemmas")
    index = lemmatizer.lookups.get_table("lemma_index")
    words = index.get("noun")
    assert isinstance(words, list) and "attack" in words and "attacks" not in words
    # written out and read back as spaCy writes it: plain lists
    again = spacy.load(load_settings().model).get_pipe("lemmatizer")
    again.from_bytes(lemmatizer.to_bytes())
    assert list(again.lookups.get_table("lemma_index").get("noun")) == list(words)


def test_no_lemmatizer_or_another_mode_is_left_as_it_is():
    assert not cache_lemmatizer(spacy.blank("en"))
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer._mode = "pos_lookup"  # a mode whose lemma may depend on more than the word
    assert not cache_lemmatizer(nlp)
    assert not type(lemmatizer).__name__.startswith("KeptLemmas")


def test_a_kept_lemmatizer_pickles_as_spacys_and_keeps_its_lemmas_after(nlp):
    # `-j` under spawn or forkserver pickles the pipes into each worker
    import pickle

    lemmatizer = nlp.get_pipe("lemmatizer")
    copy = pickle.loads(pickle.dumps(lemmatizer))
    assert type(copy).__mro__[1] is type(lemmatizer).__mro__[1]  # the same spaCy class below
    assert getattr(type(copy), "_keeps_lemmas", False)
    doc = nlp("Soldiers attacked the villages.")
    assert [t.lemma_ for t in copy(doc)] == ["soldier", "attack", "the", "village", "."]
