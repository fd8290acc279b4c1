"""Target sentiment: how a sentence speaks of one person or group it names.

A target is a sentence and the characters of one mention in it. all-MiniLM-L6-v2 reads the
sentence (the int8 ONNX encoder of the learned event coder, dyad.events.learned.encoder, run
with ONNX Runtime on the CPU), optionally with marker text around the target ("[ the MEK ]")
so that its attention knows which mention is meant. A target's features are the mean
contextual vector of the target's word pieces, the mean of the whole sentence's pieces, and
the means of the few pieces just before and just after the target (its ``context``), in each
of the encoder layers the head was fitted with (the middle ones, 2-4: the encoder then runs
only its first four layers; docs/according-to-whom.md says how they were chosen).

A multinomial logistic regression over the standardised features gives P(negative),
P(neutral), P(positive); a mention's score is P(positive) − P(negative), in −1..1. The weights,
the markers and layers they were fitted with and how they were chosen are a small ``.npz`` file in the
package (``data/sentiment_head.npz``), made by ``dyad train sentiment`` (dyad.framing.train)
from NewsMTSC's training split. Only numpy and ONNX Runtime run here; nothing is downloaded.

Targets go to the encoder together, one ONNX run per batch (texts of similar length share a
batch); the same marked text is encoded once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..errors import ConfigError
from ..events.learned import DIMENSIONS, LAYERS, Encoded, encoder, read_model

__all__ = [
    "CLASSES",
    "SentimentHead",
    "Target",
    "default_head_path",
    "features_of",
    "load_head",
    "marked",
    "target_features",
]

CLASSES = ("negative", "neutral", "positive")
MODEL_VERSION = 1


def features_of(layers: Sequence[int], context: int = 0) -> int:
    """How many features a target has: the target's mean and the sentence's, per layer, and
    with ``context`` the means of the pieces just before and just after the target."""
    return (4 if context else 2) * DIMENSIONS * len(layers)


class Target(NamedTuple):
    """A sentence and the characters ``start:end`` of the mention whose sentiment is asked."""

    text: str
    start: int
    end: int


def marked(target: Target, markers: tuple[str, str]) -> Target:
    """The sentence with ``markers`` around the target, and the target's place in it."""
    left, right = markers
    text, start, end = target
    return Target(
        text[:start] + left + text[start:end] + right + text[end:],
        start + len(left),
        end + len(left),
    )


def target_features(
    targets: Sequence[Target],
    markers: tuple[str, str],
    layers: Sequence[int],
    encode: Callable[..., list[Encoded]] | None = None,
    context: int = 0,
) -> np.ndarray:
    """The feature matrix (len(targets), features_of(layers, context)): for each layer the
    mean vector of the target's pieces, then for each layer the sentence's; with ``context``
    (a number of pieces) then for each layer the mean of the ``context`` pieces before the
    target, then of those after it (zeros where the sentence has none). Every distinct marked
    sentence is encoded once, all in one call of the encoder (one ONNX run per batch)."""
    width = len(layers) * DIMENSIONS
    out = np.zeros((len(targets), features_of(layers, context)), dtype=np.float32)
    if not len(targets):
        return out
    shown = [marked(t, markers) for t in targets]
    texts = list(dict.fromkeys(t.text for t in shown))
    encoded = dict(zip(texts, (encode or encoder().encode)(texts, layers=layers), strict=True))
    whole: dict[str, np.ndarray] = {}  # a sentence's mean, once for all its targets
    for row, (text, start, end) in enumerate(shown):
        pieces = encoded[text]
        if not len(pieces.vectors):
            continue
        inside = pieces.pieces_of(start, end)
        if len(inside):  # a target cut off past the encoder's length limit has zeros
            out[row, :width] = pieces.vectors[inside].mean(axis=0)
        if text not in whole:
            whole[text] = pieces.vectors.mean(axis=0)
        out[row, width : 2 * width] = whole[text]
        if context and len(inside):
            first, last = int(inside.min()), int(inside.max()) + 1
            if first:
                out[row, 2 * width : 3 * width] = pieces.vectors[
                    max(0, first - context) : first
                ].mean(axis=0)
            if last < len(pieces.vectors):
                out[row, 3 * width :] = pieces.vectors[last : last + context].mean(axis=0)
    return out


