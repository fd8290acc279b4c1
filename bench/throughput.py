"""End-to-end throughput of dyad against bare nlp.pipe of the same spaCy model on the same text.

    python bench/throughput.py                       # generated and real news, 1 process, 3 rounds
    python bench/throughput.py --corpus real --coder learned   # real news, learned event coder
    python bench/throughput.py --corpus synthetic --docs 10000 -j 2 --no-floor  # memory check

Two corpora. "synthetic": articles generated from the demo articles (dyad.demo.synth: name and
number swaps, shuffles, planted copies; deterministic from --seed), about 200 words each.
"real": the news beside the checkout, the 200 GeoWebNews articles
(../shared/eval/geowebnews/GWN.xml) and the reference corpus's seed articles
(../shared/corpus/seeds); skipped, with the reason, when ../shared is absent. Real articles
are longer and denser in names than generated ones, which moves the costs.

The floor is `nlp.pipe` of the model named in the settings over the raw texts, with the same
batch size and processes, counting only the pipe (the model load is left out: the strictest
floor). dyad's figure is the whole run in a fresh process: imports, model and gazetteer loads,
reading and cleaning the JSONL, storing, the spaCy pipeline with dyad's components, the rows
written to DuckDB, and the corpus steps (reuse, claims, event merging). Each side runs in its
own process, in alternating order round by round. Two ratios of words per second, dyad over
bare: wall-clock, and CPU time (of the process and all its children, spaCy's workers
included). On a shared machine the wall ratio swings with the neighbours' load while the CPU
ratio holds, so the CPU ratio is judged (--min-ratio). Peak memory is the largest resident
memory of a side's process tree.

After the rounds, one more run of dyad (one process, timers around each part) prints where
the time goes: each spaCy and dyad pipeline component, tokenising, the tables, the DuckDB
writes, and each corpus step (CPU and wall seconds, share of the CPU). The timers cost a few
per cent; the table is for finding costs, the ratios are measured without it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from _common import bare_pipe, corpus, dyad_profile, dyad_run, machine, real_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        choices=("both", "synthetic", "real"),
        default="both",
        help="generated articles, the real news beside the checkout, or both (default)",
    )
    parser.add_argument("--docs", type=int, default=2000, help="generated articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-j", "--n-process", type=int, default=1)
    parser.add_argument(
        "--min-ratio", type=float, default=0.5, help="exit 1 when a median CPU ratio is below"
    )
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
    parser.add_argument("--no-profile", action="store_true", help="leave out the profile table")
    parser.add_argument(
        "--coder",
        choices=("rules", "learned", "hybrid"),
        help="nlp.components.dyad_events.coder for dyad's runs (default: the settings')",
    )
    parser.add_argument(
        "-c", "--config", default="", help="a .cfg file overriding settings for dyad's run"
    )
    args = parser.parse_args(argv)
    overrides = {"nlp.components.dyad_events.coder": args.coder} if args.coder else {}
    print(f"machine: {machine()}")
    if overrides:
        print(f"settings: {overrides}")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("synthetic", "real") if args.corpus == "both" else (args.corpus,):
            if name == "synthetic":
                path = corpus(work, args.docs, args.seed)
                what = f"{args.docs:,} generated articles"
            else:
                path, what = real_corpus(work)
                if path is None:
                    print(f"\nreal news: skipped ({what})")
                    continue
            print(f"\n== {name}: {what}")
            if args.no_floor:
                run = dyad_run(work / f"{name}.duckdb", [path], args.n_process, args.config,
                               overrides=overrides)  # fmt: skip
                print(
                    f"dyad run: {run['words']:,} words, n_process={args.n_process}: "
                    f"{run['total_s']:.1f} s, {run['words'] / run['total_s']:,.0f} words/s, "
                    f"CPU {run['tree_cpu_s']:.1f} s, peak {run['peak_mb']:,.0f} MB{_pss(run)}"
                )
                continue
            failed |= not _rounds(args, work, name, path, overrides)
            if not args.no_profile:
                _profile(work / f"{name}-profile.duckdb", path, args.config, overrides)
    return 1 if failed else 0


def _rounds(args, work: Path, name: str, path: Path, overrides: dict) -> bool:
    """Alternating rounds of both sides; prints the ratios; True when the median CPU ratio
    reaches --min-ratio."""
    wall, cpu = [], []
    for round_ in range(1, args.rounds + 1):
        # alternate which side runs first: a machine that speeds up or slows down during
        # a round then favours each side in turn
        first_bare = round_ % 2 == 0
        floor = bare_pipe(path, args.n_process) if first_bare else None
        run = dyad_run(work / f"{name}-{round_}.duckdb", [path], args.n_process,
                       config=args.config, overrides=overrides)  # fmt: skip
        floor = floor or bare_pipe(path, args.n_process)
        ratios = _report(round_, args, floor, run)
        wall.append(ratios[0])
        cpu.append(ratios[1])
    for label, ratios in (("wall", wall), ("CPU", cpu)):
        print(
            f"{name}: {label} ratio dyad / bare nlp.pipe: {statistics.median(ratios):.2f}, median "
            f"of {len(ratios)} rounds (spread {min(ratios):.2f}–{max(ratios):.2f}; rounds "
            f"{', '.join(f'{r:.2f}' for r in ratios)})"
        )
    ok = statistics.median(cpu) >= args.min_ratio
    print(f"{name}: median CPU ratio {'≥' if ok else '<'} {args.min_ratio} (--min-ratio)")
    return ok


def _report(round_: int, args, floor: dict, run: dict) -> tuple[float, float]:
    bare_rate = floor["words"] / floor["pipe_s"]
    bare_cpu_rate = floor["words"] / floor["pipe_cpu_s"]
    rate = run["words"] / run["total_s"]
    cpu_rate = run["words"] / run["tree_cpu_s"]
    print(
        f"round {round_}: {floor['docs']:,} articles, {floor['words']:,} words (bare count), "
        f"{run['words']:,} words analysed by dyad; n_process={args.n_process}"
    )
    print(
        f"  bare nlp.pipe : {floor['pipe_s']:6.1f} s wall {floor['pipe_cpu_s']:6.1f} s CPU  "
        f"{bare_rate:6,.0f} words/s  (+{floor['load_s']:.1f} s model load, not counted)  "
        f"peak {floor['peak_mb']:,.0f} MB"
    )
    print(
        f"  dyad run      : {run['total_s']:6.1f} s wall {run['tree_cpu_s']:6.1f} s CPU  "
        f"{rate:6,.0f} words/s  peak {run['peak_mb']:,.0f} MB{_pss(run)}  (imports {run['import_s']:.1f} "
        f"s, ingest {run['ingest_s']:.1f} s, analyse {run['analyse_s']:.1f} s, corpus steps "
        f"{run['corpus_s']:.1f} s; {run['events']:,} events)"
    )
    print(f"  ratio: wall {rate / bare_rate:.2f}, CPU {cpu_rate / bare_cpu_rate:.2f}", flush=True)
    return rate / bare_rate, cpu_rate / bare_cpu_rate


def _profile(db: Path, path: Path, config: str, overrides: dict) -> None:
    profile = dyad_profile(db, [path], config, overrides)
    parts = profile["parts"]
    total_cpu = profile["tree_cpu_s"]
    print(
        f"where dyad's time goes ({profile['docs']:,} articles, {profile['words']:,} words, one "
        f"process, timers on: {profile['wall_s']:.1f} s wall, {total_cpu:.1f} s CPU in all):"
    )
    print(f"  {'part':42s} {'CPU s':>7s} {'wall s':>7s} {'CPU %':>6s}")
    outside = ("ingest", "analyse (all)", "corpus steps (all)", "corpus: reuse",
               "corpus: claims", "corpus: events")  # fmt: skip
    inside = [times for part, times in parts.items() if part not in outside]
    parts["analyse: the rest (stream, word counts)"] = [
        parts["analyse (all)"][k] - sum(times[k] for times in inside) for k in (0, 1)
    ]
    for part, (cpu, wall) in parts.items():
        print(f"  {part:42s} {cpu:7.2f} {wall:7.2f} {100 * cpu / total_cpu:6.1f}")
    print(flush=True)


def _pss(run: dict) -> str:
    """The peak as PSS where measured: forked workers' shared pages counted once."""
    return "" if run.get("peak_pss_mb") is None else f" RSS, {run['peak_pss_mb']:,.0f} MB PSS"


if __name__ == "__main__":
    sys.exit(main())
