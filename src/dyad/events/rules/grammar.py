"""Questions about a parse the rule coder asks: clauses, lists, prepositions, governors."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span, Token

from ...nlp.words import according_to, text_of
from ..modality import negative_subject
from ..patterns import Pattern, frame_words, target_words
from .vocab import (
    _CLOSING,
    _MODALITY,
    _OWN_TIME_MARKS,
    ACT_PRONOUNS,
    GAP_NOT_OBJECT,
    INTENT_VERBS,
    REFUSAL_VERBS,
    RELATIVE_PRONOUNS,
    REQUEST_VERBS,
    SPEECH_VERBS,
    TIME_ENTITIES,
    TIME_NOUNS,
)


def _occurring(verb: Token) -> bool:
    """Whether a verb says when the event noun that is its subject happens (data/modality.tsv,
    occurring: "take place", "begin", "resume", "be scheduled")."""
    lemma = verb.lemma_.lower()
    words = _MODALITY["occurring"]
    return lemma in words or any(
        f"{lemma} {c.lower_}" in words for c in verb.children if c.dep_ in ("prt", "dobj", "advmod")
    )


def _absent(noun: Token) -> bool:
    """Whether an event noun is the "of" object of a noun of absence (data/modality.tsv,
    absence: "the lack of talks", "the absence of an attack") or the object of a preposition
    of absence ("without warning")."""
    of = noun.head
    if noun.dep_ != "pobj":
        return False
    absence = _MODALITY["absence"]
    return of.lower_ in absence or (of.lower_ == "of" and of.head.lemma_.lower() in absence)


def _ahead(noun: Token) -> bool:
    """Whether an event noun is the "to", "for" or "toward" object of a noun of a way to it
    (data/modality.tsv, paving: "paves the way for talks", "clears a hurdle to the
    deployment", "a step toward the withdrawal"): an act still ahead."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("to", "for", "toward", "towards")
        and prep.head.lemma_.lower() in _MODALITY["paving"]
    )


def _describing(verb: Token) -> bool:
    """Whether a verb states what its noun does as a rule, in a relative clause in the simple
    present or of "to" ("IRENA, an organisation that supports countries", "a scheme under
    which councils provide housing", "deportation that increasingly targets non-criminals",
    "a way to protest Trump"): a description of the noun, no act the text reports. Not a
    past or perfect clause ("the group that kidnapped the workers"), nor the main verb of
    the noun the clause describes ("Hamas, which controls Gaza, fired rockets")."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl":
        return False
    aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ == "to" for c in aux):
        return True  # "a way to protest Trump", "the first country to recognise X"
    return node.tag_ in ("VBZ", "VBP") and not aux


def _concurring(verb: Token) -> bool:
    """Whether a verb of cooperation shares a view rather than a course of action: "agree" or
    "concur" (data/modality.tsv concurring) with a clause for complement and neither an
    infinitive nor an object ("agreed that there was a need to act", "agrees with the mayor
    that the force should ..."; not "agreed to withdraw", "agreed a deal")."""
    if verb.lemma_.lower() not in _MODALITY["concurring"]:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("xcomp", "dobj", "obj") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in kids):
        return False  # "agreed on a truce", "agreed to the plan"
    return any(c.dep_ == "ccomp" for c in kids)


def join_hyphenated(doc, words: frozenset[str]) -> None:
    """Give the last word of a hyphenated word the tokenizer split ("cease-fire": "cease",
    "-", "fire") the whole word as its lemma, where the patterns know it, hyphenated or
    written as one ("cease-fire", "counterattack" for "counter-attack"): the patterns read
    the word by that lemma."""
    if "-" not in text_of(doc):
        return  # (most sentences: no token walked)
    other_words = frame_words()["other_word"]
    for hyphen in doc[1:-1]:
        if hyphen.text != "-" or hyphen.whitespace_:
            continue
        first, token = doc[hyphen.i - 1], doc[hyphen.i + 1]
        if first.whitespace_:
            continue
        if not (first.is_alpha and token.is_alpha):
            continue
        joined = f"{first.lower_}-{token.lemma_.lower()}"
        for form in (joined, joined.replace("-", "")):
            # (not a prefixed word that, written as one, is another word: "re-signed the deal"
            # is signed again, not resigned; "re-open" is "reopen")
            if form in words and form not in other_words:
                token.lemma_ = form
                break


