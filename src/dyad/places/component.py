"""The ``dyad_places`` spaCy component: toponyms found and resolved to coordinates.

Toponyms are spaCy's GPE/LOC/FAC entities, names from the gazetteer's curated file that
spaCy misses ("Diyala", "Camp Liberty"), demonyms and country adjectives ("Iraqi",
"Kurdish": kept, flagged ``adjective``, never an event's place), and place names embedded in
an organisation's name ("the University of Mississippi": flagged ``embedded``).

Each is resolved among the gazetteer's candidates by a score: the feature type (a country
or province before a town of the same name), the town's population, and the document's
context: the countries its other places and its actors belong to, and the first-level
divisions of places already resolved ("Diyala" and "Baqubah" in Iraq, not elsewhere).

A name followed by a designator word ("Mosul city", "Sadr City neighborhood") is looked up
without it when the whole is unknown; a capitalised name a lower-case designator follows
("Sinjar town", "Rawah district") is a toponym whatever the NER took it for and however small
its town, when the gazetteer knows it. Names written as a chain, each inside the next ("Fallujah
city, Al Anbar governorate, Iraq"; "Zawiyah village in Saladin", "Abu Saif neighborhood of
Mosul": a designator word before "in" or "of"), are resolved from the outside in: a name all
of whose candidates are narrower than the next resolved name of its chain keeps only the
candidates in that name's country (in its first-level division first), and none when it has none there
("Alexandria city, Babil governorate" is no town in Egypt); each row of a chain carries its
``chain`` number, so that an event takes the chain's most specific resolved name. A name a
designator links to a town is no province and lies in the town's country ("the Old City
district of Mosul"), unless it is a town bigger than that name ("the Baghdad district of
Dora" names the part after the town); "of" links only after a designator of a part of a town
(the ``part_designators`` setting): "the Anbar city of Ramadi" links nothing. A name the
NER did not tag that lies inside an organisation's name ("Islamic State of Iraq and the
Levant") is ``embedded``, never an event's place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..actors.dictionary import capital_cities, capital_names, context_words
from ..actors.names import FAMILY_FIRST, TITLE_WORDS
from ..actors.names import normalise as normalise_name
from ..errors import ConfigError
from ..events.patterns import movement_words, target_words
from ..nlp.components import dateline_spans
from ..nlp.words import after_stance_prefix, entities_by_token, text_of
from ..time.normalise import MONTH_WORDS
from .gazetteer import (
    FEATURES,
    PROVINCES_SOURCE,
    WIDE_FEATURES,
    Gazetteer,
    Place,
    cache_folder,
    load_gazetteer,
    normalise,
)

__all__ = ["PlaceFinder", "PlaceScoring", "make_place_finder"]

#: spaCy labels whose entities are toponyms
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: labels whose names may embed a toponym ("the Washington Post", "University of Iowa")
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
_LEADING = {"the", "a", "an"}
#: kinds of dictionary actor whose exact name is never a place (see ``_spans``)
NOT_PLACE_KINDS = {"armed_group", "organisation", "ngo", "party", "media"}
#: what an unknown name of a document is taken to lie within (its most often named such place)
FOCUS_FEATURES = {"city"}

#: premises named after somewhere else than where they are ("Palestine Street", "Baghdad
#: Square", a house)
_NAMED_AFTER_ELSEWHERE = frozenset({"street", "square", "house", "home", "site"})


@dataclass(frozen=True)
class PlaceScoring:
    """How a name's candidate places are found and ranked: the ``[nlp.components.dyad_places]``
    settings of the same names (default.cfg explains each)."""

    feature_prior: dict[str, float]
    population_weight: float
    alias_penalty: float
    alias_abroad_max_population: int
    context_weight: float
    actor_vote: float
    admin1_weight: float
    embedded_min_population: int
    untagged_min_population: int
    designators: frozenset[str]
    part_designators: frozenset[str]
    articles: tuple[str, ...]
    quarters: frozenset[str]
    alike_min_letters: int
    alike_within_km: dict[str, float]


class PlaceFinder:
    def __init__(
        self,
        nlp: Language,
        places: list[str],
        use_builtin: bool,
        min_population: int,
        scoring: PlaceScoring,
        cache: bool,
        cache_dir: str,
    ) -> None:
        self.scoring = scoring
        self._skeletons: dict[str, dict[str, list[Place]]] = {}  # country → skeleton → places
        folder = str(cache_folder(cache_dir)) if cache else None
        self.gazetteer: Gazetteer = load_gazetteer(
            tuple(places), use_builtin, min_population, folder
        )
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        curated = {name for name in self.gazetteer.curated_names() if len(name) > 1}
        self.matcher.add("PLACE", [nlp.make_doc(name) for name in sorted(curated)])

    def lookup(self, span: Span) -> list[Place]:
        """Candidates of a name; an unknown name ending in designator words ("Mosul city",
        "Sadr City neighborhood") is looked up without them, one starting with a quarter
        ("West Mosul") without it, and each with or without an Arabic article."""
        candidates = self._with_article(span.text)
        while not candidates and len(span) > 1 and span[-1].lower_ in self.scoring.designators:
            span = span[:-1]
            candidates = self._with_article(span.text)
        while not candidates and len(span) > 1 and span[0].lower_ in self.scoring.quarters:
            span = span[1:]  # "West Mosul", "eastern Mosul": the town
            candidates = self._with_article(span.text)
        if not candidates and "-" in span.text:
            # a name written with a hyphen the gazetteer writes as one word or two
            # ("Petion-Ville": Pétionville; review 51 had it found as another town)
            for joint in ("", " "):
                if candidates := self.gazetteer.lookup(span.text.replace("-", joint)):
                    break
        return candidates

    def _with_article(self, name: str) -> list[Place]:
        """Candidates of a name, the Arabic article aside when the name is unknown as
        written: "Al-Fallujah" is Fallujah, and "Qaim" the gazetteer's "Al-Qaim"."""
        candidates = self.gazetteer.lookup(name)
        if candidates or not name[:1].isupper():
            return candidates
        for article in self.scoring.articles:
            for joint in ("-", " "):
                if name.startswith(article + joint) and len(name) > len(article) + 2:
                    return self.gazetteer.lookup(name[len(article) + 1 :])
        for article in self.scoring.articles:
            for joint in ("-", " "):
                if candidates := self.gazetteer.lookup(article + joint + name):
                    return candidates
        return []

    def __call__(self, doc: Doc) -> Doc:
        found = self._spans(doc)
        context = self._context(doc, found)
        admin1: Counter[str] = Counter()
        # unambiguous names first, so their divisions can help the rest
        order = sorted(range(len(found)), key=lambda i: len(found[i][2]))
        chosen: dict[int, Place | None] = {}
        # the countries the text names for sure: its actors', and its places of one country
        named: Counter[str] = Counter(
            m["country"]
            for m in (doc._.dyad_actors if Doc.has_extension("dyad_actors") else None) or []
            if m.get("country")
        )
        # (and by which names: a stray name said twice, in a headline and its lead, does not
        # vouch for itself)
        by_name: dict[str, Counter[str]] = {}
        for _span, _, candidates in found:
            by_name.setdefault(_folded(_span.text), Counter()).update(_own(candidates))
        for counts in by_name.values():
            named.update(counts)
        for i in order:
            _span, _kind, candidates = found[i]
            place = self._best(candidates, context, admin1, _span.text)
            others = named - by_name[_folded(_span.text)]
            if self._stray_alias(place, _span.text, others):
                place = None
            chosen[i] = place
            if place is not None and place.admin1 and len(candidates) == 1:
                admin1[place.admin1] += 1
        chain_of: dict[int, int] = {}
        for number, (chain, designated) in enumerate(self._chains(found)):
            chain_of.update((i, number) for i in chain)
            self._contain(chain, designated, found, chosen, context, admin1)
        held = self._possessed(found, chosen, context, admin1)
        focus = _focus([chosen[i] for i in range(len(found))])
        filed = _dateline_city(doc, self.gazetteer)
        # a name the gazetteer lacks lies within the town its own words name ("Rawalpindi
        # District Jail": Rawalpindi), else within the town the document is about
        inner = {
            i: self._town_inside(span, context, admin1)
            for i, (span, kind, _) in enumerate(found)
            if chosen[i] is None and kind == "name" and i not in chain_of
        }
        # (an embassy the gazetteer lacks is in the capital of the state the story is set
        # in, never of the state whose embassy it is: "sought asylum at the Paraguayan
        # Embassy" in a story about Argentina, whatever town it names most)
        for i, (span, _, _) in enumerate(found):
            if i in inner and inner[i] is None and span[-1].lemma_.lower() == "embassy":
                owners = {p.country for t in span for p in self.gazetteer.adjective(t.text)}
                hosts = [p.country for p in (focus, filed[1] if filed else None) if p is not None]
                host = next((c for c in hosts if c and c not in owners), None)
                inner[i] = self._capital_of(host)
        # else within the town its own sentence names last before it ("In Buenos Aires,
        # crowds gathered in the Plaza de Mayo", in a text whose first town is Portsmouth)
        for i, (span, _, _) in enumerate(found):
            if i in inner and inner[i] is None:
                inner[i] = _town_before(span, found, chosen)
        doc._.dyad_places = [
            _as_dict(span, kind, chosen[i], within=i in held, chain=chain_of.get(i))
            if chosen[i] is not None
            or kind != "name"
            or (focus is None and inner.get(i) is None)
            or i in chain_of
            else _as_dict(span, kind, inner.get(i) or focus, within=True)
            for i, (span, kind, _) in enumerate(found)
        ]
        capitals = self._capitals_named(found, chosen)
        if capitals:
            doc._.dyad_places = sorted([*doc._.dyad_places, *capitals], key=lambda p: p["start"])
        if Doc.has_extension("dyad_actors") and doc._.dyad_actors:
            doc._.dyad_actors = _outside_other_places(doc._.dyad_actors, doc._.dyad_places)
        doc._.dyad_filed_from = _as_dict(filed[0], "dateline", filed[1]) if filed else None
        return doc

    def _capitals_named(self, found: list, chosen: dict[int, Place | None]) -> list[dict]:
        """The capitals a text names by a state's ("the capital of Soviet Uzbekistan",
        "Uzbekistan's capital"): the word "capital" as a place, the state's capital as the
        gazetteer has it, as "the capital" of a report filed from a capital is (review 58:
        talks "in the capital of Soviet Uzbekistan" were placed nowhere)."""
        out = []
        for i, (span, kind, _) in enumerate(found):
            place = chosen.get(i)
            if kind != "name" or place is None or place.feature != "country":
                continue
            root = span.root
            if root.dep_ == "poss":
                noun = root.head
            elif root.dep_ == "pobj" and root.head.lower_ == "of":
                noun = root.head.head
            else:
                continue
            if noun.lemma_.lower() != "capital" or noun.pos_ != "NOUN":
                continue
            if any(c.dep_ in ("amod", "compound") for c in noun.children):
                continue  # "the economic capital of Ivory Coast", "its former capital"
            city = self._capital_of(place.country)
            if city is not None:
                out.append(_as_dict(noun.doc[noun.i : noun.i + 1], "name", city))
        return out

    def _capital_of(self, country: str | None) -> Place | None:
        """The capital of ``country`` as the gazetteer has it (of the towns of its name
        there, the largest: London, not the City of London), or None."""
        name = capital_cities().get(country or "")
        towns = [
            p
            for p in (self.gazetteer.lookup(name) if name else [])
            if p.country == country and p.feature == "city"
        ]
        return max(towns, key=lambda p: p.population, default=None)

    def _chains(
        self, found: list[tuple[Span, str, list[Place]]]
    ) -> list[tuple[list[int], set[int]]]:
        """Runs of names written "X, Y, Z" (designator words allowed before each comma), or
        linked by a designator and "in" or "of" ("Zawiyah village in Saladin", "Abu Saif
        neighborhood of Mosul"): the indexes into ``found`` of each run of two or more, with
        the indexes whose link to the next name is such a designator's."""
        chains: list[tuple[list[int], set[int]]] = []
        run: list[int] = []
        designated: set[int] = set()
        for i, (span, kind, _) in enumerate(found):
            if kind != "name":
                continue
            link = (
                self._link(
                    span.doc[found[run[-1]][0].end : span.start], found[run[-1]][2], found[i][2]
                )
                if run
                else None
            )
            if link is not None:
                if link == "designator":
                    designated.add(run[-1])
                run.append(i)
                continue
            if len(run) > 1:
                chains.append((run, designated))
            run, designated = [i], set()
        if len(run) > 1:
            chains.append((run, designated))
        return chains

    def _link(self, gap: Span, before: list[Place], after: list[Place]) -> str | None:
        """How the words of ``gap`` between two names link them: "comma" (one comma, designator
        words aside, or a bare "in" between a name that may be a town and one that may be a
        province or a country: "the town of Dikwa in Borno State", "Kunduz in
        Afghanistan"), "designator" (a designator and "in", or a designator of a part of a
        town and "of"), else None (read up to the first other word: the gap between two names
        far apart may be the whole text). ``before`` and ``after`` are the two names'
        candidate places."""
        designators = self.scoring.designators
        named: list[str] = []  # the designator words before any other word
        words: list[str] = []
        for token in gap:
            if token.lower_ in designators:
                if not words:
                    named.append(token.lower_)
                continue
            words.append(token.lower_)
            if len(words) > 1:
                return None
        if words == [","]:
            return "comma"
        if not named and words == ["in"] and _widens(before, after):
            return "comma"
        if named and words == ["in"]:
            return "designator"
        if named and words == ["of"] and all(w in self.scoring.part_designators for w in named):
            return "designator"
        return None

    def _contain(
        self,
        chain: list[int],
        designated: set[int],
        found: list[tuple[Span, str, list[Place]]],
        chosen: dict[int, Place | None],
        context: dict[str, float],
        admin1: Counter[str],
    ) -> None:
        """Resolve a chain's names from the outside in: a name that is not itself a country
        lies in the country of the next province or country of its chain ("Alexandria city,
        Babil governorate": none in Egypt; "Paris, Texas": in Texas first). A chain of
        countries ("France, Germany") is a list and constrains nothing. A name a designator
        links to the next ("Al Muthanna neighborhood of Mosul", ``designated``) is no province
        or country and lies in the next resolved name's country, a town's too ("the Old City
        district of Mosul": no Old City of Jerusalem)."""
        container: Place | None = None
        after: Place | None = None  # the next resolved name of the chain
        for i in reversed(chain):
            candidates, place = found[i][2], chosen[i]
            # a designator links the name to the next one, unless it is the bigger town ("the
            # Baghdad district of Dora" names the part after the town)
            linked = i in designated and after is not None and not _bigger_town(place, after)
            holder = after if linked else container
            if holder is not None and (
                place is None or place.feature not in ("continent", "country") or i in designated
            ):
                here = Counter(admin1)
                if holder.admin1:
                    here[holder.admin1] += 1
                inside = [p for p in candidates if p.country == holder.country]
                # "Mussayab town, Babil governorate": Al-Musayab, spelled otherwise
                inside = inside or self._alike(found[i][0].text, holder)
                if i in designated:
                    inside = [p for p in inside if p.feature not in WIDE_FEATURES]
                chosen[i] = place = self._best(inside, context, here, found[i][0].text)
            if place is not None and place.country and place.feature in ("country", "admin1"):
                container = place
            if place is not None:
                after = place

    def _possessed(
        self,
        found: list[tuple[Span, str, list[Place]]],
        chosen: dict[int, Place | None],
        context: dict[str, float],
        admin1: Counter[str],
    ) -> set[int]:
        """Names a place's possessive holds ("Iraq's Anbar", "Mosul's Old City"): the part
        lies in its holder, so of its candidates those in the holder's country, in the
        holder's province, or within ``alike_within_km`` of the holder's town. A part of a town
        with none there is placed within the town ("Mosul's Old City"); a name a country or
        province holds with none there keeps its own candidates ("China's Hong Kong"). Returns
        the indexes placed within their holder."""
        held: set[int] = set()
        for i in range(len(found) - 1):
            (span, kind, _), (part, part_kind, candidates) = found[i], found[i + 1]
            holder = chosen[i]
            if kind != "name" or part_kind != "name" or holder is None or not holder.country:
                continue
            if [t.lower_ for t in span.doc[span.end : part.start]] not in (["'s"], ["’s"]):
                continue
            inside = [
                p
                for p in candidates
                if p.country == holder.country and p.feature not in ("continent", "country")
            ]
            if holder.feature == "city":
                radius = self.scoring.alike_within_km["city"]
                inside = [p for p in inside if p.feature == "city" and _km(p, holder) <= radius]
            elif holder.feature == "admin1":  # "Virginia's Arlington": in Virginia
                inside = [p for p in inside if p.admin1 and p.admin1 == holder.admin1]
            if inside:
                chosen[i + 1] = self._best(inside, context, admin1, part.text)
            elif holder.feature == "city":  # "Mosul's Old City": a part of Mosul it lacks
                chosen[i + 1] = holder
                held.add(i + 1)
        return held

    # -- finding -------------------------------------------------------------------------

    def _capital_or_adjective(
        self, span: Span, places: list[Place]
    ) -> tuple[Span, str, list[Place]]:
        """A demonym before "capital" that no name follows ("in the Somali capital"; not "the
        Afghan capital Kabul", where Kabul is named) is that state's capital city, a name
        of the words; any other is an adjective."""
        head = span[-1].head
        named = any(
            c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN" and c.i > head.i
            for c in head.children
        ) or (head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN")
        if head.lemma_.lower() != "capital" or head.i != span.end or named:
            return span, "adjective", places
        cities = [
            p
            for country in {p.country for p in places if p.feature == "country"} - {None}
            if (name := capital_cities().get(country))
            for p in self.gazetteer.lookup(name)
            if p.country == country and p.feature == "city"
        ]
        if not cities:
            return span, "adjective", places
        best = max(cities, key=lambda p: p.population)
        return span.doc[span.start : head.i + 1], "name", [best]

    def _spans(self, doc: Doc) -> list[tuple[Span, str, list[Place]]]:
        """(span, kind, candidates); kind is "name", "adjective" or "embedded"."""
        gaz = self.gazetteer
        out: list[tuple[Span, str, list[Place]]] = []
        taken: set[int] = set()

        stated = self._stated_countries(doc)

        def keep(span: Span, kind: str, candidates: list[Place]) -> None:
            if any(t.i in taken for t in span) or _common_noun(span, candidates):
                return
            country = stated.get(span.start) if kind == "name" else None
            if country is not None and not any(p.feature in WIDE_FEATURES for p in candidates):
                # "the Nigerian town of Baga": a town of that country, else the country, not a
                # small namesake abroad (a notable town stays: "the Moroccan city of
                # Laayoune"; and a state or province named stays: "the Somali region of
                # Ethiopia")
                inside = [p for p in candidates if p.country == country.country]
                notable = any(
                    p.population >= self.scoring.untagged_min_population for p in candidates
                )
                candidates = inside or (candidates if notable else [country])
            taken.update(t.i for t in span)
            out.append((span, kind, candidates))

        # the family names of people the document names in full ("Narendra Modi" ... "voted
        # for Modi"): a lone name the NER takes for a town is the person's
        full_names = [_trim(e) for e in doc.ents if e.label_ == "PERSON"]
        full_names = [name for name in full_names if name is not None and len(name) > 1]
        # (the last word less a generation's mark: "Trujillo" of "Rafael Trujillo Jr.";
        # review 51; and a word between, "Trujillo" of "Rafael Leonidas Trujillo Molina", whose
        # family names are two, where no place stands: not "clashed in Santiago")
        people = {
            next(w for w in reversed(name) if w.lower_.rstrip(".") not in GENERATIONS).lower_
            for name in full_names
            if any(w.lower_.rstrip(".") not in GENERATIONS for w in name[1:])
        }
        middle = {w.lower_ for name in full_names for w in name[1:-1]} - people
        # (and a short first word of such a name, for a word the NER left untagged: "Ma
        # Ying-jeou ... Ma urged", a family name written first, is no town; not a long one,
        # which may be a place the NER took for a person's: "Manchester Arena")
        name_words = {name[0].lower_ for name in full_names if len(name[0]) <= FAMILY_FIRST}

        def person(span: Span, candidates: list[Place]) -> bool:
            named = all(t.lower_ in people for t in span) or (
                all(t.lower_ in middle for t in span) and not _place_slot(span.root)
            )
            return named and all(p.feature == "city" for p in candidates)

        chain_ents: list[tuple[int, int]] = []  # entities that are chains of names
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and (wide := self._chain_end(ent)) is not None:
                keep(*wide)  # "raided Hatra, Nineveh, Iraq", tagged as one organisation
                chain_ents.append((ent.start_char, ent.end_char))
            if ent.label_ in PLACE_LABELS:
                span = _trim(ent)
                if span is not None:
                    candidates = self.lookup(span)
                    # "northern Iraq": the part of the country, where the gazetteer has it
                    before = doc[span.start - 1] if span.start else None
                    part = (
                        gaz.lookup(f"{before.text} {span.text}")
                        if before is not None and before.lower_ in self.scoring.quarters
                        else None
                    )
                    if part:
                        span, candidates = doc[span.start - 1 : span.end], part
                    after = doc[span.end] if span.end < len(doc) else None
                    if (  # the NER cut the name short: "Tal" of "Tal Afar"
                        after is not None
                        and after.is_title
                        and not after.ent_type_
                        and (whole := gaz.lookup(f"{span.text} {after.text}"))
                    ):
                        span, candidates = doc[span.start : span.end + 1], whole
                    # (a state's adjective the NER took for a place is one: "the Kazakh
                    # capital", "Kazakh police", not the town of Petropavl, once "Kazakh")
                    if not person(span, candidates) and not (
                        gaz.adjective(span.text) and _modifies(span)
                    ):
                        keep(span, "name", candidates)
            elif (
                ent.label_ in ("LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
                and (span := _trim(ent)) is not None
                and normalise_name(span.text) in capital_names()
                and (ent.label_ == "LANGUAGE" or _place_slot(span.root))  # not "a Toyota Santiago"
                and (candidates := self.lookup(span))
            ):
                # a state's capital the NER read as a language, a product or a work ("In
                # Tunis, the head of the provisional government ...", review 44; "agreed in
                # Montevideo", review 54): the town
                keep(span, "name", candidates)
            elif ent.label_ == "ORG" and "-" in ent.text and (span := _trim(ent)) is not None:
                # a province or country of hyphened names the NER took for an organisation
                # ("KwaZulu-Natal"): the whole name, not "Natal" in it
                wide = [p for p in gaz.lookup(span.text) if p.feature in ("admin1", "country")]
                if wide:
                    keep(span, "name", wide)
        entity_of = entities_by_token(doc)
        for span in filter_spans([doc[start:end] for _, start, end in self.matcher(doc)]):
            # a curated name ending a longer one the gazetteer knows ("New South Wales"): the
            # longer one
            longer = next(
                (
                    doc[first : span.end]
                    for first in (span.start - 2, span.start - 1)
                    if first >= 0
                    and all(
                        t.pos_ == "PROPN" and t.is_title and not t.ent_type_
                        for t in doc[first : span.start]
                    )
                    and gaz.lookup(doc[first : span.end].text)
                ),
                None,
            )
            if longer is not None:
                keep(longer, "name", gaz.lookup(longer.text))
                continue
            if span[0].is_title or span[0].is_upper or span[0].like_num:
                # "the Levant" of "Islamic State of Iraq and the Levant": the group's name
                ent = entity_of[span.start]
                whole = _trim(ent) if ent is not None else None
                inside = (
                    ent.label_ in EMBEDDING_LABELS and len(span) < len(whole) if whole else False
                )
                keep(span, "embedded" if inside else "name", gaz.lookup(span.text))
        # towns the NER missed or took for an organisation or a people ("city of Ahvaz",
        # "killed near Samarra"); a demonym stays an adjective (below)
        # a province the NER missed or took for a people before a role noun the actors
        # component found ("the Gujarat government", "Punjab police"): a place
        roles = {
            m["token_end"] - 1
            for m in [*(_mentions(doc, "dyad_actors")), *(_mentions(doc, "dyad_actors_pending"))]
            if m.get("label") in ("nominal", "reference")
        }
        # one word the NER took for a person, where a place stands: the object of a verb of
        # striking or taking a place or of a locative preposition ("forces shelled Kharkiv",
        # "in Kharkiv"; not "police arrested Florence"), no title before it and no
        # dictionary person's name
        named = {
            i
            for m in _mentions(doc, "dyad_actors")
            if m.get("kind") == "person" and m.get("source") != "text"
            for i in range(m["token_start"], m["token_end"])
        }
        for token in doc:
            before_role = token.dep_ in ("compound", "amod") and token.head.i in roles
            if token.i in taken or not token.is_title:
                continue
            # a name the NER found, though the tagger read it as a common noun ("shelled Homs")
            tagged_noun = token.ent_type_ in ("ORG", "PERSON") and token.pos_ == "NOUN"
            if (
                token.pos_ != "PROPN"
                and not tagged_noun
                and not (before_role and token.pos_ == "ADJ")
            ):
                continue
            if token.ent_type_ and (
                (
                    token.ent_type_ not in ("ORG", "NORP", "PERSON")
                    # (or any name of one word before a building: "Kramatorsk railway
                    # station" read as a product)
                    and not _names_a_building(token)
                )
                or len(entity_of[token.i]) > 1
            ):
                continue
            if token.ent_type_ == "PERSON" and (
                token.i in named
                or not _place_slot(token)
                or (token.i and doc[token.i - 1].lower_.rstrip(".") in TITLE_WORDS)
            ):
                continue
            if gaz.adjective(token.text) and (
                token.ent_type_ == "NORP" or _modifies(doc[token.i : token.i + 1])
            ):
                continue  # a state's adjective ("the Kazakh capital": no town called Kazakh)
            # names the gazetteer knows together, the longest first: "New South Wales", not
            # "Wales" alone; "Tal Afar", not "Tal"; "Alma-Ata" (a hyphen inside, no spaces)
            joint = next(
                (
                    (whole, found)
                    for size in (3, 2)
                    if len(whole := doc[token.i : token.i + size]) == size
                    and all(
                        (
                            t.pos_ == "PROPN"
                            and t.is_title
                            and t.i not in taken
                            # (or the last word alone the NER took for a person or a body:
                            # "Santo Domingo" tagged "Domingo", review 54)
                            and (not t.ent_type_ or len(entity_of[t.i] or ()) == 1)
                        )
                        or (_inner_hyphen(t) and t.i < whole.end - 1)
                        for t in whole[1:]
                    )
                    and (found := gaz.lookup(whole.text))
                ),
                None,
            )
            if joint is not None:
                keep(joint[0], "name", joint[1])
                continue
            if not token.ent_type_ and (len(token) < 3 or token.lower_ in name_words):
                continue  # a word of two letters alone ("Ma" for Tema) is too weak a name
            before = doc[token.i - 1] if token.i else None
            if (
                not token.ent_type_
                and before is not None
                and before.pos_ == "PROPN"
                and before.is_title
                and before.i not in taken
                and not before.ent_type_
                and before.lower_ not in self.scoring.quarters  # "Greater Chennai"
            ):
                continue  # the last word of a longer name no one tagged ("the Panchen Lama")
            candidates = gaz.lookup(token.text)
            if token.pos_ == "ADJ":
                # a capitalised adjective before a role noun names a province or a country
                # ("Punjab government"), not a town of an English word ("Mobile police")
                candidates = [p for p in candidates if p.feature in ("admin1", "country")]
            if not person(doc[token.i : token.i + 1], candidates) and any(
                (p.feature != "city" and p.source != PROVINCES_SOURCE)
                or p.population >= self.scoring.untagged_min_population
                or ((before_role or _place_slot(token)) and p.feature == "admin1")
                for p in candidates
            ):
                keep(doc[token.i : token.i + 1], "name", candidates)
        # a name of two or more words the NER took for a person, where a place stands (the
        # object of a locative preposition, or of "to" or "from" after a verb of moving:
        # "returned to Port Said", "flew in from Santo Domingo"; not "paid tribute to Ho Chi
        # Minh"), no title before it, no apposition and no dictionary person's name,
        # that the gazetteer knows whole as a province, a country or a town of some size
        for ent in doc.ents:
            if (
                ent.label_ != "PERSON"
                or len(ent) < 2
                or any(
                    t.i in taken
                    or t.i in named
                    # (a linking word inside: "Mar del Plata", "Rio de Janeiro")
                    or not (t.is_title or _inner_link(t, ent))
                    for t in ent
                )
                or (ent.start and doc[ent.start - 1].lower_.rstrip(".") in TITLE_WORDS)
                or not (
                    _place_slot(ent.root)
                    or _gone_to_or_from(ent.root)
                    or (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "at")
                )
                or any(c.dep_ == "appos" for c in ent.root.children)  # "X, a local businessman"
            ):
                continue
            candidates = gaz.lookup(ent.text)
            if any(
                p.feature != "city" or p.population >= self.scoring.untagged_min_population
                for p in candidates
            ):
                keep(ent, "name", candidates)
        # a name its designator word calls a place ("in Sinjar town", "Khan Bani Saad city",
        # "Rawah district"), whatever the NER took it for and however small the town
        for span in self._designated(doc):
            if not any(t.i in taken for t in span) and (candidates := self.lookup(span)):
                keep(span, "name", candidates)
        # a name written inside a province or country whatever the NER took it for ("raided
        # Hit, Al Anbar, Iraq", "in Qayyarah, Nineveh", "Iraq's Sinjar"): a town of that country
        for span, candidates in self._contained(doc, [s for s, k, _ in out if k == "name"]):
            keep(span, "name", candidates)
        for ent in doc.ents:
            # (or any other name that is an adjective as a whole: "the Sri Lankan navy",
            # "Sri Lankan" taken for an organisation)
            if ent.label_ not in PLACE_LABELS:
                places = gaz.adjective(ent.text)
                if places and _modifies(ent):
                    keep(*self._capital_or_adjective(ent, places))
        for token in doc:  # adjectives the NER left untagged ("Kurdish fighters")
            if token.i in taken or not token.is_title or token.ent_type_ == "PERSON":
                continue
            span = doc[token.i : token.i + 1]
            places = gaz.adjective(token.text)
            if places and _modifies(span):
                keep(*self._capital_or_adjective(span, places))
        # a province or town the NER read as a person or an organisation (before the
        # names inside organisations': "Western Australia Premier X" names the state), alone or with the
        # body it seats ("Uttar Pradesh Chief Minister X", "Delhi Police arrested")
        for span in self._seats(doc, roles):
            if not any(t.i in taken for t in span):
                keep(span, "name", self.lookup(span))
        for ent in doc.ents:
            if ent.label_ in EMBEDDING_LABELS and len(ent) > 1:
                for span in self._embedded(ent):
                    keep(span, "embedded", gaz.lookup(span.text))
        # "the capital" that no state or name qualifies, in a report filed from a state's
        # capital ("ANKARA (Wire) - ... twin bombings tore through a peace rally in the
        # capital"): that city
        filed_from = _dateline_capital(doc, gaz)
        if filed_from is not None:
            for token in doc:
                if token.i not in taken and _bare_capital(token):
                    keep(doc[token.i : token.i + 1], "name", [filed_from])
        out.sort(key=lambda item: item[0].start)
        # a name inside a named actor's longer name ("Islamic State of Iraq and the Levant",
        # which the NER may cut into an organisation and a place) is the actor's, no place
        mentions = (doc._.dyad_actors if Doc.has_extension("dyad_actors") else None) or []
        names = [  # an actor's name without a comma the NER took along ("Bashiqah,")
            (m["start"], m["start"] + len(m["text"].rstrip(", ")))
            for m in mentions
            if m.get("label") == "name"
            and _proper(m["text"])  # not "government of Iraq"
            and (m["start"], m["end"]) not in chain_ents  # not "Hatra, Nineveh"
        ]
        out = [
            (span, "embedded", c)
            if kind == "name"
            and any(
                a <= span.start_char and span.end_char <= b and b - a > len(span.text)
                for a, b in names
            )
            else (span, kind, c)
            for span, kind, c in out
        ]
        # a name that is exactly a known group's or person's full name ("Hamas", which a
        # gazetteer also holds as a hamlet abroad) names the actor, not a minor place; states,
        # international bodies ("the EU") and seats of government ("the White House") may
        # be either, and a one-word person's name may be a place's too
        actors = {
            (m["start"], m["end"])
            for m in mentions
            if m.get("label") in ("name", "acronym")
            and m.get("source") not in ("text", "generic")  # dictionary actors only
            and (
                m.get("kind") in NOT_PLACE_KINDS
                or (m.get("kind") == "person" and " " in m["text"].strip())
            )
        }
        # (nor is a longer span holding a person's full name, which the NER ran a date or a
        # title into: "In February Mwai Kibaki and Raila Odinga signed", review 41)
        people = [
            (m["start"], m["end"])
            for m in mentions
            if m.get("label") == "name"
            and m.get("source") not in ("text", "generic")
            and m.get("kind") == "person"
            and " " in m["text"].strip()
        ]
        out = [
            item
            for item in out
            if item[1] != "name"
            or (
                (item[0].start_char, item[0].end_char) not in actors
                and not any(item[0].start_char <= a and b <= item[0].end_char for a, b in people)
            )
            or any(  # "Gaza": a known place by its own name (not Hamm, "Hamas" in Greek)
                self._notable(p) and normalise(p.name) == normalise(item[0].text) for p in item[2]
            )
        ]
        # "the pro-Iran government": a stance, not a place the clause happens in; a name
        # written all in lower case in a text that writes names capitalised is an English or
        # foreign word ("veranda", "meth", "red states"; GeoWebNews), but "the capital" of a
        # capital's dateline (_bare_capital)
        capitalised = any(t.is_title for t in doc)
        return [
            (
                span,
                "adjective" if kind == "name" and after_stance_prefix(doc, span.start) else kind,
                c,
            )
            for span, kind, c in out
            if not (capitalised and span.text.islower() and span.text != "capital")
        ]

    def _stated_countries(self, doc: Doc) -> dict[int, Place]:
        """The country a state's adjective says a name after a designator's "of" lies in
        ("the Nigerian town of Baga", "the southern Philippine city of Marawi"), by the
        name's first token."""
        out = {}
        for token in doc[:-2]:
            if (
                token.lower_ not in self.scoring.designators
                or doc[token.i + 1].lower_ != "of"
                or not doc[token.i + 2].is_title
            ):
                continue
            states = [
                place
                for c in token.lefts
                if c.dep_ in ("amod", "compound")
                for place in self.gazetteer.adjective(c.text)
                if place.feature == "country"
            ]
            if len({p.country for p in states}) == 1:
                out[token.i + 2] = states[0]
        return out

    def _designated(self, doc: Doc) -> list[Span]:
        """Names a designator follows as written in lower case ("Sinjar town", "Amriyat
        al-Fallujah town", "Hit district"): the capitalised words before it, Arabic articles
        and hyphens between them, with no article ("the") before. Not a designator that
        modifies a noun ("the Biden town hall") nor a demonym ("the Kurdish region"). And
        the capitalised words after a designator's "of" ("the city of Marawi")."""
        articles = {a.lower() for a in self.scoring.articles}
        out = []
        for token in doc:
            if (
                token.lower_ not in self.scoring.designators
                or not token.text.islower()
                or token.dep_ == "compound"
                or token.i == 0
            ):
                continue
            start = token.i
            while start > 0 and token.i - start < 5:
                before = doc[start - 1]
                if before.is_title or (
                    start < token.i
                    and (before.lower_ in articles or before.text in _JOINERS)
                    and start > 1
                    and (doc[start - 2].is_title or doc[start - 2].text in _JOINERS)
                ):
                    start -= 1
                else:
                    break
            while start < token.i and not doc[start].is_title:
                start += 1
            if start == token.i or (start > 0 and doc[start - 1].lower_ in _LEADING):
                continue
            span = doc[start : token.i]
            if len(span) == 1 and self.gazetteer.adjective(span.text):
                continue
            out.append(span)
        # and those it names after "of" ("the southern Philippine city of Marawi", "the
        # town of Solhan"), which the recogniser often takes for a person
        for token in doc[:-2]:
            if token.lower_ not in self.scoring.designators or doc[token.i + 1].lower_ != "of":
                continue
            start = end = token.i + 2
            while (
                end < len(doc)
                and end - start < 4
                and (doc[end].is_title or (end > start and doc[end].text in _JOINERS))
            ):
                end += 1
            if end > start and doc[end - 1].is_title:
                out.append(doc[start:end])
        return out

    def _contained(self, doc: Doc, names: list[Span]) -> list[tuple[Span, list[Place]]]:
        """Names a province or country holds as written: the capitalised words before a comma
        that a province or country of the chain follows ("Hit, Al Anbar, Iraq", "Taji town,
        Saladin governorate"; designator words allowed before the comma), or after a
        province's or country's "'s" ("Iraq's Sinjar"), with their candidates in that
        country (other than countries). A province or country followed by "'s" or by a
        capitalised word ends no chain ("Ali, Iraq's minister", "Freeland, U.S. Trade
        Representative"); a name with no candidate there is left alone."""
        found: list[tuple[Span, list[Place]]] = []
        queue = sorted(names, key=lambda span: span.start, reverse=True)
        while queue:
            span = queue.pop(0)
            wide = [
                p for p in self.lookup(span) if p.country and p.feature in ("country", "admin1")
            ]
            # a province before a country of the same name; a town found by this rule holds
            # the names before it in its country
            wide.sort(key=lambda p: p.feature == "country")
            inner = [p for s, ps in found if s == span for p in ps if p.country]
            countries = {p.country for p in wide + inner if p.country}
            if not countries:
                continue
            container = (wide or inner)[0]
            after = doc[span.end] if span.end < len(doc) else None
            if after is not None and after.tag_ == "POS":
                for run in self._runs(doc, after.i + 1, forward=True):
                    if inside := self._inside(run, countries, container):
                        found.append((run, inside))
                        break
                continue
            k = span.start - 1
            if k < 1 or doc[k].text != ",":
                continue
            later = span.end
            while later < len(doc) and doc[later].lower_ in self.scoring.designators:
                later += 1
            if later < len(doc) and (doc[later].is_title or doc[later].is_upper):
                continue  # "Freeland, U.S. Trade Representative": a title, no chain's end
            end = k
            while end > 0 and doc[end - 1].lower_ in self.scoring.designators:
                end -= 1
            for run in self._runs(doc, end, forward=False):
                if any(run.start <= s.start < run.end for s in names):
                    break  # a name found already: the chain goes on without this rule
                if inside := self._inside(run, countries, container):
                    found.append((run, inside))
                    queue.append(run)  # "Husaybah area, Ramadi district, Al Anbar": on left
                    break
        return found

    def _chain_end(self, ent: Span) -> tuple[Span, str, list[Place]] | None:
        """The province or country that ends an entity written as a chain of names ("Hatra,
        Nineveh", which the NER took for an organisation): the words after its last comma,
        when the gazetteer knows them as a province or country; the names before it are
        then found inside it (:meth:`_contained`)."""
        commas = [t.i for t in ent if t.text == ","]
        if not commas or commas[-1] + 1 >= ent.end:
            return None
        tail = ent.doc[commas[-1] + 1 : ent.end]
        candidates = self.lookup(tail)
        if any(p.feature in ("country", "admin1") for p in candidates):
            return tail, "name", candidates
        return None

    def _runs(self, doc: Doc, at: int, *, forward: bool) -> list[Span]:
        """The capitalised words (Arabic articles and hyphens between them) starting at
        token ``at`` (forward) or ending before it, longest first."""
        articles = {a.lower() for a in self.scoring.articles}
        tokens: list[int] = []
        k = at if forward else at - 1
        while 0 <= k < len(doc) and len(tokens) < 5:
            token = doc[k]
            if not (
                token.is_title
                or (token.is_upper and len(token) > 1)
                or (tokens and (token.lower_ in articles or token.text in _JOINERS))
            ):
                break
            tokens.append(k)
            k += 1 if forward else -1
        tokens.sort()
        if not forward:  # a run starts with a name, never a hyphen or a lower-case article
            while tokens and not doc[tokens[0]].is_title:
                tokens.pop(0)
        # shorter runs too: a title-case headline ("Militants Attack Hit, Anbar"), and the
        # town an Arabic name is named after ("Amriyat al-Fallujah", the Amiriya of Fallujah,
        # about 25 km from it: Fallujah is nearer than the province when the gazetteer lacks
        # the whole; dev GTD rows lost 25 km hits when runs were never cut at an article)
        runs = []
        for size in range(len(tokens), 0, -1):
            span = doc[tokens[0] : tokens[0] + size] if forward else doc[tokens[-size] : at]
            if span[-1].is_title or span[-1].is_upper:
                runs.append(span)
        return runs

    def _inside(self, span: Span, countries: set[str], container: Place | None) -> list[Place]:
        """A name's candidates in ``countries`` (no country itself); for a name the gazetteer
        knows in none of them, the town of that country spelled alike (:meth:`_alike`)."""
        found = [p for p in self.lookup(span) if p.country in countries and p.feature != "country"]
        if not found and container is not None:
            found = self._alike(span.text, container)
        return found

    def _alike(self, name: str, container: Place) -> list[Place]:
        """The town or site of ``container``'s country whose name is ``name`` in another
        transliteration ("Mussayab" is Al-Musayab, "Tuz Khormatu" Ţūz Khūrmātū, "Karma" Al
        Karmah): the same consonants (:func:`skeleton`), at least ``alike_min_letters``,
        the nearest within ``alike_within_km`` of a province or town that holds the name;
        a name only a country holds has none (consonants alone match too much there)."""
        key = skeleton(name, self.scoring.articles)
        if len(key) < self.scoring.alike_min_letters or not container.country:
            return []
        if container.feature not in self.scoring.alike_within_km:
            return []  # a country is too wide: "Mexico's Senate" is no Sonoyta
        index = self._skeletons.get(container.country)
        if index is None:
            index = self._skeletons[container.country] = defaultdict(list)
            for place in self.gazetteer.in_country(container.country):
                if place.feature in ("city", "facility"):
                    index[skeleton(place.name, self.scoring.articles)].append(place)
        alike = index.get(key) or []
        radius = self.scoring.alike_within_km[container.feature]
        near = min(alike, key=lambda p: _km(p, container), default=None)
        return [near] if near is not None and _km(near, container) <= radius else []

    def _town_inside(self, span: Span, context, admin1) -> Place | None:
        """The notable town a run of the name's own capitalised words names, the longest run
        first, where the name is a building's or a site's (data/movement.tsv premises of
        dyad.events): "Rawalpindi" of "Rawalpindi District Jail". Not a street's, a road's
        or a square's, which are named after other towns and countries ("Palestine Street
        in Baghdad", "the Baghdad-Amman Highway near Rutbah")."""
        words = list(span)
        if words[-1].lemma_.lower() not in movement_words()["premises"] - _NAMED_AFTER_ELSEWHERE:
            return None
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                run = words[start : start + size]
                if not all(t.is_title for t in run):
                    continue
                text = span.doc[run[0].i : run[-1].i + 1].text
                candidates = [
                    p
                    for p in self.gazetteer.lookup(text)
                    if p.feature == "city" and self._notable(p)
                ]
                if candidates:
                    return self._best(candidates, context, admin1, text)
        return None

    def _notable(self, place: Place) -> bool:
        """A place known well enough that a name of it stands for it even where an actor
        has the same name: a wide area, or a town of some size."""
        return place.feature != "city" or place.population >= self.scoring.embedded_min_population

    def _seats(self, doc: Doc, roles: set[int]) -> list[Span]:
        """Names of provinces and large towns that an entity of the NER's other kinds holds
        before a role: the whole entity compounded into a title or a role noun, when it names a
        province or a country ("Uttar Pradesh" of "Uttar Pradesh Chief Minister X", tagged as
        an organisation; not a town, which is as often a leader's name: "the Santos
        government"), or all of a two-or-more-word name but its last word, when that word is
        the actor's role ("Delhi" of "Delhi Police", tagged as a person): a province, a country
        or a town of at least untagged_min_population people, as for any name the NER did not
        call a place."""
        mentions = {
            (m["token_start"] + (doc[m["token_start"]].lower_ == "the"), m["token_end"])
            for m in _mentions(doc, "dyad_actors")
            if m.get("label") == "name"
            and m.get("sector")
            and m.get("kind") != "person"
            and not m.get("country")
        }
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PERSON"):
                continue
            after = doc[ent.end] if ent.end < len(doc) else None
            if (
                ent.root.dep_ in ("compound", "amod", "nmod")
                and ent.root.head.i >= ent.end
                and after is not None
                and (after.lower_ in TITLE_WORDS or after.i in roles)
            ):
                span, towns = ent, False
            elif (ent.start, ent.end) in mentions and len(ent) > 1 and ent[-1].is_title:
                span, towns = doc[ent.start : ent.end - 1], True
            else:
                continue
            if any(
                p.feature in ("admin1", "country")
                or (
                    towns
                    and p.feature == "city"
                    and p.population >= self.scoring.untagged_min_population
                )
                for p in self.lookup(span)
            ):
                out.append(span)
        return out

    def _embedded(self, ent: Span) -> list[Span]:
        """Known place names inside a longer name: countries, provinces, big towns."""
        found = []
        i = ent.start
        while i < ent.end:
            for j in range(min(ent.end, i + 4), i, -1):
                span = ent.doc[i:j]
                if span.text == ent.text or not span[0].is_title or span[0].lower_ in _LEADING:
                    continue
                places = [p for p in self.gazetteer.lookup(span.text) if self._notable(p)]
                if places:
                    found.append(span)
                    i = j - 1
                    break
            i += 1
        return found

    # -- resolving -----------------------------------------------------------------------

    def _context(self, doc: Doc, found: list[tuple[Span, str, list[Place]]]) -> dict[str, float]:
        """Share of the document's attention each country gets: its places (an ambiguous
        name spreads its vote over its candidates' countries) and its actors."""
        votes: Counter[str] = Counter()
        for _, _, candidates in found:
            countries = {p.country for p in candidates if p.country}
            for country in countries:
                votes[country] += 1 / len(countries)
        mentions = doc._.dyad_actors if Doc.has_extension("dyad_actors") else None
        for mention in mentions or []:
            if mention.get("country"):
                votes[mention["country"]] += self.scoring.actor_vote
        total = sum(votes.values())
        return {c: v / total for c, v in votes.items()} if total else {}

    def _best(
        self,
        candidates: list[Place],
        context: dict[str, float],
        admin1: Counter[str],
        name: str,
    ) -> Place | None:
        """The candidate of the highest score (default.cfg explains the weights). A place
        the text names by one of its other names scores less than one named by its own:
        GeoNames gives towns stray other names ("Venice" is among Dayton's)."""
        if not candidates:
            return None
        w = self.scoring
        written = _folded(name)

        def score(p: Place) -> float:
            s = w.feature_prior[p.feature]
            s += w.population_weight * math.log10(p.population + 10)
            if _folded(p.name) != written:
                s -= w.alias_penalty
            s += w.context_weight * context.get(p.country or "", 0.0)
            if p.admin1 and admin1.get(p.admin1):
                s += w.admin1_weight
            return s

        return max(candidates, key=score)

    def _stray_alias(self, place: Place | None, name: str, named: Counter[str]) -> bool:
        """Whether a small town named by another of its names lies in a country the text names
        nowhere else (``named``: the countries of its actors and of its places of one country,
        this name's own mentions left out), while it names others: "the village of Banjska"
        in a text about Kosovo resolved to Bansko, Bulgaria, by its Serbian name. A guess, no
        place."""
        if place is None or place.feature != "city" or _folded(place.name) == _folded(name):
            return False
        if place.population > self.scoring.alias_abroad_max_population:
            return False
        return named.get(place.country or "", 0) <= 0 and any(
            c != place.country for c in named if named[c] > 0
        )


def _own(candidates: list[Place]) -> Counter[str]:
    """The one country of a name's candidates, counted once (a name of one country's places
    names that country), or nothing."""
    countries = {p.country for p in candidates if p.country}
    return Counter(countries) if len(countries) == 1 else Counter()


def _folded(name: str) -> str:
    """A name without case, accents, a leading "the" or anything but letters and digits
    ("Sinjār" and "Sinjar" are one name)."""
    letters = unicodedata.normalize("NFKD", normalise(name))
    return "".join(c for c in letters if c.isalnum())


#: verbs whose object is a place struck or taken ("shelled X", "captured X")
_ASSAULT_VERBS = context_words()["assault_verb"]
#: prepositions whose object is where something is (not "to X", "at X", "into X": a person's
#: too, as in "threw eggs at X", "an investigation into X")
_WHERE = frozenset(("in", "near", "outside", "around", "inside"))


def _place_slot(token) -> bool:
    """Whether ``token`` stands where a place does: the object of a locative preposition
    ("in X", "near X") or of a verb of striking or taking a place ("shelled X"), or a later
    name of a list joined by "and" or "or" that stands there ("in Lahore, Rawalpindi, Multan
    and Faisalabad")."""
    doc = token.doc
    if token.dep_ == "conj":
        first = token
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        listed = [first, *first.conjuncts]
        if any(c.dep_ == "cc" for t in listed for c in t.children) and first.i != token.i:
            return _governed_as_place(first)
    for comma, other in ((token.i - 1, token.i - 2), (token.i + 1, token.i + 2)):
        if 0 <= other < len(doc) and doc[comma].text == "," and doc[other].is_title:
            return False  # a name of a chain ("in Makhmur, Arbil, Iraq"): read as a chain below
    return _governed_as_place(token) or _names_a_building(token)


def _names_a_building(token) -> bool:
    """Whether a name compounds a noun of a building or a site (the events' data/targets.tsv,
    located and named_after): where it stands ("storm Kismayo hotel", "strike on Kramatorsk railway
    station", "in Abbottabad compound")."""
    head = token
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    words = target_words()
    if (
        head.i == token.i
        or head.tag_ not in ("NN", "NNS")
        or head.lemma_.lower() not in words["located"] | words["named_after"]
        # (not one an article puts before the name: "the Kennedy school", "the Trump hotel"
        # are named after people; nor one whose town the text gives: "Waterloo station in
        # London")
        or any(c.dep_ == "det" for c in head.children)
        or any(c.dep_ == "prep" and c.lower_ in ("in", "near") for c in head.children)
    ):
        return False
    # "Kennedy airport", "Victoria station": named after someone or somewhere else, unless a
    # common noun stands between ("Kramatorsk railway station")
    return head.lemma_.lower() not in words["named_after"] or any(
        t.pos_ == "NOUN" for t in token.doc[token.i + 1 : head.i]
    )


def _gone_to_or_from(token) -> bool:
    """Whether ``token`` is the object of "to" or "from" after a verb of moving
    (data/movement.tsv moving, visiting: "returned to X", "flew in from X")."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("to", "from"):
        return False
    verb = token.head.head
    words = movement_words()
    return verb.pos_ == "VERB" and verb.lemma_.lower() in words["moving"] | words["visiting"]


def _governed_as_place(token) -> bool:
    """Whether ``token`` is the object of a locative preposition or of a verb of striking."""
    if token.dep_ == "pobj":
        return token.head.lower_ in _WHERE
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _ASSAULT_VERBS


def _mentions(doc: Doc, extension: str) -> list[dict]:
    return (getattr(doc._, extension) if Doc.has_extension(extension) else None) or []


def _outside_other_places(mentions: list[dict], places: list[dict]) -> list[dict]:
    """The actor mentions less each state's name that is only part of a longer place's name
    in another country ("Mexico" of "New Mexico", "Ireland" of "Northern Ireland"): that
    province or state is named, not the state. Only provinces and states are trusted so: a
    longer name resolved to a town may be a small namesake abroad ("South Lebanon", Ohio)."""
    longer = [
        (p["start"], p["end"], p["country"])
        for p in places
        if p["kind"] == "name"
        and p.get("feature") in ("admin1", "country")
        and p.get("country")
        and " " in p["text"].strip()
    ]
    return [
        m
        for m in mentions
        if m.get("kind") != "state"
        or not any(
            a <= m["start"]
            and m["end"] <= b
            and b - a > m["end"] - m["start"]
            and c != m["country"]
            for a, b, c in longer
        )
    ]


def _town_before(span: Span, found: list, chosen: dict[int, Place | None]) -> Place | None:
    """The town the gazetteer placed that ``span``'s sentence names last before it, if any (by
    its name: not one inside another name, as "Paradise" of "the Paradise Hotel in
    Kikambala")."""
    return next(
        (
            place
            for j in range(len(found) - 1, -1, -1)
            if (place := chosen.get(j)) is not None
            and found[j][1] == "name"
            and place.feature in FOCUS_FEATURES
            and span.sent.start <= found[j][0].start
            and found[j][0].end <= span.start
        ),
        None,
    )


def _focus(places: list[Place | None]) -> Place | None:
    """The town the document is about: its most often named (the first of a tie)."""
    towns = Counter(p.key for p in places if p is not None and p.feature in FOCUS_FEATURES)
    if not towns:
        return None
    best = max(towns.values())
    return next(p for p in places if p is not None and p.key in towns and towns[p.key] == best)


_NAME_LINKS = {"of", "and", "the", "for", "in", "al", "el"}


def _inner_link(token: Token, name: Span) -> bool:
    """Whether ``token`` is a lower-case linking word inside ``name`` ("del" of "Mar del
    Plata")."""
    return name.start < token.i < name.end - 1 and token.is_lower and token.lower_ in _INNER_LINKS


#: lower-case words inside a town's name of several words ("Mar del Plata", "Rio de Janeiro",
#: "Ras al Khaimah")
_INNER_LINKS = frozenset({"de", "del", "la", "da", "do", "dos", "das", "di", "al", "el", "es"})


#: dependencies of a name that modifies a noun ("the Mosul offensive", "the Baghdad
#: government"): the town is meant, even after "the"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_JOINERS = frozenset({"-", "–", "‑"})


def _dateline_capital(doc: Doc, gazetteer: Gazetteer) -> Place | None:
    """The town a dateline opening the text's first line names (:func:`_dateline_city`) where
    it is its state's capital ("ANKARA, Oct 11 (Wire) -", "Kabul (Agency) -"), else None."""
    found = _dateline_city(doc, gazetteer)
    if found is None or found[0].start != 0:
        return None
    town = found[1]
    return town if town.country and capital_cities().get(town.country) == town.name else None


def _dateline_city(doc: Doc, gazetteer: Gazetteer) -> tuple[Span, Place] | None:
    """The town the dateline opening the story names ("ABIDJAN, Ivory Coast, April 11 (Wire)
    -" on the text's first line or on the line after its headline), where the report was
    filed: of the towns of that name, those of the country or province the dateline names
    after a comma, then the capital, then the most populous. None where the story opens with
    no dateline, the gazetteer knows no such town, or the dateline names a region it does not
    know ("CAIRO, Ill.", "ATHENS, Ga.": not the capital of another country)."""
    spans = dateline_spans(doc)
    if not spans:
        return None
    start, end = spans[0]
    lines_before = [line for line in text_of(doc)[: doc[start].idx].split("\n") if line.strip()]
    if len(lines_before) > 1:
        return None  # a dateline further down: no opening one
    last = None
    for token in doc[start:end]:
        if not (token.is_alpha or _inner_hyphen(token)):
            break  # (a spaced dash ends the town: "DUSHANBE - ...", second read)
        last = token.i
    if last is None:
        return None
    town = doc[start : last + 1]
    name = town.text  # (as written: "PORT-AU-PRINCE")
    towns = [
        p for p in gazetteer.lookup(name.title() if name.isupper() else name) if p.feature == "city"
    ]
    if last + 1 < end and doc[last + 1].text == ",":
        region_end = last + 2
        while region_end < end and (
            doc[region_end].text.rstrip(".").isalpha() or _inner_hyphen(doc[region_end])
        ):  # ("Ivory Coast", "Ill.", "N.Y."; not the spaced dash after it: "Tajikistan - ")
            region_end += 1
        region = doc[last + 2 : region_end].text.strip()
        if region and region.split()[0].lower().rstrip(".") not in MONTH_WORDS:
            areas = {
                p.country for p in gazetteer.lookup(region) if p.feature in ("country", "admin1")
            }
            if not areas:
                return None  # "CAIRO, Ill.": a region the gazetteer does not know
            towns = [p for p in towns if p.country in areas]
    if not towns:
        return None
    capitals = capital_cities()
    capital = [p for p in towns if capitals.get(p.country) == p.name]
    return town, (capital or sorted(towns, key=lambda p: -p.population))[0]


#: prepositions whose object is where something is or happens ("in the capital")
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "into", "through",
                          "throughout", "inside", "to", "from", "toward", "towards"})  # fmt: skip


