"""Checkable claims: when an actor was founded, left or moved to a place, and how many
(members, killed, wounded), each normalised with its precision so sources can be compared.

The ``dyad_claims`` component reads the parse, the actor mentions (``dyad_actors``), the
toponyms (``dyad_places``) and the normalised dates (``dyad_time``). A claim value is a dict:
``subject`` (actor id), ``attribute`` ("founded", "left Iraq", "moved to Iraq", "members",
"killed in Ahvaz"), ``value`` (ISO date at its precision, 198X, or a number), ``precision``,
``low``/``high`` (the interval the value stands for: days since 0001-01-01 for dates, the range
an "about", "more than" or "at least" allows for numbers), the sentence and its offsets.

Values agree when their intervals overlap: "1965" and "the 1960s" agree, "2013" and
"September 2016" conflict, "about 3,000" and "3,200" agree (see :func:`status`).
"""

from __future__ import annotations

import heapq
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..errors import ConfigError
from ..events.anchor import BySentence, is_dateline, nearest_in_clause
from ..events.patterns import attack_words
from ..events.rules.grammar import _told_in_its_own_time
from ..nlp.words import NAMING_VERBS

__all__ = [
    "CLAIM_WORD_KINDS",
    "EVENT_COUNTS",
    "ClaimFinder",
    "attach_counts",
    "claim_words",
    "interval_of_date",
    "number_value",
    "overlap",
    "read_claim_words",
    "status",
]

#: dependents that start a clause of their own: its places are not the phrase's
_CLAUSES = {"relcl", "advcl", "acl", "ccomp", "xcomp", "parataxis", "conj"}
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
#: the casualty counts an event carries (DESIGN §3)
EVENT_COUNTS = ("killed", "wounded")
#: the kinds of data/claim_words.tsv (described there) and what their value column holds:
#: nothing, a claim attribute, a number, or one of EVENT_COUNTS
CLAIM_WORD_KINDS = {
    "subject_move": None, "object_move": None, "from_prep": None, "to_prep": None,
    "country": None, "found": None, "counted": "attribute", "number": "number",
    "scale": "number", "at_least": None, "at_most": None, "about": None,
    "casualty": "count", "participle": "count", "dead": "count", "toll": None, "no_one": None,
    "back": None, "casualty_event": None, "death": None, "more": None,
}  # fmt: skip


