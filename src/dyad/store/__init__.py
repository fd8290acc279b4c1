"""The DuckDB store and its schema migrations."""

from .db import AddResult, Store, content_hash
from .migrations import MIGRATIONS, apply_migrations, migration

__all__ = ["MIGRATIONS", "AddResult", "Store", "apply_migrations", "content_hash", "migration"]