def _bare_capital(token: Token) -> bool:
    """Whether a word is "the capital" with nothing naming which, where something is or
    happens: the object of a place's preposition, no state's adjective or name before it, no
    name after it, no "of" phrase ("in the capital", not "the Afghan capital", "the capital
    Kabul", "the capital of Mali", "hold the capital required")."""
    if token.lower_ != "capital" or token.tag_ != "NN" or token.dep_ != "pobj":
        return False  # (not "the capital markets", "banks must hold the capital")
    if token.head.lower_ not in _PLACE_PREPS:
        return False  # "in the capital", not "a share of the capital"
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    if any(c.dep_ in ("amod", "compound", "poss", "nmod", "appos") for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or after.pos_ != "PROPN"


def _common_noun(span: Span, candidates: list[Place]) -> bool:
    """Whether a name only towns have is a capitalised common noun heading its own noun
    phrase after "the" ("near the Mall", "the Centre told the court", "the Capitol"): English
    names no town so (a town's own "The", "The Hague", is part of its name), while regions
    ("the Donbas", "the Punjab") and countries ("the Gambia") are named so and are kept, and
    so is a town that modifies a noun ("the Mosul offensive")."""
    if not candidates or span.start == 0 or any(p.feature != "city" for p in candidates):
        return False
    if span[-1].is_lower:  # "the Somali capital": a capital named by its state
        return False
    if any(p.name.lower().startswith("the ") for p in candidates):
        return False  # "the Hague", "the Bronx": "The" is the town's own
    doc = span.doc
    if doc[span.start - 1].lower_ != "the" or span.root.dep_ in _MODIFIER_DEPS:
        return False
    after = doc[span.end : span.end + 2]
    # "the Berlin-based company", "the Pittsburgh, Pennsylvania-based firm": a town in a
    # compound adjective, or the first link of a chain of places
    return not (
        after
        and (after[0].text in _JOINERS or (after[0].text == "," and after[-1].pos_ == "PROPN"))
    )


_NOT_LETTERS = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(name: str, articles: tuple[str, ...]) -> str:
    """A name's consonants as transliterations of one Arabic or Kurdish name share them:
    accents folded, a leading article ("Al-", "Aţ ") dropped, q written k, doubled letters
    once, no final h, no vowels (nor y) but a final i or y, which makes another name
    ("Al-Musayab", "Mussayab" -> "msb"; "Al Karmah", "Karma" -> "krm"; "Baghdad" -> "bghdd",
    "Al-Baghdadi" -> "bghddi")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = [w for w in _NOT_LETTERS.split(text) if w]
    lowered = {a.casefold() for a in articles}
    while len(words) > 1 and words[0] in lowered:
        words.pop(0)
    letters = _DOUBLED.sub(r"\1", "".join(words).replace("q", "k")).removesuffix("h")
    end = "i" if letters[-1:] in ("i", "y") else ""
    return _VOWELS.sub("", letters) + end


def _km(a: Place, b: Place) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _proper(text: str) -> bool:
    """Whether a name is written as a proper name: every word capitalised but the links
    ("Islamic State of Iraq and the Levant"; not "the pro-Iran government of Iraq")."""
    words = [w for w in text.split() if w.lower() not in _NAME_LINKS]
    return bool(words) and all(w[0].isupper() for w in words)


def _inner_hyphen(token: Token) -> bool:
    """Whether a token is a hyphen joining two words with no space ("Alma-Ata",
    "PORT-AU-PRINCE")."""
    return (
        token.text in _JOINERS
        and token.i > 0
        and not token.whitespace_
        and not token.nbor(-1).whitespace_
    )


def _modifies(span: Span) -> bool:
    """A demonym used as an adjective ("Iraqi forces"), not for people ("Iraqis", "the
    Iraqis said") nor a language ("speaks English")."""
    last = span[-1]
    if last.tag_ in ("NNS", "NNPS") or (last.lower_.endswith("s") and last.tag_.startswith("NN")):
        return False
    return last.dep_ in ("amod", "compound", "nmod") or (last.pos_ == "ADJ" and last.dep_ != "dobj")


#: punctuation that ends a name the NER ran on into a headline's attribution ("Falluja: Iraqi
#: TV", "Ramadi - Iraqi police"); a dash only with a space before it ("Guinea-Bissau" is one)
_NAME_ENDS = {":", ";", "|"}
_DASHES = {"-", "–", "—"}


#: the marks of a generation after a person's name ("Jr.", "III"): no family name
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _trim(ent: Span) -> Span | None:
    """The entity without a leading article, a trailing possessive or comma, or what follows
    a colon or a spaced dash."""
    start, end = ent.start, ent.end
    doc = ent.doc
    for k in range(start + 1, end):
        if doc[k].text in _NAME_ENDS or (doc[k].text in _DASHES and doc[k - 1].whitespace_):
            end = k
            break
    while start < end and ent.doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].text == ","):
        end -= 1  # "Bashiqah," of "in Bashiqah, Nineveh": the NER took the comma along
    return ent.doc[start:end] if end > start else None


