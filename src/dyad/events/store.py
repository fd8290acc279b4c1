"""Events in the store: rows from parsed documents, queries and the export shape (DESIGN §3)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa
from spacy.tokens import Doc

from ..errors import DyadError

__all__ = [
    "EVENTS_QUERY",
    "ISO_DATE_PATTERN",
    "MENTIONS_QUERY",
    "check_date",
    "check_names",
    "event_tables",
    "overlaps",
]

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
        ("killed", pa.int32()),
        ("wounded", pa.int32()),
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
           d.published, e.killed, e.wounded
    from events e
    join documents d using (doc_id)
    join sentences st on st.doc_id = e.doc_id and st.sent = e.sent
    left join sides s using (event_id)
    left join event_groups g using (event_id)
    where d.is_current
"""

_PRECISION_RANK = (
    "case date_precision when 'day' then 0 when 'month' then 1 when 'year' then 2 "
    "when 'range' then 3 when 'decade' then 4 else 5 end"
)
_FIRST = "published nulls last, doc_id, trigger_start"

#: merged events in the export shape of DESIGN §3: one row per event, every mention listed;
#: the fields come from its first mention (earliest published), the date from its most
#: precise one, the place from the first mention that has one
EVENTS_QUERY = f"""
    with m as ({MENTIONS_QUERY}),
    ranked as (
        select *,
            row_number() over (partition by group_id order by {_FIRST}) as first_mention,
            row_number() over (partition by group_id order by {_PRECISION_RANK}, {_FIRST})
                as best_date,
            row_number() over (partition by group_id order by place_name is null, {_FIRST})
                as best_place
        from m
    ), together as (
        select group_id, max(confidence) as confidence,
               flatten(list(mentions order by {_FIRST})) as mentions,
               count(distinct doc_id) as n_sources, list(distinct doc_id order by doc_id) as doc_ids,
               list(distinct modality order by modality) as modalities,
               -- the largest count its mentions give: tolls rise as reports come in, and a
               -- report of the wounded alone (killed 0) does not undo another's deaths
               max(killed) as killed, max(wounded) as wounded
        from m group by group_id
    )
    select f.group_id as event_id, f.type, f.mode, f.cameo, f.quad, f.intensity,
           f.source_ids, f.target_ids, f.source_names, f.target_names,
           d.date, d.date_precision, d.date_start, d.date_end,
           p.place_name, p.lat, p.lon, p.country,
           f.modality, f.reported_by, t.confidence, t.mentions,
           t.n_sources, coalesce(me.n_independent, t.n_sources) as n_independent_sources,
           t.doc_ids, f.reported_by_name, f.trigger, f.doc_id, f.sent, f.trigger_start,
           f.trigger_end, f.pattern, d.date_source, p.place_text, t.modalities,
           t.killed, t.wounded
    from ranked f
    join ranked d on d.group_id = f.group_id and d.best_date = 1
    join ranked p on p.group_id = f.group_id and p.best_place = 1
    join together t on t.group_id = f.group_id
    left join merged_events me on me.group_id = f.group_id
    where f.first_mention = 1
"""


def overlaps(
    start: str, end: str, date_from: str | None, date_to: str | None
) -> tuple[str, list[Any]]:
    """SQL (`` and ...``) keeping rows whose period ``start``..``end`` (column names) overlaps
    the window of ISO dates at any precision: ``date_to="2010"`` includes all of 2010. An
    undated row is outside every window. A bound that is no ISO date raises DyadError."""
    check_date(date_from, "the start date (--from, date_from)")
    check_date(date_to, "the end date (--to, date_to)")
    sql, params = "", []
    if date_from:
        sql += f" and cast({end} as varchar) >= ?"
        params.append(date_from)
    if date_to:
        sql += f" and left(cast({start} as varchar), ?) <= ?"
        params += [len(date_to), date_to]
    return sql, params


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _iso_date_pattern() -> str:
    """A regular expression (the same in JSON Schema, JavaScript and Python) for exactly the
    strings :func:`check_date` accepts in ASCII digits: a year, or a month or day that exists
    on the (proleptic Gregorian) calendar, year 0001 on."""
    year = "[0-9]{4}"
    not_zero = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
    by_4 = "(?:0[48]|[2468][048]|[13579][26])"  # a two-digit multiple of 4 but 00
    leap = f"(?:[0-9]{{2}}{by_4}|{by_4}00)"  # 0000 is no year on this calendar
    month = "(?:0[1-9]|1[0-2])"
    day = (
        "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
        "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    )
    return f"^(?:{year}|{not_zero}-{month}|{not_zero}-{day}|{leap}-02-29)$"


#: the dates :func:`check_date` accepts, as a pattern for the web API's schema
ISO_DATE_PATTERN = _iso_date_pattern()


def check_date(text: str | None, what: str = "date") -> None:
    """Raise DyadError unless ``text`` is an ISO date at year, month or day precision
    (``1990``, ``2016-09``, ``2016-09-09``) that exists on the calendar; None passes."""
    if text is None:
        return
    match = _ISO_DATE.fullmatch(text)
    ok = match is not None
    if ok and match.group(2):
        try:
            date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
        except ValueError:
            ok = False
    if not ok:
        raise DyadError(
            f"{what} must be an ISO date at any precision (1990, 2016-09 or 2016-09-09), "
            f"not {text!r}"
        )


def check_names(modalities: Iterable[str], types: Iterable[str]) -> None:
    """Raise for a modality or PLOVER type dyad does not know (empty names are no filter)."""
    from .ontology import MODALITIES, PLOVER_TYPES

    for m in modalities:
        if m and m not in MODALITIES:
            raise DyadError(f"unknown modality {m!r}; choose one of {', '.join(MODALITIES)}")
    for t in types:
        if t and t.upper() not in PLOVER_TYPES:
            raise DyadError(f"unknown type {t!r}; choose one of {', '.join(PLOVER_TYPES)}")
