"""The DuckDB store and its schema migrations."""

from .db import (
    CORPUS_STEPS,
    AddResult,
    Store,
    content_hash,
    dict_rows,
    rows_table,
    write_error,
)
from .migrations import MIGRATIONS, apply_migrations, migration

__all__ = [
    "CORPUS_STEPS",
    "MIGRATIONS",
    "AddResult",
    "Store",
    "apply_migrations",
    "content_hash",
    "dict_rows",
    "migration",
    "rows_table",
    "write_error",
]
