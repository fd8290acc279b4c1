"""Framing in the store: labels and sentiment per mention, aggregated per source and actor."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
from spacy.tokens import Doc

from ..nlp import sentence_of

__all__ = ["FRAMING_QUERY", "framing_tables"]

_LABELS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("actor_id", pa.string()),
        ("label", pa.string()),
        ("how", pa.string()),
        ("valence", pa.float64()),
    ]
)
_SENTIMENT = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("actor_id", pa.string()),
        ("sentiment", pa.float64()),
    ]
)


def framing_tables(parsed: Iterable[tuple[str, Doc]]) -> dict[str, pa.Table]:
    """The ``labels`` and ``actor_sentiment`` rows of parsed documents."""
    labels: dict[str, list] = {name: [] for name in _LABELS.names}
    sentiment: dict[str, list] = {name: [] for name in _SENTIMENT.names}
    for doc_id, doc in parsed:
        found = doc._.dyad_framing or {"labels": [], "sentiment": []}
        sent_of = sentence_of(doc)
        for rows, schema, items in (
            (labels, _LABELS, found["labels"]),
            (sentiment, _SENTIMENT, found["sentiment"]),
        ):
            for item in items:
                row = {**item, "doc_id": doc_id, "sent": sent_of.get(item["token_start"], 0),
                       "char_start": item["start"], "char_end": item["end"],
                       "actor_id": item["actor"]}  # fmt: skip
                for name in schema.names:
                    rows[name].append(row[name])
    return {
        "labels": pa.table(labels, schema=_LABELS),
        "actor_sentiment": pa.table(sentiment, schema=_SENTIMENT),
    }


#: one row per (document, actor) in the export shape of DESIGN §3 (contract keys first)
FRAMING_QUERY = """
    with scored as (
        select doc_id, actor_id, sentiment, 1 as mention from actor_sentiment
        union all
        select doc_id, actor_id, valence, 0 from labels
    ), s as (
        select doc_id, actor_id, avg(sentiment) as sentiment, sum(mention)::bigint as n_mentions
        from scored group by doc_id, actor_id
    ), l as (
        select doc_id, actor_id, list(distinct label order by label) as labels
        from labels group by doc_id, actor_id
    )
    select s.doc_id, s.actor_id, coalesce(l.labels, []) as labels, s.sentiment,
           coalesce(a.name, s.actor_id) as actor_name, s.n_mentions,
           d.outlet, d.title, d.published
    from s left join l using (doc_id, actor_id)
    join documents d on d.doc_id = s.doc_id and d.is_current
    left join actors a on a.actor_id = s.actor_id
    order by s.n_mentions desc, s.doc_id, s.actor_id
"""
