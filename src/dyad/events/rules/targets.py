"""The targets of events."""

from __future__ import annotations

from spacy.tokens import Token

from ...actors.component import ACTING_LABELS
from ..ontology import JOINT, plover_type
from ..patterns import Pattern, head_words, target_words
from .frame import _Arg
from .grammar import (
    _by_the_terms,
    _is_cue,
    _kind_of_cue,
    _object_gap,
    _pattern_object,
    _prep_object,
)
from .mentions import _actor_ids, _for_the_state, _mention_arg, _own_state_owning
from .readings import _names_the_doer, _noun_arg, _recipient, _victim, _with_help
from .vocab import (
    _MODALITY,
    _RESTATING,
    ANSWERING_VERBS,
    DURATIONS,
    HARM_VERBS,
    OWN_POSSESSIVES,
    PASSIVE_DEPS,
    SPEECH_VERBS,
    TARGET_PREPS,
    TOPIC_PREPS,
    VIOLATED_TRUCE,
    WHERE_PREPS,
)


class Targets:
    """What an event is aimed at: objects, prepositions, the other side of a noun."""

    def _clause_target(
        self, verb: Token, pattern: Pattern, sources: list[_Arg], people: bool = False
    ) -> list[_Arg]:
        """The target of a verb whose object names no actor, from the rest of its clause:
        whom a threat is made against ("... unless Baghdad accepted"), then the nearest actor
        or named place in its complement ("threatened to institute a curfew in Algiers"), its
        prepositional phrases ("reservists for a war against Iraq") or purpose clause. Where
        the object names ``people``, neither it nor a phrase that says where ("in Kabul") is
        read for a place: the people are the target ("returned the prisoners to Egypt" still
        reads "to", not a demonym of a thing: "expelled migrants to the Libyan border")."""
        exclude = _actor_ids(sources)
        # the owner of the pattern's own noun, where a preposition names the target, is the
        # doer's side ("expressed Moscow's concern over the situation": Moscow voices it, it
        # is not aimed at Moscow; not "summoned Niger's ambassador", whose noun is the target)
        exclude |= {
            mention["actor"]
            for d in verb.children
            if pattern.prep is not None and d.dep_ == "dobj" and _is_cue(d, pattern)
            for c in d.children
            if c.dep_ == "poss" and (mention := self._reading.by_token.get(c.i)) is not None
        }
        taken = {a.token.i for a in sources}
        # a condition names whom a threat is aimed at; it may hang on the governing verb
        # or on the complement: "threatened to halt the talks unless Baghdad ..."
        clauses = [*verb.children, *(verb.head.children if verb.dep_ == "xcomp" else ())]
        clauses += [c for x in verb.children if x.dep_ == "xcomp" for c in x.children]
        for clause in clauses:
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if clause.dep_ == "advcl" and marks & {"if", "unless"} and clause.i > verb.i:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                found = [a for a in self._args(subject, exclude) if self._names(a)]
                if found:
                    return found
        # a particle can carry the phrase: "kidnapped up to 16 Russian advisers"
        near = [c for c in verb.children if c.dep_ != "prt"]
        near += [c for p in verb.children if p.dep_ == "prt" for c in p.children]
        places = [c for c in near if c.dep_ == "xcomp"]
        relatives = head_words()["relative"]
        places += [
            c
            for c in near
            if c.dep_ in ("prep", "dobj")
            and c.lower_ not in ("by", "as")  # "condemned the strikes as a violation of X"
            and not (c.lower_ == "for" and _signed_for(verb))  # on its behalf
            # "..., according to Amnesty International": who tells it, not whom it is aimed at
            # (not "according to the deal reached with Hamas": the terms it was done by)
            and not (c.lower_ == "according" and not _by_the_terms(c.head))
            and not _with_help(c)
            and c.lemma_.lower() not in relatives  # "arrested a son of X": not X
            # "protected the villagers from the rebels": the danger, not whom
            and not (c.lower_ == "from" and verb.lemma_.lower() in target_words()["shielding"])
            and not (people and (c.dep_ == "dobj" or c.lower_ in WHERE_PREPS))
            # a setting put before the verb ("At a rally in West Virginia, the president
            # called for ..."): where, not whom
            and not (c.dep_ == "prep" and c.i < verb.i and c.lower_ in WHERE_PREPS)
            # where two sides meet or sign together is their venue ("Putin and Xi met at the
            # Kremlin", "signed a declaration at the White House"), not whom
            and not (
                c.dep_ == "prep"
                and c.lower_ in WHERE_PREPS
                and pattern.cameo.startswith(JOINT)
                and len(exclude) > 1
            )
            # what talks are about is their topic, not whom they are with ("talked about
            # the crisis in Syria", "talks on Iran's nuclear programme"), unless whom they
            # are with hangs in it ("met on the sidelines with Putin")
            and not (
                pattern.type == "CONSULT"
                and c.dep_ == "prep"
                and c.lower_ in TOPIC_PREPS
                and not any(t.lower_ == "with" for t in c.subtree)
            )
        ]
        # a purpose clause ("... to punish Iran"), not one in the passive ("to be labeled a
        # terrorist organisation by Washington"), whose named actor is its doer
        places += [
            c
            for c in near
            if c.dep_ == "advcl"
            and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
            and not any(a.dep_ == "auxpass" for a in c.children)
        ]
        own = {a.mention.get("country") for a in sources if _for_the_state(a.mention)} - {None}
        # (an act two sides do together, agreeing, meeting, signing, keeping a truce: whoever
        # brokered what it is about is no side)
        joint = pattern.cameo.startswith((*JOINT, "03", VIOLATED_TRUCE))
        for place in places:
            mention, entity = self._nearest_inside(
                place, exclude, steps=6, participles=True, brokers=joint
            )
            if mention is not None and _own_state_owning(mention, own, place.doc):
                # "Maduro closed Venezuela's borders with Colombia": the doer's own state,
                # owning what is acted on, is no target; read on
                skipped = mention
                mention, entity = self._nearest_inside(
                    place, exclude | {mention["actor"]}, steps=6, participles=True, brokers=joint
                )
                if entity is not None and entity.start < skipped["token_end"] <= entity.end:
                    entity = None
            if people and mention is not None and mention["label"] == "modifier":
                # people sent "to the Libyan border": where, by a demonym of a thing, not
                # to whom; the people stay the target
                continue
            if mention is not None and mention["token_start"] not in taken:
                # with the demonyms joined before its noun ("a force of Ethiopian, Mozambican
                # and South African troops": each country's troops)
                root = place.doc[mention["token_end"] - 1]
                joined = [
                    a
                    for a in self._coordinated_modifiers(root, exclude)
                    if a.mention["actor"] != mention["actor"]
                ]
                return [*joined, _mention_arg(mention, place)]
            if entity is not None:
                return [_Arg(place, None, entity.start_char, entity.end_char, entity.text)]
        return []

    def _verb_targets(self, token: Token, pattern: Pattern, exclude: frozenset[str]) -> list[_Arg]:
        if pattern.prep is not None:
            obj = _pattern_object(token, pattern.prep, deep=True)
            return self._args(obj, exclude, dig=True) if obj is not None else []
        fallback: list[_Arg] = []
        for child in token.children:
            if child.dep_ in ("dobj", "dative", "obj", "iobj") and not _is_cue(child, pattern):
                if _kind_of_cue(child, pattern):
                    # "declared a state of emergency": the kind of the pattern's word is no
                    # target; an actor named inside it is ("waged a kind of war against Iran")
                    dug = [a for a in self._args(child, exclude, dig=True) if a.mention]
                    if dug:
                        return dug
                    continue
                if child.pos_ == "ADP":  # a dative preposition: "promised punishment for X"
                    child = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if child is None:
                        continue
                if pattern.type == "THREATEN" and any(
                    c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in child.children
                ):
                    # "warned their troops would stay": the speaker's own people, who will do
                    # what is said, are not threatened (the parser's object of a clause's subject)
                    continue
                if child.i not in self._reading.by_token and any(
                    c.dep_ in ("nmod", "conj", "compound") and _is_cue(c, pattern)
                    for c in child.children
                ):
                    # a thing listed with the pattern's own word is used with it, not hit:
                    # "fired tear gas and water cannon at crowds" (the parser's "cannon")
                    continue
                found = self._args(child, exclude)
                if pattern.type in ("ACCUSE", "REJECT") and self._force_noun(child):
                    # "condemned the attack on the Turkish embassy", "the shelling of Kharkiv":
                    # the victims or the place named inside the act are not whom it is aimed
                    # at; its doers are ("Israel's attack", "attacks by Russian forces"), or,
                    # for an act told before, the doers _maker_of finds
                    by = None
                    if not any(c.dep_ in PASSIVE_DEPS for c in token.children):
                        by = _prep_object(token, "by")  # (the parser may hang it on the verb)
                    return self._doers_of_act(child, found, exclude, by)
                if any(a.mention for a in found):
                    return found
                fallback = fallback or found
        for prep in TARGET_PREPS.get(pattern.type, ()):
            if prep == "for" and _signed_for(token):
                continue  # "Dulles signed for the United States": on its behalf (review 54)
            obj = _prep_object(token, prep)
            if obj is not None and not _with_help(obj.head):
                found = self._args(obj, exclude, dig=True)
                if any(
                    a.mention
                    and (a.mention["label"] != "place" or _recipient(pattern, prep, a.mention))
                    for a in found
                ):
                    return found
        if fallback:  # an object naming no actor itself: "action against Russia"
            return self._args(fallback[0].token, exclude, dig=True)
        # a name the parser compounded into a word of the pattern ("declared U.S. Ambassador
        # Philip Goldberg persona non grata": "Goldberg" a compound of "persona")
        for cue in token.children:
            if cue.dep_ in ("dobj", "obj", "ccomp", "oprd") and _is_cue(cue, pattern):
                named = [
                    c
                    for c in cue.children
                    if c.dep_ == "compound" and c.i < cue.i and c.pos_ == "PROPN"
                ]
                if named:
                    return self._args(named[-1], exclude)
        # a relative clause with a subject of its own and no object ("a US diplomat it
        # arrested", "the journalists whom Iran detained", "the ship the pirates seized"):
        # what it hangs on is its object
        if _object_gap(token):
            return self._args(token.head, exclude)
        # a complement clause's subject: "demanded that the U.S. disband the MEK"
        return self._complement_subject(token, exclude)

    def _doers_of_act(
        self, act: Token, found: list[_Arg], exclude: frozenset[str], by: Token | None = None
    ) -> list[_Arg]:
        """Whom an accusation or a rejection of an act is aimed at: the act's doers, named
        with it (``found``: "Israel's attack") or after its "by" (else ``by``, a "by" the parser
        hung elsewhere), else the act's noun itself, which names no actor."""
        doers = [a for a in found if _names_the_doer(act, a)]
        by = _prep_object(act, "by") or by
        if not doers and by is not None:
            doers = [a for a in self._args(by, exclude) if a.mention]
        return doers or [_noun_arg(act)]

    def _force_noun(self, noun: Token) -> bool:
        """Whether a noun names an act of force or coercion the patterns code (CAMEO 17-20:
        "attack", "killing", "crackdown", "shelling")."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self.attack_nouns

    def _given_to_another(self, noun: Token) -> bool:
        """Whether a noun of giving names its own receiver, an actor ("Turkish military aid to
        the Kurds", "Iranian funding of the Taliban"; not "a grant for border security", "an
        offer of help"): refused by someone else, it was given, not offered to him."""
        # "to" may hang on the verb that refuses it ("rejected Russian aid to Syria")
        preps = [*noun.children, *(c for c in noun.head.children if c.lower_ == "to")]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "for", "of"):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if any(
                    (m := self._reading.by_token.get(t.i)) is not None
                    and (m["label"] in ACTING_LABELS or m.get("kind") == "state")
                    for t in obj.subtree
                ):
                    return True
        return False

    def _met_with(self, noun: Token) -> bool:
        """Whether a noun of meeting names whom it is with or who is visited: an actor (not
        a place) after its "with" ("a meeting with Yang"), or the state or place after "to"
        ("a visit to Russia", as a visit is coded)."""
        for prep in ("with", "to"):
            obj = _prep_object(noun, prep)
            if obj is not None and any(
                a.mention is not None and (prep == "to" or a.mention["label"] != "place")
                for a in self._args(obj)
            ):
                return True
        return False

    def _event_object(self, verb: Token) -> Token | None:
        for child in verb.children:
            if (
                child.dep_ in ("dobj", "obj", "attr")
                and child.lemma_.lower() in self.nouns
                and self._match(child, "N") is not None
            ):
                return child
        return None

    def _answers(self, verb: Token, noun: Token) -> bool:
        """Whether ``verb`` answers the request ``noun`` is ("accepted the protesters'
        demands", "granted their request"; `answering` in targets.tsv): the verb's is an
        event of its own (accepting, granting, refusing), not a light verb of the noun's."""
        if verb.lemma_.lower() not in ANSWERING_VERBS:
            return False
        match = self._match(noun, "N")
        return match is not None and match[0].type == "REQUEST"

    def _noun_verb(self, token: Token) -> bool:
        """Whether a word tagged a verb is an event noun no verb pattern knows, in either its
        form or its lemma ("75 dead in Iraq bloodshed": "bloodshed" read as a past verb)."""
        return (
            token.tag_.startswith("VB")
            and token.lower_ in self.nouns
            and not any(
                self.patterns.candidates("V", word) for word in (token.lower_, token.lemma_.lower())
            )
        )

    def _other_side(self, noun: Token, pattern: Pattern, targets: list[_Arg]) -> list[_Arg]:
        """The side that fights "with" another, named by no owner of the noun: the
        subject of the clause the noun's phrase sets the act in ("The RSF took Wad Madani
        after four days of fighting with the army", "the rebels withdrew after clashes with
        troops"), where that subject is an actor that does it (not victims: "Hundreds were
        killed in fighting with IS"). None otherwise."""
        if pattern.type != "ASSAULT":  # (talks: the setting a clause is put in, SETTING_PREPS)
            return []
        while (  # "after four days of fighting": the days' phrase
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in DURATIONS
        ):
            noun = noun.head.head
        if noun.dep_ != "pobj":
            return []
        prep = noun.head
        verb = prep.head
        if prep.lower_ not in _RESTATING or verb.pos_ != "VERB":
            return []
        subject, passive = self._subject(verb)
        if subject is None or passive:
            return []
        if verb.lemma_.lower() in HARM_VERBS and not any(
            c.dep_ in ("dobj", "obj") for c in verb.children
        ):
            return []  # "Deby killed in fighting with rebels" (a headline's passive), "died in
            # clashes with": harmed in it, not a side that fought
        found = [a for a in self._args(subject, _actor_ids(targets)) if a.mention]
        return [a for a in found if not _victim(a.token) and not self._people_noun(a.token)]

    def _what_an_object_is_called(self, noun: Token) -> bool:
        """Whether a noun says what the object of a verb of judging or saying is, in an "as"
        phrase ("condemned the strikes as a violation of Yemen's sovereignty", "the move was
        denounced as an invasion", "described the vote as a sham"): a name given to an act,
        no act of its own. An act done "as" something is that act ("sent warships as a
        warning")."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
            return False
        verb = prep.head
        if verb.pos_ != "VERB" or not any(
            c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children
        ):
            return False
        if verb.lemma_.lower() in SPEECH_VERBS | _MODALITY["judging"]:
            return True
        match = self._match(verb, "V")
        return match is not None and plover_type(match[0].cameo) in ("ACCUSE", "REJECT", "SUPPORT")


def _signed_for(verb: Token) -> bool:
    """Whether "for" after a verb says on whose behalf someone signed: "sign" with no object
    ("Dulles signed for the United States"; not "signed a grant for Haiti", given to it)."""
    return verb.lemma_.lower() == "sign" and not any(
        c.dep_ in ("dobj", "obj") for c in verb.children
    )
