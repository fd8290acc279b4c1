"""Exports following the contract in DESIGN §3: JSONL, CSV and Parquet.

The network (one row per pair relation; ``network_nodes`` for its nodes with their camps) is also written whole
as JSON, GEXF or GraphML.
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import secrets
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import DyadError
from .store import Store

if TYPE_CHECKING:
    from .config import Settings

__all__ = [
    "DOWNLOADS",
    "EXPORTABLE",
    "FORMATS",
    "atomic_output",
    "encode_batches",
    "encode_table",
    "export_table",
    "json_default",
    "table_rows",
]

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
               m.sent, m.code, m.confidence, m.code_source
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


def _arrow(store: Store, table: str, settings: Settings | None = None) -> pa.Table:
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
        from .config import load_settings
        from .framing.store import framing_query
        from .reuse.store import REUSE_QUERY

        if table == "framing":
            query = framing_query(settings or load_settings())
        else:
            query = {"reuse": REUSE_QUERY, "claims": CLAIMS_QUERY}[table]
        return store.con.sql(query).to_arrow_table()
    if table in ("network", "network_nodes"):
        network, solver = _network(store, settings)
        if table == "network":
            return pa.Table.from_pylist(network.edges, schema=_EDGE_SCHEMA)
        from .network.formats import nodes_with_camps

        return pa.Table.from_pylist(nodes_with_camps(network, solver), schema=_NODE_SCHEMA)
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


def _network(store: Store, settings: Settings | None) -> tuple[Any, Any]:
    """The network of the ``[network]`` settings (dyad's own when ``settings`` is None) and
    the solver its camps come from."""
    from .config import load_settings
    from .network.store import NetworkQuery, Solver, load_network

    settings = settings or load_settings()
    network = load_network(store, NetworkQuery.from_settings(settings))
    return network, Solver.from_settings(settings)


def table_rows(
    store: Store, table: str, *, settings: Settings | None = None
) -> list[dict[str, Any]]:
    """The rows an export of ``table`` would write, as dicts (for the API and tests).
    ``settings`` (default: dyad's packaged ones) shape the network tables."""
    return _arrow(store, table, settings).to_pylist()


def export_table(
    store: Store, table: str, fmt: str, output: str | Path, *, settings: Settings | None = None
) -> int:
    """Write ``table`` to ``output`` (``-`` for stdout: every text format but the graph ones);
    return the row count. The file appears under its name only when complete. ``settings``
    (default: dyad's packaged ones) shape the network tables."""
    if table not in EXPORTABLE:
        raise DyadError(f"unknown table {table!r}; choose one of {', '.join(EXPORTABLE)}")
    if fmt not in FORMATS:
        raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "geojson":
        if table != "events":
            raise DyadError(
                f"GeoJSON holds the events with a place; write {table!r} as "
                f"{', '.join(_TABLE_FORMATS)}"
            )
        return _write_geojson(store, output)
    if fmt not in _TABLE_FORMATS:
        if table != "network":
            raise DyadError(
                f"{fmt} is a graph format: only `network` is written as {fmt}; "
                f"write {table!r} as {', '.join(_TABLE_FORMATS)}"
            )
        if str(output) == "-":
            raise DyadError(f"give --output FILE for {fmt}, not stdout")
        from .network.formats import write_network

        network, solver = _network(store, settings)
        return write_network(network, fmt, output, solver)
    if fmt == "parquet" and str(output) == "-":
        raise DyadError("Parquet is binary: give --output FILE instead of stdout")
    data = _arrow(store, table, settings)
    if str(output) == "-":
        _write_text(data, fmt, sys.stdout)
        return data.num_rows
    with atomic_output(output) as tmp:
        if fmt == "parquet":
            pq.write_table(data, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as handle:
                _write_text(data, fmt, handle)
    return data.num_rows


#: the formats :func:`encode_table` writes, with their media types
DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


def encode_table(data: pa.Table, fmt: str) -> bytes:
    """``data`` as the bytes of a file in ``fmt``: CSV and JSONL as `dyad export` writes
    them, JSON as one array of the JSONL rows, Parquet as pyarrow writes it."""
    if fmt not in DOWNLOADS:
        raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(DOWNLOADS)}")
    if fmt == "parquet":
        sink = pa.BufferOutputStream()
        pq.write_table(data, sink)
        return sink.getvalue().to_pybytes()
    if fmt == "json":
        return dumps(data.to_pylist()).encode("utf-8")
    handle = io.StringIO()
    _write_text(data, fmt, handle)
    return handle.getvalue().encode("utf-8")


def encode_batches(
    schema: pa.Schema, batches: Iterable[pa.RecordBatch], fmt: str
) -> Iterator[bytes]:
    """The file :func:`encode_table` writes for the rows of ``batches``, in pieces, one per
    batch as it comes, so that a download starts before the last row is read: CSV, JSON and
    JSONL byte for byte the same as :func:`encode_table`'s, Parquet with a row group per
    batch (the same rows and schema)."""
    if fmt not in DOWNLOADS:
        raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(DOWNLOADS)}")
    if fmt == "parquet":
        sink, writer = io.BytesIO(), None
        for batch in batches:
            writer = writer or pq.ParquetWriter(sink, batch.schema)
            writer.write_batch(batch)
            yield _drain(sink)
        (writer or pq.ParquetWriter(sink, schema)).close()
        yield _drain(sink)
    elif fmt == "json":  # as json.dumps writes a list: "[" + ", ".join(rows) + "]"
        opening = "["
        for batch in batches:
            rows = ", ".join(dumps(row) for row in batch.to_pylist())
            if rows:
                yield (opening + rows).encode("utf-8")
                opening = ", "
        yield b"[]" if opening == "[" else b"]"
    elif fmt == "jsonl":
        for batch in batches:
            yield "".join(dumps(row) + "\n" for row in batch.to_pylist()).encode("utf-8")
    else:
        header = True
        for batch in batches:
            if batch.num_rows:
                yield _csv_bytes(pa.Table.from_batches([batch]), header=header)
                header = False
        if header:  # no rows: the header alone
            yield _csv_bytes(schema.empty_table(), header=True)


def _drain(sink: io.BytesIO) -> bytes:
    data = sink.getvalue()
    sink.seek(0)
    sink.truncate()
    return data


@contextmanager
def atomic_output(output: str | Path) -> Iterator[Path]:
    """A temporary file beside ``output`` (same folder, so the final rename is atomic) for the
    block to write; it becomes ``output`` when the block completes and is removed when the block
    fails in any way, Ctrl+C included. Never a half-written file under the real name."""
    path = Path(output)
    if path.is_dir():
        raise DyadError(f"{path} is a folder; give a file name with --output")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        os.replace(tmp, path)
    except OSError as error:
        _remove(tmp)
        raise DyadError(
            f"cannot write {path}: {error.strerror or error}; choose another --output"
        ) from error
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    with suppress(OSError):  # never there, or its folder never was: nothing to remove
        path.unlink()


def _write_geojson(store: Store, output: str | Path) -> int:
    """The events that have coordinates as a GeoJSON FeatureCollection of points (RFC 7946:
    longitude first); every other field of the export is a property."""
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
    text = dumps({"type": "FeatureCollection", "features": features})
    if str(output) == "-":
        sys.stdout.write(text + "\n")
        return len(features)
    with atomic_output(output) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return len(features)


def _write_text(data: pa.Table, fmt: str, handle: IO[str]) -> None:
    if fmt == "jsonl":
        for row in data.to_pylist():
            handle.write(dumps(row) + "\n")
        return
    handle.write(_csv_bytes(data, header=True).decode("utf-8"))


def _csv_bytes(data: pa.Table, *, header: bool) -> bytes:
    """``data`` as CSV (with its header line or without)."""
    # CSV has no nested values: write lists, structs and maps as JSON so they survive a round
    # trip; bytes as base64, as in JSON
    columns = []
    for name in data.column_names:
        column = data.column(name)
        if pa.types.is_nested(column.type):
            column = pa.array(
                [None if v is None else dumps(v) for v in column.to_pylist()], pa.string()
            )
        elif pa.types.is_binary(column.type) or pa.types.is_large_binary(column.type):
            column = pa.array([None if v is None else json_default(v) for v in column.to_pylist()])
        columns.append(column)
    sink = pa.BufferOutputStream()
    options = pacsv.WriteOptions(include_header=header)
    pacsv.write_csv(pa.table(columns, names=data.column_names), sink, write_options=options)
    return sink.getvalue().to_pybytes()


def dumps(value: Any, *, indent: int | None = None) -> str:
    """``value`` as strict JSON: any type an export holds is written (see ``json_default``),
    and NaN or infinity becomes null, which JSON has no word for."""
    options: dict[str, Any] = {"ensure_ascii": False, "default": json_default, "indent": indent}
    try:
        return json.dumps(value, allow_nan=False, **options)
    except ValueError:  # a non-finite float somewhere: the rare case pays for the walk
        return json.dumps(_finite(value), **options)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def json_default(value: object) -> Any:
    """What JSON output (exports and the web API) writes for a value json cannot: dates and
    times as ISO text, decimals as numbers (integers when whole), durations as seconds, bytes as
    base64, sets as sorted lists, anything else as its text. Never raises."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if hasattr(value, "item"):  # NumPy scalars
        try:
            return value.item()
        except (TypeError, ValueError):
            pass
    return str(value)
