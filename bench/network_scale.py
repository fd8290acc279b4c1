"""Actor-network benchmark: a synthetic event corpus with planted camps, at growing sizes.

    python bench/network_scale.py                  # 1,000 / 10,000 / 50,000 events
    python bench/network_scale.py --sizes 10000    # one size

The world: ``--actors`` actors (popularity Zipf-distributed, so a few are in most events) in
``--camps`` planted camps. Each event picks a source and a target; between camps it is a
conflict (ASSAULT, COERCE, ACCUSE, THREATEN, ...), inside a camp a cooperation (SUPPORT, AID,
AGREE, CONSULT, ...), except that ``--noise`` of the events get the other kind, as misread
or changing relations do. Events are dated over 1990-2020 and one in four is reported by a
second document that copied the first. Everything is written to a real DuckDB store through
the same tables the pipeline fills; the benchmark then times dyad's own code:

- ``build``: ``load_network`` (the SQL over merged events, the Python that sums edges);
- ``analyse``: ``network_summary`` (triad census, exact or heuristic frustration index,
  weighted two-camp split, k camps, leave-one-out sign prediction);
- ``decades``: ``network_over_time`` by decade.

It prints, per size: nodes, edges, the seconds of each step, whether the frustration index
is exact, how well the found camps match the planted ones (adjusted Rand index) and the
leave-one-out sign accuracy, with the peak memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyarrow as pa

from dyad.config import load_settings
from dyad.events.ontology import intensity, plover_type, quad
from dyad.ingest.readers import Article
from dyad.network.store import Solver, load_network, network_over_time, network_summary
from dyad.store import Store

COOPERATION = ["042", "050", "057", "061", "071", "036", "043"]  # consult, support, aid ...
CONFLICT = ["111", "112", "130", "138", "172", "173", "190", "183", "120"]  # accuse .. assault


def world(n_actors: int, n_camps: int, seed: int) -> tuple[list[str], dict[str, int], list]:
    rng = random.Random(seed)
    actors = [f"actor{i:05d}" for i in range(n_actors)]
    camp = {a: rng.randrange(n_camps) for a in actors}
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(n_actors)]
    return actors, camp, weights


def synthetic_store(path: Path, n_events: int, args: argparse.Namespace) -> dict[str, int]:
    rng = random.Random(args.seed)
    actors, camp, weights = world(args.actors, args.camps, args.seed)
    per_doc = 5
    n_docs = (n_events + per_doc - 1) // per_doc
    with Store(path) as store:
        store.add_documents(
            [
                Article(text=f"Synthetic report {i}.", path=f"synthetic/{i}.txt", format="txt")
                for i in range(n_docs)
            ]
        )
        by_path = dict(store.con.execute("select path, doc_id from documents").fetchall())
        doc_ids = [by_path[f"synthetic/{i}.txt"] for i in range(n_docs)]
        events: dict[str, list] = {k: [] for k in (
            "event_id", "doc_id", "sent", "type", "cameo", "quad", "intensity", "modality",
            "trigger", "trigger_start", "trigger_end", "cue_start", "cue_end", "confidence",
            "pattern", "date", "date_precision", "date_start", "date_end")}  # fmt: skip
        roles: dict[str, list] = {k: [] for k in (
            "event_id", "doc_id", "role", "actor_id", "text", "char_start", "char_end")}  # fmt: skip
        sentences: dict[str, list] = {k: [] for k in (
            "doc_id", "sent", "char_start", "char_end", "text")}  # fmt: skip
        groups: dict[str, list] = {"event_id": [], "group_id": []}
        merged: dict[str, list] = {"group_id": [], "n_mentions": [], "n_sources": [],
                                   "n_independent": []}  # fmt: skip

        def mention(event_id, doc_id, sent, code, s, t, year, month):
            sentences["doc_id"].append(doc_id)
            sentences["sent"].append(sent)
            sentences["char_start"].append(0)
            sentences["char_end"].append(10)
            sentences["text"].append(f"{s} {code} {t}")
            row = {
                "event_id": event_id, "doc_id": doc_id, "sent": sent,
                "type": plover_type(code), "cameo": code, "quad": quad(plover_type(code)),
                "intensity": intensity(code), "modality": "asserted", "trigger": code,
                "trigger_start": sent, "trigger_end": sent + 1, "cue_start": 0, "cue_end": 10,
                "confidence": 1.0, "pattern": "synthetic", "date": f"{year}-{month:02d}", "date_precision": "month",
                "date_start": f"{year}-{month:02d}-01", "date_end": f"{year}-{month:02d}-28",
            }  # fmt: skip
            for k in events:
                events[k].append(row[k])
            for role, actor in (("source", s), ("target", t)):
                for k, v in zip(roles, (event_id, doc_id, role, actor, actor, 0, 5), strict=True):
                    roles[k].append(v)

        n_mentions = 0
        for i in range(n_events):
            s, t = rng.choices(actors, weights, k=2)
            while t == s:
                t = rng.choices(actors, weights)[0]
            friendly = (camp[s] == camp[t]) != (rng.random() < args.noise)
            code = rng.choice(COOPERATION if friendly else CONFLICT)
            year, month = rng.randint(1990, 2020), rng.randint(1, 12)
            doc = doc_ids[i // per_doc]
            group = f"{doc}:{i}"
            mention(group, doc, i % per_doc, code, s, t, year, month)
            groups["event_id"].append(group)
            groups["group_id"].append(group)
            copies = 1
            if rng.random() < 0.25 and i // per_doc + 1 < len(doc_ids):  # a copying outlet
                copy_doc = doc_ids[i // per_doc + 1]
                copy_id = f"{copy_doc}:{i}"
                mention(copy_id, copy_doc, per_doc + i % per_doc, code, s, t, year, month)
                groups["event_id"].append(copy_id)
                groups["group_id"].append(group)
                copies = 2
            n_mentions += copies
            for k, v in zip(merged, (group, copies, copies, 1), strict=True):
                merged[k].append(v)
        actor_rows = [
            {"actor_id": a, "name": f"Actor {a[5:]}", "kind": "group", "country": None,
             "sector": None, "code": None, "source": "synthetic", "roles": None,
             "code_source": "none"}
            for a in actors
        ]  # fmt: skip
        store.save_annotations(
            doc_ids,
            {
                "sentences": pa.table(sentences),
                "events": pa.table(events),
                "event_actors": pa.table(roles),
            },
            model="synthetic",
            actors=actor_rows,
        )
        with store.transaction():
            for name, data in (("event_groups", groups), ("merged_events", merged)):
                store.insert_table(name, pa.table(data))
    return {"documents": n_docs, "mentions": n_mentions}


def adjusted_rand(found: list[list[str]], planted: dict[str, int]) -> float:
    from sklearn.metrics import adjusted_rand_score

    label = {a: i for i, members in enumerate(found) for a in members}
    nodes = sorted(label)
    return adjusted_rand_score([planted[a] for a in nodes], [label[a] for a in nodes])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--actors", type=int, default=400)
    parser.add_argument("--camps", type=int, default=3)
    parser.add_argument("--noise", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    _, planted, _ = world(args.actors, args.camps, args.seed)
    print(
        f"{args.actors} actors in {args.camps} planted camps, {args.noise:.0%} of events with "
        "the wrong sign, 1 in 4 copied by a second outlet"
    )
    header = (
        f"{'events':>7} {'nodes':>6} {'edges':>6} {'build s':>8} {'analyse s':>9} "
        f"{'decades s':>9} {'exact':>6} {'frustr.':>8} {'camps ARI':>9} {'LOO acc':>8} "
        f"{'peak MB':>8}"
    )
    print(header)
    solver = Solver.from_settings(load_settings())
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "net.duckdb"
            synthetic_store(path, n, args)
            with Store(path, read_only=True) as store:
                started = time.perf_counter()
                network = load_network(store)
                built = time.perf_counter() - started
                started = time.perf_counter()
                summary = network_summary(network, replace(solver, k_max=args.camps + 1))
                analysed = time.perf_counter() - started
                started = time.perf_counter()
                network_over_time(store, None, solver, every="decade")
                sliced = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        f = summary["frustration"]
        loo = summary["leave_one_out"]["accuracy"]
        print(
            f"{n:>7} {summary['nodes']:>6} {summary['edges']:>6} {built:>8.2f} "
            f"{analysed:>9.2f} {sliced:>9.2f} {'yes' if f['exact'] else 'no':>6} "
            f"{f['edges']:>8.0f} {adjusted_rand(summary['camps_ids'], planted):>9.3f} "
            f"{loo if loo is None else round(loo, 3)!s:>8} {peak:>8.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
