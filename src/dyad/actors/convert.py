"""Convert the Phoenix/PETRARCH-2 actor dictionaries into dyad's packaged ``phoenix.tsv.gz``.

Run from a checkout (rerunnable; the output is deterministic for the same input)::

    python -m dyad.actors.convert ../shared/data/phoenix

It reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
``Phoenix.MilNonState.actors.txt`` with PETRARCH's own grouping rules (``+`` lines are synonyms,
indented ``[CODE YYMMDD-YYMMDD]`` lines are dated roles, a primary name with no code shares the
codes of the next one, ``#``/``;`` start comments, ``<!-- -->`` lines are skipped) and writes
dyad's TSV columns (id, name, kind, country, sector, aliases, roles), gzip'd. What is dropped,
and why, is counted and printed (and kept in the file's header):

- state-level entries (``AFGHANISTAN_ [AFG]``): the countryinfo package and states.tsv already
  give every state; Phoenix lists provinces and cities as names of the state, which would code
  "Helmand" as Afghanistan's government;
- names that are no one: titles and role nouns from ``Phoenix.agents.txt`` and dyad's title
  words, single words from ``Phoenix.discards.txt``, single words that are common English words
  (in WordNet as a verb, adjective or adverb, read from the spaCy model's lemmatizer tables),
  one- and two-letter names;
- names of persons holding a title ("President Putin", "Israeli President Reuven Rivlin"):
  dyad strips titles before it looks up, and links "President Putin" by its surname. Of a name
  that starts with its title, the rest is kept when it is a full name of two words or more that
  no other actor has ("Prime Minister Dmitri A. Medvedev" -> "Dmitri A. Medvedev"); a bare
  surname ("President Ford" -> "Ford") is not a name on its own. The titles are dyad's title
  words and the one-word office nouns of ``Phoenix.agents.txt`` (government, military,
  legislature, judiciary, police, intelligence): a noun of a group or a faith is no title,
  and a name it starts is a name ("Christian Dupont");
- names shared by actors of different countries (ambiguous).

The loader (:func:`dyad.actors.dictionary.load_dictionary`) puts these actors under dyad's
curated files: an id or a name the curated files already have stays theirs.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dictionary import ORGANISATION_HEADS, _parse_date
from .names import TITLE_WORDS, normalise, skeleton

__all__ = ["ACTOR_FILES", "Entry", "convert", "main", "read_agent_nouns", "read_blocks"]

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
OUTPUT = "phoenix.tsv.gz"
#: dyad's sectors; Phoenix's other role codes map onto them or are dropped
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "ELI",
    "IGO", "NGO", "REL", "CVL", "MED", "SPY", "BUS", "EDU", "REF", "CRM", "LAB", "AGR", "HLH",
}  # fmt: skip
SECTOR_MAP = {"INS": "REB", "UAF": "REB", "SEP": "REB", "HRI": "NGO", "SPY": "SPY"}
#: first code blocks that are not a country: international organisations and groups
NON_STATE = {"IGO": ("igo", "IGO"), "NGO": ("ngo", "NGO"), "IMG": ("armed_group", "REB"),
             "MNC": ("organisation", "BUS")}  # fmt: skip
#: entries the source files under another country's code, by that code and a word of the
#: name that tells their own: Phoenix lists Mauritania's leaders (their names carry the
#: Hassaniya patronymic "Ould") in Mauritius's block, coded MUS
MISFILED = {("MUS", "ould"): "MRT"}
KIND_OF_SECTOR = {
    "GOV": "government",
    "MIL": "military",
    "COP": "military",
    "REB": "armed_group",
    "PTY": "party",
    "IGO": "igo",
    "NGO": "ngo",
    "MED": "media",
}
#: sectors of the agent nouns that are titles of an office ("chancellor", "congressman")
OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
#: words that link a given name to a father's or family name ("Sultan Bin Saeed Al Mansuri")
NAME_LINKS = {"bin", "ibn", "bint", "ben", "al", "el", "abu", "of", "the"}
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Entry:
    """One PETRARCH actor block: its names, its codes, and whether a comment marks a person."""

    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, restriction)
    person: bool = False
    line: int = 0


def _clean_name(text: str) -> str:
    name = " ".join(text.replace("_", " ").split()).strip(" +")
    return name.title() if name.isupper() and len(name) > 4 else name


def read_blocks(text: str) -> list[Entry]:
    """PETRARCH actor blocks from a dictionary's text, following PETRARCH's reader."""
    blocks: list[Entry] = []
    current: Entry | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith("<") or raw.lstrip().startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        body = body.split(";", 1)[0]
        if not body.strip():
            continue
        codes = [tuple((c.strip() + " ").split(" ", 1)) for c in _CODE.findall(body)]
        codes = [(c.strip().upper(), r.replace(" ", "")) for c, r in codes if c.strip()]
        head = _CODE.sub("", body).strip()
        if head.startswith("+"):
            if current is not None and _clean_name(head[1:]):
                current.names.append(_clean_name(head[1:]))
            continue
        if head:  # a primary name: a new block unless the current one has no code yet
            if current is None or current.codes:
                current = Entry(line=number)
                blocks.append(current)
            current.names.append(_clean_name(head))
        if current is None:
            continue
        if "countryinfo" in comment.lower() or "rulers" in comment.lower():
            current.person = True
        current.codes.extend(codes)
    return [b for b in blocks if b.names]


def _agent_entries(text: str) -> Iterator[tuple[str, list[str], re.Match[str] | None]]:
    """Each entry of a PETRARCH agents file: its line (comments cut), the forms of its phrase
    (every substitution of a ``!marker!`` expanded, defined by a ``!marker=a,b`` line before
    it) and its ``{plural}`` mark, if any."""
    subs: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        if line.startswith("!") and "=" in line:
            marker, _, items = line.partition("=")
            subs[marker.strip().strip("!")] = [i.strip() for i in items.split(",")]
            continue
        phrase = line.split("[", 1)[0]
        plural = re.search(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", "", phrase).strip()
        forms = [phrase]
        if "!" in phrase:
            marker = phrase.split("!")[1]
            forms = [phrase.replace(f"!{marker}!", s) for s in subs.get(marker, [])]
        yield line, forms, plural


def read_agent_nouns(text: str) -> set[str]:
    """Normalised nouns and titles of a PETRARCH agents file, with their regular plurals."""
    nouns: set[str] = set()
    for _, forms, plural in _agent_entries(text):
        for form in forms:
            noun = normalise(form.replace("_", " "))
            if not noun:
                continue
            nouns.add(noun)
            if plural is None:
                nouns.add(noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
            elif plural.group(1).strip():
                nouns.add(normalise(plural.group(1).replace("_", " ")))
    return nouns


#: Phoenix agent codes -> dyad sectors (codes dyad has no sector for, such as ENV or RAD, are
#: dropped); the kind a generic actor headed by the noun gets
AGENT_SECTORS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "military",
    "REB": "armed_group",
    "UAF": "armed_group",
    "OPP": "group",
    "JUD": "government",
    "LEG": "government",
    "PTY": "party",
    "SPY": "government",
    "MED": "media",
    "EDU": "group",
    "BUS": "organisation",
    "CVL": "group",
    "REF": "group",
    "REL": "group",
    "ELI": "person",
    "NGO": "ngo",
    "CRM": "group",  # criminals: gangs, cartels, smugglers, traffickers
    "LAB": "group",  # labour: workers and their unions
    "AGR": "group",  # agriculture: farmers, peasants, herders
    "HLH": "group",  # health: doctors, nurses, medics
}
AGENTS_OUTPUT = "phoenix_agents.tsv"
#: last words of agent entries that name a place or a building, no role noun ("the embassy" is
#: a place); dyad's place rules handle them, and those of ``FACILITY_HEADS`` are read apart
PLACE_HEADS = {
    "airport", "base", "building", "camp", "city", "consulate", "district", "embassy",
    "factory", "headquarters", "home", "hospital", "house", "in", "mission", "office",
    "palace", "plant", "post", "prison", "province", "school", "station", "town",
    "university", "village", "neighborhood", "neighbourhood", "schoolhouse",
}  # fmt: skip


#: last words of agent entries that name a body's installation or seat ("embassy", "military
#: base", "presidential palace", "radio station"): read with a state's demonym or name before
#: them they are that state's body ("the Turkish embassy" TURGOV, "an Iraqi military base"
#: IRQMIL), and alone a place (``FACILITIES_OUTPUT``)
FACILITY_HEADS = {"embassy", "consulate", "base", "palace", "office", "house", "station", "post"}
FACILITIES_OUTPUT = "phoenix_facilities.tsv"


def read_agents(text: str, facilities: bool = False) -> list[tuple[str, str, str]]:
    """(noun, sector, kind) for each one- or two-word noun of a PETRARCH agents file whose code
    starts with a sector dyad has ("POLICE_OFFICER [~COP]" -> "police officer", COP); nouns in
    their singular form, as dyad looks them up by lemma; the first code of a noun wins. Nouns
    of places and buildings are left out, or, with ``facilities``, only those of a body's
    installations (``FACILITY_HEADS``) are read."""
    found: dict[str, tuple[str, str]] = {}
    for line, forms, _ in _agent_entries(text):
        code = re.search(r"\[~([A-Z]{3})", line)
        if code is None or code.group(1) not in AGENT_SECTORS:
            continue
        sector = "REB" if code.group(1) == "UAF" else code.group(1)
        for form in forms[:1]:  # a substitution's first item: its singular noun
            noun = normalise(form.replace("_", " "))
            if not re.fullmatch(r"[a-z]+(?: [a-z]+)?", noun) or len(noun) < 3:
                continue
            head = noun.split()[-1]
            if (head in FACILITY_HEADS) if facilities else (head not in PLACE_HEADS):
                found.setdefault(noun, (sector, AGENT_SECTORS[code.group(1)]))
    return [(noun, sector, kind) for noun, (sector, kind) in sorted(found.items())]


def write_agents(
    path: Path, agents: list[tuple[str, str, str]], source: str, curated: str = "agents.tsv"
) -> None:
    lines = [
        f"# Converted by python -m dyad.actors.convert from Phoenix.agents.txt ({source}),",
        "# Copyright (c) 2014 Open Event Data Alliance, MIT licence: PHOENIX-LICENSE beside this",
        f"# file. noun (singular), sector, kind; {curated} (curated) wins on conflict.",
        *("\t".join(row) for row in agents),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_discards(text: str) -> set[str]:
    """Single-word entries of a PETRARCH discard list (normalised)."""
    out = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().lstrip("+").strip("_ ")
        if line and not line.startswith("<") and " " not in line and "_" not in line:
            out.add(normalise(line))
    return out


def common_words() -> set[str]:
    """English words that are verbs, adjectives or adverbs in WordNet (the spaCy model's
    lemmatizer index): as a one-word name ("Hope", "Brown", "Hunt") they are rarely a person."""
    import spacy

    from ..config import load_settings

    nlp = spacy.load(load_settings().model)
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return set()
    index = lookups.get_table("lemma_index")
    return {w for pos in ("verb", "adj", "adv") for w in index.get(pos, [])}


def _code_parts(code: str) -> tuple[str | None, str | None, str | None]:
    """(country, sector, kind) of a Phoenix code such as RUSGOV, PRKGOVDEV, IGOUNO, ELI."""
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not blocks or code == "---":
        return None, None, None
    if blocks[0] in NON_STATE:
        kind, sector = NON_STATE[blocks[0]]
        return None, sector, kind
    if blocks[0] in SECTORS or blocks[0] in SECTOR_MAP:  # "[ELI]": a sector alone
        return None, SECTOR_MAP.get(blocks[0], blocks[0]), None
    sector = None
    for block in blocks[1:]:
        if block in SECTORS or block in SECTOR_MAP:
            sector = SECTOR_MAP.get(block, block)
            break
    return blocks[0], sector, None


def _restriction(text: str) -> tuple[date | None, date | None]:
    if text.startswith(">"):
        return _parse_date(text[1:]), None
    if text.startswith("<"):
        return None, _parse_date(text[1:])
    start, _, end = text.partition("-")
    return _parse_date(start), _parse_date(end)


@dataclass
class Converted:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: list[str]
    roles: list[tuple[str, date | None, date | None]]


def _entry_actor(entry: Entry, countries: set[str], counts: Counter) -> Converted | None:
    default = next((c for c, r in reversed(entry.codes) if not r), None)
    dated = []
    for code, restriction in entry.codes:
        if restriction:
            try:
                start, end = _restriction(restriction)
            except ValueError:
                counts["bad date restrictions"] += 1
                continue
            if start and end and end < start:
                counts["bad date restrictions"] += 1
                continue
            dated.append((code, start, end))
    if default is None and not dated:
        counts["entries without a code"] += 1
        return None
    d_country, d_sector, d_kind = _code_parts(default) if default else (None, None, None)
    if default and re.fullmatch(r"[A-Z]{3}", default) and d_country and not dated:
        counts["state-level entries (states come from countryinfo)"] += 1
        counts["names of state-level entries"] += len(entry.names)
        return None
    # the country: the default code's, else the latest role's (an open end is the latest)
    latest = sorted(dated, key=lambda d: (d[2] is None, d[2] or date.min, d[1] or date.min))
    country, kind = d_country, d_kind
    if country is None and kind is None and latest:
        country, _, kind = _code_parts(latest[-1][0])
    if country is not None and country not in countries:
        counts["entries with a region code, not a country"] += 1
        return None
    filed = country
    words = set(normalise(entry.names[0]).split())
    country = next((c for (f, w), c in MISFILED.items() if f == filed and w in words), filed)
    if country != filed:
        counts["entries filed under another country's code (refiled)"] += 1
    roles = []
    for code, start, end in dated:
        r_country, r_sector, r_kind = _code_parts(code)
        if r_country == filed and r_kind == kind and r_sector:
            roles.append((r_sector, start, end))
        else:
            counts["roles in another country or organisation (dropped)"] += 1
    # an entry with dated roles is filed as a person, but a name ending in an organisation's
    # head noun ("Kurdish Democratic Union Party", "Islamic Revolutionary Council") is none:
    # it takes the kind and sector of its head noun
    filed_person = entry.person or bool(roles)
    head = ORGANISATION_HEADS.get(normalise(entry.names[0]).rsplit(" ", 1)[-1])
    person = filed_person and head is None
    head = head if filed_person else None
    # an organisation's sector: its code's, else its latest role's, else its head noun's
    latest_role = max(roles, key=lambda r: (r[2] is None, r[2] or date.min), default=None)
    sector = d_sector or ("ELI" if person else (latest_role[0] if latest_role else head))
    if not person:
        if head is not None:  # filed as a person: the kind follows the sector found above
            kind = KIND_OF_SECTOR.get(sector or "", "organisation")
        kind = kind or KIND_OF_SECTOR.get(sector or "", "organisation")
    return Converted(
        "", entry.names[0], "person" if person else kind, country, sector, entry.names[1:], roles
    )


def _close_open_offices(actors: list[Converted], counts: Counter) -> None:
    """End each person's open office (``[AFGGOV >011222]``: held since, no end) on the last day
    the dictionaries record anywhere (their horizon, early 2015): they say nothing of later
    years, and in the news of those years most such office holders have left (Karzai, out of
    office since 2014, is no longer Afghanistan's government in a 2019 article). Past the
    horizon the person's own sector applies (mostly ELI, as CAMEO codes a former official).
    Leaders in office since then are in dyad's curated files (leaders.tsv, world_leaders.tsv),
    which win over these. An organisation's open role stays open: a body's standing changes
    less often than a minister's."""
    days = [day for a in actors for _, start, end in a.roles for day in (start, end) if day]
    if not days:
        return
    horizon = max(days)
    for actor in actors:
        if actor.kind != "person":
            continue
        closed = [(s, start, horizon if end is None and start else end)
                  for s, start, end in actor.roles]  # fmt: skip
        counts[f"open offices of persons ended at the horizon, {horizon.isoformat()}"] += sum(
            1 for old, new in zip(actor.roles, closed, strict=True) if old != new
        )
        actor.roles = closed


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")


def convert(
    sources: list[tuple[str, str]],
    stop: set[str],
    countries: set[str],
    office_nouns: frozenset[str] = frozenset(),
) -> tuple[list[Converted], Counter]:
    """Actors from (file name, text) pairs, with the names in ``stop`` (normalised) dropped;
    ``office_nouns`` (normalised) are titles beside dyad's TITLE_WORDS."""
    counts: Counter = Counter()
    actors: list[Converted] = []
    for _name, text in sources:
        for entry in read_blocks(text):
            counts["entries read"] += 1
            actor = _entry_actor(entry, countries, counts)
            if actor is not None:
                actors.append(actor)
    _close_open_offices(actors, counts)
    # names: drop the ones that are no one, then the ones shared across countries
    owners: dict[str, set[str | None]] = defaultdict(set)
    titles = set(TITLE_WORDS) | {w for w in office_nouns if " " not in w}
    untitled: list[tuple[Converted, str]] = []
    for actor in actors:
        kept = []
        for name in [actor.name, *actor.aliases]:
            key = normalise(name)
            words = key.split()
            if len(key.replace(" ", "")) <= 2:
                counts["names of one or two letters"] += 1
            elif key in stop:
                counts["names that are titles, role nouns, discards or common words"] += 1
            elif actor.kind == "person" and len(words) > 1 and set(words[:-1]) & titles:
                counts["names of persons with a title ('President Putin')"] += 1
                lead = 0
                while lead < len(words) - 1 and words[lead].rstrip(".") in titles:
                    lead += 1
                rest = name.split()[lead:]
                if (
                    lead
                    and len(rest) >= 2
                    and len(words) == len(name.split())
                    and all(w[:1].isupper() and "," not in w for w in rest)
                    and rest[0].casefold() not in NAME_LINKS
                    and not {w.casefold() for w in rest} & {"of", "for", "and", "in"}
                ):  # not "Sultan Bin Saeed" (a given name before "bin" is no title), nor
                    # "National Council Of Syria" (an organisation's name)
                    untitled.append((actor, " ".join(rest)))
            else:
                kept.append(name)
        unique = list(dict.fromkeys(kept))
        counts["duplicate names in an entry"] += len(kept) - len(unique)
        actor.name, actor.aliases = (unique[0], unique[1:]) if unique else ("", [])
        for name in unique:
            owners[normalise(name)].add(actor.country or actor.kind)
    # a titled name's full name without its title, where no other actor has it
    named = defaultdict(set)
    for actor in actors:
        for name in [actor.name, *actor.aliases]:
            if name:
                named[normalise(name)].add(id(actor))
    stripped = defaultdict(set)
    for actor, name in untitled:
        stripped[normalise(name)].add(id(actor))
    for actor, name in untitled:
        key = normalise(name)
        if (named[key] | stripped[key]) - {id(actor)} or set(key.split()) & titles:
            counts["titled names whose full name is another's or titled (dropped)"] += 1
        elif id(actor) not in named[key]:
            named[key].add(id(actor))
            if actor.name:
                actor.aliases.append(name)
            else:
                actor.name = name
            owners[key].add(actor.country or actor.kind)
            counts["full names kept without their title"] += 1
    ambiguous = {key for key, who in owners.items() if len(who) > 1}
    out, ids = [], Counter()
    for actor in actors:
        names = [n for n in [actor.name, *actor.aliases] if n and normalise(n) not in ambiguous]
        counts["names shared by actors of different countries"] += len(
            [n for n in [actor.name, *actor.aliases] if n and normalise(n) in ambiguous]
        )
        if not names:
            counts["entries left without a name"] += 1
            continue
        actor.name, actor.aliases = names[0], names[1:]
        base = "phx-" + _slug(actor.name)
        ids[base] += 1
        actor.id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        out.append(actor)
    counts["actors written"] = len(out)
    counts["names written"] = sum(1 + len(a.aliases) for a in out)
    return out, counts


def _row(actor: Converted) -> str:
    roles = ";".join(
        f"{s}:{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"
        for s, start, end in actor.roles
    )
    names = [actor.name, *actor.aliases]
    cols = [actor.id, actor.name, actor.kind, actor.country or "", actor.sector or "",
            "|".join(actor.aliases), roles, "|".join(normalise(n) for n in names),
            "|".join(skeleton(n) for n in names)]  # fmt: skip
    return "\t".join(c.replace("\t", " ") for c in cols)


def write_tsv(path: Path, actors: list[Converted], counts: Counter, source: str) -> None:
    header = [
        "# Converted by `python -m dyad.actors.convert` from the Phoenix/PETRARCH-2 dictionaries",
        f"# ({source}); Copyright (c) 2014 Open Event Data Alliance, MIT licence: see",
        "# PHOENIX-LICENSE beside this file. Columns: id name kind country sector aliases roles, then",
        "# each name's normalised key and skeleton (dyad.actors.names), so loading computes none.",
        *(f"# {n:>7}  {what}" for what, n in sorted(counts.items())),
    ]
    write_gzipped(path, [*header, *(_row(a) for a in actors)])


def write_gzipped(path: Path, lines: Iterable[str]) -> None:
    """A converted file: ``lines`` gzipped with no timestamp, so a rerun gives the same bytes."""
    text = "\n".join(lines) + "\n"
    with gzip.GzipFile(path, "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def converter_arguments(argv: list[str] | None, module: str, doc: str, what: str, output: str):
    """The command line of a converter (``python -m MODULE SOURCE [--out FOLDER]``)."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=doc.split("\n")[0])
    parser.add_argument("source", type=Path, help=f"folder with {what}")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).parents[1] / module.split(".")[1] / "data",
        help=f"folder to write {output} and PHOENIX-LICENSE to (default: the package's)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = converter_arguments(
        argv, "dyad.actors.convert", __doc__, "the Phoenix dictionaries", OUTPUT
    )
    missing = [f for f in (*ACTOR_FILES, "Phoenix.agents.txt", "Phoenix.discards.txt", "LICENSE")
               if not (args.source / f).is_file()]  # fmt: skip
    if missing:
        print(f"{args.source} lacks {', '.join(missing)}; pass the Phoenix dictionary folder",
              file=sys.stderr)  # fmt: skip
        return 2
    import countryinfo

    countries = {(c.info().get("ISO") or {}).get("alpha3") for c in countryinfo.all_countries()} - {
        None
    }
    read = lambda name: (args.source / name).read_text(encoding="utf-8", errors="replace")  # noqa: E731
    agents = read_agent_nouns(read("Phoenix.agents.txt"))
    stop = agents | read_discards(read("Phoenix.discards.txt")) | common_words() | set(TITLE_WORDS)
    offices = frozenset(
        noun for noun, sector, _ in read_agents(read("Phoenix.agents.txt")) if sector in OFFICES
    )
    actors, counts = convert([(f, read(f)) for f in ACTOR_FILES], stop, countries, offices)
    args.out.mkdir(parents=True, exist_ok=True)
    write_tsv(args.out / OUTPUT, actors, counts, "github openeventdata/petrarch2 676801c")
    converted_agents = read_agents(read("Phoenix.agents.txt"))
    write_agents(
        args.out / AGENTS_OUTPUT, converted_agents, "github openeventdata/petrarch2 676801c"
    )
    counts["agent nouns written"] = len(converted_agents)
    facilities = read_agents(read("Phoenix.agents.txt"), facilities=True)
    write_agents(
        args.out / FACILITIES_OUTPUT,
        facilities,
        "github openeventdata/petrarch2 676801c",
        "facilities.tsv",
    )
    counts["facility nouns written"] = len(facilities)
    (args.out / "PHOENIX-LICENSE").write_text(read("LICENSE"), encoding="utf-8")
    for what, n in sorted(counts.items()):
        print(f"{n:>7}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
