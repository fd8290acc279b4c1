"""The DuckDB store: the single source of truth for documents and everything extracted from them.

One process writes at a time (DuckDB's file lock enforces it across processes). Every write
method is one transaction, so a killed run loses at most the batch in flight.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import (
    ConfigError,
    DiskFull,
    InputError,
    NotADatabase,
    SchemaTooNew,
    SchemaTooOld,
    StoreError,
    StoreLocked,
)
from ..ingest import Article
from .migrations import MIGRATIONS, applied_migrations, apply_migrations

log = logging.getLogger(__name__)

__all__ = [
    "CORPUS_STEPS",
    "AddResult",
    "Store",
    "content_hash",
    "dict_rows",
    "rows_table",
    "write_error",
]

#: the steps over the whole corpus that follow analysis, in the order they run: actor
#: resolution, text reuse, claims compared, event mentions merged (dyad.pipeline)
CORPUS_STEPS = ("actors", "reuse", "claims", "events")


def rows_table(columns: Sequence[str], rows: Iterable[tuple]) -> pa.Table:
    """Tuples as an Arrow table with these column names."""
    rows = list(rows)
    return pa.table({c: [r[k] for r in rows] for k, c in enumerate(columns)})


def dict_rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The rows of a read query as dicts; values are always bound parameters."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def content_hash(text: str) -> str:
    """sha256 of the text with runs of whitespace collapsed, so re-wrapping is not a new version."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class AddResult:
    stored: int = 0
    duplicates: int = 0
    new_versions: int = 0


_DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sha256", pa.string()),
        ("origin", pa.string()),
        ("version", pa.int32()),
        ("supersedes", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("published", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("path", pa.string()),
        ("record", pa.string()),
        ("format", pa.string()),
        ("language", pa.string()),
        ("n_words", pa.int32()),
        ("text", pa.string()),
        ("references", pa.list_(pa.string())),
        ("removed", pa.list_(pa.string())),
        ("notes", pa.list_(pa.string())),
        ("ingested_at", pa.timestamp("us")),
        ("is_current", pa.bool_()),
    ]
)


#: an amount of memory as DuckDB's memory_limit takes it
_MEMORY = re.compile(
    r"0*[1-9]\d*(?:\.\d+)?\s*(?:[KMGT]i?B)|0*\.\d*[1-9]\d*\s*(?:[KMGT]i?B)",
    re.IGNORECASE | re.ASCII,
)


