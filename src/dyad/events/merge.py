"""Event merging: mentions of one incident, across sentences and documents, become one event.

Two mentions can be one event when they have the same type and CAMEO code (its first three
digits: a kidnapping, 181, is never an assault, 190), the same modality class (asserted and
reported facts are one class; negated, hypothetical, future and question each their own) and
the same source and target actors: a block. Mentions with no resolved actor are blocked by
their sentence's text (a copied sentence). Inside a block a mention joins the first event
(in the order the block is clustered in) whose every mention it is compatible with:

- places: the same place, or one a country (province) the other lies in (lies in the same
  country as), or one unplaced; a mention with no place finer than a province stands at its
  document's setting (its first town or site), the incident the document reports;
- dates: two single days at most ``events.merge_window_days`` apart, longer periods of at
  most a month overlapping; a year, decade or longer range only contains the others' dates;
- documents: an undated mention, or one dated only to a period longer than a month, merges
  only with mentions of its own document or ones it shares a copied passage with (text
  reuse: the passage contains both mentions), so undated mentions never glue reports of
  different incidents together across documents, and a merged event never spans years;
- templates: a passage shared by two documents that each name towns or sites (resolved or
  not) but none in common links nothing: a copy reports the same places, while incident
  summaries written from one template ("Security forces repelled the assault, killing N
  assailants") share sentences about different incidents; so does a passage shared by two
  documents that each call their incident one of a series ("This was one of three similar
  assaults in the area on this day": data/series.tsv), and a passage links no two mentions
  that give different counts of the killed or wounded (a copy carries its numbers), nor
  one holding no whole sentence besides the mention's own (a formula: "ISIL claimed
  responsibility for the attack");
- series: a mention of a document that calls its incident one of a series, or an event
  holding one, merges across documents only through a copied passage: the day, the area and
  the sides are what the series' members share, so they tell no one member apart;
- unknown sides: a mention missing its source or its target ("the police were attacked"),
  or whose sides are only unnamed groups ("assailants attacked security forces", "Iraqi
  troops clashed with gunmen"), merges the same way, only within its document or through a
  copied passage: an unknown actor or a class of people is no identity two reports can share.

Each merged event counts its sources (documents) and its independent sources: outlets
(``documents.outlet``, else the document), where documents whose mention lies inside a
passage copied from another reporting document count with that one.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import NamedTuple

from ..errors import ConfigError
from ..places.gazetteer import WIDE_FEATURES
from ..store import Store, rows_table

__all__ = ["merge_events", "modality_class"]

log = logging.getLogger(__name__)

_CLASS = {"asserted": "fact", "reported": "fact"}
#: the longest period (days from start to end) that merges across documents: a month; a
#: year, a decade or a longer range merges only within its document or copy family
_FINE_DAYS = 30
#: the toponym each mention's clause names (its feature: country, admin1, city, ...), in any
#: sentence of its document: a mention placed from an earlier sentence ("Assailants attacked
#: X town, Al Anbar. ... sources attributed the attack to ISIL" takes Al Anbar) keeps the
#: feature, so a province it inherits is a province, not a place as fine as a town
_PLACED = """left join places p on p.doc_id = e.doc_id
        and p.text = e.place_text and p.place_name = e.place_name"""
#: places too wide to tell incidents apart: a mention placed so takes its document's setting
_WIDE = WIDE_FEATURES
#: the toponyms of documents that can tell one incident from another: named places finer than
#: a province (``place``: the gazetteer's name, else the text as written, lower-cased), not a
#: wire dateline at the start of a line ("BAGHDAD (Reuters) -", "Mosul, Iraq —": where the
#: report was filed, not where it happened)
_LOCAL_TEMPLATE = """
    select p.doc_id, p.char_start, p.char_end, coalesce(p.place_name, lower(p.text)) as place,
           p.country, p.feature
    from places p join documents d using (doc_id)
    where p.kind = 'name' and coalesce(p.feature, '') not in ({wide})
        and not ((p.char_start = 0 or substr(d.text, p.char_start, 1) = chr(10))
            and regexp_matches(substr(d.text, p.char_end + 1, 60),
                '^(,\\s*[A-Za-z .]{{2,30}})?\\s*(\\([^)\\n]{{1,40}}\\))?\\s*[-–—]'))
"""


def _sql_list(words) -> str:
    """Constant words as a SQL list's items: 'a', 'b' (never request strings)."""
    return ", ".join(f"'{w}'" for w in words)


