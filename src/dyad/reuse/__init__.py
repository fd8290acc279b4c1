"""Text reuse: passages one document shares with another, verbatim or lightly edited.

Two stages, as in every near-duplicate system that scales:

1. **Candidates.** Every window of a few consecutive word shingles gets a MinHash signature,
   cut into bands; two documents become a candidate pair when a band of one window of each is
   equal: locality-sensitive hashing, so the cost grows with the number of windows, not with
   the number of pairs. Sliding windows (a step of one shingle) make this winnowing with
   several permutations: a short copied passage inside a long article is still found, which
   whole-document or coarse-window MinHash misses. The hashing is vectorised numpy (datasketch
   builds one object per window, about 30 times slower here). Band keys are plain integers
   kept in the store, so new documents are compared with old ones without re-reading them.
2. **Alignment.** A candidate pair is aligned exactly: shared word n-grams seed runs on one
   diagonal, runs close to each other on both sides merge into one passage (a changed word, a
   rephrased "last night"), and passages shorter than ``min_words`` are dropped. A dropped
   sentence splits a passage in two.

Everything here works on plain strings; dyad.reuse.store ties it to the database.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..config import Settings

__all__ = [
    "Passage",
    "Reuse",
    "ReuseParams",
    "Words",
    "align",
    "band_keys",
    "compare",
    "direction",
    "words",
]

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class ReuseParams:
    """How reuse is found: the ``[reuse]`` settings (default.cfg explains each)."""

    shingle: int  # words per shingle (and per alignment seed)
    window: int  # shingles per MinHash window
    num_perm: int  # MinHash values per window
    bands: int  # bands × rows = num_perm; rows ≤ 2
    max_gap: int  # words either side that may differ inside one passage
    min_words: int  # shorter shared passages are not reported
    seed_places: int  # only the first places of an n-gram repeated in a text seed runs
    common_key: int  # a band key shared by more documents is boilerplate, not reuse
    max_candidates: int  # a new document is aligned with at most this many others
    batch_size: int  # documents indexed and aligned per transaction

    @classmethod
    def from_settings(cls, settings: Settings) -> ReuseParams:
        params = cls(
            shingle=int(settings.value("reuse.shingle")),
            window=int(settings.value("reuse.window")),
            num_perm=int(settings.value("reuse.num_perm")),
            bands=int(settings.value("reuse.bands")),
            max_gap=int(settings.value("reuse.max_gap")),
            min_words=int(settings.value("reuse.min_words")),
            seed_places=int(settings.value("reuse.seed_places")),
            common_key=int(settings.value("reuse.common_key")),
            max_candidates=int(settings.value("reuse.max_candidates")),
            batch_size=int(settings.value("reuse.batch_size")),
        )
        if params.num_perm % params.bands or params.rows > 2:
            raise ConfigError(
                f"reuse.num_perm ({params.num_perm}) must be reuse.bands ({params.bands}) "
                "times 1 or 2 rows; change one of them"
            )
        return params

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


@dataclass
class Words:
    """A text's words, lower-cased, with their character offsets."""

    tokens: list[str]
    starts: list[int]
    ends: list[int]
    _hashes: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    _places: dict[tuple, tuple] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.tokens)

    def hashes(self, k: int) -> np.ndarray:
        """A 64-bit hash of each word k-gram, in order (two CRC-32s with different seeds)."""
        if k not in self._hashes:
            t = self.tokens
            grams = [" ".join(t[i : i + k]).encode() for i in range(len(t) - k + 1)]
            self._hashes[k] = np.fromiter(
                ((zlib.crc32(g) << 32) | zlib.crc32(g, _SEED) for g in grams),
                dtype=np.uint64,
                count=len(grams),
            ).astype(np.int64)
        return self._hashes[k]

    def first_places(self, k: int, most: int) -> tuple[np.ndarray, np.ndarray]:
        """The k-gram hashes sorted, with where each starts: the first ``most`` places of a
        k-gram that repeats (so a repeated phrase cannot seed runs everywhere)."""
        key = (k, most)
        if key not in self._places:
            h = self.hashes(k)
            order = np.argsort(h, kind="stable")  # equal hashes keep the order of their places
            sorted_h = h[order]
            starts = np.flatnonzero(np.r_[True, sorted_h[1:] != sorted_h[:-1]])
            lengths = np.diff(np.r_[starts, len(sorted_h)])
            rank = np.arange(len(sorted_h)) - np.repeat(starts, lengths)
            keep = rank < most
            self._places[key] = (sorted_h[keep], order[keep])
        return self._places[key]


def words(text: str) -> Words:
    found = list(_WORD.finditer(text))
    return Words(
        [m.group().lower().replace("’", "'") for m in found],
        [m.start() for m in found],
        [m.end() for m in found],
    )


def _shingles(w: Words, k: int) -> list[bytes]:
    return [" ".join(w.tokens[i : i + k]).encode() for i in range(max(len(w) - k + 1, 0))]


_PRIME = np.uint64((1 << 31) - 1)
_SEED = 0x9E3779B9  # a second CRC-32 start value: two CRCs make one 64-bit n-gram hash


def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, int(_PRIME), num_perm, dtype=np.uint64)
    b = rng.integers(0, int(_PRIME), num_perm, dtype=np.uint64)
    return a, b


