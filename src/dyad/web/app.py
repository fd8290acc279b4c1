"""The web app: a JSON API under ``/api`` that mirrors the exports, and pages that read it.

Every route is a thin wrapper over :class:`dyad.corpus.Corpus`. The app only reads: the
database is attached read-only and only GET (and HEAD) routes exist. Article text reaches the
browser escaped (Jinja autoescaping on the pages, ``textContent`` in the scripts), and a
Content-Security-Policy forbids inline and foreign scripts, so a hostile article shows as text.

Errors have one shape, on every ``/api`` route::

    {"error": {"status": 404, "code": "not_found", "message": "no actor 'x'; ..."}}

A bad parameter is a 400 (never FastAPI's 422), and the OpenAPI document says so: it declares
each parameter's vocabulary (types, modalities, kinds, date patterns), so a request that fits
the document is served and one that does not is a 400 that names the parameter.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from pydantic import BaseModel, StringConstraints
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..corpus import (
    BBOX_PATTERN,
    COUNTRY_PATTERN,
    MAX_LIMIT,
    PRECISIONS,
    QUAD_PATTERN,
    Corpus,
    EventFilter,
    NotFound,
    any_case,
)
from ..errors import DyadError
from ..events.ontology import MODALITIES, PLOVER_TYPES
from ..events.store import ISO_DATE_PATTERN
from ..export import json_default

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["create_app"]

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
MAX_TEXT = 200  # longest accepted filter string


#: a PLOVER type or a modality, in any case as on the command line (docs/filters.md)
TYPE_PATTERN = any_case(PLOVER_TYPES)
MODALITY_PATTERN = any_case(MODALITIES)
#: an ISO date at any precision that exists, or the empty string (no filter)
DATE_PATTERN = ISO_DATE_PATTERN.replace("^(?:", "^(?:|", 1)
TYPE_HELP = f"PLOVER event type, in any case: {', '.join(PLOVER_TYPES)}"
MODALITY_HELP = f"event modality, in any case: {', '.join(MODALITIES)}"

# Query parameters shared by the routes (OpenAPI documents each one).
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (1..{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
ActorQ = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="actor id, or part of an actor's name"),
]
TypeQ = Annotated[str | None, Query(pattern=TYPE_PATTERN, description=TYPE_HELP)]
ModalityQ = Annotated[str | None, Query(pattern=MODALITY_PATTERN, description=MODALITY_HELP)]
FromQ = Annotated[
    str | None, Query(max_length=10, pattern=DATE_PATTERN,
                      description="ISO date at any precision: events ending on or after it"),
]  # fmt: skip
ToQ = Annotated[
    str | None, Query(max_length=10, pattern=DATE_PATTERN,
                      description="ISO date at any precision: events starting on or before it"),
]  # fmt: skip
SourceQ = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="outlet, or document id (or its prefix)")
]
# -- linked views (/explore): the filters its controls add (docs/filters.md) ------------------
QuadQ = Annotated[
    str | None,
    Query(pattern=QUAD_PATTERN, description="quad class: 1 verbal cooperation, 2 material "
          "cooperation, 3 verbal conflict, 4 material conflict"),
]  # fmt: skip
CountryQ = Annotated[
    str | None,
    Query(pattern=COUNTRY_PATTERN,
          description="ISO 3166 alpha-3 code (upper case) of the country the event is placed in"),
]  # fmt: skip
OutletQ = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="an outlet (as stored) of a document reporting it"),
]
PrecisionQ = Annotated[
    str | None,
    Query(pattern=f"^(?:{'|'.join(PRECISIONS)})?$",
          description="how finely the event is placed: fine (below a country), centroid (only "
          "at a country's or wider centre), not_centroid (fine or not placed), placed, unplaced, "
          "or one precision: continent, region, country, admin1, city, facility, within, unknown"),
]  # fmt: skip
BboxQ = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, pattern=BBOX_PATTERN,
          description="west,south,east,north in degrees: events placed inside the box (edges "
          "included; a point twice, lon,lat,lon,lat, keeps the events at that point)"),
]  # fmt: skip
#: the event filters the browsable events table takes with the same parameter types
EXPLORE_QUERIES = {"outlet": OutletQ, "precision": PrecisionQ, "bbox": BboxQ}


def event_filter(
    actor: ActorQ = None,
    type: TypeQ = None,
    modality: ModalityQ = None,
    date_from: FromQ = None,
    date_to: ToQ = None,
    source: SourceQ = None,
    quad: QuadQ = None,
    country: CountryQ = None,
    outlet: OutletQ = None,
    precision: PrecisionQ = None,
    bbox: BboxQ = None,
) -> EventFilter:
    """The event filters every events route takes (a FastAPI dependency); an empty value
    (a filter form's blank field) is no filter."""
    values = {"actor": actor, "type": type, "modality": modality, "date_from": date_from,
              "date_to": date_to, "source": source, "country": country, "outlet": outlet,
              "precision": precision, "bbox": bbox}  # fmt: skip
    return EventFilter(quad=int(quad) if quad else None,
                       **{name: value or None for name, value in values.items()})  # fmt: skip


Events = Annotated[EventFilter, Depends(event_filter)]


class DyadJSON(JSONResponse):
    """JSON without FastAPI's slow recursive encoder: rows are plain dicts already."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=json_default).encode("utf-8")


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every error the app answers has this shape."""

    error: ErrorDetail


_MEANINGS = {
    400: "A bad parameter, named in the message (or a Host header this server does not answer to)",
    404: "Nothing has the id or name asked for",
}


def _responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route declares in the OpenAPI document."""
    return {s: {"model": ErrorResponse, "description": _MEANINGS[s]} for s in statuses}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> DyadJSON:
    body = {"error": {"status": status, "code": code, "message": message}}
    return DyadJSON(body, status, headers=headers)


_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 500: "internal"}


def _security_headers(response: Response, tiles: str | None) -> None:
    img = "'self' data:" + (f" {_origin(tiles)}" if tiles else "")
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src {img}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"


def _origin(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(
        url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
    )
    host = parts.netloc
    if url.startswith(f"{parts.scheme}://{{s}}."):
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}"


def create_app(
    db: str | Path,
    *,
    tiles: str | None = None,
    settings: Settings | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app over the database at ``db`` (opened read-only, its read model built now).

    ``tiles`` is a map tile URL template (``https://tile.example.org/{z}/{x}/{y}.png``); without
    it the map draws country outlines shipped with the app. ``allowed_hosts`` guards against
    DNS rebinding: requests naming another Host are refused.
    """
    from .vendor import VENDOR_DIR, missing

    absent = missing()
    if absent:
        raise DyadError(
            f"the web app's front-end files are missing ({absent[0]} and {len(absent) - 1} more "
            f"under {VENDOR_DIR}); fetch them with `python -m dyad.web.vendor`"
        )
    corpus = Corpus(db, settings=settings)
    corpus.prepare()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dyad",
        version=__version__,
        description="Who did what to whom, when and where, and according to whom: the events, "
        "actors, cross-source evidence and actor network of one dyad database, read-only. "
        "Lists are paged with `limit` and `offset`; every error is "
        '`{"error": {"status", "code", "message"}}`.',
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN: /docs serves a vendored one
        redoc_url=None,
        default_response_class=DyadJSON,
    )
    app.state.corpus = corpus
    app.state.tiles = tiles
    hosts = set(allowed_hosts or ())

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        host = request.headers.get("host", "").rsplit(":", 1)[0] if hosts else ""
        if hosts and host not in hosts:  # DNS rebinding: a foreign page must not read the app
            response: Response = _error(400, "bad_host", f"this server does not answer to {host!r}")
        else:
            response = await call_next(request)
        _security_headers(response, tiles)
        return response

    _add_error_handlers(app)
    _add_api(app, corpus)
    from .pages import add_pages
    from .tables import add_tables  # browsable tables: pages and /api/tables/*

    app.state.templates = _templates()
    add_tables(app, corpus)
    add_pages(app, corpus)
    from .apidocs import add_api_docs  # interactive API docs at /docs (Swagger UI, vendored)

    add_api_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _document(app, corpus.actor_kinds())
    _answer_head(app)
    return app


