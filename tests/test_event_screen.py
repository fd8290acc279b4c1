"""The event screen (dyad.events.screen): its features, its model file, its training labels, and
the pipeline dropping the events it scores below ``screen_below``."""

from __future__ import annotations

import numpy as np
import pytest

from dyad.config import load_settings
from dyad.errors import ConfigError, DyadError
from dyad.events.learned import DIMENSIONS, encoder
from dyad.events.ontology import MODALITIES, PLOVER_TYPES
from dyad.events.screen import EventScreen, load_screen, screen_features, screen_width
from dyad.events.screen_train import (
    _sides_meet,
    event_key,
    read_labels,
)

_SECTION = "nlp.components.dyad_events."


def _unscreened(nlp_settings_overrides=None):
    from dyad.nlp import load_pipeline

    overrides = {_SECTION + "screen_below": 0.0} | (nlp_settings_overrides or {})
    return load_pipeline(load_settings(overrides=overrides))


def _placed(doc):
    return lambda e: (doc.text[e["sentence_start"] : e["sentence_end"]], e["sentence_start"])


def test_features_are_the_sentence_and_trigger_means_then_the_flags(rule_nlp):
    text = "The weather was mild. Iran accused Iraq of sheltering the MEK."
    doc = rule_nlp(text)
    (accuse,) = [e for e in doc._.dyad_events if e["type"] == "ACCUSE"]
    layers = (3, 4)
    x = screen_features([accuse], _placed(doc), encoder().encode, layers)
    assert x.shape == (1, screen_width(layers))
    sentence = doc.text[accuse["sentence_start"] : accuse["sentence_end"]]
    (pieces,) = encoder().encode([sentence], layers=layers)
    width = DIMENSIONS * len(layers)
    assert np.allclose(x[0, :width], pieces.vectors.mean(axis=0), atol=1e-5)
    # the trigger's offsets are the document's: the second sentence starts past the first
    start = accuse["trigger_start"] - accuse["sentence_start"]
    assert sentence[start : start + len("accused")] == "accused"
    trigger = pieces.vectors[pieces.pieces_of(start, start + len("accused"))].mean(axis=0)
    assert np.allclose(x[0, width : 2 * width], trigger, atol=1e-5)
    flags = x[0, 2 * width :]
    types, flags = flags[: len(PLOVER_TYPES)], flags[len(PLOVER_TYPES) :]
    assert types.tolist() == [float(t == "ACCUSE") for t in PLOVER_TYPES]
    modality, flags = flags[: len(MODALITIES)], flags[len(MODALITIES) :]
    assert modality.sum() == 1 and MODALITIES[int(np.argmax(modality))] == accuse["modality"]
    nominal, sources, targets = flags[0], flags[1:5], flags[5:9]
    assert nominal == 0.0 and len(flags) == 9
    assert sources.tolist() == [1.0, 1.0, 1.0, 1.0]  # Iran: a coded state (IRN, GOV)
    assert targets[:3].tolist() == [1.0, 1.0, 1.0]


def test_an_event_without_a_source_has_zero_source_flags_and_its_dead_are_not_read():
    event = {"type": "ASSAULT", "modality": "asserted", "nominal": True, "killed": 3,
             "wounded": None, "sources": [],
             "targets": [{"text": "a market", "actor": None, "country": None, "sector": None}],
             "trigger_start": 2, "trigger_end": 6}  # fmt: skip
    x = screen_features([event], lambda e: ("A bomb hit a market.", 0), encoder().encode, (4,))
    flags = x[0, 2 * DIMENSIONS :]
    first = len(PLOVER_TYPES) + len(MODALITIES)
    assert flags[first] == 1.0  # coded from a noun
    # the dead dyad_claims counts later are not read: the screen runs before it
    assert flags[first + 1 :].tolist() == [0, 0, 0, 0, 1, 0, 0, 0]


def test_no_events_no_rows():
    assert screen_features([], lambda e: ("", 0), encoder().encode, (3, 4)).shape == (
        0,
        screen_width((3, 4)),
    )


def test_the_model_file_round_trips_and_bad_files_are_one_clear_line(tmp_path):
    shipped = load_screen()
    assert shipped.layers and shipped.info  # how it was made is in the file
    path = tmp_path / "screen.npz"
    shipped.save(path)
    again = EventScreen.load(path)
    assert again.layers == shipped.layers
    x = np.random.default_rng(0).normal(size=(3, screen_width(shipped.layers))).astype(np.float32)
    assert np.allclose(again.probabilities_of(x), shipped.probabilities_of(x))
    with pytest.raises(ConfigError, match="dyad train screen"):
        EventScreen.load(tmp_path / "missing.npz")
    np.savez(tmp_path / "old.npz", version=0, layers=np.array([4]), mean=np.zeros(3),
             scale=np.ones(3), coef=np.zeros(3), intercept=0.0)  # fmt: skip
    with pytest.raises(ConfigError, match="another dyad version"):
        EventScreen.load(tmp_path / "old.npz")


