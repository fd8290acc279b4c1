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
import logging
import re
from collections import defaultdict

from ..store import Store, rows_table

__all__ = ["merge_events", "modality_class"]

log = logging.getLogger(__name__)

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
    start and earliest end of its dated mentions, and the places it names. A cluster read
    back from the store (``stored``) holds only the mentions added in this run."""

    __slots__ = ("earliest_end", "group_id", "latest_start", "mentions", "places", "stored")

    def __init__(self, group_id: str | None = None, stored: bool = False) -> None:
        self.group_id = group_id
        self.stored = stored
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
        if self.group_id is None:
            self.group_id = m["event_id"]
        if m["date_start"]:
            start, end = m["date_start"], m["date_end"]
            if self.latest_start is None:
                self.latest_start, self.earliest_end = start, end
            else:
                self.latest_start = max(self.latest_start, start)
                self.earliest_end = min(self.earliest_end, end)
        if m["place_name"]:
            self.places.add(m["place_name"])


def _order(published: str | None, doc_id: str, trigger_start: int) -> tuple:
    """Where a mention comes in the order a block is clustered in: by publication (undated
    documents last), then document and offset."""
    return (published is None, published or "", doc_id, trigger_start)


#: the last grouped mention of each block, in clustering order
_LAST = """
    select g.block, d.published, e.doc_id, e.trigger_start
    from event_groups g join events e using (event_id) join documents d using (doc_id)
    where g.block in (select unnest(?)) and d.is_current
    qualify row_number() over (partition by g.block order by d.published is null desc,
        d.published desc, e.doc_id desc, e.trigger_start desc) = 1
"""
#: the stored clusters of some blocks, with what a new mention must be compatible with and
#: where their first mention comes (the order the clusters were made in)
_CLUSTERS = """
    select c.*, d.published, f.doc_id, f.trigger_start from (
        select g.block, g.group_id,
               max(e.date_start) filter (where e.date_start is not null) as latest_start,
               min(e.date_end) filter (where e.date_start is not null) as earliest_end,
               coalesce(list(distinct e.place_name) filter (where e.place_name <> ''), [])
                   as places
        from event_groups g join events e using (event_id)
        where g.block in (select unnest(?))
        group by g.block, g.group_id
    ) c join events f on f.event_id = c.group_id join documents d on d.doc_id = f.doc_id
"""
#: every stored mention of some clusters
_MEMBERS = """
    select g.group_id, e.event_id, e.doc_id, e.trigger_start, g.copy_root
    from event_groups g join events e using (event_id) where g.group_id in (select unnest(?))