def _document(app: FastAPI, kinds: list[str]) -> None:
    """Make the OpenAPI document now, saying what the app does: without the 422 FastAPI
    declares on every route with parameters (a bad parameter is a 400 here, in the one error
    shape, and each route declares that instead), and with the actor kinds of this database as
    the values ``kind`` takes (the database is read-only, so they cannot change)."""
    spec = app.openapi()  # kept by the app: /openapi.json and /api-docs serve this one
    for operations in spec["paths"].values():
        for operation in operations.values():
            operation["responses"].pop("422", None)
    schemas = spec.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    actors = spec["paths"]["/api/actors"]["get"]
    for parameter in actors["parameters"]:
        if parameter["name"] == "kind":
            parameter["schema"] = {"type": "string", "enum": kinds, "title": "Kind"}
    if not kinds:  # no actors, so no kind to ask for (an empty enum is no valid schema)
        actors["parameters"] = [p for p in actors["parameters"] if p["name"] != "kind"]


def _answer_head(app: FastAPI) -> None:
    """Let every GET route answer HEAD as well (the headers of its GET, no body), as
    Starlette's own routes do; FastAPI's answer GET alone. Done after :func:`_document`, so
    the document lists each route once, as GET (HEAD goes without saying)."""
    for route in app.routes:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            route.methods.add("HEAD")


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("dyad.web", "templates"),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["code"] = inline_code
    env.filters["query"] = lambda params, **extra: urlencode(
        {k: v for k, v in {**params, **extra}.items() if v not in (None, "", False)}
    )
    return env