_LOCAL = _LOCAL_TEMPLATE.format(wide=_sql_list(_WIDE))
#: the same, provinces included: what tells two documents' incidents apart where they share
#: a passage (one naming only "Diyala", the other "Mosul city, Nineveh": different incidents)
_REGIONAL = _LOCAL_TEMPLATE.format(wide=_sql_list(f for f in _WIDE if f != "admin1"))
#: each document's setting: its first such toponym (resolved or not), where the incident it
#: reports happened (a news lead, an incident report's first sentence)
_SETTINGS = f"""left join (
        select doc_id, place as s_place, country as s_country, feature as s_feature
        from ({_LOCAL})
        qualify row_number() over (
            partition by doc_id order by char_start, char_end, place) = 1
    ) s on s.doc_id = e.doc_id"""
#: whether a document calls its incident one of a series (the parameter: series_pattern())
_SERIES = """left join (
        select doc_id, regexp_matches(text, ?) as series from documents where is_current
            and doc_id in (select doc_id from events where {which})
    ) sr on sr.doc_id = e.doc_id"""
#: mentions of current documents not yet grouped (the sentence's text only where no actor blocks
#: them, and joined after the actors are listed: no grouping key of that hash table)
_NEW_MENTIONS = f"""
    select x.*, case when len(x.sources) = 0 and len(x.targets) = 0 then st.text end as sentence
    from (
        select e.event_id, e.doc_id, e.sent, e.type, e.cameo, e.modality, e.date_start,
               e.date_end, e.place_name, e.country, min(p.feature) as feature, s.s_place,
               s.s_country, s.s_feature, e.trigger_start, e.killed, e.wounded,
               coalesce(list(distinct ea.actor_id order by ea.actor_id)
                   filter (where ea.role = 'source' and ea.actor_id is not null), []) as sources,
               coalesce(list(distinct ea.actor_id order by ea.actor_id)
                   filter (where ea.role = 'target' and ea.actor_id is not null), []) as targets,
               coalesce(bool_or(a.source is distinct from 'generic')
                   filter (where ea.actor_id is not null), false) as named,
               d.published, coalesce(sr.series, false) as series
        from events e
        join documents d using (doc_id)
        left join event_actors ea using (event_id)
        left join actors a on a.actor_id = ea.actor_id
        {_PLACED}
        {_SETTINGS}
        {_SERIES.format(which="event_id not in (select event_id from event_groups)")}
        where d.is_current and e.event_id not in (select event_id from event_groups)
        group by all
    ) x
    join sentences st on st.doc_id = x.doc_id and st.sent = x.sent
    order by x.published nulls last, x.doc_id, x.trigger_start
"""
#: the events of the stored groups of some blocks (the parameter: the blocks)
_IN_GROUPS = "event_id in (select event_id from event_groups where block in (select unnest(?)))"
#: the mentions already grouped in some blocks: only what clustering reads (their block is
#: known, so neither their actors nor their sentence is needed)
_IN_BLOCKS = f"""
    select e.event_id, e.doc_id, e.date_start, e.date_end, e.place_name, e.country,
           min(p.feature) as feature, s.s_place, s.s_country, s.s_feature, e.trigger_start,
           e.killed, e.wounded, d.published, g.block, coalesce(sr.series, false) as series
    from event_groups g join events e using (event_id) join documents d using (doc_id)
    {_PLACED}
    {_SETTINGS}
    {_SERIES.format(which=_IN_GROUPS)}
    where g.block in (select unnest(?)) and d.is_current
    group by all
"""
#: grouped mentions that are no longer current mentions (a replaced or re-analysed document)
_STALE = """
    select g.event_id, g.block from event_groups g
    where g.event_id not in (
        select e.event_id from events e join documents d using (doc_id) where d.is_current)
"""
#: which mentions each mention being clustered (``idx``: its place in the batch) may merge
#: with though it has no date of a month or less: the mentions of its block that come before
#: it (``key``: their event_id, or for a stored cluster of a continued block its group_id:
#: only those can be in a cluster when it is placed) that lie in a passage its document shares
#: with theirs, where the passage holds it too; and the stored clusters holding a mention of
#: its document. The passages holding a mention are found first and the documents' places
#: compared only for the pairs of documents they join: comparing every two documents' places
#: grew with the square of the corpus (13 GB for 10,000 generated articles).
#: A shared passage is no copy of one report, and links nothing, where
#: - the two documents each name towns or sites but none in common: it is a template
#:   ("Security forces repelled the assault, killing N assailants");
#: - the two documents each call their incident one of a series ("This was one of three
#:   similar assaults on security personnel in the area on this day", data/series.tsv): it is
#:   the series' template, each document telling another member of it;
#: - the passage holds no whole sentence of the mention's document besides the mention's own:
#:   one shared sentence is a formula ("The Islamic State of Iraq and the Levant (ISIL)
#:   claimed responsibility for the attack"), not a copy of a report;
#: and a copy carries its numbers: two mentions giving different counts of the killed or of
#: the wounded ("killing three assailants", "killing 17 assailants") are no copy of one
#: sentence, so the passage does not link them (reports that are not copies may still differ
#: in their tolls: a dated mention with named sides merges without a link)
#: characters a passage may leave off a sentence it holds (passages are aligned on words:
#: the closing stop, a quotation mark)
_EDGE = 2
_LINKS = f"""
    with hits as (
        select m.idx, m.block, m.doc_id as doc, m.trigger_start, m.killed, m.wounded, r.other,
               r.os, r.oe
        from _clustering m join (
            select doc_a as doc, doc_b as other, a_start as s, a_end as e, b_start as os,
                   b_end as oe
            from reuse_passages
            union all
            select doc_b, doc_a, b_start, b_end, a_start, a_end from reuse_passages
        ) r on r.doc = m.doc_id and m.trigger_start >= r.s and m.trigger_start < r.e
        where exists (
            select 1 from sentences t
            where t.doc_id = m.doc_id and t.char_start >= r.s - {_EDGE} and t.char_end <= r.e + {_EDGE}
                and not (t.char_start <= m.trigger_start and m.trigger_start < t.char_end)
        )
    ),
    pairs as (select distinct doc, other from hits),
    docs as (select doc from pairs union select other from pairs),
    series as (
        select doc_id from documents
        where doc_id in (select doc from docs) and regexp_matches(text, ?)
    ),
    local as (
        select distinct doc_id, place from ({_REGIONAL})
        where doc_id in (select doc from docs)
    ),
    shared as (
        select distinct p.doc, p.other from pairs p join local a on a.doc_id = p.doc
        where exists (select 1 from local b where b.doc_id = p.other and b.place = a.place)
    ),
    copies as (
        select doc, other from pairs p
        where not (doc in (select doc_id from series) and other in (select doc_id from series))
            and (doc not in (select doc_id from local) or other not in (select doc_id from local)
                or exists (select 1 from shared x where x.doc = p.doc and x.other = p.other))
    ),
    stored as (
        select g.block, g.group_id as key, e.doc_id, e.trigger_start, e.killed, e.wounded
        from event_groups g join events e using (event_id) join documents d using (doc_id)
        where g.block in (select unnest(?)) and d.is_current
    ),
    pool as (
        select block, event_id as key, idx, doc_id, trigger_start, killed, wounded
        from _clustering
        union all
        select block, key, -1, doc_id, trigger_start, killed, wounded from stored
    )
    select h.idx, p.key
    from hits h
    semi join copies c on c.doc = h.doc and c.other = h.other
    join pool p on p.block = h.block and p.doc_id = h.other and p.idx < h.idx
        and p.trigger_start >= h.os and p.trigger_start < h.oe
        and (h.killed is null or p.killed is null or h.killed = p.killed)
        and (h.wounded is null or p.wounded is null or h.wounded = p.wounded)
    union all
    select m.idx, p.key
    from _clustering m join stored p on p.block = m.block and p.doc_id = m.doc_id
"""


