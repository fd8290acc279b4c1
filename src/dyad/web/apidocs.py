"""Interactive API docs at ``/docs``: Swagger UI (vendored from npm, see :mod:`.vendor`) over
the app's own ``/openapi.json``, served offline and within the Content-Security-Policy (the
start-up code is ``static/api-docs.js``, no inline script). ``/api-docs`` stays as a plain
reference that needs no script."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

__all__ = ["add_api_docs"]


def add_api_docs(app: FastAPI) -> None:
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> Response:
        from .pages import _render

        return _render(request, "docs.html")
