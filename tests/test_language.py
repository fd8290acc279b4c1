"""Language identification keeps py3langid's model uncompressed in the cache folder
(ingest.language_cache): the same answers, the model read from there by later processes."""

from __future__ import annotations

import pytest

import dyad.ingest.language as language
from dyad.config import load_settings

TEXTS = [
    "The minister said on Tuesday that the talks with the union would resume next week.",
    "Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine.",
    "Der Minister sagte am Dienstag, die Gespräche würden nächste Woche fortgesetzt.",
    "ok",
]


@pytest.fixture
def cache_in(tmp_path):
    """The language cache in ``tmp_path/cache`` for one test, the settings' afterwards."""

    def use(enabled: bool = True):
        language.use_language_settings(load_settings(overrides={
            "ingest.language_cache": enabled, "ingest.language_cache_dir": str(tmp_path / "cache"),
        }))  # fmt: skip
        return tmp_path / "cache"

    yield use
    language.use_language_settings(load_settings())


def _answers() -> list[tuple[str, float]]:
    return [language.detect_language(text) for text in TEXTS]


def test_the_kept_model_gives_the_same_answers_without_reading_the_packaged_file(
    cache_in, monkeypatch
):
    cache_in(False)
    plain = _answers()
    assert [code for code, _ in plain[:3]] == ["en", "fr", "de"]
    folder = cache_in()
    assert _answers() == plain  # read from py3langid's file, and kept
    (kept,) = folder.glob("langid-*.npz")

    def unread(path):
        raise AssertionError("the packaged model was read again")

    monkeypatch.setattr("py3langid.langid._load_model_file", unread)
    language._identifier.cache_clear()
    assert _answers() == plain
    # a damaged file is made again from the packaged one
    monkeypatch.undo()
    good = kept.read_bytes()
    for damaged in (b"not a model", b"", good[: len(good) // 2]):  # junk, empty, cut short
        kept.write_bytes(damaged)
        language._identifier.cache_clear()
        assert _answers() == plain
        assert kept.stat().st_size > 1_000_000


def test_no_cache_writes_nothing(cache_in):
    folder = cache_in(False)
    _answers()
    assert not folder.exists()