def test_a_threshold_out_of_range_is_a_config_error():
    with pytest.raises(ConfigError, match="screen_below"):
        _unscreened({_SECTION + "screen_below": 1.5})


def test_screen_below_zero_loads_no_model(tmp_path):
    nlp = _unscreened({_SECTION + "screen_model": str(tmp_path / "absent.npz")})
    assert nlp.get_pipe("dyad_events").screen is None


def test_the_pipeline_drops_exactly_the_events_scored_below_the_threshold(nlp, rule_nlp):
    text = (
        "Real Madrid beat Barcelona 3-1 on Saturday. Russian forces shelled the Ukrainian city "
        "of Kharkiv on Monday. Iran accused the United States of violating the nuclear agreement."
    )
    every, kept = rule_nlp(text), nlp(text)
    screen = nlp.get_pipe("dyad_events").screen
    below = nlp.get_pipe("dyad_events").screen_below
    found = every._.dyad_events
    p = screen.probabilities_of(screen_features(found, _placed(every), encoder().encode,
                                                screen.layers))  # fmt: skip
    expected = [e["trigger_start"] for e, q in zip(found, p, strict=True) if q >= below]
    assert [e["trigger_start"] for e in kept._.dyad_events] == expected
    assert len(expected) < len(found)  # it drops some


#: sentences written for this test (not in any training file): a sense of the trigger that is
#: no political event, and political events the screen must keep
NOT_EVENTS = [
    "Real Madrid beat Barcelona 3-1 on Saturday, and Vinicius Junior scored twice.",
    "The striker attacked the near post in the second half but the goalkeeper saved his shot.",
    "The band's new album attacks the listener with walls of distorted guitar.",
    "Heavy rain hit the coast on Sunday, flooding roads in three towns.",
    "The virus attacks the immune system and spreads through the blood.",
    "The Yankees crushed the Red Sox 9-2 at Fenway Park on Friday.",
]
EVENTS = [
    "Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three civilians.",
    "Iran accused the United States of violating the nuclear agreement.",
    "The European Union imposed new sanctions on Belarus over the forced landing of a plane.",
    "Egyptian President Abdel Fattah el-Sisi met Jordan's King Abdullah II in Cairo on Sunday.",
    "Israeli aircraft struck Hamas targets in Gaza overnight.",
    "Police in Nairobi arrested dozens of opposition protesters on Tuesday.",
    # incident reports and headlines with no named doer
    "Car bomb kills 12 near Baghdad market",
    "Suicide attack on police checkpoint leaves five dead in Ramadi",
    "Mortar shells hit a crowded neighbourhood in Tikrit, killing four.",
    "Twin blasts rock Basra, at least 20 dead",
    "Militants ambushed an army convoy near Kirkuk.",
]


def test_the_shipped_screen_keeps_political_events_and_drops_other_senses(nlp, rule_nlp):
    for sentence in EVENTS:
        assert rule_nlp(sentence)._.dyad_events, sentence  # the rule coder codes it
        assert nlp(sentence)._.dyad_events, f"the screen dropped: {sentence}"
    coded = [s for s in NOT_EVENTS if rule_nlp(s)._.dyad_events]
    assert len(coded) >= 4  # the rule coder codes most of them (the screen's work)
    dropped = [s for s in coded if not nlp(s)._.dyad_events]
    # measured with the shipped screen at 0.2: 3 of the 5 coded (the striker's "attacked" and
    # the rain's "hit" are kept); cross-validated it drops about half of such events
    assert len(dropped) >= len(coded) / 2, f"kept: {sorted(set(coded) - set(dropped))}"


# -- training -------------------------------------------------------------------------------


def test_event_keys_ignore_whitespace_runs_but_not_the_trigger():
    assert event_key("Iran  accused\nIraq.", "accused") == event_key(
        "Iran accused Iraq.", "accused"
    )
    assert event_key("Iran accused Iraq.", "accused") != event_key("Iran accused Iraq.", "Iran")
    assert len(event_key("x", "y")) == 16


