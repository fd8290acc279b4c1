"""Kill a real `dyad run` mid-run: committed batches survive and a rerun resumes; killed at any
stage boundary, the rerun leaves the store an uninterrupted run leaves."""

from __future__ import annotations

import hashlib
import json
import os
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


def run_until(
    cmd: list[str], marker: str, count: int, sig: int = signal.SIGKILL
) -> tuple[int, str]:
    """Start ``cmd``, send it ``sig`` after the ``count``-th log line containing ``marker``;
    its exit status and the rest of its stderr."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    seen = 0
    for line in proc.stderr:
        if marker in line:
            seen += 1
            if seen == count:
                proc.send_signal(sig)
                break
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    return proc.returncode, rest


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
    assert run_until(args, "documents analysed", 2)[0] == -signal.SIGKILL
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


# -- a kill at every stage boundary ------------------------------------------------------------

#: a passage three reports copy (one copy family: the copy_root nondeterminism needs three), a
#: person named in full in the first article and by surname alone in the last (actor
#: resolution merges them across documents, after the last analysis batch)
#: a copied passage of two sentences (one shared sentence alone is a formula, no copy: see
#: dyad.events.merge)
COPIED = (
    "Iraqi soldiers raided Camp Ashraf on Friday and killed eleven residents, the exiles said "
    "in a statement, and the United Nations called for an inquiry into the raid. Witnesses "
    "said armoured vehicles entered the camp at dawn."
)
SMALL = [
    {"title": "Exiles told to leave", "outlet": "Wire A", "published": "2011-04-08",
     "text": "Iraqi commander Kamal Haddad Zarqawi ordered members of the People's Mojahedin "
             "Organization of Iran to leave Camp Ashraf, an Iraqi spokesman said. " + COPIED
             + " Iran praised the decision."},
    {"title": "Raid on the camp", "outlet": "Wire B", "published": "2011-04-09",
     "text": "The Mojahedin accused Baghdad of murder on Saturday. " + COPIED
             + " Washington urged restraint."},
    {"title": "Camp Ashraf", "outlet": "Wire C", "published": "2011-04-10",
     "text": "Tehran welcomed the news. " + COPIED + " The Mojahedin said they would not leave."},
    {"title": "Talks", "outlet": "Wire D", "published": "2011-04-11",
     "text": "Zarqawi denied on Monday that his men had killed anyone at the camp. "
             "The United States criticised the deal."},
]  # fmt: skip
#: every boundary of a run over SMALL two documents a batch (reuse too): after each ingest
#: batch, each analysis batch, each reuse batch, and each corpus step
BOUNDARIES = [
    "ingest:1", "ingest:2", "analyse:1", "analyse:2", "actors:1",
    "reuse-batch:1", "reuse-batch:2", "reuse:1", "claims:1", "events:1",
]  # fmt: skip
#: run bookkeeping: which run did what and when, not what the store knows
SKIP_TABLES = {"runs", "_migrations"}
SKIP_COLUMNS = {"ingested_at", "analysed_at", "done_at", "run_id"}


def table_hashes(db: Path) -> dict[str, tuple[int, str]]:
    """Each table's row count and the hash of its sorted rows (distinct rows for problems,
    which each run records again), without run bookkeeping."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables order by 1"
            ).fetchall()
        ]
        found = {}
        for table in tables:
            if table in SKIP_TABLES:
                continue
            columns = [
                f'"{row[0]}"'
                for row in con.execute(
                    "select column_name from information_schema.columns where table_name = ? "
                    "order by ordinal_position",
                    [table],
                ).fetchall()
                if row[0] not in SKIP_COLUMNS
            ]
            distinct = "distinct " if table == "problems" else ""
            rows = con.execute(f"select {distinct}{', '.join(columns)} from {table}").fetchall()
            lines = sorted(json.dumps(row, default=str) for row in rows)
            found[table] = (len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest())
        return found
    finally:
        con.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, Path]:
    """The small corpus, and a config with two documents a batch (`dyad analyse` has no
    --batch-size) and a reuse batch."""
    folder = tmp_path_factory.mktemp("small")
    corpus = write(folder / "in" / "news.jsonl", "".join(json.dumps(d) + "\n" for d in SMALL))
    config = write(folder / "small.cfg", "[ingest]\nbatch_size = 2\n\n[reuse]\nbatch_size = 2\n")
    return corpus, config


