"""End-to-end throughput of dyad against bare nlp.pipe of the same spaCy model on the same text.

    python bench/throughput.py                        # 2,000 generated articles, 1 process, 3 rounds
    python bench/throughput.py --docs 10000 -j 2      # the 10,000-document memory check

The corpus is generated from the demo articles (dyad.demo.synth: name and number swaps,
shuffles, planted copies; deterministic from --seed). The floor is `nlp.pipe` of the model
named in the settings over the raw texts, with the same batch size and processes, counting only
the pipe (the model load is left out: the strictest floor). dyad's figure is the whole run in a
fresh process: imports, model and gazetteer loads, reading and cleaning the JSONL, storing,
the spaCy pipeline with dyad's components, the rows written to DuckDB, and the corpus steps
(reuse, claims, event merging). Each side runs in its own process; peak memory is the largest
resident memory of that process and its workers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from _common import bare_pipe, corpus, dyad_run, machine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-j", "--n-process", type=int, default=1)
    parser.add_argument("--min-ratio", type=float, default=0.5, help="exit 1 below this ratio")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure both sides this many times, alternating, and judge the median ratio "
        "(a shared machine's speed drifts by 20%% within minutes)",
    )
    parser.add_argument(
        "--no-floor", action="store_true", help="only dyad's run (the memory check of big runs)"
    )
    parser.add_argument(
        "-c", "--config", default="", help="a .cfg file overriding settings for dyad's run"
    )
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus(Path(tmp), args.docs, args.seed)
        if args.no_floor:
            run = dyad_run(Path(tmp) / "bench.duckdb", [path], args.n_process, config=args.config)
            print(
                f"dyad run: {args.docs:,} articles, {run['words']:,} words, n_process="
                f"{args.n_process}: {run['total_s']:.1f} s, {run['words'] / run['total_s']:,.0f} "
                f"words/s, peak {run['peak_mb']:,.0f} MB"
            )
            return 0
        ratios = []
        for round_ in range(1, args.rounds + 1):
            # alternate which side runs first: a machine that speeds up or slows down during
            # a round then favours each side in turn
            first_bare = round_ % 2 == 0
            floor = bare_pipe(path, args.n_process) if first_bare else None
            run = dyad_run(
                Path(tmp) / f"bench-{round_}.duckdb", [path], args.n_process, config=args.config
            )
            floor = floor or bare_pipe(path, args.n_process)
            ratios.append(_report(round_, args, floor, run))
    ratio = statistics.median(ratios)
    print(
        f"ratio dyad / bare nlp.pipe: {ratio:.2f}, median of {len(ratios)} rounds "
        f"({', '.join(f'{r:.2f}' for r in ratios)})  (acceptance: ≥ {args.min_ratio})"
    )
    return 0 if ratio >= args.min_ratio else 1


def _report(round_: int, args, floor: dict, run: dict) -> float:
    bare_rate = floor["words"] / floor["pipe_s"]
    rate = run["words"] / run["total_s"]
    print(
        f"round {round_}: {args.docs:,} generated articles, {floor['words']:,} words (bare "
        f"count), {run['words']:,} words analysed by dyad; n_process={args.n_process}"
    )
    print(
        f"  bare nlp.pipe  : {floor['pipe_s']:7.1f} s  {bare_rate:7,.0f} words/s  "
        f"(+{floor['load_s']:.1f} s model load, not counted)  peak {floor['peak_mb']:,.0f} MB"
    )
    print(
        f"  dyad run       : {run['total_s']:7.1f} s  {rate:7,.0f} words/s  peak "
        f"{run['peak_mb']:,.0f} MB  (CPU {run['cpu_s']:.1f} s; imports {run['import_s']:.1f} s, ingest "
        f"{run['ingest_s']:.1f} s, analyse {run['analyse_s']:.1f} s, corpus steps "
        f"{run['corpus_s']:.1f} s; {run['events']:,} events)"
    )
    print(f"  ratio: {rate / bare_rate:.2f}", flush=True)
    return rate / bare_rate


if __name__ == "__main__":
    sys.exit(main())