"""


def merge_events(store: Store) -> int:
    """Bring ``event_groups`` and ``merged_events`` up to date; return the number of merged
    events.

    Incremental: only the blocks (same type, modality class, source and target actors) that
    gain a new mention or lose a stale one are touched. A block whose new mentions all come
    after its stored ones (new reports, published later) goes on from its stored clusters, so
    adding documents costs in proportion to what they add, not to the store; any other
    touched block is clustered again from all its current mentions. Either way the result
    equals a recomputation from scratch, since a block is always clustered in one order.
    """
    new = store.rows(_NEW_MENTIONS)
    stale = store.con.execute(_STALE).fetchall()
    new_by_block: dict[str, list[dict]] = defaultdict(list)
    for m in new:
        new_by_block[_block(m)].append(m)
        del m["sentence"], m["sources"], m["targets"]  # most of the memory, and not needed
    again = {block for _, block in stale}  # blocks clustered again from all their mentions
    if not (new_by_block or again):
        return _count(store)
    last = {
        block: _order(*key)
        for block, *key in store.con.execute(_LAST, [sorted(new_by_block)]).fetchall()
    }
    for block, ms in new_by_block.items():
        if block in last and min(_order(*_of(m)) for m in ms) <= last[block]:
            again.add(block)
    continued = [b for b in new_by_block if b not in again and b in last]
    started = [b for b in new_by_block if b not in last and b not in again]
    log.info(
        "merging: %d blocks continued, %d clustered again, %d new",
        len(continued),
        len(again),
        len(started),
    )
    blocks = _clusters(store, continued)
    old = store.rows(_IN_BLOCKS, [sorted(again)]) if again else []
    stale_ids = {event_id for event_id, _ in stale}
    mentions = [m for m in old if m["event_id"] not in stale_ids]
    mentions += [m for block, ms in new_by_block.items() for m in ms]
    mentions.sort(key=lambda m: _order(*_of(m)))
    block_of = {m["event_id"]: block for block, ms in new_by_block.items() for m in ms}
    changed: dict[str, _Cluster] = {}
    for m in mentions:
        m["block"] = m.get("block") or block_of[m["event_id"]]
        clusters = blocks[m["block"]]
        home = next((c for c in clusters if c.admits(m)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.add(m)
        changed[home.group_id] = home
    members = _members(store, changed)
    roots = _independent(store, list(members.values()))
    merged, moved = [], []
    for (group_id, ms), root in zip(members.items(), roots, strict=True):
        docs = {m["doc_id"] for m in ms}
        merged.append((group_id, len(ms), len(docs), len({root[d] for d in docs})))
        moved += [
            (group_id, m["copy_root"], root[m["copy_root"]])
            for m in ms
            if m["copy_root"] is not None and root[m["copy_root"]] != m["copy_root"]
        ]
    groups = [
        (m["event_id"], group_id, m["block"], root[m["doc_id"]])
        for (group_id, cluster), root in zip(changed.items(), roots, strict=True)
        for m in cluster.mentions
    ]
    with store.transaction():
        store.con.execute(
            "delete from merged_events where group_id in (select unnest(?)) or group_id in "
            "(select group_id from event_groups where block in (select unnest(?)))",
            [sorted(changed), sorted(again)],
        )
        store.con.execute(
            "delete from event_groups where block in (select unnest(?))", [sorted(again)]
        )
        if moved:  # copy families of stored mentions joined through a new document
            with store.registered("_moved", rows_table(("group_id", "old", "new"), set(moved))):
                store.con.execute(
                    "update event_groups g set copy_root = m.new from _moved m "
                    "where g.group_id = m.group_id and g.copy_root = m.old"
                )
        store.insert_rows("event_groups", ("event_id", "group_id", "block", "copy_root"), groups)
        store.insert_rows(
            "merged_events", ("group_id", "n_mentions", "n_sources", "n_independent"), merged
        )
    return _count(store)


def _of(m: dict) -> tuple:
    return m["published"], m["doc_id"], m["trigger_start"]


def _clusters(store: Store, blocks: list[str]) -> dict[str, list[_Cluster]]:
    """The stored clusters of ``blocks``, each list in the order its clusters were made."""
    found: dict[str, list[_Cluster]] = defaultdict(list)
    if not blocks:
        return found
    rows = store.con.execute(_CLUSTERS, [blocks]).fetchall()
    for block, group_id, latest_start, earliest_end, places, *_ in sorted(
        rows, key=lambda r: _order(*r[5:])
    ):
        cluster = _Cluster(group_id, stored=True)
        cluster.latest_start, cluster.earliest_end = latest_start, earliest_end
        cluster.places = set(places)
        found[block].append(cluster)
    return found


def _members(store: Store, clusters: dict[str, _Cluster]) -> dict[str, list[dict]]:
    """Every current mention of each cluster: those of this run (with no ``copy_root``) and
    the stored ones."""
    members = {
        group_id: [{**m, "copy_root": None} for m in c.mentions] for group_id, c in clusters.items()
    }
    stored = [group_id for group_id, c in clusters.items() if c.stored]
    if stored:
        rows = store.con.execute(_MEMBERS, [stored]).fetchall()
        for group_id, event_id, doc_id, trigger_start, copy_root in rows:
            # a stored cluster's stored mentions (this run's are not in event_groups yet)
            members[group_id].append(
                {
                    "event_id": event_id,
                    "doc_id": doc_id,
                    "trigger_start": trigger_start,
                    "copy_root": copy_root,
                }
            )
    return members


def _count(store: Store) -> int:
    return store.con.execute("select count(*) from merged_events").fetchall()[0][0]


#: pairs of documents of one cluster where one's mention lies inside a passage it shares with
#: the other (the first reports the event in text copied between them), one of the two new in
#: the cluster: pairs of its stored documents were counted when they were stored
_COPIED = """
    with docs as (select distinct cluster, doc_id, new from _mentions),
    fresh as (select distinct doc_id from docs where new),
    touching as (  -- only passages of a new document can make an edge not counted before
        select * from reuse_passages where doc_a in (select doc_id from fresh)
        union all
        select * from reuse_passages
        where doc_b in (select doc_id from fresh) and doc_a not in (select doc_id from fresh)
    ),
    sides as (  -- each passage seen from both its documents
        select doc_a as doc, doc_b as other, a_start as start, a_end as stop from touching
        union all
        select doc_b, doc_a, b_start, b_end from touching
    ),
    to_new as materialized (  -- passages shared with a cluster's new document, per cluster
        select d.cluster, p.doc, p.other, p.start, p.stop
        from sides p join docs d on p.other = d.doc_id where d.new
    ),
    edges as (
        select m.cluster, m.doc_id, p.other from _mentions m join sides p
            on p.doc = m.doc_id and m.trigger_start >= p.start and m.trigger_start < p.stop
        where m.new
        union all
        select m.cluster, m.doc_id, x.other from to_new x join _mentions m
            on m.cluster = x.cluster and m.doc_id = x.doc
            and m.trigger_start >= x.start and m.trigger_start < x.stop
        where not m.new
    )
    select distinct e.cluster, e.doc_id, e.other from edges e
    semi join docs d on d.cluster = e.cluster and d.doc_id = e.other
