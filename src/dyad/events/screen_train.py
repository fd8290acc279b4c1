"""Training and cross-validating the event screen (dyad.events.screen).

    dyad train screen      # training/event_screen_labels.tsv, texts from ../shared

Training data: careful-coder verdicts on the rule coder's events
(``training/event_screen_labels.tsv`` in the repository: the corpus and item of the text, a key
of the event's sentence and trigger text, the verdict) in GeoWebNews articles, NewsMTSC
sentences, GTD summaries and UCDP headlines. With the packaged [train.screen] settings, an event
judged "correct" or "partial" (a real, codeable event at this trigger, whatever its type or
sides) is real, one judged "sense" (another sense of the trigger) is not, and one judged
"noevent" (a description, an opinion, a private matter ...) is left out. The file holds no text:
the texts are read from the data root and run through the pipeline with the screen off and the
rule coder, and each event found whose key is labelled is an example (an event the rule coder
no longer finds is skipped; the count matched is reported).

Cross-validation: folds by text (all events of an article or a sentence in one fold); each fold
is predicted by a head fitted on the others. Reported: the area under the ROC curve and, at the
pipeline's ``screen_below``, the share of real events kept, the share of non-events dropped and
the share of real events among those kept, before and after; then the same on the test labels
(``training/event_screen_test_labels.tsv``: other articles, never trained on). scikit-learn does
the fitting; dyad only needs numpy to apply the weights.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DyadError
from .learned import LAYERS
from .screen import EventScreen, screen_features

__all__ = [
    "EVENT_VERDICTS",
    "LABELS_PATH",
    "TEST_LABELS_PATH",
    "Example",
    "FitSettings",
    "cross_validate",
    "event_key",
    "examples_from",
    "fit",
    "read_labels",
    "scores",
    "train",
]

GWN_PATH = "eval/geowebnews/GWN.xml"
NEWSMTSC_PATH = "eval/newsmtsc/newsmtsc.train.jsonl"
GTD_PATH = "eval/gtd-iraq/dev.csv"
UCDP_PATH = "eval/ucdp-iraq/dev.csv"
#: the labels in a checkout of the repository
LABELS_PATH = Path(__file__).resolve().parents[3] / "training" / "event_screen_labels.tsv"
#: verdicts on the events of other articles, never trained on: the screen's test
TEST_LABELS_PATH = LABELS_PATH.with_name("event_screen_test_labels.tsv")
#: verdicts that make an event a real one (the others: "sense", "noevent")
EVENT_VERDICTS = ("correct", "partial")
VERDICTS = (*EVENT_VERDICTS, "sense", "noevent")
#: cross-validation groups of marked sentences (each its own), above any article index
PLV_GROUPS = 1_000_000
AW_GROUPS = 2_000_000


def event_key(sentence: str, trigger: str) -> str:
    """The key of an event in the labels file: its sentence (whitespace runs as one space)
    and its trigger text."""
    text = " ".join(sentence.split()) + "\t" + trigger
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: the labelled corpora: where each is under the data root
CORPORA = {"gwn": GWN_PATH, "newsmtsc": NEWSMTSC_PATH, "gtd": GTD_PATH, "ucdp": UCDP_PATH}
#: cross-validation groups: a GeoWebNews article's index, a NewsMTSC line's number, a GTD
#: row's, a UCDP headline's (one group each), each corpus from its own start
_GROUP_FROM = {"gwn": 0, "newsmtsc": 100_000, "gtd": 200_000, "ucdp": 300_000}


def read_labels(path: Path) -> dict[tuple[str, int, str], str]:
    """(corpus, item, event key) -> verdict, from a labels file ('#' lines are comments)."""
    if not path.is_file():
        raise DyadError(
            f"no event-screen labels at {path}; run from a checkout of dyad (the file is "
            "training/event_screen_labels.tsv) or pass --labels"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    out = {}
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), 2):
        verdict = (row.get("verdict") or "").strip()
        corpus = (row.get("corpus") or "").strip()
        item = (row.get("item") or "").strip()
        key = (row.get("key") or "").strip()
        wrong = (
            f"corpus {corpus!r} is not one of {', '.join(CORPORA)}" if corpus not in CORPORA
            else f"item {item!r} is not a number" if not item.isdigit()
            else "the key is empty" if not key
            else f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}"
            if verdict not in VERDICTS else None
        )  # fmt: skip
        if wrong is None and out.get((corpus, int(item), key), verdict) != verdict:
            wrong = f"the event was given {out[(corpus, int(item), key)]!r} on an earlier row"
        if wrong:
            raise DyadError(
                f"{path}: data row {number - 1}: {wrong} (columns corpus, item, key, verdict); "
                "fix the row"
            )
        out[(corpus, int(item), key)] = verdict
    return out


@dataclass(frozen=True)
class Example:
    #: the cross-validation group: an article, a sentence
    article: int
    event: dict
    sentence: str
    #: where the sentence starts in its document
    offset: int
    verdict: str


def examples_from(
    nlp, texts: dict[tuple[str, int], str], labels: dict[tuple[str, int, str], str]
) -> list[Example]:
    """The labelled events of the texts ``texts`` ((corpus, item) -> text), coded by ``nlp``'s
    rule coder with its event screen off."""
    items = sorted(texts)
    out = []
    docs = _rule_docs(nlp, [texts[i] for i in items], batch_size=4)
    for (corpus, item), doc in zip(items, docs, strict=True):
        for event in doc._.dyad_events or []:
            start, end = event["sentence_start"], event["sentence_end"]
            sentence = doc.text[start:end]
            verdict = labels.get((corpus, item, event_key(sentence, event["trigger"])))
            if verdict is not None:
                out.append(Example(_GROUP_FROM[corpus] + item, event, sentence, start, verdict))
    return out


def _rule_docs(nlp, texts: list[str], batch_size: int) -> list:
    """``texts`` as ``nlp``'s rule coder codes them, with the event screen off: the events the
    labels judged."""
    from ..time.component import make_doc

    extractor = nlp.get_pipe("dyad_events")
    if extractor.coder != "rules":
        raise DyadError("the event screen is trained on the rule coder's events: load the "
                        'pipeline with nlp.components.dyad_events.coder = "rules"')  # fmt: skip
    with extractor.unscreened():
        return list(nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=batch_size))


def labelled_texts(data_root: Path, labels: dict[tuple[str, int, str], str]) -> dict:
    """(corpus, item) -> text of every item the labels name, read from under ``data_root``."""
    import json

    from ..evaluation.sets import load_geowebnews

    wanted: dict[str, set[int]] = {}
    for corpus, item, _ in labels:
        wanted.setdefault(corpus, set()).add(item)
    out: dict[tuple[str, int], str] = {}
    for corpus, items in wanted.items():
        path = data_root / CORPORA[corpus]
        if not path.is_file():
            raise DyadError(
                f"no {corpus} file at {path}; pass --data-root (the folder holding eval/)"
            )
        if corpus == "gwn":
            texts = [a["text"] for a in load_geowebnews(path)]
        elif corpus in ("gtd", "ucdp"):
            texts = _incident_texts(path, corpus)
        else:
            texts = [json.loads(line)["sentence_normalized"] if line.strip() else ""
                     for line in path.read_text(encoding="utf-8").splitlines()]  # fmt: skip
        if max(items) >= len(texts):
            raise DyadError(f"the labels name {corpus} item {max(items)}; {path} has {len(texts)}")
        out.update({(corpus, i): texts[i] for i in items})
    return out


def _incident_texts(path: Path, corpus: str) -> list[str]:
    """The texts `dyad eval gtd`/`ucdp` reads: a GTD row's summary (by row; "" for a row with
    none), a UCDP headline (by its place in dyad.evaluation.incidents.ucdp_documents)."""
    from ..evaluation.incidents import _read, gtd_documents, ucdp_documents

    rows = _read(path, None)
    if corpus == "ucdp":
        return [d["text"] for d in ucdp_documents(rows)]
    texts = [""] * len(rows)
    for d in gtd_documents(rows):
        texts[d["row"]] = d["text"]
    return texts


def _sides_meet(event: dict, spans: list[tuple[str, int, int]]) -> bool:
    """Whether the event's sources and its targets each overlap a marked span, not the same one
    (either way round: the screen asks whether there is an event, not who did it)."""

    def hits(people) -> set[int]:
        return {k for k, (_, start, end) in enumerate(spans) for p in people
                if p.get("start") is not None and p["start"] < end and start < p["end"]}  # fmt: skip

    sources, targets = hits(event.get("sources") or ()), hits(event.get("targets") or ())
    return bool(sources and targets and (len(sources | targets) > 1))


def marked_examples(
    nlp, sentences: list[tuple[str, list[tuple[str, int, int]], bool]], first_group: int
) -> list[Example]:
    """Examples from sentences with a marked pair: (text, spans, whether the pair interacts).
    An event of the rule coder whose two sides are the marked pair is a real event when the
    pair interacts, else none; the sentence's other events are not labelled. Each sentence is
    its own group (``first_group`` on) for the cross-validation."""
    out = []
    docs = _rule_docs(nlp, [text for text, _, _ in sentences], batch_size=64)
    for k, ((_, spans, real), doc) in enumerate(zip(sentences, docs, strict=True)):
        for event in doc._.dyad_events or []:
            if _sides_meet(event, spans):
                start = event["sentence_start"]
                sentence = doc.text[start : event["sentence_end"]]
                out.append(Example(first_group + k, event, sentence, start,
                                   "correct" if real else "noevent"))  # fmt: skip
    return out


def features(examples: list[Example], layers: tuple[int, ...], encode=None) -> np.ndarray:
    from .learned import encoder

    by_event = {id(x.event): (x.sentence, x.offset) for x in examples}
    return screen_features(
        [x.event for x in examples], lambda e: by_event[id(e)], encode or encoder().encode, layers
    )


@dataclass(frozen=True)
class FitSettings:
    """[train.screen]: the inverse regularisation strength, the encoder layers read, the
    number of folds and the iteration limit of the fit."""

    c: float
    layers: tuple[int, ...]
    folds: int
    max_iter: int
    #: also learn from AW's marked pairs (eval/aw/AW_train.tsv: related or not)
    aw: bool
    #: also learn from the PLV sentences of this half ("A", "B"; "" none) as real events
    plv_half: str
    #: the verdicts that make an event no event (the others: a real one)
    negatives: tuple[str, ...]
    #: the verdicts of events not learned from at all
    ignored: tuple[str, ...]

    def real(self, examples: list[Example]) -> np.ndarray:
        """Whether each example is a real event to this screen."""
        return np.array([e.verdict not in self.negatives for e in examples], dtype=bool)

    def kept(self, examples: list[Example]) -> list[Example]:
        """The examples learned from (their verdict not ignored)."""
        return [e for e in examples if e.verdict not in self.ignored]

    @classmethod
    def from_settings(cls, settings) -> FitSettings:
        layers = settings.value("train.screen.layers")
        if not (isinstance(layers, (list, tuple)) and layers
                and all(isinstance(k, int) and 1 <= k <= LAYERS for k in layers)):  # fmt: skip
            raise DyadError(
                f"train.screen.layers must be a list of MiniLM layers 1..{LAYERS}, e.g. [3, 4]; "
                "fix it in your --config file"
            )
        plv_half = str(settings.value("train.screen.plv_half"))
        if plv_half not in ("", "A", "B"):
            raise DyadError(f'train.screen.plv_half is {plv_half!r}; set it to "A", "B" or ""')
        verdicts = {}
        for name, value in (("negatives", settings.value("train.screen.negatives")),
                            ("ignored", settings.value("train.screen.ignored"))):  # fmt: skip
            if not isinstance(value, (list, tuple)) or not set(value) <= set(VERDICTS):
                raise DyadError(
                    f"train.screen.{name} must be a list of verdicts among "
                    f"{', '.join(VERDICTS)}; fix it in your --config file"
                )
            verdicts[name] = tuple(str(v) for v in value)
        if set(verdicts["negatives"]) & set(verdicts["ignored"]) or not verdicts["negatives"]:
            raise DyadError("train.screen.negatives must name a verdict, and none that "
                            "train.screen.ignored names")  # fmt: skip
        return cls(
            float(settings.value("train.screen.c")),
            tuple(sorted(int(k) for k in layers)),
            int(settings.value("train.screen.folds")),
            int(settings.value("train.screen.max_iter")),
            bool(settings.value("train.screen.aw")),
            plv_half,
            verdicts["negatives"],
            verdicts["ignored"],
        )


def fit(x: np.ndarray, real: np.ndarray, settings: FitSettings, info: str = "") -> EventScreen:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=settings.c, max_iter=settings.max_iter)
    model.fit((x - mean) / scale, real)
    return EventScreen(
        settings.layers, mean.astype(np.float32), scale.astype(np.float32),
        model.coef_[0].astype(np.float32), float(model.intercept_[0]), info,
    )  # fmt: skip


def cross_validate(x: np.ndarray, examples: list[Example], settings: FitSettings) -> np.ndarray:
    """Each example's P(real event) from a head fitted on the other folds (folds by text: an
    article, a sentence)."""
    from sklearn.model_selection import GroupKFold

    real = settings.real(examples)
    groups = np.array([e.article for e in examples])
    if len(set(groups)) < settings.folds or len(set(real)) < 2:
        raise DyadError(
            f"the labels match {len(examples)} events in {len(set(groups))} texts: too few "
            f"for {settings.folds}-fold cross-validation with both kinds of verdict"
        )
    out = np.zeros(len(examples))
    for train_rows, test_rows in GroupKFold(settings.folds).split(x, real, groups):
        head = fit(x[train_rows], real[train_rows], settings)
        out[test_rows] = head.probabilities_of(x[test_rows])
    return out


def scores(real: np.ndarray, probability: np.ndarray, below: float) -> dict[str, float]:
    """How a screen dropping events below ``below`` does: area under the ROC curve, real
    events kept, non-events dropped, and the share of real events before and after."""
    from sklearn.metrics import roc_auc_score

    kept = probability >= below
    return {
        "events": len(real),
        # undefined with one kind of event only
        "roc_auc": float(roc_auc_score(real, probability)) if len(set(real)) > 1 else float("nan"),
        "real_kept": float(kept[real].mean()) if real.any() else 0.0,
        "non_events_dropped": float((~kept[~real]).mean()) if (~real).any() else 0.0,
        "real_share_before": float(real.mean()),
        "real_share_after": float(real[kept].mean()) if kept.any() else 0.0,
    }


def train(
    nlp,
    data_root: Path,
    output: Path,
    *,
    labels_path: Path = LABELS_PATH,
    test_labels_path: Path | None = TEST_LABELS_PATH,
    below: float,
    settings: FitSettings,
    progress: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """Fit the screen on every labelled event, write it to ``output`` and give its
    cross-validated scores (at ``below``), and its scores on the test labels (when the file is
    there: events of other texts, never trained on; ``test_`` before each name)."""
    say = progress or (lambda _: None)
    labels = read_labels(labels_path)
    tests = read_labels(test_labels_path) if test_labels_path and test_labels_path.is_file() else {}
    shared = {(corpus, item) for corpus, item, _ in labels} & {(c, i) for c, i, _ in tests}
    if shared:
        corpus, item = min(shared)
        raise DyadError(
            f"{test_labels_path} and {labels_path} both label {corpus} item {item}: a test must "
            "be of texts never trained on; pass other --test-labels"
        )
    texts = labelled_texts(data_root, labels)
    say(f"coding {len(texts)} labelled articles and sentences")
    judged = judged_all = examples_from(nlp, texts, labels)
    extra: list[Example] = []
    if settings.aw:
        from .training import AW_PATH, _marked

        say("coding AW's marked pairs")
        pairs = [(t, spans, real) for t, spans, _, real in _marked(data_root / AW_PATH, "aw")]
        extra += marked_examples(nlp, pairs, AW_GROUPS)
    if settings.plv_half:
        from ..evaluation.sets import load_plv
        from .training import PLV_PATH

        say(f"coding PLV's half {settings.plv_half}")
        rows = [(r["text"], r["spans"], True) for r in load_plv(data_root / PLV_PATH)
                if r["half"] == settings.plv_half]  # fmt: skip
        extra += marked_examples(nlp, rows, PLV_GROUPS)
    judged, extra = settings.kept(judged), settings.kept(extra)
    examples = judged + extra
    say(f"encoding {len(examples)} labelled events")
    x = features(examples, settings.layers)
    real = settings.real(examples)
    say("cross-validating")
    # scored on the judged events alone: the articles the screen is for
    held = cross_validate(x, examples, settings)[: len(judged)]
    result = scores(real[: len(judged)], held, below)
    result["labels"] = len(labels)
    result["labels_matched"] = len(judged_all)
    result["texts"] = len({e.article for e in judged})
    result["aw_pairs"] = sum(e.article >= AW_GROUPS for e in extra)
    result["plv_events"] = sum(PLV_GROUPS <= e.article < AW_GROUPS for e in extra)
    sources = "".join(
        [", AW's marked pairs" if settings.aw else "",
         f", PLV half {settings.plv_half}'s marked pairs" if settings.plv_half else ""]
    )  # fmt: skip
    info = (
        f"P(not {'/'.join(settings.negatives)}): "
        f"logistic regression (C={settings.c}) on MiniLM layers {list(settings.layers)} "
        f"(sentence and trigger means), type, modality and side flags; fitted on {len(judged)} "
        f"careful-coder-judged rule events ({'/'.join(settings.ignored) or 'no'} verdicts left out) of "
        f"{result['texts']} texts (GeoWebNews articles, NewsMTSC sentences, GTD summaries, UCDP "
        f"headlines){sources} "
        f"({len(examples)} events in all); {settings.folds}-fold cross-validated by text, "
        f"scored on the judged events: ROC AUC {result['roc_auc']:.3f}, at {below}: real events "
        f"kept {result['real_kept']:.3f}, {'/'.join(settings.negatives)} events dropped "
        f"{result['non_events_dropped']:.3f}"
    )
    screen = fit(x, real, settings, info)
    if tests:
        say("scoring the test labels")
        every = examples_from(nlp, labelled_texts(data_root, tests), tests)
        held_out = settings.kept(every)
        if held_out:
            found = screen.probabilities_of(features(every, settings.layers))
            learned_from = np.array([e.verdict not in settings.ignored for e in every])
            tested = scores(settings.real(held_out), found[learned_from], below)
            result.update({f"test_{name}": value for name, value in tested.items()})
            # every verdict: the share of real, codeable events (correct or partial) among all
            # the events, and among those the screen keeps
            real = np.array([e.verdict in EVENT_VERDICTS for e in every])
            kept = found >= below
            result["test_all_events"] = len(every)
            result["test_all_real_share_before"] = float(real.mean())
            result["test_all_real_share_after"] = float(real[kept].mean()) if kept.any() else 0.0
            screen.info += (
                f"; on {len(held_out)} events of {len({e.article for e in held_out})} other "
                f"articles, never trained on: ROC AUC {tested['roc_auc']:.3f}, real kept "
                f"{tested['real_kept']:.3f}, {'/'.join(settings.negatives)} events dropped "
                f"{tested['non_events_dropped']:.3f}"
            )
    screen.save(output)
    return result
