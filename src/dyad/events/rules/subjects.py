"""The doers of verbs."""

from __future__ import annotations

from spacy.tokens import Token

from ...actors.component import ACTING_LABELS
from ...nlp.words import NAMING_VERBS
from ..patterns import head_words, target_words
from .frame import _Arg
from .grammar import (
    _a_day,
    _a_time,
    _beyond_a_complement,
    _clause_of_gerund,
    _gerund,
    _listed_after,
    _listed_before,
    _person_over_place,
    _prep_object,
    _split_list,
)
from .mentions import _generic, _mention_arg
from .readings import _casualty, _event_noun, attack_verb_read_as_noun
from .vocab import (
    _MODALITY,
    _OWN_TIME_MARKS,
    ADDRESSEE_PREPS,
    ASKING_NOUNS,
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    HARM_CAUSE,
    HARM_VERBS,
    HEARSAY,
    HOLDING_VERBS,
    INTENDING_NOUNS,
    ISSUING_VERBS,
    LIGHT_VERBS,
    OBJECT_CONTROL,
    OWNED_NOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    REQUEST_VERBS,
    SPEECH_VERBS,
    TIME_ENTITIES,
    WHERE_PREPS,
)


class Subjects:
    """Who does what a verb says: its own subject or one it takes from another clause."""

    def _attack_it_was_at(self, noun: Token) -> Token | None:
        """The attack a noun names where it happened: the event noun of violence whose
        phrase of place holds it ("a car bombing at a police academy in the capital": the
        bombing), through no more than three such phrases; None where the noun names an actor
        or is no such place."""
        if noun.i in self._reading.by_token and self._reading.by_token[noun.i]["label"] != "place":
            return None
        for _ in range(3):
            if noun.dep_ != "pobj" or noun.head.lower_ not in WHERE_PREPS:
                return None
            noun = noun.head.head
            if noun.pos_ not in ("NOUN", "PROPN"):
                return None
            if _event_noun(noun, self.patterns):
                return noun
        return None

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The verb's subject (its own or one it shares) and whether the verb is passive."""
        # (an agent marks one too, where a headline leaves out the "was": "Boudiaf
        # assassinated by one of his own guards", review 52)
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
        # "with dozens of shoppers held hostage inside": an absolute past participle after
        # "with" (read as a clause of its own) says what was done to its subject
        passive = passive or (
            verb.dep_ == "pcomp"
            and verb.head.lower_ == "with"
            and verb.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )
        if (
            verb.dep_ == "xcomp"
            and verb.head.lemma_ == "be"
            and verb.lemma_.lower() in _MODALITY["answerable"]
            and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
        ):  # "the rebels were to blame": blamed, not blaming ("is to blame Israel" plans)
            subject, _ = self._subject(verb.head, depth + 1)
            return subject, True
        # "saw a young man shot", "found him beaten": a bare past participle completing a
        # verb of seeing is told of its subject, the one acted on (a participle joined to
        # the first, too: "saw shopkeepers dragged into the street and beaten", the first
        # read as a past tense)
        first = verb
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        passive = passive or (
            verb.tag_ == "VBN"
            and first.dep_ in ("ccomp", "xcomp", "oprd")
            and first.head.lemma_.lower() in _MODALITY["perceiving"]
            and not any(
                c.dep_ in ("aux", "auxpass", "mark") for c in (*verb.children, *first.children)
            )
            # only an act done to someone: "saw troops withdrawn", "saw supporters assembled"
            # tell of the troops and the supporters doing it
            and (found := self._match(verb, "V")) is not None
            and found[0].type in ("ASSAULT", "COERCE")
        )
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if (
            len(subjects) == 1
            and subjects[0].i == verb.i - 1
            and subjects[0].pos_ == "PROPN"
            and verb.tag_ == "VBG"
            and verb.lower_ in target_words()["undergone"]
            and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
            and (any(c.dep_ == "det" for c in verb.children) or verb.dep_ in ("pobj", "pcomp"))
        ):
            # "the Djindjic killing", "blames clan for Djindjic killing": a gerund with an
            # article, or after a preposition with no object, is a noun, and the name before
            # it the one who underwent it (as "the journalist's arrest", nominal.py)
            return subjects[0], True
        if not subjects:
            # "In a farewell speech Taylor, 55, accused ...": an opening phrase with no comma
            # after it, the name read as in apposition to its noun: the name is the subject
            subjects = [
                a
                for p in verb.lefts
                if p.dep_ == "prep"
                for o in p.children
                if o.dep_ == "pobj"
                for a in o.children
                if a.dep_ == "appos" and a.i in self._reading.by_token and a.i < verb.i
            ][:1]
        if not subjects and (verb.tag_.startswith("VB") or attack_verb_read_as_noun(verb)):
            # a verb the parser took for the head of a noun phrase ("Turkey bombs Kurdish
            # rebels", "bombs" a verb with "Turkey" its compound): the name before it is its
            # subject
            subjects = [c for c in verb.children
                        if c.dep_ == "compound" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN")]  # fmt: skip
        # a misparse can give two subjects ("the terrorists, a group called X, took"): the
        # one that names an actor wins; a list the parser split ("Brazil's Lula, Chile's Boric
        # and Mexico's Lopez Obrador condemned") is its last member's, with the others listed
        # before it (_listed_before)
        subjects.sort(key=lambda c: self._specific(c))
        listed = _split_list(subjects)
        if listed is not None:
            return self._named_aside(verb, listed), passive
        for child in subjects:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                if _a_day(verb.head):  # when, not who (as _relative_antecedent reads it)
                    return None, passive
                if child.lower_ in ("who", "whom"):
                    return _person_over_place(verb.head), passive
                if _casualty(verb) and (attack := self._attack_it_was_at(verb.head)) is not None:
                    return attack, passive  # (as below: "a bombing at a market that killed")
                return verb.head, passive
            return self._named_aside(verb, child), passive
        # a headline the parser reads as a noun compound ("Turkey shells Syrian city",
        # "Iran slams sanctions"): a verb has no compound, the word before it is its subject
        compound = next((c for c in verb.lefts if c.dep_ == "compound"), None)
        if compound is not None and verb.tag_.startswith("VB"):
            return compound, passive
        # "a day after Azerbaijan launched an offensive" parsed with "Azerbaijan" the object
        # of "after", a subordinator read as a preposition: the subject of its clause
        for mark in (c for c in verb.lefts if c.dep_ == "mark"):
            misread = next((c for c in mark.children if c.dep_ == "pobj"), None)
            if misread is not None and verb.tag_ in ("VBD", "VBZ", "VBP"):
                return misread, passive
        if depth > 4 or verb.head.i == verb.i:
            return None, passive
        head = verb.head
        if (
            verb.dep_ == "pcomp"
            and verb.tag_ == "VBG"
            and head.lower_ in HARM_CAUSE
            and head.head.lemma_.lower() in HARM_VERBS
            and not any(c.dep_ in ("dobj", "obj") for c in (*verb.children, *head.head.children))
        ):
            # "Anna Lindh dies after stabbing", "died after being tortured": the one who died
            # suffered the act after which he died (as "died after torture": nominal.py)
            subject, _ = self._subject(head.head, depth + 1)
            return subject, True
        misread = _subject_read_as_an_object(verb)
        if misread is not None:
            return misread, passive
        if (
            verb.dep_ in ("acl", "xcomp")
            and head.lemma_.lower() in OWNED_NOUNS
            and head.pos_ == "NOUN"  # "announced its intention to expel", "has the ability to"
        ):
            # the noun's owner ("Boko Haram's capacity to launch", "Israel's plan to strike"),
            # else whoever has or announces it
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            owner = owner or self._named_modifier(head)  # "the Russian bid to annex"
            intending = head.lemma_.lower() in INTENDING_NOUNS
            if owner is None and not intending:
                owner = _prep_object(head, "by")  # "the move by Israel to annex"
            if owner is None and head.dep_ in ("dobj", "obj"):
                # "gave the force a mandate to protect": the one it is given to
                given = next((c for c in head.head.children if c.dep_ == "dative"), None)
                if given is not None:
                    return given, passive
                if intending or head.head.lemma_.lower() in HOLDING_VERBS:
                    # "made the decision to", "has the right to", "sees no need to"; not
                    # "criticized the decision to expel": the critic does not expel
                    subject, _ = self._subject(head.head, depth + 1)
                    return subject, passive
                return None, passive
            if owner is not None or intending:
                return owner, passive
            # ("efforts by the Iraqi government to negotiate", "in an attempt to meet X, Y
            # flew": the rules below read them)
        controller = self._controller(verb)
        if controller is not None:  # "urged Israel to halt", "called on Turkey to withdraw"
            return controller, passive
        if verb.dep_ == "xcomp" or (verb.dep_ in ("dobj", "obj") and _gerund(verb)):
            # "wants to leave"; "stopped fighting the Taliban", "killed fighting X": the
            # gerund's doer is the subject of the verb it hangs on
            subject, head_passive = self._subject(head, depth + 1)
            # a bare past participle after a passive verb of saying or finding is passive too:
            # its subject is the one acted on ("a businessman was reported killed", "three
            # soldiers were found wounded")
            bare = (
                verb.tag_ == "VBN"
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
                and head.lemma_.lower() in HEARSAY
                and verb.lemma_.lower() not in _MODALITY["self_moving"]
            )
            return subject, passive or (bare and head_passive and verb.dep_ == "xcomp")
        if verb.dep_ == "acomp":  # "it is willing to withdraw"
            return self._subject(head, depth + 1)
        if (
            verb.dep_ == "ccomp"
            and head.lemma_.lower() in SPEECH_VERBS
            and (
                verb.i < head.i
                or (
                    verb.tag_ in ("VBD", "VBZ", "VBP")
                    and verb.doc[verb.i - 1].pos_ in NOUNS
                    and verb.doc[verb.i - 1].ent_type_ not in TIME_ENTITIES  # "said Sunday"
                )
            )
        ):
            # what a speaker says before "said" is not his act where the parse gives it no
            # subject ("Gunmen killed 132 civilians, the government said", its subject lost),
            # nor a finite clause he says after it right after a noun ("Witnesses said a car
            # broke through and police and soldiers opened fire": the parse lost "opened"'s
            # subject); a headline's "Iraqi forces say killed 45 fighters" is the speaker's
            return None, passive
        if verb.dep_ in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
            subject, head_passive = self._subject(head, depth + 1)
            # a bare past participle put before or after a clause ("Arrested in 2019, the
            # journalist ...", "Backed by Russia, Syrian troops ...", "when asked about it,
            # Biden said") is passive: the clause's subject is the one acted on
            participle = (
                verb.dep_ == "advcl"
                and verb.tag_ in ("VBN", "VBD")  # (a finite verb has a subject of its own)
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
                # a past verb with an object and no agent is active, hung on the wrong head
                # ("Israeli troops flown to Uganda stormed the terminal", "stormed" read as
                # a clause of "flown"): its subject is the doer
                and not (
                    any(c.dep_ in ("dobj", "obj") for c in verb.children)
                    and not any(c.dep_ == "agent" for c in verb.children)
                )
            )
            return subject, (
                passive or participle or (verb.dep_ == "conj" and head_passive and not passive)
            )
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and head.lemma_.lower() in DOCUMENT_NOUNS
            and head.dep_ in ("dobj", "obj")
            and head.head.lemma_.lower() in ISSUING_VERBS
            and head.i not in self._reading.by_token
        ):
            # "the PKK issued a declaration demanding ...", "the U.S. had released a joint
            # statement criticising ...": who issued the text says what it says
            subject, _ = self._subject(head.head, depth + 1)
            if subject is not None:
                return subject, False
        if (
            verb.dep_ == "acl"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and head.i not in self._reading.by_token
        ):
            # "his haste to withdraw", "the UN's plan to send troops": the noun's owner
            # is who would do it; a request's owner asks another to do it ("Dominica's
            # request to the OAS to waive the fees"), whom only its addressee names
            if head.lemma_.lower() in ASKING_NOUNS:
                for prep in ADDRESSEE_PREPS:
                    addressee = _prep_object(head, prep)
                    if addressee is not None and addressee.i < verb.i:
                        return addressee, passive
                return None, passive
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is None:
                owner = self._named_modifier(head)  # "a U.S. move to slap tariffs"
            if owner is not None:
                return owner, passive
            governor = (
                head.head.head
                if head.dep_ == "pobj"
                and head.head.lower_ == "in"
                and head.lemma_.lower() in _MODALITY["aim"]
                else None
            )
            if governor is not None and governor.pos_ in ("VERB", "AUX"):
                # "In an attempt to meet Boric, Morales flew to Santiago": the aim is the
                # doer's of the clause it is put in
                subject, _ = self._subject(governor, depth + 1)
                return subject, passive
            if (
                head.dep_ in ("dobj", "obj")
                and head.head.pos_ == "VERB"
                and head.head.lemma_.lower() in LIGHT_VERBS
                and head.lemma_.lower() in _MODALITY["operation"]
            ):
                # "the army launched an offensive to recapture the town": who launched it
                # is to take it, not the offensive (modality.tsv, operation)
                subject, _ = self._subject(head.head, depth + 1)
                if subject is not None:
                    return subject, passive
        if verb.dep_ in ("relcl", "acl"):
            # a date or a time the clause hangs on is when, not who ("shelled the town on
            # Monday, killing four")
            if _a_day(head):
                return None, passive or verb.tag_ == "VBN"
            # nor does a building kill: a headline's "Truck bomb wrecks U.N. headquarters,
            # killing envoy" read with the participle on the building (data/targets.tsv
            # located) tells a killing whose doer it does not name
            if _casualty(verb) and head.lemma_.lower() in target_words()["located"]:
                return None, passive or verb.tag_ == "VBN"
            # nor does the place an attack was at: "a car bombing at a police academy in the
            # capital that killed 20 people", the clause the parser hung on the nearest noun,
            # tells what the bombing did
            if _casualty(verb) and (attack := self._attack_it_was_at(head)) is not None:
                return attack, passive or verb.tag_ == "VBN"
            return head, passive or verb.tag_ == "VBN"
        clause = _clause_of_gerund(verb)
        if clause is not None:
            # "By recalling its ambassador, Slovenia made ...", "After meeting X, Zarif
            # criticised ...": the gerund's doer is the subject of the clause it modifies,
            # when that names someone ("After meeting X, the motive of the rebels became
            # clear": the writer met X, not the motive's owner)
            subject, _ = self._subject(clause, depth + 1)
            if (
                subject is not None
                and (
                    subject.i in self._reading.by_token
                    or subject.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS
                )
                and not _beyond_a_complement(clause, subject)
            ):
                return subject, passive
            return None, passive
        if (
            verb.dep_ == "pcomp"
            and head.lower_ == "in"
            and head.dep_ == "prep"
            and head.head.pos_ == "NOUN"
        ):
            # "the government's decision in recalling its ambassador": the noun's owner (not
            # "its conditions for ending the war": what they are for is no one's act yet)
            owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, passive
        if verb.dep_ == "acl" or verb.dep_ == "pcomp":
            return self._subject(head, depth + 1)
        return None, passive

    def _controller(self, verb: Token) -> Token | None:
        """Who is to do what an infinitive says, when the verb it hangs on names it: the
        object of a verb of object control ("urged Israel to halt", "forced them to leave"),
        or whom a request is made of by its preposition ("called on Turkey to withdraw",
        "appealed to Russia to release", "pleaded with Erdogan to free"; the parser may hang
        the infinitive as a purpose clause)."""
        head = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i:
            return None
        if verb.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to"
                                            for c in verb.children):  # fmt: skip
            return None
        lemma = head.lemma_.lower()
        if lemma in OBJECT_CONTROL and verb.dep_ == "xcomp":  # not a purpose clause: "called
            # Morrison to congratulate him" is who called
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if lemma in REQUEST_VERBS:
            for prep in ADDRESSEE_PREPS:
                obj = _prep_object(head, prep)
                mention = self._reading.by_token.get(obj.i) if obj is not None else None
                if (
                    mention is not None
                    and obj.i < verb.i
                    and (
                        mention["label"] in ACTING_LABELS
                        or (
                            mention["kind"] == "state"
                            and (
                                mention["text"] == mention["name"]
                                or _addressed_by_its_capital(head, prep)
                            )
                        )
                    )
                ):  # whom, a state by its name, not where ("invited Iraq to Tehran to
                    # discuss"); a state by its capital called on, pleaded with or appealed
                    # to ("called on Peking to", "appealed to Damascus to")
                    return obj
        return None

    def _named_aside(self, verb: Token, subject: Token) -> Token:
        """'The terrorists, a group called X, attacked ...', which the parser often reads as a
        clause beside the verb: a subject naming only a kind of actor is X."""
        mention = self._reading.by_token.get(subject.i)
        if mention is not None and not _generic(mention):
            return subject
        for child in verb.children:
            if child.dep_ in ("parataxis", "appos") and child.lemma_.lower() in NAMING_VERBS:
                for t in child.subtree:
                    m = self._reading.by_token.get(t.i)
                    if m is not None and m["label"] == "name" and t.i == m["token_end"] - 1:
                        return t
        return subject

    def _specific(self, token: Token) -> int:
        """0 when the phrase headed by ``token`` names one actor, 1 otherwise (for sorting)."""
        for t in token.subtree:
            m = self._reading.by_token.get(t.i)
            if m is not None and m["label"] in ("name", "acronym") and not _generic(m):
                return 0
        return 1

    def _the_two(self, token: Token, exclude: frozenset[str]) -> list[_Arg]:
        """The two actors "the two" (or "both", standing alone) refers back to: the last two
        named before it, in its sentence or the one before, each of them a person, a state or
        a body by its name ("Morrison raised it with Macron when the two met": Morrison and
        Macron); none where fewer than two are named. "The two men", "the two countries"
        (data/heads.tsv pair_person, pair_body) are the pair of persons, or of states and
        bodies, named together before them, else the only two named, never a speaker."""
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return []  # (first: every argument passes here)
        kids = list(token.children)
        # "the two men", "the two countries" (data/heads.tsv pair_person, pair_body): the
        # last two persons, or the last two states and bodies
        words = head_words()
        kind = next(
            (
                kind
                for kind in ("pair_person", "pair_state", "pair_body")
                if token.tag_ == "NNS" and token.lemma_.lower() in words[kind]
            ),
            None,
        )
        if kind is not None:
            if sorted(c.lower_ for c in kids) != ["the", "two"]:
                return []
        elif token.lower_ not in ("two", "both") or (
            any(c.dep_ in ("prep", "amod", "compound") for c in kids)
            or (
                token.lower_ == "two"
                and not any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
            )
        ):
            return []
        if token.head.pos_ not in ("VERB", "AUX"):
            return []
        doc = token.doc
        start = token.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        if kind is not None and _two_named_before(token, start):
            return []  # "... killing of two women ... The two women were shot": those two
        found: list[dict] = []
        for m in reversed(self._reading.mentions):
            if not start <= m["token_start"] < token.i or m["actor"] in exclude:
                continue
            if m["label"] not in ("name", "acronym", "short", "metonym") or _generic(m):
                continue
            if kind is not None and (
                (m["kind"] == "person") != (kind == "pair_person")
                or (kind == "pair_state" and m["kind"] != "state")
                or _speaking(doc[m["token_start"] : m["token_end"]].root)
            ):
                continue
            if m["actor"] not in {f["actor"] for f in found}:
                found.append(m)
            if kind is None and len(found) == 2:
                break
        if kind is not None:
            # "the two men", "the two countries": a pair named together ("Reagan and
            # Gorbachev"), else the only two named
            found = _joined_pair(found, doc) or (found if len(found) == 2 else [])
        if len(found) < 2:
            return []
        found = found[:2]
        return [_mention_arg(m, token) for m in sorted(found, key=lambda m: m["token_start"])]

    def _args(
        self, token: Token | None, exclude: frozenset[str] = frozenset(), dig: bool = False
    ) -> list[_Arg]:
        """The actors ``token`` and the words coordinated with it name; ``dig`` (for targets)
        also looks inside a phrase that names none itself."""
        if token is None:
            return []
        pair = self._the_two(token, exclude)
        if pair:  # "Obama called Putin, and the two agreed ...": both of them
            return pair
        out = []
        joined = token.conjuncts
        if token.dep_ == "conj" and joined and joined[0].dep_ in ("dobj", "obj", "pobj"):
            # a subject the parse joined to an object before it ("broke through a barrier and
            # police opened fire"): the words before it are that object's, not its
            joined = tuple(c for c in joined if c.i > token.i)
        for head in [*_listed_before(token), token, *joined, *_listed_after(token)]:
            arg = self._arg(head, exclude, dig)
            out.append(arg)
            if arg.mention is None:
                continue
            root = head.doc[arg.mention["token_start"] : arg.mention["token_end"]].root
            # in the text's order: "French" before "German officials"; "Afghan and NATO
            # forces", whose noun no mention holds: each joined modifier's actor
            if root.i == head.i or (
                root.head.i == head.i and root.i < head.i and root.dep_ in ("amod", "compound")
            ):
                out[-1:-1] = self._coordinated_modifiers(head, exclude)
            referred = head.lower_ in PLURAL_PRONOUNS and root.i < head.i
            inside = root.i != head.i and head.i < root.i <= head.right_edge.i
            if referred or inside:
                # "Iran and Iraq met. They agreed ...": "they" is each of the actors joined;
                # "condemned attacks on Syria and Iraq", "the support of Russia and China":
                # an actor found inside the phrase, with those joined to it
                out += [
                    _mention_arg(self._reading.by_token[c.i], head)
                    for c in root.conjuncts
                    if c.i in self._reading.by_token
                    and self._reading.by_token[c.i]["label"] in ACTING_LABELS
                    and self._reading.by_token[c.i]["actor"] not in exclude
                ]
                if inside:  # "a force of Ethiopian, Mozambican and South African troops"
                    out[-1:-1] = self._coordinated_modifiers(root, exclude)
        # one actor once
        seen: set[str] = set()
        unique = []
        for a in out:
            key = a.mention["actor"] if a.mention else f"text:{a.start}"
            if key not in seen:
                seen.add(key)
                unique.append(a)
        return unique


