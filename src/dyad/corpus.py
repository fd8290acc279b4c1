"""A read-only view of a dyad database for browsing: the Python API behind ``dyad serve``.

``Corpus(path)`` attaches the database file read-only to an in-memory DuckDB and copies the
export views that are costly to compute (merged events, actors with their counts, reuse, claims,
framing) into memory, each the first time a query needs it (``prepare()`` builds them all), so
that each request is a filtered scan of one table. The file itself is never written: DuckDB
refuses any write to a database attached read-only.

This is dyad's one read API: the CLI's read commands, the web app's routes, the exports
(``Corpus.export``) and the seeds evaluation all ask it, so a filter or a count means the same
thing everywhere (docs/filters.md).

Every method is safe to call from several threads at once (each call takes its own cursor).
Filter values are always bound parameters; the only SQL text a method assembles comes from
fixed fragments in this module.

    with Corpus("dyad-demo.duckdb") as corpus:
        corpus.events(EventFilter(actor="mek", type="ASSAULT"), limit=20).items
"""

from __future__ import annotations

import json
import math
import re
import statistics
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from .errors import DyadError, NotFound, StoreError
from .store import Store, dict_rows

if TYPE_CHECKING:
    import pyarrow as pa

    from .config import Settings

__all__ = [
    "COUNTRY_PATTERN", "MAX_LIMIT", "PRECISIONS", "QUAD_PATTERN", "Corpus", "EventFilter",
    "NotFound", "Page", "any_case", "focus_box", "parse_bbox", "segments", "word_diff",
]  # fmt: skip

#: the most rows one call returns
MAX_LIMIT = 500
#: the most computed answers (networks, overview) kept for reuse
CACHED = 64
#: the most items of one kind inside a document, actor or event view (values of a claim,
#: documents judging an actor); the lists say how many there are in all
SHOWN = 50


@dataclass(frozen=True)
class EventFilter:
    """Which events to keep; ``None`` means no filter.

    - ``actor``: an actor id, or part of a source or target name (case-insensitive);
    - ``type``: a PLOVER type; ``modality``: kept when any mention has it;
    - ``date_from`` / ``date_to``: ISO dates at any precision; an event is kept when its period
      overlaps the window (``date_to="2010"`` includes all of 2010);
    - ``source``: a document id (or its prefix) or an outlet that reports the event;
    - ``dated`` / ``placed``: only events with a date / with coordinates;
    - ``quad``: a quad class, 1 (verbal cooperation) to 4 (material conflict);
    - ``country``: the ISO 3166 alpha-3 code of the country the event is placed in;
    - ``outlet``: an outlet (as stored) of a document that reports the event;
    - ``precision``: how finely the event is placed, one of :data:`PRECISIONS`;
    - ``bbox``: ``"west,south,east,north"`` in degrees: events placed inside that box (edges
      included; a point's own coordinates twice keep the events at that point).
    """

    actor: str | None = None
    type: str | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    dated: bool = False
    placed: bool = False
    quad: int | None = None
    country: str | None = None
    outlet: str | None = None
    precision: str | None = None
    bbox: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        from .events.store import check_names, overlaps

        check_names([(self.modality or "").lower()], [self.type or ""])
        sql, params = "true", []
        if self.quad is not None:
            if self.quad not in (1, 2, 3, 4):
                raise DyadError(f"quad must be 1, 2, 3 or 4, not {self.quad!r}")
            sql += " and quad = ?"
            params.append(self.quad)
        if self.country:
            if not re.fullmatch(COUNTRY_PATTERN, self.country):
                raise DyadError(f"country must be an ISO 3166 alpha-3 code in upper case "
                                f"(IRQ), not {self.country[:60]!r}")  # fmt: skip
            sql += " and country = ?"
            params.append(self.country)
        if self.outlet:
            sql += " and event_id in (select event_id from x_event_docs where outlet = ?)"
            params.append(self.outlet)
        if self.precision:
            fragment, more = _precision(self.precision)
            sql += f" and {fragment}"
            params += more
        if self.bbox:
            west, south, east, north = parse_bbox(self.bbox)
            sql += " and lat between ? and ? and lon between ? and ?"
            params += [south, north, west, east]
        if self.actor:
            sql += " and (list_contains(actor_ids, ?) or names_lc like ? escape '\\')"
            params += [self.actor, f"%{_like(self.actor.lower())}%"]
        if self.type:
            sql += " and type = ?"
            params.append(self.type.upper())
        if self.modality:
            sql += " and list_contains(modalities, ?)"
            params.append(self.modality.lower())
        window, window_params = overlaps("date_start", "date_end", self.date_from, self.date_to)
        sql += window
        params += window_params
        if self.source:
            sql += """ and event_id in (select event_id from x_event_docs
                       where outlet = ? or starts_with(doc_id, ?))"""
            params += [self.source, self.source]
        if self.dated:
            sql += " and date_start is not null"
        if self.placed:
            sql += " and lat is not null and lon is not null"
        return sql, params


_PLACED = "lat is not null and lon is not null"
_CENTRE = "event_id in (select event_id from x_event_precision where list_contains(?, precision))"
_FEATURE = "event_id in (select event_id from x_event_precision where precision = ?)"

#: the values of the ``precision`` filter: each gazetteer feature a place can have (``within``:
#: placed at the town the document is about; ``unknown``: placed, no toponym found), and groups
PRECISION_GROUPS = {
    "fine": "placed below a country: not at a country's, region's or continent's centre",
    "centroid": "placed only at a country's, region's or continent's centre",
    "not_centroid": "not placed at such a centre: placed below a country, or not placed",
    "placed": "placed anywhere",
    "unplaced": "not placed",
}


def _precision(value: str) -> tuple[str, list[Any]]:
    """The fixed SQL of a ``precision`` value and its parameters."""
    centres = list(CENTROID_FEATURES)
    fragments: dict[str, tuple[str, list[Any]]] = {
        "fine": (f"{_PLACED} and not {_CENTRE}", [centres]),
        "centroid": (f"{_PLACED} and {_CENTRE}", [centres]),
        "not_centroid": (f"not {_CENTRE}", [centres]),
        "placed": (_PLACED, []),
        "unplaced": (f"not ({_PLACED})", []),
        "unknown": (
            f"{_PLACED} and event_id not in "
            "(select event_id from x_event_precision where precision <> ?)",
            ["unknown"],
        ),
    }
    if value in fragments:
        return f"({fragments[value][0]})", fragments[value][1]
    if value in PRECISIONS:
        return f"({_PLACED} and {_FEATURE})", [value]
    raise DyadError(f"unknown place precision {value!r}; choose one of {', '.join(PRECISIONS)}")


def any_case(words: Iterable[str]) -> str:
    """A pattern (alike in JSON Schema, JavaScript and Python) for any of ``words`` in any
    case, or the empty string (no filter)."""
    spelled = ("".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in w)
               for w in words)  # fmt: skip
    return f"^(?:{'|'.join(spelled)})?$"