def small_run(
    small: tuple[Path, Path],
    db: Path,
    dyad_cmd,
    kill_at: str | None = None,
    command: str = "run",
    preexec_fn=None,
    extra: tuple[str, ...] = (),
):
    corpus, config = small
    paths = [] if command == "analyse" else [str(corpus)]
    args = [*dyad_cmd, command, *paths, "--db", str(db), "--config", str(config), *extra]
    env = {k: v for k, v in os.environ.items() if k != "DYAD_TEST_KILL_AT"}
    if kill_at:
        env["DYAD_TEST_KILL_AT"] = kill_at
    return subprocess.run(
        args, capture_output=True, text=True, timeout=600, env=env, preexec_fn=preexec_fn
    )


@pytest.fixture(scope="module")
def uninterrupted(small, tmp_path_factory) -> dict[str, tuple[int, str]]:
    import sys

    db = tmp_path_factory.mktemp("whole") / "whole.duckdb"
    done = small_run(small, db, [sys.executable, "-m", "dyad"])
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:  # the corpus does what it is for: a family of three copies, a cross-document merge
        roots = con.execute(
            "select copy_root, count(distinct e.doc_id) from event_groups g "
            "join events e using (event_id) group by 1 order by 2 desc"
        ).fetchall()
        assert roots[0][1] == 3
        # each copy family is stood for by its smallest doc_id, whatever order DuckDB returns
        # the copy edges in (two identical runs differed when the last edge decided)
        strays = con.execute(
            "select g.group_id from event_groups g join events e using (event_id) "
            "group by g.group_id, g.copy_root having min(e.doc_id) <> g.copy_root"
        ).fetchall()
        assert strays == []
        assert con.execute(
            "select count(distinct actor_id) from mentions where text like '%Zarqawi'"
        ).fetchone() == (1,)
        for table, column in [("mentions", "actor_id"), ("event_actors", "actor_id"),
                              ("labels", "actor_id"), ("actor_sentiment", "actor_id"),
                              ("claim_values", "subject")]:  # fmt: skip
            # no row names an actor merged away (framing named 'Zarqawi' after he merged)
            gone = con.execute(
                f"select count(*) from {table} where {column} not in (select actor_id from actors)"
            ).fetchone()
            assert gone == (0,), table
        him = con.execute(
            "select count(distinct doc_id) from actor_sentiment where actor_id = (select "
            "actor_id from mentions where text = 'Kamal Haddad Zarqawi')"
        ).fetchone()
        assert him == (2,)  # sentiment toward him, from both documents that name him
        steps = con.execute("select step from corpus_steps order by step").fetchall()
        assert steps == [("actors",), ("claims",), ("events",), ("reuse",)]
    finally:
        con.close()
    return table_hashes(db)


@pytest.mark.slow
def test_two_identical_runs_make_identical_stores(
    small, uninterrupted, tmp_path: Path, dyad_cmd
) -> None:
    # with the kill hook set to a boundary this run does not reach (two analysis batches)
    again = small_run(small, tmp_path / "again.duckdb", dyad_cmd, kill_at="analyse:3")
    assert again.returncode == 0, again.stderr
    assert table_hashes(tmp_path / "again.duckdb") == uninterrupted


@pytest.mark.slow
def test_two_worker_processes_make_the_same_store_as_one(
    small, uninterrupted, tmp_path: Path, dyad_cmd
) -> None:
    # -j 2: spaCy's worker processes return documents in input order; every table, row for
    # row, equals the one-process run's
    two = small_run(small, tmp_path / "two.duckdb", dyad_cmd, extra=("-j", "2"))
    assert two.returncode == 0, two.stderr
    assert table_hashes(tmp_path / "two.duckdb") == uninterrupted


@pytest.mark.slow
@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_killed_at_a_stage_boundary_the_rerun_equals_an_uninterrupted_run(
    boundary: str, small, uninterrupted, tmp_path: Path, dyad_cmd
) -> None:
    db = tmp_path / "killed.duckdb"
    killed = small_run(small, db, dyad_cmd, kill_at=boundary)
    assert killed.returncode == -signal.SIGKILL, (boundary, killed.stderr)  # it got there
    if boundary != "events:1":  # the last step: nothing of the store is left to do
        assert table_hashes(db) != uninterrupted
    rerun = small_run(small, db, dyad_cmd)
    assert rerun.returncode == 0, rerun.stderr
    got = table_hashes(db)
    assert {t: got[t] for t in got if got[t] != uninterrupted.get(t)} == {}
    assert got == uninterrupted


