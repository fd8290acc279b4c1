"""Framing: the labels a source applies to an actor and the sentiment it expresses toward it.

A source's sentiment toward an actor (dyad.framing.store) averages the scores of its mentions
and the tone of the labels it applies (:func:`valence`): calling a group "a terrorist cult"
is itself the strongest statement of hostility a text makes.

**Labels** come from the parse around each actor mention: an apposition ("the MEK, a terrorist
cult"), a predicate nominal ("the MEK is a terrorist group"), a designation ("designated the
MEK a terrorist organisation", "labelled it a cult") and a descriptive head noun ("the
opposition group MEK").

**Sentiment** toward a mention is target-dependent: lexicon scores (VADER's lexicon plus dyad's
own list of political framing words, ``data/lexicon.tsv``) of the sentence, of the mention's
clause, of the text before and after it and of each word weighted by its distance in the parse
tree, the mention's grammatical role, and a context vector of the words around it
(dyad.framing.vectors: word vectors of a sentence-embedding model, weighted by their distance
from the mention) go into a multinomial logistic regression whose weights ship in
``data/sentiment_model.json``. Those weights are fitted on the NewsMTSC dev set
(``python -m dyad.framing.train``); ``dyad eval sentiment`` reports the cross-validated score,
never the score on the data the shipped weights saw. A mention's score is P(positive) −
P(negative), in −1..1.
"""

from __future__ import annotations

import bisect
import itertools
import json
import string
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from ..events.anchor import is_dateline
from .vectors import context_vector, vectors

__all__ = [
    "CLASSES",
    "FramingFinder",
    "SentimentModel",
    "features",
    "labels_of",
    "lexicon",
    "valence",
]

CLASSES = ("negative", "neutral", "positive")
_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "appos")
_DESIGNATE = {"designate", "label", "brand", "call", "list", "consider", "describe", "dub",
              "term", "classify", "deem", "name", "denounce", "condemn"}  # fmt: skip
_DROP = {"det", "poss", "punct", "cc", "predet", "relcl", "advcl"}


@lru_cache(maxsize=1)
def _analyzer():
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(lexicon())
    return analyzer


@lru_cache(maxsize=1)
def _emoji() -> frozenset[str]:
    return frozenset(_analyzer().emojis)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """dyad's political framing words and their valence (VADER's scale)."""
    text = resources.files("dyad.framing").joinpath("data/lexicon.tsv").read_text("utf-8")
    words = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, valence = line.split("\t")
            words[word.strip().lower()] = float(valence)
    return words


_PUNCTUATION = string.punctuation