#: the values the event filters take, as patterns (the API document declares them), or the
#: empty string (no filter): a quad class; an ISO 3166 alpha-3 code in upper case
QUAD_PATTERN = "^[1-4]?$"
COUNTRY_PATTERN = "^(?:[A-Z]{3})?$"

_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
#: a bounding box as the API takes it: four numbers, west,south,east,north
BBOX_PATTERN = rf"^(?:{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER})?$"


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``"west,south,east,north"`` (degrees, as Leaflet's ``toBBoxString`` writes it) as four
    numbers. A number too large for a float ("1e999") is an edge beyond every place: any
    number the pattern admits is a box, none an error. A box with west > east or south > north
    holds nothing (no error)."""
    if not re.fullmatch(BBOX_PATTERN, text) or not text:
        raise DyadError(
            f"bbox must be four numbers west,south,east,north (degrees), not {text[:60]!r}"
        )
    edge = 1e9  # beyond any longitude or latitude
    values = tuple(max(-edge, min(edge, float(v))) for v in text.split(","))
    return values  # type: ignore[return-value]


def _like(text: str) -> str:
    """``text`` with LIKE's wildcards taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class Page:
    """One page of rows and how many there are in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if end < self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "next_offset": self.next_offset}


def _check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise DyadError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise DyadError(f"offset must be 0 or more, not {offset}")


# The read model: each statement fills one in-memory table from the attached store. A table
# is built the first time a query names it (after the tables its own statement names), so a
# command that lists actors never pays for the framing table, nor one that lists claims for
# merging events.
_BUILD = {
    statement.split()[2]: statement
    for statement in (
        "create table x_documents as select doc_id, title, author, published, outlet, url, path, "
        "n_words, format, language, record, version, "
        "row_number() over (order by published nulls last, path, record) as rn "
        "from documents where is_current",
        # each side's actors as {actor_id, name} (source_ids leaves out the unknown ones)
        "create table x_sides as select ea.event_id, "
        "list({{'actor_id': ea.actor_id, 'name': coalesce(a.name, ea.text)}} order by ea.char_start) "
        "filter (where ea.role = 'source') as sources, "
        "list({{'actor_id': ea.actor_id, 'name': coalesce(a.name, ea.text)}} order by ea.char_start) "
        "filter (where ea.role = 'target') as targets "
        "from event_actors ea left join actors a using (actor_id) group by ea.event_id",
        "create table x_events as select x.*, coalesce(s.sources, []) as sources, "
        "coalesce(s.targets, []) as targets, x.source_ids || x.target_ids as actor_ids, "
        "lower(array_to_string(x.source_names || x.target_names, ' | ')) as names_lc, "
        "row_number() over (order by cast(x.date_start as varchar) nulls last, x.event_id) as rn "
        "from ({events}) x left join x_sides s on s.event_id = x.doc_id || ':' || x.trigger_start",
        "create table x_event_docs as select e.event_id, u.doc_id, d.outlet "
        "from x_events e, unnest(e.doc_ids) as u(doc_id) join x_documents d using (doc_id)",
        "create table x_event_actors as select event_id, actor_id, 'source' as role "
        "from (select event_id, unnest(source_ids) as actor_id from x_events) union all "
        "select event_id, actor_id, 'target' from "
        "(select event_id, unnest(target_ids) as actor_id from x_events)",
        "create table x_actors as with counts as (select actor_id, count(distinct event_id) as n_events "
        "from x_event_actors group by 1) select a.*, coalesce(c.n_events, 0)::integer as n_events, "
        "row_number() over (order by a.n_mentions desc, a.name) as rn "
        "from ({actors}) a left join counts c using (actor_id)",
        "create table x_reuse as select *, row_number() over "
        "(order by greatest(share_a, share_b) desc, doc_a, doc_b) as rn from ({reuse})",
        "create table x_claims as select *, row_number() over (order by case status "
        "when 'conflict' then 0 when 'agree' then 1 else 2 end, n_docs desc, claim_id) as rn "
        "from ({claims})",
        "create table x_framing as select *, row_number() over "
        "(order by n_mentions desc, doc_id, actor_id) as rn from ({framing})",
        # each placed event's place precision: the gazetteer feature (country, admin1, city,
        # ...) of the toponym its place came from ("unknown" when no toponym row matches)
        "create table x_event_precision as select x.event_id, "
        "coalesce(min(p.feature), 'unknown') as precision from events e "
        "left join event_groups g using (event_id) "
        "join x_events x on x.event_id = coalesce(g.group_id, e.event_id) "
        "and e.place_name = x.place_name and e.place_text = x.place_text "
        "left join places p on p.doc_id = e.doc_id and p.sent = e.sent "
        "and p.text = e.place_text and p.place_name = e.place_name "
        "where x.lat is not null group by x.event_id",
        "create table x_doc_counts as select d.doc_id, coalesce(e.n, 0) as n_events, "
        "coalesce(m.n, 0) as n_mentions from x_documents d "
        "left join (select doc_id, count(*) as n from x_event_docs group by 1) e using (doc_id) "
        "left join (select doc_id, count(*) as n from mentions group by 1) m using (doc_id)",
        # -- browsable tables (dyad.browse) --
        "create table x_places as select *, row_number() over (order by doc_id, start) as rn "
        "from ({places})",
        # the offline full-text search: title and text in lower case, matched with contains()
        "create table x_doc_search as select doc_id, "
        "lower(coalesce(title, '') || chr(10) || coalesce(text, '')) as body "
        "from documents where is_current",
    )
}
_READ_MODEL = re.compile(r"\bx_[a-z_]+\b")


class Corpus:
    """A dyad database opened for reading; see the module docstring."""

    def __init__(self, path: str | Path, *, settings: Settings | None = None) -> None:
        """``settings`` shape the network (its ``[network]`` section; default: dyad's)."""
        from .actors.store import ACTORS_QUERY
        from .claims.store import CLAIMS_QUERY
        from .events.store import EVENTS_QUERY
        from .framing.store import framing_query
        from .places.store import PLACES_QUERY
        from .reuse.store import REUSE_QUERY

        self.path = str(path)
        if not Path(self.path).is_file():
            raise StoreError(f"database {self.path} does not exist; create it with `dyad run PATH`")
        Store(self.path, read_only=True).close()  # checks that it is a dyad database we can read
        self._db = duckdb.connect(":memory:")
        try:
            self._db.execute("attach ? as store (read_only)", [self.path])
        except duckdb.Error as err:
            raise StoreError(f"cannot open database {self.path}: {err}") from err
        self._db.execute(_SEARCH_PATH)
        if settings is None:
            from .config import load_settings

            settings = load_settings()
        self._settings = settings
        parts = {
            "events": EVENTS_QUERY,
            "actors": ACTORS_QUERY,
            "reuse": REUSE_QUERY,
            "claims": CLAIMS_QUERY,
            "framing": framing_query(settings),
            "places": PLACES_QUERY,
        }
        self._statements = {name: sql.format(**parts) for name, sql in _BUILD.items()}
        self._built: set[str] = set()
        self._building = threading.RLock()
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def settings(self) -> Settings:
        """The settings this corpus reads with (the web app's shape its pages too)."""
        return self._settings

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self._db.cursor()
        try:
            cursor.execute(_SEARCH_PATH)
            yield cursor
        finally:
            cursor.close()

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        self._need(sql)
        with self._cursor() as con:
            return dict_rows(con, sql, params)

    def prepare(self) -> None:
        """Build the whole read model now (the web app does, so no request pays for it)."""
        self._need(" ".join(self._statements))

    def _need(self, sql: str) -> None:
        """Build the read-model tables ``sql`` names that are not built yet, each after the
        tables its own statement names."""
        wanted = [t for t in dict.fromkeys(_READ_MODEL.findall(sql)) if t in self._statements]
        if all(t in self._built for t in wanted):
            return
        with self._building:
            for table in wanted:
                if table in self._built:
                    continue
                statement = self._statements[table]
                self._need(statement.replace(f"create table {table} ", "", 1))
                self._db.execute(statement)
                self._built.add(table)

    def _page(self, table: str, where: str, params: list[Any], limit: int, offset: int,
              columns: str = "* exclude (rn)", order: str = "rn") -> Page:  # fmt: skip
        """One page of ``table`` in ``order`` (default its rank ``rn``, which every read-model
        table has; ``order`` is a fixed fragment of this module, never request text).

        The page's ranks are found first and its wide rows fetched after, so that sorting
        never moves the large columns (mentions, lists of names)."""
        _check_paging(limit, offset)
        found = self._rows(  # the page's ranks and the count of all, in one pass
            f"select rn, count(*) over () as total from {table} where {where} "
            f"order by {order}, rn limit ? offset ?",
            [*params, limit, offset],
        )
        ranks = [r["rn"] for r in found]
        if found:
            total = found[0]["total"]
        else:  # past the last row (or none): count them
            total = self._rows(f"select count(*) as n from {table} where {where}", params)[0]["n"]
        rows = self._rows(
            f"select rn as _rank, {columns} from {table} where list_contains(?, rn)", [ranks]
        )
        place = {rn: i for i, rn in enumerate(ranks)}
        items = sorted(rows, key=lambda r: place[r["_rank"]])
        for item in items:
            del item["_rank"]
        return Page(items, total, limit, offset)

    # -- overview ---------------------------------------------------------------------------

    def _cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key (the database cannot change under a read-only view),
        keeping the ``CACHED`` answers used last: a query string can make endless keys."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._lock:
            value = self._cache.setdefault(key, value)
            while len(self._cache) > CACHED:
                self._cache.popitem(last=False)
            return value

    def overview(self) -> dict[str, Any]:
        """Counts and the largest items of each kind, for the front page."""
        return self._cached("overview", self._overview)

    def _overview(self) -> dict[str, Any]:
        one = self._rows("""
            select (select count(*) from x_documents) as documents,
                   (select count(distinct outlet) from x_documents) as outlets,
                   (select coalesce(sum(n_words), 0) from x_documents) as words,
                   (select min(published) from x_documents) as first_published,
                   (select max(published) from x_documents) as last_published,
                   (select count(*) from x_actors) as actors,
                   (select count(*) from x_events) as events,
                   (select count(*) from x_events where lat is not null) as placed_events,
                   (select min(cast(date_start as varchar)) from x_events) as first_event,
                   (select max(cast(date_end as varchar)) from x_events) as last_event,
                   (select count(*) from x_reuse) as reuse_pairs,
                   (select count(*) from x_claims where status = 'conflict') as conflicts,
                   (select count(*) from x_claims where status = 'agree') as agreements
        """)[0]
        one["event_types"] = self._rows(
            "select type, count(*) as n from x_events group by type order by n desc, type"
        )
        one["modalities"] = self._rows(
            "select m as modality, count(*) as n from (select unnest(modalities) as m "
            "from x_events) group by m order by n desc, m"
        )
        one["top_actors"] = self.actors(limit=12).items
        one["outlets_list"] = self._rows(
            "select outlet, count(*) as n from x_documents group by outlet order by n desc, outlet"
        )
        one["reuse"] = self.reuse(limit=5).items
        one["conflicting_claims"] = self.claims(status="conflict", limit=5).items
        return one

    # -- documents --------------------------------------------------------------------------

    def documents(self, *, source: str | None = None, actor: str | None = None,
                  q: str | None = None, limit: int = 50, offset: int = 0) -> Page:  # fmt: skip
        """Current documents, oldest first; ``source`` is an outlet or a doc id prefix,
        ``actor`` an actor id the documents mention, ``q`` part of the title (any case)."""
        where, params = "true", []
        if q:
            where += " and lower(title) like ? escape '\\'"
            params.append(f"%{_like(q.lower())}%")
        if source:
            where += " and (outlet = ? or starts_with(doc_id, ?))"
            params += [source, source]
        if actor:
            where += " and doc_id in (select doc_id from mentions where actor_id = ?)"
            params.append(actor)
        return self._page(
            "x_documents join x_doc_counts using (doc_id)", where, params, limit, offset
        )

    def document_fields(self, doc_ids: list[str], *, text: bool = False) -> dict[str, dict]:
        """``{doc_id: {title, outlet, published[, text]}}`` for the ``doc_ids`` (full ids)."""
        if not doc_ids:
            return {}
        rows = self._rows(
            "select doc_id, title, outlet, published"
            + (
                ", (select s.text from documents s where s.doc_id = d.doc_id) as text"
                if text
                else ""
            )
            + " from x_documents d where list_contains(?, doc_id)",
            [doc_ids],
        )
        return {r.pop("doc_id"): r for r in rows}

    def document(self, doc_id: str) -> dict[str, Any]:
        """A document with its text and everything found in it, and the text cut into
        ``segments`` that carry the highlights (see :func:`segments`)."""
        found = self._rows(
            """select d.* exclude (rn), c.n_events, c.n_mentions, s.text from x_documents d
               join x_doc_counts c using (doc_id) join documents s using (doc_id)
               where doc_id = ?""",
            [doc_id],
        )
        if not found:
            raise NotFound(f"no document {doc_id!r}; list them at /api/documents")
        doc = found[0]
        doc["mentions"] = self._rows(
            """select m.char_start as start, m.char_end as "end", m.text, m.actor_id, m.label,
                      a.name as actor_name, a.kind
               from mentions m left join actors a using (actor_id)
               where m.doc_id = ? order by m.char_start""",
            [doc_id],
        )
        doc["places"] = self._rows(
            """select char_start as start, char_end as "end", text, place_name, lat, lon, country,
                      feature from places where doc_id = ? order by char_start""",
            [doc_id],
        )
        doc["events"] = self._rows(
            """select e.event_id as mention_id, coalesce(g.group_id, e.event_id) as event_id,
                      e.type, e.cameo, e.modality, e.trigger, e.trigger_start, e.trigger_end,
                      e.cue_start,
                      e.sent, x.source_names, x.target_names, x.date, x.place_name,
                      x.n_sources
               from events e left join event_groups g using (event_id)
               join x_events x on x.event_id = coalesce(g.group_id, e.event_id)
               where e.doc_id = ? order by e.trigger_start""",
            [doc_id],
        )
        doc["reuse"] = self._rows(
            """select case when doc_a = ? then doc_b else doc_a end as other,
                      case when doc_a = ? then title_b else title_a end as other_title,
                      case when doc_a = ? then outlet_b else outlet_a end as other_outlet,
                      case when doc_a = ? then share_a else share_b end as share,
                      [{'start': case when doc_a = ? then p.a_start else p.b_start end,
                        'end': case when doc_a = ? then p.a_end else p.b_end end,
                        'other_start': case when doc_a = ? then p.b_start else p.a_start end,
                        'other_end': case when doc_a = ? then p.b_end else p.a_end end}
                       for p in passages] as passages
               from x_reuse where doc_a = ? or doc_b = ?
               order by greatest(share_a, share_b) desc, other""",
            [doc_id] * 10,
        )
        doc["claims"] = self._rows(
            f"""select claim_id, subject_name, attribute, status, "values"[1:{SHOWN}] as "values",
                       n_values
                from x_claims where list_contains([v.doc_id for v in "values"], ?)""",
            [doc_id],
        )
        doc["framing"] = self._rows(
            """select actor_id, actor_name, labels, sentiment, n_mentions from x_framing
               where doc_id = ? order by n_mentions desc, actor_name""",
            [doc_id],
        )
        claimed = [v["start"] for c in doc["claims"] for v in c["values"] if v["doc_id"] == doc_id]
        doc["segments"] = segments(
            doc["text"], doc["mentions"], doc["events"], doc["reuse"], anchors=claimed
        )
        return doc

    def compare(self, doc_a: str, doc_b: str) -> dict[str, Any]:
        """Two documents that share passages, side by side: each document's ``doc_id``, title,
        outlet and date (``a``, ``b``), the share of each inside the shared passages, and the
        ``passages`` in the order of ``doc_a``, each with its offsets in both texts, both
        versions (``text_a``, ``text_b``) and a word-level ``diff``: runs of
        ``{"op": "same" | "a" | "b", "text"}`` (``a``: only in ``doc_a``'s version, ``b``:
        only in ``doc_b``'s), whose ``same`` and ``a`` runs join into ``text_a`` and whose
        ``same`` and ``b`` runs join into ``text_b``."""
        docs = self.document_fields([doc_a, doc_b], text=True)
        for doc_id in (doc_a, doc_b):
            if doc_id not in docs:
                raise NotFound(f"no document {doc_id!r}; list them at /api/documents")
        found = self._rows(
            """select doc_a, share_a, share_b, passages from x_reuse
               where (doc_a = ? and doc_b = ?) or (doc_a = ? and doc_b = ?)""",
            [doc_a, doc_b, doc_b, doc_a],
        )
        if not found:
            raise NotFound(
                f"documents {doc_a!r} and {doc_b!r} share no passage; "
                f"list a document's copies at /api/reuse?doc={doc_a}"
            )
        row = found[0]
        swapped = row["doc_a"] != doc_a
        text_a, text_b = docs[doc_a].pop("text") or "", docs[doc_b].pop("text") or ""
        passages = []
        for p in row["passages"]:
            a = (p["b_start"], p["b_end"]) if swapped else (p["a_start"], p["a_end"])
            b = (p["a_start"], p["a_end"]) if swapped else (p["b_start"], p["b_end"])
            one, other = text_a[a[0] : a[1]], text_b[b[0] : b[1]]
            passages.append({
                "a_start": a[0], "a_end": a[1], "b_start": b[0], "b_end": b[1],
                "words": p["words"], "text_a": one, "text_b": other,
                "diff": word_diff(one, other),
            })  # fmt: skip
        passages.sort(key=lambda p: (p["a_start"], p["b_start"]))
        shares = (row["share_b"], row["share_a"]) if swapped else (row["share_a"], row["share_b"])
        return {
            "a": {"doc_id": doc_a, **docs[doc_a]},
            "b": {"doc_id": doc_b, **docs[doc_b]},
            "share_a": shares[0],
            "share_b": shares[1],
            "passages": passages,
        }

    # -- actors -----------------------------------------------------------------------------

    def actors(self, *, q: str | None = None, kind: str | None = None, limit: int = 50,
               offset: int = 0) -> Page:  # fmt: skip
        """Actors, most mentioned first; ``q`` matches an id, the name or any alias."""
        where, params = "true", []
        if q:
            where += """ and (actor_id = ? or lower(name) like ? escape '\\'
                         or len(list_filter(aliases, lambda a: lower(a) like ? escape '\\')) > 0)"""
            pattern = f"%{_like(q.lower())}%"
            params += [q, pattern, pattern]
        if kind is not None:
            kinds = self.actor_kinds()
            if kind not in kinds:
                raise DyadError(
                    f"no actor of kind {kind!r} in {self.path}; its kinds are "
                    f"{', '.join(kinds) or 'none (run `dyad run PATH` first)'}"
                )
            where += " and kind = ?"
            params.append(kind)
        page = self._page(
            "x_actors", where, params, limit, offset,
            columns=f"actor_id, name, kind, country, sector, code, code_source, "
            f"aliases[1:{SHOWN}] as aliases, "
            f"alias_counts[1:{SHOWN}] as alias_counts, roles, n_mentions, n_events, "
            f"len(doc_ids) as n_documents, doc_ids[1:{SHOWN}] as doc_ids",
        )  # fmt: skip
        for item in page.items:
            item["roles"] = json.loads(item["roles"]) if item["roles"] else []
        return page

    def actor_kinds(self) -> list[str]:
        """The kinds of actor in this database (``person``, ``state``, ...), sorted."""
        rows = self._rows("select distinct kind from x_actors where kind is not null order by 1")
        return [r["kind"] for r in rows]

    def actor(self, actor_id: str) -> dict[str, Any]:
        """An actor with its aliases, how each source labels and judges it, its events by year
        and its relations (counterparts with cooperative and hostile event counts)."""
        found = self._rows(
            f"""select * exclude (rn, doc_ids), len(doc_ids) as n_documents,
                       doc_ids[1:{SHOWN}] as doc_ids
                from x_actors where actor_id = ?""",
            [actor_id],
        )
        if not found:
            raise NotFound(f"no actor {actor_id!r}; search them at /api/actors?q=NAME")
        actor = found[0]
        actor["roles"] = json.loads(actor["roles"]) if actor["roles"] else []
        actor["framing_by_outlet"] = self._rows(
            f"""select outlet, count(*) as documents, round(avg(sentiment), 2) as sentiment,
                       list_sort(list_distinct(flatten(list(labels))))[1:{SHOWN}] as labels
                from x_framing where actor_id = ? group by outlet order by sentiment, outlet""",
            [actor_id],
        )
        actor["framing"] = self._rows(  # the documents that say most about the actor
            """select doc_id, outlet, title, published, labels, sentiment, n_mentions
               from x_framing where actor_id = ? order by rn limit ?""",
            [actor_id, SHOWN],
        )
        actor["by_year"] = self._rows(
            """select left(cast(date_start as varchar), 4) as year, count(*) as n,
                      count(*) filter (where quad <= 2) as cooperation,
                      count(*) filter (where quad >= 3) as conflict
               from x_events where list_contains(actor_ids, ?) and date_start is not null
               group by 1 order by 1""",
            [actor_id],
        )
        actor["relations"] = self._rows(
            """with mine as (
                   select e.event_id, e.quad, e.intensity, e.source_ids, e.target_ids
                   from x_events e where list_contains(e.actor_ids, ?)),
               other as (
                   select event_id, quad, intensity,
                          unnest(case when list_contains(source_ids, ?) then target_ids
                                      else source_ids end) as other
                   from mine)
               select o.other as actor_id, a.name, a.kind, count(*) as n_events,
                      count(*) filter (where quad <= 2) as cooperation,
                      count(*) filter (where quad >= 3) as conflict,
                      round(avg(intensity), 2) as mean_intensity
               from other o left join actors a on a.actor_id = o.other
               where o.other != ? group by all order by n_events desc, a.name limit 50""",
            [actor_id, actor_id, actor_id],
        )
        actor["claims"] = self._rows(
            f"""select claim_id, attribute, status, "values"[1:{SHOWN}] as "values", n_values
                from x_claims where subject = ?""",
            [actor_id],
        )
        return actor

    # -- events -----------------------------------------------------------------------------

    def events(self, where: EventFilter | None = None, *, limit: int = 50, offset: int = 0) -> Page:
        """Merged events in the export shape (DESIGN §3), oldest first."""
        sql, params = (where or EventFilter()).where()
        return self._page(
            "x_events", sql, params, limit, offset,
            columns=f"* exclude (actor_ids, names_lc, rn, mentions, doc_ids), "
            f"mentions[1:{SHOWN}] as mentions, doc_ids[1:{SHOWN}] as doc_ids",
        )  # fmt: skip

    def event(self, event_id: str) -> dict[str, Any]:
        found = self._rows(
            "select * exclude (actor_ids, names_lc, rn) from x_events where event_id = ?",
            [event_id],
        )
        if not found:
            raise NotFound(f"no event {event_id!r}; list them at /api/events")
        event = found[0]
        titles = {
            r["doc_id"]: r
            for r in self._rows(
                "select doc_id, title, outlet, published from x_documents "
                "where list_contains(?, doc_id)",
                [event["doc_ids"]],
            )
        }
        for mention in event["mentions"]:
            mention.update({k: v for k, v in titles.get(mention["doc_id"], {}).items()
                            if k != "doc_id"})  # fmt: skip
        return event

    def event_counts(self, where: EventFilter | None = None, *, every: str = "year") -> list[dict]:
        """How many events start in each year (or month), cooperative and hostile apart."""
        width = {"year": 4, "month": 7}.get(every)
        if width is None:
            raise DyadError(f"every must be year or month, not {every!r}")
        sql, params = replace(where or EventFilter(), dated=True).where()
        return self._rows(
            f"""select left(cast(date_start as varchar), {width}) as period, count(*) as n,
                       count(*) filter (where quad <= 2) as cooperation,
                       count(*) filter (where quad >= 3) as conflict
                from x_events where {sql} group by 1 order by 1""",
            params,
        )

    def event_places(self, where: EventFilter | None = None, *, limit: int = MAX_LIMIT) -> dict:
        """Events with coordinates as a GeoJSON FeatureCollection (longitude first)."""
        _check_paging(limit, 0)
        sql, params = replace(where or EventFilter(), placed=True).where()
        total = self._rows(f"select count(*) as n from x_events where {sql}", params)[0]["n"]
        rows = self._rows(
            f"""select event_id, type, date, place_name, source_names, target_names, modality,
                       quad, lon, lat, mentions[1].text as sentence,
                       coalesce(p.precision, 'unknown') as precision,
                       coalesce(p.precision in {CENTROID_FEATURES!r}, false) as centroid
                from x_events left join x_event_precision p using (event_id)
                where {sql} order by rn limit ?""",
            [*params, limit],
        )
        share = float(self._settings.value("web.map_focus_share"))
        focus = {
            "all": focus_box([(r["lat"], r["lon"]) for r in rows], share),
            "fine": focus_box([(r["lat"], r["lon"]) for r in rows if not r["centroid"]], share),
        }
        features = [
            {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [row.pop("lon"), row.pop("lat")]},
                "properties": row,
            }
            for row in rows
        ]
        return {"type": "FeatureCollection", "features": features, "total": total, "focus": focus}

    def event_window(self, where: EventFilter | None = None) -> dict[str, Any]:
        """The densest period of the dated events: the shortest window from one event's start
        to another's that holds the ``web.timeline_window_share`` of them (``start``, ``end``,
        ``n`` events in it, ``total`` dated events; ``start`` and ``end`` are None when no event
        is dated). Ties go to the earliest window."""
        share = float(self._settings.value("web.timeline_window_share"))
        if not 0.0 < share <= 1.0:
            raise DyadError(f"web.timeline_window_share must be in (0, 1], not {share}")
        sql, params = replace(where or EventFilter(), dated=True).where()
        total = self._rows(f"select count(*) as n from x_events where {sql}", params)[0]["n"]
        if not total:
            return {"start": None, "end": None, "n": 0, "total": 0}
        k = max(1, math.ceil(share * total))
        best = self._rows(
            f"""select s as start, last as "end" from (
                    select cast(date_start as date) as s,
                           lead(cast(date_start as date), {k - 1:d}) over (order by date_start)
                               as last
                    from x_events where {sql})
                where last is not null order by last - s, s limit 1""",
            params,
        )[0]
        return {**best, "n": k, "total": total}

    def event_choices(self) -> dict[str, Any]:
        """What the event filters can take in this database, for the explorer's controls:
        ``span`` (the first start and last end of the dated events, None when none is dated),
        ``countries`` and ``outlets`` (``[{"value", "n"}]``, most events first), the place
        ``precisions`` present (``[{"value", "n"}]``) and ``quads`` (``{1: n, ...}``)."""
        return self._cached("event_choices", self._event_choices)

    def _event_choices(self) -> dict[str, Any]:
        span = self._rows(
            """select cast(min(date_start) as varchar) as start,
                      cast(max(coalesce(date_end, date_start)) as varchar) as "end"
               from x_events where date_start is not null"""
        )[0]
        quads = self._rows(
            "select quad, count(*) as n from x_events where quad is not null group by 1"
        )
        count = "select {0} as value, count(*) as n from {1} where {0} is not null " \
                "group by 1 order by n desc, value"  # fmt: skip
        return {
            "span": span if span["start"] else None,
            "countries": self._rows(count.format("country", "x_events")),
            "outlets": self._rows(
                "select outlet as value, count(distinct event_id) as n from x_event_docs "
                "where outlet is not null group by 1 order by n desc, value"
            ),
            "precisions": self._rows(count.format("precision", "x_event_precision")),
            "quads": {r["quad"]: r["n"] for r in quads},
        }

    # -- cross-source evidence ----------------------------------------------------------------

    def reuse(self, *, doc: str | None = None, min_share: float = 0.0, limit: int = 50,
              offset: int = 0) -> Page:  # fmt: skip
        """Pairs of documents that share passages, most copied first; ``doc`` keeps the pairs
        of one document (an id prefix), ``min_share`` those where a side copies that share."""
        if not 0.0 <= min_share <= 1.0:
            raise DyadError(f"min_share must be between 0 and 1, not {min_share}")
        where, params = "greatest(share_a, share_b) >= ?", [min_share]
        if doc:
            where += " and (starts_with(doc_a, ?) or starts_with(doc_b, ?))"
            params += [doc, doc]
        return self._page("x_reuse", where, params, limit, offset)

    def claims(self, *, status: str | None = None, subject: str | None = None, limit: int = 50,
               offset: int = 0) -> Page:  # fmt: skip
        """Claims sources make about an actor, conflicts first."""
        if status and status not in ("agree", "conflict", "single"):
            raise DyadError(f"status must be agree, conflict or single, not {status!r}")
        where, params = "true", []
        if status:
            where += " and status = ?"
            params.append(status)
        if subject:
            where += " and (subject = ? or lower(subject_name) like ? escape '\\')"
            params += [subject, f"%{_like(subject.lower())}%"]
        return self._page("x_claims", where, params, limit, offset,
                          columns=f'* exclude (rn, "values"), "values"[1:{SHOWN}] as "values"')  # fmt: skip

    def claim(self, claim_id: str) -> dict[str, Any]:
        """One claim with every value sources give for it."""
        found = self._rows("select * exclude (rn) from x_claims where claim_id = ?", [claim_id])
        if not found:
            raise NotFound(f"no claim {claim_id!r}; list them at /api/claims")
        return found[0]

    def framing(self, *, actor: str | None = None, source: str | None = None, limit: int = 50,
                offset: int = 0) -> Page:  # fmt: skip
        """How each document labels and judges each actor (sentiment −1..1), the documents
        that say most first; for one ``actor`` (an id, or part of its name), most hostile first."""
        where, params = "true", []
        if actor:
            where += " and (actor_id = ? or lower(actor_name) like ? escape '\\')"
            params += [actor, f"%{_like(actor.lower())}%"]
        if source:
            where += " and (outlet = ? or starts_with(doc_id, ?))"
            params += [source, source]
        order = "sentiment, doc_id, actor_id" if actor else "rn"
        return self._page("x_framing", where, params, limit, offset, order=order)

    def sources(self, *, top_actors: int = 8) -> dict[str, Any]:
        """The source-comparison view: each outlet's documents, the reuse between them, the
        conflicting claims, and a framing table (mean sentiment of each outlet toward each of
        the most discussed actors)."""
        return self._cached(f"sources:{top_actors}", lambda: self._sources(top_actors))

    def _sources(self, top_actors: int) -> dict[str, Any]:
        outlets = self._rows(
            """select outlet, count(*) as documents, min(published) as first, max(published) as last,
                      list(doc_id order by published) as doc_ids
               from x_documents group by outlet order by documents desc, outlet"""
        )
        actors = self._rows(
            """select actor_id, any_value(actor_name) as name, sum(n_mentions) as n
               from x_framing group by actor_id order by n desc, actor_id limit ?""",
            [top_actors],
        )
        cells = self._rows(
            """select outlet, actor_id, round(avg(sentiment), 2) as sentiment,
                      list_sort(list_distinct(flatten(list(labels)))) as labels
               from x_framing where list_contains(?, actor_id) group by outlet, actor_id""",
            [[a["actor_id"] for a in actors]],
        )
        table = {(c["outlet"], c["actor_id"]): c for c in cells}
        return {
            "outlets": outlets,
            "actors": actors,
            "framing": [
                {
                    "outlet": o["outlet"],
                    "cells": [table.get((o["outlet"], a["actor_id"])) for a in actors],
                }
                for o in outlets
            ],
            "reuse": self.reuse(limit=MAX_LIMIT).items,
            "conflicts": [
                {**c, "values": c["values"][:SHOWN]}
                for c in self.claims(status="conflict", limit=MAX_LIMIT).items
            ],
        }

    # -- exports ------------------------------------------------------------------------------

    def export(self, table: str, fmt: str, output: str | Path) -> int:
        """Write ``table`` in ``fmt`` to ``output`` (``-`` for stdout) as `dyad export` does,
        the network shaped by this corpus's settings; return the number of rows written."""
        from .export import export_table

        with self._cursor() as con:
            return export_table(_CursorStore(con), table, fmt, output, settings=self._settings)

    def table_rows(self, table: str) -> list[dict[str, Any]]:
        """The rows an export of ``table`` writes, as dicts."""
        from .export import table_rows

        with self._cursor() as con:
            return table_rows(_CursorStore(con), table, settings=self._settings)

    # -- browsable tables (dyad.browse) -------------------------------------------------------

    def browse(self, table: str, filters: dict[str, str | None] | None = None, *,
               sort: str | None = None, limit: int = 50, offset: int = 0) -> Page:  # fmt: skip
        """One page of a browsable ``table`` (see :data:`dyad.browse.VIEWS`): rows that match
        every filter and facet value in ``filters``, in the order of ``sort`` (a sort key of
        the table, ``-`` first for descending; default the table's own order)."""
        from .browse import view

        v = view(table)
        where, params = v.where(filters or {})
        page = self._page(v.source, where, params, limit, offset, columns=v.columns,
                          order=v.order(sort))  # fmt: skip
        if v.snippets:
            self._snippets(page.items, (filters or {}).get("q"))
        return page

    def _snippets(self, rows: list[dict[str, Any]], q: str | None) -> None:
        """Give each document row its ``snippet`` (:func:`dyad.browse.snippet`) of the text
        around the words of the search ``q``; None when there is no search."""
        from .browse import search_words, snippet

        words = search_words(q) if q else []
        texts = self.document_fields([r["doc_id"] for r in rows], text=True) if words else {}
        width = int(self._settings.value("web.snippet_chars"))
        for row in rows:
            text = texts[row["doc_id"]]["text"] if words else None
            row["snippet"] = snippet(text or "", words, width) if words else None

    def facets(self, table: str, filters: dict[str, str | None] | None = None
               ) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
        """For each facet of ``table``, its most frequent values among the rows ``filters``
        keep, as ``[{"value", "n"}]`` (most rows first; rows without a value are not
        counted). Keeping the rows of a value (``filters`` plus it) keeps ``n`` rows."""
        if not any((filters or {}).values()):  # a table's own counts: found once
            return self._cached(f"facets {table}", lambda: self._facets(table, {}))
        return self._facets(table, filters or {})

    def _facets(self, table: str, filters: dict[str, str | None]
                ) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
        from .browse import FACET_VALUES, view

        v = view(table)
        where, params = v.where(filters)
        # one query for every facet: the kept rows' facet columns are found once
        columns = ", ".join(f"{f.expr} as f{i}" for i, f in enumerate(v.facets.values()))
        parts = []
        for i, facet in enumerate(v.facets.values()):
            value = f"unnest(list_distinct(f{i}))" if facet.is_list else f"f{i}"
            parts.append(
                f"""(select {i} as facet, value, count(*) as n from (
                        select cast({value} as varchar) as value from kept)
                    where value is not null group by value order by n desc, value limit ?)"""
            )
        rows = self._rows(
            f"with kept as materialized (select {columns} from {v.source} where {where}) "
            + " union all ".join(parts),
            [*params, *[FACET_VALUES] * len(parts)],
        )
        result: dict[str, list[dict[str, Any]]] = {name: [] for name in v.facets}
        names = list(v.facets)
        for row in sorted(rows, key=lambda r: (r["facet"], -r["n"], r["value"])):
            result[names[row["facet"]]].append({"value": row["value"], "n": row["n"]})
        return result

    def download(self, table: str, fmt: str, filters: dict[str, str | None] | None = None, *,
                 sort: str | None = None) -> tuple[bytes, int]:  # fmt: skip
        """Every row of ``table`` that ``filters`` keep, in the order of ``sort``, written in
        ``fmt`` (csv, json, jsonl or parquet) by the exports' writers; and the row count."""
        chunks, n = self.download_stream(table, fmt, filters, sort=sort)
        return b"".join(chunks), n

    def download_stream(self, table: str, fmt: str,
                        filters: dict[str, str | None] | None = None, *,
                        sort: str | None = None) -> tuple[Iterator[bytes], int]:  # fmt: skip
        """:meth:`download` in pieces, written as the rows are read, so the first bytes go out
        at once; and the row count, known before. The rows' ranks are sorted first (as for a
        page), then the wide rows are read in that order, ``web.download_first_rows`` and then
        ``web.download_batch_rows`` at a time, and written by
        :func:`dyad.export.encode_batches`."""
        from .browse import view
        from .export import DOWNLOADS, encode_batches

        if fmt not in DOWNLOADS:
            raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(DOWNLOADS)}")
        v = view(table)
        where, params = v.where(filters or {})
        order = v.order(sort)
        ranked = f"select rn from {v.source} where {where} order by {order}, rn"
        rows = (f"select {v.download} from {v.source} where rn in (select unnest(?)) "
                "order by list_position(?, rn)")  # fmt: skip
        self._need(ranked)
        with self._cursor() as con:
            ranks = con.execute(ranked, params).fetchnumpy()["rn"].tolist()
            schema = con.sql(f"select {v.download} from {v.source} limit 0").to_arrow_table()

        first = int(self._settings.value("web.download_first_rows"))
        step = int(self._settings.value("web.download_batch_rows"))

        def batches(con: duckdb.DuckDBPyConnection) -> Iterator[pa.RecordBatch]:
            cuts = [0, *range(first, len(ranks), step), len(ranks)]
            for start, end in pairwise(sorted(set(cuts))):
                part = ranks[start:end]
                yield from con.sql(rows, params=[part, part]).to_arrow_table().to_batches()

        def chunks() -> Iterator[bytes]:
            with self._cursor() as con:
                yield from encode_batches(schema.schema, batches(con), fmt)

        return chunks(), len(ranks)

    # -- network ------------------------------------------------------------------------------

    def network(self, *, modalities: tuple[str, ...] | None = None, types: tuple[str, ...] = (),
                date_from: str | None = None, date_to: str | None = None,
                sources: tuple[str, ...] = (), rollup: bool = False,
                merge_generic: bool | None = None, top: int = 10,
                every: str | None = None) -> dict[str, Any]:  # fmt: skip
        """The signed actor network for the query, computed once per query: nodes with their
        camps, one relation per actor pair (the export shape), its balance (triad census,
        frustration, relation counts), the ``summary`` that `dyad network` prints (camps, the
        ``top`` most unbalanced triads, how well triads predict known signs) and, with
        ``every`` (``year`` or ``decade``), the network window by window (``over_time``).

        ``modalities`` default to the ``network.modalities`` setting and ``merge_generic`` to
        ``network.merge_generic``; ``sources`` are outlets or document ids (or prefixes)."""
        from .events.store import check_names
        from .network.store import NetworkQuery

        modalities = tuple(m.lower() for m in modalities) if modalities else None
        check_names(modalities or (), types)
        if every not in (None, "year", "decade"):
            raise DyadError(f"every must be year or decade, not {every!r}")
        if not 1 <= top <= MAX_LIMIT:
            raise DyadError(f"top must be between 1 and {MAX_LIMIT}, not {top}")
        query = NetworkQuery.from_settings(
            self._settings,
            modalities=tuple(modalities) if modalities else None,
            types=tuple(t.upper() for t in types),
            date_from=date_from,
            date_to=date_to,
            sources=tuple(sources),
            rollup=rollup,
            merge_generic=merge_generic,
        )
        key = repr((query, top, every))
        return self._cached(key, lambda: self._network(query, top, every))

    def predict(self, a: str, b: str, *, modalities: tuple[str, ...] | None = None,
                types: tuple[str, ...] = (), date_from: str | None = None,
                date_to: str | None = None, sources: tuple[str, ...] = (), rollup: bool = False,
                merge_generic: bool | None = None) -> dict[str, Any]:  # fmt: skip
        """Whether actors ``a`` and ``b`` (ids, names or aliases) are predicted friends or
        enemies from the rest of the network of the query, with the triads that say so. The
        network and its camps are found once per query (the database cannot change)."""
        from .events.store import check_names
        from .network.store import NetworkQuery, Solver, predict_pair, signed_network

        modalities = tuple(m.lower() for m in modalities) if modalities else None
        check_names(modalities or (), types)
        query = NetworkQuery.from_settings(
            self._settings, modalities=tuple(modalities) if modalities else None,
            types=tuple(t.upper() for t in types), date_from=date_from, date_to=date_to,
            sources=tuple(sources), rollup=rollup, merge_generic=merge_generic,
        )  # fmt: skip
        events = "select * from x_events"  # the read model's merged events, built once
        self._need(events)
        solver = Solver.from_settings(self._settings)
        with self._cursor() as con:
            store = _CursorStore(con)
            signed = self._cached(  # the query's network and camps, found once per query
                f"signed {query!r}",
                lambda: signed_network(store, query, solver, events_sql=events),
            )
            return predict_pair(store, a, b, query, solver, events_sql=events, signed=signed)

    def _network(self, query: Any, top: int, every: str | None) -> dict[str, Any]:
        from .network import triad_census
        from .network.formats import nodes_with_camps
        from .network.store import (
            Solver,
            load_network,
            network_over_time,
            network_summary,
            relation_counts,
        )

        solver = Solver.from_settings(self._settings)
        events = "select * from x_events"
        self._need(events)
        with self._cursor() as con:
            store = _CursorStore(con)
            network = load_network(store, query, events_sql=events)
            over_time = (
                network_over_time(store, query, solver, every=every, events_sql=events)
                if every
                else None
            )
        g = network.graph()
        census = triad_census(g)
        split = solver.frustration(g)
        result = {
            "nodes": nodes_with_camps(network, solver),
            "edges": network.edges,  # one relation per pair, as `dyad network` and the exports
            "balance": {
                **{k: v for k, v in census.items() if k != "triads"},
                "frustration": split.value,
                "frustration_exact": split.exact,
                **relation_counts(network.edges),
            },
            "summary": network_summary(network, solver, top=top),
            "query": {k: v for k, v in asdict(query).items() if k != "type_weights"},
        }
        if over_time is not None:
            result["over_time"] = over_time
        return result