@cache
def series_pattern() -> str:
    """The RE2 pattern of a report calling its incident one of a series ("one of 43
    coordinated attacks", "one of the three attacks"): "one of", "the", an approximation, a
    quantity, up to three words and a noun of incidents (data/series.tsv)."""
    text = resources.files("dyad.events").joinpath("data", "series.tsv").read_text("utf-8")
    words: dict[str, list[str]] = {kind: [] for kind in _SERIES_KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kind, _, rest = line.partition("\t")
        phrase = " ".join(rest.lower().split())
        if kind not in words or not re.fullmatch(r"[a-z][a-z -]*", phrase):
            raise ConfigError(
                f"series.tsv:{number}: expected 'kind <tab> words' (a kind of "
                f"{', '.join(_SERIES_KINDS)}; letters, spaces, hyphens), got {line!r}"
            )
        words[kind].append(phrase)

    def one_of(kind: str) -> str:
        return "|".join(sorted(words[kind], key=len, reverse=True)).replace(" ", r"\s+")

    return (
        rf"(?i)\bone\s+of\s+(?:the\s+)?(?:(?:{one_of('approximation')})\s+)?"
        rf"(?:\d[\d,]*|{one_of('quantity')})\s+(?:[a-z-]+\s+){{0,3}}(?:{one_of('noun')})\b"
    )


#: the kinds of row data/series.tsv holds
_SERIES_KINDS = ("quantity", "approximation", "noun")


def modality_class(modality: str) -> str:
    return _CLASS.get(modality, modality)


def _key(m: dict) -> tuple:
    cameo = (m["cameo"] or "")[:3]
    if m["sources"] or m["targets"]:
        return (
            m["type"], cameo, modality_class(m["modality"]), tuple(m["sources"]),
            tuple(m["targets"]),
        )  # fmt: skip
    text = re.sub(r"\W+", " ", m["sentence"].lower()).strip()
    return (m["type"], cameo, modality_class(m["modality"]), text)


def _block(m: dict) -> str:
    """The merge block of a mention: only mentions of one block can be one event. It holds
    no date or place, so a later run's mention finds the block of the mentions it may join."""
    digest = hashlib.blake2b(repr(_key(m)).encode(), digest_size=8).hexdigest()
    anonymous = not (m["sources"] and m["targets"] and m["named"])
    return (_ANONYMOUS if anonymous else "") + digest


#: the mark of a block whose mentions miss a source or a target, or name only unnamed groups
#: (generic actors) on both sides (see ``_Cluster.admits``)
_ANONYMOUS = "?"


class _Mention:
    """What clustering reads of a mention (a slotted object, not a row's dict: a corpus's
    mentions are all held while their blocks are clustered, 100,000 for 10,000 articles).
    ``links``: set by ``_link`` for its batch (see there)."""

    #: the columns read from the row (besides its unique event_id)
    _COLUMNS = (
        "doc_id", "date_start", "date_end", "place_name", "country", "feature", "s_place",
        "s_country", "s_feature", "trigger_start", "killed", "wounded", "published", "series",
    )  # fmt: skip
    __slots__ = ("event_id", *_COLUMNS, "block", "links")

    def __init__(self, row: dict, block: str, strings: dict[str, str]) -> None:
        self.event_id = row["event_id"]
        for name in self._COLUMNS:
            value = row[name]
            # the same document, place or date string is held once, not once a mention
            setattr(self, name, strings.setdefault(value, value) if type(value) is str else value)
        self.block = strings.setdefault(block, block)
        self.links: set[str] | frozenset[str] = _NO_LINKS


#: the links of a mention outside the batch being clustered
_NO_LINKS: frozenset[str] = frozenset()


class _Member(NamedTuple):
    """A mention of a changed cluster, as counting its sources reads it: ``copy_root`` is None
    for a mention of this run, else its stored copy family's root."""

    event_id: str
    doc_id: str
    trigger_start: int
    copy_root: str | None


def _place(m: _Mention) -> tuple | None:
    """A mention's place: (name, country, feature), or None when unplaced; see _placed."""
    return _placed(m.place_name, m.country, m.feature, m.s_place, m.s_country,
                   m.s_feature)  # fmt: skip


def _placed(name, country, feature, s_place, s_country, s_feature) -> tuple | None:
    """A mention's own place, unless it has none or one no finer than a province: then its
    document's setting (its first town or site), when it has one. A sentence that names no
    town ("Security forces repelled the assault, killing eight assailants", "This was one of
    43 coordinated attacks in Iraq") tells of the document's incident, so reports of
    incidents in different towns are never one event through a sentence they share word for
    word (an incident dataset's template sentence), while copies of one report share their
    setting too."""
    if s_place and (not name or feature in _WIDE):
        return (s_place, s_country, s_feature)
    return (name, country, feature) if name else None


def _places_fit(a: tuple, b: tuple) -> bool:
    """Whether two places can be where one incident happened: the same place, or one a
    country (or province) and the other in that country (a town, a site; for a province, a
    town of the same country: mentions keep no province of their town)."""
    if a[:2] == b[:2]:
        return True
    for wide, narrow in ((a, b), (b, a)):
        if wide[1] is None or wide[1] != narrow[1]:
            continue
        if wide[2] == "country" and narrow[2] != "country":
            return True
        if wide[2] == "admin1" and narrow[2] not in ("continent", "region", "country", "admin1"):
            return True
    return False


def _period(m: _Mention) -> tuple[date, date] | None:
    start = m.date_start
    return (start, m.date_end) if start else None


def _is_fine(p: tuple[date, date]) -> bool:
    return (p[1] - p[0]).days <= _FINE_DAYS


def _contains(wide: tuple[date, date], p: tuple[date, date]) -> bool:
    return wide[0] <= p[0] and p[1] <= wide[1]


def _near(a: tuple[date, date], b: tuple[date, date], window: int) -> bool:
    """Two fine periods of one incident: days at most ``window`` days apart, or, where one is
    longer than a day, overlapping."""
    if a[0] == a[1] and b[0] == b[1]:
        return abs((a[0] - b[0]).days) <= window
    return a[0] <= b[1] and b[0] <= a[1]


class _Cluster:
    """Mentions merged so far, with what a new mention must be compatible with: the fine and
    coarse periods of its dated mentions, the places it names, and what it holds (``ids``:
    its mentions of this run, and for a cluster read back from the store (``stored``) its
    group_id, which stands for its stored mentions; ``docs``: the documents of this run's
    mentions). A stored cluster's ``mentions`` are only those added in this run."""

    __slots__ = (
        "coarse", "docs", "fine", "group_id", "ids", "mentions", "places", "series", "stored",
    )  # fmt: skip

    def __init__(self, group_id: str | None = None, stored: bool = False) -> None:
        self.group_id = group_id
        self.stored = stored
        self.mentions: list[_Mention] = []
        self.ids: set[str] = {group_id} if group_id else set()
        self.docs: set[str] = set()
        self.fine: set[tuple[date, date]] = set()
        self.coarse: set[tuple[date, date]] = set()
        self.places: set[tuple] = set()
        self.series = False  # a mention's document calls its incident one of a series

    def admits(self, m: _Mention, window: int) -> bool:
        """True when ``m`` is compatible with every mention (see the module's rules)."""
        place = _place(m)
        if place and not all(_places_fit(place, p) for p in self.places):
            return False
        linked = m.doc_id in self.docs or any(k in self.ids for k in m.links)
        if m.block.startswith(_ANONYMOUS) and not linked:
            # an unknown side ("assailants attacked the police") names no one: two such reports
            # are one event only in one document or through a copied passage
            return False
        if (m.series or self.series) and not linked:
            # a report of one of a series of attacks in an area on a day ("This was one of three
            # similar attacks in the area on the same day") shares its date, area and sides with
            # the other members' reports: only its own document or a copy tells the same one
            return False
        p = _period(m)
        if p is None:
            return linked
        if not _is_fine(p):
            return (
                linked
                and all(_contains(p, f) for f in self.fine)
                and all(_contains(p, c) or _contains(c, p) for c in self.coarse)
            )
        return (
            all(_near(p, f, window) for f in self.fine)
            and all(_contains(c, p) for c in self.coarse)
            and (linked or bool(self.fine))
        )

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        if self.group_id is None:
            self.group_id = m.event_id
        self.ids.add(m.event_id)
        self.docs.add(m.doc_id)
        self.series = self.series or m.series
        if (p := _period(m)) is not None:
            (self.fine if _is_fine(p) else self.coarse).add(p)
        if (place := _place(m)) is not None:
            self.places.add(place)


def _order(published: str | None, doc_id: str, rank: int, trigger_start: int) -> tuple:
    """Where a mention comes in the order a block is clustered in: by publication (undated
    documents last), then document; in a document its mentions dated to a day or month first
    (they join other reports' events), then those dated to longer periods, then the undated
    (which join their document's events), each by offset."""
    return (published is None, published or "", doc_id, rank, trigger_start)


#: a mention's rank in its document's clustering order (see _order)
_RANK = f"""(case when {{e}}.date_start is null then 2
    when {{e}}.date_end - {{e}}.date_start > {_FINE_DAYS} then 1 else 0 end)"""


def _rank(m: _Mention) -> int:
    p = _period(m)
    return 2 if p is None else 0 if _is_fine(p) else 1


#: the last grouped mention of each block, in clustering order
_LAST = f"""
    select g.block, d.published, e.doc_id, {_RANK.format(e="e")} as rank, e.trigger_start
    from event_groups g join events e using (event_id) join documents d using (doc_id)
    where g.block in (select unnest(?)) and d.is_current
    qualify row_number() over (partition by g.block order by d.published is null desc,
        d.published desc, e.doc_id desc, rank desc, e.trigger_start desc) = 1
"""
#: the stored clusters of some blocks, with what a new mention must be compatible with and
#: where their first mention comes (the order the clusters were made in)
_CLUSTERS = f"""
    with rows as (
        select g.block, g.group_id, e.date_start, e.date_end, e.place_name, e.country,
               min(p.feature) as feature, s.s_place, s.s_country, s.s_feature,
               coalesce(sr.series, false) as series
        from event_groups g join events e using (event_id)
        {_PLACED}
        {_SETTINGS}
        {_SERIES.format(which=_IN_GROUPS)}
        where g.block in (select unnest(?))
        group by g.block, g.group_id, e.event_id, e.date_start, e.date_end, e.place_name,
            e.country, s.s_place, s.s_country, s.s_feature, sr.series
    )
    select c.*, d.published, f.doc_id, {_RANK.format(e="f")}, f.trigger_start from (
        select block, group_id,
               coalesce(list(distinct [date_start, date_end])
                   filter (where date_start is not null), []) as periods,
               coalesce(list(distinct [place_name, country, feature, s_place, s_country,
                   s_feature]) filter (where coalesce(place_name, s_place) <> ''), []) as places,
               bool_or(series) as series
        from rows group by block, group_id
    ) c join events f on f.event_id = c.group_id join documents d on d.doc_id = f.doc_id
"""
#: every stored mention of some clusters
_MEMBERS = """
    select g.group_id, e.event_id, e.doc_id, e.trigger_start, g.copy_root
    from event_groups g join events e using (event_id) where g.group_id in (select unnest(?))
"""


def merge_events(store: Store, window_days: int, batch_mentions: int) -> int:
    """Bring ``event_groups`` and ``merged_events`` up to date; return the number of merged
    events. ``window_days``: how many days apart two reports' dates of one incident may be
    (the setting ``events.merge_window_days``).

    Incremental: only the blocks (same type, CAMEO code, modality class, source and target
    actors: no date or place, so a later mention finds its block whatever its date) that
    gain a new mention or lose a stale one are touched. A block whose new mentions all come
    after its stored ones (new reports, published later) goes on from its stored clusters, so
    adding documents costs in proportion to what they add, not to the store; any other
    touched block is clustered again from all its current mentions. Either way the result
    equals a recomputation from scratch, since a block is always clustered in one order.

    Blocks are linked and clustered a batch at a time (``batch_mentions`` mentions at most, a
    block never split: the setting ``events.merge_batch_mentions``): the passages mentions
    share across copies grow with the square of a block's reports, and only one batch's links
    are held. Blocks are independent, so the batches give the result of one pass.
    """
    _check_whole("events.merge_window_days", window_days, 0, " of days")
    _check_whole("events.merge_batch_mentions", batch_mentions, 1)
    stale = store.con.execute(_STALE).fetchall()
    new_by_block: dict[str, list[_Mention]] = defaultdict(list)
    strings: dict[str, str] = {}
    cursor = store.con.execute(_NEW_MENTIONS, [series_pattern()])
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(10_000):  # streamed: the sentences are most of the memory
        for row in chunk:
            m = dict(zip(names, row, strict=True))
            block = _block(m)
            new_by_block[block].append(_Mention(m, block, strings))
    again = {block for _, block in stale}  # blocks clustered again from all their mentions
    if not (new_by_block or again):
        return _count(store)
    last = {
        block: _order(*key)
        for block, *key in store.con.execute(_LAST, [sorted(new_by_block)]).fetchall()
    }
    for block, ms in new_by_block.items():
        if block in last and min(_order(*_of(m)) for m in ms) <= last[block]:
            again.add(block)
    continued = [b for b in new_by_block if b not in again and b in last]
    started = [b for b in new_by_block if b not in last and b not in again]
    log.info(
        "merging: %d blocks continued, %d clustered again, %d new",
        len(continued),
        len(again),
        len(started),
    )
    blocks = _clusters(store, continued)
    old = store.rows(_IN_BLOCKS, [series_pattern(), sorted(again), sorted(again)]) if again else []
    stale_ids = {event_id for event_id, _ in stale}
    mentions = [_Mention(m, m["block"], strings) for m in old if m["event_id"] not in stale_ids]
    mentions += [m for block, ms in new_by_block.items() for m in ms]
    mentions.sort(key=lambda m: _order(*_of(m)))
    changed: dict[str, _Cluster] = {}
    continuing = set(continued)
    for batch in _batches(mentions, batch_mentions):
        _link(store, batch, sorted({m.block for m in batch} & continuing))
        for m in batch:
            clusters = blocks[m.block]
            home = next((c for c in clusters if c.admits(m, window_days)), None)
            if home is None:
                home = _Cluster()
                clusters.append(home)
            home.add(m)
            changed[home.group_id] = home
        for m in batch:
            m.links = _NO_LINKS  # the batch's links are spent
    members = _members(store, changed)
    roots = _independent(store, list(members.values()), batch_mentions)
    merged, moved = [], []
    for (group_id, ms), root in zip(members.items(), roots, strict=True):
        docs = {m.doc_id for m in ms}
        merged.append((group_id, len(ms), len(docs), len({root[d] for d in docs})))
        moved += [
            (group_id, m.copy_root, root[m.copy_root])
            for m in ms
            if m.copy_root is not None and root[m.copy_root] != m.copy_root
        ]
    groups = [
        (m.event_id, group_id, m.block, root[m.doc_id])
        for (group_id, cluster), root in zip(changed.items(), roots, strict=True)
        for m in cluster.mentions
    ]
    with store.transaction():
        store.con.execute(
            "delete from merged_events where group_id in (select unnest(?)) or group_id in "
            "(select group_id from event_groups where block in (select unnest(?)))",
            [sorted(changed), sorted(again)],
        )
        store.con.execute(
            "delete from event_groups where block in (select unnest(?))", [sorted(again)]
        )
        if moved:  # copy families of stored mentions joined through a new document
            with store.registered("_moved", rows_table(("group_id", "old", "new"), set(moved))):
                store.con.execute(
                    "update event_groups g set copy_root = m.new from _moved m "
                    "where g.group_id = m.group_id and g.copy_root = m.old"
                )
        store.insert_rows("event_groups", ("event_id", "group_id", "block", "copy_root"), groups)
        store.insert_rows(
            "merged_events", ("group_id", "n_mentions", "n_sources", "n_independent"), merged
        )
    return _count(store)


def _check_whole(setting: str, value: object, least: int, unit: str = "") -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ConfigError(
            f"{setting} must be a whole number{unit}, {least} or more, not {value!r}: fix it in "
            "your --config file"
        )


def _batches(mentions: list[_Mention], size: int) -> Iterator[list[_Mention]]:
    """The mentions (in clustering order) a batch of whole blocks at a time, each batch of
    ``size`` mentions at most unless one block alone holds more; each block's mentions keep
    their order."""
    by_block: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_block[m.block].append(m)
    batch: list[_Mention] = []
    for ms in by_block.values():
        if batch and len(batch) + len(ms) > size:
            yield batch
            batch = []
        batch += ms
    if batch:
        yield batch


def _of(m: _Mention) -> tuple:
    return m.published, m.doc_id, _rank(m), m.trigger_start


def _link(store: Store, mentions: list[_Mention], continued: list[str]) -> None:
    """Set each mention's ``links``: the mentions of its block before it in ``mentions`` (the
    clustering order; event_id) and the stored clusters of continued blocks (group_id) it
    shares a copied passage with, and those stored clusters that hold a mention of its own
    document (see ``_LINKS``)."""
    for m in mentions:
        m.links = set()
    if not mentions:
        return
    rows = [
        (idx, m.block, m.event_id, m.doc_id, m.trigger_start, m.killed, m.wounded)
        for idx, m in enumerate(mentions)
    ]
    columns = ("idx", "block", "event_id", "doc_id", "trigger_start", "killed", "wounded")
    with store.registered("_clustering", rows_table(columns, rows)):
        cursor = store.con.execute(_LINKS, [series_pattern(), sorted(continued)])
        while chunk := cursor.fetchmany(100_000):
            for idx, key in chunk:
                mentions[idx].links.add(key)


def _clusters(store: Store, blocks: list[str]) -> dict[str, list[_Cluster]]:
    """The stored clusters of ``blocks``, each list in the order its clusters were made."""
    found: dict[str, list[_Cluster]] = defaultdict(list)
    if not blocks:
        return found
    rows = store.con.execute(_CLUSTERS, [series_pattern(), blocks, blocks]).fetchall()
    for block, group_id, periods, places, series, *_ in sorted(rows, key=lambda r: _order(*r[5:])):
        cluster = _Cluster(group_id, stored=True)
        cluster.series = series
        for start, end in periods:
            (cluster.fine if _is_fine((start, end)) else cluster.coarse).add((start, end))
        cluster.places = {_placed(*p) for p in places}
        found[block].append(cluster)
    return found


def _members(store: Store, clusters: dict[str, _Cluster]) -> dict[str, list[_Member]]:
    """Every current mention of each cluster: those of this run (with no ``copy_root``) and
    the stored ones."""
    members = {
        group_id: [_Member(m.event_id, m.doc_id, m.trigger_start, None) for m in c.mentions]
        for group_id, c in clusters.items()
    }
    stored = [group_id for group_id, c in clusters.items() if c.stored]
    if stored:
        rows = store.con.execute(_MEMBERS, [stored]).fetchall()
        for group_id, *member in rows:
            # a stored cluster's stored mentions (this run's are not in event_groups yet)
            members[group_id].append(_Member(*member))
    return members


def _count(store: Store) -> int:
    return store.con.execute("select count(*) from merged_events").fetchall()[0][0]


#: pairs of documents of one cluster where one's mention lies inside a passage it shares with
#: the other (the first reports the event in text copied between them), one of the two new in
#: the cluster: pairs of its stored documents were counted when they were stored
_COPIED = """
    with docs as (select distinct cluster, doc_id, new from _mentions),
    fresh as (select distinct doc_id from docs where new),
    touching as (  -- only passages of a new document can make an edge not counted before
        select * from reuse_passages where doc_a in (select doc_id from fresh)
        union all
        select * from reuse_passages
        where doc_b in (select doc_id from fresh) and doc_a not in (select doc_id from fresh)
    ),
    sides as (  -- each passage seen from both its documents
        select doc_a as doc, doc_b as other, a_start as start, a_end as stop from touching
        union all
        select doc_b, doc_a, b_start, b_end from touching
    ),
    to_new as materialized (  -- passages shared with a cluster's new document, per cluster
        select d.cluster, p.doc, p.other, p.start, p.stop
        from sides p join docs d on p.other = d.doc_id where d.new
    ),
    edges as (
        select m.cluster, m.doc_id, p.other from _mentions m join sides p
            on p.doc = m.doc_id and m.trigger_start >= p.start and m.trigger_start < p.stop
        where m.new
        union all
        select m.cluster, m.doc_id, x.other from to_new x join _mentions m
            on m.cluster = x.cluster and m.doc_id = x.doc
            and m.trigger_start >= x.start and m.trigger_start < x.stop
        where not m.new
    )
    select distinct e.cluster, e.doc_id, e.other from edges e
    semi join docs d on d.cluster = e.cluster and d.doc_id = e.other
"""


def _independent(
    store: Store, clusters: list[list[_Member]], batch_mentions: int
) -> list[dict[str, str]]:
    """For each cluster, the document that stands for each of its documents' source (its
    smallest doc_id): two documents are one source when one's mention of the event lies in a
    passage it shares with the other (a copy), or when one outlet published both; the sources
    are the families these join. Stored mentions come with their families (``copy_root``);
    only copied passages with a new document are read, in DuckDB, so a cluster reported by
    thousands of documents costs what its new documents copied, not the square of its
    documents. Clusters are read ``batch_mentions`` mentions at a time (a cluster never
    split), so DuckDB holds one batch's passages and edges, not the corpus's."""
    parents: list[dict[str, str]] = []
    rows: list[tuple] = []
    for k, ms in enumerate(clusters):
        parent = {m.copy_root: m.copy_root for m in ms if m.copy_root is not None}
        for m in ms:
            parent[m.doc_id] = m.copy_root or m.doc_id
        new = {m.doc_id for m in ms if m.copy_root is None}
        if rows and len(rows) + len(ms) > batch_mentions:
            _copied(store, rows, parents)
            rows = []
        rows += [(k, m.doc_id, m.trigger_start, m.doc_id in new) for m in ms]
        parents.append(parent)
    if rows:
        _copied(store, rows, parents)
    outlets = _outlets(store, {d for parent in parents for d in parent})
    for parent in parents:
        first: dict[str, str] = {}
        for d in sorted(parent):
            outlet = outlets.get(d)
            if outlet is None:
                continue
            if outlet not in first:
                first[outlet] = d
                continue
            ra, rb = _root(parent, first[outlet]), _root(parent, d)
            parent[max(ra, rb)] = min(ra, rb)
    return [{d: _root(parent, d) for d in parent} for parent in parents]


def _copied(store: Store, rows: list[tuple], parents: list[dict[str, str]]) -> None:
    """Join in ``parents`` (each cluster's families) the documents of ``rows`` (cluster,
    doc_id, trigger_start, new) whose mention lies in a passage copied from another document
    of its cluster (see ``_COPIED``)."""
    columns = ("cluster", "doc_id", "trigger_start", "new")
    with store.registered("_mentions", rows_table(columns, rows)):
        cursor = store.con.execute(_COPIED)
        while chunk := cursor.fetchmany(100_000):  # edges streamed: a dense corpus has millions
            for k, a, b in chunk:
                parent = parents[k]
                ra, rb = _root(parent, a), _root(parent, b)
                # the family's smallest doc_id stands for it: the same root whatever order
                # the edges come in (DuckDB returns them unordered) and however many runs
                # the family was joined in
                parent[max(ra, rb)] = min(ra, rb)


def _outlets(store: Store, doc_ids: set[str]) -> dict[str, str]:
    """The outlet of each document that names one (case and spacing aside)."""
    rows = store.con.execute(
        "select doc_id, lower(trim(outlet)) from documents "
        "where doc_id in (select unnest(?)) and trim(outlet) <> ''",
        [sorted(doc_ids)],
    ).fetchall()
    return dict(rows)


def _root(parent: dict[str, str], d: str) -> str:
    while parent[d] != d:
        parent[d] = parent[parent[d]]
        d = parent[d]
    return d
