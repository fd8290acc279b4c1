"""Web app benchmark: p95 latency of every page and API route on a database of ~100,000 events.

    python bench/web_latency.py                   # 100,000 events, 100 requests a route
                                                  # (20 a download route: they read every row)
    python bench/web_latency.py --events 20000 --requests 50
    python bench/web_latency.py --db /tmp/web.duckdb   # build it there once, reuse it after

The database is the demo corpus, analysed by the real pipeline, then copied whole (every
table that belongs to a document: documents, sentences, tokens, mentions, events, places,
dates, labels, sentiment, reuse) until it holds ``--events`` merged events; each copy gets new
document ids, so the copies are distinct documents with the demo's real distribution of
actors, types, dates and places. The benchmark then starts the real server (uvicorn on a
loopback socket), and times ``--requests`` requests to each route from one client, each
request with varied parameters (offsets, actors, types, windows, ids, sort keys, facet values,
search words), over HTTP. Every GET route of the app is timed, the table pages and their API
with a sort, a facet and a search, the downloads to their first byte of body (they stream, and
the first piece holds the first rows in every format; the rest is read off the clock). A route
the app has and the benchmark does not time fails it.

It prints the seconds to build the database and the app's read model, and per route the
median, 95th and 99th percentile latency in milliseconds, with the peak memory of the process;
it fails (exit status 1) when a route's p95 is 300 ms or more.
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
from typing import Any

import duckdb

from dyad.config import load_settings
from dyad.demo import demo_dir
from dyad.export import DOWNLOADS
from dyad.pipeline import run
from dyad.store import Store
from dyad.web.server import BackgroundServer

#: columns that identify a document's rows, rewritten in each copy (the first 5 characters
#: of a document id become the copy number; event ids start with their document id)
_ID_COLUMNS = {
    "doc_id",
    "doc_a",
    "doc_b",
    "event_id",
    "group_id",
    "copy_root",
    "supersedes",
    "sha256",
}
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
        if not _ID_COLUMNS & set(columns):  # the corpus's own rows (steps done): not copied
            continue
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
    con.close()
    return count(path)


def count(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("documents", "events", "merged_events", "mentions")
        }


#: the bar every route's p95 must stay under, in milliseconds
TARGET_MS = 300
#: how much of a download is timed: its first byte of body (downloads stream as they are
#: written, and the first piece written holds the header and the first rows in every format)
FIRST_BYTES = 1
#: search words for the tables' ``q`` (found in the demo corpus's texts and names)
WORDS = ["iran", "ashraf", "camp", "iraq", "mojahedin", "tehran", "police", "united states"]


def routes(app: Any, rng: random.Random, n: int) -> list[tuple[str, str, list[str]]]:
    """(route, what varies, request paths) for every route timed: the parameters a user
    would vary, drawn from the database served."""
    from dyad.browse import VIEWS

    corpus = app.state.corpus
    actors = [a["actor_id"] for a in corpus.actors(limit=40).items]
    events = corpus.events(limit=500, offset=rng.randrange(1000))
    total = events.total
    event_ids = [e["event_id"] for e in events.items]
    docs = [d["doc_id"] for d in corpus.documents(limit=500, offset=rng.randrange(1000)).items]
    outlets = [o["outlet"] for o in corpus.overview()["outlets_list"]]
    types = ["ASSAULT", "SUPPORT", "REQUEST", "ACCUSE", "COERCE", "AID", "RETREAT"]
    pairs = [(p["doc_a"], p["doc_b"]) for p in corpus.reuse(limit=200).items]
    claims = [c["claim_id"] for c in corpus.claims(limit=100).items]
    nodes = [a["actor_id"] for a in corpus.network()["nodes"]][:20]

    def q(**params: object) -> str:
        return urllib.parse.urlencode(params, doseq=True)

    def years() -> tuple[int, int]:
        start = rng.randint(1980, 2016)
        return start, start + rng.randint(0, 5)

    def pick(items: list[str]) -> str:
        return urllib.parse.quote(rng.choice(items), safe="")

    def many(make: Any) -> list[str]:
        return [make() for _ in range(n)]

    countries = [c["value"] for c in corpus.facets("events")["country"]]
    precisions = ["fine", "centroid", "not_centroid", "placed", "country", "city"]

    def explorer(box: bool = False, outlet: bool = False) -> str:
        """The linked explorer's filters (/explore sends them to the map, timeline, events)."""
        params: dict[str, object] = {"quad": rng.randint(1, 4)}
        params |= {"precision": rng.choice(precisions)} if box else {}
        params |= {"country": rng.choice(countries)} if not box else {}
        params |= {"outlet": rng.choice(outlets)} if outlet else {}
        if box:  # a box around the Middle East, jittered
            west, south = rng.uniform(20, 45), rng.uniform(10, 30)
            params["bbox"] = f"{west:.2f},{south:.2f},{west + 20:.2f},{south + 15:.2f}"
        return q(**params)

    timed = [
        ("/api/overview", "", ["/api/overview"] * n),
        ("/api/documents", "page", many(lambda: f"/api/documents?{q(offset=rng.randrange(len(docs)))}")),
        ("/api/documents/{doc_id}", "", many(lambda: f"/api/documents/{pick(docs)}")),
        ("/api/actors", "q", many(lambda: f"/api/actors?{q(q=rng.choice(['iran', 'mek', 'al', 'us']))}")),
        ("/api/actors/{actor_id}", "", many(lambda: f"/api/actors/{pick(actors)}")),
        ("/api/events", "page", many(lambda: f"/api/events?{q(offset=rng.randrange(total - 50), limit=50)}")),
        ("/api/events", "actor", many(lambda: f"/api/events?{q(actor=rng.choice(actors))}")),
        ("/api/events", "type&modality",
         many(lambda: f"/api/events?{q(type=rng.choice(types), modality='asserted')}")),
        ("/api/events", "date_from&date_to",
         many(lambda: "/api/events?" + q(**dict(zip(("date_from", "date_to"), years(), strict=True))))),
        ("/api/events", "source", many(lambda: f"/api/events?{q(source=rng.choice(outlets))}")),
        ("/api/events", "quad&country", many(lambda: "/api/events?" + explorer())),
        ("/api/map", "quad&precision&bbox", many(lambda: "/api/map?" + explorer(box=True))),
        ("/api/timeline", "quad&country&outlet", many(lambda: "/api/timeline?" + explorer(outlet=True))),
        ("/explore", "", ["/explore"] * n),
        ("/api/events/{event_id}", "", many(lambda: f"/api/events/{pick(event_ids)}")),
        ("/api/timeline", "actor", many(lambda: f"/api/timeline?{q(actor=rng.choice(actors))}")),
        ("/api/map", "actor", many(lambda: f"/api/map?{q(actor=rng.choice(actors))}")),
        ("/api/reuse", "", ["/api/reuse"] * n),
        ("/api/claims", "", ["/api/claims"] * n),
        ("/api/claims/{claim_id}", "", many(lambda: f"/api/claims/{pick(claims)}")),
        ("/api/framing", "actor", many(lambda: f"/api/framing?{q(actor=rng.choice(actors))}")),
        ("/api/sources", "", ["/api/sources"] * n),
        ("/api/network", "cached", ["/api/network"] * n),
        ("/api/predict", "cached network",
         many(lambda: f"/api/predict?{q(a=rng.choice(nodes), b=rng.choice(nodes))}")),
        ("/api/compare/{doc_a}/{doc_b}", "",
         many(lambda: "/api/compare/{}/{}".format(*rng.choice(pairs)))),
        ("/openapi.json", "", ["/openapi.json"] * n),
        ("/", "", ["/"] * n),
        ("/documents/{doc_id}", "", many(lambda: f"/documents/{pick(docs)}")),
        ("/compare/{doc_a}/{doc_b}", "", many(lambda: "/compare/{}/{}".format(*rng.choice(pairs)))),
        ("/events/{event_id}", "", many(lambda: f"/events/{pick(event_ids)}")),
        ("/actors/{actor_id}", "", many(lambda: f"/actors/{pick(actors)}")),
        ("/network", "", ["/network"] * n),
        ("/map", "", ["/map"] * n),
        ("/timeline", "", ["/timeline"] * n),
        ("/sources", "", ["/sources"] * n),
        ("/docs", "", ["/docs"] * n),
        ("/api-docs", "", ["/api-docs"] * n),
        ("/favicon.ico", "", ["/favicon.ico"] * n),
    ]  # fmt: skip
    for name in VIEWS:
        timed += table_routes(name, corpus, rng, n)
    return timed


