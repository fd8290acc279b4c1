"""Events carried by verbs."""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.words import NAMING_VERBS
from ..attribution import claims_responsibility
from ..ontology import ATTACK_ROOTS, EXPULSIONS
from ..patterns import Pattern, attack_words, head_words, target_words
from .frame import _Arg, _Event
from .grammar import _gerund, _headline, _objects, _prep_object, _reports_a_passive, _told_as_a_fact
from .mentions import _actor_ids, _authority, _located, _unnamed, _victims
from .readings import (
    _armament,
    _casualty,
    _describes_a_source,
    _explosion_verb,
    _ground,
    _instrument,
    _tagged_noun_heading_a_subject,
    _victim,
    _weapon_code,
    attack_verb_read_as_noun,
)
from .vocab import (
    _VICTIM_ROOTS,
    ARMIES,
    BACKING_TYPES,
    COGNATE_VERBS,
    DURATIONS,
    FALLING_TO_VERBS,
    FIGHTING_SECTORS,
    FORCE_ONLY,
    GETTING_VERBS,
    GIVEN_BY_ANOTHER,
    LIGHT_VERBS,
    REFLEXIVES,
    RESTRICTING_LIGHT_VERBS,
    SPEECH_VERBS,
    STOPPED_CODES,
    TIME_ENTITIES,
    TRYING_VERBS,
)