def read_claim_words(text: str, name: str = "claim_words.tsv") -> dict[str, dict[str, Any]]:
    """Kind -> {word: value} of a claim_words.tsv text (value None for a kind of plain words)."""
    out: dict[str, dict[str, Any]] = {kind: {} for kind in CLAIM_WORD_KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kind, word, value = [*line.split("\t"), "", ""][:3]
        if kind not in CLAIM_WORD_KINDS:
            raise ConfigError(
                f"{name}:{number}: unknown kind {kind!r}; use one of {', '.join(CLAIM_WORD_KINDS)}"
            )
        takes = CLAIM_WORD_KINDS[kind]
        bad = (
            not word.strip()
            or bool(value.strip()) != bool(takes)
            or (takes == "number" and not value.strip().isdigit())
            or (takes == "count" and value.strip() not in EVENT_COUNTS)
        )
        if bad:
            shape = {None: "", "attribute": " <tab> attribute", "number": " <tab> number"}
            shape["count"] = f" <tab> {' or '.join(EVENT_COUNTS)}"
            raise ConfigError(
                f"{name}:{number}: expected '{kind} <tab> word{shape[takes]}', got {line!r}"
            )
        value = value.strip()
        out[kind][word.strip().lower()] = int(value) if takes == "number" else value or None
    return out


@lru_cache(maxsize=1)
def claim_words() -> dict[str, dict[str, Any]]:
    """Kind -> {word: value} of data/claim_words.tsv, read once."""
    text = resources.files("dyad.claims").joinpath("data", "claim_words.tsv").read_text("utf-8")
    return read_claim_words(text)


def _natural_cause(cause: Token) -> bool:
    """Whether a cause of death is an illness, a mishap or a disaster (data/attack_words.tsv
    illness and accident: "medical emergencies", "a heart attack", "a cholera outbreak"), not
    violence."""
    words = attack_words()
    lemma = cause.lemma_.lower()
    return lemma in words["accident"] | words["illness"] or (
        lemma == "attack" and any(c.lower_ == "heart" for c in cause.children)
    )


def _words(kind: str) -> dict[str, Any]:
    return claim_words()[kind]


def interval_of_date(start: str, end: str) -> tuple[float, float]:
    return float(date.fromisoformat(start).toordinal()), float(date.fromisoformat(end).toordinal())


def number_value(
    token: Token, *, about: float, at_least_factor: float
) -> tuple[float, float, float, str] | None:
    """(value, low, high, precision) of a cardinal and its qualifiers, or None: "about N" is
    N ± ``about`` × N, "more than N" N .. ``at_least_factor`` × N, "up to N" 0 .. N."""
    text = token.text.lower()
    words, scale = _words("number"), _words("scale")
    if _NUMBER.match(text):
        value = float(text.replace(",", ""))
    elif text in words and text not in scale:
        value = float(words[text])
    else:
        return None
    for child in token.children:  # "3.5 million", "2 thousand"
        if child.lower_ in scale:
            value *= scale[child.lower_]
    if token.head.lower_ in scale and token.dep_ == "compound":
        value *= scale[token.head.lower_]
    qualifiers = {t.lower_ for t in token.children if t.dep_ in ("advmod", "quantmod", "amod")}
    qualifiers |= {t.lower_ for t in token.doc[max(token.i - 2, 0) : token.i]}
    if qualifiers & _words("at_least").keys():
        return value, value, value * at_least_factor, "at least"
    if qualifiers & _words("at_most").keys():
        return value, 0.0, value, "at most"
    if qualifiers & _words("about").keys():
        return value, value * (1 - about), value * (1 + about), "about"
    return value, value, value, "exact"


def _country_word(prep: Token | None) -> bool:
    """Whether a preposition's object is "the country" (or nation, territory, soil)."""
    if prep is None:
        return False
    return any(c.dep_ == "pobj" and c.lemma_.lower() in _words("country") for c in prep.children)


def _past_dateline(token: Token) -> Token:
    """The phrase after a wire dateline the parser took for the subject ("BAGHDAD – The final
    group ... left": the parser hangs "group" on "BAGHDAD" as an apposition)."""
    if is_dateline(token):
        return next((c for c in token.children if c.dep_ == "appos"), token)
    return token


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def status(values: list[dict]) -> str:
    """agree, conflict or single for the values of one claim (dicts with doc_id, low, high).

    Values from one document only are "single"; any two values from different documents whose
    intervals do not overlap make a conflict. Linear: a value conflicts with some other
    document's value exactly when the lowest upper bound among the other documents lies
    below its lower bound.
    """
    highest: dict[str, float] = {}  # per document, the lowest upper bound of its values
    for v in values:
        doc = v["doc_id"]
        highest[doc] = min(highest.get(doc, v["high"]), v["high"])
    if len(highest) < 2:
        return "single"
    (first_doc, first), (_, second) = heapq.nsmallest(2, highest.items(), key=lambda kv: kv[1])
    for v in values:
        if (second if v["doc_id"] == first_doc else first) < v["low"]:
            return "conflict"
    return "agree"


class ClaimFinder:
    """Finds claim values in a parsed document (see the module docstring)."""

    def __init__(self, about_tolerance: float, at_least_factor: float) -> None:
        self.about_tolerance = about_tolerance
        self.at_least_factor = at_least_factor
        self._victim_nouns = attack_words()["victim"]

    def _number(self, token: Token) -> tuple[float, float, float, str] | None:
        return number_value(token, about=self.about_tolerance, at_least_factor=self.at_least_factor)

    def __call__(self, doc: Doc) -> Doc:
        actors = [m for m in (doc._.dyad_actors or []) if m.get("actor")]
        places = [p for p in (doc._.dyad_places or []) if p["kind"] == "name" and p["place_name"]]
        times = doc._.dyad_times or []
        self._actor_of = {}
        for m in actors:
            for i in range(m["token_start"], m["token_end"]):
                self._actor_of[i] = m
        self._place_of = {i: p for p in places for i in range(p["token_start"], p["token_end"])}
        self._places = BySentence(places)  # a verb looks at its own sentence's only
        self._times = BySentence(times)
        found: list[dict] = []
        counts: list[dict] = []  # every casualty count, with or without a subject to claim it
        w = claim_words()
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and (lemma in w["subject_move"] or lemma in w["object_move"]):
                found += self._movement(token, lemma)
            if token.pos_ == "VERB" and lemma in w["found"]:
                found += self._founding(token, lemma)
            if token.pos_ == "NOUN" and lemma in w["counted"]:
                found += self._count(token, w["counted"][lemma])
            if token.pos_ == "VERB" and lemma in w["casualty"]:
                found += self._casualties(token, w["casualty"][lemma], counts)
            elif token.pos_ == "ADJ" and token.lower_ in w["participle"]:  # "three more injured"
                found += self._casualties(token, w["participle"][token.lower_], counts)
            if token.lower_ in w["dead"] and token.pos_ in ("ADJ", "NOUN"):
                counts += self._dead(token)
            if token.pos_ == "NOUN" and lemma in w["toll"]:
                counts += self._toll(token)
        unique = {(c["subject"], c["attribute"], c["start"], c["value"]): c for c in found}
        doc._.dyad_claims = sorted(unique.values(), key=lambda c: c["start"])
        if Doc.has_extension("dyad_events") and doc._.dyad_events is not None:
            attach_counts(doc, doc._.dyad_events, counts)
        return doc

    # -- arguments --------------------------------------------------------------------------

    def _actor(self, token: Token | None, depth: int = 3) -> dict | None:
        if token is None:
            return None
        if token.i in self._actor_of:
            return self._actor_of[token.i]
        if depth == 0:
            return None
        for child in token.children:  # "the final group of members of the MEK" → the MEK
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and (found := self._actor(obj, depth - 1)):
                        return found
        for child in token.children:  # "the movement better known as the MEK" → the MEK
            if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                # the name: "called X", "dubbed X", "known as X"; not "known for its ties to Y"
                names = [
                    n
                    for n in child.children
                    if n.dep_ in ("oprd", "attr", "dobj", "npadvmod")
                    or (n.dep_ == "prep" and n.lower_ == "as")
                ]
                named = (self._actor_of.get(t.i) for n in names for t in n.subtree)
                if (found := next(filter(None, named), None)) is not None:
                    return found
        return None

    def _subject(self, verb: Token) -> Token | None:
        for v in (verb, *verb.ancestors):
            subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:  # a misparsed dateline is a subject too: "BAGHDAD – The group left"
                return _past_dateline(min(subjects, key=lambda c: abs(v.i - c.i)))
            if v.dep_ not in ("conj", "xcomp", "advcl"):
                break
        if verb.dep_ in ("acl", "relcl"):
            return verb.head
        return None

    def _object(self, verb: Token) -> Token | None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children):
            passive = passive or any(c.dep_ == "auxpass" for c in verb.head.children)
        if passive:
            return self._subject(verb)
        for child in verb.children:
            if child.dep_ == "dobj":
                return child
        if verb.dep_ == "acl":  # "the group, expelled from Iraq, ..."
            return verb.head
        return None

    def _embedded(self, place: dict) -> bool:
        """Whether the toponym is part of a longer actor name ("Iran" in "the People's
        Mujahedin of Iran"); "Iraq" naming the state is both a place and an actor."""
        actor = self._actor_of.get(place["token_start"])
        if actor is None:
            return False
        return actor["token_end"] - actor["token_start"] > place["token_end"] - place["token_start"]

    def _place(self, token: Token) -> dict | None:
        """The first toponym of the phrase under ``token``: not inside a clause hanging from it
        ("in 2013, when Baghdad ordered ...") nor inside an actor's name ("the People's
        Mujahedin of Iran")."""
        todo = [token]
        while todo:
            t = todo.pop(0)
            if t.i in self._place_of and not self._embedded(self._place_of[t.i]):
                return self._place_of[t.i]
            todo += [c for c in t.children if c.dep_ not in _CLAUSES]
        return None

    def _clause_place(self, verb: Token, mover: dict | None = None) -> dict | None:
        """The toponym of this verb's clause ("the government of Iraq kicked the group out of
        the country"), not one inside the mover's own name."""
        own = range(mover["token_start"], mover["token_end"]) if mover else range(0)
        free = [p for p in self._places.within(verb.sent) if p["token_start"] not in own]
        return nearest_in_clause(free, verb.doc, {verb.i}, verb.sent)

    def _when(self, verb: Token) -> dict | None:
        """The date of the verb's clause; else the only date of its sentence."""
        words = {verb.i}
        if verb.dep_ in ("conj", "xcomp"):
            words.add(verb.head.i)
        sent = verb.sent
        in_sentence = self._times.within(sent)
        found = nearest_in_clause(in_sentence, verb.doc, words, sent)
        if found is None:
            found = in_sentence[0] if len(in_sentence) == 1 else None
        return found

    # -- claims -----------------------------------------------------------------------------

    def _date_claim(self, verb: Token, actor: dict, attribute: str) -> list[dict]:
        when = self._when(verb)
        if when is None or any(c.dep_ == "neg" for c in verb.children):
            return []
        if any(t.lower_ in ("if", "could", "might", "would", "may") for t in verb.children):
            return []
        low, high = interval_of_date(when["date_start"], when["date_end"])
        return [self._claim(verb, actor, attribute, when["value"], when["precision"], low, high)]

    def _claim(self, token, actor, attribute, value, precision, low, high) -> dict:
        sent = token.sent
        return {
            "subject": actor["actor"],
            "subject_name": actor.get("name") or actor["text"],
            "attribute": attribute,
            "value": value,
            "precision": precision,
            "low": low,
            "high": high,
            "start": sent.start_char,
            "end": sent.end_char,
            "token_start": sent.start,
            "text": sent.text,
        }

    def _movement(self, verb: Token, lemma: str) -> list[dict]:
        preps = {c.lower_: c for c in verb.children if c.dep_ in ("prep", "prt", "advmod")}
        mover = None
        if lemma in _words("object_move"):
            obj = self._object(verb)
            mover = self._actor(obj)
            if mover is None and obj is not None and obj.dep_ == "dobj":
                mover = self._actor(self._subject(verb))  # "moved its headquarters to Iraq"
        if mover is None and lemma in _words("subject_move"):
            mover = self._actor(self._subject(verb))
        if mover is None:
            return []
        place, attribute = None, None
        for word, prep in preps.items():
            if word in _words("to_prep") and (p := self._place(prep)):
                place, attribute = p, "moved to"
            elif word in _words("from_prep") and (p := self._place(prep)):
                place, attribute = p, "left"
        if place is None and lemma in ("leave", "depart", "exit", "quit", "evacuate"):
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and (p := self._place(obj)):
                place, attribute = p, "left"
        if place is None and ("out" in preps or _country_word(preps.get("from"))):
            # "kicked the MEK out of the country", "expelled the group from the country"
            place, attribute = self._clause_place(verb, mover), "left"
        if place is None or place["place_name"] == mover.get("name"):
            return []
        return self._date_claim(verb, mover, f"{attribute} {place['place_name']}")

    def _founding(self, verb: Token, lemma: str) -> list[dict]:
        if lemma == "set" and not any(c.lower_ == "up" for c in verb.children):
            return []
        founded = self._actor(self._object(verb))
        return self._date_claim(verb, founded, "founded") if founded else []

    def _count(self, noun: Token, attribute: str) -> list[dict]:
        number = next((c for c in noun.children if c.dep_ == "nummod"), None)
        value = self._number(number) if number is not None else None
        if value is None:
            return []
        owner = None
        for child in noun.children:
            if child.dep_ == "poss":
                owner = self._actor(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                owner = owner or self._actor(next(iter(child.children), None))
        if (
            owner is None
            and noun.dep_ == "dobj"
            and noun.head.lemma_ in ("have", "number", "count")
        ):
            owner = self._actor(self._subject(noun.head))
        if owner is None:
            return []
        return [self._number_claim(noun, owner, attribute, value)]

    def _counted(
        self, noun: Token | None, *, one: bool = False
    ) -> tuple[float, float, float, str] | None:
        """The number ``noun`` is ("10") or counts it ("eight people"), or None; with ``one``,
        a singular person is one ("a civilian", "the police chief", "Al-Jubouri")."""
        if noun is None:
            return None
        if value := self._number(noun):
            return value
        number = next((c for c in noun.children if c.dep_ == "nummod"), None)
        if number is not None:
            return self._number(number)
        if one and self._one_person(noun):
            return 1.0, 1.0, 1.0, "exact"
        return None

    def _one_person(self, noun: Token) -> bool:
        """A singular noun naming one person: a victim noun of data/attack_words.tsv ("a
        farmer", "the owner of the vehicle"), a person's name, or a person the actors found."""
        no_one = _words("no_one")
        if noun.tag_ not in ("NN", "NNP") or any(c.lower_ in no_one for c in noun.children):
            return False
        if noun.lemma_.lower() in self._victim_nouns or noun.ent_type_ == "PERSON":
            return True
        actor = self._actor_of.get(noun.i)
        return actor is not None and actor.get("kind") == "person"

    def _victim_count(self, victim: Token | None) -> tuple[float, float, float, str] | None:
        """The victims counted together: coordinated ("a volunteer fighter and four
        assailants" is 5; "five fighters, 15 assailants, and a journalist" is 21, where the
        parser hangs the middle one as an apposition or a second subject). An uncountable
        member ("the bomber and several others") makes the sum a lower bound."""
        if victim is None:
            return None
        group = [victim, *victim.conjuncts]
        if victim.dep_ in ("nsubjpass", "dobj"):
            group += [c for c in victim.head.children if c.dep_ == victim.dep_]
        group += [
            a
            for t in list(group)
            for a in t.children
            if a.dep_ == "appos" and any(c.dep_ == "nummod" for c in a.children)
        ]
        group = list(dict.fromkeys(group))
        values = [self._counted(t, one=True) for t in group]
        known = [v for v in values if v]
        if not known:
            return None
        if len(group) == 1:
            return known[0]
        number = sum(v[0] for v in known)
        if len(known) < len(values) or any(v[3] == "at least" for v in known):
            return number, number, number * self.at_least_factor, "at least"
        return number, sum(v[1] for v in known), sum(v[2] for v in known), known[0][3]

    def _besides(self, verb: Token) -> float:
        """The dead counted "in addition to" the victims ("In addition to the bomber, four
        people were killed": five died; "in addition to the three assailants": three more)."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            for addition in (c for c in prep.children if c.lower_ == "addition"):
                for to in (c for c in addition.children if c.lower_ == "to"):
                    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                    value = self._counted(obj, one=True)
                    if value is not None:
                        return value[0]
        return 0.0

    def _victims(self, verb: Token) -> Token | None:
        """Who a casualty verb counts: its object ("killed four soldiers"), its passive subject
        ("eight people were killed"), the subject of "died", or the numeric subject of a verb
        with no object, where the parser read an elided passive as active ("... and 10
        injured", "30 others wounded")."""
        if verb.lemma_ == "die":
            # of an illness or a mishap, no one's victims ("three others died of medical
            # emergencies", "died of a heart attack"; data/attack_words.tsv illness)
            causes = [
                o
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ in ("of", "from")
                for o in p.children
                if o.dep_ == "pobj"
            ]
            if any(_natural_cause(o) for o in causes):
                return None
            return self._subject(verb)
        if verb.dep_ in ("amod", "acl") and self._counted(verb.head):  # "four others injured"
            return verb.head
        victims = self._object(verb)
        if victims is None and not any(c.dep_ in ("dobj", "agent") for c in verb.children):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i not in self._actor_of and self._counted(subject):
                victims = subject
        return victims

    def _count_of(self, token: Token, attribute: str, value: tuple) -> dict:
        number, low, high, precision = value
        return {"attribute": attribute, "value": int(number), "low": low, "high": high,
                "precision": precision, "token": token.i}  # fmt: skip

    def _dead(self, token: Token) -> list[dict]:
        """ "eight dead", "eight people dead", "two civilians were dead"."""
        value = self._counted(token) or self._counted(token.head if token.dep_ == "amod" else None)
        victims = None
        if value is None and token.dep_ in ("acomp", "oprd") and token.head.pos_ in ("AUX", "VERB"):
            # "two civilians were dead"; "the blast left seven dead": the object died; "shot
            # dead five protesters", "five protesters were shot dead": a verb of the act that
            # killed them, its object or passive subject
            dead = ("dobj", "obj") if token.dep_ == "oprd" else ("nsubj",)
            count = self._counted
            if token.head.lemma_ != "be":
                dead, count = ("dobj", "obj", "nsubjpass"), self._victim_count
            victims = next((c for c in token.head.children if c.dep_ in dead), None)
            value = count(victims)
        if not value:
            return []
        count = self._count_of(token, _words("dead")[token.lower_], value)
        # ("soldiers shot dead two more", "two more were shot dead by police": a doer of
        # their own, another killing)
        doer = token.head.lemma_ != "be" and any(
            c.dep_ in ("nsubj", "agent") for c in token.head.children
        )
        more = not doer and self._more(victims if victims is not None else token)
        return [{**count, "more": more}]

    def _toll(self, toll: Token) -> list[dict]:
        """ "the death toll rose to 44", "a death toll of 12", "the toll stood at 9": the
        number after to / at / of, under the toll or the verb it is the subject of."""
        heads = [toll]
        if toll.dep_ in ("nsubj", "nsubjpass"):
            heads.append(toll.head)
        total = self._running_total(toll, heads)
        for head in heads:
            for prep in (
                c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "at", "of")
            ):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (value := self._counted(obj)):
                        return [{**self._count_of(obj, "killed", value), "total": total}]
            for attr in (c for c in head.children if c.dep_ in ("attr", "dobj")):
                if head is not toll and (value := self._counted(attr)):
                    return [{**self._count_of(attr, "killed", value), "total": total}]
        return []

    @staticmethod
    def _running_total(toll: Token, heads: list[Token]) -> bool:
        """Whether a death toll is the running total of the incident told before it ("the
        death toll later rose to nine"), which replaces its count: not a toll of a wider
        scope or of another incident, said by a phrase on the toll or its verb ("the death
        toll from the conflict has risen to 2,000", "the toll in the city this year stands at
        300", "the death toll from the Mosul blast rose to 25"), nor one that may come ("could
        rise to 10")."""
        for head in heads:
            for c in head.children:
                if c.dep_ in ("npadvmod", "aux") and c.lower_ not in ("has", "have", "had"):
                    return False
                if (
                    c.dep_ == "prep"
                    and not (head is not toll and c.lower_ in ("to", "at", "of"))
                    and not (head is toll and c.lower_ == "of" and head.dep_ != "nsubj")
                ):
                    return False
        return True

    def _more(self, victims: Token | None) -> bool:
        """Whether counted victims come on top of victims counted before: "two more died",
        "another eight were killed", "a further 12 soldiers" (data/claim_words.tsv more);
        not "more than 100" (a lower bound)."""
        if victims is None:
            return False
        more = _words("more")
        for word in (victims, *(c for c in victims.children if c.dep_ == "nummod")):
            for c in word.children:
                after = c.nbor(1) if c.i + 1 < len(c.doc) else None
                if c.lower_ in more and (after is None or after.lower_ != "than"):
                    return True
        return False

    def _casualties(self, verb: Token, attribute: str, counts: list[dict]) -> list[dict]:
        victims = self._victims(verb)
        value = self._victim_count(victims)
        if value is None:
            return []
        if attribute == "killed" and (more := self._besides(verb)):
            number, low, high, precision = value
            value = number + more, low + more, high + more, precision
        agent = None
        for child in verb.children:
            if child.dep_ == "agent":
                agent = self._actor(next(iter(child.children), None))
        if agent is None and not any(c.dep_ == "nsubjpass" for c in verb.children):
            agent = self._actor(self._subject(verb)) if verb.lemma_ != "die" else None
        # victims on top of those counted before died of the same act: not "another member
        # was killed by one of his own men" or "the army said it killed another 30", a killing
        # with a doer of its own, nor "another 12 were killed in Benghazi on Sunday", a killing
        # of its own place or day (those who died of their wounds died later)
        doer = (
            agent is not None
            or any(c.dep_ == "agent" for c in verb.children)
            or (verb.lemma_ != "die" and any(c.dep_ == "nsubj" for c in verb.children))
        )
        place = self._clause_place(verb)
        when = self._when(verb)
        own = place is not None or (verb.lemma_ != "die" and when is not None)
        more = self._more(victims) and not doer and not own
        counts.append({**self._count_of(verb, attribute, value), "more": more})
        where = f" in {place['place_name']}" if place else ""
        on = f" on {when['value']}" if when else ""
        if agent is None and not (where or on):
            return []
        if agent is None:  # the subject of the claim is then the place
            agent = {"actor": f"place:{place['place_name']}" if place else "unknown",
                     "name": place["place_name"] if place else None, "text": ""}  # fmt: skip
        return [self._number_claim(verb, agent, f"{attribute}{where}{on}", value)]

    def _number_claim(self, token: Token, owner: dict, attribute: str, value: tuple) -> dict:
        number, low, high, precision = value
        shown = f"{number:,.0f}" if number == int(number) else str(number)
        return self._claim(token, owner, attribute, shown.replace(",", ""), precision, low, high)


#: what an attack said not to happen, only to be wanted or to come may be, harms no one the
#: text counts in another sentence ("did not want war with the United States ... the
#: airliner crashed, killing 16"); a count of its own sentence is its ("might have attacked
#: the checkpoint, where four policemen were killed")
_UNHAPPENED = frozenset({"question", "negated", "hypothetical", "future"})


def _is_attack(event: dict) -> bool:
    return str(event.get("cameo") or "")[:2] in ("18", "19", "20")


#: marks of a clause told at another time than the clause it is put on
_ANOTHER_TIME = frozenset({"after", "before", "since", "until"})


def _clause_of_its_own_time(token: Token) -> Token | None:
    """The verb of the clause a count (or its verb) is in where that clause tells, in the past, what
    happened at a time of its own ("raided the sect, two days after a nerve agent killed at
    least ten people"): the count is of that clause's act, not of the verb it is put on."""
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if (
        verb is not None
        and verb.dep_ == "advcl"
        and _told_in_its_own_time(verb)
        # (not "when", "as" or "while": "were killed when a car bomb exploded" is one act)
        and any(c.dep_ == "mark" and c.lower_ in _ANOTHER_TIME for c in verb.children)
    ):
        return verb
    return None


def _same_time(doc: Doc, event: dict, count: int) -> bool:
    """Whether a count of token index ``count`` may be an event's: not where the event's
    trigger is in a clause of a time of its own that the count is outside."""
    span = doc.char_span(event["trigger_start"], event["trigger_end"], alignment_mode="expand")
    if span is None or not _with_a_doer(doc[count]):
        return True  # "eight were killed after a car bomb exploded": the bombing's dead
    verb = _clause_of_its_own_time(span.root)
    return verb is None or any(t.i == count for t in verb.subtree)


def _with_a_doer(token: Token) -> bool:
    """Whether the verb a count is of (or is) has a doer of its own: an active subject with an
    object ("gunmen killed 12"), or a "by" agent ("12 were shot by police"); not those who
    died, nor a toll that rose ("20 people died after missiles struck")."""
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    kids = list(verb.children)
    return any(c.dep_ == "agent" for c in kids) or (
        any(c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which") for c in kids)
        and any(c.dep_ in ("dobj", "obj") for c in kids)
    )


def _inside(event: dict, verb: Token) -> bool:
    """Whether an event's trigger lies in ``verb``'s clause."""
    words = list(verb.subtree)
    return words[0].idx <= event["trigger_start"] < words[-1].idx + len(words[-1])


def attach_counts(doc: Doc, events: list[dict], counts: list[dict]) -> None:
    """Give attack events (CAMEO 18, 19, 20) the casualty counts, as ``killed`` /
    ``wounded``: every attack event of the count's sentence ("a car bomb killed eight
    people": the bombing and the killing), and, when that sentence names no attack but the
    casualties themselves ("Eight people were killed", "in the blast"), the document's first
    attack of an earlier sentence that is no casualty word: the incident the report is about ("A car bomb exploded in
    Mosul. Eight people were killed"). The first count of each kind an event gets wins, but
    for victims counted on top of it ("two more died of their wounds": added) and a death toll,
    a running total ("the death toll rose to nine": it replaces the counts before it)."""
    for event in events:
        for name in EVENT_COUNTS:
            event.setdefault(name, None)
    attacks = [e for e in events if _is_attack(e)]
    if not attacks or not counts:
        return
    sentence_of = {s.start: i for i, s in enumerate(doc.sents)}

    def causes(e: dict) -> bool:
        """Whether the event is an attack of its own: not the casualties ("were killed") nor
        a definite noun pointing back at the report's incident ("in the blast", "this
        attack")."""
        words = doc.char_span(e["trigger_start"], e["trigger_end"], alignment_mode="expand")
        words = list(words or [])
        if {t.lemma_.lower() for t in words} & _words("casualty_event").keys():
            return False
        back = _words("back")
        return not any(
            t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in back for c in t.children)
            for t in words
        )

    for count in counts:
        if count["attribute"] not in EVENT_COUNTS:
            continue
        sentence = sentence_of[doc[count["token"]].sent.start]
        # (a count and an attack in two clauses, one of them told at a time of its own:
        # "raided the camp after gunmen killed 12 people", "killed 12 people after troops
        # raided a camp": the count is not the other clause's)
        own_time = _clause_of_its_own_time(doc[count["token"]])
        chosen = [
            e
            for e in attacks
            if e["sentence"] == sentence
            and (own_time is None or _inside(e, own_time))
            and _same_time(doc, e, count["token"])
        ]
        name = count["attribute"]
        if not any(causes(e) for e in chosen):  # the incident told before its casualties
            before = [
                e for e in attacks if e["sentence"] < sentence and e["modality"] not in _UNHAPPENED
            ]
            told = [e for e in before if causes(e)][:1]
            if not told and (count.get("more") or count.get("total")):
                # the count it adds to or updates: "Police killed four demonstrators. The
                # death toll later rose to nine"
                told = [e for e in before if e[name] is not None][:1]
            chosen += told
        for event in chosen:
            if event[name] is None or count.get("total"):
                event[name] = count["value"]
            elif count.get("more"):
                event[name] += count["value"]
    # a report that counts its attack's wounded and says nothing of anyone dying reports no
    # dead: zero killed, as incident datasets (GTD, ACLED) code it
    if not any(t.lemma_.lower() in _words("death") for t in doc):
        for event in attacks:
            if event["wounded"] is not None and event["killed"] is None:
                event["killed"] = 0


if not Doc.has_extension("dyad_claims"):
    Doc.set_extension("dyad_claims", default=None)


@Language.factory(
    "dyad_claims",
    assigns=["doc._.dyad_claims"],
    requires=["doc._.dyad_actors", "doc._.dyad_places", "doc._.dyad_times", "token.dep"],
)
def make_claim_finder(
    nlp: Language, name: str, about_tolerance: float, at_least_factor: float
) -> ClaimFinder:
    return ClaimFinder(about_tolerance, at_least_factor)