"""


def _independent(store: Store, clusters: list[list[dict]]) -> list[dict[str, str]]:
    """For each cluster, the document that stands for each of its documents' copy family (its
    smallest doc_id): two documents are one source when one's mention of the event lies in a passage it shares
    with the other. Stored mentions come with their families (``copy_root``); only copied
    passages with a new document are read, in DuckDB, so a cluster reported by thousands of
    documents costs what its new documents copied, not the square of its documents."""
    parents: list[dict[str, str]] = []
    rows = []
    for k, ms in enumerate(clusters):
        parent = {m["copy_root"]: m["copy_root"] for m in ms if m["copy_root"] is not None}
        for m in ms:
            parent[m["doc_id"]] = m["copy_root"] or m["doc_id"]
        new = {m["doc_id"] for m in ms if m["copy_root"] is None}
        rows += [(k, m["doc_id"], m["trigger_start"], m["doc_id"] in new) for m in ms]
        parents.append(parent)
    if not rows:
        return []
    columns = ("cluster", "doc_id", "trigger_start", "new")
    with store.registered("_mentions", rows_table(columns, rows)):
        cursor = store.con.execute(_COPIED)
        while chunk := cursor.fetchmany(100_000):  # edges streamed: a dense corpus has millions
            for k, a, b in chunk:
                parent = parents[k]
                ra, rb = _root(parent, a), _root(parent, b)
                # the family's smallest doc_id stands for it: the same root whatever order
                # the edges come in (DuckDB returns them unordered) and however many runs
                # the family was joined in
                parent[max(ra, rb)] = min(ra, rb)
    return [{d: _root(parent, d) for d in parent} for parent in parents]


def _root(parent: dict[str, str], d: str) -> str:
    while parent[d] != d:
        parent[d] = parent[parent[d]]
        d = parent[d]
    return d
