"""Toponyms and temporal expressions in the store: rows from parsed documents, the export."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
from spacy.tokens import Doc

from ..nlp import sentence_of

__all__ = ["PLACES_QUERY", "place_tables"]

_PLACE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("place_name", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
        ("feature", pa.string()),
    ]
)
_TIME_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("text", pa.string()),
        ("value", pa.string()),
        ("precision", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("relative", pa.bool_()),
    ]
)


def place_tables(parsed: Iterable[tuple[str, Doc]]) -> dict[str, pa.Table]:
    """The ``places`` and ``times`` rows of parsed documents, for Store.save_annotations."""
    from datetime import date

    places: dict[str, list] = {name: [] for name in _PLACE_SCHEMA.names}
    times: dict[str, list] = {name: [] for name in _TIME_SCHEMA.names}
    for doc_id, doc in parsed:
        sent_of = sentence_of(doc)
        for p in doc._.dyad_places or []:
            row = {**p, "doc_id": doc_id, "sent": sent_of.get(p["token_start"], 0),
                   "char_start": p["start"], "char_end": p["end"]}  # fmt: skip
            for name in _PLACE_SCHEMA.names:
                places[name].append(row[name])
        for t in doc._.dyad_times or []:
            row = {**t, "doc_id": doc_id, "sent": sent_of.get(t["token_start"], 0),
                   "char_start": t["start"], "char_end": t["end"],
                   "date_start": date.fromisoformat(t["date_start"]),
                   "date_end": date.fromisoformat(t["date_end"])}  # fmt: skip
            for name in _TIME_SCHEMA.names:
                times[name].append(row[name])
    return {
        "places": pa.table(places, schema=_PLACE_SCHEMA),
        "times": pa.table(times, schema=_TIME_SCHEMA),
    }


#: every toponym, in the export shape of DESIGN §3 (contract keys first)
PLACES_QUERY = """
    select p.doc_id, p.char_start as start, p.char_end as "end", p.text, p.place_name,
           p.lat, p.lon, p.country, p.feature, p.kind, p.sent
    from places p join documents d using (doc_id) where d.is_current
    order by p.doc_id, p.char_start
"""