def _object_gap(verb: Token) -> bool:
    """Whether an active relative clause's verb has a subject other than a relative pronoun
    and no object: the noun it hangs on is what it acts on ("the diplomat it arrested", "the
    journalists whom Iran detained", a "whom" the parser took for a second subject)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # (not a time, a reason or a manner: "since the day Hamas attacked", "the reason Israel
    # struck", nor a clause of "where" or "when")
    if _a_day(verb.head) or verb.head.lemma_.lower() in TIME_NOUNS | GAP_NOT_OBJECT:
        return False
    if any(
        c.dep_ == "advmod" and c.lower_ in ("where", "when", "why", "how") for c in verb.children
    ):
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"dobj", "obj", "auxpass", "nsubjpass", "ccomp", "xcomp"}:
        return False
    return any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS - {"whom"} for c in verb.children
    )


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("whom" of "the detainees whom MSF teams
    met", "which" of "the deal which Iran signed"): the noun its relative clause hangs on;
    None for any other word, or where the pronoun opens no relative clause."""
    if token.lower_ not in RELATIVE_PRONOUNS - {"whose"}:
        return None
    return _relative_clause_noun(token)


def _whose_owner(token: Token) -> Token | None:
    """The noun "whose" stands for: the owner of the thing it comes before ("Cuban President
    Raul Castro, whose government hosted the talks": Castro's government); None for any other
    word, or where it opens no relative clause."""
    return _relative_clause_noun(token) if token.lower_ == "whose" else None


