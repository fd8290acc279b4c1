"""The browsable tables: what each read-model table may be sorted, faceted, filtered and
searched by, as fixed SQL fragments (the web app's table pages and ``/api/tables/*``).

A request names a table, a sort key, facet values and filter values. The table, the sort key
and the facet names are looked up in :data:`VIEWS` (anything else is refused with a
:class:`~dyad.errors.DyadError`), so the SQL a request leads to is assembled only from the
fragments in this module; every value is a bound parameter.

Full-text search over documents works offline: DuckDB's ``fts`` extension would need a
download, so the read model keeps each document's title and text in lower case
(``x_doc_search``) and a query matches the documents that contain every one of its
whitespace-separated words, each taken literally (``contains``, not ``LIKE``: a ``%``, ``_``
or quote in the query is just a character). Each hit comes with a snippet (:func:`snippet`):
the text around the first place a query word occurs, as pieces of plain text, the query words
marked, for the page (autoescaped) and the API alike to show without markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import DyadError

__all__ = ["VIEWS", "Facet", "TableView", "search_words", "snippet"]

#: the most values a facet lists; the most words a search takes
FACET_VALUES = 30
MAX_WORDS = 10


@dataclass(frozen=True)
class Facet:
    """A categorical column: ``expr`` is a fixed SQL expression (a list when ``is_list``: a
    row then counts once under each of its distinct values)."""

    expr: str
    is_list: bool = False
    #: the values it takes (the API document declares them; others are refused), if not any
    pattern: str | None = None
    #: the filter it is, when not plain equality (the read API's own: one truth)
    filter: Callable[[str], tuple[str, list[Any]]] | None = None

    def where(self) -> str:
        if self.is_list:
            return f"list_contains(cast({self.expr} as varchar[]), ?)"
        return f"cast({self.expr} as varchar) = ?"


def _contains(*columns: str) -> Callable[[str], tuple[str, list[Any]]]:
    """A filter: any of ``columns`` contains the value, in any case, taken literally."""

    def where(value: str) -> tuple[str, list[Any]]:
        sql = " or ".join(f"contains(lower(coalesce({c}, '')), ?)" for c in columns)
        return f"({sql})", [value.lower()] * len(columns)

    return where


def _equals(sql: str, n: int = 1) -> Callable[[str], tuple[str, list[Any]]]:
    return lambda value: (sql, [value] * n)


def _overlap(side: str) -> Callable[[str], tuple[str, list[Any]]]:
    def where(value: str) -> tuple[str, list[Any]]:
        from .events.store import overlaps

        bounds = (value, None) if side == "from" else (None, value)
        sql, params = overlaps("date_start", "date_end", *bounds)
        return f"(true {sql})", params

    return where


def _event_filter(name: str) -> Callable[[str], tuple[str, list[Any]]]:
    """A filter of the events table that is the read API's own event filter ``name``
    (:class:`dyad.corpus.EventFilter`): the same SQL, so the same rows as ``/api/events``."""

    def where(value: str) -> tuple[str, list[Any]]:
        from .corpus import EventFilter

        if name == "quad" and value.isdecimal():  # a quad class is a number (others: refused)
            sql, params = EventFilter(quad=int(value)).where()
        else:
            sql, params = EventFilter(**{name: value}).where()
        return f"({sql})", params

    return where


def _document_search(value: str) -> tuple[str, list[Any]]:
    words = search_words(value)
    sql = " and ".join("contains(body, ?)" for _ in words) or "true"
    return f"doc_id in (select doc_id from x_doc_search where {sql})", words


def search_words(query: str) -> list[str]:
    """The words of a search query, lower case; each is matched literally."""
    words = list(dict.fromkeys(query.lower().split()))
    if len(words) > MAX_WORDS:
        raise DyadError(f"a search takes at most {MAX_WORDS} words, not {len(words)}")
    return words


def snippet(text: str, words: list[str], width: int) -> list[dict[str, Any]]:
    """About ``width`` characters of ``text`` around the first place one of ``words`` occurs
    (any case, taken literally, as the search matches them; the earliest and then the
    longest word wins), cut at spaces, as pieces ``{"text", "mark"}`` whose texts join into
    the excerpt: ``mark`` is true on each occurrence of a word inside it. Whitespace runs are
    one space, and a cut end has an ellipsis. With no word in ``text`` (a title-only hit),
    the start of the text, nothing marked."""
    pattern = re.compile(
        "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE
    ) if words else None  # fmt: skip
    first = pattern.search(text) if pattern else None
    hit_start, hit_end = (first.start(), first.end()) if first else (0, 0)
    start = max(0, hit_start - width // 3)
    end = min(len(text), max(start + width, hit_end))
    start = max(0, min(start, end - width))
    if start > 0:  # begin after a space, unless that would pass the hit
        space = text.find(" ", start, hit_start)
        start = space + 1 if space >= 0 else start
    if end < len(text):  # end before a space, unless that would cut the hit
        space = text.rfind(" ", hit_end, end)
        end = space if space >= 0 else end
    window = text[start:end]
    pieces, at = [], 0
    for m in pattern.finditer(window) if pattern else ():
        pieces += [(window[at : m.start()], False), (m.group(), True)]
        at = m.end()
    pieces.append((window[at:], False))
    if start > 0:
        pieces.insert(0, ("… ", False))
    if end < len(text):
        pieces.append((" …", False))
    merged: list[dict[str, Any]] = []
    for t, mark in pieces:
        if not t:
            continue
        if merged and not mark and not merged[-1]["mark"]:
            merged[-1]["text"] += t
        else:
            merged.append({"text": t, "mark": mark})
    for piece in merged:
        piece["text"] = re.sub(r"\s+", " ", piece["text"])
    return merged


@dataclass(frozen=True)
class TableView:
    """One browsable table: its read-model ``source`` (fixed SQL), the columns a page shows
    and a download writes, the sort keys (name -> SQL expression), the facets, and the
    filters (name -> a function of the value giving an SQL fragment and its parameters)."""

    source: str
    columns: str
    download: str
    sorts: dict[str, str]
    facets: dict[str, Facet]
    filters: dict[str, Callable[[str], tuple[str, list[Any]]]] = field(default_factory=dict)
    #: what the ``q`` filter searches, said in the API document
    search: str = ""
    #: whether each row gets a ``snippet`` of its text around the ``q`` words (documents)
    snippets: bool = False

    def where(self, values: dict[str, str | None]) -> tuple[str, list[Any]]:
        """The SQL condition for filter and facet ``values`` (None or empty: no filter)."""
        sql, params = "true", []
        for name, value in values.items():
            if value in (None, ""):
                continue
            if name in self.facets and self.facets[name].filter is not None:
                fragment, more = self.facets[name].filter(value)  # type: ignore[misc]
                sql += f" and {fragment}"
                params += more
            elif name in self.facets:
                sql += f" and {self.facets[name].where()}"
                params.append(value)
            elif name in self.filters:
                fragment, more = self.filters[name](value)
                sql += f" and {fragment}"
                params += more
            else:
                known = [*self.filters, *self.facets]
                raise DyadError(f"unknown filter {name!r}; use one of {', '.join(known)}")
        return sql, params

    def order(self, sort: str | None) -> str:
        """The ORDER BY fragment for ``sort`` (a sort key, ``-`` first for descending)."""
        if not sort:
            return "rn"
        key = sort.removeprefix("-")
        if key not in self.sorts:
            raise DyadError(f"cannot sort by {key!r}; sort by one of {', '.join(self.sorts)}")
        return f"{self.sorts[key]} {'desc' if sort.startswith('-') else 'asc'} nulls last"


def _views() -> dict[str, TableView]:
    from .corpus import COUNTRY_PATTERN, QUAD_PATTERN, SHOWN, any_case
    from .events.ontology import MODALITIES, PLOVER_TYPES

    event_filters = {
        "actor": lambda v: (
            "(list_contains(actor_ids, ?) or contains(names_lc, ?))",
            [v, v.lower()],
        ),
        "date_from": _overlap("from"),
        "date_to": _overlap("to"),
        "source": _equals(
            "event_id in (select event_id from x_event_docs "
            "where outlet = ? or starts_with(doc_id, ?))",
            2,
        ),
    }
    return {
        "documents": TableView(
            source="x_documents join x_doc_counts using (doc_id)",
            columns="doc_id, title, author, published, outlet, url, path, n_words, format, "
            "language, n_events, n_mentions",
            download="doc_id, title, author, published, outlet, url, path, n_words, format, "
            "language, record, version, n_events, n_mentions",
            sorts={
                k: k
                for k in (
                    "published",
                    "title",
                    "outlet",
                    "author",
                    "n_words",
                    "n_events",
                    "n_mentions",
                )
            },
            facets={
                "outlet": Facet("outlet"),
                "source_format": Facet("format"),
                "language": Facet("language"),
            },
            filters={
                "q": _document_search,
                "source": _equals("(outlet = ? or starts_with(doc_id, ?))", 2),
                "actor": _equals("doc_id in (select doc_id from mentions where actor_id = ?)"),
            },
            search="words in the title or text, all of them, any case, each taken literally",
            snippets=True,
        ),
        "actors": TableView(
            source="x_actors",
            columns=f"actor_id, name, kind, country, sector, code, aliases[1:{SHOWN}] as aliases, "
            "n_mentions, n_events, len(doc_ids) as n_documents",
            download="* exclude (rn)",
            sorts={
                "name": "name",
                "kind": "kind",
                "country": "country",
                "code": "code",
                "n_mentions": "n_mentions",
                "n_events": "n_events",
                "n_documents": "len(doc_ids)",
            },
            facets={"kind": Facet("kind"), "country": Facet("country"), "sector": Facet("sector")},
            filters={
                "q": lambda v: (
                    "(actor_id = ? or contains(lower(name), ?) or "
                    "len(list_filter(aliases, lambda a: contains(lower(a), ?))) > 0)",
                    [v, v.lower(), v.lower()],
                )
            },
            search="id, part of the name or of an alias (any case)",
        ),
        "events": TableView(
            source="x_events",
            columns="* exclude (actor_ids, names_lc, rn, mentions, doc_ids), "
            f"mentions[1:{SHOWN}] as mentions, doc_ids[1:{SHOWN}] as doc_ids",
            download="* exclude (actor_ids, names_lc, rn, sources, targets)",
            sorts={
                "date": "date_start",
                "type": "type",
                "quad": "quad",
                "intensity": "intensity",
                "modality": "modality",
                "place": "place_name",
                "country": "country",
                "n_sources": "n_sources",
                "confidence": "confidence",
            },
            # the facets that are event filters filter as /api/events does (a type or
            # modality in any case, a quad class, a country code), with its patterns
            facets={
                "type": Facet("type", pattern=any_case(PLOVER_TYPES), filter=_event_filter("type")),
                "modality": Facet(
                    "modalities",
                    is_list=True,
                    pattern=any_case(MODALITIES),
                    filter=_event_filter("modality"),
                ),
                "quad": Facet("quad", pattern=QUAD_PATTERN, filter=_event_filter("quad")),
                "country": Facet(
                    "country", pattern=COUNTRY_PATTERN, filter=_event_filter("country")
                ),
                "mode": Facet("mode"),
            },
            filters={
                "q": _contains("names_lc", "place_name"),
                **event_filters,
                **{f: _event_filter(f) for f in ("outlet", "precision", "bbox")},
            },
            search="part of an actor's or the place's name (any case)",
        ),
        "places": TableView(
            source="x_places",
            columns='doc_id, start, "end", text, place_name, lat, lon, country, feature, kind, sent',
            download="* exclude (rn)",
            sorts={
                "place_name": "place_name",
                "text": "text",
                "country": "country",
                "feature": "feature",
                "kind": "kind",
                "doc_id": "doc_id",
                "lat": "lat",
                "lon": "lon",
            },
            facets={
                "country": Facet("country"),
                "feature": Facet("feature"),
                "kind": Facet("kind"),
            },
            filters={
                "q": _contains("place_name", "text"),
                "doc": _equals("starts_with(doc_id, ?)"),
            },
            search="part of the place's name or of the text naming it (any case)",
        ),
        "claims": TableView(
            source="x_claims",
            columns=f'* exclude (rn, "values"), "values"[1:{SHOWN}] as "values"',
            download="* exclude (rn)",
            sorts={k: k for k in ("subject_name", "attribute", "status", "n_values", "n_docs")},
            facets={
                "status": Facet("status"),
                "attribute": Facet("attribute"),
                "subject": Facet("subject_name"),
            },
            filters={"q": _contains("subject_name", "subject")},
            search="part of the subject's name or id (any case)",
        ),
        "reuse": TableView(
            source="x_reuse",
            columns="* exclude (rn, passages)",
            download="* exclude (rn)",
            sorts={
                k: k
                for k in (
                    "share_a",
                    "share_b",
                    "words",
                    "n_passages",
                    "published_a",
                    "published_b",
                    "outlet_a",
                    "outlet_b",
                )
            },
            facets={
                "outlet_a": Facet("outlet_a"),
                "outlet_b": Facet("outlet_b"),
                "direction": Facet("direction"),
            },
            filters={
                "q": _contains("title_a", "title_b"),
                "doc": _equals("(starts_with(doc_a, ?) or starts_with(doc_b, ?))", 2),
            },
            search="part of either document's title (any case)",
        ),
        "framing": TableView(
            source="x_framing",
            columns="* exclude (rn)",
            download="* exclude (rn)",
            sorts={
                k: k
                for k in ("sentiment", "n_mentions", "actor_name", "outlet", "published", "title")
            },
            facets={
                "outlet": Facet("outlet"),
                "actor": Facet("actor_name"),
                "label": Facet("labels", is_list=True),
            },
            filters={"q": _contains("actor_name", "title")},
            search="part of the actor's name or the document's title (any case)",
        ),
    }


VIEWS: dict[str, TableView] = _views()


def view(name: str) -> TableView:
    if name not in VIEWS:
        raise DyadError(f"no table {name!r}; browse one of {', '.join(VIEWS)}")
    return VIEWS[name]