class Store:
    """A dyad database. Use as a context manager, or call :meth:`close`.

    ``path`` may be ``":memory:"`` for a throwaway store (tests, one-off analysis).
    """

    def __init__(self, path: str | Path = "dyad.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._depth = 0  # open transaction blocks
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"database {self.path} does not exist; create it with `dyad run PATH`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as err:
            raise _store_error(self.path, err) from err
        except duckdb.Error as err:
            raise StoreError(f"cannot open database {self.path}: {err}") from err
        self._check_schema()
        if not read_only:
            apply_migrations(self.con)

    def limit_memory(self, limit: str) -> None:
        """Cap the memory DuckDB's queries hold (``store.memory_limit``: "500MB", "2GB"); past
        it they spill to a temporary folder beside the database. "" leaves DuckDB's default
        (most of the machine's memory)."""
        if not limit:
            return
        if not isinstance(limit, str) or not _MEMORY.fullmatch(limit.strip()):
            raise ConfigError(
                f'store.memory_limit must be an amount such as "500MB" or "2GB" (or "" for '
                f"DuckDB's default), not {limit!r}: fix it in your --config file"
            )
        # a validated amount, never a request's string; SET takes no bound parameter
        try:
            self.con.execute(f"SET memory_limit = '{limit.strip()}'")
        except duckdb.OutOfMemoryException as err:  # it holds more now than the limit allows
            log.warning(
                "store.memory_limit %s not set, DuckDB holds more now (%s); it keeps its limit",
                limit,
                str(err).splitlines()[0],
            )

    def limit_threads(self, threads: int) -> None:
        """How many threads DuckDB's queries use (``store.threads``; 0 leaves DuckDB's default,
        one a core). Each thread's share of a query needs memory under ``store.memory_limit``:
        merging's query over 10,000 articles runs with 8 threads at "256MB" and stops with 16."""
        if isinstance(threads, bool) or not isinstance(threads, int) or not 0 <= threads <= 1024:
            raise ConfigError(
                f"store.threads must be a whole number from 0 (DuckDB's default: one a core) to "
                f"1024, not {threads!r}: fix it in your --config file"
            )
        if threads:
            self.con.execute(f"SET threads = {threads:d}")  # a validated int, no request string

    def _check_schema(self) -> None:
        known = {name for name, _ in MIGRATIONS}
        if self.read_only:
            exists = self.con.execute(
                "select count(*) from information_schema.tables where table_name = '_migrations'"
            ).fetchone()[0]
            if not exists:
                raise StoreError(f"{self.path} is a DuckDB file but not a dyad database")
            names = [r[0] for r in self.con.execute("select name from _migrations").fetchall()]
        else:
            names = applied_migrations(self.con)
        unknown = [name for name in names if name not in known]
        if unknown:
            raise SchemaTooNew(
                f"{self.path} was written by a newer dyad (migration {unknown[0]}); "
                "upgrade dyad with `pip install -U dyad`"
            )
        missing = [name for name, _ in MIGRATIONS if name not in set(names)]
        if self.read_only and missing:  # reading never writes, so it cannot upgrade the file
            raise SchemaTooOld(
                f"{self.path} was written by an older dyad (migration {missing[0]} not applied); "
                f"upgrade it once with `dyad analyse --db {self.path}`, then read it again"
            )

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            self.close()
        except duckdb.Error:
            if exc_type is None:
                raise
            # closing after a failed write (a full disk): the error raised says what
            log.debug("close failed", exc_info=True)

    def transaction(self) -> _Transaction:
        """``with store.transaction():`` commits the block, or rolls it back on error. Blocks
        nest: an inner block joins the outer one's transaction (a corpus step's results and
        its done-marker commit together)."""
        return _Transaction(self)

    # -- corpus steps ----------------------------------------------------------------------

    def steps_done(self) -> set[str]:
        """The corpus steps (:data:`CORPUS_STEPS`) done since documents last changed."""
        return {row[0] for row in self.con.execute("select step from corpus_steps").fetchall()}

    def mark_step_done(self, step: str) -> None:
        """Record that ``step`` is done (call it in the transaction of the step's results);
        the steps after it are to be done again."""
        later = list(CORPUS_STEPS[CORPUS_STEPS.index(step) + 1 :])
        with self.transaction():
            self.con.execute("delete from corpus_steps where step in (select unnest(?))", [later])
            self.con.execute(
                "insert or replace into corpus_steps values (?, ?)", [step, datetime.now()]
            )

    def _steps_to_redo(self) -> None:
        # documents stored or analysed: every corpus step is to be done again
        self.con.execute("delete from corpus_steps")

    # -- documents -----------------------------------------------------------------------

    def add_documents(self, articles: Sequence[Article]) -> AddResult:
        """Store ``articles`` in one transaction; texts already stored are skipped (a no-op)."""
        result = AddResult()
        if not articles:
            return result
        now = datetime.now()
        hashes = [content_hash(a.text) for a in articles]
        with self.transaction():
            known = {
                row[0]
                for row in self.con.execute(
                    "select sha256 from documents where sha256 in (select unnest(?))", [hashes]
                ).fetchall()
            }
            current = {
                origin: (doc_id, version)
                for origin, doc_id, version in self.con.execute(
                    "select origin, doc_id, version from documents "
                    "where is_current and origin in (select unnest(?))",
                    [sorted({a.origin for a in articles})],
                ).fetchall()
            }
            rows: dict[str, list[Any]] = {name: [] for name in _DOCUMENT_SCHEMA.names}
            superseded = []
            for article, sha in zip(articles, hashes, strict=True):
                if sha in known:
                    result.duplicates += 1
                    continue
                known.add(sha)
                version, supersedes = 1, None
                if article.origin in current:  # a new text at a known origin: a new version
                    supersedes, previous = current[article.origin]
                    version = previous + 1
                    superseded.append(supersedes)
                    result.new_versions += 1
                current[article.origin] = (sha[:16], version)
                for name, value in (
                    ("doc_id", sha[:16]),
                    ("sha256", sha),
                    ("origin", article.origin),
                    ("version", version),
                    ("supersedes", supersedes),
                    ("title", article.title),
                    ("author", article.author),
                    ("published", article.published),
                    ("outlet", article.outlet),
                    ("url", article.url),
                    ("path", article.path),
                    ("record", article.record),
                    ("format", article.format),
                    ("language", article.language),
                    ("n_words", len(article.text.split())),
                    ("text", article.text),
                    ("references", article.references),
                    ("removed", article.removed),
                    ("notes", article.notes),
                    ("ingested_at", now),
                    ("is_current", True),
                ):
                    rows[name].append(value)
                result.stored += 1
            if result.stored:  # one statement for the batch, through Arrow
                self.insert_table("documents", pa.table(rows, schema=_DOCUMENT_SCHEMA))
                self._steps_to_redo()
            if superseded:
                self.con.execute(
                    "update documents set is_current = false where doc_id in (select unnest(?))",
                    [superseded],
                )
        return result

    def pending_ids(self) -> list[str]:
        """Current documents not yet analysed, oldest first."""
        rows = self.con.execute(
            "select doc_id from documents where is_current and analysed_at is null "
            "order by ingested_at, doc_id"
        ).fetchall()
        return [row[0] for row in rows]

    def iter_texts(
        self, doc_ids: Sequence[str], chunk: int = 256, with_published: bool = False
    ) -> Iterator[tuple]:
        """(doc_id, text), or (doc_id, text, published) with ``with_published``, for
        ``doc_ids`` in the given order, fetched ``chunk`` at a time."""
        for i in range(0, len(doc_ids), chunk):
            ids = list(doc_ids[i : i + chunk])
            rows = {
                doc_id: rest
                for doc_id, *rest in self.con.execute(
                    "select doc_id, text, published from documents "
                    "where doc_id in (select unnest(?))",
                    [ids],
                ).fetchall()
            }
            for doc_id in ids:
                if doc_id in rows:
                    text, published = rows[doc_id]
                    yield (doc_id, text, published) if with_published else (doc_id, text)

    def save_annotations(
        self,
        doc_ids: Sequence[str],
        tables: dict[str, pa.Table],
        model: str,
        actors: Sequence[dict[str, Any]] = (),
    ) -> None:
        """Replace the annotations of ``doc_ids`` with ``tables``, add new ``actors``, mark the
        documents analysed: all in one transaction."""
        with self.transaction():
            # only documents analysed before have rows to replace: skipping the delete for new
            # ones keeps a batch's cost independent of the size of the store
            again = [
                row[0]
                for row in self.con.execute(
                    "select doc_id from documents where model is not null "
                    "and doc_id in (select unnest(?))",
                    [list(doc_ids)],
                ).fetchall()
            ]
            if again:
                # a re-analysed document's mentions keep their event ids but may change type,
                # actors or date: their merge blocks are grouped again from scratch by the next
                # event merging (a block's grouping is the same however it is reached)
                blocks = """select g.block from event_groups g join events e using (event_id)
                            where e.doc_id in (select unnest(?))"""
                self.con.execute(
                    f"""delete from merged_events where group_id in (
                            select group_id from event_groups where block in ({blocks}))""",
                    [again],
                )
                self.con.execute(f"delete from event_groups where block in ({blocks})", [again])
            for table, data in tables.items():
                _check_identifier(table)
                if again:
                    self.con.execute(
                        f"delete from {table} where doc_id in (select unnest(?))", [again]
                    )
                self.insert_table(table, data)
            if actors:
                columns = [
                    "actor_id",
                    "name",
                    "kind",
                    "country",
                    "sector",
                    "code",
                    "source",
                    "roles",
                    "code_source",
                ]
                data = pa.table({c: [a[c] for a in actors] for c in columns})
                self.insert_table("actors", data, verb="insert or ignore")
            self.con.execute(
                "update documents set analysed_at = ?, model = ? where doc_id in (select unnest(?))",
                [datetime.now(), model, list(doc_ids)],
            )
            self._steps_to_redo()

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[tuple], *, upsert: bool = False
    ) -> None:
        """Insert tuples into ``columns`` of ``table`` in one statement through Arrow
        (``executemany`` runs one statement a row); ``upsert`` replaces rows whose key exists."""
        if rows:
            verb = "insert or replace" if upsert else "insert"
            self.insert_table(table, rows_table(columns, rows), verb=verb)

    def insert_table(self, table: str, data: pa.Table, *, verb: str = "insert") -> None:
        """Insert an Arrow table's rows into the columns of ``table`` it names, in one
        statement; ``verb`` is "insert", "insert or replace" or "insert or ignore"."""
        if verb not in ("insert", "insert or replace", "insert or ignore"):
            raise ValueError(f"unknown insert verb {verb!r}")
        if not data.num_rows:
            return
        _check_identifier(table)
        for column in data.column_names:
            _check_identifier(column)
        names = ", ".join(f'"{c}"' for c in data.column_names)
        with self.registered("_insert_rows", data):
            self.con.execute(f"{verb} into {table} ({names}) select {names} from _insert_rows")

    @contextmanager
    def registered(self, name: str, data: pa.Table) -> Iterator[None]:
        """``data`` readable in SQL as ``name`` inside the block (DuckDB reads the Arrow table
        in place), unregistered after it, whatever happens."""
        self.con.register(name, data)
        try:
            yield
        finally:
            self.con.unregister(name)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows of a read query as dicts; values are always bound parameters."""
        return dict_rows(self.con, sql, params)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        cursor = self.con.execute("select * from documents where doc_id = ?", [doc_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def documents(self, *, include_old_versions: bool = False) -> list[dict[str, Any]]:
        where = "" if include_old_versions else "where is_current"
        cursor = self.con.execute(f"select * from documents {where} order by path, record, version")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # -- runs and problems ----------------------------------------------------------------

    def start_run(self, command: str) -> int:
        with self.transaction():
            run_id = self.con.execute("select coalesce(max(run_id), 0) + 1 from runs").fetchone()[0]
            self.con.execute(
                "insert into runs (run_id, command, started_at) values (?, ?, ?)",
                [run_id, command, datetime.now()],
            )
        return run_id

    def record_problems(
        self, run_id: int, problems: Iterable[InputError], notes: Iterable[tuple[str, str]] = ()
    ) -> None:
        rows = [(run_id, p.where, p.code, p.outcome, p.reason) for p in problems]
        rows += [(run_id, where, "D000", "note", note) for where, note in notes]
        if rows:
            with self.transaction():
                self.con.executemany("insert into problems values (?, ?, ?, ?, ?)", rows)

    def finish_run(self, run_id: int, **counts: int) -> None:
        allowed = {"stored", "duplicates", "skipped", "failed", "analysed"}
        sets = ", ".join(f"{name} = ?" for name in counts if name in allowed)
        values = [counts[name] for name in counts if name in allowed]
        with self.transaction():
            self.con.execute(
                f"update runs set finished_at = ?{', ' + sets if sets else ''} where run_id = ?",
                [datetime.now(), *values, run_id],
            )

    # -- summaries -------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts a user wants at a glance."""
        one = self.con.execute("""
            select count(*) filter (where is_current),
                   count(*) filter (where not is_current),
                   count(*) filter (where is_current and analysed_at is not null),
                   coalesce(sum(n_words) filter (where is_current), 0),
                   count(distinct outlet) filter (where is_current),
                   min(published) filter (where is_current),
                   max(published) filter (where is_current)
            from documents""").fetchone()
        counts = {
            "documents": one[0],
            "old_versions": one[1],
            "analysed": one[2],
            "words": int(one[3]),
            "outlets": one[4],
            "first_published": one[5],
            "last_published": one[6],
        }
        # counted as the exports and the read model (dyad.corpus) count them: rows of current
        # documents; actors as the actors export lists them; events merged (one per event,
        # however many sentences and documents report it)
        from ..actors.store import ACTORS_QUERY

        current = "join documents d using (doc_id) where d.is_current"
        for table in ("sentences", "tokens", "entities", "mentions"):
            counts[table] = self.con.execute(f"select count(*) from {table} {current}").fetchone()[
                0
            ]
        counts["actors"] = self.con.execute(f"select count(*) from ({ACTORS_QUERY})").fetchone()[0]
        counts["top_actors"] = self.con.execute(
            f"select name, n_mentions from ({ACTORS_QUERY}) order by n_mentions desc, name limit 5"
        ).fetchall()
        merged = f"""select coalesce(g.group_id, e.event_id) as event_id, any_value(e.type) as type
                     from events e left join event_groups g using (event_id) {current}
                     group by 1"""
        counts["events"] = self.con.execute(f"select count(*) from ({merged})").fetchone()[0]
        counts["event_mentions"] = self.con.execute(
            f"select count(*) from events {current}"
        ).fetchone()[0]
        counts["entity_labels"] = dict(
            self.con.execute(
                f"select label, count(*) from entities {current} group by label "
                "order by count(*) desc, label"
            ).fetchall()
        )
        counts["event_types"] = dict(
            self.con.execute(
                f"select type, count(*) from ({merged}) group by type order by count(*) desc, type"
            ).fetchall()
        )
        counts["by_format"] = dict(
            self.con.execute(
                "select format, count(*) from documents where is_current group by format order by 2 desc"
            ).fetchall()
        )
        last = self.con.execute(
            "select run_id, command, started_at, finished_at, stored, duplicates, skipped, failed, analysed "
            "from runs order by run_id desc limit 1"
        ).fetchone()
        if last:
            keys = [
                "run_id",
                "command",
                "started_at",
                "finished_at",
                "stored",
                "duplicates",
                "skipped",
                "failed",
                "analysed",
            ]
            counts["last_run"] = dict(zip(keys, last, strict=True))
            counts["last_run_problems"] = self.con.execute(
                "select location, code, outcome, reason from problems where run_id = ? and outcome != 'note'",
                [last[0]],
            ).fetchall()
        return counts


