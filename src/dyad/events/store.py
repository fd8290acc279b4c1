"""Events in the store: rows from parsed documents, queries and the export shape (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa
from spacy.tokens import Doc

from ..store import Store

__all__ = ["EVENTS_QUERY", "MENTIONS_QUERY", "event_tables", "list_events"]

_EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("cameo", pa.string()),
        ("quad", pa.int32()),
        ("intensity", pa.float64()),
        ("modality", pa.string()),
        ("trigger", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
        ("cue_start", pa.int32()),
        ("cue_end", pa.int32()),
        ("confidence", pa.float64()),
        ("pattern", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("date_start", pa.string()),
        ("date_end", pa.string()),
        ("date_source", pa.string()),
        ("place_name", pa.string()),
        ("place_text", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
    ]
)
_ACTOR_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("role", pa.string()),
        ("actor_id", pa.string()),
        ("text", pa.string()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("code", pa.string()),
    ]
)


def event_tables(parsed: Iterable[tuple[str, Doc]]) -> dict[str, pa.Table]:
    """The ``events`` and ``event_actors`` rows of parsed documents, for Store.save_annotations."""
    events: dict[str, list] = {name: [] for name in _EVENT_SCHEMA.names}
    actors: dict[str, list] = {name: [] for name in _ACTOR_SCHEMA.names}
    for doc_id, doc in parsed:
        for e in doc._.dyad_events or []:
            event_id = f"{doc_id[:16]}:{e['trigger_start']}"
            row = {
                **e,
                "event_id": event_id,
                "doc_id": doc_id,
                "sent": e["sentence"],
                "country": e.get("place_country"),
            }
            for name in _EVENT_SCHEMA.names:
                events[name].append(row.get(name))
            roles = [("source", a) for a in e["sources"]] + [("target", a) for a in e["targets"]]
            if e["reported_by"]:
                roles.append(("reporter", e["reported_by"]))
            for role, a in roles:
                for name, value in (
                    ("event_id", event_id),
                    ("doc_id", doc_id),
                    ("role", role),
                    ("actor_id", a["actor"]),
                    ("text", a["text"]),
                    ("char_start", a["start"]),
                    ("char_end", a["end"]),
                    ("code", a["code"] or None),
                ):
                    actors[name].append(value)
    return {
        "events": pa.table(events, schema=_EVENT_SCHEMA),
        "event_actors": pa.table(actors, schema=_ACTOR_SCHEMA),
    }


#: every event mention, with the merged event it belongs to (``group_id``)
MENTIONS_QUERY = """
    with named as (
        select ea.event_id, ea.role, ea.actor_id, ea.char_start,
               coalesce(a.name, ea.text) as name, ea.text
        from event_actors ea left join actors a using (actor_id)
    ), sides as (
        select event_id,
            list(actor_id order by char_start) filter (where role = 'source' and actor_id is not null)
                as source_ids,
            list(actor_id order by char_start) filter (where role = 'target' and actor_id is not null)
                as target_ids,
            list(name order by char_start) filter (where role = 'source') as source_names,
            list(name order by char_start) filter (where role = 'target') as target_names,
            first(actor_id) filter (where role = 'reporter') as reported_by,
            first(name) filter (where role = 'reporter') as reported_by_name
        from named group by event_id
    )
    select e.event_id, e.type, e.mode, e.cameo, e.quad, e.intensity,
           coalesce(s.source_ids, []) as source_ids, coalesce(s.target_ids, []) as target_ids,
           coalesce(s.source_names, []) as source_names,
           coalesce(s.target_names, []) as target_names,
           e.date, e.date_precision, e.date_start, e.date_end,
           e.place_name, e.lat, e.lon, e.country,
           e.modality, s.reported_by, e.confidence,
           [{'doc_id': e.doc_id, 'sentence': e.sent, 'start': e.cue_start, 'end': e.cue_end,
             'text': st.text}] as mentions,
           s.reported_by_name, e.trigger, e.doc_id, e.sent, e.trigger_start, e.trigger_end, e.pattern,
           e.date_source, e.place_text, coalesce(g.group_id, e.event_id) as group_id,
           d.published
    from events e
    join documents d using (doc_id)
    join sentences st on st.doc_id = e.doc_id and st.sent = e.sent
    left join sides s using (event_id)
    left join event_groups g using (event_id)
    where d.is_current
