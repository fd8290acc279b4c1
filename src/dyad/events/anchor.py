"""When and where an event happened: the date and the place of its own clause.

A temporal expression or toponym belongs to an event's clause when, climbing the parse from
the expression, the first verb reached is one of the event's words (its trigger, the light
verb that carries a nominal event, or the verb it is coordinated with or the complement of),
or the event's noun itself ("the October 2015 attack"). Among several, the closest wins; a
place of a chain of names ("X city, Y governorate, Iraq") gives way to the chain's first
resolved name, its most specific. An event whose clause names no place takes its sentence's
when the sentence names one place, or one chain, only, and it is a town or a site (a country
holding the sentence's other places competes with none of them: "Iraq's Ramadi"); a town
modifying the event's own noun ("Baghdad bombs ... kill 25") is its place even where it was
taken for the doer. An event its sentence does not place either takes its text's one town or
site, however often named; a text naming no town lends its one country, or the one province or
region of that country it names; a text naming two towns, two countries or two provinces lends
nothing. A text naming no place at all but one country by its adjectives ("Islamic State
militants kill 14 Iraqi soldiers") lends that country to an event none of whose sides is of
another country. A reference point ("north of Baghdad") places an event of its own sentence,
roughly, when it is the sentence's only place, and is never lent beyond its sentence; a place qualifying a person ("Texas Governor X") is never lent beyond
its own clause.
An event whose clause names no date takes the publication date when its sentence names no
date either, when the sentence is the text's headline or lead (the body's first sentence: a
news lead reports the news it was published for, "A car bomb exploded near a market in
Mosul", and the headline the lead's news), the text names no date but
relative ones (an incident report: everything in it is told from its publication day), or
the text reports the day's news (see dyad.time.component.news_of_the_day; a dateline naming
the day it was filed says so too); ``date_source``
says so. A text with a date of its own ("in 2003") keeps its later undated sentences undated.
An event whose sentence names a date in another clause takes it where it is the sentence's
one day and nothing sets the two clauses at different times ("opened fire on protesters who
stormed the parliament on Tuesday"; not "a day after ... on Tuesday"): ``date_source``
"sentence". A clause a phrase of its own dates from the story told before it ("hours later",
"the next day") takes the last day the text named before the phrase, or the day after it:
``date_source`` "story".

A target no actor stands for whose head word is a resolved place ("fired shells at Jericho",
"imposed a curfew on Basra") is coded with the place's country, as CAMEO and PLOVER code a
location target; the place stays a place (no actor is made of it).
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..actors.component import names_a_pact
from ..actors.dictionary import capital_cities, capital_names
from ..actors.labels import ACTING_LABELS
from ..actors.names import normalise as normalise_name
from ..nlp.components import dateline_spans, opening_dateline_end
from ..nlp.words import text_of
from ..places.gazetteer import FEATURES, WIDE_FEATURES
from ..time.component import news_of_the_day
from ..time.normalise import MONTH_WORDS, NUMBER_WORDS, normalise
from .modality import modality_words
from .ontology import DETENTIONS, EXPULSIONS
from .patterns import frame_words, head_words, movement_words, target_words
from .rules.readings import attack_verb_read_as_noun
from .rules.vocab import WHERE_PREPS

__all__ = ["BySentence", "anchor_events", "is_dateline", "nearest_in_clause"]

_MAX_CLIMB = 8
#: the most verbs an event's clause words climb through (a participle of a verb joined to
#: another: "In July it captured Amran and stormed the base, killing ...")
_MAX_CLAUSE_CLIMB = 3
#: PLOVER's quad classes of words, not deeds: verbal cooperation (1) and verbal conflict (3)
VERBAL_QUADS = (1, 3)
#: CAMEO codes of visits, made or hosted: the host's place is the setting
VISITS = ("042", "043")
#: verbs of saying (data/modality.tsv, speech)
SPEECH = modality_words()["speech"]
SCHEDULING = modality_words()["scheduling"]


def _clause_words(trigger: Token, cues: list[Token], announced: bool = False) -> set[int]:
    """The words whose dates and places are the event's: its trigger and cues, the verb it
    completes or is joined to ("agreed in 2013 to resettle", "surrounded ... and arrested"),
    the verb a participle with no subject of its own tells a consequence or a manner of ("In
    July it captured Amran, killing the commander"; "In May, Lithuania quit the forum, calling
    it divisive and urging ..."), and the time or place a "when" or "where" clause is of ("the
    riot of Jan. 8, 2023, when his supporters stormed ...", "flown to Dar es Salaam, where
    leaders were meeting"); and, for an intent or a threat (``announced``: an act still to
    come), the verb of saying it is told by, whose day is the day the intent was made known
    ("Fujimori announced on Sunday that he would step down": Sunday)."""
    words = {trigger.i, *(c.i for c in cues)}
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "into"
        and trigger.head.head.pos_ == "VERB"
        and trigger.pos_ == "NOUN"
    ):
        # "a demonstration turned into a battle on Friday", "the protest escalated into
        # clashes on Monday": the noun is what the verb's subject became, in the verb's time
        words.add(trigger.head.head.i)
    node = trigger
    for _ in range(_MAX_CLAUSE_CLIMB):
        head = node.head
        if head.i == node.i or head.pos_ not in ("VERB", "AUX"):
            break
        if node.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in node.children):
            break  # "annexed Crimea in 2014 and has since continued to arm ...": its own time
        if node.dep_ in ("xcomp", "conj") or _subjectless_participle(node):
            words.add(head.i)
            node = head
        else:
            break
    if node.head.i in words and node.head.pos_ in ("VERB", "AUX"):
        node = node.head  # a noun's light verb ("imposed sanctions"): the verb's clause
    if node.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in ("when", "where") for c in node.children
    ):
        words.add(node.head.i)
    elif node.dep_ == "advcl" and (_when_of_a_time(node) or _at_the_time_of(node)):
        # "isolated since last year, when the OAS imposed sanctions": a "when" clause right
        # after a time its verb's clause names, parsed as a clause of that verb, is of it;
        # and any "when" clause is at the time of the clause it hangs on ("In September,
        # nine tourists were killed when attackers struck their bus": September)
        words.add(node.head.i)
    if (
        announced
        and node.dep_ == "ccomp"
        and node.head.lemma_.lower() in SPEECH
        and _told_on(node.head)
    ):
        words.add(node.head.i)
    return words


def _when_of_a_time(clause: Token) -> bool:
    """Whether a clause opens with "when" right after a time and a comma ("since last year,
    when ...", "on Monday, when ...")."""
    when = next((c for c in clause.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None or when.i < 2 or when.i > clause.i:
        return False
    doc = clause.doc
    return doc[when.i - 1].text == "," and doc[when.i - 2].ent_type_ in ("DATE", "TIME")


def _at_the_time_of(clause: Token) -> bool:
    """Whether a clause with a subject of its own opens with "when" and hangs on a verb ("were
    killed when attackers struck their bus"); not "when asked", which has none."""
    return (
        clause.head.pos_ in ("VERB", "AUX")
        and any(
            c.dep_ == "advmod" and c.lower_ == "when" and c.i < clause.i for c in clause.children
        )
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def _local_body(text: str) -> bool:
    """Whether a body's name ends in a noun of a body that sits in its town (data/heads.tsv
    local_body: "the Lahore High Court", "Kabul University"), not of one that meets anywhere
    ("the Lima Group", "the Shanghai Cooperation Organisation", "the Paris Club")."""
    words = text.lower().split()
    return bool(words) and words[-1] in head_words()["local_body"]


def _told_on(verb: Token) -> bool:
    """Whether a verb of saying has a time of its own hung straight on it ("announced on
    Sunday", "said in March", "said Tuesday"), not through another happening ("said after
    Friday's attack": the attack's day)."""
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("on", "in", "at", "during")
            and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
        ):
            return True
    return False


def _subjectless_participle(verb: Token) -> bool:
    """Whether a verb is a participle adjunct with no subject of its own: "..., killing the
    commander" (not "after troops killed", which has one)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
    )


def _distance(root: Token, words: set[int]) -> int | None:
    """Steps from ``root`` up to one of ``words``, or None when another verb comes first."""
    reached = _reach(root, words)
    return None if reached is None else reached[0]


def _reach(root: Token, words: set[int]) -> tuple[int, int] | None:
    """Steps from ``root`` up to one of ``words`` and that word's index, or None when another
    verb comes first."""
    token, steps = root, 0
    while steps <= _MAX_CLIMB:
        if token.i in words:
            return steps, token.i
        if steps and token.pos_ in ("VERB", "AUX"):
            return None
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def nearest_in_clause(
    items: list[dict],
    doc: Doc,
    words: set[int],
    sent,
    own: frozenset[int] = frozenset(),
    own_first: bool = False,
) -> dict | None:
    """Of ``items`` (spans with token_start/token_end) in sentence ``sent``, the one whose
    climb up the parse reaches one of ``words`` in the fewest steps, before any other verb,
    from whichever of its words the parse hangs nearest ("sent a brigade in late 1973 and in
    January this year captured", where "year" hangs on "captured" and "January" on "sent");
    of two as close, the one reaching the event's ``own`` words (its trigger and cues) rather
    than a verb it is joined to ("sent a brigade in late 1973, and in January Iranian forces
    captured": January), then of places the narrowest ("in Iraq's Mosul": Mosul, not
    Iraq). With ``own_first``, one on the event's own words (itself or its preposition's
    object) wins over nearer ones on a verb it is joined to ("shelled Haifa, and the army
    struck targets in Tyre": Tyre; "surrounded the village and arrested 20 men": the
    village; "entered Jenin and arrested militants from Nablus": Jenin)."""
    best, best_steps = None, None
    for item in items:
        if not (sent.start <= item["token_start"] < sent.end):
            continue
        reached = [
            r for t in doc[item["token_start"] : item["token_end"]] if (r := _reach(t, words))
        ]
        if not reached:
            continue
        # (fewest steps first; of as few, one reaching the event's own words)
        # (own first: only a place the event's own verb acts on or is "in", "at", "near" ...,
        # not one that says whose a noun is or where it comes from, "arrested militants from
        # Nablus"; second read)
        root = doc[item["token_start"] : item["token_end"]].root
        while root.dep_ in ("compound", "appos", "conj") and root.head.pos_ == "PROPN":
            root = root.head  # (a name of the place phrase: "in Mosul, Iraq")
        setting = root.dep_ in ("dobj", "nsubjpass", "npadvmod") or (
            root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS
        )
        steps = min(
            ((word not in own or d > 2 or not setting, d) if own_first else (d, word not in own))
            for d, word in reached
        )
        if (
            best_steps is None
            or steps < best_steps
            or (steps == best_steps and _rank(item) > _rank(best))
        ):
            best, best_steps = item, steps
    return best


def _rank(item: dict | None) -> int:
    """How narrow a place is (FEATURES go from the broadest); 0 for anything else."""
    feature = (item or {}).get("feature")
    return FEATURES.index(feature) + 1 if feature in FEATURES else 0


class BySentence:
    """Items (spans with token_start) of a document, found by sentence: each event looks only
    at its own sentence's dates and places, not at the whole document's."""

    def __init__(self, items: list[dict]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda n: items[n]["token_start"])
        self.starts = [items[n]["token_start"] for n in self.order]
        self.found: dict[tuple[int, int], list[dict]] = {}

    def within(self, sent) -> list[dict]:
        """The items starting in ``sent``, in their order in ``items``."""
        key = (sent.start, sent.end)
        if key not in self.found:
            lo = bisect.bisect_left(self.starts, sent.start)
            hi = bisect.bisect_left(self.starts, sent.end)
            self.found[key] = [self.items[n] for n in sorted(self.order[lo:hi])]
        return self.found[key]


def anchor_events(
    doc: Doc,
    events: list[dict],
    triggers: list[tuple[Token, list[Token]]],
    news_day_lag: int,
    dateline_other_towns: int,
) -> None:
    """Fill each event's date_* and place fields in place; ``triggers`` gives each event's
    trigger and cue words; ``news_day_lag`` the most days a story's lead may date its news
    before the publication day (see _news_day); ``dateline_other_towns`` the most towns other
    than its dateline's a text may name and still lend the dateline's town to the events
    nothing else places."""
    times = (doc._.dyad_times if doc.has_extension("dyad_times") else None) or []
    places = (doc._.dyad_places if doc.has_extension("dyad_places") else None) or []
    adjectives = [p for p in places if p["kind"] == "adjective" and p["lat"] is not None]
    # towns named inside a body's name ("the Lahore High Court", "Kabul University")
    seats = [
        p
        for p in places
        if p["kind"] == "embedded" and p["lat"] is not None and p.get("feature") == "city"
    ]
    places = [p for p in places if p["kind"] == "name" and p["lat"] is not None]
    # a text that names no place but one country by its adjective ("Islamic State militants
    # kill 14 Iraqi soldiers") tells that country, and no more, of its events
    lent_country = None if places else _one_country(adjectives)
    # the town the story's dateline names (dyad_places): the place of its events that nothing
    # else places
    filed_from = doc._.dyad_filed_from if doc.has_extension("dyad_filed_from") else None
    if filed_from is not None:
        # a text that sets its story in several other towns is no story of the dateline's
        # town ("SAN SEBASTIAN - ... seized in Eibar ... found near Lasarte-Oria ... rallies
        # in Madrid"): it lends none of them; a capital lends statements too, another town
        # only what was done there ("MINGORA - ... the prime minister condemned": in the
        # capital, not Mingora)
        others = {
            p["place_name"]
            for p in places
            if p.get("feature") not in WIDE_FEATURES and p["place_name"] != filed_from["place_name"]
        }
        if len(others) > dateline_other_towns:
            filed_from = None
    filed_capital = filed_from is not None and (
        capital_cities().get(filed_from["country"]) == filed_from["place_name"]
    )
    # a story of another country filed from home ("WASHINGTON - ... Air force planes
    # attacked rebel positions across the Duarte bridge", a story of the Dominican Republic;
    # review 54's blind comparison): the dateline's town lends its statements only
    abroad = filed_from is not None and _story_abroad(places, adjectives, filed_from)
    published = doc._.dyad_published if doc.has_extension("dyad_published") else None
    # the story's dateline and lead ("NAIROBI, March 1 (Wire) - Kenya and Haiti signed an
    # agreement on Friday ..."), and the one day they name, a day or a few before the
    # publication: the day of the news the text tells (see _news_day), of all its undated
    # news where the dateline names it, else of the violence it tells only
    lead_start = opening_dateline_end(doc)
    datelines = dateline_spans(doc)
    lead = next((s for s in doc.sents if s.start >= lead_start), None)
    # a headline opening the text tells the news of the lead after it: the lead is the body's
    # first sentence, after a dateline of its own if it has one ("Headline\n\nNAIROBI,
    # Sept 22 - Gunmen stormed ...")
    headline = _headline(doc, lead, datelines) if lead is not None and lead_start == 0 else None
    # (the tokens of a dateline opening the text, whose place names no place of the story:
    # "BELGRADE (Reuters) - ... Belgrade does not recognise it")
    dateline_end = lead_start
    if headline is not None:
        lead = next((s for s in doc.sents if s.start >= headline.end), None)
        body_dateline = next((s for s in datelines if s[0] == headline.end), None)
        if body_dateline is not None and body_dateline[1] < len(doc):
            lead_start = body_dateline[1]
            lead = next((s for s in doc.sents if s.start >= lead_start), lead)
    filed = doc[lead_start].idx if 0 < lead_start < len(doc) else 0
    dateline_day = _dateline_day(
        text_of(doc)[headline.end_char if headline is not None else 0 : filed], published
    )
    news_day = _news_day(times, lead, dateline_day, published, news_day_lag, filed)
    # a story whose lead's own news is no force ("Britain on Friday ordered the expulsion",
    # "EU leaders on Monday agreed to shut the airspace") tells that day's decisions and
    # what was said of them: its reactions are of that day too (review 56); reactions to
    # violence or a seizure may come days later ("patrol boats captured an American ship on
    # Tuesday ... Washington demanded its release")
    told_that_day = _lead_news_type(events, triggers, lead) not in (None, "ASSAULT", "COERCE")
    # a text that tells the day's news: a relative day in its headline or first sentences,
    # or a dateline that names the day it was filed ("QUIBDO, May 4 (Wire) -")
    # (not a text a genre label opens, "Analysis: ...": its other sentences are background)
    labelled = _labelled(doc)
    daily = (
        news_of_the_day(doc, times, body=lead.start if lead is not None else 0)
        or dateline_day is not None
    ) and not labelled
    opening = {0, lead.start if lead is not None else 0}
    # the end of the story's opening, its headline and lead: a town named there is the
    # story's, whatever sentence an event is told in
    opening_end = lead.end if lead is not None else 0
    # a dateline whose story's lead names no other town nor any other country's place or
    # people: the story is the dateline town's ("NICOSIA - ... Khomeini insisted that Iran
    # would fight" is a story of Iran's, filed from abroad)
    story_town = (
        filed_from is not None
        and lead is not None
        and not any(
            (p.get("feature") not in WIDE_FEATURES and p["place_name"] != filed_from["place_name"])
            or p.get("country") not in (None, filed_from["country"])
            for p in (*places, *adjectives)
            if lead.start <= p["token_start"] < lead.end
        )
    )
    times_in, places_in = BySentence(times), BySentence(places)
    adjectives_in = BySentence(adjectives)
    # a text that names no date of its own (only ones relative to its publication, or none)
    # tells what happened when it was published: an incident report, a brief
    # (not an analysis or an opinion, "Analysis: ...": its sentences are background)
    undated_text = not any(not t["relative"] for t in times) and not labelled
    # a capital that acts in the text ("Belgrade does not recognise it"), or a town's name
    # that is an organisation's ("Brussels" for the European Union), is an actor, no town to
    # lend the text's other events, nor is a name only guessed to lie in it
    acting_at = {
        m["start"]
        for m in (doc._.dyad_actors if doc.has_extension("dyad_actors") else None) or []
        if m.get("label") == "metonym" and m.get("sector") in ("GOV", "IGO")
    }
    # (unless the text also names it as a place: "Ruto hosted Henry at State House in
    # Nairobi ... Nairobi has offered to send officers")
    named_as_place = {  # (not the dateline's: "BELGRADE (Reuters) - ... Belgrade does not")
        p["place_name"]
        for p in places
        if p["start"] not in acting_at
        and p.get("feature") != "within"
        and p["token_start"] >= dateline_end
    }
    acting = {p["place_name"] for p in places if p["start"] in acting_at} - {None} - named_as_place
    # a state named only where it acts ("Russia expelled two diplomats") still competes with
    # the text's other countries, but is lent to no other event as its setting
    acting_states = _acting_states(doc, places)
    # towns the text lends to none of its events, whichever: one that names a pact ("under
    # the Fourth Geneva Conventions"), one of the text's past, unless the report is filed from
    # it ("SEMIPALATINSK - ... The Semipalatinsk test site was used between 1949 and 1989")
    text_year = _text_year(published, times)
    unlent = {
        p["start"]
        for p in places
        if names_a_pact(doc[p["token_start"] : p["token_end"]])
        or (
            _of_another_year(p, doc, times_in, text_year)
            and not (filed_from and filed_from["place_name"] == p["place_name"])
        )
    }
    mentioned = frozenset(
        i
        for m in (doc._.dyad_actors if doc.has_extension("dyad_actors") else None) or []
        if m.get("label") in ACTING_LABELS
        for i in range(m["token_start"], m["token_end"])
    )
    # the tokens of the text's datelines: where a report was filed is no clause's place ("TYRE,
    # Lebanon - Israeli shells slammed into ... the village of Qana")
    filed_at = {i for start, end in datelines for i in range(start, end)}
    # the events dated by a day their clause names, by the start of their sentence
    dated: dict[int, list[dict]] = {}
    for event, (trigger, cues) in zip(events, triggers, strict=True):
        sent = trigger.sent
        words = _clause_words(trigger, cues)
        # (an intent's day is the day it was made known, its place its own clause's)
        dating = (
            _clause_words(trigger, cues, announced=True) if event["modality"] == "future" else words
        )
        when = nearest_in_clause(
            [
                t
                for t in times_in.within(sent)
                if not _dates_a_thing(doc, t, trigger, dating)
                and not _compared(doc[t["token_start"] : t["token_end"]].root)
                and not _dates_the_attribution(doc, t, trigger)
            ],
            doc,
            dating,
            sent,
            frozenset({trigger.i, *(c.i for c in cues)}),
        )
        event.update(date=None, date_precision=None, date_start=None, date_end=None,
                     date_source=None)  # fmt: skip
        if when is not None:
            event.update(
                date=when["value"], date_precision=when["precision"],
                date_start=when["date_start"], date_end=when["date_end"], date_source="clause",
            )  # fmt: skip
        elif (
            shifted := _shifted_day(_verb_of(trigger, cues), times_in.within(sent), doc, sent)
        ) is not None:
            event.update(date=shifted, date_precision="day", date_start=shifted,
                         date_end=shifted, date_source="clause")  # fmt: skip
        elif (story := _day_of_the_story(times, doc, sent, words)) is not None:
            event.update(date=story, date_precision="day", date_start=story, date_end=story,
                         date_source="story")  # fmt: skip
        elif (period := _period_of_the_story(times, doc, sent, words)) is not None:
            event.update(**period, date_source="story")
        elif (
            sent.start not in opening
            and not times_in.within(sent)
            and event["modality"] in ("asserted", "reported", "claimed")
            and (told := _told_just_before(event, trigger, dated)) is not None
            # (the lead's or the publication's own day: theirs, as below)
            and told not in (news_day, str(published)[:10])
        ):
            # a sentence that goes on telling what the same doers did, in a sentence of no
            # time of its own, right after one that names its day ("Six gunmen attacked
            # tourists on Monday ... They then seized a bus and exchanged fire with police":
            # Monday; review 59), not the lead's nor the publication's
            event.update(date=told, date_precision="day", date_start=told, date_end=told,
                         date_source="story")  # fmt: skip
        elif (
            (daily or sent.start in opening or undated_text)
            and published
            and (
                event["modality"] in ("asserted", "reported", "claimed", "negated")
                or _announced(event)
            )
            and not any(_may_time(doc, t, trigger) for t in times_in.within(sent))
            and not _measured_shift(_verb_of(trigger, cues))
            and not (
                sent.start not in opening
                and (
                    _standing(trigger, perfect=not undated_text)
                    or (not undated_text and _habitual(_verb_of(trigger, cues), event))
                )
            )
            and not (
                _told_from_the_story(sent)
                and _story_told_earlier(times, sent, published, news_day_lag)
            )
            # what had happened came before the news, in the lead too, in a text that tells
            # any day ("New Zealand on Monday refused the visit. The United States had asked
            # for it"; a report that tells no time at all tells its incident's steps so), but
            # not what it says happened earlier that day ("had fired rockets earlier in the
            # day", "hours earlier"), nor violence told of those the day's news is about, an
            # earlier step of its incident ("30 men who had attacked a checkpoint retreated
            # into the mosque": a blind review of review 43 preferred the day)
            and not (
                times
                and _past_perfect(trigger)
                and not _earlier_that_day(trigger)
                and not (event.get("type") == "ASSAULT" and trigger.dep_ == "relcl")
            )
        ):
            # (a lead's day no dateline names is the day of its violence, not of the reactions
            # told after it, which may come a day later: "Gunmen ambushed a convoy on Monday
            # ... Trump said", published on Tuesday)
            # (the headline tells the lead's news, whatever its kind)
            lends = news_day and (
                news_day == dateline_day
                or event.get("type") == "ASSAULT"
                # (not a reaction told in the present or the present perfect, "Iranian
                # officials reject the charge", "Russia has denied the allegations", nor what
                # is to come, "Kyiv will host the talks": the publication day's)
                or (told_that_day and _told_in_the_past(_verb_of(trigger, cues), event))
                or (headline is not None and sent.start == headline.start)
            )
            day = news_day if lends else str(published)[:10]
            if not lends and dateline_day is not None and dateline_day < day:
                # a report filed on a day its dateline names tells nothing later ("SEOUL, Jan
                # 24 - ... Washington demanded the release", published on the 25th)
                day, lends = dateline_day, True
            event.update(date=day, date_precision="day", date_start=day, date_end=day,
                         date_source="lead" if lends else "publication")  # fmt: skip
        elif (
            same := _the_sentence_s_day(times_in.within(sent), doc, _verb_of(trigger, cues))
        ) is not None:
            event.update(
                date=same["value"], date_precision="day", date_start=same["date_start"],
                date_end=same["date_end"], date_source="sentence",
            )  # fmt: skip
        if event["date_source"] == "clause" and event["date_precision"] == "day":
            dated.setdefault(sent.start, []).append(event)
        # a source that names no actor ("the Mosul campaign") is no town that acts, and the
        # state that expels ("expelled from Russia") or holds someone ("arrested in Lebanon")
        # is where it happens
        expels = str(event.get("cameo") or "")[:3] in EXPULSIONS + DETENTIONS
        actor_spans = [
            (a["start"], a["end"]) for a in event["sources"] if a.get("actor") and not expels
        ]
        owners = [(a["start"], a["end"], a["country"]) for a in event["targets"] if a["country"]]
        # whom a statement is about or addressed to is not where it was made ("Kurti accused
        # Serbia", "Lai urged China", "warned Israel"); a visit's host is ("visited Kyiv")
        verbal = event.get("quad") in VERBAL_QUADS and str(event.get("cameo")) not in VISITS
        # (nor is the state a sanction is imposed on: "imposes sanctions on India", done
        # from Washington)
        addressed = (
            [
                (a["start"], a["end"])
                for a in event["targets"]
                if a.get("actor") and not _venue(doc, a["start"], a["end"])
            ]
            if verbal or str(event.get("cameo") or "").startswith(SANCTIONS)
            else []
        )
        # (nor is a capital the statement's own verb is made "to": "protested to Moscow",
        # "appealed to Paris"; not "flew to Ankara and warned Erdogan")
        own = {trigger.i, *(c.i for c in cues)}
        located = [
            p
            for p in places_in.within(sent)
            if _setting(p, doc, actor_spans + addressed, words, mentioned)
            and not _owner(p, doc, owners, words)
            and not (verbal and _destination(p, doc, own))
            and p["token_start"] not in filed_at
            # (nor is a capital that acts in the sentence as a verb's subject, another event's
            # side: "Washington asked Moscow to release them" happens nowhere named)
            and not (
                p["start"] in acting_at
                and not expels  # (the state that expels or holds is where it happens)
                and _a_verbs_subject(doc[p["token_start"] : p["token_end"]].root)
            )
        ]
        where = nearest_in_clause(located, doc, words, sent, frozenset(own), own_first=True)
        borrowed = where is None
        if borrowed:
            # (a capital that acts in another clause of the sentence is no place it lends:
            # "ordered sanctions against India, hours after New Delhi carried out tests";
            # "Hindu militants tear down Ayodhya mosque, New Delhi dismisses state government",
            # datelined AYODHYA; the text's towns and its dateline may still place the event;
            # nor is a thing named within a town, "the Fourth Geneva Convention", one it lends)
            where = _sentence_place(
                [
                    p
                    for p in located
                    if p["start"] not in acting_at
                    and p.get("feature") != "within"
                    and not _on_the_way(p, doc)  # another's journey: "on his way to Hanoi"
                    # nor where another doer's clause beside it is set ("Rhee met his cabinet,
                    # and Muccio reported the invasion to Washington"; a headline's "gunman
                    # kills 29 in Hebron mosque; PLO suspends talks": review 51)
                    and not _of_another_doers_clause(p, doc, trigger)
                ]
            )
        if where is not None and where.get("chain") is not None:
            # "in Sadr City neighborhood, Baghdad city, Baghdad governorate": the most specific
            # name of the chain the gazetteer resolved
            where = next(p for p in located if p.get("chain") == where["chain"])
        if borrowed and where is not None and where.get("feature") in WIDE_FEATURES:
            where = None  # a sentence's province or country alone: the text's places decide
        if where is None:
            # a body whose name holds its town does what it does there ("sentenced to death
            # ... by the Lahore High Court": in Lahore)
            where = next(
                (
                    p
                    for p in seats
                    for a in event["sources"]
                    if a.get("actor")
                    and a["start"] <= p["start"] < p["end"] <= a["end"]
                    and _local_body(a["text"])
                ),
                None,
            )
        own_place = where is not None  # of the event's clause, its sentence or its doer
        if where is None:
            where = _document_place(
                [
                    p
                    for p in places
                    if _setting(p, doc, actor_spans + addressed, words, mentioned)
                    and not _reference(p, doc)
                    and p["start"] not in acting_at
                    and p.get("place_name") not in acting
                    and not _destination(p, doc)
                    and p["start"] not in unlent
                ]
            )
            here = {p.get("country") for p in places_in.within(sent)}
            if where is not None and _acts_from_abroad(event, where, here):
                where = None  # "Lithuania pressed for sanctions" in a text about Minsk
            if (
                where is not None
                and (
                    labelled
                    # a datelined report's town of another country than the dateline's, named
                    # first in a later paragraph, is where an earlier part of the story
                    # happened (review 42: "DAKAR - Police arrested Habre ...", a later
                    # paragraph's "cells in N'Djamena" placed the arrest in Chad)
                    or (
                        filed_from is not None and where.get("country") != filed_from.get("country")
                    )
                )
                and not where.get("lent_by_towns")
                and _first_named_in_a_later_paragraph(where, places, doc, sent, opening_end)
            ):
                # in an analysis or an opinion (a genre label opens it), a town the text names
                # first in a paragraph after the event's and after its opening is where a
                # later part of the story happened, not the setting of what it told before
                # (review 41: an analysis of Bougainville's war naming Christchurch, where the
                # peace was signed, only in its fourth paragraph); a report's second paragraph
                # often names the town of its lead ("MAIDUGURI - ... killed 30 people ...
                # The fighters attacked the village of Kukawa"), and an incident report's last
                # sentence the area ("one of four attacks on villages around Ramadi")
                where = None
            if (
                where is not None
                and where.get("lent_by_towns")
                and where["country"]
                not in {a.get("country") for a in (*event["sources"], *event["targets"])}
            ):
                where = None  # the Senate's sanctions are not in Iraq for Baghdad and Basra
            if where is not None and where.get("place_name") in acting_states:
                where = None  # ECOWAS's border closure is not in Russia, which expelled
        if (
            filed_from is not None
            and not own_place
            and trigger.i >= filed_from["token_end"]
            # (not what may only happen, nor what happened in a year before the report's:
            # "the Mahdi Army fought US forces in 2003" in a Basra story of 2018)
            and event["modality"] not in ("hypothetical", "future")
            and not _of_an_earlier_year(event, published)
            and (
                where is None
                or (
                    where.get("feature") in WIDE_FEATURES
                    and where.get("country") == filed_from["country"]
                )
                or (
                    story_town
                    and where.get("feature") not in WIDE_FEATURES
                    and _only_a_modifier(where, places, doc)
                )
            )
        ):
            # the town the report was filed from, for an event no clause, sentence or lone
            # town of the text places, or only in the town's own country ("ABIDJAN, Ivory
            # Coast - Forces captured Gbagbo"), or only by another town the text names only
            # as a modifier of a thing, where the lead names no town (audit 35: "BESLAN - ...
            # a bombing outside a Moscow metro station", "BAMAKO - ... the Kati military
            # base"; not "MAIDUGURI - ... killed 30 people. The fighters attacked the village
            # of Kukawa", where the story's town is named further down): where the story
            # happened, unless its sentence names another country's places or people ("BEIRUT
            # - Syrian warplanes bombed a hospital"), its named sides are all of other
            # countries ("PARIS - Israeli troops raided Jenin"), or its doers act from abroad
            here = {
                p.get("country") for p in (*places_in.within(sent), *adjectives_in.within(sent))
            } - {None}
            sides = _side_countries(event)
            if (
                (not here or filed_from["country"] in here)
                and (not sides or filed_from["country"] in sides)
                and (
                    _done_from_afar(event)
                    if abroad
                    else (filed_capital or not _done_from_afar(event))
                )
                and not _acts_from_abroad(event, filed_from, here)
            ):
                where = filed_from
        if where is None and lent_country is not None:
            # (not to an event a side of another country does or suffers: "Mali's junta
            # expelled the French ambassador" is no event in France, "Israeli jets struck
            # Hezbollah" none in Israel; probe and second read, session 41)
            others = _side_countries(event) - {lent_country["country"]}
            where = None if others else lent_country
        if where is not None and "token_start" in where and _speakers_capital(where, doc, trigger):
            where = None  # ("Officials in Dushanbe said the general had been killed")
        _code_place_targets(doc, event, places_in.within(sent))
        event.update(place_name=None, place_text=None, lat=None, lon=None, place_country=None)
        if where is not None:
            event.update(
                place_name=where["place_name"], place_text=where["text"], lat=where["lat"],
                lon=where["lon"], place_country=where["country"],
            )  # fmt: skip


#: prepositions whose dated thing frames the clause they hang on ("during the 1991-1995 war")
TIME_FRAMES = frozenset({"during", "throughout", "amid", "amidst", "at", "on"})
#: words that set a clause at another time than the clause it hangs on ("a day after
#: Azerbaijan launched", "since taking office", "before the vote")
TIME_SHIFTS = frozenset({"after", "before", "since", "until", "till", "following", "prior",
                         "ahead", "ago", "earlier", "later", "previously"})  # fmt: skip


def _acting_states(doc: Doc, places: list[dict]) -> set[str]:
    """The states the text names by their names only where they act: the active subject of a
    verb, or the agent of a passive ("Russia expelled two diplomats", "was attacked by Iran"),
    and never as a place ("in Russia", "attacked Iraq", "sanctions on Russia", nor the host
    of what happens there: "Iraq hosted talks", data/movement.tsv hosting). Such a state is
    an actor of the text, not a setting it lends its other events."""
    hosting = movement_words()["hosting"]
    acting: set[str] = set()
    for m in (doc._.dyad_actors if doc.has_extension("dyad_actors") else None) or []:
        if m.get("label") not in ("name", "place") or m.get("kind") != "state":
            continue
        root = doc[m["token_start"] : m["token_end"]].root
        agent = root.dep_ == "pobj" and root.head.dep_ == "agent"  # "was attacked by Iran"
        verb = root.head.head if agent else root.head
        if (root.dep_ == "nsubj" or agent) and verb.lemma_.lower() not in hosting:
            acting.add(m["start"])
    named = {p.get("place_name") for p in places if p["start"] in acting} - {None}
    return named - {p.get("place_name") for p in places if p["start"] not in acting}


def _acts_from_abroad(event: dict, place: dict, here: set | frozenset = frozenset()) -> bool:
    """Whether a statement or a sanction (acts done from afar) has named doers all of other
    countries than a town the text lends it: a state speaks and sanctions from its own ground
    unless its clause or sentence says otherwise, so the one town of a text about Belarus is
    not where Lithuania did so (a body of no country, the UN, may speak anywhere). Any other
    act of named doers, force too, is done where it lands or where its doers are: on the
    ground of one of its sides ("Israeli troops arrested ten men" in a text about Jenin was
    there) or in a country its sentence names (``here``: the countries of the sentence's
    places)."""
    cameo = str(event.get("cameo") or "")
    doers = {a.get("country") for a in event["sources"] if a.get("actor")} - {None, ""}
    if _done_from_afar(event):
        return bool(doers) and place.get("country") not in doers
    # any other act is done where one of its sides is: a text's one town abroad is not where
    # Mugabe resigned (audit 22: "In London, May said ..." in a text datelined Harare), nor
    # where Myanmar's soldiers burned villages (a blog naming Geneva). An unknown doer may be
    # anywhere (foreign victims are no sign they were abroad: "five people, including
    # Iranian pilgrims, were killed"), force on no one of a country lands anywhere ("Russian
    # jets bombed a hospital" in a text about Aleppo), and a country the event's own
    # sentence names is one it may be in
    done_to = {a.get("country") for a in event["targets"] if a.get("actor")} - {None, ""}
    if cameo[:2] in ("18", "19", "20") and not done_to:
        return False
    return bool(doers) and place.get("country") not in doers | done_to | set(here)


#: the CAMEO root of reduced relations, sanctions and embargoes (163), expulsions and halted
#: talks: done from afar to the state they target
SANCTIONS = "16"


def _story_abroad(places: list[dict], adjectives: list[dict], filed_from: dict) -> bool:
    """Whether a text names another country's places and people more often than those of
    the country its dateline's town is in: a story of abroad, filed from home."""
    counts = Counter(p.get("country") for p in (*places, *adjectives) if p.get("country"))
    top = counts.most_common(1)
    return (
        bool(top)
        and top[0][0] != filed_from["country"]
        and (top[0][1] > counts[filed_from["country"]])
    )


def _of_an_earlier_year(event: dict, published) -> bool:
    """Whether an event ended more than a year before its text's publication ("in 2003" in a
    story of 2018; not "on Thursday", 29 December, in one of 2 January)."""
    try:
        end = date.fromisoformat(str(event.get("date_end") or "")[:10])
        day = date.fromisoformat(str(published or "")[:10])
    except ValueError:
        return False
    return (day - end).days > 365


def _speakers_capital(place: dict, doc: Doc, trigger: Token) -> bool:
    """Whether a toponym is the capital its speakers are in, and the event is what they say
    ("Officials in Dushanbe said the general had been killed": killed outside Khorog, review
    53; not where they said it, nor a town's own police: "Police in Mosul said a bomb
    exploded", most often there)."""
    root = doc[place["token_start"] : place["token_end"]].root
    prep = root.head
    speaker = prep.head
    verb = speaker.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and speaker.dep_ == "nsubj"
        and verb.lemma_.lower() in SPEECH
        and trigger.i != verb.i
        and trigger in verb.subtree
        and capital_cities().get(place.get("country") or "") == place.get("place_name")
    )


def _side_countries(event: dict) -> set[str]:
    """The countries of an event's sides that name an actor."""
    return {
        a["country"]
        for a in (*event["sources"], *event["targets"])
        if a.get("actor") and a.get("country")
    }


def _done_from_afar(event: dict) -> bool:
    """Whether an event is an act done from afar: a statement (PLOVER's verbal quads) or a
    sanction (CAMEO 16, 163 too)."""
    return event.get("quad") in VERBAL_QUADS or str(event.get("cameo") or "").startswith(SANCTIONS)


def _venue(doc: Doc, start: int, end: int) -> bool:
    """Whether a target's words are where something took place ("attending the summit in
    Bangkok"), the object of "in" or "at"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (
        span is not None
        and len(span) > 0
        and span.root.dep_ == "pobj"
        and span.root.head.lower_ in ("in", "at")
    )


def _the_sentence_s_day(times: list[dict], doc: Doc, trigger: Token) -> dict | None:
    """The day another clause of the event's sentence names, for an event whose own clause
    names none, where the sentence names one day and no other date, and nothing on the way
    between the two clauses sets one at another time: "Kenyan police opened fire on
    protesters who stormed the parliament on Tuesday", "Ottawa said on Monday it had
    expelled a diplomat" (not "a day after Azerbaijan launched an offensive on Tuesday", nor
    "who was elected in 2016", a year)."""
    if not times or any(t["precision"] != "day" for t in times):
        return None
    if _told_aside(trigger):
        return None
    if len({t["value"] for t in times}) != 1:
        return None
    root = doc[times[0]["token_start"] : times[0]["token_end"]].root
    if _scheduled(root, trigger):
        return None  # "to disrupt a referendum planned for June 27": the referendum's day
    return None if _apart_in_time(root, trigger) else times[0]


def _scheduled(time: Token, trigger: Token) -> bool:
    """Whether a day hangs on a verb of scheduling other than the event's own word ("a
    referendum planned for June 27", "the vote set for Sunday"): the day of what is
    planned (data/modality.tsv scheduling)."""
    for token in time.ancestors:
        if token.i == trigger.i:
            return False
        if token.pos_ in ("VERB", "AUX", "ADJ"):
            # a thing planned, set or due ("planned for June 27", "a vote due on Sunday"), not
            # a doer's act ("who set fire to a police station on Thursday")
            planned = (token.tag_ == "VBN" and token.dep_ == "acl") or any(
                c.dep_ == "auxpass" for c in token.children
            )
            return (planned and token.lemma_.lower() in SCHEDULING) or (
                token.lower_ == "due" and token.dep_ in ("amod", "acl", "acomp")
            )
    return False


#: a day of a month as a dateline writes it ("Aug 20", "Dec. 7", "7 December")
_MONTH_NAME = "(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + ")"
_DATELINE_DAY = re.compile(
    rf"\b(?:{_MONTH_NAME}\.? \d{{1,2}}|\d{{1,2}} {_MONTH_NAME})\b", re.IGNORECASE
)


#: the most tokens of a headline the parser cut at a stop inside it ("Analysis: Israel and
#: Hezbollah stop shooting. The truce now has to survive the Litani test")
HEADLINE_TOKENS = 40


def _headline(doc: Doc, first, datelines: list[tuple[int, int]]):
    """The text's headline: its first sentence where that is a headline (``_is_headline``),
    else its whole first line where the parser cut that line at a stop inside it and the
    line is short and has no closing stop ("Analysis: X stop shooting. | The truce now has to
    survive the test"), or a dateline opens the next line, whatever stops the line has
    ("Analysis: X drinks from the chalice. Can the war end? | NICOSIA (Reuters) - ..."): the
    headline is the line, not its first half; None for none."""
    if _is_headline(first):
        return first
    end = first.start
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if end >= len(doc) or end > HEADLINE_TOKENS or end <= first.end:
        return None
    if any(start in (end, end + 1) for start, _ in datelines):
        return doc[first.start : end + (not doc[end].text.strip())]
    line = doc[first.start : end]
    return line if _is_headline(line) else None


def _is_headline(sent) -> bool:
    """Whether the text's first sentence is a headline: a line of its own (a line break after
    it) with no closing stop."""
    text = sent.text
    words = text.strip().rstrip("\"'\u201d\u2019)")
    after = text_of(sent.doc)[sent.end_char : sent.end_char + 1]
    ends_line = "\n" in text[len(text.rstrip()) :] or after == "\n"
    return bool(words) and ends_line and words[-1] not in ".!?…"


@cache
def genre_labels() -> frozenset[str]:
    """The labels that open the headline of an analysis or an opinion (data/genres.tsv)."""
    text = resources.files("dyad.events").joinpath("data", "genres.tsv").read_text("utf-8")
    return frozenset(
        " ".join(line.lower().split())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def _labelled(doc: Doc) -> bool:
    """Whether the text opens with a genre label and a colon or a wire's hyphen ("Analysis:
    ...", "ANALYSIS-...")."""
    found = re.match(r"\s*([A-Za-z&+ ]{2,30}?)\s*(?::|-(?=\S))", text_of(doc)[:40])
    return found is not None and " ".join(found.group(1).lower().split()) in genre_labels()


def _dateline_day(dateline: str, published) -> str | None:
    """The day an opening dateline names ("LIMA, Dec 7 (Wire) -": the 7th of December before
    the publication), else None."""
    found = _DATELINE_DAY.search(dateline) if dateline and published else None
    if found is None:
        return None
    try:
        value = normalise(found.group(), date.fromisoformat(str(published)[:10]))
    except ValueError:
        return None
    return value.value if value is not None and value.precision == "day" else None


def _announced(event: dict) -> bool:
    """Whether a future event is an announcement made when it was told: an intent to
    cooperate (CAMEO 03) or a threat (13) is the statement of it ("pledged to help",
    "threatened to retaliate"), which happened, as PLOVER codes it, whatever it promises; an
    undated one takes the publication (or lead) day as asserted events do. A day its own
    clause names stays its day ("will meet Xi next month": the clause's month)."""
    return event["modality"] == "future" and str(event.get("cameo") or "")[:2] in ("03", "13")


def _told_in_the_past(verb: Token, event: dict) -> bool:
    """Whether a verb tells a past act in the simple past ("condemned", "was arrested"): not
    the present ("reject"), the present perfect ("has denied") nor a future or a modal ("will
    host", "could meet")."""
    if event.get("modality") in ("future", "hypothetical") or verb.tag_ in ("VBZ", "VBP"):
        return False
    return not any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ in ("has", "have"))
        for c in verb.children
    )


