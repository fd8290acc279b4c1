"""Framing: the labels a source applies to an actor and the sentiment it expresses toward it.

A source's sentiment toward an actor (dyad.framing.store) averages the scores of its mentions
and the tone of the labels it applies (:func:`valence`): calling a group "a terrorist cult"
is itself the strongest statement of hostility a text makes.

**Labels** come from the parse around each actor mention: an apposition ("the MEK, a terrorist
cult"), a predicate nominal ("the MEK is a terrorist group"), a designation ("designated the
MEK a terrorist organisation", "labelled it a cult") and a descriptive head noun ("the
opposition group MEK"). A label's tone is the mean valence of its words in VADER's lexicon
plus dyad's own list of political framing words (``data/lexicon.tsv``).

**Sentiment** toward a mention is target-dependent: the target-sentiment head of
dyad.framing.target reads the mention in its sentence with MiniLM (one ONNX run per batch of
sentences) and gives P(negative), P(neutral), P(positive); the mention's score is
P(positive) − P(negative), in −1..1. Its weights ship in ``data/sentiment_head.npz``, made by
``dyad train sentiment`` from NewsMTSC's training split; ``dyad eval sentiment`` scores them on
the dev files, which they never saw.

A target-sentiment model reads the hostile words of a state its target is taken out of as
hostility toward the target ("Washington removes the PMOI from the terror list"); a mention
that is the object of such a word (``data/shifters.tsv``) is not judged hostile by them
(:func:`leaves_hostile`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import minibatch
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..actors.labels import ACTING_LABELS
from ..errors import ConfigError
from ..events.anchor import is_dateline
from ..events.learned import sharing_encode
from ..nlp.words import text_of
from .target import CLASSES, Target, load_head
from .voice import DESIGNATING, Speaker, Voices, designation_verb

__all__ = [
    "CLASSES",
    "FramingFinder",
    "labels_of",
    "leaves_hostile",
    "lexicon",
    "shifters",
    "valence",
]

_DROP = {"det", "poss", "punct", "cc", "predet", "relcl", "advcl"}


@lru_cache(maxsize=1)
def _analyzer():
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(lexicon())
    return analyzer


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


def valence(label: str) -> float:
    """A label's tone: the mean lexicon valence of its scored words, scaled to -1..1 (0 when
    none is scored). "terrorist cult" → about -0.8; "opposition group" → 0."""
    words = _analyzer().lexicon
    scored = [words[w] for w in label.lower().replace("-", " ").split() if w in words]
    return max(-1.0, min(1.0, sum(scored) / len(scored) / 4)) if scored else 0.0


@lru_cache(maxsize=1)
def shifters() -> dict[str, frozenset[str]]:
    """Lemma -> the prepositions after which it names a state it takes its object out of
    (``data/shifters.tsv``: "remove ... from", "take ... off", "clear ... of")."""
    name = "shifters.tsv"
    text = resources.files("dyad.framing").joinpath("data", name).read_text("utf-8")
    out: dict[str, set[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip().lower() for f in line.split("\t")]
        if len(fields) != 2 or not all(fields):
            raise ConfigError(f"{name}:{number}: expected 'preposition <tab> word', got {line!r}")
        out.setdefault(fields[1], set()).add(fields[0])
    return {word: frozenset(preps) for word, preps in out.items()}


def leaves_hostile(doc: Doc, token_start: int, token_end: int) -> bool:
    """Whether the mention ``doc[token_start:token_end]`` is taken out of a state with a
    hostile tone: the object of a word of ``data/shifters.tsv`` ("removes the PMOI from the
    terror list", "the group was taken off the list of banned organisations", "the group's
    removal from the list of terrorist organisations") whose phrase after the preposition has
    a valence below 0 (removed "from Iraq" or "from office" is no such state)."""
    root = doc[token_start:token_end].root
    inside = set(range(token_start, token_end))
    head = root.head
    verb_object = root.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX")
    if verb_object or (root.dep_ == "poss" and head.pos_ == "NOUN"):  # "the group's removal"
        word = head
    elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        word = head.head  # "the removal of the group from ..."
    else:
        return False
    prepositions = shifters().get(word.lemma_.lower())
    if not prepositions or word.i == root.i:
        return False
    for child in word.children:
        if child.dep_ not in ("prep", "prt") or child.lower_ not in prepositions:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj":
                words = [t.text for t in obj.subtree if t.i not in inside]
                if valence(" ".join(words)) < 0:
                    return True
    return False


# -- labels -----------------------------------------------------------------------------------


def _phrase(head: Token, exclude: set[int], max_words: int, member: bool = False) -> str | None:
    """The noun phrase under ``head``, without determiners, possessives, relative clauses and
    the actor's own words; None when nothing descriptive is left or it is over ``max_words``.
    ``member``: the phrase names a class the actor is one of ("one of the other terrorist
    organisations"), said of one member: its head noun singular, without "other"."""
    skip = set(exclude)
    for t in head.subtree:
        if t.i != head.i and t.dep_ in ("relcl", "advcl", "appos"):
            skip |= {x.i for x in t.subtree}
    keep = [t for t in head.subtree if t.i not in skip and (t.i == head.i or t.dep_ not in _DROP)]
    kept = {t.i for t in keep}  # a possessive "'s" goes with its owner ("Iran's minister")
    keep = [t for t in keep if t.dep_ != "case" or t.head.i in kept]
    if member:  # "one of three other groups": a group
        keep = [t for t in keep if t.lower_ not in _OTHER and t.dep_ != "nummod"]
    while keep and (keep[0].is_punct or keep[0].pos_ in ("ADP", "CCONJ", "DET")):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].pos_ in ("ADP", "CCONJ", "DET")):
        keep.pop()
    if not keep or len(keep) > max_words or not any(t.pos_ == "NOUN" for t in keep):
        return None
    if member and head.tag_ == "NNS" and head in keep:  # "one of the groups": a group
        words = [(t.lemma_ if t.i == head.i else t.text) + t.whitespace_ for t in keep]
        text = "".join(words) if _contiguous(keep) else " ".join(w.strip() for w in words)
    elif _contiguous(keep):
        text = head.doc[keep[0].i : keep[-1].i + 1].text
    else:
        text = " ".join(t.text for t in keep)
    return text.strip(" ,;:\"“”'’")


