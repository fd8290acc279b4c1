"""Run gold sets, and gate the scores against the floors pinned in the baseline file."""

from __future__ import annotations

import inspect
import json
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import DyadError
from .sets import LOWER_IS_BETTER, NOT_BUILT, SETS, SetResult

__all__ = [
    "Regression",
    "baseline_path",
    "check_floors",
    "default_data_root",
    "evaluate",
    "load_baseline",
    "write_baseline",
]

BASELINE_VERSION = 1


def default_data_root() -> Path:
    """Where the shared evaluation data lives: $DYAD_SHARED, else ../shared, else ./shared."""
    if env := os.environ.get("DYAD_SHARED"):
        return Path(env)
    for candidate in (Path.cwd().parent / "shared", Path.cwd() / "shared"):
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared"


def _repo_root() -> Path:
    # src/dyad/evaluation/harness.py -> the checkout, when running from a source tree
    return Path(__file__).resolve().parents[3]


def baseline_path() -> Path:
    """The committed baseline in the checkout (or ./tests/gold when run elsewhere)."""
    for base in (_repo_root(), Path.cwd()):
        if (base / "tests" / "gold").is_dir():
            return base / "tests" / "gold" / "baseline.json"
    return Path.cwd() / "tests" / "gold" / "baseline.json"


def resolve_path(name: str, data: Path | None, data_root: Path | None) -> Path:
    if data is not None:
        return data
    default = SETS[name].default_path
    if default.startswith("package:"):  # shipped with dyad (src/dyad/...)
        return Path(__file__).resolve().parents[1] / default.removeprefix("package:")
    if default.startswith("tests/"):
        for base in (Path.cwd(), _repo_root()):
            if (base / default).exists():
                return base / default
        return Path.cwd() / default
    return (data_root or default_data_root()) / default


def evaluate(
    names: list[str],
    settings: Settings,
    *,
    data: Path | None = None,
    data_root: Path | None = None,
    progress=None,
) -> list[SetResult]:
    """Score the pipeline of ``settings`` on each named set; absent data is skipped with a reason."""
    unknown = [n for n in names if n not in SETS]
    if unknown:
        raise DyadError(f"unknown evaluation set {unknown[0]!r}; choose from {', '.join(SETS)}")
    if data is not None and len(names) != 1:
        raise DyadError(
            "--data names one file, so give exactly one set (e.g. `dyad eval plover --data F`)"
        )
    nlp = None
    results = []
    for name in names:
        path = resolve_path(name, data, data_root)
        if not path.exists():
            results.append(
                SetResult(
                    name,
                    "skipped",
                    str(path),
                    reason=f"data not found at {path} (set DYAD_SHARED or pass --data)",
                )
            )
            continue
        if nlp is None:
            from ..nlp import load_pipeline

            nlp = load_pipeline(settings)
        if progress:
            progress(name)
        started = time.perf_counter()
        try:
            score = SETS[name].score
            takes = inspect.signature(score).parameters
            extra = {"data_root": data_root} if "data_root" in takes else {}
            if "settings" in takes:  # a set that trains reads its fitting settings
                extra["settings"] = settings
            result = score(nlp, path, **extra)
        except FileNotFoundError as err:
            result = SetResult(name, "skipped", str(path), reason=str(err))
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results


def load_baseline(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"version": BASELINE_VERSION, "tolerance": 0.01, "sets": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def write_baseline(path: Path, results: list[SetResult], tolerance: float = 0.01) -> dict[str, Any]:
    """Pin every measured score as its floor (a deliberate, reviewed commit)."""
    baseline = load_baseline(path)
    baseline["tolerance"] = baseline.get("tolerance", tolerance)
    for result in results:
        if result.status != "scored":
            continue
        pinned = {
            name: _round_toward_pass(name, value)
            for name, value in result.metrics.items()
            if isinstance(value, (int, float))
        }
        baseline["sets"][result.name] = {"floors": pinned, "n": result.n}
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return baseline


def _round_toward_pass(metric: str, value: float) -> float:
    # Pin 4 decimals, rounded so the score just measured passes its own floor (or ceiling).
    scaled = value * 10_000
    return (math.ceil(scaled) if metric in LOWER_IS_BETTER else math.floor(scaled)) / 10_000


@dataclass(frozen=True)
class Regression:
    set: str
    metric: str
    floor: float
    value: float | str | None

    def __str__(self) -> str:
        bound = "ceiling" if self.metric in LOWER_IS_BETTER else "floor"
        return f"{self.set}.{self.metric} = {self.value} breaks its pinned {bound} {self.floor}"


def check_floors(results: list[SetResult], baseline: dict[str, Any]) -> list[Regression]:
    """Scores below floor − tolerance (or above ceiling + tolerance); skipped sets are not judged."""
    tolerance = float(baseline.get("tolerance", 0.01))
    regressions = []
    for result in results:
        if result.status != "scored":
            continue
        for metric, floor in (
            baseline.get("sets", {}).get(result.name, {}).get("floors", {}).items()
        ):
            value = result.metrics.get(metric)
            if value is None or value == NOT_BUILT:
                regressions.append(Regression(result.name, metric, floor, value))
            elif metric in LOWER_IS_BETTER:
                if value > floor + tolerance * max(1.0, abs(floor)):
                    regressions.append(Regression(result.name, metric, floor, value))
            elif value < floor - tolerance:
                regressions.append(Regression(result.name, metric, floor, value))
    return regressions
