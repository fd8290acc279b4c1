"""Time and peak memory of reading one huge record: a 200 MB JSONL line, a 200 MB CSV row.

    python bench/huge_input.py                 # 200 MB records, JSONL and CSV
    python bench/huge_input.py --mb 50 --formats csv

Each file holds a good article, one record of ``--mb`` MB of article text (paragraphs of news
prose, no full stop missing) and another good article. `dyad ingest`'s reading (the API it wraps)
stores them into a fresh store in a fresh Python; the huge record is over ``nlp.max_chars`` and
must be refused with one line while both good articles are stored. The issue's bar (#23): within
60 s and 1.5 GB of peak memory (the resident memory of the process, sampled every 50 ms).
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path

from _common import machine, measured

GOOD = (
    "Iraq orders exiles to leave. Baghdad ordered members of the People's Mojahedin Organization "
    "of Iran to leave Camp Ashraf on Monday, an Iraqi government spokesman said. The group said "
    "it would appeal to the United Nations."
)
PARAGRAPH = "Iraq accused Iran of shelling Basra on Monday, a spokesman for the ministry said.\n\n"

READ = """
import json, sys, time
from dyad.config import load_settings
from dyad.pipeline import ingest
from dyad.store import Store
db, path = sys.argv[1:]
t0 = time.perf_counter()
with Store(db) as store:
    report = ingest(store, [path], load_settings())
print(json.dumps({"read_s": time.perf_counter() - t0, "stored": report.stored,
                  "failed": report.failed, "problems": [str(p) for p in report.problems]}))
"""


def huge_text(mb: int) -> str:
    return PARAGRAPH * (mb * 1_000_000 // len(PARAGRAPH))


def write_file(folder: Path, fmt: str, mb: int) -> Path:
    texts = [GOOD, huge_text(mb), GOOD.replace("Monday", "Tuesday")]
    path = folder / f"huge.{fmt}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        if fmt == "jsonl":
            for text in texts:
                handle.write(json.dumps({"text": text}) + "\n")
        else:
            writer = csv.writer(handle)
            writer.writerow(["title", "text"])
            for i, text in enumerate(texts):
                writer.writerow([f"Article {i}", text])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the huge record in MB")
    parser.add_argument("--formats", nargs="+", default=["jsonl", "csv"], choices=["jsonl", "csv"])
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in args.formats:
            path = write_file(folder, fmt, args.mb)
            result = measured(READ, str(folder / f"{fmt}.duckdb"), str(path))
            verdict = "ok" if result["wall_s"] <= 60 and result["peak_mb"] <= 1536 else "OVER"
            print(
                f"{fmt:5} {args.mb} MB record: {result['wall_s']:.1f} s, "
                f"peak {result['peak_mb']:,.0f} MB ({verdict}); stored {result['stored']}, "
                f"failed {result['failed']}"
            )
            for problem in result["problems"]:
                print(f"      {problem[:160]}")
            path.unlink()


if __name__ == "__main__":
    main()
