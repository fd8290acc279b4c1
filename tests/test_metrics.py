"""Scoring functions on small hand-made cases with known answers."""

from __future__ import annotations

import pytest

from dyad.evaluation import metrics


def test_prf() -> None:
    assert metrics.prf(2, 2, 0) == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3)}
    assert metrics.prf(0, 0, 3) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_accuracy_and_macro_f1() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "B"]
    assert metrics.accuracy(gold, pred) == 0.5
    # A: p=1 r=.5 f=2/3; B: p=1/3 r=1 f=.5; C: 0  -> mean 7/18
    assert metrics.macro_f1(gold, pred) == pytest.approx((2 / 3 + 0.5 + 0) / 3)
    assert metrics.macro_f1(gold, pred, labels=["A"]) == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        metrics.accuracy(["A"], [])


def test_confusion() -> None:
    table = metrics.confusion(["A", "A", "B"], ["A", "B", "B"])
    assert table == {"A": {"A": 1, "B": 1}, "B": {"B": 1}}


def test_match_spans_exact_overlap_and_one_to_one() -> None:
    gold = [(0, 5), (10, 20)]
    pred = [(0, 5), (12, 18), (12, 18)]
    assert metrics.match_spans(gold, pred) == [(0, 0)]
    assert metrics.match_spans(gold, pred, overlap=True) == [(0, 0), (1, 1)]  # duplicate not reused
    assert (
        metrics.match_spans([(0, 5)], [(5, 9)], overlap=True) == []
    )  # touching is not overlapping


def test_bcubed() -> None:
    gold = {"mek": 1, "mko": 1, "pmoi": 1, "iran": 2}
    assert metrics.bcubed(gold, {k: k for k in gold}) == {
        "precision": 1.0,
        "recall": pytest.approx((1 / 3 * 3 + 1) / 4),
        "f1": pytest.approx(2 * 0.5 / 1.5),
    }
    perfect = metrics.bcubed(gold, {"mek": "x", "mko": "x", "pmoi": "x", "iran": "y"})
    assert perfect == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    lumped = metrics.bcubed(gold, {k: "x" for k in gold})
    assert lumped["recall"] == 1.0 and lumped["precision"] == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)
    # items missing from the prediction are singletons
    assert metrics.bcubed(gold, {})["recall"] == pytest.approx(0.5)


def test_haversine() -> None:
    assert metrics.haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)
    assert metrics.haversine_km(33.3, 44.4, 33.3, 44.4) == 0.0


def test_median_or_none() -> None:
    assert metrics.median_or_none([3.0, 1.0, 2.0]) == 2.0
    assert metrics.median_or_none([]) is None
