"""Coding actors from the text (#24): titles, demonym + role noun, false actors, name variants.

Each rule has a negative case beside it. Sentences are written here, not taken from a gold set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.actors.convert import read_agents
from dyad.actors.names import skeleton


def coded(nlp, text: str) -> dict[str, tuple[str, str, str | None]]:
    return {m["text"]: (m["code"], m["label"], m["code_from"]) for m in nlp(text)._.dyad_actors}


# -- titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Lebanese Prime Minister Saad Harari met the envoy.", "Saad Harari", "LBNGOV"),
        ("Russia's foreign minister Pavel Ostrov met the envoy.", "Pavel Ostrov", "RUSGOV"),
        ("Ali Kamal, the Iraqi defence minister, met the envoy.", "Ali Kamal", "IRQGOV"),
        (
            "The Belarusian defense minister, Leonid Malko, met the envoy.",
            "Leonid Malko",
            "BLRGOV",
        ),
        ("Former Peruvian president Juan Ortez met the envoy.", "Juan Ortez", "PERELI"),
    ],
)
def test_an_unknown_person_is_coded_by_title_and_nationality(nlp, text, name, code) -> None:
    assert coded(nlp, text)[name] == (code, "name", "title")


def test_no_title_no_code_and_a_demonym_alone_is_no_title(nlp) -> None:
    found = coded(nlp, "Yesterday Pavel Ostrov met the envoy.")
    assert found["Pavel Ostrov"][0] == "" and found["Pavel Ostrov"][2] is None
    # a nationality without a role noun gives the country, never a sector
    found = coded(nlp, "The Iraqi Ali Kamal met the envoy.")
    assert found.get("Ali Kamal", ("",))[0] in ("", "IRQ")


def test_an_in_text_title_beats_the_undated_fallback(nlp) -> None:
    assert coded(nlp, "President Donald Trump spoke.")["Donald Trump"][:1] == ("USAGOV",)
    assert coded(nlp, "Donald Trump spoke.")["Donald Trump"] == ("USAELI", "name", None)
    assert coded(nlp, "Former President George W. Bush spoke.")["George W. Bush"][0] == "USAELI"


def test_a_dated_role_beats_the_title_in_the_store(tmp_path: Path) -> None:
    from dyad.actors.dictionary import load_dictionary
    from dyad.actors.store import mention_table

    class FakeDoc:  # the store reads only these two attributes of a parsed document
        def __init__(self, mentions):
            self._ = type("X", (), {"dyad_actors": mentions})()
            self.sents = [type("S", (), {"start_char": 0})()]

    mention = {
        "start": 0, "end": 12, "text": "Donald Trump", "actor": "trump", "name": "Donald Trump",
        "kind": "person", "country": "USA", "sector": "MIL", "code": "USAMIL",
        "code_from": "title", "label": "name", "confidence": 1.0, "source": "leaders.tsv",
    }  # fmt: skip
    dictionary = load_dictionary()
    actor = dictionary.actors.get("trump") or next(
        a for a in dictionary.actors.values() if a.name == "Donald Trump"
    )
    mention["actor"] = actor.id
    table, _ = mention_table(
        [("a", FakeDoc([mention])), ("b", FakeDoc([mention])), ("c", FakeDoc([mention]))],
        dictionary,
        {"a": None, "b": "2018-06-01", "c": "2022-06-01"},
    )
    codes = table.column("code").to_pylist()
    assert codes[0] == "USAMIL"  # no date: the (written) title decides
    assert codes[1] == "USAGOV"  # a dated role covering the date wins over the title
    assert codes[2] == "USAMIL"  # outside every role: the title, not the default ELI


# -- group nouns -------------------------------------------------------------------------------


def test_group_nouns_with_a_demonym_are_country_and_sector(nlp) -> None:
    found = coded(nlp, "Iraqi police arrested Turkish troops while Syrian rebels watched.")
    assert found["Iraqi police"][0] == "IRQCOP"
    assert found["Turkish troops"][0] == "TURMIL"
    assert found["Syrian rebels"][0] == "SYRREB"
    assert coded(nlp, "South Koreans protested.")["South Koreans"][0] == "KORCVL"
    # without a demonym the group has no country
    assert coded(nlp, "The police arrested rebels.")["rebels"][0] == "REB"


def test_a_demonym_and_a_role_noun_read_as_a_name_are_the_generic_actor(nlp) -> None:
    found = coded(nlp, "The South African Government condemned the Nigerian Army.")
    assert found["South African Government"][0] == "ZAFGOV"
    assert found["Nigerian Army"][0] == "NGAMIL"
    # a longer name led by a demonym is its own organisation, with the country
    found = nlp("The Nigerian Export Processing Zones Authority sued the firm.")._.dyad_actors
    authority = next(m for m in found if "Authority" in m["text"])
    assert authority["country"] == "NGA" and authority["actor"].startswith("x-")


def test_a_capital_before_a_role_noun_gives_the_country(nlp) -> None:
    assert coded(nlp, "Beijing police detained him.")["police"][0] == "CHNCOP"
    # a city that is no capital is placed by the gazetteer (dyad_actor_context, #24) ...
    assert coded(nlp, "Shanghai police detained him.")["police"] == ("CHNCOP", "nominal", "context")
    # ... and a town no table knows gives none
    assert coded(nlp, "Zorbavik police detained him.").get("police", ("COP",))[0] == "COP"


# -- false actors ------------------------------------------------------------------------------


def test_photo_credits_are_nobody(nlp) -> None:
    found = coded(nlp, "Protesters march in Bogota. REUTERS/Jorge Silva")
    assert not any("Jorge" in t or t == "REUTERS" for t in found)
    assert coded(nlp, "Reuters reported the protest.")["Reuters"][0].startswith("MED")


def test_places_read_as_persons_are_nobody(nlp) -> None:
    found = coded(nlp, "Fighting raged in Al Anbar province. Troops entered Salah al-Din province.")
    assert not any("Anbar" in t or "Salah" in t for t in found)
    # a person after "in" with a title stays a person
    assert "Ali Kamal" in coded(nlp, "They trusted in President Ali Kamal, the Iraqi leader.")


def test_quantities_are_nobody(nlp) -> None:
    found = nlp("Police said four were killed and 20 were wounded.")._.dyad_actors
    assert not any(m["text"] in ("four", "20") for m in found)


# -- name variants -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant", ["Kurdistan Worker's Party", "Kurdistan Workers' Party", "Kurdistan Workers Party"]
)
def test_possessive_spellings_share_a_skeleton(variant: str) -> None:
    assert skeleton(variant) == skeleton("Kurdistan Workers Party")
    assert skeleton("Kurdistan Worker Party") != skeleton(variant)  # not any s-less word


def test_possessive_variant_resolves_to_the_pkk(nlp) -> None:
    found = nlp("The Kurdistan Worker's Party attacked a post.")._.dyad_actors
    assert any(m["actor"] == "pkk" for m in found)


# -- converted agents --------------------------------------------------------------------------


def test_agents_converter_on_a_written_file() -> None:
    text = """# comment
