"""Exports: every table in every format it has, from the demo and the reference databases, read
back by other tools (DuckDB, networkx, json) with the store's own counts; atomic writes; and
an actors export that holds every actor the other exports name."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import uuid
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow as pa
import pytest

from dyad.errors import DyadError
from dyad.export import (
    EXPORTABLE,
    FORMATS,
    _write_text,
    atomic_output,
    dumps,
    export_table,
    json_default,
    table_rows,
)
from dyad.store import Store

TABLE_FORMATS = ("jsonl", "csv", "parquet")
GRAPH_FORMATS = ("json", "gexf", "graphml")
CONTRACT = {
    "documents": ["doc_id", "title", "author", "published", "outlet", "url", "path", "n_words",
                  "sha256"],
    "actors": ["actor_id", "name", "kind", "country", "sector", "code", "aliases", "n_mentions",
               "doc_ids"],
    "mentions": ["doc_id", "start", "end", "text", "actor_id", "label"],
    "places": ["doc_id", "start", "end", "text", "place_name", "lat", "lon", "country", "feature"],
    "reuse": ["doc_a", "doc_b", "share_a", "share_b", "passages"],
    "claims": ["claim_id", "subject", "attribute", "status", "values"],
    "framing": ["doc_id", "actor_id", "labels", "sentiment"],
    "network": ["source", "target", "sign", "weight", "n_events", "first", "last", "event_ids"],
    "network_nodes": ["actor_id", "name", "kind", "country"],
    "events": ["event_id", "type", "mode", "cameo", "quad", "intensity", "source_ids",
               "target_ids", "source_names", "target_names", "date", "date_precision",
               "date_start", "date_end", "place_name", "lat", "lon", "country", "modality",
               "reported_by", "confidence"],
}  # fmt: skip

#: the rows each table holds, counted in the store by its own tables (current documents only)
_CURRENT = "join documents d using (doc_id) where d.is_current"
STORE_COUNTS = {
    "documents": "select count(*) from documents where is_current",
    "sentences": f"select count(*) from sentences {_CURRENT}",
    "entities": f"select count(*) from entities {_CURRENT}",
    "mentions": f"select count(*) from mentions {_CURRENT}",
    "times": f"select count(*) from times {_CURRENT}",
    "places": f"select count(*) from places {_CURRENT}",
    "events": f"""select count(distinct coalesce(g.group_id, e.event_id))
                  from events e left join event_groups g using (event_id) {_CURRENT}""",
    "reuse": """select count(*) from reuse r
                join documents a on a.doc_id = r.doc_a and a.is_current
                join documents b on b.doc_id = r.doc_b and b.is_current
                where exists (select 1 from reuse_passages p
                              where p.doc_a = r.doc_a and p.doc_b = r.doc_b)""",
    "claims": """select count(*) from claims c where exists (
                 select 1 from claim_values v join documents d using (doc_id)
                 where d.is_current and v.subject = c.subject and v.attribute = c.attribute)""",
    "framing": f"""select count(*) from (
                   select doc_id, actor_id from labels union
                   select doc_id, actor_id from actor_sentiment) {_CURRENT}""",
}


@pytest.fixture(scope="session", params=["demo", "seeds"])
def db(request) -> Path:
    """The demo corpus (with the web tests' hostile article) and the reference corpus, each
    analysed once for the session."""
    return request.getfixturevalue("web_db" if request.param == "demo" else "seeds_db")


@pytest.fixture(scope="session")
def exported(db: Path, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """Every table written in every format it has (Python API), and the counts returned."""
    folder = tmp_path_factory.mktemp("export")
    counts = {}
    with Store(db, read_only=True) as store:
        for table in EXPORTABLE:
            for fmt in TABLE_FORMATS:
                counts[f"{table}.{fmt}"] = export_table(
                    store, table, fmt, folder / table / f"{table}.{fmt}"
                )
        for fmt in GRAPH_FORMATS:
            counts[f"graph.{fmt}"] = export_table(store, "network", fmt, folder / f"graph.{fmt}")
        counts["events.geojson"] = export_table(store, "events", "geojson", folder / "ev.geojson")
    return folder, counts


def _store_count(db: Path, table: str) -> int:
    with Store(db, read_only=True) as store:
        return store.rows(f"select ({STORE_COUNTS[table]}) as n")[0]["n"]


def _read(path: Path) -> tuple[list[str], list[tuple]]:
    """Column names and rows as DuckDB reads the file."""
    reader = {
        ".jsonl": "read_json(?, format = 'newline_delimited')",
        ".csv": "read_csv(?, header = true)",
        ".parquet": "read_parquet(?)",
    }[path.suffix]
    con = duckdb.connect()
    try:
        cursor = con.execute(f"select * from {reader}", [str(path)])
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        con.close()


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".part") or p.name.startswith(".")]


@pytest.mark.parametrize("table", EXPORTABLE)
def test_every_table_in_every_format_reads_back_with_the_store_count(exported, db, table) -> None:
    folder, counts = exported
    n = counts[f"{table}.jsonl"]
    if table in STORE_COUNTS:
        assert n == _store_count(db, table)
    for fmt in TABLE_FORMATS:
        path = folder / table / f"{table}.{fmt}"
        assert counts[f"{table}.{fmt}"] == n
        if n == 0:  # nothing to infer a schema from: the file is there, holding no row
            assert path.is_file() and len(path.read_text(errors="replace").splitlines()) <= 1
            continue
        columns, rows = _read(path)
        assert len(rows) == n, f"{path.name}: {len(rows)} rows read back, {n} written"
        keys = CONTRACT.get(table)
        if keys:
            assert columns[: len(keys)] == keys, path.name
    assert _leftovers(folder) == []


def test_the_store_counts_are_not_empty(db) -> None:
    """The comparison above means something only when the corpus fills the tables."""
    for table in ("documents", "sentences", "mentions", "events", "framing", "places"):
        assert _store_count(db, table) > 0, table


def test_counts_and_sums_are_integers_in_every_format(exported) -> None:
    folder, _ = exported
    path = folder / "framing" / "framing.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows and all(isinstance(r["n_mentions"], int) for r in rows)
    actors = [json.loads(line) for line in (folder / "actors" / "actors.jsonl").open()]
    assert all(isinstance(r["n_mentions"], int) for r in actors)
    import pyarrow.parquet as pq

    for table in EXPORTABLE:
        schema = pq.read_schema(folder / table / f"{table}.parquet")
        odd = [f.name for f in schema if pa.types.is_decimal(f.type)]
        assert odd == [], f"{table}: decimal columns {odd}"


def test_network_formats_agree(exported) -> None:
    folder, counts = exported
    n_edges = counts["network.jsonl"]
    _, nodes = _read(folder / "network_nodes" / "network_nodes.parquet")
    document = json.loads((folder / "graph.json").read_text(encoding="utf-8"))
    assert len(document["edges"]) == n_edges == counts["graph.json"]
    assert len(document["nodes"]) == len(nodes)
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        g = read(folder / f"graph.{fmt}")
        assert g.number_of_edges() == n_edges == counts[f"graph.{fmt}"], fmt
        assert g.number_of_nodes() == len(nodes), fmt
    ids = {n["actor_id"] for n in document["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in document["edges"])


def test_geojson_holds_the_events_with_a_place(exported) -> None:
    folder, counts = exported
    collection = json.loads((folder / "ev.geojson").read_text(encoding="utf-8"))
    con = duckdb.connect()
    n_placed = con.execute(
        "select count(*) from read_json(?, format = 'newline_delimited') "
        "where lat is not null and lon is not null",
        [str(folder / "events" / "events.jsonl")],
    ).fetchone()[0]
    con.close()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == n_placed == counts["events.geojson"]
    for f in collection["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_every_actor_another_export_names_has_a_row(db) -> None:
    with Store(db, read_only=True) as store:
        actors = {r["actor_id"] for r in table_rows(store, "actors")}
        events = table_rows(store, "events")
        named = {
            "events": {i for e in events for i in [*e["source_ids"], *e["target_ids"]]},
            "reporters": {e["reported_by"] for e in events if e["reported_by"]},
            "mentions": {m["actor_id"] for m in table_rows(store, "mentions")},
            "framing": {f["actor_id"] for f in table_rows(store, "framing")},
            "network": {n["actor_id"] for n in table_rows(store, "network_nodes")},
        }
        stored = {r["actor_id"] for r in store.rows("select actor_id from actors")}
        countries = {
            r["state"]
            for r in store.rows(f"""
                select lower(a.country) as state from event_actors e
                join actors a using (actor_id) {_CURRENT} and a.country is not null""")
        }
    assert named["events"] and named["network"]
    for where, ids in named.items():
        assert ids <= actors, f"{where} names actors the actors export lacks: {ids - actors}"
    # a row the actors table lacks is the country of an actor in a current event
    assert actors - stored <= countries


def test_an_actor_only_an_old_version_names_is_left_out(db, tmp_path) -> None:
    """The negative case: actors no current document names have no row."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    with Store(copy) as store:
        only = store.rows("""
            with named as (select doc_id, actor_id from mentions
                           union select doc_id, actor_id from event_actors where actor_id is not null)
            select doc_id, list(actor_id) as ids from named
            where actor_id in (select actor_id from named group by 1 having count(distinct doc_id) = 1)
            group by 1 order by len(ids) desc, doc_id limit 1""")  # fmt: skip
        assert only, "no actor is named by one document alone"
        doc_id, ids = only[0]["doc_id"], set(only[0]["ids"])
        before = {r["actor_id"] for r in table_rows(store, "actors")}
        store.con.execute("update documents set is_current = false where doc_id = ?", [doc_id])
        after = {r["actor_id"] for r in table_rows(store, "actors")}
    assert ids <= before
    assert not (ids & after), f"still exported: {ids & after}"


def test_a_state_an_event_stands_for_has_a_row(tmp_path) -> None:
    """'Belgian police' acted; the store has no actor for Belgium, and the network counts the
    police's events for it (merge_generic): the export names Belgium too, as the network does."""
    from dyad.config import load_settings
    from dyad.network.store import NetworkQuery, load_network
    from dyad.pipeline import run

    text = (
        "Police raid\n\nBelgian police arrested two members of the People's Mojahedin "
        "Organization of Iran in Brussels on Monday.\n"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "x.duckdb") as store:
        run(store, [tmp_path / "in"], load_settings())
        stored = {r["actor_id"] for r in store.rows("select actor_id from actors")}
        nodes = {n["actor_id"]: n for n in load_network(store, NetworkQuery()).nodes}
        actors = {r["actor_id"]: r for r in table_rows(store, "actors")}
    assert "bel" not in stored and "bel-cop" in stored, sorted(stored)
    assert "bel" in nodes
    row = actors["bel"]
    assert (row["name"], row["kind"], row["country"]) == (
        nodes["bel"]["name"], nodes["bel"]["kind"], nodes["bel"]["country"],
    )  # fmt: skip
    assert row["n_mentions"] == 0 and row["doc_ids"] == sorted(actors["bel-cop"]["doc_ids"])


# -- the real command, one format per table --------------------------------------------------


@pytest.mark.slow  # a process per table; every table's rows are checked in-process above
def test_the_cli_exports_every_table_into_the_working_folder(web_db, tmp_path, dyad_cmd) -> None:
    for table in EXPORTABLE:
        done = subprocess.run(
            [*dyad_cmd, "export", table, "--db", str(web_db)],
            cwd=tmp_path, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        lines = (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert f"wrote {len(lines)} {table} rows" in done.stderr
        if table in STORE_COUNTS:
            assert len(lines) == _store_count(web_db, table), table
        assert all(isinstance(json.loads(line), dict) for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.jsonl" for t in EXPORTABLE)


def test_the_cli_writes_framing_to_stdout(web_db, dyad_cmd) -> None:
    done = subprocess.run(
        [*dyad_cmd, "export", "framing", "--db", str(web_db), "-o", "-"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == _store_count(web_db, "framing")


@pytest.mark.parametrize(
    "args",
    [
        ["documents", "-f", "gexf"],
        ["network_nodes", "-f", "graphml"],
        ["network", "-f", "geojson"],
        ["events", "-f", "parquet", "-o", "-"],
        ["network", "-f", "gexf", "-o", "-"],
        ["events", "-f", "xlsx"],
        ["nonsense", "-f", "csv"],
        ["events", "-o", "."],
    ],
)
def test_a_format_that_does_not_apply_is_one_line_and_exit_2(
    web_db, tmp_path, dyad_cmd, args
) -> None:
    done = subprocess.run(
        [*dyad_cmd, "export", *args, "--db", str(web_db)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("error")
    assert done.stdout == "" and list(tmp_path.iterdir()) == []


def test_every_format_that_does_not_apply_is_refused(web_db, tmp_path) -> None:
    applies = {(t, f) for t in EXPORTABLE for f in TABLE_FORMATS}
    applies |= {("network", f) for f in GRAPH_FORMATS} | {("events", "geojson")}
    with Store(web_db, read_only=True) as store:
        for table in EXPORTABLE:
            for fmt in FORMATS:
                if (table, fmt) in applies:
                    continue
                with pytest.raises(DyadError, match=f"{fmt}|GeoJSON"):
                    export_table(store, table, fmt, tmp_path / f"{table}.{fmt}")
    assert list(tmp_path.iterdir()) == []


# -- atomic writes ---------------------------------------------------------------------------


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path) -> None:
    target = tmp_path / "out" / "framing.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as tmp:
        assert tmp.parent == target.parent  # beside the target, so the rename is atomic
        tmp.write_text("half a fi")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["framing.jsonl"]


def test_a_failing_export_leaves_nothing_behind(web_db, tmp_path, monkeypatch) -> None:
    import dyad.export

    def fail_halfway(data, fmt, handle):
        handle.write('{"doc_id": "half')
        raise RuntimeError("disk full")

    monkeypatch.setattr(dyad.export, "_write_text", fail_halfway)
    monkeypatch.chdir(tmp_path)
    with Store(web_db, read_only=True) as store, pytest.raises(RuntimeError):
        export_table(store, "framing", "jsonl", "framing.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_target_is_one_clear_error(web_db, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with (
        Store(web_db, read_only=True) as store,
        pytest.raises(DyadError, match=r"cannot write .*choose another --output"),
    ):
        export_table(store, "actors", "csv", blocker / "actors.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


# -- any value a row can hold ----------------------------------------------------------------


def test_json_writes_every_type_and_strict_json_only() -> None:
    row = {
        "count": Decimal("12"),
        "share": Decimal("0.25"),
        "day": date(2016, 9, 9),
        "at": time(12, 30),
        "took": timedelta(minutes=1),
        "raw": b"\x00\xff",
        "id": uuid.UUID(int=1),
        "tags": {"b", "a"},
        "bad": [math.nan, math.inf, Decimal("NaN")],
    }
    back = json.loads(dumps(row), parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    assert back == {
        "count": 12,
        "share": 0.25,
        "day": "2016-09-09",
        "at": "12:30:00",
        "took": 60.0,
        "raw": "AP8=",
        "id": "00000000-0000-0000-0000-000000000001",
        "tags": ["a", "b"],
        "bad": [None, None, None],
    }
    assert isinstance(back["count"], int)
    assert json_default(object()).startswith("<object")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_text_formats_write_nested_and_decimal_columns(tmp_path, fmt) -> None:
    data = pa.table(
        {
            "n": pa.array([Decimal("3"), None], pa.decimal128(38, 0)),
            "pair": pa.array([{"a": 1, "b": "x"}, None]),
            "items": pa.array([[1, 2], []]),
            "at": pa.array([time(1, 2), None]),
            "raw": pa.array([b"\x00\xff", None]),
        }
    )
    path = tmp_path / f"t.{fmt}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        _write_text(data, fmt, handle)
    columns, rows = _read(path)
    assert columns == ["n", "pair", "items", "at", "raw"] and len(rows) == 2
    assert int(rows[0][0]) == 3 and rows[0][4] in ("AP8=", b"AP8=")
