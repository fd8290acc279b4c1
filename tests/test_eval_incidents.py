"""The incident sets (dyad eval gtd / ucdp): how rows become documents and how gold names,
sides and attack types are matched. The rows here are written for the tests, not taken from
the dev files."""

from __future__ import annotations

import csv
from pathlib import Path

from dyad.evaluation.incidents import (
    _names_in,
    _side_matches,
    _within_a_day,
    attack_cameo,
    gtd_documents,
    gtd_group_names,
    is_attack,
    name_key,
    score_gtd,
    score_ucdp,
    ucdp_documents,
    ucdp_sides,
)
from dyad.evaluation.sets import SETS

GTD_FIELDS = ["date", "city", "latitude", "longitude", "group_name", "attack_type", "killed",
              "wounded", "summary"]  # fmt: skip


def test_sets_are_registered_with_their_dev_paths():
    assert SETS["gtd"].default_path == "eval/gtd-iraq/dev.csv"
    assert SETS["ucdp"].default_path == "eval/ucdp-iraq/dev.csv"


def test_gtd_summary_loses_its_leading_date_only():
    rows = [
        {
            "date": "2014-03-02",
            "summary": "03/02/2014: Gunmen attacked a checkpoint on 03/01/2014.",
        },
        {"date": "2014-03-03", "summary": ""},
    ]
    docs = gtd_documents(rows)
    assert docs == [
        {"row": 0, "text": "Gunmen attacked a checkpoint on 03/01/2014.", "published": "2014-03-02"}
    ]


def test_ucdp_one_document_per_headline_dated_by_its_own_source_date():
    rows = [
        {
            "source_headline": "Bomb hits Mosul market;Bomb hits Mosul market;Troops advance",
            "source_date": "2015-01-02;2015-01-02;2015-01-04",
            "date_start": "2015-01-01",
        },
        {"source_headline": "Clashes in Tikrit", "source_date": "", "date_start": "2015-02-09"},
    ]
    docs = ucdp_documents(rows)
    assert [(d["row"], d["text"], d["published"]) for d in docs] == [
        (0, "Bomb hits Mosul market", "2015-01-02"),  # the repeat is one document
        (0, "Troops advance", "2015-01-04"),
        (1, "Clashes in Tikrit", "2015-02-09"),  # no source date: date_start
    ]


def test_gtd_group_names_take_the_acronym_and_the_listed_aliases():
    names = gtd_group_names("Islamic State of Iraq and the Levant (ISIL)")
    assert {"islamic state of iraq and the levant", "isil", "islamic state", "daesh"} <= names
    assert name_key("Al-Qa'ida in Iraq") in gtd_group_names("Al-Qaida in Iraq")
    # a group the alias file does not list still matches its own name, and nothing else
    assert gtd_group_names("Ansar al-Sunna") == {"ansar alsunna"}


def test_the_text_names_a_group_only_as_whole_words_and_never_by_a_two_letter_acronym():
    names = gtd_group_names("Islamic State of Iraq and the Levant (ISIL)")
    assert _names_in(names, "The Islamic State claimed the attack.")
    assert not _names_in(names, "It is not known who carried out the attack.")  # "IS" ≠ "is"
    assert not _names_in({"isil"}, "The Brazilian envoy left.")


def test_attack_types_map_to_cameo_codes_kidnapping_apart_from_armed_assault():
    cameo = attack_cameo()
    assert "181" in cameo["Hostage Taking (Kidnapping)"]
    assert "190" not in cameo["Hostage Taking (Kidnapping)"]
    assert "183" in cameo["Bombing/Explosion"] and "190" not in cameo["Bombing/Explosion"]
    assert cameo["Assassination"] == {"186"}
    assert "190" in cameo["Armed Assault"] and "183" not in cameo["Armed Assault"]


def test_is_attack_reads_cameo_roots_18_19_20_only():
    assert (
        is_attack({"cameo": "183"}) and is_attack({"cameo": "190"}) and is_attack({"cameo": "20"})
    )
    assert not is_attack({"cameo": "173"}) and not is_attack({"cameo": None})


def test_within_a_day_needs_both_ends_inside_the_window():
    assert _within_a_day({"date_start": "2014-05-02", "date_end": "2014-05-02"}, "2014-05-01")
    assert not _within_a_day({"date_start": "2014-05-03", "date_end": "2014-05-03"}, "2014-05-01")
    assert not _within_a_day({"date_start": "2014-05-01", "date_end": "2014-05-31"}, "2014-05-01")
    assert not _within_a_day({"date_start": None, "date_end": None}, "2014-05-01")


