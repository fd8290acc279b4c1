"""Training and cross-validating the learned event coder (dyad.events.learned).

Training data, read from the shared evaluation folder and a user's own file:

- ``eval/plv/PLV_train.tsv``: news sentences with the gold source and target marked
  ``<s>…</s>``/``<t>…</t>`` and the PLOVER root (``gold_root``). The gold pair is a positive;
  every other ordered pair of dyad's actor mentions in the sentence (the reversed pair too) is a
  negative. The gold pair's type trains the type head.
- ``eval/aw/AW_train.tsv``: sentences with a marked pair and ``gold_binary``; pairs with no
  cooperation or conflict between them (0) are negatives, both ways round.
- ``eval/plover-gsr/dev.jsonl`` (optional, ``--with-plover``): PLOVER records with source and
  target texts and the event type.
- a user's file: PLV TSV (a ``marked_sentence`` and a ``gold_root`` column) or PLOVER JSONL.

Cross-validation: PLV sentences fall in five folds by a fixed hash of their text; each fold is
coded by heads trained on the other four (plus every other source). A fold's sentence counts as
*pair found* when the top-scored candidate pair is the pair of dyad mentions the gold source and
target resolve to (as ``plv-actors`` resolves spans), *type right* when the type head then gives
the gold root, and *triple* when both hold. The rule coder is scored on the same sentences: its
pair is found when one of its events has both gold mentions as source and target.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..errors import DyadError
from .learned import (
    FEATURES,
    TYPES,
    Candidate,
    LearnedCoder,
    Sentence,
    as_plv_type,
    candidates,
    encoder,
    features,
    sentence_at,
    span_for,
)

__all__ = ["Example", "TrainingData", "cross_validate", "fit", "read_training_data", "train"]

FOLDS = 5
PLV_PATH = "eval/plv/PLV_train.tsv"
AW_PATH = "eval/aw/AW_train.tsv"
PLOVER_PATH = "eval/plover-gsr/dev.jsonl"
#: PLOVER 0.5 names in the gold records -> PLOVER 2021 (shared/eval/README.md)
_PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                "FIGHT": "ASSAULT"}  # fmt: skip

Span = tuple[int, int]


@dataclass
class Example:
    """One labelled sentence: its dyad reading and its gold pairs."""

    sentence: Sentence
    kind: str  # "plv", "aw", "plover", "user"
    #: gold (source, target) pairs as dyad mentions where one holds the gold span's head, else
    #: the gold span itself; ``found`` says whether both sides resolved to mentions
    gold: list[tuple[Span, Span, bool]] = field(default_factory=list)
    #: the PLV root of the gold pair; None for a negative (AW 0) pair
    type: str | None = None
    positive: bool = True
    fold: int = -1


@dataclass
class TrainingData:
    examples: list[Example]
    encoded: list  # learned.Encoded, one per example

    def of(self, kind: str) -> list[int]:
        return [i for i, e in enumerate(self.examples) if e.kind == kind]


def fold_of(text: str) -> int:
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest()
    return digest[1] % FOLDS


# -- reading ------------------------------------------------------------------------------


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _marked(path: Path, kind: str) -> list[tuple[str, list, str | None, bool]]:
    """(text, gold spans, PLV type, positive) of a PLV- or AW-style TSV file."""
    from ..evaluation.sets import parse_marked

    rows = _rows(path)
    if not rows or "marked_sentence" not in rows[0]:
        raise DyadError(f"{path} has no marked_sentence column; give a PLV-style TSV file")
    out = []
    for row in rows:
        text, spans = parse_marked(row["marked_sentence"])
        if kind == "aw":
            positive = row.get("gold_binary", "").strip() == "1"
            out.append((text, spans, None, positive))
            continue
        plv_type = as_plv_type((row.get("gold_root") or "").strip().upper())
        if plv_type is None:
            raise DyadError(
                f"{path}: gold_root {row.get('gold_root')!r} is not one of {', '.join(TYPES)}; "
                "fix the row or leave it out"
            )
        out.append((text, spans, plv_type, True))
    return out


def _plover(path: Path) -> list[tuple[str, list, str | None, bool]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise DyadError(f"{path} line {number} is not JSON ({err}); fix or remove it") from err
        text = record.get("text", "")
        event = record.get("event", "")
        plv_type = as_plv_type(_PLOVER_2021.get(event, event))
        spans = []
        for role in ("source", "target"):
            actors = record.get(role)
            for actor in actors if isinstance(actors, list) else []:
                needle = actor.get("actorText", "") if isinstance(actor, dict) else ""
                at = text.find(needle) if needle else -1
                if at >= 0:
                    spans.append((role, at, at + len(needle)))
        if plv_type and {r for r, *_ in spans} == {"source", "target"}:
            out.append((text, spans, plv_type, True))
    return out


def read_file(path: Path) -> list[tuple[str, list, str | None, bool]]:
    """A user's labelled file: PLV TSV or PLOVER JSONL."""
    if not path.is_file():
        raise DyadError(f"labelled file {path} does not exist; pass a PLV .tsv or PLOVER .jsonl")
    if path.suffix.lower() in (".jsonl", ".json"):
        return _plover(path)
    return _marked(path, "user")


