"""One attack, told several times in its document, is one event: its headline ("Taliban
massacre at Peshawar school"), its lead ("Taliban gunmen stormed an army-run school ... on
Tuesday") and the sentences that tell it again without its doer ("The two explosions went off
seconds apart near the station") are mentions of the attack the document reports, as a coder
records one event for them (two careful coders counted such lines as duplicates: audits 17
and 19).

A mention of an attack (CAMEO 18-20, told as a fact) takes the code, the sides and, where its
own clause gives no day, the date of the document's attack it retells, so that the store
merges them into one event with every sentence as a mention (dyad.events.merge): a
headline's, the first attack of the body it fits; a later mention's, the body's first
attack, where it fits. It fits an attack when

- its doers are among the attack's (an unnamed doer fits any), and the actors it names as
  its targets too;
- it is the same kind of harm where the kind is one of its own (an abduction retells no
  killing, nor a killing an abduction: CAMEO 181, 1821, 1822, 184);
- its place is the attack's, or one of the two has none (it takes the attack's) or is the
  other's country ("in Turkey's modern history", of explosions in Ankara);
- its own clause names no other day (a day it took from its publication or lead fits);
- and the attack is the story's: the first the body tells (for a headline, the first of the
  body it fits); a later mention also shares something with it (the place, its own day or
  an actor it acts on), the attack is the document's news (dated from its publication or
  lead, or at most the news lag before it: not "stormed a school in 2014" in a report of
  2019), its sentence does not tell another attack ("Another bomb went off", "a second
  blast", "was attacked again"), and no attack of another doer before it fits as well.

An attack with a doer of its own not among the attack's, another place or another day stays an
event of its own ("Soldiers killed all seven gunmen", "rockets were fired at U.S. warships in
Aqaba in August").
"""

from __future__ import annotations

from datetime import date

from ..actors.dictionary import state_names
from ..actors.names import normalise
from .ontology import ATTACK_ROOTS

__all__ = ["headline_told_again", "one_incident"]

#: CAMEO codes of harm of a kind of its own: abducting or taking hostages (181), sexual
#: violence (1821), torture (1822), human shields (184); a mention of one retells only one
_OWN_KINDS = ("181", "1821", "1822", "184")
#: what a retelling takes of the attack it retells
_CODE = ("type", "mode", "cameo", "quad", "intensity")
_DATE = ("date", "date_precision", "date_start", "date_end", "date_source")
_PLACE = ("place_name", "place_text", "lat", "lon", "place_country")
#: dates an event took from outside its clause: they fit the attack's own day
_BORROWED = (None, "publication", "lead")


def _ids(sides: list[dict]) -> frozenset[str]:
    return frozenset(a["actor"] for a in sides if a.get("actor"))


def _attack(event: dict) -> bool:
    return str(event.get("cameo") or "")[:2] in ATTACK_ROOTS and event["modality"] in (
        "asserted",
        "reported",
    )


def _kind(event: dict) -> str:
    """The kind of harm an attack's code names where it is one of its own (an abduction or a
    hostage-taking, sexual violence, torture, human shields), else "" (any other violence)."""
    cameo = str(event.get("cameo") or "")
    return next((k for k in _OWN_KINDS if cameo.startswith(k)), "")


def _fits(told: dict, attack: dict) -> bool:
    """Whether ``told`` may retell ``attack`` (see the module)."""
    if _kind(told) != _kind(attack):
        return False  # "killed 81 ... while 67 people have been abducted": two acts
    if not _ids(told["sources"]) <= _ids(attack["sources"]):
        return False
    if told["sources"] and not _ids(told["sources"]):
        return False  # a doer named but no actor: "Soldiers" of another side, unresolved
    if not _ids(told["targets"]) <= _ids(attack["targets"]):
        return False
    places = (told.get("place_name"), attack.get("place_name"))
    if all(places) and places[0] != places[1] and not _within(told, attack):
        return False
    return told.get("date_source") in _BORROWED or told.get("date_start") == attack.get(
        "date_start"
    )


