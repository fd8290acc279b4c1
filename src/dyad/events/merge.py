"""Event merging: mentions of one event, across sentences and documents, become one event.

Two mentions are one event when they have the same type, the same modality class (asserted
and reported facts are one class; negated, hypothetical, future and question each their own), the same source and
target actors, and compatible dates (their periods overlap) and places (the same, or one
unknown). Mentions with no resolved actor merge only when their sentences are the same text
(a copied sentence). A mention joins the first event whose every mention it is compatible
with, so one undated mention cannot chain a 2013 event to a 2016 one.

Each merged event counts its sources (documents) and its independent sources: documents
whose mention lies inside a passage copied from another reporting document count once.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

import pyarrow as pa

from ..store import Store

__all__ = ["merge_events", "modality_class"]

_CLASS = {"asserted": "fact", "reported": "fact"}
#: mentions of current documents not yet grouped
_NEW_MENTIONS = """
    select e.event_id, e.doc_id, e.type, e.modality, e.date_start, e.date_end, e.place_name,
           e.trigger_start,
           coalesce(list(distinct ea.actor_id order by ea.actor_id)
               filter (where ea.role = 'source' and ea.actor_id is not null), []) as sources,
           coalesce(list(distinct ea.actor_id order by ea.actor_id)
               filter (where ea.role = 'target' and ea.actor_id is not null), []) as targets,
           st.text as sentence, d.published
    from events e
    join documents d using (doc_id)
    join sentences st on st.doc_id = e.doc_id and st.sent = e.sent
    left join event_actors ea using (event_id)
    where d.is_current and e.event_id not in (select event_id from event_groups)
    group by all
    order by d.published nulls last, e.doc_id, e.trigger_start
"""
#: the mentions already grouped in some blocks: only what clustering reads (their block is
#: known, so neither their actors nor their sentence is needed)
_IN_BLOCKS = """
    select e.event_id, e.doc_id, e.date_start, e.date_end, e.place_name, e.trigger_start,
           d.published, g.block
    from event_groups g join events e using (event_id) join documents d using (doc_id)
    where g.block in (select unnest(?)) and d.is_current
"""
#: grouped mentions that are no longer current mentions (a replaced or re-analysed document)
_STALE = """
    select g.event_id, g.block from event_groups g
    where g.event_id not in (
        select e.event_id from events e join documents d using (doc_id) where d.is_current)