def _relative_clause_noun(token: Token) -> Token | None:
    """The noun the relative clause that relative pronoun ``token`` opens hangs on."""
    node = token
    # (up through a clause the relative clause reports: "whose authority Mandela said he
    # accepted")
    for _ in range(4):
        if node.dep_ == "relcl":
            noun = node.head
            if token.lower_ in ("who", "whom", "whose"):
                noun = _person_over_place(noun)
            # a date or a time the clause hangs on is when, not what ("the bombing of the
            # embassy on August 7, which killed 17": the bombing did, not August)
            if _a_day(noun):
                return None
            return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") and noun.i < token.i else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _clause_of_gerund(verb: Token) -> Token | None:
    """The verb of the clause a gerund is put on by an adverbial preposition
    (data/modality.tsv adverbial: "By recalling its ambassador, Slovenia made ...": made);
    None for any other word."""
    prep = verb.head
    if (
        verb.dep_ == "pcomp"
        and prep.dep_ == "prep"
        and prep.lower_ in _MODALITY["adverbial"]
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        return prep.head
    return None


def _beyond_a_complement(verb: Token, subject: Token) -> bool:
    """Whether ``subject`` is found above a clausal complement of ``verb``'s: the speaker of
    what the clause says ('Najib is cheating ... by terrorizing his opponents," he told'), not
    who does what the clause says."""
    node, crossed = verb, False
    for _ in range(8):
        if node.head.i == node.i:
            return False
        crossed = crossed or node.dep_ == "ccomp"
        node = node.head
        if subject.head.i == node.i:
            return crossed
    return False


def _person_over_place(noun: Token) -> Token:
    """Whom "who" stands for when the parse hangs its clause on a place: the noun the place
    is said of, or the name that noun is in apposition to ("Kader Masthan, a Muslim from
    Vanni, who signed": Kader Masthan, not Vanni).
    A place is no one, named or a noun of a building or of ground ("soldiers at a
    checkpoint who killed two men": the soldiers); any other noun is returned as it is."""
    places = target_words()
    if noun.ent_type_ not in ("GPE", "LOC", "FAC") and not (
        noun.pos_ == "NOUN" and noun.lemma_.lower() in places["located"] | places["territory"]
    ):
        return noun
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN"):
        said_of = prep.head
        # "Kader Masthan, a Muslim from Vanni": the Muslim is Kader Masthan
        return said_of.head if said_of.dep_ == "appos" else said_of
    return noun


def _neither_nor(verb: Token) -> bool:
    """Whether a verb is joined by "nor" or opened by "neither": "has given no order, nor
    offered a timetable", "Iran neither confirmed nor denied the report"."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return True
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("cc", "preconj") and c.lower_ == "nor" and c.i < verb.i
        for c in verb.head.children
    )


def _gerund(token: Token) -> bool:
    """Whether ``token`` is a gerund heading a clause (a VBG the parser made an object):
    "fighting" of "killed fighting IS", "stopped fighting the rebels"."""
    return token.tag_ == "VBG" and token.pos_ == "VERB"


def _pronoun_object(verb: Token) -> bool:
    """Whether a verb's object is a pronoun that may stand for an act ("called it ...")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.lower_ in ACT_PRONOUNS and obj.pos_ != "NOUN"


def _listed_before(subject: Token) -> list[Token]:
    """The nouns a headline lists before a verb's subject with a comma for "and", which the
    parser hangs on the verb as a loose dependent ("Iraqi special forces, tribesmen assault
    militants": the forces too), or as subjects of their own before the list's last member
    ("Lula, Boric and Lopez Obrador condemned": _split_list); a time ("Yesterday, soldiers
    killed", "That evening, soldiers fired") is none."""
    if subject.dep_ != "nsubj":
        return []
    siblings = [c for c in subject.head.children if c.dep_ == "nsubj"]
    if _split_list(siblings) == subject:
        return [c for c in siblings if c.i < subject.i]
    comma = subject.left_edge.i - 1
    if comma < 1 or subject.doc[comma].text != ",":
        return []
    return [
        c
        for c in subject.head.children
        if c.dep_ in ("dep", "npadvmod") and c.right_edge.i == comma - 1
        and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")
        # ("That night, police arrested": a time the recogniser did not tag)
        and c.lemma_.lower() not in target_words()["abstract"]
    ]  # fmt: skip


def _listed_after(token: Token) -> list[Token]:
    """The nouns of a list the parser hung on its first member as an apposition ("Saudi
    Arabia, UAE, Egypt and Bahrain cut ties": "UAE" an apposition of "Arabia", "Egypt" and
    "Bahrain" its conjuncts): an apposition that opens a coordination closed by "and" or
    "or" names more members, not the first one again."""
    for child in token.children:
        if child.dep_ != "appos" or child.i < token.i:
            continue
        members = list(child.conjuncts)
        names = all(t.pos_ == "PROPN" for t in (token, child, *members))
        closed = any(c.dep_ == "cc" for t in (child, *members) for c in t.children)
        if members and names and closed:
            # (names only: "Abbas, the Palestinian president and Fatah leader," describes
            # one man)
            return [child, *members]
    return []


def _split_list(subjects: list[Token]) -> Token | None:
    """The last of the subjects a parser split a list into, joined by commas, whose own
    conjunct closes the list with "and" ("Lula, Boric and Lopez Obrador condemned": "Lula"
    and "Boric" are both subjects, "and Lopez Obrador" hangs on "Boric": Boric); None for one
    subject, or subjects that are no such list (an apposition, "the terrorists, a group
    called X,")."""
    heads = sorted((s for s in subjects if s.dep_ == "nsubj"), key=lambda s: s.i)
    if len(heads) < 2 or len(heads) != len(subjects):
        return None
    last = heads[-1]
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in last.children):
        return None
    doc = last.doc
    for a, b in itertools.pairwise(heads):
        if (
            b.left_edge.i < 1
            or doc[b.left_edge.i - 1].text != ","
            or a.right_edge.i >= b.left_edge.i
        ):
            return None
    return last


def _reports_a_passive(verb: Token, subject: Token | None) -> bool:
    """Whether a passive verb states that its subject underwent the act: the subject is its
    own ("the village was shelled", "West Mosul shelled"), or a headline made of a noun and
    its participle ("Rebel commander targeted in drone strike"); a participle describing a
    noun in a sentence ("a regional trip aimed at a ceasefire") states nothing."""
    if subject is None:
        return False
    if subject.head.i == verb.i:
        return True
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _headline(verb.sent)


def _headline(sent: Span) -> bool:
    """Whether a sentence is written as a headline: no closing stop (quotes and brackets
    aside)."""
    last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote or t.is_bracket)),
                None)  # fmt: skip
    return last is not None and _CLOSING.isdisjoint(last.text)


