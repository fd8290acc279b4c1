"""Scoring functions, each small and unit-tested on hand-made cases with known answers."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from statistics import median

__all__ = [
    "accuracy",
    "bcubed",
    "confusion",
    "haversine_km",
    "macro_f1",
    "match_spans",
    "median_or_none",
    "prf",
]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1; an empty denominator scores 0 (nothing claimed, nothing found)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def macro_f1(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None
) -> float:
    """Mean per-class F1 over ``labels`` (default: every class in the gold data)."""
    classes = list(labels) if labels is not None else sorted(set(gold), key=str)
    if not classes:
        return 0.0
    scores = []
    for label in classes:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores.append(prf(tp, fp, fn)["f1"])
    return sum(scores) / len(scores)


def confusion(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[Hashable, Counter]:
    """gold label -> Counter of predicted labels."""
    table: dict[Hashable, Counter] = {}
    for g, p in zip(gold, pred, strict=True):
        table.setdefault(g, Counter())[p] += 1
    return table


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], *, overlap: bool = False
) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index): exact boundaries, or any overlap if asked.

    Greedy in document order, each span used at most once, so duplicates are not rewarded.
    """
    used: set[int] = set()
    matches = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            if pi in used:
                continue
            hit = (ps < ge and gs < pe) if overlap else (ps == gs and pe == ge)
            if hit:
                used.add(pi)
                matches.append((gi, pi))
                break
    return matches


def bcubed(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of a clustering.

    ``gold`` and ``pred`` map each item to its cluster; items missing from ``pred`` count as
    singletons (a variant never recognised is never merged with anything).
    """
    items = list(gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    pred_of = {item: pred.get(item, ("__singleton__", item)) for item in items}
    precision = recall = 0.0
    for item in items:
        same_pred = {o for o in items if pred_of[o] == pred_of[item]}
        same_gold = {o for o in items if gold[o] == gold[item]}
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def median_or_none(values: Sequence[float]) -> float | None:
    return median(values) if values else None


def spearman(gold_order: Sequence[Hashable], predicted_order: Sequence[Hashable]) -> float:
    """Spearman's rank correlation of two orderings of the same items (no ties)."""
    n = len(gold_order)
    if n < 2 or set(gold_order) != set(predicted_order):
        raise ValueError("two orderings of the same two or more items are needed")
    rank = {item: i for i, item in enumerate(predicted_order)}
    d2 = sum((i - rank[item]) ** 2 for i, item in enumerate(gold_order))
    return 1 - 6 * d2 / (n * (n * n - 1))