#: words that set a member apart from the rest of its class ("one of the other groups")
_OTHER = frozenset({"other", "such"})
#: relative pronouns a partitive subject can stand on ("groups, one of which was the MEK")
_RELATIVE = frozenset({"which", "whom", "that", "who"})


def _class_of(token: Token) -> Token | None:
    """N of "one of (the) N": the class a member of which ``token`` names; for "one of which"
    the noun the relative pronoun stands for, the last noun before the clause."""
    if token.lower_ != "one":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    found = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if found is None or found.lower_ not in _RELATIVE:
        return found
    before = min(t.i for t in token.subtree) - 1
    while before >= 0 and token.doc[before].is_punct:
        before -= 1
    noun = token.doc[before] if before >= 0 else None
    return noun if noun is not None and noun.pos_ == "NOUN" else None


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
                member = _class_of(child)  # "the MEK, one of the oldest opposition groups"
                found.append((_phrase(member or child, set(inside), max_words, bool(member)),
                              "apposition"))  # fmt: skip
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
                member = _class_of(child)  # "the MEK is one of the oldest opposition groups"
                found.append((_phrase(member or child, set(inside), max_words, bool(member)),
                              "predicate"))  # fmt: skip
            elif child.dep_ == "prep" and child.lower_ == "among":  # "is among the groups"
                found += [(_phrase(obj, set(inside), max_words, True), "predicate")
                          for obj in child.children if obj.dep_ == "pobj"]  # fmt: skip
    # "other terrorist organisations, one of which was the MEK": the subject one of a class
    if root.dep_ == "attr" and head.lemma_ == "be":
        for child in head.children:
            member = _class_of(child) if child.dep_ == "nsubj" else None
            if member is not None and member.i not in inside:
                found.append((_phrase(member, set(inside), max_words, True), "predicate"))
    verb = designation_verb(root)
    if verb is not None:
        for child in verb.children:
            second_object = child.dep_ == "dobj" and child.i != root.i  # "designated X a Y"
            if child.dep_ in ("oprd", "xcomp", "attr") or second_object:
                found.append((_phrase(child, set(inside), max_words), "designation"))
            elif child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    if obj.dep_ == "pobj":  # "labelled as a group by Washington": no agent
                        by = {x.i for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"
                              for x in c.subtree}  # fmt: skip
                        found.append((_phrase(obj, set(inside) | by, max_words), "designation"))
    # "the group which many have described as a terrorist sex cult": a designation in a
    # relative clause on the name, its relative pronoun the designated object
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in DESIGNATING:
            continue
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                found += [(_phrase(obj, set(inside), max_words), "designation")
                          for obj in child.children if obj.dep_ == "pobj"]  # fmt: skip
            elif child.dep_ in ("oprd", "xcomp"):
                found.append((_phrase(child, set(inside), max_words), "designation"))
    # "The MEK was formed in 1965 as a leftist opposition group": what the subject is "as"
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                found += [(_phrase(obj, set(inside), max_words), "predicate")
                          for obj in child.children
                          if obj.dep_ == "pobj" and obj.pos_ == "NOUN"]  # fmt: skip
    return [(label, how) for label, how in found if label]


