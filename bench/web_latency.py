"""Web app benchmark: latency of the API and pages on a database of ~100,000 events.

    python bench/web_latency.py                   # 100,000 events, 200 requests a route
    python bench/web_latency.py --events 20000 --requests 50

The database is the demo corpus, analysed by the real pipeline, then copied whole (every
table that belongs to a document: documents, sentences, tokens, mentions, events, places,
dates, labels, sentiment, reuse) until it holds ``--events`` merged events; each copy gets new
document ids, so the copies are distinct documents with the demo's real distribution of
actors, types, dates and places. The benchmark then starts the real server (uvicorn on a
loopback socket), and times ``--requests`` requests to each route from one client, each
request with varied parameters (offsets, actors, types, windows, ids), over HTTP.

It prints the seconds to build the database and the app's read model, and per route the
median, 95th and 99th percentile latency in milliseconds, with the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import duckdb

from dyad.config import load_settings
from dyad.corpus import Corpus
from dyad.demo import demo_dir
from dyad.pipeline import run
from dyad.store import Store
from dyad.web.server import BackgroundServer

#: columns that identify a document's rows, rewritten in each copy (the first 5 characters
#: of a document id become the copy number; event ids start with their document id)
_ID_COLUMNS = {"doc_id", "doc_a", "doc_b", "event_id", "group_id", "supersedes", "sha256"}
_NAME_COLUMNS = {"origin", "path"}
_SKIP = {"_migrations", "actors", "claims", "runs", "problems"}


def build(path: Path, n_events: int) -> dict[str, int]:
    with Store(path) as store:
        run(store, [demo_dir()], load_settings(), command="benchmark")
    con = duckdb.connect(str(path))
    per_copy = con.execute("select count(*) from merged_events").fetchone()[0]
    copies = max(1, -(-n_events // per_copy))
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'"
        ).fetchall()
        if r[0] not in _SKIP
    ]
    for table in tables:
        columns = [
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns where table_name = ? "
                "order by ordinal_position",
                [table],
            ).fetchall()
        ]
        exprs = []
        for c in columns:
            if c in _ID_COLUMNS:
                exprs.append(f"lpad(cast(k as varchar), 5, '0') || substr(\"{c}\", 6)")
            elif c in _NAME_COLUMNS:
                exprs.append(f"\"{c}\" || '#copy' || k")
            else:
                exprs.append(f'"{c}"')
        con.execute(
            f"insert into {table} select {', '.join(exprs)} from {table}, range(1, {copies}) r(k)"
        )
    counts = {
        t: con.execute(f"select count(*) from {t}").fetchone()[0]
        for t in ("documents", "events", "merged_events", "mentions")
    }
    con.close()
    return counts


def routes(corpus: Corpus, rng: random.Random) -> dict[str, list[str]]:
    """Request paths per route, with the parameters a user would vary."""
    n = 200
    actors = [a["actor_id"] for a in corpus.actors(limit=40).items]
    events = corpus.events(limit=500, offset=rng.randrange(1000))
    total = events.total
    event_ids = [e["event_id"] for e in events.items]
    docs = [d["doc_id"] for d in corpus.documents(limit=500, offset=rng.randrange(1000)).items]
    outlets = [o["outlet"] for o in corpus.overview()["outlets_list"]]
    types = ["ASSAULT", "SUPPORT", "REQUEST", "ACCUSE", "COERCE", "AID", "RETREAT"]

    def q(**params: object) -> str:
        return urllib.parse.urlencode(params)

    def years() -> tuple[int, int]:
        start = rng.randint(1980, 2016)
        return start, start + rng.randint(0, 5)

    def pick(items: list[str]) -> str:
        return urllib.parse.quote(rng.choice(items), safe="")

    return {
        "GET /api/events (page)": [
            f"/api/events?{q(offset=rng.randrange(total - 50), limit=50)}" for _ in range(n)
        ],
        "GET /api/events?actor": [f"/api/events?{q(actor=rng.choice(actors))}" for _ in range(n)],
        "GET /api/events?type&modality": [
            f"/api/events?{q(type=rng.choice(types), modality='asserted')}" for _ in range(n)
        ],
        "GET /api/events?date_from&date_to": [
            f"/api/events?{q(date_from=y[0], date_to=y[1])}" for y in (years() for _ in range(n))
        ],
        "GET /api/events?source": [
            f"/api/events?{q(source=rng.choice(outlets))}" for _ in range(n)
        ],
        "GET /api/events/{id}": [f"/api/events/{pick(event_ids)}" for _ in range(n)],
        "GET /api/actors?q": [
            f"/api/actors?{q(q=rng.choice(['iran', 'mek', 'al', 'us']))}" for _ in range(n)
        ],
        "GET /api/actors/{id}": [f"/api/actors/{pick(actors)}" for _ in range(n)],
        "GET /api/documents (page)": [
            f"/api/documents?{q(offset=rng.randrange(len(docs)))}" for _ in range(n)
        ],
        "GET /api/documents/{id}": [f"/api/documents/{pick(docs)}" for _ in range(n)],
        "GET /api/map": [f"/api/map?{q(actor=rng.choice(actors))}" for _ in range(n)],
        "GET /api/timeline": [f"/api/timeline?{q(actor=rng.choice(actors))}" for _ in range(n)],
        "GET /api/overview": ["/api/overview"] * n,
        "GET /api/claims": ["/api/claims"] * n,
        "GET /api/framing?actor": [f"/api/framing?{q(actor=rng.choice(actors))}" for _ in range(n)],
        "GET /api/network (cached)": ["/api/network"] * n,
        "page /events?actor": [f"/events?{q(actor=rng.choice(actors))}" for _ in range(n)],
        "page /actors/{id}": [f"/actors/{pick(actors)}" for _ in range(n)],
        "page /documents/{id}": [f"/documents/{pick(docs)}" for _ in range(n)],
    }


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.duckdb"
        started = time.perf_counter()
        counts = build(db, args.events)
        built = time.perf_counter() - started
        print(
            f"database: {counts['merged_events']:,} merged events ({counts['events']:,} mentions), "
            f"{counts['documents']:,} documents, {counts['mentions']:,} actor mentions; "
            f"built in {built:.1f} s"
        )
        started = time.perf_counter()
        with Corpus(db) as corpus:
            print(f"read model (Corpus) built in {time.perf_counter() - started:.2f} s")
            paths = routes(corpus, rng)
        started = time.perf_counter()
        with BackgroundServer(db) as url:
            print(f"server started (read model included) in {time.perf_counter() - started:.2f} s")
            first = fetch(url + "/api/network")
            print(f"first /api/network (computes the network and its camps): {first:.0f} ms")
            print(f"{'route':<36} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
            worst = 0.0
            for name, route_paths in paths.items():
                times = [fetch(url + p) for p in route_paths[: args.requests]]
                p95 = percentile(times, 95)
                worst = max(worst, p95) if name.startswith("GET /api") else worst
                print(
                    f"{name:<36} {len(times):>4} {statistics.median(times):>8.1f} "
                    f"{p95:>8.1f} {percentile(times, 99):>8.1f}",
                    flush=True,
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"worst API p95: {worst:.1f} ms (target < 100 ms); peak memory {peak:.0f} MB")
    print(json.dumps({"events": counts["merged_events"], "worst_api_p95_ms": round(worst, 1)}))
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
