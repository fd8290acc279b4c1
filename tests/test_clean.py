"""Text cleaning: headline, byline, dates, chrome and references, on hand-written cases."""

from __future__ import annotations

import pytest

from dyad.ingest.clean import clean_text, parse_date_line

BODY = (
    "The group moved its headquarters to Iraq in 1986 and stayed there for three decades, "
    "until the last of its members were flown to Albania in September 2016."
)
BODY2 = (
    "Its leaders had lived in Paris since 1981, when they fled Iran after breaking with the new "
    "government, and they kept an office there long after the move to Iraq."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday, September 13, 2016", "2016-09-13"),
        ("September 9, 2016", "2016-09-09"),
        ("Sept. 9th, 2016", "2016-09-09"),
        ("9 September 2016", "2016-09-09"),
        ("2016-09-09", "2016-09-09"),
        ("Published: March 3, 2011 at 10:15 am EST", "2011-03-03"),
        ("February 30, 2016", None),
        ("In September 2016 the group left Iraq.", None),
        ("September 2016", None),
    ],
)
def test_parse_date_line(line: str, expected: str | None) -> None:
    assert parse_date_line(line) == expected


def test_headline_byline_and_date_line_become_metadata() -> None:
    raw = f"Tuesday, September 13, 2016\n\nGroup Finally Leaves Iraq\n\nBy Adam Garrie\n\n{BODY}\n\n{BODY2}\n"
    cleaned = clean_text(raw)
    assert cleaned.title == "Group Finally Leaves Iraq"
    assert cleaned.author == "Adam Garrie"
    assert cleaned.published == "2016-09-13"
    assert cleaned.text == f"Group Finally Leaves Iraq\n\n{BODY}\n\n{BODY2}"


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    raw = f"Headline here\n\nBy the end of the year the group had gone.\n\n{BODY}\n"
    cleaned = clean_text(raw)
    assert cleaned.author is None
    assert "By the end of the year" in cleaned.text


def test_breadcrumb_and_glued_image_name_are_removed() -> None:
    raw = f"Home » World » Another failure\n\nAnother failure\n\nphoto_of_camp.jpgYesterday, {BODY}\n\n{BODY2}\n"
    cleaned = clean_text(raw)
    assert cleaned.title == "Another failure"
    assert "Home »" not in cleaned.text
    assert "jpg" not in cleaned.text
    assert f"Yesterday, {BODY}" in cleaned.text
    assert "photo_of_camp.jpg" in cleaned.removed


def test_tail_chrome_is_cut_and_byline_after_it_kept() -> None:
    raw = f"Title\n\n{BODY}\n\n{BODY2}\n\nBy Mazda Parsi\n\nYou may also like\n\nSome other story\n\nLeave a Comment\n"
    cleaned = clean_text(raw)
    assert cleaned.text.endswith(BODY2)
    assert cleaned.author == "Mazda Parsi"
    assert "Some other story" in cleaned.removed


def test_share_buttons_anywhere_are_removed() -> None:
    raw = f"Title\n\nShare\nTweet\nEmail\n\n{BODY}\n\n{BODY2}\n\nShare Update\n"
    cleaned = clean_text(raw)
    assert "Share" not in cleaned.text and "Tweet" not in cleaned.text


def test_numbered_notes_referenced_in_the_body_become_references() -> None:
    raw = (
        f"Title\n\n{BODY} (1)\n\n{BODY2} (2)\n\n"
        "1. San Francisco Chronicle, “Iraqi Troops Unable to Quell Unrest,” 3/13/91\n\n"
        "2. Anderson, Jack, “Iranians aiding Iraqi resistance,” Oakland Tribune, 4/22/91\n\n"
        "Abedin, Mahan, “The Supreme Council,” Middle East Intelligence Bulletin, October 2003\n"
        "- “Iraq’s Bekaa Valley,” Foreign Affairs, 3/16/15\n\n"
        "No comments:\n\nThis Day In History - Aug 9\n"
    )
    cleaned = clean_text(raw)
    assert "Chronicle" not in cleaned.text and "This Day" not in cleaned.text
    assert len(cleaned.references) == 4
    assert cleaned.references[0].startswith("1. San Francisco Chronicle")
    assert cleaned.references[3].startswith("- “Iraq’s Bekaa Valley")
    assert "This Day In History - Aug 9" in cleaned.removed


