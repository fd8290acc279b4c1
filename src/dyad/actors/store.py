"""Actors and mentions in the store: rows from parsed documents, corpus-wide merging, queries."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..store import Store, rows_table
from .dictionary import Actor, ActorDictionary
from .labels import ACTING_LABELS
from .names import normalise, skeleton

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["actor_rows", "mention_table", "resolve_corpus"]

_MENTION_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("text", pa.string()),
        ("actor_id", pa.string()),
        ("label", pa.string()),
        ("code", pa.string()),
        ("confidence", pa.float64()),
        ("code_source", pa.string()),
    ]
)


def mention_table(
    parsed: Iterable[tuple[str, Doc]], dictionary: ActorDictionary
) -> tuple[pa.Table, dict[str, dict[str, Any]]]:
    """Mention rows for the store, as the component coded them at each document's date, and
    the actors they name."""
    rows: dict[str, list] = {name: [] for name in _MENTION_SCHEMA.names}
    actors: dict[str, dict[str, Any]] = {}
    for doc_id, doc in parsed:
        mentions = doc._.dyad_actors or []
        if not mentions:
            continue
        sent_starts = [s.start_char for s in doc.sents]
        sent = 0
        for m in mentions:
            while sent + 1 < len(sent_starts) and sent_starts[sent + 1] <= m["start"]:
                sent += 1
            known = dictionary.actors.get(m["actor"])
            # coded by the component at the document's publication date (its title, its
            # demonym), the code the events' sides carry too
            code, source = m["code"], _mentioned(m)
            for key, value in (
                ("doc_id", doc_id),
                ("sent", sent),
                ("char_start", m["start"]),
                ("char_end", m["end"]),
                ("text", m["text"]),
                ("actor_id", m["actor"]),
                ("label", m["label"]),
                ("code", code),
                ("confidence", m["confidence"]),
                ("code_source", source),
            ):
                rows[key].append(value)
            before = actors.get(m["actor"])
            if before is None or (known is None and _fuller(m, before)):
                # an actor the text made takes its most complete code: "Judge X" coded JUD
                # where his sentence names no country is PHLJUD where a later one places him
                actors[m["actor"]] = actor_rows(known, m)
    return pa.table(rows, schema=_MENTION_SCHEMA), actors


def _fuller(mention: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether a mention says more of its actor than the row made from an earlier mention:
    a country where the row has none, else a sector where the row has none."""
    has = (bool(mention.get("country")), bool(mention.get("sector")))
    return has > (bool(row["country"]), bool(row["sector"]))


def _source_of(code: str | None, source: str) -> str:
    return source if code else "none"


def _mentioned(mention: dict[str, Any]) -> str:
    """The code source the component gave a mention (one written before it had none: its
    code's, by the rule the component follows)."""
    if "code_source" in mention:
        return mention["code_source"]
    return _source_of(
        mention["code"], "title" if mention.get("code_from") == "title" else "dictionary"
    )


def actor_rows(known: Actor | None, mention: dict[str, Any]) -> dict[str, Any]:
    if known is not None:
        roles = [
            {
                "sector": r.sector,
                "start": r.start and r.start.isoformat(),
                "end": r.end and r.end.isoformat(),
            }
            for r in known.roles
        ]
        return {
            "actor_id": known.id,
            "name": known.name,
            "kind": known.kind,
            "country": known.country,
            "sector": known.sector,
            "code": known.code_at(None),
            "source": known.source,
            "roles": json.dumps(roles) if roles else None,
            "code_source": _source_of(known.code_at(None), "dictionary"),
        }
    return {
        "actor_id": mention["actor"],
        "name": mention["name"],
        "kind": mention["kind"],
        "country": mention["country"],
        "sector": mention["sector"],
        "code": mention["code"],
        "source": mention["source"],
        "roles": None,
        "code_source": _mentioned(mention),
    }


def _head(name: str) -> set[str]:
    """Skeleton words of a name before its first preposition ('Movement in Ahwaz' -> movement)."""
    return set(skeleton(re.split(r"\s(?:of|in|for|on|at)\s", name, maxsplit=1)[0]).split())