!PERSON! = MAN, MEN, WOMAN
POLICE_OFFICER [~COP]
WARPLANE [~MIL] # a comment
SMUGGLER [~CRM]
BUSINESS!PERSON! [~BUS]
EMBASSY [~GOV]
MINISTER_OF_FOREIGN_AFFAIRS_AND_TRADE [~GOV]
TROOP {TROOPS} [~MIL]
TROOP [~REB]
"""
    rows = {noun: (sector, kind) for noun, sector, kind in read_agents(text)}
    assert rows["police officer"] == ("COP", "military")
    assert rows["warplane"] == ("MIL", "military")
    assert rows["businessman"] == ("BUS", "organisation")
    assert rows["troop"] == ("MIL", "military")  # the first code of a noun wins
    assert "smuggler" not in rows  # CRM: no dyad sector
    assert "embassy" not in rows  # a building, not an actor
    assert not any("foreign" in noun for noun in rows)  # longer than two words


def test_curated_agents_win_over_converted_ones() -> None:
    from dyad.actors.dictionary import load_dictionary

    agents = load_dictionary().agents
    assert agents["warplane"][0] == "MIL"  # converted
    assert agents["leader"] == ("ELI", "person")  # curated, whatever Phoenix says
    json.dumps(agents)  # plain data
