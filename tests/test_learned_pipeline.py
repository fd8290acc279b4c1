"""The learned event coder in the pipeline: the dyad_events ``coder`` setting ("rules",
"learned", "hybrid"), the encoder read only on sentences with two or more actor mentions (in
one batch), the same events on every run, and a missing model file as one clear line."""

from __future__ import annotations

import numpy as np
import pytest

from dyad.config import load_settings
from dyad.errors import ConfigError
from dyad.events import learned
from dyad.events.component import make_event_extractor

#: the attribution window, the news-day lag, the headline's lead and the dateline's town as
#: default.cfg has them
_ATTRIBUTION = load_settings().components["dyad_events"]["attribution_sentences"]
_NEWS_DAY_LAG = load_settings().components["dyad_events"]["news_day_lag"]
_HEADLINE_LEAD = load_settings().components["dyad_events"]["headline_lead_sentences"]
_DATELINE_TOWNS = load_settings().components["dyad_events"]["dateline_other_towns"]
_SECTION = "nlp.components.dyad_events."
#: the event screen as the pipeline runs it (these extractors screen as the default one does)
_SCREEN = ("", load_settings().value(_SECTION + "screen_below"))

#: one sentence with three interactions between four actors (the rule coder codes each; the
#: learned coder takes one actor pair a sentence), one with a single actor, one with none, and
#: one more with two actors
TEXT = (
    "Iran accused Iraq of sheltering the MEK, and Saudi Arabia condemned Israel. "
    "Russia protested on Monday. "
    "The weather was mild. "
    "Egypt met Jordan in Cairo."
)


def _extractor(nlp, coder: str, screened: bool = True, **limits):
    """An extractor of ``coder`` with these thresholds; ``screened``: with the event screen as
    the pipeline runs it (without: the encoder runs for the learned coder alone)."""
    thresholds = {"add_above": 1.0, "drop_below": 0.0, "repair_below": 0.0,
                  "repair_above": 0.5, "top_above": 0.0} | limits  # fmt: skip
    return make_event_extractor(
        nlp, "dyad_events", [], True, True, False, False, coder, "",
        *(thresholds[k] for k in ("add_above", "drop_below", "repair_below", "repair_above",
                                  "top_above")), *(_SCREEN if screened else ("", 0.0)),
        _ATTRIBUTION, _NEWS_DAY_LAG, _HEADLINE_LEAD, _DATELINE_TOWNS,
    )  # fmt: skip


def _two_sided(events: list[dict], start: int, end: int) -> list[tuple]:
    return [
        (e["type"], tuple(a["text"] for a in e["sources"]), tuple(a["text"] for a in e["targets"]))
        for e in events
        if start <= e["trigger_start"] < end and e["sources"] and e["targets"]
    ]


def _first_sentence(doc) -> tuple[int, int]:
    first = next(iter(doc.sents))
    return first.start_char, first.end_char


def test_the_coder_setting_switches_coders(nlp):
    from dyad.nlp import load_pipeline

    learned_nlp = load_pipeline(
        load_settings(
            overrides={_SECTION + "coder": "learned", _SECTION + "learned_top_above": 0.0}
        )
    )
    assert learned_nlp.get_pipe("dyad_events").coder == "learned"
    assert nlp.get_pipe("dyad_events").coder == "rules"  # the default
    by_rules, by_learned = nlp(TEXT), learned_nlp(TEXT)
    span = _first_sentence(by_rules)
    rules = _two_sided(by_rules._.dyad_events, *span)
    assert len(rules) >= 2  # the rule coder codes each clause
    # the learned coder codes one actor pair in the sentence, one of the rule coder's pairs
    (one,) = _two_sided(by_learned._.dyad_events, *span)
    assert (one[1], one[2]) in {(r[1], r[2]) for r in rules}


