"""Rules over a sentence's or document's events together: duplicates, denials, tolls."""

from __future__ import annotations

from collections.abc import Callable

from ..ontology import ATTACK_ROOTS, plover_type
from ..patterns import Pattern, attack_words
from .frame import _Event
from .grammar import _headline
from .judgements import _accusers_of, _all_of, _offset
from .mentions import _actor_ids
from .readings import _casualty, _new_unnamed_doer, _requesting_verb
from .vocab import _ACTED_ON, _DONE_BY_MEANS, _PACT, _RESTATING, DENIAL


def _without_tolls(events: list[_Event], kept: Callable[[_Event], bool]) -> list[_Event]:
    """Casualty verbs without a doer ("eight people were killed", "and 10 injured") report
    the toll of the document's attack (the claims give its counts), not an attack on the
    victims: dropped where the document reports another attack that is ``kept`` (not one the
    coder drops later: "At least 22 killed as bombs tear through cafes", whose "tear"
    through, a converted verb between no coded actors, goes; "Four people were killed when
    Tom Baker stabbed Jim Dole", a stabbing between uncoded persons), kept where they are the
    only report of one ("Three policemen killed in Mosul"); a death told by how it was done
    ("were shot dead") is one where a clause of its time tells an attack with a doer."""
    words = attack_words()

    def toll(event: _Event) -> bool:
        if event.nominal:
            return False
        if event.trigger.lemma_.lower() not in words["casualty"] and not (
            # a death told by how it was done is the toll of an attack a clause of its time
            # tells ("were shot dead when police opened fire"), else an attack itself
            _done_to_death(event.trigger) and any(_toll_of(event, e) and kept(e) for e in events)
        ):
            return False
        if _new_unnamed_doer(event.trigger):
            return False  # "On Friday a gunman killed 38 tourists": an attack told anew
        return all(
            a.mention is None
            and (a.token.pos_ == "NUM" or a.token.lemma_.lower() in words["count_head"])
            for a in event.sources
        )

    def attack(event: _Event) -> bool:
        return event.cameo[:2] in ATTACK_ROOTS and not toll(event) and kept(event)

    if not any(attack(e) for e in events):
        return events
    tolls = [e for e in events if toll(e)]
    for told in tolls:
        # the victims of a toll whose clause of time tells its attack are whom that attack
        # struck, where it names no one it acted on, only a thing or a place ("Two policemen
        # were killed as the Taliban attacked a checkpoint", "... when soldiers raided the
        # village of Kumba")
        victims = _victims(told)
        for e in events:
            if (
                victims
                and attack(e)
                and _while(e.trigger, told.trigger)
                and not any(
                    a.mention and a.mention.get("label") not in ("place", "metonym")
                    for a in e.targets
                )
                and not _their_own(victims, e)
            ):
                e.targets = victims
    return [e for e in events if not any(e is t for t in tolls)]


#: subject pronouns that, as an attack's doers, may be the dead of its toll ("they attacked")
_PRONOUNS = frozenset({"they", "he", "she"})


def _toll_of(told: _Event, attack: _Event) -> bool:
    """Whether a death told by how it was done is the toll of an attack a clause of its time
    tells with a doer: its dead are named (so they can be the attack's targets: not "A
    student was shot dead when police stormed the campus"), not the attackers themselves
    ("two gunmen were shot dead when they attacked a bank") nor of the storming force."""
    victims = _victims(told)
    return (
        attack is not told
        and attack.cameo[:2] in ATTACK_ROOTS
        and _while(attack.trigger, told.trigger)
        and any(a.mention for a in attack.sources)
        and bool(victims)
        and not _of_one_force(told.targets, attack.sources)
        and not _their_own(victims, attack)
    )


def _their_own(victims: list, attack: _Event) -> bool:
    """Whether the dead are the attack's own doers ("Four gunmen were killed as they
    attacked"): the same actor, or a doer told by a pronoun."""
    return bool(_actor_ids(victims) & _actor_ids(attack.sources)) or any(
        a.token.lower_ in _PRONOUNS for a in attack.sources
    )


