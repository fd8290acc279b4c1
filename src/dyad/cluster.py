"""The document-level pipeline on a Dask distributed cluster (the optional ``dyad[cluster]``).

Why Dask (docs/scale.md has the measurements): it is a 25 MB install that starts a local
cluster in about a second and runs plain Python functions on workers; Ray and Spark cost ten
and twenty times the install, several seconds to start, and Spark needs Java. None of them is
faster than ``nlp.pipe(n_process=N)`` on one machine: an engine pays off across machines.

How a run goes:

1. The client writes the pending documents as input shards, one Parquet file of
   ``doc_id, text, published`` per partition, with DuckDB (no Python loop over the texts).
2. Each partition is one task. A worker loads the spaCy pipeline once (the first task on that
   worker process loads it; the client never ships a model), parses its shard with
   ``nlp.pipe``, builds exactly the rows the single-process run builds
   (:func:`dyad.pipeline.annotation_tables`) and writes one Parquet file per table into the
   partition's output folder, then a ``done.json`` marker.
3. The client loads each finished partition into the store in one transaction, as partitions
   finish; then the corpus steps (actor resolution, reuse, claims, event merging) run on the
   store as in a single-process run.

The shard folder must be one that every worker can read and write: any local folder for
``local:N``; for workers on other machines, a shared filesystem (NFS, a mounted bucket) given
with ``--shards``. A killed run loses nothing stored: unloaded documents stay pending, and the
next run shards them again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .config import Settings
from .errors import ConfigError
from .pipeline import Reporter, RunReport, limit_store, resolve_actors
from .store import Store

__all__ = ["analyse_on_cluster", "cluster_client", "partition_task"]

_INPUT = "input.parquet"
_DONE = "done.json"


@contextmanager
def cluster_client(spec: str) -> Iterator[Any]:
    """A Dask client for ``spec``: ``local:N`` starts a local cluster of N single-threaded
    worker processes (closed on exit); ``tcp://HOST:PORT`` connects to a running scheduler."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ConfigError("--cluster needs Dask distributed: pip install 'dyad[cluster]'") from err
    if spec.startswith("local:"):
        try:
            n = int(spec.removeprefix("local:"))
        except ValueError:
            n = 0
        if n < 1:
            raise ConfigError(f"--cluster {spec!r}: local:N needs a number of workers ≥ 1")
        with (
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    if not spec.startswith(("tcp://", "tls://", "ucx://")):
        raise ConfigError(
            f"--cluster {spec!r}: give a scheduler address (tcp://HOST:PORT) or local:N"
        )
    try:
        client = Client(spec, timeout="20s")
    except OSError as err:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {spec} ({err}); start one with "
            "`dask scheduler` and workers with `dask worker " + spec + "`"
        ) from err
    with client:
        yield client


def analyse_on_cluster(
    store: Store,
    settings: Settings,
    client: Any,
    reporter: Reporter | None = None,
    shard_dir: str | Path | None = None,
    partition_docs: int | None = None,
) -> RunReport:
    """Analyse every pending document on the cluster behind ``client``; the rows stored are
    the rows :func:`dyad.pipeline.analyse` stores."""
    from dask.distributed import as_completed

    reporter = reporter or Reporter()
    report = RunReport()
    limit_store(store, settings)
    pending = store.pending_ids()
    if not pending:
        resolve_actors(store, settings, report)  # unless done: a killed run is completed here
        return report
    started = time.perf_counter()
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = partition_docs or max(8, min(500, -(-len(pending) // (workers * 4))))
    root = Path(shard_dir or f"{store.path}.shards") / uuid.uuid4().hex[:12]
    reporter.start("analysing", len(pending))
    try:
        parts = _write_shards(store, pending, root, size)
        futures = client.map(partition_task, [str(p) for p in parts], raw=settings.raw, pure=False)
        index = {future.key: k for k, future in enumerate(futures)}
        finished: dict[int, dict[str, Any]] = {}
        loaded = 0
        for future in as_completed(futures):
            finished[index[future.key]] = future.result()
            # partitions are loaded in their order, whatever order they finish in: the store
            # then holds what one process stores (the first document naming a new actor
            # gives its row)
            while loaded in finished:
                summary = finished.pop(loaded)
                _load_partition(store, Path(summary["folder"]), summary)
                report.analysed += summary["documents"]
                report.words_analysed += summary["words"]
                report.events += summary["events"]
                reporter.advance("analysing", summary["documents"])
                loaded += 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
        if shard_dir is None and root.parent.exists() and not any(root.parent.iterdir()):
            root.parent.rmdir()
    reporter.finish("analysing")
    resolve_actors(store, settings, report)
    report.seconds = time.perf_counter() - started
    return report


def _write_shards(store: Store, pending: list[str], root: Path, size: int) -> list[Path]:
    parts = []
    for k in range(0, len(pending), size):
        folder = root / f"part-{k // size:05d}"
        folder.mkdir(parents=True)
        ids = pending[k : k + size]
        with store.registered("_ids", pa.table({"doc_id": ids, "n": list(range(len(ids)))})):
            store.con.execute(
                f"copy (select d.doc_id, d.text, d.published from documents d join _ids i using "
                f"(doc_id) order by i.n) to '{_sql_path(folder / _INPUT)}' (format parquet)"
            )
        parts.append(folder)
    return parts


def _sql_path(path: Path) -> str:
    text = str(path)
    if "'" in text:
        raise ConfigError(f"shard folder {text!r} must not contain a quote")
    return text


_PIPELINES: dict[str, Any] = {}


def partition_task(folder: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Run on a worker: analyse one input shard and write its tables beside it."""
    from .nlp import load_pipeline, parse
    from .pipeline import annotation_tables, count_words, model_name

    key = json.dumps(raw, sort_keys=True, default=str)
    if key not in _PIPELINES:  # once per worker process
        _PIPELINES.clear()
        _PIPELINES[key] = load_pipeline(Settings(raw))
    nlp = _PIPELINES[key]
    settings = Settings(raw).with_overrides({"nlp.n_process": 1})
    shard = pq.read_table(Path(folder) / _INPUT).to_pylist()
    items = [(row["doc_id"], row["text"], row["published"]) for row in shard]
    parsed = list(parse(nlp, items, settings))
    tables, actors = annotation_tables(nlp, parsed)
    out = Path(folder)
    for name, table in tables.items():
        pq.write_table(table, out / f"{name}.parquet")
    if actors:
        pq.write_table(pa.Table.from_pylist(actors), out / "actors.parquet")
    summary = {
        "folder": folder,
        "doc_ids": [doc_id for doc_id, _ in parsed],
        "tables": sorted(tables),
        "model": model_name(nlp),
        "documents": len(parsed),
        "words": sum(count_words(doc) for _, doc in parsed),
        "events": tables["events"].num_rows if "events" in tables else 0,
        "worker": os.getpid(),
    }
    (out / _DONE).write_text(json.dumps(summary), encoding="utf-8")
    return summary


def _load_partition(store: Store, folder: Path, summary: dict[str, Any]) -> None:
    tables = {name: pq.read_table(folder / f"{name}.parquet") for name in summary["tables"]}
    actors_file = folder / "actors.parquet"
    actors = pq.read_table(actors_file).to_pylist() if actors_file.exists() else []
    store.save_annotations(summary["doc_ids"], tables, model=summary["model"], actors=actors)
