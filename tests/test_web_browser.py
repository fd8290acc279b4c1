"""The pages in real headless Chromium (Debian's ``chromium``, driven by Playwright) against a
real server. Each page is saved as a screenshot under test-artifacts/web/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import HOSTILE, REPO
from dyad.corpus import Corpus
from dyad.web.server import BackgroundServer

CHROMIUM = os.environ.get("DYAD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts" / "web"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` (`.ci/run` does) "
    "or set DYAD_CHROMIUM",
)

# flags for a sandboxed machine with no network: no sandbox (root), no GPU, no calls home
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def ids(web_db: Path) -> dict[str, str]:
    """Ids of real items to open: a copied document, the hostile one, an event."""
    with Corpus(web_db) as corpus:
        hostile = corpus.documents(source=HOSTILE["outlet"]).items[0]["doc_id"]
        pairs = corpus.reuse(limit=100).items
        demo = next(p for p in pairs if hostile not in (p["doc_a"], p["doc_b"])
                    and "Copy" not in (p["outlet_a"] or "") + (p["outlet_b"] or ""))  # fmt: skip
        mine = next(p for p in pairs if hostile in (p["doc_a"], p["doc_b"]))
        event = corpus.events(limit=1).items[0]["event_id"]
    return {"copied": demo["doc_a"], "copied_other": demo["doc_b"], "hostile": hostile,
            "hostile_copy": mine["doc_b"] if mine["doc_a"] == hostile else mine["doc_a"],
            "event": event}  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Visit:
    """A page with every console error, failed request and error response recorded."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed {r.url}"))
        self.page.on(
            "response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}")
        )
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog {d.message}"), d.dismiss()))
        self.page.goto(url, wait_until="networkidle")

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.page.close()