_UNGROUP_RENAMED = """
    create or replace temp table _stale_blocks as
        select distinct g.block from event_groups g join event_actors ea using (event_id)
        where ea.role in ('source', 'target') and ea.actor_id in (select old from _merges);
    delete from merged_events where group_id in
        (select group_id from event_groups where block in (select block from _stale_blocks));
    delete from event_groups where block in (select block from _stale_blocks);
    drop table _stale_blocks;
"""
#: (table, column) of every row naming an actor, renamed when actors merge
_NAMES_AN_ACTOR = (
    ("mentions", "actor_id"),
    ("event_actors", "actor_id"),
    ("labels", "actor_id"),
    ("actor_sentiment", "actor_id"),
    ("labels", "speaker_id"),  # a quoted or reported speaker (#29)
    ("actor_sentiment", "speaker_id"),
    ("claim_values", "subject"),
)


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


#: how alike (difflib's ratio) a person's word must be spelled to a word of a longer name
#: of the same skeleton to be that word: "Husayn" 0.62 and "Musavi" 0.92 of "Hussein" and
#: "Mousavi" are; "Kesoema" 0.43 of "Koizumi", "Kiir" 0.44 of "Kerry" are not
_ALIKE = 0.6


def _spelled_alike(name: str, others: list[str]) -> bool:
    """Whether each word of a person's name is spelled like a word of one of ``others`` with
    the same skeleton: a short skeleton ("ksm") is shared by names no one would confuse
    ("Kesoema", an Indonesian ambassador, is not Junichiro Koizumi)."""

    def split(text: str) -> list[str]:  # (an apostrophe inside a word is no break: "Ja'afari")
        return [w for w in re.split(r"[^\w]+", re.sub(r"(?<=\w)['’](?=\w)", "", text)) if w]

    words = split(normalise(name))
    pool = [w for other in others for w in split(normalise(other))]
    return all(
        any(
            skeleton(w) == skeleton(o) and SequenceMatcher(None, w, o).ratio() >= _ALIKE
            for o in pool
        )
        for w in words
        if skeleton(w)
    )


def _name_key(text: str) -> str:
    """An acronym as written ("PYD"; its skeleton would join it to "PD"), a name by skeleton."""
    text = text.strip()
    return text if _ACRONYM.fullmatch(text) else skeleton(text)


def _defined_elsewhere(store: Store, rows: list[tuple]) -> dict[str, str]:
    """Text-made actors named by an acronym or long form that a document of the corpus defines
    ("Kurdish Democratic Union Party (PYD)": both names labelled ``acronym`` there) as one
    actor: old id -> that actor. A name the corpus defines as two actors merges with neither."""
    names = {actor_id: name for actor_id, name, _, _ in rows}
    defined: dict[str, set[str]] = defaultdict(set)
    for text, actor_id in store.con.execute(
        "select distinct text, actor_id from mentions where label = 'acronym' and doc_id in"
        " (select doc_id from documents where is_current) order by all"
    ).fetchall():  # an earlier version of a document defines nothing any more
        key = _name_key(text)
        if key and actor_id in names and key != _name_key(names[actor_id]):
            defined[key].add(actor_id)  # not an acronym that found no long form: its own name
    merges = {}
    for actor_id, name, _, source in rows:
        targets = defined.get(_name_key(name), set()) - {actor_id}
        if source == "text" and len(targets) == 1:
            merges[actor_id] = targets.pop()
    return merges