def _victims(told: _Event) -> list:
    """The named actors a toll's passive verb has for its subject ("Two policemen were
    killed"), not a place its sides took in from elsewhere."""
    subjects = [c for c in told.trigger.children if c.dep_ == "nsubjpass"]
    subjects += [c for s in subjects for c in s.conjuncts]
    return [
        a
        for a in told.targets
        if a.mention
        and a.mention.get("label") != "place"
        and any(s.left_edge.i <= a.token.i <= s.i for s in subjects)
    ]


#: the words that open a clause of what happened at the same time ("as", "when", "while")
_AT_THE_TIME = frozenset({"as", "when", "while"})


def _while(attack, toll) -> bool:
    """Whether an attack's verb is a clause of the time a toll's verb tells ("were killed as
    the Taliban attacked", "shot dead when paratroopers opened fire"; not "after they
    attacked", another act of other doers)."""
    return (
        attack.dep_ == "advcl"
        and attack.head.i == toll.i
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_TIME for c in attack.children)
    )


def _of_one_force(victims: list, doers: list) -> bool:
    """Whether the dead and an attack's doers are both forces or police: one of those who
    stormed a barricade, shot dead as they did ("A police corporal was shot dead when officers
    stormed a barricade": shot by those they stormed; review 52), no victim of his own side."""
    forces = {"MIL", "COP"}
    return any(a.mention and a.mention.get("sector") in forces for a in victims) and any(
        a.mention and a.mention.get("sector") in forces for a in doers
    )


def _done_to_death(verb) -> bool:
    """Whether a verb reports a death by how it was done ("were shot dead", "was beaten
    dead"): a casualty verb of its own (review 51: "were shot dead when paratroopers opened
    fire" told the shooting twice)."""
    return any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "xcomp") for c in verb.children)


def _counted_alone(events: list[_Event]) -> list[_Event]:
    """Nouns of attack kept for the dead their sentence counts (``_Event.counted``) report
    the document's attack only where it reports no other one; of such nouns compounded ("bomb
    blast") the head stands for the attack."""
    counted = {e.trigger.i for e in events if e.counted}
    if not counted:
        return events
    if any(e.cameo[:2] in ATTACK_ROOTS and not e.counted for e in events):
        return [e for e in events if not e.counted]
    return [
        e
        for e in events
        if not (e.counted and e.trigger.dep_ == "compound" and e.trigger.head.i in counted)
    ]


def _with_noun_doers(events: list[_Event]) -> list[_Event]:
    """A casualty verb whose subject is an attack coded as an event of its own ("Islamic
    State attack kills 10 soldiers", "Baghdad bombings kill 20 people") reports that attack's
    victims, not a second attack done by the attack: the noun's event takes the verb's
    targets (and, as an attack of the sentence, its counts), and the verb's event is dropped.
    The doer stays the noun's own (its modifier, possessive or "by" actor), or unknown."""
    casualty = attack_words()["casualty"]
    attacks = {e.trigger.i: e for e in events if e.nominal and e.cameo[:2] in ATTACK_ROOTS}
    merged: set[int] = set()
    for event in events:
        # the verb's doers, or its subject where that was no source (an attack noun no one
        # is named doing: "Recent attacks have killed eight")
        doers = [a.token.i for a in event.sources] or [
            c.i for c in event.trigger.children if c.dep_ in ("nsubj", "csubj")
        ]
        if (
            event.nominal
            or event.trigger.lemma_.lower() not in casualty
            or not doers
            or not all(i in attacks for i in doers)
        ):
            continue
        for i in doers:
            noun = attacks[i]
            if event.targets and not noun.sources and _all_of(noun):
                # "Airstrikes of the US-led coalition kill 40 fighters": the verb names the
                # victims, so the noun's "of" names who struck, not what was struck
                noun.sources, noun.targets = noun.targets, []
            if not noun.targets:
                noun.targets = list(event.targets)
            noun.cues.append(event.trigger)
        merged.add(event.trigger.i)
    return [e for e in events if e.trigger.i not in merged]


