"""Who did it, by the report's word: "X claimed responsibility for the attack" (claimed),
"sources attributed the attack to X", "X is suspected", "officials blamed X" (suspected).

The named perpetrator becomes the source of the document's attack (an event of CAMEO 18, 19
or 20 that is no casualty word), in an event mention of its own at the attribution's words,
with the attack's type, date, place and targets and the modality ``claimed`` or ``suspected``
(data/attribution.tsv): an asserted attack with a doer of its own keeps it, so an attribution
is never counted as a fact; one whose doer the report does not name ("a car bomb exploded")
is recorded once, at its own words, as the attribution tells it. A negated attribution ("No
group claimed responsibility") names no one. The attack is the one its "for" phrase names
("blamed X for the bombing"; "blamed X for the lack of tourists" attributes none), else the
first reported within the setting ``attribution_sentences`` before it (a summary attributes
it up to four sentences after it; far back, a text tells of another), or the nearest where a
demonstrative points back ("where a bombing in 2017 killed 500. Officials blamed that attack
on X": the 2017 one). A claim whose own words are a definite attack noun and no more
("claimed responsibility for the attack") refers to that attack too and takes its code,
date, place and targets.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ..claims import claim_words
from ..nlp.words import text_of
from .ontology import STATE_SECTORS
from .patterns import attack_words

__all__ = ["ATTRIBUTION_MODALITIES", "attribute_attacks", "attribution_rules", "names_an_attack"]

ATTRIBUTION_MODALITIES = ("claimed", "suspected")
#: words that refer back to an attack ("claimed responsibility for it", "for the incident",
#: "for what happened")
REFERRING = frozenset({"it", "this", "that", "incident", "incidents", "what"})
_NONE = {"no", "neither", "nobody"}


@lru_cache(maxsize=1)
def attribution_rules() -> dict[str, list[tuple[str, str, str]]]:
    """lemma -> [(where the perpetrator is, the object the verb needs, modality)]."""
    text = resources.files("dyad.events").joinpath("data", "attribution.tsv").read_text("utf-8")
    rules: dict[str, list[tuple[str, str, str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, where, needs, modality = [*line.split("\t"), "", "", ""][:4]
        if modality not in ATTRIBUTION_MODALITIES:
            raise ValueError(f"attribution.tsv: unknown modality {modality!r} for {lemma!r}")
        rules.setdefault(lemma, []).append((where, needs, modality))
    return rules


#: the object a rule needs when it is any phrase naming an attack ("claimed the attack",
#: "claims suicide attacks"), not one word
ATTACK_OBJECT = "@attack"


def claims_responsibility(verb: Token, attack_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether ``verb`` heads an attribution frame that needs its object ("X claimed
    responsibility", "X claimed the attack"): attribute_attacks reads it, so the verb
    patterns code no event of it ("claim" alone is an accusation, 110: "responsibility" would
    be its target); ``attack_nouns`` as for attribute_attacks."""
    return any(
        needs and _perpetrator(verb, where, needs, attack_nouns) is not None
        for where, needs, _ in attribution_rules().get(verb.lemma_.lower(), ())
    )


def _negated(verb: Token, who: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.lower_ in _NONE for c in (who, *who.children)
    )