def _in_their_countries(store: Store, proposed: dict[str, str]) -> dict[str, str]:
    """The short forms of ``proposed`` (short form -> longer body, not a person) named where
    the longer actor's country is: a document naming the short form names an actor of that
    country, or names no country at all. "The Popular Front" of a story of Tajikistan's war
    is not the Palestinian "Popular Front for the Liberation of Palestine" another story
    names; "the Mojahedin" of a story of Iran is the MEK."""
    if not proposed:
        return {}
    pairs = rows_table(("old", "new"), proposed.items())
    with store.registered("_proposed", pairs):
        found = store.con.execute(
            """
            with docs as (
                select distinct p.old, m.doc_id from _proposed p
                join mentions m on m.actor_id = p.old
            ), named as (
                select distinct m.doc_id, a.country from mentions m
                join actors a using (actor_id)
                where a.country is not null and m.doc_id in (select doc_id from docs)
            )
            select p.old from _proposed p join actors l on l.actor_id = p.new
            where l.country is null
               or exists (select 1 from docs d join named n using (doc_id)
                          where d.old = p.old and n.country = l.country)
               or exists (select 1 from docs d where d.old = p.old
                          and not exists (select 1 from named n where n.doc_id = d.doc_id))
            """
        ).fetchall()
    return {old: proposed[old] for (old,) in found}


def _final_targets(merges: dict[str, str]) -> dict[str, str]:
    """Each merged actor's last actor along its chain (A into B, B into C: A into C). A cycle
    (an acronym defined one way in one document and the other way in another: A into B, B into
    A) is one actor: its members merge into the first of them by id, which stays; an actor that
    would merge into itself is dropped (a merge deletes the old actor's row)."""
    final = {}
    for old in merges:
        path, new = [old], merges[old]
        while new in merges and new not in path:
            path.append(new)
            new = merges[new]
        if new in path:  # a cycle: new is where it closes
            new = min(path[path.index(new) :])
        final[old] = new
    return {old: new for old, new in final.items() if old != new}


def resolve_corpus(store: Store, dictionary: ActorDictionary | None = None) -> int:
    """Merge text-made actors that are short forms of exactly one longer actor in the corpus.

    'Sadr' in one article and 'Muqtada al-Sadr' in another are one person when no other actor's
    name contains 'Sadr'; 'the Mojahedin' joins the MEK when the MEK is the only stored actor
    one of whose names has that word. Persons merge only with persons. An acronym or long form
    defined in one document ("Kurdish Democratic Union Party (PYD)") names that actor in every
    other document ("PYD" alone). Works over actors (few),
    not documents, so it stays cheap as the corpus grows; returns the number of actors merged.
    """
    rows = store.con.execute(
        "select actor_id, name, kind, source from actors order by actor_id"
    ).fetchall()
    names: dict[str, list[str]] = {actor_id: [name] for actor_id, name, _, _ in rows}
    if dictionary is not None:
        for actor_id in names:
            if (known := dictionary.actors.get(actor_id)) is not None:
                names[actor_id] += known.aliases
    kinds = {actor_id: kind for actor_id, _, kind, _ in rows}
    # each name's length in skeleton words and its head words, computed once; an index from a
    # head word to the actors having it keeps this linear in the actors, not quadratic
    by_word: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, list[tuple[int, set[str]]]] = {}
    for actor_id, actor_names in names.items():
        heads[actor_id] = [(len(skeleton(n).split()), _head(n)) for n in actor_names]
        for _, head in heads[actor_id]:
            for word in head:
                by_word[word].add(actor_id)
    merges = _defined_elsewhere(store, rows)
    proposed: dict[str, str] = {}
    for actor_id, name, kind, source in rows:
        words = set(skeleton(name).split())
        # an acronym is no short form of a longer name's words ("BRA" is not the "Security
        # Bureau" its skeleton "br" spells): it joins only the long form a document defines
        if source != "text" or not words or actor_id in merges or _ACRONYM.fullmatch(name):
            continue
        holders = set.intersection(*(by_word.get(w, set()) for w in words))
        longer = {
            other
            for other in holders
            if other != actor_id
            and (kind == "person") == (kinds[other] == "person")
            and any(n > len(words) and words <= head for n, head in heads[other])
            and (kind != "person" or _spelled_alike(name, names[other]))
        }
        if len(longer) == 1:
            if kind == "person":  # (a person's words are his: _spelled_alike)
                merges[actor_id] = longer.pop()
            else:
                proposed[actor_id] = longer.pop()
    merges.update(_in_their_countries(store, proposed))
    merges = _final_targets(merges)
    if merges:
        pairs = rows_table(("old", "new"), merges.items())
        # one pass over each table, however many merges
        with store.transaction(), store.registered("_merges", pairs):
            # event mentions already merged under a renamed source or target are in a merge
            # block keyed by the old id: their blocks are merged again by the next event
            # merging, as if the mentions were new (what a run from scratch does)
            store.con.execute(_UNGROUP_RENAMED)
            # every row that names an actor: mentions, events, framing and claims (left out,
            # framing and claims went on naming an actor no longer in the store)
            for table, column in _NAMES_AN_ACTOR:
                store.con.execute(
                    f"update {table} t set {column} = x.new from _merges x where t.{column} = x.old"
                )
            store.con.execute("delete from actors where actor_id in (select old from _merges)")
    return len(merges)


