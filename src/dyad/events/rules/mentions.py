"""Questions about actor mentions and the sides of events."""

from __future__ import annotations

from spacy.lang.en.lex_attrs import like_num
from spacy.tokens import Doc, Token

from ..ontology import STATE_SECTORS
from ..patterns import attack_words, head_words, target_words
from .frame import _Arg
from .readings import _instrument, _victim
from .vocab import _COUNT_MODIFIERS, OFFICE_SECTORS


def _mention_arg(mention: dict, token: Token) -> _Arg:
    """The argument a mention gives, anchored at ``token`` of the parse."""
    return _Arg(token, mention, mention["start"], mention["end"], mention["text"])


def _states_of(args: list[_Arg]) -> set[str]:
    """The countries (or codes, for an organisation of no country) of the actors ``args``
    name."""
    return {a.mention.get("country") or a.mention.get("code") for a in args if a.mention} - {
        None,
        "",
    }


def _generic(mention: dict) -> bool:
    """A mention of a kind of actor ("the terrorists", "police") rather than of one actor."""
    return mention["actor"].startswith("generic-")


def _of_state(mention: dict) -> bool:
    """Whether a mention is a state's own body (a state named alone is its government)."""
    return (mention.get("sector") or "GOV") in STATE_SECTORS


def _located(targets: list) -> bool:
    """Whether the targets are a building, site or vehicle a place in their phrase only
    locates (data/targets.tsv: located)."""
    return bool(targets) and all(
        a.mention is None and a.token.lemma_.lower() in target_words()["located"] for a in targets
    )


def _unnamed(arg: _Arg) -> bool:
    """An instrument, a weapon ("a nerve agent"), an unnamed agent or violence no one is named
    doing ("Iraq violence"), no actor standing for it: never an attack's source."""
    words = attack_words()
    return arg.mention is None and (
        _instrument(arg.token)
        or arg.token.lemma_.lower() in words["setting"]
        or arg.token.lemma_.lower() in words["weapon"]
    )


def _victims(args: list[_Arg]) -> bool:
    """Whether the arguments count or name victims ("12 shepherds", "20", "a policeman")."""
    return any(_victim(a.token) for a in args)


def _a_town_before(mention: dict, head: Token) -> bool:
    """Whether a mention before a located noun (data/targets.tsv, located) is the name of the
    town it stands in ("a Sanaa funeral hall", "Nairobi's Westgate mall", where "Sanaa" and
    "Nairobi" stand for their states' governments elsewhere): where the thing is, not whom
    the act is aimed at. A state's own name ("Israel's hospital") is its owner."""
    if head.lemma_.lower() not in target_words()["located"]:
        return False
    if mention.get("label") in ("place", "metonym"):
        return True
    doc = head.doc
    places = (doc._.dyad_places if doc.has_extension("dyad_places") else None) or []
    return mention.get("kind") == "state" and any(
        p["token_start"] == mention["token_start"] and p.get("feature") == "city" for p in places
    )


def _actors_and_states(sides: list[_Arg]) -> tuple[set[str], set[str]]:
    """The actors of a side, and the countries of those of them that are a state or its
    bodies."""
    actors = {a.mention["actor"] for a in sides if a.mention}
    states = {a.mention.get("country") for a in sides if a.mention and _of_state(a.mention)}
    return actors, states - {None}


def _for_the_state(mention: dict | None) -> bool:
    """Whether a mention acts for its state: the state or its government, leaders, army,
    police, legislature or courts (not its rebels or its opposition)."""
    mention = mention or {}
    return mention.get("kind") == "state" or mention.get("sector") in (
        "GOV", "ELI", "MIL", "COP", "LEG", "JUD"
    )  # fmt: skip


