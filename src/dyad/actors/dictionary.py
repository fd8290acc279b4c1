"""Actor dictionaries: dyad's packaged files, the countryinfo package's states, and users' files.

All of them load through :func:`load_dictionary`, the same path a user's own ``.tsv`` or
PETRARCH/Phoenix ``.actors.txt`` file takes (later files override earlier entries by id).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..collection import gc_paused
from ..errors import ConfigError
from ..places.gazetteer import peoples
from .names import (
    PARTICLES,
    normalise,
    short_vowels,
    skeleton,
    thin_skeleton,
    variant_key,
    variant_of_skeleton,
)

__all__ = ["Actor", "ActorDictionary", "Role", "load_dictionary", "read_petrarch", "read_tsv"]


def _organisation_heads() -> dict[str, str]:
    name = "org_heads.tsv"
    text = resources.files("dyad.actors").joinpath("data", name).read_text("utf-8")
    heads = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        head, _, sector = line.partition("\t")
        if not head.strip() or not sector.strip():
            raise ConfigError(f"{name}:{number}: expected a head, a tab and a sector, not {line!r}")
        heads[head.strip().lower()] = sector.strip()
    return heads


#: the sector of an organisation's name by its head, its last word or two before any
#: preposition ("... Party", "Ministry of ...", "... Air Force"; data/org_heads.tsv); a
#: dictionary "person" named so is an organisation the source files filed as a person
ORGANISATION_HEADS = _organisation_heads()

BUILTIN_FILES = (
    "states.tsv", "igos.tsv", "middle_east.tsv", "world_groups.tsv", "leaders.tsv",
    "world_leaders.tsv", "past_leaders.tsv", "united_states.tsv", "agencies.tsv", "companies.tsv",
    "parties.tsv",
)  # fmt: skip
#: files whose persons a bare surname names only where it is one of their aliases
ALIAS_SURNAMES_ONLY = frozenset({"past_leaders.tsv"})
#: the Phoenix/PETRARCH-2 dictionaries converted by ``python -m dyad.actors.convert`` (MIT)
CONVERTED_FILE = "phoenix.tsv.gz"
#: nouns of people with no role ("man", "national"), civilians once a country is known
PEOPLE = "people.tsv"
#: last words of a name that are no surname
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
#: the title and role nouns of Phoenix.agents.txt, converted by the same command (MIT)
CONVERTED_AGENTS = "phoenix_agents.tsv"
#: nouns of a body's installations and craft ("embassy", "military base", "ship"), converted
#: from the same file, and the curated ones on top: an actor only with a state named before
FACILITIES = ("phoenix_facilities.tsv", "facilities.tsv")


#: skeletons :func:`variant_of_skeleton` may change: an "abd" word or prefix, "ibn", a word
#: opening with e or o
_VARIES = re.compile(r"(?:^| )(?:abd|ibn|[eo])")


@dataclass(frozen=True)
class Role:
    sector: str
    start: date | None = None
    end: date | None = None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = "dictionary"

    def sector_at(self, when: date | None) -> str | None:
        """The sector in force on ``when`` (a head of state is GOV only while in office; of
        roles that overlap, the one begun last). A text
        with no date reads a person of dyad's curated files as current: the office they give
        as still held (a role with a start and no end, the latest begun), else his own sector
        (Putin RUSGOV, not the elite of his pre-1999 entry; Obama, out of office, USAELI). The
        converted Phoenix roles stop in 2011-2012 (the converter ends a person's open office
        where the files stop, in 2015): its persons keep their own sector, as an organisation
        does (the Taliban that "attacked Kabul" in an undated text are the insurgents the news
        wrote of for twenty years, not the government they became)."""
        if when is None:
            held = [r for r in self.roles if r.start is not None and r.end is None]
            if held and self.kind == "person" and self.source != PHOENIX_SOURCE:
                return max(held, key=lambda role: role.start).sector
            return self.sector
        # of roles that overlap, the one begun last: an appointment that came later is what
        # the person was then (al-Bashir, an officer since 1962, president from 1989: GOV in
        # 1998); a role with no start began first
        covering = [r for r in self.roles if r.covers(when)]
        if covering:
            return max(covering, key=lambda r: r.start or date.min).sector
        return self.sector

    def code_at(self, when: date | None = None) -> str:
        return make_code(self.country, self.sector_at(when), self.kind, self.id)


#: the ``source`` of the actors converted from the Phoenix dictionaries (phoenix.tsv.gz)
PHOENIX_SOURCE = "phoenix"


def publication_day(value: object) -> date | None:
    """The day a publication date stands for when roles are dated against it: the day itself
    ("2016-09-01", "20160901"), the middle of a month ("2016-09": the 15th) or of a year
    ("2016": the 1st of July); None for anything else."""
    text = str(value or "").strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if found is None:
        return None
    try:
        return date(int(found[1]), int(found[2] or 7), 15 if found[2] else 1)
    except ValueError:
        return None


def make_code(country: str | None, sector: str | None, kind: str, actor_id: str) -> str:
    """CAMEO-style code: country + sector (IRQGOV, IRNREB); IGOs and transnational groups get a prefix."""
    if country:
        return country + (sector or "")
    tag = re.sub(r"[^A-Z]", "", actor_id.upper().removeprefix("PHX-"))[:6]
    if kind == "igo":
        return "IGO" + tag
    if kind in ("ngo", "media"):
        return (sector or "NGO") + tag
    if kind in ("ethnic", "religious"):
        return tag[:3]
    if kind in ("armed_group", "person") and sector == "REB":
        return "IMGREB"
    return sector or ""


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{6}", text):  # PETRARCH YYMMDD
        year = int(text[:2])
        text = f"{1900 + year if year > 30 else 2000 + year}-{text[2:4]}-{text[4:]}"
    elif re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return date.fromisoformat(text)


def _parse_roles(field_text: str, where: str) -> list[Role]:
    roles = []
    for part in filter(None, (p.strip() for p in field_text.split(";"))):
        sector, _, span = part.partition(":")
        start, _, end = span.partition("..")
        try:
            roles.append(Role(sector.strip().upper(), _parse_date(start), _parse_date(end)))
        except ValueError as err:
            raise ConfigError(
                f"{where}: bad role {part!r} ({err}); write SECTOR:YYYY-MM-DD..YYYY-MM-DD"
            ) from err
    return roles


def read_tsv(path: Path | str, text: str | None = None) -> tuple[list[Actor], dict[str, str]]:
    """Actors and demonyms (word -> country) from a dyad ``.tsv`` dictionary."""
    path = Path(path)
    text = text if text is not None else path.read_text(encoding="utf-8")
    actors, demonyms = [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            raise ConfigError(
                f"{path}:{number}: expected id, name, kind, country, sector[, aliases, roles] "
                f"separated by tabs; got {len(cols)} column(s)"
            )
        cols += [""] * (7 - len(cols))
        actor_id, name, kind, country, sector, aliases, roles = (c.strip() for c in cols[:7])
        alias_list = [a.strip() for a in aliases.split("|") if a.strip()]
        if kind == "demonym":
            for word in [name, *alias_list]:
                demonyms[normalise(word)] = country
            continue
        actors.append(
            Actor(
                actor_id,
                name,
                kind,
                country or None,
                sector or None,
                alias_list,
                _parse_roles(roles, f"{path}:{number}"),
                source=path.name,
            )
        )
    return actors, demonyms


_PETRARCH_CODE = re.compile(r"\[([^\]]+)\]")


def read_petrarch(path: Path | str) -> list[Actor]:
    """Actors from a PETRARCH/Phoenix ``.actors.txt`` file.

    ``NAME_ [CODE]`` starts an entry (underscores are spaces), ``+SYNONYM_`` lines add names,
    and ``[CODE >YYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` give date-bounded codes.
    Entries sharing an unrestricted code are merged into one actor.
    """
    path = Path(path)
    actors: list[Actor] = []
    current: Actor | None = None
    by_code: dict[str, Actor] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        codes = _PETRARCH_CODE.findall(line)
        head = _PETRARCH_CODE.sub("", line).strip()
        if head.startswith("+") and current is not None:
            current.aliases.append(_petrarch_name(head[1:]))
            continue
        if head:
            current = Actor(
                id="",
                name=_petrarch_name(head),
                kind="organisation",
                country=None,
                sector=None,
                source=path.name,
            )
            actors.append(current)
        if current is None:
            raise ConfigError(f"{path}:{number}: a code line before any actor name")
        for code in codes:
            _apply_petrarch_code(current, code.split(), f"{path}:{number}")
    merged: list[Actor] = []
    for actor in actors:
        actor.id = "petrarch-" + re.sub(r"[^a-z0-9]+", "-", normalise(actor.name)).strip("-")
        base = actor.country and (actor.country + (actor.sector or ""))
        if base and not actor.roles and base in by_code:
            by_code[base].aliases += [actor.name, *actor.aliases]
            continue
        if base and not actor.roles:
            by_code[base] = actor
        merged.append(actor)
    return merged


def _petrarch_name(text: str) -> str:
    name = " ".join(text.replace("_", " ").split())
    return name.title() if name.isupper() and len(name) > 4 else name


def _apply_petrarch_code(actor: Actor, parts: list[str], where: str) -> None:
    code = parts[0].upper()
    country, sector = code[:3], code[3:6] or None
    restriction = "".join(parts[1:])
    if not restriction:
        actor.country, actor.sector = country, sector or actor.sector
        actor.kind = (
            "state" if sector is None else ("person" if actor.kind == "person" else actor.kind)
        )
        return
    actor.country = actor.country or country
    try:
        if restriction.startswith(">"):
            role = Role(sector or "GOV", _parse_date(restriction[1:]), None)
        elif restriction.startswith("<"):
            role = Role(sector or "GOV", None, _parse_date(restriction[1:]))
        else:
            start, _, end = restriction.partition("-")
            role = Role(sector or "GOV", _parse_date(start), _parse_date(end))
    except ValueError as err:
        raise ConfigError(f"{where}: bad date restriction {restriction!r}: {err}") from err
    actor.roles.append(role)
    actor.kind = "person"


@dataclass
class ActorDictionary:
    """Actors by id, with indexes from normalised alias and skeleton to ids."""

    actors: dict[str, Actor] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    agents: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: installation and craft nouns -> (sector, kind), the sector empty where the noun has
    #: none of its own ("ship"): actors only with a state's demonym, name or possessive
    facilities: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=dict)
    by_skeleton: dict[str, set[str]] = field(default_factory=dict)
    #: capital cities (normalised), which stand for their state's government only when they act
    capitals: set[str] = field(default_factory=set)
    #: ids of actors found only by looking up a recognised name (the converted world-scale
    #: dictionary), never by the phrase matcher; any other file's actor wins their names
    lookup_only: set[str] = field(default_factory=set)
    #: a person's last name (and last two words of a longer name) -> ids of the persons with
    #: it, built once by :meth:`index_surnames` when first asked, every file being loaded
    by_surname: dict[str, set[str]] | None = None
    #: first words of the persons' names of two words or more ("benjamin", "kim" of "Kim Jong
    #: Un"), built with ``by_surname``: a word some person is called by first is no surname
    #: that names one person alone
    given_names: set[str] = field(default_factory=set)
    #: the first and last words of the persons' names of three words or more ("gloria arroyo"
    #: of "Gloria Macapagal Arroyo") -> ids, built with ``by_surname``
    by_first_last: dict[str, set[str]] = field(default_factory=dict)
    #: a person's name of two words or more by :func:`variant_key` -> ids, built when first
    #: asked (:meth:`person_variant`)
    by_variant: dict[str, set[str]] | None = None

    def add(self, actor: Actor) -> None:
        old = self.actors.get(actor.id)
        if old is not None:  # a later file overrides an entry with the same id
            for name in [old.name, *old.aliases]:
                self.by_name.get(normalise(name), set()).discard(old.id)
                self.by_skeleton.get(skeleton(name), set()).discard(old.id)
        self.lookup_only.discard(actor.id)
        self.actors[actor.id] = actor
        self.by_surname = self.by_variant = None  # indexed anew when next asked
        for name in [actor.name, *actor.aliases]:
            for index, key in ((self.by_name, normalise(name)), (self.by_skeleton, skeleton(name))):
                if index is self.by_skeleton and len(key.replace(" ", "")) < 5:
                    continue
                ids = index.setdefault(key, set())
                ids.difference_update(self.lookup_only)  # a converted entry yields its name
                ids.add(actor.id)

    def add_converted(self, actor: Actor, keys: list[str], skeletons: list[str]) -> bool:
        """Add a converted actor (with its names' precomputed keys) under what is loaded: not
        when its id or one of its names is already taken, and without skeletons others have."""
        if actor.id in self.actors or any(key in self.by_name for key in keys):
            self._lend_names(actor, keys)
            return False
        self.actors[actor.id] = actor
        self.lookup_only.add(actor.id)
        self.by_surname = self.by_variant = None
        for key in keys:
            self.by_name.setdefault(key, set()).add(actor.id)
        for fuzzy in skeletons:
            if len(fuzzy.replace(" ", "")) >= 5:
                ids = self.by_skeleton.setdefault(fuzzy, set())
                if ids <= self.lookup_only:
                    ids.add(actor.id)
        return True

    def _lend_names(self, actor: Actor, keys: list[str]) -> None:
        """A converted person whose name a curated person of the same country holds is that
        person: its other names no one holds ("Netanyahu", "Binyamin Netanyahu" of Phoenix's
        Benjamin Netanyahu) become look-up names of the curated entry."""
        if actor.kind != "person":
            return
        holders = {
            i for key in keys for i in self.by_name.get(key, ()) if i not in self.lookup_only
        }
        if len(holders) != 1:
            return
        holder = self.actors[next(iter(holders))]
        if holder.kind != "person" or holder.country != actor.country:
            return
        for key in keys:
            if key not in self.by_name:
                self.by_name[key] = {holder.id}
        self.by_surname = self.by_variant = None

    def names(self) -> Iterable[tuple[str, str]]:
        """(surface name, actor id) for every name and alias the phrase matcher looks for."""
        for actor in self.actors.values():
            if actor.id in self.lookup_only:
                continue
            for name in [actor.name, *actor.aliases]:
                yield name, actor.id

    def lookup(self, text: str) -> Actor | None:
        """The actor a name denotes, if exactly one does (exact, then transliteration-tolerant:
        not by a word of four letters whose skeleton is one, "Dauda" and "Didi" both "d")."""
        fuzzy = None if thin_skeleton(text) else self.by_skeleton.get(skeleton(text))
        exact = [self.by_name.get(key) for key in _exact_keys(text)]
        for ids in exact:
            if ids and len(ids) == 1:
                return self.actors[next(iter(ids))]
        if fuzzy and len(fuzzy) == 1:
            actor = self.actors[next(iter(fuzzy))]
            return actor if _spelled_alike(actor, text, skeleton) else None
        return None

    def homonyms(self, text: str) -> list[Actor]:
        """The persons who share the name ``text`` exactly (two or more: "George Bush" of the
        father and of the son), or [] when one actor has it, none does or one that has it is
        no person."""
        for key in _exact_keys(text):
            ids = self.by_name.get(key)
            if ids and len(ids) > 1:
                found = [self.actors[i] for i in sorted(ids)]
                return found if all(a.kind == "person" for a in found) else []
        return []

    def person_named(self, text: str) -> Actor | None:
        """The one person whose name or alias is exactly ``text`` (normalised; a hyphen inside
        a name is a space: "Ma Ying-jeou" is Phoenix's "Ma Ying Jeou"), else None: no
        transliteration-tolerant key, for words no recogniser took as a name."""
        for key in _exact_keys(text):
            ids = self.by_name.get(key)
            if ids and len(ids) == 1:
                actor = self.actors[next(iter(ids))]
                return actor if actor.kind == "person" else None
        return None

    def person_variant(self, text: str) -> Actor | None:
        """The person a name of two words or more denotes by its looser spelling key
        (:func:`variant_key`: "Abd al-Fattah al-Sisi", "Abdul Aziz Bouteflika", "Hasan
        Rowhani"), if exactly one person has that key: for a name neither :meth:`lookup` key
        found."""
        if len(normalise(text).split()) < 2:
            return None
        if self.by_variant is None:
            index: dict[str, set[str]] = {}
            with gc_paused():
                for fuzzy, ids in self.by_skeleton.items():  # skeletons already computed
                    # only the skeletons the variant changes; the others are their own variant
                    if " " not in fuzzy or not _VARIES.search(fuzzy):
                        continue
                    persons = {i for i in ids if self.actors[i].kind == "person"}
                    if persons:
                        index.setdefault(variant_of_skeleton(fuzzy), set()).update(persons)
            self.by_variant = index
        key = variant_key(text)
        if len(key.replace(" ", "")) < 6 or min(len(w) for w in key.split()) < 2:
            return None  # too little left to tell names apart ("k tnk": Cui Tiankai, Tanaka)
        unchanged = {i for i in self.by_skeleton.get(key, ()) if self.actors[i].kind == "person"}
        ids = self.by_variant.get(key, set()) | unchanged
        if len(ids) != 1:
            return None
        actor = self.actors[next(iter(ids))]
        return actor if _spelled_alike(actor, text) else None

    def index_surnames(self) -> None:
        """Index every person by the last word of each of its names ("Reagan" of "Ronald
        Wilson Reagan", "Assad" of "al-Assad") and, for names of three words or more, by the
        last two ("Tayyip Erdogan"); read from the name keys already indexed."""
        index: dict[str, set[str]] = {}
        given: set[str] = set()
        first_last: dict[str, set[str]] = {}
        with gc_paused():  # thousands of small sets: collections would triple the time
            self._index_names(index, given, first_last)
        self.by_surname, self.given_names, self.by_first_last = index, given, first_last

    def _index_names(self, index: dict, given: set, first_last: dict) -> None:
        actors = self.actors
        two_surnames = context_words()["two_surnames"]
        paternal: list[tuple[str, str, list[str]]] = []  # (given name, first surname, ids)
        for key, ids in self.by_name.items():
            persons = [i for i in ids if actors[i].kind == "person"]
            if not persons:
                continue
            words = key.split()
            if len(words) >= 2:
                given.add(words[0])
            while words and words[-1].rstrip(".") in NAME_SUFFIXES:
                words.pop()  # "Martin Luther King Jr."
            if not words:
                continue
            last = words[-1]
            if last in ORGANISATION_HEADS:
                continue  # "Islamic Revolutionary Council", filed as a person: no surname
            keys = [last]
            particle, _, rest = last.partition("-")
            if rest and particle in PARTICLES:
                keys.append(rest)  # "assad" of "al-assad"
            if len(words) >= 3:
                keys.append(f"{words[-2]} {last}")
                first_last.setdefault(f"{words[0]} {last}", set()).update(persons)
                if len(words) == 3 and any(
                    (actors[i].country or "").lower() in two_surnames for i in persons
                ):
                    paternal.append((words[0], words[1], persons))
            for surname in keys:
                if len(surname) > 2 and surname not in PARTICLES:
                    index.setdefault(surname, set()).update(persons)
        # "Alvaro Uribe" of "Alvaro Uribe Velez": called by the first of two surnames (the
        # father's) where names carry both; not a second given name, one some person is called
        # by first ("Carlos Andres Perez", "Juan Manuel Santos"), a particle or an initial
        for first, second, persons in paternal:
            if (
                len(second) > 2
                and not second.endswith(".")
                and second not in PARTICLES
                and second not in given
            ):
                first_last.setdefault(f"{first} {second}", set()).update(persons)

    def persons_named(self, surname: str) -> list[Actor]:
        """The persons whose last name (or last two words) is ``surname``."""
        if self.by_surname is None:
            self.index_surnames()
        return [self.actors[i] for i in sorted(self.by_surname.get(normalise(surname), ()))]

    def person_without_middle(self, text: str, rare_surname: int) -> Actor | None:
        """The person a first name and a surname denote with the middle names left out
        ("Gloria Arroyo" of "Gloria Macapagal Arroyo", "Mohamed Farmajo" of "Mohamed Abdullahi
        Mohamed Farmajo"), or with the mother's surname left out where names carry two
        ("Alvaro Uribe" of "Alvaro Uribe Velez": data/context_words.tsv, two_surnames): when
        exactly one person's name begins and ends so, and its surname is rare (at most
        ``rare_surname`` persons have it: "Mohammed Ali" is no one)."""
        words = normalise(text).split()
        if len(words) != 2:
            return None
        if self.by_surname is None:
            self.index_surnames()
        ids = self.by_first_last.get(" ".join(words), ())
        if len(ids) != 1 or len(self.by_surname.get(words[1], ())) > rare_surname:
            return None
        return self.actors[next(iter(ids))]

    def surname_holder(self, surname: str) -> Actor | str | None:
        """What a bare surname alone ("Netanyahu", "Abdul Mahdi") says: the person it names,
        when exactly one person of the curated files (not the converted world-scale one, whose
        thousands of ministers share common surnames: "Thom", "Blackburn") has it and no
        converted person of another country does; else the country, when two or more persons
        of different first names have it and all are of one country ("Gandhi"), or two or more
        curated ones are ("Bush", "Kenyatta") and at most one person of another country has it;
        else None.
        Never for a one-word surname that is some person's first name ("Kim", "Abbas") or a
        name of anything but a person (a state, an organisation, a place)."""
        key = normalise(surname)
        persons = self.persons_named(key)
        if not persons or any(self.actors[i].kind != "person" for i in self.by_name.get(key, ())):
            return None
        if " " not in key and key in self.given_names:
            return None
        countries = {p.country for p in persons}
        curated = [p for p in persons if p.id not in self.lookup_only]
        if len(curated) == 1 and countries == {curated[0].country}:
            # (a past leader only by a surname that is an alias of his: "Fraser", "Keating"
            # are as many others' surnames)
            if curated[0].source in ALIAS_SURNAMES_ONLY and key not in {
                normalise(n) for n in (curated[0].name, *curated[0].aliases)
            }:
                return None
            return curated[0]
        # the leaders of one country who share it ("Bush", "Kenyatta", "Papandreou"), whatever
        # one minister of another a converted file holds ("Mckeeva Bush" of the Cayman
        # Islands): two curated rows are two persons, whatever their first names; not a
        # surname common elsewhere ("Romero": two Salvadorans, and ministers of six states)
        shared = {p.country for p in curated}
        elsewhere = [p for p in persons if p.country not in shared]
        if len(curated) >= 2 and len(shared) == 1 and None not in shared and len(elsewhere) <= 1:
            return next(iter(shared))
        firsts = {normalise(p.name).split()[0] for p in persons}
        if len(countries) == 1 and None not in countries and len(firsts) >= 2:
            return next(iter(countries))
        return None

    def country_of_demonym(self, word: str) -> str | None:
        """ISO-3 country of a demonym or its plural ("Iraqi", "Iraqis", "South Korean")."""
        key = normalise(word)
        found = self.demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self.demonyms.get(key[:-1])
        return found


def _spelled_alike(actor: Actor, text: str, key=None) -> bool:
    """Whether a name found by a looser key keeps the vowels that tell its short words apart
    (:func:`names.short_vowels`) in one of the actor's names (of those with the same ``key``,
    where one is given: the names the look-up matched)."""
    vowels = short_vowels(text)
    return not vowels or any(
        short_vowels(name) == vowels
        for name in (actor.name, *actor.aliases)
        if key is None or key(name) == key(text)
    )


def _exact_keys(text: str) -> tuple[str, ...]:
    """A name's lookup keys, exact: its normalised form, then with a hyphen inside it read as
    a space ("Ma Ying-jeou" is Phoenix's "Ma Ying Jeou")."""
    key = normalise(text)
    return (key, key.replace("-", " ")) if "-" in key else (key,)


@cache
def capital_names() -> frozenset[str]:
    """The states' capitals (countryinfo), normalised: "oslo", "baku"."""
    return frozenset(_countries()[2])


@cache
def state_names() -> frozenset[str]:
    """The states' names (countryinfo), normalised: "lebanon", "united states"."""
    return frozenset(normalise(a.name) for a in _countries()[0])


#: states countryinfo still lists that no longer exist: their own names stay ("Serbia and
#: Montenegro", "Yugoslavia"), their capitals are their successors' ("Belgrade" is Serbia's,
#: SRBGOV, not SCGGOV)
DISSOLVED = frozenset({"SCG", "ANT"})


@cache
def capital_cities() -> dict[str, str]:
    """Each state's capital city by ISO-3 code, as the state actors read it ("SOM" ->
    "Mogadishu"; the first countryinfo lists for a state, none for a dissolved one)."""
    import countryinfo

    out: dict[str, str] = {}
    for info in (c.info() for c in countryinfo.all_countries()):
        iso, capital = (info.get("ISO") or {}).get("alpha3"), info.get("capital")
        if iso and isinstance(capital, str) and len(capital) > 3 and iso not in DISSOLVED:
            out.setdefault(iso, capital.replace(" D.C.", ""))
    return out


def _countries() -> tuple[list[Actor], dict[str, str], set[str]]:
    """Every sovereign state from the countryinfo package: names, spellings, capital, demonym."""
    import countryinfo

    actors: dict[str, Actor] = {}
    demonyms: dict[str, str] = {}
    people: dict[str, int] = {}  # population of the state each demonym was given to
    capitals: set[str] = set()
    for info in (c.info() for c in countryinfo.all_countries()):
        iso = (info.get("ISO") or {}).get("alpha3")
        name = info.get("name")
        if not iso or not name or iso in actors:
            continue
        aliases = [a for a in (info.get("altSpellings") or []) if len(a) > 3 and "," not in a]
        if capital := capital_cities().get(iso):
            aliases.append(capital)
            capitals.add(normalise(capital))
        actors[iso] = Actor(iso.lower(), name, "state", iso, "GOV", aliases, source="countryinfo")
        if demonym := info.get("demonym"):
            # a demonym two states share ("Congolese", "Dominican") is the more populous
            # state's, as news mostly means it; not whichever the package lists last
            key, population = normalise(demonym), int(info.get("population") or 0)
            if key not in demonyms or population > people[key]:
                demonyms[key], people[key] = iso, population
    return list(actors.values()), demonyms, capitals


@cache
def person_role_nouns() -> frozenset[str]:
    """The role nouns of persons in dyad's curated agents table (data/agents.tsv, kind
    person: "president", "cleric", "spokesman"), as written, singular."""
    text = resources.files("dyad.actors").joinpath("data", "agents.tsv").read_text("utf-8")
    return frozenset(w for w, (_, kind) in _read_agents(text).items() if kind == "person")


def _read_agents(text: str) -> dict[str, tuple[str, str]]:
    agents = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            noun, sector, kind = (c.strip() for c in line.split("\t")[:3])
            agents[noun] = (sector, kind)
    return agents


@lru_cache(maxsize=8)
def load_dictionary(extra_files: tuple[str, ...] = (), use_builtin: bool = True) -> ActorDictionary:
    """Packaged dictionaries (unless ``use_builtin`` is false), then ``extra_files`` in order."""
    dictionary = ActorDictionary()
    data = resources.files("dyad.actors").joinpath("data")
    converted_agents = data.joinpath(CONVERTED_AGENTS)
    if use_builtin and converted_agents.is_file():
        dictionary.agents = _read_agents(converted_agents.read_text(encoding="utf-8"))
    if use_builtin:  # people named by what they are ("man", "national"): under the curated table
        dictionary.agents.update(_read_agents(data.joinpath(PEOPLE).read_text(encoding="utf-8")))
    dictionary.agents.update(_read_agents(data.joinpath("agents.tsv").read_text(encoding="utf-8")))
    for name in FACILITIES:  # the converted ones under the curated, like the agents
        if data.joinpath(name).is_file() and (use_builtin or name == FACILITIES[-1]):
            text = data.joinpath(name).read_text(encoding="utf-8")
            dictionary.facilities.update(_read_agents(text))
    if use_builtin:
        states, demonyms, capitals = _countries()
        for actor in states:
            dictionary.add(actor)
        dictionary.demonyms.update(demonyms)
        for word in peoples():  # a people's name ("Turkmen") codes no state
            dictionary.demonyms.pop(normalise(word), None)
        dictionary.capitals = capitals
        for name in BUILTIN_FILES:
            _merge_tsv(dictionary, name, data.joinpath(name).read_text(encoding="utf-8"))
        converted = data.joinpath(CONVERTED_FILE)
        if converted.is_file():
            _add_converted(dictionary, gzip.decompress(converted.read_bytes()).decode("utf-8"))
    for extra in extra_files:
        path = Path(extra)
        if not path.is_file():
            raise ConfigError(
                f"actor dictionary {path} does not exist; fix actors.dictionaries in your config"
            )
        if path.name.endswith(".actors.txt"):
            for actor in read_petrarch(path):
                _replace_namesakes(dictionary, actor)
                dictionary.add(actor)
        else:
            _merge_tsv(dictionary, str(path), path.read_text(encoding="utf-8"), users=True)
    return dictionary


def _replace_namesakes(dictionary: ActorDictionary, actor: Actor) -> None:
    """A user's person replaces the packaged person of another id who has his name ("Sali
    Berisha" of a user's PETRARCH file, of dyad's past leaders too): the user's file says
    who he is, as a row of the same id would."""
    if actor.kind != "person":
        return
    keys = {normalise(n) for n in (actor.name, *actor.aliases)}
    for other_id in {i for key in keys for i in dictionary.by_name.get(key, ())} - {actor.id}:
        other = dictionary.actors.get(other_id)
        if other is None or other.kind != "person" or other.source not in BUILTIN_FILES:
            continue
        for name in (other.name, *other.aliases):
            dictionary.by_name.get(normalise(name), set()).discard(other_id)
            dictionary.by_skeleton.get(skeleton(name), set()).discard(other_id)
        del dictionary.actors[other_id]
        dictionary.by_surname = dictionary.by_variant = None


@cache
def _converted_role(text: str) -> tuple[Role]:
    """One role of the converted file, ``GOV:2003-01-01..2004-06-30`` (written by the converter
    in ISO dates; cabinets share dates, so each distinct role is parsed once)."""
    sector, _, span = text.partition(":")
    start, _, end = span.partition("..")
    return (
        Role(
            sector,
            date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None,
        ),
    )


def _add_converted(dictionary: ActorDictionary, text: str) -> None:
    """Rows of ``phoenix.tsv.gz``: dyad's columns plus each name's key and skeleton."""
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        actor_id, name, kind, country, sector, aliases, roles, keys, skeletons = line.split("\t")
        actor = Actor(
            actor_id,
            name,
            kind,
            country or None,
            sector or None,
            aliases.split("|") if aliases else [],
            [role for part in roles.split(";") for role in _converted_role(part)] if roles else [],
            source=PHOENIX_SOURCE,
        )
        dictionary.add_converted(actor, keys.split("|"), skeletons.split("|"))


def _merge_tsv(dictionary: ActorDictionary, name: str, text: str, users: bool = False) -> None:
    """Add a file's rows; a user's file (``users``) replaces packaged namesakes too."""
    actors, demonyms = read_tsv(name, text)
    for actor in actors:
        if users:
            _replace_namesakes(dictionary, actor)
        old = dictionary.actors.get(actor.id)
        if old is not None and old.source == "countryinfo":  # additions to a state keep its names
            if actor.kind != "state":
                # a party or a company under a state's id would take the state's names
                # ("nld" of the Netherlands for Myanmar's NLD)
                raise ConfigError(
                    f"{name}: id {actor.id!r} is the id of the state {old.name}; give the "
                    f"{actor.kind} {actor.name!r} an id of its own"
                )
            actor.aliases = [*old.aliases, *actor.aliases]
            # a short name the curated row gives this state is this one's, not another
            # state's of the package ("Congo" is news' DR Congo, not Congo-Brazzaville)
            _take_names(dictionary, actor)
        dictionary.add(actor)
    dictionary.demonyms.update(demonyms)


def _take_names(dictionary: ActorDictionary, state: Actor) -> None:
    """Take the names of ``state`` (a curated row merged with the package's state) away from
    the other states of the package that hold them."""
    keys = {normalise(n) for n in state.aliases}
    for other_id in {i for key in keys for i in dictionary.by_name.get(key, ())} - {state.id}:
        other = dictionary.actors[other_id]
        if other.kind != "state" or other.source != "countryinfo":
            continue
        kept = [n for n in other.aliases if normalise(n) not in keys]
        if len(kept) < len(other.aliases):
            dictionary.add(replace(other, aliases=kept))


#: the kinds of data/context_words.tsv (its header says what each is for)
CONTEXT_WORD_KINDS = ("topic", "attaching", "not_local", "portfolio", "foreign", "backer",
                      "allegiance", "command", "member", "gathering", "non_state", "either_force",
                      "police_work", "subnational", "federal", "stationed", "sent",
                      "held_at_home", "restriction", "assault", "assault_verb",
                      "not_name", "organisation_noun", "doer_suffix", "not_doer",
                      "opposite", "affiliation", "addressing",
                      "holding", "voice", "unit_head", "unit_branch",
                      "unit_word", "head_of", "elsewhere", "envoy",
                      "two_surnames", "named_after", "named_document", "leading", "party_word",
                      "us_party", "us_congress", "organ", "part", "regime", "body", "armed_body",
                      "state_reference", "name_head", "compass_state", "commanding")  # fmt: skip


@cache
def context_words() -> dict[str, frozenset[str]]:
    """kind -> words of data/context_words.tsv, the words the actor rules read around a mention
    (topic nouns, placing prepositions, not-local modifiers ...)."""
    from importlib import resources

    name = "context_words.tsv"
    text = resources.files("dyad.actors").joinpath("data", name).read_text("utf-8")
    words: dict[str, set[str]] = {kind: set() for kind in CONTEXT_WORD_KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, word = line.partition("\t")
        if kind not in words or not word.strip():
            raise ConfigError(
                f"{name}:{number}: expected a kind ({', '.join(CONTEXT_WORD_KINDS)}), a tab and "
                f"a word, not {line!r}"
            )
        words[kind].add(word.strip().lower())
    return {kind: frozenset(found) for kind, found in words.items()}
