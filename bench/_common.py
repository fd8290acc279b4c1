"""What the pipeline benchmarks share: generated corpora, the real news beside the checkout,
and child processes measured for wall time, CPU time and peak memory (CPU time and resident
memory of the whole process tree, spaCy's workers included)."""

from __future__ import annotations

import json
import os
import platform
import resource
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


#: the folder beside the checkout that holds the evaluation sets and the reference corpus
#: ($DYAD_SHARED names another, as for the tests)
SHARED = Path(os.environ.get("DYAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def real_corpus(folder: Path) -> tuple[Path | None, str]:
    """Real news in one JSONL file: the 200 GeoWebNews articles (``eval/geowebnews/GWN.xml``)
    and the reference corpus's articles (``corpus/seeds/*.txt``) beside the checkout. Returns
    (path, what it holds), or (None, why not) when neither is there."""
    from dyad.evaluation.sets import load_geowebnews

    gwn = SHARED / "eval" / "geowebnews" / "GWN.xml"
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not gwn.is_file() and not seeds:
        return None, f"no real news: neither {gwn} nor {SHARED / 'corpus' / 'seeds'}/*.txt exists"
    records = []
    if gwn.is_file():
        records += [{"id": f"gwn-{a['id']}", "text": a["text"]} for a in load_geowebnews(gwn)]
    n_gwn = len(records)
    records += [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    path = folder / "real-news.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
    return path, f"{n_gwn} GeoWebNews articles and {len(seeds)} seed articles"


def _children_cpu() -> float:
    """CPU seconds (user + system) of every child process this process has waited for, and
    of every process those waited for in turn (spaCy's workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh Python, which prints one JSON object as its last line; return
    it with ``wall_s``, ``tree_cpu_s`` (the CPU time of the process and all its children,
    spaCy's workers included), ``peak_mb`` (the largest sum of RSS over the process and its
    children, sampled every 50 ms) and ``peak_pss_mb`` (the same with PSS, every 250 ms: pages
    forked workers still share with their parent count once, not once a process; Linux only,
    else None)."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    peak = 0
    peak_pss: int | None = 0 if sys.platform.startswith("linux") else None
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        root = psutil.Process(proc.pid)
        tick = 0
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
                if peak_pss is not None and tick % 5 == 0:
                    peak_pss = max(peak_pss, sum(p.memory_full_info().pss for p in tree))
            except psutil.Error:
                pass
            tick += 1
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
    result["tree_cpu_s"] = _children_cpu() - cpu_before
    result["peak_mb"] = peak / 2**20
    result["peak_pss_mb"] = None if peak_pss is None else peak_pss / 2**20
    return result


#: bare nlp.pipe of the configured model over the texts of a JSONL file (the floor)
BARE = """
import json, resource, sys, time
import spacy
from dyad.config import load_settings
def cpu():
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
settings = load_settings()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
t0 = time.perf_counter()
nlp = spacy.load(settings.model)
t1, c1 = time.perf_counter(), cpu()
words = 0
for doc in nlp.pipe(texts, batch_size=settings.nlp_batch_size, n_process=int(sys.argv[2])):
    words += sum(1 for t in doc if not t.is_space and not t.is_punct)
t2, c2 = time.perf_counter(), cpu()  # the workers have been joined: their CPU is in c2
print(json.dumps({"words": words, "load_s": t1 - t0, "pipe_s": t2 - t1, "pipe_cpu_s": c2 - c1,
                  "docs": len(texts)}))
"""

#: dyad's run (the API `dyad run` wraps) over JSONL files into a store, timed by stage
RUN = """
import json, sys, time
t0 = time.perf_counter()
from dyad.config import load_settings
from dyad.pipeline import analyse, compare_sources, ingest
from dyad.store import Store
db, n_process, cluster, config, overrides, *paths = sys.argv[1:]
settings = load_settings(config or None,
                         overrides={"nlp.n_process": int(n_process), **json.loads(overrides)})
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
    db: Path,
    paths: list[Path],
    n_process: int = 1,
    cluster: str = "",
    config: str = "",
    overrides: dict | None = None,
) -> dict:
    """dyad's run in a fresh process; ``overrides`` are settings ({"nlp.components.dyad_events.
    coder": "learned"})."""
    args = (str(db), str(n_process), cluster, config, json.dumps(overrides or {}))
    return measured(RUN, *args, *map(str, paths))


def bare_pipe(path: Path, n_process: int = 1) -> dict:
    return measured(BARE, str(path), str(n_process))


#: dyad's run with the time of each pipeline component, of the steps around them (tokenising,
#: tables, DuckDB writes) and of each corpus step, in one process (n_process 1: the workers'
#: components would be timed apart). CPU seconds (process_time) and wall seconds per part.
PROFILE = """
import json, sys, time
from collections import defaultdict
import spacy.language
from dyad.config import load_settings
spent = defaultdict(lambda: [0.0, 0.0])  # part -> [cpu, wall]

def clock():
    return time.process_time(), time.perf_counter()

def add(part, start):
    cpu, wall = clock()
    spent[part][0] += cpu - start[0]
    spent[part][1] += wall - start[1]

class Upstream:
    # the documents a component pulls: the time spent making them is not the component's
    def __init__(self, docs):
        self.docs, self.cpu, self.wall = iter(docs), 0.0, 0.0
    def __iter__(self):
        return self
    def __next__(self):
        cpu, wall = clock()
        try:
            return next(self.docs)
        finally:
            now = clock()
            self.cpu += now[0] - cpu
            self.wall += now[1] - wall

real_pipe = spacy.language._pipe
def timed_pipe(docs, *args, **kwargs):  # spaCy passes proc, name, ... by keyword
    name = kwargs["name"] if "name" in kwargs else args[1]
    upstream = Upstream(docs)
    inner = real_pipe(upstream, *args, **kwargs)
    while True:
        start, before = clock(), (upstream.cpu, upstream.wall)
        try:
            doc = next(inner)
        except StopIteration:
            return
        finally:
            now = clock()
            spent[name][0] += now[0] - start[0] - (upstream.cpu - before[0])
            spent[name][1] += now[1] - start[1] - (upstream.wall - before[1])
        yield doc
spacy.language._pipe = timed_pipe

def timed(module, attr, part):
    real = getattr(module, attr)
    def wrapper(*args, **kwargs):
        start = clock()
        try:
            return real(*args, **kwargs)
        finally:
            add(part, start)
    setattr(module, attr, wrapper)

import dyad.actors.store, dyad.claims.store, dyad.events.merge, dyad.reuse.store
import dyad.pipeline, dyad.time.component, dyad.nlp
from dyad.store import Store
timed(dyad.time.component, "make_doc", "tokenizer (make_doc)")
timed(dyad.pipeline, "annotation_tables", "tables (annotation_tables)")
timed(Store, "save_annotations", "DuckDB writes (save_annotations)")
timed(dyad.nlp, "load_pipeline", "pipeline load")
timed(dyad.actors.store, "resolve_corpus", "corpus: actors")
timed(dyad.reuse.store, "update_reuse", "corpus: reuse")
timed(dyad.claims.store, "update_claims", "corpus: claims")
timed(dyad.events.merge, "merge_events", "corpus: events")
from dyad.pipeline import analyse, compare_sources, ingest
db, config, overrides, *paths = sys.argv[1:]
settings = load_settings(config or None, overrides={"nlp.n_process": 1, **json.loads(overrides)})
start = clock()
with Store(db) as store:
    ingest(store, paths, settings)
    add("ingest", start)
    start = clock()
    done = analyse(store, settings)
    add("analyse (all)", start)
    start = clock()
    compare_sources(store, settings)
    add("corpus steps (all)", start)
print(json.dumps({"parts": dict(spent), "words": done.words_analysed, "docs": done.analysed}))
"""


def dyad_profile(db: Path, paths: list[Path], config: str = "", overrides=None) -> dict:
    """Seconds (CPU, wall) per pipeline component and per step of dyad's run."""
    return measured(PROFILE, str(db), config, json.dumps(overrides or {}), *map(str, paths))