class FramingFinder:
    """Sets ``doc._.dyad_framing``: {"labels": [...], "sentiment": [...]}, one entry per label
    and one per actor mention. Mentions are scored by the target-sentiment head
    (dyad.framing.target); :meth:`pipe` sends the mentions of ``batch_docs`` documents to the
    encoder together."""

    def __init__(
        self,
        max_label_words: int,
        max_modifier_words: int,
        sentiment_model: str,
        batch_docs: int,
        min_quote_words: int,
        max_speaker_words: int,
    ) -> None:
        self.head = load_head(sentiment_model)
        self.max_label_words = max_label_words
        self.max_modifier_words = max_modifier_words
        self.batch_docs = batch_docs
        self.min_quote_words = min_quote_words
        self.max_speaker_words = max_speaker_words
        #: the encoder layers the head reads; what it encodes and whether it keeps the
        #: encodings for a later reader (set by load_pipeline: learned.share_encoder)
        self.encoder_layers = self.head.layers
        self.encode_layers = self.encoder_layers
        self.keep_encodings = False

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=self.batch_docs):
            mentions = [[m for m in (d._.dyad_actors or []) if m.get("actor")] for d in batch]
            # sentiment toward an actor where it is named as one: not a place a clause
            # happens in ("in Iraq") nor a modifier ("the Iranian consulate")
            judged = [[m for m in found if m["label"] in ACTING_LABELS] for found in mentions]
            targets = [t for d, found in zip(batch, judged, strict=True)
                       for t in _targets(d, found)]  # fmt: skip
            # the sentences an earlier reader (dyad_events' learned coder) encoded are not
            # encoded again
            kept: dict = {}
            for doc in batch:
                kept.update(doc._.dyad_encoded or {})
                doc._.dyad_encoded = None
            # the last reader encodes the sentences no one kept with its own layers only
            fresh = () if self.keep_encodings else self.encoder_layers
            encode = sharing_encode(kept, self.encode_layers, fresh)
            scores = iter(self.head.scores(targets, encode))
            if self.keep_encodings:
                for doc in batch:
                    doc._.dyad_encoded = kept
            for doc, found, scored in zip(batch, mentions, judged, strict=True):
                voices = Voices(doc, found, min_quote_words=self.min_quote_words,
                                max_speaker_words=self.max_speaker_words)  # fmt: skip
                sentiment = [
                    {"actor": m["actor"], "start": m["start"], "end": m["end"],
                     "token_start": m["token_start"], "sentiment": _shifted(doc, m, next(scores)),
                     **_voice(voices.of_mention(m))}
                    for m in scored
                ]  # fmt: skip
                doc._.dyad_framing = {
                    "labels": self._labels(doc, found, voices),
                    "sentiment": sentiment,
                }
                yield doc

    def _labels(self, doc: Doc, mentions: list[dict], voices: Voices) -> list[dict]:
        labels = []
        tokens_of: dict[str, set[int]] = {}
        for m in mentions:
            tokens_of.setdefault(m["actor"], set()).update(range(m["token_start"], m["token_end"]))
        for m in [*mentions, *_pronouns(doc, mentions)]:
            found = labels_of(
                doc,
                m,
                tokens_of[m["actor"]],
                max_words=self.max_label_words,
                max_modifier_words=self.max_modifier_words,
            )
            for label, how in found:
                speaker = voices.of_designation(m) if how == "designation" else voices.of_mention(m)
                labels.append({"actor": m["actor"], "start": m["start"], "end": m["end"],
                               "token_start": m["token_start"], "label": label, "how": how,
                               "valence": valence(label), **_voice(speaker)})  # fmt: skip
        return labels