def _dated(doc: Doc) -> set[int]:
    """The tokens of the doc's dates and times: its DATE and TIME entities and the times
    dyad_time read (a month name it resolved where the model saw no entity)."""
    dated = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e}
    times = (doc._.dyad_times if doc.has_extension("dyad_times") else None) or []
    for time in times:
        dated.update(range(time["token_start"], time["token_end"]))
    return dated


def _subjunctive_read_as_noun(clause: Token) -> bool:
    """Whether a "that" clause is a verb in the subjunctive the parser read as the last word
    of a noun compound ("demanded that Netanyahu resign": "Netanyahu resign", a noun): the
    clause opens with "that", its head is a common noun in the singular and a proper noun
    stands before it as a compound."""
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ == "NN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        and any(c.dep_ == "compound" and c.tag_ == "NNP" for c in clause.lefts)
    )


def _code_family(cameo: str) -> str:
    """A CAMEO code less the zeros closing it, down to its root: "190" -> "19", "1121" ->
    "1121", "100" -> "10", "030" -> "03"."""
    while len(cameo) > 2 and cameo.endswith("0"):
        cameo = cameo[:-1]
    return cameo


def _another_doer(verb: Token, clause: Token) -> bool:
    """Whether the clause a verb of wishing governs has a doer of its own, other than the
    verb's subject: a that-clause's named subject ("hoped that China would cut tariffs"), or
    the verb's object before an infinitive ("wants the US to lift sanctions"); not a
    pronoun, which may be the wisher ("Iran hopes it will sign")."""
    if clause.dep_ == "ccomp":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in clause.children)
    if clause.dep_ == "xcomp":
        return any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON" for c in verb.children) or any(
            c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children
        )
    return False


def _objects(verb: Token) -> list[Token]:
    """A verb's object and what it is "in" ("fought a war", "engaged in a war")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return out + [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _restrictions(trigger: Token) -> list[Token]:
    """The means of economic pressure (data/targets.tsv restricting) a verb of force is done
    "with" ("hit back with tariffs", "struck with sanctions"); none for any other means."""
    restricting = target_words()["restricting"]
    return [
        o
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
        if o.dep_ == "pobj" and (o.lemma_.lower() in restricting or o.lower_ in restricting)
    ]


def _depth(token: Token) -> int:
    """How many heads lie between the token and its sentence's root."""
    n = 0
    while token.head.i != token.i and n < 50:
        token, n = token.head, n + 1
    return n


def _is_question(sent) -> bool:
    return sent.text.rstrip().rstrip("\"'”’").endswith("?")


def _is_cue(token: Token, pattern: Pattern) -> bool:
    return token.lemma_.lower() in pattern.words or token.lower_ in pattern.words


def _kind_of_cue(token: Token, pattern: Pattern) -> bool:
    """Whether a pattern's word is the "of" object that says what ``token`` is ("declared a
    state of emergency" of "declare emergency": the state is no one declared upon)."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(o.dep_ == "pobj" and _is_cue(o, pattern) for o in p.children)
        for p in token.children
    )


def _purpose_predicate(verb: Token) -> bool:
    """Whether ``verb`` is "be" (as the copula or the auxiliary of its clause) with a noun of
    aim for its subject ("its main purpose was supporting X", "the aim is to train")."""
    be = verb.lemma_ == "be" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    return be and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _MODALITY["purpose"] for c in verb.children
    )


def _for_to_clause(clause: Token) -> bool:
    """Whether ``clause`` is a "for X to do" clause ("called for the chief to resign")."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def _pattern_object(token: Token, prep: str, deep: bool = False) -> Token | None:
    """The object of a pattern's preposition (:func:`_prep_object`), or the subject of a "for
    X to do" clause after "for" ("called for the EPA chief to resign": whom it is asked of)."""
    obj = _prep_object(token, prep, deep)
    if obj is None and prep == "for":
        clause = next((c for c in token.children if _for_to_clause(c)), None)
        # (a passive's subject too: "called for the hostages to be freed")
        obj = (
            next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if clause is not None
            else None
        )
    return obj