"""


def modality_class(modality: str) -> str:
    return _CLASS.get(modality, modality)


def _key(m: dict) -> tuple:
    if m["sources"] or m["targets"]:
        return (m["type"], modality_class(m["modality"]), tuple(m["sources"]), tuple(m["targets"]))
    text = re.sub(r"\W+", " ", m["sentence"].lower()).strip()
    return (m["type"], modality_class(m["modality"]), text)


def _block(m: dict) -> str:
    """The merge block of a mention: only mentions of one block can be one event."""
    return hashlib.blake2b(repr(_key(m)).encode(), digest_size=8).hexdigest()


class _Cluster:
    """Mentions merged so far, with what a new mention must be compatible with: the latest
    start and earliest end of its dated mentions, and the places it names."""

    __slots__ = ("earliest_end", "latest_start", "mentions", "places")

    def __init__(self) -> None:
        self.mentions: list[dict] = []
        self.latest_start = None
        self.earliest_end = None
        self.places: set[str] = set()

    def admits(self, m: dict) -> bool:
        """True when ``m`` is compatible with every mention: dates overlap pairwise (periods
        that overlap each one of a set), places the same or one unknown."""
        start, end = m["date_start"], m["date_end"]
        if (
            start
            and self.latest_start is not None
            and (start > self.earliest_end or self.latest_start > end)
        ):
            return False
        place = m["place_name"]
        return not (place and self.places - {place})

    def add(self, m: dict) -> None:
        self.mentions.append(m)
        if m["date_start"]:
            start, end = m["date_start"], m["date_end"]
            if self.latest_start is None:
                self.latest_start, self.earliest_end = start, end
            else:
                self.latest_start = max(self.latest_start, start)
                self.earliest_end = min(self.earliest_end, end)
        if m["place_name"]:
            self.places.add(m["place_name"])


def merge_events(store: Store) -> int:
    """Bring ``event_groups`` and ``merged_events`` up to date; return the number of merged
    events.

    Incremental: only the blocks (same type, modality class, source and target actors) that
    gain a new mention or lose a stale one are clustered again, so adding documents costs in
    proportion to what they touch, not to the store. The result equals a recomputation from
    scratch, since each block is clustered from all its current mentions in the same order.
    """
    new = store.rows(_NEW_MENTIONS)
    stale = store.con.execute(_STALE).fetchall()
    blocks_of_new = {m["event_id"]: _block(m) for m in new}
    for m in new:  # what clustering does not read (sentences are most of the memory)
        del m["sentence"], m["sources"], m["targets"]
    touched = sorted(set(blocks_of_new.values()) | {block for _, block in stale})
    if not touched:
        return _count(store)
    old = store.rows(_IN_BLOCKS, [touched])
    stale_ids = {event_id for event_id, _ in stale}
    mentions = sorted(
        [m for m in old if m["event_id"] not in stale_ids] + new,
        key=lambda m: (
            m["published"] is None,
            m["published"] or "",
            m["doc_id"],
            m["trigger_start"],
        ),
    )
    blocks: dict[str, list[_Cluster]] = defaultdict(list)
    groups: list[tuple[str, str, str]] = []
    for m in mentions:
        block = m.get("block") or blocks_of_new[m["event_id"]]
        clusters = blocks[block]
        home = next((c for c in clusters if c.admits(m)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.add(m)
        groups.append((m["event_id"], home.mentions[0]["event_id"], block))
    everything = [c.mentions for clusters in blocks.values() for c in clusters]
    independent = _independent(store, everything)
    merged = [
        (ms[0]["event_id"], len(ms), len({m["doc_id"] for m in ms}), n)
        for ms, n in zip(everything, independent, strict=True)
    ]
    with store.transaction():
        store.con.execute(
            "delete from merged_events where group_id in (select group_id from event_groups "
            "where block in (select unnest(?)))",
            [touched],
        )
        store.con.execute("delete from event_groups where block in (select unnest(?))", [touched])
        store.insert_rows("event_groups", ("event_id", "group_id", "block"), groups)
        store.insert_rows(
            "merged_events", ("group_id", "n_mentions", "n_sources", "n_independent"), merged
        )
    return _count(store)


def _count(store: Store) -> int:
    return store.con.execute("select count(*) from merged_events").fetchall()[0][0]


#: pairs of documents of one cluster where one's mention lies inside a passage it shares with
#: the other: the first reports the event in text copied between them
_COPIED = """
    with docs as (select distinct cluster, doc_id from _mentions)
    select distinct x.cluster, x.doc_id, x.other from (
        select m.cluster, m.doc_id, p.doc_b as other from _mentions m join reuse_passages p
            on p.doc_a = m.doc_id and m.trigger_start >= p.a_start and m.trigger_start < p.a_end
        union all
        select m.cluster, m.doc_id, p.doc_a as other from _mentions m join reuse_passages p
            on p.doc_b = m.doc_id and m.trigger_start >= p.b_start and m.trigger_start < p.b_end
    ) x semi join docs d on d.cluster = x.cluster and d.doc_id = x.other
"""


def _independent(store: Store, clusters: list[list[dict]]) -> list[int]:
    """For each cluster, its documents counting once those joined by copied text: two
    documents are one source when one's mention of the event lies in a passage it shares
    with the other. The join with the copied passages runs in DuckDB, so a cluster reported
    by hundreds of documents costs its copied pairs, not the square of its documents."""
    rows = [(k, m["doc_id"], m["trigger_start"]) for k, ms in enumerate(clusters) for m in ms]
    if not rows:
        return []
    store.con.register(
        "_mentions",
        pa.table(
            {
                "cluster": [r[0] for r in rows],
                "doc_id": [r[1] for r in rows],
                "trigger_start": [r[2] for r in rows],
            }
        ),
    )
    parents: dict[int, dict[str, str]] = {}
    cursor = store.con.execute(_COPIED)
    while chunk := cursor.fetchmany(100_000):  # edges streamed: a dense corpus has millions
        for k, a, b in chunk:
            if k not in parents:
                parents[k] = {m["doc_id"]: m["doc_id"] for m in clusters[k]}
            parent = parents[k]
            parent[_root(parent, a)] = _root(parent, b)
    store.con.unregister("_mentions")
    return [
        len({_root(parents[k], d) for d in parents[k]}) if k in parents
        else len({m["doc_id"] for m in ms})
        for k, ms in enumerate(clusters)
    ]  # fmt: skip


def _root(parent: dict[str, str], d: str) -> str:
    while parent[d] != d:
        parent[d] = parent[parent[d]]
        d = parent[d]
    return d