#: errors that say a disk (or the process's file-size limit) is full, by their C library text,
#: which DuckDB puts in its messages
_FULL = {code: os.strerror(code) for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)}
_WHAT = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "a file-size limit is reached",
}
_WRITING = re.compile(r'Could not (?:write|truncate|fsync|extend)[^"]*"([^"]+)"')


def write_error(db: str | Path | None, err: BaseException) -> StoreError | None:
    """The one-line error for ``err`` raised while a command wrote ``db``: a full disk (an
    ``OSError`` such as ENOSPC, or DuckDB's message for one) is :class:`DiskFull`, another of
    DuckDB's I/O errors, or DuckDB out of its ``store.memory_limit``, a :class:`StoreError`;
    None for anything else (a bug)."""
    message = str(err)
    if isinstance(err, duckdb.OutOfMemoryException):
        return StoreError(
            f"DuckDB ran out of the memory it may use ({message.splitlines()[0]}): raise "
            'store.memory_limit in your --config file ("" for DuckDB\'s default) or lower '
            "store.threads, then run the same command again (committed batches are kept)"
        )
    if isinstance(err, OSError):
        if err.errno not in _FULL:
            return None
        code, where = err.errno, err.filename
    elif isinstance(err, duckdb.Error):
        code = next((code for code, text in _FULL.items() if text in message), None)
        found = _WRITING.search(message)
        where = found.group(1) if found else None
        if code is None:
            if isinstance(err, duckdb.IOException | duckdb.FatalException) or found:
                return StoreError(
                    f"cannot write database {db}: {message.splitlines()[0]}; check the disk, "
                    "then run the same command again (committed batches are kept)"
                )
            return None
    else:
        return None
    if db is None:  # not the database: an export, say
        return DiskFull(
            f"{_WHAT[code]} ({_FULL[code]}) writing {where or 'a file'}; free some space "
            "there, then run the command again"
        )
    return DiskFull(
        f"{_WHAT[code]} ({_FULL[code]}) writing {where or 'a file'}; free some space on the "
        f"disk of {db} and in the temporary folder {tempfile.gettempdir()}, or use --db on "
        "another disk, then run the same command again (committed batches are kept)"
    )


class _Transaction:
    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        if not self.store._depth:
            self.store.con.execute("begin transaction")
        self.store._depth += 1

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.store._depth -= 1
        if self.store._depth:  # the outermost block ends the transaction
            return
        if exc_type is None:
            self.store.con.execute("commit")
            return
        try:
            self.store.con.execute("rollback")
        except duckdb.Error:  # a failed commit or a full disk: the error raised says what
            log.debug("rollback failed", exc_info=True)


_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def _check_identifier(name: str) -> None:
    # Table names come from code, never from users; refuse anything else outright.
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a table name: {name!r}")


def _store_error(path: str, err: duckdb.Error) -> StoreError:
    message = str(err)
    if "not a valid DuckDB database" in message:
        return NotADatabase(
            f"{path} exists but is not a DuckDB database; choose another file with --db"
        )
    if "lock" in message.lower():
        holder = re.search(r"\(PID (\d+)\)", message)
        who = f" (process {holder.group(1)})" if holder else ""
        return StoreLocked(
            f"{path} is in use by another dyad or DuckDB process{who}; wait for it to "
            "finish or use another --db"
        )
    return StoreError(f"cannot open database {path}: {message}")
