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
def nlp():
    """dyad's whole pipeline with the default settings, loaded once for the session."""
    from dyad.nlp import load_pipeline

    return load_pipeline(load_settings())


@pytest.fixture(scope="session")
def rule_nlp():
    """The pipeline with the event screen off (screen_below 0): the rule coder's events as it
    codes them, for tests of the rule coder itself (its modality, its sides)."""
    from dyad.nlp import load_pipeline

    return load_pipeline(load_settings(overrides={"nlp.components.dyad_events.screen_below": 0.0}))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(
            f"reference corpus not found at {SEEDS} (set DYAD_SHARED to the shared/ folder)"
        )
    return SEEDS


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, seeds_dir: Path) -> Path:
    """The reference corpus analysed by the pipeline once for the session (read it, never
    write it: tests that change a database work on a copy)."""
    from dyad.pipeline import run
    from dyad.store import Store

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with Store(db) as store:
        report = run(store, [seeds_dir], load_settings())
    assert report.ok and report.stored == 5 and report.analysed == 5, report.problems
    return db


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


#: an article written to attack the web app: markup in every field that reaches a page
HOSTILE = {
    "title": "<script>window.__xss = 'title'</script>Hostile <img src=x onerror=\"window.__xss='img'\">",
    "outlet": "<b onmouseover=\"window.__xss='outlet'\">Evil</b> Wire",
    "author": "<svg onload=\"window.__xss='author'\">",
    "published": "2012-02-01",
    "url": "javascript:window.__xss='url'",
    "text": (
        "Iraqi forces attacked <script>window.__xss='text'</script> Camp Ashraf on Friday, "
        "the People's Mojahedin Organization of Iran said. "
        "The <img src=x onerror=\"window.__xss='event'\"> group accused Iraq of murder in Baghdad.\n\n"
        "Iran praised the raid, according to </textarea><script>window.__xss='late'</script> officials."
    ),
}


#: a copy of the hostile article by another outlet, edited inside the copied passage, so that
#: the comparison page diffs hostile markup on both sides
HOSTILE_COPY = {
    **HOSTILE,
    "title": "<script>window.__xss = 'copy'</script>Copied hostile",
    "outlet": "<i onmouseover=\"window.__xss='copy-outlet'\">Copy</i> Desk",
    "url": "javascript:window.__xss='copy-url'",
    "published": "2012-02-02",
    "text": HOSTILE["text"].replace(
        "on Friday", "on Saturday <b onclick=\"window.__xss='diff'\">night</b>"
    ),
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A real database: the demo corpus plus a hostile article and an edited copy of it by
    another outlet, analysed by the pipeline."""
    import json

    from dyad.demo import demo_dir
    from dyad.pipeline import run
    from dyad.store import Store

    folder = tmp_path_factory.mktemp("web")
    lines = "".join(json.dumps(a) + "\n" for a in (HOSTILE, HOSTILE_COPY))
    hostile = write(folder / "hostile" / "hostile.jsonl", lines)
    db = folder / "web.duckdb"
    with Store(db) as store:
        report = run(store, [demo_dir(), hostile.parent], load_settings())
    assert report.failed == 0, report.problems
    return db


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """The web app over ``web_db`` on a real loopback socket, one for the session (it only
    reads); yields its base URL."""
    from dyad.web.server import BackgroundServer

    with BackgroundServer(web_db) as url:
        yield url