PAGES = {
    "overview": "/",
    "documents": "/documents",
    "document": "/documents/{copied}",
    "events": "/events?actor=mek",
    "event": "/events/{event}",
    "actors": "/actors",
    "actor": "/actors/mek",
    "network": "/network",
    "map": "/map",
    "timeline": "/timeline",
    "sources": "/sources",
    "api": "/api-docs",
    # -- browsable tables and the interactive API docs --
    "places": "/places",
    "claims": "/claims",
    "reuse": "/reuse",
    "framing": "/framing?sort=sentiment",
    "search": "/documents?q=ashraf",
    "docs": "/docs",
    "compare": "/compare/{copied}/{copied_other}",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors(browser, server, ids, name) -> None:
    with Visit(
        browser, server + PAGES[name].format(**{k: quote(v) for k, v in ids.items()})
    ) as visit:
        if name in ("network", "map", "timeline", "actor"):
            visit.page.wait_for_selector(
                "[data-nodes], [data-markers], [data-items]", timeout=15000
            )
        visit.shot(name)
        assert visit.problems == []
        assert visit.page.locator("main h1").count() == 1
        assert "Error" not in visit.page.title()


def test_network_renders_and_clicks_through(browser, server) -> None:
    with Visit(browser, server + "/network") as visit:
        page = visit.page
        page.wait_for_selector("#cy[data-nodes]", timeout=15000)
        assert int(page.get_attribute("#cy", "data-nodes")) > 5
        assert int(page.get_attribute("#cy", "data-edges")) > 5
        assert page.locator("#cy canvas").count() > 0
        assert page.locator("#camps li").count() >= 2
        # an edge opens its evidence: the events behind it, linked
        page.evaluate("void window.dyadNetwork.edges()[0].emit('tap')")
        page.wait_for_selector("#evidence li a.event-type", timeout=10000)
        # a node opens the actor's page
        actor = page.evaluate("window.dyadNetwork.nodes().max(n => n.degree()).ele.id()")
        with page.expect_navigation():
            page.evaluate(f"void window.dyadNetwork.getElementById({actor!r}).emit('tap')")
        assert page.url.endswith(f"/actors/{quote(actor)}")
        assert visit.problems == []


def test_map_draws_outlines_and_markers(browser, server) -> None:
    with Visit(browser, server + "/map?actor=mek") as visit:
        page = visit.page
        page.wait_for_selector("#map[data-markers]", timeout=15000)
        assert int(page.get_attribute("#map", "data-markers")) > 0
        assert page.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane path").count() > 0
        assert visit.problems == []


def test_a_click_on_an_actor_opens_its_page(browser, server, ids) -> None:
    with Visit(browser, server + f"/documents/{quote(ids['copied'])}") as visit:
        page = visit.page
        link = page.locator("#text a.actor").first
        name = link.get_attribute("title")
        with page.expect_navigation():
            link.click()
        assert "/actors/" in page.url
        assert page.locator("main h1").inner_text() == name
        page.wait_for_selector("#timeline[data-items]", timeout=15000)
        assert visit.problems == []


def test_hostile_article_renders_as_text(browser, server, ids) -> None:
    pages = [
        f"/documents/{quote(ids['hostile'])}",
        f"/compare/{quote(ids['hostile'])}/{quote(ids['hostile_copy'])}",
        "/documents",
        f"/events?source={quote(HOSTILE['outlet'])}",
        "/",
        "/sources",
        "/actors",
        "/timeline",
        "/network",
        "/map",
    ]
    for path in pages:
        with Visit(browser, server + path) as visit:
            page = visit.page
            page.wait_for_timeout(300)
            assert page.evaluate("typeof window.__xss") == "undefined", path
            assert (
                page.locator(
                    "main script, main [onerror], main [onload], main [onmouseover]"
                ).count()
                == 0
            ), path
            assert visit.problems == [], path
            if path.startswith("/documents/"):
                visit.shot("hostile-document")
                text = page.locator("main").inner_text()
                assert "<script>window.__xss='text'</script>" in text
                assert HOSTILE["outlet"] in text
                assert page.locator("main h1").inner_text() == HOSTILE["title"]


def test_an_event_links_to_its_sentence(browser, server, ids) -> None:
    with Visit(browser, server + f"/events/{quote(ids['event'])}") as visit:
        page = visit.page
        with page.expect_navigation():
            page.locator("ul.mentions a").first.click()
        assert "/documents/" in page.url and "#c" in page.url
        assert page.locator("#text :target").count() == 1  # the anchor exists in the text
        assert visit.problems == []


SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
#: the colour of each sign in static/dyad.js, as the browser reports it
SIGN_COLOURS = {1: (46, 125, 50), -1: (192, 57, 43), 0: (156, 163, 175)}
COUNT_PIXELS = """(colours) => {
  // pixels of each edge colour on cytoscape's canvases: what was really painted
  const counts = colours.map(() => 0);
  for (const canvas of document.querySelectorAll("#cy canvas")) {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) {
      colours.forEach(([r, g, b], k) => {
        if (data[i + 3] > 0 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g)
            + Math.abs(data[i + 2] - b) < 12) counts[k] += 1;
      });
    }
  }
  return counts;
}"""


@pytest.mark.slow  # ~20 s a database; the fast suite loads the network page in test_page_loads
@pytest.mark.parametrize(
    "database", [pytest.param("web_db", id="demo"), pytest.param("seeds_db", id="seeds")]
)
def test_network_page_draws_one_signed_line_per_pair(browser, request, database) -> None:
    """/network on the demo corpus (the web suite's database: the demo articles and one
    hostile one) and on the reference corpus: the graph is drawn, one undirected line per
    pair relation, coloured by its sign, with no console error; screenshots are kept."""
    db = request.getfixturevalue(database)
    with Corpus(db) as corpus:
        network = corpus.network()
    signs = {frozenset((r["source"], r["target"])): r["sign"] for r in network["edges"]}
    with BackgroundServer(db) as url, Visit(browser, url + "/network") as visit:
        page = visit.page
        page.wait_for_selector("#cy[data-nodes]", timeout=15000)
        drawn = page.evaluate(
            """window.dyadNetwork.edges().map((e) => ({
                 pair: [e.data("source"), e.data("target")], sign: e.data("sign"),
                 colour: e.style("line-color"), arrow: e.style("target-arrow-shape") }))"""
        )
        n_nodes = page.evaluate("window.dyadNetwork.nodes().length")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = {"web_db": "demo", "seeds_db": "seeds"}[database]
        page.screenshot(path=str(SCREENSHOTS / f"network-{name}.png"), full_page=True)
        # the lines' own pixels: the sign colours painted with the edges, less those without
        colours = [list(SIGN_COLOURS[s]) for s in (1, -1)]
        with_edges = page.evaluate(COUNT_PIXELS, colours)
        page.evaluate("window.dyadNetwork.edges().style('display', 'none')")
        page.wait_for_timeout(500)
        without = page.evaluate(COUNT_PIXELS, colours)
        painted = [a - b for a, b in zip(with_edges, without, strict=True)]
        assert visit.problems == []
    assert n_nodes > 2 and drawn
    pairs = [frozenset(d["pair"]) for d in drawn]
    assert len(set(pairs)) == len(pairs)  # one line per pair, never one per direction
    if n_nodes == len(network["nodes"]):  # every actor shown: every relation drawn
        assert set(pairs) == set(signs)
    for d, pair in zip(drawn, pairs, strict=True):
        assert d["sign"] == signs[pair] and d["arrow"] == "none"
        colour = tuple(int(x) for x in d["colour"].strip("rgb()").split(","))
        assert colour == SIGN_COLOURS[d["sign"]]
    for sign, pixels in zip((1, -1), painted, strict=True):  # both colours really painted
        if any(d["sign"] == sign for d in drawn):
            assert pixels > 50, f"no {sign:+d} line painted"


# -- browsable tables (web/tables.py) and the interactive API docs (/docs) --------------------


@pytest.mark.slow
@pytest.mark.parametrize("table", ["events", "actors", "documents", "places", "claims",
                                   "framing"])  # fmt: skip
def test_a_facet_click_changes_the_rows(browser, server, table) -> None:
    with Visit(browser, f"{server}/{table}") as visit:
        page = visit.page
        before = page.locator("table tbody tr").count()
        total = page.locator("p.pager").inner_text()
        facet = page.locator("aside.facets a.facet-value").first
        value, count = (
            facet.inner_text(),
            int(facet.locator("xpath=..").locator(".count").inner_text()),
        )
        with page.expect_navigation():
            facet.click()
        page.wait_for_load_state("networkidle")
        assert page.locator("aside.facets .chosen").first.inner_text().startswith(value)
        assert f"of {count}" in page.locator("p.pager").inner_text() != total
        assert page.locator("table tbody tr").count() == min(count, 50) <= before
        # a sortable heading reorders them
        with page.expect_navigation():
            page.locator("thead a.sort").first.click()
        assert "sort=" in page.url and page.locator("thead a.sort.asc").count() == 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"table-{table}.png"), full_page=True)
        assert visit.problems == []