def _lead_news_type(events: list[dict], triggers, lead) -> str | None:
    """The type of the event the lead's main verb tells ("Britain on Friday ordered the
    expulsion", "the government blamed the ELN"): the verb itself, or a verb or noun it
    takes for its object or complement; None where the lead has none."""
    if lead is None:
        return None
    root = lead.root
    for event, (trigger, cues) in zip(events, triggers, strict=True):
        if root in (trigger, *cues) or (
            trigger.head.i == root.i and trigger.dep_ in ("xcomp", "dobj", "ccomp")
        ):
            return event.get("type")
    return None


def _news_day(
    times: list[dict], lead, filed: str | None, published, lag: int, body: int = 0
) -> str | None:
    """The day of the news a text tells, where its publication day is not: the one day its
    dateline and lead name ("LIMA, Dec 7 (Wire) - Peru's Congress voted on Wednesday ...",
    published on the 8th; ``filed``, the dateline's day, the day the report was filed, else
    None), when it is at most ``lag`` days before the publication. None otherwise (the
    publication day is the news day)."""
    if lead is None or not published:
        return None
    # (the dateline's own date, before ``body``, the character the story starts at, is
    # ``filed``: "GARISSA, April 3 (Wire) - Gunmen stormed ... on Thursday", published on
    # the 3rd, names Thursday only)
    days = {
        t["value"] for t in times if body <= t["start"] < lead.end_char and t["precision"] == "day"
    }
    if filed is not None and filed < str(published)[:10]:
        days.add(filed)  # (a dateline of the publication day is no other day)
    if len(days) != 1:
        return None
    (day,) = days
    try:
        days_before = (date.fromisoformat(str(published)[:10]) - date.fromisoformat(day)).days
    except ValueError:
        return None
    return day if 0 < days_before <= lag else None


