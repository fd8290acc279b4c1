"""The indexed attribute_ruler (dyad.nlp.attribute_ruler) finds exactly the matches spaCy's
Matcher finds, so the model annotates the same POS, morphology and lemmas."""

from __future__ import annotations

import json
from importlib import resources

import spacy

from conftest import SEEDS, SHARED
from dyad.config import load_settings
from dyad.evaluation.sets import load_geowebnews
from dyad.nlp.attribute_ruler import IndexedMatch, index_attribute_ruler
from dyad.nlp.lemmatizer import cache_lemmatizer, mend_verb_lemmas

#: the ruler's rare rules: multi-token ("ai n't", "gon na", "let 's", "there is"), regular
#: expressions ("nothin'", "y'all"), whitespace tokens, pronoun case by dependency
RARE = (
    "They ain't gonna go, y'all know nothin' about it. Let's c'm on.  \n\n There is a way. "
    "I gave it to you and me; she saw it. Whether it rains or not, I'd do it, but he'd not.\n"
    "Gotta go.   Y' all are    here. Do you have it? He does. That is what I did."
)


def _texts() -> list[str]:
    texts = [RARE]
    gwn = SHARED / "eval" / "geowebnews" / "GWN.xml"
    if gwn.is_file():
        texts += [a["text"] for a in load_geowebnews(gwn)[:40]]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    # and the demo corpus's wire articles, there with or without ../shared
    demo = resources.files("dyad.demo").joinpath("articles", "meridian-wire.jsonl")
    texts += [json.loads(line)["text"] for line in demo.read_text("utf-8").splitlines() if line]
    return texts


def test_the_same_matches_as_spacy_matcher() -> None:
    nlp = spacy.load(load_settings().model)
    ruler = nlp.get_pipe("attribute_ruler")
    texts = _texts()
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(texts))
    indexed = IndexedMatch(ruler)
    seen_rules = set()
    for text, doc in zip(texts, docs, strict=True):
        expected = sorted(set(ruler.match(doc)))
        assert indexed(doc) == expected, text[:80]
        seen_rules |= {rule for rule, *_ in expected}
    # the comparison covers the rare forms: multi-token, regex, space and dependency rules
    forms = {
        rule: group["patterns"] for rule, group in enumerate(ruler.patterns) if rule in seen_rules
    }
    assert any(len(p) > 1 for patterns in forms.values() for p in patterns)
    assert any("REGEX" in str(patterns) for patterns in forms.values())
    assert any("IS_SPACE" in str(patterns) for patterns in forms.values())
    assert any("DEP" in str(patterns) for patterns in forms.values())
    assert len(seen_rules) > 100


def test_the_whole_pipeline_annotates_the_same(nlp) -> None:
    """dyad's pipeline (whose ruler is indexed) against the bare model: every token's tag,
    POS, morphology and lemma (both lemmatizers mended alike, dyad.nlp.lemmatizer)."""
    assert not isinstance(spacy.load(load_settings().model).get_pipe("attribute_ruler").match,
                          IndexedMatch)  # fmt: skip
    assert isinstance(nlp.get_pipe("attribute_ruler").match, IndexedMatch)
    bare = spacy.load(load_settings().model)
    # the same lemmatizer as dyad's, verbs mended ("shines" is "shine", not spaCy's "shin")
    assert cache_lemmatizer(bare) and mend_verb_lemmas(bare)
    texts = _texts()[:12]
    ours = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        if not name.startswith("dyad_"):
            ours = [proc(doc) for doc in ours]
    for text, mine, theirs in zip(texts, ours, bare.pipe(texts), strict=True):
        assert annotations(mine) == annotations(theirs), text[:80]


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_a_pattern_of_another_form_leaves_spacy_matcher() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}]], {"LEMMA": "ab"})
    assert not index_attribute_ruler(nlp)
    assert not isinstance(ruler.match, IndexedMatch)
    # and a ruler of the supported forms is indexed, with the same effect on a doc
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["cats", "dogs"]}}]], {"LEMMA": "pet"})
    ruler.add([[{"LOWER": {"REGEX": "^x+$"}}, {"LOWER": "y"}]], {"LEMMA": "why"}, index=1)
    assert index_attribute_ruler(nlp)
    doc = nlp("Cats and dogs xx y but not z y")
    assert [t.lemma_ for t in doc] == ["pet", "", "pet", "", "why", "", "", "", ""]