@pytest.mark.slow
def test_the_api_docs_page_performs_a_request(browser, server) -> None:
    with Visit(browser, f"{server}/docs") as visit:
        page = visit.page
        page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
        block = page.locator(".opblock", has=page.locator(".opblock-summary-path",
                                                         has_text="/api/overview")).first  # fmt: skip
        block.locator(".opblock-summary").click()
        block.locator("button.try-out__btn").click()
        block.locator("button.execute").click()
        status = block.locator(".live-responses-table tbody .response-col_status")
        status.first.wait_for(timeout=15000)
        assert status.first.inner_text().strip().startswith("200")
        assert (
            '"documents"' in block.locator(".live-responses-table .microlight").first.inner_text()
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "api-docs.png"), full_page=True)
        assert visit.problems == []


# -- reader, map and timeline for analysis (issue 27) ---------------------------------------


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


MARKS = """() => {
  // the computed marks of each actor and event link inside a copied passage, and of the text
  const plain = getComputedStyle(document.querySelector("#text")).color;
  const seen = (sel) => [...document.querySelectorAll(sel)].map((a) => {
    const own = getComputedStyle(a);
    const passage = getComputedStyle(a.closest(".copied"));
    return { colour: own.color, underline: own.textDecorationLine, border: own.borderBottomWidth,
             borderStyle: own.borderBottomStyle, background: passage.backgroundColor };
  });
  return { plain: plain, actors: seen("#text .copied a.actor"), events: seen("#text .copied a.event") };
}"""


