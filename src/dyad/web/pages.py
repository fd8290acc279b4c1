"""The pages: server-rendered HTML (Jinja, autoescaped) over the same Corpus calls as the API.

The network, map and timeline pages are drawn in the browser by ``static/dyad.js`` from the
JSON API, with the vendored Cytoscape.js, Leaflet and vis-timeline.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from ..corpus import Corpus, EventFilter
from .app import STATIC_DIR, _id

__all__ = ["add_pages", "error_page"]

PAGE_SIZE = 50
NAV = (
    ("/", "Overview"),
    ("/documents", "Documents"),
    ("/events", "Events"),
    ("/explore", "Explore"),  # linked map, timeline and events (explore.html, explore.js)
    ("/actors", "Actors"),
    ("/network", "Network"),
    ("/map", "Map"),
    ("/timeline", "Timeline"),
    ("/sources", "Sources"),
    # -- browsable tables (web/tables.py) --
    ("/places", "Places"),
    ("/claims", "Claims"),
    ("/reuse", "Reuse"),
    ("/framing", "Framing"),
    # -- end browsable tables --
    ("/docs", "API"),  # interactive API docs (web/apidocs.py)
)


def _render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(
        request=request, nav=NAV, path=request.url.path, tiles=request.app.state.tiles, **context
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", status=status, status_code=status, message=message)


def _choices() -> dict[str, Any]:
    from ..events.ontology import MODALITIES, PLOVER_TYPES

    return {"types": PLOVER_TYPES, "modalities": MODALITIES}


def add_pages(app: FastAPI, corpus: Corpus) -> None:
    page = {"response_class": HTMLResponse, "include_in_schema": False}

    @app.get("/", **page)
    def overview(request: Request) -> Response:
        return _render(request, "overview.html", o=corpus.overview())

    @app.get("/documents/{doc_id}", **page)
    def document(request: Request, doc_id: Annotated[str, _id()]) -> Response:
        return _render(request, "document.html", doc=corpus.document(doc_id))

    # -- reader: two documents compared (issue 27) ----------------------------------------
    @app.get("/compare/{doc_a}/{doc_b}", **page)
    def compare(
        request: Request, doc_a: Annotated[str, _id()], doc_b: Annotated[str, _id()]
    ) -> Response:
        return _render(request, "compare.html", c=corpus.compare(doc_a, doc_b))

    # -- end reader -----------------------------------------------------------------------

    @app.get("/events/{event_id}", **page)
    def event(request: Request, event_id: Annotated[str, _id()]) -> Response:
        return _render(request, "event.html", e=corpus.event(event_id))

    @app.get("/actors/{actor_id}", **page)
    def actor(request: Request, actor_id: Annotated[str, _id()]) -> Response:
        a = corpus.actor(actor_id)
        recent = corpus.events(EventFilter(actor=actor_id), limit=PAGE_SIZE)
        return _render(request, "actor.html", a=a, events=recent)

    @app.get("/network", **page)
    def network(request: Request) -> Response:
        return _render(request, "network.html", **_choices())

    @app.get("/map", **page)
    def event_map(request: Request) -> Response:
        return _render(request, "map.html", **_choices())

    @app.get("/timeline", **page)
    def timeline(request: Request) -> Response:
        return _render(request, "timeline.html", **_choices())

    # -- linked views: map, timeline and events under one filter bar (issue 27) ------------
    @app.get("/explore", **page)
    def explore(request: Request) -> Response:
        from ..corpus import PRECISION_GROUPS

        offered = int(corpus.settings.value("web.explore_actors"))
        actors = corpus.actors(limit=offered).items  # the actor box, most mentioned first
        return _render(request, "explore.html", choices=corpus.event_choices(), actors=actors,
                       precision_groups=PRECISION_GROUPS, **_choices())  # fmt: skip

    # -- end linked views ---------------------------------------------------------------------

    @app.get("/sources", **page)
    def sources(request: Request) -> Response:
        return _render(request, "sources.html", s=corpus.sources())

    @app.get("/api-docs", **page)
    def api_docs(request: Request) -> Response:
        return _render(request, "api.html", spec=request.app.openapi())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")
