"""Training and cross-validating the target-sentiment head (dyad.framing.target).

    dyad train sentiment            # ../shared/eval/newsmtsc/newsmtsc.train.jsonl

Training data: NewsMTSC records (JSON lines: ``sentence_normalized`` and ``targets``, each
target with ``from``/``to`` character offsets and ``polarity`` 2 negative, 4 neutral,
6 positive). Every target of a record is an example (a sentence naming two people gives two).

Cross-validation: the examples fall in folds by sentence (all targets of one sentence in the
same fold, stratified by label); each fold is predicted by a head fitted on the others. The
cross-validated macro-F1 is the score to report for the training file; the dev files
(``dyad eval sentiment``) are never trained on. scikit-learn does the fitting; dyad only needs
numpy to apply the weights.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DyadError
from ..events.learned import LAYERS
from .target import CLASSES, SentimentHead, Target, target_features

__all__ = [
    "FitSettings",
    "Labelled",
    "cross_validate",
    "fit",
    "read_newsmtsc",
    "scores",
    "train",
]

TRAIN_PATH = "eval/newsmtsc/newsmtsc.train.jsonl"
#: NewsMTSC's polarity codes
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Labelled:
    target: Target
    label: str
    #: the record's line number in its file (its targets share a fold)
    record: int
    #: the record's own target (NewsMTSC's primary_gid), the one dev scores are about
    primary: bool
    file: str


def read_newsmtsc(path: Path, *, every_target: bool = True) -> list[Labelled]:
    """The labelled targets of a NewsMTSC file (or of every ``*.jsonl`` file of a folder):
    every target of each record, or only its primary one."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise DyadError(f"no NewsMTSC .jsonl file at {path}; pass a file or a folder holding them")
    out = []
    for file in files:
        lines = file.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["sentence_normalized"]
                targets = record["targets"]
                primary = next(
                    (t for t in targets if t.get("Input.gid") == record.get("primary_gid")),
                    targets[0],
                )
                chosen = targets if every_target else [primary]
                for t in chosen:
                    start, end = int(t["from"]), int(t["to"])
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"target {start}:{end} outside the sentence")
                    out.append(
                        Labelled(Target(text, start, end), POLARITY[float(t["polarity"])],
                                 number, t is primary, file.name)
                    )  # fmt: skip
            except (json.JSONDecodeError, KeyError, IndexError, TypeError, ValueError) as err:
                raise DyadError(
                    f"{file} line {number} is not a NewsMTSC record ({err!r}): it needs "
                    "sentence_normalized and targets with from, to and polarity (2, 4 or 6)"
                ) from err
    return out


@dataclass(frozen=True)
class FitSettings:
    """How the head is fitted: the ``[train.sentiment]`` settings of default.cfg."""

    c: float
    markers: tuple[str, str]
    layers: tuple[int, ...]
    context: int
    folds: int
    max_iter: int
    balanced: bool

    @classmethod
    def from_settings(cls, settings) -> FitSettings:
        markers = settings.value("train.sentiment.markers")
        if not (isinstance(markers, (list, tuple)) and len(markers) == 2):
            raise DyadError(
                "train.sentiment.markers must be two strings (before and after the target), "
                'e.g. ["[ ", " ]"]; fix it in your --config file'
            )
        layers = settings.value("train.sentiment.layers")
        if not (
            isinstance(layers, (list, tuple))
            and layers
            and all(isinstance(k, int) and 1 <= k <= LAYERS for k in layers)
        ):
            raise DyadError(
                f"train.sentiment.layers must be a list of encoder layers 1..{LAYERS}, "
                "e.g. [4, 5, 6]; fix it in your --config file"
            )
        context = settings.value("train.sentiment.context")
        if not (isinstance(context, int) and context >= 0):
            raise DyadError(
                "train.sentiment.context must be a number of word pieces (0 or more), e.g. 5; "
                "fix it in your --config file"
            )
        return cls(
            float(settings.value("train.sentiment.c")),
            (str(markers[0]), str(markers[1])),
            tuple(int(k) for k in layers),
            context,
            int(settings.value("train.sentiment.folds")),
            int(settings.value("train.sentiment.max_iter")),
            bool(settings.value("train.sentiment.balanced")),
        )