def _within(told: dict, attack: dict) -> bool:
    """Whether one of two events' places is the other's country ("the deadliest attack in
    Turkey's history" and explosions in Ankara): no other place."""
    countries = {told.get("place_country"), attack.get("place_country")}
    if len(countries) != 1 or None in countries:
        return False
    return any(normalise(str(e.get("place_name"))) in state_names() for e in (told, attack))


def one_incident(
    events: list[dict], headline_sentences: set[int], text: str, news: tuple[date, int] | None
) -> list[dict]:
    """``events`` with each retelling of an attack given that attack's code, sides and day
    (see the module); ``headline_sentences``: the indices of the document's headline
    sentences; ``text`` the document's; ``news``: its publication day and the most days its
    news may come before it (nlp.components.dyad_events.news_day_lag), None if undated."""
    attacks = [e for e in events if _attack(e) and not _another(e, text)]
    if len(attacks) < 2:
        return events
    body = [e for e in attacks if e["sentence"] not in headline_sentences]
    for event in attacks:
        if event["sentence"] in headline_sentences:
            fits = [a for a in body if _fits(event, a) and _current(a, news)][:1]
        else:
            # the story's attack, the first the body tells: a later attack told before this
            # mention may be background ("The synagogue bombings on Saturday had killed ...
            # when the consulate was hit")
            first = body[0] if body else None
            fits = (
                [first]
                if first is not None
                and first["trigger_start"] < event["trigger_start"]
                and _fits(event, first)
                and _shares(event, first)
                and _current(first, news)
                else []
            )
            # another doer's attack before it that it fits as well: either might be told again
            # ("Russia attacked Ukraine. Belarus attacked Ukraine. Ukraine was attacked")
            if fits and any(
                _ids(a["sources"]) != _ids(first["sources"])
                and a["trigger_start"] < event["trigger_start"]
                and _fits(event, a)
                and _shares(event, a)
                for a in body
            ):
                fits = []
        if len(fits) != 1 or not (event["sentence"] in headline_sentences or _retells(event)):
            continue
        (attack,) = fits
        for key in _CODE:
            event[key] = attack[key]
        event["sources"] = [dict(a) for a in attack["sources"]]
        event["targets"] = [dict(a) for a in attack["targets"]]
        if event.get("date_source") in _BORROWED and attack.get("date_start"):
            for key in _DATE:
                event[key] = attack[key]
        if not event.get("place_name"):
            for key in _PLACE:
                event[key] = attack.get(key)
        for key in ("killed", "wounded"):
            if attack.get(key) is None and event.get(key) is not None:
                attack[key] = event[key]
    return events


#: words that tell another attack than one told before ("Another bomb went off", "a second
#: blast", "in a separate attack")
_OTHER = frozenset({"another", "second", "third", "separate", "separately", "further"})


def _another(event: dict, text: str) -> bool:
    """Whether an attack's sentence, up to its trigger, tells another attack than one told
    before ("Another bomb exploded near a mosque"), or its clause says it came again ("Ukraine
    was attacked again")."""
    before = text[event["sentence_start"] : event["trigger_end"]].lower()
    after = _words(text[event["trigger_end"] : event["sentence_end"]].lower())[:3]
    return any(word in _OTHER for word in _words(before)) or "again" in after


def _words(text: str) -> list[str]:
    return "".join(c if c.isalpha() else " " for c in text).split()


def _current(attack: dict, news: tuple[date, int] | None) -> bool:
    """Whether an attack is the news of its document: dated from its publication or lead, or
    to a day at most the news lag before the publication (not background: "stormed a
    school in 2014", in a report of 2019)."""
    if attack.get("date_source") in _BORROWED:
        return True
    if news is None or not attack.get("date_start"):
        return False
    published, lag = news
    try:
        start, end = (date.fromisoformat(str(attack[k])[:10]) for k in ("date_start", "date_end"))
    except (TypeError, ValueError):
        return False
    return (published - start).days <= lag and end <= published


