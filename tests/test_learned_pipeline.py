"""The learned event coder in the pipeline: the dyad_events ``coder`` setting ("rules",
"learned", "hybrid"), the encoder read only on sentences with two or more actor mentions (in
one batch), the same events on every run, and a missing model file as one clear line."""

from __future__ import annotations

import pytest

from dyad.config import load_settings
from dyad.errors import ConfigError
from dyad.events import learned
from dyad.events.component import make_event_extractor

_SECTION = "nlp.components.dyad_events."

#: one sentence with three interactions between four actors (the rule coder codes each; the
#: learned coder takes one actor pair a sentence), one with a single actor, one with none, and
#: one more with two actors
TEXT = (
    "Iran accused Iraq of sheltering the MEK, and Saudi Arabia condemned Israel. "
    "Russia protested on Monday. "
    "The weather was mild. "
    "Egypt met Jordan in Cairo."
)


def _extractor(nlp, coder: str, **limits):
    thresholds = {"add_above": 1.0, "drop_below": 0.0, "repair_below": 0.0,
                  "repair_above": 0.5} | limits  # fmt: skip
    return make_event_extractor(
        nlp, "dyad_events", [], True, True, coder, "",
        *(thresholds[k] for k in ("add_above", "drop_below", "repair_below", "repair_above")),
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
            overrides={_SECTION + "coder": "learned", _SECTION + "learned_add_above": 0.0}
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


def test_the_encoder_reads_only_sentences_with_two_actor_mentions_in_one_batch(nlp, monkeypatch):
    # parsed first: the pipeline's framing reads the same encoder for its sentiment
    docs = [nlp(TEXT), nlp("Russia protested on Monday. It rained."), nlp(TEXT)]
    encoder = learned.encoder()
    counting = _CountingSession(encoder.session)
    monkeypatch.setattr(encoder, "session", counting)
    _extractor(nlp, "hybrid", add_above=0.5)(docs[0])
    assert counting.rows == [2]  # the first and the last sentence, together
    counting.rows.clear()
    _extractor(nlp, "hybrid", add_above=0.5)(docs[1])
    assert counting.rows == []  # no sentence with two actors: no encoder run
    _extractor(nlp, "rules")(docs[2])
    assert counting.rows == []  # the rule coder never runs it


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
    make_event_extractor(nlp, "dyad_events", [], True, True, "rules", str(missing), 1.0, 0, 0, 0.5)


def test_an_unknown_coder_is_a_config_error():
    from dyad.nlp import load_pipeline

    with pytest.raises(ConfigError, match="rules"):
        load_pipeline(load_settings(overrides={_SECTION + "coder": "neural"}))