def _widens(before: list[Place], after: list[Place]) -> bool:
    """Whether a name with candidates ``after`` may hold one with candidates ``before``: the
    first may be a town and never a province or a country ("the troops of Jordan in Iraq"
    links nothing), the second may be a province or a country."""
    return (
        any(p.feature not in WIDE_FEATURES for p in before)
        and not any(p.feature in ("admin1", "country") for p in before)
        and any(p.feature in ("admin1", "country") for p in after)
    )


def _bigger_town(place: Place | None, part: Place | None) -> bool:
    """Whether ``place``, a town, holds more people than ``part`` as resolved: the town of
    "the Baghdad district of Dora", whose part comes after it, not a part of that part."""
    return (
        place is not None
        and part is not None
        and place.feature == "city"
        and part.feature in ("city", "facility")
        and place.population > part.population
    )


def _as_dict(
    span: Span, kind: str, place: Place | None, within: bool = False, chain: int | None = None
) -> dict:
    """A toponym's row; ``within``: the gazetteer does not know the name ("Royal Street"), so
    it is placed at the town the document is about, with feature "within"; ``chain``: the
    number of the chain of names ("X city, Y governorate, Iraq") it belongs to."""
    return {
        "start": span.start_char,
        "end": span.end_char,
        "text": span.text,
        "token_start": span.start,
        "token_end": span.end,
        "kind": kind,
        "place_name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
        "feature": ("within" if within else place.feature) if place else None,
        "chain": chain,
    }