def test_hybrid_with_every_threshold_off_is_the_rule_coder(nlp):
    doc = nlp(TEXT)
    rules = [(e["type"], e["trigger_start"], e["modality"]) for e in doc._.dyad_events]
    hybrid = _extractor(nlp, "hybrid")(nlp(TEXT))
    assert [(e["type"], e["trigger_start"], e["modality"]) for e in hybrid._.dyad_events] == rules


def test_hybrid_thresholds_drop_and_add(nlp):
    doc = nlp(TEXT)
    span = _first_sentence(doc)
    rules = _two_sided(doc._.dyad_events, *span)
    # every pair scores above 0: a drop threshold of 1 drops every two-sided rule event ...
    dropped = _extractor(nlp, "hybrid", drop_below=1.0)(nlp(TEXT))
    assert _two_sided(dropped._.dyad_events, *span) == [] and rules
    # ... and one of 0 with an add threshold of 0 keeps them and may only add
    added = _extractor(nlp, "hybrid", add_above=0.0)(nlp(TEXT))
    assert set(rules) <= set(_two_sided(added._.dyad_events, *span))


class _CountingSession:
    """The real ONNX session, counting its runs and the sentences in each."""

    def __init__(self, session) -> None:
        self.session, self.rows = session, []

    def run(self, names, feeds):
        self.rows.append(len(feeds["input_ids"]))
        return self.session.run(names, feeds)

    def get_inputs(self):
        return self.session.get_inputs()


def test_the_encoder_reads_only_sentences_with_two_actor_mentions_in_one_batch(nlp, monkeypatch):
    # parsed first: the pipeline's framing reads the same encoder for its sentiment
    docs = [nlp(TEXT), nlp("Russia protested on Monday. It rained."), nlp(TEXT)]
    encoder = learned.encoder()
    depth = learned.LAYERS  # the coder alone reads the last layer: the whole encoder runs
    counting = _CountingSession(encoder.session_for(depth))
    monkeypatch.setitem(encoder.sessions, depth, counting)
    _extractor(nlp, "hybrid", False, add_above=0.5)(docs[0])
    assert counting.rows == [2]  # the first and the last sentence, together
    counting.rows.clear()
    _extractor(nlp, "hybrid", False, add_above=0.5)(docs[1])
    assert counting.rows == []  # no sentence with two actors: no encoder run
    _extractor(nlp, "rules", False)(docs[2])
    assert counting.rows == []  # the rule coder never runs it


def test_the_encoder_skips_sentences_whose_events_no_score_can_change(nlp, monkeypatch):
    # two actors side by side, no word governing both and no rule event: whatever the scores,
    # the learned coder leaves the sentence as it is, so it is neither encoded nor scored
    docs = [nlp("Egypt and Jordan."), nlp("Leaders of Egypt and Jordan."), nlp("Egypt met Jordan.")]
    encoder = learned.encoder()
    counting = _CountingSession(encoder.session_for(learned.LAYERS))
    monkeypatch.setitem(encoder.sessions, learned.LAYERS, counting)
    for doc in docs[:2]:
        _extractor(nlp, "learned", False)(doc)
    assert counting.rows == []
    # a verb joining them (and a rule event on them): encoded
    _extractor(nlp, "learned", False)(docs[2])
    assert counting.rows == [1]
    # "hybrid" with thresholds that neither drop, repair nor add reads no sentence; one that
    # adds reads the one with a verb
    counting.rows.clear()
    _extractor(nlp, "hybrid", False)(nlp("Egypt met Jordan. Iran accused Iraq."))
    assert counting.rows == []
    _extractor(nlp, "hybrid", False, add_above=0.5)(nlp("Egypt met Jordan. Egypt and Jordan."))
    assert counting.rows == [1]