@pytest.mark.slow
def test_reader_shows_actor_and_event_marks_inside_copied_passages(
    browser, server, ids, web_db
) -> None:
    with Visit(browser, server + f"/documents/{quote(ids['copied'])}") as visit:
        page = visit.page
        marks = page.evaluate(MARKS)
        _shot(page, "reader-copied")
        link = page.locator("#text a.copy-link").first
        title, href = link.get_attribute("title"), link.get_attribute("href")
        assert visit.problems == []
    assert marks["actors"] and marks["events"], marks  # the demo pair has both in its passage
    for actor in marks["actors"]:  # an actor: coloured and underlined, on the copied background
        assert "underline" in actor["underline"] and actor["colour"] != marks["plain"]
        assert actor["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    for event in marks["events"]:  # an event: its bottom border, on the same background
        assert event["borderStyle"] == "solid" and float(event["border"].rstrip("px")) >= 2
        assert event["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    other = href.split("/documents/")[1].split("#")[0]
    with Corpus(web_db) as corpus:
        fields = corpus.document_fields([other])[other]
    assert fields["title"] in title and fields["outlet"] in title  # named by title and outlet


@pytest.mark.slow
def test_map_clusters_sizes_and_hides_country_centres(browser, server) -> None:
    with Visit(browser, server + "/map") as visit:
        page = visit.page
        page.wait_for_selector("#map[data-markers]", timeout=15000)
        hidden_events = int(page.get_attribute("#map", "data-events"))
        clusters = page.locator(".marker-cluster").count()
        bounds = page.evaluate("window.dyadMap.getBounds().toBBoxString()")
        _shot(page, "map-clusters")
        page.check("#show-centroids")
        page.wait_for_timeout(300)
        all_events = int(page.get_attribute("#map", "data-events"))
        radii = page.evaluate(
            """() => { const r = []; window.dyadClusters.eachLayer((m) => r.push(
                 [m.options.events, m.getRadius()])); return r; }"""
        )
        _shot(page, "map-centroids")
        assert visit.problems == []
    assert clusters > 0  # cluster discs drawn
    assert hidden_events < all_events  # country centres are off until asked for
    west, south, east, north = map(float, bounds.split(","))
    assert east - west < 90 and north - south < 60  # the densest region, not the world
    by_count = sorted(radii)
    assert by_count[0][1] < by_count[-1][1]  # a place with more events draws larger


@pytest.mark.slow
def test_timeline_opens_on_the_densest_period(browser, server) -> None:
    with Visit(browser, server + "/timeline") as visit:
        page = visit.page
        page.wait_for_selector("#timeline[data-items]", timeout=15000)
        start = page.get_attribute("#timeline", "data-window-start")
        shown = page.evaluate(
            "(() => { const w = window.dyadTimeline.getWindow(); "
            "return [w.start.toISOString(), w.end.toISOString()]; })()"
        )
        clusters = page.locator("#timeline .vis-item.vis-cluster").count()
        titled = page.locator("#timeline .vis-item-content span[title]").count()
        _shot(page, "timeline-window")
        assert visit.problems == []
    with urlopen_json(server + "/api/timeline") as body:
        window = body["window"]
    assert start == window["start"]
    assert shown[0][:4] <= window["start"][:4] and shown[1][:4] >= window["end"][:4]
    assert shown[0][:4] > "1990"  # not the first event's year (1979): the dense part
    assert clusters > 0 and titled > 0  # crowded items clustered, labels with their whole text


class urlopen_json:
    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self) -> dict:
        import json
        import urllib.request

        with urllib.request.urlopen(self.url) as response:
            return json.load(response)

    def __exit__(self, *exc: object) -> None:
        pass