def _perpetrator(
    verb: Token, where: str, needs: str, attack_nouns: frozenset[str] = frozenset()
) -> Token | None:
    kids = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if needs == ATTACK_OBJECT and where == "by":
        if _attack_claimed(verb, attack_nouns) is None:
            return None  # "a bombing claimed by X", "the attack was claimed by X"
    elif needs == ATTACK_OBJECT:
        if passive or _attack_object(verb, attack_nouns) is None:
            return None  # "X claimed the attack": its object names one
    elif needs and not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == needs for c in kids):
        return None
    if where == "subject" and not passive:
        return next((c for c in kids if c.dep_ == "nsubj"), None)
    if where == "object" and not passive:
        return next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
    if where == "passive" and passive:
        if any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in kids):
            return None  # "the attack was blamed on X": the subject is the attack
        return next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if where == "by" and (passive or verb.dep_ == "acl"):
        agent = next((c for c in kids if c.dep_ == "agent" and c.lower_ == "by"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if where in ("to", "on"):
        for prep in (c for c in kids if c.dep_ == "prep" and c.lower_ == where):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _attack_object(verb: Token, attack_nouns: frozenset[str]) -> Token | None:
    """The object of a verb of attribution when it names the attack ("blamed that attack on
    X"), else None."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    phrase = verb.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return obj if names_an_attack(phrase, attack_nouns) else None


def _attack_claimed(verb: Token, attack_nouns: frozenset[str]) -> Token | None:
    """The attack a participle of attribution with its agent describes or a passive one has
    as its subject ("a bombing claimed by X", "the attack was claimed by X"), where it names
    one, else None."""
    if verb.dep_ == "acl":
        noun = verb.head
    else:
        noun = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if noun is None or noun.pos_ == "PRON":
        return None  # ("It was claimed by officials that the bomber was a teenager")
    phrase = verb.doc[noun.left_edge.i : noun.i + 1]
    return noun if names_an_attack(phrase, attack_nouns) else None


def _for_phrase(verb: Token) -> Span | None:
    """What a verb of attribution says the perpetrator did, after "for" ("blamed the group
    for the bombing"); None where it names nothing."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return verb.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def names_an_attack(phrase: Span, attack_nouns: frozenset[str]) -> bool:
    """Whether a phrase names an attack or violence (the event nouns of force of the
    patterns, ``attack_nouns``, and data/attack_words.tsv's setting and explosions: "the
    bombing", "the kidnapping", "the violence"), or refers to one ("it", "the incident")."""
    words = attack_words()
    attacks = (
        attack_nouns
        | words["setting"]
        | words["explosive"]
        | words["explode"]
        | claim_words()["casualty_event"].keys()  # "the deaths of 30 villagers", "killing"
    )
    return any(t.lemma_.lower() in attacks or t.lower_ in REFERRING for t in phrase)


#: what a claimed attack that refers back takes from the attack it refers to: its code,
#: date and place
_TOLD = frozenset({
    "type", "mode", "cameo", "quad", "intensity", "date", "date_precision", "date_start",
    "date_end", "date_source", "place_name", "place_text", "lat", "lon", "place_country",
})  # fmt: skip


def _told_before(doc: Doc, events: list[dict], own: dict, sentence: int, within: int):
    """The attack a claimed one refers back to, when its noun is definite and says no more
    ("claimed responsibility for the attack", "for the blasts"; not "for an attack on a
    checkpoint in Tikrit" nor "for Sunday's attack", which may be another): an attack asserted
    or reported in the ``within`` sentences before it (see _referred_attack), else None."""
    noun = doc.char_span(own["trigger_start"], own["trigger_end"], alignment_mode="expand")
    if noun is None or not len(noun):
        return None
    head = noun.root
    definite = any(c.dep_ == "det" and c.lower_ in ("the", *DEMONSTRATIVES)
                   for c in head.children)  # fmt: skip
    told = any(
        c.dep_ in ("prep", "acl", "relcl", "poss", "nummod", "compound", "amod") and not _medium(c)
        for c in head.children
    )
    if not definite or told:
        return None
    return _referred_attack(
        doc,
        [
            e
            for e in events
            if e is not own
            and sentence - within <= e["sentence"] < sentence
            and e["modality"] in ("asserted", "reported")
        ],
        head,
    )


DEMONSTRATIVES = ("this", "that", "these", "those")


def _referred_attack(
    doc: Doc, events: list[dict], noun: Token | None, unnamed: set[int] | None = None
) -> dict | None:
    """The attack among ``events`` that an attribution refers to: the first told (the story's
    own: GTD's "Security forces repelled the assault, killing three assailants. ISIL claimed
    responsibility for the incident" claims the assault, not the response), but the nearest
    one, the first of its sentence, where a demonstrative points back ("... where a truck
    bombing in 2017 killed 500 people. Officials blamed that attack on X"). Where no attack
    is told but by its dead, and ``unnamed`` (see _unnamed_doers) is given, the killing no
    one named did is the attack ("A car bomb killed 20 people. Al-Shabaab claimed
    responsibility"; "Nine killed in a bombing claimed by al-Shabaab")."""
    attacks = [e for e in events if _attack(doc, e)]
    if not attacks and unnamed is not None:
        attacks = [e for e in events if _killing_by_no_one_named(doc, e, unnamed)]
    if not attacks:
        return None
    if noun is None or not any(
        c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children
    ):
        return attacks[0]
    last = max(e["sentence"] for e in attacks)
    return next(e for e in attacks if e["sentence"] == last)


#: what a claim is made in ("in a statement", "in a video posted online"): no more said of
#: the attack
MEDIA = frozenset({"statement", "message", "video", "post", "posting", "communique", "letter",
                   "tweet", "broadcast", "recording", "audio", "website", "channel"})  # fmt: skip


def _medium(prep: Token) -> bool:
    return prep.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in MEDIA for c in prep.children
    )


def _argument(doc: Doc, head: Token) -> dict:
    """The perpetrator as an event argument: the actor mention in its phrase, else the phrase."""
    span = range(head.left_edge.i, head.right_edge.i + 1)
    for m in doc._.dyad_actors or []:
        if m["token_start"] in span and m.get("actor"):
            return {"text": m["text"], "start": m["start"], "end": m["end"],
                    "actor": m.get("actor"), "name": m.get("name"), "code": m.get("code"),
                    "country": m.get("country"), "sector": m.get("sector")}  # fmt: skip
    words = doc[head.left_edge.i : head.right_edge.i + 1]
    return {"text": words.text, "start": words.start_char, "end": words.end_char, "actor": None,
            "name": None, "code": None, "country": None, "sector": None}  # fmt: skip


def _killing_by_no_one_named(doc: Doc, event: dict, unnamed: set[int]) -> bool:
    """Whether an event of force (CAMEO 18, 19 or 20) is an attack whose doer no name names:
    done by a role noun only ("gunmen killed two"), or by no one in a sentence that names a
    weapon or an act of violence ("a car bomb killed 20"); not a death a fire, a flood or a
    stampede caused, which no claim makes an attack."""
    if str(event.get("cameo") or "")[:2] not in ("18", "19", "20"):
        return False
    if any(a.get("actor") and a["start"] in unnamed for a in event["sources"]):
        return all(not a.get("actor") or a["start"] in unnamed for a in event["sources"])
    if event["sources"]:
        return False
    sentence = doc.char_span(
        event["sentence_start"], event["sentence_end"], alignment_mode="expand"
    )
    words = attack_words()
    violent = words["explosive"] | words["explode"] | words["setting"] | words["weapon"]
    return sentence is not None and any(t.lemma_.lower() in violent for t in sentence)


def _attack(doc: Doc, event: dict) -> bool:
    if str(event.get("cameo") or "")[:2] not in ("18", "19", "20"):
        return False
    words = doc.char_span(event["trigger_start"], event["trigger_end"], alignment_mode="expand")
    # an event that is the casualties, not an attack of its own (claims' data/claim_words.tsv)
    return not {t.lemma_.lower() for t in words or []} & claim_words()["casualty_event"].keys()


def attribute_attacks(
    doc: Doc, events: list[dict], attack_nouns: frozenset[str], within: int
) -> list[dict]:
    """``events`` (dicts, sorted by trigger) with the attributions of ``doc`` added;
    ``attack_nouns`` are the event nouns of force ("kidnapping") a "for" phrase may name;
    ``within`` how many sentences before it an attack named no other way may be."""
    rules = attribution_rules()
    sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
    out = list(events)
    unnamed: set[int] | None = None  # (read when the first attribution is found)
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in rules:
            continue
        found = None
        for where, needs, modality in rules[verb.lemma_.lower()]:
            who = _perpetrator(verb, where, needs, attack_nouns)
            if who is not None and not _negated(verb, who):
                found = (who, modality, where)
                break
        if found is None:
            continue
        who, modality, where = found
        if unnamed is None:
            unnamed = _unnamed_doers(doc)
        source = _argument(doc, who)
        sentence = sentence_of[verb.sent.start]
        own = next(
            (e for e in out if e["cue_start"] <= verb.idx < e["cue_end"] and _attack(doc, e)), None
        )
        if own is not None:  # "claimed responsibility for the attack" is an event already,
            own["modality"] = modality  # with the claimant as its source
            told = _told_before(doc, out, own, sentence, within)
            if told is not None and _told_by_its_doer(told, source):
                out[:] = [e for e in out if e is not own]  # its doer claims it: no news
            elif told is not None:
                # "... claimed responsibility for the attack": the bombing reported before it,
                # of its code, and its targets where the claim names none
                own.update({k: v for k, v in told.items() if k in _TOLD})
                if not own["targets"]:
                    own["targets"] = [dict(t) for t in told["targets"]]
                _absorb(out, told, own, unnamed)
            continue
        blamed_for = _for_phrase(verb)
        claimed = _attack_claimed(verb, attack_nouns) if where == "by" else None
        if claimed is not None:  # "a bombing claimed by X": that bombing
            blamed_for = verb.doc[claimed.left_edge.i : claimed.i + 1]
        if blamed_for is not None and not names_an_attack(blamed_for, attack_nouns):
            continue  # "blamed X for the lack of tourists": no attack at all
        named = range(blamed_for.start_char, blamed_for.end_char) if blamed_for else range(0)
        # "blamed X for the bombing of the market": that attack
        attack = next((e for e in out if e["trigger_start"] in named and _attack(doc, e)), None)
        if attack is None:  # "blamed X", "blamed X for the attack": the attack reported before
            attack = _referred_attack(
                doc,
                [e for e in out if sentence - within <= e["sentence"] <= sentence],
                blamed_for.root if blamed_for is not None else _attack_object(verb, attack_nouns),
                # (a killing told alone is the attack a named actor is said to have done,
                # not a phrase no actor stands for: "blamed each other", "a man claimed")
                unnamed if source.get("actor") else None,
            )
        if attack is None or _told_by_its_doer(attack, source):
            continue
        # the mention is anchored at the verb, or at the perpetrator's name when the verb is an
        # event of its own already ("officials blamed X": an accusation too)
        anchor = (verb.idx, verb.idx + len(verb))
        if any(e["trigger_start"] == anchor[0] for e in out):
            anchor = (source["start"], source["end"])
            if any(e["trigger_start"] == anchor[0] for e in out):
                continue
        out.append({
            **attack,
            "modality": modality,
            "trigger": text_of(doc)[anchor[0] : anchor[1]],
            "trigger_start": anchor[0],
            "trigger_end": anchor[1],
            "cue_start": min(verb.idx, anchor[0]),
            "cue_end": max(verb.idx + len(verb), anchor[1]),
            "sentence": sentence,
            "sentence_start": verb.sent.start_char,
            "sentence_end": verb.sent.end_char,
            "sources": [source],
            "targets": [dict(t) for t in attack["targets"]],
            "reported_by": None,
            "confidence": round(min(attack["confidence"], 0.6), 2),
            "pattern": f"attribution:{verb.lemma_.lower()}",
            "nominal": False,
            "killed": None,
            "wounded": None,
        })  # fmt: skip
        _absorb(out, attack, out[-1], unnamed)
    out.sort(key=lambda e: e["trigger_start"])
    return out


def _unnamed_doers(doc: Doc) -> set[int]:
    """The offsets of doers a role noun names and no name ("gunmen", "suicide bombers",
    "militants"): generic actors of no state's body and no owner ("its fighters" are the
    group's, "the group" refers to a name): the group a claim names is who they were (see
    _absorb)."""
    return {
        m["start"]
        for m in (doc._.dyad_actors if doc.has_extension("dyad_actors") else None) or []
        if m.get("source") == "generic"
        and m.get("sector") not in STATE_SECTORS
        and not any(c.dep_ == "poss" for c in doc[m["token_end"] - 1].children)
    }


def _told_by_its_doer(attack: dict, source: dict) -> bool:
    """Whether the attack names the one it is attributed to as its doer already ("Israeli
    jets struck ... Hamas blamed Israel"): the same actor, or a body of the state blamed (its
    government, army, police ...: not "Pakistani Taliban" when Pakistan is blamed)."""
    if not source.get("actor"):
        return False
    return any(
        a.get("actor") == source["actor"]
        or (source.get("sector") in (None, "GOV") and source.get("country")
            and a.get("country") == source["country"]
            and (a.get("sector") or "GOV") in STATE_SECTORS)
        for a in attack["sources"]
    )  # fmt: skip


def _absorb(out: list[dict], attack: dict, attribution: dict, unnamed: set[int]) -> None:
    """An attack whose doer the report does not name, or names by a role noun only
    (``unnamed``: the offsets of such mentions), is the one its attribution tells of: one
    record, at the attack's own words, with the claimant (or the suspect) as its source and
    the attribution's modality ("A car bomb killed 20 ... al Shabaab claimed responsibility",
    "Gunmen stormed the hotel ... al Shabaab claimed responsibility": one attack, claimed by
    al Shabaab), as a coder of incidents records it (audits 17 and 19 counted the claim's
    second record a duplicate). An attack with a named doer of its own ("Hamas militants
    attacked ... IS claimed responsibility") keeps its record beside the attribution."""
    if (
        attack is attribution
        or not any(e is attack for e in out)
        or any(
            a.get("actor") and not any(a["start"] <= u < a["end"] for u in unnamed)
            for a in attack["sources"]
        )
        or not any(a.get("actor") for a in attribution["sources"])  # ("blamed that on ...")
    ):
        return
    attack["sources"] = [dict(a) for a in attribution["sources"]]
    attack["modality"] = attribution["modality"]
    attack["confidence"] = attribution["confidence"]
    attack["pattern"] = attribution["pattern"]
    if not attack["targets"]:
        attack["targets"] = [dict(t) for t in attribution["targets"]]
    out[:] = [e for e in out if e is not attribution]