def test_bracketed_footnotes_with_wrapped_lines() -> None:
    raw = (
        f"Title\n\n{BODY} [1]\n\n{BODY2}\n\n"
        "[1] Recently, a TV channel website posted a survey on\nwhether people favour ousting the group.\n"
        "[2] ibid\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.references == [
        "[1] Recently, a TV channel website posted a survey on whether people favour ousting the group.",
        "[2] ibid",
    ]
    assert "survey" not in cleaned.text


def test_a_numbered_list_in_the_body_is_not_a_reference_list() -> None:
    raw = f"Title\n\n{BODY}\n\n1. The first demand was a ceasefire.\n\n2. The second was a prisoner exchange.\n\n{BODY2}\n"
    cleaned = clean_text(raw)
    assert cleaned.references == []
    assert "prisoner exchange" in cleaned.text and cleaned.text.endswith(BODY2)


def test_lines_broken_mid_sentence_are_rejoined() -> None:
    raw = f"Title\n\n{BODY}\n\nThanks to the invasion, Iran now enjoys\nloads of influence\nin Iraq, as this shows.\n"
    cleaned = clean_text(raw)
    assert "Iran now enjoys loads of influence in Iraq, as this shows." in cleaned.text


def test_header_fields_as_in_database_exports() -> None:
    raw = f"Source: The Meridian Wire\nURL: https://example.org/a\nDate: 9 September 2016\n\nTitle\n\n{BODY}\n"
    cleaned = clean_text(raw)
    assert (cleaned.outlet, cleaned.url, cleaned.published) == (
        "The Meridian Wire",
        "https://example.org/a",
        "2016-09-09",
    )


def test_a_title_or_headline_field_is_the_headline_without_its_label() -> None:
    # "Title: ..." and "HEADLINE: ..." lines (database exports, saved notes): the label is no
    # word of the headline (review 51: "Title" was read as the doer of "Title: Settler gunman
    # kills 29")
    raw = f"Title: Settler gunman kills 29 in Hebron\nDate: 1994-02-26\n\n{BODY}\n"
    cleaned = clean_text(raw)
    assert (cleaned.title, cleaned.published) == ("Settler gunman kills 29 in Hebron", "1994-02-26")
    assert cleaned.text == f"Settler gunman kills 29 in Hebron\n\n{BODY}"
    raw = f"HEADLINE: Rebels seize Goma\nLOAD-DATE: May 3, 2004\n\n{BODY}\n"
    assert clean_text(raw).title == "Rebels seize Goma"
    # negatives: a title given with the text wins; a body sentence that is no field stays
    assert clean_text(raw, title="Goma falls").title == "Goma falls"
    raw = f"Rebels seize Goma\n\nThe city fell.\nTitle: Deputy speaker\n\n{BODY}"
    assert clean_text(raw).title == "Rebels seize Goma"
    # nor is a page's title with its site's sections, which stays chrome (second read)
    raw = f"Title: Iran seizes tanker | World news | The Guardian\n\nIran seizes tanker\n\n{BODY}"
    assert clean_text(raw).title == "Iran seizes tanker"


def test_given_title_is_not_repeated_from_the_body() -> None:
    cleaned = clean_text(f"Iraq expels group\n{BODY}", title="Iraq expels group")
    assert cleaned.text == f"Iraq expels group\n\n{BODY}"


def test_whitespace_only_text_is_empty() -> None:
    assert clean_text(" \n\n \t\n").text == ""


def test_a_dateline_dates_a_text_that_has_no_date_of_its_own() -> None:
    wire = (
        "Market news\n\nLOS ANGELES, April 05, 2018 (NEWSWIRE) -- A law firm sued a broker today."
    )
    assert clean_text(wire).published == "2018-04-05"
    stamp = "Updated at 1:33 p.m. on Thursday, March 29, 2018. Two inmates were caught in Ohio."
    assert clean_text(stamp).published == "2018-03-29"
    # negatives: a date inside the story's first sentence is the event's, not the text's; and
    # a publication date given with the text wins over its dateline
    assert (
        clean_text("On March 29, 2018 troops entered Mosul after a long siege.").published is None
    )
    assert clean_text("Troops entered Mosul on March 29, 2018, officials said.").published is None
    assert clean_text(wire, published="2018-04-06").published == "2018-04-06"


