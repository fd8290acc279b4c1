"""Event triggers: the pattern a word matches and the sense it is read in."""

from __future__ import annotations

from spacy.tokens import Token

from ...actors.component import ACTING_LABELS
from ...nlp.words import NAMING_VERBS
from ..ontology import ATTACK_ROOTS
from ..patterns import NO_EVENT, Pattern, target_words
from .grammar import _a_time, _pattern_object, _prep_object, _pronoun_object
from .readings import (
    _event_noun,
    _ground,
    _named_as,
    _predicated,
    _takes_a_place,
    _tone,
    _victim,
)
from .vocab import (
    AIMING_PREPS,
    ARMED_SUBJECT,
    ARMIES,
    CLAUSAL,
    COGNATE_VERBS,
    CONTESTS,
    EVENT_SUBJECT,
    GIVING_VERBS,
    GUEST_NOUNS,
    LIGHT_VERBS,
    PARTITIVES,
    PRIVATE_SECTORS,
    RELATIVE_PRONOUNS,
    RESTRICTING_LIGHT_VERBS,
)


class Triggers:
    """Which pattern a word matches, in which sense, with which extra words."""

    def _match(
        self, token: Token, pos: str, lemma: str | None = None
    ) -> tuple[Pattern, list[Token]] | None:
        """The longest pattern the token's phrase realises (read as ``lemma`` where given);
        None where there is none or where it is a sense that codes no event ("signed a
        petition")."""
        found = self._sense(token, pos, lemma)
        return None if found is None or found[0].cameo == NO_EVENT else found

    def _guest(self, token: Token) -> bool:
        """Whether the verb's object (a passive's subject) is someone received as a guest: a
        person by name or title who is no private person ("received President Nixon", "received
        the visiting foreign minister") or a guest noun ("a delegation", "his counterpart")."""
        taken = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        if taken is None:
            # a passive's subject, its own or one it shares ("Sadat landed and was greeted")
            subject, passive = self._subject(token)
            taken = subject if passive else None
        if taken is None:
            return False
        if taken.lemma_.lower() in GUEST_NOUNS | self.office_nouns:
            return True
        found = self._reading.by_token.get(taken.i)
        return (
            found is not None
            and found.get("kind") == "person"
            and found.get("sector") not in PRIVATE_SECTORS
        )

    def _host(self, token: Token) -> bool:
        """Whether who receives or greets (a passive's "by" agent) is no private people ("a
        crowd greeted President Carter", "was received by cheering crowds"): a state, its
        officials, a body or a group; one the parse leaves out may be."""
        subject, passive = self._subject(token)
        host = _prep_object(token, "by") if passive else subject
        if host is None:
            return True
        found = self._reading.by_token.get(host.i)
        if found is None:
            return host.lemma_.lower() not in self.private_nouns
        return found.get("sector") not in PRIVATE_SECTORS

    def _sense(
        self, token: Token, pos: str, lemma: str | None = None
    ) -> tuple[Pattern, list[Token]] | None:
        """The longest pattern the token's phrase realises, a sense that codes no event
        included; None where there is none."""
        nears: dict = {}  # the words near the token, walked once per kind of pattern
        for pattern in self.patterns.candidates(pos, lemma or token.lemma_.lower()):
            cues = self._pattern_words(token, pattern, nears)
            if cues is not None:
                return pattern, cues
        return None

    def _named_modifier(self, noun: Token) -> Token | None:
        """An actor named as the word right before a noun ("a U.S. move", "the Chinese plan",
        "a Hamas bid"): the word, where it is an actor's mention and no place's."""
        for child in noun.lefts:
            # only the word right before the noun: "the Gaza ceasefire proposal" is a
            # proposal about Gaza, not Gaza's
            if child.dep_ not in ("compound", "amod", "nmod") or child.i != noun.i - 1:
                continue
            mention = self._reading.by_token.get(child.i)
            if mention is not None and mention["label"] in ACTING_LABELS | {"modifier"}:
                return child
        return None

    def _light(self, verb: Token, noun: Token) -> bool:
        """Whether a verb is a light verb of the event noun it takes ("carried out attacks",
        "imposed sanctions"; a verb of force of its cognate object: "fought a war")."""
        lemma = verb.lemma_.lower()
        if lemma in LIGHT_VERBS:
            # "called a strike", not "called the arrest an abduction" nor "called the bombing
            # cowardly": a verb that names its object what it says it is does not do it
            return not _predicated(verb, noun)
        if lemma in RESTRICTING_LIGHT_VERBS:
            return noun.lemma_.lower() in target_words()["restricting"]
        if lemma not in COGNATE_VERBS or any(
            c.dep_ == "prt" or c.lower_ in ("off", "back") for c in verb.children
        ):
            return False  # "fought off an attack": the attack is fought off, the verb's own
        if noun.lemma_.lower() not in CONTESTS and (
            self._named_modifier(noun) is not None
            or any(c.dep_ == "poss" and c.i in self._reading.by_token for c in noun.children)
        ):
            # "fought the Soviet occupation", "fought Russia's invasion": another's act, fought
            # against its doer, the verb's own (not "fought the Afghan war": where)
            return False
        match = self._match(noun, "N")
        return match is not None and match[0].cameo[:2] in ATTACK_ROOTS

    def _no_event_sense(self, noun: Token) -> bool:
        """Whether a noun is used in a sense that codes no event (a "none" row of
        patterns.tsv: "a trade war", "the war of words")."""
        found = self._sense(noun, "N")
        return found is not None and found[0].cameo == NO_EVENT

    def _pattern_words(self, token: Token, pattern: Pattern, nears: dict | None = None):
        """The tokens that realise the pattern's extra words, or None when one is missing.
        ``nears`` keeps the words near ``token`` for the next pattern of the same kind; a
        subject written ``subj:event`` is any noun that names an event (_event_noun), one
        written ``subj:armed`` any mention of an armed force or group (vocab.ARMIES)."""
        key = (pattern.pos == "N", pattern.cameo == NO_EVENT)
        near = None if nears is None else nears.get(key)
        armed: list[dict] = []  # the mentions of a subj:armed row's force
        if near is None:
            # (a sum of money a verb of giving gives reads as the word "money": "gave $2
            # million to Nigeria" is the row "give money", as "gave money" is; not a sum "in"
            # goods: "sent $400 million in weapons")
            giving = token.lemma_.lower() in GIVING_VERBS
            near = [
                (t, t.lemma_.lower(), "money" if giving and _a_sum(t) else t.lower_)
                for t in self._near(token, pattern)
            ]
            if nears is not None:
                nears[key] = near
        if pattern.subject is not None:
            # "prices declined": the word heads the verb's subject, or the noun a relative
            # pronoun subject stands for ("tariffs that have targeted China"), or the noun an
            # active participle describes ("teachers striking in West Virginia")
            heads = [
                token.head if c.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl" else c
                for c in token.children
                if c.dep_ in ("nsubj", "nsubjpass")
            ]
            if (
                not heads
                and pattern.cameo != NO_EVENT
                and not any(c.dep_ in ("dobj", "obj") for c in token.children)
            ):
                # "troops began advancing on the town"; not a sense that codes nothing
                # ("parliament voted to recall the ambassador" is no recalled parliament), nor
                # a verb with an object ("fighters hoped to advance their cause")
                heads = _understood_subjects(token)
            if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ == "NOUN":
                heads.append(token.head)
            # "thousands of nurses struck", "some of the workers": the people counted
            heads += [
                o
                for h in heads
                if h.pos_ == "NUM" or h.lower_ in PARTITIVES
                for p in h.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            if pattern.subject == EVENT_SUBJECT:
                # "the mutiny ends in a bargain", "the decision leaves Nigeria suspended": an
                # event noun as the subject of a verb of outcome, no act of anyone's
                if not any(h.pos_ == "NOUN" and _event_noun(h, self.patterns) for h in heads):
                    return None
            elif pattern.subject == ARMED_SUBJECT:
                # a force's own noun (not a group by its name: "the Taliban advanced their
                # demands"), or a name qualifying it ("Islamic State fighters")
                by_token = self._reading.by_token
                armed = [
                    found
                    for h in heads
                    if h.pos_ == "NOUN"
                    for t in (h, *(c for c in h.children if c.dep_ in ("compound", "amod")))
                    if (found := by_token.get(t.i)) is not None
                    and found.get("sector") in ARMIES
                    # (a force, not one soldier by his title or name: "the general entered
                    # Kuwait", "Pinochet entered Britain"; review 53's blind comparison)
                    and found.get("kind") != "person"
                    and not (found.get("label") == "reference" and t.tag_ in ("NN", "NNP"))
                ]
                if not armed:
                    return None
            elif not any(pattern.subject in (h.lemma_.lower(), h.lower_) for h in heads):
                return None
        if (
            pattern.pos == "V"
            and pattern.label is None
            and token.lemma_.lower() in NAMING_VERBS
            and any(
                c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME") for c in token.children
            )
        ):
            # "what they called the Cooperation Council for the Arab States": a verb that
            # names its object something names it (the rows of its tone code the naming),
            # whatever preposition the parser hangs on it (not a day the parser took for the
            # name: "called Thursday on Arabs to unite")
            return None
        if pattern.intransitive and any(
            c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass")
            or (c.dep_ == "xcomp" and c.tag_ == "VBG")
            for c in token.children
        ):
            # (a passive's object is its subject: "was driven from its bases"; a gerund is the
            # object: "stopped selling munitions to the Saudis")
            return None
        if pattern.eventful:
            # "recalled the 1992 bombing", "the rallies were met by counter-rallies": what the
            # verb takes (a passive's subject) is a happening, no one acted on
            taken = next((c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")),
                         None)  # fmt: skip
            if taken is None or not _event_noun(taken, self.patterns):
                return None
        if pattern.personal and not (self._guest(token) and self._host(token)):
            # "received a letter", "received 300 refugees": no guest received; "was greeted
            # by cheering crowds": no host (second read)
            return None
        if pattern.ground:
            # "took the wounded to hospital", "took control of the company": no place taken
            held = _prep_object(token, pattern.prep, deep=True) if pattern.prep else None
            if not (_ground(held) if held is not None else _takes_a_place(token)):
                return None
            if pattern.subject == ARMED_SUBJECT and self._own_ground(token, held, armed):
                return None  # "Egyptian troops crossed into the Sinai": no fight there
        cues = []
        if pattern.label is not None:
            # "called Assad a murderer": what the verb names its object, of the row's tone
            named = _named_as(token)
            if named is None or _tone(named) != pattern.label:
                return None
            if _pronoun_object(token) and not self._names_an_act(named):
                return None  # "called it a terrorist group": "it" is no act, and whose it is
                # the pronoun alone does not say surely enough
            cues.append(named)
        # (a verb's sense that codes nothing is read on no word that only modifies a noun:
        # "fired into the air base", "near the nuclear test site" are no shots into the air
        # nor tests; second read)
        modifier_ok = not (pattern.pos == "V" and pattern.cameo == NO_EVENT)
        for word in pattern.words:
            found = next(
                (
                    t
                    for t, lemma, lower in near
                    if word in (lemma, lower)
                    and (
                        modifier_ok
                        or t.dep_ != "compound"
                        # (a modifier of another of the row's words: "cut supply line")
                        or t.head.lemma_.lower() in pattern.words
                    )
                ),
                None,
            )
            if found is None:
                return None
            cues.append(found)
        if pattern.prep is not None:
            prep = _pattern_object(token, pattern.prep, deep=pattern.pos == "V")
            if (
                prep is None
                and pattern.pos == "N"
                and token.dep_ in ("dobj", "obj")
                and token.head.lemma_.lower() in LIGHT_VERBS | RESTRICTING_LIGHT_VERBS
            ):
                # the light verb's phrase holds it ("imposed 25 percent duties on China")
                prep = _pattern_object(token.head, pattern.prep, deep=False)
            if prep is None:
                return None
            if (
                pattern.pos == "V"
                and not pattern.words
                and pattern.cameo != NO_EVENT
                and pattern.prep in AIMING_PREPS
                and any(
                    c.dep_ in ("dobj", "obj")
                    and (
                        (
                            (m := self._reading.by_token.get(c.i)) is not None
                            and m["label"] != "place"
                        )
                        # (or a person named by a pronoun or a word of victims: "shot the
                        # boy at close range", "shot him at point-blank range")
                        or c.pos_ == "PRON"
                        or _victim(c)
                    )
                    for c in token.children
                )
            ):
                # "shot Bhutto at a rally", "called Biden on Monday": a verb with an actor for
                # its object is not the frame whose preposition aims it ("shot at", "called
                # on"); the object is the target, the phrase says where or when (not a place
                # taken "from" a side, nor a topic discussed "with" a partner)
                return None
        return cues

    def _own_ground(self, verb: Token, held: Token | None, armed: list[dict]) -> bool:
        """Whether the place a force goes into (``held``, else the verb's object) is of the
        force's own country (``armed``: its mentions): "Egyptian troops crossed into the
        Sinai", "Ukrainian soldiers moved into Kyiv"; a country unknown on either side is no
        sign of it."""
        if held is None:
            held = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if held is None:
            return False
        doc = verb.doc
        places = doc._.dyad_places if doc.has_extension("dyad_places") else None
        found = {
            p.get("country")
            for p in places or ()
            if p["kind"] == "name" and p["token_start"] <= held.i < p["token_end"]
        }
        found.add((self._reading.by_token.get(held.i) or {}).get("country"))
        return bool((found - {None}) & ({m.get("country") for m in armed} - {None}))

    @staticmethod
    def _near(token: Token, pattern: Pattern) -> list[Token]:
        """The words that may realise a pattern's extra words: for a noun, its modifiers
        before it; for a verb, its phrase and the head of a clause it governs."""
        if pattern.pos == "N":
            # modifiers before the head: "bomb attack", "hunger strike"
            near = [t for t in token.children if t.i < token.i]
            if pattern.cameo == NO_EVENT:
                # a sense that codes nothing may also be read on the verb or preposition the
                # noun depends on and on what it is "of" ("suffered a seizure", "died of a
                # seizure", "on duty", "the release of its report"; not on a noun it hangs on:
                # "at the heart of the attack on the parliament" is no heart attack)
                near += [
                    h
                    for h in (token.head, token.head.head)
                    if h.i != token.i and h.pos_ in ("VERB", "AUX", "ADP")
                ]
                of = _prep_object(token, "of")
                near += [of] if of is not None else []
        else:
            # the verb's own phrase, and the head of a clause it governs ("declared the MEK
            # protected persons")
            near = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "oprd")]
            # and the head of an infinitive after it or its object ("gave the envoy 72 hours
            # to leave", parsed as a clause of the verb's or of "hours")
            near += [
                c
                for t in (
                    token,
                    *(c for c in token.children if c.dep_ in ("dobj", "obj", "npadvmod")),
                )
                for c in t.children
                if c.dep_ in ("advcl", "relcl", "acl")
                and c.i > t.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ]
            if _object_relative(token):
                # "a charge the authorities denied", "the accusation that Israel rejected":
                # the noun the clause describes is the verb's object
                near.append(token.head)
            if token.dep_ == "acl" and token.tag_ == "VBN" and pattern.cameo == NO_EVENT:
                # "the motion tabled by X": a sense that codes nothing may be read on the noun
                # the participle describes (the converted rows' words, PETRARCH's synonym
                # sets, would recognise too much there: "diplomats based in")
                near.append(token.head)
            # a sense that codes nothing is not read on a possessor ("released the report's
            # authors" releases people)
            skip = CLAUSAL | {"poss"} if pattern.cameo == NO_EVENT else CLAUSAL
            stack = [c for c in token.children if c.dep_ not in skip]
            while stack:
                t = stack.pop()
                if t.dep_ == "prep" and any(c.dep_ == "pobj" and _a_time(c) for c in t.children):
                    continue  # "Within hours, the White House issued ...": a time, no "hours"
                near.append(t)
                # (a noun joined to the verb's object is of the phrase: "launched drones and
                # missiles at Israel"; a verb joined to the verb is a clause of its own, and
                # a noun joined to one deeper in a phrase is that phrase's)
                stack.extend(
                    c
                    for c in t.children
                    if c.dep_ not in skip
                    or (
                        c.dep_ == "conj"
                        and t.dep_ in ("dobj", "obj")
                        and t.head.i == token.i
                        and t.pos_ == c.pos_ == "NOUN"
                    )
                )
        return near