#: units of a span of time that sets one clause apart from another ("two weeks after")
SHIFT_UNITS = frozenset({"day", "week", "month", "year", "decade"})


#: types a reaction told in the present is the day's news in ("Officials reject the
#: allegations", "Rebels demand talks"), unless a relative clause tells it as a standing one
NEWS_IN_THE_PRESENT = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST"})


#: adverbs of a standing state or a habit (data/modality.tsv, durative)
DURATIVE = modality_words()["durative"]


def _standing(trigger: Token, perfect: bool) -> bool:
    """Whether an event is told as background rather than the day's news: in a clause a
    durative adverb marks, its own or one it is the complement of ("has long accused Damascus
    of hosting Ocalan", "has always denied sheltering"), or, where ``perfect`` (a text with
    dates of its own: an incident report tells the steps of its incident so), in the past
    perfect (_past_perfect)."""
    return _in_its_clauses(trigger, _durative) or (perfect and _past_perfect(trigger))


def _past_perfect(trigger: Token) -> bool:
    """Whether an event is told in the past perfect, its own clause's or one it is the
    complement of ("had appealed to Arab states", "had asked for the visit"; not one a report
    puts back: "said it had expelled")."""
    return _in_its_clauses(
        trigger,
        lambda verb: (
            any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
            and not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH)
        ),
    )


