"""Judgements of one event: its code, its sides, whether it is one."""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from ..ontology import ATTACK_ROOTS, JOINT, STATE_SECTORS, plover_type
from ..patterns import attack_words, head_words, target_words
from .frame import _Arg, _Event
from .grammar import _prep_object, _restrictions
from .mentions import (
    _acting,
    _actor_ids,
    _actors_and_states,
    _coded,
    _one_office_holder,
    _states_of,
)
from .readings import _casualty, _refers_back, _takes_a_place, _withdrawn_mission
from .vocab import (
    _ARRESTS,
    _DONE_TOGETHER,
    _LAW_ENFORCERS,
    _MODALITY,
    _PLACE_ENTITIES,
    _PROTEST_WORDS,
    _SIGNED_BETWEEN,
    _SIGNING,
    _TAKING,
    AGREED,
    ARMED_SECTORS,
    CEASEFIRE,
    DIPLOMATIC_NOUNS,
    JOINT_WORDS,
    MUTUAL_ONLY,
    NOT_RECIPROCAL,
    PACT_NOUNS,
    PERSONS_SPEAKING,
    RECIPROCAL_VERBS,
    REJECTED,
    SHELTERED_KINDS,
    SHOOTING_CODES,
    SPEAKING_SECTORS,
    TIME_NOUNS,
    WHERE_PREPS,
)


def _state_does_it(event: _Event, states: list[_Arg]) -> None:
    """Make the state that expels or holds people the event's doer, and no target of it."""
    ids = _actor_ids(states)
    event.sources = states
    event.targets = [a for a in event.targets if not (a.mention and a.mention["actor"] in ids)]


def _aimed_at_a_thing(event: _Event) -> bool:
    """Whether an act done to someone (data/targets.tsv: meeting, aiding, investigating,
    halting, coercing, attacking) is aimed only at an abstraction: "halted the clean-air rule",
    "investigating the deaths", "fight crime", "ended his sermon". Every target is then headed
    by an abstract noun and names no actor, only the source itself, or only a possessive
    pronoun, which refers to the doer ("released its data"); such an act is the source's
    dealing with a thing, not an interaction, and codes no event. An actor named inside the
    target ("the deaths of two Iranians", "halted talks with Iran") keeps the event, as do
    co-doers of a joint act whose object is its topic ("Erdogan and Putin discussed the
    situation": they talked with each other, _pair_joint_sides)."""
    words = target_words()
    if event.cameo.startswith(JOINT) and len(_states_of(event.sources)) > 1:
        return False
    code = event.pattern.cameo if event.pattern.cameo[:1].isdigit() else event.cameo
    if event.unnamed or not event.targets:
        return False  # an attack whose doer the text does not name counts its victims
    if not any(code.startswith(p) for p in words["actor_only"]):
        return False
    sources = _actor_ids(event.sources)

    def thing(arg: _Arg) -> bool:
        head = arg.token  # where the argument was found: its head, or a phrase it lies in
        inside = arg.start <= head.idx < arg.end
        if not inside or head.dep_ == "compound":  # "day labourers" are labourers
            return False
        if not {head.lemma_.lower(), head.lower_} & words["abstract"]:
            return False
        if arg.mention is None or arg.mention["actor"] in sources:
            return True
        own = arg.mention["token_start"] <= head.i < arg.mention["token_end"]
        return not own and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)

    return all(thing(a) for a in event.targets)


def _arrested_by_the_reporter(event: _Event) -> None:
    """An arrest told in the passive with no agent ("a man was arrested", "two suspects were
    detained") that police, a court or a security service report ("..., police said") was
    made by them: the reporter becomes its source, as a coder reads it. Not an attack or any
    other act ("two men were killed, police said": police report the killing, they did not
    kill), nor a report by anyone else ("witnesses said a man was arrested")."""
    reporter = event.reported_by
    if event.sources or reporter is None or not event.cameo.startswith(_ARRESTS):
        return
    sector = (reporter.mention or {}).get("sector")
    if sector in _LAW_ENFORCERS or reporter.token.lemma_.lower() == "police":
        event.sources = [reporter]