def default_head_path() -> Path:
    return Path(str(resources.files("dyad.framing").joinpath("data", "sentiment_head.npz")))


@dataclass
class SentimentHead:
    """The trained head: standardisation, weights (one row per class of CLASSES), and the
    markers, encoder layers and context (pieces either side of the target, 0 for none) its
    features are read with."""

    mean: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)
    coef: np.ndarray  # (len(CLASSES), features)
    intercept: np.ndarray  # (len(CLASSES),)
    markers: tuple[str, str]
    layers: tuple[int, ...]
    info: str = ""
    context: int = 0

    @classmethod
    def load(cls, path: str | Path | None = None) -> SentimentHead:
        path = Path(path) if path else default_head_path()
        retrain = "retrain it with `dyad train sentiment`"
        arrays = read_model(
            path,
            "sentiment model",
            "dyad train sentiment",
            "nlp.components.dyad_framing.sentiment_model",
            ("mean", "scale", "coef", "intercept", "classes", "markers", "layers"),
        )
        layers = tuple(int(k) for k in arrays["layers"])
        context = int(arrays.get("context", 0))  # heads written before it was one: none
        width = features_of(layers, context) if layers else 0
        if (
            int(arrays.get("version", -1)) != MODEL_VERSION
            or not layers
            or not all(1 <= k <= LAYERS for k in layers)
            or context < 0
            or arrays["mean"].shape != (width,)
            or arrays["scale"].shape != (width,)
            or arrays["coef"].shape != (len(CLASSES), width)
            or arrays["intercept"].shape != (len(CLASSES),)
            or len(arrays["markers"]) != 2
            or tuple(str(c) for c in arrays["classes"]) != CLASSES
        ):
            raise ConfigError(
                f"sentiment model {path} was made for another dyad version; {retrain}"
            )
        left, right = (str(m) for m in arrays["markers"])
        return cls(
            arrays["mean"].astype(np.float32),
            arrays["scale"].astype(np.float32),
            arrays["coef"].astype(np.float32),
            arrays["intercept"].astype(np.float32),
            (left, right),
            layers,
            str(arrays.get("info", "")),
            context,
        )

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            version=np.int64(MODEL_VERSION),
            classes=np.asarray(CLASSES),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            markers=np.asarray(self.markers),
            layers=np.asarray(self.layers, dtype=np.int64),
            context=np.int64(self.context),
            info=np.asarray(self.info),
        )

    def probabilities_of(self, x: np.ndarray) -> np.ndarray:
        """(len(x), 3): P(negative), P(neutral), P(positive) of feature rows. Each row's
        scores are computed on their own (einsum's loops, not BLAS, whose float32 sums change in
        the last bits with the number of rows): a mention's score does not depend on which
        documents' mentions share its batch, so a resumed run, or a Dask partition, stores the
        scores of an uninterrupted run, to the bit."""
        z = np.einsum("ij,kj->ik", (x - self.mean) / self.scale, self.coef) + self.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def probabilities(self, targets: Sequence[Target], encode=None) -> np.ndarray:
        if not len(targets):
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        x = target_features(targets, self.markers, self.layers, encode, self.context)
        return self.probabilities_of(x)

    def labels(self, targets: Sequence[Target], encode=None) -> list[str]:
        return [CLASSES[int(k)] for k in self.probabilities(targets, encode).argmax(axis=1)]

    def scores(self, targets: Sequence[Target], encode=None) -> list[float]:
        """P(positive) − P(negative) for each target: −1 hostile .. 1 favourable."""
        p = self.probabilities(targets, encode)
        return [float(row[2] - row[0]) for row in p]


@lru_cache(maxsize=4)
def load_head(path: str = "") -> SentimentHead:
    return SentimentHead.load(path or None)
