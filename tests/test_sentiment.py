"""The target-sentiment model (dyad.framing.target): the shipped head on sentences written for
these tests, `dyad eval sentiment --data DIR` on files written here, and `dyad train sentiment`
on a tiny file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from conftest import write
from dyad.actors.labels import ACTING_LABELS
from dyad.config import load_settings
from dyad.errors import ConfigError
from dyad.evaluation import evaluate
from dyad.events.learned import encoder
from dyad.framing.target import (
    CLASSES,
    SentimentHead,
    Target,
    features_of,
    load_head,
    marked,
    target_features,
)
from dyad.framing.train import read_newsmtsc


def _target(sentence: str, name: str) -> Target:
    start = sentence.index(name)
    return Target(sentence, start, start + len(name))


#: (sentence, target, label): written for these tests
HOSTILE = [
    ("The Norland Front, a gang of murderous thugs, slaughtered innocent villagers and "
     "terrorised the town.", "Norland Front"),
    ("Critics say Governor Ralph Ondine is a corrupt liar who betrayed his voters and "
     "looted the treasury.", "Ralph Ondine"),
]  # fmt: skip
PRAISING = [
    ("Admirers hailed Maria Kessler as a brave and generous leader whose kindness saved "
     "countless lives.", "Maria Kessler"),
    ("The Harbour Trust won wide praise for its honest, tireless work helping flood victims "
     "rebuild their homes.", "Harbour Trust"),
]  # fmt: skip


def test_the_shipped_head_reads_hostility_and_praise() -> None:
    head = load_head()
    hostile = [_target(s, n) for s, n in HOSTILE]
    praising = [_target(s, n) for s, n in PRAISING]
    assert head.labels(hostile) == ["negative"] * len(hostile)
    assert head.labels(praising) == ["positive"] * len(praising)
    scores = head.scores(hostile + praising)
    assert all(-1 <= s <= 1 for s in scores)
    assert max(scores[: len(hostile)]) < 0 < min(scores[len(hostile) :])
    assert "cross-validated" in head.info


def test_the_sentiment_is_the_targets_own() -> None:
    """One sentence, two targets: the one praised and the one condemned read differently."""
    sentence = ("Villagers thanked Doctor Amara Lind for her courage after the vicious warlord "
                "Kessman burned their homes.")  # fmt: skip
    hero, villain = _target(sentence, "Amara Lind"), _target(sentence, "Kessman")
    good, bad = load_head().scores([hero, villain])
    assert good > bad


def test_features_are_the_target_and_sentence_means_of_each_layer() -> None:
    text = "Rebels of the Kalmar Union attacked the convoy."
    target = _target(text, "Kalmar Union")
    layers = (5, 6)
    (row,) = target_features([target], ("", ""), layers)
    (pieces,) = encoder().encode([text], layers=layers)
    inside = [k for k, (a, b) in enumerate(pieces.offsets) if a < target.end and target.start < b]
    assert row.shape == (features_of(layers),) == (4 * 384,)
    np.testing.assert_allclose(row[: 2 * 384], pieces.vectors[inside].mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(row[2 * 384 :], pieces.vectors.mean(axis=0), rtol=1e-5)
    # the last layer's columns are the event coder's vectors of the same pieces
    (last,) = encoder().encode([text])
    np.testing.assert_allclose(pieces.vectors[:, 384:], last.vectors, rtol=1e-5)
    # with markers the target is found inside the marked text, and the features change
    shown = marked(target, ("[ ", " ]"))
    assert shown.text[shown.start : shown.end] == "Kalmar Union"
    assert shown.text[shown.start - 2 : shown.end + 2] == "[ Kalmar Union ]"
    (with_markers,) = target_features([target], ("[ ", " ]"), layers)
    assert not np.allclose(row, with_markers)


def test_context_features_are_the_means_of_the_pieces_either_side() -> None:
    text = "Yesterday the rebels of the Kalmar Union attacked a convoy near the river."
    layers, width = (2, 3), 2 * 384
    (pieces,) = encoder().encode([text], layers=layers)

    def row_of(name: str, context: int) -> np.ndarray:
        (row,) = target_features([_target(text, name)], ("", ""), layers, context=context)
        assert row.shape == (features_of(layers, context),)
        return row

    row, plain = row_of("Kalmar Union", 3), row_of("Kalmar Union", 0)
    assert row.shape == (4 * width,) and plain.shape == (2 * width,)
    np.testing.assert_array_equal(row[: 2 * width], plain)  # target and sentence as before
    target = _target(text, "Kalmar Union")
    inside = pieces.pieces_of(target.start, target.end)
    first, last = int(inside.min()), int(inside.max()) + 1
    before, after = pieces.vectors[first - 3 : first], pieces.vectors[last : last + 3]
    assert len(before) == len(after) == 3
    np.testing.assert_allclose(row[2 * width : 3 * width], before.mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(row[3 * width :], after.mean(axis=0), rtol=1e-5)
    # a target that opens the sentence has nothing before it, one that closes it nothing after
    opening, closing = row_of("Yesterday", 3), row_of("river.", 3)
    assert not opening[2 * width : 3 * width].any() and opening[3 * width :].any()
    assert closing[2 * width : 3 * width].any() and not closing[3 * width :].any()


def test_a_head_written_before_context_reads_none(tmp_path: Path) -> None:
    layers = (6,)
    width = features_of(layers)
    rng = np.random.default_rng(0)
    head = SentimentHead(np.zeros(width, np.float32), np.ones(width, np.float32),
                         rng.normal(size=(3, width)).astype(np.float32),
                         np.zeros(3, np.float32), ("", ""), layers)  # fmt: skip
    np.savez(tmp_path / "old.npz", **_arrays(head))  # no "context" array
    old = SentimentHead.load(tmp_path / "old.npz")
    assert old.context == 0 and old.coef.shape == (3, width)
    # the same weights said to read 5 pieces either side are the wrong width: refused
    np.savez(tmp_path / "wide.npz", **_arrays(head), context=np.int64(5))
    with pytest.raises(ConfigError, match="another dyad version"):
        SentimentHead.load(tmp_path / "wide.npz")


@pytest.mark.parametrize("context", [-1, "5"])
def test_train_sentiment_context_must_be_a_count_of_pieces(context) -> None:
    from dyad.errors import DyadError
    from dyad.framing.train import FitSettings

    settings = load_settings(overrides={"train.sentiment.context": context})
    with pytest.raises(DyadError, match=r"train\.sentiment\.context"):
        FitSettings.from_settings(settings)


def test_a_model_file_from_elsewhere_is_refused(tmp_path: Path) -> None:
    head = load_head()
    bad = SentimentHead(head.mean[:10], head.scale[:10], head.coef[:, :10], head.intercept,
                        head.markers, head.layers)  # fmt: skip
    bad.save(tmp_path / "bad.npz")
    with pytest.raises(ConfigError, match="dyad train sentiment"):
        SentimentHead.load(tmp_path / "bad.npz")
    with pytest.raises(ConfigError, match="does not exist"):
        SentimentHead.load(tmp_path / "missing.npz")
    # an .npz of other arrays (no weights at all) gets the same one-line error, no KeyError
    np.savez(tmp_path / "other.npz", version=np.int64(1), layers=np.asarray([6]))
    with pytest.raises(ConfigError, match="lacks mean"):
        SentimentHead.load(tmp_path / "other.npz")
    # the right keys with weights of the wrong shape
    np.savez(tmp_path / "shape.npz", **{**_arrays(head), "coef": head.coef[:2]})
    with pytest.raises(ConfigError, match="another dyad version"):
        SentimentHead.load(tmp_path / "shape.npz")


def _arrays(head: SentimentHead) -> dict:
    return {
        "version": np.int64(1), "classes": np.asarray(CLASSES), "mean": head.mean,
        "scale": head.scale, "coef": head.coef, "intercept": head.intercept,
        "markers": np.asarray(head.markers), "layers": np.asarray(head.layers),
    }  # fmt: skip


# -- dyad eval sentiment --data DIR -------------------------------------------------------------


def _record(sentence: str, name: str, polarity: float, other: tuple[str, float] | None = None):
    start = sentence.index(name)
    targets = [{"Input.gid": "own", "from": start, "to": start + len(name), "mention": name,
                "polarity": polarity}]  # fmt: skip
    if other is not None:  # a second target listed first: the primary one is still scored
        at = sentence.index(other[0])
        targets.insert(0, {"Input.gid": "other", "from": at, "to": at + len(other[0]),
                           "mention": other[0], "polarity": other[1]})  # fmt: skip
    return json.dumps({"primary_gid": "own", "sentence_normalized": sentence, "targets": targets})


def _jsonl(path: Path, records: list[str]) -> Path:
    return write(path, "\n".join(records) + "\n")


def test_eval_sentiment_scores_the_files_of_a_folder(tmp_path: Path) -> None:
    """Gold labels that agree with plain readings score 1; the same records with the gold
    labels swapped score 0; a training file in the folder is not scored."""
    right = [_record(s, n, 2.0) for s, n in HOSTILE] + [_record(s, n, 6.0) for s, n in PRAISING]
    swapped = [_record(s, n, 6.0) for s, n in HOSTILE] + [_record(s, n, 2.0) for s, n in PRAISING]
    folder = tmp_path / "sets"
    _jsonl(folder / "right.dev.jsonl", right)
    _jsonl(folder / "swapped.dev.jsonl", swapped)
    _jsonl(folder / "mine.train.jsonl", ["this is not even JSON"])
    (result,) = evaluate(["sentiment"], load_settings(), data=folder)
    assert result.status == "scored" and result.n == 8
    by_file = result.details["by_file"]
    assert set(by_file) == {"right.dev.jsonl", "swapped.dev.jsonl"}
    assert by_file["right.dev.jsonl"]["accuracy"] == 1.0
    assert (
        by_file["right.dev.jsonl"]["f1_negative"]
        == by_file["right.dev.jsonl"]["f1_positive"]
        == 1.0
    )
    assert by_file["swapped.dev.jsonl"]["accuracy"] == 0.0
    assert result.metrics["accuracy"] == 0.5
    assert set(result.metrics) == {"accuracy", "macro_f1"} | {f"f1_{c}" for c in CLASSES}


def test_eval_sentiment_reads_the_primary_target(tmp_path: Path) -> None:
    sentence, name = PRAISING[0]
    record = _record(sentence, name, 6.0, other=("countless lives", 2.0))
    (item,) = read_newsmtsc(_jsonl(tmp_path / "x.dev.jsonl", [record]), every_target=False)
    assert item.target.text[item.target.start : item.target.end] == name
    assert item.label == "positive" and item.primary
    both = read_newsmtsc(tmp_path / "x.dev.jsonl")
    assert [i.label for i in both] == ["negative", "positive"]


def test_eval_sentiment_on_the_command_line(tmp_path: Path, dyad_cmd) -> None:
    folder = tmp_path / "sets"
    _jsonl(folder / "a.dev.jsonl", [_record(s, n, 2.0) for s, n in HOSTILE])
    run = subprocess.run(
        [*dyad_cmd, "eval", "sentiment", "--data", str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "macro_f1" in run.stdout and "sentiment by file" in run.stdout
    run = subprocess.run(
        [*dyad_cmd, "eval", "sentiment", "--data", str(folder), "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    (result,) = json.loads(run.stdout)
    assert result["n"] == len(HOSTILE) and result["metrics"]["f1_negative"] == 1.0
    assert list(result["details"]["by_file"]) == ["a.dev.jsonl"]
    _jsonl(folder / "b.dev.jsonl", ['{"sentence_normalized": "No targets here."}'])
    run = subprocess.run(
        [*dyad_cmd, "eval", "sentiment", "--data", str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode != 0
    assert "b.dev.jsonl line 1" in run.stderr and "Traceback" not in run.stderr


# -- dyad train sentiment -----------------------------------------------------------------------

_TRAIN = [
    ("The Osterby Guard tortured prisoners and burned the market.", "Osterby Guard", 2.0),
    ("Everyone despises Mayor Lund, a cruel and dishonest bully.", "Mayor Lund", 2.0),
    ("The Vell clan murdered a family and stole their cattle.", "Vell clan", 2.0),
    ("Reporters exposed Senator Rask as a fraud who lied about the war.", "Senator Rask", 2.0),
    ("The Osterby council met on Tuesday to discuss the budget.", "Osterby council", 4.0),
    ("Mayor Lund will travel to the capital next week.", "Mayor Lund", 4.0),
    ("The Vell clan lives in the northern valley.", "Vell clan", 4.0),
    ("Senator Rask spoke to journalists after the session.", "Senator Rask", 4.0),
    ("The Osterby nurses were celebrated for their heroic care of the wounded.",
     "Osterby nurses", 6.0),
    ("Mayor Lund earned gratitude for his wise and generous leadership.", "Mayor Lund", 6.0),
    ("The Vell choir delighted the crowd with a beautiful concert.", "Vell choir", 6.0),
    ("Senator Rask was praised as an honest champion of the poor.", "Senator Rask", 6.0),
]  # fmt: skip


def test_train_sentiment_writes_a_model_that_loads(tmp_path: Path, dyad_cmd) -> None:
    data = _jsonl(tmp_path / "tiny.jsonl", [_record(s, n, p) for s, n, p in _TRAIN])
    config = write(
        tmp_path / "fit.cfg", "[train.sentiment]\nfolds = 2\nlayers = [6]\ncontext = 2\n"
    )
    model = tmp_path / "out" / "head.npz"
    run = subprocess.run(
        [*dyad_cmd, "train", "sentiment", "--data", str(data), "--out", str(model),
         "-c", str(config)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "2-fold cross-validated on tiny.jsonl" in run.stdout
    assert "macro_f1" in run.stdout and "f1_neutral" in run.stdout
    head = SentimentHead.load(model)
    assert head.layers == (6,) and head.context == 2
    assert head.coef.shape == (3, features_of((6,), 2)) == (3, 4 * 384)
    assert "12 targets of tiny.jsonl" in head.info
    # fitted on these sentences, it reads them back (a fit that learned nothing would not)
    targets = [_target(s, n) for s, n, _ in _TRAIN]
    gold = ["negative"] * 4 + ["neutral"] * 4 + ["positive"] * 4
    assert head.labels(targets) == gold


def test_train_sentiment_runs_the_encoder_its_settings_name(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyad.cli import app
    from dyad.events import learned

    data = _jsonl(tmp_path / "tiny.jsonl", [_record(s, n, p) for s, n, p in _TRAIN])
    config = write(tmp_path / "fit.cfg",
                   "[nlp]\nencoder_batch_pieces = 64\n\n[train.sentiment]\nfolds = 2\nlayers = [1]\n")  # fmt: skip
    try:
        run = CliRunner().invoke(app, ["train", "sentiment", "--data", str(data), "--out",
                                       str(tmp_path / "m.npz"), "-c", str(config)])  # fmt: skip
        assert run.exit_code == 0, run.output
        assert learned.encoder().batch_pieces == 64  # the file's, not the packaged 512
    finally:
        learned.use_encoder_settings(load_settings())


def test_train_sentiment_refuses_a_file_that_is_not_newsmtsc(tmp_path: Path, dyad_cmd) -> None:
    data = write(
        tmp_path / "bad.jsonl", '{"sentence_normalized": "A.", "targets": [{"from": 0}]}\n'
    )
    run = subprocess.run(
        [*dyad_cmd, "train", "sentiment", "--data", str(data), "--out", str(tmp_path / "m.npz")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode != 0
    assert "bad.jsonl line 1" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "m.npz").exists()


# -- in the pipeline ----------------------------------------------------------------------------


class _CountingSession:
    """The real ONNX session, counting its runs and the sentences each run reads."""

    def __init__(self, session) -> None:
        self.session = session
        self.batches: list[int] = []

    def run(self, names, feeds):
        self.batches.append(len(feeds["input_ids"]))
        return self.session.run(names, feeds)

    def get_inputs(self):
        return self.session.get_inputs()


def test_the_pipeline_scores_mentions_in_batches(nlp) -> None:
    """The mentions of several documents go to the encoder in one run; a sentence naming two
    actors is encoded once; each mention gets its own score."""
    texts = [
        "Iran condemned the brutal MEK. The United States praised Albania for its kindness.",
        "Iraq welcomed the generous help of Albania.",
        "Iran and Iraq signed a trade deal.",
    ]
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        if name != "dyad_framing":
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    for doc in docs:  # what dyad_events' screen encoded goes: the framing encodes on its own
        doc._.dyad_encoded = None
    framing = nlp.get_pipe("dyad_framing")
    shared = encoder()
    depth = max(framing.encode_layers)
    counting = _CountingSession(shared.session_for(depth))
    shared.sessions[depth] = counting
    try:
        docs = list(framing.pipe(docs))
    finally:
        shared.sessions[depth] = counting.session
    scored = [s for d in docs for s in d._.dyad_framing["sentiment"]]
    assert len(scored) >= 7  # Iran, MEK, United States, Albania; Iraq, Albania; Iran, Iraq
    assert counting.batches == [4]  # four sentences with actors, one run
    by_actor = {(d.text[:4], s["actor"]): s["sentiment"]
                for d in docs for s in d._.dyad_framing["sentiment"]}  # fmt: skip
    assert by_actor[("Iran", "mek")] < 0 < by_actor[("Iraq", "alb")]


def test_places_and_modifiers_get_no_sentiment(nlp) -> None:
    # "in Iraq" is where the protest was, "Iranian" qualifies the consulate: neither is an
    # actor the sentence speaks of; the protesters and the MEK are
    doc = nlp("Angry protesters in Iraq burned the Iranian consulate and praised the MEK.")
    labels = {m["start"]: m["label"] for m in doc._.dyad_actors}
    scored = {s["start"] for s in doc._.dyad_framing["sentiment"]}
    assert {labels[start] for start in scored} <= ACTING_LABELS
    assert any(labels[start] == "place" for start in labels)  # the sentence has a place ...
    assert not any(labels[start] in ("place", "modifier") for start in scored)  # ... unscored
    assert any(s["actor"] == "mek" for s in doc._.dyad_framing["sentiment"])


# -- valence shifters: a target taken out of a hostile state (data/shifters.tsv) ------------


#: written for these tests: the target leaves a state whose words are hostile
LEAVING = [
    "The European Union struck Hamas off its list of banned terrorist organisations.",
    "Canada removed the PKK from its blacklist of violent terrorist groups last week.",
    "The PKK was removed from the list of terrorist organisations on Monday.",
    "A judge cleared Hezbollah of murder and terrorism charges.",
]


def test_a_target_taken_out_of_a_hostile_state_is_not_judged_hostile(nlp) -> None:
    """The head alone reads the state's hostile words as hostility toward the target; in the
    pipeline the target that leaves the state is at least neutral."""
    head = load_head()
    for text in LEAVING:
        doc = nlp(text)
        rows = [r for r in doc._.dyad_framing["sentiment"]
                if r["actor"] in ("hamas", "pkk", "hezbollah")]  # fmt: skip
        assert rows, text
        for row in rows:
            alone = head.scores([Target(text, row["start"], row["end"])])[0]
            assert row["sentiment"] >= 0 and row["sentiment"] >= alone, text
        assert any(head.scores([Target(text, r["start"], r["end"])])[0] < 0 for r in rows), text


def test_a_shifter_needs_a_hostile_state_and_the_target_as_its_object(nlp) -> None:
    head = load_head()
    for text in [
        # the state left has no hostile tone: the model's score stands
        "Angry soldiers removed the PKK from the burned village after a brutal battle.",
        # the target is the one who removes, not the one taken out
        "The PKK brutally removed the villagers from the terrorist camp it attacked.",
        # put on the list, not taken off it
        "The European Union put the PKK on its list of banned terrorist organisations.",
    ]:
        doc = nlp(text)
        rows = [r for r in doc._.dyad_framing["sentiment"] if r["actor"] == "pkk"]
        assert rows, text
        for row in rows:
            alone = head.scores([Target(text, row["start"], row["end"])])[0]
            assert row["sentiment"] == pytest.approx(alone, abs=1e-6), text
        assert any(r["sentiment"] < 0 for r in rows), text