def test_a_publication_stamp_near_the_opening_dates_an_undated_text() -> None:
    byline = "Jane Roe, The Daily Courier March 31, 2018 2:36 pm. Troops entered Mosul."
    assert clean_text(byline).published == "2018-03-31"
    assert clean_text("By Jane Roe. Posted April 5, 2018 at 10:15 GMT. Two men were held.")\
        .published == "2018-04-05"  # fmt: skip
    # negatives: a date with a time that the story tells (after a preposition), a date with
    # no clock time, and a stamp deep in the text are no publication date
    assert clean_text("On March 29, 2018 at 5:30 pm troops entered Mosul.").published is None
    for told in (
        "Clashes erupted Tuesday, March 27, 2018 at 10:30 when gunmen fired.",
        "Gunmen opened fire in Kabul late March 27, 2018 10:30 and killed two.",
        "Police said that on Tuesday, March 27, 2018, at 10:30 am gunmen attacked.",
    ):
        assert clean_text(told).published is None, told  # fmt: skip
    assert clean_text("Jane Roe, The Daily Courier March 31, 2018. Troops left.").published is None
    late = "Troops entered Mosul after a siege. " * 8 + "Posted March 31, 2018 2:36 pm."
    assert clean_text(late).published is None


def test_a_wire_slug_before_a_headline_is_no_word_of_it() -> None:
    cleaned = clean_text("UPDATE 2-Gunmen attack a checkpoint near Kirkuk\n\nGunmen attacked.")
    assert cleaned.title == "Gunmen attack a checkpoint near Kirkuk"
    assert "UPDATE" not in cleaned.text and "UPDATE 2-" in cleaned.removed
    assert clean_text("WRAPUP 1-REFILE-Troops retake a town").text == "Troops retake a town"
    # negatives: a capitalised word joined by a hyphen is the story's ("US-led"), and a slug
    # word used as a word is kept
    assert clean_text("US-led strikes pound militants").text == "US-led strikes pound militants"
    assert clean_text("ANALYSIS of the vote shows gains").text == "ANALYSIS of the vote shows gains"


def test_a_line_that_is_only_a_wire_slug_leaves_nothing_behind() -> None:
    cleaned = clean_text("UPDATE 1-\n\nGunmen attacked a checkpoint near Kirkuk on Monday.")
    assert cleaned.text == "Gunmen attacked a checkpoint near Kirkuk on Monday."
    assert cleaned.title is None  # no empty headline


def test_character_references_left_in_a_text_are_their_characters() -> None:
    raw = "A headline\n\nThe minister said &quot;no&quot; to the army&#8217;s plan &amp; its &#x201C;aims&#x201D;."
    assert clean_text(raw).text.endswith(
        'said "no" to the army\u2019s plan & its \u201caims\u201d.'
    )
    # a feed escaped twice, and references to control characters or to no character
    raw = "A headline\n\nHe said &amp;quot;no&amp;quot; to the plan&#13;&#10;of the army&#0;."
    assert clean_text(raw).text.endswith('He said "no" to the plan of the army .')
    # negatives: an ampersand that opens no reference stays as written
    for text in ("AT&T bought it.", "R&D; spending rose.", "Q&A: the war &T; its end."):
        assert clean_text(f"A headline\n\n{text}").text.endswith(text), text


def test_a_metadata_line_below_the_headline_ends_the_headline() -> None:
    raw = (
        "Army officer seizes parliament, detains the prime minister\n"
        "PUBLISHED: 1987-05-15\n"
        "SUVA (Reuters) - Soldiers burst into parliament on Thursday and led away the prime"
        " minister and members of his month-old government.\n"
        "\n"
        "Witnesses said about 10 soldiers entered the chamber in mid-morning.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Army officer seizes parliament, detains the prime minister"
    assert cleaned.published == "1987-05-15"
    assert cleaned.text.split("\n\n")[1].startswith("SUVA (Reuters) - Soldiers")
    # negatives: a metadata line above the text breaks nothing; lines of text with no
    # metadata between them stay as they were
    cleaned = clean_text("PUBLISHED: 1987-05-15\nSoldiers burst in.\nThey left.\n")
    assert cleaned.published == "1987-05-15" and cleaned.text.startswith("Soldiers burst in.")
    assert clean_text("Soldiers burst in.\nThey left.\n").text == (
        clean_text("PUBLISHED: 1987-05-15\nSoldiers burst in.\nThey left.\n").text
    )
