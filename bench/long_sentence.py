"""One run-on sentence of 100,000 characters through `dyad run`: time and peak memory.

    python bench/long_sentence.py                        # 12,500 … 100,000 characters, both kinds
    python bench/long_sentence.py --sizes 10000 20000    # other sizes (characters)
    python bench/long_sentence.py --kind issue           # one kind only

Each size is one .txt file holding one sentence with no full stop and no line break
(dyad.demo.synth.run_on_sentence): "issue" repeats the clause of issue 23 ("Iraq and Iran and
the MEK said that Iraq and the MEK said that Iraq ..."), "news" joins the demo articles'
sentences, full stops taken out, with ", and" (actors, events, dates, places, labels, quotes
and pronouns). Each is read into a fresh store by dyad's run (ingest, analysis, the corpus
steps) in a child process, which is timed (wall and CPU seconds, the whole process tree) and
sampled for peak memory (the resident memory of the process tree). A first run of 200
characters gives the fixed cost (imports, model and table loads); the ratio beside each size is
its CPU time over the previous size's, the fixed cost taken from both: about 2 for a doubled
size when the cost is linear.

The largest size is judged against the limits of issue 23, 60 s and 1.5 GB; the exit status
is 1 when a run exceeds them.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

from _common import dyad_run, machine

from dyad.demo.synth import run_on_sentence

LIMIT_S = 60.0
LIMIT_MB = 1536.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12_500, 25_000, 50_000, 100_000])
    parser.add_argument("--kind", choices=["issue", "news"], nargs="+", default=["issue", "news"])
    args = parser.parse_args(argv)
    print(machine())
    print(f"limits for the largest size: {LIMIT_S:.0f} s, {LIMIT_MB:,.0f} MB")
    ok = True
    with tempfile.TemporaryDirectory(prefix="dyad-long-") as tmp:
        work = Path(tmp)
        for kind in args.kind:
            previous = fixed = None
            for size in [200, *sorted(args.sizes)]:
                folder = work / f"{kind}-{size}"
                folder.mkdir()
                (folder / "sentence.txt").write_text(run_on_sentence(size, kind), "utf-8")
                before = _cpu()
                result = dyad_run(work / f"{kind}-{size}.duckdb", [folder])
                cpu = _cpu() - before
                ratio = ""
                if fixed is None:  # the 200-character run
                    fixed = cpu
                else:
                    if previous is not None and previous > fixed:
                        ratio = f"×{(cpu - fixed) / (previous - fixed):.2f} CPU"
                    previous = cpu
                verdict = ""
                if size == max(args.sizes) and size > 200:
                    within = result["wall_s"] <= LIMIT_S and result["peak_mb"] <= LIMIT_MB
                    verdict = "within the limits" if within else "OVER THE LIMITS"
                    ok = ok and within
                print(
                    f"{kind:5} {size:>8,} chars {result['words']:>7,} words: "
                    f"{result['wall_s']:6.1f} s wall, {cpu:6.1f} s CPU {ratio:11} "
                    f"(analysis {result['analyse_s']:5.1f} s, corpus steps "
                    f"{result['corpus_s']:4.1f} s), peak {result['peak_mb']:,.0f} MB, "
                    f"{result['events']:,} events {verdict}",
                    flush=True,
                )
                if result["stored"] != 1 or result["store_docs"] != 1:
                    print(f"  the sentence was not stored: {result}")
                    ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
