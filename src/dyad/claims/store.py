"""Claims in the store: values from parsed documents, their comparison across documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyarrow as pa
from spacy.tokens import Doc

from ..nlp import sentence_of
from ..store import Store
from . import status

__all__ = ["CLAIMS_QUERY", "claim_tables", "update_claims"]

_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("subject", pa.string()),
        ("attribute", pa.string()),
        ("value", pa.string()),
        ("precision", pa.string()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("text", pa.string()),
    ]
)


def claim_tables(parsed: Iterable[tuple[str, Doc]]) -> dict[str, pa.Table]:
    """The ``claim_values`` rows of parsed documents, for Store.save_annotations."""
    rows: dict[str, list] = {name: [] for name in _SCHEMA.names}
    for doc_id, doc in parsed:
        sent_of = sentence_of(doc)
        for c in doc._.dyad_claims or []:
            row = {**c, "doc_id": doc_id, "sent": sent_of[c["token_start"]],
                   "char_start": c["start"], "char_end": c["end"]}  # fmt: skip
            for name in _SCHEMA.names:
                rows[name].append(row[name])
    return {"claim_values": pa.table(rows, schema=_SCHEMA)}


_CLAIM_COLUMNS = ("claim_id", "subject", "attribute", "status", "n_values", "n_docs")


def update_claims(store: Store) -> dict[str, int]:
    """Compare every claim's values across the current documents; return counts by status."""
    rows = store.con.execute(
        """select c.subject, c.attribute, c.doc_id, c.low, c.high
           from claim_values c join documents d using (doc_id) where d.is_current"""
    ).fetchall()
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for subject, attribute, doc_id, low, high in rows:
        grouped[(subject, attribute)].append({"doc_id": doc_id, "low": low, "high": high})
    claims = [
        (f"{subject}:{attribute}", subject, attribute, status(values), len(values),
         len({v["doc_id"] for v in values}))
        for (subject, attribute), values in sorted(grouped.items())
    ]  # fmt: skip
    counts: dict[str, int] = defaultdict(int)
    with store.transaction():
        store.con.execute("delete from claims")
        store.insert_rows("claims", _CLAIM_COLUMNS, claims)
    for claim in claims:
        counts[claim[3]] += 1
    return dict(counts)


#: claims in the export shape of DESIGN §3 (contract keys first)
CLAIMS_QUERY = """
    select * from (
    select c.claim_id, c.subject, c.attribute, c.status,
           list({'doc_id': v.doc_id, 'value': v.value, 'precision': v.precision,
                 'sentence': v.text, 'start': v.char_start, 'end': v.char_end}
                order by v.low, v.doc_id) as "values",
           coalesce(a.name, c.subject) as subject_name, c.n_values, c.n_docs
    from claims c
    join claim_values v on v.subject = c.subject and v.attribute = c.attribute
    join documents d on d.doc_id = v.doc_id and d.is_current
    left join actors a on a.actor_id = c.subject
    group by all
    ) order by case status when 'conflict' then 0 when 'agree' then 1 else 2 end,
             n_docs desc, claim_id
"""