def _international(arg: _Arg) -> bool:
    """Whether a force or a mission is an international one: an organisation's ("the UN
    force", IGO codes), one led by it ("the NATO-led force") or a peacekeeping one; not a
    state's or a group's own forces ("the Kurdish forces in Iraq")."""
    if ((arg.mention or {}).get("code") or "").startswith("IGO"):
        return True
    return any(
        c.lower_.endswith("-led") or c.lemma_.lower() in ("peacekeeping", "peace-keeping")
        for c in arg.token.subtree
        if c.i < arg.token.i
    )


def _authority(mention: dict | None) -> bool:
    """Whether a mention is a state or one of its authorities (government, courts, police,
    army), which arrest, release or expel others ("Iran's arrests")."""
    mention = mention or {}
    return mention.get("kind") == "state" or mention.get("sector") in ("GOV", "JUD", "COP", "MIL")


def _one_office_holder(targets: list[_Arg]) -> bool:
    """Whether an attack's targets are one holder of an office or a command: a named person
    of a state's, a party's or an army's sector ("Colonel Ahmed Jabr"), or one role noun of
    an office in such a sector (data/heads.tsv office: "the governor", "a police chief"), not
    several, nor an armed group's ("the rebel commander")."""
    named = [a for a in targets if a.mention]
    if len(named) != 1:
        return False
    arg, mention = named[0], named[0].mention
    if mention.get("kind") == "person" and mention.get("label") == "name":
        return mention.get("sector") in OFFICE_SECTORS
    if mention.get("sector") not in OFFICE_SECTORS:
        return False  # "the rebel commander": a fighter, killed in a fight
    span = arg.token.doc.char_span(arg.start, arg.end, alignment_mode="expand")
    head = span.root if span is not None and len(span) else arg.token
    return (
        head.tag_ == "NN"
        and head.lemma_.lower() in head_words()["office"]
        and not any(c.dep_ == "nummod" for c in head.children)
    )


def _one_each(args: list[_Arg]) -> list[_Arg]:
    """The first argument of each actor (arguments naming no actor are left out)."""
    first: dict[str, _Arg] = {}
    for arg in args:
        if arg.mention:
            first.setdefault(arg.mention["actor"], arg)
    return list(first.values())


def _count_only(arg: _Arg) -> bool:
    """Whether a side is a count or a share and nothing else ("18" of "Bombs kill 18", "About
    25", "four others", "Dozens", "Many", "94%"; data/heads.tsv, count): the number of victims (the
    claims keep it as the killed or wounded count), never an actor; "18 soldiers", "two of
    the group's camps" name who."""
    if arg.mention is not None:
        return False
    words = [w.removesuffix("%") or w for w in arg.text.lower().split()]  # "94%"
    counting = head_words()["count"]
    counts = [w for w in words if like_num(w) or w in counting]
    return bool(counts) and all(w in counts or w in _COUNT_MODIFIERS for w in words)


def _acting(arg: _Arg) -> bool:
    """Whether a side names an actor that can make an event one: any actor mention but a
    civilian coded only as one of the country its document is about ("a man", a person no
    title nor dictionary describes: dyad_actor_context), which codes its side but is no
    actor a dictionary knows."""
    mention = arg.mention
    return mention is not None and not (
        mention.get("context") == "document" and mention.get("sector") == "CVL"
    )


def _coded(mention: dict) -> bool:
    """Whether a mention is of a coded actor: one with a country or a sector."""
    return bool(mention.get("country") or mention.get("sector"))


def _own_state_owning(mention: dict, countries: set[str], doc: Doc) -> bool:
    """Whether ``mention`` is a state of one of ``countries`` (the doer's) named as the owner
    of a noun ("Venezuela's borders")."""
    if mention.get("kind") != "state" or mention.get("country") not in countries:
        return False
    last = doc[mention["token_end"] - 1]
    return last.dep_ == "poss" or any(c.dep_ == "case" for c in last.children)


def _actor_ids(args: list[_Arg]) -> frozenset[str]:
    return frozenset(a.mention["actor"] for a in args if a.mention)
