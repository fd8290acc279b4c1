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
_MENTIONS = """
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
    where d.is_current and ({which})
    group by all
    order by d.published nulls last, e.doc_id, e.trigger_start
"""
_NEW = "e.event_id not in (select event_id from event_groups)"
_IN_BLOCKS = "e.event_id in (select event_id from event_groups where block in (select unnest(?)))"
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
    new = _mentions(store, _NEW)
    stale = store.con.execute(_STALE).fetchall()
    blocks_of_new = {m["event_id"]: _block(m) for m in new}
    touched = sorted(set(blocks_of_new.values()) | {block for _, block in stale})
    if not touched:
        return _count(store)
    old = _mentions(store, _IN_BLOCKS, [touched]) if touched else []
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
        block = blocks_of_new.get(m["event_id"]) or _block(m)
        clusters = blocks[block]
        home = next((c for c in clusters if c.admits(m)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.add(m)
        groups.append((m["event_id"], home.mentions[0]["event_id"], block))
    copied = _copied_spans(store, sorted({m["doc_id"] for m in mentions}))
    merged = []
    for clusters in blocks.values():
        for cluster in clusters:
            ms = cluster.mentions
            n_docs = len({m["doc_id"] for m in ms})
            merged.append((ms[0]["event_id"], len(ms), n_docs, _independent(ms, copied)))
    with store.transaction():
        store.con.execute(
            "delete from merged_events where group_id in (select group_id from event_groups "
            "where block in (select unnest(?)))",
            [touched],
        )
        store.con.execute("delete from event_groups where block in (select unnest(?))", [touched])
        _insert(store, "event_groups", ("event_id", "group_id", "block"), groups)
        _insert(
            store, "merged_events", ("group_id", "n_mentions", "n_sources", "n_independent"), merged
        )
    return _count(store)


def _mentions(store: Store, which: str, params: list | None = None) -> list[dict]:
    cursor = store.con.execute(_MENTIONS.format(which=which), params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _count(store: Store) -> int:
    return store.con.execute("select count(*) from merged_events").fetchall()[0][0]


def _insert(store: Store, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    store.con.register("_rows", pa.table({c: [r[k] for r in rows] for k, c in enumerate(columns)}))
    store.con.execute(f"insert into {table} ({', '.join(columns)}) select * from _rows")
    store.con.unregister("_rows")


def _copied_spans(store: Store, doc_ids: list[str]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(copying document, other document) → character spans of the first that the second
    shares, for the pairs that involve one of ``doc_ids``."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for a, b, a0, a1, b0, b1 in store.con.execute(
        "select doc_a, doc_b, a_start, a_end, b_start, b_end from reuse_passages "
        "where doc_a in (select unnest($1)) and doc_b in (select unnest($1))",
        [doc_ids],
    ).fetchall():
        spans[(a, b)].append((a0, a1))
        spans[(b, a)].append((b0, b1))
    return spans


def _independent(cluster: list[dict], copied: dict) -> int:
    """Documents in the cluster, counting once those whose mention sits in a shared passage."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for m in cluster:
        by_doc[m["doc_id"]].append(m["trigger_start"])
    docs = sorted(by_doc)
    parent = {d: d for d in docs}

    def root(d: str) -> str:
        while parent[d] != d:
            d = parent[d]
        return d

    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            shared = copied.get((a, b), [])
            if any(s <= t < e for t in by_doc[a] for s, e in shared):
                parent[root(b)] = root(a)
    return len({root(d) for d in docs})