class VerbEvents:
    """Events a verb carries: its pattern, its sides, an attack by an instrument."""

    def _verb_event(self, token: Token) -> _Event | None:
        if (
            token.pos_ not in ("VERB",)
            and not token.tag_.startswith("VB")
            and not _tagged_noun_heading_a_subject(token)
            and not attack_verb_read_as_noun(token)
        ):
            return None
        if token.dep_ == "amod":  # "protected persons", "the banned group": a description
            return None
        if _describes_a_source(token) or _according_to(token):
            return None  # "according to officials briefed on the meeting": who says it
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and attack_verb_read_as_noun(subject):
            return None  # "IS shells recaptured areas": "recaptured" describes the areas
        if token.lemma_.lower() in LIGHT_VERBS | COGNATE_VERBS | RESTRICTING_LIGHT_VERBS and (
            (obj := self._event_object(token)) is not None
            and self._light(token, obj)
            and not self._answers(token, obj)
        ):
            return None  # the object noun carries the event
        if claims_responsibility(token, self.attack_nouns):
            return None  # "ISIL claimed responsibility": the attack's attribution, no event
        match = self._match(token, "V")
        if match is None:
            return None
        pattern, cues = match
        if pattern.cameo[:2] in ATTACK_ROOTS and any(
            self._no_event_sense(noun) for noun in _objects(token)
        ):
            return None  # "fought a trade war", "engaged in a war of words": no fighting
        if pattern.type == "PROTEST" and any(c.dep_ == "ccomp" for c in token.children):
            return None  # "this coalition demonstrates that ...": showing, not protesting
        if (
            pattern.type == "REQUEST"
            and token.lemma_.lower() in NAMING_VERBS
            and any(
                t.lower_ == "what" and (t.head.i == token.i or t.head.head.i == token.i)
                for t in token.subtree
                if t.i < token.i
            )
            and not any(
                c.dep_ == "prep" and c.lower_ in ("on", "for", "upon") for c in token.children
            )
        ):
            # "what officials called an attempt on his life", "what it calls aggression": a
            # name given to a thing, no appeal
            return None
        if (
            pattern.type == "REQUEST"
            and token.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "ccomp" and _told_as_a_fact(c) for c in token.children)
        ):
            # "suggested the rebels were to blame", "hinted that Iran was behind it": a verb of
            # saying that puts forward a fact reports it, no appeal ("suggested that Iran
            # withdraw" asks)
            return None
        if token.lemma_.lower() in TRYING_VERBS and any(c.dep_ == "xcomp" for c in token.children):
            return None  # "its ideology seeks to combine ...": trying, not asking
        event = _Event(token, pattern, cues, cameo=pattern.cameo)
        if pattern.cameo[:2] == "16":
            # what is cut, suspended or ended is this act's object, no event of its own
            # ("suspended aid to Yemen": no aid given; "ended talks with Iran": no talks); a
            # span of time ended is what it was of ("ended two years of fighting": the
            # fighting), and a span of no act ("ending three decades of rule", "14 years in
            # power") is the end of a time, no act on anyone
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
            if objects and all(
                c.lemma_.lower() in target_words()["contest"] and c.lemma_.lower() not in self.nouns
                for c in objects
            ):
                # a struggle, a standoff or a crisis ended is no act on anyone ("was hanged
                # ..., ending a two-year struggle between him and the general"); an act of
                # force ended ("ended the war") is eased (below)
                return None
            spans = [c for c in objects if c.lemma_.lower() in DURATIONS | {"century", "era"}]
            if spans and len(spans) == len(objects):
                objects = [o for c in spans if (o := _prep_object(c, "of")) is not None]
                if not any(c.lemma_.lower() in self.nouns for c in objects):
                    return None
            stopped = [
                (c, found[0])
                for c in objects
                if c.lemma_.lower() in self.nouns and (found := self._match(c, "N")) is not None
            ]
            event.cues += [c for c, _ in stopped]
            if event.cameo in ("160", "162") and stopped:
                # CAMEO's codes of what is stopped: aid 162, mediation 165, talks 164; a
                # hostile act stopped eases it ("ended sanctions on Sudan" 085, "the siege"
                # 0872, "halted its airstrikes" 087, "suspended the deportations" 081)
                code = stopped[0][1].cameo
                event.cameo = next(
                    (to for what, to in STOPPED_CODES if code.startswith(what)), event.cameo
                )
        subject, passive = self._subject(token)
        passive = passive or self._elided_passive(token, subject, pattern)
        doer = None if passive else subject
        agent = _prep_object(token, "by") if passive else None
        if (
            agent is not None
            and pattern.type in BACKING_TYPES
            and _armament(agent)
            and not (self._reading.by_token.get(agent.i) or {}).get("country")
        ):
            # "soldiers backed by armoured vehicles", "supported by helicopter gunships": how
            # they were armed, no one's support (a state's, "backed by Russian jets", is)
            return None
        if passive:
            event.sources = self._args(agent) if agent is not None else []
            event.targets = self._args(subject, dig=True) if subject is not None else []
            # a pattern's preposition names the target in the passive too ("Fallujah
            # liberated from IS": the side it was taken from; "missiles were fired at Israel")
            # (dyad's own rows only: a converted row's "in" or "for" is no target, "the cars
            # are assembled in Mexico")
            curated = pattern.prep and not pattern.converted
            aimed = _prep_object(token, pattern.prep) if curated else None
            found = self._args(aimed) if aimed is not None else []
            if any(a.mention for a in found) and not (
                # (not where a person or a body was the one acted on: "X was shot dead at his
                # residence", where "at" says where; review 52)
                pattern.prep == "at"
                and any(
                    a.mention and a.mention.get("label") not in ("place", "metonym", "modifier")
                    for a in event.targets
                )
            ):
                event.targets = found
            # "Five killed in Iraq attacks", "three soldiers were wounded": victims counted,
            # their attacker not named
            # "West Mosul shelled", "the village was shelled": an attack whose doer is not
            # named (see _reports_a_passive)
            event.unnamed = (
                agent is None
                and bool(event.targets)
                and (_casualty(token) or (event.cameo[:2] in ATTACK_ROOTS
                                          and _reports_a_passive(token, subject)))
            )  # fmt: skip
        else:
            event.sources = self._args(subject) if subject is not None else []
            event.targets = self._verb_targets(token, pattern, _actor_ids(event.sources))
            if not event.targets:  # "declared the MEK protected persons"
                for cue in cues:
                    if cue.dep_ in ("ccomp", "xcomp", "oprd"):
                        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
                        event.targets = self._args(subject)
            if token.lemma_.lower() in GETTING_VERBS and pattern.cameo[:2] in GIVEN_BY_ANOTHER:
                # "the rebels received weapons from China", "obtained a loan from the IMF":
                # the subject is given it, by whom the "from" phrase names, if any (PETRARCH's
                # block of getting verbs marks its subject the target)
                # (the phrase may hang on what is given: "weapons ... from China")
                givers = [
                    o for h in (token, *_objects(token)) for p in h.children
                    if p.dep_ == "prep" and p.lower_ == "from"
                    for o in p.children if o.dep_ == "pobj"
                ]  # fmt: skip
                event.targets = event.sources
                event.sources = [a for giver in givers for a in self._args(giver)]
            if token.lemma_.lower() in FALLING_TO_VERBS and pattern.prep == "to":
                # "Kabul falls to the Taliban": the "to" object, an armed force or group,
                # took the subject, a town or ground (frames.tsv falling_to); "prices fell to
                # $50", "the task fell to Britain" are no event
                taker = _prep_object(token, "to")
                takers = [
                    a
                    for a in (self._args(taker) if taker is not None else [])
                    if a.mention
                    and (
                        a.mention.get("sector") in ARMIES or a.mention.get("kind") == "armed_group"
                    )
                ]
                if subject is None or not takers or not _ground(subject):
                    return None
                event.sources = takers
                event.targets = self._args(subject, _actor_ids(takers), dig=True)
            if attack_verb_read_as_noun(token):  # the object of the participle after it
                obj = next(c for c in token.head.children if c.dep_ in ("dobj", "obj"))
                event.targets = self._args(obj, _actor_ids(event.sources), dig=True)
            if event.cameo[:3] in EXPULSIONS and token.lemma_.lower() == "order":
                countries = {s.mention.get("country") for s in event.sources if s.mention}
                if event.targets and all(
                    a.token.lemma_.lower() in self.force_nouns and _own(a, countries)
                    for a in event.targets
                ):
                    # "ordered the army out of the capital", "his troops out of the trenches":
                    # an order to one's own forces to withdraw, no expulsion of anyone (review
                    # 43; citizens who drive soldiers out do expel them, and "ordered UN
                    # peacekeepers out", "foreign troops", are others')
                    return None
                out = next((c for c in token.children if c.lower_ == "out"), None)
                place = _prep_object(out, "of") if out is not None else None
                if (
                    place is not None
                    and (self._reading.by_token.get(place.i) or {}).get("kind") != "state"
                    and place.lemma_.lower() not in ("country", "territory", "kingdom")
                ):
                    return None  # "ordered protesters out of the square": out of a place
            own = self._own_forces(event)
            if own:
                # "Russia deployed troops to Syria": the forces sent are the doer's own, the
                # target is where or whom they are sent against
                event.targets = self._clause_target(token, pattern, [*event.sources, *own])
            reacted = pattern.type in ("ACCUSE", "REJECT") and any(
                self._force_noun(a.token) for a in event.targets
            )  # "condemned the attack on the embassy": aimed at its doers, whom _finish finds
            if (
                not reacted
                and not any(self._names(a) for a in event.targets)
                and not ((_casualty(token) and _victims(event.targets)) or _located(event.targets))
            ):  # "kills 12 shepherds in Anbar": the shepherds, not Anbar; "attacked aid
                # workers in Kabul": people acted on are the target, not where they were;
                # nor is the place of a building struck ("a building in Damascus")
                event.targets = (
                    self._clause_target(token, pattern, event.sources,
                                        people=self._people(event.targets))
                    or event.targets
                )  # fmt: skip
            # a casualty verb of a clause of its own ("..., killing 12", "shot and killed")
            # whose victims are counted or named and whose clause gives it no subject at all
            # ("Car bombs rock Baghdad, killing 12", where "rock" was read as a noun; "A
            # sniper shot and killed a captain", where "sniper shot" was): an attack whose doer
            # the parse does not give. A gerund after a preposition ("arrested for killing
            # civilians") is what someone is accused of, not a report of its own
            event.unnamed = (
                doer is None
                and token.dep_ in ("ROOT", "advcl", "conj")
                and _casualty(token)
                and any(_victim(a.token) or (a.mention or {}).get("kind") == "person"
                        for a in event.targets)
            )  # fmt: skip
        if (
            event.cameo == "1711"
            and event.targets
            and all(
                (a.mention or {}).get("label") not in ("metonym", "place")  # "seized Goma"
                and (
                    (
                        (
                            (a.mention or {}).get("kind") == "group"
                            or (
                                (a.mention or {}).get("kind") == "person"
                                and a.token.pos_ == "PROPN"
                            )
                        )
                        # the people themselves, not the owners of what was seized ("the passports
                        # of two activists")
                        and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
                    )
                    # people no actor names or a body's people: "seized two engineers",
                    # "seized five Chevron workers"
                    or self._people_noun(a.token)
                )
                for a in event.targets
            )
        ):  # (not "the newspaper Zaman", a paper its name was read as a person's)
            # people seized are taken, no property confiscated: held by the authorities
            # ("police seized three suspects": an arrest), else abducted ("students seized
            # dozens of Americans", "gunmen seized two engineers")
            event.cameo = "173" if any(_authority(a.mention) for a in event.sources) else "181"
        if _explosion_verb(token):
            return event if self._explosion(event) else None
        if (
            token.lemma_.lower() in FORCE_ONLY
            and not pattern.words
            and not any(
                a.mention and a.mention.get("sector") in FIGHTING_SECTORS
                for a in (*event.sources, *event.targets)
            )
            and not any(c.dep_ == "prep" and c.lower_ == "between" for c in token.children)
        ):
            # "the two leaders clashed at the summit", "Germany and France clashed in the
            # semi-final": no fight without a force, police, armed group or protesters on
            # either side
            return None
        if pattern.type == "ASSAULT":  # "a suicide bomber attacked": the doer is unknown
            # (a passive's agent is its doer: "three were killed by a roadside bomb")
            event.cameo = _weapon_code(doer or agent, event.cameo)
            self._drop_unnamed(event)
        return event

    @staticmethod
    def _elided_passive(verb: Token, subject: Token | None, pattern: Pattern) -> bool:
        """A verb with its "was" or "were" left out, which the parser reads as active: a
        past form with a subject, no object and no auxiliary, and either
        - a casualty verb whose subject counts victims (a number, "people", "soldiers", a
          noun counted: "23 Taliban"), not one that names a doer ("At least 40 killed in
          Syria"), or any in a headline ("Hammarskjold killed as U.N. plane crashes"), or
        - in a headline (a sentence with no closing stop, which tells past events in the
          present tense: "Iraq strikes Islamic State"), a verb of coercion or violence that
          takes its victim as object, aimed at no one by a preposition ("West Mosul shelled as
          Iraq steps up fight", "Islamic State leadership targeted in air strike": the
          subject is what was attacked); a fight "with" someone or an explosion has no
          victim object to lose ("Rebels clashed with troops")."""
        if subject is None or verb.tag_ not in ("VBD", "VBN"):
            return False
        if any(
            c.dep_ in ("dobj", "obj", "attr", "oprd")
            and not _gerund(c)
            and not (c.dep_ == "oprd" and c.lower_ == "dead")  # "X shot dead by Y"
            for c in verb.children
        ):  # a gerund read as its object says what they were doing ("killed fighting X")
            return False
        words = attack_words()
        if _casualty(verb):
            # (or anyone killed with no object in a headline: "Hammarskjold killed as U.N.
            # plane crashes near Ndola")
            return (
                subject.like_num
                or subject.pos_ == "NUM"
                or subject.lemma_.lower() in (words["count_head"] | words["victim"])
                # a count of them ("says 23 Taliban killed", "Forty rebels said killed")
                or any(c.dep_ == "nummod" for c in subject.children)
                or (
                    _headline(verb.sent)
                    and subject.pos_ != "PRON"  # ("Al-Shabaab says it killed in self-defence")
                    # (not what a verb of saying before it says; one after it is a headline's
                    # next clause the parse hung it on: "Moise assassinated at home; premier
                    # declares state of siege", review 51)
                    and (verb.dep_ != "ccomp" or verb.head.i > verb.i)
                    and not any(
                        c.dep_ in ("aux", "conj")
                        or (
                            c.dep_ == "prep"
                            and any(g.lemma_.lower() in head_words()["motive"] for g in c.children)
                        )
                        # (how the killers killed: "Army killed mercilessly, report says")
                        or (c.dep_ == "advmod" and c.lower_.endswith("ly"))
                        for c in verb.children
                    )
                )
            )
        if (pattern.cameo or "")[:2] not in _VICTIM_ROOTS or _explosion_verb(verb):
            return False
        # ("shot dead at the altar": where, not whom it was aimed at; review 53)
        dead = any(c.dep_ == "oprd" and c.lower_ == "dead" for c in verb.children)
        if any(
            c.dep_ == "aux"
            or (
                c.dep_ == "prep"
                and ((c.lower_ in words["target_prep"] and not dead) or c.lower_ == "with")
            )
            for c in verb.children
        ):
            return False
        return _headline(verb.sent)

    def _drop_unnamed(self, event: _Event) -> None:
        """An attack's instrument or unnamed agent is no source, nor an act of force or a
        thing named as its doer ("The Russian-backed offensive has killed hundreds", "Mass
        deportation targets non-criminals": an event noun of force or an abstract noun of
        data/targets.tsv, no actor standing for it). An attack done by an act stays, by
        someone unnamed; one a thing is said to do is no sign of an attack."""
        abstract = target_words()["abstract"]
        # a thing is no doer, nor a sign of an attack ("Vote fails, killing the bill")
        event.sources = [
            a for a in event.sources if a.mention or a.token.lemma_.lower() not in abstract
        ]
        named = [
            a
            for a in event.sources
            if not _unnamed(a)
            and not (a.mention is None and a.token.lemma_.lower() in self.attack_nouns)
            # an act of force, not a group ("the alliance bombed", "a patrol shot")
        ]  # an act is an attack by someone unnamed ("the offensive has killed 20 civilians")
        event.instrument = event.instrument or len(named) < len(event.sources)
        event.unnamed = event.unnamed or event.instrument
        event.sources = named

    def _explosion(self, event: _Event) -> bool:
        """A charge going off (data/attack_words.tsv): "a car bomb exploded near a patrol",
        "a suicide bomber blew himself up", "X detonated a bomb targeting a bus". The
        instrument or an unnamed agent is never the source nor the target; the target is what
        "targeting" or a target preposition names; a suicide bombing is CAMEO 1831. False when
        the verb reports no explosion ("the president exploded with anger")."""
        token, words = event.trigger, attack_words()
        subject, passive = self._subject(token)
        agent = _prep_object(token, "by") if passive else None
        obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        # where the target is named: on the verb, or on the instrument it set off ("detonated
        # four devices targeting the home")
        heads = [token, *(h for h in (obj, subject) if h is not None and _instrument(h))]
        aiming = next(
            (
                c
                for head in heads
                for c in head.children
                if c.lemma_.lower() in words["targeting"] and c.pos_ == "VERB"
            ),
            None,
        )
        if obj is not None and obj.lower_ not in REFLEXIVES and not _instrument(obj):
            if aiming is None:  # "militants blew up a bridge": the object is the target
                self._drop_unnamed(event)
                return True
            obj = None  # "a vehicle detonated targeting a bus carrying Shia pilgrims"
        if agent is not None:  # "a bomb was detonated by militants"
            sources = self._args(agent)
        elif obj is None or obj.lower_ in REFLEXIVES:  # "a car bomb exploded"
            if subject is None or not _instrument(subject):
                return False
            sources = self._args(subject)
        else:  # "militants detonated a car bomb"
            sources = self._args(subject) if subject is not None else []
        event.sources = sources
        self._drop_unnamed(event)
        exclude = _actor_ids(event.sources)
        targets: list[_Arg] = []
        if aiming is not None:  # "detonated targeting a bus": one event
            event.cues.append(aiming)
            aim = next((c for c in aiming.children if c.dep_ in ("dobj", "obj")), None)
            targets = self._args(aim, exclude)
        for child in (c for head in heads for c in head.children):
            if targets:
                break
            if child.dep_ == "prep" and child.lower_ in words["target_prep"]:
                aim = next((c for c in child.children if c.dep_ == "pobj"), None)
                if aim is not None and aim.ent_type_ in TIME_ENTITIES:
                    continue  # "exploded on Monday": a time, not what was hit
                targets = self._args(aim, exclude)  # the thing attacked, not its town
        event.targets = [a for a in targets if not _unnamed(a)]
        phrases = [t for head in (subject, obj) if head is not None for t in head.subtree]
        suicide = any(t.lower_ in words["suicide"] for t in phrases)
        event.cameo = "1831" if suicide else event.cameo
        event.unnamed = event.instrument = True  # a bomb that went off is an attack
        return True


def _own(arg: _Arg, countries: set) -> bool:
    """Whether forces a side orders about are its own: of its country, or of none and of no
    other body ("the army", "his troops"; not "UN peacekeepers", "foreign troops")."""
    mention = arg.mention or {}
    if mention.get("country"):
        return mention["country"] in countries
    return not str(mention.get("code") or "").startswith("IGO") and not any(
        c.lower_ in ("foreign", "international", "outside") for c in arg.token.children
    )


def _according_to(token: Token) -> bool:
    """Whether a verb is the "according" of "..., according to a rights group": the phrase
    names who says it, no act of according ("accord rights" in the converted patterns)."""
    return token.lower_ == "according" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in token.children
    )