"""

_PRECISION_RANK = "case m.date_precision when 'day' then 0 when 'month' then 1 when 'year' then 2 when 'range' then 3 when 'decade' then 4 else 5 end"

#: merged events in the export shape of DESIGN §3: one row per event, every mention listed;
#: the fields come from its first mention (earliest published), the date from its most
#: precise one, the place from the first mention that has one
EVENTS_QUERY = f"""
    select m.group_id as event_id,
           first(m.type order by m.published nulls last, m.doc_id, m.trigger_start) as type,
           first(m.mode order by m.published nulls last, m.doc_id, m.trigger_start) as mode,
           first(m.cameo order by m.published nulls last, m.doc_id, m.trigger_start) as cameo,
           first(m.quad order by m.published nulls last, m.doc_id, m.trigger_start) as quad,
           first(m.intensity order by m.published nulls last, m.doc_id, m.trigger_start)
               as intensity,
           first(m.source_ids order by m.published nulls last, m.doc_id, m.trigger_start)
               as source_ids,
           first(m.target_ids order by m.published nulls last, m.doc_id, m.trigger_start)
               as target_ids,
           first(m.source_names order by m.published nulls last, m.doc_id, m.trigger_start)
               as source_names,
           first(m.target_names order by m.published nulls last, m.doc_id, m.trigger_start)
               as target_names,
           first(m.date order by {_PRECISION_RANK}, m.doc_id) as date,
           first(m.date_precision order by {_PRECISION_RANK}, m.doc_id) as date_precision,
           first(m.date_start order by {_PRECISION_RANK}, m.doc_id) as date_start,
           first(m.date_end order by {_PRECISION_RANK}, m.doc_id) as date_end,
           first(m.place_name order by m.place_name is null, m.doc_id) as place_name,
           first(m.lat order by m.place_name is null, m.doc_id) as lat,
           first(m.lon order by m.place_name is null, m.doc_id) as lon,
           first(m.country order by m.place_name is null, m.doc_id) as country,
           first(m.modality order by m.published nulls last, m.doc_id, m.trigger_start)
               as modality,
           first(m.reported_by order by m.published nulls last, m.doc_id, m.trigger_start)
               as reported_by,
           max(m.confidence) as confidence,
           flatten(list(m.mentions order by m.published nulls last, m.doc_id, m.trigger_start))
               as mentions,
           count(distinct m.doc_id) as n_sources,
           coalesce(max(me.n_independent), count(distinct m.doc_id)) as n_independent_sources,
           list(distinct m.doc_id) as doc_ids,
           first(m.reported_by_name order by m.published nulls last, m.doc_id, m.trigger_start)
               as reported_by_name,
           first(m.trigger order by m.published nulls last, m.doc_id, m.trigger_start)
               as trigger,
           first(m.doc_id order by m.published nulls last, m.doc_id, m.trigger_start) as doc_id,
           first(m.sent order by m.published nulls last, m.doc_id, m.trigger_start) as sent,
           first(m.trigger_start order by m.published nulls last, m.doc_id, m.trigger_start)
               as trigger_start,
           first(m.trigger_end order by m.published nulls last, m.doc_id, m.trigger_start)
               as trigger_end,
           first(m.pattern order by m.published nulls last, m.doc_id, m.trigger_start)
               as pattern,
           first(m.date_source order by {_PRECISION_RANK}, m.doc_id) as date_source,
           first(m.place_text order by m.place_name is null, m.doc_id) as place_text
    from ({MENTIONS_QUERY}) m
    left join merged_events me using (group_id)
    group by m.group_id
"""


def list_events(
    store: Store,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    modality: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Events, filtered; every filter value is a query parameter, never SQL text.

    ``actor`` matches an actor id or (case-insensitive substring) a source or target name;
    ``date_from``/``date_to`` keep events whose period (date_start..date_end) overlaps the
    window; an event with no date of its own is taken at its document's publication date.
    """
    sql = f"""select x.* from ({EVENTS_QUERY}) x join documents d using (doc_id) where true"""
    params: list[Any] = []
    if actor:
        sql += """ and (list_contains(x.source_ids, ?) or list_contains(x.target_ids, ?)
                   or lower(array_to_string(x.source_names || x.target_names, ' | ')) like ?)"""
        params += [actor, actor, f"%{actor.lower()}%"]
    if event_type:
        sql += " and x.type = ?"
        params.append(event_type.upper())
    if modality:
        sql += " and x.modality = ?"
        params.append(modality.lower())
    # an event overlaps the window: its period ends after the start and begins before the end
    if date_from:
        sql += " and coalesce(cast(x.date_end as varchar), d.published) >= ?"
        params.append(date_from)
    if date_to:
        sql += " and left(coalesce(cast(x.date_start as varchar), d.published), ?) <= ?"
        params += [len(date_to), date_to]
    sql += " order by d.published nulls last, x.doc_id, x.trigger_start"
    if limit:
        sql += " limit ?"
        params.append(limit)
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