def read_training_data(
    nlp,
    data_root: Path,
    *,
    extra: Path | None = None,
    with_aw: bool = True,
    with_plover: bool = False,
    progress: Callable[[str], None] | None = None,
) -> TrainingData:
    """Every labelled sentence of the shared sets (and ``extra``), read by dyad and encoded."""
    plv = data_root / PLV_PATH
    if not plv.is_file():
        raise DyadError(
            f"PLV training data not found at {plv}; pass --data-root (the folder holding eval/)"
        )
    sources = [("plv", _marked(plv, "plv"))]
    if with_aw and (data_root / AW_PATH).is_file():
        sources.append(("aw", _marked(data_root / AW_PATH, "aw")))
    if with_plover and (data_root / PLOVER_PATH).is_file():
        sources.append(("plover", _plover(data_root / PLOVER_PATH)))
    if extra is not None:
        sources.append(("user", read_file(extra)))
    examples = []
    for kind, records in sources:
        if progress:
            progress(f"reading {len(records)} {kind} sentences")
        # the rule events the learned coder reads are those before the event screen, as in
        # the pipeline (dyad_events revises them, then screens)
        with nlp.get_pipe("dyad_events").unscreened():
            docs = list(nlp.pipe([r[0] for r in records], batch_size=32))
        for (_, spans, plv_type, positive), doc in zip(records, docs, strict=True):
            example = _example(doc, kind, spans, plv_type, positive)
            if example is not None:
                examples.append(example)
    if progress:
        progress(f"encoding {len(examples)} sentences")
    encoded = encoder().encode([e.sentence.text for e in examples])
    return TrainingData(examples, encoded)


def _example(doc, kind: str, spans: list, plv_type: str | None, positive: bool) -> Example | None:
    sentence = sentence_at(doc, 0, len(doc.text))
    sources = [(s, e) for role, s, e in spans if role == "source"]
    targets = [(s, e) for role, s, e in spans if role == "target"]
    if not sources or not targets:
        return None
    gold = []
    for s in sources:
        for t in targets:
            s_span, t_span = span_for(sentence, doc, *s), span_for(sentence, doc, *t)
            found = s_span is not None and t_span is not None and s_span != t_span
            if found:
                gold.append((s_span, t_span, True))
            elif s != t:
                gold.append((s, t, False))
    if not gold:
        return None
    return Example(sentence, kind, gold, plv_type, positive, fold_of(sentence.text))


# -- fitting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FitSettings:
    """How the heads are fitted: the ``[train.events]`` settings of default.cfg."""

    pair_c: float
    type_c: float
    aw_positives: bool

    @classmethod
    def from_settings(cls, settings) -> FitSettings:
        """The fitting settings of a loaded configuration (dyad.config.Settings)."""
        return cls(
            float(settings.value("train.events.pair_c")),
            float(settings.value("train.events.type_c")),
            bool(settings.value("train.events.aw_positives")),
        )


def _with_gold(example: Example) -> tuple[Sentence, list[Candidate], np.ndarray]:
    """The example's candidates (the gold spans added where no mention holds them) and labels."""
    sentence = example.sentence
    extra = tuple(span for s, t, _ in example.gold for span in (s, t))
    mentions = tuple(dict.fromkeys(sentence.mentions + extra))
    widened = replace(sentence, mentions=mentions)
    pairs = candidates(widened)
    golds = {(s, t) for s, t, _ in example.gold}
    for s, t in golds:
        if Candidate(s, t) not in pairs:
            pairs.append(Candidate(s, t))  # overlapping gold spans
    labels = np.array([(p.source, p.target) in golds for p in pairs], dtype=np.int64)
    return widened, pairs, labels


def example_rows(data: TrainingData, i: int, settings: FitSettings):
    """One example's pair rows and labels, and its type rows and labels."""
    example, encoded = data.examples[i], data.encoded[i]
    empty = np.zeros((0, FEATURES), dtype=np.float32)
    if example.kind == "aw":
        if example.positive and not settings.aw_positives:
            return empty, np.zeros(0, dtype=np.int64), empty, []
        s, t, _ = example.gold[0]
        pairs = [Candidate(s, t), Candidate(t, s)]
        labels = np.array([int(example.positive), 0], dtype=np.int64)
        return features(example.sentence, encoded, pairs), labels, empty, []
    sentence, pairs, labels = _with_gold(example)
    x = features(sentence, encoded, pairs)
    return x, labels, x[labels == 1], [example.type] * int(labels.sum())