def inline_code(text: object) -> Markup:
    """``text`` (a description in the OpenAPI document, markdown) as HTML: escaped, each
    `quoted` stretch set in ``<code>``; a backtick with no partner stays a character."""
    parts = str(text or "").replace("``", "`").split("`")  # ``rst`` quotes as `markdown`
    if len(parts) % 2 == 0:  # an odd number of backticks: the last one is a character
        parts[-2:] = [f"{parts[-2]}`{parts[-1]}"]
    return Markup("").join(
        Markup("<code>%s</code>") % part if i % 2 else escape(part) for i, part in enumerate(parts)
    )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.endswith(".json")


def _add_error_handlers(app: FastAPI) -> None:
    from .pages import error_page

    def respond(
        request: Request, status: int, message: str, headers: dict[str, str] | None = None
    ) -> Response:
        if _wants_json(request):
            return _error(status, _CODES.get(status, "error"), message, headers)
        response = error_page(request, status, message)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: NotFound) -> Response:
        return respond(request, 404, err.message)

    @app.exception_handler(DyadError)
    async def bad_request(request: Request, err: DyadError) -> Response:
        return respond(request, 400, err.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
            for e in err.errors()
        )
        return respond(request, 400, problems or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        message = {
            404: f"nothing at {request.url.path}",
            405: "this app is read-only: GET (or HEAD) only",
        }
        headers = dict(err.headers or {})
        if err.status_code == 405:  # which methods the resource takes, as HTTP requires
            headers.setdefault("Allow", "GET, HEAD")
        return respond(
            request, err.status_code, message.get(err.status_code, str(err.detail)), headers
        )

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception) -> Response:
        log.exception("request %s failed", request.url.path)
        return respond(request, 500, "internal error; the server log has the details")


