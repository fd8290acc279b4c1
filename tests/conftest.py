"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dyad.config import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYAD_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(
            f"reference corpus not found at {SEEDS} (set DYAD_SHARED to the shared/ folder)"
        )
    return SEEDS


@pytest.fixture
def dyad_cmd() -> list[str]:
    """The installed CLI, run as a real process."""
    return [sys.executable, "-m", "dyad"]


ARTICLE = (
    "Iraq orders exiles to leave\n\n"
    "By Jane Roe\n\n"
    "Baghdad ordered members of the People's Mojahedin Organization of Iran to leave Camp Ashraf "
    "on Monday, an Iraqi government spokesman said. The group said it would appeal to the United "
    "Nations. Iran has long demanded that Iraq expel the group, which moved to Iraq in 1986.\n\n"
    "The United States said it was watching the situation closely and urged restraint on all sides.\n"
)


def write(path: Path, text: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding=encoding)
    return path


@contextmanager
def lock_held(db: Path) -> Iterator[int]:
    """Another real process holding DuckDB's write lock on ``db``; yields its pid."""
    code = f"import duckdb, time\ncon = duckdb.connect({str(db)!r})\nprint('locked', flush=True)\ntime.sleep(60)\n"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()