def _shares(told: dict, attack: dict) -> bool:
    """Whether a mention of the body says something the attack says too: its sentence, its
    place, its own day or an actor it acts on ("... a suicide bomber blew himself up at the gates of the
    embassy in Kabul"), not only nothing that contradicts it ("Rabin was shot" after a
    "strike" the text sets in Oslo)."""
    if told.get("sentence") == attack.get("sentence"):
        return True  # "... killing 95 in the deadliest attack of its kind": its own sentence
    if told.get("place_name") and told.get("place_name") == attack.get("place_name"):
        return True
    if told.get("date_source") not in _BORROWED and told.get("date_start"):
        return told.get("date_start") == attack.get("date_start")
    return bool(_ids(told["targets"]) & _ids(attack["targets"]))


def _retells(event: dict) -> bool:
    """Whether a mention of the body may be a retelling: one that names no doer ("the
    explosions went off", "the blast killed 12"); a doer named again is an attack of his own
    told in the same words as another ("militants attacked ... militants attacked")."""
    return not event["sources"]


def headline_told_again(
    events: list[dict], headline_sentences: set[int], lead_sentences: int
) -> list[dict]:
    """``events`` with each event of the headline that the lead tells again given the lead's
    code, modality and sides, so that the store merges them into one event (dyad.events.merge):
    "China recalls ambassador from Lithuania" and "China recalled its ambassador from Vilnius
    on Tuesday" are one recall, as a coder records it (audit 31: 18 duplicate lines repeated a
    headline). A headline event retells a lead event (the body's first sentence with an event
    and the ``lead_sentences`` after it: nlp.components.dyad_events.headline_lead_sentences)
    of the same CAMEO code (three digits), whose sides it does not contradict: on each side,
    one of the two names no actor, or they share an actor, or one of the same country and
    sector; of several, the one sharing most actors. Where the lead leaves a side empty that
    the headline fills ("Dutch expel four Russian agents" / "the Netherlands had expelled
    them"), both take the headline's; the headline takes the lead's day where its own was the
    publication's or none, and the lead's place. An attack is one_incident's."""
    if not headline_sentences:
        return events
    body = [e for e in events if e["sentence"] not in headline_sentences]
    if not body:
        return events
    first = min(e["sentence"] for e in body)
    lead = [e for e in body if e["sentence"] <= first + lead_sentences]
    for told in events:
        if told["sentence"] not in headline_sentences or _attack(told):
            continue
        cameo = str(told.get("cameo") or "")[:3]
        fits = [
            e
            for e in lead
            if str(e.get("cameo") or "")[:3] == cameo
            and _agree(told["sources"], e["sources"])
            and _agree(told["targets"], e["targets"])
        ]
        if not fits:
            continue
        shared = _ids(told["sources"]) | _ids(told["targets"])
        news = max(fits, key=lambda e: len(shared & (_ids(e["sources"]) | _ids(e["targets"]))))
        for side in ("sources", "targets"):
            sides = news[side] if _ids(news[side]) else told[side]
            news[side] = [dict(a) for a in sides]
            told[side] = [dict(a) for a in sides]
        for key in (*_CODE, "modality"):
            told[key] = news[key]
        if told.get("date_source") in (None, "publication") and news.get("date_start"):
            for key in _DATE:
                told[key] = news[key]
        if news.get("place_name") or not told.get("place_name"):
            # (a headline's place is a guess from the text's others: the lead's is told)
            for key in _PLACE:
                told[key] = news.get(key)
    return events


def _agree(one: list[dict], other: list[dict]) -> bool:
    """Whether two events' actors on one side may be the same: one names none, or they share
    an actor, or one of the same country and sector."""
    a, b = _ids(one), _ids(other)
    if not a or not b or a & b:
        return True
    # ("Russian opposition" and "the Russian government" are two sides)
    kinds = {(x.get("country"), x.get("sector")) for x in one}
    return any(x.get("country") and (x.get("country"), x.get("sector")) in kinds for x in other)
