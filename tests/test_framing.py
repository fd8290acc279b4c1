"""Context vectors of the sentiment model (dyad.framing.vectors) on the real MiniLM word pieces."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.framing import SentimentModel, _analyzer, _score_text, features
from dyad.framing.vectors import DECAY, DIMENSIONS, REACH, context_vector, vectors


@pytest.fixture(scope="module")
def table():
    return vectors()


def test_word_pieces_map_back_to_the_text(table) -> None:
    text = "Iran's ministers condemned the Mojahedin-e Khalq yesterday."
    pieces = table.pieces([text])[0]
    ids, offsets = pieces.ids, pieces.offsets
    assert pieces.vectors.shape == (len(ids), DIMENSIONS)
    assert len(ids) == len(offsets) > 8
    assert table.table.shape == (30522, DIMENSIONS) and table.table.dtype == np.int8
    pieces = [text[a:b].lower() for a, b in offsets]
    assert "condemned" in pieces and "iran" in pieces  # whole words are single pieces
    assert all(b > a for a, b in offsets)
    assert np.all(np.diff(offsets[:, 0]) > 0)  # in text order, as context_vector assumes


def test_vectors_are_the_model_embeddings(table) -> None:
    """Different words have different vectors; related words are closer than unrelated ones."""
    good, excellent, tractor = table.pieces(["good", "excellent", "tractor"])
    v = {k: p.vectors[0] for k, p in (("g", good), ("e", excellent), ("t", tractor))}

    def cos(a, b):
        return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))

    assert cos(v["g"], v["e"]) > cos(v["g"], v["t"]) + 0.1


def test_context_is_the_distance_weighted_mean_around_the_mention(table) -> None:
    text = "Officials said the brutal MEK attacked a village near the border last week."
    pieces = table.pieces([text])[0]
    start = text.index("MEK")
    got = context_vector(pieces, start, start + 3)
    ids, offsets = pieces.ids, pieces.offsets
    mention = [k for k, (a, b) in enumerate(offsets) if b > start and a < start + 3]
    centre = sum(mention) / len(mention)
    weights, rows = [], []
    for k in range(len(ids)):
        if k not in mention:
            weights.append(np.exp(-abs(k - centre) / DECAY))
            rows.append(table.table[ids[k]].astype(np.float32) * table.scale[ids[k], 0])
    expected = np.average(np.array(rows), axis=0, weights=weights)
    assert got.shape == (DIMENSIONS,)
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-6)


def test_context_leaves_out_far_pieces_and_a_bare_mention(table) -> None:
    filler = " ".join(["the committee met again"] * 40)
    near = "Rebels of the MEK attacked."
    far_a = table.pieces([near + " " + filler + " peace"])[0]
    far_b = table.pieces([near + " " + filler + " war"])[0]
    start = near.index("MEK")
    a = context_vector(far_a, start, start + 3)
    b = context_vector(far_b, start, start + 3)
    assert len(far_a.ids) > REACH * 2
    np.testing.assert_array_equal(a, b)  # the last word is beyond REACH
    only = table.pieces(["MEK"])[0]
    assert not context_vector(only, 0, 3).any()


def test_sentiment_features_carry_the_context(nlp) -> None:
    doc = nlp("The MEK praised the rescuers. The MEK murdered the villagers.")
    mek = [doc[m["token_start"] : m["token_end"]] for m in doc._.dyad_actors if m["actor"] == "mek"]
    rows = [features(doc, span) for span in mek]
    model = SentimentModel.load()
    assert len(rows[0]) == model.mean.shape[0] == model.coef.shape[1]
    assert not np.allclose(rows[0][-DIMENSIONS:], rows[1][-DIMENSIONS:])


_WORDS = ["good", "bad", "not", "very", "kind", "of", "but", "terrorist", "GREAT", "hardly",
          "the", "MEK", "never", "love", "brutal", "!", "?", "cult", "Iran’s", "😀", "no", ","]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from(["", ".", "!!", "??", " "]))
def test_lexicon_scores_equal_vaders_own(words, end) -> None:
    """dyad's faster path through VADER (no emoji pass on text without emoji) scores exactly
    as VADER's polarity_scores does: negations, boosters, "but", caps, "!" and "?"."""
    text = " ".join(words) + end
    s = _analyzer().polarity_scores(text)
    assert _score_text(text) == [s["compound"], s["pos"], s["neg"]]