def test_pipe_gives_each_doc_the_events_one_call_gives(learned_nlp):
    # the rule coder reads a whole batch before the learned coder revises any Doc of it: each
    # Doc is finished with the mentions its own reading found
    texts = [TEXT, "Egypt met Jordan in Cairo. Syria and Turkey.", "Israel struck Hamas in Gaza."]
    alone = [learned_nlp(text)._.dyad_events for text in texts]
    assert [doc._.dyad_events for doc in learned_nlp.pipe(texts, batch_size=3)] == alone
    assert all(alone)


def test_two_runs_give_the_same_events(nlp):
    extractor = _extractor(nlp, "hybrid", add_above=0.2, repair_below=0.2, drop_below=0.01)
    first = extractor(nlp(TEXT))._.dyad_events
    second = extractor(nlp(TEXT))._.dyad_events
    assert first == second


def test_a_missing_model_file_is_one_clear_line(nlp, tmp_path):
    from dyad.nlp import load_pipeline

    missing = tmp_path / "absent.npz"
    settings = load_settings(
        overrides={_SECTION + "coder": "hybrid", _SECTION + "learned_model": str(missing)}
    )
    with pytest.raises(ConfigError) as caught:
        load_pipeline(settings)
    message = str(caught.value)
    assert "\n" not in message
    assert str(missing) in message and "dyad train events" in message
    assert "nlp.components.dyad_events.learned_model" in message
    # the rule coder never reads the file
    make_event_extractor(
        nlp, "dyad_events", [], True, True, False, False, "rules", str(missing), 1.0, 0, 0, 0.5, 0.0,
        "", 0.0, _ATTRIBUTION, _NEWS_DAY_LAG, _HEADLINE_LEAD, _DATELINE_TOWNS,
    )  # fmt: skip


def test_an_unknown_coder_is_a_config_error():
    from dyad.nlp import load_pipeline

    with pytest.raises(ConfigError, match="rules"):
        load_pipeline(load_settings(overrides={_SECTION + "coder": "neural"}))


# -- the encoder shared between the learned coder and the sentiment model -----------------


@pytest.fixture(scope="module")
def learned_nlp():
    from dyad.nlp import load_pipeline

    return load_pipeline(load_settings(overrides={_SECTION + "coder": "learned"}))


def _encoded(nlp, texts: list[str]) -> tuple[list, list[str]]:
    """The docs of ``texts`` through nlp.pipe and every text the encoder read."""
    encoder = learned.encoder()
    read: list[str] = []

    def encode(texts, layers=(learned.LAYERS,)):
        read.extend(texts)
        return type(encoder).encode(encoder, texts, layers)

    encoder.encode = encode
    try:
        docs = list(nlp.pipe(texts))
    finally:
        del encoder.encode
    return docs, read


def test_the_coder_and_the_sentiment_model_encode_a_sentence_once(learned_nlp):
    texts = [TEXT, "Iraq praised Jordan. Jordan thanked Iraq for its help.", TEXT]
    events, framing = learned_nlp.get_pipe("dyad_events"), learned_nlp.get_pipe("dyad_framing")
    assert events.encode_layers == framing.encode_layers  # the layers either reads
    assert set(framing.head.layers) | {learned.LAYERS} == set(events.encode_layers)
    assert events.keep_encodings and not framing.keep_encodings
    docs, read = _encoded(learned_nlp, texts)
    assert len(read) == len(set(read))  # each sentence once, the third text's not again
    first = next(iter(docs[0].sents)).text
    assert first in read  # a sentence both read (two actors, acting)
    assert all(d._.dyad_encoded is None for d in docs)  # nothing left on the Docs
    # without sharing (the coder keeps nothing), the coder's sentences are encoded twice, and
    # the events and the sentiment are the same
    events.keep_encodings = False
    try:
        unshared, again = _encoded(learned_nlp, texts)
    finally:
        events.keep_encodings = True
    assert again.count(first) == 2
    for a, b in zip(docs, unshared, strict=True):
        assert a._.dyad_events == b._.dyad_events
        # the sentiment model encodes unshared sentences through four layers, not six: the
        # same layers from another graph, scores equal to float rounding
        fa, fb = a._.dyad_framing, b._.dyad_framing
        assert fa["labels"] == fb["labels"]
        assert [s["sentiment"] for s in fa["sentiment"]] == pytest.approx(
            [s["sentiment"] for s in fb["sentiment"]], abs=1e-5
        )
        assert [{**s, "sentiment": 0} for s in fa["sentiment"]] == [
            {**s, "sentiment": 0} for s in fb["sentiment"]
        ]