def fit(
    data: TrainingData, rows: list[int], settings: FitSettings, cache: dict | None = None
) -> LearnedCoder:
    """Heads trained on the examples ``rows`` of ``data`` (``cache`` keeps each example's rows
    between calls)."""
    from sklearn.linear_model import LogisticRegression

    parts = []
    for i in rows:
        if cache is None:
            parts.append(example_rows(data, i, settings))
        else:
            if i not in cache:
                cache[i] = example_rows(data, i, settings)
            parts.append(cache[i])
    pair_x = np.vstack([p[0] for p in parts])
    pair_y = np.concatenate([p[1] for p in parts])
    type_x = np.vstack([p[2] for p in parts])
    type_y = np.asarray([label for p in parts for label in p[3]])
    mean = pair_x.mean(axis=0)
    scale = pair_x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    pz, tz = (pair_x - mean) / scale, (type_x - mean) / scale
    pair = LogisticRegression(C=settings.pair_c, max_iter=2000)
    pair.fit(pz, pair_y)
    kind = LogisticRegression(C=settings.type_c, max_iter=2000)
    kind.fit(tz, type_y)
    coef = np.zeros((len(TYPES), FEATURES), dtype=np.float32)
    intercept = np.full(len(TYPES), -30.0, dtype=np.float32)  # a type never seen: never chosen
    if len(kind.classes_) == 2:  # sklearn gives one row for two classes: the second's odds
        rows_of = {
            kind.classes_[0]: (0.0, 0.0),
            kind.classes_[1]: (kind.coef_[0], kind.intercept_[0]),
        }
    else:
        rows_of = dict(
            zip(kind.classes_, zip(kind.coef_, kind.intercept_, strict=True), strict=True)
        )
    for name, (row, bias) in rows_of.items():
        coef[TYPES.index(name)] = row
        intercept[TYPES.index(name)] = bias
    return LearnedCoder(
        mean.astype(np.float32),
        scale.astype(np.float32),
        pair.coef_[0].astype(np.float32),
        float(pair.intercept_[0]),
        coef,
        intercept,
    )


# -- cross-validation ---------------------------------------------------------------------


def score_example(coder: LearnedCoder, example: Example, encoded) -> tuple[bool, bool]:
    """(pair found, type right) for one held-out example: the top pair among dyad's own
    mentions must be a gold pair whose both sides resolved to mentions."""
    coded = coder.code(example.sentence, encoded)
    if not coded:
        return False, False
    top = coded[0]
    found = any(s == top["source"] and t == top["target"] and ok for s, t, ok in example.gold)
    return found, found and top["type"] == example.type


def rule_scores(example: Example) -> tuple[bool, bool]:
    """(pair found, type right) for the rule coder: one of its events joins the gold pair."""
    for s, t, ok in example.gold:
        rule = example.sentence.rule_pairs.get((s, t))
        if ok and rule:
            return True, as_plv_type(rule) == example.type
    return False, False


def cross_validate(
    data: TrainingData, settings: FitSettings, kind: str = "plv"
) -> dict[str, float]:
    """Five-fold cross-validated scores on the ``kind`` sentences (every other kind of example
    trains every fold), with the rule coder's on the same sentences."""
    held = data.of(kind)
    if not held:
        raise DyadError(f"no {kind} sentences to cross-validate on")
    others = [i for i, e in enumerate(data.examples) if e.kind != kind]
    cache: dict = {}
    tallies = dict.fromkeys(("n", "pair", "type", "rule_pair", "rule_type", "resolvable"), 0)
    for fold in range(FOLDS):
        test = [i for i in held if data.examples[i].fold == fold]
        train = [i for i in held if data.examples[i].fold != fold] + others
        if not test:
            continue
        coder = fit(data, train, settings, cache)
        for i in test:
            example = data.examples[i]
            pair, kind_right = score_example(coder, example, data.encoded[i])
            rule_pair, rule_type = rule_scores(example)
            tallies["n"] += 1
            tallies["pair"] += pair
            tallies["type"] += kind_right
            tallies["rule_pair"] += rule_pair
            tallies["rule_type"] += rule_type
            tallies["resolvable"] += any(ok for *_, ok in example.gold)
    n = tallies["n"]
    return {
        "n": n,
        "pair_found": tallies["pair"] / n,
        "type_right_when_found": tallies["type"] / max(tallies["pair"], 1),
        "triple": tallies["type"] / n,
        "gold_pair_resolvable": tallies["resolvable"] / n,
        "rule_pair_found": tallies["rule_pair"] / n,
        "rule_type_right_when_found": tallies["rule_type"] / max(tallies["rule_pair"], 1),
        "rule_triple": tallies["rule_type"] / n,
    }


def train(
    nlp,
    data_root: Path,
    out: Path,
    *,
    extra: Path | None = None,
    with_plover: bool = False,
    settings: FitSettings,
    progress: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """Cross-validate on PLV (with the user's file in every training fold), then train on
    everything and write the model to ``out``; returns the cross-validated scores."""
    data = read_training_data(
        nlp, data_root, extra=extra, with_plover=with_plover, progress=progress
    )
    if progress:
        progress("cross-validating on PLV (5 folds)")
    scores = cross_validate(data, settings)
    if progress:
        progress("training on everything")
    coder = fit(data, list(range(len(data.examples))), settings)
    kinds = sorted({e.kind for e in data.examples})
    coder.info = (
        f"trained on {len(data.examples)} sentences ({', '.join(kinds)}); pair_c={settings.pair_c}"
        f" type_c={settings.type_c}; 5-fold PLV pair_found={scores['pair_found']:.3f}"
        f" triple={scores['triple']:.3f}"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    coder.save(out)
    return scores