def _score_text(text: str) -> list[float]:
    """VADER's compound, positive and negative scores of a text."""
    analyzer = _analyzer()
    if not text.isascii() and not _emoji().isdisjoint(text):
        s = analyzer.polarity_scores(text)  # VADER describes emoji in words first
        return [s["compound"], s["pos"], s["neg"]]
    # without emoji, VADER's character-by-character emoji pass (a third of the scoring time)
    # changes nothing and is skipped; and VADER scores only words of its lexicon
    lexicon = analyzer.lexicon
    for word in text.split():
        stripped = word.strip(_PUNCTUATION)
        if (word if len(stripped) <= 2 else stripped).lower() in lexicon:
            break
    else:
        return [0.0, 0.0, 0.0]
    text = text.strip()
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    near = _Near(sentitext.is_cap_diff)
    for i, item in enumerate(words):  # as SentimentIntensityAnalyzer.polarity_scores does
        lower = item.lower()
        if lower in BOOSTER_DICT or (
            lower == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        if lower not in lexicon:
            sentiments.append(0)  # what sentiment_valence gives a word not in the lexicon
            continue
        # VADER reads at most three words before a scored word and two after it, but its
        # negation and idiom checks lowercase the whole text for every scored word (quadratic
        # in a long text): it is handed those six words only, with the text's own is_cap_diff
        first = max(0, i - 3)
        near.words_and_emoticons = words[first : i + 3]
        sentiments = analyzer.sentiment_valence(0, near, item, i - first, sentiments)
    s = analyzer.score_valence(analyzer._but_check(words, sentiments), text)
    return [s["compound"], s["pos"], s["neg"]]


class _Near:
    """The words around one scored word, standing in for VADER's SentiText."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, is_cap_diff: bool) -> None:
        self.is_cap_diff = is_cap_diff
        self.words_and_emoticons: list[str] = []


def _clause(token: Token) -> Token:
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _up(a: Token) -> dict[int, int]:
    """Each token on the way from ``a`` to its root → how many steps up it is."""
    return {t.i: n for n, t in enumerate([a, *a.ancestors])}


def _tree_distance(a: Token, b: Token, up_a: dict[int, int] | None = None) -> int:
    """Steps from ``a`` to ``b`` in the parse (10 when they are in different trees); ``up_a``
    is ``_up(a)``, found once for many ``b``."""
    index = _up(a) if up_a is None else up_a
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 10


def features(
    doc: Doc, span: Span, memo: dict | None = None, sent: Span | None = None
) -> np.ndarray:
    """The feature vector of one target mention (see the module docstring). ``memo`` keeps
    lexicon scores and word pieces of texts already seen in the same document (a sentence with
    several mentions is scored and split once)."""
    memo = {} if memo is None else memo

    def _vader(text: str) -> list[float]:
        if text not in memo:
            memo[text] = _score_text(text)
        return list(memo[text])

    if sent is None:
        sent = span.sent if span.doc.has_annotation("SENT_START") else doc[:]
    text = _text(doc, memo)
    key = ("sentence", sent.start)
    if key not in memo:  # what a sentence gives all its mentions, found once
        sent_text = text[sent.start_char : sent.end_char]
        words = _analyzer().lexicon
        memo[key] = (
            _vader(sent_text),
            float('"' in sent_text or "“" in sent_text),
            [(t, words[t.lower_]) for t in sent if t.lower_ in words],  # its scored words
        )
    sent_scores, quoted, scored = memo[key]
    f = list(sent_scores)
    root = span.root
    clause = _clause(root)
    key = ("clause", clause.i)
    if key not in memo:
        memo[key] = _vader(" ".join(t.text for t in clause.subtree))
    f += memo[key]
    f += _vader(text[sent.start_char : span.start_char].strip())
    f += _vader(text[span.end_char : sent.end_char].strip())
    total = negative = positive = 0.0
    up = _up(root) if scored else {}
    for t, value in scored:
        if value and not span.start <= t.i < span.end:
            weight = 1.0 / (1 + _tree_distance(root, t, up))
            total += value * weight
            negative += min(value, 0.0) * weight
            positive += max(value, 0.0) * weight
    f += [total, negative, positive]
    f += [float(root.dep_ == role) for role in _ROLES]
    f += [quoted, len(sent) / 50]
    return np.concatenate([np.asarray(f), _context(doc, span, memo)])


def _text(doc: Doc, memo: dict) -> str:
    if "text" not in memo:
        memo["text"] = doc.text  # Doc.text joins every token anew on each call
    return memo["text"]


def _context(doc: Doc, span: Span, memo: dict) -> np.ndarray:
    """The context vector (dyad.framing.vectors) of a mention, from the word pieces around it
    in its paragraph (each paragraph split once)."""
    table = vectors()
    text = _text(doc, memo)
    before = text.rfind("\n\n", 0, span.start_char)
    start = before + 2 if before >= 0 else 0
    key = ("pieces", start)
    if key not in memo:
        after = text.find("\n\n", span.end_char)
        memo[key] = table.pieces([text[start : after if after >= 0 else len(text)]])[0]
    return context_vector(memo[key], span.start_char - start, span.end_char - start)


class SentimentModel:
    """A multinomial logistic regression over :func:`features`, with its standardisation."""

    def __init__(self, mean, scale, coef, intercept, about: str = "") -> None:
        self.mean = np.asarray(mean, dtype=float)
        self.scale = np.asarray(scale, dtype=float)
        self.coef = np.asarray(coef, dtype=float)
        self.intercept = np.asarray(intercept, dtype=float)
        self.about = about

    @classmethod
    def load(cls) -> SentimentModel:
        path = resources.files("dyad.framing").joinpath("data/sentiment_model.json")
        data = json.loads(path.read_text("utf-8"))
        return cls(data["mean"], data["scale"], data["coef"], data["intercept"], data["about"])

    def probabilities(self, rows: list[np.ndarray] | np.ndarray) -> np.ndarray:
        x = np.asarray(rows, dtype=float)
        if x.shape[1] != self.mean.shape[0]:
            raise ValueError(
                f"the sentiment weights expect {self.mean.shape[0]} features, the features have "
                f"{x.shape[1]}: refit them with python -m dyad.framing.train"
            )
        x = (x - self.mean) / self.scale
        z = x @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def label(self, doc: Doc, span: Span) -> str:
        return CLASSES[int(self.probabilities([features(doc, span)])[0].argmax())]

    def score(self, doc: Doc, spans: list[Span]) -> list[float]:
        """P(positive) − P(negative) for each span: −1 hostile .. 1 favourable."""
        if not spans:
            return []
        memo: dict = {}
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        starts = [s.start for s in sents]
        p = self.probabilities(
            [features(doc, s, memo, sents[bisect.bisect_right(starts, s.start) - 1]) for s in spans]
        )
        return [float(row[2] - row[0]) for row in p]


def valence(label: str) -> float:
    """A label's tone: the mean lexicon valence of its scored words, scaled to -1..1 (0 when
    none is scored). "terrorist cult" → about -0.8; "opposition group" → 0."""
    words = _analyzer().lexicon
    scored = [words[w] for w in label.lower().replace("-", " ").split() if w in words]
    return max(-1.0, min(1.0, sum(scored) / len(scored) / 4)) if scored else 0.0


# -- labels -----------------------------------------------------------------------------------


def _phrase(head: Token, exclude: set[int], max_words: int) -> str | None:
    """The noun phrase under ``head``, without determiners, possessives, relative clauses and
    the actor's own words; None when nothing descriptive is left or it is over ``max_words``."""
    skip = set(exclude)
    for t in head.subtree:
        if t.i != head.i and t.dep_ in ("relcl", "advcl", "appos"):
            skip |= {x.i for x in t.subtree}
    keep = [t for t in head.subtree if t.i not in skip and (t.i == head.i or t.dep_ not in _DROP)]
    kept = {t.i for t in keep}  # a possessive "'s" goes with its owner ("Iran's minister")
    keep = [t for t in keep if t.dep_ != "case" or t.head.i in kept]
    while keep and (keep[0].is_punct or keep[0].pos_ in ("ADP", "CCONJ", "DET")):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].pos_ in ("ADP", "CCONJ", "DET")):
        keep.pop()
    if not keep or len(keep) > max_words or not any(t.pos_ == "NOUN" for t in keep):
        return None
    if _contiguous(keep):
        text = head.doc[keep[0].i : keep[-1].i + 1].text
    else:
        text = " ".join(t.text for t in keep)
    return text.strip(" ,;:\"“”'’")


