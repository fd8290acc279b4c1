"""What a word or phrase names: an instrument, a victim, a toll, a place taken, a tone."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...actors.component import force_noun, names_a_gathering
from ..ontology import ATTACK_ROOTS
from ..patterns import (
    Pattern,
    PatternDictionary,
    attack_words,
    head_words,
    movement_words,
    target_words,
)
from .frame import _Arg
from .grammar import _a_day, _headline, _prep_object
from .vocab import (
    _CURRENCY_SIGNS,
    _PLACE_ENTITIES,
    ACT_PRONOUNS,
    AIR_ATTACK,
    AIRBORNE,
    CONDITIONAL_MARKS,
    DEFINITE,
    GENERIC_ATTACKS,
    LABEL_TONE_AT,
    NAMED_ENTITIES,
    PARTITIVES,
    PREDICATES,
    SPEECH_VERBS,
    WITH_HELP,
)


def _origin(noun: Token) -> Token | None:
    """Whom an event noun comes from: the object of its "from" or of "on the part of"."""
    holders = [noun]
    if _received(noun):
        holders.append(noun.head)  # "drew criticism from the US": hung on the verb
    for holder in holders:
        origin = _prep_object(holder, "from")
        part = _prep_object(holder, "on")
        if origin is None and _on_the_part(part):
            origin = _prep_object(part, "of")
        if origin is not None and origin.i > noun.i and not _goods_origin(holder, origin):
            return origin
    return None


def _goods_origin(noun: Token, origin: Token) -> bool:
    """Whether the "from" object the parser hung on an event noun says where what the noun's
    "on" object names comes from ("a tariff on goods from China", "duties on imports from
    Canada"): the goods' origin, not the doer. An "on" object that names someone ("sanctions
    on Iran from the EU") leaves the "from" object the doer."""
    on = _prep_object(noun, "on")
    return (
        on is not None
        and on.i < origin.i
        and on.pos_ == "NOUN"
        and not _on_the_part(on)
        and not on.ent_type_
    )


def _received(noun: Token) -> bool:
    """Whether an event noun is the object of a verb of receiving ("drew criticism")."""
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in target_words()["receiving"]


def _on_the_part(token: Token | None) -> bool:
    """Whether ``token`` is the "part" of "on the part of X" (X does the act)."""
    return token is not None and token.lower_ == "part" and token.head.lower_ == "on"


def _predicated(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` says what its object ``noun`` is, with a predicate after it ("called
    the arrest an abduction", "called the bombing cowardly", "declared the vote void")."""
    return noun.dep_ in ("dobj", "obj") and any(
        c.i > noun.i and (c.dep_ in PREDICATES or _toned_adverb(c)) for c in verb.children
    )


def _toned_adverb(token: Token) -> bool:
    """Whether a word the parser hung on the verb as an adverb is a judgement of the object
    ("called the bombing cowardly"), not a manner or a time ("called a strike immediately")."""
    return token.dep_ == "advmod" and token.pos_ in ("ADV", "ADJ") and _tone(token) is not None


def _named_event(token: Token) -> bool:
    """Whether an event noun is the capitalised word of an event's name ("the Iran-Iraq
    War", "the Gulf War", "the Six-Day War"): a past event named as a time or a topic, not
    one the sentence reports (a sentence's first word is capitalised anyway)."""
    return token.ent_type_ == "EVENT" and token.text[:1].isupper() and token.i > token.sent.start


def _tagged_noun_heading_a_subject(token: Token) -> bool:
    """Whether a word tagged a noun is the verb of its clause: the parse gives it a subject
    ("Bombings in Iraqi capital kill at least 32 people", "Suicide bombings in eastern Mosul
    kill 5", where a headline's missing article misleads the tagger). A noun heads no
    subject of its own ("the kill was swift": the subject is the copula's)."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("det", "poss", "case") for c in token.children)
        and any(c.dep_ == "nsubj" for c in token.children)
    )


def attack_verb_read_as_noun(token: Token) -> bool:
    """Whether a plural noun of attack is a headline's verb in its -s form, which the parser
    made the subject of the participle after it ("Islamic State shells recaptured areas in
    west Mosul": "shells" the verb, "recaptured" describing the areas): in a headline (past
    events told in the present tense), the noun, right before a past form that has an object,
    with a name before it (the doer) and no determiner."""
    head = token.head
    return (
        token.tag_ == "NNS"
        and token.dep_ == "nsubj"
        and token.lower_ in attack_words()["homograph"]
        and head.i == token.i + 1
        and head.tag_ in ("VBD", "VBN")
        and any(c.dep_ in ("dobj", "obj") for c in head.children)
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)
        and any(c.i < token.i and c.pos_ == "PROPN" for c in token.children)
        and _headline(token.sent)
    )


def _describes_a_source(token: Token) -> bool:
    """Whether a verb (or a noun inside its phrase) describes whom a report is attributed to
    ("according to officials briefed on the meeting", "according to people familiar with the
    talks"): a participle on the object of "according to", which says who the source is, not
    an event; a relative clause may report an act ("according to the ministry, which blamed
    Iran")."""
    node = token
    for _ in range(6):
        if node.dep_ not in ("acl", "prep", "pobj"):
            return False
        head = node.head
        if (
            node.dep_ == "acl"
            and node.tag_ in ("VBN", "VBG")
            and head.dep_ == "pobj"
            and head.head.lower_ == "to"
            and head.head.head.lower_ == "according"
        ):
            return True
        node = head
    return False


def _occurs(noun: Token) -> bool:
    """Whether ``noun`` is the subject of a verb that says it happened somewhere
    (data/attack_words.tsv, occur: "clashes erupted in Tripoli", "fighting broke out near
    Aleppo", "the attack took place in Kabul"): an incident, placed by a place's name in its
    clause ("violence continued for years" is none), by a noun of an incident (not of a war
    that lasts: data/attack_words.tsv, lasting), said of the past or present, not hoped or
    feared ("clashes could erupt in Tripoli")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return False
    if noun.lemma_.lower() in attack_words()["lasting"]:
        return False
    verbs, lemma = attack_words()["occur"], verb.lemma_.lower()
    if lemma not in verbs and not any(f"{lemma} {c.lower_}" in verbs for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return False  # "if fighting breaks out in Tripoli"
    return any(t.ent_type_ in _PLACE_ENTITIES for t in verb.subtree)


def _explosion_verb(token: Token) -> bool:
    """Whether ``token`` is a verb of a charge going off ("exploded", "went off")."""
    verbs, lemma = attack_words()["explode"], token.lemma_.lower()
    return lemma in verbs or any(f"{lemma} {c.lower_}" in verbs for c in token.children)


#: CAMEO's killing by physical assault, which a weapon named as its doer makes another code
KILLING = "1823"


def _weapon_code(doer: Token | None, cameo: str) -> str:
    """How a generic attack (CAMEO 18, 190) was made, from the weapon in its doer's phrase
    (data/attack_words.tsv): "suicide bombers attacked a base" is a suicide bombing (1831),
    "assailants equipped with explosives-laden vehicles raided the town" a bombing (183), "a
    rocket struck the village" rocket or artillery fire (194). What a relative clause of the
    doer says ("gunmen, who had planted bombs before, attacked") and a noun that only names
    the doer ("the bomb squad") are not the weapon."""
    if doer is None:
        return cameo
    words = attack_words()
    # a killing's weapon says how it was made too ("a car bomb killed 12": a bombing, 183,
    # not a killing by physical assault, 1823; review 46)
    generic = GENERIC_ATTACKS | {KILLING}
    if cameo in generic | AIRBORNE and {doer.lemma_.lower(), doer.lower_} & words["aircraft"]:
        return AIR_ATTACK  # "jets fired rockets into the palace", "a drone killed X"
    if cameo not in generic:
        return cameo
    clauses = [c for c in doer.children if c.dep_ == "relcl"]
    inside = {t.i for c in clauses for t in c.subtree}
    weapon = words["explosive"] | words["instrument"]
    phrase = [
        t
        for t in doer.subtree
        if t.i not in inside  # "the bomb squad": a bomb names the squad, it is no weapon
        and not (t.dep_ == "compound" and t.head.lemma_.lower() not in weapon)
    ]
    lemmas = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
    if lemmas & words["explosive"]:
        return "1831" if lemmas & words["suicide"] else "183"
    compounds = [c for c in doer.children if c.dep_ == "compound"]  # "mortar shells"
    heads = {t.lemma_.lower() for t in (doer, *compounds)}
    return "194" if heads & words["projectile"] else cameo


def _instrument(token: Token) -> bool:
    """Whether ``token`` heads an instrument ("a car bomb", "an explosives-laden bus": a thing
    an adjective says carries one) or an agent the text does not identify ("a suicide
    bomber", "assailants"); "the bomb squad" is neither."""
    words = attack_words()
    kinds = words["instrument"] | words["agent"]
    if {token.lemma_.lower(), token.lower_} & kinds:
        return True
    return any(
        t.head.dep_ == "amod" and t.head.i != token.i and t.lemma_.lower() in words["instrument"]
        for left in token.lefts
        for t in left.subtree
    )


def _armament(token: Token) -> bool:
    """Whether ``token`` heads a thing of war (data/attack_words.tsv: an instrument, a weapon,
    an aircraft or a projectile: "armoured vehicles", "helicopter gunships")."""
    words = attack_words()
    kinds = words["instrument"] | words["weapon"] | words["aircraft"] | words["projectile"]
    return bool({token.lemma_.lower(), token.lower_} & kinds)


def _setting(token: Token) -> bool:
    """A place name compounding a noun of violence no one is named doing: where it happened
    ("Iraq violence", "Baghdad bombings"), not its doer (data/attack_words.tsv, setting). A
    noun with a target or a setting of its own ("the Russia attack on Kyiv", "a US bombing of
    Raqqa", "the US war in Iraq") is done by the place's state."""
    return (
        token.dep_ == "compound"
        and token.ent_type_ in ("GPE", "LOC", "FAC")
        and token.head.lemma_.lower() in attack_words()["setting"]
        and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "of", "against", "in")
            for c in token.head.children
        )
    )


def _victim(token: Token) -> bool:
    """Whether ``token`` heads a phrase that counts or names victims (data/attack_words.tsv,
    victim and count_head): "12 shepherds", "20", "a policeman"."""
    words = attack_words()
    return (
        token.like_num
        or any(c.dep_ == "nummod" for c in token.children)
        or token.lemma_.lower() in words["victim"] | words["count_head"]
    )


def _names_the_doer(noun: Token, arg: _Arg) -> bool:
    """Whether an argument found for a noun of force names its doer: a mention owning or
    modifying the noun ("Israel's attack", "the Belarusian crackdown", "Russian shelling") or
    its "by" agent ("attacks by Russian forces"), not its victim or place ("the attack on the
    embassy", "the killing of aid workers in Mali")."""
    if arg.mention is None:
        return False
    doers = [
        c for c in noun.children if c.i < noun.i and c.dep_ in ("poss", "amod", "compound", "nmod")
    ]
    doers += [c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    words = {t.i for c in doers for t in c.subtree}
    doc = noun.doc
    return any(
        i in words or (doc[i].dep_ == "pobj" and doc[i].head.lower_ == "by")
        for i in range(arg.mention["token_start"], arg.mention["token_end"])
    )  # (a "by" the parser hung on the verb: "condemned attacks by Russian forces on X")


def _noun_arg(noun: Token) -> _Arg:
    """A noun's own phrase up to the noun ("the attack" of "the attack on the embassy"), as an
    argument naming no actor."""
    first = min((c.i for c in noun.children if c.dep_ == "det" and c.i < noun.i), default=noun.i)
    span = noun.doc[first : noun.i + 1]
    return _Arg(noun, None, span.start_char, span.end_char, span.text)


def _reported_on_by(subject: Token, speakers: set[int]) -> bool:
    """Whether ``subject`` is the subject of a clause that a verb of saying reports, whose own
    subject is one of ``speakers`` (token indices): "Natalegawa announced that Kesoema had
    been called home" reports on Kesoema."""
    clause = subject.head
    return (
        clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ == "nsubj" and c.i in speakers for c in clause.head.children)
    )


def _casualty(token: Token) -> bool:
    """A verb that reports the dead or wounded (data/attack_words.tsv, casualty)."""
    return token.lemma_.lower() in attack_words()["casualty"]


def _new_unnamed_doer(verb: Token) -> bool:
    """Whether an active verb's subject is an instrument or an unnamed agent the text brings
    in for the first time ("a gunman killed 38 tourists", "two suicide bombers killed 27",
    "gunmen killed five"): an indefinite phrase tells an attack of its own, where a definite
    one ("the bomber killed 20", "the blast killed 12") tells again one told before."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.pos_ not in ("NOUN", "PROPN") or not _instrument(subject):
            continue
        determiners = [c for c in subject.children if c.dep_ in ("det", "poss")]
        if not any(d.dep_ == "poss" or d.lower_ in DEFINITE for d in determiners):
            return True
    return False


def _counted(token: Token | None) -> bool:
    """Whether ``token`` is a number or a noun a number counts ("25", "eight people")."""
    return token is not None and (token.like_num or any(c.dep_ == "nummod" for c in token.children))


def _counts_dead(sent: Span) -> bool:
    """Whether a sentence counts the dead (data/attack_words.tsv, dead and toll): "25 dead",
    "At least 75 dead", "leaves seven dead", "eight people were dead", "the toll rose to 73";
    not "the dead", "the Dead Sea", "a dead heat"."""
    words = attack_words()
    for token in sent:
        if token.pos_ in ("ADJ", "NOUN") and token.lower_ in words["dead"]:
            if _counted(token) or (token.dep_ == "amod" and _counted(token.head)):
                return True
            if token.dep_ in ("oprd", "acomp") and any(
                c.dep_ in ("dobj", "obj", "nsubj") and _counted(c) for c in token.head.children
            ):
                return True
        if token.pos_ == "NOUN" and token.lemma_.lower() in words["toll"]:
            heads = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass") else [token]
            if any(
                _counted(obj)
                for head in heads
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in ("to", "at", "of")
                for obj in prep.children
                if obj.dep_ == "pobj"
            ):
                return True
    return False


def _mishap(noun: Token) -> bool:
    """Whether a modifier makes the noun an accident, no attack ("gas explosion", "factory
    blast"; data/attack_words.tsv, mishap)."""
    mishap = attack_words()["mishap"]
    return any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in mishap for c in noun.children
    )


def _withdrawn_mission(trigger: Token) -> str | None:
    """The CAMEO code of withdrawing those a verb of military withdrawal takes (data/heads.tsv):
    peacekeepers 1661 ("withdrew its peacekeepers", "the batch of 200 peacekeepers", "the
    peacekeeping force"), inspectors or observers 1662; from a pact 161 ("the withdrawal from
    the nuclear agreement", "pulled out of the treaty"); None for troops of one's own war."""
    words = head_words()
    left = [o for p in ("from", "of") if (o := _prep_object(trigger, p)) is not None]
    left += [o for t in trigger.children if t.lower_ == "out" if (o := _prep_object(t, "of"))]
    if any(o.lemma_.lower() in words["withdrawn_pact"] for o in left):
        return "161"
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (forces or police, as bodies or as their members: "riot police", "troops")
    forces = subject is not None and (
        force_noun(subject) or subject.lemma_.lower() in head_words()["force_member"]
    )
    if not forces and any(o.lemma_.lower() in words["withdrawn_body"] for o in left):
        return "161"  # a body one leaves as a member ("withdrew from the Commonwealth")
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    objects += [o for obj in objects if (o := _prep_object(obj, "of")) is not None]
    for obj in objects:
        lemmas = {obj.lemma_.lower(), obj.lower_} | {
            c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")
        }
        if lemmas & words["withdrawn_peacekeepers"]:
            return "1661"
        if lemmas & words["withdrawn_observers"]:
            return "1662"
    return None


def _named_as(verb: Token) -> Token | None:
    """What a verb of naming calls its object, where the object is an actor or an actor's
    thing (an entity, or owned by one): a predicate after the object ("called Assad a
    murderer", "called the Iran deal a disaster", parsed as a second object) or after "as"
    ("described Hamas as a terrorist group"); a proper noun is a name, not what is said of
    the object ("called him John", "called the Tianjin Detention Centre"). None where there
    is none."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objects and (read := _object_read_into_predicate(verb)) is not None:
        return read
    if not objects or not (
        any(
            t.ent_type_ in NAMED_ENTITIES
            for t in (objects[0], *objects[0].children)
            if t.i == objects[0].i or t.dep_ in ("poss", "compound", "nmod", "amod")
        )
        or _refers_back(objects[0])
        or objects[0].lower_ in ACT_PRONOUNS  # "called it a massacre": see _named_act
    ):
        return None
    for child in verb.children:
        if child.dep_ in PREDICATES and child.pos_ in ("NOUN", "ADJ"):
            return child
        if child.i > objects[0].i and _toned_adverb(child):
            return child  # "called the bombing cowardly"
        if child.dep_ in ("dobj", "obj") and child.i != objects[0].i and child.pos_ == "NOUN":
            return child
    for head in (verb, *objects):
        if (named := _prep_object(head, "as")) is not None:
            return named
    return None


def _object_read_into_predicate(verb: Token) -> Token | None:
    """What a verb of naming calls its object where the parser read the two as one phrase
    headed by the predicate ("called the British action hostile": "the British action
    hostile", with "action" a compound of "hostile" and "the" its determiner): the predicate,
    where the words before it name an actor (an entity: "British"); None otherwise (the
    words name no one's: "called the situation complex")."""
    for child in verb.children:
        if child.dep_ != "oprd" or child.pos_ not in ("ADJ", "NOUN"):
            continue
        lefts = list(child.lefts)
        if not any(t.dep_ == "det" for t in lefts) or not any(
            t.dep_ in ("compound", "amod") and t.pos_ == "NOUN" for t in lefts
        ):
            continue
        if any(t.ent_type_ in NAMED_ENTITIES for left in lefts for t in left.subtree):
            return child
    return None


def _event_noun(noun: Token, patterns: PatternDictionary) -> bool:
    """Whether a noun names an event: one the patterns code as violence or protest ("strike",
    "offensive"), or a noun of a happening (data/targets.tsv, happening: "mutiny",
    "decision")."""
    lemma = noun.lemma_.lower()
    # (of the patterns' nouns, those of violence and protest only: "the alliance", "the
    # patrol", "the mission" that end something are bodies acting)
    return lemma in target_words()["happening"] or any(
        p.cameo[:2] in (*ATTACK_ROOTS, "14") for p in patterns.candidates("N", lemma)
    )


def _takes_a_place(verb: Token) -> bool:
    """Whether a verb's object (a passive's subject) is a named place or a noun of ground
    (data/targets.tsv, territory)."""
    taken = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    return taken is not None and _ground(taken)


def _ground(taken: Token) -> bool:
    """Whether ``taken`` (or the noun a count of it counts) is a named place or a noun of
    ground (data/targets.tsv, territory; counted_territory only counted, pointed at or
    qualified)."""
    if taken.pos_ == "NUM" or taken.lower_ in PARTITIVES:  # "two of the villages"
        taken = _prep_object(taken, "of") or taken
    places = taken.doc._.dyad_places if taken.doc.has_extension("dyad_places") else None
    if (
        taken.tag_ == "NN"
        and taken.lemma_.lower() in target_words()["counted_territory"]
        and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in taken.children)
    ):
        return False  # "moved into position": an idiom, no ground
    return (
        taken.ent_type_ in ("GPE", "LOC", "FAC")
        or taken.lemma_.lower() in target_words()["territory"]
        or any(
            p["kind"] == "name" and p["token_start"] <= taken.i < p["token_end"]
            for p in places or ()
        )
    )


def _a_sum(head: Token) -> bool:
    """Whether a phrase's head is a sum of money: a currency noun (data/targets.tsv, money)
    or a number written with a currency sign."""
    words = [head, *(c for c in head.children if c.dep_ in ("nummod", "compound", "quantmod"))]
    return head.lemma_.lower() in target_words()["money"] or any(
        any(sign in w.text for sign in _CURRENCY_SIGNS) for w in words
    )


def _refers_back(noun: Token) -> bool:
    """Whether a noun is a definite act told before ("the arrest", "the verdict": a noun of
    ``referring`` in data/targets.tsv), whose doers a reaction to it is aimed at. A day's
    ("Saturday's attack", "last week's arrests") makes it definite as "the" does."""
    return noun.lemma_.lower() in target_words()["referring"] and any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or (c.dep_ == "poss" and _a_day(c))
        for c in noun.children
    )


def _names_a_gathering(token: Token, mention: dict) -> bool:
    """Whether a place's word names the pact or meeting it modifies ("the Minsk agreements"):
    no side of what is done to or with it."""
    return mention["label"] == "place" and names_a_gathering(token)


def _tone(named: Token) -> str | None:
    """The tone of a name given to someone, by the framing lexicon (VADER's words and dyad's
    political ones): "negative" ("a murderer", "an abuse of power"), "positive" ("a hero",
    "a true friend") or None."""
    from ...framing import valence  # (dyad.framing reads events' modules: import when used)

    # (the name itself, not a clause or an apposition that describes it: "a barbaric act that
    # could never be forgiven" is no praise for its "forgiven", nor for "the foundation of
    # democracy" the parser hangs on it)
    clauses = {
        t.i for c in named.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree
    }
    words = [
        t.text
        for t in named.subtree
        if t.dep_ not in ("det", "poss", "punct") and t.i not in clauses
    ]
    value = valence(" ".join(words))
    if value <= -LABEL_TONE_AT:
        return "negative"
    return "positive" if value >= LABEL_TONE_AT else None


def _sends_forces(pattern: Pattern) -> bool:
    """Whether a pattern sends or pulls back forces: a show of force (MOBILIZE) or a
    military withdrawal (CAMEO 087)."""
    return pattern.type == "MOBILIZE" or pattern.cameo.startswith("087")


def _undergone(noun: Token) -> bool:
    """Whether the owner of an event noun undergoes its act (targets.tsv undergone): one act
    ("the journalist's arrest", "Park's conviction"), or acts on several owners ("the
    journalists' arrests"); acts in the plural owned by one are its doings ("Trump's
    deportations")."""
    if noun.lemma_.lower() not in target_words()["undergone"]:
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return noun.tag_ == "NN" or any(c.tag_ in ("NNS", "NNPS") for c in owners)


def _requesting_verb(noun: Token) -> int | None:
    """The verb that asks for ``noun``: "called for an inquiry", "demanded an inquiry"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        return noun.head.head.i
    if noun.dep_ in ("dobj", "obj"):
        return noun.head.i
    return None


def _with_help(prep: Token) -> bool:
    """ "with the help of X", "with the support of X": who helps, not whom the act is upon."""
    return prep.lower_ == "with" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in WITH_HELP for c in prep.children
    )


def _moving(verb: Token) -> bool:
    """A verb of moving (data/movement.tsv: "travel", "return", "leave", "visit")."""
    words, lemma = movement_words(), verb.lemma_.lower()
    return verb.pos_ in ("VERB", "AUX") and (lemma in words["moving"] or lemma in words["visiting"])


def _recipient(pattern: Pattern, prep: str, mention: dict) -> bool:
    """Whether a country after "to" is who is given to, not a place: "providing aerial
    photographs to Macedonia", "sending aid to Afghanistan" (a giving event's "to")."""
    return pattern.type == "AID" and prep == "to" and mention.get("kind") == "state"