def _accidental(event: _Event) -> bool:
    """Whether a casualty verb with no named doer gives an accident or a disaster as the
    cause ("five killed in road accident", "killed by the earthquake", "killed by the Turkish
    earthquake"; data/attack_words.tsv, accident): no one acted on the victims, so it
    reports no attack."""
    verb = event.trigger
    if not _casualty(verb):
        return False
    accidents = attack_words()["accident"]
    causes = [
        o
        for c in verb.children
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "after", "during", "from", "as")
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() in accidents
    ]
    # (or a clause of the accident's own verb: "Hammarskjold killed as U.N. plane crashes",
    # "died when their boat capsized")
    causes += [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in accidents]
    # (not an accident an attack brought about: "killed as a building collapsed after an air
    # strike", "when their boat sank after it was rammed by a coast guard vessel")
    words = attack_words()
    force = words["setting"] | words["weapon"] | words["instrument"] | words["projectile"]
    causes = [
        o
        for o in causes
        if not any(t.dep_ == "agent" or t.lemma_.lower() in force for t in o.subtree)
    ]
    # a named doer acted, whatever else the clause says; one named in the accident's own
    # phrase did not ("killed by the Malaysia Airlines flight MH17 crash")
    inside = {t.i for o in causes for t in o.subtree}
    return bool(causes) and all(a.mention is None or a.token.i in inside for a in event.sources)


def _all_of(noun: _Event) -> bool:
    """Whether an attack noun has targets and each lies in its "of" phrase whose noun names
    no place ("strikes of the coalition", "of the Syrian army"; not "the shelling of Mosul",
    "the bombing of Syria", where the place or state is what was struck)."""
    ofs = [
        c
        for c in noun.trigger.children
        if c.dep_ == "prep" and c.lower_ == "of"
        and not any(o.dep_ == "pobj" and o.ent_type_ in _PLACE_ENTITIES for o in c.children)
    ]  # fmt: skip
    return bool(noun.targets) and all(
        any(a.token.i in {t.i for t in o.subtree} for o in ofs) for a in noun.targets
    )


def _experiencer_first(event: _Event) -> None:
    """A verb of feeling (data/modality.tsv, experiencer: "disturbed", "shocked", "dismayed")
    disapproves the other way round from its grammar: the one who feels it is the source,
    what caused it the target ("Washington was deeply disturbed by the strike", "the strike
    shocked Washington": Washington disapproves of the strike)."""
    if (
        not event.nominal
        and plover_type(event.cameo) == "ACCUSE"
        and event.trigger.lemma_.lower() in _MODALITY["experiencer"]
    ):
        event.sources, event.targets = event.targets, event.sources


