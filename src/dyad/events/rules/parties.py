"""The sides words around a trigger name."""

from __future__ import annotations

from spacy.tokens import Token

from ...actors.component import ACTING_LABELS
from ..attribution import DEMONSTRATIVES
from ..ontology import ATTACK_ROOTS, plover_type
from ..patterns import attack_words, target_words
from .frame import _Arg, _Event
from .grammar import _a_day, _code_family, _prep_object, _pronoun_object, _subjunctive_read_as_noun
from .mentions import _actor_ids, _actors_and_states, _mention_arg, _of_state, _one_each
from .readings import _a_sum, _named_as, _refers_back, _victim
from .vocab import (
    _REFERRED_FAMILY,
    _VICTIM_PREPS,
    _VICTIM_ROOTS,
    ACT_PRONOUNS,
    DEFINITE,
    HYPHENS,
    RELATIVE_PRONOUNS,
    TARGET_ENTITIES,
)


class Parties:
    """Who an event's sides are when the words around its trigger name them."""

    def _hyphen_pair(self, noun: Token) -> tuple[_Arg, _Arg] | None:
        """The two actors a hyphen joins before ``noun`` ("Iran-Iraq talks": Iran, Iraq),
        each a mention that acts, the first ending right before the hyphen and the second
        starting right after it; None where there are no such two, or where the noun names
        an event by its name ("during the Iran-Iraq War", "The Iran-Iraq War" of a book)."""
        doc = noun.doc
        if noun.ent_type_ == "EVENT":  # "the Iran-Iraq War": a name of a past event, a time
            return None
        for child in noun.children:
            second = self._reading.by_token.get(child.i)
            if child.dep_ != "compound" or child.i > noun.i or second is None:
                continue
            start = second["token_start"]
            if start < 2 or doc[start - 1].text not in HYPHENS:
                continue
            first = self._reading.by_token.get(start - 2)
            if (
                first is not None
                and first["token_end"] == start - 1
                and first["actor"] != second["actor"]
                and first["label"] in ACTING_LABELS
                and second["label"] in ACTING_LABELS
            ):
                return _mention_arg(first, doc[start - 2]), _mention_arg(second, child)
        return None

    def _modified_by_actors(self, noun: Token) -> tuple[list[_Arg], list[_Arg]]:
        """Actors named in the modifiers of ``noun`` and of nouns joined to it ("his Saudi
        allies and his American patrons"): those of the adjectives and compounds (Saudi,
        American), and those of the possessives (his)."""
        kinds: tuple[list[_Arg], list[_Arg]] = ([], [])
        for head in [noun, *(c for c in noun.children if c.dep_ == "conj")]:
            for child in head.children:
                if child.dep_ in ("amod", "compound", "nmod") and child.i in self._reading.by_token:
                    kinds[0].extend(self._args(child))
                elif child.dep_ == "poss":
                    kinds[1].extend(self._args(child))
        return _one_each(kinds[0]), _one_each(kinds[1])

    def _whole(self, arg: _Arg) -> _Arg:
        """The argument of a modifier word inside a longer mention as the whole mention
        ("Islamic" of "Islamic State attack" is "Islamic State")."""
        mention = self._reading.by_token.get(arg.token.i)
        if mention is not arg.mention or (
            arg.start <= mention["start"] and arg.end >= mention["end"]
        ):
            return arg
        return _mention_arg(mention, arg.token)

    def _complement_subject(self, verb: Token, exclude: frozenset[str]) -> list[_Arg]:
        """Who a verb's complement clause is about: "allowed X to take part", "demanded that
        the U.S. disband the MEK", "its demand that Israel ease restrictions"."""
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "xcomp", "acl") and clause.i > verb.i:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subject is None and _subjunctive_read_as_noun(clause):
                    # "demanded that Netanyahu resign", parsed as a noun "Netanyahu resign":
                    # the name before the verb is its subject
                    subject = max(
                        (c for c in clause.lefts if c.dep_ == "compound" and c.tag_ == "NNP"),
                        key=lambda c: c.i,
                    )  # the name nearest the verb ("that Prime Minister Netanyahu resign")
                if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                    found = [a for a in self._args(subject, exclude) if self._names(a)]
                    if found:
                        return found
        return []

    def _people(self, args: list[_Arg]) -> bool:
        """Whether an argument with no actor of its own is headed by a noun of people."""
        return any(a.mention is None and self._people_noun(a.token) for a in args)

    def _people_noun(self, token: Token) -> bool:
        """Whether ``token`` is a common noun of people: one of the victim nouns
        (data/attack_words.tsv) or a noun of people of the agents dictionary ("workers",
        "students"), alone or after the word before it ("aid workers")."""
        if token.pos_ != "NOUN":
            return False
        lemma = token.lemma_.lower()
        before = token.doc[token.i - 1] if token.i else None
        pair = f"{before.lemma_.lower()} {lemma}" if before is not None else ""
        return (
            lemma in attack_words()["victim"]
            or lemma in self.people_nouns
            or pair in self.people_nouns
        )

    def _thing(self, event: _Event, arg: _Arg) -> bool:
        """Whether a target is a thing an act that is no force is about, not whom it is done
        to: "dismissed the idea", "condemned the misconduct", "called for a free-trade zone",
        "welcomed the improvement" (a common noun naming no actor, no people, no body of the
        agents dictionary and no entity).
        Whom such an act is aimed at the words do not say: no target. Force is done to things
        too ("blew up power lines", "smashed the door": CAMEO 17-20 keep them)."""
        return event.cameo[:2] not in _VICTIM_ROOTS and self._a_thing(arg)

    def _named_act(self, event: _Event) -> _Arg | None:
        """The pronoun that stands for an act told before, as an argument: one a verb of
        naming names an act ("called it a massacre", "described this as a violation",
        "called that unacceptable": a name of data/targets.tsv, act_label, happening or
        referring, a noun the patterns code, or an adjective), or the object of a verbal
        accusation or rejection ("condemned it", "rejected this"). None for other events and
        names ("called it a terrorist group" codes nothing: _match)."""
        verb = event.trigger
        if not _pronoun_object(verb):
            return None
        pronoun = next(c for c in verb.children if c.dep_ in ("dobj", "obj"))
        if event.pattern.label is None:
            # "Buhari condemned it", "Russia rejected it": a verbal reaction aimed at what
            # was done before, whoever did it (none told: the pronoun's antecedent stands)
            if event.nominal or plover_type(event.cameo) not in ("ACCUSE", "REJECT"):
                return None
            return _Arg(pronoun, None, pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text)
        named = _named_as(verb)
        if named is None or not self._names_an_act(named):
            return None
        return _Arg(pronoun, None, pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text)

    def _names_an_act(self, named: Token) -> bool:
        """Whether a name given to something names an act: a noun of data/targets.tsv
        (act_label, happening, referring) or one the patterns code ("a massacre", "a
        violation", "a tragic mistake"), or an adjective ("unacceptable")."""
        if named.pos_ == "NOUN":
            lemma = named.lemma_.lower()
            words = target_words()
            return lemma in words["act_label"] | words["happening"] | words["referring"] or any(
                plover_type(p.cameo) for p in self.patterns.candidates("N", lemma)
            )
        return named.pos_ in ("ADJ", "ADV")

    def _maker_of(self, event: _Event, arg: _Arg, events: list[_Event]) -> list[_Arg] | None:
        """The doers of the act a definite noun of ``referring`` (data/targets.tsv) refers
        back to, as the target of a verbal reaction to it ("Turkey condemned the decision"
        after "the United States imposed sanctions"). The act is an earlier asserted event of
        this sentence or the three before: of the noun's own code where it is an event noun of
        the patterns ("the attack" 19, "the accusation" 112: "blamed", not "condemned"),
        failing that of its type ("the expulsion", 174, of "expelled diplomats", 166); of
        those the nearest sentence's, its main clause's first. An attack ("the attack",
        "Saturday's bombing", "the violence") is the story's own: the first asserted or
        reported however far back, of another side than the one condemning or rejecting it,
        but the nearest where a demonstrative points back ("this attack"), as an attribution's
        is (attribution.py); a telling of it that names no doer ("The attack took place on
        Thursday") gives way to the next that does. Its doers are the target when
        they are actors of a country (or an organisation) other than the reacting side's;
        when the act is the reacting side's own ("Russia expelled ... Moscow defended the
        move") there is none: None, where an empty list says no doer is known. An empty list
        too when the phrase names an owner, says what the act was (not whom or where an act
        of force was done to: "the shelling of Kharkiv" refers back) or is not definite ("a
        decision"); "it", "this" and "that" refer back as a definite noun does."""
        head = arg.token
        lemma = head.lemma_.lower()
        # a day's ("Saturday's attack") is no owner: it says which act, as "the" does
        owned = any(c.dep_ == "poss" and not _a_day(c) for c in head.children)
        # (whom or where an act of force was done says which act, not what it was: "the
        # crackdown on protesters", "the shelling of Kharkiv" refer back as "the attack" does)
        told = any(
            c.dep_ in ("prep", "acl", "relcl")
            and c.i > head.i
            and not (self._force_noun(head) and c.lower_ in _VICTIM_PREPS)
            for c in head.children
        )
        if lemma in target_words()["ruling"]:
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
            return self._court_before(event) if definite and not owned and not told else []
        if not (_refers_back(head) or head.lower_ in ACT_PRONOUNS) or owned or told:
            return []  # "a decision", "its decision", "the decision to withdraw"
        codes = {  # "190" refers to any 19x, "100" to 10x, not to every code opening "1"
            _code_family(p.cameo)
            for p in self.patterns.candidates("N", lemma)
            if p.size == 1 and plover_type(p.cameo)
        }
        kinds = {_REFERRED_FAMILY.get(k, k) for c in codes if (k := plover_type(c.ljust(3, "0")))}
        # the states reacting: an act of a state's own bodies is the state's ("Russia expelled
        # ... Moscow defended the move"); one of its state on its opposition or people is not
        # theirs ("police arrested Khan ... his party condemned the arrest")
        own, states = _actors_and_states(event.sources)

        def theirs(before: _Event) -> bool:
            """Whether an act is the reacting side's own."""
            return any(
                a.mention["actor"] in own
                or (a.mention.get("country") in states and _of_state(a.mention))
                for a in before.sources
                if a.mention is not None
            )

        # an attack told without a demonstrative is the story's own, the first told however
        # far back (as an attribution's, attribution.py), "this attack" the nearest; one
        # condemned or rejected is another side's, the first of theirs
        story = kinds == {"ASSAULT"} and not any(
            c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in head.children
        )
        hostile = plover_type(event.cameo) in ("ACCUSE", "REJECT")

        def rank(before: _Event) -> tuple[int, int, int, int] | None:
            if before.trigger.i >= event.trigger.i or before.modality not in (
                ("asserted", "reported") if story else ("asserted",)
            ):
                return None
            distance = event.sentence - before.sentence
            if distance < 0:
                return None
            kind = plover_type(before.cameo)
            if codes and not before.cameo.startswith(tuple(codes)):
                if _REFERRED_FAMILY.get(kind, kind) not in kinds:
                    return None
                tier = 1
            else:
                tier = 0
            if distance > 3 and not story:
                # an act of the noun's own code told further back ("Carter welcomed the
                # visit" after the story's "Sadat visited Jerusalem"; reviews 58 and 59),
                # after every one within three sentences
                if tier or not codes:
                    return None
                tier = 2
            if story:
                if hostile and theirs(before):
                    return None
                return tier, -distance, 0, before.trigger.i
            main = before.trigger.dep_ == "ROOT" or (
                before.trigger.dep_ == "conj" and before.trigger.head.dep_ == "ROOT"
            )
            return tier, distance, 0 if main else 1, -before.trigger.i

        ranked = sorted((r, k) for k, e in enumerate(events) if (r := rank(e)) is not None)
        retold = False
        for _, k in ranked:
            referred = events[k]
            if retold and (referred.sentence >= event.sentence or referred.modality != "asserted"):
                continue  # past a telling with no doer, only an earlier sentence's plain account
            if theirs(referred):
                return None  # the reacting side's own act
            doers = [a for a in referred.sources if a.mention is not None]
            if doers or not story:
                return [
                    a for a in doers if a.mention.get("country") or a.mention.get("sector") == "IGO"
                ]
            # the story's attack told again with no doer ("The attack took place on
            # Thursday"): the next telling of it may name them ("who have accused Karimov of
            # crushing dissent, condemned the bombings" names no bomber)
            retold = True
        return []

    def _court_before(self, event: _Event) -> list[_Arg]:
        """The court the text names last before a reaction to "the ruling" (data/targets.tsv,
        ruling), in the reaction's sentence or the three before: a mention of sector JUD
        other than the reacting side."""
        doc = event.trigger.doc
        sentences = list(doc.sents)  # (a reaction to a ruling is rare: read once for it)
        first = sentences[max(0, min(event.sentence, len(sentences) - 1) - 3)].start
        own = _actor_ids(event.sources)
        for i in range(event.trigger.i - 1, first - 1, -1):
            mention = self._reading.by_token.get(i)
            if (
                mention is not None
                and mention.get("sector") == "JUD"
                and mention["actor"] not in own
                and mention["label"] in ACTING_LABELS
            ):
                return [_mention_arg(mention, doc[i])]
        return []

    def _doers(self, event: _Event) -> list[_Arg]:
        """The event's sources, less the things among them: a thing does nothing ("a contract
        to sell", "The election results ... imprisoned", "efforts to oust"). A thing's owner
        or maker named as an actor ("Iran's statement condemned", "efforts by the government
        to negotiate") is the doer in its place; otherwise the doer is unknown."""
        if event.cameo[:2] in ATTACK_ROOTS:
            return event.sources  # an attack's doer is read apart (_drop_unnamed)
        doers: list[_Arg] = []
        for arg in event.sources:
            if not self._inert(arg):
                doers.append(arg)
                continue
            owners = [c for c in arg.token.children if c.dep_ == "poss"]
            owners += [by] if (by := _prep_object(arg.token, "by")) is not None else []
            for owner in owners:
                mention = self._reading.by_token.get(owner.i)
                if mention is not None and mention["label"] in ACTING_LABELS:
                    doers.append(_mention_arg(mention, owner))
        return doers

    def _inert(self, arg: _Arg) -> bool:
        """Whether a source is a thing (data/targets.tsv: an abstract noun, or a noun of
        `inert`), naming no actor and no entity: "a contract", "the election results", "this
        stance", "The resolution condemned Israel". Nouns of bodies and people, listed or not
        ("the church", "the committee"), stay doers."""
        head = arg.token
        if arg.mention is not None or head.pos_ != "NOUN":
            return False
        words = target_words()
        if not {head.lemma_.lower(), head.lower_} & (words["abstract"] | words["inert"]):
            return False
        span = head.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and not any(t.ent_type_ in TARGET_ENTITIES for t in span)

    def _a_thing(self, arg: _Arg) -> bool:
        """Whether an argument is headed by a common noun naming no actor, no people, no body
        (of the agents dictionary or `acting` in data/targets.tsv) and no entity; one with a
        possessive noun is its owner's ("several universities' programs")."""
        if arg.mention is not None:
            return False
        head = arg.token
        if _a_sum(head):
            return True  # "pledged NZ$500,000", "will provide 105 million euros"
        if head.pos_ != "NOUN" or head.lemma_.lower() in self.role_nouns:
            return False  # "convicted the party": a body, not a thing
        if (
            self._people_noun(head)
            or _victim(head)
            or head.lemma_.lower() in target_words()["acting"]
        ):
            return False  # people, or a body no table gives a role ("the committee")
        if any(
            c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and not _a_day(c)
            for c in head.children
        ):
            return False  # "indicting several universities' programs": the owner's, coarsely
        span = head.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and not any(t.ent_type_ in TARGET_ENTITIES for t in span)

    def _names(self, arg: _Arg) -> bool:
        """Whether an argument names an actor or a place, not just a thing ("a ban")."""
        if arg.mention is not None:
            return True
        span = arg.token.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ in TARGET_ENTITIES for t in span)