_SEARCH_PATH = "set search_path = 'memory.main,store.main'"

#: place precisions that stand for a whole country or wider (a map hides them by default)
CENTROID_FEATURES = ("continent", "region", "country")
#: every value of the ``precision`` filter: the groups, then each precision a point can have
PRECISIONS = (*PRECISION_GROUPS, "continent", "region", "country", "admin1", "city",
              "facility", "within", "unknown")  # fmt: skip


def focus_box(points: list[tuple[float, float]], share: float) -> list[list[float]] | None:
    """Where most of ``points`` (lat, lon) are: the box around the ``share`` of them nearest
    their median point, so that one far point does not widen a map to the world. None when
    there are no points."""
    if not points:
        return None
    if not 0.0 < share <= 1.0:
        raise DyadError(f"web.map_focus_share must be in (0, 1], not {share}")
    lat0 = statistics.median(p[0] for p in points)
    lon0 = statistics.median(p[1] for p in points)
    scale = math.cos(math.radians(lat0))

    def distance(p: tuple[float, float]) -> float:
        dlon = (p[1] - lon0 + 180.0) % 360.0 - 180.0
        return (p[0] - lat0) ** 2 + (dlon * scale) ** 2

    near = sorted(points, key=lambda p: (distance(p), p))[: max(1, math.ceil(share * len(points)))]
    lats, lons = [p[0] for p in near], [p[1] for p in near]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """``a`` and ``b`` compared word by word (whitespace kept with the word before it, and
    ignored in the comparison): runs of ``{"op": "same" | "a" | "b", "text"}``; the ``same``
    and ``a`` runs join into ``a``, the ``same`` and ``b`` runs into ``b``."""
    from difflib import SequenceMatcher

    def tokens(text: str) -> list[str]:
        return re.findall(r"^\s+|\S+\s*", text)

    ta, tb = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, [t.strip() for t in ta], [t.strip() for t in tb],
                              autojunk=False)  # fmt: skip
    runs: list[dict[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1]["op"] == op:
            runs[-1]["text"] += text
        else:
            runs.append({"op": op, "text": text})

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # the words are equal; whitespace after them may differ: keep a's for both sides
            # only where it is the same, else mark it as changed on each side
            for x, y in zip(ta[i1:i2], tb[j1:j2], strict=True):
                if x == y:
                    add("same", x)
                else:
                    add("same", x.rstrip())
                    add("a", x[len(x.rstrip()) :])
                    add("b", y[len(y.rstrip()) :])
        else:
            add("a", "".join(ta[i1:i2]))
            add("b", "".join(tb[j1:j2]))
    return runs


class _CursorStore:
    """What the network loader needs of a Store, over one cursor of the read model."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return dict_rows(self.con, sql, params)


def segments(
    text: str,
    mentions: list[dict[str, Any]],
    events: list[dict[str, Any]],
    reuse: list[dict[str, Any]],
    anchors: Iterable[int] = (),
) -> list[dict[str, Any]]:
    """``text`` cut at every highlight boundary; each piece says what covers it.

    A piece is ``{"start", "end", "text", "actor_id", "actor_name", "event_id", "event_type",
    "copied", "copies"}``: the actor mention and event trigger over it (or None), the documents
    it is copied from or into (``copied``: their ids; ``copies``: each one's ``doc_id``,
    ``title``, ``outlet``, the passage's ``start`` and ``end`` in that document, where the
    reuse rows give them, and ``first``, whether the passage begins at this piece). The text is also cut at each event's sentence and at each
    ``anchors`` offset, so that links to them land on a piece. The pieces join back into
    ``text`` exactly; the page renders each one as escaped text.
    """
    cuts = {0, len(text), *(max(0, min(a, len(text))) for a in anchors)}
    spans: list[tuple[int, int, str, dict[str, Any]]] = []
    for m in mentions:
        spans.append((m["start"], m["end"], "actor", m))
    for e in events:
        spans.append((e["trigger_start"], e["trigger_end"], "event", e))
        if e.get("cue_start") is not None:  # where links to the event's sentence land
            cuts.add(max(0, min(e["cue_start"], len(text))))
    for pair in reuse:
        for p in pair["passages"]:
            spans.append((p["start"], p["end"], "copied", {**pair, "passage": p}))
    for start, end, _, _ in spans:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    bounds = sorted(cuts)
    pieces = [
        {"start": a, "end": b, "text": text[a:b], "actor_id": None, "actor_name": None,
         "event_id": None, "event_type": None, "copied": [], "copies": []}
        for a, b in pairwise(bounds)
        if b > a
    ]  # fmt: skip
    starts = [p["start"] for p in pieces]
    for start, end, kind, item in spans:
        i = bisect_left(starts, start)
        while i < len(pieces) and pieces[i]["end"] <= end:
            piece = pieces[i]
            if kind == "actor" and piece["actor_id"] is None:
                piece["actor_id"], piece["actor_name"] = item["actor_id"], item.get("actor_name")
            elif kind == "event" and piece["event_id"] is None:
                piece["event_id"], piece["event_type"] = item["event_id"], item["type"]
            elif kind == "copied" and item["other"] not in piece["copied"]:
                piece["copied"].append(item["other"])
                passage = item["passage"]
                piece["copies"].append({
                    "doc_id": item["other"], "title": item.get("other_title"),
                    "outlet": item.get("other_outlet"), "first": piece["start"] == start,
                    "start": passage.get("other_start"), "end": passage.get("other_end"),
                })  # fmt: skip
            i += 1
    return pieces