def _recode(event: _Event) -> None:
    """Codes that depend on who the target is."""
    # (a title before a name counts: "ordered U.S. Ambassador Heather Hodges to leave")
    heads = [
        w.lemma_.lower()
        for a in event.targets
        for w in (a.token, *(c for c in a.token.children if c.dep_ == "compound"))
    ]
    kinds = [(a.mention or {}).get("kind") for a in event.targets]
    if event.cameo == AGREED and _agreed_a_pact(event.trigger):
        event.cameo = "057"  # "agreed a trade deal", "agreed on the draft text of a deal"
    elif event.cameo == "174" and any(h in DIPLOMATIC_NOUNS for h in heads):
        event.cameo = "166"  # expelling diplomats or inspectors reduces relations
    elif (
        event.cameo == "100"
        and any(
            (c.dep_ == "xcomp" and c.lemma_ == "leave")
            or (c.dep_ in ("prt", "advmod") and c.lower_ == "out")
            for c in event.trigger.children
        )
        and any(h in DIPLOMATIC_NOUNS for h in heads)
        and not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
            for a in event.targets
            for c in a.token.children
        )  # ("ordered its ambassador to leave Tehran": its own, recalled)
    ):
        # "ordered the French ambassador to leave within 72 hours", "orders Iranian diplomats
        # out": an expulsion; not an order to the doer's own people ("ordered its nationals
        # to leave Iran")
        event.cameo = "166"
    elif (
        event.cameo in ("050", "051")
        and event.trigger.lemma_.lower() in ("back", "support")
        and event.sources
        and event.targets
        and any((a.mention or {}).get("sector") in ARMED_SECTORS for a in event.sources)
        and all((a.mention or {}).get("sector") in ARMED_SECTORS for a in event.targets)
        and all(_backed_itself(event.trigger, a) for a in event.targets)
    ):
        # "Malian troops backed by French and U.S. special forces", "rebels supported by
        # Turkish troops": forces backing forces fight with them, military cooperation (062),
        # no words of support (review 43)
        event.cameo = "062"
    elif (
        event.cameo == "1711"
        and event.targets
        and all(
            (a.mention or {}).get("kind") == "person"
            and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
            for a in event.targets
        )
    ):  # (the person named is what was seized, not the owner of it: "the assets of X")
        # "Ouattara forces seize Gbagbo": a person seized is detained, not property taken
        event.cameo = "173"
    elif (
        event.cameo == "043"
        and any(k in SHELTERED_KINDS for k in kinds)
        and not event.pattern.personal
    ):
        # hosting a group is sheltering it, not receiving a visit ("received a delegation
        # from Hamas" is a visit)
        event.cameo = "050"
    elif (
        _a_killing(event)
        and _one_office_holder(event.targets)
        and not any((a.mention or {}).get("sector") in ("MIL", "COP") for a in event.sources)
    ):
        # "gunmen shot dead the governor": an assassination; not an officer killed by an
        # army or a police force ("troops killed a general in fighting")
        event.cameo = "186"
    elif event.cameo == "062" and _exercise_alone(event):
        event.cameo = "150"  # "China held military drills near Taiwan": a show of force
    elif event.cameo.startswith("087") and (code := _withdrawn_mission(event.trigger)):
        event.cameo = code  # "Qatar withdrew its peacekeepers from the border"
    elif event.cameo[:2] in ("18", "19") and _in_words_only(event):
        event.cameo = "111"  # "Critics attacked Trump's deportation policy"
    elif event.cameo[:2] in ("18", "19") and (means := _restrictions(event.trigger)):
        event.cameo = "163"  # "China hit back with tariffs on US goods"
        event.cues += means  # the tariffs are this act, no event of their own


def _exercise_alone(event: _Event) -> bool:
    """Whether a military exercise (data/heads.tsv exercise) is held by one side with no
    partner: not "joint" or "with" another, nor by several ("the US and South Korea held
    exercises"), nor a "war game" "staged by A and B"."""
    trigger = event.trigger
    if trigger.lemma_.lower() not in head_words()["exercise"] or len(event.sources) > 1:
        return False
    words = {c.lower_ for c in trigger.subtree if c.i < trigger.i}
    if words & JOINT_WORDS:
        return False
    places = (trigger, trigger.head) if trigger.dep_ in ("dobj", "obj") else (trigger,)
    return not any(
        _prep_object(t, prep) is not None for t in places for prep in ("with", "alongside")
    ) and not any(c.lower_ == "along" for t in places for c in t.children)  # "along with"


