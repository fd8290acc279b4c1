"""The DuckDB store: migrations, content-hash keys, versions, and refusing unusable files."""

from __future__ import annotations

import errno
import time
from pathlib import Path

import duckdb
import pytest

from conftest import lock_held
from dyad.errors import (
    DiskFull,
    NotADatabase,
    SchemaTooNew,
    SchemaTooOld,
    StoreError,
    StoreLocked,
)
from dyad.ingest import Article
from dyad.store import MIGRATIONS, Store, apply_migrations, content_hash, write_error


def article(text: str, path: str = "a.txt", record: str | None = None, **meta) -> Article:
    return Article(text=text, path=path, format="txt", record=record, **meta)


def test_migrations_apply_once_and_are_recorded() -> None:
    con = duckdb.connect(":memory:")
    assert apply_migrations(con) == [name for name, _ in MIGRATIONS]
    assert apply_migrations(con) == []
    recorded = [r[0] for r in con.execute("select name from _migrations order by name").fetchall()]
    assert recorded == sorted(name for name, _ in MIGRATIONS)
    tables = {
        r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
    }
    assert {"documents", "sentences", "tokens", "entities", "runs", "problems"} <= tables


def test_a_failing_migration_leaves_nothing_behind(monkeypatch) -> None:
    con = duckdb.connect(":memory:")
    apply_migrations(con)

    def broken(c):
        c.execute("create table half_done (x int)")
        raise RuntimeError("boom")

    monkeypatch.setattr("dyad.store.migrations.MIGRATIONS", [*MIGRATIONS, ("m999_broken", broken)])
    with pytest.raises(RuntimeError):
        apply_migrations(con)
    tables = {
        r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
    }
    assert "half_done" not in tables
    assert "m999_broken" not in {
        r[0] for r in con.execute("select name from _migrations").fetchall()
    }


def test_same_text_twice_is_a_no_op() -> None:
    with Store(":memory:") as store:
        first = store.add_documents([article("The MEK left Iraq.")])
        again = store.add_documents(
            [article("The  MEK left\nIraq.", path="copy.txt")]
        )  # whitespace only
        assert (first.stored, again.stored, again.duplicates) == (1, 0, 1)
        assert store.stats()["documents"] == 1


def test_changed_text_at_same_origin_is_a_new_version() -> None:
    with Store(":memory:") as store:
        store.add_documents([article("Version one of the story.", record="line 1")])
        result = store.add_documents([article("Version two of the story.", record="line 1")])
        assert result.new_versions == 1
        docs = store.documents(include_old_versions=True)
        assert [(d["version"], d["is_current"]) for d in docs] == [(1, False), (2, True)]
        assert docs[1]["supersedes"] == docs[0]["doc_id"]
        assert [d["version"] for d in store.documents()] == [2]
        assert store.stats()["old_versions"] == 1