#: pronouns that can stand for a group or a state ("it is a terrorist group")
_PRONOUNS = frozenset({"it", "they", "them"})
_SUBJECT = ("nsubj", "nsubjpass")


def _pronouns(doc: Doc, mentions: list[dict]) -> list[dict]:
    """Pronouns that a label may be applied to ("it was labelled a terrorist organisation"),
    each as a mention of the actor it stands for: the actor named by the last subject before
    it in its sentence, when that subject is a group or state named as an actor (not a person,
    not a kind of actor) and no other subject comes between them."""
    if not doc.has_annotation("SENT_START"):
        return []
    by_root = {doc[m["token_start"] : m["token_end"]].root.i: m for m in mentions}
    covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
    out = []
    for sent in doc.sents:
        subject: dict | None = None  # the actor of the last subject so far, if one
        for token in sent:
            if token.lower_ in _PRONOUNS and token.i not in covered and subject is not None:
                out.append({**subject, "start": token.idx, "end": token.idx + len(token),
                            "token_start": token.i, "token_end": token.i + 1})  # fmt: skip
            if token.dep_ in _SUBJECT and token.lower_ not in _PRONOUNS:
                m = by_root.get(token.i)
                fits = (
                    m is not None
                    and m["label"] in ACTING_LABELS
                    and m.get("kind") != "person"
                    and not m["actor"].startswith("generic-")
                )
                subject = m if fits else None
    return out


def _shifted(doc: Doc, mention: dict, score: float) -> float:
    """The model's score, at least 0 where the mention leaves a hostile state (the hostile
    words are the state's)."""
    if score < 0 and leaves_hostile(doc, mention["token_start"], mention["token_end"]):
        return 0.0
    return score


def _voice(speaker: Speaker | None) -> dict:
    """The speaker fields of a label or sentiment row: whose words they are (None: the
    outlet's own), the actor the speaker names, and how the words are attributed."""
    if speaker is None:
        return {"speaker": None, "speaker_id": None, "voice": "own"}
    return {"speaker": speaker.text, "speaker_id": speaker.actor, "voice": speaker.how}


def _targets(doc: Doc, mentions: list[dict]) -> list[Target]:
    """Each mention as a target of its sentence (of the whole text when it has no sentences)."""
    text = text_of(doc)
    sentences = doc.has_annotation("SENT_START")
    out = []
    for m in mentions:
        if sentences:
            sent = doc[m["token_start"]].sent
            start, end = sent.start_char, sent.end_char
        else:
            start, end = 0, len(text)
        out.append(Target(text[start:end], m["start"] - start, m["end"] - start))
    return out


if not Doc.has_extension("dyad_framing"):
    Doc.set_extension("dyad_framing", default=None)


@Language.factory(
    "dyad_framing",
    assigns=["doc._.dyad_framing"],
    requires=["doc._.dyad_actors", "token.dep"],
)
def make_framing_finder(
    nlp: Language,
    name: str,
    max_label_words: int,
    max_modifier_words: int,
    sentiment_model: str,
    batch_docs: int,
    min_quote_words: int,
    max_speaker_words: int,
) -> FramingFinder:
    return FramingFinder(
        max_label_words,
        max_modifier_words,
        sentiment_model,
        batch_docs,
        min_quote_words,
        max_speaker_words,
    )