def band_keys(text: str | Words, params: ReuseParams) -> np.ndarray:
    """The distinct LSH band keys of a text: an int64 array of (band, key) rows.

    Every window of ``window`` consecutive shingles gets a MinHash signature of ``num_perm``
    values (hash h, permutation (a·h + b) mod 2³¹−1, minimum over the window); a band's key
    packs its ``rows`` values into one integer. Consecutive windows mostly share their minima,
    so a document has about 2·n/window distinct keys per band, and two documents that share an
    exact stretch of ``window`` shingles share every key of that window: a passage of
    ``window + shingle − 1`` words is never missed, however long the documents around it.
    """
    w = words(text) if isinstance(text, str) else text
    shingles = _shingles(w, params.shingle)
    if not shingles:
        return np.zeros((0, 2), dtype=np.int64)
    h = np.fromiter((zlib.crc32(s) for s in shingles), dtype=np.uint64, count=len(shingles))
    a, b = _permutations(params.num_perm)
    hv = (h[:, None] * a[None, :] + b[None, :]) % _PRIME  # (shingles, num_perm), < 2^31
    width = min(params.window, len(shingles))
    minima = sliding_window_view(hv, width, axis=0).min(axis=-1)  # (windows, num_perm)
    rows = minima.reshape(len(minima), params.bands, params.rows)
    keys = np.zeros(rows.shape[:2], dtype=np.uint64)
    for r in range(params.rows):
        keys = keys * _PRIME + rows[:, :, r]  # rows ≤ 2 keeps this below 2^63
    bands = np.broadcast_to(np.arange(params.bands, dtype=np.uint64), keys.shape)
    pairs = np.stack([bands.ravel(), keys.ravel()], axis=1).astype(np.int64)
    return np.unique(pairs, axis=0)


@dataclass(frozen=True)
class Passage:
    """One shared passage: character offsets in each text and its length in words."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int


@dataclass
class Reuse:
    """What two texts share."""

    passages: list[Passage] = field(default_factory=list)
    share_a: float = 0.0  # share of text a's characters inside a shared passage
    share_b: float = 0.0

    @property
    def words(self) -> int:
        return sum(p.words for p in self.passages)


def align(a: Words, b: Words, params: ReuseParams) -> list[Passage]:
    """The passages ``a`` and ``b`` share, in the order of ``a``.

    Seeds are word n-grams present in both (only the first ``seed_places`` places of an n-gram
    repeated in ``a`` seed runs); seeds on one diagonal form runs; consecutive runs whose gaps are at most
    ``max_gap`` words on both sides merge. Each word belongs to one passage at most (the longest).
    """
    k = params.shingle
    hb = b.hashes(k)
    sorted_a, places_a = a.first_places(k, params.seed_places)
    if not len(hb) or not len(sorted_a):
        return []
    # every (i, j) where b's k-gram at j is one of the first places i of it in a
    lo = np.searchsorted(sorted_a, hb, "left")
    counts = np.searchsorted(sorted_a, hb, "right") - lo
    total = int(counts.sum())
    if not total:
        return []
    j = np.repeat(np.arange(len(hb)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    i = places_a[np.repeat(lo, counts) + offsets]
    # seeds on one diagonal at consecutive places form a run
    order = np.lexsort((j, i - j))
    i, j = i[order], j[order]
    new_run = np.r_[True, ((i[1:] - j[1:]) != (i[:-1] - j[:-1])) | (j[1:] != j[:-1] + 1)]
    starts = np.flatnonzero(new_run)
    lengths = np.diff(np.r_[starts, len(i)])
    run_i, run_j = i[starts], j[starts]
    spans = sorted(
        zip(
            run_i.tolist(),
            (run_i + lengths + k - 1).tolist(),
            run_j.tolist(),
            (run_j + lengths + k - 1).tolist(),
            strict=True,
        ),
        key=lambda s: (s[0], s[2]),
    )
    merged: list[list[int]] = []
    for a0, a1, b0, b1 in spans:
        last = merged[-1] if merged else None
        if (
            last is not None
            and -k <= a0 - last[1] <= params.max_gap
            and -k <= b0 - last[3] <= params.max_gap
        ):
            last[1], last[3] = max(last[1], a1), max(last[3], b1)
        else:
            merged.append([a0, a1, b0, b1])
    passages = []
    used_a, used_b = np.zeros(len(a), dtype=bool), np.zeros(len(b), dtype=bool)
    for a0, a1, b0, b1 in sorted(merged, key=lambda s: s[0] - s[1]):  # longest first
        if min(a1 - a0, b1 - b0) < params.min_words or used_a[a0:a1].any() or used_b[b0:b1].any():
            continue
        used_a[a0:a1] = used_b[b0:b1] = True
        passages.append(
            Passage(
                a.starts[a0], a.ends[a1 - 1], b.starts[b0], b.ends[b1 - 1], min(a1 - a0, b1 - b0)
            )
        )
    return sorted(passages, key=lambda p: p.a_start)


def _coverage(spans: list[tuple[int, int]], length: int) -> float:
    covered, reach = 0, 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            covered += end - start
            reach = end
    return covered / length if length else 0.0


def compare(
    text_a: str,
    text_b: str,
    params: ReuseParams,
    words_a: Words | None = None,
    words_b: Words | None = None,
) -> Reuse:
    """Align two texts and measure the share of each inside shared passages."""
    wa = words_a or words(text_a)
    wb = words_b or words(text_b)
    passages = align(wa, wb, params)
    return Reuse(
        passages,
        _coverage([(p.a_start, p.a_end) for p in passages], len(text_a.strip())),
        _coverage([(p.b_start, p.b_end) for p in passages], len(text_b.strip())),
    )


def direction(published_a: str | None, published_b: str | None) -> str | None:
    """ "a>b" when a was published first (b likely copied a), "b>a" the other way, else None.

    Dates are compared at the precision both share; equal or missing dates say nothing.
    """
    if not published_a or not published_b:
        return None
    n = min(len(str(published_a)), len(str(published_b)), 10)
    a, b = str(published_a)[:n], str(published_b)[:n]
    if a == b:
        return None
    return "a>b" if a < b else "b>a"