def test_doc_id_is_the_content_hash_prefix() -> None:
    with Store(":memory:") as store:
        store.add_documents([article("Some text.", title="T", outlet="O", published="2016-09")])
        (doc,) = store.documents()
        assert doc["doc_id"] == content_hash("Some text.")[:16] and doc["published"] == "2016-09"


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database")
    with pytest.raises(NotADatabase, match="not a DuckDB database"):
        Store(path)
    assert path.read_text() == "these are my notes, not a database"  # untouched


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_duckdb_file_that_is_not_a_dyad_database(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("create table t (x int)").close()
    with pytest.raises(StoreError, match="not a dyad database"):
        Store(path, read_only=True)


def test_database_from_a_newer_dyad(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("insert into _migrations (name) values ('m900_from_the_future')")
    con.close()
    with pytest.raises(SchemaTooNew, match="newer dyad"):
        Store(path)


def test_database_from_an_older_dyad_is_read_only_after_an_upgrade(
    tmp_path: Path, dyad_cmd
) -> None:
    import subprocess

    path = tmp_path / "old.duckdb"
    Store(path).close()
    last = MIGRATIONS[-1][0]
    con = duckdb.connect(str(path))
    con.execute("delete from _migrations where name = ?", [last])  # as an older dyad left it
    con.close()
    with pytest.raises(SchemaTooOld, match=f"older dyad .*{last}.*dyad analyse"):
        Store(path, read_only=True)
    result = subprocess.run([*dyad_cmd, "events", "--db", str(path)], capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2 and "D205" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    Store(path).close()  # a write command upgrades it (the missing migration reapplies cleanly)
    Store(path, read_only=True).close()  # negative: once upgraded it reads


def test_database_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    with lock_held(path) as pid:
        started = time.monotonic()
        with pytest.raises(StoreLocked, match=f"process {pid}"):
            Store(path)
        assert time.monotonic() - started < 10


def test_step_markers_are_cleared_when_documents_change() -> None:
    with Store(":memory:") as store:
        assert store.steps_done() == set()
        store.mark_step_done("actors")
        store.mark_step_done("claims")
        assert store.steps_done() == {"actors", "claims"}
        store.mark_step_done("reuse")  # a step done again: the steps after it are to redo
        assert store.steps_done() == {"actors", "reuse"}
        store.add_documents([article("The MEK left Iraq.")])
        assert store.steps_done() == set()
        store.mark_step_done("actors")
        store.add_documents([article("The  MEK left Iraq.", path="copy.txt")])  # a duplicate
        assert store.steps_done() == {"actors"}
        doc_id = content_hash("The MEK left Iraq.")[:16]
        store.save_annotations([doc_id], {}, model="test")
        assert store.steps_done() == set()


def test_transactions_nest_into_one() -> None:
    with Store(":memory:") as store:
        store.con.execute("create table t (x int)")
        with pytest.raises(RuntimeError), store.transaction():
            store.con.execute("insert into t values (1)")
            with store.transaction():  # an inner block joins: its end commits nothing
                store.con.execute("insert into t values (2)")
            assert store.con.execute("select count(*) from t").fetchone() == (2,)
            raise RuntimeError("the step failed")
        assert store.con.execute("select count(*) from t").fetchone() == (0,)
        with store.transaction(), store.transaction():
            store.con.execute("insert into t values (3)")
        assert store.con.execute("select x from t").fetchall() == [(3,)]


def test_a_store_made_before_the_step_markers_upgrades(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.duckdb"
    old = [(name, fn) for name, fn in MIGRATIONS if name != "m009_corpus_steps"]
    monkeypatch.setattr("dyad.store.migrations.MIGRATIONS", old)
    con = duckdb.connect(str(path))
    apply_migrations(con)
    con.execute("insert into event_groups values ('d1:0', 'd1:0', 'b', 'd2')")
    con.execute("insert into merged_events values ('d1:0', 1, 1, 1)")
    con.close()
    monkeypatch.undo()
    with Store(path) as store:
        applied = [r[0] for r in store.con.execute("select name from _migrations").fetchall()]
        assert "m009_corpus_steps" in applied
        assert store.steps_done() == set()  # every step is done again by the next run
        # copy roots chosen by row order are rebuilt by the next run's event merging
        assert store.con.execute("select count(*) from event_groups").fetchone() == (0,)
        assert store.con.execute("select count(*) from merged_events").fetchone() == (0,)


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device", "/data/x.duckdb.wal"),
        duckdb.IOException('IO Error: Could not write file "/data/x.duckdb.wal": No space left on device'),
        duckdb.TransactionException(
            'TransactionContext Error: Failed to commit: Could not write file "/data/x.duckdb.wal": '
            "No space left on device"
        ),
    ],
)  # fmt: skip
def test_a_full_disk_is_one_line_naming_the_database(error: Exception) -> None:
    found = write_error("/data/x.duckdb", error)
    assert isinstance(found, DiskFull) and found.code == "D204"
    assert str(found).startswith(
        "[D204] the disk is full (No space left on device) writing /data/x.duckdb.wal; "
        "free some space on the disk of /data/x.duckdb"
    )
    assert "\n" not in str(found) and "run the same command again" in str(found)


def test_a_full_quota_and_an_export_on_a_full_disk() -> None:
    quota = write_error("x.duckdb", OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert isinstance(quota, DiskFull) and "the disk quota is used up" in str(quota)
    export = write_error(None, OSError(errno.ENOSPC, "No space left on device", "out.csv"))
    assert isinstance(export, DiskFull) and "writing out.csv" in str(export)
    assert "--db" not in str(export)


def test_other_errors_are_not_a_full_disk() -> None:
    broken = write_error(
        "x.duckdb", duckdb.IOException("IO Error: Could not read file: Input/output error")
    )
    assert type(broken) is StoreError and "cannot write database x.duckdb" in str(broken)
    for error in (
        OSError(errno.ENOENT, "No such file or directory", "a.txt"),
        BrokenPipeError(errno.EPIPE, "Broken pipe"),
        duckdb.CatalogException("Catalog Error: Table with name nope does not exist!"),
        ValueError("No space left on device"),  # the words alone are not the error
    ):
        assert write_error("x.duckdb", error) is None, error


def test_duckdb_memory_and_threads_are_capped_by_the_settings(tmp_path: Path) -> None:
    from dyad.config import load_settings
    from dyad.errors import ConfigError
    from dyad.pipeline import ingest

    def limit(store: Store) -> str:
        return store.con.execute("select current_setting('memory_limit')").fetchone()[0]

    with Store(tmp_path / "m.duckdb") as store:
        default = limit(store)
        store.limit_memory("")  # "" keeps DuckDB's default
        assert limit(store) == default
        # the pipeline's steps set the limit of the settings (store.memory_limit) on their store
        (tmp_path / "a.txt").write_text("Iraqi police arrested two men in Basra.", "utf-8")
        ingest(
            store, [tmp_path / "a.txt"], load_settings(overrides={"store.memory_limit": "400MB"})
        )
        assert limit(store) != default and limit(store).endswith("MiB")
        packaged = limit(store)
        store.limit_memory("2GB")
        assert limit(store) not in (default, packaged)
        # a value that is no amount is refused with one line naming the setting; nothing runs
        for bad in ("lots", "500MB'; drop table documents; --", "-5MB", "0MB", "\u0665MB"):
            with pytest.raises(ConfigError, match=r"store\.memory_limit"):
                store.limit_memory(bad)
        assert store.con.execute("select count(*) from documents").fetchone()[0] == 1
        # a limit below what DuckDB holds now is not set, and the run goes on
        store.limit_memory("1KB")
        assert limit(store) not in (default, packaged)
    # the threads DuckDB's queries run on: the setting's count, 0 leaves DuckDB's own
    with Store(tmp_path / "t.duckdb") as store:
        threads = store.con.execute("select current_setting('threads')").fetchone()[0]
        store.limit_threads(0)
        assert store.con.execute("select current_setting('threads')").fetchone()[0] == threads
        ingest(store, [tmp_path / "a.txt"], load_settings(overrides={"store.threads": 3}))
        assert store.con.execute("select current_setting('threads')").fetchone()[0] == 3
        for bad in (-1, True, 2.5, 1025, 2**63, "4; drop table documents"):
            with pytest.raises(ConfigError, match=r"store\.threads"):
                store.limit_threads(bad)
        assert store.con.execute("select current_setting('threads')").fetchone()[0] == 3
    # DuckDB out of its limit mid-query is one line that names the setting
    error = duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block\nmore")
    mapped = write_error("x.duckdb", error)
    assert type(mapped) is StoreError and "store.memory_limit" in str(mapped)
    assert "\n" not in str(mapped)
