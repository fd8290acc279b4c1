"""The DuckDB store: migrations, content-hash keys, versions, and refusing unusable files."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from conftest import lock_held
from dyad.errors import NotADatabase, SchemaTooNew, StoreError, StoreLocked
from dyad.ingest import Article
from dyad.store import MIGRATIONS, Store, apply_migrations, content_hash


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


def test_database_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    with lock_held(path) as pid:
        started = time.monotonic()
        with pytest.raises(StoreLocked, match=f"process {pid}"):
            Store(path)
        assert time.monotonic() - started < 10
