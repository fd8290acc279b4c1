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

import re
from collections import defaultdict

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
    where d.is_current
    group by all
    order by d.published nulls last, e.doc_id, e.trigger_start
"""


def modality_class(modality: str) -> str:
    return _CLASS.get(modality, modality)


def _compatible(a: dict, b: dict) -> bool:
    dated = a["date_start"] and b["date_start"]
    if dated and (a["date_start"] > b["date_end"] or b["date_start"] > a["date_end"]):
        return False
    return not (a["place_name"] and b["place_name"] and a["place_name"] != b["place_name"])


def _key(m: dict) -> tuple:
    if m["sources"] or m["targets"]:
        return (m["type"], modality_class(m["modality"]), tuple(m["sources"]), tuple(m["targets"]))
    text = re.sub(r"\W+", " ", m["sentence"].lower()).strip()
    return (m["type"], modality_class(m["modality"]), text)


def merge_events(store: Store) -> int:
    """Recompute ``event_groups`` and ``merged_events``; return the number of merged events."""
    cursor = store.con.execute(_MENTIONS)
    names = [d[0] for d in cursor.description]
    mentions = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    blocks: dict[tuple, list[list[dict]]] = defaultdict(list)
    group_of: dict[str, str] = {}
    for m in mentions:
        clusters = blocks[_key(m)]
        home = next((c for c in clusters if all(_compatible(m, x) for x in c)), None)
        if home is None:
            home = []
            clusters.append(home)
        home.append(m)
        group_of[m["event_id"]] = home[0]["event_id"]
    copied = _copied_spans(store)
    merged = []
    for clusters in blocks.values():
        for cluster in clusters:
            docs = sorted({m["doc_id"] for m in cluster})
            merged.append(
                (cluster[0]["event_id"], len(cluster), len(docs), _independent(cluster, copied))
            )
    with store.transaction():
        store.con.execute("delete from event_groups")
        store.con.execute("delete from merged_events")
        if group_of:
            store.con.executemany("insert into event_groups values (?, ?)", list(group_of.items()))
            store.con.executemany("insert into merged_events values (?, ?, ?, ?)", merged)
    return len(merged)


def _copied_spans(store: Store) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(copying document, other document) → character spans of the first that the second
    shares."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for a, b, a0, a1, b0, b1 in store.con.execute(
        "select doc_a, doc_b, a_start, a_end, b_start, b_end from reuse_passages"
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