def _contiguous(tokens: list[Token]) -> bool:
    return all(b.i == a.i + 1 for a, b in itertools.pairwise(tokens))


def labels_of(
    doc: Doc,
    mention: dict,
    same_actor: set[int] | None,
    *,
    max_words: int,
    max_modifier_words: int,
) -> list[tuple[str, str]]:
    """(label, how) pairs the text applies to one actor mention. ``same_actor`` holds the
    tokens of the actor's other mentions: a phrase that names the actor again ("3,400 members
    of the PMOI (MEK)") glosses a name, it does not label the actor. Labels are at most
    ``max_words`` words, descriptive nouns before the name at most ``max_modifier_words``
    (the ``[nlp.components.dyad_framing]`` settings of the same names)."""
    span = doc[mention["token_start"] : mention["token_end"]]
    root, inside = span.root, set(range(span.start, span.end))
    again = (same_actor or set()) - inside
    found: list[tuple[str, str]] = []
    if not is_dateline(root):  # "BAGHDAD – The final group of ...": no label of Baghdad
        for child in root.children:
            if child.dep_ == "appos" and child.i not in inside:
                found.append((_phrase(child, set(inside), max_words), "apposition"))
    head = root.head
    if (
        root.dep_ == "appos"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in inside
        and not is_dateline(head)
        and not any(t.i in again for t in head.subtree)
    ):
        found.append(
            (_phrase(head, set(inside) | {x.i for x in root.subtree}, max_words), "apposition")
        )
    # "the terror group MEK": descriptive nouns the parse hangs on the name itself
    left = [c for c in root.children if c.i < span.start and c.dep_ in ("compound", "amod")]
    if left and any(c.pos_ == "NOUN" for c in left):
        first = min(t.i for c in left for t in c.subtree)
        words = doc[first : span.start]
        if (
            all(t.pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT") for t in words)
            and len(words) <= max_modifier_words
        ):
            found.append((words.text.strip(" ,"), "modifier"))
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ("be", "remain", "become"):
        for child in head.children:
            if child.dep_ == "attr":
                found.append((_phrase(child, set(inside), max_words), "predicate"))
    if root.dep_ in ("dobj", "nsubjpass") and head.lemma_ in _DESIGNATE:
        for child in head.children:
            second_object = child.dep_ == "dobj" and child.i != root.i  # "designated X a Y"
            if child.dep_ in ("oprd", "xcomp", "attr") or second_object:
                found.append((_phrase(child, set(inside), max_words), "designation"))
            elif child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.append((_phrase(obj, set(inside), max_words), "designation"))
    return [(label, how) for label, how in found if label]


class FramingFinder:
    """Sets ``doc._.dyad_framing``: {"labels": [...], "sentiment": [...]}, one entry per label
    and one per actor mention."""

    def __init__(self, max_label_words: int, max_modifier_words: int) -> None:
        self.model = SentimentModel.load()
        self.max_label_words = max_label_words
        self.max_modifier_words = max_modifier_words

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in (doc._.dyad_actors or []) if m.get("actor")]
        labels = []
        tokens_of: dict[str, set[int]] = {}
        for m in mentions:
            tokens_of.setdefault(m["actor"], set()).update(range(m["token_start"], m["token_end"]))
        for m in mentions:
            found = labels_of(
                doc,
                m,
                tokens_of[m["actor"]],
                max_words=self.max_label_words,
                max_modifier_words=self.max_modifier_words,
            )
            for label, how in found:
                labels.append({"actor": m["actor"], "start": m["start"], "end": m["end"],
                               "token_start": m["token_start"], "label": label, "how": how,
                               "valence": valence(label)})  # fmt: skip
        spans = [doc[m["token_start"] : m["token_end"]] for m in mentions]
        scores = self.model.score(doc, spans)
        sentiment = [
            {
                "actor": m["actor"],
                "start": m["start"],
                "end": m["end"],
                "token_start": m["token_start"],
                "sentiment": s,
            }
            for m, s in zip(mentions, scores, strict=True)
        ]
        doc._.dyad_framing = {"labels": labels, "sentiment": sentiment}
        return doc


if not Doc.has_extension("dyad_framing"):
    Doc.set_extension("dyad_framing", default=None)


@Language.factory(
    "dyad_framing",
    assigns=["doc._.dyad_framing"],
    requires=["doc._.dyad_actors", "token.dep"],
)
def make_framing_finder(
    nlp: Language, name: str, max_label_words: int, max_modifier_words: int
) -> FramingFinder:
    return FramingFinder(max_label_words, max_modifier_words)