def _denials(events: list[_Event]) -> list[_Event]:
    """The denials of the ``events`` someone denies of himself or his own side ("Iran denied
    that its forces attacked the tanker", "Hanoi denied sending troops"): besides the denied
    act (negated, the denier its reporter) the denier rejects the accusation of it, as
    careful coders code it (audits 17, 19 and 38), aimed at the accuser where one is named near
    it (_accusers_of); one a verb, none where the verb codes an event of its own ("denied any
    involvement"), and none for another's act denied ("Iran denied that Saudi Arabia had
    attacked its embassy": no accusation of Iran)."""
    triggers = {e.trigger.i for e in events}
    out: list[_Event] = []
    for event in events:
        verb, speaker = event.denier, event.reported_by
        if verb is None or speaker is None or speaker.mention is None or verb.i in triggers:
            continue
        doers = [a.mention for a in event.sources if a.mention]
        if doers and not any(
            m["actor"] == speaker.mention["actor"]
            or (m.get("country") and m.get("country") == speaker.mention.get("country"))
            for m in doers
        ):
            continue  # "Iran denied that Saudi Arabia had attacked": no accusation of Iran
        triggers.add(verb.i)
        pattern = Pattern("V", verb.lemma_.lower(), (), None, DENIAL, None, "denial of an act")
        denial = _Event(verb, pattern, cameo=DENIAL, sources=[speaker], sentence=event.sentence)
        denial.targets = _accusers_of(denial, events)
        out.append(denial)
    return out


def _without_purposes_of_the_same_act(events: list[_Event]) -> list[_Event]:
    """Events less those that restate an act in its own type, by its own doers: its
    purpose ("France summoned the Chinese ambassador to complain about the tweets" is one
    protest, the summons, whose target is named) or a verb joined to it that names no other
    target ("welcomed and supported the decision", "was convicted and found guilty")."""
    by_trigger = {e.trigger.i: e for e in events}
    same = set()
    for e in events:
        act = by_trigger.get(e.trigger.head.i)
        if (
            act is None
            or act is e
            or id(act) in same
            or act.pattern.type != e.pattern.type
            or _actor_ids(act.sources) != _actor_ids(e.sources)
        ):
            continue
        purpose = e.trigger.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in e.trigger.children
        )
        # one object shared by two verbs of one code ("welcomed and supported the decision"),
        # not two acts on two objects ("release the prisoners and lift the curfew")
        joined = (
            e.trigger.dep_ == "conj"
            and e.trigger.pos_ == act.trigger.pos_
            and act.cameo == e.cameo
            and act.modality == e.modality
            and not any(c.dep_ in ("dobj", "obj") for c in act.trigger.children)
        )
        targets = _actor_ids(e.targets)
        if joined and targets and not act.targets:
            act.targets = e.targets  # "welcomed and supported the decision": one object
        if (purpose and (not targets or targets == _actor_ids(act.targets))) or (
            joined and (not targets or targets == _actor_ids(act.targets))
        ):
            same.add(id(e))
    return [e for e in events if id(e) not in same]


def _without_nouns_restating_a_verb(events: list[_Event]) -> list[_Event]:
    """Events less a noun of the same act a verb of its sentence reports, named after a
    preposition of time or circumstance: "besieged the dormitory and killed four attackers
    after a siege that lasted 15 hours" is one siege (the noun's sides are what the verb
    says, and the parse gives it none or the wrong ones). Not a noun with a doer of its own
    other than the verb's ("after a Hamas raid": another act), nor one of another code."""
    verbs = [e for e in events if not e.nominal]
    same = set()
    for e in events:
        if not e.nominal or e.trigger.dep_ != "pobj" or e.trigger.head.lower_ not in _RESTATING:
            continue
        doers = _actor_ids(e.sources)
        for verb in verbs:
            if (
                verb.sentence == e.sentence
                and verb.cameo[:3] == e.cameo[:3]
                and doers <= _actor_ids(verb.sources)
            ):
                same.add(id(e))
                break
    return [e for e in events if id(e) not in same]


