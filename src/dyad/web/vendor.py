"""Front-end libraries, fetched from the npm registry at install time and served as static files.

The web app never loads anything from a CDN: the browser gets Cytoscape.js, Leaflet,
Leaflet.markercluster, vis-timeline, topojson-client, the world-atlas country outlines and
Swagger UI (the API docs) from ``dyad serve`` itself.
The files are not committed to dyad's repository (it holds only code written for dyad); the
package build (``setup.py``) fetches each pinned tarball, checks it against the npm registry's
sha512 integrity string, as a ``package-lock.json`` would, and unpacks the few files used.

    python -m dyad.web.vendor            # fetch what is missing (also run by ``pip install``)
    python -m dyad.web.vendor --check    # list what is missing, fetch nothing

This module uses only the standard library: ``setup.py`` loads it before dyad's dependencies
are installed. Set ``DYAD_NPM_REGISTRY`` to fetch from a mirror.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PACKAGES", "VENDOR_DIR", "NpmPackage", "fetch", "missing"]

VENDOR_DIR = Path(__file__).parent / "static" / "vendor"


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # the registry's dist.integrity (sha512, base64)
    license: str
    #: member of the tarball (without its leading ``package/``) -> path under VENDOR_DIR
    files: dict[str, str] = field(default_factory=dict)

    def tarball_url(self, registry: str) -> str:
        return f"{registry.rstrip('/')}/{self.name}/-/{self.name.split('/')[-1]}-{self.version}.tgz"


PACKAGES = (
    NpmPackage(
        "cytoscape",
        "3.34.4",
        "sha512-msY99tMY8iWTg+sIPGfSqDcPNOt4xcj+v/K/7qUFaCUxxlqnMkUYLBjRUzn9W5CU/R2hrmtJa5+UtovrEM2ctg==",
        "MIT",
        {"dist/cytoscape.min.js": "cytoscape.min.js", "LICENSE": "LICENSE.cytoscape"},
    ),
    NpmPackage(
        "leaflet",
        "1.9.4",
        "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        "BSD-2-Clause",
        {
            "dist/leaflet.js": "leaflet/leaflet.js",
            "dist/leaflet.css": "leaflet/leaflet.css",
            "dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
            "dist/images/layers.png": "leaflet/images/layers.png",
            "dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
            "LICENSE": "LICENSE.leaflet",
        },
    ),
    NpmPackage(
        "leaflet.markercluster",
        "1.5.3",
        "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==",
        "MIT",
        {
            "dist/leaflet.markercluster.js": "leaflet/leaflet.markercluster.js",
            "dist/MarkerCluster.css": "leaflet/MarkerCluster.css",
            "MIT-LICENCE.txt": "LICENSE.leaflet.markercluster",
        },
    ),
    NpmPackage(
        "vis-timeline",
        "8.5.4",
        "sha512-Xt7RNrRvOkQiSyk6vFTXSRwTunT0y9MzDgHY8N8H9nPuebJ6Vg+u3xnv0Swbxna/Pa2E3HjaBblEIQiK74E01Q==",
        "Apache-2.0 OR MIT",
        {
            "standalone/umd/vis-timeline-graph2d.min.js": "vis-timeline-graph2d.min.js",
            "styles/vis-timeline-graph2d.min.css": "vis-timeline-graph2d.min.css",
            "LICENSE.MIT.txt": "LICENSE.vis-timeline",
        },
    ),
    NpmPackage(
        "topojson-client",
        "3.1.0",
        "sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw==",
        "ISC",
        {"dist/topojson-client.min.js": "topojson-client.min.js", "LICENSE": "LICENSE.topojson"},
    ),
    NpmPackage(
        "world-atlas",
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
        "ISC",
        {"countries-110m.json": "countries-110m.json", "LICENSE": "LICENSE.world-atlas"},
    ),
    # -- API docs (/docs): Swagger UI over the app's /openapi.json --
    NpmPackage(
        "swagger-ui-dist",
        "5.35.0",
        "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==",
        "Apache-2.0",
        {
            "swagger-ui-bundle.js": "swagger-ui/swagger-ui-bundle.js",
            "swagger-ui.css": "swagger-ui/swagger-ui.css",
            "LICENSE": "LICENSE.swagger-ui",
        },
    ),
)


def missing(folder: Path = VENDOR_DIR) -> list[str]:
    """The vendored files not present under ``folder``."""
    return [dest for p in PACKAGES for dest in p.files.values() if not (folder / dest).is_file()]


def _check_integrity(data: bytes, integrity: str, what: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    got = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if got != expected:
        raise RuntimeError(f"{what}: {algorithm} does not match the pinned integrity; not unpacked")


def fetch(
    folder: Path = VENDOR_DIR, *, registry: str | None = None, timeout: float = 60
) -> list[str]:
    """Fetch the packages with a missing file into ``folder``; return the files written."""
    registry = registry or os.environ.get("DYAD_NPM_REGISTRY", "https://registry.npmjs.org")
    written: list[str] = []
    for package in PACKAGES:
        if all((folder / dest).is_file() for dest in package.files.values()):
            continue
        url = package.tarball_url(registry)
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
        _check_integrity(data, package.integrity, f"{package.name}@{package.version}")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member, dest in package.files.items():
                extracted = archive.extractfile(f"package/{member}")
                if extracted is None:
                    raise RuntimeError(f"{package.name}@{package.version} has no {member}")
                target = folder / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(extracted.read())
                written.append(dest)
    manifest = {p.name: {"version": p.version, "license": p.license} for p in PACKAGES}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        absent = missing()
        for dest in absent:
            print(f"missing: {VENDOR_DIR / dest}")
        return 1 if absent else 0
    try:
        written = fetch()
    except (OSError, RuntimeError) as err:
        print(f"dyad: could not fetch the front-end libraries from the npm registry: {err}")
        return 1
    print(f"{len(written)} files fetched into {VENDOR_DIR}" if written else "all files present")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
