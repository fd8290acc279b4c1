"""What the pipeline benchmarks share: generated corpora and child processes measured for time
and peak memory (the resident memory of the whole process tree, spaCy's workers included)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from dyad.demo.synth import write_corpus


def machine() -> str:
    """One line that says what the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def corpus(folder: Path, n_docs: int, seed: int, start: int = 0) -> Path:
    """Generated articles ``start`` … ``n_docs - 1`` in one JSONL file (made once, reused)."""
    path = folder / f"synth-{seed}-{start}-{n_docs}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".part")
        write_corpus(tmp, n_docs, seed, start)
        tmp.rename(path)
    return path


def measured(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh Python, which prints one JSON object as its last line; return
    it with ``wall_s`` and ``peak_mb`` (the largest sum of RSS over the process and its
    children, sampled every 50 ms)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.05)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    output, _ = proc.communicate()
    done.set()
    watcher.join()
    if proc.returncode:
        raise SystemExit(f"benchmark child failed with status {proc.returncode}:\n{output}")
    result = json.loads(output.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    result["peak_mb"] = peak / 2**20
    return result


#: bare nlp.pipe of the configured model over the texts of a JSONL file (the floor)
BARE = """
import json, sys, time
import spacy
from dyad.config import load_settings
settings = load_settings()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
t0 = time.perf_counter()
nlp = spacy.load(settings.model)
t1 = time.perf_counter()
words = 0
for doc in nlp.pipe(texts, batch_size=settings.nlp_batch_size, n_process=int(sys.argv[2])):
    words += sum(1 for t in doc if not t.is_space and not t.is_punct)
t2 = time.perf_counter()
print(json.dumps({"words": words, "load_s": t1 - t0, "pipe_s": t2 - t1, "docs": len(texts)}))
"""

#: dyad's run (the API `dyad run` wraps) over JSONL files into a store, timed by stage
RUN = """
import json, sys, time
t0 = time.perf_counter()
from dyad.config import load_settings
from dyad.pipeline import analyse, compare_sources, ingest
from dyad.store import Store
db, n_process, cluster, config, *paths = sys.argv[1:]
settings = load_settings(config or None, overrides={"nlp.n_process": int(n_process)})
with Store(db) as store:
    t1 = time.perf_counter()
    read = ingest(store, paths, settings)
    t2 = time.perf_counter()
    if cluster:
        from dyad.cluster import analyse_on_cluster, cluster_client
        with cluster_client(cluster) as client:
            t2 = time.perf_counter()  # the cluster's start is reported apart
            done = analyse_on_cluster(store, settings, client)
    else:
        done = analyse(store, settings)
    t3 = time.perf_counter()
    compare_sources(store, settings)
    t4 = time.perf_counter()
    n_docs = store.stats()["documents"]
print(json.dumps({"cpu_s": time.process_time(), "import_s": t1 - t0, "ingest_s": t2 - t1, "analyse_s": t3 - t2,
                  "corpus_s": t4 - t3, "total_s": t4 - t0, "stored": read.stored,
                  "words": done.words_analysed, "events": done.events, "store_docs": n_docs}))
"""


def dyad_run(
    db: Path, paths: list[Path], n_process: int = 1, cluster: str = "", config: str = ""
) -> dict:
    return measured(RUN, str(db), str(n_process), cluster, config, *map(str, paths))


def bare_pipe(path: Path, n_process: int = 1) -> dict:
    return measured(BARE, str(path), str(n_process))