def _without_pacts_acted_on(events: list[_Event]) -> list[_Event]:
    """Events less an agreement noun (057) another event of its sentence acts on, or one an act
    is done under: a pact already made ("withdrew from the treaty with Russia", "violated the
    nuclear agreement", "sanctions were lifted under the agreement"), not one signed then.
    Not a noun a verb of making heads ("signed an agreement", "reached a deal"), which is that
    verb's own event, nor one that names both its parties ("praised the peace deal between
    Ethiopia and Eritrea"), the record of their pact."""
    acts = {t.i for e in events if e.cameo[:3] != _PACT for t in (e.trigger, *e.cues)}
    kept = []
    for e in events:
        noun = e.trigger
        if (
            e.nominal
            and e.cameo == _PACT
            and noun.dep_ in ("dobj", "obj", "pobj")
            and not (e.sources and e.targets)  # "praised the deal between Ethiopia and Eritrea"
        ):
            governor = noun.head
            if noun.dep_ == "pobj" and governor.dep_ == "prep":
                if governor.lower_ == "under":
                    continue  # "under the agreement": the pact in force
                out_of = governor.lower_ == "of" and governor.head.lower_ == "out"
                if governor.lower_ not in _ACTED_ON and not out_of:
                    kept.append(e)  # "called off the strike after the agreement": one made
                    continue
                governor = governor.head
                if governor.lower_ == "out":  # "pulled out of the accord"
                    governor = governor.head
            if governor.i in acts:
                continue
        kept.append(e)
    return kept


def _without_results_of_an_attack(events: list[_Event]) -> list[_Event]:
    """Events less the casualties an attack's participle or joined verb tells ("launched
    missiles at Kyiv, killing at least 36 people", "opened fire on a bus, killing five and
    wounding 12", "Taliban gunmen stormed a school and killed 141 people"): one attack,
    whose victims they are, as event datasets record it (two careful coders, audits 16 and
    19, counted such lines as duplicates). The casualty verb hangs on the attack's verb, has
    no doer of its own other than the attack's and the same modality, or both are facts
    ("according to" hangs on either verb); where the attack names no actor it acts on, the
    victims become its target. Not a casualty verb with a subject of its own ("Gunmen
    attacked the town and soldiers killed five")."""
    by_trigger = {e.trigger.i: e for e in events if not e.nominal}
    results = set()
    for e in events:
        verb = e.trigger
        if e.nominal or not _casualty(verb):
            continue
        if verb.tag_ != "VBG":
            # "stormed a school and killed 141": joined to the attack, sharing its subject
            joined = verb.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
            )
            if not joined:
                continue
        elif verb.dep_ == "conj" and verb.head.tag_ == "VBG" and _casualty(verb.head):
            verb = verb.head  # "killing five and wounding 12": both the attack's
        if verb.dep_ not in ("advcl", "conj"):
            continue
        attack = by_trigger.get(verb.head.i)
        if (
            attack is None
            or attack is e
            or attack.cameo[:2] not in ATTACK_ROOTS
            or plover_type(attack.cameo) != "ASSAULT"  # a siege (191) is no attack's toll
            or _class_of(attack.modality) != _class_of(e.modality)
            or not _actor_ids(e.sources) <= _actor_ids(attack.sources)
        ):
            continue
        results.add(id(e))
        if not any(a.mention for a in attack.targets) and any(a.mention for a in e.targets):
            attack.targets = e.targets
    return [e for e in events if id(e) not in results]


#: modalities of one class: a fact whether or not the sentence names who tells it ("...,
#: killing at least 157 people, according to a rights group": the source may hang on either
#: verb)
_FACT = ("asserted", "reported")


def _class_of(modality: str) -> str:
    return "fact" if modality in _FACT else modality


def _without_words_of_a_longer_trigger(events: list[_Event]) -> list[_Event]:
    """Events less those whose trigger is a word of another event's trigger phrase (its cues)
    with the same sides: one act, coded once, by the longer phrase ("threatened" of
    "threatened to slap tariffs on China", "proposed" of "proposed to impose a tariff", the
    "charges" of "charges against Zuma were dropped"); the phrase keeps its own modality (an
    intention is future, as PLOVER codes "agreed to", "threatened to"). Sides that differ are
    two acts ("urged Iran to release the prisoners": the release is Iran's)."""
    part = set()
    for whole in events:
        if id(whole) in part:
            continue
        for e in events:
            if (
                e is not whole
                and e.trigger.i != whole.trigger.i
                and any(c.i == e.trigger.i for c in whole.cues)
                and _actor_ids(e.sources) == _actor_ids(whole.sources)
                and _actor_ids(e.targets) == _actor_ids(whole.targets)
            ):
                part.add(id(e))
    return [e for e in events if id(e) not in part]