def _add_api(app: FastAPI, corpus: Corpus) -> None:
    bad, lookup = _responses(400), _responses(400, 404)  # lookup: an id or a name may not exist

    @app.get(
        "/api/overview",
        responses=bad,
        tags=["corpus"],
        summary="Counts and the largest items of each kind",
    )
    def overview() -> Any:
        return DyadJSON(corpus.overview())

    @app.get("/api/documents", responses=bad, tags=["corpus"], summary="Documents, oldest first")
    def documents(
        source: SourceQ = None,
        actor: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="an actor id they mention")
        ] = None,
        q: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="part of the title (any case)")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        page = corpus.documents(source=source, actor=actor, q=q, limit=limit, offset=offset)
        return DyadJSON(page.to_dict())

    @app.get("/api/documents/{doc_id}", responses=lookup, tags=["corpus"],
             summary="A document: text, mentions, events, places, copied passages, claims")  # fmt: skip
    def document(doc_id: Annotated[str, _id()]) -> Any:
        return DyadJSON(corpus.document(doc_id))

    @app.get("/api/actors", responses=bad, tags=["actors"], summary="Actors, most mentioned first")
    def actors(
        q: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="id, name or alias")
        ] = None,
        kind: Annotated[
            str | None, Query(max_length=40, description="an actor kind of this database")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        return DyadJSON(corpus.actors(q=q, kind=kind, limit=limit, offset=offset).to_dict())

    @app.get("/api/actors/{actor_id}", responses=lookup, tags=["actors"],
             summary="An actor: aliases, labels and sentiment by source, events by year, relations")  # fmt: skip
    def actor(actor_id: Annotated[str, _id()]) -> Any:
        return DyadJSON(corpus.actor(actor_id))

    @app.get(
        "/api/events", responses=bad, tags=["events"], summary="Merged events in the export shape"
    )
    def events(
        where: Events,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        return DyadJSON(corpus.events(where, limit=limit, offset=offset).to_dict())

    @app.get("/api/events/{event_id}", responses=lookup, tags=["events"],
             summary="One event with every mention and the documents reporting it")  # fmt: skip
    def event(event_id: Annotated[str, _id()]) -> Any:
        return DyadJSON(corpus.event(event_id))

    @app.get("/api/timeline", responses=bad, tags=["events"], summary="Events per year or month")
    def timeline(
        where: Events,
        every: Annotated[str, Query(pattern="^(year|month)$")] = "year",
    ) -> Any:
        # window (issue 27, timeline): the densest period, where the timeline page opens
        return DyadJSON({"every": every, "counts": corpus.event_counts(where, every=every),
                         "window": corpus.event_window(where)})  # fmt: skip

    @app.get(
        "/api/map",
        responses=bad,
        tags=["events"],
        summary="Events with coordinates as GeoJSON points",
    )
    def event_map(
        where: Events,
        limit: Limit = MAX_LIMIT,
    ) -> Any:
        return DyadJSON(corpus.event_places(where, limit=limit))

    @app.get(
        "/api/reuse",
        responses=bad,
        tags=["sources"],
        summary="Pairs of documents that share passages",
    )
    def reuse(
        doc: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="a document id (or its prefix)")
        ] = None,
        min_share: Annotated[
            float, Query(ge=0, le=1, description="least share of a side inside copied passages")
        ] = 0.0,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        page = corpus.reuse(doc=doc, min_share=min_share, limit=limit, offset=offset)
        return DyadJSON(page.to_dict())

    @app.get(
        "/api/claims",
        responses=bad,
        tags=["sources"],
        summary="Claims on which sources agree or conflict",
    )
    def claims(
        status: Annotated[str | None, Query(pattern="^(agree|conflict|single)$")] = None,
        subject: ActorQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        page = corpus.claims(status=status, subject=subject, limit=limit, offset=offset)
        return DyadJSON(page.to_dict())

    @app.get("/api/claims/{claim_id}", responses=lookup, tags=["sources"],
             summary="One claim with every value sources give for it")  # fmt: skip
    def claim(claim_id: Annotated[str, _id()]) -> Any:
        return DyadJSON(corpus.claim(claim_id))

    @app.get(
        "/api/framing",
        responses=bad,
        tags=["sources"],
        summary="Labels and sentiment by document and actor",
    )
    def framing(
        actor: ActorQ = None,
        source: SourceQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        page = corpus.framing(actor=actor, source=source, limit=limit, offset=offset)
        return DyadJSON(page.to_dict())

    @app.get("/api/sources", responses=bad, tags=["sources"],
             summary="Outlets compared: reuse, conflicting claims, framing table")  # fmt: skip
    def sources() -> Any:
        return DyadJSON(corpus.sources())

    @app.get("/api/network", responses=lookup, tags=["network"],
             summary="Signed actor network: nodes with camps, pair relations, balance")  # fmt: skip
    def network(
        query: Network,
        top: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="unbalanced triads listed")] = 10,
        every: Annotated[
            str | None, Query(pattern="^(year|decade)$", description="also window by window")
        ] = None,
    ) -> Any:
        return DyadJSON(corpus.network(**query, top=top, every=every))

    @app.get("/api/predict", responses=lookup, tags=["network"],
             summary="Friends or enemies? Two actors' predicted relation, with its reasons")  # fmt: skip
    def predict(
        a: Annotated[
            str, Query(min_length=1, max_length=MAX_TEXT, description="an actor id, name or alias")
        ],
        b: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="the other actor")],
        query: Network,
    ) -> Any:
        return DyadJSON(corpus.predict(a, b, **query))

    # -- reader: two documents compared (issue 27) ----------------------------------------
    @app.get("/api/compare/{doc_a}/{doc_b}", responses=lookup, tags=["sources"],
             summary="Two documents' shared passages side by side, with a word-level diff")  # fmt: skip
    def compare(doc_a: Annotated[str, _id()], doc_b: Annotated[str, _id()]) -> Any:
        return DyadJSON(corpus.compare(doc_a, doc_b))

    # -- end reader -----------------------------------------------------------------------


def network_query(
    modality: Annotated[
        list[Annotated[str, StringConstraints(pattern=MODALITY_PATTERN)]] | None,
        Query(max_length=len(MODALITIES), description=f"{MODALITY_HELP}; repeatable"),
    ] = None,
    type: Annotated[
        list[Annotated[str, StringConstraints(pattern=TYPE_PATTERN)]] | None,
        Query(max_length=len(PLOVER_TYPES), description=f"{TYPE_HELP}; repeatable"),
    ] = None,
    date_from: FromQ = None,
    date_to: ToQ = None,
    source: Annotated[
        list[Annotated[str, StringConstraints(max_length=MAX_TEXT)]] | None,
        Query(max_length=20, description="outlets or document ids (or prefixes); repeatable"),
    ] = None,
    rollup: bool = False,
    keep_generic: bool = False,
) -> dict[str, Any]:
    """The network filters every network route takes (a FastAPI dependency); the same
    choices as `dyad network`. Empty values (a form's blank field) are no filter."""
    modalities = tuple(m for m in modality or () if m)
    return {
        "modalities": modalities or None,
        "types": tuple(t for t in type or () if t),
        "date_from": date_from or None,
        "date_to": date_to or None,
        "sources": tuple(s for s in source or () if s),
        "rollup": rollup,
        "merge_generic": False if keep_generic else None,
    }


Network = Annotated[dict[str, Any], Depends(network_query)]


def _id() -> Any:
    from fastapi import Path as PathParam

    return PathParam(max_length=MAX_TEXT)