_ACTING = ", ".join(f"'{label}'" for label in sorted(ACTING_LABELS))
#: labels whose text names the actor (a back-reference "the group" is not an alias)
_NAMING = ", ".join(f"'{label}'" for label in sorted(ACTING_LABELS - {"reference"}))
#: every actor the current documents name, in any mention (places and modifiers too) or in an
#: event, and every state an event's actor stands for in the network (its country, when the
#: store has no actor for that state: ``merge_generic`` and ``rollup`` rename to it), so each
#: id in the mentions, events and network exports has a row. ``n_mentions`` counts the
#: mentions of the actor acting (``ACTING_LABELS``); ``doc_ids`` every document naming it.
ACTORS_QUERY = f"""
    with cur as (select doc_id from documents where is_current
    ), named_in as (
        select m.* from mentions m semi join cur using (doc_id) where m.actor_id is not null
    ), in_events as (
        select e.actor_id, e.doc_id from event_actors e semi join cur using (doc_id)
        where e.actor_id is not null
    ), counted as (
        select actor_id, text, count(*) as n from named_in where label in ({_NAMING}) group by 1, 2
    ), aliased as (
        select actor_id, list(text order by n desc, text) as aliases,
               list({{'text': text, 'count': n}} order by n desc, text) as alias_counts
        from counted group by 1
    ), acting as (
        select actor_id, count(*) as n_mentions from named_in where label in ({_ACTING}) group by 1
    ), stood_for as (
        select lower(a.country) as actor_id, e.doc_id
        from in_events e join actors a using (actor_id)
        where a.kind <> 'state' and a.country is not null
          and not exists (select 1 from actors s where s.actor_id = lower(a.country))
    ), states as (select distinct actor_id from stood_for
    ), seen as (
        select actor_id, doc_id from named_in
        union select actor_id, doc_id from in_events
        union select actor_id, doc_id from stood_for
    ), per_actor as (
        select actor_id, list(distinct doc_id order by doc_id) as doc_ids from seen group by 1
    )
    select p.actor_id, coalesce(a.name, upper(p.actor_id)) as name,
           -- a state known only as a country code reads as the network shows it
           coalesce(a.kind, if(s.actor_id is null, null, 'state')) as kind,
           coalesce(a.country, if(s.actor_id is null, null, upper(p.actor_id))) as country,
           a.sector, coalesce(a.code, if(s.actor_id is null, null, upper(p.actor_id))) as code,
           coalesce(aliased.aliases, []) as aliases,
           coalesce(acting.n_mentions, 0)::bigint as n_mentions, p.doc_ids,
           coalesce(aliased.alias_counts, []) as alias_counts,
           coalesce(a.source, if(s.actor_id is null, null, 'country')) as source, a.roles,
           -- a state known only as a country code: the code is the country's own
           coalesce(a.code_source, if(s.actor_id is null, 'none', 'dictionary')) as code_source
    from per_actor p left join actors a using (actor_id) left join states s using (actor_id)
    left join aliased using (actor_id) left join acting using (actor_id)
"""
