"""The distributed run against one process: throughput on a local Dask cluster.

    python bench/cluster.py                  # 600 generated articles
    python bench/cluster.py --docs 2000

The same generated corpus is analysed four ways, each into a fresh store in a fresh process:
one process (n_process=1), spaCy's own worker processes (n_process=2), a local Dask cluster of
one worker and one of two workers (threads_per_worker=1). Throughput counts the analysis step
(the corpus steps are the same code on one machine either way); the cluster's start is left
out and printed apart. The events of the two-worker run are compared with the one-process run.
On one machine of N cores no engine can beat nlp.pipe(n_process=N): the cluster pays for
shards written and read, and a model per worker. It pays off across machines.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import corpus, machine, measured

ANALYSE = """
import hashlib, json, sys, time
from dyad.config import load_settings
from dyad.export import table_rows
from dyad.pipeline import analyse, compare_sources, ingest
from dyad.store import Store
db, how, path = sys.argv[1:]
settings = load_settings(overrides={"nlp.n_process": int(how) if how.isdigit() else 1})
with Store(db) as store:
    ingest(store, [path], settings)
    start_s = 0.0
    if how.isdigit():
        t = time.perf_counter()
        done = analyse(store, settings)
    else:
        from dyad.cluster import analyse_on_cluster, cluster_client
        t0 = time.perf_counter()
        with cluster_client(how) as client:
            client.wait_for_workers(int(how.split(":")[1]))
            start_s = time.perf_counter() - t0
            t = time.perf_counter()
            done = analyse_on_cluster(store, settings, client)
            seconds = time.perf_counter() - t
    if how.isdigit():
        seconds = time.perf_counter() - t
    compare_sources(store, settings)
    events = sorted(json.dumps(e, sort_keys=True, default=str) for e in table_rows(store, "events"))
print(json.dumps({"seconds": seconds, "start_s": start_s, "words": done.words_analysed,
                  "events": len(events), "digest": hashlib.sha256("\\n".join(events).encode()).hexdigest()}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    ways = [("1", "one process"), ("2", "nlp.pipe n_process=2"),
            ("local:1", "Dask, 1 worker"), ("local:2", "Dask, 2 workers")]  # fmt: skip
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus(Path(tmp), args.docs, args.seed)
        for how, label in ways:
            r = measured(
                ANALYSE, str(Path(tmp) / f"{how.replace(':', '-')}.duckdb"), how, str(path)
            )
            results[how] = r
            rate = r["words"] / r["seconds"]
            start = f", cluster start {r['start_s']:.1f} s not counted" if r["start_s"] else ""
            print(
                f"{label:22s}: {r['seconds']:6.1f} s  {rate:6,.0f} words/s  peak "
                f"{r['peak_mb']:,.0f} MB  {r['events']:,} events{start}",
                flush=True,
            )
    rate = {how: r["words"] / r["seconds"] for how, r in results.items()}
    print(
        f"Dask 2 workers vs 1 worker: ×{rate['local:2'] / rate['local:1']:.2f}; "
        f"vs nlp.pipe n_process=2: ×{rate['local:2'] / rate['2']:.2f}; "
        f"vs one process: ×{rate['local:2'] / rate['1']:.2f}"
    )
    same = results["local:2"]["digest"] == results["1"]["digest"]
    print(f"events of the 2-worker run equal the one-process run: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
