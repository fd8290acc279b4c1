"""The reference corpus (../shared/corpus/seeds): all five stored with clean text and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad import Store

CHROME = [
    "Share Update",
    "Comments are closed",
    "You may also like",
    "Leave a Comment",
    "No comments",
    "This Day In Iraqi History",
    "mujahedin_e_khalq.jpg",
    "Home »",
    "Lord Curzon",
]
REFERENCE_TEXT = [
    "Oakland Tribune",
    "San Francisco Chronicle",
    "alsumaria.tv",
    "Congressional Record",
    "Cambridge University Press",
    "CNN Wire Staff",
]


@pytest.fixture(scope="module")
def seeds(seeds_db: Path) -> dict[str, dict]:
    with Store(seeds_db, read_only=True) as store:
        return {Path(d["path"]).name[:3]: d for d in store.documents()}


def test_all_five_stored(seeds) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize(
    ("key", "title"),
    [
        (
            "000",
            "Is Muqtada al-Sadr preparing to welcome Jihadi-Communist terror group MEK back to Iraq?",
        ),
        ("001", "Iraqi Gov’t: ‘Remaining In Iraq Is Not An Option’ For MEK"),
        ("002", "Iranian Opposition Group Mujahadeen e-Khalq Finally Leaves Iraq"),
        (
            "003",
            "Is The US “Withdrawal” From Basra an Admission of Guilt Regarding the Recent Terror Tack in Iran?",
        ),
        ("004", "Another failure for the MKO"),
    ],
)
def test_titles(seeds, key: str, title: str) -> None:
    assert seeds[key]["title"] == title
    assert seeds[key]["text"].startswith(title + "\n\n")


def test_authors_where_given(seeds) -> None:
    assert {k: d["author"] for k, d in seeds.items()} == {
        "000": "Adam Garrie",
        "001": None,
        "002": None,
        "003": None,
        "004": "Mazda Parsi",
    }


def test_publication_date_where_given(seeds) -> None:
    assert {k: d["published"] for k, d in seeds.items()} == {
        "000": None,
        "001": None,
        "002": "2016-09-13",
        "003": None,
        "004": None,
    }


def test_body_is_free_of_chrome_and_references(seeds) -> None:
    for key, doc in seeds.items():
        for chrome in CHROME + REFERENCE_TEXT:
            assert chrome not in doc["text"], f"{key}: {chrome!r} left in the body"
        assert "By Adam Garrie" not in doc["text"] and "By Mazda Parsi" not in doc["text"]


def test_reference_lists_kept_as_metadata(seeds) -> None:
    assert len(seeds["002"]["references"]) >= 15
    assert seeds["002"]["references"][0].startswith("1. San Francisco Chronicle")
    assert len(seeds["004"]["references"]) == 7
    assert [d["references"] for k, d in seeds.items() if k in ("000", "001", "003")] == [[], [], []]


def test_article_text_is_kept_whole(seeds) -> None:
    # the last sentence of each body survives cleaning
    endings = {
        "000": "helped to facilitate this.",
        "001": "as this episode shows.",
        "002": "Now it is finally out.",
        "003": "fomenting provocations.",
        "004": "who no one wants.",
    }
    for key, ending in endings.items():
        assert seeds[key]["text"].endswith(ending)
    assert "Yesterday, the Iraqi government announced" in seeds["001"]["text"]