def test_ucdp_sides_match_by_country_and_sector_or_by_name():
    sides = ucdp_sides()
    iraq, isis = sides["Government of Iraq"], sides["IS"]
    assert _side_matches({"name": "Iraqi army", "country": "IRQ", "sector": "MIL"}, iraq)
    assert _side_matches({"name": "Iraq (police)", "country": "IRQ", "sector": "COP"}, iraq)
    assert not _side_matches({"name": "Syria (military)", "country": "SYR", "sector": "MIL"}, iraq)
    assert not _side_matches({"name": "Kurdish rebels", "country": "IRQ", "sector": "REB"}, iraq)
    assert _side_matches({"name": "Islamic State", "aliases": ["ISIL"]}, isis)
    assert _side_matches({"name": "Daesh"}, isis)
    assert not _side_matches({"name": "al-Nusra Front"}, isis)


def test_civilians_are_named_with_their_count_or_are_unarmed_groups():
    civilians = ucdp_sides()["Civilians"]
    # a text no actor stands for names its victims after their count
    assert _side_matches({"name": "at least 23 villagers"}, civilians)
    assert _side_matches({"name": "Seven other people"}, civilians)
    # journalists and a religious community are unarmed: civilians in UCDP's coding
    assert _side_matches({"name": "Syria (media)", "aliases": [], "sector": "MED"}, civilians)
    assert _side_matches({"name": "Yazidis", "aliases": [], "sector": "REL"}, civilians)
    # an armed group, or a name that only begins like a count, is not
    assert not _side_matches({"name": "Peshmerga", "aliases": [], "sector": "MIL"}, civilians)
    assert not _side_matches({"name": "Civilian Defence Force"}, civilians)
    assert not _side_matches({"name": "one of the gunmen"}, civilians)


def _write_gtd(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=GTD_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_score_gtd_runs_the_store_and_counts_named_groups_apart(nlp, tmp_path):
    rows = [
        {"date": "2014-06-10", "city": "Mosul", "latitude": "36.34", "longitude": "43.13",
         "group_name": "Islamic State of Iraq and the Levant (ISIL)",
         "attack_type": "Bombing/Explosion", "killed": "5", "wounded": "2",
         "summary": "06/10/2014: A car bomb exploded near a market in Mosul city, Nineveh "
                    "governorate, Iraq. Five people were killed. The Islamic State of Iraq and "
                    "the Levant (ISIL) claimed responsibility for the attack."},
        {"date": "2015-09-21", "city": "Basra", "latitude": "30.51", "longitude": "47.78",
         "group_name": "Islamic State of Iraq and the Levant (ISIL)",
         "attack_type": "Unknown", "killed": "", "wounded": "",
         "summary": "09/21/2015: Gunmen attacked a checkpoint in Basra city, Basra governorate, "
                    "Iraq. No group claimed responsibility."},
    ]  # fmt: skip
    result = score_gtd(nlp, _write_gtd(tmp_path / "gtd.csv", rows))
    assert result.status == "scored" and result.n == 2
    counts = result.details["counts"]
    assert counts["perp_n"] == 1  # the second text never names the group
    assert counts["unknown_type"] == 1 and counts["subtype_n"] == 1
    assert counts["killed_n"] == 1  # an empty killed cell is not scored
    assert result.metrics["false_merges"] == 0  # two incidents a year apart
    assert set(result.metrics) >= {"perpetrator", "date_within_day", "place_25km",
                                   "place_161km", "killed_right", "subtype_right"}  # fmt: skip
    # each half of the rows by parity: row 0 (the Mosul bombing) is the inspected even half,
    # row 1 the odd half, whose subtype is unknown
    even, odd = (result.details[h] for h in ("inspected_even_half", "never_inspected_odd_half"))
    assert even["subtype_right"] == result.metrics["subtype_right"]
    assert odd["subtype_right"] == 0.0 and odd["killed_right"] == 0.0  # nothing scored there
    assert even["false_merges"] == odd["false_merges"] == 0


def _ucdp_file(folder, rows: list[dict]):
    """A UCDP GED file with the columns the ucdp set reads, holding ``rows``."""
    path = folder / "ucdp.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["side_a", "side_b", "source_headline", "source_date",
                                "date_start", "latitude", "longitude", "country"],
        )  # fmt: skip
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_score_ucdp_reads_headlines(nlp, tmp_path):
    path = _ucdp_file(tmp_path, [
        {"side_a": "Government of Iraq", "side_b": "IS",
         "source_headline": "Iraqi troops clash with Islamic State fighters in Tikrit",
         "source_date": "2015-03-05", "date_start": "2015-03-04",
         "latitude": "34.6", "longitude": "43.68"},
    ])  # fmt: skip
    result = score_ucdp(nlp, path)
    assert result.n == 1 and result.details["documents"] == 1
    assert result.details["rows_with_known_sides"] == 1
    assert result.details["rows_without_an_event"] == 0
    assert result.details["rows_placed_at_the_country_only"] == 0


