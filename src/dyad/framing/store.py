"""Framing in the store: labels and sentiment per mention, aggregated per source and actor."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
from spacy.tokens import Doc

from ..config import Settings
from ..errors import ConfigError
from ..nlp import sentence_of

__all__ = ["framing_query", "framing_tables"]

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
        ("speaker", pa.string()),
        ("speaker_id", pa.string()),
        ("voice", pa.string()),
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
        ("speaker", pa.string()),
        ("speaker_id", pa.string()),
        ("voice", pa.string()),
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


def framing_query(settings: Settings) -> str:
    """One row per (document, actor) in the export shape of DESIGN §3 (contract keys first).

    ``sentiment`` is the outlet's: the mean of its mentions' scores and its labels' tones,
    words it attributes to someone else (quotations, reported speech, another's designation)
    counted ``[framing] quoted_weight`` times (0: the outlet's own voice only; null when the
    outlet says nothing of the actor in its own voice, so that averages over documents skip
    it rather than count it neutral). ``labels`` are every label the text
    applies; ``according_to`` says who else speaks of the actor in the document: each speaker
    with the mentions in their words, the mean sentiment there and the labels they apply."""
    weight = float(settings.value("framing.quoted_weight"))
    if not 0.0 <= weight <= 1.0:
        raise ConfigError(f"setting framing.quoted_weight is {weight}; it must be between 0 and 1")
    return _FRAMING_TEMPLATE.replace("{quoted_weight}", repr(weight))


#: the framing rows' query; framing_query() sets the weight of attributed words
_FRAMING_TEMPLATE = """
    with scored as (
        select doc_id, actor_id, sentiment, 1 as mention, null as label, speaker,
               case when voice = 'own' then 1.0 else {quoted_weight} end as weight
        from actor_sentiment
        union all
        select doc_id, actor_id, valence, 0, label, speaker,
               case when voice = 'own' then 1.0 else {quoted_weight} end
        from labels
    ), s as (
        select doc_id, actor_id,
               sum(weight * sentiment) / nullif(sum(weight), 0) as sentiment,
               sum(mention)::bigint as n_mentions,
               sum(mention) filter (where speaker is not null)::bigint as n_quoted
        from scored group by doc_id, actor_id
    ), l as (
        select doc_id, actor_id, list(distinct label order by label) as labels
        from labels group by doc_id, actor_id
    ), q as (
        select doc_id, actor_id,
               list({'speaker': speaker, 'n_mentions': n, 'sentiment': sentiment,
                     'labels': labels} order by n desc, speaker) as according_to
        from (
            select doc_id, actor_id, speaker, sum(mention)::bigint as n,
                   avg(sentiment) filter (where mention = 1) as sentiment,
                   coalesce(list(distinct label order by label)
                            filter (where label is not null), []) as labels
            from scored where speaker is not null group by doc_id, actor_id, speaker
        ) group by doc_id, actor_id
    )
    select s.doc_id, s.actor_id, coalesce(l.labels, []) as labels, s.sentiment,
           coalesce(a.name, s.actor_id) as actor_name, s.n_mentions,
           d.outlet, d.title, d.published, coalesce(s.n_quoted, 0) as n_quoted,
           coalesce(q.according_to, []) as according_to
    from s left join l using (doc_id, actor_id)
    left join q using (doc_id, actor_id)
    join documents d on d.doc_id = s.doc_id and d.is_current
    left join actors a on a.actor_id = s.actor_id
    order by s.n_mentions desc, s.doc_id, s.actor_id
"""
