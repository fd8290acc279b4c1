"""The document-level pipeline on Dask distributed (issue 10): same rows as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.demo import demo_dir
from dyad.errors import ConfigError
from dyad.export import table_rows
from dyad.pipeline import analyse, compare_sources, ingest, run
from dyad.store import Store

distributed = pytest.importorskip("distributed", reason="needs the dyad[cluster] extra")

TABLES = ("documents", "events", "actors", "places", "claims", "framing", "reuse")
#: the annotation tables a worker writes, compared row by row
RAW = ("sentences", "tokens", "entities", "mentions", "events", "event_actors", "claim_values")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def single(
    tmp_path_factory,
) -> Path:
    from dyad.config import load_settings

    db = tmp_path_factory.mktemp("single") / "one.duckdb"
    settings = load_settings()
    with Store(db) as store:
        ingest(store, [demo_dir()], settings)
        analyse(store, settings)
        compare_sources(store, settings)
    return db


def _snapshot(db: Path) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        shot = {
            t: sorted(json.dumps(r, sort_keys=True, default=str) for r in table_rows(store, t))
            for t in TABLES
            if t != "documents"
        }
        for t in RAW:
            rows = store.rows(f"select * exclude (doc_id), doc_id from {t}")
            shot[t] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    return shot


@pytest.mark.slow
def test_two_local_workers_store_the_rows_of_one_process(
    tmp_path: Path, cluster, single: Path, settings
) -> None:
    from dyad.cluster import analyse_on_cluster

    db = tmp_path / "cluster.duckdb"
    with distributed.Client(cluster) as client, Store(db) as store:
        ingest(store, [demo_dir()], settings)
        # small partitions, so both workers get several
        report = analyse_on_cluster(store, settings, client, partition_docs=2)
        compare_sources(store, settings)
        workers = {w for w in client.run(lambda: __import__("os").getpid()).values()}
        assert store.pending_ids() == []
    assert len(workers) == 2
    assert report.analysed == 10 and report.words_analysed > 2000 and report.events > 50
    expected, got = _snapshot(single), _snapshot(db)
    for table in expected:
        assert expected[table], table
        assert got[table] == expected[table], table
    assert not (tmp_path / "cluster.duckdb.shards").exists(), "shards are removed after the run"


@pytest.mark.slow
def test_run_through_a_scheduler_address(tmp_path: Path, cluster, single: Path, settings) -> None:
    """The tcp:// path: what `dyad run --cluster tcp://HOST:PORT` does against a scheduler
    started elsewhere (here, the local cluster's)."""
    db = tmp_path / "tcp.duckdb"
    shards = tmp_path / "shared"
    with Store(db) as store:
        report = run(
            store, [demo_dir()], settings, cluster=cluster.scheduler_address, shard_dir=shards
        )
    assert report.ok and report.analysed == 10
    assert _snapshot(db)["events"] == _snapshot(single)["events"]
    assert shards.is_dir() and not list(shards.iterdir())


@pytest.mark.parametrize("spec", ["local:0", "local:x", "spark://host:7077"])
def test_bad_cluster_specs_say_what_to_write(spec: str) -> None:
    from dyad.cluster import cluster_client

    with pytest.raises(ConfigError, match="local:N"), cluster_client(spec):
        pass
