"""Actors of phrases, and forces sent, posted or held."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from ...actors.component import (
    ACTING_LABELS,
    AFFILIATION,
    BACK_REFERENCES,
    HOLDING,
    MEMBER_NOUNS,
)
from ...nlp.words import NAMING_VERBS
from ..ontology import DETENTIONS, EXPULSIONS
from ..patterns import head_words, target_words
from .frame import _Arg, _Event
from .grammar import _prep_object, _relative_antecedent, _through_a_phrase, _whose_owner
from .judgements import _state_does_it
from .mentions import _a_town_before, _actor_ids, _generic, _international, _mention_arg
from .readings import _names_a_gathering, _sends_forces, _setting, _victim
from .vocab import (
    ABSTRACT_HEADS,
    BROKERING_VERBS,
    CLAUSAL,
    ENVOY_ROOTS,
    GROUP_PRONOUNS,
    OWNED_WHOLE,
    PARTITIVES,
    PERSONAL_PRONOUNS,
    SPEAKING_FOR,
    TARGET_ENTITIES,
)


class Arguments:
    """The actor a phrase names, and where forces are sent, posted or held."""

    @staticmethod
    def _own_forces(event: _Event) -> list[_Arg]:
        """The targets of a show of force (MOBILIZE) or a military withdrawal (CAMEO 087)
        that are only the doer's own forces sent or pulled back: soldiers or police of no
        country but the doer's ("deployed troops", "sent 3,000 soldiers", "is willing to
        withdraw its troops"); none where a target is anyone else."""
        if not _sends_forces(event.pattern) or not event.sources or not event.targets:
            return []
        countries = {a.mention.get("country") for a in event.sources if a.mention}
        own = [
            a
            for a in event.targets
            if a.mention
            and a.mention.get("sector") in ("MIL", "COP")
            and a.mention.get("country") in countries | {None}
        ]
        return own if len(own) == len(event.targets) else []

    def _forces_sent(self, event: _Event) -> None:
        """An event of sending or pulling back the doer's own forces, as a noun or with one
        ("the deployment of 230 troops to Liberia", "completed its withdrawal of troops from
        Iraq"), is aimed where they go or leave, not at them (:meth:`_own_forces`); forces an
        event noun names with no one sending them ("the deployment of Russian troops to
        Syria") are its doer."""
        sent = _prep_object(event.trigger, "of") if event.nominal else None
        # the phrase may hang on the noun, on the forces, or on a light verb ("announced the
        # deployment of 300 troops to Mali"); the verb's "in" or "on" says where it was said
        forces = [event.trigger, *(a.token for a in event.targets)]
        if (
            _sends_forces(event.pattern)
            and not event.sources
            and sent is not None
            and event.targets
            and all(
                a.mention and a.mention.get("sector") in ("MIL", "COP") and a.token.i == sent.i
                for a in event.targets
            )
        ):
            event.sources, event.targets = event.targets, []
        elif not self._own_forces(event):
            return
        exclude = _actor_ids(event.sources)
        for prep, holder in itertools.chain(
            itertools.product(("to", "into", "against", "on", "from", "in"), forces),
            itertools.product(("to", "into", "against", "from"), event.cues),
        ):
            obj = _prep_object(holder, prep)
            found = [a for a in self._args(obj, exclude) if a.mention] if obj is not None else []
            if found:
                event.targets = found
                return
        event.targets = []

    def _mission_host(self, event: _Event) -> None:
        """What is given or sent to a force or mission serving in a state ("sending troops to
        the UN peacekeeping force in South Sudan", "ready to contribute troops to the
        NATO-led force in Afghanistan"; data/heads.tsv mission) goes to that state too: it is
        a second target."""
        if not (event.pattern.type in ("AID", "MOBILIZE") or event.cameo.startswith("033")):
            return
        missions = head_words()["mission"]
        hosts = []
        for arg in event.targets:
            if arg.token.lemma_.lower() not in missions or not _international(arg):
                continue
            where = _prep_object(arg.token, "in")
            found = self._args(where, _actor_ids(event.sources)) if where is not None else []
            hosts += [a for a in found if a.mention and a.mention.get("kind") == "state"]
        known = _actor_ids(event.targets)
        event.targets += [a for a in hosts if a.mention["actor"] not in known]

    def _expelled_from(self, event: _Event) -> None:
        """The state people are expelled or deported "from" is who expels them, where the
        clause names no one else ("60 diplomats were expelled from Russia", "their expulsion
        from Britain"): a state's name only ("expelled from the camp" names no one)."""
        if event.sources or event.cameo[:3] not in EXPULSIONS:
            return
        # only "from" on the trigger: in "the expulsion of 45 diplomats from Russia" the
        # diplomats may be Russia's
        origin = _prep_object(event.trigger, "from")
        if origin is None:
            return
        states = [
            a
            for a in self._args(origin)
            if a.mention is not None and a.mention.get("kind") == "state"
        ]
        if states:
            _state_does_it(event, states)

    def _posted_to(self, event: _Event) -> None:
        """A state's own envoys are no target of what it does with them when it recalls or
        withdraws them (ENVOY_ROOTS): the state they are posted to is ("Slovenia recalled its
        ambassador to Moscow": Russia; "Qatar withdrew its envoy from Cairo"; data/heads.tsv
        envoy). An envoy of another country stays the target ("expelled the Canadian
        ambassador")."""
        if not event.sources or not event.targets or event.cameo[:2] not in ENVOY_ROOTS:
            return
        countries = {a.mention.get("country") for a in event.sources if a.mention}
        countries.discard(None)
        posted = []
        for arg in event.targets:
            head = arg.token
            if head.lemma_.lower() not in head_words()["envoy"]:
                return
            owner = arg.mention.get("country") if arg.mention else None
            if owner not in countries | {None}:
                return  # another state's envoy
            if owner is None and not any(c.dep_ == "poss" for c in head.children):
                return  # "an envoy": whose, the text does not say
            for prep in ("to", "from", "in", "at"):
                where = _prep_object(head, prep) or _prep_object(event.trigger, prep)
                hosts = [
                    a
                    for a in (self._args(where) if where is not None else [])
                    if a.mention is not None and a.mention.get("country") not in countries | {None}
                ]  # "its ambassadors to Ireland, Norway and Spain": each
                if hosts:
                    posted += hosts
                    break
            else:
                return
        event.targets = posted

    def _held_in(self, event: _Event) -> None:
        """An arrest, detention or imprisonment no one is named doing, in a state its clause
        names, is that state's ("a missionary was arrested in Lebanon", "ten journalists are
        imprisoned in Azerbaijan", "arrested in Britain"): a state holds people where it rules.
        Only a passive or a participle (an active verb's subject is read as ever), and only
        a state named by one of its names or its capital ("in a camp" names no one, nor "in
        Mosul", nor "in Iraqi Kurdistan")."""
        if event.sources or event.nominal or event.cameo[:3] not in DETENTIONS:
            return
        verb = event.trigger
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
        )
        if not passive or _prep_object(verb, "by") is not None:
            return
        where = _prep_object(verb, "in")
        mention = self._reading.by_token.get(where.i) if where is not None else None
        if mention is None or mention.get("kind") != "state":
            return
        if mention["label"] not in ("name", "metonym", "acronym", "place"):
            return  # "in Iraqi Kurdistan": a region, not the state by name
        _state_does_it(event, [_mention_arg(mention, where)])

    def _coordinated_modifiers(self, head: Token, exclude: frozenset[str]) -> list[_Arg]:
        """The actors of modifiers joined before a noun, each a mention of its own: "French"
        of "French and German officials" (the noun's mention is the German officials'),
        "Russian" and "Turkish" of "Russian, Turkish and Iranian leaders"."""
        out = []
        modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")]
        own = self._reading.by_token.get(head.i)
        # "Russian, Turkish and Iranian leaders": "Russian" a modifier of its own, beside the
        # joined "Turkish and Iranian"
        separate = [
            c
            for c in modifiers
            if c.ent_type_ in ("NORP", "GPE")  # a demonym or a state, not a group's name
            and (m := self._reading.by_token.get(c.i)) is not None
            and m is not own
        ]
        for child in modifiers:
            if not child.conjuncts and not (len(separate) > 1 and child in separate):
                continue
            for word in (child, *child.conjuncts):
                m = self._reading.by_token.get(word.i)
                if m is not None and m["label"] in ACTING_LABELS and m["actor"] not in exclude:
                    out.append(_mention_arg(m, head))
        return out

    @staticmethod
    def _whose_whole(child: Token, head: Token) -> Token | None:
        """The noun "whose" stands for where the noun it owns is a body's government, leader
        or seat (data/heads.tsv owned_whole: "Raul Castro, whose government hosted the
        talks"); not its people or a part of it ("Venezuela, whose opposition leader was
        arrested": not the state)."""
        if head.lemma_.lower() not in OWNED_WHOLE or any(
            c.dep_ in ("compound", "amod") for c in head.children
        ):
            return None
        return _whose_owner(child)

    def _arg(self, head: Token, exclude: frozenset[str] = frozenset(), dig: bool = False) -> _Arg:
        doc = head.doc
        noun = _relative_antecedent(head)
        if noun is not None:  # "the detainees whom MSF teams met": the detainees
            return self._arg(noun, exclude, dig)
        actor = head.i in self._reading.by_token
        if (
            head.pos_ == "NUM"
            or head.lower_ in PARTITIVES
            or (actor and head.lemma_.lower() in PARTITIVES)
        ):
            of = _prep_object(head, "of")
            # "two of the group's camps"; an actor of its own ("a crowd") is the one its "of"
            # phrase names, where it names one ("a crowd of protesters")
            if of is not None and (not actor or of.i in self._reading.by_token):
                return self._arg(of, exclude, dig)
        left = min([head.i, *(t.i for t in head.lefts for t in t.subtree)])
        span = doc[left : head.i + 1]
        mention = self._reading.by_token.get(head.i)
        if mention is None and head.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS:
            mention = self._antecedent(head, exclude)
            if mention is not None:  # the pronoun stands for the mention it refers back to
                return _mention_arg(mention, head)
        if mention is None:  # "a group called X"
            for child in head.children:
                if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                    mention = self._named_in(child, ("name",))
        # "his father", "the brother of the MEK leader": a relative is someone else than the
        # one he is related to, so neither the possessor nor the "of" phrase is the side
        relative = mention is None and head.lemma_.lower() in head_words()["relative"]
        # "his deputy", "the assassination of his vice-president", "his own guards": one beside
        # a person in an office or a household is someone else than that person, though one
        # of a body ("the deputy chief of the militia") stands for it
        beside_words = head_words()["beside"]
        beside = mention is None and (
            head.lemma_.lower() in beside_words
            or any(c.dep_ in ("compound", "amod") and c.lower_ in beside_words for c in head.lefts)
        )
        # "his captors", "her attackers": the possessor is whom they acted on
        doers_of = mention is None and head.lemma_.lower() in head_words()["doer_of"]
        described = False  # the actor is a modifier of a common noun ("a US ally")
        owner = None  # the token of a named owner of a thing ("Janša's assessment")
        if mention is None and not relative and not beside:
            modifiers = list(head.children)
            if (head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in BACK_REFERENCES) and any(
                c.dep_ == "poss" for c in modifiers
            ):
                # people with an owner and a group's name of their own before them are the
                # group's ("his Houthi allies": the Houthis); the owner is whom they stand by
                # ("Sadr's followers" alone are Sadr's side; a state's word is no such name:
                # "Turkey's Syrian proxies" are not Syria's state); so is a group's noun
                # ("Lebanon's Hezbollah group" is Hezbollah, of Lebanon)
                modifiers.sort(
                    key=lambda c: (
                        c.dep_ == "poss"
                        or (self._reading.by_token.get(c.i) or {}).get("kind") in (None, "state"),
                        c.i,
                    )
                )
            for child in modifiers:
                if (
                    child.i < head.i
                    and child.dep_ in ("poss", "compound", "amod", "nmod", "nummod")
                    and not _setting(child)  # "Iraq violence": where, not who
                    and not (doers_of and child.dep_ == "poss")
                ):
                    mention = self._reading.by_token.get(child.i) or (
                        self._antecedent(child, exclude)
                        if child.lower_ in GROUP_PRONOUNS | PERSONAL_PRONOUNS
                        else None
                    )
                    if mention is None and (whose := self._whose_whole(child, head)) is not None:
                        mention = self._arg(whose, exclude).mention  # "whose government"
                    if mention is None and child.lower_ in HOLDING:
                        mention = self._named_in(child, ACTING_LABELS)  # "rebel-held Idlib"
                    elif mention is None and child.lower_ in AFFILIATION:
                        # "Al-Qaeda-linked militants": the group they belong to (a state
                        # before it backs them: "Iran-linked militias" are not Iran)
                        mention = self._named_in(child, ("name", "acronym"), states=False)
                    if mention is not None and _a_town_before(mention, head):
                        mention = None  # "a Sanaa funeral hall": where it is, not whose
                        continue
                    if mention is not None:
                        described = True
                        if child.dep_ == "poss" and child.i in self._reading.by_token:
                            owner = child
                        break
        if mention is None and not relative and head.lemma_.lower() not in ABSTRACT_HEADS:
            of = _prep_object(head, "of")
            if of is not None:
                mention = self._reading.by_token.get(of.i)
                if beside and mention is None:
                    mention = self._arg(of, exclude, dig).mention  # "of Israel's militia ally"
                if beside and mention is not None and mention.get("kind") == "person":
                    mention = None  # "the deputy of Prime Minister X": not X
                if mention is not None:
                    span = doc[left : of.i + 1]
        if mention is None and head.lemma_.lower() in SPEAKING_FOR:
            # "a spokesman for the Israeli army", "a negotiator for the EU": whom he speaks
            # for (data/heads.tsv speaking_for)
            behalf = _prep_object(head, "for")
            if behalf is not None:
                mention = self._arg(behalf, exclude).mention
                if mention is not None:
                    span = doc[left : behalf.right_edge.i + 1]
        # "the terrorists, a group called X"; "a fellow US ally in the Gulf, Qatar": a name
        # in apposition to a common noun is whom the noun describes
        if mention is None or _generic(mention) or described:
            for child in head.children:
                if child.dep_ == "appos" and child.i > head.i:
                    # (not a name the apposition only describes by a phrase: "miners in
                    # Silesia, the home region of party leader Edward Gierek")
                    people = (
                        child.tag_ in ("NNS", "NNPS")
                        or child.lemma_.lower() in MEMBER_NOUNS
                        or self._people_noun(child)
                    )
                    inside = [
                        self._reading.by_token[t.i]
                        for t in child.subtree
                        if t.i in self._reading.by_token
                        and self._reading.by_token[t.i]["label"] in ACTING_LABELS
                        and not _generic(self._reading.by_token[t.i])
                        and not _through_a_phrase(t, child, people)
                    ]
                    named = [m for m in inside if m["label"] in ("name", "acronym")]
                    if described:  # "the American pastor Andrew Brunson": not for less
                        named = [m for m in named if m.get("country")]
                    if named or (inside and not described):
                        mention = (named or inside)[0]
                        break
        if (
            mention is not None
            and mention["label"] == "place"
            and head.i not in self._reading.by_token
        ):
            mention = None  # "its camps in Diyala": the place is not the actor
        if mention is None and dig and head.ent_type_ in TARGET_ENTITIES:
            entity = self._reading.entity_of[head.i]  # "Camp Liberty"
            return _Arg(head, None, entity.start_char, entity.end_char, entity.text)
        if (
            mention is None
            and dig
            and not relative
            and not beside
            and head.lemma_.lower() not in ABSTRACT_HEADS
        ):
            mention, entity = self._nearest_inside(head, exclude)
            # "killed 12 shepherds in Anbar": the victims counted, not the place they were in
            victims = (head.pos_ in ("NOUN", "NUM") and _victim(head)) or self._people_noun(head)
            if head.lemma_.lower() in target_words()["located"] and (
                mention is None
                or mention["label"] in ("place", "modifier", "metonym")
                or _a_town_before(mention, head)
            ):
                # "the children's hospital in Kyiv", "a concert hall near the Russian capital":
                # where the thing is, not whom the act is aimed at (data/targets.tsv: located)
                mention = entity = None
            if mention is not None and not (victims and mention["label"] == "place"):
                return _mention_arg(mention, head)  # "an appeal from President X": X
            if entity is not None and not victims:  # no actor stands for: "in East Jerusalem"
                return _Arg(head, None, entity.start_char, entity.end_char, entity.text)
            if victims:  # "kill 10 people in Iraq": the people, not the state they were in
                mention = None
        if (
            owner is not None
            and mention is not None
            and head.lemma_.lower() in target_words()["abstract"]
        ):
            # "rejected Janša's assessment", "would fight the administration's latest
            # threats": the side is the owner of the thing, named as the text names it
            return _mention_arg(mention, owner)
        if (
            mention is not None
            and mention is self._reading.by_token.get(head.i)
            and head.i + 1 < mention["token_end"]
            and doc[head.i + 1].lower_ == "of"
        ):
            # "the Department of Education", "the Bank of Nova Scotia": the "of" phrase of the
            # head's own name is the side's too (not words a recogniser ran on past a name:
            # "Protesters Storm" of a headline)
            start, end = min(span.start_char, mention["start"]), max(span.end_char, mention["end"])
            return _Arg(head, mention, start, end, doc.text[start:end])
        return _Arg(head, mention, span.start_char, span.end_char, span.text)

    def _named_in(
        self, phrase: Token, labels: tuple[str, ...] | frozenset[str], states: bool = True
    ) -> dict | None:
        """The first mention inside ``phrase`` with one of ``labels`` (not a state's, unless
        ``states``)."""
        return next(
            (
                m
                for t in phrase.subtree
                if (m := self._reading.by_token.get(t.i)) is not None
                and m["label"] in labels
                and (states or m["kind"] != "state")
            ),
            None,
        )

    def _nearest_inside(
        self,
        head: Token,
        exclude: frozenset[str],
        steps: int = 4,
        participles: bool = False,
        brokers: bool = False,
    ) -> tuple[dict | None, Span | None]:
        """The mention closest (in the parse) to ``head`` within its phrase, clauses aside:
        "further action against Russia", "an Indian proposal"; failing that, the closest named
        place or entity ("a curfew in Algiers")."""
        frontier, seen = [head], {head.i}
        entity = None
        for _ in range(steps):
            following = []
            for token in frontier:
                for child in token.children:
                    if child.i in seen or child.dep_ in {"appos", "punct", "cc"}:
                        continue
                    if child.dep_ in CLAUSAL and not (
                        participles and child.dep_ == "acl" and child.tag_ in ("VBG", "VBN")
                    ):  # "power lines leading into Kabul" when asked for
                        continue
                    if (
                        brokers
                        and child.dep_ == "agent"
                        and token.dep_ == "acl"
                        and token.lemma_.lower() in BROKERING_VERBS
                    ):
                        # who brokered what two sides do together is a third party ("agreed to
                        # a ceasefire brokered by Egypt"); not whom an act on the thing hits
                        # ("vetoed a resolution sponsored by the United States"), nor another
                        # doer so named ("an investigation into crimes committed by Croat forces")
                        continue
                    if child.dep_ == "pcomp" and token.head.pos_ in ("NOUN", "PROPN"):
                        # "accused Western governments of flooding Ukraine": what a gerund
                        # after a noun's preposition acts on is its own object, not the
                        # noun's ("signed off on selling arms to X": a verb's, still read)
                        continue
                    seen.add(child.i)
                    m = self._reading.by_token.get(child.i)
                    if m is not None and _names_a_gathering(child, m):
                        m = None  # "the Minsk agreements": the place names the pact
                    if m is not None and m["actor"] not in exclude:
                        return m, None
                    if entity is None and child.ent_type_ in TARGET_ENTITIES:
                        entity = self._reading.entity_of[child.i]
                    following.append(child)
            frontier = following
        return None, entity