def fit(x: np.ndarray, labels: list[str], settings: FitSettings, info: str = "") -> SentimentHead:
    """A head fitted on the feature rows ``x`` and their labels."""
    from sklearn.linear_model import LogisticRegression

    y = np.asarray([CLASSES.index(label) for label in labels])
    missing = sorted(set(CLASSES) - set(labels))
    if missing:
        raise DyadError(f"the training data has no {', '.join(missing)} example; add some")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    model = LogisticRegression(
        C=settings.c,
        max_iter=settings.max_iter,
        class_weight="balanced" if settings.balanced else None,
    )
    model.fit((x - mean) / scale, y)
    return SentimentHead(
        mean.astype(np.float32),
        scale.astype(np.float32),
        model.coef_.astype(np.float32),
        model.intercept_.astype(np.float32),
        settings.markers,
        settings.layers,
        info,
        settings.context,
    )


def cross_validate(x: np.ndarray, examples: list[Labelled], settings: FitSettings) -> list[str]:
    """Out-of-fold labels: each example predicted by a head fitted on the folds without its
    sentence."""
    from sklearn.model_selection import StratifiedGroupKFold

    labels = [e.label for e in examples]
    groups = [(e.file, e.record) for e in examples]
    group_ids = np.unique([f"{f}:{r}" for f, r in groups], return_inverse=True)[1]
    predicted = [""] * len(examples)
    folds = StratifiedGroupKFold(settings.folds, shuffle=True, random_state=0)
    for train_rows, test_rows in folds.split(x, labels, group_ids):
        head = fit(x[train_rows], [labels[i] for i in train_rows], settings)
        probabilities = head.probabilities_of(x[test_rows])
        for i, k in zip(test_rows, probabilities.argmax(axis=1), strict=True):
            predicted[i] = CLASSES[int(k)]
    return predicted


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Accuracy, macro-F1 and each class's F1."""
    from ..evaluation import metrics

    out = {
        "accuracy": metrics.accuracy(gold, predicted),
        "macro_f1": metrics.macro_f1(gold, predicted, labels=list(CLASSES)),
    }
    for label in CLASSES:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        out[f"f1_{label}"] = metrics.prf(tp, fp, fn)["f1"]
    return out


def train(
    path: Path,
    out: Path,
    *,
    settings: FitSettings,
    progress: Callable[[str], None] | None = None,
    encode=None,
) -> dict[str, float]:
    """Cross-validate on the NewsMTSC file ``path``, then fit on all of it and write the head
    to ``out``; returns the cross-validated scores (and ``n``, the examples)."""
    examples = read_newsmtsc(path)
    if len(examples) < settings.folds:
        raise DyadError(
            f"{path} has {len(examples)} targets, fewer than train.sentiment.folds "
            f"({settings.folds}); give more examples"
        )
    if progress:
        progress(f"encoding {len(examples)} targets")
    x = target_features(
        [e.target for e in examples], settings.markers, settings.layers, encode, settings.context
    )
    if progress:
        progress(f"cross-validating ({settings.folds} folds)")
    gold = [e.label for e in examples]
    result = {"n": len(examples), **scores(gold, cross_validate(x, examples, settings))}
    info = (
        f"multinomial logistic regression (C={settings.c}) on MiniLM features (layers "
        f"{list(settings.layers)}, {settings.context} pieces of context either side) of the "
        "target marked "
        f"{settings.markers[0]!r}…{settings.markers[1]!r}, fitted on all {len(examples)} "
        f"targets of {path.name}; {settings.folds}-fold cross-validated on it (folds by "
        f"sentence): macro-F1 {result['macro_f1']:.3f}, accuracy {result['accuracy']:.3f}; "
        f"the encoder runs its layers 1-{max(settings.layers)} for it. The packaged "
        "[train.sentiment] settings were chosen by this cross-validation among sets of layers, "
        "context and C (docs/according-to-whom.md)"
    )
    if progress:
        progress("fitting on every target")
    head = fit(x, gold, settings, info)
    out.parent.mkdir(parents=True, exist_ok=True)
    head.save(out)
    return result
