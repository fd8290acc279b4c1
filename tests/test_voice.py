"""Whose voice (dyad.framing.voice): quotations and reported speech are their speaker's, not
the outlet's; the outlet's framing counts its own voice (``[framing] quoted_weight``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write
from dyad.config import load_settings
from dyad.corpus import MAX_LIMIT, Corpus
from dyad.errors import ConfigError
from dyad.framing.store import framing_query
from dyad.framing.voice import quote_spans
from dyad.pipeline import run
from dyad.store import Store

SETTINGS = load_settings()


def _voices(nlp, text: str, actor: str = "mek") -> list[tuple[str, str | None]]:
    """(voice, speaker) of each sentiment row of ``actor``, in text order."""
    doc = nlp(text)
    rows = sorted(doc._.dyad_framing["sentiment"], key=lambda r: r["start"])
    return [(r["voice"], r["speaker"]) for r in rows if r["actor"] == actor]


def _quoted(text: str) -> list[tuple[str, bool]]:
    return [(text[a:b], goes_on) for a, b, goes_on in quote_spans(text)]


# -- quotation marks -----------------------------------------------------------------------


def test_quotation_marks_pair_straight_and_curly() -> None:
    assert _quoted('He said "the group is a cult" today.') == [("the group is a cult", False)]
    assert _quoted("He said “the group is a cult” today.") == [("the group is a cult", False)]
    # a quotation over two paragraphs: the first is left open, the second opens again
    assert _quoted("“We will fight.\n\n“We will win,” she said.") == [
        ("We will fight.", True),
        ("We will win,", False),
    ]
    assert _quoted('"We will fight.\n\n"We will win," she said.') == [
        ("We will fight.", True),
        ("We will win,", False),
    ]


def test_unpaired_marks_pair_with_nothing() -> None:
    # an inch mark after a number closes nothing; the quotation after it still pairs
    assert _quoted('A 12" gun. He said "no more."') == [("no more.", False)]
    # an opening mark left open at a paragraph's end with no mark after it quotes nothing
    assert _quoted("He said “the end.\n\nThe “cult” left.") == [("cult", False)]
    assert _quoted("The group's last ” stray mark.") == []


# -- quotations and reported speech ----------------------------------------------------------


def test_a_quotation_is_its_speakers(nlp) -> None:
    found = _voices(nlp, "“The MEK is a terrorist cult,” the Iranian foreign ministry said.")
    assert found and found[0][0] == "quote" and "ministry" in found[0][1]
    found = _voices(nlp, 'Rajavi said: "The MEK will never leave Ashraf."')
    assert found == [("quote", "Rajavi")]


def test_a_quotation_over_paragraphs_is_one_speakers(nlp) -> None:
    text = (
        "“The MEK has killed thousands of Iranians. It is a cult that no country should "
        "shelter.\n\n“Iraq must expel the MEK at once,” the ministry spokesman said."
    )
    found = _voices(nlp, text)
    assert len(found) == 2 and all(v == "quote" and "spokesman" in s for v, s in found)


def test_a_quotation_continuing_an_attributed_one_keeps_its_speaker(nlp) -> None:
    text = (
        "“We will not rest,” the spokesman said. “The MEK must face justice for its crimes.” "
        "The MEK left Iraq in 2016."
    )
    found = _voices(nlp, text)
    assert found[0][0] == "quote" and "spokesman" in found[0][1]
    assert found[-1] == ("own", None)  # the outlet's sentence after the quotation


def test_reported_speech_is_its_speakers(nlp) -> None:
    found = _voices(nlp, "Iranian officials said the MEK was a terrorist group.")
    assert found == [("reported", "Iranian officials")]
    found = _voices(nlp, "Tehran claims that the MEK carried out the bombing.")
    assert found and found[0][0] == "reported" and found[0][1] == "Tehran"
    # the subject shared by a coordinated verb of saying
    found = _voices(nlp, "The ministry condemned the vote and said the MEK were terrorists.")
    assert found and found[0][0] == "reported" and "ministry" in found[0][1]


def test_a_designation_is_the_designators(nlp) -> None:
    doc = nlp("Iran, which regards the MEK as terrorists, demanded its expulsion.")
    mek = [r for r in doc._.dyad_framing["sentiment"] if r["actor"] == "mek"]
    assert mek[0]["voice"] == "designation" and mek[0]["speaker"] == "Iran"
    labels = [r for r in doc._.dyad_framing["labels"] if r["actor"] == "mek"]
    assert labels and labels[0]["speaker"] == "Iran" and "terrorists" in labels[0]["label"]
    doc = nlp("The MEK, which many have described as a terrorist cult, is condemned by Iraqis.")
    labels = [r for r in doc._.dyad_framing["labels"] if r["actor"] == "mek"]
    assert [(r["label"], r["speaker"]) for r in labels] == [("terrorist cult", "many")]


def test_the_outlets_own_sentences_stay_its_own(nlp) -> None:
    # negatives: a scare-quoted word, the speaker itself, first person, no verb of saying
    assert _voices(nlp, "The so-called “liberation army” of the MEK left Iraq in 2016.") == [
        ("own", None)
    ]
    assert _voices(nlp, "The MEK said it had left Iraq.")[0] == ("own", None)
    assert _voices(nlp, "We said in 2012 that the MEK was a cult.") == [("own", None)]
    assert _voices(nlp, "The MEK is a terrorist cult and must leave Iraq.") == [("own", None)]
    assert _voices(nlp, "Iraqi troops attacked the MEK at Camp Ashraf.") == [("own", None)]
    # the object of a designating verb with no predicate is no designation
    assert _voices(nlp, "Washington condemned the MEK on Monday.") == [("own", None)]
    doc = nlp("We call the MEK a terrorist cult.")
    labels = [r for r in doc._.dyad_framing["labels"] if r["actor"] == "mek"]
    assert labels and labels[0]["voice"] == "own"


# -- aggregation -------------------------------------------------------------------------------

QUOTING = (
    "Tehran denounces the MEK\n\n"
    "“The MEK is a murderous terrorist cult that has killed thousands,” the Iranian foreign "
    "ministry said. Iranian officials said the MEK were criminals and traitors. The MEK held "
    "a rally in Paris on Saturday, where thousands of supporters cheered its leaders."
)


@pytest.fixture(scope="module")
def quoting_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("voice") / "in"
    write(folder / "a.txt", QUOTING)
    db = folder.parent / "v.duckdb"
    with Store(db) as store:
        run(store, [folder], SETTINGS)
    return db


def _mek_row(db: Path, settings) -> dict:
    with Corpus(db, settings=settings) as corpus:
        rows = [r for r in corpus.framing(actor="mek", limit=MAX_LIMIT).items
                if r["actor_id"] == "mek"]  # fmt: skip
    assert len(rows) == 1
    return rows[0]


def test_the_outlets_sentiment_is_its_own_voice(quoting_db: Path, tmp_path: Path) -> None:
    own = _mek_row(quoting_db, SETTINGS)
    assert own["n_quoted"] >= 2 and own["n_mentions"] > own["n_quoted"]
    speakers = {a["speaker"] for a in own["according_to"]}
    assert any("ministry" in s for s in speakers) and "Iranian officials" in speakers
    assert all(a["sentiment"] < 0 for a in own["according_to"])  # the speakers are hostile
    cfg = tmp_path / "all.cfg"
    cfg.write_text("[framing]\nquoted_weight = 1.0\n", encoding="utf-8")
    everyone = _mek_row(quoting_db, load_settings(cfg))
    # counting the quoted enemies as the outlet's voice makes the outlet more hostile
    assert everyone["sentiment"] < own["sentiment"]
    assert everyone["according_to"] == own["according_to"]


def test_quoted_weight_outside_zero_to_one_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.cfg"
    cfg.write_text("[framing]\nquoted_weight = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="quoted_weight"):
        framing_query(load_settings(cfg))


ONLY_QUOTING = (
    "Tehran speaks\n\n"
    "“The MEK is a murderous terrorist cult that has killed thousands,” the Iranian foreign "
    "ministry said on Sunday."
)


def test_a_text_that_only_quotes_others_has_no_sentiment_of_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", ONLY_QUOTING)
    db = tmp_path / "q.duckdb"
    with Store(db) as store:
        run(store, [folder], SETTINGS)
    row = _mek_row(db, SETTINGS)
    # no neutral 0.0 to pull the outlet's mean over its documents toward zero
    assert row["n_quoted"] == row["n_mentions"] >= 1 and row["sentiment"] is None
    assert row["according_to"] and row["according_to"][0]["sentiment"] < 0