def _means(noun: Token) -> bool:
    """Whether the object of "by" says how something was done (data/targets.tsv, means): a
    bare singular noun of means, or one another such noun modifies ("by telephone", "by
    force", "by video link"); not a body ("killed by security forces")."""
    means = target_words()["means"]
    return (
        noun.lemma_.lower() in means
        and noun.tag_ in ("NN", "NNP")
        and all(c.dep_ == "compound" and c.lemma_.lower() in means for c in noun.children)
    )


def _prep_object(token: Token, prep: str, deep: bool = False) -> Token | None:
    """The object of the preposition ``prep`` on ``token`` (or, if ``deep``, on its object).
    A time is no object here: "called the centre on Thursday" calls on no one, "by Monday"
    names no doer."""
    heads = [token]
    if deep:
        heads += [c for c in token.children if c.dep_ in ("dobj", "obj", "prt", "advmod")]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and obj.ent_type_ not in TIME_ENTITIES:
                    if prep == "by" and _means(obj):
                        continue  # "talks by telephone": how, not who
                    return obj
    return None


def _purpose(token: Token) -> bool:
    """Whether a verb states the aim of another's act, not an act ("sent the Guard to the
    border to stop migrants", "in order to protect civilians", through "to help stop"): a
    subjectless infinitive hung on a verb as an adverbial clause, on a noun of aim after
    "in" ("in order to", "in a bid to", "in his haste to withdraw"; modality.tsv, aim), or
    on a verb of getting or using its object for it ("hired mercenaries to crush"), or on a
    verb of striving for it ("rebels seeking to capture the town"; modality.tsv, striving)."""
    current = token
    for _ in range(4):  # up through the infinitives it complements ("to help [to] stop")
        if current.dep_ != "xcomp" or current.head.i == current.i:
            break
        if _purposive(current) or current.head.lemma_.lower() in _MODALITY["striving"]:
            return True
        current = current.head
    kids = list(current.children)
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in kids) or not any(
        k.dep_ == "aux" and k.tag_ == "TO" for k in kids
    ):
        return False
    head = current.head
    return (
        current.dep_ == "advcl"
        or (
            current.dep_ == "acl"
            and head.dep_ == "pobj"
            and head.head.lower_ == "in"
            and head.lemma_.lower() in _MODALITY["aim"]
        )
        # on a noun of an armed operation a verb launches, the parse's other reading of the
        # adverbial clause ("launched an offensive to recapture the town": an aim, as "launched
        # an operation to capture it" read with the clause on the verb; modality.tsv,
        # operation)
        or (
            current.dep_ == "acl"
            and head.dep_ in ("dobj", "obj")
            and head.head.pos_ == "VERB"
            and head.lemma_.lower() in _MODALITY["operation"]
            and not any(c.dep_ == "poss" for c in head.children)
        )
    )


def _purposive(infinitive: Token) -> bool:
    """Whether a subjectless infinitive says what the object of the verb it hangs on was got,
    sent or used for ("hired mercenaries to crush the rebels"; modality.tsv, purposive)."""
    head = infinitive.head
    return (
        head.lemma_.lower() in _MODALITY["purposive"]
        and head.i < infinitive.i
        and any(k.dep_ == "aux" and k.tag_ == "TO" for k in infinitive.children)
        and not any(k.dep_ in ("nsubj", "nsubjpass") for k in infinitive.children)
        and any(c.dep_ in ("dobj", "obj") and c.i < infinitive.i for c in head.children)
    )


def _supposed(noun: Token, verb: Token) -> bool:
    """Whether an event noun with an indefinite article is the subject of a verb with a modal
    of possibility ("A deal between them could reshape the region", "an attack on Iran would
    trigger a war": a supposed event); "the attack could trigger a war" was one."""
    return any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any", "another") for c in noun.children
    ) and (
        any(
            c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may")
            for c in verb.children
        )
        # "an Israeli strike could have killed dozens" speaks of one that happened
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


def _speech_above(token: Token) -> Token | None:
    """The verb of saying whose reported clause ``token`` stands in, at any depth ("said that
    ... the exit of civilians besieged by ..."; a participle on the verb's object, "mentioned
    the MEK working with the Iraqi military"), where its subject is someone ("Nothing
    suggests that ...": no one says so)."""
    for node in (token, *token.ancestors):
        head = node.head
        if node.dep_ == "acl" and node.tag_ == "VBG" and head.dep_ in ("dobj", "obj"):
            head = head.head  # the object a participle tells of is what is said
        elif node.dep_ != "ccomp" or node.i == token.i:
            continue
        if (
            head.lemma_.lower() in SPEECH_VERBS
            and head.pos_ in ("VERB", "AUX")
            and not negative_subject(head)
        ):
            return head
    return None


def _told_in_its_own_time(verb: Token) -> bool:
    """Whether a clause states in the past what happened at a time of its own ("a day after
    gunmen killed 26 people", "since the army seized power"): the mood of the clause it is
    put in does not reach it."""
    return (
        verb.tag_ == "VBD"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ in _OWN_TIME_MARKS for c in verb.children)
    )


