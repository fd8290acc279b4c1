"""The generated benchmark corpora (dyad.demo.synth): deterministic, sliceable, with the
planted copies they claim."""

from __future__ import annotations

import json
from pathlib import Path

from dyad.demo.synth import Synthesizer, write_corpus


def test_same_seed_same_articles_and_slices_continue_the_corpus(tmp_path: Path) -> None:
    whole = list(Synthesizer(seed=3).records(60))
    assert whole == list(Synthesizer(seed=3).records(60))
    assert list(Synthesizer(seed=3).records(60, start=45)) == whole[45:]
    assert whole != list(Synthesizer(seed=4).records(60))
    assert len({r["text"] for r in whole}) == 60  # every article distinct
    files = write_corpus(tmp_path / "c.jsonl", 60, seed=3, shard_docs=25)
    assert [f.name for f in files] == ["c-00000.jsonl", "c-00001.jsonl", "c-00002.jsonl"]
    lines = [json.loads(x) for f in files for x in f.read_text(encoding="utf-8").splitlines()]
    assert lines == whole


def test_planted_copies_share_a_paragraph_with_their_source() -> None:
    records = list(Synthesizer(seed=5, copy_rate=0.5).records(80))
    by_url = {r["url"]: r for r in records}
    copies = [r for r in records if r["copied_from"]]
    assert len(copies) > 20
    for r in copies:
        source = by_url[r["copied_from"]]
        assert source["outlet"] != r["outlet"]
        shared = set(r["text"].split("\n\n")) & set(source["text"].split("\n\n"))
        assert any(len(p.split()) >= 15 for p in shared), r["url"]