def table_routes(
    name: str, corpus: Any, rng: random.Random, n: int
) -> list[tuple[str, str, list[str]]]:
    """Table ``name``'s page and API, each sorted and paged, with a facet value and with a
    search, and its downloads (one format each time, filtered by a facet value and all)."""
    from dyad.browse import VIEWS

    view = VIEWS[name]
    values = [(f, v["value"]) for f, items in corpus.facets(name).items() for v in items[:10]]
    sorts = [k for key in view.sorts for k in (key, f"-{key}")]
    formats = list(DOWNLOADS)

    def q(**params: object) -> str:
        return urllib.parse.urlencode(params)

    variants = {
        "sort&offset": lambda: q(sort=rng.choice(sorts), offset=rng.choice([0, 0, 50, 100, 500])),
        "facet&sort": lambda: q(**dict([rng.choice(values)]), sort=rng.choice(sorts)),
    }
    if "q" in view.filters:
        variants["q&sort"] = lambda: q(q=rng.choice(WORDS), sort=rng.choice(sorts))
    timed = []
    for label, make in variants.items():
        timed.append((f"/{name}", label, [f"/{name}?{make()}" for _ in range(n)]))
        timed.append((f"/api/tables/{name}", label,
                      [f"/api/tables/{name}?{make()}" for _ in range(n)]))  # fmt: skip
    download = f"/api/tables/{name}/download"
    filtered = [f"{download}?{q(format=rng.choice(formats), **dict([rng.choice(values)]))}"
                for _ in range(n)]  # fmt: skip
    every = [f"{download}?{q(format=rng.choice(formats), sort=rng.choice(sorts))}"
             for _ in range(n)]  # fmt: skip
    timed.append((download, "format&facet, first byte", filtered))
    timed.append((download, "format&sort, all rows, first byte", every))
    return timed


