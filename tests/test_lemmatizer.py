"""The lemmatizer that keeps its lemmas (dyad.nlp.lemmatizer) gives the lemmas spaCy's gives."""

from __future__ import annotations

import pytest
import spacy

from dyad.config import load_settings
from dyad.nlp.lemmatizer import cache_lemmatizer, mend_verb_lemmas

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


#: (sentence, verb, its lemma): the "e" verb of a pair whose short verb doubles its consonant
#: ("stag"/"stage"), the short verb's own forms, "-ied" pasts, irregular pasts the tagger reads
#: as presents, and verbs outside those classes
MENDED = [
    ("Protesters staged a rally outside the embassy.", "staged", "stage"),
    ("The Taliban are staging attacks on the town.", "staging", "stage"),
    ("Rebels waged war on the government.", "waged", "wage"),
    ("The EU fined the company.", "fined", "fine"),
    ("Iraq hoped for talks.", "hoped", "hope"),
    ("The army readied its troops.", "readied", "ready"),
    ("Engineers remedied the fault.", "remedied", "remedy"),
    # tagged VBP, so spaCy takes it for a base form and never reads its exception
    ("Government forces retook the town from the rebels.", "retook", "retake"),
    ("Iraqi troops retook Ramadi on Monday.", "retook", "retake"),
    # a "-men" plural tagged as a singular (NN) is its "-man" noun (review 44)
    (
        "More than 200 American servicemen and 58 French paratroopers were killed.",
        "servicemen",
        "serviceman",
    ),
]
NOT_MENDED = [
    # a noun in "-men" that is no plural of a "-man" noun stays itself
    ("The abdomen was swollen.", "abdomen", "abdomen"),
    ("Yemen's government said so.", "Yemen", "Yemen"),
    ("The dog wagged its tail.", "wagged", "wag"),
    ("She hopped over the wall.", "hopped", "hop"),
    ("They planned the attack.", "planned", "plan"),
    ("The tourists skied all day.", "skied", "ski"),
    ("The army denied the report.", "denied", "deny"),
    ("Soldiers attacked the villages.", "attacked", "attack"),
    # irregular forms that are base forms of verbs of their own keep spaCy's reading
    ("The rebels found the bodies.", "found", "find"),
    ("Witnesses saw the attack.", "saw", "see"),
    ("Police left the scene.", "left", "leave"),
]


def _lemma_of(nlp, text: str, word: str) -> str:
    return next(t.lemma_ for t in nlp(text) if t.text == word)


def test_verbs_spacys_rules_read_as_a_shorter_verb_are_mended(nlp):
    for text, word, lemma in MENDED + NOT_MENDED:
        assert _lemma_of(nlp, text, word) == lemma, text


def test_spacy_alone_gets_the_mended_verbs_wrong_and_the_others_right():
    # what the mending is for, and that it leaves every other lemma as spaCy's
    model = load_settings().model
    bare, mended = spacy.load(model), spacy.load(model)
    assert cache_lemmatizer(mended) and mend_verb_lemmas(mended) > 100
    for text, word, lemma in MENDED:
        assert _lemma_of(bare, text, word) != lemma, text
        assert _lemma_of(mended, text, word) == lemma, text
    for text, word, lemma in NOT_MENDED:
        assert _lemma_of(bare, text, word) == _lemma_of(mended, text, word) == lemma, text
    assert _lemmas(mended.pipe(TEXTS)) == _lemmas(bare.pipe(TEXTS))


def test_mending_needs_a_kept_rule_lemmatizer_and_survives_pickling(nlp):
    import pickle

    assert mend_verb_lemmas(spacy.blank("en")) == 0
    assert mend_verb_lemmas(spacy.load(load_settings().model)) == 0  # not kept: left alone
    copy = pickle.loads(pickle.dumps(nlp.get_pipe("lemmatizer")))
    assert copy.mended_verbs.get("waged") == "wage"
    import numpy
    from spacy.attrs import LEMMA

    doc = nlp("Rebels waged war.")
    doc.from_array([LEMMA], numpy.zeros((len(doc), 1), dtype="uint64"))  # lemmatised anew
    assert [t.lemma_ for t in copy(doc)][1] == "wage"


def test_the_setting_turns_mending_off():
    from dyad.nlp import load_pipeline

    off = load_pipeline(load_settings(overrides={"nlp.mend_verb_lemmas": False}))
    assert off.get_pipe("lemmatizer").mended_verbs == {}
    assert _lemma_of(off, "Rebels waged war on the government.", "waged") == "wag"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters staged a rally outside the US embassy.", ["PROTEST"]),
        ("Rebels waged war on the Iraqi government.", ["ASSAULT"]),
        ("Syrian troops raped women in the village.", ["ASSAULT"]),
        ("Government forces retook the town from the rebels.", ["ASSAULT"]),
        ("The European Union fined Apple.", ["COERCE"]),
        ("The dog wagged its tail.", []),
    ],
)
def test_mended_verbs_code_their_events(nlp, text: str, expected: list[str]) -> None:
    # spaCy alone read "staged", "waged", "raped", "fined" as "stag", "wag", "rap", "fin"
    assert [e["type"] for e in nlp(text)._.dyad_events] == expected