@pytest.mark.slow
def test_a_store_made_before_the_step_markers_is_completed_by_its_next_run(
    small, uninterrupted, tmp_path: Path, dyad_cmd
) -> None:
    db = tmp_path / "old.duckdb"
    assert small_run(small, db, dyad_cmd).returncode == 0
    con = duckdb.connect(str(db))
    try:  # as dyad left it before m009: no markers, a copy root DuckDB's row order chose
        con.execute("drop table corpus_steps")
        con.execute("delete from _migrations where name = 'm009_corpus_steps'")
        con.execute("""update event_groups g set copy_root = x.doc from (
            select group_id, copy_root, max(e.doc_id) as doc from event_groups
            join events e using (event_id) group by 1, 2) x
            where g.group_id = x.group_id and g.copy_root = x.copy_root""")
    finally:
        con.close()
    assert table_hashes(db) != uninterrupted
    rerun = small_run(small, db, dyad_cmd)
    assert rerun.returncode == 0, rerun.stderr
    assert table_hashes(db) == uninterrupted


# -- SIGTERM and a full disk: one line, and the rerun resumes ------------------------------------


@pytest.mark.slow
def test_sigterm_mid_analysis_is_an_interruption(tmp_path: Path, dyad_cmd) -> None:
    db = tmp_path / "t.duckdb"
    args = [*dyad_cmd, "run", str(corpus(tmp_path)), "--db", str(db)]
    code, stderr = run_until([*args, "--batch-size", str(BATCH), "-v"], "documents analysed", 1,
                             signal.SIGTERM)  # fmt: skip
    assert code == 143, stderr
    said = [line for line in stderr.splitlines() if line.strip()]
    assert said[-1].startswith("interrupted (SIGTERM): committed batches are kept")
    assert "run the same command again" in said[-1] and "Traceback" not in stderr
    after = counts(db)
    assert BATCH <= after["analysed"] < N_DOCS and after["analysed"] % BATCH == 0
    assert after["orphans"] == 0 and after["dup_tokens"] == 0
    rerun = subprocess.run([*args, "--batch-size", str(BATCH)], capture_output=True, text=True,
                           timeout=600)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert counts(db)["analysed"] == N_DOCS


def _file_size_limit(limit: int):
    """For a child process: writes past ``limit`` bytes fail with EFBIG (File too large), as on
    a full disk they fail with ENOSPC (SIGXFSZ, which would kill it, ignored)."""
    import resource

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


@pytest.mark.slow
def test_a_full_disk_is_one_line_and_the_rerun_resumes(
    small, uninterrupted, tmp_path: Path, dyad_cmd
) -> None:
    db = tmp_path / "full.duckdb"
    stored = small_run(small, db, dyad_cmd, command="ingest")
    assert stored.returncode == 0, stored.stderr
    # the database's write-ahead log cannot grow past 4 KB: the first analysis batch fails
    full = small_run(small, db, dyad_cmd, command="analyse", preexec_fn=_file_size_limit(4096))
    assert full.returncode == 2, full.stderr
    said = [line for line in full.stderr.splitlines() if line.strip()]
    assert len(said) == 1, full.stderr
    assert said[0].startswith("error [D204] a file-size limit is reached (File too large)")
    assert f"writing {db}.wal" in said[0] and f"disk of {db}" in said[0]
    assert said[0].endswith("run the same command again (committed batches are kept)")
    rerun = small_run(small, db, dyad_cmd, command="analyse")
    assert rerun.returncode == 0, rerun.stderr
    assert table_hashes(db) == uninterrupted


def test_an_actor_merged_by_a_later_run_regroups_its_events_as_from_scratch(
    tmp_path: Path, nlp, settings
) -> None:
    from dyad.pipeline import analyse, compare_sources, ingest
    from dyad.store import Store

    first = write(tmp_path / "first" / "a.jsonl", json.dumps(SMALL[3]) + "\n")  # 'Zarqawi'
    later = write(tmp_path / "later" / "b.jsonl", json.dumps(SMALL[0]) + "\n")  # in full

    def run(db: Path, *batches: list[Path]) -> dict[str, list]:
        with Store(db) as store:
            for paths in batches:
                ingest(store, paths, settings)
                analyse(store, settings, nlp=nlp)
                compare_sources(store, settings)
            return {
                table: sorted(store.con.execute(f"select * from {table}").fetchall())
                for table in ("event_groups", "merged_events", "event_actors", "actors")
            }

    two_runs = run(tmp_path / "two.duckdb", [first], [first, later])
    from_scratch = run(tmp_path / "one.duckdb", [first, later])
    merged = [a for a in from_scratch["actors"] if "Zarqawi" in a[1]]
    assert len(merged) == 1  # the short form merged into the full name
    assert two_runs == from_scratch