def untimed(app: Any, timed: list[tuple[str, str, list[str]]]) -> list[str]:
    """The app's GET routes that no timed entry covers."""
    from fastapi.routing import APIRoute

    covered = {route for route, _, _ in timed}
    return [r.path for r in app.routes
            if isinstance(r, APIRoute) and "GET" in r.methods and r.path not in covered]  # fmt: skip


def fetch(url: str, first: int | None = None) -> float:
    """Milliseconds to get ``url`` whole, or its ``first`` bytes of body (the rest is read
    after, off the clock, as a browser saving the file would: a request left half-read would
    keep the server writing while the next one is timed)."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
        response.read(first) if first else response.read()
        elapsed = (time.perf_counter() - started) * 1000
        while first and response.read(1 << 20):
            pass
    return elapsed


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--downloads", type=int, default=20, help="requests a download route")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--db", type=Path, help="database to build (when absent) and use")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "web.duckdb"
        started = time.perf_counter()
        if db.exists():
            counts = count(db)
            how = "reused"
        else:
            counts = build(db, args.events)
            how = f"built in {time.perf_counter() - started:.1f} s"
        print(
            f"database: {counts['merged_events']:,} merged events ({counts['events']:,} mentions), "
            f"{counts['documents']:,} documents, {counts['mentions']:,} actor mentions; {how}"
        )
        started = time.perf_counter()
        server = BackgroundServer(db, freeze=True)
        app = server.server.config.app
        print(f"app and read model built in {time.perf_counter() - started:.2f} s")
        with server as url:
            first = fetch(url + "/api/network")
            print(f"first /api/network (computes the network and its camps): {first:.0f} ms")
            timed = routes(app, rng, args.requests)
            first = fetch(url + next(p for r, _, p in timed if r == "/api/predict")[0])
            print(
                f"first /api/predict (finds the network and camps it predicts from): {first:.0f} ms"
            )
            missing = untimed(app, timed)
            if missing:
                print(f"routes the benchmark does not time: {', '.join(missing)}; add them")
                return 2
            print(
                f"{'route':<34} {'varied':<34} {'n':>4} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
            )
            worst: list[tuple[float, str]] = []
            for route, varied, paths in timed:
                download = route.endswith("/download")
                first = FIRST_BYTES if download else None
                times = [
                    fetch(url + p, first) for p in paths[: args.downloads if download else None]
                ]
                p95 = percentile(times, 95)
                worst.append((p95, f"{route} {varied}".strip()))
                print(
                    f"{route:<34} {varied[:34]:<34} {len(times):>4} "
                    f"{statistics.median(times):>7.1f} {p95:>7.1f} {percentile(times, 99):>7.1f}",
                    flush=True,
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p95, name = max(worst)
    over = [w for w in worst if w[0] >= TARGET_MS]
    print(f"worst p95: {p95:.1f} ms ({name}); target < {TARGET_MS} ms for every route; "
          f"{len(over)} over; peak memory {peak:.0f} MB")  # fmt: skip
    print(json.dumps({"events": counts["merged_events"], "routes": len(worst),
                      "worst_p95_ms": round(p95, 1), "over": [w[1] for w in over]}))  # fmt: skip
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