def _understood_subjects(verb: Token) -> list[Token]:
    """The subject a verb with none of its own shares with the verb above it: the object of
    a verb of ordering or the subject of a verb of beginning for its infinitive or gerund
    ("ordered the troops to leave", "troops began leaving", "troops were told to leave"), the
    first verb's subject for a second joined to it ("troops crossed the river and
    advanced")."""
    seen = 0
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and seen < 4:
        up, seen = verb.head, seen + 1
        if verb.dep_ == "xcomp":
            objects = [c for c in up.children if c.dep_ in ("dobj", "obj")]
            if objects:
                return objects
        subjects = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        verb = up
    return []


def _object_relative(verb: Token) -> bool:
    """Whether a relative clause's verb has the noun it describes for its object: a subject of
    its own and no object but a relative pronoun ("a charge the authorities denied", "the
    claims that Iran rejected"), not a relative subject ("the group that rejected talks")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(verb.children)
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in kids) and not any(
        c.dep_ in ("dobj", "obj") and c.lower_ not in RELATIVE_PRONOUNS for c in kids
    )


def _a_sum(token: Token) -> bool:
    """Whether a word is of a sum of money (a MONEY entity) that is not the value of goods
    ("$400 million in weapons")."""
    if token.ent_type_ != "MONEY":
        return False
    root = token
    while root.head.i != root.i and root.head.ent_type_ == "MONEY":
        root = root.head
    return not any(c.dep_ == "prep" and c.lower_ == "in" for c in root.children)
