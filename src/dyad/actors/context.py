"""The ``dyad_actor_context`` spaCy component: a role noun with no country of its own
("police", "the government", "protesters", "a court") takes its country from the text around it.

It runs after ``dyad_places`` (so a town's country is known) and before ``dyad_events`` (so the
events carry the coded actor). The evidence, in order:

1. a place attached to the noun: "police in Baghdad", "a court in Bishkek", "protesters in
   southern Nepal", "opposition leaders in Chad's capital" (a country, a state's capital or any
   place the gazetteer placed, in the object of "in", "at", "from" ...), or named before it
   ("the Gujarat government"), or whom it is loyal to ("forces loyal to the Libyan commander",
   "troops under Russian command"), or the named place its title is of ("the governor of Basra
   province");
2. the sentence, when it names one country and only one (by a state, a demonym, a place, or an
   actor of that country): "Iran said the government would ..." -> Iran; two countries and no
   attachment leave it empty;
3. the document, when the sentence names no country at all and one country clearly dominates
   the document (``dominant_min_mentions`` mentions, ``dominant_ratio`` times the next).

A person the text gives no country whom a state or its police or courts hold to account or let
go ("Bolivian police arrested X", "a court convicted X") is theirs (``context`` "authority"). A
place a measure is imposed on or a truce holds in ("a curfew on Mosul", "a ceasefire in Idlib")
stands for its people: an actor of its country with no sector (label "metonym").

A role noun after a possessive pronoun ("the US must withdraw its troops") first takes the
country of its clause's subject (``context`` "owner").

A state body the dictionary knows by one bare word that is also a role noun ("Congress", the
US Congress), in a text about another state that names the first nowhere else, is the body of
the state the text is about ("Congress removed Castillo" in a text about Peru; ``context``
"document").

A coded mention says so: ``code_from`` is "context" and ``context`` is "place", "sentence",
"document", "owner", "authority" or "office" (a titled person holding an office the text
names with a country: "Turkey's interior minister ... Interior Minister X"). Role nouns that are actors only with a country ("the prime minister", "a court in
X"; ``doc._.dyad_actors_pending``) are added when they get one and dropped otherwise; the others
("protesters") stay country-less when no evidence is found. A dateline ("BAGHDAD (Reuters) -")
is where the report was filed, not evidence.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from ..nlp.components import opening_dateline_end
from ..nlp.words import after_stance_prefix
from .component import (
    ATTACK_NOUNS,
    FORCE_SECTORS,
    FORMER_WORDS,
    GATHERINGS,
    MOTION_VERBS,
    NOT_LOCAL,
    PLACE_NOUNS,
    PORTFOLIOS,
    ActorLinker,
    _attached_place,
    _located_at,
    force_noun,
    held_by,
    holders,
    names_a_pact,
    one_of_a_force,
    place_of,
)
from .dictionary import context_words, make_code

__all__ = ["ActorContext"]

#: possessive pronouns that stand for their clause's subject ("withdraw its troops")
OWNING_PRONOUNS = frozenset({"its", "their", "his", "her"})
#: sectors placed only by an attached place: refugees come from elsewhere, and "the man" or
#: "the people" of a sentence about Iraq need not be Iraqi
NOT_AROUND = {"REF", "CVL"}
#: sectors a state governs at home: activists, journalists, students a state's authorities act
#: on are its own, when the text gives them no other country
GOVERNED = {"OPP", "MED", "EDU"}
#: participles of a body sent where it is ("troops stationed in Mali")
SENT_WORDS = context_words()["sent"]
#: verbs whose object forces are their subject's though sent nowhere ("ordered troops into")
COMMANDING_WORDS = context_words()["commanding"]
#: sectors of a state's own authorities (the state itself is GOV)
RULING = {"GOV", "COP", "JUD"}
#: sectors of trades, not offices: a person titled by one ("producer X", "professor X")
#: is of the country his document is about, as a civilian is, when his sentence names no other
TRADES = {"BUS", "MED", "EDU", "HLH", "LAB", "AGR"}
#: sectors of a state's offices: a person whose title gives one of them and no country
#: ("President X", "opposition leader X") is a state's own and takes its country as a role
#: noun does; not a journalist, a cleric or a business leader, who may be anyone's. A former
#: office holder ("former Governor X": ELI) is too, but not another elite ("actor X")
OFFICE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "OPP"}
#: sectors of the forces a state sends ("deployed troops", "sent police")
FORCES = FORCE_SECTORS
#: role nouns that are foreign wherever they are ("peacekeepers in Iraq")
FOREIGN_NOUNS = context_words()["foreign"]
#: offices a state fills abroad ("the ambassador"), whoever holds their holder to account
ENVOYS = context_words()["envoy"]
#: second halves of "Iran-backed", "Saudi-led": the modifier names a backer, not the owner
BACKER_WORDS = context_words()["backer"]
#: nouns that name a federal country's first-level division as well as a state ("the state")
SUBNATIONAL = context_words()["subnational"]
#: countries whose first-level divisions news calls states (lower-case ISO alpha-3)
FEDERAL = context_words()["federal"]
#: last words of an organisation's name ("Organization", "Service")
ORGANISATION_NOUNS = context_words()["organisation_noun"]
#: sectors a sub-national "state" modifier takes from a role noun ("the state legislature")
STATE_BODIES = {"GOV", "LEG", "JUD"}
#: sectors of a named organisation no dictionary knows, by the head of its name
#: (data/org_heads.tsv), that make it one of a state's institutions or parties: it takes the
#: country of a state named before it that owns it ("Iraq's Electoral Commission")
INSTITUTIONS = {"GOV", "LEG", "JUD", "COP", "MIL", "PTY"}
#: sectors of the bodies that hold, try or fight people: what they say of them ("police said
#: six Colombian nationals were arrested") says nothing of their own country
HOLDERS = {"COP", "JUD", "MIL", "SPY"}
#: sectors of armed groups, coded by where they fight (ICEWS's and ACLED's convention:
#: "Insurgents (Mali)"): the one country of the places that set their own verb is theirs,
#: whatever country the other side of the sentence has ("rebels ambushed Malian soldiers
#: near Gao"; _where_it_fights); and police, who act at home ("police stormed the Mexican
#: embassy in Quito": Ecuador's; review 52)
FIGHTING_WHERE_THEY_ARE = {"REB", "COP"}


#: prepositions of where something happens ("attacked troops near Gao", "fighting in Mali")
_SETTING_PREPS = frozenset({"in", "near", "at", "around", "outside", "inside", "across"})


def _where_it_fights(place, head) -> bool:
    """Whether a named place is where the group ``head`` acts: the object of a preposition of
    setting on the verb it is the subject of, or on that verb's object ("Rebels attacked French
    troops near Gao"); not a place in the group's own phrase ("rebels trained in Libya",
    "rebels based in Uganda"), one it goes to ("fled into Sudan"), or an adjective."""
    if place.pos_ not in ("PROPN", "NOUN"):
        return False  # "the Iraqi prime minister": a people's word, no place
    # (the verb the group is the subject of, or the attack noun its word modifies: "a rebel
    # ambush near Gao")
    verb = head.head
    if head.dep_ not in ("nsubj", "amod", "compound") or verb.i == head.i:
        return False
    node = place
    while node.dep_ in ("compound", "appos", "conj") and node.head.i != node.i:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in _SETTING_PREPS:
        return False
    holder = prep.head
    if holder.dep_ in ("dobj", "obj", "pobj") and holder.head.i != holder.i:
        holder = holder.head if holder.dep_ != "pobj" else holder.head.head
    return holder.i == verb.i and place.i not in {t.i for t in head.subtree}


def _unnamed_agent(head) -> bool:
    """Whether ``head`` is a word of attackers a report does not identify ("gunmen",
    "assailants", "militants": dyad.events' attack_words.tsv, agent), in any form ("Gunmen"
    opening a sentence keeps its plural as lemma): no side of a conflict the text names, so no
    country by where they struck ("Gunmen kill five Iraqi policemen in Baquba")."""
    from ..events.patterns import attack_words  # (dyad.events reads the actors: import late)

    word = head.lower_
    forms = {head.lemma_.lower(), word, word.removesuffix("s"), word.removesuffix("men") + "man"}
    return bool(forms & attack_words()["agent"])


class ActorContext:
    def __init__(
        self,
        linker: ActorLinker,
        dominant_min_mentions: int,
        dominant_ratio: float,
        dominant_sole_min_mentions: int,
        dateline_weight: int,
    ):
        self.dominant_sole_min_mentions = dominant_sole_min_mentions
        if dateline_weight < 0:
            raise ConfigError(
                f"nlp.components.dyad_actor_context.dateline_weight is {dateline_weight}; "
                "set it to 0 (a dateline is no evidence) or more"
            )
        self.dateline_weight = dateline_weight
        self.linker = linker
        self.dominant_min_mentions = dominant_min_mentions
        self.dominant_ratio = dominant_ratio

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc._.dyad_actors or [])
        pending = list(doc._.dyad_actors_pending or [])
        waiting = [m for m in mentions if _needs_country(m) or _titled_without_country(m, doc)]
        # people held or freed ("police detained 18 people") wait for the authority alone
        waiting += [m for m in pending if m.get("placed_by") not in ("authority", "document")]
        named = [m for m in mentions if _unplaced_name(m)]
        held = [m for m in mentions if _held_person(m)]
        held += [m for m in pending if m.get("placed_by") == "authority"]
        # civilians no place or authority gives a country ("a man", "the victim") and people
        # named by no title nor dictionary: the document's country may be theirs
        local = [m for m in pending if m.get("placed_by") == "document"]
        # (not a person any of whose mentions has a title or role, read or not: "Alderman
        # X", "Sgt. X", "X, the city's chief of police", and "X" alone after them)
        titled = {m.get("actor") for m in mentions if self._titled(doc, m)}
        local += [
            m
            for m in held
            if m.get("label") == "name" and not m.get("sector") and m.get("actor") not in titled
        ]
        # and people titled by a trade, no office ("Hollywood producer X", "professor X")
        local += [m for m in mentions if _tradesman(m)]
        restricted = self._restricted_places(doc, mentions)
        bare = [m for m in mentions if self._bare_body(m) or _generic_party(m)]
        if not waiting and not named and not held and not local and not restricted and not bare:
            return doc
        evidence, filed = self._evidence(doc, mentions)
        sent_of = {}
        for n, sent in enumerate(doc.sents):
            sent_of.update(dict.fromkeys(range(sent.start, sent.end), n))
        by_token: dict[int, set[str]] = {}
        places_at: dict[int, set[str]] = {}  # evidence of places only, not of parties
        by_sent: dict[int, list[tuple[int, int, str, bool]]] = {}
        for item in evidence:
            for i in range(item[0], item[1]):
                by_token.setdefault(i, set()).add(item[2])
                if not item[3]:
                    places_at.setdefault(i, set()).add(item[2])
            by_sent.setdefault(sent_of[item[0]], []).append(item)
        dominant = self._dominant(evidence, filed)
        coded: dict[int, dict] = {}
        for m in bare:
            # "Congress removed Castillo" in a text about Peru: the dictionary gives the bare
            # word to one state's body (the US Congress); the text is about another state
            # and names the first nowhere else: the body is its own; so is a party named by
            # words many states' parties share ("the Democratic Unionist Party" in a text
            # about Sudan: Sudan's, not Northern Ireland's)
            if (
                dominant is not None
                and dominant != m["country"]
                and not any(
                    o.get("country") == m["country"] and o.get("actor") != m.get("actor")
                    for o in mentions
                )
            ):
                body = {**m, "noun_kind": m.get("kind"), "label": "nominal"}
                coded[id(m)] = self._coded(body, dominant, "document")
        # tokens of mentions of a state or of its government, police, courts (all of them: a
        # demonym inside one, "Venezuelan" of "the Venezuelan government", is evidence too)
        rulers = {
            i
            for m in mentions
            if m["label"] != "place" and m.get("country") and m.get("sector") in RULING
            for i in range(m["token_start"], m["token_end"])
        }
        taken = _words_of(mentions)
        # the words of each actor's own mentions and of role nouns: a title in apposition to
        # a person's name ("Nicholas Biwott, the energy minister", "X, the acting federal
        # commander") names nobody else
        words_of: dict[str, set[int]] = {}
        for m in mentions:
            if m.get("actor"):
                words_of.setdefault(m["actor"], set()).update(
                    range(m["token_start"], m["token_end"])
                )
        # the words of role nouns, and of those with a sector (titles: "the energy minister")
        roles = _words_of(m for m in mentions if m["label"] in ROLE_LABELS)
        titles = _words_of(m for m in mentions if m["label"] in ROLE_LABELS and m.get("sector"))
        # people any of whose mentions is titled as an envoy
        envoys = {
            m.get("actor")
            for m in mentions
            if m.get("kind") == "person" and _envoy(doc, m, doc[m["token_end"] - 1])
        } - {None}
        # adjectives of a province or region ("Kurdish", "Punjabi"): a people's word that
        # news also writes across borders, weaker than a place the noun is said to be in
        places = doc._.dyad_places if Doc.has_extension("dyad_places") else None
        regional = {
            i
            for p in places or ()
            if p.get("kind") == "adjective" and p.get("feature") not in ("country", None)
            for i in range(p["token_start"], p["token_end"])
        }
        is_pending = {id(m) for m in pending}
        # the country of each token of an acting mention that has one (the owner a possessive
        # pronoun stands for)
        countries_at = {
            i: m["country"]
            for m in mentions
            if m["label"] not in ("place", "modifier") and m.get("country")
            for i in range(m["token_start"], m["token_end"])
        }
        # the first tokens of mentions that only modify a thing ("the Afghan border")
        modifiers = {m["token_start"] for m in mentions if m["label"] == "modifier"}
        introduced = {}  # id of a name a body's noun introduces -> the noun
        for m in named:
            country = self._place_of_name(doc, m, by_token)
            if country is None and m.get("sector") in INSTITUTIONS:
                country = _institution_country(doc, m, by_token)
            if country is not None:
                coded[id(m)] = self._coded(m, country, "place")
            elif (
                noun := self.linker._body_noun(doc[m["token_start"] : m["token_end"]])
            ) is not None:
                # "the opposition newspaper La Prensa": placed as its noun would be
                introduced[id(m)] = noun
                waiting.append(m)
        for m in waiting:
            own = range(m["token_start"], m["token_end"])
            if id(m) in is_pending and taken.intersection(own):
                continue  # another mention holds these words ("the party" read back)
            head = introduced.get(id(m), doc[m["token_end"] - 1])
            person = m.get("kind") == "person"
            # a person is not placed by the words around his name ("Iran hawk Senator X",
            # "President X in Baghdad"), only by the one country his sentence names
            placed_by = m.get("placed_by")
            # "the US must withdraw its troops", "Iran agreed to reduce its forces in Syria":
            # a possessive pronoun before the noun stands for its clause's subject, whose
            # country it takes before any place it is in
            country, reason = None, "owner"
            if not person and placed_by is None:
                country = _owner_country(head, countries_at)
                if country is None and m.get("sector") in FORCES:
                    country = _sender_country(head, countries_at)
            if country is None:
                reason = "place"
                if person:
                    country = _title_place(doc, m["token_start"], places_at)
                else:
                    country = self._attached(head, by_token, m["sector"], placed_by, regional)
            if country is None and person:
                # "Turkey's interior minister ... Interior Minister X": the holder of the office
                # the text named with a country, before any country of his sentence
                country, reason = _same_office(doc, m, mentions), "office"
            names = taken - words_of.get(m.get("actor"), set()) - roles
            if (
                country is None
                and placed_by is None
                and self._may_look_around(doc, head, m, taken, names)
            ):
                near, opposite, others, sites = set(), _counterparts(head), set(), set()
                # the countries a party or a place's name names, not only a word modifying a
                # thing ("the Afghan border"), and not in the noun's own phrase ("gunmen from
                # across the Afghan border": whence they come)
                named_otherwise = set()
                own_phrase = {t.i for t in head.subtree}
                # a state's own authorities acting on activists or journalists, or holding an
                # office holder to account ("prosecutors charged the mayor"), act at home
                domestic = m["sector"] in GOVERNED or _held_office(doc, m, head)
                # (a person's, or a force's, police's or court's: whom they hold or fight is
                # often foreign; a government speaks of its own country's bodies)
                said = _what_he_says(head) if person or m["sector"] in HOLDERS else set()
                for start, end, found, party in by_sent.get(sent_of[head.i], ()):
                    if person and _destination(doc[start]):
                        continue  # "X will visit Russia": where a person goes is not his own
                    if not party and dominant not in (None, found) and _venue(doc[start]):
                        # where bodies of the country a text is about met or signed is not
                        # theirs ("the government and the rebels signed an agreement in
                        # Christchurch" in a text about Papua New Guinea, review 41)
                        continue
                    if start in said and (person or party):
                        # "Interior Minister X said Khan had been arrested", "police said six
                        # Colombian nationals were arrested": whom a speaker speaks of is no
                        # side of his, and where a person speaks of is not where he is (where
                        # police speak of is where they work: "a man was stabbed in Toronto")
                        continue
                    if not (start < own.stop and own.start < end):
                        # the other party is no evidence, but a state's own authorities acting
                        # on activists or journalists act at home ("Venezuela releases
                        # activists", "Iranian police arrested protesters")
                        # (a state addressed, "called on Mexico to", is a party too)
                        against = (party or _addressed(doc[start])) and start in opposite
                        # a person is placed by places, not by another party of the sentence
                        # ("President X refused to meet the American envoy")
                        against = against or (person and party)
                        if against and not (domestic and start in rulers):
                            near.add(None)
                            others.add(found)
                        else:
                            near.add(found)
                            if start not in modifiers or start in own_phrase:
                                named_otherwise.add(found)
                            if not party and _where_it_fights(doc[start], head):
                                sites.add(found)
                named = near - {None}
                if len(named) == 1 and None not in near:
                    country, reason = next(iter(named)), "sentence"
                elif (
                    m["sector"] in FIGHTING_WHERE_THEY_ARE
                    and len(sites) == 1
                    and not _unnamed_agent(head)
                ):
                    country, reason = next(iter(sites)), "sentence"
                elif (
                    not named
                    and (not near or not person)
                    and dominant is not None
                    and dominant not in others
                    and not (person and m.get("actor") in envoys)
                ):
                    # no country of its sentence but the other party's ("security forces
                    # prevented infiltration from Libya" in a text about Tunisia): the
                    # document's, unless that is the other party's; not an envoy's, who is
                    # sent to the country a text is about ("Terry Waite, the Archbishop of
                    # Canterbury's special envoy" in a text about Beirut)
                    country, reason = dominant, "document"
                elif (
                    not person
                    and len(named) > 1
                    and dominant in named
                    and dominant not in others
                    and not (named - {dominant}) & named_otherwise
                ):
                    # a sentence naming the country the text is about, and others only by a
                    # word modifying a thing ("Tajik forces fought gunmen in Khorog, on the
                    # Afghan border" in a text about Tajikistan; review 53): of the text's
                    # country; not where another country acts or is a place ("The Ukrainian
                    # government accused Russia, and the army shelled Donetsk" in a text about
                    # Russia; "Iran condemned the Quetta attack")
                    country, reason = dominant, "document"
            division = (
                self._division(doc, head, country) if m.get("sector") in STATE_BODIES else None
            )
            if division is not None:
                # "the state of Hawaii", "the state legislature" of a text about Hawaii: a
                # division of a federal country, not its national government: the country alone
                country, reason = division, "place"
            if country is not None:
                as_coded = {**m, "sector": ""} if division is not None else m
                coded[id(m)] = self._coded(as_coded, country, reason)
        # a person or people the text gives no country, whom a state or its authorities hold
        # to account or let go ("Bolivian police arrested X", "a court convicted X", "Syria
        # freed 37 prisoners"), are theirs: a state's own courts and police act at home
        ruling_at = {
            i: m["country"]
            for m in (coded.get(id(m), m) for m in (*mentions, *pending))
            if m["label"] not in ("place", "modifier")
            and m.get("country")
            and (m.get("kind") == "state" or m.get("sector") in RULING)
            for i in range(m["token_start"], m["token_end"])
        }
        for m in held:
            if id(m) not in coded:
                country = _holding_authority(doc[m["token_end"] - 1], ruling_at)
                if country is not None:
                    coded[id(m)] = self._coded(m, country, "authority")
        place_names = {p["text"].casefold() for p in places or () if p.get("country")}
        if dominant is not None:
            for m in local:
                own = range(m["token_start"], m["token_end"])
                if id(m) in coded or (id(m) in is_pending and taken.intersection(own)):
                    continue
                if id(m) not in is_pending and m["text"].casefold() in place_names:
                    continue  # a town the text names, the recogniser took for a person here
                sentence = by_sent.get(sent_of[m["token_start"]], ())
                others = {
                    c for start, end, c, _ in sentence if end <= own.start or start >= own.stop
                }
                if others <= {dominant}:
                    # no other country in their sentence: the one the document is about
                    coded[id(m)] = self._coded(m, dominant, "document")
        for m in mentions:
            if id(m) in restricted:
                coded[id(m)] = restricted.pop(id(m))
        # a named organisation or person the context placed is of that country under every
        # name the text gives it: the acronym it defines ("the Sri Lanka Freedom Party
        # (SLFP)": the SLFP too), the surname alone and the headline's mention ("Aziz Orujov"
        # whom Azerbaijan's police arrested is Azerbaijan's in "Orujov was released" too)
        placed: dict[str, dict] = {}
        for c in coded.values():
            if (
                c.get("actor")
                and c.get("source") == "text"
                and c.get("country")
                and c.get("label") in ("name", "short")
                and placed.get(c["actor"], {}).get("context") != "office"
            ):
                placed[c["actor"]] = c  # (the office he holds first: see below)
        for m in mentions:
            twin = placed.get(m.get("actor"))
            if (
                twin is not None
                and m.get("label") in ("acronym", "short", "name")
                and (
                    id(m) not in coded
                    # the office he holds beats the document's country for him
                    or (
                        twin.get("context") == "office"
                        and coded[id(m)].get("context") == "document"
                    )
                )
                and not m.get("country")
                # a person's country guessed from one sentence's one country is not his in
                # the others; one his captors or his title's place give is
                and (
                    m.get("kind") != "person"
                    or twin.get("context") in ("authority", "place", "document", "office")
                )
            ):
                coded[id(m)] = _of_country(m, twin["country"], twin.get("context") or "place")
        # a person no dictionary knows named with the body he is of ("Sgt. X of the Baltimore
        # Police Department", "X of the BBC"): that body's country and sector, before any the
        # document gave him
        bodies = {
            i: c
            for c in (coded.get(id(m), m) for m in mentions)
            if c.get("kind") not in ("person", "state", "ethnic", "religious")
            and c["label"] not in ("place", "modifier", "metonym", "demonym")
            and c.get("country")
            and c.get("sector") not in (None, "", "CVL")
            for i in range(c["token_start"], c["token_end"])
        }
        for m in mentions:
            current = coded.get(id(m), m)
            if _unplaced_member(current):
                body = _body_after(doc, current, bodies, titles)
                if body is not None:
                    coded[id(m)] = {
                        **_of_country(current, body["country"], "place"),
                        "sector": body["sector"],
                        "code": make_code(body["country"], body["sector"], "person", m["actor"]),
                    }
        if coded or restricted:
            doc._.dyad_actors = sorted(
                [coded.get(id(m), m) for m in mentions]
                + [coded[id(m)] for m in pending if id(m) in coded]
                + list(restricted.values()),
                key=lambda m: m["start"],
            )
        return doc

    def _restricted_places(self, doc: Doc, mentions: list[dict]) -> dict[int, dict]:
        """Places the gazetteer knows that stand for their people: the object of a measure
        imposed on them or of a truce holding there ("a curfew in parts of Kashmir", "imposed a
        blockade on Daraa", "declared a state of siege in X"), and a town or province that is
        a verb's subject or object ("forces shelled Idlib", "Basra rejected the plan"): an
        actor of its country with no sector (as CAMEO codes a city for its state). A name no
        dictionary knows that is such a place anywhere else ("a court in Lyon") is a place, not
        an organisation. Keyed by the id of the mention it replaces, else by a new key."""
        places = doc._.dyad_places if Doc.has_extension("dyad_places") else None
        by_start = {m["token_start"]: m for m in mentions}
        out: dict[int, dict] = {}
        dateline = opening_dateline_end(doc)  # where the report was filed stands for no one
        for p in places or ():
            if not p.get("country") or p.get("kind") != "name" or p.get("feature") == "within":
                continue
            start, end = p["token_start"], p["token_end"]
            if start < dateline:
                continue
            restricted = _restricted(doc[end - 1])
            acting = restricted or (
                p.get("feature") not in ("country", "continent") and _acting_place(doc[end - 1])
            )
            if acting and _held(doc[end - 1]):
                acting = restricted = False  # "shelled rebel-held Idlib": the rebels are hit
            mention = by_start.get(start)
            if mention is not None and mention["token_end"] == end:
                if restricted and mention["label"] == "place" and mention.get("kind") == "state":
                    out[id(mention)] = {**mention, "label": "metonym"}  # "a curfew in Bolivia"
                elif (
                    (restricted and mention["label"] == "place")
                    or _unplaced_name(mention)
                    or _untitled_new_person(mention)
                ):
                    out[id(mention)] = self._place_mention(doc, p, acting)
                continue
            if not acting or any(
                m["token_start"] < end and start < m["token_end"] for m in mentions
            ):
                continue  # a place where things happen, or part of another mention's words
            out[-start - 1] = self._place_mention(doc, p, acting)
        return out

    def _place_mention(self, doc: Doc, place: dict, acting: bool) -> dict:
        """The mention of a place standing for its state (its country, no sector)."""
        start, end = place["token_start"], place["token_end"]
        span = doc[start:end]
        actor = self.linker._composite(place["country"], "", "group")
        return {
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            **_coded_as(actor, "place"),
            "label": "metonym" if acting else "place",
            "confidence": 0.5,
            "token_start": start,
            "token_end": end,
            "noun_kind": None,
            "placed_by": None,
        }

    # -- evidence --------------------------------------------------------------------------

    def _evidence(
        self, doc: Doc, mentions: list[dict]
    ) -> tuple[list[tuple[int, int, str, bool]], frozenset[str]]:
        """(first token, end token, country, names a party) of every country the text names,
        datelines out; a party is an actor ("Iranian soldiers"), not a place ("in Iraq"), nor a
        name of no country that the places component found to be a place ("Multan" of "in
        Lahore, Multan and Faisalabad", which the recogniser read as a person). Then the
        countries of the opening dateline ("JOHANNESBURG, South Africa -")."""
        places = doc._.dyad_places if Doc.has_extension("dyad_places") else None
        named_places = {
            (p["token_start"], p["token_end"]) for p in places or () if p.get("kind") == "name"
        }
        parties = {
            i
            for m in mentions
            if m["label"] != "place"
            and (m.get("country") or (m["token_start"], m["token_end"]) not in named_places)
            for i in range(m["token_start"], m["token_end"])
        }
        found = [
            (m["token_start"], m["token_end"], m["country"])
            for m in mentions
            if m.get("country") and m.get("code_from") != "context"
        ]
        # a place inside the name of a meeting or a pact of no country tells nothing of
        # where ("the two sides agreed to dissolve the Minsk Group": not Belarus)
        no_evidence = {
            i
            for m in mentions
            if m["label"] != "place"
            and not m.get("country")
            and doc[m["token_end"] - 1].lower_ in GATHERINGS
            for i in range(m["token_start"], m["token_end"])
        }
        # nor does a place inside the name of an actor the dictionary gives a country: the
        # actor's is the evidence ("the Sudan People's Liberation Army in Opposition" is South
        # Sudan's, "the Kurdistan Workers' Party" Turkey's)
        no_evidence |= {
            i
            for m in mentions
            if m["label"] != "place" and m.get("country") and m.get("code_from") != "context"
            for i in range(m["token_start"], m["token_end"])
        }
        found += [
            (p["token_start"], p["token_end"], p["country"])
            for p in places or ()
            if p.get("country")
            and not (p.get("kind") == "embedded" and p["token_start"] in no_evidence)
            and not names_a_pact(doc[p["token_start"] : p["token_end"]])
        ]
        dateline = opening_dateline_end(doc)
        # "anti-American", "pro-Iranian": a stance toward a country says nothing of where;
        # "Tunisia-inspired", "Iran-backed": nor does a backer or an example
        kept = [
            (start, end, country, start in parties)
            for start, end, country in found
            if start >= dateline and not after_stance_prefix(doc, start) and not _backer(doc, end)
        ]
        return kept, frozenset(country for start, _, country in found if start < dateline)

    @staticmethod
    def _place_of_name(doc: Doc, mention: dict, by_token: dict[int, set[str]]) -> str | None:
        """The country of a place that opens an organisation's name ("the Tokyo Stock
        Exchange", "the North Dakota Senate"), owns it ("Turkey's National Intelligence
        Organization") or is attached to it by "in" ("the Pirmasens Museum in Germany"); none
        for a meeting or pact named after a place ("the Paris Club")."""
        start, end = mention["token_start"], mention["token_end"]
        head = doc[end - 1]
        if head.lower_ in GATHERINGS:
            return None
        first = start + (doc[start].lower_ == "the" and end - start > 1)
        places = doc._.dyad_places if Doc.has_extension("dyad_places") else None
        for place in places or ():
            if (
                place["token_start"] == first
                and place["token_end"] < end
                and place.get("country")
                and not place.get("adjective")
            ):
                return place["country"]
        # "Turkey's National Intelligence Organization": an organisation's name, by its head
        organisation = head.lemma_.lower() in ORGANISATION_NOUNS
        for child in head.children if organisation else ():
            if child.dep_ == "poss" and child.i < start:
                named = set().union(*(by_token.get(t.i, set()) for t in child.subtree))
                if len(named) == 1:
                    return next(iter(named))
        obj = _attached_place(head, ("in",))
        if obj is None:
            return None
        named = set().union(*(by_token.get(t.i, set()) for t in obj.subtree))
        return next(iter(named)) if len(named) == 1 else None

    @staticmethod
    def _attached(
        head,
        by_token: dict[int, set[str]],
        sector: str | None,
        placed_by: str | None = None,
        regional: set[int] = frozenset(),
    ) -> str | None:
        """The country of the place attached to ``head`` ("in Baghdad", "in Chad's capital"):
        the one country named in the preposition's object, or, if it names several, the
        country of the object's own word. Refugees are placed only by where they come from
        ("refugees from Syria", not "refugees in Greece"); a noun ``placed_by`` "modifier"
        only by a place named before it ("a California man"). A
        province's adjective before the noun (``regional``: "Kurdish fighters in Syria") gives
        way to a place after it."""
        if head.lemma_.lower() in FOREIGN_NOUNS:
            return None  # peacekeepers and mercenaries are never the country they are in
        if sector == "REF" and _displaced(head):
            sector = "CVL"  # "displaced people in eastern Syria" fled within it: its own
        if any(_led_by(child) for child in head.lefts):
            return None  # "the NATO-led force in Afghanistan": its leader's, not the place's
        weak = None
        # "the Gujarat government", "Mosul police": a place before it; of refugees only a
        # people's adjective ("Rohingya refugees"): a place before them may be where they are
        before = set()
        adjective_only = True
        for child in head.lefts:
            if child.dep_ in ("compound", "nmod", "amod") and not any(
                t.lower_ in BACKER_WORDS for t in child.subtree
            ):  # "Iran-backed militias" are not Iran's
                before.update(*(by_token.get(t.i, set()) for t in child.subtree))
                adjective_only = adjective_only and all(
                    t.i in regional for t in child.subtree if by_token.get(t.i)
                )
        if sector == "REF" and not adjective_only:
            before = set()
        if len(before) == 1:
            if sector != "REF" and (not adjective_only or placed_by == "modifier"):
                return next(iter(before))
            weak = next(iter(before))  # unless a place after the noun says otherwise
        if placed_by == "modifier":
            return None
        if placed_by == "held":  # "rebel-held Idlib": the country of the place held
            held = head.head.head
            named = set().union(*(by_token.get(t.i, set()) for t in held.subtree))
            return next(iter(named)) if len(named) == 1 else None
        if placed_by == "attachment":
            obj = _located_at(head)
        else:
            obj = _attached_place(head, ("from",) if sector == "REF" else None)
        if obj is None and sector != "REF":
            obj = _allegiance(head) or place_of(head)
        if obj is None:
            return weak
        named = set().union(*(by_token.get(t.i, set()) for t in obj.subtree))
        if len(named) == 1:
            return next(iter(named))
        inner = _attached_place(obj, ("in",)) if obj.pos_ == "NOUN" else None
        if inner is not None:
            # "the Cerro Verde mine in Peru": where the noun's place is, past a name inside
            # its phrase that is also a town's ("Cerro", Havana)
            named = set().union(*(by_token.get(t.i, set()) for t in inner.subtree))
            if len(named) == 1:
                return next(iter(named))
        own = by_token.get(obj.i, set())
        return next(iter(own)) if len(own) == 1 else weak

    def _may_look_around(
        self, doc: Doc, head, mention: dict, taken: set[int], names: set[int]
    ) -> bool:
        """Whether the noun may take its sentence's or document's country: a definite or
        plural noun that nothing already places or owns. Not refugees or civilians
        (``NOT_AROUND``), not a noun placed somewhere the text names but no table knows ("in the
        town of Gjilan", "from the 10 Asean countries"), not a noun with an owner or a
        nationality of its own that is no country dyad knows ("UN workers", "the Korean
        government", "the Croatian-born tycoon"), not a noun an apposition names (``names``:
        the words of other actors' names; ``taken``: of all mentions)."""
        if (
            mention["sector"] in NOT_AROUND
            or head.lemma_.lower() in FOREIGN_NOUNS
            or not (
                mention.get("kind") == "person"
                or _definite_or_plural(head)
                or one_of_a_force(head, mention.get("sector"))
                # "a rebel ambush": the group whose attack it is (dyad_actors made it one)
                or (head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in ASSAULTS)
            )
        ):
            return False
        obj = _attached_place(head)
        if obj is not None and any(t.pos_ == "PROPN" for t in obj.subtree):
            return False
        if any(c.dep_ == "acl" and c.lemma_.lower() in SENT_WORDS for c in head.children):
            return False  # "troops stationed in Mali", "forces deployed to Syria": sent there
        if (
            mention["sector"] in FORCES
            and head.dep_ in ("dobj", "obj")
            and head.head.lemma_.lower() in SENT_WORDS
        ):
            return False  # "NATO deployed troops to Estonia": the sender's, not Estonia's
        # "the terrorists, a group called X": the apposition names who they are
        named = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            named.append(head.head)
        # (not in a relative clause on the apposition: "X, the energy minister, who had been
        # named in an inquiry into the murder of Y" names nobody else X is)
        if any(
            t.i in names for c in named for t in (_without_relatives(c) if c.i > head.i else [c])
        ):
            return False
        dateline = opening_dateline_end(doc)
        # the words of the noun's own name ("Supreme" of "the Supreme Court") name nobody else
        name = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        own = set(range(name.start, name.end)) if name is not None else set()
        if mention.get("kind") == "person":
            # a person's given names, which the recogniser may have cut from his surname
            # ("President Beji Caid Essebsi": "Beji Caid" alone a PERSON)
            own.update(range(mention["token_start"], mention["token_end"]))
        agents = self.linker.dictionary.agents
        for child in head.lefts:
            if child.dep_ in ("det", "nummod", "predet", "punct"):
                continue
            for t in child.subtree:
                if t.i < dateline or t.i in own:
                    continue
                if (
                    t.ent_type_ == "ORG"
                    and t.ent_iob_ == "B"
                    and t.lemma_.lower() in agents
                    and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I")
                ):
                    continue  # "Army forces" in a headline: a role word capitalised, no name
                if (
                    t.ent_type_ == "ORG"
                    and t.dep_ == "compound"
                    and t.head.lemma_.lower() in PORTFOLIOS
                    and not self.linker.dictionary.country_of_demonym(t.text)
                ):
                    continue  # "Interior Minister X": the office's portfolio, read as a name
                if t.i in taken or t.ent_type_ in ("NORP", "ORG", "GPE"):
                    return False
                if "-" in t.text and any(
                    self.linker.dictionary.country_of_demonym(part) for part in t.text.split("-")
                ):
                    return False
        return True

    def _division(self, doc: Doc, head, found: str | None) -> str | None:
        """The country of a first-level division a "state" mention names: "the state of X"
        with X a division the gazetteer knows (any country), or "the state" / "the state
        legislature" in a text that names a division of one federal country (``FEDERAL``), when
        the context gives the mention that country or none (``found``); None for a state ("the state" of a text about Syria, "the Jewish
        state")."""
        state = head if head.lower_ in SUBNATIONAL else None
        if state is None:
            state = next(
                (
                    c
                    for c in head.children
                    if c.dep_ in ("compound", "amod") and c.is_lower and c.lower_ in SUBNATIONAL
                ),
                None,
            )
        if state is None or any(
            c.dep_ in ("amod", "compound")
            and c.i < state.i
            and c.pos_ in ("PROPN", "ADJ")
            and not c.is_lower
            for c in state.children
        ):
            return None  # "the Jewish state", "the Islamic State"
        places = doc._.dyad_places if Doc.has_extension("dyad_places") else None
        divisions = [p for p in places or () if p.get("feature") == "admin1" and p.get("country")]
        of = _attached_place(state, ("of",))
        if of is not None:
            named = {p["country"] for p in divisions if p["token_start"] <= of.i < p["token_end"]}
            return next(iter(named)) if len(named) == 1 else None
        dateline = opening_dateline_end(doc)
        federal = {p["country"] for p in divisions if p["token_start"] >= dateline}
        federal = {c for c in federal if c.lower() in FEDERAL}
        if len(federal) != 1:
            return None
        country = next(iter(federal))
        return country if found in (None, country) else None

    def _dominant(
        self, evidence: list[tuple[int, int, str, bool]], filed: frozenset[str] = frozenset()
    ) -> str | None:
        """The country the document is about: named ``dominant_min_mentions`` times and
        ``dominant_ratio`` times as often as the next (a name that is an actor and a place
        counts twice), or at ``dominant_sole_min_mentions`` places in the text (as places, not
        as actors) where it names no other country. Where the text names the country of its
        opening dateline, the dateline is one place more (where the report was filed is no
        evidence for any one sentence, but of what a text about one country is about:
        "JOHANNESBURG, South Africa - Police fired on students in Soweto")."""
        counts = Counter(c for _, _, c, _ in evidence)
        # (places only: a text naming "President Clinton" twice is not about the United
        # States, its people the Americans)
        places = Counter(c for _, c in {(start, c) for start, _, c, party in evidence if not party})
        if len(filed) == 1 and (country := next(iter(filed))) in counts:
            counts[country] += self.dateline_weight
            places[country] += self.dateline_weight
        if (
            len(places) == 1
            and set(counts) == set(places)
            and max(places.values()) >= self.dominant_sole_min_mentions
        ):
            return next(iter(places))  # the one country a text names, at more than one place
        top = counts.most_common(2)
        if not top or top[0][1] < self.dominant_min_mentions:
            return None
        if len(top) > 1 and top[0][1] < self.dominant_ratio * top[1][1]:
            return None
        return top[0][0]

    def _titled(self, doc: Doc, mention: dict) -> bool:
        """Whether a person's mention has a title or a role, one the tables read (a sector)
        or not (a title word before it, a role of a body beside it)."""
        return mention.get("kind") == "person" and (
            bool(mention.get("sector"))
            or _title_before(doc, mention, self.linker._title_words_of)
            or _described(doc, mention)
        )

    def _bare_body(self, mention: dict) -> bool:
        """Whether a mention is a state body the dictionary knows by one bare word that is
        also a role noun ("Congress": the US Congress; a congress is any state's)."""
        text = mention["text"]
        return (
            mention["label"] == "name"
            and mention.get("kind") == "government"
            and bool(mention.get("country"))
            and " " not in text
            and text[:1].isupper()
            and text.lower() in self.linker.dictionary.agents
        )

    def _coded(self, mention: dict, country: str, reason: str) -> dict:
        if mention.get("kind") == "person" or _unplaced_name(mention):
            return _of_country(mention, country, reason)
        actor = self.linker._composite(
            country, mention["sector"], mention.get("noun_kind") or "group"
        )
        return {
            **mention,
            **_coded_as(actor, reason),
            "confidence": 0.6 if reason == "place" else 0.5,
        }


def _of_country(mention: dict, country: str, reason: str) -> dict:
    """The same person or named organisation, now of a country; a person no title or
    dictionary describes is one of its civilians (ICEWS's "Citizen (country)")."""
    sector = mention["sector"]
    if not sector and mention.get("kind") == "person" and mention.get("source") == "text":
        sector = "CVL"
    return {
        **mention,
        "country": country,
        "sector": sector,
        "code": make_code(country, sector, mention["kind"], mention["actor"]),
        "code_from": "context",
        "code_source": "context",
        "context": reason,
        "confidence": min(mention.get("confidence") or 0.5, 0.6),
    }


def _title_before(doc: Doc, mention: dict, title_words) -> bool:
    """Whether a title opens a person's mention or stands right before it ("Alderman Ray
    Costigan", "Sgt. Marcus Tillery", "Detective Inspector Harriet Colley", "presidential
    adviser X"); ``title_words`` keeps the title words of a set of words ("Mr", "Dr" are none)."""
    start = mention["token_start"]
    before = start - 1
    while before >= 0 and doc[before].text == ".":
        before -= 1
    words = [doc[start]] + ([doc[before]] if before >= 0 else [])
    return any(
        title_words({t.lower_.rstrip(".")}) and (t.pos_ in ("NOUN", "PROPN") or t.text[-1] == ".")
        for t in words
        if not t.is_stop and not force_noun(t)  # "told police X": no title
    )


def _described(doc: Doc, mention: dict) -> bool:
    """Whether a name stands in apposition with a role of a body ("London's chief of police,
    Cressida Dick", "Dana Kiplow, a spokesman for the council"): an office no table reads,
    which a civilian's code would contradict ("her son James" is a civilian's description)."""
    head = doc[mention["token_start"] : mention["token_end"]].root
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    return any(
        t.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ in ("of", "for", "to") for c in t.children)
        for t in nouns
    )


def _held(token) -> bool:
    """Whether the place ending at ``token`` is said to be held by someone ("rebel-held
    Idlib", "the rebel-held town of Douma", "Islamic State-held Mosul")."""
    return any(
        child.dep_ == "amod" and any(held_by(g) for g in child.children)
        for node in (token, _place_phrase(token))
        for child in node.children
    )


def _place_phrase(token):
    """The head of the phrase a place name ending at ``token`` stands in: through
    coordination and apposition, and a place noun it names ("Basra province", "the town of
    X"); not another noun it modifies ("a Lyon court", "Mosul residents": the noun acts)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("conj", "appos") or (
            node.dep_ in ("compound", "amod") and node.head.lemma_.lower() in TOWN_NOUNS
        ):
            node = node.head
        elif (
            node.dep_ == "pobj"
            and node.head.lower_ == "of"
            and node.head.head.lemma_.lower() in TOWN_NOUNS
        ):
            node = node.head.head
        else:
            break
    return node


#: nouns of a measure imposed on a place or a truce holding there ("curfew", "ceasefire")
RESTRICTIONS = context_words()["restriction"]


def _restriction(noun) -> bool:
    """Whether a noun names a measure or a truce: its lemma, its compound ("the curfew order",
    "martial law") or the object of its "of" ("a state of siege", "a state of emergency")."""
    words = {noun.lemma_.lower()}
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.i < noun.i:
            words |= {child.lemma_.lower(), f"{child.lemma_.lower()} {noun.lemma_.lower()}"}
        elif child.dep_ == "prep" and child.lower_ == "of":
            words |= {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
    return bool(words & RESTRICTIONS)


def _of_owners(node) -> list:
    """``node`` and the nouns whose "of" object it is, two at most ("parts" and "areas" of "in
    the areas of parts of X"): the phrase a place is named inside."""
    chain = [node]
    for _ in range(2):
        if node.dep_ != "pobj" or node.head.lower_ != "of" or node.head.head.pos_ != "NOUN":
            break
        node = node.head.head
        chain.append(node)
    return chain


def _restricted(token) -> bool:
    """Whether ``token`` ends a place that a measure is imposed on or a truce holds in: the
    object of "in", "on" or "over" hung on the measure's noun ("a curfew in X"), on a verb
    whose object or subject it is ("imposed a curfew on X", "curfew hours imposed in X"), or
    inside such an object ("in parts of X", "in the district of X")."""
    node = _of_owners(_place_phrase(token))[-1]  # "in parts of X", "in the areas of X"
    if node.dep_ != "pobj" or node.head.lower_ not in ("in", "on", "over"):
        return False
    owner = node.head.head
    if owner.pos_ in ("VERB", "AUX"):
        nouns = [c for c in owner.children if c.dep_ in ("dobj", "nsubjpass")]
        if owner.dep_ == "acl" and owner.head.pos_ == "NOUN":  # "curfew hours imposed in X"
            nouns.append(owner.head)
        return any(_restriction(n) for n in nouns)
    return owner.pos_ == "NOUN" and _restriction(owner)


#: nouns of a place a name before them or after "of" names ("Basra province", "the city of X")
TOWN_NOUNS = PLACE_NOUNS | {"city", "town", "village", "state", "area", "enclave"}
#: verbs a place is the object of as where someone goes or leaves, not as who is acted on
_MOVED = MOTION_VERBS | {"visit", "tour", "enter", "reach", "arrive", "approach"}


#: nouns of an armed attack whose object is who is attacked ("air strikes on Idlib")
ASSAULTS = ATTACK_NOUNS
#: the prepositions that bring in the object of an attack noun
_ASSAULTED = ("on", "upon", "against", "of")


def _assaulted(node) -> bool:
    """Whether ``node`` is the object of a noun of an armed attack ("strikes on Idlib",
    "the shelling of Ghouta", "attacks on the rebel-held enclave of Eastern Ghouta"), not the
    place where it happens ("an attack in Kabul")."""
    chain = _of_owners(node)  # "on parts of X", "on the enclave of X"
    if any(owner.lemma_.lower() in ASSAULTS for owner in chain[1:]):
        return True  # "the shelling of X"
    node = chain[-1]
    if node.dep_ != "pobj" or node.head.lower_ not in _ASSAULTED:
        return False
    owner = node.head.head
    # the attack noun, or the object of the verb the preposition hangs on ("carried out air
    # strikes on X", "launched an offensive against X")
    nouns = [owner] if owner.pos_ in ("NOUN", "PROPN") else []
    if owner.pos_ == "VERB":
        nouns = [c for c in owner.children if c.dep_ == "dobj"]
    return any(_assault_noun(noun) for noun in nouns)


def _assault_noun(noun) -> bool:
    lemma = noun.lemma_.lower()
    before = noun.doc[noun.i - 1].lemma_.lower() if noun.i else ""
    return lemma in ASSAULTS or f"{before} {lemma}" in ASSAULTS


def _acting_place(token) -> bool:
    """Whether the place ending at ``token`` is a verb's subject or object, or a passive's
    agent ("forces shelled Idlib", "Basra rejected the plan", "attacked by Kandahar"), not
    where someone goes or leaves ("fled Mosul", "visited Basra")."""
    node = _place_phrase(token)
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        return True
    if _assaulted(node):
        return True
    if node.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative", "iobj"):
        return False
    return node.head.pos_ in ("VERB", "AUX") and node.head.lemma_.lower() not in _MOVED


def _office(doc: Doc, first: int) -> tuple[str, ...]:
    """The lemmas of a title of one office: the word before ``first`` that heads it and the
    compounded word before that ("interior minister", "defence secretary"; a lone
    "minister"), the office noun last; () when the word there is no noun."""
    words = []
    i = first - 1
    while i >= 0 and len(words) < 2:
        t = doc[i]
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("compound", "amod", "ROOT", "nsubj"):
            break
        if words and t.head.i != i + 1:
            break
        words.insert(0, t.lemma_.lower())
        i -= 1
    return tuple(words)


def _same_office(doc: Doc, mention: dict, mentions: list[dict]) -> str | None:
    """The country of the office a titled person with none holds, where the text names that
    office with one country ("Turkey's interior minister" ... "Interior Minister X"): a role
    noun of the same title words, two of them (a portfolio and its office), coded with a
    country by its own words; None where no such noun is, or nouns of several countries."""
    title = _office(doc, mention["token_start"])
    if len(title) < 2:
        return None
    found = set()
    for other in mentions:
        if other.get("kind") == "person" or other["label"] not in ("nominal", "reference"):
            continue
        if not other.get("country") or other.get("code_from") == "context":
            continue
        head = doc[other["token_end"] - 1]
        words = tuple(
            [c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")
             and c.i == head.i - 1] + [head.lemma_.lower()]
        )  # fmt: skip
        if words == title:
            found.add(other["country"])
    return next(iter(found)) if len(found) == 1 else None


def _title_place(doc: Doc, start: int, places_at: dict[int, set[str]]) -> str | None:
    """The country of a place compounded into the title right before a person's name, or its
    possessor: the office's own seat ("Kano State Governor X", "Tehran Mayor X", "Catalonia's
    former leader X"); None where the words
    before the name name no place (a state acting, as "Iran" of "Iran hawk Senator X", is
    no seat), or places of several countries."""
    found: set[str] = set()
    i = start - 1
    while i >= 0:
        t = doc[i]
        if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("compound", "poss"):
            # "Kano State Governor X"; "Catalonia's former leader X": the possessor ends it
            found.update(places_at.get(i, ()))
            if t.dep_ == "poss":
                break
        elif not ((t.dep_ == "amod" and t.is_lower) or (t.dep_ == "case" and t.tag_ == "POS")):
            break  # "former", "chief" and the "'s" of a possessor go on to the seat
        i -= 1
    return next(iter(found)) if len(found) == 1 else None


def _unplaced_member(mention: dict) -> bool:
    """A person no dictionary knows with no country, or one only his document gave."""
    return (
        mention.get("kind") == "person"
        and mention.get("source") == "text"
        and mention.get("label") in ("name", "short")
        and (not mention.get("country") or mention.get("context") == "document")
    )


def _body_after(doc: Doc, mention: dict, bodies: dict[int, dict], titles: set[int]) -> dict | None:
    """The coded body named after "of" right after a person's name ("X of the Baltimore Police
    Department", "X, of Avon and Somerset Police") or after his title in apposition to it
    (``titles``: the words of role nouns; "X, the commander of the Papua New Guinea Defence
    Force"), or None."""
    end = mention["token_end"]
    if end < len(doc) and doc[end].text == ",":
        end += 1
    if end < len(doc) - 1 and doc[end].lower_ == "of":
        obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        return bodies.get(obj.i) if obj is not None else None
    # (not a kinship or a tie: "X, the son of Y" names no role noun; nor a former office:
    # "X, the former commander of Y")
    for appos in doc[mention["token_end"] - 1].children:
        if appos.dep_ != "appos" or appos.i not in titles:
            continue
        if any(c.lower_ in FORMER_WORDS for c in appos.lefts):
            continue
        for prep in appos.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.i in bodies:
                    return bodies[obj.i]
    return None


def _tradesman(mention: dict) -> bool:
    """A person no dictionary knows whose in-text title names a trade, not an office (TRADES:
    "producer X" BUS, "professor X" EDU, "reporter X" MED), and nothing gives a country."""
    return (
        mention.get("kind") == "person"
        and mention.get("label") == "name"
        and mention.get("source") == "text"
        and mention.get("code_from") == "title"
        and not mention.get("country")
        and mention.get("sector") in TRADES
        and mention.get("code") == mention.get("sector")
    )


def _held_person(mention: dict) -> bool:
    """A person with no country whose title, if any, names no office a state fills abroad
    as well as at home: an untitled name, an activist, a journalist, a student, a civilian."""
    return (
        mention.get("kind") == "person"
        and mention.get("label") != "modifier"
        and not mention.get("country")
        and (mention.get("sector") or None) in (None, "CVL", *GOVERNED)
        and (mention.get("code") or None) in (None, mention.get("sector"))
    )


#: the labels of mentions by a role noun ("the minister", "protesters")
ROLE_LABELS = ("reference", "nominal")


def _words_of(mentions) -> set[int]:
    """The token indices of ``mentions``."""
    return {i for m in mentions for i in range(m["token_start"], m["token_end"])}


def _without_relatives(noun) -> list:
    """The words of ``noun``'s phrase less the relative clauses inside it."""
    relatives = {w.i for t in noun.subtree if t.dep_ == "relcl" for w in t.subtree}
    return [t for t in noun.subtree if t.i not in relatives]


#: words of a party's name that many states' parties share ("Democratic Unionist Party")
PARTY_WORDS = context_words()["party_word"]
#: words a party's name may hold besides them ("the Party of the Democratic Left")
_NAME_GLUE = {"the", "of", "and", "for", "'s", "s", "-", "&"}


def _generic_party(mention: dict) -> bool:
    """Whether a mention is a party the dictionary knows whose name is made of words many
    states' parties share only (``PARTY_WORDS``: "Democratic Unionist Party", "Labour Party";
    not "Likud", "Patriotic Union of Kurdistan")."""
    if not (
        mention["label"] == "name"
        and mention.get("sector") == "PTY"
        and mention.get("country")
        and mention.get("source") != "text"
    ):
        return False
    words = [w.lower() for w in re.findall(r"[\w']+|-|&", mention["text"])]
    named = [w for w in words if w not in _NAME_GLUE]
    return bool(named) and all(w in PARTY_WORDS for w in named)


def _envoy(doc: Doc, mention: dict, head) -> bool:
    """Whether a person is titled as an envoy (``ENVOYS``: "Ambassador X", "X, the special
    envoy", "the envoy X"), by his own title (the words of his mention and those the parser
    hangs on his name) or the noun in apposition to it; not another's ("The UN envoy met
    Interior Minister X")."""
    words = {t.lemma_.lower() for t in doc[mention["token_start"] : mention["token_end"]]}
    words |= {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "appos")}
    if head.dep_ in ("appos", "compound"):
        words.add(head.head.lemma_.lower())
    return bool(words & ENVOYS)


def _held_office(doc: Doc, mention: dict, head) -> bool:
    """Whether a holder of a state office with no country ("the mayor", "Governor X") is
    held to account or let go (``holders``: "prosecutors charged the mayor", "a court
    convicted Governor X"): a state's police and courts do so at home. Not an envoy ("the
    ambassador") nor a foreign body's man ("peacekeepers")."""
    words = {t.lemma_.lower() for t in doc[mention["token_start"] : mention["token_end"]]}
    if mention.get("kind") == "person":  # the title before the name
        words |= {
            t.lemma_.lower()
            for t in doc[max(0, mention["token_start"] - 4) : mention["token_start"]]
        }
    return (
        mention.get("sector") in OFFICE_SECTORS
        and not words & (ENVOYS | FOREIGN_NOUNS)
        and bool(holders(head))
    )


def _holding_authority(head, ruling_at: dict[int, str]) -> str | None:
    """The country of the one state or authority that holds to account or lets go the person
    or people at ``head`` (``component.holders``); None for none or several."""
    found = {ruling_at[s.i] for s in holders(head) if s.i in ruling_at}
    return next(iter(found)) if len(found) == 1 else None


#: adjectives that give a group's allegiance ("forces loyal to the Libyan commander")
ALLEGIANCE = context_words()["allegiance"]
#: participles whose agent leads a group ("the military led by X")
LEADING = context_words()["leading"]


def _displaced(head) -> bool:
    """Whether the uprooted people at ``head`` are displaced within a country ("displaced
    people", "internally displaced persons", "IDPs"), not refugees who crossed a border."""
    return head.lower_ in ("idps", "idp") or any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("displaced", "idp") for c in head.children
    )


def _allegiance(head):
    """The object that says whose the noun is: "troops loyal to <X>", "forces under <X>",
    "the military led by <X>" (``LEADING``)."""
    for child in head.children:
        if (
            child.dep_ == "acl"
            and child.tag_ == "VBN"
            and child.lemma_.lower() in LEADING
            and not _may_be_multinational(head)
        ):
            agent = next((g for g in child.children if g.dep_ == "agent"), None)
            leader = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if leader is not None:
                return leader
        if child.dep_ == "amod" and child.lower_ in ALLEGIANCE:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                    return next((g for g in prep.children if g.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "under":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in context_words()["command"]:
                return obj
    return None


def _may_be_multinational(head) -> bool:
    """Whether a noun of troops may be a force of many states led by one state's officer
    ("the troops led by Canadian General Romeo Dallaire"): plural troops, forces or soldiers,
    not "the military" or "the army" a man leads."""
    return head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in ("troop", "force", "soldier")


def _sender_country(head, countries_at: dict[int, str]) -> str | None:
    """The country of who sends the forces at ``head``, the object of a verb of sending
    (``SENT_WORDS``: "Russia deployed troops to Syria"; not the people a state sends away,
    "Turkey sent refugees back to Syria"): the verb's subject's; None where that names no
    actor with a country."""
    verb = head.head
    if head.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in SENT_WORDS | COMMANDING_WORDS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return countries_at.get(subject.i) if subject is not None else None


def _owner_country(head, countries_at: dict[int, str]) -> str | None:
    """The country of whom a possessive pronoun before ``head`` stands for: the subject of
    the clause the noun is in ("the US must withdraw its troops"), or of the clause above
    where the noun is its clause's subject ("Russia said its troops would leave"); None where
    that subject
    names no actor with a country ("it" of "Russia said it would reinforce its bases") or
    several ("Turkey and Russia moved their troops")."""
    if not any(c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in head.children):
        return None
    node = head
    while node.dep_ in ("dobj", "obj", "pobj", "prep", "conj", "appos", "dative"):
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in node.children):
            return None  # "Russia's deployment of its troops": the pronoun may be Russia's
    if (
        node is head
        and node.dep_ in ("nsubj", "nsubjpass")
        and node.head.dep_ in ("ccomp", "advcl")
    ):
        # the noun is its clause's subject: "Russia said its troops would leave", "Turkey
        # announced that its army had shelled X": the subject of the clause above
        node = node.head.head
    if node.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and node.dep_ in ("xcomp", "advcl") and node.head.i != node.i:
        # "Iran agreed to reduce its forces"; "the US urged Russia to withdraw its troops",
        # "called on Turkey to withdraw its troops": whom the verb above asks, if anyone
        above = node.head
        # an object controls an infinitive complement, not a purpose clause ("sent troops
        # to protect its bases": the sender's)
        asked = [c for c in above.children if c.dep_ in ("dobj", "obj") and node.dep_ == "xcomp"]
        asked += [
            g
            for c in above.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "with") and c.i < node.i
            for g in c.children
            if g.dep_ == "pobj"
        ]
        subject = (
            asked[0] if asked else next((c for c in above.children if c.dep_ == "nsubj"), None)
        )
    if subject is None or subject.conjuncts:  # "Turkey and Russia moved their troops"
        return None
    return countries_at.get(subject.i)


def _led_by(modifier) -> bool:
    """Whether a modifier says who leads the noun: "NATO-led", "Saudi-led" (a force led by
    another is that leader's wherever it is; "Iran-backed" militias may be local)."""
    return any(
        t.lower_ == "led" and t.i > 0 and t.doc[t.i - 1].text == "-" for t in modifier.subtree
    )


def _backer(doc: Doc, end: int) -> bool:
    """Whether the words ending before ``end`` name a backer: "Iran" of "Iran-backed"."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in BACKER_WORDS


def _needs_country(mention: dict) -> bool:
    """A generic role-noun mention with no country ("protesters", "the police")."""
    return (
        mention.get("source") == "generic"
        and not mention.get("country")
        and mention.get("sector") is not None
    )


def _unplaced_name(mention: dict) -> bool:
    """An organisation named in the text that no dictionary knows and nothing gave a country
    ("the New York Stock Exchange", "Delhi University Students Union")."""
    return (
        mention.get("label") == "name"
        and mention.get("kind") == "organisation"
        and mention.get("source") == "text"
        and not mention.get("country")
    )


def _untitled_new_person(mention: dict) -> bool:
    """A person no dictionary knows and no title or country describes: a town's name the
    recogniser took for a person ("forces shelled Kharkiv"), when dyad_places found the town."""
    return (
        mention.get("label") == "name"
        and mention.get("kind") == "person"
        and mention.get("source") == "text"
        and not mention.get("country")
        and not mention.get("sector")
    )


def _titled_without_country(mention: dict, doc: Doc) -> bool:
    """A person whose in-text title gives a state office and no country ("opposition leader
    X", "President X", "former Governor X") and whom no organisation's title claims ("UN envoy
    X": IGOUN)."""
    sector = mention.get("sector")
    former = sector == "ELI" and any(
        t.lower_ in FORMER_WORDS
        for t in doc[max(0, mention["token_start"] - 6) : mention["token_start"]]
    )
    return (
        mention.get("kind") == "person"
        and mention.get("code_from") == "title"
        and not mention.get("country")
        and (sector in OFFICE_SECTORS or former)
        and mention.get("code") == sector
    )


#: verbs of a visit, whose object (and a place it is in) is where someone goes
_VISITS = ("visit", "tour")
#: verbs after which "in" or "at" says where someone arrived ("arrived in Moscow")
_ARRIVALS = ("arrive", "land", "stop", "stopover")
#: verbs of parties coming together, whose "in" or "at" says where they met, not whose they
#: are ("the government and the rebels signed an agreement in Christchurch")
_CONVENING = ("sign", "meet", "negotiate", "convene", "initial", "talk")


def _what_he_says(head) -> set[int]:
    """The tokens of what the subject ``head`` says: the clauses a verb of speech of his takes
    as its complement ("X said [Khan had been arrested]"), where another party is no
    counterpart; not what a verb of another kind governs ("allowed X [to stand]")."""
    from ..events.modality import modality_words  # (dyad.events reads the actors' modules)

    verb = head.head
    if (
        head.dep_ not in ("nsubj", "nsubjpass")
        or verb.lemma_.lower() not in modality_words()["speech"]
    ):
        return set()
    return {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}


def _destination(token) -> bool:
    """Whether the place at ``token`` is where someone goes: the object of "to" ("a visit to
    Russia", "flew to Paris") or of "visit", the place of what he visits ("visited NATO
    headquarters in Brussels"), where he arrives or stops ("arrived in Moscow", "after stops
    in Washington, New York and Boston": each of the places joined)."""
    node = token
    while node.dep_ in ("compound", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ in ("to", "into"):
            return True
        owner = prep.head
        return prep.lower_ in ("in", "at") and (
            owner.lemma_ in _ARRIVALS
            or owner.lemma_ in _VISITS  # "toured a factory in China", the parse on the verb
            or (owner.dep_ == "dobj" and owner.head.lemma_ in _VISITS)
        )
    return node.dep_ == "dobj" and node.head.lemma_ in _VISITS


#: the core arguments of a verb: the parties of the event it states
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "pobj", "prep"}


def _venue(token) -> bool:
    """Whether the place at ``token`` is where parties met or signed: the object of "in" or
    "at" hung on a verb of coming together, or on its object ("signed an agreement in
    Christchurch", "held talks in Oslo")."""
    node = token
    while node.dep_ in ("compound", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in ("in", "at"):
        return False
    owner = node.head.head
    if owner.dep_ in ("dobj", "obj") and owner.pos_ == "NOUN":
        owner = owner.head
    return owner.pos_ in ("VERB", "AUX") and owner.lemma_.lower() in _CONVENING


def _coded_as(actor, reason: str) -> dict:
    """The fields of a mention its context codes as ``actor`` (``reason``: "place" ...)."""
    return {
        "actor": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "code": make_code(actor.country, actor.sector, actor.kind, actor.id),
        "code_from": "context",
        "code_source": "context",
        "context": reason,
        "source": actor.source,
    }


def _institution_country(doc: Doc, mention: dict, by_token: dict) -> str | None:
    """The country of a named state institution or party no dictionary knows (INSTITUTIONS):
    the one country named before it that owns it ("Iraq's Independent High Electoral
    Commission", "the Kenyan Ministry of Interior"). Not its sentence's or document's country,
    as for a role noun: an institution's name is often the one foreign body of its story, and
    the places around it are where its business is ("confirmed the soldier killed in Syria")."""
    start = mention["token_start"]
    root = doc[start : mention["token_end"]].root
    before = set()
    for child in root.lefts:
        if child.i < start and child.dep_ in ("poss", "compound", "amod", "nmod"):
            before.update(*(by_token.get(t.i, set()) for t in child.subtree))
    if not before:  # "the 4th Brigade of the Iraqi army": the body it is a part of
        for prep in root.rights:
            if prep.lower_ == "of":
                before.update(*(by_token.get(t.i, set()) for t in prep.subtree))
    return next(iter(before)) if len(before) == 1 else None


#: verbs after which "on" or "upon" names whom they address ("called on Mexico to")
ADDRESSING = context_words()["addressing"]


def _addressed(token) -> bool:
    """Whether ``token`` is the object of "on" or "upon" on a verb of addressing ("called
    on Mexico to secure the border"): whom the verb addresses, not where."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in ("on", "upon")
        and prep.head.lemma_.lower() in ADDRESSING
    )


def _counterparts(head) -> set[int]:
    """Tokens of the other parties of the verb the noun is an argument of ("Iranian soldiers"
    in "terrorists attacked Iranian soldiers"): their nationality is not the noun's, and a
    sentence that names one leaves the noun uncoded (two parties, no link)."""
    node = head
    while node.dep_ in ("pobj", "prep", "agent", "conj", "appos") and node.head.i != node.i:
        node = node.head
    verb = node.head if node.dep_ in _ARGUMENTS - {"pobj", "prep"} else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return set()
    out = set()
    for child in verb.children:
        if child.dep_ in _ARGUMENTS and child.i != node.i:
            out.update(t.i for t in child.subtree)
    return out


def _definite_or_plural(head) -> bool:
    if head.lemma_.lower() not in PORTFOLIOS and any(
        c.lower_ in NOT_LOCAL for c in head.children if c.dep_ in ("amod", "compound")
    ):
        return False
    return head.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    )


if not Doc.has_extension("dyad_actors_pending"):
    Doc.set_extension("dyad_actors_pending", default=None)


@Language.factory(
    "dyad_actor_context",
    assigns=["doc._.dyad_actors"],
    requires=["doc._.dyad_actors", "token.dep"],
)
def make_actor_context(
    nlp: Language,
    name: str,
    dominant_min_mentions: int,
    dominant_ratio: float,
    dominant_sole_min_mentions: int,
    dateline_weight: int,
) -> ActorContext:
    linker = next((p for _, p in nlp.pipeline if isinstance(p, ActorLinker)), None)
    if linker is None:
        raise ConfigError(
            f"component {name!r} needs dyad_actors before it; add [nlp.components.dyad_actors] "
            "to your --config file or remove this component"
        )
    return ActorContext(
        linker, dominant_min_mentions, dominant_ratio, dominant_sole_min_mentions, dateline_weight
    )