def test_labels_are_read_and_a_bad_row_names_itself(tmp_path):
    good = tmp_path / "labels.tsv"
    good.write_text(
        "# a comment\ncorpus\titem\tkey\tverdict\tjudgement\n"
        "gwn\t3\tabc\tcorrect\tj\nnewsmtsc\t10\tdef\tsense\tj\n",
        encoding="utf-8",
    )
    assert read_labels(good) == {("gwn", 3, "abc"): "correct", ("newsmtsc", 10, "def"): "sense"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("corpus\titem\tkey\tverdict\ngwn\t3\tabc\tmaybe\n", encoding="utf-8")
    with pytest.raises(DyadError, match="data row 1"):
        read_labels(bad)
    with pytest.raises(DyadError, match="--labels"):
        read_labels(tmp_path / "absent.tsv")


def test_the_shipped_labels_file_reads():
    from dyad.events.screen_train import LABELS_PATH

    if not LABELS_PATH.is_file():
        pytest.skip(f"not a checkout of dyad: no {LABELS_PATH}")
    labels = read_labels(LABELS_PATH)
    assert len(labels) > 500
    assert {v for v in labels.values()} == {"correct", "partial", "sense", "noevent"}


def test_a_marked_pair_labels_only_an_event_joining_it():
    spans = [("source", 0, 4), ("target", 13, 17)]  # "Iran accused Iraq of ..."
    iran = {"start": 0, "end": 4}
    iraq = {"start": 13, "end": 17}
    other = {"start": 30, "end": 33}
    assert _sides_meet({"sources": [iran], "targets": [iraq]}, spans)
    assert _sides_meet({"sources": [iraq], "targets": [iran]}, spans)  # either way round
    assert not _sides_meet({"sources": [iran], "targets": [other]}, spans)
    assert not _sides_meet({"sources": [iran], "targets": []}, spans)
    assert not _sides_meet({"sources": [iran], "targets": [iran]}, [("source", 0, 4)])


def _corpus(tmp_path, sentences: list[str]):
    """A data root whose NewsMTSC training file holds ``sentences`` (one a line)."""
    import json

    folder = tmp_path / "eval" / "newsmtsc"
    folder.mkdir(parents=True)
    lines = [json.dumps({"sentence_normalized": s, "targets": []}) for s in sentences]
    (folder / "newsmtsc.train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _labels(path, nlp, sentences: dict[int, str], verdict_of) -> int:
    """A labels file with a verdict for every event ``nlp``'s rule coder finds in each line."""
    rows = ["corpus\titem\tkey\tverdict\tjudgement"]
    extractor = nlp.get_pipe("dyad_events")
    with extractor.unscreened():
        for item, text in sentences.items():
            doc = nlp(text)
            for e in doc._.dyad_events:
                sentence = doc.text[e["sentence_start"] : e["sentence_end"]]
                rows.append(f"newsmtsc\t{item}\t{event_key(sentence, e['trigger'])}\t"
                            f"{verdict_of(item)}\ttest")  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


def test_training_on_a_small_labelled_corpus_writes_a_screen_that_scores_its_test(nlp, tmp_path):
    from dyad.events.screen_train import FitSettings, train

    sentences = [*NOT_EVENTS, *EVENTS[:6]]
    root = _corpus(tmp_path, sentences)
    sense = set(range(len(NOT_EVENTS)))
    training = {i: s for i, s in enumerate(sentences) if i not in (0, len(NOT_EVENTS))}
    held = {0: sentences[0], len(NOT_EVENTS): sentences[len(NOT_EVENTS)]}
    verdict = lambda i: "sense" if i in sense else "correct"  # noqa: E731
    n = _labels(tmp_path / "labels.tsv", nlp, training, verdict)
    _labels(tmp_path / "test.tsv", nlp, held, verdict)
    settings = FitSettings(1.0, (4,), 2, 500, False, "", ("sense",), ("noevent",))
    out = tmp_path / "screen.npz"
    result = train(nlp, root, out, labels_path=tmp_path / "labels.tsv",
                   test_labels_path=tmp_path / "test.tsv", below=0.5, settings=settings)  # fmt: skip
    assert result["labels_matched"] == n  # every labelled event found again
    assert result["test_events"] >= 2 and 0.0 <= result["test_real_kept"] <= 1.0
    screen = EventScreen.load(out)
    assert screen.layers == (4,) and "never trained on" in screen.info
    # a test file labelling a text the training file labels is refused
    _labels(tmp_path / "overlap.tsv", nlp, {1: sentences[1]}, verdict)
    with pytest.raises(DyadError, match="never trained on"):
        train(nlp, root, out, labels_path=tmp_path / "labels.tsv",
              test_labels_path=tmp_path / "overlap.tsv", below=0.5, settings=settings)  # fmt: skip


def test_a_bad_training_setting_is_one_line_on_the_command_line(dyad_cmd, tmp_path):
    import subprocess

    config = tmp_path / "bad.cfg"
    config.write_text("[train.screen]\nlayers = [9]\n", encoding="utf-8")
    run = subprocess.run([*dyad_cmd, "train", "screen", "-c", str(config), "--out",
                          str(tmp_path / "s.npz")], capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "train.screen.layers" in run.stderr
    assert not (tmp_path / "s.npz").exists()