def _in_words_only(event: _Event) -> bool:
    """Whether an act of force with a sense of criticism (data/targets.tsv criticising:
    "attack", "assail", "hit") is aimed at what only words can hit (criticised: a policy, a
    ruling, remarks), named as the target or owned by it ("Trump's deportation policy", "the
    policy of the government", "the DEA law")."""
    words = target_words()
    if any(c.dep_ == "prt" for c in event.trigger.children):
        return False  # a particle makes another verb ("hammer out a deal", "hit back")
    if event.pattern.lemma not in words["criticising"] or any(
        (a.mention or {}).get("sector") in ARMED_SECTORS for a in event.sources
    ):
        return False  # an army or a gunman attacks with force
    if _for_what_was_said(event):
        return True
    heads = [  # what the trigger's own phrase aims at ("the attack on the proceedings")
        o
        for p in event.trigger.children
        if p.dep_ == "prep" and p.lower_ in ("on", "against")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for arg in event.targets:
        token = arg.token
        heads.append(token)
        if token.dep_ in ("poss", "compound"):
            heads.append(token.head)  # the owner of the thing: "Trump's policy"
        elif token.dep_ == "pobj" and token.head.lower_ == "of":
            heads.append(token.head.head)  # "the policy of the government"
    return any(
        h.pos_ == "NOUN" and {h.lemma_.lower(), h.lower_} & words["criticised"] for h in heads
    )


def _for_what_was_said(event: _Event) -> bool:
    """Whether an actor who attacks with words (SPEAKING_SECTORS, not a state by its name; an
    opposition figure too) attacks another who bears no arms "over" or "for" what was said or decided ("attacked
    the government over rising prices", "attacked the senator for his remarks", "for
    failing to act"). A mob, a gunman or an army attacking someone over a dispute attacks
    with force."""
    doers = [a.mention for a in event.sources if a.mention is not None]
    if not doers or not all(
        # a state named as the doer ("Israel attacked Lebanon for harbouring X") uses force
        (
            m.get("sector") in SPEAKING_SECTORS
            and (m.get("kind"), m.get("label")) != ("state", "name")
        )
        # a party's or the opposition's people speak one by one; their crowds fight
        or (m.get("sector") in PERSONS_SPEAKING and m.get("kind") == "person")
        for m in doers
    ):
        return False
    targets = [a.mention for a in event.targets]
    if not targets or any(
        m is None or m.get("sector") in ARMED_SECTORS or m.get("label") == "place" for m in targets
    ):
        return False
    words = target_words()
    reasons = words["criticised"] | words["abstract"]
    trigger = event.trigger
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    for prep in (c for t in (trigger, *objects) for c in t.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("over", "for"):
            continue
        for obj in prep.children:
            lemma = obj.lemma_.lower()
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG" and prep.lower_ == "for":
                return True  # "for failing to act"
            if obj.dep_ == "pobj" and lemma in reasons and lemma not in TIME_NOUNS:
                return True
    return False


def _takes_ground(event: _Event) -> bool:
    """Whether a seizure or a capture is of a place ("M23 rebels seized Goma", "captured the
    town of Kidal", "seized a military base"): CAMEO's occupation of territory (192), not a
    confiscation (1711) or an arrest (173). The place is a named one, or a noun of ground
    (data/targets.tsv, territory)."""
    verb = event.trigger
    if event.cameo not in _TAKING or event.nominal:
        return False
    if verb.lemma_.lower() not in target_words()["taking"]:
        return False
    return _takes_a_place(verb)


def _official_protest(event: _Event) -> bool:
    """Whether a protest (140) is a state's official complaint: every doer a state or its
    government ("Turkey protested", "the foreign ministry lodged a protest"), not people in
    the street ("students protested") nor office holders ("judges", "lawmakers protested")."""
    words = {w.lemma_.lower() for w in (event.trigger, *event.cues)}
    if event.cameo != "140" or not words.intersection(_PROTEST_WORDS):
        return False  # (the noun of a light verb's phrase too: "renewed their protests")
    # (the doer's own words name the state: not "Opponents of Rwanda's Senate protested";
    # and no people, whatever their office: "judges protested", "lawmakers protested")
    return bool(event.sources) and all(
        a.mention is not None
        and (
            a.mention["token_start"] <= a.token.i < a.mention["token_end"]
            or _own_protest(event, a)  # "Japan and Australia renewed their protests"
        )
        and (
            a.mention.get("kind") == "state"
            or (
                a.mention.get("sector") == "GOV"
                and a.mention.get("kind") != "person"
                and a.token.tag_ not in ("NNS", "NNPS")
            )
        )
        for a in event.sources
    )


def _own_protest(event: _Event, arg: _Arg) -> bool:
    """Whether a possessive names the protests of the subject of the verb they are the object
    of ("Japan and Australia renewed their protests"; not "Britain said it had not received
    their protests", others')."""
    owner = arg.token
    if owner.tag_ != "PRP$" or owner.head.i != event.trigger.i:
        return False
    verb = event.trigger.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [k for c in subjects for k in c.conjuncts]
    return any(arg.mention["token_start"] <= c.i < arg.mention["token_end"] for c in subjects)


def _referring_cue(event: _Event) -> _Arg | None:
    """A noun of a verbal rejection's or accusation's own pattern words that refers back to
    an act told before ("denied the charge", "rejected the claims": data/targets.tsv,
    referring), as an argument."""
    if plover_type(event.cameo) not in ("ACCUSE", "REJECT"):
        return None
    for word in event.cues:
        if word.i != event.trigger.i and word.pos_ == "NOUN" and _refers_back(word):
            return _Arg(word, None, word.idx, word.idx + len(word.text), word.text)
    return None


def _denies_a_part(event: _Event, targets: list[_Arg]) -> bool:
    """Whether a rejection is aimed at one's part in an act ("denied any involvement", a
    word of its pattern; "rejected any responsibility", its object: data/targets.tsv,
    part)."""
    words = [*event.cues, *(a.token for a in targets[:1])]
    part = target_words()["part"]
    return plover_type(event.cameo) == "REJECT" and any(w.lemma_.lower() in part for w in words)


def _rejects_a_claim(event: _Event, targets: list[_Arg]) -> bool:
    """Whether a rejection is aimed at a claim no one is named as making ("rejected any
    suggestion that it was involved", "dismissed the reports": data/modality.tsv claim):
    it answers whoever accused the rejecter (_accusers_of)."""
    words = [a.token for a in targets[:1] if a.mention is None]
    words += [w for w in event.cues if w.i != event.trigger.i]  # "a charge Israel denied"
    # (not a claim of something else named after it: "denied a charge of fraud")
    return plover_type(event.cameo) == "REJECT" and any(
        w.lemma_.lower() in _MODALITY["claim"] and _prep_object(w, "of") is None for w in words
    )


def _removal_from_office(event: _Event) -> bool:
    """Whether a verb of removing (data/targets.tsv removing) removes its object from a post:
    the object is the actor itself (not the owner of a thing: "dismissed an appeal from X"),
    and it is an office holder ("sacked the defence minister") or an "as", "from" or "of"
    phrase names an office or a post ("dismissed General X as intelligence chief", "fired
    him from his post"); "dismissed Navalny as a CIA agent" rejects him."""
    trigger = event.trigger
    if event.nominal or trigger.lemma_.lower() not in target_words()["removing"]:
        return False
    objects = [
        a
        for a in event.targets
        if a.mention is not None
        and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
        and a.token.head.i == trigger.i
        and a.token.dep_ in ("dobj", "obj", "nsubjpass")
    ]
    if not objects or len(objects) != len(event.targets):
        return False
    posts = head_words()["office"] | target_words()["post"]
    named = any(
        o.lemma_.lower() in posts
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ in ("as", "from", "of")
        for o in p.children
        if o.dep_ == "pobj"
    )
    return named or all(a.token.lemma_.lower() in head_words()["office"] for a in objects)


def _accusers_of(event: _Event, events: list[_Event]) -> list[_Arg]:
    """Whom a denial of one's part in an act answers: the doers of the nearest accusation
    (an asserted or reported ACCUSE event) of the denier, or of a body of the denier's state,
    in the denial's sentence or the three before or after it, earlier ones first ("Britain
    accused Russia of the poisoning. Moscow denied any involvement": Britain). None where
    no one accused the denier."""
    deniers, states = _actors_and_states(event.sources)

    def accused(before: _Event) -> bool:
        return any(
            a.mention["actor"] in deniers or a.mention.get("country") in states
            for a in before.targets
            if a.mention is not None
        )

    ranked = sorted(
        (before.trigger.i > event.trigger.i, abs(before.sentence - event.sentence), k)
        for k, before in enumerate(events)
        if before is not event
        and plover_type(before.cameo) == "ACCUSE"
        and before.modality in ("asserted", "reported")
        and abs(before.sentence - event.sentence) <= 3
        and accused(before)
    )
    if not ranked:
        return []
    accusers = [a for a in events[ranked[0][2]].sources if a.mention is not None]
    return [a for a in accusers if a.mention["actor"] not in deniers]


def _a_killing(event: _Event) -> bool:
    """Whether an attack kills: "kill" itself (1823), or shooting "dead" ("shot dead")."""
    if event.cameo not in SHOOTING_CODES:
        return False
    words = {event.trigger.lemma_.lower(), *(c.lower_ for c in event.trigger.children)}
    return event.cameo == "1823" or bool(words & {"kill", "dead"})


def _attributed_to_no_one(event: _Event) -> bool:
    """Whether an attribution accuses no one: a deed attributed to something no actor stands
    for ("police attributed the death to natural causes"), or words a participle says are
    someone's ("remarks attributed to the emir": whose they are, no blame)."""
    return event.pattern.lemma == "attribute" and (
        event.trigger.dep_ == "acl" or not any(a.mention for a in event.targets)
    )


def _to_an_audience(event: _Event) -> bool:
    """Whether talks are only someone speaking to an audience: reporters or a news outlet,
    an assembly, the nation (data/targets.tsv, audience: "Trudeau, speaking to reporters",
    "officials spoke to The Associated Press", "Zelensky spoke to the UN General Assembly"):
    a statement, no consultation with them."""
    audience = target_words()["audience"]
    return (
        event.cameo.startswith("04")
        and event.trigger.lemma_.lower() in ("speak", "talk")
        and bool(event.targets)
        and all(
            (a.mention or {}).get("sector") == "MED"
            or a.token.lemma_.lower() in audience
            # ("the UN General Assembly": the name's last word)
            or (a.mention is not None and a.mention["text"].split()[-1].lower() in audience)
            for a in event.targets
        )
    )


def _deployed_at_home(event: _Event, force_nouns: frozenset[str]) -> None:
    """Forces sent with no one to receive them, or into their own state ("Abiy sent troops
    into Tigray", "Correa sent troops to the northern border"), are a deployment (MOBILIZE
    154), not military aid (072), which needs a recipient ("Japan is sending troops to the UN
    force in South Sudan")."""
    if not event.cameo.startswith("072") or not any(
        c.lemma_.lower() in force_nouns for c in event.cues
    ):
        return
    own = _states_of(event.sources)
    if own and _states_of(event.targets) <= own:
        event.cameo = "154"


def _offset(event: _Event) -> int:
    return event.trigger.i


def _coded_or_unnamed(event: _Event) -> bool:
    """Whether an event has a side that is a coded actor (a country or a sector), or names
    no actor at all: an event between unknown persons, firms or teams ("Okafor beat the
    Rovers", "the club will honour Jane Doyle") is none that PETRARCH or ICEWS would code, as
    they code only actors their dictionaries know. An attack whose doer goes unnamed ("a
    bomber struck the Vehicle Licensing Office", "the attack on the Smiths") is an incident on
    its own account and is kept."""
    # (civilians coded only by their document's country count as unnamed people here)
    named = [a.mention for a in (*event.sources, *event.targets) if _acting(a)]
    if not named or any(_coded(m) for m in named):
        return True
    return event.cameo[:2] in ATTACK_ROOTS and (
        event.unnamed or event.instrument or not event.sources
    )


def _coded_both(event: _Event) -> bool:
    """Whether both sides of an event name a coded actor."""
    return all(
        any(_acting(a) and _coded(a.mention) for a in side)
        for side in (event.sources, event.targets)
    )


def _pair_joint_sides(event: _Event) -> None:
    """Actors named together as the doers of an event with no target are its two sides, the
    first its source and the others its targets, where they did it with each other: named
    "between" ("talks between Iran and Iraq", "clashes between A and B") or doing a joint act
    (ontology.JOINT: "Jordan and Britain agreed to hold joint exercises", "the US and South
    Korea held talks"), as PLOVER and CAMEO code a dyad. Co-doers of an act on a third party
    or on no one ("Britain and France sent aid", "Hamas and Islamic Jihad fired rockets") stay
    together."""
    # where two states or more agreed, met or signed, or where an agreement no one is named
    # making was made, is no side ("Armenia and Azerbaijan agreed on a ceasefire in Moscow",
    # "signed an agreement in Minsk", "held talks in Geneva"): a town after a preposition of
    # place, or the act's own noun
    own = {event.trigger.i, *(c.i for c in event.cues)}

    def where(arg: _Arg, head: bool = False) -> bool:
        doc = arg.token.doc
        town = arg.token if arg.mention is None else doc[arg.mention["token_start"]]
        if head and arg.mention is not None:
            # (the name's head: "Kong" of "in central Hong Kong")
            town = doc[arg.mention["token_start"] : arg.mention["token_end"]].root
        placed = town.dep_ == "pobj" and town.head.lower_ in WHERE_PREPS
        if arg.mention is None:  # the act's own noun ("held talks in Geneva"), or a town no
            # actor stands for ("signed an agreement in Christchurch")
            return town.i in own or (placed and town.ent_type_ in _PLACE_ENTITIES)
        return placed and arg.mention.get("label") in ("place", "metonym")

    # the doers, each once, and their countries (an organisation of no country counts as one
    # of its own: NATO with Tunisia pairs)
    order = list(dict.fromkeys(a.mention["actor"] for a in event.sources if a.mention))
    states = _states_of(event.sources)
    signed = event.cameo.startswith(_SIGNED_BETWEEN) or (
        event.cameo == CEASEFIRE
        and not _SIGNING.isdisjoint(t.lemma_.lower() for t in (event.trigger, *event.cues))
    )
    if (
        (event.cameo[:2] in _DONE_TOGETHER or signed)
        and event.targets
        and all(where(a) for a in event.targets)
        and (
            len(states) > 1
            or not event.sources
            or (signed and len(order) > 1)
            or _state_and_challenger(event.sources)
        )
    ):
        # (nor where an act no one is named doing was done, "talks were held in Geneva", nor
        # where two of one state's people or more signed or reached an agreement or a
        # ceasefire, "Kibaki and Odinga signed an agreement in Nairobi", "the government and
        # the rebels signed an agreement in Christchurch"; one state's envoy
        # "held talks in Beijing" held them with his host, and PLOVER's coders take a
        # state's own country for the target of what one of its people does for it there:
        # "steps to promote tolerance in Sudan", "attends a Cabinet meeting in Washington")
        event.targets = []
    # (the act's own code: "offered to mediate" is an intent to meet, 036, of a mediation,
    # 045, which co-mediators do on others, not with each other)
    done = event.pattern.cameo
    reciprocal = _reciprocal(event)
    if reciprocal and all(a.mention is None or where(a, head=True) for a in event.targets):
        # "exchanged fire along the Line of Control", "clashed in Nairobi": where, no side
        event.targets = []
    # what two sides agree on or fail to agree on is theirs ("the EU and Mercosur agreed on
    # the draft text", "the US and South Korea failed to reach agreement": the first with the
    # other), as is a joint act they did or failed to do
    joint = done.startswith(JOINT) and (
        event.cameo.startswith(JOINT)
        # (a joint act failed, not one refused together: "India and Brazil refused to sign
        # the communique" refuse a third party's text, not each other)
        or (event.cameo.startswith(REJECTED) and _failed(event))
    )
    if event.targets or not (event.between or joint or done == AGREED or reciprocal):
        return
    verbs = [event.trigger, *([event.trigger.head] if event.trigger.dep_ == "xcomp" else [])]
    if any(_names_a_party(c) for v in verbs for c in v.children):
        return  # "Iran and Russia agreed with Syria": the party is named, if missed
    if len(order) < 2 or (
        len(states) == 1
        and not (event.between and len({a.mention["code"] for a in event.sources if a.mention}) > 1)
        and not (done.startswith(_SIGNED_BETWEEN) and done != AGREED and len(order) == 2)
        and not _state_and_challenger(event.sources)
    ):
        # "Putin and Lavrov held talks": one state's people, together; but an agreement two
        # of them (two, no more) sign or reach with no one else is between them ("Kibaki and
        # Odinga sign power-sharing deal", review 41), and so is what a text says happened
        # "between" two kinds of actor of one state ("talks between the Colombian government
        # and the FARC", "clashes between police and protesters": the dyads of a civil
        # conflict; not "talks between Putin and Lavrov", one government's)
        return
    first = order[0]
    sources = [a for a in event.sources if a.mention and a.mention["actor"] == first]
    event.targets = [a for a in event.sources if a.mention and a.mention["actor"] != first]
    event.sources = sources


def _agreed_a_pact(verb: Token) -> bool:
    """Whether a verb of agreeing takes a pact (frames.tsv pact) for its object or the object
    of its "on", "to" or "upon", or the noun that object is the text "of" ("agreed a trade
    deal", "agreed to a rollover trade deal", "agreed on the draft text of a free-trade deal")."""
    if verb.lemma_.lower() != "agree":
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "to", "upon")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    objects += [
        of
        for x in objects
        if x.lemma_.lower() in ("text", "terms") and (of := _prep_object(x, "of")) is not None
    ]
    return any(o.lemma_.lower() in PACT_NOUNS for o in objects)


def _failed(event: _Event) -> bool:
    """Whether an event's own words say it failed ("failed to reach agreement", "failed to
    agree")."""
    words = (event.trigger, *event.cues, *event.trigger.ancestors)
    return any(t.lemma_.lower() == "fail" for t in itertools.islice(words, 6))


def _names_a_party(prep: Token) -> bool:
    """Whether a verb's "with" or "to" phrase names whom it was done with: any "with" ("agreed
    with Syria", "with the rebels"); a "to" naming someone ("agreed to Moscow", "to them"),
    not a thing agreed to ("agreed to a rollover trade deal")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("with", "to"):
        return False
    return prep.lower_ == "with" or any(
        g.dep_ == "pobj" and (g.pos_ in ("PROPN", "PRON") or g.ent_type_ in _PARTY_ENTITIES)
        for g in prep.children
    )


#: entity labels of a "to" phrase that names a party
_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _reciprocal(event: _Event) -> bool:
    """Whether a verb's doers, named together, act on each other: a verb of clashing (frames.tsv
    reciprocal) with no word saying they acted together or against a third ("fought together",
    "side by side", "against terrorism", "allied militias"); a verb of fighting only between a
    state's side and its challenger or where "each other" says so (reciprocal_mutual)."""
    verb = event.trigger
    if event.nominal or verb.lemma_.lower() not in RECIPROCAL_VERBS:
        return False
    near = [*verb.children, *(t for c in verb.children for t in c.children)]
    near += [t for a in event.sources for t in a.token.children]
    if any(t.lemma_.lower() in NOT_RECIPROCAL or t.lower_ in NOT_RECIPROCAL for t in near):
        return False
    if verb.lemma_.lower() in MUTUAL_ONLY:
        return _state_and_challenger(event.sources) or any(
            (t.lower_ == "other" and any(d.lower_ in ("each", "one") for d in t.children))
            or (t.lower_ == "another" and any(d.lower_ == "one" for d in t.children))
            for t in verb.children
        )
    return True