def test_a_ucdp_rows_headlines_are_read_in_the_rows_order(nlp, tmp_path):
    # the first placed event is the first headline's, wherever in its text the event lies
    # (positions in two texts are not comparable)
    path = _ucdp_file(tmp_path, [
        {"side_a": "Government of Iraq", "side_b": "IS", "country": "Iraq",
         "source_headline": "Car bombs in Iraq's Kirkuk kill nine people;"
                            "UN chief urges world to help Iraq government",
         "source_date": "2013-04-02;2013-04-02", "date_start": "2013-04-01",
         "latitude": "35.47", "longitude": "44.39"},
    ])  # fmt: skip
    result = score_ucdp(nlp, path)
    assert result.details["documents"] == 2
    assert result.details["rows_placed_at_the_country_only"] == 0
    assert result.metrics["place_161km_finer_than_country"] == 1.0


def test_ucdp_counts_rows_without_an_event_and_rows_placed_at_the_country(nlp, tmp_path):
    # what a headline alone cannot give: an event ("May 21st 2015: Mosul, Nineveh province,
    # Iraq" is a record's place, no report of an act), or a place finer than the country
    path = _ucdp_file(tmp_path, [
        {"side_a": "Government of Iraq", "side_b": "IS", "country": "Iraq",
         "source_headline": "Iraq violence kills 27 as UN envoy urges dialogue",
         "source_date": "2013-04-02", "date_start": "2013-04-01",
         "latitude": "34.6", "longitude": "43.68"},
        {"side_a": "Government of Iraq", "side_b": "IS", "country": "Iraq",
         "source_headline": "May 21st 2015: Mosul, Nineveh province, Iraq",
         "source_date": "2015-05-21", "date_start": "2015-05-21",
         "latitude": "36.34", "longitude": "43.13"},
    ])  # fmt: skip
    details = score_ucdp(nlp, path).details
    assert details["rows_without_an_event"] == 1
    assert details["rows_placed_at_the_country_only"] == 1


def test_within_a_gold_period_allows_a_day_either_side():
    from dyad.evaluation.incidents import _within

    event = {"date_start": "2015-03-06", "date_end": "2015-03-06"}
    assert _within(event, "2015-03-04", "2015-03-05")
    assert not _within(event, "2015-03-01", "2015-03-04")
    assert _within({"date_start": "2015-03-03", "date_end": "2015-03-03"}, "2015-03-04", None)


def test_a_headline_two_rows_share_is_the_text_of_both(nlp, tmp_path):
    # the store keeps one document per text; each row of that text gets its events, and
    # the document's mentions are no merge across rows
    headline = "Gunmen kill five policemen in Baquba"
    path = _ucdp_file(tmp_path, [
        {"side_a": "Government of Iraq", "side_b": "IS", "source_headline": headline,
         "source_date": day, "date_start": day, "latitude": "33.75", "longitude": "44.61"}
        for day in ("2014-02-03", "2014-02-04")
    ] + [
        {"side_a": "Government of Iraq", "side_b": "IS",
         "source_headline": "A quiet day in Baghdad", "source_date": "2014-02-05",
         "date_start": "2014-02-05", "latitude": "33.34", "longitude": "44.4"},
    ])  # fmt: skip
    result = score_ucdp(nlp, path)
    assert result.details["documents"] == 3
    assert result.details["rows_with_a_placed_event"] == 2  # both rows of the shared text
    assert result.details["merged_across_rows"] == 0
    even, odd = (result.details[h] for h in ("inspected_even_half", "never_inspected_odd_half"))
    assert odd["place_161km"] == 1.0  # row 1 has no document of its own in the store
    assert even["place_161km"] == 0.5  # row 2 names no event