def test_kept_encodings_give_the_layers_asked_for():
    text = "Iran accused Iraq of sheltering the MEK."
    kept: dict = {}
    encode = learned.sharing_encode(kept, (3, 6))
    (last,) = encode([text])  # the last layer only, by default
    (direct,) = learned.encoder().encode([text])
    assert last.vectors.shape == direct.vectors.shape
    assert (last.vectors == direct.vectors).all()
    (both,) = encode([text], layers=(3, 6))
    assert both is kept[text] and both.vectors.shape[1] == 2 * learned.DIMENSIONS
    (third,) = encode([text], layers=(3,))
    assert not (third.vectors == last.vectors).all()  # another layer, not the last again


def test_a_last_reader_encodes_what_no_one_kept_with_its_own_layers_only():
    kept_text = "Iran accused Iraq of sheltering the MEK."
    new_text = "Albania welcomed the MEK."
    kept: dict = {}
    learned.sharing_encode(kept, (3, 6))([kept_text], layers=(3, 6))
    depths: list[int] = []
    encoder = learned.encoder()

    def encode(texts, layers=(learned.LAYERS,)):
        depths.append(max(layers))
        return type(encoder).encode(encoder, texts, layers)

    encoder.encode = encode
    try:
        last = learned.sharing_encode(kept, (3, 6), fresh=(3,))
        old, new = last([kept_text, new_text], layers=(3,))
        # a reader that keeps for others encodes every layer and keeps the text
        keeping = learned.sharing_encode(kept, (3, 6))
        keeping([new_text], layers=(3,))
    finally:
        del encoder.encode
    assert depths == [3, 6]  # the last reader ran three layers, the keeping one six
    assert (old.vectors == kept[kept_text].vectors[:, : learned.DIMENSIONS]).all()
    (direct,) = learned.encoder().encode([new_text], layers=(3,))
    assert new.vectors.shape == direct.vectors.shape
    assert np.allclose(new.vectors, direct.vectors)
    assert new_text in kept  # kept by the keeping reader only


def test_encoder_batches_hold_at_most_the_pieces_set():
    encoder = learned.encoder()
    budget = encoder.batch_pieces
    lengths = [5, 300, 40, 41, 7, 600, 39, 8, 100, 100, 100]
    batches = encoder.batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        widths = [lengths[i] for i in batch]
        assert widths == sorted(widths)  # similar lengths together, shortest first
        # padded to the longest: within the budget, unless one text is longer alone
        assert len(batch) * max(widths) <= budget or len(batch) == 1
    assert [600] in [[lengths[i] for i in b] for b in batches]
    # a budget of one piece sends every text alone
    encoder.batch_pieces = 1
    try:
        assert all(len(b) == 1 for b in encoder.batches(lengths))
    finally:
        encoder.batch_pieces = budget


def test_blas_threads_setting_limits_numpy_threads():
    from threadpoolctl import threadpool_info, threadpool_limits

    from dyad.nlp import load_pipeline

    def blas() -> set[int]:
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before = threadpool_limits(limits=2, user_api="blas")
    try:
        load_pipeline(load_settings(overrides={"nlp.blas_threads": 0}))
        assert blas() == {2}  # 0 leaves the library's setting
        load_pipeline(load_settings(overrides={"nlp.blas_threads": 1}))
        assert blas() == {1}
    finally:
        before.restore_original_limits()
