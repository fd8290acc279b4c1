"""Text reuse over the store, incrementally: only documents not yet indexed are hashed, and
only pairs that involve one of them are aligned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa

from ..store import Store
from . import ReuseParams, band_keys, compare, direction, words

__all__ = ["REUSE_QUERY", "pending_reuse", "update_reuse"]

_PAIRS = """
    with new_keys as (
        select doc_id, band, key from reuse_keys where doc_id in (select unnest(?))
    ), rare as (  -- keys of the new documents held by few documents (common ones: boilerplate)
        select o.band, o.key from reuse_keys o semi join new_keys k on k.band = o.band
            and k.key = o.key
        group by 1, 2 having count(*) <= ?
    ), holders as (
        select o.doc_id, o.band, o.key from reuse_keys o
        semi join rare r on r.band = o.band and r.key = o.key
    ), shared as (
        select n.doc_id as new_doc, h.doc_id as other, count(*) as keys
        from new_keys n join holders h on h.band = n.band and h.key = n.key
        join documents d on d.doc_id = h.doc_id
        where h.doc_id <> n.doc_id and d.is_current
        group by 1, 2
    ), ranked as (
        select *, row_number() over (partition by new_doc order by keys desc, other) as r
        from shared
    )
    select distinct least(new_doc, other) as doc_a, greatest(new_doc, other) as doc_b
    from ranked where r <= ?
    order by doc_a, doc_b
"""


def pending_reuse(store: Store) -> list[str]:
    """Current documents not yet in the reuse index, oldest first."""
    rows = store.con.execute(
        "select doc_id from documents where is_current and doc_id not in "
        "(select doc_id from reuse_indexed) order by ingested_at, doc_id"
    ).fetchall()
    return [row[0] for row in rows]


def update_reuse(
    store: Store,
    params: ReuseParams,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Index the current documents not yet indexed and align their candidate pairs.

    Each batch (its keys, its pairs, its passages) commits in one transaction, so a killed run
    loses one batch at most and a rerun resumes. Returns the number of pairs stored.
    """
    pending = pending_reuse(store)
    found = 0
    for i in range(0, len(pending), params.batch_size):
        batch = pending[i : i + params.batch_size]
        found += _index_batch(store, batch, params)
        if progress:
            progress(len(batch))
    return found


def _texts(store: Store, ids: list[str]) -> dict[str, tuple[str, Any]]:
    rows = store.con.execute(
        "select doc_id, text, published from documents where doc_id in (select unnest(?))",
        [ids],
    ).fetchall()
    return {doc_id: (text, published) for doc_id, text, published in rows}


def _index_batch(store: Store, batch: list[str], params: ReuseParams) -> int:
    texts = _texts(store, batch)
    tokens = {doc_id: words(text) for doc_id, (text, _) in texts.items()}
    doc_col, band_col, key_col = [], [], []
    for doc_id in batch:
        keys = band_keys(tokens[doc_id], params) if doc_id in tokens else np.zeros((0, 2))
        doc_col += [doc_id] * len(keys)
        band_col.append(keys[:, 0])
        key_col.append(keys[:, 1])
    keys_table = pa.table(
        {
            "doc_id": pa.array(doc_col, pa.string()),
            "band": pa.array(np.concatenate(band_col).astype(np.int16)),
            "key": pa.array(np.concatenate(key_col).astype(np.int64)),
        }
    )
    with store.transaction():
        store.insert_table("reuse_keys", keys_table)
        store.con.execute("insert or ignore into reuse_indexed select unnest(?)", [batch])
        pairs = store.con.execute(
            _PAIRS, [batch, params.common_key, params.max_candidates]
        ).fetchall()
        others = sorted({d for pair in pairs for d in pair} - texts.keys())
        texts.update(_texts(store, others))
        tokens.update((doc_id, words(texts[doc_id][0])) for doc_id in others if doc_id in texts)
        rows, passages = [], []
        for a, b in pairs:
            (text_a, pub_a), (text_b, pub_b) = texts[a], texts[b]
            found = compare(text_a, text_b, params, tokens[a], tokens[b])
            if not found.passages:
                continue
            rows.append(
                (a, b, found.share_a, found.share_b, len(found.passages), found.words,
                 direction(pub_a, pub_b))
            )  # fmt: skip
            passages += [
                (a, b, p.a_start, p.a_end, p.b_start, p.b_end, p.words) for p in found.passages
            ]
        if rows:
            store.insert_rows("reuse", _REUSE_COLUMNS, rows, upsert=True)
            # passages of a pair found again replace the old ones
            store.con.execute(
                "delete from reuse_passages where (doc_a, doc_b) in (select unnest(?), unnest(?))",
                [[r[0] for r in rows], [r[1] for r in rows]],
            )
            store.insert_rows("reuse_passages", _PASSAGE_COLUMNS, passages)
    return len(rows)


_REUSE_COLUMNS = ("doc_a", "doc_b", "share_a", "share_b", "n_passages", "words", "direction")
_PASSAGE_COLUMNS = ("doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end", "words")


#: reuse pairs in the export shape of DESIGN §3 (contract keys first)
REUSE_QUERY = """
    select * from (
    select r.doc_a, r.doc_b, r.share_a, r.share_b,
           list({'a_start': p.a_start, 'a_end': p.a_end, 'b_start': p.b_start,
                 'b_end': p.b_end, 'words': p.words} order by p.a_start) as passages,
           r.direction, r.n_passages, r.words,
           da.title as title_a, db.title as title_b, da.outlet as outlet_a, db.outlet as outlet_b,
           da.published as published_a, db.published as published_b
    from reuse r
    join documents da on da.doc_id = r.doc_a
    join documents db on db.doc_id = r.doc_b
    join reuse_passages p on p.doc_a = r.doc_a and p.doc_b = r.doc_b
    where da.is_current and db.is_current
    group by all
    ) order by greatest(share_a, share_b) desc, doc_a, doc_b
"""
