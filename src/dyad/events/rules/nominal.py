"""Events carried by nouns ("the expulsion of the MEK") and stances ("pro-Iran")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...actors.component import ACTING_LABELS
from ...nlp.words import after_stance_prefix
from ..ontology import ATTACK_ROOTS
from ..patterns import head_words, target_words
from .frame import _Arg, _Event
from .grammar import _is_cue, _prep_object
from .mentions import _actor_ids, _authority, _mention_arg, _one_each
from .readings import (
    _casualty,
    _counts_dead,
    _describes_a_source,
    _event_noun,
    _goods_origin,
    _mishap,
    _moving,
    _named_event,
    _names_a_gathering,
    _occurs,
    _on_the_part,
    _origin,
    _received,
    _setting,
    _undergone,
)
from .vocab import (
    _VICTIM_ROOTS,
    ANSWERING_VERBS,
    ARMED_SECTORS,
    ASKING_VERBS,
    ASSEMBLIES,
    BACKING_TYPES,
    DEFENDING_VERBS,
    FRAME_NOUNS,
    GIVING_VERBS,
    HARM_CAUSE,
    HARM_COURSE,
    HARM_VERBS,
    MUTUAL_TYPES,
    NOT_AT_MEETINGS,
    NOUN_TARGET_PREPS,
    PLANNED_TYPES,
    PLANNING_VERBS,
    RECIPROCAL_VERBS,
    REFUSAL_VERBS,
    RESPONSIBILITY_VERBS,
    SETTING_PREPS,
    STANCE_PATTERNS,
    STATE_VERBS,
    UNDERGOING_VERBS,
    VENUE_TYPES,
    WHO_DID_IT,
)

#: the CAMEO roots of acts one suffers: charges (11: "arrested on charges"), and those done to
#: victims, coercion and violence (17-20)
HARMING_ROOTS = frozenset({"11", *_VICTIM_ROOTS})


def _fought_with(noun: Token, targets: list) -> bool:
    """Whether a noun of a fight both sides wage (frames.tsv reciprocal: "clashes",
    "fighting", "a battle"; not an attack or an ambush, done "with" weapons or with others)
    has its targets from its "with" phrase alone, each an armed force or group or the police
    ("clashes with Boko Haram", "fighting with the army"): the other side of the fight."""
    lemma = noun.lemma_.lower()
    if lemma not in RECIPROCAL_VERBS and lemma.removesuffix("ing") not in RECIPROCAL_VERBS:
        return False
    sides = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"]
    return bool(targets) and all(
        any(p.left_edge.i <= a.token.i <= p.right_edge.i for p in sides)
        and a.mention is not None
        and (a.mention.get("sector") in ARMED_SECTORS or a.mention.get("kind") == "armed_group")
        for a in targets
    )


class NounEvents:
    """Events a noun carries, and stances of "pro-" and "anti-" words."""

    def _stances(self, doc: Doc, sentences: list[Span], used: set[int]) -> list[_Event]:
        """Relations stated as a description: "the pro-Iran government of Iraq" (Iraq supports
        Iran), "the anti-Iranian MEK" (the MEK opposes Iran), "Iran-backed militias" (Iran
        backs them). A description holds whatever the clause around it says, so the event is
        asserted; its pattern is named "stance"."""
        sent_index = {sent.start: i for i, sent in enumerate(sentences)}
        out = []
        for m in self._reading.mentions:
            first, last = doc[m["token_start"]], doc[m["token_end"] - 1]
            if first.i in used:
                continue
            if after_stance_prefix(doc, first.i, stance_only=True):
                trigger, cues = doc[first.i - 2], [doc[first.i - 1], first]
                pattern = STANCE_PATTERNS[trigger.lower_]
                holder = self._stance_holder(last)
                sources, targets = holder, [_mention_arg(m, first)]
            elif (
                last.i + 2 < len(doc)
                and doc[last.i + 1].text == "-"
                and doc[last.i + 2].tag_ in ("VBN", "VBD")
            ):  # "Iran-backed", "US-allied"
                trigger, cues = doc[last.i + 2], [doc[last.i + 1], first]
                pattern = next(
                    (
                        p
                        for p in self.patterns.candidates("V", trigger.lemma_.lower())
                        if not p.words and p.type in BACKING_TYPES
                    ),
                    None,
                )
                holder = self._stance_holder(trigger)
                sources, targets = [_mention_arg(m, first)], holder
            else:
                continue
            if pattern is None or not holder or holder[0].mention["actor"] == m["actor"]:
                continue
            event = _Event(trigger, pattern, cues, sources, targets, cameo=pattern.cameo)
            event.sentence = sent_index[trigger.sent.start]
            used.update((trigger.i, *(c.i for c in cues)))
            out.append(event)
        return out

    def _stance_holder(self, word: Token) -> list[_Arg]:
        """The actor a stance word describes: the noun it modifies, or the name right after
        that noun ("the anti-Tehran cleric Muqtada al-Sadr")."""
        head = word.head
        if word.dep_ not in ("amod", "compound", "nmod", "npadvmod") or head.i <= word.i:
            return []
        m = self._reading.by_token.get(head.i)
        if m is None and head.pos_ == "NOUN":
            m = next(
                (
                    self._reading.by_token[i]
                    for i in range(head.i + 1, min(head.i + 3, len(head.doc)))
                    if i in self._reading.by_token and self._reading.by_token[i]["token_start"] == i
                ),
                None,
            )
        if m is None or m["label"] not in ACTING_LABELS:
            return []
        return [_mention_arg(m, head)]

    def _noun_event(self, token: Token) -> _Event | None:
        if token.i in self._reading.by_token:
            return None
        if _named_event(token):  # "during the Iran-Iraq War": a name, not a report
            return None
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in head_words()["commemorating"]
        ):  # "the anniversary of the killing of Soleimani": recalled, not reported
            return None
        if _describes_a_source(token):  # "according to diplomats briefed on the meeting"
            return None
        if self._what_an_object_is_called(token):  # "condemned the strikes as a violation"
            return None
        if token.pos_ in ("NOUN", "PROPN"):
            match = self._match(token, "N")
        elif self._noun_verb(token):
            match = self._match(token, "N", token.lower_)
        else:
            return None
        if match is None:
            return None
        pattern, cues = match
        event = _Event(token, pattern, cues, cameo=pattern.cameo, nominal=True)
        between = None
        place = token  # where the noun phrase sits in the clause
        if token.dep_ == "compound" and token.head.lemma_.lower() in FRAME_NOUNS:
            place = token.head  # "launched a mediation effort between ..."
            event.cues.append(place)
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in head_words()["measure"]
        ):
            place = token.head.head  # "carried out a series of attacks on ..."
            event.cues.append(place)
        head = place.head
        # the actor in the noun phrase: "an MEK attack", "Iran's sanctions"
        for child in token.children:
            if (
                child.i < token.i
                and child.dep_ in ("poss", "compound", "amod", "nmod")
                and not _is_cue(child, pattern)
                and not _setting(child)
            ):
                event.sources += [
                    self._whole(a)
                    for a in self._args(child)
                    if a.mention and not _names_a_gathering(a.token, a.mention)
                ]
        # one argument per actor: "Islamic State attack" names one doer, not one a word
        event.sources = _one_each(event.sources)
        of = _prep_object(token, "of")
        # "the expulsion of the MEK by Iraq" (the parser often hangs "by" on the object; not
        # where the object is an act of its own, whose doer it names: "Iran's condemnation of
        # the attack by Israel")
        agent = _prep_object(token, "by") or (
            _prep_object(of, "by")
            if of is not None and not _event_noun(of, self.patterns)
            else None
        )
        if of is None and _undergone(token):
            # "the journalist's arrest", "the tanker's release": the owner undergoes it; a
            # state's or its bodies' are theirs ("Iran's arrests"), not a person's ("the
            # president's arrest", "his poisoning")
            undergoing = [
                a
                for a in event.sources
                if (not _authority(a.mention) or (a.mention or {}).get("kind") == "person")
                # (a hostage's owner is its holder, unless a person: "a Hamas hostage")
                and (token.lemma_.lower() != "hostage" or (a.mention or {}).get("kind") == "person")
            ]
            event.targets += undergoing
            event.sources = [a for a in event.sources if a not in undergoing]
        if agent is not None:
            event.sources = self._args(agent)
        if not event.sources and any(
            pattern.cameo.startswith(p) for p in target_words()["from_doer"]
        ):  # "a request from Russia", "criticism on the part of the EU"
            origin = _origin(token)
            event.sources = (
                [a for a in self._args(origin) if a.mention] if origin is not None else []
            )
        if (
            not event.sources
            and of is not None
            and not pattern.prep
            and any(pattern.cameo.startswith(p) for p in target_words()["of_doer"])
            # only in a phrase that sets another act ("made demands of Iran": of whom they
            # are made; "rejected the demands of Hamas": the rejection's target already)
            and token.dep_ == "pobj"
        ):  # "at the request of President Macron": who asks
            event.sources = [a for a in self._args(of) if a.mention]
            of = None if event.sources else of
        if (
            not event.sources
            and of is not None
            and pattern.cameo.startswith("04")
            and token.lemma_.lower() in ASSEMBLIES
            and (of.tag_ in ("NNS", "NNPS") or of.conjuncts)
        ):
            # "a meeting of foreign ministers in Cairo", "a summit of African leaders": who
            # meet, among themselves (review 43: the ministers were the meeting's target; "a
            # meeting of the Security Council" is one body's, as before)
            met = [a for a in self._args(of) if a.mention]
            if len({a.mention.get("code") for a in met}) > 1:  # two sides or more
                event.sources = met
                event.between = True
                of = None
        goods_from = _prep_object(token, "from")
        if goods_from is None or not _goods_origin(token, goods_from):
            goods_from = None
        received = event.sources and _received(token)
        between = _prep_object(token, "between") or _prep_object(token, "among")
        if between is not None:  # "talks between A and B"
            event.sources = self._args(between)
            event.between = True
        preps = (pattern.prep,) if pattern.prep else NOUN_TARGET_PREPS
        for prep in preps:
            obj = _prep_object(token, prep)
            if prep == "of" and of is None:
                continue  # its doer (above)
            if obj is not None and not _on_the_part(obj):
                event.targets = self._args(obj, _actor_ids(event.sources), dig=True)
                if prep == "with" and not event.sources and between is None:
                    event.sources = self._other_side(place, pattern, event.targets)
                break
        if goods_from is not None and not any(a.mention for a in event.targets):
            # "a tariff on goods from China": aimed at the goods' country
            event.targets = [a for a in self._args(goods_from) if a.mention]
        if received and not event.targets:
            # "the caravan has drawn criticism from Trump": who receives the act is its target;
            # an act that receives it ("the arrest of X drew criticism") is no one
            subject, _ = self._subject(token.head)
            if subject is not None and subject.lemma_.lower() not in self.nouns:
                event.targets = self._args(subject, _actor_ids(event.sources))
        pair = self._hyphen_pair(token)
        if pair is not None and not event.targets and between is None:
            if pattern.type in MUTUAL_TYPES:
                # "the Iran-Iraq talks", "the DPRK-U.S. summit": the two named sides of the
                # noun, one each side of the hyphen
                event.sources, event.targets = [pair[0]], [pair[1]]
            else:  # "Saudi-UAE airstrikes hit Yemen": two doers, not one against the other
                event.sources = list(pair)
        if place.i != token.i:
            for prep in ("between", "among"):
                if (obj := _prep_object(place, prep)) is not None:
                    between = obj
                    event.sources = self._args(obj)
                    event.between = True
            for prep in (pattern.prep,) if pattern.prep else NOUN_TARGET_PREPS:
                obj = _prep_object(place, prep)
                if not event.targets and obj is not None and obj.i != token.i:
                    # (the "of" of "a series of attacks" is the event noun itself)
                    event.targets = self._args(obj, _actor_ids(event.sources))
        defender = next((c for c in token.children if c.dep_ == "compound"
                         and DEFENDING_VERBS & {c.lemma_.lower(), c.lower_.removesuffix("s")}),
                        None)  # fmt: skip
        if defender is not None and not any(
            a.mention and a.mention["label"] != "place" for a in event.targets
        ):
            # "Iraqi forces repel IS attack (at X)": a headline's verb the parser read as a
            # word of the attack's name; its subject withstood the attack, whatever place the
            # attack was at
            subject, passive = self._subject(defender)
            if subject is not None and not passive:
                event.targets = self._args(subject)
                defending = {t.i for t in defender.subtree}
            else:  # "Iraqi army repels IS attack", read as one name: the words before the verb
                before = [c for c in (*token.children, *defender.children) if c.i < defender.i]
                defending = {t.i for c in before for t in c.subtree} | {defender.i}
                event.targets = _one_each([a for c in before for a in self._args(c) if a.mention])
            # the defenders are not the attackers
            event.sources = [a for a in event.sources if a.token.i not in defending]
        if event.pattern.type == "REQUEST" and not event.targets:
            # "its demand that Israel ease restrictions": who is asked is the clause's subject
            event.targets = self._complement_subject(token, _actor_ids(event.sources))
        # the light verb's object, or its subject in the passive ("the attack was carried
        # out by X", "sanctions were imposed on Iran by the EU"), whose doer is the "by" agent
        passive_light = (
            place.dep_ == "nsubjpass"
            # not a verb with its preposition left behind ("the ban was called for by X":
            # asked for, not imposed)
            and not any(c.dep_ == "prep" and not list(c.children) for c in head.children)
        )
        if (
            self._light(head, token)
            and (place.dep_ in ("dobj", "obj", "attr") or passive_light)
            and not self._answers(head, token)
        ):
            if head.dep_ == "relcl" and head.head.lower_ in WHO_DID_IT:
                return None  # "those who carried out the attacks": who, no act of its own
            event.cues.append(head)
            event.light = True
            if head.lemma_.lower() in ASKING_VERBS:
                event.cameo = "020"
            if passive_light:
                agent = _prep_object(head, "by")
                actors = self._args(agent) if agent is not None else []
                parties = _prep_object(head, "between") or _prep_object(head, "among")
                if not actors and parties is not None and between is None:
                    # "no agreement was reached between Ethiopia and Egypt": both sides, and
                    # no other target (as "Ethiopia and Egypt reached no agreement")
                    between = parties
                    event.sources = self._args(parties)
                    event.between = True
                    event.cues.append(parties)
            else:
                subject, passive = self._subject(head)
                actors = self._args(subject) if subject is not None and not passive else []
                if passive and subject is not None:
                    # "Assad was granted asylum by Russia", "Iraq was given aid": whom the
                    # passive's subject names receives the act, the "by" agent does it
                    agent = _prep_object(head, "by")
                    actors = self._args(agent) if agent is not None else []
                    if not any(a.mention for a in event.targets):
                        event.targets = self._args(subject)
            if actors and between is not None:
                # "launched a mediation effort between A and B": A and B are the targets
                event.targets, event.sources = event.sources, actors
            elif (
                head.lemma_.lower() in ASKING_VERBS
                and event.sources
                and _actor_ids(actors) - _actor_ids(event.sources)
            ):
                # "Iraq sought American help": the subject asks, the noun's actor is asked
                event.targets, event.sources = event.sources, actors
            elif (
                head.lemma_.lower() in GIVING_VERBS
                and event.sources
                and not event.targets
                and not any(c.dep_ == "poss" for c in token.children)
                and _actor_ids(actors) - _actor_ids(event.sources)
            ):
                # "Iraq gave the MEK aid": the parser reads "the MEK aid" as one noun phrase;
                # the actor in it is the recipient, the subject the giver
                event.targets, event.sources = event.sources, actors
            elif actors and not event.sources:
                event.sources = actors
            if not event.targets:
                for prep in (pattern.prep,) if pattern.prep else NOUN_TARGET_PREPS:
                    obj = _prep_object(head, prep)
                    if obj is not None:
                        event.targets = self._args(obj)
                        break
            if not any(a.mention for a in event.targets):
                # "gave Tanzania a grant of 580 million shillings": the one given to, not what
                # the grant is of
                dative = next((c for c in head.children if c.dep_ == "dative"), None)
                if dative is not None and dative.pos_ == "ADP":
                    dative = next((g for g in dative.children if g.dep_ == "pobj"), None)
                found = self._args(dative) if dative is not None else []
                if any(a.mention for a in found) or not event.targets:
                    event.targets = found
            if not event.targets:
                event.targets = [
                    a for a in self._args(place, _actor_ids(event.sources), dig=True) if a.token
                ]
                event.targets = [
                    a
                    for a in event.targets
                    if a.start >= place.idx + len(place) and not a.start <= token.idx < a.end
                ]  # after the noun phrase's head, and not the event noun ("a series of attacks")
            if not any(self._names(a) for a in event.targets):
                # "reiterated its demand that Israel ...", "sought refuge in Germany",
                # "continued their hunger strike to demand the resignation of X"
                event.targets = (
                    (
                        self._complement_subject(head, _actor_ids(event.sources))
                        if event.pattern.type == "REQUEST"
                        else []
                    )
                    or self._clause_target(head, pattern, event.sources)
                    or event.targets
                )
            if passive_light and between is not None:
                event.targets = []  # both sides act, as in the active "A and B reached a deal"
        elif (
            place.dep_ in ("dobj", "obj")
            and not event.sources
            and head.lemma_.lower() in PLANNING_VERBS
            and event.pattern.type in PLANNED_TYPES
            and not any(c.dep_ == "poss" for c in token.children)
            and _prep_object(token, "of") is None
            and _prep_object(token, "by") is None
        ):
            # "Russia prepared an attack on Kyiv", "the EU approved new sanctions against
            # Minsk": who plans or decides force or a sanction is its doer (a verb of intent
            # makes it one); not a permit ("police approved the protest march"), an act of
            # another's ("the visit of a UN envoy"), nor "threatened" as endangered ("Hamas
            # threatened the ceasefire")
            subject, passive = self._subject(head)
            if subject is not None and not passive:
                event.sources = [a for a in self._args(subject) if a.mention]
        elif (
            place.dep_ == "pobj"
            and head.lower_ == "for"
            and (claiming := _claiming_verb(head)) is not None
        ):
            # "the group ... took responsibility for the attack on ...": it was theirs
            subject, _ = self._subject(claiming)
            if subject is not None:
                event.sources = self._args(subject)
                event.cues.append(claiming)
        elif place.dep_ in ("dobj", "obj") and head.lemma_.lower() in UNDERGOING_VERBS:
            subject, _ = self._subject(head)
            if subject is not None and not event.targets:
                event.targets = self._args(subject)
            if event.cameo == "075" and not event.sources:
                # "the group receives shelter in Albania": the country gives it
                where = _prep_object(token, "in") or _prep_object(head, "in")
                if where is not None:
                    event.sources = [a for a in self._args(where) if a.mention]
        elif (
            place.dep_ in ("dobj", "obj")
            and event.pattern.type == "REQUEST"
            and head.lemma_.lower() in ANSWERING_VERBS
        ):
            # "Britain is considering Russia's request", "rejected the union's demands": a
            # request is made of whoever answers it
            subject, passive = self._subject(head)
            if subject is not None and not passive and not any(a.mention for a in event.targets):
                found = [a for a in self._args(subject, _actor_ids(event.sources)) if a.mention]
                event.targets = found or event.targets
        elif (
            head.lower_ == "with"
            and place.dep_ == "pobj"
            and event.pattern.type in ("SUPPORT", "AID", "COOPERATE")
            and of is not None
        ):
            # "with the support of his Saudi allies": "of" names who gives it ("his" allies
            # support him), and the clause says to whom
            givers, owners = self._modified_by_actors(of)
            if givers:
                event.sources = givers
                event.targets = owners
            else:
                event.sources = [a for a in self._args(of, dig=True) if a.mention]
                event.targets = [t for t in event.targets if t.token.i != of.i and t.mention]
            if not event.targets:
                subject, _ = self._subject(head.head)
                if subject is not None:
                    event.targets = self._args(subject, _actor_ids(event.sources))
        elif (
            place.dep_ == "pobj"
            and head.lower_ in ("at", "in", "on")
            and head.head.lemma_.lower() in STATE_VERBS
            and not event.sources
        ):
            # "Iraq was at war with Iran": the subject is a party to the war; a state one
            # undergoes ("the party's leaders are in detention", data/targets.tsv undergone)
            # makes the subject whom it is done to
            subject, _ = self._subject(head.head)
            if subject is not None and token.lemma_.lower() in target_words()["undergone"]:
                if not event.targets:
                    event.targets = self._args(subject, _actor_ids(event.sources))
                    event.cues.append(head.head)
            elif subject is not None:
                event.sources = self._args(subject, _actor_ids(event.targets))
                event.cues.append(head.head)
        elif (
            place.dep_ == "pobj"
            and head.lower_ == "for"
            and _moving(head.head)
            and not event.sources
        ):
            # "Merkel flew to Washington for talks with Trump": who goes for it takes part
            subject, _ = self._subject(head.head)
            if subject is not None:
                event.sources = self._args(subject, _actor_ids(event.targets))
        elif (
            place.dep_ == "pobj"
            and head.lower_ in SETTING_PREPS
            and head.head.pos_ in ("VERB", "AUX")
            and event.pattern.type in VENUE_TYPES
            and not event.sources
            and of is None  # "following the visit of the head of state to X": his
            and not any(c.dep_ == "poss" for c in token.children)
            and self._met_with(token)
            and not any(c.dep_ == "neg" for c in head.head.children)
        ):
            # "In a meeting with Yang, Moon said ...", "during talks with Iran, the minister
            # agreed", "on a visit to Russia, X said": who acts in the clause took part in
            # the meeting with someone it is set in (not in one whose side is not named:
            # "police detained activists at a meeting"; not the armed forces or the police:
            # NOT_AT_MEETINGS)
            subject, passive = self._subject(head.head)
            if subject is not None and not passive:
                found = self._args(subject, _actor_ids(event.targets))
                event.sources = [
                    a for a in found if a.mention and a.mention.get("sector") not in NOT_AT_MEETINGS
                ]
        elif place.dep_ == "pobj" and head.head.lemma_.lower() in HARM_VERBS:
            # "two soldiers were wounded in an attack", "a man died in the bombing", "died
            # after torture": the subject suffered the act in whose course, or after which, it
            # was harmed; not the doer of an active harm verb ("Police arrested two men after
            # the bombing", "troops killed five in an ambush"), nor one harmed after an act
            # told only as a time ("two men were arrested after the bombing")
            verb = head.head
            subject, passive = self._subject(verb)
            intransitive = not passive and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
            # (an act a death or a wound followed from: "died under torture", "was killed
            # after a raid on his home"; not one an arrest followed, "arrested after the
            # bombing")
            caused = (intransitive or (passive and _casualty(verb))) and head.lower_ in HARM_CAUSE
            if (
                subject is not None
                and (passive or intransitive)
                and (head.lower_ in HARM_COURSE or caused)
                # (of an attack, a coercion or a charge: the protesters "arrested during the
                # demonstration" did not suffer it)
                and event.cameo[:2] in HARMING_ROOTS
            ):
                if not event.targets:
                    event.targets = self._args(subject)
                elif not event.sources and _fought_with(token, event.targets):
                    # "Five soldiers were killed in clashes with Boko Haram": the side they
                    # fought did it to them (not a count alone: "Five killed in clashes with
                    # militants" names no side)
                    harmed = [a for a in self._args(subject, _actor_ids(event.targets))
                              if a.mention]  # fmt: skip
                    if harmed:
                        event.sources, event.targets = event.targets, harmed
        if event.pattern.type in ("ACCUSE", "REJECT") and len(event.targets) == 1:
            # "Canadian criticism of the arrest of women's rights activists": what is criticised
            # is an act, aimed at its doers (as the verb's object is: "condemned the attack on
            # the embassy"), not at those it was done to
            act = event.targets[0].token
            if act.i != token.i and act.pos_ == "NOUN" and self._force_noun(act):
                event.targets = self._doers_of_act(act, event.targets, _actor_ids(event.sources))
        if (
            event.cameo[:2] in ATTACK_ROOTS
            and not event.sources
            and not any(a.mention for a in event.targets)
            and not _mishap(token)
            and _counts_dead(token.sent)
        ):
            # "25 dead in Iraq violence", "Baghdad blast leaves seven dead", "Toll from Iraq
            # carnage rises to 73": an attack whose dead are counted, its doer not named
            event.unnamed = event.counted = True
        elif (
            event.cameo[:2] in ATTACK_ROOTS
            and not event.sources
            and not any(a.mention for a in event.targets)
            and not _mishap(token)
            and _occurs(token)
        ):
            # "Clashes erupted in Tripoli", "Heavy fighting broke out": violence happened,
            # its sides not named; the verb that says so is in its clause ("bombings tore
            # through a rally on Saturday": Saturday's)
            event.unnamed = True
            event.cues.append(token.head)
        return event


def _claiming_verb(prep: Token) -> Token | None:
    """The verb that takes responsibility for what a "for" phrase names: "claimed
    responsibility for the attack", and with a time between them, which the parser hangs the
    "for" on the verb for ("claimed responsibility on Monday for the attack")."""
    above = prep.head
    if above.lemma_.lower() == "responsibility":
        verb = above.head
    elif any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "responsibility"
             for c in above.children):  # fmt: skip
        verb = above
    else:
        return None
    if verb.lemma_.lower() not in RESPONSIBILITY_VERBS or _not_done(verb):
        return None  # "did not claim responsibility", "refused to claim responsibility"
    return verb


def _not_done(verb: Token) -> bool:
    """Whether a verb is negated, refused or not yet done ("did not claim", "has yet to
    claim", "refused to claim")."""
    if any(c.dep_ == "neg" or c.lower_ == "yet" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (
        head.lemma_.lower() in REFUSAL_VERBS
        or any(c.dep_ == "neg" for c in head.children)
        or (head.lemma_.lower() == "have" and any(c.lower_ == "yet" for c in head.children))
    )
