"""The ``dyad_actors`` spaCy component: find actor mentions and link each to one actor.

Mentions come from the actor dictionaries (PhraseMatcher), spaCy's named entities, and noun
phrases headed by actor nouns ("the Iraqi army", "protesters"). Each is resolved by, in order:
acronyms defined in the text ("... (MEK)"), the dictionaries (exact, then
transliteration-tolerant), short forms of names used earlier in the document (surnames,
"the Mojahedin"), and finally a new actor named by the text. "The group" and "the
organisation" refer back to the one organisation recently in focus, when there is one.

Precision rules: a country or capital used as a place ("in Baghdad", "moved to Iraq") is not an
actor; a demonym is an actor only when it heads or modifies an actor noun ("Iranian
officials", "the Iranians", "the Iranian consulate": a state's installation is its body),
never in "the Iranian coast"; a bare title ("Shah", "President") is not an actor on its own.

Mentions are stored on ``doc._.dyad_actors`` as plain dicts (they cross process boundaries
with ``nlp.pipe(n_process=...)``), one per mention, sorted by offset.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..events.patterns import movement_words
from ..nlp.components import dateline_spans
from ..nlp.words import after_stance_prefix, entities_by_token, text_of
from ..time.normalise import MONTH_WORDS, WEEKDAY_WORDS
from .dictionary import (
    ORGANISATION_HEADS,
    Actor,
    ActorDictionary,
    Role,
    context_words,
    load_dictionary,
    make_code,
    publication_day,
)
from .labels import ACTING_LABELS
from .names import FAMILY_FIRST, TITLE_WORDS, normalise, skeleton

__all__ = ["ACTING_LABELS", "CODE_SOURCES", "SECTOR_NAMES", "ActorLinker", "code_source"]

SECTOR_NAMES = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "REB": "armed groups",
    "OPP": "opposition",
    "PTY": "parties",
    "LEG": "legislature",
    "JUD": "judiciary",
    "CVL": "civilians",
    "REF": "refugees",
    "REL": "clergy",
    "MED": "media",
    "EDU": "students",
    "BUS": "business",
    "SPY": "intelligence",
    "ELI": "elites",
    "IGO": "international organisations",
    "NGO": "NGOs",
    "CRM": "criminals",
    "LAB": "labour",
    "AGR": "agriculture",
    "HLH": "health",
}
#: the entity labels of a place's name
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: prepositions after which a country or city is a place, not an actor
LOCATIVE_PREPS = {
    "in",
    "at",
    "inside",
    "within",
    "throughout",
    "across",
    "into",
    "to",
    "near",
    "outside",
    "around",
    "via",
    "through",
    "onto",
    "toward",
    "towards",
    "beyond",
    "over",
    "on",
    "under",
}
#: verbs of moving that may go to a person: "the prize went to Ressa", "came to Haddad",
#: "the land was returned to Haddad", "supporters rushed to Tshisekedi"
_TO_PERSONS = frozenset({"go", "come", "return", "rush", "hurry", "race", "dash"})
#: a day's or a month's full name, which the recogniser may run into the name after it ("on
#: Saturday Saleh said"); not the months that are first names too (May, June, April, August)
CALENDAR_WORDS = (WEEKDAY_WORDS | {m for m in MONTH_WORDS if len(m) > 4} | {"march", "july"}) - {
    "april",
    "august",
}
MOTION_VERBS = {
    "leave",
    "flee",
    "depart",
    "move",
    "come",
    "return",
    "expel",
    "deport",
    "withdraw",
    "drive",
    "fly",
    "travel",
    "escape",
    "evacuate",
    "kick",
    "relocate",
    "transfer",
    "bring",
    "send",
    "oust",
}
#: prepositions of where something happens, not of whom it is aimed at ("on", "to", "into")
WHERE_PREPS = LOCATIVE_PREPS - {"on", "onto", "into", "to", "toward", "towards", "over"}
AGENTIVE_DEPS = {
    "nsubj",
    "nsubjpass",
    "poss",
    "dobj",
    "iobj",
    "dative",
    "appos",
    "attr",
    "conj",
    "ROOT",
}
#: nouns of a body that introduce its name ("the newspaper Zaman", data/context_words.tsv)
BODY_NOUNS = context_words()["body"]
#: nouns of a body an armed group's noun may modify ("rebel groups", data/context_words.tsv)
ARMED_BODIES = context_words()["armed_body"]
#: nouns after "the" that refer back to a state named before ("the kingdom", "the country")
STATE_REFERENCES = context_words()["state_reference"]
#: nouns after "the" that refer back to the one body named before whose name ends in them
#: ("the Security Council ... the council", data/context_words.tsv)
NAME_HEADS = context_words()["name_head"]
#: prepositions after which "the North", "the South" is a region ("in the South")
_REGION_PREPS = frozenset({"in", "across", "throughout", "from", "to", "into", "of"})
#: states a text may call "the North" or "the South" once named (data/context_words.tsv)
COMPASS_STATES = context_words()["compass_state"]
#: nouns after "the" that refer back to the organisation in focus
BACK_REFERENCES = {"group", "organisation", "organization", "movement", "cult", "militia", "party"}
#: sectors a bare actor noun without a country still makes worth recording ("protesters")
BARE_SECTORS = {"OPP", "REB", "REF", "MIL", "COP"}
#: where an actor's code came from: its dictionary entry (or a role noun of the agents
#: dictionary), an in-text title, a demonym or country name in the text, the sentence's
#: places, or nowhere (no code)
CODE_SOURCES = ("dictionary", "title", "demonym", "context", "none")
#: dictionary kinds of peoples: an ethnic or religious group takes the country of a state's
#: demonym written before it ("Iraqi Kurds")
PEOPLE_KINDS = ("ethnic", "religious")
#: dictionary kinds of non-state groups a country's adjective may qualify ("the Pakistani
#: Taliban", see _groups_the_text_qualifies)
GROUP_KINDS = ("armed_group", "party")
ORDINAL = re.compile(r"\d+(st|nd|rd|th)", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
ORG_HEADS = {
    "movement",
    "group",
    "party",
    "organisation",
    "organization",
    "militia",
    "front",
    "army",
    "alliance",
    "coalition",
    "brigade",
    "brigades",
}
ORG_KINDS = {
    "armed_group",
    "party",
    "organisation",
    "military",
    "igo",
    "ngo",
    "government",
    "media",
}


#: first or last words of facility names: a camp or an airport is a place, not an actor
FACILITY_WORDS = {
    "camp",
    "base",
    "airport",
    "prison",
    "hospital",
    "mosque",
    "embassy",
    "consulate",
    "square",
    "street",
    "bridge",
    "port",
    "stadium",
    "palace",
    "checkpoint",
    "crossing",
    "compound",
}


#: nouns after a name that make it a place ("Al Anbar province", "Idlib governorate")
PLACE_NOUNS = {"province", "governorate", "district", "region", "county", "prefecture"}
#: photo and wire credits: "REUTERS/Jorge Silva", "AFP PHOTO/...", "(AP Photo/...)"
_CREDIT = re.compile(r"(?:REUTERS|AFP|AP|EPA|GETTY|XINHUA|PHOTO|Photo|IMAGES)\s*/\s*$")


#: nouns after which "of X" names a city or country as the topic, not as an actor: "the status
#: of Jerusalem", "the future of Syria" (data/context_words.tsv, kind topic)
TOPIC_NOUNS = context_words()["topic"]
REGIME_NOUNS = context_words()["regime"]
#: last words of a name of a meeting, forum or pact named after a place ("the Paris Club",
#: "the Minsk agreements")
GATHERINGS = context_words()["gathering"]


def _is_credit(text: str, span: Span, slashed_name: bool = False) -> bool:
    """Whether ``span`` of the document whose text is ``text`` is part of a photo credit
    (``text`` is the caller's: Doc.text joins every token anew on each call). A dictionary
    name written with a slash (``slashed_name``: "SLM/A", "SPLM/A") is no credit for it."""
    before = text[max(0, span.start_char - 20) : span.start_char]
    after = text[span.end_char : span.end_char + 2].lstrip()
    return (
        ("/" in span.text and not slashed_name)
        or bool(_CREDIT.search(before))
        or (span.text.isupper() and after.startswith("/"))
    )


def _byline_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) tokens of each byline: a sentence with no verb outside its names opened by
    "By" ("By Sarah Jones, Associated Press", "By Ali Kamal and Omar Said"): who wrote the
    report, nobody acting."""
    if not doc.has_annotation("SENT_START"):
        return []
    return [
        (sentence.start, sentence.end)
        for sentence in doc.sents
        if sentence[0].lower_ == "by"
        and len(sentence) > 1
        and sentence[1].ent_type_ == "PERSON"  # not "By the numbers: ..."
        # a name's word read as a verb ("Omar Said") is no verb
        and not any(t.pos_ in ("VERB", "AUX") and not t.ent_type_ for t in sentence)
    ]


#: sectors of nouns that stay no actor without a country of their own or a place attached
#: to them: "the people", "businesses" are nobody a sentence's country can stand for
NOT_PENDING = {"CVL", "BUS"}
#: people whose country is often not the one the text is about (crews, hostages, tourists,
#: migrants, teams): the document's country does not place them
ELSEWHERE_PEOPLE = context_words()["elsewhere"]
#: words of the United States' two parties before its Congress's nouns ("Republican senators")
US_PARTY = context_words()["us_party"]
#: the nouns of the US Congress and its members, which no other state's parties of those names
#: fill ("senate", "senator", "congressman"; not "lawmakers", "parliament")
US_CONGRESS = context_words()["us_congress"]
#: prepositions whose object places a role noun ("police in Baghdad", "refugees from Syria")
ATTACHING_PREPS = context_words()["attaching"]
#: participles that say where a body sits: "based in", "stationed in", "headquartered in"
STATIONED = context_words()["stationed"]
#: modifiers that say a role noun is not the country's own ("foreign forces", "coalition troops")
NOT_LOCAL = context_words()["not_local"]
#: nouns of an office such a modifier names ("foreign minister"), not its holder's origin
PORTFOLIOS = context_words()["portfolio"]
#: nouns of a body's members or parts ("members", "investigators", "command"): after a role
#: noun they are that body ("opposition members", "police investigators")
MEMBER_NOUNS = context_words()["member"]
#: nouns of a body's organ ("a government agency"): the body's own after a state body's word
ORGAN_NOUNS = context_words()["organ"]
#: sectors of the state bodies whose organs those are
STATE_ORGANS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
#: nouns of persons who speak or act for a body ("spokesman", "official", "commander"): after
#: a role noun of the body they take its sector ("an army spokesman" MIL)
VOICE_NOUNS = context_words()["voice"]
#: nouns of who heads or sits in a body named after "of" ("the chair of the Georgian
#: Parliament"): in apposition to a person, the body gives him its country and sector
HEAD_NOUNS = context_words()["head_of"]
#: last words of an organisation's name ("Organization", "Police", "Ministry")
ORGANISATION_NOUNS = context_words()["organisation_noun"]
#: sectors of a state's forces, whose members are theirs even one by one ("a soldier")
FORCE_SECTORS = frozenset({"MIL", "COP"})
#: last words of a thing named after a person ("Foundation", "Street", "Airport")
NAMED_AFTER = context_words()["named_after"]
#: nouns of a pact a town's name before them names ("the Helsinki accord")
NAMED_DOCUMENTS = context_words()["named_document"]
#: last words of the name of an army's formation ("Brigade", "Division") and the arms that
#: make a name with one a state's military unit ("Artillery Brigade"; see _military_unit)
UNIT_HEADS = context_words()["unit_head"]
UNIT_BRANCHES = context_words()["unit_branch"]
#: nouns of a part of a body ("a unit of 1MDB", "a division of Siemens"): of a named body,
#: the part is of that body's kind, whatever the noun codes alone
PART_NOUNS = context_words()["part"]
UNIT_WORDS = context_words()["unit_word"]
#: nouns the recogniser reads as a name when they open a sentence ("Attendees cheered")
NOT_NAMES = context_words()["not_name"]
#: heads of a body that is not the state ("band", "club", "cricket board"): a demonym before
#: them gives the body its country, no sector
NON_STATE = context_words()["non_state"]
#: role nouns of the police as of the army ("officer"), and the verbs of police work
EITHER_FORCE = context_words()["either_force"]
DOER_SUFFIXES = tuple(context_words()["doer_suffix"])
NOT_DOERS = context_words()["not_doer"]
POLICE_WORK = context_words()["police_work"]
#: verbs and nouns of a state's authorities holding a person to account or letting him go
#: ("arrest", "convict", "free", "an investigation into")
HELD_AT_HOME = context_words()["held_at_home"]
#: second halves of "ISIS-linked": the modifier names the group they belong to
AFFILIATION = context_words()["affiliation"]
#: second halves of "rebel-held": the role noun before names who holds the place after
HOLDING = context_words()["holding"]
#: role nouns of the holder of the same office on the other side ("counterpart")
OPPOSITE = context_words()["opposite"]


def held_by(token) -> bool:
    """Whether ``token`` names who holds a place: the word before "-held" or "-controlled"
    ("rebel" of "rebel-held Idlib")."""
    return (
        token.dep_ in ("npadvmod", "compound", "nmod")
        and token.head.lower_ in HOLDING
        and token.head.dep_ == "amod"
        and token.i < token.head.i
    )


def _employer(actor) -> bool:
    """Whether a dictionary actor is a party, an armed group, a firm or a news outlet: a title
    before or after its name makes its holder its own (its country and sector), not the
    state's ("ANC spokesman X", "Houthi military spokesman X" YEMREB, "Facebook CEO X")."""
    return actor.kind in ("party", "armed_group") or (
        actor.kind in ("organisation", "media") and actor.sector in ("BUS", "MED")
    )


def _lone_name(c) -> bool:
    """Whether a candidate the recogniser took for an organisation is one capitalised word
    standing alone ("Mandela demanded a meeting"), no "the" before it: a name the
    dictionary may know as one leader's own (an alias), never a country's."""
    span = c.span
    return (
        c.ner == "ORG"
        and len(span) == 1
        and span[0].is_title
        and (span.start == 0 or span.doc[span.start - 1].lower_ != "the")
    )


def _phrase_words(head) -> list:
    """The words of the noun phrase ``head`` heads with its prepositional phrases ("the
    foreign relations committee in Russia's lower house"), not what is joined or set beside
    it ("..., Research Director of the Valdai Club, and Editor-in-Chief of X") nor its
    articles and punctuation."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        stack += [c for c in token.children
                  if c.dep_ not in ("appos", "conj", "cc", "punct", "relcl", "acl", "det")]  # fmt: skip
    return sorted(out, key=lambda t: t.i)


def _has_governed(actor: Actor) -> bool:
    """Whether ``actor`` is a person who has held his state's government (a GOV role): "the
    Reagan administration" is the state's government, "the Guaido administration" or "the
    Haftar government" a rival's, no state's."""
    return (
        actor.kind == "person"
        and bool(actor.country)
        and any(role.sector == "GOV" for role in actor.roles)
    )


def _known_as(candidates: list, aliases: dict) -> None:
    """'X, (also | better | widely) known as Y' and 'X, the governor of Jakarta better known
    as Ahok': Y is another name of X wherever the text uses it (the name after "known as"
    hangs on X or on X's apposition). An acronym's definition, read first, is kept."""
    by_root = {c.span.root.i: c for c in candidates}
    for c in candidates:
        root = c.span.root
        known = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else None
        if known is None or known.lower_ != "known" or known.dep_ != "acl":
            continue
        named = known.head
        if named.i not in by_root and named.dep_ == "appos":
            named = named.head  # "Purnama, the outgoing governor ... known as Ahok"
        owner = by_root.get(named.i)
        if owner is None or owner is c or owner.span.root.i == root.i:
            continue
        target = owner.actor or owner
        aliases.setdefault(c.span.text, target)
        aliases.setdefault(normalise(c.span.text), target)


def _attached_place(token, preps: tuple[str, ...] | None = None) -> object | None:
    """The object of a locative preposition after ``token`` ("Baghdad" of "police in Baghdad"),
    also through a participle that says where a body sits ("a newspaper based in Beirut",
    "a group headquartered in Paris": ``STATIONED``)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in (preps or ATTACHING_PREPS):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "acl" and child.lemma_.lower() in STATIONED and child.i > token.i:
            obj = _attached_place(child, ("in", "at"))
            if obj is not None and preps is None:
                return obj
    return None


def holders(token) -> list:
    """The subjects (or passive agents) of a verb of ``HELD_AT_HOME`` with ``token`` its object
    ("police detained X", "X was jailed by a court", "Syria freed X, a blogger", "a court
    convicted one of the men, X", "a court found X guilty"), or of a verb whose object is such
    a noun ("police opened an investigation into X"); none where ``token`` is no such object."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("appos", "conj", "compound"):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NUM":
            node = node.head.head  # "one of the victims, X"
        else:
            break
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        noun = node.head.head  # "an investigation into X", "the release of X"
        if noun.pos_ in ("VERB", "AUX"):  # the parser hung "into X" on "opened"
            noun = next((c for c in noun.children if c.dep_ == "dobj"), noun)
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in HELD_AT_HOME or noun.dep_ != "dobj":
            return []
        verb = noun.head
    elif node.dep_ in ("dobj", "nsubjpass") and (
        node.head.lemma_.lower() in HELD_AT_HOME
        or any(  # "X was set free", "Yemen let free X" (the parser hangs "free" on X)
            f"{node.head.lemma_.lower()} {c.lower_}" in HELD_AT_HOME
            for c in (*node.head.children, *node.lefts)
            if c.dep_ in ("prt", "acomp", "oprd", "advmod", "amod")
        )
    ):
        verb = node.head
    elif (
        node.dep_ == "nsubj"
        and node.head.pos_ == "ADJ"
        and node.head.dep_ in ("ccomp", "xcomp", "oprd", "acomp")
        and f"{node.head.head.lemma_.lower()} {node.head.lemma_.lower()}" in HELD_AT_HOME
    ):
        verb = node.head.head  # "a court found X guilty", "police set X free"
    else:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "a court convicted X and sentenced him"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        subjects += [g for g in agent.children if g.dep_ == "pobj"]
    return subjects


def place_of(token) -> object | None:
    """The object of "of" after a role noun when it names a place ("the governor of Basra
    province", "the mayor of Cochabamba", "police chief of Kano"): a proper noun the
    recogniser reads as a place, or a province's or district's noun with a name before it;
    not a common noun ("the minister of finance", "a state of emergency")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is None:
                return None
            if obj.pos_ == "PROPN" and obj.ent_type_ in ("GPE", "LOC"):
                return obj
            named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)
            return obj if named and obj.lemma_.lower() in PLACE_NOUNS else None
    return None


def _may_take_context(token, sector: str | None = None) -> bool:
    """Whether a role noun with no country of its own may take one from its context: a
    definite or plural noun ("the government", "officials"), one placed by a preposition
    ("a court in Bishkek"), one owned by "its" or "their" (the owner's: "Turkey said its
    army ..."), or a member of a force, a soldier or a policeman, one of many who need no
    article to be the force's ("a soldier shot a protester in Yangon", "shot dead by a police
    special guard": of the ``sector`` MIL or COP); never a foreign one or one owned otherwise
    ("foreign troops", "his government", "Russia's army", which the owner's mention codes)."""
    if token.lemma_.lower() not in PORTFOLIOS and any(
        c.lower_ in NOT_LOCAL for c in token.children if c.dep_ in ("amod", "compound")
    ):
        return False
    if any(
        (c.dep_ == "poss" and c.lower_ not in ("its", "their"))
        or c.lower_ in ("no", "any", "every")
        for c in token.children
    ):
        return False  # "its army" is its owner's (dyad_actor_context)
    if place_of(token) is not None:
        return True  # "the governor of Basra province": placed by the place it governs
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # "a state of emergency", "the minister of finance": not placed by "in"
    definite = any(
        (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in token.children
    )
    return (
        definite
        or one_of_a_force(token, sector)
        or token.tag_ in ("NNS", "NNPS")
        or _attached_place(token) is not None
    )


def one_of_a_force(token, sector: str | None) -> bool:
    """Whether an indefinite role noun is one member of a force ("a soldier shot a protester
    in Yangon", "a policeman was stabbed in Paris"): one of many, the force's (``sector`` MIL
    or COP), as "soldiers" are; not "a minister", of no state the article says."""
    return sector in FORCE_SECTORS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children
    )


def _shouting(sent: Span) -> bool:
    """Whether a sentence is written in capitals (a headline or a wire slug): three or more
    words of two letters or more, all upper-case."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(words) >= 3 and all(t.is_upper for t in words)


def _located_at(token) -> object | None:
    """The place an object noun is at: attached to it ("an army base in Mali"), or, where the
    parser hung "in" on the verb, the object of an "in" right after it ("attacked an army
    camp in Mali": the camp is where the attack is)."""
    obj = _attached_place(token)
    if obj is not None or token.dep_ != "dobj" or token.i + 1 >= len(token.doc):
        return obj
    prep = token.doc[token.i + 1]
    if prep.lower_ == "in" and prep.dep_ == "prep" and prep.head.i == token.head.i:
        return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _attacked_there(token) -> bool:
    """Whether a noun is what its clause acts on, or where it strikes ("attacked a police
    station", "a bomb exploded at an army base", "an attack on a police post"), not whence or
    near what ("fired rockets from a captured army base")."""
    if token.dep_ in ("dobj", "obj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("on", "at", "against", "into")


def _in_named_place(token) -> bool:
    """Whether the place a noun is at (``_located_at``) is named: a place's name ("people in
    Nigeria"), or a common noun itself in a named place ("workers in logistics centres in
    Germany", "people in Buner district in Pakistan", "workers at the Cerro Verde mine in
    Peru"); not a place by its noun alone ("workers at a factory")."""
    place = _located_at(token)
    if place is None:
        return False
    if place.ent_type_ in PLACE_ENTITIES:
        return True
    if place.pos_ != "NOUN":
        return False
    inner = _attached_place(place, ("in",))
    return inner is not None and inner.ent_type_ in PLACE_ENTITIES


def _article(token) -> bool:
    """Whether ``token`` is an article before a name: "the" in any case, "a" or "an" in lower
    case (a capital "A" may open a name)."""
    return token.lower_ == "the" or token.text in ("a", "an")


def _is_person(actor) -> bool:
    return actor is not None and actor.kind == "person"


def _place_before(
    token, entities: tuple[str, ...], agents: Mapping[str, Any], adjectives: bool = False
) -> bool:
    """Whether a proper noun that may name a place is compounded right before the noun
    ("California" of "a California man"; a town the recogniser reads as an organisation, in
    ``entities``, as "Lyon" of "a Lyon court"): dyad_actor_context keeps the noun if it is
    one. The first word of a two-word title in ``agents`` is no place ("Prime" of "The Prime
    Minister said", "Foreign" of "the Foreign Secretary"). With ``adjectives``, a capitalised
    word the tagger read as an adjective counts too ("Punjab" of "Punjab government imposed"),
    unless it is a word of ``agents``."""
    return any(
        (c.dep_ == "compound" or (adjectives and c.dep_ == "amod" and c.is_title))
        and c.text[:1].isupper()
        and c.ent_type_ in entities
        and not _two_word_agent(c, token, agents)
        and not (c.dep_ == "amod" and c.lower_ in agents)
        for c in token.lefts
    )


#: nouns of an armed attack (data/context_words.tsv, assault)
ATTACK_NOUNS = context_words()["assault"]


def _group_attacking(token, agents: Mapping[str, Any]) -> bool:
    """Whether ``token`` is an armed group's role word (the agents dictionary's armed groups:
    rebel, guerrilla, separatist...) right before a noun of an armed attack it modifies,
    read as an adjective or a compound ("a rebel ambush", "insurgent attacks"): the group
    attacks. Not a role word of a body's ("an army attack" is the army's: a noun of its own)."""
    role = agents.get(token.lemma_.lower())
    return (
        role is not None
        and role[1] == "armed_group"
        and token.dep_ in ("amod", "compound")
        and token.head.i == token.i + 1
        and token.head.lemma_.lower() in ATTACK_NOUNS
    )


def _two_word_agent(first, token, agents: Mapping[str, Any]) -> bool:
    """Whether ``first``, right before ``token`` and with no words of its own, opens a
    two-word role noun of ``agents`` ("Prime" of "Prime Minister"; not "Court" of "a
    Copenhagen City Court judge")."""
    return (
        first.i == token.i - 1
        and not first.n_lefts
        and any(
            pair in agents
            for pair in (
                f"{first.lemma_.lower()} {token.lemma_.lower()}",
                f"{first.lower_} {token.lower_}",
            )
        )
    )


def _is_facility(span: Span) -> bool:
    return span[0].lower_ in FACILITY_WORDS or span[-1].lower_ in FACILITY_WORDS


def _organisation_head(span: Span) -> tuple[str, str | None]:
    """The head of an organisation's name and the sector it gives (data/org_heads.tsv): its
    last two words or last word before its first preposition ("Ministry of Defence":
    ministry; "the Royal Air Force": air force), as lemmas ("Armed Forces": armed force) or
    as written."""
    # (a firm's abbreviated legal form keeps its full stop: "Inc.", "Corp.")
    words = [t for t in _before_preposition(span) if t.text.rstrip(".").isalpha()]
    for n in (2, 1):
        if len(words) < n:
            continue
        tail = words[-n:]
        for text in (
            " ".join(t.lower_.rstrip(".") for t in tail),
            " ".join([*(t.lower_ for t in tail[:-1]), tail[-1].lemma_.lower().rstrip(".")]),
        ):
            if text in ORGANISATION_HEADS:
                return text, ORGANISATION_HEADS[text]
    return (words[-1].lemma_.lower() if words else ""), None


def force_noun(token) -> bool:
    """Whether ``token`` is the noun of a force whose members are persons (data/org_heads.tsv
    heads of COP and MIL: "police", "army", "navy"), not of a person holding a title ("chief",
    "officer", "militant") nor a name's own kind ("company Kemira Oyj"), nor the body of a
    title's portfolio ("Secretary General of Parliament X"): before a name, no title of his."""
    return (
        token.lower_.rstrip(".") not in TITLE_WORDS
        and ORGANISATION_HEADS.get(token.lemma_.lower()) in ("COP", "MIL")
        and not (token.i > 0 and token.doc[token.i - 1].lower_ == "of")
    )


def _military_unit(span: Span) -> bool:
    """A name of an army's formation (data/context_words.tsv): a unit head ("Brigade",
    "Army") with an arm in the name ("Mechanized Brigade") or a number or ordinal in it or
    right before it ("the 4th Brigade", "32 Artillery Brigade"); a branch ("Division") with an
    arm only ("the 9th Armoured Division", not "the 2nd Division" of a league). A brigade
    named otherwise is an armed group's ("the Al-Aqsa Martyrs Brigades")."""
    words = list(_before_preposition(span))
    if not words or words[-1].lower_ not in UNIT_HEADS | UNIT_BRANCHES:
        return False
    if any(t.lower_ in UNIT_WORDS for t in words[:-1]):
        return True
    if words[-1].lower_ in UNIT_BRANCHES:
        return False
    sent_start = span.sent.start
    before = span.doc[span.start - 1] if span.start > sent_start else None
    return any(t.like_num or t.ent_type_ == "ORDINAL" for t in words[:-1]) or (
        before is not None and (before.like_num or before.ent_type_ == "ORDINAL")
    )


def _head_words(span: Span) -> set[str]:
    """Skeleton words of a name before its first preposition: 'Movement in Ahwaz' -> not 'Ahwaz'."""
    return set(skeleton(_before_preposition(span).text).split())


def _before_preposition(span: Span) -> Span:
    """The words of a name before its first preposition ("Ministry" of "Ministry of Defence")."""
    cut = next((t.i for t in span if t.pos_ == "ADP" and t.i > span.start), span.end)
    return span.doc[span.start : cut]


_NO = Actor("", "", "", None, None)  # no actor: a default for lookups


@dataclass
class _Candidate:
    span: Span
    actor: Actor | None = None
    label: str = "name"
    confidence: float = 1.0
    country_hint: str | None = None
    ner: str | None = None
    #: the sector an in-text title gives a person ("Prime Minister X" -> GOV; "former ..." -> ELI)
    title_sector: str | None = None
    #: the international organisation or NGO a title names the person for ("U.N.
    #: Secretary-General X", "NATO spokesman X", "X, the UN envoy"): the person acts for it
    title_org: Actor | None = None
    #: a name running on over a place the recogniser split off ("Al-Qa'ida in Iraq"): the
    #: dictionary's matches inside it are its words, not actors of their own
    embeds: bool = False
    #: where the code came from when a rule other than the actor's own entry set it (one of
    #: CODE_SOURCES); None: derived from the actor in ``_as_dict``
    code_source: str | None = None
    #: a role noun's own kind ("court": government), for coding it once a country is known
    noun_kind: str | None = None
    #: a country-less role noun kept only if dyad_actor_context finds its country
    pending: bool = False
    #: what alone may give a pending noun its country: None (any context), "modifier" (a place
    #: named before it: "a California man"), "attachment" (before it or attached by a
    #: preposition: "an army base in northern Afghanistan") or "held" (the place it holds:
    #: "rebel-held Idlib"), never the sentence or document
    placed_by: str | None = None
    #: an acronym the text defines as a body of its own ("the Transitional Military Council
    #: (TMC)"), not the dictionary's body of those letters: looked up in no dictionary
    redefined: bool = False

    @cached_property
    def n_words(self) -> int:
        return len(skeleton(self.span.text).split())

    @cached_property
    def head_words(self) -> set[str]:
        return _head_words(self.span)


class _Named:
    """The document's candidates that have an actor, found by their head words: a short form
    ("Sadr") asks only the names holding its words ("Muqtada al-Sadr"), not every name of the
    document (which made a long text quadratic). Candidates get an actor once and keep it, so
    each is added once, when it gets one."""

    def __init__(self, candidates: list[_Candidate]) -> None:
        self.position = {id(c): n for n, c in enumerate(candidates)}
        # (n_words, head_words) -> (actor id, is a person) -> (positions, actor)
        self.groups: dict[tuple[int, frozenset[str]], dict[tuple[str, bool], tuple]] = {}
        self.by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for c in candidates:
            if c.actor is not None:
                self.add(c)

    def add(self, c: _Candidate) -> None:
        key = (c.n_words, frozenset(c.head_words))
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = {}
            for word in key[1]:
                self.by_word.setdefault(word, []).append(key)
        entry = (c.actor.id, c.actor.kind == "person")
        position = self.position[id(c)]
        positions, _ = group.get(entry, ([], None))
        group[entry] = ([*positions, (position, c.span.sent.start)], c.actor)

    def same_person(self, c: _Candidate) -> Actor | None:
        """The dictionary's person an earlier candidate of the same words has, where exactly
        one has it ("Clinton" after "President Clinton", whose title resolved him)."""
        group = self.groups.get((c.n_words, frozenset(c.head_words)), {})
        persons = {actor.id: actor for (_, person), (_, actor) in group.items() if person}
        if len(persons) != 1:
            return None
        (actor,) = persons.values()
        # (a dictionary's person only: a name the text alone knows says nothing more)
        return None if actor.source == "text" else actor

    def longer(
        self, words: set[str], persons_only: bool, before: int | None = None
    ) -> dict[str, tuple[tuple[int, int], Actor]]:
        """Actor id -> ((position, sentence start), actor) of the candidates with more words
        than ``words`` whose head words hold them all (persons only if asked); of one id, the
        actor of the candidate last in the document, and where its last candidate before
        ``before`` stands ((-1, -1) for none)."""
        keys = min((self.by_word.get(w, []) for w in words), key=len)
        last: dict[str, tuple[tuple[int, int], tuple[int, int], Actor]] = {}
        for n_words, heads in keys:
            if n_words <= len(words) or not words <= heads:
                continue
            for (actor_id, person), (positions, actor) in self.groups[(n_words, heads)].items():
                if persons_only and not person:
                    continue
                latest = max(positions)
                earlier = max(
                    (p for p in positions if before is None or p[0] < before), default=(-1, -1)
                )
                if actor_id in last:
                    latest = max(latest, last[actor_id][0])
                    earlier = max(earlier, last[actor_id][1])
                last[actor_id] = (latest, earlier, actor)
        ordered = sorted(last.items(), key=lambda x: x[1][0])
        return {a: (earlier, actor) for a, (_, earlier, actor) in ordered}


def _entity_around(entity_of: list[Span | None], span: Span) -> Span | None:
    """The entity ``span`` lies inside (``entity_of``: each token's entity), if any."""
    ent = entity_of[span.start]
    return ent if ent is not None and span.end <= ent.end else None


def _inside_a_person(entity_of: list[Span | None], span: Span) -> bool:
    """Whether ``span`` is part of a longer name the recogniser takes for a person's."""
    ent = _entity_around(entity_of, span)
    return ent is not None and ent.label_ == "PERSON" and len(ent) > len(span)


def _of_a_name(noun) -> bool:
    """Whether ``noun`` has an "of" phrase whose object is a name ("a unit of 1MDB")."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(
            g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ or not g.is_lower)
            for g in child.children
        )
        for child in noun.children
    )


def _us_party_word(token) -> bool:
    """Whether ``token`` is the capitalised word of a US party standing alone ("Republican",
    "Democratic", "GOP", "Republican-led"): no capitalised word of another party's name
    before or after it ("Social Democratic", "Democratic Progressive Party")."""
    doc = token.doc
    if token.lower_ not in US_PARTY or not token.text[:1].isupper():
        return False
    before = doc[token.i - 1] if token.i else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.is_title and not before.is_stop:
        return False  # "Christian Democratic", not "The Republican"
    return not (after is not None and after.text[:1].isupper() and after.lower_ not in US_CONGRESS)


def _inside_a_region(entity_of: list[Span | None], span: Span, actor: Actor) -> bool:
    """Whether ``span``, a state's short name, is part of a longer name the recogniser takes
    for a region ("America" of "Latin America" and "South America's"): a part of a continent's
    name, not the state. A state's own name inside a region's is the state ("Western
    Cambodia", "northern Iraq": a part of it), and a state named in full ("South Africa") is
    matched whole."""
    if normalise(span.text) == normalise(actor.name):
        return False
    ent = _entity_around(entity_of, span)
    if ent is None or ent.label_ != "LOC":
        return False
    words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
    return len(words) > len(span)


def _before_owner(doc: Doc, start: int) -> int:
    """The word before a name that may own it: before a possessive's "'s" the owner's word
    (a name at the text's start has none: ``start`` must be above 0)."""
    before = start - 1
    if doc[before].tag_ == "POS" and before:
        before -= 1
    return before


#: words a name's initials leave out ("Organisation of the Islamic Conference": OIC)
_INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "in", "on", "to", "&", "-"})


def _bears(actor: Actor, name: Span) -> bool:
    """Whether one of ``actor``'s names opens with the words of ``name`` ("National
    Liberation Army of Colombia" bears "National Liberation Army")."""
    words = normalise(name.text)
    return any(normalise(n).startswith(words) for n in (actor.name, *actor.aliases))


def _a_body(candidate: _Candidate) -> bool:
    """Whether a candidate names an organisation or a group: a dictionary actor that is no
    state, place nor person, or the recogniser's organisation with no actor yet whose name
    has a group's head word ("Bougainville Revolutionary Army"; not "Uttar Pradesh", which
    the recogniser also reads as an organisation)."""
    if candidate.actor is not None:
        return candidate.actor.kind not in ("state", "person", "place")
    return candidate.ner == "ORG" and any(t.lower_ in ORG_HEADS for t in candidate.span)


def _spells(name: Span, acronym: str) -> bool:
    """Whether the initials of ``name``'s words (its small words aside) spell ``acronym``."""
    initials = "".join(
        t.text[0] for t in name if t.lower_ not in _INITIAL_SKIPS and t.text[0].isalnum()
    )
    return initials.upper() == acronym.upper()


def names_a_gathering(token: Token) -> bool:
    """Whether a word is the place a pact or a meeting after it is named after ("the Minsk
    agreements", "the Vienna talks", "the Oslo Accords"): a compound of a GATHERINGS noun."""
    head = token.head
    return (
        token.dep_ == "compound"
        and head.i > token.i
        and (head.lower_ in GATHERINGS or head.lemma_.lower() in GATHERINGS)
    )


def names_a_pact(span: Span) -> bool:
    """Whether a place's name names the pact after it ("the Helsinki accord", "under the
    Fourth Geneva Conventions": data/context_words.tsv named_document): where it was signed,
    perhaps, but neither a town the text is set in nor evidence of whose the people around it
    are."""
    root = span.root
    return (
        root.dep_ in ("compound", "nmod", "amod")
        and root.head.i >= span.end
        and root.head.lower_ in NAMED_DOCUMENTS
    )


def _lower_case_text(sent: Span) -> bool:
    """Whether a sentence is written without capitals (a chat line, a lower-cased feed), so a
    name in lower case may still be a name."""
    return not any(t.is_title or t.is_upper for t in sent if t.is_alpha and len(t) > 1)


#: the most words a run of proper nouns is read as one person's name
_RUN_WORDS = 4


def _proper_noun_runs(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each run of two to _RUN_WORDS capitalised proper nouns, a hyphenated
    syllable kept with its word ("Ma Ying-jeou", "Moon Jae-in")."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not (doc[i].pos_ == "PROPN" and doc[i].is_title):
            i += 1
            continue
        j, words = i + 1, 1
        while j < n:
            if (
                doc[j].text == "-"
                and j + 1 < n
                and not doc[j - 1].whitespace_
                and not doc[j].whitespace_
                and doc[j + 1].is_alpha
                and doc[j + 1].is_lower
            ):
                j += 2  # "Ying-jeou": one word of the name ("Secretary-General" is two)
            elif doc[j].pos_ == "PROPN" and doc[j].is_title:
                j, words = j + 1, words + 1
            else:
                break
        if 2 <= words <= _RUN_WORDS:
            runs.append((i, j))
        i = j
    return runs


class ActorLinker:
    def __init__(
        self, nlp: Language, dictionaries: list[str], use_builtin: bool, rare_surname: int
    ) -> None:
        self.dictionary: ActorDictionary = load_dictionary(tuple(dictionaries), use_builtin)
        self.rare_surname = rare_surname
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact: dict[str, list] = {}
        lower: dict[str, list] = {}
        for surface, actor_id in self.dictionary.names():
            for name in {surface, surface.replace("'", "’")}:
                pattern = nlp.make_doc(name)
                if len(pattern) == 1 or len(name) <= 4 or ("." in name and " " not in name):
                    variants = {name, name.upper()} if not name.isupper() else {name}
                    exact.setdefault(actor_id, []).extend(
                        pattern if v == name else nlp.make_doc(v) for v in variants
                    )
                else:
                    lower.setdefault(actor_id, []).append(pattern)
        for actor_id, patterns in exact.items():
            self.exact.add(actor_id, patterns)
        for actor_id, patterns in lower.items():
            self.lower.add(actor_id, patterns)
        self.capitals = self.dictionary.capitals
        self._title_vocabulary: frozenset[str] | None = None  # _title_words_of
        # the lemmatizer's WordNet index: English words are no new names after a title
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._doc_key = ""  # the document being read: see _composite
        self._published: date | None = None  # its publication date: see _titled_person

    # -- entry point ---------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        self._doc_key = hashlib.sha256(text.encode()).hexdigest()[:12]
        self._published = _published(doc)
        candidates = self._dictionary_candidates(doc, text)
        candidates += self._entity_candidates(doc, text, candidates)
        for name in [c for c in candidates if c.label == "described" or c.embeds]:
            name.label = "name"  # a whole name wins over dictionary words inside it ("Arab")
            candidates = [
                c
                for c in candidates
                if c is name
                or c.actor is None
                or not (name.span.start <= c.span.start and c.span.end <= name.span.end)
            ]
        candidates.sort(key=lambda c: c.span.start)
        aliases = self._acronym_definitions(doc, candidates)
        _known_as(candidates, aliases)
        self._resolve_names(candidates, aliases)
        # "BAGHDAD (Reuters) -": where and who filed it; "By Ali Kamal, The Canadian Press":
        # who wrote it. No one there acts
        filed = {i for a, b in (*dateline_spans(doc), *_byline_spans(doc)) for i in range(a, b)}
        mentions = [c for c in candidates if c.actor is not None and c.span.start not in filed]
        mentions += _missed_surnames(doc, mentions, self._title_words_of)
        mentions.sort(key=lambda c: c.span.start)
        _one_title_per_person(mentions)
        _groups_the_text_qualifies(mentions, self.dictionary.country_of_demonym)
        # "the Minsk agreements", "the Oslo Accords": a pact named after a town, which is no
        # party to it and places no one (a state's name is a party: "the Iran-Iraq accord");
        # no mention at all (a meeting's or games' town is their place: "the Vienna talks")
        mentions = [
            c
            for c in mentions
            if not (
                c.actor.kind == "state"
                and names_a_pact(c.span)
                and normalise(c.span.text) in self.capitals
            )
        ]
        for c in mentions:
            if self._is_place(c):
                c.label, c.confidence = "place", 0.9
            elif c.actor.kind in PEOPLE_KINDS and not c.actor.country:
                c.country_hint = self._demonym_before(c.span)
        nominal = self._nominal_mentions(doc, mentions)
        for c in mentions:
            if c.actor.kind == "state" and c.label != "place" and _owns_non_state(c.span):
                c.label = "modifier"  # "India's cricket board": the board acts, not India
        nominal = [c for c in nominal if c.span.start not in filed]
        self._titled_references(nominal, mentions)
        mentions += [c for c in nominal if not c.pending]
        mentions += self._stance_words(doc, mentions)
        mentions.sort(key=lambda c: c.span.start)
        mentions += self._back_references(doc, mentions)
        mentions += self._name_head_references(doc, mentions)
        mentions += self._compass_references(doc, mentions)
        mentions += self._state_references(doc, mentions)
        mentions.sort(key=lambda c: c.span.start)
        doc._.dyad_actors = [self._as_dict(c) for c in mentions]
        # role nouns waiting for a country from their context (dyad_actor_context)
        doc._.dyad_actors_pending = [self._as_dict(c) for c in nominal if c.pending]
        return doc

    # -- candidates ----------------------------------------------------------------------

    def _dictionary_candidates(self, doc: Doc, text: str) -> list[_Candidate]:
        spans = [Span(doc, s, e, label=key) for key, s, e in self.exact(doc) + self.lower(doc)]
        spans += self._converted_persons(doc)
        out = []
        widened: set[tuple[int, int]] = set()
        # a state body's name the text gave another country's owner: that country
        owned_elsewhere: dict[tuple[str, str], str] = {}  # (actor id, the words) -> owner
        entity_of = entities_by_token(doc)  # once: Doc.ents is rebuilt on every read
        for span in filter_spans(spans):
            actor = self.dictionary.actors[span.label_]
            if actor.kind == "person" and (other := self._homonym(span.text)) is not None:
                actor = other  # "President Bush" in 1990: the father (the matcher took one)
            if _is_credit(text, span, slashed_name=True):
                continue  # "REUTERS/Jorge Silva": the agency credits a photo, it does not act
            if actor.kind != "person" and not any(c.isupper() for c in span.text):
                # "a group of seven men": an organisation's name matched without its capitals
                # (a person's title the dictionary keeps, "the supreme leader", is lowercase)
                continue
            if (
                len(span) == 1
                and span[0].is_upper
                and actor.kind != "state"
                and (actor.source == "agencies.tsv" or span[0].is_stop)
                and _shouting(span.sent)
            ):
                # "ICE STORM HITS TEXAS", "PEACE IS NEAR": in a line of capitals an agency's
                # acronym or a common word is a word; "TALIBAN", "ISIS" and "US" stay names
                continue
            if self._owned_by_another(doc, span, actor):
                # "the Philippine Department of Transportation": not the US one; nor is the
                # text's later bare name of it ("Peru's Congress ... Congress voted"): that
                # is the owner's body the text named first
                owner = self._country_word(doc, _before_owner(doc, span.start))[0]
                owned_elsewhere.setdefault((actor.id, normalise(span.text)), owner)
                continue
            if self._ends_another_name(doc, entity_of, span, actor):
                continue
            owner = owned_elsewhere.get((actor.id, normalise(span.text)))
            if owner is not None and (
                not span.start or self._country_word(doc, _before_owner(doc, span.start))[0] is None
            ):
                # (the same bare words, no owner of their own: "the U.S. Congress" is the
                # dictionary's)
                body = self._composite(owner, actor.sector or "", actor.kind)
                out.append(_Candidate(span, body, "nominal", confidence=0.8))
                continue
            if actor.kind == "state" and _inside_a_person(entity_of, span):
                continue  # "Jordan Peterson", "Chad Smith": a person's name, not the state
            if actor.kind == "state" and _inside_a_region(entity_of, span, actor):
                continue  # "Latin America": a continent's name
            if actor.kind == "person" and _named_after(entity_of, span):
                continue  # "the Nelson Mandela Foundation", "Gbagbo Street Market"
            if actor.kind == "person" and self._another_persons_surname(entity_of, span, actor):
                continue  # "Winnie Mandela", "Nancy Reagan": not Nelson, not Ronald
            whole = self._known_entity_around(doc, entity_of, span)
            if whole is not None:  # "Congo" of "the Democratic Republic of Congo"
                if (whole[0].start, whole[0].end) in widened:
                    continue  # two names inside one entity: it is one mention
                span, actor = whole
                widened.add((span.start, span.end))
            embeds = False
            if actor.kind not in ("state", "person"):  # "Al-Qa'ida" of "Al-Qa'ida in Iraq"
                end = self._embedding_name_end(doc, span.start, span.end)
                if end > span.end:
                    span, embeds = Span(doc, span.start, end), True
                    actor = self.dictionary.lookup(span.text)
            label = "metonym" if normalise(span.text) in self.capitals else "name"
            if actor.kind in ("ethnic", "religious") and (
                span.root.dep_ in ("amod", "compound", "acomp") or span.root.pos_ == "ADJ"
            ):
                label = "modifier"  # "a Shiite regime": an attribute, not an actor
            elif actor.kind == "state" and span.root.dep_ in ("amod", "acomp"):
                label = "modifier"  # "Saudi allies"; _nominal_mentions codes "Saudi officials"
            candidate = _Candidate(span, actor, label, embeds=embeds)
            if actor.kind == "person":  # "President Trump", "Russia's foreign minister Lavrov"
                candidate.country_hint, candidate.title_sector, candidate.title_org = self._title(
                    doc, span.start, span.start, span
                )
                inside = 0  # an alias that holds its title ("President Trump") still has it
                while inside < len(span) - 1 and span[inside].lower_.rstrip(".") in TITLE_WORDS:
                    inside += 1
                if inside and candidate.title_sector is None:
                    # with the words that make it another office before it ("former")
                    first = span.start
                    while first and doc[first - 1].lower_ in ("former", "ex", "-"):
                        first -= 1
                    words = list(doc[first : span.start + inside])
                    country, candidate.title_sector = self._title_words(doc, words)
                    candidate.country_hint = candidate.country_hint or country
            out.append(candidate)
        return out

    def _known_entity_around(
        self, doc: Doc, entity_of: list[Span | None], span: Span
    ) -> tuple[Span, Actor] | None:
        """The entity a dictionary name lies inside, and its actor, when the dictionary knows
        the whole entity under a spelling its phrase patterns lack ("the Democratic Republic
        of Congo", whose "Congo" alone is the other Congo): the longest known name wins."""
        ent = _entity_around(entity_of, span)
        if ent is None or ent.label_ not in ("GPE", "ORG", "NORP"):
            return None
        start = ent.start + (ent[0].lower_ == "the")
        end = ent.end - (ent[-1].tag_ == "POS")  # "North Korea's": the name, not its 's
        if end - start <= len(span):
            return None
        whole = doc[start:end]
        actor = self.dictionary.lookup(whole.text)
        return (whole, actor) if actor is not None else None

    def _owned_by_another(self, doc: Doc, span: Span, actor: Actor) -> bool:
        """Whether a state body's name follows a demonym or a state's name of another country
        ("the Philippine Department of Transportation", "Pakistan's Interior Department"):
        that country's own body, which the entity path codes by its demonym."""
        if actor.kind not in ("government", "military") or not actor.country or not span.start:
            return False
        before = _before_owner(doc, span.start)
        if after_stance_prefix(doc, before):
            return False  # "the pro-Iranian Popular Mobilisation Forces": a stance, not an owner
        country, _ = self._country_word(doc, before)
        return country is not None and country != actor.country

    def _another_persons_surname(
        self, entity_of: list[Span | None], span: Span, actor: Actor
    ) -> bool:
        """Whether a dictionary person's one-word name (his surname, "Mandela") ends a longer
        name the recogniser reads as a person's that is none of his ("Winnie Mandela", "Nancy
        Reagan"): another person of that family, whom the entity path names whole; not his
        own full name or his title with it ("Nelson Mandela", "President Mandela")."""
        if len(span) != 1:
            return False
        ent = _entity_around(entity_of, span)
        if ent is None or ent.label_ != "PERSON" or len(ent) == len(span):
            return False
        before = [t for t in ent if t.i < span.start and t.lower_.rstrip(".") not in TITLE_WORDS]
        if not before or not all(t.is_title or t.is_upper for t in before):
            return False
        found = self.dictionary.lookup(ent.text)
        if found is not None and found.id == actor.id:
            return False
        # his first name with initials after it ("Helmut J. Kohl", "Nelson R. Mandela")
        given = [t for t in before if len(t.text.rstrip(".")) > 1]
        firsts = {normalise(n).split()[0] for n in (actor.name, *actor.aliases) if " " in n}
        return not (given and normalise(given[0].text) in firsts)

    def _ends_another_name(
        self, doc: Doc, entity_of: list[Span | None], span: Span, actor: Actor
    ) -> bool:
        """Whether a state body's name ("Congress", "Senate") is the last word of a longer
        organisation's name that does not name the body's own country ("the All Progressives
        Congress", "the Indian National Congress"): another body, which the entity path names
        whole; "the U.S. Congress" and "American Congress" stay the body. An international
        body's name likewise ("Burundi's National Security Council" is not the UN's), unless
        the words before name an international body ("the U.N. Security Council")."""
        igo = actor.kind == "igo"
        if not igo and (actor.kind not in ("government", "military") or not actor.country):
            return False
        ent = _entity_around(entity_of, span)
        if ent is None or ent.label_ != "ORG":
            return False
        end = ent.end - (ent[-1].tag_ == "POS")
        # (an acronym the recogniser took in after a bracket ends no name: "the Pan Africanist
        # Congress (PAC" ends at "Congress")
        end = next((t.i for t in doc[span.end : end] if t.text == "("), end)
        before = [t for t in doc[ent.start : span.start] if t.lower_ != "the"]
        if span.end != end or not before or not all(t.is_title or t.is_upper for t in before):
            return False
        if igo:  # "the U.N. Security Council" stays; "Bahrain's ... Council" is Bahrain's
            return not any(
                (found := self.dictionary.lookup(t.text)) is not None and found.kind == "igo"
                for t in before
            )
        return all(self._country_word(doc, t.i)[0] != actor.country for t in before)

    def _entity_label(self, ent: Span) -> str:
        """The recogniser's label of ``ent``, but a "person" whose last word ends an
        organisation's name (context_words.tsv, organisation_noun) is an organisation ("Delhi
        Police arrested", read as a person at the start of a sentence)."""
        last = ent[-1]
        if (
            ent.label_ == "PERSON"
            and len(ent) > 1
            and last.is_title
            and last.lemma_.lower() in ORGANISATION_NOUNS
        ):
            return "ORG"
        if self._dated_person(ent):
            return "PERSON"
        if ent.label_ == "NORP" and self._group_named_as_people(ent):
            return "ORG"
        return ent.label_

    def _group_named_as_people(self, ent: Span) -> bool:
        """Whether a "nationality or group" entity is an armed group's or a party's name in
        the dictionary ("A senior Shabaab commander", read as a people): the group, not
        a people's adjective."""
        words = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        actor = self.dictionary.lookup(words.text)
        return actor is not None and actor.kind in ("armed_group", "party")

    def _dated_person(self, ent: Span) -> bool:
        """Whether ``ent`` is a day or a month run into the name after it ("on Saturday Saleh
        said", read as one title; "in March Karzai told"): the name is a person's where the
        text names that person elsewhere (a person entity ending in its last word) or the
        dictionary knows it."""
        first = ent[0].lower_
        if (
            len(ent) < 2
            or len(ent) > 4
            or not (first in CALENDAR_WORDS and ent[0].is_title)
            or not all(t.pos_ == "PROPN" and t.is_title for t in ent[1:])
        ):
            return False
        name = ent[1:]
        if _is_person(self.dictionary.lookup(name.text)):
            return True
        return any(
            other.label_ == "PERSON" and other.start != ent.start and other[-1].text == ent[-1].text
            for other in ent.doc.ents
        )

    def _converted_persons(self, doc: Doc) -> list[Span]:
        """Persons of the converted dictionary (which the phrase matcher does not look for)
        named by a run of two to four capitalised proper nouns, where the recogniser took no
        name or a shorter one: "Theresa May" read as no entity, "Imran Khan" as "Khan",
        "Pervez Musharraf" as none. The run's words are looked up whole, past its opening
        titles ("President Laurent Gbagbo"), by exact name only."""
        out = []
        entity_of = entities_by_token(doc)
        for start, end in _proper_noun_runs(doc):
            for first in range(start, end - 1):
                ent = entity_of[first]
                if (
                    ent is not None
                    and ent.label_ == "PERSON"
                    and ent.start <= first
                    and end <= ent.end
                ):
                    break  # the recogniser's own person name, read as ever
                if doc[first].lower_.rstrip(".") in TITLE_WORDS:
                    continue  # a title is no word of the name ("Secretary-General Kofi Annan")
                actor = self.dictionary.person_named(doc[first:end].text)
                if actor is not None and actor.id in self.dictionary.lookup_only:
                    out.append(Span(doc, first, end, label=actor.id))
                break  # only titles are dropped: "Ali Abdullah" of "Mohammed Ali Abdullah"
                # is another man (his father, in an Arabic name)
        return out

    def _entity_candidates(self, doc: Doc, text: str, taken: list[_Candidate]) -> list[_Candidate]:
        used = {i for c in taken for i in range(c.span.start, c.span.end)}
        starting: dict[int, list[_Candidate]] = {}  # once: not a scan of them per entity
        for c in taken:
            starting.setdefault(c.span.start, []).append(c)
        out = []
        for ent in doc.ents:
            label = self._entity_label(ent)
            opening = self._opening_state(ent, starting) if label == "ORG" else None
            if label not in ("PERSON", "ORG", "NORP", "GPE") or any(
                i in used for i in range(ent.start, ent.end) if opening is None or i >= opening
            ):
                continue
            if _is_credit(text, ent):
                continue  # "REUTERS/Jorge Silva": a photo credit, nobody acting
            if self._common_noun_opening(ent):
                continue  # "Attendees cheered": a plural noun the NER read as a name
            if (
                any(t.is_alpha for t in ent)
                and all(t.is_lower for t in ent if t.is_alpha)
                and not _lower_case_text(ent.sent)
                and not (ent.start and doc[ent.start - 1].lower_.rstrip(".") in TITLE_WORDS)
            ):
                continue  # "searching the bush": a word in lower case, no name (one after a
                # title is a name written carelessly: "President obama")
            start, hint = ent.start, None
            while (
                start < ent.end - 1
                and (doc[start].like_num or doc[start].pos_ == "NUM")
                and not (ORDINAL.fullmatch(doc[start].text) and start < doc[start].head.i < ent.end)
            ):
                start += 1  # "20 IS militants": the number is no part of the name (an
                # ordinal is, "the 93rd Mechanized Brigade" is not the 72nd, where the parse
                # hangs it on the name)
            # an article the recogniser took in ("the", and a lower-case "a" or "an": "a World
            # Economic Forum (WEF) conference") is no word of the name
            untitled = start + (_article(doc[start]) and start < ent.end - 1)
            while start < ent.end - 1 and (
                doc[start].lower_.rstrip(".") in TITLE_WORDS
                or (label == "PERSON" and self.dictionary.country_of_demonym(doc[start].text))
                or _article(doc[start])
                or (start == ent.start and label == "PERSON" and self._dated_person(ent))
            ):
                hint = hint or self.dictionary.country_of_demonym(doc[start].text)
                start += 1
            end = ent.end
            if label == "PERSON":
                end = self._cut_name_end(doc, end, used)
            opened = next((t.i for t in doc[start + 1 : end] if t.text == "("), None)
            if opened is not None and not any(t.text == ")" for t in doc[opened:end]):
                end = opened  # "The Foreign Office (FO": the name ends before its acronym
            if end - start > 1 and doc[end - 1].tag_ == "POS":
                end -= 1
            while end - start > 1 and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
                end -= 1  # "The 4th Division of the": the recogniser ran on into a phrase
            head = doc[end - 1].head
            if (
                label == "ORG"
                and doc[end - 1].dep_ == "compound"
                and head.i == end
                and head.lemma_.lower() in ORG_HEADS
                and head.tag_ == "NN"
                # (not after a name the dictionary knows, unless with the noun too: "the al
                # Shabaab group" is al Shabaab, "the Abu Sayyaf group" a name of its own)
                and (
                    self.dictionary.lookup(doc[start:end].text) is None
                    or self.dictionary.lookup(doc[start : end + 1].text) is not None
                )
            ):
                end += 1  # "the Palestinian Islamic Jihad movement"
            if label in ("PERSON", "ORG"):
                end = self._embedding_name_end(doc, start, end)
                used.update(range(ent.end, end))  # "Iraq" of "Al-Qa'ida in Iraq" is no entity
            span = Span(doc, start, end, label=label)
            if label == "NORP":
                continue  # demonyms are handled as modifiers or groups by _nominal_mentions
            if label == "ORG" and self._is_role_phrase(doc[ent.start : ent.end]):
                continue  # "the Supreme Court", "Iran's Foreign Ministry": a role, coded by
                # _nominal_mentions with the country beside it, not a name of its own
            if len(span) == 1 and span[0].lower_.rstrip(".") in TITLE_WORDS:
                continue  # a bare title ("Supreme", "Sec.") is nobody
            if all(t.like_num or t.pos_ == "NUM" or not t.is_alpha for t in span):
                continue  # "four", "20": a quantity is nobody
            if label == "ORG" and start > untitled:
                # "General Mills", "National Democratic Alliance": title words that begin an
                # organisation's name are its words, unless a dictionary person holding the
                # title's office follows them ("President Biden" read as an organisation)
                country, sector, _ = self._title(doc, untitled, start, span)
                person = self.dictionary.lookup(span.text)
                if person is None or person.kind != "person":
                    person = self._titled_person(span, sector, country, strict=True)
                if person is not None:
                    candidate = _Candidate(span, person, "name", 0.8, country, "PERSON")
                    candidate.title_sector = sector
                    out.append(candidate)
                    continue
                span = Span(doc, untitled, end, label=label)
            candidate = _Candidate(span, None, "name", 0.5, hint, label)
            # "the Tokyo Stock Exchange": the state or capital opening it is a word of its name
            candidate.embeds = end > ent.end or opening is not None
            if label == "PERSON":
                country, candidate.title_sector, candidate.title_org = self._title(
                    doc, ent.start, start, span
                )
                if not (candidate.title_sector or country) and self._is_place_name(span):
                    continue  # "Al Anbar province", "in Al Anbar": a place read as a person
                if country is None and candidate.title_org is None:
                    country = self._described_nationality(span)
                candidate.country_hint = candidate.country_hint or country
            elif label != "PERSON" and _is_person(self.dictionary.lookup(span.text)):
                # "Vice President Moody Awori" with the name read as an organisation (or
                # "Nino Burjanadze" as a place): the dictionary's person, whose title in the
                # text still gives the sector
                country, candidate.title_sector, candidate.title_org = self._title(
                    doc, ent.start, start, span
                )
                candidate.country_hint = candidate.country_hint or country
            elif label == "ORG" and not candidate.country_hint:
                # "the Nigerian Export Processing Zones Authority": a name led by a demonym
                candidate.country_hint = self._leading_demonym(span)
            out.append(candidate)
        out += self._named_by_description(
            doc, used | {i for c in out for i in range(c.span.start, c.span.end)}
        )
        out += self._titled_names(
            doc, used | {i for c in out for i in range(c.span.start, c.span.end)}
        )
        return out

    def _opening_state(self, ent: Span, starting: dict[int, list[_Candidate]]) -> int | None:
        """Where a state's or capital's name that opens an organisation's name ends ("Tokyo" of
        "the Tokyo Stock Exchange", "Paris" of "the Paris Club"), when the rest is a name of
        its own, not a role noun ("the US Army", "Kabul police") nor a demonym's ("the Iraqi
        Red Crescent" is read by its demonym)."""
        first = ent.start + (ent[0].lower_ == "the" and len(ent) > 1)
        for c in starting.get(first, ()):
            if (
                c.span.end < ent.end
                and c.actor is not None
                and c.actor.kind == "state"
                and not self.dictionary.country_of_demonym(c.span.text)
                and not self._is_role_phrase(ent.doc[c.span.end : ent.end])
                and all(t.is_title or t.is_upper for t in ent.doc[c.span.end : ent.end])
            ):
                return c.span.end
        return None

    def _titled_names(self, doc: Doc, used: set[int]) -> list[_Candidate]:
        """ "President Mills" where the recogniser found no name: one or two capitalised proper
        nouns after a title, kept only when they name a dictionary person (never a new one)."""
        out = []
        for token in doc[1:]:
            i = token.i
            before = doc[i - 1]
            if (
                i in used
                or token.ent_type_
                or token.pos_ != "PROPN"
                or not token.is_title
                or before.i in used
                or not (
                    before.lower_.rstrip(".") in TITLE_WORDS
                    or before.lemma_.lower() in self.dictionary.agents
                )
            ):
                continue
            end = i + 1
            if (
                end < len(doc)
                and end not in used
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
            ):
                end += 1
            span = doc[i:end]
            country, sector, org = self._title(doc, i, i, span)
            person = self._titled_person(span, sector, country) if org is None else None
            if person is not None:
                candidate = _Candidate(span, person, "short", 0.8, country, "PERSON")
                candidate.title_sector = sector
                out.append(candidate)
                used.update(range(i, end))
            elif (
                sector is not None
                and self._person_title(before)
                and (name_end := self._unknown_name_end(doc, i, used))
            ):
                # "Kharkiv Mayor Ihor Terekhov said", "Lagos State Governor Babajide Sanwo-Olu":
                # a full name the recogniser missed after a title is a person, coded from it
                span = doc[i:name_end]
                candidate = _Candidate(span, None, "name", 0.5, country, "PERSON")
                candidate.title_sector, candidate.title_org = sector, org
                out.append(candidate)
                used.update(range(i, name_end))
        return out

    def _person_title(self, token) -> bool:
        """Whether ``token`` is a title of a person or an office ("Mayor", "Governor"), not a
        noun of an organisation ("NGO" before the Vietnamese name "Ngo Xuan Lich")."""
        if token.lower_.rstrip(".") in TITLE_WORDS:
            return True
        agent = self.dictionary.agents.get(token.lemma_.lower())
        return agent is not None and agent[1] in ("person", "government", "military")

    def _unknown_name_end(self, doc: Doc, start: int, used: set[int]) -> int | None:
        """Where a full name no dictionary knows, starting at ``start`` right after a title,
        ends: two or three capitalised proper nouns (a hyphen may join two: "Sanwo-Olu") that
        end their noun phrase and are no English words ("Pence Draws Applause" of a headline
        is no name; a word joined by a hyphen is read as a name's: "Waker-Uz-Zaman"), none of
        them a word the recogniser gave another type. None otherwise."""
        words, end = 0, start
        while end < len(doc) and end not in used and words < 4:
            token = doc[end]
            joined = token.text == "-" and not token.whitespace_ and doc[end - 1].whitespace_ == ""
            if joined and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
                continue
            if token.pos_ != "PROPN" or not token.is_title or token.ent_type_ not in ("", "PERSON"):
                break
            words += token.text != "-"
            end += 1
        if not 2 <= words <= 3 or doc[end - 1].text == "-":
            return None
        if end < len(doc) and doc[end].pos_ == "PROPN":
            return None  # the name runs on into words not read as one
        # words joined by hyphens of which one is no English word are a name's ("Waker-Uz-Zaman":
        # "Uz"), though another is English ("Waker"); not "Self-Isolates" of a headline
        hyphened = {t.i + d for t in doc[start:end] if t.text == "-" for d in (-1, 1)}
        foreign = any(
            not self._is_english(doc[i]) for i in hyphened if start <= i < end and doc[i].is_alpha
        )
        exempt = hyphened if foreign else set()
        if any(self._is_english(token) for token in doc[start:end] if token.i not in exempt):
            return None
        return end

    def _is_english(self, token) -> bool:
        """Whether a word is an English word of the lemmatizer's WordNet index, as written or
        without a plural ending ("Draws", "Bridges")."""
        word = token.lower_
        forms = {word, word[:-1], word[:-2]} if word.endswith("s") else {word}
        return token.is_alpha and bool(forms & self._english_words)

    def _common_noun_opening(self, ent: Span) -> bool:
        """Whether a one-word entity is a common noun capitalised only because it opens its
        sentence ("Attendees cheered", "Time will tell"): tagged as a noun, no acronym, in no
        dictionary, and a noun of people or things no one is named by (``not_name`` words,
        role nouns; not any English word: "Sanders says" names a person)."""
        token = ent[0]
        if len(ent) != 1 or not token.is_sent_start or token.pos_ != "NOUN" or not token.is_title:
            return False  # "CIS", "MIDI": an acronym is a name
        lemma = token.lemma_.lower()
        return (
            lemma in NOT_NAMES or lemma in self.dictionary.agents or lemma in MEMBER_NOUNS
        ) and not self.dictionary.lookup(token.text)

    def _cut_name_end(self, doc: Doc, end: int, used: set[int]) -> int:
        """The end of a person's name the recogniser cut short ("Maria Corina" of "Maria Corina
        Machado"): the capitalised proper nouns right after it that its last word hangs on as a
        compound, no English words and no entity of their own."""
        while (
            end < len(doc)
            and end not in used
            and doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i == end
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and not doc[end].ent_type_
            and not self._is_english(doc[end])
        ):
            end += 1
        return end

    @cached_property
    def _english_words(self) -> frozenset[str]:
        """Words of the lemmatizer's WordNet index (nouns, verbs, adjectives, adverbs)."""
        if self._lemmatizer is None or not self._lemmatizer.lookups.has_table("lemma_index"):
            return frozenset()
        index = self._lemmatizer.lookups.get_table("lemma_index")
        return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []))

    def _embedding_name_end(self, doc: Doc, start: int, end: int) -> int:
        """The end of the longest organisation's name in the dictionary that starts at ``start``
        and runs on past ``end`` over "in/of/for (the) Place" ("Al-Qa'ida in Iraq",
        "al-Qaeda in the Arabian Peninsula"), which the recogniser splits into a name and a
        place; ``end`` when there is none."""
        best = end
        if end >= len(doc) or doc[end].lower_ not in ("in", "of", "for"):
            return best
        for stop in range(end + 2, min(len(doc), end + 7) + 1):
            word = doc[stop - 1]
            if not (word.is_title or word.is_upper or word.lower_ in ("the", "and", "of")):
                break
            actor = self.dictionary.lookup(doc[start:stop].text)
            if actor is not None and actor.kind not in ("state", "person"):
                best = stop
        return best

    def _is_role_phrase(self, span: Span) -> bool:
        """Whether a name is only a role noun of the agents table ("Supreme Court", "Foreign
        Ministry", "Cabinet"), without "the" or a possessive."""
        words = [t for t in span if t.lower_ != "the" and t.tag_ != "POS"]
        if not words or len(words) > 2:
            return False
        lemmas = [t.lemma_.lower() for t in words]
        return " ".join(lemmas) in self.dictionary.agents or (
            " ".join(t.lower_ for t in words) in self.dictionary.agents
        )

    def _leading_demonym(self, span: Span) -> str | None:
        """The country of a demonym opening a name ("South African", "Iraqi ...")."""
        words = [t for t in span if t.lower_ != "the"]
        if len(words) < 2:
            return None
        two = f"{words[0].text} {words[1].text}"
        if len(words) > 2 and (country := self.dictionary.country_of_demonym(two)):
            return country
        return self.dictionary.country_of_demonym(words[0].text)

    def _country_word(self, doc: Doc, i: int) -> tuple[str | None, int]:
        """(country, first token) of a demonym or state name ending at token ``i``: "Iraqi",
        "South Korean", "U.S.", "Russia" (of "Russia's"); (None, i) otherwise."""
        for first in (i - 1, i):
            if first < 0 or (first < i and doc[first].is_punct):
                continue
            text = doc[first : i + 1].text
            country = self.dictionary.country_of_demonym(text)
            if country is None and doc[i].pos_ == "PROPN":
                country = self._state_country(text)
            if country is not None:
                if self._longer_name_before(doc, first):
                    # "New Mexico Governor X", "New South Wales Premier X", "Northern Ireland
                    # First Minister X": the end of a longer name, a division of another state
                    return None, i
                return country, first
        return None, i

    def _longer_name_before(self, doc: Doc, first: int) -> bool:
        """Whether the word before ``first`` begins a longer proper name with it: a capitalised
        proper noun of the same sentence that is no title nor a country word of its own."""
        if first == 0 or doc[first].is_sent_start:
            return False
        before = doc[first - 1]
        if before.ent_type_ and doc[first].ent_iob_ != "I":
            return False  # "Al Jazeera Iraqi ...", "Washington Post Iraqi ...": another name
        return (
            before.pos_ == "PROPN"
            and before.is_title
            and before.lower_.rstrip(".") not in TITLE_WORDS
            and before.lemma_.lower() not in self.dictionary.agents
            and self.dictionary.country_of_demonym(before.text) is None
            and self._state_country(before.text) is None
        )

    def _state_country(self, text: str) -> str | None:
        """The country of the state ``text`` names, if it names one."""
        actor = self.dictionary.lookup(text)
        return actor.country if actor is not None and actor.kind == "state" else None

    def _title_words(self, doc: Doc, tokens: list) -> tuple[str | None, str | None]:
        """(country, sector) read from the words of a title: "Israeli Prime Minister",
        "Russia's foreign minister", "the former U.S. ambassador"."""
        agents = self.dictionary.agents
        country = sector = None
        former = False
        body = False  # whether the sector came from a body ("army"), not a person's rank
        body_first = 0  # where the words of the title that gave the sector begin
        for k, token in enumerate(tokens):
            found, _ = self._country_word(doc, token.i)
            if found and (
                after_stance_prefix(doc, token.i)
                or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-")
            ):
                # "anti-American preacher X", "Croatian-born tycoon X", "U.S.-based analyst
                # X": a stance, a birthplace or a base, not his country
                found = None
            country = country or found
            former = former or token.lower_ in FORMER_WORDS
            lemma = token.lemma_.lower().rstrip(".")
            previous = k - 1
            if k > 1 and tokens[previous].text == "-":
                # "Secretary-General", "Attorney-General": one title, not a general
                previous -= 1
            pair = f"{tokens[previous].lemma_.lower()} {lemma}" if k else ""
            # a title of three words ("chief of staff", "head of state"): not the last word's
            three = " ".join(t.lower_ for t in tokens[k - 2 : k]) + f" {lemma}" if k > 1 else ""
            hit = agents.get(three) or agents.get(pair) or agents.get(lemma)
            if hit is None and previous < k - 1:
                continue  # "Vice-President", no title of the table: the first word's sector
            if sector is not None and (
                (lemma in VOICE_NOUNS and pair not in agents)
                or (three in agents and body and body_first < k - 2)
            ):
                # "Rebel spokesman X", "Army Chief X", "army chief of staff X" (not "Chief
                # Executive Officer X", whose first two words are a title of their own)
                continue
            if hit and token.pos_ in ("NOUN", "PROPN") and not found:
                sector, body = hit[0], hit[1] != "person"
                if not sector and lemma in OPPOSITE:
                    # "his Ukrainian counterpart Dmytro Kuleba": the office of whom he is the
                    # counterpart of
                    sector = self._counterpart_sector(doc, token) or sector
                body_first = (
                    k - 2 if hit is agents.get(three) else k - 1 if hit is agents.get(pair) else k
                )
                state_at = k - 2 if k > 1 and tokens[k - 1].lower_ in ("'s", "’s") else k - 1
                if (
                    lemma in STATE_LEADER_WORDS
                    and state_at >= 0
                    and self._country_word(doc, tokens[state_at].i)[0]
                    and hit is agents.get(lemma)
                ):
                    # a state's leader, the state's word right before it: its head of state
                    # or government ("Russian leader Vladimir Putin", PETRARCH's STATE_LEADER)
                    sector = "GOV"
        if former and sector is not None:
            sector = "ELI"  # a former office holder is one of the country's elites
        return country, sector

    def _counterpart_sector(self, doc: Doc, token) -> str:
        """The sector of the office a counterpart holds: that of whom the possessive before it
        stands for, the subject of its clause or the name it is joined to ("Foreign Minister
        Lavrov met his Ukrainian counterpart": GOV; "Lavrov and his counterpart"), by that
        holder's title or, with none, the dictionary's sector for him; "" when neither says
        ("their counterparts", "a counterpart")."""
        if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            return ""
        node = token
        while node.dep_ in ("pobj", "prep", "appos", "compound") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "conj":
            holder = node.head
        else:
            holder = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if holder is None or holder.i == token.i or holder.lemma_.lower() in OPPOSITE:
            return ""
        words = list(doc[holder.left_edge.i : holder.i + 1])
        _, sector = self._title_words(doc, [t for t in words if t.lemma_.lower() not in OPPOSITE])
        if sector:
            return sector
        if holder.ent_type_ != "PERSON":
            return ""
        ent = next(e for e in doc.ents if e.start <= holder.i < e.end)
        actor = self.dictionary.lookup(ent.text)
        return (actor.sector_at(self._published) or "") if actor is not None else ""

    def _title(self, doc: Doc, ent_start: int, name_start: int, name: Span):
        """Country and sector a person's title gives: the words before the name ("Lebanese
        Prime Minister Saad Hariri", "Russia's foreign minister Sergei Lavrov") or an
        appositive ("X, the Iraqi defence minister"; "the Belarussian defence minister, X")."""
        i = name_start - 1
        while i >= max(0, ent_start - 8):
            if (title := self._portfolio_start(doc, i)) is not None:
                i = title  # "Minister of Foreign Affairs", "Secretary for Home Affairs"
            elif (
                i >= 2 and " ".join(t.lower_ for t in doc[i - 2 : i + 1]) in self.dictionary.agents
            ):
                i -= 2  # a title of three words: "chief of staff", "head of state"
            t = doc[i]
            word = t.lower_.rstrip(".")
            if not (
                i >= ent_start
                or word in TITLE_WORDS
                or word in ("former", "ex", "-", "'s", "’s")
                or (t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.dictionary.agents)
                or (  # the first word of a title of two: "Housing officer X" (not "officer")
                    t.pos_ in ("NOUN", "PROPN", "ADJ")
                    and i + 1 < name_start
                    and f"{t.lemma_.lower()} {doc[i + 1].lemma_.lower()}" in self.dictionary.agents
                )
                or (  # a lowercase modifier of the title: "Libya's renegade Gen.", "Iraq's new"
                    t.is_lower
                    and t.dep_ in ("amod", "compound")
                    and i < t.head.i
                    and i < name_start - 1
                )
                or (  # a proper noun compounding the title: "U.S. District Judge" (not the
                    # organisation the title is of: "NATO spokesman", "Amnesty International")
                    t.pos_ == "PROPN"
                    and t.dep_ == "compound"
                    and i < t.head.i < name_start
                    and self._organisation_before(doc, i)[0] is None
                )
                or self._country_word(doc, i)[0]
            ):
                break
            i -= 1
        before = list(doc[i + 1 : name_start])
        country, sector = self._title_words(doc, before) if before else (None, None)
        if sector is not None and force_noun(before[-1]):
            # "told police Bassett threatened them": a body's noun right before a name is no
            # title of his (a member's title ends in a person's noun: "police officer X")
            sector = None
        org, first = self._organisation_before(doc, i) if sector and not country else (None, 0)
        if org is not None:
            # "U.S. deputy UN ambassador X": a state's envoy to the organisation, not its own
            # (a country word in the same phrase: not one ending the sentence before, "... in
            # Kyiv. European Commission President X", nor one a comma sets apart)
            start = max(0, first - 3, doc[first].sent.start)
            while any(t.is_punct for t in doc[start:first]):
                start += 1
            for j in range(start, first):
                if found := self._country_word(doc, j)[0]:
                    org, country = None, found
                    break
        elif before and (party := self._employer_before(doc, [i, *(t.i for t in before)])):
            # "ANC spokesman X", "Likud party secretary X": the party's man, not the state's;
            # "Facebook CEO X", "CNN anchor X": the firm's or the outlet's (USABUS, USAMED)
            country = country or party.country
            sector = "ELI" if _former(before) else (party.sector or "PTY")
        elif before and not country:  # "White House senior adviser X", "Pentagon spokesman X"
            country = next(
                (c for k in (i, *(t.i for t in before)) if (c := self._body_before(doc, k))), None
            )
        root = name.root
        nouns = ("NOUN", "PROPN")  # "X, a former Colombian Congressman", "the Grand Mufti, X"
        described = next((c for c in root.children if c.dep_ == "appos" and c.pos_ in nouns), None)
        if described is None and root.dep_ == "appos" and root.head.pos_ in nouns:
            described = root.head
        # a title word in apposition is a title with the words of its office ("X, the US
        # secretary of state", "Iran's foreign minister, X"), as before a name
        titled = described is not None and (
            described.lemma_.lower() in self.dictionary.agents
            or described.lower_.rstrip(".") in TITLE_WORDS
        )
        if titled:
            words = [t for t in described.subtree if t.i <= described.i and t.dep_ != "punct"]
            portfolio = next(
                (c for c in described.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")),
                None,
            )
            office = [t for t in portfolio.subtree if t.dep_ != "punct"] if portfolio else []
            other_country, other_sector = self._title_words(doc, words + office)
            if other_sector is None and office:
                other_country, other_sector = self._title_words(doc, words)
            if described.lemma_.lower() not in self.dictionary.agents and not other_country:
                # a title word alone names no body ("the city's chief of police, X": whose
                # police the table cannot tell); only a state's office does
                other_country = other_sector = None
            ends = [t.i for t in words if t.i < described.i]
            if other_sector and (party := self._employer_before(doc, ends)) is not None:
                # "X, a Hamas spokesman", "X, the ANC's secretary general": the party's or
                # group's man, as before a name ("Hamas spokesman X")
                other_country = other_country or party.country
                other_sector = "ELI" if _former(words) else (party.sector or "PTY")
            if other_sector and not other_country:  # "the Grand Mufti of Egypt, X"
                other_country = self._state_of(described)
            if other_sector and not other_country:
                # "X, the KRG's official spokesperson", "X, a Pentagon spokesman": the state's
                # body that owns the title, as before a name ("Pentagon spokesman X")
                other_country = next(
                    (c for t in words if t.i < described.i and (c := self._body_before(doc, t.i))),
                    None,
                )
            if other_sector and not (country or other_country) and org is None:
                # "X, the UN envoy", "X, NATO's secretary general"
                org = next(
                    (o for t in words if (o := self._organisation_before(doc, t.i)[0]) is not None),
                    None,
                )
            country, sector = country or other_country, sector or other_sector
        if described is not None and described.lemma_.lower() in HEAD_NOUNS and not country:
            # "X, the chair of the Georgian Parliament", "X, the head of Iran's judiciary":
            # who heads or sits in a state's body named after "of" is of its country and
            # sector (the body's words read as a title's: "Georgian Parliament" GEOLEG)
            of = next(
                (c for c in described.children if c.dep_ == "prep" and c.lower_ == "of"), None
            )
            body = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
            if body is not None:
                other_country, other_sector = self._title_words(doc, _phrase_words(body))
                # (a group's own name first: "the commander of the Revolutionary Armed Forces
                # of Colombia, X" is the FARC's, though its words read as Colombia's army)
                firm = self._employer_before(doc, [body.right_edge.i, body.i])
                if firm is not None and firm.kind != "state" and body.right_edge.i != body.i:
                    country, sector = firm.country, firm.sector or "PTY"
                elif other_country and other_sector:
                    country, sector = other_country, other_sector
                elif firm is not None:
                    # "X, the chief executive of Facebook": the firm's (USABUS)
                    country, sector = firm.country, firm.sector or "PTY"
        return country, sector, org

    def _portfolio_start(self, doc: Doc, i: int) -> int | None:
        """The title word before a portfolio ending at token ``i`` ("Minister" of "Minister of
        Foreign Affairs", "Secretary" of "Secretary for Home Affairs"): at most four
        capitalised words (with "and", "the") after "of" or "for" right after a title; None
        when ``i`` ends no such portfolio."""
        j = i
        while j > i - 5 and j > 0 and _portfolio_word(doc[j]):
            j -= 1
        if j == i or doc[j].lower_ not in ("of", "for") or j == 0 or not doc[j + 1].is_title:
            return None
        title = doc[j - 1]
        if title.lower_.rstrip(".") in TITLE_WORDS or self._person_title(title):
            return j - 1
        return None

    def _described_nationality(self, name: Span) -> str | None:
        """The country of the one demonym in the words that describe a person right before
        the name, whatever the noun ("Australian VC recipient X", "British financier and human
        rights activist X"); None for none or several, and not for a demonym compounded with a
        hyphen ("Croatian-born", "Iranian-backed") or after a stance prefix ("anti-American")
        nor a state's name ("Israel critic X", "Russia expert X": its object, not his country)."""
        doc, root = name.doc, name.root
        found, i = set(), name.start - 1
        under_root = {d.i for d in root.subtree}  # once: a root may head a long clause
        while i >= 0 and doc[i].dep_ not in ("det", "punct", "poss", "case", "prep"):
            t = doc[i]
            if t.i not in under_root or t.pos_ in ("VERB", "AUX", "ADP"):
                break
            hyphened = (i + 1 < len(doc) and doc[i + 1].text == "-") or (
                i > 0 and doc[i - 1].text == "-"
            )
            if not hyphened and not after_stance_prefix(doc, i):
                two = i > 0 and self.dictionary.country_of_demonym(f"{doc[i - 1].text} {t.text}")
                if country := two or self.dictionary.country_of_demonym(t.text):
                    found.add(country)
            i -= 1
        return next(iter(found)) if len(found) == 1 else None

    def _body_before(self, doc: Doc, i: int) -> str | None:
        """The country of a state's body whose dictionary name ends at token ``i``, before a
        title ("White House" of "White House senior adviser", "Pentagon" of "Pentagon
        spokesman"), or an acronym the tagger took for an adjective ("NLRB General Counsel");
        None for anything else."""
        if i < 0 or (doc[i].pos_ != "PROPN" and not (doc[i].is_upper and len(doc[i]) > 1)):
            return None
        for first in range(max(0, i - 4), i + 1):
            actor = self.dictionary.lookup(doc[first : i + 1].text)
            if actor is not None and actor.kind in ("government", "military") and actor.country:
                return actor.country
        return None

    def _state_of(self, noun) -> str | None:
        """The state of "of <state>" after a title noun ("Mufti of Egypt", "minister of Iran")."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "PROPN":
                    return self._country_word(obj.doc, obj.i)[0]
        return None

    def _organisation_before(self, doc: Doc, i: int) -> tuple[Actor | None, int]:
        """The international organisation or NGO whose name ends at token ``i`` (before a title:
        "U.N." of "U.N. Secretary-General", "Arab League" of "Arab League Secretary-General")
        and its first token; None for one that is a preposition's object ("ambassador to the UN
        X": a state's envoy to it, not its own)."""
        if i >= 0 and doc[i].lower_ in ("'s", "’s"):
            i -= 1
        if i < 0 or doc[i].is_punct or doc[i].is_space:
            # "... for the U.N. General Assembly.\n\nArmy commander General X": no name ends
            # at a stop or a paragraph break
            return None, 0
        for first in range(max(0, i - 5), i + 1):
            if doc[first].is_punct:
                continue  # ". European Commission" is the name, not the stop before it
            actor = self.dictionary.lookup(doc[first : i + 1].text)
            if actor is None or actor.kind not in ("igo", "ngo"):
                continue
            previous = first - 1
            if previous >= 0 and doc[previous].lower_ == "the":
                previous -= 1
            if previous >= 0 and doc[previous].pos_ == "ADP":
                return None, 0
            return actor, first
        return None, 0

    def _employer_before(self, doc: Doc, ends: list[int]) -> Actor | None:
        """The party, armed group, firm or news outlet whose name ends at one of the tokens
        ``ends`` (of a title: "ANC" of "ANC spokesman", "Taliban" of "Taliban spokesman",
        "Facebook" of "Facebook CEO"), if the dictionary knows one (``_employer``)."""
        for i in ends:
            if i >= 0 and doc[i].lower_ in ("'s", "’s"):
                i -= 1
            for first in range(max(0, i - 5), i + 1):
                span = doc[first : i + 1]
                actor = self.dictionary.lookup(span.text)
                if actor is None or not _employer(actor):
                    continue
                if actor.kind == "armed_group" and (
                    _inside_a_longer_name(doc, first)
                    or not _named_as(span, actor, self.dictionary.by_name)
                ):
                    # "Foundation" of "the Kidney Foundation of Canada" (El Rukn); "countries ,"
                    # (the Contras, by the transliteration key): a group by its own name only
                    continue
                return actor
        return None

    def _is_place_name(self, span: Span) -> bool:
        """A 'person' that is a place: followed by a place noun ("Al Anbar province"), the
        object of a locative preposition without a title ("fighting in Al Anbar"), or where a
        verb of travelling goes or comes from ("flew to Nukus", "travelled from Kandahar";
        data/movement.tsv moving: one travels to a place, not to a person)."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in PLACE_NOUNS:
            return True
        root = span.root
        if (
            self.dictionary.lookup(span.text) is not None
            or root.dep_ != "pobj"
            or any(t.lower_.rstrip(".") in TITLE_WORDS for t in span)
            or any(c.dep_ == "case" for c in root.children)  # "in Trump's speech"
        ):
            return False
        prep = root.head
        return prep.lower_ in ("in", "inside", "near", "across", "throughout", "outside") or (
            prep.lower_ in ("to", "into", "from")
            and prep.head.pos_ == "VERB"
            and prep.head.lemma_.lower() in movement_words()["moving"] - _TO_PERSONS
        )

    @staticmethod
    def _named_by_description(doc: Doc, used: set[int]) -> list[_Candidate]:
        """'a group called Patriotic Arab Front in Khuzestan': a name the recogniser missed."""
        out = []
        for token in doc:
            if (
                token.dep_ == "oprd"
                and token.head.lemma_ in ("call", "name")
                and token.pos_ == "PROPN"
                and token.i not in used
            ):
                start = token.left_edge.i + (1 if token.left_edge.pos_ == "DET" else 0)
                end = token.right_edge.i + 1
                if (
                    all(t.pos_ in ("PROPN", "ADP", "DET", "PUNCT") for t in doc[start:end])
                    and end - start <= 10
                ):
                    out.append(_Candidate(doc[start:end], None, "described", 0.5, None, "ORG"))
        return out

    # -- resolution ----------------------------------------------------------------------

    def _acronym_definitions(
        self, doc: Doc, candidates: list[_Candidate]
    ) -> dict[str, Actor | _Candidate]:
        """'Long Name (ACR)' and 'A or B (ACR)': the acronym and the names denote one actor."""
        aliases: dict[str, Actor | _Candidate] = {}
        redefined: set[str] = set()  # acronyms the text defines as another body's
        ending_at = {c.span.end: c for c in candidates}
        for token in doc[:-2]:
            if (
                token.text != "("
                or doc[token.i + 2].text != ")"
                or not _ACRONYM.match(doc[token.i + 1].text)
            ):
                continue
            first = ending_at.get(token.i)
            if first is None:
                continue
            group = [first]
            while True:  # walk back over "X or Y", "X, also known as Y"
                before = doc[group[-1].span.start - 1] if group[-1].span.start > 0 else None
                if before is None:
                    break
                link_start = before.i
                if before.lower_ == "as" and before.i >= 3 and doc[before.i - 2].lower_ == "also":
                    link_start = before.i - 2 if doc[before.i - 3].text != "," else before.i - 3
                elif before.lower_ not in {"or", "aka"}:
                    break
                previous = ending_at.get(link_start) or ending_at.get(link_start - 1)
                if previous is None or previous in group:
                    break
                group.append(previous)
            known = next((c.actor for c in group if c.actor is not None), None)
            acronym = doc[token.i + 1].text
            inside = next((c for c in candidates if c.span.start == token.i + 1), None)
            if (
                known is not None
                and inside is not None
                and inside.actor is not None
                and inside.actor.id != known.id
                and known.kind == inside.actor.kind != "state"
                and normalise(acronym) not in {normalise(n) for n in (known.name, *known.aliases)}
                # the acronym's group bears the name too ("National Liberation Army of
                # Colombia"), not only its letters ("PDP" of another party)
                and _bears(inside.actor, first.span)
            ):
                # "the National Liberation Army (ELN)": a name several groups bear is the one
                # whose acronym the text gives it, not one the acronym is no name of (not a
                # dateline's "BEIRUT (AP)": a town and an agency)
                known = inside.actor
                for member in group:
                    member.actor = known
            if (
                known is None
                and inside is not None
                and inside.actor is not None
                and _spells(first.span, acronym)
                and not _bears(inside.actor, first.span)
            ):
                # "the Transitional Military Council (TMC)": a name no dictionary knows whose
                # initials spell the acronym is what the acronym means in this text, not the
                # dictionary's body of those letters (India's Trinamool Congress); an
                # acronym of other words ("JNIM" of "the Group to Support Islam and
                # Muslims") keeps the dictionary's
                redefined.add(acronym)
                inside.label = "acronym"
            target: Actor | _Candidate = known or max(group, key=lambda c: len(c.span.text))
            aliases[acronym] = target
            for member in group:
                aliases.setdefault(normalise(member.span.text), target)
            if inside is None:
                inside = _Candidate(doc[token.i + 1 : token.i + 2], known, "acronym", 0.9)
                candidates.append(inside)
            ending_at[token.i + 2] = inside
        self._spelled_acronyms(candidates, aliases)
        for candidate in candidates:  # every later use of a defined acronym
            if candidate.span.text in redefined:
                candidate.actor, candidate.redefined = None, True  # the text's meaning
            if candidate.actor is None and candidate.span.text in aliases:
                candidate.label = "acronym"
        return aliases

    def _spelled_acronyms(
        self, candidates: list[_Candidate], aliases: dict[str, Actor | _Candidate]
    ) -> None:
        """An acronym the text never defines, that no dictionary knows, whose letters the
        initials of one body's name the text gave before it spell: that body ("Ona's
        Bougainville Revolutionary Army ... the BRA fought"; not a place's: "Uttar Pradesh
        police ... the UP government"). Two such names, or none, leave it alone."""
        for candidate in candidates:
            text = candidate.span.text
            if (
                len(candidate.span) != 1
                or candidate.actor is not None
                or not _ACRONYM.match(text)
                or text in aliases
                or self.dictionary.lookup(text) is not None
            ):
                continue
            spelled = {
                normalise(c.span.text): c
                for c in candidates
                if c.span.end <= candidate.span.start
                and len(c.span) > 1
                and c.label != "acronym"
                and _a_body(c)
                and _spells(c.span, text)
            }
            if len(spelled) == 1:
                (named,) = spelled.values()
                aliases[text] = named.actor or named

    def _resolve_names(
        self, candidates: list[_Candidate], aliases: dict[str, Actor | _Candidate]
    ) -> None:
        # Pass 1: acronyms defined in the text and dictionary names.
        for c in candidates:
            if c.actor is not None:
                continue
            target = aliases.get(c.span.text) or aliases.get(normalise(c.span.text))
            if isinstance(target, Actor):
                c.actor, c.label, c.confidence = target, "acronym", 0.9
            elif not c.redefined and (actor := self.dictionary.lookup(c.span.text)) is not None:
                exact = normalise(c.span.text) in self.dictionary.by_name
                c.actor, c.confidence = actor, 1.0 if exact else 0.85
            elif not c.redefined and (actor := self._homonym(c.span.text)) is not None:
                c.actor, c.confidence = actor, 0.9  # "President Bush" in 1990: the father
            elif c.ner == "PERSON" and (
                (actor := self.dictionary.person_variant(c.span.text))
                or (actor := self.dictionary.person_without_middle(c.span.text, self.rare_surname))
            ):  # "Abd al-Fattah al-Burhan"; "Gloria Arroyo" of "Gloria Macapagal Arroyo"
                c.actor, c.confidence = actor, 0.8
            elif c.ner in ("PERSON", "ORG") and (end := self._person_at_end(c.span)) is not None:
                # "the House Nancy Pelosi" (of "Speaker of the House Nancy Pelosi"): the
                # recogniser ran a person's full name into the words before it
                (c.span, c.actor), c.confidence = end, 0.8
        # Pass 2: new actors from full names; short forms of names in the document.
        named = _Named(candidates)
        for c in sorted(candidates, key=lambda c: -len(c.span)):
            if c.actor is not None:
                continue
            target = aliases.get(c.span.text) or aliases.get(normalise(c.span.text))
            if isinstance(target, _Candidate) and target is not c and target.actor is not None:
                c.actor, c.label, c.confidence = target.actor, "acronym", 0.8
                named.add(c)
                continue
            if c.ner == "GPE":
                continue  # an unknown place name: a place, not an actor
            longer = self._longer_form(c, named)
            if longer is None and c.ner == "PERSON":
                longer = self._titled_person(c.span, c.title_sector, c.country_hint)
            if longer is None and c.ner == "PERSON":
                longer = named.same_person(c)
            if longer is None and c.ner == "PERSON":
                found = self._surname_alone(c)
                if isinstance(found, str):  # a surname of one country's persons: its country
                    c.country_hint, c.code_source = c.country_hint or found, "dictionary"
                else:
                    longer = found
            elif longer is None and _lone_name(c) and self._nominal(c.span):
                # "Mandela demanded a meeting" read as an organisation: a curated leader's
                # own one-word name, not any surname ("Meta", a company, is no Ilir Meta)
                longer = self.dictionary.person_named(c.span.text)
                if longer is not None and longer.id in self.dictionary.lookup_only:
                    longer = None
            if longer is not None:
                c.actor, c.label, c.confidence = longer, "short", 0.8
                named.add(c)
            elif c.label == "acronym" or (
                c.ner in ("PERSON", "ORG") and self._nominal(c.span) and not _is_facility(c.span)
            ):
                c.actor = self._generic_name(c) or self._new_actor(c)
                named.add(c)
                if isinstance(target, _Candidate) and target.actor is None:
                    target.actor = c.actor
                    named.add(target)
        # Pass 3: a short name the converted dictionary gives another country's actor, in a
        # text that names a longer name holding its words: the text's ("the Tigers" after "the
        # Liberation Tigers of Tamil Eelam", not a Swazi group of that name)
        for c in candidates:
            if c.actor is None or c.actor.source != "phoenix" or c.actor.kind == "person":
                continue
            words = set(skeleton(c.span.text).split())
            found = named.longer(words, persons_only=False) if words else {}
            others = [a for _, a in found.values() if a.id != c.actor.id and a.kind != "person"]
            if len(others) == 1 and others[0].country != c.actor.country:
                c.actor, c.label, c.confidence = others[0], "short", 0.8

    def _person_at_end(self, span: Span) -> tuple[Span, Actor] | None:
        """The last two or three capitalised words of a longer name that are exactly one
        dictionary person's full name, after a word that is no title ("the House Nancy
        Pelosi"): None where the name does not end in one ("the Nancy Pelosi Foundation")."""
        for size in (3, 2):
            if len(span) <= size:
                continue
            tail = span[len(span) - size :]
            if not all(t.is_title and t.is_alpha for t in tail):
                continue
            if span[len(span) - size - 1].lower_.rstrip(".") in TITLE_WORDS:
                continue  # "President Emmanuel Macron": the title's own rules read it
            ids = self.dictionary.by_name.get(normalise(tail.text), ())
            actor = self.dictionary.actors[next(iter(ids))] if len(ids) == 1 else None
            if actor is not None and actor.kind == "person":
                return tail, actor
        return None

    def _generic_name(self, c: _Candidate) -> Actor | None:
        """ "The South African Government", "the Nigerian Army": a demonym and a role noun read
        as a name are the country's generic actor (ZAFGOV, NGAMIL), not a new organisation."""
        words = [t for t in c.span if t.lower_ != "the"]
        country = self._leading_demonym(c.span)
        if country is None or c.ner == "PERSON":
            return None
        rest = (
            words[2:]
            if self.dictionary.country_of_demonym(f"{words[0].text} {words[1].text}")
            else words[1:]
        )
        phrase = " ".join(t.lemma_.lower() for t in rest)
        agent = self.dictionary.agents.get(phrase)
        if agent is None or len(rest) > 2:
            return None
        c.label = "nominal"
        return self._composite(country, agent[0], agent[1])

    def _titled_person(
        self, span: Span, sector: str | None, country: str | None, strict: bool = False
    ) -> Actor | None:
        """The dictionary person a title and a surname name ("President Reagan", "Chancellor
        Kohl", "Israeli Prime Minister Netanyahu"): of the persons whose last name (or last two
        words) the one or two capitalised words are, and of the title's country if it names one,
        the only one; of several, the only one holding a role of the title's sector on the
        publication date (ever, for an undated text). None when still ambiguous, and without a
        title that gives a sector ("Mr. Smith": no office to tell two Smiths apart), nor when the
        text writes the surname after another first name (:meth:`_named_otherwise`). ``strict``:
        a role of the sector is required even of the only one (words the recogniser read as an
        organisation's name, "General Mills")."""
        if sector is None or not 1 <= len(span) <= 3 or not span[0].is_title:
            return None
        words = normalise(span.text).split()
        if not 1 <= len(words) <= 2 or not all(t.is_title or not t.is_alpha for t in span):
            return None
        persons = self.dictionary.persons_named(" ".join(words))
        if country:
            persons = [p for p in persons if p.country == country]
        if len(persons) > 1 or strict:
            when = self._published
            persons = [p for p in persons if any(_holds(r, sector, when) for r in p.roles)]
        if len(persons) == 1 and self._named_otherwise(span, persons[0]):
            return None
        return persons[0] if len(persons) == 1 else None

    def _homonym(self, text: str) -> Actor | None:
        """Of the persons a name denotes ("George Bush", "President Bush": the father and the
        son), the one in office on the publication date: holding a role other than an elite's
        then, else the one whose offices lie nearest to it; in an undated text, the one whose
        last office began last (the news dyad reads is mostly recent). None when the name is no
        person's or only one's."""
        persons = self.dictionary.homonyms(text)
        if not persons:
            return None
        when = self._published

        def nearest(person: Actor) -> tuple[int, int]:
            offices = [r for r in person.roles if r.sector != "ELI"] or person.roles
            if when is None:
                return (
                    (0, -max((r.start or date.min).toordinal() for r in offices))
                    if offices
                    else (1, 0)
                )
            days = [
                0
                if r.covers(when)
                else min(
                    abs((when - r.start).days) if r.start else 10**6,
                    abs((when - r.end).days) if r.end else 10**6,
                )
                for r in offices
            ]
            return (0, min(days)) if days else (1, 0)

        ranked = sorted(persons, key=nearest)
        if len(ranked) > 1 and nearest(ranked[0]) == nearest(ranked[1]):
            return None
        return ranked[0]

    def _named_otherwise(self, span: Span, person: Actor) -> bool:
        """Whether the text writes the name ``span`` (a surname of one or two words) after
        another first name than ``person``'s ("U.S. Ambassador Philip Goldberg ... between
        Goldberg and ...": not Arthur J. Goldberg), though the recogniser did not take that
        full name for one; a word of the person's own name before it is no other first name
        ("Mohammad Javad Zarif ... Javad Zarif", "Abdul Mahdi")."""
        doc, size = span.doc, len(span)
        words = [t.text for t in span]
        firsts = {
            doc[i - 1].lower_
            for i in range(1, len(doc) - size + 1)
            if i != span.start
            and [t.text for t in doc[i : i + size]] == words
            and doc[i - 1].is_title
            and doc[i - 1].pos_ == "PROPN"
            and doc[i - 1].lower_.rstrip(".") not in TITLE_WORDS
            and doc[i - 1].lemma_.lower() not in self.dictionary.agents
        }
        own = set(normalise(" ".join([person.name, *person.aliases])).split())
        return bool(firsts) and not firsts & own

    def _surname_alone(self, c: _Candidate) -> Actor | str | None:
        """A name of one or two capitalised words the document never gives in full
        ("Netanyahu", "Netanyahu's policies", "Abdul Mahdi"): the dictionary person of that
        surname, or the country all its holders share (:meth:`ActorDictionary.surname_holder`).
        Not a common word or a role noun the recogniser read as a name, not when the title
        names another country than the person's, nor when the text writes the surname after
        another first name (:meth:`_named_otherwise`)."""
        span = c.span
        if not 1 <= len(span) <= 2 or not all(t.is_title and t.is_alpha for t in span):
            return None
        if any(t.is_stop or t.lemma_.lower() in self.dictionary.agents for t in span):
            return None
        found = self.dictionary.surname_holder(span.text)
        country = found.country if isinstance(found, Actor) else found
        if c.country_hint and country != c.country_hint:
            return None
        if isinstance(found, Actor) and self._named_otherwise(span, found):
            return None  # "Maria Netanyahu ... Netanyahu said": not Benjamin
        return found

    @staticmethod
    def _nominal(span: Span) -> bool:
        """A name standing as a noun phrase, not a modifier ("Takfiri groups", "Jihadi-Communist")."""
        if not span.doc.has_annotation("DEP"):
            return True  # no parse to judge by: trust the entity recogniser
        root = span.root
        return root.dep_ not in ("amod", "compound", "npadvmod") and root.pos_ in ("PROPN", "NOUN")

    def _longer_form(self, c: _Candidate, named: _Named) -> Actor | None:
        """'Sadr' after 'Muqtada al-Sadr', 'the Mojahedin' after 'Mojahedin-e Khalq' (one match only)."""
        words = set(skeleton(c.span.text).split())
        if not words:
            return None
        if c.ner == "PERSON" and c.span.start > 0 and c.span.doc[c.span.start - 1].lower_ == "the":
            c.ner = "ORG"  # "the Mojahedin": a person is never "the X"
        found = named.longer(
            words, persons_only=c.ner == "PERSON", before=named.position.get(id(c))
        )
        actors = [actor for _, actor in found.values()]
        known = [a for a in actors if a.source != "text"]
        for group in (known, actors):  # dictionary actors first
            if len(group) == 1:
                return group[0]
        if c.ner == "PERSON" and len(found) > 1:
            # "Park Chung-hee ... Park Geun-hye was arrested. Park had ...": of several
            # persons of the name, the one named last before it, in a sentence of its own
            # ("Ali Sadr and Hadi Sadr met. Sadr spoke": neither)
            ranked = sorted(found.values(), key=lambda x: x[0], reverse=True)
            (position, sentence), actor = ranked[0]
            if position >= 0 and ranked[1][0][1] < sentence:
                return actor
        return None

    def _body_noun(self, span: Span):
        """The noun of a body (data/context_words.tsv body) that introduces a name the
        recogniser took for a person's: "the newspaper Zaman", "the company Yukos", "Zaman, an
        opposition newspaper"; not a person's title ("the opposition leader X", "newspaper
        editor X": their last noun is a person's)."""
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        nouns = [self._description(span)]
        if (
            before is not None
            and before.dep_ in ("compound", "amod")  # "the daily Hurriyet" read as adjective
            and span.start <= before.head.i < span.end
            and before.pos_ in ("NOUN", "ADJ")
            and before.is_lower
        ):
            nouns.append(before)
        return next((n for n in nouns if n is not None and n.lemma_.lower() in BODY_NOUNS), None)

    @staticmethod
    def _description(span: Span):
        """The noun a name is introduced by: 'a militia called X', 'X, a militia', 'the militia X'."""
        root = span.root
        if root.dep_ == "appos" or (
            root.dep_ in ("oprd", "dobj", "attr") and root.head.lemma_ in ("call", "name")
        ):
            head = root.head if root.dep_ == "appos" else root.head.head
            return head if head.pos_ == "NOUN" else None
        appositive = next(
            (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None
        )
        return appositive

    def _new_actor(self, c: _Candidate) -> Actor:
        name = " ".join(c.span.text.split())
        kind = "person" if c.ner == "PERSON" else "organisation"
        body = self._body_noun(c.span) if kind == "person" else None
        if body is not None:
            kind = "organisation"  # "the newspaper Zaman", "the company Yukos": a body's name
        sector = c.title_sector if kind == "person" else None
        if kind == "organisation":
            head, sector = _organisation_head(c.span)
            if _military_unit(c.span):
                sector = "MIL"
            elif sector == "REB" or (head == "movement" and "liberation" in c.span.text.lower()):
                kind = "armed_group"
        described = self._description(c.span) or body
        if described is not None:  # "an Iraqi militia called X", "X, a Kurdish party"
            noun_sector, noun_kind = self.dictionary.agents.get(
                described.lemma_.lower(), (None, None)
            )
            if described.lemma_.lower() in PART_NOUNS and _of_a_name(described):
                # "SRC International, a former unit of 1MDB", "X, a division of Siemens": a
                # part of the named body, whose own sector is not the noun's (no army unit)
                noun_sector = noun_kind = None
            for child in described.children:  # "a separatist group": the modifier says what it is
                if noun_sector is None and child.dep_ in ("compound", "amod"):
                    noun_sector, noun_kind = self.dictionary.agents.get(
                        child.lemma_.lower(), (None, None)
                    )
            sector = sector or (noun_sector if kind != "person" else None)
            if noun_kind == "armed_group" and kind == "organisation":
                kind = "armed_group"
            elif (
                noun_kind == "person"
                and kind == "organisation"
                and not body
                and len(c.span) > 1
                and not any(self._is_english(t) for t in c.span)
            ):
                # "Tolib Ayombekov, a former opposition commander", the name taken for an
                # organisation's: a person, whom "Ayombekov" names later (review 53); not a
                # body's name of English words ("Meridian Holdings, a leader in mining")
                kind = "person"
            for child in described.children:
                if child.dep_ in ("amod", "compound") and not c.country_hint:
                    c.country_hint = self.dictionary.country_of_demonym(child.text)
        return Actor(
            "x-" + skeleton(name).replace(" ", "-"),
            name,
            kind,
            c.country_hint,
            sector,
            source="text",
        )

    # -- places ----------------------------------------------------------------------------

    def _is_place(self, c: _Candidate) -> bool:
        if c.actor is None or c.actor.kind != "state":
            return False
        root = c.span.root
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first is not root and first.dep_ == "pobj" and first.head.lower_ in WHERE_PREPS:
            # a conjunct stands where the first does: "marched in Istanbul and Ankara" (a
            # place; "Iraq and Iran signed": actors; "attacks on Syria and Iraq": targets)
            return True
        if root.dep_ == "pobj":
            prep = root.head.lower_
            if prep in LOCATIVE_PREPS:
                return True
            if prep == "of" and root.head.head.lemma_.lower() in TOPIC_NOUNS:
                return True  # "the status of Jerusalem": what is talked about, not who acts
            return prep == "from" and root.head.head.lemma_ in MOTION_VERBS
        if root.dep_ == "compound" and root.head.lemma_ in {
            "border",
            "city",
            "province",
            "airport",
            "capital",
            "soil",
            "territory",
            "region",
            "camp",
            "war",
        }:
            return True
        if names_a_gathering(root) and normalise(c.span.text) in self.capitals:
            # "the Vienna talks", "the Beijing Olympics": a meeting or games named after a
            # town, which is no party to it (a state's name is: "the Iran-Iraq summit")
            return True
        if c.label == "metonym":  # a capital is an actor only where it acts or is acted on
            return root.dep_ not in AGENTIVE_DEPS
        return root.dep_ in {"npadvmod", "advmod"}

    # -- noun phrases ------------------------------------------------------------------------

    def _nominal_mentions(self, doc: Doc, named: list[_Candidate]) -> list[_Candidate]:
        """'the Iraqi army', 'Iraq's government', 'the government of Iraq', 'Iranians', 'protesters'."""
        covered = {i for c in named for i in range(c.span.start, c.span.end)}
        named_at = {
            i: c.actor
            for c in named
            if c.label not in ("place", "modifier")
            for i in range(c.span.start, c.span.end)
        }
        name_roots = {
            c.span.start: c.span.root for c in named if c.label not in ("place", "modifier")
        }
        states = {  # "Nepal government", "a Zimbabwe court": a state's name as a modifier too
            i: c.actor
            for c in named
            if c.actor.kind == "state" and c.label != "place"
            for i in range(c.span.start, c.span.end)
        }
        for c in named:  # "Beijing police", "Kabul government": a capital naming its country
            if (
                c.label == "place"
                and c.actor.kind == "state"
                and c.span.root.dep_ == "compound"
                and normalise(c.span.text) in self.capitals
            ):
                states.update(dict.fromkeys(range(c.span.start, c.span.end), c.actor))
            elif (  # "the Reagan administration", "the Mubarak government": the leader's state
                _has_governed(c.actor)
                and c.span.root.dep_ == "compound"
                and c.span.root.head.lemma_.lower() in REGIME_NOUNS
                and (state := self.dictionary.actors.get(c.actor.country.lower())) is not None
                and state.kind == "state"
            ):
                states.update(dict.fromkeys(range(c.span.start, c.span.end), state))
        out = []
        for token in doc:
            if token.i in covered or not (
                token.pos_ in ("NOUN", "PROPN") or _group_attacking(token, self.dictionary.agents)
            ):
                continue
            agent = self._agent(token)
            lemma = token.lemma_.lower()
            organ = agent is None and lemma in ORGAN_NOUNS
            if (
                ((agent is None or agent[0] in ("LAB", "CVL")) and lemma in MEMBER_NOUNS)
                or lemma in VOICE_NOUNS
                or organ
            ):
                # "Syrian opposition members", "police investigators", "the army command": the
                # members of the body the role noun right before them names, coded as the body
                # ("government employees" are the government's, not labour)
                body = doc[token.i - 1] if token.i else None
                if (
                    body is not None
                    and body.head.i == token.i
                    and body.dep_ in ("compound", "amod")
                    and body.i not in covered
                    and body.lower_ not in TITLE_WORDS  # "the deputy chief": a rank, no body
                    and (found := self._agent(body)) is not None
                    # "a government agency", "an army body": a state body's organ; not "the
                    # refugee agency" (no refugees' own)
                    and not (organ and found[0] not in STATE_ORGANS)
                    and (
                        body.dep_ == "compound"
                        # "military personnel": an adjective of a state's own body; not "the
                        # terrorist group" (what it refers to) or "the Hezbollah militant group"
                        or (
                            found[1] in ("military", "government")
                            and not any(t.i in named_at for t in token.lefts)
                        )
                    )
                ):
                    # a member is of the body's group; a spokesman stays a person
                    kind = agent[1] if agent is not None and lemma in VOICE_NOUNS else "group"
                    agent = (found[0], kind)
            if agent is not None and held_by(token):
                # "rebel-held Idlib", "government-held parts of Aleppo": who holds the place,
                # of its country once the place is known (dyad_actor_context)
                holder = _Candidate(
                    doc[token.i : token.i + 1], self._composite(None, *agent), "nominal", 0.5
                )
                holder.noun_kind, holder.pending, holder.placed_by = agent[1], True, "held"
                out.append(holder)
                covered.add(token.i)
                continue
            country, start = None, token.i
            partners: list[tuple[Span, str]] = []  # "French" of "French and German officials"
            seen: tuple[int, int, str] | None = None  # the modifier that gave ``country``
            for child in token.children:
                if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                    if after_stance_prefix(doc, child.i):
                        continue  # "anti-American leaders", "pro-Iranian militias"
                    found, first = self._country_modifier(child, states)
                    if not found and child.is_title:
                        # "Sri Lankan Tamil rebels", "Iraqi Sunni tribal leaders": the
                        # demonym of a people's capitalised word is the noun's country
                        found, first = next(
                            (
                                hit
                                for g in child.lefts
                                if g.dep_ in ("amod", "compound", "nmod")
                                and g.is_title
                                and not after_stance_prefix(doc, g.i)
                                and (hit := self._country_modifier(g, states))[0]
                            ),
                            (None, child.i),
                        )
                    joined = [
                        (c, f)
                        for c in child.conjuncts
                        if (f := self._country_modifier(c, states)[0])
                    ]
                    end = child.i + 1  # the end of the modifier that gave ``found``
                    if found and joined and joined[-1][0].i > child.i:
                        # "French and German officials": each country's officials; the
                        # noun goes with the last, the others are mentions of their own
                        # (besides those of an earlier list: "American, French, Italian
                        # and British troops" parsed as two lists)
                        partners.append((doc[first : child.i + 1], found))
                        partners += [(doc[c.i : c.i + 1], f) for c, f in joined[:-1]]
                        last = joined[-1][0]
                        found, first = joined[-1][1], self._country_modifier(last, states)[1]
                        end = last.i + 1
                    if found:
                        if seen is not None and seen[1] <= first and seen[2] != found:
                            # "Russian, Turkish and Iranian leaders", the first read as a
                            # modifier of its own: the leaders of each country; the noun
                            # goes with the later ones
                            partners.insert(0, (doc[seen[0] : seen[1]], seen[2]))
                            start = token.i
                        seen = (first, end, found)
                        country, start = found, min(start, first)
                elif child.dep_ == "poss" and child.i in states:
                    country = states[child.i].country
                elif child.dep_ == "prep" and child.lower_ == "of":
                    obj = _of_state(child, states)
                    if obj is not None:
                        country = states[obj.i].country
            if (
                country is None
                and agent is not None
                and agent[0] == "LEG"
                and token.lemma_.lower() in US_CONGRESS
                and any(_us_party_word(t) for t in doc[token.left_edge.i : token.i])
                and _located_at(token) is None
            ):
                # "the Republican Senate", "Republican senators", "the Democratic-led House":
                # the United States' two parties before its Congress's own nouns (not
                # "Democratic lawmakers" of a Korean party, a "Social Democratic" or
                # "Democratic Progressive" party's, nor members placed elsewhere)
                country = "USA"
            if agent is None and country is not None and _non_state(token):
                # "the Italian band", "the Indian cricket board": the country's, not the state
                agent = ("", "organisation")
            if (
                agent is None
                and country is not None
                and token.tag_ in ("NNS", "NNPS")
                and token.dep_ not in ("compound", "amod")
                and _doer(token)
            ):
                # "Chinese hackers", "Israeli ranchers", "Sudanese stakeholders": the
                # country's people in no sector, not its state
                agent = ("", "group")
            placed_by = None
            if agent is None and country is not None and token.dep_ != "compound":
                # "the Turkish embassy", "Iran's embassy", "an Afghan army base", "a Turkish
                # ship": a state's installation or craft is the state's body acting or acted
                # on; without a state named before it ("the embassy", "an army base") a
                # place, and no actor of its own before another noun ("the Iranian missile
                # programme")
                agent = self._facility(token)
            elif agent is None and token.dep_ != "compound" and _located_at(token) is not None:
                # "an army base in northern Afghanistan", "a government compound in Badghis
                # province": a body's installation placed in a country is that country's
                # body, once the place is known; a bare one ("a base in Syria", "an embassy
                # in Tehran") says nothing of whose it is
                agent = self._body_facility(token)
                placed_by = "attachment" if agent is not None else None
            elif agent is None and _attacked_there(token):
                # "attacked a police station": the installation of a body that nothing places
                # is that body's, of the country the document is about where its sentence
                # names no other (as "a man" is), else no actor ("Rockets hit an army base
                # near Maiduguri", "The army base was attacked, Iraq said": whose, the text
                # alone does not say)
                agent = self._body_facility(token)
                placed_by = "document" if agent is not None else None
            if agent is None:
                first, demonym_country = self._demonym_at(token)
                if (
                    demonym_country
                    and (token.tag_ in ("NNS", "NNPS") or self._plural_demonym(token.text))
                    and token.dep_ != "amod"
                ):
                    actor = self._composite(demonym_country, "CVL", "group")
                    out.append(_Candidate(doc[first : token.i + 1], actor, "demonym", 0.7))
                for child in token.children:  # "an Iranian proposal", "the Kosovan town"
                    if _non_state(token):
                        break  # "an Italian band": no state acting
                    if (
                        child.dep_ in ("amod", "compound")
                        and child.i not in covered
                        and self.dictionary.country_of_demonym(child.text)
                    ):
                        at, country = self._demonym_at(child)
                        if at > 0 and doc[at - 1].lower_ in FORMER_WORDS:
                            continue  # "the former Soviet republic": no longer the state's
                        state = self.dictionary.actors.get(country.lower()) if country else None
                        if state is not None:  # "the North Korean test": North Korea's
                            out.append(_Candidate(doc[at : child.i + 1], state, "modifier", 0.6))
                            covered.update(range(at, child.i + 1))
                continue
            sector, kind = agent
            if not sector and token.lemma_.lower() in OPPOSITE:
                sector = self._counterpart_sector(doc, token)  # "his Saudi counterpart"
            if token.lemma_.lower() in EITHER_FORCE and not any(
                c.dep_ in ("compound", "amod") and self._agent(c) for c in token.children
            ):  # "the officers" after "police officers": police, not the army
                sector = _force_in_focus(token, [*named, *out]) or sector
            owners = [
                named_at[child.i]
                for child in token.children
                if child.dep_ in ("compound", "poss") and child.i in named_at
            ]
            owners += [  # "Somalia's al Shabaab militant group": the name parsed as a modifier
                named_at[child.i]
                for child in token.children
                if child.dep_ == "nmod"
                and child.i in named_at
                and lemma in ORG_HEADS
                and named_at[child.i].kind in GROUP_KINDS
            ]
            owners += [  # "ISIS-linked bombers", "al-Qaeda-affiliated militants": its members
                named_at[t.i]
                for child in token.children
                if child.dep_ == "amod" and child.lower_ in AFFILIATION
                for t in child.subtree
                if t.i in named_at and t.i < child.i
            ]
            if token.tag_ in ("NNS", "NNPS") and token.i - 1 in named_at:
                # "20 IS militants" parsed as two subjects, or "Four IS militants were
                # killed" with "IS" read as the verb: a name right before the plural owns it
                owners.append(named_at[token.i - 1])
            others = [
                owner
                for owner in owners
                if owner.kind != "state" and not (lemma in REGIME_NOUNS and _has_governed(owner))
            ]  # ("the Reagan administration" is the state's government: ``states`` above)
            if (
                seen is not None
                and seen[0] < seen[1]
                and any(named_at.get(c.i) in others for c in doc[seen[1] - 1].conjuncts)
            ):
                # "Afghan and NATO forces", "British and EU negotiators": a country's word
                # joined to a name before the noun names that country's own of it besides
                partners.append((doc[seen[0] : seen[1]], seen[2]))
            if (
                token.dep_ == "conj"
                and token.head.i < token.i
                and token.head.pos_ == "ADJ"
                and token.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos")
            ):
                # "Syrian and Hezbollah fighters", "Japanese and the Australian armies" parsed
                # with the first word as the head: that country's own of the noun too
                found, first = self._country_modifier(token.head, states)
                if found:
                    partners.append((doc[first : token.head.i + 1], found))
            if others:
                # "MEK forces", "Sadr's militia": the named actor is the actor; a state's
                # word joined to the name is that state's forces ("Turkish and Free Syrian
                # Army fighters": Turkey's military, not rebels)
                if agent is not None:
                    sector = "MIL" if agent[0] == "REB" else agent[0]
                    self._add_partners(out, covered, partners, (sector, agent[1]))
                continue
            # (and one person of a group whose name names a country, which the noun would
            # otherwise take for its own: "the commander of the Revolutionary Armed Forces of
            # Colombia" is the FARC's, not Colombia's army; "the spokesman of Hamas" stays one
            # person, no mention)
            plural = token.tag_ in ("NNS", "NNPS")
            group = (
                self._group_of(token, named_at, country_named=not plural)
                if plural or kind == "person"
                else None
            )
            if group is not None:  # "four militants of the Islamic State": the group acts
                out.append(_Candidate(doc[token.i : token.i + 1], group, "reference", 0.7))
                covered.add(token.i)
                continue
            pending = False
            if placed_by is not None:
                pending = True
            elif country is None and _group_attacking(token, self.dictionary.agents):
                # "a rebel ambush", "insurgent attacks", "a jihadist attack on an army post":
                # the group whose attack it is, of its context's country (dyad_actor_context)
                pending = True
            elif (
                country is None
                and sector in NOT_PENDING
                and token.dep_ not in ("compound", "amod")
                and _place_before(token, ("GPE", "LOC", ""), self.dictionary.agents)
            ):
                # "a California man", "Mosul residents": civilians of the place named before
                # them, once the place is known
                pending, placed_by = True, "modifier"
            elif (
                country is None
                and sector == "CVL"
                and token.dep_ not in ("compound", "amod")
                and _in_named_place(token)
            ):
                # "Public workers in Brazil call off a strike", "killed 81 people in Nigeria",
                # "attacked aid workers in Kabul" (the "in" hung on the verb): people where
                # they are are its civilians, once the place is known, whether they act, are
                # acted on or given to (ACLED's "Civilians (Nigeria)"); a place by its name
                # only ("killed three people in a US drone strike" places no one)
                pending, placed_by = True, "attachment"
            elif country is None and sector == "CVL" and holders(token):
                # "police detained 18 people", "Libya freed 37 prisoners": people a state's
                # police or courts hold or free are its civilians, once the authority is known
                pending, placed_by = True, "authority"
            elif (
                country is None
                and sector == "CVL"
                and token.dep_ not in ("compound", "amod")
                and token.lemma_.lower() not in ELSEWHERE_PEOPLE
                and not any(
                    (c.dep_ == "poss" and c.pos_ != "PRON")
                    or (
                        c.dep_ == "prep"
                        and c.lower_ == "of"
                        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
                    )
                    for c in token.children
                )
            ):
                # "a man was stabbed", "the victim", "people": civilians of the country the
                # document is about, when dyad_actor_context finds one and their sentence
                # names no other (ICEWS's "Citizen (country)"); not people an owner or an "of"
                # name ("the camp's people", "the people of Ashraf": whose they are)
                pending, placed_by = True, "document"
            elif country is None and (
                sector not in BARE_SECTORS
                or not (
                    token.tag_ in ("NNS", "NNPS") or any(c.lower_ == "the" for c in token.children)
                )
            ):
                if token.ent_type_ == "ORG" and token.dep_ not in ("compound", "amod"):
                    pass  # "The Supreme Court ruled": named as an organisation, an actor
                elif (
                    token.dep_ not in ("compound", "amod")
                    and sector not in NOT_PENDING
                    and _place_before(
                        token,
                        ("GPE", "LOC", "ORG", ""),
                        self.dictionary.agents,
                        adjectives=not _may_take_context(token),
                    )
                ):
                    # "a Lyon court", "a Kano police officer", "Punjab government imposed"
                    # (read as an adjective: only where the noun could not take its
                    # context's country): the body of the town or province named before
                    # it, once the gazetteer places it, else dropped
                    pending, placed_by = True, "modifier"
                elif (
                    token.dep_ in ("compound", "amod")
                    or sector in NOT_PENDING
                    or not _may_take_context(token, sector)
                ):
                    continue  # "a strong opposition to", "refugee status": not an actor
                else:
                    # "the prime minister", "a court in Bishkek": an actor only where the
                    # context gives its country (dyad_actor_context), else dropped
                    pending = True
            elif country is None and token.dep_ in ("compound", "amod"):
                continue
            if country is None and token.lemma_.lower() in OPPOSITE:
                continue  # "their counterparts": the other side's, whose the text does not say
            after = _after_portfolio(doc, token.i)
            if after < len(doc) and (
                doc[after].ent_type_ == "PERSON" or named_at.get(after, _NO).kind == "person"
            ):
                # a title before a name ("President Obama", "Minister of Foreign Affairs
                # Gedu Andargachew"): the name is the actor
                continue
            name_root = name_roots.get(token.i + 1)
            if (
                token.tag_ == "NN"
                and name_root is not None
                and named_at[token.i + 1].kind not in ("state", "person")
                and any(c.dep_ == "det" for c in token.children)
                and (token.head.i, token.dep_) == (name_root.head.i, name_root.dep_)
            ):
                # "the rebel Free Syrian Army", "the militant Hamas" parsed as two subjects of
                # one verb: a singular role word right before an organisation's name describes
                # it ("warned the government Hezbollah was rearming": two arguments)
                continue
            if any(i in covered for i in range(start, token.i + 1)):
                start = token.i
            span = doc[start : token.i + 1]
            # a title alone ("president" of "Iran's president", "the U.S. President") stands
            # for the actor without being a name of it: never its alias
            label = "reference" if kind == "person" and start == token.i else "nominal"
            if (
                kind == "person"
                and country
                and sector == "GOV"  # (a former police officer or rebel leader stays one)
                and any(
                    c.dep_ in ("amod", "advmod") and c.lower_ in FORMER_WORDS
                    for c in token.children
                )
            ):
                # "the former Philippine president": one who left the office, an elite of his
                # country (as a former title before a name), no longer its government
                sector = "ELI"
            candidate = _Candidate(
                span, self._composite(country, sector, kind), label, 0.7 if country else 0.5
            )
            candidate.noun_kind, candidate.pending = kind, pending
            candidate.placed_by = placed_by
            out.append(candidate)
            covered.update(range(start, token.i + 1))
            self._add_partners(out, covered, partners, (sector, kind))
        return out

    def _add_partners(
        self,
        out: list[_Candidate],
        covered: set[int],
        partners: list[tuple[Span, str]],
        agent: tuple[str, str],
    ) -> None:
        """Mentions of the other countries' own of a noun ("French" of "French and German
        officials"), of the noun's sector and kind."""
        sector, kind = agent
        for partner, other in partners:
            if any(i in covered for i in range(partner.start, partner.end)):
                continue  # a state named by its name is its own mention already
            extra = _Candidate(partner, self._composite(other, sector, kind), "nominal", 0.7)
            extra.noun_kind = kind
            out.append(extra)
            covered.update(range(partner.start, partner.end))

    def _country_modifier(self, token, states: dict[int, Actor]) -> tuple[str | None, int]:
        """(country, first token) of a demonym ("Iraqi", "South Korean") or a state's name
        modifying a noun at ``token``; (None, token.i) for anything else."""
        doc = token.doc
        for first in (token.i - 2, token.i - 1):  # "Papua New Guinean", "South Korean"
            if first >= 0 and all(t.is_alpha for t in doc[first : token.i]):
                longer = self.dictionary.country_of_demonym(doc[first : token.i + 1].text)
                if longer:
                    return longer, first
        found = self.dictionary.country_of_demonym(token.text) or (
            states[token.i].country if token.i in states else None
        )
        return found, token.i

    def _group_of(
        self, token, named_at: dict[int, Actor], country_named: bool = False
    ) -> Actor | None:
        """The named group or organisation members named by a role noun belong to by "of":
        "militants of the Islamic State", "fighters of the PKK" (not a state: "the army of
        Iraq" is Iraq's army; nor a person: "supporters of Sadr" are not Sadr); only a group
        of a country whose name names that country where ``country_named`` ("the commander
        of the Revolutionary Armed Forces of Colombia")."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                actor = named_at.get(obj.i) if obj is not None else None
                if actor is None or actor.kind in ("state", "person"):
                    continue
                if not country_named or (
                    actor.country and any(self._names_a_state(t) for t in obj.subtree)
                ):
                    return actor
        return None

    def _names_a_state(self, token) -> bool:
        """Whether a proper noun is a state's name in the dictionary ("Colombia")."""
        found = self.dictionary.lookup(token.text) if token.pos_ == "PROPN" else None
        return found is not None and found.kind == "state"

    def _stance_words(self, doc: Doc, named: list[_Candidate]) -> list[_Candidate]:
        """The country in "anti-Iranian" or "pro-American": a modifier mention of the state,
        which the event extractor turns into a stance toward it."""
        covered = {i for c in named for i in range(c.span.start, c.span.end)}
        out = []
        for token in doc[2:]:
            if token.i in covered or not after_stance_prefix(doc, token.i, stance_only=True):
                continue
            at, country = self._demonym_at(token)
            state = self.dictionary.actors.get(country.lower()) if country else None
            if state is not None:  # "anti-North Korean" is against North Korea
                out.append(_Candidate(doc[at : token.i + 1], state, "modifier", 0.6))
        return out

    def _demonym_at(self, token) -> tuple[int, str | None]:
        """Where the demonym ending at ``token`` starts and its country: a two-word demonym
        when the capitalised word before makes one with it ("North Korean", "South Sudanese",
        "Bosnian Serb": not the "Korean" or "Sudanese" of another state), else the word alone
        ("Iranian"), else None."""
        doc = token.doc
        for first in (token.i - 2, token.i - 1):  # "Papua New Guinean", "North Korean"
            before = doc[max(first, 0) : token.i]
            if first >= 0 and all(t.is_title and t.pos_ != "DET" for t in before):
                longer = self.dictionary.country_of_demonym(doc[first : token.i + 1].text)
                if longer:
                    return first, longer
        return token.i, self.dictionary.country_of_demonym(token.text)

    def _plural_demonym(self, word: str) -> bool:
        """Whether ``word`` is a demonym's plural ("Guineans", "Iraqis"), whatever the tagger
        read it as (a proper noun in "Guineans overseas")."""
        return (
            not word.isupper()  # "USS Cole"
            and normalise(word) not in self.dictionary.demonyms
            and self.dictionary.country_of_demonym(word) is not None
        )

    def _agent(self, token) -> tuple[str, str] | None:
        agents = self.dictionary.agents
        lemma = token.lemma_.lower()
        if lemma not in agents and (
            token.tag_ == "NNPS" or (token.tag_ == "NNP" and not token.ent_type_)
        ):
            # a capitalised plural keeps its plural as lemma ("Syrian Refugees", "Rebels"
            # in a headline, or opening a sentence and tagged as a singular name: "Rebels
            # in Deraa said"): the singular is the role noun
            lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma.removesuffix("s")
        # a two-word role noun: "police chief", and one opened by an adjective that is no
        # role of its own ("central bank" GOV, "private bank" BUS, "armed men" REB: Phoenix's
        # agents write some in the plural); "the terrorist group" is left to what it refers to.
        # The word just before, when it hangs on this one (not a walk of its children)
        before = token.doc[token.i - 1] if token.i else None
        if before is not None and not (
            before.head.i == token.i
            and (
                before.dep_ == "compound"
                or (before.dep_ == "amod" and before.lemma_.lower() not in agents)
            )
        ):
            before = None
        # a three-word role noun: "chief executive officer" (BUS), not "officer" (MIL)
        first = token.doc[token.i - 2] if before is not None and token.i > 1 else None
        modifies = first is not None and first.head.i in (token.i, before.i)
        if modifies and first.dep_ in ("compound", "amod"):
            three = f"{first.lower_} {before.lower_}"
            for phrase in (f"{three} {lemma}", f"{three} {token.lower_}"):
                if phrase in agents:
                    return agents[phrase]
        if before is not None:
            for pair in (f"{before.lemma_.lower()} {lemma}", f"{before.lower_} {token.lower_}"):
                if pair in agents:
                    return agents[pair]
        for of in token.rights:  # "head of state": a role noun with its "of" phrase
            if of.dep_ == "prep" and of.lower_ == "of":
                obj = next((g for g in of.children if g.dep_ == "pobj" and not g.n_lefts), None)
                phrase = f"{lemma} of {obj.lemma_.lower()}" if obj is not None else None
                if phrase in agents:
                    return agents[phrase]
        armed = self._armed_modifier(token)
        return armed if armed is not None else agents.get(lemma)

    def _armed_modifier(self, token) -> tuple[str, str] | None:
        """(sector, kind) of an armed group's noun (data/agents.tsv, kind armed_group) before
        a noun of a body (data/context_words.tsv armed_body): "rebel groups", "a rebel
        movement", "the rebel forces", "militant factions" are armed groups, not a state's
        forces nor nobody; not "the militant group", which refers back to a group named before
        (nor "the Hezbollah militant group", the name's)."""
        if token.lemma_.lower() not in ARMED_BODIES or not token.i:
            return None
        modifier = token.doc[token.i - 1]
        if modifier.head.i != token.i or modifier.dep_ not in ("amod", "compound"):
            return None
        found = self.dictionary.agents.get(modifier.lemma_.lower())
        if found is None or found[1] != "armed_group":
            return None
        if any(t.pos_ == "PROPN" for t in token.lefts):
            return None  # "the Hezbollah militant group": the name says which
        back = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        return None if back and token.tag_ == "NN" else found

    def _body_facility(self, token) -> tuple[str, str] | None:
        """(sector, kind) of an installation named with the body it belongs to and no
        country ("army base", "military base", "police station", "government compound"): a
        role noun of the agents dictionary right before a facility noun."""
        before = token.doc[token.i - 1] if token.i else None
        if (
            before is None
            or before.head.i != token.i
            or before.dep_ not in ("compound", "amod")
            or self._agent(before) is None
            or not {token.lemma_.lower(), f"{before.lemma_.lower()} {token.lemma_.lower()}"}
            & self.dictionary.facilities.keys()
        ):
            return None
        found = self._facility(token)
        return found if found is not None and found[0] else None

    def _facility(self, token) -> tuple[str, str] | None:
        """(sector, kind) of an installation or craft noun ("embassy", "military base",
        "ship"): a role noun right before it gives the sector ("army base" MIL, "refugee
        camp" REF), else its own entry (empty for a craft or camp with none: the country
        alone)."""
        facilities = self.dictionary.facilities
        lemma = token.lemma_.lower()
        before = token.doc[token.i - 1] if token.i else None
        if before is None or before.head.i != token.i or before.dep_ not in ("compound", "amod"):
            return facilities.get(lemma)
        pair = f"{before.lemma_.lower()} {lemma}"
        if pair in facilities:
            return facilities[pair]
        if lemma in facilities and (role := self._agent(before)) is not None:
            return role[0], "group" if role[1] == "person" else role[1]
        return facilities.get(lemma)

    def _composite(self, country: str | None, sector: str, kind: str) -> Actor:
        if country and sector == "GOV" and country.lower() in self.dictionary.actors:
            return self.dictionary.actors[country.lower()]
        if country and not sector:  # "a Turkish ship": the country's, in no sector
            state = self.dictionary.actors.get(country.lower())
            return Actor(
                f"{country.lower()}-any",
                f"{state.name if state else country} (sector not given)",
                "group",
                country,
                None,
                source="generic",
            )
        if country:
            state = self.dictionary.actors.get(country.lower())
            label = state.name if state else country
            return Actor(
                f"{country.lower()}-{sector.lower()}",
                f"{label} ({SECTOR_NAMES.get(sector, sector)})",
                kind if kind != "person" else "group",
                country,
                sector,
                source="generic",
            )
        # without a country, "protesters" in one text and in another are no one actor: the
        # group is the document's own (keyed by its text, so a rerun gives the same id)
        return Actor(
            f"generic-{sector.lower()}-{self._doc_key}",
            f"{SECTOR_NAMES.get(sector, sector)} (country not given)",
            "group",
            None,
            sector,
            source="generic",
        )

    def _titled_references(self, nominal: list[_Candidate], named: list[_Candidate]) -> None:
        """'the president', 'the foreign minister' -> the one person the document named before
        it with that title ("President Donald Trump ... the president's move": Trump), in
        place of a role noun that waits for a country. The title words of the reference (its
        noun and the words compounding it: "foreign minister") must be those of that person's
        title, honorifics aside (:meth:`_title_words_of`: "the minister" is not Prime Minister
        X, "the president" not Vice President X nor former President X); a country it names
        must be his. Two persons of the title named before it ("the president" after
        Presidents Trump and Pena Nieto) leave it a role noun: no guess."""
        agents = self.dictionary.agents
        titled = [
            (c, words)
            for c in named
            if c.actor.kind == "person"
            and c.label not in ("place", "modifier")
            and (words := _title_lemmas(c.span))
            and any(w in agents or w in TITLE_WORDS for w in words)
        ]
        if not titled:
            return
        for ref in nominal:
            head = ref.span[-1]
            if ref.noun_kind != "person" or ref.label not in ("reference", "nominal"):
                continue
            article = next((c for c in head.children if c.dep_ == "det"), None)
            if article is None or article.lower_ != "the":
                continue
            words = self._title_words_of({head.lemma_.lower()} | {
                c.lemma_.lower()
                for c in head.children
                if c.dep_ in ("compound", "amod") and c.i < head.i and c.i > article.i
            })  # fmt: skip
            country = ref.actor.country
            found = {
                c.actor.id: c
                for c, title in titled
                if c.span.start < ref.span.start
                # the same title: "the minister" is not Prime Minister X, "the president" not
                # Vice President X, nor "former President X" (the office as he held it)
                and words == self._title_words_of(title)
                and (country is None or country == (c.actor.country or c.country_hint))
            }
            if len(found) != 1:
                continue
            person = next(iter(found.values()))
            ref.actor, ref.pending, ref.placed_by = person.actor, False, None
            ref.label = "reference"  # stands for him, never a name of him
            ref.title_sector, ref.title_org = person.title_sector, person.title_org
            ref.country_hint = person.country_hint

    def _title_words_of(self, words: set[str]) -> frozenset[str]:
        """The words of a title among ``words``: those of the agents dictionary's titles
        ("prime", "minister", "foreign") and title words ("president"), with the words that
        make another office of one ("former", "vice", "deputy"); not names or countries."""
        vocabulary = self._title_vocabulary
        if vocabulary is None:
            vocabulary = frozenset(w for phrase in self.dictionary.agents for w in phrase.split())
            self._title_vocabulary = vocabulary = vocabulary | TITLE_WORDS | OTHER_OFFICE
        return frozenset(w for w in words if w in vocabulary and w not in HONORIFICS)

    def _back_references(self, doc: Doc, mentions: list[_Candidate]) -> list[_Candidate]:
        """'the group' -> the one organisation in focus in the last three sentences."""
        out = []
        sent_of = {}
        for i, sent in enumerate(doc.sents):
            for t in sent:
                sent_of[t.i] = i
        orgs = [
            c
            for c in mentions
            if c.actor.kind in ORG_KINDS and c.actor.kind != "igo" and c.label in ACTING_LABELS
        ]
        salience = Counter(c.actor.id for c in orgs)
        covered = {i for c in mentions for i in range(c.span.start, c.span.end)}
        for token in doc[1:]:
            if token.lower_ not in BACK_REFERENCES or token.i in covered:
                continue
            the = next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)
            if the is None or the.lower_ != "the" or covered.intersection(range(the.i, token.i)):
                continue
            if any(
                child.dep_ == "prep" or (child.dep_ == "compound" and child.pos_ != "NOUN")
                for child in token.children
            ):
                continue  # "the group of officials", "the Hamas group": a new referent
            # "the terrorist group", "the exiled group": a described group is the article's
            # subject when one organisation dominates it, else a new referent
            described = any(child.dep_ in ("amod", "compound") for child in token.children)
            recent = {
                c.actor.id: c.actor
                for c in orgs
                if c.span.start < token.i
                and sent_of[token.i] - sent_of[c.span.start] <= 4
                and c.span.root.tag_ not in ("NNS", "NNPS")  # "Takfiri groups" is not "the group"
            }
            top = salience.most_common(2)
            if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
                dominant = next(c.actor for c in orgs if c.actor.id == top[0][0])
                recent.setdefault(dominant.id, dominant)  # the article's subject stays in focus
                if described:
                    recent = {dominant.id: dominant}
            elif described:
                continue
            if not recent:
                continue
            ranked = sorted(recent.values(), key=lambda a: -salience[a.id])
            if len(ranked) > 1 and salience[ranked[0].id] == salience[ranked[1].id]:
                continue  # two organisations equally in focus: do not guess
            recent = {ranked[0].id: ranked[0]}
            out.append(
                _Candidate(doc[the.i : token.i + 1], next(iter(recent.values())), "reference", 0.6)
            )
        return out

    @staticmethod
    def _name_head_references(doc: Doc, mentions: list[_Candidate]) -> list[_Candidate]:
        """ "the council", "the commission" (data/context_words.tsv name_head), bare after
        "the": the one body named in that sentence or the four before it whose name ends in the
        noun ("the UN Security Council met ... The Soviet Union has boycotted the council";
        review 51). None where two such bodies are named, nor a noun with words of its own
        ("the council of elders", "the security council of Iraq")."""
        sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        covered = {i for c in mentions for i in range(c.span.start, c.span.end)}
        named = [
            c
            for c in mentions
            if c.label == "name"
            and c.actor is not None
            and c.actor.kind != "person"
            and len(c.span) > 1
            and c.span[-1].lower_ in NAME_HEADS
        ]
        out = []
        for token in doc[1:]:
            if token.lower_ not in NAME_HEADS or token.i in covered:
                continue
            the = doc[token.i - 1]
            if the.lower_ != "the" or the.head.i != token.i or token.i - 1 in covered:
                continue
            if any(c.i != the.i for c in token.children):
                continue
            found = {
                c.actor.id: c.actor
                for c in named
                if c.span.end <= the.i
                and c.span[-1].lower_ == token.lower_
                and sent_of[token.i] - sent_of[c.span.start] <= 4
                # (not past another body of the noun: "Kenya's electoral commission ... the
                # commission"; second read)
                and not any(t.lower_ == token.lower_ for t in doc[c.span.end : the.i])
            }
            sentence = token.sent
            if any(
                e.label_ == "GPE" and e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "at")
                for e in sentence.ents
            ) and not any(sentence.start <= c.span.start < sentence.end for c in named):
                continue  # "In Nairobi, the council voted": a body of the place named
            if len(found) == 1:
                (actor,) = found.values()
                out.append(_Candidate(doc[the.i : token.i + 1], actor, "reference", 0.6))
        return out

    @staticmethod
    def _compass_references(doc: Doc, mentions: list[_Candidate]) -> list[_Candidate]:
        """ "the North", "the South" (capitalised, after "the"): the one half of a divided
        country (data/context_words.tsv compass_state) named before it in the text whose name
        begins with the word ("North Korea ... the North"); none where the text named no such
        state, or two ("North Vietnam" and "North Korea")."""
        covered = {i for c in mentions for i in range(c.span.start, c.span.end)}
        states = [
            c
            for c in mentions
            if c.actor is not None
            and c.actor.kind == "state"
            and c.actor.name.lower() in COMPASS_STATES
        ]
        out = []
        for token in doc[1:]:
            if token.text not in ("North", "South") or token.i in covered:
                continue
            if doc[token.i - 1].lower_ != "the" or token.i - 1 in covered:
                continue
            if token.i + 1 < len(doc) and (
                doc[token.i + 1].pos_ in ("PROPN", "NOUN") or doc[token.i + 1].text == "-"
            ):
                continue  # "the North Atlantic", "the South China Sea", "the North-South talks"
            if token.dep_ == "pobj" and token.head.lower_ in _REGION_PREPS:
                continue  # "separatists in the South", "across the North": a region
            found = {
                c.actor.id: c.actor
                for c in states
                if c.span.end <= token.i and c.actor.name.split()[0] == token.text
            }
            if len(found) == 1:
                (actor,) = found.values()
                out.append(_Candidate(doc[token.i - 1 : token.i + 1], actor, "reference", 0.6))
        return out

    def _state_references(self, doc: Doc, mentions: list[_Candidate]) -> list[_Candidate]:
        """ "the kingdom", "the country" (data/context_words.tsv state_reference) as the subject
        of its clause: the state of the one country the nearest sentence before it (or its
        own, before it) names, by any mention (a state as a place, a person's or a body's
        country: "Iranian Foreign Minister Javad Zarif said the country would not
        negotiate"), or the dominant state of the text so far among several: "Saudi Arabia
        executed a cleric. The kingdom then expelled Iranian diplomats". Not a place ("across
        the country"), not an owner ("the country's ambassador in Rome", whose country the
        phrase's other words may say better), not one described by a phrase ("the country of
        his birth"); none where the sentence names two countries none dominates ("Russia
        attacked Ukraine. The country appealed to its allies")."""
        sentences = list(doc.sents)
        sent_of = {t.i: n for n, sent in enumerate(sentences) for t in sent}
        covered = {i for c in mentions for i in range(c.span.start, c.span.end)}
        out = []
        for token in doc:
            if (
                token.lower_ not in STATE_REFERENCES
                or token.i in covered
                or token.tag_ != "NN"
                or token.dep_ not in ("nsubj", "nsubjpass")
                or any(c.dep_ == "prep" or c.pos_ == "PROPN" for c in token.children)
            ):
                continue
            the = next((c for c in token.children if c.dep_ == "det"), None)
            if the is None or the.lower_ not in ("the", "this"):
                continue
            earlier = [c for c in mentions if c.span.start < token.i]
            state_of = {c.actor.country: c.actor for c in earlier if c.actor.kind == "state"}
            salience = Counter(c.actor.country for c in earlier if c.actor.kind == "state")
            top = salience.most_common(2)
            dominant = top[0][0] if top and top[0][1] >= 3 and (
                len(top) == 1 or top[0][1] >= 2 * top[1][1]
            ) else None  # fmt: skip
            here = sent_of[token.i]
            for back in range(here, max(-1, here - 3), -1):
                named = {
                    country
                    for c in earlier
                    if sent_of[c.span.start] == back
                    and (country := c.actor.country or c.country_hint)
                }
                if not named:
                    continue
                found = next(iter(named)) if len(named) == 1 else dominant
                if found in named and found in state_of:
                    out.append(
                        _Candidate(doc[the.i : token.i + 1], state_of[found], "reference", 0.6)
                    )
                break
        return out

    def _demonym_before(self, span: Span) -> str | None:
        """The country of a state's demonym written just before ``span`` ("Iraqi Kurds",
        "Syrian Christians"), if one is."""
        before = span.doc[span.start - 1] if span.start else None
        if before is None or not before.is_title or before.dep_ not in ("amod", "compound"):
            return None
        return self.dictionary.country_of_demonym(before.text)

    def _as_dict(self, c: _Candidate) -> dict:
        """A mention as the component hands it on, coded at the publication date (the store's
        mention rows and the events' sides carry the same code)."""
        actor = c.actor
        when = self._published
        country, sector, code_from = actor.country, actor.sector_at(when), None
        if actor.kind in PEOPLE_KINDS and not country and c.country_hint:
            # "Iraqi Kurds": the state's Kurds, coded as CAMEO does, country then group (IRQKUR)
            country, code_from = c.country_hint, "demonym"
            code = c.country_hint + make_code(None, sector, actor.kind, actor.id)
        if actor.kind == "person" and c.title_org is not None:
            # "U.N. Secretary-General Kofi Annan": CAMEO codes the person by the organisation
            # he acts for (IGOUN), whatever his own country; the sector stays the title's
            org = c.title_org
            country, sector, code_from = None, c.title_sector or org.sector, "title"
            code = make_code(None, org.sector, org.kind, org.id)
        elif (
            actor.kind == "person"
            and c.title_sector
            and (
                c.title_sector == "ELI"
                or not (
                    when
                    and any(
                        role.covers(when)
                        and (role.sector != "ELI" or c.title_sector not in STATE_OFFICES)
                        for role in actor.roles
                    )
                )
            )
        ):
            # an in-text title ("President Trump") beats the dictionary's sector unless a
            # dated office covers the publication date (an elite's role is no office and
            # yields to a state office's title, not to "PLO chairman": the converted files
            # miss offices, "President Ion Iliescu" in 1990 was ROUELI); one
            # that says he left office ("former President Karzai", ELI) always does (the
            # converted roles leave offices open)
            sector, code_from = c.title_sector, "title"
            country = country or c.country_hint
        if code_from != "demonym" and not (actor.kind == "person" and c.title_org is not None):
            code = make_code(country, sector, actor.kind, actor.id)
        return {
            "start": c.span.start_char,
            "end": c.span.end_char,
            "text": c.span.text,
            "actor": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "country": country,
            "sector": sector,
            "code": code,
            "code_from": code_from,
            "code_source": c.code_source or code_source(actor, code, code_from),
            "label": c.label,
            "confidence": c.confidence,
            "token_start": c.span.start,
            "token_end": c.span.end,
            "source": actor.source,
            "noun_kind": c.noun_kind,
            "placed_by": c.placed_by,
        }


#: words of a leader that, right after a state's name or demonym, name its head of state or
#: government ("Russian leader Vladimir Putin"), not an elite
STATE_LEADER_WORDS = frozenset({"leader", "ruler", "strongman"})


def _non_state(token) -> bool:
    """Whether ``token`` heads a body that is not the state ("band", "cricket board")."""
    lemma = token.lemma_.lower()
    before = token.doc[token.i - 1] if token.i else None
    pair = f"{before.lemma_.lower()} {lemma}" if before is not None else ""
    return lemma in NON_STATE or pair in NON_STATE


def _portfolio_word(token) -> bool:
    """A word of a portfolio after a title ("Foreign", "Affairs", "and" of "Minister of
    Foreign and Commonwealth Affairs")."""
    return token.is_title or token.lower_ in ("and", "the", "&")


def _of_state(of, states: dict) -> Any:
    """The token naming a state that "of" at ``of`` takes ("the army of Iraq"), also through
    one capitalised portfolio between ("the Ministry of Health of Ethiopia"); None for none."""
    for _ in range(2):
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        if obj.i in states:
            return obj
        if not obj.is_title or obj.lemma_.lower() in ORGANISATION_NOUNS:
            return None  # a portfolio ("Health"), not a body ("the University of Tehran")
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None


def _after_portfolio(doc: Doc, i: int) -> int:
    """The token after a title at ``i`` and the portfolio that follows it ("Minister of
    Foreign Affairs", "Secretary for Home Affairs": "of" or "for" and at most four capitalised
    words, with "and", "the"); ``i + 1`` when no portfolio follows."""
    j = i + 1
    if j + 1 >= len(doc) or doc[j].lower_ not in ("of", "for") or not doc[j + 1].is_title:
        return i + 1
    j += 1
    while j < min(len(doc), i + 7) and _portfolio_word(doc[j]):
        if doc[j].ent_type_ == "PERSON" and doc[j - 1].ent_type_ != "PERSON":
            return j
        j += 1
    return j


def _doer(token) -> bool:
    """Whether ``token`` is a noun of people by what they do ("hackers", "investigators",
    "activists"), by its ending (context_words.tsv: doer_suffix, not_doer)."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma.endswith("s"):  # "Chinese Hackers" in a headline
        lemma = lemma[:-1]
    return (
        lemma.isalpha()
        and len(lemma) > 4
        and lemma.endswith(DOER_SUFFIXES)
        and lemma not in NOT_DOERS
    )


def _owns_non_state(span: Span) -> bool:
    """Whether ``span`` (a state's name) names the owner of a body that is not the state
    ("India's cricket board", "the Italy football federation")."""
    root = span.root
    return root.dep_ in ("poss", "compound") and _non_state(root.head)


def _force_in_focus(token, mentions: list[_Candidate]) -> str | None:
    """The force a bare "officers" serves in: the police or the army the text last named
    before it, else the police when the officers do police work ("officers arrested him",
    "officers responded to the call"); None when nothing tells."""
    last = None
    for c in mentions:
        if (
            c.actor is not None
            and c.actor.sector in ("COP", "MIL")
            and c.span.end <= token.i
            and (last is None or c.span.end > last.span.end)
        ):
            last = c
    if last is not None:
        return last.actor.sector
    verb, dep = token.head, token.dep_
    if dep == "pobj" and verb.dep_ == "agent":  # "he was arrested by officers"
        verb, dep = verb.head, "agent"
    return "COP" if dep in ("nsubj", "agent") and verb.lemma_.lower() in POLICE_WORK else None


#: words of a title that make it another office than the title alone ("Vice President",
#: "former President")
#: words that say a title's holder left the office ("former President X")
FORMER_WORDS = frozenset({"former", "ex"})
OTHER_OFFICE = FORMER_WORDS | {"late", "vice", "deputy", "assistant", "under"}
#: words of a title that name no office ("Prime Minister Dr Keith Rowley" is "the prime
#: minister"; "acting President X" is "the president")
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "sir", "lady", "acting", "the", "his", "her"})


def _title_lemmas(name: Span) -> set[str]:
    """The words of the title written before a person's name ("U.S. President" of "U.S.
    President Donald Trump", "foreign minister" of "Russia's foreign minister Sergei Lavrov"),
    in it ("President Trump", a name the dictionary lists with its title) and in apposition
    ("X, the Iraqi defence minister"), as lower-case lemmas (the name's own words too)."""
    doc = name.doc
    out = {t.lemma_.lower() for t in name if t.is_alpha}
    i = name.start - 1
    while i >= max(0, name.start - 5):
        t = doc[i]
        if t.dep_ == "det" or t.is_punct or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        out.add(t.lemma_.lower())
        i -= 1
    for described in name.root.children:
        if described.dep_ == "appos" and described.pos_ == "NOUN":
            out.update(
                t.lemma_.lower()
                for t in described.subtree
                if t.i <= described.i and t.pos_ in ("NOUN", "ADJ", "PROPN")
            )
    return out


def _named_after(entity_of: list[Span | None], span: Span) -> bool:
    """Whether a person's name is inside the name of a thing named after him, the named
    entity around it going on to a word of ``NAMED_AFTER`` ("the Nelson Mandela Foundation",
    "Gbagbo Street Market", "Mandela Square" read as a person)."""
    ent = _entity_around(entity_of, span)
    return (
        ent is not None
        and ent.end > span.end
        and ent[-1].lower_ in NAMED_AFTER
        and all(t.is_title or t.is_upper for t in ent[span.end - ent.start :])
    )


def _inside_a_longer_name(doc: Doc, first: int) -> bool:
    """Whether the token ``first`` is inside a named entity that begins before it (a
    dictionary alias that is a word of another name: "Foundation" of "the Kidney Foundation
    of Canada", a gang's alias in the converted dictionary)."""
    token = doc[first]
    return bool(token.ent_type_) and token.ent_iob_ == "I"


def _named_as(span: Span, actor, by_name: dict[str, set[str]]) -> bool:
    """Whether ``span`` is one of ``actor``'s names as written: capitalised words, its name
    or an alias (``by_name``, the dictionary's exact index; not a word its transliteration
    key happens to match)."""
    if not all(t.is_title or t.is_upper for t in span if t.is_alpha) or any(
        t.is_punct and t.text not in ("-", "'s", "’s") for t in span
    ):
        return False
    return actor.id in by_name.get(normalise(span.text), ())


def _missed_surnames(doc: Doc, mentions: list[_Candidate], title_words) -> list[_Candidate]:
    """The surname of a person named in full before, where the recogniser missed it because
    it is also an English word ("Defence Minister Yoav Gallant ... a day after Gallant called
    on the government", "Susan Rice ... Rice said"): the same capitalised word, inside no
    mention or entity, not in a run of capitalised words nor opening its sentence (but for a
    family name written first, the subject of its verb: "Ma Ying-jeou ... Ma urged"), heading
    a subject, an object or a possessor. One name two persons share is no one's, and one
    that is also a title ("King", "Lord": ``title_words`` keeps the title words of a set of
    words) is the title as much as the name."""
    holders: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    # family names written first ("Ma Ying-jeou", "Kim Jong Un", "Xi Jinping"): of two to
    # FAMILY_FIRST letters, before a hyphenated or two-word given name or of three letters
    # at most; not a given name ("Hope Hicks ... Hope remains"), nor a long first word of a
    # place the recogniser took for a person's ("Manchester Arena")
    family_first: set[str] = set()
    actors = {}
    for c in mentions:
        if c.actor.kind == "person" and len(c.span) >= 2 and c.label == "name":
            words = [(c.span[-1], 3, 99)]
            if len(c.span[0]) <= 3 or len(c.span) >= 3 or any(t.text == "-" for t in c.span):
                words.append((c.span[0], 2, FAMILY_FIRST))
            for word, shortest, longest in words:
                if (
                    word.is_alpha
                    and word.is_title
                    and shortest <= len(word) <= longest
                    and word.lower_ not in TITLE_WORDS
                    and not title_words({word.lower_})
                ):
                    holders.setdefault(word.text, set()).add(c.actor.id)
                    first.setdefault(word.text, c.span.end)
                    actors[c.actor.id] = c.actor
                    if word.i == c.span.start:
                        family_first.add(word.text)
    if not holders:
        return []
    covered = {i for c in mentions for i in range(c.span.start, c.span.end)}
    out = []
    for token in doc:
        ids = holders.get(token.text)
        if (
            ids is None
            or len(ids) > 1
            or token.i < first[token.text]
            or token.i in covered
            or token.ent_type_
            or (
                token.is_sent_start
                # (a family name opening its sentence as the subject of its verb: "Ma urged")
                and not (token.text in family_first and token.dep_ == "nsubj")
            )
            or (token.i > 0 and doc[token.i - 1].is_title)
            or (token.i + 1 < len(doc) and doc[token.i + 1].is_title)
            or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos")
        ):
            continue
        out.append(_Candidate(doc[token.i : token.i + 1], actors[next(iter(ids))], "name", 0.8))
    return out


def _groups_the_text_qualifies(mentions: list[_Candidate], country_of_demonym) -> None:
    """A group's bare name names the group the text writes with its country's adjective
    before that name: "Taliban militants stormed a school in Peshawar ... The Pakistani
    Taliban claimed responsibility" (the Tehrik-i-Taliban Pakistan, not the Afghan Taliban,
    in every mention), unless the text also names the bare name's own group with an
    adjective ("the Afghan Taliban and the Pakistani Taliban"), so qualifies the name for
    two groups, or names that group's state. ``country_of_demonym`` gives a demonym's
    country."""

    def words(c: _Candidate) -> list[Token]:
        return [t for t in c.span if t.lower_ not in ("the", "a", "an")]

    def key(tokens: list[Token]) -> str:
        return " ".join(t.lower_ for t in tokens)

    qualified: dict[str, set[str]] = {}  # the bare name -> the groups written with an adjective
    by_id: dict[str, Actor] = {}
    plain: list[_Candidate] = []  # the mentions with no adjective
    for c in mentions:
        if c.actor.kind not in GROUP_KINDS or not c.actor.country:
            continue
        name = words(c)
        before = c.span.doc[c.span.start - 1] if c.span.start else None
        if len(name) >= 2 and country_of_demonym(name[0].text) == c.actor.country:
            bare = key(name[1:])  # "the Pakistani Taliban"
        elif before is not None and country_of_demonym(before.text) == c.actor.country:
            bare = key(name)  # "the Afghan Taliban", the adjective left out
        else:
            plain.append(c)
            continue
        qualified.setdefault(bare, set()).add(c.actor.id)
        by_id[c.actor.id] = c.actor
    # (a text that names the bare name's own country, "Kabul", "Afghanistan", may mean either
    # group: "Taliban fighters attacked a post in Helmand ... Pakistan accuses Kabul of
    # sheltering the Pakistani Taliban")
    named = {c.actor.country for c in mentions if c.actor.kind == "state"}
    for c in plain:
        groups = qualified.get(key(words(c)))
        if groups is None or len(groups) != 1 or c.actor.country in named:
            continue
        (group,) = groups
        if c.actor.id != group:
            c.actor = by_id[group]


def _one_title_per_person(mentions: list[_Candidate]) -> None:
    """A person's code does not flip between the mentions of one document: the title the
    document gives him ("President Trump" ... "Trump") codes his untitled mentions too, not the
    undated fallback (USAGOV throughout, not USAGOV then USAELI). Of several titles, the most
    frequent, then the first."""
    titled: dict[str, list[_Candidate]] = {}
    for c in mentions:
        if c.actor.kind == "person" and (c.title_sector or c.title_org is not None):
            titled.setdefault(c.actor.id, []).append(c)
    for actor_id, given in titled.items():
        keys = [(c.title_sector, c.title_org and c.title_org.id, c.country_hint) for c in given]
        best = given[keys.index(Counter(keys).most_common(1)[0][0])]
        for c in mentions:
            if c.actor.id == actor_id and not c.title_sector and c.title_org is None:
                c.title_sector, c.title_org = best.title_sector, best.title_org
                c.country_hint = c.country_hint or best.country_hint


def _published(doc: Doc) -> date | None:
    """The day of the document's publication date (``doc._.dyad_published``: a day, a month
    or a year), if it has a valid one."""
    value = doc._.dyad_published if doc.has_extension("dyad_published") else None
    return publication_day(value)


#: sectors of a state's offices: a title of one beats a dated elite's role
STATE_OFFICES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _former(words) -> bool:
    """Whether a title's words say its holder left the office ("former", "ex"): an elite of
    the party or group, not its man now ("a former Hamas commander"); "the Hezbollah leader"
    is the group's."""
    return any(t.lower_ in FORMER_WORDS for t in words)


def _holds(role: Role, sector: str, when: date | None) -> bool:
    """Whether ``role`` is an office of a title's ``sector`` in force on ``when`` (ever held,
    for an undated text); a former office holder ("former President X", sector ELI) is one
    whose office of any sector began before it."""
    if sector == "ELI":
        return role.sector != "ELI" and (when is None or role.start is None or role.start < when)
    return role.sector == sector and (when is None or role.covers(when))


def code_source(actor: Actor, code: str | None, code_from: str | None = None) -> str:
    """Where ``code`` of a mention of ``actor`` came from (one of CODE_SOURCES but "context",
    which the rule that codes from the sentence's places sets itself)."""
    if not code:
        return "none"
    if code_from in ("title", "demonym"):
        return code_from
    if actor.source in ("text", "generic"):
        # a made actor has a country only from a demonym or country name in its text
        # ("Iraqi police", "Iraq's army", "the Nigerian ... Authority"); without one its
        # sector is a role noun's ("rebels", "... Party")
        return "demonym" if actor.country else "dictionary"
    return "dictionary"


if not Doc.has_extension("dyad_actors"):
    Doc.set_extension("dyad_actors", default=None)
if not Doc.has_extension("dyad_actors_pending"):
    Doc.set_extension("dyad_actors_pending", default=None)


@Language.factory(
    "dyad_actors",
    assigns=["doc._.dyad_actors"],
    requires=["doc.ents", "token.dep", "token.lemma"],
)
def make_actor_linker(
    nlp: Language, name: str, dictionaries: list[str], use_builtin: bool, rare_surname: int
) -> ActorLinker:
    return ActorLinker(nlp, dictionaries, use_builtin, rare_surname)
