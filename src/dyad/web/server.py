"""Running the web app: ``serve`` for ``dyad serve``, ``BackgroundServer`` for tests and
benchmarks (a real uvicorn server on a real socket, in a thread of this process)."""

from __future__ import annotations

import errno
import gc
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn

from ..errors import DyadError

__all__ = ["BackgroundServer", "check_port", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hosts(host: str, port: int) -> list[str] | None:
    """The Host headers to accept: on loopback only the loopback names (this stops a page on
    another site from reading the app through DNS rebinding); anywhere else any host."""
    if not is_loopback(host):
        return None
    return ["127.0.0.1", "localhost", "::1", "[::1]", host]


def make_app(db: str | Path, host: str, port: int, *, freeze: bool, **options: Any) -> Any:
    """The app; with ``freeze``, what exists once it is made (the modules, the app, its read
    model), which lives as long as a server process, is moved out of the collector's reach,
    so that a full collection, which would walk it all (~150 ms), does not stall the request
    that happens to trigger it. Only a process that serves one app until it ends should
    freeze: frozen objects are never freed."""
    from .app import create_app

    app = create_app(db, allowed_hosts=_hosts(host, port), **options)
    if freeze:
        gc.collect()
        gc.freeze()
    return app


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    ready: Callable[[str], None] | None = None,
    **options: Any,
) -> None:
    """Serve the app until interrupted (options go to :func:`dyad.web.app.create_app`);
    ``ready`` is called with the app's URL once the database is loaded."""
    check_port(host, port)  # before the database loads, and before "Serving ..." is said
    app = make_app(db, host, port, freeze=True, **options)
    if ready is not None:
        ready(f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}")
    try:
        uvicorn.run(app, host=host, port=port, log_level="critical", access_log=False)
    except (OSError, SystemExit) as err:  # uvicorn exits when it cannot bind
        check_port(host, port)
        raise DyadError(f"the server on {host}:{port} stopped: {err}") from err


def check_port(host: str, port: int) -> None:
    """Raise DyadError, with what to do, unless ``host:port`` can be listened on now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            reason = (
                "is in use" if err.errno == errno.EADDRINUSE else f"cannot be used ({err.strerror})"
            )
            raise DyadError(
                f"port {port} on {host} {reason}; stop what uses it or choose another with --port"
            ) from None


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class BackgroundServer:
    """``with BackgroundServer(db) as url:`` serves the app on a free loopback port (in a
    thread of this process; ``freeze`` as for :func:`make_app`, for a process that serves
    nothing else, as the latency benchmark does)."""

    def __init__(self, db: str | Path, *, host: str = "127.0.0.1", port: int | None = None,
                 freeze: bool = False, **options: Any) -> None:  # fmt: skip
        self.host, self.port = host, port or free_port(host)
        app = make_app(db, self.host, self.port, freeze=freeze, **options)
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning",
                                access_log=False, lifespan="on")  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise DyadError(f"the web app did not start on {self.url}")
            time.sleep(0.02)
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