def _calls_for_scrutiny(events: list[_Event]) -> list[_Event]:
    """ "McCain called for an investigation into the MKO": whoever demands that X be
    investigated accuses X (CAMEO 112), and the call is not a request made *to* X. The
    investigation event takes the caller as its source and the call's modality; the call
    is dropped when X is the only one it was addressed to."""
    calls = {e.trigger.i: e for e in events if e.pattern.type == "REQUEST" and not e.nominal}
    dropped: set[int] = set()
    for event in events:
        if not (event.nominal and event.cameo.startswith("09")):
            continue
        call = calls.get(_requesting_verb(event.trigger))
        if call is None:
            continue
        event.cameo = "112"
        event.sources = event.sources or list(call.sources)
        event.modality = call.modality
        event.reported_by = event.reported_by or call.reported_by
        called = _actor_ids(call.targets)
        if not called or called <= _actor_ids(event.targets):
            dropped.add(id(call))
    return [e for e in events if id(e) not in dropped]


def _doer_of_the_means(events: list[_Event]) -> None:
    """An attack named as the means of another act ("Turkish jets killed 12 militants in air
    strikes on Iraq", "Police arrested 30 people in a raid on a mosque") and naming no doer
    of its own is done by that act's doer: the noun is the object of "in" hung on a verb of
    force, detention or release whose event has a source (not a passive that names none:
    "Twelve soldiers were killed in an ambush"; nor a protest one arrests people "during"; nor
    an attack on the doer's own state's forces: "Afghan troops killed 20 Taliban fighters in an
    attack on a police post" tells the Taliban's attack)."""
    by_trigger = {e.trigger.i: e for e in events if not e.nominal}
    for event in events:
        noun = event.trigger
        if not event.nominal or event.sources or plover_type(event.cameo) != "ASSAULT":
            continue
        if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.dep_ != "prep":
            continue
        holder = noun.head.head
        if holder.dep_ in ("dobj", "obj"):  # (hung on the act's object: "killed 12 in strikes")
            holder = holder.head
        act = by_trigger.get(holder.i)
        if (
            act is None
            or plover_type(act.cameo) not in _DONE_BY_MEANS
            or act.modality != event.modality
        ):
            continue
        doers = [a for a in act.sources if a.mention]
        states = {a.mention.get("country") for a in doers} - {None}
        own = any(
            (m := a.mention) is not None
            and m["label"] != "place"
            and m.get("country") in states
            and m.get("sector") in ("GOV", "MIL", "COP")
            for a in event.targets
        )  # "Afghan troops killed 20 Taliban in an attack on a police post": the Taliban's
        if doers and not own and not _actor_ids(doers) & _actor_ids(event.targets):
            event.sources = list(doers)


def _complete_sides(events: list[_Event]) -> None:
    """A mention that leaves out one side of an event its document names in full elsewhere
    takes that side, so that the store merges the two as one event: "Turkey has shelled a
    city in Syria ... Syria was shelled again" (the same CAMEO code, the same class of
    modality, the same actors on the side both name), from a mention before it, or after it
    for a headline; not "Zuma appeared in court to face charges" from a critic's "accused
    Zuma of corruption" (112, not 1121) later on. Only where the document names one
    actor for the missing side; never an attack whose doer stands as an instrument or an
    unnamed agent ("a bomb exploded", "gunmen attacked"), which the attribution of claims
    completes; a passive that names no doer ("Ukraine was attacked again") is completed."""

    def kind(event: _Event) -> tuple:
        fact = event.modality in ("asserted", "reported")
        return event.cameo, "fact" if fact else event.modality

    for event in events:
        if event.instrument or bool(event.sources) == bool(event.targets):
            continue
        known, missing = ("targets", "sources") if event.targets else ("sources", "targets")
        ids = _actor_ids(getattr(event, known))
        if not ids:
            continue
        fills = {
            _actor_ids(getattr(other, missing)): other
            for other in events
            if other is not event
            # named in full before, or after a headline that leaves a side out
            and (_offset(other) < _offset(event) or _headline(event.trigger.sent))
            and kind(other) == kind(event)
            and _actor_ids(getattr(other, known)) == ids
            and _actor_ids(getattr(other, missing))
            and not _actor_ids(getattr(other, missing)) & ids
        }
        if len(fills) == 1:
            (other,) = fills.values()
            setattr(event, missing, [a for a in getattr(other, missing) if a.mention])
