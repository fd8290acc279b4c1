"""Every table browsable: a page and two API routes for each table of :mod:`dyad.browse`.

- ``/TABLE`` (documents, actors, events, places, claims, reuse, framing): the page, with
  sortable column headers, facet counts beside the rows, paging and download links;
- ``/api/tables/TABLE``: one page of rows as JSON with the facet counts;
- ``/api/tables/TABLE/download?format=csv|json|jsonl|parquet``: every row the filters keep,
  streamed as it is read.

Each route's query parameters are the table's own (its filters, one per facet, ``sort`` with
the table's sort keys as a pattern), so the OpenAPI document lists exactly what is served and a
sort key outside the list is a 400 before any SQL is made (the Corpus refuses it again).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from ..browse import VIEWS, TableView
from ..corpus import Corpus
from ..export import DOWNLOADS
from .app import EXPLORE_QUERIES, MAX_TEXT, DyadJSON, FromQ, Limit, Offset, ToQ, _responses

__all__ = ["add_tables"]

PAGE_SIZE = 50

#: the filters that are not plain text, with their own parameter types
_TYPED = {"date_from": FromQ, "date_to": ToQ, **EXPLORE_QUERIES}
_FILTER_HELP = {
    "actor": "actor id, or part of an actor's name",
    "source": "outlet, or document id (or its prefix)",
    "doc": "a document id (or its prefix)",
    "date_from": "ISO date at any precision: events ending on or after it",
    "date_to": "ISO date at any precision: events starting on or before it",
}

#: the columns each page shows: (heading, sort key or None, css class)
COLUMNS: dict[str, list[tuple[str, str | None, str]]] = {
    "documents": [("Published", "published", "date"), ("Title", "title", ""),
                  ("Outlet", "outlet", ""), ("Author", "author", ""),
                  ("Words", "n_words", "num"), ("Events", "n_events", "num"),
                  ("Mentions", "n_mentions", "num"), ("Format", None, "")],
    "actors": [("Actor", "name", ""), ("Kind", "kind", ""), ("Country", "country", ""),
               ("Code", "code", ""), ("Also called", None, ""),
               ("Mentions", "n_mentions", "num"), ("Events", "n_events", "num"),
               ("Documents", "n_documents", "num")],
    "events": [("Date", "date", "date"), ("Source", None, ""), ("Event", "type", ""),
               ("Target", None, ""), ("Modality", "modality", ""), ("Place", "place", ""),
               ("Docs", "n_sources", "num"), ("Sentence", None, "")],
    "places": [("Place", "place_name", ""), ("Text", "text", ""), ("Feature", "feature", ""),
               ("Kind", "kind", ""), ("Country", "country", ""), ("Lat", "lat", "num"),
               ("Lon", "lon", "num"), ("Document", "doc_id", "")],
    "claims": [("Subject", "subject_name", ""), ("Attribute", "attribute", ""),
               ("Status", "status", ""), ("Values", None, ""), ("Values", "n_values", "num"),
               ("Documents", "n_docs", "num")],
    "reuse": [("Document A", None, ""), ("Outlet A", "outlet_a", ""),
              ("Published A", "published_a", "date"), ("Share A", "share_a", "num"),
              ("Document B", None, ""), ("Outlet B", "outlet_b", ""),
              ("Published B", "published_b", "date"), ("Share B", "share_b", "num"),
              ("Passages", "n_passages", "num"), ("Words", "words", "num")],
    "framing": [("Actor", "actor_name", ""), ("Document", "title", ""), ("Outlet", "outlet", ""),
                ("Published", "published", "date"), ("Labels", None, ""),
                ("Sentiment", "sentiment", "num"), ("Mentions", "n_mentions", "num"),
                ("According to", None, "")],
}  # fmt: skip

TITLES = {"documents": "Documents", "actors": "Actors", "events": "Events", "places": "Places",
          "claims": "Claims", "reuse": "Copied passages", "framing": "Framing"}  # fmt: skip


def _sort_pattern(v: TableView) -> str:
    return f"^(?:-?(?:{'|'.join(v.sorts)}))?$"


def _parameters(name: str, v: TableView) -> list[inspect.Parameter]:
    """The query parameters of table ``name``: its filters, one per facet, and ``sort``."""
    kw = inspect.Parameter.KEYWORD_ONLY
    params = []
    for f in v.filters:
        if f in _TYPED:
            annotation: Any = _TYPED[f]
        else:
            help_ = v.search if f == "q" else _FILTER_HELP.get(f, f)
            annotation = Annotated[str | None, Query(max_length=MAX_TEXT, description=help_)]
        params.append(inspect.Parameter(f, kw, default=None, annotation=annotation))
    for f, facet in v.facets.items():
        annotation = Annotated[
            str | None,
            Query(max_length=MAX_TEXT, pattern=facet.pattern,
                  description=f"only rows whose {f} is this (a facet value)"),
        ]  # fmt: skip
        params.append(inspect.Parameter(f, kw, default=None, annotation=annotation))
    sort = Annotated[
        str | None,
        Query(pattern=_sort_pattern(v), description="sort key, `-` first for descending: "
              + ", ".join(v.sorts)),
    ]  # fmt: skip
    params.append(inspect.Parameter("sort", kw, default=None, annotation=sort))
    return params


def _query(name: str, v: TableView) -> Callable[..., dict[str, Any]]:
    """A FastAPI dependency taking table ``name``'s parameters, giving them as a dict."""

    def query(**values: Any) -> dict[str, Any]:
        return values

    query.__signature__ = inspect.Signature(_parameters(name, v))  # type: ignore[attr-defined]
    query.__name__ = f"{name}_query"
    return query


