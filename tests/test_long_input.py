"""One run-on sentence must not stall a run (issue 23): dyad_paragraphs cuts a run of more than
``max_sentence_tokens`` tokens without a sentence end, news sentences are never cut, and the
whole pipeline's cost grows about linearly with such a sentence's length. The 100,000-character
figures against the issue's 60 s / 1.5 GB are bench/long_sentence.py's."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import duckdb
import pytest
import spacy
from spacy.tokens import Doc

import dyad.nlp.components  # noqa: F401  (registers the factories)
from conftest import SEEDS
from dyad.config import load_settings
from dyad.demo import demo_dir
from dyad.demo.synth import run_on_sentence
from dyad.ingest import Article, iter_articles
from dyad.nlp.components import ParagraphBreaks

CAP = load_settings().value("nlp.components.dyad_paragraphs.max_sentence_tokens")


def _starts(words: list[str], cap: int) -> list[int]:
    """Indices of the tokens ParagraphBreaks starts a sentence at (the first token aside)."""
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc = ParagraphBreaks(min_newlines=1, max_sentence_tokens=cap)(doc)
    return [t.i for t in doc[1:] if t.is_sent_start]


def test_a_run_without_sentence_end_is_cut_every_cap_tokens() -> None:
    assert _starts(["word"] * 25, cap=10) == [10, 20]
    assert _starts(["word"] * 10, cap=10) == []  # exactly the cap: one sentence
    assert _starts(["word"] * 11, cap=10) == [10]


def test_the_cut_comes_after_a_comma_in_the_second_half() -> None:
    words = ["word"] * 30
    words[6] = ","  # in the second half of tokens 0-9: the cut comes after it
    words[11] = ";"  # in the first half of tokens 7-16: too early, the cut comes at the cap
    assert _starts(words, cap=10) == [7, 17, 27]
    words[22] = "—"  # the first token of the second half of tokens 17-26
    assert _starts(words, cap=10) == [7, 17, 23]


def test_sentence_ends_and_line_breaks_start_the_count_again() -> None:
    words = (["word"] * 7 + ["."]) * 4  # 32 tokens, a full stop every 8
    assert _starts(words, cap=10) == []
    words = ["word"] * 8 + ["?"] + ["word"] * 8 + ["\n"] + ["word"] * 8 + ["…"] + ["word"] * 8
    assert _starts(words, cap=10) == [18]  # the line break's own start, nothing forced
    assert _starts(["word"] * 8 + ["'s"] + ["word"] * 8, cap=10) == [10]  # no sentence end


def _texts() -> list[str]:
    settings = load_settings()
    folders = [demo_dir()] + ([SEEDS] if SEEDS.is_dir() else [])
    return [a.text for a in iter_articles(folders, settings) if isinstance(a, Article)]


def test_news_sentences_are_never_cut(nlp) -> None:
    """The cap leaves the demo articles (and the reference corpus, when present) as they are:
    the same sentence starts as with no cap at all, so the parser and every component see the
    same text. A cap of 40 tokens would cut them (the guard is not idle)."""
    texts = _texts()
    cut = []
    for cap in (CAP, 10**9, 40):
        breaks = ParagraphBreaks(min_newlines=1, max_sentence_tokens=cap)
        cut.append([[t.i for t in breaks(nlp.make_doc(x)) if t.is_sent_start] for x in texts])
    assert cut[0] == cut[1]
    assert cut[2] != cut[1]


def _cost(nlp, text: str) -> float:
    """CPU seconds of the pipeline and the store's tables for ``text`` (the lower of two)."""
    from dyad.pipeline import annotation_tables
    from dyad.time.component import make_doc

    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        doc = nlp(make_doc(nlp, text, None))
        annotation_tables(nlp, [("d", doc)])
        best = min(best, time.process_time() - started)
    assert max(len(s) for s in doc.sents) <= CAP
    return best


@pytest.mark.parametrize("kind", ["issue", "news"])
def test_a_run_on_sentence_costs_about_linear_time(nlp, kind: str) -> None:
    """Twice the characters of one sentence with no full stop cost less than three times the
    CPU time (before the fix, framing alone grew about cubically: 20,000 characters took
    more than ten times as long as 10,000)."""
    _cost(nlp, run_on_sentence(2_000, kind))  # the sentiment encoder loads on first use
    one = _cost(nlp, run_on_sentence(10_000, kind))
    two = _cost(nlp, run_on_sentence(20_000, kind))
    assert two < 3 * one, (one, two)


@pytest.mark.slow  # a real `dyad run` process; the linear-cost tests above run in process
def test_dyad_run_stores_and_analyses_a_run_on_sentence(dyad_cmd, tmp_path: Path) -> None:
    """`dyad run` (a real process) on issue 23's sentence: exit 0, the document stored and
    analysed, no sentence longer than the cap."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "l.txt").write_text(run_on_sentence(20_000, "issue"), "utf-8")
    db = tmp_path / "l.duckdb"
    done = subprocess.run(
        [*dyad_cmd, "run", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 1
        assert con.execute("select count(*) from mentions").fetchone()[0] > 1_000
        longest = con.execute(
            "select max(n) from (select count(*) n from tokens group by doc_id, sent)"
        ).fetchone()[0]
    assert longest <= CAP