#: the parts of speech of a noun phrase's head
NOUNS = ("NOUN", "PROPN", "PRON")


def _subject_read_as_an_object(verb: Token) -> Token | None:
    """The subject of a finite verb the parse joined to the clause before it where a
    subordinator read as a preposition took the subject for its object ("held Government
    House until the governor, Rex Hunt, ordered them to stop": "governor" the object of
    "until", "ordered" joined to "held"): the object, where its phrase ends right before the
    verb. And the subject of a finite verb the parse joined by "and" to the object before it
    ("a car broke through a barrier and police opened fire on it": "police" a conjunct of
    "barrier", "opened" with no subject): the noun right before the verb. None otherwise."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and before.dep_ == "conj"
        and before.head.dep_ in ("dobj", "obj", "pobj")
        and any(c.dep_ == "cc" and c.i < before.i for c in before.head.children)
        and not before.is_ancestor(verb)
        and not verb.is_ancestor(before)
    ):
        return before
    if verb.dep_ != "conj":
        return None
    for prep in verb.head.children:
        if (
            prep.dep_ != "prep"
            or prep.lower_ not in _OWN_TIME_MARKS
            or not (verb.head.i < prep.i < verb.i)
        ):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or _a_time(obj):
            continue  # "shelled the town until dawn, attacked the base": a time
        between = verb.doc[obj.right_edge.i + 1 : verb.i]
        if all(t.is_punct for t in between):
            return obj
    return None


#: the verbs and prepositions that address a state by its capital ("called on Peking to",
#: "appealed to Damascus to", "pleaded with Moscow to"); not "invited to Tehran", "pushed on
#: Tripoli", where the capital is where
_ADDRESSING = {"call": ("on", "upon"), "appeal": ("to",), "plead": ("with",)}


def _addressed_by_its_capital(verb: Token, prep: str) -> bool:
    """Whether a capital after ``prep`` is the state a request is made of: an active verb of
    addressing (_ADDRESSING) with its own preposition."""
    return prep in _ADDRESSING.get(verb.lemma_.lower(), ()) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children
    )


def _two_named_before(token: Token, start: int) -> bool:
    """Whether "two" and the noun of "the two <noun>" come before it in the window, unnamed
    ("condemned the killing of two women ... The two women were shot"): those two."""
    doc = token.doc
    return any(
        t.lemma_.lower() == token.lemma_.lower()
        and any(c.dep_ == "nummod" and c.lower_ == "two" for c in t.children)
        for t in doc[start : token.i]
    )


def _speaking(root: Token) -> bool:
    """Whether a mention's word is the speaker of what is told (the subject of a verb of
    saying, "according to" X's object), not one of those it tells of."""
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS:
        return True
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "to"
        and root.head.i > 0
        and root.doc[root.head.i - 1].lower_ == "according"
    )


def _joined_pair(found: list[dict], doc) -> list[dict]:
    """Of the mentions ``found`` (the latest first), the latest two joined by "and" or "or"."""
    roots = {doc[m["token_start"] : m["token_end"]].root.i: m for m in found}
    for m in found:
        root = doc[m["token_start"] : m["token_end"]].root
        partner = next(
            (roots[c.i] for c in root.conjuncts if c.i in roots and roots[c.i] is not m), None
        )
        if partner is not None:
            return [m, partner]
    return []