def _split(values: dict[str, Any]) -> tuple[dict[str, str | None], str | None]:
    filters = {k: v for k, v in values.items() if k != "sort"}
    return filters, values.get("sort") or None


def add_tables(app: FastAPI, corpus: Corpus) -> None:
    for name, v in VIEWS.items():
        _add_table(app, corpus, name, v)


def _add_table(app: FastAPI, corpus: Corpus, name: str, v: TableView) -> None:
    # ``format`` names the download's file format: no table may filter by a column so named
    assert not {"format", "limit", "offset"} & {*v.filters, *v.facets}, name
    by = Depends(_query(name, v))  # the table's parameters (a local: no annotation)
    bad = _responses(400)
    media = {fmt: {} for fmt in DOWNLOADS.values()}

    @app.get(f"/api/tables/{name}", responses=bad, tags=["tables"],
             summary=f"{TITLES[name]}: a page of rows, sorted and filtered, with facet counts",
             operation_id=f"table_{name}")  # fmt: skip
    def rows(limit: Limit = 50, offset: Offset = 0, query: dict[str, Any] = by) -> Any:
        filters, sort = _split(query)
        page = corpus.browse(name, filters, sort=sort, limit=limit, offset=offset)
        return DyadJSON({**page.to_dict(), "facets": corpus.facets(name, filters)})

    @app.get(f"/api/tables/{name}/download", tags=["tables"],
             responses={200: {"content": media, "description": "the filtered rows"}, **bad},
             summary=f"{TITLES[name]}: every row the filters keep, as CSV, JSON, JSONL or Parquet",
             operation_id=f"table_{name}_download", response_class=Response)  # fmt: skip
    def download(
        query: dict[str, Any] = by,
        format: Annotated[
            str, Query(pattern=f"^(?:{'|'.join(DOWNLOADS)})$", description="file format")
        ] = "csv",
    ) -> Response:
        filters, sort = _split(query)
        chunks, n = corpus.download_stream(name, format, filters, sort=sort)
        headers = {
            "Content-Disposition": f'attachment; filename="{name}.{format}"',
            "X-Row-Count": str(n),
        }
        return StreamingResponse(chunks, media_type=DOWNLOADS[format], headers=headers)

    @app.get(f"/{name}", response_class=HTMLResponse, include_in_schema=False)
    def page(request: Request, offset: Offset = 0, query: dict[str, Any] = by) -> Response:
        from .pages import _choices, _render

        filters, sort = _split(query)
        result = corpus.browse(name, filters, sort=sort, limit=PAGE_SIZE, offset=offset)
        params = {k: val for k, val in query.items() if val not in (None, "")}
        return _render(
            request, "table.html", table=name, title=TITLES[name], page=result, params=params,
            facets=corpus.facets(name, filters), columns=COLUMNS[name], view=v,
            downloads=list(DOWNLOADS), filter_names=[f for f in v.filters if f != "q"],
            filter_help=_FILTER_HELP, sort=sort or "", **_choices(),
        )  # fmt: skip
