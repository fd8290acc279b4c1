"""Kill a real `dyad run` mid-run: committed batches survive and a rerun resumes."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import duckdb
import pytest

from conftest import ARTICLE, write

N_DOCS = 120
BATCH = 8


def corpus(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"text": ARTICLE.replace("Monday", f"day {i}") * 3, "title": f"Story {i}"})
        for i in range(N_DOCS)
    ]
    return write(tmp_path / "many.jsonl", "\n".join(lines) + "\n")


def run_until(cmd: list[str], marker: str, count: int) -> int:
    """Start ``cmd``, SIGKILL it after the ``count``-th log line containing ``marker``."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    seen = 0
    for line in proc.stderr:
        if marker in line:
            seen += 1
            if seen == count:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    return proc.returncode


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("""select count(*), count(*) filter (where analysed_at is not null),
                                    count(distinct sha256) from documents""").fetchone()
        dup_tokens = con.execute(
            "select count(*) - count(distinct (doc_id, i)) from tokens"
        ).fetchone()[0]
        orphans = con.execute("""select count(*) from sentences s where not exists
            (select 1 from documents d where d.doc_id = s.doc_id and d.analysed_at is not null)""").fetchone()[
            0
        ]
        return {
            "documents": row[0],
            "analysed": row[1],
            "distinct": row[2],
            "dup_tokens": dup_tokens,
            "orphans": orphans,
        }
    finally:
        con.close()


@pytest.mark.slow
def test_kill_during_analysis_then_resume(tmp_path: Path, dyad_cmd) -> None:
    db = tmp_path / "t.duckdb"
    args = [
        *dyad_cmd,
        "run",
        str(corpus(tmp_path)),
        "--db",
        str(db),
        "--batch-size",
        str(BATCH),
        "-v",
    ]
    assert run_until(args, "documents analysed", 2) == -signal.SIGKILL
    after_kill = counts(db)
    assert after_kill["documents"] == N_DOCS  # ingestion had finished and committed
    assert 2 * BATCH <= after_kill["analysed"] < N_DOCS  # a committed prefix, never a partial batch
    assert after_kill["analysed"] % BATCH == 0
    assert after_kill["orphans"] == 0 and after_kill["dup_tokens"] == 0

    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    final = counts(db)
    assert final == {
        "documents": N_DOCS,
        "analysed": N_DOCS,
        "distinct": N_DOCS,
        "dup_tokens": 0,
        "orphans": 0,
    }
    assert "already stored" in rerun.stdout


@pytest.mark.slow
def test_kill_during_ingestion_then_resume(tmp_path: Path, dyad_cmd) -> None:
    folder = tmp_path / "files"
    for i in range(N_DOCS):
        write(folder / f"{i:04d}.txt", ARTICLE.replace("Monday", f"day {i}"))
    db = tmp_path / "t.duckdb"
    args = [*dyad_cmd, "ingest", str(folder), "--db", str(db), "--batch-size", str(BATCH), "-v"]
    run_until(args, "batch committed", 1)
    after_kill = counts(db)
    assert after_kill["documents"] % BATCH == 0 and after_kill["documents"] >= BATCH
    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert counts(db)["documents"] == N_DOCS == counts(db)["distinct"]