def _through_a_phrase(token: Token, top: Token, people: bool) -> bool:
    """Whether ``token`` hangs on ``top`` through a prepositional phrase ("the home region of
    X": X), not as its name or a name's word ("the group, Hamas", "a group called X") nor, where
    ``top`` names people (``people``), as the body they are of ("a member of the Islamist
    Hamas movement", "fighters of the PKK")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "pobj" and not (
            people and token.head.lower_ == "of" and token.head.head.i == top.i
        ):
            return True
        token = token.head
    return False


def _not_taken(verb: Token) -> bool:
    """Whether a clause is the course not taken (data/modality.tsv alternative): a verb joined
    by "rather than" ("bombed Gaza rather than negotiate"), opened by it ("Rather than attack
    Iran, Israel imposed sanctions") or after "instead of" ("instead of attacking Kyiv")."""
    words = _MODALITY["alternative"]

    def marked(than: Token) -> bool:
        return any(c.lower_ in words for c in than.children) or (
            than.i > 0 and than.doc[than.i - 1].lower_ in words
        )

    if verb.dep_ == "conj":
        return any(
            c.dep_ == "cc" and c.lower_ == "than" and c.i < verb.i and marked(c)
            for c in verb.head.children
        )
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "of":
        return marked(verb.head)
    return any(c.dep_ == "mark" and c.lower_ == "than" and marked(c) for c in verb.children)


def _pending(verb: Token) -> bool:
    """Whether a clause of a time to come ("until", "before", "once") bounds a clause that
    will be ("will stay until Hezbollah disarms") or would not be ("would not be released
    until Washington handed over"), naming no day of its own: a condition. A narrative's
    "could" or "would" tells what was ("could not leave until the army lifted the curfew on
    Tuesday", "the truce would last until Hamas fired rockets")."""
    if verb.dep_ != "advcl" or any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    kids = list(verb.head.children)
    modals = {c.lower_ for c in kids if c.dep_ == "aux" and c.tag_ == "MD"}
    negated = any(c.dep_ == "neg" for c in kids)
    return bool(modals & {"will", "shall", "'ll"}) or ("would" in modals and negated)


def _told_as_a_fact(verb: Token) -> bool:
    """Whether a clause's verb tells what is or was ("Iran was behind it", "the rebels had
    killed them"), not what should be ("that Iran withdraw", "that talks should resume")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ in ("VBD", "VBZ", "VBP") for c in aux)


def _apart_by_a_semicolon(clause: Token, head: Token) -> bool:
    """Whether a semicolon or a colon stands between a clause before its head and the head's
    own words (the clause ends before it): independent clauses the parser joined; a verb of
    saying only with a complement of its own after it ("...; JANA said" says the clause)."""
    if clause.i > head.i:
        return False
    if head.lemma_.lower() in SPEECH_VERBS and not any(
        c.dep_ in ("ccomp", "xcomp", "dobj", "obj") and c.i > head.i for c in head.children
    ):
        return False  # ("... a meeting of the Council; JANA said": what JANA said)
    end = clause.right_edge.i
    return any(t.text in (";", ":") and t.head.i == head.i for t in head.doc[end : head.i])


def _governors(token: Token) -> list[tuple[Token, str]]:
    """The trigger and the verbs (and intent nouns) above it whose mood reaches it."""
    chain = [(token, "self")]
    current = token
    first = token  # the first of the nouns the trigger is joined to, which stands for it
    for _ in range(6):
        relation = current.dep_
        head = current.head
        if head.i == current.i:
            break
        if relation == "conj" and current.i == first.i and current.pos_ == head.pos_ == "NOUN":
            # "demanded an end to the war and the withdrawal of troops": a noun joined to
            # another stands where the first one does
            first = current = head
            continue
        clause = _clause_of_gerund(current)
        if clause is not None:
            # a gerund on the clause: a means ("would have to comply by helping", "has not
            # responded by expelling", "threatened to respond by striking") shares the
            # clause's mood as its complement would; a time ("after meeting") its modals
            chain.append((clause, "xcomp" if head.lower_ in _MODALITY["means"] else "advcl"))
            current = clause
            continue
        if relation == "advcl" and _told_in_its_own_time(current):
            break  # "would close the border, a day after gunmen killed 26": they did
        if relation in ("ccomp", "conj") and _apart_by_a_semicolon(current, head):
            # "X accused France of backing them; France has denied it": two sentences in one,
            # which the parser may join as a complement; the second's mood is its own
            break
        if (
            relation in ("xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "relcl")
            or (
                relation in ("dobj", "obj", "attr", "nsubjpass")
                and (current.i == first.i or current.lemma_.lower() in INTENT_VERBS | REFUSAL_VERBS)
            )
            or (relation == "nsubj" and current.i == first.i and _occurring(head))
        ):
            # "the summit will take place in April": the verb that times an event noun
            chain.append((head, relation))
        elif relation == "nsubj" and current.i == token.i and _supposed(token, head):
            # "an attack on Iran would trigger a war": one that would, not one that did
            chain.append((head, "advcl"))
        elif relation == "pobj" and head.dep_ == "prep":
            current = head
            continue
        elif (
            relation == "prep"
            and current.lower_ == "from"
            and chain[-1][1] == "pcomp"
            and head.lemma_.lower() in _MODALITY["prevention"]
            and any(c.dep_ in ("dobj", "obj") for c in head.children)
        ):
            # "to prevent him from accepting", "barred her from leaving": an act its doer is
            # kept from (data/modality.tsv prevention); the moods above the prevention are
            # its own ("failed to prevent militants from attacking": they attacked)
            chain.append((head, "from"))
            break
        elif (
            relation == "prep"
            and current.lower_ == "for"
            and chain[-1][0].i == token.i
            and first.head.i == current.i
            and head.lemma_.lower() in REQUEST_VERBS
        ):
            # "called for the withdrawal", "pressed for talks": the event noun asked for, as
            # "demanded the withdrawal" asks for its object
            chain.append((head, "for"))
        elif (
            relation == "prep"
            and current.lower_ in _MODALITY["circumstance"]
            and chain[-1][1] != "relcl"
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "pobj" and c.i in {t.i for t, _ in chain} for c in current.children)
        ):
            # "said hundreds of rebels were killed in the offensive": an event noun that is
            # the occasion of a verb is in that verb's moods as an adverbial clause is (a
            # modal, a speaker), not its negation ("no one was killed in the attack"); not
            # one the verb deals with ("collaborating with Trump's deportations", "retaliate
            # against countries that expelled ...")
            chain.append((head, "advcl"))
        else:
            break
        if relation in ("relcl", "conj") and current.i != token.i:
            break
        current = head
    return chain


def _cleft_focus(token: Token) -> bool:
    """Whether a noun is the focus of an it-cleft ("It was Mendes-France who set the
    deadline"): the clause's subject in all but form, which a pronoun after it continues."""
    head = token.head
    return (
        token.dep_ == "attr"
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
        and any(c.dep_ == "relcl" for c in token.children)
    )


def _a_day(token: Token) -> bool:
    """Whether a word is a time expression ("Saturday" of "Saturday's attack", "August" of
    "on August 7"): a DATE or TIME entity."""
    return token.ent_type_ in TIME_ENTITIES


def _a_time(token: Token) -> bool:
    """Whether a word is a time expression or a noun of time ("until dawn", "within hours")."""
    return _a_day(token) or token.lemma_.lower() in TIME_NOUNS


def _by_the_terms(verb: Token) -> bool:
    """Whether the "according to" phrase on a verb names the terms it is done by ("withdrew
    according to the agreement signed with Egypt"; data/targets.tsv terms), not who tells it."""
    obj = according_to(verb)
    return obj is not None and obj.lemma_.lower() in target_words()["terms"]
