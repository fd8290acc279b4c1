"""Time per added document as the store grows: 1,000 new documents into stores of 1k, 10k, 50k.

    python bench/growth.py                          # stores of 1,000 / 10,000 / 50,000
    python bench/growth.py --sizes 1000 5000 -j 2   # smaller, fills on two processes
    python bench/growth.py --workdir /tmp/growth    # keep the stores: a rerun reuses them

Stores of each size are filled with generated articles (dyad.demo.synth, one seed throughout),
each from a copy of the one before. Then the same 1,000 further articles are added, in one
`dyad run` on one process, to a copy of each store, and timed by stage. The added articles are
generated from another seed and published after everything stored (new reports on the same
conflict: they name the same actors and the same past events as the stored ones). Incremental
runs must cost in proportion to the new documents, not to the store: the time per added
document should stay flat as the store grows.

Fills may use several processes (-j) and are not timed; the measured increments always use
one. CPU seconds of the increment (user + system, its whole process tree) are printed beside
wall time: they are not disturbed by other work on the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from _common import corpus, dyad_run, machine

from dyad.demo.synth import synthetic_records

#: the added articles are published from this day on, after every generated article
LATER = date(2026, 1, 1)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def added_corpus(folder: Path, n_docs: int, seed: int) -> Path:
    """``n_docs`` generated articles (of ``seed``), published one a day from ``LATER`` on."""
    path = folder / f"added-{seed}-{n_docs}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as out:
            for k, record in enumerate(synthetic_records(n_docs, seed)):
                record["published"] = (LATER + timedelta(days=k % 365)).isoformat()
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.rename(path)
    return path


def filled(work: Path, sizes: list[int], seed: int, n_process: int) -> dict[int, Path]:
    """A store of each size (kept in ``work``: an existing one is reused)."""
    stores: dict[int, Path] = {}
    previous: tuple[int, Path] | None = None
    for size in sorted(sizes):
        db = work / f"store-{size}.duckdb"
        if not db.exists():
            part = work / f"store-{size}.part.duckdb"  # a fill cut off resumes
            have = previous[0] if previous is not None else 0
            if previous is not None and not part.exists():
                shutil.copyfile(previous[1], part)
            fill = dyad_run(part, [corpus(work, size, seed, have)], n_process)
            print(
                f"filled {have:,} → {fill['store_docs']:,} documents in {fill['wall_s']:.0f} s "
                f"(peak {fill['peak_mb']:,.0f} MB, -j {n_process})",
                flush=True,
            )
            part.rename(db)
        stores[size] = db
        previous = (size, db)
    return stores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--added", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-j", "--n-process", type=int, default=2, help="processes for fills")
    parser.add_argument("--workdir", type=Path, help="keep the corpora and stores here")
    parser.add_argument("--fill-only", action="store_true", help="fill the stores, measure nothing")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        stores = filled(work, args.sizes, args.seed, args.n_process)
        if args.fill_only:
            return 0
        added = added_corpus(work, args.added, args.seed + 1)
        rows = []
        for size, db in sorted(stores.items()):
            dyad_run(db, [], 1)  # a store kept from older code is brought up to date, untimed
            step_db = work / "step.duckdb"
            shutil.copyfile(db, step_db)
            before = _cpu()
            step = dyad_run(step_db, [added], 1)
            cpu = _cpu() - before
            step_db.unlink()
            rows.append((size, step, cpu))
            per_doc = step["total_s"] / step["stored"] * 1000
            first = rows[0][1]["total_s"] / rows[0][1]["stored"] * 1000
            print(
                f"store {size:>7,} + {step['stored']:,} new: {step['total_s']:6.1f} s wall "
                f"({per_doc:5.1f} ms/doc, ×{per_doc / first:.2f} of the first), "
                f"{cpu:6.1f} s CPU ({cpu / step['stored'] * 1000:5.1f} ms/doc)  "
                f"ingest {step['ingest_s']:.1f} s, analyse {step['analyse_s']:.1f} s, "
                f"corpus steps {step['corpus_s']:.1f} s  peak {step['peak_mb']:,.0f} MB",
                flush=True,
            )
    first_cpu = rows[0][2] / rows[0][1]["stored"]
    last_cpu = rows[-1][2] / rows[-1][1]["stored"]
    print(f"CPU per added document, largest store vs smallest: ×{last_cpu / first_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