if not Doc.has_extension("dyad_places"):
    Doc.set_extension("dyad_places", default=None)
#: the town the story's dateline names, as a place dict (kind "dateline"), or None
if not Doc.has_extension("dyad_filed_from"):
    Doc.set_extension("dyad_filed_from", default=None)


@Language.factory(
    "dyad_places",
    assigns=["doc._.dyad_places", "doc._.dyad_filed_from"],
    requires=["doc.ents"],
)
def make_place_finder(
    nlp: Language,
    name: str,
    places: list[str],
    use_builtin: bool,
    min_population: int,
    feature_prior: dict[str, float],
    population_weight: float,
    alias_penalty: float,
    alias_abroad_max_population: int,
    context_weight: float,
    actor_vote: float,
    admin1_weight: float,
    embedded_min_population: int,
    untagged_min_population: int,
    designators: list[str],
    part_designators: list[str],
    articles: list[str],
    quarters: list[str],
    alike_min_letters: int,
    alike_within_km: dict[str, float],
    cache: bool,
    cache_dir: str,
) -> PlaceFinder:
    missing = [f for f in FEATURES if f not in feature_prior]
    if missing:
        raise ConfigError(
            f"nlp.components.dyad_places.feature_prior lacks {', '.join(missing)}; "
            f"give a weight for each of {', '.join(FEATURES)}"
        )
    scoring = PlaceScoring(
        feature_prior={k: float(v) for k, v in feature_prior.items()},
        population_weight=population_weight,
        alias_penalty=alias_penalty,
        alias_abroad_max_population=alias_abroad_max_population,
        context_weight=context_weight,
        actor_vote=actor_vote,
        admin1_weight=admin1_weight,
        embedded_min_population=embedded_min_population,
        untagged_min_population=untagged_min_population,
        designators=frozenset(word.lower() for word in designators),
        part_designators=frozenset(word.lower() for word in part_designators),
        articles=tuple(articles),
        quarters=frozenset(word.lower() for word in quarters),
        alike_min_letters=alike_min_letters,
        alike_within_km={k: float(v) for k, v in alike_within_km.items()},
    )
    return PlaceFinder(nlp, places, use_builtin, min_population, scoring, cache, cache_dir)