def _earlier_that_day(verb: Token) -> bool:
    """Whether a verb is said to come earlier the same day ("earlier in the day", "hours
    earlier", "earlier on Tuesday")."""
    for word in verb.subtree:
        if word.lower_ != "earlier" or word.dep_ == "amod":
            continue  # (not "over an earlier plot": a thing's, no time of the verb's)
        above = next((t for t in word.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if above is not None and above.i == verb.i:  # (the parse may hang it on a noun)
            return True
    return False


def _durative(verb: Token) -> bool:
    return any(
        c.dep_ == "advmod"
        and c.lower_ in DURATIVE
        and not any(g.lower_ == "as" for g in c.children)  # "as long as": a condition
        for c in verb.children
    )


def _in_its_clauses(trigger: Token, marked: Callable[[Token], bool]) -> bool:
    """Whether ``marked`` holds of the trigger's clause or one it is the complement of."""
    verb = trigger
    for _ in range(4):
        if marked(verb):
            return True
        if (
            verb.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj")
            or verb.head.i == verb.i  # (spaCy makes a new Token on each access)
        ):
            break
        verb = verb.head
    return False


def _habitual(verb: Token, event: dict) -> bool:
    """Whether a verb in the simple present tells a standing state or habit, not the day's
    news ("Iran backs Hezbollah", "a plan the Polisario rejects"): a present-tense verb with
    no auxiliary that is no verb of saying ("Iran says" is news), of a relative clause or of
    no reaction ("Officials reject the allegations" is news)."""
    return (
        verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_.lower() not in SPEECH
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and (verb.dep_ == "relcl" or event.get("type") not in NEWS_IN_THE_PRESENT)
    )


def _measured_shift(verb: Token) -> bool:
    """Whether the clause of ``verb`` is set a measured time before or after the one it hangs
    on ("the coup came two weeks after the court removed her", "days before the vote was
    held"): its day is not the news day, whatever day the text was published."""
    for marker in (c for c in verb.children if c.dep_ == "mark"):
        # (a clause's marker: "two weeks after" with a noun, "a week after the vote", sets
        # the vote apart, not the verb it hangs on)
        if marker.lower_ not in ("after", "before"):
            continue
        spans = [c for c in (*verb.children, *marker.children) if c.dep_ == "npadvmod"]
        if any(c.lemma_.lower() in SHIFT_UNITS for c in spans):
            return True
    return False


def _told_just_before(event: dict, trigger: Token, dated: dict[int, list[dict]]) -> str | None:
    """The day of an event the sentence right before the event's names in its own clause
    ("on Monday"), when the two have a doer in common: what the text tells next of them
    (``dated``: the events dated by their clause, by the start of their sentence)."""
    own = {a["actor"] for a in event["sources"] if a.get("actor")}
    sent = trigger.sent
    if not own or sent.start == 0:
        return None
    before = trigger.doc[sent.start - 1].sent
    if "\n" in trigger.doc[before.end - 1 : sent.start + 1].text_with_ws:
        return None  # (a new paragraph starts a new step of the story)
    days = {
        e["date"]
        for e in dated.get(before.start, ())
        if own & {a["actor"] for a in e["sources"] if a.get("actor")}
    }
    return next(iter(days)) if len(days) == 1 else None


def _shifted_day(verb: Token, times: list[dict], doc: Doc, sent) -> str | None:
    """The day of a clause set a count of days after or before the clause it hangs on, where
    that clause names its day ("left office on Tuesday, a day after militants killed 58
    tourists": Monday; "met on Saturday, two days after troops seized the colony":
    Thursday); None where the shift is not counted in days or the other clause names no
    day."""
    for marker in (c for c in verb.children if c.dep_ == "mark"):
        if marker.lower_ not in ("after", "before"):
            continue
        unit = next(
            (
                c
                for c in (*verb.children, *marker.children)
                if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"
            ),
            None,
        )
        if unit is None or verb.dep_ != "advcl":
            return None
        counts = [c for c in unit.children if c.dep_ in ("nummod", "det")]
        word = counts[0].lower_ if len(counts) == 1 else ""
        days = (
            int(word) if word.isdigit() else 1 if word in ("a", "one") else _EXACT_COUNTS.get(word)
        )
        head = verb.head
        when = nearest_in_clause(
            [t for t in times if not (verb.left_edge.i <= t["token_start"] <= verb.right_edge.i)],
            doc,
            _clause_words(head, []),
            sent,
            frozenset({head.i}),
        )
        if days is None or when is None or when["precision"] != "day":
            return None
        day = date.fromisoformat(when["date_start"])
        return str(day - timedelta(days) if marker.lower_ == "after" else day + timedelta(days))
    return None


def _story_phrases(kind: str, alone: bool = False) -> re.Pattern[str]:
    """The phrases of a kind of data/modality.tsv, longest first, as one pattern; ``alone``:
    where no word follows them but after a comma or a stop ("the day before," but not "the
    day before the election")."""
    phrases = sorted(modality_words()[kind], key=len)[::-1]
    end = r"(?=\s*[,.;]|\s*$)" if alone else r"\b"
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")" + end, re.I)


#: phrases that date a clause from the happening told before it, not from the publication
#: (data/modality.tsv, from_the_story: "was recaptured within hours", "the next day")
_FROM_THE_STORY = _story_phrases("from_the_story")


#: phrases that put a clause on the day of the story told before it, or the day after it
#: (data/modality.tsv, same_day_as_the_story and day_after_the_story)
_STORY_DAYS = (
    (_story_phrases("same_day_as_the_story"), 0),
    (_story_phrases("day_after_the_story"), 1),
    (_story_phrases("day_before_the_story", alone=True), -1),
)
#: a count of days or weeks before "later" or "earlier" ("two days later", "a week earlier"):
#: that many from the day of the story told before it, not from the publication
#: (exact counts only: "several days later" names no day)
_EXACT_COUNTS = {w: n for w, n in NUMBER_WORDS.items() if w not in ("several", "a few", "few")}
_COUNTED_SHIFT = re.compile(
    r"\b(?P<n>" + "|".join(sorted(_EXACT_COUNTS, key=len, reverse=True)) + r"|\d{1,2}) "
    r"(?P<unit>day|week)s? (?P<way>later|earlier)\b",
    re.I,
)


def _phrase_in_clause(doc: Doc, sent, found: re.Match[str], words: set[int]):
    """The span of a phrase ``found`` in ``sent``'s text, where it hangs on the clause of
    ``words`` (no other verb comes first); else None."""
    span = doc.char_span(
        sent.start_char + found.start(), sent.start_char + found.end(), alignment_mode="expand"
    )
    return None if span is None or _distance(span.root, words) is None else span


def _day_of_the_story(times: list[dict], doc: Doc, sent, words: set[int]) -> str | None:
    """The day of a clause that a phrase of its own dates from the story told before it:
    "Lavrov on Friday recommended ... Hours later, Putin overruled him" (that Friday), "the
    next day" (the day after it), "two days later" (two after it): the last day the text
    names before the phrase, a day and not a month or a year. None where the phrase hangs on another clause ("police, who
    arrived hours later, said ...") or the text names no day before it."""
    shifts = [(m, _counted_days(m)) for m in _COUNTED_SHIFT.finditer(sent.text)]
    shifts += [(m, shift) for pattern, shift in _STORY_DAYS for m in pattern.finditer(sent.text)]
    for found, shift in shifts:
        span = _phrase_in_clause(doc, sent, found, words)
        if span is None:
            continue
        # (the last day named before the phrase, in its own sentence too: "Rebels, who
        # attacked the town on Wednesday, were shelled hours later")
        before = [t for t in times if t["start"] < span.start_char]
        if not before:
            return None
        last = max(before, key=lambda t: t["start"])
        if last["precision"] != "day":
            return None
        try:
            return (date.fromisoformat(str(last["value"])[:10]) + timedelta(days=shift)).isoformat()
        except ValueError:
            return None
    return None


#: phrases that put a clause in the year or the month of the story told before it, or the
#: one after or before it (data/modality.tsv): (pattern, "year" or "month", shift)
_STORY_PERIODS = (
    (_story_phrases("same_year_as_the_story"), "year", 0),
    (_story_phrases("year_after_the_story"), "year", 1),
    (_story_phrases("year_before_the_story"), "year", -1),
    (_story_phrases("same_month_as_the_story"), "month", 0),
    (_story_phrases("month_after_the_story"), "month", 1),
)


#: a count of years or months before "later" or "earlier" ("two years later")
_COUNTED_PERIOD = re.compile(
    r"\b(?P<n>" + "|".join(sorted(_EXACT_COUNTS, key=len, reverse=True)) + r"|\d{1,2}) "
    r"(?P<unit>year|month)s? (?P<way>later|earlier)\b",
    re.I,
)


def _period_of_the_story(times: list[dict], doc: Doc, sent, words: set[int]) -> dict | None:
    """The year or the month of a clause that a phrase of its own dates from the story told
    before it ("The following year, Britain expelled ...", "toured South Africa that year",
    "later that month"): the year (or month) of the last date the text names before the
    phrase, of a precision that holds it, or the one after or before it, as date fields.
    None where the phrase hangs on another clause or no such date comes before it."""
    counted = [
        (m, m["unit"].lower(), _counted(m)) for m in _COUNTED_PERIOD.finditer(sent.text)
    ]  # "two years later", "three months earlier"
    periods = [(m, unit, shift) for pattern, unit, shift in _STORY_PERIODS
               for m in pattern.finditer(sent.text)]  # fmt: skip
    for found, unit, shift in counted + periods:
        span = _phrase_in_clause(doc, sent, found, words)
        if span is None:
            continue
        before = [
            t
            for t in times
            if t["start"] < span.start_char
            and t["precision"] in (("day", "month", "year") if unit == "year" else ("day", "month"))
            and t.get("date_start")
        ]
        if not before:
            return None
        last = max(before, key=lambda t: t["start"])
        if _another_story_step(text_of(doc)[last["end"] : span.start_char]):
            return None  # ("Two years later, ... A year later, ...": of a year not named)
        start = date.fromisoformat(str(last["date_start"])[:10])
        if unit == "year":
            year = start.year + shift
            return {"date": f"{year:04d}", "date_precision": "year",
                    "date_start": f"{year:04d}-01-01", "date_end": f"{year:04d}-12-31"}  # fmt: skip
        year, month = divmod(start.year * 12 + start.month - 1 + shift, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return {"date": f"{year:04d}-{month + 1:02d}", "date_precision": "month",
                "date_start": f"{year:04d}-{month + 1:02d}-01",
                "date_end": f"{year:04d}-{month + 1:02d}-{last:02d}"}  # fmt: skip
    return None


def _another_story_step(text: str) -> bool:
    """Whether ``text`` holds a phrase that moves the story from its last date ("two years
    later", "the next day"): a date reckoned from a date not named."""
    patterns = [_COUNTED_PERIOD, _COUNTED_SHIFT, *(p for p, _, _ in _STORY_PERIODS)]
    patterns += [p for p, _ in _STORY_DAYS]
    return any(p.search(text) for p in patterns)


def _counted_days(found: re.Match[str]) -> int:
    """The days a match of _COUNTED_SHIFT moves from the story's day ("two days later": 2, "a
    week earlier": -7)."""
    return _counted(found) * (7 if found["unit"].lower() == "week" else 1)


def _counted(found: re.Match[str]) -> int:
    """The units a match of _COUNTED_SHIFT or _COUNTED_PERIOD moves ("two days later": 2,
    "three years earlier": -3)."""
    n = found["n"].lower()
    units = int(n) if n.isdigit() else _EXACT_COUNTS[n]
    return units if found["way"].lower() == "later" else -units


def _told_from_the_story(sent) -> bool:
    """Whether ``sent`` dates its news from the happening told before it ("within hours")."""
    return _FROM_THE_STORY.search(sent.text) is not None


def _story_told_earlier(times: list[dict], sent, published, lag: int) -> bool:
    """Whether the last date the text names before ``sent`` lies before the news days (the
    publication day and ``lag`` days before it): the story ``sent`` goes on with is an
    earlier one ("escaped in November ... was recaptured within hours")."""
    before = [t for t in times if t["start"] < sent.start_char and t.get("date_end")]
    if not before or not published:
        return False
    last = max(before, key=lambda t: t["start"])
    try:
        end = date.fromisoformat(str(last["date_end"])[:10])
        day = date.fromisoformat(str(published)[:10])
    except ValueError:
        return False
    return (day - end).days > lag


def _verb_of(trigger: Token, cues: list[Token]) -> Token:
    """The verb that tells an event: its trigger, or the light verb that carries its noun
    ("signed a security agreement")."""
    head = trigger.head
    if trigger.pos_ not in ("VERB", "AUX") and head.pos_ == "VERB" and head in cues:
        return head
    return trigger


def _may_time(doc: Doc, time: dict, trigger: Token) -> bool:
    """Whether a date of an event's sentence may be the event's time, so that the sentence
    takes no publication day: any but a month or a year inside a clause describing a noun
    after the event's word that does not hold the event ("accused Morocco of backing MAK,
    which officials blamed for wildfires that swept the region earlier this month": the
    wildfires' month, not the accusation's; a day there is read by
    :func:`_the_sentence_s_day`)."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None or not len(span) or time.get("precision") == "day":
        return True
    for t in (span.root, *span.root.ancestors):
        if t.dep_ in ("relcl", "acl") and trigger not in t.subtree:
            # (a noun after the event's word; one before it, its subject, is a dated thing
            # that times the clause: "A memorandum signed in 1995 committed both sides")
            return t.head.i < trigger.i
    return True


def _dates_a_thing(doc: Doc, time: dict, trigger: Token, words: set[int]) -> bool:
    """Whether a date modifies a noun after an event's word that is not the event's own ("end
    its 2016 agreement", "condemned the 2003 invasion", "arrested a suspect in the 1994
    bombing", "rejected last year's election results"): the thing's date, not the event's
    (one before it, its subject, times the clause: "The 2003 invasion destabilised Iraq"; so
    does one in a phrase of time hung on the clause: "committed during the 1991-1995 war";
    and a date of the event's own noun is its own: "the 1998 embassy bombings were carried
    out")."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    noun = root.head
    if (
        root.dep_ not in ("nummod", "compound", "amod", "poss", "nmod")
        or noun.i == root.i
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.i <= trigger.i
        or noun.i in words
        or span.start <= noun.i < span.end
    ):
        return False
    # a thing in a phrase of time that hangs on the event's clause frames it: "crimes
    # committed during the 1991-1995 war", "fired on protesters at the April 15 rally",
    # "killed 12 soldiers in a March 2020 ambush"; not one after an object named by its part
    # in the thing, which the parser hangs on the verb as often as on the object: "arrested a
    # suspect in the 1994 bombing", data/heads.tsv party_to
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i not in words:
        return True
    if prep.lower_ in TIME_FRAMES:
        return False
    return prep.lower_ != "in" or any(
        c.dep_ in ("dobj", "obj") and c.i < prep.i and c.lemma_.lower() in head_words()["party_to"]
        for c in prep.head.children
    )


def _dates_the_attribution(doc: Doc, time: dict, trigger: Token) -> bool:
    """Whether a date is the day an attack was claimed or blamed on someone, not the day of
    the attack the claim names ("claimed responsibility on Thursday for two suicide bombings":
    the bombings were on Wednesday): its nearest verb is a verb of attribution
    (data/attribution.tsv) other than the event's own word."""
    from .attribution import attribution_rules

    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None or not len(span):
        return False
    # hung on the verb itself, or on its "responsibility" ("claimed responsibility on
    # Thursday"); not a date of the attack's own phrase ("claimed Sunday's attack")
    verb = None
    for t in span.root.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            verb = t
            break
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() != "responsibility":
            return False
    return (
        verb is not None
        and verb.i != trigger.i
        and verb.lemma_.lower() in attribution_rules()
        and trigger in verb.subtree
    )


def _told_aside(trigger: Token) -> bool:
    """Whether an event is told aside from its sentence's news, so a day of another clause is
    not its day: a noun ("in retaliation for the group's attacks"), a clause describing a
    noun ("an air strike that destroyed the consulate", "Villavicencio, who had denounced
    gang links, was shot on Wednesday") or a past perfect ("had attacked vessels"). Not a
    clause that says what happened then or there ("on Monday, when police fired", "in Warsaw
    on Monday, where he signed"), nor a past perfect a report puts back ("announced on
    Monday that it had expelled a diplomat": it expelled him)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children) and not (
        trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in SPEECH
    ):
        return True
    return any(
        t.dep_ in ("relcl", "acl")
        and not any(c.dep_ == "advmod" and c.lower_ in ("when", "where") for c in t.children)
        for t in (trigger, *trigger.ancestors)
    )


def _apart_in_time(a: Token, b: Token) -> bool:
    """Whether the parse path between two words of a sentence passes a word that sets a
    clause at another time (TIME_SHIFTS: "after", "since" ...)."""
    above_b = [b, *b.ancestors]
    on_b = {t.i for t in above_b}
    above_a = [a, *a.ancestors]
    common = next(t.i for t in above_a if t.i in on_b)  # (the root at the latest)
    # the words from each up to, not including, the word both hang on
    path = [*_until(above_a, common), *_until(above_b, common)]
    for token in path:
        if token.lower_ in TIME_SHIFTS and not _of_the_day(token):
            return True
        if any(c.dep_ in ("mark", "prep", "advmod") and c.lower_ in TIME_SHIFTS
               and not _of_the_day(c) for c in token.children):  # fmt: skip
            return True
    return False


#: nouns of a time of day (data/frames.tsv day_part)
DAY_PARTS = frame_words()["day_part"]


def _of_the_day(shift: Token) -> bool:
    """Whether a word of time shift only places a clause in its day ("shortly after midday
    on Wednesday", "before dawn"; data/frames.tsv day_part): no other time than the day's."""
    return any(c.dep_ == "pobj" and c.lemma_.lower() in DAY_PARTS for c in shift.children)


def _until(chain: list[Token], stop: int) -> list[Token]:
    """The words of ``chain`` before the one at index ``stop``."""
    out = []
    for token in chain:
        if token.i == stop:
            break
        out.append(token)
    return out


def _describes_a_person(root: Token) -> bool:
    """Whether a toponym qualifies a person's title or name ("Hollywood producer Harvey
    Weinstein", "Texas Governor X"): where the person works or comes from, not where the
    event happened. A place qualifying a thing ("a Mosul hospital") is where it happened."""
    if root.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = root.head
    return head.ent_type_ == "PERSON" or (
        head.dep_ == "compound" and head.head.ent_type_ == "PERSON"
    )


#: verbs of where someone lives or works ("who lives in Kirkuk", "resides in", "a writer
#: based in Boston"); "grow" only with "up" ("grew up in Oceanside": violence grows in a
#: place too) and "hail" only with "from" ("hails from Basra": a deal is hailed in a place)
_RESIDENCE_VERBS = frozenset({"live", "base", "reside", "grow", "hail"})
_RESIDENCE_NEEDS = {"grow": ("up", "in"), "hail": (None, "from")}


def _home_of_someone(root: Token) -> bool:
    """Whether a toponym tells where someone lives, works or comes from ("a writer based in
    Boston", "who grew up in Oceanside", "a native of Basra", "a Boston-based analyst"): a
    fact about the person (an author's note, a profile: "a Boston native"), not where an
    event happened. Not where a force is based ("troops based in Mosul" fight there): a plural
    noun is a body."""
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.lower_ == "native":
        # "a Boston native"; not "a Kirkuk resident", as often a victim where he lives
        # ("gunmen killed a Kirkuk resident"), nor a plural
        return True
    if root.dep_ == "npadvmod" and head.lemma_.lower() == "base":  # "Boston-based"
        verb, prep = head, None
    elif root.dep_ == "pobj" and head.lower_ in ("in", "from", "of"):
        if head.lower_ == "of":
            return head.head.lemma_.lower() == "native"
        verb, prep = head.head, head.lower_
    else:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in _RESIDENCE_VERBS or verb.pos_ not in ("VERB", "ADJ"):
        return False
    particle, wanted = _RESIDENCE_NEEDS.get(lemma, (None, None))
    if wanted is not None and prep != wanted:
        return False
    if particle is not None and not any(c.lower_ == particle for c in verb.children):
        return False
    described = verb.head if verb.dep_ in ("acl", "amod") else None
    return lemma != "base" or described is None or described.tag_ not in ("NNS", "NNPS")


def _code_place_targets(doc: Doc, event: dict, places: list[dict]) -> None:
    """Give each actorless, uncoded target whose head word lies in a resolved place that
    place's country as its code."""
    for target in event["targets"]:
        if target["actor"] or target["code"]:
            continue
        span = doc.char_span(target["start"], target["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root.i
        place = next(
            (p for p in places if p["token_start"] <= head < p["token_end"] and p["country"]),
            None,
        )
        if place is None and span.root.lemma_.lower() in target_words()["located"]:
            # "struck a building in Damascus": the building's country, which its phrase names
            inside = {t.i for t in span.root.subtree}
            countries = {p["country"] for p in places if p["token_start"] in inside} - {None}
            if len(countries) == 1:
                place = {"country": next(iter(countries))}
        if place is not None:
            target.update(code=place["country"], country=place["country"])


#: words that make the place after them ("north of Baghdad", "30 km from Kirkuk") a
#: reference point rather than the place itself
_BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                       "southwest", "km", "kilometres", "kilometers", "miles", "outskirts"})  # fmt: skip


def _reference(place: dict, doc: Doc) -> bool:
    """Whether a toponym is a reference point ("north of Baghdad", "30 km from Kirkuk"): it
    places an event in its own clause, roughly, but is not lent to another clause."""
    root = doc[place["token_start"] : place["token_end"]].root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("of", "from") and prep.head.lower_ in _BEARINGS


def _setting(
    place: dict,
    doc: Doc,
    actor_spans: list[tuple[int, int]],
    words: set[int],
    mentioned: frozenset[int] = frozenset(),
) -> bool:
    """Whether a toponym may be an event's setting: it is no object of a preposition of
    partners or topics (data/targets.tsv, partner), it names no source of the event (a town
    that acts: "Baghdad says") unless it modifies the event's own noun, it qualifies no
    person ("Texas Governor Greg Abbott": where the person works or comes from), no country
    or province says whose an actor is (``mentioned``: the tokens of the text's actor
    mentions; "the envoy of the United States", "Kenya's president": whose, not where) and it
    is no one's home ("a reporter based in Boston"). A name of a chain of names qualifies the
    next name of its chain, never a person, though the NER took that name for one ("in
    Makhmur, Arbil, Iraq", where "Arbil" was tagged a person)."""
    root = doc[place["token_start"] : place["token_end"]].root
    in_chain = place.get("chain") is not None
    if _compared(root):
        return False
    if not in_chain and _partner(root):
        # "jailed her over a gas deal with Russia": not in Russia (a name of a chain of names,
        # "in Karanaz village, Kirkuk, Iraq", says where, whatever the parse hangs it on)
        return False
    return (
        (in_chain or not _describes_a_person(root))
        and not (place.get("feature") in WIDE_FEATURES and _owns_an_actor(root, mentioned))
        and not _home_of_someone(root)
        and not _origin_of_a_journey(root)
        and (
            not any(a <= place["start"] < b for a, b in actor_spans)
            or _modifies_the_event(root, words)
        )
    )


def _compared(root: Token) -> bool:
    """Whether a toponym or a date is the place or time of a comparison, of another event
    ("Using the army, as in Kwangju in 1980, would have ...", "unlike in Syria", "as in
    1987"; review 45): the object of a preposition right after "as", "like", "unlike" or
    "than"."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.lower_ in ("as", "like", "unlike", "than")
        and prep.head.i == prep.i - 1
    )


def _origin_of_a_journey(root: Token) -> bool:
    """Whether a toponym is where a journey sets out from ("flew from Tehran to Riyadh",
    "arrived in Baghdad from Amman"): the object of "from" on a verb of moving
    (data/movement.tsv moving), not where anything it leads to happens."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "from"
        and prep.head.lemma_.lower() in movement_words()["moving"]
    )


def _owns_an_actor(root: Token, mentioned: frozenset[int]) -> bool:
    """Whether a toponym (its root word) says whose an actor mention is: the object of "of"
    after a word of the mention ("the envoy of the United States", "the president of
    Kenya") or its possessor ("Kenya's president"); ``mentioned``: the tokens of the text's
    actor mentions). A name joined to such a name is whose too ("the leaders of Greece and
    Turkey")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "poss":
        return root.head.i in mentioned
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i in mentioned


def _partner(root: Token) -> bool:
    """Whether a toponym (its root word) is whom or what something is with or about
    (data/targets.tsv, partner: "a gas deal with Russia", "a pact with Libya and Iraq"), not
    a border's other side (border: "near the border with Syria"), nor an absolute "with"
    ("With Aleppo under siege")."""
    first = root  # (or a word of a place's phrase: "with Khomeini's Iran", "Libya and Iraq";
    # not a place's name before a thing: "talks with Iraq's army" are in Iraq)
    while first.head.i != first.i and (
        first.dep_ == "conj"
        or (first.dep_ in ("poss", "compound") and first.head.ent_type_ in ("GPE", "LOC"))
    ):
        first = first.head
    return (
        first.dep_ == "pobj"
        and first.head.lower_ in target_words()["partner"]
        and first.head.head.lemma_.lower() not in target_words()["border"]
        # (an absolute "with", its object's state said after it, says where: "With Aleppo
        # under siege, rebels attacked")
        and not any(c.dep_ in ("prep", "acl", "amod") and c.i > first.i for c in first.children)
    )


def _destination(place: dict, doc: Doc, words: set[int] | None = None) -> bool:
    """Whether a toponym is where someone goes or is sent ("would send his negotiators back
    to Havana", "flew to Moscow"): the object of "to" on a verb (one of ``words``, where
    given: "protested to Moscow", not "flew to Ankara and warned Erdogan"),
    the setting of a journey, not of the text's other events."""
    root = _gone_to(place, doc)
    if root is None:
        return False
    if any(t.lower_ == "there" and t.dep_ == "advmod" for t in doc[root.i + 1 :]):
        return False  # "sent to Cali ... killed five soldiers there": the text goes there too
    head = root.head.head
    if head.pos_ == "ADV" and head.lower_ in ("back", "home", "on"):
        head = head.head  # "sent back to Havana"
    if words is None and _on_the_way(place, doc):
        return True  # "while he was on his way to Hanoi", "a flight to Moscow"
    return head.pos_ in ("VERB", "AUX") and (words is None or head.i in words)


def _gone_to(place: dict, doc: Doc) -> Token | None:
    """A toponym's head where it is the object of "to" or "toward" (where someone goes)."""
    root = doc[place["token_start"] : place["token_end"]].root
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "toward", "towards"):
        return None
    return root


def _on_the_way(place: dict, doc: Doc) -> bool:
    """Whether a toponym is where a journey named by a noun leads ("on his way to Hanoi", "a
    flight to Moscow"; data/movement.tsv journey)."""
    root = _gone_to(place, doc)
    head = root.head.head if root is not None else None
    return (
        head is not None
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in movement_words()["journey"]
    )


def _owner(place: dict, doc: Doc, targets: list[tuple[int, int, str]], words: set[int]) -> bool:
    """Whether a state's name is the owner of a target it modifies, not where the event
    happened: "stormed the US embassy in Baghdad" (in Baghdad), "shelled Iran's consulate"
    (the target's country, not the setting)."""
    if place.get("feature") != "country":
        return False
    root = doc[place["token_start"] : place["token_end"]].root
    return (
        root.dep_ in ("compound", "poss")
        and root.head.i not in words
        and any(a <= place["start"] < b and c == place["country"] for a, b, c in targets)
    )


def _a_verbs_subject(root: Token) -> bool:
    """Whether a name is an active verb's subject or a passive's agent ("Washington asked",
    "was urged by Beijing"), not what is acted on, which may be where it happens ("Kabul was
    hit by a suicide bombing", "is due to visit Tehran"), nor a word of a phrase ("in
    Rashdiya neighborhood, Baghdad, Iraq")."""
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    return root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX")


def _modifies_the_event(root: Token, words: set[int]) -> bool:
    """Whether a toponym modifies the event's own noun ("Baghdad bombs against Shiites kill
    25", "the Mosul offensive"): the event's setting, even where the noun's modifier was taken
    for its doer. A town that is the subject ("Baghdad says") or modifies another noun ("the
    Baghdad government") is an actor, not the event's place."""
    # a verb's compound is its misparsed subject ("Turkey bombs Kurdish rebels", "Russia
    # bombs abandoned villages", where "bombs" was read as a noun)
    return (
        root.dep_ == "compound"
        and root.head.i in words
        and not root.head.tag_.startswith("VB")
        and not attack_verb_read_as_noun(root.head)
    )


def _only_a_modifier(place: dict, places: list[dict], doc: Doc) -> bool:
    """Whether the text names a town only as a modifier of a thing ("a Moscow metro station",
    "the Kati military base"), never as a place of its own ("in Kukawa", "the village of
    Kukawa")."""
    return all(
        doc[p["token_start"] : p["token_end"]].root.dep_ in ("compound", "nmod")
        for p in places
        if p["place_name"] == place["place_name"]
    )


def _of_another_doers_clause(place: dict, doc: Doc, trigger: Token) -> bool:
    """Whether a place hangs in a clause with a subject of its own that the event's word is
    not part of: a clause joined beside the event's, or the event's own clause's complement
    ("Police said gunmen attacked a checkpoint in Mosul": no place of the saying)."""
    root = doc[place["token_start"] : place["token_end"]].root
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == trigger.i or verb in trigger.ancestors:
        return False
    if verb.dep_ in ("relcl", "acl"):
        return False  # a clause describing a noun ("a war that has cost lives in Beirut")
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    # an adjunct of the event's clause, or of the clause it hangs in, is set where it is
    # ("opened fire as they stepped off buses in X", "now that the camp is under Iraqi
    # sovereignty, the leaders need to cooperate"); a clause joined beside it or said in it is
    # not
    above = {trigger.i, *(a.i for a in trigger.ancestors)}
    node = verb
    while node.i not in above:
        if node.dep_ in ("conj", "ccomp", "parataxis"):
            return True
        if node.head.i == node.i:
            return True
        node = node.head
    return False


def _sentence_place(located: list[dict]) -> dict | None:
    """The place of a sentence that names one place or one chain of names only ("A car bomb
    exploded in Nahrawan town, Diyala governorate, Iraq", where the parser hung the chain on
    the bomb rather than on the verb): no other place competes for its event. A country
    that holds the sentence's other places competes with none of them ("Islamic State battle
    turns Iraq's Ramadi into ghost town": Ramadi)."""
    located = _without_their_countries(located)
    chains = {p.get("chain") if p.get("chain") is not None else ("alone", i)
              for i, p in enumerate(located)}  # fmt: skip
    return located[0] if len(chains) == 1 else None


def _without_their_countries(places: list[dict]) -> list[dict]:
    """``places`` less each country that holds another of them outside a chain of names (a
    chain keeps its country: it is the chain's widest name)."""
    inner = {p["country"] for p in places if p.get("feature") != "country" and p["country"]}
    kept = [
        p
        for p in places
        if p.get("chain") is not None or p.get("feature") != "country" or p["country"] not in inner
    ]
    return kept or places


def _one_wide_place(located: list[dict]) -> dict | None:
    """The narrowest of a text's places when they lie one inside the next: its one country,
    or its one province or region of that country ("Clashes kill 32 in Iraq's Anbar")."""
    wide = [p for p in located if p.get("feature") in WIDE_FEATURES and p["country"]]
    if len({p["country"] for p in wide}) != 1:
        return None
    inner = [p for p in wide if p.get("feature") != "country"]
    if len({p["place_name"] for p in inner}) > 1:
        return None
    return (inner or wide)[0]


def _one_country(adjectives: list[dict]) -> dict | None:
    """The country of a text's country adjectives when they all name one ("Iraqi soldiers",
    "the Iraqi army"); none when they name two ("Turkish jets hit Syrian Kurds") or only a
    region's people ("Kurdish": a people, not a country)."""
    countries = [a for a in adjectives if a.get("feature") == "country" and a["country"]]
    return countries[0] if len({a["country"] for a in countries}) == 1 else None


def _text_year(published, times: list[dict]) -> int:
    """The year a text is set in: its publication's, or an undated text's latest year."""
    if published:
        return int(str(published)[:4])
    named = [str(t.get("date_start") or "")[:4] for t in times]
    return max((int(y) for y in named if y.isdigit()), default=0)


def _of_another_year(place: dict, doc: Doc, times_in: BySentence, year: int) -> bool:
    """Whether a town is named in a sentence set two or more years before the text's ``year``
    ("In 1981, the group was driven from its bases and resettled in Paris", in a report of
    2018): the setting of the text's past, which it lends to none of its other events."""
    sent = doc[place["token_start"]].sent
    past = False
    for time in times_in.within(sent):
        start = str(time.get("date_start") or "")[:4]
        if not start.isdigit():
            continue
        if int(start) > year - 2:
            return False  # "in Kigali on Sunday ...": the sentence is set in the text's time too
        root = doc[time["token_start"] : time["token_end"]].root
        if root.dep_ in ("amod", "compound", "nummod", "nmod", "poss"):
            continue  # "the 1994 genocide", "the 2008 war": a thing's year, not the setting
        if doc[time["token_start"]].lower_ == "since" or root.head.lower_ == "since":
            continue  # "held Idlib since 2015": up to now
        past = True
    return past


def _document_place(located: list[dict]) -> dict | None:
    """The town or site of a text that names one only, however often ("Iraqi forces battle
    for Ramadi. The city fell ..."): the place of its events that neither their clause nor
    their sentence places. A text naming two towns places no such event in either (it might be
    either's), only in their country where they share one the text names; towns of one chain
    of names ("Makhmur, Arbil") are one, the chain's first."""
    # (a state named as its own capital is a town too: "met in Singapore ... protests in
    # Taipei" names two)
    towns = [p for p in located if p.get("feature") not in WIDE_FEATURES or _city_state(p)]
    if not towns:
        return _one_wide_place(located)
    # a chain of names is one place, its first (most specific) town: "in Makhmur, Arbil, Iraq"
    # names Makhmur, in Arbil, not two towns
    firsts: dict[int, dict] = {}
    for p in towns:
        if p.get("chain") is not None:
            firsts.setdefault(p["chain"], p)
    kept = [p for p in towns if p.get("chain") is None or firsts[p["chain"]] is p]
    named = {(p["place_name"], round(p["lat"], 2), round(p["lon"], 2)) for p in kept}
    if len(named) != 1:
        # several towns of one country the text names ("San Salvador ... Santa Tecla ... El
        # Salvador's war"): the event is in that country, whichever town it was
        # (lent only to an event one of whose sides is of that country: see anchor_events)
        countries = {p["country"] for p in kept}
        country = next(
            (p for p in located if p.get("feature") == "country" and p["country"] in countries),
            None,
        )
        return {**country, "lent_by_towns": True} if country and len(countries) == 1 else None
    chained = [p for p in kept if p.get("chain") is not None]
    return (chained or kept)[0]


def _first_named_in_a_later_paragraph(
    place: dict, places: list[dict], doc: Doc, sent, opening_end: int
) -> bool:
    """Whether the text names ``place`` (its place name) first after the sentence ``sent``
    and its opening (the tokens before ``opening_end``), and after a blank line that ends the
    sentence's paragraph."""
    first = min(
        (p["token_start"] for p in places if p["place_name"] == place["place_name"]),
        default=None,
    )
    if first is None or first < max(sent.end, opening_end):
        return False
    # (from the sentence's last word: a paragraph break after it is a token of the sentence)
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    between = doc.text[last.idx + len(last) : doc[first].idx]
    return re.search(r"\n[^\S\n]*\n", between) is not None


def _city_state(place: dict) -> bool:
    """Whether a country's name is also its capital's ("Singapore", "Monaco")."""
    return place.get("feature") == "country" and normalise_name(place["text"]) in capital_names()


def is_dateline(token: Token) -> bool:
    """Whether ``token`` is a wire dateline ("BAGHDAD – ..."): the parser often makes it the
    subject or the head of an apposition with the real subject."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.i == token.sent.start
        and token.text.isupper()
        and nxt is not None
        and nxt.text in ("–", "—", "-")
    )
