"""The word lists of dyad_claims live in src/dyad/claims/data/claim_words.tsv (issue 25)."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from dyad.claims import CLAIM_WORD_KINDS, EVENT_COUNTS, claim_words, read_claim_words
from dyad.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = resources.files("dyad.claims").joinpath("data", "claim_words.tsv").read_text("utf-8")


def test_every_kind_of_the_shipped_file_is_known_described_and_used():
    rows = [line.split("\t") for line in SHIPPED.splitlines() if line and line[0] != "#"]
    kinds = {row[0] for row in rows}
    assert kinds == set(CLAIM_WORD_KINDS)  # no unknown kind, and none left without words
    described = set(re.findall(r"^# (\w+):", SHIPPED, re.M))
    assert described == set(CLAIM_WORD_KINDS)  # the header explains each kind once
    words = claim_words()
    assert all(words[kind] for kind in CLAIM_WORD_KINDS)
    assert words["casualty"]["injure"] == "wounded" and words["scale"]["million"] == 1_000_000
    assert all(
        v in EVENT_COUNTS for k in ("casualty", "participle", "dead") for v in words[k].values()
    )


def test_an_unknown_kind_is_one_error_naming_the_file_and_line():
    text = "# a comment\nsubject_move\tleave\n\ncasualties\tshoot\tkilled\n"
    with pytest.raises(ConfigError) as error:
        read_claim_words(text)
    message = str(error.value)
    assert "] claim_words.tsv:4: unknown kind 'casualties'; use one of " in message
    assert "casualty" in message and "\n" not in message


@pytest.mark.parametrize(
    "row",
    [
        "casualty\tshoot\tmaimed",  # a count that is neither killed nor wounded
        "casualty\tshoot",  # a mapping kind without its value
        "number\ttwo\tzwei",  # a number that is no number
        "toll\ttoll\t5",  # a plain kind with a value
        "death\t\t",  # no word
    ],
)
def test_a_malformed_row_is_one_error_naming_the_file_and_line(row):
    with pytest.raises(ConfigError, match=r"\] my_words\.tsv:2: expected '\w+ <tab> word"):
        read_claim_words(f"toll\ttoll\n{row}\n", "my_words.tsv")


def test_a_well_formed_text_reads_words_lower_cased_with_their_values():
    words = read_claim_words("number\tDozen\t12\ncounted\tfighter\tfighters\nback\tthe\n")
    assert words["number"] == {"dozen": 12}
    assert words["counted"] == {"fighter": "fighters"}
    assert words["back"] == {"the": None}
    assert words["death"] == {}


def test_every_data_file_of_the_package_is_package_data():
    """pyproject's package-data globs cover src/dyad/*/data/* (claims/data was once missing)."""
    package = ROOT / "src" / "dyad"
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    covered = {p for pattern in globs["package-data"]["dyad"] for p in package.glob(pattern)}
    data = [p for p in package.glob("*/data/*") if p.is_file() and p.name != "__pycache__"]
    assert (package / "claims" / "data" / "claim_words.tsv") in data
    assert [p.relative_to(package) for p in data if p not in covered] == []
