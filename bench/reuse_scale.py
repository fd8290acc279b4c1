"""Text-reuse benchmark: a synthetic corpus with planted copies, at growing sizes.

    python bench/reuse_scale.py                 # 2,500 / 5,000 / 10,000 / 20,000 documents
    python bench/reuse_scale.py --sizes 20000   # one size

Each document is random prose (a Zipf-distributed vocabulary of 30,000 invented words, sentences
of 8 to 30 words). One document in ten copies one to four consecutive sentences (20 words at
least) of an earlier one, lightly edited the way outlets edit: one word in 25 changed, a
sentence dropped from longer passages, a short phrase swapped. The copies are the gold pairs.
The run goes through a real DuckDB store (dyad.reuse.store.update_reuse), and reports recall
and precision of the planted pairs, time, time per document, and peak memory. The ratio of
the time per document at one size to the smallest size shows how close growth is to linear.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from dyad.config import load_settings
from dyad.ingest.readers import Article
from dyad.reuse import ReuseParams
from dyad.reuse.store import update_reuse
from dyad.store import Store

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(rng: random.Random, n: int) -> tuple[list[str], list[float]]:
    vocab = sorted({"".join(rng.choices(_ALPHABET, k=rng.randint(2, 10))) for _ in range(n)})
    rng.shuffle(vocab)
    return vocab, [1.0 / (rank + 1) for rank in range(len(vocab))]


def _sentence(rng: random.Random, vocab: list[str], weights: list[float]) -> str:
    words = rng.choices(vocab, weights, k=rng.randint(8, 30))
    return " ".join(words).capitalize() + "."


def _edit(rng: random.Random, sentences: list[tuple[int, str]], vocab: list[str]) -> list:
    if len(sentences) > 2 and rng.random() < 0.5:
        del sentences[rng.randrange(1, len(sentences) - 1)]  # a dropped sentence
    edited = []
    for origin, s in sentences:
        words = s.split()
        for i in range(len(words)):
            if rng.random() < 1 / 25:
                words[i] = rng.choice(vocab)  # a changed word
        if len(words) > 10 and rng.random() < 0.3:
            words[3:5] = [rng.choice(vocab)]  # "last night" → "recently"
        edited.append((origin, " ".join(words)))
    return edited


def corpus(n_docs: int, seed: int = 7) -> tuple[list[str], set[tuple[int, int]]]:
    """Texts, and the gold pairs: documents that share copied sentences of 20 words or more
    (a copy of a copy shares text with the original too, and two copies of one source share
    text with each other)."""
    rng = random.Random(seed)
    vocab, weights = _vocabulary(rng, 30_000)
    docs: list[list[tuple[int, str]]] = []
    next_origin = 0
    for i in range(n_docs):
        sentences = []
        for _ in range(rng.randint(10, 40)):
            sentences.append((next_origin, _sentence(rng, vocab, weights)))
            next_origin += 1
        if i > 0 and rng.random() < 0.1:
            source = docs[rng.randrange(i)]
            start = rng.randrange(len(source))
            taken = source[start : start + rng.randint(1, 4)]
            while _words(taken) < 20 and start + len(taken) < len(source):
                taken = source[start : start + len(taken) + 1]
            if _words(taken) >= 20:
                at = rng.randrange(len(sentences) + 1)
                sentences[at:at] = _edit(rng, list(taken), vocab)
        docs.append(sentences)
    holders: dict[int, list[tuple[int, int]]] = {}
    for d, sentences in enumerate(docs):
        for origin, s in sentences:
            holders.setdefault(origin, []).append((d, len(s.split())))
    shared: dict[tuple[int, int], int] = {}
    for held in holders.values():
        for x in range(len(held)):
            for y in range(x + 1, len(held)):
                pair = (min(held[x][0], held[y][0]), max(held[x][0], held[y][0]))
                shared[pair] = shared.get(pair, 0) + min(held[x][1], held[y][1])
    gold = {pair for pair, n in shared.items() if n >= 20}
    return [" ".join(s for _, s in sentences) for sentences in docs], gold


def _words(sentences: list[tuple[int, str]]) -> int:
    return sum(len(s.split()) for _, s in sentences)


def run(n_docs: int, workdir: Path) -> dict:
    texts, planted = corpus(n_docs)
    db = workdir / f"reuse-{n_docs}.duckdb"
    with Store(db) as store:
        articles = [
            Article(text=t, path=f"synthetic/{i}.txt", format="txt") for i, t in enumerate(texts)
        ]
        for k in range(0, len(articles), 2000):
            store.add_documents(articles[k : k + 2000])
        index = dict(
            store.con.execute(
                "select doc_id, cast(split_part(path, '/', 2) as varchar) from documents"
            ).fetchall()
        )
        started = time.perf_counter()
        update_reuse(store, ReuseParams.from_settings(load_settings()))
        seconds = time.perf_counter() - started
        pairs = store.con.execute("select doc_a, doc_b from reuse").fetchall()
    found = {
        tuple(sorted((int(index[a].removesuffix(".txt")), int(index[b].removesuffix(".txt")))))
        for a, b in pairs
    }
    hits = len(found & planted)
    return {
        "docs": n_docs,
        "words": sum(len(t.split()) for t in texts),
        "planted": len(planted),
        "found": len(found),
        "recall": hits / len(planted) if planted else 1.0,
        "precision": hits / len(found) if found else 1.0,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            rows.append(run(n, Path(tmp)))
            r = rows[-1]
            per_doc = r["seconds"] / r["docs"] * 1000
            base = rows[0]["seconds"] / rows[0]["docs"] * 1000
            print(
                f"{r['docs']:>7,} docs {r['words']:>11,} words  planted {r['planted']:>5}  "
                f"found {r['found']:>5}  recall {r['recall']:.3f}  precision {r['precision']:.3f}  "
                f"{r['seconds']:7.1f} s  {per_doc:5.2f} ms/doc (×{per_doc / base:.2f} of the "
                f"smallest)  peak RSS {r['peak_mb']:,.0f} MB",
                flush=True,
            )
    bad = [r for r in rows if r["recall"] < 0.95 or r["precision"] < 0.95]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