def _state_and_challenger(sources: list[_Arg]) -> bool:
    """Whether a state's own body and an armed group or opposition of the same state are
    among the doers: the two sides of a civil conflict ("Russia and the rebels met in
    Dagestan", "the government and the Taliban held talks"; review 45: "Lebed and Maskhadov
    sign accord" had no target), not one government's people together."""
    sectors = {
        (a.mention.get("sector") or "GOV") for a in sources if a.mention is not None and _acting(a)
    }
    return bool(sectors & STATE_SECTORS) and bool(sectors & _CHALLENGERS)


#: the sectors that stand against a state inside it: armed groups, insurgents, opposition
_CHALLENGERS = frozenset({"REB", "INS", "OPP"})


def _named_before(event: _Event) -> bool:
    """Whether a noun event's doers are all named inside its noun phrase, before the noun
    ("US humanitarian aid", "a NATO grant", "Egyptian mediation")."""
    noun = event.trigger
    return bool(event.sources) and all(
        a.mention is not None and noun.left_edge.i <= a.token.i < noun.i for a in event.sources
    )


def _backed_itself(verb: Token, arg: _Arg) -> bool:
    """Whether a side is what a verb of backing backs, not the owner of it ("troops backed by
    X", "backed the army"; not "backed the army's call")."""
    heads = {c.i for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")}
    if verb.dep_ == "acl":
        heads.add(verb.head.i)
    mention = arg.mention or {}
    named = mention.get("token_start", -1) <= arg.token.i < mention.get("token_end", -1)
    return arg.token.i in heads and named
