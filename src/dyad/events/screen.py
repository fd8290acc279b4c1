"""The event screen: is a coded event's trigger word used in the sense of an event at all?

The rule coder's verb and noun patterns fire on every sense of their words: "beat" in a match
report, "occupy" in a house advert, "attacks" of a virus, "hit" of a storm. On news no one here
wrote, a careful coder judged about one of the rule coder's events in five to be another sense
of its trigger. The screen is a logistic head that reads what the sentence and its trigger word
mean in context and gives the probability that the event is not such a sense error; events
below ``screen_below`` (nlp.components.dyad_events) are dropped. It reads the events as
dyad_events makes them (the dead and wounded dyad_claims counts later are not read).

Features of one event (:func:`screen_features`), per encoder layer of the head: the mean
contextual vector of the sentence's word pieces and of the trigger word's pieces (MiniLM, the
encoder of dyad.events.learned, shared with the sentiment head: the same sentence is encoded
once for both); then the event's PLOVER type and modality (one-hot), whether it is coded from
a noun, and for its sources and its targets whether it has any, any that is an actor, any with
a country and any with a sector.

The weights are a small ``.npz`` file in the package (``data/event_screen.npz``), made by
``dyad train screen`` (dyad.events.screen_train) from careful-coder judgements of the rule
coder's events in GeoWebNews articles, NewsMTSC sentences, GTD summaries and UCDP headlines
(``training/event_screen_labels.tsv``; the texts are read from ``../shared``). Only numpy and ONNX Runtime run here; nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import ConfigError
from .learned import DIMENSIONS, Encoded, read_model
from .ontology import MODALITIES, PLOVER_TYPES

__all__ = [
    "EventScreen",
    "default_screen_path",
    "load_screen",
    "screen_features",
    "screen_width",
]

MODEL_VERSION = 1
#: per side (sources, then targets): any, any actor, any with a country, any with a sector
_SIDE_FLAGS = 4
_FLAGS = len(PLOVER_TYPES) + len(MODALITIES) + 1 + 2 * _SIDE_FLAGS


def screen_width(layers: Sequence[int]) -> int:
    """How many features an event has for a head reading ``layers``."""
    return 2 * DIMENSIONS * len(layers) + _FLAGS


def _side(people: Sequence[dict]) -> list[float]:
    return [
        float(bool(people)),
        float(any(p.get("actor") for p in people)),
        float(any(p.get("country") for p in people)),
        float(any(p.get("sector") for p in people)),
    ]


def screen_features(
    events: Sequence[dict],
    sentence_of: Callable[[dict], tuple[str, int]],
    encode: Callable[..., list[Encoded]],
    layers: Sequence[int],
) -> np.ndarray:
    """The feature matrix (len(events), screen_width(layers)). ``sentence_of(event)`` gives
    the event's sentence text and the character offset of that text in the event's document
    (its ``trigger_start``/``trigger_end`` are document offsets); ``encode`` is an encode
    function like dyad.events.learned.Encoder.encode. Every distinct sentence is encoded once,
    in one call."""
    width = len(layers) * DIMENSIONS
    out = np.zeros((len(events), screen_width(layers)), dtype=np.float32)
    if not events:
        return out
    placed = [sentence_of(e) for e in events]
    texts = list(dict.fromkeys(text for text, _ in placed))
    encoded = dict(zip(texts, encode(texts, layers=tuple(layers)), strict=True))
    whole: dict[str, np.ndarray] = {}
    for row, (event, (text, offset)) in enumerate(zip(events, placed, strict=True)):
        pieces = encoded[text]
        if len(pieces.vectors):
            if text not in whole:
                whole[text] = pieces.vectors.mean(axis=0)
            out[row, :width] = whole[text]
            inside = pieces.pieces_of(
                event["trigger_start"] - offset, event["trigger_end"] - offset
            )
            if len(inside):  # a trigger past the encoder's length limit has zeros
                out[row, width : 2 * width] = pieces.vectors[inside].mean(axis=0)
        flags = [float(event.get("type") == t) for t in PLOVER_TYPES]
        flags += [float(event.get("modality") == m) for m in MODALITIES]
        flags.append(float(bool(event.get("nominal"))))
        flags += _side(event.get("sources") or ())
        flags += _side(event.get("targets") or ())
        out[row, 2 * width :] = flags
    return out


def default_screen_path() -> Path:
    return Path(str(resources.files("dyad.events").joinpath("data", "event_screen.npz")))


@dataclass
class EventScreen:
    """A logistic head over standardised screen features (weights from a ``.npz`` file)."""

    layers: tuple[int, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    info: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventScreen:
        path = Path(path) if path else default_screen_path()
        arrays = read_model(
            path,
            "event screen model",
            "dyad train screen",
            "nlp.components.dyad_events.screen_model",
            ("layers", "mean", "scale", "coef", "intercept"),
        )
        layers = tuple(int(k) for k in arrays["layers"])
        if int(arrays.get("version", -1)) != MODEL_VERSION or arrays["mean"].shape != (
            screen_width(layers),
        ):
            raise ConfigError(
                f"event screen model {path} was made for another dyad version; retrain it with "
                "`dyad train screen`"
            )
        return cls(
            layers,
            arrays["mean"].astype(np.float32),
            arrays["scale"].astype(np.float32),
            arrays["coef"].astype(np.float32),
            float(arrays["intercept"]),
            str(arrays.get("info", "")),
        )

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            version=np.int64(MODEL_VERSION),
            layers=np.asarray(self.layers, dtype=np.int64),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=np.float32(self.intercept),
            info=np.asarray(self.info),
        )

    def probabilities_of(self, x: np.ndarray) -> np.ndarray:
        """P(a real, codeable event) of each row of screen features."""
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@lru_cache(maxsize=4)
def load_screen(path: str = "") -> EventScreen:
    return EventScreen.load(path or None)
