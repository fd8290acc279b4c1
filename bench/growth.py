"""Time per added document as the store grows: 1,000 new documents into stores of 1k, 10k, 50k.

    python bench/growth.py                          # stores of 1,000 / 10,000 / 50,000
    python bench/growth.py --sizes 1000 5000 -j 2   # smaller, fills on two processes

One store grows through the sizes: it is filled with generated articles (dyad.demo.synth, the
same seed throughout) up to each size, then 1,000 further articles are added in one `dyad run`
(one process) and timed by stage. Incremental runs must cost in proportion to the new
documents, not to the store: the time per added document should stay flat as the store grows.
Fills may use several processes (-j); the measured increments always use one. CPU seconds of
the increment (user + system, its whole process tree) are printed beside wall time: they are
not disturbed by other work on the machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

from _common import corpus, dyad_run, machine


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--added", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-j", "--n-process", type=int, default=2, help="processes for fills")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and store here")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = work / "growth.duckdb"
        have = 0  # generated articles stored so far
        rows = []
        for size in args.sizes:
            fill_to = max(size, have)
            if fill_to > have:
                fill = dyad_run(db, [corpus(work, fill_to, args.seed, have)], args.n_process)
                print(
                    f"filled to {fill['store_docs']:,} documents in {fill['wall_s']:.0f} s "
                    f"(peak {fill['peak_mb']:,.0f} MB, -j {args.n_process})",
                    flush=True,
                )
                have = fill_to
            added = corpus(work, have + args.added, args.seed, have)
            before = _cpu()
            step = dyad_run(db, [added], 1)
            cpu = _cpu() - before
            have += args.added
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
