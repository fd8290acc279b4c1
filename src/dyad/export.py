"""Exports following the contract in DESIGN §3: JSONL, CSV and Parquet.

The network (one row per pair relation; ``network_nodes`` for its nodes with their camps) is also written whole
as JSON, GEXF or GraphML.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import DyadError
from .store import Store

__all__ = ["EXPORTABLE", "FORMATS", "export_table", "json_default", "table_rows"]

#: formats of every table; the network is also written whole as JSON, GEXF or GraphML, and
#: the events with a place as GeoJSON
FORMATS = ("jsonl", "csv", "parquet", "json", "gexf", "graphml", "geojson")
_TABLE_FORMATS = ("jsonl", "csv", "parquet")

# Contract keys first (DESIGN §3), then extras other tools may find useful.
_QUERIES = {
    "documents": """
        select doc_id, title, author, published, outlet, url, path, n_words, sha256,
               record, format, language, version, analysed_at is not null as analysed,
               "references", text
        from documents where is_current order by path, record
    """,
    "sentences": """
        select s.doc_id, s.sent, s.char_start as start, s.char_end as "end", s.text
        from sentences s join documents d using (doc_id) where d.is_current
        order by s.doc_id, s.sent
    """,
    "entities": """
        select e.doc_id, e.sent, e.char_start as start, e.char_end as "end", e.text, e.label
        from entities e join documents d using (doc_id) where d.is_current
        order by e.doc_id, e.char_start
    """,
}
_QUERIES["mentions"] = """
        select m.doc_id, m.char_start as start, m.char_end as "end", m.text, m.actor_id, m.label,
               m.sent, m.code, m.confidence
        from mentions m join documents d using (doc_id) where d.is_current
        order by m.doc_id, m.char_start
    """
_QUERIES["times"] = """
        select t.doc_id, t.char_start as start, t.char_end as "end", t.text, t.value,
               t.precision, t.date_start, t.date_end, t.relative, t.sent
        from times t join documents d using (doc_id) where d.is_current
        order by t.doc_id, t.char_start
    """
EXPORTABLE = (
    *_QUERIES,
    "actors",
    "events",
    "places",
    "reuse",
    "claims",
    "framing",
    "network",
    "network_nodes",
)


def _arrow(store: Store, table: str) -> pa.Table:
    if table == "actors":
        from .actors.store import ACTORS_QUERY

        return store.con.sql(
            f"select * from ({ACTORS_QUERY}) order by n_mentions desc, name"
        ).to_arrow_table()
    if table == "events":
        from .events.store import EVENTS_QUERY

        return store.con.sql(
            f"select * from ({EVENTS_QUERY}) order by doc_id, trigger_start"
        ).to_arrow_table()
    if table == "places":
        from .places.store import PLACES_QUERY

        return store.con.sql(PLACES_QUERY).to_arrow_table()
    if table in ("reuse", "claims", "framing"):
        from .claims.store import CLAIMS_QUERY
        from .framing.store import FRAMING_QUERY
        from .reuse.store import REUSE_QUERY

        query = {"reuse": REUSE_QUERY, "claims": CLAIMS_QUERY, "framing": FRAMING_QUERY}[table]
        return store.con.sql(query).to_arrow_table()
    if table in ("network", "network_nodes"):
        network = _network(store)
        if table == "network":
            return pa.Table.from_pylist(network.edges, schema=_EDGE_SCHEMA)
        from .network.formats import nodes_with_camps

        return pa.Table.from_pylist(nodes_with_camps(network), schema=_NODE_SCHEMA)
    if table not in _QUERIES:
        raise DyadError(f"unknown table {table!r}; choose one of {', '.join(EXPORTABLE)}")
    return store.con.sql(_QUERIES[table]).to_arrow_table()


_EDGE_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("target", pa.string()),
        ("sign", pa.int8()),
        ("weight", pa.float64()),
        ("n_events", pa.int64()),
        ("first", pa.string()),
        ("last", pa.string()),
        ("event_ids", pa.list_(pa.string())),
        ("net", pa.float64()),
        ("cooperation", pa.float64()),
        ("conflict", pa.float64()),
        ("start", pa.string()),
        ("end", pa.string()),
        ("types", pa.list_(pa.struct([("type", pa.string()), ("n_events", pa.int64())]))),
        ("mixed", pa.bool_()),
        *(
            (f"{side}_{key}", kind)  # the evidence each way: source → target, then back
            for side in ("forward", "reverse")
            for key, kind in (
                ("sign", pa.int8()),
                ("weight", pa.float64()),
                ("n_events", pa.int64()),
                ("event_ids", pa.list_(pa.string())),
            )
        ),
        ("source_name", pa.string()),
        ("target_name", pa.string()),
    ]
)
_NODE_SCHEMA = pa.schema(
    [
        ("actor_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("country", pa.string()),
        ("code", pa.string()),
        ("n_events", pa.int64()),
        ("camp", pa.int32()),
        ("two_camp", pa.int32()),
    ]
)


def _network(store: Store, settings: Any = None) -> Any:
    from .config import load_settings
    from .network.store import NetworkQuery, load_network

    raw = (settings or load_settings()).raw["network"]
    return load_network(store, NetworkQuery.from_settings(raw))


def table_rows(store: Store, table: str) -> list[dict[str, Any]]:
    """The rows an export of ``table`` would write, as dicts (for the API and tests)."""
    return _arrow(store, table).to_pylist()


def export_table(store: Store, table: str, fmt: str, output: str | Path) -> int:
    """Write ``table`` to ``output`` (``-`` for stdout, JSONL/CSV only); return the row count."""
    if fmt not in FORMATS:
        raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "geojson":
        return _write_geojson(store, table, output)
    if fmt not in _TABLE_FORMATS:
        if table != "network":
            raise DyadError(
                f"{fmt} is a graph format: only `network` is written as {fmt}; "
                f"write {table!r} as {', '.join(_TABLE_FORMATS)}"
            )
        if str(output) == "-":
            raise DyadError(f"give --output FILE for {fmt}, not stdout")
        from .network.formats import write_network

        return write_network(_network(store), fmt, output)
    data = _arrow(store, table)
    if str(output) == "-":
        if fmt == "parquet":
            raise DyadError("Parquet is binary: give --output FILE instead of stdout")
        _write_text(data, fmt, sys.stdout)
        return data.num_rows
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    if fmt == "parquet":
        pq.write_table(data, tmp)
    else:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            _write_text(data, fmt, handle)
    tmp.replace(path)  # never leave a half-written export under the real name
    return data.num_rows


def _write_geojson(store: Store, table: str, output: str | Path) -> int:
    """The events that have coordinates as a GeoJSON FeatureCollection of points (RFC 7946:
    longitude first); every other field of the export is a property."""
    if table != "events":
        raise DyadError(f"GeoJSON holds the events with a place; write {table!r} as jsonl or csv")
    features = [
        {
            "type": "Feature",
            "id": row["event_id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
        }
        for row in _arrow(store, "events").to_pylist()
        if row["lat"] is not None and row["lon"] is not None
    ]
    text = json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        default=json_default,
    )
    if str(output) == "-":
        sys.stdout.write(text + "\n")
        return len(features)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return len(features)


def _write_text(data: pa.Table, fmt: str, handle: IO[str]) -> None:
    if fmt == "jsonl":
        for row in data.to_pylist():
            handle.write(json.dumps(row, ensure_ascii=False, default=json_default) + "\n")
        return
    # CSV has no lists: encode list columns as JSON arrays so they survive a round trip.
    columns = []
    for name in data.column_names:
        column = data.column(name)
        if pa.types.is_list(column.type):
            column = pa.array(
                [
                    None if v is None else json.dumps(v, ensure_ascii=False)
                    for v in column.to_pylist()
                ],
                pa.string(),
            )
        columns.append(column)
    sink = pa.BufferOutputStream()
    pacsv.write_csv(pa.table(columns, names=data.column_names), sink)
    handle.write(sink.getvalue().to_pybytes().decode("utf-8"))


def json_default(value: object) -> str:
    """Dates as ISO text in JSON output (exports and the web API)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")
